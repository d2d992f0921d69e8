// The asymmetric signature API of PSA Crypto 1.2 ("Asymmetric signature"):
// psa_sign_hash, psa_verify_hash, psa_sign_message and psa_verify_message.
// The core checks the arguments, the key's policy and its suitability for
// the algorithm (policy/asymmetric_keys.h); the driver psa::dispatch selects
// signs or verifies. For a message, the dispatch uses a driver's
// sign_message / verify_message, or hashes and calls its sign_hash /
// verify_hash.
//
// Outputs: on failure the signature buffer is wiped and *signature_length
// stays 0. A signature buffer that overlaps the input other than not at all
// is staged, since no driver has to support overlap.

#include <stddef.h>
#include <stdint.h>

#include "psa/core/dispatch.h"
#include "psa/core/keys/key_store.h"
#include "psa/core/library_state.h"
#include "psa/core/policy/asymmetric_keys.h"
#include "psa/core/staged_output.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

using keys::KeyHandle;

// Which of the four functions runs.
enum class Input { kHash, kMessage };

// Acquires `key` for the signature algorithm `alg`, to sign or to verify
// `input`: BAD_STATE before psa_crypto_init; INVALID_ARGUMENT for an `alg`
// that the function does not take; the key store's INVALID_HANDLE and
// NOT_PERMITTED (usage SIGN_HASH / VERIFY_HASH, or SIGN_MESSAGE /
// VERIFY_MESSAGE, which the hash usages imply); INVALID_ARGUMENT for a key
// that does not suit `alg` or, for a hash, a hash of the wrong length.
psa_status_t AcquireSignatureKey(psa_key_id_t key, psa_algorithm_t alg, Input input, bool sign, size_t hash_length,
                                 KeyHandle* handle) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  const bool usable = input == Input::kHash ? PSA_ALG_IS_SIGN_HASH(alg) : PSA_ALG_IS_SIGN_MESSAGE(alg);
  if (!usable) return PSA_ERROR_INVALID_ARGUMENT;
  psa_key_usage_t usage = 0;
  if (input == Input::kHash) {
    usage = sign ? PSA_KEY_USAGE_SIGN_HASH : PSA_KEY_USAGE_VERIFY_HASH;
  } else {
    usage = sign ? PSA_KEY_USAGE_SIGN_MESSAGE : PSA_KEY_USAGE_VERIFY_MESSAGE;
  }
  psa_status_t status = keys::AcquireKey(key, usage, alg, handle);
  if (status != PSA_SUCCESS) return status;
  const psa_key_attributes_t& attributes = handle->attributes();
  const psa_key_type_t type = psa_get_key_type(&attributes);
  status = policy::CheckSignatureKey(type, alg, sign);
  if (status != PSA_SUCCESS || input == Input::kMessage) return status;
  return policy::CheckSignatureHashLength(type, psa_get_key_bits(&attributes), alg, hash_length);
}

// The length of every signature of `alg` with the key (0: not known here).
size_t SignatureLength(const KeyHandle& handle, psa_algorithm_t alg) {
  const psa_key_attributes_t& attributes = handle.attributes();
  return PSA_SIGN_OUTPUT_SIZE(psa_get_key_type(&attributes), psa_get_key_bits(&attributes), alg);
}

psa_status_t Sign(Input input_kind, psa_key_id_t key, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                  uint8_t* signature, size_t signature_size, size_t* signature_length) {
  *signature_length = 0;
  KeyHandle handle;
  psa_status_t status = AcquireSignatureKey(key, alg, input_kind, /*sign=*/true, input_length, &handle);
  if (status == PSA_SUCCESS && signature_size < SignatureLength(handle, alg)) {
    status = PSA_ERROR_BUFFER_TOO_SMALL;
  }
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    StagedOutput output(signature, signature_size, BuffersOverlap(input, input_length, signature, signature_size));
    status = output.Prepare();
    if (status == PSA_SUCCESS) {
      const psa_key_attributes_t& attributes = handle.attributes();
      status = input_kind == Input::kHash
                   ? psa::dispatch::SignHash(&attributes, handle.key_buffer(), handle.key_buffer_size(), alg, input,
                                             input_length, output.data(), output.size(), &written)
                   : psa::dispatch::SignMessage(&attributes, handle.key_buffer(), handle.key_buffer_size(), alg, input,
                                                input_length, output.data(), output.size(), &written);
      status = CheckWritten(status, written, output.size());
    }
    if (status == PSA_SUCCESS) output.Release(written);
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(signature, signature_size);
    return status;
  }
  *signature_length = written;
  return PSA_SUCCESS;
}

psa_status_t Verify(Input input_kind, psa_key_id_t key, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                    const uint8_t* signature, size_t signature_length) {
  KeyHandle handle;
  psa_status_t status = AcquireSignatureKey(key, alg, input_kind, /*sign=*/false, input_length, &handle);
  if (status != PSA_SUCCESS) return status;
  // Every signature of these schemes has one length: any other is not one.
  const size_t expected_length = SignatureLength(handle, alg);
  if (expected_length != 0 && signature_length != expected_length) return PSA_ERROR_INVALID_SIGNATURE;
  const psa_key_attributes_t& attributes = handle.attributes();
  if (input_kind == Input::kHash) {
    return psa::dispatch::VerifyHash(&attributes, handle.key_buffer(), handle.key_buffer_size(), alg, input,
                                     input_length, signature, signature_length);
  }
  return psa::dispatch::VerifyMessage(&attributes, handle.key_buffer(), handle.key_buffer_size(), alg, input,
                                      input_length, signature, signature_length);
}

}  // namespace
}  // namespace psa::core

using psa::core::Input;

extern "C" {

psa_status_t psa_sign_hash(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* hash, size_t hash_length,
                           uint8_t* signature, size_t signature_size, size_t* signature_length) {
  return psa::core::Sign(Input::kHash, key, alg, hash, hash_length, signature, signature_size, signature_length);
}

psa_status_t psa_verify_hash(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* hash, size_t hash_length,
                             const uint8_t* signature, size_t signature_length) {
  return psa::core::Verify(Input::kHash, key, alg, hash, hash_length, signature, signature_length);
}

psa_status_t psa_sign_message(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                              uint8_t* signature, size_t signature_size, size_t* signature_length) {
  return psa::core::Sign(Input::kMessage, key, alg, input, input_length, signature, signature_size, signature_length);
}

psa_status_t psa_verify_message(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                                const uint8_t* signature, size_t signature_length) {
  return psa::core::Verify(Input::kMessage, key, alg, input, input_length, signature, signature_length);
}

}  // extern "C"
