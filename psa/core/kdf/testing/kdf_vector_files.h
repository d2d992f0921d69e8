// Reading the KDF vector files of @cryptography_vectors (Debian's
// python3-cryptography-vectors, KDF/) for the unit tests of this folder.
// Their layout is looser than a CAVP response file (blank lines inside a
// vector, text values): a vector is everything from one "COUNT = n" line to
// the next; "NAME = VALUE" lines are its fields; "[NAME=VALUE]" headers
// apply to the vectors after them; "#" lines and lines whose name is not a
// plain word (the NIST file's indented "Binary rep of i") are skipped.

#ifndef PSA_CORE_KDF_TESTING_KDF_VECTOR_FILES_H_
#define PSA_CORE_KDF_TESTING_KDF_VECTOR_FILES_H_

#include <stdint.h>

#include <map>
#include <string>
#include <vector>

namespace psa::core::kdf::testing {

using Bytes = std::vector<uint8_t>;

struct KdfVector {
  size_t line = 0;  // of its COUNT line
  std::map<std::string, std::string> fields;   // its own, and the headers'
  bool Has(const std::string& name) const { return fields.count(name) != 0; }
  // The value of `name` ("" and a test failure if absent).
  const std::string& Text(const std::string& name) const;
  Bytes Hex(const std::string& name) const;
  uint64_t Number(const std::string& name) const;
  std::string Where() const { return "line " + std::to_string(line); }
};

// The vectors of KDF/<file>; a test failure (and none) if it is missing.
std::vector<KdfVector> LoadKdfFile(const std::string& file);

std::string ToHex(const Bytes& bytes);
Bytes FromHex(const std::string& hex);

}  // namespace psa::core::kdf::testing

#endif  // PSA_CORE_KDF_TESTING_KDF_VECTOR_FILES_H_
