// The reader of NTT's Camellia known-answer format, on small texts and on the
// three files of @cryptography_vectors.

#include "tests/vectors/ntt_kat_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/vectors/hex.h"
#include "tests/vectors/test_files.h"

namespace tests::vectors {
namespace {

std::string ErrorOf(const std::string& text) {
  std::vector<NttKatVector> vectors;
  std::string error;
  EXPECT_FALSE(ParseNttKat(text, &vectors, &error));
  EXPECT_TRUE(vectors.empty());
  return error;
}

TEST(NttKatReader, ReadsKeysAndPairs) {
  std::vector<NttKatVector> vectors;
  std::string error;
  ASSERT_TRUE(ParseNttKat("# Camellia with 128-bit key\n"
                          "\n"
                          "K No.001 : 00 11 22 33\n"
                          "\n"
                          "P No.001 : 80 00\n"
                          "C No.001 : 07 92\n"
                          "\n"
                          "P No.002 : 40 00\n"
                          "C No.002 : 48 CD\n"
                          "K No.002 : FF FF FF FF\n"
                          "P No.001 : 00 01\n"
                          "C No.001 : 0a 0b\n",
                          &vectors, &error))
      << error;
  ASSERT_EQ(vectors.size(), 3u);
  EXPECT_EQ(vectors[0].line, 5u);
  EXPECT_EQ(EncodeHex(vectors[0].key), "00112233");
  EXPECT_EQ(EncodeHex(vectors[0].plaintext), "8000");
  EXPECT_EQ(EncodeHex(vectors[0].ciphertext), "0792");
  EXPECT_EQ(EncodeHex(vectors[1].key), "00112233");
  EXPECT_EQ(EncodeHex(vectors[1].ciphertext), "48cd");
  EXPECT_EQ(EncodeHex(vectors[2].key), "ffffffff");
  EXPECT_EQ(EncodeHex(vectors[2].ciphertext), "0a0b");
}

TEST(NttKatReader, MalformedTextsAreErrorsNamingTheLine) {
  EXPECT_EQ(ErrorOf("P No.001 : 00\nC No.001 : 00\n"), "line 1: P No.001 before any key");
  EXPECT_EQ(ErrorOf("K No.001 : 00\nP No.001 : 00\nC No.002 : 00\n"),
            "line 3: C No.002 does not follow P No.002");
  EXPECT_EQ(ErrorOf("K No.001 : 00\nP No.001 : 00\nP No.002 : 00\n"),
            "line 3: P No.002 before the C of P No.001");
  EXPECT_EQ(ErrorOf("K No.001 : 00\nP No.001 : 00 01\nC No.001 : 00\n"),
            "line 3: C No.001 has 1 bytes, its P 2");
  EXPECT_EQ(ErrorOf("K No.001 : 00\nP No.001 : 00\n"), "P No.001 has no C");
  EXPECT_EQ(ErrorOf("K No.001 : 0011\n"),
            "line 1: \"K No.001 : 0011\" is not \"K|P|C No.<n> : <hex bytes separated by spaces>\"");
  EXPECT_EQ(ErrorOf("K No.001 : 0g\n"),
            "line 1: \"K No.001 : 0g\" is not \"K|P|C No.<n> : <hex bytes separated by spaces>\"");
  EXPECT_EQ(ErrorOf("X No.001 : 00\n"),
            "line 1: \"X No.001 : 00\" is not \"K|P|C No.<n> : <hex bytes separated by spaces>\"");
  EXPECT_EQ(ErrorOf("K No.001 : 00\n"), "no P/C pair");
}

TEST(NttKatReaderOnPackageFiles, EachFileHas1280PairsUnderTenKeys) {
  for (const auto& [file, key_length] :
       std::vector<std::pair<const char*, size_t>>{{"ciphers/Camellia/camellia-128-ecb.txt", 16},
                                                   {"ciphers/Camellia/camellia-192-ecb.txt", 24},
                                                   {"ciphers/Camellia/camellia-256-ecb.txt", 32}}) {
    std::string error;
    const std::string path = RunfilePath("cryptography_vectors", file, &error);
    ASSERT_FALSE(path.empty()) << error;
    std::vector<NttKatVector> vectors;
    ASSERT_TRUE(LoadNttKat(path, &vectors, &error)) << error;
    EXPECT_EQ(vectors.size(), 1280u) << file;
    size_t keys = 0;
    for (size_t i = 0; i < vectors.size(); ++i) {
      EXPECT_EQ(vectors[i].key.size(), key_length) << file << " line " << vectors[i].line;
      EXPECT_EQ(vectors[i].plaintext.size(), 16u) << file << " line " << vectors[i].line;
      if (i == 0 || vectors[i].key != vectors[i - 1].key) ++keys;
    }
    EXPECT_EQ(keys, 10u) << file;
  }
}

}  // namespace
}  // namespace tests::vectors
