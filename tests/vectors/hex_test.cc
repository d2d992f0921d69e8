#include "tests/vectors/hex.h"

#include <gtest/gtest.h>

namespace tests::vectors {
namespace {

TEST(Hex, DecodesEitherCase) {
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(DecodeHex("00aBcDeF19", &bytes));
  EXPECT_EQ(bytes, (std::vector<uint8_t>{0x00, 0xab, 0xcd, 0xef, 0x19}));
  ASSERT_TRUE(DecodeHex("", &bytes));
  EXPECT_TRUE(bytes.empty());
}

TEST(Hex, RejectsOddLengthsAndOtherCharacters) {
  std::vector<uint8_t> bytes = {1};
  EXPECT_FALSE(DecodeHex("abc", &bytes));
  EXPECT_TRUE(bytes.empty());
  EXPECT_FALSE(DecodeHex("0g", &bytes));
  EXPECT_FALSE(DecodeHex("0 ", &bytes));
}

TEST(Hex, EncodesLowercase) {
  EXPECT_EQ(EncodeHex({0x00, 0xab, 0xff}), "00abff");
  EXPECT_EQ(EncodeHex(nullptr, 0), "");
}

}  // namespace
}  // namespace tests::vectors
