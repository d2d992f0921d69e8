/* The sha_x86 driver's MAC entry points: HMAC (RFC 2104) over the driver's
 * own SHA-NI SHA-1, SHA-224 and SHA-256, so that HMAC is accelerated too.
 * Described by drivers/sha_x86/sha_x86.json (prefix "sha_x86", transparent,
 * "mac_compute", "mac_verify", "mac_multipart" and "mac_verify_multipart",
 * with fallback).
 *
 * Algorithms: PSA_ALG_HMAC(h) for h = PSA_ALG_SHA_1, PSA_ALG_SHA_224,
 * PSA_ALG_SHA_256, also truncated (PSA_ALG_TRUNCATED_MAC(base, n) with
 * 1 <= n <= the digest length), with a PSA_KEY_TYPE_HMAC key of any length
 * (one longer than 64 bytes is hashed first).
 * PSA_ERROR_NOT_SUPPORTED: any other MAC algorithm or hash, and every
 * algorithm on a CPU without SHA-NI (code_path.h): the dispatch then falls
 * back to the next driver.
 * PSA_ERROR_INVALID_ARGUMENT: `alg` is not a specific MAC algorithm (not a
 * MAC, or a minimum-length wildcard policy), the truncation is longer than
 * the digest, the key is not a PSA_KEY_TYPE_HMAC key, or its size disagrees
 * with psa_get_key_bits(attributes).
 *
 * Includable from C and C++. Buffers of size 0 may be null. The padded key
 * blocks and intermediate digests are wiped on every exit. */

#ifndef DRIVERS_SHA_X86_SHA_X86_MAC_H_
#define DRIVERS_SHA_X86_SHA_X86_MAC_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/sha_x86/sha_x86_digest_state.h"
#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Operation context of the "mac_multipart" and "mac_verify_multipart"
 * families. The core creates it all-bits-zero (inactive: alg == 0). Both
 * hashes are keyed at setup, so the operation holds no key, only the two
 * chaining values that depend on it; wiped by sign_finish, verify_finish,
 * abort and every failure. No pointers. */
typedef struct sha_x86_mac_operation_s {
  psa_algorithm_t alg; /* as given to setup (maybe truncated); 0: inactive */
  uint8_t mac_length;  /* bytes produced or checked */
  uint8_t is_sign;     /* 1: sign_setup, 0: verify_setup */
  sha_x86_digest_state_t inner; /* absorbed K ^ ipad, then the input */
  sha_x86_digest_state_t outer; /* absorbed K ^ opad */
} sha_x86_mac_operation_t;

/* "mac_compute": the MAC of `input` into `mac`; *mac_length = the MAC
 * length (0 on failure). `input` may overlap `mac`. Returns PSA_SUCCESS,
 * PSA_ERROR_NOT_SUPPORTED, PSA_ERROR_INVALID_ARGUMENT (see above),
 * PSA_ERROR_BUFFER_TOO_SMALL (mac_size < the MAC length; `mac` not
 * written). */
psa_status_t sha_x86_mac_compute(const psa_key_attributes_t *attributes,
                                 const uint8_t *key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg,
                                 const uint8_t *input, size_t input_length,
                                 uint8_t *mac, size_t mac_size,
                                 size_t *mac_length);

/* "mac_verify": computes the MAC and compares it with mac[0..mac_length) in
 * time independent of their contents. PSA_SUCCESS if equal,
 * PSA_ERROR_INVALID_SIGNATURE if different or if mac_length is not the MAC
 * length; otherwise the errors of sha_x86_mac_compute except
 * PSA_ERROR_BUFFER_TOO_SMALL. */
psa_status_t sha_x86_mac_verify(const psa_key_attributes_t *attributes,
                                const uint8_t *key_buffer,
                                size_t key_buffer_size, psa_algorithm_t alg,
                                const uint8_t *input, size_t input_length,
                                const uint8_t *mac, size_t mac_length);

/* "mac_sign_setup" / "mac_verify_setup": key an inactive operation.
 * PSA_SUCCESS; PSA_ERROR_BAD_STATE (already active; left as it is);
 * PSA_ERROR_NOT_SUPPORTED or PSA_ERROR_INVALID_ARGUMENT (left inactive). */
psa_status_t sha_x86_mac_sign_setup(sha_x86_mac_operation_t *operation,
                                    const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer,
                                    size_t key_buffer_size,
                                    psa_algorithm_t alg);
psa_status_t sha_x86_mac_verify_setup(sha_x86_mac_operation_t *operation,
                                      const psa_key_attributes_t *attributes,
                                      const uint8_t *key_buffer,
                                      size_t key_buffer_size,
                                      psa_algorithm_t alg);

/* "mac_update": absorbs `input`. PSA_SUCCESS, or PSA_ERROR_BAD_STATE
 * (inactive; wiped). */
psa_status_t sha_x86_mac_update(sha_x86_mac_operation_t *operation,
                                const uint8_t *input, size_t input_length);

/* "mac_sign_finish": writes the MAC, sets *mac_length (0 on failure), wipes
 * the operation whatever the outcome. PSA_SUCCESS, PSA_ERROR_BAD_STATE
 * (inactive or set up for verification), PSA_ERROR_BUFFER_TOO_SMALL
 * (`mac` not written). */
psa_status_t sha_x86_mac_sign_finish(sha_x86_mac_operation_t *operation,
                                     uint8_t *mac, size_t mac_size,
                                     size_t *mac_length);

/* "mac_verify_finish": compares in constant time and wipes the operation
 * whatever the outcome. PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE
 * (different, or mac_length is not the MAC length), PSA_ERROR_BAD_STATE
 * (inactive or set up for signing). */
psa_status_t sha_x86_mac_verify_finish(sha_x86_mac_operation_t *operation,
                                       const uint8_t *mac, size_t mac_length);

/* "mac_abort": wipes the operation. Idempotent; always PSA_SUCCESS. */
psa_status_t sha_x86_mac_abort(sha_x86_mac_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_SHA_X86_SHA_X86_MAC_H_ */
