// psa_get_key_attributes, psa_reset_key_attributes and the attribute
// accessors, against the real library.

#include <gtest/gtest.h>
#include <string.h>

#include "psa/core/keys/testing/key_test_util.h"
#include "psa/crypto.h"

namespace psa::core::keys {
namespace {

using testing::MakeAttributes;
using testing::PatternBytes;

class KeyAttributesTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = testing::ResetKeyStore(); }
  std::string directory_;
};

void ExpectFreshlyInitialized(const psa_key_attributes_t& attributes) {
  EXPECT_EQ(psa_get_key_type(&attributes), PSA_KEY_TYPE_NONE);
  EXPECT_EQ(psa_get_key_bits(&attributes), 0u);
  EXPECT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_VOLATILE);
  EXPECT_EQ(psa_get_key_id(&attributes), PSA_KEY_ID_NULL);
  EXPECT_EQ(psa_get_key_usage_flags(&attributes), 0u);
  EXPECT_EQ(psa_get_key_algorithm(&attributes), PSA_ALG_NONE);
}

TEST_F(KeyAttributesTest, AllInitializersAgree) {
  const psa_key_attributes_t from_macro = PSA_KEY_ATTRIBUTES_INIT;
  const psa_key_attributes_t from_function = psa_key_attributes_init();
  psa_key_attributes_t zeroed;
  memset(&zeroed, 0, sizeof(zeroed));
  static psa_key_attributes_t static_object;
  ExpectFreshlyInitialized(from_macro);
  ExpectFreshlyInitialized(from_function);
  ExpectFreshlyInitialized(zeroed);
  ExpectFreshlyInitialized(static_object);
}

TEST_F(KeyAttributesTest, SettersAndGettersRoundTrip) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
  psa_set_key_bits(&attributes, 256);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_ENCRYPT);
  psa_set_key_algorithm(&attributes, PSA_ALG_CTR);
  EXPECT_EQ(psa_get_key_type(&attributes), PSA_KEY_TYPE_AES);
  EXPECT_EQ(psa_get_key_bits(&attributes), 256u);
  EXPECT_EQ(psa_get_key_usage_flags(&attributes), PSA_KEY_USAGE_ENCRYPT);
  EXPECT_EQ(psa_get_key_algorithm(&attributes), PSA_ALG_CTR);
}

TEST_F(KeyAttributesTest, SetKeyIdMakesAVolatileKeyPersistentInItsLocation) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  const psa_key_lifetime_t volatile_elsewhere =
      PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
          PSA_KEY_PERSISTENCE_VOLATILE, 0x800001);
  psa_set_key_lifetime(&attributes, volatile_elsewhere);
  psa_set_key_id(&attributes, 0x1234);
  EXPECT_EQ(psa_get_key_id(&attributes), 0x1234u);
  EXPECT_EQ(psa_get_key_lifetime(&attributes),
            PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                PSA_KEY_PERSISTENCE_DEFAULT, 0x800001));
  // A persistence level already set is kept.
  const psa_key_lifetime_t level_7 =
      PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(7, 0);
  psa_set_key_lifetime(&attributes, level_7);
  psa_set_key_id(&attributes, 5);
  EXPECT_EQ(psa_get_key_lifetime(&attributes), level_7);
}

TEST_F(KeyAttributesTest, SetVolatileLifetimeClearsTheId) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_id(&attributes, 0x1234);
  psa_set_key_lifetime(&attributes, PSA_KEY_LIFETIME_VOLATILE);
  EXPECT_EQ(psa_get_key_id(&attributes), PSA_KEY_ID_NULL);
}

TEST_F(KeyAttributesTest, ResetReturnsToTheInitialState) {
  psa_key_attributes_t attributes =
      MakeAttributes(PSA_KEY_TYPE_HMAC, 128, PSA_KEY_USAGE_SIGN_HASH,
                     PSA_ALG_HMAC(PSA_ALG_SHA_256), 9);
  psa_reset_key_attributes(&attributes);
  ExpectFreshlyInitialized(attributes);
}

TEST_F(KeyAttributesTest, GetReportsTheKeysAttributesWithImpliedUsages) {
  const psa_key_attributes_t requested = MakeAttributes(
      PSA_KEY_TYPE_HMAC, 0, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_EXPORT,
      PSA_ALG_HMAC(PSA_ALG_SHA_256));
  const psa_key_id_t key = testing::ImportOrFail(requested, PatternBytes(20, 1));
  ASSERT_NE(key, PSA_KEY_ID_NULL);

  // Garbage in: the function resets the object first.
  psa_key_attributes_t attributes = MakeAttributes(
      PSA_KEY_TYPE_AES, 999, PSA_KEY_USAGE_DECRYPT, PSA_ALG_CBC_NO_PADDING, 3);
  ASSERT_EQ(psa_get_key_attributes(key, &attributes), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_type(&attributes), PSA_KEY_TYPE_HMAC);
  EXPECT_EQ(psa_get_key_bits(&attributes), 160u);
  EXPECT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_VOLATILE);
  EXPECT_EQ(psa_get_key_id(&attributes), key);
  EXPECT_EQ(psa_get_key_usage_flags(&attributes),
            PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE |
                PSA_KEY_USAGE_EXPORT);
  EXPECT_EQ(psa_get_key_algorithm(&attributes), PSA_ALG_HMAC(PSA_ALG_SHA_256));
  psa_reset_key_attributes(&attributes);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyAttributesTest, GetReportsAPersistentKeysLifetimeAndId) {
  const psa_key_attributes_t requested =
      MakeAttributes(PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_VERIFY_HASH,
                     PSA_ALG_CMAC, 0x42);
  const psa_key_id_t key = testing::ImportOrFail(requested, PatternBytes(16, 2));
  ASSERT_EQ(key, 0x42u);
  psa_key_attributes_t attributes = psa_key_attributes_init();
  ASSERT_EQ(psa_get_key_attributes(key, &attributes), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_PERSISTENT);
  EXPECT_EQ(psa_get_key_id(&attributes), 0x42u);
  EXPECT_EQ(psa_get_key_bits(&attributes), 128u);
  EXPECT_EQ(psa_get_key_usage_flags(&attributes),
            PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_VERIFY_MESSAGE);
  EXPECT_EQ(psa_destroy_key(key), PSA_SUCCESS);
}

TEST_F(KeyAttributesTest, GetOfAnInvalidKeyFailsAndResetsTheObject) {
  const psa_key_id_t invalid[] = {PSA_KEY_ID_NULL, 1, PSA_KEY_ID_USER_MAX,
                                  PSA_KEY_ID_VENDOR_MIN, PSA_KEY_ID_VENDOR_MAX,
                                  PSA_KEY_ID_VENDOR_MAX + 1, 0xffffffff};
  for (psa_key_id_t id : invalid) {
    psa_key_attributes_t attributes = MakeAttributes(
        PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CTR, 5);
    EXPECT_EQ(psa_get_key_attributes(id, &attributes),
              PSA_ERROR_INVALID_HANDLE)
        << std::hex << id;
    ExpectFreshlyInitialized(attributes);
  }
}

TEST_F(KeyAttributesTest, GetOfADestroyedKeyFails) {
  const psa_key_id_t key = testing::ImportOrFail(
      MakeAttributes(PSA_KEY_TYPE_RAW_DATA, 0, 0, PSA_ALG_NONE),
      PatternBytes(3, 3));
  ASSERT_EQ(psa_destroy_key(key), PSA_SUCCESS);
  psa_key_attributes_t attributes = psa_key_attributes_init();
  EXPECT_EQ(psa_get_key_attributes(key, &attributes), PSA_ERROR_INVALID_HANDLE);
  ExpectFreshlyInitialized(attributes);
}

}  // namespace
}  // namespace psa::core::keys
