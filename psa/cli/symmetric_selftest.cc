// Known-answer self-tests of the MAC, cipher and AEAD families: each
// mechanism once single-part and once multi-part (byte by byte), checked
// against a published value, and its verifying direction checked to accept
// that value and reject a corrupted one. The result names the driver that
// served the single-part call.

#include "psa/cli/symmetric_selftest.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "psa/cli/selftest_support.h"
#include "psa/crypto.h"

namespace psa::cli {
namespace {

struct MacVector {
  const char* name;
  psa_key_type_t type;
  psa_algorithm_t alg;
  const char* key_hex;
  const char* message;  // text
  const char* mac_hex;
};

// RFC 4231 / RFC 2202 / RFC 2286 test case 2 ("Jefe"), RFC 4493 example 2.
const MacVector kMacVectors[] = {
    {"HMAC-MD5", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_MD5), "4a656665", "what do ya want for nothing?",
     "750c783e6ab0b503eaa86e310a5db738"},
    {"HMAC-RIPEMD-160", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_RIPEMD160), "4a656665",
     "what do ya want for nothing?", "dda6c0213a485a9e24f4742064a7f033b43c4069"},
    {"HMAC-SHA-1", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_1), "4a656665", "what do ya want for nothing?",
     "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
    {"HMAC-SHA-224", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_224), "4a656665", "what do ya want for nothing?",
     "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44"},
    {"HMAC-SHA-256", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_256), "4a656665", "what do ya want for nothing?",
     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
    {"HMAC-SHA-256/128", PSA_KEY_TYPE_HMAC, PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16), "4a656665",
     "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c7"},
    {"HMAC-SHA-384", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_384), "4a656665", "what do ya want for nothing?",
     "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649"},
    {"HMAC-SHA-512", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_512), "4a656665", "what do ya want for nothing?",
     "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fd"
     "caeab1a34d4a6b4b636e070a38bce737"},
};

// RFC 4493 example 2 (one block).
const char kAes128Key[] = "2b7e151628aed2a6abf7158809cf4f3c";
const char kSp80038aBlock1[] = "6bc1bee22e409f96e93d7e117393172a";

SelftestResult MacSelftest(const char* name, psa_key_type_t type, psa_algorithm_t alg, const Bytes& key_material,
                           const Bytes& message, const Bytes& expected) {
  SelftestResult result{std::string("mac ") + name, "-", SelftestResult::Outcome::kFail, ""};
  Key key(type, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, alg, key_material);
  if (!Check(&result, "psa_import_key", key.status())) return result;
  Bytes mac(PSA_MAC_MAX_SIZE);
  size_t length = 0;
  psa_status_t status = psa_mac_compute(key.id(), alg, message.data(), message.size(), mac.data(), mac.size(),
                                        &length);
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    result.outcome = SelftestResult::Outcome::kNotCompiledIn;
    return result;
  }
  result.driver = LastDriver();
  if (!Check(&result, "psa_mac_compute", status)) return result;
  mac.resize(length);
  if (!CheckEqual(&result, "single-part MAC", mac, expected)) return result;

  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  status = psa_mac_sign_setup(&operation, key.id(), alg);
  for (size_t i = 0; status == PSA_SUCCESS && i < message.size(); ++i) {
    status = psa_mac_update(&operation, &message[i], 1);
  }
  Bytes multi(PSA_MAC_MAX_SIZE);
  if (status == PSA_SUCCESS) status = psa_mac_sign_finish(&operation, multi.data(), multi.size(), &length);
  psa_mac_abort(&operation);
  if (!Check(&result, "multi-part MAC", status)) return result;
  multi.resize(length);
  if (!CheckEqual(&result, "multi-part MAC", multi, expected)) return result;

  status = psa_mac_verify(key.id(), alg, message.data(), message.size(), expected.data(), expected.size());
  if (!Check(&result, "psa_mac_verify", status)) return result;
  Bytes corrupted = expected;
  corrupted.back() ^= 1;
  if (psa_mac_verify(key.id(), alg, message.data(), message.size(), corrupted.data(), corrupted.size()) !=
      PSA_ERROR_INVALID_SIGNATURE) {
    result.detail = "psa_mac_verify accepted a corrupted MAC";
    return result;
  }
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

struct CipherVector {
  const char* name;
  psa_key_type_t type;
  psa_algorithm_t alg;
  const char* key_hex;
  const char* iv_hex;
  const char* plaintext_hex;
  const char* ciphertext_hex;  // nullptr: compare with `reference` instead
};

// SP 800-38A F.1.1, F.2.1, F.3.13, F.4.1, F.5.1 (first block); RFC 3713
// (Camellia); RFC 5794 A.1 (ARIA); the classic DES example ("Now is t");
// RFC 8439 A.1 #1 (ChaCha20, counter 0); SP 800-38A F.2.1 padded with
// PKCS#7.
const CipherVector kCipherVectors[] = {
    {"AES-128-ECB", PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING, kAes128Key, "", kSp80038aBlock1,
     "3ad77bb40d7a3660a89ecaf32466ef97"},
    {"AES-128-CBC", PSA_KEY_TYPE_AES, PSA_ALG_CBC_NO_PADDING, kAes128Key, "000102030405060708090a0b0c0d0e0f",
     kSp80038aBlock1, "7649abac8119b246cee98e9b12e9197d"},
    {"AES-128-CBC-PKCS7", PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, kAes128Key, "000102030405060708090a0b0c0d0e0f",
     kSp80038aBlock1, nullptr},
    {"AES-128-CFB", PSA_KEY_TYPE_AES, PSA_ALG_CFB, kAes128Key, "000102030405060708090a0b0c0d0e0f", kSp80038aBlock1,
     "3b3fd92eb72dad20333449f8e83cfb4a"},
    {"AES-128-OFB", PSA_KEY_TYPE_AES, PSA_ALG_OFB, kAes128Key, "000102030405060708090a0b0c0d0e0f", kSp80038aBlock1,
     "3b3fd92eb72dad20333449f8e83cfb4a"},
    {"AES-128-CTR", PSA_KEY_TYPE_AES, PSA_ALG_CTR, kAes128Key, "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", kSp80038aBlock1,
     "874d6191b620e3261bef6864990db6ce"},
    {"AES-128-CCM*-no-tag", PSA_KEY_TYPE_AES, PSA_ALG_CCM_STAR_NO_TAG, kAes128Key,
     "00000003020100a0a1a2a3a4a5", kSp80038aBlock1, nullptr},
    {"CAMELLIA-128-ECB", PSA_KEY_TYPE_CAMELLIA, PSA_ALG_ECB_NO_PADDING, "0123456789abcdeffedcba9876543210", "",
     "0123456789abcdeffedcba9876543210", "67673138549669730857065648eabe43"},
    {"ARIA-128-ECB", PSA_KEY_TYPE_ARIA, PSA_ALG_ECB_NO_PADDING, "000102030405060708090a0b0c0d0e0f", "",
     "00112233445566778899aabbccddeeff", "d718fbd6ab644c739da95f3be6451778"},
    {"DES-ECB", PSA_KEY_TYPE_DES, PSA_ALG_ECB_NO_PADDING, "0123456789abcdef", "", "4e6f772069732074",
     "3fa40e8a984d4815"},
    {"CHACHA20", PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER,
     "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000",
     "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000",
     "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7da41597c5157488d7724e03fb8d84a376a43b8f4"
     "1518a11cc387b669b2ee6586"},
};

// Encrypts `plaintext` with `iv` through the multi-part API, `step` bytes
// per update.
psa_status_t EncryptWithIv(psa_key_id_t key, psa_algorithm_t alg, const Bytes& iv, const Bytes& plaintext,
                           size_t step, Bytes* ciphertext) {
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  psa_status_t status = psa_cipher_encrypt_setup(&operation, key, alg);
  if (status == PSA_SUCCESS && !iv.empty()) status = psa_cipher_set_iv(&operation, iv.data(), iv.size());
  ciphertext->assign(plaintext.size() + PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE, 0);
  size_t total = 0;
  for (size_t i = 0; status == PSA_SUCCESS && i < plaintext.size(); i += step) {
    size_t n = 0;
    const size_t chunk = std::min(step, plaintext.size() - i);
    status = psa_cipher_update(&operation, &plaintext[i], chunk, ciphertext->data() + total,
                               ciphertext->size() - total, &n);
    total += n;
  }
  size_t n = 0;
  if (status == PSA_SUCCESS) {
    status = psa_cipher_finish(&operation, ciphertext->data() + total, ciphertext->size() - total, &n);
  }
  psa_cipher_abort(&operation);
  ciphertext->resize(total + n);
  return status;
}

SelftestResult CipherSelftest(const CipherVector& v) {
  SelftestResult result{std::string("cipher ") + v.name, "-", SelftestResult::Outcome::kFail, ""};
  Key key(v.type, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, v.alg, FromHex(v.key_hex));
  if (!Check(&result, "psa_import_key", key.status())) return result;
  const Bytes iv = FromHex(v.iv_hex);
  const Bytes plaintext = FromHex(v.plaintext_hex);

  // Single-part decryption of IV || known ciphertext serves as the
  // single-part known answer (encryption picks its own IV).
  Bytes expected;
  if (v.ciphertext_hex != nullptr) {
    expected = FromHex(v.ciphertext_hex);
  } else if (v.alg == PSA_ALG_CCM_STAR_NO_TAG) {
    // CCM* without tag is CTR from the counter block flags(L=2) || nonce || 1.
    Key ctr(v.type, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CTR, FromHex(v.key_hex));
    Bytes counter_block = {0x01};
    counter_block.insert(counter_block.end(), iv.begin(), iv.end());
    counter_block.push_back(0x00);
    counter_block.push_back(0x01);
    if (!Check(&result, "CTR reference", EncryptWithIv(ctr.id(), PSA_ALG_CTR, counter_block, plaintext, 16,
                                                       &expected))) {
      return result;
    }
  } else {
    // CBC-PKCS7: the known CBC block, then the padding block.
    Key cbc(v.type, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CBC_NO_PADDING, FromHex(v.key_hex));
    Bytes padded = plaintext;
    padded.insert(padded.end(), 16, 16);
    if (!Check(&result, "CBC reference", EncryptWithIv(cbc.id(), PSA_ALG_CBC_NO_PADDING, iv, padded, 16,
                                                       &expected))) {
      return result;
    }
    if (!CheckEqual(&result, "CBC block", Bytes(expected.begin(), expected.begin() + 16),
                    FromHex("7649abac8119b246cee98e9b12e9197d"))) {
      return result;
    }
  }
  Bytes input = iv;
  input.insert(input.end(), expected.begin(), expected.end());
  Bytes decrypted(input.size() + 16);
  size_t length = 0;
  psa_status_t status =
      psa_cipher_decrypt(key.id(), v.alg, input.data(), input.size(), decrypted.data(), decrypted.size(), &length);
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    result.outcome = SelftestResult::Outcome::kNotCompiledIn;
    return result;
  }
  result.driver = LastDriver();
  if (!Check(&result, "psa_cipher_decrypt", status)) return result;
  decrypted.resize(length);
  if (!CheckEqual(&result, "single-part decryption", decrypted, plaintext)) return result;

  Bytes multi;
  if (!Check(&result, "multi-part encryption", EncryptWithIv(key.id(), v.alg, iv, plaintext, 1, &multi))) {
    return result;
  }
  if (!CheckEqual(&result, "multi-part encryption", multi, expected)) return result;

  // Single-part encryption with a fresh IV must decrypt back.
  Bytes encrypted(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(v.type, v.alg, plaintext.size()));
  status = psa_cipher_encrypt(key.id(), v.alg, plaintext.data(), plaintext.size(), encrypted.data(),
                              encrypted.size(), &length);
  if (!Check(&result, "psa_cipher_encrypt", status)) return result;
  Bytes round_trip(length);
  status = psa_cipher_decrypt(key.id(), v.alg, encrypted.data(), length, round_trip.data(), round_trip.size(),
                              &length);
  if (!Check(&result, "psa_cipher_decrypt of psa_cipher_encrypt", status)) return result;
  round_trip.resize(length);
  if (!CheckEqual(&result, "round trip", round_trip, plaintext)) return result;
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

struct AeadVector {
  const char* name;
  psa_key_type_t type;
  psa_algorithm_t alg;
  const char* key_hex;
  const char* nonce_hex;
  const char* ad_hex;
  Bytes plaintext;
  const char* ciphertext_and_tag_hex;  // nullptr: only the tag is known
  const char* tag_hex;
};

SelftestResult AeadSelftest(const AeadVector& v) {
  SelftestResult result{std::string("aead ") + v.name, "-", SelftestResult::Outcome::kFail, ""};
  Key key(v.type, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, v.alg, FromHex(v.key_hex));
  if (!Check(&result, "psa_import_key", key.status())) return result;
  const Bytes nonce = FromHex(v.nonce_hex);
  const Bytes ad = FromHex(v.ad_hex);
  const Bytes tag = FromHex(v.tag_hex);
  Bytes sealed(v.plaintext.size() + PSA_AEAD_TAG_MAX_SIZE);
  size_t length = 0;
  psa_status_t status = psa_aead_encrypt(key.id(), v.alg, nonce.data(), nonce.size(), ad.data(), ad.size(),
                                         v.plaintext.data(), v.plaintext.size(), sealed.data(), sealed.size(),
                                         &length);
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    result.outcome = SelftestResult::Outcome::kNotCompiledIn;
    return result;
  }
  result.driver = LastDriver();
  if (!Check(&result, "psa_aead_encrypt", status)) return result;
  sealed.resize(length);
  if (v.ciphertext_and_tag_hex != nullptr &&
      !CheckEqual(&result, "ciphertext", sealed, FromHex(v.ciphertext_and_tag_hex))) {
    return result;
  }
  if (!CheckEqual(&result, "tag", Bytes(sealed.end() - tag.size(), sealed.end()), tag)) return result;

  // Multi-part, byte by byte, with declared lengths.
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  status = psa_aead_encrypt_setup(&operation, key.id(), v.alg);
  if (status == PSA_SUCCESS) status = psa_aead_set_lengths(&operation, ad.size(), v.plaintext.size());
  if (status == PSA_SUCCESS) status = psa_aead_set_nonce(&operation, nonce.data(), nonce.size());
  for (size_t i = 0; status == PSA_SUCCESS && i < ad.size(); ++i) status = psa_aead_update_ad(&operation, &ad[i], 1);
  Bytes multi(v.plaintext.size() + PSA_AEAD_FINISH_OUTPUT_MAX_SIZE);
  size_t total = 0;
  for (size_t i = 0; status == PSA_SUCCESS && i < v.plaintext.size(); ++i) {
    size_t n = 0;
    status = psa_aead_update(&operation, &v.plaintext[i], 1, multi.data() + total, multi.size() - total, &n);
    total += n;
  }
  Bytes multi_tag(PSA_AEAD_TAG_MAX_SIZE);
  size_t n = 0;
  size_t tag_length = 0;
  if (status == PSA_SUCCESS) {
    status = psa_aead_finish(&operation, multi.data() + total, multi.size() - total, &n, multi_tag.data(),
                             multi_tag.size(), &tag_length);
  }
  psa_aead_abort(&operation);
  if (!Check(&result, "multi-part encryption", status)) return result;
  multi.resize(total + n);
  multi_tag.resize(tag_length);
  multi.insert(multi.end(), multi_tag.begin(), multi_tag.end());
  if (!CheckEqual(&result, "multi-part encryption", multi, sealed)) return result;

  Bytes opened(v.plaintext.size());
  status = psa_aead_decrypt(key.id(), v.alg, nonce.data(), nonce.size(), ad.data(), ad.size(), sealed.data(),
                            sealed.size(), opened.data(), opened.size(), &length);
  if (!Check(&result, "psa_aead_decrypt", status)) return result;
  opened.resize(length);
  if (!CheckEqual(&result, "decryption", opened, v.plaintext)) return result;
  sealed.back() ^= 1;
  if (psa_aead_decrypt(key.id(), v.alg, nonce.data(), nonce.size(), ad.data(), ad.size(), sealed.data(),
                       sealed.size(), opened.data(), opened.size(), &length) != PSA_ERROR_INVALID_SIGNATURE) {
    result.detail = "psa_aead_decrypt accepted a corrupted tag";
    return result;
  }
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

}  // namespace

std::vector<SelftestResult> RunSymmetricSelftests() {
  std::vector<SelftestResult> results;
  for (const MacVector& v : kMacVectors) {
    results.push_back(MacSelftest(v.name, v.type, v.alg, FromHex(v.key_hex), FromText(v.message), FromHex(v.mac_hex)));
  }
  // RFC 4493 example 2.
  results.push_back(MacSelftest("AES-128-CMAC", PSA_KEY_TYPE_AES, PSA_ALG_CMAC, FromHex(kAes128Key),
                                FromHex(kSp80038aBlock1), FromHex("070a16b46b4d4144f79bdd9dd04a287c")));
  for (const CipherVector& v : kCipherVectors) results.push_back(CipherSelftest(v));

  const AeadVector aead_vectors[] = {
      // The GCM specification's test case 2.
      {"AES-128-GCM", PSA_KEY_TYPE_AES, PSA_ALG_GCM, "00000000000000000000000000000000", "000000000000000000000000",
       "", Bytes(16, 0), "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf",
       "ab6e47d42cec13bdf53a67b21257bddf"},
      // RFC 3610 packet vector #1 (8-byte tag).
      {"AES-128-CCM", PSA_KEY_TYPE_AES, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8),
       "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf", "00000003020100a0a1a2a3a4a5", "0001020304050607",
       FromHex("08090a0b0c0d0e0f101112131415161718191a1b1c1d1e"),
       "588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0", "17e8d12cfdf926e0"},
      // RFC 8439 section 2.8.2.
      {"CHACHA20-POLY1305", PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305,
       "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f", "070000004041424344454647",
       "50515253c0c1c2c3c4c5c6c7",
       FromText("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
                "sunscreen would be it."),
       nullptr, "1ae10b594f09e26a7e902ecbd0600691"},
  };
  for (const AeadVector& v : aead_vectors) results.push_back(AeadSelftest(v));
  return results;
}

}  // namespace psa::cli
