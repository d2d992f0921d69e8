#include "psa/core/keys/testing/key_test_util.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>

#include "psa/core/storage/key_file_store.h"

namespace psa::core::keys::testing {

std::string ResetKeyStore(size_t slot_count,
                          storage::FileSystem* file_system) {
  static std::atomic<int> counter{0};
  const char* tmp = getenv("TEST_TMPDIR");
  std::string base = (tmp != nullptr && tmp[0] != '\0') ? tmp : "/tmp";
  std::string directory = base + "/keys-" + std::to_string(getpid()) + "-" +
                          std::to_string(counter.fetch_add(1));
  // The key storage creates the directory itself; it must not exist yet.
  struct stat st;
  if (stat(directory.c_str(), &st) == 0) {
    fprintf(stderr, "test directory %s exists already\n", directory.c_str());
    abort();
  }
  if (setenv(storage::kDirectoryEnvironmentVariable, directory.c_str(), 1) !=
      0) {
    abort();
  }
  ResetGlobalKeyStoreForTesting(slot_count, file_system);
  if (psa_crypto_init() != PSA_SUCCESS) {
    fprintf(stderr, "psa_crypto_init failed\n");
    abort();
  }
  return directory;
}

psa_key_attributes_t MakeAttributes(psa_key_type_t type, size_t bits,
                                    psa_key_usage_t usage,
                                    psa_algorithm_t alg, psa_key_id_t id) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  psa_set_key_usage_flags(&attributes, usage);
  psa_set_key_algorithm(&attributes, alg);
  if (id != PSA_KEY_ID_NULL) psa_set_key_id(&attributes, id);
  return attributes;
}

Bytes PatternBytes(size_t size, uint32_t seed) {
  Bytes bytes(size);
  uint32_t state = seed * 2654435761u + 1;
  for (size_t i = 0; i < size; ++i) {
    state = state * 1103515245u + 12345u;
    bytes[i] = static_cast<uint8_t>(state >> 24);
  }
  return bytes;
}

psa_key_id_t ImportOrFail(const psa_key_attributes_t& attributes,
                          const Bytes& data) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  const psa_status_t status =
      psa_import_key(&attributes, data.data(), data.size(), &key);
  if (status != PSA_SUCCESS) {
    ADD_FAILURE() << "psa_import_key failed with " << status;
    return PSA_KEY_ID_NULL;
  }
  return key;
}

psa_status_t ExportKey(psa_key_id_t key, Bytes* out, size_t buffer_size) {
  out->assign(buffer_size, 0);
  size_t length = 0;
  const psa_status_t status =
      psa_export_key(key, out->data(), out->size(), &length);
  out->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

psa_status_t ExportPublicKey(psa_key_id_t key, Bytes* out,
                             size_t buffer_size) {
  out->assign(buffer_size, 0);
  size_t length = 0;
  const psa_status_t status =
      psa_export_public_key(key, out->data(), out->size(), &length);
  out->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

bool KeyFileExists(const std::string& directory, psa_key_id_t id) {
  struct stat st;
  return stat((directory + "/" + storage::KeyFileName(id)).c_str(), &st) == 0;
}

}  // namespace psa::core::keys::testing
