/* The openssl driver's "key_agreement" entry point: PSA_ALG_ECDH over
 * EVP_PKEY_derive, with a key pair of the Weierstrass curves of
 * openssl_pkey.h, X25519 or X448 (drivers/openssl/openssl.json).
 *
 * The peer key is the public-key export format of the same curve (0x04 || x
 * || y, or the RFC 7748 u-coordinate). The output is the x-coordinate of the
 * shared point, big-endian in ceil(bits/8) bytes, or the RFC 7748 output.
 * Returns PSA_SUCCESS; PSA_ERROR_INVALID_ARGUMENT (peer key of the wrong
 * length or form, not on the curve, or an all-zero X25519/X448 result);
 * PSA_ERROR_NOT_SUPPORTED; PSA_ERROR_BUFFER_TOO_SMALL; PSA_ERROR_INSUFFICIENT_MEMORY.
 * On failure the output is wiped and *output_length is 0. */

#ifndef DRIVERS_OPENSSL_OPENSSL_KEY_AGREEMENT_H_
#define DRIVERS_OPENSSL_OPENSSL_KEY_AGREEMENT_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

psa_status_t openssl_key_agreement(psa_algorithm_t alg,
                                   const psa_key_attributes_t *our_attributes,
                                   const uint8_t *our_key_buffer,
                                   size_t our_key_buffer_length,
                                   const uint8_t *peer_key,
                                   size_t peer_key_length, uint8_t *output,
                                   size_t output_size, size_t *output_length);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_OPENSSL_OPENSSL_KEY_AGREEMENT_H_ */
