#include "psa/core/storage/testing/faulty_file_system.h"

#include <algorithm>

namespace psa::core::storage::testing {

const char* CallName(Call call) {
  switch (call) {
    case Call::kMakeDirectory:
      return "MakeDirectory";
    case Call::kCreateFile:
      return "CreateFile";
    case Call::kWrite:
      return "Write";
    case Call::kSyncFile:
      return "SyncFile";
    case Call::kCloseFile:
      return "CloseFile";
    case Call::kRenameNoReplace:
      return "RenameNoReplace";
    case Call::kSyncDirectory:
      return "SyncDirectory";
    case Call::kReadFile:
      return "ReadFile";
    case Call::kUnlink:
      return "Unlink";
    case Call::kListDirectory:
      return "ListDirectory";
    case Call::kExists:
      return "Exists";
    case Call::kCheckPrivateDirectory:
      return "CheckPrivateDirectory";
  }
  return "?";
}

void FaultyFileSystem::FailAt(Call call, int occurrence, int error) {
  faults_.push_back({call, occurrence, error});
}

int FaultyFileSystem::Begin(Call call) {
  const int count = ++counts_[static_cast<size_t>(call)];
  for (const Fault& fault : faults_) {
    if (fault.call == call && fault.occurrence == count) return fault.error;
  }
  return 0;
}

int FaultyFileSystem::MakeDirectory(const std::string& path, mode_t mode) {
  if (int error = Begin(Call::kMakeDirectory)) return error;
  return real_.MakeDirectory(path, mode);
}

int FaultyFileSystem::CreateFile(const std::string& path, mode_t mode, int* fd) {
  if (int error = Begin(Call::kCreateFile)) return error;
  return real_.CreateFile(path, mode, fd);
}

int FaultyFileSystem::Write(int fd, const uint8_t* data, size_t size, size_t* written) {
  if (int error = Begin(Call::kWrite)) return error;
  if (max_write_size_ != 0) size = std::min(size, max_write_size_);
  return real_.Write(fd, data, size, written);
}

int FaultyFileSystem::SyncFile(int fd) {
  if (int error = Begin(Call::kSyncFile)) return error;
  return real_.SyncFile(fd);
}

int FaultyFileSystem::CloseFile(int fd) {
  const int error = Begin(Call::kCloseFile);
  const int real_error = real_.CloseFile(fd);
  return error != 0 ? error : real_error;
}

int FaultyFileSystem::RenameNoReplace(const std::string& from, const std::string& to) {
  if (int error = Begin(Call::kRenameNoReplace)) return error;
  return real_.RenameNoReplace(from, to);
}

int FaultyFileSystem::SyncDirectory(const std::string& path) {
  if (int error = Begin(Call::kSyncDirectory)) return error;
  return real_.SyncDirectory(path);
}

int FaultyFileSystem::ReadFile(const std::string& path, size_t max_size, SecureBuffer* contents) {
  if (int error = Begin(Call::kReadFile)) {
    contents->Clear();
    return error;
  }
  return real_.ReadFile(path, max_size, contents);
}

int FaultyFileSystem::Unlink(const std::string& path) {
  if (int error = Begin(Call::kUnlink)) return error;
  return real_.Unlink(path);
}

int FaultyFileSystem::ListDirectory(const std::string& path, std::vector<std::string>* names) {
  if (int error = Begin(Call::kListDirectory)) {
    names->clear();
    return error;
  }
  return real_.ListDirectory(path, names);
}

int FaultyFileSystem::Exists(const std::string& path) {
  if (int error = Begin(Call::kExists)) return error;
  return real_.Exists(path);
}

int FaultyFileSystem::CheckPrivateDirectory(const std::string& path) {
  if (int error = Begin(Call::kCheckPrivateDirectory)) return error;
  return real_.CheckPrivateDirectory(path);
}

}  // namespace psa::core::storage::testing
