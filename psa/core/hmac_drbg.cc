#include "psa/core/hmac_drbg.h"

#include <string.h>

#include "psa/core/hmac.h"
#include "psa/core/wipe.h"

namespace psa::core {
namespace {

bool TooLong(HmacDrbg::Bytes input) {
  return uint64_t{input.size()} > HmacDrbg::kMaxInputLength;
}

}  // namespace

HmacDrbg::HmacDrbg(uint64_t reseed_interval)
    : reseed_interval_(reseed_interval == 0 ? 1
                       : reseed_interval > kMaxReseedInterval
                           ? kMaxReseedInterval
                           : reseed_interval) {}

psa_status_t HmacDrbg::AdvanceValue() {
  size_t written = 0;
  const psa_status_t status =
      HmacCompute(kHashAlgorithm, key_, sizeof(key_), value_, sizeof(value_),
                  value_, sizeof(value_), &written);
  if (status != PSA_SUCCESS) return status;
  return written == sizeof(value_) ? PSA_SUCCESS
                                   : PSA_ERROR_CORRUPTION_DETECTED;
}

psa_status_t HmacDrbg::UpdateStep(uint8_t separator,
                                  std::initializer_list<Bytes> provided_data) {
  Hmac hmac;
  psa_status_t status = hmac.Setup(kHashAlgorithm, key_, sizeof(key_));
  if (status == PSA_SUCCESS) status = hmac.Update(value_, sizeof(value_));
  if (status == PSA_SUCCESS) status = hmac.Update(&separator, 1);
  for (Bytes data : provided_data) {
    if (status == PSA_SUCCESS) status = hmac.Update(data.data(), data.size());
  }
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    status = hmac.Finish(key_, sizeof(key_), &written);
    if (status == PSA_SUCCESS && written != sizeof(key_)) {
      status = PSA_ERROR_CORRUPTION_DETECTED;
    }
  }
  if (status == PSA_SUCCESS) status = AdvanceValue();
  return status;
}

psa_status_t HmacDrbg::Update(std::initializer_list<Bytes> provided_data) {
  psa_status_t status = UpdateStep(0x00, provided_data);
  bool has_data = false;
  for (Bytes data : provided_data) has_data = has_data || !data.empty();
  if (status == PSA_SUCCESS && has_data) status = UpdateStep(0x01, provided_data);
  if (status != PSA_SUCCESS) Uninstantiate();
  return status;
}

psa_status_t HmacDrbg::Instantiate(Bytes entropy_input, Bytes nonce,
                                   Bytes personalization) {
  Uninstantiate();
  if (entropy_input.size() < kSecurityStrengthBytes ||
      nonce.size() < kMinNonceLength || TooLong(entropy_input) ||
      TooLong(nonce) || TooLong(personalization)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  memset(key_, 0x00, sizeof(key_));
  memset(value_, 0x01, sizeof(value_));
  const psa_status_t status = Update({entropy_input, nonce, personalization});
  if (status != PSA_SUCCESS) return status;
  reseed_counter_ = 1;
  instantiated_ = true;
  return PSA_SUCCESS;
}

psa_status_t HmacDrbg::Reseed(Bytes entropy_input, Bytes additional_input) {
  if (!instantiated_) return PSA_ERROR_BAD_STATE;
  if (entropy_input.size() < kSecurityStrengthBytes ||
      TooLong(entropy_input) || TooLong(additional_input)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const psa_status_t status = Update({entropy_input, additional_input});
  if (status != PSA_SUCCESS) return status;
  reseed_counter_ = 1;
  return PSA_SUCCESS;
}

psa_status_t HmacDrbg::Generate(uint8_t* output, size_t output_length,
                                Bytes additional_input) {
  psa_status_t status = PSA_SUCCESS;
  if (!instantiated_) {
    status = PSA_ERROR_BAD_STATE;
  } else if (output_length > kMaxRequestLength || TooLong(additional_input)) {
    status = PSA_ERROR_INVALID_ARGUMENT;
  } else if (reseed_required()) {
    status = PSA_ERROR_INSUFFICIENT_ENTROPY;
  } else {
    status = GenerateUnchecked(output, output_length, additional_input);
    // A failed HMAC leaves K and V half-updated: never use them again.
    if (status != PSA_SUCCESS) Uninstantiate();
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(output, output_length);
    return status;
  }
  ++reseed_counter_;
  return PSA_SUCCESS;
}

psa_status_t HmacDrbg::GenerateUnchecked(uint8_t* output, size_t output_length,
                                         Bytes additional_input) {
  psa_status_t status = PSA_SUCCESS;
  if (!additional_input.empty()) status = Update({additional_input});
  size_t produced = 0;
  while (status == PSA_SUCCESS && produced < output_length) {
    status = AdvanceValue();
    if (status != PSA_SUCCESS) break;
    size_t chunk = output_length - produced;
    if (chunk > sizeof(value_)) chunk = sizeof(value_);
    memcpy(output + produced, value_, chunk);
    produced += chunk;
  }
  // The final update runs even with empty additional input: it is what makes
  // the returned bytes unrecoverable from the next state (backtracking
  // resistance).
  if (status == PSA_SUCCESS) status = Update({additional_input});
  return status;
}

void HmacDrbg::Uninstantiate() {
  SecureWipeObject(key_);
  SecureWipeObject(value_);
  reseed_counter_ = 0;
  instantiated_ = false;
}

}  // namespace psa::core
