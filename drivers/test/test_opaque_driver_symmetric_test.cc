// Unit tests of the MAC, cipher and AEAD entry points of the opaque test
// driver instances, called directly on wrapped key contexts: results equal
// the builtin driver's for the plain key, a context that does not check out
// is DATA_CORRUPT (operation untouched), the forced statuses are per entry
// point, and unsupported_alg / unsupported_key_type decline. Also checks
// that the symmetric descriptions say what the code assumes.

#include <algorithm>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "drivers/builtin/builtin_aead.h"
#include "drivers/builtin/builtin_cipher.h"
#include "drivers/builtin/builtin_mac.h"
#include "drivers/test/test_opaque_driver.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "psa/crypto.h"

namespace drivers::test {
namespace {

using Bytes = std::vector<uint8_t>;

constexpr psa_algorithm_t kHmac = PSA_ALG_HMAC(PSA_ALG_SHA_256);
constexpr psa_status_t kForced = PSA_ERROR_HARDWARE_FAILURE;

#define TEST_OPAQUE_SYMMETRIC_TRAITS(prefix)                                  \
  struct prefix##_traits {                                                    \
    using Mac = prefix##_mac_operation_t;                                     \
    using Cipher = prefix##_cipher_operation_t;                               \
    using Aead = prefix##_aead_operation_t;                                   \
    static constexpr const char* kName = #prefix;                             \
    static test_opaque_hooks_t& Hooks() { return prefix##_hooks; }            \
    static constexpr auto import_key = prefix##_import_key;                   \
    static constexpr auto mac_compute = prefix##_mac_compute;                 \
    static constexpr auto mac_verify = prefix##_mac_verify;                   \
    static constexpr auto mac_sign_setup = prefix##_mac_sign_setup;           \
    static constexpr auto mac_update = prefix##_mac_update;                   \
    static constexpr auto mac_sign_finish = prefix##_mac_sign_finish;         \
    static constexpr auto mac_abort = prefix##_mac_abort;                     \
    static constexpr auto cipher_encrypt = prefix##_cipher_encrypt;           \
    static constexpr auto cipher_decrypt_setup = prefix##_cipher_decrypt_setup; \
    static constexpr auto cipher_set_iv = prefix##_cipher_set_iv;             \
    static constexpr auto cipher_update = prefix##_cipher_update;             \
    static constexpr auto cipher_finish = prefix##_cipher_finish;             \
    static constexpr auto aead_encrypt = prefix##_aead_encrypt;               \
    static constexpr auto aead_decrypt = prefix##_aead_decrypt;               \
    static constexpr auto aead_encrypt_setup = prefix##_aead_encrypt_setup;   \
    static constexpr auto aead_abort = prefix##_aead_abort;                   \
  };
TEST_OPAQUE_INSTANCES(TEST_OPAQUE_SYMMETRIC_TRAITS)
#undef TEST_OPAQUE_SYMMETRIC_TRAITS

Bytes Pattern(size_t size, uint8_t seed) {
  Bytes bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(seed + 13 * i);
  return bytes;
}

const Bytes kHmacKey = Pattern(32, 1);
const Bytes kAesKey = Pattern(16, 2);
const Bytes kMessage = Pattern(70, 3);
const Bytes kIv = Pattern(16, 4);
const Bytes kNonce = Pattern(12, 5);

psa_key_attributes_t Attributes(psa_key_type_t type, size_t bytes, psa_key_location_t location) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, PSA_BYTES_TO_BITS(bytes));
  psa_set_key_lifetime(&attributes, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE,
                                                                                   location));
  return attributes;
}

template <typename T>
T Zero() {
  T value;
  std::memset(&value, 0, sizeof(value));
  return value;
}

template <typename T>
bool IsAllZero(const T& value) {
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(&value);
  return std::all_of(bytes, bytes + sizeof(value), [](uint8_t b) { return b == 0; });
}

template <typename Driver>
class TestOpaqueSymmetricTest : public ::testing::Test {
 protected:
  static psa_key_location_t Location() {
    return std::string(Driver::kName) == "test_opaque" ? TEST_OPAQUE_LOCATION : TEST_OPAQUE_STATIC_LOCATION;
  }

  void SetUp() override {
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
    hmac_ = Attributes(PSA_KEY_TYPE_HMAC, kHmacKey.size(), Location());
    aes_ = Attributes(PSA_KEY_TYPE_AES, kAesKey.size(), Location());
    hmac_context_ = Wrap(hmac_, kHmacKey);
    aes_context_ = Wrap(aes_, kAesKey);
    test_opaque_reset_hooks(&Driver::Hooks());
  }
  void TearDown() override {
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
  }

  static Bytes Wrap(const psa_key_attributes_t& attributes, const Bytes& key) {
    Bytes context(sizeof(test_opaque_key_context_header_t) + key.size());
    size_t length = 0;
    size_t bits = 0;
    EXPECT_EQ(Driver::import_key(&attributes, key.data(), key.size(), context.data(), context.size(), &length, &bits),
              PSA_SUCCESS);
    context.resize(length);
    return context;
  }

  static const test_opaque_counters_t& hits() { return Driver::Hooks().hits; }

  psa_key_attributes_t hmac_;
  psa_key_attributes_t aes_;
  Bytes hmac_context_;
  Bytes aes_context_;
};

using Instances = ::testing::Types<test_opaque_traits, test_opaque_static_traits>;

class InstanceNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

TYPED_TEST_SUITE(TestOpaqueSymmetricTest, Instances, InstanceNames);

TYPED_TEST(TestOpaqueSymmetricTest, ResultsEqualBuiltinsForThePlainKey) {
  const psa_key_attributes_t plain_hmac = Attributes(PSA_KEY_TYPE_HMAC, kHmacKey.size(), 0);
  const psa_key_attributes_t plain_aes = Attributes(PSA_KEY_TYPE_AES, kAesKey.size(), 0);
  uint8_t expected[128];
  uint8_t actual[128];
  size_t expected_length = 0;
  size_t actual_length = 0;

  ASSERT_EQ(builtin_mac_compute(&plain_hmac, kHmacKey.data(), kHmacKey.size(), kHmac, kMessage.data(),
                                kMessage.size(), expected, sizeof(expected), &expected_length),
            PSA_SUCCESS);
  ASSERT_EQ(TypeParam::mac_compute(&this->hmac_, this->hmac_context_.data(), this->hmac_context_.size(), kHmac,
                                   kMessage.data(), kMessage.size(), actual, sizeof(actual), &actual_length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(actual, actual + actual_length), Bytes(expected, expected + expected_length));
  EXPECT_EQ(TypeParam::mac_verify(&this->hmac_, this->hmac_context_.data(), this->hmac_context_.size(), kHmac,
                                  kMessage.data(), kMessage.size(), expected, expected_length),
            PSA_SUCCESS);
  auto mac = Zero<typename TypeParam::Mac>();
  ASSERT_EQ(TypeParam::mac_sign_setup(&mac, &this->hmac_, this->hmac_context_.data(), this->hmac_context_.size(),
                                      kHmac),
            PSA_SUCCESS);
  ASSERT_EQ(TypeParam::mac_update(&mac, kMessage.data(), kMessage.size()), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::mac_sign_finish(&mac, actual, sizeof(actual), &actual_length), PSA_SUCCESS);
  EXPECT_EQ(Bytes(actual, actual + actual_length), Bytes(expected, expected + expected_length));

  ASSERT_EQ(builtin_cipher_encrypt(&plain_aes, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR, kIv.data(), kIv.size(),
                                   kMessage.data(), kMessage.size(), expected, sizeof(expected), &expected_length),
            PSA_SUCCESS);
  ASSERT_EQ(TypeParam::cipher_encrypt(&this->aes_, this->aes_context_.data(), this->aes_context_.size(),
                                      PSA_ALG_CTR, kIv.data(), kIv.size(), kMessage.data(), kMessage.size(), actual,
                                      sizeof(actual), &actual_length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(actual, actual + actual_length), Bytes(expected, expected + expected_length));
  auto cipher = Zero<typename TypeParam::Cipher>();
  ASSERT_EQ(TypeParam::cipher_decrypt_setup(&cipher, &this->aes_, this->aes_context_.data(),
                                            this->aes_context_.size(), PSA_ALG_CTR),
            PSA_SUCCESS);
  ASSERT_EQ(TypeParam::cipher_set_iv(&cipher, kIv.data(), kIv.size()), PSA_SUCCESS);
  size_t updated = 0;
  ASSERT_EQ(TypeParam::cipher_update(&cipher, expected, expected_length, actual, sizeof(actual), &updated),
            PSA_SUCCESS);
  size_t finished = 0;
  ASSERT_EQ(TypeParam::cipher_finish(&cipher, actual + updated, sizeof(actual) - updated, &finished), PSA_SUCCESS);
  EXPECT_EQ(Bytes(actual, actual + updated + finished), kMessage);

  ASSERT_EQ(builtin_aead_encrypt(&plain_aes, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM, kNonce.data(),
                                 kNonce.size(), nullptr, 0, kMessage.data(), kMessage.size(), expected,
                                 sizeof(expected), &expected_length),
            PSA_SUCCESS);
  ASSERT_EQ(TypeParam::aead_encrypt(&this->aes_, this->aes_context_.data(), this->aes_context_.size(), PSA_ALG_GCM,
                                    kNonce.data(), kNonce.size(), nullptr, 0, kMessage.data(), kMessage.size(),
                                    actual, sizeof(actual), &actual_length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(actual, actual + actual_length), Bytes(expected, expected + expected_length));
  ASSERT_EQ(TypeParam::aead_decrypt(&this->aes_, this->aes_context_.data(), this->aes_context_.size(), PSA_ALG_GCM,
                                    kNonce.data(), kNonce.size(), nullptr, 0, expected, expected_length, actual,
                                    sizeof(actual), &actual_length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(actual, actual + actual_length), kMessage);

  const test_opaque_counters_t& hits = this->hits();
  EXPECT_EQ(hits.mac_compute, 1u);
  EXPECT_EQ(hits.mac_verify, 1u);
  EXPECT_EQ(hits.mac_sign_setup, 1u);
  EXPECT_EQ(hits.mac_update, 1u);
  EXPECT_EQ(hits.mac_sign_finish, 1u);
  EXPECT_EQ(hits.cipher_encrypt, 1u);
  EXPECT_EQ(hits.cipher_decrypt_setup, 1u);
  EXPECT_EQ(hits.cipher_set_iv, 1u);
  EXPECT_EQ(hits.cipher_update, 1u);
  EXPECT_EQ(hits.cipher_finish, 1u);
  EXPECT_EQ(hits.aead_encrypt, 1u);
  EXPECT_EQ(hits.aead_decrypt, 1u);
}

TYPED_TEST(TestOpaqueSymmetricTest, ContextThatDoesNotCheckOutIsDataCorrupt) {
  Bytes tampered = this->aes_context_;
  tampered.back() ^= 0x01;
  uint8_t out[128];
  size_t length = 12345;
  EXPECT_EQ(TypeParam::cipher_encrypt(&this->aes_, tampered.data(), tampered.size(), PSA_ALG_CTR, kIv.data(),
                                      kIv.size(), kMessage.data(), kMessage.size(), out, sizeof(out), &length),
            PSA_ERROR_DATA_CORRUPT);
  EXPECT_EQ(length, 0u);
  auto aead = Zero<typename TypeParam::Aead>();
  EXPECT_EQ(TypeParam::aead_encrypt_setup(&aead, &this->aes_, tampered.data(), tampered.size(), PSA_ALG_GCM),
            PSA_ERROR_DATA_CORRUPT);
  EXPECT_TRUE(IsAllZero(aead));
  // The plain key is not a context either.
  auto mac = Zero<typename TypeParam::Mac>();
  EXPECT_EQ(TypeParam::mac_sign_setup(&mac, &this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac),
            PSA_ERROR_DATA_CORRUPT);
  EXPECT_TRUE(IsAllZero(mac));
  // Nor is a context of the other instance's.
  const bool is_first = std::string(TypeParam::kName) == "test_opaque";
  const psa_key_attributes_t other = Attributes(PSA_KEY_TYPE_AES, kAesKey.size(), is_first
                                                                                      ? TEST_OPAQUE_STATIC_LOCATION
                                                                                      : TEST_OPAQUE_LOCATION);
  Bytes foreign(sizeof(test_opaque_key_context_header_t) + kAesKey.size());
  size_t bits = 0;
  ASSERT_EQ((is_first ? test_opaque_static_import_key : test_opaque_import_key)(
                &other, kAesKey.data(), kAesKey.size(), foreign.data(), foreign.size(), &length, &bits),
            PSA_SUCCESS);
  EXPECT_EQ(TypeParam::cipher_encrypt(&this->aes_, foreign.data(), foreign.size(), PSA_ALG_CTR, kIv.data(),
                                      kIv.size(), kMessage.data(), kMessage.size(), out, sizeof(out), &length),
            PSA_ERROR_DATA_CORRUPT);
}

TYPED_TEST(TestOpaqueSymmetricTest, ForcedStatusesArePerEntryPoint) {
  test_opaque_hooks_t& hooks = TypeParam::Hooks();
  auto mac = Zero<typename TypeParam::Mac>();
  ASSERT_EQ(TypeParam::mac_sign_setup(&mac, &this->hmac_, this->hmac_context_.data(), this->hmac_context_.size(),
                                      kHmac),
            PSA_SUCCESS);
  hooks.forced.mac_update = kForced;
  uint8_t out[128];
  size_t length = 12345;
  // Other entry points are not affected.
  EXPECT_EQ(TypeParam::mac_compute(&this->hmac_, this->hmac_context_.data(), this->hmac_context_.size(), kHmac,
                                   kMessage.data(), kMessage.size(), out, sizeof(out), &length),
            PSA_SUCCESS);
  EXPECT_EQ(TypeParam::mac_update(&mac, kMessage.data(), kMessage.size()), kForced);
  EXPECT_TRUE(IsAllZero(mac));
  hooks.forced.mac_abort = kForced;
  EXPECT_EQ(TypeParam::mac_abort(&mac), kForced);

  hooks.forced.aead_encrypt = PSA_ERROR_COMMUNICATION_FAILURE;
  length = 12345;
  EXPECT_EQ(TypeParam::aead_encrypt(&this->aes_, this->aes_context_.data(), this->aes_context_.size(), PSA_ALG_GCM,
                                    kNonce.data(), kNonce.size(), nullptr, 0, kMessage.data(), kMessage.size(), out,
                                    sizeof(out), &length),
            PSA_ERROR_COMMUNICATION_FAILURE);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(this->hits().mac_update, 1u);
  EXPECT_EQ(this->hits().mac_abort, 1u);
  EXPECT_EQ(this->hits().aead_encrypt, 1u);
}

TYPED_TEST(TestOpaqueSymmetricTest, DeclinedAlgorithmAndKeyTypeAreNotSupported) {
  test_opaque_hooks_t& hooks = TypeParam::Hooks();
  hooks.unsupported_alg = PSA_ALG_GCM;
  auto aead = Zero<typename TypeParam::Aead>();
  EXPECT_EQ(TypeParam::aead_encrypt_setup(&aead, &this->aes_, this->aes_context_.data(), this->aes_context_.size(),
                                          PSA_ALG_GCM),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_TRUE(IsAllZero(aead));
  uint8_t out[128];
  size_t length = 0;
  EXPECT_EQ(TypeParam::cipher_encrypt(&this->aes_, this->aes_context_.data(), this->aes_context_.size(),
                                      PSA_ALG_CTR, kIv.data(), kIv.size(), kMessage.data(), kMessage.size(), out,
                                      sizeof(out), &length),
            PSA_SUCCESS);
  hooks.unsupported_key_type = PSA_KEY_TYPE_AES;
  EXPECT_EQ(TypeParam::cipher_encrypt(&this->aes_, this->aes_context_.data(), this->aes_context_.size(),
                                      PSA_ALG_CTR, kIv.data(), kIv.size(), kMessage.data(), kMessage.size(), out,
                                      sizeof(out), &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(TypeParam::mac_verify(&this->hmac_, this->hmac_context_.data(), this->hmac_context_.size(), kHmac,
                                  kMessage.data(), kMessage.size(), out, 32),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(TypeParam::aead_abort(&aead), PSA_SUCCESS);
}

nlohmann::json ReadDescription(const std::string& name) {
  std::ifstream file("drivers/test/" + name);
  EXPECT_TRUE(file.is_open()) << name << " is not in the test's runfiles";
  return nlohmann::json::parse(file, nullptr, /*allow_exceptions=*/false);
}

// The symmetric descriptions are their key-management base plus
// capabilities: same prefix, location, key context and headers.
TEST(TestOpaqueSymmetricDescriptionTest, DescriptionsExtendTheKeyManagementOnes) {
  for (const auto& [extended, base] : {std::pair<const char*, const char*>{"test_opaque_symmetric.json",
                                                                           "test_opaque.json"},
                                       {"test_opaque_static_multipart_only.json", "test_opaque_static.json"}}) {
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
  }
}

}  // namespace
}  // namespace drivers::test
