// GCM's bulk step over whole blocks: counter-mode encryption (inc32) fused
// with GHASH of the ciphertext, 8 blocks per iteration with one reduction
// (AES-NI + PCLMULQDQ) or 16 (VAES + VPCLMULQDQ, vaes.h).

#ifndef DRIVERS_AES_X86_GCM_BULK_H_
#define DRIVERS_AES_X86_GCM_BULK_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/aes_x86/aes_x86_key.h"

namespace aes_x86 {

// out = in ^ E(counter++) over `blocks` blocks, and x absorbs the
// ciphertext (out if encrypting, in if decrypting). Needs powers[8..15].
void GcmBulkNi(const aes_x86_key_t& key, const aes_x86_ghash_key_t& h, bool encrypt, uint8_t counter[16],
               uint8_t x[16], const uint8_t* in, uint8_t* out, size_t blocks);

}  // namespace aes_x86

#endif  // DRIVERS_AES_X86_GCM_BULK_H_
