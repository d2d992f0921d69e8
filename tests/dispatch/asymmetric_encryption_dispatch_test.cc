// Build: test_a_asymmetric (RSA-OAEP-SHA-256; fallback), test_b_asymmetric
// (RSA-OAEP-SHA-256; fallback), builtin.
//
// Asymmetric encryption dispatch through the public API: priority,
// fallback on NOT_SUPPORTED, any other status final, undeclared paddings
// and hashes skip the test drivers. OAEP is randomized: a ciphertext is
// proved by decrypting it with the builtin driver, and a decryption by
// decrypting builtin's ciphertext.

#include "tests/dispatch/asymmetric_test_util.h"

namespace psa::testing {
namespace {

class AsymmetricEncryptionDispatch : public AsymmetricDispatchTest {};

TEST_F(AsymmetricEncryptionDispatch, FirstMatchingDriverEncryptsAndDecrypts) {
  const psa_key_id_t key = Key(Rsa2048Pair(), kOaepSha256);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, Encrypt(key, kOaepSha256, Plaintext(), Label(), &ciphertext));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_EQ(ciphertext.size(), 256u);
  EXPECT_EQ(ToHex(BuiltinDecrypt(Rsa2048Pair(), kOaepSha256, ciphertext, Label())), ToHex(Plaintext()));

  const Bytes builtin_ciphertext = BuiltinEncrypt(Rsa2048Pair(), kOaepSha256, Plaintext(), Label());
  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS, Decrypt(key, kOaepSha256, builtin_ciphertext, Label(), &plaintext));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_EQ(ToHex(plaintext), ToHex(Plaintext()));
  EXPECT_EQ(test_a_hooks.hits.asymmetric_encrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.asymmetric_decrypt, 1u);
  EXPECT_EQ(EncryptionCalls(test_b_hooks.hits), 0u);
}

TEST_F(AsymmetricEncryptionDispatch, PublicKeyEncryptsThroughTheFirstDriver) {
  const psa_key_id_t key = Key(Rsa2048Public(), kOaepSha256);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, Encrypt(key, kOaepSha256, Plaintext(), Bytes(), &ciphertext));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_EQ(ToHex(BuiltinDecrypt(Rsa2048Pair(), kOaepSha256, ciphertext, Bytes())), ToHex(Plaintext()));
  EXPECT_EQ(test_a_hooks.hits.asymmetric_encrypt, 1u);
}

TEST_F(AsymmetricEncryptionDispatch, BadCiphertextIsTheServingDriversAnswer) {
  const psa_key_id_t key = Key(Rsa2048Pair(), kOaepSha256);
  const Bytes ciphertext = BuiltinEncrypt(Rsa2048Pair(), kOaepSha256, Plaintext(), Label());
  Bytes plaintext;
  // Another label: the OAEP check fails in the driver that serves.
  EXPECT_PSA(PSA_ERROR_INVALID_PADDING, Decrypt(key, kOaepSha256, ciphertext, Bytes(), &plaintext));
  EXPECT_TRUE(plaintext.empty());
  EXPECT_EQ(test_a_hooks.hits.asymmetric_decrypt, 1u);
  EXPECT_EQ(EncryptionCalls(test_b_hooks.hits), 0u);
}

TEST_F(AsymmetricEncryptionDispatch, FallsBackToNextDriverWhenFirstSaysNotSupported) {
  test_a_hooks.unsupported_alg = kOaepSha256;
  const psa_key_id_t key = Key(Rsa2048Pair(), kOaepSha256);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, Encrypt(key, kOaepSha256, Plaintext(), Label(), &ciphertext));
  EXPECT_EQ(ServedBy(), "test_b_asymmetric");
  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS, Decrypt(key, kOaepSha256, ciphertext, Label(), &plaintext));
  EXPECT_EQ(ServedBy(), "test_b_asymmetric");
  EXPECT_EQ(ToHex(plaintext), ToHex(Plaintext()));
  EXPECT_EQ(test_a_hooks.hits.asymmetric_encrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.asymmetric_decrypt, 1u);
  EXPECT_EQ(test_b_hooks.hits.asymmetric_encrypt, 1u);
  EXPECT_EQ(test_b_hooks.hits.asymmetric_decrypt, 1u);
}

TEST_F(AsymmetricEncryptionDispatch, FallsBackToBuiltinWhenAllDriversSayNotSupported) {
  test_a_hooks.unsupported_alg = kOaepSha256;
  test_b_hooks.unsupported_alg = kOaepSha256;
  const psa_key_id_t key = Key(Rsa2048Pair(), kOaepSha256);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, Encrypt(key, kOaepSha256, Plaintext(), Label(), &ciphertext));
  EXPECT_EQ(ServedBy(), "builtin");
  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS, Decrypt(key, kOaepSha256, ciphertext, Label(), &plaintext));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(plaintext), ToHex(Plaintext()));
  EXPECT_EQ(EncryptionCalls(test_a_hooks.hits), 2u);
  EXPECT_EQ(EncryptionCalls(test_b_hooks.hits), 2u);
}

TEST_F(AsymmetricEncryptionDispatch, ErrorOtherThanNotSupportedStopsTheChain) {
  const psa_key_id_t key = Key(Rsa2048Pair(), kOaepSha256);
  const Bytes ciphertext = BuiltinEncrypt(Rsa2048Pair(), kOaepSha256, Plaintext(), Label());
  for (psa_status_t forced : {PSA_ERROR_HARDWARE_FAILURE, PSA_ERROR_COMMUNICATION_FAILURE,
                              PSA_ERROR_INSUFFICIENT_MEMORY}) {
    SCOPED_TRACE(StatusName(forced));
    test_a_hooks.forced_status = forced;
    Bytes out;
    EXPECT_PSA(forced, Encrypt(key, kOaepSha256, Plaintext(), Label(), &out));
    EXPECT_TRUE(out.empty());
    EXPECT_PSA(forced, Decrypt(key, kOaepSha256, ciphertext, Label(), &out));
    EXPECT_TRUE(out.empty());
  }
  EXPECT_EQ(EncryptionCalls(test_a_hooks.hits), 6u);
  EXPECT_EQ(EncryptionCalls(test_b_hooks.hits), 0u);
}

TEST_F(AsymmetricEncryptionDispatch, AlgorithmFilterSkipsDriversThatDoNotDeclareIt) {
  // PKCS#1 v1.5 and OAEP with SHA-1 are declared by builtin only.
  for (psa_algorithm_t alg : {PSA_ALG_RSA_PKCS1V15_CRYPT, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_1)}) {
    SCOPED_TRACE(alg);
    const psa_key_id_t key = Key(Rsa2048Pair(), alg);
    Bytes ciphertext;
    ASSERT_PSA(PSA_SUCCESS, Encrypt(key, alg, Plaintext(), Bytes(), &ciphertext));
    EXPECT_EQ(ServedBy(), "builtin");
    EXPECT_EQ(ToHex(BuiltinDecrypt(Rsa2048Pair(), alg, ciphertext, Bytes())), ToHex(Plaintext()));
    Bytes plaintext;
    ASSERT_PSA(PSA_SUCCESS, Decrypt(key, alg, ciphertext, Bytes(), &plaintext));
    EXPECT_EQ(ServedBy(), "builtin");
    EXPECT_EQ(ToHex(plaintext), ToHex(Plaintext()));
  }
  EXPECT_EQ(EncryptionCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(EncryptionCalls(test_b_hooks.hits), 0u);
}

}  // namespace
}  // namespace psa::testing
