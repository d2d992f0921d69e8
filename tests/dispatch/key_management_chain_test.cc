// Build: test_a_keys (SECP_R1 256/384, fallback), test_b_keys (every ECC
// family and size, fallback), builtin: a chain of two fallback drivers
// before the builtin code, for the key-management entry points.

#include "tests/dispatch/key_management_test_util.h"

namespace psa::testing {
namespace {

const int kRegistered = (keys_testing::RegisterStorageEnvironment(), 0);

using ChainKeyDispatch = KeyDispatchTest;

TEST_F(ChainKeyDispatch, FirstMatchingDriverServes) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 256, &key));
  EXPECT_EQ(ServedBy(), "test_a_keys");
  EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
  EXPECT_EQ(test_b_hooks.hits.import_key, 0u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(ChainKeyDispatch, SizeOutsideTestAGoesToTestB) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("secp521r1", false, 521, &key));
  EXPECT_EQ(ServedBy(), "test_b_keys");
  EXPECT_EQ(test_a_hooks.hits.import_key, 0u);
  EXPECT_EQ(test_b_hooks.hits.import_key, 1u);
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::ExportPublic(key, &exported));
  EXPECT_EQ(ServedBy(), "test_b_keys");
  EXPECT_EQ(ToHex(exported), KeyVector("secp521r1").public_hex);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(ChainKeyDispatch, OtherFamiliesGoToTestBAndRsaToBuiltin) {
  for (const char* name : {"secp256k1", "brainpoolP384r1", "x448"}) {
    SCOPED_TRACE(name);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_PSA(PSA_SUCCESS, ImportVector(name, false, 0, &key));
    EXPECT_EQ(ServedBy(), "test_b_keys");
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("rsa2048", false, 0, &key));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  EXPECT_EQ(test_a_hooks.hits.import_key, 0u);
  EXPECT_EQ(test_b_hooks.hits.import_key, 3u);
}

TEST_F(ChainKeyDispatch, DeclinedByTestAThenTestB) {
  test_a_hooks.unsupported_key_type = kP256Pair;
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 256, &key));
  EXPECT_EQ(ServedBy(), "test_b_keys");
  EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
  EXPECT_EQ(test_b_hooks.hits.import_key, 1u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));

  test_b_hooks.unsupported_key_type = kP256Pair;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 256, &key));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.import_key, 2u);
  EXPECT_EQ(test_b_hooks.hits.import_key, 2u);
  Bytes exported;
  EXPECT_PSA(PSA_SUCCESS, keys_testing::Export(key, &exported));
  EXPECT_EQ(ToHex(exported), KeyVector("prime256v1").pair_hex);

  // The same chain for the public key and for generation.
  ASSERT_PSA(PSA_SUCCESS, keys_testing::ExportPublic(key, &exported));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.export_public_key, 1u);
  EXPECT_EQ(test_b_hooks.hits.export_public_key, 1u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));

  const psa_key_attributes_t attributes = MakeAttributes(kP256Pair, 384, kExportable, PSA_ALG_NONE);
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&attributes, &key));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.generate_key, 1u);
  EXPECT_EQ(test_b_hooks.hits.generate_key, 1u);
  EXPECT_EQ(KeyBits(key), 384u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(ChainKeyDispatch, ErrorOfTheSecondDriverStopsTheChain) {
  test_a_hooks.unsupported_key_type = kP256Pair;
  test_b_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  psa_key_id_t key = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, ImportVector("prime256v1", false, 256, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
  EXPECT_EQ(test_b_hooks.hits.import_key, 1u);
}

}  // namespace
}  // namespace psa::testing
