// PSA key buffers (the export formats) -> OpenSSL keys (EVP_PKEY), for the
// openssl driver's asymmetric entry points.
//
// Formats, as psa_export_key / psa_export_public_key define them:
//   - ECC key pair: the private scalar, big-endian in ceil(bits/8) bytes on
//     Weierstrass curves; the RFC 7748 scalar (X25519/X448) or the RFC 8032
//     private key (Ed25519, 32 bytes; Ed448, 57 bytes) otherwise;
//   - ECC public key: 0x04 || x || y on Weierstrass curves; the RFC 7748
//     u-coordinate or RFC 8032 encoded point otherwise;
//   - RSA: DER RSAPrivateKey / RSAPublicKey (PKCS #1).

#ifndef DRIVERS_OPENSSL_OPENSSL_PKEY_H_
#define DRIVERS_OPENSSL_OPENSSL_PKEY_H_

#include <stddef.h>
#include <stdint.h>

#include <memory>

#include <openssl/evp.h>

#include "psa/crypto_driver_common.h"

namespace drivers::openssl {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
// An owned reference to an OpenSSL key (EVP_PKEY is reference-counted; the
// private parts are cleared when the last reference goes).
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;

// A Weierstrass curve the driver serves: SECP_R1 224, 256, 384, 521;
// SECP_K1 256; BRAINPOOL_P_R1 256, 384, 512.
struct WeierstrassCurve {
  const char* group_name;  // OpenSSL's name, e.g. "prime256v1"
  int nid;
  size_t coordinate_bytes;  // ceil(bits / 8): scalar, coordinate, r and s
};

// The curve of `family` and `bits`, nullptr if the driver does not serve it.
const WeierstrassCurve* FindWeierstrassCurve(psa_ecc_family_t family, size_t bits);

// Whether the driver serves the key type and size at all (the curves above,
// X25519, X448, Ed25519, Ed448, RSA of 1024 to 8192 bits).
bool IsServedKey(psa_key_type_t type, size_t bits);

// Builds the OpenSSL key for a key buffer of `type` and `bits`. The buffer is
// one the core stored (validated at import), but is checked again for its
// length and, where OpenSSL checks, its contents. Returns PSA_SUCCESS;
// PSA_ERROR_NOT_SUPPORTED (type or size not served); PSA_ERROR_INVALID_ARGUMENT
// (the buffer does not hold such a key); PSA_ERROR_INSUFFICIENT_MEMORY.
// Every temporary copy of private material is wiped.
psa_status_t ParseKey(psa_key_type_t type, size_t bits, const uint8_t* key_buffer, size_t key_buffer_size,
                      Pkey* key);

// Builds the public key of a peer for key agreement with a key pair of
// `family` and `bits`: an uncompressed point on the curve (Weierstrass) or a
// u-coordinate (Montgomery). PSA_ERROR_INVALID_ARGUMENT for a wrong length, a
// compressed or hybrid point, or a point not on the curve.
psa_status_t ParsePeerKey(psa_ecc_family_t family, size_t bits, const uint8_t* peer_key, size_t peer_key_length,
                          Pkey* key);

// The EVP_PKEY type of a Montgomery or Edwards key (EVP_PKEY_X25519, ...), or
// EVP_PKEY_NONE.
int RawKeyType(psa_ecc_family_t family, size_t bits);

// The length of a raw Montgomery / Edwards private key or public key of
// `family` and `bits` (32 for X25519 and Ed25519, 56 for X448, 57 for Ed448);
// 0 if none.
size_t RawKeyLength(psa_ecc_family_t family, size_t bits);

}  // namespace drivers::openssl

#endif  // DRIVERS_OPENSSL_OPENSSL_PKEY_H_
