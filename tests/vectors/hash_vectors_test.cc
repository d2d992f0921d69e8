// The data file and its reader: malformed entries are rejected with a message
// that names them, the file covers every algorithm with the vectors of the
// defining documents, and every digest in it agrees with OpenSSL.

#include "tests/vectors/hash_vectors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <utility>

#include "tests/vectors/openssl_digest.h"

namespace tests::vectors {
namespace {

constexpr char kAbcSha1[] = "a9993e364706816aba3e25717850c26c9cd0d89d";

std::string OneVector(const std::string& properties) {
  return R"({"vectors": [{)" + properties + "}]}";
}

std::string ParseError(const std::string& json_text) {
  std::vector<HashVector> vectors;
  std::string error;
  EXPECT_FALSE(ParseHashVectors(json_text, &vectors, &error)) << json_text;
  EXPECT_TRUE(vectors.empty());
  return error;
}

TEST(ParseHashVectors, ReadsAVectorAndExpandsTheRepeat) {
  std::vector<HashVector> vectors;
  std::string error;
  ASSERT_TRUE(ParseHashVectors(
      OneVector(R"("algorithm": "SHA-1", "message": "ab", "repeat": 3, )"
                R"("digest": ")" + std::string(kAbcSha1) +
                R"(", "source": "somewhere")"),
      &vectors, &error))
      << error;
  ASSERT_EQ(vectors.size(), 1u);
  EXPECT_EQ(vectors[0].algorithm, "SHA-1");
  EXPECT_EQ(vectors[0].alg, PSA_ALG_SHA_1);
  EXPECT_EQ(std::string(vectors[0].message.begin(), vectors[0].message.end()),
            "ababab");
  EXPECT_EQ(ToHex(vectors[0].digest), kAbcSha1);
  EXPECT_EQ(vectors[0].source, "somewhere");
  EXPECT_EQ(ParamName(vectors[0]), "SHA_1_0");
}

TEST(ParseHashVectors, RejectsMalformedEntriesNamingThem) {
  const std::string digest = std::string(R"("digest": ")") + kAbcSha1 + "\"";
  const std::string rest = R"("message": "abc", "source": "s", )" + digest;
  EXPECT_EQ(ParseError("{"), "not valid JSON");
  EXPECT_EQ(ParseError(R"({"vectors": []})"), "\"vectors\" is empty");
  EXPECT_EQ(ParseError(R"({"vector": []})"),
            "the top level must be an object with a \"vectors\" array");
  EXPECT_EQ(ParseError(R"({"vectors": [1], "extra": 2})"),
            "unknown top-level property \"extra\" (expected vectors, _comment)");
  EXPECT_EQ(ParseError(OneVector(R"("algorithm": "SHA-3", )" + rest)),
            "vectors[0]: unknown algorithm \"SHA-3\"");
  EXPECT_EQ(ParseError(OneVector(R"("algorithm": "SHA-1", "msg": "", )" + rest)),
            "vectors[0]: unknown property \"msg\" (expected algorithm, "
            "message, repeat, digest, source)");
  EXPECT_EQ(ParseError(OneVector(R"("algorithm": "SHA-1", "source": "s", )" + digest)),
            "vectors[0]: \"message\" must be a string");
  EXPECT_EQ(ParseError(OneVector(R"("algorithm": "SHA-1", "repeat": 0, )" + rest)),
            "vectors[0]: \"repeat\" must be an integer from 1 to 100000000");
  EXPECT_EQ(ParseError(OneVector(R"("algorithm": "SHA-1", "repeat": -1, )" + rest)),
            "vectors[0]: \"repeat\" must be an integer from 1 to 100000000");
  EXPECT_EQ(ParseError(OneVector(R"("algorithm": "SHA-1", "repeat": 1.5, )" + rest)),
            "vectors[0]: \"repeat\" must be an integer from 1 to 100000000");
  EXPECT_EQ(ParseError(OneVector(
                R"("algorithm": "SHA-1", "message": "a\tb", "source": "s", )" + digest)),
            "vectors[0]: \"message\" must be printable ASCII");
  EXPECT_EQ(ParseError(OneVector(
                R"("algorithm": "SHA-256", "message": "abc", "source": "s", )" + digest)),
            "vectors[0]: \"digest\" of SHA-256 must be 32 bytes, got 20");
  EXPECT_EQ(ParseError(OneVector(
                R"("algorithm": "SHA-1", "message": "abc", "source": "s", "digest": "A9")")),
            "vectors[0]: \"digest\" must be lowercase hex digit pairs, got \"A9\"");
  EXPECT_EQ(ParseError(OneVector(
                R"("algorithm": "SHA-1", "message": "abc", "source": "s", "digest": "a99")")),
            "vectors[0]: \"digest\" must be lowercase hex digit pairs, got \"a99\"");
  EXPECT_EQ(ParseError(OneVector(
                R"("algorithm": "SHA-1", "message": "abc", "source": "", )" + digest)),
            "vectors[0]: \"source\" must name the document that publishes the vector");
  // The second entry is the bad one: the index says so.
  EXPECT_EQ(ParseError(R"({"vectors": [{"algorithm": "SHA-1", )" + rest +
                       R"(}, {"algorithm": "MD4", )" + rest + "}]}"),
            "vectors[1]: unknown algorithm \"MD4\"");
}

TEST(HashVectorFile, LoadsFromRunfiles) {
  EXPECT_EQ(LoadError(), "");
  EXPECT_FALSE(AllHashVectors().empty());
}

// Each algorithm has the empty message and "abc" (every defining document
// publishes both) and vectors longer than one block; the SHA family and
// RIPEMD-160 also the one million 'a' of their documents.
TEST(HashVectorFile, CoversEveryAlgorithmWithThePublishedSuites) {
  ASSERT_EQ(LoadError(), "");
  std::map<std::string, std::set<std::string>> messages;
  std::map<std::string, size_t> longest;
  for (const HashVector& vector : AllHashVectors()) {
    if (vector.message.size() <= 3) {
      messages[vector.algorithm].emplace(vector.message.begin(),
                                         vector.message.end());
    }
    longest[vector.algorithm] =
        std::max(longest[vector.algorithm], vector.message.size());
  }
  for (const HashAlgorithm& algorithm : HashAlgorithms()) {
    SCOPED_TRACE(algorithm.name);
    EXPECT_EQ(messages[algorithm.name].count(""), 1u);
    EXPECT_EQ(messages[algorithm.name].count("abc"), 1u);
    EXPECT_GT(longest[algorithm.name], PSA_HASH_BLOCK_LENGTH(algorithm.alg));
    if (algorithm.alg != PSA_ALG_MD5) {
      EXPECT_EQ(longest[algorithm.name], 1000000u);
    }
  }
}

TEST(HashVectorFile, VectorsAreDistinct) {
  std::set<std::pair<std::string, std::vector<uint8_t>>> seen;
  for (const HashVector& vector : AllHashVectors()) {
    EXPECT_TRUE(seen.emplace(vector.algorithm, vector.message).second)
        << Describe(vector) << " repeats an earlier vector";
  }
}

// A typo in a digest of the file fails here, with the vector's source, before
// any driver is blamed for it.
TEST(HashVectorFile, EveryDigestAgreesWithOpenSsl) {
  ASSERT_EQ(LoadError(), "");
  size_t checked = 0;
  for (const HashAlgorithm& algorithm : HashAlgorithms()) {
    std::string reason;
    const std::unique_ptr<OpenSslDigest> openssl =
        OpenSslDigest::Fetch(algorithm.alg, &reason);
    if (openssl == nullptr) {
      // Logged, not silent: the run's output names what was not checked.
      std::cout << "[   NOTE   ] " << algorithm.name
                << " vectors not checked against OpenSSL: " << reason << "\n";
      continue;
    }
    for (const HashVector& vector : AllHashVectors()) {
      if (vector.alg != algorithm.alg) continue;
      std::vector<uint8_t> digest;
      ASSERT_TRUE(openssl->Digest(vector.message.data(), vector.message.size(),
                                  &digest));
      EXPECT_EQ(ToHex(digest), ToHex(vector.digest)) << Describe(vector);
      ++checked;
    }
  }
  RecordProperty("vectors_checked", static_cast<int>(checked));
  EXPECT_GT(checked, 0u);
}

TEST(Hex, RoundTripsAndRejectsWhatIsNotLowercaseHex) {
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(FromHex("00ff10a5", &bytes));
  EXPECT_EQ(bytes, (std::vector<uint8_t>{0x00, 0xff, 0x10, 0xa5}));
  EXPECT_EQ(ToHex(bytes), "00ff10a5");
  EXPECT_TRUE(FromHex("", &bytes));
  EXPECT_TRUE(bytes.empty());
  EXPECT_FALSE(FromHex("0", &bytes));
  EXPECT_FALSE(FromHex("0g", &bytes));
  EXPECT_FALSE(FromHex("FF", &bytes));
  EXPECT_FALSE(FromHex(" 0", &bytes));
}

}  // namespace
}  // namespace tests::vectors
