#include "psa/core/policy/operation_keys.h"

#include "psa/core/policy/algorithms.h"

namespace psa::core::policy {
namespace {

bool IsBlockCipher(psa_key_type_t type) { return PSA_BLOCK_CIPHER_BLOCK_LENGTH(type) >= 8; }
bool Is16ByteBlockCipher(psa_key_type_t type) { return PSA_BLOCK_CIPHER_BLOCK_LENGTH(type) == 16; }

}  // namespace

psa_status_t CheckMacKey(psa_key_type_t type, size_t bits, psa_algorithm_t alg, size_t* mac_length) {
  *mac_length = 0;
  const psa_algorithm_t full = PSA_ALG_FULL_LENGTH_MAC(alg);
  if (PSA_ALG_IS_HMAC(full)) {
    if (type != PSA_KEY_TYPE_HMAC) return PSA_ERROR_INVALID_ARGUMENT;
  } else if (PSA_ALG_IS_BLOCK_CIPHER_MAC(full)) {
    if (!IsBlockCipher(type)) return PSA_ERROR_INVALID_ARGUMENT;
  } else {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const size_t full_length = FullMacLength(full, type);
  const size_t length = PSA_MAC_LENGTH(type, bits, alg);
  if (full_length == 0 || length == 0 || length > full_length) return PSA_ERROR_INVALID_ARGUMENT;
  *mac_length = length;
  return PSA_SUCCESS;
}

psa_status_t CheckCipherKey(psa_key_type_t type, psa_algorithm_t alg) {
  if (alg == PSA_ALG_STREAM_CIPHER) {
    const bool stream = type == PSA_KEY_TYPE_CHACHA20 || type == PSA_KEY_TYPE_XCHACHA20 || type == PSA_KEY_TYPE_ARC4;
    return stream ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  }
  if (alg == PSA_ALG_CCM_STAR_NO_TAG || alg == PSA_ALG_XTS) {
    return Is16ByteBlockCipher(type) ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  }
  return IsBlockCipher(type) ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

psa_status_t CheckAeadKey(psa_key_type_t type, size_t bits, psa_algorithm_t alg, size_t* tag_length) {
  *tag_length = 0;
  const psa_algorithm_t base = PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg);
  bool suits = false;
  if (base == PSA_ALG_GCM || base == PSA_ALG_CCM) {
    suits = Is16ByteBlockCipher(type);
  } else if (base == PSA_ALG_CHACHA20_POLY1305) {
    suits = type == PSA_KEY_TYPE_CHACHA20;
  } else if (base == PSA_ALG_XCHACHA20_POLY1305) {
    suits = type == PSA_KEY_TYPE_XCHACHA20;
  }
  if (!suits) return PSA_ERROR_INVALID_ARGUMENT;
  *tag_length = PSA_AEAD_TAG_LENGTH(type, bits, alg);
  return *tag_length == 0 ? PSA_ERROR_INVALID_ARGUMENT : PSA_SUCCESS;
}

psa_status_t CheckAeadNonceLength(psa_algorithm_t alg, size_t nonce_length) {
  const psa_algorithm_t base = PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg);
  bool valid = false;
  if (base == PSA_ALG_GCM) {
    valid = nonce_length >= 1;
  } else if (base == PSA_ALG_CCM) {
    valid = nonce_length >= 7 && nonce_length <= 13;
  } else if (base == PSA_ALG_CHACHA20_POLY1305) {
    valid = nonce_length == 12 || nonce_length == 8;
  } else if (base == PSA_ALG_XCHACHA20_POLY1305) {
    valid = nonce_length == 24;
  } else {
    valid = nonce_length >= 1;  // another AEAD: its driver decides
  }
  return valid ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

}  // namespace psa::core::policy
