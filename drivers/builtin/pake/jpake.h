// EC J-PAKE over P-256 with SHA-256 (RFC 8236, Schnorr proofs of RFC 8235),
// wire-compatible with Mbed TLS's mbedtls_ecjpake (the Thread 1.0 variant):
// the proof hash is H(G || V || X || id) with each field preceded by its
// 4-byte big-endian length, points uncompressed, and id the prover's
// identity. Debian's Mbed TLS 2.28 is built without MBEDTLS_ECJPAKE_C, so
// the protocol is written here over ECP and bignum. Private to
// drivers/builtin.
//
// The state is plain bytes (no pointers, no heap), so a driver context can
// hold it and wiping it erases every secret. Steps are the driver
// interface's PSA_JPAKE_* steps, in the driver interface's order:
//   outputs X1 (KEY_SHARE, ZK_PUBLIC, ZK_PROOF), X2 (...), then X2S (...);
//   inputs  X1 (...), X2 (...) [the peer's x3, x4], then X4S (...).
// Round-one outputs and inputs may come in either order; the X2S output
// needs the round-one inputs, the X4S input the round-one outputs.
// Sizes: KEY_SHARE and ZK_PUBLIC 65 bytes (uncompressed point); ZK_PROOF
// 32 bytes on output, 1..32 big-endian bytes on input.

#ifndef DRIVERS_BUILTIN_PAKE_JPAKE_H_
#define DRIVERS_BUILTIN_PAKE_JPAKE_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/builtin/pake/ecp_util.h"
#include "psa/crypto_driver_common.h"

namespace drivers::builtin::pake {

// Longest user or peer identity the state keeps.
inline constexpr size_t kJpakeMaxIdLength = 256;

// The shared secret: the point K, uncompressed (the input of
// PSA_ALG_TLS12_ECJPAKE_TO_PMS).
inline constexpr size_t kJpakeSharedSecretSize = kPointSize;

struct JpakeState {
  uint8_t active;                 // 1 after a successful JpakeSetup.
  uint8_t outputs_done;           // Output steps done, in order (0..9).
  uint8_t inputs_done;            // Input steps done, in order (0..9).
  uint8_t secret[kScalarSize];    // s: the password modulo n.
  uint8_t x1[kScalarSize];        // Our ephemeral scalars.
  uint8_t x2[kScalarSize];
  uint8_t own_x1[kPointSize];     // X1 = x1*G, X2 = x2*G.
  uint8_t own_x2[kPointSize];
  uint8_t peer_x1[kPointSize];    // The peer's X3 and X4, once verified.
  uint8_t peer_x2[kPointSize];
  uint8_t peer_round2[kPointSize];  // B, once verified.
  uint8_t pending_public[kPointSize];  // Output: V of the proof being sent.
  uint8_t pending_proof[kScalarSize];  // Output: r of the proof being sent.
  uint8_t pending_key[kPointSize];     // Input: the key share being proven.
  uint8_t pending_zk[kPointSize];      // Input: V of the proof being read.
  uint8_t user[kJpakeMaxIdLength];
  uint8_t peer[kJpakeMaxIdLength];
  uint16_t user_length;
  uint16_t peer_length;
};

// Starts an exchange with `password` (any length; reduced modulo n) and
// the identities. Draws x1 and x2. PSA_ERROR_INVALID_ARGUMENT if the
// password is 0 modulo n; PSA_ERROR_NOT_SUPPORTED for an identity longer
// than kJpakeMaxIdLength; PSA_ERROR_BAD_STATE on an active state.
psa_status_t JpakeSetup(JpakeState* state, const uint8_t* password, size_t password_length, const uint8_t* user,
                        size_t user_length, const uint8_t* peer, size_t peer_length);

// Writes the output of `step`. PSA_ERROR_BAD_STATE for a step out of order,
// PSA_ERROR_BUFFER_TOO_SMALL (nothing written), PSA_ERROR_INVALID_ARGUMENT
// when the round-two generator X1+X3+X4 is the identity.
psa_status_t JpakeOutput(JpakeState* state, psa_crypto_driver_pake_step_t step, uint8_t* output, size_t output_size,
                         size_t* output_length);

// Takes the peer's data for `step`. PSA_ERROR_INVALID_ARGUMENT for a
// malformed point or proof value; PSA_ERROR_INVALID_SIGNATURE when a proof
// does not verify (wrong data, wrong identity); PSA_ERROR_BAD_STATE for a
// step out of order.
psa_status_t JpakeInput(JpakeState* state, psa_crypto_driver_pake_step_t step, const uint8_t* input,
                        size_t input_length);

// Writes K = (B - X4*x2*s) * x2 once both rounds are complete.
// PSA_ERROR_BAD_STATE before, PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t JpakeSharedSecret(JpakeState* state, uint8_t* output, size_t output_size, size_t* output_length);

// Erases the state (inactive again).
void JpakeWipe(JpakeState* state);

// Tests only: replaces the ephemeral scalars drawn by JpakeSetup (before
// any output), for known-answer tests. PSA_ERROR_INVALID_ARGUMENT for a
// scalar out of [1, n-1].
psa_status_t JpakeSetEphemeralForTesting(JpakeState* state, const uint8_t x1[kScalarSize],
                                         const uint8_t x2[kScalarSize]);

}  // namespace drivers::builtin::pake

#endif  // DRIVERS_BUILTIN_PAKE_JPAKE_H_
