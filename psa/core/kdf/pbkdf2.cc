#include "psa/core/kdf/pbkdf2.h"

#include <string.h>

#include "psa/core/wipe.h"

namespace psa::core::kdf {

psa_status_t AesCmacPrf128Key(const uint8_t* key, size_t key_length, uint8_t out[16]) {
  if (key_length == 16) {
    memcpy(out, key, 16);
    return PSA_SUCCESS;
  }
  static const uint8_t kZeroKey[16] = {0};
  MacPrf prf;
  psa_status_t status = prf.InitCmac(PSA_KEY_TYPE_AES, kZeroKey, sizeof(kZeroKey));
  if (status != PSA_SUCCESS) return status;
  const Piece message{key, key_length};
  return prf.Compute(&message, 1, out);
}

psa_status_t Pbkdf2::Init(const uint8_t* password, size_t password_length, const uint8_t* salt, size_t salt_length,
                          uint64_t cost) {
  if (cost == 0 || cost > kPbkdf2MaxCost) return PSA_ERROR_INVALID_ARGUMENT;
  psa_status_t status = PSA_SUCCESS;
  size_t prf_length = 0;
  if (prf_alg_ == PSA_ALG_CMAC) {
    uint8_t key[16];
    status = AesCmacPrf128Key(password, password_length, key);
    if (status == PSA_SUCCESS) status = cmac_.InitCmac(PSA_KEY_TYPE_AES, key, sizeof(key));
    SecureWipe(key, sizeof(key));
    prf_length = cmac_.length();
  } else if (PSA_ALG_IS_HMAC(prf_alg_)) {
    // HMAC pads a key shorter than a block with zeros, the empty one too.
    status = hmac_.Setup(PSA_ALG_GET_HASH(prf_alg_), password, password_length);
    // The hash of an HMAC algorithm, or a build without it.
    if (status == PSA_ERROR_INVALID_ARGUMENT) status = PSA_ERROR_NOT_SUPPORTED;
    prf_length = hmac_.mac_length();
  } else {
    status = PSA_ERROR_NOT_SUPPORTED;
  }
  if (status != PSA_SUCCESS) return status;
  if (prf_length != block_length()) return PSA_ERROR_CORRUPTION_DETECTED;
  if (!salt_.Assign(salt, salt_length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  cost_ = cost;
  return PSA_SUCCESS;
}

psa_status_t Pbkdf2::Prf(const Piece* pieces, size_t count, uint8_t* out) const {
  if (prf_alg_ == PSA_ALG_CMAC) return cmac_.Compute(pieces, count, out);
  Hmac hmac;
  psa_status_t status = hmac_.Start(&hmac);
  for (size_t i = 0; status == PSA_SUCCESS && i < count; ++i) status = hmac.Update(pieces[i].data, pieces[i].length);
  size_t written = 0;
  if (status == PSA_SUCCESS) status = hmac.Finish(out, block_length(), &written);
  if (status == PSA_SUCCESS && written != block_length()) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status != PSA_SUCCESS) SecureWipe(out, block_length());
  return status;
}

psa_status_t Pbkdf2::NextBlock(uint8_t* block) {
  if (cost_ == 0) return PSA_ERROR_BAD_STATE;
  if (counter_ == 0xffffffffu) return PSA_ERROR_INSUFFICIENT_DATA;
  const uint32_t index = counter_ + 1;
  uint8_t encoded_index[4];
  StoreBigEndian32(index, encoded_index);
  // U_j and U_{j-1} alternate between two buffers (no MAC in place).
  uint8_t u[2][kMaxPrfLength];
  const Piece first[] = {{salt_.data(), salt_.size()}, {encoded_index, sizeof(encoded_index)}};
  psa_status_t status = Prf(first, 2, u[0]);
  if (status == PSA_SUCCESS) memcpy(block, u[0], block_length());
  for (uint64_t j = 1; status == PSA_SUCCESS && j < cost_; ++j) {
    const Piece previous{u[(j - 1) & 1], block_length()};
    uint8_t* current = u[j & 1];
    status = Prf(&previous, 1, current);
    for (size_t k = 0; status == PSA_SUCCESS && k < block_length(); ++k) block[k] ^= current[k];
  }
  SecureWipe(u, sizeof(u));
  if (status != PSA_SUCCESS) return status;
  counter_ = index;
  return PSA_SUCCESS;
}

}  // namespace psa::core::kdf
