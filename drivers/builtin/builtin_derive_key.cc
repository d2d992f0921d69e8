#include "drivers/builtin/builtin_derive_key.h"

#include <string.h>

#include "drivers/builtin/builtin_ecc.h"
#include "mbedtls/bignum.h"
#include "mbedtls/des.h"
#include "mbedtls/ecp.h"
#include "mbedtls/platform_util.h"

namespace drivers::builtin {
namespace {

// An Mbed TLS group, freed on scope exit.
struct Group {
  Group() { mbedtls_ecp_group_init(&grp); }
  ~Group() { mbedtls_ecp_group_free(&grp); }
  mbedtls_ecp_group grp;
};

struct Mpi {
  Mpi() { mbedtls_mpi_init(&value); }
  ~Mpi() { mbedtls_mpi_free(&value); }
  mbedtls_mpi value;
};

psa_status_t FromMbedtls(int ret) {
  if (ret == 0) return PSA_SUCCESS;
  if (ret == MBEDTLS_ERR_MPI_ALLOC_FAILED) return PSA_ERROR_INSUFFICIENT_MEMORY;
  if (ret == MBEDTLS_ERR_MPI_BUFFER_TOO_SMALL) return PSA_ERROR_BUFFER_TOO_SMALL;
  return PSA_ERROR_CORRUPTION_DETECTED;
}

psa_status_t DeriveDes(size_t bits, const uint8_t* input, size_t input_length, uint8_t* key_buffer,
                       size_t key_buffer_size, size_t* key_buffer_length) {
  const size_t length = bits / 8;
  if ((bits != 64 && bits != 128 && bits != 192) || input_length != length) return PSA_ERROR_INVALID_ARGUMENT;
  if (key_buffer_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  memcpy(key_buffer, input, length);
  for (size_t part = 0; part < length; part += MBEDTLS_DES_KEY_SIZE) {
    mbedtls_des_key_set_parity(key_buffer + part);
    if (mbedtls_des_key_check_weak(key_buffer + part) != 0) {
      mbedtls_platform_zeroize(key_buffer, key_buffer_size);
      return PSA_ERROR_INSUFFICIENT_DATA;
    }
  }
  *key_buffer_length = length;
  return PSA_SUCCESS;
}

// k from `input` with the bits above the order's size cleared.
int LoadCandidate(const mbedtls_mpi& n, const uint8_t* input, size_t input_length, mbedtls_mpi* k) {
  int ret = mbedtls_mpi_read_binary(k, input, input_length);
  for (size_t bit = mbedtls_mpi_bitlen(&n); ret == 0 && bit < 8 * input_length; ++bit) {
    ret = mbedtls_mpi_set_bit(k, bit, 0);
  }
  return ret;
}

psa_status_t DeriveWeierstrass(const EccCurve& curve, const uint8_t* input, size_t input_length,
                               uint8_t* key_buffer, size_t key_buffer_size, size_t* key_buffer_length) {
  Group group;
  int ret = mbedtls_ecp_group_load(&group.grp, curve.group_id);
  if (ret != 0) return PSA_ERROR_NOT_SUPPORTED;
  const size_t n_bytes = (mbedtls_mpi_bitlen(&group.grp.N) + 7) / 8;
  if (input_length != n_bytes) return PSA_ERROR_INVALID_ARGUMENT;
  if (key_buffer_size < curve.private_key_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  Mpi k, limit;
  ret = LoadCandidate(group.grp.N, input, input_length, &k.value);
  // Candidates above n - 2 are discarded (SP 800-56A 5.6.1.2.2).
  if (ret == 0) ret = mbedtls_mpi_sub_int(&limit.value, &group.grp.N, 2);
  if (ret != 0) return FromMbedtls(ret);
  if (mbedtls_mpi_cmp_mpi(&k.value, &limit.value) > 0) return PSA_ERROR_INSUFFICIENT_DATA;
  ret = mbedtls_mpi_add_int(&k.value, &k.value, 1);
  if (ret == 0) ret = mbedtls_mpi_write_binary(&k.value, key_buffer, curve.private_key_length);
  if (ret != 0) {
    mbedtls_platform_zeroize(key_buffer, key_buffer_size);
    return FromMbedtls(ret);
  }
  *key_buffer_length = curve.private_key_length;
  return PSA_SUCCESS;
}

psa_status_t DeriveMontgomery(size_t bits, const uint8_t* input, size_t input_length, uint8_t* key_buffer,
                              size_t key_buffer_size, size_t* key_buffer_length) {
  const size_t length = bits == 255 ? 32 : bits == 448 ? 56 : 0;
  if (length == 0) return PSA_ERROR_NOT_SUPPORTED;
  if (input_length != length) return PSA_ERROR_INVALID_ARGUMENT;
  if (key_buffer_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  memcpy(key_buffer, input, length);
  if (bits == 255) {
    key_buffer[0] &= 248;
    key_buffer[31] &= 127;
    key_buffer[31] |= 64;
  } else {
    key_buffer[0] &= 252;
    key_buffer[55] |= 128;
  }
  *key_buffer_length = length;
  return PSA_SUCCESS;
}

psa_status_t DeriveSpake2p(const EccCurve& curve, const uint8_t* input, size_t input_length, uint8_t* key_buffer,
                           size_t key_buffer_size, size_t* key_buffer_length) {
  Group group;
  if (mbedtls_ecp_group_load(&group.grp, curve.group_id) != 0) return PSA_ERROR_NOT_SUPPORTED;
  const size_t part = (mbedtls_mpi_bitlen(&group.grp.N) + 7) / 8 + 8;
  const size_t scalar = curve.private_key_length;
  if (input_length != 2 * part) return PSA_ERROR_INVALID_ARGUMENT;
  if (key_buffer_size < 2 * scalar) return PSA_ERROR_BUFFER_TOO_SMALL;
  Mpi ws, w;
  int ret = 0;
  for (size_t i = 0; i < 2 && ret == 0; ++i) {
    ret = mbedtls_mpi_read_binary(&ws.value, input + i * part, part);
    if (ret == 0) ret = mbedtls_mpi_mod_mpi(&w.value, &ws.value, &group.grp.N);
    // w = 0 is no scalar (probability 2^-256 or less): draw again.
    if (ret == 0 && mbedtls_mpi_cmp_int(&w.value, 0) == 0) {
      mbedtls_platform_zeroize(key_buffer, key_buffer_size);
      return PSA_ERROR_INSUFFICIENT_DATA;
    }
    if (ret == 0) ret = mbedtls_mpi_write_binary(&w.value, key_buffer + i * scalar, scalar);
  }
  if (ret != 0) {
    mbedtls_platform_zeroize(key_buffer, key_buffer_size);
    return FromMbedtls(ret);
  }
  *key_buffer_length = 2 * scalar;
  return PSA_SUCCESS;
}

}  // namespace
}  // namespace drivers::builtin

extern "C" psa_status_t builtin_derive_key(const psa_key_attributes_t* attributes, const uint8_t* input,
                                           size_t input_length, void* memory, uint8_t* key_buffer,
                                           size_t key_buffer_size, size_t* key_buffer_length) {
  using namespace drivers::builtin;
  (void)memory;
  *key_buffer_length = 0;
  const psa_key_type_t type = psa_get_key_type(attributes);
  const size_t bits = psa_get_key_bits(attributes);
  if (input_length == 0) return PSA_ERROR_INVALID_ARGUMENT;
  if (type == PSA_KEY_TYPE_DES) {
    return DeriveDes(bits, input, input_length, key_buffer, key_buffer_size, key_buffer_length);
  }
  if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) {
    const psa_ecc_family_t family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
    if (family == PSA_ECC_FAMILY_MONTGOMERY) {
      return DeriveMontgomery(bits, input, input_length, key_buffer, key_buffer_size, key_buffer_length);
    }
    if (family == PSA_ECC_FAMILY_TWISTED_EDWARDS) return PSA_ERROR_NOT_SUPPORTED;
    const EccCurve* curve = FindEccCurve(family, bits);
    if (curve == nullptr || curve->group_id == MBEDTLS_ECP_DP_NONE) return PSA_ERROR_NOT_SUPPORTED;
    return DeriveWeierstrass(*curve, input, input_length, key_buffer, key_buffer_size, key_buffer_length);
  }
  if (PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type)) {
    const psa_ecc_family_t family = PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(type);
    if (family != PSA_ECC_FAMILY_SECP_R1) return PSA_ERROR_NOT_SUPPORTED;
    const EccCurve* curve = FindEccCurve(family, bits);
    if (curve == nullptr || curve->group_id == MBEDTLS_ECP_DP_NONE) return PSA_ERROR_NOT_SUPPORTED;
    return DeriveSpake2p(*curve, input, input_length, key_buffer, key_buffer_size, key_buffer_length);
  }
  return PSA_ERROR_NOT_SUPPORTED;
}
