// PSA Certified Crypto API 1.2: the application interface.
//
// This umbrella header gives applications every type, value, size macro and
// function of the API (with the 1.2 PAKE extension and this implementation's
// interruptible-signature extension). Include it as "psa/crypto.h".
//
// Conventions for every function below:
//  - Before psa_crypto_init() has succeeded, functions that need the library
//    return PSA_ERROR_BAD_STATE.
//  - Unsupported algorithms, key types or sizes give PSA_ERROR_NOT_SUPPORTED;
//    values that are invalid in themselves or for the key give
//    PSA_ERROR_INVALID_ARGUMENT (either may be returned for an algorithm or
//    key type the implementation does not recognize).
//  - A key identifier that names no key gives PSA_ERROR_INVALID_HANDLE; a key
//    whose policy (usage flags, permitted algorithm) does not allow the
//    operation gives PSA_ERROR_NOT_PERMITTED.
//  - Any function may also return PSA_ERROR_INSUFFICIENT_MEMORY,
//    PSA_ERROR_COMMUNICATION_FAILURE or PSA_ERROR_CORRUPTION_DETECTED; those
//    that read keys may return PSA_ERROR_STORAGE_FAILURE,
//    PSA_ERROR_DATA_CORRUPT or PSA_ERROR_DATA_INVALID; those that draw
//    random numbers may return PSA_ERROR_INSUFFICIENT_ENTROPY; those that
//    use a secure element or accelerator may return
//    PSA_ERROR_HARDWARE_FAILURE. The comments list the other statuses.
//  - Output buffers: `xxx_size` is the capacity of buffer `xxx`; on success
//    `*xxx_length` receives the number of bytes written. A buffer smaller
//    than the matching PSA_xxx_SIZE() macro may fail with
//    PSA_ERROR_BUFFER_TOO_SMALL. On failure `*xxx_length` is 0 and the buffer
//    contents are unspecified.
//  - Output buffers may overlap input buffers: the result is the same as if
//    the inputs had been copied first. Non-buffer outputs (lengths, key
//    identifiers, operation objects) must not overlap any other parameter.
//  - Multi-part operations: the object is initialized (PSA_xxx_INIT,
//    psa_xxx_init() or all-bits-zero), made active by a setup function, and
//    made inactive by the final function or by the abort function. Calls out
//    of sequence give PSA_ERROR_BAD_STATE. After any failure of a call on an
//    active operation, the operation is in an error state and must be
//    aborted. Aborting an initialized operation, active or not, always
//    succeeds and releases everything the operation holds.

#ifndef PSA_CRYPTO_H_
#define PSA_CRYPTO_H_

#include <stddef.h>
#include <stdint.h>

#include "crypto_platform.h"
#include "error.h"
#include "crypto_types.h"
#include "crypto_values.h"
#include "crypto_sizes.h"
#include "crypto_struct.h"

#ifdef __cplusplus
extern "C" {
#endif

// Version of the Crypto API that this implementation provides.
#define PSA_CRYPTO_API_VERSION_MAJOR 1
#define PSA_CRYPTO_API_VERSION_MINOR 2

// ============================================================================
// Library
// ============================================================================

// Initializes the library: selects and seeds the random generator from the
// drivers' entropy sources and initializes the drivers. Call it before any
// other function; calling it again after a success does nothing and
// succeeds. Returns PSA_ERROR_INSUFFICIENT_ENTROPY if the entropy sources do
// not deliver enough entropy.
psa_status_t psa_crypto_init(void);

// ============================================================================
// Key attributes
// (the accessors psa_set_key_xxx() / psa_get_key_xxx() and
// psa_key_attributes_init() are static inline functions in crypto_struct.h)
// ============================================================================

// Resets `*attributes` and fills it with the attributes of the key `key`
// (type, size, lifetime, identifier, usage flags, permitted algorithm).
// `*attributes` must be initialized on entry. On failure it is left freshly
// initialized. Returns PSA_ERROR_INVALID_HANDLE if `key` names no key.
psa_status_t psa_get_key_attributes(psa_key_id_t key,
                                    psa_key_attributes_t *attributes);

// Returns `*attributes` (which must be initialized) to the freshly
// initialized state and frees anything it holds.
void psa_reset_key_attributes(psa_key_attributes_t *attributes);

// ============================================================================
// Key management
// ============================================================================

// Creates a key with the attributes `*attributes` from `data_length` bytes of
// key material in the import format of the key type (raw bytes for
// symmetric keys, DER RSAPrivateKey or RSAPublicKey, ECC private scalar or
// public point, ...). A nonzero key size in the attributes must match the
// data. On success `*key` is the new key's identifier (the one from the
// attributes for a persistent key); on failure it is PSA_KEY_ID_NULL.
// Returns PSA_ERROR_INVALID_ARGUMENT for malformed or inconsistent data or
// attributes, PSA_ERROR_ALREADY_EXISTS if the persistent identifier is
// taken, PSA_ERROR_INSUFFICIENT_STORAGE if the key store is full.
psa_status_t psa_import_key(const psa_key_attributes_t *attributes,
                            const uint8_t *data,
                            size_t data_length,
                            psa_key_id_t *key);

// Creates a key of the type and size in `*attributes` from fresh random
// material (for RSA, with public exponent 65537). The size must be set.
// `*key` as for psa_import_key(). Returns PSA_ERROR_INVALID_ARGUMENT for a
// public-key type or an invalid size, PSA_ERROR_ALREADY_EXISTS,
// PSA_ERROR_INSUFFICIENT_STORAGE, PSA_ERROR_INSUFFICIENT_ENTROPY.
psa_status_t psa_generate_key(const psa_key_attributes_t *attributes,
                              psa_key_id_t *key);

// Creates a copy of `source_key` with the lifetime and identifier of
// `*attributes` and the intersection of both policies (usage flags AND-ed,
// permitted algorithms intersected). Type and size in `*attributes` must be
// unset or equal to the source's. The source must permit
// PSA_KEY_USAGE_COPY (and PSA_KEY_USAGE_EXPORT to leave its security
// boundary). Returns PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT
// (policies do not intersect, attributes inconsistent),
// PSA_ERROR_ALREADY_EXISTS, PSA_ERROR_INSUFFICIENT_STORAGE.
psa_status_t psa_copy_key(psa_key_id_t source_key,
                          const psa_key_attributes_t *attributes,
                          psa_key_id_t *target_key);

// Destroys the key `key` and wipes its material from memory and storage.
// Operations already set up with the key may fail afterwards. Destroying
// PSA_KEY_ID_NULL succeeds and does nothing. Returns PSA_ERROR_INVALID_HANDLE
// if `key` names no key, PSA_ERROR_NOT_PERMITTED for a read-only key.
psa_status_t psa_destroy_key(psa_key_id_t key);

// Removes cached copies of the material of the persistent key `key` from
// memory; the key stays usable. No effect on volatile keys. Returns
// PSA_ERROR_INVALID_HANDLE if `key` names no key.
psa_status_t psa_purge_key(psa_key_id_t key);

// Writes the key material of `key` to `data` in the export format of its type
// (that of psa_import_key()). The key must permit PSA_KEY_USAGE_EXPORT,
// except that public keys can always be exported. Sufficient size:
// PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits). Returns PSA_ERROR_NOT_PERMITTED,
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_export_key(psa_key_id_t key,
                            uint8_t *data,
                            size_t data_size,
                            size_t *data_length);

// Writes the public key of the key pair or public key `key` to `data` in the
// public-key export format (DER RSAPublicKey, ECC public point, DH public
// value, ...). Needs no usage flag. Sufficient size:
// PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(type, bits). Returns
// PSA_ERROR_INVALID_ARGUMENT if `key` is not asymmetric,
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_export_public_key(psa_key_id_t key,
                                   uint8_t *data,
                                   size_t data_size,
                                   size_t *data_length);

// ============================================================================
// Message digests (hashes)
// ============================================================================

// Computes the hash `alg` of the message `input` into `hash`. Sufficient
// size: PSA_HASH_LENGTH(alg). Returns PSA_ERROR_INVALID_ARGUMENT or
// PSA_ERROR_NOT_SUPPORTED if `alg` is not a (supported) hash,
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_hash_compute(psa_algorithm_t alg,
                              const uint8_t *input,
                              size_t input_length,
                              uint8_t *hash,
                              size_t hash_size,
                              size_t *hash_length);

// Computes the hash `alg` of `input` and compares it, in constant time, with
// the `hash_length` bytes of `hash`. Returns PSA_SUCCESS if they are equal,
// PSA_ERROR_INVALID_SIGNATURE if they differ (a length different from
// PSA_HASH_LENGTH(alg) never matches).
psa_status_t psa_hash_compare(psa_algorithm_t alg,
                              const uint8_t *input,
                              size_t input_length,
                              const uint8_t *hash,
                              size_t hash_length);

// Starts a multi-part hash operation with the hash `alg` on the inactive
// operation `*operation`. On failure the operation stays inactive. Returns
// PSA_ERROR_BAD_STATE if the operation is active, PSA_ERROR_INVALID_ARGUMENT
// or PSA_ERROR_NOT_SUPPORTED for `alg`.
psa_status_t psa_hash_setup(psa_hash_operation_t *operation,
                            psa_algorithm_t alg);

// Adds `input_length` bytes of message to the active hash operation. Returns
// PSA_ERROR_BAD_STATE if the operation is not active,
// PSA_ERROR_INVALID_ARGUMENT if the total input exceeds the hash's limit.
psa_status_t psa_hash_update(psa_hash_operation_t *operation,
                             const uint8_t *input,
                             size_t input_length);

// Finishes the active hash operation and writes the digest to `hash`; the
// operation becomes inactive. Sufficient size: PSA_HASH_LENGTH(alg).
// Returns PSA_ERROR_BAD_STATE, PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_hash_finish(psa_hash_operation_t *operation,
                             uint8_t *hash,
                             size_t hash_size,
                             size_t *hash_length);

// Finishes the active hash operation and compares the digest, in constant
// time, with the `hash_length` bytes of `hash`; the operation becomes
// inactive. Returns PSA_ERROR_INVALID_SIGNATURE if they differ,
// PSA_ERROR_BAD_STATE.
psa_status_t psa_hash_verify(psa_hash_operation_t *operation,
                             const uint8_t *hash,
                             size_t hash_length);

// Aborts the hash operation: wipes its state and makes it inactive.
// Succeeds on any initialized operation.
psa_status_t psa_hash_abort(psa_hash_operation_t *operation);

// Stops the active hash operation and writes its intermediate state to
// `hash_state` in the hash suspend state format (algorithm || input length
// || hash state || unprocessed input); the operation becomes inactive.
// Sufficient size: PSA_HASH_SUSPEND_OUTPUT_SIZE(alg). Returns
// PSA_ERROR_NOT_SUPPORTED for hashes without a suspend format (SHA-3, SM3,
// ...), PSA_ERROR_BAD_STATE, PSA_ERROR_BUFFER_TOO_SMALL.
// This implementation returns PSA_ERROR_NOT_SUPPORTED for every algorithm
// (and ends the operation): the driver interface gives drivers no way to
// export or import an intermediate hash state.
psa_status_t psa_hash_suspend(psa_hash_operation_t *operation,
                              uint8_t *hash_state,
                              size_t hash_state_size,
                              size_t *hash_state_length);

// Starts the inactive hash operation from a suspend state produced by
// psa_hash_suspend(). Returns PSA_ERROR_INVALID_ARGUMENT for a malformed
// state, PSA_ERROR_NOT_SUPPORTED for an unsupported algorithm in it,
// PSA_ERROR_BAD_STATE if the operation is active.
psa_status_t psa_hash_resume(psa_hash_operation_t *operation,
                             const uint8_t *hash_state,
                             size_t hash_state_length);

// Makes the inactive operation `*target_operation` an independent copy of
// the active operation `*source_operation`. Returns PSA_ERROR_BAD_STATE if
// the source is not active or the target is active.
psa_status_t psa_hash_clone(const psa_hash_operation_t *source_operation,
                            psa_hash_operation_t *target_operation);

// ============================================================================
// Message authentication codes (MAC)
// ============================================================================

// Computes the MAC `alg` of `input` with the key `key` into `mac`. The key
// must permit PSA_KEY_USAGE_SIGN_MESSAGE and `alg`. Sufficient size:
// PSA_MAC_LENGTH(key_type, key_bits, alg). Returns PSA_ERROR_NOT_PERMITTED,
// PSA_ERROR_INVALID_ARGUMENT (not a MAC, or incompatible with the key),
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_mac_compute(psa_key_id_t key,
                             psa_algorithm_t alg,
                             const uint8_t *input,
                             size_t input_length,
                             uint8_t *mac,
                             size_t mac_size,
                             size_t *mac_length);

// Computes the MAC `alg` of `input` with `key` and compares it, in constant
// time, with the `mac_length` bytes of `mac`. The key must permit
// PSA_KEY_USAGE_VERIFY_MESSAGE and `alg`. Returns
// PSA_ERROR_INVALID_SIGNATURE if they differ, PSA_ERROR_NOT_PERMITTED,
// PSA_ERROR_INVALID_ARGUMENT.
psa_status_t psa_mac_verify(psa_key_id_t key,
                            psa_algorithm_t alg,
                            const uint8_t *input,
                            size_t input_length,
                            const uint8_t *mac,
                            size_t mac_length);

// Starts a multi-part MAC computation with `key` and `alg` on the inactive
// operation. The key must permit PSA_KEY_USAGE_SIGN_MESSAGE and `alg`. On
// failure the operation stays inactive. Returns PSA_ERROR_BAD_STATE,
// PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT.
psa_status_t psa_mac_sign_setup(psa_mac_operation_t *operation,
                                psa_key_id_t key,
                                psa_algorithm_t alg);

// Starts a multi-part MAC verification with `key` and `alg` on the inactive
// operation. The key must permit PSA_KEY_USAGE_VERIFY_MESSAGE and `alg`.
// On failure the operation stays inactive. Returns as psa_mac_sign_setup().
psa_status_t psa_mac_verify_setup(psa_mac_operation_t *operation,
                                  psa_key_id_t key,
                                  psa_algorithm_t alg);

// Adds `input_length` bytes of message to the active MAC operation. Returns
// PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT if the total input exceeds
// the algorithm's limit.
psa_status_t psa_mac_update(psa_mac_operation_t *operation,
                            const uint8_t *input,
                            size_t input_length);

// Finishes an active MAC computation (set up by psa_mac_sign_setup()) and
// writes the MAC to `mac`; the operation becomes inactive. Sufficient size:
// PSA_MAC_LENGTH(key_type, key_bits, alg). Returns PSA_ERROR_BAD_STATE
// (inactive, or set up for verification), PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_mac_sign_finish(psa_mac_operation_t *operation,
                                 uint8_t *mac,
                                 size_t mac_size,
                                 size_t *mac_length);

// Finishes an active MAC verification (set up by psa_mac_verify_setup()) and
// compares the MAC, in constant time, with the `mac_length` bytes of `mac`;
// the operation becomes inactive. Returns PSA_ERROR_INVALID_SIGNATURE if
// they differ, PSA_ERROR_BAD_STATE (inactive, or set up for signing).
psa_status_t psa_mac_verify_finish(psa_mac_operation_t *operation,
                                   const uint8_t *mac,
                                   size_t mac_length);

// Aborts the MAC operation: wipes its state and makes it inactive. Succeeds
// on any initialized operation.
psa_status_t psa_mac_abort(psa_mac_operation_t *operation);

// ============================================================================
// Unauthenticated ciphers
// ============================================================================

// Encrypts `input` with `key` and the cipher `alg`, generating a random IV.
// `output` receives the IV followed by the ciphertext. The key must permit
// PSA_KEY_USAGE_ENCRYPT and `alg`. Sufficient size:
// PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(key_type, alg, input_length). Returns
// PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT (not a cipher,
// incompatible key, input length invalid for the mode),
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_cipher_encrypt(psa_key_id_t key,
                                psa_algorithm_t alg,
                                const uint8_t *input,
                                size_t input_length,
                                uint8_t *output,
                                size_t output_size,
                                size_t *output_length);

// Decrypts `input`, the IV followed by the ciphertext, with `key` and the
// cipher `alg` into `output`. The key must permit PSA_KEY_USAGE_DECRYPT and
// `alg`. Sufficient size: PSA_CIPHER_DECRYPT_OUTPUT_SIZE(key_type, alg,
// input_length). Returns PSA_ERROR_INVALID_PADDING for bad CBC-PKCS#7
// padding, PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT,
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_cipher_decrypt(psa_key_id_t key,
                                psa_algorithm_t alg,
                                const uint8_t *input,
                                size_t input_length,
                                uint8_t *output,
                                size_t output_size,
                                size_t *output_length);

// Starts a multi-part encryption with `key` and `alg` on the inactive
// operation. The key must permit PSA_KEY_USAGE_ENCRYPT and `alg`. Next, set
// or generate the IV (unless the mode takes none). On failure the operation
// stays inactive. Returns PSA_ERROR_BAD_STATE, PSA_ERROR_NOT_PERMITTED,
// PSA_ERROR_INVALID_ARGUMENT.
psa_status_t psa_cipher_encrypt_setup(psa_cipher_operation_t *operation,
                                      psa_key_id_t key,
                                      psa_algorithm_t alg);

// Starts a multi-part decryption with `key` and `alg` on the inactive
// operation. The key must permit PSA_KEY_USAGE_DECRYPT and `alg`. Next, set
// the IV (unless the mode takes none). Returns as psa_cipher_encrypt_setup().
psa_status_t psa_cipher_decrypt_setup(psa_cipher_operation_t *operation,
                                      psa_key_id_t key,
                                      psa_algorithm_t alg);

// Generates a random IV of the default length for an active encryption that
// has no IV yet, writes it to `iv` and uses it. Sufficient size:
// PSA_CIPHER_IV_LENGTH(key_type, alg). Returns PSA_ERROR_BAD_STATE
// (decryption, IV already set, mode without IV), PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_cipher_generate_iv(psa_cipher_operation_t *operation,
                                    uint8_t *iv,
                                    size_t iv_size,
                                    size_t *iv_length);

// Sets the IV of an active operation that has no IV yet. Returns
// PSA_ERROR_BAD_STATE (IV already set, mode without IV),
// PSA_ERROR_INVALID_ARGUMENT for a length the algorithm does not accept.
psa_status_t psa_cipher_set_iv(psa_cipher_operation_t *operation,
                               const uint8_t *iv,
                               size_t iv_length);

// Encrypts or decrypts `input_length` more bytes of an active operation whose
// IV is set (if it needs one). Block modes may hold back part of the input
// until the next call or psa_cipher_finish(). Sufficient size:
// PSA_CIPHER_UPDATE_OUTPUT_SIZE(key_type, alg, input_length). Returns
// PSA_ERROR_BAD_STATE, PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_cipher_update(psa_cipher_operation_t *operation,
                               const uint8_t *input,
                               size_t input_length,
                               uint8_t *output,
                               size_t output_size,
                               size_t *output_length);

// Finishes an active operation: writes the held-back output (and the padding
// of an encryption); the operation becomes inactive. Sufficient size:
// PSA_CIPHER_FINISH_OUTPUT_SIZE(key_type, alg). Returns
// PSA_ERROR_INVALID_ARGUMENT if the total input is not a valid length for
// the mode, PSA_ERROR_INVALID_PADDING for bad CBC-PKCS#7 padding,
// PSA_ERROR_BAD_STATE, PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_cipher_finish(psa_cipher_operation_t *operation,
                               uint8_t *output,
                               size_t output_size,
                               size_t *output_length);

// Aborts the cipher operation: wipes its state and makes it inactive.
// Succeeds on any initialized operation.
psa_status_t psa_cipher_abort(psa_cipher_operation_t *operation);

// ============================================================================
// Authenticated encryption with associated data (AEAD)
// ============================================================================

// Encrypts and authenticates `plaintext`, and authenticates
// `additional_data`, with `key`, the AEAD `alg` and the caller's `nonce`.
// `ciphertext` receives the ciphertext followed by the tag. The key must
// permit PSA_KEY_USAGE_ENCRYPT and `alg`. Sufficient size:
// PSA_AEAD_ENCRYPT_OUTPUT_SIZE(key_type, alg, plaintext_length). Returns
// PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT (not an AEAD, key
// incompatible, nonce or lengths invalid), PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_aead_encrypt(psa_key_id_t key,
                              psa_algorithm_t alg,
                              const uint8_t *nonce,
                              size_t nonce_length,
                              const uint8_t *additional_data,
                              size_t additional_data_length,
                              const uint8_t *plaintext,
                              size_t plaintext_length,
                              uint8_t *ciphertext,
                              size_t ciphertext_size,
                              size_t *ciphertext_length);

// Verifies and decrypts `ciphertext` (ciphertext followed by the tag) with
// `key`, the AEAD `alg`, `nonce` and `additional_data`. No plaintext is
// released unless the tag is valid. The key must permit
// PSA_KEY_USAGE_DECRYPT and `alg`. Sufficient size:
// PSA_AEAD_DECRYPT_OUTPUT_SIZE(key_type, alg, ciphertext_length). Returns
// PSA_ERROR_INVALID_SIGNATURE if authentication fails,
// PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT,
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_aead_decrypt(psa_key_id_t key,
                              psa_algorithm_t alg,
                              const uint8_t *nonce,
                              size_t nonce_length,
                              const uint8_t *additional_data,
                              size_t additional_data_length,
                              const uint8_t *ciphertext,
                              size_t ciphertext_length,
                              uint8_t *plaintext,
                              size_t plaintext_size,
                              size_t *plaintext_length);

// Starts a multi-part AEAD encryption with `key` and `alg` on the inactive
// operation. The key must permit PSA_KEY_USAGE_ENCRYPT and `alg`. Then: set
// the lengths (required by CCM), set or generate the nonce, pass additional
// data, pass the message, finish. On failure the operation stays inactive.
// Returns PSA_ERROR_BAD_STATE, PSA_ERROR_NOT_PERMITTED,
// PSA_ERROR_INVALID_ARGUMENT.
psa_status_t psa_aead_encrypt_setup(psa_aead_operation_t *operation,
                                    psa_key_id_t key,
                                    psa_algorithm_t alg);

// Starts a multi-part AEAD decryption with `key` and `alg` on the inactive
// operation. The key must permit PSA_KEY_USAGE_DECRYPT and `alg`. Returns as
// psa_aead_encrypt_setup().
psa_status_t psa_aead_decrypt_setup(psa_aead_operation_t *operation,
                                    psa_key_id_t key,
                                    psa_algorithm_t alg);

// Declares the total lengths of the additional data and of the message of
// an active operation, before the nonce and any data. Later calls must pass
// exactly these amounts. Returns PSA_ERROR_BAD_STATE (too late, or already
// set), PSA_ERROR_INVALID_ARGUMENT (a length too large for the algorithm).
psa_status_t psa_aead_set_lengths(psa_aead_operation_t *operation,
                                  size_t ad_length,
                                  size_t plaintext_length);

// Generates a random nonce of the default length for an active encryption
// that has no nonce yet, writes it to `nonce` and uses it. Sufficient size:
// PSA_AEAD_NONCE_LENGTH(key_type, alg). Returns PSA_ERROR_BAD_STATE
// (decryption, nonce already set, lengths required but not set),
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_aead_generate_nonce(psa_aead_operation_t *operation,
                                     uint8_t *nonce,
                                     size_t nonce_size,
                                     size_t *nonce_length);

// Sets the nonce of an active operation that has no nonce yet. Returns
// PSA_ERROR_BAD_STATE (nonce already set, lengths required but not set),
// PSA_ERROR_INVALID_ARGUMENT for a nonce length the algorithm rejects.
psa_status_t psa_aead_set_nonce(psa_aead_operation_t *operation,
                                const uint8_t *nonce,
                                size_t nonce_length);

// Passes `input_length` more bytes of additional data to an active operation
// whose nonce is set, before any message data. Returns PSA_ERROR_BAD_STATE
// (nonce not set, message data already passed), PSA_ERROR_INVALID_ARGUMENT
// (more than the declared or permitted total).
psa_status_t psa_aead_update_ad(psa_aead_operation_t *operation,
                                const uint8_t *input,
                                size_t input_length);

// Encrypts or decrypts `input_length` more bytes of message in an active
// operation whose nonce is set. Decrypted output is not yet authenticated:
// do not act on it before psa_aead_verify() succeeds. Block modes may hold
// back a partial block. Sufficient size: PSA_AEAD_UPDATE_OUTPUT_SIZE(key_type,
// alg, input_length). Returns PSA_ERROR_BAD_STATE,
// PSA_ERROR_INVALID_ARGUMENT (declared lengths exceeded, or AD shorter than
// declared), PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_aead_update(psa_aead_operation_t *operation,
                             const uint8_t *input,
                             size_t input_length,
                             uint8_t *output,
                             size_t output_size,
                             size_t *output_length);

// Finishes an active encryption: writes the held-back ciphertext to
// `ciphertext` and the tag to `tag`; the operation becomes inactive.
// Sufficient sizes: PSA_AEAD_FINISH_OUTPUT_SIZE(key_type, alg) and
// PSA_AEAD_TAG_LENGTH(key_type, key_bits, alg). Returns PSA_ERROR_BAD_STATE
// (decryption, nonce not set), PSA_ERROR_INVALID_ARGUMENT (less data than
// declared), PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_aead_finish(psa_aead_operation_t *operation,
                             uint8_t *ciphertext,
                             size_t ciphertext_size,
                             size_t *ciphertext_length,
                             uint8_t *tag,
                             size_t tag_size,
                             size_t *tag_length);

// Finishes an active decryption: checks, in constant time, the `tag_length`
// bytes of `tag` and writes the held-back plaintext to `plaintext`; the
// operation becomes inactive. Sufficient size:
// PSA_AEAD_VERIFY_OUTPUT_SIZE(key_type, alg). Returns
// PSA_ERROR_INVALID_SIGNATURE if authentication fails, PSA_ERROR_BAD_STATE
// (encryption, nonce not set), PSA_ERROR_INVALID_ARGUMENT (less data than
// declared), PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_aead_verify(psa_aead_operation_t *operation,
                             uint8_t *plaintext,
                             size_t plaintext_size,
                             size_t *plaintext_length,
                             const uint8_t *tag,
                             size_t tag_length);

// Aborts the AEAD operation: wipes its state and makes it inactive.
// Succeeds on any initialized operation.
psa_status_t psa_aead_abort(psa_aead_operation_t *operation);

// ============================================================================
// Key derivation
// ============================================================================

// Starts a key derivation with the KDF, or key agreement combined with a
// KDF, `alg` on the inactive operation. The capacity starts at the
// algorithm's maximum. On failure the operation stays inactive. Returns
// PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT or PSA_ERROR_NOT_SUPPORTED
// for `alg`.
psa_status_t psa_key_derivation_setup(
    psa_key_derivation_operation_t *operation, psa_algorithm_t alg);

// Writes the remaining capacity (bytes that can still be output) of the
// active operation to `*capacity`. Returns PSA_ERROR_BAD_STATE.
psa_status_t psa_key_derivation_get_capacity(
    const psa_key_derivation_operation_t *operation, size_t *capacity);

// Lowers the capacity of the active operation to `capacity`. Returns
// PSA_ERROR_INVALID_ARGUMENT, with the capacity unchanged, if `capacity`
// exceeds the current capacity; PSA_ERROR_BAD_STATE.
psa_status_t psa_key_derivation_set_capacity(
    psa_key_derivation_operation_t *operation, size_t capacity);

// Provides `data` as the input `step` (PSA_KEY_DERIVATION_INPUT_xxx) of the
// active operation, in the order the algorithm requires. Secret steps
// given this way prevent psa_key_derivation_output_key() for most
// algorithms. Returns PSA_ERROR_INVALID_ARGUMENT (step not valid for the
// algorithm, or data invalid for it), PSA_ERROR_BAD_STATE (step out of
// order, or output already started).
psa_status_t psa_key_derivation_input_bytes(
    psa_key_derivation_operation_t *operation,
    psa_key_derivation_step_t step,
    const uint8_t *data,
    size_t data_length);

// Provides the number `value` as the input `step` (for example
// PSA_KEY_DERIVATION_INPUT_COST) of the active operation. Returns as
// psa_key_derivation_input_bytes(), and PSA_ERROR_NOT_SUPPORTED for a value
// out of the supported range.
psa_status_t psa_key_derivation_input_integer(
    psa_key_derivation_operation_t *operation,
    psa_key_derivation_step_t step,
    uint64_t value);

// Provides the key `key` as the input `step` of the active operation. The
// key must permit the algorithm, and PSA_KEY_USAGE_DERIVE (or
// PSA_KEY_USAGE_VERIFY_DERIVATION if the operation will only verify), and
// have a type valid for the step (DERIVE, PASSWORD, RAW_DATA, ...). Returns
// PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_BAD_STATE.
psa_status_t psa_key_derivation_input_key(
    psa_key_derivation_operation_t *operation,
    psa_key_derivation_step_t step,
    psa_key_id_t key);

// Performs the key agreement of the operation's combined algorithm between
// `private_key` and the peer's public key `peer_key` (in public-key export
// format), and provides the shared secret as the input `step` (normally
// PSA_KEY_DERIVATION_INPUT_SECRET). The private key must permit
// PSA_KEY_USAGE_DERIVE and the algorithm. Returns PSA_ERROR_NOT_PERMITTED,
// PSA_ERROR_INVALID_ARGUMENT (not a key agreement, peer key invalid or on
// another group), PSA_ERROR_BAD_STATE.
psa_status_t psa_key_derivation_key_agreement(
    psa_key_derivation_operation_t *operation,
    psa_key_derivation_step_t step,
    psa_key_id_t private_key,
    const uint8_t *peer_key,
    size_t peer_key_length);

// Reads the next `output_length` bytes of the derivation into `output` and
// lowers the capacity by as much. If the capacity is smaller, reads nothing
// and returns PSA_ERROR_INSUFFICIENT_DATA (the capacity becomes 0). Returns
// PSA_ERROR_NOT_PERMITTED if a secret input was a key that only permits
// verification, PSA_ERROR_BAD_STATE (inputs incomplete).
psa_status_t psa_key_derivation_output_bytes(
    psa_key_derivation_operation_t *operation,
    uint8_t *output,
    size_t output_length);

// Creates a key with `*attributes` (type and size required) from the next
// bytes of the derivation, following the derivation procedure of the key
// type, and lowers the capacity by the bytes used. `*key` as for
// psa_import_key(). Returns PSA_ERROR_INSUFFICIENT_DATA (capacity too
// small; the capacity becomes 0), PSA_ERROR_NOT_PERMITTED (the secret was
// given as bytes, or a key input forbids it), PSA_ERROR_INVALID_ARGUMENT,
// PSA_ERROR_ALREADY_EXISTS, PSA_ERROR_INSUFFICIENT_STORAGE,
// PSA_ERROR_BAD_STATE.
psa_status_t psa_key_derivation_output_key(
    const psa_key_attributes_t *attributes,
    psa_key_derivation_operation_t *operation,
    psa_key_id_t *key);

// Reads the next `output_length` bytes of the derivation and compares them,
// in constant time, with `expected_output`; the capacity is lowered by as
// much. Returns PSA_ERROR_INVALID_SIGNATURE if they differ (the operation
// then enters an error state), PSA_ERROR_INSUFFICIENT_DATA,
// PSA_ERROR_NOT_PERMITTED (a key input lacks PSA_KEY_USAGE_VERIFY_DERIVATION
// and PSA_KEY_USAGE_DERIVE), PSA_ERROR_BAD_STATE.
psa_status_t psa_key_derivation_verify_bytes(
    psa_key_derivation_operation_t *operation,
    const uint8_t *expected_output,
    size_t output_length);

// As psa_key_derivation_verify_bytes(), comparing with the material of the
// key `expected` (of type PSA_KEY_TYPE_PASSWORD_HASH, permitting
// PSA_KEY_USAGE_VERIFY_DERIVATION and the algorithm). Returns in addition
// PSA_ERROR_INVALID_HANDLE and PSA_ERROR_NOT_PERMITTED for `expected`.
psa_status_t psa_key_derivation_verify_key(
    psa_key_derivation_operation_t *operation,
    psa_key_id_t expected);

// Aborts the key derivation: wipes its state and makes it inactive.
// Succeeds on any initialized operation.
psa_status_t psa_key_derivation_abort(
    psa_key_derivation_operation_t *operation);

// ============================================================================
// Asymmetric signature
// ============================================================================

// Signs the message `input` with the private key `key` and the algorithm
// `alg` (PSA_ALG_IS_SIGN_MESSAGE(alg)), hashing it first when the algorithm
// is hash-and-sign. The key must permit PSA_KEY_USAGE_SIGN_MESSAGE and
// `alg`. Sufficient size: PSA_SIGN_OUTPUT_SIZE(key_type, key_bits, alg).
// Returns PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT (not a
// message-signature algorithm, or not for this key),
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_sign_message(psa_key_id_t key,
                              psa_algorithm_t alg,
                              const uint8_t *input,
                              size_t input_length,
                              uint8_t *signature,
                              size_t signature_size,
                              size_t *signature_length);

// Verifies the signature `signature` of the message `input` with the key
// `key` (public key or key pair) and `alg`. The key must permit
// PSA_KEY_USAGE_VERIFY_MESSAGE and `alg`. Returns
// PSA_ERROR_INVALID_SIGNATURE if the signature is not valid (including a
// wrong length), PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT.
psa_status_t psa_verify_message(psa_key_id_t key,
                                psa_algorithm_t alg,
                                const uint8_t *input,
                                size_t input_length,
                                const uint8_t *signature,
                                size_t signature_length);

// Signs the already-computed hash `hash` with the private key `key` and
// `alg` (PSA_ALG_IS_SIGN_HASH(alg)). For a hash-and-sign algorithm `hash`
// must be PSA_HASH_LENGTH(PSA_ALG_GET_HASH(alg)) bytes long. The key must
// permit PSA_KEY_USAGE_SIGN_HASH and `alg`. Sufficient size:
// PSA_SIGN_OUTPUT_SIZE(key_type, key_bits, alg). Returns
// PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT (algorithm, key or
// hash length), PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_sign_hash(psa_key_id_t key,
                           psa_algorithm_t alg,
                           const uint8_t *hash,
                           size_t hash_length,
                           uint8_t *signature,
                           size_t signature_size,
                           size_t *signature_length);

// Verifies the signature `signature` of the hash `hash` with `key` and
// `alg`. The key must permit PSA_KEY_USAGE_VERIFY_HASH and `alg`. Returns
// PSA_ERROR_INVALID_SIGNATURE if the signature is not valid,
// PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT.
psa_status_t psa_verify_hash(psa_key_id_t key,
                             psa_algorithm_t alg,
                             const uint8_t *hash,
                             size_t hash_length,
                             const uint8_t *signature,
                             size_t signature_length);

// ============================================================================
// Asymmetric encryption
// ============================================================================

// Encrypts the short message `input` with the public key (or key pair) `key`
// and `alg`. `salt` is the OAEP label (may be empty; must be empty for
// PKCS#1 v1.5). The key must permit PSA_KEY_USAGE_ENCRYPT and `alg`.
// Sufficient size: PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(key_type, key_bits,
// alg). Returns PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT
// (message too long, salt not allowed), PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_asymmetric_encrypt(psa_key_id_t key,
                                    psa_algorithm_t alg,
                                    const uint8_t *input,
                                    size_t input_length,
                                    const uint8_t *salt,
                                    size_t salt_length,
                                    uint8_t *output,
                                    size_t output_size,
                                    size_t *output_length);

// Decrypts `input` with the private key `key`, `alg` and the label `salt`.
// The key must permit PSA_KEY_USAGE_DECRYPT and `alg`. Sufficient size:
// PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(key_type, key_bits, alg). Returns
// PSA_ERROR_INVALID_PADDING if the decrypted padding is wrong (do not
// reveal which), PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT,
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_asymmetric_decrypt(psa_key_id_t key,
                                    psa_algorithm_t alg,
                                    const uint8_t *input,
                                    size_t input_length,
                                    const uint8_t *salt,
                                    size_t salt_length,
                                    uint8_t *output,
                                    size_t output_size,
                                    size_t *output_length);

// ============================================================================
// Key agreement
// ============================================================================

// Performs the standalone key agreement `alg` between `private_key` and the
// peer public key `peer_key` (public-key export format) and stores the
// shared secret as a new key with `*attributes` (a type that can hold a
// shared secret, such as PSA_KEY_TYPE_DERIVE or PSA_KEY_TYPE_RAW_DATA; a
// nonzero size must equal the secret's). The private key
// must permit PSA_KEY_USAGE_DERIVE and `alg`. `*key` as for
// psa_import_key(). Returns PSA_ERROR_NOT_PERMITTED,
// PSA_ERROR_INVALID_ARGUMENT (not a standalone key agreement, peer key
// invalid, attributes invalid), PSA_ERROR_ALREADY_EXISTS,
// PSA_ERROR_INSUFFICIENT_STORAGE.
psa_status_t psa_key_agreement(psa_key_id_t private_key,
                               const uint8_t *peer_key,
                               size_t peer_key_length,
                               psa_algorithm_t alg,
                               const psa_key_attributes_t *attributes,
                               psa_key_id_t *key);

// Performs the standalone key agreement `alg` between `private_key` and
// `peer_key` and writes the raw shared secret to `output`. The raw secret
// is not uniformly random: derive keys from it, do not use it as a key. The
// private key must permit PSA_KEY_USAGE_DERIVE and `alg`. Sufficient size:
// PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(key_type, key_bits). Returns
// PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT,
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_raw_key_agreement(psa_algorithm_t alg,
                                   psa_key_id_t private_key,
                                   const uint8_t *peer_key,
                                   size_t peer_key_length,
                                   uint8_t *output,
                                   size_t output_size,
                                   size_t *output_length);

// ============================================================================
// Random generation
// ============================================================================

// Fills `output` with `output_size` bytes from the cryptographically secure
// random generator. Returns PSA_ERROR_INSUFFICIENT_ENTROPY,
// PSA_ERROR_BAD_STATE before psa_crypto_init().
psa_status_t psa_generate_random(uint8_t *output,
                                 size_t output_size);

// ============================================================================
// Password-authenticated key exchange (PAKE, 1.2 PAKE extension)
// (cipher-suite accessors and psa_pake_operation_init() are static inline
// functions in crypto_struct.h)
// ============================================================================

// Starts a PAKE on the inactive operation with the cipher suite
// `*cipher_suite` and the password (or password-derived key) `password_key`,
// which must permit PSA_KEY_USAGE_DERIVE and the suite's algorithm and stay
// valid until the operation ends. Then set the role, user, peer and context
// as the algorithm requires. On failure the operation is unchanged.
// Returns PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_HANDLE,
// PSA_ERROR_NOT_PERMITTED, PSA_ERROR_INVALID_ARGUMENT or
// PSA_ERROR_NOT_SUPPORTED (algorithm, primitive, key confirmation or key
// type not valid or not supported together).
psa_status_t psa_pake_setup(psa_pake_operation_t *operation,
                            psa_key_id_t password_key,
                            const psa_pake_cipher_suite_t *cipher_suite);

// Sets the application's role (PSA_PAKE_ROLE_xxx) in the active operation,
// before any input or output. Returns PSA_ERROR_BAD_STATE (already set, or
// too late), PSA_ERROR_INVALID_ARGUMENT or PSA_ERROR_NOT_SUPPORTED for a
// role the algorithm or key type does not accept.
psa_status_t psa_pake_set_role(psa_pake_operation_t *operation,
                               psa_pake_role_t role);

// Sets the application's own identity, before any input or output; the
// operation keeps a copy. Returns PSA_ERROR_BAD_STATE (already set, or too
// late), PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED.
psa_status_t psa_pake_set_user(psa_pake_operation_t *operation,
                               const uint8_t *user_id,
                               size_t user_id_len);

// Sets the peer's identity, before any input or output; the operation keeps
// a copy. Returns PSA_ERROR_BAD_STATE (already set, too late, or not used by
// the algorithm), PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED.
psa_status_t psa_pake_set_peer(psa_pake_operation_t *operation,
                               const uint8_t *peer_id,
                               size_t peer_id_len);

// Sets the protocol context data, before any input or output; the operation
// keeps a copy. Returns PSA_ERROR_BAD_STATE (already set, too late, or not
// used by the algorithm), PSA_ERROR_INVALID_ARGUMENT,
// PSA_ERROR_NOT_SUPPORTED.
psa_status_t psa_pake_set_context(psa_pake_operation_t *operation,
                                  const uint8_t *context,
                                  size_t context_len);

// Computes the output of `step` for the peer and writes it to `output`, in
// the order the algorithm requires. Sufficient size:
// PSA_PAKE_OUTPUT_SIZE(alg, primitive, step). Returns PSA_ERROR_BAD_STATE
// (setup incomplete, step out of order), PSA_ERROR_INVALID_ARGUMENT or
// PSA_ERROR_NOT_SUPPORTED (step not used by the algorithm),
// PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_pake_output(psa_pake_operation_t *operation,
                             psa_pake_step_t step,
                             uint8_t *output,
                             size_t output_size,
                             size_t *output_length);

// Provides the peer's data for `step`, in the order the algorithm requires.
// Returns PSA_ERROR_INVALID_SIGNATURE if a zero-knowledge proof or key
// confirmation does not verify, PSA_ERROR_INVALID_ARGUMENT (malformed input,
// step not used by the algorithm), PSA_ERROR_BAD_STATE.
psa_status_t psa_pake_input(psa_pake_operation_t *operation,
                            psa_pake_step_t step,
                            const uint8_t *input,
                            size_t input_length);

// Stores the shared secret of a completed exchange as a new key with
// `*attributes` (type DERIVE or HMAC, or a block-cipher type when the
// algorithm's secret is pseudorandom; size 0 or the secret's size); the
// operation becomes inactive. With PSA_PAKE_UNCONFIRMED_KEY it is called
// after the key exchange and before confirmation, otherwise after
// confirmation. `*key` as for psa_import_key(). Returns PSA_ERROR_BAD_STATE
// (exchange not at that point), PSA_ERROR_INVALID_ARGUMENT,
// PSA_ERROR_NOT_SUPPORTED, PSA_ERROR_ALREADY_EXISTS.
psa_status_t psa_pake_get_shared_key(psa_pake_operation_t *operation,
                                     const psa_key_attributes_t *attributes,
                                     psa_key_id_t *key);

// Aborts the PAKE: wipes its state, frees its copies of the inputs and
// makes it inactive. Succeeds on any initialized operation.
psa_status_t psa_pake_abort(psa_pake_operation_t *operation);

// ============================================================================
// Interruptible hash signature (implementation extension)
// ============================================================================
//
// These operations do the work of psa_sign_hash() / psa_verify_hash() in
// slices of bounded cost, so that a caller with latency constraints can
// interleave other work. Each *_complete() call does at most about
// psa_interruptible_get_max_ops() units of work and returns
// PSA_OPERATION_INCOMPLETE while more remain.

// Sets the maximum work per *_complete() call for all interruptible
// operations of the calling program; PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED
// (the initial value) disables interruption. The meaning of a work unit is
// implementation-defined; values too small to make progress are raised to
// the smallest that does.
void psa_interruptible_set_max_ops(uint32_t max_ops);

// Returns the value last set by psa_interruptible_set_max_ops().
uint32_t psa_interruptible_get_max_ops(void);

// Returns the work units spent by the signing operation since its start (0
// for an inactive operation).
uint32_t psa_sign_hash_get_num_ops(
    const psa_sign_hash_interruptible_operation_t *operation);

// Returns the work units spent by the verification since its start (0 for
// an inactive operation).
uint32_t psa_verify_hash_get_num_ops(
    const psa_verify_hash_interruptible_operation_t *operation);

// Starts signing `hash` with `key` and `alg` on the inactive operation,
// with the same requirements and statuses as psa_sign_hash(). The operation
// keeps what it needs of `hash`. On failure the operation is in an error
// state and must be aborted.
psa_status_t psa_sign_hash_start(
    psa_sign_hash_interruptible_operation_t *operation,
    psa_key_id_t key,
    psa_algorithm_t alg,
    const uint8_t *hash,
    size_t hash_length);

// Continues the active signing operation. Returns PSA_OPERATION_INCOMPLETE
// while work remains (call again with the same arguments); on PSA_SUCCESS
// the signature is in `signature` and the operation becomes inactive.
// Sufficient size: PSA_SIGN_OUTPUT_SIZE(key_type, key_bits, alg). Returns
// PSA_ERROR_BAD_STATE (not started), PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t psa_sign_hash_complete(
    psa_sign_hash_interruptible_operation_t *operation,
    uint8_t *signature,
    size_t signature_size,
    size_t *signature_length);

// Aborts the signing operation: wipes its state and makes it inactive.
// Succeeds on any initialized operation.
psa_status_t psa_sign_hash_abort(
    psa_sign_hash_interruptible_operation_t *operation);

// Starts verifying `signature` of `hash` with `key` and `alg` on the
// inactive operation, with the same requirements and statuses as
// psa_verify_hash(). The operation keeps what it needs of the inputs. On
// failure the operation is in an error state and must be aborted.
psa_status_t psa_verify_hash_start(
    psa_verify_hash_interruptible_operation_t *operation,
    psa_key_id_t key,
    psa_algorithm_t alg,
    const uint8_t *hash,
    size_t hash_length,
    const uint8_t *signature,
    size_t signature_length);

// Continues the active verification. Returns PSA_OPERATION_INCOMPLETE while
// work remains; PSA_SUCCESS if the signature is valid and
// PSA_ERROR_INVALID_SIGNATURE if not (the operation then becomes inactive);
// PSA_ERROR_BAD_STATE if not started.
psa_status_t psa_verify_hash_complete(
    psa_verify_hash_interruptible_operation_t *operation);

// Aborts the verification: wipes its state and makes it inactive. Succeeds
// on any initialized operation.
psa_status_t psa_verify_hash_abort(
    psa_verify_hash_interruptible_operation_t *operation);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // PSA_CRYPTO_H_
