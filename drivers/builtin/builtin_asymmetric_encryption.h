/* The builtin driver's asymmetric encryption entry points over Mbed TLS:
 * "asymmetric_encrypt" and "asymmetric_decrypt" for RSA. Described by
 * drivers/builtin/builtin.json (prefix "builtin", transparent).
 *
 * Supported algorithms, with a PSA_KEY_TYPE_RSA_KEY_PAIR (encrypt, decrypt)
 * or PSA_KEY_TYPE_RSA_PUBLIC_KEY (encrypt) of 1024 to 4096 bits (k bytes):
 *   - PSA_ALG_RSA_PKCS1V15_CRYPT (RSAES-PKCS1-v1_5): messages of up to
 *     k - 11 bytes; no salt.
 *   - PSA_ALG_RSA_OAEP(h) (RSAES-OAEP, MGF1-h, the salt is the label L) for
 *     h among PSA_ALG_MD5, PSA_ALG_RIPEMD160, PSA_ALG_SHA_1, PSA_ALG_SHA_224,
 *     PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512: messages of up to
 *     k - 2 * hLen - 2 bytes.
 * The ciphertext is k bytes. Encryption draws its padding from
 * psa_generate_random; decryption is blinded with it.
 *
 * PSA_ERROR_NOT_SUPPORTED: another hash for OAEP, any other algorithm of the
 * asymmetric encryption category, key sizes this driver does not have.
 * PSA_ERROR_INVALID_ARGUMENT: `alg` is not an asymmetric encryption
 * algorithm, the key is not RSA (or, to decrypt, not a key pair), a salt for
 * PKCS#1 v1.5, a message too long for the key and padding, a ciphertext that
 * is not k bytes, or a key buffer that does not hold a key of the
 * attributes' type and size.
 *
 * Decryption writes the plaintext to `output` only once it is known good
 * and known to fit: Mbed TLS decrypts into a k-byte buffer of the driver's
 * own (so its "output too large" never fires on a bad padding), every
 * failure of the padding check or of the private key operation is the one
 * status PSA_ERROR_INVALID_PADDING, and PSA_ERROR_BUFFER_TOO_SMALL comes
 * only after a successful decryption. The padding check is Mbed TLS 2.28's
 * (constant-time in the padding bytes for both schemes). The staging buffer
 * is wiped on every path.
 *
 * A key buffer holds the key in its export format (builtin_key_management.h).
 * Includable from C and C++. Buffers of size 0 may be null; `input` must not
 * overlap `output`. On failure *output_length is 0 and `output` holds
 * nothing of the result. */

#ifndef DRIVERS_BUILTIN_BUILTIN_ASYMMETRIC_ENCRYPTION_H_
#define DRIVERS_BUILTIN_BUILTIN_ASYMMETRIC_ENCRYPTION_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "asymmetric_encrypt": encrypts `input` with the public key in
 * `key_buffer` (or the public part of a key pair) into `output`, k bytes,
 * and sets *output_length to k. Returns PSA_SUCCESS,
 * PSA_ERROR_NOT_SUPPORTED, PSA_ERROR_INVALID_ARGUMENT (see the top of this
 * file), PSA_ERROR_BUFFER_TOO_SMALL (output_size < k; `output` is not
 * written), PSA_ERROR_INSUFFICIENT_MEMORY, or the random generator's
 * failure. */
psa_status_t builtin_asymmetric_encrypt(const psa_key_attributes_t *attributes,
                                        const uint8_t *key_buffer,
                                        size_t key_buffer_size,
                                        psa_algorithm_t alg,
                                        const uint8_t *input,
                                        size_t input_length,
                                        const uint8_t *salt, size_t salt_length,
                                        uint8_t *output, size_t output_size,
                                        size_t *output_length);

/* "asymmetric_decrypt": decrypts the k-byte `input` with the key pair in
 * `key_buffer` into `output`, and sets *output_length to the plaintext
 * length. Returns PSA_SUCCESS; PSA_ERROR_INVALID_PADDING (the padding or
 * the OAEP label does not check, or the ciphertext is not less than the
 * modulus); PSA_ERROR_BUFFER_TOO_SMALL (the plaintext, which decrypted
 * correctly, is longer than output_size; `output` is not written);
 * PSA_ERROR_NOT_SUPPORTED, PSA_ERROR_INVALID_ARGUMENT (see the top of this
 * file), PSA_ERROR_INSUFFICIENT_MEMORY, or the random generator's failure. */
psa_status_t builtin_asymmetric_decrypt(const psa_key_attributes_t *attributes,
                                        const uint8_t *key_buffer,
                                        size_t key_buffer_size,
                                        psa_algorithm_t alg,
                                        const uint8_t *input,
                                        size_t input_length,
                                        const uint8_t *salt, size_t salt_length,
                                        uint8_t *output, size_t output_size,
                                        size_t *output_length);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_BUILTIN_BUILTIN_ASYMMETRIC_ENCRYPTION_H_ */
