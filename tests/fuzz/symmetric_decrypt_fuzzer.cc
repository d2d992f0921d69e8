// Fuzzes the symmetric operations that take attacker-controlled input and
// a secret-dependent verdict: AEAD decrypt, MAC verify and cipher decrypt
// (with PKCS#7 padding among the modes), with fuzzed keys and inputs.
// Input (tests/fuzz/fuzz_input.h): a mode byte, an algorithm byte, a key
// type byte, then chunks key, nonce (AEAD), additional data (AEAD), tag or
// MAC, and the rest as message. Properties:
//   - every status is one the function specifies for its arguments;
//   - a decryption or verification that succeeds agrees with the forward
//     operation (encrypting the plaintext gives the ciphertext back,
//     computing the MAC gives the MAC);
//   - cipher decryption in multi-part form, in chunks picked by the input,
//     gives the same verdict and plaintext as single-part.

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <vector>

#include "psa/crypto.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

using psa::fuzz::FuzzInput;
using psa::fuzz::In;

constexpr psa_key_type_t kKeyTypes[] = {PSA_KEY_TYPE_AES, PSA_KEY_TYPE_ARIA, PSA_KEY_TYPE_CAMELLIA,
                                        PSA_KEY_TYPE_CHACHA20, PSA_KEY_TYPE_DES, PSA_KEY_TYPE_HMAC};

constexpr psa_algorithm_t kAeadAlgs[] = {
    PSA_ALG_GCM,
    PSA_ALG_CCM,
    PSA_ALG_CHACHA20_POLY1305,
    PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 4),
    PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12),
    PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4),
    PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8),
    PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 3),  // not a valid CCM tag length
};
constexpr psa_algorithm_t kMacAlgs[] = {
    PSA_ALG_HMAC(PSA_ALG_SHA_256),
    PSA_ALG_HMAC(PSA_ALG_SHA_1),
    PSA_ALG_HMAC(PSA_ALG_SHA_512),
    PSA_ALG_HMAC(PSA_ALG_SHA_384),
    PSA_ALG_HMAC(PSA_ALG_MD5),
    PSA_ALG_CMAC,
    PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 10),
    PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 4),
};
constexpr psa_algorithm_t kCipherAlgs[] = {
    PSA_ALG_CBC_PKCS7, PSA_ALG_CBC_NO_PADDING, PSA_ALG_ECB_NO_PADDING, PSA_ALG_CTR,
    PSA_ALG_CFB,       PSA_ALG_OFB,            PSA_ALG_STREAM_CIPHER, PSA_ALG_CCM_STAR_NO_TAG,
};

template <typename T, size_t N>
T Pick(const T (&table)[N], uint8_t choice) {
  return table[choice % N];
}

bool OneOf(psa_status_t status, std::initializer_list<psa_status_t> allowed) {
  for (psa_status_t s : allowed) {
    if (status == s) return true;
  }
  return false;
}

psa_key_id_t ImportKey(psa_key_type_t type, psa_algorithm_t alg, psa_key_usage_t usage,
                       const std::vector<uint8_t>& material) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, type);
  psa_set_key_algorithm(&attributes, alg);
  psa_set_key_usage_flags(&attributes, usage);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  if (psa_import_key(&attributes, In(material), material.size(), &key) != PSA_SUCCESS) return PSA_KEY_ID_NULL;
  return key;
}

void FuzzAead(psa_key_id_t key, psa_algorithm_t alg, const std::vector<uint8_t>& nonce,
              const std::vector<uint8_t>& ad, const std::vector<uint8_t>& ciphertext) {
  std::vector<uint8_t> plaintext(ciphertext.size() + 1);
  size_t plaintext_length = 0;
  const psa_status_t status = psa_aead_decrypt(key, alg, In(nonce), nonce.size(), In(ad), ad.size(),
                                               In(ciphertext), ciphertext.size(), plaintext.data(),
                                               plaintext.size(), &plaintext_length);
  FUZZ_CHECK(OneOf(status, {PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_INVALID_ARGUMENT,
                            PSA_ERROR_NOT_SUPPORTED}),
             "psa_aead_decrypt(0x%08x): %d", alg, static_cast<int>(status));
  if (status != PSA_SUCCESS) {
    for (uint8_t b : plaintext) FUZZ_CHECK(b == 0, "a failed AEAD decrypt released plaintext");
    return;
  }
  FUZZ_CHECK(plaintext_length < ciphertext.size(), "plaintext %zu >= ciphertext %zu", plaintext_length,
             ciphertext.size());
  std::vector<uint8_t> again(ciphertext.size() + 16);
  size_t again_length = 0;
  FUZZ_CHECK(psa_aead_encrypt(key, alg, In(nonce), nonce.size(), In(ad), ad.size(), plaintext.data(),
                              plaintext_length, again.data(), again.size(), &again_length) == PSA_SUCCESS,
             "re-encryption failed");
  FUZZ_CHECK(again_length == ciphertext.size() && SameBytes(again.data(), ciphertext.data(), again_length),
             "AEAD decrypt accepted a ciphertext that encryption does not produce");
}

void FuzzMac(psa_key_id_t key, psa_algorithm_t alg, const std::vector<uint8_t>& message,
             const std::vector<uint8_t>& mac) {
  const psa_status_t status = psa_mac_verify(key, alg, In(message), message.size(), In(mac), mac.size());
  FUZZ_CHECK(OneOf(status, {PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_INVALID_ARGUMENT,
                            PSA_ERROR_NOT_SUPPORTED}),
             "psa_mac_verify(0x%08x): %d", alg, static_cast<int>(status));
  // The multi-part verification agrees.
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  psa_status_t multipart = psa_mac_verify_setup(&operation, key, alg);
  if (multipart == PSA_SUCCESS) multipart = psa_mac_update(&operation, In(message), message.size());
  if (multipart == PSA_SUCCESS) multipart = psa_mac_verify_finish(&operation, In(mac), mac.size());
  FUZZ_CHECK(psa_mac_abort(&operation) == PSA_SUCCESS, "abort");
  FUZZ_CHECK(multipart == status, "psa_mac_verify(0x%08x): single-part %d, multi-part %d", alg,
             static_cast<int>(status), static_cast<int>(multipart));
  if (status != PSA_SUCCESS) return;
  uint8_t computed[PSA_MAC_MAX_SIZE];
  size_t computed_length = 0;
  FUZZ_CHECK(psa_mac_compute(key, alg, In(message), message.size(), computed, sizeof(computed),
                             &computed_length) == PSA_SUCCESS,
             "MAC compute failed where verify succeeded");
  FUZZ_CHECK(computed_length == mac.size() && SameBytes(computed, mac.data(), mac.size()),
             "MAC verify accepted a MAC that compute does not produce");
}

// Decrypts `input` (IV then ciphertext) in parts whose lengths come from `cuts`.
psa_status_t DecryptInParts(psa_key_id_t key, psa_algorithm_t alg, size_t iv_length,
                            const std::vector<uint8_t>& input, const std::vector<uint8_t>& cuts,
                            std::vector<uint8_t>* out) {
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  out->clear();
  psa_status_t status = psa_cipher_decrypt_setup(&operation, key, alg);
  if (status == PSA_SUCCESS && iv_length > 0) status = psa_cipher_set_iv(&operation, input.data(), iv_length);
  size_t at = iv_length;
  size_t cut = 0;
  while (status == PSA_SUCCESS && at < input.size()) {
    size_t part = cut < cuts.size() ? cuts[cut++] : input.size();
    if (part > input.size() - at) part = input.size() - at;
    std::vector<uint8_t> buffer(PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(part) + 32);
    size_t length = 0;
    status = psa_cipher_update(&operation, input.data() + at, part, buffer.data(), buffer.size(), &length);
    if (status == PSA_SUCCESS) out->insert(out->end(), buffer.begin(), buffer.begin() + length);
    at += part;
  }
  if (status == PSA_SUCCESS) {
    uint8_t last[PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE + 16];
    size_t length = 0;
    status = psa_cipher_finish(&operation, last, sizeof(last), &length);
    if (status == PSA_SUCCESS) out->insert(out->end(), last, last + length);
  }
  FUZZ_CHECK(psa_cipher_abort(&operation) == PSA_SUCCESS, "abort");
  return status;
}

void FuzzCipher(psa_key_id_t key, psa_key_type_t type, psa_algorithm_t alg, const std::vector<uint8_t>& input,
                const std::vector<uint8_t>& cuts) {
  std::vector<uint8_t> plaintext(input.size() + 1);
  size_t plaintext_length = 0;
  const psa_status_t status =
      psa_cipher_decrypt(key, alg, In(input), input.size(), plaintext.data(), plaintext.size(), &plaintext_length);
  FUZZ_CHECK(OneOf(status, {PSA_SUCCESS, PSA_ERROR_INVALID_PADDING, PSA_ERROR_INVALID_ARGUMENT,
                            PSA_ERROR_NOT_SUPPORTED}),
             "psa_cipher_decrypt(0x%08x): %d", alg, static_cast<int>(status));
  if (status == PSA_ERROR_NOT_SUPPORTED) return;
  const size_t iv_length = PSA_CIPHER_IV_LENGTH(type, alg);
  if (status == PSA_SUCCESS || status == PSA_ERROR_INVALID_PADDING) {
    std::vector<uint8_t> parts;
    const psa_status_t multipart = DecryptInParts(key, alg, iv_length, input, cuts, &parts);
    FUZZ_CHECK(multipart == status, "single-part decrypt %d, multi-part %d", static_cast<int>(status),
               static_cast<int>(multipart));
    if (status == PSA_SUCCESS) {
      FUZZ_CHECK(parts.size() == plaintext_length &&
                     SameBytes(parts.data(), plaintext.data(), parts.size()),
                 "multi-part plaintext differs");
    }
  }
  if (status != PSA_SUCCESS) return;
  FUZZ_CHECK(input.size() >= iv_length && plaintext_length <= input.size() - iv_length,
             "plaintext %zu from %zu bytes", plaintext_length, input.size());
  // Encrypting the plaintext with the same IV gives the ciphertext back.
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  std::vector<uint8_t> again(input.size() + 64);
  size_t length = 0, finish_length = 0;
  psa_status_t forward = psa_cipher_encrypt_setup(&operation, key, alg);
  if (forward == PSA_SUCCESS && iv_length > 0) forward = psa_cipher_set_iv(&operation, input.data(), iv_length);
  if (forward == PSA_SUCCESS) {
    forward = psa_cipher_update(&operation, plaintext.data(), plaintext_length, again.data(), again.size(), &length);
  }
  if (forward == PSA_SUCCESS) {
    forward = psa_cipher_finish(&operation, again.data() + length, again.size() - length, &finish_length);
  }
  FUZZ_CHECK(psa_cipher_abort(&operation) == PSA_SUCCESS, "abort");
  FUZZ_CHECK(forward == PSA_SUCCESS, "re-encryption failed: %d", static_cast<int>(forward));
  FUZZ_CHECK(length + finish_length == input.size() - iv_length &&
                 SameBytes(again.data(), input.data() + iv_length, length + finish_length),
             "cipher decrypt accepted a ciphertext that encryption does not produce");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  FUZZ_CHECK(psa_crypto_init() == PSA_SUCCESS, "psa_crypto_init");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;
  FuzzInput in(data, size);
  const uint8_t mode = in.Byte() % 3;
  const uint8_t alg_choice = in.Byte();
  const psa_key_type_t type = Pick(kKeyTypes, in.Byte());
  const std::vector<uint8_t> material = in.Chunk();
  psa_algorithm_t alg;
  psa_key_usage_t usage;
  switch (mode) {
    case 0:
      alg = Pick(kAeadAlgs, alg_choice);
      usage = PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_ENCRYPT;
      break;
    case 1:
      alg = Pick(kMacAlgs, alg_choice);
      usage = PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_SIGN_MESSAGE;
      break;
    default:
      alg = Pick(kCipherAlgs, alg_choice);
      usage = PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_ENCRYPT;
      break;
  }
  const psa_key_id_t key = ImportKey(type, alg, usage, material);
  if (key == PSA_KEY_ID_NULL) return 0;
  if (mode == 0) {
    const std::vector<uint8_t> nonce = in.Chunk();
    const std::vector<uint8_t> ad = in.Chunk();
    FuzzAead(key, alg, nonce, ad, in.Rest());
  } else if (mode == 1) {
    const std::vector<uint8_t> mac = in.Chunk();
    FuzzMac(key, alg, in.Rest(), mac);
  } else {
    const std::vector<uint8_t> cuts = in.Chunk();
    FuzzCipher(key, type, alg, in.Rest(), cuts);
  }
  FUZZ_CHECK(psa_destroy_key(key) == PSA_SUCCESS, "destroy");
  return 0;
}
