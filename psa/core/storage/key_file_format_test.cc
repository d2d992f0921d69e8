// The key file format, byte by byte: the documented layout, a golden
// version-1 file (its checksum computed with sha256sum, not with this code),
// what the encoder refuses, and what the decoder refuses even when the
// checksum is right.

#include "psa/core/storage/key_file_format.h"

#include <stdint.h>
#include <string.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/storage/testing/storage_test_util.h"
#include "psa/crypto.h"

namespace psa::core::storage {
namespace {

using ::psa::core::storage::testing::PatternBytes;
using ::psa::core::storage::testing::PersistentAttributes;
using ::psa::core::storage::testing::Reseal;

std::vector<uint8_t> FromHex(const std::string& hex) {
  std::vector<uint8_t> bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
  }
  return bytes;
}

std::vector<uint8_t> ToVector(const SecureBuffer& buffer) {
  return std::vector<uint8_t>(buffer.data(), buffer.data() + buffer.size());
}

uint32_t Le32At(const std::vector<uint8_t>& bytes, size_t offset) {
  return bytes[offset] | bytes[offset + 1] << 8 | bytes[offset + 2] << 16 |
         static_cast<uint32_t>(bytes[offset + 3]) << 24;
}

void PutLe32(std::vector<uint8_t>& bytes, size_t offset, uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[offset + i] = static_cast<uint8_t>(value >> (8 * i));
}

void ExpectSameAttributes(const psa_key_attributes_t& actual,
                          const psa_key_attributes_t& expected) {
  EXPECT_EQ(psa_get_key_id(&actual), psa_get_key_id(&expected));
  EXPECT_EQ(psa_get_key_lifetime(&actual), psa_get_key_lifetime(&expected));
  EXPECT_EQ(psa_get_key_type(&actual), psa_get_key_type(&expected));
  EXPECT_EQ(psa_get_key_bits(&actual), psa_get_key_bits(&expected));
  EXPECT_EQ(psa_get_key_usage_flags(&actual), psa_get_key_usage_flags(&expected));
  EXPECT_EQ(psa_get_key_algorithm(&actual), psa_get_key_algorithm(&expected));
}

// Id 0x12345, lifetime 0x7fffff01 (persistence 1, location 0x7fffff),
// AES-128, ENCRYPT|DECRYPT, GCM, 16-byte key 00..0f.
const char kGoldenVersion1Hex[] =
    "895053414b45590a"                                                   // magic
    "01000000"                                                           // version
    "45230100"                                                           // id
    "01ffff7f"                                                           // lifetime
    "0024"                                                               // type
    "8000"                                                               // bits
    "00030000"                                                           // usage
    "00025005"                                                           // alg
    "10000000"                                                           // N
    "000102030405060708090a0b0c0d0e0f"                                   // key
    "29479e40d2f892a9139e7146a7ca9986996aa1fbeaca8dfe6ca61cd38566d371";  // SHA-256

psa_key_attributes_t GoldenAttributes() {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_lifetime(&attributes, 0x7fffff01);
  psa_set_key_id(&attributes, 0x12345);
  psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
  psa_set_key_bits(&attributes, 128);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT);
  psa_set_key_algorithm(&attributes, PSA_ALG_GCM);
  return attributes;
}

class KeyFileFormatTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }

  // Decodes `image` as key `id`; checks that a failure leaves nothing behind.
  psa_status_t Decode(const std::vector<uint8_t>& image, psa_key_id_t id) {
    psa_key_attributes_t attributes = PersistentAttributes(99, PSA_KEY_TYPE_HMAC, 8, 1, 1);
    SecureBuffer key;
    EXPECT_TRUE(key.Assign(reinterpret_cast<const uint8_t*>("stale"), 5));
    const psa_status_t status = DecodeKeyFile(id, image.data(), image.size(), &attributes, &key);
    if (status != PSA_SUCCESS) {
      const psa_key_attributes_t init = PSA_KEY_ATTRIBUTES_INIT;
      ExpectSameAttributes(attributes, init);
      EXPECT_TRUE(key.empty());
    }
    return status;
  }

  // A valid image of key `id` with a 32-byte key.
  std::vector<uint8_t> ValidImage(psa_key_id_t id) {
    const auto attributes = PersistentAttributes(
        id, PSA_KEY_TYPE_HMAC, 256, PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_HMAC(PSA_ALG_SHA_256));
    const std::vector<uint8_t> key = PatternBytes(32, id);
    SecureBuffer image;
    EXPECT_EQ(EncodeKeyFile(attributes, key.data(), key.size(), &image), PSA_SUCCESS);
    return ToVector(image);
  }
};

TEST_F(KeyFileFormatTest, EncodesTheGoldenVersion1File) {
  const std::vector<uint8_t> key = FromHex("000102030405060708090a0b0c0d0e0f");
  SecureBuffer image;
  ASSERT_EQ(EncodeKeyFile(GoldenAttributes(), key.data(), key.size(), &image), PSA_SUCCESS);
  EXPECT_EQ(ToVector(image), FromHex(kGoldenVersion1Hex));
}

TEST_F(KeyFileFormatTest, DecodesTheGoldenVersion1File) {
  const std::vector<uint8_t> golden = FromHex(kGoldenVersion1Hex);
  psa_key_attributes_t attributes;
  SecureBuffer key;
  ASSERT_EQ(DecodeKeyFile(0x12345, golden.data(), golden.size(), &attributes, &key), PSA_SUCCESS);
  ExpectSameAttributes(attributes, GoldenAttributes());
  EXPECT_EQ(ToVector(key), FromHex("000102030405060708090a0b0c0d0e0f"));
}

TEST_F(KeyFileFormatTest, FieldsSitAtTheDocumentedOffsets) {
  const psa_key_attributes_t attributes = PersistentAttributes(
      0xa1b2c3d4, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 521,
      PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_EXPORT, PSA_ALG_ECDSA(PSA_ALG_SHA_512));
  const std::vector<uint8_t> key = PatternBytes(66, 7);
  SecureBuffer encoded;
  ASSERT_EQ(EncodeKeyFile(attributes, key.data(), key.size(), &encoded), PSA_SUCCESS);
  const std::vector<uint8_t> image = ToVector(encoded);
  ASSERT_EQ(image.size(), 36u + 66u + 32u);
  EXPECT_EQ(std::vector<uint8_t>(image.begin(), image.begin() + 8), FromHex("895053414b45590a"));
  EXPECT_EQ(Le32At(image, 8), 1u);
  EXPECT_EQ(Le32At(image, 12), 0xa1b2c3d4u);
  EXPECT_EQ(Le32At(image, 16), PSA_KEY_LIFETIME_PERSISTENT);
  EXPECT_EQ(Le32At(image, 20) & 0xffff, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1));
  EXPECT_EQ(Le32At(image, 20) >> 16, 521u);
  EXPECT_EQ(Le32At(image, 24), PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_EXPORT);
  EXPECT_EQ(Le32At(image, 28), PSA_ALG_ECDSA(PSA_ALG_SHA_512));
  EXPECT_EQ(Le32At(image, 32), 66u);
  EXPECT_EQ(std::vector<uint8_t>(image.begin() + 36, image.begin() + 102), key);
  // The checksum covers everything before it, key material included.
  std::vector<uint8_t> resealed = image;
  ASSERT_TRUE(Reseal(resealed));
  EXPECT_EQ(resealed, image);
}

TEST_F(KeyFileFormatTest, RoundTripsTheLargestKeyBuffer) {
  const auto attributes =
      PersistentAttributes(5, PSA_KEY_TYPE_RAW_DATA, 65535, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
  const std::vector<uint8_t> key = PatternBytes(kMaxKeyBufferSize, 5);
  SecureBuffer image;
  ASSERT_EQ(EncodeKeyFile(attributes, key.data(), key.size(), &image), PSA_SUCCESS);
  EXPECT_EQ(image.size(), kMaxKeyFileSize);
  psa_key_attributes_t decoded;
  SecureBuffer decoded_key;
  ASSERT_EQ(DecodeKeyFile(5, image.data(), image.size(), &decoded, &decoded_key), PSA_SUCCESS);
  ExpectSameAttributes(decoded, attributes);
  EXPECT_EQ(ToVector(decoded_key), key);
}

TEST_F(KeyFileFormatTest, EncoderRefusesWhatCannotBeStored) {
  const std::vector<uint8_t> key(kMaxKeyBufferSize + 1, 0x5a);
  const auto valid = PersistentAttributes(1, PSA_KEY_TYPE_AES, 128, 0, 0);
  struct Case {
    const char* what;
    psa_key_attributes_t attributes;
    const uint8_t* key;
    size_t length;
  };
  std::vector<Case> cases;
  {
    psa_key_attributes_t a = valid;
    a.id = PSA_KEY_ID_NULL;
    cases.push_back({"null id", a, key.data(), 16});
  }
  {
    psa_key_attributes_t a = valid;
    a.lifetime = PSA_KEY_LIFETIME_VOLATILE;
    cases.push_back({"volatile lifetime", a, key.data(), 16});
  }
  {
    psa_key_attributes_t a = valid;
    a.lifetime = PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(0, 0x800000);
    cases.push_back({"volatile lifetime, other location", a, key.data(), 16});
  }
  {
    psa_key_attributes_t a = valid;
    a.type = PSA_KEY_TYPE_NONE;
    cases.push_back({"no type", a, key.data(), 16});
  }
  {
    psa_key_attributes_t a = valid;
    a.bits = 0;
    cases.push_back({"0 bits", a, key.data(), 16});
  }
  {
    psa_key_attributes_t a = valid;
    a.bits = 65536;
    cases.push_back({"65536 bits", a, key.data(), 16});
  }
  cases.push_back({"empty key buffer", valid, key.data(), 0});
  cases.push_back({"key buffer above the limit", valid, key.data(), kMaxKeyBufferSize + 1});
  cases.push_back({"null key buffer", valid, nullptr, 16});
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    SecureBuffer image;
    ASSERT_TRUE(image.Allocate(3));
    EXPECT_EQ(EncodeKeyFile(c.attributes, c.key, c.length, &image), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_TRUE(image.empty());
  }
}

TEST_F(KeyFileFormatTest, DecodesAValidImageOnlyForItsOwnId) {
  const std::vector<uint8_t> image = ValidImage(42);
  EXPECT_EQ(Decode(image, 42), PSA_SUCCESS);
  EXPECT_EQ(Decode(image, 43), PSA_ERROR_DATA_CORRUPT);
  EXPECT_EQ(Decode(image, 42 + 0x100), PSA_ERROR_DATA_CORRUPT);
}

TEST_F(KeyFileFormatTest, RefusesUnknownVersionsEvenWithAValidChecksum) {
  for (uint32_t version : {0u, 2u, 3u, 0x100u, 0xffffffffu}) {
    SCOPED_TRACE(version);
    std::vector<uint8_t> image = ValidImage(42);
    PutLe32(image, 8, version);
    ASSERT_TRUE(Reseal(image));
    EXPECT_EQ(Decode(image, 42), PSA_ERROR_DATA_CORRUPT);
  }
}

TEST_F(KeyFileFormatTest, RefusesAnotherMagicEvenWithAValidChecksum) {
  for (size_t byte = 0; byte < 8; ++byte) {
    SCOPED_TRACE(byte);
    std::vector<uint8_t> image = ValidImage(42);
    image[byte] ^= 0x20;  // 'P' -> 'p' and the like.
    ASSERT_TRUE(Reseal(image));
    EXPECT_EQ(Decode(image, 42), PSA_ERROR_DATA_CORRUPT);
  }
}

TEST_F(KeyFileFormatTest, RefusesInconsistentLengthsEvenWithAValidChecksum) {
  const std::vector<uint8_t> valid = ValidImage(42);  // N = 32.
  for (uint32_t length : {0u, 1u, 31u, 33u, 64u, 65536u, 65537u, 0x7fffffffu, 0xffffffffu}) {
    SCOPED_TRACE(length);
    std::vector<uint8_t> image = valid;
    PutLe32(image, 32, length);
    ASSERT_TRUE(Reseal(image));
    EXPECT_EQ(Decode(image, 42), PSA_ERROR_DATA_CORRUPT);
  }
}

TEST_F(KeyFileFormatTest, RefusesAttributesNoWriterProducesEvenWithAValidChecksum) {
  struct Case {
    const char* what;
    size_t offset;
    uint32_t value;
    uint32_t mask;  // Bits of the little-endian word at `offset` replaced.
  };
  const Case cases[] = {
      {"null id (asked for id 0)", 12, 0, 0xffffffff},
      {"volatile lifetime", 16, 0x00000000, 0xffffffff},
      {"volatile lifetime, vendor location", 16, 0x80000000, 0xffffffff},
      {"type NONE", 20, 0, 0x0000ffff},
      {"0 bits", 20, 0, 0xffff0000},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    std::vector<uint8_t> image = ValidImage(42);
    PutLe32(image, c.offset, (Le32At(image, c.offset) & ~c.mask) | (c.value & c.mask));
    ASSERT_TRUE(Reseal(image));
    const psa_key_id_t id = c.offset == 12 ? 0 : 42;
    EXPECT_EQ(Decode(image, id), PSA_ERROR_DATA_CORRUPT);
  }
}

TEST_F(KeyFileFormatTest, RefusesImagesShorterThanAnyFile) {
  const std::vector<uint8_t> valid = ValidImage(42);
  for (size_t size : {size_t{0}, size_t{1}, size_t{8}, size_t{12}, size_t{67}}) {
    SCOPED_TRACE(size);
    EXPECT_EQ(Decode(std::vector<uint8_t>(valid.begin(), valid.begin() + size), 42),
              PSA_ERROR_DATA_CORRUPT);
  }
  psa_key_attributes_t attributes;
  SecureBuffer key;
  EXPECT_EQ(DecodeKeyFile(42, nullptr, 0, &attributes, &key), PSA_ERROR_DATA_CORRUPT);
}

}  // namespace
}  // namespace psa::core::storage
