#include "tests/vectors/test_files.h"

#include <stdlib.h>

#include <fstream>
#include <iterator>

namespace tests::vectors {

std::string RunfilePath(std::string_view repository, std::string_view path,
                        std::string* error) {
  const char* srcdir = getenv("TEST_SRCDIR");
  const char* workspace = getenv("TEST_WORKSPACE");
  if (srcdir == nullptr || workspace == nullptr) {
    *error =
        "TEST_SRCDIR or TEST_WORKSPACE is not set: run the test with "
        "`bazel test`";
    return "";
  }
  return std::string(srcdir) + "/" +
         (repository.empty() ? std::string(workspace)
                             : std::string(repository)) +
         "/" + std::string(path);
}

bool ReadWholeFile(const std::string& path, std::string* text,
                   std::string* error) {
  text->clear();
  std::ifstream file(path, std::ios::binary);
  if (!file.is_open()) {
    *error = path + ": cannot open";
    return false;
  }
  text->assign(std::istreambuf_iterator<char>(file),
               std::istreambuf_iterator<char>());
  if (file.bad()) {
    text->clear();
    *error = path + ": cannot read";
    return false;
  }
  return true;
}

}  // namespace tests::vectors
