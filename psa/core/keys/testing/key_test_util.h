// Helpers shared by the key store's tests: a fresh key store over a fresh
// storage directory, attributes, and key bytes.

#ifndef PSA_CORE_KEYS_TESTING_KEY_TEST_UTIL_H_
#define PSA_CORE_KEYS_TESTING_KEY_TEST_UTIL_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "psa/core/keys/key_store.h"
#include "psa/core/storage/file_system.h"
#include "psa/crypto.h"

namespace psa::core::keys::testing {

using Bytes = std::vector<uint8_t>;

// Points PSA_CRYPTO_STORAGE_DIR at a new, empty directory under
// $TEST_TMPDIR (or /tmp), replaces the process-wide key store by an empty
// one of `slot_count` slots over that directory (through `file_system`,
// null: the real one), and initializes the library. Returns the directory.
// Aborts the test binary if any step fails.
std::string ResetKeyStore(size_t slot_count = kDefaultKeySlotCount,
                          storage::FileSystem* file_system = nullptr);

// Attributes of a key in local storage: volatile, or persistent with `id`
// if it is not PSA_KEY_ID_NULL.
psa_key_attributes_t MakeAttributes(psa_key_type_t type, size_t bits,
                                    psa_key_usage_t usage,
                                    psa_algorithm_t alg,
                                    psa_key_id_t id = PSA_KEY_ID_NULL);

// `size` bytes that depend on `seed`.
Bytes PatternBytes(size_t size, uint32_t seed);

// Imports `data` as a key of `type` (size deduced) with `usage` and `alg`;
// aborts the current test (ADD_FAILURE + PSA_KEY_ID_NULL) on failure.
psa_key_id_t ImportOrFail(const psa_key_attributes_t& attributes,
                          const Bytes& data);

// psa_export_key into a buffer of `buffer_size` bytes; on success *out holds
// exactly the exported bytes.
psa_status_t ExportKey(psa_key_id_t key, Bytes* out, size_t buffer_size = 4096);
psa_status_t ExportPublicKey(psa_key_id_t key, Bytes* out,
                             size_t buffer_size = 4096);

// Whether the key file of `id` exists in `directory`.
bool KeyFileExists(const std::string& directory, psa_key_id_t id);

}  // namespace psa::core::keys::testing

#endif  // PSA_CORE_KEYS_TESTING_KEY_TEST_UTIL_H_
