/* The openssl driver's signature entry points (drivers/openssl/openssl.json).
 *
 * "sign_hash" / "verify_hash":
 *   - PSA_ALG_ECDSA(h) and PSA_ALG_ECDSA_ANY with the Weierstrass curves of
 *     openssl_pkey.h (signature r || s, each ceil(bits/8) bytes). OpenSSL 3.0
 *     has no RFC 6979: PSA_ALG_DETERMINISTIC_ECDSA is PSA_ERROR_NOT_SUPPORTED
 *     (builtin serves it).
 *   - PSA_ALG_RSA_PKCS1V15_SIGN(h), PSA_ALG_RSA_PKCS1V15_SIGN_RAW,
 *     PSA_ALG_RSA_PSS(h) (salt of h's length, or the largest that fits a
 *     short key; verification requires that salt length) and
 *     PSA_ALG_RSA_PSS_ANY_SALT(h) (verification accepts any salt), RSA
 *     1024-8192 bits.
 *   with h among SHA-1, SHA-2 (SHA-512/224 and /256 included) and SHA-3.
 * "sign_message" / "verify_message": PSA_ALG_PURE_EDDSA with Ed25519 and
 *   Ed448 keys (RFC 8032, empty context). The prehashed variants
 *   (PSA_ALG_ED25519PH, PSA_ALG_ED448PH) need OpenSSL 3.2's "instance"
 *   parameter: PSA_ERROR_NOT_SUPPORTED with OpenSSL 3.0.
 *
 * Statuses as the builtin driver's (drivers/builtin/builtin_signature.h):
 * PSA_ERROR_NOT_SUPPORTED for what is not served (the dispatch then tries
 * the next driver), PSA_ERROR_INVALID_ARGUMENT for a hash of the wrong
 * length, a RAW input too long for the key, a public key to sign with or a
 * key buffer that does not parse; PSA_ERROR_BUFFER_TOO_SMALL (nothing
 * written); PSA_ERROR_INVALID_SIGNATURE for every signature that does not
 * verify, including one of the wrong length. Randomness (ECDSA nonces, RSA
 * blinding, PSS salts) comes from OpenSSL's own DRBG. */

#ifndef DRIVERS_OPENSSL_OPENSSL_SIGNATURE_H_
#define DRIVERS_OPENSSL_OPENSSL_SIGNATURE_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

psa_status_t openssl_sign_hash(const psa_key_attributes_t *attributes,
                               const uint8_t *key_buffer,
                               size_t key_buffer_size, psa_algorithm_t alg,
                               const uint8_t *hash, size_t hash_length,
                               uint8_t *signature, size_t signature_size,
                               size_t *signature_length);
psa_status_t openssl_verify_hash(const psa_key_attributes_t *attributes,
                                 const uint8_t *key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg,
                                 const uint8_t *hash, size_t hash_length,
                                 const uint8_t *signature,
                                 size_t signature_length);
psa_status_t openssl_sign_message(const psa_key_attributes_t *attributes,
                                  const uint8_t *key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg,
                                  const uint8_t *input, size_t input_length,
                                  uint8_t *signature, size_t signature_size,
                                  size_t *signature_length);
psa_status_t openssl_verify_message(const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer,
                                    size_t key_buffer_size,
                                    psa_algorithm_t alg, const uint8_t *input,
                                    size_t input_length,
                                    const uint8_t *signature,
                                    size_t signature_length);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_OPENSSL_OPENSSL_SIGNATURE_H_ */
