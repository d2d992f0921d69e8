// RSA keys of the builtin driver over Mbed TLS: import, generation and
// public key export of RSA key pairs (DER RSAPrivateKey, PKCS #1 version 0)
// and public keys (DER RSAPublicKey). The C entry points in
// builtin_key_management.cc call these; the formats and statuses are the
// ones documented in builtin_key_management.h. Private to drivers/builtin.

#ifndef DRIVERS_BUILTIN_BUILTIN_RSA_H_
#define DRIVERS_BUILTIN_BUILTIN_RSA_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

namespace drivers::builtin {

// Supported modulus sizes: kRsaMinBits to kRsaMaxBits, multiples of 8 (the
// byte-oriented size macros and Mbed TLS's RSA operations count whole
// bytes).
inline constexpr size_t kRsaMinBits = 1024;
inline constexpr size_t kRsaMaxBits = 4096;

// The public exponent of generated keys.
inline constexpr int kRsaGeneratedExponent = 65537;

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

// "export_public_key" for an RSA `type` of size `bits`.
psa_status_t RsaExportPublicKey(psa_key_type_t type, size_t bits,
                                const uint8_t* key_buffer,
                                size_t key_buffer_size, uint8_t* data,
                                size_t data_size, size_t* data_length);

}  // namespace drivers::builtin

#endif  // DRIVERS_BUILTIN_BUILTIN_RSA_H_
