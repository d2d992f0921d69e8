// The .rsp reader on small texts (every rule of the format, every error) and
// on the files of @cryptography_vectors the symmetric KAT suite reads.

#include "tests/vectors/rsp_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/vectors/hex.h"
#include "tests/vectors/test_files.h"

namespace tests::vectors {
namespace {

std::vector<RspRecord> ParseOrDie(const std::string& text, const RspOptions& options = RspOptions()) {
  std::vector<RspRecord> records;
  std::string error;
  EXPECT_TRUE(ParseRsp(text, options, &records, &error)) << error;
  return records;
}

std::string ErrorOf(const std::string& text, const RspOptions& options = RspOptions()) {
  std::vector<RspRecord> records;
  std::string error;
  EXPECT_FALSE(ParseRsp(text, options, &records, &error));
  EXPECT_TRUE(records.empty());
  return error;
}

std::string Value(const RspRecord& record, const char* name) {
  const std::string* value = record.Find(name);
  return value != nullptr ? *value : "(missing)";
}

TEST(RspReader, ReadsSectionsAndRecordsWithTheirLines) {
  const std::vector<RspRecord> records = ParseOrDie(
      "# CAVS 11.1\n"
      "# AESVS GFSbox test data for ECB\n"
      "\n"
      "[ENCRYPT]\n"
      "\n"
      "COUNT = 0\n"
      "KEY = 00000000000000000000000000000000\n"
      "PLAINTEXT = f34481ec3cc627bacd5dc3fb08f273e6\n"
      "CIPHERTEXT = 0336763e966d92595a567cc9ce537f5e\n"
      "\n"
      "[DECRYPT]\n"
      "COUNT = 0\n"
      "KEY = 00\n"
      "CIPHERTEXT = 11\n"
      "PLAINTEXT = 22\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].section, "ENCRYPT");
  EXPECT_EQ(records[0].line, 6u);
  EXPECT_EQ(Value(records[0], "PLAINTEXT"), "f34481ec3cc627bacd5dc3fb08f273e6");
  EXPECT_EQ(records[1].section, "DECRYPT");
  EXPECT_EQ(records[1].line, 12u);
  EXPECT_EQ(records[1].fields.size(), 4u);
  EXPECT_EQ(records[1].Where(), "line 12 (COUNT = 0)");
}

TEST(RspReader, NamesAreComparedWithoutCase) {
  const std::vector<RspRecord> records = ParseOrDie("Count = 3\nKey = 0a\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(Value(records[0], "KEY"), "0a");
  EXPECT_EQ(Value(records[0], "count"), "3");
}

TEST(RspReader, AttributesAndContextParagraphsAreInherited) {
  // The shape of the CCM files: file-level lengths, a bracketed length per
  // group, the group's key and nonce, then the records.
  const std::vector<RspRecord> records = ParseOrDie(
      "Plen = 24\n"
      "Nlen = 13\n"
      "\n"
      "[Alen = 0]\n"
      "\n"
      "Key = aa\n"
      "Nonce = bb\n"
      "\n"
      "Count = 0\n"
      "Adata = 00\n"
      "\n"
      "[Alen = 1, Tlen = 4]\n"
      "\n"
      "Key = cc\n"
      "\n"
      "Count = 1\n"
      "Nonce = dd\n"
      "Plen = 8\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(Value(records[0], "Alen"), "0");
  EXPECT_EQ(Value(records[0], "Plen"), "24");
  EXPECT_EQ(Value(records[0], "Key"), "aa");
  EXPECT_EQ(Value(records[0], "Nonce"), "bb");
  EXPECT_FALSE(records[0].Has("Tlen"));
  // The second group has its own key; the first group's nonce is gone; the
  // record's own field beats the file's.
  EXPECT_EQ(Value(records[1], "Alen"), "1");
  EXPECT_EQ(Value(records[1], "Tlen"), "4");
  EXPECT_EQ(Value(records[1], "Key"), "cc");
  EXPECT_EQ(Value(records[1], "Nonce"), "dd");
  EXPECT_EQ(Value(records[1], "Plen"), "8");
  EXPECT_EQ(Value(records[1], "Nlen"), "13");
}

TEST(RspReader, ASectionHeaderClearsTheAttributes) {
  const std::vector<RspRecord> records =
      ParseOrDie("[Keylen = 128]\n[ENCRYPT]\nCOUNT = 0\n\n[Keylen = 256]\nCOUNT = 1\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[0].Has("Keylen"));
  EXPECT_EQ(Value(records[1], "Keylen"), "256");
  EXPECT_EQ(records[1].section, "ENCRYPT");
}

TEST(RspReader, ConsecutiveAttributeHeadersMakeOneGroup) {
  const std::vector<RspRecord> records = ParseOrDie(
      "[Keylen = 128]\n[IVlen = 96]\n[PTlen = 0]\n\nCount = 0\nKey = 00\nFAIL\n\nCount = 1\nPT = \n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(Value(records[1], "Keylen"), "128");
  EXPECT_EQ(Value(records[1], "IVlen"), "96");
  EXPECT_TRUE(records[0].HasFlag("FAIL"));
  EXPECT_TRUE(records[0].HasFlag("fail"));
  EXPECT_FALSE(records[1].HasFlag("FAIL"));
  EXPECT_EQ(Value(records[1], "PT"), "");
}

TEST(RspReader, CommentsInsideARecordAndCarriageReturnsAreIgnored) {
  const std::vector<RspRecord> records =
      ParseOrDie("Len = 64\r\nKey = 0b0b\r\n# \"Hi There\"\r\nMsg = 4869\r\nMD = 9294\r\n", RspOptions{"MD"});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(Value(records[0], "Msg"), "4869");
  EXPECT_EQ(records[0].line, 1u);
}

TEST(RspReader, ARecordNeedsTheRecordField) {
  // Without MD every paragraph is context: no record at all.
  EXPECT_NE(ErrorOf("Len = 64\nKey = 0b\nMD = 00\n").find("no record"), std::string::npos);
}

TEST(RspReader, FieldsWithoutSpacesAndEmptyValues) {
  const std::vector<RspRecord> records = ParseOrDie("COUNT = 1\nKEY= 8081\nIN= \"\"\nMESSAGE =\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(Value(records[0], "KEY"), "8081");
  std::vector<uint8_t> bytes = {1};
  std::string error;
  ASSERT_TRUE(records[0].Bytes("MESSAGE", &bytes, &error)) << error;
  EXPECT_TRUE(bytes.empty());
  ASSERT_TRUE(records[0].Bytes("IN", &bytes, &error)) << error;
  EXPECT_TRUE(bytes.empty());
}

TEST(RspReader, BytesAreHexInEitherCaseOrQuotedText) {
  const std::vector<RspRecord> records =
      ParseOrDie("COUNT = 0\nA = 00fFAb\nB = \"Ladies and '99: x\"\nC = 0g\nD = 123\n");
  ASSERT_EQ(records.size(), 1u);
  std::vector<uint8_t> bytes;
  std::string error;
  ASSERT_TRUE(records[0].Bytes("A", &bytes, &error)) << error;
  EXPECT_EQ(EncodeHex(bytes), "00ffab");
  ASSERT_TRUE(records[0].Bytes("B", &bytes, &error)) << error;
  EXPECT_EQ(std::string(bytes.begin(), bytes.end()), "Ladies and '99: x");
  EXPECT_FALSE(records[0].Bytes("C", &bytes, &error));
  EXPECT_NE(error.find("line 1"), std::string::npos) << error;
  EXPECT_NE(error.find("C = \"0g\""), std::string::npos) << error;
  EXPECT_TRUE(bytes.empty());
  EXPECT_FALSE(records[0].Bytes("D", &bytes, &error));  // odd length
  EXPECT_FALSE(records[0].Bytes("E", &bytes, &error));
  EXPECT_NE(error.find("no field E"), std::string::npos) << error;
}

TEST(RspReader, NumbersAreDecimal) {
  const std::vector<RspRecord> records =
      ParseOrDie("COUNT = 7\nA = 42\nB = -1\nC = 4294967296\nD = \n");
  ASSERT_EQ(records.size(), 1u);
  uint64_t value = 0;
  std::string error;
  ASSERT_TRUE(records[0].Number("A", &value, &error)) << error;
  EXPECT_EQ(value, 42u);
  EXPECT_FALSE(records[0].Number("B", &value, &error));
  EXPECT_FALSE(records[0].Number("C", &value, &error));
  EXPECT_FALSE(records[0].Number("D", &value, &error));
  EXPECT_FALSE(records[0].Number("E", &value, &error));
}

TEST(RspReader, MalformedTextsAreErrorsNamingTheLine) {
  EXPECT_EQ(ErrorOf("COUNT = 0\n[ENCRYPT\n"), "line 2: header \"[ENCRYPT\" does not end with ']'");
  EXPECT_EQ(ErrorOf("[A = 1, ]\nCOUNT = 0\n"), "line 1: header \"[A = 1, ]\" is not [NAME = VALUE, ...]");
  EXPECT_EQ(ErrorOf("[EN CRYPT]\nCOUNT = 0\n"),
            "line 1: section name \"EN CRYPT\" is not letters, digits and '_'");
  EXPECT_EQ(ErrorOf("COUNT = 0\nKEY = 00\nKEY = 11\n"),
            "line 3: field \"KEY\" given twice in one paragraph");
  EXPECT_EQ(ErrorOf("COUNT = 0\nK No.1 = 00\n"),
            "line 2: field name \"K No.1\" is not letters, digits and '_'");
  EXPECT_EQ(ErrorOf("COUNT = 0\nK No.1 : 00\n"),
            "line 2: \"K No.1 : 00\" is not a comment, header, field or flag");
  EXPECT_EQ(ErrorOf("COUNT = 0\nnot a field\n"),
            "line 2: \"not a field\" is not a comment, header, field or flag");
  EXPECT_EQ(ErrorOf("KEY = 00\nFAIL\n\nCOUNT = 0\n"),
            "line 2: flag \"FAIL\" outside a record (no COUNT field in its paragraph)");
  EXPECT_EQ(ErrorOf("# nothing\n\n"), "no record (no paragraph with a COUNT field)");
  EXPECT_EQ(ErrorOf(""), "no record (no paragraph with a COUNT field)");
}

TEST(RspReader, LoadNamesThePath) {
  std::vector<RspRecord> records;
  std::string error;
  EXPECT_FALSE(LoadRsp("/nonexistent/file.rsp", RspOptions(), &records, &error));
  EXPECT_EQ(error, "/nonexistent/file.rsp: cannot open");
}

// --- The package's files ---

std::string PackagePath(const std::string& path) {
  std::string error;
  const std::string full = RunfilePath("cryptography_vectors", path, &error);
  EXPECT_FALSE(full.empty()) << error;
  return full;
}

size_t RecordsOf(const std::string& path, const RspOptions& options = RspOptions()) {
  std::vector<RspRecord> records;
  std::string error;
  EXPECT_TRUE(LoadRsp(PackagePath(path), options, &records, &error)) << error;
  return records.size();
}

TEST(RspReaderOnPackageFiles, CountsTheRecordsOfEachKind) {
  EXPECT_EQ(RecordsOf("ciphers/AES/ECB/ECBVarTxt128.rsp"), 256u);  // ENCRYPT + DECRYPT
  EXPECT_EQ(RecordsOf("ciphers/3DES/CBC/TCBCMMT2.rsp"), 20u);
  EXPECT_EQ(RecordsOf("ciphers/AES/CCM/VADT128.rsp"), 330u);
  EXPECT_EQ(RecordsOf("ciphers/AES/CCM/DVPT128.rsp"), 240u);
  EXPECT_EQ(RecordsOf("ciphers/AES/GCM/gcmDecrypt128.rsp"), 7875u);
  EXPECT_EQ(RecordsOf("ciphers/AES/CTR/aes-128-ctr.txt"), 3u);
  EXPECT_EQ(RecordsOf("ciphers/Camellia/camellia-cbc.txt"), 12u);
  EXPECT_EQ(RecordsOf("ciphers/ChaCha20/rfc7539.txt"), 3u);
  EXPECT_EQ(RecordsOf("ciphers/ChaCha20Poly1305/boringssl.txt"), 66u);
  EXPECT_EQ(RecordsOf("ciphers/ChaCha20Poly1305/openssl.txt"), 5u);
  EXPECT_EQ(RecordsOf("CMAC/nist-800-38b-3des.txt"), 8u);
  EXPECT_EQ(RecordsOf("HMAC/rfc-2202-md5.txt", RspOptions{"MD"}), 7u);
  EXPECT_EQ(RecordsOf("HMAC/rfc-4231-sha512.txt", RspOptions{"MD"}), 6u);
}

TEST(RspReaderOnPackageFiles, GcmGroupsAndFailuresAreRead) {
  std::vector<RspRecord> records;
  std::string error;
  ASSERT_TRUE(LoadRsp(PackagePath("ciphers/AES/GCM/gcmDecrypt128.rsp"), RspOptions(), &records, &error))
      << error;
  size_t failures = 0;
  for (const RspRecord& record : records) {
    EXPECT_EQ(Value(record, "Keylen"), "128") << record.Where();
    EXPECT_TRUE(record.Has("Taglen") && record.Has("IVlen") && record.Has("PTlen") && record.Has("AADlen"))
        << record.Where();
    EXPECT_NE(record.HasFlag("FAIL"), record.Has("PT")) << record.Where();
    failures += record.HasFlag("FAIL") ? 1 : 0;
  }
  EXPECT_EQ(failures, 4011u);
}

// Every file the KAT suite reads in this format parses.
TEST(RspReaderOnPackageFiles, EveryFileInTheFormatParses) {
  size_t files = 0;
  for (const char* directory : {"ciphers/AES/ECB", "ciphers/AES/CBC", "ciphers/AES/CFB", "ciphers/AES/OFB",
                                "ciphers/AES/CTR", "ciphers/AES/CCM", "ciphers/AES/GCM", "ciphers/3DES",
                                "ciphers/ChaCha20", "ciphers/ChaCha20Poly1305", "CMAC", "HMAC"}) {
    const std::string root = PackagePath(directory);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_directory()) continue;
      const std::string path = entry.path().string();
      if (path.size() > 4 && path.substr(path.size() - 4) == ".txt" &&
          path.find("/CCM/") != std::string::npos) {
        continue;  // DVPT*.txt (annotated copies) and Readme.txt
      }
      RspOptions options;
      if (path.find("/HMAC/") != std::string::npos) options.record_field = "MD";
      std::vector<RspRecord> records;
      std::string error;
      EXPECT_TRUE(LoadRsp(path, options, &records, &error)) << error;
      ++files;
    }
  }
  // 15 x 4 AES modes + 30 AES CFB-1/8 + 3 CTR + 15 CCM + 6 GCM + 88 TDES
  // (the interleaved and CFB-1/8 files included) + 1 ChaCha20
  // + 2 ChaCha20-Poly1305 + 4 CMAC + 7 HMAC.
  EXPECT_EQ(files, 60u + 30u + 3u + 15u + 6u + 88u + 1u + 2u + 4u + 7u);
}

TEST(RspReaderOnPackageFiles, CamelliaModeFilesParse) {
  for (const char* file : {"ciphers/Camellia/camellia-cbc.txt", "ciphers/Camellia/camellia-cfb.txt",
                           "ciphers/Camellia/camellia-ofb.txt"}) {
    EXPECT_EQ(RecordsOf(file), 12u) << file;
  }
}

}  // namespace
}  // namespace tests::vectors
