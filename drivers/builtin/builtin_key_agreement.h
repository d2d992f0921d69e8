/* The builtin driver's "key_agreement" entry point: ECDH over Mbed TLS.
 * Described by drivers/builtin/builtin.json (prefix "builtin", transparent).
 *
 * Supported: PSA_ALG_ECDH with a PSA_KEY_TYPE_ECC_KEY_PAIR of the curves of
 * builtin_ecc.cc: SECP_R1 192, 224, 256, 384, 521; SECP_K1 192, 225
 * (secp224k1), 256; BRAINPOOL_P_R1 256, 384, 512; MONTGOMERY 255 (X25519)
 * and 448 (X448). Anything else (other algorithms such as PSA_ALG_FFDH,
 * other key types, families and sizes) is PSA_ERROR_NOT_SUPPORTED.
 *
 * `our_key_buffer` holds the private key in its export format (as
 * "import_key" stored it). `peer_key` is the peer's public key in the
 * public-key export format of the same curve: 0x04 || x || y on Weierstrass
 * curves (the only form: compressed points are rejected), the 32- or
 * 56-byte little-endian u-coordinate on Montgomery curves.
 *
 * The shared secret written to `output` is the x-coordinate of d * Q,
 * big-endian, as long as a coordinate of the curve (Weierstrass), or the
 * RFC 7748 X25519/X448 output, little-endian (Montgomery).
 *
 * Returns PSA_SUCCESS; PSA_ERROR_INVALID_ARGUMENT (peer key of the wrong
 * length or format, not on the curve, the point at infinity, of small order,
 * an all-zero X25519/X448 result; a key buffer that does not hold a valid
 * private key); PSA_ERROR_NOT_SUPPORTED; PSA_ERROR_BUFFER_TOO_SMALL
 * (output_size below the secret's length); PSA_ERROR_INSUFFICIENT_MEMORY; a
 * status of psa_generate_random (the scalar multiplication is blinded with
 * randomness from the core, which must be initialized).
 *
 * On failure the output is wiped and *output_length is 0. Every
 * intermediate value (the private scalar, the shared point) is wiped.
 * Includable from C and C++; buffers of size 0 may be null. */

#ifndef DRIVERS_BUILTIN_BUILTIN_KEY_AGREEMENT_H_
#define DRIVERS_BUILTIN_BUILTIN_KEY_AGREEMENT_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

psa_status_t builtin_key_agreement(psa_algorithm_t alg,
                                   const psa_key_attributes_t *our_attributes,
                                   const uint8_t *our_key_buffer,
                                   size_t our_key_buffer_length,
                                   const uint8_t *peer_key,
                                   size_t peer_key_length, uint8_t *output,
                                   size_t output_size, size_t *output_length);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_BUILTIN_BUILTIN_KEY_AGREEMENT_H_ */
