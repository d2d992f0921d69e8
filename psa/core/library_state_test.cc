// psa_crypto_init() and psa_generate_random() over the fake dispatch, which
// can make driver initialization and entropy sources fail.

#include "psa/core/library_state.h"

#include <stdint.h>
#include <string.h>

#include <atomic>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/testing/fake_dispatch.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

using ::psa::core::testing::ConstantEntropySource;
using ::psa::core::testing::FakeGetEntropyCalls;
using ::psa::core::testing::FakeInitCalls;
using ::psa::core::testing::ResetFakeDispatch;
using ::psa::core::testing::SetFakeEntropySources;
using ::psa::core::testing::SetFakeInitStatus;

class LibraryStateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ResetFakeDispatch();
    ResetForTesting();
  }
  void TearDown() override { ResetForTesting(); }
};

TEST_F(LibraryStateTest, GenerateRandomBeforeInitIsBadStateAndWipes) {
  EXPECT_FALSE(LibraryInitialized());
  uint8_t output[16];
  memset(output, 0xee, sizeof(output));
  EXPECT_EQ(psa_generate_random(output, sizeof(output)), PSA_ERROR_BAD_STATE);
  for (uint8_t byte : output) EXPECT_EQ(byte, 0);
}

TEST_F(LibraryStateTest, InitIsIdempotentAndInitializesDriversOnce) {
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  EXPECT_TRUE(LibraryInitialized());
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  EXPECT_EQ(FakeInitCalls(), 1);
}

TEST_F(LibraryStateTest, ConcurrentInitInitializesDriversOnce) {
  constexpr int kThreads = 8;
  std::atomic<int> ready{0};
  std::atomic<int> successes{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      ++ready;
      while (ready.load() < kThreads) {
      }
      if (psa_crypto_init() == PSA_SUCCESS) ++successes;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(successes.load(), kThreads);
  EXPECT_EQ(FakeInitCalls(), 1);
}

TEST_F(LibraryStateTest, DriverInitFailureFailsInitWhichCanBeRetried) {
  SetFakeInitStatus(PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(psa_crypto_init(), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_FALSE(LibraryInitialized());
  uint8_t output[8];
  EXPECT_EQ(psa_generate_random(output, sizeof(output)), PSA_ERROR_BAD_STATE);

  SetFakeInitStatus(PSA_SUCCESS);
  EXPECT_EQ(psa_crypto_init(), PSA_SUCCESS);
  EXPECT_EQ(FakeInitCalls(), 2);
  EXPECT_EQ(psa_generate_random(output, sizeof(output)), PSA_SUCCESS);
}

TEST_F(LibraryStateTest, EntropyFailureFailsInitAndRetryKeepsDrivers) {
  psa_status_t entropy_status = PSA_ERROR_INSUFFICIENT_ENTROPY;
  RandomGenerator::Options options;
  options.entropy = [&entropy_status](const EntropyRequest& request,
                                      SeedMaterial* seed) {
    if (entropy_status != PSA_SUCCESS) return entropy_status;
    return CollectEntropy(request, &ReadOsEntropy, seed);
  };
  ResetForTesting(options);
  EXPECT_EQ(psa_crypto_init(), PSA_ERROR_INSUFFICIENT_ENTROPY);
  EXPECT_FALSE(LibraryInitialized());
  entropy_status = PSA_SUCCESS;
  EXPECT_EQ(psa_crypto_init(), PSA_SUCCESS);
  // The drivers' init succeeded the first time: not called again.
  EXPECT_EQ(FakeInitCalls(), 1);
}

TEST_F(LibraryStateTest, FailingDriverEntropySourceFailsInit) {
  SetFakeEntropySources(
      {[](psa_driver_get_entropy_flags_t, size_t*, uint8_t*, size_t) {
        return PSA_ERROR_HARDWARE_FAILURE;
      }});
  EXPECT_EQ(psa_crypto_init(), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_FALSE(LibraryInitialized());
}

TEST_F(LibraryStateTest, DriverEntropySourcesAreCalledAtInit) {
  SetFakeEntropySources({ConstantEntropySource(0x01, 64),
                         ConstantEntropySource(0x02, 64)});
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  EXPECT_EQ(FakeGetEntropyCalls(), 2);
}

TEST_F(LibraryStateTest, SourceRefusingFlagsZeroIsSkipped) {
  SetFakeEntropySources(
      {[](psa_driver_get_entropy_flags_t, size_t*, uint8_t*, size_t) {
        return PSA_ERROR_NOT_SUPPORTED;
      }});
  EXPECT_EQ(psa_crypto_init(), PSA_SUCCESS);
}

// The DRBG is CTR_DRBG over the dispatched AES (psa/core/random): no hash
// is needed. (A failing AES driver: random_generator_test.)
TEST_F(LibraryStateTest, InitNeedsNoHashDriver) {
  ::psa::core::testing::SetFakeUnsupportedHashes({PSA_ALG_SHA_256});
  EXPECT_EQ(psa_crypto_init(), PSA_SUCCESS);
  EXPECT_TRUE(LibraryInitialized());
}

TEST_F(LibraryStateTest, GenerateRandomAfterInit) {
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  EXPECT_EQ(psa_generate_random(nullptr, 0), PSA_SUCCESS);
  std::vector<uint8_t> first(100, 0), second(100, 0);
  ASSERT_EQ(psa_generate_random(first.data(), first.size()), PSA_SUCCESS);
  ASSERT_EQ(psa_generate_random(second.data(), second.size()), PSA_SUCCESS);
  EXPECT_NE(first, std::vector<uint8_t>(100, 0));
  EXPECT_NE(first, second);
}

TEST_F(LibraryStateTest, ResetForTestingReturnsToUninitialized) {
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  ResetForTesting();
  EXPECT_FALSE(LibraryInitialized());
  uint8_t output[4];
  EXPECT_EQ(psa_generate_random(output, sizeof(output)), PSA_ERROR_BAD_STATE);
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  EXPECT_EQ(FakeInitCalls(), 2);
}

}  // namespace
}  // namespace psa::core
