// The PAKE API of PSA Crypto 1.2 ("Password-authenticated key exchange"):
// setup checks, input collection and the step order in the core; the
// protocol in the driver that psa::dispatch selects for the password key.
//
// Operation states (operation->state):
//   kInactive   all-bits-zero; psa_pake_setup() may start it.
//   kCollecting after psa_pake_setup(): role, user, peer and context are
//               collected (operation->core_inputs); no driver yet.
//   kComputing  the driver was set up, at the first psa_pake_output() or
//               psa_pake_input(), as the driver interface asks; the
//               set_*() functions are over.
//   kError      a call of the active operation failed: its driver was
//               aborted and its inputs freed; every call but abort gets
//               PSA_ERROR_BAD_STATE.
// A failed psa_pake_setup() leaves the object as it was.
//
// Step order. J-PAKE: outputs and inputs are each the sequence KEY_SHARE,
// ZK_PUBLIC, ZK_PROOF for x1, x2 (round one) then x2*s (round two); within
// a round, all the outputs come before all the inputs or the other way
// round, and a round-two step needs the other direction's round one.
// SPAKE2+: prover: output KEY_SHARE, input KEY_SHARE, input CONFIRM,
// output CONFIRM; verifier: input KEY_SHARE, output KEY_SHARE, output
// CONFIRM, input CONFIRM; with PSA_PAKE_UNCONFIRMED_KEY the key is taken
// after the shares and the confirmation steps are refused.

#include <new>

#include "psa/core/dispatch.h"
#include "psa/core/keys/key_store.h"
#include "psa/core/library_state.h"
#include "psa/core/pake_inputs.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

using keys::KeyHandle;
using Inputs = psa_crypto_driver_pake_inputs_s;

enum State : uint8_t { kInactive = 0, kCollecting = 1, kComputing = 2, kError = 3 };

constexpr uint8_t kJpakeRoundSteps = 6;  // Round one, each direction.
constexpr uint8_t kJpakeSteps = 9;       // Both rounds, each direction.
constexpr uint8_t kSpake2pSteps = 4;     // Both directions.
constexpr uint8_t kSpake2pShareSteps = 2;

Inputs* InputsOf(psa_pake_operation_t* operation) { return static_cast<Inputs*>(operation->core_inputs); }

bool IsActive(const psa_pake_operation_t* operation) {
  return operation->state == kCollecting || operation->state == kComputing;
}

// Ends the operation in any state: the driver is aborted, the inputs freed
// (their copies wiped), the object wiped; `error` leaves it in kError.
psa_status_t End(psa_pake_operation_t* operation, bool error) {
  psa_status_t status = PSA_SUCCESS;
  if (operation->driver_id != 0) status = psa::dispatch::PakeAbort(operation);
  delete InputsOf(operation);
  SecureWipeObject(*operation);
  if (error) operation->state = kError;
  return status;
}

psa_status_t Fail(psa_pake_operation_t* operation, psa_status_t status) {
  End(operation, /*error=*/true);
  return status;
}

bool IsValidHash(psa_algorithm_t alg) {
  const psa_algorithm_t hash = PSA_ALG_GET_HASH(alg);
  return PSA_ALG_IS_HASH(hash) && hash != PSA_ALG_ANY_HASH;
}

// The cipher suite on its own (psa_pake_setup's INVALID_ARGUMENT and
// NOT_SUPPORTED cases that do not depend on the key).
psa_status_t CheckCipherSuite(const psa_pake_cipher_suite_t& suite) {
  const psa_algorithm_t alg = suite.alg;
  const psa_pake_primitive_type_t type = PSA_PAKE_PRIMITIVE_GET_TYPE(suite.primitive);
  if (!PSA_ALG_IS_PAKE(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  if (suite.key_confirmation != PSA_PAKE_CONFIRMED_KEY && suite.key_confirmation != PSA_PAKE_UNCONFIRMED_KEY) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (PSA_ALG_IS_JPAKE(alg)) {
    if (!IsValidHash(alg)) return PSA_ERROR_INVALID_ARGUMENT;
    if (type != PSA_PAKE_PRIMITIVE_TYPE_ECC && type != PSA_PAKE_PRIMITIVE_TYPE_DH) return PSA_ERROR_INVALID_ARGUMENT;
    // J-PAKE has no key confirmation.
    if (suite.key_confirmation != PSA_PAKE_UNCONFIRMED_KEY) return PSA_ERROR_INVALID_ARGUMENT;
    return PSA_SUCCESS;
  }
  if (PSA_ALG_IS_SPAKE2P(alg)) {
    if (!IsValidHash(alg)) return PSA_ERROR_INVALID_ARGUMENT;
    if (type != PSA_PAKE_PRIMITIVE_TYPE_ECC) return PSA_ERROR_INVALID_ARGUMENT;
    if (alg == PSA_ALG_SPAKE2P_MATTER &&
        suite.primitive != PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256)) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    return PSA_SUCCESS;
  }
  return PSA_ERROR_NOT_SUPPORTED;
}

// The password key against the suite ("Compatible key types").
psa_status_t CheckPasswordKey(const psa_key_attributes_t& key, const psa_pake_cipher_suite_t& suite) {
  const psa_key_type_t type = psa_get_key_type(&key);
  if (PSA_ALG_IS_JPAKE(suite.alg)) {
    return type == PSA_KEY_TYPE_PASSWORD || type == PSA_KEY_TYPE_PASSWORD_HASH ? PSA_SUCCESS
                                                                              : PSA_ERROR_INVALID_ARGUMENT;
  }
  // SPAKE2+: a key of the suite's curve.
  if (!PSA_KEY_TYPE_IS_SPAKE2P(type) ||
      PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(type) != PSA_PAKE_PRIMITIVE_GET_FAMILY(suite.primitive) ||
      psa_get_key_bits(&key) != PSA_PAKE_PRIMITIVE_GET_BITS(suite.primitive)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

psa_pake_step_t JpakePart(uint8_t position) {
  static constexpr psa_pake_step_t kParts[] = {PSA_PAKE_STEP_KEY_SHARE, PSA_PAKE_STEP_ZK_PUBLIC,
                                               PSA_PAKE_STEP_ZK_PROOF};
  return kParts[position % 3];
}

// The driver step of the next J-PAKE output or input `step`, or
// PSA_ERROR_BAD_STATE out of order (see the file comment).
psa_status_t NextJpakeStep(const psa_pake_operation_t& operation, bool is_output, psa_pake_step_t step,
                           psa_crypto_driver_pake_step_t* driver_step) {
  if (step != PSA_PAKE_STEP_KEY_SHARE && step != PSA_PAKE_STEP_ZK_PUBLIC && step != PSA_PAKE_STEP_ZK_PROOF) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const uint8_t mine = is_output ? operation.outputs : operation.inputs;
  const uint8_t other = is_output ? operation.inputs : operation.outputs;
  if (mine >= kJpakeSteps || step != JpakePart(mine)) return PSA_ERROR_BAD_STATE;
  if (mine < kJpakeRoundSteps) {
    // The other direction has not started round one, or has finished it.
    if (other != 0 && other < kJpakeRoundSteps) return PSA_ERROR_BAD_STATE;
  } else if (other != kJpakeRoundSteps && other != kJpakeSteps) {
    return PSA_ERROR_BAD_STATE;
  }
  *driver_step = static_cast<psa_crypto_driver_pake_step_t>(
      is_output || mine < kJpakeRoundSteps ? PSA_JPAKE_X1_STEP_KEY_SHARE + mine
                                           : PSA_JPAKE_X4S_STEP_KEY_SHARE + (mine - kJpakeRoundSteps));
  return PSA_SUCCESS;
}

// The same for SPAKE2+.
psa_status_t NextSpake2pStep(const psa_pake_operation_t& operation, bool is_output, psa_pake_step_t step,
                             psa_crypto_driver_pake_step_t* driver_step) {
  if (step != PSA_PAKE_STEP_KEY_SHARE && step != PSA_PAKE_STEP_CONFIRM) return PSA_ERROR_INVALID_ARGUMENT;
  struct Entry {
    bool is_output;
    psa_pake_step_t step;
    psa_crypto_driver_pake_step_t driver_step;
  };
  static constexpr Entry kProver[kSpake2pSteps] = {
      {true, PSA_PAKE_STEP_KEY_SHARE, PSA_SPAKE2P_STEP_SHARE_P},
      {false, PSA_PAKE_STEP_KEY_SHARE, PSA_SPAKE2P_STEP_SHARE_V},
      {false, PSA_PAKE_STEP_CONFIRM, PSA_SPAKE2P_STEP_CONFIRM_V},
      {true, PSA_PAKE_STEP_CONFIRM, PSA_SPAKE2P_STEP_CONFIRM_P}};
  static constexpr Entry kVerifier[kSpake2pSteps] = {
      {false, PSA_PAKE_STEP_KEY_SHARE, PSA_SPAKE2P_STEP_SHARE_P},
      {true, PSA_PAKE_STEP_KEY_SHARE, PSA_SPAKE2P_STEP_SHARE_V},
      {true, PSA_PAKE_STEP_CONFIRM, PSA_SPAKE2P_STEP_CONFIRM_V},
      {false, PSA_PAKE_STEP_CONFIRM, PSA_SPAKE2P_STEP_CONFIRM_P}};
  const size_t index = static_cast<size_t>(operation.outputs) + operation.inputs;
  const size_t limit =
      operation.key_confirmation == PSA_PAKE_UNCONFIRMED_KEY ? kSpake2pShareSteps : kSpake2pSteps;
  if (index >= limit) return PSA_ERROR_BAD_STATE;
  const Entry& entry = (operation.role == PSA_PAKE_ROLE_CLIENT ? kProver : kVerifier)[index];
  if (entry.is_output != is_output || entry.step != step) return PSA_ERROR_BAD_STATE;
  *driver_step = entry.driver_step;
  return PSA_SUCCESS;
}

// Sets up the driver with the collected inputs, once (the first step).
psa_status_t StartDriver(psa_pake_operation_t* operation) {
  if (operation->state == kComputing) return PSA_SUCCESS;
  Inputs* inputs = InputsOf(operation);
  if (PSA_ALG_IS_JPAKE(operation->alg) && (!inputs->user.set || !inputs->peer.set)) return PSA_ERROR_BAD_STATE;
  if (PSA_ALG_IS_SPAKE2P(operation->alg) && operation->role == PSA_PAKE_ROLE_NONE) return PSA_ERROR_BAD_STATE;
  KeyHandle handle;
  psa_status_t status = keys::AcquireKey(operation->key_id, PSA_KEY_USAGE_DERIVE, operation->alg, &handle);
  if (status != PSA_SUCCESS) return status;
  if (!keys::OperationKeyExists(operation->key_id, &operation->key_destroy_count)) return PSA_ERROR_INVALID_HANDLE;
  psa_key_attributes_t attributes = handle.attributes();
  inputs->attributes = attributes;
  inputs->role = operation->role;
  inputs->key_buffer = handle.key_buffer();
  inputs->key_buffer_size = handle.key_buffer_size();
  status = psa::dispatch::PakeSetup(&attributes, operation->alg, operation, inputs);
  inputs->key_buffer = nullptr;
  inputs->key_buffer_size = 0;
  if (status == PSA_SUCCESS && operation->driver_id == 0) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status == PSA_SUCCESS) operation->state = kComputing;
  return status;
}

// The common checks of the set_*() functions.
psa_status_t CheckCollecting(const psa_pake_operation_t* operation) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  return operation->state == kCollecting ? PSA_SUCCESS : PSA_ERROR_BAD_STATE;
}

// psa_pake_set_user / _set_peer / _set_context: one copy each.
psa_status_t SetInput(psa_pake_operation_t* operation, PsaPakeOptionalInput Inputs::*member, const uint8_t* data,
                      size_t length) {
  psa_status_t status = CheckCollecting(operation);
  if (status != PSA_SUCCESS) return IsActive(operation) ? Fail(operation, status) : status;
  PsaPakeOptionalInput& input = InputsOf(operation)->*member;
  if (input.set) return Fail(operation, PSA_ERROR_BAD_STATE);
  if (data == nullptr && length != 0) return Fail(operation, PSA_ERROR_INVALID_ARGUMENT);
  if (!input.value.Assign(data, length)) return Fail(operation, PSA_ERROR_INSUFFICIENT_MEMORY);
  input.set = true;
  return PSA_SUCCESS;
}

bool IsComplete(const psa_pake_operation_t& operation) {
  if (operation.state != kComputing) return false;
  if (PSA_ALG_IS_JPAKE(operation.alg)) return operation.outputs == kJpakeSteps && operation.inputs == kJpakeSteps;
  const size_t done = static_cast<size_t>(operation.outputs) + operation.inputs;
  return done == (operation.key_confirmation == PSA_PAKE_UNCONFIRMED_KEY ? kSpake2pShareSteps : kSpake2pSteps);
}

// Key types a shared secret may become: DERIVE and HMAC always; block
// ciphers when the secret is pseudorandom (SPAKE2+, not J-PAKE's point).
bool SharedKeyTypeAllowed(psa_key_type_t type, psa_algorithm_t alg) {
  if (type == PSA_KEY_TYPE_DERIVE || type == PSA_KEY_TYPE_HMAC) return true;
  return PSA_ALG_IS_SPAKE2P(alg) && (type == PSA_KEY_TYPE_AES || type == PSA_KEY_TYPE_ARIA ||
                                     type == PSA_KEY_TYPE_CAMELLIA || type == PSA_KEY_TYPE_SM4);
}

}  // namespace
}  // namespace psa::core

using psa::core::End;
using psa::core::Fail;
using psa::core::IsActive;
using psa::core::LibraryInitialized;
using psa::core::SecureWipe;

extern "C" {

psa_status_t psa_pake_setup(psa_pake_operation_t* operation, psa_key_id_t password_key,
                            const psa_pake_cipher_suite_t* cipher_suite) {
  if (!LibraryInitialized() || operation->state != psa::core::kInactive) return PSA_ERROR_BAD_STATE;
  if (cipher_suite == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  const psa_pake_cipher_suite_t suite = *cipher_suite;
  psa_status_t status = psa::core::CheckCipherSuite(suite);
  if (status != PSA_SUCCESS) return status;
  // Read before the key is looked up: a destroy from now on ends the operation.
  const uint64_t destroy_count = psa::core::keys::GlobalKeyStore().DestroyCount();
  psa::core::keys::KeyHandle handle;
  status = psa::core::keys::AcquireKey(password_key, PSA_KEY_USAGE_DERIVE, suite.alg, &handle);
  if (status != PSA_SUCCESS) return status;
  status = psa::core::CheckPasswordKey(handle.attributes(), suite);
  if (status != PSA_SUCCESS) return status;
  auto* inputs = new (std::nothrow) psa::core::Inputs;
  if (inputs == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  inputs->cipher_suite = suite;
  psa_pake_operation_t fresh = PSA_PAKE_OPERATION_INIT;
  *operation = fresh;
  operation->alg = suite.alg;
  operation->primitive = suite.primitive;
  operation->key_confirmation = suite.key_confirmation;
  operation->key_id = password_key;
  operation->key_destroy_count = destroy_count;
  operation->core_inputs = inputs;
  operation->state = psa::core::kCollecting;
  return PSA_SUCCESS;
}

psa_status_t psa_pake_set_role(psa_pake_operation_t* operation, psa_pake_role_t role) {
  psa_status_t status = psa::core::CheckCollecting(operation);
  if (status != PSA_SUCCESS) return IsActive(operation) ? Fail(operation, status) : status;
  // A role already set, even PSA_PAKE_ROLE_NONE, may not be set again.
  if (psa::core::InputsOf(operation)->role_set) return Fail(operation, PSA_ERROR_BAD_STATE);
  if (PSA_ALG_IS_JPAKE(operation->alg)) {
    // J-PAKE assigns no roles.
    if (role != PSA_PAKE_ROLE_NONE) return Fail(operation, PSA_ERROR_INVALID_ARGUMENT);
    psa::core::InputsOf(operation)->role_set = true;
    return PSA_SUCCESS;
  }
  if (role != PSA_PAKE_ROLE_CLIENT && role != PSA_PAKE_ROLE_SERVER) return Fail(operation, PSA_ERROR_INVALID_ARGUMENT);
  // The prover (client) needs w1: a SPAKE2+ public key only verifies.
  psa::core::keys::KeyHandle handle;
  status = psa::core::keys::AcquireKey(operation->key_id, PSA_KEY_USAGE_DERIVE, operation->alg, &handle);
  if (status != PSA_SUCCESS) return Fail(operation, status);
  if (role == PSA_PAKE_ROLE_CLIENT && PSA_KEY_TYPE_IS_SPAKE2P_PUBLIC_KEY(psa_get_key_type(&handle.attributes()))) {
    return Fail(operation, PSA_ERROR_INVALID_ARGUMENT);
  }
  operation->role = role;
  psa::core::InputsOf(operation)->role_set = true;
  return PSA_SUCCESS;
}

psa_status_t psa_pake_set_user(psa_pake_operation_t* operation, const uint8_t* user_id, size_t user_id_len) {
  return psa::core::SetInput(operation, &psa::core::Inputs::user, user_id, user_id_len);
}

psa_status_t psa_pake_set_peer(psa_pake_operation_t* operation, const uint8_t* peer_id, size_t peer_id_len) {
  return psa::core::SetInput(operation, &psa::core::Inputs::peer, peer_id, peer_id_len);
}

psa_status_t psa_pake_set_context(psa_pake_operation_t* operation, const uint8_t* context, size_t context_len) {
  // J-PAKE has no context.
  if (LibraryInitialized() && IsActive(operation) && PSA_ALG_IS_JPAKE(operation->alg)) {
    return Fail(operation, PSA_ERROR_BAD_STATE);
  }
  return psa::core::SetInput(operation, &psa::core::Inputs::context, context, context_len);
}

psa_status_t psa_pake_output(psa_pake_operation_t* operation, psa_pake_step_t step, uint8_t* output,
                             size_t output_size, size_t* output_length) {
  *output_length = 0;
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  psa_crypto_driver_pake_step_t driver_step = PSA_JPAKE_STEP_INVALID;
  psa_status_t status = PSA_ALG_IS_JPAKE(operation->alg)
                            ? psa::core::NextJpakeStep(*operation, /*is_output=*/true, step, &driver_step)
                            : psa::core::NextSpake2pStep(*operation, /*is_output=*/true, step, &driver_step);
  if (status == PSA_SUCCESS && output_size < PSA_PAKE_OUTPUT_SIZE(operation->alg, operation->primitive, step)) {
    status = PSA_ERROR_BUFFER_TOO_SMALL;
  }
  if (status == PSA_SUCCESS) status = psa::core::StartDriver(operation);
  if (status == PSA_SUCCESS) status = psa::core::keys::CheckOperationKey(operation);
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::PakeOutput(operation, driver_step, output, output_size, &written);
    if (status == PSA_SUCCESS && written > output_size) status = PSA_ERROR_CORRUPTION_DETECTED;
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(output, output_size);
    return Fail(operation, status);
  }
  ++operation->outputs;
  *output_length = written;
  return PSA_SUCCESS;
}

psa_status_t psa_pake_input(psa_pake_operation_t* operation, psa_pake_step_t step, const uint8_t* input,
                            size_t input_length) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  psa_crypto_driver_pake_step_t driver_step = PSA_JPAKE_STEP_INVALID;
  psa_status_t status = PSA_ALG_IS_JPAKE(operation->alg)
                            ? psa::core::NextJpakeStep(*operation, /*is_output=*/false, step, &driver_step)
                            : psa::core::NextSpake2pStep(*operation, /*is_output=*/false, step, &driver_step);
  // Drivers may rely on the input fitting PSA_PAKE_INPUT_SIZE.
  if (status == PSA_SUCCESS && input_length > PSA_PAKE_INPUT_SIZE(operation->alg, operation->primitive, step)) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  }
  if (status == PSA_SUCCESS) status = psa::core::StartDriver(operation);
  if (status == PSA_SUCCESS) status = psa::core::keys::CheckOperationKey(operation);
  if (status == PSA_SUCCESS) status = psa::dispatch::PakeInput(operation, driver_step, input, input_length);
  if (status != PSA_SUCCESS) return Fail(operation, status);
  ++operation->inputs;
  return PSA_SUCCESS;
}

psa_status_t psa_pake_get_shared_key(psa_pake_operation_t* operation, const psa_key_attributes_t* attributes,
                                     psa_key_id_t* key) {
  *key = PSA_KEY_ID_NULL;
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  if (!psa::core::IsComplete(*operation)) return Fail(operation, PSA_ERROR_BAD_STATE);
  if (attributes == nullptr ||
      !psa::core::SharedKeyTypeAllowed(psa_get_key_type(attributes), operation->alg)) {
    return Fail(operation, PSA_ERROR_INVALID_ARGUMENT);
  }
  psa_status_t status = psa::core::keys::CheckOperationKey(operation);
  if (status != PSA_SUCCESS) return Fail(operation, status);
  // The largest secret: J-PAKE's uncompressed point.
  uint8_t secret[PSA_EXPORT_PUBLIC_KEY_MAX_SIZE];
  size_t length = 0;
  // Ends the driver's operation whatever the outcome.
  status = psa::dispatch::PakeGetImplicitKey(operation, secret, sizeof(secret), &length);
  if (status == PSA_SUCCESS && (length == 0 || length > sizeof(secret))) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status == PSA_SUCCESS && psa_get_key_bits(attributes) != 0 && psa_get_key_bits(attributes) != 8 * length) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  }
  // psa_import_key's creation path: policy, lifetime, location, storage.
  if (status == PSA_SUCCESS) status = psa_import_key(attributes, secret, length, key);
  SecureWipe(secret, sizeof(secret));
  End(operation, /*error=*/status != PSA_SUCCESS);
  return status;
}

psa_status_t psa_pake_abort(psa_pake_operation_t* operation) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  return End(operation, /*error=*/false);
}

}  // extern "C"
