// The builtin driver's MAC entry points (see builtin_mac.h). A table maps each
// HMAC hash to its lengths and Mbed TLS calls; HMAC is computed here over
// those calls (RFC 2104), CMAC by mbedtls_cipher_cmac_*. ResolveMac checks an
// (attributes, key size, alg) triple once and names the mechanism; the
// single-part entry points run the multi-part ones on a stack operation.

#include "drivers/builtin/builtin_mac.h"

#include <cstring>

#include "drivers/builtin/mbedtls_status.h"
#include "mbedtls/aes.h"
#include "mbedtls/cmac.h"
#include "mbedtls/des.h"
#include "mbedtls/platform_util.h"

namespace drivers::builtin {
namespace {

// The core keeps driver MAC contexts in fixed storage of the public
// psa_mac_operation_t; the driver interface bounds them.
static_assert(sizeof(builtin_mac_operation_t) <= PSA_MAC_OPERATION_CONTEXT_SIZE,
              "builtin_mac_operation_t exceeds the 512 bytes reserved for a "
              "driver MAC context");
static_assert(sizeof(builtin_mac_operation_t) <= 512,
              "builtin_mac_operation_t exceeds 512 bytes");
static_assert(alignof(builtin_mac_operation_t) <= 16,
              "builtin_mac_operation_t needs more than 16-byte alignment");

// Largest digest (SHA-512) and largest block (SHA-384/512) of the HMAC
// hashes; the largest MAC of any supported algorithm.
constexpr size_t kMaxDigestLength = 64;
constexpr size_t kMaxBlockLength = 128;
constexpr size_t kMaxMacLength = PSA_MAC_MAX_SIZE;
static_assert(kMaxDigestLength <= kMaxMacLength, "a MAC exceeds its buffer");
static_assert(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE <= kMaxMacLength,
              "a CMAC exceeds its buffer");
// builtin_mac_operation_t::mac_length is a uint8_t.
static_assert(kMaxMacLength <= 0xff, "mac_length does not fit its field");

// The W bit of a MAC algorithm identifier: a minimum-length wildcard policy
// (PSA_ALG_AT_LEAST_THIS_LENGTH_MAC), not an algorithm.
constexpr psa_algorithm_t kAtLeastThisLengthFlag = 0x00008000;
static_assert(PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8) ==
                  (PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 8) |
                   kAtLeastThisLengthFlag),
              "the minimum-length flag of crypto_values.h moved");

// RFC 2104 pad bytes.
constexpr uint8_t kIpad = 0x36;
constexpr uint8_t kOpad = 0x5c;

// A hash HMAC can run over: its lengths and the Mbed TLS functions that
// compute it. Each function returns an Mbed TLS error code (0 on success).
struct HmacHash {
  psa_algorithm_t hash_alg;
  size_t digest_length;
  size_t block_length;
  // Initialises and starts the live member of `ctx`.
  int (*starts)(builtin_mac_hash_context_t* ctx);
  int (*update)(builtin_mac_hash_context_t* ctx, const uint8_t* input,
                size_t input_length);
  // Writes the digest_length bytes of the digest to `digest`.
  int (*finish)(builtin_mac_hash_context_t* ctx, uint8_t* digest);
};

constexpr HmacHash kHmacHashes[] = {
    {PSA_ALG_MD5, 16, 64,
     [](builtin_mac_hash_context_t* ctx) {
       mbedtls_md5_init(&ctx->md5);
       return mbedtls_md5_starts_ret(&ctx->md5);
     },
     [](builtin_mac_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_md5_update_ret(&ctx->md5, input, length);
     },
     [](builtin_mac_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_md5_finish_ret(&ctx->md5, digest);
     }},
    {PSA_ALG_RIPEMD160, 20, 64,
     [](builtin_mac_hash_context_t* ctx) {
       mbedtls_ripemd160_init(&ctx->ripemd160);
       return mbedtls_ripemd160_starts_ret(&ctx->ripemd160);
     },
     [](builtin_mac_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_ripemd160_update_ret(&ctx->ripemd160, input, length);
     },
     [](builtin_mac_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_ripemd160_finish_ret(&ctx->ripemd160, digest);
     }},
    {PSA_ALG_SHA_1, 20, 64,
     [](builtin_mac_hash_context_t* ctx) {
       mbedtls_sha1_init(&ctx->sha1);
       return mbedtls_sha1_starts_ret(&ctx->sha1);
     },
     [](builtin_mac_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_sha1_update_ret(&ctx->sha1, input, length);
     },
     [](builtin_mac_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_sha1_finish_ret(&ctx->sha1, digest);
     }},
    {PSA_ALG_SHA_224, 28, 64,
     [](builtin_mac_hash_context_t* ctx) {
       mbedtls_sha256_init(&ctx->sha256);
       return mbedtls_sha256_starts_ret(&ctx->sha256, /*is224=*/1);
     },
     [](builtin_mac_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_sha256_update_ret(&ctx->sha256, input, length);
     },
     [](builtin_mac_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_sha256_finish_ret(&ctx->sha256, digest);
     }},
    {PSA_ALG_SHA_256, 32, 64,
     [](builtin_mac_hash_context_t* ctx) {
       mbedtls_sha256_init(&ctx->sha256);
       return mbedtls_sha256_starts_ret(&ctx->sha256, /*is224=*/0);
     },
     [](builtin_mac_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_sha256_update_ret(&ctx->sha256, input, length);
     },
     [](builtin_mac_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_sha256_finish_ret(&ctx->sha256, digest);
     }},
    {PSA_ALG_SHA_384, 48, 128,
     [](builtin_mac_hash_context_t* ctx) {
       mbedtls_sha512_init(&ctx->sha512);
       return mbedtls_sha512_starts_ret(&ctx->sha512, /*is384=*/1);
     },
     [](builtin_mac_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_sha512_update_ret(&ctx->sha512, input, length);
     },
     [](builtin_mac_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_sha512_finish_ret(&ctx->sha512, digest);
     }},
    {PSA_ALG_SHA_512, 64, 128,
     [](builtin_mac_hash_context_t* ctx) {
       mbedtls_sha512_init(&ctx->sha512);
       return mbedtls_sha512_starts_ret(&ctx->sha512, /*is384=*/0);
     },
     [](builtin_mac_hash_context_t* ctx, const uint8_t* input, size_t length) {
       return mbedtls_sha512_update_ret(&ctx->sha512, input, length);
     },
     [](builtin_mac_hash_context_t* ctx, uint8_t* digest) {
       return mbedtls_sha512_finish_ret(&ctx->sha512, digest);
     }},
};

// The lengths above are facts about the hashes; the public headers must
// agree with them, and the stack buffers must hold them.
constexpr bool HashLengthsAgreeWithHeaders() {
  for (const HmacHash& hash : kHmacHashes) {
    if (hash.digest_length != PSA_HASH_LENGTH(hash.hash_alg) ||
        hash.digest_length != PSA_HASH_LENGTH(PSA_ALG_HMAC(hash.hash_alg)) ||
        hash.block_length != PSA_HASH_BLOCK_LENGTH(hash.hash_alg) ||
        hash.digest_length > kMaxDigestLength ||
        hash.block_length > kMaxBlockLength ||
        hash.digest_length > hash.block_length) {
      return false;
    }
  }
  return true;
}
static_assert(HashLengthsAgreeWithHeaders(),
              "an HMAC hash length disagrees with PSA_HASH_LENGTH or "
              "PSA_HASH_BLOCK_LENGTH, or exceeds the buffers");

// Returns the table entry for the hash `hash_alg`, or nullptr if HMAC over it
// is not supported (PSA_ALG_NONE included).
const HmacHash* FindHmacHash(psa_algorithm_t hash_alg) {
  for (const HmacHash& hash : kHmacHashes) {
    if (hash.hash_alg == hash_alg) return &hash;
  }
  return nullptr;
}

// What ResolveMac found: exactly one of `hmac` (non-null) or `cipher` (not
// MBEDTLS_CIPHER_NONE) names the mechanism.
struct ResolvedMac {
  const HmacHash* hmac = nullptr;
  mbedtls_cipher_type_t cipher = MBEDTLS_CIPHER_NONE;
  size_t mac_length = 0;  // PSA_MAC_LENGTH(type, bits, alg)
};

// Checks a key of type `key_type` and key_size bytes for CMAC and names the
// Mbed TLS ECB cipher that CMAC runs over.
psa_status_t ResolveCmacCipher(psa_key_type_t key_type, size_t key_size,
                               mbedtls_cipher_type_t* cipher) {
  switch (key_type) {
    case PSA_KEY_TYPE_AES:
      switch (key_size) {
        case 16:
          *cipher = MBEDTLS_CIPHER_AES_128_ECB;
          return PSA_SUCCESS;
        case 24:
          *cipher = MBEDTLS_CIPHER_AES_192_ECB;
          return PSA_SUCCESS;
        case 32:
          *cipher = MBEDTLS_CIPHER_AES_256_ECB;
          return PSA_SUCCESS;
        default:
          return PSA_ERROR_INVALID_ARGUMENT;
      }
    case PSA_KEY_TYPE_DES:
      switch (key_size) {
        case 16:  // 2-key Triple-DES: expanded to K1 || K2 || K1 at setup.
        case 24:
          *cipher = MBEDTLS_CIPHER_DES_EDE3_ECB;
          return PSA_SUCCESS;
        case 8:  // Single DES: Mbed TLS's CMAC refuses it.
          return PSA_ERROR_NOT_SUPPORTED;
        default:
          return PSA_ERROR_INVALID_ARGUMENT;
      }
    default:
      // Other block ciphers (CAMELLIA, ARIA, SM4) are valid CMAC keys that
      // Mbed TLS's CMAC does not implement; anything else does not fit CMAC.
      return PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) > 1
                 ? PSA_ERROR_NOT_SUPPORTED
                 : PSA_ERROR_INVALID_ARGUMENT;
  }
}

// Checks that the driver can compute `alg` with a key of the attributes'
// type and key_size bytes, and names the mechanism and the MAC length.
psa_status_t ResolveMac(const psa_key_attributes_t* attributes,
                        size_t key_size, psa_algorithm_t alg,
                        ResolvedMac* resolved) {
  if (!PSA_ALG_IS_MAC(alg) || (alg & kAtLeastThisLengthFlag) != 0) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const psa_key_type_t key_type = psa_get_key_type(attributes);
  const size_t key_bits = psa_get_key_bits(attributes);
  if (key_bits != 8 * key_size) return PSA_ERROR_INVALID_ARGUMENT;
  const psa_algorithm_t base = PSA_ALG_FULL_LENGTH_MAC(alg);

  ResolvedMac result;
  if (PSA_ALG_IS_HMAC(base)) {
    if (key_type != PSA_KEY_TYPE_HMAC) return PSA_ERROR_INVALID_ARGUMENT;
    result.hmac = FindHmacHash(PSA_ALG_GET_HASH(base));
    if (result.hmac == nullptr) return PSA_ERROR_NOT_SUPPORTED;
  } else if (base == PSA_ALG_CMAC) {
    psa_status_t status =
        ResolveCmacCipher(key_type, key_size, &result.cipher);
    if (status != PSA_SUCCESS) return status;
  } else {
    return PSA_ERROR_NOT_SUPPORTED;  // CBC-MAC, unknown MAC algorithms
  }

  const size_t full_length = PSA_MAC_LENGTH(key_type, key_bits, base);
  result.mac_length = PSA_MAC_LENGTH(key_type, key_bits, alg);
  if (full_length == 0 || full_length > kMaxMacLength ||
      result.mac_length == 0 || result.mac_length > full_length) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  *resolved = result;
  return PSA_SUCCESS;
}

// Statuses of the Mbed TLS cipher and CMAC layers (mbedtls_status.h knows the
// hash modules only); anything else as PsaStatusFromMbedtls maps it.
psa_status_t PsaStatusFromCipher(int mbedtls_ret) {
  switch (mbedtls_ret) {
    case MBEDTLS_ERR_CIPHER_ALLOC_FAILED:
      return PSA_ERROR_INSUFFICIENT_MEMORY;
    case MBEDTLS_ERR_CIPHER_FEATURE_UNAVAILABLE:
    case MBEDTLS_ERR_AES_INVALID_KEY_LENGTH:
      return PSA_ERROR_NOT_SUPPORTED;
    case MBEDTLS_ERR_CIPHER_BAD_INPUT_DATA:
      return PSA_ERROR_INVALID_ARGUMENT;
    case MBEDTLS_ERR_CIPHER_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_AES_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_DES_HW_ACCEL_FAILED:
      return PSA_ERROR_HARDWARE_FAILURE;
    default:
      return PsaStatusFromMbedtls(mbedtls_ret);
  }
}

// Keys both hashes of `hmac` (RFC 2104): inner with K ^ ipad, outer with
// K ^ opad, K being the key, or its hash if longer than a block, padded with
// zeros to a block. Returns an Mbed TLS error code; the padded key block is
// wiped whatever the outcome.
int HmacSetup(const HmacHash& hash, builtin_mac_hmac_context_t* hmac,
              const uint8_t* key, size_t key_length) {
  uint8_t block[kMaxBlockLength];
  int ret = 0;
  if (key_length > hash.block_length) {
    ret = hash.starts(&hmac->inner);
    if (ret == 0) ret = hash.update(&hmac->inner, key, key_length);
    if (ret == 0) ret = hash.finish(&hmac->inner, block);
    key_length = hash.digest_length;
  } else if (key_length != 0) {
    std::memcpy(block, key, key_length);
  }
  if (ret == 0) {
    std::memset(block + key_length, 0, hash.block_length - key_length);
    for (size_t i = 0; i < hash.block_length; ++i) block[i] ^= kIpad;
    ret = hash.starts(&hmac->inner);
    if (ret == 0) ret = hash.update(&hmac->inner, block, hash.block_length);
  }
  if (ret == 0) {
    for (size_t i = 0; i < hash.block_length; ++i) block[i] ^= kIpad ^ kOpad;
    ret = hash.starts(&hmac->outer);
    if (ret == 0) ret = hash.update(&hmac->outer, block, hash.block_length);
  }
  // Only block[0..block_length) was ever written.
  mbedtls_platform_zeroize(block, hash.block_length);
  return ret;
}

// Writes H(K ^ opad || H(K ^ ipad || input)) to `mac` (digest_length
// bytes). Returns an Mbed TLS error code.
int HmacFinish(const HmacHash& hash, builtin_mac_hmac_context_t* hmac,
               uint8_t* mac) {
  uint8_t inner_digest[kMaxDigestLength];
  int ret = hash.finish(&hmac->inner, inner_digest);
  if (ret == 0) {
    ret = hash.update(&hmac->outer, inner_digest, hash.digest_length);
  }
  if (ret == 0) ret = hash.finish(&hmac->outer, mac);
  mbedtls_platform_zeroize(inner_digest, sizeof(inner_digest));
  return ret;
}

// Sets `cmac` up for CMAC with `cipher` and the key. On failure releases
// what it took. Returns an Mbed TLS error code.
int CmacSetup(mbedtls_cipher_type_t cipher, mbedtls_cipher_context_t* cmac,
              const uint8_t* key, size_t key_length) {
  const mbedtls_cipher_info_t* info = mbedtls_cipher_info_from_type(cipher);
  if (info == nullptr) return MBEDTLS_ERR_CIPHER_FEATURE_UNAVAILABLE;
  // 2-key Triple-DES is 3-key Triple-DES with K3 = K1, which Mbed TLS's
  // CMAC (DES-EDE3 only) accepts.
  uint8_t des3_key[24];
  if (cipher == MBEDTLS_CIPHER_DES_EDE3_ECB && key_length == 16) {
    std::memcpy(des3_key, key, 16);
    std::memcpy(des3_key + 16, key, 8);
    key = des3_key;
    key_length = sizeof(des3_key);
  }
  mbedtls_cipher_init(cmac);
  int ret = mbedtls_cipher_setup(cmac, info);
  if (ret == 0) {
    ret = mbedtls_cipher_cmac_starts(cmac, key, 8 * key_length);
  }
  mbedtls_platform_zeroize(des3_key, sizeof(des3_key));
  if (ret != 0) mbedtls_cipher_free(cmac);
  return ret;
}

// Releases what an active operation holds and returns it to its inactive,
// all-bits-zero state.
void Wipe(builtin_mac_operation_t* operation) {
  if (operation->alg != 0 && !PSA_ALG_IS_HMAC(operation->alg)) {
    mbedtls_cipher_free(&operation->ctx.cmac);
  }
  mbedtls_platform_zeroize(operation, sizeof(*operation));
}

// The HMAC table entry of an active HMAC operation (setup checked it).
const HmacHash& HmacHashOf(const builtin_mac_operation_t* operation) {
  return *FindHmacHash(PSA_ALG_GET_HASH(operation->alg));
}

// Sets up an inactive operation for the mechanism ResolveMac found. On
// failure the operation is wiped (CmacSetup released its heap itself).
psa_status_t SetupResolved(builtin_mac_operation_t* operation,
                           const ResolvedMac& resolved,
                           const uint8_t* key_buffer, size_t key_buffer_size,
                           psa_algorithm_t alg, bool is_sign) {
  psa_status_t status;
  if (resolved.hmac != nullptr) {
    status = PsaStatusFromMbedtls(HmacSetup(
        *resolved.hmac, &operation->ctx.hmac, key_buffer, key_buffer_size));
  } else {
    status = PsaStatusFromCipher(CmacSetup(
        resolved.cipher, &operation->ctx.cmac, key_buffer, key_buffer_size));
  }
  if (status != PSA_SUCCESS) {
    Wipe(operation);  // alg is still 0: nothing to release
    return status;
  }
  operation->alg = alg;
  operation->mac_length = static_cast<uint8_t>(resolved.mac_length);
  operation->is_sign = is_sign ? 1 : 0;
  return PSA_SUCCESS;
}

psa_status_t Setup(builtin_mac_operation_t* operation,
                   const psa_key_attributes_t* attributes,
                   const uint8_t* key_buffer, size_t key_buffer_size,
                   psa_algorithm_t alg, bool is_sign) {
  if (operation->alg != 0) return PSA_ERROR_BAD_STATE;
  ResolvedMac resolved;
  psa_status_t status =
      ResolveMac(attributes, key_buffer_size, alg, &resolved);
  if (status != PSA_SUCCESS) return status;
  return SetupResolved(operation, resolved, key_buffer, key_buffer_size, alg,
                       is_sign);
}

// Writes the full-length MAC of an active operation to `mac`, which holds
// kMaxMacLength bytes. Does not wipe the operation.
psa_status_t FinishFullMac(builtin_mac_operation_t* operation, uint8_t* mac) {
  if (PSA_ALG_IS_HMAC(operation->alg)) {
    return PsaStatusFromMbedtls(
        HmacFinish(HmacHashOf(operation), &operation->ctx.hmac, mac));
  }
  return PsaStatusFromCipher(
      mbedtls_cipher_cmac_finish(&operation->ctx.cmac, mac));
}

// Returns true if expected[0..expected_length) equals
// actual[0..actual_length). The lengths are public; the running time does
// not depend on the contents (every byte of the shorter length is read).
bool ConstantTimeMacEqual(const uint8_t* expected, size_t expected_length,
                          const uint8_t* actual, size_t actual_length) {
  const size_t length =
      expected_length < actual_length ? expected_length : actual_length;
  const volatile uint8_t* a = expected;
  const volatile uint8_t* b = actual;
  uint8_t difference = expected_length == actual_length ? 0 : 1;
  for (size_t i = 0; i < length; ++i) {
    difference = static_cast<uint8_t>(difference | (a[i] ^ b[i]));
  }
  return difference == 0;
}

}  // namespace
}  // namespace drivers::builtin

using drivers::builtin::ConstantTimeMacEqual;
using drivers::builtin::FinishFullMac;
using drivers::builtin::HmacHashOf;
using drivers::builtin::kMaxMacLength;
using drivers::builtin::PsaStatusFromCipher;
using drivers::builtin::PsaStatusFromMbedtls;
using drivers::builtin::ResolvedMac;
using drivers::builtin::ResolveMac;
using drivers::builtin::Setup;
using drivers::builtin::SetupResolved;
using drivers::builtin::Wipe;

extern "C" {

psa_status_t builtin_mac_sign_setup(builtin_mac_operation_t* operation,
                                    const psa_key_attributes_t* attributes,
                                    const uint8_t* key_buffer,
                                    size_t key_buffer_size,
                                    psa_algorithm_t alg) {
  return Setup(operation, attributes, key_buffer, key_buffer_size, alg,
               /*is_sign=*/true);
}

psa_status_t builtin_mac_verify_setup(builtin_mac_operation_t* operation,
                                      const psa_key_attributes_t* attributes,
                                      const uint8_t* key_buffer,
                                      size_t key_buffer_size,
                                      psa_algorithm_t alg) {
  return Setup(operation, attributes, key_buffer, key_buffer_size, alg,
               /*is_sign=*/false);
}

psa_status_t builtin_mac_update(builtin_mac_operation_t* operation,
                                const uint8_t* input, size_t input_length) {
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (operation->alg != 0) {
    if (input_length == 0) return PSA_SUCCESS;  // input may be null
    if (PSA_ALG_IS_HMAC(operation->alg)) {
      status = PsaStatusFromMbedtls(HmacHashOf(operation).update(
          &operation->ctx.hmac.inner, input, input_length));
    } else {
      status = PsaStatusFromCipher(mbedtls_cipher_cmac_update(
          &operation->ctx.cmac, input, input_length));
    }
  }
  if (status != PSA_SUCCESS) Wipe(operation);
  return status;
}

psa_status_t builtin_mac_sign_finish(builtin_mac_operation_t* operation,
                                     uint8_t* mac, size_t mac_size,
                                     size_t* mac_length) {
  *mac_length = 0;
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (operation->alg != 0 && operation->is_sign) {
    const size_t length = operation->mac_length;
    if (mac_size < length) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
      uint8_t full_mac[kMaxMacLength];
      status = FinishFullMac(operation, full_mac);
      if (status == PSA_SUCCESS) {
        std::memcpy(mac, full_mac, length);
        *mac_length = length;
      }
      mbedtls_platform_zeroize(full_mac, sizeof(full_mac));
    }
  }
  Wipe(operation);
  return status;
}

psa_status_t builtin_mac_verify_finish(builtin_mac_operation_t* operation,
                                       const uint8_t* mac, size_t mac_length) {
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (operation->alg != 0 && !operation->is_sign) {
    uint8_t full_mac[kMaxMacLength];
    status = FinishFullMac(operation, full_mac);
    if (status == PSA_SUCCESS &&
        !ConstantTimeMacEqual(full_mac, operation->mac_length, mac,
                              mac_length)) {
      status = PSA_ERROR_INVALID_SIGNATURE;
    }
    mbedtls_platform_zeroize(full_mac, sizeof(full_mac));
  }
  Wipe(operation);
  return status;
}

psa_status_t builtin_mac_abort(builtin_mac_operation_t* operation) {
  Wipe(operation);
  return PSA_SUCCESS;
}

psa_status_t builtin_mac_compute(const psa_key_attributes_t* attributes,
                                 const uint8_t* key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg,
                                 const uint8_t* input, size_t input_length,
                                 uint8_t* mac, size_t mac_size,
                                 size_t* mac_length) {
  *mac_length = 0;
  // Refuse before reading the key or the input when the result cannot be
  // delivered.
  ResolvedMac resolved;
  psa_status_t status =
      ResolveMac(attributes, key_buffer_size, alg, &resolved);
  if (status != PSA_SUCCESS) return status;
  if (mac_size < resolved.mac_length) return PSA_ERROR_BUFFER_TOO_SMALL;

  // SetupResolved initialises every part of the operation it later reads,
  // and each path below ends with the operation wiped: a failed setup or
  // update wipes it, sign_finish always does. (This is the hot path of
  // short HMACs: no redundant clearing of the 440-byte context.)
  builtin_mac_operation_t operation;
  operation.alg = 0;
  status = SetupResolved(&operation, resolved, key_buffer, key_buffer_size,
                         alg, /*is_sign=*/true);
  if (status == PSA_SUCCESS) {
    status = builtin_mac_update(&operation, input, input_length);
  }
  if (status == PSA_SUCCESS) {
    status = builtin_mac_sign_finish(&operation, mac, mac_size, mac_length);
  }
  return status;
}

psa_status_t builtin_mac_verify(const psa_key_attributes_t* attributes,
                                const uint8_t* key_buffer,
                                size_t key_buffer_size, psa_algorithm_t alg,
                                const uint8_t* input, size_t input_length,
                                const uint8_t* mac, size_t mac_length) {
  ResolvedMac resolved;
  psa_status_t status =
      ResolveMac(attributes, key_buffer_size, alg, &resolved);
  if (status != PSA_SUCCESS) return status;

  // As in builtin_mac_compute: every path ends with the operation wiped.
  builtin_mac_operation_t operation;
  operation.alg = 0;
  status = SetupResolved(&operation, resolved, key_buffer, key_buffer_size,
                         alg, /*is_sign=*/false);
  if (status == PSA_SUCCESS) {
    status = builtin_mac_update(&operation, input, input_length);
  }
  if (status == PSA_SUCCESS) {
    status = builtin_mac_verify_finish(&operation, mac, mac_length);
  }
  return status;
}

}  // extern "C"
