// Helpers of the MAC, cipher and AEAD dispatch suites: a fixture that resets
// the test drivers and destroys the keys a test made, fixed keys and
// messages, the PSA calls of each family (single-part and multi-part) with
// their outputs as byte strings, and the builtin driver's results for the
// same key and input, computed by calling its entry points directly, which
// is what every test driver must reproduce.

#ifndef TESTS_DISPATCH_SYMMETRIC_TEST_UTIL_H_
#define TESTS_DISPATCH_SYMMETRIC_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "drivers/builtin/builtin_aead.h"
#include "drivers/builtin/builtin_cipher.h"
#include "drivers/builtin/builtin_mac.h"
#include "drivers/test/test_driver.h"
#include "psa/crypto.h"
#include "tests/dispatch/dispatch_test_util.h"
#include "tests/keys/key_test_util.h"

namespace psa::testing {

using keys_testing::Bytes;
using keys_testing::PatternBytes;
using keys_testing::StatusName;
using keys_testing::ToHex;

// Every usage the symmetric families check.
inline constexpr psa_key_usage_t kSymmetricUsage = PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE |
                                                   PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;

inline constexpr psa_key_lifetime_t LifetimeAt(psa_key_location_t location) {
  return PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, location);
}

// A message that is not a whole number of blocks, and additional data.
inline Bytes Message() { return PatternBytes(100, 0x4d); }
inline Bytes BlockMessage() { return PatternBytes(64, 0x42); }  // CBC without padding
inline Bytes AdditionalData() { return PatternBytes(20, 0x41); }

// Calls of one family by one test driver instance, all entry points summed.
inline unsigned long MacCalls(const test_driver_counters_t& c) {
  return c.mac_compute + c.mac_verify + c.mac_sign_setup + c.mac_verify_setup + c.mac_update + c.mac_sign_finish +
         c.mac_verify_finish + c.mac_abort;
}
inline unsigned long CipherCalls(const test_driver_counters_t& c) {
  return c.cipher_encrypt + c.cipher_decrypt + c.cipher_encrypt_setup + c.cipher_decrypt_setup + c.cipher_set_iv +
         c.cipher_update + c.cipher_finish + c.cipher_abort;
}
inline unsigned long AeadCalls(const test_driver_counters_t& c) {
  return c.aead_encrypt + c.aead_decrypt + c.aead_encrypt_setup + c.aead_decrypt_setup + c.aead_set_nonce +
         c.aead_set_lengths + c.aead_update_ad + c.aead_update + c.aead_finish + c.aead_verify + c.aead_abort;
}

// ---------------------------------------------------------------------------
// The builtin driver's results, with a transparent key's attributes.

inline psa_key_attributes_t BuiltinAttributes(psa_key_type_t type, const Bytes& key) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, PSA_BYTES_TO_BITS(key.size()));
  return attributes;
}

inline Bytes BuiltinMac(psa_key_type_t type, const Bytes& key, psa_algorithm_t alg, const Bytes& message) {
  const psa_key_attributes_t attributes = BuiltinAttributes(type, key);
  Bytes mac(PSA_MAC_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(StatusName(builtin_mac_compute(&attributes, key.data(), key.size(), alg, message.data(), message.size(),
                                           mac.data(), mac.size(), &length)),
            StatusName(PSA_SUCCESS));
  mac.resize(length);
  return mac;
}

// The ciphertext without the IV.
inline Bytes BuiltinCipherEncrypt(psa_key_type_t type, const Bytes& key, psa_algorithm_t alg, const Bytes& iv,
                                  const Bytes& message) {
  const psa_key_attributes_t attributes = BuiltinAttributes(type, key);
  Bytes out(message.size() + 32);
  size_t length = 0;
  EXPECT_EQ(StatusName(builtin_cipher_encrypt(&attributes, key.data(), key.size(), alg, iv.data(), iv.size(),
                                              message.data(), message.size(), out.data(), out.size(), &length)),
            StatusName(PSA_SUCCESS));
  out.resize(length);
  return out;
}

// ciphertext || tag.
inline Bytes BuiltinAeadEncrypt(psa_key_type_t type, const Bytes& key, psa_algorithm_t alg, const Bytes& nonce,
                                const Bytes& ad, const Bytes& plaintext) {
  const psa_key_attributes_t attributes = BuiltinAttributes(type, key);
  Bytes out(plaintext.size() + PSA_AEAD_TAG_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(StatusName(builtin_aead_encrypt(&attributes, key.data(), key.size(), alg, nonce.data(), nonce.size(),
                                            ad.data(), ad.size(), plaintext.data(), plaintext.size(), out.data(),
                                            out.size(), &length)),
            StatusName(PSA_SUCCESS));
  out.resize(length);
  return out;
}

// ---------------------------------------------------------------------------
// The PSA calls. On failure the output is empty.

inline psa_status_t MacCompute(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, Bytes* mac) {
  mac->assign(PSA_MAC_MAX_SIZE, 0);
  size_t length = 0;
  const psa_status_t status =
      psa_mac_compute(key, alg, message.data(), message.size(), mac->data(), mac->size(), &length);
  mac->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

inline psa_status_t MacVerify(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, const Bytes& mac) {
  return psa_mac_verify(key, alg, message.data(), message.size(), mac.data(), mac.size());
}

// Multi-part signing, the message in two updates.
inline psa_status_t MacSignByParts(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, Bytes* mac) {
  mac->clear();
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  psa_status_t status = psa_mac_sign_setup(&operation, key, alg);
  const size_t half = message.size() / 2;
  if (status == PSA_SUCCESS) status = psa_mac_update(&operation, message.data(), half);
  if (status == PSA_SUCCESS) status = psa_mac_update(&operation, message.data() + half, message.size() - half);
  Bytes out(PSA_MAC_MAX_SIZE);
  size_t length = 0;
  if (status == PSA_SUCCESS) status = psa_mac_sign_finish(&operation, out.data(), out.size(), &length);
  psa_mac_abort(&operation);
  if (status == PSA_SUCCESS) mac->assign(out.begin(), out.begin() + length);
  return status;
}

inline psa_status_t MacVerifyByParts(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message,
                                     const Bytes& mac) {
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  psa_status_t status = psa_mac_verify_setup(&operation, key, alg);
  const size_t half = message.size() / 2;
  if (status == PSA_SUCCESS) status = psa_mac_update(&operation, message.data(), half);
  if (status == PSA_SUCCESS) status = psa_mac_update(&operation, message.data() + half, message.size() - half);
  if (status == PSA_SUCCESS) status = psa_mac_verify_finish(&operation, mac.data(), mac.size());
  psa_mac_abort(&operation);
  return status;
}

// psa_cipher_encrypt: IV || ciphertext.
inline psa_status_t CipherEncrypt(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, Bytes* out) {
  out->assign(message.size() + PSA_CIPHER_IV_MAX_SIZE + 16, 0);
  size_t length = 0;
  const psa_status_t status =
      psa_cipher_encrypt(key, alg, message.data(), message.size(), out->data(), out->size(), &length);
  out->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

// psa_cipher_decrypt of IV || ciphertext.
inline psa_status_t CipherDecrypt(psa_key_id_t key, psa_algorithm_t alg, const Bytes& input, Bytes* out) {
  out->assign(input.size() + 16, 0);
  size_t length = 0;
  const psa_status_t status =
      psa_cipher_decrypt(key, alg, input.data(), input.size(), out->data(), out->size(), &length);
  out->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

// Multi-part encryption or decryption with the given IV (none if empty),
// the input in two updates; the output of all calls, concatenated.
inline psa_status_t CipherByParts(bool encrypt, psa_key_id_t key, psa_algorithm_t alg, const Bytes& iv,
                                  const Bytes& input, Bytes* out) {
  out->clear();
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  psa_status_t status = encrypt ? psa_cipher_encrypt_setup(&operation, key, alg)
                                : psa_cipher_decrypt_setup(&operation, key, alg);
  if (status == PSA_SUCCESS && !iv.empty()) status = psa_cipher_set_iv(&operation, iv.data(), iv.size());
  Bytes buffer(input.size() + 32);
  size_t total = 0;
  const size_t half = input.size() / 2;
  for (const auto& [offset, length] : {std::pair<size_t, size_t>{0, half}, {half, input.size() - half}}) {
    size_t written = 0;
    if (status == PSA_SUCCESS) {
      status = psa_cipher_update(&operation, input.data() + offset, length, buffer.data() + total,
                                 buffer.size() - total, &written);
    }
    total += written;
  }
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    status = psa_cipher_finish(&operation, buffer.data() + total, buffer.size() - total, &written);
  }
  total += written;
  psa_cipher_abort(&operation);
  if (status == PSA_SUCCESS) out->assign(buffer.begin(), buffer.begin() + total);
  return status;
}

// psa_aead_encrypt: ciphertext || tag.
inline psa_status_t AeadEncrypt(psa_key_id_t key, psa_algorithm_t alg, const Bytes& nonce, const Bytes& ad,
                                const Bytes& plaintext, Bytes* out) {
  out->assign(plaintext.size() + PSA_AEAD_TAG_MAX_SIZE, 0);
  size_t length = 0;
  const psa_status_t status = psa_aead_encrypt(key, alg, nonce.data(), nonce.size(), ad.data(), ad.size(),
                                               plaintext.data(), plaintext.size(), out->data(), out->size(), &length);
  out->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

inline psa_status_t AeadDecrypt(psa_key_id_t key, psa_algorithm_t alg, const Bytes& nonce, const Bytes& ad,
                                const Bytes& ciphertext, Bytes* out) {
  out->assign(ciphertext.size() + 1, 0);
  size_t length = 0;
  const psa_status_t status = psa_aead_decrypt(key, alg, nonce.data(), nonce.size(), ad.data(), ad.size(),
                                               ciphertext.data(), ciphertext.size(), out->data(), out->size(), &length);
  out->resize(status == PSA_SUCCESS ? length : 0);
  return status;
}

// Multi-part encryption (output: ciphertext || tag) with the lengths set,
// the additional data and the plaintext in two parts each.
inline psa_status_t AeadEncryptByParts(psa_key_id_t key, psa_algorithm_t alg, const Bytes& nonce, const Bytes& ad,
                                       const Bytes& plaintext, Bytes* out) {
  out->clear();
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  psa_status_t status = psa_aead_encrypt_setup(&operation, key, alg);
  if (status == PSA_SUCCESS) status = psa_aead_set_lengths(&operation, ad.size(), plaintext.size());
  if (status == PSA_SUCCESS) status = psa_aead_set_nonce(&operation, nonce.data(), nonce.size());
  const size_t ad_half = ad.size() / 2;
  if (status == PSA_SUCCESS) status = psa_aead_update_ad(&operation, ad.data(), ad_half);
  if (status == PSA_SUCCESS) status = psa_aead_update_ad(&operation, ad.data() + ad_half, ad.size() - ad_half);
  Bytes buffer(plaintext.size() + 32);
  size_t total = 0;
  const size_t half = plaintext.size() / 2;
  for (const auto& [offset, length] : {std::pair<size_t, size_t>{0, half}, {half, plaintext.size() - half}}) {
    size_t written = 0;
    if (status == PSA_SUCCESS) {
      status = psa_aead_update(&operation, plaintext.data() + offset, length, buffer.data() + total,
                               buffer.size() - total, &written);
    }
    total += written;
  }
  uint8_t tag[PSA_AEAD_TAG_MAX_SIZE];
  size_t tag_length = 0;
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    status = psa_aead_finish(&operation, buffer.data() + total, buffer.size() - total, &written, tag, sizeof(tag),
                             &tag_length);
  }
  total += written;
  psa_aead_abort(&operation);
  if (status == PSA_SUCCESS) {
    out->assign(buffer.begin(), buffer.begin() + total);
    out->insert(out->end(), tag, tag + tag_length);
  }
  return status;
}

// Multi-part decryption of ciphertext || tag (`tag_length` bytes of tag).
inline psa_status_t AeadDecryptByParts(psa_key_id_t key, psa_algorithm_t alg, const Bytes& nonce, const Bytes& ad,
                                       const Bytes& input, size_t tag_length, Bytes* out) {
  out->clear();
  if (input.size() < tag_length) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t body = input.size() - tag_length;
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  psa_status_t status = psa_aead_decrypt_setup(&operation, key, alg);
  if (status == PSA_SUCCESS) status = psa_aead_set_lengths(&operation, ad.size(), body);
  if (status == PSA_SUCCESS) status = psa_aead_set_nonce(&operation, nonce.data(), nonce.size());
  if (status == PSA_SUCCESS) status = psa_aead_update_ad(&operation, ad.data(), ad.size());
  Bytes buffer(body + 32);
  size_t total = 0;
  const size_t half = body / 2;
  for (const auto& [offset, length] : {std::pair<size_t, size_t>{0, half}, {half, body - half}}) {
    size_t written = 0;
    if (status == PSA_SUCCESS) {
      status = psa_aead_update(&operation, input.data() + offset, length, buffer.data() + total,
                               buffer.size() - total, &written);
    }
    total += written;
  }
  size_t written = 0;
  if (status == PSA_SUCCESS) {
    status = psa_aead_verify(&operation, buffer.data() + total, buffer.size() - total, &written,
                             input.data() + body, tag_length);
  }
  total += written;
  psa_aead_abort(&operation);
  if (status == PSA_SUCCESS) out->assign(buffer.begin(), buffer.begin() + total);
  return status;
}

// ---------------------------------------------------------------------------

// Resets the transparent test drivers (DispatchTest) and destroys, after
// each test, the keys it made with Key().
class SymmetricDispatchTest : public DispatchTest {
 protected:
  void TearDown() override {
    for (psa_key_id_t key : keys_) psa_destroy_key(key);
    keys_.clear();
  }

  // A volatile key of `type` with `data`, permitted `alg` and every usage,
  // in `location`; PSA_KEY_ID_NULL (and a test failure) if the import fails.
  psa_key_id_t Key(psa_key_type_t type, const Bytes& data, psa_algorithm_t alg,
                   psa_key_location_t location = PSA_KEY_LOCATION_LOCAL_STORAGE) {
    psa_key_id_t key = PSA_KEY_ID_NULL;
    EXPECT_PSA(PSA_SUCCESS, ImportKey(type, data, alg, location, &key));
    return key;
  }

  // The import itself, for tests of its status.
  psa_status_t ImportKey(psa_key_type_t type, const Bytes& data, psa_algorithm_t alg, psa_key_location_t location,
                         psa_key_id_t* key) {
    psa_key_attributes_t attributes = psa_key_attributes_init();
    psa_set_key_type(&attributes, type);
    psa_set_key_usage_flags(&attributes, kSymmetricUsage);
    psa_set_key_algorithm(&attributes, alg);
    psa_set_key_lifetime(&attributes, LifetimeAt(location));
    const psa_status_t status = psa_import_key(&attributes, data.data(), data.size(), key);
    if (status == PSA_SUCCESS) keys_.push_back(*key);
    return status;
  }

 private:
  std::vector<psa_key_id_t> keys_;
};

// A copy of `bytes` with its last byte changed.
inline Bytes Corrupted(Bytes bytes) {
  if (!bytes.empty()) bytes.back() ^= 0x01;
  return bytes;
}

inline Bytes Prefix(const Bytes& bytes, size_t length) {
  return Bytes(bytes.begin(), bytes.begin() + std::min(length, bytes.size()));
}
inline Bytes Suffix(const Bytes& bytes, size_t from) {
  return Bytes(bytes.begin() + std::min(from, bytes.size()), bytes.end());
}

}  // namespace psa::testing

#endif  // TESTS_DISPATCH_SYMMETRIC_TEST_UTIL_H_
