// The openssl driver's hash entry points (see openssl_hash.h). Multi-part
// SHA-2 runs OpenSSL's block functions on state kept in the operation;
// SHA-512/224 and SHA-512/256 start SHA512_CTX from their FIPS 180-4 initial
// values (OpenSSL's SHA512_Final honours md_len 28 and 32).

#define OPENSSL_SUPPRESS_DEPRECATED 1  // SHA256_Init & co.: the plain-data state

#include "drivers/openssl/openssl_hash.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include "drivers/openssl/openssl_digest.h"
#include "drivers/openssl/openssl_status.h"

namespace drivers::openssl {
namespace {

static_assert(sizeof(SHA256_CTX) <= sizeof(openssl_hash_operation_t::state), "SHA256_CTX does not fit");
static_assert(sizeof(SHA512_CTX) <= sizeof(openssl_hash_operation_t::state), "SHA512_CTX does not fit");
static_assert(sizeof(openssl_hash_operation_t) <= 512, "exceeds the 512 bytes of a driver hash context");

constexpr size_t kMaxDigestLength = 64;

SHA256_CTX* Sha256(openssl_hash_operation_t* operation) { return reinterpret_cast<SHA256_CTX*>(operation->state); }
SHA512_CTX* Sha512(openssl_hash_operation_t* operation) { return reinterpret_cast<SHA512_CTX*>(operation->state); }

bool IsSha256Family(psa_algorithm_t alg) { return alg == PSA_ALG_SHA_224 || alg == PSA_ALG_SHA_256; }
bool IsSha512Family(psa_algorithm_t alg) {
  return alg == PSA_ALG_SHA_384 || alg == PSA_ALG_SHA_512 || alg == PSA_ALG_SHA_512_224 ||
         alg == PSA_ALG_SHA_512_256;
}

// FIPS 180-4 section 5.3.6.
constexpr SHA_LONG64 kSha512_224Iv[8] = {0x8C3D37C819544DA2ULL, 0x73E1996689DCD4D6ULL, 0x1DFAB7AE32FF9C82ULL,
                                         0x679DD514582F9FCFULL, 0x0F6D2B697BD44DA8ULL, 0x77E36F7304C48942ULL,
                                         0x3F9D85A86A1D36C8ULL, 0x1112E6AD91D692A1ULL};
constexpr SHA_LONG64 kSha512_256Iv[8] = {0x22312194FC2BF72CULL, 0x9F555FA3C84C64C2ULL, 0x2393B86B6F53B151ULL,
                                         0x963877195940EABDULL, 0x96283EE2A88EFFE3ULL, 0xBE5E1E2553863992ULL,
                                         0x2B0199FC2C85B8AAULL, 0x0EB72DDC81C52CA2ULL};

bool StartSha512t(SHA512_CTX* ctx, const SHA_LONG64 (&iv)[8], unsigned int length) {
  memset(ctx, 0, sizeof(*ctx));
  memcpy(ctx->h, iv, sizeof(iv));
  ctx->md_len = length;
  return true;
}

}  // namespace
}  // namespace drivers::openssl

using drivers::openssl::ErrorQueueScope;

extern "C" {

psa_status_t openssl_hash_compute(psa_algorithm_t alg, const uint8_t* input, size_t input_length, uint8_t* hash,
                                  size_t hash_size, size_t* hash_length) {
  ErrorQueueScope errors;
  *hash_length = 0;
  const EVP_MD* md = drivers::openssl::DigestOf(alg);
  if (md == nullptr || alg == PSA_ALG_SHA_1) return PSA_ERROR_NOT_SUPPORTED;
  const size_t length = PSA_HASH_LENGTH(alg);
  if (hash_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  unsigned int written = 0;
  uint8_t digest[drivers::openssl::kMaxDigestLength];
  if (EVP_Digest(input, input_length, digest, &written, md, nullptr) != 1 || written != length) {
    OPENSSL_cleanse(digest, sizeof(digest));
    return drivers::openssl::StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  memcpy(hash, digest, length);
  OPENSSL_cleanse(digest, sizeof(digest));
  *hash_length = length;
  return PSA_SUCCESS;
}

psa_status_t openssl_hash_setup(openssl_hash_operation_t* operation, psa_algorithm_t alg) {
  using namespace drivers::openssl;
  memset(operation, 0, sizeof(*operation));
  bool started = false;
  switch (alg) {
    case PSA_ALG_SHA_224: started = SHA224_Init(Sha256(operation)) == 1; break;
    case PSA_ALG_SHA_256: started = SHA256_Init(Sha256(operation)) == 1; break;
    case PSA_ALG_SHA_384: started = SHA384_Init(Sha512(operation)) == 1; break;
    case PSA_ALG_SHA_512: started = SHA512_Init(Sha512(operation)) == 1; break;
    case PSA_ALG_SHA_512_224: started = StartSha512t(Sha512(operation), kSha512_224Iv, 28); break;
    case PSA_ALG_SHA_512_256: started = StartSha512t(Sha512(operation), kSha512_256Iv, 32); break;
    default: return PSA_ERROR_NOT_SUPPORTED;
  }
  if (!started) return PSA_ERROR_CORRUPTION_DETECTED;
  operation->alg = alg;
  return PSA_SUCCESS;
}

psa_status_t openssl_hash_update(openssl_hash_operation_t* operation, const uint8_t* input, size_t input_length) {
  using namespace drivers::openssl;
  if (input_length == 0) return operation->alg != 0 ? PSA_SUCCESS : PSA_ERROR_BAD_STATE;
  if (IsSha256Family(operation->alg)) {
    SHA256_Update(Sha256(operation), input, input_length);
  } else if (IsSha512Family(operation->alg)) {
    SHA512_Update(Sha512(operation), input, input_length);
  } else {
    return PSA_ERROR_BAD_STATE;
  }
  return PSA_SUCCESS;
}

psa_status_t openssl_hash_finish(openssl_hash_operation_t* operation, uint8_t* hash, size_t hash_size,
                                 size_t* hash_length) {
  using namespace drivers::openssl;
  *hash_length = 0;
  if (operation->alg == 0) return PSA_ERROR_BAD_STATE;
  const size_t length = PSA_HASH_LENGTH(operation->alg);
  if (hash_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  uint8_t digest[kMaxDigestLength];
  if (IsSha256Family(operation->alg)) {
    SHA256_Final(digest, Sha256(operation));  // SHA-224's md_len is 28
  } else {
    SHA512_Final(digest, Sha512(operation));
  }
  memcpy(hash, digest, length);
  OPENSSL_cleanse(digest, sizeof(digest));
  *hash_length = length;
  return openssl_hash_abort(operation);
}

psa_status_t openssl_hash_abort(openssl_hash_operation_t* operation) {
  OPENSSL_cleanse(operation, sizeof(*operation));
  return PSA_SUCCESS;
}

}  // extern "C"
