// Build: test_a_symmetric (transparent, HMAC-SHA-256, CMAC, AES-CTR/CBC,
// GCM, ChaCha20-Poly1305; fallback), test_opaque_symmetric (opaque,
// location 0x800001, every MAC, cipher and AEAD entry point),
// test_opaque_static_multipart_only (opaque, location 0x800002, the
// multi-part families only, no mac_verify_multipart), builtin.
//
// Driver interface: an operation with a key in an opaque driver's location
// goes to that driver only, whatever the transparent drivers declare, and
// without fallback; a location without a driver gets NOT_SUPPORTED. The
// opaque driver unwraps its key context and computes with the builtin
// driver's functions, so its results equal builtin's for the plain key.

#include "drivers/test/test_opaque_driver.h"
#include "psa/core/dispatch.h"
#include "tests/dispatch/symmetric_test_util.h"

namespace psa::testing {
namespace {

constexpr psa_algorithm_t kHmac = PSA_ALG_HMAC(PSA_ALG_SHA_256);
constexpr psa_key_location_t kNoDriverLocation = 0x800003;

class SymmetricOpaqueDispatch : public SymmetricDispatchTest {
 protected:
  void SetUp() override {
    SymmetricDispatchTest::SetUp();
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
  }

  static Bytes HmacKeyData() { return PatternBytes(32, 0x61); }
  static Bytes AesKeyData() { return PatternBytes(16, 0x62); }
  static Bytes ChaChaKeyData() { return PatternBytes(32, 0x63); }
  static Bytes Nonce() { return PatternBytes(12, 0x64); }
  static Bytes Iv() { return PatternBytes(16, 0x65); }

  static void ExpectNoTransparentCalls() {
    EXPECT_EQ(MacCalls(test_a_hooks.hits), 0u);
    EXPECT_EQ(CipherCalls(test_a_hooks.hits), 0u);
    EXPECT_EQ(AeadCalls(test_a_hooks.hits), 0u);
  }
};

TEST_F(SymmetricOpaqueDispatch, MacOfAnOpaqueKeyIsServedByItsDriverOnly) {
  // test_a declares HMAC-SHA-256 too, but the key is not a transparent one.
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, TEST_OPAQUE_LOCATION);
  const Bytes expected = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(key, kHmac, Message(), &mac));
  EXPECT_EQ(ServedBy(), "test_opaque_symmetric");
  EXPECT_EQ(ToHex(mac), ToHex(expected));
  EXPECT_PSA(PSA_SUCCESS, MacVerify(key, kHmac, Message(), expected));
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerify(key, kHmac, Message(), Corrupted(expected)));
  ASSERT_PSA(PSA_SUCCESS, MacSignByParts(key, kHmac, Message(), &mac));
  EXPECT_EQ(ToHex(mac), ToHex(expected));
  EXPECT_PSA(PSA_SUCCESS, MacVerifyByParts(key, kHmac, Message(), expected));
  EXPECT_EQ(ServedBy(), "test_opaque_symmetric");

  const test_opaque_counters_t& hits = test_opaque_hooks.hits;
  EXPECT_EQ(hits.mac_compute, 1u);
  EXPECT_EQ(hits.mac_verify, 2u);
  EXPECT_EQ(hits.mac_sign_setup, 1u);
  EXPECT_EQ(hits.mac_verify_setup, 1u);
  EXPECT_EQ(hits.mac_update, 4u);
  EXPECT_EQ(hits.mac_sign_finish, 1u);
  EXPECT_EQ(hits.mac_verify_finish, 1u);
  EXPECT_EQ(test_opaque_static_hooks.hits.mac_sign_setup, 0u);
  ExpectNoTransparentCalls();
}

TEST_F(SymmetricOpaqueDispatch, CipherOfAnOpaqueKeyIsServedByItsDriverOnly) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CBC_PKCS7, TEST_OPAQUE_LOCATION);
  Bytes out;
  ASSERT_PSA(PSA_SUCCESS, CipherEncrypt(key, PSA_ALG_CBC_PKCS7, Message(), &out));
  EXPECT_EQ(ServedBy(), "test_opaque_symmetric");
  EXPECT_EQ(ToHex(Suffix(out, 16)), ToHex(BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CBC_PKCS7,
                                                               Prefix(out, 16), Message())));
  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS, CipherDecrypt(key, PSA_ALG_CBC_PKCS7, out, &plaintext));
  EXPECT_EQ(ToHex(plaintext), ToHex(Message()));
  Bytes ciphertext;
  ASSERT_PSA(PSA_SUCCESS, CipherByParts(true, key, PSA_ALG_CBC_PKCS7, Iv(), Message(), &ciphertext));
  EXPECT_EQ(ToHex(ciphertext),
            ToHex(BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CBC_PKCS7, Iv(), Message())));
  ASSERT_PSA(PSA_SUCCESS, CipherByParts(false, key, PSA_ALG_CBC_PKCS7, Iv(), ciphertext, &plaintext));
  EXPECT_EQ(ToHex(plaintext), ToHex(Message()));

  const test_opaque_counters_t& hits = test_opaque_hooks.hits;
  EXPECT_EQ(hits.cipher_encrypt, 1u);
  EXPECT_EQ(hits.cipher_decrypt, 1u);
  EXPECT_EQ(hits.cipher_encrypt_setup, 1u);
  EXPECT_EQ(hits.cipher_decrypt_setup, 1u);
  EXPECT_EQ(hits.cipher_set_iv, 2u);
  EXPECT_EQ(hits.cipher_update, 4u);
  EXPECT_EQ(hits.cipher_finish, 2u);
  ExpectNoTransparentCalls();
}

TEST_F(SymmetricOpaqueDispatch, AeadOfAnOpaqueKeyIsServedByItsDriverOnly) {
  const psa_key_id_t key =
      Key(PSA_KEY_TYPE_CHACHA20, ChaChaKeyData(), PSA_ALG_CHACHA20_POLY1305, TEST_OPAQUE_LOCATION);
  const Bytes expected = BuiltinAeadEncrypt(PSA_KEY_TYPE_CHACHA20, ChaChaKeyData(), PSA_ALG_CHACHA20_POLY1305,
                                            Nonce(), AdditionalData(), Message());
  Bytes out;
  ASSERT_PSA(PSA_SUCCESS, AeadEncrypt(key, PSA_ALG_CHACHA20_POLY1305, Nonce(), AdditionalData(), Message(), &out));
  EXPECT_EQ(ServedBy(), "test_opaque_symmetric");
  EXPECT_EQ(ToHex(out), ToHex(expected));
  ASSERT_PSA(PSA_SUCCESS,
             AeadEncryptByParts(key, PSA_ALG_CHACHA20_POLY1305, Nonce(), AdditionalData(), Message(), &out));
  EXPECT_EQ(ToHex(out), ToHex(expected));
  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS,
             AeadDecrypt(key, PSA_ALG_CHACHA20_POLY1305, Nonce(), AdditionalData(), expected, &plaintext));
  EXPECT_EQ(ToHex(plaintext), ToHex(Message()));
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, AeadDecryptByParts(key, PSA_ALG_CHACHA20_POLY1305, Nonce(),
                                                             AdditionalData(), Corrupted(expected), 16, &plaintext));

  const test_opaque_counters_t& hits = test_opaque_hooks.hits;
  EXPECT_EQ(hits.aead_encrypt, 1u);
  EXPECT_EQ(hits.aead_decrypt, 1u);
  EXPECT_EQ(hits.aead_encrypt_setup, 1u);
  EXPECT_EQ(hits.aead_decrypt_setup, 1u);
  EXPECT_EQ(hits.aead_finish, 1u);
  EXPECT_EQ(hits.aead_verify, 1u);
  ExpectNoTransparentCalls();
}

TEST_F(SymmetricOpaqueDispatch, OpaqueDriverNotSupportedIsFinal) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM, TEST_OPAQUE_LOCATION);
  test_opaque_hooks.unsupported_alg = PSA_ALG_GCM;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, AeadEncrypt(key, PSA_ALG_GCM, Nonce(), AdditionalData(), Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED,
             AeadEncryptByParts(key, PSA_ALG_GCM, Nonce(), AdditionalData(), Message(), &out));
  EXPECT_EQ(test_opaque_hooks.hits.aead_encrypt, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.aead_encrypt_setup, 1u);
  ExpectNoTransparentCalls();
}

TEST_F(SymmetricOpaqueDispatch, OpaqueDriverErrorIsReturned) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, TEST_OPAQUE_LOCATION);
  test_opaque_hooks.forced.mac_compute = PSA_ERROR_HARDWARE_FAILURE;
  Bytes mac;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, MacCompute(key, kHmac, Message(), &mac));
  // The forced status is per entry point: multi-part signing still works.
  ASSERT_PSA(PSA_SUCCESS, MacSignByParts(key, kHmac, Message(), &mac));
  test_opaque_hooks.forced.mac_update = PSA_ERROR_COMMUNICATION_FAILURE;
  EXPECT_PSA(PSA_ERROR_COMMUNICATION_FAILURE, MacSignByParts(key, kHmac, Message(), &mac));
  EXPECT_EQ(test_opaque_hooks.hits.mac_compute, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.mac_sign_setup, 2u);
  EXPECT_EQ(test_opaque_hooks.hits.mac_abort, 2u);
  ExpectNoTransparentCalls();
}

TEST_F(SymmetricOpaqueDispatch, OperationStaysWithTheOpaqueDriver) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR, TEST_OPAQUE_LOCATION);
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_encrypt_setup(&operation, key, PSA_ALG_CTR));
  // The driver would now decline new operations: the one set up goes on.
  test_opaque_hooks.unsupported_alg = PSA_ALG_CTR;
  const Bytes iv = Iv();
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_set_iv(&operation, iv.data(), iv.size()));
  const Bytes message = Message();
  Bytes out(message.size());
  size_t length = 0;
  ASSERT_PSA(PSA_SUCCESS,
             psa_cipher_update(&operation, message.data(), message.size(), out.data(), out.size(), &length));
  size_t rest = 0;
  ASSERT_PSA(PSA_SUCCESS, psa_cipher_finish(&operation, out.data() + length, out.size() - length, &rest));
  out.resize(length + rest);
  EXPECT_EQ(ToHex(out), ToHex(BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR, iv, message)));
  EXPECT_EQ(test_opaque_hooks.hits.cipher_update, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.cipher_finish, 1u);
  ExpectNoTransparentCalls();
}

TEST_F(SymmetricOpaqueDispatch, EachLocationHasItsOwnDriver) {
  const psa_key_id_t key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, TEST_OPAQUE_STATIC_LOCATION);
  Bytes mac;
  ASSERT_PSA(PSA_SUCCESS, MacSignByParts(key, kHmac, Message(), &mac));
  EXPECT_EQ(ServedBy(), "test_opaque_static_multipart_only");
  EXPECT_EQ(ToHex(mac), ToHex(BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message())));
  EXPECT_EQ(test_opaque_static_hooks.hits.mac_sign_setup, 1u);
  EXPECT_EQ(MacCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(test_opaque_hooks.hits.mac_sign_setup + test_opaque_hooks.hits.mac_update, 0u);
}

TEST_F(SymmetricOpaqueDispatch, SinglePartCallsRunThroughAnOpaqueDriversMultipartFamilies) {
  const psa_key_id_t mac_key = Key(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, TEST_OPAQUE_STATIC_LOCATION);
  const Bytes mac = BuiltinMac(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, Message());
  Bytes computed;
  ASSERT_PSA(PSA_SUCCESS, MacCompute(mac_key, kHmac, Message(), &computed));
  EXPECT_EQ(ToHex(computed), ToHex(mac));
  // No mac_verify_multipart: verification through the sign functions.
  EXPECT_PSA(PSA_SUCCESS, MacVerify(mac_key, kHmac, Message(), mac));
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerify(mac_key, kHmac, Message(), Corrupted(mac)));
  EXPECT_PSA(PSA_SUCCESS, MacVerifyByParts(mac_key, kHmac, Message(), mac));
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, MacVerifyByParts(mac_key, kHmac, Message(), Corrupted(mac)));
  const test_opaque_counters_t& hits = test_opaque_static_hooks.hits;
  EXPECT_EQ(hits.mac_sign_setup, 5u);
  EXPECT_EQ(hits.mac_sign_finish, 5u);
  EXPECT_EQ(hits.mac_compute + hits.mac_verify + hits.mac_verify_setup + hits.mac_verify_finish, 0u);

  const psa_key_id_t ctr_key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR, TEST_OPAQUE_STATIC_LOCATION);
  Bytes out;
  ASSERT_PSA(PSA_SUCCESS, CipherEncrypt(ctr_key, PSA_ALG_CTR, Message(), &out));
  EXPECT_EQ(ToHex(Suffix(out, 16)),
            ToHex(BuiltinCipherEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_CTR, Prefix(out, 16), Message())));
  Bytes plaintext;
  ASSERT_PSA(PSA_SUCCESS, CipherDecrypt(ctr_key, PSA_ALG_CTR, out, &plaintext));
  EXPECT_EQ(ToHex(plaintext), ToHex(Message()));
  EXPECT_EQ(hits.cipher_encrypt_setup, 1u);
  EXPECT_EQ(hits.cipher_decrypt_setup, 1u);
  EXPECT_EQ(hits.cipher_encrypt + hits.cipher_decrypt, 0u);

  const psa_key_id_t gcm_key = Key(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM, TEST_OPAQUE_STATIC_LOCATION);
  const Bytes sealed =
      BuiltinAeadEncrypt(PSA_KEY_TYPE_AES, AesKeyData(), PSA_ALG_GCM, Nonce(), AdditionalData(), Message());
  ASSERT_PSA(PSA_SUCCESS, AeadEncrypt(gcm_key, PSA_ALG_GCM, Nonce(), AdditionalData(), Message(), &out));
  EXPECT_EQ(ToHex(out), ToHex(sealed));
  ASSERT_PSA(PSA_SUCCESS, AeadDecrypt(gcm_key, PSA_ALG_GCM, Nonce(), AdditionalData(), sealed, &plaintext));
  EXPECT_EQ(ToHex(plaintext), ToHex(Message()));
  EXPECT_EQ(hits.aead_encrypt_setup, 1u);
  EXPECT_EQ(hits.aead_decrypt_setup, 1u);
  EXPECT_EQ(hits.aead_finish, 1u);
  EXPECT_EQ(hits.aead_verify, 1u);
  EXPECT_EQ(hits.aead_encrypt + hits.aead_decrypt, 0u);
  EXPECT_EQ(ServedBy(), "test_opaque_static_multipart_only");
  ExpectNoTransparentCalls();
}

TEST_F(SymmetricOpaqueDispatch, LocationWithoutADriverIsNotSupported) {
  // The API: no key can be created there.
  psa_key_id_t key = PSA_KEY_ID_NULL;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, ImportKey(PSA_KEY_TYPE_HMAC, HmacKeyData(), kHmac, kNoDriverLocation, &key));
  // The dispatch itself, with a key buffer that claims that location.
  psa_key_attributes_t attributes = BuiltinAttributes(PSA_KEY_TYPE_HMAC, HmacKeyData());
  psa_set_key_lifetime(&attributes, LifetimeAt(kNoDriverLocation));
  const Bytes key_data = HmacKeyData();
  const Bytes message = Message();
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED,
             psa::dispatch::MacCompute(&attributes, key_data.data(), key_data.size(), kHmac, message.data(),
                                       message.size(), mac, sizeof(mac), &length));
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED,
             psa::dispatch::MacSignSetup(&operation, &attributes, key_data.data(), key_data.size(), kHmac));
  EXPECT_EQ(operation.driver_id, 0u);
  ExpectNoTransparentCalls();
  EXPECT_EQ(test_opaque_hooks.hits.mac_compute + test_opaque_hooks.hits.mac_sign_setup, 0u);
}

}  // namespace
}  // namespace psa::testing
