// AES with the AES-NI instructions (128-bit registers): key schedules and
// the block modes over them, with 8 independent blocks in flight where the
// mode allows it (ECB, CBC decryption, counter mode). Constant-time: no
// table lookups, no branches on data. Callers check the CPU first
// (aes_x86_cpu.h); buffers may be identical (in place) but must not
// otherwise overlap.

#ifndef DRIVERS_AES_X86_AES_NI_H_
#define DRIVERS_AES_X86_AES_NI_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/aes_x86/aes_x86_key.h"

namespace aes_x86 {

// Expands a 16-, 24- or 32-byte key into an encryption schedule. Returns
// false (and writes nothing) for any other length.
bool ExpandKey(const uint8_t* key, size_t key_length, aes_x86_key_t* schedule);

// The decryption schedule (AESIMC of the inner round keys, reversed) of an
// encryption schedule.
void InvertKey(const aes_x86_key_t& encrypt, aes_x86_key_t* decrypt);

// One block.
void EncryptBlock(const aes_x86_key_t& key, const uint8_t in[16], uint8_t out[16]);

// ECB over `blocks` whole blocks.
void EcbEncrypt(const aes_x86_key_t& key, const uint8_t* in, uint8_t* out, size_t blocks);
void EcbDecrypt(const aes_x86_key_t& decrypt_key, const uint8_t* in, uint8_t* out, size_t blocks);

// CBC over `blocks` whole blocks; `iv` is the chaining value, updated to
// the last ciphertext block.
void CbcEncrypt(const aes_x86_key_t& key, uint8_t iv[16], const uint8_t* in, uint8_t* out, size_t blocks);
void CbcDecrypt(const aes_x86_key_t& decrypt_key, uint8_t iv[16], const uint8_t* in, uint8_t* out,
                size_t blocks);

// Counter mode over `blocks` whole blocks: out = in ^ E(counter++), with
// the counter block big-endian over all 128 bits (Ctr128) or over its last
// 32 bits modulo 2^32 (Ctr32, GCM's inc32). `counter` is advanced.
void Ctr128Xor(const aes_x86_key_t& key, uint8_t counter[16], const uint8_t* in, uint8_t* out, size_t blocks);
void Ctr32Xor(const aes_x86_key_t& key, uint8_t counter[16], const uint8_t* in, uint8_t* out, size_t blocks);

// Increments a counter block: over all 128 bits, or over the last 32.
void Increment128(uint8_t counter[16]);
void Increment32(uint8_t counter[16]);

}  // namespace aes_x86

#endif  // DRIVERS_AES_X86_AES_NI_H_
