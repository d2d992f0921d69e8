#include "psa/core/storage/key_file_store.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <utility>
#include <vector>

#include "psa/core/storage/key_file_format.h"

namespace psa::core::storage {
namespace {

constexpr mode_t kDirectoryMode = 0700;
constexpr mode_t kKeyFileMode = 0600;
// Nested directories created at most (guards against a pathological path).
constexpr int kMaxDirectoryDepth = 64;
// Temporary names taken (a crashed process with a recycled pid may have
// left one behind) before giving up.
constexpr int kMaxTemporaryNameAttempts = 16;

// The status of a failed write-side call.
psa_status_t StatusFromErrno(int error) {
  switch (error) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      return PSA_ERROR_INSUFFICIENT_STORAGE;
    case ENOMEM:
      return PSA_ERROR_INSUFFICIENT_MEMORY;
    default:
      return PSA_ERROR_STORAGE_FAILURE;
  }
}

// The status for a key directory that CheckPrivateDirectory refused: files
// in a directory that others can write could be swapped for keys of their
// choosing, so such a directory is not used.
psa_status_t KeyDirectoryStatus(int error) {
  if (error == 0) return PSA_SUCCESS;
  if (error == EACCES || error == ENOTDIR) return PSA_ERROR_STORAGE_FAILURE;
  return StatusFromErrno(error);
}

// The parent of a directory path without trailing slashes.
std::string ParentDirectory(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// A name no other call, of this process or another, is using.
std::string NewTemporaryName(psa_key_id_t id) {
  static std::atomic<uint64_t> counter{0};
  char suffix[64];
  snprintf(suffix, sizeof(suffix), ".tmp-%ld-%llu", static_cast<long>(getpid()),
           static_cast<unsigned long long>(counter.fetch_add(1)));
  return "." + KeyFileName(id) + suffix;
}

// The process id in a name made by NewTemporaryName, or 0 if `name` is not
// such a name.
pid_t TemporaryFileWriter(const std::string& name) {
  static constexpr char kPrefix[] = ".key-";
  static constexpr char kInfix[] = ".psakey.tmp-";
  constexpr size_t kPrefixLength = sizeof(kPrefix) - 1;
  constexpr size_t kHexLength = 8;
  constexpr size_t kInfixLength = sizeof(kInfix) - 1;
  constexpr size_t kPidOffset = kPrefixLength + kHexLength + kInfixLength;
  if (name.size() <= kPidOffset || name.compare(0, kPrefixLength, kPrefix) != 0 ||
      name.compare(kPrefixLength + kHexLength, kInfixLength, kInfix) != 0) {
    return 0;
  }
  for (size_t i = kPrefixLength; i < kPrefixLength + kHexLength; ++i) {
    if (!isxdigit(static_cast<unsigned char>(name[i]))) return 0;
  }
  // "<pid>-<counter>", both decimal.
  const size_t dash = name.find('-', kPidOffset);
  if (dash == std::string::npos || dash == kPidOffset || dash - kPidOffset > 9 ||
      dash + 1 == name.size()) {
    return 0;
  }
  for (size_t i = kPidOffset; i < name.size(); ++i) {
    if (i != dash && !isdigit(static_cast<unsigned char>(name[i]))) return 0;
  }
  return static_cast<pid_t>(atol(name.substr(kPidOffset, dash - kPidOffset).c_str()));
}

// Writes all of `image` to `fd`, fsyncs and closes it (closed in any case).
int WriteAndClose(FileSystem& fs, int fd, const SecureBuffer& image) {
  int error = 0;
  size_t done = 0;
  while (error == 0 && done < image.size()) {
    size_t written = 0;
    error = fs.Write(fd, image.data() + done, image.size() - done, &written);
    // A file system that claims more than it was given is broken.
    if (error == 0 && (written == 0 || written > image.size() - done)) error = EIO;
    if (error == 0) done += written;
  }
  if (error == 0) error = fs.SyncFile(fd);
  const int close_error = fs.CloseFile(fd);
  return error != 0 ? error : close_error;
}

}  // namespace

std::string DirectoryFromEnvironment() {
  const char* value = getenv(kDirectoryEnvironmentVariable);
  if (value != nullptr && value[0] != '\0') return value;
  return kDefaultDirectory;
}

std::string KeyFileName(psa_key_id_t id) {
  char name[32];
  snprintf(name, sizeof(name), "key-%08x.psakey", static_cast<unsigned>(id));
  return name;
}

KeyFileStore::KeyFileStore(std::string directory, FileSystem& fs)
    : directory_(std::move(directory)), fs_(fs) {
  while (directory_.size() > 1 && directory_.back() == '/') directory_.pop_back();
}

std::string KeyFileStore::KeyFilePath(psa_key_id_t id) const {
  return directory_ + "/" + KeyFileName(id);
}

psa_status_t KeyFileStore::EnsureDirectory(const std::string& directory, int depth) {
  int error = fs_.MakeDirectory(directory, kDirectoryMode);
  if (error == EEXIST) return depth == 0 ? CheckKeyDirectory() : PSA_SUCCESS;
  if (error == ENOENT && depth < kMaxDirectoryDepth) {
    const std::string parent = ParentDirectory(directory);
    if (parent == directory) return PSA_ERROR_STORAGE_FAILURE;
    const psa_status_t status = EnsureDirectory(parent, depth + 1);
    if (status != PSA_SUCCESS) return status;
    error = fs_.MakeDirectory(directory, kDirectoryMode);
    if (error == EEXIST) return depth == 0 ? CheckKeyDirectory() : PSA_SUCCESS;  // Another process made it.
  }
  if (error != 0) return StatusFromErrno(error);
  // The new directory's own entry must survive a crash too.
  error = fs_.SyncDirectory(ParentDirectory(directory));
  return error == 0 ? PSA_SUCCESS : StatusFromErrno(error);
}

psa_status_t KeyFileStore::Store(const psa_key_attributes_t& attributes, const uint8_t* key_buffer,
                                 size_t key_buffer_length) {
  if (directory_.empty()) return PSA_ERROR_STORAGE_FAILURE;
  SecureBuffer image;
  psa_status_t status = EncodeKeyFile(attributes, key_buffer, key_buffer_length, &image);
  if (status != PSA_SUCCESS) return status;
  status = EnsureDirectory(directory_, 0);
  if (status != PSA_SUCCESS) return status;

  const std::string key_path = KeyFilePath(attributes.id);
  int error = fs_.Exists(key_path);
  if (error == 0) return PSA_ERROR_ALREADY_EXISTS;
  if (error != ENOENT) return StatusFromErrno(error);

  std::string temporary_path;
  int fd = -1;
  for (int attempt = 0; attempt < kMaxTemporaryNameAttempts; ++attempt) {
    temporary_path = directory_ + "/" + NewTemporaryName(attributes.id);
    error = fs_.CreateFile(temporary_path, kKeyFileMode, &fd);
    if (error != EEXIST) break;
  }
  if (error != 0) return StatusFromErrno(error);

  error = WriteAndClose(fs_, fd, image);
  if (error != 0) {
    fs_.Unlink(temporary_path);
    return StatusFromErrno(error);
  }
  error = fs_.RenameNoReplace(temporary_path, key_path);
  if (error != 0) {
    fs_.Unlink(temporary_path);
    return error == EEXIST ? PSA_ERROR_ALREADY_EXISTS : StatusFromErrno(error);
  }
  error = fs_.SyncDirectory(directory_);
  if (error != 0) {
    // The rename may not be durable: do not count the key as stored. Undo
    // it so that the caller's view (no key) and the directory agree.
    fs_.Unlink(key_path);
    fs_.SyncDirectory(directory_);
    return StatusFromErrno(error);
  }
  return PSA_SUCCESS;
}

psa_status_t KeyFileStore::CheckKeyDirectory() {
  return KeyDirectoryStatus(fs_.CheckPrivateDirectory(directory_));
}

psa_status_t KeyFileStore::Load(psa_key_id_t id, psa_key_attributes_t* attributes,
                                SecureBuffer* key_buffer) {
  *attributes = psa_key_attributes_init();
  key_buffer->Clear();
  if (id == PSA_KEY_ID_NULL) return PSA_ERROR_INVALID_ARGUMENT;
  if (directory_.empty()) return PSA_ERROR_STORAGE_FAILURE;
  const int directory_error = fs_.CheckPrivateDirectory(directory_);
  if (directory_error == ENOENT) return PSA_ERROR_DOES_NOT_EXIST;  // no directory: no key
  if (directory_error != 0) return KeyDirectoryStatus(directory_error);
  SecureBuffer image;
  const int error = fs_.ReadFile(KeyFilePath(id), kMaxKeyFileSize, &image);
  switch (error) {
    case 0:
      break;
    case ENOENT:
      return PSA_ERROR_DOES_NOT_EXIST;
    case ENOMEM:
      return PSA_ERROR_INSUFFICIENT_MEMORY;
    default:
      return PSA_ERROR_STORAGE_FAILURE;
  }
  return DecodeKeyFile(id, image.data(), image.size(), attributes, key_buffer);
}

psa_status_t KeyFileStore::Remove(psa_key_id_t id) {
  if (id == PSA_KEY_ID_NULL) return PSA_ERROR_INVALID_ARGUMENT;
  if (directory_.empty()) return PSA_ERROR_STORAGE_FAILURE;
  int error = fs_.Unlink(KeyFilePath(id));
  if (error == ENOENT) return PSA_ERROR_DOES_NOT_EXIST;
  if (error != 0) return StatusFromErrno(error);
  error = fs_.SyncDirectory(directory_);
  return error == 0 ? PSA_SUCCESS : StatusFromErrno(error);
}

psa_status_t KeyFileStore::RemoveStaleTemporaryFiles(size_t* removed_count) {
  if (removed_count != nullptr) *removed_count = 0;
  if (directory_.empty()) return PSA_ERROR_STORAGE_FAILURE;
  std::vector<std::string> names;
  int error = fs_.ListDirectory(directory_, &names);
  if (error == ENOENT) return PSA_SUCCESS;
  if (error != 0) return PSA_ERROR_STORAGE_FAILURE;
  psa_status_t status = PSA_SUCCESS;
  size_t removed = 0;
  for (const std::string& name : names) {
    const pid_t writer = TemporaryFileWriter(name);
    if (writer <= 0 || writer == getpid()) continue;
    // Alive, or alive but not ours to signal (EPERM): leave it.
    if (kill(writer, 0) == 0 || errno != ESRCH) continue;
    error = fs_.Unlink(directory_ + "/" + name);
    if (error == 0) {
      ++removed;
    } else if (error != ENOENT) {
      status = PSA_ERROR_STORAGE_FAILURE;
    }
  }
  if (removed != 0 && fs_.SyncDirectory(directory_) != 0) {
    status = PSA_ERROR_STORAGE_FAILURE;
  }
  if (removed_count != nullptr) *removed_count = removed;
  return status;
}

bool KeyFileStore::Exists(psa_key_id_t id) {
  if (id == PSA_KEY_ID_NULL || directory_.empty()) return false;
  return fs_.Exists(KeyFilePath(id)) == 0;
}

}  // namespace psa::core::storage
