// Where a test's data files are, and reading them: files of this workspace
// (tests/vectors/testdata/) and of the external repositories that wrap
// Debian's vector packages (@cryptography_vectors), both in the runfiles of
// `bazel test`.

#ifndef TESTS_VECTORS_TEST_FILES_H_
#define TESTS_VECTORS_TEST_FILES_H_

#include <string>
#include <string_view>

namespace tests::vectors {

// The runfiles path of `path` in `repository`: "" is this workspace
// ($TEST_SRCDIR/$TEST_WORKSPACE/path), another name an external repository
// ($TEST_SRCDIR/<repository>/path). Empty, with *error set, outside
// `bazel test` (TEST_SRCDIR or TEST_WORKSPACE unset).
std::string RunfilePath(std::string_view repository, std::string_view path,
                        std::string* error);

// Reads the whole file at `path` into *text. On failure returns false with
// *error naming the path and the problem.
bool ReadWholeFile(const std::string& path, std::string* text,
                   std::string* error);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_TEST_FILES_H_
