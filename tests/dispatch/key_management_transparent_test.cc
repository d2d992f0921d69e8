// Build: test_a_keys (transparent; import_key, generate_key,
// export_public_key for SECP_R1 key pairs and public keys of 256 and 384
// bits, with fallback), then builtin.
//
// The driver interface ("Key management with transparent drivers",
// "Fallback"): transparent drivers import asymmetric keys, generate key
// pairs and export public keys, for the key types and sizes their
// capability names; NOT_SUPPORTED from a fallback capability moves on to the
// next driver and finally builtin code; any other status is the result.
// Transparent drivers never see symmetric keys, exports of key material,
// copies or destructions.

#include "tests/dispatch/key_management_test_util.h"

namespace psa::testing {
namespace {

const int kRegistered = (keys_testing::RegisterStorageEnvironment(), 0);

using TransparentKeyDispatch = KeyDispatchTest;

TEST_F(TransparentKeyDispatch, P256KeyPairImportGoesToTestA) {
  for (size_t bits : {size_t{0}, size_t{256}}) {
    SCOPED_TRACE(bits);
    ResetCounters();
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, bits, &key));
    EXPECT_EQ(ServedBy(), "test_a_keys");
    EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
    EXPECT_EQ(KeyBits(key), 256u);
    Bytes exported;
    EXPECT_PSA(PSA_SUCCESS, keys_testing::Export(key, &exported));
    EXPECT_EQ(ToHex(exported), KeyVector("prime256v1").pair_hex);
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
}

TEST_F(TransparentKeyDispatch, P384PublicKeyImportGoesToTestA) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("secp384r1", true, 384, &key));
  EXPECT_EQ(ServedBy(), "test_a_keys");
  EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
  Bytes exported;
  EXPECT_PSA(PSA_SUCCESS, keys_testing::Export(key, &exported));
  EXPECT_EQ(ToHex(exported), KeyVector("secp384r1").public_hex);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(TransparentKeyDispatch, SizeOutsideKeySizesSkipsTestA) {
  // 521 bits is not in test_a's "key_sizes" [256, 384].
  for (bool public_only : {false, true}) {
    SCOPED_TRACE(public_only);
    ResetCounters();
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_PSA(PSA_SUCCESS, ImportVector("secp521r1", public_only, 521, &key));
    EXPECT_EQ(ServedBy(), "builtin");
    EXPECT_EQ(test_a_hooks.hits.import_key, 0u);
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
  for (const char* name : {"prime192v1", "secp224r1"}) {
    SCOPED_TRACE(name);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_PSA(PSA_SUCCESS, ImportVector(name, false, KeyVector(name).bits, &key));
    EXPECT_EQ(ServedBy(), "builtin");
    EXPECT_EQ(test_a_hooks.hits.import_key, 0u);
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
}

TEST_F(TransparentKeyDispatch, ImportWithUnknownSizeIsStillRight) {
  // With bits 0 the core cannot filter by key_sizes; whichever driver
  // serves must determine the size from the data (driver interface, "Key
  // size determination on import").
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("secp521r1", false, 0, &key));
  EXPECT_EQ(KeyBits(key), 521u);
  Bytes exported;
  EXPECT_PSA(PSA_SUCCESS, keys_testing::ExportPublic(key, &exported));
  EXPECT_EQ(ToHex(exported), KeyVector("secp521r1").public_hex);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(TransparentKeyDispatch, OtherKeyTypesSkipTestA) {
  for (const char* name : {"secp256k1", "brainpoolP256r1", "x25519", "rsa2048"}) {
    SCOPED_TRACE(name);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_PSA(PSA_SUCCESS, ImportVector(name, false, 0, &key));
    EXPECT_EQ(ServedBy(), "builtin");
    Bytes exported;
    EXPECT_PSA(PSA_SUCCESS, keys_testing::ExportPublic(key, &exported));
    EXPECT_EQ(ServedBy(), "builtin");
    EXPECT_EQ(ToHex(exported), KeyVector(name).public_hex);
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
  EXPECT_EQ(test_a_hooks.hits.import_key, 0u);
  EXPECT_EQ(test_a_hooks.hits.export_public_key, 0u);
}

TEST_F(TransparentKeyDispatch, SymmetricKeysNeverReachTransparentDrivers) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Import(MakeAttributes(PSA_KEY_TYPE_AES, 0, kExportable, PSA_ALG_NONE),
                                               keys_testing::PatternBytes(16, 1), &key));
  const psa_key_attributes_t attributes = MakeAttributes(PSA_KEY_TYPE_HMAC, 256, kExportable, PSA_ALG_NONE);
  psa_key_id_t generated = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&attributes, &generated));
  EXPECT_EQ(test_a_hooks.hits.import_key, 0u);
  EXPECT_EQ(test_a_hooks.hits.generate_key, 0u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(generated));
}

TEST_F(TransparentKeyDispatch, DeclinedImportFallsBackToBuiltin) {
  test_a_hooks.unsupported_key_type = kP256Pair;
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 256, &key));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
  Bytes exported;
  EXPECT_PSA(PSA_SUCCESS, keys_testing::Export(key, &exported));
  EXPECT_EQ(ToHex(exported), KeyVector("prime256v1").pair_hex);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  // The public key type is not declined.
  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", true, 256, &key));
  EXPECT_EQ(ServedBy(), "test_a_keys");
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(TransparentKeyDispatch, DriverErrorStopsTheChain) {
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  psa_key_id_t key = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, ImportVector("prime256v1", false, 256, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  const psa_key_attributes_t attributes = MakeAttributes(kP256Pair, 256, kExportable, PSA_ALG_NONE);
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, psa_generate_key(&attributes, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
  EXPECT_EQ(test_a_hooks.hits.generate_key, 1u);
}

TEST_F(TransparentKeyDispatch, GenerateGoesToTestAForItsSizesOnly) {
  for (size_t bits : {size_t{256}, size_t{384}, size_t{521}, size_t{224}}) {
    SCOPED_TRACE(bits);
    ResetCounters();
    const psa_key_attributes_t attributes = MakeAttributes(kP256Pair, bits, kExportable, PSA_ALG_NONE);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&attributes, &key));
    const bool for_test_a = bits == 256 || bits == 384;
    EXPECT_EQ(ServedBy(), for_test_a ? "test_a_keys" : "builtin");
    EXPECT_EQ(test_a_hooks.hits.generate_key, for_test_a ? 1u : 0u);
    EXPECT_EQ(KeyBits(key), bits);
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
}

TEST_F(TransparentKeyDispatch, DeclinedGenerateFallsBackToBuiltin) {
  test_a_hooks.unsupported_key_type = kP256Pair;
  const psa_key_attributes_t attributes = MakeAttributes(kP256Pair, 256, kExportable, PSA_ALG_NONE);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&attributes, &key));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.generate_key, 1u);
  EXPECT_EQ(KeyBits(key), 256u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(TransparentKeyDispatch, ExportPublicKeyOfAKeyPairGoesToTestA) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 0, &key));
  ResetCounters();
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::ExportPublic(key, &exported));
  EXPECT_EQ(ServedBy(), "test_a_keys");
  EXPECT_EQ(test_a_hooks.hits.export_public_key, 1u);
  EXPECT_EQ(ToHex(exported), KeyVector("prime256v1").public_hex);

  // Declined: builtin computes the same public key.
  test_a_hooks.unsupported_key_type = kP256Pair;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::ExportPublic(key, &exported));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.export_public_key, 2u);
  EXPECT_EQ(ToHex(exported), KeyVector("prime256v1").public_hex);

  // Failed: the caller gets the error and no output.
  test_a_hooks.unsupported_key_type = 0;
  test_a_hooks.forced_status = PSA_ERROR_COMMUNICATION_FAILURE;
  EXPECT_PSA(PSA_ERROR_COMMUNICATION_FAILURE, keys_testing::ExportPublic(key, &exported));
  EXPECT_TRUE(exported.empty());

  // Exporting the key pair itself calls no driver.
  test_a_hooks.forced_status = PSA_SUCCESS;
  ResetCounters();
  EXPECT_PSA(PSA_SUCCESS, keys_testing::Export(key, &exported));
  EXPECT_EQ(test_a_hooks.hits.export_public_key + test_a_hooks.hits.import_key, 0u);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_F(TransparentKeyDispatch, CopyAndDestroyCallNoTransparentDriver) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, ImportVector("prime256v1", false, 0, &key));
  ResetCounters();
  const psa_key_attributes_t target = MakeAttributes(PSA_KEY_TYPE_NONE, 0, kExportable, PSA_ALG_NONE);
  psa_key_id_t copy = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_copy_key(key, &target, &copy));
  Bytes exported;
  EXPECT_PSA(PSA_SUCCESS, keys_testing::Export(copy, &exported));
  EXPECT_EQ(ToHex(exported), KeyVector("prime256v1").pair_hex);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(copy));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  EXPECT_EQ(test_a_hooks.hits.import_key, 0u);
  EXPECT_EQ(test_a_hooks.hits.generate_key, 0u);
  EXPECT_EQ(test_a_hooks.hits.export_public_key, 0u);
}

TEST_F(TransparentKeyDispatch, InvalidKeyFromTheDriverIsRejected) {
  // test_a validates like builtin: an off-curve point is refused by the
  // driver that serves it, and no key is created.
  Bytes point = FromHex(KeyVector("prime256v1").public_hex);
  point.back() ^= 1;
  psa_key_id_t key = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_INVALID_ARGUMENT,
             keys_testing::Import(MakeAttributes(kSecpR1Public, 0, 0, PSA_ALG_NONE), point, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  EXPECT_EQ(test_a_hooks.hits.import_key, 1u);
}

}  // namespace
}  // namespace psa::testing
