// The MAC API of PSA Crypto 1.2 ("Message authentication codes"): argument,
// key and state checks in the core, computation by the driver that
// psa::dispatch selects for the key.
//
// Operation states (as for hashes, see hash.cc): inactive when driver_id is
// 0, active otherwise. A failure of an active operation ends it (dispatched
// abort, object wiped), which realizes the specification's error state:
// later calls other than abort and setup get PSA_ERROR_BAD_STATE. A failed
// setup leaves the object as it was.

#include <string.h>

#include "psa/core/dispatch.h"
#include "psa/core/keys/key_store.h"
#include "psa/core/library_state.h"
#include "psa/core/policy/operation_keys.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

using keys::KeyHandle;

// Acquires `key` for `usage` with the MAC `alg` and checks that it suits the
// algorithm; *mac_length is the length of the MAC.
psa_status_t AcquireMacKey(psa_key_id_t key, psa_key_usage_t usage, psa_algorithm_t alg, KeyHandle* handle,
                           size_t* mac_length) {
  *mac_length = 0;
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  if (!PSA_ALG_IS_MAC(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  psa_status_t status = keys::AcquireKey(key, usage, alg, handle);
  if (status != PSA_SUCCESS) return status;
  const psa_key_attributes_t& attributes = handle->attributes();
  return policy::CheckMacKey(psa_get_key_type(&attributes), psa_get_key_bits(&attributes), alg, mac_length);
}

bool IsActive(const psa_mac_operation_t* operation) { return operation->driver_id != 0; }

// Ends an operation in any state (see the file comment).
psa_status_t EndOperation(psa_mac_operation_t* operation) {
  const psa_status_t status = psa::dispatch::MacAbort(operation);
  SecureWipeObject(*operation);
  return status;
}

psa_status_t Setup(psa_mac_operation_t* operation, psa_key_id_t key, psa_algorithm_t alg, bool is_sign) {
  if (!LibraryInitialized() || IsActive(operation)) return PSA_ERROR_BAD_STATE;
  // Read before the key is looked up: a destroy from now on ends the operation.
  const uint64_t destroy_count = keys::GlobalKeyStore().DestroyCount();
  KeyHandle handle;
  size_t mac_length = 0;
  psa_status_t status = AcquireMacKey(
      key, is_sign ? PSA_KEY_USAGE_SIGN_MESSAGE : PSA_KEY_USAGE_VERIFY_MESSAGE, alg, &handle, &mac_length);
  if (status != PSA_SUCCESS) return status;
  // The driver interface hands drivers an all-bits-zero context.
  psa_mac_operation_t fresh = PSA_MAC_OPERATION_INIT;
  *operation = fresh;
  operation->alg = alg;
  operation->key_id = key;
  operation->key_destroy_count = destroy_count;
  operation->is_sign = is_sign ? 1 : 0;
  operation->mac_length = static_cast<uint8_t>(mac_length);
  const psa_key_attributes_t& attributes = handle.attributes();
  status = is_sign ? psa::dispatch::MacSignSetup(operation, &attributes, handle.key_buffer(),
                                                 handle.key_buffer_size(), alg)
                   : psa::dispatch::MacVerifySetup(operation, &attributes, handle.key_buffer(),
                                                   handle.key_buffer_size(), alg);
  if (status == PSA_SUCCESS && !IsActive(operation)) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status != PSA_SUCCESS) EndOperation(operation);
  return status;
}

}  // namespace
}  // namespace psa::core

using psa::core::AcquireMacKey;
using psa::core::EndOperation;
using psa::core::IsActive;
using psa::core::LibraryInitialized;
using psa::core::SecureWipe;
using psa::core::keys::CheckOperationKey;
using psa::core::keys::KeyHandle;

extern "C" {

psa_status_t psa_mac_compute(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                             uint8_t* mac, size_t mac_size, size_t* mac_length) {
  *mac_length = 0;
  KeyHandle handle;
  size_t expected_length = 0;
  psa_status_t status = AcquireMacKey(key, PSA_KEY_USAGE_SIGN_MESSAGE, alg, &handle, &expected_length);
  if (status == PSA_SUCCESS && mac_size < expected_length) status = PSA_ERROR_BUFFER_TOO_SMALL;
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    const psa_key_attributes_t& attributes = handle.attributes();
    status = psa::dispatch::MacCompute(&attributes, handle.key_buffer(), handle.key_buffer_size(), alg, input,
                                       input_length, mac, mac_size, &written);
    if (status == PSA_SUCCESS && written != expected_length) status = PSA_ERROR_CORRUPTION_DETECTED;
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(mac, mac_size);
    return status;
  }
  *mac_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_mac_verify(psa_key_id_t key, psa_algorithm_t alg, const uint8_t* input, size_t input_length,
                            const uint8_t* mac, size_t mac_length) {
  KeyHandle handle;
  size_t expected_length = 0;
  psa_status_t status = AcquireMacKey(key, PSA_KEY_USAGE_VERIFY_MESSAGE, alg, &handle, &expected_length);
  if (status != PSA_SUCCESS) return status;
  const psa_key_attributes_t& attributes = handle.attributes();
  if (mac_length != expected_length) {
    // The length of a MAC is public: a MAC of another length is not valid,
    // if the build can compute this MAC at all. The MAC is computed anyway
    // to tell (the status a multi-part verification would give, e.g.
    // NOT_SUPPORTED), and wiped.
    uint8_t computed[PSA_MAC_MAX_SIZE];
    size_t computed_length = 0;
    status = psa::dispatch::MacCompute(&attributes, handle.key_buffer(), handle.key_buffer_size(), alg, input,
                                       input_length, computed, sizeof(computed), &computed_length);
    SecureWipe(computed, sizeof(computed));
    return status == PSA_SUCCESS ? PSA_ERROR_INVALID_SIGNATURE : status;
  }
  return psa::dispatch::MacVerify(&attributes, handle.key_buffer(), handle.key_buffer_size(), alg, input,
                                  input_length, mac, mac_length);
}

psa_status_t psa_mac_sign_setup(psa_mac_operation_t* operation, psa_key_id_t key, psa_algorithm_t alg) {
  return psa::core::Setup(operation, key, alg, /*is_sign=*/true);
}

psa_status_t psa_mac_verify_setup(psa_mac_operation_t* operation, psa_key_id_t key, psa_algorithm_t alg) {
  return psa::core::Setup(operation, key, alg, /*is_sign=*/false);
}

psa_status_t psa_mac_update(psa_mac_operation_t* operation, const uint8_t* input, size_t input_length) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  psa_status_t status = CheckOperationKey(operation);
  if (status == PSA_SUCCESS && input_length != 0) status = psa::dispatch::MacUpdate(operation, input, input_length);
  if (status != PSA_SUCCESS) EndOperation(operation);
  return status;
}

psa_status_t psa_mac_sign_finish(psa_mac_operation_t* operation, uint8_t* mac, size_t mac_size,
                                 size_t* mac_length) {
  *mac_length = 0;
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (LibraryInitialized() && IsActive(operation) && operation->is_sign) status = CheckOperationKey(operation);
  const size_t expected_length = operation->mac_length;
  if (status == PSA_SUCCESS && mac_size < expected_length) status = PSA_ERROR_BUFFER_TOO_SMALL;
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::MacSignFinish(operation, mac, mac_size, &written);
    if (status == PSA_SUCCESS && written != expected_length) status = PSA_ERROR_CORRUPTION_DETECTED;
  }
  // Finished or failed, the operation is over (an inactive one stays so).
  if (LibraryInitialized()) EndOperation(operation);
  if (status != PSA_SUCCESS) {
    SecureWipe(mac, mac_size);
    return status;
  }
  *mac_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_mac_verify_finish(psa_mac_operation_t* operation, const uint8_t* mac, size_t mac_length) {
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (LibraryInitialized() && IsActive(operation) && !operation->is_sign) status = CheckOperationKey(operation);
  if (status == PSA_SUCCESS && mac_length != operation->mac_length) status = PSA_ERROR_INVALID_SIGNATURE;
  if (status == PSA_SUCCESS) status = psa::dispatch::MacVerifyFinish(operation, mac, mac_length);
  if (LibraryInitialized()) EndOperation(operation);
  return status;
}

psa_status_t psa_mac_abort(psa_mac_operation_t* operation) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  return EndOperation(operation);
}

}  // extern "C"
