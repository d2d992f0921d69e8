// Build: test_a_mac_compute_only ("mac_compute" for HMAC-SHA-256 and CMAC,
// nothing else of MAC; fallback), builtin.
//
// Driver interface: the core may verify a MAC with the driver's MAC
// computation and a comparison of its own. psa_mac_verify must reach
// test_a_mac_compute (counted in hits.mac_compute; test_a_mac_verify, not in
// the description, stays at 0), and the comparison must accept the right MAC
// and reject a wrong one of the same length with INVALID_SIGNATURE.

#include <tuple>

#include "tests/dispatch/symmetric_test_util.h"

namespace psa::testing {
namespace {

constexpr psa_algorithm_t kHmac = PSA_ALG_HMAC(PSA_ALG_SHA_256);

class MacVerifyThroughCompute : public SymmetricDispatchTest {
 protected:
  static Bytes HmacKeyData() { return PatternBytes(32, 0x31); }
  static Bytes AesKeyData() { return PatternBytes(32, 0x32); }
};

TEST_F(MacVerifyThroughCompute, RightMacVerifies) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac);
  const Bytes mac = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  EXPECT_PSA(PSA_SUCCESS, MacVerify(key, kHmac, Message(), mac));
  EXPECT_EQ(ServedBy(), "test_a_mac_compute_only");
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify, 0u);
}

TEST_F(MacVerifyThroughCompute, WrongMacIsInvalidSignature) {
  for (const auto& [type, key_data, alg] :
       {std::tuple<psa_key_type_t, Bytes, psa_algorithm_t>{PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac},
        {PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CMAC}}) {
    SCOPED_TRACE(alg);
    test_driver_reset_hooks(&test_a_hooks);
    const psa_key_id_t key = Key(type, key_data, alg);
    const Bytes mac = BuiltinMac(type, key_data, alg, Message());
    EXPECT_PSA(PSA_SUCCESS, MacVerify(key, alg, Message(), mac));
    EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerify(key, alg, Message(), Corrupted(mac)));
    Bytes first_byte_wrong = mac;
    first_byte_wrong[0] ^= 0x80;
    EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerify(key, alg, Message(), first_byte_wrong));
    EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerify(key, alg, Corrupted(Message()), mac));
    EXPECT_EQ(test_a_hooks.hits.mac_compute, 4u);
    EXPECT_EQ(test_a_hooks.hits.mac_verify, 0u);
  }
}

TEST_F(MacVerifyThroughCompute, ComputeIsServedDirectly) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CMAC);
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(key, PSA_ALG_CMAC, Message(), &mac));
  EXPECT_EQ(ServedBy(), "test_a_mac_compute_only");
  EXPECT_EQ(ToHex(mac), ToHex(BuiltinMac(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CMAC, Message())));
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
}

TEST_F(MacVerifyThroughCompute, DriverFailureIsNotMistakenForAWrongMac) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac);
  const Bytes mac = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, MacVerify(key, kHmac, Message(), mac));
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
}

TEST_F(MacVerifyThroughCompute, DeclinedComputeFallsBackToBuiltinVerify) {
  test_a_hooks.unsupported_alg = kHmac;
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac);
  const Bytes mac = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  EXPECT_PSA(PSA_SUCCESS, MacVerify(key, kHmac, Message(), mac));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerify(key, kHmac, Message(), Corrupted(mac)));
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 2u);
}

TEST_F(MacVerifyThroughCompute, MultipartOperationsDoNotReachADriverWithoutThem) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac);
  const Bytes expected = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacSignByParts(key, kHmac, Message(), &mac));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(mac), ToHex(expected));
  EXPECT_PSA(PSA_SUCCESS, MacVerifyByParts(key, kHmac, Message(), expected));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(MacCalls(test_a_hooks.hits), 0u);
}

}  // namespace
}  // namespace psa::testing
