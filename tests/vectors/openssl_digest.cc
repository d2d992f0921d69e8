#include "tests/vectors/openssl_digest.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/provider.h>

#include <mutex>

namespace tests::vectors {
namespace {

EVP_MD* FetchFromLoadedProviders(const char* name) {
  EVP_MD* md = EVP_MD_fetch(/*ctx=*/nullptr, name, /*properties=*/nullptr);
  // A failed fetch leaves an error on this thread's queue: not ours to keep.
  if (md == nullptr) ERR_clear_error();
  return md;
}

// Loads the legacy provider (and the default one explicitly, since loading
// any provider stops OpenSSL from loading the default one by itself) once per
// process. They stay loaded until OpenSSL's exit-time cleanup.
bool LoadLegacyProvider() {
  static std::once_flag once;
  static bool loaded = false;
  std::call_once(once, [] {
    OSSL_PROVIDER* default_provider = OSSL_PROVIDER_load(nullptr, "default");
    OSSL_PROVIDER* legacy_provider = OSSL_PROVIDER_load(nullptr, "legacy");
    loaded = default_provider != nullptr && legacy_provider != nullptr;
    if (!loaded) ERR_clear_error();
  });
  return loaded;
}

}  // namespace

const char* OpenSslDigestName(psa_algorithm_t alg) {
  switch (alg) {
    case PSA_ALG_MD5:
      return "MD5";
    case PSA_ALG_RIPEMD160:
      return "RIPEMD160";
    case PSA_ALG_SHA_1:
      return "SHA1";
    case PSA_ALG_SHA_224:
      return "SHA224";
    case PSA_ALG_SHA_256:
      return "SHA256";
    case PSA_ALG_SHA_384:
      return "SHA384";
    case PSA_ALG_SHA_512:
      return "SHA512";
    default:
      return nullptr;
  }
}

std::unique_ptr<OpenSslDigest> OpenSslDigest::Fetch(psa_algorithm_t alg,
                                                    std::string* reason) {
  const char* name = OpenSslDigestName(alg);
  const std::string version = OpenSSL_version(OPENSSL_VERSION);
  if (name == nullptr) {
    *reason = "no OpenSSL name for PSA algorithm " + std::to_string(alg);
    return nullptr;
  }
  EVP_MD* md = FetchFromLoadedProviders(name);
  if (md == nullptr) {
    if (!LoadLegacyProvider()) {
      *reason = version + " has no " + name +
                " in its default provider, and its legacy provider does not load";
      return nullptr;
    }
    md = FetchFromLoadedProviders(name);
    if (md == nullptr) {
      *reason = version + " has no " + name +
                " in its default or legacy provider";
      return nullptr;
    }
  }
  if (static_cast<size_t>(EVP_MD_get_size(md)) != PSA_HASH_LENGTH(alg)) {
    *reason = version + "'s " + name + " has digest size " +
              std::to_string(EVP_MD_get_size(md)) + ", PSA says " +
              std::to_string(PSA_HASH_LENGTH(alg));
    EVP_MD_free(md);
    return nullptr;
  }
  return std::unique_ptr<OpenSslDigest>(new OpenSslDigest(md));
}

OpenSslDigest::~OpenSslDigest() { EVP_MD_free(md_); }

bool OpenSslDigest::Digest(const uint8_t* data, size_t size,
                           std::vector<uint8_t>* digest) const {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data, size, out, &length, md_, /*impl=*/nullptr) != 1) {
    ERR_clear_error();
    digest->clear();
    return false;
  }
  digest->assign(out, out + length);
  return true;
}

std::string OpenSslDigest::ProviderName() const {
  const OSSL_PROVIDER* provider = EVP_MD_get0_provider(md_);
  const char* name = provider != nullptr ? OSSL_PROVIDER_get0_name(provider)
                                         : nullptr;
  return name != nullptr ? name : "(unknown)";
}

}  // namespace tests::vectors
