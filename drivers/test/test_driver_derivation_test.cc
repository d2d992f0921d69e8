// Unit tests of the key derivation, derive_key and PAKE parts of the test
// drivers, called directly. The inputs objects of key_derivation_setup and
// pake_setup belong to the core (the dispatch suites in tests/dispatch run
// those setups); here the derivation state is built by hand, as a setup
// leaves it, to check the block streams against RFC 5869 and the TLS 1.2
// PRF vector, the capacity and verification of the opaque instances, and
// the hooks of the functions that need no inputs.

#include <string.h>

#include <vector>

#include "drivers/builtin/builtin_derive_key.h"
#include "drivers/test/test_driver.h"
#include "drivers/test/test_driver_derivation_internal.h"
#include "drivers/test/test_opaque_driver.h"
#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace drivers::test {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes FromHex(const char* hex) {
  Bytes out;
  for (size_t i = 0; hex[i] != '\0' && hex[i + 1] != '\0'; i += 2) {
    const char pair[3] = {hex[i], hex[i + 1], '\0'};
    out.push_back(static_cast<uint8_t>(strtoul(pair, nullptr, 16)));
  }
  return out;
}

// RFC 5869 A.1: PRK and info, and the 42-byte OKM.
const Bytes kPrk = FromHex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
const Bytes kInfo = FromHex("f0f1f2f3f4f5f6f7f8f9");
const Bytes kOkm =
    FromHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");

// HKDF-Expand (or HKDF after its Extract) as the setup leaves it: the PRK
// as the key, the info as the message, no block yet.
test_driver_kdf_state_t ExpandState(psa_algorithm_t alg) {
  test_driver_kdf_state_t state = {};
  state.alg = alg;
  memcpy(state.key, kPrk.data(), kPrk.size());
  state.key_length = kPrk.size();
  memcpy(state.message, kInfo.data(), kInfo.size());
  state.message_length = kInfo.size();
  return state;
}

bool AllZero(const void* data, size_t size) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  for (size_t i = 0; i < size; ++i) {
    if (bytes[i] != 0) return false;
  }
  return true;
}

class DerivationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
    test_driver_reset_hooks(&test_a_hooks);
    test_opaque_reset_hooks(&test_opaque_hooks);
  }
};

TEST_F(DerivationTest, HkdfStreamMatchesRfc5869InAnyPieces) {
  for (size_t first : {0u, 1u, 31u, 32u, 33u, 42u}) {
    SCOPED_TRACE(first);
    test_driver_kdf_state_t state = ExpandState(PSA_ALG_HKDF(PSA_ALG_SHA_256));
    Bytes out(kOkm.size());
    ASSERT_EQ(KdfRead(&state, out.data(), first), PSA_SUCCESS);
    ASSERT_EQ(KdfRead(&state, out.data() + first, out.size() - first), PSA_SUCCESS);
    EXPECT_EQ(out, kOkm);
  }
}

TEST_F(DerivationTest, HkdfStopsAfter255Blocks) {
  test_driver_kdf_state_t state = ExpandState(PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256));
  Bytes out(255 * 32);
  ASSERT_EQ(KdfRead(&state, out.data(), out.size() - 1), PSA_SUCCESS);
  // One byte more than is left: refused, and the state kept.
  EXPECT_EQ(KdfRead(&state, out.data(), 2), PSA_ERROR_INSUFFICIENT_DATA);
  EXPECT_EQ(KdfRead(&state, out.data(), 1), PSA_SUCCESS);
  EXPECT_EQ(KdfRead(&state, out.data(), 1), PSA_ERROR_INSUFFICIENT_DATA);
}

TEST_F(DerivationTest, Tls12PrfStreamMatchesTheVector) {
  test_driver_kdf_state_t state = {};
  state.alg = PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256);
  const Bytes secret = FromHex("9bbe436ba940f017b17652849a71db35");
  const Bytes label_seed = FromHex("74657374206c6162656c" "a0ba9f936cda311827a6f796ffd5198c");
  memcpy(state.key, secret.data(), secret.size());
  state.key_length = secret.size();
  memcpy(state.message, label_seed.data(), label_seed.size());
  state.message_length = label_seed.size();
  Bytes out(100);
  ASSERT_EQ(KdfRead(&state, out.data(), 40), PSA_SUCCESS);
  ASSERT_EQ(KdfRead(&state, out.data() + 40, 60), PSA_SUCCESS);
  EXPECT_EQ(out, FromHex("e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14"
                         "baf9af0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a"
                         "5110fff70187347b66"));
}

TEST_F(DerivationTest, InactiveStateIsBadState) {
  test_driver_kdf_state_t state = {};
  uint8_t out[4];
  EXPECT_EQ(KdfRead(&state, out, sizeof(out)), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(KdfVerify(&state, out, sizeof(out)), PSA_ERROR_BAD_STATE);
  EXPECT_FALSE(KdfAlgorithmSupported(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)));
  EXPECT_FALSE(KdfAlgorithmSupported(PSA_ALG_HKDF(PSA_ALG_ANY_HASH)));
  EXPECT_TRUE(KdfAlgorithmSupported(PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_512)));
}

TEST_F(DerivationTest, OpaqueInstanceEnforcesTheCapacityItIsTold) {
  test_opaque_key_derivation_operation_t operation = {};
  // Not set up: nothing to set the capacity of.
  EXPECT_EQ(test_opaque_key_derivation_set_capacity(&operation, 10), PSA_ERROR_BAD_STATE);
  operation.state = ExpandState(PSA_ALG_HKDF(PSA_ALG_SHA_256));
  ASSERT_EQ(test_opaque_key_derivation_set_capacity(&operation, 10), PSA_SUCCESS);
  uint8_t out[11];
  EXPECT_EQ(test_opaque_key_derivation_output_bytes(&operation, out, 11), PSA_ERROR_INSUFFICIENT_DATA);
  ASSERT_EQ(test_opaque_key_derivation_output_bytes(&operation, out, 10), PSA_SUCCESS);
  EXPECT_EQ(Bytes(out, out + 10), Bytes(kOkm.begin(), kOkm.begin() + 10));
  EXPECT_EQ(test_opaque_key_derivation_output_bytes(&operation, out, 1), PSA_ERROR_INSUFFICIENT_DATA);
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_set_capacity, 2u);
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_output_bytes, 3u);
  EXPECT_EQ(test_opaque_key_derivation_abort(&operation), PSA_SUCCESS);
  EXPECT_TRUE(AllZero(&operation, sizeof(operation)));
}

TEST_F(DerivationTest, OpaqueInstanceVerifiesInsideTheDriver) {
  test_opaque_key_derivation_operation_t operation = {};
  operation.state = ExpandState(PSA_ALG_HKDF(PSA_ALG_SHA_256));
  EXPECT_EQ(test_opaque_key_derivation_verify_bytes(&operation, kOkm.data(), 16), PSA_SUCCESS);
  Bytes wrong(kOkm.begin() + 16, kOkm.end());
  wrong.back() ^= 0x80;
  EXPECT_EQ(test_opaque_key_derivation_verify_bytes(&operation, wrong.data(), wrong.size()),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(test_opaque_hooks.hits.key_derivation_verify_bytes, 2u);
  // A forced failure wipes the operation.
  operation.state = ExpandState(PSA_ALG_HKDF(PSA_ALG_SHA_256));
  test_opaque_hooks.forced.key_derivation_verify_bytes = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_EQ(test_opaque_key_derivation_verify_bytes(&operation, kOkm.data(), 16), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_TRUE(AllZero(&operation, sizeof(operation)));
}

TEST_F(DerivationTest, TransparentForcedStatusWipesOutputAndOperation) {
  test_a_key_derivation_operation_t operation = {};
  operation.state = ExpandState(PSA_ALG_HKDF(PSA_ALG_SHA_256));
  uint8_t out[8];
  ASSERT_EQ(test_a_key_derivation_output_bytes(&operation, out, sizeof(out)), PSA_SUCCESS);
  EXPECT_EQ(Bytes(out, out + 8), Bytes(kOkm.begin(), kOkm.begin() + 8));
  test_a_hooks.forced_status = PSA_ERROR_COMMUNICATION_FAILURE;
  EXPECT_EQ(test_a_key_derivation_output_bytes(&operation, out, sizeof(out)), PSA_ERROR_COMMUNICATION_FAILURE);
  EXPECT_TRUE(AllZero(out, sizeof(out)));
  EXPECT_TRUE(AllZero(&operation, sizeof(operation)));
  EXPECT_EQ(test_a_key_derivation_abort(&operation), PSA_ERROR_COMMUNICATION_FAILURE);
  test_a_hooks.forced_status = PSA_SUCCESS;
  // There are no long inputs to take.
  EXPECT_EQ(test_a_key_derivation_input_step(&operation, PSA_KEY_DERIVATION_INPUT_INFO, out, 1),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_output_bytes, 2u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_abort, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_derivation_input_step, 1u);
}

TEST_F(DerivationTest, DeriveKeyForwardsToBuiltinUnlessTheHooksSayOtherwise) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1));
  psa_set_key_bits(&attributes, 256);
  const Bytes input(kOkm.begin(), kOkm.begin() + 32);
  Bytes ours(32), builtin(32);
  size_t ours_length = 0, builtin_length = 0;
  ASSERT_EQ(test_a_derive_key(&attributes, input.data(), input.size(), nullptr, ours.data(), ours.size(),
                              &ours_length),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_derive_key(&attributes, input.data(), input.size(), nullptr, builtin.data(), builtin.size(),
                               &builtin_length),
            PSA_SUCCESS);
  EXPECT_EQ(ours_length, 32u);
  EXPECT_EQ(ours, builtin);
  // k above n - 2 asks the core for the next piece of output, as builtin's.
  const Bytes too_big(32, 0xff);
  EXPECT_EQ(test_a_derive_key(&attributes, too_big.data(), too_big.size(), nullptr, ours.data(), ours.size(),
                              &ours_length),
            PSA_ERROR_INSUFFICIENT_DATA);
  test_a_hooks.unsupported_key_type = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
  EXPECT_EQ(test_a_derive_key(&attributes, input.data(), input.size(), nullptr, ours.data(), ours.size(),
                              &ours_length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(ours_length, 0u);
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_EQ(test_a_derive_key(&attributes, input.data(), input.size(), nullptr, ours.data(), ours.size(),
                              &ours_length),
            PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(test_a_hooks.hits.derive_key, 4u);
}

TEST_F(DerivationTest, PakeStepsOfAnOperationNotSetUpAreTheBuiltinDrivers) {
  test_a_pake_operation_t operation = {};
  uint8_t out[65];
  size_t length = 1;
  EXPECT_EQ(test_a_pake_output(&operation, PSA_JPAKE_X1_STEP_KEY_SHARE, out, sizeof(out), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(test_a_pake_input(&operation, PSA_JPAKE_X1_STEP_KEY_SHARE, out, sizeof(out)), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(test_a_pake_get_implicit_key(&operation, out, sizeof(out), &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(test_a_pake_abort(&operation), PSA_SUCCESS);
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  length = 1;
  EXPECT_EQ(test_a_pake_output(&operation, PSA_JPAKE_X1_STEP_KEY_SHARE, out, sizeof(out), &length),
            PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(test_a_pake_abort(&operation), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_TRUE(AllZero(&operation, sizeof(operation)));
  EXPECT_EQ(test_a_hooks.hits.pake_output, 2u);
  EXPECT_EQ(test_a_hooks.hits.pake_abort, 2u);

  test_opaque_pake_operation_t opaque = {};
  test_opaque_hooks.forced.pake_input = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_EQ(test_opaque_pake_input(&opaque, PSA_JPAKE_X1_STEP_KEY_SHARE, out, sizeof(out)),
            PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(test_opaque_pake_output(&opaque, PSA_JPAKE_X1_STEP_KEY_SHARE, out, sizeof(out), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(test_opaque_hooks.hits.pake_input, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.pake_output, 1u);
}

}  // namespace
}  // namespace drivers::test
