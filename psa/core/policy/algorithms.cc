#include "psa/core/policy/algorithms.h"

#include <stddef.h>
#include <stdint.h>

#include <algorithm>
#include <iterator>
#include <vector>

#include "absl/types/span.h"
#include "psa/crypto.h"

namespace psa::core::policy {
namespace {

// Field masks of an algorithm identifier (see crypto_values.h).
constexpr psa_algorithm_t kHashField = 0x000000ff;
constexpr psa_algorithm_t kLengthField = 0x003f0000;
constexpr unsigned kLengthShift = 16;
constexpr psa_algorithm_t kAtLeastFlag = 0x00008000;
// The H field value of PSA_ALG_ANY_HASH.
constexpr psa_algorithm_t kAnyHashField = PSA_ALG_ANY_HASH & kHashField;

// The longest MAC of a block-cipher MAC (CBC-MAC, CMAC): the largest cipher
// block. The exact bound depends on the key type (8 bytes for DES).
constexpr size_t kMaxBlockCipherMacLength = PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE;
// The longest tag of the AEAD algorithms of the API.
constexpr size_t kMaxAeadTagLength = 16;

constexpr psa_algorithm_t kHashes[] = {
    PSA_ALG_MD2,       PSA_ALG_MD4,         PSA_ALG_MD5,
    PSA_ALG_RIPEMD160, PSA_ALG_SHA_1,       PSA_ALG_AES_MMO_ZIGBEE,
    PSA_ALG_SHA_224,   PSA_ALG_SHA_256,     PSA_ALG_SHA_384,
    PSA_ALG_SHA_512,   PSA_ALG_SHA_512_224, PSA_ALG_SHA_512_256,
    PSA_ALG_SHA3_224,  PSA_ALG_SHA3_256,    PSA_ALG_SHA3_384,
    PSA_ALG_SHA3_512,  PSA_ALG_SM3,         PSA_ALG_SHAKE256_512,
};

// Families of algorithms built on a hash named by their H field, each given
// by its value with H = 0. Valid members have H = a hash of kHashes; the
// members with H = 0 that exist are listed with the fixed values, and the
// families that take PSA_ALG_ANY_HASH in a policy are kHashAndSignFamilies.
constexpr psa_algorithm_t kHashParameterizedKdfs[] = {
    PSA_ALG_HKDF(0),
    PSA_ALG_TLS12_PRF(0),
    PSA_ALG_TLS12_PSK_TO_MS(0),
    PSA_ALG_HKDF_EXTRACT(0),
    PSA_ALG_HKDF_EXPAND(0),
    PSA_ALG_SP800_108_COUNTER_HMAC(0),
    PSA_ALG_PBKDF2_HMAC(0),
};
constexpr psa_algorithm_t kFixedKdfs[] = {
    PSA_ALG_TLS12_ECJPAKE_TO_PMS,
    PSA_ALG_SP800_108_COUNTER_CMAC,
    PSA_ALG_PBKDF2_AES_CMAC_PRF_128,
};
// Hash-and-sign families: the ones PSA_ALG_ANY_HASH may parameterise.
constexpr psa_algorithm_t kHashAndSignFamilies[] = {
    PSA_ALG_RSA_PKCS1V15_SIGN(0),   PSA_ALG_RSA_PSS(0),
    PSA_ALG_RSA_PSS_ANY_SALT(0),    PSA_ALG_ECDSA(0),
    PSA_ALG_DETERMINISTIC_ECDSA(0),
};
constexpr psa_algorithm_t kFixedSignatures[] = {
    PSA_ALG_RSA_PKCS1V15_SIGN_RAW,  // H = 0 of RSA PKCS#1 v1.5.
    PSA_ALG_ECDSA_ANY,              // H = 0 of ECDSA.
    PSA_ALG_PURE_EDDSA,
    PSA_ALG_ED25519PH,
    PSA_ALG_ED448PH,
};
constexpr psa_algorithm_t kHashParameterizedOthers[] = {
    PSA_ALG_RSA_OAEP(0),
    PSA_ALG_JPAKE(0),
    PSA_ALG_SPAKE2P_HMAC(0),
    PSA_ALG_SPAKE2P_CMAC(0),
};
constexpr psa_algorithm_t kFixedOthers[] = {
    PSA_ALG_STREAM_CIPHER,
    PSA_ALG_CTR,
    PSA_ALG_CFB,
    PSA_ALG_OFB,
    PSA_ALG_CCM_STAR_NO_TAG,
    PSA_ALG_XTS,
    PSA_ALG_ECB_NO_PADDING,
    PSA_ALG_CBC_NO_PADDING,
    PSA_ALG_CBC_PKCS7,
    PSA_ALG_RSA_PKCS1V15_CRYPT,
    PSA_ALG_SPAKE2P_MATTER,
};

template <size_t N>
bool Contains(const psa_algorithm_t (&list)[N], psa_algorithm_t alg) {
  return std::find(std::begin(list), std::end(list), alg) != std::end(list);
}

// The hash algorithm named by the H field of `alg` (which may not be one).
psa_algorithm_t HashOf(psa_algorithm_t alg) {
  return (PSA_ALG_SHA_256 & ~kHashField) | (alg & kHashField);
}

// Whether `alg` is a member of one of `families` with a hash of the API.
template <size_t N>
bool IsHashParameterized(const psa_algorithm_t (&families)[N],
                         psa_algorithm_t alg) {
  return Contains(families, alg & ~kHashField) && IsHashAlgorithm(HashOf(alg));
}

size_t LengthField(psa_algorithm_t alg) {
  return (alg & kLengthField) >> kLengthShift;
}

bool HasAtLeastFlag(psa_algorithm_t alg) { return (alg & kAtLeastFlag) != 0; }

// ---- MAC --------------------------------------------------------------------

// The longest MAC of the family of `mac_alg` whatever the key: the hash length
// for HMAC, the largest cipher block for CBC-MAC and CMAC; 0 if `mac_alg` is
// not of a MAC family of the API.
size_t LongestMacOfFamily(psa_algorithm_t mac_alg) {
  const psa_algorithm_t base = PSA_ALG_FULL_LENGTH_MAC(mac_alg);
  if ((base & ~kHashField) == PSA_ALG_HMAC(0)) {
    return IsHashAlgorithm(HashOf(base)) ? PSA_HASH_LENGTH(base) : 0;
  }
  if (base == PSA_ALG_CBC_MAC || base == PSA_ALG_CMAC) {
    return kMaxBlockCipherMacLength;
  }
  return 0;
}

psa_status_t CheckSpecificMac(psa_algorithm_t alg) {
  if (HasAtLeastFlag(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t longest = LongestMacOfFamily(alg);
  if (longest == 0) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t length = LengthField(alg);
  if (length == 0) return PSA_SUCCESS;
  if (length < kMinTruncatedMacLength || length > longest) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

bool IsMacWildcard(psa_algorithm_t alg) {
  if (!PSA_ALG_IS_MAC(alg) || !HasAtLeastFlag(alg)) return false;
  const size_t longest = LongestMacOfFamily(alg);
  const size_t minimum = LengthField(alg);
  return longest != 0 && minimum >= 1 && minimum <= longest;
}

// ---- AEAD -------------------------------------------------------------------

// The AEAD algorithm of `alg` with its default tag, if `alg` (with any tag
// length and wildcard flag) is of an AEAD family of the API; PSA_ALG_NONE
// otherwise.
psa_algorithm_t AeadWithDefaultTag(psa_algorithm_t alg) {
  const psa_algorithm_t base = alg & ~(kLengthField | kAtLeastFlag);
  for (psa_algorithm_t aead :
       {PSA_ALG_CCM, PSA_ALG_GCM, PSA_ALG_CHACHA20_POLY1305,
        PSA_ALG_XCHACHA20_POLY1305}) {
    if (base == (aead & ~kLengthField)) return aead;
  }
  return PSA_ALG_NONE;
}

psa_status_t CheckSpecificAead(psa_algorithm_t alg) {
  if (HasAtLeastFlag(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  const psa_algorithm_t aead = AeadWithDefaultTag(alg);
  const size_t tag_length = LengthField(alg);
  if (aead == PSA_ALG_CCM) {
    // 4, 6, 8, 10, 12, 14 or 16 bytes.
    const bool valid =
        tag_length >= 4 && tag_length <= 16 && tag_length % 2 == 0;
    return valid ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  }
  if (aead == PSA_ALG_GCM) {
    // 4, 8, 12, 13, 14, 15 or 16 bytes.
    const bool valid = tag_length == 4 || tag_length == 8 ||
                       (tag_length >= 12 && tag_length <= 16);
    return valid ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  }
  if (aead == PSA_ALG_CHACHA20_POLY1305 || aead == PSA_ALG_XCHACHA20_POLY1305) {
    if (tag_length == 16) return PSA_SUCCESS;
    // Shorter tags are defined but, as the specification recommends, refused.
    return tag_length >= 1 && tag_length < 16 ? PSA_ERROR_NOT_SUPPORTED
                                              : PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_ERROR_INVALID_ARGUMENT;
}

bool IsAeadWildcard(psa_algorithm_t alg) {
  if (!PSA_ALG_IS_AEAD(alg) || !HasAtLeastFlag(alg)) return false;
  const size_t minimum = LengthField(alg);
  return AeadWithDefaultTag(alg) != PSA_ALG_NONE && minimum >= 1 &&
         minimum <= kMaxAeadTagLength;
}

// ---- Key agreement ----------------------------------------------------------

psa_status_t CheckSpecificKeyAgreement(psa_algorithm_t alg) {
  const psa_algorithm_t base = PSA_ALG_KEY_AGREEMENT_GET_BASE(alg);
  if (base != PSA_ALG_FFDH && base != PSA_ALG_ECDH) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const psa_algorithm_t kdf = PSA_ALG_KEY_AGREEMENT_GET_KDF(alg);
  // A standalone key agreement leaves every KDF field zero.
  if (kdf == PSA_ALG_KEY_AGREEMENT_GET_KDF(PSA_ALG_FFDH)) return PSA_SUCCESS;
  return IsHashParameterized(kHashParameterizedKdfs, kdf) ||
                 Contains(kFixedKdfs, kdf)
             ? PSA_SUCCESS
             : PSA_ERROR_INVALID_ARGUMENT;
}

}  // namespace

absl::Span<const psa_algorithm_t> HashAlgorithms() { return kHashes; }

bool IsHashAlgorithm(psa_algorithm_t alg) { return Contains(kHashes, alg); }

std::vector<psa_algorithm_t> SpecificKeyDerivationAlgorithms() {
  std::vector<psa_algorithm_t> kdfs;
  kdfs.reserve(std::size(kHashParameterizedKdfs) * std::size(kHashes) +
               std::size(kFixedKdfs));
  for (psa_algorithm_t family : kHashParameterizedKdfs) {
    for (psa_algorithm_t hash : kHashes) {
      kdfs.push_back(family | (hash & kHashField));
    }
  }
  kdfs.insert(kdfs.end(), std::begin(kFixedKdfs), std::end(kFixedKdfs));
  return kdfs;
}

psa_status_t CheckSpecificAlgorithm(psa_algorithm_t alg) {
  if (PSA_ALG_IS_HASH(alg)) {
    return IsHashAlgorithm(alg) ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  }
  if (PSA_ALG_IS_MAC(alg)) return CheckSpecificMac(alg);
  if (PSA_ALG_IS_AEAD(alg)) return CheckSpecificAead(alg);
  if (PSA_ALG_IS_KEY_AGREEMENT(alg)) return CheckSpecificKeyAgreement(alg);
  // Every cipher algorithm is a fixed value of kFixedOthers (the other lists
  // hold no cipher category): the common case of key creation, one search.
  if (PSA_ALG_IS_CIPHER(alg)) return Contains(kFixedOthers, alg) ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
  // Every other specific algorithm is one exact value, or a family member
  // named by a hash. The category bits are part of the values compared, so
  // an implementation-defined value (bit 31) never matches.
  const bool valid = Contains(kFixedSignatures, alg) ||
                     Contains(kFixedKdfs, alg) || Contains(kFixedOthers, alg) ||
                     IsHashParameterized(kHashAndSignFamilies, alg) ||
                     IsHashParameterized(kHashParameterizedKdfs, alg) ||
                     IsHashParameterized(kHashParameterizedOthers, alg);
  return valid ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

bool IsWildcardPolicy(psa_algorithm_t alg) {
  if ((alg & kHashField) == kAnyHashField &&
      Contains(kHashAndSignFamilies, alg & ~kHashField)) {
    return true;
  }
  return alg == PSA_ALG_CCM_STAR_ANY_TAG || IsMacWildcard(alg) ||
         IsAeadWildcard(alg);
}

psa_status_t CheckPolicyAlgorithm(psa_algorithm_t alg) {
  if (alg == PSA_ALG_NONE || IsWildcardPolicy(alg)) return PSA_SUCCESS;
  return CheckSpecificAlgorithm(alg);
}

size_t FullMacLength(psa_algorithm_t mac_alg, psa_key_type_t type) {
  if (!PSA_ALG_IS_MAC(mac_alg) || LongestMacOfFamily(mac_alg) == 0) return 0;
  // A stream cipher key type has a "block" of 1 byte: no block cipher.
  if (PSA_ALG_IS_BLOCK_CIPHER_MAC(mac_alg) &&
      PSA_BLOCK_CIPHER_BLOCK_LENGTH(type) <= 1) {
    return 0;
  }
  // The key size does not matter for the MACs of the API.
  return PSA_MAC_LENGTH(type, 0, PSA_ALG_FULL_LENGTH_MAC(mac_alg));
}

size_t MacLength(psa_algorithm_t mac_alg, psa_key_type_t type) {
  if (!PSA_ALG_IS_MAC(mac_alg)) return 0;
  const size_t truncated = LengthField(mac_alg);
  return truncated != 0 ? truncated : FullMacLength(mac_alg, type);
}

}  // namespace psa::core::policy
