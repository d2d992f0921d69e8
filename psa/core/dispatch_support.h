// Helpers for the generated dispatch (rules/drivergen): typed access to the
// driver context inside an operation object, wiping, and single-part hashing
// through a driver's multi-part entry points.

#ifndef PSA_CORE_DISPATCH_SUPPORT_H_
#define PSA_CORE_DISPATCH_SUPPORT_H_

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::dispatch::support {

// Overwrites `size` bytes at `p` in a way the compiler cannot elide.
inline void Wipe(void* p, size_t size) { psa::core::SecureWipe(p, size); }

// The driver context of type `T` held by an operation object.
template <typename T, typename Operation>
T* Context(Operation* operation) {
  static_assert(sizeof(T) <= sizeof(operation->ctx), "driver context does not fit in the operation object");
  static_assert(alignof(T) <= alignof(decltype(operation->ctx)), "driver context needs more alignment");
  return reinterpret_cast<T*>(&operation->ctx);
}

// psa_hash_compute through a driver that has "hash_multipart" but no
// "hash_compute", as the driver interface asks of the core. The context
// lives on the stack and is wiped before returning.
template <typename T>
psa_status_t HashComputeByParts(psa_status_t (*setup)(T*, psa_algorithm_t),
                                psa_status_t (*update)(T*, const uint8_t*, size_t),
                                psa_status_t (*finish)(T*, uint8_t*, size_t, size_t*),
                                psa_status_t (*abort)(T*), psa_algorithm_t alg, const uint8_t* input,
                                size_t input_length, uint8_t* hash, size_t hash_size, size_t* hash_length) {
  T context;
  memset(&context, 0, sizeof(context));
  psa_status_t status = setup(&context, alg);
  if (status == PSA_SUCCESS) {
    status = update(&context, input, input_length);
    if (status == PSA_SUCCESS) status = finish(&context, hash, hash_size, hash_length);
    psa_status_t abort_status = abort(&context);
    if (status == PSA_SUCCESS) status = abort_status;
  }
  Wipe(&context, sizeof(context));
  return status;
}

// Export of a transparent key: its key buffer is its export format.
inline psa_status_t CopyKeyBuffer(const uint8_t* key_buffer, size_t key_buffer_size, uint8_t* data,
                                  size_t data_size, size_t* data_length) {
  *data_length = 0;
  if (data_size < key_buffer_size) return PSA_ERROR_BUFFER_TOO_SMALL;
  if (key_buffer_size != 0) memcpy(data, key_buffer, key_buffer_size);
  *data_length = key_buffer_size;
  return PSA_SUCCESS;
}

// The size of an opaque key context from the static "key_context"
// properties of a driver description (PSA driver interface, "Key format for
// opaque drivers"). `symmetric_factor` multiplies the key size in bytes.
inline size_t OpaqueKeyContextSize(psa_key_type_t type, size_t bits, size_t base_size, size_t key_pair_size,
                                   size_t public_key_size, size_t symmetric_factor, bool store_public_key) {
  size_t size = base_size;
  if (PSA_KEY_TYPE_IS_KEY_PAIR(type)) {
    size += key_pair_size;
    if (store_public_key) size += PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type), bits);
  } else if (PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) {
    size += public_key_size;
  } else {
    size += symmetric_factor * PSA_BITS_TO_BYTES(bits);
  }
  return size;
}

}  // namespace psa::dispatch::support

#endif  // PSA_CORE_DISPATCH_SUPPORT_H_
