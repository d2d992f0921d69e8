// Mechanism names and the parsing of a build's symmetric declaration.

#include "tests/vectors/symmetric_build.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace tests::vectors {
namespace {

SymmetricBuild ParseOrDie(const std::string& serving, const std::string& unsupported) {
  SymmetricBuild build;
  std::string error;
  EXPECT_TRUE(SymmetricBuild::Parse(serving, unsupported, &build, &error)) << error;
  return build;
}

std::string ErrorOf(const std::string& serving, const std::string& unsupported) {
  SymmetricBuild build;
  std::string error;
  EXPECT_FALSE(SymmetricBuild::Parse(serving, unsupported, &build, &error));
  return error;
}

TEST(MechanismName, NamesEveryMechanismOfTheSuitesWhateverTheLength) {
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_AES, PSA_ALG_GCM), "AES-GCM");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_AES, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 4)), "AES-GCM");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_AES, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 3)), "AES-CCM");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_CAMELLIA, PSA_ALG_CCM), "CAMELLIA-CCM");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305), "CHACHA20-POLY1305");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER), "CHACHA20");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7), "AES-CBC-PKCS7");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_DES, PSA_ALG_CBC_NO_PADDING), "DES-CBC-NO-PADDING");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_CAMELLIA, PSA_ALG_ECB_NO_PADDING), "CAMELLIA-ECB-NO-PADDING");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_AES, PSA_ALG_CTR), "AES-CTR");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_DES, PSA_ALG_CFB), "DES-CFB");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_AES, PSA_ALG_OFB), "AES-OFB");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_AES, PSA_ALG_CMAC), "AES-CMAC");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_DES, PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 4)), "DES-CMAC");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_256)), "HMAC-SHA-256");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_HMAC, PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_512), 32)),
            "HMAC-SHA-512");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_RIPEMD160)), "HMAC-RIPEMD-160");
}

TEST(MechanismName, IsEmptyForWhatTheSuitesDoNotKnow) {
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_DES, PSA_ALG_GCM), "");  // 8-byte block
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_AES, PSA_ALG_HMAC(PSA_ALG_SHA_256)), "");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA3_256)), "");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_AES, PSA_ALG_STREAM_CIPHER), "");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_CHACHA20, PSA_ALG_CTR), "");
  EXPECT_EQ(MechanismName(PSA_KEY_TYPE_AES, PSA_ALG_SHA_256), "");
}

TEST(MechanismName, KnownMechanismsAreExactlyTheNames) {
  const std::vector<std::string>& known = KnownMechanisms();
  EXPECT_EQ(known.size(), 5u * 7u + 4u * 2u + 2u + 7u);
  for (const char* name : {"AES-GCM", "SM4-CCM", "ARIA-CFB", "DES-CMAC", "CHACHA20", "HMAC-MD5"}) {
    EXPECT_NE(std::find(known.begin(), known.end(), name), known.end()) << name;
  }
  EXPECT_EQ(std::find(known.begin(), known.end(), "DES-GCM"), known.end());
}

TEST(SymmetricBuild, ServingDriversWithADefault) {
  const SymmetricBuild build = ParseOrDie("AES-GCM=test_a,HMAC-SHA-256=test_b,*=builtin", "");
  EXPECT_EQ(build.DriverFor("AES-GCM"), "test_a");
  EXPECT_EQ(build.DriverFor("HMAC-SHA-256"), "test_b");
  EXPECT_EQ(build.DriverFor("AES-CCM"), "builtin");
  EXPECT_EQ(build.Drivers(), (std::vector<std::string>{"builtin", "test_a", "test_b"}));
  EXPECT_FALSE(build.Unsupported("AES-GCM", 128));
}

ServingQuery Query(const std::string& mechanism, size_t key_bits, bool shortened, bool multipart) {
  ServingQuery query;
  query.mechanism = mechanism;
  query.key_bits = key_bits;
  query.shortened = shortened;
  query.multipart = multipart;
  return query;
}

TEST(IsShortened, OnlyTruncatedMacsAndShortenedTags) {
  EXPECT_FALSE(IsShortened(PSA_ALG_GCM));
  EXPECT_FALSE(IsShortened(PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 16)));  // the default length
  EXPECT_TRUE(IsShortened(PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12)));
  EXPECT_TRUE(IsShortened(PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4)));
  EXPECT_FALSE(IsShortened(PSA_ALG_CMAC));
  EXPECT_TRUE(IsShortened(PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 8)));
  EXPECT_TRUE(IsShortened(PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16)));
  EXPECT_FALSE(IsShortened(PSA_ALG_HMAC(PSA_ALG_SHA_256)));
  EXPECT_FALSE(IsShortened(PSA_ALG_CBC_PKCS7));
}

TEST(SymmetricBuild, QualifiedEntriesNarrowByKeySizeLengthAndForm) {
  const SymmetricBuild build = ParseOrDie(
      "AES-GCM=test_a,AES-GCM/192=test_b,AES-GCM/SHORT=builtin,AES-GCM/192/SHORT=builtin,"
      "HMAC-SHA-256=test_a,HMAC-SHA-256/MULTIPART=builtin,*=builtin",
      "");
  EXPECT_EQ(build.DriverFor(Query("AES-GCM", 128, false, false)), "test_a");
  EXPECT_EQ(build.DriverFor(Query("AES-GCM", 128, false, true)), "test_a");
  EXPECT_EQ(build.DriverFor(Query("AES-GCM", 192, false, false)), "test_b");
  EXPECT_EQ(build.DriverFor(Query("AES-GCM", 192, false, true)), "test_b");
  EXPECT_EQ(build.DriverFor(Query("AES-GCM", 256, true, false)), "builtin");
  EXPECT_EQ(build.DriverFor(Query("AES-GCM", 192, true, true)), "builtin");
  EXPECT_EQ(build.DriverFor(Query("HMAC-SHA-256", 256, false, false)), "test_a");
  EXPECT_EQ(build.DriverFor(Query("HMAC-SHA-256", 256, true, false)), "test_a");
  EXPECT_EQ(build.DriverFor(Query("HMAC-SHA-256", 256, false, true)), "builtin");
  EXPECT_EQ(build.DriverFor(Query("AES-CCM", 128, false, false)), "builtin");
  EXPECT_EQ(build.DriverFor("AES-GCM", 192), "test_b");
  EXPECT_EQ(build.Drivers(), (std::vector<std::string>{"builtin", "test_a", "test_b"}));
  // Qualifiers in any order.
  const SymmetricBuild reordered = ParseOrDie("AES-CMAC/MULTIPART/SHORT/128=test_a,*=builtin", "");
  EXPECT_EQ(reordered.DriverFor(Query("AES-CMAC", 128, true, true)), "test_a");
  EXPECT_EQ(reordered.DriverFor(Query("AES-CMAC", 128, true, false)), "builtin");
  EXPECT_EQ(reordered.DriverFor(Query("AES-CMAC", 256, true, true)), "builtin");
}

TEST(SymmetricBuild, AmbiguousQualifiedEntriesAreRejected) {
  // A 192-bit key with a short tag: test_b or builtin?
  EXPECT_EQ(ErrorOf("AES-GCM/192=test_b,AES-GCM/SHORT=builtin,*=builtin", ""),
            "\"AES-GCM/192=test_b\" and \"AES-GCM/SHORT=builtin\" both apply to AES-GCM/192/SHORT: "
            "declare AES-GCM/192/SHORT=<driver>");
  EXPECT_EQ(ErrorOf("AES-GCM/SHORT=test_b,AES-GCM/MULTIPART=builtin,*=builtin", ""),
            "\"AES-GCM/SHORT=test_b\" and \"AES-GCM/MULTIPART=builtin\" both apply to "
            "AES-GCM/SHORT/MULTIPART: declare AES-GCM/SHORT/MULTIPART=<driver>");
  // The same driver, or key sizes that never meet: no ambiguity.
  ParseOrDie("AES-GCM/192=builtin,AES-GCM/SHORT=builtin,*=test_a", "");
  ParseOrDie("AES-GCM/192=test_b,AES-GCM/256=builtin,*=builtin", "");
  EXPECT_EQ(ErrorOf("AES-GCM/SHORT/192=a,AES-GCM/192/SHORT=b,*=c", ""),
            "mechanism \"AES-GCM/192/SHORT\" given twice");
  EXPECT_NE(ErrorOf("AES-GCM/LONG=a,*=c", "").find("qualifier \"LONG\" is none of"), std::string::npos);
  EXPECT_NE(ErrorOf("AES-GCM/0128=a,*=c", "").find("qualifier \"0128\" is none of"), std::string::npos);
  EXPECT_NE(ErrorOf("AES-GCM/128/256=a,*=c", "").find("qualifier \"256\" of a kind already given"),
            std::string::npos);
  EXPECT_NE(ErrorOf("AES-GCN/128=a,*=c", "").find("unknown mechanism \"AES-GCN\""), std::string::npos);
  EXPECT_EQ(ErrorOf("*/MULTIPART=a,*=c", "").find("unknown mechanism \"*\""), 0u);
}

TEST(SymmetricBuild, UnsupportedMechanismsKeySizesAndOptions) {
  const SymmetricBuild build =
      ParseOrDie("*=builtin", "DES-CFB,DES-CMAC/128,CHACHA20/IV16,CHACHA20-POLY1305/NONCE8");
  EXPECT_TRUE(build.Unsupported("DES-CFB", 64));
  EXPECT_TRUE(build.Unsupported("DES-CFB", 0));
  EXPECT_TRUE(build.Unsupported("DES-CMAC", 128));
  EXPECT_FALSE(build.Unsupported("DES-CMAC", 192));
  EXPECT_FALSE(build.Unsupported("DES-CMAC", 0));
  EXPECT_FALSE(build.Unsupported("DES-OFB", 64));
  EXPECT_TRUE(build.OptionUnsupported(kChaCha20Iv16));
  EXPECT_TRUE(build.OptionUnsupported(kChaCha20Poly1305Nonce8));
  EXPECT_FALSE(build.OptionUnsupported("AES-GCM"));
}

TEST(SymmetricBuild, BadDeclarationsSayWhatIsWrong) {
  EXPECT_EQ(ErrorOf("AES-GCM=test_a", ""), "no \"*=driver\" for the mechanisms not named");
  EXPECT_EQ(ErrorOf("*=a,*=b", ""), "\"*\" given twice");
  EXPECT_EQ(ErrorOf("AES-GCM=a,AES-GCM=b,*=c", ""), "mechanism \"AES-GCM\" given twice");
  EXPECT_EQ(ErrorOf("AES-GCN=a,*=c", ""), "unknown mechanism \"AES-GCN\" (e.g. AES-GCM, HMAC-SHA-256)");
  EXPECT_EQ(ErrorOf("builtin", ""),
            "serving entry \"builtin\" is not MECHANISM=driver (e.g. AES-GCM=test_a, *=builtin)");
  EXPECT_EQ(ErrorOf("*=", ""),
            "serving entry \"*=\" is not MECHANISM=driver (e.g. AES-GCM=test_a, *=builtin)");
  EXPECT_NE(ErrorOf("*=builtin", "DES-CMAC/x").find("unsupported entry \"DES-CMAC/x\""), std::string::npos);
  EXPECT_NE(ErrorOf("*=builtin", "DES-XYZ").find("unsupported entry \"DES-XYZ\""), std::string::npos);
  EXPECT_NE(ErrorOf("*=builtin", "DES-CFB,").find("unsupported entry \"\""), std::string::npos);
  EXPECT_EQ(ErrorOf("*=builtin", "DES-CFB,DES-CFB"), "unsupported entry \"DES-CFB\" given twice");
}

}  // namespace
}  // namespace tests::vectors
