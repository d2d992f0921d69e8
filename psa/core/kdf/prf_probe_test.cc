// The set of served primitives and the probe of psa_key_derivation_setup(),
// on the builtin driver (which has no SHA-3).

#include "psa/core/kdf/prf_probe.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "psa/crypto.h"

namespace psa::core::kdf {
namespace {

class PrfProbeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

TEST(AlgorithmSetTest, HoldsWhatWasInsertedOnce) {
  AlgorithmSet set;
  EXPECT_FALSE(set.Contains(PSA_ALG_HMAC(PSA_ALG_SHA_256)));
  set.Insert(PSA_ALG_NONE);
  EXPECT_FALSE(set.Contains(PSA_ALG_NONE));
  for (int i = 0; i < 40; ++i) set.Insert(PSA_ALG_HMAC(PSA_ALG_SHA_256));
  EXPECT_TRUE(set.Contains(PSA_ALG_HMAC(PSA_ALG_SHA_256)));
  EXPECT_FALSE(set.Contains(PSA_ALG_HMAC(PSA_ALG_SHA_384)));
  // The repeated insertion took one slot: kCapacity - 1 others still fit.
  for (psa_algorithm_t i = 1; i < AlgorithmSet::kCapacity; ++i) set.Insert(0x7f000000 + i);
  for (psa_algorithm_t i = 1; i < AlgorithmSet::kCapacity; ++i) EXPECT_TRUE(set.Contains(0x7f000000 + i)) << i;
  // Full: dropped.
  set.Insert(PSA_ALG_CMAC);
  EXPECT_FALSE(set.Contains(PSA_ALG_CMAC));
  EXPECT_TRUE(set.Contains(PSA_ALG_HMAC(PSA_ALG_SHA_256)));
}

TEST(AlgorithmSetTest, ConcurrentInsertionsOfTheSameAlgorithmsTakeOneSlotEach) {
  AlgorithmSet set;
  constexpr psa_algorithm_t kFirst = 0x7e000001;
  constexpr size_t kShared = AlgorithmSet::kCapacity / 2;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&set] {
      for (int round = 0; round < 100; ++round) {
        for (psa_algorithm_t i = 0; i < kShared; ++i) set.Insert(kFirst + i);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (psa_algorithm_t i = 0; i < kShared; ++i) EXPECT_TRUE(set.Contains(kFirst + i));
  for (psa_algorithm_t i = 0; i < AlgorithmSet::kCapacity - kShared; ++i) set.Insert(0x7d000001 + i);
  for (psa_algorithm_t i = 0; i < AlgorithmSet::kCapacity - kShared; ++i) {
    EXPECT_TRUE(set.Contains(0x7d000001 + i)) << i;
  }
}

TEST(PrimitiveOfTest, NamesWhatEachKdfComputesWith) {
  EXPECT_EQ(PrimitiveOf(PSA_ALG_HKDF(PSA_ALG_SHA_256)), PSA_ALG_HMAC(PSA_ALG_SHA_256));
  EXPECT_EQ(PrimitiveOf(PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_384)), PSA_ALG_HMAC(PSA_ALG_SHA_384));
  EXPECT_EQ(PrimitiveOf(PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256)), PSA_ALG_HMAC(PSA_ALG_SHA_256));
  EXPECT_EQ(PrimitiveOf(PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_512)), PSA_ALG_HMAC(PSA_ALG_SHA_512));
  EXPECT_EQ(PrimitiveOf(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)), PSA_ALG_SHA_256);
  EXPECT_EQ(PrimitiveOf(PSA_ALG_PBKDF2_AES_CMAC_PRF_128), PSA_ALG_CMAC);
  EXPECT_EQ(PrimitiveOf(PSA_ALG_TLS12_ECJPAKE_TO_PMS), PSA_ALG_SHA_256);
  EXPECT_EQ(PrimitiveOf(PSA_ALG_SP800_108_COUNTER_CMAC), PSA_ALG_NONE);
}

TEST_F(PrfProbeTest, RecordsServedPrimitivesOnly) {
  AlgorithmSet served;
  EXPECT_EQ(ProbePrimitive(PSA_ALG_HKDF(PSA_ALG_SHA_256), &served), PSA_SUCCESS);
  EXPECT_TRUE(served.Contains(PSA_ALG_HMAC(PSA_ALG_SHA_256)));
  EXPECT_EQ(ProbePrimitive(PSA_ALG_HKDF(PSA_ALG_SHA_256), &served), PSA_SUCCESS);

  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(ProbePrimitive(PSA_ALG_HKDF(PSA_ALG_SHA3_256), &served), PSA_ERROR_NOT_SUPPORTED);
    EXPECT_EQ(ProbePrimitive(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA3_256), &served), PSA_ERROR_NOT_SUPPORTED);
  }
  EXPECT_FALSE(served.Contains(PSA_ALG_HMAC(PSA_ALG_SHA3_256)));
  EXPECT_FALSE(served.Contains(PSA_ALG_SHA3_256));

  EXPECT_EQ(ProbePrimitive(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_512), &served), PSA_SUCCESS);
  EXPECT_TRUE(served.Contains(PSA_ALG_SHA_512));
  EXPECT_EQ(ProbePrimitive(PSA_ALG_PBKDF2_AES_CMAC_PRF_128, &served), PSA_SUCCESS);
  EXPECT_TRUE(served.Contains(PSA_ALG_CMAC));
  EXPECT_EQ(ProbePrimitive(PSA_ALG_TLS12_ECJPAKE_TO_PMS, &served), PSA_SUCCESS);
  EXPECT_TRUE(served.Contains(PSA_ALG_SHA_256));
  // Known only with the key: nothing to probe, nothing recorded.
  AlgorithmSet untouched;
  EXPECT_EQ(ProbePrimitive(PSA_ALG_SP800_108_COUNTER_CMAC, &untouched), PSA_SUCCESS);
  EXPECT_FALSE(untouched.Contains(PSA_ALG_CMAC));
}

// A recorded primitive is not computed again: one the build lacks, once
// recorded, is taken as served.
TEST_F(PrfProbeTest, TrustsWhatItRecorded) {
  AlgorithmSet served;
  served.Insert(PSA_ALG_HMAC(PSA_ALG_SHA3_256));
  EXPECT_EQ(ProbePrimitive(PSA_ALG_HKDF(PSA_ALG_SHA3_256), &served), PSA_SUCCESS);
  EXPECT_EQ(ProbePrimitive(PSA_ALG_HKDF(PSA_ALG_SHA3_384), &served), PSA_ERROR_NOT_SUPPORTED);
}

}  // namespace
}  // namespace psa::core::kdf
