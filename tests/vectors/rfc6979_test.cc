// RFC 6979 deterministic ECDSA through the PSA API: every vector of
// testdata/rfc6979_ecdsa.json (appendix A.2.5, P-256, and A.2.6, P-384;
// five hashes, two messages) must sign to exactly the published r || s with
// PSA_ALG_DETERMINISTIC_ECDSA, verify with the deterministic and the
// randomized algorithm, and fail to verify once corrupted.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/vectors/hex.h"
#include "tests/vectors/test_files.h"
#include "tests/vectors/vector_report.h"

namespace tests::vectors {
namespace {

using Bytes = std::vector<uint8_t>;

psa_algorithm_t HashNamed(const std::string& name) {
  if (name == "SHA-1") return PSA_ALG_SHA_1;
  if (name == "SHA-224") return PSA_ALG_SHA_224;
  if (name == "SHA-256") return PSA_ALG_SHA_256;
  if (name == "SHA-384") return PSA_ALG_SHA_384;
  if (name == "SHA-512") return PSA_ALG_SHA_512;
  return PSA_ALG_NONE;
}

size_t CurveBits(const std::string& curve) { return curve == "P-256" ? 256 : curve == "P-384" ? 384 : 0; }

Bytes Hex(const nlohmann::json& value) {
  Bytes out;
  EXPECT_TRUE(DecodeHex(value.get<std::string>(), &out)) << value;
  return out;
}

// A volatile P-curve key pair permitting signing and verification with `alg`.
class EcdsaKey {
 public:
  EcdsaKey(const Bytes& private_key, size_t bits, psa_algorithm_t alg) {
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    psa_set_key_type(&attributes, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1));
    psa_set_key_bits(&attributes, bits);
    psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE);
    psa_set_key_algorithm(&attributes, alg);
    status_ = psa_import_key(&attributes, private_key.data(), private_key.size(), &id_);
  }
  ~EcdsaKey() { psa_destroy_key(id_); }
  psa_status_t status() const { return status_; }
  psa_key_id_t id() const { return id_; }

 private:
  psa_status_t status_;
  psa_key_id_t id_ = PSA_KEY_ID_NULL;
};

Verdict RunVector(const nlohmann::json& v) {
  const psa_algorithm_t hash = HashNamed(v["hash"]);
  const size_t bits = CurveBits(v["curve"]);
  if (hash == PSA_ALG_NONE || bits == 0) return Verdict::Fail("unknown hash or curve");
  const Bytes private_key = Hex(v["private_key"]);
  const std::string text = v["message"];
  const Bytes message(text.begin(), text.end());
  Bytes expected = Hex(v["r"]);
  const Bytes s = Hex(v["s"]);
  expected.insert(expected.end(), s.begin(), s.end());

  const psa_algorithm_t deterministic = PSA_ALG_DETERMINISTIC_ECDSA(hash);
  EcdsaKey key(private_key, bits, deterministic);
  if (key.status() != PSA_SUCCESS) return Verdict::Fail("import: " + std::to_string(key.status()));
  Bytes signature(PSA_SIGNATURE_MAX_SIZE);
  size_t length = 0;
  psa_status_t status = psa_sign_message(key.id(), deterministic, message.data(), message.size(), signature.data(),
                                         signature.size(), &length);
  if (status != PSA_SUCCESS) return Verdict::Fail("psa_sign_message: " + std::to_string(status));
  signature.resize(length);
  if (signature != expected) return Verdict::Fail("signature differs from the RFC's");
  status = psa_verify_message(key.id(), deterministic, message.data(), message.size(), expected.data(),
                              expected.size());
  if (status != PSA_SUCCESS) return Verdict::Fail("psa_verify_message: " + std::to_string(status));

  // A deterministic signature is an ECDSA signature like any other.
  const psa_algorithm_t randomized = PSA_ALG_ECDSA(hash);
  EcdsaKey verifier(private_key, bits, randomized);
  if (verifier.status() != PSA_SUCCESS) return Verdict::Fail("import: " + std::to_string(verifier.status()));
  status = psa_verify_message(verifier.id(), randomized, message.data(), message.size(), expected.data(),
                              expected.size());
  if (status != PSA_SUCCESS) return Verdict::Fail("verify with PSA_ALG_ECDSA: " + std::to_string(status));
  Bytes corrupted = expected;
  corrupted[corrupted.size() - 1] ^= 0x80;
  status = psa_verify_message(verifier.id(), randomized, message.data(), message.size(), corrupted.data(),
                              corrupted.size());
  if (status != PSA_ERROR_INVALID_SIGNATURE) return Verdict::Fail("corrupted signature: " + std::to_string(status));
  return Verdict::Pass();
}

TEST(Rfc6979Test, EveryVectorSignsToThePublishedSignature) {
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  std::string error;
  const std::string path = RunfilePath("", "tests/vectors/testdata/rfc6979_ecdsa.json", &error);
  ASSERT_FALSE(path.empty()) << error;
  std::string text;
  ASSERT_TRUE(ReadWholeFile(path, &text, &error)) << error;
  const nlohmann::json file = nlohmann::json::parse(text);
  FileTally tally("rfc6979_ecdsa.json");
  for (const nlohmann::json& v : file["vectors"]) {
    tally.Add(v["curve"].get<std::string>() + " " + v["hash"].get<std::string>() + " \"" +
                  v["message"].get<std::string>() + "\"",
              RunVector(v));
  }
  std::printf("%s\n", tally.Summary().c_str());
  EXPECT_EQ(tally.vectors(), 20u);
  EXPECT_EQ(tally.passed(), tally.vectors());
  for (const std::string& failure : tally.failures()) ADD_FAILURE() << failure;
}

}  // namespace
}  // namespace tests::vectors
