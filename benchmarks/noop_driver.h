/* A transparent driver that computes nothing (description:
 * benchmarks/noop_driver.json, prefix "noop"): its entry points check
 * nothing, write no output and return PSA_SUCCESS with the output length
 * the core expects. It measures what the core and the dispatch cost around
 * a driver call; it must never serve real keys.
 *
 * Includable from C and C++. */

#ifndef BENCHMARKS_NOOP_DRIVER_H_
#define BENCHMARKS_NOOP_DRIVER_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "mac_compute" for HMAC-SHA-256: sets *mac_length to 32 (the MAC length)
 * and returns PSA_SUCCESS; `mac` is not written. */
psa_status_t noop_mac_compute(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                              size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,
                              size_t input_length, uint8_t *mac, size_t mac_size, size_t *mac_length);

/* "aead_encrypt" for AES-GCM: sets *ciphertext_length to plaintext_length +
 * 16 (the tag length) and returns PSA_SUCCESS; `ciphertext` is not
 * written. */
psa_status_t noop_aead_encrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                               size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
                               size_t nonce_length, const uint8_t *additional_data,
                               size_t additional_data_length, const uint8_t *plaintext,
                               size_t plaintext_length, uint8_t *ciphertext, size_t ciphertext_size,
                               size_t *ciphertext_length);

#ifdef __cplusplus
}
#endif

#endif /* BENCHMARKS_NOOP_DRIVER_H_ */
