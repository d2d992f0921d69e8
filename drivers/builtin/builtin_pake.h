/* The builtin driver's PAKE entry points ("pake" family of
 * drivers/builtin/builtin.json): EC J-PAKE and SPAKE2+ over P-256 with
 * SHA-256, in software over Mbed TLS (protocol units in pake/).
 *
 * Supported cipher suites (primitive
 * PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256)):
 *   - PSA_ALG_JPAKE(PSA_ALG_SHA_256) with a PSA_KEY_TYPE_PASSWORD or
 *     PSA_KEY_TYPE_PASSWORD_HASH key, a user and a peer identity (each at
 *     most 256 bytes); wire-compatible with Mbed TLS's mbedtls_ecjpake when
 *     the identities are "client" and "server". Shared secret: the point K,
 *     uncompressed (65 bytes, the input of PSA_ALG_TLS12_ECJPAKE_TO_PMS).
 *   - PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256), PSA_ALG_SPAKE2P_CMAC(
 *     PSA_ALG_SHA_256) (RFC 9383) and PSA_ALG_SPAKE2P_MATTER, role
 *     PSA_PAKE_ROLE_CLIENT (prover, SPAKE2+ key pair) or
 *     PSA_PAKE_ROLE_SERVER (verifier, key pair or public key), optional
 *     identities and context. Shared secret: K_shared (32 bytes; Matter: Ke,
 *     16 bytes).
 * Anything else is PSA_ERROR_NOT_SUPPORTED at setup.
 *
 * Steps are the PSA_JPAKE_* and PSA_SPAKE2P_STEP_* values of
 * psa/crypto_driver_common.h; a step out of the protocol's order is
 * PSA_ERROR_BAD_STATE. Received values are validated (points on the curve,
 * not the identity; scalars below the group order): malformed ones give
 * PSA_ERROR_INVALID_ARGUMENT, failed proofs or confirmations
 * PSA_ERROR_INVALID_SIGNATURE. The context holds no pointer and no heap
 * memory; abort and every failure of setup wipe it. Includable from C and
 * C++. */

#ifndef DRIVERS_BUILTIN_BUILTIN_PAKE_H_
#define DRIVERS_BUILTIN_BUILTIN_PAKE_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Room for the protocol state (a J-PAKE or SPAKE2+ state of pake/, checked
 * by a static_assert in builtin_pake.cc). */
#define BUILTIN_PAKE_STATE_SIZE 1280

/* Operation context of the "pake" family. Inactive when all-bits-zero. */
typedef struct builtin_pake_operation_s {
  psa_algorithm_t alg; /* 0: inactive */
  union {
    uint8_t bytes[BUILTIN_PAKE_STATE_SIZE];
    uint64_t align;
  } state;
} builtin_pake_operation_t;

/* "pake_setup": reads the cipher suite, the password key, role,
 * identities and context from `inputs` and starts the protocol (drawing
 * the ephemeral keys). PSA_ERROR_NOT_SUPPORTED (suite, key type), 
 * PSA_ERROR_INVALID_ARGUMENT (a key that is not valid for the protocol:
 * a J-PAKE password that is 0 modulo the group order, SPAKE2+ values out of
 * range, a prover with a public key), PSA_ERROR_BAD_STATE (an active
 * operation, or inputs the algorithm needs missing), or the random
 * generator's status. */
psa_status_t builtin_pake_setup(builtin_pake_operation_t *operation,
                                const psa_crypto_driver_pake_inputs_t *inputs);

/* Not an entry point: builtin_pake_setup with the password given by the
 * caller instead of read from `inputs`: password[0..password_length) is
 * the export format of a key of type `password_type` (the password bytes;
 * for SPAKE2+ keys w0 || w1 or w0 || L); the suite, role, identities and
 * context still come from `inputs`, and the password key's location is not
 * looked at. For an opaque driver that keeps the password wrapped in its
 * key context and unwraps it itself (drivers/test). Statuses as
 * builtin_pake_setup's. */
psa_status_t builtin_pake_setup_with_password(
    builtin_pake_operation_t *operation,
    const psa_crypto_driver_pake_inputs_t *inputs,
    psa_key_type_t password_type, const uint8_t *password,
    size_t password_length);

/* "pake_output": writes the output of `step`; PSA_ERROR_BUFFER_TOO_SMALL
 * (nothing written). */
psa_status_t builtin_pake_output(builtin_pake_operation_t *operation,
                                 psa_crypto_driver_pake_step_t step,
                                 uint8_t *output, size_t output_size,
                                 size_t *output_length);

/* "pake_input": takes the peer's data for `step`. */
psa_status_t builtin_pake_input(builtin_pake_operation_t *operation,
                                psa_crypto_driver_pake_step_t step,
                                const uint8_t *input, size_t input_size);

/* "pake_get_implicit_key": writes the shared secret (see above) once the
 * exchange allows it; PSA_ERROR_BAD_STATE before. */
psa_status_t builtin_pake_get_implicit_key(builtin_pake_operation_t *operation,
                                           uint8_t *output, size_t output_size,
                                           size_t *output_length);

/* "pake_abort": wipes the context. Always PSA_SUCCESS. */
psa_status_t builtin_pake_abort(builtin_pake_operation_t *operation);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_BUILTIN_BUILTIN_PAKE_H_ */
