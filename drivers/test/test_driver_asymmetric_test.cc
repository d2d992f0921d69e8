// Unit tests of the signature, asymmetric encryption and key agreement
// entry points of the transparent test driver instances, called directly:
// each counts its calls, gives results that check out with the builtin
// driver when left alone, returns hooks.forced_status without computing
// (output length 0, output untouched), and declines hooks.unsupported_alg.
// sign_message and verify_message hash the message themselves. Every test
// runs over both instances.

#include <algorithm>
#include <string>
#include <vector>

#include "drivers/builtin/builtin_asymmetric_encryption.h"
#include "drivers/builtin/builtin_hash.h"
#include "drivers/builtin/builtin_key_agreement.h"
#include "drivers/builtin/builtin_key_management.h"
#include "drivers/builtin/builtin_signature.h"
#include "drivers/test/test_driver.h"
#include "drivers/test/test_key_vectors.h"
#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace drivers::test {
namespace {

using Bytes = std::vector<uint8_t>;

#define TEST_DRIVER_ASYMMETRIC_TRAITS(prefix)                                 \
  struct prefix##_traits {                                                    \
    static test_driver_hooks_t& Hooks() { return prefix##_hooks; }            \
    static constexpr const char* kName = #prefix;                             \
    static constexpr auto sign_hash = prefix##_sign_hash;                     \
    static constexpr auto verify_hash = prefix##_verify_hash;                 \
    static constexpr auto sign_message = prefix##_sign_message;               \
    static constexpr auto verify_message = prefix##_verify_message;           \
    static constexpr auto asymmetric_encrypt = prefix##_asymmetric_encrypt;   \
    static constexpr auto asymmetric_decrypt = prefix##_asymmetric_decrypt;   \
    static constexpr auto key_agreement = prefix##_key_agreement;             \
  };
TEST_DRIVER_INSTANCES(TEST_DRIVER_ASYMMETRIC_TRAITS)
#undef TEST_DRIVER_ASYMMETRIC_TRAITS

constexpr psa_algorithm_t kEcdsa = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
constexpr psa_algorithm_t kOaep = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);
constexpr psa_status_t kForced = PSA_ERROR_COMMUNICATION_FAILURE;
constexpr uint8_t kUntouched = 0xa5;

const Bytes kMessage = {'t', 'e', 's', 't'};
const Bytes kPlaintext(20, 0x33);

Bytes Sha256(const Bytes& message) {
  Bytes hash(PSA_HASH_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(builtin_hash_compute(PSA_ALG_SHA_256, message.data(), message.size(), hash.data(), hash.size(), &length),
            PSA_SUCCESS);
  hash.resize(length);
  return hash;
}

// An RSA-1024 key pair made once by the builtin driver (the library linked
// in provides its random generator).
const Bytes& RsaKeyPair() {
  static const Bytes* const key = [] {
    EXPECT_EQ(psa_crypto_init(), PSA_SUCCESS);
    const psa_key_attributes_t attributes = KeyAttributes(PSA_KEY_TYPE_RSA_KEY_PAIR, 1024);
    auto* buffer = new Bytes(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 1024));
    size_t length = 0;
    EXPECT_EQ(builtin_generate_key(&attributes, buffer->data(), buffer->size(), &length), PSA_SUCCESS);
    buffer->resize(length);
    return buffer;
  }();
  return *key;
}

template <typename Driver>
class TestDriverAsymmetricTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    test_driver_reset_hooks(&test_a_hooks);
    test_driver_reset_hooks(&test_b_hooks);
    ecc_ = KeyAttributes(SecpR1KeyPair(), 256);
    rsa_ = KeyAttributes(PSA_KEY_TYPE_RSA_KEY_PAIR, 1024);
  }
  void TearDown() override {
    test_driver_reset_hooks(&test_a_hooks);
    test_driver_reset_hooks(&test_b_hooks);
  }

  static const test_driver_counters_t& hits() { return Driver::Hooks().hits; }
  static unsigned long AllCalls() {
    const test_driver_counters_t& c = hits();
    return c.sign_hash + c.verify_hash + c.sign_message + c.verify_message + c.asymmetric_encrypt +
           c.asymmetric_decrypt + c.key_agreement;
  }
  // The other instance's counters stay at zero.
  static const test_driver_counters_t& other_hits() {
    return &Driver::Hooks() == &test_a_hooks ? test_b_hooks.hits : test_a_hooks.hits;
  }

  psa_key_attributes_t ecc_;
  psa_key_attributes_t rsa_;
};

class InstanceNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

using Instances = ::testing::Types<test_a_traits, test_b_traits>;
TYPED_TEST_SUITE(TestDriverAsymmetricTest, Instances, InstanceNames);

TYPED_TEST(TestDriverAsymmetricTest, SignaturesCheckOutWithBuiltin) {
  const Bytes& key = P256().private_key;
  const Bytes hash = Sha256(kMessage);
  uint8_t signature[PSA_SIGNATURE_MAX_SIZE];
  size_t length = 0;
  ASSERT_EQ(TypeParam::sign_hash(&this->ecc_, key.data(), key.size(), kEcdsa, hash.data(), hash.size(), signature,
                                 sizeof(signature), &length),
            PSA_SUCCESS);
  ASSERT_EQ(length, 64u);
  EXPECT_EQ(builtin_verify_hash(&this->ecc_, key.data(), key.size(), kEcdsa, hash.data(), hash.size(), signature,
                                length),
            PSA_SUCCESS);
  EXPECT_EQ(TypeParam::verify_hash(&this->ecc_, key.data(), key.size(), kEcdsa, hash.data(), hash.size(), signature,
                                   length),
            PSA_SUCCESS);

  // sign_message signs the SHA-256 of the message.
  ASSERT_EQ(TypeParam::sign_message(&this->ecc_, key.data(), key.size(), kEcdsa, kMessage.data(), kMessage.size(),
                                    signature, sizeof(signature), &length),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_verify_hash(&this->ecc_, key.data(), key.size(), kEcdsa, hash.data(), hash.size(), signature,
                                length),
            PSA_SUCCESS);
  EXPECT_EQ(TypeParam::verify_message(&this->ecc_, key.data(), key.size(), kEcdsa, kMessage.data(),
                                      kMessage.size(), signature, length),
            PSA_SUCCESS);
  signature[length - 1] ^= 1;
  EXPECT_EQ(TypeParam::verify_message(&this->ecc_, key.data(), key.size(), kEcdsa, kMessage.data(),
                                      kMessage.size(), signature, length),
            PSA_ERROR_INVALID_SIGNATURE);

  EXPECT_EQ(this->hits().sign_hash, 1u);
  EXPECT_EQ(this->hits().verify_hash, 1u);
  EXPECT_EQ(this->hits().sign_message, 1u);
  EXPECT_EQ(this->hits().verify_message, 2u);
  EXPECT_EQ(this->hits().hash_compute, 0u);  // sign_message hashes by itself
  EXPECT_EQ(this->other_hits().sign_hash + this->other_hits().sign_message, 0u);
}

TYPED_TEST(TestDriverAsymmetricTest, EncryptionChecksOutWithBuiltin) {
  const Bytes& key = RsaKeyPair();
  uint8_t ciphertext[128];
  size_t length = 0;
  ASSERT_EQ(TypeParam::asymmetric_encrypt(&this->rsa_, key.data(), key.size(), kOaep, kPlaintext.data(),
                                          kPlaintext.size(), nullptr, 0, ciphertext, sizeof(ciphertext), &length),
            PSA_SUCCESS);
  ASSERT_EQ(length, 128u);
  uint8_t plaintext[128];
  size_t plaintext_length = 0;
  ASSERT_EQ(builtin_asymmetric_decrypt(&this->rsa_, key.data(), key.size(), kOaep, ciphertext, length, nullptr, 0,
                                       plaintext, sizeof(plaintext), &plaintext_length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(plaintext, plaintext + plaintext_length), kPlaintext);

  std::fill(plaintext, plaintext + sizeof(plaintext), 0);
  ASSERT_EQ(TypeParam::asymmetric_decrypt(&this->rsa_, key.data(), key.size(), kOaep, ciphertext, length, nullptr,
                                          0, plaintext, sizeof(plaintext), &plaintext_length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(plaintext, plaintext + plaintext_length), kPlaintext);
  EXPECT_EQ(this->hits().asymmetric_encrypt, 1u);
  EXPECT_EQ(this->hits().asymmetric_decrypt, 1u);
}

TYPED_TEST(TestDriverAsymmetricTest, KeyAgreementEqualsBuiltins) {
  const Bytes& key = P256().private_key;
  const Bytes& peer = P256().public_key;  // a valid point: our own public key
  uint8_t expected[32];
  size_t expected_length = 0;
  ASSERT_EQ(builtin_key_agreement(PSA_ALG_ECDH, &this->ecc_, key.data(), key.size(), peer.data(), peer.size(),
                                  expected, sizeof(expected), &expected_length),
            PSA_SUCCESS);
  uint8_t secret[32];
  size_t length = 0;
  ASSERT_EQ(TypeParam::key_agreement(PSA_ALG_ECDH, &this->ecc_, key.data(), key.size(), peer.data(), peer.size(),
                                     secret, sizeof(secret), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(secret, secret + length), Bytes(expected, expected + expected_length));
  EXPECT_EQ(this->hits().key_agreement, 1u);
}

TYPED_TEST(TestDriverAsymmetricTest, ForcedStatusIsReturnedWithoutComputing) {
  TypeParam::Hooks().forced_status = kForced;
  const Bytes& ecc_key = P256().private_key;
  const Bytes& rsa_key = RsaKeyPair();
  const Bytes hash = Sha256(kMessage);
  Bytes out(512, kUntouched);
  size_t length = 1234;

  EXPECT_EQ(TypeParam::sign_hash(&this->ecc_, ecc_key.data(), ecc_key.size(), kEcdsa, hash.data(), hash.size(),
                                 out.data(), out.size(), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  length = 1234;
  EXPECT_EQ(TypeParam::sign_message(&this->ecc_, ecc_key.data(), ecc_key.size(), kEcdsa, kMessage.data(),
                                    kMessage.size(), out.data(), out.size(), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(TypeParam::verify_hash(&this->ecc_, ecc_key.data(), ecc_key.size(), kEcdsa, hash.data(), hash.size(),
                                   out.data(), 64),
            kForced);
  EXPECT_EQ(TypeParam::verify_message(&this->ecc_, ecc_key.data(), ecc_key.size(), kEcdsa, kMessage.data(),
                                      kMessage.size(), out.data(), 64),
            kForced);
  length = 1234;
  EXPECT_EQ(TypeParam::asymmetric_encrypt(&this->rsa_, rsa_key.data(), rsa_key.size(), kOaep, kPlaintext.data(),
                                          kPlaintext.size(), nullptr, 0, out.data(), out.size(), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  length = 1234;
  const Bytes ciphertext(128, 0x01);
  EXPECT_EQ(TypeParam::asymmetric_decrypt(&this->rsa_, rsa_key.data(), rsa_key.size(), kOaep, ciphertext.data(),
                                          ciphertext.size(), nullptr, 0, out.data(), out.size(), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  length = 1234;
  EXPECT_EQ(TypeParam::key_agreement(PSA_ALG_ECDH, &this->ecc_, ecc_key.data(), ecc_key.size(),
                                     P256().public_key.data(), P256().public_key.size(), out.data(), out.size(),
                                     &length),
            kForced);
  EXPECT_EQ(length, 0u);

  EXPECT_TRUE(std::all_of(out.begin(), out.end(), [](uint8_t b) { return b == kUntouched; }));
  EXPECT_EQ(this->AllCalls(), 7u);
}

TYPED_TEST(TestDriverAsymmetricTest, UnsupportedAlgorithmIsDeclined) {
  TypeParam::Hooks().unsupported_alg = kEcdsa;
  const Bytes& key = P256().private_key;
  const Bytes hash = Sha256(kMessage);
  uint8_t signature[PSA_SIGNATURE_MAX_SIZE];
  size_t length = 1234;
  EXPECT_EQ(TypeParam::sign_hash(&this->ecc_, key.data(), key.size(), kEcdsa, hash.data(), hash.size(), signature,
                                 sizeof(signature), &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(TypeParam::sign_message(&this->ecc_, key.data(), key.size(), kEcdsa, kMessage.data(), kMessage.size(),
                                    signature, sizeof(signature), &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(TypeParam::verify_hash(&this->ecc_, key.data(), key.size(), kEcdsa, hash.data(), hash.size(), signature,
                                   64),
            PSA_ERROR_NOT_SUPPORTED);

  // Another algorithm is served.
  const psa_algorithm_t deterministic = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256);
  ASSERT_EQ(TypeParam::sign_hash(&this->ecc_, key.data(), key.size(), deterministic, hash.data(), hash.size(),
                                 signature, sizeof(signature), &length),
            PSA_SUCCESS);
  EXPECT_EQ(TypeParam::verify_hash(&this->ecc_, key.data(), key.size(), deterministic, hash.data(), hash.size(),
                                   signature, length),
            PSA_SUCCESS);

  TypeParam::Hooks().unsupported_alg = PSA_ALG_ECDH;
  uint8_t secret[32];
  EXPECT_EQ(TypeParam::key_agreement(PSA_ALG_ECDH, &this->ecc_, key.data(), key.size(), P256().public_key.data(),
                                     P256().public_key.size(), secret, sizeof(secret), &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(this->hits().sign_hash, 2u);
  EXPECT_EQ(this->hits().verify_hash, 2u);
  EXPECT_EQ(this->hits().key_agreement, 1u);
}

TYPED_TEST(TestDriverAsymmetricTest, SignMessageRejectsAlgorithmsWithoutAHashToCompute) {
  const Bytes& key = P256().private_key;
  uint8_t signature[PSA_SIGNATURE_MAX_SIZE];
  size_t length = 1234;
  // Pure EdDSA: the builtin driver has none.
  EXPECT_EQ(TypeParam::sign_message(&this->ecc_, key.data(), key.size(), PSA_ALG_PURE_EDDSA, kMessage.data(),
                                    kMessage.size(), signature, sizeof(signature), &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(length, 0u);
  // Not message signature algorithms, or a wildcard.
  for (psa_algorithm_t alg : {PSA_ALG_ECDSA_ANY, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), PSA_ALG_SHA_256}) {
    SCOPED_TRACE(alg);
    EXPECT_EQ(TypeParam::sign_message(&this->ecc_, key.data(), key.size(), alg, kMessage.data(), kMessage.size(),
                                      signature, sizeof(signature), &length),
              PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(TypeParam::verify_message(&this->ecc_, key.data(), key.size(), alg, kMessage.data(), kMessage.size(),
                                        signature, 64),
              PSA_ERROR_INVALID_ARGUMENT);
  }
}

}  // namespace
}  // namespace drivers::test
