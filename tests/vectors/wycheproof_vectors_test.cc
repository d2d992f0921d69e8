// The Wycheproof reader on small documents (each schema, each check) and on
// the files of testdata/wycheproof/.

#include "tests/vectors/wycheproof_vectors.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tests/vectors/hex.h"
#include "tests/vectors/test_files.h"

namespace tests::vectors {
namespace {

const char kAead[] = R"({
  "algorithm": "AES-GCM", "schema": "aead_test_schema_v1.json", "numberOfTests": 2,
  "notes": {"Ktv": {"bugType": "BASIC"}, "ModifiedTag": {"bugType": "AUTH_BYPASS"}},
  "testGroups": [{"type": "AeadTest", "keySize": 128, "ivSize": 96, "tagSize": 128, "tests": [
    {"tcId": 1, "comment": "", "flags": ["Ktv"], "key": "00000000000000000000000000000000",
     "iv": "000000000000000000000000", "aad": "", "msg": "", "ct": "",
     "tag": "58e2fccefa7e3061367f1d57a4e7455a", "result": "valid"},
    {"tcId": 2, "comment": "flipped", "flags": ["ModifiedTag"], "key": "00000000000000000000000000000000",
     "iv": "000000000000000000000000", "aad": "ab", "msg": "", "ct": "",
     "tag": "58e2fccefa7e3061367f1d57a4e7455b", "result": "invalid"}]}]})";

std::string ErrorOf(const std::string& json) {
  WycheproofFile file;
  std::string error;
  EXPECT_FALSE(ParseWycheproof(json, &file, &error));
  EXPECT_TRUE(file.tests.empty());
  return error;
}

// kAead with `from` replaced by `to` (once).
std::string Edited(const std::string& from, const std::string& to) {
  std::string text = kAead;
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(WycheproofVectors, ReadsAnAeadFile) {
  WycheproofFile file;
  std::string error;
  ASSERT_TRUE(ParseWycheproof(kAead, &file, &error)) << error;
  EXPECT_EQ(file.algorithm, "AES-GCM");
  EXPECT_EQ(file.schema, WycheproofSchema::kAead);
  EXPECT_EQ(file.bug_types.at("ModifiedTag"), "AUTH_BYPASS");
  ASSERT_EQ(file.tests.size(), 2u);
  const WycheproofTest& test = file.tests[1];
  EXPECT_EQ(test.tc_id, 2);
  EXPECT_EQ(test.comment, "flipped");
  EXPECT_TRUE(test.HasFlag("ModifiedTag"));
  EXPECT_FALSE(test.HasFlag("Ktv"));
  EXPECT_EQ(test.result, WycheproofResult::kInvalid);
  EXPECT_EQ(EncodeHex(test.aad), "ab");
  EXPECT_EQ(EncodeHex(test.tag), "58e2fccefa7e3061367f1d57a4e7455b");
  EXPECT_EQ(test.key_size_bits, 128u);
  EXPECT_EQ(test.iv_size_bits, 96u);
  EXPECT_EQ(test.tag_size_bits, 128u);
  EXPECT_STREQ(ResultName(file.tests[0].result), "valid");
}

TEST(WycheproofVectors, ReadsMacAndIndCpaFiles) {
  WycheproofFile file;
  std::string error;
  ASSERT_TRUE(ParseWycheproof(R"({"algorithm": "HMACSHA256", "schema": "mac_test_schema_v1.json",
      "numberOfTests": 1, "notes": {},
      "testGroups": [{"keySize": 8, "tagSize": 256, "tests": [
        {"tcId": 5, "comment": "", "flags": [], "key": "ab", "msg": "", "tag": "", "result": "invalid"}]}]})",
                              &file, &error))
      << error;
  EXPECT_EQ(file.schema, WycheproofSchema::kMac);
  ASSERT_EQ(file.tests.size(), 1u);
  EXPECT_TRUE(file.tests[0].tag.empty());  // an invalid test may lack a tag
  ASSERT_TRUE(ParseWycheproof(R"({"algorithm": "AES-CBC-PKCS5", "schema": "ind_cpa_test_schema_v1.json",
      "numberOfTests": 1,
      "testGroups": [{"keySize": 8, "ivSize": 8, "tests": [
        {"tcId": 1, "comment": "", "flags": [], "key": "ab", "iv": "cd", "msg": "01", "ct": "02",
         "result": "acceptable"}]}]})",
                              &file, &error))
      << error;
  EXPECT_EQ(file.schema, WycheproofSchema::kIndCpa);
  EXPECT_EQ(file.tests[0].result, WycheproofResult::kAcceptable);
  EXPECT_EQ(EncodeHex(file.tests[0].iv), "cd");
}

TEST(WycheproofVectors, RejectsWhatTheSuitesCannotTrust) {
  EXPECT_EQ(ErrorOf("[]"), "not a JSON object");
  EXPECT_EQ(ErrorOf("{"), "not a JSON object");
  EXPECT_NE(ErrorOf(Edited("aead_test_schema_v1.json", "x.json")).find("unknown schema \"x.json\""),
            std::string::npos);
  EXPECT_EQ(ErrorOf(Edited("\"numberOfTests\": 2", "\"numberOfTests\": 3")),
            "\"numberOfTests\" must be the number of tests, 2");
  EXPECT_EQ(ErrorOf(Edited("\"result\": \"invalid\"", "\"result\": \"maybe\"")),
            "test #1 (tcId 2): \"result\" must be valid, acceptable or invalid");
  EXPECT_EQ(ErrorOf(Edited("[\"ModifiedTag\"]", "[\"Unknown\"]")),
            "test #1 (tcId 2): flag \"Unknown\" is not described in \"notes\"");
  EXPECT_EQ(ErrorOf(Edited("\"aad\": \"ab\"", "\"aad\": \"AB\"")),
            "test #1 (tcId 2): \"aad\" must be lowercase hex digit pairs");
  EXPECT_EQ(ErrorOf(Edited("\"aad\": \"ab\",", "")), "test #1 (tcId 2): \"aad\" must be a string");
  EXPECT_EQ(ErrorOf(Edited("\"ivSize\": 96", "\"ivSize\": 64")),
            "test #0 (tcId 1): iv has 96 bits, its group says 64");
  EXPECT_EQ(ErrorOf(Edited("\"tagSize\": 128", "\"tagSize\": 96")),
            "test #0 (tcId 1): tag has 128 bits, its group says 96");
  EXPECT_EQ(ErrorOf(Edited("\"keySize\": 128", "\"keySize\": \"128\"")),
            "group \"keySize\" must be an unsigned integer");
}

TEST(WycheproofVectors, LoadNamesThePath) {
  WycheproofFile file;
  std::string error;
  EXPECT_FALSE(LoadWycheproof("/nonexistent.json", &file, &error));
  EXPECT_EQ(error, "/nonexistent.json: cannot open");
}

struct FileFacts {
  const char* algorithm;
  WycheproofSchema schema;
  size_t tests;
  size_t valid;
};

TEST(WycheproofVectorsOnTestdata, EveryFileParsesWithItsNumberOfTests) {
  const std::map<std::string, FileFacts> files = {
      {"aes_gcm_test.json", {"AES-GCM", WycheproofSchema::kAead, 316, 229}},
      {"aes_ccm_test.json", {"AES-CCM", WycheproofSchema::kAead, 552, 405}},
      {"chacha20_poly1305_test.json", {"CHACHA20-POLY1305", WycheproofSchema::kAead, 325, 256}},
      {"aes_cbc_pkcs5_test.json", {"AES-CBC-PKCS5", WycheproofSchema::kIndCpa, 216, 72}},
      {"aes_cmac_test.json", {"AES-CMAC", WycheproofSchema::kMac, 311, 63}},
      {"hmac_sha256_test.json", {"HMACSHA256", WycheproofSchema::kMac, 174, 66}},
      {"hmac_sha512_test.json", {"HMACSHA512", WycheproofSchema::kMac, 174, 66}},
  };
  for (const auto& [name, facts] : files) {
    std::string error;
    const std::string path = RunfilePath("", "tests/vectors/testdata/wycheproof/" + name, &error);
    ASSERT_FALSE(path.empty()) << error;
    WycheproofFile file;
    ASSERT_TRUE(LoadWycheproof(path, &file, &error)) << error;
    EXPECT_EQ(file.algorithm, facts.algorithm) << name;
    EXPECT_EQ(file.schema, facts.schema) << name;
    EXPECT_EQ(file.tests.size(), facts.tests) << name;
    size_t valid = 0;
    for (const WycheproofTest& test : file.tests) valid += test.result == WycheproofResult::kValid;
    EXPECT_EQ(valid, facts.valid) << name;
  }
}

}  // namespace
}  // namespace tests::vectors
