#include "drivers/rdseed/health_tests.h"

#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace rdseed {
namespace {

TEST(HealthTests, UniformBytesPass) {
  std::mt19937 rng(1);
  std::vector<uint8_t> bytes(1 << 20);
  for (uint8_t& b : bytes) b = static_cast<uint8_t>(rng());
  HealthTests tests;
  EXPECT_TRUE(tests.Feed(bytes.data(), bytes.size()));
}

TEST(HealthTests, RepetitionCountTestFailsAtTheCutoff) {
  EXPECT_EQ(HealthTests::kRepetitionCutoff, 6);
  HealthTests tests;
  const std::vector<uint8_t> five(5, 0xab), six(6, 0xab);
  EXPECT_TRUE(tests.Feed(five.data(), five.size()));
  tests.Reset();
  EXPECT_FALSE(tests.Feed(six.data(), six.size()));
}

TEST(HealthTests, AStuckSourceFailsAcrossCalls) {
  HealthTests tests;
  const uint8_t ones[3] = {0xff, 0xff, 0xff};
  EXPECT_TRUE(tests.Feed(ones, 3));
  EXPECT_FALSE(tests.Feed(ones, 3));  // the run continues from the last call
}

TEST(HealthTests, AdaptiveProportionTestCatchesABiasedSource) {
  // A value in every other byte (runs of 1, so the RCT passes), 256 times
  // in a 512-byte window: far above the cutoff of 62.
  std::mt19937 rng(2);
  std::vector<uint8_t> bytes;
  for (int i = 0; i < 512; ++i) bytes.push_back(i % 2 == 0 ? 0x5a : static_cast<uint8_t>(0x80 | (rng() & 0x7f)));
  HealthTests tests;
  EXPECT_FALSE(tests.Feed(bytes.data(), bytes.size()));
}

TEST(HealthTests, AdaptiveProportionTestAllowsOneBelowTheCutoff) {
  // The window's first value 61 times in 512 bytes, spread out.
  std::vector<uint8_t> bytes(512);
  for (int i = 0; i < 512; ++i) bytes[i] = static_cast<uint8_t>(1 + i % 200);
  for (int i = 0; i < 61; ++i) bytes[i * 8] = 0;
  HealthTests tests;
  EXPECT_TRUE(tests.Feed(bytes.data(), bytes.size()));
  for (int i = 0; i < 512; ++i) bytes[i] = static_cast<uint8_t>(1 + i % 200);
  for (int i = 0; i < 62; ++i) bytes[i * 8] = 0;
  tests.Reset();
  EXPECT_FALSE(tests.Feed(bytes.data(), bytes.size()));
}

}  // namespace
}  // namespace rdseed
