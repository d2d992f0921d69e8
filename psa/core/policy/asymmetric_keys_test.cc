#include "psa/core/policy/asymmetric_keys.h"

#include "gtest/gtest.h"

namespace psa::core::policy {
namespace {

constexpr psa_key_type_t kP256Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kP256Public = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kBrainpoolPair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_BRAINPOOL_P_R1);
constexpr psa_key_type_t kSectPublic = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECT_K1);
constexpr psa_key_type_t kX25519Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY);
constexpr psa_key_type_t kEd25519Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS);
constexpr psa_key_type_t kEd25519Public = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_TWISTED_EDWARDS);
constexpr psa_key_type_t kRsaPair = PSA_KEY_TYPE_RSA_KEY_PAIR;
constexpr psa_key_type_t kRsaPublic = PSA_KEY_TYPE_RSA_PUBLIC_KEY;

TEST(CheckSignatureKey, EcdsaNeedsAWeierstrassKeyAndAPairToSign) {
  for (psa_algorithm_t alg :
       {PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_384), PSA_ALG_ECDSA_ANY}) {
    EXPECT_EQ(CheckSignatureKey(kP256Pair, alg, true), PSA_SUCCESS);
    EXPECT_EQ(CheckSignatureKey(kBrainpoolPair, alg, true), PSA_SUCCESS);
    EXPECT_EQ(CheckSignatureKey(kP256Pair, alg, false), PSA_SUCCESS);
    EXPECT_EQ(CheckSignatureKey(kP256Public, alg, false), PSA_SUCCESS);
    EXPECT_EQ(CheckSignatureKey(kSectPublic, alg, false), PSA_SUCCESS);
    EXPECT_EQ(CheckSignatureKey(kP256Public, alg, true), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(CheckSignatureKey(kX25519Pair, alg, true), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(CheckSignatureKey(kEd25519Pair, alg, true), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(CheckSignatureKey(kRsaPair, alg, true), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(CheckSignatureKey(PSA_KEY_TYPE_AES, alg, false), PSA_ERROR_INVALID_ARGUMENT);
  }
}

TEST(CheckSignatureKey, RsaSchemesNeedAnRsaKey) {
  for (psa_algorithm_t alg : {PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), PSA_ALG_RSA_PKCS1V15_SIGN_RAW,
                              PSA_ALG_RSA_PSS(PSA_ALG_SHA_1), PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_512)}) {
    EXPECT_EQ(CheckSignatureKey(kRsaPair, alg, true), PSA_SUCCESS);
    EXPECT_EQ(CheckSignatureKey(kRsaPair, alg, false), PSA_SUCCESS);
    EXPECT_EQ(CheckSignatureKey(kRsaPublic, alg, false), PSA_SUCCESS);
    EXPECT_EQ(CheckSignatureKey(kRsaPublic, alg, true), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(CheckSignatureKey(kP256Pair, alg, true), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(CheckSignatureKey(PSA_KEY_TYPE_HMAC, alg, true), PSA_ERROR_INVALID_ARGUMENT);
  }
}

TEST(CheckSignatureKey, EddsaNeedsAnEdwardsKey) {
  for (psa_algorithm_t alg : {PSA_ALG_PURE_EDDSA, PSA_ALG_ED25519PH, PSA_ALG_ED448PH}) {
    EXPECT_EQ(CheckSignatureKey(kEd25519Pair, alg, true), PSA_SUCCESS);
    EXPECT_EQ(CheckSignatureKey(kEd25519Public, alg, false), PSA_SUCCESS);
    EXPECT_EQ(CheckSignatureKey(kEd25519Public, alg, true), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(CheckSignatureKey(kP256Pair, alg, true), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(CheckSignatureKey(kX25519Pair, alg, true), PSA_ERROR_INVALID_ARGUMENT);
  }
}

TEST(CheckSignatureHashLength, HashAndSignTakesExactlyTheHashLength) {
  EXPECT_EQ(CheckSignatureHashLength(kP256Pair, 256, PSA_ALG_ECDSA(PSA_ALG_SHA_256), 32), PSA_SUCCESS);
  EXPECT_EQ(CheckSignatureHashLength(kP256Pair, 256, PSA_ALG_ECDSA(PSA_ALG_SHA_256), 31), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckSignatureHashLength(kP256Pair, 256, PSA_ALG_ECDSA(PSA_ALG_SHA_256), 33), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckSignatureHashLength(kRsaPair, 2048, PSA_ALG_RSA_PSS(PSA_ALG_SHA_512), 64), PSA_SUCCESS);
  EXPECT_EQ(CheckSignatureHashLength(kRsaPair, 2048, PSA_ALG_RSA_PSS(PSA_ALG_SHA_512), 32), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckSignatureHashLength(kRsaPair, 2048, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_1), 20), PSA_SUCCESS);
  EXPECT_EQ(CheckSignatureHashLength(kEd25519Pair, 255, PSA_ALG_ED25519PH, 64), PSA_SUCCESS);
  EXPECT_EQ(CheckSignatureHashLength(kEd25519Pair, 255, PSA_ALG_ED25519PH, 32), PSA_ERROR_INVALID_ARGUMENT);
}

TEST(CheckSignatureHashLength, EcdsaAnyTakesAnyLengthAndRawUpToTheModulusLess11) {
  for (size_t length : {0, 1, 32, 64, 1000}) {
    EXPECT_EQ(CheckSignatureHashLength(kP256Pair, 256, PSA_ALG_ECDSA_ANY, length), PSA_SUCCESS) << length;
  }
  EXPECT_EQ(CheckSignatureHashLength(kRsaPair, 1024, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, 0), PSA_SUCCESS);
  EXPECT_EQ(CheckSignatureHashLength(kRsaPair, 1024, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, 117), PSA_SUCCESS);
  EXPECT_EQ(CheckSignatureHashLength(kRsaPair, 1024, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, 118), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckSignatureHashLength(kRsaPublic, 2048, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, 245), PSA_SUCCESS);
  EXPECT_EQ(CheckSignatureHashLength(kRsaPublic, 2048, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, 246), PSA_ERROR_INVALID_ARGUMENT);
}

TEST(CheckSignatureHashLength, PureEddsaIsNoSignHashAlgorithm) {
  EXPECT_EQ(CheckSignatureHashLength(kEd25519Pair, 255, PSA_ALG_PURE_EDDSA, 64), PSA_ERROR_INVALID_ARGUMENT);
}

TEST(CheckAsymmetricEncryptionKey, RsaOnlyAndAPairToDecrypt) {
  for (psa_algorithm_t alg : {PSA_ALG_RSA_PKCS1V15_CRYPT, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256)}) {
    EXPECT_EQ(CheckAsymmetricEncryptionKey(kRsaPublic, alg, false, 0), PSA_SUCCESS);
    EXPECT_EQ(CheckAsymmetricEncryptionKey(kRsaPair, alg, false, 0), PSA_SUCCESS);
    EXPECT_EQ(CheckAsymmetricEncryptionKey(kRsaPair, alg, true, 0), PSA_SUCCESS);
    EXPECT_EQ(CheckAsymmetricEncryptionKey(kRsaPublic, alg, true, 0), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(CheckAsymmetricEncryptionKey(kP256Pair, alg, true, 0), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(CheckAsymmetricEncryptionKey(PSA_KEY_TYPE_AES, alg, false, 0), PSA_ERROR_INVALID_ARGUMENT);
  }
}

TEST(CheckAsymmetricEncryptionKey, SaltOnlyForOaep) {
  EXPECT_EQ(CheckAsymmetricEncryptionKey(kRsaPair, PSA_ALG_RSA_PKCS1V15_CRYPT, false, 1), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckAsymmetricEncryptionKey(kRsaPair, PSA_ALG_RSA_PKCS1V15_CRYPT, true, 1), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckAsymmetricEncryptionKey(kRsaPair, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_1), true, 100), PSA_SUCCESS);
}

TEST(CheckAsymmetricEncryptInputLength, MessageFitsThePadding) {
  EXPECT_EQ(CheckAsymmetricEncryptInputLength(1024, PSA_ALG_RSA_PKCS1V15_CRYPT, 117), PSA_SUCCESS);
  EXPECT_EQ(CheckAsymmetricEncryptInputLength(1024, PSA_ALG_RSA_PKCS1V15_CRYPT, 118), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckAsymmetricEncryptInputLength(2048, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), 190), PSA_SUCCESS);
  EXPECT_EQ(CheckAsymmetricEncryptInputLength(2048, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), 191),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckAsymmetricEncryptInputLength(1024, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_512), 0), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckAsymmetricEncryptInputLength(1040, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_512), 0), PSA_SUCCESS);
}

TEST(CheckAsymmetricDecryptInputLength, CiphertextIsTheModulusSize) {
  EXPECT_EQ(CheckAsymmetricDecryptInputLength(2048, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_1), 256), PSA_SUCCESS);
  EXPECT_EQ(CheckAsymmetricDecryptInputLength(2048, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_1), 255), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckAsymmetricDecryptInputLength(2048, PSA_ALG_RSA_PKCS1V15_CRYPT, 257), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckAsymmetricDecryptInputLength(1024, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_512), 128),
            PSA_ERROR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace psa::core::policy
