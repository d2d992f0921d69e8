// The Mbed TLS message digest of a PSA hash algorithm, for the builtin
// families that name a hash to Mbed TLS (signatures, OAEP). Private to
// drivers/builtin.

#ifndef DRIVERS_BUILTIN_MBEDTLS_MD_TYPE_H_
#define DRIVERS_BUILTIN_MBEDTLS_MD_TYPE_H_

#include "mbedtls/md.h"
#include "psa/crypto_driver_common.h"

namespace drivers::builtin {

// The Mbed TLS digest of `hash` (PSA_ALG_MD5, PSA_ALG_RIPEMD160,
// PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256, PSA_ALG_SHA_384,
// PSA_ALG_SHA_512: the hashes of builtin_hash), or MBEDTLS_MD_NONE for any
// other value, or when this Mbed TLS build leaves the digest out.
mbedtls_md_type_t MbedtlsMdTypeOfHash(psa_algorithm_t hash);

}  // namespace drivers::builtin

#endif  // DRIVERS_BUILTIN_MBEDTLS_MD_TYPE_H_
