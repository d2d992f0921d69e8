/* The builtin driver's signature entry points over Mbed TLS: "sign_hash" and
 * "verify_hash" for ECDSA and RSA. Described by drivers/builtin/builtin.json
 * (prefix "builtin", transparent). psa_sign_message and psa_verify_message
 * reach these through the dispatch, which hashes first (builtin declares no
 * "sign_message" or "verify_message").
 *
 * Supported algorithms, each with a hash h among PSA_ALG_MD5,
 * PSA_ALG_RIPEMD160, PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256,
 * PSA_ALG_SHA_384 and PSA_ALG_SHA_512 (the hashes of builtin_hash):
 *   - PSA_ALG_ECDSA(h) (random k from psa_generate_random),
 *     PSA_ALG_DETERMINISTIC_ECDSA(h) (RFC 6979 with HMAC-h) and
 *     PSA_ALG_ECDSA_ANY (the input is the hash, of any length: truncated or
 *     left-padded to the order as ECDSA specifies), with a
 *     PSA_KEY_TYPE_ECC_KEY_PAIR (sign, verify) or PSA_KEY_TYPE_ECC_PUBLIC_KEY
 *     (verify) of the SECP_R1 (192, 224, 256, 384, 521), SECP_K1 (192, 225,
 *     256) or BRAINPOOL_P_R1 (256, 384, 512) family. The signature is r || s,
 *     each big-endian in ceil(order bits / 8) = PSA_BITS_TO_BYTES(bits)
 *     bytes. Deterministic and randomized ECDSA verify alike.
 *   - PSA_ALG_RSA_PKCS1V15_SIGN(h) (EMSA-PKCS1-v1_5 with h's DigestInfo),
 *     PSA_ALG_RSA_PKCS1V15_SIGN_RAW (the input is T, any length up to the
 *     modulus size - 11), PSA_ALG_RSA_PSS(h) and PSA_ALG_RSA_PSS_ANY_SALT(h)
 *     (MGF1-h; signing uses a salt of h's length, or the largest that fits
 *     when the key is too short for that; PSA_ALG_RSA_PSS verification
 *     requires exactly that salt length, PSA_ALG_RSA_PSS_ANY_SALT accepts any
 *     salt), with a PSA_KEY_TYPE_RSA_KEY_PAIR (sign, verify) or
 *     PSA_KEY_TYPE_RSA_PUBLIC_KEY (verify) of 1024 to 4096 bits. Private key
 *     operations are blinded with randomness from psa_generate_random. The
 *     signature is the modulus size long.
 *
 * PSA_ERROR_NOT_SUPPORTED: another hash (SHA-3, SHA-512/t, ...), EdDSA
 * (Mbed TLS 2.28 has none), any other signature algorithm, other curve
 * families (binary curves, FRP, SECP_R2) and key sizes this driver does not
 * have (builtin_key_management.h).
 * PSA_ERROR_INVALID_ARGUMENT: `alg` is not a specific signature algorithm
 * usable with a hash (not a signature, a PSA_ALG_ANY_HASH wildcard, or
 * pure EdDSA), the key type does not fit it (RSA key for ECDSA, ECC key for
 * RSA, a Montgomery or Edwards curve for ECDSA, a public key to sign), the
 * hash length is not h's length, the RAW input is too long for the key, or
 * the key buffer does not hold a key of the attributes' type and size.
 *
 * A key buffer holds the key in its export format (builtin_key_management.h).
 * Includable from C and C++. Buffers of size 0 may be null. The Mbed TLS
 * numbers of the key and of the signature computation are freed and wiped
 * on every exit. */

#ifndef DRIVERS_BUILTIN_BUILTIN_SIGNATURE_H_
#define DRIVERS_BUILTIN_BUILTIN_SIGNATURE_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "sign_hash": signs `hash` with the private key in `key_buffer` and `alg`
 * into `signature`, and sets *signature_length to the signature length,
 * PSA_SIGN_OUTPUT_SIZE(type, bits, alg). Needs the core's random generator
 * (psa_crypto_init) for every algorithm: the nonce or blinding. Returns
 * PSA_SUCCESS, PSA_ERROR_NOT_SUPPORTED, PSA_ERROR_INVALID_ARGUMENT (see the
 * top of this file), PSA_ERROR_BUFFER_TOO_SMALL (signature_size is less
 * than the signature length; `signature` is not written),
 * PSA_ERROR_INSUFFICIENT_MEMORY, the random generator's failure, or an
 * error mapped from Mbed TLS. On failure *signature_length is 0 and
 * `signature` holds nothing of a signature. `hash` must not overlap
 * `signature`. */
psa_status_t builtin_sign_hash(const psa_key_attributes_t *attributes,
                               const uint8_t *key_buffer,
                               size_t key_buffer_size, psa_algorithm_t alg,
                               const uint8_t *hash, size_t hash_length,
                               uint8_t *signature, size_t signature_size,
                               size_t *signature_length);

/* "verify_hash": checks that signature[0..signature_length) is a signature
 * of `hash` with `alg` by the key in `key_buffer` (a public key, or a key
 * pair whose public key is used). Returns PSA_SUCCESS if it is;
 * PSA_ERROR_INVALID_SIGNATURE if it is not, including a signature of the
 * wrong length, ECDSA r or s out of [1, n-1], an RSA signature not less
 * than the modulus, or a PSS salt of the wrong length for PSA_ALG_RSA_PSS;
 * otherwise PSA_ERROR_NOT_SUPPORTED, PSA_ERROR_INVALID_ARGUMENT (see the
 * top of this file; a public key is fine here), PSA_ERROR_INSUFFICIENT_MEMORY
 * or, for an ECC key pair (whose public key is computed with blinding), the
 * random generator's failure. */
psa_status_t builtin_verify_hash(const psa_key_attributes_t *attributes,
                                 const uint8_t *key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg,
                                 const uint8_t *hash, size_t hash_length,
                                 const uint8_t *signature,
                                 size_t signature_length);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_BUILTIN_BUILTIN_SIGNATURE_H_ */
