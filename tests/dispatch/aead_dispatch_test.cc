// Build: test_a_symmetric (GCM and ChaCha20-Poly1305, AES and ChaCha20 keys
// of 128 or 256 bits; fallback), test_b_symmetric (AES-GCM of any size;
// fallback), builtin.
//
// AEAD dispatch through the public API: priority, fallback on
// NOT_SUPPORTED, other errors (a wrong tag included) stop the chain,
// algorithm, key type and key size filters, operations that stay with their
// driver. Results equal the builtin driver's.

#include "tests/dispatch/symmetric_test_util.h"

namespace psa::testing {
namespace {

constexpr size_t kTag = 16;

class AeadDispatch : public SymmetricDispatchTest {
 protected:
  static Bytes AesKeyData(size_t bytes = 16) { return PatternBytes(bytes, 0x05); }
  static Bytes ChaChaKeyData() { return PatternBytes(32, 0x06); }
  static Bytes Nonce(size_t bytes = 12) { return PatternBytes(bytes, 0x4e); }

  // Single-part encryption equals the builtin driver's, and decrypts back;
  // the same with the multi-part functions.
  void ExpectLikeBuiltin(psa_key_type_t type, const Bytes& key_data, psa_key_id_t key, psa_algorithm_t alg) {
    const Bytes nonce = Nonce(PSA_AEAD_NONCE_LENGTH(type, alg));
    const Bytes expected = BuiltinAeadEncrypt(type, key_data, alg, nonce, AdditionalData(), Message());
    Bytes out;
    ASSERT_PSA(PSA_SUCCESS, AeadEncrypt(key, alg, nonce, AdditionalData(), Message(), &out));
    EXPECT_EQ(ToHex(out), ToHex(expected));
    Bytes plaintext;
    ASSERT_PSA(PSA_SUCCESS, AeadDecrypt(key, alg, nonce, AdditionalData(), expected, &plaintext));
    EXPECT_EQ(ToHex(plaintext), ToHex(Message()));
    ASSERT_PSA(PSA_SUCCESS, AeadEncryptByParts(key, alg, nonce, AdditionalData(), Message(), &out));
    EXPECT_EQ(ToHex(out), ToHex(expected));
    const size_t tag = PSA_AEAD_TAG_LENGTH(type, PSA_BYTES_TO_BITS(key_data.size()), alg);
    ASSERT_PSA(PSA_SUCCESS, AeadDecryptByParts(key, alg, nonce, AdditionalData(), expected, tag, &plaintext));
    EXPECT_EQ(ToHex(plaintext), ToHex(Message()));
  }

  static void ExpectOneOfEachCall(const test_driver_counters_t& hits) {
    EXPECT_EQ(hits.aead_encrypt, 1u);
    EXPECT_EQ(hits.aead_decrypt, 1u);
    EXPECT_EQ(hits.aead_encrypt_setup, 1u);
    EXPECT_EQ(hits.aead_decrypt_setup, 1u);
    EXPECT_EQ(hits.aead_finish, 1u);
    EXPECT_EQ(hits.aead_verify, 1u);
  }
};

TEST_F(AeadDispatch, FirstMatchingDriverServesWithBuiltinsResult) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM);
  ExpectLikeBuiltin(PSA_KEY_TYPE_AES, AesKeyData(), key, PSA_ALG_GCM);
  EXPECT_EQ(ServedBy(), "test_a_symmetric");
  ExpectOneOfEachCall(test_a_hooks.hits);
  EXPECT_EQ(AeadCalls(test_b_hooks.hits), 0u);
}

TEST_F(AeadDispatch, MultipartGoesToTheSameDriverThroughout) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_CHACHA20, ChaChaKeyData(), PSA_ALG_CHACHA20_POLY1305);
  const Bytes nonce = Nonce();
  Bytes out;
  ASSERT_PSA(PSA_SUCCESS, AeadEncryptByParts(key, PSA_ALG_CHACHA20_POLY1305, nonce, AdditionalData(), Message(),
                                             &out));
  EXPECT_EQ(ServedBy(), "test_a_symmetric");
  EXPECT_EQ(ToHex(out), ToHex(BuiltinAeadEncrypt(PSA_KEY_TYPE_CHACHA20, ChaChaKeyData(),
                                                 PSA_ALG_CHACHA20_POLY1305, nonce, AdditionalData(), Message())));
  const test_driver_counters_t& hits = test_a_hooks.hits;
  EXPECT_EQ(hits.aead_encrypt_setup, 1u);
  EXPECT_EQ(hits.aead_set_lengths, 1u);
  EXPECT_EQ(hits.aead_set_nonce, 1u);
  EXPECT_EQ(hits.aead_update_ad, 2u);
  EXPECT_EQ(hits.aead_update, 2u);
  EXPECT_EQ(hits.aead_finish, 1u);
  EXPECT_EQ(hits.aead_abort, 1u);  // the finish ends the operation

  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS, AeadDecryptByParts(key, PSA_ALG_CHACHA20_POLY1305, nonce, AdditionalData(), out, kTag,
                                             &plaintext));
  EXPECT_EQ(ToHex(plaintext), ToHex(Message()));
  EXPECT_EQ(hits.aead_decrypt_setup, 1u);
  EXPECT_EQ(hits.aead_verify, 1u);
  EXPECT_EQ(hits.aead_update, 4u);
  EXPECT_EQ(hits.aead_encrypt + hits.aead_decrypt, 0u);
  EXPECT_EQ(AeadCalls(test_b_hooks.hits), 0u);
}

TEST_F(AeadDispatch, WrongTagIsInvalidSignatureFromTheServingDriver) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM);
  const Bytes nonce = Nonce();
  const Bytes forged =
      Corrupted(BuiltinAeadEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM, nonce, AdditionalData(), Message()));
  Bytes plaintext;
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, AeadDecrypt(key, PSA_ALG_GCM, nonce, AdditionalData(), forged, &plaintext));
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE,
             AeadDecryptByParts(key, PSA_ALG_GCM, nonce, AdditionalData(), forged, kTag, &plaintext));
  EXPECT_TRUE(plaintext.empty());
  EXPECT_EQ(test_a_hooks.hits.aead_decrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.aead_verify, 1u);
  EXPECT_EQ(AeadCalls(test_b_hooks.hits), 0u);
}

TEST_F(AeadDispatch, FallsBackToNextDriverWhenFirstSaysNotSupported) {
  test_a_hooks.unsupported_alg = PSA_ALG_GCM;
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM);
  ExpectLikeBuiltin(PSA_KEY_TYPE_AES, AesKeyData(), key, PSA_ALG_GCM);
  EXPECT_EQ(ServedBy(), "test_b_symmetric");
  ExpectOneOfEachCall(test_b_hooks.hits);
  // test_a was asked once per single-part call and setup, and declined.
  EXPECT_EQ(test_a_hooks.hits.aead_encrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.aead_decrypt, 1u);
  EXPECT_EQ(test_a_hooks.hits.aead_encrypt_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.aead_decrypt_setup, 1u);
  EXPECT_EQ(AeadCalls(test_a_hooks.hits), 4u);
}

TEST_F(AeadDispatch, FallsBackToBuiltinWhenDriverSaysNotSupported) {
  // test_b does not declare ChaCha20-Poly1305: from test_a straight to builtin.
  test_a_hooks.unsupported_alg = PSA_ALG_CHACHA20_POLY1305;
  const psa_key_id_t key = Key(PSA_KEY_TYPE_CHACHA20, ChaChaKeyData(), PSA_ALG_CHACHA20_POLY1305);
  ExpectLikeBuiltin(PSA_KEY_TYPE_CHACHA20, ChaChaKeyData(), key, PSA_ALG_CHACHA20_POLY1305);
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(AeadCalls(test_a_hooks.hits), 4u);
  EXPECT_EQ(AeadCalls(test_b_hooks.hits), 0u);
}

TEST_F(AeadDispatch, ErrorOtherThanNotSupportedStopsTheChain) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM);
  const Bytes nonce = Nonce();
  const Bytes ciphertext =
      BuiltinAeadEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM, nonce, AdditionalData(), Message());
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, AeadEncrypt(key, PSA_ALG_GCM, nonce, AdditionalData(), Message(), &out));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, AeadDecrypt(key, PSA_ALG_GCM, nonce, AdditionalData(), ciphertext, &out));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE,
             AeadEncryptByParts(key, PSA_ALG_GCM, nonce, AdditionalData(), Message(), &out));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE,
             AeadDecryptByParts(key, PSA_ALG_GCM, nonce, AdditionalData(), ciphertext, kTag, &out));
  EXPECT_EQ(AeadCalls(test_a_hooks.hits), 4u);
  EXPECT_EQ(AeadCalls(test_b_hooks.hits), 0u);
}

TEST_F(AeadDispatch, KeySizeFilterSkipsDriversThatDoNotDeclareIt) {
  // test_a declares 128- and 256-bit keys only; test_b any size.
  const Bytes key_data = AesKeyData(24);
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, key_data, PSA_ALG_GCM);
  ExpectLikeBuiltin(PSA_KEY_TYPE_AES, key_data, key, PSA_ALG_GCM);
  EXPECT_EQ(ServedBy(), "test_b_symmetric");
  EXPECT_EQ(AeadCalls(test_a_hooks.hits), 0u);
  ExpectOneOfEachCall(test_b_hooks.hits);
}

TEST_F(AeadDispatch, KeyTypeFilterSkipsDriversThatDoNotDeclareIt) {
  // Both test drivers declare GCM, but for AES keys only.
  const Bytes key_data = PatternBytes(16, 0x07);
  const psa_key_id_t key = Key(PSA_KEY_TYPE_CAMELLIA, key_data, PSA_ALG_GCM);
  ExpectLikeBuiltin(PSA_KEY_TYPE_CAMELLIA, key_data, key, PSA_ALG_GCM);
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(AeadCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(AeadCalls(test_b_hooks.hits), 0u);
}

TEST_F(AeadDispatch, AlgorithmFilterSkipsDriversThatDoNotDeclareIt) {
  // CCM is not declared, and "PSA_ALG_GCM" is GCM with the default tag
  // length only: a shortened tag is another algorithm.
  const psa_algorithm_t kShortGcm = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12);
  for (psa_algorithm_t alg : {PSA_ALG_CCM, kShortGcm}) {
    SCOPED_TRACE(alg);
    const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), alg);
    ExpectLikeBuiltin(PSA_KEY_TYPE_AES, AesKeyData(), key, alg);
    EXPECT_EQ(ServedBy(), "builtin");
  }
  EXPECT_EQ(AeadCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(AeadCalls(test_b_hooks.hits), 0u);
}

TEST_F(AeadDispatch, OperationStaysWithItsDriverWhenTheChainChanges) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM);
  const Bytes nonce = Nonce();
  const Bytes message = Message();
  const Bytes expected =
      BuiltinAeadEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM, nonce, Bytes(), message);

  psa_aead_operation_t on_a = PSA_AEAD_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_aead_encrypt_setup(&on_a, key, PSA_ALG_GCM));
  ASSERT_PSA(PSA_SUCCESS, psa_aead_set_nonce(&on_a, nonce.data(), nonce.size()));
  test_a_hooks.unsupported_alg = PSA_ALG_GCM;
  psa_aead_operation_t on_b = PSA_AEAD_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_aead_encrypt_setup(&on_b, key, PSA_ALG_GCM));
  ASSERT_PSA(PSA_SUCCESS, psa_aead_set_nonce(&on_b, nonce.data(), nonce.size()));

  for (psa_aead_operation_t* operation : {&on_a, &on_b}) {
    Bytes out(message.size());
    size_t length = 0;
    ASSERT_PSA(PSA_SUCCESS,
               psa_aead_update(operation, message.data(), message.size(), out.data(), out.size(), &length));
    uint8_t tag[PSA_AEAD_TAG_MAX_SIZE];
    size_t tag_length = 0;
    size_t rest = 0;
    ASSERT_PSA(PSA_SUCCESS, psa_aead_finish(operation, out.data() + length, out.size() - length, &rest, tag,
                                            sizeof(tag), &tag_length));
    out.resize(length + rest);
    out.insert(out.end(), tag, tag + tag_length);
    EXPECT_EQ(ToHex(out), ToHex(expected));
  }
  for (const test_driver_hooks_t* hooks : {&test_a_hooks, &test_b_hooks}) {
    EXPECT_EQ(hooks->hits.aead_set_nonce, 1u);
    EXPECT_EQ(hooks->hits.aead_update, 1u);
    EXPECT_EQ(hooks->hits.aead_finish, 1u);
  }
  EXPECT_EQ(test_a_hooks.hits.aead_encrypt_setup, 2u);
  EXPECT_EQ(test_b_hooks.hits.aead_encrypt_setup, 1u);
}

TEST_F(AeadDispatch, FailedStepEndsTheOperationInItsDriver) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM);
  const Bytes nonce = Nonce();
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_aead_decrypt_setup(&operation, key, PSA_ALG_GCM));
  ASSERT_PSA(PSA_SUCCESS, psa_aead_set_nonce(&operation, nonce.data(), nonce.size()));
  test_a_hooks.forced_status = PSA_ERROR_CORRUPTION_DETECTED;
  const Bytes ad = AdditionalData();
  EXPECT_PSA(PSA_ERROR_CORRUPTION_DETECTED, psa_aead_update_ad(&operation, ad.data(), ad.size()));
  EXPECT_EQ(test_a_hooks.hits.aead_update_ad, 1u);
  EXPECT_EQ(test_a_hooks.hits.aead_abort, 1u);
  test_a_hooks.forced_status = PSA_SUCCESS;
  EXPECT_PSA(PSA_ERROR_BAD_STATE, psa_aead_update_ad(&operation, ad.data(), ad.size()));
  EXPECT_EQ(test_a_hooks.hits.aead_update_ad, 1u);
  EXPECT_EQ(AeadCalls(test_b_hooks.hits), 0u);
}

}  // namespace
}  // namespace psa::testing
