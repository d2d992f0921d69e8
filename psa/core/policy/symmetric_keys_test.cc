#include "psa/core/policy/symmetric_keys.h"

#include <stddef.h>
#include <stdint.h>

#include <algorithm>
#include <vector>

#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace psa::core::policy {
namespace {

constexpr size_t kMaxKeyBytes = kMaxKeyBits / 8;

// `length` bytes of varied content; for DES, with odd parity on every byte.
std::vector<uint8_t> KeyData(psa_key_type_t type, size_t length) {
  std::vector<uint8_t> data(length);
  for (size_t i = 0; i < length; ++i) {
    data[i] = static_cast<uint8_t>(0x3c + 37 * i);
  }
  if (type == PSA_KEY_TYPE_DES) SetDesParity(data.data(), data.size());
  return data;
}

psa_status_t Import(psa_key_type_t type, const std::vector<uint8_t>& data,
                    size_t* bits) {
  return ValidateSymmetricImport(type, data.data(), data.size(), bits);
}

struct SizeCase {
  const char* name;
  psa_key_type_t type;
  std::vector<size_t> valid_bytes;
  std::vector<size_t> invalid_bytes;      // PSA_ERROR_INVALID_ARGUMENT.
  std::vector<size_t> unsupported_bytes;  // PSA_ERROR_NOT_SUPPORTED.
};

const SizeCase kSizeCases[] = {
    {"AES",
     PSA_KEY_TYPE_AES,
     {16, 24, 32},
     {1, 8, 15, 17, 23, 25, 31, 33, 40, 63, 65, 128},
     {48, 64}},
    {"ARIA", PSA_KEY_TYPE_ARIA, {16, 24, 32}, {1, 15, 17, 31, 33}, {48, 64}},
    {"CAMELLIA",
     PSA_KEY_TYPE_CAMELLIA,
     {16, 24, 32},
     {1, 15, 17, 31, 33},
     {48, 64}},
    {"DES",
     PSA_KEY_TYPE_DES,
     {8, 16, 24},
     {1, 7, 9, 15, 17, 23, 25, 32, 48},
     {}},
    {"CHACHA20", PSA_KEY_TYPE_CHACHA20, {32}, {1, 16, 24, 31, 33, 64}, {}},
    {"RAW_DATA",
     PSA_KEY_TYPE_RAW_DATA,
     {1, 2, 15, 16, 33, 1000, kMaxKeyBytes},
     {},
     {kMaxKeyBytes + 1, 65536}},
    {"HMAC",
     PSA_KEY_TYPE_HMAC,
     {1, 20, 32, 64, 65, 200, kMaxKeyBytes},
     {},
     {kMaxKeyBytes + 1}},
    {"DERIVE",
     PSA_KEY_TYPE_DERIVE,
     {1, 32, kMaxKeyBytes},
     {},
     {kMaxKeyBytes + 1}},
    {"PASSWORD",
     PSA_KEY_TYPE_PASSWORD,
     {1, 8, 100, kMaxKeyBytes},
     {},
     {kMaxKeyBytes + 1}},
    {"PASSWORD_HASH",
     PSA_KEY_TYPE_PASSWORD_HASH,
     {1, 32, kMaxKeyBytes},
     {},
     {kMaxKeyBytes + 1}},
    {"PEPPER",
     PSA_KEY_TYPE_PEPPER,
     {1, 16, kMaxKeyBytes},
     {},
     {kMaxKeyBytes + 1}},
};

TEST(ValidateSymmetricImport, AcceptsEveryValidSizeWithAndWithoutBits) {
  for (const SizeCase& c : kSizeCases) {
    for (size_t length : c.valid_bytes) {
      const std::vector<uint8_t> data = KeyData(c.type, length);
      size_t bits = 0;
      EXPECT_EQ(Import(c.type, data, &bits), PSA_SUCCESS)
          << c.name << " " << length;
      EXPECT_EQ(bits, length * 8) << c.name << " " << length;
      bits = length * 8;
      EXPECT_EQ(Import(c.type, data, &bits), PSA_SUCCESS)
          << c.name << " " << length << " with bits";
      EXPECT_EQ(bits, length * 8);
    }
  }
}

TEST(ValidateSymmetricImport, RejectsSizesTheTypeDoesNotAllow) {
  for (const SizeCase& c : kSizeCases) {
    for (size_t length : c.invalid_bytes) {
      const std::vector<uint8_t> data = KeyData(c.type, length);
      size_t bits = 0;
      EXPECT_EQ(Import(c.type, data, &bits), PSA_ERROR_INVALID_ARGUMENT)
          << c.name << " " << length;
      EXPECT_EQ(bits, 0u) << c.name << ": bits written on failure";
    }
  }
}

TEST(ValidateSymmetricImport, SizesBeyondTheImplementationAreNotSupported) {
  for (const SizeCase& c : kSizeCases) {
    for (size_t length : c.unsupported_bytes) {
      const std::vector<uint8_t> data = KeyData(c.type, length);
      size_t bits = 0;
      EXPECT_EQ(Import(c.type, data, &bits), PSA_ERROR_NOT_SUPPORTED)
          << c.name << " " << length;
      EXPECT_EQ(bits, 0u) << c.name << ": bits written on failure";
    }
  }
}

TEST(ValidateSymmetricImport, EmptyKeysAreInvalidForEveryType) {
  const uint8_t byte = 0;
  for (const SizeCase& c : kSizeCases) {
    size_t bits = 0;
    EXPECT_EQ(ValidateSymmetricImport(c.type, &byte, 0, &bits),
              PSA_ERROR_INVALID_ARGUMENT)
        << c.name;
    EXPECT_EQ(ValidateSymmetricImport(c.type, nullptr, 0, &bits),
              PSA_ERROR_INVALID_ARGUMENT)
        << c.name;
  }
}

TEST(ValidateSymmetricImport, BitsThatDisagreeWithTheDataAreInvalid) {
  struct {
    const char* name;
    psa_key_type_t type;
    size_t length;
    size_t bits;
  } const kCases[] = {
      {"AES-128 data, 192 bits", PSA_KEY_TYPE_AES, 16, 192},
      {"AES-128 data, 256 bits", PSA_KEY_TYPE_AES, 16, 256},
      {"AES-256 data, 128 bits", PSA_KEY_TYPE_AES, 32, 128},
      {"AES-128 data, 129 bits", PSA_KEY_TYPE_AES, 16, 129},
      {"AES-128 data, 127 bits", PSA_KEY_TYPE_AES, 16, 127},
      {"AES-128 data, 16 (bytes, not bits)", PSA_KEY_TYPE_AES, 16, 16},
      {"DES 2-key data, 192 bits", PSA_KEY_TYPE_DES, 16, 192},
      {"DES single data, 56 bits", PSA_KEY_TYPE_DES, 8, 56},
      {"CHACHA20 data, 128 bits", PSA_KEY_TYPE_CHACHA20, 32, 128},
      {"HMAC 32 bytes, 255 bits", PSA_KEY_TYPE_HMAC, 32, 255},
      {"RAW 5 bytes, 48 bits", PSA_KEY_TYPE_RAW_DATA, 5, 48},
      {"RAW 5 bytes, huge bits", PSA_KEY_TYPE_RAW_DATA, 5, SIZE_MAX},
      // A mismatch is invalid even where the data size is merely unsupported.
      {"AES-XTS-256 data, 128 bits", PSA_KEY_TYPE_AES, 64, 128},
  };
  for (const auto& c : kCases) {
    const std::vector<uint8_t> data = KeyData(c.type, c.length);
    size_t bits = c.bits;
    EXPECT_EQ(Import(c.type, data, &bits), PSA_ERROR_INVALID_ARGUMENT)
        << c.name;
    EXPECT_EQ(bits, c.bits) << c.name << ": bits changed on failure";
  }
}

TEST(ValidateSymmetricImport, EveryDesParityViolationIsInvalid) {
  for (size_t length : {8u, 16u, 24u}) {
    const std::vector<uint8_t> valid = KeyData(PSA_KEY_TYPE_DES, length);
    size_t bits = 0;
    ASSERT_EQ(Import(PSA_KEY_TYPE_DES, valid, &bits), PSA_SUCCESS);
    for (size_t position = 0; position < length; ++position) {
      // Flipping any one bit of a byte makes its parity even.
      for (unsigned bit : {0u, 1u, 7u}) {
        std::vector<uint8_t> data = valid;
        data[position] ^= static_cast<uint8_t>(1u << bit);
        bits = 0;
        EXPECT_EQ(Import(PSA_KEY_TYPE_DES, data, &bits),
                  PSA_ERROR_INVALID_ARGUMENT)
            << length << "-byte key, byte " << position << ", bit " << bit;
        EXPECT_EQ(bits, 0u);
      }
    }
  }
}

TEST(ValidateSymmetricImport, DesParityIsNotCheckedForOtherTypes) {
  // Even parity on every byte: fine for AES, invalid for DES.
  const std::vector<uint8_t> even(16, 0x03);
  size_t bits = 0;
  EXPECT_EQ(Import(PSA_KEY_TYPE_AES, even, &bits), PSA_SUCCESS);
  bits = 0;
  EXPECT_EQ(Import(PSA_KEY_TYPE_DES, even, &bits), PSA_ERROR_INVALID_ARGUMENT);
}

TEST(ValidateSymmetricImport, WeakDesKeysAreAccepted) {
  // 0x01 x 8 is a weak DES key with correct parity.
  const std::vector<uint8_t> weak(8, 0x01);
  size_t bits = 0;
  EXPECT_EQ(Import(PSA_KEY_TYPE_DES, weak, &bits), PSA_SUCCESS);
  EXPECT_EQ(bits, 64u);
}

TEST(ValidateSymmetricImport, ClassifiesKeyTypes) {
  struct {
    const char* name;
    psa_key_type_t type;
    psa_status_t expected;
  } const kCases[] = {
      {"none", PSA_KEY_TYPE_NONE, PSA_ERROR_NOT_SUPPORTED},
      {"RSA key pair", PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_ERROR_INVALID_ARGUMENT},
      {"RSA public key", PSA_KEY_TYPE_RSA_PUBLIC_KEY,
       PSA_ERROR_INVALID_ARGUMENT},
      {"ECC key pair", PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
       PSA_ERROR_INVALID_ARGUMENT},
      {"ECC public key", PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_MONTGOMERY),
       PSA_ERROR_INVALID_ARGUMENT},
      {"DH key pair", PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919),
       PSA_ERROR_INVALID_ARGUMENT},
      {"AES with its parity bit flipped", PSA_KEY_TYPE_AES ^ 1,
       PSA_ERROR_INVALID_ARGUMENT},
      {"unallocated symmetric type, bad parity", 0x2402,
       PSA_ERROR_INVALID_ARGUMENT},
      {"unallocated symmetric type", 0x2409, PSA_ERROR_NOT_SUPPORTED},
      {"unallocated raw type", 0x1002, PSA_ERROR_NOT_SUPPORTED},
      {"implementation-defined type", 0x9003, PSA_ERROR_NOT_SUPPORTED},
      {"implementation-defined type, bad parity", 0x9001,
       PSA_ERROR_INVALID_ARGUMENT},
      {"SM4", PSA_KEY_TYPE_SM4, PSA_ERROR_NOT_SUPPORTED},
      {"ARC4", PSA_KEY_TYPE_ARC4, PSA_ERROR_NOT_SUPPORTED},
      {"XCHACHA20", PSA_KEY_TYPE_XCHACHA20, PSA_ERROR_NOT_SUPPORTED},
  };
  // 32 bytes: a valid size for SM4-XTS, ARC4 and XChaCha20, so only the type
  // decides.
  const std::vector<uint8_t> data = KeyData(PSA_KEY_TYPE_AES, 32);
  for (const auto& c : kCases) {
    size_t bits = 0;
    EXPECT_EQ(Import(c.type, data, &bits), c.expected) << c.name;
    EXPECT_EQ(ValidateSymmetricGenerate(c.type, 256), c.expected) << c.name;
  }
}

TEST(ValidateSymmetricImport, NullArgumentsAreInvalid) {
  const std::vector<uint8_t> data = KeyData(PSA_KEY_TYPE_AES, 16);
  size_t bits = 0;
  EXPECT_EQ(ValidateSymmetricImport(PSA_KEY_TYPE_AES, data.data(), data.size(),
                                    nullptr),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ValidateSymmetricImport(PSA_KEY_TYPE_AES, nullptr, 16, &bits),
            PSA_ERROR_INVALID_ARGUMENT);
}

TEST(ValidateSymmetricGenerate, FollowsTheSizeRules) {
  for (const SizeCase& c : kSizeCases) {
    for (size_t length : c.valid_bytes) {
      EXPECT_EQ(ValidateSymmetricGenerate(c.type, length * 8), PSA_SUCCESS)
          << c.name << " " << length;
    }
    for (size_t length : c.invalid_bytes) {
      EXPECT_EQ(ValidateSymmetricGenerate(c.type, length * 8),
                PSA_ERROR_INVALID_ARGUMENT)
          << c.name << " " << length;
    }
    for (size_t length : c.unsupported_bytes) {
      EXPECT_EQ(ValidateSymmetricGenerate(c.type, length * 8),
                PSA_ERROR_NOT_SUPPORTED)
          << c.name << " " << length;
    }
    EXPECT_EQ(ValidateSymmetricGenerate(c.type, 0), PSA_ERROR_INVALID_ARGUMENT)
        << c.name;
  }
}

TEST(ValidateSymmetricGenerate, SizesThatAreNotWholeBytesAreInvalid) {
  for (size_t bits : {1u, 7u, 9u, 127u, 129u, 255u}) {
    EXPECT_EQ(ValidateSymmetricGenerate(PSA_KEY_TYPE_RAW_DATA, bits),
              PSA_ERROR_INVALID_ARGUMENT)
        << bits;
    EXPECT_EQ(ValidateSymmetricGenerate(PSA_KEY_TYPE_HMAC, bits),
              PSA_ERROR_INVALID_ARGUMENT)
        << bits;
    EXPECT_EQ(ValidateSymmetricGenerate(PSA_KEY_TYPE_AES, bits),
              PSA_ERROR_INVALID_ARGUMENT)
        << bits;
  }
  // Invalid before unsupported: not a whole number of bytes and too large.
  EXPECT_EQ(ValidateSymmetricGenerate(PSA_KEY_TYPE_RAW_DATA, kMaxKeyBits + 1),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ValidateSymmetricGenerate(PSA_KEY_TYPE_RAW_DATA, SIZE_MAX),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ValidateSymmetricGenerate(PSA_KEY_TYPE_RAW_DATA, SIZE_MAX - 7),
            PSA_ERROR_NOT_SUPPORTED);
}

int PopCount(uint8_t byte) {
  int count = 0;
  for (; byte != 0; byte &= static_cast<uint8_t>(byte - 1)) ++count;
  return count;
}

TEST(SetDesParity, GivesEveryByteOddParityAndKeepsTheKeyBits) {
  std::vector<uint8_t> all(256);
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<uint8_t>(i);
  std::vector<uint8_t> fixed = all;
  SetDesParity(fixed.data(), fixed.size());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(PopCount(fixed[i]) % 2, 1) << i;
    EXPECT_EQ(fixed[i] & 0xFE, all[i] & 0xFE) << i;
  }
  std::vector<uint8_t> again = fixed;
  SetDesParity(again.data(), again.size());
  EXPECT_EQ(again, fixed) << "not idempotent";
  EXPECT_EQ(fixed[0x00], 0x01);
  EXPECT_EQ(fixed[0x01], 0x01);
  EXPECT_EQ(fixed[0xFE], 0xFE);
  EXPECT_EQ(fixed[0xFF], 0xFE);
  EXPECT_EQ(fixed[0x12], 0x13);
  SetDesParity(nullptr, 0);
}

TEST(SetDesParity, MakesGeneratedMaterialImportable) {
  std::vector<uint8_t> key(24);
  for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<uint8_t>(i * 2);
  size_t bits = 0;
  ASSERT_EQ(Import(PSA_KEY_TYPE_DES, key, &bits), PSA_ERROR_INVALID_ARGUMENT);
  SetDesParity(key.data(), key.size());
  EXPECT_EQ(Import(PSA_KEY_TYPE_DES, key, &bits), PSA_SUCCESS);
  EXPECT_EQ(bits, 192u);
}

// The 16 weak and semi-weak keys of NIST SP 800-67, as test vectors.
const uint8_t kWeakKeys[16][8] = {
    {0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01},
    {0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE},
    {0xE0, 0xE0, 0xE0, 0xE0, 0xF1, 0xF1, 0xF1, 0xF1},
    {0x1F, 0x1F, 0x1F, 0x1F, 0x0E, 0x0E, 0x0E, 0x0E},
    {0x01, 0x1F, 0x01, 0x1F, 0x01, 0x0E, 0x01, 0x0E},
    {0x1F, 0x01, 0x1F, 0x01, 0x0E, 0x01, 0x0E, 0x01},
    {0x01, 0xE0, 0x01, 0xE0, 0x01, 0xF1, 0x01, 0xF1},
    {0xE0, 0x01, 0xE0, 0x01, 0xF1, 0x01, 0xF1, 0x01},
    {0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE},
    {0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01},
    {0x1F, 0xE0, 0x1F, 0xE0, 0x0E, 0xF1, 0x0E, 0xF1},
    {0xE0, 0x1F, 0xE0, 0x1F, 0xF1, 0x0E, 0xF1, 0x0E},
    {0x1F, 0xFE, 0x1F, 0xFE, 0x0E, 0xFE, 0x0E, 0xFE},
    {0xFE, 0x1F, 0xFE, 0x1F, 0xFE, 0x0E, 0xFE, 0x0E},
    {0xE0, 0xFE, 0xE0, 0xFE, 0xF1, 0xFE, 0xF1, 0xFE},
    {0xFE, 0xE0, 0xFE, 0xE0, 0xFE, 0xF1, 0xFE, 0xF1},
};

TEST(ContainsWeakDesKey, FindsEachWeakKeyInEachPosition) {
  const std::vector<uint8_t> strong = KeyData(PSA_KEY_TYPE_DES, 24);
  ASSERT_FALSE(ContainsWeakDesKey(strong.data(), strong.size()));
  for (const auto& weak : kWeakKeys) {
    for (size_t position = 0; position < 3; ++position) {
      std::vector<uint8_t> key = strong;
      std::copy(weak, weak + 8, key.begin() + 8 * position);
      EXPECT_TRUE(ContainsWeakDesKey(key.data(), key.size()))
          << "position " << position;
      // Parity bits do not matter.
      for (size_t i = 0; i < 8; ++i) key[8 * position + i] ^= 1;
      EXPECT_TRUE(ContainsWeakDesKey(key.data(), key.size()))
          << "position " << position << ", parity flipped";
    }
  }
}

TEST(ContainsWeakDesKey, OneKeyBitAwayIsNotWeak) {
  for (const auto& weak : kWeakKeys) {
    for (size_t i = 0; i < 8; ++i) {
      for (unsigned bit = 1; bit < 8; ++bit) {
        uint8_t key[8];
        std::copy(weak, weak + 8, key);
        key[i] ^= static_cast<uint8_t>(1u << bit);
        EXPECT_FALSE(ContainsWeakDesKey(key, sizeof(key)))
            << "byte " << i << " bit " << bit;
      }
    }
  }
}

TEST(ContainsWeakDesKey, OnlyWholeDesKeysAreExamined) {
  const uint8_t weak_and_more[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
  EXPECT_FALSE(ContainsWeakDesKey(weak_and_more, 9));
  EXPECT_TRUE(ContainsWeakDesKey(weak_and_more, 8));
  EXPECT_FALSE(ContainsWeakDesKey(nullptr, 0));
}

}  // namespace
}  // namespace psa::core::policy
