#include "drivers/openssl/openssl_digest.h"

namespace drivers::openssl {
namespace {

struct NamedDigest {
  psa_algorithm_t alg;
  const char* name;
};

constexpr NamedDigest kDigests[] = {
    {PSA_ALG_SHA_1, "SHA1"},           {PSA_ALG_SHA_224, "SHA2-224"},
    {PSA_ALG_SHA_256, "SHA2-256"},     {PSA_ALG_SHA_384, "SHA2-384"},
    {PSA_ALG_SHA_512, "SHA2-512"},     {PSA_ALG_SHA_512_224, "SHA2-512/224"},
    {PSA_ALG_SHA_512_256, "SHA2-512/256"}, {PSA_ALG_SHA3_224, "SHA3-224"},
    {PSA_ALG_SHA3_256, "SHA3-256"},    {PSA_ALG_SHA3_384, "SHA3-384"},
    {PSA_ALG_SHA3_512, "SHA3-512"},
};
constexpr size_t kDigestCount = sizeof(kDigests) / sizeof(kDigests[0]);

// Fetched once; never freed (they live as long as the process).
struct FetchedDigests {
  const EVP_MD* md[kDigestCount];
  FetchedDigests() {
    for (size_t i = 0; i < kDigestCount; ++i) md[i] = EVP_MD_fetch(nullptr, kDigests[i].name, nullptr);
  }
};

int IndexOf(psa_algorithm_t alg) {
  for (size_t i = 0; i < kDigestCount; ++i) {
    if (kDigests[i].alg == alg) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

const EVP_MD* DigestOf(psa_algorithm_t alg) {
  static const FetchedDigests* const fetched = new FetchedDigests();
  const int index = IndexOf(alg);
  return index < 0 ? nullptr : fetched->md[index];
}

const char* DigestNameOf(psa_algorithm_t alg) {
  const int index = IndexOf(alg);
  return index < 0 ? nullptr : kDigests[index].name;
}

}  // namespace drivers::openssl
