/* The openssl driver's hash entry points (drivers/openssl/openssl.json,
 * prefix "openssl", transparent, fallback).
 *
 * "hash_compute": SHA-224, SHA-256, SHA-384, SHA-512, SHA-512/224,
 * SHA-512/256 and SHA3-224/256/384/512, one-shot through OpenSSL.
 * "hash_multipart": the SHA-2 algorithms only. psa_hash_clone copies driver
 * hash contexts byte for byte, so the context must be plain data: it holds
 * OpenSSL's SHA256_CTX / SHA512_CTX state (no pointers); OpenSSL 3 has no
 * such plain state for SHA-3, whose multi-part hashing is therefore left to
 * the next driver. Other algorithms: PSA_ERROR_NOT_SUPPORTED.
 *
 * Statuses: PSA_SUCCESS; PSA_ERROR_NOT_SUPPORTED; PSA_ERROR_BUFFER_TOO_SMALL
 * (hash_size below the digest length: nothing written; for hash_finish the
 * operation stays active); PSA_ERROR_BAD_STATE (update/finish of an
 * inactive operation). Includable from C and C++. */

#ifndef DRIVERS_OPENSSL_OPENSSL_HASH_H_
#define DRIVERS_OPENSSL_OPENSSL_HASH_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* OpenSSL's SHA256_CTX or SHA512_CTX (static_assert'ed to fit), plain
 * data. */
typedef struct openssl_hash_operation_s {
  psa_algorithm_t alg; /* 0 while inactive */
  uint64_t state[28];
} openssl_hash_operation_t;

psa_status_t openssl_hash_compute(psa_algorithm_t alg, const uint8_t *input,
                                  size_t input_length, uint8_t *hash,
                                  size_t hash_size, size_t *hash_length);
psa_status_t openssl_hash_setup(openssl_hash_operation_t *operation,
                                psa_algorithm_t alg);
psa_status_t openssl_hash_update(openssl_hash_operation_t *operation,
                                 const uint8_t *input, size_t input_length);
psa_status_t openssl_hash_finish(openssl_hash_operation_t *operation,
                                 uint8_t *hash, size_t hash_size,
                                 size_t *hash_length);
psa_status_t openssl_hash_abort(openssl_hash_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_OPENSSL_OPENSSL_HASH_H_ */
