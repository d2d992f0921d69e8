// PSA hash algorithms -> OpenSSL digests, fetched once per process from the
// default provider and kept (EVP_MD_fetch is a name lookup under a lock:
// too slow for every call).

#ifndef DRIVERS_OPENSSL_OPENSSL_DIGEST_H_
#define DRIVERS_OPENSSL_OPENSSL_DIGEST_H_

#include <openssl/evp.h>

#include "psa/crypto_driver_common.h"

namespace drivers::openssl {

// The digest of `alg`: SHA-1, SHA-224/256/384/512, SHA-512/224, SHA-512/256,
// SHA3-224/256/384/512. nullptr for any other algorithm (MD5, RIPEMD-160 and
// SHAKE are left to the builtin driver). Thread-safe.
const EVP_MD* DigestOf(psa_algorithm_t alg);

// The name OpenSSL's providers know the digest of `alg` by ("SHA2-256"),
// nullptr where DigestOf is nullptr.
const char* DigestNameOf(psa_algorithm_t alg);

}  // namespace drivers::openssl

#endif  // DRIVERS_OPENSSL_OPENSSL_DIGEST_H_
