// ChaCha20-Poly1305 over EVP_CIPHER (see openssl_aead.h).

#include "drivers/openssl/openssl_aead.h"

#include <limits.h>
#include <string.h>

#include <memory>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "drivers/openssl/openssl_status.h"

namespace drivers::openssl {
namespace {

constexpr size_t kKeyLength = 32;
constexpr size_t kNonceLength = 12;
constexpr size_t kTagLength = 16;

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

const EVP_CIPHER* ChaChaPoly() {
  static const EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "ChaCha20-Poly1305", nullptr);
  return cipher;
}

psa_status_t Check(const psa_key_attributes_t* attributes, size_t key_buffer_size, psa_algorithm_t alg,
                   size_t nonce_length) {
  if (alg != PSA_ALG_CHACHA20_POLY1305 || psa_get_key_type(attributes) != PSA_KEY_TYPE_CHACHA20 ||
      nonce_length != kNonceLength || ChaChaPoly() == nullptr) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  return key_buffer_size == kKeyLength ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

// A context keyed for encryption or decryption, with the AD absorbed.
psa_status_t Start(bool encrypt, const uint8_t* key, const uint8_t* nonce, const uint8_t* ad, size_t ad_length,
                   CipherCtx* ctx) {
  ctx->reset(EVP_CIPHER_CTX_new());
  if (*ctx == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  int unused = 0;
  if (EVP_CipherInit_ex2(ctx->get(), ChaChaPoly(), key, nonce, encrypt ? 1 : 0, nullptr) != 1) {
    return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  // EVP takes int lengths: feed long inputs in pieces.
  while (ad_length > 0) {
    const int piece = ad_length > INT_MAX / 2 ? INT_MAX / 2 : static_cast<int>(ad_length);
    if (EVP_CipherUpdate(ctx->get(), nullptr, &unused, ad, piece) != 1) {
      return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
    }
    ad += piece;
    ad_length -= static_cast<size_t>(piece);
  }
  return PSA_SUCCESS;
}

// Runs `length` bytes of input through the cipher into `output`.
bool Run(EVP_CIPHER_CTX* ctx, const uint8_t* input, size_t length, uint8_t* output) {
  while (length > 0) {
    const int piece = length > INT_MAX / 2 ? INT_MAX / 2 : static_cast<int>(length);
    int written = 0;
    if (EVP_CipherUpdate(ctx, output, &written, input, piece) != 1 || written != piece) return false;
    input += piece;
    output += piece;
    length -= static_cast<size_t>(piece);
  }
  return true;
}

}  // namespace
}  // namespace drivers::openssl

extern "C" {

psa_status_t openssl_aead_encrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* nonce,
                                  size_t nonce_length, const uint8_t* additional_data, size_t additional_data_length,
                                  const uint8_t* plaintext, size_t plaintext_length, uint8_t* ciphertext,
                                  size_t ciphertext_size, size_t* ciphertext_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  *ciphertext_length = 0;
  psa_status_t status = Check(attributes, key_buffer_size, alg, nonce_length);
  if (status != PSA_SUCCESS) return status;
  if (plaintext_length > SIZE_MAX - kTagLength || ciphertext_size < plaintext_length + kTagLength) {
    return PSA_ERROR_BUFFER_TOO_SMALL;
  }
  CipherCtx ctx;
  status = Start(true, key_buffer, nonce, additional_data, additional_data_length, &ctx);
  if (status != PSA_SUCCESS) return status;
  int final_length = 0;
  if (!Run(ctx.get(), plaintext, plaintext_length, ciphertext) ||
      EVP_CipherFinal_ex(ctx.get(), ciphertext + plaintext_length, &final_length) != 1 || final_length != 0 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, kTagLength, ciphertext + plaintext_length) != 1) {
    OPENSSL_cleanse(ciphertext, ciphertext_size);
    return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  *ciphertext_length = plaintext_length + kTagLength;
  return PSA_SUCCESS;
}

psa_status_t openssl_aead_decrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* nonce,
                                  size_t nonce_length, const uint8_t* additional_data, size_t additional_data_length,
                                  const uint8_t* ciphertext, size_t ciphertext_length, uint8_t* plaintext,
                                  size_t plaintext_size, size_t* plaintext_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  *plaintext_length = 0;
  psa_status_t status = Check(attributes, key_buffer_size, alg, nonce_length);
  if (status != PSA_SUCCESS) return status;
  if (ciphertext_length < kTagLength) return PSA_ERROR_INVALID_SIGNATURE;
  const size_t length = ciphertext_length - kTagLength;
  if (plaintext_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  CipherCtx ctx;
  status = Start(false, key_buffer, nonce, additional_data, additional_data_length, &ctx);
  if (status != PSA_SUCCESS) return status;
  uint8_t tag[kTagLength];
  memcpy(tag, ciphertext + length, kTagLength);
  if (!Run(ctx.get(), ciphertext, length, plaintext)) {
    OPENSSL_cleanse(plaintext, length);
    return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  int final_length = 0;
  // OpenSSL compares the tag in constant time (CRYPTO_memcmp).
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, kTagLength, tag) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), plaintext + length, &final_length) != 1) {
    OPENSSL_cleanse(plaintext, length);
    return StatusFromQueue(PSA_ERROR_INVALID_SIGNATURE);
  }
  *plaintext_length = length;
  return PSA_SUCCESS;
}

}  // extern "C"
