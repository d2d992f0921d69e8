// Before psa_crypto_init(), every function of the MAC, cipher, AEAD and key-agreement
// families returns PSA_ERROR_BAD_STATE ("The library requires initializing
// by a call to psa_crypto_init()"), leaves operation objects as they were,
// writes nothing past its output buffers and releases no output. A binary
// of its own: initialization is process-wide.

#include <gtest/gtest.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "psa/crypto.h"

namespace {

constexpr uint8_t kCanary = 0xa5;

// Whether `size` bytes are all `value`.
bool All(const uint8_t* data, size_t size, uint8_t value) {
  for (size_t i = 0; i < size; ++i) {
    if (data[i] != value) return false;
  }
  return true;
}

// Nothing released into `output`: the canary, or wiped to zeros.
bool NothingReleased(const uint8_t* output, size_t size) { return All(output, size, kCanary) || All(output, size, 0); }

// Any identifier: no key exists before initialization. The algorithms are
// valid ones, so that only the state is wrong.
constexpr psa_key_id_t kKey = 1;
constexpr psa_algorithm_t kHmac = PSA_ALG_HMAC(PSA_ALG_SHA_256);

class Uninitialized : public ::testing::Test {
 protected:
  void SetUp() override { memset(output_, kCanary, sizeof(output_)); }
  // The output buffer the calls get: its first half; the rest is a guard.
  uint8_t* out() { return output_; }
  static constexpr size_t kOut = 64;
  bool Untouched() { return NothingReleased(output_, kOut) && All(output_ + kOut, kOut, kCanary); }

  const uint8_t input_[32] = {'a', 'b', 'c'};
  uint8_t output_[2 * kOut];
};

// The order of the tests matters: the last one initializes the library.
TEST_F(Uninitialized, MacFunctionsAreBadState) {
  size_t length = 0;
  EXPECT_EQ(psa_mac_compute(kKey, kHmac, input_, sizeof(input_), out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_mac_verify(kKey, kHmac, input_, sizeof(input_), input_, 32), PSA_ERROR_BAD_STATE);

  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  const psa_mac_operation_t init = PSA_MAC_OPERATION_INIT;
  EXPECT_EQ(psa_mac_sign_setup(&operation, kKey, kHmac), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &init, sizeof(init)), 0);
  EXPECT_EQ(psa_mac_verify_setup(&operation, kKey, kHmac), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &init, sizeof(init)), 0);
  EXPECT_EQ(psa_mac_update(&operation, input_, sizeof(input_)), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_mac_sign_finish(&operation, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_mac_verify_finish(&operation, input_, 32), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_mac_abort(&operation), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &init, sizeof(init)), 0);
}

TEST_F(Uninitialized, CipherFunctionsAreBadState) {
  size_t length = 0;
  EXPECT_EQ(psa_cipher_encrypt(kKey, PSA_ALG_CBC_NO_PADDING, input_, 16, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_cipher_decrypt(kKey, PSA_ALG_CBC_NO_PADDING, input_, 32, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());

  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  const psa_cipher_operation_t init = PSA_CIPHER_OPERATION_INIT;
  EXPECT_EQ(psa_cipher_encrypt_setup(&operation, kKey, PSA_ALG_CBC_NO_PADDING), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &init, sizeof(init)), 0);
  EXPECT_EQ(psa_cipher_decrypt_setup(&operation, kKey, PSA_ALG_CBC_NO_PADDING), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &init, sizeof(init)), 0);
  EXPECT_EQ(psa_cipher_generate_iv(&operation, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_cipher_set_iv(&operation, input_, 16), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_cipher_update(&operation, input_, 16, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_cipher_finish(&operation, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_cipher_abort(&operation), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &init, sizeof(init)), 0);
}

TEST_F(Uninitialized, AeadFunctionsAreBadState) {
  size_t length = 0, tag_length = 0;
  EXPECT_EQ(psa_aead_encrypt(kKey, PSA_ALG_GCM, input_, 12, input_, 4, input_, 16, out(), kOut, &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_aead_decrypt(kKey, PSA_ALG_GCM, input_, 12, input_, 4, input_, 32, out(), kOut, &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());

  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  const psa_aead_operation_t init = PSA_AEAD_OPERATION_INIT;
  EXPECT_EQ(psa_aead_encrypt_setup(&operation, kKey, PSA_ALG_GCM), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &init, sizeof(init)), 0);
  EXPECT_EQ(psa_aead_decrypt_setup(&operation, kKey, PSA_ALG_GCM), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &init, sizeof(init)), 0);
  EXPECT_EQ(psa_aead_set_lengths(&operation, 4, 16), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_aead_generate_nonce(&operation, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_aead_set_nonce(&operation, input_, 12), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_aead_update_ad(&operation, input_, 4), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_aead_update(&operation, input_, 16, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_aead_finish(&operation, out(), 16, &length, out() + 16, 16, &tag_length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_aead_verify(&operation, out(), kOut, &length, input_, 16), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_aead_abort(&operation), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(memcmp(&operation, &init, sizeof(init)), 0);
}

TEST_F(Uninitialized, KeyAgreementFunctionsAreBadState) {
  size_t length = 0;
  EXPECT_EQ(psa_raw_key_agreement(PSA_ALG_ECDH, kKey, input_, 32, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(Untouched());
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_DERIVE);
  psa_key_id_t key = 0x5eed;
  EXPECT_EQ(psa_key_agreement(kKey, input_, 32, PSA_ALG_ECDH, &attributes, &key), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
}

// The same calls work once the library is initialized (a key is needed for
// most; the abort functions and the state checks of inactive operations
// show the library is up).
TEST_F(Uninitialized, SignatureAndAsymmetricEncryptionFunctionsAreBadState) {
  const psa_algorithm_t ecdsa = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
  size_t length = 1;
  EXPECT_EQ(psa_sign_hash(kKey, ecdsa, input_, 32, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_verify_hash(kKey, ecdsa, input_, 32, input_, 32), PSA_ERROR_BAD_STATE);
  length = 1;
  EXPECT_EQ(psa_sign_message(kKey, ecdsa, input_, 3, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(Untouched());
  EXPECT_EQ(psa_verify_message(kKey, ecdsa, input_, 3, input_, 32), PSA_ERROR_BAD_STATE);
  const psa_algorithm_t oaep = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);
  length = 1;
  EXPECT_EQ(psa_asymmetric_encrypt(kKey, oaep, input_, 3, nullptr, 0, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(Untouched());
  length = 1;
  EXPECT_EQ(psa_asymmetric_decrypt(kKey, oaep, input_, 32, nullptr, 0, out(), kOut, &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(Untouched());
}

TEST_F(Uninitialized, ZzInitThenTheCallsWork) {
  // Key storage in the test's own directory.
  const char* tmp = getenv("TEST_TMPDIR");
  if (tmp != nullptr) {
    ASSERT_EQ(setenv("PSA_CRYPTO_STORAGE_DIR", tmp, 1), 0);
  }
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  psa_mac_operation_t mac = PSA_MAC_OPERATION_INIT;
  EXPECT_EQ(psa_mac_abort(&mac), PSA_SUCCESS);
  psa_cipher_operation_t cipher = PSA_CIPHER_OPERATION_INIT;
  EXPECT_EQ(psa_cipher_abort(&cipher), PSA_SUCCESS);
  psa_aead_operation_t aead = PSA_AEAD_OPERATION_INIT;
  EXPECT_EQ(psa_aead_abort(&aead), PSA_SUCCESS);

  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_HMAC);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_SIGN_MESSAGE);
  psa_set_key_algorithm(&attributes, kHmac);
  const uint8_t material[4] = {'J', 'e', 'f', 'e'};
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_import_key(&attributes, material, sizeof(material), &key), PSA_SUCCESS);
  size_t length = 0;
  EXPECT_EQ(psa_mac_compute(key, kHmac, input_, 3, out(), kOut, &length), PSA_SUCCESS);
  EXPECT_EQ(length, 32u);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

}  // namespace
