// The PAKE driver-input getters (see pake_inputs.h and
// psa/crypto_driver_common.h).

#include "psa/core/pake_inputs.h"

#include <string.h>

namespace {

psa_status_t Length(const PsaPakeOptionalInput& input, size_t* length) {
  if (length == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  *length = 0;
  if (!input.set) return PSA_ERROR_BAD_STATE;
  *length = input.value.size();
  return PSA_SUCCESS;
}

psa_status_t Copy(const uint8_t* data, size_t size, uint8_t* buffer, size_t buffer_size, size_t* length) {
  if (length == nullptr || (buffer == nullptr && buffer_size != 0)) return PSA_ERROR_INVALID_ARGUMENT;
  *length = 0;
  if (buffer_size < size) return PSA_ERROR_BUFFER_TOO_SMALL;
  if (size != 0) memcpy(buffer, data, size);
  *length = size;
  return PSA_SUCCESS;
}

psa_status_t Get(const PsaPakeOptionalInput& input, uint8_t* buffer, size_t buffer_size, size_t* length) {
  if (length != nullptr) *length = 0;
  if (!input.set) return PSA_ERROR_BAD_STATE;
  return Copy(input.value.data(), input.value.size(), buffer, buffer_size, length);
}

}  // namespace

extern "C" {

psa_status_t psa_crypto_driver_pake_get_password_len(const psa_crypto_driver_pake_inputs_t* inputs,
                                                     size_t* password_len) {
  if (inputs == nullptr || password_len == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  *password_len = 0;
  if (inputs->key_buffer == nullptr) return PSA_ERROR_BAD_STATE;
  *password_len = inputs->key_buffer_size;
  return PSA_SUCCESS;
}

psa_status_t psa_crypto_driver_pake_get_password_bytes(const psa_crypto_driver_pake_inputs_t* inputs,
                                                       uint8_t* buffer, size_t buffer_size, size_t* buffer_length) {
  if (inputs == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  if (inputs->key_buffer == nullptr) {
    if (buffer_length != nullptr) *buffer_length = 0;
    return PSA_ERROR_BAD_STATE;
  }
  return Copy(inputs->key_buffer, inputs->key_buffer_size, buffer, buffer_size, buffer_length);
}

psa_status_t psa_crypto_driver_pake_get_password_key(const psa_crypto_driver_pake_inputs_t* inputs,
                                                     uint8_t** p_key_buffer, size_t* key_buffer_size,
                                                     const psa_key_attributes_t* /*attributes*/) {
  if (inputs == nullptr || p_key_buffer == nullptr || key_buffer_size == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  *p_key_buffer = nullptr;
  *key_buffer_size = 0;
  if (inputs->key_buffer == nullptr) return PSA_ERROR_BAD_STATE;
  // The prototype is the specification's; drivers must not write through it.
  *p_key_buffer = const_cast<uint8_t*>(inputs->key_buffer);
  *key_buffer_size = inputs->key_buffer_size;
  return PSA_SUCCESS;
}

psa_status_t psa_crypto_driver_pake_get_password_attributes(const psa_crypto_driver_pake_inputs_t* inputs,
                                                            psa_key_attributes_t* attributes) {
  if (inputs == nullptr || attributes == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  *attributes = inputs->attributes;
  return PSA_SUCCESS;
}

psa_status_t psa_crypto_driver_pake_get_user_len(const psa_crypto_driver_pake_inputs_t* inputs, size_t* user_len) {
  if (inputs == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  return Length(inputs->user, user_len);
}

psa_status_t psa_crypto_driver_pake_get_user(const psa_crypto_driver_pake_inputs_t* inputs, uint8_t* user_id,
                                             size_t user_id_size, size_t* user_id_len) {
  if (inputs == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  return Get(inputs->user, user_id, user_id_size, user_id_len);
}

psa_status_t psa_crypto_driver_pake_get_peer_len(const psa_crypto_driver_pake_inputs_t* inputs, size_t* peer_len) {
  if (inputs == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  return Length(inputs->peer, peer_len);
}

psa_status_t psa_crypto_driver_pake_get_peer(const psa_crypto_driver_pake_inputs_t* inputs, uint8_t* peer_id,
                                             size_t peer_id_size, size_t* peer_id_length) {
  if (inputs == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  return Get(inputs->peer, peer_id, peer_id_size, peer_id_length);
}

psa_status_t psa_crypto_driver_pake_get_context_len(const psa_crypto_driver_pake_inputs_t* inputs,
                                                    size_t* context_len) {
  if (inputs == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  return Length(inputs->context, context_len);
}

psa_status_t psa_crypto_driver_pake_get_context(const psa_crypto_driver_pake_inputs_t* inputs, uint8_t* context,
                                                size_t context_size, size_t* context_length) {
  if (inputs == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  return Get(inputs->context, context, context_size, context_length);
}

psa_status_t psa_crypto_driver_pake_get_role(const psa_crypto_driver_pake_inputs_t* inputs, psa_pake_role_t* role) {
  if (inputs == nullptr || role == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  *role = inputs->role;
  return PSA_SUCCESS;
}

psa_status_t psa_crypto_driver_pake_get_cipher_suite(const psa_crypto_driver_pake_inputs_t* inputs,
                                                     psa_pake_cipher_suite_t* cipher_suite) {
  if (inputs == nullptr || cipher_suite == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  *cipher_suite = inputs->cipher_suite;
  return PSA_SUCCESS;
}

}  // extern "C"
