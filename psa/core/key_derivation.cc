// The key derivation API of PSA Crypto 1.2 ("Key derivation"): input
// collection with each algorithm's ordering rules (kdf/algorithm_rules.h),
// usage and capacity checks in the core; the derivation itself by a driver
// or, when none serves it, by the core's own KDFs (kdf/builtin_kdf.h).
//
// Operation states: inactive (state 0), active (1: inputs being collected,
// then output being read), error (2). The core's part lives on the heap
// (operation->core): the collected inputs until the first output, then the
// built-in KDF's stream; it is wiped and freed on abort and as soon as the
// operation fails. Any failure of an active operation enters the error
// state, except PSA_ERROR_INSUFFICIENT_DATA (capacity exceeded: the
// capacity becomes 0) and PSA_ERROR_INVALID_ARGUMENT from set_capacity, as
// the specification says; in the error state every call but abort returns
// PSA_ERROR_BAD_STATE. A failed setup leaves the object as it was.
//
// Driver dispatch ("Key derivation driver dispatch logic"): at the first
// output or verification call the core calls psa::dispatch::
// KeyDerivationSetup with the attributes of the secret input (or password,
// for PBKDF2) and every input at once (none is a long input). A secret in
// an opaque location goes to its driver first; if that driver does not
// serve the algorithm, the core exports the secret and carries on as for a
// transparent one: a transparent driver if one serves the algorithm, else
// the core itself.
//
// Cooked keys (DES, ECC and SPAKE2+ key pairs) are derived with the
// transparent drivers' "derive_key" in the loop of "Transparent cooked key
// derivation"; every derived key is then created as psa_import_key() does.

#include <string.h>

#include <memory>
#include <new>
#include <utility>

#include "psa/core/constant_time.h"
#include "psa/core/dispatch.h"
#include "psa/core/kdf/algorithm_rules.h"
#include "psa/core/kdf/builtin_kdf.h"
#include "psa/core/kdf/inputs.h"
#include "psa/core/kdf/pbkdf2.h"
#include "psa/core/kdf/prf_probe.h"
#include "psa/core/key_agreement.h"
#include "psa/core/keys/key_management.h"
#include "psa/core/keys/key_store.h"
#include "psa/core/library_state.h"
#include "psa/core/policy/algorithms.h"
#include "psa/core/policy/policy.h"
#include "psa/core/policy/symmetric_keys.h"
#include "psa/core/secure_buffer.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

using kdf::Input;
using kdf::KdfRules;
using keys::KeyHandle;

constexpr uint8_t kInactive = 0;
constexpr uint8_t kActive = 1;
constexpr uint8_t kError = 2;

// The core's part of an active operation.
struct KdfState {
  psa_crypto_driver_key_derivation_inputs_t inputs;
  int position = -1;             // index of the last ordered step given
  bool output_permitted = true;  // every key input permits PSA_KEY_USAGE_DERIVE
  bool secret_from_key = false;  // the secret (or password) is a key or a key agreement
  bool started = false;          // the deriving driver (or the core) is chosen
  std::unique_ptr<kdf::OutputStream> builtin;  // the core's KDF, when no driver serves
};

KdfState* StateOf(const psa_key_derivation_operation_t* operation) {
  return static_cast<KdfState*>(operation->core);
}

bool IsActive(const psa_key_derivation_operation_t* operation) {
  return operation->state == kActive && operation->core != nullptr;
}

psa_algorithm_t KdfOf(const psa_key_derivation_operation_t* operation) {
  return PSA_ALG_IS_KEY_AGREEMENT(operation->alg) ? PSA_ALG_KEY_AGREEMENT_GET_KDF(operation->alg)
                                                  : operation->alg;
}

// Aborts the serving driver and frees the core's part (wiped).
psa_status_t Release(psa_key_derivation_operation_t* operation) {
  psa_status_t status = PSA_SUCCESS;
  if (operation->driver_id != 0) status = psa::dispatch::KeyDerivationAbort(operation);
  delete StateOf(operation);
  operation->core = nullptr;
  SecureWipe(&operation->ctx, sizeof(operation->ctx));
  operation->driver_id = 0;
  return status;
}

// The outcome of a call on an active operation: a failure enters the error
// state, except PSA_ERROR_INSUFFICIENT_DATA, which only empties the capacity.
psa_status_t Conclude(psa_key_derivation_operation_t* operation, psa_status_t status) {
  if (status == PSA_SUCCESS) return status;
  if (status == PSA_ERROR_INSUFFICIENT_DATA) {
    operation->capacity = 0;
    return status;
  }
  if (operation->state == kActive) {
    Release(operation);
    operation->capacity = 0;
    operation->state = kError;
  }
  return status;
}

// The primitives (PRFs, hashes) of the core's KDFs found served by a driver
// of this build, so that each setup need not compute to know
// (kdf/prf_probe.h).
kdf::AlgorithmSet served_primitives;

// The checks of an input of `kind` for `step` that need no key: output not
// started, a step of the algorithm taking that kind of input, given in
// order. *index is the step's index in the rules.
psa_status_t CheckStep(const psa_key_derivation_operation_t* operation, psa_key_derivation_step_t step,
                       psa_crypto_driver_key_derivation_input_type_t kind, int* index) {
  const KdfState& state = *StateOf(operation);
  const KdfRules& rules = state.inputs.rules;
  if (operation->output_started) return PSA_ERROR_BAD_STATE;
  *index = rules.IndexOf(step);
  if (*index < 0) return PSA_ERROR_INVALID_ARGUMENT;
  const uint8_t flags = rules.steps[*index].flags;
  const bool integer = kind == PSA_KEY_DERIVATION_INPUT_TYPE_INTEGER;
  if (integer != ((flags & kdf::kIntegerOnly) != 0)) return PSA_ERROR_INVALID_ARGUMENT;
  if (kind == PSA_KEY_DERIVATION_INPUT_TYPE_BYTES && (flags & kdf::kKeyOnly) != 0) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const bool given = state.inputs.inputs[*index].type != PSA_KEY_DERIVATION_INPUT_TYPE_OMITTED;
  if ((flags & kdf::kAnyTime) != 0) return given ? PSA_ERROR_BAD_STATE : PSA_SUCCESS;
  if (*index < state.position) return PSA_ERROR_BAD_STATE;
  if (*index == state.position && (flags & kdf::kRepeatable) == 0) return PSA_ERROR_BAD_STATE;
  // A required step may not be skipped.
  for (int i = state.position + 1; i < *index; ++i) {
    const uint8_t skipped = rules.steps[i].flags;
    if ((skipped & kdf::kRequired) != 0 && (skipped & kdf::kAnyTime) == 0) return PSA_ERROR_BAD_STATE;
  }
  return PSA_SUCCESS;
}

// What an input brings besides its bytes.
struct Origin {
  bool from_key = false;  // a key, or a key agreement's secret
  psa_key_usage_t usage = 0;
  const psa_key_attributes_t* attributes = nullptr;  // the secret step's key only
};

// Records data[0..length) as the input at `index` (CheckStep() passed):
// checks its content, appends it to a repeatable step, updates what the
// output may do. An opaque secret's content is checked when exported.
psa_status_t StoreInput(psa_key_derivation_operation_t* operation, int index, const uint8_t* data, size_t length,
                        const Origin& origin) {
  KdfState& state = *StateOf(operation);
  const KdfRules& rules = state.inputs.rules;
  const psa_key_derivation_step_t step = rules.steps[index].step;
  const bool opaque = origin.attributes != nullptr &&
                      PSA_KEY_LIFETIME_GET_LOCATION(psa_get_key_lifetime(origin.attributes)) !=
                          PSA_KEY_LOCATION_LOCAL_STORAGE;
  if (!opaque) {
    const psa_status_t status = kdf::CheckStepData(rules.alg, step, data, length);
    if (status != PSA_SUCCESS) return status;
  }
  Input& input = state.inputs.inputs[index];
  if (input.type == PSA_KEY_DERIVATION_INPUT_TYPE_OMITTED) {
    if (!input.data.Assign(data, length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  } else {
    // A repeated step (the PBKDF2 salt): the pieces are concatenated.
    if (length > SIZE_MAX - input.data.size()) return PSA_ERROR_INSUFFICIENT_MEMORY;
    SecureBuffer joined;
    if (!joined.Allocate(input.data.size() + length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
    if (!input.data.empty()) memcpy(joined.data(), input.data.data(), input.data.size());
    if (length != 0) memcpy(joined.data() + input.data.size(), data, length);
    input.data = std::move(joined);
  }
  // Only the secret keeps its key identity (drivers are chosen by it); the
  // other steps are byte strings whatever their origin.
  if (origin.attributes != nullptr && input.type == PSA_KEY_DERIVATION_INPUT_TYPE_OMITTED) {
    input.type = PSA_KEY_DERIVATION_INPUT_TYPE_KEY;
    input.attributes = *origin.attributes;
  } else {
    input.type = PSA_KEY_DERIVATION_INPUT_TYPE_BYTES;
  }
  if ((rules.steps[index].flags & kdf::kAnyTime) == 0) state.position = index;
  if (origin.from_key && (origin.usage & PSA_KEY_USAGE_DERIVE) == 0) state.output_permitted = false;
  if (step == rules.secret_step) state.secret_from_key = origin.from_key;
  return PSA_SUCCESS;
}

bool InputsComplete(const KdfState& state) {
  const KdfRules& rules = state.inputs.rules;
  for (size_t i = 0; i < rules.step_count; ++i) {
    if ((rules.steps[i].flags & kdf::kRequired) != 0 &&
        state.inputs.inputs[i].type == PSA_KEY_DERIVATION_INPUT_TYPE_OMITTED) {
      return false;
    }
  }
  return true;
}

// The attributes a secret given as bytes (or by a key agreement) has for
// the dispatch: a LOCAL_STORAGE key of type PSA_KEY_TYPE_DERIVE.
psa_key_attributes_t DefaultSecretAttributes(size_t length) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_DERIVE);
  psa_set_key_bits(&attributes, PSA_BYTES_TO_BITS(length));
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE);
  return attributes;
}

// Replaces the opaque secret `input` by its export (a transparent key of the
// same type and size), for the drivers and the core to use.
psa_status_t ExportOpaqueSecret(psa_algorithm_t kdf_alg, psa_key_derivation_step_t step, Input* input) {
  const psa_key_attributes_t& attributes = input->attributes;
  const size_t size = PSA_EXPORT_KEY_OUTPUT_SIZE(psa_get_key_type(&attributes), psa_get_key_bits(&attributes));
  if (size == 0) return PSA_ERROR_NOT_SUPPORTED;
  SecureBuffer exported;
  if (!exported.Allocate(size)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  size_t length = 0;
  psa_status_t status = psa::dispatch::ExportKey(&attributes, input->data.data(), input->data.size(),
                                                 exported.data(), exported.size(), &length);
  if (status != PSA_SUCCESS) return status;
  if (length > exported.size()) return PSA_ERROR_CORRUPTION_DETECTED;
  exported.Truncate(length);
  status = kdf::CheckStepData(kdf_alg, step, exported.data(), exported.size());
  if (status != PSA_SUCCESS) return status;
  input->data = std::move(exported);
  psa_set_key_lifetime(&input->attributes, PSA_KEY_LIFETIME_VOLATILE);
  return PSA_SUCCESS;
}

// Chooses who derives, at the first output (see the file comment).
psa_status_t StartOutput(psa_key_derivation_operation_t* operation) {
  KdfState& state = *StateOf(operation);
  if (state.started) return PSA_SUCCESS;
  const psa_algorithm_t kdf_alg = KdfOf(operation);
  Input* secret = state.inputs.Find(state.inputs.rules.secret_step);
  if (secret == nullptr) return PSA_ERROR_CORRUPTION_DETECTED;
  psa_status_t status = PSA_ERROR_NOT_SUPPORTED;
  if (secret->type == PSA_KEY_DERIVATION_INPUT_TYPE_KEY &&
      PSA_KEY_LIFETIME_GET_LOCATION(psa_get_key_lifetime(&secret->attributes)) != PSA_KEY_LOCATION_LOCAL_STORAGE) {
    status = psa::dispatch::KeyDerivationSetup(&secret->attributes, operation, kdf_alg, &state.inputs);
    if (status == PSA_ERROR_NOT_SUPPORTED) {
      status = ExportOpaqueSecret(kdf_alg, state.inputs.rules.secret_step, secret);
      if (status != PSA_SUCCESS) return status;
      status = PSA_ERROR_NOT_SUPPORTED;
    }
  }
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    const psa_key_attributes_t attributes = secret->type == PSA_KEY_DERIVATION_INPUT_TYPE_KEY
                                                ? secret->attributes
                                                : DefaultSecretAttributes(secret->data.size());
    status = psa::dispatch::KeyDerivationSetup(&attributes, operation, kdf_alg, &state.inputs);
  }
  if (status == PSA_SUCCESS) {
    if (operation->driver_id == 0) return PSA_ERROR_CORRUPTION_DETECTED;
    // Drivers that enforce the capacity (opaque ones deriving cooked keys)
    // learn it; the others may decline.
    const psa_status_t capacity_status = psa::dispatch::KeyDerivationSetCapacity(operation, operation->capacity);
    if (capacity_status != PSA_SUCCESS && capacity_status != PSA_ERROR_NOT_SUPPORTED) return capacity_status;
  } else if (status == PSA_ERROR_NOT_SUPPORTED) {
    if (operation->driver_id != 0) return PSA_ERROR_CORRUPTION_DETECTED;
    status = kdf::CreateBuiltinKdf(&state.inputs, operation->capacity, &state.builtin);
    if (status != PSA_SUCCESS) return status;
  } else {
    return status;
  }
  // The inputs are with the driver (or the core's KDF) now.
  for (Input& input : state.inputs.inputs) input.data.Clear();
  state.started = true;
  return PSA_SUCCESS;
}

// The next `length` bytes of the started derivation (wiped on failure).
psa_status_t ReadOutput(psa_key_derivation_operation_t* operation, uint8_t* out, size_t length) {
  if (length == 0) return PSA_SUCCESS;
  KdfState& state = *StateOf(operation);
  psa_status_t status = PSA_ERROR_CORRUPTION_DETECTED;
  if (operation->driver_id != 0) {
    status = psa::dispatch::KeyDerivationOutputBytes(operation, out, length);
  } else if (state.builtin != nullptr) {
    status = state.builtin->Read(out, length);
  }
  // A driver running out of output past the core's capacity is a fault.
  if (status == PSA_ERROR_INSUFFICIENT_DATA) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status != PSA_SUCCESS) SecureWipe(out, length);
  return status;
}

// Takes `length` bytes of capacity: PSA_ERROR_INSUFFICIENT_DATA if there
// are fewer.
psa_status_t TakeCapacity(psa_key_derivation_operation_t* operation, size_t length) {
  if (length > operation->capacity) return PSA_ERROR_INSUFFICIENT_DATA;
  operation->capacity -= length;
  return PSA_SUCCESS;
}

// The checks every output or verification call starts with: an active
// operation whose inputs are complete. Marks the output as started.
psa_status_t BeginOutput(psa_key_derivation_operation_t* operation) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  if (!InputsComplete(*StateOf(operation))) return PSA_ERROR_BAD_STATE;
  operation->output_started = 1;
  return PSA_SUCCESS;
}

// Derives `length` bytes into `out`: capacity check, start (with the
// capacity before this read: SP 800-108's L), read.
psa_status_t DeriveBytes(psa_key_derivation_operation_t* operation, uint8_t* out, size_t length) {
  if (length > operation->capacity) return PSA_ERROR_INSUFFICIENT_DATA;
  psa_status_t status = StartOutput(operation);
  if (status == PSA_SUCCESS) status = TakeCapacity(operation, length);
  if (status == PSA_SUCCESS) status = ReadOutput(operation, out, length);
  return status;
}

// Compares the next `length` bytes of the derivation with `expected` in
// constant time; the driver's verification entry point first, if it has one.
psa_status_t VerifyBytes(psa_key_derivation_operation_t* operation, const uint8_t* expected, size_t length,
                         const KeyHandle* expected_key) {
  if (length > operation->capacity) return PSA_ERROR_INSUFFICIENT_DATA;
  psa_status_t status = StartOutput(operation);
  if (status == PSA_SUCCESS) status = TakeCapacity(operation, length);
  if (status != PSA_SUCCESS) return status;
  if (operation->driver_id != 0) {
    status = expected_key != nullptr
                 ? psa::dispatch::KeyDerivationVerifyKey(operation, const_cast<uint8_t*>(expected_key->key_buffer()),
                                                         expected_key->key_buffer_size())
                 : psa::dispatch::KeyDerivationVerifyBytes(operation, expected, length);
    if (status != PSA_ERROR_NOT_SUPPORTED) return status;
  }
  if (expected == nullptr) return PSA_ERROR_NOT_SUPPORTED;
  SecureBuffer actual;
  if (!actual.Allocate(length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  status = ReadOutput(operation, actual.data(), length);
  if (status != PSA_SUCCESS) return status;
  return ConstantTimeEqual(actual.data(), expected, length) ? PSA_SUCCESS : PSA_ERROR_INVALID_SIGNATURE;
}

// ---- Keys ------------------------------------------------------------------

enum class Derivation { kRaw, kDes, kCooked, kUnsupported };

Derivation DerivationOf(psa_key_type_t type) {
  if (type == PSA_KEY_TYPE_DES) return Derivation::kDes;
  if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type) || PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type)) return Derivation::kCooked;
  if (PSA_KEY_TYPE_IS_UNSTRUCTURED(type)) return Derivation::kRaw;
  return Derivation::kUnsupported;
}

// Bytes of key stream one "derive_key" call takes for a cooked `type`
// (driver interface, "Transparent cooked key derivation"; SPAKE2+: w0s and
// w1s of ceil(log2(n) / 8) + 8 bytes each, PSA Crypto 1.2).
size_t CookedInputLength(psa_key_type_t type, size_t bits) {
  if (PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type)) return 2 * (PSA_BITS_TO_BYTES(bits) + 8);
  return PSA_BITS_TO_BYTES(bits);
}

// Calls "derive_key" on successive `input_length`-byte pieces of the key
// stream until the driver takes one (PSA_ERROR_INSUFFICIENT_DATA asks for
// the next), appending the key it makes to `material` at *offset.
psa_status_t DeriveCooked(psa_key_derivation_operation_t* operation, const psa_key_attributes_t& attributes,
                          size_t input_length, SecureBuffer* material, size_t* offset) {
  SecureBuffer input;
  if (!input.Allocate(input_length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  for (;;) {
    psa_status_t status = DeriveBytes(operation, input.data(), input.size());
    if (status != PSA_SUCCESS) return status;
    size_t written = 0;
    status = psa::dispatch::DeriveKey(&attributes, input.data(), input.size(), nullptr, material->data() + *offset,
                                      material->size() - *offset, &written);
    if (status == PSA_ERROR_INSUFFICIENT_DATA) continue;
    if (status != PSA_SUCCESS) return status;
    if (written == 0 || written > material->size() - *offset) return PSA_ERROR_CORRUPTION_DETECTED;
    *offset += written;
    return PSA_SUCCESS;
  }
}

// The key material of a new key with `attributes` from the derivation, in
// the key type's import format.
psa_status_t DeriveKeyMaterial(psa_key_derivation_operation_t* operation, const psa_key_attributes_t& attributes,
                               SecureBuffer* material) {
  const psa_key_type_t type = psa_get_key_type(&attributes);
  const size_t bits = psa_get_key_bits(&attributes);
  // Only the type and size matter to "derive_key"; keep it transparent.
  psa_key_attributes_t local = psa_key_attributes_init();
  psa_set_key_type(&local, type);
  psa_set_key_bits(&local, bits);
  size_t offset = 0;
  switch (DerivationOf(type)) {
    case Derivation::kRaw: {
      psa_status_t status = policy::ValidateSymmetricGenerate(type, bits);
      if (status != PSA_SUCCESS) return status;
      if (!material->Allocate(PSA_BITS_TO_BYTES(bits))) return PSA_ERROR_INSUFFICIENT_MEMORY;
      return DeriveBytes(operation, material->data(), material->size());
    }
    case Derivation::kDes: {
      // Each 8-byte key of 3DES on its own, drawn again while weak (PSA
      // Crypto 1.2, PSA_KEY_TYPE_DES "Key derivation").
      psa_status_t status = policy::ValidateSymmetricGenerate(type, bits);
      if (status != PSA_SUCCESS) return status;
      if (!material->Allocate(PSA_BITS_TO_BYTES(bits))) return PSA_ERROR_INSUFFICIENT_MEMORY;
      psa_set_key_bits(&local, 64);
      while (status == PSA_SUCCESS && offset < material->size()) {
        status = DeriveCooked(operation, local, 8, material, &offset);
      }
      if (status == PSA_SUCCESS && offset != material->size()) status = PSA_ERROR_CORRUPTION_DETECTED;
      return status;
    }
    case Derivation::kCooked: {
      const size_t size = PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits);
      if (size == 0) return PSA_ERROR_NOT_SUPPORTED;
      if (!material->Allocate(size)) return PSA_ERROR_INSUFFICIENT_MEMORY;
      const psa_status_t status = DeriveCooked(operation, local, CookedInputLength(type, bits), material, &offset);
      if (status == PSA_SUCCESS) material->Truncate(offset);
      return status;
    }
    case Derivation::kUnsupported:
      break;
  }
  // RSA and FFDH key pairs: no derivation procedure here.
  return PSA_ERROR_NOT_SUPPORTED;
}

// Checks of psa_key_derivation_output_key()'s attributes that come before
// any output is used (the key creation checks the rest).
psa_status_t CheckOutputKeyAttributes(const psa_key_derivation_operation_t* operation,
                                      const psa_key_attributes_t& attributes) {
  const psa_key_type_t type = psa_get_key_type(&attributes);
  if (type == PSA_KEY_TYPE_NONE || PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) return PSA_ERROR_INVALID_ARGUMENT;
  if (psa_get_key_bits(&attributes) == 0) return PSA_ERROR_INVALID_ARGUMENT;
  if (type == PSA_KEY_TYPE_PASSWORD_HASH) {
    const psa_algorithm_t alg = psa_get_key_algorithm(&attributes);
    if (alg != PSA_ALG_NONE && alg != operation->alg) return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

}  // namespace
}  // namespace psa::core

using psa::core::BeginOutput;
using psa::core::Conclude;
using psa::core::IsActive;
using psa::core::KdfState;
using psa::core::LibraryInitialized;
using psa::core::SecureBuffer;
using psa::core::SecureWipe;
using psa::core::StateOf;
using psa::core::keys::KeyHandle;

extern "C" {

psa_status_t psa_key_derivation_setup(psa_key_derivation_operation_t* operation, psa_algorithm_t alg) {
  if (!LibraryInitialized() || operation->state != psa::core::kInactive) return PSA_ERROR_BAD_STATE;
  psa_algorithm_t kdf_alg = alg;
  if (PSA_ALG_IS_KEY_AGREEMENT(alg)) {
    if (PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg)) return PSA_ERROR_INVALID_ARGUMENT;
    kdf_alg = PSA_ALG_KEY_AGREEMENT_GET_KDF(alg);
  } else if (!PSA_ALG_IS_KEY_DERIVATION(alg)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  psa_status_t status = psa::core::policy::CheckSpecificAlgorithm(alg);
  if (status != PSA_SUCCESS) return status;
  psa::core::kdf::KdfRules rules;
  status = psa::core::kdf::GetKdfRules(kdf_alg, &rules);
  if (status != PSA_SUCCESS) return status;
  status = psa::core::kdf::ProbePrimitive(kdf_alg, &psa::core::served_primitives);
  if (status != PSA_SUCCESS) return status;
  auto* state = new (std::nothrow) KdfState;
  if (state == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  state->inputs.rules = rules;
  psa_key_derivation_operation_t fresh = PSA_KEY_DERIVATION_OPERATION_INIT;
  *operation = fresh;
  operation->alg = alg;
  operation->capacity = rules.initial_capacity;
  operation->state = psa::core::kActive;
  operation->core = state;
  return PSA_SUCCESS;
}

psa_status_t psa_key_derivation_get_capacity(const psa_key_derivation_operation_t* operation, size_t* capacity) {
  *capacity = 0;
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  *capacity = operation->capacity;
  return PSA_SUCCESS;
}

psa_status_t psa_key_derivation_set_capacity(psa_key_derivation_operation_t* operation, size_t capacity) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  // Too large: the operation stays valid, its capacity unchanged.
  if (capacity > operation->capacity) return PSA_ERROR_INVALID_ARGUMENT;
  // SP 800-108 encoded L = 8 * capacity in the output already.
  const psa_algorithm_t kdf_alg = psa::core::KdfOf(operation);
  if (operation->output_started &&
      (PSA_ALG_IS_SP800_108_COUNTER_HMAC(kdf_alg) || kdf_alg == PSA_ALG_SP800_108_COUNTER_CMAC)) {
    return Conclude(operation, PSA_ERROR_BAD_STATE);
  }
  operation->capacity = capacity;
  if (operation->driver_id != 0) {
    const psa_status_t status = psa::dispatch::KeyDerivationSetCapacity(operation, capacity);
    if (status != PSA_SUCCESS && status != PSA_ERROR_NOT_SUPPORTED) return Conclude(operation, status);
  }
  return PSA_SUCCESS;
}

psa_status_t psa_key_derivation_input_bytes(psa_key_derivation_operation_t* operation,
                                            psa_key_derivation_step_t step, const uint8_t* data,
                                            size_t data_length) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  int index = -1;
  psa_status_t status = psa::core::CheckStep(operation, step, PSA_KEY_DERIVATION_INPUT_TYPE_BYTES, &index);
  if (status == PSA_SUCCESS) status = psa::core::StoreInput(operation, index, data, data_length, {});
  return Conclude(operation, status);
}

psa_status_t psa_key_derivation_input_integer(psa_key_derivation_operation_t* operation,
                                              psa_key_derivation_step_t step, uint64_t value) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  int index = -1;
  psa_status_t status = psa::core::CheckStep(operation, step, PSA_KEY_DERIVATION_INPUT_TYPE_INTEGER, &index);
  // The only numeric input is the PBKDF2 iteration count.
  if (status == PSA_SUCCESS && value == 0) status = PSA_ERROR_INVALID_ARGUMENT;
  if (status == PSA_SUCCESS && value > psa::core::kdf::kPbkdf2MaxCost) status = PSA_ERROR_NOT_SUPPORTED;
  if (status == PSA_SUCCESS) {
    KdfState& state = *StateOf(operation);
    psa::core::kdf::Input& input = state.inputs.inputs[index];
    input.type = PSA_KEY_DERIVATION_INPUT_TYPE_INTEGER;
    input.integer = value;
    state.position = index;
  }
  return Conclude(operation, status);
}

psa_status_t psa_key_derivation_input_key(psa_key_derivation_operation_t* operation,
                                          psa_key_derivation_step_t step, psa_key_id_t key) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  int index = -1;
  psa_status_t status = psa::core::CheckStep(operation, step, PSA_KEY_DERIVATION_INPUT_TYPE_KEY, &index);
  KeyHandle handle;
  if (status == PSA_SUCCESS) status = psa::core::keys::AcquireKey(key, 0, operation->alg, &handle);
  if (status != PSA_SUCCESS) return Conclude(operation, status);
  const psa_key_attributes_t& attributes = handle.attributes();
  const psa_key_usage_t usage = psa_get_key_usage_flags(&attributes);
  if ((usage & (PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_VERIFY_DERIVATION)) == 0) {
    return Conclude(operation, PSA_ERROR_NOT_PERMITTED);
  }
  const psa_algorithm_t kdf_alg = psa::core::KdfOf(operation);
  if (!psa::core::kdf::KeyTypeAllowed(kdf_alg, step, psa_get_key_type(&attributes))) {
    return Conclude(operation, PSA_ERROR_INVALID_ARGUMENT);
  }
  psa::core::Origin origin;
  origin.from_key = true;
  origin.usage = usage;
  const bool secret = step == StateOf(operation)->inputs.rules.secret_step;
  const bool opaque =
      PSA_KEY_LIFETIME_GET_LOCATION(psa_get_key_lifetime(&attributes)) != PSA_KEY_LOCATION_LOCAL_STORAGE;
  if (secret) origin.attributes = &attributes;
  if (!opaque || secret) {
    // The secret keeps its key buffer (an opaque driver may derive with it).
    status = psa::core::StoreInput(operation, index, handle.key_buffer(), handle.key_buffer_size(), origin);
    return Conclude(operation, status);
  }
  // Another step's opaque key: its material, as the driver exports it.
  const size_t size = PSA_EXPORT_KEY_OUTPUT_SIZE(psa_get_key_type(&attributes), psa_get_key_bits(&attributes));
  SecureBuffer exported;
  if (size == 0) status = PSA_ERROR_NOT_SUPPORTED;
  if (status == PSA_SUCCESS && !exported.Allocate(size)) status = PSA_ERROR_INSUFFICIENT_MEMORY;
  size_t length = 0;
  if (status == PSA_SUCCESS) {
    status = psa::dispatch::ExportKey(&attributes, handle.key_buffer(), handle.key_buffer_size(), exported.data(),
                                      exported.size(), &length);
  }
  if (status == PSA_SUCCESS && length > exported.size()) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status == PSA_SUCCESS) status = psa::core::StoreInput(operation, index, exported.data(), length, origin);
  return Conclude(operation, status);
}

psa_status_t psa_key_derivation_key_agreement(psa_key_derivation_operation_t* operation,
                                              psa_key_derivation_step_t step, psa_key_id_t private_key,
                                              const uint8_t* peer_key, size_t peer_key_length) {
  if (!LibraryInitialized() || !IsActive(operation)) return PSA_ERROR_BAD_STATE;
  if (!PSA_ALG_IS_KEY_AGREEMENT(operation->alg)) return Conclude(operation, PSA_ERROR_INVALID_ARGUMENT);
  int index = -1;
  psa_status_t status = psa::core::CheckStep(operation, step, PSA_KEY_DERIVATION_INPUT_TYPE_KEY, &index);
  // The shared secret is a key of type PSA_KEY_TYPE_DERIVE for the step.
  if (status == PSA_SUCCESS && !psa::core::kdf::KeyTypeAllowed(psa::core::KdfOf(operation), step,
                                                               PSA_KEY_TYPE_DERIVE)) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  }
  uint8_t shared[PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE];
  size_t shared_length = 0;
  if (status == PSA_SUCCESS) {
    status = psa::core::ComputeSharedSecret(operation->alg, private_key, peer_key, peer_key_length, shared,
                                            sizeof(shared), &shared_length);
  }
  if (status == PSA_SUCCESS) {
    const psa_key_attributes_t attributes = psa::core::DefaultSecretAttributes(shared_length);
    psa::core::Origin origin;
    origin.from_key = true;
    origin.usage = PSA_KEY_USAGE_DERIVE;
    if (step == StateOf(operation)->inputs.rules.secret_step) origin.attributes = &attributes;
    status = psa::core::StoreInput(operation, index, shared, shared_length, origin);
  }
  SecureWipe(shared, sizeof(shared));
  return Conclude(operation, status);
}

psa_status_t psa_key_derivation_output_bytes(psa_key_derivation_operation_t* operation, uint8_t* output,
                                             size_t output_length) {
  psa_status_t status = BeginOutput(operation);
  if (status == PSA_ERROR_BAD_STATE && !IsActive(operation)) return status;
  if (status == PSA_SUCCESS && !StateOf(operation)->output_permitted) status = PSA_ERROR_NOT_PERMITTED;
  // The EC J-PAKE premaster secret is read in one piece.
  if (status == PSA_SUCCESS && psa::core::KdfOf(operation) == PSA_ALG_TLS12_ECJPAKE_TO_PMS &&
      output_length <= operation->capacity && output_length != operation->capacity) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  }
  if (status == PSA_SUCCESS) status = psa::core::DeriveBytes(operation, output, output_length);
  return Conclude(operation, status);
}

psa_status_t psa_key_derivation_output_key(const psa_key_attributes_t* attributes,
                                           psa_key_derivation_operation_t* operation, psa_key_id_t* key) {
  *key = PSA_KEY_ID_NULL;
  psa_status_t status = BeginOutput(operation);
  if (status == PSA_ERROR_BAD_STATE && !IsActive(operation)) return status;
  if (status == PSA_SUCCESS) {
    const KdfState& state = *StateOf(operation);
    if (!state.output_permitted || !state.secret_from_key) status = PSA_ERROR_NOT_PERMITTED;
  }
  if (status == PSA_SUCCESS) status = psa::core::CheckOutputKeyAttributes(operation, *attributes);
  if (status == PSA_SUCCESS && psa::core::KdfOf(operation) == PSA_ALG_TLS12_ECJPAKE_TO_PMS &&
      PSA_BITS_TO_BYTES(psa_get_key_bits(attributes)) != operation->capacity &&
      PSA_BITS_TO_BYTES(psa_get_key_bits(attributes)) <= operation->capacity) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  }
  SecureBuffer material;
  if (status == PSA_SUCCESS) status = psa::core::DeriveKeyMaterial(operation, *attributes, &material);
  if (status == PSA_SUCCESS) {
    status = psa::core::keys::ImportKeyFromData(*attributes, material.data(), material.size(), key);
  }
  return Conclude(operation, status);
}

psa_status_t psa_key_derivation_verify_bytes(psa_key_derivation_operation_t* operation,
                                             const uint8_t* expected_output, size_t output_length) {
  psa_status_t status = BeginOutput(operation);
  if (status == PSA_ERROR_BAD_STATE && !IsActive(operation)) return status;
  if (status == PSA_SUCCESS) {
    static const uint8_t kNothing = 0;
    status = psa::core::VerifyBytes(operation, output_length == 0 ? &kNothing : expected_output, output_length,
                                    nullptr);
  }
  return Conclude(operation, status);
}

psa_status_t psa_key_derivation_verify_key(psa_key_derivation_operation_t* operation, psa_key_id_t expected) {
  psa_status_t status = BeginOutput(operation);
  if (status == PSA_ERROR_BAD_STATE && !IsActive(operation)) return status;
  KeyHandle handle;
  if (status == PSA_SUCCESS) status = psa::core::keys::AcquireKey(expected, 0, PSA_ALG_NONE, &handle);
  if (status == PSA_SUCCESS && psa_get_key_type(&handle.attributes()) != PSA_KEY_TYPE_PASSWORD_HASH) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  }
  if (status == PSA_SUCCESS) {
    status = psa::core::policy::CheckKeyUsage(handle.attributes(), PSA_KEY_USAGE_VERIFY_DERIVATION, operation->alg);
  }
  if (status != PSA_SUCCESS) return Conclude(operation, status);
  const psa_key_attributes_t& attributes = handle.attributes();
  const size_t length = PSA_BITS_TO_BYTES(psa_get_key_bits(&attributes));
  if (PSA_KEY_LIFETIME_GET_LOCATION(psa_get_key_lifetime(&attributes)) == PSA_KEY_LOCATION_LOCAL_STORAGE) {
    // A transparent key buffer is the key's bytes.
    if (handle.key_buffer_size() != length) return Conclude(operation, PSA_ERROR_CORRUPTION_DETECTED);
    return Conclude(operation, psa::core::VerifyBytes(operation, handle.key_buffer(), length, nullptr));
  }
  // An opaque expected key: the deriving driver's verify_key, else its export.
  SecureBuffer exported;
  if (!exported.Allocate(length)) return Conclude(operation, PSA_ERROR_INSUFFICIENT_MEMORY);
  size_t exported_length = 0;
  status = psa::dispatch::ExportKey(&attributes, handle.key_buffer(), handle.key_buffer_size(), exported.data(),
                                    exported.size(), &exported_length);
  if (status == PSA_SUCCESS && exported_length != length) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status == PSA_ERROR_NOT_PERMITTED || status == PSA_ERROR_NOT_SUPPORTED) {
    // Not exportable: only the deriving driver can compare.
    status = psa::core::VerifyBytes(operation, nullptr, length, &handle);
  } else if (status == PSA_SUCCESS) {
    status = psa::core::VerifyBytes(operation, exported.data(), length, &handle);
  }
  return Conclude(operation, status);
}

psa_status_t psa_key_derivation_abort(psa_key_derivation_operation_t* operation) {
  if (!LibraryInitialized()) return PSA_ERROR_BAD_STATE;
  const psa_status_t status = psa::core::Release(operation);
  psa::core::SecureWipeObject(*operation);
  return status;
}

}  // extern "C"
