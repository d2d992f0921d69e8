// A build with the rdseed driver: it is an entropy source of the dispatch,
// psa_crypto_init succeeds whether or not the CPU has RDSEED (without it the
// source answers NOT_SUPPORTED and is left out), and a stuck RDSEED makes
// seeding fail instead of silently using less entropy.

#include <vector>

#include "drivers/rdseed/rdseed_testing.h"
#include "gtest/gtest.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"

namespace {

TEST(RdseedLibrary, IsAnEntropySourceAndTheLibraryWorks) {
  ASSERT_EQ(psa::dispatch::EntropySourceCount(), 1u);
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  std::vector<uint8_t> output(32, 0);
  ASSERT_EQ(psa_generate_random(output.data(), output.size()), PSA_SUCCESS);
  EXPECT_NE(output, std::vector<uint8_t>(32, 0));
}

bool Stuck(uint64_t* value) {
  *value = 0;
  return true;
}

TEST(RdseedLibrary, AStuckSourceIsAnErrorOfTheEntropyCollection) {
  rdseed::TestHooks hooks;
  hooks.rdseed = &Stuck;
  hooks.cpu_has_rdseed = 1;
  rdseed::SetTestHooks(hooks);
  uint8_t output[64];
  size_t estimate = 0;
  EXPECT_EQ(psa::dispatch::GetEntropy(0, 0, &estimate, output, sizeof(output)), PSA_ERROR_HARDWARE_FAILURE);
  rdseed::SetTestHooks(rdseed::TestHooks());
}

}  // namespace
