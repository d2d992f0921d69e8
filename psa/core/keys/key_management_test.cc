// The key management functions against the real library: round trips of
// every symmetric key type, generation, copies, the status of every bad
// argument, and a few asymmetric keys through the builtin driver.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "psa/core/keys/key_store.h"
#include "psa/core/keys/lifetime.h"
#include "psa/core/keys/testing/key_test_util.h"
#include "psa/crypto.h"

namespace psa::core::keys {
namespace {

using testing::Bytes;
using testing::ExportKey;
using testing::ExportPublicKey;
using testing::MakeAttributes;
using testing::PatternBytes;

constexpr psa_key_usage_t kExportable = PSA_KEY_USAGE_EXPORT;

// DES keys with correct (odd) parity in every byte.
Bytes DesKey(size_t size, uint32_t seed) {
  Bytes key = PatternBytes(size, seed);
  for (uint8_t& byte : key) {
    const int ones = __builtin_popcount(byte & 0xfe);
    byte = static_cast<uint8_t>((byte & 0xfe) | (ones % 2 == 0 ? 1 : 0));
  }
  return key;
}

bool HasOddParity(const Bytes& key) {
  for (uint8_t byte : key) {
    if (__builtin_popcount(byte) % 2 != 1) return false;
  }
  return true;
}

Bytes FromHex(const std::string& hex) {
  Bytes bytes(hex.size() / 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = static_cast<uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  }
  return bytes;
}

class KeyManagementTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = testing::ResetKeyStore(); }
  void TearDown() override {
    // Every test destroys what it creates: no slot may leak.
    EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  }
  std::string directory_;
};

// --- Symmetric round trips ------------------------------------------------------

struct SymmetricCase {
  const char* name;
  psa_key_type_t type;
  size_t size;
};

class SymmetricRoundTripTest
    : public KeyManagementTest,
      public ::testing::WithParamInterface<SymmetricCase> {};

TEST_P(SymmetricRoundTripTest, ImportExportReturnsTheSameBytes) {
  const SymmetricCase& c = GetParam();
  const Bytes data = c.type == PSA_KEY_TYPE_DES ? DesKey(c.size, 7)
                                                : PatternBytes(c.size, 7);
  for (size_t bits : {size_t{0}, 8 * c.size}) {
    const psa_key_attributes_t requested =
        MakeAttributes(c.type, bits, kExportable, PSA_ALG_NONE);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_EQ(psa_import_key(&requested, data.data(), data.size(), &key),
              PSA_SUCCESS)
        << "bits " << bits;
    EXPECT_TRUE(IsVolatileKeyId(key)) << std::hex << key;
    psa_key_attributes_t attributes = psa_key_attributes_init();
    ASSERT_EQ(psa_get_key_attributes(key, &attributes), PSA_SUCCESS);
    EXPECT_EQ(psa_get_key_type(&attributes), c.type);
    EXPECT_EQ(psa_get_key_bits(&attributes), 8 * c.size);

    Bytes exported;
    ASSERT_EQ(ExportKey(key, &exported), PSA_SUCCESS);
    EXPECT_EQ(exported, data);
    // Exactly PSA_EXPORT_KEY_OUTPUT_SIZE is enough.
    ASSERT_EQ(ExportKey(key, &exported,
                        PSA_EXPORT_KEY_OUTPUT_SIZE(c.type, 8 * c.size)),
              PSA_SUCCESS);
    EXPECT_EQ(exported, data);
    // Symmetric keys have no public part.
    EXPECT_EQ(ExportPublicKey(key, &exported), PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  }
}

TEST_P(SymmetricRoundTripTest, GenerateGivesAFreshKeyOfTheRequestedSize) {
  const SymmetricCase& c = GetParam();
  const psa_key_attributes_t attributes =
      MakeAttributes(c.type, 8 * c.size, kExportable, PSA_ALG_NONE);
  psa_key_id_t first = PSA_KEY_ID_NULL;
  psa_key_id_t second = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_generate_key(&attributes, &first), PSA_SUCCESS);
  ASSERT_EQ(psa_generate_key(&attributes, &second), PSA_SUCCESS);
  Bytes first_bytes;
  Bytes second_bytes;
  ASSERT_EQ(ExportKey(first, &first_bytes), PSA_SUCCESS);
  ASSERT_EQ(ExportKey(second, &second_bytes), PSA_SUCCESS);
  EXPECT_EQ(first_bytes.size(), c.size);
  EXPECT_EQ(second_bytes.size(), c.size);
  if (c.size >= 8) {
    EXPECT_NE(first_bytes, second_bytes);
  }
  if (c.type == PSA_KEY_TYPE_DES) {
    EXPECT_TRUE(HasOddParity(first_bytes));
    EXPECT_TRUE(HasOddParity(second_bytes));
  }
  // What was generated imports again: it is a valid key of its type.
  psa_key_id_t reimported = PSA_KEY_ID_NULL;
  EXPECT_EQ(psa_import_key(&attributes, first_bytes.data(),
                           first_bytes.size(), &reimported),
            PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(reimported), PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(first), PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(second), PSA_SUCCESS);
}

INSTANTIATE_TEST_SUITE_P(
    EveryType, SymmetricRoundTripTest,
    ::testing::Values(SymmetricCase{"RawData1", PSA_KEY_TYPE_RAW_DATA, 1},
                      SymmetricCase{"RawData300", PSA_KEY_TYPE_RAW_DATA, 300},
                      SymmetricCase{"Hmac20", PSA_KEY_TYPE_HMAC, 20},
                      SymmetricCase{"Hmac64", PSA_KEY_TYPE_HMAC, 64},
                      SymmetricCase{"Hmac200", PSA_KEY_TYPE_HMAC, 200},
                      SymmetricCase{"Derive32", PSA_KEY_TYPE_DERIVE, 32},
                      SymmetricCase{"Password12", PSA_KEY_TYPE_PASSWORD, 12},
                      SymmetricCase{"PasswordHash32",
                                    PSA_KEY_TYPE_PASSWORD_HASH, 32},
                      SymmetricCase{"Pepper16", PSA_KEY_TYPE_PEPPER, 16},
                      SymmetricCase{"Aes128", PSA_KEY_TYPE_AES, 16},
                      SymmetricCase{"Aes192", PSA_KEY_TYPE_AES, 24},
                      SymmetricCase{"Aes256", PSA_KEY_TYPE_AES, 32},
                      SymmetricCase{"Aria128", PSA_KEY_TYPE_ARIA, 16},
                      SymmetricCase{"Aria192", PSA_KEY_TYPE_ARIA, 24},
                      SymmetricCase{"Aria256", PSA_KEY_TYPE_ARIA, 32},
                      SymmetricCase{"Camellia128", PSA_KEY_TYPE_CAMELLIA, 16},
                      SymmetricCase{"Camellia192", PSA_KEY_TYPE_CAMELLIA, 24},
                      SymmetricCase{"Camellia256", PSA_KEY_TYPE_CAMELLIA, 32},
                      SymmetricCase{"Des64", PSA_KEY_TYPE_DES, 8},
                      SymmetricCase{"Des128", PSA_KEY_TYPE_DES, 16},
                      SymmetricCase{"Des192", PSA_KEY_TYPE_DES, 24},
                      SymmetricCase{"Chacha20", PSA_KEY_TYPE_CHACHA20, 32}),
    [](const ::testing::TestParamInfo<SymmetricCase>& info) {
      return std::string(info.param.name);
    });

// --- Bad arguments ----------------------------------------------------------------

struct BadImport {
  const char* name;
  psa_key_attributes_t attributes;
  Bytes data;
  psa_status_t expected;
};

psa_key_attributes_t WithRawLifetimeAndId(psa_key_attributes_t attributes,
                                          psa_key_lifetime_t lifetime,
                                          psa_key_id_t id) {
  attributes.lifetime = lifetime;
  attributes.id = id;
  return attributes;
}

TEST_F(KeyManagementTest, ImportRejectsEveryBadArgumentWithTheSpecifiedStatus) {
  const psa_key_attributes_t aes =
      MakeAttributes(PSA_KEY_TYPE_AES, 0, kExportable, PSA_ALG_NONE);
  const Bytes aes_key = PatternBytes(16, 1);
  const psa_key_lifetime_t read_only =
      PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
          PSA_KEY_PERSISTENCE_READ_ONLY, PSA_KEY_LOCATION_LOCAL_STORAGE);
  const psa_key_lifetime_t unknown_location =
      PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
          PSA_KEY_PERSISTENCE_VOLATILE, 0x7fffff);
  Bytes bad_parity = DesKey(8, 3);
  bad_parity[5] ^= 1;

  const std::vector<BadImport> cases = {
      {"type none", MakeAttributes(PSA_KEY_TYPE_NONE, 0, 0, 0), aes_key,
       PSA_ERROR_NOT_SUPPORTED},
      {"empty data", aes, {}, PSA_ERROR_INVALID_ARGUMENT},
      {"empty raw data", MakeAttributes(PSA_KEY_TYPE_RAW_DATA, 0, 0, 0), {},
       PSA_ERROR_INVALID_ARGUMENT},
      {"aes 15 bytes", aes, PatternBytes(15, 1), PSA_ERROR_INVALID_ARGUMENT},
      {"aes 33 bytes", aes, PatternBytes(33, 1), PSA_ERROR_INVALID_ARGUMENT},
      {"aes bits mismatch",
       MakeAttributes(PSA_KEY_TYPE_AES, 256, kExportable, PSA_ALG_NONE),
       aes_key, PSA_ERROR_INVALID_ARGUMENT},
      {"hmac bits mismatch",
       MakeAttributes(PSA_KEY_TYPE_HMAC, 8, 0, PSA_ALG_NONE),
       PatternBytes(2, 1), PSA_ERROR_INVALID_ARGUMENT},
      {"des bad parity", MakeAttributes(PSA_KEY_TYPE_DES, 0, 0, 0), bad_parity,
       PSA_ERROR_INVALID_ARGUMENT},
      {"des 7 bytes", MakeAttributes(PSA_KEY_TYPE_DES, 0, 0, 0), DesKey(7, 1),
       PSA_ERROR_INVALID_ARGUMENT},
      {"chacha20 16 bytes", MakeAttributes(PSA_KEY_TYPE_CHACHA20, 0, 0, 0),
       PatternBytes(16, 1), PSA_ERROR_INVALID_ARGUMENT},
      {"volatile with an id", WithRawLifetimeAndId(aes, PSA_KEY_LIFETIME_VOLATILE, 5),
       aes_key, PSA_ERROR_INVALID_ARGUMENT},
      {"persistent without id",
       WithRawLifetimeAndId(aes, PSA_KEY_LIFETIME_PERSISTENT, PSA_KEY_ID_NULL),
       aes_key, PSA_ERROR_INVALID_ARGUMENT},
      {"persistent with a vendor id",
       WithRawLifetimeAndId(aes, PSA_KEY_LIFETIME_PERSISTENT,
                            PSA_KEY_ID_VENDOR_MIN),
       aes_key, PSA_ERROR_INVALID_ARGUMENT},
      {"persistent with a volatile id",
       WithRawLifetimeAndId(aes, PSA_KEY_LIFETIME_PERSISTENT, kVolatileKeyIdMin),
       aes_key, PSA_ERROR_INVALID_ARGUMENT},
      {"persistent with a reserved id",
       WithRawLifetimeAndId(aes, PSA_KEY_LIFETIME_PERSISTENT, 0x80000000),
       aes_key, PSA_ERROR_INVALID_ARGUMENT},
      {"read-only", WithRawLifetimeAndId(aes, read_only, 77), aes_key,
       PSA_ERROR_NOT_PERMITTED},
      {"unknown location", WithRawLifetimeAndId(aes, unknown_location, 0),
       aes_key, PSA_ERROR_NOT_SUPPORTED},
      {"ecc public key off the curve",
       MakeAttributes(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 0,
                      0, 0),
       [] {
         Bytes point(65, 0x11);
         point[0] = 0x04;
         return point;
       }(),
       PSA_ERROR_INVALID_ARGUMENT},
      {"ecc key pair bits mismatch",
       MakeAttributes(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 384,
                      0, 0),
       PatternBytes(32, 1), PSA_ERROR_INVALID_ARGUMENT},
  };
  for (const BadImport& c : cases) {
    psa_key_id_t key = 0x1234;
    EXPECT_EQ(psa_import_key(&c.attributes, c.data.data(), c.data.size(),
                             &key),
              c.expected)
        << c.name;
    EXPECT_EQ(key, PSA_KEY_ID_NULL) << c.name;
    EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u) << c.name;
  }
  // Nothing reached the storage.
  EXPECT_FALSE(testing::KeyFileExists(directory_, 77));
}

TEST_F(KeyManagementTest, ImportOfAnExistingPersistentIdFails) {
  const psa_key_attributes_t attributes =
      MakeAttributes(PSA_KEY_TYPE_AES, 0, kExportable, PSA_ALG_NONE, 0x100);
  const Bytes first = PatternBytes(16, 1);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_import_key(&attributes, first.data(), first.size(), &key),
            PSA_SUCCESS);
  const Bytes second = PatternBytes(16, 2);
  psa_key_id_t again = 0x55;
  EXPECT_EQ(psa_import_key(&attributes, second.data(), second.size(), &again),
            PSA_ERROR_ALREADY_EXISTS);
  EXPECT_EQ(again, PSA_KEY_ID_NULL);
  Bytes exported;
  ASSERT_EQ(ExportKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, first);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, GenerateRejectsEveryBadArgumentWithTheSpecifiedStatus) {
  struct Case {
    const char* name;
    psa_key_attributes_t attributes;
    psa_status_t expected;
  };
  const Case cases[] = {
      {"type none", MakeAttributes(PSA_KEY_TYPE_NONE, 128, 0, 0),
       PSA_ERROR_NOT_SUPPORTED},
      {"size 0", MakeAttributes(PSA_KEY_TYPE_AES, 0, 0, 0),
       PSA_ERROR_INVALID_ARGUMENT},
      {"raw data size 0", MakeAttributes(PSA_KEY_TYPE_RAW_DATA, 0, 0, 0),
       PSA_ERROR_INVALID_ARGUMENT},
      {"aes 100 bits", MakeAttributes(PSA_KEY_TYPE_AES, 100, 0, 0),
       PSA_ERROR_INVALID_ARGUMENT},
      {"des 56 bits", MakeAttributes(PSA_KEY_TYPE_DES, 56, 0, 0),
       PSA_ERROR_INVALID_ARGUMENT},
      {"ecc public key",
       MakeAttributes(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256,
                      0, 0),
       PSA_ERROR_INVALID_ARGUMENT},
      {"rsa public key", MakeAttributes(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048, 0, 0),
       PSA_ERROR_INVALID_ARGUMENT},
      {"persistent with a vendor id",
       WithRawLifetimeAndId(MakeAttributes(PSA_KEY_TYPE_AES, 128, 0, 0),
                            PSA_KEY_LIFETIME_PERSISTENT, PSA_KEY_ID_VENDOR_MAX),
       PSA_ERROR_INVALID_ARGUMENT},
      {"read-only",
       WithRawLifetimeAndId(MakeAttributes(PSA_KEY_TYPE_AES, 128, 0, 0),
                            PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                PSA_KEY_PERSISTENCE_READ_ONLY, 0),
                            9),
       PSA_ERROR_NOT_PERMITTED},
      {"unknown location",
       WithRawLifetimeAndId(MakeAttributes(PSA_KEY_TYPE_AES, 128, 0, 0),
                            PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                PSA_KEY_PERSISTENCE_DEFAULT, 0x800123),
                            9),
       PSA_ERROR_NOT_SUPPORTED},
  };
  for (const Case& c : cases) {
    psa_key_id_t key = 0x1234;
    EXPECT_EQ(psa_generate_key(&c.attributes, &key), c.expected) << c.name;
    EXPECT_EQ(key, PSA_KEY_ID_NULL) << c.name;
  }
  EXPECT_FALSE(testing::KeyFileExists(directory_, 9));
}

TEST_F(KeyManagementTest, ExportNeedsTheExportUsage) {
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_COPY,
                     PSA_ALG_CTR),
      PatternBytes(16, 4));
  Bytes exported;
  EXPECT_EQ(ExportKey(key, &exported), PSA_ERROR_NOT_PERMITTED);
  EXPECT_TRUE(exported.empty());
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, ExportIntoAShortBufferFailsAndWipesIt) {
  const Bytes data = PatternBytes(32, 5);
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_HMAC, 0, kExportable, PSA_ALG_NONE), data);
  Bytes buffer(31, 0xaa);
  size_t length = 99;
  EXPECT_EQ(psa_export_key(key, buffer.data(), buffer.size(), &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(buffer, Bytes(31, 0));
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, InvalidIdentifiersGiveInvalidHandle) {
  const psa_key_id_t invalid[] = {PSA_KEY_ID_NULL, 1, PSA_KEY_ID_VENDOR_MIN,
                                  kVolatileKeyIdMin, PSA_KEY_ID_VENDOR_MAX,
                                  0x80000000, 0xffffffff};
  for (psa_key_id_t id : invalid) {
    Bytes out;
    EXPECT_EQ(ExportKey(id, &out), PSA_ERROR_INVALID_HANDLE) << std::hex << id;
    EXPECT_EQ(ExportPublicKey(id, &out), PSA_ERROR_INVALID_HANDLE)
        << std::hex << id;
    psa_key_id_t target = 0x77;
    const psa_key_attributes_t attributes = psa_key_attributes_init();
    EXPECT_EQ(psa_copy_key(id, &attributes, &target), PSA_ERROR_INVALID_HANDLE)
        << std::hex << id;
    EXPECT_EQ(target, PSA_KEY_ID_NULL);
    EXPECT_EQ(psa_purge_key(id), PSA_ERROR_INVALID_HANDLE) << std::hex << id;
    if (id != PSA_KEY_ID_NULL) {
      EXPECT_EQ(psa_destroy_key(id), PSA_ERROR_INVALID_HANDLE)
          << std::hex << id;
    }
  }
  // Destroying the null identifier does nothing, successfully.
  EXPECT_EQ(psa_destroy_key(PSA_KEY_ID_NULL), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, DestroyInvalidatesTheIdentifier) {
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_RAW_DATA, 0, kExportable, PSA_ALG_NONE),
      PatternBytes(10, 6));
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(key), PSA_ERROR_INVALID_HANDLE);
  Bytes out;
  EXPECT_EQ(ExportKey(key, &out), PSA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(psa_purge_key(key), PSA_ERROR_INVALID_HANDLE);
}

TEST_F(KeyManagementTest, PurgeOfAVolatileKeyLeavesItUsable) {
  const Bytes data = PatternBytes(16, 8);
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_AES, 0, kExportable, PSA_ALG_NONE), data);
  EXPECT_EQ(psa_purge_key(key), PSA_SUCCESS);
  Bytes out;
  ASSERT_EQ(ExportKey(key, &out), PSA_SUCCESS);
  EXPECT_EQ(out, data);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, VolatileIdentifiersAreDistinctAndNotReusedSoon) {
  std::set<psa_key_id_t> seen;
  const psa_key_attributes_t attributes =
      MakeAttributes(PSA_KEY_TYPE_RAW_DATA, 0, 0, PSA_ALG_NONE);
  const Bytes data = PatternBytes(4, 9);
  for (int i = 0; i < 200; ++i) {
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_EQ(psa_import_key(&attributes, data.data(), data.size(), &key),
              PSA_SUCCESS);
    EXPECT_TRUE(IsVolatileKeyId(key));
    EXPECT_TRUE(seen.insert(key).second) << "identifier reused: " << key;
    ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  }
}

// --- Copies -----------------------------------------------------------------------

TEST_F(KeyManagementTest, CopyIntersectsTheUsagesAndKeepsTheMaterial) {
  const Bytes data = PatternBytes(32, 10);
  const psa_key_id_t source = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_HMAC, 0,
                     PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH |
                         PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT,
                     PSA_ALG_HMAC(PSA_ALG_SHA_256)),
      data);
  const psa_key_attributes_t requested = MakeAttributes(
      PSA_KEY_TYPE_NONE, 0,
      PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_DERIVE,
      PSA_ALG_HMAC(PSA_ALG_SHA_256));
  psa_key_id_t copy = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_copy_key(source, &requested, &copy), PSA_SUCCESS);
  EXPECT_NE(copy, source);
  psa_key_attributes_t attributes = psa_key_attributes_init();
  ASSERT_EQ(psa_get_key_attributes(copy, &attributes), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_type(&attributes), PSA_KEY_TYPE_HMAC);
  EXPECT_EQ(psa_get_key_bits(&attributes), 256u);
  EXPECT_EQ(psa_get_key_usage_flags(&attributes),
            PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_VERIFY_MESSAGE |
                PSA_KEY_USAGE_EXPORT);
  EXPECT_EQ(psa_get_key_algorithm(&attributes), PSA_ALG_HMAC(PSA_ALG_SHA_256));
  Bytes exported;
  ASSERT_EQ(ExportKey(copy, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  // The copy is independent of its source.
  EXPECT_EQ(psa_destroy_key(source), PSA_SUCCESS);
  ASSERT_EQ(ExportKey(copy, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  EXPECT_EQ(psa_destroy_key(copy), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, CopyNarrowsAWildcardPolicy) {
  const psa_algorithm_t at_least_16 =
      PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16);
  const psa_algorithm_t truncated_20 =
      PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 20);
  const psa_key_id_t source = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_HMAC, 0,
                     PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_COPY,
                     at_least_16),
      PatternBytes(32, 11));
  const psa_key_attributes_t requested = MakeAttributes(
      PSA_KEY_TYPE_HMAC, 256, PSA_KEY_USAGE_SIGN_MESSAGE, truncated_20);
  psa_key_id_t copy = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_copy_key(source, &requested, &copy), PSA_SUCCESS);
  psa_key_attributes_t attributes = psa_key_attributes_init();
  ASSERT_EQ(psa_get_key_attributes(copy, &attributes), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_algorithm(&attributes), truncated_20);
  EXPECT_EQ(psa_get_key_usage_flags(&attributes), PSA_KEY_USAGE_SIGN_MESSAGE);
  EXPECT_EQ(psa_destroy_key(copy), PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(source), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, CopyRejectsEveryBadArgumentWithTheSpecifiedStatus) {
  const psa_key_id_t copyable = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_HMAC, 0,
                     PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_COPY,
                     PSA_ALG_HMAC(PSA_ALG_SHA_256)),
      PatternBytes(32, 12));
  const psa_key_id_t not_copyable = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_HMAC, 0,
                     PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_EXPORT,
                     PSA_ALG_HMAC(PSA_ALG_SHA_256)),
      PatternBytes(32, 13));
  const psa_key_id_t existing = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_RAW_DATA, 0, 0, PSA_ALG_NONE, 0x200),
      PatternBytes(4, 14));
  const psa_key_attributes_t same_policy = MakeAttributes(
      PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_HMAC(PSA_ALG_SHA_256));

  struct Case {
    const char* name;
    psa_key_id_t source;
    psa_key_attributes_t attributes;
    psa_status_t expected;
  };
  const Case cases[] = {
      {"no copy usage", not_copyable, same_policy, PSA_ERROR_NOT_PERMITTED},
      {"other type", copyable,
       MakeAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_SIGN_HASH,
                      PSA_ALG_HMAC(PSA_ALG_SHA_256)),
       PSA_ERROR_INVALID_ARGUMENT},
      {"other size", copyable,
       MakeAttributes(PSA_KEY_TYPE_HMAC, 128, PSA_KEY_USAGE_SIGN_HASH,
                      PSA_ALG_HMAC(PSA_ALG_SHA_256)),
       PSA_ERROR_INVALID_ARGUMENT},
      {"disjoint algorithms", copyable,
       MakeAttributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_SIGN_HASH,
                      PSA_ALG_HMAC(PSA_ALG_SHA_512)),
       PSA_ERROR_INVALID_ARGUMENT},
      {"existing persistent id", copyable,
       MakeAttributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_SIGN_HASH,
                      PSA_ALG_HMAC(PSA_ALG_SHA_256), 0x200),
       PSA_ERROR_ALREADY_EXISTS},
      {"vendor id", copyable,
       WithRawLifetimeAndId(same_policy, PSA_KEY_LIFETIME_PERSISTENT,
                            PSA_KEY_ID_VENDOR_MIN + 1),
       PSA_ERROR_INVALID_ARGUMENT},
      {"read-only", copyable,
       WithRawLifetimeAndId(same_policy,
                            PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                PSA_KEY_PERSISTENCE_READ_ONLY, 0),
                            0x201),
       PSA_ERROR_NOT_PERMITTED},
      {"unknown location", copyable,
       WithRawLifetimeAndId(same_policy,
                            PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                PSA_KEY_PERSISTENCE_VOLATILE, 0x654321),
                            0),
       PSA_ERROR_NOT_SUPPORTED},
  };
  for (const Case& c : cases) {
    psa_key_id_t target = 0x99;
    EXPECT_EQ(psa_copy_key(c.source, &c.attributes, &target), c.expected)
        << c.name;
    EXPECT_EQ(target, PSA_KEY_ID_NULL) << c.name;
  }
  EXPECT_FALSE(testing::KeyFileExists(directory_, 0x201));
  EXPECT_EQ(psa_destroy_key(copyable), PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(not_copyable), PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(existing), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, CopyToAPersistentKeyWritesItsFile) {
  const Bytes data = PatternBytes(24, 15);
  const psa_key_id_t source = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_AES, 0,
                     PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE),
      data);
  const psa_key_attributes_t requested =
      MakeAttributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE,
                     0x300);
  psa_key_id_t copy = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_copy_key(source, &requested, &copy), PSA_SUCCESS);
  EXPECT_EQ(copy, 0x300u);
  EXPECT_TRUE(testing::KeyFileExists(directory_, 0x300));
  Bytes exported;
  ASSERT_EQ(ExportKey(copy, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  EXPECT_EQ(psa_destroy_key(copy), PSA_SUCCESS);
  EXPECT_FALSE(testing::KeyFileExists(directory_, 0x300));
  EXPECT_EQ(psa_destroy_key(source), PSA_SUCCESS);
}

// --- Asymmetric keys (the builtin driver's import_key / export_public_key) -------

// RFC 6979, A.2.5: the P-256 key pair of the deterministic ECDSA examples.
const char kP256Private[] =
    "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
const char kP256Public[] =
    "04"
    "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
    "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";

TEST_F(KeyManagementTest, EccKeyPairImportDeterminesTheSizeAndExportsItsPublicKey) {
  const Bytes private_key = FromHex(kP256Private);
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 0,
                     kExportable, PSA_ALG_ECDSA(PSA_ALG_SHA_256)),
      private_key);
  ASSERT_NE(key, PSA_KEY_ID_NULL);
  psa_key_attributes_t attributes = psa_key_attributes_init();
  ASSERT_EQ(psa_get_key_attributes(key, &attributes), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_bits(&attributes), 256u);
  Bytes exported;
  ASSERT_EQ(ExportKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, private_key);
  ASSERT_EQ(ExportPublicKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, FromHex(kP256Public));
  // A buffer of PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE is enough; one byte less
  // is not.
  const size_t public_size = PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(
      PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256);
  EXPECT_EQ(ExportPublicKey(key, &exported, public_size), PSA_SUCCESS);
  EXPECT_EQ(ExportPublicKey(key, &exported, public_size - 1),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, PublicKeysExportWithoutAnyUsage) {
  const Bytes public_key = FromHex(kP256Public);
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256,
                     0, PSA_ALG_NONE),
      public_key);
  Bytes exported;
  ASSERT_EQ(ExportKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, public_key);
  ASSERT_EQ(ExportPublicKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, public_key);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, KeyPairsNeedTheExportUsageOnlyForThePrivateKey) {
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 0, 0,
                     PSA_ALG_NONE),
      FromHex(kP256Private));
  Bytes exported;
  EXPECT_EQ(ExportKey(key, &exported), PSA_ERROR_NOT_PERMITTED);
  ASSERT_EQ(ExportPublicKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, FromHex(kP256Public));
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyManagementTest, GeneratedEccKeyPairsAreValidAndDistinct) {
  const psa_key_attributes_t attributes =
      MakeAttributes(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256,
                     kExportable, PSA_ALG_NONE);
  psa_key_id_t first = PSA_KEY_ID_NULL;
  psa_key_id_t second = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_generate_key(&attributes, &first), PSA_SUCCESS);
  ASSERT_EQ(psa_generate_key(&attributes, &second), PSA_SUCCESS);
  Bytes first_private;
  Bytes second_private;
  ASSERT_EQ(ExportKey(first, &first_private), PSA_SUCCESS);
  ASSERT_EQ(ExportKey(second, &second_private), PSA_SUCCESS);
  EXPECT_EQ(first_private.size(), 32u);
  EXPECT_NE(first_private, second_private);
  Bytes public_key;
  ASSERT_EQ(ExportPublicKey(first, &public_key), PSA_SUCCESS);
  EXPECT_EQ(public_key.size(), 65u);
  // The public key is a valid point: it imports.
  psa_key_id_t imported = PSA_KEY_ID_NULL;
  const psa_key_attributes_t public_attributes = MakeAttributes(
      PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256, 0, 0);
  EXPECT_EQ(psa_import_key(&public_attributes, public_key.data(),
                           public_key.size(), &imported),
            PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(imported), PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(first), PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(second), PSA_SUCCESS);
}

}  // namespace
}  // namespace psa::core::keys
