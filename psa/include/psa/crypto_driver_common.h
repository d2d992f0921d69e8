// What a PSA Cryptoprocessor driver needs from the PSA Crypto API: the
// types, values and size macros, the key attribute accessors (drivers read
// psa_get_key_type(attributes), psa_get_key_bits(attributes), ...), and the
// flags of the `get_entropy` entry point.
//
// Drivers include this header (and their own headers) only. It declares no
// function of the application API: a driver does not call back into the API
// it implements, with one exception: a software driver that needs random
// numbers (key generation, randomized signatures) may call
// psa_generate_random(). The core serves it from its DRBG, which uses only
// the hash and get_entropy entry points: a driver's hash or get_entropy entry
// points must therefore not call it.

#ifndef PSA_CRYPTO_DRIVER_COMMON_H_
#define PSA_CRYPTO_DRIVER_COMMON_H_

#include <stddef.h>
#include <stdint.h>

#include "crypto_platform.h"
#include "crypto_types.h"
#include "crypto_values.h"
#include "crypto_sizes.h"
#include "crypto_struct.h"

#ifdef __cplusplus
extern "C" {
#endif

// Flags of the `get_entropy` driver entry point.
typedef uint32_t psa_driver_get_entropy_flags_t;

// The driver should not block: when no entropy is readily available it may
// return PSA_ERROR_INSUFFICIENT_ENTROPY (permitted only with this flag).
#define PSA_DRIVER_GET_ENTROPY_NONBLOCK ((psa_driver_get_entropy_flags_t)0x1)

// The core expects to call the entry point again shortly: the driver may
// keep its entropy source powered and ready.
#define PSA_DRIVER_GET_ENTROPY_KEEPALIVE ((psa_driver_get_entropy_flags_t)0x2)

// Types that the prototypes of the key-derivation, PAKE and built-in key
// entry points name. The input structures are owned by the core and only
// reached through pointers; drivers read them with accessor functions that
// the core will provide with those operation families.
typedef struct psa_crypto_driver_key_derivation_inputs_s psa_crypto_driver_key_derivation_inputs_t;
typedef struct psa_crypto_driver_pake_inputs_s psa_crypto_driver_pake_inputs_t;

// ---- Key derivation inputs (PSA driver interface, "Key derivation driver
// initial inputs") ----
// What a "key_derivation_setup" entry point learns about each input step of
// the operation through `inputs`, which is valid only until it returns.

typedef enum psa_crypto_driver_key_derivation_input_type_e {
    // The step is not an input of the operation's algorithm.
    PSA_KEY_DERIVATION_INPUT_TYPE_INVALID = 0,
    // An optional step of the algorithm that the application left out.
    PSA_KEY_DERIVATION_INPUT_TYPE_OMITTED,
    // A byte string given directly (psa_key_derivation_input_bytes()).
    PSA_KEY_DERIVATION_INPUT_TYPE_BYTES,
    // A byte string in a key (psa_key_derivation_input_key(), or the shared
    // secret of psa_key_derivation_key_agreement()).
    PSA_KEY_DERIVATION_INPUT_TYPE_KEY,
    // A number (psa_key_derivation_input_integer()).
    PSA_KEY_DERIVATION_INPUT_TYPE_INTEGER,
} psa_crypto_driver_key_derivation_input_type_t;

// How the input `step` is present in `inputs` (see the enumeration).
psa_crypto_driver_key_derivation_input_type_t
psa_crypto_driver_key_derivation_get_input_type(
    const psa_crypto_driver_key_derivation_inputs_t *inputs,
    psa_key_derivation_step_t step);

// Sets `*size` to the length in bytes of the BYTES or KEY input `step` (for
// a key: the length of its key buffer). PSA_ERROR_INVALID_ARGUMENT for an
// omitted, integer or invalid step.
psa_status_t psa_crypto_driver_key_derivation_get_input_size(
    const psa_crypto_driver_key_derivation_inputs_t *inputs,
    psa_key_derivation_step_t step,
    size_t *size);

// Copies the BYTES input `step` into buffer[0..buffer_size) and sets
// `*buffer_length`. PSA_ERROR_BUFFER_TOO_SMALL (nothing copied) if
// buffer_size is less than the input's size; PSA_ERROR_INVALID_ARGUMENT if
// the step is not a BYTES input.
psa_status_t psa_crypto_driver_key_derivation_get_input_bytes(
    const psa_crypto_driver_key_derivation_inputs_t *inputs,
    psa_key_derivation_step_t step,
    uint8_t *buffer, size_t buffer_size, size_t *buffer_length);

// For the KEY input `step`: sets `*p_key_buffer` and `*key_buffer_size` to
// its key buffer (the key context of an opaque key), valid until the entry
// point returns. `attributes` is in the specification's prototype but not
// read (may be NULL). PSA_ERROR_INVALID_ARGUMENT if the step is not a KEY
// input.
psa_status_t psa_crypto_driver_key_derivation_get_input_key(
    const psa_crypto_driver_key_derivation_inputs_t *inputs,
    psa_key_derivation_step_t step,
    const psa_key_attributes_t *attributes,
    uint8_t **p_key_buffer, size_t *key_buffer_size);

// Sets `*value` to the INTEGER input `step`. PSA_ERROR_INVALID_ARGUMENT if
// the step is not an INTEGER input.
psa_status_t psa_crypto_driver_key_derivation_get_input_integer(
    const psa_crypto_driver_key_derivation_inputs_t *inputs,
    psa_key_derivation_step_t step,
    uint64_t *value);

// A step of a PAKE protocol as the core tells it to a driver.
typedef uint8_t psa_crypto_driver_pake_step_t;

// ---- PAKE driver steps (PSA driver interface, "PAKE driver output") ----
// The core turns each psa_pake_output()/psa_pake_input() call into one of
// these from the API step and the call's place in the algorithm's sequence.

// No step (never passed to a driver).
#define PSA_JPAKE_STEP_INVALID ((psa_crypto_driver_pake_step_t)0)
// J-PAKE round one: our key shares X1, X2 on output, the peer's X3, X4 on
// input (the same step values), each followed by its Schnorr proof (V, r).
#define PSA_JPAKE_X1_STEP_KEY_SHARE ((psa_crypto_driver_pake_step_t)1)
#define PSA_JPAKE_X1_STEP_ZK_PUBLIC ((psa_crypto_driver_pake_step_t)2)
#define PSA_JPAKE_X1_STEP_ZK_PROOF ((psa_crypto_driver_pake_step_t)3)
#define PSA_JPAKE_X2_STEP_KEY_SHARE ((psa_crypto_driver_pake_step_t)4)
#define PSA_JPAKE_X2_STEP_ZK_PUBLIC ((psa_crypto_driver_pake_step_t)5)
#define PSA_JPAKE_X2_STEP_ZK_PROOF ((psa_crypto_driver_pake_step_t)6)
// J-PAKE round two, output: A = (x2*s)*(X1+X3+X4) and its proof.
#define PSA_JPAKE_X2S_STEP_KEY_SHARE ((psa_crypto_driver_pake_step_t)7)
#define PSA_JPAKE_X2S_STEP_ZK_PUBLIC ((psa_crypto_driver_pake_step_t)8)
#define PSA_JPAKE_X2S_STEP_ZK_PROOF ((psa_crypto_driver_pake_step_t)9)
// J-PAKE round two, input: the peer's B = (x4*s)*(X1+X2+X3) and its proof.
#define PSA_JPAKE_X4S_STEP_KEY_SHARE ((psa_crypto_driver_pake_step_t)10)
#define PSA_JPAKE_X4S_STEP_ZK_PUBLIC ((psa_crypto_driver_pake_step_t)11)
#define PSA_JPAKE_X4S_STEP_ZK_PROOF ((psa_crypto_driver_pake_step_t)12)
// SPAKE2+ (this implementation's values; the driver interface names none):
// the prover's and the verifier's key shares and confirmation values. The
// prover outputs SHARE_P and CONFIRM_P and inputs SHARE_V and CONFIRM_V;
// the verifier the other way round.
#define PSA_SPAKE2P_STEP_SHARE_P ((psa_crypto_driver_pake_step_t)0x11)
#define PSA_SPAKE2P_STEP_SHARE_V ((psa_crypto_driver_pake_step_t)0x12)
#define PSA_SPAKE2P_STEP_CONFIRM_P ((psa_crypto_driver_pake_step_t)0x13)
#define PSA_SPAKE2P_STEP_CONFIRM_V ((psa_crypto_driver_pake_step_t)0x14)

// ---- PAKE driver inputs (PSA driver interface, "PAKE driver inputs") ----
// What a "pake_setup" entry point reads from `inputs`, which is valid only
// until it returns: a driver copies what it needs. Every getter returns
// PSA_SUCCESS, or PSA_ERROR_BAD_STATE when the value was not provided
// (no user, peer or context was set); the output pointers must not be
// NULL. Defined by the core (psa/core/pake_inputs.cc).

// The length of the password: the key buffer of the password key (for a
// transparent key, its export format; for SPAKE2+ keys w0 || w1 or
// w0 || L).
psa_status_t psa_crypto_driver_pake_get_password_len(
    const psa_crypto_driver_pake_inputs_t *inputs,
    size_t *password_len);

// Copies the password into buffer[0..buffer_size). PSA_ERROR_BUFFER_TOO_SMALL
// (nothing copied) if buffer_size is less than its length.
psa_status_t psa_crypto_driver_pake_get_password_bytes(
    const psa_crypto_driver_pake_inputs_t *inputs,
    uint8_t *buffer, size_t buffer_size, size_t *buffer_length);

// Points *p_key_buffer at the password key's buffer (an opaque driver's key
// context) and sets *key_buffer_size. `attributes` is in the
// specification's prototype but not read (may be NULL); use
// psa_crypto_driver_pake_get_password_attributes().
psa_status_t psa_crypto_driver_pake_get_password_key(
    const psa_crypto_driver_pake_inputs_t *inputs,
    uint8_t **p_key_buffer, size_t *key_buffer_size,
    const psa_key_attributes_t *attributes);

// Extension: the attributes of the password key (its type tells a SPAKE2+
// key pair from a public key).
psa_status_t psa_crypto_driver_pake_get_password_attributes(
    const psa_crypto_driver_pake_inputs_t *inputs,
    psa_key_attributes_t *attributes);

// The user (own) identity set with psa_pake_set_user().
psa_status_t psa_crypto_driver_pake_get_user_len(
    const psa_crypto_driver_pake_inputs_t *inputs,
    size_t *user_len);
psa_status_t psa_crypto_driver_pake_get_user(
    const psa_crypto_driver_pake_inputs_t *inputs,
    uint8_t *user_id, size_t user_id_size, size_t *user_id_len);

// The peer identity set with psa_pake_set_peer().
psa_status_t psa_crypto_driver_pake_get_peer_len(
    const psa_crypto_driver_pake_inputs_t *inputs,
    size_t *peer_len);
psa_status_t psa_crypto_driver_pake_get_peer(
    const psa_crypto_driver_pake_inputs_t *inputs,
    uint8_t *peer_id, size_t peer_id_size, size_t *peer_id_length);

// Extension for SPAKE2+: the context set with psa_pake_set_context()
// (PSA_ERROR_BAD_STATE when none was set, which differs from an empty one).
psa_status_t psa_crypto_driver_pake_get_context_len(
    const psa_crypto_driver_pake_inputs_t *inputs,
    size_t *context_len);
psa_status_t psa_crypto_driver_pake_get_context(
    const psa_crypto_driver_pake_inputs_t *inputs,
    uint8_t *context, size_t context_size, size_t *context_length);

// Extension: the role set with psa_pake_set_role() (PSA_PAKE_ROLE_NONE
// when none was set).
psa_status_t psa_crypto_driver_pake_get_role(
    const psa_crypto_driver_pake_inputs_t *inputs,
    psa_pake_role_t *role);

// The cipher suite given to psa_pake_setup().
psa_status_t psa_crypto_driver_pake_get_cipher_suite(
    const psa_crypto_driver_pake_inputs_t *inputs,
    psa_pake_cipher_suite_t *cipher_suite);

// The slot number of a built-in key in a secure element.
typedef uint64_t psa_drv_slot_number_t;

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // PSA_CRYPTO_DRIVER_COMMON_H_
