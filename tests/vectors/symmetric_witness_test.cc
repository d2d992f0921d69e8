// The witness of the test drivers' hit counters (symmetric_witness.h) is not
// vacuous: in the build of test_a_multipart_only (its multi-part families
// only, then builtin), a declaration that names the wrong driver fails even
// where the dispatch reports no serving driver (a rejected tag), a
// description that routes a call otherwise than it ran fails, and the
// narrowing qualifiers (/SHORT, /MULTIPART) are checked too.

#include "tests/vectors/symmetric_witness.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/vectors/hex.h"
#include "tests/vectors/symmetric_build.h"
#include "tests/vectors/symmetric_checks.h"

namespace tests::vectors {
namespace {

constexpr char kDriver[] = "test_a_multipart_only";

// The right declaration of this build for AES-GCM.
constexpr char kServing[] = "AES-GCM=test_a_multipart_only,AES-GCM/SHORT=builtin,*=builtin";

Bytes FromHex(const std::string& hex) {
  Bytes bytes;
  EXPECT_TRUE(DecodeHex(hex, &bytes)) << hex;
  return bytes;
}

// Wycheproof aes_gcm_test.json tcId 2.
AeadCase Gcm() {
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

AeadCase TamperedGcm() {
  AeadCase c = Gcm();
  c.tag[0] ^= 0x80;
  return c;
}

// test_a_multipart_only.json's prefix with other entry points.
std::string Description(const std::string& entry_points) {
  return R"({"prefix": "test_a", "capabilities": [{"entry_points": [)" + entry_points + "]}]}";
}

class SymmetricWitness : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
  void TearDown() override { keys_.Clear(); }

  SymmetricBuild Build(const std::string& serving) {
    SymmetricBuild build;
    std::string error;
    EXPECT_TRUE(SymmetricBuild::Parse(serving, "", &build, &error)) << error;
    return build;
  }

  Verdict Check(const AeadCase& c, Expectation expectation, const std::string& serving,
                ServingWitness* witness) {
    const SymmetricBuild build = Build(serving);
    return CheckAead(c, expectation, CheckContext{&splitter_, &keys_, &build, witness});
  }

  ChunkSplitter splitter_{1};
  KeyCache keys_;
};

TEST_F(SymmetricWitness, WatchesTheLinkedTestDriver) {
  ASSERT_EQ(ThisBuildWitnessError(), "");
  EXPECT_TRUE(ThisBuildWitness().Watches(kDriver));
  EXPECT_FALSE(ThisBuildWitness().Watches("builtin"));
}

TEST_F(SymmetricWitness, TheRightDeclarationPassesAndCountsTheByPartsRoute) {
  ASSERT_EQ(ThisBuildWitnessError(), "");
  ServingWitness& witness = ThisBuildWitness();
  witness.ResetSummary();
  Verdict verdict = Check(Gcm(), Expectation::kValid, kServing, &witness);
  EXPECT_EQ(verdict.kind, Verdict::kPass) << verdict.detail;
  verdict = Check(TamperedGcm(), Expectation::kInvalidTag, kServing, &witness);
  EXPECT_EQ(verdict.kind, Verdict::kPass) << verdict.detail;
  const std::string summary = witness.Summary();
  EXPECT_NE(summary.find("psa_aead_decrypt: test_a_multipart_only by aead_decrypt_setup, aead_verify, aead_abort: 2"),
            std::string::npos)
      << summary;
  EXPECT_NE(summary.find("psa_aead_encrypt: test_a_multipart_only by aead_encrypt_setup, aead_finish, aead_abort: 2"),
            std::string::npos)
      << summary;
}

TEST_F(SymmetricWitness, ARejectedTagServedElsewhereFailsOnlyWithTheCounters) {
  ASSERT_EQ(ThisBuildWitnessError(), "");
  AeadCase c = TamperedGcm();
  c.encrypt = false;  // decryption only: no call succeeds, no serving driver is reported
  // Without the counters the wrong declaration goes unnoticed...
  EXPECT_EQ(Check(c, Expectation::kInvalidTag, "*=builtin", nullptr).kind, Verdict::kPass);
  // ...with them it does not.
  const Verdict verdict = Check(c, Expectation::kInvalidTag, "*=builtin", &ThisBuildWitness());
  EXPECT_EQ(verdict.kind, Verdict::kFail);
  EXPECT_NE(verdict.detail.find("psa_aead_decrypt reached test_a_multipart_only (aead_decrypt_setup, "),
            std::string::npos)
      << verdict.detail;
  EXPECT_NE(verdict.detail.find("but the build expects builtin to serve it"), std::string::npos) << verdict.detail;
}

TEST_F(SymmetricWitness, ADescriptionThatRoutesOtherwiseFails) {
  // As if test_a_multipart_only had the single-part entry points: the core
  // would have had to call aead_encrypt, not the multi-part family.
  ServingWitness witness;
  std::string error;
  ASSERT_TRUE(witness.AddDriver(kDriver,
                                Description(R"("aead_encrypt", "aead_decrypt", "aead_encrypt_multipart",
                                               "aead_decrypt_multipart")"),
                                &error))
      << error;
  const Verdict verdict = Check(Gcm(), Expectation::kValid, kServing, &witness);
  EXPECT_EQ(verdict.kind, Verdict::kFail);
  EXPECT_NE(verdict.detail.find("psa_aead_encrypt went through test_a_multipart_only's aead_encrypt_setup, "),
            std::string::npos)
      << verdict.detail;
  EXPECT_NE(verdict.detail.find("routes it through aead_encrypt, each once"), std::string::npos) << verdict.detail;
}

TEST_F(SymmetricWitness, ADriverWithoutAnEntryPointForTheCallFails) {
  ServingWitness witness;
  std::string error;
  ASSERT_TRUE(witness.AddDriver(kDriver, Description(R"("mac_multipart")"), &error)) << error;
  const Verdict verdict = Check(Gcm(), Expectation::kValid, kServing, &witness);
  EXPECT_EQ(verdict.kind, Verdict::kFail);
  EXPECT_NE(verdict.detail.find("the build expects test_a_multipart_only to serve psa_aead_encrypt, but its "
                                "description (drivers/test/test_a_multipart_only.json) has no entry point for it"),
            std::string::npos)
      << verdict.detail;
}

TEST_F(SymmetricWitness, WrongQualifiersFail) {
  ServingWitness& witness = ThisBuildWitness();
  // Multi-part operations are served by test_a too.
  Verdict verdict =
      Check(Gcm(), Expectation::kValid, "AES-GCM=test_a_multipart_only,AES-GCM/MULTIPART=builtin,*=builtin", &witness);
  EXPECT_EQ(verdict.kind, Verdict::kFail);
  EXPECT_NE(verdict.detail.find("served by test_a_multipart_only, the build expects builtin for AES-GCM, 128-bit "
                                "key, multi-part"),
            std::string::npos)
      << verdict.detail;
  // A shortened tag is not PSA_ALG_GCM: builtin serves it.
  AeadCase shortened = Gcm();
  shortened.alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12);
  shortened.tag.resize(12);
  verdict = Check(shortened, Expectation::kValid, "AES-GCM=test_a_multipart_only,*=builtin", &witness);
  EXPECT_EQ(verdict.kind, Verdict::kFail);
  EXPECT_NE(verdict.detail.find("served by builtin, the build expects test_a_multipart_only for AES-GCM, 128-bit "
                                "key, truncated MAC or shortened tag"),
            std::string::npos)
      << verdict.detail;
  verdict = Check(shortened, Expectation::kValid, kServing, &witness);
  EXPECT_EQ(verdict.kind, Verdict::kPass) << verdict.detail;
  // Another key size than the declared one.
  verdict = Check(Gcm(), Expectation::kValid, "AES-GCM/128=builtin,AES-GCM=test_a_multipart_only,*=builtin", &witness);
  EXPECT_EQ(verdict.kind, Verdict::kFail);
}

TEST(ServingWitnessDescriptions, BadDescriptionsSayWhatIsWrong) {
  ServingWitness witness;
  std::string error;
  EXPECT_FALSE(witness.AddDriver("x", "{", &error));
  EXPECT_EQ(error, "not a JSON object");
  EXPECT_FALSE(witness.AddDriver("x", R"({"prefix": "acme", "capabilities": []})", &error));
  EXPECT_NE(error.find("prefix \"acme\" is none of the test driver instances"), std::string::npos) << error;
  EXPECT_FALSE(witness.AddDriver("x", R"({"prefix": "test_a"})", &error));
  EXPECT_EQ(error, "no \"prefix\" string or \"capabilities\" array");
  ASSERT_TRUE(witness.AddDriver("test_a_symmetric", Description(R"("mac_compute")"), &error)) << error;
  EXPECT_FALSE(witness.AddDriver("test_a_multipart_only", Description(R"("mac_compute")"), &error));
  EXPECT_EQ(error, "drivers test_a_symmetric and test_a_multipart_only share the counters of instance test_a");
  EXPECT_FALSE(witness.AddDriver("test_a_symmetric", Description(R"("mac_compute")"), &error));
  EXPECT_EQ(error, "driver test_a_symmetric added twice");
}

}  // namespace
}  // namespace tests::vectors
