// Cross-checks psa_spec's own table of PSA names and encodings against the project's public
// headers: every specification string here is also compiled as the C expression it spells, so
// two independent sources must agree on every value and on the meaning of every wildcard.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "psa/crypto.h"
#include "rules/drivergen/psa_spec.h"

namespace psa::drivergen {
namespace {

struct Spec {
  std::string text;
  uint32_t value;  // the C expression, compiled from the same text
};

// {"<expression>", <expression>}: the text and the value of one C expression.
#define PSA_SPEC_TEST_EXPRESSION(expression) {#expression, static_cast<uint32_t>(expression)}
// {"<constructor>(<argument>)", <constructor>(<argument>)}, argument not macro-expanded.
#define PSA_SPEC_TEST_CALL(constructor, argument) \
  {#constructor "(" #argument ")", static_cast<uint32_t>(constructor(argument))},

#define PSA_SPEC_TEST_EVERY_HASH(X, constructor) \
  X(constructor, PSA_ALG_MD2)                    \
  X(constructor, PSA_ALG_MD4)                    \
  X(constructor, PSA_ALG_MD5)                    \
  X(constructor, PSA_ALG_RIPEMD160)              \
  X(constructor, PSA_ALG_SHA_1)                  \
  X(constructor, PSA_ALG_AES_MMO_ZIGBEE)         \
  X(constructor, PSA_ALG_SHA_224)                \
  X(constructor, PSA_ALG_SHA_256)                \
  X(constructor, PSA_ALG_SHA_384)                \
  X(constructor, PSA_ALG_SHA_512)                \
  X(constructor, PSA_ALG_SHA_512_224)            \
  X(constructor, PSA_ALG_SHA_512_256)            \
  X(constructor, PSA_ALG_SHA3_224)               \
  X(constructor, PSA_ALG_SHA3_256)               \
  X(constructor, PSA_ALG_SHA3_384)               \
  X(constructor, PSA_ALG_SHA3_512)               \
  X(constructor, PSA_ALG_SM3)                    \
  X(constructor, PSA_ALG_SHAKE256_512)           \
  X(constructor, PSA_ALG_ANY_HASH)

#define PSA_SPEC_TEST_EVERY_ECC_FAMILY(X, constructor) \
  X(constructor, PSA_ECC_FAMILY_SECP_K1)               \
  X(constructor, PSA_ECC_FAMILY_SECP_R1)               \
  X(constructor, PSA_ECC_FAMILY_SECP_R2)               \
  X(constructor, PSA_ECC_FAMILY_SECT_K1)               \
  X(constructor, PSA_ECC_FAMILY_SECT_R1)               \
  X(constructor, PSA_ECC_FAMILY_SECT_R2)               \
  X(constructor, PSA_ECC_FAMILY_BRAINPOOL_P_R1)        \
  X(constructor, PSA_ECC_FAMILY_FRP)                   \
  X(constructor, PSA_ECC_FAMILY_MONTGOMERY)            \
  X(constructor, PSA_ECC_FAMILY_TWISTED_EDWARDS)

// Every algorithm constant of the API (and of the PAKE Extension).
const std::vector<Spec>& AlgorithmConstants() {
  static const std::vector<Spec> kSpecs = {
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_NONE),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_MD2),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_MD4),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_MD5),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_RIPEMD160),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA_1),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_AES_MMO_ZIGBEE),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA_224),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA_256),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA_384),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA_512),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA_512_224),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA_512_256),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA3_224),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA3_256),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA3_384),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHA3_512),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SM3),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SHAKE256_512),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_ANY_HASH),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CBC_MAC),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CMAC),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_STREAM_CIPHER),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CTR),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CFB),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_OFB),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CCM_STAR_NO_TAG),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CCM_STAR_ANY_TAG),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_XTS),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_ECB_NO_PADDING),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CBC_NO_PADDING),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CBC_PKCS7),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CCM),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_GCM),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CHACHA20_POLY1305),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_XCHACHA20_POLY1305),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_TLS12_ECJPAKE_TO_PMS),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SP800_108_COUNTER_CMAC),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_PBKDF2_AES_CMAC_PRF_128),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_RSA_PKCS1V15_SIGN_RAW),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_ECDSA_ANY),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_PURE_EDDSA),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_ED25519PH),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_ED448PH),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_RSA_PKCS1V15_CRYPT),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_FFDH),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_ECDH),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_SPAKE2P_MATTER),
  };
  return kSpecs;
}

// Every hash-parameterized constructor over every hash and PSA_ALG_ANY_HASH.
const std::vector<Spec>& HashConstructorCalls() {
  static const std::vector<Spec> kSpecs = {
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_HMAC)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_HKDF)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_HKDF_EXTRACT)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_HKDF_EXPAND)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_TLS12_PRF)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_TLS12_PSK_TO_MS)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_PBKDF2_HMAC)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_SP800_108_COUNTER_HMAC)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_RSA_PKCS1V15_SIGN)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_RSA_PSS)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_RSA_PSS_ANY_SALT)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_ECDSA)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_DETERMINISTIC_ECDSA)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_RSA_OAEP)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_JPAKE)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_SPAKE2P_HMAC)
      PSA_SPEC_TEST_EVERY_HASH(PSA_SPEC_TEST_CALL, PSA_ALG_SPAKE2P_CMAC)
  };
  return kSpecs;
}

// Constructors with several arguments, and nestings, written as a description would.
const std::vector<Spec>& HandWrittenCalls() {
  static const std::vector<Spec> kSpecs = {
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 10)),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 0x0c)),
      PSA_SPEC_TEST_EXPRESSION(
          PSA_ALG_TRUNCATED_MAC(PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_384), 40), 24)),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_FULL_LENGTH_MAC(PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 4))),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_FULL_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_ANY_HASH))),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 20)),
      PSA_SPEC_TEST_EXPRESSION(
          PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_TRUNCATED_MAC(PSA_ALG_CBC_MAC, 4), 10)),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_ANY_HASH), 32)),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8)),
      PSA_SPEC_TEST_EXPRESSION(
          PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12), 4)),
      PSA_SPEC_TEST_EXPRESSION(
          PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4))),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(PSA_ALG_XCHACHA20_POLY1305)),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_GCM, 12)),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(
          PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4), 0x10)),
      PSA_SPEC_TEST_EXPRESSION(PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256))),
      PSA_SPEC_TEST_EXPRESSION(
          PSA_ALG_KEY_AGREEMENT(PSA_ALG_FFDH, PSA_ALG_TLS12_PRF(PSA_ALG_ANY_HASH))),
      PSA_SPEC_TEST_EXPRESSION(
          PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_PBKDF2_AES_CMAC_PRF_128)),
  };
  return kSpecs;
}

const std::vector<Spec>& KeyTypeSpecs() {
  static const std::vector<Spec> kSpecs = {
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_NONE),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_RAW_DATA),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_HMAC),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_DERIVE),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_PASSWORD),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_PASSWORD_HASH),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_PEPPER),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_AES),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_ARIA),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_DES),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_CAMELLIA),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_SM4),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_ARC4),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_CHACHA20),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_XCHACHA20),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_RSA_KEY_PAIR),
      PSA_SPEC_TEST_EXPRESSION(PSA_KEY_TYPE_RSA_PUBLIC_KEY),
      PSA_SPEC_TEST_EVERY_ECC_FAMILY(PSA_SPEC_TEST_CALL, PSA_KEY_TYPE_ECC_KEY_PAIR)
      PSA_SPEC_TEST_EVERY_ECC_FAMILY(PSA_SPEC_TEST_CALL, PSA_KEY_TYPE_ECC_PUBLIC_KEY)
      PSA_SPEC_TEST_EVERY_ECC_FAMILY(PSA_SPEC_TEST_CALL, PSA_KEY_TYPE_SPAKE2P_KEY_PAIR)
      PSA_SPEC_TEST_EVERY_ECC_FAMILY(PSA_SPEC_TEST_CALL, PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY)
      PSA_SPEC_TEST_CALL(PSA_KEY_TYPE_DH_KEY_PAIR, PSA_DH_FAMILY_RFC7919)
      PSA_SPEC_TEST_CALL(PSA_KEY_TYPE_DH_PUBLIC_KEY, PSA_DH_FAMILY_RFC7919)
  };
  return kSpecs;
}

std::string Hex(uint32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "0x%08x", static_cast<unsigned>(value));
  return buffer;
}

void ExpectSameValue(const Spec& spec) {
  SCOPED_TRACE(spec.text);
  uint32_t value = 0;
  SpecError error;
  ASSERT_TRUE(EvaluateAlgorithmSpec(spec.text, &value, &error))
      << error.message << " at " << error.offset;
  EXPECT_EQ(Hex(value), Hex(spec.value));
}

TEST(HeaderCrossCheck, AlgorithmConstantsHaveTheHeaderValues) {
  for (const Spec& spec : AlgorithmConstants()) ExpectSameValue(spec);
}

TEST(HeaderCrossCheck, HashConstructorsHaveTheHeaderValues) {
  EXPECT_EQ(HashConstructorCalls().size(), 17u * 19u);
  for (const Spec& spec : HashConstructorCalls()) ExpectSameValue(spec);
}

TEST(HeaderCrossCheck, HandWrittenCallsHaveTheHeaderValues) {
  for (const Spec& spec : HandWrittenCalls()) ExpectSameValue(spec);
}

// The test tables name every name psa_spec knows, so that a value cannot escape the check.
TEST(HeaderCrossCheck, TablesCoverEveryKnownName) {
  std::set<std::string> constants;
  for (const Spec& spec : AlgorithmConstants()) constants.insert(spec.text);
  std::set<std::string> constructors = {
      "PSA_ALG_TRUNCATED_MAC",           "PSA_ALG_FULL_LENGTH_MAC",
      "PSA_ALG_AT_LEAST_THIS_LENGTH_MAC", "PSA_ALG_AEAD_WITH_SHORTENED_TAG",
      "PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG", "PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG",
      "PSA_ALG_KEY_AGREEMENT"};
  for (const Spec& spec : HashConstructorCalls()) {
    constructors.insert(spec.text.substr(0, spec.text.find('(')));
  }
  std::set<std::string> known_constants;
  std::set<std::string> known_constructors;
  for (std::string_view name : KnownAlgorithmNames()) {
    uint32_t value = 0;
    SpecError error;
    (EvaluateAlgorithmSpec(name, &value, &error) ? known_constants : known_constructors)
        .insert(std::string(name));
  }
  EXPECT_EQ(known_constants, constants);
  EXPECT_EQ(known_constructors, constructors);

  std::set<std::string> key_types;
  for (const Spec& spec : KeyTypeSpecs()) key_types.insert(spec.text.substr(0, spec.text.find('(')));
  std::set<std::string> known_key_types;
  for (std::string_view name : KnownKeyTypeNames()) known_key_types.insert(std::string(name));
  EXPECT_EQ(known_key_types, key_types);
}

// ---------------------------------------------------------------------------------------------
// Lengths: what psa_spec accepts follows the header's MAC and tag lengths, and the values agree.
// ---------------------------------------------------------------------------------------------

struct MacBase {
  Spec spec;
  psa_key_type_t key_type;  // a key type the MAC works with, for PSA_MAC_LENGTH
};

std::vector<MacBase> MacBases() {
  std::vector<MacBase> bases;
  for (const Spec& spec : HashConstructorCalls()) {
    if (spec.text.rfind("PSA_ALG_HMAC(", 0) == 0) bases.push_back({spec, PSA_KEY_TYPE_HMAC});
  }
  bases.push_back({PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CMAC), PSA_KEY_TYPE_AES});
  bases.push_back({PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CBC_MAC), PSA_KEY_TYPE_AES});
  return bases;
}

// The largest length psa_spec should accept for a MAC: its full length by the header, bounded by
// what the 6-bit LEN field holds; 63 when the hash is a wildcard (no full length).
uint32_t MacLengthLimit(const MacBase& base) {
  const uint32_t full = PSA_MAC_LENGTH(base.key_type, 128, base.spec.value);
  return full == 0 || full > 63 ? 63 : full;
}

TEST(HeaderCrossCheck, TruncatedAndMinimumLengthMacsAgreeOnValueAndRange) {
  for (const MacBase& base : MacBases()) {
    for (uint32_t length = 0; length <= 64; ++length) {
      const bool valid = length >= 1 && length <= MacLengthLimit(base);
      const std::string suffix = ", " + std::to_string(length) + ")";
      const Spec truncated = {"PSA_ALG_TRUNCATED_MAC(" + base.spec.text + suffix,
                              PSA_ALG_TRUNCATED_MAC(base.spec.value, length)};
      const Spec at_least = {"PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(" + base.spec.text + suffix,
                             PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(base.spec.value, length)};
      for (const Spec& spec : {truncated, at_least}) {
        if (valid) {
          ExpectSameValue(spec);
        } else {
          uint32_t value = 0;
          SpecError error;
          EXPECT_FALSE(EvaluateAlgorithmSpec(spec.text, &value, &error)) << spec.text;
        }
      }
    }
  }
}

struct AeadBase {
  Spec spec;
  psa_key_type_t key_type;
  std::vector<uint32_t> tag_lengths;  // from the algorithm descriptions of the specification
};

std::vector<AeadBase> AeadBases() {
  return {
      {PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CCM), PSA_KEY_TYPE_AES, {4, 6, 8, 10, 12, 14, 16}},
      {PSA_SPEC_TEST_EXPRESSION(PSA_ALG_GCM), PSA_KEY_TYPE_AES, {4, 8, 12, 13, 14, 15, 16}},
      {PSA_SPEC_TEST_EXPRESSION(PSA_ALG_CHACHA20_POLY1305), PSA_KEY_TYPE_CHACHA20, {16}},
      {PSA_SPEC_TEST_EXPRESSION(PSA_ALG_XCHACHA20_POLY1305), PSA_KEY_TYPE_XCHACHA20, {16}},
  };
}

TEST(HeaderCrossCheck, ShortenedAndMinimumLengthTagsAgreeOnValueAndRange) {
  for (const AeadBase& base : AeadBases()) {
    // The header's default tag length bounds the minimum-length wildcard.
    const uint32_t largest = PSA_AEAD_TAG_LENGTH(base.key_type, 256, base.spec.value);
    ASSERT_EQ(largest, base.tag_lengths.back()) << base.spec.text;
    for (uint32_t length = 0; length <= 64; ++length) {
      const std::string suffix = ", " + std::to_string(length) + ")";
      const Spec shortened = {"PSA_ALG_AEAD_WITH_SHORTENED_TAG(" + base.spec.text + suffix,
                              PSA_ALG_AEAD_WITH_SHORTENED_TAG(base.spec.value, length)};
      const Spec at_least = {
          "PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(" + base.spec.text + suffix,
          PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(base.spec.value, length)};
      const bool valid_tag = std::find(base.tag_lengths.begin(), base.tag_lengths.end(),
                                       length) != base.tag_lengths.end();
      const bool valid_floor = length >= 1 && length <= largest;
      uint32_t value = 0;
      SpecError error;
      if (valid_tag) {
        ExpectSameValue(shortened);
        ExpectSameValue({"PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(" + shortened.text + ")",
                         PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(shortened.value)});
      } else {
        EXPECT_FALSE(EvaluateAlgorithmSpec(shortened.text, &value, &error)) << shortened.text;
      }
      if (valid_floor) {
        ExpectSameValue(at_least);
      } else {
        EXPECT_FALSE(EvaluateAlgorithmSpec(at_least.text, &value, &error)) << at_least.text;
      }
    }
  }
}

std::vector<Spec> KeyDerivations() {
  std::vector<Spec> derivations;
  for (const Spec& spec : HashConstructorCalls()) {
    if (PSA_ALG_IS_KEY_DERIVATION(spec.value)) derivations.push_back(spec);
  }
  for (const Spec& spec : AlgorithmConstants()) {
    if (PSA_ALG_IS_KEY_DERIVATION(spec.value)) derivations.push_back(spec);
  }
  return derivations;
}

TEST(HeaderCrossCheck, KeyAgreementsCombineWithEveryKeyDerivation) {
  const std::vector<Spec> derivations = KeyDerivations();
  EXPECT_EQ(derivations.size(), 7u * 19u + 3u);
  const Spec agreements[] = {PSA_SPEC_TEST_EXPRESSION(PSA_ALG_ECDH),
                             PSA_SPEC_TEST_EXPRESSION(PSA_ALG_FFDH)};
  for (const Spec& agreement : agreements) {
    for (const Spec& derivation : derivations) {
      ExpectSameValue({"PSA_ALG_KEY_AGREEMENT(" + agreement.text + ", " + derivation.text + ")",
                       PSA_ALG_KEY_AGREEMENT(agreement.value, derivation.value)});
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Wildcards: membership agrees with the header's own predicates and size macros.
// ---------------------------------------------------------------------------------------------

// Algorithm values of the API (V = 0): every constant, every hash constructor base with every
// hash field, MACs and AEADs at every length, with and without the wildcard bit.
std::vector<uint32_t> AlgorithmCorpus() {
  std::set<uint32_t> corpus;
  for (const Spec& spec : AlgorithmConstants()) corpus.insert(spec.value);
  for (const Spec& spec : HashConstructorCalls()) {
    for (uint32_t hash = 0; hash <= 0x20; ++hash) corpus.insert((spec.value & ~0xffu) | hash);
    corpus.insert(spec.value | 0xffu);
  }
  std::vector<uint32_t> with_length;
  for (const MacBase& base : MacBases()) with_length.push_back(base.spec.value);
  for (uint32_t hash = 0; hash <= 0x20; ++hash) with_length.push_back(PSA_ALG_HMAC(0x02000000u | hash));
  for (const AeadBase& base : AeadBases()) with_length.push_back(base.spec.value);
  for (uint32_t alg : with_length) {
    for (uint32_t length = 0; length <= 63; ++length) {
      corpus.insert(PSA_ALG_TRUNCATED_MAC(alg, length));
      corpus.insert(PSA_ALG_TRUNCATED_MAC(alg, length) | 0x8000u);
    }
  }
  for (uint32_t hash = 0; hash <= 0x20; ++hash) {
    corpus.insert(PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(0x02000000u | hash)));
    corpus.insert(PSA_ALG_KEY_AGREEMENT(PSA_ALG_FFDH, PSA_ALG_HKDF(0x02000000u | hash)));
    corpus.insert(PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_TLS12_PRF(0x02000000u | hash)));
  }
  return std::vector<uint32_t>(corpus.begin(), corpus.end());
}

struct HashWildcardCase {
  const char* constructor;
  bool (*is_member)(psa_algorithm_t alg);  // the header's predicate for the family
};

// A specific hash: what PSA_ALG_ANY_HASH stands for.
bool HasSpecificHash(psa_algorithm_t alg) {
  return PSA_ALG_IS_HASH(PSA_ALG_GET_HASH(alg)) && !PSA_ALG_IS_WILDCARD(alg);
}

#define PSA_SPEC_TEST_PREDICATE(name) \
  [](psa_algorithm_t alg) -> bool { return name(alg) && HasSpecificHash(alg); }

const HashWildcardCase kHashWildcardCases[] = {
    {"PSA_ALG_HMAC",
     [](psa_algorithm_t alg) -> bool {
       return PSA_ALG_IS_HMAC(alg) && PSA_ALG_FULL_LENGTH_MAC(alg) == alg && HasSpecificHash(alg);
     }},
    {"PSA_ALG_HKDF", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_HKDF)},
    {"PSA_ALG_HKDF_EXTRACT", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_HKDF_EXTRACT)},
    {"PSA_ALG_HKDF_EXPAND", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_HKDF_EXPAND)},
    {"PSA_ALG_TLS12_PRF", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_TLS12_PRF)},
    {"PSA_ALG_TLS12_PSK_TO_MS", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_TLS12_PSK_TO_MS)},
    {"PSA_ALG_PBKDF2_HMAC", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_PBKDF2_HMAC)},
    {"PSA_ALG_SP800_108_COUNTER_HMAC", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_SP800_108_COUNTER_HMAC)},
    {"PSA_ALG_RSA_PKCS1V15_SIGN", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_RSA_PKCS1V15_SIGN)},
    {"PSA_ALG_RSA_PSS", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_RSA_PSS_STANDARD_SALT)},
    {"PSA_ALG_RSA_PSS_ANY_SALT", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_RSA_PSS_ANY_SALT)},
    {"PSA_ALG_ECDSA", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_RANDOMIZED_ECDSA)},
    {"PSA_ALG_DETERMINISTIC_ECDSA", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_DETERMINISTIC_ECDSA)},
    {"PSA_ALG_RSA_OAEP", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_RSA_OAEP)},
    {"PSA_ALG_JPAKE", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_JPAKE)},
    {"PSA_ALG_SPAKE2P_HMAC", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_SPAKE2P_HMAC)},
    {"PSA_ALG_SPAKE2P_CMAC", PSA_SPEC_TEST_PREDICATE(PSA_ALG_IS_SPAKE2P_CMAC)},
    {"PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF",
     [](psa_algorithm_t alg) -> bool {
       return PSA_ALG_IS_KEY_AGREEMENT(alg) && !PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg) &&
              PSA_ALG_KEY_AGREEMENT_GET_BASE(alg) == PSA_ALG_ECDH &&
              PSA_ALG_IS_HKDF(PSA_ALG_KEY_AGREEMENT_GET_KDF(alg)) && HasSpecificHash(alg);
     }},
};

TEST(HeaderCrossCheck, HashWildcardMeansEverySpecificHashOfTheFamily) {
  const std::vector<uint32_t> corpus = AlgorithmCorpus();
  for (const HashWildcardCase& test : kHashWildcardCases) {
    const std::string spec = std::string(test.constructor) + "(PSA_ALG_ANY_HASH)" +
                             (std::string(test.constructor).find('(') != std::string::npos ? ")" : "");
    SCOPED_TRACE(spec);
    AlgorithmPattern pattern;
    SpecError error;
    ASSERT_TRUE(ParseAlgorithmSpec(spec, &pattern, &error)) << error.message;
    size_t members = 0;
    for (uint32_t alg : corpus) {
      ASSERT_EQ(pattern.Matches(alg), test.is_member(alg)) << Hex(alg);
      members += pattern.Matches(alg) ? 1 : 0;
    }
    // Hash fields 0x01..0x20 of the corpus: PSA_ALG_IS_HASH is a category test, so unassigned
    // hash sub-types count as specific hashes on both sides.
    EXPECT_EQ(members, 32u);
  }
  AlgorithmPattern any_hash;
  SpecError error;
  ASSERT_TRUE(ParseAlgorithmSpec("PSA_ALG_ANY_HASH", &any_hash, &error));
  for (uint32_t alg : corpus) {
    const bool is_specific_hash =
        PSA_ALG_IS_HASH(alg) && PSA_ALG_GET_HASH(alg) == alg && !PSA_ALG_IS_WILDCARD(alg);
    ASSERT_EQ(any_hash.Matches(alg), is_specific_hash) << Hex(alg);
  }
}

TEST(HeaderCrossCheck, MinimumLengthMacMeansEveryMacOfTheBaseThatLongByTheHeader) {
  const std::vector<uint32_t> corpus = AlgorithmCorpus();
  for (const MacBase& base : MacBases()) {
    const bool hash_wildcard = base.spec.value == PSA_ALG_HMAC(PSA_ALG_ANY_HASH);
    for (uint32_t min_length : {1u, 8u, 16u, 17u, 20u, 28u, 32u, 33u, 48u, 63u}) {
      if (min_length > MacLengthLimit(base)) continue;
      const std::string spec = "PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(" + base.spec.text + ", " +
                               std::to_string(min_length) + ")";
      SCOPED_TRACE(spec);
      AlgorithmPattern pattern;
      SpecError error;
      ASSERT_TRUE(ParseAlgorithmSpec(spec, &pattern, &error)) << error.message;
      for (uint32_t alg : corpus) {
        const bool same_base =
            hash_wildcard
                ? PSA_ALG_IS_HMAC(alg) && HasSpecificHash(alg)
                : PSA_ALG_FULL_LENGTH_MAC(alg) == PSA_ALG_FULL_LENGTH_MAC(base.spec.value);
        const bool expected = PSA_ALG_IS_MAC(alg) && !PSA_ALG_IS_WILDCARD(alg) && same_base &&
                              PSA_MAC_LENGTH(base.key_type, 128, alg) >= min_length;
        ASSERT_EQ(pattern.Matches(alg), expected) << Hex(alg);
      }
    }
  }
}

TEST(HeaderCrossCheck, MinimumLengthTagMeansEveryAeadOfTheBaseThatLongByTheHeader) {
  const std::vector<uint32_t> corpus = AlgorithmCorpus();
  for (const AeadBase& base : AeadBases()) {
    for (uint32_t min_length = 1; min_length <= 16; ++min_length) {
      const std::string spec = "PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(" + base.spec.text +
                               ", " + std::to_string(min_length) + ")";
      SCOPED_TRACE(spec);
      AlgorithmPattern pattern;
      SpecError error;
      ASSERT_TRUE(ParseAlgorithmSpec(spec, &pattern, &error)) << error.message;
      size_t members = 0;
      for (uint32_t alg : corpus) {
        const bool expected = PSA_ALG_IS_AEAD(alg) && !PSA_ALG_IS_WILDCARD(alg) &&
                              PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) == base.spec.value &&
                              PSA_AEAD_TAG_LENGTH(base.key_type, 256, alg) >= min_length;
        ASSERT_EQ(pattern.Matches(alg), expected) << Hex(alg);
        members += expected ? 1 : 0;
      }
      EXPECT_EQ(members, 63u - min_length + 1u);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Key types.
// ---------------------------------------------------------------------------------------------

TEST(HeaderCrossCheck, KeyTypesHaveTheHeaderValues) {
  for (const Spec& spec : KeyTypeSpecs()) {
    SCOPED_TRACE(spec.text);
    KeyTypePattern pattern;
    SpecError error;
    ASSERT_TRUE(ParseKeyTypeSpec(spec.text, &pattern, &error)) << error.message;
    EXPECT_EQ(pattern.mask, 0xffff);
    EXPECT_EQ(Hex(pattern.value), Hex(spec.value));
  }
}

struct FamilyWildcardCase {
  const char* spec;
  bool (*is_member)(psa_key_type_t type);
};

const FamilyWildcardCase kFamilyWildcardCases[] = {
    {"PSA_KEY_TYPE_ECC_KEY_PAIR(_)",
     [](psa_key_type_t type) -> bool { return PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type); }},
    {"PSA_KEY_TYPE_ECC_PUBLIC_KEY(_)",
     [](psa_key_type_t type) -> bool { return PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type); }},
    {"PSA_KEY_TYPE_DH_KEY_PAIR(_)",
     [](psa_key_type_t type) -> bool { return PSA_KEY_TYPE_IS_DH_KEY_PAIR(type); }},
    {"PSA_KEY_TYPE_DH_PUBLIC_KEY(_)",
     [](psa_key_type_t type) -> bool { return PSA_KEY_TYPE_IS_DH_PUBLIC_KEY(type); }},
    {"PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(_)",
     [](psa_key_type_t type) -> bool { return PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type); }},
    {"PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(_)",
     [](psa_key_type_t type) -> bool { return PSA_KEY_TYPE_IS_SPAKE2P_PUBLIC_KEY(type); }},
};

TEST(HeaderCrossCheck, FamilyWildcardAgreesWithTheHeaderPredicateOnEveryKeyType) {
  for (const FamilyWildcardCase& test : kFamilyWildcardCases) {
    SCOPED_TRACE(test.spec);
    KeyTypePattern pattern;
    SpecError error;
    ASSERT_TRUE(ParseKeyTypeSpec(test.spec, &pattern, &error)) << error.message;
    for (uint32_t type = 0; type <= 0xffff; ++type) {
      const psa_key_type_t key_type = static_cast<psa_key_type_t>(type);
      ASSERT_EQ(pattern.Matches(key_type), test.is_member(key_type)) << Hex(type);
    }
  }
}

}  // namespace
}  // namespace psa::drivergen
