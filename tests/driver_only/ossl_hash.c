/* ossl_hash.h over OpenSSL's low-level digest functions (deprecated in
 * OpenSSL 3 but present, and the only ones whose state is plain data). */

#define OPENSSL_SUPPRESS_DEPRECATED

#include "tests/driver_only/ossl_hash.h"

#include <limits.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/md5.h>
#include <openssl/ripemd.h>
#include <openssl/sha.h>
#include <string.h>

_Static_assert(sizeof(MD5_CTX) <= sizeof(((ossl_hash_operation_t *)0)->state), "MD5_CTX fits");
_Static_assert(sizeof(RIPEMD160_CTX) <= sizeof(((ossl_hash_operation_t *)0)->state), "RIPEMD160_CTX fits");
_Static_assert(sizeof(SHA_CTX) <= sizeof(((ossl_hash_operation_t *)0)->state), "SHA_CTX fits");
_Static_assert(sizeof(SHA256_CTX) <= sizeof(((ossl_hash_operation_t *)0)->state), "SHA256_CTX fits");
_Static_assert(sizeof(SHA512_CTX) <= sizeof(((ossl_hash_operation_t *)0)->state), "SHA512_CTX fits");

/* The digest length of `alg`, 0 if this driver lacks it. */
static size_t digest_length(psa_algorithm_t alg) {
  switch (alg) {
    case PSA_ALG_MD5:
      return MD5_DIGEST_LENGTH;
    case PSA_ALG_RIPEMD160:
      return RIPEMD160_DIGEST_LENGTH;
    case PSA_ALG_SHA_1:
      return SHA_DIGEST_LENGTH;
    case PSA_ALG_SHA_224:
      return SHA224_DIGEST_LENGTH;
    case PSA_ALG_SHA_256:
      return SHA256_DIGEST_LENGTH;
    case PSA_ALG_SHA_384:
      return SHA384_DIGEST_LENGTH;
    case PSA_ALG_SHA_512:
      return SHA512_DIGEST_LENGTH;
    default:
      return 0;
  }
}

psa_status_t ossl_hash_setup(ossl_hash_operation_t *operation, psa_algorithm_t alg) {
  void *state = operation->state.bytes;
  int ok = 0;
  switch (alg) {
    case PSA_ALG_MD5:
      ok = MD5_Init(state);
      break;
    case PSA_ALG_RIPEMD160:
      ok = RIPEMD160_Init(state);
      break;
    case PSA_ALG_SHA_1:
      ok = SHA1_Init(state);
      break;
    case PSA_ALG_SHA_224:
      ok = SHA224_Init(state);
      break;
    case PSA_ALG_SHA_256:
      ok = SHA256_Init(state);
      break;
    case PSA_ALG_SHA_384:
      ok = SHA384_Init(state);
      break;
    case PSA_ALG_SHA_512:
      ok = SHA512_Init(state);
      break;
    default:
      return PSA_ERROR_NOT_SUPPORTED;
  }
  if (ok != 1) return PSA_ERROR_HARDWARE_FAILURE;
  operation->alg = alg;
  return PSA_SUCCESS;
}

psa_status_t ossl_hash_update(ossl_hash_operation_t *operation, const uint8_t *input, size_t input_length) {
  void *state = operation->state.bytes;
  int ok = 0;
  switch (operation->alg) {
    case PSA_ALG_MD5:
      ok = MD5_Update(state, input, input_length);
      break;
    case PSA_ALG_RIPEMD160:
      ok = RIPEMD160_Update(state, input, input_length);
      break;
    case PSA_ALG_SHA_1:
      ok = SHA1_Update(state, input, input_length);
      break;
    case PSA_ALG_SHA_224:
      ok = SHA224_Update(state, input, input_length);
      break;
    case PSA_ALG_SHA_256:
      ok = SHA256_Update(state, input, input_length);
      break;
    case PSA_ALG_SHA_384:
      ok = SHA384_Update(state, input, input_length);
      break;
    case PSA_ALG_SHA_512:
      ok = SHA512_Update(state, input, input_length);
      break;
    default:
      return PSA_ERROR_BAD_STATE;
  }
  return ok == 1 ? PSA_SUCCESS : PSA_ERROR_HARDWARE_FAILURE;
}

psa_status_t ossl_hash_finish(ossl_hash_operation_t *operation, uint8_t *hash, size_t hash_size,
                              size_t *hash_length) {
  *hash_length = 0;
  const size_t length = digest_length(operation->alg);
  if (length == 0) return PSA_ERROR_BAD_STATE;
  if (hash_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  void *state = operation->state.bytes;
  int ok = 0;
  switch (operation->alg) {
    case PSA_ALG_MD5:
      ok = MD5_Final(hash, state);
      break;
    case PSA_ALG_RIPEMD160:
      ok = RIPEMD160_Final(hash, state);
      break;
    case PSA_ALG_SHA_1:
      ok = SHA1_Final(hash, state);
      break;
    case PSA_ALG_SHA_224:
      ok = SHA224_Final(hash, state);
      break;
    case PSA_ALG_SHA_256:
      ok = SHA256_Final(hash, state);
      break;
    case PSA_ALG_SHA_384:
      ok = SHA384_Final(hash, state);
      break;
    case PSA_ALG_SHA_512:
      ok = SHA512_Final(hash, state);
      break;
  }
  ossl_hash_abort(operation);
  if (ok != 1) return PSA_ERROR_HARDWARE_FAILURE;
  *hash_length = length;
  return PSA_SUCCESS;
}

psa_status_t ossl_hash_abort(ossl_hash_operation_t *operation) {
  OPENSSL_cleanse(operation, sizeof(*operation));
  return PSA_SUCCESS;
}

psa_status_t ossl_hash_compute(psa_algorithm_t alg, const uint8_t *input, size_t input_length, uint8_t *hash,
                               size_t hash_size, size_t *hash_length) {
  *hash_length = 0;
  ossl_hash_operation_t operation;
  memset(&operation, 0, sizeof(operation));
  psa_status_t status = ossl_hash_setup(&operation, alg);
  if (status == PSA_SUCCESS) status = ossl_hash_update(&operation, input, input_length);
  if (status == PSA_SUCCESS) return ossl_hash_finish(&operation, hash, hash_size, hash_length);
  ossl_hash_abort(&operation);
  return status;
}

psa_status_t ossl_cipher_encrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *iv, size_t iv_length,
                                 const uint8_t *input, size_t input_length, uint8_t *output, size_t output_size,
                                 size_t *output_length) {
  (void)iv;
  *output_length = 0;
  if (alg != PSA_ALG_ECB_NO_PADDING || psa_get_key_type(attributes) != PSA_KEY_TYPE_AES) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  if (iv_length != 0 || input_length % 16 != 0 || input_length > INT_MAX) return PSA_ERROR_INVALID_ARGUMENT;
  if (output_size < input_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  const EVP_CIPHER *cipher = key_buffer_size == 16   ? EVP_aes_128_ecb()
                             : key_buffer_size == 24 ? EVP_aes_192_ecb()
                             : key_buffer_size == 32 ? EVP_aes_256_ecb()
                                                     : NULL;
  if (cipher == NULL) return PSA_ERROR_INVALID_ARGUMENT;
  if (input_length == 0) return PSA_SUCCESS;
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  if (ctx == NULL) return PSA_ERROR_INSUFFICIENT_MEMORY;
  int length = 0;
  int ok = EVP_EncryptInit_ex(ctx, cipher, NULL, key_buffer, NULL) == 1 && EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 &&
           EVP_EncryptUpdate(ctx, output, &length, input, (int)input_length) == 1 && (size_t)length == input_length;
  EVP_CIPHER_CTX_free(ctx);
  if (!ok) {
    OPENSSL_cleanse(output, output_size);
    return PSA_ERROR_HARDWARE_FAILURE;
  }
  *output_length = input_length;
  return PSA_SUCCESS;
}
