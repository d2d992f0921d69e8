/* The baseline API (baseline.h) over Mbed TLS 2.28's PSA implementation.
 *
 * Compiled against Mbed TLS's own headers, never the project's: this target
 * has no dependency on //psa/include, and the version checks below stop the
 * build if another psa/crypto.h were found first. The generated header
 * included first #defines every symbol of libmbedcrypto.a to its renamed
 * mbedtls228_* copy, so that the declarations of Mbed TLS's headers and the
 * calls below are renamed together. */

#include "third_party/mbedtls228/mbedtls228_rename.h"

#include <mbedtls/version.h>
#include <psa/crypto.h>

#include "third_party/mbedtls228/baseline.h"

#if !defined(MBEDTLS_VERSION_NUMBER) || MBEDTLS_VERSION_NUMBER < 0x021C0000 || MBEDTLS_VERSION_NUMBER >= 0x021D0000
#error "third_party/mbedtls228 needs Mbed TLS 2.28's headers (mbedtls/version.h)"
#endif
#if !defined(MBEDTLS_PSA_CRYPTO_C)
#error "third_party/mbedtls228 needs an Mbed TLS built with MBEDTLS_PSA_CRYPTO_C"
#endif
#if PSA_CRYPTO_API_VERSION_MAJOR != 1 || PSA_CRYPTO_API_VERSION_MINOR != 0
#error "psa/crypto.h is not Mbed TLS 2.28's (PSA Crypto API 1.0): check the include path order"
#endif
#if !defined(mbedtls_psa_crypto_free) || !defined(psa_aead_encrypt)
#error "the rename header did not #define Mbed TLS's symbols"
#endif

/* The key type and algorithm of a mechanism; PSA_SUCCESS if known. */
static psa_status_t mechanism_parameters(baseline_mechanism_t mechanism, psa_key_type_t *type,
                                         psa_algorithm_t *alg) {
  switch (mechanism) {
    case BASELINE_AES_GCM:
      *type = PSA_KEY_TYPE_AES;
      *alg = PSA_ALG_GCM;
      return PSA_SUCCESS;
    case BASELINE_AES_CCM:
      *type = PSA_KEY_TYPE_AES;
      *alg = PSA_ALG_CCM;
      return PSA_SUCCESS;
    case BASELINE_CHACHA20_POLY1305:
      *type = PSA_KEY_TYPE_CHACHA20;
      *alg = PSA_ALG_CHACHA20_POLY1305;
      return PSA_SUCCESS;
    case BASELINE_AES_CTR:
      *type = PSA_KEY_TYPE_AES;
      *alg = PSA_ALG_CTR;
      return PSA_SUCCESS;
    case BASELINE_AES_CBC_NO_PADDING:
      *type = PSA_KEY_TYPE_AES;
      *alg = PSA_ALG_CBC_NO_PADDING;
      return PSA_SUCCESS;
    case BASELINE_AES_CBC_PKCS7:
      *type = PSA_KEY_TYPE_AES;
      *alg = PSA_ALG_CBC_PKCS7;
      return PSA_SUCCESS;
    case BASELINE_HMAC_SHA_256:
      *type = PSA_KEY_TYPE_HMAC;
      *alg = PSA_ALG_HMAC(PSA_ALG_SHA_256);
      return PSA_SUCCESS;
    case BASELINE_AES_CMAC:
      *type = PSA_KEY_TYPE_AES;
      *alg = PSA_ALG_CMAC;
      return PSA_SUCCESS;
  }
  return PSA_ERROR_INVALID_ARGUMENT;
}

int32_t baseline_init(void) { return psa_crypto_init(); }

const char *baseline_version(void) {
  static char version[18]; /* mbedtls_version_get_string_full: at least 18 bytes */
  mbedtls_version_get_string_full(version);
  return version;
}

int32_t baseline_import_key(baseline_mechanism_t mechanism, const uint8_t *key_bytes, size_t key_length,
                            baseline_key_t *key) {
  key->id = 0;
  key->alg = 0;
  psa_key_type_t type = 0;
  psa_algorithm_t alg = 0;
  psa_status_t status = mechanism_parameters(mechanism, &type, &alg);
  if (status != PSA_SUCCESS) return status;
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, PSA_BYTES_TO_BITS(key_length));
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_SIGN_MESSAGE |
                                           PSA_KEY_USAGE_VERIFY_MESSAGE);
  psa_set_key_algorithm(&attributes, alg);
  psa_key_id_t id = 0;
  status = psa_import_key(&attributes, key_bytes, key_length, &id);
  psa_reset_key_attributes(&attributes);
  if (status != PSA_SUCCESS) return status;
  key->id = id;
  key->alg = alg;
  return PSA_SUCCESS;
}

int32_t baseline_destroy_key(baseline_key_t *key) {
  const psa_status_t status = psa_destroy_key(key->id);
  key->id = 0;
  key->alg = 0;
  return status;
}

int32_t baseline_aead_encrypt(const baseline_key_t *key, const uint8_t *nonce, size_t nonce_length,
                              const uint8_t *additional_data, size_t additional_data_length,
                              const uint8_t *plaintext, size_t plaintext_length, uint8_t *ciphertext,
                              size_t ciphertext_size, size_t *ciphertext_length) {
  return psa_aead_encrypt(key->id, key->alg, nonce, nonce_length, additional_data, additional_data_length,
                          plaintext, plaintext_length, ciphertext, ciphertext_size, ciphertext_length);
}

int32_t baseline_aead_decrypt(const baseline_key_t *key, const uint8_t *nonce, size_t nonce_length,
                              const uint8_t *additional_data, size_t additional_data_length,
                              const uint8_t *ciphertext, size_t ciphertext_length, uint8_t *plaintext,
                              size_t plaintext_size, size_t *plaintext_length) {
  return psa_aead_decrypt(key->id, key->alg, nonce, nonce_length, additional_data, additional_data_length,
                          ciphertext, ciphertext_length, plaintext, plaintext_size, plaintext_length);
}

int32_t baseline_cipher_encrypt(const baseline_key_t *key, const uint8_t *input, size_t input_length,
                                uint8_t *output, size_t output_size, size_t *output_length) {
  return psa_cipher_encrypt(key->id, key->alg, input, input_length, output, output_size, output_length);
}

int32_t baseline_cipher_decrypt(const baseline_key_t *key, const uint8_t *input, size_t input_length,
                                uint8_t *output, size_t output_size, size_t *output_length) {
  return psa_cipher_decrypt(key->id, key->alg, input, input_length, output, output_size, output_length);
}

int32_t baseline_cipher_encrypt_multipart(const baseline_key_t *key, const uint8_t *iv, size_t iv_length,
                                          const uint8_t *input, size_t input_length, uint8_t *output,
                                          size_t output_size, size_t *output_length) {
  *output_length = 0;
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  size_t updated = 0;
  size_t finished = 0;
  psa_status_t status = psa_cipher_encrypt_setup(&operation, key->id, key->alg);
  if (status == PSA_SUCCESS) status = psa_cipher_set_iv(&operation, iv, iv_length);
  if (status == PSA_SUCCESS) status = psa_cipher_update(&operation, input, input_length, output, output_size, &updated);
  if (status == PSA_SUCCESS) {
    status = psa_cipher_finish(&operation, output + updated, output_size - updated, &finished);
  }
  if (status != PSA_SUCCESS) {
    psa_cipher_abort(&operation);
    return status;
  }
  *output_length = updated + finished;
  return PSA_SUCCESS;
}

int32_t baseline_generate_random(uint8_t *output, size_t output_size) {
  return psa_generate_random(output, output_size);
}

int32_t baseline_mac_compute(const baseline_key_t *key, const uint8_t *input, size_t input_length, uint8_t *mac,
                             size_t mac_size, size_t *mac_length) {
  return psa_mac_compute(key->id, key->alg, input, input_length, mac, mac_size, mac_length);
}

int32_t baseline_mac_multipart(const baseline_key_t *key, const uint8_t *input, size_t input_length, uint8_t *mac,
                               size_t mac_size, size_t *mac_length) {
  *mac_length = 0;
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  psa_status_t status = psa_mac_sign_setup(&operation, key->id, key->alg);
  if (status == PSA_SUCCESS) status = psa_mac_update(&operation, input, input_length);
  if (status == PSA_SUCCESS) status = psa_mac_sign_finish(&operation, mac, mac_size, mac_length);
  if (status != PSA_SUCCESS) psa_mac_abort(&operation);
  return status;
}
