// The AEAD API of PSA Crypto 1.2 ("Authenticated encryption with associated
// data"): argument, key, length and state checks in the core, computation
// by the driver that psa::dispatch selects for the key. The core generates
// nonces (psa_aead_generate_nonce) with its random generator, enforces the
// lengths declared with psa_aead_set_lengths(), and releases the plaintext of
// a single-part decryption only once the tag is verified: the driver
// decrypts into a private buffer.
//
// Operation states as in mac.cc: a failure of an active operation ends it,
// a failed setup leaves the object as it was.

#include <string.h>

#include "psa/core/dispatch.h"
#include "psa/core/keys/key_store.h"
#include "psa/core/library_state.h"
#include "psa/core/policy/operation_keys.h"
#include "psa/core/staged_output.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

using keys::KeyHandle;

// Acquires `key` for `usage` with the AEAD `alg` and checks that it suits the
// algorithm; *tag_length is the length of its tag.
psa_status_t AcquireAeadKey(psa_key_id_t key, psa_key_usage_t usage, psa_algorithm_t alg, KeyHandle* handle,
                            size_t* tag_length) {
  *tag_length = 0;
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  if (!PSA_ALG_IS_AEAD(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  psa_status_t status = keys::AcquireKey(key, usage, alg, handle);
  if (status != PSA_SUCCESS) return status;
  const psa_key_attributes_t& attributes = handle->attributes();
  return policy::CheckAeadKey(psa_get_key_type(&attributes), psa_get_key_bits(&attributes), alg, tag_length);
}

bool IsCcm(psa_algorithm_t alg) { return PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) == PSA_ALG_CCM; }

bool IsActive(const psa_aead_operation_t* operation) { return operation->driver_id != 0; }

psa_status_t EndOperation(psa_aead_operation_t* operation) {
  const psa_status_t status = psa::dispatch::AeadAbort(operation);
  SecureWipeObject(*operation);
  return status;
}

// Ends the operation when `status` is a failure; returns `status`.
psa_status_t EndOnFailure(psa_aead_operation_t* operation, psa_status_t status) {
  if (status != PSA_SUCCESS) EndOperation(operation);
  return status;
}

// The tag length of an active operation's algorithm and key.
size_t TagLength(const psa_aead_operation_t* operation) {
  // Key sizes do not change tag lengths of the AEADs of the API.
  return PSA_AEAD_TAG_LENGTH(operation->key_type, 0, operation->alg);
}

psa_status_t Setup(psa_aead_operation_t* operation, psa_key_id_t key, psa_algorithm_t alg, bool encrypt) {
  if (!LibraryInitialized() || IsActive(operation)) return PSA_ERROR_BAD_STATE;
  // Read before the key is looked up: a destroy from now on ends the operation.
  const uint64_t destroy_count = keys::GlobalKeyStore().DestroyCount();
  KeyHandle handle;
  size_t tag_length = 0;
  psa_status_t status = AcquireAeadKey(key, encrypt ? PSA_KEY_USAGE_ENCRYPT : PSA_KEY_USAGE_DECRYPT, alg, &handle,
                                       &tag_length);
  if (status != PSA_SUCCESS) return status;
  const psa_key_attributes_t& attributes = handle.attributes();
  psa_aead_operation_t fresh = PSA_AEAD_OPERATION_INIT;
  *operation = fresh;
  operation->alg = alg;
  operation->key_id = key;
  operation->key_destroy_count = destroy_count;
  operation->key_type = psa_get_key_type(&attributes);
  operation->is_encrypt = encrypt ? 1 : 0;
  status = encrypt ? psa::dispatch::AeadEncryptSetup(operation, &attributes, handle.key_buffer(),
                                                     handle.key_buffer_size(), alg)
                   : psa::dispatch::AeadDecryptSetup(operation, &attributes, handle.key_buffer(),
                                                     handle.key_buffer_size(), alg);
  if (status == PSA_SUCCESS && !IsActive(operation)) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status != PSA_SUCCESS) EndOperation(operation);
  return status;
}

// Whether the nonce may be set now: not yet set, and for CCM after the lengths.
psa_status_t CheckNonceState(const psa_aead_operation_t* operation) {
  if (operation->nonce_set) return PSA_ERROR_BAD_STATE;
  if (IsCcm(operation->alg) && !operation->lengths_set) return PSA_ERROR_BAD_STATE;
  return PSA_SUCCESS;
}

// The length of the nonce psa_aead_generate_nonce() makes: the default one,
// but for CCM the longest that leaves room for the declared message length
// (15 - L bytes, L >= 2 the smallest with message length < 2^(8L)).
size_t GeneratedNonceLength(const psa_aead_operation_t* operation) {
  if (!IsCcm(operation->alg)) return PSA_AEAD_NONCE_LENGTH(operation->key_type, operation->alg);
  size_t length_field = 2;
  while (length_field < 8 && (static_cast<uint64_t>(operation->body_remaining) >> (8 * length_field)) != 0) {
    ++length_field;
  }
  return 15 - length_field;
}

// Before the tag: all declared data must have been passed.
psa_status_t CheckAllDataPassed(const psa_aead_operation_t* operation) {
  if (!operation->nonce_set) return PSA_ERROR_BAD_STATE;
  if (operation->lengths_set && (operation->ad_remaining != 0 || operation->body_remaining != 0)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

}  // namespace
}  // namespace psa::core

using psa::core::AcquireAeadKey;
using psa::core::BuffersOverlap;
using psa::core::CheckAllDataPassed;
using psa::core::CheckNonceState;
using psa::core::CheckWritten;
using psa::core::EndOnFailure;
using psa::core::EndOperation;
using psa::core::IsActive;
using psa::core::LibraryInitialized;
using psa::core::SecureWipe;
using psa::core::StagedOutput;
using psa::core::TagLength;
using psa::core::keys::CheckOperationKey;
using psa::core::keys::KeyHandle;

extern "C" {

psa_status_t psa_aead_encrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* nonce, size_t nonce_length,
                              const uint8_t* additional_data, size_t additional_data_length,
                              const uint8_t* plaintext, size_t plaintext_length, uint8_t* ciphertext,
                              size_t ciphertext_size, size_t* ciphertext_length) {
  *ciphertext_length = 0;
  KeyHandle handle;
  size_t tag_length = 0;
  psa_status_t status = AcquireAeadKey(key, PSA_KEY_USAGE_ENCRYPT, alg, &handle, &tag_length);
  if (status == PSA_SUCCESS) status = psa::core::policy::CheckAeadNonceLength(alg, nonce_length);
  if (status == PSA_SUCCESS &&
      (plaintext_length > SIZE_MAX - tag_length || ciphertext_size < plaintext_length + tag_length)) {
    status = PSA_ERROR_BUFFER_TOO_SMALL;
  }
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    // In place is supported by every driver; other overlaps are staged.
    StagedOutput output(ciphertext, ciphertext_size,
                        BuffersOverlap(plaintext, plaintext_length, ciphertext, ciphertext_size) &&
                            plaintext != ciphertext);
    status = output.Prepare();
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::AeadEncrypt(&handle.attributes(), handle.key_buffer(), handle.key_buffer_size(), alg,
                                          nonce, nonce_length, additional_data, additional_data_length, plaintext,
                                          plaintext_length, output.data(), output.size(), &written);
      status = CheckWritten(status, written, output.size());
    }
    if (status == PSA_SUCCESS) output.Release(written);
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(ciphertext, ciphertext_size);
    return status;
  }
  *ciphertext_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_aead_decrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* nonce, size_t nonce_length,
                              const uint8_t* additional_data, size_t additional_data_length,
                              const uint8_t* ciphertext, size_t ciphertext_length, uint8_t* plaintext,
                              size_t plaintext_size, size_t* plaintext_length) {
  *plaintext_length = 0;
  KeyHandle handle;
  size_t tag_length = 0;
  psa_status_t status = AcquireAeadKey(key, PSA_KEY_USAGE_DECRYPT, alg, &handle, &tag_length);
  if (status == PSA_SUCCESS) status = psa::core::policy::CheckAeadNonceLength(alg, nonce_length);
  // Shorter than a tag: not an authentic ciphertext.
  if (status == PSA_SUCCESS && ciphertext_length < tag_length) status = PSA_ERROR_INVALID_SIGNATURE;
  if (status == PSA_SUCCESS && plaintext_size < ciphertext_length - tag_length) status = PSA_ERROR_BUFFER_TOO_SMALL;
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    // The driver decrypts into a private buffer: the caller sees plaintext
    // only once the tag is verified.
    const size_t size = ciphertext_length - tag_length;
    StagedOutput output(plaintext, size, /*stage=*/true);
    status = output.Prepare();
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::AeadDecrypt(&handle.attributes(), handle.key_buffer(), handle.key_buffer_size(), alg,
                                          nonce, nonce_length, additional_data, additional_data_length, ciphertext,
                                          ciphertext_length, output.data(), output.size(), &written);
      status = CheckWritten(status, written, output.size());
    }
    if (status == PSA_SUCCESS) output.Release(written);
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(plaintext, plaintext_size);
    return status;
  }
  *plaintext_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_aead_encrypt_setup(psa_aead_operation_t* operation, psa_key_id_t key, psa_algorithm_t alg) {
  return psa::core::Setup(operation, key, alg, /*encrypt=*/true);
}

psa_status_t psa_aead_decrypt_setup(psa_aead_operation_t* operation, psa_key_id_t key, psa_algorithm_t alg) {
  return psa::core::Setup(operation, key, alg, /*encrypt=*/false);
}

psa_status_t psa_aead_set_lengths(psa_aead_operation_t* operation, size_t ad_length, size_t plaintext_length) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  psa_status_t status = CheckOperationKey(operation);
  if (operation->lengths_set || operation->nonce_set) status = PSA_ERROR_BAD_STATE;
  if (status == PSA_SUCCESS) status = psa::dispatch::AeadSetLengths(operation, ad_length, plaintext_length);
  if (status == PSA_SUCCESS) {
    operation->lengths_set = 1;
    operation->ad_remaining = ad_length;
    operation->body_remaining = plaintext_length;
  }
  return EndOnFailure(operation, status);
}

psa_status_t psa_aead_generate_nonce(psa_aead_operation_t* operation, uint8_t* nonce, size_t nonce_size,
                                     size_t* nonce_length) {
  *nonce_length = 0;
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  psa_status_t status = operation->is_encrypt ? CheckNonceState(operation) : PSA_ERROR_BAD_STATE;
  if (status == PSA_SUCCESS) status = CheckOperationKey(operation);
  const size_t length = psa::core::GeneratedNonceLength(operation);
  if (status == PSA_SUCCESS && nonce_size < length) status = PSA_ERROR_BUFFER_TOO_SMALL;
  uint8_t fresh[PSA_AEAD_NONCE_MAX_SIZE];
  if (status == PSA_SUCCESS && (length == 0 || length > sizeof(fresh))) status = PSA_ERROR_NOT_SUPPORTED;
  if (status == PSA_SUCCESS) status = psa_generate_random(fresh, length);
  if (status == PSA_SUCCESS) status = psa::dispatch::AeadSetNonce(operation, fresh, length);
  if (status == PSA_SUCCESS) {
    memcpy(nonce, fresh, length);
    *nonce_length = length;
    operation->nonce_set = 1;
  }
  SecureWipe(fresh, sizeof(fresh));
  return EndOnFailure(operation, status);
}

psa_status_t psa_aead_set_nonce(psa_aead_operation_t* operation, const uint8_t* nonce, size_t nonce_length) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  psa_status_t status = CheckNonceState(operation);
  if (status == PSA_SUCCESS) status = CheckOperationKey(operation);
  if (status == PSA_SUCCESS) status = psa::core::policy::CheckAeadNonceLength(operation->alg, nonce_length);
  if (status == PSA_SUCCESS) status = psa::dispatch::AeadSetNonce(operation, nonce, nonce_length);
  if (status == PSA_SUCCESS) operation->nonce_set = 1;
  return EndOnFailure(operation, status);
}

psa_status_t psa_aead_update_ad(psa_aead_operation_t* operation, const uint8_t* input, size_t input_length) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  psa_status_t status = CheckOperationKey(operation);
  if (!operation->nonce_set || operation->body_started) status = PSA_ERROR_BAD_STATE;
  if (status == PSA_SUCCESS && operation->lengths_set && input_length > operation->ad_remaining) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  }
  if (status == PSA_SUCCESS && input_length != 0) {
    status = psa::dispatch::AeadUpdateAd(operation, input, input_length);
  }
  if (status == PSA_SUCCESS) {
    if (operation->lengths_set) operation->ad_remaining -= input_length;
    operation->ad_started = 1;
  }
  return EndOnFailure(operation, status);
}

psa_status_t psa_aead_update(psa_aead_operation_t* operation, const uint8_t* input, size_t input_length,
                             uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  psa_status_t status = operation->nonce_set ? CheckOperationKey(operation) : PSA_ERROR_BAD_STATE;
  if (status == PSA_SUCCESS && operation->lengths_set &&
      (operation->ad_remaining != 0 || input_length > operation->body_remaining)) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  }
  size_t written = 0;
  if (status == PSA_SUCCESS && input_length != 0) {
    StagedOutput staged(output, output_size,
                        BuffersOverlap(input, input_length, output, output_size) && input != output);
    status = staged.Prepare();
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::AeadUpdate(operation, input, input_length, staged.data(), staged.size(), &written);
      status = CheckWritten(status, written, staged.size());
    }
    if (status == PSA_SUCCESS) staged.Release(written);
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(output, output_size);
    return EndOnFailure(operation, status);
  }
  if (operation->lengths_set) operation->body_remaining -= input_length;
  operation->body_started = 1;
  *output_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_aead_finish(psa_aead_operation_t* operation, uint8_t* ciphertext, size_t ciphertext_size,
                             size_t* ciphertext_length, uint8_t* tag, size_t tag_size, size_t* tag_length) {
  *ciphertext_length = 0;
  *tag_length = 0;
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  psa_status_t status = IsActive(operation) && operation->is_encrypt ? CheckAllDataPassed(operation)
                                                                     : PSA_ERROR_BAD_STATE;
  if (status == PSA_SUCCESS) status = CheckOperationKey(operation);
  const size_t expected_tag_length = status == PSA_SUCCESS ? TagLength(operation) : 0;
  if (status == PSA_SUCCESS && tag_size < expected_tag_length) status = PSA_ERROR_BUFFER_TOO_SMALL;
  size_t written = 0;
  size_t tag_written = 0;
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::AeadFinish(operation, ciphertext, ciphertext_size, &written, tag, tag_size,
                                       &tag_written);
    status = CheckWritten(status, written, ciphertext_size);
    if (status == PSA_SUCCESS && tag_written != expected_tag_length) status = PSA_ERROR_CORRUPTION_DETECTED;
  }
  EndOperation(operation);
  if (status != PSA_SUCCESS) {
    SecureWipe(ciphertext, ciphertext_size);
    SecureWipe(tag, tag_size);
    return status;
  }
  *ciphertext_length = written;
  *tag_length = tag_written;
  return PSA_SUCCESS;
}

psa_status_t psa_aead_verify(psa_aead_operation_t* operation, uint8_t* plaintext, size_t plaintext_size,
                             size_t* plaintext_length, const uint8_t* tag, size_t tag_length) {
  *plaintext_length = 0;
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  psa_status_t status = IsActive(operation) && !operation->is_encrypt ? CheckAllDataPassed(operation)
                                                                      : PSA_ERROR_BAD_STATE;
  if (status == PSA_SUCCESS) status = CheckOperationKey(operation);
  if (status == PSA_SUCCESS && tag_length != TagLength(operation)) status = PSA_ERROR_INVALID_SIGNATURE;
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    // The held-back plaintext is released only with a valid tag.
    StagedOutput staged(plaintext,
                        plaintext_size < PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE ? plaintext_size
                                                                         : PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE,
                        /*stage=*/true);
    status = staged.Prepare();
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::AeadVerify(operation, staged.data(), staged.size(), &written, tag, tag_length);
      status = CheckWritten(status, written, staged.size());
    }
    if (status == PSA_SUCCESS) staged.Release(written);
  }
  EndOperation(operation);
  if (status != PSA_SUCCESS) {
    SecureWipe(plaintext, plaintext_size);
    return status;
  }
  *plaintext_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_aead_abort(psa_aead_operation_t* operation) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  return EndOperation(operation);
}

}  // extern "C"
