#include "psa/core/kdf/tls12_prf.h"

#include <string.h>

#include "psa/core/wipe.h"

namespace psa::core::kdf {

Tls12Prf::~Tls12Prf() { SecureWipe(a_, sizeof(a_)); }

psa_status_t Tls12Prf::Init(const uint8_t* secret, size_t secret_length, const uint8_t* label, size_t label_length,
                            const uint8_t* seed, size_t seed_length) {
  psa_status_t status = prf_.InitHmac(hash_alg_, secret, secret_length);
  if (status != PSA_SUCCESS) return status;
  if (prf_.length() != block_length()) return PSA_ERROR_CORRUPTION_DETECTED;
  if (label_length > SIZE_MAX - seed_length) return PSA_ERROR_INSUFFICIENT_MEMORY;
  if (!label_and_seed_.Allocate(label_length + seed_length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  if (label_length != 0) memcpy(label_and_seed_.data(), label, label_length);
  if (seed_length != 0) memcpy(label_and_seed_.data() + label_length, seed, seed_length);
  return PSA_SUCCESS;
}

psa_status_t Tls12Prf::NextBlock(uint8_t* block) {
  // A(i) from A(i-1); A(0) is label || seed.
  const Piece previous = started_ ? Piece{a_, block_length()} : Piece{label_and_seed_.data(), label_and_seed_.size()};
  uint8_t next_a[kMaxPrfLength];
  psa_status_t status = prf_.Compute(&previous, 1, next_a);
  if (status == PSA_SUCCESS) {
    memcpy(a_, next_a, block_length());
    started_ = true;
    const Piece message[] = {{a_, block_length()}, {label_and_seed_.data(), label_and_seed_.size()}};
    status = prf_.Compute(message, 2, block);
  }
  SecureWipe(next_a, sizeof(next_a));
  return status;
}

psa_status_t Tls12PskPremasterSecret(const uint8_t* other_secret, size_t other_secret_length, const uint8_t* psk,
                                     size_t psk_length, SecureBuffer* premaster) {
  if (other_secret == nullptr) other_secret_length = psk_length;
  if (other_secret_length > 0xffff || psk_length > 0xffff) return PSA_ERROR_INVALID_ARGUMENT;
  if (!premaster->Allocate(4 + other_secret_length + psk_length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  uint8_t* p = premaster->data();
  *p++ = static_cast<uint8_t>(other_secret_length >> 8);
  *p++ = static_cast<uint8_t>(other_secret_length);
  // Allocate() zeroed the buffer: the plain PSK case leaves the zeros.
  if (other_secret != nullptr && other_secret_length != 0) memcpy(p, other_secret, other_secret_length);
  p += other_secret_length;
  *p++ = static_cast<uint8_t>(psk_length >> 8);
  *p++ = static_cast<uint8_t>(psk_length);
  if (psk_length != 0) memcpy(p, psk, psk_length);
  return PSA_SUCCESS;
}

}  // namespace psa::core::kdf
