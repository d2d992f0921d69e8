/* The builtin driver's MAC entry points: software HMAC and CMAC over Mbed
 * TLS. Described by drivers/builtin/builtin.json (prefix "builtin",
 * transparent, capabilities "mac_compute", "mac_verify", "mac_multipart" and
 * "mac_verify_multipart").
 *
 * Supported algorithms, each also truncated (PSA_ALG_TRUNCATED_MAC(base, n)
 * with 1 <= n <= the full MAC length):
 *   - PSA_ALG_HMAC(h) for h = PSA_ALG_MD5, PSA_ALG_RIPEMD160, PSA_ALG_SHA_1,
 *     PSA_ALG_SHA_224, PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512,
 *     with a PSA_KEY_TYPE_HMAC key of any length (a key longer than the
 *     hash block is hashed first). HMAC runs directly over the Mbed TLS hash
 *     contexts: no heap, no pointers in the operation context.
 *   - PSA_ALG_CMAC with a PSA_KEY_TYPE_AES key of 128, 192 or 256 bits, or a
 *     PSA_KEY_TYPE_DES key of 192 bits (3-key Triple-DES) or 128 bits (2-key
 *     Triple-DES, computed as 3-key Triple-DES with K3 = K1). CMAC runs over
 *     mbedtls_cipher_cmac_*, which keeps the key schedule and the CMAC state
 *     on the heap.
 * PSA_ERROR_NOT_SUPPORTED: any other hash for HMAC, CMAC with single DES
 * (64-bit DES keys), CAMELLIA, ARIA or SM4 keys (Mbed TLS's CMAC does not
 * implement them), CBC-MAC and any other MAC algorithm.
 * PSA_ERROR_INVALID_ARGUMENT: `alg` is not a specific MAC algorithm (not a
 * MAC, or a minimum-length wildcard policy), the truncation is longer than
 * the full MAC, the key type does not fit the algorithm (e.g. an AES key for
 * HMAC, an HMAC key for CMAC), or the key size is not valid for the key type
 * or disagrees with psa_get_key_bits(attributes).
 *
 * A key buffer holds the raw key bytes (key_buffer_size of them). The MAC
 * length is PSA_MAC_LENGTH(key type, key bits, alg).
 *
 * Includable from C and C++. Buffers of size 0 may be null. Key material
 * (the padded key blocks, a hashed key, intermediate digests) is wiped from
 * the stack on every exit. */

#ifndef DRIVERS_BUILTIN_BUILTIN_MAC_H_
#define DRIVERS_BUILTIN_BUILTIN_MAC_H_

#include <stddef.h>
#include <stdint.h>

#include "mbedtls/cipher.h"
#include "mbedtls/md5.h"
#include "mbedtls/ripemd160.h"
#include "mbedtls/sha1.h"
#include "mbedtls/sha256.h"
#include "mbedtls/sha512.h"
#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The Mbed TLS state of one of the two hash computations of HMAC; which
 * member is live depends on the hash of builtin_mac_operation_t::alg. */
typedef union builtin_mac_hash_context_u {
  mbedtls_md5_context md5;
  mbedtls_ripemd160_context ripemd160;
  mbedtls_sha1_context sha1;
  mbedtls_sha256_context sha256; /* SHA-224 and SHA-256 */
  mbedtls_sha512_context sha512; /* SHA-384 and SHA-512 */
} builtin_mac_hash_context_t;

/* HMAC state: both hashes already keyed at setup, so finishing needs no key
 * material. */
typedef struct builtin_mac_hmac_context_s {
  builtin_mac_hash_context_t inner; /* absorbed K ^ ipad, then the input */
  builtin_mac_hash_context_t outer; /* absorbed K ^ opad */
} builtin_mac_hmac_context_t;

/* The algorithm-specific state of a MAC operation: `hmac` if
 * PSA_ALG_IS_HMAC(builtin_mac_operation_t::alg), `cmac` otherwise. */
typedef union builtin_mac_context_u {
  builtin_mac_hmac_context_t hmac;
  /* CMAC: a cipher context set up for ECB encryption by
   * mbedtls_cipher_cmac_starts; its cipher_ctx and cmac_ctx are on the heap
   * and released by mbedtls_cipher_free. */
  mbedtls_cipher_context_t cmac;
} builtin_mac_context_t;

/* Operation context of the "mac_multipart" and "mac_verify_multipart"
 * families. The core creates it all-bits-zero (inactive: alg == 0) and never
 * copies it (a CMAC operation owns heap memory). Wiped (heap released, then
 * all-bits-zero again) by sign_finish, verify_finish, abort and every
 * failure of update. */
typedef struct builtin_mac_operation_s {
  psa_algorithm_t alg; /* as given to setup (maybe truncated); 0: inactive */
  uint8_t mac_length;  /* length of the MAC produced or checked, in bytes */
  uint8_t is_sign;     /* 1: set up by sign_setup, 0: by verify_setup */
  builtin_mac_context_t ctx;
} builtin_mac_operation_t;

/* "mac_compute": computes the MAC of `input` with the key in `key_buffer`
 * and `alg` into `mac`, and sets *mac_length to its length,
 * PSA_MAC_LENGTH(type, bits, alg) (0 on failure). `input` may overlap
 * `mac`. Returns PSA_SUCCESS, PSA_ERROR_NOT_SUPPORTED,
 * PSA_ERROR_INVALID_ARGUMENT (see the top of this file),
 * PSA_ERROR_BUFFER_TOO_SMALL (mac_size is less than the MAC length; `mac`
 * is not written), PSA_ERROR_INSUFFICIENT_MEMORY (CMAC), or an error mapped
 * from Mbed TLS. */
psa_status_t builtin_mac_compute(const psa_key_attributes_t *attributes,
                                 const uint8_t *key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg,
                                 const uint8_t *input, size_t input_length,
                                 uint8_t *mac, size_t mac_size,
                                 size_t *mac_length);

/* "mac_verify": computes the MAC of `input` and compares it with
 * mac[0..mac_length) in time independent of their contents. Returns
 * PSA_SUCCESS if they are equal; PSA_ERROR_INVALID_SIGNATURE if they differ
 * or if mac_length is not the MAC length of `alg` (a truncated MAC checks
 * only against a MAC of exactly its truncated length); otherwise the errors
 * of builtin_mac_compute except PSA_ERROR_BUFFER_TOO_SMALL. */
psa_status_t builtin_mac_verify(const psa_key_attributes_t *attributes,
                                const uint8_t *key_buffer,
                                size_t key_buffer_size, psa_algorithm_t alg,
                                const uint8_t *input, size_t input_length,
                                const uint8_t *mac, size_t mac_length);

/* "mac_sign_setup": starts computing a MAC with `alg` and the key in
 * `key_buffer` on an inactive operation. The operation keeps what it needs
 * of the key; `key_buffer` may be released afterwards. Returns PSA_SUCCESS;
 * PSA_ERROR_BAD_STATE (operation already active; left as it is);
 * PSA_ERROR_NOT_SUPPORTED or PSA_ERROR_INVALID_ARGUMENT (see the top of
 * this file; operation left inactive); PSA_ERROR_INSUFFICIENT_MEMORY (CMAC)
 * or an error mapped from Mbed TLS (operation wiped). */
psa_status_t builtin_mac_sign_setup(builtin_mac_operation_t *operation,
                                    const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer,
                                    size_t key_buffer_size,
                                    psa_algorithm_t alg);

/* "mac_verify_setup": as builtin_mac_sign_setup, for an operation that ends
 * with builtin_mac_verify_finish. */
psa_status_t builtin_mac_verify_setup(builtin_mac_operation_t *operation,
                                      const psa_key_attributes_t *attributes,
                                      const uint8_t *key_buffer,
                                      size_t key_buffer_size,
                                      psa_algorithm_t alg);

/* "mac_update": feeds `input` into an active operation (sign or verify).
 * Returns PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation inactive), or an error
 * mapped from Mbed TLS; on failure the operation is wiped. */
psa_status_t builtin_mac_update(builtin_mac_operation_t *operation,
                                const uint8_t *input, size_t input_length);

/* "mac_sign_finish": writes the MAC of an operation set up by
 * builtin_mac_sign_setup to `mac`, sets *mac_length to its length (0 on
 * failure), and wipes the operation whatever the outcome. Returns
 * PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation inactive or set up for
 * verification), PSA_ERROR_BUFFER_TOO_SMALL (mac_size is less than the MAC
 * length; `mac` is not written), or an error mapped from Mbed TLS. */
psa_status_t builtin_mac_sign_finish(builtin_mac_operation_t *operation,
                                     uint8_t *mac, size_t mac_size,
                                     size_t *mac_length);

/* "mac_verify_finish": computes the MAC of an operation set up by
 * builtin_mac_verify_setup and compares it with mac[0..mac_length) in time
 * independent of their contents; wipes the operation whatever the outcome.
 * Returns PSA_SUCCESS (equal), PSA_ERROR_INVALID_SIGNATURE (different, or
 * mac_length is not the MAC length), PSA_ERROR_BAD_STATE (operation
 * inactive or set up for signing), or an error mapped from Mbed TLS. */
psa_status_t builtin_mac_verify_finish(builtin_mac_operation_t *operation,
                                       const uint8_t *mac, size_t mac_length);

/* "mac_abort": wipes the operation, active or not, releasing what it holds.
 * Idempotent; always returns PSA_SUCCESS. */
psa_status_t builtin_mac_abort(builtin_mac_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_BUILTIN_BUILTIN_MAC_H_ */
