// Build: test_a_kdf_no_fallback (transparent: key_derivation for
// HKDF-SHA-256 on DERIVE secrets and derive_key for P-256 key pairs, no
// fallback), builtin.
//
// Driver interface, "Fallback": a capability without fallback fully
// supports its mechanism, so the driver's failure is the application's,
// with no other code tried: neither the core's own derivation nor the
// builtin derive_key. What the driver does not declare still goes to the
// core and the builtin driver.

#include "tests/dispatch/derivation_test_util.h"

namespace psa::testing {
namespace {

class KeyDerivationNoFallback : public DerivationDispatchTest {
 protected:
  // Derives a P-256 key pair with `alg` from a DERIVE key holding the
  // RFC 5869 IKM (HKDF) or PRK (HKDF-Expand).
  psa_status_t DeriveP256Key(psa_algorithm_t alg, psa_key_id_t* key) {
    const bool expand = PSA_ALG_IS_HKDF_EXPAND(alg);
    const psa_key_id_t secret = Key(PSA_KEY_TYPE_DERIVE, expand ? Rfc5869Case1::Prk() : Rfc5869Case1::Ikm(), alg,
                                    PSA_KEY_USAGE_DERIVE);
    psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_status_t status = StartHkdf(&operation, alg, SecretKey(secret));
    psa_key_attributes_t attributes = psa_key_attributes_init();
    psa_set_key_type(&attributes, kP256PairType);
    psa_set_key_bits(&attributes, 256);
    *key = PSA_KEY_ID_NULL;
    if (status == PSA_SUCCESS) status = psa_key_derivation_output_key(&attributes, &operation, key);
    Keep(*key);
    psa_key_derivation_abort(&operation);
    return status;
  }
};

TEST_F(KeyDerivationNoFallback, DriverServesHkdf) {
  Bytes okm;
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(kHkdfSha256, SecretBytes(Rfc5869Case1::Ikm()), &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(ServedBy(), "test_a_kdf_no_fallback");
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 2u);
}

TEST_F(KeyDerivationNoFallback, DriverErrorIsReturnedWithoutTheCoresDerivation) {
  for (psa_status_t forced : {PSA_ERROR_HARDWARE_FAILURE, PSA_ERROR_INSUFFICIENT_MEMORY}) {
    test_a_hooks.forced_status = forced;
    Bytes okm;
    EXPECT_PSA(forced, DeriveHkdf(kHkdfSha256, SecretBytes(Rfc5869Case1::Ikm()), &okm));
    EXPECT_TRUE(okm.empty());
  }
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 2u);
}

TEST_F(KeyDerivationNoFallback, AlgorithmTheDriverDoesNotDeclareGoesToTheCore) {
  Bytes okm;
  ASSERT_PSA(PSA_SUCCESS, DeriveHkdf(PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256), SecretBytes(Rfc5869Case1::Prk()), &okm));
  EXPECT_EQ(ToHex(okm), ToHex(Rfc5869Case1::Okm()));
  EXPECT_EQ(test_a_hooks.hits.key_derivation_setup, 0u);
}

TEST_F(KeyDerivationNoFallback, DriverServesDeriveKey) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, DeriveP256Key(PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256), &key));
  EXPECT_EQ(test_a_hooks.hits.derive_key, 1u);
}

TEST_F(KeyDerivationNoFallback, DeriveKeyDeclineIsReturnedWithoutBuiltin) {
  // The core derives the bytes (HKDF-Expand is not declared); derive_key
  // of a P-256 pair is test_a's alone, so its NOT_SUPPORTED is final.
  test_a_hooks.unsupported_key_type = kP256PairType;
  psa_key_id_t key = PSA_KEY_ID_NULL;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, DeriveP256Key(PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256), &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  test_driver_reset_hooks(&test_a_hooks);
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, DeriveP256Key(PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256), &key));
  EXPECT_EQ(test_a_hooks.hits.derive_key, 1u);
}

}  // namespace
}  // namespace psa::testing
