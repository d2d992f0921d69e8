/* The sha_x86 driver's hash entry points: SHA-1, SHA-224 and SHA-256 with
 * the x86 SHA extensions (SHA-NI). Described by drivers/sha_x86/sha_x86.json
 * (prefix "sha_x86", transparent, "hash_compute" and "hash_multipart", with
 * fallback).
 *
 * On a CPU without SHA-NI, SSSE3 and SSE4.1 (checked with CPUID at run time;
 * see code_path.h for the SHA_X86_PATH override) compute and setup return
 * PSA_ERROR_NOT_SUPPORTED, and the dispatch falls back to the next driver.
 *
 * Includable from C and C++. Buffers of size 0 may be null. */

#ifndef DRIVERS_SHA_X86_SHA_X86_HASH_H_
#define DRIVERS_SHA_X86_SHA_X86_HASH_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/sha_x86/sha_x86_digest_state.h"
#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Operation context of the "hash_multipart" family. The core creates it
 * all-bits-zero (inactive: alg == 0). No pointers: the core clones an
 * active operation with memcpy. Wiped (all-bits-zero again) by finish,
 * abort and every failure. */
typedef struct sha_x86_hash_operation_s {
  psa_algorithm_t alg; /* 0 while inactive */
  sha_x86_digest_state_t state;
} sha_x86_hash_operation_t;

/* "hash_compute": the hash of `input` with `alg` into `hash`; sets
 * *hash_length to the digest length on success, to 0 on failure. `input`
 * may overlap `hash`. Returns PSA_SUCCESS, PSA_ERROR_NOT_SUPPORTED (alg is
 * not SHA-1, SHA-224 or SHA-256, or no SHA-NI), PSA_ERROR_BUFFER_TOO_SMALL
 * (hash_size < PSA_HASH_LENGTH(alg); `hash` not written). */
psa_status_t sha_x86_hash_compute(psa_algorithm_t alg, const uint8_t *input,
                                  size_t input_length, uint8_t *hash,
                                  size_t hash_size, size_t *hash_length);

/* "hash_setup": starts `alg` on an inactive operation. Returns PSA_SUCCESS,
 * PSA_ERROR_NOT_SUPPORTED (as for compute; operation left inactive),
 * PSA_ERROR_BAD_STATE (operation already active; left as it is). */
psa_status_t sha_x86_hash_setup(sha_x86_hash_operation_t *operation,
                                psa_algorithm_t alg);

/* "hash_update": absorbs `input`. Returns PSA_SUCCESS or
 * PSA_ERROR_BAD_STATE (operation inactive; wiped). */
psa_status_t sha_x86_hash_update(sha_x86_hash_operation_t *operation,
                                 const uint8_t *input, size_t input_length);

/* "hash_finish": writes the digest to `hash`, sets *hash_length (0 on
 * failure) and wipes the operation whatever the outcome. Returns
 * PSA_SUCCESS, PSA_ERROR_BAD_STATE (inactive), PSA_ERROR_BUFFER_TOO_SMALL
 * (hash_size < the digest length; `hash` not written). */
psa_status_t sha_x86_hash_finish(sha_x86_hash_operation_t *operation,
                                 uint8_t *hash, size_t hash_size,
                                 size_t *hash_length);

/* "hash_abort": wipes the operation, active or not. Always PSA_SUCCESS. */
psa_status_t sha_x86_hash_abort(sha_x86_hash_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_SHA_X86_SHA_X86_HASH_H_ */
