#include "psa/core/kdf/hkdf.h"

#include <string.h>

#include <utility>

#include "psa/core/wipe.h"

namespace psa::core::kdf {

psa_status_t HkdfExtract(psa_algorithm_t hash_alg, const uint8_t* salt, size_t salt_length, const uint8_t* ikm,
                         size_t ikm_length, uint8_t* prk, size_t prk_size, size_t* prk_length) {
  *prk_length = 0;
  MacPrf prf;
  // HMAC pads its key with zeros: the empty salt is the salt of HashLen zeros.
  psa_status_t status = prf.InitHmac(hash_alg, salt, salt_length);
  if (status != PSA_SUCCESS) return status;
  if (prk_size < prf.length()) return PSA_ERROR_BUFFER_TOO_SMALL;
  const Piece message{ikm, ikm_length};
  status = prf.Compute(&message, 1, prk);
  if (status == PSA_SUCCESS) *prk_length = prf.length();
  return status;
}

HkdfExpand::~HkdfExpand() { SecureWipe(previous_, sizeof(previous_)); }

psa_status_t HkdfExpand::Init(const uint8_t* prk, size_t prk_length, const uint8_t* info, size_t info_length) {
  SecureBuffer copy;
  if (!copy.Assign(info, info_length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  return Init(prk, prk_length, std::move(copy));
}

psa_status_t HkdfExpand::Init(const uint8_t* prk, size_t prk_length, SecureBuffer info) {
  psa_status_t status = prf_.InitHmac(hash_alg_, prk, prk_length);
  if (status != PSA_SUCCESS) return status;
  if (prf_.length() != block_length()) return PSA_ERROR_CORRUPTION_DETECTED;
  info_ = std::move(info);
  return PSA_SUCCESS;
}

psa_status_t HkdfExpand::NextBlock(uint8_t* block) {
  if (counter_ == 255) return PSA_ERROR_INSUFFICIENT_DATA;
  const uint8_t next = static_cast<uint8_t>(counter_ + 1);
  const Piece message[] = {
      {previous_, counter_ == 0 ? 0 : block_length()},
      {info_.data(), info_.size()},
      {&next, 1},
  };
  const psa_status_t status = prf_.Compute(message, 3, block);
  if (status != PSA_SUCCESS) return status;
  memcpy(previous_, block, block_length());
  counter_ = next;
  return PSA_SUCCESS;
}

}  // namespace psa::core::kdf
