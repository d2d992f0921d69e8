#include "psa/core/kdf/mac_prf.h"

#include <string.h>

#include "psa/core/dispatch.h"
#include "psa/core/wipe.h"

namespace psa::core::kdf {
namespace {

// Longest message of several pieces MacPrf::Compute joins: HKDF-Expand's
// T(n-1) || info || n and the TLS 1.2 PRF's A(i) || seed for short infos
// and seeds.
constexpr size_t kMaxJoinedLength = 256;

}  // namespace

MacPrf::~MacPrf() { SecureWipe(key_, sizeof(key_)); }

psa_status_t MacPrf::SetKey(psa_key_type_t type, psa_algorithm_t alg, const uint8_t* key, size_t key_length,
                            size_t mac_length) {
  if (key_length > sizeof(key_)) return PSA_ERROR_CORRUPTION_DETECTED;
  SecureWipe(key_, sizeof(key_));
  memcpy(key_, key, key_length);
  key_length_ = key_length;
  attributes_ = psa_key_attributes_init();
  psa_set_key_type(&attributes_, type);
  psa_set_key_bits(&attributes_, PSA_BYTES_TO_BITS(key_length));
  psa_set_key_usage_flags(&attributes_, PSA_KEY_USAGE_SIGN_MESSAGE);
  psa_set_key_algorithm(&attributes_, alg);
  alg_ = alg;
  length_ = mac_length;
  return PSA_SUCCESS;
}

psa_status_t MacPrf::InitHmac(psa_algorithm_t hash_alg, const uint8_t* key, size_t key_length) {
  const size_t hash_length = PSA_HASH_LENGTH(hash_alg);
  const size_t block_length = PSA_HASH_BLOCK_LENGTH(hash_alg);
  if (!PSA_ALG_IS_HASH(hash_alg) || hash_length == 0 || block_length == 0 || hash_length > kMaxPrfLength ||
      block_length > kMaxPrfKeyLength) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  const psa_algorithm_t alg = PSA_ALG_HMAC(hash_alg);
  if (key_length > block_length) {
    uint8_t hashed[PSA_HASH_MAX_SIZE];
    size_t hashed_length = 0;
    psa_status_t status = psa::dispatch::HashCompute(hash_alg, key, key_length, hashed, sizeof(hashed), &hashed_length);
    if (status == PSA_SUCCESS && hashed_length != hash_length) status = PSA_ERROR_CORRUPTION_DETECTED;
    if (status == PSA_SUCCESS) status = SetKey(PSA_KEY_TYPE_HMAC, alg, hashed, hashed_length, hash_length);
    SecureWipe(hashed, sizeof(hashed));
    return status;
  }
  static const uint8_t kZero = 0;
  if (key_length == 0) return SetKey(PSA_KEY_TYPE_HMAC, alg, &kZero, 1, hash_length);
  return SetKey(PSA_KEY_TYPE_HMAC, alg, key, key_length, hash_length);
}

psa_status_t MacPrf::InitCmac(psa_key_type_t key_type, const uint8_t* key, size_t key_length) {
  const size_t block_length = PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type);
  if (key_length == 0 || key_length > kMaxPrfKeyLength || block_length == 0 || block_length > kMaxPrfLength) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return SetKey(key_type, PSA_ALG_CMAC, key, key_length, block_length);
}

psa_status_t MacPrf::Compute(const Piece* pieces, size_t count, uint8_t* out) const {
  if (length_ == 0) return PSA_ERROR_BAD_STATE;
  size_t written = 0;
  psa_status_t status = PSA_SUCCESS;
  // A short message of several pieces is joined on the stack for one
  // single-part call: fewer driver calls than setup, updates and finish.
  uint8_t joined[kMaxJoinedLength];
  size_t joined_length = 0;
  bool join = count > 1;
  for (size_t i = 0; join && i < count; ++i) {
    if (pieces[i].length > sizeof(joined) - joined_length) {
      join = false;
    } else {
      if (pieces[i].length != 0) memcpy(joined + joined_length, pieces[i].data, pieces[i].length);
      joined_length += pieces[i].length;
    }
  }
  if (count == 1 || join) {
    const Piece message = join ? Piece{joined, joined_length} : pieces[0];
    status = psa::dispatch::MacCompute(&attributes_, key_, key_length_, alg_, message.data, message.length, out,
                                       length_, &written);
  } else {
    psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
    status = psa::dispatch::MacSignSetup(&operation, &attributes_, key_, key_length_, alg_);
    for (size_t i = 0; status == PSA_SUCCESS && i < count; ++i) {
      if (pieces[i].length != 0) status = psa::dispatch::MacUpdate(&operation, pieces[i].data, pieces[i].length);
    }
    if (status == PSA_SUCCESS) {
      status = psa::dispatch::MacSignFinish(&operation, out, length_, &written);
    } else {
      psa::dispatch::MacAbort(&operation);
    }
    SecureWipeObject(operation);
  }
  SecureWipe(joined, joined_length);
  if (status == PSA_SUCCESS && written != length_) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status != PSA_SUCCESS) SecureWipe(out, length_);
  return status;
}

}  // namespace psa::core::kdf
