// Self-tests of signatures, asymmetric encryption and key agreement.
//
// Deterministic ECDSA, ECDH and X25519 are checked against known answers
// (RFC 6979 appendix A.2.5, RFC 7748 section 6.1, and a P-256 ECDH value
// computed independently with Python's cryptography package). Randomized
// signatures and RSA encryption cannot have known answers: they are checked
// by a round trip through the verifying or decrypting direction, which must
// also reject a corrupted input, and for PKCS#1 v1.5 signatures (which are
// deterministic) by psa_sign_message agreeing with psa_sign_hash of the
// message's hash.

#include "psa/cli/asymmetric_selftest.h"

#include <string>
#include <vector>

#include "psa/cli/selftest_support.h"
#include "psa/crypto.h"

namespace psa::cli {
namespace {

constexpr psa_key_type_t kP256KeyPair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);

// RFC 6979 appendix A.2.5: the P-256 key and the signature of "sample" with SHA-256.
const char kRfc6979PrivateKey[] = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
const char kRfc6979SampleSignature[] =
    "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
    "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";

SelftestResult Result(const std::string& mechanism) {
  return SelftestResult{mechanism, "-", SelftestResult::Outcome::kFail, ""};
}

// NOT_SUPPORTED from the first call of a mechanism: the build lacks it.
bool NotCompiledIn(SelftestResult* result, psa_status_t status) {
  if (status != PSA_ERROR_NOT_SUPPORTED) return false;
  result->outcome = SelftestResult::Outcome::kNotCompiledIn;
  return true;
}

// A signature that verifies must stop verifying when one bit changes.
bool CheckRejectsCorrupted(SelftestResult* result, psa_key_id_t key, psa_algorithm_t alg, const Bytes& message,
                           Bytes signature) {
  signature[signature.size() / 2] ^= 0x01;
  const psa_status_t status =
      psa_verify_message(key, alg, message.data(), message.size(), signature.data(), signature.size());
  if (status == PSA_ERROR_INVALID_SIGNATURE) return true;
  result->detail = "a corrupted signature was not rejected (status " + std::to_string(status) + ")";
  return false;
}

SelftestResult DeterministicEcdsaSelftest() {
  SelftestResult result = Result("sign ECDSA P-256 SHA-256 deterministic");
  const psa_algorithm_t alg = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256);
  Key key(kP256KeyPair, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, alg,
          FromHex(kRfc6979PrivateKey));
  if (!Check(&result, "psa_import_key", key.status())) return result;
  const Bytes message = FromText("sample");
  Bytes signature(PSA_SIGN_OUTPUT_SIZE(kP256KeyPair, 256, alg));
  size_t length = 0;
  psa_status_t status = psa_sign_message(key.id(), alg, message.data(), message.size(), signature.data(),
                                         signature.size(), &length);
  if (NotCompiledIn(&result, status)) return result;
  result.driver = LastDriver();
  if (!Check(&result, "psa_sign_message", status)) return result;
  signature.resize(length);
  if (!CheckEqual(&result, "the signature", signature, FromHex(kRfc6979SampleSignature))) return result;
  status = psa_verify_message(key.id(), alg, message.data(), message.size(), signature.data(), signature.size());
  if (!Check(&result, "psa_verify_message", status)) return result;
  if (!CheckRejectsCorrupted(&result, key.id(), alg, message, signature)) return result;
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

// Signs a message with `key` and `alg` and verifies it, by message and by hash.
SelftestResult SignatureRoundTrip(const std::string& name, const Key& key, psa_algorithm_t alg) {
  SelftestResult result = Result("sign " + name);
  if (!Check(&result, "creating the key", key.status())) return result;
  const Bytes message = FromText("abc");
  Bytes signature(PSA_SIGNATURE_MAX_SIZE);
  size_t length = 0;
  psa_status_t status = psa_sign_message(key.id(), alg, message.data(), message.size(), signature.data(),
                                         signature.size(), &length);
  if (NotCompiledIn(&result, status)) return result;
  result.driver = LastDriver();
  if (!Check(&result, "psa_sign_message", status)) return result;
  signature.resize(length);
  status = psa_verify_message(key.id(), alg, message.data(), message.size(), signature.data(), signature.size());
  if (!Check(&result, "psa_verify_message", status)) return result;
  Bytes hash(PSA_HASH_MAX_SIZE);
  size_t hash_length = 0;
  status = psa_hash_compute(PSA_ALG_GET_HASH(alg), message.data(), message.size(), hash.data(), hash.size(),
                            &hash_length);
  if (!Check(&result, "psa_hash_compute", status)) return result;
  status = psa_verify_hash(key.id(), alg, hash.data(), hash_length, signature.data(), signature.size());
  if (!Check(&result, "psa_verify_hash of the message's signature", status)) return result;
  if (PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg)) {
    Bytes by_hash(PSA_SIGNATURE_MAX_SIZE);
    status = psa_sign_hash(key.id(), alg, hash.data(), hash_length, by_hash.data(), by_hash.size(), &length);
    if (!Check(&result, "psa_sign_hash", status)) return result;
    by_hash.resize(length);
    if (!CheckEqual(&result, "psa_sign_hash's signature", by_hash, signature)) return result;
  }
  if (!CheckRejectsCorrupted(&result, key.id(), alg, message, signature)) return result;
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

SelftestResult EncryptionRoundTrip(const std::string& name, const Key& key, psa_algorithm_t alg,
                                   const Bytes& label) {
  SelftestResult result = Result("encrypt " + name);
  if (!Check(&result, "creating the key", key.status())) return result;
  const Bytes message = FromText("the quick brown fox");
  Bytes ciphertext(PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE);
  size_t length = 0;
  psa_status_t status = psa_asymmetric_encrypt(key.id(), alg, message.data(), message.size(), label.data(),
                                               label.size(), ciphertext.data(), ciphertext.size(), &length);
  if (NotCompiledIn(&result, status)) return result;
  if (!Check(&result, "psa_asymmetric_encrypt", status)) return result;
  ciphertext.resize(length);
  Bytes decrypted(PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE);
  status = psa_asymmetric_decrypt(key.id(), alg, ciphertext.data(), ciphertext.size(), label.data(), label.size(),
                                  decrypted.data(), decrypted.size(), &length);
  result.driver = LastDriver();
  if (!Check(&result, "psa_asymmetric_decrypt", status)) return result;
  decrypted.resize(length);
  if (!CheckEqual(&result, "the decrypted message", decrypted, message)) return result;
  ciphertext[ciphertext.size() - 1] ^= 0x01;
  status = psa_asymmetric_decrypt(key.id(), alg, ciphertext.data(), ciphertext.size(), label.data(), label.size(),
                                  decrypted.data(), decrypted.size(), &length);
  if (status != PSA_ERROR_INVALID_PADDING) {
    result.detail = "a corrupted ciphertext was not rejected (status " + std::to_string(status) + ")";
    return result;
  }
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

SelftestResult AgreementSelftest(const std::string& name, psa_key_type_t type, const char* private_hex,
                                 const char* peer_public_hex, const char* shared_hex) {
  SelftestResult result = Result("agreement " + name);
  Key key(type, PSA_KEY_USAGE_DERIVE, PSA_ALG_ECDH, FromHex(private_hex));
  if (NotCompiledIn(&result, key.status())) return result;
  if (!Check(&result, "psa_import_key", key.status())) return result;
  const Bytes peer = FromHex(peer_public_hex);
  Bytes shared(PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE);
  size_t length = 0;
  psa_status_t status =
      psa_raw_key_agreement(PSA_ALG_ECDH, key.id(), peer.data(), peer.size(), shared.data(), shared.size(), &length);
  if (NotCompiledIn(&result, status)) return result;
  result.driver = LastDriver();
  if (!Check(&result, "psa_raw_key_agreement", status)) return result;
  shared.resize(length);
  if (!CheckEqual(&result, "the shared secret", shared, FromHex(shared_hex))) return result;
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

// An RSA-2048 key pair generated once, imported with each algorithm's policy.
class RsaKeys {
 public:
  RsaKeys() {
    Key generated(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    status_ = generated.status();
    if (status_ != PSA_SUCCESS) return;
    pair_.resize(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048));
    size_t length = 0;
    status_ = psa_export_key(generated.id(), pair_.data(), pair_.size(), &length);
    pair_.resize(length);
  }
  psa_status_t status() const { return status_; }
  const Bytes& pair() const { return pair_; }

 private:
  psa_status_t status_;
  Bytes pair_;
};

}  // namespace

std::vector<SelftestResult> RunAsymmetricSelftests() {
  std::vector<SelftestResult> results;
  results.push_back(DeterministicEcdsaSelftest());
  const psa_key_usage_t sign_usage = PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH;
  {
    const psa_algorithm_t alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
    Key key(kP256KeyPair, sign_usage, alg, FromHex(kRfc6979PrivateKey));
    results.push_back(SignatureRoundTrip("ECDSA P-256 SHA-256", key, alg));
  }
  {
    const psa_algorithm_t alg = PSA_ALG_ECDSA(PSA_ALG_SHA_384);
    Key key(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 384, sign_usage, alg);
    results.push_back(SignatureRoundTrip("ECDSA P-384 SHA-384", key, alg));
  }
  {
    const psa_algorithm_t alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
    Key key(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_K1), 256, sign_usage, alg);
    results.push_back(SignatureRoundTrip("ECDSA secp256k1 SHA-256", key, alg));
  }
  {
    const psa_algorithm_t alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
    Key key(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_BRAINPOOL_P_R1), 256, sign_usage, alg);
    results.push_back(SignatureRoundTrip("ECDSA brainpoolP256r1 SHA-256", key, alg));
  }
  RsaKeys rsa;
  const struct {
    const char* name;
    psa_algorithm_t alg;
  } kRsaSignatures[] = {
      {"RSA-2048 PKCS#1 v1.5 SHA-256", PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256)},
      {"RSA-2048 PSS SHA-256", PSA_ALG_RSA_PSS(PSA_ALG_SHA_256)},
  };
  for (const auto& s : kRsaSignatures) {
    Key key(PSA_KEY_TYPE_RSA_KEY_PAIR, sign_usage, s.alg, rsa.pair());
    results.push_back(SignatureRoundTrip(s.name, key, s.alg));
  }
  const psa_key_usage_t crypt_usage = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;
  {
    Key key(PSA_KEY_TYPE_RSA_KEY_PAIR, crypt_usage, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), rsa.pair());
    results.push_back(EncryptionRoundTrip("RSA-2048 OAEP SHA-256", key, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256),
                                          FromText("label")));
  }
  {
    Key key(PSA_KEY_TYPE_RSA_KEY_PAIR, crypt_usage, PSA_ALG_RSA_PKCS1V15_CRYPT, rsa.pair());
    results.push_back(EncryptionRoundTrip("RSA-2048 PKCS#1 v1.5", key, PSA_ALG_RSA_PKCS1V15_CRYPT, Bytes()));
  }
  // The second P-256 party's public key and the shared secret: computed
  // with Python's cryptography package (ec.derive_private_key, exchange).
  results.push_back(AgreementSelftest(
      "ECDH P-256", kP256KeyPair, kRfc6979PrivateKey,
      "04ead218590119e8876b29146ff89ca61770c4edbbf97d38ce385ed281d8a6b230"
      "28af61281fd35e2fa7002523acc85a429cb06ee6648325389f59edfce1405141",
      "61e109425a7adbb9d0137091cff10a55550b708d14ad0137b80fa0ec1328394f"));
  // RFC 7748 section 6.1: Alice's private key, Bob's public key.
  results.push_back(AgreementSelftest("X25519", PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY),
                                      "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
                                      "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
                                      "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"));
  return results;
}

}  // namespace psa::cli
