// HMAC over EVP_MAC (see openssl_mac.h). The "HMAC" implementation is
// fetched once; each operation gets its own EVP_MAC_CTX.

#include "drivers/openssl/openssl_mac.h"

#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "drivers/openssl/openssl_digest.h"
#include "drivers/openssl/openssl_status.h"

namespace drivers::openssl {
namespace {

static_assert(sizeof(openssl_mac_operation_t) <= 512, "exceeds the 512 bytes of a driver MAC context");

constexpr size_t kMaxMacLength = 64;

EVP_MAC* Hmac() {
  static EVP_MAC* const hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return hmac;
}

// The digest name of an HMAC `alg` this driver serves, nullptr otherwise;
// sets *mac_length to the (truncated) MAC length.
psa_status_t CheckHmac(const psa_key_attributes_t* attributes, psa_algorithm_t alg, const char** digest,
                       size_t* mac_length) {
  if (psa_get_key_type(attributes) != PSA_KEY_TYPE_HMAC || !PSA_ALG_IS_HMAC(alg)) return PSA_ERROR_NOT_SUPPORTED;
  const psa_algorithm_t hash = PSA_ALG_GET_HASH(alg);
  if (hash == PSA_ALG_SHA_1) return PSA_ERROR_NOT_SUPPORTED;
  *digest = DigestNameOf(hash);
  if (*digest == nullptr || Hmac() == nullptr) return PSA_ERROR_NOT_SUPPORTED;
  const size_t full = PSA_HASH_LENGTH(hash);
  const size_t length = PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 0, alg);
  if (length == 0 || length > full) return PSA_ERROR_INVALID_ARGUMENT;
  *mac_length = length;
  return PSA_SUCCESS;
}

// A keyed EVP_MAC_CTX for `digest`, or nullptr.
EVP_MAC_CTX* NewKeyedContext(const char* digest, const uint8_t* key, size_t key_length) {
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(Hmac());
  if (ctx == nullptr) return nullptr;
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest), 0),
      OSSL_PARAM_construct_end(),
  };
  // An empty key is an HMAC key too; OpenSSL needs a non-null pointer.
  static const uint8_t kEmpty = 0;
  if (EVP_MAC_init(ctx, key_length == 0 ? &kEmpty : key, key_length, params) != 1) {
    EVP_MAC_CTX_free(ctx);
    return nullptr;
  }
  return ctx;
}

// Finishes `ctx` into mac[0..mac_length) (truncating).
psa_status_t Finish(EVP_MAC_CTX* ctx, uint8_t* mac, size_t mac_length) {
  uint8_t full[kMaxMacLength];
  size_t written = 0;
  if (EVP_MAC_final(ctx, full, &written, sizeof(full)) != 1 || written < mac_length) {
    OPENSSL_cleanse(full, sizeof(full));
    return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  memcpy(mac, full, mac_length);
  OPENSSL_cleanse(full, sizeof(full));
  return PSA_SUCCESS;
}

}  // namespace
}  // namespace drivers::openssl

using drivers::openssl::ErrorQueueScope;

extern "C" {

psa_status_t openssl_mac_compute(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                 size_t input_length, uint8_t* mac, size_t mac_size, size_t* mac_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  *mac_length = 0;
  const char* digest = nullptr;
  size_t length = 0;
  psa_status_t status = CheckHmac(attributes, alg, &digest, &length);
  if (status != PSA_SUCCESS) return status;
  if (mac_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  EVP_MAC_CTX* ctx = NewKeyedContext(digest, key_buffer, key_buffer_size);
  if (ctx == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  status = EVP_MAC_update(ctx, input, input_length) == 1 ? Finish(ctx, mac, length)
                                                         : StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  EVP_MAC_CTX_free(ctx);
  if (status == PSA_SUCCESS) *mac_length = length;
  return status;
}

psa_status_t openssl_mac_sign_setup(openssl_mac_operation_t* operation, const psa_key_attributes_t* attributes,
                                    const uint8_t* key_buffer, size_t key_buffer_size, psa_algorithm_t alg) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  memset(operation, 0, sizeof(*operation));
  const char* digest = nullptr;
  size_t length = 0;
  psa_status_t status = CheckHmac(attributes, alg, &digest, &length);
  if (status != PSA_SUCCESS) return status;
  EVP_MAC_CTX* ctx = NewKeyedContext(digest, key_buffer, key_buffer_size);
  if (ctx == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  operation->ctx = ctx;
  operation->mac_length = length;
  return PSA_SUCCESS;
}

psa_status_t openssl_mac_update(openssl_mac_operation_t* operation, const uint8_t* input, size_t input_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  if (operation->ctx == nullptr) return PSA_ERROR_BAD_STATE;
  if (input_length == 0) return PSA_SUCCESS;
  if (EVP_MAC_update(static_cast<EVP_MAC_CTX*>(operation->ctx), input, input_length) != 1) {
    return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  return PSA_SUCCESS;
}

psa_status_t openssl_mac_sign_finish(openssl_mac_operation_t* operation, uint8_t* mac, size_t mac_size,
                                     size_t* mac_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  *mac_length = 0;
  if (operation->ctx == nullptr) return PSA_ERROR_BAD_STATE;
  psa_status_t status = PSA_ERROR_BUFFER_TOO_SMALL;
  if (mac_size >= operation->mac_length) {
    status = Finish(static_cast<EVP_MAC_CTX*>(operation->ctx), mac, operation->mac_length);
    if (status == PSA_SUCCESS) *mac_length = operation->mac_length;
  }
  openssl_mac_abort(operation);
  return status;
}

psa_status_t openssl_mac_abort(openssl_mac_operation_t* operation) {
  EVP_MAC_CTX_free(static_cast<EVP_MAC_CTX*>(operation->ctx));
  memset(operation, 0, sizeof(*operation));
  return PSA_SUCCESS;
}

}  // extern "C"
