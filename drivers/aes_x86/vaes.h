// The VAES + VPCLMULQDQ path (AVX-512: 512-bit registers, four AES blocks
// each): the bulk of counter mode, ECB, CBC decryption and GCM, 16 blocks
// in flight. Callers check aes_x86_current_path() == AES_X86_PATH_VAES;
// the signatures and in-place rules are those of aes_ni.h and gcm_bulk.h.

#ifndef DRIVERS_AES_X86_VAES_H_
#define DRIVERS_AES_X86_VAES_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/aes_x86/aes_x86_key.h"

namespace aes_x86 {

void VaesEcbEncrypt(const aes_x86_key_t& key, const uint8_t* in, uint8_t* out, size_t blocks);
void VaesEcbDecrypt(const aes_x86_key_t& decrypt_key, const uint8_t* in, uint8_t* out, size_t blocks);
void VaesCbcDecrypt(const aes_x86_key_t& decrypt_key, uint8_t iv[16], const uint8_t* in, uint8_t* out,
                    size_t blocks);
void VaesCtr128Xor(const aes_x86_key_t& key, uint8_t counter[16], const uint8_t* in, uint8_t* out, size_t blocks);
// Needs all 16 powers of `h` when blocks >= 16.
void VaesGcmBulk(const aes_x86_key_t& key, const aes_x86_ghash_key_t& h, bool encrypt, uint8_t counter[16],
                 uint8_t x[16], const uint8_t* in, uint8_t* out, size_t blocks);

}  // namespace aes_x86

#endif  // DRIVERS_AES_X86_VAES_H_
