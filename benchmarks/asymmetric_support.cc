#include "benchmarks/asymmetric_support.h"

#include <string.h>

#include <string>
#include <vector>

#include "benchmarks/symmetric_support.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

// RFC 6979 A.2.5 (P-256) and A.2.6 (P-384) private keys.
constexpr char kP256Key[] = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
constexpr char kP384Key[] =
    "6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d896d5724e4c70a825f872c9ea60d2edf5";
// RFC 5903 section 8.1: i (ours) and r (the peer); g^ir's x-coordinate.
constexpr char kEcdhKey[] = "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433";
constexpr char kEcdhPeer[] = "c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53";
constexpr char kEcdhSecret[] = "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de";
// RFC 7748 section 6.1: Alice's private key (ours), Bob's (the peer), K.
constexpr char kX25519Key[] = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
constexpr char kX25519Peer[] = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
constexpr char kX25519Secret[] = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
// RFC 6979 A.2.5: deterministic ECDSA with SHA-256 of "sample", r || s.
constexpr char kP256SampleSignature[] =
    "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
    "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";
// SHA-256("sample").
constexpr char kSampleSha256[] = "af2bdbe1aa9b6ec1e2ade1d694f41fc71a831d0268e9891562113d8a62add1bf";

// A 2048-bit RSA key pair (DER RSAPrivateKey) generated for these
// benchmarks with `openssl genrsa 2048`; a test key, not a secret.
constexpr char kRsa2048Key[] =
    "308204a30201000282010100d738c601809fef7f4c9b25dc9981be61ad57b569eebf2fea2972ab70a293d2c2e451fab6d9c6"
    "e5892b8733c0aeff6b585383b101d7212a1f77c86e88d5e076f99b5f657d0ef611acb0cc3d3dd456d0cd21c7746a4fa46025"
    "d827ede58194a006fceab8fe1584ac5f8d3b9e4e86100c1f4282a638b8e68786469702072ed1fa8a990b7e61df7b59b4e3ed"
    "b75e0ee4859523ad33327235f06d4b9ea086ae3ffe61cfb68525736b6f80bc78e3b11bb39da89574744be5d06406f84aa046"
    "7b2770bcfdfd72f1207dc5f3721675c2d8895e921330eb95b0c950fe10b94e9fa2d453cd7e5adf9566aa66e26d4679a243e7"
    "463ef82e5a733619dbeb6135ae6e8b02399502030100010282010023ee7d1454229f8c0bc09d4e1aacd019a3a4908b9a89fd"
    "d864ca19b848d4502c2c8d4943ccd10992609b8676e5608c4de74785be4e69e18bf666169a2ec6f6660edc1ae8099ee86d81"
    "e8df529ac851bce5a65497c92b22c83eb1cfe470c15d043da67c7323298ed3b7131c8774976a46afc67b34de1dd2c386b680"
    "66ad98edf07661c7a988cc171a570c05d6f53098514f0b5cc670de6c8f22ff6b4e41e00ea6fa8fed26ca2624f6d8aa74b9e1"
    "a3e723c1c53ca679d82f01bdcec1eabb6b72841da402525b732ad193d8e5daed36bd29387c97f8e33be646f91b989282f3d4"
    "4decac5c8da6e9dd1776085c8017f629a1a05e19c3a0d9c2473f43b11986f8e34302818100ed7901603cbf10eefabdbf875c"
    "b4f8668e625d91a39d257bf654aab0e85b186b609b0f6d710f7bc82d5339d56947c32755bf8198c25a4f804bf848723e9d5d"
    "2bdb5e8a12087ddad092a12116de3b452dddf1e2ee343bf7a8344a5ab91017d515e6503326abfea22ce1dc53cf81161a5fa0"
    "7bbdafbc3e008e9fe15eff010fec3302818100e8035aebcb9e7d860b7aa78d406d72d0cc846e499a39b8572dfdf88e83436c"
    "130533c6b3f75736224cb12eebf00df1473cda3eb64f17dd01a129469be66307303875855dd16eeb873b29ffb588ac4393d4"
    "56ec5b17096f7ed8087b0d45818a3300b3c26fef566d592872e5c34eddd0bbd660554aa680d3c512070e59f40afb17028181"
    "00993f8eb0c162f8159100a4ba410c9484f27bee304f6ad946cf27c26399ff379a0be4e526d6608c9c190bed759894740f4d"
    "59e1d3681109df1ca7a470fd91661028683128040cdc09dfa6560940eef4eced9eecb89642e0c6cebff11e1e9192b4a845b7"
    "4ccc8fedae932f3172e6b611dd065ef481953459fdb095ab4d5b2d205b02818043dc9f5e72bb53d9be47ccf44ad0f8914c10"
    "bc35790fc2f474f6611a46189566e6d1a320068b92c0eb8fb3babd0746f8603b31b69f61ca79ec8aa7257878a4a49d0efac8"
    "5b36c75b5199d23a65d4851b9b332584eb330e529a9bb86a44574475f091a3a09befbaa2266b9cfac879a6d11a3e291461a9"
    "32c7e4a2fdb69fe40a570281807d47f6162033e1f3e19678a82fb4ddbeab3e9d3d8117ecefe0b83a316de276e10fd56c320f"
    "39c1eec01f63a829d25ec28248dc132a6130665fa2217fb45448d892d2914eb4af7a0d090af0eb473697f33c2c33f8941340"
    "d67520eab55c67a31543798459ae8ec3e1fbf35c21dfd2b3f635613938d265242176f81f1d4c5f9c02";

constexpr psa_key_type_t kSecpR1 = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kMontgomery = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY);

}  // namespace

const AsymmetricMechanism kSignatureMechanisms[5] = {
    {"ecdsa_p256_sha256", kSecpR1, PSA_ALG_ECDSA(PSA_ALG_SHA_256), BASELINE_ECDSA_SHA_256, kP256Key, nullptr, 32},
    {"ecdsa_p384_sha384", kSecpR1, PSA_ALG_ECDSA(PSA_ALG_SHA_384), BASELINE_ECDSA_SHA_384, kP384Key, nullptr, 48},
    {"detecdsa_p256_sha256", kSecpR1, PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256),
     BASELINE_DETERMINISTIC_ECDSA_SHA_256, kP256Key, nullptr, 32},
    {"rsa2048_pkcs1v15_sha256", PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256),
     BASELINE_RSA_PKCS1V15_SIGN_SHA_256, kRsa2048Key, nullptr, 32},
    {"rsa2048_pss_sha256", PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_ALG_RSA_PSS(PSA_ALG_SHA_256), BASELINE_RSA_PSS_SHA_256,
     kRsa2048Key, nullptr, 32},
};

const AsymmetricMechanism kEncryptionMechanisms[2] = {
    {"rsa2048_oaep_sha256", PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), BASELINE_RSA_OAEP_SHA_256,
     kRsa2048Key, nullptr, 32},
    {"rsa2048_pkcs1v15_crypt", PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_ALG_RSA_PKCS1V15_CRYPT, BASELINE_RSA_PKCS1V15_CRYPT,
     kRsa2048Key, nullptr, 32},
};

const AsymmetricMechanism kAgreementMechanisms[2] = {
    {"ecdh_p256", kSecpR1, PSA_ALG_ECDH, BASELINE_ECDH_SECP_R1, kEcdhKey, kEcdhPeer, 32},
    {"x25519", kMontgomery, PSA_ALG_ECDH, BASELINE_ECDH_MONTGOMERY, kX25519Key, kX25519Peer, 32},
};

std::vector<uint8_t> FromHex(const char* hex) {
  std::vector<uint8_t> bytes;
  int high = -1;
  for (const char* p = hex; *p != '\0'; ++p) {
    const char c = *p;
    int value = -1;
    if (c >= '0' && c <= '9') value = c - '0';
    if (c >= 'a' && c <= 'f') value = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') value = c - 'A' + 10;
    if (value < 0) continue;
    if (high < 0) {
      high = value;
    } else {
      bytes.push_back(static_cast<uint8_t>(high << 4 | value));
      high = -1;
    }
  }
  return bytes;
}

std::vector<uint8_t> PeerPublicKey(const AsymmetricMechanism& mechanism) {
  if (mechanism.peer_hex == nullptr) return {};
  const OurKey peer(mechanism.key_type, mechanism.alg, kAsymmetricUsage, FromHex(mechanism.peer_hex));
  if (peer.status() != PSA_SUCCESS) return {};
  std::vector<uint8_t> public_key(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
  size_t length = 0;
  if (psa_export_public_key(peer.id(), public_key.data(), public_key.size(), &length) != PSA_SUCCESS) return {};
  public_key.resize(length);
  return public_key;
}

namespace {

std::string Failure(const AsymmetricMechanism& m, const char* what, int32_t status) {
  return std::string(m.name) + ": " + what + " returned " + std::to_string(status);
}

bool IsDeterministic(psa_algorithm_t alg) {
  return PSA_ALG_IS_DETERMINISTIC_ECDSA(alg) || PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg);
}

std::string CheckSignature(const AsymmetricMechanism& m, const OurKey& ours, const BaselineKey& theirs) {
  const std::vector<uint8_t> hash = Pattern(m.size, 0x48);
  std::vector<uint8_t> a(PSA_SIGNATURE_MAX_SIZE), b(PSA_SIGNATURE_MAX_SIZE);
  size_t a_length = 0, b_length = 0;
  psa_status_t status = psa_sign_hash(ours.id(), m.alg, hash.data(), hash.size(), a.data(), a.size(), &a_length);
  if (status != PSA_SUCCESS) return Failure(m, "psa_sign_hash", status);
  int32_t theirs_status = baseline_sign_hash(theirs.get(), hash.data(), hash.size(), b.data(), b.size(), &b_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_sign_hash", theirs_status);
  a.resize(a_length);
  b.resize(b_length);
  if (a_length != b_length) return std::string(m.name) + ": the signature lengths differ";
  if (IsDeterministic(m.alg) && a != b) return std::string(m.name) + ": the deterministic signatures differ";
  status = psa_verify_hash(ours.id(), m.alg, hash.data(), hash.size(), b.data(), b.size());
  if (status != PSA_SUCCESS) return Failure(m, "psa_verify_hash of Mbed TLS 2.28's signature", status);
  theirs_status = baseline_verify_hash(theirs.get(), hash.data(), hash.size(), a.data(), a.size());
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_verify_hash of our signature", theirs_status);
  // A corrupted signature fails on both sides.
  a[a.size() / 2] ^= 0x01;
  status = psa_verify_hash(ours.id(), m.alg, hash.data(), hash.size(), a.data(), a.size());
  if (status != PSA_ERROR_INVALID_SIGNATURE) return Failure(m, "psa_verify_hash of a corrupted signature", status);
  theirs_status = baseline_verify_hash(theirs.get(), hash.data(), hash.size(), a.data(), a.size());
  if (theirs_status != PSA_ERROR_INVALID_SIGNATURE) {
    return Failure(m, "Mbed TLS 2.28 psa_verify_hash of a corrupted signature", theirs_status);
  }
  if (PSA_ALG_IS_DETERMINISTIC_ECDSA(m.alg) && m.key_hex == kP256Key) {
    const std::vector<uint8_t> sample = FromHex(kSampleSha256);
    const std::vector<uint8_t> expected = FromHex(kP256SampleSignature);
    std::vector<uint8_t> c(PSA_SIGNATURE_MAX_SIZE);
    size_t c_length = 0;
    status = psa_sign_hash(ours.id(), m.alg, sample.data(), sample.size(), c.data(), c.size(), &c_length);
    if (status != PSA_SUCCESS) return Failure(m, "psa_sign_hash of RFC 6979's \"sample\"", status);
    c.resize(c_length);
    if (c != expected) return std::string(m.name) + ": the signature of \"sample\" is not RFC 6979's";
  }
  return "";
}

std::string CheckEncryption(const AsymmetricMechanism& m, const OurKey& ours, const BaselineKey& theirs) {
  const std::vector<uint8_t> plaintext = Pattern(m.size, 0x50);
  std::vector<uint8_t> a(PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE), b(PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE);
  std::vector<uint8_t> p(PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE);
  size_t a_length = 0, b_length = 0, p_length = 0;
  psa_status_t status = psa_asymmetric_encrypt(ours.id(), m.alg, plaintext.data(), plaintext.size(), nullptr, 0,
                                               a.data(), a.size(), &a_length);
  if (status != PSA_SUCCESS) return Failure(m, "psa_asymmetric_encrypt", status);
  int32_t theirs_status = baseline_asymmetric_encrypt(theirs.get(), plaintext.data(), plaintext.size(), nullptr, 0,
                                                      b.data(), b.size(), &b_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_asymmetric_encrypt", theirs_status);
  if (a_length != b_length) return std::string(m.name) + ": the ciphertext lengths differ";
  status = psa_asymmetric_decrypt(ours.id(), m.alg, b.data(), b_length, nullptr, 0, p.data(), p.size(), &p_length);
  if (status != PSA_SUCCESS) return Failure(m, "psa_asymmetric_decrypt of Mbed TLS 2.28's ciphertext", status);
  if (p_length != plaintext.size() || memcmp(p.data(), plaintext.data(), p_length) != 0) {
    return std::string(m.name) + ": psa_asymmetric_decrypt does not give Mbed TLS's plaintext back";
  }
  theirs_status =
      baseline_asymmetric_decrypt(theirs.get(), a.data(), a_length, nullptr, 0, p.data(), p.size(), &p_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_asymmetric_decrypt", theirs_status);
  if (p_length != plaintext.size() || memcmp(p.data(), plaintext.data(), p_length) != 0) {
    return std::string(m.name) + ": Mbed TLS 2.28 does not decrypt our ciphertext to the plaintext";
  }
  return "";
}

std::string CheckKeyAgreement(const AsymmetricMechanism& m, const OurKey& ours, const BaselineKey& theirs) {
  const std::vector<uint8_t> peer = PeerPublicKey(m);
  if (peer.empty()) return std::string(m.name) + ": no public key of the peer";
  uint8_t a[PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE], b[PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE];
  size_t a_length = 0, b_length = 0;
  psa_status_t status =
      psa_raw_key_agreement(m.alg, ours.id(), peer.data(), peer.size(), a, sizeof(a), &a_length);
  if (status != PSA_SUCCESS) return Failure(m, "psa_raw_key_agreement", status);
  int32_t theirs_status = baseline_raw_key_agreement(theirs.get(), peer.data(), peer.size(), b, sizeof(b), &b_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_raw_key_agreement", theirs_status);
  if (a_length != b_length || memcmp(a, b, a_length) != 0) return std::string(m.name) + ": the secrets differ";
  const std::vector<uint8_t> expected = FromHex(m.key_hex == kEcdhKey ? kEcdhSecret : kX25519Secret);
  if (std::vector<uint8_t>(a, a + a_length) != expected) {
    return std::string(m.name) + ": the secret is not the RFC's";
  }
  return "";
}

}  // namespace

std::string CheckAsymmetricAgreement(const AsymmetricMechanism& m) {
  if (psa_crypto_init() != PSA_SUCCESS) return "psa_crypto_init failed";
  if (baseline_init() != PSA_SUCCESS) return "psa_crypto_init of Mbed TLS 2.28 failed";
  const std::vector<uint8_t> key = FromHex(m.key_hex);
  const OurKey ours(m.key_type, m.alg, kAsymmetricUsage, key);
  if (ours.status() != PSA_SUCCESS) return Failure(m, "psa_import_key", ours.status());
  const BaselineKey theirs(m.baseline, key);
  if (theirs.status() != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_import_key", theirs.status());
  std::vector<uint8_t> a(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE), b(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
  size_t a_length = 0, b_length = 0;
  psa_status_t status = psa_export_public_key(ours.id(), a.data(), a.size(), &a_length);
  if (status != PSA_SUCCESS) return Failure(m, "psa_export_public_key", status);
  int32_t theirs_status = baseline_export_public_key(theirs.get(), b.data(), b.size(), &b_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_export_public_key", theirs_status);
  a.resize(a_length);
  b.resize(b_length);
  if (a != b) return std::string(m.name) + ": the public keys differ";
  if (PSA_ALG_IS_SIGN(m.alg)) return CheckSignature(m, ours, theirs);
  if (PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(m.alg)) return CheckEncryption(m, ours, theirs);
  if (PSA_ALG_IS_KEY_AGREEMENT(m.alg)) return CheckKeyAgreement(m, ours, theirs);
  return std::string(m.name) + ": not a signature, asymmetric encryption or key agreement algorithm";
}

}  // namespace psa_benchmarks
