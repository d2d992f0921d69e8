// The key-agreement API over the ECDH known-answer files of Debian's
// python3-cryptography-vectors (@cryptography_vectors, read in place), in a
// builtin-only build; each vector through psa_raw_key_agreement() and
// psa_key_agreement() (key_agreement_calls.h), counts printed per file:
//
//   NIST CAVP KAS ECC validity, dhStaticUnified, ZZ only (SP 800-56A
//   primitive): KASValidityTest_ECCStaticUnified_NOKC_ZZOnly_init.fax and
//   _resp.fax, P-192 to P-521. "Result = P": both parties' agreements give
//   Z. "F" by reason code: 1, 2 (the CAVS public key fails validation) and
//   5, 6 (the IUT's does): that party's public key is rejected
//   (PSA_ERROR_INVALID_ARGUMENT); 7 (the IUT's private key does not match its
//   public key): PSA derives another public key from it, or rejects it on
//   import when it is not in [1, n-1]; 8 (Z changed):
//   both agreements succeed with another secret. Any other code fails the
//   suite until it is mapped.
//   RFC 7027 appendix A (asymmetric/ECDH/brainpool.txt): brainpoolP256r1,
//   P384r1, P512r1, both parties.
//   RFC 7748 section 5.2 (asymmetric/X25519/rfc7748.txt,
//   asymmetric/X448/rfc7748.txt): the X25519 and X448 functions.
// The KDF variant of the CAVP files (KDFConcat) tests a KDF that PSA does
// not define; it is not run.

#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/vectors/hex.h"
#include "tests/vectors/key_agreement_calls.h"
#include "tests/vectors/rsp_reader.h"
#include "tests/vectors/symmetric_calls.h"
#include "tests/vectors/test_files.h"
#include "tests/vectors/vector_report.h"

namespace tests::vectors {
namespace {

using Bytes = std::vector<uint8_t>;

constexpr char kRepository[] = "cryptography_vectors";

struct CurveInfo {
  psa_ecc_family_t family;
  size_t bits;
  size_t private_length;
  size_t coordinate_length;
};

// The CAVP parameter sets of the KAS ECC files (a section's first word).
bool CurveOfParameterSet(const std::string& section, CurveInfo* curve) {
  static const struct {
    const char* set;
    CurveInfo curve;
  } kSets[] = {
      {"EA", {PSA_ECC_FAMILY_SECP_R1, 192, 24, 24}}, {"EB", {PSA_ECC_FAMILY_SECP_R1, 224, 28, 28}},
      {"EC", {PSA_ECC_FAMILY_SECP_R1, 256, 32, 32}}, {"ED", {PSA_ECC_FAMILY_SECP_R1, 384, 48, 48}},
      {"EE", {PSA_ECC_FAMILY_SECP_R1, 521, 66, 66}},
  };
  const std::string set = section.substr(0, section.find(' '));
  for (const auto& entry : kSets) {
    if (set == entry.set) {
      *curve = entry.curve;
      return true;
    }
  }
  return false;
}

// The curves of brainpool.txt, by the name its records give.
bool CurveNamed(const std::string& name, CurveInfo* curve) {
  static const struct {
    const char* name;
    CurveInfo curve;
  } kCurves[] = {
      {"brainpoolP256r1", {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256, 32, 32}},
      {"brainpoolP384r1", {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384, 48, 48}},
      {"brainpoolP512r1", {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512, 64, 64}},
  };
  for (const auto& entry : kCurves) {
    if (name == entry.name) {
      *curve = entry.curve;
      return true;
    }
  }
  return false;
}

// A record's field as a big-endian number of `length` bytes.
bool Field(const RspRecord& record, const char* name, size_t length, Bytes* out, std::string* error) {
  Bytes raw;
  if (!record.Bytes(name, &raw, error)) return false;
  if (!FitBigEndian(raw, length, out)) {
    *error = record.Where() + ": " + name + " is longer than " + std::to_string(length) + " bytes";
    return false;
  }
  return true;
}

// 0x04 || x || y of the fields `x` and `y`.
bool Point(const RspRecord& record, const char* x, const char* y, const CurveInfo& curve, Bytes* out,
           std::string* error) {
  Bytes bx, by;
  if (!Field(record, x, curve.coordinate_length, &bx, error) ||
      !Field(record, y, curve.coordinate_length, &by, error)) {
    return false;
  }
  *out = {0x04};
  out->insert(out->end(), bx.begin(), bx.end());
  out->insert(out->end(), by.begin(), by.end());
  return true;
}

// The public key PSA derives from `private_key`, or a status.
psa_status_t PublicKeyOf(const CurveInfo& curve, const Bytes& private_key, Bytes* public_key) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_ECC_KEY_PAIR(curve.family));
  psa_set_key_bits(&attributes, curve.bits);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  psa_status_t status = psa_import_key(&attributes, private_key.data(), private_key.size(), &key);
  if (status != PSA_SUCCESS) return status;
  public_key->assign(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE, 0);
  size_t length = 0;
  status = psa_export_public_key(key, public_key->data(), public_key->size(), &length);
  public_key->resize(length);
  psa_destroy_key(key);
  return status;
}

Verdict Named(Verdict verdict, const std::string& note) {
  return verdict.kind == Verdict::kPass ? Verdict::Pass(note) : verdict;
}

// Neither party's agreement gives `z` (both succeed).
Verdict ExpectOtherSecret(const AgreementOutcome& outcome, const Bytes& z) {
  if (outcome.raw_status == PSA_SUCCESS && outcome.key_status == PSA_SUCCESS && outcome.raw_secret != z &&
      outcome.key_secret == outcome.raw_secret) {
    return Verdict::Pass();
  }
  return Verdict::Fail("expected a secret other than " + EncodeHex(z) + ", got raw " + StatusName(outcome.raw_status) +
                       " " + EncodeHex(outcome.raw_secret));
}

Verdict CheckKasRecord(const RspRecord& record) {
  CurveInfo curve;
  if (!CurveOfParameterSet(record.section, &curve)) {
    return Verdict::Fail("unknown parameter set in section \"" + record.section + "\"");
  }
  std::string error;
  Bytes ds_cavs, ds_iut, q_cavs, q_iut, z;
  if (!Field(record, "dsCAVS", curve.private_length, &ds_cavs, &error) ||
      !Field(record, "dsIUT", curve.private_length, &ds_iut, &error) ||
      !Point(record, "QsCAVSx", "QsCAVSy", curve, &q_cavs, &error) ||
      !Point(record, "QsIUTx", "QsIUTy", curve, &q_iut, &error) ||
      !Field(record, "Z", curve.coordinate_length, &z, &error)) {
    return Verdict::Fail(error);
  }
  const std::string* result = record.Find("Result");
  if (result == nullptr || result->empty()) return Verdict::Fail(record.Where() + ": no Result");
  const std::string code =
      result->substr(result->find('(') + 1, result->find(' ', result->find('(')) - result->find('(') - 1);
  const AgreementOutcome iut = AgreeWithVector(curve.family, curve.bits, ds_iut, q_cavs);
  const AgreementOutcome cavs = AgreeWithVector(curve.family, curve.bits, ds_cavs, q_iut);
  if ((*result)[0] == 'P') {
    return Combine({ExpectSecret(iut, z), ExpectSecret(cavs, z)});
  }
  if (code == "1" || code == "2") return Named(ExpectPeerRejected(iut), "CAVS public key rejected");
  if (code == "5" || code == "6") return Named(ExpectPeerRejected(cavs), "IUT public key rejected");
  if (code == "7") {
    Bytes derived;
    const psa_status_t status = PublicKeyOf(curve, ds_iut, &derived);
    if (status == PSA_SUCCESS && derived != q_iut) return Verdict::Pass("IUT key pair inconsistent");
    // A changed d outside [1, n-1] is no private key at all.
    if (status == PSA_ERROR_INVALID_ARGUMENT) return Verdict::Pass("IUT private key rejected on import");
    return Verdict::Fail("the changed IUT private key gives its public key (" + StatusName(status) + ")");
  }
  if (code == "8") return Named(Combine({ExpectOtherSecret(iut, z), ExpectOtherSecret(cavs, z)}), "Z differs");
  return Verdict::Fail("no expectation for \"" + *result + "\": extend key_agreement_kat_test.cc");
}

Verdict CheckBrainpoolRecord(const RspRecord& record) {
  CurveInfo curve;
  const std::string* name = record.Find("curve");
  if (name == nullptr || !CurveNamed(*name, &curve)) return Verdict::Fail(record.Where() + ": unknown curve");
  std::string error;
  Bytes d_a, d_b, q_a, q_b, z;
  if (!Field(record, "dA", curve.private_length, &d_a, &error) ||
      !Field(record, "dB", curve.private_length, &d_b, &error) || !Point(record, "x_qA", "y_qA", curve, &q_a, &error) ||
      !Point(record, "x_qB", "y_qB", curve, &q_b, &error) ||
      !Field(record, "x_Z", curve.coordinate_length, &z, &error)) {
    return Verdict::Fail(error);
  }
  return Combine({ExpectSecret(AgreeWithVector(curve.family, curve.bits, d_a, q_b), z),
                  ExpectSecret(AgreeWithVector(curve.family, curve.bits, d_b, q_a), z)});
}

Verdict CheckRfc7748Record(const RspRecord& record, size_t bits) {
  std::string error;
  Bytes scalar, u, output;
  if (!record.Bytes("INPUT_SCALAR", &scalar, &error) || !record.Bytes("INPUT_U", &u, &error) ||
      !record.Bytes("OUTPUT_U", &output, &error)) {
    return Verdict::Fail(error);
  }
  return ExpectSecret(AgreeWithVector(PSA_ECC_FAMILY_MONTGOMERY, bits, scalar, u), output);
}

// The KAS .fax files in the .rsp format of rsp_reader.h: a header
// "[EA - SHA1]" (parameter set and hash) becomes the section "[EA]"; the
// other bracketed lines, which describe the parameter sets in the file's
// preamble ("[Curve selected:  P-192]"), become comments.
std::string FaxAsRsp(const std::string& text) {
  std::string out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(begin, end - begin);
    if (!line.empty() && line[0] == '[') {
      const size_t dash = line.find(" - ");
      line = dash != std::string::npos ? line.substr(0, dash) + "]" : "# " + line;
    }
    out += line + "\n";
    begin = end + 1;
  }
  return out;
}

struct KatFile {
  const char* path;  // in @cryptography_vectors
  size_t records;    // expected
  Verdict (*check)(const RspRecord& record);
  bool fax = false;  // a KAS .fax file (FaxAsRsp)
};

const KatFile kFiles[] = {
    {"asymmetric/ECDH/KASValidityTest_ECCStaticUnified_NOKC_ZZOnly_init.fax", 150, CheckKasRecord, true},
    {"asymmetric/ECDH/KASValidityTest_ECCStaticUnified_NOKC_ZZOnly_resp.fax", 150, CheckKasRecord, true},
    {"asymmetric/ECDH/brainpool.txt", 3, CheckBrainpoolRecord},
    {"asymmetric/X25519/rfc7748.txt", 3, [](const RspRecord& r) { return CheckRfc7748Record(r, 255); }},
    {"asymmetric/X448/rfc7748.txt", 3, [](const RspRecord& r) { return CheckRfc7748Record(r, 448); }},
};

class KeyAgreementKat : public ::testing::TestWithParam<KatFile> {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

TEST_P(KeyAgreementKat, EveryVectorGivesItsExpectedResult) {
  const KatFile& spec = GetParam();
  std::string error;
  const std::string path = RunfilePath(kRepository, spec.path, &error);
  ASSERT_FALSE(path.empty()) << error;
  std::string text;
  ASSERT_TRUE(ReadWholeFile(path, &text, &error)) << error;
  std::vector<RspRecord> records;
  ASSERT_TRUE(ParseRsp(spec.fax ? FaxAsRsp(text) : text, RspOptions{}, &records, &error)) << path << ": " << error;
  ASSERT_EQ(records.size(), spec.records);
  FileTally tally(spec.path);
  for (const RspRecord& record : records) tally.Add(record.Where(), spec.check(record));
  std::cout << tally.Summary() << std::endl;
  EXPECT_EQ(tally.passed(), spec.records);
  for (const std::string& failure : tally.failures()) ADD_FAILURE() << failure;
}

INSTANTIATE_TEST_SUITE_P(Files, KeyAgreementKat, ::testing::ValuesIn(kFiles),
                         [](const ::testing::TestParamInfo<KatFile>& info) {
                           std::string name;
                           for (const char* c = info.param.path; *c != '\0' && *c != '.'; ++c) {
                             name.push_back(isalnum(static_cast<unsigned char>(*c)) ? *c : '_');
                           }
                           return name;
                         });

}  // namespace
}  // namespace tests::vectors
