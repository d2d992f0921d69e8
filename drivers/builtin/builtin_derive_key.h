/* The builtin driver's cooked key derivation ("derive_key" of the PSA driver
 * interface, "Transparent cooked key derivation") over Mbed TLS bignums, by
 * the procedures of PSA Crypto 1.2 for each key type:
 *   - DES (64 bits, or 128/192 bits in 8-byte parts): parity bits set,
 *     PSA_ERROR_INSUFFICIENT_DATA for a weak or semi-weak key (the core
 *     draws again);
 *   - ECC key pairs on Weierstrass curves (input ceil(log2(n) / 8) bytes):
 *     the excess top bits cleared, k = the big-endian integer,
 *     PSA_ERROR_INSUFFICIENT_DATA if k > n - 2, else d = k + 1;
 *   - ECC key pairs on Montgomery curves (32 or 56 bytes): the RFC 7748
 *     section 5 bits forced;
 *   - SPAKE2+ key pairs on SECP_R1 curves (2 * (ceil(log2(n) / 8) + 8)
 *     bytes, w0s || w1s): w0 = w0s mod n, w1 = w1s mod n (RFC 9383
 *     section 3.2), output w0 || w1.
 * The output is the key's export format. PSA_ERROR_NOT_SUPPORTED for other
 * types and curves (Twisted Edwards, RSA, DH), PSA_ERROR_INVALID_ARGUMENT
 * for an input of the wrong length, PSA_ERROR_BUFFER_TOO_SMALL. `memory` is
 * not used (the capability declares none). */

#ifndef DRIVERS_BUILTIN_BUILTIN_DERIVE_KEY_H_
#define DRIVERS_BUILTIN_BUILTIN_DERIVE_KEY_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

psa_status_t builtin_derive_key(const psa_key_attributes_t *attributes, const uint8_t *input, size_t input_length,
                                void *memory, uint8_t *key_buffer, size_t key_buffer_size,
                                size_t *key_buffer_length);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // DRIVERS_BUILTIN_BUILTIN_DERIVE_KEY_H_
