// Built twice: with test_a_c_condition (a capability whose c_condition is
// false) and with test_a_h_condition (a driver whose h_condition is false and
// whose header does not exist: that the test compiles at all shows the header
// stayed out). In both, test_a must vanish from dispatch.

#include "tests/dispatch/dispatch_test_util.h"

namespace psa::testing {
namespace {

using ConditionDispatch = DispatchTest;

TEST_F(ConditionDispatch, FalseConditionRemovesTheCapability) {
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), "builtin");
  ASSERT_EQ(HashAbcByParts(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 0u);
  EXPECT_EQ(test_a_hooks.hits.hash_setup, 0u);
}

TEST_F(ConditionDispatch, DispatchTableOmitsTheRemovedCapability) {
  std::string table = psa::dispatch::DispatchTable();
  EXPECT_EQ(table.find("test_a"), std::string::npos) << table;
  EXPECT_NE(table.find("builtin"), std::string::npos) << table;
}

}  // namespace
}  // namespace psa::testing
