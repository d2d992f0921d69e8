// The MAC, cipher and AEAD API over every vector of the symmetric Wycheproof
// files (testdata/wycheproof/), valid and invalid, in one build's driver
// selection (BUILD.bazel compiles this suite once per selection). Each vector
// goes through the single-part calls and through the multi-part operation
// fed in random-sized chunks (symmetric_checks.h says exactly which calls,
// and which statuses each expectation allows). The chunk sizes come from a
// seeded generator: the seed is printed, and --test_env=PSA_VECTORS_SEED=<n>
// repeats a run.
//
// How a Wycheproof result and flag map to an expectation (Expectation in
// symmetric_checks.h; PSA Crypto API 1.2, ops/aead.rst, cipher.rst, mac.rst):
//
//   result "valid" (any flag), "acceptable"      kValid (no file here has an
//                                                "acceptable" vector)
//   AEAD, invalid:
//     ModifiedTag                                kInvalidTag:
//                                                PSA_ERROR_INVALID_SIGNATURE
//     InvalidTagSize, InsecureTagSize (CCM tags  kInvalidAlgorithm: the
//       are 4, 6, 8, 10, 12, 14, 16 bytes)         algorithm is not valid:
//                                                  INVALID_ARGUMENT or
//                                                  NOT_SUPPORTED, at import
//                                                  or in every call
//     ZeroLengthIv (GCM: "at least 1 byte")      kInvalidArgument: "nonce_length
//     InvalidNonceSize (CCM: 7..13 bytes;          is not valid": INVALID_ARGUMENT
//       ChaCha20-Poly1305: 12 bytes, or 8)         in every call
//     CVE-2017-18330 (CCM nonce too long)
//     InvalidNonceSize with an 8-byte nonce      kOptionalVariant: the
//       (ChaCha20-Poly1305)                        original ChaCha20 variant,
//                                                  which the API makes optional
//                                                  (NOT_SUPPORTED if the build
//                                                  declares it unsupported)
//   CBC-PKCS5, invalid:
//     BadPadding                                 kInvalidPadding:
//                                                PSA_ERROR_INVALID_PADDING
//     NoPadding (an empty ciphertext)            kInvalidLength:
//                                                INVALID_ARGUMENT or
//                                                INVALID_PADDING
//   MAC, invalid:
//     ModifiedTag                                kInvalidTag:
//                                                PSA_ERROR_INVALID_SIGNATURE
//     InvalidKeySize (AES: 16, 24, 32 bytes)     kInvalidArgument: "the key size
//                                                  is not valid for the key
//                                                  type", at import
// An invalid vector with any other flag fails the suite: the mapping must be
// extended, with its reason, before the vector counts.
//
// Keys are imported with exactly the usage and algorithm each call needs
// (the tag or MAC length of the vector's group in the algorithm), at the
// build's key location (SYMMETRIC_KEY_LOCATION: an opaque driver's for an
// opaque build). Besides the outputs and statuses, every call is checked
// against the serving declaration, through the dispatch's last serving
// driver and the test drivers' hit counters (symmetric_witness.h). Nothing
// is skipped unless the build declares the mechanism unsupported
// (SYMMETRIC_UNSUPPORTED in BUILD.bazel): then every call must say
// PSA_ERROR_NOT_SUPPORTED.

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "tests/vectors/symmetric_serving.h"
#include "tests/vectors/symmetric_calls.h"
#include "tests/vectors/symmetric_checks.h"
#include "tests/vectors/symmetric_witness.h"
#include "tests/vectors/test_files.h"
#include "tests/vectors/vector_report.h"
#include "tests/vectors/wycheproof_vectors.h"

namespace tests::vectors {
namespace {

// How the tests of one file map to PSA.
enum class Family { kAead, kCipher, kMac };

struct WycheproofFileSpec {
  const char* file;  // in testdata/wycheproof/
  const char* algorithm;  // the file's "algorithm", checked
  Family family;
  psa_key_type_t key_type;
  psa_algorithm_t alg;  // with the default tag or MAC length
  size_t number_of_tests;
};

const std::vector<WycheproofFileSpec>& Files() {
  static const std::vector<WycheproofFileSpec> files = {
      {"aes_gcm_test.json", "AES-GCM", Family::kAead, PSA_KEY_TYPE_AES, PSA_ALG_GCM, 316},
      {"aes_ccm_test.json", "AES-CCM", Family::kAead, PSA_KEY_TYPE_AES, PSA_ALG_CCM, 552},
      {"chacha20_poly1305_test.json", "CHACHA20-POLY1305", Family::kAead, PSA_KEY_TYPE_CHACHA20,
       PSA_ALG_CHACHA20_POLY1305, 325},
      {"aes_cbc_pkcs5_test.json", "AES-CBC-PKCS5", Family::kCipher, PSA_KEY_TYPE_AES,
       PSA_ALG_CBC_PKCS7, 216},
      {"aes_cmac_test.json", "AES-CMAC", Family::kMac, PSA_KEY_TYPE_AES, PSA_ALG_CMAC, 311},
      {"hmac_sha256_test.json", "HMACSHA256", Family::kMac, PSA_KEY_TYPE_HMAC,
       PSA_ALG_HMAC(PSA_ALG_SHA_256), 174},
      {"hmac_sha512_test.json", "HMACSHA512", Family::kMac, PSA_KEY_TYPE_HMAC,
       PSA_ALG_HMAC(PSA_ALG_SHA_512), 174},
  };
  return files;
}

uint64_t Seed() {
  static const uint64_t seed = ChunkSeed();
  return seed;
}

bool HasAnyFlag(const WycheproofTest& test, std::initializer_list<const char*> flags) {
  return std::any_of(flags.begin(), flags.end(), [&](const char* flag) { return test.HasFlag(flag); });
}

// The expectation of `test`, or false with *problem when no mapping applies.
bool ExpectationOf(const WycheproofFileSpec& spec, const WycheproofTest& test,
                   Expectation* expectation, std::string* problem) {
  if (test.result != WycheproofResult::kInvalid) {
    *expectation = Expectation::kValid;
    return true;
  }
  switch (spec.family) {
    case Family::kAead:
      if (spec.key_type == PSA_KEY_TYPE_CHACHA20 && test.HasFlag("InvalidNonceSize") &&
          test.iv.size() == 8) {
        *expectation = Expectation::kOptionalVariant;
        return true;
      }
      if (HasAnyFlag(test, {"InvalidTagSize", "InsecureTagSize"})) {
        *expectation = Expectation::kInvalidAlgorithm;
        return true;
      }
      if (HasAnyFlag(test, {"ZeroLengthIv", "InvalidNonceSize", "CVE-2017-18330"})) {
        *expectation = Expectation::kInvalidArgument;
        return true;
      }
      if (test.HasFlag("ModifiedTag")) {
        *expectation = Expectation::kInvalidTag;
        return true;
      }
      break;
    case Family::kCipher:
      if (test.HasFlag("BadPadding")) {
        *expectation = Expectation::kInvalidPadding;
        return true;
      }
      if (test.HasFlag("NoPadding")) {
        *expectation = Expectation::kInvalidLength;
        return true;
      }
      break;
    case Family::kMac:
      if (test.HasFlag("InvalidKeySize")) {
        *expectation = Expectation::kInvalidArgument;
        return true;
      }
      if (test.HasFlag("ModifiedTag")) {
        *expectation = Expectation::kInvalidTag;
        return true;
      }
      break;
  }
  std::string flags;
  for (const std::string& flag : test.flags) flags += (flags.empty() ? "" : ", ") + flag;
  *problem = "no expectation for an invalid vector with flags [" + flags +
             "]: extend the mapping of symmetric_wycheproof_test.cc";
  return false;
}

Verdict CheckTest(const WycheproofFileSpec& spec, const WycheproofTest& test,
                  const CheckContext& context) {
  Expectation expectation = Expectation::kValid;
  std::string problem;
  if (!ExpectationOf(spec, test, &expectation, &problem)) return Verdict::Fail(problem);
  switch (spec.family) {
    case Family::kAead: {
      AeadCase c;
      c.key_type = spec.key_type;
      c.key = test.key;
      c.alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(spec.alg, test.tag_size_bits / 8);
      c.nonce = test.iv;
      c.ad = test.aad;
      c.plaintext = test.msg;
      c.ciphertext = test.ct;
      c.tag = test.tag;
      if (expectation == Expectation::kOptionalVariant) c.option = kChaCha20Poly1305Nonce8;
      return CheckAead(c, expectation, context);
    }
    case Family::kCipher: {
      CipherCase c;
      c.key_type = spec.key_type;
      c.key = test.key;
      c.alg = spec.alg;
      c.iv = test.iv;
      c.plaintext = test.msg;
      c.ciphertext = test.ct;
      // An invalid ciphertext has no plaintext to encrypt.
      c.encrypt = expectation == Expectation::kValid;
      return CheckCipher(c, expectation, context);
    }
    case Family::kMac: {
      MacCase c;
      c.key_type = spec.key_type;
      c.key = test.key;
      const size_t full_length = PSA_MAC_LENGTH(spec.key_type, test.key.size() * 8, spec.alg);
      const size_t length = test.tag_size_bits / 8;
      c.alg = length == full_length || full_length == 0 ? spec.alg
                                                         : PSA_ALG_TRUNCATED_MAC(spec.alg, length);
      c.message = test.msg;
      c.mac = test.tag;
      return CheckMac(c, expectation, context);
    }
  }
  return Verdict::Fail("unknown family");
}

class SymmetricWycheproof : public ::testing::TestWithParam<WycheproofFileSpec> {
 protected:
  void SetUp() override {
    ASSERT_EQ(ThisSymmetricBuildError(), "");
    ASSERT_EQ(ThisBuildWitnessError(), "");
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  }
};

std::string NameOf(const ::testing::TestParamInfo<WycheproofFileSpec>& info) {
  std::string name;
  for (const char* c = info.param.file; *c != '\0' && *c != '.'; ++c) {
    name.push_back((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || (*c >= 'A' && *c <= 'Z') ? *c : '_');
  }
  return name;
}

TEST(SymmetricWycheproofBuild, DeclarationIsValidAndNamesOnlyLinkedDrivers) {
  ASSERT_EQ(ThisSymmetricBuildError(), "");
  const std::vector<std::string> linked = LinkedDriverNames();
  ASSERT_FALSE(linked.empty());
  for (const std::string& driver : ThisSymmetricBuild().Drivers()) {
    EXPECT_NE(std::find(linked.begin(), linked.end(), driver), linked.end())
        << "SYMMETRIC_SERVING_DRIVERS expects " << driver << ", which this build does not link";
  }
  EXPECT_EQ(linked.back(), "builtin");
  EXPECT_EQ(ThisBuildWitnessError(), "");
  EXPECT_TRUE(LocationIsServed(SymmetricKeyLocation()))
      << "SYMMETRIC_KEY_LOCATION " << SymmetricKeyLocation() << " has no driver in this build";
}

TEST_P(SymmetricWycheproof, EveryVectorGivesItsExpectedResult) {
  const WycheproofFileSpec& spec = GetParam();
  std::string error;
  const std::string path = RunfilePath("", std::string("tests/vectors/testdata/wycheproof/") + spec.file, &error);
  ASSERT_FALSE(path.empty()) << error;
  WycheproofFile file;
  ASSERT_TRUE(LoadWycheproof(path, &file, &error)) << error;
  ASSERT_EQ(file.algorithm, spec.algorithm);
  ASSERT_EQ(file.tests.size(), spec.number_of_tests);

  ChunkSplitter splitter(Seed());
  KeyCache keys(SymmetricKeyLocation());
  ServingWitness& witness = ThisBuildWitness();
  witness.ResetSummary();
  const CheckContext context{&splitter, &keys, &ThisSymmetricBuild(), &witness};
  FileTally tally(std::string("wycheproof/") + spec.file);
  for (const WycheproofTest& test : file.tests) {
    const Verdict verdict = CheckTest(spec, test, context);
    tally.Add("tcId " + std::to_string(test.tc_id) + " (" + ResultName(test.result) + ", " +
                  test.comment + ")",
              verdict);
  }
  keys.Clear();
  std::cout << "[ seed " << Seed() << " (--test_env=" << kSeedVariable << "=" << Seed()
            << " repeats it) ] " << tally.Summary() << std::endl;
  if (!witness.Summary().empty()) std::cout << "  routes:\n" << witness.Summary() << std::endl;
  EXPECT_EQ(tally.vectors(), spec.number_of_tests);
  constexpr size_t kShownFailures = 20;
  for (size_t i = 0; i < tally.failures().size() && i < kShownFailures; ++i) {
    ADD_FAILURE() << spec.file << " " << tally.failures()[i];
  }
  EXPECT_EQ(tally.failed(), 0u) << spec.file << ": " << tally.failed()
                                << " vectors gave a wrong result (first " << kShownFailures
                                << " above; seed " << Seed() << ")";
}

INSTANTIATE_TEST_SUITE_P(Files, SymmetricWycheproof, ::testing::ValuesIn(Files()), NameOf);

}  // namespace
}  // namespace tests::vectors
