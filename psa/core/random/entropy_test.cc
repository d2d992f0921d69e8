#include "psa/core/random/entropy.h"

#include <stdint.h>
#include <string.h>

#include <vector>

#include "gtest/gtest.h"
#include "psa/core/testing/fake_dispatch.h"

namespace psa::core {
namespace {

using ::psa::core::testing::ConstantEntropySource;
using ::psa::core::testing::FakeEntropySource;
using ::psa::core::testing::FakeGetEntropyCalls;
using ::psa::core::testing::ResetFakeDispatch;
using ::psa::core::testing::SetFakeEntropySources;

psa_status_t WorkingOs(uint8_t* output, size_t size) {
  memset(output, 0x05, size);
  return PSA_SUCCESS;
}

psa_status_t FailingOs(uint8_t* output, size_t size) {
  memset(output, 0xff, size);  // garbage that must not count
  return PSA_ERROR_INSUFFICIENT_ENTROPY;
}

constexpr EntropyRequest kSeedRequest{48, 256};

class CollectEntropyTest : public ::testing::Test {
 protected:
  void SetUp() override { ResetFakeDispatch(); }
};

TEST_F(CollectEntropyTest, OsAloneIsEnoughWithoutDrivers) {
  SeedMaterial seed;
  ASSERT_EQ(CollectEntropy(kSeedRequest, &WorkingOs, &seed), PSA_SUCCESS);
  EXPECT_EQ(seed.bytes().size(), 48u);
  EXPECT_EQ(seed.entropy_bits(), 384u);
  EXPECT_EQ(seed.bytes()[0], 0x05);
}

// Requests that read nothing from the OS: the drivers alone.
constexpr EntropyRequest kDriversOnly{0, 256};

TEST_F(CollectEntropyTest, FailingOsIsAnError) {
  SeedMaterial seed;
  EXPECT_EQ(CollectEntropy(kSeedRequest, &FailingOs, &seed), PSA_ERROR_INSUFFICIENT_ENTROPY);
  EXPECT_TRUE(seed.bytes().empty());
  EXPECT_EQ(seed.entropy_bits(), 0u);
}

TEST_F(CollectEntropyTest, FailingOsIsNotMadeUpForByDrivers) {
  SetFakeEntropySources({ConstantEntropySource(0x33, 512)});
  SeedMaterial seed;
  EXPECT_EQ(CollectEntropy(kSeedRequest, &FailingOs, &seed), PSA_ERROR_INSUFFICIENT_ENTROPY);
  EXPECT_TRUE(seed.bytes().empty());
}

TEST_F(CollectEntropyTest, EveryDriverIsCalledEvenWhenTheOsSuffices) {
  SetFakeEntropySources({ConstantEntropySource(0x11, 8), ConstantEntropySource(0x22, 16)});
  SeedMaterial seed;
  ASSERT_EQ(CollectEntropy(kSeedRequest, &WorkingOs, &seed), PSA_SUCCESS);
  EXPECT_EQ(FakeGetEntropyCalls(), 2);
  EXPECT_EQ(seed.entropy_bits(), 384u + 8 + 16);
  ASSERT_EQ(seed.bytes().size(), 48 + 2 * kDriverEntropyBufferSize);
  EXPECT_EQ(seed.bytes()[48], 0x11);
  EXPECT_EQ(seed.bytes()[48 + kDriverEntropyBufferSize], 0x22);
}

TEST_F(CollectEntropyTest, DriversAloneCanSeed) {
  SetFakeEntropySources({ConstantEntropySource(0x33, 256)});
  SeedMaterial seed;
  ASSERT_EQ(CollectEntropy(kDriversOnly, &FailingOs, &seed), PSA_SUCCESS);
  EXPECT_EQ(FakeGetEntropyCalls(), 1);
  EXPECT_EQ(seed.entropy_bits(), 256u);
  ASSERT_EQ(seed.bytes().size(), kDriverEntropyBufferSize);
  EXPECT_EQ(seed.bytes()[0], 0x33);
}

TEST_F(CollectEntropyTest, MoreRoundsUntilEnoughEntropy) {
  SetFakeEntropySources({ConstantEntropySource(0x44, 100)});
  SeedMaterial seed;
  ASSERT_EQ(CollectEntropy(kDriversOnly, &FailingOs, &seed), PSA_SUCCESS);
  // The prepare call and two blocking rounds.
  EXPECT_EQ(FakeGetEntropyCalls(), 3);
  EXPECT_EQ(seed.entropy_bits(), 300u);
}

TEST_F(CollectEntropyTest, AStalledSourceIsInsufficientEntropyAfterTheLastRound) {
  SetFakeEntropySources({ConstantEntropySource(0x55, 1)});
  SeedMaterial seed;
  EXPECT_EQ(CollectEntropy(kDriversOnly, &FailingOs, &seed), PSA_ERROR_INSUFFICIENT_ENTROPY);
  EXPECT_EQ(FakeGetEntropyCalls(), static_cast<int>(1 + kMaxEntropyRounds));
  EXPECT_TRUE(seed.bytes().empty());
}

TEST_F(CollectEntropyTest, EstimatesAreCappedAtEightBitsPerByte) {
  SetFakeEntropySources({ConstantEntropySource(0x66, 1000000)});
  SeedMaterial seed;
  ASSERT_EQ(CollectEntropy({0, 8 * kDriverEntropyBufferSize}, &FailingOs, &seed), PSA_SUCCESS);
  EXPECT_EQ(seed.entropy_bits(), 8 * kDriverEntropyBufferSize);
  EXPECT_EQ(FakeGetEntropyCalls(), 1);
}

// A TRNG that needs warming up: nothing without blocking, then entropy.
TEST_F(CollectEntropyTest, FirstCallIsNonBlockingKeepAliveThenBlocking) {
  std::vector<psa_driver_get_entropy_flags_t> seen_flags;
  size_t seen_size = 0;
  SetFakeEntropySources({[&](psa_driver_get_entropy_flags_t flags, size_t* estimate, uint8_t* output,
                             size_t output_size) {
    seen_flags.push_back(flags);
    seen_size = output_size;
    if (flags & PSA_DRIVER_GET_ENTROPY_NONBLOCK) return PSA_ERROR_INSUFFICIENT_ENTROPY;
    output[0] = 1;
    *estimate = 1;
    return PSA_SUCCESS;
  }});
  SeedMaterial seed;
  ASSERT_EQ(CollectEntropy(kSeedRequest, &WorkingOs, &seed), PSA_SUCCESS);
  ASSERT_EQ(seen_flags.size(), 2u);
  EXPECT_EQ(seen_flags[0], PSA_DRIVER_GET_ENTROPY_NONBLOCK | PSA_DRIVER_GET_ENTROPY_KEEPALIVE);
  EXPECT_EQ(seen_flags[1], 0u);
  EXPECT_EQ(seen_size, kDriverEntropyBufferSize);
  // The OS's 384 bits and the driver's 1: the source was mixed in although
  // the OS sufficed, and its empty non-blocking answer left nothing.
  EXPECT_EQ(seed.entropy_bits(), 385u);
  EXPECT_EQ(seed.bytes().size(), 48 + kDriverEntropyBufferSize);
}

TEST_F(CollectEntropyTest, InsufficientEntropyWhileBlockingIsAnError) {
  SetFakeEntropySources({[](psa_driver_get_entropy_flags_t, size_t*, uint8_t*, size_t) {
    return PSA_ERROR_INSUFFICIENT_ENTROPY;
  }});
  SeedMaterial seed;
  EXPECT_EQ(CollectEntropy(kSeedRequest, &WorkingOs, &seed), PSA_ERROR_INSUFFICIENT_ENTROPY);
  EXPECT_EQ(FakeGetEntropyCalls(), 2);
  EXPECT_TRUE(seed.bytes().empty());
}

TEST_F(CollectEntropyTest, SuccessWithAZeroEstimateIsAnError) {
  SetFakeEntropySources({ConstantEntropySource(0x01, 0)});
  SeedMaterial seed;
  EXPECT_EQ(CollectEntropy(kSeedRequest, &WorkingOs, &seed), PSA_ERROR_INSUFFICIENT_ENTROPY);
  EXPECT_TRUE(seed.bytes().empty());
}

TEST_F(CollectEntropyTest, SourceRefusingFlagsZeroIsLeftOut) {
  std::vector<psa_driver_get_entropy_flags_t> refused;
  SetFakeEntropySources({[&](psa_driver_get_entropy_flags_t flags, size_t*, uint8_t*, size_t) {
                           refused.push_back(flags);
                           return PSA_ERROR_NOT_SUPPORTED;
                         },
                         ConstantEntropySource(0x77, 100)});
  SeedMaterial seed;
  ASSERT_EQ(CollectEntropy(kDriversOnly, &FailingOs, &seed), PSA_SUCCESS);
  // Asked with the prepare flags, then with flags 0, then left out of the
  // second round the other source needed.
  ASSERT_EQ(refused.size(), 2u);
  EXPECT_EQ(refused[1], 0u);
  EXPECT_EQ(FakeGetEntropyCalls(), 5);
  EXPECT_EQ(seed.entropy_bits(), 300u);
}

TEST_F(CollectEntropyTest, OnlyRefusingSourcesAndNoOsIsInsufficient) {
  SetFakeEntropySources({[](psa_driver_get_entropy_flags_t, size_t*, uint8_t*, size_t) {
    return PSA_ERROR_NOT_SUPPORTED;
  }});
  SeedMaterial seed;
  EXPECT_EQ(CollectEntropy(kDriversOnly, &FailingOs, &seed), PSA_ERROR_INSUFFICIENT_ENTROPY);
  EXPECT_EQ(FakeGetEntropyCalls(), 2);
}

TEST_F(CollectEntropyTest, FailingSourceFailsCollectionWithItsStatus) {
  SetFakeEntropySources({ConstantEntropySource(0x12, 256),
                         [](psa_driver_get_entropy_flags_t, size_t*, uint8_t*, size_t) {
                           return PSA_ERROR_HARDWARE_FAILURE;
                         }});
  SeedMaterial seed;
  EXPECT_EQ(CollectEntropy(kSeedRequest, &WorkingOs, &seed), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_TRUE(seed.bytes().empty());
  EXPECT_EQ(seed.entropy_bits(), 0u);
}

TEST(ReadOsEntropy, TwoReadsDiffer) {
  uint8_t first[48];
  uint8_t second[48];
  ASSERT_EQ(ReadOsEntropy(first, sizeof(first)), PSA_SUCCESS);
  ASSERT_EQ(ReadOsEntropy(second, sizeof(second)), PSA_SUCCESS);
  EXPECT_NE(memcmp(first, second, sizeof(first)), 0);
}

TEST(SeedMaterial, ReserveRefusesMoreThanTheCapacity) {
  SeedMaterial seed;
  seed.Reset(10);
  EXPECT_EQ(seed.Reserve(11), nullptr);
  uint8_t* space = seed.Reserve(10);
  ASSERT_NE(space, nullptr);
  memset(space, 9, 10);
  seed.Commit(10, 1000);
  EXPECT_EQ(seed.bytes().size(), 10u);
  EXPECT_EQ(seed.entropy_bits(), 80u);
  EXPECT_EQ(seed.Reserve(1), nullptr);
}

}  // namespace
}  // namespace psa::core
