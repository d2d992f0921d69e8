// The driver dispatch interface: what the core calls, what the generator
// (rules/drivergen) implements for each build from the selected driver
// descriptions. The core never calls a driver, or Mbed TLS, any other way.
//
// Driver ids: the generated dispatch numbers the selected drivers 1..N in
// priority order (the order of the psa_crypto_library's `drivers` list, the
// builtin driver last). 0 means "no driver" (an inactive operation).

#ifndef PSA_CORE_DISPATCH_H_
#define PSA_CORE_DISPATCH_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"
#include "psa/crypto_driver_common.h"

namespace psa::dispatch {

// Calls the `init` entry point of every selected driver that declares one, in
// priority order; stops at and returns the first failure.
psa_status_t Init();

// Number of entropy sources: the selected drivers with a `get_entropy` entry
// point, in priority order.
size_t EntropySourceCount();

// Calls the `get_entropy` entry point of entropy source `source`
// (0 <= source < EntropySourceCount()). PSA_ERROR_INVALID_ARGUMENT if out of range.
psa_status_t GetEntropy(size_t source, psa_driver_get_entropy_flags_t flags,
                        size_t* estimate_bits, uint8_t* output,
                        size_t output_size);

// Random generation drivers: the selected transparent drivers with a
// `get_random` entry point, in priority order, indexed 0..RandomDriverCount()-1.
// The core owns each driver's context (`context_size` bytes aligned to
// `context_alignment`, all-bits-zero before InitRandom) and serializes the
// calls on it.
struct RandomDriverInfo {
  size_t context_size;
  size_t context_alignment;
  // The description's "initial_entropy_size" and "reseed_entropy_size"
  // (0: not given), in bytes.
  size_t initial_entropy_size;
  size_t reseed_entropy_size;
  bool has_add_entropy;
  // The capability's "fallback": NOT_SUPPORTED from get_random moves on.
  bool fallback;
};
size_t RandomDriverCount();
// nullptr if `driver` is out of range.
const RandomDriverInfo* GetRandomDriverInfo(size_t driver);
// `init_random`; PSA_SUCCESS for a driver without one.
psa_status_t InitRandom(size_t driver, void* context);
// `add_entropy`; PSA_ERROR_NOT_SUPPORTED for a driver without one.
psa_status_t AddEntropy(size_t driver, void* context, const uint8_t* entropy, size_t entropy_size);
// `get_random`. All three: PSA_ERROR_INVALID_ARGUMENT if `driver` is out of range.
psa_status_t GetRandom(size_t driver, void* context, uint8_t* output, size_t output_size, size_t* output_length);

// Single-part hash: the first transparent driver whose `hash_compute` (or,
// failing that, `hash_multipart`) capability matches `alg`; NOT_SUPPORTED from
// a fallback capability moves on to the next driver.
// PSA_ERROR_NOT_SUPPORTED when no driver serves `alg`.
psa_status_t HashCompute(psa_algorithm_t alg, const uint8_t* input,
                         size_t input_length, uint8_t* hash, size_t hash_size,
                         size_t* hash_length);

// Multi-part hash. HashSetup expects an inactive operation (driver_id == 0);
// on success it records the serving driver in operation->driver_id, on
// failure the operation stays inactive. The others dispatch on driver_id
// (PSA_ERROR_BAD_STATE if 0). HashFinish ends the operation whatever its
// result: the driver context is aborted and wiped, and driver_id is 0 again.
// HashAbort of an inactive operation succeeds.
psa_status_t HashSetup(psa_hash_operation_t* operation, psa_algorithm_t alg);
psa_status_t HashUpdate(psa_hash_operation_t* operation, const uint8_t* input,
                        size_t input_length);
psa_status_t HashFinish(psa_hash_operation_t* operation, uint8_t* hash,
                        size_t hash_size, size_t* hash_length);
psa_status_t HashAbort(psa_hash_operation_t* operation);

// ---------------------------------------------------------------------------
// MAC, unauthenticated cipher and AEAD: one function per driver entry point,
// with the entry point's specification prototype (the multi-part ones take
// the public operation object in place of the driver context).
//
// `attributes`, `key_buffer` and `key_buffer_size` are the key's, as for key
// management below. A transparent key (LOCAL_STORAGE) goes to the
// transparent drivers in priority order, each only where a capability
// matches the algorithm, key type and key size; NOT_SUPPORTED from a
// fallback capability moves on. An opaque key goes to the driver of its
// location. PSA_ERROR_NOT_SUPPORTED when no driver serves the request.
//
// Single-part calls use a driver's single-part entry point or, when it
// declares only the multi-part family, that family on a stack context;
// MacVerify also falls back to the driver's MAC computation followed by a
// constant-time compare.
//
// Multi-part: a setup expects an inactive operation (driver_id == 0,
// PSA_ERROR_BAD_STATE otherwise) and records the serving driver in
// operation->driver_id on success; on failure the operation stays inactive
// with a wiped context. The other calls go to the recorded driver
// (PSA_ERROR_BAD_STATE if none). The finishing calls (MacSignFinish,
// MacVerifyFinish, CipherFinish, AeadFinish, AeadVerify) end the operation
// whatever their result, as Abort does: the driver's abort entry point is
// called, the context wiped, driver_id reset to 0. Abort of an inactive
// operation succeeds. A driver with "mac_multipart" but no
// "mac_verify_multipart" verifies through its sign entry points and a
// constant-time compare.
psa_status_t MacCompute(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                        psa_algorithm_t alg, const uint8_t* input, size_t input_length, uint8_t* mac,
                        size_t mac_size, size_t* mac_length);
psa_status_t MacVerify(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                       psa_algorithm_t alg, const uint8_t* input, size_t input_length, const uint8_t* mac,
                       size_t mac_length);
psa_status_t MacSignSetup(psa_mac_operation_t* operation, const psa_key_attributes_t* attributes,
                          const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t MacVerifySetup(psa_mac_operation_t* operation, const psa_key_attributes_t* attributes,
                            const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t MacUpdate(psa_mac_operation_t* operation, const uint8_t* input, size_t input_length);
psa_status_t MacSignFinish(psa_mac_operation_t* operation, uint8_t* mac, size_t mac_size, size_t* mac_length);
psa_status_t MacVerifyFinish(psa_mac_operation_t* operation, const uint8_t* mac, size_t mac_length);
psa_status_t MacAbort(psa_mac_operation_t* operation);

// CipherEncrypt takes the IV separately and writes only the ciphertext;
// CipherDecrypt's input is the IV followed by the ciphertext.
psa_status_t CipherEncrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                           size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* iv, size_t iv_length,
                           const uint8_t* input, size_t input_length, uint8_t* output, size_t output_size,
                           size_t* output_length);
psa_status_t CipherDecrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                           size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                           uint8_t* output, size_t output_size, size_t* output_length);
psa_status_t CipherEncryptSetup(psa_cipher_operation_t* operation, const psa_key_attributes_t* attributes,
                                const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t CipherDecryptSetup(psa_cipher_operation_t* operation, const psa_key_attributes_t* attributes,
                                const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t CipherSetIv(psa_cipher_operation_t* operation, const uint8_t* iv, size_t iv_length);
psa_status_t CipherUpdate(psa_cipher_operation_t* operation, const uint8_t* input, size_t input_length,
                          uint8_t* output, size_t output_size, size_t* output_length);
psa_status_t CipherFinish(psa_cipher_operation_t* operation, uint8_t* output, size_t output_size,
                          size_t* output_length);
psa_status_t CipherAbort(psa_cipher_operation_t* operation);

// Single-part AEAD: ciphertext is the encrypted message followed by the tag.
psa_status_t AeadEncrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                         psa_algorithm_t alg, const uint8_t* nonce, size_t nonce_length,
                         const uint8_t* additional_data, size_t additional_data_length, const uint8_t* plaintext,
                         size_t plaintext_length, uint8_t* ciphertext, size_t ciphertext_size,
                         size_t* ciphertext_length);
psa_status_t AeadDecrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                         psa_algorithm_t alg, const uint8_t* nonce, size_t nonce_length,
                         const uint8_t* additional_data, size_t additional_data_length, const uint8_t* ciphertext,
                         size_t ciphertext_length, uint8_t* plaintext, size_t plaintext_size,
                         size_t* plaintext_length);
psa_status_t AeadEncryptSetup(psa_aead_operation_t* operation, const psa_key_attributes_t* attributes,
                              const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t AeadDecryptSetup(psa_aead_operation_t* operation, const psa_key_attributes_t* attributes,
                              const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t AeadSetNonce(psa_aead_operation_t* operation, const uint8_t* nonce, size_t nonce_length);
psa_status_t AeadSetLengths(psa_aead_operation_t* operation, size_t ad_length, size_t plaintext_length);
psa_status_t AeadUpdateAd(psa_aead_operation_t* operation, const uint8_t* input, size_t input_length);
psa_status_t AeadUpdate(psa_aead_operation_t* operation, const uint8_t* input, size_t input_length,
                        uint8_t* output, size_t output_size, size_t* output_length);
psa_status_t AeadFinish(psa_aead_operation_t* operation, uint8_t* ciphertext, size_t ciphertext_size,
                        size_t* ciphertext_length, uint8_t* tag, size_t tag_size, size_t* tag_length);
psa_status_t AeadVerify(psa_aead_operation_t* operation, uint8_t* plaintext, size_t plaintext_size,
                        size_t* plaintext_length, const uint8_t* tag, size_t tag_length);
psa_status_t AeadAbort(psa_aead_operation_t* operation);

// ---------------------------------------------------------------------------
// Signatures, asymmetric encryption and key agreement: single-part calls
// with the entry points' prototypes, dispatched as the MAC family above
// (transparent drivers in priority order with filters and fallback, opaque
// keys by location). KeyAgreement chooses its driver by `our_attributes`.
//
// SignMessage and VerifyMessage use a driver's "sign_message" /
// "verify_message" or, for a hash-and-sign algorithm, its "sign_hash" /
// "verify_hash" on the hash of the message computed with HashCompute (the
// driver interface: "the core calls hash_compute and then sign_hash").
psa_status_t SignHash(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                      psa_algorithm_t alg, const uint8_t* hash, size_t hash_length, uint8_t* signature,
                      size_t signature_size, size_t* signature_length);
psa_status_t VerifyHash(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                        psa_algorithm_t alg, const uint8_t* hash, size_t hash_length, const uint8_t* signature,
                        size_t signature_length);
psa_status_t SignMessage(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                         psa_algorithm_t alg, const uint8_t* input, size_t input_length, uint8_t* signature,
                         size_t signature_size, size_t* signature_length);
psa_status_t VerifyMessage(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                           size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                           const uint8_t* signature, size_t signature_length);
psa_status_t AsymmetricEncrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                               size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                               size_t input_length, const uint8_t* salt, size_t salt_length, uint8_t* output,
                               size_t output_size, size_t* output_length);
psa_status_t AsymmetricDecrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                               size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                               size_t input_length, const uint8_t* salt, size_t salt_length, uint8_t* output,
                               size_t output_size, size_t* output_length);
psa_status_t KeyAgreement(psa_algorithm_t alg, const psa_key_attributes_t* our_attributes,
                          const uint8_t* our_key_buffer, size_t our_key_buffer_length, const uint8_t* peer_key,
                          size_t peer_key_length, uint8_t* output, size_t output_size, size_t* output_length);

// ---------------------------------------------------------------------------
// Key derivation ("key_derivation" family) and cooked key derivation
// ("derive_key").
//
// KeyDerivationSetup chooses the driver by `attributes`, those of the
// operation's secret input (a secret given as bytes: a LOCAL_STORAGE key of
// type PSA_KEY_TYPE_DERIVE): the opaque driver of its location, or the
// transparent drivers in priority order whose capability matches `alg` (the
// derivation without key agreement) and the secret's type. The other calls
// go to the recorded driver as for the MAC family; the opaque-only
// SetCapacity, OutputKey, VerifyBytes and VerifyKey return NOT_SUPPORTED
// from a driver that lacks them. PSA_ERROR_NOT_SUPPORTED from the setup:
// no driver serves it, and the core derives by itself.
//
// DeriveKey is a transparent driver's "derive_key" for the type and size in
// `attributes` (pass LOCAL_STORAGE attributes); `memory` is always nullptr.
psa_status_t KeyDerivationSetup(const psa_key_attributes_t* attributes, psa_key_derivation_operation_t* operation,
                                psa_algorithm_t alg, const psa_crypto_driver_key_derivation_inputs_t* inputs);
psa_status_t KeyDerivationInputStep(psa_key_derivation_operation_t* operation, psa_key_derivation_step_t step,
                                    const uint8_t* input, size_t input_length);
psa_status_t KeyDerivationSetCapacity(psa_key_derivation_operation_t* operation, size_t capacity);
psa_status_t KeyDerivationOutputBytes(psa_key_derivation_operation_t* operation, uint8_t* output, size_t length);
psa_status_t KeyDerivationOutputKey(const psa_key_attributes_t* attributes, psa_key_derivation_operation_t* operation,
                                    uint8_t* key_buffer, size_t key_buffer_size, size_t* key_buffer_length);
psa_status_t KeyDerivationVerifyBytes(psa_key_derivation_operation_t* operation, const uint8_t* expected_output,
                                      size_t length);
psa_status_t KeyDerivationVerifyKey(psa_key_derivation_operation_t* operation, uint8_t* key_buffer,
                                    size_t key_buffer_size);
psa_status_t KeyDerivationAbort(psa_key_derivation_operation_t* operation);
psa_status_t DeriveKey(const psa_key_attributes_t* attributes, const uint8_t* input, size_t input_length,
                       void* memory, uint8_t* key_buffer, size_t key_buffer_size, size_t* key_buffer_length);

// ---------------------------------------------------------------------------
// PAKE ("pake" family). PakeSetup chooses the driver by `attributes`, the
// password key's, and `alg`, the cipher suite's algorithm; the other calls go
// to the recorded driver. PakeGetImplicitKey ends the operation whatever its
// result, as the finishing calls of the MAC family do.
psa_status_t PakeSetup(const psa_key_attributes_t* attributes, psa_algorithm_t alg, psa_pake_operation_t* operation,
                       const psa_crypto_driver_pake_inputs_t* inputs);
psa_status_t PakeOutput(psa_pake_operation_t* operation, psa_crypto_driver_pake_step_t step, uint8_t* output,
                        size_t output_size, size_t* output_length);
psa_status_t PakeInput(psa_pake_operation_t* operation, psa_crypto_driver_pake_step_t step, const uint8_t* input,
                       size_t input_size);
psa_status_t PakeGetImplicitKey(psa_pake_operation_t* operation, uint8_t* output, size_t output_size,
                                size_t* output_length);
psa_status_t PakeAbort(psa_pake_operation_t* operation);

// ---------------------------------------------------------------------------
// Key management.
//
// `attributes` are the key's. A key buffer holds the key's representation in
// the key store: for a transparent key (location PSA_KEY_LOCATION_LOCAL_STORAGE)
// its export format; for an opaque key the context of the opaque driver
// registered for the key's location (PSA_KEY_LIFETIME_GET_LOCATION).
//
// Transparent keys: only asymmetric key types are dispatched (import,
// public-key export) and only key pairs for generation, as the driver
// interface assigns these entry points; the core handles symmetric keys
// itself. Transparent drivers are tried in priority order when a capability
// matches the key type, the key size (a size of 0 at import matches any
// "key_sizes") and the key's permitted algorithm; NOT_SUPPORTED from a
// fallback capability moves on. PSA_ERROR_NOT_SUPPORTED when none serves.
//
// Opaque keys: the one opaque driver of the location is called, whatever
// the key type; PSA_ERROR_NOT_SUPPORTED when no selected driver has that
// location or the driver lacks the entry point.

// The size of the key buffer to allocate for a key with `attributes`: for a
// transparent key PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits) (key pairs: the key
// pair's export size); for an opaque key, what the driver's "key_context"
// says (its "size_function" if it has one). PSA_ERROR_NOT_SUPPORTED for an
// unknown location, PSA_ERROR_INVALID_ARGUMENT when the size is 0.
psa_status_t KeyBufferSize(const psa_key_attributes_t* attributes, size_t* size);

// The key buffer size for psa_import_key of `data_length` bytes, when the
// key's size may not be known yet: a transparent key's buffer holds its
// import data (the import format is the export format), so `data_length`;
// an opaque key's context is sized as above with the attributes' bits or,
// when they are 0, 8 * data_length.
psa_status_t KeyBufferSizeForImport(const psa_key_attributes_t* attributes, size_t data_length, size_t* size);

// The driver entry points "import_key", "generate_key", "export_key",
// "export_public_key", "copy_key" and "destroy_key", with their
// specification prototypes. ExportKey of a transparent key copies the key
// buffer (PSA_ERROR_BUFFER_TOO_SMALL if data_size is short). DestroyKey of a
// transparent key, or of an opaque key whose driver has no "destroy_key",
// succeeds without calling anything. CopyKey is for opaque keys only (both
// keys in the same location); `attributes` are the target's.
psa_status_t ImportKey(const psa_key_attributes_t* attributes, const uint8_t* data, size_t data_length,
                       uint8_t* key_buffer, size_t key_buffer_size, size_t* key_buffer_length, size_t* bits);
psa_status_t GenerateKey(const psa_key_attributes_t* attributes, uint8_t* key_buffer, size_t key_buffer_size,
                         size_t* key_buffer_length);
psa_status_t ExportKey(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                       uint8_t* data, size_t data_size, size_t* data_length);
psa_status_t ExportPublicKey(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                             size_t key_buffer_size, uint8_t* data, size_t data_size, size_t* data_length);
psa_status_t CopyKey(psa_key_attributes_t* attributes, const uint8_t* source_key, size_t source_key_length,
                     uint8_t* target_key_buffer, size_t target_key_buffer_size, size_t* target_key_buffer_length);
psa_status_t DestroyKey(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size);

// Whether a selected opaque driver serves `location` (LOCAL_STORAGE: true).
bool LocationIsSupported(psa_key_location_t location);

// Name of a selected driver (its psa_driver target name), or nullptr for an
// unknown id.
const char* DriverName(uint32_t driver_id);

// Id of the driver that served the last successful dispatched call made by
// this thread (0 if none). Diagnostics and tests only.
uint32_t LastServingDriver();

// The human-readable dispatch table of this build (what `psa drivers` prints).
const char* DispatchTable();

}  // namespace psa::dispatch

#endif  // PSA_CORE_DISPATCH_H_
