// rdseed_get_entropy on this CPU (skipped where it lacks RDSEED, which must
// then give NOT_SUPPORTED) and, through the test hooks, every failure path:
// an exhausted RDSEED (RDRAND seeds when blocking, INSUFFICIENT_ENTROPY when
// not), stuck sources (health tests), RDRAND exhausted too.

#include "drivers/rdseed/rdseed_driver.h"

#include <string.h>

#include <atomic>
#include <vector>

#include "drivers/rdseed/rdseed_testing.h"
#include "gtest/gtest.h"

namespace rdseed {
namespace {

using Bytes = std::vector<uint8_t>;

std::atomic<uint64_t> g_counter{0};
std::atomic<int> g_rdseed_calls{0}, g_rdrand_calls{0};

// A healthy pretend source: splitmix64 of a counter.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
bool GoodSource(uint64_t* value) {
  g_rdseed_calls++;
  *value = Mix(g_counter++);
  return true;
}
bool GoodRdrand(uint64_t* value) {
  g_rdrand_calls++;
  *value = Mix(g_counter++ ^ 0x1234);
  return true;
}
bool Exhausted(uint64_t*) {
  g_rdseed_calls++;
  return false;
}
bool ExhaustedRdrand(uint64_t*) {
  g_rdrand_calls++;
  return false;
}
bool Stuck(uint64_t* value) {
  *value = 0xffffffffffffffffull;  // the all-ones failure mode of a broken RNG
  return true;
}
// Healthy through the startup tests, then stuck.
std::atomic<int> g_healthy_left{0};
bool GoesStuck(uint64_t* value) {
  if (g_healthy_left.fetch_sub(1) > 0) return GoodSource(value);
  return Stuck(value);
}

class RdseedDriverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_rdseed_calls = 0;
    g_rdrand_calls = 0;
  }
  void TearDown() override { SetTestHooks(TestHooks()); }
  static void Use(bool (*rdseed)(uint64_t*), bool (*rdrand)(uint64_t*)) {
    TestHooks hooks;
    hooks.rdseed = rdseed;
    hooks.rdrand = rdrand;
    hooks.cpu_has_rdseed = 1;
    SetTestHooks(hooks);
  }
};

TEST_F(RdseedDriverTest, RealCpuGivesEntropyOrNotSupported) {
  Bytes output(64, 0);
  size_t estimate = 0;
  const psa_status_t status = rdseed_get_entropy(0, &estimate, output.data(), output.size());
  if (!CpuHasRdseedForTesting()) {
    EXPECT_EQ(status, PSA_ERROR_NOT_SUPPORTED);
    GTEST_SKIP() << "this CPU has no RDSEED";
  }
  ASSERT_EQ(status, PSA_SUCCESS);
  EXPECT_EQ(estimate, 4u * 64);  // conservative: half of 8 bits per byte
  EXPECT_NE(output, Bytes(64, 0));
}

TEST_F(RdseedDriverTest, CpuWithoutRdseedIsNotSupported) {
  TestHooks hooks;
  hooks.cpu_has_rdseed = 0;
  SetTestHooks(hooks);
  uint8_t output[64];
  size_t estimate = 0;
  EXPECT_EQ(rdseed_get_entropy(0, &estimate, output, sizeof(output)), PSA_ERROR_NOT_SUPPORTED);
}

TEST_F(RdseedDriverTest, UnknownFlagsAreNotSupported) {
  Use(&GoodSource, &GoodRdrand);
  uint8_t output[64];
  size_t estimate = 0;
  EXPECT_EQ(rdseed_get_entropy(0x80, &estimate, output, sizeof(output)), PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(rdseed_get_entropy(PSA_DRIVER_GET_ENTROPY_NONBLOCK | PSA_DRIVER_GET_ENTROPY_KEEPALIVE, &estimate, output,
                               sizeof(output)),
            PSA_SUCCESS);
}

TEST_F(RdseedDriverTest, HealthySourceFillsTheBufferWithAConservativeEstimate) {
  Use(&GoodSource, &GoodRdrand);
  Bytes output(61, 0);
  size_t estimate = 0;
  ASSERT_EQ(rdseed_get_entropy(0, &estimate, output.data(), output.size()), PSA_SUCCESS);
  EXPECT_EQ(estimate, 4u * 61);
  // Startup: 1024 bytes (128 samples) tested and discarded, then 8 samples.
  EXPECT_EQ(g_rdseed_calls.load(), 128 + 8);
  EXPECT_EQ(g_rdrand_calls.load(), 0);
  // Later calls skip the startup tests.
  ASSERT_EQ(rdseed_get_entropy(0, &estimate, output.data(), output.size()), PSA_SUCCESS);
  EXPECT_EQ(g_rdseed_calls.load(), 128 + 16);
}

TEST_F(RdseedDriverTest, StuckSourceFailsTheStartupTests) {
  Use(&Stuck, &GoodRdrand);
  Bytes output(64, 0xee);
  size_t estimate = 0;
  EXPECT_EQ(rdseed_get_entropy(0, &estimate, output.data(), output.size()), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(output, Bytes(64, 0));
  // And keeps failing: it is stuck.
  EXPECT_EQ(rdseed_get_entropy(0, &estimate, output.data(), output.size()), PSA_ERROR_HARDWARE_FAILURE);
}

TEST_F(RdseedDriverTest, SourceThatGetsStuckLaterFailsTheContinuousTests) {
  g_healthy_left = 128 + 8;  // startup and one full buffer
  Use(&GoesStuck, &GoodRdrand);
  Bytes output(64, 0);
  size_t estimate = 0;
  ASSERT_EQ(rdseed_get_entropy(0, &estimate, output.data(), output.size()), PSA_SUCCESS);
  EXPECT_EQ(rdseed_get_entropy(0, &estimate, output.data(), output.size()), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(output, Bytes(64, 0));
}

TEST_F(RdseedDriverTest, ExhaustedRdseedWithoutBlockingIsInsufficientEntropy) {
  Use(&GoodSource, &GoodRdrand);
  Bytes output(64);
  size_t estimate = 0;
  ASSERT_EQ(rdseed_get_entropy(0, &estimate, output.data(), output.size()), PSA_SUCCESS);  // started
  Use(&Exhausted, &GoodRdrand);
  // SetTestHooks restarts the tests: the startup phase cannot complete.
  EXPECT_EQ(rdseed_get_entropy(PSA_DRIVER_GET_ENTROPY_NONBLOCK, &estimate, output.data(), output.size()),
            PSA_ERROR_INSUFFICIENT_ENTROPY);
  EXPECT_EQ(g_rdrand_calls.load(), 0) << "RDRAND seeding is slow: not without blocking";
}

// After the startup tests, RDSEED runs dry: blocking calls complete the
// buffer with RDRAND seeds (512 samples of 128 bits per 16-byte seed).
bool DriesUp(uint64_t* value) {
  if (g_healthy_left.fetch_sub(1) > 0) return GoodSource(value);
  return Exhausted(value);
}

TEST_F(RdseedDriverTest, ExhaustedRdseedIsCompletedFromRdrandWhenBlocking) {
  g_healthy_left = 128 + 2;  // startup, then two samples (16 bytes)
  Use(&DriesUp, &GoodRdrand);
  Bytes output(64, 0);
  size_t estimate = 0;
  ASSERT_EQ(rdseed_get_entropy(0, &estimate, output.data(), output.size()), PSA_SUCCESS);
  EXPECT_EQ(estimate, 4u * 64);
  // Three seeds of 16 bytes for the remaining 48, two RDRAND calls each sample.
  EXPECT_EQ(g_rdrand_calls.load(), 3 * 512 * 2);
  EXPECT_NE(Bytes(output.begin() + 16, output.end()), Bytes(48, 0));
}

TEST_F(RdseedDriverTest, NonBlockingReturnsWhatRdseedGaveBeforeRunningDry) {
  g_healthy_left = 128 + 3;
  Use(&DriesUp, &GoodRdrand);
  Bytes output(64, 0xee);
  size_t estimate = 0;
  ASSERT_EQ(rdseed_get_entropy(PSA_DRIVER_GET_ENTROPY_NONBLOCK, &estimate, output.data(), output.size()),
            PSA_SUCCESS);
  EXPECT_EQ(estimate, 4u * 24);
  EXPECT_EQ(Bytes(output.begin() + 24, output.end()), Bytes(40, 0));
  EXPECT_EQ(g_rdrand_calls.load(), 0);
}

TEST_F(RdseedDriverTest, RdrandExhaustedTooIsAHardwareFailure) {
  g_healthy_left = 128;
  Use(&DriesUp, &ExhaustedRdrand);
  Bytes output(64, 0xee);
  size_t estimate = 0;
  EXPECT_EQ(rdseed_get_entropy(0, &estimate, output.data(), output.size()), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(output, Bytes(64, 0));
  EXPECT_EQ(g_rdrand_calls.load(), 10);  // Intel's ten retries
}

bool StuckRdrand(uint64_t* value) {
  *value = 0;
  return true;
}

TEST_F(RdseedDriverTest, StuckRdrandFailsItsHealthTests) {
  g_healthy_left = 128;
  Use(&DriesUp, &StuckRdrand);
  Bytes output(64);
  size_t estimate = 0;
  EXPECT_EQ(rdseed_get_entropy(0, &estimate, output.data(), output.size()), PSA_ERROR_HARDWARE_FAILURE);
}

TEST_F(RdseedDriverTest, RealRdrandConditioningWhereTheCpuHasIt) {
  if (!CpuHasRdrandAndAesForTesting()) GTEST_SKIP() << "no RDRAND or AES-NI";
  g_healthy_left = 128;
  TestHooks hooks;
  hooks.rdseed = &DriesUp;  // rdrand: the real instruction
  hooks.cpu_has_rdseed = 1;
  SetTestHooks(hooks);
  Bytes a(32, 0), b(32, 0);
  size_t estimate = 0;
  ASSERT_EQ(rdseed_get_entropy(0, &estimate, a.data(), a.size()), PSA_SUCCESS);
  ASSERT_EQ(rdseed_get_entropy(0, &estimate, b.data(), b.size()), PSA_SUCCESS);
  EXPECT_EQ(estimate, 4u * 32);
  EXPECT_NE(a, b);
}

TEST(RdseedAes, Fips197KnownAnswer) {
  if (!CpuHasRdrandAndAesForTesting()) GTEST_SKIP() << "no AES-NI";
  // FIPS-197 appendix C.1.
  uint8_t key[16], plaintext[16], ciphertext[16];
  for (int i = 0; i < 16; ++i) {
    key[i] = static_cast<uint8_t>(i);
    plaintext[i] = static_cast<uint8_t>(0x11 * i);
  }
  Aes128EncryptBlockForTesting(key, plaintext, ciphertext);
  const uint8_t expected[16] = {0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
                                0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a};
  EXPECT_EQ(memcmp(ciphertext, expected, 16), 0);
}

}  // namespace
}  // namespace rdseed
