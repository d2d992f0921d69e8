// Build: test_a_mac_sign_only ("mac_multipart", the sign family, for
// HMAC-SHA-256 and CMAC; fallback), builtin.
//
// A driver with the multi-part sign family only: psa_mac_compute runs
// sign_setup, update, sign_finish; psa_mac_verify the same and a
// constant-time compare; and a multi-part verification
// (psa_mac_verify_setup ... psa_mac_verify_finish) goes to the same sign
// functions, the core comparing the MAC at the end. test_a's
// mac_verify_setup and mac_verify_finish counters stay at 0.

#include "tests/dispatch/symmetric_test_util.h"

namespace psa::testing {
namespace {

constexpr psa_algorithm_t kHmac = PSA_ALG_HMAC(PSA_ALG_SHA_256);

class MacThroughSignParts : public SymmetricDispatchTest {
 protected:
  static Bytes HmacKeyData() { return PatternBytes(20, 0x41); }
  psa_key_id_t HmacKey() { return Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac); }
  static Bytes Expected() { return BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message()); }

  static void ExpectNoVerifyFunctionCalled() {
    EXPECT_EQ(test_a_hooks.hits.mac_verify_setup, 0u);
    EXPECT_EQ(test_a_hooks.hits.mac_verify_finish, 0u);
    EXPECT_EQ(test_a_hooks.hits.mac_verify, 0u);
    EXPECT_EQ(test_a_hooks.hits.mac_compute, 0u);
  }
};

TEST_F(MacThroughSignParts, ComputeRunsTheSignFunctions) {
  const psa_key_id_t key = HmacKey();
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(key, kHmac, Message(), &mac));
  EXPECT_EQ(ServedBy(), "test_a_mac_sign_only");
  EXPECT_EQ(ToHex(mac), ToHex(Expected()));
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_update, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_abort, 1u);
  ExpectNoVerifyFunctionCalled();
}

TEST_F(MacThroughSignParts, SinglePartVerifyComparesTheSignedMac) {
  const psa_key_id_t key = HmacKey();
  EXPECT_PSA(PSA_SUCCESS, MacVerify(key, kHmac, Message(), Expected()));
  EXPECT_EQ(ServedBy(), "test_a_mac_sign_only");
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerify(key, kHmac, Message(), Corrupted(Expected())));
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 2u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 2u);
  ExpectNoVerifyFunctionCalled();
}

TEST_F(MacThroughSignParts, MultipartVerifyRunsTheSignFunctions) {
  const psa_key_id_t key = HmacKey();
  EXPECT_PSA(PSA_SUCCESS, MacVerifyByParts(key, kHmac, Message(), Expected()));
  EXPECT_EQ(ServedBy(), "test_a_mac_sign_only");
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_update, 2u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 1u);
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerifyByParts(key, kHmac, Message(), Corrupted(Expected())));
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 2u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 2u);
  EXPECT_EQ(test_a_hooks.hits.mac_abort, 2u);
  ExpectNoVerifyFunctionCalled();
}

TEST_F(MacThroughSignParts, VerifyOperationCanBeAbortedInItsDriver) {
  const psa_key_id_t key = HmacKey();
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_mac_verify_setup(&operation, key, kHmac));
  // A verify operation stays one: the sign functions serve it, but the API
  // still refuses to sign with it.
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  EXPECT_PSA(PSA_ERROR_BAD_STATE, psa_mac_sign_finish(&operation, mac, sizeof(mac), &length));
  EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 0u);
  EXPECT_PSA(PSA_SUCCESS, psa_mac_abort(&operation));
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_abort, 1u);
}

TEST_F(MacThroughSignParts, DriverFailureDuringVerifyIsReturned) {
  const psa_key_id_t key = HmacKey();
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_mac_verify_setup(&operation, key, kHmac));
  const Bytes message = Message();
  ASSERT_PSA(PSA_SUCCESS, psa_mac_update(&operation, message.data(), message.size()));
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  const Bytes mac = Expected();
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, psa_mac_verify_finish(&operation, mac.data(), mac.size()));
  EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 1u);
  psa_mac_abort(&operation);
}

}  // namespace
}  // namespace psa::testing
