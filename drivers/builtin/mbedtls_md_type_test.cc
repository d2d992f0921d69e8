#include "drivers/builtin/mbedtls_md_type.h"

#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace drivers::builtin {
namespace {

TEST(MbedtlsMdTypeOfHash, MapsEveryBuiltinHashToADigestOfItsLength) {
  const psa_algorithm_t hashes[] = {
      PSA_ALG_MD5,     PSA_ALG_RIPEMD160, PSA_ALG_SHA_1,  PSA_ALG_SHA_224,
      PSA_ALG_SHA_256, PSA_ALG_SHA_384,   PSA_ALG_SHA_512};
  for (psa_algorithm_t hash : hashes) {
    const mbedtls_md_type_t type = MbedtlsMdTypeOfHash(hash);
    ASSERT_NE(type, MBEDTLS_MD_NONE) << hash;
    EXPECT_EQ(mbedtls_md_get_size(mbedtls_md_info_from_type(type)),
              PSA_HASH_LENGTH(hash))
        << hash;
  }
}

TEST(MbedtlsMdTypeOfHash, OtherValuesHaveNoDigest) {
  const psa_algorithm_t others[] = {
      PSA_ALG_NONE,         PSA_ALG_ANY_HASH,
      PSA_ALG_MD2,          PSA_ALG_MD4,
      PSA_ALG_SHA_512_224,  PSA_ALG_SHA_512_256,
      PSA_ALG_SHA3_256,     PSA_ALG_SM3,
      PSA_ALG_SHAKE256_512, PSA_ALG_HMAC(PSA_ALG_SHA_256)};
  for (psa_algorithm_t alg : others) {
    EXPECT_EQ(MbedtlsMdTypeOfHash(alg), MBEDTLS_MD_NONE) << alg;
  }
}

}  // namespace
}  // namespace drivers::builtin
