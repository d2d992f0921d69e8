// Build: test_a_symmetric (HMAC-SHA-256 with HMAC keys, CMAC with AES keys;
// fallback), test_b_symmetric (HMAC-SHA-256; fallback), builtin.
//
// MAC dispatch through the public API: the first driver whose capability
// matches serves, NOT_SUPPORTED from a fallback capability moves on, any
// other error stops the chain, undeclared algorithms skip a driver, and a
// multi-part operation stays with the driver that set it up. The counters
// of the test drivers say who ran; results equal the builtin driver's.

#include <string>

#include "tests/dispatch/symmetric_test_util.h"

namespace psa::testing {
namespace {

constexpr psa_algorithm_t kHmac = PSA_ALG_HMAC(PSA_ALG_SHA_256);

class MacDispatch : public SymmetricDispatchTest {
 protected:
  psa_key_id_t HmacKey(psa_algorithm_t alg = kHmac) { return Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), alg); }
  psa_key_id_t CmacKey() { return Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CMAC); }
  static Bytes HmacKeyData() { return PatternBytes(32, 0x01); }
  static Bytes AesKeyData() { return PatternBytes(16, 0x02); }
};

TEST_F(MacDispatch, FirstMatchingDriverServesWithBuiltinsResult) {
  const psa_key_id_t key = HmacKey();
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(key, kHmac, Message(), &mac));
  EXPECT_EQ(ServedBy(), "test_a_symmetric");
  EXPECT_EQ(ToHex(mac), ToHex(BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message())));
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
  EXPECT_EQ(MacCalls(test_b_hooks.hits), 0u);

  EXPECT_PSA(PSA_SUCCESS, MacVerify(key, kHmac, Message(), mac));
  EXPECT_EQ(ServedBy(), "test_a_symmetric");
  EXPECT_EQ(test_a_hooks.hits.mac_verify, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);  // its own mac_verify, not compute + compare
  EXPECT_EQ(MacCalls(test_b_hooks.hits), 0u);
}

TEST_F(MacDispatch, KnownAnswerThroughTheFirstDriver) {
  // RFC 4231, test case 2.
  const Bytes key_data = {'J', 'e', 'f', 'e'};
  const std::string text = "what do ya want for nothing?";
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, key_data, kHmac);
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(key, kHmac, Bytes(text.begin(), text.end()), &mac));
  EXPECT_EQ(ToHex(mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
}

TEST_F(MacDispatch, WrongMacIsInvalidSignatureFromTheServingDriver) {
  const psa_key_id_t key = HmacKey();
  const Bytes mac = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerify(key, kHmac, Message(), Corrupted(mac)));
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerifyByParts(key, kHmac, Message(), Corrupted(mac)));
  EXPECT_EQ(test_a_hooks.hits.mac_verify, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify_finish, 1u);
  // INVALID_SIGNATURE is an answer, not a refusal: nobody else is asked.
  EXPECT_EQ(MacCalls(test_b_hooks.hits), 0u);
}

TEST_F(MacDispatch, MultipartGoesToTheSameDriverThroughout) {
  const psa_key_id_t key = HmacKey();
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacSignByParts(key, kHmac, Message(), &mac));
  EXPECT_EQ(ServedBy(), "test_a_symmetric");
  EXPECT_EQ(ToHex(mac), ToHex(BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message())));
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_update, 2u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 1u);
  // The finish ends the operation: the driver's abort releases its context.
  EXPECT_EQ(test_a_hooks.hits.mac_abort, 1u);

  ASSERT_PSA(PSA_SUCCESS, MacVerifyByParts(key, kHmac, Message(), mac));
  EXPECT_EQ(test_a_hooks.hits.mac_verify_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_update, 4u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify_finish, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 1u);
  EXPECT_EQ(MacCalls(test_b_hooks.hits), 0u);
}

TEST_F(MacDispatch, FallsBackToNextDriverWhenFirstSaysNotSupported) {
  test_a_hooks.unsupported_alg = kHmac;
  const psa_key_id_t key = HmacKey();
  const Bytes expected = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(key, kHmac, Message(), &mac));
  EXPECT_EQ(ServedBy(), "test_b_symmetric");
  EXPECT_EQ(ToHex(mac), ToHex(expected));
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
  EXPECT_EQ(test_b_hooks.hits.mac_compute, 1u);

  ASSERT_PSA(PSA_SUCCESS, MacVerify(key, kHmac, Message(), expected));
  EXPECT_EQ(ServedBy(), "test_b_symmetric");
  EXPECT_EQ(test_b_hooks.hits.mac_verify, 1u);

  ASSERT_PSA(PSA_SUCCESS, MacSignByParts(key, kHmac, Message(), &mac));
  EXPECT_EQ(ToHex(mac), ToHex(expected));
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_update, 0u);
  EXPECT_EQ(test_b_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(test_b_hooks.hits.mac_update, 2u);
  EXPECT_EQ(test_b_hooks.hits.mac_sign_finish, 1u);

  ASSERT_PSA(PSA_SUCCESS, MacVerifyByParts(key, kHmac, Message(), expected));
  EXPECT_EQ(test_a_hooks.hits.mac_verify_setup, 1u);
  EXPECT_EQ(test_b_hooks.hits.mac_verify_setup, 1u);
  EXPECT_EQ(test_b_hooks.hits.mac_verify_finish, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_update + test_a_hooks.hits.mac_verify_finish, 0u);
}

TEST_F(MacDispatch, FallsBackToBuiltinWhenDriverSaysNotSupported) {
  // test_b does not declare CMAC: from test_a straight to builtin.
  test_a_hooks.unsupported_alg = PSA_ALG_CMAC;
  const psa_key_id_t key = CmacKey();
  const Bytes expected = BuiltinMac(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CMAC, Message());
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(key, PSA_ALG_CMAC, Message(), &mac));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(mac), ToHex(expected));
  ASSERT_PSA(PSA_SUCCESS, MacSignByParts(key, PSA_ALG_CMAC, Message(), &mac));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(mac), ToHex(expected));
  EXPECT_PSA(PSA_SUCCESS, MacVerify(key, PSA_ALG_CMAC, Message(), expected));
  EXPECT_PSA(PSA_SUCCESS, MacVerifyByParts(key, PSA_ALG_CMAC, Message(), expected));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_update, 0u);
  EXPECT_EQ(MacCalls(test_b_hooks.hits), 0u);
}

TEST_F(MacDispatch, FallsBackToBuiltinWhenAllDriversSayNotSupported) {
  test_a_hooks.unsupported_alg = kHmac;
  test_b_hooks.unsupported_alg = kHmac;
  const psa_key_id_t key = HmacKey();
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(key, kHmac, Message(), &mac));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(mac), ToHex(BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message())));
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
  EXPECT_EQ(test_b_hooks.hits.mac_compute, 1u);
}

TEST_F(MacDispatch, ErrorOtherThanNotSupportedStopsTheChain) {
  const psa_key_id_t key = HmacKey();
  const Bytes expected = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  Bytes mac;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, MacCompute(key, kHmac, Message(), &mac));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, MacVerify(key, kHmac, Message(), expected));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, MacSignByParts(key, kHmac, Message(), &mac));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, MacVerifyByParts(key, kHmac, Message(), expected));
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify_setup, 1u);
  EXPECT_EQ(MacCalls(test_b_hooks.hits), 0u);
  // The forced status takes precedence over declining.
  test_a_hooks.unsupported_alg = kHmac;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, MacCompute(key, kHmac, Message(), &mac));
  EXPECT_EQ(MacCalls(test_b_hooks.hits), 0u);
}

TEST_F(MacDispatch, AlgorithmFilterSkipsDriversThatDoNotDeclareIt) {
  // Neither test driver declares HMAC-SHA-1 or a truncated HMAC-SHA-256.
  const psa_algorithm_t kHmacSha1 = PSA_ALG_HMAC(PSA_ALG_SHA_1);
  const psa_algorithm_t kTruncated = PSA_ALG_TRUNCATED_MAC(kHmac, 16);
  for (psa_algorithm_t alg : {kHmacSha1, kTruncated}) {
    SCOPED_TRACE(alg);
    const psa_key_id_t key = HmacKey(alg);
    const Bytes expected = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), alg, Message());
    Bytes mac;
    ASSERT_PSA(PSA_SUCCESS, MacCompute(key, alg, Message(), &mac));
    EXPECT_EQ(ServedBy(), "builtin");
    EXPECT_EQ(ToHex(mac), ToHex(expected));
    ASSERT_PSA(PSA_SUCCESS, MacSignByParts(key, alg, Message(), &mac));
    EXPECT_EQ(ServedBy(), "builtin");
    EXPECT_PSA(PSA_SUCCESS, MacVerify(key, alg, Message(), expected));
    EXPECT_PSA(PSA_SUCCESS, MacVerifyByParts(key, alg, Message(), expected));
  }
  EXPECT_EQ(MacCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(MacCalls(test_b_hooks.hits), 0u);
}

TEST_F(MacDispatch, OperationStaysWithItsDriverWhenTheChainChanges) {
  const psa_key_id_t key = HmacKey();
  const Bytes message = Message();
  const Bytes expected = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, message);

  psa_mac_operation_t on_a = PSA_MAC_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_mac_sign_setup(&on_a, key, kHmac));
  ASSERT_PSA(PSA_SUCCESS, psa_mac_update(&on_a, message.data(), 10));
  // From now on test_a declines HMAC: a new operation goes to test_b, the
  // one already set up stays with test_a.
  test_a_hooks.unsupported_alg = kHmac;
  psa_mac_operation_t on_b = PSA_MAC_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_mac_sign_setup(&on_b, key, kHmac));
  EXPECT_EQ(test_b_hooks.hits.mac_sign_setup, 1u);

  ASSERT_PSA(PSA_SUCCESS, psa_mac_update(&on_a, message.data() + 10, message.size() - 10));
  ASSERT_PSA(PSA_SUCCESS, psa_mac_update(&on_b, message.data(), message.size()));
  EXPECT_EQ(test_a_hooks.hits.mac_update, 2u);
  EXPECT_EQ(test_b_hooks.hits.mac_update, 1u);

  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  ASSERT_PSA(PSA_SUCCESS, psa_mac_sign_finish(&on_a, mac, sizeof(mac), &length));
  EXPECT_EQ(ServedBy(), "test_a_symmetric");
  EXPECT_EQ(ToHex(Bytes(mac, mac + length)), ToHex(expected));
  ASSERT_PSA(PSA_SUCCESS, psa_mac_sign_finish(&on_b, mac, sizeof(mac), &length));
  EXPECT_EQ(ServedBy(), "test_b_symmetric");
  EXPECT_EQ(ToHex(Bytes(mac, mac + length)), ToHex(expected));
  EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 1u);
  EXPECT_EQ(test_b_hooks.hits.mac_sign_finish, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 2u);  // the declined setup of on_b
}

TEST_F(MacDispatch, FailedStepEndsTheOperationInItsDriver) {
  const psa_key_id_t key = HmacKey();
  const Bytes message = Message();
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_mac_verify_setup(&operation, key, kHmac));
  test_a_hooks.forced_status = PSA_ERROR_COMMUNICATION_FAILURE;
  EXPECT_PSA(PSA_ERROR_COMMUNICATION_FAILURE, psa_mac_update(&operation, message.data(), message.size()));
  EXPECT_EQ(test_a_hooks.hits.mac_update, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_abort, 1u);
  // The operation is over: no driver is called for it any more.
  test_a_hooks.forced_status = PSA_SUCCESS;
  EXPECT_PSA(PSA_ERROR_BAD_STATE, psa_mac_update(&operation, message.data(), message.size()));
  EXPECT_EQ(test_a_hooks.hits.mac_update, 1u);
  EXPECT_PSA(PSA_SUCCESS, psa_mac_abort(&operation));
  EXPECT_EQ(test_a_hooks.hits.mac_abort, 1u);
  EXPECT_EQ(MacCalls(test_b_hooks.hits), 0u);
}

TEST_F(MacDispatch, AbortGoesToTheServingDriver) {
  const psa_key_id_t key = CmacKey();
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_mac_sign_setup(&operation, key, PSA_ALG_CMAC));
  const Bytes message = Message();
  ASSERT_PSA(PSA_SUCCESS, psa_mac_update(&operation, message.data(), message.size()));
  EXPECT_PSA(PSA_SUCCESS, psa_mac_abort(&operation));
  EXPECT_EQ(test_a_hooks.hits.mac_abort, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 0u);
  EXPECT_PSA(PSA_SUCCESS, psa_mac_abort(&operation));  // inactive: no driver call
  EXPECT_EQ(test_a_hooks.hits.mac_abort, 1u);
}

}  // namespace
}  // namespace psa::testing
