#include "tests/vectors/wycheproof_vectors.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tests/vectors/hex.h"
#include "tests/vectors/test_files.h"

namespace tests::vectors {
namespace {

using nlohmann::json;

bool IsLowercaseHex(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

// Reads test[name] as lowercase hex bytes.
bool HexField(const json& test, const char* name, std::vector<uint8_t>* bytes,
              std::string* error) {
  if (!test.contains(name) || !test[name].is_string()) {
    *error = std::string("\"") + name + "\" must be a string";
    return false;
  }
  const std::string text = test[name].get<std::string>();
  if (!IsLowercaseHex(text) || !DecodeHex(text, bytes)) {
    *error = std::string("\"") + name + "\" must be lowercase hex digit pairs";
    return false;
  }
  return true;
}

bool SizeField(const json& group, const char* name, size_t* bits,
               std::string* error) {
  if (!group.contains(name) || !group[name].is_number_unsigned()) {
    *error = std::string("group \"") + name + "\" must be an unsigned integer";
    return false;
  }
  *bits = group[name].get<size_t>();
  return true;
}

bool CheckLength(const char* what, const std::vector<uint8_t>& bytes,
                 size_t bits, std::string* error) {
  if (bytes.size() * 8 == bits) return true;
  *error = std::string(what) + " has " + std::to_string(bytes.size() * 8) +
           " bits, its group says " + std::to_string(bits);
  return false;
}

bool ParseTest(const json& entry, WycheproofSchema schema,
               const std::map<std::string, std::string>& bug_types,
               WycheproofTest* test, std::string* error) {
  if (!entry.is_object()) {
    *error = "is not an object";
    return false;
  }
  if (!entry.contains("tcId") || !entry["tcId"].is_number_integer()) {
    *error = "\"tcId\" must be an integer";
    return false;
  }
  test->tc_id = entry["tcId"].get<int>();
  if (entry.contains("comment") && entry["comment"].is_string()) {
    test->comment = entry["comment"].get<std::string>();
  }
  if (!entry.contains("flags") || !entry["flags"].is_array()) {
    *error = "\"flags\" must be an array";
    return false;
  }
  for (const json& flag : entry["flags"]) {
    if (!flag.is_string() || bug_types.count(flag.get<std::string>()) == 0) {
      *error = "flag " + flag.dump() + " is not described in \"notes\"";
      return false;
    }
    test->flags.push_back(flag.get<std::string>());
  }
  const std::string result =
      entry.contains("result") && entry["result"].is_string() ? entry["result"].get<std::string>() : "";
  if (result == "valid") {
    test->result = WycheproofResult::kValid;
  } else if (result == "acceptable") {
    test->result = WycheproofResult::kAcceptable;
  } else if (result == "invalid") {
    test->result = WycheproofResult::kInvalid;
  } else {
    *error = "\"result\" must be valid, acceptable or invalid";
    return false;
  }
  if (!HexField(entry, "key", &test->key, error) || !HexField(entry, "msg", &test->msg, error)) {
    return false;
  }
  switch (schema) {
    case WycheproofSchema::kAead:
      return HexField(entry, "iv", &test->iv, error) && HexField(entry, "aad", &test->aad, error) &&
             HexField(entry, "ct", &test->ct, error) && HexField(entry, "tag", &test->tag, error);
    case WycheproofSchema::kIndCpa:
      return HexField(entry, "iv", &test->iv, error) && HexField(entry, "ct", &test->ct, error);
    case WycheproofSchema::kMac:
      return HexField(entry, "tag", &test->tag, error);
  }
  return false;
}

}  // namespace

const char* ResultName(WycheproofResult result) {
  switch (result) {
    case WycheproofResult::kValid:
      return "valid";
    case WycheproofResult::kAcceptable:
      return "acceptable";
    case WycheproofResult::kInvalid:
      return "invalid";
  }
  return "?";
}

bool WycheproofTest::HasFlag(std::string_view flag) const {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

bool ParseWycheproof(std::string_view json_text, WycheproofFile* file,
                     std::string* error) {
  *file = WycheproofFile();
  const json document = json::parse(json_text.begin(), json_text.end(), /*cb=*/nullptr,
                                    /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) {
    *error = "not a JSON object";
    return false;
  }
  for (const char* key : {"algorithm", "schema"}) {
    if (!document.contains(key) || !document[key].is_string()) {
      *error = std::string("\"") + key + "\" must be a string";
      return false;
    }
  }
  WycheproofFile parsed;
  parsed.algorithm = document["algorithm"].get<std::string>();
  const std::string schema = document["schema"].get<std::string>();
  if (schema == "aead_test_schema_v1.json") {
    parsed.schema = WycheproofSchema::kAead;
  } else if (schema == "ind_cpa_test_schema_v1.json") {
    parsed.schema = WycheproofSchema::kIndCpa;
  } else if (schema == "mac_test_schema_v1.json") {
    parsed.schema = WycheproofSchema::kMac;
  } else {
    *error = "unknown schema \"" + schema +
             "\" (expected aead_test_schema_v1.json, ind_cpa_test_schema_v1.json, "
             "mac_test_schema_v1.json)";
    return false;
  }
  if (document.contains("notes") && document["notes"].is_object()) {
    for (const auto& note : document["notes"].items()) {
      const json& value = note.value();
      parsed.bug_types[note.key()] =
          value.is_object() && value.contains("bugType") && value["bugType"].is_string()
              ? value["bugType"].get<std::string>()
              : "";
    }
  }
  if (!document.contains("testGroups") || !document["testGroups"].is_array()) {
    *error = "\"testGroups\" must be an array";
    return false;
  }
  for (const json& group : document["testGroups"]) {
    if (!group.is_object() || !group.contains("tests") || !group["tests"].is_array()) {
      *error = "every test group must be an object with a \"tests\" array";
      return false;
    }
    size_t key_bits = 0;
    size_t iv_bits = 0;
    size_t tag_bits = 0;
    if (!SizeField(group, "keySize", &key_bits, error)) return false;
    if (parsed.schema != WycheproofSchema::kMac && !SizeField(group, "ivSize", &iv_bits, error)) {
      return false;
    }
    if (parsed.schema != WycheproofSchema::kIndCpa &&
        !SizeField(group, "tagSize", &tag_bits, error)) {
      return false;
    }
    for (const json& entry : group["tests"]) {
      WycheproofTest test;
      test.key_size_bits = key_bits;
      test.iv_size_bits = iv_bits;
      test.tag_size_bits = tag_bits;
      std::string problem;
      bool ok = ParseTest(entry, parsed.schema, parsed.bug_types, &test, &problem) &&
                CheckLength("key", test.key, key_bits, &problem);
      if (ok && parsed.schema != WycheproofSchema::kMac) {
        ok = CheckLength("iv", test.iv, iv_bits, &problem);
      }
      // The tag is as long as the group says, but for the invalid tests
      // of a parameter (nonce, key size) that have no tag at all.
      if (ok && parsed.schema != WycheproofSchema::kIndCpa &&
          !(test.tag.empty() && test.result == WycheproofResult::kInvalid)) {
        ok = CheckLength("tag", test.tag, tag_bits, &problem);
      }
      if (!ok) {
        *error = "test #" + std::to_string(parsed.tests.size()) + " (tcId " +
                 std::to_string(test.tc_id) + "): " + problem;
        return false;
      }
      parsed.tests.push_back(std::move(test));
    }
  }
  if (!document.contains("numberOfTests") || !document["numberOfTests"].is_number_unsigned() ||
      document["numberOfTests"].get<size_t>() != parsed.tests.size()) {
    *error = "\"numberOfTests\" must be the number of tests, " + std::to_string(parsed.tests.size());
    return false;
  }
  if (parsed.tests.empty()) {
    *error = "no tests";
    return false;
  }
  *file = std::move(parsed);
  return true;
}

bool LoadWycheproof(const std::string& path, WycheproofFile* file, std::string* error) {
  *file = WycheproofFile();
  std::string text;
  if (!ReadWholeFile(path, &text, error)) return false;
  if (!ParseWycheproof(text, file, error)) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

}  // namespace tests::vectors
