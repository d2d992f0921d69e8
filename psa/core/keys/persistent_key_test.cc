// Persistent keys through the API: files written before a key is visible
// and removed by psa_destroy_key, reloading after purge and after a restart
// of the key store, identifiers taken by existing files, keys provisioned
// by other means (read-only, vendor range), corrupt files, and storage
// failures injected at the file-system calls.

#include <errno.h>
#include <gtest/gtest.h>
#include <stdio.h>

#include <atomic>
#include <string>
#include <vector>

#include "psa/core/keys/key_store.h"
#include "psa/core/keys/testing/key_test_util.h"
#include "psa/core/storage/file_system.h"
#include "psa/core/storage/key_file_store.h"
#include "psa/crypto.h"

namespace psa::core::keys {
namespace {

using testing::Bytes;
using testing::ExportKey;
using testing::MakeAttributes;
using testing::PatternBytes;

// The real file system, except that chosen calls fail with a chosen errno.
class FailingFileSystem : public storage::FileSystem {
 public:
  std::atomic<int> write_error{0};
  std::atomic<int> sync_file_error{0};
  std::atomic<int> rename_error{0};
  std::atomic<int> unlink_error{0};
  std::atomic<int> read_error{0};

  void Heal() {
    write_error = 0;
    sync_file_error = 0;
    rename_error = 0;
    unlink_error = 0;
    read_error = 0;
  }

  int MakeDirectory(const std::string& path, mode_t mode) override {
    return real_.MakeDirectory(path, mode);
  }
  int CreateFile(const std::string& path, mode_t mode, int* fd) override {
    return real_.CreateFile(path, mode, fd);
  }
  int Write(int fd, const uint8_t* data, size_t size,
            size_t* written) override {
    if (write_error != 0) return write_error;
    return real_.Write(fd, data, size, written);
  }
  int SyncFile(int fd) override {
    if (sync_file_error != 0) return sync_file_error;
    return real_.SyncFile(fd);
  }
  int CloseFile(int fd) override { return real_.CloseFile(fd); }
  int RenameNoReplace(const std::string& from,
                      const std::string& to) override {
    if (rename_error != 0) return rename_error;
    return real_.RenameNoReplace(from, to);
  }
  int SyncDirectory(const std::string& path) override {
    return real_.SyncDirectory(path);
  }
  int ReadFile(const std::string& path, size_t max_size,
               SecureBuffer* contents) override {
    if (read_error != 0) return read_error;
    return real_.ReadFile(path, max_size, contents);
  }
  int Unlink(const std::string& path) override {
    // Temporary files must still go away; only key files resist.
    if (unlink_error != 0 && path.find(".tmp") == std::string::npos) {
      return unlink_error;
    }
    return real_.Unlink(path);
  }
  int ListDirectory(const std::string& path,
                    std::vector<std::string>* names) override {
    return real_.ListDirectory(path, names);
  }
  int Exists(const std::string& path) override { return real_.Exists(path); }
  int CheckPrivateDirectory(const std::string& path) override { return real_.CheckPrivateDirectory(path); }

 private:
  storage::FileSystem& real_ = storage::RealFileSystem();
};

class PersistentKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = testing::ResetKeyStore(kDefaultKeySlotCount, &file_system_);
  }
  void TearDown() override {
    file_system_.Heal();
    EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  }

  // Another process of the same application: a key store of its own over
  // the same directory.
  void RestartKeyStore() {
    ResetGlobalKeyStoreForTesting(kDefaultKeySlotCount, &file_system_);
  }

  // Writes a key file directly, as a provisioning tool would.
  void Provision(const psa_key_attributes_t& attributes, const Bytes& key) {
    storage::KeyFileStore store(directory_);
    ASSERT_EQ(store.Store(attributes, key.data(), key.size()), PSA_SUCCESS);
  }

  std::string KeyFilePath(psa_key_id_t id) const {
    return directory_ + "/" + storage::KeyFileName(id);
  }

  FailingFileSystem file_system_;
  std::string directory_;
};

TEST_F(PersistentKeyTest, TheFileIsWrittenAtCreationAndRemovedByDestroy) {
  const Bytes data = PatternBytes(32, 1);
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_HMAC, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE,
                     0x1000),
      data);
  ASSERT_EQ(key, 0x1000u);
  EXPECT_TRUE(testing::KeyFileExists(directory_, key));
  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  EXPECT_FALSE(testing::KeyFileExists(directory_, key));
  Bytes exported;
  EXPECT_EQ(ExportKey(key, &exported), PSA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(psa_purge_key(key), PSA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(psa_destroy_key(key), PSA_ERROR_INVALID_HANDLE);
  // The identifier can name a new key.
  const psa_key_id_t again = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_HMAC, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE,
                     0x1000),
      PatternBytes(16, 2));
  ASSERT_EQ(ExportKey(again, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, PatternBytes(16, 2));
  EXPECT_EQ(psa_destroy_key(again), PSA_SUCCESS);
}

TEST_F(PersistentKeyTest, APurgedKeyIsReloadedFromItsFile) {
  const Bytes data = PatternBytes(16, 3);
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_AES, 0,
                     PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_CACHE, PSA_ALG_NONE,
                     0x1001),
      data);
  ASSERT_EQ(psa_purge_key(key), PSA_SUCCESS);
  EXPECT_FALSE(GlobalKeyStore().HoldsKey(key));
  Bytes exported;
  ASSERT_EQ(ExportKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  EXPECT_TRUE(GlobalKeyStore().HoldsKey(key));
  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(PersistentKeyTest, KeysSurviveARestartWithTheirAttributes) {
  const Bytes data = PatternBytes(24, 4);
  const psa_key_lifetime_t level_5 =
      PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
          5, PSA_KEY_LOCATION_LOCAL_STORAGE);
  psa_key_attributes_t requested =
      MakeAttributes(PSA_KEY_TYPE_CAMELLIA, 192,
                     PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CTR,
                     0x1002);
  psa_set_key_lifetime(&requested, level_5);
  const psa_key_id_t key = testing::ImportOrFail(requested, data);
  psa_key_id_t volatile_key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_RAW_DATA, 0, PSA_KEY_USAGE_EXPORT, 0),
      PatternBytes(4, 5));

  RestartKeyStore();

  psa_key_attributes_t attributes = psa_key_attributes_init();
  ASSERT_EQ(psa_get_key_attributes(key, &attributes), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_lifetime(&attributes), level_5);
  EXPECT_EQ(psa_get_key_id(&attributes), 0x1002u);
  EXPECT_EQ(psa_get_key_type(&attributes), PSA_KEY_TYPE_CAMELLIA);
  EXPECT_EQ(psa_get_key_bits(&attributes), 192u);
  EXPECT_EQ(psa_get_key_usage_flags(&attributes),
            PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT);
  EXPECT_EQ(psa_get_key_algorithm(&attributes), PSA_ALG_CTR);
  Bytes exported;
  ASSERT_EQ(ExportKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  // Volatile keys do not survive.
  EXPECT_EQ(ExportKey(volatile_key, &exported), PSA_ERROR_INVALID_HANDLE);
  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(PersistentKeyTest, GeneratedKeysArePersistedToo) {
  const psa_key_attributes_t attributes = MakeAttributes(
      PSA_KEY_TYPE_AES, 256, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, 0x1003);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_generate_key(&attributes, &key), PSA_SUCCESS);
  EXPECT_EQ(key, 0x1003u);
  Bytes before;
  ASSERT_EQ(ExportKey(key, &before), PSA_SUCCESS);
  RestartKeyStore();
  Bytes after;
  ASSERT_EQ(ExportKey(key, &after), PSA_SUCCESS);
  EXPECT_EQ(after, before);
  EXPECT_EQ(after.size(), 32u);
  psa_key_id_t again = PSA_KEY_ID_NULL;
  EXPECT_EQ(psa_generate_key(&attributes, &again), PSA_ERROR_ALREADY_EXISTS);
  EXPECT_EQ(again, PSA_KEY_ID_NULL);
  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(PersistentKeyTest, AnExistingFileTakesItsIdentifier) {
  const Bytes theirs = PatternBytes(16, 6);
  Provision(MakeAttributes(PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_EXPORT,
                           PSA_ALG_NONE, 0x1004),
            theirs);
  const Bytes ours = PatternBytes(16, 7);
  const psa_key_attributes_t attributes = MakeAttributes(
      PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, 0x1004);
  psa_key_id_t key = 0x55;
  EXPECT_EQ(psa_import_key(&attributes, ours.data(), ours.size(), &key),
            PSA_ERROR_ALREADY_EXISTS);
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  const psa_key_attributes_t generate_attributes = MakeAttributes(
      PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, 0x1004);
  EXPECT_EQ(psa_generate_key(&generate_attributes, &key),
            PSA_ERROR_ALREADY_EXISTS);
  // Their key is untouched, and ours is nowhere.
  Bytes exported;
  ASSERT_EQ(ExportKey(0x1004, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, theirs);
  ASSERT_EQ(psa_destroy_key(0x1004), PSA_SUCCESS);
}

TEST_F(PersistentKeyTest, ReadOnlyKeysCanBeUsedButNotDestroyed) {
  const Bytes data = PatternBytes(32, 8);
  psa_key_attributes_t attributes = MakeAttributes(
      PSA_KEY_TYPE_HMAC, 256,
      PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_SIGN_MESSAGE,
      PSA_ALG_HMAC(PSA_ALG_SHA_256), 0x1005);
  psa_set_key_lifetime(&attributes,
                       PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                           PSA_KEY_PERSISTENCE_READ_ONLY,
                           PSA_KEY_LOCATION_LOCAL_STORAGE));
  Provision(attributes, data);

  Bytes exported;
  ASSERT_EQ(ExportKey(0x1005, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  EXPECT_EQ(psa_destroy_key(0x1005), PSA_ERROR_NOT_PERMITTED);
  EXPECT_TRUE(testing::KeyFileExists(directory_, 0x1005));
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  // It can be copied into a key that can be destroyed.
  const psa_key_attributes_t copy_attributes = MakeAttributes(
      PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_HMAC(PSA_ALG_SHA_256));
  psa_key_id_t copy = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_copy_key(0x1005, &copy_attributes, &copy), PSA_SUCCESS);
  ASSERT_EQ(ExportKey(copy, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  EXPECT_EQ(psa_destroy_key(copy), PSA_SUCCESS);
  EXPECT_EQ(psa_purge_key(0x1005), PSA_SUCCESS);
}

TEST_F(PersistentKeyTest, ProvisionedVendorRangeKeysAreReadable) {
  const psa_key_id_t id = PSA_KEY_ID_VENDOR_MIN + 5;
  const Bytes data = PatternBytes(16, 9);
  Provision(MakeAttributes(PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_EXPORT,
                           PSA_ALG_NONE, id),
            data);
  Bytes exported;
  ASSERT_EQ(ExportKey(id, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  ASSERT_EQ(psa_destroy_key(id), PSA_SUCCESS);
  EXPECT_FALSE(testing::KeyFileExists(directory_, id));
}

TEST_F(PersistentKeyTest, ACorruptFileIsReportedNeverUsedAndDestroyable) {
  const Bytes data = PatternBytes(16, 10);
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE,
                     0x1006),
      data);
  // Flip one bit of the key material (the checksum no longer matches).
  SecureBuffer contents;
  ASSERT_EQ(storage::RealFileSystem().ReadFile(KeyFilePath(key), 4096,
                                                &contents),
            0);
  ASSERT_GT(contents.size(), 48u);
  Bytes image(contents.data(), contents.data() + contents.size());
  image[image.size() - 40] ^= 0x01;
  {
    FILE* file = fopen(KeyFilePath(key).c_str(), "wb");
    ASSERT_NE(file, nullptr);
    ASSERT_EQ(fwrite(image.data(), 1, image.size(), file), image.size());
    ASSERT_EQ(fclose(file), 0);
  }

  Bytes exported;
  EXPECT_EQ(ExportKey(key, &exported), PSA_ERROR_DATA_CORRUPT);
  psa_key_attributes_t attributes = psa_key_attributes_init();
  EXPECT_EQ(psa_get_key_attributes(key, &attributes), PSA_ERROR_DATA_CORRUPT);
  EXPECT_EQ(psa_get_key_type(&attributes), PSA_KEY_TYPE_NONE);
  KeyHandle handle;
  EXPECT_EQ(AcquireKey(key, 0, PSA_ALG_NONE, &handle), PSA_ERROR_DATA_CORRUPT);
  EXPECT_FALSE(handle.valid());
  EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
  // The identifier is taken until the file is destroyed.
  psa_key_id_t again = PSA_KEY_ID_NULL;
  const psa_key_attributes_t requested = MakeAttributes(
      PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, 0x1006);
  EXPECT_EQ(psa_import_key(&requested, data.data(), data.size(), &again),
            PSA_ERROR_ALREADY_EXISTS);
  EXPECT_EQ(psa_destroy_key(key), PSA_ERROR_DATA_CORRUPT);
  EXPECT_FALSE(testing::KeyFileExists(directory_, key));
  EXPECT_EQ(psa_destroy_key(key), PSA_ERROR_INVALID_HANDLE);
  ASSERT_EQ(psa_import_key(&requested, data.data(), data.size(), &again),
            PSA_SUCCESS);
  EXPECT_EQ(psa_destroy_key(again), PSA_SUCCESS);
}

TEST_F(PersistentKeyTest, AFailedWriteCreatesNoKey) {
  const Bytes data = PatternBytes(16, 11);
  const psa_key_attributes_t attributes = MakeAttributes(
      PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_CACHE,
      PSA_ALG_NONE, 0x1007);
  struct Fault {
    std::atomic<int>* error;
    int value;
    psa_status_t expected;
  };
  const Fault faults[] = {
      {&file_system_.write_error, ENOSPC, PSA_ERROR_INSUFFICIENT_STORAGE},
      {&file_system_.write_error, EIO, PSA_ERROR_STORAGE_FAILURE},
      {&file_system_.sync_file_error, EIO, PSA_ERROR_STORAGE_FAILURE},
      {&file_system_.rename_error, EIO, PSA_ERROR_STORAGE_FAILURE},
  };
  for (const Fault& fault : faults) {
    *fault.error = fault.value;
    psa_key_id_t key = 0x55;
    EXPECT_EQ(psa_import_key(&attributes, data.data(), data.size(), &key),
              fault.expected)
        << fault.value;
    EXPECT_EQ(key, PSA_KEY_ID_NULL);
    const psa_key_attributes_t generate_attributes =
        MakeAttributes(PSA_KEY_TYPE_AES, 128, psa_get_key_usage_flags(&attributes),
                       PSA_ALG_NONE, 0x1007);
    EXPECT_EQ(psa_generate_key(&generate_attributes, &key), fault.expected);
    file_system_.Heal();
    EXPECT_FALSE(testing::KeyFileExists(directory_, 0x1007));
    EXPECT_EQ(GlobalKeyStore().OccupiedSlotCount(), 0u);
    Bytes exported;
    EXPECT_EQ(ExportKey(0x1007, &exported), PSA_ERROR_INVALID_HANDLE);
  }
  // With the storage healthy again, the same creation succeeds.
  const psa_key_id_t key = testing::ImportOrFail(attributes, data);
  EXPECT_EQ(key, 0x1007u);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(PersistentKeyTest, AFailedRemovalKeepsTheKeyForARetry) {
  const Bytes data = PatternBytes(16, 12);
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_AES, 0,
                     PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_CACHE, PSA_ALG_NONE,
                     0x1008),
      data);
  EXPECT_TRUE(GlobalKeyStore().HoldsKey(key));
  file_system_.unlink_error = EIO;
  EXPECT_EQ(psa_destroy_key(key), PSA_ERROR_STORAGE_FAILURE);
  file_system_.Heal();
  // The material left memory; the key itself is still in storage.
  EXPECT_FALSE(GlobalKeyStore().HoldsKey(key));
  EXPECT_TRUE(testing::KeyFileExists(directory_, key));
  Bytes exported;
  ASSERT_EQ(ExportKey(key, &exported), PSA_SUCCESS);
  EXPECT_EQ(exported, data);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  EXPECT_FALSE(testing::KeyFileExists(directory_, key));
}

TEST_F(PersistentKeyTest, AnUnreadableFileIsAStorageFailure) {
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE,
                     0x1009),
      PatternBytes(16, 13));
  file_system_.read_error = EIO;
  Bytes exported;
  EXPECT_EQ(ExportKey(key, &exported), PSA_ERROR_STORAGE_FAILURE);
  // Not mistaken for corruption: the file stays.
  EXPECT_EQ(psa_destroy_key(key), PSA_ERROR_STORAGE_FAILURE);
  EXPECT_TRUE(testing::KeyFileExists(directory_, key));
  file_system_.Heal();
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

}  // namespace
}  // namespace psa::core::keys
