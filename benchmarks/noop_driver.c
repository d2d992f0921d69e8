/* The no-op driver of the benchmarks: see noop_driver.h. */

#include "benchmarks/noop_driver.h"

psa_status_t noop_mac_compute(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                              size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,
                              size_t input_length, uint8_t *mac, size_t mac_size, size_t *mac_length) {
  *mac_length = PSA_HASH_LENGTH(alg);
  return PSA_SUCCESS;
}

psa_status_t noop_aead_encrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                               size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
                               size_t nonce_length, const uint8_t *additional_data,
                               size_t additional_data_length, const uint8_t *plaintext,
                               size_t plaintext_length, uint8_t *ciphertext, size_t ciphertext_size,
                               size_t *ciphertext_length) {
  *ciphertext_length = plaintext_length + 16;
  return PSA_SUCCESS;
}
