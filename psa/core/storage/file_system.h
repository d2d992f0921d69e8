// The file-system calls the key storage makes, behind an interface so that
// tests can make any one of them fail (EIO, ENOSPC, ...) and check that the
// storage leaves either the old state or the new one.
//
// Every method returns 0 on success or an errno value; none throws. Paths
// are used as given (absolute, or relative to the working directory).

#ifndef PSA_CORE_STORAGE_FILE_SYSTEM_H_
#define PSA_CORE_STORAGE_FILE_SYSTEM_H_

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <string>
#include <vector>

#include "psa/core/secure_buffer.h"

namespace psa::core::storage {

class FileSystem {
 public:
  virtual ~FileSystem();

  // Creates the directory `path` with `mode`. EEXIST if something is there.
  virtual int MakeDirectory(const std::string& path, mode_t mode) = 0;

  // Creates a new regular file for writing; never opens an existing file or
  // follows a symbolic link (EEXIST). On success *fd is its descriptor.
  virtual int CreateFile(const std::string& path, mode_t mode, int* fd) = 0;

  // Writes up to `size` (> 0) bytes of `data` with one write: on success
  // *written is in 1..size. Interrupted calls are retried.
  virtual int Write(int fd, const uint8_t* data, size_t size, size_t* written) = 0;

  // Flushes the file's data and metadata to the device (fsync).
  virtual int SyncFile(int fd) = 0;

  // Closes `fd`. The descriptor is released even when an error is returned.
  virtual int CloseFile(int fd) = 0;

  // Renames `from` to `to` atomically unless `to` exists: then EEXIST and
  // nothing changes. Both are in the same directory.
  virtual int RenameNoReplace(const std::string& from, const std::string& to) = 0;

  // Makes the entries of the directory `path` durable (open + fsync).
  virtual int SyncDirectory(const std::string& path) = 0;

  // Reads the regular file `path` into `contents`: all of it if it holds at
  // most `max_size` bytes, else its first max_size + 1 bytes (so that the
  // caller sees it is too long without reading an unbounded file). Does not
  // follow a symbolic link. ENOENT if there is no file; ENOMEM if the buffer
  // cannot be allocated; EAGAIN if the file grew while it was read; EINVAL
  // if it is not a regular file. On failure `contents` is empty.
  virtual int ReadFile(const std::string& path, size_t max_size, SecureBuffer* contents) = 0;

  // Removes the directory entry `path` (not a directory).
  virtual int Unlink(const std::string& path) = 0;

  // The names in the directory `path`, without "." and "..", in no
  // particular order.
  virtual int ListDirectory(const std::string& path, std::vector<std::string>* names) = 0;

  // 0 if an entry named `path` exists (of any kind; links not followed),
  // ENOENT if not, another errno if that cannot be determined.
  virtual int Exists(const std::string& path) = 0;

  // 0 if `path` is a directory (links not followed) owned by this process's
  // effective user and writable by nobody else: a directory whose files
  // only this user can replace. ENOTDIR if it is something else, EACCES if
  // it is not private, another errno (ENOENT...) if it cannot be examined.
  virtual int CheckPrivateDirectory(const std::string& path) = 0;
};

// The operating system's file system (POSIX calls, Linux renameat2).
// Thread-safe; lives for the whole process.
FileSystem& RealFileSystem();

// What RealFileSystem().RenameNoReplace falls back to when the file system
// has no RENAME_NOREPLACE: link(from, to), which fails with EEXIST
// atomically, then unlink(from). If `from` cannot be unlinked, `to` is
// unlinked again and the error returned, so that `to` exists only on success.
// Exposed for tests.
int RenameNoReplaceByLink(const std::string& from, const std::string& to);

}  // namespace psa::core::storage

#endif  // PSA_CORE_STORAGE_FILE_SYSTEM_H_
