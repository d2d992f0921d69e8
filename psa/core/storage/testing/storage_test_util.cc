#include "psa/core/storage/testing/storage_test_util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>

namespace psa::core::storage::testing {
namespace {

[[noreturn]] void Die(const char* what, const std::string& path) {
  fprintf(stderr, "storage test helper: %s %s: %s\n", what, path.c_str(), strerror(errno));
  abort();
}

}  // namespace

std::string NewTestDirectory(const std::string& label) {
  static std::atomic<int> counter{0};
  const char* root = getenv("TEST_TMPDIR");
  std::string path = (root != nullptr && root[0] != '\0') ? root : "/tmp";
  path += "/" + label + "-" + std::to_string(getpid()) + "-" + std::to_string(counter.fetch_add(1));
  return path;
}

std::vector<std::string> ListDirectory(const std::string& directory) {
  std::vector<std::string> names;
  DIR* dir = opendir(directory.c_str());
  if (dir == nullptr) {
    if (errno == ENOENT) return names;
    Die("opendir", directory);
  }
  while (const dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<uint8_t> ReadBytes(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) Die("open", path);
  std::vector<uint8_t> bytes;
  uint8_t chunk[4096];
  for (;;) {
    const ssize_t n = read(fd, chunk, sizeof(chunk));
    if (n < 0) Die("read", path);
    if (n == 0) break;
    bytes.insert(bytes.end(), chunk, chunk + n);
  }
  close(fd);
  return bytes;
}

void WriteBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) Die("open", path);
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) Die("write", path);
    done += static_cast<size_t>(n);
  }
  if (close(fd) != 0) Die("close", path);
}

psa_key_attributes_t PersistentAttributes(psa_key_id_t id, psa_key_type_t type, size_t bits,
                                          psa_key_usage_t usage, psa_algorithm_t alg) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_id(&attributes, id);
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  psa_set_key_usage_flags(&attributes, usage);
  psa_set_key_algorithm(&attributes, alg);
  return attributes;
}

std::vector<uint8_t> PatternBytes(size_t size, uint32_t seed) {
  // xorshift32; any nonzero state.
  uint32_t state = seed * 2654435761u + 1;
  if (state == 0) state = 1;
  std::vector<uint8_t> bytes(size);
  for (uint8_t& byte : bytes) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    byte = static_cast<uint8_t>(state >> 24);
  }
  return bytes;
}

}  // namespace psa::core::storage::testing
