/* The openssl driver's MAC entry points: HMAC over OpenSSL's EVP_MAC
 * (drivers/openssl/openssl.json, "mac_compute" and "mac_multipart";
 * verification reaches them through the dispatch, which compares the tag in
 * constant time).
 *
 * Served: PSA_ALG_HMAC(h), full length or truncated (PSA_ALG_TRUNCATED_MAC),
 * with a PSA_KEY_TYPE_HMAC key, for h among SHA-224, SHA-256, SHA-384,
 * SHA-512, SHA-512/224, SHA-512/256 and SHA3-224/256/384/512. Other hashes
 * (MD5, RIPEMD-160, SHA-1) and other MACs: PSA_ERROR_NOT_SUPPORTED (the
 * builtin driver serves them).
 *
 * Statuses: PSA_SUCCESS; PSA_ERROR_NOT_SUPPORTED; PSA_ERROR_INVALID_ARGUMENT
 * (a truncation longer than the hash, or shorter than 1); PSA_ERROR_BUFFER_TOO_SMALL
 * (mac_size below the MAC length: nothing written); PSA_ERROR_BAD_STATE (a
 * step of an inactive operation); PSA_ERROR_INSUFFICIENT_MEMORY. The context
 * holds an EVP_MAC_CTX: abort frees it (OpenSSL clears the key) and every
 * finish aborts. */

#ifndef DRIVERS_OPENSSL_OPENSSL_MAC_H_
#define DRIVERS_OPENSSL_OPENSSL_MAC_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct openssl_mac_operation_s {
  size_t mac_length; /* 0 while inactive */
  void *ctx;         /* EVP_MAC_CTX */
} openssl_mac_operation_t;

psa_status_t openssl_mac_compute(const psa_key_attributes_t *attributes,
                                 const uint8_t *key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg,
                                 const uint8_t *input, size_t input_length,
                                 uint8_t *mac, size_t mac_size,
                                 size_t *mac_length);
psa_status_t openssl_mac_sign_setup(openssl_mac_operation_t *operation,
                                    const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer,
                                    size_t key_buffer_size,
                                    psa_algorithm_t alg);
psa_status_t openssl_mac_update(openssl_mac_operation_t *operation,
                                const uint8_t *input, size_t input_length);
psa_status_t openssl_mac_sign_finish(openssl_mac_operation_t *operation,
                                     uint8_t *mac, size_t mac_size,
                                     size_t *mac_length);
psa_status_t openssl_mac_abort(openssl_mac_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_OPENSSL_OPENSSL_MAC_H_ */
