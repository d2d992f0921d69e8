// Build: test_a_keys_no_fallback (SECP_R1 256/384 key management, no
// "fallback"), then builtin.
//
// Driver interface, "Fallback": "If a transparent driver entry point is part
// of a capability where the "fallback" property is false or omitted, the
// core should not include any other code for this capability": the driver's
// NOT_SUPPORTED, and any other error, reaches the caller.

#include "tests/dispatch/key_management_test_util.h"

namespace psa::testing {
namespace {

const int kRegistered = (keys_testing::RegisterStorageEnvironment(), 0);

using NoFallbackKeyDispatch = KeyDispatchTest;

TEST_F(NoFallbackKeyDispatch, DriverServesWhatItDeclares) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 256, &key));
  EXPECT_EQ(ServedBy(), "test_a_keys_no_fallback");
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::ExportPublic(key, &exported));
  EXPECT_EQ(ServedBy(), "test_a_keys_no_fallback");
  EXPECT_EQ(ToHex(exported), KeyVector("prime256v1").public_hex);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
  EXPECT_EQ(test_a_hooks.hits.export_public_key, 1u);
}

TEST_F(NoFallbackKeyDispatch, DeclinedImportIsNotSupported) {
  test_a_hooks.unsupported_key_type = kP256Pair;
  psa_key_id_t key = 0x5a5a5a5a;
  // Builtin could import this key, but test_a's capability has no fallback.
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, ImportVector("prime256v1", false, 256, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
}

TEST_F(NoFallbackKeyDispatch, DeclinedGenerateIsNotSupported) {
  test_a_hooks.unsupported_key_type = kP256Pair;
  const psa_key_attributes_t attributes = MakeAttributes(kP256Pair, 384, kExportable, PSA_ALG_NONE);
  psa_key_id_t key = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, psa_generate_key(&attributes, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  EXPECT_EQ(test_a_hooks.hits.generate_key, 1u);
}

TEST_F(NoFallbackKeyDispatch, DeclinedExportPublicKeyIsNotSupported) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 256, &key));
  test_a_hooks.unsupported_key_type = kP256Pair;
  Bytes exported;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, keys_testing::ExportPublic(key, &exported));
  EXPECT_TRUE(exported.empty());
  EXPECT_EQ(test_a_hooks.hits.export_public_key, 1u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(NoFallbackKeyDispatch, DriverErrorReachesTheCaller) {
  test_a_hooks.forced_status = PSA_ERROR_INSUFFICIENT_MEMORY;
  psa_key_id_t key = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_INSUFFICIENT_MEMORY, ImportVector("secp384r1", true, 384, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
}

TEST_F(NoFallbackKeyDispatch, SizesAndTypesOutsideTheCapabilityGoToBuiltin) {
  for (const char* name : {"secp521r1", "prime192v1", "secp256k1", "rsa1024"}) {
    SCOPED_TRACE(name);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_PSA(PSA_SUCCESS, ImportVector(name, false, KeyVector(name).bits, &key));
    EXPECT_EQ(ServedBy(), "builtin");
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
  EXPECT_EQ(test_a_hooks.hits.import_key, 0u);
}

// Import with bits 0: the size is unknown when the capability is chosen, so
// the driver is asked; a key of a size outside its "key_sizes" is not its
// to keep (the result is wiped) and the next driver serves it, even without
// "fallback" (the capability did not apply).
TEST_F(NoFallbackKeyDispatch, ImportOfUnknownSizeOutsideKeySizesGoesToBuiltin) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("secp521r1", false, 0, &key));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(KeyBits(key), 521u);
  EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));

  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 0, &key));
  EXPECT_EQ(ServedBy(), "test_a_keys_no_fallback");
  EXPECT_EQ(KeyBits(key), 256u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

}  // namespace
}  // namespace psa::testing
