/* The builtin driver's unauthenticated-cipher entry points: software AES,
 * Camellia, DES/3DES and ChaCha20 over Mbed TLS's low-level block and stream
 * functions, and ARIA over the driver's own block cipher
 * (drivers/builtin/aria.h; table-based S-boxes, so not constant-time
 * against cache-timing attacks, like Mbed TLS's ARIA). Described by
 * drivers/builtin/builtin.json (prefix "builtin", transparent, capabilities
 * "cipher_encrypt", "cipher_decrypt", "cipher_encrypt_multipart" and
 * "cipher_decrypt_multipart").
 *
 * Supported (key type: algorithms):
 *   - PSA_KEY_TYPE_AES, PSA_KEY_TYPE_ARIA, PSA_KEY_TYPE_CAMELLIA (128, 192,
 *     256 bits):
 *     PSA_ALG_ECB_NO_PADDING, PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7,
 *     PSA_ALG_CTR, PSA_ALG_CFB (CFB-128), PSA_ALG_OFB,
 *     PSA_ALG_CCM_STAR_NO_TAG;
 *   - PSA_KEY_TYPE_DES (64 bits: DES; 128 bits: two-key 3DES; 192 bits:
 *     three-key 3DES): PSA_ALG_ECB_NO_PADDING, PSA_ALG_CBC_NO_PADDING,
 *     PSA_ALG_CBC_PKCS7;
 *   - PSA_KEY_TYPE_CHACHA20 (256 bits): PSA_ALG_STREAM_CIPHER.
 * A key type and algorithm the specification declares compatible but that
 * is not in this list (SM4, XChaCha20, ARC4 keys; PSA_ALG_XTS; DES with CTR,
 * CFB or OFB) is PSA_ERROR_NOT_SUPPORTED. An incompatible pair (an
 * algorithm that is not a cipher, a key type that is not a cipher key, a
 * block mode with a stream cipher key or the other way round, CCM* with a
 * 64-bit block cipher) is PSA_ERROR_INVALID_ARGUMENT, and so is a key buffer
 * whose size is not a valid key size of its type or disagrees with the
 * attributes' nonzero key bits.
 *
 * IV lengths (set_iv, and the iv of cipher_encrypt and the IV prefix of
 * cipher_decrypt, whose length is PSA_CIPHER_IV_LENGTH()):
 *   - CBC, CFB, OFB: exactly one block;
 *   - CTR: 1 to 16 bytes; a shorter IV is the start of the initial counter
 *     block, padded with zero bytes (PSA Crypto API 1.2, PSA_ALG_CTR);
 *   - CCM*: a nonce of 7 to 13 bytes (13 is the default); the counter block
 *     is flags (L - 1, L = 15 - nonce length) || nonce || counter on L bytes
 *     starting at 1, and the message must be shorter than 2^(8L) bytes;
 *   - ChaCha20: 12 bytes (RFC 8439 nonce, counter 0), 16 bytes (a 32-bit
 *     little-endian initial counter followed by the 12-byte nonce), or 8
 *     bytes (the original 64-bit nonce, 64-bit counter from 0). The 32-bit
 *     block counter must not wrap: a message may use at most
 *     (2^32 - initial counter) blocks of 64 bytes, the 8-byte variant
 *     included (this driver does not carry into the counter's high word);
 *   - ECB: none. Any other length is PSA_ERROR_INVALID_ARGUMENT.
 * Exceeding a message length limit is PSA_ERROR_INVALID_ARGUMENT.
 *
 * Output sizes never exceed the size macros of psa/crypto_sizes.h:
 * PSA_CIPHER_UPDATE_OUTPUT_SIZE(), PSA_CIPHER_FINISH_OUTPUT_SIZE(), and for
 * the single-part entry points PSA_CIPHER_ENCRYPT_OUTPUT_SIZE() and
 * PSA_CIPHER_DECRYPT_OUTPUT_SIZE() less the IV. ECB and CBC output whole
 * blocks and hold back the rest of the input until the next update or
 * finish; CBC-PKCS#7 decryption also holds back the last whole block, whose
 * padding finish checks. The other modes output as many bytes as they get.
 * When an output buffer is too small the entry point returns
 * PSA_ERROR_BUFFER_TOO_SMALL without writing to it.
 *
 * Buffers: `output` may be identical to `input` (in place) in every entry
 * point; cipher_decrypt also accepts `output` == `input` + k for any k up
 * to the IV length. Otherwise buffers must not overlap. Buffers of size 0
 * may be null. On failure *output_length is 0.
 *
 * Includable from C and C++. */

#ifndef DRIVERS_BUILTIN_BUILTIN_CIPHER_H_
#define DRIVERS_BUILTIN_BUILTIN_CIPHER_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/builtin/aria.h"
#include "mbedtls/aes.h"
#include "mbedtls/camellia.h"
#include "mbedtls/chacha20.h"
#include "mbedtls/des.h"
#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The key schedule of one operation; which member is live depends on
 * builtin_cipher_operation_t::cipher. */
typedef union builtin_cipher_key_context_u {
  mbedtls_aes_context aes;
  mbedtls_camellia_context camellia;
  builtin_aria_context_t aria; /* the driver's own ARIA */
  mbedtls_des_context des;   /* 64-bit DES keys */
  mbedtls_des3_context des3; /* 128- and 192-bit DES keys */
  mbedtls_chacha20_context chacha20;
  /* 16-byte alignment where long double has it (x86-64), as the core's
   * context storage: AES-NI reads the AES round keys faster when they are
   * 16-byte aligned. */
  long double align;
} builtin_cipher_key_context_t;

/* Operation context of the "cipher_encrypt_multipart" and
 * "cipher_decrypt_multipart" families. The core creates it all-bits-zero
 * (inactive: alg == 0) and never copies it: the AES key schedule points into
 * the context itself, so an active context must stay where setup put it.
 * Wiped (all-bits-zero again) by finish, abort and every failure of
 * set_iv, update and finish. */
typedef struct builtin_cipher_operation_s {
  psa_algorithm_t alg;  /* 0 while inactive */
  uint8_t cipher;       /* the primitive: see builtin_cipher.cc */
  uint8_t is_encrypt;   /* 1: encryption, 0: decryption */
  uint8_t iv_set;       /* 1 once the IV is set, or if the mode has none */
  uint8_t block_length; /* 16 or 8; 1 for ChaCha20 */
  /* ECB/CBC: bytes of held-back input in `buffer` (0..16). CTR, CCM*:
   * bytes of the key stream block `buffer` already used; OFB, CFB: bytes of
   * the feedback block `iv` already used (0..15, 0 when a new block is
   * due). */
  uint8_t buffer_length;
  uint8_t has_limit; /* 1 if `remaining` bounds the message */
  /* Bytes the message may still have (CCM*, ChaCha20). */
  uint64_t remaining;
  uint8_t iv[16];     /* CBC chaining value, counter block, feedback */
  uint8_t buffer[16]; /* held-back input, or CTR's key stream block */
  builtin_cipher_key_context_t ctx;
} builtin_cipher_operation_t;

/* "cipher_encrypt": encrypts `input` with `alg` and the key in `key_buffer`
 * (the raw key bytes; type and bits from `attributes`) under the IV `iv`
 * chosen by the core, and writes only the ciphertext to `output` (the core
 * writes the IV before it). Returns PSA_SUCCESS; PSA_ERROR_NOT_SUPPORTED,
 * PSA_ERROR_INVALID_ARGUMENT (see above; also a wrong iv_length, and an
 * input that is not a whole number of blocks for ECB and CBC without
 * padding); PSA_ERROR_BUFFER_TOO_SMALL (output_size is less than the
 * ciphertext length: `input_length`, or the input rounded up to the next
 * whole block for CBC-PKCS#7); or an error mapped from Mbed TLS. */
psa_status_t builtin_cipher_encrypt(const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer,
                                    size_t key_buffer_size, psa_algorithm_t alg,
                                    const uint8_t *iv, size_t iv_length,
                                    const uint8_t *input, size_t input_length,
                                    uint8_t *output, size_t output_size,
                                    size_t *output_length);

/* "cipher_decrypt": decrypts `input` = IV (PSA_CIPHER_IV_LENGTH() bytes) ||
 * ciphertext and writes only the plaintext to `output`. Returns the statuses
 * of builtin_cipher_encrypt (INVALID_ARGUMENT also for an input shorter than
 * the IV, and for a CBC-PKCS#7 ciphertext that is empty or not whole
 * blocks; BUFFER_TOO_SMALL when output_size is less than the plaintext
 * length), and PSA_ERROR_INVALID_PADDING (CBC-PKCS#7 padding is wrong;
 * nothing is written). */
psa_status_t builtin_cipher_decrypt(const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer,
                                    size_t key_buffer_size, psa_algorithm_t alg,
                                    const uint8_t *input, size_t input_length,
                                    uint8_t *output, size_t output_size,
                                    size_t *output_length);

/* "cipher_encrypt_setup" and "cipher_decrypt_setup": start an encryption or
 * decryption with `alg` and the key on an inactive operation. Return
 * PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation already active; left as it
 * is), PSA_ERROR_NOT_SUPPORTED or PSA_ERROR_INVALID_ARGUMENT (see above;
 * operation left inactive), or an error mapped from Mbed TLS (operation
 * wiped). */
psa_status_t builtin_cipher_encrypt_setup(
    builtin_cipher_operation_t *operation,
    const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg);
psa_status_t builtin_cipher_decrypt_setup(
    builtin_cipher_operation_t *operation,
    const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
    size_t key_buffer_size, psa_algorithm_t alg);

/* "cipher_set_iv": sets the IV of an active operation whose mode takes one
 * and has none yet. Returns PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation
 * inactive, IV already set, or ECB), PSA_ERROR_INVALID_ARGUMENT (iv_length
 * not valid for the mode, see above), or an error mapped from Mbed TLS; on
 * failure the operation is wiped. */
psa_status_t builtin_cipher_set_iv(builtin_cipher_operation_t *operation,
                                   const uint8_t *iv, size_t iv_length);

/* "cipher_update": encrypts or decrypts `input`, writing the output that is
 * complete to `output` and its length to *output_length (at most
 * PSA_CIPHER_UPDATE_OUTPUT_SIZE(key_type, alg, input_length)). Returns
 * PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation inactive, or its IV not set
 * yet), PSA_ERROR_BUFFER_TOO_SMALL (output_size is less than this call's
 * output; nothing written), PSA_ERROR_INVALID_ARGUMENT (message length limit
 * exceeded), or an error mapped from Mbed TLS; on failure the operation is
 * wiped. */
psa_status_t builtin_cipher_update(builtin_cipher_operation_t *operation,
                                   const uint8_t *input, size_t input_length,
                                   uint8_t *output, size_t output_size,
                                   size_t *output_length);

/* "cipher_finish": writes the rest of the output (at most
 * PSA_CIPHER_FINISH_OUTPUT_SIZE(key_type, alg) bytes: the padded last block
 * of a CBC-PKCS#7 encryption, the unpadded last block of a CBC-PKCS#7
 * decryption, nothing otherwise) and wipes the operation whatever the
 * outcome. Returns PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation inactive, or
 * its IV not set), PSA_ERROR_INVALID_ARGUMENT (ECB or CBC without padding
 * with a total input that is not whole blocks; CBC-PKCS#7 decryption of an
 * empty or partial last block), PSA_ERROR_INVALID_PADDING (nothing written),
 * PSA_ERROR_BUFFER_TOO_SMALL (nothing written), or an error mapped from
 * Mbed TLS. */
psa_status_t builtin_cipher_finish(builtin_cipher_operation_t *operation,
                                   uint8_t *output, size_t output_size,
                                   size_t *output_length);

/* "cipher_abort": wipes the operation, active or not. Idempotent; always
 * returns PSA_SUCCESS. */
psa_status_t builtin_cipher_abort(builtin_cipher_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_BUILTIN_BUILTIN_CIPHER_H_ */
