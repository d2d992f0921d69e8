// Driver-level tests of the builtin signatures, through the C entry points
// builtin_sign_hash and builtin_verify_hash: the NIST CAVP ECDSA files
// (SigGen.txt for signatures that must verify, SigVer.rsp with expected
// results), RFC 6979 deterministic ECDSA, the RSA Laboratories PKCS #1 v1.5
// and PSS files of @cryptography_vectors, round trips on every curve and RSA
// size class, PSS salt-length semantics, and a test per failure status.

#include "drivers/builtin/builtin_signature.h"

#include <stddef.h>
#include <stdint.h>

#include <cstdio>
#include <string>
#include <vector>

#include "drivers/builtin/asymmetric_test_util.h"
#include "drivers/builtin/builtin_key_management.h"
#include "drivers/builtin/builtin_rsa.h"
#include "drivers/builtin/key_management_test_util.h"
#include "gtest/gtest.h"
#include "mbedtls/bignum.h"
#include "mbedtls/ecp.h"
#include "mbedtls/rsa.h"
#include "psa/crypto.h"

namespace drivers::builtin {
namespace {

using ::drivers::builtin::testing::Attributes;
using ::drivers::builtin::testing::BitLength;
using ::drivers::builtin::testing::BuiltinHashes;
using ::drivers::builtin::testing::Bytes;
using ::drivers::builtin::testing::CavpRecord;
using ::drivers::builtin::testing::ExportPublic;
using ::drivers::builtin::testing::FromHex;
using ::drivers::builtin::testing::Generate;
using ::drivers::builtin::testing::Hash;
using ::drivers::builtin::testing::HashByName;
using ::drivers::builtin::testing::Import;
using ::drivers::builtin::testing::KeyManagementTest;
using ::drivers::builtin::testing::ParseCavp;
using ::drivers::builtin::testing::ParsePkcs1Vectors;
using ::drivers::builtin::testing::Pkcs1Key;
using ::drivers::builtin::testing::ReadVectorFile;
using ::drivers::builtin::testing::RsaKeyPairDer;
using ::drivers::builtin::testing::RsaPublicKeyDer;

constexpr psa_key_type_t kRsaPair = PSA_KEY_TYPE_RSA_KEY_PAIR;
constexpr psa_key_type_t kRsaPublic = PSA_KEY_TYPE_RSA_PUBLIC_KEY;

// A key as the driver sees it: attributes and key buffer.
struct Key {
  psa_key_type_t type;
  size_t bits;
  Bytes buffer;
};

struct SignResult {
  psa_status_t status;
  Bytes signature;
};

// builtin_sign_hash into a buffer of signature_size bytes (default: the
// largest signature), checking the output contract on failure.
SignResult Sign(const Key& key, psa_algorithm_t alg, const Bytes& hash,
                size_t signature_size = PSA_SIGNATURE_MAX_SIZE) {
  const psa_key_attributes_t attributes = Attributes(key.type, key.bits);
  Bytes signature(signature_size, 0xA5);
  size_t length = 12345;
  const psa_status_t status = builtin_sign_hash(
      &attributes, key.buffer.data(), key.buffer.size(), alg, hash.data(),
      hash.size(), signature.data(), signature.size(), &length);
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(length, 0u);
    // Nothing of a signature: the bytes are either untouched or wiped.
    for (uint8_t b : signature) {
      EXPECT_TRUE(b == 0xA5 || b == 0) << "signature left on failure";
      if (b != 0xA5 && b != 0) break;
    }
    return {status, {}};
  }
  EXPECT_EQ(length, PSA_SIGN_OUTPUT_SIZE(key.type, key.bits, alg));
  signature.resize(length);
  return {status, signature};
}

psa_status_t Verify(const Key& key, psa_algorithm_t alg, const Bytes& hash,
                    const Bytes& signature) {
  const psa_key_attributes_t attributes = Attributes(key.type, key.bits);
  return builtin_verify_hash(&attributes, key.buffer.data(), key.buffer.size(),
                             alg, hash.data(), hash.size(), signature.data(),
                             signature.size());
}

// ---- ECDSA ----

struct Curve {
  psa_ecc_family_t family;
  size_t bits;
  const char* cavp_name;  // "P-256", or "" when CAVP has none
};

const Curve kCurves[] = {
    {PSA_ECC_FAMILY_SECP_R1, 192, "P-192"},
    {PSA_ECC_FAMILY_SECP_R1, 224, "P-224"},
    {PSA_ECC_FAMILY_SECP_R1, 256, "P-256"},
    {PSA_ECC_FAMILY_SECP_R1, 384, "P-384"},
    {PSA_ECC_FAMILY_SECP_R1, 521, "P-521"},
    {PSA_ECC_FAMILY_SECP_K1, 192, ""},
    {PSA_ECC_FAMILY_SECP_K1, 225, ""},
    {PSA_ECC_FAMILY_SECP_K1, 256, "K-256"},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256, ""},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384, ""},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512, ""},
};

std::string Describe(const Curve& curve) {
  return "family " + std::to_string(curve.family) + " bits " +
         std::to_string(curve.bits);
}

size_t ScalarBytes(size_t bits) { return PSA_BITS_TO_BYTES(bits); }

// Coordinates of the prime field: ceil(log2(p) / 8), which differs from the
// scalar length for secp224k1 only.
size_t CoordinateBytes(const Curve& curve) {
  return curve.family == PSA_ECC_FAMILY_SECP_K1 && curve.bits == 225
             ? 28
             : ScalarBytes(curve.bits);
}

// `hex` as exactly `length` big-endian bytes (leading zeros added or
// dropped).
Bytes Fixed(const std::string& hex, size_t length) {
  Bytes value = FromHex(hex.size() % 2 ? "0" + hex : hex);
  while (value.size() > length && value[0] == 0) value.erase(value.begin());
  EXPECT_LE(value.size(), length) << hex;
  value.insert(value.begin(), length - value.size(), 0);
  return value;
}

const Curve* CurveByCavpName(const std::string& name) {
  for (const Curve& curve : kCurves) {
    if (name == curve.cavp_name) return &curve;
  }
  return nullptr;
}

class EcdsaTest : public KeyManagementTest {
 protected:
  // A fresh key pair on `curve` and its public key.
  void NewKeys(const Curve& curve, Key* pair, Key* public_key) {
    const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(curve.family);
    auto generated = Generate(type, curve.bits);
    ASSERT_EQ(generated.status, PSA_SUCCESS) << Describe(curve);
    *pair = {type, curve.bits, generated.output};
    auto exported = ExportPublic(type, curve.bits, pair->buffer);
    ASSERT_EQ(exported.status, PSA_SUCCESS);
    *public_key = {PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve.family), curve.bits,
                   exported.output};
  }
};

// The signatures of FIPS 186-3 SigGen.txt (and the secp256k1 file) verify
// with the key pair and with the public key, and fail once s is changed.
TEST_F(EcdsaTest, CavpSigGenSignaturesVerify) {
  size_t checked = 0, skipped_binary = 0;
  for (const char* file : {"asymmetric/ECDSA/FIPS_186-3/SigGen.txt",
                           "asymmetric/ECDSA/SECP256K1/SigGen.txt"}) {
    for (const CavpRecord& record : ParseCavp(ReadVectorFile(file))) {
      const std::string curve_name =
          record.section.substr(0, record.section.find(','));
      const psa_algorithm_t hash_alg =
          HashByName(record.section.substr(record.section.find(',') + 1));
      const Curve* curve = CurveByCavpName(curve_name);
      if (curve == nullptr) {
        // K-163..K-571, B-163..B-571: binary curves, not in Mbed TLS.
        ++skipped_binary;
        continue;
      }
      ASSERT_NE(hash_alg, PSA_ALG_NONE) << record.section;
      const size_t n = ScalarBytes(curve->bits);
      const size_t c = CoordinateBytes(*curve);
      const Bytes d = Fixed(record.fields.at("d"), n);
      Bytes q = {0x04};
      const Bytes qx = Fixed(record.fields.at("Qx"), c);
      const Bytes qy = Fixed(record.fields.at("Qy"), c);
      q.insert(q.end(), qx.begin(), qx.end());
      q.insert(q.end(), qy.begin(), qy.end());
      Bytes signature = Fixed(record.fields.at("R"), n);
      const Bytes s = Fixed(record.fields.at("S"), n);
      signature.insert(signature.end(), s.begin(), s.end());
      const Bytes hash = Hash(hash_alg, FromHex(record.fields.at("Msg")));

      auto pair = Import(PSA_KEY_TYPE_ECC_KEY_PAIR(curve->family), 0, d);
      auto pub = Import(PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve->family), 0, q);
      ASSERT_EQ(pair.status, PSA_SUCCESS) << file << " " << record.section;
      ASSERT_EQ(pub.status, PSA_SUCCESS);
      const Key pair_key{PSA_KEY_TYPE_ECC_KEY_PAIR(curve->family), curve->bits,
                         pair.key};
      const Key public_key{PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve->family),
                           curve->bits, pub.key};
      for (psa_algorithm_t alg :
           {PSA_ALG_ECDSA(hash_alg), PSA_ALG_DETERMINISTIC_ECDSA(hash_alg)}) {
        EXPECT_EQ(Verify(public_key, alg, hash, signature), PSA_SUCCESS)
            << file << " " << record.section << " Msg "
            << record.fields.at("Msg");
        EXPECT_EQ(Verify(pair_key, alg, hash, signature), PSA_SUCCESS);
      }
      // ECDSA_ANY over the same hash bytes is the same computation.
      EXPECT_EQ(Verify(public_key, PSA_ALG_ECDSA_ANY, hash, signature),
                PSA_SUCCESS);
      Bytes changed = signature;
      changed.back() ^= 1;
      EXPECT_EQ(Verify(public_key, PSA_ALG_ECDSA(hash_alg), hash, changed),
                PSA_ERROR_INVALID_SIGNATURE);
      ++checked;
    }
  }
  // 5 prime curves x 5 hashes x 15 + 5 secp256k1 groups: counted, not
  // guessed.
  EXPECT_GE(checked, 375u);
  EXPECT_GT(skipped_binary, 0u);
  std::printf("SigGen: %zu verified, %zu on binary curves skipped\n", checked,
              skipped_binary);
}

// FIPS 186-3 SigVer.rsp: every record on a prime curve gives its expected
// result; a changed Q that is no longer on the curve is refused at import
// (a failure too).
TEST_F(EcdsaTest, CavpSigVerResults) {
  size_t passed = 0, failed = 0, skipped = 0;
  for (const CavpRecord& record :
       ParseCavp(ReadVectorFile("asymmetric/ECDSA/FIPS_186-3/SigVer.rsp"))) {
    const Curve* curve =
        CurveByCavpName(record.section.substr(0, record.section.find(',')));
    if (curve == nullptr) {
      ++skipped;
      continue;
    }
    const psa_algorithm_t hash_alg =
        HashByName(record.section.substr(record.section.find(',') + 1));
    const size_t n = ScalarBytes(curve->bits);
    const size_t c = CoordinateBytes(*curve);
    Bytes q = {0x04};
    const Bytes qx = Fixed(record.fields.at("Qx"), c);
    const Bytes qy = Fixed(record.fields.at("Qy"), c);
    q.insert(q.end(), qx.begin(), qx.end());
    q.insert(q.end(), qy.begin(), qy.end());
    Bytes signature = Fixed(record.fields.at("R"), n);
    const Bytes s = Fixed(record.fields.at("S"), n);
    signature.insert(signature.end(), s.begin(), s.end());
    const bool expected = record.fields.at("Result")[0] == 'P';

    auto pub = Import(PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve->family), 0, q);
    bool verified = false;
    if (pub.status == PSA_SUCCESS) {
      const Key key{PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve->family), curve->bits,
                    pub.key};
      const psa_status_t status =
          Verify(key, PSA_ALG_ECDSA(hash_alg),
                 Hash(hash_alg, FromHex(record.fields.at("Msg"))), signature);
      EXPECT_TRUE(status == PSA_SUCCESS ||
                  status == PSA_ERROR_INVALID_SIGNATURE)
          << status;
      verified = status == PSA_SUCCESS;
    }
    EXPECT_EQ(verified, expected)
        << record.section << " " << record.fields.at("Result");
    (verified == expected ? passed : failed)++;
  }
  EXPECT_EQ(failed, 0u);
  EXPECT_EQ(passed, 25u * 15u);
  std::printf("SigVer: %zu as expected, %zu binary-curve records skipped\n",
              passed, skipped);
}

// RFC 6979 A.2.5 (P-256): the deterministic signatures of "sample" and
// "test" with SHA-256.
TEST_F(EcdsaTest, Rfc6979P256KnownAnswers) {
  const Bytes x = FromHex(
      "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
  auto pair = Import(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256, x);
  ASSERT_EQ(pair.status, PSA_SUCCESS);
  const Key key{PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256,
                pair.key};
  const struct {
    const char* message;
    const char* signature;
  } cases[] = {
      {"sample",
       "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
       "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"},
      {"test",
       "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367"
       "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083"},
  };
  for (const auto& c : cases) {
    const std::string text = c.message;
    const Bytes hash = Hash(PSA_ALG_SHA_256, Bytes(text.begin(), text.end()));
    const SignResult signed_hash =
        Sign(key, PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256), hash);
    ASSERT_EQ(signed_hash.status, PSA_SUCCESS);
    EXPECT_EQ(testing::ToHex(signed_hash.signature), c.signature) << c.message;
  }
}

// Every curve: randomized, deterministic and hash-less ECDSA sign and
// verify with the key pair and the public key, with every hash; the two
// verify each other's signatures; a changed signature or hash fails;
// deterministic signatures repeat and randomized ones do not.
TEST_F(EcdsaTest, RoundTripsOnEveryCurve) {
  for (const Curve& curve : kCurves) {
    Key pair, public_key;
    NewKeys(curve, &pair, &public_key);
    if (HasFatalFailure()) return;
    for (psa_algorithm_t hash_alg : BuiltinHashes()) {
      const Bytes hash = Hash(hash_alg, {1, 2, 3});
      const psa_algorithm_t randomized = PSA_ALG_ECDSA(hash_alg);
      const psa_algorithm_t deterministic =
          PSA_ALG_DETERMINISTIC_ECDSA(hash_alg);
      const SignResult r1 = Sign(pair, randomized, hash);
      const SignResult r2 = Sign(pair, randomized, hash);
      const SignResult d1 = Sign(pair, deterministic, hash);
      const SignResult d2 = Sign(pair, deterministic, hash);
      ASSERT_EQ(r1.status, PSA_SUCCESS) << Describe(curve) << " " << hash_alg;
      ASSERT_EQ(d1.status, PSA_SUCCESS) << Describe(curve) << " " << hash_alg;
      EXPECT_EQ(r1.signature.size(), 2 * ScalarBytes(curve.bits));
      EXPECT_NE(r1.signature, r2.signature);
      EXPECT_EQ(d1.signature, d2.signature);
      for (const Bytes& signature : {r1.signature, d1.signature}) {
        for (const Key* key : {&pair, &public_key}) {
          EXPECT_EQ(Verify(*key, randomized, hash, signature), PSA_SUCCESS)
              << Describe(curve);
          EXPECT_EQ(Verify(*key, deterministic, hash, signature), PSA_SUCCESS);
        }
        Bytes changed = signature;
        changed[0] ^= 0x80;
        EXPECT_EQ(Verify(public_key, randomized, hash, changed),
                  PSA_ERROR_INVALID_SIGNATURE);
        Bytes other_hash = hash;
        other_hash[0] ^= 1;
        EXPECT_EQ(Verify(public_key, randomized, other_hash, signature),
                  PSA_ERROR_INVALID_SIGNATURE);
      }
    }
    // ECDSA_ANY: inputs shorter and longer than the order.
    for (size_t length :
         {size_t{1}, size_t{20}, ScalarBytes(curve.bits), size_t{100}}) {
      const Bytes input(length, 0x5C);
      const SignResult any = Sign(pair, PSA_ALG_ECDSA_ANY, input);
      ASSERT_EQ(any.status, PSA_SUCCESS) << Describe(curve) << " " << length;
      EXPECT_EQ(Verify(public_key, PSA_ALG_ECDSA_ANY, input, any.signature),
                PSA_SUCCESS);
    }
  }
}

// Out-of-range r and s (0, n, and n + the signature's value) fail as
// invalid signatures, as do signatures one byte short or long.
TEST_F(EcdsaTest, RejectsOutOfRangeAndMisSizedSignatures) {
  const Curve curve = kCurves[2];  // P-256
  Key pair, public_key;
  NewKeys(curve, &pair, &public_key);
  const psa_algorithm_t alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
  const Bytes hash = Hash(PSA_ALG_SHA_256, {});
  const SignResult good = Sign(pair, alg, hash);
  ASSERT_EQ(good.status, PSA_SUCCESS);
  const Bytes order = FromHex(
      "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
  const Bytes zero(32, 0);
  const Bytes r(good.signature.begin(), good.signature.begin() + 32);
  const Bytes s(good.signature.begin() + 32, good.signature.end());
  auto join = [](const Bytes& a, const Bytes& b) {
    Bytes out = a;
    out.insert(out.end(), b.begin(), b.end());
    return out;
  };
  for (const Bytes& bad : {join(zero, s), join(r, zero), join(order, s),
                           join(r, order), join(zero, zero)}) {
    EXPECT_EQ(Verify(public_key, alg, hash, bad), PSA_ERROR_INVALID_SIGNATURE);
  }
  Bytes shorter(good.signature.begin(), good.signature.end() - 1);
  Bytes longer = good.signature;
  longer.push_back(0);
  EXPECT_EQ(Verify(public_key, alg, hash, shorter),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(Verify(public_key, alg, hash, longer), PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(Verify(public_key, alg, hash, {}), PSA_ERROR_INVALID_SIGNATURE);
}

// ---- RSA ----

class RsaSignatureTest : public KeyManagementTest {};

// The RSA Laboratories PKCS #1 v1.5 file (SHA-1): signing gives exactly the
// file's signature (the scheme is deterministic), which verifies with the
// key pair and the public key. Keys of 1025-1031 bits are outside the
// driver's whole-byte sizes (NOT_SUPPORTED at import), counted.
TEST_F(RsaSignatureTest, Pkcs1v15KnownAnswers) {
  size_t checked = 0, skipped_keys = 0;
  for (const Pkcs1Key& vectors : ParsePkcs1Vectors(
           ReadVectorFile("asymmetric/RSA/pkcs1v15sign-vectors.txt"))) {
    const size_t bits = BitLength(vectors.n);
    if (bits % 8 != 0) {
      EXPECT_EQ(Import(kRsaPair, 0, RsaKeyPairDer(vectors)).status,
                PSA_ERROR_NOT_SUPPORTED);
      ++skipped_keys;
      continue;
    }
    auto pair = Import(kRsaPair, 0, RsaKeyPairDer(vectors));
    auto pub = Import(kRsaPublic, 0, RsaPublicKeyDer(vectors));
    ASSERT_EQ(pair.status, PSA_SUCCESS) << vectors.name;
    ASSERT_EQ(pub.status, PSA_SUCCESS) << vectors.name;
    const Key pair_key{kRsaPair, bits, pair.key};
    const Key public_key{kRsaPublic, bits, pub.key};
    const psa_algorithm_t alg = PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_1);
    for (const auto& c : vectors.cases) {
      const Bytes hash =
          Hash(PSA_ALG_SHA_1, c.fields.at("Message to be signed"));
      const Bytes& expected = c.fields.at("Signature");
      const SignResult signed_hash = Sign(pair_key, alg, hash);
      ASSERT_EQ(signed_hash.status, PSA_SUCCESS) << c.name;
      EXPECT_EQ(signed_hash.signature, expected) << c.name;
      EXPECT_EQ(Verify(public_key, alg, hash, expected), PSA_SUCCESS);
      EXPECT_EQ(Verify(pair_key, alg, hash, expected), PSA_SUCCESS);
      // The same through the raw algorithm: T is DigestInfo || H.
      Bytes t = FromHex("3021300906052b0e03021a05000414");
      t.insert(t.end(), hash.begin(), hash.end());
      EXPECT_EQ(Sign(pair_key, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, t).signature,
                expected);
      EXPECT_EQ(Verify(public_key, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, t, expected),
                PSA_SUCCESS);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 8u * 20u);  // keys 1-6, 14 and 15
  EXPECT_EQ(skipped_keys, 7u);
}

// The RSA Laboratories PSS file (SHA-1, MGF1-SHA-1, 20-byte salts, which is
// the hash length): every signature verifies with PSA_ALG_RSA_PSS and
// PSA_ALG_RSA_PSS_ANY_SALT, and not once changed.
TEST_F(RsaSignatureTest, PssKnownAnswers) {
  size_t checked = 0, skipped_keys = 0;
  for (const Pkcs1Key& vectors : ParsePkcs1Vectors(
           ReadVectorFile("asymmetric/RSA/pkcs-1v2-1d2-vec/pss-vect.txt"))) {
    const size_t bits = BitLength(vectors.n);
    if (bits % 8 != 0) {
      ++skipped_keys;
      continue;
    }
    auto pub = Import(kRsaPublic, 0, RsaPublicKeyDer(vectors));
    ASSERT_EQ(pub.status, PSA_SUCCESS) << vectors.name;
    const Key public_key{kRsaPublic, bits, pub.key};
    for (const auto& c : vectors.cases) {
      EXPECT_EQ(c.fields.at("Salt").size(), 20u);
      const Bytes hash =
          Hash(PSA_ALG_SHA_1, c.fields.at("Message to be signed"));
      const Bytes& signature = c.fields.at("Signature");
      EXPECT_EQ(
          Verify(public_key, PSA_ALG_RSA_PSS(PSA_ALG_SHA_1), hash, signature),
          PSA_SUCCESS)
          << c.name;
      EXPECT_EQ(Verify(public_key, PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_1),
                       hash, signature),
                PSA_SUCCESS);
      Bytes changed = signature;
      changed[changed.size() / 2] ^= 4;
      EXPECT_EQ(
          Verify(public_key, PSA_ALG_RSA_PSS(PSA_ALG_SHA_1), hash, changed),
          PSA_ERROR_INVALID_SIGNATURE);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 3u * 6u);  // keys 1 (1024), 9 (1536), 10 (2048)
  EXPECT_EQ(skipped_keys, 7u);
}

// One generated key pair per size class, with its public key.
struct RsaKeys {
  Key pair, public_key;
};

RsaKeys GenerateRsa(size_t bits) {
  auto generated = Generate(kRsaPair, bits);
  EXPECT_EQ(generated.status, PSA_SUCCESS) << bits;
  auto exported = ExportPublic(kRsaPair, bits, generated.output);
  EXPECT_EQ(exported.status, PSA_SUCCESS);
  return {{kRsaPair, bits, generated.output},
          {kRsaPublic, bits, exported.output}};
}

// Every size class and hash: PKCS #1 v1.5 (deterministic: the same
// signature twice), raw, PSS and PSS with any salt sign, and verify with
// the key pair and the public key; a changed signature fails.
TEST_F(RsaSignatureTest, RoundTripsOnEverySizeClass) {
  for (size_t bits : {1024, 1536, 2048, 3072, 4096}) {
    const RsaKeys keys = GenerateRsa(bits);
    if (HasFailure()) return;
    for (psa_algorithm_t hash_alg : BuiltinHashes()) {
      const Bytes hash = Hash(hash_alg, {9, 8, 7});
      for (psa_algorithm_t alg :
           {PSA_ALG_RSA_PKCS1V15_SIGN(hash_alg), PSA_ALG_RSA_PSS(hash_alg),
            PSA_ALG_RSA_PSS_ANY_SALT(hash_alg)}) {
        const SignResult first = Sign(keys.pair, alg, hash);
        ASSERT_EQ(first.status, PSA_SUCCESS) << bits << " " << alg;
        EXPECT_EQ(first.signature.size(), bits / 8);
        const SignResult second = Sign(keys.pair, alg, hash);
        EXPECT_EQ(first.signature == second.signature,
                  PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg))
            << alg;
        EXPECT_EQ(Verify(keys.public_key, alg, hash, first.signature),
                  PSA_SUCCESS);
        EXPECT_EQ(Verify(keys.pair, alg, hash, first.signature), PSA_SUCCESS);
        Bytes changed = first.signature;
        changed.back() ^= 1;
        EXPECT_EQ(Verify(keys.public_key, alg, hash, changed),
                  PSA_ERROR_INVALID_SIGNATURE);
      }
    }
    // Raw: any T up to k - 11 bytes.
    for (size_t length : {size_t{0}, size_t{1}, size_t{36}, bits / 8 - 11}) {
      const Bytes t(length, 0x33);
      const SignResult raw = Sign(keys.pair, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, t);
      ASSERT_EQ(raw.status, PSA_SUCCESS) << length;
      EXPECT_EQ(Verify(keys.public_key, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, t,
                       raw.signature),
                PSA_SUCCESS);
    }
  }
}

// A PSS signature with a salt shorter than the hash (made with Mbed TLS
// directly, from the same key): PSA_ALG_RSA_PSS refuses it,
// PSA_ALG_RSA_PSS_ANY_SALT accepts it. And what the driver signs with a
// 1024-bit key and SHA-512 (where only 62 salt bytes fit) verifies with
// PSA_ALG_RSA_PSS.
TEST_F(RsaSignatureTest, PssSaltLengthSemantics) {
  const RsaKeys keys = GenerateRsa(2048);
  const Bytes hash = Hash(PSA_ALG_SHA_256, {1});
  mbedtls_rsa_context rsa;
  mbedtls_rsa_init(&rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
  ASSERT_EQ(RsaLoadKey(keys.pair.type, keys.pair.bits, keys.pair.buffer.data(),
                       keys.pair.buffer.size(), RsaKeyUse::kPrivate, &rsa),
            PSA_SUCCESS);
  for (int salt_length : {0, 16, 31, 33}) {
    Bytes signature(256);
    ASSERT_EQ(mbedtls_rsa_rsassa_pss_sign_ext(
                  &rsa,
                  [](void*, unsigned char* out, size_t n) {
                    return psa_generate_random(out, n) == PSA_SUCCESS ? 0 : -1;
                  },
                  nullptr, MBEDTLS_MD_SHA256, 32, hash.data(), salt_length,
                  signature.data()),
              0);
    EXPECT_EQ(Verify(keys.public_key, PSA_ALG_RSA_PSS(PSA_ALG_SHA_256), hash,
                     signature),
              PSA_ERROR_INVALID_SIGNATURE)
        << salt_length;
    EXPECT_EQ(Verify(keys.public_key, PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256),
                     hash, signature),
              PSA_SUCCESS)
        << salt_length;
  }
  mbedtls_rsa_free(&rsa);

  const RsaKeys small = GenerateRsa(1024);
  const Bytes hash512 = Hash(PSA_ALG_SHA_512, {2});
  const SignResult signature =
      Sign(small.pair, PSA_ALG_RSA_PSS(PSA_ALG_SHA_512), hash512);
  ASSERT_EQ(signature.status, PSA_SUCCESS);
  EXPECT_EQ(Verify(small.public_key, PSA_ALG_RSA_PSS(PSA_ALG_SHA_512), hash512,
                   signature.signature),
            PSA_SUCCESS);
}

// ---- Failure statuses ----

class SignatureFailureTest : public KeyManagementTest {
 protected:
  void SetUp() override {
    KeyManagementTest::SetUp();
    const Curve& p256 = kCurves[2];
    auto generated = Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(p256.family), 256);
    ASSERT_EQ(generated.status, PSA_SUCCESS);
    ecc_pair_ = {PSA_KEY_TYPE_ECC_KEY_PAIR(p256.family), 256, generated.output};
    auto exported = ExportPublic(ecc_pair_.type, 256, ecc_pair_.buffer);
    ecc_public_ = {PSA_KEY_TYPE_ECC_PUBLIC_KEY(p256.family), 256,
                   exported.output};
    const RsaKeys rsa = GenerateRsa(1024);
    rsa_pair_ = rsa.pair;
    rsa_public_ = rsa.public_key;
    x25519_ = {
        PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 255,
        Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 255)
            .output};
  }

  Key ecc_pair_, ecc_public_, rsa_pair_, rsa_public_, x25519_;
  const Bytes sha256_ = Bytes(32, 0x11);
};

TEST_F(SignatureFailureTest, SignStatuses) {
  const psa_algorithm_t ecdsa = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
  const psa_algorithm_t pkcs1 = PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256);
  const struct {
    const char* what;
    const Key* key;
    psa_algorithm_t alg;
    Bytes hash;
    size_t signature_size;
    psa_status_t expected;
  } cases[] = {
      {"public key to sign (ECC)", &ecc_public_, ecdsa, sha256_, 64,
       PSA_ERROR_INVALID_ARGUMENT},
      {"public key to sign (RSA)", &rsa_public_, pkcs1, sha256_, 128,
       PSA_ERROR_INVALID_ARGUMENT},
      {"RSA key for ECDSA", &rsa_pair_, ecdsa, sha256_, 128,
       PSA_ERROR_INVALID_ARGUMENT},
      {"ECC key for RSA", &ecc_pair_, pkcs1, sha256_, 128,
       PSA_ERROR_INVALID_ARGUMENT},
      {"Montgomery key for ECDSA", &x25519_, ecdsa, sha256_, 64,
       PSA_ERROR_INVALID_ARGUMENT},
      {"hash one byte short", &ecc_pair_, ecdsa, Bytes(31, 1), 64,
       PSA_ERROR_INVALID_ARGUMENT},
      {"hash one byte long (RSA)", &rsa_pair_, pkcs1, Bytes(33, 1), 128,
       PSA_ERROR_INVALID_ARGUMENT},
      {"PSS hash length", &rsa_pair_, PSA_ALG_RSA_PSS(PSA_ALG_SHA_1), sha256_,
       128, PSA_ERROR_INVALID_ARGUMENT},
      {"wildcard policy as algorithm", &ecc_pair_,
       PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), sha256_, 64,
       PSA_ERROR_INVALID_ARGUMENT},
      {"deterministic ECDSA without hash", &ecc_pair_,
       PSA_ALG_DETERMINISTIC_ECDSA(0), sha256_, 64, PSA_ERROR_INVALID_ARGUMENT},
      {"PSS without hash", &rsa_pair_, PSA_ALG_RSA_PSS(0), sha256_, 128,
       PSA_ERROR_INVALID_ARGUMENT},
      {"not a signature algorithm", &ecc_pair_, PSA_ALG_SHA_256, sha256_, 64,
       PSA_ERROR_INVALID_ARGUMENT},
      {"raw input longer than k - 11", &rsa_pair_,
       PSA_ALG_RSA_PKCS1V15_SIGN_RAW, Bytes(118, 1), 128,
       PSA_ERROR_INVALID_ARGUMENT},
      {"ECDSA buffer one byte short", &ecc_pair_, ecdsa, sha256_, 63,
       PSA_ERROR_BUFFER_TOO_SMALL},
      {"RSA buffer one byte short", &rsa_pair_, pkcs1, sha256_, 127,
       PSA_ERROR_BUFFER_TOO_SMALL},
      {"SHA3 (not in Mbed TLS 2.28)", &ecc_pair_,
       PSA_ALG_ECDSA(PSA_ALG_SHA3_256), sha256_, 64, PSA_ERROR_NOT_SUPPORTED},
      {"SHA3 for RSA", &rsa_pair_, PSA_ALG_RSA_PSS(PSA_ALG_SHA3_256), sha256_,
       128, PSA_ERROR_NOT_SUPPORTED},
      {"pure EdDSA on a hash", &ecc_pair_, PSA_ALG_PURE_EDDSA, sha256_, 64,
       PSA_ERROR_INVALID_ARGUMENT},
      {"Ed25519ph", &ecc_pair_, PSA_ALG_ED25519PH, Bytes(64, 1), 64,
       PSA_ERROR_NOT_SUPPORTED},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Sign(*c.key, c.alg, c.hash, c.signature_size).status, c.expected)
        << c.what;
  }
  // Exactly the size is enough.
  EXPECT_EQ(Sign(ecc_pair_, ecdsa, sha256_, 64).status, PSA_SUCCESS);
  EXPECT_EQ(Sign(rsa_pair_, pkcs1, sha256_, 128).status, PSA_SUCCESS);
}

TEST_F(SignatureFailureTest, UnsupportedCurvesAndSizes) {
  // A curve family the driver lacks, an RSA size that is not whole bytes.
  const Key sect{PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECT_K1), 233,
                 Bytes(30, 1)};
  EXPECT_EQ(Sign(sect, PSA_ALG_ECDSA_ANY, sha256_).status,
            PSA_ERROR_NOT_SUPPORTED);
  const Key odd_rsa{kRsaPair, 1025, rsa_pair_.buffer};
  EXPECT_EQ(Sign(odd_rsa, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, sha256_).status,
            PSA_ERROR_NOT_SUPPORTED);
  // A key buffer that does not hold a key of the attributes' size.
  const Key short_ecc{ecc_pair_.type, 256, Bytes(31, 1)};
  EXPECT_EQ(Sign(short_ecc, PSA_ALG_ECDSA_ANY, sha256_).status,
            PSA_ERROR_INVALID_ARGUMENT);
  const Key wrong_bits{kRsaPair, 2048, rsa_pair_.buffer};
  EXPECT_EQ(Sign(wrong_bits, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, sha256_).status,
            PSA_ERROR_INVALID_ARGUMENT);
}

TEST_F(SignatureFailureTest, VerifyStatuses) {
  const psa_algorithm_t ecdsa = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
  const psa_algorithm_t pss = PSA_ALG_RSA_PSS(PSA_ALG_SHA_256);
  const Bytes ecdsa_signature = Sign(ecc_pair_, ecdsa, sha256_).signature;
  const Bytes rsa_signature = Sign(rsa_pair_, pss, sha256_).signature;
  ASSERT_EQ(ecdsa_signature.size(), 64u);
  ASSERT_EQ(rsa_signature.size(), 128u);
  EXPECT_EQ(Verify(ecc_public_, ecdsa, Bytes(31, 0x11), ecdsa_signature),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Verify(rsa_public_, ecdsa, sha256_, ecdsa_signature),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Verify(ecc_public_, pss, sha256_, rsa_signature),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Verify(x25519_, ecdsa, sha256_, ecdsa_signature),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Verify(ecc_public_, PSA_ALG_ECDSA(PSA_ALG_SHA3_256), sha256_,
                   ecdsa_signature),
            PSA_ERROR_NOT_SUPPORTED);
  // Wrong length, and an RSA signature not less than the modulus.
  Bytes rsa_short(rsa_signature.begin() + 1, rsa_signature.end());
  EXPECT_EQ(Verify(rsa_public_, pss, sha256_, rsa_short),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(Verify(rsa_public_, pss, sha256_, Bytes(128, 0xFF)),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(Verify(rsa_public_, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256),
                   sha256_, rsa_signature),
            PSA_ERROR_INVALID_SIGNATURE);
  // The right signatures still verify.
  EXPECT_EQ(Verify(ecc_public_, ecdsa, sha256_, ecdsa_signature), PSA_SUCCESS);
  EXPECT_EQ(Verify(rsa_public_, pss, sha256_, rsa_signature), PSA_SUCCESS);
}

}  // namespace
}  // namespace drivers::builtin
