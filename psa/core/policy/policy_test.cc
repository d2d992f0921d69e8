#include "psa/core/policy/policy.h"

#include <stdint.h>

#include <set>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/policy/algorithms.h"
#include "psa/crypto.h"

namespace psa::core::policy {
namespace {

constexpr psa_algorithm_t kHmacSha256 = PSA_ALG_HMAC(PSA_ALG_SHA_256);
constexpr psa_algorithm_t kHmacSha384 = PSA_ALG_HMAC(PSA_ALG_SHA_384);
constexpr psa_key_type_t kEccPair =
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kEccPublic =
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);

psa_algorithm_t Truncated(psa_algorithm_t mac, size_t length) {
  return PSA_ALG_TRUNCATED_MAC(mac, length);
}
psa_algorithm_t AtLeastMac(psa_algorithm_t mac, size_t length) {
  return PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(mac, length);
}
psa_algorithm_t Tag(psa_algorithm_t aead, size_t length) {
  return PSA_ALG_AEAD_WITH_SHORTENED_TAG(aead, length);
}
psa_algorithm_t AtLeastTag(psa_algorithm_t aead, size_t length) {
  return PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(aead, length);
}

psa_key_attributes_t Key(psa_key_type_t type, size_t bits,
                         psa_key_usage_t usage, psa_algorithm_t alg) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  psa_set_key_usage_flags(&attributes, usage);
  psa_set_key_algorithm(&attributes, alg);
  return attributes;
}

// ---- Usage flags
// --------------------------------------------------------------

TEST(WithImpliedUsages, HashUsagesImplyMessageUsagesOnly) {
  struct {
    psa_key_usage_t usage;
    psa_key_usage_t expected;
  } const kCases[] = {
      {0, 0},
      {PSA_KEY_USAGE_SIGN_HASH,
       PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE},
      {PSA_KEY_USAGE_VERIFY_HASH,
       PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_VERIFY_MESSAGE},
      {PSA_KEY_USAGE_SIGN_MESSAGE, PSA_KEY_USAGE_SIGN_MESSAGE},
      {PSA_KEY_USAGE_VERIFY_MESSAGE, PSA_KEY_USAGE_VERIFY_MESSAGE},
      {PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_EXPORT,
       PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE |
           PSA_KEY_USAGE_EXPORT},
      {PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_DERIVE,
       PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_DERIVE},
      {kAllUsageFlags, kAllUsageFlags},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(WithImpliedUsages(c.usage), c.expected) << std::hex << c.usage;
  }
}

// Each usage flag with an operation that needs it. A key with only that flag
// is allowed; a key with every other flag (and none implying it) is refused.
struct UsageCase {
  const char* name;
  psa_key_usage_t flag;
  psa_key_usage_t implied_by;
  psa_key_type_t type;
  size_t bits;
  psa_algorithm_t alg;
};
const UsageCase kUsageCases[] = {
    {"encrypt", PSA_KEY_USAGE_ENCRYPT, 0, PSA_KEY_TYPE_AES, 128, PSA_ALG_CTR},
    {"decrypt", PSA_KEY_USAGE_DECRYPT, 0, PSA_KEY_TYPE_AES, 128, PSA_ALG_GCM},
    {"sign message", PSA_KEY_USAGE_SIGN_MESSAGE, PSA_KEY_USAGE_SIGN_HASH,
     PSA_KEY_TYPE_HMAC, 256, kHmacSha256},
    {"verify message", PSA_KEY_USAGE_VERIFY_MESSAGE, PSA_KEY_USAGE_VERIFY_HASH,
     kEccPublic, 256, PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"sign hash", PSA_KEY_USAGE_SIGN_HASH, 0, kEccPair, 256,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"verify hash", PSA_KEY_USAGE_VERIFY_HASH, 0, kEccPublic, 256,
     PSA_ALG_ECDSA_ANY},
    {"derive", PSA_KEY_USAGE_DERIVE, 0, PSA_KEY_TYPE_DERIVE, 256,
     PSA_ALG_HKDF(PSA_ALG_SHA_256)},
    {"verify derivation", PSA_KEY_USAGE_VERIFY_DERIVATION, 0,
     PSA_KEY_TYPE_PASSWORD_HASH, 256, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)},
    {"export (with an algorithm)", PSA_KEY_USAGE_EXPORT, 0, PSA_KEY_TYPE_AES,
     128, PSA_ALG_CBC_NO_PADDING},
    {"copy (with an algorithm)", PSA_KEY_USAGE_COPY, 0, PSA_KEY_TYPE_AES, 128,
     PSA_ALG_CBC_PKCS7},
    {"cache (with an algorithm)", PSA_KEY_USAGE_CACHE, 0, PSA_KEY_TYPE_AES, 128,
     PSA_ALG_ECB_NO_PADDING},
};

TEST(CheckKeyUsage, EachUsageFlagAloneIsAllowed) {
  for (const UsageCase& c : kUsageCases) {
    const psa_key_attributes_t key = Key(c.type, c.bits, c.flag, c.alg);
    EXPECT_EQ(CheckKeyUsage(key, c.flag, c.alg), PSA_SUCCESS) << c.name;
  }
}

TEST(CheckKeyUsage, EachUsageFlagIsRefusedWhenOnlyTheOthersArePresent) {
  for (const UsageCase& c : kUsageCases) {
    const psa_key_attributes_t key =
        Key(c.type, c.bits, kAllUsageFlags & ~c.flag & ~c.implied_by, c.alg);
    EXPECT_EQ(CheckKeyUsage(key, c.flag, c.alg), PSA_ERROR_NOT_PERMITTED)
        << c.name;
  }
}

TEST(CheckKeyUsage, HashUsagesGrantTheMessageUsagesButNotConversely) {
  const psa_algorithm_t alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
  EXPECT_EQ(CheckKeyUsage(Key(kEccPair, 256, PSA_KEY_USAGE_SIGN_HASH, alg),
                          PSA_KEY_USAGE_SIGN_MESSAGE, alg),
            PSA_SUCCESS);
  EXPECT_EQ(CheckKeyUsage(Key(kEccPair, 256, PSA_KEY_USAGE_VERIFY_HASH, alg),
                          PSA_KEY_USAGE_VERIFY_MESSAGE, alg),
            PSA_SUCCESS);
  EXPECT_EQ(CheckKeyUsage(Key(kEccPair, 256, PSA_KEY_USAGE_SIGN_MESSAGE, alg),
                          PSA_KEY_USAGE_SIGN_HASH, alg),
            PSA_ERROR_NOT_PERMITTED);
  EXPECT_EQ(CheckKeyUsage(Key(kEccPair, 256, PSA_KEY_USAGE_VERIFY_MESSAGE, alg),
                          PSA_KEY_USAGE_VERIFY_HASH, alg),
            PSA_ERROR_NOT_PERMITTED);
  // Signing does not imply verifying.
  EXPECT_EQ(CheckKeyUsage(Key(kEccPair, 256, PSA_KEY_USAGE_SIGN_HASH, alg),
                          PSA_KEY_USAGE_VERIFY_MESSAGE, alg),
            PSA_ERROR_NOT_PERMITTED);
}

TEST(CheckKeyUsage, EveryRequestedFlagMustBePresent) {
  const psa_key_usage_t both = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;
  EXPECT_EQ(CheckKeyUsage(Key(PSA_KEY_TYPE_AES, 128, both, PSA_ALG_CTR), both,
                          PSA_ALG_CTR),
            PSA_SUCCESS);
  EXPECT_EQ(CheckKeyUsage(
                Key(PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CTR),
                both, PSA_ALG_CTR),
            PSA_ERROR_NOT_PERMITTED);
}

TEST(CheckKeyUsage, NoUsageStillChecksTheAlgorithm) {
  const psa_key_attributes_t salt =
      Key(PSA_KEY_TYPE_RAW_DATA, 128, 0, PSA_ALG_HKDF(PSA_ALG_SHA_256));
  EXPECT_EQ(CheckKeyUsage(salt, 0, PSA_ALG_HKDF(PSA_ALG_SHA_256)), PSA_SUCCESS);
  EXPECT_EQ(CheckKeyUsage(salt, 0, PSA_ALG_HKDF(PSA_ALG_SHA_384)),
            PSA_ERROR_NOT_PERMITTED);
}

TEST(CheckKeyUsage, InvalidAlgorithmsAreInvalidWhateverTheKey) {
  const psa_algorithm_t kInvalid[] = {
      PSA_ALG_NONE,
      PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
      AtLeastMac(kHmacSha256, 16),
      AtLeastTag(PSA_ALG_CCM, 8),
      PSA_ALG_CCM_STAR_ANY_TAG,
      Truncated(kHmacSha256, 3),
      Tag(PSA_ALG_GCM, 9),
      0x80000000 | PSA_ALG_CTR,
  };
  for (psa_algorithm_t alg : kInvalid) {
    // A key whose policy is the very same value, with every usage flag...
    EXPECT_EQ(CheckKeyUsage(Key(PSA_KEY_TYPE_AES, 128, kAllUsageFlags, alg),
                            PSA_KEY_USAGE_ENCRYPT, alg),
              PSA_ERROR_INVALID_ARGUMENT)
        << std::hex << alg;
    // ...and a key with no usage flag at all: the algorithm comes first.
    EXPECT_EQ(CheckKeyUsage(Key(PSA_KEY_TYPE_AES, 128, 0, PSA_ALG_CTR),
                            PSA_KEY_USAGE_ENCRYPT, alg),
              PSA_ERROR_INVALID_ARGUMENT)
        << std::hex << alg;
  }
}

TEST(CheckKeyUsage, RefusedAlgorithmsAreNotSupported) {
  const psa_algorithm_t short_tag = Tag(PSA_ALG_CHACHA20_POLY1305, 8);
  EXPECT_EQ(CheckKeyUsage(Key(PSA_KEY_TYPE_CHACHA20, 256, kAllUsageFlags,
                              AtLeastTag(PSA_ALG_CHACHA20_POLY1305, 4)),
                          PSA_KEY_USAGE_ENCRYPT, short_tag),
            PSA_ERROR_NOT_SUPPORTED);
}

TEST(CheckKeyUsage, MacLongerThanTheKeyTypeAllowsIsInvalid) {
  // DES blocks are 8 bytes: CMAC truncated to 12 does not exist for DES,
  // even under a policy whose minimum it meets.
  const psa_key_attributes_t des =
      Key(PSA_KEY_TYPE_DES, 192, PSA_KEY_USAGE_SIGN_MESSAGE,
          AtLeastMac(PSA_ALG_CMAC, 4));
  EXPECT_EQ(CheckKeyUsage(des, PSA_KEY_USAGE_SIGN_MESSAGE,
                          Truncated(PSA_ALG_CMAC, 12)),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(CheckKeyUsage(des, PSA_KEY_USAGE_SIGN_MESSAGE,
                          Truncated(PSA_ALG_CMAC, 8)),
            PSA_SUCCESS);
  const psa_key_attributes_t aes =
      Key(PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_SIGN_MESSAGE,
          AtLeastMac(PSA_ALG_CMAC, 4));
  EXPECT_EQ(CheckKeyUsage(aes, PSA_KEY_USAGE_SIGN_MESSAGE,
                          Truncated(PSA_ALG_CMAC, 12)),
            PSA_SUCCESS);
}

TEST(CheckKeyUsage, AlgorithmNotPermittedByThePolicyIsNotPermitted) {
  const psa_key_attributes_t key =
      Key(PSA_KEY_TYPE_AES, 128, kAllUsageFlags, PSA_ALG_CTR);
  EXPECT_EQ(CheckKeyUsage(key, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CBC_NO_PADDING),
            PSA_ERROR_NOT_PERMITTED);
  const psa_key_attributes_t none =
      Key(PSA_KEY_TYPE_AES, 128, kAllUsageFlags, PSA_ALG_NONE);
  EXPECT_EQ(CheckKeyUsage(none, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CTR),
            PSA_ERROR_NOT_PERMITTED);
}

// ---- Permitted algorithms
// -----------------------------------------------------

struct PermitCase {
  const char* name;
  psa_algorithm_t permitted;
  psa_algorithm_t requested;
  psa_key_type_t type;
  bool expected;
};

const PermitCase kPermitCases[] = {
    // Equality, and nothing more for algorithms without wildcards.
    {"same cipher", PSA_ALG_CTR, PSA_ALG_CTR, PSA_KEY_TYPE_AES, true},
    {"other cipher", PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7,
     PSA_KEY_TYPE_AES, false},
    {"none permits nothing", PSA_ALG_NONE, PSA_ALG_CTR, PSA_KEY_TYPE_AES,
     false},
    {"none is not requestable", PSA_ALG_NONE, PSA_ALG_NONE, PSA_KEY_TYPE_AES,
     false},
    {"same specific signature", PSA_ALG_ECDSA(PSA_ALG_SHA_256),
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), kEccPair, true},
    {"other hash", PSA_ALG_ECDSA(PSA_ALG_SHA_256),
     PSA_ALG_ECDSA(PSA_ALG_SHA_384), kEccPair, false},
    {"ECDSA policy, deterministic request (1.2: distinct)",
     PSA_ALG_ECDSA(PSA_ALG_SHA_256),
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256), kEccPublic, false},
    {"deterministic policy, ECDSA request",
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256),
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), kEccPublic, false},
    {"RSA-PSS policy, any-salt request", PSA_ALG_RSA_PSS(PSA_ALG_SHA_256),
     PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256), PSA_KEY_TYPE_RSA_KEY_PAIR,
     false},

    // PSA_ALG_ANY_HASH.
    {"ECDSA any hash: SHA-256", PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), kEccPair, true},
    {"ECDSA any hash: SHA3-512", PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_ECDSA(PSA_ALG_SHA3_512), kEccPair, true},
    {"ECDSA any hash: not ECDSA without hash", PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_ECDSA_ANY, kEccPair, false},
    {"ECDSA any hash: not deterministic ECDSA", PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256), kEccPair, false},
    {"ECDSA any hash: not RSA-PSS", PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_RSA_PSS(PSA_ALG_SHA_256), kEccPair, false},
    {"ECDSA any hash: not itself", PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), kEccPair, false},
    {"deterministic any hash: SHA-384",
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_384), kEccPair, true},
    {"deterministic any hash: not randomized",
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_ANY_HASH),
     PSA_ALG_ECDSA(PSA_ALG_SHA_384), kEccPair, false},
    {"PKCS#1 v1.5 any hash: SHA-1", PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH),
     PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_1), PSA_KEY_TYPE_RSA_KEY_PAIR, true},
    {"PKCS#1 v1.5 any hash: raw", PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH),
     PSA_ALG_RSA_PKCS1V15_SIGN_RAW, PSA_KEY_TYPE_RSA_KEY_PAIR, true},
    {"PKCS#1 v1.5 specific: not raw",
     PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), PSA_ALG_RSA_PKCS1V15_SIGN_RAW,
     PSA_KEY_TYPE_RSA_KEY_PAIR, false},
    {"PSS any hash: not any-salt", PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH),
     PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256), PSA_KEY_TYPE_RSA_KEY_PAIR,
     false},
    {"PSS any hash: not raw PKCS#1", PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH),
     PSA_ALG_RSA_PKCS1V15_SIGN_RAW, PSA_KEY_TYPE_RSA_KEY_PAIR, false},
    {"PSS any salt any hash: SHA-512",
     PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_ANY_HASH),
     PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_512), PSA_KEY_TYPE_RSA_PUBLIC_KEY,
     true},
    {"any hash is not for HMAC", PSA_ALG_HMAC(PSA_ALG_ANY_HASH), kHmacSha256,
     PSA_KEY_TYPE_HMAC, false},
    {"any hash is not for HashEdDSA", 0x060009ff, PSA_ALG_ED25519PH,
     PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS), false},

    // HMAC truncation around the floor and the full length.
    {"HMAC at least 16: full", AtLeastMac(kHmacSha256, 16), kHmacSha256,
     PSA_KEY_TYPE_HMAC, true},
    {"HMAC at least 16: 16", AtLeastMac(kHmacSha256, 16),
     Truncated(kHmacSha256, 16), PSA_KEY_TYPE_HMAC, true},
    {"HMAC at least 16: 15", AtLeastMac(kHmacSha256, 16),
     Truncated(kHmacSha256, 15), PSA_KEY_TYPE_HMAC, false},
    {"HMAC at least 16: 32 spelled out", AtLeastMac(kHmacSha256, 16),
     Truncated(kHmacSha256, 32), PSA_KEY_TYPE_HMAC, true},
    {"HMAC at least 16: other hash", AtLeastMac(kHmacSha256, 16),
     Truncated(kHmacSha384, 16), PSA_KEY_TYPE_HMAC, false},
    {"HMAC at least 16: CMAC", AtLeastMac(kHmacSha256, 16), PSA_ALG_CMAC,
     PSA_KEY_TYPE_HMAC, false},
    {"HMAC at least 4: 4", AtLeastMac(kHmacSha256, 4),
     Truncated(kHmacSha256, 4), PSA_KEY_TYPE_HMAC, true},
    {"HMAC at least 4: 3 (below the minimum)", AtLeastMac(kHmacSha256, 4),
     Truncated(kHmacSha256, 3), PSA_KEY_TYPE_HMAC, false},
    {"HMAC at least 1: 4", AtLeastMac(kHmacSha256, 1),
     Truncated(kHmacSha256, 4), PSA_KEY_TYPE_HMAC, true},
    {"HMAC at least 1: 3 (below the minimum)", AtLeastMac(kHmacSha256, 1),
     Truncated(kHmacSha256, 3), PSA_KEY_TYPE_HMAC, false},
    {"HMAC at least 1: 1 (below the minimum)", AtLeastMac(kHmacSha256, 1),
     Truncated(kHmacSha256, 1), PSA_KEY_TYPE_HMAC, false},
    {"HMAC at least 32: full", AtLeastMac(kHmacSha256, 32), kHmacSha256,
     PSA_KEY_TYPE_HMAC, true},
    {"HMAC at least 32: 31", AtLeastMac(kHmacSha256, 32),
     Truncated(kHmacSha256, 31), PSA_KEY_TYPE_HMAC, false},
    {"HMAC truncated to 10: 10", Truncated(kHmacSha256, 10),
     Truncated(kHmacSha256, 10), PSA_KEY_TYPE_HMAC, true},
    {"HMAC truncated to 10: 11", Truncated(kHmacSha256, 10),
     Truncated(kHmacSha256, 11), PSA_KEY_TYPE_HMAC, false},
    {"HMAC truncated to 10: full", Truncated(kHmacSha256, 10), kHmacSha256,
     PSA_KEY_TYPE_HMAC, false},
    {"HMAC full: truncated to 10", kHmacSha256, Truncated(kHmacSha256, 10),
     PSA_KEY_TYPE_HMAC, false},
    {"HMAC full: truncated to its full length", kHmacSha256,
     Truncated(kHmacSha256, 32), PSA_KEY_TYPE_HMAC, true},
    {"HMAC truncated to its full length: full", Truncated(kHmacSha256, 32),
     kHmacSha256, PSA_KEY_TYPE_HMAC, true},

    // CMAC: the full length is the key type's block.
    {"CMAC at least 8 (AES): full", AtLeastMac(PSA_ALG_CMAC, 8), PSA_ALG_CMAC,
     PSA_KEY_TYPE_AES, true},
    {"CMAC at least 8 (AES): 8", AtLeastMac(PSA_ALG_CMAC, 8),
     Truncated(PSA_ALG_CMAC, 8), PSA_KEY_TYPE_AES, true},
    {"CMAC at least 8 (AES): 7", AtLeastMac(PSA_ALG_CMAC, 8),
     Truncated(PSA_ALG_CMAC, 7), PSA_KEY_TYPE_AES, false},
    {"CMAC at least 8 (AES): CBC-MAC", AtLeastMac(PSA_ALG_CMAC, 8),
     PSA_ALG_CBC_MAC, PSA_KEY_TYPE_AES, false},
    {"CMAC at least 4 (AES): 3", AtLeastMac(PSA_ALG_CMAC, 4),
     Truncated(PSA_ALG_CMAC, 3), PSA_KEY_TYPE_AES, false},
    {"CMAC at least 8 (DES): full", AtLeastMac(PSA_ALG_CMAC, 8), PSA_ALG_CMAC,
     PSA_KEY_TYPE_DES, true},
    {"CMAC at least 8 (DES): 12, longer than DES", AtLeastMac(PSA_ALG_CMAC, 8),
     Truncated(PSA_ALG_CMAC, 12), PSA_KEY_TYPE_DES, false},
    {"CMAC at least 12 (DES): full is only 8", AtLeastMac(PSA_ALG_CMAC, 12),
     PSA_ALG_CMAC, PSA_KEY_TYPE_DES, false},
    {"CMAC full (AES): 16 spelled out", PSA_ALG_CMAC,
     Truncated(PSA_ALG_CMAC, 16), PSA_KEY_TYPE_AES, true},
    {"CMAC full (DES): 8 spelled out", PSA_ALG_CMAC, Truncated(PSA_ALG_CMAC, 8),
     PSA_KEY_TYPE_DES, true},
    {"CMAC full (DES): 16", PSA_ALG_CMAC, Truncated(PSA_ALG_CMAC, 16),
     PSA_KEY_TYPE_DES, false},
    {"CMAC full (no block cipher): only equality", PSA_ALG_CMAC, PSA_ALG_CMAC,
     PSA_KEY_TYPE_HMAC, true},
    {"CMAC at least 4 (no block cipher)", AtLeastMac(PSA_ALG_CMAC, 4),
     PSA_ALG_CMAC, PSA_KEY_TYPE_HMAC, false},

    // AEAD minimum tag lengths.
    {"CCM at least 8: CCM", AtLeastTag(PSA_ALG_CCM, 8), PSA_ALG_CCM,
     PSA_KEY_TYPE_AES, true},
    {"CCM at least 8: 8", AtLeastTag(PSA_ALG_CCM, 8), Tag(PSA_ALG_CCM, 8),
     PSA_KEY_TYPE_AES, true},
    {"CCM at least 8: 10", AtLeastTag(PSA_ALG_CCM, 8), Tag(PSA_ALG_CCM, 10),
     PSA_KEY_TYPE_AES, true},
    {"CCM at least 8: 6", AtLeastTag(PSA_ALG_CCM, 8), Tag(PSA_ALG_CCM, 6),
     PSA_KEY_TYPE_AES, false},
    {"CCM at least 8: GCM", AtLeastTag(PSA_ALG_CCM, 8), PSA_ALG_GCM,
     PSA_KEY_TYPE_AES, false},
    {"CCM at least 8: CCM* no tag", AtLeastTag(PSA_ALG_CCM, 8),
     PSA_ALG_CCM_STAR_NO_TAG, PSA_KEY_TYPE_AES, false},
    {"GCM at least 12: 12", AtLeastTag(PSA_ALG_GCM, 12), Tag(PSA_ALG_GCM, 12),
     PSA_KEY_TYPE_AES, true},
    {"GCM at least 12: 8", AtLeastTag(PSA_ALG_GCM, 12), Tag(PSA_ALG_GCM, 8),
     PSA_KEY_TYPE_AES, false},
    {"GCM at least 1: 4", AtLeastTag(PSA_ALG_GCM, 1), Tag(PSA_ALG_GCM, 4),
     PSA_KEY_TYPE_AES, true},
    {"ChaCha at least 4: full", AtLeastTag(PSA_ALG_CHACHA20_POLY1305, 4),
     PSA_ALG_CHACHA20_POLY1305, PSA_KEY_TYPE_CHACHA20, true},
    {"ChaCha at least 4: 8 (refused)", AtLeastTag(PSA_ALG_CHACHA20_POLY1305, 4),
     Tag(PSA_ALG_CHACHA20_POLY1305, 8), PSA_KEY_TYPE_CHACHA20, false},
    {"CCM 8 policy: CCM 8", Tag(PSA_ALG_CCM, 8), Tag(PSA_ALG_CCM, 8),
     PSA_KEY_TYPE_AES, true},
    {"CCM 8 policy: CCM", Tag(PSA_ALG_CCM, 8), PSA_ALG_CCM, PSA_KEY_TYPE_AES,
     false},

    // CCM* with any tag.
    {"CCM* any: no tag", PSA_ALG_CCM_STAR_ANY_TAG, PSA_ALG_CCM_STAR_NO_TAG,
     PSA_KEY_TYPE_AES, true},
    {"CCM* any: CCM", PSA_ALG_CCM_STAR_ANY_TAG, PSA_ALG_CCM, PSA_KEY_TYPE_AES,
     true},
    {"CCM* any: CCM 4", PSA_ALG_CCM_STAR_ANY_TAG, Tag(PSA_ALG_CCM, 4),
     PSA_KEY_TYPE_AES, true},
    {"CCM* any: CCM 8", PSA_ALG_CCM_STAR_ANY_TAG, Tag(PSA_ALG_CCM, 8),
     PSA_KEY_TYPE_AES, true},
    {"CCM* any: CCM 6", PSA_ALG_CCM_STAR_ANY_TAG, Tag(PSA_ALG_CCM, 6),
     PSA_KEY_TYPE_AES, false},
    {"CCM* any: CCM 12", PSA_ALG_CCM_STAR_ANY_TAG, Tag(PSA_ALG_CCM, 12),
     PSA_KEY_TYPE_AES, false},
    {"CCM* any: GCM", PSA_ALG_CCM_STAR_ANY_TAG, PSA_ALG_GCM, PSA_KEY_TYPE_AES,
     false},
    {"CCM* any: CTR", PSA_ALG_CCM_STAR_ANY_TAG, PSA_ALG_CTR, PSA_KEY_TYPE_AES,
     false},
    {"CCM* no tag: not CCM", PSA_ALG_CCM_STAR_NO_TAG, PSA_ALG_CCM,
     PSA_KEY_TYPE_AES, false},

    // Key agreement.
    {"ECDH: ECDH", PSA_ALG_ECDH, PSA_ALG_ECDH, kEccPair, true},
    {"ECDH: ECDH + HKDF", PSA_ALG_ECDH,
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256)),
     kEccPair, true},
    {"ECDH: ECDH + TLS 1.2 PRF", PSA_ALG_ECDH,
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_TLS12_PRF(PSA_ALG_SHA_384)),
     kEccPair, true},
    {"ECDH: FFDH + HKDF", PSA_ALG_ECDH,
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_FFDH, PSA_ALG_HKDF(PSA_ALG_SHA_256)),
     kEccPair, false},
    {"ECDH: FFDH", PSA_ALG_ECDH, PSA_ALG_FFDH, kEccPair, false},
    {"ECDH + HKDF: ECDH",
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256)),
     PSA_ALG_ECDH, kEccPair, false},
    {"ECDH + HKDF: ECDH + HKDF-SHA-384",
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256)),
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_384)),
     kEccPair, false},
    {"ECDH: not the bare KDF", PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256),
     kEccPair, false},
    {"ECDH: invalid combination", PSA_ALG_ECDH,
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_ANY_HASH)),
     kEccPair, false},
};

TEST(AlgorithmPermits, FollowsEveryRuleOfPermittedAlgorithms) {
  for (const PermitCase& c : kPermitCases) {
    EXPECT_EQ(AlgorithmPermits(c.permitted, c.requested, c.type, 128),
              c.expected)
        << c.name;
  }
}

TEST(AlgorithmPermits, EveryStandaloneKeyAgreementPermitsEveryCombination) {
  for (psa_algorithm_t ka : {PSA_ALG_ECDH, PSA_ALG_FFDH}) {
    for (psa_algorithm_t kdf : SpecificKeyDerivationAlgorithms()) {
      EXPECT_TRUE(
          AlgorithmPermits(ka, PSA_ALG_KEY_AGREEMENT(ka, kdf), kEccPair, 256))
          << std::hex << kdf;
    }
  }
}

TEST(AlgorithmPermits, AnyHashPermitsEveryHashOfItsFamily) {
  for (psa_algorithm_t hash : HashAlgorithms()) {
    EXPECT_TRUE(AlgorithmPermits(PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH),
                                 PSA_ALG_RSA_PSS(hash),
                                 PSA_KEY_TYPE_RSA_KEY_PAIR, 2048))
        << std::hex << hash;
    EXPECT_FALSE(AlgorithmPermits(PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH),
                                  PSA_ALG_RSA_OAEP(hash),
                                  PSA_KEY_TYPE_RSA_KEY_PAIR, 2048))
        << std::hex << hash;
  }
}

// ---- Copy intersections
// -------------------------------------------------------

struct IntersectCase {
  const char* name;
  psa_key_usage_t usage1;
  psa_algorithm_t alg1;
  psa_key_usage_t usage2;
  psa_algorithm_t alg2;
  psa_key_type_t type;
  psa_status_t status;
  psa_key_usage_t usage;  // Expected on success.
  psa_algorithm_t alg;    // Expected on success.
};

constexpr psa_key_usage_t kEnc = PSA_KEY_USAGE_ENCRYPT;
constexpr psa_key_usage_t kSign = PSA_KEY_USAGE_SIGN_MESSAGE;
constexpr psa_algorithm_t kEcdhHkdf256 =
    PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256));
constexpr psa_status_t kInvalid = PSA_ERROR_INVALID_ARGUMENT;

const IntersectCase kIntersectCases[] = {
    {"equal", kEnc, PSA_ALG_CTR, kEnc, PSA_ALG_CTR, PSA_KEY_TYPE_AES,
     PSA_SUCCESS, kEnc, PSA_ALG_CTR},
    {"equal wildcards", kSign, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), kSign,
     PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), kEccPair, PSA_SUCCESS, kSign,
     PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)},
    {"none and none", PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, PSA_KEY_USAGE_EXPORT,
     PSA_ALG_NONE, PSA_KEY_TYPE_RAW_DATA, PSA_SUCCESS, PSA_KEY_USAGE_EXPORT,
     PSA_ALG_NONE},
    {"none and an algorithm", kEnc, PSA_ALG_NONE, kEnc, PSA_ALG_CTR,
     PSA_KEY_TYPE_AES, PSA_SUCCESS, kEnc, PSA_ALG_NONE},
    {"an algorithm and none", kEnc, PSA_ALG_CTR, kEnc, PSA_ALG_NONE,
     PSA_KEY_TYPE_AES, PSA_SUCCESS, kEnc, PSA_ALG_NONE},
    {"any hash, then specific", kSign, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), kSign,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), kEccPair, PSA_SUCCESS, kSign,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"specific, then any hash", kSign, PSA_ALG_ECDSA(PSA_ALG_SHA_384), kSign,
     PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), kEccPair, PSA_SUCCESS, kSign,
     PSA_ALG_ECDSA(PSA_ALG_SHA_384)},
    {"PKCS#1 any hash and raw", kSign,
     PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH), kSign,
     PSA_ALG_RSA_PKCS1V15_SIGN_RAW, PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_SUCCESS,
     kSign, PSA_ALG_RSA_PKCS1V15_SIGN_RAW},
    {"ECDSA any hash and ECDSA without hash", kSign,
     PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), kSign, PSA_ALG_ECDSA_ANY, kEccPair,
     kInvalid, 0, 0},
    {"randomized and deterministic wildcards", kSign,
     PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), kSign,
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_ANY_HASH), kEccPair, kInvalid, 0, 0},
    {"randomized and deterministic ECDSA", kSign,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), kSign,
     PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256), kEccPair, kInvalid, 0, 0},
    {"two hashes", kSign, PSA_ALG_ECDSA(PSA_ALG_SHA_256), kSign,
     PSA_ALG_ECDSA(PSA_ALG_SHA_384), kEccPair, kInvalid, 0, 0},
    {"two MAC minimums: the larger", kSign, AtLeastMac(kHmacSha256, 10), kSign,
     AtLeastMac(kHmacSha256, 20), PSA_KEY_TYPE_HMAC, PSA_SUCCESS, kSign,
     AtLeastMac(kHmacSha256, 20)},
    {"two MAC minimums, other order", kSign, AtLeastMac(kHmacSha256, 20), kSign,
     AtLeastMac(kHmacSha256, 10), PSA_KEY_TYPE_HMAC, PSA_SUCCESS, kSign,
     AtLeastMac(kHmacSha256, 20)},
    {"MAC minimum and a full-length-only minimum", kSign,
     AtLeastMac(kHmacSha256, 32), kSign, AtLeastMac(kHmacSha256, 16),
     PSA_KEY_TYPE_HMAC, PSA_SUCCESS, kSign, AtLeastMac(kHmacSha256, 32)},
    {"MAC minimums below the floor permit the same", kSign,
     AtLeastMac(kHmacSha256, 1), kSign, AtLeastMac(kHmacSha256, 4),
     PSA_KEY_TYPE_HMAC, PSA_SUCCESS, kSign, AtLeastMac(kHmacSha256, 4)},
    {"MAC minimum and a member", kSign, AtLeastMac(kHmacSha256, 10), kSign,
     Truncated(kHmacSha256, 16), PSA_KEY_TYPE_HMAC, PSA_SUCCESS, kSign,
     Truncated(kHmacSha256, 16)},
    {"MAC minimum and a shorter MAC", kSign, AtLeastMac(kHmacSha256, 20), kSign,
     Truncated(kHmacSha256, 16), PSA_KEY_TYPE_HMAC, kInvalid, 0, 0},
    {"MAC minimums of two hashes", kSign, AtLeastMac(kHmacSha256, 8), kSign,
     AtLeastMac(kHmacSha384, 8), PSA_KEY_TYPE_HMAC, kInvalid, 0, 0},
    {"full MAC and the same MAC truncated to full length", kSign, kHmacSha256,
     kSign, Truncated(kHmacSha256, 32), PSA_KEY_TYPE_HMAC, PSA_SUCCESS, kSign,
     Truncated(kHmacSha256, 32)},
    {"CMAC minimum and CMAC (AES)", kSign, AtLeastMac(PSA_ALG_CMAC, 8), kSign,
     PSA_ALG_CMAC, PSA_KEY_TYPE_AES, PSA_SUCCESS, kSign, PSA_ALG_CMAC},
    {"CMAC minimum above the DES block", kSign, AtLeastMac(PSA_ALG_CMAC, 12),
     kSign, Truncated(PSA_ALG_CMAC, 8), PSA_KEY_TYPE_DES, kInvalid, 0, 0},
    {"two tag minimums: the larger", kEnc, AtLeastTag(PSA_ALG_CCM, 8), kEnc,
     AtLeastTag(PSA_ALG_CCM, 12), PSA_KEY_TYPE_AES, PSA_SUCCESS, kEnc,
     AtLeastTag(PSA_ALG_CCM, 12)},
    {"tag minimum and a member", kEnc, AtLeastTag(PSA_ALG_CCM, 8), kEnc,
     Tag(PSA_ALG_CCM, 10), PSA_KEY_TYPE_AES, PSA_SUCCESS, kEnc,
     Tag(PSA_ALG_CCM, 10)},
    {"tag minimums of two AEADs", kEnc, AtLeastTag(PSA_ALG_GCM, 8), kEnc,
     AtLeastTag(PSA_ALG_CCM, 8), PSA_KEY_TYPE_AES, kInvalid, 0, 0},
    {"ChaCha minimum and ChaCha", kEnc,
     AtLeastTag(PSA_ALG_CHACHA20_POLY1305, 8), kEnc, PSA_ALG_CHACHA20_POLY1305,
     PSA_KEY_TYPE_CHACHA20, PSA_SUCCESS, kEnc, PSA_ALG_CHACHA20_POLY1305},
    {"CCM* any and CCM 8", kEnc, PSA_ALG_CCM_STAR_ANY_TAG, kEnc,
     Tag(PSA_ALG_CCM, 8), PSA_KEY_TYPE_AES, PSA_SUCCESS, kEnc,
     Tag(PSA_ALG_CCM, 8)},
    {"CCM* any and no tag", kEnc, PSA_ALG_CCM_STAR_ANY_TAG, kEnc,
     PSA_ALG_CCM_STAR_NO_TAG, PSA_KEY_TYPE_AES, PSA_SUCCESS, kEnc,
     PSA_ALG_CCM_STAR_NO_TAG},
    {"CCM* any and CCM of at least 12: CCM", kEnc, PSA_ALG_CCM_STAR_ANY_TAG,
     kEnc, AtLeastTag(PSA_ALG_CCM, 12), PSA_KEY_TYPE_AES, PSA_SUCCESS, kEnc,
     PSA_ALG_CCM},
    {"CCM* any and CCM of at least 8: inexpressible", kEnc,
     PSA_ALG_CCM_STAR_ANY_TAG, kEnc, AtLeastTag(PSA_ALG_CCM, 8),
     PSA_KEY_TYPE_AES, kInvalid, 0, 0},
    {"CCM* any and CCM 6", kEnc, PSA_ALG_CCM_STAR_ANY_TAG, kEnc,
     Tag(PSA_ALG_CCM, 6), PSA_KEY_TYPE_AES, kInvalid, 0, 0},
    {"standalone and combined key agreement", PSA_KEY_USAGE_DERIVE,
     PSA_ALG_ECDH, PSA_KEY_USAGE_DERIVE, kEcdhHkdf256, kEccPair, PSA_SUCCESS,
     PSA_KEY_USAGE_DERIVE, kEcdhHkdf256},
    {"combined and standalone key agreement", PSA_KEY_USAGE_DERIVE,
     kEcdhHkdf256, PSA_KEY_USAGE_DERIVE, PSA_ALG_ECDH, kEccPair, PSA_SUCCESS,
     PSA_KEY_USAGE_DERIVE, kEcdhHkdf256},
    {"ECDH and FFDH", PSA_KEY_USAGE_DERIVE, PSA_ALG_ECDH, PSA_KEY_USAGE_DERIVE,
     PSA_ALG_FFDH, kEccPair, kInvalid, 0, 0},
    {"two combinations", PSA_KEY_USAGE_DERIVE, kEcdhHkdf256,
     PSA_KEY_USAGE_DERIVE,
     PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_384)),
     kEccPair, kInvalid, 0, 0},
    {"two ciphers", kEnc, PSA_ALG_CTR, kEnc, PSA_ALG_CBC_NO_PADDING,
     PSA_KEY_TYPE_AES, kInvalid, 0, 0},
    {"usage AND", kEnc | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_EXPORT,
     PSA_ALG_CTR, PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_COPY, PSA_ALG_CTR,
     PSA_KEY_TYPE_AES, PSA_SUCCESS, PSA_KEY_USAGE_DECRYPT, PSA_ALG_CTR},
    {"disjoint usages", kEnc, PSA_ALG_CTR, PSA_KEY_USAGE_DECRYPT, PSA_ALG_CTR,
     PSA_KEY_TYPE_AES, PSA_SUCCESS, 0, PSA_ALG_CTR},
    {"implied usage meets the message usage", PSA_KEY_USAGE_SIGN_HASH,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), kEccPair, PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"hash usage on both sides keeps its implied usage",
     PSA_KEY_USAGE_VERIFY_HASH, PSA_ALG_ECDSA(PSA_ALG_SHA_256),
     PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_EXPORT,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), kEccPair, PSA_SUCCESS,
     PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_VERIFY_MESSAGE,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"undefined usage bit requested", kEnc, PSA_ALG_CTR, kEnc | 0x00000080,
     PSA_ALG_CTR, PSA_KEY_TYPE_AES, kInvalid, 0, 0},
    {"undefined usage bit in the source", kEnc | 0x00010000, PSA_ALG_CTR, kEnc,
     PSA_ALG_CTR, PSA_KEY_TYPE_AES, kInvalid, 0, 0},
    {"invalid requested algorithm", kSign, kHmacSha256, kSign,
     PSA_ALG_HMAC(PSA_ALG_ANY_HASH), PSA_KEY_TYPE_HMAC, kInvalid, 0, 0},
    {"invalid source algorithm", kSign, Truncated(kHmacSha256, 2), kSign,
     Truncated(kHmacSha256, 2), PSA_KEY_TYPE_HMAC, kInvalid, 0, 0},
};

TEST(IntersectPolicies, CopyKeyIntersectionTable) {
  for (const IntersectCase& c : kIntersectCases) {
    psa_key_usage_t usage = 0xdeadbeef;
    psa_algorithm_t alg = 0xdeadbeef;
    EXPECT_EQ(IntersectPolicies(c.usage1, c.alg1, c.usage2, c.alg2, c.type, 256,
                                &usage, &alg),
              c.status)
        << c.name;
    if (c.status == PSA_SUCCESS) {
      EXPECT_EQ(usage, c.usage) << c.name;
      EXPECT_EQ(alg, c.alg) << c.name;
    } else {
      EXPECT_EQ(usage, 0xdeadbeef) << c.name << ": output written on failure";
      EXPECT_EQ(alg, 0xdeadbeef) << c.name << ": output written on failure";
    }
  }
}

TEST(IntersectPolicies, NullOutputsAreInvalid) {
  psa_key_usage_t usage = 0;
  psa_algorithm_t alg = 0;
  EXPECT_EQ(IntersectPolicies(kEnc, PSA_ALG_CTR, kEnc, PSA_ALG_CTR,
                              PSA_KEY_TYPE_AES, 128, nullptr, &alg),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(IntersectPolicies(kEnc, PSA_ALG_CTR, kEnc, PSA_ALG_CTR,
                              PSA_KEY_TYPE_AES, 128, &usage, nullptr),
            PSA_ERROR_INVALID_ARGUMENT);
}

// The specific algorithms the property test below checks permissions over.
std::vector<psa_algorithm_t> SpecificAlgorithmUniverse() {
  std::vector<psa_algorithm_t> all;
  for (psa_algorithm_t mac :
       {kHmacSha256, kHmacSha384, PSA_ALG_CMAC, PSA_ALG_CBC_MAC}) {
    for (size_t length = 0; length <= 63; ++length) {
      all.push_back(Truncated(mac, length));
    }
  }
  for (psa_algorithm_t aead :
       {PSA_ALG_CCM, PSA_ALG_GCM, PSA_ALG_CHACHA20_POLY1305}) {
    for (size_t length = 0; length <= 63; ++length) {
      all.push_back(Tag(aead, length));
    }
  }
  for (psa_algorithm_t hash : HashAlgorithms()) {
    all.push_back(PSA_ALG_ECDSA(hash));
    all.push_back(PSA_ALG_DETERMINISTIC_ECDSA(hash));
    all.push_back(PSA_ALG_RSA_PKCS1V15_SIGN(hash));
    all.push_back(PSA_ALG_RSA_PSS(hash));
  }
  for (psa_algorithm_t kdf : SpecificKeyDerivationAlgorithms()) {
    all.push_back(kdf);
    all.push_back(PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, kdf));
  }
  for (psa_algorithm_t alg :
       {PSA_ALG_ECDSA_ANY, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, PSA_ALG_ECDH,
        PSA_ALG_FFDH, PSA_ALG_CTR, PSA_ALG_CBC_NO_PADDING,
        PSA_ALG_CCM_STAR_NO_TAG}) {
    all.push_back(alg);
  }
  std::vector<psa_algorithm_t> specific;
  for (psa_algorithm_t alg : all) {
    if (CheckSpecificAlgorithm(alg) == PSA_SUCCESS) specific.push_back(alg);
  }
  return specific;
}

// Policies of every kind, related and unrelated, for the property test.
const psa_algorithm_t kPolicies[] = {
    PSA_ALG_NONE,
    PSA_ALG_CTR,
    PSA_ALG_CBC_NO_PADDING,
    kHmacSha256,
    Truncated(kHmacSha256, 16),
    Truncated(kHmacSha256, 32),
    AtLeastMac(kHmacSha256, 1),
    AtLeastMac(kHmacSha256, 10),
    AtLeastMac(kHmacSha256, 16),
    AtLeastMac(kHmacSha256, 32),
    AtLeastMac(kHmacSha384, 10),
    PSA_ALG_CMAC,
    Truncated(PSA_ALG_CMAC, 8),
    AtLeastMac(PSA_ALG_CMAC, 6),
    AtLeastMac(PSA_ALG_CMAC, 12),
    PSA_ALG_CCM,
    Tag(PSA_ALG_CCM, 4),
    Tag(PSA_ALG_CCM, 8),
    Tag(PSA_ALG_CCM, 10),
    AtLeastTag(PSA_ALG_CCM, 4),
    AtLeastTag(PSA_ALG_CCM, 8),
    AtLeastTag(PSA_ALG_CCM, 9),
    AtLeastTag(PSA_ALG_CCM, 16),
    PSA_ALG_CCM_STAR_ANY_TAG,
    PSA_ALG_CCM_STAR_NO_TAG,
    AtLeastTag(PSA_ALG_GCM, 12),
    PSA_ALG_CHACHA20_POLY1305,
    AtLeastTag(PSA_ALG_CHACHA20_POLY1305, 1),
    PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
    PSA_ALG_ECDSA(PSA_ALG_SHA_256),
    PSA_ALG_ECDSA_ANY,
    PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_ANY_HASH),
    PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH),
    PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_1),
    PSA_ALG_RSA_PKCS1V15_SIGN_RAW,
    PSA_ALG_ECDH,
    PSA_ALG_FFDH,
    kEcdhHkdf256,
    PSA_ALG_HKDF(PSA_ALG_SHA_256),
};

// For every pair of policies and several key types: the intersection
// succeeds in both orders or in neither, and when it yields an algorithm, that
// algorithm permits exactly the algorithms both policies permit.
TEST(IntersectPolicies, ResultPermitsExactlyWhatBothPermit) {
  const std::vector<psa_algorithm_t> universe = SpecificAlgorithmUniverse();
  ASSERT_GT(universe.size(), 300u);
  for (psa_key_type_t type :
       {PSA_KEY_TYPE_AES, PSA_KEY_TYPE_DES, PSA_KEY_TYPE_HMAC}) {
    for (psa_algorithm_t a : kPolicies) {
      for (psa_algorithm_t b : kPolicies) {
        psa_key_usage_t usage_ab = 0, usage_ba = 0;
        psa_algorithm_t ab = 0, ba = 0;
        const psa_status_t status_ab =
            IntersectPolicies(kEnc, a, kEnc, b, type, 128, &usage_ab, &ab);
        const psa_status_t status_ba =
            IntersectPolicies(kEnc, b, kEnc, a, type, 128, &usage_ba, &ba);
        ASSERT_EQ(status_ab, status_ba) << std::hex << a << " " << b;
        if (status_ab != PSA_SUCCESS) {
          ASSERT_EQ(status_ab, PSA_ERROR_INVALID_ARGUMENT);
          // Failure is right only if no single policy value is exact:
          // neither side permits exactly the common algorithms, and there
          // is not exactly one of them.
          std::set<psa_algorithm_t> common, only_a, only_b;
          for (psa_algorithm_t x : universe) {
            const bool by_a = AlgorithmPermits(a, x, type, 128);
            const bool by_b = AlgorithmPermits(b, x, type, 128);
            if (by_a && by_b) common.insert(x);
            if (by_a && !by_b) only_a.insert(x);
            if (by_b && !by_a) only_b.insert(x);
          }
          EXPECT_NE(common.size(), 1u)
              << "a single common algorithm exists for " << std::hex << a
              << " and " << b;
          if (!common.empty()) {
            EXPECT_FALSE(only_a.empty())
                << std::hex << a << " is exact against " << b;
            EXPECT_FALSE(only_b.empty())
                << std::hex << b << " is exact against " << a;
          }
          continue;
        }
        EXPECT_EQ(usage_ab, kEnc);
        if (a == PSA_ALG_NONE || b == PSA_ALG_NONE) {
          EXPECT_EQ(ab, PSA_ALG_NONE);
          continue;
        }
        for (psa_algorithm_t x : universe) {
          const bool both = AlgorithmPermits(a, x, type, 128) &&
                            AlgorithmPermits(b, x, type, 128);
          EXPECT_EQ(AlgorithmPermits(ab, x, type, 128), both)
              << "type " << std::hex << type << ": " << a << " and " << b
              << " gave " << ab << ", wrong for " << x;
          EXPECT_EQ(AlgorithmPermits(ba, x, type, 128), both)
              << "type " << std::hex << type << ": " << b << " and " << a
              << " gave " << ba << ", wrong for " << x;
        }
      }
    }
  }
}

// ---- Policy validation and key-management usages
// -----------------------------

TEST(ValidatePolicy, AcceptsEachDefinedUsageFlagAndRejectsEveryOtherBit) {
  for (unsigned bit = 0; bit < 32; ++bit) {
    const psa_key_usage_t flag = static_cast<psa_key_usage_t>(1) << bit;
    const psa_key_attributes_t attributes =
        Key(PSA_KEY_TYPE_AES, 128, flag, PSA_ALG_CTR);
    EXPECT_EQ(ValidatePolicy(attributes), (flag & kAllUsageFlags) != 0
                                              ? PSA_SUCCESS
                                              : PSA_ERROR_INVALID_ARGUMENT)
        << "bit " << bit;
  }
  EXPECT_EQ(
      ValidatePolicy(Key(PSA_KEY_TYPE_AES, 128, kAllUsageFlags, PSA_ALG_CTR)),
      PSA_SUCCESS);
  EXPECT_EQ(__builtin_popcount(kAllUsageFlags), 11);
}

TEST(ValidatePolicy, ClassifiesThePermittedAlgorithm) {
  struct {
    psa_algorithm_t alg;
    psa_status_t expected;
  } const kCases[] = {
      {PSA_ALG_NONE, PSA_SUCCESS},
      {PSA_ALG_CTR, PSA_SUCCESS},
      {PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), PSA_SUCCESS},
      {AtLeastMac(kHmacSha256, 20), PSA_SUCCESS},
      {AtLeastTag(PSA_ALG_GCM, 12), PSA_SUCCESS},
      {PSA_ALG_CCM_STAR_ANY_TAG, PSA_SUCCESS},
      {kEcdhHkdf256, PSA_SUCCESS},
      {PSA_ALG_HMAC(PSA_ALG_ANY_HASH), PSA_ERROR_INVALID_ARGUMENT},
      {Truncated(kHmacSha256, 40), PSA_ERROR_INVALID_ARGUMENT},
      {0x80000000 | PSA_ALG_CTR, PSA_ERROR_INVALID_ARGUMENT},
      {0x0f000000, PSA_ERROR_INVALID_ARGUMENT},
      {Tag(PSA_ALG_CHACHA20_POLY1305, 12), PSA_ERROR_NOT_SUPPORTED},
  };
  for (const auto& c : kCases) {
    // The key type does not matter: no compatibility check at creation.
    for (psa_key_type_t type : {PSA_KEY_TYPE_AES, PSA_KEY_TYPE_RAW_DATA}) {
      EXPECT_EQ(ValidatePolicy(Key(type, 128, kEnc, c.alg)), c.expected)
          << std::hex << c.alg;
    }
  }
}

TEST(CheckExportable, NeedsTheExportFlagExceptForPublicKeys) {
  EXPECT_EQ(CheckExportable(
                Key(PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE)),
            PSA_SUCCESS);
  EXPECT_EQ(
      CheckExportable(Key(PSA_KEY_TYPE_AES, 128,
                          kAllUsageFlags & ~PSA_KEY_USAGE_EXPORT, PSA_ALG_CTR)),
      PSA_ERROR_NOT_PERMITTED);
  EXPECT_EQ(
      CheckExportable(Key(kEccPair, 256, PSA_KEY_USAGE_COPY, PSA_ALG_NONE)),
      PSA_ERROR_NOT_PERMITTED);
  EXPECT_EQ(CheckExportable(Key(kEccPublic, 256, 0, PSA_ALG_NONE)),
            PSA_SUCCESS);
  EXPECT_EQ(
      CheckExportable(Key(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048, 0, PSA_ALG_NONE)),
      PSA_SUCCESS);
}

TEST(CheckCopyable, NeedsTheCopyFlagAndExportToLeaveTheBoundary) {
  const psa_key_attributes_t copy_only =
      Key(PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_COPY, PSA_ALG_CTR);
  const psa_key_attributes_t copy_export =
      Key(PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT,
          PSA_ALG_CTR);
  const psa_key_attributes_t export_only = Key(
      PSA_KEY_TYPE_AES, 128, kAllUsageFlags & ~PSA_KEY_USAGE_COPY, PSA_ALG_CTR);
  EXPECT_EQ(CheckCopyable(copy_only), PSA_SUCCESS);
  EXPECT_EQ(CheckCopyable(copy_only, /*leaves_security_boundary=*/false),
            PSA_SUCCESS);
  EXPECT_EQ(CheckCopyable(copy_only, /*leaves_security_boundary=*/true),
            PSA_ERROR_NOT_PERMITTED);
  EXPECT_EQ(CheckCopyable(copy_export, /*leaves_security_boundary=*/true),
            PSA_SUCCESS);
  EXPECT_EQ(CheckCopyable(export_only), PSA_ERROR_NOT_PERMITTED);
  EXPECT_EQ(CheckCopyable(export_only, /*leaves_security_boundary=*/true),
            PSA_ERROR_NOT_PERMITTED);
  // A public key may leave with COPY alone, but not without COPY.
  EXPECT_EQ(
      CheckCopyable(Key(kEccPublic, 256, PSA_KEY_USAGE_COPY, PSA_ALG_NONE),
                    /*leaves_security_boundary=*/true),
      PSA_SUCCESS);
  EXPECT_EQ(
      CheckCopyable(Key(kEccPublic, 256, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE)),
      PSA_ERROR_NOT_PERMITTED);
}

}  // namespace
}  // namespace psa::core::policy
