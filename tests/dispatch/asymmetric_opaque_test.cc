// Build: test_a_asymmetric (transparent: SHA-256 hash_compute,
// ECDSA-SHA-256 on P-256, RSA-PSS, RSA-OAEP, ECDH on P-256; fallback),
// test_opaque_asymmetric (opaque, location 0x800001: sign_hash,
// verify_hash, asymmetric encryption, key agreement, no sign_message),
// test_opaque_static_sign_message (opaque, location 0x800002:
// sign_message and verify_message only), builtin.
//
// Driver interface: a key in an opaque driver's location is served by that
// driver only, whatever the transparent drivers declare, and without
// fallback; a transparent key never reaches an opaque driver; an entry
// point the location's driver lacks is NOT_SUPPORTED (the generated
// dispatch asks nobody else). The opaque driver unwraps its key context and
// computes with the builtin driver's functions, so its results check out
// with builtin for the plain key.

#include "drivers/test/test_opaque_driver.h"
#include "tests/dispatch/asymmetric_test_util.h"

namespace psa::testing {
namespace {

class AsymmetricOpaqueDispatch : public AsymmetricDispatchTest {
 protected:
  void SetUp() override {
    AsymmetricDispatchTest::SetUp();
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
  }

  static void ExpectNoTransparentCalls() {
    EXPECT_EQ(SignatureCalls(test_a_hooks.hits), 0u);
    EXPECT_EQ(EncryptionCalls(test_a_hooks.hits), 0u);
    EXPECT_EQ(test_a_hooks.hits.key_agreement, 0u);
  }
  static void ExpectNoOpaqueCalls(const test_opaque_hooks_t& hooks) {
    EXPECT_EQ(SignatureCalls(hooks.hits), 0u);
    EXPECT_EQ(EncryptionCalls(hooks.hits), 0u);
    EXPECT_EQ(hooks.hits.key_agreement, 0u);
  }
};

TEST_F(AsymmetricOpaqueDispatch, OpaqueKeySignsAndVerifiesThroughItsDriverOnly) {
  // test_a declares ECDSA-SHA-256 on P-256 too, but the key is not a
  // transparent one.
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256, TEST_OPAQUE_LOCATION);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(key, kEcdsaSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "test_opaque_asymmetric");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyHash(key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(ServedBy(), "test_opaque_asymmetric");
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, VerifyHash(key, kEcdsaSha256, MessageSha256(), Corrupted(signature)));

  EXPECT_EQ(test_opaque_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.verify_hash, 2u);
  ExpectNoOpaqueCalls(test_opaque_static_hooks);
  ExpectNoTransparentCalls();
}

TEST_F(AsymmetricOpaqueDispatch, OpaqueSignMessageHashesThroughTheHashDispatch) {
  // test_opaque_asymmetric has no sign_message: the core hashes (test_a's
  // transparent SHA-256 serves; hashing takes no key) and calls the opaque
  // driver's sign_hash.
  const psa_key_id_t key = Key(Rsa2048Pair(), kPssSha256, TEST_OPAQUE_LOCATION);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignMessage(key, kPssSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "test_opaque_asymmetric");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(Rsa2048Pair(), kPssSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(key, kPssSha256, Message(), signature));
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 2u);
  EXPECT_EQ(test_opaque_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.sign_message + test_opaque_hooks.hits.verify_message, 0u);
  ExpectNoTransparentCalls();
}

TEST_F(AsymmetricOpaqueDispatch, OpaqueKeyEncryptsAndDecryptsThroughItsDriverOnly) {
  const psa_key_id_t key = Key(Rsa2048Pair(), kOaepSha256, TEST_OPAQUE_LOCATION);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, Encrypt(key, kOaepSha256, Plaintext(), Label(), &ciphertext));
  EXPECT_EQ(ServedBy(), "test_opaque_asymmetric");
  EXPECT_EQ(ToHex(BuiltinDecrypt(Rsa2048Pair(), kOaepSha256, ciphertext, Label())), ToHex(Plaintext()));

  const Bytes builtin_ciphertext = BuiltinEncrypt(Rsa2048Pair(), kOaepSha256, Plaintext(), Label());
  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS, Decrypt(key, kOaepSha256, builtin_ciphertext, Label(), &plaintext));
  EXPECT_EQ(ServedBy(), "test_opaque_asymmetric");
  EXPECT_EQ(ToHex(plaintext), ToHex(Plaintext()));
  EXPECT_PSA(PSA_ERROR_INVALID_PADDING, Decrypt(key, kOaepSha256, builtin_ciphertext, Bytes(), &plaintext));

  EXPECT_EQ(test_opaque_hooks.hits.asymmetric_encrypt, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.asymmetric_decrypt, 2u);
  ExpectNoOpaqueCalls(test_opaque_static_hooks);
  ExpectNoTransparentCalls();
}

TEST_F(AsymmetricOpaqueDispatch, OpaqueKeyAgreesThroughItsDriverOnly) {
  const psa_key_id_t key = Key(P256Pair(), PSA_ALG_ECDH, TEST_OPAQUE_LOCATION);
  Bytes secret;
  ASSERT_PSA(PSA_SUCCESS, RawKeyAgreement(key, PeerP256PublicPoint(), &secret));
  EXPECT_EQ(ServedBy(), "test_opaque_asymmetric");
  EXPECT_EQ(ToHex(secret), ToHex(BuiltinKeyAgreement(PeerP256Pair(), P256PublicPoint())));
  EXPECT_EQ(test_opaque_hooks.hits.key_agreement, 1u);
  ExpectNoOpaqueCalls(test_opaque_static_hooks);
  ExpectNoTransparentCalls();
}

TEST_F(AsymmetricOpaqueDispatch, TransparentKeysNeverReachTheOpaqueDrivers) {
  const psa_key_id_t ecdsa_key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(ecdsa_key, kEcdsaSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  ASSERT_PSA(PSA_SUCCESS, SignMessage(ecdsa_key, kEcdsaSha256, Message(), &signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(ecdsa_key, kEcdsaSha256, Message(), signature));

  // RSA PKCS#1 v1.5: test_a does not declare it, builtin serves, and the
  // opaque drivers, which declare every algorithm, are not asked either.
  const psa_algorithm_t pkcs1 = PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256);
  const psa_key_id_t rsa_key = Key(Rsa2048Pair(), pkcs1);
  ASSERT_PSA(PSA_SUCCESS, SignMessage(rsa_key, pkcs1, Message(), &signature));
  EXPECT_EQ(ServedBy(), "builtin");

  const psa_key_id_t oaep_key = Key(Rsa2048Pair(), kOaepSha256);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, Encrypt(oaep_key, kOaepSha256, Plaintext(), Label(), &ciphertext));
  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS, Decrypt(oaep_key, kOaepSha256, ciphertext, Label(), &plaintext));

  const psa_key_id_t ecdh_key = Key(P256Pair(), PSA_ALG_ECDH);
  Bytes secret;
  ASSERT_PSA(PSA_SUCCESS, RawKeyAgreement(ecdh_key, PeerP256PublicPoint(), &secret));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");

  EXPECT_EQ(test_a_hooks.hits.sign_hash, 2u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(EncryptionCalls(test_a_hooks.hits), 2u);
  EXPECT_EQ(test_a_hooks.hits.key_agreement, 1u);
  ExpectNoOpaqueCalls(test_opaque_hooks);
  ExpectNoOpaqueCalls(test_opaque_static_hooks);
}

TEST_F(AsymmetricOpaqueDispatch, OpaqueDriverStatusesAreFinal) {
  const psa_key_id_t ecdsa_key = Key(P256Pair(), kEcdsaSha256, TEST_OPAQUE_LOCATION);
  const psa_key_id_t oaep_key = Key(Rsa2048Pair(), kOaepSha256, TEST_OPAQUE_LOCATION);
  const psa_key_id_t ecdh_key = Key(P256Pair(), PSA_ALG_ECDH, TEST_OPAQUE_LOCATION);
  const Bytes signature = BuiltinSignHash(P256Pair(), kEcdsaSha256, MessageSha256());
  const Bytes ciphertext = BuiltinEncrypt(Rsa2048Pair(), kOaepSha256, Plaintext(), Label());

  test_opaque_hooks.forced.sign_hash = PSA_ERROR_HARDWARE_FAILURE;
  test_opaque_hooks.forced.verify_hash = PSA_ERROR_COMMUNICATION_FAILURE;
  test_opaque_hooks.forced.asymmetric_encrypt = PSA_ERROR_INSUFFICIENT_MEMORY;
  test_opaque_hooks.forced.asymmetric_decrypt = PSA_ERROR_HARDWARE_FAILURE;
  test_opaque_hooks.forced.key_agreement = PSA_ERROR_COMMUNICATION_FAILURE;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, SignHash(ecdsa_key, kEcdsaSha256, MessageSha256(), &out));
  EXPECT_TRUE(out.empty());
  EXPECT_PSA(PSA_ERROR_COMMUNICATION_FAILURE, VerifyHash(ecdsa_key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_ERROR_INSUFFICIENT_MEMORY, Encrypt(oaep_key, kOaepSha256, Plaintext(), Label(), &out));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, Decrypt(oaep_key, kOaepSha256, ciphertext, Label(), &out));
  EXPECT_TRUE(out.empty());
  EXPECT_PSA(PSA_ERROR_COMMUNICATION_FAILURE, RawKeyAgreement(ecdh_key, PeerP256PublicPoint(), &out));
  EXPECT_TRUE(out.empty());

  // Declining is final too: an opaque driver has no fallback.
  test_opaque_reset_hooks(&test_opaque_hooks);
  test_opaque_hooks.unsupported_alg = kEcdsaSha256;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, SignHash(ecdsa_key, kEcdsaSha256, MessageSha256(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, SignMessage(ecdsa_key, kEcdsaSha256, Message(), &out));
  test_opaque_hooks.unsupported_key_type = PSA_KEY_TYPE_RSA_KEY_PAIR;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, Decrypt(oaep_key, kOaepSha256, ciphertext, Label(), &out));
  EXPECT_EQ(test_opaque_hooks.hits.sign_hash, 2u);
  EXPECT_EQ(test_opaque_hooks.hits.asymmetric_decrypt, 1u);
  ExpectNoTransparentCalls();
}

TEST_F(AsymmetricOpaqueDispatch, OpaqueSignMessageServesWithoutTheHashDispatch) {
  // test_opaque_static_sign_message declares sign_message and
  // verify_message: it hashes itself, the core computes no hash.
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256, TEST_OPAQUE_STATIC_LOCATION);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignMessage(key, kEcdsaSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "test_opaque_static_sign_message");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(key, kEcdsaSha256, Message(), signature));
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, VerifyMessage(key, kEcdsaSha256, Message(), Corrupted(signature)));
  EXPECT_EQ(test_opaque_static_hooks.hits.sign_message, 1u);
  EXPECT_EQ(test_opaque_static_hooks.hits.verify_message, 2u);
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 0u);
  ExpectNoOpaqueCalls(test_opaque_hooks);
  ExpectNoTransparentCalls();

  test_opaque_static_hooks.forced.sign_message = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, SignMessage(key, kEcdsaSha256, Message(), &signature));
}

TEST_F(AsymmetricOpaqueDispatch, EntryPointTheLocationsDriverLacksIsNotSupported) {
  // test_opaque_static_sign_message has no sign_hash, verify_hash,
  // asymmetric encryption or key agreement: nobody else may serve its
  // keys, so the generated dispatch answers NOT_SUPPORTED.
  const psa_key_id_t ecdsa_key = Key(P256Pair(), kEcdsaSha256, TEST_OPAQUE_STATIC_LOCATION);
  const psa_key_id_t oaep_key = Key(Rsa2048Pair(), kOaepSha256, TEST_OPAQUE_STATIC_LOCATION);
  const psa_key_id_t ecdh_key = Key(P256Pair(), PSA_ALG_ECDH, TEST_OPAQUE_STATIC_LOCATION);
  const Bytes signature = BuiltinSignHash(P256Pair(), kEcdsaSha256, MessageSha256());
  const Bytes ciphertext = BuiltinEncrypt(Rsa2048Pair(), kOaepSha256, Plaintext(), Label());
  Bytes out;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, SignHash(ecdsa_key, kEcdsaSha256, MessageSha256(), &out));
  EXPECT_TRUE(out.empty());
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, VerifyHash(ecdsa_key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, Encrypt(oaep_key, kOaepSha256, Plaintext(), Label(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, Decrypt(oaep_key, kOaepSha256, ciphertext, Label(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, RawKeyAgreement(ecdh_key, PeerP256PublicPoint(), &out));
  ExpectNoOpaqueCalls(test_opaque_static_hooks);
  ExpectNoOpaqueCalls(test_opaque_hooks);
  ExpectNoTransparentCalls();
}

}  // namespace
}  // namespace psa::testing
