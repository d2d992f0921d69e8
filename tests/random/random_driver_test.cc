// psa_generate_random and key generation served by a random generation
// driver: the core initializes its context, feeds the initial entropy
// before the first output, reseeds when the driver asks (short output or
// PSA_ERROR_INSUFFICIENT_ENTROPY) and after fork(), falls back to its own
// generator on NOT_SUPPORTED from a fallback capability.

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"
#include "tests/random/test_rng_driver.h"

namespace {

using Bytes = std::vector<uint8_t>;

std::string LastDriver() {
  const char* name = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  return name == nullptr ? "" : name;
}

class RandomDriverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    test_rng_reset_hooks();
  }
};

TEST_F(RandomDriverTest, TheBuildHasOneRandomDriverWithItsDescribedSizes) {
  ASSERT_EQ(psa::dispatch::RandomDriverCount(), 1u);
  const psa::dispatch::RandomDriverInfo* info = psa::dispatch::GetRandomDriverInfo(0);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->context_size, sizeof(test_rng_random_context_t));
  EXPECT_EQ(info->initial_entropy_size, 48u);
  EXPECT_EQ(info->reseed_entropy_size, 40u);
  EXPECT_TRUE(info->has_add_entropy);
  EXPECT_TRUE(info->fallback);
  EXPECT_EQ(psa::dispatch::GetRandomDriverInfo(1), nullptr);
}

// Runs first in the binary's order: the driver's context is created here.
TEST_F(RandomDriverTest, AGenerateRandomIsServedByTheDriver) {
  Bytes output(32, 0);
  ASSERT_EQ(psa_generate_random(output.data(), output.size()), PSA_SUCCESS);
  EXPECT_EQ(LastDriver(), "test_rng");
  EXPECT_GE(test_rng_hooks.get_random_calls, 1);
  EXPECT_EQ(test_rng_hooks.violations, 0);
  EXPECT_NE(output, Bytes(32, 0));
}

TEST_F(RandomDriverTest, ShortOutputMakesTheCoreSupplyAtLeastTheReseedSize) {
  test_rng_hooks.budget = 100;
  Bytes output(1000, 0);
  ASSERT_EQ(psa_generate_random(output.data(), output.size()), PSA_SUCCESS);
  EXPECT_EQ(test_rng_hooks.violations, 0);
  // 1000 bytes in slices of at most 100: at least 9 reseeds of >= 40 bytes.
  EXPECT_GE(test_rng_hooks.get_random_calls, 10);
  EXPECT_GE(test_rng_hooks.entropy_bytes, 9u * 40u);
  // Every slice was written (no 16-byte run of zeros where a slice begins).
  for (size_t at = 0; at < output.size(); at += 100) {
    EXPECT_NE(Bytes(output.begin() + at, output.begin() + at + 16), Bytes(16, 0)) << at;
  }
}

TEST_F(RandomDriverTest, KeyGenerationUsesTheDriver) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
  psa_set_key_bits(&attributes, 128);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_ENCRYPT);
  psa_set_key_algorithm(&attributes, PSA_ALG_CTR);
  psa_key_id_t key = 0;
  ASSERT_EQ(psa_generate_key(&attributes, &key), PSA_SUCCESS);
  EXPECT_GE(test_rng_hooks.get_random_calls, 1);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(RandomDriverTest, NotSupportedFromTheFallbackDriverUsesTheCoreGenerator) {
  test_rng_hooks.forced_status = PSA_ERROR_NOT_SUPPORTED;
  Bytes output(64, 0);
  ASSERT_EQ(psa_generate_random(output.data(), output.size()), PSA_SUCCESS);
  EXPECT_EQ(test_rng_hooks.get_random_calls, 1);
  EXPECT_NE(output, Bytes(64, 0));
}

TEST_F(RandomDriverTest, DriverFailureIsReturnedAndTheOutputWiped) {
  test_rng_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  Bytes output(64, 0xee);
  EXPECT_EQ(psa_generate_random(output.data(), output.size()), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(output, Bytes(64, 0));
  // The context is started afresh: init and the initial entropy again.
  test_rng_hooks.forced_status = PSA_SUCCESS;
  const int inits = test_rng_hooks.init_calls;
  ASSERT_EQ(psa_generate_random(output.data(), output.size()), PSA_SUCCESS);
  EXPECT_EQ(test_rng_hooks.init_calls, inits + 1);
  EXPECT_GE(test_rng_hooks.entropy_bytes, 48u);
  EXPECT_EQ(test_rng_hooks.violations, 0);
}

TEST_F(RandomDriverTest, ADriverThatNeverDeliversIsAnErrorNotALoop) {
  test_rng_hooks.forced_status = PSA_ERROR_INSUFFICIENT_ENTROPY;
  Bytes output(16, 0xee);
  EXPECT_EQ(psa_generate_random(output.data(), output.size()), PSA_ERROR_INSUFFICIENT_ENTROPY);
  EXPECT_EQ(output, Bytes(16, 0));
  EXPECT_LE(test_rng_hooks.get_random_calls, 10);
}

TEST_F(RandomDriverTest, AChildAfterForkSuppliesFreshEntropyFirst) {
  Bytes warm(16);
  ASSERT_EQ(psa_generate_random(warm.data(), warm.size()), PSA_SUCCESS);
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const size_t before = test_rng_hooks.entropy_bytes;
    uint8_t child[32];
    const bool ok = psa_generate_random(child, sizeof(child)) == PSA_SUCCESS &&
                    test_rng_hooks.entropy_bytes >= before + 40;
    if (!ok) memset(child, 0, sizeof(child));
    const ssize_t written = write(fds[1], child, sizeof(child));
    _exit(written == static_cast<ssize_t>(sizeof(child)) && ok ? 0 : 1);
  }
  close(fds[1]);
  uint8_t parent[32];
  ASSERT_EQ(psa_generate_random(parent, sizeof(parent)), PSA_SUCCESS);
  uint8_t child[32] = {0};
  size_t got = 0;
  while (got < sizeof(child)) {
    const ssize_t n = read(fds[0], child + got, sizeof(child) - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fds[0]);
  int wstatus = 0;
  ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
  EXPECT_TRUE(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) << "the child did not reseed the driver";
  EXPECT_NE(memcmp(child, parent, sizeof(child)), 0);
}

}  // namespace
