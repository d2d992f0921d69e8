#include "psa/core/keys/lifetime.h"

#include <gtest/gtest.h>

namespace psa::core::keys {
namespace {

psa_key_attributes_t WithLifetimeAndId(psa_key_lifetime_t lifetime,
                                       psa_key_id_t id) {
  // Set the fields directly: the accessors would tidy up contradictions
  // that the validation must catch.
  psa_key_attributes_t attributes = psa_key_attributes_init();
  attributes.lifetime = lifetime;
  attributes.id = id;
  return attributes;
}

constexpr psa_key_lifetime_t Lifetime(psa_key_persistence_t persistence,
                                      psa_key_location_t location) {
  return PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(persistence, location);
}

TEST(KeyIdRanges, VolatileRangeIsTheTopOfTheVendorRange) {
  EXPECT_FALSE(IsVolatileKeyId(PSA_KEY_ID_NULL));
  EXPECT_FALSE(IsVolatileKeyId(PSA_KEY_ID_USER_MAX));
  EXPECT_FALSE(IsVolatileKeyId(PSA_KEY_ID_VENDOR_MIN));
  EXPECT_FALSE(IsVolatileKeyId(kVolatileKeyIdMin - 1));
  EXPECT_TRUE(IsVolatileKeyId(kVolatileKeyIdMin));
  EXPECT_TRUE(IsVolatileKeyId(PSA_KEY_ID_VENDOR_MAX));
  EXPECT_FALSE(IsVolatileKeyId(PSA_KEY_ID_VENDOR_MAX + 1));
  EXPECT_FALSE(IsVolatileKeyId(0xffffffff));
}

TEST(KeyIdRanges, PersistentKeysLiveInTheUserAndLowerVendorRanges) {
  EXPECT_FALSE(IsPersistentKeyId(PSA_KEY_ID_NULL));
  EXPECT_TRUE(IsPersistentKeyId(PSA_KEY_ID_USER_MIN));
  EXPECT_TRUE(IsPersistentKeyId(PSA_KEY_ID_USER_MAX));
  EXPECT_TRUE(IsPersistentKeyId(PSA_KEY_ID_VENDOR_MIN));
  EXPECT_TRUE(IsPersistentKeyId(kVolatileKeyIdMin - 1));
  EXPECT_FALSE(IsPersistentKeyId(kVolatileKeyIdMin));
  EXPECT_FALSE(IsPersistentKeyId(PSA_KEY_ID_VENDOR_MAX));
  EXPECT_FALSE(IsPersistentKeyId(PSA_KEY_ID_VENDOR_MAX + 1));
  EXPECT_FALSE(IsPersistentKeyId(0xffffffff));
}

TEST(ValidateNewKeyLifetimeAndId, VolatileKeysNeedTheNullId) {
  EXPECT_EQ(ValidateNewKeyLifetimeAndId(
                WithLifetimeAndId(PSA_KEY_LIFETIME_VOLATILE, PSA_KEY_ID_NULL)),
            PSA_SUCCESS);
  EXPECT_EQ(ValidateNewKeyLifetimeAndId(
                WithLifetimeAndId(PSA_KEY_LIFETIME_VOLATILE, 1)),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ValidateNewKeyLifetimeAndId(WithLifetimeAndId(
                PSA_KEY_LIFETIME_VOLATILE, kVolatileKeyIdMin)),
            PSA_ERROR_INVALID_ARGUMENT);
  // Volatile in another location: the same rule.
  EXPECT_EQ(ValidateNewKeyLifetimeAndId(WithLifetimeAndId(
                Lifetime(PSA_KEY_PERSISTENCE_VOLATILE, 0x800001), 0)),
            PSA_SUCCESS);
}

TEST(ValidateNewKeyLifetimeAndId, PersistentKeysNeedAUserId) {
  const psa_key_id_t valid[] = {PSA_KEY_ID_USER_MIN, 0x1234,
                                PSA_KEY_ID_USER_MAX};
  for (psa_key_id_t id : valid) {
    EXPECT_EQ(ValidateNewKeyLifetimeAndId(
                  WithLifetimeAndId(PSA_KEY_LIFETIME_PERSISTENT, id)),
              PSA_SUCCESS)
        << std::hex << id;
  }
  const psa_key_id_t invalid[] = {PSA_KEY_ID_NULL, PSA_KEY_ID_VENDOR_MIN,
                                  kVolatileKeyIdMin, PSA_KEY_ID_VENDOR_MAX,
                                  PSA_KEY_ID_VENDOR_MAX + 1, 0xffffffff};
  for (psa_key_id_t id : invalid) {
    EXPECT_EQ(ValidateNewKeyLifetimeAndId(
                  WithLifetimeAndId(PSA_KEY_LIFETIME_PERSISTENT, id)),
              PSA_ERROR_INVALID_ARGUMENT)
        << std::hex << id;
  }
}

TEST(ValidateNewKeyLifetimeAndId, OtherPersistenceLevelsArePersistent) {
  for (psa_key_persistence_t level : {2, 127, 128, 254}) {
    EXPECT_EQ(ValidateNewKeyLifetimeAndId(WithLifetimeAndId(
                  Lifetime(level, PSA_KEY_LOCATION_LOCAL_STORAGE), 7)),
              PSA_SUCCESS)
        << level;
    EXPECT_EQ(ValidateNewKeyLifetimeAndId(WithLifetimeAndId(
                  Lifetime(level, PSA_KEY_LOCATION_LOCAL_STORAGE), 0)),
              PSA_ERROR_INVALID_ARGUMENT)
        << level;
  }
}

TEST(ValidateNewKeyLifetimeAndId, ReadOnlyKeysCannotBeCreated) {
  const psa_key_lifetime_t read_only = Lifetime(
      PSA_KEY_PERSISTENCE_READ_ONLY, PSA_KEY_LOCATION_LOCAL_STORAGE);
  EXPECT_TRUE(IsReadOnlyLifetime(read_only));
  EXPECT_FALSE(IsReadOnlyLifetime(PSA_KEY_LIFETIME_PERSISTENT));
  EXPECT_EQ(ValidateNewKeyLifetimeAndId(WithLifetimeAndId(read_only, 7)),
            PSA_ERROR_NOT_PERMITTED);
  // An invalid identifier is reported as such first.
  EXPECT_EQ(ValidateNewKeyLifetimeAndId(
                WithLifetimeAndId(read_only, PSA_KEY_ID_VENDOR_MIN)),
            PSA_ERROR_INVALID_ARGUMENT);
}

TEST(ValidateNewKeyLifetimeAndId, TheAccessorsProduceValidCombinations) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  EXPECT_EQ(ValidateNewKeyLifetimeAndId(attributes), PSA_SUCCESS);
  psa_set_key_id(&attributes, 42);
  EXPECT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_PERSISTENT);
  EXPECT_EQ(ValidateNewKeyLifetimeAndId(attributes), PSA_SUCCESS);
  psa_set_key_lifetime(&attributes, PSA_KEY_LIFETIME_VOLATILE);
  EXPECT_EQ(psa_get_key_id(&attributes), PSA_KEY_ID_NULL);
  EXPECT_EQ(ValidateNewKeyLifetimeAndId(attributes), PSA_SUCCESS);
}

}  // namespace
}  // namespace psa::core::keys
