// The MAC entry points of aes_x86.h: AES-CMAC, full or truncated.

#include <string.h>

#include "drivers/aes_x86/aes_x86.h"
#include "drivers/aes_x86/aes_x86_common.h"

namespace aes_x86 {
namespace {

psa_status_t Setup(aes_x86_mac_operation_t* op, bool sign, const psa_key_attributes_t* attributes,
                   const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg) {
  if (op->alg != 0) return PSA_ERROR_BAD_STATE;
  if (PSA_ALG_FULL_LENGTH_MAC(alg) != PSA_ALG_CMAC) return PSA_ERROR_NOT_SUPPORTED;
  // A minimum-length wildcard policy (the W bit) is not an algorithm.
  if (PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, PSA_MAC_LENGTH(PSA_KEY_TYPE_AES, 128, alg)) != alg &&
      alg != PSA_ALG_CMAC) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  aes_x86_path_t path;
  const psa_status_t status = CheckAesKey(attributes, key_buffer_size, &path);
  if (status != PSA_SUCCESS) return status;
  const size_t length = PSA_MAC_LENGTH(PSA_KEY_TYPE_AES, 8 * key_buffer_size, alg);
  if (length == 0 || length > 16) return PSA_ERROR_INVALID_ARGUMENT;
  if (!CmacStart(&op->cmac, key_buffer, key_buffer_size)) return PSA_ERROR_INVALID_ARGUMENT;
  op->alg = alg;
  op->mac_length = static_cast<uint8_t>(length);
  op->is_sign = sign ? 1 : 0;
  return PSA_SUCCESS;
}

psa_status_t Update(aes_x86_mac_operation_t* op, const uint8_t* input, size_t input_length) {
  if (op->alg == 0) return PSA_ERROR_BAD_STATE;
  CmacUpdate(&op->cmac, input, input_length);
  return PSA_SUCCESS;
}

psa_status_t SignFinish(aes_x86_mac_operation_t* op, uint8_t* mac, size_t mac_size, size_t* mac_length) {
  *mac_length = 0;
  if (op->alg == 0 || !op->is_sign) return PSA_ERROR_BAD_STATE;
  if (mac_size < op->mac_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  uint8_t full[16];
  CmacFinish(&op->cmac, full);
  memcpy(mac, full, op->mac_length);
  *mac_length = op->mac_length;
  Wipe(full, sizeof(full));
  return PSA_SUCCESS;
}

psa_status_t VerifyFinish(aes_x86_mac_operation_t* op, const uint8_t* mac, size_t mac_length) {
  if (op->alg == 0 || op->is_sign) return PSA_ERROR_BAD_STATE;
  uint8_t full[16];
  CmacFinish(&op->cmac, full);
  const bool equal = mac_length == op->mac_length && EqualConstantTime(full, mac, op->mac_length);
  Wipe(full, sizeof(full));
  return equal ? PSA_SUCCESS : PSA_ERROR_INVALID_SIGNATURE;
}

}  // namespace
}  // namespace aes_x86

using aes_x86::WipeObject;

extern "C" {

psa_status_t aes_x86_mac_sign_setup(aes_x86_mac_operation_t* operation, const psa_key_attributes_t* attributes,
                                    const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg) {
  const psa_status_t status = aes_x86::Setup(operation, true, attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS && status != PSA_ERROR_BAD_STATE) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_mac_verify_setup(aes_x86_mac_operation_t* operation, const psa_key_attributes_t* attributes,
                                      const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg) {
  const psa_status_t status = aes_x86::Setup(operation, false, attributes, key_buffer, key_buffer_size, alg);
  if (status != PSA_SUCCESS && status != PSA_ERROR_BAD_STATE) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_mac_update(aes_x86_mac_operation_t* operation, const uint8_t* input, size_t input_length) {
  const psa_status_t status = aes_x86::Update(operation, input, input_length);
  if (status != PSA_SUCCESS) WipeObject(operation);
  return status;
}

psa_status_t aes_x86_mac_sign_finish(aes_x86_mac_operation_t* operation, uint8_t* mac, size_t mac_size,
                                     size_t* mac_length) {
  const psa_status_t status = aes_x86::SignFinish(operation, mac, mac_size, mac_length);
  WipeObject(operation);
  return status;
}

psa_status_t aes_x86_mac_verify_finish(aes_x86_mac_operation_t* operation, const uint8_t* mac,
                                       size_t mac_length) {
  const psa_status_t status = aes_x86::VerifyFinish(operation, mac, mac_length);
  WipeObject(operation);
  return status;
}

psa_status_t aes_x86_mac_abort(aes_x86_mac_operation_t* operation) {
  WipeObject(operation);
  return PSA_SUCCESS;
}

psa_status_t aes_x86_mac_compute(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                 size_t input_length, uint8_t* mac, size_t mac_size, size_t* mac_length) {
  *mac_length = 0;
  aes_x86_mac_operation_t op;
  memset(&op, 0, sizeof(op));
  psa_status_t status = aes_x86::Setup(&op, true, attributes, key_buffer, key_buffer_size, alg);
  if (status == PSA_SUCCESS) status = aes_x86::Update(&op, input, input_length);
  if (status == PSA_SUCCESS) status = aes_x86::SignFinish(&op, mac, mac_size, mac_length);
  WipeObject(&op);
  return status;
}

psa_status_t aes_x86_mac_verify(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                size_t input_length, const uint8_t* mac, size_t mac_length) {
  aes_x86_mac_operation_t op;
  memset(&op, 0, sizeof(op));
  psa_status_t status = aes_x86::Setup(&op, false, attributes, key_buffer, key_buffer_size, alg);
  if (status == PSA_SUCCESS) status = aes_x86::Update(&op, input, input_length);
  if (status == PSA_SUCCESS) status = aes_x86::VerifyFinish(&op, mac, mac_length);
  WipeObject(&op);
  return status;
}

}  // extern "C"
