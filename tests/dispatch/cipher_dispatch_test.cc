// Build: test_a_symmetric (CTR, CBC_NO_PADDING, CBC_PKCS7 with AES keys;
// fallback), test_b_symmetric (AES-CTR; fallback), builtin.
//
// Unauthenticated cipher dispatch through the public API: priority, fallback
// on NOT_SUPPORTED, other errors stop the chain, algorithm and key type
// filters, operations that stay with their driver. The core chooses IVs; the
// drivers' results are compared with the builtin driver's for the same IV.

#include "tests/dispatch/symmetric_test_util.h"

namespace psa::testing {
namespace {

constexpr size_t kBlock = 16;

class CipherDispatch : public SymmetricDispatchTest {
 protected:
  static Bytes AesKeyData() { return PatternBytes(16, 0x03); }
  psa_key_id_t AesKey(psa_algorithm_t alg) { return Key(PSA_KEY_TYPE_AES, AesKeyData(), alg); }

  // psa_cipher_encrypt's output (IV || ciphertext) matches the builtin
  // driver's encryption under the same IV, and decrypts back.
  void ExpectEncryptionLikeBuiltin(psa_key_type_t type, const Bytes& key_data, psa_key_id_t key,
                                   psa_algorithm_t alg, const Bytes& message) {
    Bytes out;
    ASSERT_PSA(PSA_SUCCESS, CipherEncrypt(key, alg, message, &out));
    const size_t iv_length = PSA_CIPHER_IV_LENGTH(type, alg);
    EXPECT_EQ(ToHex(Suffix(out, iv_length)),
              ToHex(BuiltinCipherEncrypt(type, key_data, alg, Prefix(out, iv_length), message)));
    Bytes decrypted;
    ASSERT_PSA(PSA_SUCCESS, CipherDecrypt(key, alg, out, &decrypted));
    EXPECT_EQ(ToHex(decrypted), ToHex(message));
  }
};

TEST_F(CipherDispatch, FirstMatchingDriverServesWithBuiltinsResult) {
  const psa_key_id_t key = AesKey(PSA_ALG_CTR);
  ExpectEncryptionLikeBuiltin(PSA_KEY_TYPE_AES, AesKeyData(), key, PSA_ALG_CTR, Message());
  EXPECT_EQ(ServedBy(), "test_a_symmetric");
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_decrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt_setup, 0u);
  EXPECT_EQ(CipherCalls(test_b_hooks.hits), 0u);
}

TEST_F(CipherDispatch, MultipartGoesToTheSameDriverThroughout) {
  const psa_key_id_t key = AesKey(PSA_ALG_CBC_PKCS7);
  const Bytes iv = PatternBytes(kBlock, 0x49);
  const Bytes expected = BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CBC_PKCS7, iv, Message());
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, CipherByParts(true, key, PSA_ALG_CBC_PKCS7, iv, Message(), &ciphertext));
  EXPECT_EQ(ServedBy(), "test_a_symmetric");
  EXPECT_EQ(ToHex(ciphertext), ToHex(expected));
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_set_iv, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_update, 2u);
  EXPECT_EQ(test_a_hooks.hits.cipher_finish, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_abort, 1u);  // the finish ends the operation

  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS, CipherByParts(false, key, PSA_ALG_CBC_PKCS7, iv, ciphertext, &plaintext));
  EXPECT_EQ(ToHex(plaintext), ToHex(Message()));
  EXPECT_EQ(test_a_hooks.hits.cipher_decrypt_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_set_iv, 2u);
  EXPECT_EQ(test_a_hooks.hits.cipher_update, 4u);
  EXPECT_EQ(test_a_hooks.hits.cipher_finish, 2u);
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt + test_a_hooks.hits.cipher_decrypt, 0u);
  EXPECT_EQ(CipherCalls(test_b_hooks.hits), 0u);
}

TEST_F(CipherDispatch, GeneratedIvGoesToTheServingDriver) {
  const psa_key_id_t key = AesKey(PSA_ALG_CTR);
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key, PSA_ALG_CTR));
  uint8_t iv[PSA_CIPHER_IV_MAX_SIZE];
  size_t iv_length = 0;
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_generate_iv(&operation, iv, sizeof(iv), &iv_length));
  EXPECT_EQ(iv_length, kBlock);
  EXPECT_EQ(test_a_hooks.hits.cipher_set_iv, 1u);
  const Bytes message = Message();
  Bytes out(message.size());
  size_t length = 0;
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_update(&operation, message.data(), message.size(), out.data(), out.size(),
                                            &length));
  size_t rest = 0;
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_finish(&operation, out.data() + length, out.size() - length, &rest));
  out.resize(length + rest);
  EXPECT_EQ(ToHex(out), ToHex(BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR,
                                                   Bytes(iv, iv + iv_length), message)));
  EXPECT_EQ(CipherCalls(test_b_hooks.hits), 0u);
}

TEST_F(CipherDispatch, FallsBackToNextDriverWhenFirstSaysNotSupported) {
  test_a_hooks.unsupported_alg = PSA_ALG_CTR;
  const psa_key_id_t key = AesKey(PSA_ALG_CTR);
  ExpectEncryptionLikeBuiltin(PSA_KEY_TYPE_AES, AesKeyData(), key, PSA_ALG_CTR, Message());
  EXPECT_EQ(ServedBy(), "test_b_symmetric");
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_decrypt, 1u);
  EXPECT_EQ(test_b_hooks.hits.cipher_encrypt, 1u);
  EXPECT_EQ(test_b_hooks.hits.cipher_decrypt, 1u);

  const Bytes iv = PatternBytes(kBlock, 0x50);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, CipherByParts(true, key, PSA_ALG_CTR, iv, Message(), &ciphertext));
  EXPECT_EQ(ServedBy(), "test_b_symmetric");
  EXPECT_EQ(ToHex(ciphertext),
            ToHex(BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR, iv, Message())));
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt_setup, 1u);
  EXPECT_EQ(test_b_hooks.hits.cipher_encrypt_setup, 1u);
  EXPECT_EQ(test_b_hooks.hits.cipher_set_iv, 1u);
  EXPECT_EQ(test_b_hooks.hits.cipher_update, 2u);
  EXPECT_EQ(test_b_hooks.hits.cipher_finish, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_set_iv + test_a_hooks.hits.cipher_update + test_a_hooks.hits.cipher_finish,
            0u);
}

TEST_F(CipherDispatch, FallsBackToBuiltinWhenDriverSaysNotSupported) {
  // test_b declares CTR only: from test_a straight to builtin.
  test_a_hooks.unsupported_alg = PSA_ALG_CBC_NO_PADDING;
  const psa_key_id_t key = AesKey(PSA_ALG_CBC_NO_PADDING);
  ExpectEncryptionLikeBuiltin(PSA_KEY_TYPE_AES, AesKeyData(), key, PSA_ALG_CBC_NO_PADDING, BlockMessage());
  EXPECT_EQ(ServedBy(), "builtin");
  const Bytes iv = PatternBytes(kBlock, 0x51);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, CipherByParts(true, key, PSA_ALG_CBC_NO_PADDING, iv, BlockMessage(), &ciphertext));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(ciphertext), ToHex(BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CBC_NO_PADDING,
                                                          iv, BlockMessage())));
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_decrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_update, 0u);
  EXPECT_EQ(CipherCalls(test_b_hooks.hits), 0u);
}

TEST_F(CipherDispatch, ErrorOtherThanNotSupportedStopsTheChain) {
  const psa_key_id_t key = AesKey(PSA_ALG_CTR);
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, CipherEncrypt(key, PSA_ALG_CTR, Message(), &out));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, CipherDecrypt(key, PSA_ALG_CTR, Message(), &out));
  const Bytes iv = PatternBytes(kBlock, 0x52);
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, CipherByParts(true, key, PSA_ALG_CTR, iv, Message(), &out));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, CipherByParts(false, key, PSA_ALG_CTR, iv, Message(), &out));
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_decrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_decrypt_setup, 1u);
  EXPECT_EQ(CipherCalls(test_b_hooks.hits), 0u);
}

TEST_F(CipherDispatch, KeyTypeFilterSkipsDriversThatDoNotDeclareIt) {
  // Both test drivers declare CTR, but for AES keys only.
  const Bytes key_data = PatternBytes(16, 0x04);
  const psa_key_id_t key = Key(PSA_KEY_TYPE_CAMELLIA, key_data, PSA_ALG_CTR);
  ExpectEncryptionLikeBuiltin(PSA_KEY_TYPE_CAMELLIA, key_data, key, PSA_ALG_CTR, Message());
  EXPECT_EQ(ServedBy(), "builtin");
  Bytes out;
  ASSERT_PSA(PSA_SUCCESS, CipherByParts(true, key, PSA_ALG_CTR, PatternBytes(kBlock, 0x53), Message(), &out));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(CipherCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(CipherCalls(test_b_hooks.hits), 0u);
}

TEST_F(CipherDispatch, AlgorithmFilterSkipsDriversThatDoNotDeclareIt) {
  for (psa_algorithm_t alg : {PSA_ALG_ECB_NO_PADDING, PSA_ALG_CFB, PSA_ALG_OFB}) {
    SCOPED_TRACE(alg);
    const psa_key_id_t key = AesKey(alg);
    ExpectEncryptionLikeBuiltin(PSA_KEY_TYPE_AES, AesKeyData(), key, alg, BlockMessage());
    EXPECT_EQ(ServedBy(), "builtin");
  }
  EXPECT_EQ(CipherCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(CipherCalls(test_b_hooks.hits), 0u);
}

TEST_F(CipherDispatch, OperationStaysWithItsDriverWhenTheChainChanges) {
  const psa_key_id_t key = AesKey(PSA_ALG_CTR);
  const Bytes iv = PatternBytes(kBlock, 0x54);
  const Bytes message = Message();
  const Bytes expected = BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR, iv, message);

  psa_cipher_operation_t on_a = PSA_CIPHER_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_encrypt_setup(&on_a, key, PSA_ALG_CTR));
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_set_iv(&on_a, iv.data(), iv.size()));
  test_a_hooks.unsupported_alg = PSA_ALG_CTR;
  psa_cipher_operation_t on_b = PSA_CIPHER_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_encrypt_setup(&on_b, key, PSA_ALG_CTR));
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_set_iv(&on_b, iv.data(), iv.size()));
  EXPECT_EQ(test_a_hooks.hits.cipher_set_iv, 1u);
  EXPECT_EQ(test_b_hooks.hits.cipher_set_iv, 1u);

  for (psa_cipher_operation_t* operation : {&on_a, &on_b}) {
    Bytes out(message.size());
    size_t length = 0;
    ASSERT_PSA(PSA_SUCCESS, psa_cipher_update(operation, message.data(), message.size(), out.data(), out.size(),
                                              &length));
    size_t rest = 0;
    ASSERT_PSA(PSA_SUCCESS, psa_cipher_finish(operation, out.data() + length, out.size() - length, &rest));
    out.resize(length + rest);
    EXPECT_EQ(ToHex(out), ToHex(expected));
  }
  EXPECT_EQ(test_a_hooks.hits.cipher_update, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_finish, 1u);
  EXPECT_EQ(test_b_hooks.hits.cipher_update, 1u);
  EXPECT_EQ(test_b_hooks.hits.cipher_finish, 1u);
  EXPECT_EQ(ServedBy(), "test_b_symmetric");
}

TEST_F(CipherDispatch, FailedFinishEndsTheOperationInItsDriver) {
  const psa_key_id_t key = AesKey(PSA_ALG_CBC_PKCS7);
  const Bytes iv = PatternBytes(kBlock, 0x55);
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_decrypt_setup(&operation, key, PSA_ALG_CBC_PKCS7));
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_set_iv(&operation, iv.data(), iv.size()));
  // A ciphertext whose padding is wrong: the driver's own error.
  const Bytes garbage = PatternBytes(2 * kBlock, 0x56);
  Bytes out(garbage.size() + kBlock);
  size_t length = 0;
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_update(&operation, garbage.data(), garbage.size(), out.data(), out.size(),
                                            &length));
  size_t rest = 0;
  const psa_status_t status = psa_cipher_finish(&operation, out.data() + length, out.size() - length, &rest);
  EXPECT_TRUE(status == PSA_ERROR_INVALID_PADDING) << StatusName(status);
  EXPECT_EQ(test_a_hooks.hits.cipher_finish, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_abort, 1u);
  EXPECT_PSA(PSA_ERROR_BAD_STATE, psa_cipher_update(&operation, garbage.data(), garbage.size(), out.data(),
                                                    out.size(), &length));
  EXPECT_EQ(test_a_hooks.hits.cipher_update, 1u);
  EXPECT_EQ(CipherCalls(test_b_hooks.hits), 0u);
}

}  // namespace
}  // namespace psa::testing
