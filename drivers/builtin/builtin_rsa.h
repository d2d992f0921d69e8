// RSA keys of the builtin driver over Mbed TLS: import, generation and
// public key export of RSA key pairs (DER RSAPrivateKey, PKCS #1 version 0)
// and public keys (DER RSAPublicKey). The C entry points in
// builtin_key_management.cc call these; the formats and statuses are the
// ones documented in builtin_key_management.h. Private to drivers/builtin.

#ifndef DRIVERS_BUILTIN_BUILTIN_RSA_H_
#define DRIVERS_BUILTIN_BUILTIN_RSA_H_

#include <stddef.h>
#include <stdint.h>

#include "mbedtls/rsa.h"
#include "psa/crypto_driver_common.h"

namespace drivers::builtin {

// Supported modulus sizes: kRsaMinBits to kRsaMaxBits, multiples of 8 (the
// byte-oriented size macros and Mbed TLS's RSA operations count whole
// bytes).
inline constexpr size_t kRsaMinBits = 1024;
inline constexpr size_t kRsaMaxBits = 4096;

// The public exponent of generated keys.
inline constexpr int kRsaGeneratedExponent = 65537;

// An Mbed TLS RSA context (PKCS#1 v1.5 padding until set otherwise), freed
// and its numbers wiped on every path.
class RsaContext {
 public:
  RsaContext() { mbedtls_rsa_init(&context, MBEDTLS_RSA_PKCS_V15, 0); }
  ~RsaContext() { mbedtls_rsa_free(&context); }
  RsaContext(const RsaContext&) = delete;
  RsaContext& operator=(const RsaContext&) = delete;

  mbedtls_rsa_context context;
};

// Whether `bits` is a supported modulus size.
bool RsaKeySizeIsSupported(size_t bits);

// "import_key" for an RSA `type`: *bits is 0 or the size to check, and is
// set to the key size on success.
psa_status_t RsaImportKey(psa_key_type_t type, const uint8_t* data,
                          size_t data_length, uint8_t* key_buffer,
                          size_t key_buffer_size, size_t* key_buffer_length,
                          size_t* bits);

// "generate_key" for PSA_KEY_TYPE_RSA_KEY_PAIR of size `bits`, exponent
// kRsaGeneratedExponent.
psa_status_t RsaGenerateKey(psa_key_type_t type, size_t bits,
                            uint8_t* key_buffer, size_t key_buffer_size,
                            size_t* key_buffer_length);

// What a loaded key serves. kPublic: the public operations (verify,
// encrypt), n and e only, also from a key pair. kPrivate: a key pair whole,
// with the CRT values (dp, dq, qinv) it stores, so that Mbed TLS does not
// derive them again.
enum class RsaKeyUse { kPublic, kPrivate };

// Loads a stored RSA key of `type` and size `bits` (a key buffer that
// RsaImportKey or RsaGenerateKey wrote, hence validated then) into the
// freshly initialized `rsa`, ready for the operations of `use`.
// PSA_ERROR_NOT_SUPPORTED for a type or size this driver does not serve,
// PSA_ERROR_INVALID_ARGUMENT for a buffer that does not parse, whose
// modulus is not `bits` long, or a public key for kPrivate.
psa_status_t RsaLoadKey(psa_key_type_t type, size_t bits,
                        const uint8_t* key_buffer, size_t key_buffer_size,
                        RsaKeyUse use, mbedtls_rsa_context* rsa);

// "export_public_key" for an RSA `type` of size `bits`.
psa_status_t RsaExportPublicKey(psa_key_type_t type, size_t bits,
                                const uint8_t* key_buffer,
                                size_t key_buffer_size, uint8_t* data,
                                size_t data_size, size_t* data_length);

}  // namespace drivers::builtin

#endif  // DRIVERS_BUILTIN_BUILTIN_RSA_H_
