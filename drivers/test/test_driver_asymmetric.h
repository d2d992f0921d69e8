/* The signature, asymmetric encryption and key agreement parts of the test
 * drivers, which the transparent instances (test_driver.h) and the opaque
 * ones (test_opaque_driver.h) share: the prototypes of their entry points,
 * as an X-macro over the instance prefix. These entry points are
 * single-part: there are no operation contexts.
 *
 * Includable from C and C++. */

#ifndef DRIVERS_TEST_TEST_DRIVER_ASYMMETRIC_H_
#define DRIVERS_TEST_TEST_DRIVER_ASYMMETRIC_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

/* "sign_hash", "verify_hash", "sign_message", "verify_message",
 * "asymmetric_encrypt", "asymmetric_decrypt" and "key_agreement" of
 * `prefix`, with the prototypes of the driver interface. */
#define TEST_DRIVER_DECLARE_ASYMMETRIC_ENTRY_POINTS(prefix)                   \
  psa_status_t prefix##_sign_hash(                                            \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *hash,       \
      size_t hash_length, uint8_t *signature, size_t signature_size,          \
      size_t *signature_length);                                              \
  psa_status_t prefix##_verify_hash(                                          \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *hash,       \
      size_t hash_length, const uint8_t *signature,                           \
      size_t signature_length);                                               \
  psa_status_t prefix##_sign_message(                                         \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,      \
      size_t input_length, uint8_t *signature, size_t signature_size,         \
      size_t *signature_length);                                              \
  psa_status_t prefix##_verify_message(                                       \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,      \
      size_t input_length, const uint8_t *signature,                          \
      size_t signature_length);                                               \
  psa_status_t prefix##_asymmetric_encrypt(                                   \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,      \
      size_t input_length, const uint8_t *salt, size_t salt_length,           \
      uint8_t *output, size_t output_size, size_t *output_length);            \
  psa_status_t prefix##_asymmetric_decrypt(                                   \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,      \
      size_t input_length, const uint8_t *salt, size_t salt_length,           \
      uint8_t *output, size_t output_size, size_t *output_length);            \
  psa_status_t prefix##_key_agreement(                                        \
      psa_algorithm_t alg, const psa_key_attributes_t *our_attributes,        \
      const uint8_t *our_key_buffer, size_t our_key_buffer_length,            \
      const uint8_t *peer_key, size_t peer_key_length, uint8_t *output,       \
      size_t output_size, size_t *output_length);

#endif /* DRIVERS_TEST_TEST_DRIVER_ASYMMETRIC_H_ */
