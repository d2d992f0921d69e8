// Secure erasure of secrets: key material, hash and DRBG states, outputs of
// failed operations.

#ifndef PSA_CORE_WIPE_H_
#define PSA_CORE_WIPE_H_

#include <stddef.h>
#include <string.h>

#include <type_traits>

namespace psa::core {

// Overwrites `size` bytes at `buffer` with zeros. Unlike memset, the store is
// never removed by the optimizer, even when `buffer` is dead afterwards.
// `buffer` may be null only if `size` is 0.
inline void SecureWipe(void* buffer, size_t size) {
  if (size != 0) explicit_bzero(buffer, size);
}

// Wipes every byte of a trivially copyable object (a C struct, an array).
template <typename T>
void SecureWipeObject(T& object) {
  static_assert(std::is_trivially_copyable_v<T>,
                "SecureWipeObject only wipes plain data");
  SecureWipe(&object, sizeof(object));
}

}  // namespace psa::core

#endif  // PSA_CORE_WIPE_H_
