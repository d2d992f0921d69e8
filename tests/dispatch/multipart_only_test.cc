// Build: test_a_multipart_only (mac_multipart and mac_verify_multipart for
// HMAC-SHA-256 and CMAC; cipher_{en,de}crypt_multipart for AES-CTR and
// AES-CBC-PKCS7; aead_{en,de}crypt_multipart for GCM and
// ChaCha20-Poly1305; all with fallback), builtin.
//
// Driver interface: a driver may implement only the multi-part entry points
// of a family, and the core then runs the single-part functions through
// them. The counters show setup, update and finish of test_a called for
// each single-part call; the results equal the builtin driver's.

#include <tuple>

#include "tests/dispatch/symmetric_test_util.h"

namespace psa::testing {
namespace {

constexpr psa_algorithm_t kHmac = PSA_ALG_HMAC(PSA_ALG_SHA_256);

class SinglePartThroughMultipart : public SymmetricDispatchTest {
 protected:
  static Bytes HmacKeyData() { return PatternBytes(32, 0x21); }
  static Bytes AesKeyData() { return PatternBytes(16, 0x22); }
  static Bytes ChaChaKeyData() { return PatternBytes(32, 0x23); }
  static Bytes Nonce() { return PatternBytes(12, 0x24); }
};

TEST_F(SinglePartThroughMultipart, MacComputeRunsSignSetupUpdateFinish) {
  for (const auto& [type, key_data, alg] :
       {std::tuple<psa_key_type_t, Bytes, psa_algorithm_t>{PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac},
        {PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CMAC}}) {
    SCOPED_TRACE(alg);
    test_driver_reset_hooks(&test_a_hooks);
    const psa_key_id_t key = Key(type, key_data, alg);
    Bytes mac;
    ASSERT_PSA(PSA_SUCCESS, MacCompute(key, alg, Message(), &mac));
    EXPECT_EQ(ServedBy(), "test_a_multipart_only");
    EXPECT_EQ(ToHex(mac), ToHex(BuiltinMac(type, key_data, alg, Message())));
    EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 1u);
    EXPECT_EQ(test_a_hooks.hits.mac_update, 1u);
    EXPECT_EQ(test_a_hooks.hits.mac_sign_finish, 1u);
    EXPECT_EQ(test_a_hooks.hits.mac_abort, 1u);
    EXPECT_EQ(test_a_hooks.hits.mac_compute, 0u);
  }
}

TEST_F(SinglePartThroughMultipart, MacVerifyRunsVerifySetupUpdateFinish) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac);
  const Bytes mac = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  EXPECT_PSA(PSA_SUCCESS, MacVerify(key, kHmac, Message(), mac));
  EXPECT_EQ(ServedBy(), "test_a_multipart_only");
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerify(key, kHmac, Message(), Corrupted(mac)));
  EXPECT_EQ(test_a_hooks.hits.mac_verify_setup, 2u);
  EXPECT_EQ(test_a_hooks.hits.mac_update, 2u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify_finish, 2u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify + test_a_hooks.hits.mac_sign_setup, 0u);
}

TEST_F(SinglePartThroughMultipart, DeclinedSetupFallsBackToBuiltinSinglePart) {
  test_a_hooks.unsupported_alg = kHmac;
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac);
  const Bytes expected = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(key, kHmac, Message(), &mac));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(mac), ToHex(expected));
  EXPECT_PSA(PSA_SUCCESS, MacVerify(key, kHmac, Message(), expected));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_update, 0u);
}

TEST_F(SinglePartThroughMultipart, ForcedSetupFailureIsReturned) {
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR);
  Bytes out;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, CipherEncrypt(key, PSA_ALG_CTR, Message(), &out));
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_set_iv, 0u);
}

TEST_F(SinglePartThroughMultipart, CipherEncryptAndDecryptRunTheMultipartFunctions) {
  for (psa_algorithm_t alg : {PSA_ALG_CTR, PSA_ALG_CBC_PKCS7}) {
    SCOPED_TRACE(alg);
    test_driver_reset_hooks(&test_a_hooks);
    const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), alg);
    Bytes out;
    ASSERT_PSA(PSA_SUCCESS, CipherEncrypt(key, alg, Message(), &out));
    EXPECT_EQ(ServedBy(), "test_a_multipart_only");
    const size_t iv_length = PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_AES, alg);
    EXPECT_EQ(ToHex(Suffix(out, iv_length)),
              ToHex(BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), alg, Prefix(out, iv_length), Message())));
    Bytes decrypted;
    ASSERT_PSA(PSA_SUCCESS, CipherDecrypt(key, alg, out, &decrypted));
    EXPECT_EQ(ServedBy(), "test_a_multipart_only");
    EXPECT_EQ(ToHex(decrypted), ToHex(Message()));
    const test_driver_counters_t& hits = test_a_hooks.hits;
    EXPECT_EQ(hits.cipher_encrypt_setup, 1u);
    EXPECT_EQ(hits.cipher_decrypt_setup, 1u);
    EXPECT_EQ(hits.cipher_set_iv, 2u);
    EXPECT_EQ(hits.cipher_update, 2u);
    EXPECT_EQ(hits.cipher_finish, 2u);
    EXPECT_EQ(hits.cipher_abort, 2u);
    EXPECT_EQ(hits.cipher_encrypt + hits.cipher_decrypt, 0u);
  }
}

TEST_F(SinglePartThroughMultipart, AeadEncryptAndDecryptRunTheMultipartFunctions) {
  for (const auto& [type, key_data, alg] :
       {std::tuple<psa_key_type_t, Bytes, psa_algorithm_t>{PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM},
        {PSA_KEY_TYPE_CHACHA20, ChaChaKeyData(), PSA_ALG_CHACHA20_POLY1305}}) {
    SCOPED_TRACE(alg);
    test_driver_reset_hooks(&test_a_hooks);
    const psa_key_id_t key = Key(type, key_data, alg);
    const Bytes expected = BuiltinAeadEncrypt(type, key_data, alg, Nonce(), AdditionalData(), Message());
    Bytes sealed;
    ASSERT_PSA(PSA_SUCCESS, AeadEncrypt(key, alg, Nonce(), AdditionalData(), Message(), &sealed));
    EXPECT_EQ(ServedBy(), "test_a_multipart_only");
    EXPECT_EQ(ToHex(sealed), ToHex(expected));
    Bytes opened;
    ASSERT_PSA(PSA_SUCCESS, AeadDecrypt(key, alg, Nonce(), AdditionalData(), sealed, &opened));
    EXPECT_EQ(ToHex(opened), ToHex(Message()));
    EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE,
               AeadDecrypt(key, alg, Nonce(), AdditionalData(), Corrupted(sealed), &opened));
    EXPECT_TRUE(opened.empty());
    const test_driver_counters_t& hits = test_a_hooks.hits;
    EXPECT_EQ(hits.aead_encrypt_setup, 1u);
    EXPECT_EQ(hits.aead_decrypt_setup, 2u);
    EXPECT_EQ(hits.aead_set_lengths, 3u);
    EXPECT_EQ(hits.aead_set_nonce, 3u);
    EXPECT_EQ(hits.aead_update_ad, 3u);
    EXPECT_EQ(hits.aead_update, 3u);
    EXPECT_EQ(hits.aead_finish, 1u);
    EXPECT_EQ(hits.aead_verify, 2u);
    EXPECT_EQ(hits.aead_abort, 3u);
    EXPECT_EQ(hits.aead_encrypt + hits.aead_decrypt, 0u);
  }
}

TEST_F(SinglePartThroughMultipart, MultipartCallsStillWork) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM);
  Bytes sealed;
  ASSERT_PSA(PSA_SUCCESS, AeadEncryptByParts(key, PSA_ALG_GCM, Nonce(), AdditionalData(), Message(), &sealed));
  EXPECT_EQ(ToHex(sealed), ToHex(BuiltinAeadEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM, Nonce(),
                                                    AdditionalData(), Message())));
  EXPECT_EQ(test_a_hooks.hits.aead_update_ad, 2u);
  EXPECT_EQ(test_a_hooks.hits.aead_update, 2u);
}

}  // namespace
}  // namespace psa::testing
