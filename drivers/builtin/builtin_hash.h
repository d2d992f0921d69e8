/* The builtin driver's hash entry points: software MD5, RIPEMD-160, SHA-1,
 * SHA-224, SHA-256, SHA-384 and SHA-512 over Mbed TLS. Described by
 * drivers/builtin/builtin.json (prefix "builtin", transparent, capabilities
 * "hash_compute" and "hash_multipart").
 *
 * Includable from C and C++. Entry point contracts follow the PSA
 * Cryptoprocessor Driver Interface; the statuses each one returns are listed
 * below. Buffers of size 0 may be null. */

#ifndef DRIVERS_BUILTIN_BUILTIN_HASH_H_
#define DRIVERS_BUILTIN_BUILTIN_HASH_H_

#include <stddef.h>
#include <stdint.h>

#include "mbedtls/md5.h"
#include "mbedtls/ripemd160.h"
#include "mbedtls/sha1.h"
#include "mbedtls/sha256.h"
#include "mbedtls/sha512.h"
#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The Mbed TLS state of one hash computation; which member is live depends
 * on builtin_hash_operation_t::alg. */
typedef union builtin_hash_context_u {
  mbedtls_md5_context md5;
  mbedtls_ripemd160_context ripemd160;
  mbedtls_sha1_context sha1;
  mbedtls_sha256_context sha256; /* SHA-224 and SHA-256 */
  mbedtls_sha512_context sha512; /* SHA-384 and SHA-512 */
} builtin_hash_context_t;

/* Operation context of the "hash_multipart" family. The core creates it
 * all-bits-zero (inactive: alg == 0). Contains no pointers, so the core may
 * clone an active operation with memcpy. Wiped (all-bits-zero again) by
 * finish, abort and every failure of update or finish. */
typedef struct builtin_hash_operation_s {
  psa_algorithm_t alg; /* 0 while inactive */
  builtin_hash_context_t ctx;
} builtin_hash_operation_t;

/* "hash_compute": computes the hash of `input` with `alg` into `hash`.
 * Sets *hash_length to the digest length on success, to 0 on failure.
 * `input` may overlap `hash`.
 * Returns PSA_SUCCESS, PSA_ERROR_NOT_SUPPORTED (alg is not one of the seven
 * algorithms above), PSA_ERROR_BUFFER_TOO_SMALL (hash_size <
 * PSA_HASH_LENGTH(alg)), or an error mapped from Mbed TLS. */
psa_status_t builtin_hash_compute(psa_algorithm_t alg, const uint8_t *input,
                                  size_t input_length, uint8_t *hash,
                                  size_t hash_size, size_t *hash_length);

/* "hash_setup": starts a hash computation with `alg` on an inactive
 * operation. Returns PSA_SUCCESS, PSA_ERROR_NOT_SUPPORTED (operation left
 * inactive), PSA_ERROR_BAD_STATE (operation already active; left as it is),
 * or an error mapped from Mbed TLS (operation wiped). */
psa_status_t builtin_hash_setup(builtin_hash_operation_t *operation,
                                psa_algorithm_t alg);

/* "hash_update": feeds `input` into an active operation. Returns
 * PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation inactive), or an error mapped
 * from Mbed TLS; on failure the operation is wiped. */
psa_status_t builtin_hash_update(builtin_hash_operation_t *operation,
                                 const uint8_t *input, size_t input_length);

/* "hash_finish": writes the digest of an active operation to `hash`, sets
 * *hash_length to its length (0 on failure), and wipes the operation whatever
 * the outcome. Returns PSA_SUCCESS, PSA_ERROR_BAD_STATE (operation inactive),
 * PSA_ERROR_BUFFER_TOO_SMALL (hash_size < PSA_HASH_LENGTH(alg); `hash` is
 * not written), or an error mapped from Mbed TLS. */
psa_status_t builtin_hash_finish(builtin_hash_operation_t *operation,
                                 uint8_t *hash, size_t hash_size,
                                 size_t *hash_length);

/* "hash_abort": wipes the operation, active or not. Idempotent; always
 * returns PSA_SUCCESS. */
psa_status_t builtin_hash_abort(builtin_hash_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_BUILTIN_BUILTIN_HASH_H_ */
