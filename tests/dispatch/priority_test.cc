// Build: test_a (SHA-2, fallback), test_b (SHA-256, fallback), builtin.

#include "tests/dispatch/dispatch_test_util.h"

namespace psa::testing {
namespace {

using PriorityDispatch = DispatchTest;

TEST_F(PriorityDispatch, FirstMatchingDriverServes) {
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), "test_a");
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 1u);
  EXPECT_EQ(test_b_hooks.hits.hash_compute, 0u);
}

TEST_F(PriorityDispatch, MultipartGoesToTheSameDriverThroughout) {
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbcByParts(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(test_a_hooks.hits.hash_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.hash_update, 2u);
  EXPECT_EQ(test_a_hooks.hits.hash_finish, 1u);
  EXPECT_EQ(test_b_hooks.hits.hash_setup, 0u);
}

TEST_F(PriorityDispatch, FallsBackToNextDriverWhenFirstSaysNotSupported) {
  test_a_hooks.unsupported_alg = PSA_ALG_SHA_256;
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), "test_b");
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 1u);
  EXPECT_EQ(test_b_hooks.hits.hash_compute, 1u);

  ASSERT_EQ(HashAbcByParts(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(test_b_hooks.hits.hash_setup, 1u);
  EXPECT_EQ(test_b_hooks.hits.hash_finish, 1u);
  EXPECT_EQ(test_a_hooks.hits.hash_update, 0u);
}

TEST_F(PriorityDispatch, FallsBackToBuiltinWhenAllDriversSayNotSupported) {
  test_a_hooks.unsupported_alg = PSA_ALG_SHA_256;
  test_b_hooks.unsupported_alg = PSA_ALG_SHA_256;
  std::vector<uint8_t> digest;
  ASSERT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 1u);
  EXPECT_EQ(test_b_hooks.hits.hash_compute, 1u);

  ASSERT_EQ(HashAbcByParts(PSA_ALG_SHA_256, &digest), PSA_SUCCESS);
  EXPECT_EQ(digest, kSha256Abc);
  EXPECT_EQ(ServedBy(), "builtin");
}

TEST_F(PriorityDispatch, ErrorOtherThanNotSupportedStopsTheChain) {
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  std::vector<uint8_t> digest;
  EXPECT_EQ(HashAbc(PSA_ALG_SHA_256, &digest), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(test_b_hooks.hits.hash_compute, 0u);
  EXPECT_EQ(HashAbcByParts(PSA_ALG_SHA_256, &digest), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(test_b_hooks.hits.hash_setup, 0u);
}

TEST_F(PriorityDispatch, AlgorithmFilterSkipsDriversThatDoNotDeclareIt) {
  std::vector<uint8_t> digest;
  // Neither test driver declares MD5.
  ASSERT_EQ(HashAbc(PSA_ALG_MD5, &digest), PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 0u);
  EXPECT_EQ(test_b_hooks.hits.hash_compute, 0u);
  // test_b declares SHA-256 only: when test_a declines SHA-512, test_b is
  // skipped and builtin serves.
  test_a_hooks.unsupported_alg = PSA_ALG_SHA_512;
  ASSERT_EQ(HashAbcByParts(PSA_ALG_SHA_512, &digest), PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.hash_setup, 1u);
  EXPECT_EQ(test_b_hooks.hits.hash_setup, 0u);
}

TEST_F(PriorityDispatch, UnknownHashIsNotSupported) {
  std::vector<uint8_t> digest;
  EXPECT_EQ(HashAbc(PSA_ALG_SHA3_256, &digest), PSA_ERROR_NOT_SUPPORTED);
}

TEST_F(PriorityDispatch, DispatchTableListsDriversInPriorityOrder) {
  std::string table = psa::dispatch::DispatchTable();
  size_t a = table.find("test_a");
  size_t b = table.find("test_b");
  size_t builtin = table.find("builtin");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(builtin, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_LT(b, builtin);
}

}  // namespace
}  // namespace psa::testing
