// Build: test_a whose hash_compute is renamed by "names"; builtin.

#include "tests/dispatch/dispatch_test_util.h"

namespace psa::testing {
namespace {

using NamesDispatch = DispatchTest;

TEST_F(NamesDispatch, CallsTheFunctionNamedInTheDescription) {
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), "test_a_names");
  EXPECT_EQ(test_a_hooks.hits.named_hash_compute, 1u);
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 0u);
}

TEST_F(NamesDispatch, MultipartIsNotDeclaredSoBuiltinServesIt) {
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbcByParts(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.hash_setup, 0u);
}

}  // namespace
}  // namespace psa::testing
