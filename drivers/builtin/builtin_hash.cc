// The builtin driver's hash entry points (see builtin_hash.h): a table maps
// each supported algorithm to its digest length and Mbed TLS calls, and the
// C-linkage entry points run the table entry named by the operation's alg.

#include "drivers/builtin/builtin_hash.h"

#include <cstring>

#include "drivers/builtin/mbedtls_status.h"
#include "mbedtls/platform_util.h"

namespace drivers::builtin {
namespace {

// The core keeps driver hash contexts in fixed storage of the public
// psa_hash_operation_t; the driver interface bounds them.
static_assert(sizeof(builtin_hash_operation_t) <= 512,
              "builtin_hash_operation_t exceeds the 512 bytes reserved for a "
              "driver hash context");
static_assert(alignof(builtin_hash_operation_t) <= 16,
              "builtin_hash_operation_t needs more than 16-byte alignment");

// Largest digest of any supported algorithm (SHA-512), and the size of the
// buffer Mbed TLS's finish functions write to.
constexpr size_t kMaxDigestLength = 64;

// One supported algorithm: its digest length and the Mbed TLS functions that
// compute it. Each function returns an Mbed TLS error code (0 on success).
struct HashMechanism {
  psa_algorithm_t alg;
  size_t digest_length;
  // Initialises and starts the live member of `ctx`.
  int (*starts)(builtin_hash_context_t* ctx);
  int (*update)(builtin_hash_context_t* ctx, const uint8_t* input,
                size_t input_length);
  // Writes the digest to `digest`, which holds kMaxDigestLength bytes.
  int (*finish)(builtin_hash_context_t* ctx, uint8_t* digest);
};

constexpr HashMechanism kMechanisms[] = {
    {PSA_ALG_MD5, 16,
     [](builtin_hash_context_t* ctx) {
       mbedtls_md5_init(&ctx->md5);
       return mbedtls_md5_starts_ret(&ctx->md5);
     },
     [](builtin_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_md5_update_ret(&ctx->md5, input, length);
     },
     [](builtin_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_md5_finish_ret(&ctx->md5, digest);
     }},
    {PSA_ALG_RIPEMD160, 20,
     [](builtin_hash_context_t* ctx) {
       mbedtls_ripemd160_init(&ctx->ripemd160);
       return mbedtls_ripemd160_starts_ret(&ctx->ripemd160);
     },
     [](builtin_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_ripemd160_update_ret(&ctx->ripemd160, input, length);
     },
     [](builtin_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_ripemd160_finish_ret(&ctx->ripemd160, digest);
     }},
    {PSA_ALG_SHA_1, 20,
     [](builtin_hash_context_t* ctx) {
       mbedtls_sha1_init(&ctx->sha1);
       return mbedtls_sha1_starts_ret(&ctx->sha1);
     },
     [](builtin_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_sha1_update_ret(&ctx->sha1, input, length);
     },
     [](builtin_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_sha1_finish_ret(&ctx->sha1, digest);
     }},
    {PSA_ALG_SHA_224, 28,
     [](builtin_hash_context_t* ctx) {
       mbedtls_sha256_init(&ctx->sha256);
       return mbedtls_sha256_starts_ret(&ctx->sha256, /*is224=*/1);
     },
     [](builtin_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_sha256_update_ret(&ctx->sha256, input, length);
     },
     [](builtin_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_sha256_finish_ret(&ctx->sha256, digest);
     }},
    {PSA_ALG_SHA_256, 32,
     [](builtin_hash_context_t* ctx) {
       mbedtls_sha256_init(&ctx->sha256);
       return mbedtls_sha256_starts_ret(&ctx->sha256, /*is224=*/0);
     },
     [](builtin_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_sha256_update_ret(&ctx->sha256, input, length);
     },
     [](builtin_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_sha256_finish_ret(&ctx->sha256, digest);
     }},
    {PSA_ALG_SHA_384, 48,
     [](builtin_hash_context_t* ctx) {
       mbedtls_sha512_init(&ctx->sha512);
       return mbedtls_sha512_starts_ret(&ctx->sha512, /*is384=*/1);
     },
     [](builtin_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_sha512_update_ret(&ctx->sha512, input, length);
     },
     [](builtin_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_sha512_finish_ret(&ctx->sha512, digest);
     }},
    {PSA_ALG_SHA_512, 64,
     [](builtin_hash_context_t* ctx) {
       mbedtls_sha512_init(&ctx->sha512);
       return mbedtls_sha512_starts_ret(&ctx->sha512, /*is384=*/0);
     },
     [](builtin_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_sha512_update_ret(&ctx->sha512, input, length);
     },
     [](builtin_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_sha512_finish_ret(&ctx->sha512, digest);
     }},
};

// The digest lengths above are facts about the algorithms; the public
// headers must agree with them, and the finish buffer must hold them.
constexpr bool DigestLengthsAgreeWithHeaders() {
  for (const HashMechanism& mechanism : kMechanisms) {
    if (mechanism.alg == 0 ||
        mechanism.digest_length != PSA_HASH_LENGTH(mechanism.alg) ||
        mechanism.digest_length > kMaxDigestLength) {
      return false;
    }
  }
  return true;
}
static_assert(DigestLengthsAgreeWithHeaders(),
              "a builtin digest length disagrees with PSA_HASH_LENGTH or "
              "exceeds kMaxDigestLength");

// Returns the table entry for `alg`, or nullptr if the driver does not
// support it (PSA_ALG_NONE included).
const HashMechanism* FindMechanism(psa_algorithm_t alg) {
  for (const HashMechanism& mechanism : kMechanisms) {
    if (mechanism.alg == alg) return &mechanism;
  }
  return nullptr;
}

// Returns the operation to its inactive, all-bits-zero state.
void Wipe(builtin_hash_operation_t* operation) {
  mbedtls_platform_zeroize(operation, sizeof(*operation));
}

}  // namespace
}  // namespace drivers::builtin

using drivers::builtin::FindMechanism;
using drivers::builtin::HashMechanism;
using drivers::builtin::kMaxDigestLength;
using drivers::builtin::PsaStatusFromMbedtls;
using drivers::builtin::Wipe;

extern "C" {

psa_status_t builtin_hash_setup(builtin_hash_operation_t* operation,
                                psa_algorithm_t alg) {
  if (operation->alg != 0) return PSA_ERROR_BAD_STATE;
  const HashMechanism* mechanism = FindMechanism(alg);
  if (mechanism == nullptr) return PSA_ERROR_NOT_SUPPORTED;

  psa_status_t status = PsaStatusFromMbedtls(mechanism->starts(&operation->ctx));
  if (status != PSA_SUCCESS) {
    Wipe(operation);
    return status;
  }
  operation->alg = alg;
  return PSA_SUCCESS;
}

psa_status_t builtin_hash_update(builtin_hash_operation_t* operation,
                                 const uint8_t* input, size_t input_length) {
  const HashMechanism* mechanism = FindMechanism(operation->alg);
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (mechanism != nullptr) {
    status = PsaStatusFromMbedtls(
        mechanism->update(&operation->ctx, input, input_length));
  }
  if (status != PSA_SUCCESS) Wipe(operation);
  return status;
}

psa_status_t builtin_hash_finish(builtin_hash_operation_t* operation,
                                 uint8_t* hash, size_t hash_size,
                                 size_t* hash_length) {
  *hash_length = 0;
  const HashMechanism* mechanism = FindMechanism(operation->alg);
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (mechanism != nullptr) {
    if (hash_size < mechanism->digest_length) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
      uint8_t digest[kMaxDigestLength];
      status = PsaStatusFromMbedtls(mechanism->finish(&operation->ctx, digest));
      if (status == PSA_SUCCESS) {
        std::memcpy(hash, digest, mechanism->digest_length);
        *hash_length = mechanism->digest_length;
      }
      mbedtls_platform_zeroize(digest, sizeof(digest));
    }
  }
  Wipe(operation);
  return status;
}

psa_status_t builtin_hash_abort(builtin_hash_operation_t* operation) {
  Wipe(operation);
  return PSA_SUCCESS;
}

psa_status_t builtin_hash_compute(psa_algorithm_t alg, const uint8_t* input,
                                  size_t input_length, uint8_t* hash,
                                  size_t hash_size, size_t* hash_length) {
  *hash_length = 0;
  // Refuse before reading the input when the result cannot be delivered.
  const HashMechanism* mechanism = FindMechanism(alg);
  if (mechanism == nullptr) return PSA_ERROR_NOT_SUPPORTED;
  if (hash_size < mechanism->digest_length) return PSA_ERROR_BUFFER_TOO_SMALL;

  builtin_hash_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  psa_status_t status = builtin_hash_setup(&operation, alg);
  if (status == PSA_SUCCESS) {
    status = builtin_hash_update(&operation, input, input_length);
  }
  if (status == PSA_SUCCESS) {
    status = builtin_hash_finish(&operation, hash, hash_size, hash_length);
  }
  Wipe(&operation);
  return status;
}

}  // extern "C"
