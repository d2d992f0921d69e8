// The checks of symmetric_checks.h are not vacuous: on the builtin driver,
// a right answer passes, and a wrong output, a wrong tag, a wrong
// expectation, a wrong serving driver or a false "unsupported" declaration
// each fail the vector.

#include "tests/vectors/symmetric_checks.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/vectors/hex.h"

namespace tests::vectors {
namespace {

Bytes FromHex(const std::string& hex) {
  Bytes bytes;
  EXPECT_TRUE(DecodeHex(hex, &bytes)) << hex;
  return bytes;
}

class SymmetricChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    std::string error;
    ASSERT_TRUE(SymmetricBuild::Parse("*=builtin", "", &build_, &error)) << error;
  }
  void TearDown() override { keys_.Clear(); }

  CheckContext Context(const SymmetricBuild* build = nullptr) {
    return CheckContext{&splitter_, &keys_, build != nullptr ? build : &build_};
  }

  // Wycheproof aes_gcm_test.json tcId 2.
  static AeadCase Gcm() {
    AeadCase c;
    c.key_type = PSA_KEY_TYPE_AES;
    c.key = FromHex("5b9604fe14eadba931b0ccf34843dab9");
    c.alg = PSA_ALG_GCM;
    c.nonce = FromHex("921d2507fa8007b7bd067d34");
    c.ad = FromHex("00112233445566778899aabbccddeeff");
    c.plaintext = FromHex("001d0c231287c1182784554ca3a21908");
    c.ciphertext = FromHex("49d8b9783e911913d87094d1f63cc765");
    c.tag = FromHex("1e348ba07cca2cf04c618cb4d43a5b92");
    return c;
  }

  // SP 800-38A F.2.1, CBC-AES128, the first block.
  static CipherCase Cbc() {
    CipherCase c;
    c.key_type = PSA_KEY_TYPE_AES;
    c.key = FromHex("2b7e151628aed2a6abf7158809cf4f3c");
    c.alg = PSA_ALG_CBC_NO_PADDING;
    c.iv = FromHex("000102030405060708090a0b0c0d0e0f");
    c.plaintext = FromHex("6bc1bee22e409f96e93d7e117393172a");
    c.ciphertext = FromHex("7649abac8119b246cee98e9b12e9197d");
    return c;
  }

  // RFC 4231 test case 1, HMAC-SHA-256.
  static MacCase Hmac() {
    MacCase c;
    c.key_type = PSA_KEY_TYPE_HMAC;
    c.key = FromHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    c.alg = PSA_ALG_HMAC(PSA_ALG_SHA_256);
    c.message = FromHex("4869205468657265");
    c.mac = FromHex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    return c;
  }

  ChunkSplitter splitter_{1};
  KeyCache keys_;
  SymmetricBuild build_;
};

TEST_F(SymmetricChecks, RightAnswersPass) {
  EXPECT_EQ(CheckAead(Gcm(), Expectation::kValid, Context()).kind, Verdict::kPass);
  EXPECT_EQ(CheckCipher(Cbc(), Expectation::kValid, Context()).kind, Verdict::kPass);
  EXPECT_EQ(CheckMac(Hmac(), Expectation::kValid, Context()).kind, Verdict::kPass);
}

TEST_F(SymmetricChecks, WrongOutputsFail) {
  AeadCase aead = Gcm();
  aead.ciphertext[3] ^= 0x10;
  EXPECT_EQ(CheckAead(aead, Expectation::kValid, Context()).kind, Verdict::kFail);
  aead = Gcm();
  aead.tag.back() ^= 1;
  EXPECT_EQ(CheckAead(aead, Expectation::kValid, Context()).kind, Verdict::kFail);
  aead.encrypt = false;
  EXPECT_EQ(CheckAead(aead, Expectation::kValid, Context()).kind, Verdict::kFail);
  CipherCase cipher = Cbc();
  cipher.ciphertext[0] ^= 1;
  EXPECT_EQ(CheckCipher(cipher, Expectation::kValid, Context()).kind, Verdict::kFail);
  cipher.encrypt = false;
  EXPECT_EQ(CheckCipher(cipher, Expectation::kValid, Context()).kind, Verdict::kFail);
  MacCase mac = Hmac();
  mac.mac[10] ^= 4;
  EXPECT_EQ(CheckMac(mac, Expectation::kValid, Context()).kind, Verdict::kFail);
}

TEST_F(SymmetricChecks, TamperedTagsPassOnlyAsInvalid) {
  AeadCase aead = Gcm();
  EXPECT_EQ(CheckAead(aead, Expectation::kInvalidTag, Context()).kind, Verdict::kFail);
  aead.tag[0] ^= 0x80;
  const Verdict verdict = CheckAead(aead, Expectation::kInvalidTag, Context());
  EXPECT_EQ(verdict.kind, Verdict::kPass) << verdict.detail;
  MacCase mac = Hmac();
  EXPECT_EQ(CheckMac(mac, Expectation::kInvalidTag, Context()).kind, Verdict::kFail);
  mac.mac.pop_back();  // a truncated MAC is not the MAC
  EXPECT_EQ(CheckMac(mac, Expectation::kInvalidTag, Context()).kind, Verdict::kPass);
}

TEST_F(SymmetricChecks, AcceptedParametersFailARejection) {
  // A 12-byte GCM nonce is valid: a rejection must fail.
  EXPECT_EQ(CheckAead(Gcm(), Expectation::kInvalidArgument, Context()).kind, Verdict::kFail);
  AeadCase aead = Gcm();
  aead.nonce.clear();  // GCM needs at least one byte
  const Verdict verdict = CheckAead(aead, Expectation::kInvalidArgument, Context());
  EXPECT_EQ(verdict.kind, Verdict::kPass) << verdict.detail;
}

TEST_F(SymmetricChecks, RejectionsNeedTheirStatus) {
  // CCM with a 3-byte tag is no valid algorithm: INVALID_ARGUMENT or
  // NOT_SUPPORTED will do.
  AeadCase ccm = Gcm();
  ccm.alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 3);
  ccm.tag.resize(3);
  Verdict verdict = CheckAead(ccm, Expectation::kInvalidAlgorithm, Context());
  EXPECT_EQ(verdict.kind, Verdict::kPass) << verdict.detail;
  // DES in CFB mode is valid but not built in: NOT_SUPPORTED, which is no
  // INVALID_ARGUMENT.
  CipherCase des;
  des.key_type = PSA_KEY_TYPE_DES;
  des.key = FromHex("0123456789abcdef");
  des.alg = PSA_ALG_CFB;
  des.iv = FromHex("0000000000000000");
  des.plaintext = FromHex("00");
  des.ciphertext = FromHex("00");
  verdict = CheckCipher(des, Expectation::kInvalidArgument, Context());
  EXPECT_EQ(verdict.kind, Verdict::kFail);
  EXPECT_NE(verdict.detail.find("PSA_ERROR_NOT_SUPPORTED, expected PSA_ERROR_INVALID_ARGUMENT"),
            std::string::npos)
      << verdict.detail;
}

TEST_F(SymmetricChecks, AnotherServingDriverFails) {
  SymmetricBuild elsewhere;
  std::string error;
  ASSERT_TRUE(SymmetricBuild::Parse("AES-GCM=test_a,*=builtin", "", &elsewhere, &error)) << error;
  const Verdict verdict = CheckAead(Gcm(), Expectation::kValid, Context(&elsewhere));
  EXPECT_EQ(verdict.kind, Verdict::kFail);
  EXPECT_NE(verdict.detail.find("served by builtin, the build expects test_a"), std::string::npos)
      << verdict.detail;
  EXPECT_EQ(CheckMac(Hmac(), Expectation::kValid, Context(&elsewhere)).kind, Verdict::kPass);
}

TEST_F(SymmetricChecks, AFalseUnsupportedDeclarationFails) {
  SymmetricBuild declared;
  std::string error;
  ASSERT_TRUE(SymmetricBuild::Parse("*=builtin", "AES-GCM,AES-CBC-NO-PADDING/128", &declared, &error))
      << error;
  Verdict verdict = CheckAead(Gcm(), Expectation::kValid, Context(&declared));
  EXPECT_EQ(verdict.kind, Verdict::kFail);
  EXPECT_NE(verdict.detail.find("declares AES-GCM unsupported"), std::string::npos) << verdict.detail;
  verdict = CheckCipher(Cbc(), Expectation::kValid, Context(&declared));
  EXPECT_EQ(verdict.kind, Verdict::kFail);
  EXPECT_NE(verdict.detail.find("declares AES-CBC-NO-PADDING/128 unsupported"), std::string::npos)
      << verdict.detail;
  CipherCase aes256 = Cbc();
  aes256.key.resize(32, 0);  // another key size: not declared, runs (and gives another ciphertext)
  EXPECT_EQ(CheckCipher(aes256, Expectation::kValid, Context(&declared)).kind, Verdict::kFail);
}

}  // namespace
}  // namespace tests::vectors
