// SPAKE2+ over P-256 (see spake2plus.h).
//
// Stages, the same numbers for both roles:
//   prover:   0 -> out shareP -> 1 -> in shareV -> 2 -> in confirmV -> 3 -> out confirmP -> 4
//   verifier: 0 -> in shareP -> 1 -> out shareV -> 2 -> out confirmV -> 3 -> in confirmP -> 4
// The key schedule is computed on entering stage 2; the shared key can be
// read at stage 2 (unconfirmed) or 4 (confirmed).

#include "drivers/builtin/pake/spake2plus.h"

#include <string.h>

#include "mbedtls/cipher.h"
#include "mbedtls/cmac.h"
#include "mbedtls/hkdf.h"
#include "mbedtls/md.h"
#include "mbedtls/platform_util.h"

// Debian's Mbed TLS 2.28 constant_time.h has no C++ linkage guard.
extern "C" {
#include "mbedtls/constant_time.h"
}

namespace drivers::builtin::pake {
namespace {

// RFC 9383, section 4: M and N for P-256, uncompressed.
constexpr uint8_t kM[kPointSize] = {
    0x04, 0x88, 0x6e, 0x2f, 0x97, 0xac, 0xe4, 0x6e, 0x55, 0xba, 0x9d, 0xd7, 0x24, 0x25, 0x79, 0xf2, 0x99,
    0x3b, 0x64, 0xe1, 0x6e, 0xf3, 0xdc, 0xab, 0x95, 0xaf, 0xd4, 0x97, 0x33, 0x3d, 0x8f, 0xa1, 0x2f, 0x5f,
    0xf3, 0x55, 0x16, 0x3e, 0x43, 0xce, 0x22, 0x4e, 0x0b, 0x0e, 0x65, 0xff, 0x02, 0xac, 0x8e, 0x5c, 0x7b,
    0xe0, 0x94, 0x19, 0xc7, 0x85, 0xe0, 0xca, 0x54, 0x7d, 0x55, 0xa1, 0x2e, 0x2d, 0x20};
constexpr uint8_t kN[kPointSize] = {
    0x04, 0xd8, 0xbb, 0xd6, 0xc6, 0x39, 0xc6, 0x29, 0x37, 0xb0, 0x4d, 0x99, 0x7f, 0x38, 0xc3, 0x77, 0x07,
    0x19, 0xc6, 0x29, 0xd7, 0x01, 0x4d, 0x49, 0xa2, 0x4b, 0x4f, 0x98, 0xba, 0xa1, 0x29, 0x2b, 0x49, 0x07,
    0xd6, 0x0a, 0xa6, 0xbf, 0xad, 0xe4, 0x50, 0x08, 0xa6, 0x36, 0x33, 0x7f, 0x51, 0x68, 0xc6, 0x4d, 0x9b,
    0xd3, 0x60, 0x34, 0x80, 0x8c, 0xd5, 0x64, 0x49, 0x0b, 0x1e, 0x65, 0x6e, 0xdb, 0xe7};

constexpr uint8_t kConfirmationKeys[] = "ConfirmationKeys";
constexpr uint8_t kSharedKey[] = "SharedKey";

Spake2pVariant VariantOf(const Spake2pState& state) { return static_cast<Spake2pVariant>(state.variant); }

// Absorbs len(data) (8 bytes, little-endian) || data into the transcript.
int Absorb(Spake2pState* state, const uint8_t* data, size_t length) {
  uint8_t prefix[8];
  for (size_t i = 0; i < sizeof(prefix); ++i) prefix[i] = static_cast<uint8_t>(static_cast<uint64_t>(length) >> (8 * i));
  int ret = mbedtls_sha256_update_ret(&state->transcript, prefix, sizeof(prefix));
  if (ret == 0 && length != 0) ret = mbedtls_sha256_update_ret(&state->transcript, data, length);
  return ret;
}

psa_status_t LoadStoredPoint(P256& group, const uint8_t bytes[kPointSize], Point* point) {
  const psa_status_t status = ReadPoint(group, bytes, kPointSize, point);
  return status == PSA_ERROR_INVALID_ARGUMENT ? PSA_ERROR_CORRUPTION_DETECTED : status;
}

psa_status_t LoadStoredScalar(P256& group, const uint8_t bytes[kScalarSize], Mpi* scalar) {
  const psa_status_t status = ReadScalar(group, bytes, kScalarSize, scalar);
  return status == PSA_ERROR_INVALID_ARGUMENT ? PSA_ERROR_CORRUPTION_DETECTED : status;
}

// share - w0 * base for a received share (base M for shareP, N for shareV).
// PSA_ERROR_INVALID_ARGUMENT when the share is invalid or equals w0*base.
psa_status_t Unblind(P256& group, const Spake2pState& state, const uint8_t* share, size_t share_length,
                     const uint8_t base_bytes[kPointSize], Point* result) {
  Point received, base, blinding;
  Mpi w0, minus_w0;
  psa_status_t status = ReadPoint(group, share, share_length, &received);
  if (status != PSA_SUCCESS) return status;
  status = LoadStoredPoint(group, base_bytes, &base);
  if (status == PSA_SUCCESS) status = LoadStoredScalar(group, state.w0, &w0);
  if (status == PSA_SUCCESS) {
    status = StatusFromMbedtls(mbedtls_mpi_sub_mpi(minus_w0.get(), group.order(), w0.get()));
  }
  if (status == PSA_SUCCESS) status = Multiply(group, &blinding, minus_w0, base);
  if (status == PSA_SUCCESS) status = Add(group, result, received, blinding);
  if (status == PSA_SUCCESS && mbedtls_ecp_is_zero(result->get())) status = PSA_ERROR_INVALID_ARGUMENT;
  return status;
}

// ephemeral*G + w0*base, written to `share`.
psa_status_t MakeShare(P256& group, const Spake2pState& state, const uint8_t base_bytes[kPointSize],
                       uint8_t share[kPointSize]) {
  Mpi e, w0;
  Point base, e_g, w0_base, sum;
  psa_status_t status = LoadStoredScalar(group, state.ephemeral, &e);
  if (status == PSA_SUCCESS) status = LoadStoredScalar(group, state.w0, &w0);
  if (status == PSA_SUCCESS) status = LoadStoredPoint(group, base_bytes, &base);
  if (status == PSA_SUCCESS) status = MultiplyGenerator(group, &e_g, e);
  if (status == PSA_SUCCESS) status = Multiply(group, &w0_base, w0, base);
  if (status == PSA_SUCCESS) status = Add(group, &sum, e_g, w0_base);
  // The identity would need e = -w0 * log(base): probability 2^-256.
  if (status == PSA_SUCCESS) status = WritePoint(group, sum, share);
  return status;
}

psa_status_t Mac(Spake2pVariant variant, const uint8_t* key, const uint8_t* message, size_t message_length,
                 uint8_t out[kSpake2pMaxConfirmSize]) {
  int ret = 0;
  if (variant == Spake2pVariant::kCmac) {
    const mbedtls_cipher_info_t* info = mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_ECB);
    if (info == nullptr) return PSA_ERROR_NOT_SUPPORTED;
    ret = mbedtls_cipher_cmac(info, key, 128, message, message_length, out);
  } else {
    const size_t key_length = variant == Spake2pVariant::kMatter ? 16 : 32;
    ret = mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), key, key_length, message, message_length,
                          out);
  }
  return ret == 0 ? PSA_SUCCESS : PSA_ERROR_CORRUPTION_DETECTED;
}

// Finishes TT with shareP, shareV, Z, V, w0 and derives the keys.
psa_status_t KeySchedule(P256& group, Spake2pState* state, const Point& z, const Point& v) {
  uint8_t z_bytes[kPointSize], v_bytes[kPointSize], k_main[32], confirm_keys[64];
  psa_status_t status = WritePoint(group, z, z_bytes);
  if (status == PSA_SUCCESS) status = WritePoint(group, v, v_bytes);
  int ret = status == PSA_SUCCESS ? 0 : -1;
  if (ret == 0) ret = Absorb(state, state->share_p, kPointSize);
  if (ret == 0) ret = Absorb(state, state->share_v, kPointSize);
  if (ret == 0) ret = Absorb(state, z_bytes, kPointSize);
  if (ret == 0) ret = Absorb(state, v_bytes, kPointSize);
  if (ret == 0) ret = Absorb(state, state->w0, kScalarSize);
  if (ret == 0) ret = mbedtls_sha256_finish_ret(&state->transcript, k_main);
  const mbedtls_md_info_t* sha256 = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
  const Spake2pVariant variant = VariantOf(*state);
  if (ret == 0 && variant == Spake2pVariant::kMatter) {
    // Ka = K_main[0..16), Ke = K_main[16..32).
    ret = mbedtls_hkdf(sha256, nullptr, 0, k_main, 16, kConfirmationKeys, sizeof(kConfirmationKeys) - 1,
                       confirm_keys, 32);
    if (ret == 0) {
      memcpy(state->confirm_p_key, confirm_keys, 16);
      memcpy(state->confirm_v_key, confirm_keys + 16, 16);
      memcpy(state->shared_key, k_main + 16, 16);
    }
  } else if (ret == 0) {
    const size_t key_length = variant == Spake2pVariant::kCmac ? 16 : 32;
    ret = mbedtls_hkdf(sha256, nullptr, 0, k_main, sizeof(k_main), kConfirmationKeys,
                       sizeof(kConfirmationKeys) - 1, confirm_keys, 2 * key_length);
    if (ret == 0) {
      memcpy(state->confirm_p_key, confirm_keys, key_length);
      memcpy(state->confirm_v_key, confirm_keys + key_length, key_length);
      ret = mbedtls_hkdf(sha256, nullptr, 0, k_main, sizeof(k_main), kSharedKey, sizeof(kSharedKey) - 1,
                         state->shared_key, 32);
    }
  }
  mbedtls_platform_zeroize(z_bytes, sizeof(z_bytes));
  mbedtls_platform_zeroize(v_bytes, sizeof(v_bytes));
  mbedtls_platform_zeroize(k_main, sizeof(k_main));
  mbedtls_platform_zeroize(confirm_keys, sizeof(confirm_keys));
  if (status != PSA_SUCCESS) return status;
  return ret == 0 ? PSA_SUCCESS : PSA_ERROR_CORRUPTION_DETECTED;
}

// Prover, on shareV: Z = x*(Y - w0*N), V = w1*(Y - w0*N).
psa_status_t ProverReceiveShare(Spake2pState* state, const uint8_t* input, size_t input_length) {
  P256 group;
  Point t, z, v;
  Mpi x, w1;
  psa_status_t status = group.Load();
  if (status == PSA_SUCCESS) status = Unblind(group, *state, input, input_length, kN, &t);
  if (status != PSA_SUCCESS) return status;
  memcpy(state->share_v, input, kPointSize);
  status = LoadStoredScalar(group, state->ephemeral, &x);
  if (status == PSA_SUCCESS) status = LoadStoredScalar(group, state->w1, &w1);
  if (status == PSA_SUCCESS) status = Multiply(group, &z, x, t);
  if (status == PSA_SUCCESS) status = Multiply(group, &v, w1, t);
  if (status == PSA_SUCCESS) status = KeySchedule(group, state, z, v);
  return status;
}

// Verifier, on producing shareV (T = X - w0*M stored at input): Z = y*T,
// V = y*L.
psa_status_t VerifierMakeShare(Spake2pState* state) {
  P256 group;
  Point t, l, z, v;
  Mpi y;
  psa_status_t status = group.Load();
  if (status == PSA_SUCCESS) status = MakeShare(group, *state, kN, state->share_v);
  if (status == PSA_SUCCESS) status = LoadStoredPoint(group, state->t, &t);
  if (status == PSA_SUCCESS) status = LoadStoredScalar(group, state->ephemeral, &y);
  if (status == PSA_SUCCESS) status = LoadStoredPoint(group, state->l, &l);
  if (status == PSA_SUCCESS) status = Multiply(group, &z, y, t);
  if (status == PSA_SUCCESS) status = Multiply(group, &v, y, l);
  if (status == PSA_SUCCESS) status = KeySchedule(group, state, z, v);
  return status;
}

psa_status_t OwnConfirmation(const Spake2pState& state, uint8_t out[kSpake2pMaxConfirmSize]) {
  // confirmP = MAC(K_confirmP, shareV); confirmV = MAC(K_confirmV, shareP).
  return state.is_prover ? Mac(VariantOf(state), state.confirm_p_key, state.share_v, kPointSize, out)
                         : Mac(VariantOf(state), state.confirm_v_key, state.share_p, kPointSize, out);
}

psa_status_t CheckPeerConfirmation(const Spake2pState& state, const uint8_t* input, size_t input_length) {
  uint8_t expected[kSpake2pMaxConfirmSize];
  const size_t length = Spake2pConfirmLength(VariantOf(state));
  psa_status_t status = state.is_prover
                            ? Mac(VariantOf(state), state.confirm_v_key, state.share_p, kPointSize, expected)
                            : Mac(VariantOf(state), state.confirm_p_key, state.share_v, kPointSize, expected);
  if (status == PSA_SUCCESS &&
      (input == nullptr || input_length != length || mbedtls_ct_memcmp(expected, input, length) != 0)) {
    status = PSA_ERROR_INVALID_SIGNATURE;
  }
  mbedtls_platform_zeroize(expected, sizeof(expected));
  return status;
}

}  // namespace

size_t Spake2pConfirmLength(Spake2pVariant variant) { return variant == Spake2pVariant::kCmac ? 16 : 32; }

size_t Spake2pSharedKeyLength(Spake2pVariant variant) { return variant == Spake2pVariant::kMatter ? 16 : 32; }

psa_status_t Spake2pSetup(Spake2pState* state, Spake2pVariant variant, bool is_prover, const uint8_t* key,
                          size_t key_length, bool key_is_public, const uint8_t* prover_id, size_t prover_id_length,
                          const uint8_t* verifier_id, size_t verifier_id_length, const uint8_t* context,
                          size_t context_length) {
  if (state->active) return PSA_ERROR_BAD_STATE;
  if (variant != Spake2pVariant::kHmac && variant != Spake2pVariant::kCmac && variant != Spake2pVariant::kMatter) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  // The prover needs w1; the verifier w0 and L (given, or from w1).
  if (key == nullptr || (is_prover && key_is_public) ||
      key_length != (key_is_public ? kScalarSize + kPointSize : 2 * kScalarSize) ||
      (prover_id == nullptr && prover_id_length != 0) || (verifier_id == nullptr && verifier_id_length != 0) ||
      (context == nullptr && context_length != 0)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  memset(state, 0, sizeof(*state));
  P256 group;
  Mpi w0, w1, e;
  Point l;
  psa_status_t status = group.Load();
  if (status == PSA_SUCCESS) status = ReadScalar(group, key, kScalarSize, &w0);
  if (status == PSA_SUCCESS && key_is_public) {
    status = ReadPoint(group, key + kScalarSize, kPointSize, &l);
  } else if (status == PSA_SUCCESS) {
    status = ReadScalar(group, key + kScalarSize, kScalarSize, &w1);
    if (status == PSA_SUCCESS && !is_prover) status = MultiplyGenerator(group, &l, w1);
  }
  if (status == PSA_SUCCESS) status = RandomScalar(group, &e);
  if (status == PSA_SUCCESS) status = WriteScalar(w0, state->w0);
  if (status == PSA_SUCCESS && is_prover) status = WriteScalar(w1, state->w1);
  if (status == PSA_SUCCESS && !is_prover) status = WritePoint(group, l, state->l);
  if (status == PSA_SUCCESS) status = WriteScalar(e, state->ephemeral);

  mbedtls_sha256_init(&state->transcript);
  int ret = status == PSA_SUCCESS ? mbedtls_sha256_starts_ret(&state->transcript, 0) : -1;
  if (ret == 0 && (context != nullptr || variant == Spake2pVariant::kMatter)) {
    ret = Absorb(state, context, context_length);
  }
  if (ret == 0) ret = Absorb(state, prover_id, prover_id_length);
  if (ret == 0) ret = Absorb(state, verifier_id, verifier_id_length);
  if (ret == 0) ret = Absorb(state, kM, kPointSize);
  if (ret == 0) ret = Absorb(state, kN, kPointSize);
  if (status == PSA_SUCCESS && ret != 0) status = PSA_ERROR_CORRUPTION_DETECTED;
  if (status != PSA_SUCCESS) {
    Spake2pWipe(state);
    return status;
  }
  state->variant = static_cast<uint8_t>(variant);
  state->is_prover = is_prover ? 1 : 0;
  state->stage = 0;
  state->active = 1;
  return PSA_SUCCESS;
}

psa_status_t Spake2pSetEphemeralForTesting(Spake2pState* state, const uint8_t scalar[kScalarSize]) {
  if (!state->active || state->stage != 0) return PSA_ERROR_BAD_STATE;
  P256 group;
  Mpi e;
  psa_status_t status = group.Load();
  if (status == PSA_SUCCESS) status = ReadScalar(group, scalar, kScalarSize, &e);
  if (status == PSA_SUCCESS) memcpy(state->ephemeral, scalar, kScalarSize);
  return status;
}

psa_status_t Spake2pOutput(Spake2pState* state, psa_crypto_driver_pake_step_t step, uint8_t* output,
                           size_t output_size, size_t* output_length) {
  *output_length = 0;
  if (!state->active) return PSA_ERROR_BAD_STATE;
  const bool prover = state->is_prover != 0;
  const size_t confirm_length = Spake2pConfirmLength(VariantOf(*state));
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (prover && state->stage == 0 && step == PSA_SPAKE2P_STEP_SHARE_P) {
    if (output_size < kPointSize) return PSA_ERROR_BUFFER_TOO_SMALL;
    P256 group;
    status = group.Load();
    if (status == PSA_SUCCESS) status = MakeShare(group, *state, kM, state->share_p);
    if (status == PSA_SUCCESS) memcpy(output, state->share_p, kPointSize);
    *output_length = kPointSize;
  } else if (!prover && state->stage == 1 && step == PSA_SPAKE2P_STEP_SHARE_V) {
    if (output_size < kPointSize) return PSA_ERROR_BUFFER_TOO_SMALL;
    status = VerifierMakeShare(state);
    if (status == PSA_SUCCESS) memcpy(output, state->share_v, kPointSize);
    *output_length = kPointSize;
  } else if (((prover && state->stage == 3 && step == PSA_SPAKE2P_STEP_CONFIRM_P) ||
              (!prover && state->stage == 2 && step == PSA_SPAKE2P_STEP_CONFIRM_V))) {
    if (output_size < confirm_length) return PSA_ERROR_BUFFER_TOO_SMALL;
    uint8_t confirm[kSpake2pMaxConfirmSize];
    status = OwnConfirmation(*state, confirm);
    if (status == PSA_SUCCESS) memcpy(output, confirm, confirm_length);
    *output_length = confirm_length;
  } else {
    return PSA_ERROR_BAD_STATE;
  }
  if (status != PSA_SUCCESS) {
    *output_length = 0;
    return status;
  }
  ++state->stage;
  return PSA_SUCCESS;
}

psa_status_t Spake2pInput(Spake2pState* state, psa_crypto_driver_pake_step_t step, const uint8_t* input,
                          size_t input_length) {
  if (!state->active) return PSA_ERROR_BAD_STATE;
  const bool prover = state->is_prover != 0;
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (!prover && state->stage == 0 && step == PSA_SPAKE2P_STEP_SHARE_P) {
    // Checked now (valid point, not w0*M); T is kept for when shareV is
    // made, so that w0*M is computed once.
    P256 group;
    Point t;
    status = group.Load();
    if (status == PSA_SUCCESS) status = Unblind(group, *state, input, input_length, kM, &t);
    if (status == PSA_SUCCESS) status = WritePoint(group, t, state->t);
    if (status == PSA_SUCCESS) memcpy(state->share_p, input, kPointSize);
  } else if (prover && state->stage == 1 && step == PSA_SPAKE2P_STEP_SHARE_V) {
    status = ProverReceiveShare(state, input, input_length);
  } else if ((prover && state->stage == 2 && step == PSA_SPAKE2P_STEP_CONFIRM_V) ||
             (!prover && state->stage == 3 && step == PSA_SPAKE2P_STEP_CONFIRM_P)) {
    status = CheckPeerConfirmation(*state, input, input_length);
  }
  if (status != PSA_SUCCESS) return status;
  ++state->stage;
  return PSA_SUCCESS;
}

psa_status_t Spake2pSharedKey(Spake2pState* state, uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  if (!state->active || (state->stage != 2 && state->stage != 4)) return PSA_ERROR_BAD_STATE;
  const size_t length = Spake2pSharedKeyLength(VariantOf(*state));
  if (output_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  memcpy(output, state->shared_key, length);
  *output_length = length;
  return PSA_SUCCESS;
}

void Spake2pWipe(Spake2pState* state) {
  mbedtls_sha256_free(&state->transcript);
  mbedtls_platform_zeroize(state, sizeof(*state));
}

}  // namespace drivers::builtin::pake
