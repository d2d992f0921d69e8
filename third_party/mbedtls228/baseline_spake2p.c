/* SPAKE2+ (RFC 9383) over P-256 with SHA-256, HKDF-SHA-256 and
 * HMAC-SHA-256, written over Mbed TLS 2.28's ECP, bignum, SHA-256, HKDF and
 * HMAC modules: the baseline of the SPAKE2+ benchmark row (Mbed TLS 2.28 has
 * no SPAKE2+, and no PAKE in its PSA API). baseline.h documents the API.
 *
 * Each side works as a PSA driver would on its own operation: it loads its
 * own group (so the fixed-point table of G is built once per side and
 * exchange), multiplies secret scalars with Mbed TLS's blinded
 * mbedtls_ecp_mul (randomness from Mbed TLS's PSA random generator), adds
 * points with mbedtls_ecp_muladd (scalars 1 and -1: additions only), and
 * checks the peer's share with mbedtls_ecp_check_pubkey. Like baseline.c,
 * compiled against Mbed TLS's headers with its symbols renamed. */

#include "third_party/mbedtls228/mbedtls228_rename.h"

#include <mbedtls/bignum.h>
#include <mbedtls/ecp.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/psa_util.h>
#include <mbedtls/sha256.h>
#include <psa/crypto.h>
#include <string.h>

#include "third_party/mbedtls228/baseline.h"

#define SCALAR_SIZE 32
#define POINT_SIZE 65
#define HASH_SIZE 32

/* RFC 9383 section 4: M and N of P-256, uncompressed (Mbed TLS 2.28 reads
 * no compressed Weierstrass points). */
static const uint8_t kM[POINT_SIZE] = {
    0x04, 0x88, 0x6e, 0x2f, 0x97, 0xac, 0xe4, 0x6e, 0x55, 0xba, 0x9d, 0xd7, 0x24, 0x25, 0x79, 0xf2, 0x99,
    0x3b, 0x64, 0xe1, 0x6e, 0xf3, 0xdc, 0xab, 0x95, 0xaf, 0xd4, 0x97, 0x33, 0x3d, 0x8f, 0xa1, 0x2f, 0x5f,
    0xf3, 0x55, 0x16, 0x3e, 0x43, 0xce, 0x22, 0x4e, 0x0b, 0x0e, 0x65, 0xff, 0x02, 0xac, 0x8e, 0x5c, 0x7b,
    0xe0, 0x94, 0x19, 0xc7, 0x85, 0xe0, 0xca, 0x54, 0x7d, 0x55, 0xa1, 0x2e, 0x2d, 0x20};
static const uint8_t kN[POINT_SIZE] = {
    0x04, 0xd8, 0xbb, 0xd6, 0xc6, 0x39, 0xc6, 0x29, 0x37, 0xb0, 0x4d, 0x99, 0x7f, 0x38, 0xc3, 0x77, 0x07,
    0x19, 0xc6, 0x29, 0xd7, 0x01, 0x4d, 0x49, 0xa2, 0x4b, 0x4f, 0x98, 0xba, 0xa1, 0x29, 0x2b, 0x49, 0x07,
    0xd6, 0x0a, 0xa6, 0xbf, 0xad, 0xe4, 0x50, 0x08, 0xa6, 0x36, 0x33, 0x7f, 0x51, 0x68, 0xc6, 0x4d, 0x9b,
    0xd3, 0x60, 0x34, 0x80, 0x8c, 0xd5, 0x64, 0x49, 0x0b, 0x1e, 0x65, 0x6e, 0xdb, 0xe7};

/* One participant's state. */
typedef struct {
  mbedtls_ecp_group group;
  mbedtls_mpi w0;        /* both sides */
  mbedtls_mpi secret;    /* prover: w1; verifier: unused */
  mbedtls_mpi ephemeral; /* x or y */
  mbedtls_ecp_point L;   /* verifier: L = w1*G */
  mbedtls_ecp_point Z;
  mbedtls_ecp_point V;
  uint8_t k_confirm_p[HASH_SIZE];
  uint8_t k_confirm_v[HASH_SIZE];
  uint8_t k_shared[HASH_SIZE];
} side_t;

static void side_init(side_t *s) {
  mbedtls_ecp_group_init(&s->group);
  mbedtls_mpi_init(&s->w0);
  mbedtls_mpi_init(&s->secret);
  mbedtls_mpi_init(&s->ephemeral);
  mbedtls_ecp_point_init(&s->L);
  mbedtls_ecp_point_init(&s->Z);
  mbedtls_ecp_point_init(&s->V);
}

/* Frees the numbers (Mbed TLS zeroizes their limbs) and wipes the keys. */
static void side_free(side_t *s) {
  mbedtls_ecp_group_free(&s->group);
  mbedtls_mpi_free(&s->w0);
  mbedtls_mpi_free(&s->secret);
  mbedtls_mpi_free(&s->ephemeral);
  mbedtls_ecp_point_free(&s->L);
  mbedtls_ecp_point_free(&s->Z);
  mbedtls_ecp_point_free(&s->V);
  mbedtls_platform_zeroize(s->k_confirm_p, sizeof(s->k_confirm_p));
  mbedtls_platform_zeroize(s->k_confirm_v, sizeof(s->k_confirm_v));
  mbedtls_platform_zeroize(s->k_shared, sizeof(s->k_shared));
}

/* R = k * P for a secret k: blinded, constant-flow. */
static int secret_mul(side_t *s, mbedtls_ecp_point *r, const mbedtls_mpi *k, const mbedtls_ecp_point *p) {
  return mbedtls_ecp_mul(&s->group, r, k, p, mbedtls_psa_get_random, MBEDTLS_PSA_RANDOM_STATE);
}

/* R = A + sign * B, sign 1 or -1: a point addition (muladd's shortcuts
 * for the scalars 1 and -1 multiply nothing). */
static int add_points(side_t *s, mbedtls_ecp_point *r, const mbedtls_ecp_point *a, const mbedtls_ecp_point *b,
                      int sign) {
  mbedtls_mpi one, b_scalar;
  mbedtls_mpi_init(&one);
  mbedtls_mpi_init(&b_scalar);
  int ret = mbedtls_mpi_lset(&one, 1);
  if (ret == 0) ret = mbedtls_mpi_lset(&b_scalar, sign);
  if (ret == 0) ret = mbedtls_ecp_muladd(&s->group, r, &one, a, &b_scalar, b);
  mbedtls_mpi_free(&one);
  mbedtls_mpi_free(&b_scalar);
  return ret;
}

static int write_point(side_t *s, const mbedtls_ecp_point *p, uint8_t out[POINT_SIZE]) {
  size_t length = 0;
  int ret = mbedtls_ecp_point_write_binary(&s->group, p, MBEDTLS_ECP_PF_UNCOMPRESSED, &length, out, POINT_SIZE);
  if (ret == 0 && length != POINT_SIZE) ret = MBEDTLS_ERR_ECP_INVALID_KEY; /* the identity */
  return ret;
}

/* Reads a peer's point: uncompressed, on the curve, not the identity. */
static int read_point(side_t *s, mbedtls_ecp_point *p, const uint8_t in[POINT_SIZE]) {
  int ret = mbedtls_ecp_point_read_binary(&s->group, p, in, POINT_SIZE);
  if (ret == 0) ret = mbedtls_ecp_check_pubkey(&s->group, p);
  return ret;
}

/* share = e*G + w0*blind (shareP with M, shareV with N), e random or
 * given. */
static int make_share(side_t *s, const uint8_t *given, const uint8_t blind_bytes[POINT_SIZE],
                      uint8_t share[POINT_SIZE]) {
  mbedtls_ecp_point blind, eg, wb, sum;
  mbedtls_ecp_point_init(&blind);
  mbedtls_ecp_point_init(&eg);
  mbedtls_ecp_point_init(&wb);
  mbedtls_ecp_point_init(&sum);
  int ret = given != NULL ? mbedtls_mpi_read_binary(&s->ephemeral, given, SCALAR_SIZE)
                          : mbedtls_ecp_gen_privkey(&s->group, &s->ephemeral, mbedtls_psa_get_random, MBEDTLS_PSA_RANDOM_STATE);
  if (ret == 0) ret = mbedtls_ecp_point_read_binary(&s->group, &blind, blind_bytes, POINT_SIZE);
  if (ret == 0) ret = secret_mul(s, &eg, &s->ephemeral, &s->group.G);
  if (ret == 0) ret = secret_mul(s, &wb, &s->w0, &blind);
  if (ret == 0) ret = add_points(s, &sum, &eg, &wb, 1);
  if (ret == 0) ret = write_point(s, &sum, share);
  mbedtls_ecp_point_free(&blind);
  mbedtls_ecp_point_free(&eg);
  mbedtls_ecp_point_free(&wb);
  mbedtls_ecp_point_free(&sum);
  return ret;
}

/* T = peer_share - w0*blind, then Z = e*T and V = (prover) w1*T or
 * (verifier) e*L. */
static int shared_points(side_t *s, const uint8_t peer_share[POINT_SIZE], const uint8_t blind_bytes[POINT_SIZE],
                         int prover) {
  mbedtls_ecp_point peer, blind, wb, t;
  mbedtls_ecp_point_init(&peer);
  mbedtls_ecp_point_init(&blind);
  mbedtls_ecp_point_init(&wb);
  mbedtls_ecp_point_init(&t);
  int ret = read_point(s, &peer, peer_share);
  if (ret == 0) ret = mbedtls_ecp_point_read_binary(&s->group, &blind, blind_bytes, POINT_SIZE);
  if (ret == 0) ret = secret_mul(s, &wb, &s->w0, &blind);
  if (ret == 0) ret = add_points(s, &t, &peer, &wb, -1);
  if (ret == 0) ret = secret_mul(s, &s->Z, &s->ephemeral, &t);
  if (ret == 0) ret = prover ? secret_mul(s, &s->V, &s->secret, &t) : secret_mul(s, &s->V, &s->ephemeral, &s->L);
  mbedtls_ecp_point_free(&peer);
  mbedtls_ecp_point_free(&blind);
  mbedtls_ecp_point_free(&wb);
  mbedtls_ecp_point_free(&t);
  return ret;
}

/* Appends len(data) (8 bytes, little-endian) || data to the transcript. */
static int transcript_add(mbedtls_sha256_context *hash, const uint8_t *data, size_t length) {
  uint8_t prefix[8];
  uint64_t n = length;
  for (int i = 0; i < 8; ++i, n >>= 8) prefix[i] = (uint8_t)n;
  int ret = mbedtls_sha256_update_ret(hash, prefix, sizeof(prefix));
  if (ret == 0 && length > 0) ret = mbedtls_sha256_update_ret(hash, data, length);
  return ret;
}

/* K_main = SHA-256(TT) (RFC 9383 section 3.3), then K_confirmP || K_confirmV
 * and K_shared with HKDF (section 3.4). */
static int key_schedule(side_t *s, const baseline_spake2p_t *p, const uint8_t share_p[POINT_SIZE],
                        const uint8_t share_v[POINT_SIZE]) {
  uint8_t z[POINT_SIZE], v[POINT_SIZE], w0[SCALAR_SIZE], k_main[HASH_SIZE], k_confirm[2 * HASH_SIZE];
  mbedtls_sha256_context hash;
  mbedtls_sha256_init(&hash);
  const mbedtls_md_info_t *md = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
  int ret = write_point(s, &s->Z, z);
  if (ret == 0) ret = write_point(s, &s->V, v);
  if (ret == 0) ret = mbedtls_mpi_write_binary(&s->w0, w0, sizeof(w0));
  if (ret == 0) ret = mbedtls_sha256_starts_ret(&hash, 0);
  if (ret == 0) ret = transcript_add(&hash, p->context, p->context_length);
  if (ret == 0) ret = transcript_add(&hash, p->prover_id, p->prover_id_length);
  if (ret == 0) ret = transcript_add(&hash, p->verifier_id, p->verifier_id_length);
  if (ret == 0) ret = transcript_add(&hash, kM, sizeof(kM));
  if (ret == 0) ret = transcript_add(&hash, kN, sizeof(kN));
  if (ret == 0) ret = transcript_add(&hash, share_p, POINT_SIZE);
  if (ret == 0) ret = transcript_add(&hash, share_v, POINT_SIZE);
  if (ret == 0) ret = transcript_add(&hash, z, sizeof(z));
  if (ret == 0) ret = transcript_add(&hash, v, sizeof(v));
  if (ret == 0) ret = transcript_add(&hash, w0, sizeof(w0));
  if (ret == 0) ret = mbedtls_sha256_finish_ret(&hash, k_main);
  static const uint8_t kConfirmationKeys[] = "ConfirmationKeys";
  static const uint8_t kSharedKey[] = "SharedKey";
  if (ret == 0) {
    ret = mbedtls_hkdf(md, NULL, 0, k_main, sizeof(k_main), kConfirmationKeys, sizeof(kConfirmationKeys) - 1,
                       k_confirm, sizeof(k_confirm));
  }
  if (ret == 0) {
    ret = mbedtls_hkdf(md, NULL, 0, k_main, sizeof(k_main), kSharedKey, sizeof(kSharedKey) - 1, s->k_shared,
                       sizeof(s->k_shared));
  }
  if (ret == 0) {
    memcpy(s->k_confirm_p, k_confirm, HASH_SIZE);
    memcpy(s->k_confirm_v, k_confirm + HASH_SIZE, HASH_SIZE);
  }
  mbedtls_sha256_free(&hash);
  mbedtls_platform_zeroize(z, sizeof(z));
  mbedtls_platform_zeroize(v, sizeof(v));
  mbedtls_platform_zeroize(w0, sizeof(w0));
  mbedtls_platform_zeroize(k_main, sizeof(k_main));
  mbedtls_platform_zeroize(k_confirm, sizeof(k_confirm));
  return ret;
}

/* HMAC-SHA-256(key, share) into `mac`. */
static int confirmation(const uint8_t key[HASH_SIZE], const uint8_t share[POINT_SIZE], uint8_t mac[HASH_SIZE]) {
  return mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), key, HASH_SIZE, share, POINT_SIZE, mac);
}

/* Whether the peer's confirmation is HMAC(key, share), compared in
 * constant time. */
static int check_confirmation(const uint8_t key[HASH_SIZE], const uint8_t share[POINT_SIZE],
                              const uint8_t received[HASH_SIZE]) {
  uint8_t expected[HASH_SIZE];
  int ret = confirmation(key, share, expected);
  uint8_t difference = 0;
  for (size_t i = 0; i < HASH_SIZE; ++i) difference |= (uint8_t)(expected[i] ^ received[i]);
  mbedtls_platform_zeroize(expected, sizeof(expected));
  if (ret == 0 && difference != 0) ret = MBEDTLS_ERR_ECP_VERIFY_FAILED;
  return ret;
}

static int32_t status_of(int ret) {
  if (ret == 0) return PSA_SUCCESS;
  if (ret == MBEDTLS_ERR_ECP_VERIFY_FAILED) return PSA_ERROR_INVALID_SIGNATURE;
  if (ret == MBEDTLS_ERR_ECP_ALLOC_FAILED || ret == MBEDTLS_ERR_MPI_ALLOC_FAILED) {
    return PSA_ERROR_INSUFFICIENT_MEMORY;
  }
  if (ret == MBEDTLS_ERR_ECP_INVALID_KEY || ret == MBEDTLS_ERR_ECP_BAD_INPUT_DATA) return PSA_ERROR_INVALID_ARGUMENT;
  return PSA_ERROR_GENERIC_ERROR;
}

/* Loads the group and w0 (and, for the prover, w1; for the verifier, L). */
static int side_setup(side_t *s, const baseline_spake2p_t *p, int prover) {
  int ret = mbedtls_ecp_group_load(&s->group, MBEDTLS_ECP_DP_SECP256R1);
  if (ret == 0) ret = mbedtls_mpi_read_binary(&s->w0, p->w0, SCALAR_SIZE);
  if (ret == 0 && prover) ret = mbedtls_mpi_read_binary(&s->secret, p->w1, SCALAR_SIZE);
  if (ret == 0 && !prover) ret = read_point(s, &s->L, p->L);
  return ret;
}

int32_t baseline_spake2p_register(const uint8_t w1[32], uint8_t L[65]) {
  side_t s;
  side_init(&s);
  int ret = mbedtls_ecp_group_load(&s.group, MBEDTLS_ECP_DP_SECP256R1);
  if (ret == 0) ret = mbedtls_mpi_read_binary(&s.secret, w1, SCALAR_SIZE);
  if (ret == 0) ret = secret_mul(&s, &s.V, &s.secret, &s.group.G);
  if (ret == 0) ret = write_point(&s, &s.V, L);
  side_free(&s);
  return status_of(ret);
}

int32_t baseline_spake2p_exchange(const baseline_spake2p_t *p, const uint8_t *x, const uint8_t *y,
                                  baseline_spake2p_result_t *result) {
  memset(result, 0, sizeof(*result));
  side_t prover, verifier;
  side_init(&prover);
  side_init(&verifier);
  int ret = side_setup(&prover, p, 1);
  if (ret == 0) ret = side_setup(&verifier, p, 0);
  /* Prover: shareP. */
  if (ret == 0) ret = make_share(&prover, x, kM, result->share_p);
  /* Verifier: takes shareP; shareV, confirmV. */
  if (ret == 0) ret = make_share(&verifier, y, kN, result->share_v);
  if (ret == 0) ret = shared_points(&verifier, result->share_p, kM, 0);
  if (ret == 0) ret = key_schedule(&verifier, p, result->share_p, result->share_v);
  if (ret == 0) ret = confirmation(verifier.k_confirm_v, result->share_p, result->confirm_v);
  /* Prover: takes shareV and confirmV; confirmP. */
  if (ret == 0) ret = shared_points(&prover, result->share_v, kN, 1);
  if (ret == 0) ret = key_schedule(&prover, p, result->share_p, result->share_v);
  if (ret == 0) ret = check_confirmation(prover.k_confirm_v, result->share_p, result->confirm_v);
  if (ret == 0) ret = confirmation(prover.k_confirm_p, result->share_v, result->confirm_p);
  /* Verifier: takes confirmP. */
  if (ret == 0) ret = check_confirmation(verifier.k_confirm_p, result->share_v, result->confirm_p);
  if (ret == 0) {
    memcpy(result->shared_p, prover.k_shared, HASH_SIZE);
    memcpy(result->shared_v, verifier.k_shared, HASH_SIZE);
  }
  side_free(&prover);
  side_free(&verifier);
  if (ret != 0) mbedtls_platform_zeroize(result, sizeof(*result));
  return status_of(ret);
}

int32_t baseline_spake2p_verifier(const baseline_spake2p_t *p, const uint8_t *y, const uint8_t share_p[65],
                                  baseline_spake2p_result_t *result) {
  memset(result, 0, sizeof(*result));
  memcpy(result->share_p, share_p, POINT_SIZE);
  side_t verifier;
  side_init(&verifier);
  int ret = side_setup(&verifier, p, 0);
  if (ret == 0) ret = make_share(&verifier, y, kN, result->share_v);
  if (ret == 0) ret = shared_points(&verifier, result->share_p, kM, 0);
  if (ret == 0) ret = key_schedule(&verifier, p, result->share_p, result->share_v);
  if (ret == 0) ret = confirmation(verifier.k_confirm_v, result->share_p, result->confirm_v);
  if (ret == 0) ret = confirmation(verifier.k_confirm_p, result->share_v, result->confirm_p);
  if (ret == 0) memcpy(result->shared_v, verifier.k_shared, HASH_SIZE);
  side_free(&verifier);
  if (ret != 0) mbedtls_platform_zeroize(result, sizeof(*result));
  return status_of(ret);
}

int32_t baseline_spake2p_prover(const baseline_spake2p_t *p, const uint8_t x[32], const uint8_t *share_v,
                                const uint8_t *confirm_v, baseline_spake2p_result_t *result) {
  memset(result, 0, sizeof(*result));
  side_t prover;
  side_init(&prover);
  int ret = side_setup(&prover, p, 1);
  if (ret == 0) ret = make_share(&prover, x, kM, result->share_p);
  if (ret == 0 && share_v != NULL) {
    memcpy(result->share_v, share_v, POINT_SIZE);
    memcpy(result->confirm_v, confirm_v, HASH_SIZE);
    ret = shared_points(&prover, result->share_v, kN, 1);
    if (ret == 0) ret = key_schedule(&prover, p, result->share_p, result->share_v);
    if (ret == 0) ret = check_confirmation(prover.k_confirm_v, result->share_p, result->confirm_v);
    if (ret == 0) ret = confirmation(prover.k_confirm_p, result->share_v, result->confirm_p);
    if (ret == 0) memcpy(result->shared_p, prover.k_shared, HASH_SIZE);
  }
  side_free(&prover);
  if (ret != 0) mbedtls_platform_zeroize(result, sizeof(*result));
  return status_of(ret);
}
