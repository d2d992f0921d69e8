// Build: test_a_symmetric_no_fallback (HMAC-SHA-256, AES-CTR, AES-GCM; no
// fallback), builtin.
//
// A capability without "fallback" fully covers what it declares: when the
// driver says NOT_SUPPORTED (hooks.unsupported_alg), or fails otherwise,
// that is the application's status, although builtin code could serve the
// request. What the driver does not declare still goes to builtin.

#include "tests/dispatch/symmetric_test_util.h"

namespace psa::testing {
namespace {

constexpr psa_algorithm_t kHmac = PSA_ALG_HMAC(PSA_ALG_SHA_256);

class SymmetricDispatchWithoutFallback : public SymmetricDispatchTest {
 protected:
  static Bytes HmacKeyData() { return PatternBytes(32, 0x11); }
  static Bytes AesKeyData() { return PatternBytes(16, 0x12); }
  static Bytes Nonce() { return PatternBytes(12, 0x13); }
  static Bytes Iv() { return PatternBytes(16, 0x14); }
};

TEST_F(SymmetricDispatchWithoutFallback, DriverServesWhatItDeclares) {
  const psa_key_id_t mac_key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac);
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(mac_key, kHmac, Message(), &mac));
  EXPECT_EQ(ServedBy(), "test_a_symmetric_no_fallback");
  EXPECT_EQ(ToHex(mac), ToHex(BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message())));

  const psa_key_id_t ctr_key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, CipherByParts(true, ctr_key, PSA_ALG_CTR, Iv(), Message(), &ciphertext));
  EXPECT_EQ(ServedBy(), "test_a_symmetric_no_fallback");
  EXPECT_EQ(ToHex(ciphertext),
            ToHex(BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR, Iv(), Message())));

  const psa_key_id_t gcm_key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM);
  Bytes sealed;
  ASSERT_PSA(PSA_SUCCESS, AeadEncrypt(gcm_key, PSA_ALG_GCM, Nonce(), AdditionalData(), Message(), &sealed));
  EXPECT_EQ(ServedBy(), "test_a_symmetric_no_fallback");
  EXPECT_EQ(ToHex(sealed), ToHex(BuiltinAeadEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM, Nonce(),
                                                    AdditionalData(), Message())));
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
  EXPECT_EQ(test_a_hooks.hits.cipher_encrypt_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.aead_encrypt, 1u);
}

TEST_F(SymmetricDispatchWithoutFallback, MacDriverNotSupportedIsFinal) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac);
  const Bytes mac = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  test_a_hooks.unsupported_alg = kHmac;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, MacCompute(key, kHmac, Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, MacVerify(key, kHmac, Message(), mac));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, MacSignByParts(key, kHmac, Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, MacVerifyByParts(key, kHmac, Message(), mac));
  EXPECT_EQ(test_a_hooks.hits.mac_compute, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.mac_verify_setup, 1u);
}

TEST_F(SymmetricDispatchWithoutFallback, CipherDriverNotSupportedIsFinal) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR);
  test_a_hooks.unsupported_alg = PSA_ALG_CTR;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, CipherEncrypt(key, PSA_ALG_CTR, Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, CipherDecrypt(key, PSA_ALG_CTR, Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, CipherByParts(true, key, PSA_ALG_CTR, Iv(), Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, CipherByParts(false, key, PSA_ALG_CTR, Iv(), Message(), &out));
  EXPECT_EQ(CipherCalls(test_a_hooks.hits), 4u);
}

TEST_F(SymmetricDispatchWithoutFallback, AeadDriverNotSupportedIsFinal) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM);
  const Bytes sealed =
      BuiltinAeadEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM, Nonce(), AdditionalData(), Message());
  test_a_hooks.unsupported_alg = PSA_ALG_GCM;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, AeadEncrypt(key, PSA_ALG_GCM, Nonce(), AdditionalData(), Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, AeadDecrypt(key, PSA_ALG_GCM, Nonce(), AdditionalData(), sealed, &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED,
             AeadEncryptByParts(key, PSA_ALG_GCM, Nonce(), AdditionalData(), Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED,
             AeadDecryptByParts(key, PSA_ALG_GCM, Nonce(), AdditionalData(), sealed, 16, &out));
  EXPECT_EQ(AeadCalls(test_a_hooks.hits), 4u);
}

TEST_F(SymmetricDispatchWithoutFallback, OtherErrorsAreFinalToo) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac);
  test_a_hooks.forced_status = PSA_ERROR_INSUFFICIENT_MEMORY;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_INSUFFICIENT_MEMORY, MacCompute(key, kHmac, Message(), &out));
  EXPECT_PSA(PSA_ERROR_INSUFFICIENT_MEMORY, MacSignByParts(key, kHmac, Message(), &out));
  EXPECT_EQ(MacCalls(test_a_hooks.hits), 2u);
}

TEST_F(SymmetricDispatchWithoutFallback, UndeclaredMechanismsStillGoToBuiltin) {
  const psa_algorithm_t kHmacSha512 = PSA_ALG_HMAC(PSA_ALG_SHA_512);
  const psa_key_id_t mac_key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmacSha512);
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(mac_key, kHmacSha512, Message(), &mac));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(ToHex(mac), ToHex(BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmacSha512, Message())));

  const psa_key_id_t cbc_key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CBC_PKCS7);
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, CipherEncrypt(cbc_key, PSA_ALG_CBC_PKCS7, Message(), &ciphertext));
  EXPECT_EQ(ServedBy(), "builtin");

  const psa_key_id_t ccm_key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CCM);
  Bytes sealed;
  ASSERT_PSA(PSA_SUCCESS, AeadEncrypt(ccm_key, PSA_ALG_CCM, Nonce(), AdditionalData(), Message(), &sealed));
  EXPECT_EQ(ServedBy(), "builtin");

  EXPECT_EQ(MacCalls(test_a_hooks.hits) + CipherCalls(test_a_hooks.hits) + AeadCalls(test_a_hooks.hits), 0u);
}

}  // namespace
}  // namespace psa::testing
