// Unit tests of the opaque test driver instances, calling the entry points
// directly: wrap/unwrap round trips, contexts that never hold the plain key,
// tampered and foreign contexts rejected, buffer sizes, counters, forced
// statuses and the declined key type. Typed tests run over both instances.

#include "drivers/test/test_opaque_driver.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <string>
#include <type_traits>
#include <vector>

#include "drivers/builtin/builtin_key_management.h"
#include "drivers/test/test_key_vectors.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "psa/crypto.h"

namespace drivers::test {
namespace {

constexpr size_t kHeaderSize = sizeof(test_opaque_key_context_header_t);
constexpr psa_status_t kForced = PSA_ERROR_HARDWARE_FAILURE;

// The size that each description's "key_context" gives a key: the size
// function for test_opaque.json, the static formula of the driver interface
// over the properties of test_opaque_static.json for the other.
size_t StaticKeyBufferSize(psa_key_type_t type, size_t bits) {
  const size_t base = sizeof(test_opaque_key_context_header_t);
  if (PSA_KEY_TYPE_IS_KEY_PAIR(type))
    return base + PSA_EXPORT_KEY_PAIR_MAX_SIZE;
  if (PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) {
    return base + PSA_EXPORT_PUBLIC_KEY_MAX_SIZE;
  }
  return base + 1 * PSA_BITS_TO_BYTES(bits);
}

#define TEST_OPAQUE_TRAITS(prefix)                                        \
  struct prefix##_traits {                                                \
    static constexpr const char* kName = #prefix;                         \
    static test_opaque_hooks_t& Hooks() { return prefix##_hooks; }        \
    static constexpr auto import_key = prefix##_import_key;               \
    static constexpr auto generate_key = prefix##_generate_key;           \
    static constexpr auto export_key = prefix##_export_key;               \
    static constexpr auto export_public_key = prefix##_export_public_key; \
    static constexpr auto copy_key = prefix##_copy_key;                   \
    static constexpr auto destroy_key = prefix##_destroy_key;             \
  };
TEST_OPAQUE_INSTANCES(TEST_OPAQUE_TRAITS)
#undef TEST_OPAQUE_TRAITS

struct test_opaque_sizing {
  static size_t KeyBufferSize(psa_key_type_t type, size_t bits) {
    return test_opaque_key_buffer_size(type, bits);
  }
};
struct test_opaque_static_sizing {
  static size_t KeyBufferSize(psa_key_type_t type, size_t bits) {
    return StaticKeyBufferSize(type, bits);
  }
};

struct TestOpaque : test_opaque_traits, test_opaque_sizing {};
struct TestOpaqueStatic : test_opaque_static_traits,
                          test_opaque_static_sizing {};

std::vector<uint8_t> Sequence(size_t length, uint8_t first) {
  std::vector<uint8_t> bytes(length);
  for (size_t i = 0; i < length; ++i) {
    bytes[i] = static_cast<uint8_t>(first + 7 * i);
  }
  return bytes;
}

bool Contains(const std::vector<uint8_t>& haystack,
              const std::vector<uint8_t>& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(),
                     needle.end()) != haystack.end();
}

bool IsAllZero(const uint8_t* data, size_t length) {
  return std::all_of(data, data + length, [](uint8_t b) { return b == 0; });
}

// A symmetric key of a supported type.
struct SymmetricKey {
  psa_key_type_t type;
  std::vector<uint8_t> material;
};

std::vector<SymmetricKey> SupportedSymmetricKeys() {
  return {
      {PSA_KEY_TYPE_RAW_DATA, Sequence(1, 0x11)},
      {PSA_KEY_TYPE_RAW_DATA, Sequence(TEST_OPAQUE_MAX_SYMMETRIC_KEY_BYTES, 3)},
      {PSA_KEY_TYPE_HMAC, Sequence(20, 0x22)},
      {PSA_KEY_TYPE_HMAC, Sequence(131, 0x23)},
      {PSA_KEY_TYPE_DERIVE, Sequence(48, 0x33)},
      {PSA_KEY_TYPE_PASSWORD, Sequence(13, 0x34)},
      {PSA_KEY_TYPE_PASSWORD_HASH, Sequence(32, 0x35)},
      {PSA_KEY_TYPE_AES, Sequence(16, 0x44)},
      {PSA_KEY_TYPE_AES, Sequence(24, 0x45)},
      {PSA_KEY_TYPE_AES, Sequence(32, 0x46)},
      {PSA_KEY_TYPE_ARIA, Sequence(16, 0x55)},
      {PSA_KEY_TYPE_ARIA, Sequence(32, 0x56)},
      {PSA_KEY_TYPE_CAMELLIA, Sequence(24, 0x66)},
      {PSA_KEY_TYPE_CHACHA20, Sequence(32, 0x77)},
  };
}

template <typename Driver>
class TestOpaqueDriverTest : public ::testing::Test {
 protected:
  static constexpr size_t kDefaultSize = ~size_t{0};

  static void SetUpTestSuite() { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }

  void SetUp() override {
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
  }
  void TearDown() override { SetUp(); }

  test_opaque_hooks_t& hooks() { return Driver::Hooks(); }

  // Imports `data` as a key of `type` into a buffer of the size the
  // description gives keys of `bits` bits (data_length * 8 if bits is 0).
  // Returns the context, trimmed to its length; *status gets the status and
  // *bits_out the determined bits.
  static std::vector<uint8_t> Import(psa_key_type_t type, size_t bits,
                                     const std::vector<uint8_t>& data,
                                     psa_status_t* status,
                                     size_t* bits_out = nullptr) {
    const psa_key_attributes_t attributes = KeyAttributes(type, bits);
    const size_t sizing_bits = bits != 0 ? bits : data.size() * 8;
    std::vector<uint8_t> context(Driver::KeyBufferSize(type, sizing_bits) +
                                 1);  // never empty
    size_t context_length = 12345;
    size_t key_bits = bits;
    *status = Driver::import_key(&attributes, data.data(), data.size(),
                                 context.data(), context.size() - 1,
                                 &context_length, &key_bits);
    if (bits_out != nullptr) *bits_out = key_bits;
    if (*status != PSA_SUCCESS) {
      EXPECT_EQ(context_length, 0u);
      EXPECT_TRUE(IsAllZero(context.data(), context.size()));
      return {};
    }
    EXPECT_LE(context_length, context.size() - 1);
    context.resize(context_length);
    return context;
  }

  static std::vector<uint8_t> ImportOk(psa_key_type_t type, size_t bits,
                                       const std::vector<uint8_t>& data) {
    psa_status_t status;
    std::vector<uint8_t> context = Import(type, bits, data, &status);
    EXPECT_EQ(status, PSA_SUCCESS) << "type 0x" << std::hex << type;
    return context;
  }

  static std::vector<uint8_t> Generate(psa_key_type_t type, size_t bits,
                                       psa_status_t* status) {
    const psa_key_attributes_t attributes = KeyAttributes(type, bits);
    std::vector<uint8_t> context(Driver::KeyBufferSize(type, bits) + 1);
    size_t context_length = 12345;
    *status = Driver::generate_key(&attributes, context.data(),
                                   context.size() - 1, &context_length);
    if (*status != PSA_SUCCESS) {
      EXPECT_EQ(context_length, 0u);
      EXPECT_TRUE(IsAllZero(context.data(), context.size()));
      return {};
    }
    context.resize(context_length);
    return context;
  }

  // Export through `entry_point` (export_key or export_public_key) into a
  // buffer of `data_size` bytes (default: large enough for any key the
  // context can hold). On failure checks that the output holds nothing: it
  // is untouched, or wiped (as the builtin driver does).
  template <typename EntryPoint>
  static std::vector<uint8_t> Export(EntryPoint entry_point,
                                     psa_key_type_t type, size_t bits,
                                     const std::vector<uint8_t>& context,
                                     psa_status_t* status,
                                     size_t data_size = kDefaultSize) {
    if (data_size == kDefaultSize) {
      data_size =
          std::max<size_t>(context.size(), PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
    }
    const psa_key_attributes_t attributes = KeyAttributes(type, bits);
    std::vector<uint8_t> data(data_size + 1, 0xa5);
    size_t data_length = 12345;
    *status = entry_point(&attributes, context.data(), context.size(),
                          data.data(), data_size, &data_length);
    if (*status != PSA_SUCCESS) {
      EXPECT_EQ(data_length, 0u);
      const bool untouched = std::all_of(data.begin(), data.end() - 1,
                                         [](uint8_t b) { return b == 0xa5; });
      EXPECT_TRUE(untouched || IsAllZero(data.data(), data_size))
          << "a failed export left data in its output";
      EXPECT_EQ(data.back(), 0xa5) << "wrote past data_size";
      return {};
    }
    EXPECT_LE(data_length, data_size);
    data.resize(data_length);
    return data;
  }

  static std::vector<uint8_t> ExportKey(psa_key_type_t type, size_t bits,
                                        const std::vector<uint8_t>& context,
                                        psa_status_t* status) {
    return Export(Driver::export_key, type, bits, context, status);
  }

  static std::vector<uint8_t> ExportPublicKey(
      psa_key_type_t type, size_t bits, const std::vector<uint8_t>& context,
      psa_status_t* status) {
    return Export(Driver::export_public_key, type, bits, context, status);
  }

  static psa_status_t Copy(psa_key_type_t type, size_t bits,
                           const std::vector<uint8_t>& source,
                           size_t target_size, std::vector<uint8_t>* target) {
    psa_key_attributes_t attributes = KeyAttributes(type, bits);
    target->assign(target_size + 1, 0);
    size_t target_length = 12345;
    const psa_status_t status =
        Driver::copy_key(&attributes, source.data(), source.size(),
                         target->data(), target_size, &target_length);
    if (status != PSA_SUCCESS) {
      EXPECT_EQ(target_length, 0u);
      EXPECT_TRUE(IsAllZero(target->data(), target->size()));
      target->clear();
    } else {
      target->resize(target_length);
    }
    return status;
  }
};

class InstanceNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

using Instances = ::testing::Types<TestOpaque, TestOpaqueStatic>;
TYPED_TEST_SUITE(TestOpaqueDriverTest, Instances, InstanceNames);

TYPED_TEST(TestOpaqueDriverTest,
           SymmetricKeysRoundTripAndAreNeverStoredInClear) {
  unsigned long calls = 0;
  for (const SymmetricKey& key : SupportedSymmetricKeys()) {
    SCOPED_TRACE(::testing::Message()
                 << "type 0x" << std::hex << key.type << std::dec << ", "
                 << key.material.size() << " bytes");
    psa_status_t status;
    size_t bits = 0;
    const std::vector<uint8_t> context =
        this->Import(key.type, 0, key.material, &status, &bits);
    ASSERT_EQ(status, PSA_SUCCESS);
    EXPECT_EQ(bits, key.material.size() * 8);
    EXPECT_EQ(context.size(), kHeaderSize + key.material.size());
    EXPECT_EQ(this->hooks().hits.import_key, ++calls);

    // The context is not the key, and does not contain it.
    test_opaque_key_context_header_t header;
    std::memcpy(&header, context.data(), sizeof(header));
    EXPECT_EQ(header.magic[0], TEST_OPAQUE_MAGIC_0);
    EXPECT_EQ(header.magic[3], TEST_OPAQUE_MAGIC_3);
    const std::vector<uint8_t> payload(context.begin() + kHeaderSize,
                                       context.end());
    EXPECT_NE(payload, key.material);
    if (key.material.size() >= 4) {
      EXPECT_FALSE(Contains(context, key.material));
    }

    EXPECT_EQ(this->ExportKey(key.type, bits, context, &status), key.material);
    EXPECT_EQ(status, PSA_SUCCESS);
  }
  EXPECT_EQ(this->hooks().hits.export_key, calls);
}

TYPED_TEST(TestOpaqueDriverTest, ImportChecksGivenBits) {
  const std::vector<uint8_t> aes = Sequence(16, 1);
  psa_status_t status;
  size_t bits = 0;
  this->Import(PSA_KEY_TYPE_AES, 128, aes, &status, &bits);
  EXPECT_EQ(status, PSA_SUCCESS);
  EXPECT_EQ(bits, 128u);

  this->Import(PSA_KEY_TYPE_AES, 192, aes, &status, &bits);
  EXPECT_EQ(status, PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(bits, 192u) << "a failed import changed *bits";
  this->Import(PSA_KEY_TYPE_HMAC, 127, Sequence(16, 1), &status);
  EXPECT_EQ(status, PSA_ERROR_INVALID_ARGUMENT);
  this->Import(SecpR1KeyPair(), 384, P256().private_key, &status);
  EXPECT_EQ(status, PSA_ERROR_INVALID_ARGUMENT);
}

TYPED_TEST(TestOpaqueDriverTest,
           ImportRejectsInvalidOrUnsupportedSymmetricKeys) {
  struct Case {
    psa_key_type_t type;
    size_t length;
    psa_status_t expected;
  };
  const Case cases[] = {
      {PSA_KEY_TYPE_AES, 0, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_AES, 15, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_AES, 17, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_AES, 64, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_ARIA, 8, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_CAMELLIA, 33, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_CHACHA20, 16, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_RAW_DATA, 0, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_HMAC, 0, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_RAW_DATA, TEST_OPAQUE_MAX_SYMMETRIC_KEY_BYTES + 1,
       PSA_ERROR_NOT_SUPPORTED},
      {PSA_KEY_TYPE_DES, 8, PSA_ERROR_NOT_SUPPORTED},
      {PSA_KEY_TYPE_PASSWORD, 0, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_PASSWORD_HASH, 0, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_PEPPER, 8, PSA_ERROR_NOT_SUPPORTED},
      {PSA_KEY_TYPE_NONE, 16, PSA_ERROR_NOT_SUPPORTED},
  };
  for (const Case& c : cases) {
    psa_status_t status;
    const std::vector<uint8_t> data = Sequence(c.length, 9);
    const psa_key_attributes_t attributes = KeyAttributes(c.type, 0);
    std::vector<uint8_t> context(kHeaderSize + c.length + 64, 0);
    size_t context_length = 12345;
    size_t bits = 0;
    status = TypeParam::import_key(&attributes, data.data(), data.size(),
                                   context.data(), context.size(),
                                   &context_length, &bits);
    EXPECT_EQ(status, c.expected) << "type 0x" << std::hex << c.type << std::dec
                                  << ", " << c.length << " bytes";
    EXPECT_EQ(context_length, 0u);
    EXPECT_TRUE(IsAllZero(context.data(), context.size()));
  }
}

TYPED_TEST(TestOpaqueDriverTest, EccKeyPairsRoundTripAndExportTheirPublicKey) {
  for (const EccKeyVector* key : {&P256(), &P384()}) {
    SCOPED_TRACE(key->bits);
    psa_status_t status;
    size_t bits = 0;
    const std::vector<uint8_t> context =
        this->Import(SecpR1KeyPair(), 0, key->private_key, &status, &bits);
    ASSERT_EQ(status, PSA_SUCCESS);
    EXPECT_EQ(bits, key->bits);
    EXPECT_EQ(context.size(), kHeaderSize + key->private_key.size());
    EXPECT_FALSE(Contains(context, key->private_key));

    EXPECT_EQ(this->ExportKey(SecpR1KeyPair(), bits, context, &status),
              key->private_key);
    EXPECT_EQ(status, PSA_SUCCESS);
    EXPECT_EQ(this->ExportPublicKey(SecpR1KeyPair(), bits, context, &status),
              key->public_key);
    EXPECT_EQ(status, PSA_SUCCESS);
  }
  EXPECT_EQ(this->hooks().hits.import_key, 2u);
  EXPECT_EQ(this->hooks().hits.export_key, 2u);
  EXPECT_EQ(this->hooks().hits.export_public_key, 2u);
}

TYPED_TEST(TestOpaqueDriverTest, EccPublicKeysRoundTrip) {
  psa_status_t status;
  size_t bits = 0;
  const std::vector<uint8_t> context =
      this->Import(SecpR1PublicKey(), 0, P256().public_key, &status, &bits);
  ASSERT_EQ(status, PSA_SUCCESS);
  EXPECT_EQ(bits, 256u);
  EXPECT_FALSE(Contains(context, P256().public_key));
  EXPECT_EQ(this->ExportKey(SecpR1PublicKey(), 256, context, &status),
            P256().public_key);
  EXPECT_EQ(status, PSA_SUCCESS);
  EXPECT_EQ(this->ExportPublicKey(SecpR1PublicKey(), 256, context, &status),
            P256().public_key);
  EXPECT_EQ(status, PSA_SUCCESS);
}

TYPED_TEST(TestOpaqueDriverTest,
           InvalidAsymmetricKeysFailAsInTheBuiltinDriver) {
  std::vector<uint8_t> zero_scalar(32, 0);
  std::vector<uint8_t> off_curve = P256().public_key;
  off_curve.back() ^= 1;
  std::vector<uint8_t> truncated = P256().public_key;
  truncated.pop_back();
  struct Case {
    psa_key_type_t type;
    const std::vector<uint8_t>* data;
  };
  const Case cases[] = {
      {SecpR1KeyPair(), &zero_scalar},
      {SecpR1PublicKey(), &off_curve},
      {SecpR1PublicKey(), &truncated},
  };
  for (const Case& c : cases) {
    const psa_key_attributes_t attributes = KeyAttributes(c.type, 256);
    std::vector<uint8_t> plain(256);
    size_t plain_length = 0;
    size_t builtin_bits = 256;
    const psa_status_t builtin_status = builtin_import_key(
        &attributes, c.data->data(), c.data->size(), plain.data(), plain.size(),
        &plain_length, &builtin_bits);
    ASSERT_NE(builtin_status, PSA_SUCCESS);

    psa_status_t status;
    this->Import(c.type, 256, *c.data, &status);
    EXPECT_EQ(status, builtin_status);
  }
}

TYPED_TEST(TestOpaqueDriverTest, ExportPublicKeyOfSymmetricKeyIsInvalid) {
  const std::vector<uint8_t> context =
      this->ImportOk(PSA_KEY_TYPE_AES, 0, Sequence(16, 1));
  psa_status_t status;
  this->ExportPublicKey(PSA_KEY_TYPE_AES, 128, context, &status);
  EXPECT_EQ(status, PSA_ERROR_INVALID_ARGUMENT);
}

TYPED_TEST(TestOpaqueDriverTest, GeneratesSymmetricKeys) {
  for (const SymmetricKey& key : SupportedSymmetricKeys()) {
    const size_t bits = key.material.size() * 8;
    SCOPED_TRACE(::testing::Message() << "type 0x" << std::hex << key.type
                                      << std::dec << ", " << bits << " bits");
    psa_status_t status;
    const std::vector<uint8_t> first = this->Generate(key.type, bits, &status);
    ASSERT_EQ(status, PSA_SUCCESS);
    EXPECT_EQ(first.size(), kHeaderSize + key.material.size());
    const std::vector<uint8_t> second = this->Generate(key.type, bits, &status);
    ASSERT_EQ(status, PSA_SUCCESS);

    const std::vector<uint8_t> first_key =
        this->ExportKey(key.type, bits, first, &status);
    ASSERT_EQ(status, PSA_SUCCESS);
    const std::vector<uint8_t> second_key =
        this->ExportKey(key.type, bits, second, &status);
    ASSERT_EQ(status, PSA_SUCCESS);
    EXPECT_EQ(first_key.size(), key.material.size());
    if (bits >= 64) {
      EXPECT_NE(first_key, second_key);
    }
  }
}

TYPED_TEST(TestOpaqueDriverTest, GenerateRefusesWhatCannotBeGenerated) {
  struct Case {
    psa_key_type_t type;
    size_t bits;
    psa_status_t expected;
  };
  const Case cases[] = {
      {PSA_KEY_TYPE_AES, 0, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_AES, 100, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_AES, 512, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_RAW_DATA, 12, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_CHACHA20, 128, PSA_ERROR_INVALID_ARGUMENT},
      {SecpR1PublicKey(), 256, PSA_ERROR_INVALID_ARGUMENT},
      {PSA_KEY_TYPE_DES, 64, PSA_ERROR_NOT_SUPPORTED},
      {PSA_KEY_TYPE_PEPPER, 128, PSA_ERROR_NOT_SUPPORTED},
  };
  for (const Case& c : cases) {
    const psa_key_attributes_t attributes = KeyAttributes(c.type, c.bits);
    std::vector<uint8_t> context(kHeaderSize + 1024, 0);
    size_t context_length = 12345;
    EXPECT_EQ(TypeParam::generate_key(&attributes, context.data(),
                                      context.size(), &context_length),
              c.expected)
        << "type 0x" << std::hex << c.type << std::dec << ", " << c.bits
        << " bits";
    EXPECT_EQ(context_length, 0u);
    EXPECT_TRUE(IsAllZero(context.data(), context.size()));
  }
}

TYPED_TEST(TestOpaqueDriverTest, GeneratesEccKeyPairs) {
  for (size_t bits : {256u, 384u}) {
    SCOPED_TRACE(bits);
    psa_status_t status;
    const std::vector<uint8_t> context =
        this->Generate(SecpR1KeyPair(), bits, &status);
    ASSERT_EQ(status, PSA_SUCCESS);
    const std::vector<uint8_t> private_key =
        this->ExportKey(SecpR1KeyPair(), bits, context, &status);
    ASSERT_EQ(status, PSA_SUCCESS);
    EXPECT_EQ(private_key.size(), PSA_BITS_TO_BYTES(bits));
    const std::vector<uint8_t> public_key =
        this->ExportPublicKey(SecpR1KeyPair(), bits, context, &status);
    ASSERT_EQ(status, PSA_SUCCESS);

    // The builtin driver derives the same public key from the exported
    // private key: the generated key is consistent.
    const psa_key_attributes_t attributes =
        KeyAttributes(SecpR1KeyPair(), bits);
    std::vector<uint8_t> expected(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
    size_t expected_length = 0;
    ASSERT_EQ(builtin_export_public_key(&attributes, private_key.data(),
                                        private_key.size(), expected.data(),
                                        expected.size(), &expected_length),
              PSA_SUCCESS);
    expected.resize(expected_length);
    EXPECT_EQ(public_key, expected);
  }
  EXPECT_EQ(this->hooks().hits.generate_key, 2u);
}

TYPED_TEST(TestOpaqueDriverTest, EveryFlippedBitOfAContextIsDetected) {
  for (const EccKeyVector* key : {&P256()}) {
    const std::vector<uint8_t> context =
        this->ImportOk(SecpR1KeyPair(), 0, key->private_key);
    ASSERT_FALSE(context.empty());
    for (size_t byte = 0; byte < context.size(); ++byte) {
      for (int bit = 0; bit < 8; bit += 3) {
        std::vector<uint8_t> tampered = context;
        tampered[byte] ^= static_cast<uint8_t>(1u << bit);
        psa_status_t status;
        this->ExportKey(SecpR1KeyPair(), key->bits, tampered, &status);
        EXPECT_EQ(status, PSA_ERROR_DATA_CORRUPT)
            << "byte " << byte << " bit " << bit;
        this->ExportPublicKey(SecpR1KeyPair(), key->bits, tampered, &status);
        EXPECT_EQ(status, PSA_ERROR_DATA_CORRUPT)
            << "byte " << byte << " bit " << bit;
        std::vector<uint8_t> target;
        EXPECT_EQ(this->Copy(SecpR1KeyPair(), key->bits, tampered,
                             context.size(), &target),
                  PSA_ERROR_DATA_CORRUPT)
            << "byte " << byte << " bit " << bit;
      }
    }
  }
}

TYPED_TEST(TestOpaqueDriverTest, TruncatedContextsAreCorrupt) {
  const std::vector<uint8_t> context =
      this->ImportOk(PSA_KEY_TYPE_HMAC, 0, Sequence(40, 5));
  for (size_t length : {context.size() - 1, kHeaderSize + 1, kHeaderSize,
                        kHeaderSize - 1, size_t{1}, size_t{0}}) {
    const std::vector<uint8_t> truncated(context.begin(),
                                         context.begin() + length);
    psa_status_t status;
    this->ExportKey(PSA_KEY_TYPE_HMAC, 320, truncated, &status);
    EXPECT_EQ(status, PSA_ERROR_DATA_CORRUPT) << length << " bytes";
  }
  // Bytes after the context are ignored: the core may hand over a buffer
  // larger than the context it stored.
  std::vector<uint8_t> padded = context;
  padded.resize(context.size() + 16, 0xee);
  psa_status_t status;
  EXPECT_EQ(this->ExportKey(PSA_KEY_TYPE_HMAC, 320, padded, &status),
            Sequence(40, 5));
  EXPECT_EQ(status, PSA_SUCCESS);
}

TYPED_TEST(TestOpaqueDriverTest, ContextIsCorruptUnderOtherAttributes) {
  const std::vector<uint8_t> context =
      this->ImportOk(PSA_KEY_TYPE_AES, 0, Sequence(16, 5));
  psa_status_t status;
  this->ExportKey(PSA_KEY_TYPE_ARIA, 128, context, &status);
  EXPECT_EQ(status, PSA_ERROR_DATA_CORRUPT);
  this->ExportKey(PSA_KEY_TYPE_AES, 256, context, &status);
  EXPECT_EQ(status, PSA_ERROR_DATA_CORRUPT);
  this->ExportKey(PSA_KEY_TYPE_AES, 0, context, &status);
  EXPECT_EQ(status, PSA_ERROR_DATA_CORRUPT);

  const std::vector<uint8_t> pair =
      this->ImportOk(SecpR1KeyPair(), 0, P256().private_key);
  this->ExportPublicKey(SecpR1PublicKey(), 256, pair, &status);
  EXPECT_EQ(status, PSA_ERROR_DATA_CORRUPT);
  this->ExportPublicKey(SecpR1KeyPair(), 384, pair, &status);
  EXPECT_EQ(status, PSA_ERROR_DATA_CORRUPT);
}

TYPED_TEST(TestOpaqueDriverTest, CopyRewrapsIntoTheTarget) {
  const std::vector<uint8_t> source =
      this->ImportOk(SecpR1KeyPair(), 0, P384().private_key);
  std::vector<uint8_t> target;
  ASSERT_EQ(this->Copy(SecpR1KeyPair(), 384, source,
                       TypeParam::KeyBufferSize(SecpR1KeyPair(), 384), &target),
            PSA_SUCCESS);
  EXPECT_EQ(target.size(), source.size());
  EXPECT_FALSE(Contains(target, P384().private_key));
  psa_status_t status;
  EXPECT_EQ(this->ExportKey(SecpR1KeyPair(), 384, target, &status),
            P384().private_key);
  EXPECT_EQ(status, PSA_SUCCESS);
  EXPECT_EQ(this->hooks().hits.copy_key, 1u);
  EXPECT_EQ(this->hooks().last_key_buffer_size,
            TypeParam::KeyBufferSize(SecpR1KeyPair(), 384));

  EXPECT_EQ(
      this->Copy(SecpR1KeyPair(), 384, source, source.size() - 1, &target),
      PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(this->Copy(SecpR1KeyPair(), 384, source, kHeaderSize - 1, &target),
            PSA_ERROR_BUFFER_TOO_SMALL);
}

TYPED_TEST(TestOpaqueDriverTest, ImportAndGenerateIntoShortBuffers) {
  const std::vector<uint8_t> aes = Sequence(32, 1);
  const psa_key_attributes_t aes_attributes =
      KeyAttributes(PSA_KEY_TYPE_AES, 0);
  const psa_key_attributes_t pair_attributes =
      KeyAttributes(SecpR1KeyPair(), 256);
  for (size_t size :
       {kHeaderSize + 31, kHeaderSize, kHeaderSize - 1, size_t{0}}) {
    std::vector<uint8_t> context(size + 1, 0);
    size_t length = 12345;
    size_t bits = 0;
    EXPECT_EQ(TypeParam::import_key(&aes_attributes, aes.data(), aes.size(),
                                    context.data(), size, &length, &bits),
              PSA_ERROR_BUFFER_TOO_SMALL)
        << size;
    EXPECT_EQ(length, 0u);
    EXPECT_TRUE(IsAllZero(context.data(), context.size()));
    EXPECT_EQ(this->hooks().last_key_buffer_size, size);

    bits = 0;
    EXPECT_EQ(TypeParam::import_key(&pair_attributes, P256().private_key.data(),
                                    P256().private_key.size(), context.data(),
                                    size, &length, &bits),
              PSA_ERROR_BUFFER_TOO_SMALL)
        << size;
    EXPECT_EQ(length, 0u);
    EXPECT_TRUE(IsAllZero(context.data(), context.size()));

    const psa_key_attributes_t generate_aes =
        KeyAttributes(PSA_KEY_TYPE_AES, 256);
    EXPECT_EQ(
        TypeParam::generate_key(&generate_aes, context.data(), size, &length),
        PSA_ERROR_BUFFER_TOO_SMALL)
        << size;
    EXPECT_EQ(length, 0u);
    EXPECT_EQ(TypeParam::generate_key(&pair_attributes, context.data(), size,
                                      &length),
              PSA_ERROR_BUFFER_TOO_SMALL)
        << size;
    EXPECT_EQ(length, 0u);
    EXPECT_TRUE(IsAllZero(context.data(), context.size()));
  }
}

TYPED_TEST(TestOpaqueDriverTest, ExportIntoShortBuffers) {
  const std::vector<uint8_t> pair =
      this->ImportOk(SecpR1KeyPair(), 0, P256().private_key);
  psa_status_t status;
  this->Export(TypeParam::export_key, SecpR1KeyPair(), 256, pair, &status,
               P256().private_key.size() - 1);
  EXPECT_EQ(status, PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(this->Export(TypeParam::export_key, SecpR1KeyPair(), 256, pair,
                         &status, P256().private_key.size()),
            P256().private_key);
  EXPECT_EQ(status, PSA_SUCCESS);

  this->Export(TypeParam::export_public_key, SecpR1KeyPair(), 256, pair,
               &status, P256().public_key.size() - 1);
  EXPECT_EQ(status, PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(this->Export(TypeParam::export_public_key, SecpR1KeyPair(), 256,
                         pair, &status, P256().public_key.size()),
            P256().public_key);
  EXPECT_EQ(status, PSA_SUCCESS);

  const std::vector<uint8_t> public_key =
      this->ImportOk(SecpR1PublicKey(), 0, P256().public_key);
  this->Export(TypeParam::export_public_key, SecpR1PublicKey(), 256, public_key,
               &status, P256().public_key.size() - 1);
  EXPECT_EQ(status, PSA_ERROR_BUFFER_TOO_SMALL);
}

TYPED_TEST(TestOpaqueDriverTest, KeyContextSizesFitEveryWrappedKey) {
  // Every key the driver can wrap fits the size its description gives, for
  // the largest keys of each kind too.
  for (const SymmetricKey& key : SupportedSymmetricKeys()) {
    const std::vector<uint8_t> context =
        this->ImportOk(key.type, 0, key.material);
    EXPECT_LE(context.size(),
              TypeParam::KeyBufferSize(key.type, key.material.size() * 8));
  }
  for (const EccKeyVector* key : {&P256(), &P384()}) {
    EXPECT_LE(this->ImportOk(SecpR1KeyPair(), 0, key->private_key).size(),
              TypeParam::KeyBufferSize(SecpR1KeyPair(), key->bits));
    EXPECT_LE(this->ImportOk(SecpR1PublicKey(), 0, key->public_key).size(),
              TypeParam::KeyBufferSize(SecpR1PublicKey(), key->bits));
  }
  EXPECT_GE(TypeParam::KeyBufferSize(PSA_KEY_TYPE_RSA_KEY_PAIR, 4096),
            kHeaderSize +
                PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 4096));
  EXPECT_GE(TypeParam::KeyBufferSize(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 4096),
            kHeaderSize +
                PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 4096));
}

TYPED_TEST(TestOpaqueDriverTest, ImportAndGenerateRecordTheBufferSize) {
  psa_status_t status;
  this->Import(PSA_KEY_TYPE_AES, 128, Sequence(16, 1), &status);
  ASSERT_EQ(status, PSA_SUCCESS);
  EXPECT_EQ(this->hooks().last_key_buffer_size,
            TypeParam::KeyBufferSize(PSA_KEY_TYPE_AES, 128));
  this->Generate(SecpR1KeyPair(), 256, &status);
  ASSERT_EQ(status, PSA_SUCCESS);
  EXPECT_EQ(this->hooks().last_key_buffer_size,
            TypeParam::KeyBufferSize(SecpR1KeyPair(), 256));
}

TYPED_TEST(TestOpaqueDriverTest, ForcedStatusOfEachEntryPoint) {
  const std::vector<uint8_t> pair =
      this->ImportOk(SecpR1KeyPair(), 0, P256().private_key);
  test_opaque_reset_hooks(&this->hooks());
  psa_status_t status;

  this->hooks().forced.import_key = kForced;
  this->Import(SecpR1KeyPair(), 0, P256().private_key, &status);
  EXPECT_EQ(status, kForced);
  this->Import(PSA_KEY_TYPE_AES, 0, Sequence(16, 1), &status);
  EXPECT_EQ(status, kForced);
  // Only import_key is forced.
  this->ExportKey(SecpR1KeyPair(), 256, pair, &status);
  EXPECT_EQ(status, PSA_SUCCESS);

  this->hooks().forced.generate_key = kForced;
  this->Generate(PSA_KEY_TYPE_AES, 128, &status);
  EXPECT_EQ(status, kForced);

  this->hooks().forced.export_key = kForced;
  this->ExportKey(SecpR1KeyPair(), 256, pair, &status);
  EXPECT_EQ(status, kForced);

  this->hooks().forced.export_public_key = PSA_ERROR_COMMUNICATION_FAILURE;
  this->ExportPublicKey(SecpR1KeyPair(), 256, pair, &status);
  EXPECT_EQ(status, PSA_ERROR_COMMUNICATION_FAILURE);

  this->hooks().forced.copy_key = kForced;
  std::vector<uint8_t> target;
  EXPECT_EQ(this->Copy(SecpR1KeyPair(), 256, pair, 1024, &target), kForced);

  const psa_key_attributes_t attributes = KeyAttributes(SecpR1KeyPair(), 256);
  EXPECT_EQ(TypeParam::destroy_key(&attributes, pair.data(), pair.size()),
            PSA_SUCCESS);
  this->hooks().forced.destroy_key = kForced;
  EXPECT_EQ(TypeParam::destroy_key(&attributes, pair.data(), pair.size()),
            kForced);

  const test_opaque_counters_t& hits = this->hooks().hits;
  EXPECT_EQ(hits.import_key, 2u);
  EXPECT_EQ(hits.generate_key, 1u);
  EXPECT_EQ(hits.export_key, 2u);
  EXPECT_EQ(hits.export_public_key, 1u);
  EXPECT_EQ(hits.copy_key, 1u);
  EXPECT_EQ(hits.destroy_key, 2u);
}

TYPED_TEST(TestOpaqueDriverTest, UnsupportedKeyTypeIsDeclinedByAllButDestroy) {
  const std::vector<uint8_t> pair =
      this->ImportOk(SecpR1KeyPair(), 0, P256().private_key);
  const std::vector<uint8_t> aes =
      this->ImportOk(PSA_KEY_TYPE_AES, 0, Sequence(16, 1));
  this->hooks().unsupported_key_type = SecpR1KeyPair();
  psa_status_t status;

  this->Import(SecpR1KeyPair(), 0, P256().private_key, &status);
  EXPECT_EQ(status, PSA_ERROR_NOT_SUPPORTED);
  this->Generate(SecpR1KeyPair(), 256, &status);
  EXPECT_EQ(status, PSA_ERROR_NOT_SUPPORTED);
  this->ExportKey(SecpR1KeyPair(), 256, pair, &status);
  EXPECT_EQ(status, PSA_ERROR_NOT_SUPPORTED);
  this->ExportPublicKey(SecpR1KeyPair(), 256, pair, &status);
  EXPECT_EQ(status, PSA_ERROR_NOT_SUPPORTED);
  std::vector<uint8_t> target;
  EXPECT_EQ(this->Copy(SecpR1KeyPair(), 256, pair, 1024, &target),
            PSA_ERROR_NOT_SUPPORTED);
  const psa_key_attributes_t attributes = KeyAttributes(SecpR1KeyPair(), 256);
  EXPECT_EQ(TypeParam::destroy_key(&attributes, pair.data(), pair.size()),
            PSA_SUCCESS);

  // Other types are served; the forced status takes precedence.
  this->ExportKey(PSA_KEY_TYPE_AES, 128, aes, &status);
  EXPECT_EQ(status, PSA_SUCCESS);
  this->Import(SecpR1PublicKey(), 0, P256().public_key, &status);
  EXPECT_EQ(status, PSA_SUCCESS);
  this->hooks().forced.export_key = kForced;
  this->ExportKey(SecpR1KeyPair(), 256, pair, &status);
  EXPECT_EQ(status, kForced);
}

TYPED_TEST(TestOpaqueDriverTest, DestroyKeyNeitherReadsNorWipesTheContext) {
  std::vector<uint8_t> context =
      this->ImportOk(PSA_KEY_TYPE_AES, 0, Sequence(16, 1));
  const std::vector<uint8_t> copy = context;
  const psa_key_attributes_t attributes = KeyAttributes(PSA_KEY_TYPE_AES, 128);
  EXPECT_EQ(TypeParam::destroy_key(&attributes, context.data(), context.size()),
            PSA_SUCCESS);
  EXPECT_EQ(context, copy);
  // A corrupt context can still be destroyed.
  context[kHeaderSize] ^= 0xff;
  EXPECT_EQ(TypeParam::destroy_key(&attributes, context.data(), context.size()),
            PSA_SUCCESS);
  EXPECT_EQ(TypeParam::destroy_key(&attributes, nullptr, 0), PSA_SUCCESS);
  EXPECT_EQ(this->hooks().hits.destroy_key, 3u);
}

TYPED_TEST(TestOpaqueDriverTest, ResetHooksRestoresTheInitialState) {
  this->ImportOk(PSA_KEY_TYPE_AES, 0, Sequence(16, 1));
  this->hooks().forced.export_key = kForced;
  this->hooks().unsupported_key_type = PSA_KEY_TYPE_AES;
  test_opaque_reset_hooks(&this->hooks());
  const test_opaque_hooks_t& hooks = this->hooks();
  EXPECT_TRUE(
      IsAllZero(reinterpret_cast<const uint8_t*>(&hooks), sizeof(hooks)));
  psa_status_t status;
  const std::vector<uint8_t> context =
      this->Import(PSA_KEY_TYPE_AES, 0, Sequence(16, 1), &status);
  EXPECT_EQ(status, PSA_SUCCESS);
  EXPECT_EQ(this->ExportKey(PSA_KEY_TYPE_AES, 128, context, &status),
            Sequence(16, 1));
  EXPECT_EQ(status, PSA_SUCCESS);
}

// --- Properties of the instances together and of the size function ---

class TestOpaqueInstancesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
  void SetUp() override {
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
  }
  void TearDown() override { SetUp(); }
};

TEST_F(TestOpaqueInstancesTest,
       AContextOfOneLocationDoesNotCheckOutAtTheOther) {
  const std::vector<uint8_t> key = Sequence(32, 3);
  const psa_key_attributes_t attributes = KeyAttributes(PSA_KEY_TYPE_AES, 0);
  std::vector<uint8_t> context(kHeaderSize + key.size());
  size_t length = 0;
  size_t bits = 0;
  ASSERT_EQ(
      test_opaque_import_key(&attributes, key.data(), key.size(),
                             context.data(), context.size(), &length, &bits),
      PSA_SUCCESS);

  const psa_key_attributes_t key_attributes =
      KeyAttributes(PSA_KEY_TYPE_AES, 256);
  uint8_t data[32];
  size_t data_length = 0;
  EXPECT_EQ(
      test_opaque_static_export_key(&key_attributes, context.data(), length,
                                    data, sizeof(data), &data_length),
      PSA_ERROR_DATA_CORRUPT);
  EXPECT_EQ(test_opaque_export_key(&key_attributes, context.data(), length,
                                   data, sizeof(data), &data_length),
            PSA_SUCCESS);
  EXPECT_EQ(std::vector<uint8_t>(data, data + data_length), key);

  // Same key, same header, other instance: other wrapped payload.
  std::vector<uint8_t> other(context.size());
  size_t other_length = 0;
  bits = 0;
  ASSERT_EQ(test_opaque_static_import_key(&attributes, key.data(), key.size(),
                                          other.data(), other.size(),
                                          &other_length, &bits),
            PSA_SUCCESS);
  EXPECT_NE(other, context);

  EXPECT_EQ(test_opaque_hooks.hits.import_key, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 1u);
  EXPECT_EQ(test_opaque_static_hooks.hits.import_key, 1u);
  EXPECT_EQ(test_opaque_static_hooks.hits.export_key, 1u);
}

TEST_F(TestOpaqueInstancesTest, SizeFunctionIsHeaderPlusExportSizeAndCounts) {
  EXPECT_EQ(test_opaque_key_buffer_size(PSA_KEY_TYPE_AES, 256),
            kHeaderSize + 32);
  EXPECT_EQ(test_opaque_key_buffer_size(PSA_KEY_TYPE_HMAC, 8), kHeaderSize + 1);
  EXPECT_EQ(test_opaque_key_buffer_size(SecpR1KeyPair(), 384),
            kHeaderSize + 48);
  EXPECT_EQ(test_opaque_key_buffer_size(SecpR1PublicKey(), 256),
            kHeaderSize + 65);
  EXPECT_EQ(test_opaque_key_buffer_size(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048),
            kHeaderSize +
                PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048));
  // No key has these.
  EXPECT_EQ(test_opaque_key_buffer_size(PSA_KEY_TYPE_AES, 0), 0u);
  EXPECT_EQ(test_opaque_key_buffer_size(PSA_KEY_TYPE_NONE, 128), 0u);
  EXPECT_EQ(test_opaque_hooks.hits.key_buffer_size, 7u);
  EXPECT_EQ(test_opaque_static_hooks.hits.key_buffer_size, 0u);
}

// The descriptions must say what the code and these tests assume: the
// locations of test_opaque_driver.h, the size function, and the static
// sizes that StaticKeyBufferSize computes.
nlohmann::json ReadDescription(const std::string& name) {
  std::ifstream file("drivers/test/" + name);
  EXPECT_TRUE(file.is_open()) << name << " is not in the test's runfiles";
  return nlohmann::json::parse(file, nullptr, /*allow_exceptions=*/false);
}

std::vector<std::string> EntryPoints(const nlohmann::json& description) {
  std::vector<std::string> names;
  for (const nlohmann::json& capability : description.at("capabilities")) {
    for (const nlohmann::json& name : capability.at("entry_points")) {
      names.push_back(name.get<std::string>());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(TestOpaqueDescriptionTest, DescriptionsMatchTheCode) {
  const std::vector<std::string> kEntryPoints = {
      "copy_key",          "destroy_key",  "export_key",
      "export_public_key", "generate_key", "import_key"};

  const nlohmann::json dynamic = ReadDescription("test_opaque.json");
  ASSERT_FALSE(dynamic.is_discarded());
  EXPECT_EQ(dynamic.at("prefix"), "test_opaque");
  EXPECT_EQ(dynamic.at("type"), "opaque");
  EXPECT_EQ(std::stoul(dynamic.at("location").get<std::string>(), nullptr, 16),
            TEST_OPAQUE_LOCATION);
  EXPECT_EQ(dynamic.at("key_context").at("size_function"),
            "test_opaque_key_buffer_size");
  EXPECT_EQ(EntryPoints(dynamic), kEntryPoints);

  const nlohmann::json fixed = ReadDescription("test_opaque_static.json");
  ASSERT_FALSE(fixed.is_discarded());
  EXPECT_EQ(fixed.at("prefix"), "test_opaque_static");
  EXPECT_EQ(fixed.at("type"), "opaque");
  EXPECT_EQ(std::stoul(fixed.at("location").get<std::string>(), nullptr, 16),
            TEST_OPAQUE_STATIC_LOCATION);
  const nlohmann::json& key_context = fixed.at("key_context");
  EXPECT_FALSE(key_context.contains("size_function"));
  EXPECT_FALSE(key_context.contains("store_public_key"));
  EXPECT_EQ(key_context.at("base_size"),
            "sizeof(test_opaque_key_context_header_t)");
  EXPECT_EQ(key_context.at("key_pair_size"), "PSA_EXPORT_KEY_PAIR_MAX_SIZE");
  EXPECT_EQ(key_context.at("public_key_size"),
            "PSA_EXPORT_PUBLIC_KEY_MAX_SIZE");
  EXPECT_EQ(key_context.at("symmetric_factor"), 1);
  EXPECT_EQ(EntryPoints(fixed), kEntryPoints);

  for (const nlohmann::json* description : {&dynamic, &fixed}) {
    EXPECT_EQ(description->at("headers"),
              nlohmann::json::array({"drivers/test/test_opaque_driver.h"}));
  }
}

}  // namespace
}  // namespace drivers::test
