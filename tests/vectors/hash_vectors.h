// Hash known-answer vectors from a JSON data file (testdata/hash_vectors.json)
// and what the suites of this folder share: the hash algorithms under test by
// name, hex conversion, and the data file's place in the test's runfiles.

#ifndef TESTS_VECTORS_HASH_VECTORS_H_
#define TESTS_VECTORS_HASH_VECTORS_H_

#include <stddef.h>
#include <stdint.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "psa/crypto.h"

namespace tests::vectors {

// A hash algorithm as the data file names it ("SHA-256") with its PSA value.
struct HashAlgorithm {
  const char* name;
  psa_algorithm_t alg;
};

// The hash algorithms of the builtin driver, which every build of this suite
// must serve: MD5, RIPEMD-160, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512.
const std::vector<HashAlgorithm>& HashAlgorithms();

// The algorithm named `name` in HashAlgorithms(), or nullptr.
const HashAlgorithm* FindHashAlgorithm(std::string_view name);

// One known-answer vector, with its message expanded.
struct HashVector {
  std::string algorithm;  // as in the data file, e.g. "SHA-256"
  psa_algorithm_t alg = 0;
  std::vector<uint8_t> message;
  std::vector<uint8_t> digest;
  std::string source;  // the document that publishes the vector
  size_t index = 0;    // position in the data file's "vectors" array
};

// "SHA-256 vector #31 (3 bytes; <source>)": what a failure message shows.
std::string Describe(const HashVector& vector);

// A GoogleTest parameter name: "SHA_256_31".
std::string ParamName(const HashVector& vector);

// How GoogleTest prints the parameters (not the whole message).
void PrintTo(const HashAlgorithm& algorithm, std::ostream* out);
void PrintTo(const HashVector& vector, std::ostream* out);

// Parses the data file's JSON text (format: the file's "_comment"). Every
// vector must name a known algorithm, a printable-ASCII message, a repeat
// count from 1 to 10^8, a lowercase hex digest of the algorithm's length and
// a non-empty source; unknown properties are errors. On failure returns false
// with *error naming the vector and the problem, and leaves *vectors empty.
bool ParseHashVectors(std::string_view json_text,
                      std::vector<HashVector>* vectors, std::string* error);

// The data file in this test's runfiles
// ($TEST_SRCDIR/$TEST_WORKSPACE/tests/vectors/testdata/hash_vectors.json).
// Empty, with *error set, outside `bazel test`.
std::string HashVectorFilePath(std::string* error);

// Reads and parses the data file, as ParseHashVectors.
bool LoadHashVectors(std::vector<HashVector>* vectors, std::string* error);

// The data file's vectors, loaded once per process. When the file cannot be
// loaded the result is empty and LoadError() says why.
const std::vector<HashVector>& AllHashVectors();
const std::string& LoadError();

// AllHashVectors() with messages of at most `max_length` bytes.
std::vector<HashVector> HashVectorsUpTo(size_t max_length);

// Lowercase hex; and its inverse, which accepts lowercase digits only and
// returns false on anything else (an odd length included).
std::string ToHex(const uint8_t* data, size_t size);
std::string ToHex(const std::vector<uint8_t>& bytes);
bool FromHex(std::string_view hex, std::vector<uint8_t>* bytes);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_HASH_VECTORS_H_
