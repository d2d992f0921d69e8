/* The openssl driver's "key_derivation" family: HKDF (RFC 5869) over
 * EVP_MAC HMAC (drivers/openssl/openssl.json).
 *
 * Served: PSA_ALG_HKDF(h), PSA_ALG_HKDF_EXTRACT(h) and PSA_ALG_HKDF_EXPAND(h)
 * for h among SHA-224, SHA-256, SHA-384, SHA-512, SHA-512/224, SHA-512/256
 * and SHA3-*; any other algorithm or hash is PSA_ERROR_NOT_SUPPORTED at
 * setup (the core derives then). The core passes every input at setup
 * (read with the psa_crypto_driver_key_derivation_get_input_* getters), so
 * key_derivation_input_step is never called: it returns
 * PSA_ERROR_INVALID_ARGUMENT.
 *
 * Setup computes the PRK (HKDF, HKDF-Extract); output_bytes streams
 * T(1) || T(2) || ... (HKDF, HKDF-Expand) or the PRK (HKDF-Extract) one
 * block at a time; the core enforces the capacity (255 blocks, or one
 * hash length for HKDF-Extract) and the driver refuses past it. The
 * context holds a pointer to heap state (the HMAC context keyed with the
 * PRK, the info, the current block), wiped and freed by abort. */

#ifndef DRIVERS_OPENSSL_OPENSSL_KDF_H_
#define DRIVERS_OPENSSL_OPENSSL_KDF_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct openssl_key_derivation_operation_s {
  void *state; /* HkdfState of openssl_kdf.cc; NULL while inactive */
} openssl_key_derivation_operation_t;

psa_status_t openssl_key_derivation_setup(
    openssl_key_derivation_operation_t *operation, psa_algorithm_t alg,
    const psa_crypto_driver_key_derivation_inputs_t *inputs);
psa_status_t openssl_key_derivation_input_step(
    openssl_key_derivation_operation_t *operation,
    psa_key_derivation_step_t step, const uint8_t *input,
    size_t input_length);
psa_status_t openssl_key_derivation_output_bytes(
    openssl_key_derivation_operation_t *operation, uint8_t *output,
    size_t length);
psa_status_t openssl_key_derivation_abort(
    openssl_key_derivation_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_OPENSSL_OPENSSL_KDF_H_ */
