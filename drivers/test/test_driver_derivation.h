/* The key derivation and PAKE parts of the test drivers, which the
 * transparent instances (test_driver.h) and the opaque ones
 * (test_opaque_driver.h) share: the operation contexts and the prototypes
 * of the "key_derivation" and "pake" families, as X-macros over the
 * instance prefix, plus the transparent-only "derive_key" and the
 * opaque-only key_derivation_set_capacity and key_derivation_verify_bytes.
 *
 * Key derivations the test drivers compute themselves, over HMAC with
 * builtin_mac_compute (drivers/builtin/builtin_mac.h), from the inputs the
 * core hands to key_derivation_setup (read with the
 * psa_crypto_driver_key_derivation_get_input_* getters):
 *   - PSA_ALG_HKDF(h), PSA_ALG_HKDF_EXTRACT(h), PSA_ALG_HKDF_EXPAND(h)
 *     (RFC 5869), the info at most TEST_DRIVER_KDF_MAX_MESSAGE bytes;
 *   - PSA_ALG_TLS12_PRF(h) (RFC 5246 section 5), the secret at most
 *     TEST_DRIVER_KDF_MAX_KEY bytes, label || seed at most
 *     TEST_DRIVER_KDF_MAX_MESSAGE bytes;
 * for any hash h the builtin driver's HMAC serves. Any other algorithm,
 * or inputs beyond those limits, are PSA_ERROR_NOT_SUPPORTED at setup. The
 * core passes every input at setup (none is a long input), so
 * key_derivation_input_step is never called: it returns
 * PSA_ERROR_INVALID_ARGUMENT.
 *
 * PAKE: the protocols of the builtin driver (drivers/builtin/builtin_pake.h);
 * a context wraps builtin_pake_operation_t.
 *
 * Includable from C and C++. */

#ifndef DRIVERS_TEST_TEST_DRIVER_DERIVATION_H_
#define DRIVERS_TEST_TEST_DRIVER_DERIVATION_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/builtin/builtin_pake.h"
#include "psa/crypto_driver_common.h"

/* Longest HMAC key the context keeps (the TLS 1.2 PRF secret). */
#define TEST_DRIVER_KDF_MAX_KEY 128
/* Longest message part the context keeps (the HKDF info, or the TLS 1.2
 * PRF label || seed). */
#define TEST_DRIVER_KDF_MAX_MESSAGE 512
/* Largest HMAC output: SHA-512. */
#define TEST_DRIVER_KDF_MAX_BLOCK 64

/* The state of a key derivation of the test drivers: plain data, no
 * pointers, inactive when all-bits-zero. Wiped by abort. */
typedef struct {
  psa_algorithm_t alg; /* 0: inactive */
  /* The HMAC key of every output block: the HKDF PRK, or the TLS 1.2 PRF
   * secret. */
  uint8_t key[TEST_DRIVER_KDF_MAX_KEY];
  size_t key_length;
  /* HKDF: info; TLS 1.2 PRF: label || seed. */
  uint8_t message[TEST_DRIVER_KDF_MAX_MESSAGE];
  size_t message_length;
  /* HKDF: T(n); TLS 1.2 PRF: A(n) (a_block) and its output block (block);
   * HKDF-Extract: the PRK. */
  uint8_t block[TEST_DRIVER_KDF_MAX_BLOCK];
  uint8_t a_block[TEST_DRIVER_KDF_MAX_BLOCK];
  size_t block_length; /* bytes of block */
  size_t offset;       /* bytes of block already output */
  uint32_t counter;    /* blocks computed */
  /* Opaque instances: the capacity the core set (key_derivation_set_capacity);
   * output past it is PSA_ERROR_INSUFFICIENT_DATA. */
  uint8_t capacity_set;
  size_t capacity;
} test_driver_kdf_state_t;

/* The context types of `prefix`. */
#define TEST_DRIVER_DECLARE_DERIVATION_CONTEXTS(prefix) \
  typedef struct {                                      \
    test_driver_kdf_state_t state;                      \
  } prefix##_key_derivation_operation_t;                \
  typedef struct {                                      \
    builtin_pake_operation_t builtin;                   \
  } prefix##_pake_operation_t;

/* The "key_derivation" and "pake" families of `prefix`, with the
 * prototypes of the driver interface. */
#define TEST_DRIVER_DECLARE_DERIVATION_ENTRY_POINTS(prefix)                  \
  psa_status_t prefix##_key_derivation_setup(                                \
      prefix##_key_derivation_operation_t *operation, psa_algorithm_t alg,   \
      const psa_crypto_driver_key_derivation_inputs_t *inputs);              \
  psa_status_t prefix##_key_derivation_input_step(                           \
      prefix##_key_derivation_operation_t *operation,                        \
      psa_key_derivation_step_t step, const uint8_t *input,                  \
      size_t input_length);                                                  \
  psa_status_t prefix##_key_derivation_output_bytes(                         \
      prefix##_key_derivation_operation_t *operation, uint8_t *output,       \
      size_t length);                                                        \
  psa_status_t prefix##_key_derivation_abort(                                \
      prefix##_key_derivation_operation_t *operation);                       \
  psa_status_t prefix##_pake_setup(                                          \
      prefix##_pake_operation_t *operation,                                  \
      const psa_crypto_driver_pake_inputs_t *inputs);                        \
  psa_status_t prefix##_pake_output(prefix##_pake_operation_t *operation,    \
                                    psa_crypto_driver_pake_step_t step,      \
                                    uint8_t *output, size_t output_size,     \
                                    size_t *output_length);                  \
  psa_status_t prefix##_pake_input(prefix##_pake_operation_t *operation,     \
                                   psa_crypto_driver_pake_step_t step,       \
                                   const uint8_t *input, size_t input_size); \
  psa_status_t prefix##_pake_get_implicit_key(                               \
      prefix##_pake_operation_t *operation, uint8_t *output,                 \
      size_t output_size, size_t *output_length);                            \
  psa_status_t prefix##_pake_abort(prefix##_pake_operation_t *operation);

/* "derive_key" of a transparent instance. */
#define TEST_DRIVER_DECLARE_DERIVE_KEY(prefix)                                \
  psa_status_t prefix##_derive_key(                                           \
      const psa_key_attributes_t *attributes, const uint8_t *input,           \
      size_t input_length, void *memory, uint8_t *key_buffer,                 \
      size_t key_buffer_size, size_t *key_buffer_length);

/* The opaque-only key derivation entry points of an opaque instance. */
#define TEST_OPAQUE_DECLARE_KDF_ENTRY_POINTS(prefix)                          \
  psa_status_t prefix##_key_derivation_set_capacity(                          \
      prefix##_key_derivation_operation_t *operation, size_t capacity);       \
  psa_status_t prefix##_key_derivation_verify_bytes(                          \
      prefix##_key_derivation_operation_t *operation,                         \
      const uint8_t *expected_output, size_t length);

#endif /* DRIVERS_TEST_TEST_DRIVER_DERIVATION_H_ */
