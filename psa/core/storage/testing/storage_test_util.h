// Helpers shared by the storage tests: scratch directories under
// $TEST_TMPDIR, raw file access, and attributes.

#ifndef PSA_CORE_STORAGE_TESTING_STORAGE_TEST_UTIL_H_
#define PSA_CORE_STORAGE_TESTING_STORAGE_TEST_UTIL_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "psa/crypto.h"

namespace psa::core::storage::testing {

// A path under $TEST_TMPDIR (or /tmp) that no other call of this process
// returned and that does not exist yet: the store must create it.
std::string NewTestDirectory(const std::string& label);

// Names in `directory` (without "." and ".."), sorted; empty if it does not
// exist.
std::vector<std::string> ListDirectory(const std::string& directory);

// Whole-file read and replace (truncating); abort the test on I/O errors.
std::vector<uint8_t> ReadBytes(const std::string& path);
void WriteBytes(const std::string& path, const std::vector<uint8_t>& bytes);

// Attributes of a persistent key with every field set.
psa_key_attributes_t PersistentAttributes(psa_key_id_t id, psa_key_type_t type, size_t bits,
                                          psa_key_usage_t usage, psa_algorithm_t alg);

// `size` bytes that depend on `seed` (distinct seeds, distinct bytes).
std::vector<uint8_t> PatternBytes(size_t size, uint32_t seed);

// Recomputes the trailing SHA-256 of a key file image that a test altered,
// with the public psa_hash_compute (not the code under test), so that only
// the field under test makes the file invalid. False if the image is shorter
// than a checksum or the hash fails. Inline: only binaries that link the PSA
// library reference psa_hash_compute.
inline bool Reseal(std::vector<uint8_t>& image) {
  constexpr size_t kChecksumSize = 32;
  if (image.size() < kChecksumSize) return false;
  const size_t covered = image.size() - kChecksumSize;
  size_t length = 0;
  return psa_hash_compute(PSA_ALG_SHA_256, image.data(), covered, image.data() + covered,
                          kChecksumSize, &length) == PSA_SUCCESS &&
         length == kChecksumSize;
}

}  // namespace psa::core::storage::testing

#endif  // PSA_CORE_STORAGE_TESTING_STORAGE_TEST_UTIL_H_
