/* The builtin driver's AEAD entry points: GCM and CCM with AES, ARIA or
 * Camellia keys, and ChaCha20-Poly1305 (RFC 8439). Described by
 * drivers/builtin/builtin.json (prefix "builtin", transparent, capabilities
 * "aead_encrypt", "aead_decrypt", "aead_encrypt_multipart" and
 * "aead_decrypt_multipart").
 *
 * Single-part operations run Mbed TLS's GCM, CCM and ChaCha20-Poly1305.
 * Multi-part GCM and CCM are computed here over the AES or Camellia block
 * function of Mbed TLS (Mbed TLS 2.28 has no multi-part CCM, and its GCM
 * takes the whole additional data at once), and so are ARIA-GCM and
 * ARIA-CCM, single-part included, over the driver's own ARIA
 * (drivers/builtin/aria.h: table-based S-boxes, so not constant-time
 * against cache-timing attacks, like Mbed TLS's ARIA); multi-part
 * ChaCha20-Poly1305 is Mbed TLS's. GHASH is constant-time
 * (drivers/builtin/ghash.h).
 *
 * Parameters accepted:
 *   GCM:  AES, ARIA or Camellia keys of 128, 192 or 256 bits; nonces of any
 *         length from 1 to 2^61 - 1 bytes; tags of 4, 8, 12, 13, 14, 15 or
 *         16 bytes.
 *   CCM:  AES, ARIA or Camellia keys of 128, 192 or 256 bits; nonces of 7 to
 *         13 bytes; tags of 4, 6, 8, 10, 12, 14 or 16 bytes; plaintexts
 *         shorter than 2^(8 * (15 - nonce length)) bytes.
 *   ChaCha20-Poly1305: 256-bit ChaCha20 keys, 12-byte nonces, 16-byte tags.
 * Statuses for the others:
 *   PSA_ERROR_NOT_SUPPORTED: an algorithm that is not one of the three (or
 *     a minimum-tag-length wildcard); GCM or CCM with another 128-bit block
 *     cipher (SM4); an 8-byte ChaCha20-Poly1305 nonce (the original
 *     variant) or a truncated ChaCha20-Poly1305 tag.
 *   PSA_ERROR_INVALID_ARGUMENT: a key type the algorithm is not defined for,
 *     a key size the cipher does not have, any other nonce or tag length,
 *     lengths beyond what the algorithm can process.
 *
 * Includable from C and C++. Entry point contracts follow the PSA
 * Cryptoprocessor Driver Interface and the PSA Crypto API's AEAD functions;
 * the statuses each one returns are listed below. Buffers of size 0 may be
 * null. An output buffer may be the same buffer as the input (in-place);
 * an output that starts inside the input, after its first byte, is refused
 * with PSA_ERROR_INVALID_ARGUMENT. */

#ifndef DRIVERS_BUILTIN_BUILTIN_AEAD_H_
#define DRIVERS_BUILTIN_BUILTIN_AEAD_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/builtin/aria.h"
#include "mbedtls/aes.h"
#include "mbedtls/camellia.h"
#include "mbedtls/chachapoly.h"
#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The key schedule of the block cipher under multi-part GCM and CCM; the
 * live member depends on builtin_aead_operation_t::block_cipher. */
typedef union builtin_aead_block_cipher_u {
  mbedtls_aes_context aes;
  mbedtls_camellia_context camellia;
  builtin_aria_context_t aria; /* the driver's own ARIA */
} builtin_aead_block_cipher_t;

/* Counter-mode keystream of multi-part GCM and CCM. */
typedef struct builtin_aead_ctr_s {
  uint8_t counter[16];   /* the counter block `keystream` was made from */
  uint8_t keystream[16]; /* E_K(counter) */
  uint8_t used;          /* bytes of `keystream` consumed; 16 when spent */
  uint8_t width;         /* trailing bytes of `counter` that count: 4 for
                            GCM (inc32), 15 - nonce length for CCM */
} builtin_aead_ctr_t;

/* Multi-part GCM state (NIST SP 800-38D). */
typedef struct builtin_aead_gcm_s {
  uint64_t ghash_key[4]; /* H = E_K(0^128), prepared by GhashSetKey */
  uint64_t ghash[2];     /* GHASH accumulator, see drivers/builtin/ghash.h */
  uint8_t tag_mask[16];  /* E_K(J0), XORed into the tag */
  uint8_t ghash_fill;    /* bytes of the current block XORed into `ghash`
                            and not yet multiplied by H */
} builtin_aead_gcm_t;

/* Multi-part CCM state (RFC 3610, NIST SP 800-38C). B0 needs both the nonce
 * and the lengths, which may come in either order: the nonce waits here
 * until both are known. */
typedef struct builtin_aead_ccm_s {
  uint8_t mac[16];      /* CBC-MAC chaining value */
  uint8_t tag_mask[16]; /* S0 = E_K(A0), XORed into the tag */
  uint8_t nonce[13];
  uint8_t nonce_length;
  uint8_t mac_fill;     /* bytes of the current block XORed into `mac` and
                           not yet encrypted */
  uint8_t started;      /* 1 once B0 and the encoded AD length are in `mac` */
} builtin_aead_ccm_t;

/* State of a multi-part GCM or CCM operation. */
typedef struct builtin_aead_block_mode_s {
  builtin_aead_block_cipher_t cipher;
  builtin_aead_ctr_t ctr;
  union {
    builtin_aead_gcm_t gcm;
    builtin_aead_ccm_t ccm;
  } mode;
} builtin_aead_block_mode_t;

/* Operation context of the "aead_encrypt_multipart" and
 * "aead_decrypt_multipart" families. The core creates it all-bits-zero
 * (inactive: alg == 0) and never copies it (the Mbed TLS AES context points
 * into itself). Wiped (all-bits-zero again) by finish, verify and abort,
 * and by every failure. */
typedef struct builtin_aead_operation_s {
  psa_algorithm_t alg;   /* 0 while inactive; the tag length included */
  uint8_t mechanism;     /* GCM, CCM or ChaCha20-Poly1305 (builtin_aead.cc) */
  uint8_t block_cipher;  /* AES, ARIA or Camellia, for GCM and CCM */
  uint8_t is_encrypt;    /* 1: encrypt_setup, 0: decrypt_setup */
  uint8_t tag_length;    /* bytes */
  uint8_t nonce_set;
  uint8_t lengths_set;
  uint8_t ad_started;    /* update_ad was called */
  uint8_t body_started;  /* update was called */
  uint64_t ad_expected;  /* lengths given to set_lengths, if lengths_set */
  uint64_t text_expected;
  uint64_t ad_length;    /* bytes passed to update_ad so far */
  uint64_t text_length;  /* bytes passed to update so far */
  union {
    builtin_aead_block_mode_t block;   /* GCM, CCM */
    mbedtls_chachapoly_context chachapoly;
  } u;
} builtin_aead_operation_t;

/* "aead_encrypt": encrypts `plaintext` with `alg` and the key in
 * `key_buffer` (the raw key of the type and size in `attributes`), and
 * writes the encrypted data followed by the tag to `ciphertext`. Sets
 * *ciphertext_length to plaintext_length + the tag length on success, to 0
 * on failure (then nothing is left in `ciphertext`).
 * Returns PSA_SUCCESS, PSA_ERROR_NOT_SUPPORTED or PSA_ERROR_INVALID_ARGUMENT
 * (see the parameters above), PSA_ERROR_BUFFER_TOO_SMALL (ciphertext_size <
 * PSA_AEAD_ENCRYPT_OUTPUT_SIZE()), or an error mapped from Mbed TLS. */
psa_status_t builtin_aead_encrypt(
    const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
    size_t nonce_length, const uint8_t *additional_data,
    size_t additional_data_length, const uint8_t *plaintext,
    size_t plaintext_length, uint8_t *ciphertext, size_t ciphertext_size,
    size_t *ciphertext_length);

/* "aead_decrypt": checks and decrypts `ciphertext` (encrypted data followed
 * by the tag) into `plaintext`. Sets *plaintext_length to ciphertext_length
 * - the tag length on success, to 0 on failure; on any failure, the
 * authentication failure included, nothing is left in `plaintext`.
 * Returns PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE (the tag does not match,
 * or ciphertext_length is shorter than a tag), PSA_ERROR_NOT_SUPPORTED or
 * PSA_ERROR_INVALID_ARGUMENT (see above), PSA_ERROR_BUFFER_TOO_SMALL
 * (plaintext_size < PSA_AEAD_DECRYPT_OUTPUT_SIZE()), or an error mapped from
 * Mbed TLS. */
psa_status_t builtin_aead_decrypt(
    const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
    size_t nonce_length, const uint8_t *additional_data,
    size_t additional_data_length, const uint8_t *ciphertext,
    size_t ciphertext_length, uint8_t *plaintext, size_t plaintext_size,
    size_t *plaintext_length);

/* "aead_encrypt_setup" and "aead_decrypt_setup": start a multi-part
 * operation with `alg` and the key on an inactive operation. Returns
 * PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation already active; left as it
 * is), PSA_ERROR_NOT_SUPPORTED or PSA_ERROR_INVALID_ARGUMENT (see above;
 * operation left inactive), or an error mapped from Mbed TLS (operation
 * wiped). */
psa_status_t builtin_aead_encrypt_setup(builtin_aead_operation_t *operation,
                                        const psa_key_attributes_t *attributes,
                                        const uint8_t *key_buffer,
                                        size_t key_buffer_size,
                                        psa_algorithm_t alg);
psa_status_t builtin_aead_decrypt_setup(builtin_aead_operation_t *operation,
                                        const psa_key_attributes_t *attributes,
                                        const uint8_t *key_buffer,
                                        size_t key_buffer_size,
                                        psa_algorithm_t alg);

/* In the entry points below, every failure wipes the operation. */

/* "aead_set_nonce": sets the nonce. For CCM, set_lengths may come before or
 * after it. Returns PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation inactive, or
 * nonce already set), PSA_ERROR_INVALID_ARGUMENT or PSA_ERROR_NOT_SUPPORTED
 * (nonce length, see above; CCM: the plaintext length given to set_lengths
 * does not fit 15 - nonce_length bytes). */
psa_status_t builtin_aead_set_nonce(builtin_aead_operation_t *operation,
                                    const uint8_t *nonce, size_t nonce_length);

/* "aead_set_lengths": declares the total lengths of the additional data and
 * of the plaintext, which update_ad, update, finish and verify then enforce.
 * Required for CCM, optional for the others. Returns PSA_SUCCESS,
 * PSA_ERROR_BAD_STATE (operation inactive, lengths already set, or
 * update_ad or update already called), PSA_ERROR_INVALID_ARGUMENT (a length
 * too large for the algorithm; CCM with the nonce set: plaintext_length does
 * not fit 15 - nonce length bytes). */
psa_status_t builtin_aead_set_lengths(builtin_aead_operation_t *operation,
                                      size_t ad_length,
                                      size_t plaintext_length);

/* "aead_update_ad": passes a fragment of the additional data. Returns
 * PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation inactive, nonce not set, CCM
 * without set_lengths, or update already called), PSA_ERROR_INVALID_ARGUMENT
 * (more additional data than set_lengths declared, or than the algorithm
 * allows). */
psa_status_t builtin_aead_update_ad(builtin_aead_operation_t *operation,
                                    const uint8_t *input, size_t input_length);

/* "aead_update": encrypts or decrypts a fragment of the message. Writes
 * exactly input_length bytes (never more than PSA_AEAD_UPDATE_OUTPUT_SIZE())
 * and sets *output_length to it; 0 on failure. Returns PSA_SUCCESS,
 * PSA_ERROR_BAD_STATE (operation inactive, nonce not set, CCM without
 * set_lengths), PSA_ERROR_BUFFER_TOO_SMALL (output_size < input_length),
 * PSA_ERROR_INVALID_ARGUMENT (less additional data than set_lengths
 * declared, more message than declared or than the algorithm allows, or an
 * output starting inside the input), or an error mapped from Mbed TLS. */
psa_status_t builtin_aead_update(builtin_aead_operation_t *operation,
                                 const uint8_t *input, size_t input_length,
                                 uint8_t *output, size_t output_size,
                                 size_t *output_length);

/* "aead_finish": ends an encryption: writes the tag to `tag` and sets
 * *tag_length to the tag length; no ciphertext is held back, so
 * *ciphertext_length is 0 (`ciphertext` may be null). Wipes the operation
 * whatever the outcome; both lengths are 0 on failure. Returns PSA_SUCCESS,
 * PSA_ERROR_BAD_STATE (operation inactive, a decryption, nonce not set, CCM
 * without set_lengths), PSA_ERROR_INVALID_ARGUMENT (less additional data or
 * plaintext than set_lengths declared), PSA_ERROR_BUFFER_TOO_SMALL (tag_size
 * < the tag length), or an error mapped from Mbed TLS. */
psa_status_t builtin_aead_finish(builtin_aead_operation_t *operation,
                                 uint8_t *ciphertext, size_t ciphertext_size,
                                 size_t *ciphertext_length, uint8_t *tag,
                                 size_t tag_size, size_t *tag_length);

/* "aead_verify": ends a decryption: compares `tag` with the computed tag in
 * constant time. No plaintext is held back: *plaintext_length is 0 and
 * `plaintext` is never written. Wipes the operation whatever the outcome.
 * Returns PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE (the tag differs, or
 * tag_length is not the algorithm's), PSA_ERROR_BAD_STATE (operation
 * inactive, an encryption, nonce not set, CCM without set_lengths),
 * PSA_ERROR_INVALID_ARGUMENT (less additional data or ciphertext than
 * set_lengths declared), or an error mapped from Mbed TLS. */
psa_status_t builtin_aead_verify(builtin_aead_operation_t *operation,
                                 uint8_t *plaintext, size_t plaintext_size,
                                 size_t *plaintext_length, const uint8_t *tag,
                                 size_t tag_length);

/* "aead_abort": wipes the operation, active or not. Idempotent; always
 * returns PSA_SUCCESS. */
psa_status_t builtin_aead_abort(builtin_aead_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_BUILTIN_BUILTIN_AEAD_H_ */
