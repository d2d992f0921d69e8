// Build: test_a_asymmetric_sign_message (sign_message and verify_message
// for ECDSA-SHA-256 on P-256; sign_hash and verify_hash for ECDSA-SHA-256
// on SECP_R1 of any size and RSA-PSS-SHA-256; fallback), builtin.
//
// psa_sign_message and psa_verify_message go to a driver's own
// "sign_message" / "verify_message" where it declares them for the
// mechanism (the core computes no hash), and through the hash dispatch and
// the driver's "sign_hash" / "verify_hash" where it declares only those.
// psa_sign_hash never reaches "sign_message". A fallback "sign_message"
// that declines hands the call to the next driver, not to its own
// "sign_hash".

#include "tests/dispatch/asymmetric_test_util.h"

namespace psa::testing {
namespace {

class SignMessageDispatch : public AsymmetricDispatchTest {};

TEST_F(SignMessageDispatch, DriversOwnSignMessageServesTheMessage) {
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignMessage(key, kEcdsaSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric_sign_message");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(test_a_hooks.hits.sign_message, 1u);
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 0u);

  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(key, kEcdsaSha256, Message(), signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric_sign_message");
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, VerifyMessage(key, kEcdsaSha256, Message(), Corrupted(signature)));
  EXPECT_EQ(test_a_hooks.hits.verify_message, 2u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 0u);
}

TEST_F(SignMessageDispatch, PublicKeyVerifiesThroughVerifyMessage) {
  const Bytes signature = BuiltinSignHash(P256Pair(), kEcdsaSha256, MessageSha256());
  const psa_key_id_t key = Key(P256Public(), kEcdsaSha256);
  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(key, kEcdsaSha256, Message(), signature));
  EXPECT_EQ(test_a_hooks.hits.verify_message, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 0u);
}

TEST_F(SignMessageDispatch, SignHashGoesToSignHash) {
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(key, kEcdsaSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric_sign_message");
  EXPECT_PSA(PSA_SUCCESS, VerifyHash(key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.sign_message + test_a_hooks.hits.verify_message, 0u);
}

TEST_F(SignMessageDispatch, MechanismWithoutSignMessageGoesThroughSignHash) {
  // RSA-PSS: declared for sign_hash only.
  const psa_key_id_t key = Key(Rsa2048Pair(), kPssSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignMessage(key, kPssSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric_sign_message");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(Rsa2048Pair(), kPssSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(key, kPssSha256, Message(), signature));
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.sign_message + test_a_hooks.hits.verify_message, 0u);
}

TEST_F(SignMessageDispatch, KeySizeOutsideSignMessageGoesThroughTheSameDriversSignHash) {
  // sign_message is declared for P-256 only, sign_hash for every SECP_R1
  // size: a P-384 message signature is hashed by the core and signed by
  // test_a's sign_hash.
  const psa_key_id_t key = Key(P384Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignMessage(key, kEcdsaSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric_sign_message");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P384Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(key, kEcdsaSha256, Message(), signature));
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.sign_message + test_a_hooks.hits.verify_message, 0u);
}

TEST_F(SignMessageDispatch, DeclinedSignMessageMovesToTheNextDriver) {
  test_a_hooks.unsupported_alg = kEcdsaSha256;
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignMessage(key, kEcdsaSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(key, kEcdsaSha256, Message(), signature));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.sign_message, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_message, 1u);
  // The driver's own sign_hash is not asked after its sign_message declined.
  EXPECT_EQ(test_a_hooks.hits.sign_hash + test_a_hooks.hits.verify_hash, 0u);
}

TEST_F(SignMessageDispatch, SignMessageErrorIsFinal) {
  test_a_hooks.forced_status = PSA_ERROR_COMMUNICATION_FAILURE;
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  const Bytes signature = BuiltinSignHash(P256Pair(), kEcdsaSha256, MessageSha256());
  Bytes out;
  EXPECT_PSA(PSA_ERROR_COMMUNICATION_FAILURE, SignMessage(key, kEcdsaSha256, Message(), &out));
  EXPECT_TRUE(out.empty());
  EXPECT_PSA(PSA_ERROR_COMMUNICATION_FAILURE, VerifyMessage(key, kEcdsaSha256, Message(), signature));
  EXPECT_EQ(test_a_hooks.hits.sign_message, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_message, 1u);
  EXPECT_EQ(test_a_hooks.hits.sign_hash + test_a_hooks.hits.verify_hash, 0u);
}

}  // namespace
}  // namespace psa::testing
