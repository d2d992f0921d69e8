// P-256 helpers of the builtin PAKE protocols (see ecp_util.h).

#include "drivers/builtin/pake/ecp_util.h"

#include "drivers/builtin/mbedtls_key_status.h"
#include "drivers/builtin/mbedtls_rng.h"
#include "mbedtls/error.h"

namespace drivers::builtin::pake {

psa_status_t StatusFromMbedtls(int ret) {
  if (ret == 0) return PSA_SUCCESS;
  if (IsMbedtlsAllocationFailure(ret)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  if (ret == MBEDTLS_ERR_ECP_INVALID_KEY || ret == MBEDTLS_ERR_ECP_BAD_INPUT_DATA ||
      ret == MBEDTLS_ERR_ECP_FEATURE_UNAVAILABLE) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_ERROR_CORRUPTION_DETECTED;
}

psa_status_t P256::Load() { return StatusFromMbedtls(mbedtls_ecp_group_load(&group_, MBEDTLS_ECP_DP_SECP256R1)); }

psa_status_t ReadScalar(P256& group, const uint8_t* data, size_t length, Mpi* scalar) {
  if (data == nullptr || length == 0 || length > kScalarSize) return PSA_ERROR_INVALID_ARGUMENT;
  psa_status_t status = StatusFromMbedtls(mbedtls_mpi_read_binary(scalar->get(), data, length));
  if (status != PSA_SUCCESS) return status;
  // mbedtls_ecp_check_privkey: 1 <= d < n on short Weierstrass curves.
  return mbedtls_ecp_check_privkey(group.get(), scalar->get()) == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

psa_status_t ReadReducedScalar(P256& group, const uint8_t* data, size_t length, Mpi* scalar) {
  if (data == nullptr && length != 0) return PSA_ERROR_INVALID_ARGUMENT;
  psa_status_t status = StatusFromMbedtls(mbedtls_mpi_read_binary(scalar->get(), data, length));
  if (status == PSA_SUCCESS) {
    status = StatusFromMbedtls(mbedtls_mpi_mod_mpi(scalar->get(), scalar->get(), group.order()));
  }
  if (status == PSA_SUCCESS && mbedtls_mpi_cmp_int(scalar->get(), 0) == 0) status = PSA_ERROR_INVALID_ARGUMENT;
  return status;
}

psa_status_t WriteScalar(const Mpi& scalar, uint8_t out[kScalarSize]) {
  return mbedtls_mpi_write_binary(scalar.get(), out, kScalarSize) == 0 ? PSA_SUCCESS
                                                                      : PSA_ERROR_CORRUPTION_DETECTED;
}

psa_status_t ReadPoint(P256& group, const uint8_t* data, size_t length, Point* point) {
  // Only the uncompressed form (PSA public key format); 0x00 (the identity)
  // and compressed points are refused before Mbed TLS sees them.
  if (data == nullptr || length != kPointSize || data[0] != 0x04) return PSA_ERROR_INVALID_ARGUMENT;
  const int ret = mbedtls_ecp_point_read_binary(group.get(), point->get(), data, length);
  if (ret != 0) return IsMbedtlsAllocationFailure(ret) ? PSA_ERROR_INSUFFICIENT_MEMORY : PSA_ERROR_INVALID_ARGUMENT;
  // On the curve, coordinates reduced, not the identity.
  return mbedtls_ecp_check_pubkey(group.get(), point->get()) == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

psa_status_t WritePoint(P256& group, const Point& point, uint8_t out[kPointSize]) {
  if (mbedtls_ecp_is_zero(const_cast<mbedtls_ecp_point*>(point.get()))) return PSA_ERROR_INVALID_ARGUMENT;
  size_t length = 0;
  const int ret = mbedtls_ecp_point_write_binary(group.get(), point.get(), MBEDTLS_ECP_PF_UNCOMPRESSED, &length,
                                                 out, kPointSize);
  if (ret != 0 || length != kPointSize) return PSA_ERROR_CORRUPTION_DETECTED;
  return PSA_SUCCESS;
}

psa_status_t RandomScalar(P256& group, Mpi* scalar) {
  PsaRandomContext rng;
  const int ret = mbedtls_ecp_gen_privkey(group.get(), scalar->get(), PsaRandomForMbedtls, &rng);
  return StatusWithRandom(rng, StatusFromMbedtls(ret));
}

psa_status_t Multiply(P256& group, Point* r, const Mpi& m, const Point& p) {
  PsaRandomContext rng;
  const int ret = mbedtls_ecp_mul(group.get(), r->get(), m.get(), p.get(), PsaRandomForMbedtls, &rng);
  return StatusWithRandom(rng, StatusFromMbedtls(ret));
}

psa_status_t MultiplyGenerator(P256& group, Point* r, const Mpi& m) {
  PsaRandomContext rng;
  const int ret = mbedtls_ecp_mul(group.get(), r->get(), m.get(), group.generator(), PsaRandomForMbedtls, &rng);
  return StatusWithRandom(rng, StatusFromMbedtls(ret));
}

psa_status_t MulAdd(P256& group, Point* r, const Mpi& a, const Point& pa, const Mpi& b, const Point& pb) {
  return StatusFromMbedtls(mbedtls_ecp_muladd(group.get(), r->get(), a.get(), pa.get(), b.get(), pb.get()));
}

psa_status_t Add(P256& group, Point* r, const Point& a, const Point& b) {
  Mpi one;
  psa_status_t status = StatusFromMbedtls(mbedtls_mpi_lset(one.get(), 1));
  if (status != PSA_SUCCESS) return status;
  return MulAdd(group, r, one, a, one, b);
}

psa_status_t MultiplySecrets(P256& group, Mpi* r, const Mpi& x, const Mpi& s, bool negate) {
  Mpi blinded;
  PsaRandomContext rng;
  int ret = mbedtls_mpi_fill_random(blinded.get(), 16, PsaRandomForMbedtls, &rng);
  if (ret == 0) ret = mbedtls_mpi_mul_mpi(blinded.get(), blinded.get(), group.order());
  if (ret == 0) ret = mbedtls_mpi_add_mpi(blinded.get(), blinded.get(), s.get());
  if (ret == 0) ret = mbedtls_mpi_mul_mpi(r->get(), x.get(), blinded.get());
  if (ret == 0 && negate) r->get()->s = -r->get()->s;
  if (ret == 0) ret = mbedtls_mpi_mod_mpi(r->get(), r->get(), group.order());
  return StatusWithRandom(rng, StatusFromMbedtls(ret));
}

}  // namespace drivers::builtin::pake
