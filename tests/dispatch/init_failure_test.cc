// Build: test_a (with init and get_entropy), builtin. Runs before anything
// else initialises the library: the test controls the first psa_crypto_init.

#include "tests/dispatch/dispatch_test_util.h"

namespace psa::testing {
namespace {

TEST(InitDispatch, DriverInitFailureFailsInitAndCanBeRetried) {
  test_driver_reset_hooks(&test_a_hooks);
  test_a_hooks.forced_init_status = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_EQ(psa_crypto_init(), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(test_a_hooks.hits.init, 1u);
  // Nothing works before a successful init.
  std::vector<uint8_t> digest;
  EXPECT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_ERROR_BAD_STATE);

  test_a_hooks.forced_init_status = PSA_SUCCESS;
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  EXPECT_EQ(test_a_hooks.hits.init, 2u);
  // The driver's entropy source took part in seeding the generator.
  EXPECT_GE(test_a_hooks.hits.get_entropy, 1u);

  // Init is idempotent: drivers are not initialised again.
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  EXPECT_EQ(test_a_hooks.hits.init, 2u);
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
}

TEST(InitDispatch, EntropySourceErrorsAreReported) {
  // The library is initialised by now: entropy errors surface through GetEntropy.
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  ASSERT_EQ(psa::dispatch::EntropySourceCount(), 1u);
  size_t bits = 0;
  uint8_t buffer[32];
  EXPECT_EQ(psa::dispatch::GetEntropy(0, 0, &bits, buffer, sizeof(buffer)), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(psa::dispatch::GetEntropy(1, 0, &bits, buffer, sizeof(buffer)), PSA_ERROR_INVALID_ARGUMENT);
  test_a_hooks.forced_status = PSA_SUCCESS;
}

}  // namespace
}  // namespace psa::testing
