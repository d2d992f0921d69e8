// ECC key import, generation and public key export (see builtin_ecc.h).
//
// The curve table follows the PSA specification's list of curves per family
// ("Elliptic curve families"), so that a data length or key size that names
// a real curve Mbed TLS lacks is PSA_ERROR_NOT_SUPPORTED, and one that names
// no curve of the family is PSA_ERROR_INVALID_ARGUMENT ("the key size is not
// valid for the key type"), as is a family value in the reserved range
// 0x80-0xff. Families the specification defines but this table leaves out
// (binary curves, Edwards, SECP_R2, FRP) are PSA_ERROR_NOT_SUPPORTED.

#include "drivers/builtin/builtin_ecc.h"

#include <cstring>

#include "drivers/builtin/mbedtls_key_status.h"
#include "drivers/builtin/mbedtls_rng.h"
#include "mbedtls/bignum.h"
#include "mbedtls/platform_util.h"

namespace drivers::builtin {
namespace {

// Mbed TLS group ids, or MBEDTLS_ECP_DP_NONE where the Mbed TLS build leaves
// the curve out.
#if defined(MBEDTLS_ECP_DP_SECP192K1_ENABLED)
constexpr mbedtls_ecp_group_id kSecp192k1 = MBEDTLS_ECP_DP_SECP192K1;
#else
constexpr mbedtls_ecp_group_id kSecp192k1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_SECP224K1_ENABLED)
constexpr mbedtls_ecp_group_id kSecp224k1 = MBEDTLS_ECP_DP_SECP224K1;
#else
constexpr mbedtls_ecp_group_id kSecp224k1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_SECP256K1_ENABLED)
constexpr mbedtls_ecp_group_id kSecp256k1 = MBEDTLS_ECP_DP_SECP256K1;
#else
constexpr mbedtls_ecp_group_id kSecp256k1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_SECP192R1_ENABLED)
constexpr mbedtls_ecp_group_id kSecp192r1 = MBEDTLS_ECP_DP_SECP192R1;
#else
constexpr mbedtls_ecp_group_id kSecp192r1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_SECP224R1_ENABLED)
constexpr mbedtls_ecp_group_id kSecp224r1 = MBEDTLS_ECP_DP_SECP224R1;
#else
constexpr mbedtls_ecp_group_id kSecp224r1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_SECP256R1_ENABLED)
constexpr mbedtls_ecp_group_id kSecp256r1 = MBEDTLS_ECP_DP_SECP256R1;
#else
constexpr mbedtls_ecp_group_id kSecp256r1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_SECP384R1_ENABLED)
constexpr mbedtls_ecp_group_id kSecp384r1 = MBEDTLS_ECP_DP_SECP384R1;
#else
constexpr mbedtls_ecp_group_id kSecp384r1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_SECP521R1_ENABLED)
constexpr mbedtls_ecp_group_id kSecp521r1 = MBEDTLS_ECP_DP_SECP521R1;
#else
constexpr mbedtls_ecp_group_id kSecp521r1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_BP256R1_ENABLED)
constexpr mbedtls_ecp_group_id kBrainpoolP256r1 = MBEDTLS_ECP_DP_BP256R1;
#else
constexpr mbedtls_ecp_group_id kBrainpoolP256r1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_BP384R1_ENABLED)
constexpr mbedtls_ecp_group_id kBrainpoolP384r1 = MBEDTLS_ECP_DP_BP384R1;
#else
constexpr mbedtls_ecp_group_id kBrainpoolP384r1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_BP512R1_ENABLED)
constexpr mbedtls_ecp_group_id kBrainpoolP512r1 = MBEDTLS_ECP_DP_BP512R1;
#else
constexpr mbedtls_ecp_group_id kBrainpoolP512r1 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_CURVE25519_ENABLED)
constexpr mbedtls_ecp_group_id kCurve25519 = MBEDTLS_ECP_DP_CURVE25519;
#else
constexpr mbedtls_ecp_group_id kCurve25519 = MBEDTLS_ECP_DP_NONE;
#endif
#if defined(MBEDTLS_ECP_DP_CURVE448_ENABLED)
constexpr mbedtls_ecp_group_id kCurve448 = MBEDTLS_ECP_DP_CURVE448;
#else
constexpr mbedtls_ecp_group_id kCurve448 = MBEDTLS_ECP_DP_NONE;
#endif

constexpr mbedtls_ecp_group_id kUnsupported = MBEDTLS_ECP_DP_NONE;

// Every curve of the families this driver serves (PSA Crypto API 1.2,
// "Elliptic curve families"); other families are not supported at all.
constexpr EccCurve kCurves[] = {
    {PSA_ECC_FAMILY_SECP_K1, 192, kSecp192k1, 24, 24},
    {PSA_ECC_FAMILY_SECP_K1, 225, kSecp224k1, 29, 28},
    {PSA_ECC_FAMILY_SECP_K1, 256, kSecp256k1, 32, 32},
    {PSA_ECC_FAMILY_SECP_R1, 192, kSecp192r1, 24, 24},
    {PSA_ECC_FAMILY_SECP_R1, 224, kSecp224r1, 28, 28},
    {PSA_ECC_FAMILY_SECP_R1, 256, kSecp256r1, 32, 32},
    {PSA_ECC_FAMILY_SECP_R1, 384, kSecp384r1, 48, 48},
    {PSA_ECC_FAMILY_SECP_R1, 521, kSecp521r1, 66, 66},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 160, kUnsupported, 20, 20},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 192, kUnsupported, 24, 24},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 224, kUnsupported, 28, 28},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256, kBrainpoolP256r1, 32, 32},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 320, kUnsupported, 40, 40},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384, kBrainpoolP384r1, 48, 48},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512, kBrainpoolP512r1, 64, 64},
    {PSA_ECC_FAMILY_MONTGOMERY, 255, kCurve25519, 32, 32},
    {PSA_ECC_FAMILY_MONTGOMERY, 448, kCurve448, 56, 56},
};

// SEC 1 (2.3.3) uncompressed point encoding: the first byte.
constexpr uint8_t kPointUncompressed = 0x04;

// psa_ecc_family_t values 0x80-0xff are reserved: "must not be used".
bool FamilyIsReserved(psa_ecc_family_t family) { return (family & 0x80) != 0; }

bool IsMontgomery(psa_ecc_family_t family) {
  return family == PSA_ECC_FAMILY_MONTGOMERY;
}

bool FamilyIsListed(psa_ecc_family_t family) {
  for (const EccCurve& curve : kCurves) {
    if (curve.family == family) return true;
  }
  return false;
}

// Sets the RFC 7748 (section 5) forced bits of a little-endian Montgomery
// scalar of `curve`: decodeScalar25519 clears bits 0-2 and 255 and sets bit
// 254; decodeScalar448 clears bits 0-1 and sets bit 447.
void SetMontgomeryForcedBits(const EccCurve& curve, uint8_t* scalar) {
  const size_t last = curve.private_key_length - 1;
  if (curve.bits == 255) {
    scalar[0] &= 0xF8;
    scalar[last] &= 0x7F;
    scalar[last] |= 0x40;
  } else {
    scalar[0] &= 0xFC;
    scalar[last] |= 0x80;
  }
}

// The curve of the key that `data` holds: the one `*bits` names, or when
// `*bits` is 0 the one whose export format has the data's length.
// INVALID_ARGUMENT when the family has no curve of that size, when no curve
// of the family (or not the named one) matches the data, and for a public
// key that is not an uncompressed point (the only PSA format: compressed
// points are malformed data); NOT_SUPPORTED for a curve Mbed TLS lacks.
psa_status_t ResolveCurveForImport(psa_key_type_t type, const uint8_t* data,
                                   size_t data_length, size_t bits,
                                   const EccCurve** resolved) {
  const psa_ecc_family_t family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  const bool weierstrass_public_key =
      PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type) && !IsMontgomery(family);

  const EccCurve* named = nullptr;
  if (bits != 0) {
    named = FindEccCurve(family, bits);
    if (named == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
    if (named->group_id == MBEDTLS_ECP_DP_NONE) return PSA_ERROR_NOT_SUPPORTED;
  }
  if (data_length == 0) return PSA_ERROR_INVALID_ARGUMENT;

  if (weierstrass_public_key && data[0] != kPointUncompressed) {
    // Compressed (0x02, 0x03) and hybrid points, the point at infinity
    // (0x00) and garbage are not the PSA export format.
    return PSA_ERROR_INVALID_ARGUMENT;
  }

  if (named != nullptr) {
    if (data_length != EccKeyLength(type, *named)) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    *resolved = named;
    return PSA_SUCCESS;
  }

  const EccCurve* match = nullptr;
  for (const EccCurve& curve : kCurves) {
    if (curve.family != family || EccKeyLength(type, curve) != data_length) {
      continue;
    }
    // Two curves of a family with one length (as sect233k1 and sect239k1
    // would be): the size cannot be determined from the data.
    if (match != nullptr) return PSA_ERROR_INVALID_ARGUMENT;
    match = &curve;
  }
  if (match == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  if (match->group_id == MBEDTLS_ECP_DP_NONE) return PSA_ERROR_NOT_SUPPORTED;
  *resolved = match;
  return PSA_SUCCESS;
}

}  // namespace

psa_status_t EccLoadPrivateKey(const EccCurve& curve, const uint8_t* key,
                               EcpObjects* objects) {
  int ret = mbedtls_ecp_group_load(&objects->group, curve.group_id);
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  ret = IsMontgomery(curve.family)
            ? mbedtls_mpi_read_binary_le(&objects->private_key, key,
                                         curve.private_key_length)
            : mbedtls_mpi_read_binary(&objects->private_key, key,
                                      curve.private_key_length);
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  return PsaStatusFromMbedtlsKeyCheck(
      mbedtls_ecp_check_privkey(&objects->group, &objects->private_key));
}

psa_status_t EccLoadPublicKey(const EccCurve& curve, const uint8_t* key,
                              size_t key_length, EcpObjects* objects) {
  int ret = mbedtls_ecp_group_load(&objects->group, curve.group_id);
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  ret = mbedtls_ecp_point_read_binary(&objects->group, &objects->public_key,
                                      key, key_length);
  if (ret != 0) return PsaStatusFromMbedtlsKeyCheck(ret);
  return PsaStatusFromMbedtlsKeyCheck(
      mbedtls_ecp_check_pubkey(&objects->group, &objects->public_key));
}

const EccCurve* FindEccCurve(psa_ecc_family_t family, size_t bits) {
  for (const EccCurve& curve : kCurves) {
    if (curve.family == family && curve.bits == bits) return &curve;
  }
  return nullptr;
}

size_t EccKeyLength(psa_key_type_t type, const EccCurve& curve) {
  if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) return curve.private_key_length;
  if (IsMontgomery(curve.family)) return curve.coordinate_length;
  return 1 + 2 * curve.coordinate_length;
}

psa_status_t EccImportKey(psa_key_type_t type, const uint8_t* data,
                          size_t data_length, uint8_t* key_buffer,
                          size_t key_buffer_size, size_t* key_buffer_length,
                          size_t* bits) {
  if (!PSA_KEY_TYPE_IS_ECC(type)) return PSA_ERROR_NOT_SUPPORTED;
  if (FamilyIsReserved(PSA_KEY_TYPE_ECC_GET_FAMILY(type))) return PSA_ERROR_INVALID_ARGUMENT;
  if (!FamilyIsListed(PSA_KEY_TYPE_ECC_GET_FAMILY(type))) return PSA_ERROR_NOT_SUPPORTED;
  const EccCurve* curve = nullptr;
  psa_status_t status =
      ResolveCurveForImport(type, data, data_length, *bits, &curve);
  if (status != PSA_SUCCESS) return status;

  if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type) && IsMontgomery(curve->family)) {
    // Every byte string is a scalar (RFC 7748 implementations accept any);
    // the export format has the forced bits set, so set them.
    if (key_buffer_size < data_length) return PSA_ERROR_BUFFER_TOO_SMALL;
    std::memcpy(key_buffer, data, data_length);
    SetMontgomeryForcedBits(*curve, key_buffer);
    *key_buffer_length = data_length;
    *bits = curve->bits;
    return PSA_SUCCESS;
  }

  EcpObjects objects;
  status = PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)
               ? EccLoadPrivateKey(*curve, data, &objects)
               : EccLoadPublicKey(*curve, data, data_length, &objects);
  if (status != PSA_SUCCESS) return status;

  if (key_buffer_size < data_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  std::memcpy(key_buffer, data, data_length);
  *key_buffer_length = data_length;
  *bits = curve->bits;
  return PSA_SUCCESS;
}

psa_status_t EccGenerateKey(psa_key_type_t type, size_t bits,
                            uint8_t* key_buffer, size_t key_buffer_size,
                            size_t* key_buffer_length) {
  if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) return PSA_ERROR_NOT_SUPPORTED;
  if (bits == 0) return PSA_ERROR_INVALID_ARGUMENT;
  const psa_ecc_family_t family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  if (FamilyIsReserved(family)) return PSA_ERROR_INVALID_ARGUMENT;
  if (!FamilyIsListed(family)) return PSA_ERROR_NOT_SUPPORTED;
  const EccCurve* curve = FindEccCurve(family, bits);
  if (curve == nullptr) return PSA_ERROR_INVALID_ARGUMENT;  // not a size of the family
  if (curve->group_id == MBEDTLS_ECP_DP_NONE) return PSA_ERROR_NOT_SUPPORTED;
  const size_t length = curve->private_key_length;
  if (key_buffer_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;

  PsaRandomContext random;
  if (IsMontgomery(curve->family)) {
    // RFC 7748 section 6: random bytes with the forced bits set.
    if (PsaRandomForMbedtls(&random, key_buffer, length) != 0) {
      return random.status;
    }
    SetMontgomeryForcedBits(*curve, key_buffer);
    *key_buffer_length = length;
    return PSA_SUCCESS;
  }

  // d uniform in [1, n-1] by rejection sampling, written as ceil(bits/8)
  // big-endian bytes.
  EcpObjects objects;
  int ret = mbedtls_ecp_group_load(&objects.group, curve->group_id);
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  ret = mbedtls_ecp_gen_privkey(&objects.group, &objects.private_key,
                                PsaRandomForMbedtls, &random);
  if (ret != 0) {
    return StatusWithRandom(random, PsaStatusFromMbedtlsComputation(ret));
  }
  ret = mbedtls_mpi_write_binary(&objects.private_key, key_buffer, length);
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  *key_buffer_length = length;
  return PSA_SUCCESS;
}

psa_status_t EccExportPublicKey(psa_key_type_t type, size_t bits,
                                const uint8_t* key_buffer,
                                size_t key_buffer_size, uint8_t* data,
                                size_t data_size, size_t* data_length) {
  if (!PSA_KEY_TYPE_IS_ECC(type)) return PSA_ERROR_NOT_SUPPORTED;
  const EccCurve* curve = FindEccCurve(PSA_KEY_TYPE_ECC_GET_FAMILY(type), bits);
  if (curve == nullptr || curve->group_id == MBEDTLS_ECP_DP_NONE) {
    return PSA_ERROR_NOT_SUPPORTED;
  }

  if (PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type)) {
    // The stored public key is the export format: check it as on import and
    // copy it.
    if (key_buffer_size != EccKeyLength(type, *curve)) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (data_size < key_buffer_size) return PSA_ERROR_BUFFER_TOO_SMALL;
    size_t checked_bits = bits;
    return EccImportKey(type, key_buffer, key_buffer_size, data, data_size,
                        data_length, &checked_bits);
  }

  if (key_buffer_size != curve->private_key_length) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const psa_key_type_t public_type = PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type);
  const size_t public_length = EccKeyLength(public_type, *curve);
  if (data_size < public_length) return PSA_ERROR_BUFFER_TOO_SMALL;

  EcpObjects objects;
  psa_status_t status = EccLoadPrivateKey(*curve, key_buffer, &objects);
  if (status != PSA_SUCCESS) return status;

  // Q = d * G, blinded with randomness from the core.
  PsaRandomContext random;
  int ret =
      mbedtls_ecp_mul(&objects.group, &objects.public_key, &objects.private_key,
                      &objects.group.G, PsaRandomForMbedtls, &random);
  if (ret != 0) {
    return StatusWithRandom(random, PsaStatusFromMbedtlsComputation(ret));
  }
  size_t written = 0;
  ret = mbedtls_ecp_point_write_binary(&objects.group, &objects.public_key,
                                       MBEDTLS_ECP_PF_UNCOMPRESSED, &written,
                                       data, data_size);
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  if (written != public_length) return PSA_ERROR_CORRUPTION_DETECTED;
  *data_length = written;
  return PSA_SUCCESS;
}

}  // namespace drivers::builtin
