// Keys in an opaque location, through the test_opaque driver (location
// 0x800001; its key contexts are the key wrapped, never the plain key):
// which entry points the key store calls, with what buffers, in which order,
// and how a failure after the driver created a key is undone.

#include <gtest/gtest.h>
#include <stdlib.h>
#include <string.h>

#include <string>

#include "drivers/test/test_opaque_driver.h"
#include "psa/core/keys/key_store.h"
#include "psa/core/keys/testing/key_test_util.h"
#include "psa/core/storage/key_file_store.h"
#include "psa/crypto.h"

namespace psa::core::keys {
namespace {

using testing::Bytes;
using testing::ExportKey;
using testing::ExportPublicKey;
using testing::MakeAttributes;
using testing::PatternBytes;

constexpr psa_key_lifetime_t kOpaqueVolatile =
    PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE,
                                                   TEST_OPAQUE_LOCATION);
constexpr psa_key_lifetime_t kOpaquePersistent =
    PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_DEFAULT,
                                                   TEST_OPAQUE_LOCATION);

psa_key_attributes_t OpaqueAttributes(psa_key_type_t type, size_t bits,
                                      psa_key_usage_t usage,
                                      psa_key_id_t id = PSA_KEY_ID_NULL) {
  psa_key_attributes_t attributes =
      MakeAttributes(type, bits, usage, PSA_ALG_NONE, id);
  psa_set_key_lifetime(&attributes,
                       id == PSA_KEY_ID_NULL ? kOpaqueVolatile
                                             : kOpaquePersistent);
  if (id != PSA_KEY_ID_NULL) psa_set_key_id(&attributes, id);
  return attributes;
}

Bytes FromHex(const std::string& hex) {
  Bytes bytes(hex.size() / 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] =
        static_cast<uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  }
  return bytes;
}

// RFC 6979, A.2.5.
const char kP256Private[] =
    "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
const char kP256Public[] =
    "04"
    "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
    "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";

class OpaqueKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = testing::ResetKeyStore();
    test_opaque_reset_hooks(&test_opaque_hooks);
  }
  void TearDown() override {
    test_opaque_reset_hooks(&test_opaque_hooks);
    EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  }

  Bytes KeyBuffer(psa_key_id_t key) {
    KeyHandle handle;
    EXPECT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &handle), PSA_SUCCESS);
    if (!handle.valid()) return {};
    return Bytes(handle.key_buffer(),
                 handle.key_buffer() + handle.key_buffer_size());
  }

  const test_opaque_counters_t& hits() const { return test_opaque_hooks.hits; }

  std::string directory_;
};

TEST_F(OpaqueKeyTest, ImportWrapsTheKeyAndExportUnwrapsIt) {
  const Bytes data = PatternBytes(16, 1);
  const psa_key_id_t key = testing::ImportOrFail(
      OpaqueAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT), data);
  EXPECT_EQ(hits().import_key, 1u);
  // Sized by the driver's size function for a 128-bit key (the size of the
  // data, as the attributes gave none), then trimmed to what it wrote.
  EXPECT_EQ(test_opaque_hooks.last_key_buffer_size,
            sizeof(test_opaque_key_context_header_t) + 16);
  const Bytes context = KeyBuffer(key);
  ASSERT_EQ(context.size(), sizeof(test_opaque_key_context_header_t) + 16);
  EXPECT_EQ(context[0], TEST_OPAQUE_MAGIC_0);
  EXPECT_NE(Bytes(context.end() - 16, context.end()), data);

  psa_key_attributes_t attributes = psa_key_attributes_init();
  ASSERT_EQ(psa_get_key_attributes(key, &attributes), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_lifetime(&attributes), kOpaqueVolatile);
  EXPECT_EQ(psa_get_key_bits(&attributes), 128u);

  Bytes exported;
  ASSERT_EQ(ExportKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  EXPECT_EQ(hits().export_key, 1u);
  EXPECT_EQ(ExportPublicKey(key, &exported), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(hits().export_public_key, 0u);

  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  EXPECT_EQ(hits().destroy_key, 1u);
}

TEST_F(OpaqueKeyTest, TheDriverChecksTheKeyAndItsSize) {
  const Bytes data = PatternBytes(16, 2);
  psa_key_id_t key = 0x55;
  const psa_key_attributes_t wrong_bits =
      OpaqueAttributes(PSA_KEY_TYPE_AES, 256, PSA_KEY_USAGE_EXPORT);
  EXPECT_EQ(psa_import_key(&wrong_bits, data.data(), data.size(), &key),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  const psa_key_attributes_t des =
      OpaqueAttributes(PSA_KEY_TYPE_DES, 0, PSA_KEY_USAGE_EXPORT);
  EXPECT_EQ(psa_import_key(&des, data.data(), 8, &key),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(hits().import_key, 2u);
  // Nothing was created, so nothing is destroyed.
  EXPECT_EQ(hits().destroy_key, 0u);
}

TEST_F(OpaqueKeyTest, ExportNeedsRoomForAnyKeyOfTheAttributes) {
  const psa_key_id_t key = testing::ImportOrFail(
      OpaqueAttributes(PSA_KEY_TYPE_HMAC, 0, PSA_KEY_USAGE_EXPORT),
      PatternBytes(20, 3));
  Bytes exported;
  EXPECT_EQ(ExportKey(key, &exported, 19), PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(hits().export_key, 0u);
  ASSERT_EQ(ExportKey(key, &exported, 20), PSA_SUCCESS);
  EXPECT_EQ(exported, PatternBytes(20, 3));
  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(OpaqueKeyTest, GenerateGoesToTheDriver) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  const psa_key_attributes_t attributes =
      OpaqueAttributes(PSA_KEY_TYPE_AES, 256, PSA_KEY_USAGE_EXPORT);
  ASSERT_EQ(psa_generate_key(&attributes, &key), PSA_SUCCESS);
  EXPECT_EQ(hits().generate_key, 1u);
  Bytes exported;
  ASSERT_EQ(ExportKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported.size(), 32u);
  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(OpaqueKeyTest, KeyPairsExportTheirPublicKeyThroughTheDriver) {
  const psa_key_id_t pair = testing::ImportOrFail(
      OpaqueAttributes(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 0, 0),
      FromHex(kP256Private));
  Bytes exported;
  EXPECT_EQ(ExportKey(pair, &exported), PSA_ERROR_NOT_PERMITTED);
  ASSERT_EQ(ExportPublicKey(pair, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, FromHex(kP256Public));
  EXPECT_EQ(hits().export_public_key, 1u);

  // A public key is exported with "export_key", the driver interface giving
  // "export_public_key" only key pairs.
  const psa_key_id_t public_key = testing::ImportOrFail(
      OpaqueAttributes(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 0,
                       0),
      FromHex(kP256Public));
  ASSERT_EQ(ExportPublicKey(public_key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, FromHex(kP256Public));
  EXPECT_EQ(hits().export_public_key, 1u);
  EXPECT_EQ(hits().export_key, 1u);
  ASSERT_EQ(psa_destroy_key(pair), PSA_SUCCESS);
  ASSERT_EQ(psa_destroy_key(public_key), PSA_SUCCESS);
}

TEST_F(OpaqueKeyTest, CopiesUseTheEntryPointOfEachDirection) {
  const Bytes data = PatternBytes(32, 4);
  const psa_key_id_t opaque = testing::ImportOrFail(
      OpaqueAttributes(PSA_KEY_TYPE_HMAC, 0,
                       PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT),
      data);
  const psa_key_attributes_t to_opaque =
      OpaqueAttributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT);
  const psa_key_attributes_t to_local =
      MakeAttributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);

  // Within the location: "copy_key".
  psa_key_id_t copy = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_copy_key(opaque, &to_opaque, &copy), PSA_SUCCESS);
  EXPECT_EQ(hits().copy_key, 1u);
  Bytes exported;
  ASSERT_EQ(ExportKey(copy, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  ASSERT_EQ(psa_destroy_key(copy), PSA_SUCCESS);

  // Out of the location: "export_key", then the local key is the bytes.
  const unsigned long exports_before = hits().export_key;
  ASSERT_EQ(psa_copy_key(opaque, &to_local, &copy), PSA_SUCCESS);
  EXPECT_EQ(hits().export_key, exports_before + 1);
  EXPECT_EQ(KeyBuffer(copy), data);
  ASSERT_EQ(psa_destroy_key(copy), PSA_SUCCESS);

  // Into the location: "import_key". (The copy may be exported because
  // its source may: policies only narrow.)
  const psa_key_id_t local = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_HMAC, 0,
                     PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE),
      data);
  const unsigned long imports_before = hits().import_key;
  ASSERT_EQ(psa_copy_key(local, &to_opaque, &copy), PSA_SUCCESS);
  EXPECT_EQ(hits().import_key, imports_before + 1);
  ASSERT_EQ(ExportKey(copy, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  ASSERT_EQ(psa_destroy_key(copy), PSA_SUCCESS);
  ASSERT_EQ(psa_destroy_key(local), PSA_SUCCESS);
  ASSERT_EQ(psa_destroy_key(opaque), PSA_SUCCESS);
}

TEST_F(OpaqueKeyTest, ASecretLeavesItsLocationOnlyIfExportable) {
  const psa_key_id_t opaque = testing::ImportOrFail(
      OpaqueAttributes(PSA_KEY_TYPE_HMAC, 0, PSA_KEY_USAGE_COPY),
      PatternBytes(32, 5));
  const psa_key_attributes_t to_local =
      MakeAttributes(PSA_KEY_TYPE_NONE, 0, 0, PSA_ALG_NONE);
  psa_key_id_t copy = 0x55;
  EXPECT_EQ(psa_copy_key(opaque, &to_local, &copy), PSA_ERROR_NOT_PERMITTED);
  EXPECT_EQ(copy, PSA_KEY_ID_NULL);
  EXPECT_EQ(hits().export_key, 0u);
  // Within the location, PSA_KEY_USAGE_COPY is enough.
  const psa_key_attributes_t to_opaque =
      OpaqueAttributes(PSA_KEY_TYPE_NONE, 0, 0);
  ASSERT_EQ(psa_copy_key(opaque, &to_opaque, &copy), PSA_SUCCESS);
  ASSERT_EQ(psa_destroy_key(copy), PSA_SUCCESS);
  ASSERT_EQ(psa_destroy_key(opaque), PSA_SUCCESS);
  // So is it out of local storage, into any location.
  const psa_key_id_t local = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_HMAC, 0, PSA_KEY_USAGE_COPY, PSA_ALG_NONE),
      PatternBytes(32, 5));
  ASSERT_EQ(psa_copy_key(local, &to_opaque, &copy), PSA_SUCCESS);
  ASSERT_EQ(psa_destroy_key(copy), PSA_SUCCESS);
  ASSERT_EQ(psa_destroy_key(local), PSA_SUCCESS);
}

TEST_F(OpaqueKeyTest, APersistentOpaqueKeyKeepsItsContextInItsFile) {
  const Bytes data = PatternBytes(24, 6);
  const psa_key_id_t key = testing::ImportOrFail(
      OpaqueAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT, 0x2000),
      data);
  ASSERT_EQ(key, 0x2000u);
  // The file holds the context, not the key.
  storage::KeyFileStore store(directory_);
  psa_key_attributes_t stored = psa_key_attributes_init();
  SecureBuffer stored_context;
  ASSERT_EQ(store.Load(key, &stored, &stored_context), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_lifetime(&stored), kOpaquePersistent);
  ASSERT_EQ(stored_context.size(),
            sizeof(test_opaque_key_context_header_t) + 24);
  EXPECT_EQ(stored_context.data()[0], TEST_OPAQUE_MAGIC_0);

  ResetGlobalKeyStoreForTesting();
  Bytes exported;
  ASSERT_EQ(ExportKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  EXPECT_EQ(hits().destroy_key, 1u);
  EXPECT_FALSE(store.Exists(key));
}

TEST_F(OpaqueKeyTest, AFailedCreationDestroysTheDriversKey) {
  // A storage directory that cannot be created: the key file cannot be
  // written after the driver made the key.
  ASSERT_EQ(setenv(storage::kDirectoryEnvironmentVariable,
                   "/proc/version/keys", 1),
            0);
  ResetGlobalKeyStoreForTesting();
  const Bytes data = PatternBytes(16, 7);
  const psa_key_attributes_t attributes =
      OpaqueAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT, 0x2001);
  psa_key_id_t key = 0x55;
  EXPECT_EQ(psa_import_key(&attributes, data.data(), data.size(), &key),
            PSA_ERROR_STORAGE_FAILURE);
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  EXPECT_EQ(hits().import_key, 1u);
  EXPECT_EQ(hits().destroy_key, 1u);
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
}

TEST_F(OpaqueKeyTest, AFailingDestroyStillRemovesTheKey) {
  const psa_key_id_t key = testing::ImportOrFail(
      OpaqueAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT, 0x2002),
      PatternBytes(16, 8));
  test_opaque_hooks.forced.destroy_key = PSA_ERROR_COMMUNICATION_FAILURE;
  EXPECT_EQ(psa_destroy_key(key), PSA_ERROR_COMMUNICATION_FAILURE);
  test_opaque_hooks.forced.destroy_key = PSA_SUCCESS;
  // The file went first; the key is gone from the key store.
  EXPECT_FALSE(testing::KeyFileExists(directory_, key));
  EXPECT_EQ(psa_destroy_key(key), PSA_ERROR_INVALID_HANDLE);
}

// An opaque key destroyed while an operation holds it: the key is gone for
// everyone else at once, but the driver destroys its key only when the last
// user lets go, so that the operation's context stays valid in the driver.
TEST_F(OpaqueKeyTest, DestroyingAKeyInUseDefersTheDriversDestroy) {
  const psa_key_id_t key = testing::ImportOrFail(
      OpaqueAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT), PatternBytes(16, 9));
  KeyHandle in_use;
  ASSERT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &in_use), PSA_SUCCESS);
  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  EXPECT_EQ(hits().destroy_key, 0u);
  KeyHandle again;
  EXPECT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &again), PSA_ERROR_INVALID_HANDLE);
  // The holder still sees its key.
  ASSERT_TRUE(in_use.valid());
  EXPECT_EQ(in_use.key_buffer()[0], TEST_OPAQUE_MAGIC_0);
  in_use.Release();
  EXPECT_EQ(hits().destroy_key, 1u);
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
}

TEST_F(OpaqueKeyTest, AKeyOfALocationWithoutADriverIsUsableOnlyAsMetadata) {
  // Written by a build whose drivers served location 0x800099.
  psa_key_attributes_t attributes = MakeAttributes(
      PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, 0x2003);
  psa_set_key_lifetime(&attributes,
                       PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                           PSA_KEY_PERSISTENCE_DEFAULT, 0x800099));
  const Bytes context = PatternBytes(40, 9);
  storage::KeyFileStore store(directory_);
  ASSERT_EQ(store.Store(attributes, context.data(), context.size()),
            PSA_SUCCESS);

  psa_key_attributes_t read = psa_key_attributes_init();
  ASSERT_EQ(psa_get_key_attributes(0x2003, &read), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_lifetime(&read), psa_get_key_lifetime(&attributes));
  Bytes exported;
  EXPECT_EQ(ExportKey(0x2003, &exported), PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(psa_destroy_key(0x2003), PSA_ERROR_COMMUNICATION_FAILURE);
  EXPECT_FALSE(store.Exists(0x2003));
}

}  // namespace
}  // namespace psa::core::keys
