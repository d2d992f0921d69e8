// The key cache: hits for a buffer seen before, misses for new ones, the
// capacity bound with least-recently-used eviction, unparsable buffers not
// cached, and 8 threads sharing one small cache (keys stay valid while
// evicted under them).

#include "drivers/openssl/openssl_key_cache.h"

#include <atomic>
#include <thread>
#include <vector>

#include <openssl/evp.h>

#include "gtest/gtest.h"

namespace drivers::openssl {
namespace {

constexpr psa_key_type_t kPair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);

// A valid P-256 private scalar (below the order): 0x01, zeros, then `n`.
std::vector<uint8_t> Scalar(uint8_t n) {
  std::vector<uint8_t> scalar(32, 0);
  scalar[31] = n;
  scalar[0] = 0x01;
  return scalar;
}

TEST(KeyCache, SecondUseOfABufferIsAHit) {
  KeyCache cache(4);
  const std::vector<uint8_t> key = Scalar(1);
  Pkey first, second;
  ASSERT_EQ(cache.Acquire(kPair, 256, key.data(), key.size(), &first), PSA_SUCCESS);
  ASSERT_EQ(cache.Acquire(kPair, 256, key.data(), key.size(), &second), PSA_SUCCESS);
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 1u);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(KeyCache, SameBytesOfAnotherTypeOrSizeAreAnotherEntry) {
  KeyCache cache(4);
  const std::vector<uint8_t> key = Scalar(2);
  Pkey a, b;
  ASSERT_EQ(cache.Acquire(kPair, 256, key.data(), key.size(), &a), PSA_SUCCESS);
  ASSERT_EQ(cache.Acquire(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_K1), 256, key.data(), key.size(), &b),
            PSA_SUCCESS);
  EXPECT_NE(a.get(), b.get());
  EXPECT_EQ(cache.size(), 2u);
}

TEST(KeyCache, EvictsTheLeastRecentlyUsed) {
  KeyCache cache(2);
  const std::vector<uint8_t> k1 = Scalar(1), k2 = Scalar(2), k3 = Scalar(3);
  Pkey held;
  ASSERT_EQ(cache.Acquire(kPair, 256, k1.data(), k1.size(), &held), PSA_SUCCESS);
  Pkey other;
  ASSERT_EQ(cache.Acquire(kPair, 256, k2.data(), k2.size(), &other), PSA_SUCCESS);
  ASSERT_EQ(cache.Acquire(kPair, 256, k1.data(), k1.size(), &other), PSA_SUCCESS);  // k1 recent
  ASSERT_EQ(cache.Acquire(kPair, 256, k3.data(), k3.size(), &other), PSA_SUCCESS);  // evicts k2
  EXPECT_EQ(cache.size(), 2u);
  const uint64_t misses = cache.misses();
  ASSERT_EQ(cache.Acquire(kPair, 256, k1.data(), k1.size(), &other), PSA_SUCCESS);
  EXPECT_EQ(cache.misses(), misses);
  ASSERT_EQ(cache.Acquire(kPair, 256, k2.data(), k2.size(), &other), PSA_SUCCESS);
  EXPECT_EQ(cache.misses(), misses + 1);
  cache.Clear();
  EXPECT_EQ(cache.size(), 0u);
  // A reference taken before the eviction is still a usable key.
  EXPECT_EQ(EVP_PKEY_get_bits(held.get()), 256);
}

TEST(KeyCache, InvalidBuffersAreNotCached) {
  KeyCache cache(4);
  const std::vector<uint8_t> zero(32, 0);  // d = 0
  Pkey key;
  EXPECT_EQ(cache.Acquire(kPair, 256, zero.data(), zero.size(), &key), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(cache.Acquire(kPair, 256, zero.data(), 31, &key), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.Acquire(kPair, 192, zero.data(), 24, &key), PSA_ERROR_NOT_SUPPORTED);
}

TEST(KeyCache, EightThreadsShareASmallCache) {
  KeyCache cache(4);
  constexpr int kThreads = 8;
  constexpr int kRounds = 300;
  constexpr int kKeys = 12;
  std::vector<std::vector<uint8_t>> keys;
  for (int i = 0; i < kKeys; ++i) keys.push_back(Scalar(static_cast<uint8_t>(i + 1)));
  // The public key each scalar must give, computed without the cache.
  std::vector<std::vector<uint8_t>> publics;
  for (const auto& key : keys) {
    Pkey parsed;
    ASSERT_EQ(ParseKey(kPair, 256, key.data(), key.size(), &parsed), PSA_SUCCESS);
    std::vector<uint8_t> point(65);
    size_t length = 0;
    ASSERT_EQ(EVP_PKEY_get_octet_string_param(parsed.get(), "pub", point.data(), point.size(), &length), 1);
    publics.push_back(point);
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        const int index = (round * 5 + t) % kKeys;
        Pkey key;
        if (cache.Acquire(kPair, 256, keys[index].data(), keys[index].size(), &key) != PSA_SUCCESS) {
          ++failures;
          continue;
        }
        std::vector<uint8_t> point(65);
        size_t length = 0;
        if (EVP_PKEY_get_octet_string_param(key.get(), "pub", point.data(), point.size(), &length) != 1 ||
            point != publics[index]) {
          ++failures;
        }
        if (cache.size() > cache.capacity()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_LE(cache.size(), 4u);
  EXPECT_EQ(cache.hits() + cache.misses(), static_cast<uint64_t>(kThreads * kRounds));
  EXPECT_GT(cache.misses(), 0u);
}

}  // namespace
}  // namespace drivers::openssl
