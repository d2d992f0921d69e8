// What the aes_x86 entry points share: the key checks, wiping and the
// constant-time compare.

#ifndef DRIVERS_AES_X86_AES_X86_COMMON_H_
#define DRIVERS_AES_X86_AES_X86_COMMON_H_

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "drivers/aes_x86/aes_x86_cpu.h"
#include "psa/crypto.h"

namespace aes_x86 {

// Checks that the key is an AES key this driver can use now: returns
// PSA_ERROR_NOT_SUPPORTED for another key type or when the CPU path is
// AES_X86_PATH_NONE, PSA_ERROR_INVALID_ARGUMENT for a key buffer that is
// not 16, 24 or 32 bytes or disagrees with the attributes' nonzero bits,
// PSA_SUCCESS otherwise, with *path set.
inline psa_status_t CheckAesKey(const psa_key_attributes_t* attributes, size_t key_buffer_size,
                                aes_x86_path_t* path) {
  if (psa_get_key_type(attributes) != PSA_KEY_TYPE_AES) return PSA_ERROR_NOT_SUPPORTED;
  *path = aes_x86_current_path();
  if (*path == AES_X86_PATH_NONE) return PSA_ERROR_NOT_SUPPORTED;
  if (key_buffer_size != 16 && key_buffer_size != 24 && key_buffer_size != 32) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t bits = psa_get_key_bits(attributes);
  if (bits != 0 && bits != 8 * key_buffer_size) return PSA_ERROR_INVALID_ARGUMENT;
  return PSA_SUCCESS;
}

// Overwrites with zeros; never optimized out.
inline void Wipe(void* p, size_t n) {
  if (n != 0) explicit_bzero(p, n);
}

template <typename T>
void WipeObject(T* object) {
  Wipe(object, sizeof(*object));
}

// Whether a[0..n) == b[0..n), in time independent of the contents.
inline bool EqualConstantTime(const uint8_t* a, const uint8_t* b, size_t n) {
  uint8_t diff = 0;
  for (size_t i = 0; i < n; ++i) diff = static_cast<uint8_t>(diff | (a[i] ^ b[i]));
  __asm__("" : "+r"(diff));
  return diff == 0;
}

}  // namespace aes_x86

#endif  // DRIVERS_AES_X86_AES_X86_COMMON_H_
