// Build: test_a_asymmetric_no_fallback (ECDSA-SHA-256 on P-256,
// RSA-OAEP-SHA-256, ECDH on P-256; no fallback), builtin.
//
// A capability without "fallback" fully covers what it declares: when the
// driver says NOT_SUPPORTED (hooks.unsupported_alg), or fails otherwise,
// that is the application's status, although builtin code could serve the
// request. What the driver does not declare still goes to builtin.

#include "tests/dispatch/asymmetric_test_util.h"

namespace psa::testing {
namespace {

class AsymmetricDispatchWithoutFallback : public AsymmetricDispatchTest {};

TEST_F(AsymmetricDispatchWithoutFallback, DriverServesWhatItDeclares) {
  const psa_key_id_t ecdsa_key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(ecdsa_key, kEcdsaSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric_no_fallback");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  ASSERT_PSA(PSA_SUCCESS, SignMessage(ecdsa_key, kEcdsaSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric_no_fallback");
  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(ecdsa_key, kEcdsaSha256, Message(), signature));

  const psa_key_id_t rsa_key = Key(Rsa2048Pair(), kOaepSha256);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, Encrypt(rsa_key, kOaepSha256, Plaintext(), Label(), &ciphertext));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric_no_fallback");
  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS, Decrypt(rsa_key, kOaepSha256, ciphertext, Label(), &plaintext));
  EXPECT_EQ(ToHex(plaintext), ToHex(Plaintext()));

  const psa_key_id_t ecdh_key = Key(P256Pair(), PSA_ALG_ECDH);
  Bytes secret;
  ASSERT_PSA(PSA_SUCCESS, RawKeyAgreement(ecdh_key, PeerP256PublicPoint(), &secret));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric_no_fallback");
  EXPECT_EQ(ToHex(secret), ToHex(BuiltinKeyAgreement(P256Pair(), PeerP256PublicPoint())));

  EXPECT_EQ(test_a_hooks.hits.sign_hash, 2u);  // psa_sign_hash, psa_sign_message
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.asymmetric_encrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.asymmetric_decrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 1u);
}

TEST_F(AsymmetricDispatchWithoutFallback, SignatureDriverNotSupportedIsFinal) {
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  const Bytes signature = BuiltinSignHash(P256Pair(), kEcdsaSha256, MessageSha256());
  test_a_hooks.unsupported_alg = kEcdsaSha256;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, SignHash(key, kEcdsaSha256, MessageSha256(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, VerifyHash(key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, SignMessage(key, kEcdsaSha256, Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, VerifyMessage(key, kEcdsaSha256, Message(), signature));
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 2u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 2u);
}

TEST_F(AsymmetricDispatchWithoutFallback, EncryptionDriverNotSupportedIsFinal) {
  const psa_key_id_t key = Key(Rsa2048Pair(), kOaepSha256);
  const Bytes ciphertext = BuiltinEncrypt(Rsa2048Pair(), kOaepSha256, Plaintext(), Label());
  test_a_hooks.unsupported_alg = kOaepSha256;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, Encrypt(key, kOaepSha256, Plaintext(), Label(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, Decrypt(key, kOaepSha256, ciphertext, Label(), &out));
  EXPECT_EQ(EncryptionCalls(test_a_hooks.hits), 2u);
}

TEST_F(AsymmetricDispatchWithoutFallback, KeyAgreementDriverNotSupportedIsFinal) {
  const psa_key_id_t key = Key(P256Pair(), PSA_ALG_ECDH);
  test_a_hooks.unsupported_alg = PSA_ALG_ECDH;
  Bytes secret;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, RawKeyAgreement(key, PeerP256PublicPoint(), &secret));
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 1u);
}

TEST_F(AsymmetricDispatchWithoutFallback, DriverErrorsAreFinal) {
  const psa_key_id_t ecdsa_key = Key(P256Pair(), kEcdsaSha256);
  const psa_key_id_t rsa_key = Key(Rsa2048Pair(), kOaepSha256);
  const psa_key_id_t ecdh_key = Key(P256Pair(), PSA_ALG_ECDH);
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, SignHash(ecdsa_key, kEcdsaSha256, MessageSha256(), &out));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, Encrypt(rsa_key, kOaepSha256, Plaintext(), Label(), &out));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, RawKeyAgreement(ecdh_key, PeerP256PublicPoint(), &out));
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.asymmetric_encrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 1u);
}

TEST_F(AsymmetricDispatchWithoutFallback, UndeclaredMechanismsStillGoToBuiltin) {
  // The driver declines everything, but is never asked for these.
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;

  const psa_key_id_t p384 = Key(P384Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(p384, kEcdsaSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P384Pair(), kEcdsaSha256, MessageSha256(), signature));

  const psa_key_id_t pkcs1 = Key(Rsa2048Pair(), PSA_ALG_RSA_PKCS1V15_CRYPT);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, Encrypt(pkcs1, PSA_ALG_RSA_PKCS1V15_CRYPT, Plaintext(), Bytes(), &ciphertext));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(BuiltinDecrypt(Rsa2048Pair(), PSA_ALG_RSA_PKCS1V15_CRYPT, ciphertext, Bytes())),
            ToHex(Plaintext()));

  const psa_key_id_t x25519 = Key(PairOf("x25519"), PSA_ALG_ECDH);
  const Bytes peer = PublicOf("x25519").data;
  Bytes secret;
  ASSERT_PSA(PSA_SUCCESS, RawKeyAgreement(x25519, peer, &secret));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(secret), ToHex(BuiltinKeyAgreement(PairOf("x25519"), peer)));

  EXPECT_EQ(SignatureCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(EncryptionCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 0u);
}

}  // namespace
}  // namespace psa::testing
