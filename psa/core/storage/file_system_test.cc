// The real file system's calls, as the key storage relies on them: exclusive
// creation, no-replace renames (both the renameat2 path and the link
// fallback), bounded reads that never follow links or block on FIFOs.

#include "psa/core/storage/file_system.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/storage/testing/storage_test_util.h"

namespace psa::core::storage {
namespace {

using ::psa::core::storage::testing::ListDirectory;
using ::psa::core::storage::testing::NewTestDirectory;
using ::psa::core::storage::testing::PatternBytes;
using ::psa::core::storage::testing::ReadBytes;
using ::psa::core::storage::testing::WriteBytes;

std::vector<uint8_t> ToVector(const SecureBuffer& buffer) {
  return std::vector<uint8_t>(buffer.data(), buffer.data() + buffer.size());
}

class FileSystemTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDirectory("fs");
    ASSERT_EQ(fs_.MakeDirectory(dir_, 0700), 0);
  }

  std::string Path(const std::string& name) const { return dir_ + "/" + name; }

  FileSystem& fs_ = RealFileSystem();
  std::string dir_;
};

TEST_F(FileSystemTest, MakeDirectoryUsesTheModeAndReportsAnExistingOne) {
  struct stat status;
  ASSERT_EQ(stat(dir_.c_str(), &status), 0);
  EXPECT_TRUE(S_ISDIR(status.st_mode));
  EXPECT_EQ(status.st_mode & 0777, 0700u);
  EXPECT_EQ(fs_.MakeDirectory(dir_, 0700), EEXIST);
  EXPECT_EQ(fs_.MakeDirectory(Path("a/b"), 0700), ENOENT);
}

TEST_F(FileSystemTest, WrittenFileReadsBack) {
  const std::vector<uint8_t> data = PatternBytes(1000, 1);
  int fd = -1;
  ASSERT_EQ(fs_.CreateFile(Path("f"), 0600, &fd), 0);
  size_t done = 0;
  while (done < data.size()) {
    size_t written = 0;
    ASSERT_EQ(fs_.Write(fd, data.data() + done, data.size() - done, &written), 0);
    ASSERT_GE(written, 1u);
    done += written;
  }
  EXPECT_EQ(fs_.SyncFile(fd), 0);
  EXPECT_EQ(fs_.CloseFile(fd), 0);
  EXPECT_EQ(fs_.SyncDirectory(dir_), 0);
  struct stat status;
  ASSERT_EQ(stat(Path("f").c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600u);

  SecureBuffer contents;
  ASSERT_EQ(fs_.ReadFile(Path("f"), 1000, &contents), 0);
  EXPECT_EQ(ToVector(contents), data);
}

TEST_F(FileSystemTest, CreateFileNeverOpensWhatExists) {
  WriteBytes(Path("existing"), {1, 2, 3});
  int fd = -1;
  EXPECT_EQ(fs_.CreateFile(Path("existing"), 0600, &fd), EEXIST);
  EXPECT_EQ(ReadBytes(Path("existing")), std::vector<uint8_t>({1, 2, 3}));
  // A dangling symbolic link is not followed to create its target.
  ASSERT_EQ(symlink(Path("target").c_str(), Path("link").c_str()), 0);
  EXPECT_EQ(fs_.CreateFile(Path("link"), 0600, &fd), EEXIST);
  EXPECT_EQ(fs_.Exists(Path("target")), ENOENT);
  EXPECT_EQ(fs_.CreateFile(Path("missing/f"), 0600, &fd), ENOENT);
}

TEST_F(FileSystemTest, ReadFileStopsOneByteBeyondTheLimit) {
  const std::vector<uint8_t> data = PatternBytes(100, 2);
  WriteBytes(Path("f"), data);
  SecureBuffer contents;
  for (size_t limit : {100, 101, 1000}) {
    ASSERT_EQ(fs_.ReadFile(Path("f"), limit, &contents), 0);
    EXPECT_EQ(ToVector(contents), data) << limit;
  }
  for (size_t limit : {0, 1, 10, 99}) {
    ASSERT_EQ(fs_.ReadFile(Path("f"), limit, &contents), 0);
    EXPECT_EQ(ToVector(contents), std::vector<uint8_t>(data.begin(), data.begin() + limit + 1))
        << limit;
  }
  WriteBytes(Path("empty"), {});
  ASSERT_EQ(fs_.ReadFile(Path("empty"), 10, &contents), 0);
  EXPECT_TRUE(contents.empty());
}

TEST_F(FileSystemTest, ReadFileRefusesWhatIsNotARegularFile) {
  SecureBuffer contents;
  ASSERT_TRUE(contents.Allocate(4));
  EXPECT_EQ(fs_.ReadFile(Path("missing"), 10, &contents), ENOENT);
  EXPECT_TRUE(contents.empty());

  WriteBytes(Path("target"), {1, 2, 3});
  ASSERT_EQ(symlink(Path("target").c_str(), Path("link").c_str()), 0);
  EXPECT_EQ(fs_.ReadFile(Path("link"), 10, &contents), ELOOP);

  ASSERT_EQ(mkdir(Path("dir").c_str(), 0700), 0);
  EXPECT_EQ(fs_.ReadFile(Path("dir"), 10, &contents), EINVAL);

  // A FIFO with no writer would block a plain open(); this must return.
  ASSERT_EQ(mkfifo(Path("fifo").c_str(), 0600), 0);
  EXPECT_EQ(fs_.ReadFile(Path("fifo"), 10, &contents), EINVAL);
  EXPECT_TRUE(contents.empty());
}

// Both implementations of the no-replace rename behave the same.
class RenameNoReplaceTest : public FileSystemTest, public ::testing::WithParamInterface<bool> {
 protected:
  int Rename(const std::string& from, const std::string& to) {
    return GetParam() ? RenameNoReplaceByLink(from, to) : fs_.RenameNoReplace(from, to);
  }
};

TEST_P(RenameNoReplaceTest, MovesTheFileWhenTheTargetIsFree) {
  WriteBytes(Path("from"), {7, 8, 9});
  ASSERT_EQ(Rename(Path("from"), Path("to")), 0);
  EXPECT_EQ(ListDirectory(dir_), std::vector<std::string>({"to"}));
  EXPECT_EQ(ReadBytes(Path("to")), std::vector<uint8_t>({7, 8, 9}));
}

TEST_P(RenameNoReplaceTest, RefusesAnExistingTargetAndChangesNothing) {
  WriteBytes(Path("from"), {1});
  WriteBytes(Path("to"), {2});
  EXPECT_EQ(Rename(Path("from"), Path("to")), EEXIST);
  EXPECT_EQ(ReadBytes(Path("from")), std::vector<uint8_t>({1}));
  EXPECT_EQ(ReadBytes(Path("to")), std::vector<uint8_t>({2}));
}

TEST_P(RenameNoReplaceTest, ReportsAMissingSource) {
  EXPECT_EQ(Rename(Path("from"), Path("to")), ENOENT);
  EXPECT_TRUE(ListDirectory(dir_).empty());
}

INSTANTIATE_TEST_SUITE_P(RenameAndLink, RenameNoReplaceTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "LinkFallback" : "Renameat2";
                         });

TEST_F(FileSystemTest, ListDirectoryNamesEveryEntryButDots) {
  std::vector<std::string> names = {"stale"};
  ASSERT_EQ(fs_.ListDirectory(dir_, &names), 0);
  EXPECT_TRUE(names.empty());
  WriteBytes(Path("b"), {1});
  WriteBytes(Path(".hidden"), {1});
  ASSERT_EQ(mkdir(Path("sub").c_str(), 0700), 0);
  ASSERT_EQ(fs_.ListDirectory(dir_, &names), 0);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, std::vector<std::string>({".hidden", "b", "sub"}));
  EXPECT_EQ(fs_.ListDirectory(Path("missing"), &names), ENOENT);
  EXPECT_TRUE(names.empty());
  EXPECT_EQ(fs_.ListDirectory(Path("b"), &names), ENOTDIR);
}

TEST_F(FileSystemTest, UnlinkExistsAndSyncDirectoryReportErrors) {
  EXPECT_EQ(fs_.Exists(Path("f")), ENOENT);
  EXPECT_EQ(fs_.Unlink(Path("f")), ENOENT);
  WriteBytes(Path("f"), {1});
  EXPECT_EQ(fs_.Exists(Path("f")), 0);
  EXPECT_EQ(fs_.Unlink(Path("f")), 0);
  EXPECT_EQ(fs_.Exists(Path("f")), ENOENT);
  // Exists does not follow links: a dangling one is still something there.
  ASSERT_EQ(symlink(Path("nowhere").c_str(), Path("link").c_str()), 0);
  EXPECT_EQ(fs_.Exists(Path("link")), 0);
  EXPECT_EQ(fs_.SyncDirectory(Path("missing")), ENOENT);
}

}  // namespace
}  // namespace psa::core::storage
