// Unit tests of the signature, asymmetric encryption and key agreement
// entry points of the opaque test driver instances, called directly on
// wrapped key contexts: results check out with the builtin driver for the
// plain key, a context that does not check out (or is another instance's)
// is DATA_CORRUPT, the forced statuses are per entry point, and
// unsupported_alg / unsupported_key_type decline. Also checks that the
// asymmetric descriptions extend the key-management ones.

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "drivers/builtin/builtin_asymmetric_encryption.h"
#include "drivers/builtin/builtin_hash.h"
#include "drivers/builtin/builtin_key_agreement.h"
#include "drivers/builtin/builtin_key_management.h"
#include "drivers/builtin/builtin_signature.h"
#include "drivers/test/test_key_vectors.h"
#include "drivers/test/test_opaque_driver.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "psa/crypto.h"

namespace drivers::test {
namespace {

using Bytes = std::vector<uint8_t>;

#define TEST_OPAQUE_ASYMMETRIC_TRAITS(prefix)                                 \
  struct prefix##_traits {                                                    \
    static constexpr const char* kName = #prefix;                             \
    static test_opaque_hooks_t& Hooks() { return prefix##_hooks; }            \
    static constexpr auto import_key = prefix##_import_key;                   \
    static constexpr auto sign_hash = prefix##_sign_hash;                     \
    static constexpr auto verify_hash = prefix##_verify_hash;                 \
    static constexpr auto sign_message = prefix##_sign_message;               \
    static constexpr auto verify_message = prefix##_verify_message;           \
    static constexpr auto asymmetric_encrypt = prefix##_asymmetric_encrypt;   \
    static constexpr auto asymmetric_decrypt = prefix##_asymmetric_decrypt;   \
    static constexpr auto key_agreement = prefix##_key_agreement;             \
  };
TEST_OPAQUE_INSTANCES(TEST_OPAQUE_ASYMMETRIC_TRAITS)
#undef TEST_OPAQUE_ASYMMETRIC_TRAITS

constexpr psa_algorithm_t kEcdsa = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
constexpr psa_algorithm_t kOaep = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);
constexpr psa_status_t kForced = PSA_ERROR_HARDWARE_FAILURE;

const Bytes kMessage = {'o', 'p', 'a', 'q', 'u', 'e'};
const Bytes kPlaintext(24, 0x44);

Bytes Sha256(const Bytes& message) {
  Bytes hash(PSA_HASH_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(builtin_hash_compute(PSA_ALG_SHA_256, message.data(), message.size(), hash.data(), hash.size(), &length),
            PSA_SUCCESS);
  hash.resize(length);
  return hash;
}

psa_key_attributes_t Attributes(psa_key_type_t type, size_t bits, psa_key_location_t location) {
  psa_key_attributes_t attributes = KeyAttributes(type, bits);
  psa_set_key_lifetime(&attributes, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE,
                                                                                   location));
  return attributes;
}

// An RSA-1024 key pair in its export format, made once by the builtin
// driver.
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
class TestOpaqueAsymmetricTest : public ::testing::Test {
 protected:
  static psa_key_location_t Location() {
    return std::string(Driver::kName) == "test_opaque" ? TEST_OPAQUE_LOCATION : TEST_OPAQUE_STATIC_LOCATION;
  }

  void SetUp() override {
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
    ecc_ = Attributes(SecpR1KeyPair(), 256, Location());
    rsa_ = Attributes(PSA_KEY_TYPE_RSA_KEY_PAIR, 1024, Location());
    plain_ecc_ = KeyAttributes(SecpR1KeyPair(), 256);
    plain_rsa_ = KeyAttributes(PSA_KEY_TYPE_RSA_KEY_PAIR, 1024);
    ecc_context_ = Wrap(ecc_, P256().private_key);
    rsa_context_ = Wrap(rsa_, RsaKeyPair());
    test_opaque_reset_hooks(&Driver::Hooks());
  }
  void TearDown() override {
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
  }

  static Bytes Wrap(const psa_key_attributes_t& attributes, const Bytes& key) {
    Bytes context(sizeof(test_opaque_key_context_header_t) + key.size() + 16);
    size_t length = 0;
    size_t bits = 0;
    EXPECT_EQ(Driver::import_key(&attributes, key.data(), key.size(), context.data(), context.size(), &length, &bits),
              PSA_SUCCESS);
    context.resize(length);
    return context;
  }

  static const test_opaque_counters_t& hits() { return Driver::Hooks().hits; }

  psa_key_attributes_t ecc_;
  psa_key_attributes_t rsa_;
  psa_key_attributes_t plain_ecc_;
  psa_key_attributes_t plain_rsa_;
  Bytes ecc_context_;
  Bytes rsa_context_;
};

class InstanceNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

using Instances = ::testing::Types<test_opaque_traits, test_opaque_static_traits>;
TYPED_TEST_SUITE(TestOpaqueAsymmetricTest, Instances, InstanceNames);

TYPED_TEST(TestOpaqueAsymmetricTest, ResultsCheckOutWithBuiltinForThePlainKey) {
  const Bytes& plain = P256().private_key;
  const Bytes hash = Sha256(kMessage);
  uint8_t signature[PSA_SIGNATURE_MAX_SIZE];
  size_t length = 0;
  ASSERT_EQ(TypeParam::sign_hash(&this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(), kEcdsa,
                                 hash.data(), hash.size(), signature, sizeof(signature), &length),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_verify_hash(&this->plain_ecc_, plain.data(), plain.size(), kEcdsa, hash.data(), hash.size(),
                                signature, length),
            PSA_SUCCESS);
  EXPECT_EQ(TypeParam::verify_hash(&this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(), kEcdsa,
                                   hash.data(), hash.size(), signature, length),
            PSA_SUCCESS);
  ASSERT_EQ(TypeParam::sign_message(&this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(), kEcdsa,
                                    kMessage.data(), kMessage.size(), signature, sizeof(signature), &length),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_verify_hash(&this->plain_ecc_, plain.data(), plain.size(), kEcdsa, hash.data(), hash.size(),
                                signature, length),
            PSA_SUCCESS);
  EXPECT_EQ(TypeParam::verify_message(&this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(), kEcdsa,
                                      kMessage.data(), kMessage.size(), signature, length),
            PSA_SUCCESS);

  // Encryption with the wrapped RSA key; decryption of builtin's ciphertext.
  const Bytes& rsa = RsaKeyPair();
  uint8_t ciphertext[128];
  ASSERT_EQ(TypeParam::asymmetric_encrypt(&this->rsa_, this->rsa_context_.data(), this->rsa_context_.size(), kOaep,
                                          kPlaintext.data(), kPlaintext.size(), nullptr, 0, ciphertext,
                                          sizeof(ciphertext), &length),
            PSA_SUCCESS);
  uint8_t plaintext[128];
  size_t plaintext_length = 0;
  ASSERT_EQ(builtin_asymmetric_decrypt(&this->plain_rsa_, rsa.data(), rsa.size(), kOaep, ciphertext, length,
                                       nullptr, 0, plaintext, sizeof(plaintext), &plaintext_length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(plaintext, plaintext + plaintext_length), kPlaintext);
  ASSERT_EQ(TypeParam::asymmetric_decrypt(&this->rsa_, this->rsa_context_.data(), this->rsa_context_.size(), kOaep,
                                          ciphertext, length, nullptr, 0, plaintext, sizeof(plaintext),
                                          &plaintext_length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(plaintext, plaintext + plaintext_length), kPlaintext);

  // Key agreement: our key wrapped, the peer's public key plain.
  const Bytes& peer = P256().public_key;
  uint8_t expected[32];
  size_t expected_length = 0;
  ASSERT_EQ(builtin_key_agreement(PSA_ALG_ECDH, &this->plain_ecc_, plain.data(), plain.size(), peer.data(),
                                  peer.size(), expected, sizeof(expected), &expected_length),
            PSA_SUCCESS);
  uint8_t secret[32];
  ASSERT_EQ(TypeParam::key_agreement(PSA_ALG_ECDH, &this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(),
                                     peer.data(), peer.size(), secret, sizeof(secret), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(secret, secret + length), Bytes(expected, expected + expected_length));

  EXPECT_EQ(this->hits().sign_hash, 1u);
  EXPECT_EQ(this->hits().verify_hash, 1u);
  EXPECT_EQ(this->hits().sign_message, 1u);
  EXPECT_EQ(this->hits().verify_message, 1u);
  EXPECT_EQ(this->hits().asymmetric_encrypt, 1u);
  EXPECT_EQ(this->hits().asymmetric_decrypt, 1u);
  EXPECT_EQ(this->hits().key_agreement, 1u);
}

TYPED_TEST(TestOpaqueAsymmetricTest, ContextThatDoesNotCheckOutIsDataCorrupt) {
  const Bytes hash = Sha256(kMessage);
  uint8_t out[PSA_SIGNATURE_MAX_SIZE];
  size_t length = 1234;
  Bytes tampered = this->ecc_context_;
  tampered.back() ^= 0x01;
  EXPECT_EQ(TypeParam::sign_hash(&this->ecc_, tampered.data(), tampered.size(), kEcdsa, hash.data(), hash.size(),
                                 out, sizeof(out), &length),
            PSA_ERROR_DATA_CORRUPT);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(TypeParam::key_agreement(PSA_ALG_ECDH, &this->ecc_, tampered.data(), tampered.size(),
                                     P256().public_key.data(), P256().public_key.size(), out, sizeof(out), &length),
            PSA_ERROR_DATA_CORRUPT);
  // The plain key is not a context.
  EXPECT_EQ(TypeParam::sign_message(&this->ecc_, P256().private_key.data(), P256().private_key.size(), kEcdsa,
                                    kMessage.data(), kMessage.size(), out, sizeof(out), &length),
            PSA_ERROR_DATA_CORRUPT);
  // The attributes must be the context's.
  const psa_key_attributes_t p384 = Attributes(SecpR1KeyPair(), 384, this->Location());
  EXPECT_EQ(TypeParam::sign_hash(&p384, this->ecc_context_.data(), this->ecc_context_.size(), kEcdsa, hash.data(),
                                 hash.size(), out, sizeof(out), &length),
            PSA_ERROR_DATA_CORRUPT);
  Bytes rsa_tampered = this->rsa_context_;
  rsa_tampered[sizeof(test_opaque_key_context_header_t)] ^= 0x80;
  const Bytes ciphertext(128, 0x01);
  EXPECT_EQ(TypeParam::asymmetric_decrypt(&this->rsa_, rsa_tampered.data(), rsa_tampered.size(), kOaep,
                                          ciphertext.data(), ciphertext.size(), nullptr, 0, out, sizeof(out),
                                          &length),
            PSA_ERROR_DATA_CORRUPT);
}

TYPED_TEST(TestOpaqueAsymmetricTest, ContextOfTheOtherInstanceIsDataCorrupt) {
  // Wrapped by the other instance, with the same attributes.
  const bool first = std::string(TypeParam::kName) == "test_opaque";
  const auto other_import = first ? test_opaque_static_import_key : test_opaque_import_key;
  Bytes context(sizeof(test_opaque_key_context_header_t) + 64);
  size_t length = 0;
  size_t bits = 0;
  ASSERT_EQ(other_import(&this->ecc_, P256().private_key.data(), P256().private_key.size(), context.data(),
                         context.size(), &length, &bits),
            PSA_SUCCESS);
  context.resize(length);
  const Bytes hash = Sha256(kMessage);
  uint8_t out[PSA_SIGNATURE_MAX_SIZE];
  EXPECT_EQ(TypeParam::sign_hash(&this->ecc_, context.data(), context.size(), kEcdsa, hash.data(), hash.size(), out,
                                 sizeof(out), &length),
            PSA_ERROR_DATA_CORRUPT);
}

TYPED_TEST(TestOpaqueAsymmetricTest, ForcedStatusesArePerEntryPoint) {
  test_opaque_hooks_t& hooks = TypeParam::Hooks();
  hooks.forced.sign_hash = kForced;
  hooks.forced.asymmetric_decrypt = PSA_ERROR_INSUFFICIENT_MEMORY;
  hooks.forced.key_agreement = PSA_ERROR_COMMUNICATION_FAILURE;
  const Bytes hash = Sha256(kMessage);
  uint8_t out[PSA_SIGNATURE_MAX_SIZE];
  size_t length = 1234;
  EXPECT_EQ(TypeParam::sign_hash(&this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(), kEcdsa,
                                 hash.data(), hash.size(), out, sizeof(out), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  // sign_message is not forced: it still works.
  ASSERT_EQ(TypeParam::sign_message(&this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(), kEcdsa,
                                    kMessage.data(), kMessage.size(), out, sizeof(out), &length),
            PSA_SUCCESS);
  const Bytes ciphertext(128, 0x01);
  EXPECT_EQ(TypeParam::asymmetric_decrypt(&this->rsa_, this->rsa_context_.data(), this->rsa_context_.size(), kOaep,
                                          ciphertext.data(), ciphertext.size(), nullptr, 0, out, sizeof(out),
                                          &length),
            PSA_ERROR_INSUFFICIENT_MEMORY);
  EXPECT_EQ(TypeParam::key_agreement(PSA_ALG_ECDH, &this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(),
                                     P256().public_key.data(), P256().public_key.size(), out, sizeof(out), &length),
            PSA_ERROR_COMMUNICATION_FAILURE);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(this->hits().sign_hash, 1u);
  EXPECT_EQ(this->hits().sign_message, 1u);
  EXPECT_EQ(this->hits().asymmetric_decrypt, 1u);
  EXPECT_EQ(this->hits().key_agreement, 1u);
}

TYPED_TEST(TestOpaqueAsymmetricTest, DeclinedAlgorithmAndKeyTypeAreNotSupported) {
  test_opaque_hooks_t& hooks = TypeParam::Hooks();
  const Bytes hash = Sha256(kMessage);
  uint8_t out[PSA_SIGNATURE_MAX_SIZE];
  size_t length = 0;
  hooks.unsupported_alg = kEcdsa;
  EXPECT_EQ(TypeParam::sign_hash(&this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(), kEcdsa,
                                 hash.data(), hash.size(), out, sizeof(out), &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(TypeParam::verify_message(&this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(), kEcdsa,
                                      kMessage.data(), kMessage.size(), out, 64),
            PSA_ERROR_NOT_SUPPORTED);
  hooks.unsupported_alg = 0;
  hooks.unsupported_key_type = PSA_KEY_TYPE_RSA_KEY_PAIR;
  EXPECT_EQ(TypeParam::asymmetric_encrypt(&this->rsa_, this->rsa_context_.data(), this->rsa_context_.size(), kOaep,
                                          kPlaintext.data(), kPlaintext.size(), nullptr, 0, out, sizeof(out),
                                          &length),
            PSA_ERROR_NOT_SUPPORTED);
  // The ECC key is still served.
  EXPECT_EQ(TypeParam::sign_hash(&this->ecc_, this->ecc_context_.data(), this->ecc_context_.size(), kEcdsa,
                                 hash.data(), hash.size(), out, sizeof(out), &length),
            PSA_SUCCESS);
}

nlohmann::json ReadDescription(const std::string& name) {
  std::ifstream file("drivers/test/" + name);
  EXPECT_TRUE(file.is_open()) << name << " is not in the test's runfiles";
  return nlohmann::json::parse(file, nullptr, /*allow_exceptions=*/false);
}

// The asymmetric descriptions are their key-management base plus
// capabilities: same prefix, location, key context and headers, and the
// base's capabilities first.
TEST(TestOpaqueAsymmetricDescriptionTest, DescriptionsExtendTheKeyManagementOnes) {
  for (const auto& [extended, base] :
       {std::pair<const char*, const char*>{"test_opaque_asymmetric.json", "test_opaque.json"},
        {"test_opaque_static_sign_message.json", "test_opaque_static.json"}}) {
    SCOPED_TRACE(extended);
    nlohmann::json a = ReadDescription(extended);
    nlohmann::json b = ReadDescription(base);
    ASSERT_FALSE(a.is_discarded());
    ASSERT_FALSE(b.is_discarded());
    for (const char* property : {"prefix", "type", "location", "headers"}) {
      EXPECT_EQ(a.at(property), b.at(property)) << property;
    }
    nlohmann::json a_context = a.at("key_context");
    nlohmann::json b_context = b.at("key_context");
    a_context.erase("_comment");
    b_context.erase("_comment");
    EXPECT_EQ(a_context, b_context);
    const nlohmann::json& a_capabilities = a.at("capabilities");
    const nlohmann::json& b_capabilities = b.at("capabilities");
    ASSERT_GE(a_capabilities.size(), b_capabilities.size());
    for (size_t i = 0; i < b_capabilities.size(); ++i) {
      EXPECT_EQ(a_capabilities[i].at("entry_points"), b_capabilities[i].at("entry_points")) << i;
    }
  }
}

}  // namespace
}  // namespace drivers::test
