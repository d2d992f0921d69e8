/* A hash and AES-ECB driver over OpenSSL 3's libcrypto (ossl_hash.json),
 * for the driver-only build tests. Its multi-part context is plain data (OpenSSL's
 * low-level digest states), since the core clones an operation by copying
 * its context. */

#ifndef TESTS_DRIVER_ONLY_OSSL_HASH_H_
#define TESTS_DRIVER_ONLY_OSSL_HASH_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Room for the largest of OpenSSL's MD5_CTX, RIPEMD160_CTX, SHA_CTX,
 * SHA256_CTX and SHA512_CTX (ossl_hash.c checks that they fit). */
typedef struct {
  psa_algorithm_t alg;
  union {
    uint64_t align;
    unsigned char bytes[224];
  } state;
} ossl_hash_operation_t;

psa_status_t ossl_hash_compute(psa_algorithm_t alg, const uint8_t *input, size_t input_length, uint8_t *hash,
                               size_t hash_size, size_t *hash_length);
psa_status_t ossl_hash_setup(ossl_hash_operation_t *operation, psa_algorithm_t alg);
psa_status_t ossl_hash_update(ossl_hash_operation_t *operation, const uint8_t *input, size_t input_length);
psa_status_t ossl_hash_finish(ossl_hash_operation_t *operation, uint8_t *hash, size_t hash_size,
                              size_t *hash_length);
psa_status_t ossl_hash_abort(ossl_hash_operation_t *operation);

/* AES-ECB without padding (no IV): whole blocks only. */
psa_status_t ossl_cipher_encrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *iv, size_t iv_length,
                                 const uint8_t *input, size_t input_length, uint8_t *output, size_t output_size,
                                 size_t *output_length);

#ifdef __cplusplus
}
#endif

#endif /* TESTS_DRIVER_ONLY_OSSL_HASH_H_ */
