// Helpers of the signature, asymmetric encryption and key agreement
// dispatch suites: a fixture that resets the test drivers and destroys the
// keys a test made, fixed keys (RFC 6979 and OpenSSL-made, in the PSA
// export formats), the PSA calls with their outputs as byte strings, and
// independent checks with the builtin driver's entry points called
// directly: ECDSA, PSS and OAEP are randomized, so a result is proved by
// verifying or decrypting it, not by comparing bytes.

#ifndef TESTS_DISPATCH_ASYMMETRIC_TEST_UTIL_H_
#define TESTS_DISPATCH_ASYMMETRIC_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <vector>

#include "drivers/builtin/builtin_asymmetric_encryption.h"
#include "drivers/builtin/builtin_key_agreement.h"
#include "drivers/builtin/builtin_signature.h"
#include "drivers/test/test_driver.h"
#include "psa/crypto.h"
#include "tests/dispatch/dispatch_test_util.h"
#include "tests/keys/key_test_util.h"
#include "tests/keys/key_vectors.h"

namespace psa::testing {

using keys_testing::Bytes;
using keys_testing::FromHex;
using keys_testing::PatternBytes;
using keys_testing::StatusName;
using keys_testing::ToHex;

inline constexpr psa_algorithm_t kEcdsaSha256 = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
inline constexpr psa_algorithm_t kPssSha256 = PSA_ALG_RSA_PSS(PSA_ALG_SHA_256);
inline constexpr psa_algorithm_t kOaepSha256 = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);

// Every usage the asymmetric families check.
inline constexpr psa_key_usage_t kAsymmetricUsage =
    PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_SIGN_MESSAGE |
    PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_DERIVE;

inline constexpr psa_key_lifetime_t VolatileAt(psa_key_location_t location) {
  return PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, location);
}

// Calls of one family by one test driver instance, all entry points summed.
template <typename Counters>
unsigned long SignatureCalls(const Counters& c) {
  return c.sign_hash + c.verify_hash + c.sign_message + c.verify_message;
}
template <typename Counters>
unsigned long EncryptionCalls(const Counters& c) {
  return c.asymmetric_encrypt + c.asymmetric_decrypt;
}

// ---------------------------------------------------------------------------
// Keys: a type, a size and the export format.

struct KeyData {
  psa_key_type_t type;
  size_t bits;
  Bytes data;
};

inline KeyData PairOf(const char* name) {
  const keys_testing::AsymmetricKeyVector& v = keys_testing::KeyVector(name);
  return {v.pair_type, v.bits, FromHex(v.pair_hex)};
}
inline KeyData PublicOf(const char* name) {
  const keys_testing::AsymmetricKeyVector& v = keys_testing::KeyVector(name);
  return {v.public_type, v.bits, FromHex(v.public_hex)};
}

// P-256 ("prime256v1"), P-384, secp256k1 and RSA-2048 keys from
// tests/keys/testdata/keys.inc; a second P-256 key ("peer") for key
// agreement, from RFC 6979 A.2.5.
inline KeyData P256Pair() { return PairOf("prime256v1"); }
inline KeyData P256Public() { return PublicOf("prime256v1"); }
inline KeyData P384Pair() { return PairOf("secp384r1"); }
inline KeyData K256Pair() { return PairOf("secp256k1"); }
inline KeyData Rsa2048Pair() { return PairOf("rsa2048"); }
inline KeyData Rsa2048Public() { return PublicOf("rsa2048"); }
inline KeyData PeerP256Pair() {
  return {PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256,
          FromHex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721")};
}
inline Bytes PeerP256PublicPoint() {
  return FromHex(
      "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
      "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");
}
// The public key of P256Pair(), the point the peer needs.
inline Bytes P256PublicPoint() { return P256Public().data; }

// A message and its SHA-256 digest: "abc" (FIPS 180-4).
inline Bytes Message() { return Bytes(kAbc, kAbc + sizeof(kAbc)); }
inline Bytes MessageSha256() { return kSha256Abc; }
inline Bytes Plaintext() { return PatternBytes(40, 0x5a); }
inline Bytes Label() { return {'l', 'a', 'b', 'e', 'l'}; }

inline psa_key_attributes_t BuiltinAttributes(const KeyData& key) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, key.type);
  psa_set_key_bits(&attributes, key.bits);
  return attributes;
}

// ---------------------------------------------------------------------------
// The builtin driver, called directly: what every test driver reproduces.

inline psa_status_t BuiltinVerifyHash(const KeyData& key, psa_algorithm_t alg, const Bytes& hash,
                                      const Bytes& signature) {
  const psa_key_attributes_t attributes = BuiltinAttributes(key);
  return builtin_verify_hash(&attributes, key.data.data(), key.data.size(), alg, hash.data(), hash.size(),
                             signature.data(), signature.size());
}

inline Bytes BuiltinSignHash(const KeyData& key, psa_algorithm_t alg, const Bytes& hash) {
  const psa_key_attributes_t attributes = BuiltinAttributes(key);
  Bytes signature(PSA_SIGNATURE_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(StatusName(builtin_sign_hash(&attributes, key.data.data(), key.data.size(), alg, hash.data(),
                                         hash.size(), signature.data(), signature.size(), &length)),
            StatusName(PSA_SUCCESS));
  signature.resize(length);
  return signature;
}

inline Bytes BuiltinEncrypt(const KeyData& key, psa_algorithm_t alg, const Bytes& plaintext, const Bytes& salt) {
  const psa_key_attributes_t attributes = BuiltinAttributes(key);
  Bytes out(PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(StatusName(builtin_asymmetric_encrypt(&attributes, key.data.data(), key.data.size(), alg,
                                                  plaintext.data(), plaintext.size(), salt.data(), salt.size(),
                                                  out.data(), out.size(), &length)),
            StatusName(PSA_SUCCESS));
  out.resize(length);
  return out;
}

// The plaintext, or an empty string (and a test failure) if decryption
// fails.
inline Bytes BuiltinDecrypt(const KeyData& key, psa_algorithm_t alg, const Bytes& ciphertext, const Bytes& salt) {
  const psa_key_attributes_t attributes = BuiltinAttributes(key);
  Bytes out(PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(StatusName(builtin_asymmetric_decrypt(&attributes, key.data.data(), key.data.size(), alg,
                                                  ciphertext.data(), ciphertext.size(), salt.data(), salt.size(),
                                                  out.data(), out.size(), &length)),
            StatusName(PSA_SUCCESS));
  out.resize(length);
  return out;
}

inline Bytes BuiltinKeyAgreement(const KeyData& ours, const Bytes& peer) {
  const psa_key_attributes_t attributes = BuiltinAttributes(ours);
  Bytes out(PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(StatusName(builtin_key_agreement(PSA_ALG_ECDH, &attributes, ours.data.data(), ours.data.size(),
                                             peer.data(), peer.size(), out.data(), out.size(), &length)),
            StatusName(PSA_SUCCESS));
  out.resize(length);
  return out;
}

// ---------------------------------------------------------------------------
// The PSA calls. On failure the output is empty.

inline psa_status_t SignHash(psa_key_id_t key, psa_algorithm_t alg, const Bytes& hash, Bytes* signature) {
  signature->assign(PSA_SIGNATURE_MAX_SIZE, 0);
  size_t length = 0;
  const psa_status_t status =
      psa_sign_hash(key, alg, hash.data(), hash.size(), signature->data(), signature->size(), &length);
  signature->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

inline psa_status_t VerifyHash(psa_key_id_t key, psa_algorithm_t alg, const Bytes& hash, const Bytes& signature) {
  return psa_verify_hash(key, alg, hash.data(), hash.size(), signature.data(), signature.size());
}

inline psa_status_t SignMessage(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, Bytes* signature) {
  signature->assign(PSA_SIGNATURE_MAX_SIZE, 0);
  size_t length = 0;
  const psa_status_t status =
      psa_sign_message(key, alg, message.data(), message.size(), signature->data(), signature->size(), &length);
  signature->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

inline psa_status_t VerifyMessage(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message,
                                  const Bytes& signature) {
  return psa_verify_message(key, alg, message.data(), message.size(), signature.data(), signature.size());
}

inline psa_status_t Encrypt(psa_key_id_t key, psa_algorithm_t alg, const Bytes& plaintext, const Bytes& salt,
                            Bytes* out) {
  out->assign(PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE, 0);
  size_t length = 0;
  const psa_status_t status = psa_asymmetric_encrypt(key, alg, plaintext.data(), plaintext.size(), salt.data(),
                                                     salt.size(), out->data(), out->size(), &length);
  out->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

inline psa_status_t Decrypt(psa_key_id_t key, psa_algorithm_t alg, const Bytes& ciphertext, const Bytes& salt,
                            Bytes* out) {
  out->assign(PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE, 0);
  size_t length = 0;
  const psa_status_t status = psa_asymmetric_decrypt(key, alg, ciphertext.data(), ciphertext.size(), salt.data(),
                                                     salt.size(), out->data(), out->size(), &length);
  out->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

inline psa_status_t RawKeyAgreement(psa_key_id_t key, const Bytes& peer, Bytes* out) {
  out->assign(PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE, 0);
  size_t length = 0;
  const psa_status_t status =
      psa_raw_key_agreement(PSA_ALG_ECDH, key, peer.data(), peer.size(), out->data(), out->size(), &length);
  out->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

// ---------------------------------------------------------------------------

// Resets the transparent test drivers (DispatchTest) and destroys, after
// each test, the keys it made with Key().
class AsymmetricDispatchTest : public DispatchTest {
 protected:
  void TearDown() override {
    for (psa_key_id_t key : keys_) psa_destroy_key(key);
    keys_.clear();
  }

  // A volatile key with every usage, permitted `alg`, in `location`;
  // PSA_KEY_ID_NULL (and a test failure) if the import fails.
  psa_key_id_t Key(const KeyData& data, psa_algorithm_t alg,
                   psa_key_location_t location = PSA_KEY_LOCATION_LOCAL_STORAGE) {
    psa_key_id_t key = PSA_KEY_ID_NULL;
    EXPECT_PSA(PSA_SUCCESS, ImportKey(data, alg, location, &key));
    return key;
  }

  // The import itself, for tests of its status.
  psa_status_t ImportKey(const KeyData& data, psa_algorithm_t alg, psa_key_location_t location, psa_key_id_t* key) {
    psa_key_attributes_t attributes = psa_key_attributes_init();
    psa_set_key_type(&attributes, data.type);
    psa_set_key_usage_flags(&attributes, kAsymmetricUsage);
    psa_set_key_algorithm(&attributes, alg);
    psa_set_key_lifetime(&attributes, VolatileAt(location));
    const psa_status_t status = psa_import_key(&attributes, data.data.data(), data.data.size(), key);
    if (status == PSA_SUCCESS) keys_.push_back(*key);
    return status;
  }

 private:
  std::vector<psa_key_id_t> keys_;
};

// A copy of `bytes` with its last byte changed.
inline Bytes Corrupted(Bytes bytes) {
  if (!bytes.empty()) bytes.back() ^= 0x01;
  return bytes;
}

}  // namespace psa::testing

#endif  // TESTS_DISPATCH_ASYMMETRIC_TEST_UTIL_H_
