// Before psa_crypto_init() every key management function fails with
// PSA_ERROR_BAD_STATE and sets its outputs as on any failure; only
// psa_destroy_key(PSA_KEY_ID_NULL) succeeds, as the specification says it
// always does. A binary of its own: initialization is process-wide.

#include <gtest/gtest.h>

#include "psa/core/keys/key_store.h"
#include "psa/crypto.h"

namespace psa::core::keys {
namespace {

TEST(KeysBeforeInit, EveryFunctionFailsWithBadState) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
  psa_set_key_bits(&attributes, 128);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_EXPORT);
  const uint8_t data[16] = {1, 2, 3};
  psa_key_id_t key = 0x1234;
  EXPECT_EQ(psa_import_key(&attributes, data, sizeof(data), &key),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  key = 0x1234;
  EXPECT_EQ(psa_generate_key(&attributes, &key), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  key = 0x1234;
  EXPECT_EQ(psa_copy_key(1, &attributes, &key), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(key, PSA_KEY_ID_NULL);

  psa_key_attributes_t queried = attributes;
  EXPECT_EQ(psa_get_key_attributes(1, &queried), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_get_key_type(&queried), PSA_KEY_TYPE_NONE);
  EXPECT_EQ(psa_get_key_bits(&queried), 0u);

  uint8_t out[16] = {0xaa, 0xaa};
  size_t length = 99;
  EXPECT_EQ(psa_export_key(1, out, sizeof(out), &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(out[0], 0);
  length = 99;
  EXPECT_EQ(psa_export_public_key(1, out, sizeof(out), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);

  EXPECT_EQ(psa_destroy_key(1), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_purge_key(1), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(psa_destroy_key(PSA_KEY_ID_NULL), PSA_SUCCESS);

  KeyHandle handle;
  EXPECT_EQ(AcquireKey(1, 0, PSA_ALG_NONE, &handle), PSA_ERROR_BAD_STATE);
  EXPECT_FALSE(handle.valid());

  // The attribute functions need no library state.
  psa_reset_key_attributes(&attributes);
  EXPECT_EQ(psa_get_key_type(&attributes), PSA_KEY_TYPE_NONE);
}

}  // namespace
}  // namespace psa::core::keys
