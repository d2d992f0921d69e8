/* The openssl driver's AEAD entry points, "aead_encrypt" and "aead_decrypt"
 * (single-part; drivers/openssl/openssl.json): PSA_ALG_CHACHA20_POLY1305
 * (RFC 8439) with a 256-bit PSA_KEY_TYPE_CHACHA20 key and a 12-byte nonce,
 * 16-byte tag appended to the ciphertext. Other nonce lengths, algorithms
 * and keys: PSA_ERROR_NOT_SUPPORTED (the next driver serves them).
 *
 * Statuses: PSA_SUCCESS; PSA_ERROR_BUFFER_TOO_SMALL (nothing written);
 * PSA_ERROR_INVALID_SIGNATURE (decryption: the tag does not verify, or the
 * ciphertext is shorter than a tag; the plaintext buffer is wiped);
 * PSA_ERROR_INSUFFICIENT_MEMORY. Multi-part ChaCha20-Poly1305 is left to the
 * next driver. */

#ifndef DRIVERS_OPENSSL_OPENSSL_AEAD_H_
#define DRIVERS_OPENSSL_OPENSSL_AEAD_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

psa_status_t openssl_aead_encrypt(
    const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
    size_t nonce_length, const uint8_t *additional_data,
    size_t additional_data_length, const uint8_t *plaintext,
    size_t plaintext_length, uint8_t *ciphertext, size_t ciphertext_size,
    size_t *ciphertext_length);
psa_status_t openssl_aead_decrypt(
    const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
    size_t nonce_length, const uint8_t *additional_data,
    size_t additional_data_length, const uint8_t *ciphertext,
    size_t ciphertext_length, uint8_t *plaintext, size_t plaintext_size,
    size_t *plaintext_length);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_OPENSSL_OPENSSL_AEAD_H_ */
