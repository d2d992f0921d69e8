// Build: test_a_keys (transparent, key management only), test_opaque and
// test_opaque_static (opaque, locations 0x800001 and 0x800002, key
// management only), builtin.
//
// A key in the location of an opaque driver that has no MAC, cipher or AEAD
// entry point: those operations are PSA_ERROR_NOT_SUPPORTED, and neither a
// transparent driver nor builtin code (which would only see the wrapped
// key) is tried. The driver's own functions exist (test_opaque_driver.h)
// but are not in its description, so they are never called.

#include "drivers/test/test_opaque_driver.h"
#include "tests/dispatch/symmetric_test_util.h"

namespace psa::testing {
namespace {

constexpr psa_algorithm_t kHmac = PSA_ALG_HMAC(PSA_ALG_SHA_256);

class OpaqueDriverWithoutSymmetricEntryPoints : public SymmetricDispatchTest {
 protected:
  void SetUp() override {
    SymmetricDispatchTest::SetUp();
    test_opaque_reset_hooks(&test_opaque_hooks);
    test_opaque_reset_hooks(&test_opaque_static_hooks);
  }
};

TEST_F(OpaqueDriverWithoutSymmetricEntryPoints, MacCipherAndAeadAreNotSupported) {
  const Bytes aes = PatternBytes(16, 0x71);
  const psa_key_id_t mac_key = Key(PSA_KEY_TYPE_HMAC, PatternBytes(32, 0x70), kHmac, TEST_OPAQUE_LOCATION);
  const psa_key_id_t ctr_key = Key(PSA_KEY_TYPE_AES, aes, PSA_ALG_CTR, TEST_OPAQUE_LOCATION);
  const psa_key_id_t gcm_key = Key(PSA_KEY_TYPE_AES, aes, PSA_ALG_GCM, TEST_OPAQUE_STATIC_LOCATION);
  EXPECT_EQ(test_opaque_hooks.hits.import_key, 2u);
  EXPECT_EQ(test_opaque_static_hooks.hits.import_key, 1u);

  Bytes out;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, MacCompute(mac_key, kHmac, Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, MacVerify(mac_key, kHmac, Message(), Bytes(32)));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, MacSignByParts(mac_key, kHmac, Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, MacVerifyByParts(mac_key, kHmac, Message(), Bytes(32)));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, CipherEncrypt(ctr_key, PSA_ALG_CTR, Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, CipherDecrypt(ctr_key, PSA_ALG_CTR, Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, CipherByParts(true, ctr_key, PSA_ALG_CTR, Bytes(16), Message(), &out));
  const Bytes nonce(12);
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, AeadEncrypt(gcm_key, PSA_ALG_GCM, nonce, Bytes(), Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, AeadDecrypt(gcm_key, PSA_ALG_GCM, nonce, Bytes(), Message(), &out));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, AeadEncryptByParts(gcm_key, PSA_ALG_GCM, nonce, Bytes(), Message(), &out));

  for (const test_opaque_hooks_t* hooks : {&test_opaque_hooks, &test_opaque_static_hooks}) {
    const test_opaque_counters_t& hits = hooks->hits;
    EXPECT_EQ(hits.mac_compute + hits.mac_verify + hits.mac_sign_setup + hits.mac_verify_setup, 0u);
    EXPECT_EQ(hits.cipher_encrypt + hits.cipher_decrypt + hits.cipher_encrypt_setup, 0u);
    EXPECT_EQ(hits.aead_encrypt + hits.aead_decrypt + hits.aead_encrypt_setup, 0u);
  }
  EXPECT_EQ(MacCalls(test_a_hooks.hits) + CipherCalls(test_a_hooks.hits) + AeadCalls(test_a_hooks.hits), 0u);
}

}  // namespace
}  // namespace psa::testing
