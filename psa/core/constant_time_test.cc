#include "psa/core/constant_time.h"

#include <stdint.h>

#include <vector>

#include "gtest/gtest.h"

namespace psa::core {
namespace {

TEST(ConstantTimeEqual, EqualBuffersCompareEqual) {
  const std::vector<uint8_t> a = {1, 2, 3, 4, 5, 6, 7, 8};
  const std::vector<uint8_t> b = a;
  EXPECT_TRUE(ConstantTimeEqual(a.data(), b.data(), a.size()));
}

TEST(ConstantTimeEqual, ZeroLengthIsEqualEvenWithNullBuffers) {
  EXPECT_TRUE(ConstantTimeEqual(nullptr, nullptr, 0));
}

TEST(ConstantTimeEqual, DetectsASingleBitFlipAtEveryPosition) {
  std::vector<uint8_t> a(64);
  for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<uint8_t>(i * 7);
  for (size_t position = 0; position < a.size(); ++position) {
    for (int bit = 0; bit < 8; ++bit) {
      std::vector<uint8_t> b = a;
      b[position] ^= static_cast<uint8_t>(1u << bit);
      EXPECT_FALSE(ConstantTimeEqual(a.data(), b.data(), a.size()))
          << "byte " << position << " bit " << bit;
    }
  }
}

TEST(ConstantTimeEqual, ComparesOnlyTheGivenLength) {
  const std::vector<uint8_t> a = {9, 9, 9, 1};
  const std::vector<uint8_t> b = {9, 9, 9, 2};
  EXPECT_TRUE(ConstantTimeEqual(a.data(), b.data(), 3));
  EXPECT_FALSE(ConstantTimeEqual(a.data(), b.data(), 4));
}

TEST(ConstantTimeEqualWithLengths, SameLengthSameBytesIsEqual) {
  const std::vector<uint8_t> a = {0xde, 0xad, 0xbe, 0xef};
  EXPECT_TRUE(ConstantTimeEqualWithLengths(a.data(), a.size(), a.data(),
                                           a.size()));
}

TEST(ConstantTimeEqualWithLengths, PrefixOfTheExpectedValueIsNotEqual) {
  const std::vector<uint8_t> expected = {1, 2, 3, 4};
  EXPECT_FALSE(ConstantTimeEqualWithLengths(expected.data(), 3,
                                            expected.data(), 4));
  EXPECT_FALSE(ConstantTimeEqualWithLengths(expected.data(), 4,
                                            expected.data(), 3));
}

TEST(ConstantTimeEqualWithLengths, EmptyAgainstNonEmptyIsNotEqual) {
  const uint8_t one = 1;
  EXPECT_FALSE(ConstantTimeEqualWithLengths(nullptr, 0, &one, 1));
  EXPECT_TRUE(ConstantTimeEqualWithLengths(nullptr, 0, nullptr, 0));
}

TEST(ConstantTimeEqualWithLengths, DifferentBytesSameLengthIsNotEqual) {
  const std::vector<uint8_t> a = {1, 2, 3, 4};
  const std::vector<uint8_t> b = {1, 2, 3, 5};
  EXPECT_FALSE(ConstantTimeEqualWithLengths(a.data(), 4, b.data(), 4));
}

}  // namespace
}  // namespace psa::core
