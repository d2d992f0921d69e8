// OpenSSL 3's KDFs (EVP_KDF) as a reference for the differential tests of
// this folder: the TLS 1.2 PRF ("TLS1-PRF") and SP 800-108 counter mode
// ("KBKDF", which by default encodes Label || 0x00 || Context || [L]_4, the
// PSA encoding).

#ifndef PSA_CORE_KDF_TESTING_OPENSSL_KDF_H_
#define PSA_CORE_KDF_TESTING_OPENSSL_KDF_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

namespace psa::core::kdf::testing {

// TLS1-PRF with `digest` ("SHA256", "SHA384"); empty on failure.
std::vector<uint8_t> OpensslTls12Prf(const std::string& digest, const std::vector<uint8_t>& secret,
                                     const std::vector<uint8_t>& label, const std::vector<uint8_t>& seed,
                                     size_t length);

// KBKDF in counter mode with `mac` "HMAC" (and `digest`) or "CMAC" (and
// `cipher`, e.g. "AES-128-CBC"); empty on failure.
std::vector<uint8_t> OpensslKbkdfCounter(const std::string& mac, const std::string& digest_or_cipher,
                                         const std::vector<uint8_t>& key, const std::vector<uint8_t>& label,
                                         const std::vector<uint8_t>& context, size_t length);

}  // namespace psa::core::kdf::testing

#endif  // PSA_CORE_KDF_TESTING_OPENSSL_KDF_H_
