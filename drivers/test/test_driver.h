/* Transparent test drivers for dispatch tests. Two instances with the same
 * behaviour, prefixes "test_a" and "test_b", so that one build can hold two
 * transparent drivers. Each instance computes hashes, MACs, unauthenticated
 * ciphers and AEADs, signs and verifies, encrypts and decrypts with
 * asymmetric keys, agrees on keys, derives cooked keys, runs PAKEs and
 * manages keys with the builtin driver (drivers/builtin/builtin_hash.h,
 * builtin_mac.h, builtin_cipher.h, builtin_aead.h, builtin_signature.h,
 * builtin_asymmetric_encryption.h, builtin_key_agreement.h,
 * builtin_derive_key.h, builtin_pake.h, builtin_key_management.h), derives
 * keys with HKDF and the TLS 1.2 PRF of its own over builtin_mac_compute
 * (test_driver_derivation.h), counts its calls, and can be told to fail
 * through its hooks. Descriptions: the .json files beside this
 * header.
 *
 * Includable from C and C++. Not thread-safe to reconfigure: set the hooks
 * before the calls they are meant to affect (the counters and
 * last_get_entropy_flags themselves are written atomically). */

#ifndef DRIVERS_TEST_TEST_DRIVER_H_
#define DRIVERS_TEST_TEST_DRIVER_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/builtin/builtin_hash.h"
#include "drivers/test/test_driver_asymmetric.h"
#include "drivers/test/test_driver_derivation.h"
#include "drivers/test/test_driver_symmetric.h"
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
  /* "mac_compute", "mac_verify", and the functions of "mac_multipart" and
   * "mac_verify_multipart" (mac_update and mac_abort serve both). */
  unsigned long mac_compute;
  unsigned long mac_verify;
  unsigned long mac_sign_setup;
  unsigned long mac_verify_setup;
  unsigned long mac_update;
  unsigned long mac_sign_finish;
  unsigned long mac_verify_finish;
  unsigned long mac_abort;
  /* "cipher_encrypt", "cipher_decrypt", and the functions of
   * "cipher_encrypt_multipart" and "cipher_decrypt_multipart". */
  unsigned long cipher_encrypt;
  unsigned long cipher_decrypt;
  unsigned long cipher_encrypt_setup;
  unsigned long cipher_decrypt_setup;
  unsigned long cipher_set_iv;
  unsigned long cipher_update;
  unsigned long cipher_finish;
  unsigned long cipher_abort;
  /* "aead_encrypt", "aead_decrypt", and the functions of
   * "aead_encrypt_multipart" and "aead_decrypt_multipart". */
  unsigned long aead_encrypt;
  unsigned long aead_decrypt;
  unsigned long aead_encrypt_setup;
  unsigned long aead_decrypt_setup;
  unsigned long aead_set_nonce;
  unsigned long aead_set_lengths;
  unsigned long aead_update_ad;
  unsigned long aead_update;
  unsigned long aead_finish;
  unsigned long aead_verify;
  unsigned long aead_abort;
  /* The single-part asymmetric entry points (test_driver_asymmetric.h). */
  unsigned long sign_hash;
  unsigned long verify_hash;
  unsigned long sign_message;
  unsigned long verify_message;
  unsigned long asymmetric_encrypt;
  unsigned long asymmetric_decrypt;
  unsigned long key_agreement;
  /* The "key_derivation" family, "derive_key" and the "pake" family
   * (test_driver_derivation.h). */
  unsigned long key_derivation_setup;
  unsigned long key_derivation_input_step;
  unsigned long key_derivation_output_bytes;
  unsigned long key_derivation_abort;
  unsigned long derive_key;
  unsigned long pake_setup;
  unsigned long pake_output;
  unsigned long pake_input;
  unsigned long pake_get_implicit_key;
  unsigned long pake_abort;
} test_driver_counters_t;

/* Observation and control of one instance. All-bits-zero (the initial state,
 * and what test_driver_reset_hooks restores) means: no calls counted, behave
 * normally, get_entropy fills its output with zero bytes and claims full
 * entropy. */
typedef struct {
  test_driver_counters_t hits;
  /* PSA_SUCCESS: behave normally. Otherwise every entry point except init
   * returns this status, without computing anything and with its output
   * lengths set to 0. As on a real failure, a setup leaves the operation
   * as it was, and every other function of a multi-part operation (set_iv,
   * set_nonce, set_lengths, update_ad, update, finish, verify, abort) wipes
   * it. Set it between two calls of an operation to make just the later
   * ones fail. The functions of a key derivation or PAKE operation
   * (output_bytes, pake_output, pake_input, pake_get_implicit_key, abort)
   * likewise wipe it. */
  psa_status_t forced_status;
  /* What init returns (PSA_SUCCESS: succeed). */
  psa_status_t forced_init_status;
  /* If nonzero: the single-part entry points and the setups of every
   * family (hash_compute, named_hash_compute, hash_setup, mac_compute,
   * mac_verify, mac_sign_setup, mac_verify_setup, cipher_encrypt,
   * cipher_decrypt, cipher_encrypt_setup, cipher_decrypt_setup,
   * aead_encrypt, aead_decrypt, aead_encrypt_setup, aead_decrypt_setup,
   * sign_hash, verify_hash, sign_message, verify_message,
   * asymmetric_encrypt, asymmetric_decrypt, key_agreement,
   * key_derivation_setup, pake_setup: the cipher suite's algorithm)
   * return PSA_ERROR_NOT_SUPPORTED for exactly this algorithm, as a
   * fallback driver that declines a mechanism. The other functions of an
   * operation already set up ignore it: an operation stays with its
   * driver. */
  psa_algorithm_t unsupported_alg;
  /* If nonzero: import_key, generate_key, export_public_key and
   * derive_key return PSA_ERROR_NOT_SUPPORTED for keys of this type (for
   * export_public_key, the type of the key pair the core passes). */
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

/* The hooks, operation types and entry points of the instance `prefix`:
 *
 *   test_driver_hooks_t <prefix>_hooks;
 *   <prefix>_hash_operation_t (byte-copyable, wraps builtin_hash_operation_t)
 *   <prefix>_mac_operation_t, <prefix>_cipher_operation_t,
 *   <prefix>_aead_operation_t    (test_driver_symmetric.h: wrap the
 *                                builtin contexts, not byte-copyable)
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
 *   <prefix>_mac_compute         "mac_compute"
 *   <prefix>_mac_verify          "mac_verify"
 *   <prefix>_mac_sign_setup, _mac_update, _mac_sign_finish, _mac_abort
 *                                "mac_multipart"
 *   <prefix>_mac_verify_setup, _mac_update, _mac_verify_finish, _mac_abort
 *                                "mac_verify_multipart"
 *   <prefix>_cipher_encrypt      "cipher_encrypt"
 *   <prefix>_cipher_decrypt      "cipher_decrypt"
 *   <prefix>_cipher_encrypt_setup (or _cipher_decrypt_setup),
 *   _cipher_set_iv, _cipher_update, _cipher_finish, _cipher_abort
 *                                "cipher_encrypt_multipart"
 *                                ("cipher_decrypt_multipart")
 *   <prefix>_aead_encrypt        "aead_encrypt"
 *   <prefix>_aead_decrypt        "aead_decrypt"
 *   <prefix>_aead_encrypt_setup, _aead_set_nonce, _aead_set_lengths,
 *   _aead_update_ad, _aead_update, _aead_finish, _aead_abort
 *                                "aead_encrypt_multipart"
 *   <prefix>_aead_decrypt_setup, ... _aead_verify, _aead_abort
 *                                "aead_decrypt_multipart"
 *   <prefix>_sign_hash, _verify_hash, _asymmetric_encrypt,
 *   _asymmetric_decrypt, _key_agreement
 *                                the entry points of the same names
 *   <prefix>_sign_message, _verify_message
 *                                "sign_message", "verify_message": the
 *                                builtin driver has none, so these hash
 *                                the message themselves with
 *                                builtin_hash_compute (not counted in
 *                                hash_compute) and call builtin_sign_hash
 *                                / builtin_verify_hash; pure EdDSA is
 *                                PSA_ERROR_NOT_SUPPORTED
 *   <prefix>_key_derivation_operation_t, <prefix>_pake_operation_t
 *                                (test_driver_derivation.h: plain data)
 *   <prefix>_key_derivation_setup, _key_derivation_input_step,
 *   _key_derivation_output_bytes, _key_derivation_abort
 *                                "key_derivation": HKDF, HKDF-Extract,
 *                                HKDF-Expand and the TLS 1.2 PRF computed
 *                                here (test_driver_derivation.h), the
 *                                secret being the input's bytes or the key
 *                                buffer of a transparent key
 *   <prefix>_derive_key          "derive_key": builtin_derive_key
 *   <prefix>_pake_setup, _pake_output, _pake_input,
 *   _pake_get_implicit_key, _pake_abort
 *                                "pake": the builtin driver's
 *
 * Every entry point behaves as the builtin driver's (same statuses, same
 * outputs, same wiping) unless the hooks say otherwise; the MAC, cipher,
 * AEAD and asymmetric ones take the key as the builtin driver does (a
 * transparent key's buffer: its export format). When the hooks make one of
 * the asymmetric ones fail, it sets its output length (if any) to 0 and
 * writes nothing. When a hook makes a key-management entry point fail, it
 * writes nothing but its output length, which it sets to 0
 * (*key_buffer_length, *data_length); import_key leaves *bits as the core
 * set it. */
#define TEST_DRIVER_DECLARE_INSTANCE(prefix)                                  \
  extern test_driver_hooks_t prefix##_hooks;                                  \
  typedef struct {                                                            \
    builtin_hash_operation_t builtin;                                         \
  } prefix##_hash_operation_t;                                                \
  TEST_DRIVER_DECLARE_SYMMETRIC_CONTEXTS(prefix)                              \
  TEST_DRIVER_DECLARE_DERIVATION_CONTEXTS(prefix)                             \
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
      size_t *data_length);                                                   \
  TEST_DRIVER_DECLARE_SYMMETRIC_ENTRY_POINTS(prefix)                          \
  TEST_DRIVER_DECLARE_ASYMMETRIC_ENTRY_POINTS(prefix)                         \
  TEST_DRIVER_DECLARE_DERIVATION_ENTRY_POINTS(prefix)                         \
  TEST_DRIVER_DECLARE_DERIVE_KEY(prefix)

TEST_DRIVER_INSTANCES(TEST_DRIVER_DECLARE_INSTANCE)

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_TEST_TEST_DRIVER_H_ */
