#include "psa/core/kdf/sp800_108.h"

#include <string.h>

#include <utility>

namespace psa::core::kdf {

psa_status_t Sp800108Counter::Init(const uint8_t* fixed_input, size_t fixed_input_length) {
  if (prf_.length() != block_length()) return PSA_ERROR_CORRUPTION_DETECTED;
  if (!fixed_input_.Assign(fixed_input, fixed_input_length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  return PSA_SUCCESS;
}

psa_status_t Sp800108Counter::NextBlock(uint8_t* block) {
  if (prf_.length() == 0) return PSA_ERROR_BAD_STATE;
  if (counter_ == 0xffffffffu) return PSA_ERROR_INSUFFICIENT_DATA;
  const uint32_t index = counter_ + 1;
  uint8_t encoded_index[4];
  StoreBigEndian32(index, encoded_index);
  const Piece message[] = {{encoded_index, sizeof(encoded_index)}, {fixed_input_.data(), fixed_input_.size()}};
  const psa_status_t status = prf_.Compute(message, 2, block);
  if (status == PSA_SUCCESS) counter_ = index;
  return status;
}

psa_status_t Sp800108PsaFixedInput(const uint8_t* label, size_t label_length, const uint8_t* context,
                                   size_t context_length, uint32_t length_bits, SecureBuffer* fixed_input) {
  if (label_length > SIZE_MAX - 5 - context_length) return PSA_ERROR_INSUFFICIENT_MEMORY;
  if (!fixed_input->Allocate(label_length + 1 + context_length + 4)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  uint8_t* p = fixed_input->data();
  if (label_length != 0) memcpy(p, label, label_length);
  p += label_length;
  *p++ = 0x00;
  if (context_length != 0) memcpy(p, context, context_length);
  p += context_length;
  StoreBigEndian32(length_bits, p);
  return PSA_SUCCESS;
}

psa_status_t Sp800108PsaAppendK0(const MacPrf& prf, SecureBuffer* fixed_input) {
  const size_t fixed_length = fixed_input->size();
  const size_t k0_length = prf.length();
  if (k0_length == 0) return PSA_ERROR_BAD_STATE;
  if (fixed_length > SIZE_MAX - k0_length) return PSA_ERROR_INSUFFICIENT_MEMORY;
  SecureBuffer extended;
  if (!extended.Allocate(fixed_length + k0_length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  memcpy(extended.data(), fixed_input->data(), fixed_length);
  const Piece message[] = {{fixed_input->data(), fixed_length}};
  const psa_status_t status = prf.Compute(message, 1, extended.data() + fixed_length);
  if (status != PSA_SUCCESS) return status;
  *fixed_input = std::move(extended);
  return PSA_SUCCESS;
}

}  // namespace psa::core::kdf
