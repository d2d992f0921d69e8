/* The baseline API (baseline.h) over Mbed TLS 2.28's PSA implementation.
 *
 * Compiled against Mbed TLS's own headers, never the project's: this target
 * has no dependency on //psa/include, and the version checks below stop the
 * build if another psa/crypto.h were found first. The generated header
 * included first #defines every symbol of libmbedcrypto.a to its renamed
 * mbedtls228_* copy, so that the declarations of Mbed TLS's headers and the
 * calls below are renamed together. */

#include "third_party/mbedtls228/mbedtls228_rename.h"

#include <mbedtls/md.h>
#include <mbedtls/pkcs5.h>
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
    case BASELINE_ECDSA_SHA_256:
      *type = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
      *alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
      return PSA_SUCCESS;
    case BASELINE_ECDSA_SHA_384:
      *type = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
      *alg = PSA_ALG_ECDSA(PSA_ALG_SHA_384);
      return PSA_SUCCESS;
    case BASELINE_DETERMINISTIC_ECDSA_SHA_256:
      *type = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
      *alg = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256);
      return PSA_SUCCESS;
    case BASELINE_RSA_PKCS1V15_SIGN_SHA_256:
      *type = PSA_KEY_TYPE_RSA_KEY_PAIR;
      *alg = PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256);
      return PSA_SUCCESS;
    case BASELINE_RSA_PSS_SHA_256:
      *type = PSA_KEY_TYPE_RSA_KEY_PAIR;
      *alg = PSA_ALG_RSA_PSS(PSA_ALG_SHA_256);
      return PSA_SUCCESS;
    case BASELINE_RSA_OAEP_SHA_256:
      *type = PSA_KEY_TYPE_RSA_KEY_PAIR;
      *alg = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);
      return PSA_SUCCESS;
    case BASELINE_RSA_PKCS1V15_CRYPT:
      *type = PSA_KEY_TYPE_RSA_KEY_PAIR;
      *alg = PSA_ALG_RSA_PKCS1V15_CRYPT;
      return PSA_SUCCESS;
    case BASELINE_ECDH_SECP_R1:
      *type = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
      *alg = PSA_ALG_ECDH;
      return PSA_SUCCESS;
    case BASELINE_ECDH_MONTGOMERY:
      *type = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY);
      *alg = PSA_ALG_ECDH;
      return PSA_SUCCESS;
    case BASELINE_HKDF_SHA_256:
      *type = PSA_KEY_TYPE_DERIVE;
      *alg = PSA_ALG_HKDF(PSA_ALG_SHA_256);
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
  psa_key_usage_t usage =
      PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE;
  if (PSA_KEY_TYPE_IS_ASYMMETRIC(type) || type == PSA_KEY_TYPE_DERIVE) {
    /* The size of an asymmetric key is the key's own (X25519: 255 bits,
     * RSA: the modulus); Mbed TLS works it out from the data. */
    usage |= PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_DERIVE;
  } else {
    psa_set_key_bits(&attributes, PSA_BYTES_TO_BITS(key_length));
  }
  psa_set_key_usage_flags(&attributes, usage);
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

int32_t baseline_import_destroy_key(baseline_mechanism_t mechanism, const uint8_t *key_bytes, size_t key_length) {
  baseline_key_t key = {0, 0};
  const int32_t status = baseline_import_key(mechanism, key_bytes, key_length, &key);
  if (status != PSA_SUCCESS) return status;
  return baseline_destroy_key(&key);
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

int32_t baseline_hash_compute(uint32_t alg, const uint8_t *input, size_t input_length, uint8_t *hash,
                              size_t hash_size, size_t *hash_length) {
  return psa_hash_compute(alg, input, input_length, hash, hash_size, hash_length);
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

int32_t baseline_export_public_key(const baseline_key_t *key, uint8_t *data, size_t data_size, size_t *data_length) {
  return psa_export_public_key(key->id, data, data_size, data_length);
}

int32_t baseline_sign_hash(const baseline_key_t *key, const uint8_t *hash, size_t hash_length, uint8_t *signature,
                           size_t signature_size, size_t *signature_length) {
  return psa_sign_hash(key->id, key->alg, hash, hash_length, signature, signature_size, signature_length);
}

int32_t baseline_verify_hash(const baseline_key_t *key, const uint8_t *hash, size_t hash_length,
                             const uint8_t *signature, size_t signature_length) {
  return psa_verify_hash(key->id, key->alg, hash, hash_length, signature, signature_length);
}

int32_t baseline_asymmetric_encrypt(const baseline_key_t *key, const uint8_t *input, size_t input_length,
                                    const uint8_t *salt, size_t salt_length, uint8_t *output, size_t output_size,
                                    size_t *output_length) {
  return psa_asymmetric_encrypt(key->id, key->alg, input, input_length, salt, salt_length, output, output_size,
                                output_length);
}

int32_t baseline_asymmetric_decrypt(const baseline_key_t *key, const uint8_t *input, size_t input_length,
                                    const uint8_t *salt, size_t salt_length, uint8_t *output, size_t output_size,
                                    size_t *output_length) {
  return psa_asymmetric_decrypt(key->id, key->alg, input, input_length, salt, salt_length, output, output_size,
                                output_length);
}

int32_t baseline_raw_key_agreement(const baseline_key_t *key, const uint8_t *peer_key, size_t peer_key_length,
                                   uint8_t *output, size_t output_size, size_t *output_length) {
  return psa_raw_key_agreement(key->alg, key->id, peer_key, peer_key_length, output, output_size, output_length);
}

int32_t baseline_hkdf(const baseline_key_t *secret, const uint8_t *salt, size_t salt_length, const uint8_t *info,
                      size_t info_length, uint8_t *output, size_t output_length) {
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  psa_status_t status = psa_key_derivation_setup(&operation, secret->alg);
  if (status == PSA_SUCCESS) {
    status = psa_key_derivation_input_bytes(&operation, PSA_KEY_DERIVATION_INPUT_SALT, salt, salt_length);
  }
  if (status == PSA_SUCCESS) status = psa_key_derivation_input_key(&operation, PSA_KEY_DERIVATION_INPUT_SECRET, secret->id);
  if (status == PSA_SUCCESS) {
    status = psa_key_derivation_input_bytes(&operation, PSA_KEY_DERIVATION_INPUT_INFO, info, info_length);
  }
  if (status == PSA_SUCCESS) status = psa_key_derivation_output_bytes(&operation, output, output_length);
  const psa_status_t abort_status = psa_key_derivation_abort(&operation);
  return status != PSA_SUCCESS ? status : abort_status;
}

int32_t baseline_pbkdf2_hmac_sha256(const uint8_t *password, size_t password_length, const uint8_t *salt,
                                    size_t salt_length, uint64_t iterations, uint8_t *output, size_t output_length) {
  if (iterations == 0 || iterations > 0xFFFFFFFFu || output_length > 0xFFFFFFFFu) return PSA_ERROR_INVALID_ARGUMENT;
  mbedtls_md_context_t context;
  mbedtls_md_init(&context);
  int ret = mbedtls_md_setup(&context, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), 1);
  if (ret == 0) {
    ret = mbedtls_pkcs5_pbkdf2_hmac(&context, password, password_length, salt, salt_length,
                                    (unsigned int)iterations, (uint32_t)output_length, output);
  }
  mbedtls_md_free(&context); /* zeroizes the HMAC state */
  if (ret == MBEDTLS_ERR_MD_ALLOC_FAILED) return PSA_ERROR_INSUFFICIENT_MEMORY;
  return ret == 0 ? PSA_SUCCESS : PSA_ERROR_GENERIC_ERROR;
}
