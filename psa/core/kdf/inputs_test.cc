// The driver interface's accessors of key-derivation inputs over a
// collected inputs object: each input type, omitted and invalid steps, and
// the buffer size rule of get_input_bytes.

#include "psa/core/kdf/inputs.h"

#include <gtest/gtest.h>

#include <vector>

namespace psa::core::kdf {
namespace {

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(GetKdfRules(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256), &inputs_.rules), PSA_SUCCESS);
    Input* cost = inputs_.Find(PSA_KEY_DERIVATION_INPUT_COST);
    cost->type = PSA_KEY_DERIVATION_INPUT_TYPE_INTEGER;
    cost->integer = 4096;
    Input* salt = inputs_.Find(PSA_KEY_DERIVATION_INPUT_SALT);
    salt->type = PSA_KEY_DERIVATION_INPUT_TYPE_BYTES;
    ASSERT_TRUE(salt->data.Assign(kSalt, sizeof(kSalt)));
    Input* password = inputs_.Find(PSA_KEY_DERIVATION_INPUT_PASSWORD);
    password->type = PSA_KEY_DERIVATION_INPUT_TYPE_KEY;
    ASSERT_TRUE(password->data.Assign(kPassword, sizeof(kPassword)));
  }

  static constexpr uint8_t kSalt[4] = {1, 2, 3, 4};
  static constexpr uint8_t kPassword[3] = {9, 9, 9};
  psa_crypto_driver_key_derivation_inputs_t inputs_;
};

TEST_F(InputsTest, TypesOfEachStep) {
  EXPECT_EQ(psa_crypto_driver_key_derivation_get_input_type(&inputs_, PSA_KEY_DERIVATION_INPUT_COST),
            PSA_KEY_DERIVATION_INPUT_TYPE_INTEGER);
  EXPECT_EQ(psa_crypto_driver_key_derivation_get_input_type(&inputs_, PSA_KEY_DERIVATION_INPUT_SALT),
            PSA_KEY_DERIVATION_INPUT_TYPE_BYTES);
  EXPECT_EQ(psa_crypto_driver_key_derivation_get_input_type(&inputs_, PSA_KEY_DERIVATION_INPUT_PASSWORD),
            PSA_KEY_DERIVATION_INPUT_TYPE_KEY);
  EXPECT_EQ(psa_crypto_driver_key_derivation_get_input_type(&inputs_, PSA_KEY_DERIVATION_INPUT_SECRET),
            PSA_KEY_DERIVATION_INPUT_TYPE_INVALID);
}

TEST_F(InputsTest, OmittedOptionalStep) {
  psa_crypto_driver_key_derivation_inputs_t hkdf;
  ASSERT_EQ(GetKdfRules(PSA_ALG_HKDF(PSA_ALG_SHA_256), &hkdf.rules), PSA_SUCCESS);
  EXPECT_EQ(psa_crypto_driver_key_derivation_get_input_type(&hkdf, PSA_KEY_DERIVATION_INPUT_SALT),
            PSA_KEY_DERIVATION_INPUT_TYPE_OMITTED);
  size_t size = 1;
  EXPECT_EQ(psa_crypto_driver_key_derivation_get_input_size(&hkdf, PSA_KEY_DERIVATION_INPUT_SALT, &size),
            PSA_ERROR_INVALID_ARGUMENT);
}

TEST_F(InputsTest, BytesAreCopiedIntoALargeEnoughBuffer) {
  size_t size = 0;
  ASSERT_EQ(psa_crypto_driver_key_derivation_get_input_size(&inputs_, PSA_KEY_DERIVATION_INPUT_SALT, &size),
            PSA_SUCCESS);
  EXPECT_EQ(size, 4u);
  uint8_t buffer[4] = {0};
  size_t length = 7;
  EXPECT_EQ(psa_crypto_driver_key_derivation_get_input_bytes(&inputs_, PSA_KEY_DERIVATION_INPUT_SALT, buffer, 3,
                                                              &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  ASSERT_EQ(psa_crypto_driver_key_derivation_get_input_bytes(&inputs_, PSA_KEY_DERIVATION_INPUT_SALT, buffer, 4,
                                                              &length),
            PSA_SUCCESS);
  EXPECT_EQ(std::vector<uint8_t>(buffer, buffer + 4), std::vector<uint8_t>(kSalt, kSalt + 4));
  // The other accessors refuse a BYTES input.
  uint64_t value = 0;
  EXPECT_EQ(psa_crypto_driver_key_derivation_get_input_integer(&inputs_, PSA_KEY_DERIVATION_INPUT_SALT, &value),
            PSA_ERROR_INVALID_ARGUMENT);
}

TEST_F(InputsTest, KeyAndInteger) {
  uint8_t* key_buffer = nullptr;
  size_t key_buffer_size = 0;
  ASSERT_EQ(psa_crypto_driver_key_derivation_get_input_key(&inputs_, PSA_KEY_DERIVATION_INPUT_PASSWORD, nullptr,
                                                            &key_buffer, &key_buffer_size),
            PSA_SUCCESS);
  EXPECT_EQ(std::vector<uint8_t>(key_buffer, key_buffer + key_buffer_size),
            std::vector<uint8_t>(kPassword, kPassword + 3));
  uint8_t buffer[8];
  size_t length = 0;
  EXPECT_EQ(psa_crypto_driver_key_derivation_get_input_bytes(&inputs_, PSA_KEY_DERIVATION_INPUT_PASSWORD, buffer,
                                                              sizeof(buffer), &length),
            PSA_ERROR_INVALID_ARGUMENT);
  uint64_t value = 0;
  ASSERT_EQ(psa_crypto_driver_key_derivation_get_input_integer(&inputs_, PSA_KEY_DERIVATION_INPUT_COST, &value),
            PSA_SUCCESS);
  EXPECT_EQ(value, 4096u);
}

}  // namespace
}  // namespace psa::core::kdf
