// The hash API's state machine and argument checks, through the public C API
// only. Built twice: against the fake dispatch (hash_fake_dispatch_test) and
// against the real library, core + generated dispatch + drivers (hash_test).
// Known-answer vectors for every algorithm live in tests/.

#include <stdint.h>
#include <string.h>

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/testing/test_util.h"
#include "psa/crypto.h"

namespace {

using ::psa::core::testing::ToHex;

constexpr char kAbcSha256[] =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::vector<uint8_t> Bytes(const std::string& text) {
  return std::vector<uint8_t>(text.begin(), text.end());
}

// psa_hash_compute, or an empty vector on failure.
std::vector<uint8_t> Compute(psa_algorithm_t alg, const std::string& text) {
  std::vector<uint8_t> hash(PSA_HASH_MAX_SIZE);
  size_t length = 0;
  const std::vector<uint8_t> input = Bytes(text);
  if (psa_hash_compute(alg, input.data(), input.size(), hash.data(),
                       hash.size(), &length) != PSA_SUCCESS) {
    return {};
  }
  hash.resize(length);
  return hash;
}

psa_status_t Update(psa_hash_operation_t* operation, const std::string& text) {
  return psa_hash_update(operation,
                         reinterpret_cast<const uint8_t*>(text.data()),
                         text.size());
}

// psa_hash_finish into a buffer of the maximal size; empty on failure.
std::vector<uint8_t> Finish(psa_hash_operation_t* operation) {
  std::vector<uint8_t> hash(PSA_HASH_MAX_SIZE);
  size_t length = 0;
  if (psa_hash_finish(operation, hash.data(), hash.size(), &length) !=
      PSA_SUCCESS) {
    return {};
  }
  hash.resize(length);
  return hash;
}

class HashTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

// --- Results ---

TEST_F(HashTest, ComputeAndMultiPartAgree) {
  EXPECT_EQ(ToHex(Compute(PSA_ALG_SHA_256, "abc")), kAbcSha256);
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "a"), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, ""), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "bc"), PSA_SUCCESS);
  EXPECT_EQ(ToHex(Finish(&operation)), kAbcSha256);
}

TEST_F(HashTest, EveryServedAlgorithmHasItsLengthAndSplitsConsistently) {
  const psa_algorithm_t algorithms[] = {
      PSA_ALG_MD5,     PSA_ALG_RIPEMD160, PSA_ALG_SHA_1,   PSA_ALG_SHA_224,
      PSA_ALG_SHA_256, PSA_ALG_SHA_384,   PSA_ALG_SHA_512,
  };
  const std::string message(300, 'q');
  int served = 0;
  for (psa_algorithm_t alg : algorithms) {
    SCOPED_TRACE(alg);
    const std::vector<uint8_t> whole = Compute(alg, message);
    if (whole.empty()) continue;  // not in this build's driver selection
    ++served;
    EXPECT_EQ(whole.size(), PSA_HASH_LENGTH(alg));
    psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
    ASSERT_EQ(psa_hash_setup(&operation, alg), PSA_SUCCESS);
    ASSERT_EQ(Update(&operation, message.substr(0, 1)), PSA_SUCCESS);
    ASSERT_EQ(Update(&operation, message.substr(1, 128)), PSA_SUCCESS);
    ASSERT_EQ(Update(&operation, message.substr(129)), PSA_SUCCESS);
    EXPECT_EQ(Finish(&operation), whole);
  }
  EXPECT_GT(served, 0);
}

TEST_F(HashTest, ZeroLengthUpdateWithNullInputSucceeds) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  EXPECT_EQ(psa_hash_update(&operation, nullptr, 0), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "abc"), PSA_SUCCESS);
  EXPECT_EQ(ToHex(Finish(&operation)), kAbcSha256);
}

// --- State machine: misuse table ---

TEST_F(HashTest, CallsThatNeedAnActiveOperationFailOnAFreshOne) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  uint8_t hash[PSA_HASH_MAX_SIZE];
  size_t length = 123;
  const uint8_t byte = 0;
  EXPECT_EQ(psa_hash_update(&operation, &byte, 1), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_finish(&operation, hash, sizeof(hash), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(psa_hash_verify(&operation, hash, 32), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_suspend(&operation, hash, sizeof(hash), &length),
            PSA_ERROR_BAD_STATE);
  psa_hash_operation_t target = PSA_HASH_OPERATION_INIT;
  EXPECT_EQ(psa_hash_clone(&operation, &target), PSA_ERROR_BAD_STATE);
  // None of this activated anything.
  EXPECT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
}

TEST_F(HashTest, OperationInitFunctionAndMacroGiveInactiveObjects) {
  psa_hash_operation_t by_function = psa_hash_operation_init();
  psa_hash_operation_t by_macro = PSA_HASH_OPERATION_INIT;
  psa_hash_operation_t by_memset;
  memset(&by_memset, 0, sizeof(by_memset));
  for (psa_hash_operation_t* operation :
       {&by_function, &by_macro, &by_memset}) {
    EXPECT_EQ(Update(operation, "x"), PSA_ERROR_BAD_STATE);
    EXPECT_EQ(psa_hash_setup(operation, PSA_ALG_SHA_256), PSA_SUCCESS);
    EXPECT_EQ(Update(operation, "abc"), PSA_SUCCESS);
    EXPECT_EQ(ToHex(Finish(operation)), kAbcSha256);
  }
}

TEST_F(HashTest, SetupOfAnActiveOperationIsBadStateAndLeavesItIntact) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "ab"), PSA_SUCCESS);
  EXPECT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_512), PSA_ERROR_BAD_STATE);
  ASSERT_EQ(Update(&operation, "c"), PSA_SUCCESS);
  EXPECT_EQ(ToHex(Finish(&operation)), kAbcSha256);
}

TEST_F(HashTest, ResumeIntoAnActiveOperationIsBadState) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  const uint8_t state[4] = {0x02, 0x00, 0x00, 0x09};
  EXPECT_EQ(psa_hash_resume(&operation, state, sizeof(state)),
            PSA_ERROR_BAD_STATE);
  ASSERT_EQ(Update(&operation, "abc"), PSA_SUCCESS);
  EXPECT_EQ(ToHex(Finish(&operation)), kAbcSha256);
}

TEST_F(HashTest, FinishEndsTheOperation) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_FALSE(Finish(&operation).empty());
  uint8_t hash[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  EXPECT_EQ(Update(&operation, "x"), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_finish(&operation, hash, sizeof(hash), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_verify(&operation, hash, 32), PSA_ERROR_BAD_STATE);
}

TEST_F(HashTest, VerifyEndsTheOperation) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "abc"), PSA_SUCCESS);
  const std::vector<uint8_t> expected = Compute(PSA_ALG_SHA_256, "abc");
  ASSERT_EQ(psa_hash_verify(&operation, expected.data(), expected.size()),
            PSA_SUCCESS);
  EXPECT_EQ(psa_hash_verify(&operation, expected.data(), expected.size()),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(Update(&operation, "x"), PSA_ERROR_BAD_STATE);
}

// --- Abort and reuse ---

TEST_F(HashTest, AbortIsAlwaysSafeAndIdempotent) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);  // never set up
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "abc"), PSA_SUCCESS);
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);  // active
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);  // aborted
  EXPECT_EQ(Update(&operation, "abc"), PSA_ERROR_BAD_STATE);
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_FALSE(Finish(&operation).empty());
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);  // finished
}

TEST_F(HashTest, ReusableAfterAbortAndAfterFinish) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  // Aborted midway: the next computation starts from scratch.
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_512), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "garbage"), PSA_SUCCESS);
  ASSERT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "abc"), PSA_SUCCESS);
  EXPECT_EQ(ToHex(Finish(&operation)), kAbcSha256);
  // Finished: set up again, with another algorithm.
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_512), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "abc"), PSA_SUCCESS);
  EXPECT_EQ(Finish(&operation), Compute(PSA_ALG_SHA_512, "abc"));
}

// --- Clone ---

TEST_F(HashTest, CloneThenDiverge) {
  psa_hash_operation_t source = PSA_HASH_OPERATION_INIT;
  psa_hash_operation_t copy = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&source, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&source, "common prefix|"), PSA_SUCCESS);
  ASSERT_EQ(psa_hash_clone(&source, &copy), PSA_SUCCESS);
  ASSERT_EQ(Update(&source, "source"), PSA_SUCCESS);
  ASSERT_EQ(Update(&copy, "copy"), PSA_SUCCESS);
  EXPECT_EQ(Finish(&source), Compute(PSA_ALG_SHA_256, "common prefix|source"));
  // Finishing the source did not end the copy.
  ASSERT_EQ(Update(&copy, "!"), PSA_SUCCESS);
  EXPECT_EQ(Finish(&copy), Compute(PSA_ALG_SHA_256, "common prefix|copy!"));
}

TEST_F(HashTest, AbortingTheCloneLeavesTheSourceAlive) {
  psa_hash_operation_t source = PSA_HASH_OPERATION_INIT;
  psa_hash_operation_t copy = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&source, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&source, "ab"), PSA_SUCCESS);
  ASSERT_EQ(psa_hash_clone(&source, &copy), PSA_SUCCESS);
  ASSERT_EQ(psa_hash_abort(&copy), PSA_SUCCESS);
  ASSERT_EQ(Update(&source, "c"), PSA_SUCCESS);
  EXPECT_EQ(ToHex(Finish(&source)), kAbcSha256);
}

TEST_F(HashTest, CloneIntoAnActiveTargetIsBadStateAndLeavesBoth) {
  psa_hash_operation_t source = PSA_HASH_OPERATION_INIT;
  psa_hash_operation_t target = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&source, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(psa_hash_setup(&target, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&source, "source"), PSA_SUCCESS);
  ASSERT_EQ(Update(&target, "ab"), PSA_SUCCESS);
  EXPECT_EQ(psa_hash_clone(&source, &target), PSA_ERROR_BAD_STATE);
  ASSERT_EQ(Update(&target, "c"), PSA_SUCCESS);
  EXPECT_EQ(ToHex(Finish(&target)), kAbcSha256);
  EXPECT_EQ(Finish(&source), Compute(PSA_ALG_SHA_256, "source"));
}

TEST_F(HashTest, CloneFromAFinishedSourceIsBadState) {
  psa_hash_operation_t source = PSA_HASH_OPERATION_INIT;
  psa_hash_operation_t target = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&source, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_FALSE(Finish(&source).empty());
  EXPECT_EQ(psa_hash_clone(&source, &target), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(Update(&target, "x"), PSA_ERROR_BAD_STATE);
}

// --- Algorithm checks ---

TEST_F(HashTest, NonHashAlgorithmsAreInvalidArgument) {
  const psa_algorithm_t not_hashes[] = {
      0,
      PSA_ALG_HMAC(PSA_ALG_SHA_256),
      PSA_ALG_CBC_NO_PADDING,
      PSA_ALG_ECDSA(PSA_ALG_SHA_256),
  };
  for (psa_algorithm_t alg : not_hashes) {
    SCOPED_TRACE(alg);
    psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
    EXPECT_EQ(psa_hash_setup(&operation, alg), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(Update(&operation, "x"), PSA_ERROR_BAD_STATE);
    uint8_t hash[PSA_HASH_MAX_SIZE];
    size_t length = 7;
    const uint8_t input[3] = {1, 2, 3};
    EXPECT_EQ(psa_hash_compute(alg, input, sizeof(input), hash, sizeof(hash),
                               &length),
              PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(length, 0u);
    EXPECT_EQ(psa_hash_compare(alg, input, sizeof(input), hash, 32),
              PSA_ERROR_INVALID_ARGUMENT);
  }
}

TEST_F(HashTest, HashWithoutDriverIsNotSupported) {
  // No driver of this build serves SHA3 (Mbed TLS 2.28 has none), and the
  // wildcard PSA_ALG_ANY_HASH names no hash.
  for (psa_algorithm_t alg : {PSA_ALG_SHA3_256, PSA_ALG_ANY_HASH}) {
    SCOPED_TRACE(alg);
    psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
    EXPECT_EQ(psa_hash_setup(&operation, alg), PSA_ERROR_NOT_SUPPORTED);
    EXPECT_EQ(Update(&operation, "x"), PSA_ERROR_BAD_STATE);
    uint8_t hash[PSA_HASH_MAX_SIZE];
    size_t length = 7;
    EXPECT_EQ(psa_hash_compute(alg, nullptr, 0, hash, sizeof(hash), &length),
              PSA_ERROR_NOT_SUPPORTED);
    EXPECT_EQ(psa_hash_compare(alg, nullptr, 0, hash, 32),
              PSA_ERROR_NOT_SUPPORTED);
    // The failed setup left the object usable.
    EXPECT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
    EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
  }
}

// --- Output buffers ---

TEST_F(HashTest, FinishIntoASmallBufferFailsWipesAndEnds) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "abc"), PSA_SUCCESS);
  uint8_t hash[31];
  memset(hash, 0xee, sizeof(hash));
  size_t length = 5;
  EXPECT_EQ(psa_hash_finish(&operation, hash, sizeof(hash), &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  for (uint8_t byte : hash) EXPECT_EQ(byte, 0);
  EXPECT_EQ(Update(&operation, "x"), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
}

TEST_F(HashTest, FinishIntoALargerBufferWritesTheHashLength) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "abc"), PSA_SUCCESS);
  uint8_t hash[100];
  size_t length = 0;
  ASSERT_EQ(psa_hash_finish(&operation, hash, sizeof(hash), &length),
            PSA_SUCCESS);
  EXPECT_EQ(length, 32u);
  EXPECT_EQ(ToHex(hash, length), kAbcSha256);
}

TEST_F(HashTest, ComputeIntoASmallBufferFailsAndWipes) {
  uint8_t hash[31];
  memset(hash, 0xee, sizeof(hash));
  size_t length = 5;
  const uint8_t input[3] = {'a', 'b', 'c'};
  EXPECT_EQ(psa_hash_compute(PSA_ALG_SHA_256, input, sizeof(input), hash,
                             sizeof(hash), &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  for (uint8_t byte : hash) EXPECT_EQ(byte, 0);
}

// --- Compare and verify ---

TEST_F(HashTest, CompareAcceptsOnlyTheExactHash) {
  const std::vector<uint8_t> input = Bytes("abc");
  std::vector<uint8_t> expected = Compute(PSA_ALG_SHA_256, "abc");
  ASSERT_EQ(expected.size(), 32u);
  EXPECT_EQ(psa_hash_compare(PSA_ALG_SHA_256, input.data(), input.size(),
                             expected.data(), expected.size()),
            PSA_SUCCESS);
  for (size_t i : {size_t{0}, size_t{17}, size_t{31}}) {
    std::vector<uint8_t> wrong = expected;
    wrong[i] ^= 0x01;
    EXPECT_EQ(psa_hash_compare(PSA_ALG_SHA_256, input.data(), input.size(),
                               wrong.data(), wrong.size()),
              PSA_ERROR_INVALID_SIGNATURE)
        << "flipped byte " << i;
  }
}

TEST_F(HashTest, CompareRejectsLengthMismatches) {
  const std::vector<uint8_t> input = Bytes("abc");
  std::vector<uint8_t> expected = Compute(PSA_ALG_SHA_256, "abc");
  // A correct prefix, the hash with a trailing byte, nothing at all.
  EXPECT_EQ(psa_hash_compare(PSA_ALG_SHA_256, input.data(), input.size(),
                             expected.data(), expected.size() - 1),
            PSA_ERROR_INVALID_SIGNATURE);
  std::vector<uint8_t> longer = expected;
  longer.push_back(0);
  EXPECT_EQ(psa_hash_compare(PSA_ALG_SHA_256, input.data(), input.size(),
                             longer.data(), longer.size()),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(psa_hash_compare(PSA_ALG_SHA_256, input.data(), input.size(),
                             expected.data(), 0),
            PSA_ERROR_INVALID_SIGNATURE);
}

TEST_F(HashTest, VerifyMismatchIsInvalidSignatureAndEndsTheOperation) {
  std::vector<uint8_t> wrong = Compute(PSA_ALG_SHA_256, "abc");
  wrong[5] ^= 0x80;
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(Update(&operation, "abc"), PSA_SUCCESS);
  EXPECT_EQ(psa_hash_verify(&operation, wrong.data(), wrong.size()),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(Update(&operation, "x"), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
  EXPECT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
}

TEST_F(HashTest, VerifyRejectsLengthMismatches) {
  const std::vector<uint8_t> expected = Compute(PSA_ALG_SHA_256, "abc");
  for (size_t length : {expected.size() - 1, expected.size() + 1}) {
    SCOPED_TRACE(length);
    std::vector<uint8_t> candidate = expected;
    candidate.resize(length, 0);
    psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
    ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
    ASSERT_EQ(Update(&operation, "abc"), PSA_SUCCESS);
    EXPECT_EQ(psa_hash_verify(&operation, candidate.data(), candidate.size()),
              PSA_ERROR_INVALID_SIGNATURE);
    EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
  }
}

// --- Suspend and resume: no driver can export a hash state ---

TEST_F(HashTest, SuspendIsNotSupportedAndEndsTheOperation) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  uint8_t state[PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE];
  size_t length = 9;
  EXPECT_EQ(psa_hash_suspend(&operation, state, sizeof(state), &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(Update(&operation, "x"), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_hash_abort(&operation), PSA_SUCCESS);
}

TEST_F(HashTest, ResumeChecksTheStateThenIsNotSupported) {
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  const uint8_t too_short[3] = {0x02, 0x00, 0x00};
  EXPECT_EQ(psa_hash_resume(&operation, too_short, sizeof(too_short)),
            PSA_ERROR_INVALID_ARGUMENT);
  // Algorithm field: HMAC-SHA-256 is not a hash.
  const uint8_t not_a_hash[8] = {0x03, 0x80, 0x00, 0x09, 0, 0, 0, 0};
  EXPECT_EQ(psa_hash_resume(&operation, not_a_hash, sizeof(not_a_hash)),
            PSA_ERROR_INVALID_ARGUMENT);
  const uint8_t sha256[8] = {0x02, 0x00, 0x00, 0x09, 0, 0, 0, 0};
  EXPECT_EQ(psa_hash_resume(&operation, sha256, sizeof(sha256)),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(Update(&operation, "x"), PSA_ERROR_BAD_STATE);
}

// --- Concurrency ---

TEST_F(HashTest, EightThreadsHashAtOnce) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 200;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &mismatches] {
      const psa_algorithm_t alg = t % 2 == 0 ? PSA_ALG_SHA_256 : PSA_ALG_SHA_512;
      for (int round = 0; round < kRounds; ++round) {
        const std::string message =
            "thread " + std::to_string(t) + " round " + std::to_string(round);
        psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
        psa_hash_operation_t copy = PSA_HASH_OPERATION_INIT;
        bool ok = psa_hash_setup(&operation, alg) == PSA_SUCCESS &&
                  Update(&operation, message.substr(0, 7)) == PSA_SUCCESS &&
                  psa_hash_clone(&operation, &copy) == PSA_SUCCESS &&
                  Update(&operation, message.substr(7)) == PSA_SUCCESS;
        ok = ok && Finish(&operation) == Compute(alg, message);
        const std::vector<uint8_t> expected = Compute(alg, message.substr(0, 7));
        ok = ok && psa_hash_verify(&copy, expected.data(), expected.size()) ==
                       PSA_SUCCESS;
        if (!ok) ++mismatches[t];
        psa_hash_abort(&operation);
        psa_hash_abort(&copy);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << t;
}

}  // namespace
