// What each key-derivation algorithm of PSA Crypto 1.2 takes: its input
// steps in their required order, whether each is optional or repeatable,
// which kinds of input (bytes, key, number) and key types each step accepts,
// the checks on each input's content, and the initial capacity
// (reference/psa-crypto-api/api/ops/key-derivation.rst, each PSA_ALG_xxx).

#ifndef PSA_CORE_KDF_ALGORITHM_RULES_H_
#define PSA_CORE_KDF_ALGORITHM_RULES_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"

namespace psa::core::kdf {

enum StepFlag : uint8_t {
  kRequired = 1,    // the inputs are incomplete without it
  kRepeatable = 2,  // may be given several times in a row (concatenated)
  kAnyTime = 4,     // outside the order: any time before the output
  kIntegerOnly = 8, // psa_key_derivation_input_integer() only
  kKeyOnly = 16,    // psa_key_derivation_input_key() (or a key agreement) only
};

struct StepRule {
  psa_key_derivation_step_t step;
  uint8_t flags;
};

inline constexpr size_t kMaxSteps = 4;

// The rules of one key-derivation algorithm (without key agreement).
struct KdfRules {
  psa_algorithm_t alg = PSA_ALG_NONE;
  StepRule steps[kMaxSteps] = {};
  size_t step_count = 0;
  size_t initial_capacity = 0;
  // The step whose input decides the driver and permits output_key:
  // SECRET, or PASSWORD for PBKDF2.
  psa_key_derivation_step_t secret_step = 0;

  // The index of `step` in steps, or -1 if the algorithm does not take it.
  int IndexOf(psa_key_derivation_step_t step) const;
};

// The rules of `kdf_alg`: PSA_ERROR_INVALID_ARGUMENT if it is not a
// key-derivation algorithm, PSA_ERROR_NOT_SUPPORTED for one this core does
// not implement (or a hash without a known length and block size).
psa_status_t GetKdfRules(psa_algorithm_t kdf_alg, KdfRules* rules);

// Whether a key of `key_type` may be the input `step` of `kdf_alg`.
bool KeyTypeAllowed(psa_algorithm_t kdf_alg, psa_key_derivation_step_t step, psa_key_type_t key_type);

// The checks on the content of the input `step` of `kdf_alg` (a label
// without null bytes for SP 800-108, a PSK of at most
// PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE bytes, a 65-byte point for EC J-PAKE, a
// PRK of at least the hash length for HKDF-Expand):
// PSA_ERROR_INVALID_ARGUMENT if it fails them.
psa_status_t CheckStepData(psa_algorithm_t kdf_alg, psa_key_derivation_step_t step, const uint8_t* data,
                           size_t length);

}  // namespace psa::core::kdf

#endif  // PSA_CORE_KDF_ALGORITHM_RULES_H_
