#include "psa/core/storage/file_system.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace psa::core::storage {

FileSystem::~FileSystem() = default;

namespace {

class PosixFileSystem final : public FileSystem {
 public:
  int MakeDirectory(const std::string& path, mode_t mode) override {
    return mkdir(path.c_str(), mode) == 0 ? 0 : errno;
  }

  int CreateFile(const std::string& path, mode_t mode, int* fd) override {
    int opened;
    do {
      opened = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    } while (opened < 0 && errno == EINTR);
    if (opened < 0) return errno;
    *fd = opened;
    return 0;
  }

  int Write(int fd, const uint8_t* data, size_t size, size_t* written) override {
    ssize_t result;
    do {
      result = write(fd, data, size);
    } while (result < 0 && errno == EINTR);
    if (result < 0) return errno;
    // write(2) of a regular file returns 0 only for size 0; report it as an
    // I/O error rather than letting a caller loop forever.
    if (result == 0) return EIO;
    *written = static_cast<size_t>(result);
    return 0;
  }

  int SyncFile(int fd) override { return fsync(fd) == 0 ? 0 : errno; }

  int CloseFile(int fd) override {
    // Linux releases the descriptor even when close fails; EINTR must not
    // be retried (the number may already belong to another thread's file).
    // The data was fsynced before, so EINTR loses nothing.
    if (close(fd) == 0 || errno == EINTR) return 0;
    return errno;
  }

  int RenameNoReplace(const std::string& from, const std::string& to) override {
    if (renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
      return 0;
    }
    // EINVAL: this file system does not support the flag; ENOSYS: neither
    // does the kernel.
    if (errno == EINVAL || errno == ENOSYS) return RenameNoReplaceByLink(from, to);
    return errno;
  }

  int SyncDirectory(const std::string& path) override {
    int fd;
    do {
      fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return errno;
    int error = fsync(fd) == 0 ? 0 : errno;
    // Some file systems cannot fsync a directory (EINVAL) and make renames
    // durable by themselves; there is nothing more to do on them.
    if (error == EINVAL) error = 0;
    close(fd);
    return error;
  }

  int ReadFile(const std::string& path, size_t max_size, SecureBuffer* contents) override {
    contents->Clear();
    int fd;
    do {
      // O_NONBLOCK: opening a FIFO planted under a key's name must not hang.
      fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return errno;
    const int error = ReadOpenFile(fd, max_size, contents);
    close(fd);
    if (error != 0) contents->Clear();
    return error;
  }

  int Unlink(const std::string& path) override { return unlink(path.c_str()) == 0 ? 0 : errno; }

  int ListDirectory(const std::string& path, std::vector<std::string>* names) override {
    names->clear();
    DIR* dir = opendir(path.c_str());
    if (dir == nullptr) return errno;
    int error = 0;
    for (;;) {
      errno = 0;
      const dirent* entry = readdir(dir);
      if (entry == nullptr) {
        error = errno;  // 0 at the end of the directory.
        break;
      }
      const std::string name = entry->d_name;
      if (name != "." && name != "..") names->push_back(name);
    }
    closedir(dir);
    if (error != 0) names->clear();
    return error;
  }

  int Exists(const std::string& path) override {
    struct stat status;
    return lstat(path.c_str(), &status) == 0 ? 0 : errno;
  }

  int CheckPrivateDirectory(const std::string& path) override {
    struct stat status;
    if (lstat(path.c_str(), &status) != 0) return errno;
    if (!S_ISDIR(status.st_mode)) return ENOTDIR;
    if (status.st_uid != geteuid() || (status.st_mode & (S_IWGRP | S_IWOTH)) != 0) return EACCES;
    return 0;
  }

 private:
  static int ReadOpenFile(int fd, size_t max_size, SecureBuffer* contents) {
    struct stat status;
    if (fstat(fd, &status) != 0) return errno;
    if (!S_ISREG(status.st_mode)) return EINVAL;
    // The size is a hint (allocation); the reads decide. One byte beyond the
    // limit tells the caller the file is too long.
    const size_t expected =
        static_cast<size_t>(std::min<uint64_t>(static_cast<uint64_t>(status.st_size), max_size));
    const size_t capacity = expected + 1;
    if (!contents->Allocate(capacity)) return ENOMEM;
    size_t filled = 0;
    while (filled < capacity) {
      const ssize_t result = read(fd, contents->data() + filled, capacity - filled);
      if (result < 0) {
        if (errno == EINTR) continue;
        return errno;
      }
      if (result == 0) break;
      filled += static_cast<size_t>(result);
    }
    // More than fstat said, yet within the limit: the file grew while it was
    // read. Key files are never written in place, so do not guess.
    if (filled == capacity && expected < max_size) return EAGAIN;
    contents->Truncate(filled);
    return 0;
  }
};

}  // namespace

FileSystem& RealFileSystem() {
  static PosixFileSystem* const file_system = new PosixFileSystem();
  return *file_system;
}

int RenameNoReplaceByLink(const std::string& from, const std::string& to) {
  if (link(from.c_str(), to.c_str()) != 0) return errno;
  if (unlink(from.c_str()) != 0) {
    const int error = errno;
    unlink(to.c_str());
    return error;
  }
  return 0;
}

}  // namespace psa::core::storage
