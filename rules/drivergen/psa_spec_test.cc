#include "rules/drivergen/psa_spec.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <ostream>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace psa::drivergen {

// Readable failure output.
void PrintTo(const AlgorithmPattern& pattern, std::ostream* os) {
  char buffer[128];
  std::snprintf(buffer, sizeof(buffer), "{value=0x%08x mask=0x%08x any_hash=%d floor=%d min=%u}",
                pattern.value, pattern.mask, pattern.any_hash ? 1 : 0,
                static_cast<int>(pattern.length_floor), pattern.min_length);
  *os << buffer;
}

void PrintTo(const KeyTypePattern& pattern, std::ostream* os) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "{value=0x%04x mask=0x%04x}", pattern.value,
                pattern.mask);
  *os << buffer;
}

namespace {

using Floor = AlgorithmPattern::LengthFloor;

AlgorithmPattern Pattern(uint32_t value, uint32_t mask = 0xffffffffu, bool any_hash = false,
                         Floor floor = Floor::kNone, uint32_t min_length = 0) {
  AlgorithmPattern pattern;
  pattern.value = value;
  pattern.mask = mask;
  pattern.any_hash = any_hash;
  pattern.length_floor = floor;
  pattern.min_length = min_length;
  return pattern;
}

AlgorithmPattern ParseAlgorithmOrDie(std::string_view text) {
  AlgorithmPattern pattern;
  SpecError error;
  EXPECT_TRUE(ParseAlgorithmSpec(text, &pattern, &error))
      << text << ": " << error.message << " at " << error.offset;
  return pattern;
}

// ---------------------------------------------------------------------------------------------
// Valid algorithm specifications: encoding (the C value) and the set they denote.
// ---------------------------------------------------------------------------------------------

struct AlgorithmCase {
  const char* text;
  uint32_t encoding;
  AlgorithmPattern pattern;
};

const AlgorithmCase kAlgorithmCases[] = {
    {"PSA_ALG_NONE", 0x00000000u, Pattern(0x00000000u)},
    {"PSA_ALG_SHA_256", 0x02000009u, Pattern(0x02000009u)},
    {"PSA_ALG_SHAKE256_512", 0x02000015u, Pattern(0x02000015u)},
    {"PSA_ALG_ANY_HASH", 0x020000ffu, Pattern(0x02000000u, 0xffffff00u, true)},
    {"PSA_ALG_HMAC(PSA_ALG_SHA_256)", 0x03800009u, Pattern(0x03800009u)},
    {"PSA_ALG_HMAC(PSA_ALG_ANY_HASH)", 0x038000ffu, Pattern(0x03800000u, 0xffffff00u, true)},
    {"PSA_ALG_CMAC", 0x03c00200u, Pattern(0x03c00200u)},
    {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16)", 0x03900009u,
     Pattern(0x03900009u)},
    {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 0x8)", 0x03c80200u, Pattern(0x03c80200u)},
    {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_512), 63)", 0x03bf000bu,
     Pattern(0x03bf000bu)},
    {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_ANY_HASH), 20)", 0x039400ffu,
     Pattern(0x03940000u, 0xffffff00u, true)},
    {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 12), 4)", 0x03c40200u,
     Pattern(0x03c40200u)},
    {"PSA_ALG_FULL_LENGTH_MAC(PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 4))", 0x03c00200u,
     Pattern(0x03c00200u)},
    {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 20)", 0x03948009u,
     Pattern(0x03800009u, 0xffc0ffffu, false, Floor::kMac, 20)},
    {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8)", 0x03c88200u,
     Pattern(0x03c00200u, 0xffc0ffffu, false, Floor::kMac, 8)},
    {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_ANY_HASH), 32)", 0x03a080ffu,
     Pattern(0x03800000u, 0xffc0ff00u, true, Floor::kMac, 32)},
    {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_TRUNCATED_MAC(PSA_ALG_CBC_MAC, 4), 10)",
     0x03ca8100u, Pattern(0x03c00100u, 0xffc0ffffu, false, Floor::kMac, 10)},
    {"PSA_ALG_CCM_STAR_NO_TAG", 0x04c01300u, Pattern(0x04c01300u)},
    {"PSA_ALG_XTS", 0x0440ff00u, Pattern(0x0440ff00u)},
    {"PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8)", 0x05480100u, Pattern(0x05480100u)},
    {"PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 16)", 0x05500200u, Pattern(0x05500200u)},
    {"PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 13)", 0x054d0200u, Pattern(0x054d0200u)},
    {"PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12))",
     0x05500200u, Pattern(0x05500200u)},
    {"PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(PSA_ALG_XCHACHA20_POLY1305)", 0x05100600u,
     Pattern(0x05100600u)},
    {"PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 12)", 0x054c8100u,
     Pattern(0x05400100u, 0xffc0ffffu, false, Floor::kAeadTag, 12)},
    {"PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CHACHA20_POLY1305, 16)", 0x05108500u,
     Pattern(0x05000500u, 0xffc0ffffu, false, Floor::kAeadTag, 16)},
    {"PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_1)", 0x06000205u, Pattern(0x06000205u)},
    {"PSA_ALG_RSA_PKCS1V15_SIGN_RAW", 0x06000200u, Pattern(0x06000200u)},
    {"PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH)", 0x060003ffu, Pattern(0x06000300u, 0xffffff00u, true)},
    {"PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_512)", 0x0600130bu, Pattern(0x0600130bu)},
    {"PSA_ALG_ECDSA(PSA_ALG_SHA_384)", 0x0600060au, Pattern(0x0600060au)},
    {"PSA_ALG_ECDSA_ANY", 0x06000600u, Pattern(0x06000600u)},
    {"PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_ANY_HASH)", 0x060007ffu,
     Pattern(0x06000700u, 0xffffff00u, true)},
    {"PSA_ALG_ED25519PH", 0x0600090bu, Pattern(0x0600090bu)},
    {"PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256)", 0x07000309u, Pattern(0x07000309u)},
    {"PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA3_256)", 0x08000411u, Pattern(0x08000411u)},
    {"PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_384)", 0x0800030au, Pattern(0x0800030au)},
    {"PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)", 0x08800109u, Pattern(0x08800109u)},
    {"PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_384)", 0x0800070au, Pattern(0x0800070au)},
    {"PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256))", 0x09020109u,
     Pattern(0x09020109u)},
    {"PSA_ALG_KEY_AGREEMENT(PSA_ALG_FFDH, PSA_ALG_PBKDF2_AES_CMAC_PRF_128)", 0x09810200u,
     Pattern(0x09810200u)},
    {"PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_TLS12_PRF(PSA_ALG_ANY_HASH))", 0x090202ffu,
     Pattern(0x09020200u, 0xffffff00u, true)},
    {"PSA_ALG_JPAKE(PSA_ALG_SHA_256)", 0x0a000109u, Pattern(0x0a000109u)},
    {"PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256)", 0x0a000509u, Pattern(0x0a000509u)},
    {"PSA_ALG_SPAKE2P_MATTER", 0x0a000609u, Pattern(0x0a000609u)},
    // Spaces: optional after commas, tolerated between any two tokens.
    {"PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH,PSA_ALG_HKDF(PSA_ALG_SHA_256))", 0x09020109u,
     Pattern(0x09020109u)},
    {"PSA_ALG_HMAC ( PSA_ALG_SHA_256 )", 0x03800009u, Pattern(0x03800009u)},
    {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC , 8)", 0x03c80200u, Pattern(0x03c80200u)},
    {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC,   0X0A)", 0x03ca0200u, Pattern(0x03ca0200u)},
};

TEST(AlgorithmSpec, EvaluatesEncodingAndPattern) {
  for (const AlgorithmCase& test : kAlgorithmCases) {
    SCOPED_TRACE(test.text);
    AlgorithmPattern pattern;
    SpecError error;
    ASSERT_TRUE(ParseAlgorithmSpec(test.text, &pattern, &error))
        << error.message << " at " << error.offset;
    EXPECT_EQ(pattern, test.pattern);
    uint32_t encoding = 0;
    ASSERT_TRUE(EvaluateAlgorithmSpec(test.text, &encoding, &error)) << error.message;
    EXPECT_EQ(encoding, test.encoding);
  }
}

TEST(AlgorithmSpec, SpecificAlgorithmIsTheOnlyMemberOfItsSet) {
  for (const AlgorithmCase& test : kAlgorithmCases) {
    if (test.pattern.mask != 0xffffffffu) continue;
    SCOPED_TRACE(test.text);
    EXPECT_TRUE(test.pattern.Matches(test.encoding));
    EXPECT_FALSE(test.pattern.Matches(test.encoding ^ 0x1u));
    EXPECT_FALSE(test.pattern.Matches(test.encoding ^ 0x00010000u));
    EXPECT_FALSE(test.pattern.Matches(test.encoding ^ 0x80000000u));
  }
}

TEST(AlgorithmSpec, CcmStarAnyTagIsAPolicyNotACapability) {
  AlgorithmPattern pattern;
  SpecError error;
  EXPECT_FALSE(ParseAlgorithmSpec("PSA_ALG_CCM_STAR_ANY_TAG", &pattern, &error));
  EXPECT_EQ(error.offset, 0u);
  EXPECT_EQ(error.message,
            "PSA_ALG_CCM_STAR_ANY_TAG is a key policy wildcard that spans a cipher and an AEAD "
            "algorithm, not a set of algorithms a driver implements: list "
            "PSA_ALG_CCM_STAR_NO_TAG and PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, "
            "4) instead");
  uint32_t encoding = 0;
  ASSERT_TRUE(EvaluateAlgorithmSpec("PSA_ALG_CCM_STAR_ANY_TAG", &encoding, &error));
  EXPECT_EQ(encoding, 0x04c09300u);
}

TEST(AlgorithmSpec, FailureLeavesOutputUnchanged) {
  AlgorithmPattern pattern = Pattern(0x12345678u, 0x0000ffffu);
  SpecError error;
  EXPECT_FALSE(ParseAlgorithmSpec("PSA_ALG_HMAC(PSA_ALG_CMAC)", &pattern, &error));
  EXPECT_EQ(pattern, Pattern(0x12345678u, 0x0000ffffu));
  KeyTypePattern key_type{0x1234, 0x00ff};
  EXPECT_FALSE(ParseKeyTypeSpec("PSA_KEY_TYPE_ECC_KEY_PAIR(1)", &key_type, &error));
  EXPECT_EQ(key_type, (KeyTypePattern{0x1234, 0x00ff}));
}

// ---------------------------------------------------------------------------------------------
// Membership, per wildcard kind.
// ---------------------------------------------------------------------------------------------

struct MembershipCase {
  const char* spec;
  std::vector<uint32_t> members;
  std::vector<uint32_t> non_members;
};

const MembershipCase kMembershipCases[] = {
    // Hash wildcard in a hash-and-sign signature: any specific hash, nothing else.
    {"PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH)",
     {0x06000309u, 0x0600030bu, 0x06000305u, 0x06000315u},
     {0x06000300u /* no hash */, 0x060003ffu /* the policy itself */,
      0x06001309u /* PSS with any salt */, 0x06000209u /* PKCS#1 v1.5 */, 0x86000309u}},
    {"PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)",
     {0x06000609u, 0x0600060bu},
     {0x06000600u /* ECDSA_ANY: no hash */, 0x06000709u /* deterministic */}},
    {"PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH)",
     {0x06000209u},
     {0x06000200u /* RSA_PKCS1V15_SIGN_RAW */}},
    // Hash wildcard alone: any hash algorithm.
    {"PSA_ALG_ANY_HASH",
     {0x02000009u, 0x02000001u, 0x02000015u},
     {0x02000000u, 0x020000ffu, 0x03800009u, 0x02000109u}},
    // Hash wildcard in other hash-parameterized constructors (driver capabilities).
    {"PSA_ALG_HMAC(PSA_ALG_ANY_HASH)",
     {0x03800009u, 0x03800005u},
     {0x03800000u, 0x038000ffu, 0x03900009u /* truncated */, 0x03c00200u}},
    {"PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_ANY_HASH))",
     {0x09020109u, 0x0902010au},
     {0x08000109u /* HKDF alone */, 0x09010109u /* FFDH */, 0x09020209u /* TLS 1.2 PRF */,
      0x09020000u /* raw ECDH */, 0x09020100u}},
    // MAC length floor with a fixed hash: full length of HMAC-SHA-256 is 32.
    {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 20)",
     {0x03800009u /* full, 32 */, 0x03940009u /* 20 */, 0x03a00009u /* 32 */,
      0x03bf0009u /* 63: past the full length, still at least 20 */},
     {0x03930009u /* 19 */, 0x03948009u /* the policy itself */, 0x0394000bu /* SHA-512 */,
      0x03840009u /* 4 */, 0x03800008u}},
    // MAC length floor on a block-cipher MAC: full length 16.
    {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8)",
     {0x03c00200u, 0x03c80200u, 0x03d00200u},
     {0x03c40200u, 0x03c70200u, 0x03c00100u /* CBC-MAC */, 0x03c88200u}},
    {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 16)",
     {0x03c00200u, 0x03d00200u},
     {0x03cf0200u}},
    // MAC floor and hash wildcard: the full length depends on the hash.
    {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_ANY_HASH), 32)",
     {0x03800009u /* SHA-256 */, 0x0380000bu /* SHA-512 */, 0x03800014u /* SM3 */,
      0x03a00005u /* SHA-1 truncated to 32: only the length is checked */},
     {0x03800005u /* SHA-1: 20 */, 0x03800008u /* SHA-224: 28 */, 0x03800006u /* unassigned */,
      0x03800000u, 0x03a000ffu, 0x039f0009u /* 31 */}},
    // AEAD tag floor: LEN always holds the tag length.
    {"PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 12)",
     {0x05500100u /* default, 16 */, 0x054c0100u, 0x054e0100u},
     {0x05480100u, 0x054a0100u, 0x054c8100u /* the policy itself */, 0x05500200u /* GCM */}},
    {"PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_GCM, 1)",
     {0x05500200u, 0x05440200u, 0x05410200u},
     {0x05400200u /* LEN 0 */, 0x05500100u}},
};

TEST(AlgorithmPatternMatches, MembersAndNonMembersOfEachWildcardKind) {
  for (const MembershipCase& test : kMembershipCases) {
    SCOPED_TRACE(test.spec);
    const AlgorithmPattern pattern = ParseAlgorithmOrDie(test.spec);
    for (uint32_t alg : test.members) {
      EXPECT_TRUE(pattern.Matches(alg)) << std::hex << alg;
    }
    for (uint32_t alg : test.non_members) {
      EXPECT_FALSE(pattern.Matches(alg)) << std::hex << alg;
    }
  }
}

TEST(AlgorithmPatternMatches, ZeroMinimumLengthMeansNoFloor) {
  const AlgorithmPattern pattern = Pattern(0x03800009u, 0xffc0ffffu, false, Floor::kMac, 0);
  EXPECT_TRUE(pattern.Matches(0x03810009u));
  EXPECT_TRUE(pattern.Matches(0x03800009u));
}

// ---------------------------------------------------------------------------------------------
// Invalid algorithm specifications: message and offset.
// ---------------------------------------------------------------------------------------------

struct InvalidCase {
  std::string text;
  size_t offset;
  const char* message;
};

std::string Nested(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "PSA_ALG_HMAC(";
  text += "PSA_ALG_SHA_256";
  for (int i = 0; i < depth; ++i) text += ")";
  return text;
}

const std::vector<InvalidCase>& InvalidAlgorithmCases() {
  static const std::vector<InvalidCase> kCases = {
      {"", 0, "empty algorithm specification"},
      {" PSA_ALG_SHA_256", 0,
       "space at the start of the specification: write the algorithm name first"},
      {"PSA_ALG_SHA_256  ", 15, "space at the end of the specification"},
      {"PSA_ALG_HMAC(\tPSA_ALG_SHA_256)", 13,
       "tab character: only spaces may separate the tokens of a specification"},
      {"PSA_ALG_HMAC(PSA_ALG_SHA_256)\n", 29, "line break: a specification is a single line"},
      {"PSA_ALG_SHA_256\xc3\xa9", 15, "unexpected byte 0xc3: a specification is printable ASCII"},
      {"PSA_ALG_SHA_256|PSA_ALG_SHA_1", 15, "unexpected character '|'"},
      {"PSA_ALG_SHA_257", 0,
       "unknown algorithm PSA_ALG_SHA_257 (not defined by PSA Crypto API 1.2); did you mean "
       "PSA_ALG_SHA_256?"},
      {"PSA_ALG_SHA3_999", 0, "unknown algorithm PSA_ALG_SHA3_999 (not defined by PSA Crypto API 1.2)"},
      {"psa_alg_sha_256", 0,
       "unknown name psa_alg_sha_256: an algorithm specification is a PSA_ALG_xxx macro"},
      {"PSA_ALG_HMAC(PSA_ALG_CBC_NO_PADDING)", 13,
       "PSA_ALG_HMAC expects a hash algorithm argument, got PSA_ALG_CBC_NO_PADDING"},
      {"PSA_ALG_HMAC(PSA_ALG_HMAC(PSA_ALG_SHA_256))", 13,
       "PSA_ALG_HMAC expects a hash algorithm argument, got PSA_ALG_HMAC(PSA_ALG_SHA_256)"},
      {"PSA_ALG_HMAC(16)", 13, "PSA_ALG_HMAC expects a hash algorithm argument, got the literal 16"},
      {"PSA_ALG_ECDSA(PSA_ALG_NONE)", 14,
       "PSA_ALG_ECDSA expects a hash algorithm argument, got PSA_ALG_NONE"},
      {"PSA_ALG_HMAC", 0, "PSA_ALG_HMAC takes 1 argument: write PSA_ALG_HMAC(a hash algorithm)"},
      {"PSA_ALG_HMAC()", 13,
       "PSA_ALG_HMAC takes 1 argument, got 0: write PSA_ALG_HMAC(a hash algorithm)"},
      {"PSA_ALG_HMAC(PSA_ALG_SHA_256, PSA_ALG_SHA_1)", 30,
       "PSA_ALG_HMAC takes 1 argument, got 2: write PSA_ALG_HMAC(a hash algorithm)"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC)", 34,
       "PSA_ALG_TRUNCATED_MAC takes 2 arguments, got 1: write PSA_ALG_TRUNCATED_MAC(a MAC "
       "algorithm, a MAC length in bytes)"},
      {"PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF)", 36,
       "PSA_ALG_HKDF takes 1 argument: write PSA_ALG_HKDF(a hash algorithm)"},
      {"PSA_ALG_SHA_256(1)", 15, "PSA_ALG_SHA_256 is a constant and takes no arguments"},
      {"PSA_ALG_SHA_256()", 15, "PSA_ALG_SHA_256 is a constant and takes no arguments"},
      {"PSA_KEY_TYPE_AES", 0, "PSA_KEY_TYPE_AES is a key type, not an algorithm"},
      {"PSA_ALG_HMAC(PSA_ECC_FAMILY_SECP_R1)", 13,
       "PSA_ECC_FAMILY_SECP_R1 is a key type family, not an algorithm"},
      {"PSA_ALG_IS_HMAC(PSA_ALG_SHA_256)", 0,
       "PSA_ALG_IS_HMAC is a predicate or accessor macro, not an algorithm constructor"},
      {"PSA_ALG_HMAC(_)", 13,
       "'_' (all families) is only valid as the argument of a key type; use PSA_ALG_ANY_HASH "
       "for any hash algorithm"},
      {"16", 0, "expected an algorithm name, got the literal 16"},
      {"(PSA_ALG_SHA_256)", 0, "expected an algorithm name, got '('"},
      {"PSA_ALG_HMAC(PSA_ALG_SHA_256,)", 29, "expected an argument, got ')'"},
      {"PSA_ALG_HMAC(,PSA_ALG_SHA_256)", 13, "expected an argument, got ','"},
      {"PSA_ALG_HMAC(PSA_ALG_SHA_256", 28, "missing ')' to close the '(' at offset 12"},
      {"PSA_ALG_HMAC(PSA_ALG_SHA_256))", 29, "unbalanced ')': no '(' is open here"},
      {"PSA_ALG_HMAC(PSA_ALG_SHA_256 PSA_ALG_SHA_1)", 29,
       "expected ',' or ')' after an argument, got 'PSA_ALG_SHA_1'"},
      {"PSA_ALG_SHA_256 PSA_ALG_SHA_1", 16,
       "unexpected 'PSA_ALG_SHA_1' after the end of the algorithm specification"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 17)", 36,
       "MAC length must be between 1 and 16 (the full length of PSA_ALG_CMAC), got 17"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 0)", 53,
       "MAC length must be between 1 and 32 (the full length of PSA_ALG_HMAC(PSA_ALG_SHA_256)), "
       "got 0"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_512), 64)", 53,
       "MAC length must be between 1 and 63 (the largest length the encoding holds), got 64"},
      {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_1), 0x15)", 62,
       "minimum MAC length must be between 1 and 20 (the full length of "
       "PSA_ALG_HMAC(PSA_ALG_SHA_1)), got 0x15"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 16u)", 36,
       "integer suffix in '16u': write the literal without suffix"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 010)", 36,
       "literal '010' has a leading zero, which C reads as octal: write it in decimal without "
       "leading zeros, or in hexadecimal (0x...)"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 0x)", 36, "invalid literal '0x': no digits after 0x"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 1e1)", 36,
       "invalid literal '1e1': expected a decimal or hexadecimal (0x...) literal"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 99999999999)", 36,
       "literal '99999999999' does not fit in 32 bits"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, PSA_ALG_SHA_256)", 36,
       "PSA_ALG_TRUNCATED_MAC expects a MAC length in bytes (a decimal or hexadecimal literal) "
       "as second argument, got PSA_ALG_SHA_256"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_GCM, 8)", 22,
       "PSA_ALG_TRUNCATED_MAC expects a MAC algorithm as first argument, got PSA_ALG_GCM"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_ANY_HASH, 8)", 22,
       "PSA_ALG_TRUNCATED_MAC expects a MAC algorithm as first argument, got PSA_ALG_ANY_HASH"},
      {"PSA_ALG_TRUNCATED_MAC(PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8), 8)", 22,
       "PSA_ALG_TRUNCATED_MAC expects a MAC algorithm as first argument, got the wildcard policy "
       "PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8)"},
      {"PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 5)", 45,
       "PSA_ALG_CCM tag length must be one of 4, 6, 8, 10, 12, 14, 16, got 5"},
      {"PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 6)", 45,
       "PSA_ALG_GCM tag length must be one of 4, 8, 12, 13, 14, 15, 16, got 6"},
      {"PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CHACHA20_POLY1305, 12)", 59,
       "PSA_ALG_CHACHA20_POLY1305 tag length must be 16, got 12"},
      {"PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_GCM, 17)", 56,
       "minimum tag length must be between 1 and 16 (the largest tag of PSA_ALG_GCM), got 17"},
      {"PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CMAC, 8)", 32,
       "PSA_ALG_AEAD_WITH_SHORTENED_TAG expects an AEAD algorithm as first argument, got "
       "PSA_ALG_CMAC"},
      {"PSA_ALG_KEY_AGREEMENT(PSA_ALG_HKDF(PSA_ALG_SHA_256), PSA_ALG_ECDH)", 22,
       "PSA_ALG_KEY_AGREEMENT expects a standalone key agreement algorithm as first argument, got "
       "PSA_ALG_HKDF(PSA_ALG_SHA_256)"},
      {"PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_SHA_256)", 36,
       "PSA_ALG_KEY_AGREEMENT expects a key derivation algorithm as second argument, got "
       "PSA_ALG_SHA_256"},
      {"PSA_ALG_KEY_AGREEMENT(PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256)), "
       "PSA_ALG_HKDF(PSA_ALG_SHA_256))",
       22,
       "PSA_ALG_KEY_AGREEMENT expects a standalone key agreement algorithm as first argument, got "
       "PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256))"},
      {Nested(40), 33 * 13, "specification nested deeper than 32 levels"},
  };
  return kCases;
}

TEST(AlgorithmSpec, RejectsInvalidSpecificationsWithMessageAndOffset) {
  for (const InvalidCase& test : InvalidAlgorithmCases()) {
    SCOPED_TRACE(test.text);
    AlgorithmPattern pattern;
    SpecError error;
    EXPECT_FALSE(ParseAlgorithmSpec(test.text, &pattern, &error));
    EXPECT_EQ(error.message, test.message);
    EXPECT_EQ(error.offset, test.offset);
    // The C-value evaluation applies the same grammar and checks.
    uint32_t encoding = 0;
    SpecError evaluate_error;
    EXPECT_FALSE(EvaluateAlgorithmSpec(test.text, &encoding, &evaluate_error));
    EXPECT_EQ(evaluate_error.message, test.message);
    EXPECT_EQ(evaluate_error.offset, test.offset);
  }
}

TEST(AlgorithmSpec, NestingUpToTheLimitIsAccepted) {
  AlgorithmPattern pattern;
  SpecError error;
  // HMAC(HMAC(...)) is a type error, not a depth error, at every depth up to the limit.
  EXPECT_FALSE(ParseAlgorithmSpec(Nested(32), &pattern, &error));
  EXPECT_EQ(error.message.rfind("PSA_ALG_HMAC expects a hash algorithm argument", 0), 0u)
      << error.message;
}

// ---------------------------------------------------------------------------------------------
// Key types.
// ---------------------------------------------------------------------------------------------

struct KeyTypeCase {
  const char* text;
  KeyTypePattern pattern;
};

const KeyTypeCase kKeyTypeCases[] = {
    {"PSA_KEY_TYPE_NONE", {0x0000, 0xffff}},
    {"PSA_KEY_TYPE_AES", {0x2400, 0xffff}},
    {"PSA_KEY_TYPE_DES", {0x2301, 0xffff}},
    {"PSA_KEY_TYPE_XCHACHA20", {0x2007, 0xffff}},
    {"PSA_KEY_TYPE_PASSWORD_HASH", {0x1205, 0xffff}},
    {"PSA_KEY_TYPE_RSA_KEY_PAIR", {0x7001, 0xffff}},
    {"PSA_KEY_TYPE_RSA_PUBLIC_KEY", {0x4001, 0xffff}},
    {"PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1)", {0x7112, 0xffff}},
    {"PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_MONTGOMERY)", {0x4141, 0xffff}},
    {"PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS)", {0x7142, 0xffff}},
    {"PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_BRAINPOOL_P_R1)", {0x7130, 0xffff}},
    {"PSA_KEY_TYPE_ECC_KEY_PAIR(_)", {0x7100, 0xff00}},
    {"PSA_KEY_TYPE_ECC_PUBLIC_KEY( _ )", {0x4100, 0xff00}},
    {"PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919)", {0x7203, 0xffff}},
    {"PSA_KEY_TYPE_DH_PUBLIC_KEY(_)", {0x4200, 0xff00}},
    {"PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1)", {0x7412, 0xffff}},
    {"PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(_)", {0x4400, 0xff00}},
};

TEST(KeyTypeSpec, EvaluatesPattern) {
  for (const KeyTypeCase& test : kKeyTypeCases) {
    SCOPED_TRACE(test.text);
    KeyTypePattern pattern;
    SpecError error;
    ASSERT_TRUE(ParseKeyTypeSpec(test.text, &pattern, &error))
        << error.message << " at " << error.offset;
    EXPECT_EQ(pattern, test.pattern);
  }
}

TEST(KeyTypePatternMatches, FamilyWildcardCoversEveryFamilyOfTheSameKind) {
  KeyTypePattern pattern;
  SpecError error;
  ASSERT_TRUE(ParseKeyTypeSpec("PSA_KEY_TYPE_ECC_KEY_PAIR(_)", &pattern, &error));
  for (uint16_t member : {0x7112, 0x7117, 0x711b, 0x7130, 0x7141, 0x7142}) {
    EXPECT_TRUE(pattern.Matches(member)) << std::hex << member;
  }
  // API 1.2: bit 7 of the family marks an implementation-defined family, still ECC.
  EXPECT_TRUE(pattern.Matches(0x7181));
  for (uint16_t other : {0x4112 /* public key */, 0x7203 /* DH */, 0x7001 /* RSA */,
                         0x7412 /* SPAKE2+ */, 0x7000}) {
    EXPECT_FALSE(pattern.Matches(other)) << std::hex << other;
  }
  ASSERT_TRUE(ParseKeyTypeSpec("PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1)", &pattern,
                               &error));
  EXPECT_TRUE(pattern.Matches(0x7112));
  EXPECT_FALSE(pattern.Matches(0x7117));
  EXPECT_FALSE(pattern.Matches(0x4112));
}

const std::vector<InvalidCase>& InvalidKeyTypeCases() {
  static const std::vector<InvalidCase> kCases = {
      {"", 0, "empty key type specification"},
      {"  PSA_KEY_TYPE_AES", 0,
       "space at the start of the specification: write the key type name first"},
      {"PSA_KEY_TYPE_ECC_KEY_PAIR(_)\t", 28,
       "tab character: only spaces may separate the tokens of a specification"},
      {"PSA_KEY_TYPE_ECC_KEY_PAIR(0x12)", 26,
       "PSA_KEY_TYPE_ECC_KEY_PAIR expects an elliptic curve family (PSA_ECC_FAMILY_xxx) or _, got "
       "the literal 0x12: family arguments must be names of constants"},
      {"PSA_KEY_TYPE_DH_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1)", 25,
       "PSA_KEY_TYPE_DH_KEY_PAIR expects a Diffie-Hellman group family (PSA_DH_FAMILY_xxx) or _, "
       "got PSA_ECC_FAMILY_SECP_R1"},
      {"PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_DH_FAMILY_RFC7919)", 28,
       "PSA_KEY_TYPE_ECC_PUBLIC_KEY expects an elliptic curve family (PSA_ECC_FAMILY_xxx) or _, "
       "got PSA_DH_FAMILY_RFC7919"},
      {"PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ALG_SHA_256)", 26,
       "PSA_KEY_TYPE_ECC_KEY_PAIR expects an elliptic curve family (PSA_ECC_FAMILY_xxx) or _, got "
       "PSA_ALG_SHA_256"},
      {"PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R3)", 26,
       "unknown family PSA_ECC_FAMILY_SECP_R3 (not defined by PSA Crypto API 1.2); did you mean "
       "PSA_ECC_FAMILY_SECP_R1?"},
      {"PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1(1))", 48,
       "PSA_ECC_FAMILY_SECP_R1 is a constant and takes no arguments"},
      {"PSA_KEY_TYPE_ECC_KEY_PAIR(_())", 27, "'_' takes no arguments"},
      {"PSA_KEY_TYPE_ECC_KEY_PAIR", 0,
       "PSA_KEY_TYPE_ECC_KEY_PAIR takes 1 argument: write PSA_KEY_TYPE_ECC_KEY_PAIR(an elliptic "
       "curve family (PSA_ECC_FAMILY_xxx) or _)"},
      {"PSA_KEY_TYPE_DH_KEY_PAIR()", 25,
       "PSA_KEY_TYPE_DH_KEY_PAIR takes 1 argument, got 0: write PSA_KEY_TYPE_DH_KEY_PAIR(a "
       "Diffie-Hellman group family (PSA_DH_FAMILY_xxx) or _)"},
      {"PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1, _)", 50,
       "PSA_KEY_TYPE_ECC_KEY_PAIR takes 1 argument, got 2: write PSA_KEY_TYPE_ECC_KEY_PAIR(an "
       "elliptic curve family (PSA_ECC_FAMILY_xxx) or _)"},
      {"PSA_KEY_TYPE_AES(_)", 16, "PSA_KEY_TYPE_AES is a constant and takes no arguments"},
      {"PSA_ALG_SHA_256", 0, "PSA_ALG_SHA_256 is an algorithm, not a key type"},
      {"PSA_ECC_FAMILY_SECP_R1", 0,
       "PSA_ECC_FAMILY_SECP_R1 is a family, not a key type: write "
       "PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1) or "
       "PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1)"},
      {"PSA_DH_FAMILY_RFC7919", 0,
       "PSA_DH_FAMILY_RFC7919 is a family, not a key type: write "
       "PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919) or "
       "PSA_KEY_TYPE_DH_PUBLIC_KEY(PSA_DH_FAMILY_RFC7919)"},
      {"_", 0,
       "'_' (all families) is only valid as the argument of a family-parameterized key type such "
       "as PSA_KEY_TYPE_ECC_KEY_PAIR(_)"},
      {"PSA_KEY_TYPE_AESS", 0,
       "unknown key type PSA_KEY_TYPE_AESS (not defined by PSA Crypto API 1.2); did you mean "
       "PSA_KEY_TYPE_AES?"},
      {"KEY_TYPE_AES", 0,
       "unknown name KEY_TYPE_AES: a key type specification is a PSA_KEY_TYPE_xxx macro"},
      {"PSA_KEY_TYPE_IS_ECC(PSA_KEY_TYPE_AES)", 0,
       "PSA_KEY_TYPE_IS_ECC is a predicate or conversion macro, not a key type"},
      {"PSA_KEY_TYPE_ECC_GET_FAMILY(PSA_KEY_TYPE_AES)", 0,
       "PSA_KEY_TYPE_ECC_GET_FAMILY is a predicate or conversion macro, not a key type"},
      {"PSA_KEY_TYPE_ECC_KEY_PAIR(_", 27, "missing ')' to close the '(' at offset 25"},
      {"PSA_KEY_TYPE_ECC_KEY_PAIR(_))", 28, "unbalanced ')': no '(' is open here"},
      {"0x2400", 0, "expected a key type name, got the literal 0x2400"},
      {"PSA_KEY_TYPE_AES,PSA_KEY_TYPE_DES", 16,
       "unexpected ',' after the end of the key type specification"},
  };
  return kCases;
}

TEST(KeyTypeSpec, RejectsInvalidSpecificationsWithMessageAndOffset) {
  for (const InvalidCase& test : InvalidKeyTypeCases()) {
    SCOPED_TRACE(test.text);
    KeyTypePattern pattern;
    SpecError error;
    EXPECT_FALSE(ParseKeyTypeSpec(test.text, &pattern, &error));
    EXPECT_EQ(error.message, test.message);
    EXPECT_EQ(error.offset, test.offset);
  }
}

// ---------------------------------------------------------------------------------------------
// Known names: the table is consistent with the parser.
// ---------------------------------------------------------------------------------------------

TEST(KnownNames, EveryAlgorithmNameIsAConstantOrAConstructor) {
  const std::vector<std::string_view> names = KnownAlgorithmNames();
  EXPECT_EQ(std::set<std::string_view>(names.begin(), names.end()).size(), names.size());
  std::set<uint32_t> constant_values;
  size_t constants = 0;
  for (std::string_view name : names) {
    SCOPED_TRACE(std::string(name));
    uint32_t value = 0;
    SpecError error;
    if (EvaluateAlgorithmSpec(name, &value, &error)) {
      ++constants;
      constant_values.insert(value);
    } else {
      EXPECT_EQ(error.offset, 0u);
      EXPECT_EQ(error.message.rfind(std::string(name) + " takes ", 0), 0u) << error.message;
    }
  }
  // No two constants share a value; 48 constants (PSA_ALG_ANY_HASH and the key policy wildcard
  // PSA_ALG_CCM_STAR_ANY_TAG included) besides the constructors.
  EXPECT_EQ(constant_values.size(), constants);
  EXPECT_EQ(constants, 48u);
}

TEST(KnownNames, EveryKeyTypeNameAndFamilyIsUsable) {
  const std::vector<std::string_view> names = KnownKeyTypeNames();
  EXPECT_EQ(std::set<std::string_view>(names.begin(), names.end()).size(), names.size());
  std::set<uint16_t> values;
  for (std::string_view name : names) {
    SCOPED_TRACE(std::string(name));
    KeyTypePattern pattern;
    SpecError error;
    if (ParseKeyTypeSpec(name, &pattern, &error)) {
      EXPECT_TRUE(values.insert(pattern.value).second);
      continue;
    }
    ASSERT_TRUE(ParseKeyTypeSpec(std::string(name) + "(_)", &pattern, &error)) << error.message;
    EXPECT_EQ(pattern.mask, 0xff00);
  }
  const std::vector<std::string_view> families = KnownFamilyNames();
  EXPECT_EQ(families.size(), 11u);
  for (std::string_view family : families) {
    SCOPED_TRACE(std::string(family));
    const bool ecc = family.rfind("PSA_ECC_FAMILY_", 0) == 0;
    const std::string spec = std::string(ecc ? "PSA_KEY_TYPE_ECC_KEY_PAIR(" : "PSA_KEY_TYPE_DH_KEY_PAIR(") +
                             std::string(family) + ")";
    KeyTypePattern pattern;
    SpecError error;
    ASSERT_TRUE(ParseKeyTypeSpec(spec, &pattern, &error)) << error.message;
    // Key types have even parity: the family value carries the parity bit.
    int bits = 0;
    for (uint16_t v = pattern.value; v != 0; v &= static_cast<uint16_t>(v - 1)) ++bits;
    EXPECT_EQ(bits % 2, 0) << std::hex << pattern.value;
  }
}

// ---------------------------------------------------------------------------------------------
// C conditions: evaluated by a small interpreter of the C operators they may use, with C
// precedence, and compared with Matches() over a large set of algorithm values.
// ---------------------------------------------------------------------------------------------

class CExpression {
 public:
  CExpression(std::string_view text, std::string_view var, uint64_t value)
      : text_(text), var_(var), value_(value) {}

  // Evaluates the whole text; nullopt on anything outside the subset (an identifier other than
  // the variable, a PSA macro, an unknown operator, trailing text).
  std::optional<uint64_t> Evaluate() {
    std::optional<uint64_t> result = LogicalOr();
    SkipSpaces();
    if (!result || position_ != text_.size()) return std::nullopt;
    return result;
  }

 private:
  void SkipSpaces() {
    while (position_ < text_.size() && text_[position_] == ' ') ++position_;
  }
  bool Accept(std::string_view op) {
    SkipSpaces();
    if (text_.substr(position_, op.size()) != op) return false;
    // "&" must not take the first half of "&&", nor ">" of ">>" or ">=".
    if (op == "&" && text_.substr(position_, 2) == "&&") return false;
    position_ += op.size();
    return true;
  }

  std::optional<uint64_t> Primary() {
    SkipSpaces();
    if (Accept("(")) {
      std::optional<uint64_t> inner = LogicalOr();
      if (!inner || !Accept(")")) return std::nullopt;
      return inner;
    }
    if (text_.substr(position_, var_.size()) == var_) {
      const size_t after = position_ + var_.size();
      const bool boundary =
          after == text_.size() ||
          !(std::isalnum(static_cast<unsigned char>(text_[after])) || text_[after] == '_');
      if (boundary) {
        position_ = after;
        return value_;
      }
    }
    if (position_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[position_]))) {
      size_t end = position_;
      while (end < text_.size() && std::isxdigit(static_cast<unsigned char>(text_[end]))) ++end;
      if (end < text_.size() && text_[end] == 'x') {
        ++end;
        while (end < text_.size() && std::isxdigit(static_cast<unsigned char>(text_[end]))) ++end;
      }
      const std::string literal(text_.substr(position_, end - position_));
      if (end < text_.size() && text_[end] == 'u') ++end;
      position_ = end;
      return std::stoull(literal, nullptr, 0);
    }
    return std::nullopt;
  }
  std::optional<uint64_t> Shift() {
    std::optional<uint64_t> left = Primary();
    while (left && Accept(">>")) {
      std::optional<uint64_t> right = Primary();
      if (!right) return std::nullopt;
      left = *left >> *right;
    }
    return left;
  }
  std::optional<uint64_t> Relational() {
    std::optional<uint64_t> left = Shift();
    while (left && Accept(">=")) {
      std::optional<uint64_t> right = Shift();
      if (!right) return std::nullopt;
      left = *left >= *right ? 1 : 0;
    }
    return left;
  }
  std::optional<uint64_t> Equality() {
    std::optional<uint64_t> left = Relational();
    for (;;) {
      if (!left) return std::nullopt;
      bool equal;
      if (Accept("==")) {
        equal = true;
      } else if (Accept("!=")) {
        equal = false;
      } else {
        return left;
      }
      std::optional<uint64_t> right = Relational();
      if (!right) return std::nullopt;
      left = ((*left == *right) == equal) ? 1 : 0;
    }
  }
  std::optional<uint64_t> BitAnd() {
    std::optional<uint64_t> left = Equality();
    while (left && Accept("&")) {
      std::optional<uint64_t> right = Equality();
      if (!right) return std::nullopt;
      left = *left & *right;
    }
    return left;
  }
  std::optional<uint64_t> LogicalAnd() {
    std::optional<uint64_t> left = BitAnd();
    while (left && Accept("&&")) {
      std::optional<uint64_t> right = BitAnd();
      if (!right) return std::nullopt;
      left = (*left != 0 && *right != 0) ? 1 : 0;
    }
    return left;
  }
  std::optional<uint64_t> LogicalOr() {
    std::optional<uint64_t> left = LogicalAnd();
    while (left && Accept("||")) {
      std::optional<uint64_t> right = LogicalAnd();
      if (!right) return std::nullopt;
      left = (*left != 0 || *right != 0) ? 1 : 0;
    }
    return left;
  }

  std::string_view text_;
  std::string_view var_;
  uint64_t value_;
  size_t position_ = 0;
};

TEST(CExpressionInterpreter, FollowsCPrecedence) {
  // In C, == binds tighter than &: "x & 0xffu == 0x09u" is x & (0xff == 9) = 0.
  EXPECT_EQ(CExpression("x & 0xffu == 0x09u", "x", 0x09).Evaluate(), 0u);
  EXPECT_EQ(CExpression("(x & 0xffu) == 0x09u", "x", 0x09).Evaluate(), 1u);
  EXPECT_EQ(CExpression("0u || 1u && 0u", "x", 0).Evaluate(), 0u);
  EXPECT_EQ(CExpression("(x >> 16) & 0x3fu", "x", 0x00140000).Evaluate(), 20u);
  EXPECT_EQ(CExpression("x >= 20u", "x", 19).Evaluate(), 0u);
  EXPECT_EQ(CExpression("PSA_ALG_SHA_256 == x", "x", 0).Evaluate(), std::nullopt);
}

// Algorithm values to test conditions on: every constant, constructors over every hash
// sub-type, MACs and AEADs at every length with and without the wildcard bit, and random values.
std::vector<uint32_t> AlgorithmCorpus() {
  std::vector<uint32_t> corpus;
  for (std::string_view name : KnownAlgorithmNames()) {
    uint32_t value = 0;
    SpecError error;
    if (EvaluateAlgorithmSpec(name, &value, &error)) corpus.push_back(value);
  }
  const uint32_t hash_bases[] = {0x02000000u, 0x03800000u, 0x06000200u, 0x06000300u,
                                 0x06001300u, 0x06000600u, 0x06000700u, 0x07000300u,
                                 0x08000100u, 0x08000200u, 0x08000300u, 0x08000400u,
                                 0x08000500u, 0x08000700u, 0x08800100u, 0x0a000100u,
                                 0x09020100u, 0x09010200u, 0x09820100u};
  for (uint32_t base : hash_bases) {
    for (uint32_t hash = 0; hash <= 0x20; ++hash) corpus.push_back(base | hash);
    corpus.push_back(base | 0xff);
  }
  const uint32_t length_bases[] = {0x03800009u, 0x03800005u, 0x0380000bu, 0x03800006u,
                                   0x03800000u, 0x038000ffu, 0x03c00100u, 0x03c00200u,
                                   0x05400100u, 0x05400200u, 0x05000500u, 0x05000600u};
  for (uint32_t base : length_bases) {
    for (uint32_t length = 0; length <= 0x3f; ++length) {
      corpus.push_back(base | (length << 16));
      corpus.push_back(base | (length << 16) | 0x8000u);
    }
  }
  for (const AlgorithmCase& test : kAlgorithmCases) corpus.push_back(test.encoding);
  for (const MembershipCase& test : kMembershipCases) {
    corpus.insert(corpus.end(), test.members.begin(), test.members.end());
    corpus.insert(corpus.end(), test.non_members.begin(), test.non_members.end());
  }
  std::mt19937 random(20240601);
  for (int i = 0; i < 2000; ++i) corpus.push_back(static_cast<uint32_t>(random()));
  return corpus;
}

std::vector<std::string> ConditionSpecs() {
  std::vector<std::string> specs;
  for (const AlgorithmCase& test : kAlgorithmCases) specs.push_back(test.text);
  for (const MembershipCase& test : kMembershipCases) specs.push_back(test.spec);
  for (uint32_t length : {1u, 15u, 16u, 17u, 20u, 28u, 29u, 33u, 48u, 49u, 63u}) {
    specs.push_back("PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_ANY_HASH), " +
                    std::to_string(length) + ")");
  }
  for (uint32_t length : {1u, 16u, 17u, 20u}) {
    specs.push_back("PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_1), " +
                    std::to_string(length) + ")");
  }
  return specs;
}

TEST(AlgorithmCondition, AgreesWithMatchesOnEveryValueOfTheCorpus) {
  const std::vector<uint32_t> corpus = AlgorithmCorpus();
  for (const std::string& spec : ConditionSpecs()) {
    SCOPED_TRACE(spec);
    const AlgorithmPattern pattern = ParseAlgorithmOrDie(spec);
    const std::string condition = AlgorithmCondition(pattern, "alg");
    SCOPED_TRACE(condition);
    size_t members = 0;
    for (uint32_t alg : corpus) {
      const std::optional<uint64_t> result = CExpression(condition, "alg", alg).Evaluate();
      ASSERT_TRUE(result.has_value()) << "not a numeric C expression";
      ASSERT_EQ(*result != 0, pattern.Matches(alg)) << std::hex << alg;
      members += pattern.Matches(alg) ? 1 : 0;
    }
    EXPECT_GT(members, 0u) << "no member in the corpus: the comparison proves nothing";
  }
}

TEST(AlgorithmCondition, HandWrittenPatternsWithoutTheWildcardBitInTheMask) {
  const std::vector<uint32_t> corpus = AlgorithmCorpus();
  const AlgorithmPattern patterns[] = {
      Pattern(0x03800009u, 0xffc07fffu, false, Floor::kMac, 20),
      Pattern(0x05400100u, 0xffc07fffu, false, Floor::kAeadTag, 8),
      Pattern(0x03c00200u, 0xffc0ffffu, false, Floor::kMac, 0),
  };
  for (const AlgorithmPattern& pattern : patterns) {
    const std::string condition = AlgorithmCondition(pattern, "a");
    SCOPED_TRACE(condition);
    for (uint32_t alg : corpus) {
      const std::optional<uint64_t> result = CExpression(condition, "a", alg).Evaluate();
      ASSERT_TRUE(result.has_value());
      ASSERT_EQ(*result != 0, pattern.Matches(alg)) << std::hex << alg;
    }
  }
}

TEST(AlgorithmCondition, TextIsStable) {
  EXPECT_EQ(AlgorithmCondition(ParseAlgorithmOrDie("PSA_ALG_SHA_256"), "alg"),
            "((alg) == 0x02000009u)");
  EXPECT_EQ(AlgorithmCondition(ParseAlgorithmOrDie("PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)"), "alg"),
            "((((alg) & 0xffffff00u) == 0x06000600u) && (((alg) & 0xffu) != 0x00u) && "
            "(((alg) & 0xffu) != 0xffu))");
  EXPECT_EQ(AlgorithmCondition(
                ParseAlgorithmOrDie("PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_GCM, 12)"),
                "operation->alg"),
            "((((operation->alg) & 0xffc0ffffu) == 0x05400200u) && "
            "((((operation->alg) >> 16) & 0x3fu) >= 12u))");
  EXPECT_EQ(AlgorithmCondition(
                ParseAlgorithmOrDie("PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8)"), "alg"),
            "((((alg) & 0xffc0ffffu) == 0x03c00200u) && "
            "(((((alg) >> 16) & 0x3fu) >= 8u || (((alg) >> 16) & 0x3fu) == 0u)))");
}

TEST(KeyTypeCondition, TextAndSemantics) {
  KeyTypePattern pattern;
  SpecError error;
  ASSERT_TRUE(ParseKeyTypeSpec("PSA_KEY_TYPE_AES", &pattern, &error));
  EXPECT_EQ(KeyTypeCondition(pattern, "type"), "((type) == 0x2400u)");
  ASSERT_TRUE(ParseKeyTypeSpec("PSA_KEY_TYPE_ECC_KEY_PAIR(_)", &pattern, &error));
  const std::string condition = KeyTypeCondition(pattern, "type");
  EXPECT_EQ(condition, "(((type) & 0xff00u) == 0x7100u)");
  for (uint32_t type = 0; type <= 0xffff; ++type) {
    const std::optional<uint64_t> result = CExpression(condition, "type", type).Evaluate();
    ASSERT_TRUE(result.has_value());
    ASSERT_EQ(*result != 0, pattern.Matches(static_cast<uint16_t>(type))) << std::hex << type;
  }
}

}  // namespace
}  // namespace psa::drivergen
