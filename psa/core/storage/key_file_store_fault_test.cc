// KeyFileStore when the file system fails: a failure injected at every call
// of Store (each write included, with short writes), with EIO and with
// ENOSPC, and a real full disk (RLIMIT_FSIZE in a child process, so write(2)
// really fails with EFBIG). Each time: the right status, no key file, no
// temporary file, and a later Store of the same id succeeds.

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/storage/key_file_store.h"
#include "psa/core/storage/testing/faulty_file_system.h"
#include "psa/core/storage/testing/storage_test_util.h"
#include "psa/crypto.h"

namespace psa::core::storage {
namespace {

using ::psa::core::storage::testing::Call;
using ::psa::core::storage::testing::CallName;
using ::psa::core::storage::testing::FaultyFileSystem;
using ::psa::core::storage::testing::ListDirectory;
using ::psa::core::storage::testing::NewTestDirectory;
using ::psa::core::storage::testing::PatternBytes;
using ::psa::core::storage::testing::PersistentAttributes;
using ::psa::core::storage::testing::WriteBytes;

constexpr psa_key_id_t kId = 0x1234;

psa_key_attributes_t SampleAttributes() {
  return PersistentAttributes(kId, PSA_KEY_TYPE_AES, 256,
                              PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, PSA_ALG_GCM);
}

std::vector<uint8_t> ToVector(const SecureBuffer& buffer) {
  return std::vector<uint8_t>(buffer.data(), buffer.data() + buffer.size());
}

psa_status_t StatusOfErrno(int error) {
  return error == EIO ? PSA_ERROR_STORAGE_FAILURE : PSA_ERROR_INSUFFICIENT_STORAGE;
}

const Call kStoreCalls[] = {Call::kMakeDirectory,   Call::kExists,       Call::kCreateFile,
                            Call::kWrite,           Call::kSyncFile,     Call::kCloseFile,
                            Call::kRenameNoReplace, Call::kSyncDirectory};

class KeyFileStoreFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    key_ = PatternBytes(32, 1);
  }

  // After a failed Store into `dir`: no file at all is left in it (the
  // directory itself may have been created), the key does not exist, and a
  // Store without faults then succeeds and loads back.
  void ExpectCleanAndRetryable(const std::string& dir) {
    EXPECT_EQ(ListDirectory(dir), std::vector<std::string>());
    KeyFileStore store(dir);
    EXPECT_FALSE(store.Exists(kId));
    psa_key_attributes_t attributes;
    SecureBuffer loaded;
    EXPECT_EQ(store.Load(kId, &attributes, &loaded), PSA_ERROR_DOES_NOT_EXIST);
    ASSERT_EQ(store.Store(SampleAttributes(), key_.data(), key_.size()), PSA_SUCCESS);
    ASSERT_EQ(store.Load(kId, &attributes, &loaded), PSA_SUCCESS);
    EXPECT_EQ(ToVector(loaded), key_);
    EXPECT_EQ(ListDirectory(dir), std::vector<std::string>({KeyFileName(kId)}));
  }

  std::vector<uint8_t> key_;
};

// The calls a successful Store into a new directory makes, with `max_write`.
std::vector<int> CountStoreCalls(const std::vector<uint8_t>& key, size_t max_write) {
  FaultyFileSystem fs;
  fs.SetMaxWriteSize(max_write);
  KeyFileStore store(NewTestDirectory("count"), fs);
  EXPECT_EQ(store.Store(SampleAttributes(), key.data(), key.size()), PSA_SUCCESS);
  std::vector<int> counts;
  for (Call call : kStoreCalls) counts.push_back(fs.Count(call));
  return counts;
}

TEST_F(KeyFileStoreFaultTest, StoreMakesTheDocumentedCalls) {
  // New directory: mkdir, fsync of its parent; exists check; create, one
  // write, fsync, close; rename; fsync of the directory.
  EXPECT_EQ(CountStoreCalls(key_, 0), std::vector<int>({1, 1, 1, 1, 1, 1, 1, 2}));
  // 7-byte writes: ceil((36 + 32 + 32) / 7) = 15 writes.
  EXPECT_EQ(CountStoreCalls(key_, 7), std::vector<int>({1, 1, 1, 15, 1, 1, 1, 2}));
}

TEST_F(KeyFileStoreFaultTest, AFailureAtAnyCallOfStoreLeavesNoKeyAndNoTemporaryFile) {
  for (size_t max_write : {size_t{0}, size_t{7}}) {
    const std::vector<int> counts = CountStoreCalls(key_, max_write);
    for (size_t c = 0; c < std::size(kStoreCalls); ++c) {
      for (int occurrence = 1; occurrence <= counts[c]; ++occurrence) {
        for (int error : {EIO, ENOSPC}) {
          SCOPED_TRACE(std::string(CallName(kStoreCalls[c])) + " #" + std::to_string(occurrence) +
                       " fails with " + strerror(error) + ", writes of at most " +
                       std::to_string(max_write));
          FaultyFileSystem fs;
          fs.SetMaxWriteSize(max_write);
          fs.FailAt(kStoreCalls[c], occurrence, error);
          const std::string dir = NewTestDirectory("fault");
          KeyFileStore store(dir, fs);
          EXPECT_EQ(store.Store(SampleAttributes(), key_.data(), key_.size()),
                    StatusOfErrno(error));
          ExpectCleanAndRetryable(dir);
        }
      }
    }
  }
}

TEST_F(KeyFileStoreFaultTest, QuotaAndFileSizeErrorsAreInsufficientStorage) {
  for (int error : {EDQUOT, EFBIG, ENOSPC}) {
    SCOPED_TRACE(strerror(error));
    FaultyFileSystem fs;
    fs.FailAt(Call::kWrite, 1, error);
    const std::string dir = NewTestDirectory("quota");
    KeyFileStore store(dir, fs);
    EXPECT_EQ(store.Store(SampleAttributes(), key_.data(), key_.size()),
              PSA_ERROR_INSUFFICIENT_STORAGE);
    ExpectCleanAndRetryable(dir);
  }
  for (int error : {EACCES, EROFS, ENOTDIR, EPERM}) {
    SCOPED_TRACE(strerror(error));
    FaultyFileSystem fs;
    fs.FailAt(Call::kCreateFile, 1, error);
    const std::string dir = NewTestDirectory("other");
    KeyFileStore store(dir, fs);
    EXPECT_EQ(store.Store(SampleAttributes(), key_.data(), key_.size()), PSA_ERROR_STORAGE_FAILURE);
    ExpectCleanAndRetryable(dir);
  }
}

TEST_F(KeyFileStoreFaultTest, AFailedDirectorySyncAfterTheRenameRollsTheKeyBack) {
  // The rename happened, but it may not be durable: the key does not count
  // as stored, and the file is unlinked again.
  FaultyFileSystem fs;
  const std::string dir = NewTestDirectory("dirsync");
  ASSERT_EQ(mkdir(dir.c_str(), 0700), 0);  // So that the 1st sync is this one.
  fs.FailAt(Call::kSyncDirectory, 1, EIO);
  KeyFileStore store(dir, fs);
  EXPECT_EQ(store.Store(SampleAttributes(), key_.data(), key_.size()), PSA_ERROR_STORAGE_FAILURE);
  EXPECT_EQ(fs.Count(Call::kRenameNoReplace), 1);
  EXPECT_EQ(fs.Count(Call::kUnlink), 1);
  EXPECT_EQ(fs.Count(Call::kSyncDirectory), 2);  // The rollback is synced too.
  ExpectCleanAndRetryable(dir);
}

TEST_F(KeyFileStoreFaultTest, AFailedRollbackLeavesTheWholeKeyNeverAPart) {
  // Directory sync and then the rollback's unlink fail: the status is a
  // failure, and what is on disk is the complete, verified key.
  FaultyFileSystem fs;
  const std::string dir = NewTestDirectory("rollback");
  ASSERT_EQ(mkdir(dir.c_str(), 0700), 0);
  fs.FailAt(Call::kSyncDirectory, 1, EIO);
  fs.FailAt(Call::kUnlink, 1, EIO);
  KeyFileStore store(dir, fs);
  EXPECT_EQ(store.Store(SampleAttributes(), key_.data(), key_.size()), PSA_ERROR_STORAGE_FAILURE);
  EXPECT_EQ(ListDirectory(dir), std::vector<std::string>({KeyFileName(kId)}));
  psa_key_attributes_t attributes;
  SecureBuffer loaded;
  ASSERT_EQ(store.Load(kId, &attributes, &loaded), PSA_SUCCESS);
  EXPECT_EQ(ToVector(loaded), key_);
}

TEST_F(KeyFileStoreFaultTest, ATakenTemporaryNameIsSkipped) {
  FaultyFileSystem fs;
  fs.FailAt(Call::kCreateFile, 1, EEXIST);
  fs.FailAt(Call::kCreateFile, 2, EEXIST);
  const std::string dir = NewTestDirectory("taken");
  KeyFileStore store(dir, fs);
  EXPECT_EQ(store.Store(SampleAttributes(), key_.data(), key_.size()), PSA_SUCCESS);
  EXPECT_EQ(fs.Count(Call::kCreateFile), 3);
  EXPECT_EQ(ListDirectory(dir), std::vector<std::string>({KeyFileName(kId)}));
}

TEST_F(KeyFileStoreFaultTest, ARenameLosingARaceIsAlreadyExists) {
  // Another writer created the key between the existence check and the
  // rename: RENAME_NOREPLACE says EEXIST.
  FaultyFileSystem fs;
  fs.FailAt(Call::kRenameNoReplace, 1, EEXIST);
  const std::string dir = NewTestDirectory("race");
  KeyFileStore store(dir, fs);
  EXPECT_EQ(store.Store(SampleAttributes(), key_.data(), key_.size()), PSA_ERROR_ALREADY_EXISTS);
  EXPECT_EQ(ListDirectory(dir), std::vector<std::string>());
}

TEST_F(KeyFileStoreFaultTest, LoadReportsReadErrors) {
  const std::string dir = NewTestDirectory("load");
  ASSERT_EQ(KeyFileStore(dir).Store(SampleAttributes(), key_.data(), key_.size()), PSA_SUCCESS);
  const std::pair<int, psa_status_t> cases[] = {
      {EIO, PSA_ERROR_STORAGE_FAILURE},
      {EACCES, PSA_ERROR_STORAGE_FAILURE},
      {ENOMEM, PSA_ERROR_INSUFFICIENT_MEMORY},
      {ENOENT, PSA_ERROR_DOES_NOT_EXIST},
  };
  for (const auto& [error, status] : cases) {
    SCOPED_TRACE(strerror(error));
    FaultyFileSystem fs;
    fs.FailAt(Call::kReadFile, 1, error);
    KeyFileStore store(dir, fs);
    psa_key_attributes_t attributes;
    SecureBuffer loaded;
    EXPECT_EQ(store.Load(kId, &attributes, &loaded), status);
    EXPECT_TRUE(loaded.empty());
    EXPECT_EQ(store.Load(kId, &attributes, &loaded), PSA_SUCCESS);  // Transient.
  }
}

TEST_F(KeyFileStoreFaultTest, RemoveReportsUnlinkAndDirectorySyncErrors) {
  const std::string dir = NewTestDirectory("remove");
  KeyFileStore real(dir);
  ASSERT_EQ(real.Store(SampleAttributes(), key_.data(), key_.size()), PSA_SUCCESS);
  {
    FaultyFileSystem fs;
    fs.FailAt(Call::kUnlink, 1, EIO);
    EXPECT_EQ(KeyFileStore(dir, fs).Remove(kId), PSA_ERROR_STORAGE_FAILURE);
    EXPECT_TRUE(real.Exists(kId));  // Still there, still whole.
    psa_key_attributes_t attributes;
    SecureBuffer loaded;
    EXPECT_EQ(real.Load(kId, &attributes, &loaded), PSA_SUCCESS);
  }
  {
    FaultyFileSystem fs;
    fs.FailAt(Call::kSyncDirectory, 1, EIO);
    // Unlinked, but the removal may not be durable: the status says so.
    EXPECT_EQ(KeyFileStore(dir, fs).Remove(kId), PSA_ERROR_STORAGE_FAILURE);
    EXPECT_FALSE(real.Exists(kId));
  }
}

TEST_F(KeyFileStoreFaultTest, StaleTemporaryFileCleanupReportsErrors) {
  const std::string dir = NewTestDirectory("stale");
  ASSERT_EQ(mkdir(dir.c_str(), 0700), 0);
  const pid_t dead = fork();
  if (dead == 0) _exit(0);
  ASSERT_EQ(waitpid(dead, nullptr, 0), dead);
  for (int counter : {0, 1}) {
    WriteBytes(dir + "/." + KeyFileName(kId) + ".tmp-" + std::to_string(dead) + "-" +
                   std::to_string(counter),
               {1, 2, 3});
  }
  {
    FaultyFileSystem fs;
    fs.FailAt(Call::kListDirectory, 1, EIO);
    EXPECT_EQ(KeyFileStore(dir, fs).RemoveStaleTemporaryFiles(), PSA_ERROR_STORAGE_FAILURE);
    EXPECT_EQ(ListDirectory(dir).size(), 2u);
  }
  {
    // The first unlink fails; the second file is still removed.
    FaultyFileSystem fs;
    fs.FailAt(Call::kUnlink, 1, EIO);
    size_t removed = 0;
    EXPECT_EQ(KeyFileStore(dir, fs).RemoveStaleTemporaryFiles(&removed), PSA_ERROR_STORAGE_FAILURE);
    EXPECT_EQ(removed, 1u);
    EXPECT_EQ(ListDirectory(dir).size(), 1u);
  }
  {
    FaultyFileSystem fs;
    fs.FailAt(Call::kSyncDirectory, 1, EIO);
    EXPECT_EQ(KeyFileStore(dir, fs).RemoveStaleTemporaryFiles(), PSA_ERROR_STORAGE_FAILURE);
    EXPECT_EQ(ListDirectory(dir), std::vector<std::string>());
  }
}

// --- A real full disk: write(2) fails with EFBIG past RLIMIT_FSIZE ---

// In a child process (the limit and the ignored SIGXFSZ stay there): stores
// a `key_size`-byte key into `dir` with files limited to `limit` bytes.
// Exit status: 0 if Store said INSUFFICIENT_STORAGE and left no file;
// 2 if the limit could not be set, 3 for another status, 4 for a file left.
int StoreUnderFileSizeLimitInChild(const std::string& dir, size_t key_size, rlim_t limit) {
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit rlimit_value;
    rlimit_value.rlim_cur = limit;
    rlimit_value.rlim_max = limit;
    if (setrlimit(RLIMIT_FSIZE, &rlimit_value) != 0) _exit(2);
    const std::vector<uint8_t> key = PatternBytes(key_size, 3);
    const auto attributes = PersistentAttributes(kId, PSA_KEY_TYPE_RAW_DATA, 8 * key_size, 0, 0);
    const psa_status_t status = KeyFileStore(dir).Store(attributes, key.data(), key.size());
    if (status != PSA_ERROR_INSUFFICIENT_STORAGE) _exit(3);
    if (!ListDirectory(dir).empty()) _exit(4);
    _exit(0);
  }
  int wait_status = 0;
  if (waitpid(pid, &wait_status, 0) != pid) return -1;
  return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

TEST_F(KeyFileStoreFaultTest, ARealFullDiskIsInsufficientStorageAndLeavesNothing) {
  constexpr size_t kKeySize = 4096;
  constexpr size_t kFileSize = 36 + kKeySize + 32;
  // No byte fits; the header fits; all but the last byte fits.
  for (rlim_t limit : {rlim_t{0}, rlim_t{1}, rlim_t{36}, rlim_t{kFileSize - 1}}) {
    SCOPED_TRACE(limit);
    const std::string dir = NewTestDirectory("fsize");
    EXPECT_EQ(StoreUnderFileSizeLimitInChild(dir, kKeySize, limit), 0);
    EXPECT_EQ(ListDirectory(dir), std::vector<std::string>());
    // Without the limit, the same Store succeeds.
    const std::vector<uint8_t> key = PatternBytes(kKeySize, 3);
    KeyFileStore store(dir);
    const auto attributes = PersistentAttributes(kId, PSA_KEY_TYPE_RAW_DATA, 8 * kKeySize, 0, 0);
    ASSERT_EQ(store.Store(attributes, key.data(), key.size()), PSA_SUCCESS);
    psa_key_attributes_t loaded_attributes;
    SecureBuffer loaded;
    ASSERT_EQ(store.Load(kId, &loaded_attributes, &loaded), PSA_SUCCESS);
    EXPECT_EQ(ToVector(loaded), key);
  }
}

}  // namespace
}  // namespace psa::core::storage
