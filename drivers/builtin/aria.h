/* The ARIA block cipher (RFC 5794; KS X 1213): 128-bit blocks, 128-, 192-
 * and 256-bit keys (12, 14 and 16 rounds). The builtin driver's own
 * implementation, since Debian's Mbed TLS 2.28 is built without
 * MBEDTLS_ARIA_C. Private to drivers/builtin.
 *
 * Not constant-time: the S-box lookups are table lookups indexed by key-
 * and data-dependent bytes (8 KiB of 32-bit round tables, the S-boxes with
 * part of the diffusion layer folded in, and the 256-byte S-boxes for the
 * last round), as in Mbed TLS's and OpenSSL's portable ARIA, so an attacker
 * who can observe the cache (another process or VM on the same core, or
 * precise timing) may learn key bits. The rest of the diffusion layer and
 * the key schedule's rotations have no data-dependent branches or
 * indices.
 *
 * The context type is plain C so that the driver's C headers
 * (builtin_cipher.h, builtin_aead.h) can hold it in their unions; the
 * functions are C++ (namespace drivers::builtin). */

#ifndef DRIVERS_BUILTIN_ARIA_H_
#define DRIVERS_BUILTIN_ARIA_H_

#include <stddef.h>
#include <stdint.h>

/* An expanded ARIA key, for encryption or for decryption. It owns no
 * memory and holds no pointers, so it may be copied; whoever owns it wipes
 * it (mbedtls_platform_zeroize) when done. */
typedef struct builtin_aria_context_s {
  /* Round keys ek_1..ek_(rounds + 1) (or dk_...), each as four big-endian
   * 32-bit words. */
  uint32_t round_keys[17][4];
  uint32_t rounds; /* 12, 14 or 16; 0 while no key is set */
} builtin_aria_context_t;

#ifdef __cplusplus

namespace drivers::builtin {

using AriaContext = builtin_aria_context_t;

inline constexpr size_t kAriaBlockSize = 16;

// Expands `key` (key_bits / 8 bytes) into the encryption round keys of
// `ctx`. Returns true; false, leaving `ctx` unchanged, when key_bits is not
// 128, 192 or 256.
bool AriaSetEncryptKey(AriaContext* ctx, const uint8_t* key, size_t key_bits);

// Like AriaSetEncryptKey, but the decryption round keys (RFC 5794 section
// 2.3.2: the encryption keys in reverse order, the inner ones through the
// diffusion layer).
bool AriaSetDecryptKey(AriaContext* ctx, const uint8_t* key, size_t key_bits);

// Runs ARIA on one block: `out` = E_K(`in`) with an encryption schedule,
// D_K(`in`) with a decryption schedule. `in` and `out` may be the same
// block. `ctx` must hold a key (rounds != 0).
void AriaCryptBlock(const AriaContext* ctx, const uint8_t in[kAriaBlockSize],
                    uint8_t out[kAriaBlockSize]);

}  // namespace drivers::builtin

#endif /* __cplusplus */

#endif /* DRIVERS_BUILTIN_ARIA_H_ */
