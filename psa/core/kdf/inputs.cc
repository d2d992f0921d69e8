// The driver interface's accessors of key-derivation inputs (C linkage,
// declared in psa/crypto_driver_common.h).

#include "psa/core/kdf/inputs.h"

#include <string.h>

using psa::core::kdf::Input;

extern "C" {

psa_crypto_driver_key_derivation_input_type_t psa_crypto_driver_key_derivation_get_input_type(
    const psa_crypto_driver_key_derivation_inputs_t* inputs, psa_key_derivation_step_t step) {
  if (inputs == nullptr) return PSA_KEY_DERIVATION_INPUT_TYPE_INVALID;
  const Input* input = inputs->Find(step);
  return input == nullptr ? PSA_KEY_DERIVATION_INPUT_TYPE_INVALID : input->type;
}

psa_status_t psa_crypto_driver_key_derivation_get_input_size(const psa_crypto_driver_key_derivation_inputs_t* inputs,
                                                              psa_key_derivation_step_t step, size_t* size) {
  *size = 0;
  const Input* input = inputs == nullptr ? nullptr : inputs->Find(step);
  if (input == nullptr || (input->type != PSA_KEY_DERIVATION_INPUT_TYPE_BYTES &&
                           input->type != PSA_KEY_DERIVATION_INPUT_TYPE_KEY)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  *size = input->data.size();
  return PSA_SUCCESS;
}

psa_status_t psa_crypto_driver_key_derivation_get_input_bytes(const psa_crypto_driver_key_derivation_inputs_t* inputs,
                                                               psa_key_derivation_step_t step, uint8_t* buffer,
                                                               size_t buffer_size, size_t* buffer_length) {
  *buffer_length = 0;
  const Input* input = inputs == nullptr ? nullptr : inputs->Find(step);
  if (input == nullptr || input->type != PSA_KEY_DERIVATION_INPUT_TYPE_BYTES) return PSA_ERROR_INVALID_ARGUMENT;
  if (buffer_size < input->data.size()) return PSA_ERROR_BUFFER_TOO_SMALL;
  if (!input->data.empty()) memcpy(buffer, input->data.data(), input->data.size());
  *buffer_length = input->data.size();
  return PSA_SUCCESS;
}

psa_status_t psa_crypto_driver_key_derivation_get_input_key(const psa_crypto_driver_key_derivation_inputs_t* inputs,
                                                             psa_key_derivation_step_t step,
                                                             const psa_key_attributes_t* attributes,
                                                             uint8_t** p_key_buffer, size_t* key_buffer_size) {
  (void)attributes;
  *p_key_buffer = nullptr;
  *key_buffer_size = 0;
  const Input* input = inputs == nullptr ? nullptr : inputs->Find(step);
  if (input == nullptr || input->type != PSA_KEY_DERIVATION_INPUT_TYPE_KEY) return PSA_ERROR_INVALID_ARGUMENT;
  // The prototype hands out a mutable pointer; drivers must not write it.
  *p_key_buffer = const_cast<uint8_t*>(input->data.data());
  *key_buffer_size = input->data.size();
  return PSA_SUCCESS;
}

psa_status_t psa_crypto_driver_key_derivation_get_input_integer(
    const psa_crypto_driver_key_derivation_inputs_t* inputs, psa_key_derivation_step_t step, uint64_t* value) {
  *value = 0;
  const Input* input = inputs == nullptr ? nullptr : inputs->Find(step);
  if (input == nullptr || input->type != PSA_KEY_DERIVATION_INPUT_TYPE_INTEGER) return PSA_ERROR_INVALID_ARGUMENT;
  *value = input->integer;
  return PSA_SUCCESS;
}

}  // extern "C"
