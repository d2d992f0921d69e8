/* The MAC, cipher and AEAD parts of the test drivers, which the transparent
 * instances (test_driver.h) and the opaque ones (test_opaque_driver.h)
 * share: their operation context types and the prototypes of their entry
 * points, as X-macros over the instance prefix.
 *
 * A context wraps the builtin driver's (drivers/builtin/builtin_mac.h,
 * builtin_cipher.h, builtin_aead.h) and adds nothing: it is exactly as large
 * and as aligned, and, like it, not byte-copyable (pointers into itself,
 * heap memory). The core keeps it where setup put it.
 *
 * Includable from C and C++. */

#ifndef DRIVERS_TEST_TEST_DRIVER_SYMMETRIC_H_
#define DRIVERS_TEST_TEST_DRIVER_SYMMETRIC_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/builtin/builtin_aead.h"
#include "drivers/builtin/builtin_cipher.h"
#include "drivers/builtin/builtin_mac.h"
#include "psa/crypto_driver_common.h"

/* prefix##_mac_operation_t, prefix##_cipher_operation_t and
 * prefix##_aead_operation_t: the context types the driver interface names
 * after the prefix. */
#define TEST_DRIVER_DECLARE_SYMMETRIC_CONTEXTS(prefix)                        \
  typedef struct {                                                            \
    builtin_mac_operation_t builtin;                                          \
  } prefix##_mac_operation_t;                                                 \
  typedef struct {                                                            \
    builtin_cipher_operation_t builtin;                                       \
  } prefix##_cipher_operation_t;                                              \
  typedef struct {                                                            \
    builtin_aead_operation_t builtin;                                         \
  } prefix##_aead_operation_t;

/* The MAC, cipher and AEAD entry points of `prefix`, with the prototypes of
 * the driver interface. The operation types must be declared before. */
#define TEST_DRIVER_DECLARE_SYMMETRIC_ENTRY_POINTS(prefix)                    \
  psa_status_t prefix##_mac_compute(                                          \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,      \
      size_t input_length, uint8_t *mac, size_t mac_size,                     \
      size_t *mac_length);                                                    \
  psa_status_t prefix##_mac_verify(                                           \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,      \
      size_t input_length, const uint8_t *mac, size_t mac_length);            \
  psa_status_t prefix##_mac_sign_setup(                                       \
      prefix##_mac_operation_t *operation,                                    \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg);                           \
  psa_status_t prefix##_mac_verify_setup(                                     \
      prefix##_mac_operation_t *operation,                                    \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg);                           \
  psa_status_t prefix##_mac_update(prefix##_mac_operation_t *operation,       \
                                   const uint8_t *input,                      \
                                   size_t input_length);                      \
  psa_status_t prefix##_mac_sign_finish(prefix##_mac_operation_t *operation,  \
                                        uint8_t *mac, size_t mac_size,        \
                                        size_t *mac_length);                  \
  psa_status_t prefix##_mac_verify_finish(                                    \
      prefix##_mac_operation_t *operation, const uint8_t *mac,                \
      size_t mac_length);                                                     \
  psa_status_t prefix##_mac_abort(prefix##_mac_operation_t *operation);       \
  psa_status_t prefix##_cipher_encrypt(                                       \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *iv,         \
      size_t iv_length, const uint8_t *input, size_t input_length,            \
      uint8_t *output, size_t output_size, size_t *output_length);            \
  psa_status_t prefix##_cipher_decrypt(                                       \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,      \
      size_t input_length, uint8_t *output, size_t output_size,               \
      size_t *output_length);                                                 \
  psa_status_t prefix##_cipher_encrypt_setup(                                 \
      prefix##_cipher_operation_t *operation,                                 \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg);                           \
  psa_status_t prefix##_cipher_decrypt_setup(                                 \
      prefix##_cipher_operation_t *operation,                                 \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg);                           \
  psa_status_t prefix##_cipher_set_iv(prefix##_cipher_operation_t *operation, \
                                      const uint8_t *iv, size_t iv_length);   \
  psa_status_t prefix##_cipher_update(                                        \
      prefix##_cipher_operation_t *operation, const uint8_t *input,           \
      size_t input_length, uint8_t *output, size_t output_size,               \
      size_t *output_length);                                                 \
  psa_status_t prefix##_cipher_finish(prefix##_cipher_operation_t *operation, \
                                      uint8_t *output, size_t output_size,    \
                                      size_t *output_length);                 \
  psa_status_t prefix##_cipher_abort(prefix##_cipher_operation_t *operation); \
  psa_status_t prefix##_aead_encrypt(                                         \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,      \
      size_t nonce_length, const uint8_t *additional_data,                    \
      size_t additional_data_length, const uint8_t *plaintext,                \
      size_t plaintext_length, uint8_t *ciphertext, size_t ciphertext_size,   \
      size_t *ciphertext_length);                                             \
  psa_status_t prefix##_aead_decrypt(                                         \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,      \
      size_t nonce_length, const uint8_t *additional_data,                    \
      size_t additional_data_length, const uint8_t *ciphertext,               \
      size_t ciphertext_length, uint8_t *plaintext, size_t plaintext_size,    \
      size_t *plaintext_length);                                              \
  psa_status_t prefix##_aead_encrypt_setup(                                   \
      prefix##_aead_operation_t *operation,                                   \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg);                           \
  psa_status_t prefix##_aead_decrypt_setup(                                   \
      prefix##_aead_operation_t *operation,                                   \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, psa_algorithm_t alg);                           \
  psa_status_t prefix##_aead_set_nonce(prefix##_aead_operation_t *operation,  \
                                       const uint8_t *nonce,                  \
                                       size_t nonce_length);                  \
  psa_status_t prefix##_aead_set_lengths(                                     \
      prefix##_aead_operation_t *operation, size_t ad_length,                 \
      size_t plaintext_length);                                               \
  psa_status_t prefix##_aead_update_ad(prefix##_aead_operation_t *operation,  \
                                       const uint8_t *input,                  \
                                       size_t input_length);                  \
  psa_status_t prefix##_aead_update(                                          \
      prefix##_aead_operation_t *operation, const uint8_t *input,             \
      size_t input_length, uint8_t *output, size_t output_size,               \
      size_t *output_length);                                                 \
  psa_status_t prefix##_aead_finish(                                          \
      prefix##_aead_operation_t *operation, uint8_t *ciphertext,              \
      size_t ciphertext_size, size_t *ciphertext_length, uint8_t *tag,        \
      size_t tag_size, size_t *tag_length);                                   \
  psa_status_t prefix##_aead_verify(                                          \
      prefix##_aead_operation_t *operation, uint8_t *plaintext,               \
      size_t plaintext_size, size_t *plaintext_length, const uint8_t *tag,    \
      size_t tag_length);                                                     \
  psa_status_t prefix##_aead_abort(prefix##_aead_operation_t *operation);

#endif /* DRIVERS_TEST_TEST_DRIVER_SYMMETRIC_H_ */
