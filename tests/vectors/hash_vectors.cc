#include "tests/vectors/hash_vectors.h"

#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

namespace tests::vectors {
namespace {

using nlohmann::json;

// Long enough for "one million times 'a'" and far beyond; short enough that a
// typo in the file (an extra digit) does not exhaust memory.
constexpr uint64_t kMaxRepeat = 100000000;

bool IsPrintableAscii(const std::string& text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

// Parses vectors[index] into *vector; on failure sets *error (without the
// "vectors[index]" prefix, which the caller adds).
bool ParseVector(const json& entry, size_t index, HashVector* vector,
                 std::string* error) {
  if (!entry.is_object()) {
    *error = "is not an object";
    return false;
  }
  for (const auto& item : entry.items()) {
    const std::string& key = item.key();
    if (key != "algorithm" && key != "message" && key != "repeat" &&
        key != "digest" && key != "source") {
      *error = "unknown property \"" + key +
               "\" (expected algorithm, message, repeat, digest, source)";
      return false;
    }
  }
  for (const char* key : {"algorithm", "message", "digest", "source"}) {
    if (!entry.contains(key) || !entry[key].is_string()) {
      *error = std::string("\"") + key + "\" must be a string";
      return false;
    }
  }

  const std::string algorithm = entry["algorithm"].get<std::string>();
  const HashAlgorithm* known = FindHashAlgorithm(algorithm);
  if (known == nullptr) {
    *error = "unknown algorithm \"" + algorithm + "\"";
    return false;
  }

  const std::string message = entry["message"].get<std::string>();
  if (!IsPrintableAscii(message)) {
    *error = "\"message\" must be printable ASCII";
    return false;
  }
  uint64_t repeat = 1;
  if (entry.contains("repeat")) {
    const json& value = entry["repeat"];
    if (!value.is_number_unsigned() || value.get<uint64_t>() < 1 ||
        value.get<uint64_t>() > kMaxRepeat) {
      *error = "\"repeat\" must be an integer from 1 to " +
               std::to_string(kMaxRepeat);
      return false;
    }
    repeat = value.get<uint64_t>();
  }

  std::vector<uint8_t> digest;
  const std::string digest_hex = entry["digest"].get<std::string>();
  if (!FromHex(digest_hex, &digest)) {
    *error = "\"digest\" must be lowercase hex digit pairs, got \"" +
             digest_hex + "\"";
    return false;
  }
  if (digest.size() != PSA_HASH_LENGTH(known->alg)) {
    *error = "\"digest\" of " + algorithm + " must be " +
             std::to_string(PSA_HASH_LENGTH(known->alg)) + " bytes, got " +
             std::to_string(digest.size());
    return false;
  }

  const std::string source = entry["source"].get<std::string>();
  if (source.empty()) {
    *error = "\"source\" must name the document that publishes the vector";
    return false;
  }

  vector->algorithm = algorithm;
  vector->alg = known->alg;
  vector->message.clear();
  vector->message.reserve(message.size() * repeat);
  for (uint64_t i = 0; i < repeat; ++i) {
    vector->message.insert(vector->message.end(), message.begin(),
                           message.end());
  }
  vector->digest = std::move(digest);
  vector->source = source;
  vector->index = index;
  return true;
}

}  // namespace

const std::vector<HashAlgorithm>& HashAlgorithms() {
  static const std::vector<HashAlgorithm> algorithms = {
      {"MD5", PSA_ALG_MD5},         {"RIPEMD-160", PSA_ALG_RIPEMD160},
      {"SHA-1", PSA_ALG_SHA_1},     {"SHA-224", PSA_ALG_SHA_224},
      {"SHA-256", PSA_ALG_SHA_256}, {"SHA-384", PSA_ALG_SHA_384},
      {"SHA-512", PSA_ALG_SHA_512},
  };
  return algorithms;
}

const HashAlgorithm* FindHashAlgorithm(std::string_view name) {
  for (const HashAlgorithm& algorithm : HashAlgorithms()) {
    if (name == algorithm.name) return &algorithm;
  }
  return nullptr;
}

std::string Describe(const HashVector& vector) {
  std::ostringstream out;
  out << vector.algorithm << " vector #" << vector.index << " ("
      << vector.message.size() << " bytes; " << vector.source << ")";
  return out.str();
}

void PrintTo(const HashAlgorithm& algorithm, std::ostream* out) {
  *out << algorithm.name;
}

void PrintTo(const HashVector& vector, std::ostream* out) {
  *out << Describe(vector);
}

std::string ParamName(const HashVector& vector) {
  std::string name;
  for (char c : vector.algorithm) {
    name.push_back((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
  }
  return name + "_" + std::to_string(vector.index);
}

bool ParseHashVectors(std::string_view json_text,
                      std::vector<HashVector>* vectors, std::string* error) {
  vectors->clear();
  const json document =
      json::parse(json_text.begin(), json_text.end(), /*cb=*/nullptr,
                  /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    *error = "not valid JSON";
    return false;
  }
  if (!document.is_object() || !document.contains("vectors") ||
      !document["vectors"].is_array()) {
    *error = "the top level must be an object with a \"vectors\" array";
    return false;
  }
  for (const auto& item : document.items()) {
    if (item.key() != "vectors" && item.key() != "_comment") {
      *error = "unknown top-level property \"" + item.key() +
               "\" (expected vectors, _comment)";
      return false;
    }
  }
  const json& entries = document["vectors"];
  if (entries.empty()) {
    *error = "\"vectors\" is empty";
    return false;
  }
  std::vector<HashVector> parsed(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    std::string problem;
    if (!ParseVector(entries[i], i, &parsed[i], &problem)) {
      *error = "vectors[" + std::to_string(i) + "]: " + problem;
      return false;
    }
  }
  *vectors = std::move(parsed);
  return true;
}

std::string HashVectorFilePath(std::string* error) {
  const char* srcdir = getenv("TEST_SRCDIR");
  const char* workspace = getenv("TEST_WORKSPACE");
  if (srcdir == nullptr || workspace == nullptr) {
    *error =
        "TEST_SRCDIR or TEST_WORKSPACE is not set: run the test with "
        "`bazel test`";
    return "";
  }
  return std::string(srcdir) + "/" + workspace +
         "/tests/vectors/testdata/hash_vectors.json";
}

bool LoadHashVectors(std::vector<HashVector>* vectors, std::string* error) {
  vectors->clear();
  const std::string path = HashVectorFilePath(error);
  if (path.empty()) return false;
  std::ifstream file(path, std::ios::binary);
  if (!file.is_open()) {
    *error = path + ": cannot open";
    return false;
  }
  const std::string text((std::istreambuf_iterator<char>(file)),
                         std::istreambuf_iterator<char>());
  if (file.bad()) {
    *error = path + ": cannot read";
    return false;
  }
  if (!ParseHashVectors(text, vectors, error)) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

namespace {

struct LoadedVectors {
  std::vector<HashVector> vectors;
  std::string error;
};

const LoadedVectors& Loaded() {
  static const LoadedVectors* loaded = [] {
    auto* result = new LoadedVectors;
    LoadHashVectors(&result->vectors, &result->error);
    return result;
  }();
  return *loaded;
}

}  // namespace

const std::vector<HashVector>& AllHashVectors() { return Loaded().vectors; }

const std::string& LoadError() { return Loaded().error; }

std::vector<HashVector> HashVectorsUpTo(size_t max_length) {
  std::vector<HashVector> selected;
  for (const HashVector& vector : AllHashVectors()) {
    if (vector.message.size() <= max_length) selected.push_back(vector);
  }
  return selected;
}

std::string ToHex(const uint8_t* data, size_t size) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * size);
  for (size_t i = 0; i < size; ++i) {
    hex.push_back(kDigits[data[i] >> 4]);
    hex.push_back(kDigits[data[i] & 0x0f]);
  }
  return hex;
}

std::string ToHex(const std::vector<uint8_t>& bytes) {
  return ToHex(bytes.data(), bytes.size());
}

bool FromHex(std::string_view hex, std::vector<uint8_t>* bytes) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  bytes->clear();
  if (hex.size() % 2 != 0) return false;
  std::vector<uint8_t> decoded(hex.size() / 2);
  for (size_t i = 0; i < decoded.size(); ++i) {
    const int high = digit(hex[2 * i]);
    const int low = digit(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    decoded[i] = static_cast<uint8_t>(high * 16 + low);
  }
  *bytes = std::move(decoded);
  return true;
}

}  // namespace tests::vectors
