// EC J-PAKE over P-256 (see jpake.h). Each secret lives in the state as
// bytes and in Mbed TLS objects only for the duration of one call; the
// objects are freed (zeroized) on return.

#include "drivers/builtin/pake/jpake.h"

#include <string.h>

#include "mbedtls/platform_util.h"
#include "mbedtls/sha256.h"

namespace drivers::builtin::pake {
namespace {

constexpr uint8_t kRoundOneSteps = 6;
constexpr uint8_t kAllSteps = 9;

// Which of the three values of a key share with its proof `step` carries.
enum class Part { kKeyShare, kZkPublic, kZkProof };

Part PartOf(uint8_t position) {  // position: 0-based index in the sequence
  switch (position % 3) {
    case 0:
      return Part::kKeyShare;
    case 1:
      return Part::kZkPublic;
    default:
      return Part::kZkProof;
  }
}

// The driver step of the `position`-th output or input.
psa_crypto_driver_pake_step_t OutputStep(uint8_t position) {
  return static_cast<psa_crypto_driver_pake_step_t>(PSA_JPAKE_X1_STEP_KEY_SHARE + position);
}
psa_crypto_driver_pake_step_t InputStep(uint8_t position) {
  return static_cast<psa_crypto_driver_pake_step_t>(
      position < kRoundOneSteps ? PSA_JPAKE_X1_STEP_KEY_SHARE + position
                                : PSA_JPAKE_X4S_STEP_KEY_SHARE + (position - kRoundOneSteps));
}

void Update(mbedtls_sha256_context* sha, const uint8_t* data, size_t length, int* ret) {
  const uint8_t prefix[4] = {static_cast<uint8_t>(length >> 24), static_cast<uint8_t>(length >> 16),
                             static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length)};
  if (*ret == 0) *ret = mbedtls_sha256_update_ret(sha, prefix, sizeof(prefix));
  if (*ret == 0 && length != 0) *ret = mbedtls_sha256_update_ret(sha, data, length);
}

// h = SHA-256(len(G) || G || len(V) || V || len(X) || X || len(id) || id)
// mod n, as mbedtls_ecjpake computes it.
psa_status_t ProofHash(P256& group, const uint8_t generator[kPointSize], const uint8_t zk_public[kPointSize],
                       const uint8_t key[kPointSize], const uint8_t* id, size_t id_length, Mpi* h) {
  mbedtls_sha256_context sha;
  mbedtls_sha256_init(&sha);
  uint8_t digest[32];
  int ret = mbedtls_sha256_starts_ret(&sha, 0);
  Update(&sha, generator, kPointSize, &ret);
  Update(&sha, zk_public, kPointSize, &ret);
  Update(&sha, key, kPointSize, &ret);
  Update(&sha, id, id_length, &ret);
  if (ret == 0) ret = mbedtls_sha256_finish_ret(&sha, digest);
  mbedtls_sha256_free(&sha);
  if (ret == 0) ret = mbedtls_mpi_read_binary(h->get(), digest, sizeof(digest));
  if (ret == 0) ret = mbedtls_mpi_mod_mpi(h->get(), h->get(), group.order());
  return StatusFromMbedtls(ret);
}

// Loads an encoded point that the state holds (validated when stored).
psa_status_t LoadPoint(P256& group, const uint8_t bytes[kPointSize], Point* point) {
  const psa_status_t status = ReadPoint(group, bytes, kPointSize, point);
  return status == PSA_ERROR_INVALID_ARGUMENT ? PSA_ERROR_CORRUPTION_DETECTED : status;
}

psa_status_t LoadScalar(P256& group, const uint8_t bytes[kScalarSize], Mpi* scalar) {
  const psa_status_t status = ReadScalar(group, bytes, kScalarSize, scalar);
  return status == PSA_ERROR_INVALID_ARGUMENT ? PSA_ERROR_CORRUPTION_DETECTED : status;
}

// The sum of three stored points, encoded (PSA_ERROR_INVALID_ARGUMENT if it
// is the identity: the peer chose its keys to cancel ours).
psa_status_t SumOfThree(P256& group, const uint8_t a[kPointSize], const uint8_t b[kPointSize],
                        const uint8_t c[kPointSize], Point* sum, uint8_t encoded[kPointSize]) {
  Point pa, pb, pc, partial;
  psa_status_t status = LoadPoint(group, a, &pa);
  if (status == PSA_SUCCESS) status = LoadPoint(group, b, &pb);
  if (status == PSA_SUCCESS) status = LoadPoint(group, c, &pc);
  if (status == PSA_SUCCESS) status = Add(group, &partial, pa, pb);
  if (status == PSA_SUCCESS) status = Add(group, sum, partial, pc);
  if (status == PSA_SUCCESS) status = WritePoint(group, *sum, encoded);
  return status;
}

// The generator of the proof at output position `position` (encoded).
psa_status_t Generator(P256& group, const JpakeState& state, bool output, Point* point,
                       uint8_t encoded[kPointSize]) {
  const uint8_t done = output ? state.outputs_done : state.inputs_done;
  if (done < kRoundOneSteps) {
    psa_status_t status = StatusFromMbedtls(mbedtls_ecp_copy(point->get(), group.generator()));
    if (status == PSA_SUCCESS) status = WritePoint(group, *point, encoded);
    return status;
  }
  // Round two: ours over X1 + X3 + X4, the peer's over X1 + X2 + X3.
  return output ? SumOfThree(group, state.own_x1, state.peer_x1, state.peer_x2, point, encoded)
                : SumOfThree(group, state.own_x1, state.own_x2, state.peer_x1, point, encoded);
}

// Computes the key share X = x * generator and the proof (V, r) of x,
// r = v - x*h mod n, into key, state->pending_public, state->pending_proof.
psa_status_t MakeKeyShare(P256& group, JpakeState* state, const Mpi& x, uint8_t key[kPointSize]) {
  Point generator, key_point, zk_point;
  Mpi v, h, xh, r;
  uint8_t generator_bytes[kPointSize];
  psa_status_t status = Generator(group, *state, /*output=*/true, &generator, generator_bytes);
  if (status == PSA_SUCCESS) status = Multiply(group, &key_point, x, generator);
  if (status == PSA_SUCCESS) status = WritePoint(group, key_point, key);
  if (status == PSA_SUCCESS) status = RandomScalar(group, &v);
  if (status == PSA_SUCCESS) status = Multiply(group, &zk_point, v, generator);
  if (status == PSA_SUCCESS) status = WritePoint(group, zk_point, state->pending_public);
  if (status == PSA_SUCCESS) {
    status = ProofHash(group, generator_bytes, state->pending_public, key, state->user, state->user_length, &h);
  }
  if (status == PSA_SUCCESS) status = MultiplySecrets(group, &xh, x, h, /*negate=*/false);
  if (status == PSA_SUCCESS) status = StatusFromMbedtls(mbedtls_mpi_sub_mpi(r.get(), v.get(), xh.get()));
  if (status == PSA_SUCCESS) status = StatusFromMbedtls(mbedtls_mpi_mod_mpi(r.get(), r.get(), group.order()));
  if (status == PSA_SUCCESS) status = WriteScalar(r, state->pending_proof);
  return status;
}

// The secret of our next key share: x1, x2, or x2*s for round two.
psa_status_t OutputSecret(P256& group, const JpakeState& state, Mpi* x) {
  if (state.outputs_done == 0) return LoadScalar(group, state.x1, x);
  Mpi x2;
  psa_status_t status = LoadScalar(group, state.x2, &x2);
  if (status != PSA_SUCCESS || state.outputs_done == 3) {
    return status == PSA_SUCCESS ? StatusFromMbedtls(mbedtls_mpi_copy(x->get(), x2.get())) : status;
  }
  Mpi s;
  status = LoadScalar(group, state.secret, &s);
  if (status == PSA_SUCCESS) status = MultiplySecrets(group, x, x2, s, /*negate=*/false);
  return status;
}

// Checks the proof r of the pending key share: V == r*generator + h*X.
psa_status_t VerifyProof(P256& group, JpakeState* state, const uint8_t* proof, size_t proof_length) {
  Mpi r, h;
  Point generator, key, zk_public, expected;
  uint8_t generator_bytes[kPointSize];
  psa_status_t status = ReadScalar(group, proof, proof_length, &r);
  if (status != PSA_SUCCESS) return status;
  status = Generator(group, *state, /*output=*/false, &generator, generator_bytes);
  if (status == PSA_SUCCESS) status = LoadPoint(group, state->pending_key, &key);
  if (status == PSA_SUCCESS) status = LoadPoint(group, state->pending_zk, &zk_public);
  if (status == PSA_SUCCESS) {
    status = ProofHash(group, generator_bytes, state->pending_zk, state->pending_key, state->peer,
                       state->peer_length, &h);
  }
  if (status != PSA_SUCCESS) return status;
  // h == 0 happens with probability 2^-256; muladd refuses it: no proof.
  if (MulAdd(group, &expected, r, generator, h, key) != PSA_SUCCESS) return PSA_ERROR_INVALID_SIGNATURE;
  return mbedtls_ecp_point_cmp(expected.get(), zk_public.get()) == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_SIGNATURE;
}

}  // namespace

psa_status_t JpakeSetup(JpakeState* state, const uint8_t* password, size_t password_length, const uint8_t* user,
                        size_t user_length, const uint8_t* peer, size_t peer_length) {
  if (state->active) return PSA_ERROR_BAD_STATE;
  if (user_length > kJpakeMaxIdLength || peer_length > kJpakeMaxIdLength) return PSA_ERROR_NOT_SUPPORTED;
  if ((user == nullptr && user_length != 0) || (peer == nullptr && peer_length != 0)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  P256 group;
  Mpi s, x1, x2;
  psa_status_t status = group.Load();
  if (status == PSA_SUCCESS) status = ReadReducedScalar(group, password, password_length, &s);
  if (status == PSA_SUCCESS) status = RandomScalar(group, &x1);
  if (status == PSA_SUCCESS) status = RandomScalar(group, &x2);
  if (status == PSA_SUCCESS) status = WriteScalar(s, state->secret);
  if (status == PSA_SUCCESS) status = WriteScalar(x1, state->x1);
  if (status == PSA_SUCCESS) status = WriteScalar(x2, state->x2);
  if (status != PSA_SUCCESS) {
    JpakeWipe(state);
    return status;
  }
  if (user_length != 0) memcpy(state->user, user, user_length);
  if (peer_length != 0) memcpy(state->peer, peer, peer_length);
  state->user_length = static_cast<uint16_t>(user_length);
  state->peer_length = static_cast<uint16_t>(peer_length);
  state->outputs_done = 0;
  state->inputs_done = 0;
  state->active = 1;
  return PSA_SUCCESS;
}

psa_status_t JpakeSetEphemeralForTesting(JpakeState* state, const uint8_t x1[kScalarSize],
                                         const uint8_t x2[kScalarSize]) {
  if (!state->active || state->outputs_done != 0) return PSA_ERROR_BAD_STATE;
  P256 group;
  Mpi a, b;
  psa_status_t status = group.Load();
  if (status == PSA_SUCCESS) status = ReadScalar(group, x1, kScalarSize, &a);
  if (status == PSA_SUCCESS) status = ReadScalar(group, x2, kScalarSize, &b);
  if (status != PSA_SUCCESS) return status;
  memcpy(state->x1, x1, kScalarSize);
  memcpy(state->x2, x2, kScalarSize);
  return PSA_SUCCESS;
}

psa_status_t JpakeOutput(JpakeState* state, psa_crypto_driver_pake_step_t step, uint8_t* output, size_t output_size,
                         size_t* output_length) {
  *output_length = 0;
  if (!state->active || state->outputs_done >= kAllSteps) return PSA_ERROR_BAD_STATE;
  const uint8_t position = state->outputs_done;
  if (step != OutputStep(position)) return PSA_ERROR_BAD_STATE;
  // Round two is computed over the peer's round-one keys.
  if (position == kRoundOneSteps && state->inputs_done < kRoundOneSteps) return PSA_ERROR_BAD_STATE;
  const Part part = PartOf(position);
  const size_t length = part == Part::kZkProof ? kScalarSize : kPointSize;
  if (output_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;

  psa_status_t status = PSA_SUCCESS;
  switch (part) {
    case Part::kKeyShare: {
      P256 group;
      Mpi x;
      uint8_t key[kPointSize];
      status = group.Load();
      if (status == PSA_SUCCESS) status = OutputSecret(group, *state, &x);
      if (status == PSA_SUCCESS) status = MakeKeyShare(group, state, x, key);
      if (status != PSA_SUCCESS) return status;
      if (position == 0) memcpy(state->own_x1, key, kPointSize);
      if (position == 3) memcpy(state->own_x2, key, kPointSize);
      memcpy(output, key, kPointSize);
      break;
    }
    case Part::kZkPublic:
      memcpy(output, state->pending_public, kPointSize);
      break;
    case Part::kZkProof:
      memcpy(output, state->pending_proof, kScalarSize);
      mbedtls_platform_zeroize(state->pending_proof, sizeof(state->pending_proof));
      break;
  }
  *output_length = length;
  ++state->outputs_done;
  return status;
}

psa_status_t JpakeInput(JpakeState* state, psa_crypto_driver_pake_step_t step, const uint8_t* input,
                        size_t input_length) {
  if (!state->active || state->inputs_done >= kAllSteps) return PSA_ERROR_BAD_STATE;
  const uint8_t position = state->inputs_done;
  if (step != InputStep(position)) return PSA_ERROR_BAD_STATE;
  if (position == kRoundOneSteps && state->outputs_done < kRoundOneSteps) return PSA_ERROR_BAD_STATE;
  P256 group;
  psa_status_t status = group.Load();
  if (status != PSA_SUCCESS) return status;
  switch (PartOf(position)) {
    case Part::kKeyShare:
    case Part::kZkPublic: {
      Point point;
      status = ReadPoint(group, input, input_length, &point);
      if (status != PSA_SUCCESS) return status;
      memcpy(PartOf(position) == Part::kKeyShare ? state->pending_key : state->pending_zk, input, kPointSize);
      break;
    }
    case Part::kZkProof: {
      status = VerifyProof(group, state, input, input_length);
      if (status != PSA_SUCCESS) return status;
      uint8_t* verified = position == 2 ? state->peer_x1 : position == 5 ? state->peer_x2 : state->peer_round2;
      memcpy(verified, state->pending_key, kPointSize);
      break;
    }
  }
  ++state->inputs_done;
  return PSA_SUCCESS;
}

psa_status_t JpakeSharedSecret(JpakeState* state, uint8_t* output, size_t output_size, size_t* output_length) {
  *output_length = 0;
  if (!state->active || state->outputs_done != kAllSteps || state->inputs_done != kAllSteps) {
    return PSA_ERROR_BAD_STATE;
  }
  if (output_size < kJpakeSharedSecretSize) return PSA_ERROR_BUFFER_TOO_SMALL;
  P256 group;
  Mpi x2, s, minus_x2s;
  Point b, x4, blinded_x4, difference, k;
  psa_status_t status = group.Load();
  if (status == PSA_SUCCESS) status = LoadScalar(group, state->x2, &x2);
  if (status == PSA_SUCCESS) status = LoadScalar(group, state->secret, &s);
  if (status == PSA_SUCCESS) status = LoadPoint(group, state->peer_round2, &b);
  if (status == PSA_SUCCESS) status = LoadPoint(group, state->peer_x2, &x4);
  // K = (B - X4 * x2 * s) * x2.
  if (status == PSA_SUCCESS) status = MultiplySecrets(group, &minus_x2s, x2, s, /*negate=*/true);
  if (status == PSA_SUCCESS) status = Multiply(group, &blinded_x4, minus_x2s, x4);
  if (status == PSA_SUCCESS) status = Add(group, &difference, b, blinded_x4);
  // The identity here means B was built to cancel: no key.
  if (status == PSA_SUCCESS && mbedtls_ecp_is_zero(difference.get())) status = PSA_ERROR_INVALID_ARGUMENT;
  if (status == PSA_SUCCESS) status = Multiply(group, &k, x2, difference);
  if (status == PSA_SUCCESS) status = WritePoint(group, k, output);
  if (status != PSA_SUCCESS) {
    mbedtls_platform_zeroize(output, output_size);
    return status;
  }
  *output_length = kJpakeSharedSecretSize;
  return PSA_SUCCESS;
}

void JpakeWipe(JpakeState* state) { mbedtls_platform_zeroize(state, sizeof(*state)); }

}  // namespace drivers::builtin::pake
