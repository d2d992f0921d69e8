// A command-line client of KeyFileStore for the multi-process test
// (two_process_test.sh): each invocation is a new process that stores,
// verifies or removes a range of keys in $PSA_CRYPTO_STORAGE_DIR.
//
//   key_file_tool write  FIRST COUNT [TAG]  store; every Store must succeed
//   key_file_tool race   FIRST COUNT TAG    store; prints "<id> stored" or
//                                           "<id> exists" per key
//   key_file_tool verify FIRST COUNT [TAG]  load; must equal what `write`
//                                           with TAG stored
//   key_file_tool remove FIRST COUNT        remove; every Remove must succeed
//   key_file_tool status ID                 prints the status of Load(ID)
//   key_file_tool crash ID [TAG]            stores, but the process dies
//                                           (_exit(3)) just before the rename,
//                                           as if killed: leaves a temporary file
//   key_file_tool clean                     RemoveStaleTemporaryFiles; prints
//                                           how many files it removed
//
// The key of (id, tag) and its attributes are a fixed function of both, so
// that a reader knows what a writer stored. Exit status 0 on success, 1 on a
// mismatch or unexpected status, 2 on bad usage.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "psa/core/storage/key_file_store.h"
#include "psa/core/storage/testing/storage_test_util.h"
#include "psa/crypto.h"

namespace {

using ::psa::core::SecureBuffer;
using ::psa::core::storage::DirectoryFromEnvironment;
using ::psa::core::storage::KeyFileStore;
using ::psa::core::storage::testing::PatternBytes;
using ::psa::core::storage::testing::PersistentAttributes;

std::vector<uint8_t> ExpectedKey(psa_key_id_t id, uint32_t tag) {
  return PatternBytes(1 + (id * 37 + tag) % 300, id * 131 + tag);
}

psa_key_attributes_t ExpectedAttributes(psa_key_id_t id, uint32_t tag) {
  return PersistentAttributes(id, PSA_KEY_TYPE_RAW_DATA, 8 * ExpectedKey(id, tag).size(),
                              PSA_KEY_USAGE_EXPORT | tag, PSA_ALG_HMAC(PSA_ALG_SHA_256));
}

// The real file system, except that the process dies where a crash would
// leave a complete temporary file and no key file.
class DieBeforeRename final : public ::psa::core::storage::FileSystem {
 public:
  int MakeDirectory(const std::string& path, mode_t mode) override {
    return real_.MakeDirectory(path, mode);
  }
  int CreateFile(const std::string& path, mode_t mode, int* fd) override {
    return real_.CreateFile(path, mode, fd);
  }
  int Write(int fd, const uint8_t* data, size_t size, size_t* written) override {
    return real_.Write(fd, data, size, written);
  }
  int SyncFile(int fd) override { return real_.SyncFile(fd); }
  int CloseFile(int fd) override { return real_.CloseFile(fd); }
  int RenameNoReplace(const std::string&, const std::string&) override { _exit(3); }
  int SyncDirectory(const std::string& path) override { return real_.SyncDirectory(path); }
  int ReadFile(const std::string& path, size_t max_size, SecureBuffer* contents) override {
    return real_.ReadFile(path, max_size, contents);
  }
  int Unlink(const std::string& path) override { return real_.Unlink(path); }
  int ListDirectory(const std::string& path, std::vector<std::string>* names) override {
    return real_.ListDirectory(path, names);
  }
  int Exists(const std::string& path) override { return real_.Exists(path); }
  int CheckPrivateDirectory(const std::string& path) override { return real_.CheckPrivateDirectory(path); }

 private:
  ::psa::core::storage::FileSystem& real_ = ::psa::core::storage::RealFileSystem();
};

bool SameAttributes(const psa_key_attributes_t& a, const psa_key_attributes_t& b) {
  return psa_get_key_id(&a) == psa_get_key_id(&b) &&
         psa_get_key_lifetime(&a) == psa_get_key_lifetime(&b) &&
         psa_get_key_type(&a) == psa_get_key_type(&b) &&
         psa_get_key_bits(&a) == psa_get_key_bits(&b) &&
         psa_get_key_usage_flags(&a) == psa_get_key_usage_flags(&b) &&
         psa_get_key_algorithm(&a) == psa_get_key_algorithm(&b);
}

bool ParseNumber(const char* text, uint32_t* value) {
  char* end = nullptr;
  const unsigned long parsed = strtoul(text, &end, 0);
  if (end == text || *end != '\0' || parsed > 0xffffffffUL) return false;
  *value = static_cast<uint32_t>(parsed);
  return true;
}

int Usage() {
  fprintf(stderr,
          "usage: key_file_tool write|race|verify FIRST COUNT [TAG]\n"
          "       key_file_tool remove FIRST COUNT\n"
          "       key_file_tool status ID\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string command = argv[1];
  const bool single = command == "status" || command == "crash";
  uint32_t first = 0, count = 1, tag = 0;
  if (command != "clean" && (argc < 3 || !ParseNumber(argv[2], &first))) return Usage();
  if (!single && command != "clean" && (argc < 4 || !ParseNumber(argv[3], &count))) {
    return Usage();
  }
  const int tag_index = single ? 3 : 4;
  if (argc > tag_index && !ParseNumber(argv[tag_index], &tag)) return Usage();

  if (psa_crypto_init() != PSA_SUCCESS) {
    fprintf(stderr, "psa_crypto_init failed\n");
    return 1;
  }
  KeyFileStore store(DirectoryFromEnvironment());

  if (command == "status") {
    psa_key_attributes_t attributes;
    SecureBuffer key;
    printf("%d\n", static_cast<int>(store.Load(first, &attributes, &key)));
    return 0;
  }

  if (command == "clean") {
    size_t removed = 0;
    const psa_status_t status = store.RemoveStaleTemporaryFiles(&removed);
    printf("%zu\n", removed);
    return status == PSA_SUCCESS ? 0 : 1;
  }

  if (command == "crash") {
    DieBeforeRename dying;
    const std::vector<uint8_t> key = ExpectedKey(first, tag);
    KeyFileStore(DirectoryFromEnvironment(), dying)
        .Store(ExpectedAttributes(first, tag), key.data(), key.size());
    fprintf(stderr, "crash: the store did not reach the rename\n");
    return 1;
  }

  int failures = 0;
  for (uint32_t i = 0; i < count; ++i) {
    const psa_key_id_t id = first + i;
    if (command == "write" || command == "race") {
      const std::vector<uint8_t> key = ExpectedKey(id, tag);
      const psa_status_t status = store.Store(ExpectedAttributes(id, tag), key.data(), key.size());
      if (command == "race" && (status == PSA_SUCCESS || status == PSA_ERROR_ALREADY_EXISTS)) {
        printf("%u %s\n", static_cast<unsigned>(id), status == PSA_SUCCESS ? "stored" : "exists");
      } else if (status != PSA_SUCCESS) {
        fprintf(stderr, "Store(%u): status %d\n", static_cast<unsigned>(id),
                static_cast<int>(status));
        ++failures;
      }
    } else if (command == "verify") {
      psa_key_attributes_t attributes;
      SecureBuffer key;
      const psa_status_t status = store.Load(id, &attributes, &key);
      const std::vector<uint8_t> expected = ExpectedKey(id, tag);
      if (status != PSA_SUCCESS) {
        fprintf(stderr, "Load(%u): status %d\n", static_cast<unsigned>(id),
                static_cast<int>(status));
        ++failures;
      } else if (!SameAttributes(attributes, ExpectedAttributes(id, tag)) ||
                 key.size() != expected.size() ||
                 memcmp(key.data(), expected.data(), expected.size()) != 0) {
        fprintf(stderr, "Load(%u): not the key that was stored\n", static_cast<unsigned>(id));
        ++failures;
      }
    } else if (command == "remove") {
      const psa_status_t status = store.Remove(id);
      if (status != PSA_SUCCESS) {
        fprintf(stderr, "Remove(%u): status %d\n", static_cast<unsigned>(id),
                static_cast<int>(status));
        ++failures;
      }
    } else {
      return Usage();
    }
  }
  return failures == 0 ? 0 : 1;
}
