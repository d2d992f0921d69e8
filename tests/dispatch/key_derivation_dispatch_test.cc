// Build: test_a_kdf (transparent: key_derivation for HKDF-SHA-256 and the
// TLS 1.2 PRF with SHA-256 on DERIVE secrets, derive_key for P-256 key
// pairs; fallback), test_opaque_kdf (opaque, location 0x800001: the
// key_derivation family with set_capacity and verify_bytes),
// test_opaque_static (opaque, location 0x800002: key management only),
// builtin (derive_key; no key_derivation).
//
// Driver interface, "Key derivation driver dispatch logic": a secret in an
// opaque location goes to that location's driver; if the driver does not
// implement the derivation the core exports the secret; then a transparent
// driver that declares the algorithm; otherwise, or on fallback, the core's
// own implementation. Cooked keys are made by a transparent "derive_key"
// from the derivation's output. Every result is checked against the
// RFC 5869 and TLS 1.2 PRF known answers, which is also what the core's own
// derivation gives.

#include <algorithm>

#include "tests/dispatch/derivation_test_util.h"

namespace psa::testing {
namespace {

constexpr psa_key_usage_t kDeriveUsage = PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_VERIFY_DERIVATION;

template <typename Counters>
unsigned long KdfCalls(const Counters& c) {
  return c.key_derivation_setup + c.key_derivation_input_step + c.key_derivation_output_bytes +
         c.key_derivation_abort;
}

class KeyDerivationDispatch : public DerivationDispatchTest {
 protected:
  // The RFC 5869 IKM as a DERIVE key in `location`.
  psa_key_id_t IkmKey(psa_key_location_t location) {
    return Key(PSA_KEY_TYPE_DERIVE, Rfc5869Case1::Ikm(), kHkdfSha256, kDeriveUsage, location);
  }

  // A P-256 key pair derived with HKDF-SHA-256 from the RFC 5869 inputs
  // (the IKM as a transparent key: output_key needs a key secret).
  psa_status_t DeriveP256Key(psa_algorithm_t alg, psa_key_id_t* key) {
    *key = PSA_KEY_ID_NULL;
    const psa_key_id_t secret =
        PSA_ALG_IS_HKDF_EXPAND(alg)
            ? Key(PSA_KEY_TYPE_DERIVE, Rfc5869Case1::Prk(), alg, kDeriveUsage)
            : IkmKey(PSA_KEY_LOCATION_LOCAL_STORAGE);
    psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_status_t status = StartHkdf(&operation, alg, SecretKey(secret));
    psa_key_attributes_t attributes = psa_key_attributes_init();
    psa_set_key_type(&attributes, kP256PairType);
    psa_set_key_bits(&attributes, 256);
    psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_EXPORT);
    if (status == PSA_SUCCESS) status = psa_key_derivation_output_key(&attributes, &operation, key);
    Keep(*key);
    psa_key_derivation_abort(&operation);
    return status;
  }
};

// ---- Transparent driver --------------------------------------------------

TEST_F(KeyDerivationDispatch, TransparentDriverServesHkdfFromBytes) {
  Bytes okm;
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(kHkdfSha256, SecretBytes(Rfc5869Case1::Ikm()), &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(ServedBy(), "test_a_kdf");
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 2u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_abort, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_input_step, 0u);
  EXPECT_EQ(KdfCalls(test_opaque_hooks.hits), 0u);
}

TEST_F(KeyDerivationDispatch, TransparentDriverServesHkdfFromAKey) {
  Bytes okm;
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(kHkdfSha256, SecretKey(IkmKey(PSA_KEY_LOCATION_LOCAL_STORAGE)), &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 2u);
}

TEST_F(KeyDerivationDispatch, TransparentDriverServesTheTls12Prf) {
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, StartTlsPrf(&operation, SecretBytes(Tls12PrfSha256Vector::Secret())));
  Bytes out;
  ASSERT_PSA(PSA_SUCCESS, ReadOutput(&operation, Tls12PrfSha256Vector::Output().size(), &out));
  EXPECT_PSA(PSA_SUCCESS, psa_key_derivation_abort(&operation));
  EXPECT_EQ(ToHex(out), ToHex(Tls12PrfSha256Vector::Output()));
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 2u);
}

TEST_F(KeyDerivationDispatch, DriverOutputEqualsTheCoresOwnDerivation) {
  // Long enough for many blocks, read in pieces of every size.
  const size_t length = 255 * 32;
  Bytes by_driver, by_core;
  for (Bytes* out : {&by_driver, &by_core}) {
    if (out == &by_core) test_a_hooks.unsupported_alg = kHkdfSha256;
    psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
    ASSERT_PSA(PSA_SUCCESS, StartHkdf(&operation, kHkdfSha256, SecretBytes(Rfc5869Case1::Ikm())));
    out->assign(length, 0);
    size_t done = 0;
    for (size_t piece = 1; done < length; ++piece) {
      const size_t n = std::min(piece, length - done);
      ASSERT_PSA(PSA_SUCCESS, psa_key_derivation_output_bytes(&operation, out->data() + done, n));
      done += n;
    }
    // The capacity (255 blocks) is used up: the core says so, not the driver.
    uint8_t extra = 0;
    EXPECT_PSA(PSA_ERROR_INSUFFICIENT_DATA, psa_key_derivation_output_bytes(&operation, &extra, 1));
    EXPECT_PSA(PSA_SUCCESS, psa_key_derivation_abort(&operation));
  }
  EXPECT_EQ(ToHex(Bytes(by_driver.begin(), by_driver.begin() + 42)), ToHex(Rfc5869Case1::Okm()));
  EXPECT_TRUE(by_driver == by_core);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 2u);
}

TEST_F(KeyDerivationDispatch, CoreDerivesWhenTheDriverDeclines) {
  test_a_hooks.unsupported_alg = kHkdfSha256;
  Bytes okm;
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(kHkdfSha256, SecretBytes(Rfc5869Case1::Ikm()), &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 0u);
  // A declined setup leaves nothing to abort.
  EXPECT_EQ(test_a_hooks.hits.key_derivation_abort, 0u);
}

TEST_F(KeyDerivationDispatch, AlgorithmTheDriverDoesNotDeclareGoesToTheCore) {
  // test_a computes HKDF-Expand too, but does not declare it.
  Bytes okm;
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256), SecretBytes(Rfc5869Case1::Prk()), &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  // HKDF with SHA-384 is not declared either.
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(PSA_ALG_HKDF(PSA_ALG_SHA_384), SecretBytes(Rfc5869Case1::Ikm()), &okm));
  EXPECT_EQ(okm.size(), 42u);
  EXPECT_EQ(KdfCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(KdfCalls(test_opaque_hooks.hits), 0u);
}

TEST_F(KeyDerivationDispatch, ForcedErrorAtSetupIsReturned) {
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, StartHkdf(&operation, kHkdfSha256, SecretBytes(Rfc5869Case1::Ikm())));
  uint8_t out[16];
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, psa_key_derivation_output_bytes(&operation, out, sizeof(out)));
  // The operation is in the error state until aborted.
  test_a_hooks.forced_status = PSA_SUCCESS;
  EXPECT_PSA(PSA_ERROR_BAD_STATE, psa_key_derivation_output_bytes(&operation, out, sizeof(out)));
  EXPECT_PSA(PSA_SUCCESS, psa_key_derivation_abort(&operation));
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 0u);
}

TEST_F(KeyDerivationDispatch, ForcedErrorAfterSetupIsReturnedAndTheDriverAborted) {
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, StartHkdf(&operation, kHkdfSha256, SecretBytes(Rfc5869Case1::Ikm())));
  uint8_t out[16];
  ASSERT_PSA(PSA_SUCCESS, psa_key_derivation_output_bytes(&operation, out, sizeof(out)));
  test_a_hooks.forced_status = PSA_ERROR_COMMUNICATION_FAILURE;
  EXPECT_PSA(PSA_ERROR_COMMUNICATION_FAILURE, psa_key_derivation_output_bytes(&operation, out, sizeof(out)));
  // The core released the driver's context when the operation failed.
  EXPECT_EQ(test_a_hooks.hits.key_derivation_abort, 1u);
  test_a_hooks.forced_status = PSA_SUCCESS;
  EXPECT_PSA(PSA_ERROR_BAD_STATE, psa_key_derivation_output_bytes(&operation, out, sizeof(out)));
  EXPECT_PSA(PSA_SUCCESS, psa_key_derivation_abort(&operation));
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 2u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_abort, 1u);
}

// ---- Opaque secrets ------------------------------------------------------

TEST_F(KeyDerivationDispatch, OpaqueSecretIsServedByItsDriver) {
  Bytes okm;
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(kHkdfSha256, SecretKey(IkmKey(TEST_OPAQUE_LOCATION)), &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(ServedBy(), "test_opaque_kdf");
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_setup, 1u);
  // The core tells the driver its capacity right after the setup.
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_set_capacity, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_output_bytes, 2u);
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_abort, 1u);
  // The secret never left the driver, and no transparent driver ran.
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 0u);
  EXPECT_EQ(KdfCalls(test_a_hooks.hits), 0u);
}

TEST_F(KeyDerivationDispatch, OpaqueSecretWithTheTls12Prf) {
  const psa_key_id_t secret =
      Key(PSA_KEY_TYPE_DERIVE, Tls12PrfSha256Vector::Secret(), kTlsPrfSha256, kDeriveUsage, TEST_OPAQUE_LOCATION);
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, StartTlsPrf(&operation, SecretKey(secret)));
  Bytes out;
  ASSERT_PSA(PSA_SUCCESS, ReadOutput(&operation, Tls12PrfSha256Vector::Output().size(), &out));
  EXPECT_PSA(PSA_SUCCESS, psa_key_derivation_abort(&operation));
  EXPECT_EQ(ToHex(out), ToHex(Tls12PrfSha256Vector::Output()));
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_output_bytes, 2u);
  EXPECT_EQ(KdfCalls(test_a_hooks.hits), 0u);
}

TEST_F(KeyDerivationDispatch, OpaqueDriverVerifiesBytes) {
  const psa_key_id_t secret = IkmKey(TEST_OPAQUE_LOCATION);
  const Bytes okm = Rfc5869Case1::Okm();
  Bytes wrong = okm;
  wrong[20] ^= 0x01;
  for (const Bytes* expected : {&okm, static_cast<const Bytes*>(&wrong)}) {
    psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
    ASSERT_PSA(PSA_SUCCESS, StartHkdf(&operation, kHkdfSha256, SecretKey(secret)));
    EXPECT_PSA(expected == &okm ? PSA_SUCCESS : PSA_ERROR_INVALID_SIGNATURE,
               psa_key_derivation_verify_bytes(&operation, expected->data(), expected->size()));
    EXPECT_PSA(PSA_SUCCESS, psa_key_derivation_abort(&operation));
  }
  // The driver compared: it never output the bytes.
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_verify_bytes, 2u);
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_output_bytes, 0u);
}

TEST_F(KeyDerivationDispatch, OpaqueDriverLearnsEveryCapacityChange) {
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, StartHkdf(&operation, kHkdfSha256, SecretKey(IkmKey(TEST_OPAQUE_LOCATION))));
  uint8_t out[10];
  ASSERT_PSA(PSA_SUCCESS, psa_key_derivation_output_bytes(&operation, out, 5));
  ASSERT_PSA(PSA_SUCCESS, psa_key_derivation_set_capacity(&operation, 5));
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_set_capacity, 2u);
  ASSERT_PSA(PSA_SUCCESS, psa_key_derivation_output_bytes(&operation, out + 5, 5));
  const Bytes okm = Rfc5869Case1::Okm();
  EXPECT_EQ(ToHex(Bytes(out, out + 10)), ToHex(Bytes(okm.begin(), okm.begin() + 10)));
  EXPECT_PSA(PSA_ERROR_INSUFFICIENT_DATA, psa_key_derivation_output_bytes(&operation, out, 1));
  EXPECT_PSA(PSA_SUCCESS, psa_key_derivation_abort(&operation));
  // A failing set_capacity fails the operation.
  ASSERT_PSA(PSA_SUCCESS, StartHkdf(&operation, kHkdfSha256, SecretKey(IkmKey(TEST_OPAQUE_LOCATION))));
  ASSERT_PSA(PSA_SUCCESS, psa_key_derivation_output_bytes(&operation, out, 5));
  test_opaque_hooks.forced.key_derivation_set_capacity = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, psa_key_derivation_set_capacity(&operation, 5));
  EXPECT_PSA(PSA_ERROR_BAD_STATE, psa_key_derivation_output_bytes(&operation, out, 1));
  EXPECT_PSA(PSA_SUCCESS, psa_key_derivation_abort(&operation));
}

TEST_F(KeyDerivationDispatch, OpaqueDriverDecliningMakesTheCoreExportTheSecret) {
  // test_opaque declines; the exported secret is then a transparent one,
  // which test_a serves.
  test_opaque_hooks.unsupported_alg = kHkdfSha256;
  Bytes okm;
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(kHkdfSha256, SecretKey(IkmKey(TEST_OPAQUE_LOCATION)), &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_setup, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_output_bytes, 0u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 2u);
}

TEST_F(KeyDerivationDispatch, OpaqueDriverForcedErrorIsReturnedWithoutExport) {
  test_opaque_hooks.forced.key_derivation_setup = PSA_ERROR_HARDWARE_FAILURE;
  Bytes okm;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, DeriveHkdf(kHkdfSha256, SecretKey(IkmKey(TEST_OPAQUE_LOCATION)), &okm));
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 0u);
  EXPECT_EQ(KdfCalls(test_a_hooks.hits), 0u);
}

TEST_F(KeyDerivationDispatch, OpaqueSecretWhoseDriverLacksTheFamilyIsExported) {
  // test_opaque_static declares no key derivation: the core exports the
  // secret, and test_a serves the derivation.
  const psa_key_id_t secret = IkmKey(TEST_OPAQUE_STATIC_LOCATION);
  Bytes okm;
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(kHkdfSha256, SecretKey(secret), &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(test_opaque_static_hooks.hits.export_key, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 2u);
  // With test_a declining too, the core derives from the exported secret.
  test_a_hooks.unsupported_alg = kHkdfSha256;
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(kHkdfSha256, SecretKey(secret), &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(test_opaque_static_hooks.hits.export_key, 2u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 2u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 2u);
  EXPECT_EQ(KdfCalls(test_opaque_hooks.hits), 0u);
}

TEST_F(KeyDerivationDispatch, OpaqueSecretForAnAlgorithmNoDriverDeclares) {
  // HKDF-Expand: test_opaque computes it; test_opaque_static's secret is
  // exported and derived by the core (test_a does not declare it).
  const Bytes prk = Rfc5869Case1::Prk();
  const psa_algorithm_t expand = PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256);
  Bytes okm;
  ASSERT_PSA(PSA_SUCCESS,
             DeriveHkdf(expand, SecretKey(Key(PSA_KEY_TYPE_DERIVE, prk, expand, kDeriveUsage, TEST_OPAQUE_LOCATION)),
                        &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_output_bytes, 2u);
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(expand,
                                     SecretKey(Key(PSA_KEY_TYPE_DERIVE, prk, expand, kDeriveUsage,
                                                   TEST_OPAQUE_STATIC_LOCATION)),
                                     &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(test_opaque_static_hooks.hits.export_key, 1u);
  EXPECT_EQ(KdfCalls(test_a_hooks.hits), 0u);
}

// ---- Cooked keys through derive_key ---------------------------------------

TEST_F(KeyDerivationDispatch, OutputKeyGoesThroughTheDriversDeriveKey) {
  psa_key_id_t by_driver = PSA_KEY_ID_NULL, by_builtin = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, DeriveP256Key(kHkdfSha256, &by_driver));
  // The first 32 bytes of the RFC 5869 output are below n - 1: one draw.
  EXPECT_EQ(test_a_hooks.hits.derive_key, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 1u);
  // The same key from the builtin derive_key when test_a declines the type.
  test_a_hooks.unsupported_key_type = kP256PairType;
  ASSERT_PSA(PSA_SUCCESS, DeriveP256Key(kHkdfSha256, &by_builtin));
  EXPECT_EQ(test_a_hooks.hits.derive_key, 2u);
  const Bytes public_key = PublicKeyOf(by_driver);
  EXPECT_EQ(public_key.size(), 65u);
  EXPECT_EQ(ToHex(public_key), ToHex(PublicKeyOf(by_builtin)));
  // d = k + 1 for k the first 32 bytes of the output.
  Bytes exported;
  ASSERT_PSA(PSA_SUCCESS, keys_testing::Export(by_driver, &exported));
  const Bytes okm = Rfc5869Case1::Okm();
  Bytes expected(okm.begin(), okm.begin() + 32);
  for (size_t i = expected.size(); i-- > 0;) {
    if (++expected[i] != 0) break;
  }
  EXPECT_EQ(ToHex(exported), ToHex(expected));
}

TEST_F(KeyDerivationDispatch, KeyTypesTheDriverDoesNotDeclareGoToBuiltin) {
  const psa_key_id_t secret = IkmKey(PSA_KEY_LOCATION_LOCAL_STORAGE);
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, StartHkdf(&operation, kHkdfSha256, SecretKey(secret)));
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1));
  psa_set_key_bits(&attributes, 384);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_key_derivation_output_key(&attributes, &operation, &key));
  Keep(key);
  EXPECT_EQ(test_a_hooks.hits.derive_key, 0u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 1u);
  EXPECT_PSA(PSA_SUCCESS, psa_key_derivation_abort(&operation));
}

TEST_F(KeyDerivationDispatch, DeriveKeyForcedErrorIsReturned) {
  // HKDF-Expand, which test_a does not declare, keeps the derivation in the
  // core, so that only derive_key meets the forced status.
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  psa_key_id_t key = PSA_KEY_ID_NULL;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, DeriveP256Key(PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256), &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  EXPECT_EQ(test_a_hooks.hits.derive_key, 1u);
  EXPECT_EQ(KdfCalls(test_a_hooks.hits), 0u);
}

}  // namespace
}  // namespace psa::testing
