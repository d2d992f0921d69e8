// A FileSystem for tests: forwards to the real one, counts every call, and
// makes chosen calls fail with a chosen errno, or writes short.

#ifndef PSA_CORE_STORAGE_TESTING_FAULTY_FILE_SYSTEM_H_
#define PSA_CORE_STORAGE_TESTING_FAULTY_FILE_SYSTEM_H_

#include <stddef.h>

#include <array>
#include <string>
#include <vector>

#include "psa/core/storage/file_system.h"

namespace psa::core::storage::testing {

// The calls of FileSystem, one per method.
enum class Call {
  kMakeDirectory,
  kCreateFile,
  kWrite,
  kSyncFile,
  kCloseFile,
  kRenameNoReplace,
  kSyncDirectory,
  kReadFile,
  kUnlink,
  kListDirectory,
  kExists,
  kCheckPrivateDirectory,
};
inline constexpr size_t kCallCount = 12;

const char* CallName(Call call);

class FaultyFileSystem final : public FileSystem {
 public:
  FaultyFileSystem() = default;

  // Makes the `occurrence`-th call (counting from 1) of `call` fail with
  // `error`. A failed call does nothing, except kCloseFile, which closes the
  // descriptor first (as close(2) does), and kWrite, which fails after the
  // bytes of the earlier calls were written.
  void FailAt(Call call, int occurrence, int error);

  // Makes every Write write at most `size` (> 0) bytes, as a real file
  // system may; 0 removes the cap.
  void SetMaxWriteSize(size_t size) { max_write_size_ = size; }

  // How many times `call` was made (failed calls included).
  int Count(Call call) const { return counts_[static_cast<size_t>(call)]; }

  int MakeDirectory(const std::string& path, mode_t mode) override;
  int CreateFile(const std::string& path, mode_t mode, int* fd) override;
  int Write(int fd, const uint8_t* data, size_t size, size_t* written) override;
  int SyncFile(int fd) override;
  int CloseFile(int fd) override;
  int RenameNoReplace(const std::string& from, const std::string& to) override;
  int SyncDirectory(const std::string& path) override;
  int ReadFile(const std::string& path, size_t max_size, SecureBuffer* contents) override;
  int Unlink(const std::string& path) override;
  int ListDirectory(const std::string& path, std::vector<std::string>* names) override;
  int Exists(const std::string& path) override;
  int CheckPrivateDirectory(const std::string& path) override;

 private:
  struct Fault {
    Call call;
    int occurrence;
    int error;
  };

  // Counts a call of `call`; returns the errno it must fail with, or 0.
  int Begin(Call call);

  FileSystem& real_ = RealFileSystem();
  std::array<int, kCallCount> counts_{};
  std::vector<Fault> faults_;
  size_t max_write_size_ = 0;
};

}  // namespace psa::core::storage::testing

#endif  // PSA_CORE_STORAGE_TESTING_FAULTY_FILE_SYSTEM_H_
