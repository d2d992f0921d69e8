#include "psa/core/policy/algorithms.h"

#include <stdint.h>

#include <set>
#include <vector>

#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace psa::core::policy {
namespace {

constexpr psa_algorithm_t kHmacSha256 = PSA_ALG_HMAC(PSA_ALG_SHA_256);

struct AlgorithmCase {
  const char* name;
  psa_algorithm_t alg;
};

// One member of every specific family, and the edges of MAC and AEAD lengths.
const AlgorithmCase kSpecificAlgorithms[] = {
    {"SHA-256", PSA_ALG_SHA_256},
    {"SHAKE256-512", PSA_ALG_SHAKE256_512},
    {"HMAC-SHA-256", kHmacSha256},
    {"HMAC-MD5", PSA_ALG_HMAC(PSA_ALG_MD5)},
    {"HMAC-SHA-256 truncated to the minimum",
     PSA_ALG_TRUNCATED_MAC(kHmacSha256, kMinTruncatedMacLength)},
    {"HMAC-SHA-256 truncated to its full length",
     PSA_ALG_TRUNCATED_MAC(kHmacSha256, 32)},
    {"HMAC-SHA-512 truncated to 64",
     PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_512), 64)},
    {"CMAC", PSA_ALG_CMAC},
    {"CMAC truncated to 16", PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 16)},
    {"CBC-MAC truncated to 4", PSA_ALG_TRUNCATED_MAC(PSA_ALG_CBC_MAC, 4)},
    {"stream cipher", PSA_ALG_STREAM_CIPHER},
    {"CTR", PSA_ALG_CTR},
    {"CFB", PSA_ALG_CFB},
    {"OFB", PSA_ALG_OFB},
    {"CCM* without tag", PSA_ALG_CCM_STAR_NO_TAG},
    {"XTS", PSA_ALG_XTS},
    {"ECB", PSA_ALG_ECB_NO_PADDING},
    {"CBC", PSA_ALG_CBC_NO_PADDING},
    {"CBC-PKCS7", PSA_ALG_CBC_PKCS7},
    {"CCM", PSA_ALG_CCM},
    {"CCM/4", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4)},
    {"CCM/14", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 14)},
    {"GCM", PSA_ALG_GCM},
    {"GCM/4", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 4)},
    {"GCM/8", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 8)},
    {"GCM/13", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 13)},
    {"ChaCha20-Poly1305", PSA_ALG_CHACHA20_POLY1305},
    {"XChaCha20-Poly1305", PSA_ALG_XCHACHA20_POLY1305},
    {"ChaCha20-Poly1305 with its 16-byte tag spelled out",
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CHACHA20_POLY1305, 16)},
    {"RSA PKCS#1 v1.5 SHA-256", PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256)},
    {"RSA PKCS#1 v1.5 raw", PSA_ALG_RSA_PKCS1V15_SIGN_RAW},
    {"RSA-PSS SHA-384", PSA_ALG_RSA_PSS(PSA_ALG_SHA_384)},
    {"RSA-PSS any salt SHA-512", PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_512)},
    {"ECDSA SHA-256", PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"ECDSA without hash", PSA_ALG_ECDSA_ANY},
    {"deterministic ECDSA SHA3-256",
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA3_256)},
    {"PureEdDSA", PSA_ALG_PURE_EDDSA},
    {"Ed25519ph", PSA_ALG_ED25519PH},
    {"Ed448ph", PSA_ALG_ED448PH},
    {"RSA PKCS#1 v1.5 encryption", PSA_ALG_RSA_PKCS1V15_CRYPT},
    {"RSA-OAEP SHA-1", PSA_ALG_RSA_OAEP(PSA_ALG_SHA_1)},
    {"HKDF SHA-256", PSA_ALG_HKDF(PSA_ALG_SHA_256)},
    {"HKDF-Extract", PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256)},
    {"HKDF-Expand", PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256)},
    {"TLS 1.2 PRF", PSA_ALG_TLS12_PRF(PSA_ALG_SHA_384)},
    {"TLS 1.2 PSK to MS", PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_256)},
    {"TLS 1.2 EC J-PAKE to PMS", PSA_ALG_TLS12_ECJPAKE_TO_PMS},
    {"SP 800-108 HMAC", PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256)},
    {"SP 800-108 CMAC", PSA_ALG_SP800_108_COUNTER_CMAC},
    {"PBKDF2-HMAC", PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)},
    {"PBKDF2-AES-CMAC-PRF-128", PSA_ALG_PBKDF2_AES_CMAC_PRF_128},
    {"FFDH", PSA_ALG_FFDH},
    {"ECDH", PSA_ALG_ECDH},
    {"ECDH + HKDF",
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256))},
    {"FFDH + TLS 1.2 PRF",
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_FFDH, PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256))},
    {"ECDH + PBKDF2",
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256))},
    {"J-PAKE", PSA_ALG_JPAKE(PSA_ALG_SHA_256)},
    {"SPAKE2+ HMAC", PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256)},
    {"SPAKE2+ CMAC", PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256)},
    {"SPAKE2+ Matter", PSA_ALG_SPAKE2P_MATTER},
};

TEST(CheckSpecificAlgorithm, AcceptsEverySpecificFamily) {
  for (const AlgorithmCase& c : kSpecificAlgorithms) {
    EXPECT_EQ(CheckSpecificAlgorithm(c.alg), PSA_SUCCESS) << c.name;
    EXPECT_FALSE(IsWildcardPolicy(c.alg)) << c.name;
    EXPECT_EQ(CheckPolicyAlgorithm(c.alg), PSA_SUCCESS) << c.name;
    // The header's own classification agrees: none is a wildcard.
    EXPECT_FALSE(PSA_ALG_IS_WILDCARD(c.alg)) << c.name;
  }
}

TEST(CheckSpecificAlgorithm, AcceptsEveryHashAndNothingElseOfTheCategory) {
  std::set<psa_algorithm_t> hashes(HashAlgorithms().begin(),
                                   HashAlgorithms().end());
  EXPECT_EQ(hashes.size(), HashAlgorithms().size()) << "duplicates";
  EXPECT_EQ(hashes.size(), 18u);
  for (psa_algorithm_t h = 0; h <= 0xff; ++h) {
    const psa_algorithm_t alg = 0x02000000 | h;
    const bool listed = hashes.count(alg) != 0;
    EXPECT_EQ(IsHashAlgorithm(alg), listed) << std::hex << alg;
    EXPECT_EQ(CheckSpecificAlgorithm(alg),
              listed ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT)
        << std::hex << alg;
  }
}

TEST(CheckSpecificAlgorithm, EveryHashParameterizesEveryHashFamily) {
  for (psa_algorithm_t hash : HashAlgorithms()) {
    for (psa_algorithm_t alg :
         {PSA_ALG_HMAC(hash), PSA_ALG_RSA_PKCS1V15_SIGN(hash),
          PSA_ALG_RSA_PSS(hash), PSA_ALG_RSA_PSS_ANY_SALT(hash),
          PSA_ALG_ECDSA(hash), PSA_ALG_DETERMINISTIC_ECDSA(hash),
          PSA_ALG_RSA_OAEP(hash), PSA_ALG_HKDF(hash), PSA_ALG_TLS12_PRF(hash),
          PSA_ALG_TLS12_PSK_TO_MS(hash), PSA_ALG_HKDF_EXTRACT(hash),
          PSA_ALG_HKDF_EXPAND(hash), PSA_ALG_SP800_108_COUNTER_HMAC(hash),
          PSA_ALG_PBKDF2_HMAC(hash), PSA_ALG_JPAKE(hash)}) {
      EXPECT_EQ(CheckSpecificAlgorithm(alg), PSA_SUCCESS) << std::hex << alg;
    }
  }
}

const AlgorithmCase kInvalidAlgorithms[] = {
    {"none", PSA_ALG_NONE},
    {"any hash alone", PSA_ALG_ANY_HASH},
    {"unallocated hash", 0x02000006},
    {"implementation-defined CTR", 0x80000000 | PSA_ALG_CTR},
    {"implementation-defined SHA-256", 0x80000000 | PSA_ALG_SHA_256},
    {"unallocated category 0x01", 0x01000000},
    {"unallocated category 0x0b", 0x0b400100},
    {"HMAC without hash", PSA_ALG_HMAC(0)},
    {"HMAC of an unallocated hash", PSA_ALG_HMAC(0x02000006)},
    {"HMAC with any hash", PSA_ALG_HMAC(PSA_ALG_ANY_HASH)},
    {"HMAC truncated below the minimum",
     PSA_ALG_TRUNCATED_MAC(kHmacSha256, kMinTruncatedMacLength - 1)},
    {"HMAC truncated to 1", PSA_ALG_TRUNCATED_MAC(kHmacSha256, 1)},
    {"HMAC-SHA-256 truncated beyond 32",
     PSA_ALG_TRUNCATED_MAC(kHmacSha256, 33)},
    {"CMAC truncated beyond 16", PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 17)},
    {"CMAC truncated to 3", PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 3)},
    {"unallocated MAC type", 0x03c00300},
    {"unallocated cipher", 0x04c01400},
    {"CTR with a LEN field", PSA_ALG_CTR | 0x00010000},
    {"CCM with a 0-byte tag", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 0)},
    {"CCM/3", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 3)},
    {"CCM/5", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 5)},
    {"CCM/18", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 18)},
    {"GCM/6", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 6)},
    {"GCM/9", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 9)},
    {"GCM/17", PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 17)},
    {"ChaCha20-Poly1305/0",
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CHACHA20_POLY1305, 0)},
    {"ChaCha20-Poly1305/17",
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CHACHA20_POLY1305, 17)},
    {"unallocated AEAD", 0x05500300},
    {"deterministic ECDSA without hash", PSA_ALG_DETERMINISTIC_ECDSA(0)},
    {"RSA-PSS without hash", PSA_ALG_RSA_PSS(0)},
    {"HashEdDSA with SHA-256", 0x06000909},
    {"RSA-OAEP without hash", PSA_ALG_RSA_OAEP(0)},
    {"HKDF without hash", PSA_ALG_HKDF(0)},
    {"PBKDF2-AES-CMAC with a hash", PSA_ALG_PBKDF2_AES_CMAC_PRF_128 | 0x09},
    {"unallocated key agreement", 0x09030000},
    {"ECDH + HKDF with any hash",
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_ANY_HASH))},
    {"ECDH + HKDF without hash",
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(0))},
    {"ECDH with the stretching flag only", PSA_ALG_ECDH | 0x00800000},
    {"implementation-defined ECDH", 0x80000000 | PSA_ALG_ECDH},
    {"J-PAKE without hash", PSA_ALG_JPAKE(0)},
    // Wildcards are valid policies but not algorithms of an operation.
    {"ECDSA with any hash", PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)},
    {"HMAC of at least 16 bytes",
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmacSha256, 16)},
    {"CCM of at least 8 bytes",
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 8)},
    {"CCM* with any tag", PSA_ALG_CCM_STAR_ANY_TAG},
};

TEST(CheckSpecificAlgorithm, RejectsInvalidValuesAndWildcards) {
  for (const AlgorithmCase& c : kInvalidAlgorithms) {
    EXPECT_EQ(CheckSpecificAlgorithm(c.alg), PSA_ERROR_INVALID_ARGUMENT)
        << c.name;
  }
}

TEST(CheckSpecificAlgorithm, ShortChaChaTagsAreDefinedButNotSupported) {
  for (psa_algorithm_t aead :
       {PSA_ALG_CHACHA20_POLY1305, PSA_ALG_XCHACHA20_POLY1305}) {
    for (size_t tag = 1; tag < 16; ++tag) {
      const psa_algorithm_t alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(aead, tag);
      EXPECT_EQ(CheckSpecificAlgorithm(alg), PSA_ERROR_NOT_SUPPORTED)
          << std::hex << alg;
      EXPECT_EQ(CheckPolicyAlgorithm(alg), PSA_ERROR_NOT_SUPPORTED)
          << std::hex << alg;
    }
  }
}

TEST(CheckSpecificAlgorithm, CcmAndGcmTagLengthsAreExactlyTheDefinedOnes) {
  const std::set<size_t> ccm = {4, 6, 8, 10, 12, 14, 16};
  const std::set<size_t> gcm = {4, 8, 12, 13, 14, 15, 16};
  for (size_t tag = 0; tag <= 63; ++tag) {
    EXPECT_EQ(CheckSpecificAlgorithm(
                  PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, tag)),
              ccm.count(tag) ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT)
        << "CCM tag " << tag;
    EXPECT_EQ(CheckSpecificAlgorithm(
                  PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, tag)),
              gcm.count(tag) ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT)
        << "GCM tag " << tag;
  }
}

TEST(CheckSpecificAlgorithm,
     MacTruncationsRunFromTheMinimumToTheFamilyMaximum) {
  struct {
    psa_algorithm_t mac;
    size_t longest;
  } const kFamilies[] = {{PSA_ALG_HMAC(PSA_ALG_SHA_1), 20},
                         {kHmacSha256, 32},
                         {PSA_ALG_HMAC(PSA_ALG_SHA_512), 64},
                         {PSA_ALG_CMAC, 16},
                         {PSA_ALG_CBC_MAC, 16}};
  for (const auto& family : kFamilies) {
    for (size_t length = 1; length <= 63; ++length) {
      const bool valid =
          length >= kMinTruncatedMacLength && length <= family.longest;
      EXPECT_EQ(
          CheckSpecificAlgorithm(PSA_ALG_TRUNCATED_MAC(family.mac, length)),
          valid ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT)
          << std::hex << family.mac << std::dec << " length " << length;
    }
  }
}

TEST(SpecificKeyDerivationAlgorithms, ListsEveryKdfOnceAndEachCombinesWithKa) {
  const std::vector<psa_algorithm_t> kdfs = SpecificKeyDerivationAlgorithms();
  EXPECT_EQ(kdfs.size(), 7u * HashAlgorithms().size() + 3u);
  EXPECT_EQ(std::set<psa_algorithm_t>(kdfs.begin(), kdfs.end()).size(),
            kdfs.size());
  for (psa_algorithm_t kdf : kdfs) {
    EXPECT_TRUE(PSA_ALG_IS_KEY_DERIVATION(kdf)) << std::hex << kdf;
    EXPECT_EQ(CheckSpecificAlgorithm(kdf), PSA_SUCCESS) << std::hex << kdf;
    for (psa_algorithm_t ka : {PSA_ALG_ECDH, PSA_ALG_FFDH}) {
      const psa_algorithm_t combined = PSA_ALG_KEY_AGREEMENT(ka, kdf);
      EXPECT_EQ(CheckSpecificAlgorithm(combined), PSA_SUCCESS)
          << std::hex << combined;
      EXPECT_EQ(PSA_ALG_KEY_AGREEMENT_GET_KDF(combined), kdf);
    }
  }
}

const AlgorithmCase kWildcards[] = {
    {"RSA PKCS#1 v1.5, any hash", PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH)},
    {"RSA-PSS, any hash", PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH)},
    {"RSA-PSS any salt, any hash", PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_ANY_HASH)},
    {"ECDSA, any hash", PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)},
    {"deterministic ECDSA, any hash",
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_ANY_HASH)},
    {"HMAC of at least 1 byte",
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmacSha256, 1)},
    {"HMAC of at least its full length",
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmacSha256, 32)},
    {"HMAC wildcard built from a truncated HMAC",
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_TRUNCATED_MAC(kHmacSha256, 10),
                                      12)},
    {"CMAC of at least 16", PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 16)},
    {"CBC-MAC of at least 4",
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CBC_MAC, 4)},
    {"CCM of at least 1",
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 1)},
    {"GCM of at least 16",
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_GCM, 16)},
    {"ChaCha20-Poly1305 of at least 8",
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CHACHA20_POLY1305, 8)},
    {"CCM* with any tag", PSA_ALG_CCM_STAR_ANY_TAG},
};

TEST(IsWildcardPolicy, AcceptsEveryWildcardKind) {
  for (const AlgorithmCase& c : kWildcards) {
    EXPECT_TRUE(IsWildcardPolicy(c.alg)) << c.name;
    EXPECT_EQ(CheckPolicyAlgorithm(c.alg), PSA_SUCCESS) << c.name;
    EXPECT_EQ(CheckSpecificAlgorithm(c.alg), PSA_ERROR_INVALID_ARGUMENT)
        << c.name;
    EXPECT_TRUE(PSA_ALG_IS_WILDCARD(c.alg)) << c.name;
  }
}

const AlgorithmCase kInvalidWildcards[] = {
    {"any hash alone", PSA_ALG_ANY_HASH},
    {"HMAC with any hash", PSA_ALG_HMAC(PSA_ALG_ANY_HASH)},
    {"HKDF with any hash", PSA_ALG_HKDF(PSA_ALG_ANY_HASH)},
    {"RSA-OAEP with any hash", PSA_ALG_RSA_OAEP(PSA_ALG_ANY_HASH)},
    {"HashEdDSA with any hash", 0x060009ff},
    {"J-PAKE with any hash", PSA_ALG_JPAKE(PSA_ALG_ANY_HASH)},
    {"ECDH + HKDF with any hash",
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_ANY_HASH))},
    {"HMAC of at least 0 bytes", kHmacSha256 | 0x00008000},
    {"HMAC-SHA-256 of at least 33",
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmacSha256, 33)},
    {"CMAC of at least 17", PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 17)},
    {"minimum-length wildcard of HMAC with any hash",
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_ANY_HASH), 16)},
    {"CCM of at least 0 bytes", (PSA_ALG_CCM & ~0x003f0000u) | 0x00008000},
    {"CCM of at least 17",
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 17)},
    {"wildcard flag on an unallocated AEAD", 0x05508300},
    {"wildcard flag on CTR", PSA_ALG_CTR | 0x00008000},
};

TEST(IsWildcardPolicy, RejectsMalformedWildcards) {
  for (const AlgorithmCase& c : kInvalidWildcards) {
    EXPECT_FALSE(IsWildcardPolicy(c.alg)) << c.name;
    EXPECT_EQ(CheckPolicyAlgorithm(c.alg), PSA_ERROR_INVALID_ARGUMENT)
        << c.name;
  }
}

TEST(CheckPolicyAlgorithm, AcceptsNone) {
  EXPECT_EQ(CheckPolicyAlgorithm(PSA_ALG_NONE), PSA_SUCCESS);
  EXPECT_FALSE(IsWildcardPolicy(PSA_ALG_NONE));
}

TEST(MacLength, HmacLengthIsTheHashLengthWhateverTheKeyType) {
  for (psa_key_type_t type :
       {PSA_KEY_TYPE_HMAC, PSA_KEY_TYPE_AES, PSA_KEY_TYPE_RAW_DATA}) {
    EXPECT_EQ(FullMacLength(kHmacSha256, type), 32u);
    EXPECT_EQ(FullMacLength(PSA_ALG_HMAC(PSA_ALG_SHA_384), type), 48u);
    EXPECT_EQ(MacLength(kHmacSha256, type), 32u);
    EXPECT_EQ(MacLength(PSA_ALG_TRUNCATED_MAC(kHmacSha256, 10), type), 10u);
    EXPECT_EQ(FullMacLength(PSA_ALG_TRUNCATED_MAC(kHmacSha256, 10), type), 32u);
    EXPECT_EQ(
        FullMacLength(PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmacSha256, 10), type),
        32u);
  }
}

TEST(MacLength, BlockCipherMacLengthIsTheBlockOfTheKeyType) {
  EXPECT_EQ(FullMacLength(PSA_ALG_CMAC, PSA_KEY_TYPE_AES), 16u);
  EXPECT_EQ(FullMacLength(PSA_ALG_CMAC, PSA_KEY_TYPE_CAMELLIA), 16u);
  EXPECT_EQ(FullMacLength(PSA_ALG_CBC_MAC, PSA_KEY_TYPE_DES), 8u);
  EXPECT_EQ(MacLength(PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 6), PSA_KEY_TYPE_DES),
            6u);
  // No block cipher: no length.
  EXPECT_EQ(FullMacLength(PSA_ALG_CMAC, PSA_KEY_TYPE_CHACHA20), 0u);
  EXPECT_EQ(FullMacLength(PSA_ALG_CMAC, PSA_KEY_TYPE_HMAC), 0u);
  EXPECT_EQ(MacLength(PSA_ALG_CMAC, PSA_KEY_TYPE_RAW_DATA), 0u);
}

TEST(MacLength, NonMacsHaveNoLength) {
  EXPECT_EQ(FullMacLength(PSA_ALG_CTR, PSA_KEY_TYPE_AES), 0u);
  EXPECT_EQ(MacLength(PSA_ALG_GCM, PSA_KEY_TYPE_AES), 0u);
  EXPECT_EQ(FullMacLength(PSA_ALG_HMAC(0x02000006), PSA_KEY_TYPE_HMAC), 0u);
}

}  // namespace
}  // namespace psa::core::policy
