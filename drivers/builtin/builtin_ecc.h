// Elliptic curve keys of the builtin driver over Mbed TLS: the curves it
// supports, and import, generation and public key export of ECC key pairs
// and public keys in their PSA export formats. The C entry points in
// builtin_key_management.cc call these; the formats and statuses are the
// ones documented in builtin_key_management.h. Private to drivers/builtin.

#ifndef DRIVERS_BUILTIN_BUILTIN_ECC_H_
#define DRIVERS_BUILTIN_BUILTIN_ECC_H_

#include <stddef.h>
#include <stdint.h>

#include "mbedtls/ecp.h"
#include "psa/crypto_driver_common.h"

namespace drivers::builtin {

// One curve of a PSA ECC family, as the PSA specification names it.
struct EccCurve {
  psa_ecc_family_t family;
  size_t bits;  // the PSA key size
  // The Mbed TLS group, MBEDTLS_ECP_DP_NONE when the curve is not supported.
  mbedtls_ecp_group_id group_id;
  // Bytes of a private key: ceil(bits / 8).
  size_t private_key_length;
  // Bytes of a field element (a coordinate): ceil(log2(p) / 8). It differs
  // from private_key_length for secp224k1, whose order n exceeds p.
  size_t coordinate_length;
};

// Mbed TLS objects of one ECC operation, freed (and their numbers wiped) on
// every path.
class EcpObjects {
 public:
  EcpObjects() {
    mbedtls_ecp_group_init(&group);
    mbedtls_mpi_init(&private_key);
    mbedtls_ecp_point_init(&public_key);
  }
  ~EcpObjects() {
    mbedtls_ecp_point_free(&public_key);
    mbedtls_mpi_free(&private_key);
    mbedtls_ecp_group_free(&group);
  }
  EcpObjects(const EcpObjects&) = delete;
  EcpObjects& operator=(const EcpObjects&) = delete;

  mbedtls_ecp_group group;
  mbedtls_mpi private_key;
  mbedtls_ecp_point public_key;
};

// Loads the private key `key` (its export format, curve.private_key_length
// bytes) of `curve` into objects->private_key, with objects->group loaded,
// and checks it: d in [1, n-1] (Weierstrass), forced bits set (Montgomery).
// PSA_ERROR_INVALID_ARGUMENT for a key that fails the check.
psa_status_t EccLoadPrivateKey(const EccCurve& curve, const uint8_t* key,
                               EcpObjects* objects);

// Loads the public key `key` (its export format, key_length bytes) of
// `curve` into objects->public_key, with objects->group loaded, and checks
// it: on the curve and not the point at infinity (Weierstrass), not a point
// of small order (Montgomery). PSA_ERROR_INVALID_ARGUMENT for a key that
// fails the check.
psa_status_t EccLoadPublicKey(const EccCurve& curve, const uint8_t* key,
                              size_t key_length, EcpObjects* objects);

// The curve of `family` with key size `bits`, or nullptr when the family
// has no such curve or this driver knows none of its curves. Curves that
// exist but are not supported are returned with group_id
// MBEDTLS_ECP_DP_NONE.
const EccCurve* FindEccCurve(psa_ecc_family_t family, size_t bits);

// Length of the export format of a key of `type` on `curve`: the private key
// for a key pair, the public key (uncompressed point or u-coordinate) for a
// public key.
size_t EccKeyLength(psa_key_type_t type, const EccCurve& curve);

// "import_key" for an ECC `type`: *bits is 0 or the size to check, and is
// set to the key size on success.
psa_status_t EccImportKey(psa_key_type_t type, const uint8_t* data,
                          size_t data_length, uint8_t* key_buffer,
                          size_t key_buffer_size, size_t* key_buffer_length,
                          size_t* bits);

// "generate_key" for an ECC key pair `type` of size `bits`.
psa_status_t EccGenerateKey(psa_key_type_t type, size_t bits,
                            uint8_t* key_buffer, size_t key_buffer_size,
                            size_t* key_buffer_length);

// "export_public_key" for an ECC `type` of size `bits`.
psa_status_t EccExportPublicKey(psa_key_type_t type, size_t bits,
                                const uint8_t* key_buffer,
                                size_t key_buffer_size, uint8_t* data,
                                size_t data_size, size_t* data_length);

}  // namespace drivers::builtin

#endif  // DRIVERS_BUILTIN_BUILTIN_ECC_H_
