#include "psa/core/policy/asymmetric_keys.h"

namespace psa::core::policy {
namespace {

// The families ECDSA is defined on: the short Weierstrass curves.
bool IsWeierstrassFamily(psa_ecc_family_t family) {
  return family == PSA_ECC_FAMILY_SECP_K1 || family == PSA_ECC_FAMILY_SECP_R1 || family == PSA_ECC_FAMILY_SECP_R2 ||
         family == PSA_ECC_FAMILY_SECT_K1 || family == PSA_ECC_FAMILY_SECT_R1 || family == PSA_ECC_FAMILY_SECT_R2 ||
         family == PSA_ECC_FAMILY_BRAINPOOL_P_R1 || family == PSA_ECC_FAMILY_FRP;
}

// Bytes of padding around the message: 11 for PKCS#1 v1.5, 2 * hLen + 2 for
// OAEP (0 for an OAEP hash of unknown length, which the driver refuses).
size_t PaddingOverhead(psa_algorithm_t alg) {
  if (alg == PSA_ALG_RSA_PKCS1V15_CRYPT) return 11;
  return 2 * PSA_HASH_LENGTH(PSA_ALG_GET_HASH(alg)) + 2;
}

bool IsEdDsa(psa_algorithm_t alg) { return alg == PSA_ALG_PURE_EDDSA || PSA_ALG_IS_HASH_EDDSA(alg); }

}  // namespace

psa_status_t CheckSignatureKey(psa_key_type_t type, psa_algorithm_t alg, bool sign) {
  bool suits = false;
  if (PSA_ALG_IS_ECDSA(alg)) {
    suits = PSA_KEY_TYPE_IS_ECC(type) && IsWeierstrassFamily(PSA_KEY_TYPE_ECC_GET_FAMILY(type));
  } else if (IsEdDsa(alg)) {
    suits = PSA_KEY_TYPE_IS_ECC(type) && PSA_KEY_TYPE_ECC_GET_FAMILY(type) == PSA_ECC_FAMILY_TWISTED_EDWARDS;
  } else if (PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) || PSA_ALG_IS_RSA_PSS(alg)) {
    suits = PSA_KEY_TYPE_IS_RSA(type);
  } else {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  if (!suits) return PSA_ERROR_INVALID_ARGUMENT;
  if (sign && !PSA_KEY_TYPE_IS_KEY_PAIR(type)) return PSA_ERROR_INVALID_ARGUMENT;
  return PSA_SUCCESS;
}

psa_status_t CheckSignatureHashLength(psa_key_type_t type, size_t bits, psa_algorithm_t alg, size_t hash_length) {
  if (alg == PSA_ALG_ECDSA_ANY) return PSA_SUCCESS;
  if (alg == PSA_ALG_RSA_PKCS1V15_SIGN_RAW) {
    // T and at least 8 bytes of 0xFF padding between 0x00 0x01 and 0x00.
    const size_t k = PSA_BITS_TO_BYTES(bits);
    return PSA_KEY_TYPE_IS_RSA(type) && hash_length + 11 <= k ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  }
  if (!PSA_ALG_IS_HASH_AND_SIGN(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t expected = PSA_HASH_LENGTH(PSA_ALG_GET_HASH(alg));
  if (expected == 0) return PSA_ERROR_NOT_SUPPORTED;
  return hash_length == expected ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

psa_status_t CheckAsymmetricEncryptionKey(psa_key_type_t type, psa_algorithm_t alg, bool decrypt, size_t salt_length) {
  if (alg != PSA_ALG_RSA_PKCS1V15_CRYPT && !PSA_ALG_IS_RSA_OAEP(alg)) return PSA_ERROR_NOT_SUPPORTED;
  if (!PSA_KEY_TYPE_IS_RSA(type)) return PSA_ERROR_INVALID_ARGUMENT;
  if (decrypt && !PSA_KEY_TYPE_IS_KEY_PAIR(type)) return PSA_ERROR_INVALID_ARGUMENT;
  if (alg == PSA_ALG_RSA_PKCS1V15_CRYPT && salt_length != 0) return PSA_ERROR_INVALID_ARGUMENT;
  return PSA_SUCCESS;
}

psa_status_t CheckAsymmetricEncryptInputLength(size_t bits, psa_algorithm_t alg, size_t input_length) {
  const size_t k = PSA_BITS_TO_BYTES(bits);
  const size_t overhead = PaddingOverhead(alg);
  return k >= overhead && input_length <= k - overhead ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

psa_status_t CheckAsymmetricDecryptInputLength(size_t bits, psa_algorithm_t alg, size_t input_length) {
  const size_t k = PSA_BITS_TO_BYTES(bits);
  return k >= PaddingOverhead(alg) && input_length == k ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

}  // namespace psa::core::policy
