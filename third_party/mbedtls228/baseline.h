/* Mbed TLS 2.28's own PSA Crypto implementation (Debian's libmbedcrypto.a,
 * psa_crypto.c and its drivers) as a baseline for the benchmarks, callable
 * from a program that also links this project's PSA Crypto library.
 *
 * The archive is linked as a private copy whose symbols are all renamed to
 * mbedtls228_* (renamed_archive.bzl), and this API is compiled against Mbed
 * TLS's own headers (/usr/include/psa/crypto.h, PSA Crypto API 1.0): its
 * declarations use plain C types only, so that this header can be included
 * next to the project's psa/crypto.h. Statuses are Mbed TLS's psa_status_t
 * values, which are those of the PSA Crypto API (0 is success,
 * -134 PSA_ERROR_NOT_SUPPORTED, ...).
 *
 * Multi-part AEAD (psa_aead_encrypt_setup and the rest) does not exist in
 * Mbed TLS 2.28's PSA implementation, so it has no function here.
 *
 * Not thread-safe beyond what Mbed TLS's PSA implementation is. */

#ifndef THIRD_PARTY_MBEDTLS228_BASELINE_H_
#define THIRD_PARTY_MBEDTLS228_BASELINE_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The mechanisms of the benchmarks: each fixes the key type, the key size
 * the caller passes and the algorithm. */
typedef enum {
  BASELINE_AES_GCM,            /* AES key of 128, 192 or 256 bits, PSA_ALG_GCM */
  BASELINE_AES_CCM,            /* AES key, PSA_ALG_CCM */
  BASELINE_CHACHA20_POLY1305,  /* 256-bit ChaCha20 key, PSA_ALG_CHACHA20_POLY1305 */
  BASELINE_AES_CTR,            /* AES key, PSA_ALG_CTR */
  BASELINE_AES_CBC_NO_PADDING, /* AES key, PSA_ALG_CBC_NO_PADDING */
  BASELINE_AES_CBC_PKCS7,      /* AES key, PSA_ALG_CBC_PKCS7 */
  BASELINE_HMAC_SHA_256,       /* HMAC key of any length, PSA_ALG_HMAC(PSA_ALG_SHA_256) */
  BASELINE_AES_CMAC,           /* AES key, PSA_ALG_CMAC */
} baseline_mechanism_t;

/* A key in Mbed TLS's key store and the algorithm it was imported for. */
typedef struct {
  uint32_t id;  /* Mbed TLS's psa_key_id_t; 0: no key */
  uint32_t alg; /* Mbed TLS's psa_algorithm_t */
} baseline_key_t;

/* psa_crypto_init of Mbed TLS. Returns its status. */
int32_t baseline_init(void);

/* The version of the linked Mbed TLS, as MBEDTLS_VERSION_STRING_FULL
 * ("mbed TLS 2.28.3"), from mbedtls_version_get_string_full(). */
const char *baseline_version(void);

/* Imports `key_length` raw key bytes for `mechanism` as a volatile key
 * usable for encryption, decryption, signing and verification with the
 * mechanism's algorithm. On success *key is the new key; on failure it is
 * {0, 0}. Returns the status of psa_import_key, or PSA_ERROR_INVALID_ARGUMENT
 * (-135) for an unknown mechanism. */
int32_t baseline_import_key(baseline_mechanism_t mechanism, const uint8_t *key_bytes, size_t key_length,
                            baseline_key_t *key);

/* psa_destroy_key; sets *key to {0, 0}. */
int32_t baseline_destroy_key(baseline_key_t *key);

/* psa_aead_encrypt and psa_aead_decrypt with the key's algorithm. */
int32_t baseline_aead_encrypt(const baseline_key_t *key, const uint8_t *nonce, size_t nonce_length,
                              const uint8_t *additional_data, size_t additional_data_length,
                              const uint8_t *plaintext, size_t plaintext_length, uint8_t *ciphertext,
                              size_t ciphertext_size, size_t *ciphertext_length);
int32_t baseline_aead_decrypt(const baseline_key_t *key, const uint8_t *nonce, size_t nonce_length,
                              const uint8_t *additional_data, size_t additional_data_length,
                              const uint8_t *ciphertext, size_t ciphertext_length, uint8_t *plaintext,
                              size_t plaintext_size, size_t *plaintext_length);

/* psa_cipher_encrypt (random IV, written before the ciphertext) and
 * psa_cipher_decrypt (input: IV || ciphertext). */
int32_t baseline_cipher_encrypt(const baseline_key_t *key, const uint8_t *input, size_t input_length,
                                uint8_t *output, size_t output_size, size_t *output_length);
int32_t baseline_cipher_decrypt(const baseline_key_t *key, const uint8_t *input, size_t input_length,
                                uint8_t *output, size_t output_size, size_t *output_length);

/* A multi-part encryption with a chosen IV: psa_cipher_encrypt_setup,
 * psa_cipher_set_iv, one psa_cipher_update of the whole input,
 * psa_cipher_finish. Writes only the ciphertext (no IV) and sets
 * *output_length to its total length. Aborts the operation on failure. */
int32_t baseline_cipher_encrypt_multipart(const baseline_key_t *key, const uint8_t *iv, size_t iv_length,
                                          const uint8_t *input, size_t input_length, uint8_t *output,
                                          size_t output_size, size_t *output_length);

/* psa_generate_random: Mbed TLS 2.28's CTR_DRBG (AES-256) over its entropy
 * sources. */
int32_t baseline_generate_random(uint8_t *output, size_t output_size);

/* psa_mac_compute with the key's algorithm. */
int32_t baseline_mac_compute(const baseline_key_t *key, const uint8_t *input, size_t input_length, uint8_t *mac,
                             size_t mac_size, size_t *mac_length);

/* A multi-part MAC: psa_mac_sign_setup, one psa_mac_update of the whole
 * input, psa_mac_sign_finish. Aborts the operation on failure. */
int32_t baseline_mac_multipart(const baseline_key_t *key, const uint8_t *input, size_t input_length, uint8_t *mac,
                               size_t mac_size, size_t *mac_length);

#ifdef __cplusplus
}
#endif

#endif /* THIRD_PARTY_MBEDTLS228_BASELINE_H_ */
