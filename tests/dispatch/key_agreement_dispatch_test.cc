// Build: test_a_asymmetric (ECDH on P-256; fallback), test_b_asymmetric
// (ECDH on SECP_R1 of any size; fallback), builtin.
//
// Key agreement dispatch through psa_raw_key_agreement: the driver is
// chosen by our key (its type and size), the first matching driver serves,
// NOT_SUPPORTED from a fallback capability moves on, any other status is
// final, undeclared curves and sizes skip a driver. Shared secrets equal
// builtin's and the peer's view of the same agreement.

#include "tests/dispatch/asymmetric_test_util.h"

namespace psa::testing {
namespace {

class KeyAgreementDispatch : public AsymmetricDispatchTest {
 protected:
  // The secret of P256Pair() and PeerP256Pair(), computed from the peer's
  // side by builtin: the same number, whoever computes it.
  static Bytes ExpectedP256Secret() { return BuiltinKeyAgreement(PeerP256Pair(), P256PublicPoint()); }
};

TEST_F(KeyAgreementDispatch, FirstMatchingDriverAgrees) {
  const psa_key_id_t key = Key(P256Pair(), PSA_ALG_ECDH);
  Bytes secret;
  ASSERT_PSA(PSA_SUCCESS, RawKeyAgreement(key, PeerP256PublicPoint(), &secret));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_EQ(secret.size(), 32u);
  EXPECT_EQ(ToHex(secret), ToHex(ExpectedP256Secret()));
  EXPECT_EQ(ToHex(secret), ToHex(BuiltinKeyAgreement(P256Pair(), PeerP256PublicPoint())));
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 1u);
  EXPECT_EQ(test_b_hooks.hits.key_agreement, 0u);
}

TEST_F(KeyAgreementDispatch, BadPeerKeyIsTheServingDriversAnswer) {
  const psa_key_id_t key = Key(P256Pair(), PSA_ALG_ECDH);
  Bytes peer = PeerP256PublicPoint();
  peer.back() ^= 0x01;  // no longer on the curve
  Bytes secret;
  EXPECT_PSA(PSA_ERROR_INVALID_ARGUMENT, RawKeyAgreement(key, peer, &secret));
  EXPECT_TRUE(secret.empty());
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 1u);
  EXPECT_EQ(test_b_hooks.hits.key_agreement, 0u);
}

TEST_F(KeyAgreementDispatch, FallsBackToNextDriverWhenFirstSaysNotSupported) {
  test_a_hooks.unsupported_alg = PSA_ALG_ECDH;
  const psa_key_id_t key = Key(P256Pair(), PSA_ALG_ECDH);
  Bytes secret;
  ASSERT_PSA(PSA_SUCCESS, RawKeyAgreement(key, PeerP256PublicPoint(), &secret));
  EXPECT_EQ(ServedBy(), "test_b_asymmetric");
  EXPECT_EQ(ToHex(secret), ToHex(ExpectedP256Secret()));
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 1u);
  EXPECT_EQ(test_b_hooks.hits.key_agreement, 1u);
}

TEST_F(KeyAgreementDispatch, FallsBackToBuiltinWhenAllDriversSayNotSupported) {
  test_a_hooks.unsupported_alg = PSA_ALG_ECDH;
  test_b_hooks.unsupported_alg = PSA_ALG_ECDH;
  const psa_key_id_t key = Key(P256Pair(), PSA_ALG_ECDH);
  Bytes secret;
  ASSERT_PSA(PSA_SUCCESS, RawKeyAgreement(key, PeerP256PublicPoint(), &secret));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(secret), ToHex(ExpectedP256Secret()));
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 1u);
  EXPECT_EQ(test_b_hooks.hits.key_agreement, 1u);
}

TEST_F(KeyAgreementDispatch, ErrorOtherThanNotSupportedStopsTheChain) {
  const psa_key_id_t key = Key(P256Pair(), PSA_ALG_ECDH);
  for (psa_status_t forced : {PSA_ERROR_HARDWARE_FAILURE, PSA_ERROR_COMMUNICATION_FAILURE,
                              PSA_ERROR_INSUFFICIENT_MEMORY}) {
    SCOPED_TRACE(StatusName(forced));
    test_a_hooks.forced_status = forced;
    Bytes secret;
    EXPECT_PSA(forced, RawKeyAgreement(key, PeerP256PublicPoint(), &secret));
    EXPECT_TRUE(secret.empty());
  }
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 3u);
  EXPECT_EQ(test_b_hooks.hits.key_agreement, 0u);
}

TEST_F(KeyAgreementDispatch, KeySizeFilterSkipsTheFirstDriver) {
  // P-384: test_a declares P-256 only. The peer is our own public key,
  // a valid point of the curve.
  const psa_key_id_t key = Key(P384Pair(), PSA_ALG_ECDH);
  const Bytes peer = PublicOf("secp384r1").data;
  Bytes secret;
  ASSERT_PSA(PSA_SUCCESS, RawKeyAgreement(key, peer, &secret));
  EXPECT_EQ(ServedBy(), "test_b_asymmetric");
  EXPECT_EQ(secret.size(), 48u);
  EXPECT_EQ(ToHex(secret), ToHex(BuiltinKeyAgreement(P384Pair(), peer)));
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 0u);
  EXPECT_EQ(test_b_hooks.hits.key_agreement, 1u);
}

TEST_F(KeyAgreementDispatch, CurveFilterSkipsBothDrivers) {
  // secp256k1 and X25519: neither test driver declares them.
  for (const char* name : {"secp256k1", "x25519"}) {
    SCOPED_TRACE(name);
    const psa_key_id_t key = Key(PairOf(name), PSA_ALG_ECDH);
    const Bytes peer = PublicOf(name).data;
    Bytes secret;
    ASSERT_PSA(PSA_SUCCESS, RawKeyAgreement(key, peer, &secret));
    EXPECT_EQ(ServedBy(), "builtin");
    EXPECT_EQ(ToHex(secret), ToHex(BuiltinKeyAgreement(PairOf(name), peer)));
  }
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 0u);
  EXPECT_EQ(test_b_hooks.hits.key_agreement, 0u);
}

}  // namespace
}  // namespace psa::testing
