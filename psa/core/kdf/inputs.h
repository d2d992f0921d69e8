// The inputs a key derivation collects before its first output
// (psa_crypto_driver_key_derivation_inputs_t of the driver interface): one
// slot per step of the algorithm, holding bytes, a key's attributes and key
// buffer, or a number. Drivers read it through the
// psa_crypto_driver_key_derivation_get_input_*() functions (inputs.cc);
// the core's own KDFs (builtin_kdf.h) read it directly. Secret contents are
// wiped when the object is destroyed.

#ifndef PSA_CORE_KDF_INPUTS_H_
#define PSA_CORE_KDF_INPUTS_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/core/kdf/algorithm_rules.h"
#include "psa/core/secure_buffer.h"
#include "psa/crypto.h"
#include "psa/crypto_driver_common.h"

namespace psa::core::kdf {

// One step's input.
struct Input {
  psa_crypto_driver_key_derivation_input_type_t type = PSA_KEY_DERIVATION_INPUT_TYPE_OMITTED;
  SecureBuffer data;                                  // BYTES, or a KEY's key buffer
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;  // KEY only
  uint64_t integer = 0;                               // INTEGER only
};

}  // namespace psa::core::kdf

struct psa_crypto_driver_key_derivation_inputs_s {
  psa::core::kdf::KdfRules rules;
  psa::core::kdf::Input inputs[psa::core::kdf::kMaxSteps];

  // The input of `step`, nullptr if the algorithm does not take it.
  psa::core::kdf::Input* Find(psa_key_derivation_step_t step) {
    const int index = rules.IndexOf(step);
    return index < 0 ? nullptr : &inputs[index];
  }
  const psa::core::kdf::Input* Find(psa_key_derivation_step_t step) const {
    const int index = rules.IndexOf(step);
    return index < 0 ? nullptr : &inputs[index];
  }
};

#endif  // PSA_CORE_KDF_INPUTS_H_
