// The hash API when the driver fails mid-operation, which only the fake
// dispatch can provoke: every failure ends the operation, wipes outputs, and
// the size check of finish happens before the driver is called.

#include <stdint.h>
#include <string.h>

#include <vector>

#include "gtest/gtest.h"
#include "psa/core/testing/fake_dispatch.h"
#include "psa/crypto.h"

namespace {

using ::psa::core::testing::FailFakeHashCalls;
using ::psa::core::testing::FakeHashCalls;
using ::psa::core::testing::HashEntryPoint;
using ::psa::core::testing::kFakeDriverId;
using ::psa::core::testing::ResetFakeDispatch;

const uint8_t kInput[3] = {'a', 'b', 'c'};

class HashDriverFailureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ResetFakeDispatch();
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_setup(&operation_, PSA_ALG_SHA_256), PSA_SUCCESS);
    ASSERT_EQ(operation_.driver_id, kFakeDriverId);
  }
  void TearDown() override {
    psa_hash_abort(&operation_);
    ResetFakeDispatch();
  }

  // The operation is inactive and all-bits-zero: ended and wiped.
  void ExpectEndedAndWiped() {
    psa_hash_operation_t zero;
    memset(&zero, 0, sizeof(zero));
    EXPECT_EQ(memcmp(&operation_, &zero, sizeof(zero)), 0);
    EXPECT_EQ(psa_hash_update(&operation_, kInput, sizeof(kInput)),
              PSA_ERROR_BAD_STATE);
    EXPECT_EQ(psa_hash_abort(&operation_), PSA_SUCCESS);
    EXPECT_EQ(psa_hash_setup(&operation_, PSA_ALG_SHA_256), PSA_SUCCESS);
  }

  psa_hash_operation_t operation_ = PSA_HASH_OPERATION_INIT;
};

TEST_F(HashDriverFailureTest, UpdateFailureEndsTheOperation) {
  FailFakeHashCalls(HashEntryPoint::kUpdate, PSA_ERROR_HARDWARE_FAILURE);
  const int aborts = FakeHashCalls(HashEntryPoint::kAbort);
  EXPECT_EQ(psa_hash_update(&operation_, kInput, sizeof(kInput)),
            PSA_ERROR_HARDWARE_FAILURE);
  // The driver was told to abort, as the driver interface requires.
  EXPECT_EQ(FakeHashCalls(HashEntryPoint::kAbort), aborts + 1);
  ExpectEndedAndWiped();
}

TEST_F(HashDriverFailureTest, FinishFailureWipesTheOutputAndEnds) {
  FailFakeHashCalls(HashEntryPoint::kFinish, PSA_ERROR_CORRUPTION_DETECTED);
  uint8_t hash[32];
  memset(hash, 0xee, sizeof(hash));
  size_t length = 3;
  EXPECT_EQ(psa_hash_finish(&operation_, hash, sizeof(hash), &length),
            PSA_ERROR_CORRUPTION_DETECTED);
  EXPECT_EQ(length, 0u);
  for (uint8_t byte : hash) EXPECT_EQ(byte, 0);
  ExpectEndedAndWiped();
}

TEST_F(HashDriverFailureTest, VerifyReportsTheDriverFailureNotAMismatch) {
  FailFakeHashCalls(HashEntryPoint::kFinish, PSA_ERROR_COMMUNICATION_FAILURE);
  uint8_t expected[32] = {0};
  EXPECT_EQ(psa_hash_verify(&operation_, expected, sizeof(expected)),
            PSA_ERROR_COMMUNICATION_FAILURE);
  ExpectEndedAndWiped();
}

TEST_F(HashDriverFailureTest, AbortFailureIsReportedButTheObjectIsReset) {
  FailFakeHashCalls(HashEntryPoint::kAbort, PSA_ERROR_COMMUNICATION_FAILURE);
  EXPECT_EQ(psa_hash_abort(&operation_), PSA_ERROR_COMMUNICATION_FAILURE);
  ExpectEndedAndWiped();
}

TEST_F(HashDriverFailureTest, AbortFailureAfterASuccessfulFinishFailsIt) {
  FailFakeHashCalls(HashEntryPoint::kAbort, PSA_ERROR_CORRUPTION_DETECTED);
  uint8_t hash[32];
  size_t length = 0;
  EXPECT_EQ(psa_hash_finish(&operation_, hash, sizeof(hash), &length),
            PSA_ERROR_CORRUPTION_DETECTED);
  EXPECT_EQ(length, 0u);
  for (uint8_t byte : hash) EXPECT_EQ(byte, 0);
  ExpectEndedAndWiped();
}

TEST_F(HashDriverFailureTest, BufferTooSmallIsDecidedBeforeTheDriver) {
  const int finishes = FakeHashCalls(HashEntryPoint::kFinish);
  uint8_t hash[31];
  size_t length = 0;
  EXPECT_EQ(psa_hash_finish(&operation_, hash, sizeof(hash), &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(FakeHashCalls(HashEntryPoint::kFinish), finishes);
  ExpectEndedAndWiped();
}

TEST_F(HashDriverFailureTest, FinishIsFollowedByADriverAbort) {
  const int aborts = FakeHashCalls(HashEntryPoint::kAbort);
  uint8_t hash[32];
  size_t length = 0;
  ASSERT_EQ(psa_hash_finish(&operation_, hash, sizeof(hash), &length),
            PSA_SUCCESS);
  EXPECT_EQ(FakeHashCalls(HashEntryPoint::kAbort), aborts + 1);
  ExpectEndedAndWiped();
}

TEST_F(HashDriverFailureTest, ZeroLengthUpdateDoesNotReachTheDriver) {
  const int updates = FakeHashCalls(HashEntryPoint::kUpdate);
  EXPECT_EQ(psa_hash_update(&operation_, nullptr, 0), PSA_SUCCESS);
  EXPECT_EQ(FakeHashCalls(HashEntryPoint::kUpdate), updates);
}

TEST_F(HashDriverFailureTest, SetupFailureLeavesTheObjectInactive) {
  psa_hash_operation_t other = PSA_HASH_OPERATION_INIT;
  FailFakeHashCalls(HashEntryPoint::kSetup, PSA_ERROR_INSUFFICIENT_MEMORY);
  EXPECT_EQ(psa_hash_setup(&other, PSA_ALG_SHA_256),
            PSA_ERROR_INSUFFICIENT_MEMORY);
  EXPECT_EQ(other.driver_id, 0u);
  EXPECT_EQ(psa_hash_update(&other, kInput, sizeof(kInput)),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_setup(&other, PSA_ALG_SHA_256), PSA_SUCCESS);
  EXPECT_EQ(psa_hash_abort(&other), PSA_SUCCESS);
}

TEST_F(HashDriverFailureTest, ComputeFailureWipesTheOutput) {
  FailFakeHashCalls(HashEntryPoint::kCompute, PSA_ERROR_HARDWARE_FAILURE);
  uint8_t hash[32];
  memset(hash, 0xee, sizeof(hash));
  size_t length = 4;
  EXPECT_EQ(psa_hash_compute(PSA_ALG_SHA_256, kInput, sizeof(kInput), hash,
                             sizeof(hash), &length),
            PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(length, 0u);
  for (uint8_t byte : hash) EXPECT_EQ(byte, 0);
}

TEST_F(HashDriverFailureTest, CompareReportsTheDriverFailure) {
  FailFakeHashCalls(HashEntryPoint::kCompute, PSA_ERROR_HARDWARE_FAILURE);
  uint8_t expected[32] = {0};
  EXPECT_EQ(psa_hash_compare(PSA_ALG_SHA_256, kInput, sizeof(kInput),
                             expected, sizeof(expected)),
            PSA_ERROR_HARDWARE_FAILURE);
}

}  // namespace
