// The signature and asymmetric encryption API over every vector of the
// Wycheproof files of testdata/wycheproof/ (C2SP/wycheproof testvectors_v1)
// for ECDSA P-256 with SHA-256, RSASSA-PKCS1-v1_5 2048 with SHA-256,
// RSASSA-PSS 2048 with SHA-256, MGF1-SHA-256 and a 32-byte salt, and
// RSAES-OAEP 2048 with SHA-256 and MGF1-SHA-256, in the builtin-only build.
//
// Each vector's key is imported in its PSA export format (the uncompressed
// point; RSAPublicKey; an RSAPrivateKey built from the components), then:
//   - signatures: psa_verify_message over "msg", and psa_verify_hash over
//     its hash, with PSA_ALG_ECDSA(SHA-256) (and the deterministic
//     algorithm, which verifies alike), PSA_ALG_RSA_PKCS1V15_SIGN(SHA-256),
//     PSA_ALG_RSA_PSS(SHA-256) (the salt length is the hash length, 32: the
//     file's sLen). Both must say PSA_SUCCESS for "valid" and
//     PSA_ERROR_INVALID_SIGNATURE for "invalid";
//   - ECDSA signatures are DER in these files and raw r || s in PSA: a DER
//     SEQUENCE of two INTEGERs, strictly parsed (minimal lengths, no
//     trailing bytes, no BER, no negative or padded integers), each at most
//     32 bytes once its sign byte is dropped. A signature that does not
//     parse or convert cannot be a valid signature: it passes if the vector
//     says "invalid";
//   - OAEP: psa_asymmetric_decrypt of "ct" with "label" as the salt, which
//     must give "msg" for "valid", and for "invalid" fail with
//     PSA_ERROR_INVALID_PADDING (PSA_ERROR_INVALID_ARGUMENT for a ciphertext
//     that is not the modulus size), with nothing written;
//   - "acceptable" (one PKCS #1 v1.5 vector: a DigestInfo without the NULL
//     parameters) passes either way, and the outcome is noted.
// Nothing is skipped: every vector of these files is expressible in PSA.

#include <gtest/gtest.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/vectors/hex.h"
#include "tests/vectors/test_files.h"
#include "tests/vectors/vector_report.h"

namespace tests::vectors {
namespace {

using Bytes = std::vector<uint8_t>;
using nlohmann::json;

class Environment : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};
const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new Environment);

Bytes Hex(const json& value) {
  Bytes bytes;
  EXPECT_TRUE(DecodeHex(value.get<std::string>(), &bytes)) << value;
  return bytes;
}

bool LoadFile(const std::string& name, json* file) {
  std::string error, text;
  const std::string path = RunfilePath("", "tests/vectors/testdata/wycheproof/" + name, &error);
  if (path.empty() || !ReadWholeFile(path, &text, &error)) {
    ADD_FAILURE() << error;
    return false;
  }
  *file = json::parse(text);
  size_t tests = 0;
  for (const json& group : (*file)["testGroups"]) tests += group["tests"].size();
  EXPECT_EQ(tests, (*file)["numberOfTests"].get<size_t>()) << name;
  return true;
}

// A volatile key, destroyed with the object.
class Key {
 public:
  Key(psa_key_type_t type, const Bytes& data, psa_key_usage_t usage, psa_algorithm_t alg) {
    psa_key_attributes_t attributes = psa_key_attributes_init();
    psa_set_key_type(&attributes, type);
    psa_set_key_usage_flags(&attributes, usage);
    psa_set_key_algorithm(&attributes, alg);
    status_ = psa_import_key(&attributes, data.data(), data.size(), &id_);
  }
  ~Key() { psa_destroy_key(id_); }
  Key(const Key&) = delete;
  Key& operator=(const Key&) = delete;
  psa_status_t status() const { return status_; }
  psa_key_id_t id() const { return id_; }

 private:
  psa_status_t status_;
  psa_key_id_t id_ = PSA_KEY_ID_NULL;
};

Bytes Sha256(const Bytes& message) {
  Bytes hash(32);
  size_t length = 0;
  EXPECT_EQ(psa_hash_compute(PSA_ALG_SHA_256, message.data(), message.size(), hash.data(), hash.size(), &length),
            PSA_SUCCESS);
  return hash;
}

std::string Name(const json& test) { return "tcId " + std::to_string(test["tcId"].get<int>()); }

// The verdict of a verification that said `status` for a vector whose
// result is `result`.
Verdict Judge(const std::string& result, psa_status_t status, const std::string& what) {
  if (result == "acceptable") {
    return Verdict::Pass(std::string("acceptable, ") + what +
                         (status == PSA_SUCCESS ? " accepted it" : " rejected it"));
  }
  const psa_status_t expected = result == "valid" ? PSA_SUCCESS : PSA_ERROR_INVALID_SIGNATURE;
  if (status == expected) return Verdict::Pass();
  return Verdict::Fail(what + " returned " + std::to_string(status) + " for a vector that is " + result);
}

// Both verifications of one signature: the message and its hash.
Verdict VerifyBoth(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, const Bytes& signature,
                   const std::string& result) {
  const Bytes hash = Sha256(message);
  const Verdict by_message =
      Judge(result, psa_verify_message(key, alg, message.data(), message.size(), signature.data(), signature.size()),
            "psa_verify_message");
  const Verdict by_hash =
      Judge(result, psa_verify_hash(key, alg, hash.data(), hash.size(), signature.data(), signature.size()),
            "psa_verify_hash");
  return Combine({by_message, by_hash});
}

void Report(const FileTally& tally) {
  std::cout << tally.Summary() << std::endl;
  for (const std::string& failure : tally.failures()) ADD_FAILURE() << failure;
  EXPECT_EQ(tally.skipped(), 0u);
  EXPECT_GT(tally.run(), 0u);
}

// ---- ECDSA ----

// Reads one DER element of `tag` from data[*offset..end): definite length
// in the fewest bytes. False if it is not one.
bool ReadDerElement(const Bytes& data, size_t* offset, size_t end, uint8_t tag, size_t* content, size_t* length) {
  size_t i = *offset;
  if (end - i < 2 || data[i++] != tag) return false;
  size_t n = data[i++];
  if (n & 0x80) {
    const size_t bytes = n & 0x7f;
    if (bytes == 0 || bytes > 2 || end - i < bytes || data[i] == 0) return false;  // indefinite, padded
    n = 0;
    for (size_t k = 0; k < bytes; ++k) n = (n << 8) | data[i++];
    if (n < 0x80) return false;  // long form for a short length
  }
  if (end - i < n) return false;
  *content = i;
  *length = n;
  *offset = i + n;
  return true;
}

// DER ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } -> r || s of
// `scalar` bytes each; false if it is not strict DER or a value does not
// fit (then it is no valid signature).
bool DerSignatureToRaw(const Bytes& der, size_t scalar, Bytes* raw) {
  size_t offset = 0, sequence = 0, sequence_length = 0;
  if (!ReadDerElement(der, &offset, der.size(), 0x30, &sequence, &sequence_length) || offset != der.size()) {
    return false;
  }
  raw->assign(2 * scalar, 0);
  size_t inner = sequence;
  for (int part = 0; part < 2; ++part) {
    size_t content = 0, length = 0;
    if (!ReadDerElement(der, &inner, sequence + sequence_length, 0x02, &content, &length) || length == 0) {
      return false;
    }
    if (der[content] & 0x80) return false;                                            // negative
    if (length > 1 && der[content] == 0 && !(der[content + 1] & 0x80)) return false;  // redundant zero
    while (length > 0 && der[content] == 0) {
      ++content;
      --length;
    }
    if (length > scalar) return false;
    std::copy(der.begin() + content, der.begin() + content + length, raw->begin() + part * scalar + (scalar - length));
  }
  return inner == sequence + sequence_length;
}

TEST(AsymmetricWycheproof, EcdsaP256Sha256) {
  json file;
  ASSERT_TRUE(LoadFile("ecdsa_secp256r1_sha256_test.json", &file));
  ASSERT_EQ(file["schema"], "ecdsa_verify_schema_v1.json");
  FileTally tally("ecdsa_secp256r1_sha256_test.json");
  const psa_algorithm_t alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
  const psa_algorithm_t deterministic = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256);
  for (const json& group : file["testGroups"]) {
    ASSERT_EQ(group["publicKey"]["curve"], "secp256r1");
    ASSERT_EQ(group["sha"], "SHA-256");
    const Bytes point = Hex(group["publicKey"]["uncompressed"]);
    Key key(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), point, PSA_KEY_USAGE_VERIFY_HASH, alg);
    Key deterministic_key(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), point, PSA_KEY_USAGE_VERIFY_HASH,
                          deterministic);
    for (const json& test : group["tests"]) {
      const std::string result = test["result"];
      if (key.status() != PSA_SUCCESS) {
        tally.Add(Name(test), Verdict::Fail("public key import returned " + std::to_string(key.status())));
        continue;
      }
      Bytes raw;
      if (!DerSignatureToRaw(Hex(test["sig"]), 32, &raw)) {
        tally.Add(Name(test), result == "invalid"
                                  ? Verdict::Pass("not a strict DER signature of two 32-byte integers: invalid")
                                  : Verdict::Fail("a " + result + " signature that does not parse as DER"));
        continue;
      }
      const Bytes message = Hex(test["msg"]);
      tally.Add(Name(test), Combine({VerifyBoth(key.id(), alg, message, raw, result),
                                     VerifyBoth(deterministic_key.id(), deterministic, message, raw, result)}));
    }
  }
  Report(tally);
}

// ---- RSA signatures ----

void RunRsaSignatureFile(const std::string& name, const std::string& schema, psa_algorithm_t alg) {
  json file;
  ASSERT_TRUE(LoadFile(name, &file));
  ASSERT_EQ(file["schema"], schema);
  FileTally tally(name);
  for (const json& group : file["testGroups"]) {
    ASSERT_EQ(group["sha"], "SHA-256");
    if (group.contains("mgfSha")) {
      ASSERT_EQ(group["mgfSha"], "SHA-256");
      ASSERT_EQ(group["sLen"], 32) << "PSA_ALG_RSA_PSS(SHA-256) has a 32-byte salt";
    }
    // RSAPublicKey, the PSA export format of an RSA public key.
    Key key(PSA_KEY_TYPE_RSA_PUBLIC_KEY, Hex(group["publicKeyAsn"]), PSA_KEY_USAGE_VERIFY_HASH, alg);
    for (const json& test : group["tests"]) {
      if (key.status() != PSA_SUCCESS) {
        tally.Add(Name(test), Verdict::Fail("public key import returned " + std::to_string(key.status())));
        continue;
      }
      tally.Add(Name(test), VerifyBoth(key.id(), alg, Hex(test["msg"]), Hex(test["sig"]), test["result"]));
    }
  }
  Report(tally);
}

TEST(AsymmetricWycheproof, RsaPkcs1v15Signature2048Sha256) {
  RunRsaSignatureFile("rsa_signature_2048_sha256_test.json", "rsassa_pkcs1_verify_schema_v1.json",
                      PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256));
}

TEST(AsymmetricWycheproof, RsaPss2048Sha256Mgf1Salt32) {
  RunRsaSignatureFile("rsa_pss_2048_sha256_mgf1_32_test.json", "rsassa_pss_verify_schema_v1.json",
                      PSA_ALG_RSA_PSS(PSA_ALG_SHA_256));
}

// ---- RSA OAEP ----

// DER INTEGER of a non-negative big-endian magnitude.
Bytes DerInteger(Bytes magnitude) {
  while (magnitude.size() > 1 && magnitude[0] == 0) magnitude.erase(magnitude.begin());
  if (magnitude.empty()) magnitude.push_back(0);
  if (magnitude[0] & 0x80) magnitude.insert(magnitude.begin(), 0);
  Bytes out = {0x02};
  if (magnitude.size() < 0x80) {
    out.push_back(static_cast<uint8_t>(magnitude.size()));
  } else if (magnitude.size() < 0x100) {
    out.push_back(0x81);
    out.push_back(static_cast<uint8_t>(magnitude.size()));
  } else {
    out.push_back(0x82);
    out.push_back(static_cast<uint8_t>(magnitude.size() >> 8));
    out.push_back(static_cast<uint8_t>(magnitude.size()));
  }
  out.insert(out.end(), magnitude.begin(), magnitude.end());
  return out;
}

// RSAPrivateKey (version 0) from the components of a "privateKey" object.
Bytes RsaPrivateKeyDer(const json& key) {
  Bytes content = DerInteger({0});
  for (const char* field :
       {"modulus", "publicExponent", "privateExponent", "prime1", "prime2", "exponent1", "exponent2", "coefficient"}) {
    const Bytes integer = DerInteger(Hex(key[field]));
    content.insert(content.end(), integer.begin(), integer.end());
  }
  Bytes out = {0x30, 0x82, static_cast<uint8_t>(content.size() >> 8), static_cast<uint8_t>(content.size())};
  out.insert(out.end(), content.begin(), content.end());
  return out;
}

TEST(AsymmetricWycheproof, RsaOaep2048Sha256Mgf1Sha256) {
  const std::string name = "rsa_oaep_2048_sha256_mgf1sha256_test.json";
  json file;
  ASSERT_TRUE(LoadFile(name, &file));
  ASSERT_EQ(file["schema"], "rsaes_oaep_decrypt_schema_v1.json");
  FileTally tally(name);
  const psa_algorithm_t alg = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);
  for (const json& group : file["testGroups"]) {
    ASSERT_EQ(group["sha"], "SHA-256");
    ASSERT_EQ(group["mgfSha"], "SHA-256");
    const size_t modulus_bytes = group["keySize"].get<size_t>() / 8;
    Key key(PSA_KEY_TYPE_RSA_KEY_PAIR, RsaPrivateKeyDer(group["privateKey"]), PSA_KEY_USAGE_DECRYPT, alg);
    for (const json& test : group["tests"]) {
      if (key.status() != PSA_SUCCESS) {
        tally.Add(Name(test), Verdict::Fail("key pair import returned " + std::to_string(key.status())));
        continue;
      }
      const Bytes ct = Hex(test["ct"]);
      const Bytes label = Hex(test["label"]);
      const Bytes msg = Hex(test["msg"]);
      const std::string result = test["result"];
      Bytes output(PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE, 0xA5);
      size_t length = 12345;
      const psa_status_t status = psa_asymmetric_decrypt(key.id(), alg, ct.data(), ct.size(), label.data(),
                                                         label.size(), output.data(), output.size(), &length);
      if (result == "valid") {
        if (status != PSA_SUCCESS) {
          tally.Add(Name(test), Verdict::Fail("decrypt returned " + std::to_string(status)));
        } else if (Bytes(output.begin(), output.begin() + length) != msg) {
          tally.Add(Name(test), Verdict::Fail("wrong plaintext"));
        } else {
          tally.Add(Name(test), Verdict::Pass());
        }
        continue;
      }
      bool clean = length == 0;
      for (uint8_t b : output) clean = clean && (b == 0xA5 || b == 0);
      const psa_status_t expected = ct.size() == modulus_bytes ? PSA_ERROR_INVALID_PADDING : PSA_ERROR_INVALID_ARGUMENT;
      if (status != expected) {
        tally.Add(Name(test), Verdict::Fail("decrypt returned " + std::to_string(status) + ", expected " +
                                            std::to_string(expected)));
      } else if (!clean) {
        tally.Add(Name(test), Verdict::Fail("output written by a failed decryption"));
      } else {
        tally.Add(Name(test),
                  Verdict::Pass(ct.size() == modulus_bytes ? "" : "ciphertext not the modulus size: INVALID_ARGUMENT"));
      }
    }
  }
  Report(tally);
}

}  // namespace
}  // namespace tests::vectors
