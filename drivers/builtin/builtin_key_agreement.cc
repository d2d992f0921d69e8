// The builtin driver's "key_agreement" entry point (see
// builtin_key_agreement.h): ECDH over mbedtls_ecdh_compute_shared, with the
// key parsing and checks of builtin_ecc.cc. Fails closed: the output is
// wiped and its length 0 on every error path.

#include "drivers/builtin/builtin_key_agreement.h"

#include "drivers/builtin/builtin_ecc.h"
#include "drivers/builtin/mbedtls_key_status.h"
#include "drivers/builtin/mbedtls_rng.h"
#include "mbedtls/bignum.h"
#include "mbedtls/ecdh.h"
#include "mbedtls/ecp.h"
#include "mbedtls/platform_util.h"

namespace drivers::builtin {
namespace {

// SEC 1 (2.3.3) uncompressed point encoding: the first byte.
constexpr uint8_t kPointUncompressed = 0x04;

// The Mbed TLS big number of one shared secret, wiped and freed on every
// path (mbedtls_mpi_free zeroizes the limbs).
class SharedSecret {
 public:
  SharedSecret() { mbedtls_mpi_init(&value); }
  ~SharedSecret() { mbedtls_mpi_free(&value); }
  SharedSecret(const SharedSecret&) = delete;
  SharedSecret& operator=(const SharedSecret&) = delete;

  mbedtls_mpi value;
};

// Whether the `length` bytes at `data` are all zero, without an early exit
// (the bytes are the secret).
bool IsAllZero(const uint8_t* data, size_t length) {
  uint8_t accumulated = 0;
  for (size_t i = 0; i < length; ++i) accumulated |= data[i];
  return accumulated == 0;
}

// Checks that `peer_key` has the public-key export format of `curve`: its
// exact length, and for a Weierstrass curve the uncompressed form. The
// point itself is checked when it is loaded.
psa_status_t CheckPeerKeyFormat(const EccCurve& curve, const uint8_t* peer_key,
                                size_t peer_key_length) {
  const psa_key_type_t public_type = PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve.family);
  if (peer_key_length != EccKeyLength(public_type, curve)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (curve.family != PSA_ECC_FAMILY_MONTGOMERY &&
      peer_key[0] != kPointUncompressed) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

// ECDH of the private key `our_key` with `peer_key` on `curve`, written to
// `output` (at least curve.coordinate_length bytes).
psa_status_t Ecdh(const EccCurve& curve, const uint8_t* our_key,
                  const uint8_t* peer_key, size_t peer_key_length,
                  uint8_t* output) {
  EcpObjects ours;
  psa_status_t status = EccLoadPrivateKey(curve, our_key, &ours);
  if (status != PSA_SUCCESS) return status;
  // The peer's point, checked: on the curve and not infinity (Weierstrass),
  // not of small order (Montgomery).
  EcpObjects peer;
  status = EccLoadPublicKey(curve, peer_key, peer_key_length, &peer);
  if (status != PSA_SUCCESS) return status;

  // Z = d * Q, its x (u) coordinate; the multiplication is blinded with
  // randomness from the core.
  SharedSecret z;
  PsaRandomContext random;
  int ret = mbedtls_ecdh_compute_shared(&ours.group, &z.value, &peer.public_key,
                                        &ours.private_key, PsaRandomForMbedtls,
                                        &random);
  if (ret != 0) {
    // MBEDTLS_ERR_ECP_BAD_INPUT_DATA: Z is the point at infinity.
    if (ret == MBEDTLS_ERR_ECP_BAD_INPUT_DATA) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    return StatusWithRandom(random, PsaStatusFromMbedtlsComputation(ret));
  }

  const bool montgomery = curve.family == PSA_ECC_FAMILY_MONTGOMERY;
  ret = montgomery ? mbedtls_mpi_write_binary_le(&z.value, output,
                                                 curve.coordinate_length)
                   : mbedtls_mpi_write_binary(&z.value, output,
                                              curve.coordinate_length);
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  // RFC 7748 section 6.1: an all-zero X25519 (X448) output means a peer
  // key of small order. Mbed TLS rejects those u-coordinates on loading;
  // this check does not rely on it.
  if (montgomery && IsAllZero(output, curve.coordinate_length)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

psa_status_t KeyAgreement(psa_algorithm_t alg,
                          const psa_key_attributes_t& our_attributes,
                          const uint8_t* our_key_buffer,
                          size_t our_key_buffer_length, const uint8_t* peer_key,
                          size_t peer_key_length, uint8_t* output,
                          size_t output_size, size_t* output_length) {
  if (alg != PSA_ALG_ECDH) return PSA_ERROR_NOT_SUPPORTED;
  const psa_key_type_t type = psa_get_key_type(&our_attributes);
  if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) return PSA_ERROR_NOT_SUPPORTED;
  const EccCurve* curve = FindEccCurve(PSA_KEY_TYPE_ECC_GET_FAMILY(type),
                                       psa_get_key_bits(&our_attributes));
  if (curve == nullptr || curve->group_id == MBEDTLS_ECP_DP_NONE) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  if (our_key_buffer == nullptr ||
      our_key_buffer_length != curve->private_key_length) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (peer_key == nullptr && peer_key_length != 0) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  psa_status_t status = CheckPeerKeyFormat(*curve, peer_key, peer_key_length);
  if (status != PSA_SUCCESS) return status;
  if (output == nullptr || output_size < curve->coordinate_length) {
    return PSA_ERROR_BUFFER_TOO_SMALL;
  }
  status = Ecdh(*curve, our_key_buffer, peer_key, peer_key_length, output);
  if (status != PSA_SUCCESS) return status;
  *output_length = curve->coordinate_length;
  return PSA_SUCCESS;
}

}  // namespace
}  // namespace drivers::builtin

extern "C" psa_status_t builtin_key_agreement(
    psa_algorithm_t alg, const psa_key_attributes_t* our_attributes,
    const uint8_t* our_key_buffer, size_t our_key_buffer_length,
    const uint8_t* peer_key, size_t peer_key_length, uint8_t* output,
    size_t output_size, size_t* output_length) {
  if (our_attributes == nullptr || output_length == nullptr) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  *output_length = 0;
  const psa_status_t status = drivers::builtin::KeyAgreement(
      alg, *our_attributes, our_key_buffer, our_key_buffer_length, peer_key,
      peer_key_length, output, output_size, output_length);
  if (status != PSA_SUCCESS) {
    if (output != nullptr && output_size != 0) {
      mbedtls_platform_zeroize(output, output_size);
    }
    *output_length = 0;
  }
  return status;
}
