/* Opaque test drivers for dispatch tests. Two instances with the same
 * behaviour at two vendor locations, so that one build can hold two opaque
 * drivers and tests can see that the core routes keys by location:
 *
 *   prefix               location  descriptions (key_context sizing)
 *   test_opaque          0x800001  test_opaque.json (size_function),
 *                                  test_opaque_symmetric.json (the same,
 *                                  with MAC, cipher and AEAD),
 *                                  test_opaque_asymmetric.json (the same,
 *                                  with sign_hash, verify_hash, asymmetric
 *                                  encryption and key agreement),
 *                                  test_opaque_kdf.json (the same, with
 *                                  key derivation), test_opaque_pake.json
 *                                  (the same, with PAKE)
 *   test_opaque_static   0x800002  test_opaque_static.json (static sizes),
 *                                  test_opaque_static_multipart_only.json
 *                                  (the same, with the multi-part MAC,
 *                                  cipher and AEAD families only),
 *                                  test_opaque_static_sign_message.json
 *                                  (the same, with sign_message and
 *                                  verify_message only)
 *
 * A key context is the key material WRAPPED, never the plain key, so that a
 * test can prove the core never treats an opaque context as key material:
 *
 *   test_opaque_key_context_header_t   magic, key type, key bits, payload
 *                                      length, check value
 *   payload                            the key's export format XOR-ed with a
 *                                      keystream
 *
 * THIS IS A TEST DRIVER, NOT A PROTECTION: the wrapping secret is a constant
 * in the source code, and the keystream depends only on that secret, the
 * instance and the header (two keys with the same type, size and instance
 * are XOR-ed with the same keystream). Keystream block i is
 * SHA-256(label "keystream", secret, instance prefix, header fields,
 * big-endian i); the check value is SHA-256(label "check", secret, instance
 * prefix, header fields, wrapped payload), computed over the wrapped payload
 * so that a context is verified before it is unwrapped. A context made by one
 * instance does not check out in the other.
 *
 * Key types:
 *   - symmetric: RAW_DATA, HMAC, DERIVE, PASSWORD and PASSWORD_HASH (1 byte
 *     to 8191 bytes), AES, ARIA
 *     and CAMELLIA (16, 24 or 32 bytes), CHACHA20 (32 bytes), validated here
 *     as the core would; every other symmetric type (DES included: parity is
 *     not checked here) is PSA_ERROR_NOT_SUPPORTED;
 *   - asymmetric: whatever the builtin driver imports and generates
 *     (builtin_import_key validates the key and gives its export format,
 *     which is what gets wrapped).
 *
 * Includable from C and C++. Not thread-safe to reconfigure: set the hooks
 * before the calls they are meant to affect (the counters and
 * last_key_buffer_size are written atomically). */

#ifndef DRIVERS_TEST_TEST_OPAQUE_DRIVER_H_
#define DRIVERS_TEST_TEST_OPAQUE_DRIVER_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/test/test_driver_asymmetric.h"
#include "drivers/test/test_driver_derivation.h"
#include "drivers/test/test_driver_symmetric.h"
#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The locations of the instances (PSA_KEY_LIFETIME_GET_LOCATION of their
 * keys); vendor locations, bit 23 set. The descriptions repeat them. */
#define TEST_OPAQUE_LOCATION ((psa_key_location_t)0x800001)
#define TEST_OPAQUE_STATIC_LOCATION ((psa_key_location_t)0x800002)

/* "TOQ1": the first bytes of every key context. */
#define TEST_OPAQUE_MAGIC_0 0x54
#define TEST_OPAQUE_MAGIC_1 0x4f
#define TEST_OPAQUE_MAGIC_2 0x51
#define TEST_OPAQUE_MAGIC_3 0x31

/* Size of the check value (a SHA-256 digest). */
#define TEST_OPAQUE_CHECK_SIZE 32

/* Largest symmetric key, in bytes, that the driver wraps. */
#define TEST_OPAQUE_MAX_SYMMETRIC_KEY_BYTES 8191

/* The start of every key context. Byte arrays only, so the layout has no
 * padding and is the same on every platform; multi-byte fields are
 * little-endian. The payload follows immediately. */
typedef struct {
  uint8_t magic[4];          /* TEST_OPAQUE_MAGIC_0..3 */
  uint8_t key_type[2];       /* psa_key_type_t */
  uint8_t reserved[2];       /* zero */
  uint8_t key_bits[4];       /* the key size in bits */
  uint8_t payload_length[4]; /* bytes of payload after the header */
  uint8_t check[TEST_OPAQUE_CHECK_SIZE];
} test_opaque_key_context_header_t;

/* Number of calls of each entry point of one instance, failed calls
 * included. */
typedef struct {
  unsigned long import_key;
  unsigned long generate_key;
  unsigned long export_key;
  unsigned long export_public_key;
  unsigned long copy_key;
  unsigned long destroy_key;
  /* test_opaque_key_buffer_size, the "size_function" of test_opaque.json;
   * counted in test_opaque_hooks only. */
  unsigned long key_buffer_size;
  /* The MAC, cipher and AEAD entry points (mac_update and mac_abort serve
   * sign and verify operations, cipher_set_iv ... cipher_abort both
   * directions, and so do aead_set_nonce ... aead_update and aead_abort). */
  unsigned long mac_compute;
  unsigned long mac_verify;
  unsigned long mac_sign_setup;
  unsigned long mac_verify_setup;
  unsigned long mac_update;
  unsigned long mac_sign_finish;
  unsigned long mac_verify_finish;
  unsigned long mac_abort;
  unsigned long cipher_encrypt;
  unsigned long cipher_decrypt;
  unsigned long cipher_encrypt_setup;
  unsigned long cipher_decrypt_setup;
  unsigned long cipher_set_iv;
  unsigned long cipher_update;
  unsigned long cipher_finish;
  unsigned long cipher_abort;
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
  /* The key derivation and PAKE entry points (test_driver_derivation.h). */
  unsigned long key_derivation_setup;
  unsigned long key_derivation_input_step;
  unsigned long key_derivation_set_capacity;
  unsigned long key_derivation_output_bytes;
  unsigned long key_derivation_verify_bytes;
  unsigned long key_derivation_abort;
  unsigned long pake_setup;
  unsigned long pake_output;
  unsigned long pake_input;
  unsigned long pake_get_implicit_key;
  unsigned long pake_abort;
} test_opaque_counters_t;

/* A status per entry point, named as the counters. */
typedef struct {
  psa_status_t import_key;
  psa_status_t generate_key;
  psa_status_t export_key;
  psa_status_t export_public_key;
  psa_status_t copy_key;
  psa_status_t destroy_key;
  psa_status_t mac_compute;
  psa_status_t mac_verify;
  psa_status_t mac_sign_setup;
  psa_status_t mac_verify_setup;
  psa_status_t mac_update;
  psa_status_t mac_sign_finish;
  psa_status_t mac_verify_finish;
  psa_status_t mac_abort;
  psa_status_t cipher_encrypt;
  psa_status_t cipher_decrypt;
  psa_status_t cipher_encrypt_setup;
  psa_status_t cipher_decrypt_setup;
  psa_status_t cipher_set_iv;
  psa_status_t cipher_update;
  psa_status_t cipher_finish;
  psa_status_t cipher_abort;
  psa_status_t aead_encrypt;
  psa_status_t aead_decrypt;
  psa_status_t aead_encrypt_setup;
  psa_status_t aead_decrypt_setup;
  psa_status_t aead_set_nonce;
  psa_status_t aead_set_lengths;
  psa_status_t aead_update_ad;
  psa_status_t aead_update;
  psa_status_t aead_finish;
  psa_status_t aead_verify;
  psa_status_t aead_abort;
  psa_status_t sign_hash;
  psa_status_t verify_hash;
  psa_status_t sign_message;
  psa_status_t verify_message;
  psa_status_t asymmetric_encrypt;
  psa_status_t asymmetric_decrypt;
  psa_status_t key_agreement;
  psa_status_t key_derivation_setup;
  psa_status_t key_derivation_input_step;
  psa_status_t key_derivation_set_capacity;
  psa_status_t key_derivation_output_bytes;
  psa_status_t key_derivation_verify_bytes;
  psa_status_t key_derivation_abort;
  psa_status_t pake_setup;
  psa_status_t pake_output;
  psa_status_t pake_input;
  psa_status_t pake_get_implicit_key;
  psa_status_t pake_abort;
} test_opaque_statuses_t;

/* Observation and control of one instance. All-bits-zero (the initial state,
 * and what test_opaque_reset_hooks restores) means: no calls counted, behave
 * normally. */
typedef struct {
  test_opaque_counters_t hits;
  /* PSA_SUCCESS: behave normally. Otherwise the entry point returns this
   * status without doing anything but setting its output lengths (if it
   * has any) to 0; a MAC, cipher, AEAD, key derivation or PAKE function
   * of an operation already set up also wipes the operation, as a real
   * failure would. */
  test_opaque_statuses_t forced;
  /* If nonzero: every entry point that takes a key but destroy_key (key
   * management, MAC, cipher and AEAD single-part entry points and setups,
   * the asymmetric entry points, key_derivation_setup and pake_setup; for
   * key_agreement, our key; for key derivation, the secret) returns
   * PSA_ERROR_NOT_SUPPORTED for keys of this type (after the forced
   * status, which takes precedence). */
  psa_key_type_t unsupported_key_type;
  /* If nonzero: the MAC, cipher and AEAD single-part entry points and
   * setups, the asymmetric entry points, key_derivation_setup and
   * pake_setup (the cipher suite's algorithm), return
   * PSA_ERROR_NOT_SUPPORTED for exactly this algorithm (after the forced
   * status and the unsupported key type). An opaque driver has no
   * fallback: that is what the application gets. */
  psa_algorithm_t unsupported_alg;
  /* The key buffer size the core passed to the last import_key,
   * generate_key or copy_key (target_key_buffer_size), as sized from the
   * description's "key_context". */
  size_t last_key_buffer_size;
} test_opaque_hooks_t;

/* Returns `hooks` to the initial, all-bits-zero state. */
void test_opaque_reset_hooks(test_opaque_hooks_t *hooks);

/* The "size_function" of test_opaque.json: the size of the context of a
 * key of type `key_type` and size `key_bits`, that is
 * sizeof(test_opaque_key_context_header_t) plus
 * PSA_EXPORT_KEY_OUTPUT_SIZE(key_type, key_bits) (for a key pair, the size
 * of its export format). 0 for a type or size that no key can have
 * (PSA_EXPORT_KEY_OUTPUT_SIZE is 0: unknown types, key_bits 0). Counted in
 * test_opaque_hooks.hits.key_buffer_size. */
size_t test_opaque_key_buffer_size(psa_key_type_t key_type, size_t key_bits);

/* The instances. TEST_OPAQUE_INSTANCES(X) expands X(prefix) once per
 * instance. */
#define TEST_OPAQUE_INSTANCES(X) \
  X(test_opaque)                 \
  X(test_opaque_static)

/* The hooks and entry points of the instance `prefix`, with the prototypes
 * of the driver interface. Every entry point first counts the call, then
 * returns the forced status or declines the unsupported key type (or
 * algorithm); outputs of failed calls are wiped and their lengths set to 0.
 *
 * A context "checks out" when it is at least as long as its header and
 * payload, its magic is right, its reserved bytes are zero, its key type and
 * bits equal those of `attributes`, and its check value matches (compared in
 * constant time). Entry points that read a context return
 * PSA_ERROR_DATA_CORRUPT when it does not check out.
 *
 *   test_opaque_hooks_t <prefix>_hooks;
 *   <prefix>_import_key         validates `data` (see the key types above),
 *                               determines or checks *bits as the driver
 *                               interface requires, wraps. Statuses:
 *                               NOT_SUPPORTED, INVALID_ARGUMENT (bad data,
 *                               bits mismatch), BUFFER_TOO_SMALL (the
 *                               wrapped key does not fit key_buffer_size),
 *                               or the builtin driver's.
 *   <prefix>_generate_key       generates a key of the attributes' type and
 *                               bits (symmetric: psa_generate_random; key
 *                               pairs: builtin_generate_key), wraps. Also
 *                               INVALID_ARGUMENT for a public key type or
 *                               bits 0.
 *   <prefix>_export_key         unwraps into `data`: DATA_CORRUPT,
 *                               BUFFER_TOO_SMALL.
 *   <prefix>_export_public_key  public key: as export_key; key pair:
 *                               builtin_export_public_key of the unwrapped
 *                               key (wiped afterwards); symmetric key:
 *                               INVALID_ARGUMENT.
 *   <prefix>_copy_key           checks the source context against the
 *                               (target) attributes, unwraps and re-wraps
 *                               it into the target buffer: DATA_CORRUPT,
 *                               BUFFER_TOO_SMALL.
 *   <prefix>_destroy_key        counts and returns forced.destroy_key; it
 *                               neither reads nor wipes the context (the
 *                               core owns the buffer, and a corrupt key
 *                               must still be destroyable).
 *   <prefix>_mac_operation_t, <prefix>_cipher_operation_t,
 *   <prefix>_aead_operation_t   (test_driver_symmetric.h: wrap the builtin
 *                               contexts, not byte-copyable)
 *   <prefix>_mac_compute, _mac_verify, the "mac_multipart" and
 *   "mac_verify_multipart" functions, _cipher_encrypt, _cipher_decrypt, the
 *   "cipher_{en,de}crypt_multipart" functions, _aead_encrypt,
 *   _aead_decrypt, the "aead_{en,de}crypt_multipart" functions
 *                               (names as in test_driver.h): the single-
 *                               part entry points and the setups check the
 *                               context out (DATA_CORRUPT) and unwrap it
 *                               into memory of their own, call the builtin
 *                               driver's function with the plain key and
 *                               the attributes moved to
 *                               PSA_KEY_LOCATION_LOCAL_STORAGE, and wipe
 *                               the plain key; the operation keeps what the
 *                               builtin driver keeps (its key schedule, the
 *                               keyed hash states). The other functions of
 *                               an operation are the builtin driver's. So
 *                               the results are the builtin driver's for
 *                               the same key.
 *   <prefix>_sign_hash, _verify_hash, _sign_message, _verify_message,
 *   _asymmetric_encrypt, _asymmetric_decrypt, _key_agreement
 *                               (test_driver_asymmetric.h) likewise check
 *                               the context out (for key_agreement, our
 *                               key's; the peer key is a plain public key)
 *                               and call the builtin driver's function
 *                               with the plain key; sign_message and
 *                               verify_message hash the message with the
 *                               builtin driver first, as test_driver.h's
 *                               do.
 *   <prefix>_key_derivation_operation_t, <prefix>_pake_operation_t
 *                               (test_driver_derivation.h: plain data)
 *   <prefix>_key_derivation_setup, _key_derivation_input_step,
 *   _key_derivation_set_capacity, _key_derivation_output_bytes,
 *   _key_derivation_verify_bytes, _key_derivation_abort
 *                               the "key_derivation" family and two of its
 *                               opaque-only entry points: setup takes the
 *                               secret's context from the inputs (its key
 *                               type and bits from the context's own
 *                               header, which the check value covers),
 *                               checks it out and unwraps it, and derives
 *                               as test_driver_derivation.h says (other
 *                               algorithms: PSA_ERROR_NOT_SUPPORTED, so
 *                               the core exports the secret); output past
 *                               the capacity set is
 *                               PSA_ERROR_INSUFFICIENT_DATA; verify_bytes
 *                               compares in constant time
 *                               (PSA_ERROR_INVALID_SIGNATURE)
 *   <prefix>_pake_setup, _pake_output, _pake_input,
 *   _pake_get_implicit_key, _pake_abort
 *                               "pake": setup checks the password key's
 *                               context out and unwraps it into
 *                               builtin_pake_setup_with_password; the
 *                               other functions are the builtin
 *                               driver's */
#define TEST_OPAQUE_DECLARE_INSTANCE(prefix)                                  \
  extern test_opaque_hooks_t prefix##_hooks;                                  \
  psa_status_t prefix##_import_key(                                           \
      const psa_key_attributes_t *attributes, const uint8_t *data,            \
      size_t data_length, uint8_t *key_buffer, size_t key_buffer_size,        \
      size_t *key_buffer_length, size_t *bits);                               \
  psa_status_t prefix##_generate_key(const psa_key_attributes_t *attributes,  \
                                     uint8_t *key_buffer,                     \
                                     size_t key_buffer_size,                  \
                                     size_t *key_buffer_length);              \
  psa_status_t prefix##_export_key(                                           \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, uint8_t *data, size_t data_size,                \
      size_t *data_length);                                                   \
  psa_status_t prefix##_export_public_key(                                    \
      const psa_key_attributes_t *attributes, const uint8_t *key_buffer,      \
      size_t key_buffer_size, uint8_t *data, size_t data_size,                \
      size_t *data_length);                                                   \
  psa_status_t prefix##_copy_key(                                             \
      psa_key_attributes_t *attributes, const uint8_t *source_key,            \
      size_t source_key_length, uint8_t *target_key_buffer,                   \
      size_t target_key_buffer_size, size_t *target_key_buffer_length);       \
  psa_status_t prefix##_destroy_key(const psa_key_attributes_t *attributes,   \
                                    const uint8_t *key_buffer,                \
                                    size_t key_buffer_size);                  \
  TEST_DRIVER_DECLARE_SYMMETRIC_CONTEXTS(prefix)                              \
  TEST_DRIVER_DECLARE_DERIVATION_CONTEXTS(prefix)                             \
  TEST_DRIVER_DECLARE_SYMMETRIC_ENTRY_POINTS(prefix)                          \
  TEST_DRIVER_DECLARE_ASYMMETRIC_ENTRY_POINTS(prefix)                         \
  TEST_DRIVER_DECLARE_DERIVATION_ENTRY_POINTS(prefix)                         \
  TEST_OPAQUE_DECLARE_KDF_ENTRY_POINTS(prefix)

TEST_OPAQUE_INSTANCES(TEST_OPAQUE_DECLARE_INSTANCE)

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_TEST_TEST_OPAQUE_DRIVER_H_ */
