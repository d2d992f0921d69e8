// AES-256 on whole blocks, the block cipher of the core's CTR_DRBG
// (ctr_drbg.h), served by whichever driver the generated dispatch picks for
// PSA_ALG_ECB_NO_PADDING with a 256-bit AES key.

#ifndef PSA_CORE_RANDOM_AES_BLOCKS_H_
#define PSA_CORE_RANDOM_AES_BLOCKS_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"

namespace psa::core {

inline constexpr size_t kAesBlockLength = 16;
inline constexpr size_t kAes256KeyLength = 32;

// Encrypts `blocks` 16-byte blocks of `input` into `output` (which must not
// overlap it) with AES-256 under `key`, block by block (ECB). Returns the
// driver's status; on failure `output` is wiped.
using Aes256Function = psa_status_t (*)(const uint8_t* key, const uint8_t* input, uint8_t* output,
                                        size_t blocks);

// The Aes256Function over psa::dispatch::CipherEncrypt (ECB, no padding):
// one dispatched call per invocation, however many blocks.
psa_status_t DispatchedAes256(const uint8_t* key, const uint8_t* input, uint8_t* output, size_t blocks);

}  // namespace psa::core

#endif  // PSA_CORE_RANDOM_AES_BLOCKS_H_
