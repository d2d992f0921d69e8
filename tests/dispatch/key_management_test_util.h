// Helpers of the key-management dispatch suites: a fixture that resets the
// transparent test drivers' hooks, and key creation from the fixed vectors of
// tests/keys.

#ifndef TESTS_DISPATCH_KEY_MANAGEMENT_TEST_UTIL_H_
#define TESTS_DISPATCH_KEY_MANAGEMENT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include "drivers/test/test_driver.h"
#include "psa/crypto.h"
#include "tests/dispatch/dispatch_test_util.h"
#include "tests/keys/key_test_util.h"
#include "tests/keys/key_vectors.h"

namespace psa::testing {

using keys_testing::Bytes;
using keys_testing::FromHex;
using keys_testing::KeyVector;
using keys_testing::MakeAttributes;
using keys_testing::ToHex;

inline constexpr psa_key_type_t kP256Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
inline constexpr psa_key_type_t kSecpR1Public = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);
inline constexpr psa_key_usage_t kExportable = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY;

// Starts each test with the transparent test drivers' hooks reset (after
// the library is initialized by the storage environment).
class KeyDispatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    test_driver_reset_hooks(&test_a_hooks);
    test_driver_reset_hooks(&test_b_hooks);
  }
  void ResetCounters() {
    test_a_hooks.hits = test_driver_counters_t{};
    test_b_hooks.hits = test_driver_counters_t{};
  }
};

// Imports the key pair (or, with `public_only`, the public key) of the
// vector `name` with `bits` in the attributes (0: determined from the
// data). *key is PSA_KEY_ID_NULL on failure.
inline psa_status_t ImportVector(const char* name, bool public_only, size_t bits, psa_key_id_t* key,
                                 psa_key_lifetime_t lifetime = PSA_KEY_LIFETIME_VOLATILE) {
  const keys_testing::AsymmetricKeyVector& v = KeyVector(name);
  psa_key_attributes_t attributes =
      MakeAttributes(public_only ? v.public_type : v.pair_type, bits, kExportable, PSA_ALG_NONE);
  psa_set_key_lifetime(&attributes, lifetime);
  return keys_testing::Import(attributes, FromHex(public_only ? v.public_hex : v.pair_hex), key);
}

inline size_t KeyBits(psa_key_id_t key) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  if (psa_get_key_attributes(key, &attributes) != PSA_SUCCESS) return 0;
  return psa_get_key_bits(&attributes);
}

}  // namespace psa::testing

#endif  // TESTS_DISPATCH_KEY_MANAGEMENT_TEST_UTIL_H_
