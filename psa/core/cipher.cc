// The unauthenticated cipher API of PSA Crypto 1.2 ("Unauthenticated
// ciphers"): argument, key, IV and state checks in the core, computation by
// the driver that psa::dispatch selects for the key. The core generates the
// IVs (psa_cipher_encrypt, psa_cipher_generate_iv) with its random
// generator; drivers only ever get an IV to use.
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

// Acquires `key` for `usage` with the cipher `alg` and checks that it suits
// the algorithm.
psa_status_t AcquireCipherKey(psa_key_id_t key, psa_key_usage_t usage, psa_algorithm_t alg, KeyHandle* handle) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  if (!PSA_ALG_IS_CIPHER(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  psa_status_t status = keys::AcquireKey(key, usage, alg, handle);
  if (status != PSA_SUCCESS) return status;
  return policy::CheckCipherKey(psa_get_key_type(&handle->attributes()), alg);
}

bool IsActive(const psa_cipher_operation_t* operation) { return operation->driver_id != 0; }

psa_status_t EndOperation(psa_cipher_operation_t* operation) {
  const psa_status_t status = psa::dispatch::CipherAbort(operation);
  SecureWipeObject(*operation);
  return status;
}

// Whether a call that needs the IV may go on: the IV is set or the mode has none.
bool ReadyForData(const psa_cipher_operation_t* operation) {
  return IsActive(operation) && (operation->iv_set || !operation->iv_required);
}

psa_status_t Setup(psa_cipher_operation_t* operation, psa_key_id_t key, psa_algorithm_t alg, bool encrypt) {
  if (!LibraryInitialized() || IsActive(operation)) return PSA_ERROR_BAD_STATE;
  // Read before the key is looked up: a destroy from now on ends the operation.
  const uint64_t destroy_count = keys::GlobalKeyStore().DestroyCount();
  KeyHandle handle;
  psa_status_t status =
      AcquireCipherKey(key, encrypt ? PSA_KEY_USAGE_ENCRYPT : PSA_KEY_USAGE_DECRYPT, alg, &handle);
  if (status != PSA_SUCCESS) return status;
  const psa_key_attributes_t& attributes = handle.attributes();
  const psa_key_type_t type = psa_get_key_type(&attributes);
  psa_cipher_operation_t fresh = PSA_CIPHER_OPERATION_INIT;
  *operation = fresh;
  operation->alg = alg;
  operation->key_id = key;
  operation->key_destroy_count = destroy_count;
  operation->key_type = type;
  operation->is_encrypt = encrypt ? 1 : 0;
  operation->default_iv_length = static_cast<uint8_t>(PSA_CIPHER_IV_LENGTH(type, alg));
  operation->iv_required = operation->default_iv_length != 0 ? 1 : 0;
  status = encrypt ? psa::dispatch::CipherEncryptSetup(operation, &attributes, handle.key_buffer(),
                                                       handle.key_buffer_size(), alg)
                   : psa::dispatch::CipherDecryptSetup(operation, &attributes, handle.key_buffer(),
                                                       handle.key_buffer_size(), alg);
  if (status == PSA_SUCCESS && !IsActive(operation)) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status != PSA_SUCCESS) EndOperation(operation);
  return status;
}

}  // namespace
}  // namespace psa::core

using psa::core::AcquireCipherKey;
using psa::core::BuffersOverlap;
using psa::core::CheckWritten;
using psa::core::EndOperation;
using psa::core::IsActive;
using psa::core::LibraryInitialized;
using psa::core::ReadyForData;
using psa::core::SecureWipe;
using psa::core::StagedOutput;
using psa::core::keys::CheckOperationKey;
using psa::core::keys::KeyHandle;

extern "C" {

psa_status_t psa_cipher_encrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                                uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  KeyHandle handle;
  psa_status_t status = AcquireCipherKey(key, PSA_KEY_USAGE_ENCRYPT, alg, &handle);
  const psa_key_type_t type = status == PSA_SUCCESS ? psa_get_key_type(&handle.attributes()) : 0;
  const size_t iv_length = PSA_CIPHER_IV_LENGTH(type, alg);
  if (status == PSA_SUCCESS && output_size < iv_length) status = PSA_ERROR_BUFFER_TOO_SMALL;
  uint8_t iv[PSA_CIPHER_IV_MAX_SIZE];
  if (status == PSA_SUCCESS && iv_length != 0) status = psa_generate_random(iv, iv_length);
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    // The IV goes in front of the ciphertext: an output that overlaps the
    // input would overwrite input not yet read, so it is staged then.
    StagedOutput body(output + iv_length, output_size - iv_length,
                      BuffersOverlap(input, input_length, output, output_size));
    status = body.Prepare();
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::CipherEncrypt(&handle.attributes(), handle.key_buffer(), handle.key_buffer_size(),
                                            alg, iv, iv_length, input, input_length, body.data(), body.size(),
                                            &written);
      status = CheckWritten(status, written, body.size());
    }
    if (status == PSA_SUCCESS) {
      body.Release(written);
      if (iv_length != 0) memcpy(output, iv, iv_length);
    }
  }
  SecureWipe(iv, sizeof(iv));
  if (status != PSA_SUCCESS) {
    SecureWipe(output, output_size);
    return status;
  }
  *output_length = iv_length + written;
  return PSA_SUCCESS;
}

psa_status_t psa_cipher_decrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                                uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  KeyHandle handle;
  psa_status_t status = AcquireCipherKey(key, PSA_KEY_USAGE_DECRYPT, alg, &handle);
  const psa_key_type_t type = status == PSA_SUCCESS ? psa_get_key_type(&handle.attributes()) : 0;
  if (status == PSA_SUCCESS && input_length < PSA_CIPHER_IV_LENGTH(type, alg)) status = PSA_ERROR_INVALID_ARGUMENT;
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    // Padding is checked last: stage the plaintext so that none of it is
    // released when the padding is bad. Stage also when input and output
    // overlap other than exactly in place.
    const bool stage = alg == PSA_ALG_CBC_PKCS7 ||
                       (BuffersOverlap(input, input_length, output, output_size) && input != output);
    StagedOutput plaintext(output, output_size, stage);
    status = plaintext.Prepare();
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::CipherDecrypt(&handle.attributes(), handle.key_buffer(), handle.key_buffer_size(),
                                            alg, input, input_length, plaintext.data(), plaintext.size(), &written);
      status = CheckWritten(status, written, plaintext.size());
    }
    if (status == PSA_SUCCESS) plaintext.Release(written);
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(output, output_size);
    return status;
  }
  *output_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_cipher_encrypt_setup(psa_cipher_operation_t* operation, psa_key_id_t key, psa_algorithm_t alg) {
  return psa::core::Setup(operation, key, alg, /*encrypt=*/true);
}

psa_status_t psa_cipher_decrypt_setup(psa_cipher_operation_t* operation, psa_key_id_t key, psa_algorithm_t alg) {
  return psa::core::Setup(operation, key, alg, /*encrypt=*/false);
}

psa_status_t psa_cipher_generate_iv(psa_cipher_operation_t* operation, uint8_t* iv, size_t iv_size,
                                    size_t* iv_length) {
  *iv_length = 0;
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  psa_status_t status = CheckOperationKey(operation);
  if (!operation->is_encrypt || operation->iv_set || !operation->iv_required) status = PSA_ERROR_BAD_STATE;
  const size_t length = operation->default_iv_length;
  if (status == PSA_SUCCESS && iv_size < length) status = PSA_ERROR_BUFFER_TOO_SMALL;
  uint8_t fresh[PSA_CIPHER_IV_MAX_SIZE];
  if (status == PSA_SUCCESS) status = psa_generate_random(fresh, length);
  if (status == PSA_SUCCESS) status = psa::dispatch::CipherSetIv(operation, fresh, length);
  if (status == PSA_SUCCESS) {
    memcpy(iv, fresh, length);
    *iv_length = length;
    operation->iv_set = 1;
  } else {
    EndOperation(operation);
  }
  SecureWipe(fresh, sizeof(fresh));
  return status;
}

psa_status_t psa_cipher_set_iv(psa_cipher_operation_t* operation, const uint8_t* iv, size_t iv_length) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  psa_status_t status = CheckOperationKey(operation);
  if (operation->iv_set || !operation->iv_required) status = PSA_ERROR_BAD_STATE;
  if (status == PSA_SUCCESS && (iv_length == 0 || iv_length > PSA_CIPHER_IV_MAX_SIZE)) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  }
  if (status == PSA_SUCCESS) status = psa::dispatch::CipherSetIv(operation, iv, iv_length);
  if (status == PSA_SUCCESS) {
    operation->iv_set = 1;
  } else {
    EndOperation(operation);
  }
  return status;
}

psa_status_t psa_cipher_update(psa_cipher_operation_t* operation, const uint8_t* input, size_t input_length,
                               uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  if (!ReadyForData(operation)) {
    EndOperation(operation);
    return PSA_ERROR_BAD_STATE;
  }
  psa_status_t status = CheckOperationKey(operation);
  if (status != PSA_SUCCESS) {
    EndOperation(operation);
    return status;
  }
  if (input_length == 0) return PSA_SUCCESS;
  // In place (output == input) is supported by every driver; any other
  // overlap goes through a private buffer.
  StagedOutput staged(output, output_size, BuffersOverlap(input, input_length, output, output_size) && input != output);
  size_t written = 0;
  status = staged.Prepare();
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::CipherUpdate(operation, input, input_length, staged.data(), staged.size(), &written);
    status = CheckWritten(status, written, staged.size());
  }
  if (status != PSA_SUCCESS) {
    EndOperation(operation);
    SecureWipe(output, output_size);
    return status;
  }
  staged.Release(written);
  *output_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_cipher_finish(psa_cipher_operation_t* operation, uint8_t* output, size_t output_size,
                               size_t* output_length) {
  *output_length = 0;
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  psa_status_t status = ReadyForData(operation) ? CheckOperationKey(operation) : PSA_ERROR_BAD_STATE;
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::CipherFinish(operation, output, output_size, &written);
    status = CheckWritten(status, written, output_size);
  }
  EndOperation(operation);
  if (status != PSA_SUCCESS) {
    SecureWipe(output, output_size);
    return status;
  }
  *output_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_cipher_abort(psa_cipher_operation_t* operation) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  return EndOperation(operation);
}

}  // extern "C"
