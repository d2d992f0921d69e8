// The hash API of PSA Crypto 1.2 ("Message digests"): argument and state
// checks in the core, computation by the driver that psa::dispatch selects.
//
// Operation states: an operation object is inactive when driver_id is 0 and
// active otherwise. Any failure of update/finish/verify/suspend ends the
// operation (dispatched abort, then the object is wiped back to all-bits-zero),
// which is how this implementation realizes the specification's error state:
// later calls other than abort and setup get PSA_ERROR_BAD_STATE.

#include <string.h>

#include "psa/core/constant_time.h"
#include "psa/core/dispatch.h"
#include "psa/core/library_state.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

bool IsActive(const psa_hash_operation_t* operation) {
  return operation->driver_id != 0;
}

// PSA_SUCCESS and the digest length if `alg` is a hash this build knows the
// size of; PSA_ERROR_INVALID_ARGUMENT if it is not a hash algorithm at all;
// PSA_ERROR_NOT_SUPPORTED otherwise (e.g. the PSA_ALG_ANY_HASH wildcard).
psa_status_t CheckHashAlgorithm(psa_algorithm_t alg, size_t* hash_length) {
  *hash_length = 0;
  if (!PSA_ALG_IS_HASH(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t length = PSA_HASH_LENGTH(alg);
  if (length == 0 || length > PSA_HASH_MAX_SIZE) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  *hash_length = length;
  return PSA_SUCCESS;
}

// Ends an operation in any state: dispatched abort (a no-op on an inactive
// operation), then wipes the object, which leaves it inactive and reusable.
psa_status_t EndOperation(psa_hash_operation_t* operation) {
  const psa_status_t status = psa::dispatch::HashAbort(operation);
  SecureWipeObject(*operation);
  return status;
}

// Finishes an active operation into hash[0..hash_size) and ends it, whatever
// the outcome. The size is checked here, before the driver is involved. On
// failure `hash` is wiped and *hash_length is 0.
psa_status_t FinishAndEnd(psa_hash_operation_t* operation, uint8_t* hash,
                          size_t hash_size, size_t* hash_length) {
  *hash_length = 0;
  size_t expected_length = 0;
  psa_status_t status = CheckHashAlgorithm(operation->alg, &expected_length);
  // Setup accepted this algorithm: a change means a corrupted object.
  if (status != PSA_SUCCESS) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status == PSA_SUCCESS && hash_size < expected_length) {
    status = PSA_ERROR_BUFFER_TOO_SMALL;
  }
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::HashFinish(operation, hash, hash_size, &written);
    if (status == PSA_SUCCESS && written != expected_length) {
      status = PSA_ERROR_CORRUPTION_DETECTED;
    }
  }
  const psa_status_t end_status = EndOperation(operation);
  if (status == PSA_SUCCESS) status = end_status;
  if (status != PSA_SUCCESS) {
    SecureWipe(hash, hash_size);
    return status;
  }
  *hash_length = written;
  return PSA_SUCCESS;
}

}  // namespace
}  // namespace psa::core

using psa::core::CheckHashAlgorithm;
using psa::core::EndOperation;
using psa::core::FinishAndEnd;
using psa::core::IsActive;
using psa::core::LibraryInitialized;
using psa::core::SecureWipe;

extern "C" {

psa_status_t psa_hash_compute(psa_algorithm_t alg, const uint8_t* input,
                              size_t input_length, uint8_t* hash,
                              size_t hash_size, size_t* hash_length) {
  *hash_length = 0;
  size_t expected_length = 0;
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (LibraryInitialized()) status = CheckHashAlgorithm(alg, &expected_length);
  if (status == PSA_SUCCESS && hash_size < expected_length) {
    status = PSA_ERROR_BUFFER_TOO_SMALL;
  }
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::HashCompute(alg, input, input_length, hash,
                                        hash_size, &written);
    if (status == PSA_SUCCESS && written != expected_length) {
      status = PSA_ERROR_CORRUPTION_DETECTED;
    }
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(hash, hash_size);
    return status;
  }
  *hash_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_hash_compare(psa_algorithm_t alg, const uint8_t* input,
                              size_t input_length, const uint8_t* hash,
                              size_t hash_length) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  size_t expected_length = 0;
  psa_status_t status = CheckHashAlgorithm(alg, &expected_length);
  if (status != PSA_SUCCESS) return status;
  uint8_t actual[PSA_HASH_MAX_SIZE];
  size_t actual_length = 0;
  status = psa::dispatch::HashCompute(alg, input, input_length, actual,
                                      sizeof(actual), &actual_length);
  if (status == PSA_SUCCESS && actual_length != expected_length) {
    status = PSA_ERROR_CORRUPTION_DETECTED;
  }
  if (status == PSA_SUCCESS &&
      !psa::core::ConstantTimeEqualWithLengths(actual, actual_length, hash,
                                               hash_length)) {
    status = PSA_ERROR_INVALID_SIGNATURE;
  }
  SecureWipe(actual, sizeof(actual));
  return status;
}

psa_status_t psa_hash_setup(psa_hash_operation_t* operation,
                            psa_algorithm_t alg) {
  if (!LibraryInitialized() || IsActive(operation)) {
    return PSA_ERROR_BAD_STATE;
  }
  size_t hash_length = 0;
  psa_status_t status = CheckHashAlgorithm(alg, &hash_length);
  if (status != PSA_SUCCESS) return status;

  // The driver interface hands drivers an all-bits-zero context.
  psa::core::SecureWipeObject(*operation);
  operation->alg = alg;
  status = psa::dispatch::HashSetup(operation, alg);
  if (status == PSA_SUCCESS && !IsActive(operation)) {
    // The dispatch must record the serving driver; without it the object
    // would look inactive while a driver holds state in it.
    EndOperation(operation);
    return PSA_ERROR_CORRUPTION_DETECTED;
  }
  if (status != PSA_SUCCESS) {
    psa::core::SecureWipeObject(*operation);
    return status;
  }
  return PSA_SUCCESS;
}

psa_status_t psa_hash_update(psa_hash_operation_t* operation,
                             const uint8_t* input, size_t input_length) {
  if (!LibraryInitialized() || !IsActive(operation)) {
    return PSA_ERROR_BAD_STATE;
  }
  // Nothing to absorb; `input` may not even be a valid pointer.
  if (input_length == 0) return PSA_SUCCESS;
  const psa_status_t status =
      psa::dispatch::HashUpdate(operation, input, input_length);
  if (status != PSA_SUCCESS) EndOperation(operation);
  return status;
}

psa_status_t psa_hash_finish(psa_hash_operation_t* operation, uint8_t* hash,
                             size_t hash_size, size_t* hash_length) {
  if (!LibraryInitialized() || !IsActive(operation)) {
    *hash_length = 0;
    SecureWipe(hash, hash_size);
    return PSA_ERROR_BAD_STATE;
  }
  return FinishAndEnd(operation, hash, hash_size, hash_length);
}

psa_status_t psa_hash_verify(psa_hash_operation_t* operation,
                             const uint8_t* hash, size_t hash_length) {
  if (!LibraryInitialized() || !IsActive(operation)) {
    return PSA_ERROR_BAD_STATE;
  }
  uint8_t actual[PSA_HASH_MAX_SIZE];
  size_t actual_length = 0;
  psa_status_t status =
      FinishAndEnd(operation, actual, sizeof(actual), &actual_length);
  if (status == PSA_SUCCESS &&
      !psa::core::ConstantTimeEqualWithLengths(actual, actual_length, hash,
                                               hash_length)) {
    status = PSA_ERROR_INVALID_SIGNATURE;
  }
  SecureWipe(actual, sizeof(actual));
  return status;
}

psa_status_t psa_hash_abort(psa_hash_operation_t* operation) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  return EndOperation(operation);
}

psa_status_t psa_hash_suspend(psa_hash_operation_t* operation,
                              uint8_t* hash_state, size_t hash_state_size,
                              size_t* hash_state_length) {
  *hash_state_length = 0;
  SecureWipe(hash_state, hash_state_size);
  if (!LibraryInitialized() || !IsActive(operation)) {
    return PSA_ERROR_BAD_STATE;
  }
  // The driver interface has no entry point to export a hash state, so no
  // algorithm can be suspended. The failure puts the operation in the error
  // state, like any other failure of an active operation.
  EndOperation(operation);
  return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_hash_resume(psa_hash_operation_t* operation,
                             const uint8_t* hash_state,
                             size_t hash_state_length) {
  if (!LibraryInitialized() || IsActive(operation)) {
    return PSA_ERROR_BAD_STATE;
  }
  // The state starts with the algorithm, a big-endian 32-bit integer.
  if (hash_state_length < PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const psa_algorithm_t alg = (psa_algorithm_t{hash_state[0]} << 24) |
                              (psa_algorithm_t{hash_state[1]} << 16) |
                              (psa_algorithm_t{hash_state[2]} << 8) |
                              psa_algorithm_t{hash_state[3]};
  if (!PSA_ALG_IS_HASH(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  // No driver can import a hash state (see psa_hash_suspend).
  return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_hash_clone(const psa_hash_operation_t* source_operation,
                            psa_hash_operation_t* target_operation) {
  if (!LibraryInitialized() || !IsActive(source_operation) ||
      IsActive(target_operation)) {
    return PSA_ERROR_BAD_STATE;
  }
  // Driver hash contexts are byte-copyable (driver interface,
  // "hash_multipart"), so the copy is an independent operation.
  memcpy(target_operation, source_operation, sizeof(*target_operation));
  return PSA_SUCCESS;
}

}  // extern "C"
