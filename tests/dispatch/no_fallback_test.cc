// Build: test_a without "fallback", builtin.

#include "tests/dispatch/dispatch_test_util.h"

namespace psa::testing {
namespace {

using NoFallbackDispatch = DispatchTest;

TEST_F(NoFallbackDispatch, DriverServesWhatItDeclares) {
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), "test_a_no_fallback");
}

TEST_F(NoFallbackDispatch, NotSupportedReachesTheCallerAndBuiltinIsNotCalled) {
  test_a_hooks.unsupported_alg = PSA_ALG_SHA_256;
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_MD5, &digest), PSA_SUCCESS);  // builtin serves MD5
  ASSERT_EQ(ServedBy(), "builtin");
  // Builtin could compute SHA-256, but test_a's capability has no fallback.
  EXPECT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(HashAbcByParts(PSA_ALG_SHA_256, &digest), PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 1u);
  EXPECT_EQ(test_a_hooks.hits.hash_setup, 1u);
}

TEST_F(NoFallbackDispatch, DriverErrorReachesTheCaller) {
  test_a_hooks.forced_status = PSA_ERROR_COMMUNICATION_FAILURE;
  std::vector<uint8_t> digest;
  EXPECT_EQ(HashAbc(PSA_ALG_SHA_384, &digest), PSA_ERROR_COMMUNICATION_FAILURE);
  EXPECT_EQ(HashAbcByParts(PSA_ALG_SHA_384, &digest), PSA_ERROR_COMMUNICATION_FAILURE);
}

}  // namespace
}  // namespace psa::testing
