/* The aes_x86 driver's entry points: AES with AES-NI + PCLMULQDQ or VAES +
 * VPCLMULQDQ (aes_x86_cpu.h chooses at run time). Described by
 * drivers/aes_x86/aes_x86.json (prefix "aes_x86", transparent, every
 * capability "fallback": true).
 *
 * Mechanisms, with PSA_KEY_TYPE_AES keys of 128, 192 or 256 bits, single-
 * and multi-part:
 *   cipher: PSA_ALG_ECB_NO_PADDING, PSA_ALG_CBC_NO_PADDING,
 *           PSA_ALG_CBC_PKCS7, PSA_ALG_CTR (IV of 1 to 16 bytes, the start
 *           of the counter block, zero-padded; 128-bit counter);
 *   AEAD:   PSA_ALG_GCM (nonces of 1 byte or more, tags of 4, 8, 12..16
 *           bytes), PSA_ALG_CCM (nonces of 7..13 bytes, tags of 4, 6, ...,
 *           16 bytes);
 *   MAC:    PSA_ALG_CMAC, truncated to any length from 1 to 16.
 * PSA_ERROR_NOT_SUPPORTED: anything else (other key types and algorithms:
 * the builtin driver after it serves them), and everything when the CPU
 * has no AES-NI (or the path is forced to "none"). The statuses of bad
 * arguments are those of the builtin driver (builtin_cipher.h,
 * builtin_aead.h, builtin_mac.h), whose contracts these entry points
 * follow; `output` may be `input` (in place).
 *
 * Key material: the key schedule and GHASH powers are computed per
 * operation from the key buffer, no cache; the multi-part contexts hold
 * them and are wiped (all-bits-zero) by finish, abort and every failure.
 * Includable from C and C++. */

#ifndef DRIVERS_AES_X86_AES_X86_H_
#define DRIVERS_AES_X86_AES_X86_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/aes_x86/aes_x86_modes.h"
#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Multi-part cipher: all-bits-zero when inactive (alg == 0). */
typedef struct aes_x86_cipher_operation_s {
  psa_algorithm_t alg;
  uint8_t is_encrypt;
  uint8_t iv_set;        /* 1 once set, or for ECB */
  uint8_t buffer_length; /* ECB/CBC: held-back bytes; CTR: key stream used */
  uint8_t path;          /* aes_x86_path_t */
  uint8_t iv[16];        /* CBC chaining value, CTR counter block */
  uint8_t buffer[16];    /* held-back input, or CTR key stream */
  aes_x86_key_t key;     /* encryption schedule; decryption for ECB/CBC */
} aes_x86_cipher_operation_t;

/* Multi-part AEAD. */
typedef struct aes_x86_aead_operation_s {
  psa_algorithm_t alg; /* 0 while inactive */
  uint8_t is_encrypt;
  uint8_t tag_length;
  uint8_t nonce_set;
  uint8_t lengths_set;
  uint64_t ad_length; /* declared by set_lengths */
  uint64_t text_length;
  uint8_t key[32]; /* the key until set_nonce (CCM needs the lengths first) */
  uint8_t key_length;
  union {
    aes_x86_gcm_t gcm;
    aes_x86_ccm_t ccm;
  } u;
} aes_x86_aead_operation_t;

/* Multi-part CMAC. */
typedef struct aes_x86_mac_operation_s {
  psa_algorithm_t alg; /* 0 while inactive */
  uint8_t mac_length;
  uint8_t is_sign;
  aes_x86_cmac_t cmac;
} aes_x86_mac_operation_t;

psa_status_t aes_x86_cipher_encrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *iv,
                                    size_t iv_length, const uint8_t *input, size_t input_length,
                                    uint8_t *output, size_t output_size, size_t *output_length);
psa_status_t aes_x86_cipher_decrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,
                                    size_t input_length, uint8_t *output, size_t output_size,
                                    size_t *output_length);
psa_status_t aes_x86_cipher_encrypt_setup(aes_x86_cipher_operation_t *operation,
                                          const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                          size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t aes_x86_cipher_decrypt_setup(aes_x86_cipher_operation_t *operation,
                                          const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                          size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t aes_x86_cipher_set_iv(aes_x86_cipher_operation_t *operation, const uint8_t *iv, size_t iv_length);
psa_status_t aes_x86_cipher_update(aes_x86_cipher_operation_t *operation, const uint8_t *input,
                                   size_t input_length, uint8_t *output, size_t output_size,
                                   size_t *output_length);
psa_status_t aes_x86_cipher_finish(aes_x86_cipher_operation_t *operation, uint8_t *output, size_t output_size,
                                   size_t *output_length);
psa_status_t aes_x86_cipher_abort(aes_x86_cipher_operation_t *operation);

psa_status_t aes_x86_aead_encrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
                                  size_t nonce_length, const uint8_t *additional_data,
                                  size_t additional_data_length, const uint8_t *plaintext,
                                  size_t plaintext_length, uint8_t *ciphertext, size_t ciphertext_size,
                                  size_t *ciphertext_length);
psa_status_t aes_x86_aead_decrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
                                  size_t nonce_length, const uint8_t *additional_data,
                                  size_t additional_data_length, const uint8_t *ciphertext,
                                  size_t ciphertext_length, uint8_t *plaintext, size_t plaintext_size,
                                  size_t *plaintext_length);
psa_status_t aes_x86_aead_encrypt_setup(aes_x86_aead_operation_t *operation,
                                        const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                        size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t aes_x86_aead_decrypt_setup(aes_x86_aead_operation_t *operation,
                                        const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                        size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t aes_x86_aead_set_nonce(aes_x86_aead_operation_t *operation, const uint8_t *nonce,
                                    size_t nonce_length);
psa_status_t aes_x86_aead_set_lengths(aes_x86_aead_operation_t *operation, size_t ad_length,
                                      size_t plaintext_length);
psa_status_t aes_x86_aead_update_ad(aes_x86_aead_operation_t *operation, const uint8_t *input,
                                    size_t input_length);
psa_status_t aes_x86_aead_update(aes_x86_aead_operation_t *operation, const uint8_t *input, size_t input_length,
                                 uint8_t *output, size_t output_size, size_t *output_length);
psa_status_t aes_x86_aead_finish(aes_x86_aead_operation_t *operation, uint8_t *ciphertext,
                                 size_t ciphertext_size, size_t *ciphertext_length, uint8_t *tag,
                                 size_t tag_size, size_t *tag_length);
psa_status_t aes_x86_aead_verify(aes_x86_aead_operation_t *operation, uint8_t *plaintext, size_t plaintext_size,
                                 size_t *plaintext_length, const uint8_t *tag, size_t tag_length);
psa_status_t aes_x86_aead_abort(aes_x86_aead_operation_t *operation);

psa_status_t aes_x86_mac_compute(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,
                                 size_t input_length, uint8_t *mac, size_t mac_size, size_t *mac_length);
psa_status_t aes_x86_mac_verify(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *input,
                                size_t input_length, const uint8_t *mac, size_t mac_length);
psa_status_t aes_x86_mac_sign_setup(aes_x86_mac_operation_t *operation, const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer, size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t aes_x86_mac_verify_setup(aes_x86_mac_operation_t *operation, const psa_key_attributes_t *attributes,
                                      const uint8_t *key_buffer, size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t aes_x86_mac_update(aes_x86_mac_operation_t *operation, const uint8_t *input, size_t input_length);
psa_status_t aes_x86_mac_sign_finish(aes_x86_mac_operation_t *operation, uint8_t *mac, size_t mac_size,
                                     size_t *mac_length);
psa_status_t aes_x86_mac_verify_finish(aes_x86_mac_operation_t *operation, const uint8_t *mac,
                                       size_t mac_length);
psa_status_t aes_x86_mac_abort(aes_x86_mac_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_AES_X86_AES_X86_H_ */
