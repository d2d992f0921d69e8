// The key-agreement API over every vector of the Wycheproof ECDH files
// (testdata/wycheproof/: ecdh_secp256r1_test.json, x25519_test.json; no X448
// file is in the vendored set), valid, acceptable and invalid, in a
// builtin-only build. Each vector goes through psa_raw_key_agreement() and
// psa_key_agreement() (key_agreement_calls.h); the counts of each file are
// printed.
//
// ecdh_secp256r1 (ecdh_test_schema_v1, public keys as X.509
// SubjectPublicKeyInfo): PSA takes the bare point (0x04 || x || y), so the
// suite unwraps a strict-DER SPKI of an id-ecPublicKey key with a namedCurve
// parameter and hands the point to PSA:
//   - prime256v1: "valid" must give the secret, "invalid" must be rejected
//     (PSA_ERROR_INVALID_ARGUMENT), "acceptable" either (a compressed point,
//     which PSA's format excludes, is rejected);
//   - another named curve (flag WrongCurve, "invalid"): the point must be
//     rejected; an "acceptable" vector with a garbled curve OID is skipped;
//   - explicit curve parameters (UnnamedCurve) and SPKIs that are not
//     strict DER (InvalidAsn, all "acceptable"): skipped, counted by reason:
//     no PSA input corresponds to them (checking them is the job of the
//     application's SPKI parser). A "valid" vector that does not unwrap
//     fails the suite.
// The private keys are ASN.1 integers; they are written as the 32-byte
// big-endian PSA private key.
//
// x25519 (xdh_comp_schema_v1): "valid" must give the secret; "acceptable"
// with ZeroSharedSecret or LowOrderPublic must be rejected
// (builtin_key_agreement.h: an all-zero secret, or a peer of small order, is
// PSA_ERROR_INVALID_ARGUMENT); other "acceptable" vectors (twist points,
// non-canonical u-coordinates) must give the secret or be rejected.

#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "psa/crypto.h"
#include "tests/vectors/hex.h"
#include "tests/vectors/key_agreement_calls.h"
#include "tests/vectors/test_files.h"
#include "tests/vectors/vector_report.h"

namespace tests::vectors {
namespace {

using Bytes = std::vector<uint8_t>;

// DER object identifiers (contents octets).
const Bytes kIdEcPublicKey = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01};     // 1.2.840.10045.2.1
const Bytes kPrime256v1 = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};  // 1.2.840.10045.3.1.7

// A strict DER reader over a byte range: definite, minimally encoded lengths.
class Der {
 public:
  Der(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  // Reads one element with tag `tag`; *contents is its contents.
  bool Read(uint8_t tag, Der* contents) {
    if (size_ < 2 || data_[0] != tag) return false;
    size_t length = data_[1];
    size_t header = 2;
    if (length & 0x80) {
      const size_t count = length & 0x7f;
      if (count == 0 || count > 2 || size_ < 2 + count) return false;
      length = 0;
      for (size_t i = 0; i < count; ++i) length = (length << 8) | data_[2 + i];
      // Minimal: long form only from 128, no leading zero byte.
      if (length < 0x80 || (count == 2 && length < 0x100)) return false;
      header += count;
    }
    if (size_ - header < length) return false;
    *contents = Der(data_ + header, length);
    data_ += header + length;
    size_ -= header + length;
    return true;
  }
  uint8_t PeekTag() const { return size_ == 0 ? 0 : data_[0]; }
  bool empty() const { return size_ == 0; }
  Bytes bytes() const { return Bytes(data_, data_ + size_); }

 private:
  const uint8_t* data_;
  size_t size_;
};

// The parts of an EC SubjectPublicKeyInfo the suite uses.
struct EcSpki {
  bool named_curve = false;  // the parameters are an OID (else explicit)
  Bytes curve_oid;
  Bytes point;  // the BIT STRING's contents after its 0 unused-bits byte
};

// SEQUENCE { SEQUENCE { OID id-ecPublicKey, parameters }, BIT STRING }, strict
// DER, nothing after. False for anything else.
bool ParseEcSpki(const Bytes& der, EcSpki* spki) {
  Der outer(der.data(), der.size()), spki_body(nullptr, 0), algorithm(nullptr, 0), oid(nullptr, 0), bits(nullptr, 0);
  if (!outer.Read(0x30, &spki_body) || !outer.empty()) return false;
  if (!spki_body.Read(0x30, &algorithm)) return false;
  if (!algorithm.Read(0x06, &oid) || oid.bytes() != kIdEcPublicKey) return false;
  if (algorithm.PeekTag() == 0x06) {
    Der curve(nullptr, 0);
    if (!algorithm.Read(0x06, &curve)) return false;
    spki->named_curve = true;
    spki->curve_oid = curve.bytes();
  } else {
    Der explicit_parameters(nullptr, 0);
    if (!algorithm.Read(0x30, &explicit_parameters)) return false;
    spki->named_curve = false;
  }
  if (!algorithm.empty()) return false;
  if (!spki_body.Read(0x03, &bits) || !spki_body.empty()) return false;
  const Bytes bit_string = bits.bytes();
  if (bit_string.empty() || bit_string[0] != 0) return false;
  spki->point.assign(bit_string.begin() + 1, bit_string.end());
  return true;
}

bool Decode(const nlohmann::json& test, const char* field, Bytes* bytes) {
  return test.contains(field) && test[field].is_string() && DecodeHex(test[field].get<std::string>(), bytes);
}

std::string FlagList(const nlohmann::json& test) {
  std::string flags;
  for (const auto& flag : test["flags"]) flags += (flags.empty() ? "" : ",") + flag.get<std::string>();
  return flags;
}

bool HasFlag(const nlohmann::json& test, const std::string& flag) {
  for (const auto& f : test["flags"]) {
    if (f == flag) return true;
  }
  return false;
}

Verdict CheckEcdhP256(const nlohmann::json& test) {
  const std::string result = test["result"];
  Bytes spki_der, private_integer, shared, private_key;
  if (!Decode(test, "public", &spki_der) || !Decode(test, "private", &private_integer) ||
      !Decode(test, "shared", &shared)) {
    return Verdict::Fail("malformed vector");
  }
  EcSpki spki;
  if (!ParseEcSpki(spki_der, &spki)) {
    if (result == "valid") return Verdict::Fail("a valid vector's SPKI does not unwrap");
    return Verdict::Skip("SPKI is not strict DER of an EC key (" + result + " [" + FlagList(test) +
                         "]): no PSA public key to give");
  }
  if (!spki.named_curve) {
    if (result == "valid") return Verdict::Fail("a valid vector has explicit curve parameters");
    return Verdict::Skip("explicit curve parameters (" + result + "): PSA takes a bare point of a named curve");
  }
  if (!FitBigEndian(private_integer, 32, &private_key)) return Verdict::Fail("private key longer than 32 bytes");
  const AgreementOutcome outcome = AgreeWithVector(PSA_ECC_FAMILY_SECP_R1, 256, private_key, spki.point);
  if (spki.curve_oid != kPrime256v1) {
    if (result == "valid") return Verdict::Fail("a valid vector names another curve");
    // An acceptable vector whose OID is garbled (InvalidAsn) may hold a
    // P-256 point: its SPKI names no curve PSA could be told of.
    if (result == "acceptable") {
      return Verdict::Skip("SPKI names no P-256 curve (acceptable [" + FlagList(test) +
                           "]): no PSA public key to give");
    }
    const Verdict verdict = ExpectPeerRejected(outcome);
    return verdict.kind == Verdict::kPass ? Verdict::Pass("point of another named curve rejected") : verdict;
  }
  if (result == "valid") return ExpectSecret(outcome, shared);
  if (result == "acceptable") {
    return ExpectSecretOrRejected(outcome, shared, "acceptable vector rejected [" + FlagList(test) + "]");
  }
  return ExpectPeerRejected(outcome);
}

Verdict CheckX25519(const nlohmann::json& test) {
  const std::string result = test["result"];
  Bytes peer, private_key, shared;
  if (!Decode(test, "public", &peer) || !Decode(test, "private", &private_key) || !Decode(test, "shared", &shared)) {
    return Verdict::Fail("malformed vector");
  }
  const AgreementOutcome outcome = AgreeWithVector(PSA_ECC_FAMILY_MONTGOMERY, 255, private_key, peer);
  if (result == "valid") return ExpectSecret(outcome, shared);
  if (result == "acceptable") {
    if (HasFlag(test, "ZeroSharedSecret") || HasFlag(test, "LowOrderPublic")) {
      const Verdict verdict = ExpectPeerRejected(outcome);
      return verdict.kind == Verdict::kPass ? Verdict::Pass("small-order peer key rejected") : verdict;
    }
    return ExpectSecretOrRejected(outcome, shared, "acceptable vector rejected [" + FlagList(test) + "]");
  }
  return ExpectPeerRejected(outcome);
}

struct FileSpec {
  const char* file;
  const char* schema;
  const char* curve;
  Verdict (*check)(const nlohmann::json& test);
};

const FileSpec kFiles[] = {
    {"ecdh_secp256r1_test.json", "ecdh_test_schema_v1.json", "secp256r1", CheckEcdhP256},
    {"x25519_test.json", "xdh_comp_schema_v1.json", "curve25519", CheckX25519},
};

class KeyAgreementWycheproof : public ::testing::TestWithParam<FileSpec> {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

TEST_P(KeyAgreementWycheproof, EveryVectorGivesItsExpectedResult) {
  const FileSpec& spec = GetParam();
  std::string error, text;
  const std::string path = RunfilePath("", std::string("tests/vectors/testdata/wycheproof/") + spec.file, &error);
  ASSERT_FALSE(path.empty()) << error;
  ASSERT_TRUE(ReadWholeFile(path, &text, &error)) << error;
  const nlohmann::json file = nlohmann::json::parse(text);
  ASSERT_EQ(file["schema"], spec.schema);
  FileTally tally(spec.file);
  size_t listed = 0;
  for (const auto& group : file["testGroups"]) {
    ASSERT_EQ(group["curve"], spec.curve);
    for (const auto& test : group["tests"]) {
      ++listed;
      tally.Add("tcId " + std::to_string(test["tcId"].get<int>()), spec.check(test));
    }
  }
  std::cout << tally.Summary() << std::endl;
  EXPECT_EQ(listed, file["numberOfTests"].get<size_t>());
  EXPECT_EQ(tally.vectors(), listed);
  EXPECT_GT(tally.passed(), 0u);
  for (const std::string& failure : tally.failures()) ADD_FAILURE() << failure;
}

INSTANTIATE_TEST_SUITE_P(Files, KeyAgreementWycheproof, ::testing::ValuesIn(kFiles),
                         [](const ::testing::TestParamInfo<FileSpec>& info) {
                           return std::string(info.param.file).substr(0, std::string(info.param.file).find('.'));
                         });

// The SPKI unwrapping on its own: a strict parser accepts the normal case
// and refuses what is not DER.
TEST(EcSpkiParser, UnwrapsNamedCurveKeysAndRejectsNonDer) {
  Bytes der;
  ASSERT_TRUE(DecodeHex(
      "3059301306072a8648ce3d020106082a8648ce3d0301070342000462d5bd3372af75fe85a040715d0f502428e07046868b0bfdfa61d7"
      "31afe44f26ac333a93a9e70a81cd5a95b5bf8d13990eb741c8c38872b4a07d275a014e30cf",
      &der));
  EcSpki spki;
  ASSERT_TRUE(ParseEcSpki(der, &spki));
  EXPECT_TRUE(spki.named_curve);
  EXPECT_EQ(spki.curve_oid, kPrime256v1);
  EXPECT_EQ(spki.point.size(), 65u);
  EXPECT_EQ(spki.point[0], 0x04);
  // A long-form length where the short form fits.
  Bytes long_form = der;
  long_form.erase(long_form.begin() + 1);
  long_form.insert(long_form.begin() + 1, {0x81, 0x59});
  EXPECT_FALSE(ParseEcSpki(long_form, &spki));
  // Trailing garbage, and a truncated key.
  Bytes trailing = der;
  trailing.push_back(0);
  EXPECT_FALSE(ParseEcSpki(trailing, &spki));
  EXPECT_FALSE(ParseEcSpki(Bytes(der.begin(), der.end() - 1), &spki));
}

}  // namespace
}  // namespace tests::vectors
