// Build: test_b with hash_multipart only, for PSA_ALG_ANY_HASH; builtin.

#include "tests/dispatch/dispatch_test_util.h"

namespace psa::testing {
namespace {

using WildcardDispatch = DispatchTest;

TEST_F(WildcardDispatch, AnyHashMatchesEveryHashAlgorithm) {
  const psa_algorithm_t algs[] = {PSA_ALG_MD5,     PSA_ALG_RIPEMD160, PSA_ALG_SHA_1,  PSA_ALG_SHA_224,
                                  PSA_ALG_SHA_256, PSA_ALG_SHA_384,   PSA_ALG_SHA_512};
  unsigned long setups = 0;
  for (psa_algorithm_t alg : algs) {
    std::vector<uint8_t> digest;
    ASSERT_EQ(HashAbcByParts(alg, &digest), PSA_SUCCESS) << alg;
    EXPECT_EQ(ServedBy(), "test_b_any_hash") << alg;
    EXPECT_EQ(test_b_hooks.hits.hash_setup, ++setups);
    EXPECT_EQ(digest.size(), PSA_HASH_LENGTH(alg));
  }
}

TEST_F(WildcardDispatch, SinglePartRunsThroughTheMultipartEntryPoints) {
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), "test_b_any_hash");
  EXPECT_EQ(test_b_hooks.hits.hash_compute, 0u);
  EXPECT_EQ(test_b_hooks.hits.hash_setup, 1u);
  EXPECT_EQ(test_b_hooks.hits.hash_update, 1u);
  EXPECT_EQ(test_b_hooks.hits.hash_finish, 1u);
  EXPECT_EQ(psa_hash_compare(PSA_ALG_SHA_256, kAbc, sizeof(kAbc), kSha256Abc.data(), kSha256Abc.size()),
            PSA_SUCCESS);
}

TEST_F(WildcardDispatch, DecliningDriverFallsBackToBuiltin) {
  test_b_hooks.unsupported_alg = PSA_ALG_SHA_256;
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), "builtin");
}

TEST_F(WildcardDispatch, WildcardDoesNotMatchNonHashAlgorithms) {
  // Not a hash at all: the core rejects it before dispatch.
  std::vector<uint8_t> digest;
  EXPECT_EQ(HashAbc(PSA_ALG_HMAC(PSA_ALG_SHA_256), &digest), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(test_b_hooks.hits.hash_setup, 0u);
}

}  // namespace
}  // namespace psa::testing
