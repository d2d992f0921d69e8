// psa_generate_random() through the real library: the DRBG runs on the
// SHA-256 of the selected drivers and is seeded from the OS and their
// entropy sources.

#include <stdint.h>
#include <string.h>

#include <set>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace {

class RandomTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

TEST_F(RandomTest, ZeroBytesSucceed) {
  EXPECT_EQ(psa_generate_random(nullptr, 0), PSA_SUCCESS);
}

TEST_F(RandomTest, EverySizeIsFilled) {
  // Around the HMAC output (32) and the DRBG request limit (65536).
  for (size_t size : {1, 31, 32, 33, 1000, 65535, 65536, 65537, 200000}) {
    SCOPED_TRACE(size);
    std::vector<uint8_t> output(size + 1, 0);
    ASSERT_EQ(psa_generate_random(output.data(), size), PSA_SUCCESS);
    EXPECT_EQ(output[size], 0) << "wrote past the end";
    if (size >= 32) {
      // The last 32 bytes are not all zero (chance 2^-256).
      EXPECT_NE(std::vector<uint8_t>(output.end() - 33, output.end() - 1),
                std::vector<uint8_t>(32, 0));
    }
  }
}

TEST_F(RandomTest, BitsAreBalanced) {
  std::vector<uint8_t> output(1 << 20);
  ASSERT_EQ(psa_generate_random(output.data(), output.size()), PSA_SUCCESS);
  size_t ones = 0;
  for (uint8_t byte : output) ones += __builtin_popcount(byte);
  const double fraction = static_cast<double>(ones) / (8.0 * output.size());
  // 8 Mbit: one standard deviation is 0.00018; this allows ~28.
  EXPECT_NEAR(fraction, 0.5, 0.005);
}

TEST_F(RandomTest, EightThreadsNeverSeeTheSameBlock) {
  constexpr int kThreads = 8;
  constexpr int kBlocks = 500;
  std::vector<std::vector<std::vector<uint8_t>>> blocks(kThreads);
  std::vector<int> failures(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &blocks, &failures] {
      for (int i = 0; i < kBlocks; ++i) {
        std::vector<uint8_t> block(16);
        if (psa_generate_random(block.data(), block.size()) != PSA_SUCCESS) {
          ++failures[t];
        }
        blocks[t].push_back(std::move(block));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::vector<uint8_t>> distinct;
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(failures[t], 0);
    distinct.insert(blocks[t].begin(), blocks[t].end());
  }
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kThreads * kBlocks));
}

}  // namespace
