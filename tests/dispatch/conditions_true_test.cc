// Build: test_a whose h_condition and c_conditions hold because its
// psa_driver target defines the macros they test; builtin. The counterpart
// of conditions_test.cc: conditions are evaluated, not dropped.

#include "tests/dispatch/dispatch_test_util.h"

namespace psa::testing {
namespace {

TEST(TrueConditions, InitDeclaredUnderAHoldingConditionIsCalled) {
  test_driver_reset_hooks(&test_a_hooks);
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  EXPECT_EQ(test_a_hooks.hits.init, 1u);
}

using TrueConditionDispatch = DispatchTest;

TEST_F(TrueConditionDispatch, CapabilityUnderAHoldingConditionServes) {
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), "test_a_conditions_true");
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 1u);
  ASSERT_EQ(HashAbcByParts(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), "test_a_conditions_true");
  EXPECT_EQ(test_a_hooks.hits.hash_setup, 1u);
}

TEST_F(TrueConditionDispatch, OtherAlgorithmsStillGoToBuiltin) {
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_512, &digest), PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 0u);
}

TEST_F(TrueConditionDispatch, DispatchTableListsTheCapability) {
  std::string table = psa::dispatch::DispatchTable();
  EXPECT_NE(table.find("test_a_conditions_true"), std::string::npos) << table;
}

}  // namespace
}  // namespace psa::testing
