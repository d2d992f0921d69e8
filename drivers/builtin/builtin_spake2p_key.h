// SPAKE2+ keys of the builtin driver (PSA Crypto 1.2 PAKE extension,
// "SPAKE2+ keys"), on P-256 only: import of key pairs (w0 || w1, both
// scalars in [1, n-1], 64 bytes) and public keys (w0 || L with L = w1*G an
// uncompressed point on the curve other than the identity, 97 bytes), and
// export of the public key of a key pair. Other curves are
// PSA_ERROR_NOT_SUPPORTED. The C entry points in builtin_key_management.cc
// call these. Private to drivers/builtin.

#ifndef DRIVERS_BUILTIN_BUILTIN_SPAKE2P_KEY_H_
#define DRIVERS_BUILTIN_BUILTIN_SPAKE2P_KEY_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

namespace drivers::builtin {

// "import_key" for a SPAKE2+ `type`: *bits is 0 or the size to check (256),
// set to 256 on success. The key buffer is a copy of the data.
psa_status_t Spake2pImportKey(psa_key_type_t type, const uint8_t* data, size_t data_length, uint8_t* key_buffer,
                              size_t key_buffer_size, size_t* key_buffer_length, size_t* bits);

// "export_public_key": w0 || L, from a key pair (L computed) or a public
// key (copied), both checked as on import.
psa_status_t Spake2pExportPublicKey(psa_key_type_t type, size_t bits, const uint8_t* key_buffer,
                                    size_t key_buffer_size, uint8_t* data, size_t data_size, size_t* data_length);

}  // namespace drivers::builtin

#endif  // DRIVERS_BUILTIN_BUILTIN_SPAKE2P_KEY_H_
