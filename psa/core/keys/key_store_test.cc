// The key store: handles and the policy check of AcquireKey, destruction of
// keys in use, capacity, caching and eviction of persistent keys.

#include "psa/core/keys/key_store.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "psa/core/keys/lifetime.h"
#include "psa/core/keys/testing/key_test_util.h"
#include "psa/crypto.h"

namespace psa::core::keys {
namespace {

using testing::Bytes;
using testing::MakeAttributes;
using testing::PatternBytes;

Bytes HandleBytes(const KeyHandle& handle) {
  return Bytes(handle.key_buffer(),
               handle.key_buffer() + handle.key_buffer_size());
}

class KeyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = testing::ResetKeyStore(); }

  psa_key_id_t ImportVolatile(const Bytes& data,
                              psa_key_usage_t usage = PSA_KEY_USAGE_EXPORT,
                              psa_algorithm_t alg = PSA_ALG_NONE) {
    return testing::ImportOrFail(
        MakeAttributes(PSA_KEY_TYPE_RAW_DATA, 0, usage, alg), data);
  }

  psa_key_id_t ImportPersistent(psa_key_id_t id, const Bytes& data,
                                psa_key_usage_t usage) {
    return testing::ImportOrFail(
        MakeAttributes(PSA_KEY_TYPE_RAW_DATA, 0, usage, PSA_ALG_NONE, id),
        data);
  }

  std::string directory_;
};

TEST_F(KeyStoreTest, AcquireExposesTheKeyAndChecksThePolicy) {
  const Bytes data = PatternBytes(16, 1);
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CTR),
      data);
  KeyHandle handle;
  ASSERT_EQ(AcquireKey(key, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CTR, &handle),
            PSA_SUCCESS);
  ASSERT_TRUE(handle.valid());
  EXPECT_EQ(handle.id(), key);
  EXPECT_EQ(psa_get_key_type(&handle.attributes()), PSA_KEY_TYPE_AES);
  EXPECT_EQ(psa_get_key_bits(&handle.attributes()), 128u);
  EXPECT_EQ(HandleBytes(handle), data);
  EXPECT_EQ(GlobalKeyStore().PinCountForTesting(key), 1u);

  // Usage or algorithm outside the policy: refused, and the handle (whose
  // previous key is released first) is left invalid.
  EXPECT_EQ(AcquireKey(key, PSA_KEY_USAGE_DECRYPT, PSA_ALG_CTR, &handle),
            PSA_ERROR_NOT_PERMITTED);
  EXPECT_FALSE(handle.valid());
  EXPECT_EQ(GlobalKeyStore().PinCountForTesting(key), 0u);
  EXPECT_EQ(AcquireKey(key, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CBC_NO_PADDING,
                       &handle),
            PSA_ERROR_NOT_PERMITTED);
  EXPECT_FALSE(handle.valid());
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyStoreTest, HandlesAreCountedAndMovable) {
  const psa_key_id_t key = ImportVolatile(PatternBytes(8, 2));
  KeyHandle first;
  KeyHandle second;
  ASSERT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &first), PSA_SUCCESS);
  ASSERT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &second), PSA_SUCCESS);
  EXPECT_EQ(GlobalKeyStore().PinCountForTesting(key), 2u);
  KeyHandle moved(std::move(first));
  EXPECT_FALSE(first.valid());  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(moved.valid());
  EXPECT_EQ(GlobalKeyStore().PinCountForTesting(key), 2u);
  second = std::move(moved);
  EXPECT_EQ(GlobalKeyStore().PinCountForTesting(key), 1u);
  second.Release();
  EXPECT_FALSE(second.valid());
  EXPECT_EQ(GlobalKeyStore().PinCountForTesting(key), 0u);
  second.Release();  // Harmless when not valid.
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyStoreTest, DestroyingAKeyInUseWaitsForItsLastUser) {
  const Bytes data = PatternBytes(32, 3);
  const psa_key_id_t key = ImportVolatile(data);
  KeyHandle first;
  KeyHandle second;
  ASSERT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &first), PSA_SUCCESS);
  ASSERT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &second), PSA_SUCCESS);

  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  // The identifier is invalid at once...
  KeyHandle later;
  EXPECT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &later),
            PSA_ERROR_INVALID_HANDLE);
  EXPECT_FALSE(later.valid());
  psa_key_attributes_t attributes = psa_key_attributes_init();
  EXPECT_EQ(psa_get_key_attributes(key, &attributes), PSA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(psa_destroy_key(key), PSA_ERROR_INVALID_HANDLE);
  EXPECT_FALSE(GlobalKeyStore().HoldsKey(key));
  // ...but the users keep an intact key until they release it.
  EXPECT_EQ(HandleBytes(first), data);
  EXPECT_EQ(HandleBytes(second), data);
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 1u);
  first.Release();
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 1u);
  EXPECT_EQ(HandleBytes(second), data);
  second.Release();
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
}

TEST_F(KeyStoreTest, FullStoreGivesInsufficientMemoryAndRecovers) {
  testing::ResetKeyStore(/*slot_count=*/4);
  std::vector<psa_key_id_t> keys;
  for (uint32_t i = 0; i < 4; ++i) {
    keys.push_back(ImportVolatile(PatternBytes(16, i)));
  }
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 4u);

  const psa_key_attributes_t aes =
      MakeAttributes(PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
  const Bytes data = PatternBytes(16, 9);
  psa_key_id_t key = 0x42;
  EXPECT_EQ(psa_import_key(&aes, data.data(), data.size(), &key),
            PSA_ERROR_INSUFFICIENT_MEMORY);
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  key = 0x42;
  EXPECT_EQ(psa_generate_key(&aes, &key), PSA_ERROR_INSUFFICIENT_MEMORY);
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  const psa_key_attributes_t persistent = MakeAttributes(
      PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, 0x10);
  EXPECT_EQ(psa_import_key(&persistent, data.data(), data.size(), &key),
            PSA_ERROR_INSUFFICIENT_MEMORY);
  EXPECT_FALSE(testing::KeyFileExists(directory_, 0x10));

  // The keys already there are unaffected; freeing one slot is enough.
  testing::Bytes exported;
  ASSERT_EQ(testing::ExportKey(keys[2], &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, PatternBytes(16, 2));
  ASSERT_EQ(psa_destroy_key(keys[2]), PSA_SUCCESS);
  ASSERT_EQ(psa_import_key(&aes, data.data(), data.size(), &key), PSA_SUCCESS);
  keys[2] = key;
  for (psa_key_id_t k : keys) EXPECT_EQ(psa_destroy_key(k), PSA_SUCCESS);
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
}

TEST_F(KeyStoreTest, PersistentKeysWithoutCacheUsageLeaveMemoryAfterUse) {
  const Bytes data = PatternBytes(12, 4);
  const psa_key_id_t key = ImportPersistent(0x20, data, PSA_KEY_USAGE_EXPORT);
  ASSERT_EQ(key, 0x20u);
  EXPECT_FALSE(GlobalKeyStore().HoldsKey(key));
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  {
    KeyHandle handle;
    ASSERT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &handle), PSA_SUCCESS);
    EXPECT_TRUE(GlobalKeyStore().HoldsKey(key));
    EXPECT_EQ(HandleBytes(handle), data);
  }
  EXPECT_FALSE(GlobalKeyStore().HoldsKey(key));
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  // Also after a refused use.
  KeyHandle handle;
  EXPECT_EQ(AcquireKey(key, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CTR, &handle),
            PSA_ERROR_NOT_PERMITTED);
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyStoreTest, CachedPersistentKeysStayUntilPurged) {
  const Bytes data = PatternBytes(12, 5);
  const psa_key_id_t key = ImportPersistent(
      0x21, data, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_CACHE);
  EXPECT_TRUE(GlobalKeyStore().HoldsKey(key));
  ASSERT_EQ(psa_purge_key(key), PSA_SUCCESS);
  EXPECT_FALSE(GlobalKeyStore().HoldsKey(key));
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  // Purging a key that is not in memory succeeds too.
  EXPECT_EQ(psa_purge_key(key), PSA_SUCCESS);
  testing::Bytes exported;
  ASSERT_EQ(testing::ExportKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  EXPECT_TRUE(GlobalKeyStore().HoldsKey(key));
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
}

TEST_F(KeyStoreTest, PurgingAKeyInUseLetsTheUserFinish) {
  const Bytes data = PatternBytes(12, 6);
  const psa_key_id_t key = ImportPersistent(
      0x22, data, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_CACHE);
  KeyHandle handle;
  ASSERT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &handle), PSA_SUCCESS);
  ASSERT_EQ(psa_purge_key(key), PSA_SUCCESS);
  EXPECT_FALSE(GlobalKeyStore().HoldsKey(key));
  EXPECT_EQ(HandleBytes(handle), data);
  // A new user gets the key from its file.
  KeyHandle other;
  ASSERT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &other), PSA_SUCCESS);
  EXPECT_EQ(HandleBytes(other), data);
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 2u);
  handle.Release();
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 1u);
  other.Release();
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
}

TEST_F(KeyStoreTest, IdleCachedKeysAreEvictedLeastRecentlyUsedFirst) {
  directory_ = testing::ResetKeyStore(/*slot_count=*/3);
  const psa_key_usage_t cached = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_CACHE;
  const psa_key_id_t a = ImportPersistent(0x30, PatternBytes(8, 30), cached);
  const psa_key_id_t b = ImportPersistent(0x31, PatternBytes(8, 31), cached);
  const psa_key_id_t v1 = ImportVolatile(PatternBytes(8, 1));
  {
    // Use a after b: b is now the least recently used.
    KeyHandle handle;
    ASSERT_EQ(AcquireKey(a, 0, PSA_ALG_NONE, &handle), PSA_SUCCESS);
  }
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 3u);

  const psa_key_id_t v2 = ImportVolatile(PatternBytes(8, 2));
  EXPECT_TRUE(GlobalKeyStore().HoldsKey(a));
  EXPECT_FALSE(GlobalKeyStore().HoldsKey(b));

  // b comes back from its file, pushing out a, the only idle cached key.
  testing::Bytes exported;
  ASSERT_EQ(testing::ExportKey(b, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, PatternBytes(8, 31));
  EXPECT_FALSE(GlobalKeyStore().HoldsKey(a));
  EXPECT_TRUE(GlobalKeyStore().HoldsKey(b));

  // A key in use is never evicted, nor a volatile key: with b pinned, a
  // cannot be loaded.
  KeyHandle pinned;
  ASSERT_EQ(AcquireKey(b, 0, PSA_ALG_NONE, &pinned), PSA_SUCCESS);
  KeyHandle handle;
  EXPECT_EQ(AcquireKey(a, 0, PSA_ALG_NONE, &handle),
            PSA_ERROR_INSUFFICIENT_MEMORY);
  pinned.Release();
  ASSERT_EQ(AcquireKey(a, 0, PSA_ALG_NONE, &handle), PSA_SUCCESS);
  handle.Release();

  for (psa_key_id_t k : {a, b, v1, v2}) EXPECT_EQ(psa_destroy_key(k), PSA_SUCCESS);
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
}

TEST_F(KeyStoreTest, AKeyBeingCreatedIsInvisible) {
  KeyCreation creation;
  const psa_key_attributes_t attributes = MakeAttributes(
      PSA_KEY_TYPE_RAW_DATA, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, 0x40);
  ASSERT_EQ(GlobalKeyStore().BeginCreation(attributes, &creation), PSA_SUCCESS);
  ASSERT_TRUE(creation.active());
  EXPECT_EQ(psa_get_key_id(&creation.attributes()), 0x40u);
  KeyHandle handle;
  EXPECT_EQ(AcquireKey(0x40, 0, PSA_ALG_NONE, &handle),
            PSA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(psa_purge_key(0x40), PSA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(psa_destroy_key(0x40), PSA_ERROR_INVALID_HANDLE);
  // Its identifier is taken.
  KeyCreation other;
  EXPECT_EQ(GlobalKeyStore().BeginCreation(attributes, &other),
            PSA_ERROR_ALREADY_EXISTS);
  EXPECT_FALSE(other.active());

  // Without key material there is nothing to commit.
  psa_key_id_t id = 0x77;
  EXPECT_EQ(creation.Commit(&id), PSA_ERROR_CORRUPTION_DETECTED);
  EXPECT_EQ(id, PSA_KEY_ID_NULL);
  const Bytes material = PatternBytes(10, 7);
  SecureBuffer buffer;
  ASSERT_TRUE(buffer.Assign(material.data(), material.size()));
  creation.SetKey(std::move(buffer), 6, 48);  // The tail is dropped.
  ASSERT_EQ(creation.Commit(&id), PSA_SUCCESS);
  EXPECT_EQ(id, 0x40u);
  EXPECT_FALSE(creation.active());
  testing::Bytes exported;
  ASSERT_EQ(testing::ExportKey(id, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, Bytes(material.begin(), material.begin() + 6));
  EXPECT_EQ(psa_destroy_key(id), PSA_SUCCESS);
}

TEST_F(KeyStoreTest, AnAbandonedCreationLeavesNothing) {
  const psa_key_attributes_t attributes = MakeAttributes(
      PSA_KEY_TYPE_RAW_DATA, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, 0x41);
  {
    KeyCreation creation;
    ASSERT_EQ(GlobalKeyStore().BeginCreation(attributes, &creation),
              PSA_SUCCESS);
    SecureBuffer buffer;
    ASSERT_TRUE(buffer.Allocate(4));
    creation.SetKey(std::move(buffer), 4, 32);
    EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 1u);
  }
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  EXPECT_FALSE(testing::KeyFileExists(directory_, 0x41));
  KeyHandle handle;
  EXPECT_EQ(AcquireKey(0x41, 0, PSA_ALG_NONE, &handle),
            PSA_ERROR_INVALID_HANDLE);
  // The identifier is free again.
  KeyCreation creation;
  EXPECT_EQ(GlobalKeyStore().BeginCreation(attributes, &creation), PSA_SUCCESS);
}

}  // namespace
}  // namespace psa::core::keys
