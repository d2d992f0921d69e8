/* The openssl driver's RSA encryption entry points, "asymmetric_encrypt" and
 * "asymmetric_decrypt" (drivers/openssl/openssl.json): PSA_ALG_RSA_PKCS1V15_CRYPT
 * and PSA_ALG_RSA_OAEP(h) (MGF1-h, the salt is the label) for h among SHA-1,
 * SHA-2 and SHA-3, RSA 1024-8192 bits (k bytes).
 *
 * Statuses as the builtin driver's (builtin_asymmetric_encryption.h):
 * PSA_ERROR_INVALID_ARGUMENT (a salt for PKCS#1 v1.5, a message too long, a
 * ciphertext that is not k bytes, a public key to decrypt); every failed
 * decryption is PSA_ERROR_INVALID_PADDING; PSA_ERROR_BUFFER_TOO_SMALL only
 * for a plaintext that decrypted and does not fit (decryption is staged in a
 * buffer of the driver's own, wiped on every path); PSA_ERROR_NOT_SUPPORTED
 * for another hash, algorithm or key size. */

#ifndef DRIVERS_OPENSSL_OPENSSL_ASYMMETRIC_ENCRYPTION_H_
#define DRIVERS_OPENSSL_OPENSSL_ASYMMETRIC_ENCRYPTION_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

psa_status_t openssl_asymmetric_encrypt(const psa_key_attributes_t *attributes,
                                        const uint8_t *key_buffer,
                                        size_t key_buffer_size,
                                        psa_algorithm_t alg,
                                        const uint8_t *input,
                                        size_t input_length,
                                        const uint8_t *salt, size_t salt_length,
                                        uint8_t *output, size_t output_size,
                                        size_t *output_length);
psa_status_t openssl_asymmetric_decrypt(const psa_key_attributes_t *attributes,
                                        const uint8_t *key_buffer,
                                        size_t key_buffer_size,
                                        psa_algorithm_t alg,
                                        const uint8_t *input,
                                        size_t input_length,
                                        const uint8_t *salt, size_t salt_length,
                                        uint8_t *output, size_t output_size,
                                        size_t *output_length);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_OPENSSL_OPENSSL_ASYMMETRIC_ENCRYPTION_H_ */
