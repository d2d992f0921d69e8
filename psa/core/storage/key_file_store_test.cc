// KeyFileStore on the real file system: round trips, statuses, and every
// corruption of a key file on disk (each truncation, each flipped bit, foreign
// magic and versions, renamed files, trailing bytes), none of which may ever
// give back a key.

#include "psa/core/storage/key_file_store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/storage/key_file_format.h"
#include "psa/core/storage/testing/storage_test_util.h"
#include "psa/crypto.h"

namespace psa::core::storage {
namespace {

using ::psa::core::storage::testing::ListDirectory;
using ::psa::core::storage::testing::NewTestDirectory;
using ::psa::core::storage::testing::PatternBytes;
using ::psa::core::storage::testing::PersistentAttributes;
using ::psa::core::storage::testing::ReadBytes;
using ::psa::core::storage::testing::Reseal;
using ::psa::core::storage::testing::WriteBytes;

std::vector<uint8_t> ToVector(const SecureBuffer& buffer) {
  return std::vector<uint8_t>(buffer.data(), buffer.data() + buffer.size());
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

TEST(DirectoryFromEnvironmentTest, UsesTheVariableUnlessUnsetOrEmpty) {
  ASSERT_EQ(unsetenv("PSA_CRYPTO_STORAGE_DIR"), 0);
  EXPECT_EQ(DirectoryFromEnvironment(), "/var/lib/psa-crypto");
  ASSERT_EQ(setenv("PSA_CRYPTO_STORAGE_DIR", "", 1), 0);
  EXPECT_EQ(DirectoryFromEnvironment(), kDefaultDirectory);
  ASSERT_EQ(setenv("PSA_CRYPTO_STORAGE_DIR", "/srv/keys", 1), 0);
  EXPECT_EQ(DirectoryFromEnvironment(), "/srv/keys");
  ASSERT_EQ(unsetenv("PSA_CRYPTO_STORAGE_DIR"), 0);
}

TEST(KeyFileNameTest, IsEightLowercaseHexDigits) {
  EXPECT_EQ(KeyFileName(1), "key-00000001.psakey");
  EXPECT_EQ(KeyFileName(0x2a), "key-0000002a.psakey");
  EXPECT_EQ(KeyFileName(0x3fffffff), "key-3fffffff.psakey");
  EXPECT_EQ(KeyFileName(0xffffffff), "key-ffffffff.psakey");
  EXPECT_EQ(KeyFileStore("/d/").KeyFilePath(0xab), "/d/key-000000ab.psakey");
}

class KeyFileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    dir_ = NewTestDirectory("store");
  }

  // Loads `id`, expecting `expected`; a failure must leave nothing behind.
  void ExpectLoadFails(KeyFileStore& store, psa_key_id_t id, psa_status_t expected) {
    psa_key_attributes_t attributes = PersistentAttributes(id, PSA_KEY_TYPE_AES, 128, 1, 1);
    SecureBuffer key;
    ASSERT_TRUE(key.Assign(reinterpret_cast<const uint8_t*>("stale"), 5));
    EXPECT_EQ(store.Load(id, &attributes, &key), expected);
    const psa_key_attributes_t init = PSA_KEY_ATTRIBUTES_INIT;
    ExpectSameAttributes(attributes, init);
    EXPECT_TRUE(key.empty());
  }

  void ExpectLoads(KeyFileStore& store, const psa_key_attributes_t& attributes,
                   const std::vector<uint8_t>& key) {
    psa_key_attributes_t loaded;
    SecureBuffer loaded_key;
    ASSERT_EQ(store.Load(psa_get_key_id(&attributes), &loaded, &loaded_key), PSA_SUCCESS);
    ExpectSameAttributes(loaded, attributes);
    EXPECT_EQ(ToVector(loaded_key), key);
  }

  // Stores a `key_size`-byte HMAC key as `id`; returns its file's bytes.
  std::vector<uint8_t> StoreSample(KeyFileStore& store, psa_key_id_t id, size_t key_size) {
    const auto attributes =
        PersistentAttributes(id, PSA_KEY_TYPE_HMAC, 8 * key_size, PSA_KEY_USAGE_SIGN_HASH,
                             PSA_ALG_HMAC(PSA_ALG_SHA_256));
    const std::vector<uint8_t> key = PatternBytes(key_size, id);
    EXPECT_EQ(store.Store(attributes, key.data(), key.size()), PSA_SUCCESS);
    return ReadBytes(store.KeyFilePath(id));
  }

  std::string dir_;
};

TEST_F(KeyFileStoreTest, RoundTripsKeysOfEverySizeWithEveryAttribute) {
  KeyFileStore store(dir_);
  struct Sample {
    psa_key_attributes_t attributes;
    std::vector<uint8_t> key;
  };
  std::vector<Sample> samples;
  samples.push_back(
      {PersistentAttributes(1, PSA_KEY_TYPE_RAW_DATA, 8, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE),
       PatternBytes(1, 1)});
  samples.push_back(
      {PersistentAttributes(0x3fffffff, PSA_KEY_TYPE_AES, 256,
                            PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_COPY,
                            PSA_ALG_GCM),
       PatternBytes(32, 2)});
  samples.push_back({PersistentAttributes(0x7fff0001, PSA_KEY_TYPE_RSA_KEY_PAIR, 4096,
                                          PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH,
                                          PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH)),
                     PatternBytes(4096, 3)});
  samples.push_back(
      {PersistentAttributes(0xffffffff, PSA_KEY_TYPE_RAW_DATA, 65535, 0xffffffff, 0xffffffff),
       PatternBytes(kMaxKeyBufferSize, 4)});
  // A persistence level and location other than the default.
  psa_set_key_lifetime(&samples[2].attributes,
                       PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(0x80, 0x800001));

  for (const Sample& s : samples) {
    ASSERT_EQ(store.Store(s.attributes, s.key.data(), s.key.size()), PSA_SUCCESS);
  }
  // Only the key files: no temporary file left behind.
  EXPECT_EQ(ListDirectory(dir_),
            std::vector<std::string>({"key-00000001.psakey", "key-3fffffff.psakey",
                                      "key-7fff0001.psakey", "key-ffffffff.psakey"}));
  for (const Sample& s : samples) {
    SCOPED_TRACE(psa_get_key_id(&s.attributes));
    EXPECT_TRUE(store.Exists(psa_get_key_id(&s.attributes)));
    ExpectLoads(store, s.attributes, s.key);
    EXPECT_EQ(ReadBytes(store.KeyFilePath(psa_get_key_id(&s.attributes))).size(),
              kKeyFileHeaderSize + s.key.size() + kKeyFileChecksumSize);
  }
  // A second store object on the same directory sees the same keys.
  KeyFileStore other(dir_ + "/");
  ExpectLoads(other, samples[1].attributes, samples[1].key);
}

TEST_F(KeyFileStoreTest, CreatesMissingDirectoriesPrivately) {
  const std::string nested = dir_ + "/a/b/keys";
  KeyFileStore store(nested);
  StoreSample(store, 7, 16);
  for (const std::string& path : {dir_, dir_ + "/a", dir_ + "/a/b", nested}) {
    struct stat status;
    ASSERT_EQ(stat(path.c_str(), &status), 0) << path;
    EXPECT_EQ(status.st_mode & 0777, 0700u) << path;
  }
  struct stat status;
  ASSERT_EQ(stat(store.KeyFilePath(7).c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600u);
}

TEST_F(KeyFileStoreTest, NeverOverwritesAKey) {
  KeyFileStore store(dir_);
  const std::vector<uint8_t> original = StoreSample(store, 9, 16);
  const auto attributes = PersistentAttributes(9, PSA_KEY_TYPE_AES, 128, 0, 0);
  const std::vector<uint8_t> other = PatternBytes(16, 1000);
  EXPECT_EQ(store.Store(attributes, other.data(), other.size()), PSA_ERROR_ALREADY_EXISTS);
  EXPECT_EQ(ReadBytes(store.KeyFilePath(9)), original);
  EXPECT_EQ(ListDirectory(dir_), std::vector<std::string>({"key-00000009.psakey"}));
}

TEST_F(KeyFileStoreTest, MissingKeysDoNotExist) {
  KeyFileStore store(dir_);
  ExpectLoadFails(store, 5, PSA_ERROR_DOES_NOT_EXIST);  // No directory yet.
  EXPECT_FALSE(store.Exists(5));
  EXPECT_EQ(store.Remove(5), PSA_ERROR_DOES_NOT_EXIST);
  StoreSample(store, 6, 16);
  ExpectLoadFails(store, 5, PSA_ERROR_DOES_NOT_EXIST);  // Directory, no file.
  EXPECT_FALSE(store.Exists(5));
}

TEST_F(KeyFileStoreTest, RemovedKeysAreGoneAndTheIdCanBeReused) {
  KeyFileStore store(dir_);
  StoreSample(store, 11, 16);
  StoreSample(store, 12, 16);
  EXPECT_EQ(store.Remove(11), PSA_SUCCESS);
  EXPECT_FALSE(store.Exists(11));
  ExpectLoadFails(store, 11, PSA_ERROR_DOES_NOT_EXIST);
  EXPECT_EQ(store.Remove(11), PSA_ERROR_DOES_NOT_EXIST);
  EXPECT_TRUE(store.Exists(12));  // The other key is untouched.

  const auto attributes = PersistentAttributes(11, PSA_KEY_TYPE_AES, 192, 0, 0);
  const std::vector<uint8_t> key = PatternBytes(24, 99);
  ASSERT_EQ(store.Store(attributes, key.data(), key.size()), PSA_SUCCESS);
  ExpectLoads(store, attributes, key);
}

TEST_F(KeyFileStoreTest, RefusesTheNullIdAndUnstorableKeysWithoutWriting) {
  KeyFileStore store(dir_);
  ExpectLoadFails(store, PSA_KEY_ID_NULL, PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(store.Remove(PSA_KEY_ID_NULL), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(store.Exists(PSA_KEY_ID_NULL));

  const std::vector<uint8_t> key = PatternBytes(16, 1);
  psa_key_attributes_t volatile_key = psa_key_attributes_init();
  psa_set_key_type(&volatile_key, PSA_KEY_TYPE_AES);
  psa_set_key_bits(&volatile_key, 128);
  EXPECT_EQ(store.Store(volatile_key, key.data(), key.size()), PSA_ERROR_INVALID_ARGUMENT);
  const auto attributes = PersistentAttributes(3, PSA_KEY_TYPE_AES, 128, 0, 0);
  EXPECT_EQ(store.Store(attributes, key.data(), 0), PSA_ERROR_INVALID_ARGUMENT);
  // Nothing was created, not even the directory.
  EXPECT_EQ(access(dir_.c_str(), F_OK), -1);
}

TEST_F(KeyFileStoreTest, AnEmptyDirectoryNameIsAStorageFailure) {
  KeyFileStore store("");
  const auto attributes = PersistentAttributes(3, PSA_KEY_TYPE_AES, 128, 0, 0);
  const std::vector<uint8_t> key = PatternBytes(16, 1);
  EXPECT_EQ(store.Store(attributes, key.data(), key.size()), PSA_ERROR_STORAGE_FAILURE);
  ExpectLoadFails(store, 3, PSA_ERROR_STORAGE_FAILURE);
  EXPECT_EQ(store.Remove(3), PSA_ERROR_STORAGE_FAILURE);
  EXPECT_FALSE(store.Exists(3));
}

// --- Corruption: nothing but DATA_CORRUPT, never a key ---

TEST_F(KeyFileStoreTest, EveryTruncationIsCorrupt) {
  KeyFileStore store(dir_);
  for (size_t key_size : {1, 32, 4096}) {
    SCOPED_TRACE(key_size);
    const psa_key_id_t id = static_cast<psa_key_id_t>(key_size);
    const std::vector<uint8_t> file = StoreSample(store, id, key_size);
    for (size_t length = 0; length < file.size(); ++length) {
      WriteBytes(store.KeyFilePath(id), std::vector<uint8_t>(file.begin(), file.begin() + length));
      psa_key_attributes_t attributes;
      SecureBuffer key;
      ASSERT_EQ(store.Load(id, &attributes, &key), PSA_ERROR_DATA_CORRUPT) << "length " << length;
      ASSERT_TRUE(key.empty());
    }
  }
}

TEST_F(KeyFileStoreTest, EveryFlippedBitIsCorrupt) {
  KeyFileStore store(dir_);
  for (size_t key_size : {1, 32}) {
    SCOPED_TRACE(key_size);
    const psa_key_id_t id = static_cast<psa_key_id_t>(key_size);
    const std::vector<uint8_t> file = StoreSample(store, id, key_size);
    for (size_t bit = 0; bit < 8 * file.size(); ++bit) {
      std::vector<uint8_t> flipped = file;
      flipped[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
      WriteBytes(store.KeyFilePath(id), flipped);
      psa_key_attributes_t attributes;
      SecureBuffer key;
      ASSERT_EQ(store.Load(id, &attributes, &key), PSA_ERROR_DATA_CORRUPT) << "bit " << bit;
      ASSERT_TRUE(key.empty());
    }
    // Restored, it loads again: the corruption was the only cause.
    WriteBytes(store.KeyFilePath(id), file);
    psa_key_attributes_t attributes;
    SecureBuffer key;
    EXPECT_EQ(store.Load(id, &attributes, &key), PSA_SUCCESS);
  }
}

TEST_F(KeyFileStoreTest, ChangedKeyMaterialIsCorruptWhateverTheChange) {
  // Not only single bits: whole bytes, swapped bytes, a zeroed key.
  KeyFileStore store(dir_);
  const std::vector<uint8_t> file = StoreSample(store, 77, 32);
  std::vector<std::vector<uint8_t>> variants;
  for (size_t i = kKeyFileHeaderSize; i < kKeyFileHeaderSize + 32; ++i) {
    std::vector<uint8_t> v = file;
    v[i] = static_cast<uint8_t>(~v[i]);
    variants.push_back(v);
  }
  {
    std::vector<uint8_t> v = file;
    std::swap(v[kKeyFileHeaderSize], v[kKeyFileHeaderSize + 31]);
    variants.push_back(v);
  }
  {
    std::vector<uint8_t> v = file;
    std::fill(v.begin() + kKeyFileHeaderSize, v.begin() + kKeyFileHeaderSize + 32, 0);
    variants.push_back(v);
  }
  for (const auto& v : variants) {
    WriteBytes(store.KeyFilePath(77), v);
    ExpectLoadFails(store, 77, PSA_ERROR_DATA_CORRUPT);
  }
}

TEST_F(KeyFileStoreTest, ForeignMagicIsCorrupt) {
  KeyFileStore store(dir_);
  std::vector<uint8_t> file = StoreSample(store, 20, 16);
  file[1] = 'X';
  WriteBytes(store.KeyFilePath(20), file);
  ExpectLoadFails(store, 20, PSA_ERROR_DATA_CORRUPT);
  ASSERT_TRUE(Reseal(file));  // Even with a matching checksum.
  WriteBytes(store.KeyFilePath(20), file);
  ExpectLoadFails(store, 20, PSA_ERROR_DATA_CORRUPT);
}

TEST_F(KeyFileStoreTest, FutureVersionsAreCorrupt) {
  KeyFileStore store(dir_);
  const std::vector<uint8_t> file = StoreSample(store, 21, 16);
  for (uint8_t version : {0, 2, 255}) {
    SCOPED_TRACE(static_cast<int>(version));
    std::vector<uint8_t> future = file;
    future[8] = version;  // Little-endian version field at offset 8.
    ASSERT_TRUE(Reseal(future));
    WriteBytes(store.KeyFilePath(21), future);
    ExpectLoadFails(store, 21, PSA_ERROR_DATA_CORRUPT);
  }
}

TEST_F(KeyFileStoreTest, AFileUnderAnotherKeysNameIsCorrupt) {
  KeyFileStore store(dir_);
  StoreSample(store, 30, 16);
  ASSERT_EQ(rename(store.KeyFilePath(30).c_str(), store.KeyFilePath(31).c_str()), 0);
  ExpectLoadFails(store, 31, PSA_ERROR_DATA_CORRUPT);
  ExpectLoadFails(store, 30, PSA_ERROR_DOES_NOT_EXIST);
}

TEST_F(KeyFileStoreTest, TrailingBytesAreCorrupt) {
  KeyFileStore store(dir_);
  const std::vector<uint8_t> file = StoreSample(store, 40, 16);
  for (size_t extra : {1, 32, 4096, 200000}) {
    SCOPED_TRACE(extra);
    std::vector<uint8_t> longer = file;
    longer.resize(file.size() + extra, 0);
    WriteBytes(store.KeyFilePath(40), longer);
    ExpectLoadFails(store, 40, PSA_ERROR_DATA_CORRUPT);
  }
  // A whole second copy of the file appended to the first.
  std::vector<uint8_t> doubled = file;
  doubled.insert(doubled.end(), file.begin(), file.end());
  WriteBytes(store.KeyFilePath(40), doubled);
  ExpectLoadFails(store, 40, PSA_ERROR_DATA_CORRUPT);
}

TEST_F(KeyFileStoreTest, SomethingOtherThanAFileAtAKeysNameIsAStorageFailure) {
  KeyFileStore store(dir_);
  StoreSample(store, 50, 16);
  ASSERT_EQ(mkdir(store.KeyFilePath(51).c_str(), 0700), 0);
  ASSERT_EQ(symlink(store.KeyFilePath(50).c_str(), store.KeyFilePath(52).c_str()), 0);
  ASSERT_EQ(mkfifo(store.KeyFilePath(53).c_str(), 0600), 0);
  for (psa_key_id_t id : {51, 52, 53}) {
    SCOPED_TRACE(id);
    ExpectLoadFails(store, id, PSA_ERROR_STORAGE_FAILURE);
    EXPECT_TRUE(store.Exists(id));
    const auto attributes = PersistentAttributes(id, PSA_KEY_TYPE_AES, 128, 0, 0);
    const std::vector<uint8_t> key = PatternBytes(16, id);
    EXPECT_EQ(store.Store(attributes, key.data(), key.size()), PSA_ERROR_ALREADY_EXISTS);
  }
}

// --- Temporary files of crashed writers ---

// The id of a process that has exited and been reaped.
pid_t DeadProcessId() {
  const pid_t pid = fork();
  if (pid == 0) _exit(0);
  int status = 0;
  waitpid(pid, &status, 0);
  return pid;
}

std::string TemporaryName(psa_key_id_t id, pid_t pid, int counter) {
  return "." + KeyFileName(id) + ".tmp-" + std::to_string(pid) + "-" + std::to_string(counter);
}

TEST_F(KeyFileStoreTest, RemovesOnlyTheTemporaryFilesOfDeadWriters) {
  KeyFileStore store(dir_);
  size_t removed = 99;
  EXPECT_EQ(store.RemoveStaleTemporaryFiles(&removed), PSA_SUCCESS);  // No directory.
  EXPECT_EQ(removed, 0u);

  StoreSample(store, 1, 16);
  const pid_t dead = DeadProcessId();
  const std::vector<std::string> stale = {TemporaryName(2, dead, 0), TemporaryName(3, dead, 17)};
  const std::vector<std::string> kept = {
      KeyFileName(1),
      TemporaryName(4, getpid(), 5),  // This process: maybe being written.
      TemporaryName(5, 1, 0),         // A live process (init).
      "notes.txt",
      ".key-0000000g.psakey.tmp-" + std::to_string(dead) + "-1",  // Not hex.
      ".key-00000006.psakey.tmp-" + std::to_string(dead) + "-",   // No counter.
      ".key-00000007.psakey.tmp--1",                              // No pid.
      ".key-00000008.psakey.tmp-" + std::to_string(dead) + "-1x",
  };
  for (const std::string& name : stale) WriteBytes(dir_ + "/" + name, PatternBytes(100, 1));
  for (const std::string& name : kept) {
    if (name != KeyFileName(1)) WriteBytes(dir_ + "/" + name, {1});
  }
  EXPECT_EQ(store.RemoveStaleTemporaryFiles(&removed), PSA_SUCCESS);
  EXPECT_EQ(removed, stale.size());
  std::vector<std::string> expected = kept;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(ListDirectory(dir_), expected);
  ExpectLoads(store,
              PersistentAttributes(1, PSA_KEY_TYPE_HMAC, 128, PSA_KEY_USAGE_SIGN_HASH,
                                   PSA_ALG_HMAC(PSA_ALG_SHA_256)),
              PatternBytes(16, 1));
}

// --- Concurrency within one process (processes: two_process_test.sh) ---

TEST_F(KeyFileStoreTest, ThreadsStoreDifferentKeysAtOnce) {
  KeyFileStore store(dir_);
  constexpr int kThreads = 8;
  constexpr int kKeysPerThread = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&store, &failures, t] {
      for (int k = 0; k < kKeysPerThread; ++k) {
        const psa_key_id_t id = static_cast<psa_key_id_t>(1000 + t * kKeysPerThread + k);
        const auto attributes = PersistentAttributes(id, PSA_KEY_TYPE_RAW_DATA, 8 * (k + 1), 0, 0);
        const std::vector<uint8_t> key = PatternBytes(k + 1, id);
        if (store.Store(attributes, key.data(), key.size()) != PSA_SUCCESS) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(ListDirectory(dir_).size(), static_cast<size_t>(kThreads * kKeysPerThread));
  for (int t = 0; t < kThreads; ++t) {
    for (int k = 0; k < kKeysPerThread; ++k) {
      const psa_key_id_t id = static_cast<psa_key_id_t>(1000 + t * kKeysPerThread + k);
      ExpectLoads(store, PersistentAttributes(id, PSA_KEY_TYPE_RAW_DATA, 8 * (k + 1), 0, 0),
                  PatternBytes(k + 1, id));
    }
  }
}

TEST_F(KeyFileStoreTest, OfThreadsStoringOneIdExactlyOneWins) {
  KeyFileStore store(dir_);
  constexpr int kThreads = 8;
  constexpr int kRounds = 20;
  for (int round = 0; round < kRounds; ++round) {
    const psa_key_id_t id = static_cast<psa_key_id_t>(500 + round);
    std::vector<psa_status_t> statuses(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&store, &statuses, id, t] {
        // Each contender writes its own key material.
        const auto attributes = PersistentAttributes(id, PSA_KEY_TYPE_RAW_DATA, 256, 0, 0);
        const std::vector<uint8_t> key = PatternBytes(32, id * 100 + t);
        statuses[t] = store.Store(attributes, key.data(), key.size());
      });
    }
    for (std::thread& thread : threads) thread.join();
    int winner = -1;
    for (int t = 0; t < kThreads; ++t) {
      if (statuses[t] == PSA_SUCCESS) {
        EXPECT_EQ(winner, -1) << "two winners in round " << round;
        winner = t;
      } else {
        EXPECT_EQ(statuses[t], PSA_ERROR_ALREADY_EXISTS);
      }
    }
    ASSERT_NE(winner, -1);
    // The file holds the winner's key, whole.
    ExpectLoads(store, PersistentAttributes(id, PSA_KEY_TYPE_RAW_DATA, 256, 0, 0),
                PatternBytes(32, id * 100 + winner));
  }
  EXPECT_EQ(ListDirectory(dir_).size(), static_cast<size_t>(kRounds));
}

}  // namespace
}  // namespace psa::core::storage

namespace psa::core::storage {
namespace {

// Key files in a directory that others can write could be replaced by keys
// of their choosing: such a directory is refused for writing and reading.
TEST_F(KeyFileStoreTest, RefusesADirectoryOthersCanWrite) {
  KeyFileStore store(dir_);
  StoreSample(store, 1, 16);
  for (mode_t mode : {0777, 0775, 0757, 0722}) {
    SCOPED_TRACE(mode);
    ASSERT_EQ(chmod(dir_.c_str(), mode), 0);
    const auto attributes = PersistentAttributes(2, PSA_KEY_TYPE_RAW_DATA, 8, 0, PSA_ALG_NONE);
    const uint8_t key[1] = {7};
    EXPECT_EQ(store.Store(attributes, key, sizeof(key)), PSA_ERROR_STORAGE_FAILURE);
    EXPECT_FALSE(store.Exists(2));
    ExpectLoadFails(store, 1, PSA_ERROR_STORAGE_FAILURE);
  }
  // Private again (readable by others is fine: the key files are 0600).
  ASSERT_EQ(chmod(dir_.c_str(), 0755), 0);
  psa_key_attributes_t loaded;
  SecureBuffer loaded_key;
  EXPECT_EQ(store.Load(1, &loaded, &loaded_key), PSA_SUCCESS);
}

TEST_F(KeyFileStoreTest, RefusesADirectoryThatIsALinkOrAFile) {
  const std::string real = dir_ + "/real";
  const std::string link = dir_ + "/link";
  ASSERT_TRUE(mkdir(dir_.c_str(), 0700) == 0 || errno == EEXIST);
  ASSERT_EQ(mkdir(real.c_str(), 0700), 0);
  ASSERT_EQ(symlink(real.c_str(), link.c_str()), 0);
  KeyFileStore through_link(link);
  const auto attributes = PersistentAttributes(3, PSA_KEY_TYPE_RAW_DATA, 8, 0, PSA_ALG_NONE);
  const uint8_t key[1] = {7};
  EXPECT_EQ(through_link.Store(attributes, key, sizeof(key)), PSA_ERROR_STORAGE_FAILURE);
  ExpectLoadFails(through_link, 3, PSA_ERROR_STORAGE_FAILURE);

  const std::string file = dir_ + "/file";
  FILE* f = fopen(file.c_str(), "w");
  ASSERT_NE(f, nullptr);
  fclose(f);
  KeyFileStore on_file(file);
  EXPECT_EQ(on_file.Store(attributes, key, sizeof(key)), PSA_ERROR_STORAGE_FAILURE);
}

TEST_F(KeyFileStoreTest, AMissingDirectoryHoldsNoKey) {
  KeyFileStore store(dir_ + "/not-created-yet");
  ExpectLoadFails(store, 1, PSA_ERROR_DOES_NOT_EXIST);
}

}  // namespace
}  // namespace psa::core::storage
