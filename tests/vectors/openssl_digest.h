// OpenSSL 3's message digests (EVP), an implementation independent of the
// drivers under test, for differential tests and for checking the data file.

#ifndef TESTS_VECTORS_OPENSSL_DIGEST_H_
#define TESTS_VECTORS_OPENSSL_DIGEST_H_

#include <stddef.h>
#include <stdint.h>

#include <memory>
#include <string>
#include <vector>

#include "psa/crypto.h"

typedef struct evp_md_st EVP_MD;

namespace tests::vectors {

class OpenSslDigest {
 public:
  // Fetches OpenSSL's implementation of `alg`. An algorithm that the
  // default provider lacks (RIPEMD-160 lived only in the legacy provider
  // before OpenSSL 3.0.7) is looked up again with the legacy provider loaded.
  // nullptr with *reason (naming the OpenSSL version and what was tried) when
  // OpenSSL has no implementation.
  static std::unique_ptr<OpenSslDigest> Fetch(psa_algorithm_t alg,
                                              std::string* reason);

  ~OpenSslDigest();
  OpenSslDigest(const OpenSslDigest&) = delete;
  OpenSslDigest& operator=(const OpenSslDigest&) = delete;

  // The digest of data[0..size); false if OpenSSL reports an error.
  bool Digest(const uint8_t* data, size_t size,
              std::vector<uint8_t>* digest) const;

  // Which provider serves it ("default", "legacy").
  std::string ProviderName() const;

 private:
  explicit OpenSslDigest(EVP_MD* md) : md_(md) {}
  EVP_MD* md_;
};

// OpenSSL's name of a hash algorithm ("SHA256"), or nullptr.
const char* OpenSslDigestName(psa_algorithm_t alg);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_OPENSSL_DIGEST_H_
