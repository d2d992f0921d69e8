// SPAKE2+ over P-256 with SHA-256 (RFC 9383, cipher suites
// P256-SHA256-HKDF-SHA256-HMAC-SHA256 and P256-SHA256-HKDF-SHA256-CMAC-AES128)
// and the Matter variant (draft-bar-cfrg-spake2plus-02 key schedule), over
// Mbed TLS ECP, SHA-256, HKDF, HMAC and CMAC. Private to drivers/builtin.
//
// Prover: outputs shareP = x*G + w0*M, inputs shareV, inputs confirmV,
// outputs confirmP. Verifier: inputs shareP, outputs shareV = y*G + w0*N,
// outputs confirmV, inputs confirmP. Every received share is checked to be
// an uncompressed point on the curve, not the identity, and not cancelling
// w0*M (resp. w0*N). Transcript:
//   TT = [len(Context) || Context] || len(idProver) || idProver ||
//        len(idVerifier) || idVerifier || len(M) || M || len(N) || N ||
//        len(shareP) || shareP || len(shareV) || shareV || len(Z) || Z ||
//        len(V) || V || len(w0) || w0
// with 8-byte little-endian lengths; the context part is left out when no
// context was given (RFC variants; Matter always has one).
// Key schedule:
//   RFC 9383: K_main = SHA-256(TT); K_confirmP || K_confirmV =
//     HKDF(salt = none, K_main, "ConfirmationKeys", 2 * key length) with the
//     MAC's key length (32 for HMAC-SHA-256, 16 for CMAC-AES-128);
//     K_shared = HKDF(none, K_main, "SharedKey", 32).
//   Matter: Ka || Ke = SHA-256(TT); KcA || KcB = HKDF(none, Ka,
//     "ConfirmationKeys", 32); K_shared = Ke (16 bytes).
// confirmP = MAC(K_confirmP, shareV), confirmV = MAC(K_confirmV, shareP);
// received confirmations are compared in constant time.
//
// The state is plain bytes and an mbedtls_sha256_context (no pointers), so
// a driver context can hold it; wiping it erases every secret.

#ifndef DRIVERS_BUILTIN_PAKE_SPAKE2PLUS_H_
#define DRIVERS_BUILTIN_PAKE_SPAKE2PLUS_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/builtin/pake/ecp_util.h"
#include "mbedtls/sha256.h"
#include "psa/crypto_driver_common.h"

namespace drivers::builtin::pake {

enum class Spake2pVariant : uint8_t { kHmac = 1, kCmac = 2, kMatter = 3 };

// Largest confirmation value (HMAC-SHA-256) and shared key.
inline constexpr size_t kSpake2pMaxConfirmSize = 32;
inline constexpr size_t kSpake2pMaxSharedKeySize = 32;

struct Spake2pState {
  uint8_t active;       // 1 after a successful Spake2pSetup.
  uint8_t variant;      // Spake2pVariant.
  uint8_t is_prover;    // 1: prover (client), 0: verifier (server).
  uint8_t stage;        // Progress, see spake2plus.cc.
  uint8_t w0[kScalarSize];
  uint8_t w1[kScalarSize];       // Prover only.
  uint8_t l[kPointSize];         // Verifier only: L = w1*G.
  uint8_t ephemeral[kScalarSize];  // x (prover) or y (verifier).
  uint8_t share_p[kPointSize];
  uint8_t share_v[kPointSize];
  uint8_t t[kPointSize];           // Verifier only: T = shareP - w0*M, from input to shareV.
  uint8_t confirm_p_key[kSpake2pMaxConfirmSize];
  uint8_t confirm_v_key[kSpake2pMaxConfirmSize];
  uint8_t shared_key[kSpake2pMaxSharedKeySize];
  mbedtls_sha256_context transcript;  // Absorbs TT as it becomes known.
};

// Starts an exchange. `key` is the key pair w0 || w1 (64 bytes) or, when
// `key_is_public` (verifier only), the public key w0 || L (97 bytes).
// `context` NULL means "no context" (not the same as an empty one).
// Draws the ephemeral scalar. PSA_ERROR_INVALID_ARGUMENT for malformed keys
// (scalars out of [1, n-1], L not a valid point) or a prover without w1.
psa_status_t Spake2pSetup(Spake2pState* state, Spake2pVariant variant, bool is_prover, const uint8_t* key,
                          size_t key_length, bool key_is_public, const uint8_t* prover_id, size_t prover_id_length,
                          const uint8_t* verifier_id, size_t verifier_id_length, const uint8_t* context,
                          size_t context_length);

// Outputs the next value of this role: the key share (65 bytes) or the
// confirmation (32 bytes for HMAC and Matter, 16 for CMAC).
// PSA_ERROR_BAD_STATE out of order, PSA_ERROR_BUFFER_TOO_SMALL.
psa_status_t Spake2pOutput(Spake2pState* state, psa_crypto_driver_pake_step_t step, uint8_t* output,
                           size_t output_size, size_t* output_length);

// Takes the peer's next value. PSA_ERROR_INVALID_ARGUMENT for an invalid
// share, PSA_ERROR_INVALID_SIGNATURE for a confirmation that does not
// match (including one of the wrong length), PSA_ERROR_BAD_STATE out of
// order.
psa_status_t Spake2pInput(Spake2pState* state, psa_crypto_driver_pake_step_t step, const uint8_t* input,
                          size_t input_length);

// The shared key K_shared, available once the key schedule is computed
// (after the shares, i.e. unconfirmed, or after full confirmation; not in
// between). PSA_ERROR_BAD_STATE otherwise.
psa_status_t Spake2pSharedKey(Spake2pState* state, uint8_t* output, size_t output_size, size_t* output_length);

// Length of the confirmation values and of the shared key of `variant`.
size_t Spake2pConfirmLength(Spake2pVariant variant);
size_t Spake2pSharedKeyLength(Spake2pVariant variant);

void Spake2pWipe(Spake2pState* state);

// Tests only: replaces the ephemeral scalar (x or y) drawn by setup, before
// the share is computed. PSA_ERROR_INVALID_ARGUMENT out of [1, n-1].
psa_status_t Spake2pSetEphemeralForTesting(Spake2pState* state, const uint8_t scalar[kScalarSize]);

}  // namespace drivers::builtin::pake

#endif  // DRIVERS_BUILTIN_PAKE_SPAKE2PLUS_H_
