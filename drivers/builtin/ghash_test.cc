// Unit tests of the constant-time GHASH multiplication: the intermediate
// values of the GCM specification's test cases 2 and 3, and agreement with
// the bit-by-bit multiplication of NIST SP 800-38D (Algorithm 1) on edge
// and pseudo-random operands.

#include "drivers/builtin/ghash.h"

#include <array>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace drivers::builtin {
namespace {

using Block = std::array<uint8_t, 16>;

std::vector<uint8_t> FromHex(const std::string& hex) {
  std::vector<uint8_t> bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
  }
  return bytes;
}

Block BlockFromHex(const std::string& hex) {
  std::vector<uint8_t> bytes = FromHex(hex);
  Block block{};
  std::memcpy(block.data(), bytes.data(), block.size());
  return block;
}

// X * Y by SP 800-38D Algorithm 1: one bit of X at a time, V = V * x.
Block ReferenceMultiply(const Block& x, const Block& y) {
  Block z{};
  Block v = y;
  for (int i = 0; i < 128; ++i) {
    if ((x[i / 8] >> (7 - i % 8)) & 1) {
      for (int j = 0; j < 16; ++j) z[j] ^= v[j];
    }
    const bool lsb = v[15] & 1;
    for (int j = 15; j > 0; --j) {
      v[j] = static_cast<uint8_t>((v[j] >> 1) | (v[j - 1] << 7));
    }
    v[0] >>= 1;
    if (lsb) v[0] ^= 0xe1;
  }
  return z;
}

Block Multiply(const Block& x, const Block& h) {
  uint64_t key[kGhashKeyWords];
  GhashSetKey(key, h.data());
  uint64_t words[2] = {LoadBigEndian64(x.data()), LoadBigEndian64(x.data() + 8)};
  GhashMultiply(words, key);
  Block out;
  StoreBigEndian64(out.data(), words[0]);
  StoreBigEndian64(out.data() + 8, words[1]);
  return out;
}

// GHASH(H, {}, C) with the length block, for whole-block C.
Block Ghash(const Block& h, const std::vector<uint8_t>& c) {
  uint64_t key[kGhashKeyWords];
  GhashSetKey(key, h.data());
  uint64_t x[2] = {0, 0};
  GhashBlocks(x, key, c.data(), c.size() / 16);
  uint8_t lengths[16] = {0};
  StoreBigEndian64(lengths + 8, uint64_t{c.size()} * 8);
  GhashBlocks(x, key, lengths, 1);
  Block out;
  StoreBigEndian64(out.data(), x[0]);
  StoreBigEndian64(out.data() + 8, x[1]);
  return out;
}

TEST(Ghash, MultipliesLikeGcmSpecTestCase2) {
  // X1 = C1 * H in the GCM specification's test case 2.
  EXPECT_EQ(Multiply(BlockFromHex("0388dace60b6a392f328c2b971b2fe78"),
                     BlockFromHex("66e94bd4ef8a2c3b884cfa59ca342b2e")),
            BlockFromHex("5e2ec746917062882c85b0685353deb7"));
}

TEST(Ghash, HashesLikeGcmSpecTestCases2And3) {
  EXPECT_EQ(Ghash(BlockFromHex("66e94bd4ef8a2c3b884cfa59ca342b2e"),
                  FromHex("0388dace60b6a392f328c2b971b2fe78")),
            BlockFromHex("f38cbb1ad69223dcc3457ae5b6b0f885"));
  EXPECT_EQ(Ghash(BlockFromHex("b83b533708bf535d0aa6e52980d53b78"),
                  FromHex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e"
                          "2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0a"
                          "ac973d58e091473f5985")),
            BlockFromHex("7f1b32b81b820d02614f8895ac1d4eac"));
}

TEST(Ghash, OneIsTheIdentity) {
  // The element 1 is the string 80 00 .. 00.
  const Block one = BlockFromHex("80000000000000000000000000000000");
  const Block h = BlockFromHex("66e94bd4ef8a2c3b884cfa59ca342b2e");
  EXPECT_EQ(Multiply(one, h), h);
  EXPECT_EQ(Multiply(h, one), h);
  EXPECT_EQ(Multiply(Block{}, h), Block{});
}

TEST(Ghash, AgreesWithBitwiseMultiplicationOnEdgeOperands) {
  std::vector<Block> operands = {
      Block{},
      BlockFromHex("80000000000000000000000000000000"),
      BlockFromHex("00000000000000000000000000000001"),
      BlockFromHex("00000000000000010000000000000000"),
      BlockFromHex("00000000000000008000000000000000"),
      BlockFromHex("ffffffffffffffffffffffffffffffff"),
      BlockFromHex("ffffffffffffffff0000000000000000"),
      BlockFromHex("0000000000000000ffffffffffffffff"),
      BlockFromHex("11111111111111111111111111111111"),
      BlockFromHex("88888888888888888888888888888888"),
      BlockFromHex("e1000000000000000000000000000000"),
  };
  for (const Block& x : operands) {
    for (const Block& y : operands) {
      EXPECT_EQ(Multiply(x, y), ReferenceMultiply(x, y));
    }
  }
}

TEST(Ghash, AgreesWithBitwiseMultiplicationOnRandomOperands) {
  std::mt19937_64 rng(20240611);
  for (int i = 0; i < 2000; ++i) {
    Block x, y;
    for (auto& b : x) b = static_cast<uint8_t>(rng());
    for (auto& b : y) b = static_cast<uint8_t>(rng());
    // Sparse operands too: long runs of zero or one bits.
    if (i % 4 == 1) {
      for (auto& b : x) b &= static_cast<uint8_t>(rng());
    } else if (i % 4 == 2) {
      for (auto& b : y) b |= static_cast<uint8_t>(rng());
    }
    ASSERT_EQ(Multiply(x, y), ReferenceMultiply(x, y)) << "iteration " << i;
  }
}

TEST(Ghash, BlocksChainsMultiplications) {
  std::mt19937_64 rng(7);
  Block h;
  for (auto& b : h) b = static_cast<uint8_t>(rng());
  std::vector<uint8_t> data(16 * 5);
  for (auto& b : data) b = static_cast<uint8_t>(rng());

  Block expected{};
  for (size_t i = 0; i < 5; ++i) {
    for (size_t j = 0; j < 16; ++j) expected[j] ^= data[16 * i + j];
    expected = ReferenceMultiply(expected, h);
  }
  uint64_t key[kGhashKeyWords];
  GhashSetKey(key, h.data());
  uint64_t x[2] = {0, 0};
  GhashBlocks(x, key, data.data(), 2);
  GhashBlocks(x, key, data.data() + 32, 3);
  Block got;
  StoreBigEndian64(got.data(), x[0]);
  StoreBigEndian64(got.data() + 8, x[1]);
  EXPECT_EQ(got, expected);
}

}  // namespace
}  // namespace drivers::builtin
