/* Transparent test drivers for dispatch tests. Two instances with the same
 * behaviour, prefixes "test_a" and "test_b", so that one build can hold two
 * transparent drivers. Each instance computes hashes and manages keys with
 * the builtin driver (drivers/builtin/builtin_hash.h,
 * builtin_key_management.h), counts its calls, and can be told to fail
 * through its hooks. Descriptions: the .json files beside this header.
 *
 * Includable from C and C++. Not thread-safe to reconfigure: set the hooks
 * before the calls they are meant to affect (the counters and
 * last_get_entropy_flags themselves are written atomically). */

#ifndef DRIVERS_TEST_TEST_DRIVER_H_
#define DRIVERS_TEST_TEST_DRIVER_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/builtin/builtin_hash.h"
#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Number of calls of each entry point of one instance, failed calls
 * included. */
typedef struct {
  unsigned long init;
  unsigned long get_entropy;
  unsigned long hash_compute;
  unsigned long named_hash_compute; /* <prefix>_named_hash_compute */
  unsigned long hash_setup;
  unsigned long hash_update;
  unsigned long hash_finish;
  unsigned long hash_abort;
  unsigned long import_key;
  unsigned long generate_key;
  unsigned long export_public_key;
} test_driver_counters_t;

/* Observation and control of one instance. All-bits-zero (the initial state,
 * and what test_driver_reset_hooks restores) means: no calls counted, behave
 * normally, get_entropy fills its output with zero bytes and claims full
 * entropy. */
typedef struct {
  test_driver_counters_t hits;
  /* PSA_SUCCESS: behave normally. Otherwise every entry point except init
   * returns this status, without computing anything; as on a real failure,
   * update, finish and abort still wipe the operation. */
  psa_status_t forced_status;
  /* What init returns (PSA_SUCCESS: succeed). */
  psa_status_t forced_init_status;
  /* If nonzero: hash_setup, hash_compute and named_hash_compute return
   * PSA_ERROR_NOT_SUPPORTED for this algorithm, as a fallback driver that
   * declines a mechanism. */
  psa_algorithm_t unsupported_alg;
  /* If nonzero: import_key, generate_key and export_public_key return
   * PSA_ERROR_NOT_SUPPORTED for keys of this type (for export_public_key,
   * the type of the key pair the core passes). */
  psa_key_type_t unsupported_key_type;
  /* get_entropy fills its whole output with entropy_byte and reports
   * entropy_estimate_bits, capped at 8 bits per output byte; 0 reports the
   * cap (full entropy). */
  uint8_t entropy_byte;
  size_t entropy_estimate_bits;
  /* The flags of the last get_entropy call. */
  psa_driver_get_entropy_flags_t last_get_entropy_flags;
} test_driver_hooks_t;

/* Returns `hooks` to the initial, all-bits-zero state. */
void test_driver_reset_hooks(test_driver_hooks_t *hooks);

/* The instances. TEST_DRIVER_INSTANCES(X) expands X(prefix) once per
 * instance. */
#define TEST_DRIVER_INSTANCES(X) \
  X(test_a)                      \
  X(test_b)

/* The hooks, operation type and entry points of the instance `prefix`:
 *
 *   test_driver_hooks_t <prefix>_hooks;
 *   <prefix>_hash_operation_t (byte-copyable, wraps builtin_hash_operation_t)
 *   <prefix>_init                "init"
 *   <prefix>_get_entropy         "get_entropy": never blocks, so never
 *                                returns PSA_ERROR_INSUFFICIENT_ENTROPY;
 *                                PSA_ERROR_NOT_SUPPORTED for flags other
 *                                than NONBLOCK and KEEPALIVE;
 *                                PSA_ERROR_BUFFER_TOO_SMALL if output_size
 *                                is 0 (no room for one bit)
 *   <prefix>_hash_compute        "hash_compute"
 *   <prefix>_named_hash_compute  the same, counted separately; for a
 *                                description that renames "hash_compute"
 *   <prefix>_hash_setup, _hash_update, _hash_finish, _hash_abort
 *                                "hash_multipart"
 *   <prefix>_import_key          "import_key"
 *   <prefix>_generate_key        "generate_key"
 *   <prefix>_export_public_key   "export_public_key"
 *
 * The hash and key-management entry points behave as the builtin driver's
 * (same statuses, same outputs, same wiping) unless the hooks say otherwise.
 * When a hook makes a key-management entry point fail, it writes nothing but
 * its output length, which it sets to 0 (*key_buffer_length, *data_length);
 * import_key leaves *bits as the core set it. */
#define TEST_DRIVER_DECLARE_INSTANCE(prefix)                                  \
  extern test_driver_hooks_t prefix##_hooks;                                  \
  typedef struct {                                                            \
    builtin_hash_operation_t builtin;                                         \
  } prefix##_hash_operation_t;                                                \
  psa_status_t prefix##_init(void);                                           \
  psa_status_t prefix##_get_entropy(psa_driver_get_entropy_flags_t flags,     \
                                    size_t *estimate_bits, uint8_t *output,   \
                                    size_t output_size);                      \
  psa_status_t prefix##_hash_compute(psa_algorithm_t alg,                     \
                                     const uint8_t *input,                    \
                                     size_t input_length, uint8_t *hash,      \
                                     size_t hash_size, size_t *hash_length);  \
  psa_status_t prefix##_named_hash_compute(                                   \
      psa_algorithm_t alg, const uint8_t *input, size_t input_length,         \
      uint8_t *hash, size_t hash_size, size_t *hash_length);                  \
  psa_status_t prefix##_hash_setup(prefix##_hash_operation_t *operation,      \
                                   psa_algorithm_t alg);                      \
  psa_status_t prefix##_hash_update(prefix##_hash_operation_t *operation,     \
                                    const uint8_t *input,                     \
                                    size_t input_length);                     \
  psa_status_t prefix##_hash_finish(prefix##_hash_operation_t *operation,     \
                                    uint8_t *hash, size_t hash_size,          \
                                    size_t *hash_length);                     \
  psa_status_t prefix##_hash_abort(prefix##_hash_operation_t *operation);     \
  psa_status_t prefix##_import_key(                                           \
      const psa_key_attributes_t *attributes, const uint8_t *data,            \
      size_t data_length, uint8_t *key_buffer, size_t key_buffer_size,        \
      size_t *key_buffer_length, size_t *bits);                               \
  psa_status_t prefix##_generate_key(const psa_key_attributes_t *attributes,  \
                                     uint8_t *key_buffer,                     \
                                     size_t key_buffer_size,                  \
                                     size_t *key_buffer_length);              \
  psa_status_t prefix##_export_public_key(                                    \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, uint8_t *data, size_t data_size,                \
      size_t *data_length);

TEST_DRIVER_INSTANCES(TEST_DRIVER_DECLARE_INSTANCE)

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_TEST_TEST_DRIVER_H_ */
