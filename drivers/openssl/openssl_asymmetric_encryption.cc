// RSA PKCS#1 v1.5 and OAEP encryption over EVP_PKEY_encrypt / decrypt (see
// openssl_asymmetric_encryption.h).

#include "drivers/openssl/openssl_asymmetric_encryption.h"

#include <string.h>

#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "drivers/openssl/openssl_digest.h"
#include "drivers/openssl/openssl_key_cache.h"
#include "drivers/openssl/openssl_pkey.h"
#include "drivers/openssl/openssl_status.h"

namespace drivers::openssl {
namespace {

// Checks the call; sets *md (OAEP) and *k, the modulus length.
psa_status_t Check(const psa_key_attributes_t* attributes, psa_algorithm_t alg, size_t salt_length, bool decrypt,
                   const EVP_MD** md, size_t* k) {
  const psa_key_type_t type = psa_get_key_type(attributes);
  const size_t bits = psa_get_key_bits(attributes);
  if (!PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  if (alg != PSA_ALG_RSA_PKCS1V15_CRYPT && !PSA_ALG_IS_RSA_OAEP(alg)) return PSA_ERROR_NOT_SUPPORTED;
  if (!PSA_KEY_TYPE_IS_RSA(type) || (decrypt && !PSA_KEY_TYPE_IS_KEY_PAIR(type))) return PSA_ERROR_INVALID_ARGUMENT;
  if (!IsServedKey(type, bits)) return PSA_ERROR_NOT_SUPPORTED;
  *k = PSA_BITS_TO_BYTES(bits);
  *md = nullptr;
  if (alg == PSA_ALG_RSA_PKCS1V15_CRYPT) return salt_length == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  *md = DigestOf(PSA_ALG_GET_HASH(alg));
  return *md == nullptr ? PSA_ERROR_NOT_SUPPORTED : PSA_SUCCESS;
}

// A context for encryption or decryption with the padding of `alg`.
psa_status_t NewContext(EVP_PKEY* key, psa_algorithm_t alg, const EVP_MD* md, const uint8_t* salt,
                        size_t salt_length, bool decrypt, PkeyCtx* ctx) {
  ctx->reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (*ctx == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  EVP_PKEY_CTX* c = ctx->get();
  if ((decrypt ? EVP_PKEY_decrypt_init(c) : EVP_PKEY_encrypt_init(c)) != 1) {
    return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  }
  if (md == nullptr) {
    return EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PADDING) == 1 ? PSA_SUCCESS
                                                                   : StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  if (EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_OAEP_PADDING) != 1 || EVP_PKEY_CTX_set_rsa_oaep_md(c, md) != 1 ||
      EVP_PKEY_CTX_set_rsa_mgf1_md(c, md) != 1) {
    return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  if (salt_length != 0) {
    // OpenSSL takes ownership of the label.
    void* label = OPENSSL_memdup(salt, salt_length);
    if (label == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
    if (EVP_PKEY_CTX_set0_rsa_oaep_label(c, label, static_cast<int>(salt_length)) != 1) {
      OPENSSL_free(label);
      return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
    }
  }
  return PSA_SUCCESS;
}

}  // namespace
}  // namespace drivers::openssl

extern "C" {

psa_status_t openssl_asymmetric_encrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                        size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                        size_t input_length, const uint8_t* salt, size_t salt_length,
                                        uint8_t* output, size_t output_size, size_t* output_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  *output_length = 0;
  const EVP_MD* md = nullptr;
  size_t k = 0;
  psa_status_t status = Check(attributes, alg, salt_length, false, &md, &k);
  if (status != PSA_SUCCESS) return status;
  const size_t overhead = md == nullptr ? 11 : 2 * static_cast<size_t>(EVP_MD_get_size(md)) + 2;
  if (overhead > k || input_length > k - overhead) return PSA_ERROR_INVALID_ARGUMENT;
  if (output_size < k) return PSA_ERROR_BUFFER_TOO_SMALL;
  Pkey key;
  status = AcquireKey(attributes, key_buffer, key_buffer_size, &key);
  if (status != PSA_SUCCESS) return status;
  PkeyCtx ctx;
  status = NewContext(key.get(), alg, md, salt, salt_length, false, &ctx);
  if (status != PSA_SUCCESS) return status;
  size_t written = output_size;
  if (EVP_PKEY_encrypt(ctx.get(), output, &written, input, input_length) != 1 || written != k) {
    OPENSSL_cleanse(output, output_size);
    return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  }
  *output_length = written;
  return PSA_SUCCESS;
}

psa_status_t openssl_asymmetric_decrypt(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                        size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                        size_t input_length, const uint8_t* salt, size_t salt_length,
                                        uint8_t* output, size_t output_size, size_t* output_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  *output_length = 0;
  const EVP_MD* md = nullptr;
  size_t k = 0;
  psa_status_t status = Check(attributes, alg, salt_length, true, &md, &k);
  if (status != PSA_SUCCESS) return status;
  if (input_length != k) return PSA_ERROR_INVALID_ARGUMENT;
  Pkey key;
  status = AcquireKey(attributes, key_buffer, key_buffer_size, &key);
  if (status != PSA_SUCCESS) return status;
  PkeyCtx ctx;
  status = NewContext(key.get(), alg, md, salt, salt_length, true, &ctx);
  if (status != PSA_SUCCESS) return status;
  std::vector<uint8_t> staged(k);
  size_t written = staged.size();
  if (EVP_PKEY_decrypt(ctx.get(), staged.data(), &written, input, input_length) != 1 || written > k) {
    status = StatusFromQueue(PSA_ERROR_INVALID_PADDING);
  } else if (written > output_size) {
    status = PSA_ERROR_BUFFER_TOO_SMALL;
  } else {
    if (written != 0) memcpy(output, staged.data(), written);
    *output_length = written;
    status = PSA_SUCCESS;
  }
  OPENSSL_cleanse(staged.data(), staged.size());
  return status;
}

}  // extern "C"
