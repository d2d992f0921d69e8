#include "psa/core/kdf/testing/kdf_vector_files.h"

#include <gtest/gtest.h>

#include <cctype>
#include <sstream>

#include "tests/vectors/hex.h"
#include "tests/vectors/test_files.h"

namespace psa::core::kdf::testing {
namespace {

std::string Trim(const std::string& text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

bool IsWord(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

}  // namespace

const std::string& KdfVector::Text(const std::string& name) const {
  static const std::string kEmpty;
  auto it = fields.find(name);
  if (it == fields.end()) {
    ADD_FAILURE() << Where() << ": no field " << name;
    return kEmpty;
  }
  return it->second;
}

Bytes KdfVector::Hex(const std::string& name) const { return FromHex(Text(name)); }

uint64_t KdfVector::Number(const std::string& name) const { return std::stoull(Text(name)); }

std::vector<KdfVector> LoadKdfFile(const std::string& file) {
  std::string error;
  const std::string path = tests::vectors::RunfilePath("cryptography_vectors", "KDF/" + file, &error);
  std::string text;
  std::vector<KdfVector> vectors;
  if (path.empty() || !tests::vectors::ReadWholeFile(path, &text, &error)) {
    ADD_FAILURE() << error;
    return vectors;
  }
  std::map<std::string, std::string> headers;
  std::istringstream lines(text);
  size_t number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    if (trimmed.front() == '[' && trimmed.back() == ']') {
      const std::string inside = trimmed.substr(1, trimmed.size() - 2);
      const size_t equals = inside.find('=');
      if (equals != std::string::npos) headers[Trim(inside.substr(0, equals))] = Trim(inside.substr(equals + 1));
      continue;
    }
    const size_t equals = trimmed.find('=');
    if (equals == std::string::npos) continue;
    const std::string name = Trim(trimmed.substr(0, equals));
    if (!IsWord(name)) continue;
    const std::string value = Trim(trimmed.substr(equals + 1));
    if (name == "COUNT") {
      vectors.emplace_back();
      vectors.back().line = number;
      vectors.back().fields = headers;
    }
    if (!vectors.empty()) vectors.back().fields[name] = value;
  }
  if (vectors.empty()) ADD_FAILURE() << file << ": no vectors";
  return vectors;
}

std::string ToHex(const Bytes& bytes) { return tests::vectors::EncodeHex(bytes); }

Bytes FromHex(const std::string& hex) {
  Bytes bytes;
  if (!tests::vectors::DecodeHex(hex, &bytes)) ADD_FAILURE() << "bad hex " << hex;
  return bytes;
}

}  // namespace psa::core::kdf::testing
