// Unit tests of the MAC, cipher and AEAD entry points of the transparent
// test driver instances, called directly: each counts its calls, returns
// the builtin driver's results when left alone, returns hooks.forced_status
// without computing (a setup leaving the operation untouched, the other
// functions wiping it), and declines hooks.unsupported_alg at setup and in
// single-part calls only. Every test runs over both instances.

#include <algorithm>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "drivers/builtin/builtin_aead.h"
#include "drivers/builtin/builtin_cipher.h"
#include "drivers/builtin/builtin_mac.h"
#include "drivers/test/test_driver.h"
#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace drivers::test {
namespace {

using Bytes = std::vector<uint8_t>;

#define TEST_DRIVER_SYMMETRIC_TRAITS(prefix)                                  \
  struct prefix##_traits {                                                    \
    using Mac = prefix##_mac_operation_t;                                     \
    using Cipher = prefix##_cipher_operation_t;                               \
    using Aead = prefix##_aead_operation_t;                                   \
    static test_driver_hooks_t& Hooks() { return prefix##_hooks; }            \
    static constexpr const char* kName = #prefix;                             \
    static constexpr auto mac_compute = prefix##_mac_compute;                 \
    static constexpr auto mac_verify = prefix##_mac_verify;                   \
    static constexpr auto mac_sign_setup = prefix##_mac_sign_setup;           \
    static constexpr auto mac_verify_setup = prefix##_mac_verify_setup;       \
    static constexpr auto mac_update = prefix##_mac_update;                   \
    static constexpr auto mac_sign_finish = prefix##_mac_sign_finish;         \
    static constexpr auto mac_verify_finish = prefix##_mac_verify_finish;     \
    static constexpr auto mac_abort = prefix##_mac_abort;                     \
    static constexpr auto cipher_encrypt = prefix##_cipher_encrypt;           \
    static constexpr auto cipher_decrypt = prefix##_cipher_decrypt;           \
    static constexpr auto cipher_encrypt_setup = prefix##_cipher_encrypt_setup; \
    static constexpr auto cipher_decrypt_setup = prefix##_cipher_decrypt_setup; \
    static constexpr auto cipher_set_iv = prefix##_cipher_set_iv;             \
    static constexpr auto cipher_update = prefix##_cipher_update;             \
    static constexpr auto cipher_finish = prefix##_cipher_finish;             \
    static constexpr auto cipher_abort = prefix##_cipher_abort;               \
    static constexpr auto aead_encrypt = prefix##_aead_encrypt;               \
    static constexpr auto aead_decrypt = prefix##_aead_decrypt;               \
    static constexpr auto aead_encrypt_setup = prefix##_aead_encrypt_setup;   \
    static constexpr auto aead_decrypt_setup = prefix##_aead_decrypt_setup;   \
    static constexpr auto aead_set_nonce = prefix##_aead_set_nonce;           \
    static constexpr auto aead_set_lengths = prefix##_aead_set_lengths;       \
    static constexpr auto aead_update_ad = prefix##_aead_update_ad;           \
    static constexpr auto aead_update = prefix##_aead_update;                 \
    static constexpr auto aead_finish = prefix##_aead_finish;                 \
    static constexpr auto aead_verify = prefix##_aead_verify;                 \
    static constexpr auto aead_abort = prefix##_aead_abort;                   \
  };
TEST_DRIVER_INSTANCES(TEST_DRIVER_SYMMETRIC_TRAITS)
#undef TEST_DRIVER_SYMMETRIC_TRAITS

constexpr psa_algorithm_t kHmac = PSA_ALG_HMAC(PSA_ALG_SHA_256);
constexpr psa_status_t kForced = PSA_ERROR_INSUFFICIENT_MEMORY;

Bytes Pattern(size_t size, uint8_t seed) {
  Bytes bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(seed + 37 * i);
  return bytes;
}

const Bytes kHmacKey = Pattern(32, 1);
const Bytes kAesKey = Pattern(16, 2);
const Bytes kMessage = Pattern(100, 3);
const Bytes kIv = Pattern(16, 4);
const Bytes kNonce = Pattern(12, 5);
const Bytes kAd = Pattern(20, 6);

psa_key_attributes_t Attributes(psa_key_type_t type, const Bytes& key) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, PSA_BYTES_TO_BITS(key.size()));
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

Bytes BuiltinMac() {
  const psa_key_attributes_t attributes = Attributes(PSA_KEY_TYPE_HMAC, kHmacKey);
  Bytes mac(PSA_MAC_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(builtin_mac_compute(&attributes, kHmacKey.data(), kHmacKey.size(), kHmac, kMessage.data(),
                                kMessage.size(), mac.data(), mac.size(), &length),
            PSA_SUCCESS);
  mac.resize(length);
  return mac;
}

Bytes BuiltinCtr() {
  const psa_key_attributes_t attributes = Attributes(PSA_KEY_TYPE_AES, kAesKey);
  Bytes out(kMessage.size());
  size_t length = 0;
  EXPECT_EQ(builtin_cipher_encrypt(&attributes, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR, kIv.data(), kIv.size(),
                                   kMessage.data(), kMessage.size(), out.data(), out.size(), &length),
            PSA_SUCCESS);
  out.resize(length);
  return out;
}

Bytes BuiltinGcm() {
  const psa_key_attributes_t attributes = Attributes(PSA_KEY_TYPE_AES, kAesKey);
  Bytes out(kMessage.size() + 16);
  size_t length = 0;
  EXPECT_EQ(builtin_aead_encrypt(&attributes, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM, kNonce.data(),
                                 kNonce.size(), kAd.data(), kAd.size(), kMessage.data(), kMessage.size(), out.data(),
                                 out.size(), &length),
            PSA_SUCCESS);
  out.resize(length);
  return out;
}

template <typename Driver>
class TestDriverSymmetricTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test_driver_reset_hooks(&test_a_hooks);
    test_driver_reset_hooks(&test_b_hooks);
  }
  void TearDown() override { SetUp(); }
  static test_driver_hooks_t& hooks() { return Driver::Hooks(); }
  static const test_driver_counters_t& hits() { return Driver::Hooks().hits; }
  const psa_key_attributes_t hmac_ = Attributes(PSA_KEY_TYPE_HMAC, kHmacKey);
  const psa_key_attributes_t aes_ = Attributes(PSA_KEY_TYPE_AES, kAesKey);
};

using Instances = ::testing::Types<test_a_traits, test_b_traits>;

class InstanceNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

TYPED_TEST_SUITE(TestDriverSymmetricTest, Instances, InstanceNames);

TYPED_TEST(TestDriverSymmetricTest, ContextsAreTheBuiltinOnes) {
  EXPECT_EQ(sizeof(typename TypeParam::Mac), sizeof(builtin_mac_operation_t));
  EXPECT_EQ(sizeof(typename TypeParam::Cipher), sizeof(builtin_cipher_operation_t));
  EXPECT_EQ(sizeof(typename TypeParam::Aead), sizeof(builtin_aead_operation_t));
  EXPECT_EQ(alignof(typename TypeParam::Aead), alignof(builtin_aead_operation_t));
}

TYPED_TEST(TestDriverSymmetricTest, MacEqualsBuiltinAndCountsEachCall) {
  const Bytes expected = BuiltinMac();
  Bytes mac(PSA_MAC_MAX_SIZE);
  size_t length = 0;
  ASSERT_EQ(TypeParam::mac_compute(&this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac, kMessage.data(),
                                   kMessage.size(), mac.data(), mac.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(mac.begin(), mac.begin() + length), expected);
  EXPECT_EQ(TypeParam::mac_verify(&this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac, kMessage.data(),
                                  kMessage.size(), expected.data(), expected.size()),
            PSA_SUCCESS);

  auto sign = Zero<typename TypeParam::Mac>();
  ASSERT_EQ(TypeParam::mac_sign_setup(&sign, &this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::mac_update(&sign, kMessage.data(), 10), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::mac_update(&sign, kMessage.data() + 10, kMessage.size() - 10), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::mac_sign_finish(&sign, mac.data(), mac.size(), &length), PSA_SUCCESS);
  EXPECT_EQ(Bytes(mac.begin(), mac.begin() + length), expected);
  EXPECT_TRUE(IsAllZero(sign));

  auto verify = Zero<typename TypeParam::Mac>();
  ASSERT_EQ(TypeParam::mac_verify_setup(&verify, &this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac),
            PSA_SUCCESS);
  ASSERT_EQ(TypeParam::mac_update(&verify, kMessage.data(), kMessage.size()), PSA_SUCCESS);
  EXPECT_EQ(TypeParam::mac_verify_finish(&verify, expected.data(), expected.size()), PSA_SUCCESS);
  EXPECT_EQ(TypeParam::mac_abort(&verify), PSA_SUCCESS);

  const test_driver_counters_t& hits = this->hits();
  EXPECT_EQ(hits.mac_compute, 1u);
  EXPECT_EQ(hits.mac_verify, 1u);
  EXPECT_EQ(hits.mac_sign_setup, 1u);
  EXPECT_EQ(hits.mac_verify_setup, 1u);
  EXPECT_EQ(hits.mac_update, 3u);
  EXPECT_EQ(hits.mac_sign_finish, 1u);
  EXPECT_EQ(hits.mac_verify_finish, 1u);
  EXPECT_EQ(hits.mac_abort, 1u);
}

TYPED_TEST(TestDriverSymmetricTest, CipherEqualsBuiltinAndCountsEachCall) {
  const Bytes expected = BuiltinCtr();
  Bytes out(kMessage.size() + kIv.size());
  size_t length = 0;
  ASSERT_EQ(TypeParam::cipher_encrypt(&this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR, kIv.data(),
                                      kIv.size(), kMessage.data(), kMessage.size(), out.data(), out.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(out.begin(), out.begin() + length), expected);
  Bytes input = kIv;
  input.insert(input.end(), expected.begin(), expected.end());
  ASSERT_EQ(TypeParam::cipher_decrypt(&this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR, input.data(),
                                      input.size(), out.data(), out.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(out.begin(), out.begin() + length), kMessage);

  for (bool encrypt : {true, false}) {
    auto operation = Zero<typename TypeParam::Cipher>();
    const auto setup = encrypt ? TypeParam::cipher_encrypt_setup : TypeParam::cipher_decrypt_setup;
    ASSERT_EQ(setup(&operation, &this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR), PSA_SUCCESS);
    ASSERT_EQ(TypeParam::cipher_set_iv(&operation, kIv.data(), kIv.size()), PSA_SUCCESS);
    const Bytes& source = encrypt ? kMessage : expected;
    size_t updated = 0;
    ASSERT_EQ(TypeParam::cipher_update(&operation, source.data(), source.size(), out.data(), out.size(), &updated),
              PSA_SUCCESS);
    size_t finished = 0;
    ASSERT_EQ(TypeParam::cipher_finish(&operation, out.data() + updated, out.size() - updated, &finished),
              PSA_SUCCESS);
    EXPECT_EQ(Bytes(out.begin(), out.begin() + updated + finished), encrypt ? expected : kMessage);
    EXPECT_TRUE(IsAllZero(operation));
    EXPECT_EQ(TypeParam::cipher_abort(&operation), PSA_SUCCESS);
  }
  const test_driver_counters_t& hits = this->hits();
  EXPECT_EQ(hits.cipher_encrypt, 1u);
  EXPECT_EQ(hits.cipher_decrypt, 1u);
  EXPECT_EQ(hits.cipher_encrypt_setup, 1u);
  EXPECT_EQ(hits.cipher_decrypt_setup, 1u);
  EXPECT_EQ(hits.cipher_set_iv, 2u);
  EXPECT_EQ(hits.cipher_update, 2u);
  EXPECT_EQ(hits.cipher_finish, 2u);
  EXPECT_EQ(hits.cipher_abort, 2u);
}

TYPED_TEST(TestDriverSymmetricTest, AeadEqualsBuiltinAndCountsEachCall) {
  const Bytes expected = BuiltinGcm();
  Bytes out(kMessage.size() + 16);
  size_t length = 0;
  ASSERT_EQ(TypeParam::aead_encrypt(&this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM, kNonce.data(),
                                    kNonce.size(), kAd.data(), kAd.size(), kMessage.data(), kMessage.size(),
                                    out.data(), out.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(out.begin(), out.begin() + length), expected);
  ASSERT_EQ(TypeParam::aead_decrypt(&this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM, kNonce.data(),
                                    kNonce.size(), kAd.data(), kAd.size(), expected.data(), expected.size(),
                                    out.data(), out.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(out.begin(), out.begin() + length), kMessage);

  auto encrypt = Zero<typename TypeParam::Aead>();
  ASSERT_EQ(TypeParam::aead_encrypt_setup(&encrypt, &this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM),
            PSA_SUCCESS);
  ASSERT_EQ(TypeParam::aead_set_lengths(&encrypt, kAd.size(), kMessage.size()), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::aead_set_nonce(&encrypt, kNonce.data(), kNonce.size()), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::aead_update_ad(&encrypt, kAd.data(), kAd.size()), PSA_SUCCESS);
  size_t updated = 0;
  ASSERT_EQ(TypeParam::aead_update(&encrypt, kMessage.data(), kMessage.size(), out.data(), out.size(), &updated),
            PSA_SUCCESS);
  uint8_t tag[16];
  size_t tag_length = 0;
  size_t finished = 0;
  ASSERT_EQ(TypeParam::aead_finish(&encrypt, out.data() + updated, out.size() - updated, &finished, tag,
                                   sizeof(tag), &tag_length),
            PSA_SUCCESS);
  Bytes sealed(out.begin(), out.begin() + updated + finished);
  sealed.insert(sealed.end(), tag, tag + tag_length);
  EXPECT_EQ(sealed, expected);
  EXPECT_TRUE(IsAllZero(encrypt));

  auto decrypt = Zero<typename TypeParam::Aead>();
  ASSERT_EQ(TypeParam::aead_decrypt_setup(&decrypt, &this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM),
            PSA_SUCCESS);
  ASSERT_EQ(TypeParam::aead_set_nonce(&decrypt, kNonce.data(), kNonce.size()), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::aead_update_ad(&decrypt, kAd.data(), kAd.size()), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::aead_update(&decrypt, expected.data(), kMessage.size(), out.data(), out.size(), &updated),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(out.begin(), out.begin() + updated), kMessage);
  EXPECT_EQ(TypeParam::aead_verify(&decrypt, out.data() + updated, out.size() - updated, &finished,
                                   expected.data() + kMessage.size(), 16),
            PSA_SUCCESS);
  EXPECT_EQ(TypeParam::aead_abort(&decrypt), PSA_SUCCESS);

  const test_driver_counters_t& hits = this->hits();
  EXPECT_EQ(hits.aead_encrypt, 1u);
  EXPECT_EQ(hits.aead_decrypt, 1u);
  EXPECT_EQ(hits.aead_encrypt_setup, 1u);
  EXPECT_EQ(hits.aead_decrypt_setup, 1u);
  EXPECT_EQ(hits.aead_set_lengths, 1u);
  EXPECT_EQ(hits.aead_set_nonce, 2u);
  EXPECT_EQ(hits.aead_update_ad, 2u);
  EXPECT_EQ(hits.aead_update, 2u);
  EXPECT_EQ(hits.aead_finish, 1u);
  EXPECT_EQ(hits.aead_verify, 1u);
  EXPECT_EQ(hits.aead_abort, 1u);
}

TYPED_TEST(TestDriverSymmetricTest, ForcedStatusIsReturnedByEveryEntryPoint) {
  // Operations set up before the failure is forced.
  auto mac_update = Zero<typename TypeParam::Mac>();
  auto mac_finish = Zero<typename TypeParam::Mac>();
  auto mac_verify = Zero<typename TypeParam::Mac>();
  for (auto* operation : {&mac_update, &mac_finish}) {
    ASSERT_EQ(TypeParam::mac_sign_setup(operation, &this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac),
              PSA_SUCCESS);
  }
  ASSERT_EQ(TypeParam::mac_verify_setup(&mac_verify, &this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac),
            PSA_SUCCESS);
  typename TypeParam::Cipher ciphers[3];
  for (auto& operation : ciphers) {
    operation = Zero<typename TypeParam::Cipher>();
    ASSERT_EQ(TypeParam::cipher_encrypt_setup(&operation, &this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR),
              PSA_SUCCESS);
  }
  ASSERT_EQ(TypeParam::cipher_set_iv(&ciphers[1], kIv.data(), kIv.size()), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::cipher_set_iv(&ciphers[2], kIv.data(), kIv.size()), PSA_SUCCESS);
  typename TypeParam::Aead aeads[6];
  for (size_t i = 0; i < 6; ++i) {
    aeads[i] = Zero<typename TypeParam::Aead>();
    const auto setup = i == 5 ? TypeParam::aead_decrypt_setup : TypeParam::aead_encrypt_setup;
    ASSERT_EQ(setup(&aeads[i], &this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM), PSA_SUCCESS);
    if (i >= 2) {
      ASSERT_EQ(TypeParam::aead_set_nonce(&aeads[i], kNonce.data(), kNonce.size()), PSA_SUCCESS);
    }
  }
  test_driver_reset_hooks(&this->hooks());
  this->hooks().forced_status = kForced;

  uint8_t out[256];
  size_t length = 12345;
  EXPECT_EQ(TypeParam::mac_compute(&this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac, kMessage.data(),
                                   kMessage.size(), out, sizeof(out), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(TypeParam::mac_verify(&this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac, kMessage.data(),
                                  kMessage.size(), out, 32),
            kForced);
  auto fresh_mac = Zero<typename TypeParam::Mac>();
  EXPECT_EQ(TypeParam::mac_sign_setup(&fresh_mac, &this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac), kForced);
  EXPECT_EQ(TypeParam::mac_verify_setup(&fresh_mac, &this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac),
            kForced);
  EXPECT_TRUE(IsAllZero(fresh_mac));
  EXPECT_EQ(TypeParam::mac_update(&mac_update, kMessage.data(), kMessage.size()), kForced);
  EXPECT_TRUE(IsAllZero(mac_update));
  length = 12345;
  EXPECT_EQ(TypeParam::mac_sign_finish(&mac_finish, out, sizeof(out), &length), kForced);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(IsAllZero(mac_finish));
  EXPECT_EQ(TypeParam::mac_verify_finish(&mac_verify, out, 32), kForced);
  EXPECT_TRUE(IsAllZero(mac_verify));
  EXPECT_EQ(TypeParam::mac_abort(&mac_verify), kForced);

  length = 12345;
  EXPECT_EQ(TypeParam::cipher_encrypt(&this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR, kIv.data(),
                                      kIv.size(), kMessage.data(), kMessage.size(), out, sizeof(out), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  length = 12345;
  EXPECT_EQ(TypeParam::cipher_decrypt(&this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR, kMessage.data(),
                                      kMessage.size(), out, sizeof(out), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  auto fresh_cipher = Zero<typename TypeParam::Cipher>();
  EXPECT_EQ(TypeParam::cipher_encrypt_setup(&fresh_cipher, &this->aes_, kAesKey.data(), kAesKey.size(),
                                            PSA_ALG_CTR),
            kForced);
  EXPECT_EQ(TypeParam::cipher_decrypt_setup(&fresh_cipher, &this->aes_, kAesKey.data(), kAesKey.size(),
                                            PSA_ALG_CTR),
            kForced);
  EXPECT_TRUE(IsAllZero(fresh_cipher));
  EXPECT_EQ(TypeParam::cipher_set_iv(&ciphers[0], kIv.data(), kIv.size()), kForced);
  length = 12345;
  EXPECT_EQ(TypeParam::cipher_update(&ciphers[1], kMessage.data(), kMessage.size(), out, sizeof(out), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  length = 12345;
  EXPECT_EQ(TypeParam::cipher_finish(&ciphers[2], out, sizeof(out), &length), kForced);
  EXPECT_EQ(length, 0u);
  for (const auto& operation : ciphers) EXPECT_TRUE(IsAllZero(operation));
  EXPECT_EQ(TypeParam::cipher_abort(&ciphers[0]), kForced);

  length = 12345;
  EXPECT_EQ(TypeParam::aead_encrypt(&this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM, kNonce.data(),
                                    kNonce.size(), kAd.data(), kAd.size(), kMessage.data(), kMessage.size(), out,
                                    sizeof(out), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  length = 12345;
  EXPECT_EQ(TypeParam::aead_decrypt(&this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM, kNonce.data(),
                                    kNonce.size(), kAd.data(), kAd.size(), kMessage.data(), kMessage.size(), out,
                                    sizeof(out), &length),
            kForced);
  EXPECT_EQ(length, 0u);
  auto fresh_aead = Zero<typename TypeParam::Aead>();
  EXPECT_EQ(TypeParam::aead_encrypt_setup(&fresh_aead, &this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM),
            kForced);
  EXPECT_EQ(TypeParam::aead_decrypt_setup(&fresh_aead, &this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM),
            kForced);
  EXPECT_TRUE(IsAllZero(fresh_aead));
  EXPECT_EQ(TypeParam::aead_set_nonce(&aeads[0], kNonce.data(), kNonce.size()), kForced);
  EXPECT_EQ(TypeParam::aead_set_lengths(&aeads[1], kAd.size(), kMessage.size()), kForced);
  EXPECT_EQ(TypeParam::aead_update_ad(&aeads[2], kAd.data(), kAd.size()), kForced);
  length = 12345;
  EXPECT_EQ(TypeParam::aead_update(&aeads[3], kMessage.data(), kMessage.size(), out, sizeof(out), &length), kForced);
  EXPECT_EQ(length, 0u);
  size_t tag_length = 12345;
  length = 12345;
  uint8_t tag[16];
  EXPECT_EQ(TypeParam::aead_finish(&aeads[4], out, sizeof(out), &length, tag, sizeof(tag), &tag_length), kForced);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(tag_length, 0u);
  length = 12345;
  EXPECT_EQ(TypeParam::aead_verify(&aeads[5], out, sizeof(out), &length, tag, sizeof(tag)), kForced);
  EXPECT_EQ(length, 0u);
  for (const auto& operation : aeads) EXPECT_TRUE(IsAllZero(operation));
  EXPECT_EQ(TypeParam::aead_abort(&aeads[0]), kForced);

  const test_driver_counters_t& hits = this->hits();
  EXPECT_EQ(hits.mac_compute + hits.mac_verify + hits.mac_update + hits.mac_sign_finish + hits.mac_verify_finish +
                hits.mac_abort,
            6u);
  EXPECT_EQ(hits.mac_sign_setup + hits.mac_verify_setup, 2u);
  EXPECT_EQ(hits.cipher_encrypt + hits.cipher_decrypt + hits.cipher_encrypt_setup + hits.cipher_decrypt_setup +
                hits.cipher_set_iv + hits.cipher_update + hits.cipher_finish + hits.cipher_abort,
            8u);
  EXPECT_EQ(hits.aead_encrypt + hits.aead_decrypt + hits.aead_encrypt_setup + hits.aead_decrypt_setup +
                hits.aead_set_nonce + hits.aead_set_lengths + hits.aead_update_ad + hits.aead_update +
                hits.aead_finish + hits.aead_verify + hits.aead_abort,
            11u);
}

TYPED_TEST(TestDriverSymmetricTest, UnsupportedAlgIsDeclinedAtSetupAndInSinglePartCallsOnly) {
  // An operation set up before the algorithm is declined goes on.
  auto before = Zero<typename TypeParam::Mac>();
  ASSERT_EQ(TypeParam::mac_sign_setup(&before, &this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac), PSA_SUCCESS);
  this->hooks().unsupported_alg = kHmac;

  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 12345;
  EXPECT_EQ(TypeParam::mac_compute(&this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac, kMessage.data(),
                                   kMessage.size(), mac, sizeof(mac), &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(TypeParam::mac_verify(&this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac, kMessage.data(),
                                  kMessage.size(), mac, 32),
            PSA_ERROR_NOT_SUPPORTED);
  auto declined = Zero<typename TypeParam::Mac>();
  EXPECT_EQ(TypeParam::mac_sign_setup(&declined, &this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(TypeParam::mac_verify_setup(&declined, &this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_TRUE(IsAllZero(declined));

  ASSERT_EQ(TypeParam::mac_update(&before, kMessage.data(), kMessage.size()), PSA_SUCCESS);
  ASSERT_EQ(TypeParam::mac_sign_finish(&before, mac, sizeof(mac), &length), PSA_SUCCESS);
  EXPECT_EQ(Bytes(mac, mac + length), BuiltinMac());

  // Other algorithms are served.
  auto cipher = Zero<typename TypeParam::Cipher>();
  EXPECT_EQ(TypeParam::cipher_encrypt_setup(&cipher, &this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR),
            PSA_SUCCESS);
  EXPECT_EQ(TypeParam::cipher_abort(&cipher), PSA_SUCCESS);
  this->hooks().unsupported_alg = PSA_ALG_GCM;
  auto aead = Zero<typename TypeParam::Aead>();
  EXPECT_EQ(TypeParam::aead_encrypt_setup(&aead, &this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(TypeParam::aead_decrypt(&this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_GCM, kNonce.data(),
                                    kNonce.size(), nullptr, 0, kMessage.data(), kMessage.size(), mac, sizeof(mac),
                                    &length),
            PSA_ERROR_NOT_SUPPORTED);
  this->hooks().unsupported_alg = PSA_ALG_CTR;
  EXPECT_EQ(TypeParam::cipher_decrypt(&this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR, kMessage.data(),
                                      kMessage.size(), mac, sizeof(mac), &length),
            PSA_ERROR_NOT_SUPPORTED);
  // The forced status takes precedence.
  this->hooks().forced_status = kForced;
  EXPECT_EQ(TypeParam::cipher_encrypt_setup(&cipher, &this->aes_, kAesKey.data(), kAesKey.size(), PSA_ALG_CTR),
            kForced);
}

TYPED_TEST(TestDriverSymmetricTest, BuiltinErrorsPassThrough) {
  // A key too short for AES, a wrong MAC: the builtin driver's statuses.
  const Bytes short_key = Pattern(15, 7);
  psa_key_attributes_t attributes = Attributes(PSA_KEY_TYPE_AES, short_key);
  auto operation = Zero<typename TypeParam::Cipher>();
  EXPECT_EQ(TypeParam::cipher_encrypt_setup(&operation, &attributes, short_key.data(), short_key.size(),
                                            PSA_ALG_CTR),
            PSA_ERROR_INVALID_ARGUMENT);
  Bytes mac = BuiltinMac();
  mac.back() ^= 1;
  EXPECT_EQ(TypeParam::mac_verify(&this->hmac_, kHmacKey.data(), kHmacKey.size(), kHmac, kMessage.data(),
                                  kMessage.size(), mac.data(), mac.size()),
            PSA_ERROR_INVALID_SIGNATURE);
}

}  // namespace
}  // namespace drivers::test
