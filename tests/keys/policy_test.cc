// Key policies through the public API (PSA Crypto API "Key policies",
// psa_export_key, psa_copy_key, psa_destroy_key):
//   - PSA_KEY_USAGE_EXPORT gates psa_export_key (not for public keys, not
//     for psa_export_public_key);
//   - PSA_KEY_USAGE_COPY gates psa_copy_key;
//   - the copy's policy is the intersection of both policies: usage flags
//     AND-ed, algorithms equal, a wildcard narrowed to the specific
//     algorithm it permits, PSA_ERROR_INVALID_ARGUMENT when nothing is
//     common (table CopyIntersection);
//   - every usage flag is kept, and the implied ones (SIGN_HASH ->
//     SIGN_MESSAGE, VERIFY_HASH -> VERIFY_MESSAGE) are reported set by
//     psa_get_key_attributes ("the flag ... will also be present when the
//     application queries the usage flags of the key");
//   - a destroyed key's identifier is invalid everywhere
//     (PSA_ERROR_INVALID_HANDLE), destroying PSA_KEY_ID_NULL succeeds.

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/keys/key_test_util.h"
#include "tests/keys/key_vectors.h"

namespace psa::keys_testing {
namespace {

const int kRegistered = (RegisterStorageEnvironment(), 0);

constexpr psa_key_type_t kP256Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kP256Public = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);

// A key of each kind the tables use.
enum class Kind { kAes, kHmac, kP256, kP256Public, kRsa, kRsaPublic };

psa_key_type_t TypeOf(Kind kind) {
  switch (kind) {
    case Kind::kAes: return PSA_KEY_TYPE_AES;
    case Kind::kHmac: return PSA_KEY_TYPE_HMAC;
    case Kind::kP256: return kP256Pair;
    case Kind::kP256Public: return kP256Public;
    case Kind::kRsa: return PSA_KEY_TYPE_RSA_KEY_PAIR;
    case Kind::kRsaPublic: return PSA_KEY_TYPE_RSA_PUBLIC_KEY;
  }
  return PSA_KEY_TYPE_NONE;
}

Bytes MaterialOf(Kind kind) {
  switch (kind) {
    case Kind::kAes: return PatternBytes(16, 21);
    case Kind::kHmac: return PatternBytes(32, 22);
    case Kind::kP256: return FromHex(KeyVector("prime256v1").pair_hex);
    case Kind::kP256Public: return FromHex(KeyVector("prime256v1").public_hex);
    case Kind::kRsa: return FromHex(KeyVector("rsa2048").pair_hex);
    case Kind::kRsaPublic: return FromHex(KeyVector("rsa2048").public_hex);
  }
  return {};
}

psa_key_id_t ImportKind(Kind kind, psa_key_usage_t usage, psa_algorithm_t alg) {
  psa_key_id_t key = PSA_KEY_ID_NULL;
  EXPECT_PSA(PSA_SUCCESS, Import(MakeAttributes(TypeOf(kind), 0, usage, alg), MaterialOf(kind), &key));
  return key;
}

void ExpectPolicy(psa_key_id_t key, psa_key_usage_t usage, psa_algorithm_t alg) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  ASSERT_PSA(PSA_SUCCESS, psa_get_key_attributes(key, &attributes));
  EXPECT_EQ(psa_get_key_usage_flags(&attributes), usage)
      << std::hex << "usage 0x" << psa_get_key_usage_flags(&attributes) << ", expected 0x" << usage;
  EXPECT_EQ(psa_get_key_algorithm(&attributes), alg)
      << std::hex << "alg 0x" << psa_get_key_algorithm(&attributes) << ", expected 0x" << alg;
  psa_reset_key_attributes(&attributes);
}

// ---------------------------------------------------------------------------
// PSA_KEY_USAGE_EXPORT.

// Every usage flag but EXPORT.
constexpr psa_key_usage_t kAllButExport =
    PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_CACHE | PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT |
    PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_SIGN_HASH |
    PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_VERIFY_DERIVATION;

TEST(ExportPolicy, SecretKeysNeedExportUsage) {
  for (Kind kind : {Kind::kAes, Kind::kHmac, Kind::kP256, Kind::kRsa}) {
    SCOPED_TRACE(static_cast<int>(kind));
    for (psa_key_usage_t usage : {psa_key_usage_t{0}, kAllButExport}) {
      const psa_key_id_t key = ImportKind(kind, usage, PSA_ALG_NONE);
      Bytes out;
      EXPECT_PSA(PSA_ERROR_NOT_PERMITTED, Export(key, &out));
      EXPECT_TRUE(out.empty());
      EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
    }
    const psa_key_id_t key = ImportKind(kind, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    Bytes out;
    EXPECT_PSA(PSA_SUCCESS, Export(key, &out));
    EXPECT_EQ(ToHex(out), ToHex(MaterialOf(kind)));
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
}

TEST(ExportPolicy, PublicPartOfAKeyPairNeedsNoUsage) {
  struct {
    Kind pair;
    const char* vector;
  } cases[] = {{Kind::kP256, "prime256v1"}, {Kind::kRsa, "rsa2048"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.vector);
    const psa_key_id_t key = ImportKind(c.pair, 0, PSA_ALG_NONE);
    Bytes out;
    EXPECT_PSA(PSA_SUCCESS, ExportPublic(key, &out));
    EXPECT_EQ(ToHex(out), KeyVector(c.vector).public_hex);
    EXPECT_PSA(PSA_ERROR_NOT_PERMITTED, Export(key, &out));
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
}

TEST(ExportPolicy, PublicKeysExportWithoutUsage) {
  for (Kind kind : {Kind::kP256Public, Kind::kRsaPublic}) {
    SCOPED_TRACE(static_cast<int>(kind));
    const psa_key_id_t key = ImportKind(kind, 0, PSA_ALG_NONE);
    Bytes out;
    EXPECT_PSA(PSA_SUCCESS, Export(key, &out));
    EXPECT_EQ(ToHex(out), ToHex(MaterialOf(kind)));
    EXPECT_PSA(PSA_SUCCESS, ExportPublic(key, &out));
    EXPECT_EQ(ToHex(out), ToHex(MaterialOf(kind)));
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
}

// ---------------------------------------------------------------------------
// PSA_KEY_USAGE_COPY.

TEST(CopyPolicy, SourceNeedsCopyUsage) {
  for (Kind kind : {Kind::kAes, Kind::kHmac, Kind::kP256, Kind::kP256Public, Kind::kRsa}) {
    SCOPED_TRACE(static_cast<int>(kind));
    const psa_key_usage_t without_copy = static_cast<psa_key_usage_t>((kAllButExport | PSA_KEY_USAGE_EXPORT) &
                                                                      ~PSA_KEY_USAGE_COPY);
    const psa_key_id_t source = ImportKind(kind, without_copy, PSA_ALG_NONE);
    const psa_key_attributes_t target = MakeAttributes(PSA_KEY_TYPE_NONE, 0, without_copy, PSA_ALG_NONE);
    psa_key_id_t copy = 0x5a5a5a5a;
    EXPECT_PSA(PSA_ERROR_NOT_PERMITTED, psa_copy_key(source, &target, &copy));
    EXPECT_EQ(copy, PSA_KEY_ID_NULL);
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(source));
  }
}

TEST(CopyPolicy, CopyWithinLocalStorageNeedsOnlyCopyUsage) {
  // "For keys with the lifetime PSA_KEY_LIFETIME_VOLATILE or
  // PSA_KEY_LIFETIME_PERSISTENT, the usage flag PSA_KEY_USAGE_COPY is
  // sufficient to permit the copy."
  const psa_key_id_t source = ImportKind(Kind::kAes, PSA_KEY_USAGE_COPY, PSA_ALG_CCM);
  const psa_key_attributes_t target = MakeAttributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_COPY, PSA_ALG_CCM);
  psa_key_id_t copy = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_copy_key(source, &target, &copy));
  EXPECT_NE(copy, source);
  ExpectPolicy(copy, PSA_KEY_USAGE_COPY, PSA_ALG_CCM);
  Bytes out;
  EXPECT_PSA(PSA_ERROR_NOT_PERMITTED, Export(copy, &out));  // EXPORT was never granted
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(copy));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(source));
}

TEST(CopyPolicy, TypeAndSizeMustMatchTheSourceIfSet) {
  const psa_key_usage_t usage = PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT;
  const psa_key_id_t source = ImportKind(Kind::kAes, usage, PSA_ALG_NONE);
  struct {
    const char* name;
    psa_key_type_t type;
    size_t bits;
    psa_status_t expected;
  } cases[] = {
      {"type_and_bits_unset", PSA_KEY_TYPE_NONE, 0, PSA_SUCCESS},
      {"type_and_bits_equal", PSA_KEY_TYPE_AES, 128, PSA_SUCCESS},
      {"type_equal_bits_unset", PSA_KEY_TYPE_AES, 0, PSA_SUCCESS},
      {"type_differs", PSA_KEY_TYPE_CAMELLIA, 0, PSA_ERROR_INVALID_ARGUMENT},
      {"type_differs_raw_data", PSA_KEY_TYPE_RAW_DATA, 128, PSA_ERROR_INVALID_ARGUMENT},
      {"bits_differ", PSA_KEY_TYPE_AES, 256, PSA_ERROR_INVALID_ARGUMENT},
      {"bits_differ_type_unset", PSA_KEY_TYPE_NONE, 192, PSA_ERROR_INVALID_ARGUMENT},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const psa_key_attributes_t target = MakeAttributes(c.type, c.bits, usage, PSA_ALG_NONE);
    psa_key_id_t copy = 0x5a5a5a5a;
    EXPECT_PSA(c.expected, psa_copy_key(source, &target, &copy));
    if (c.expected == PSA_SUCCESS) {
      psa_key_attributes_t attributes = psa_key_attributes_init();
      EXPECT_PSA(PSA_SUCCESS, psa_get_key_attributes(copy, &attributes));
      EXPECT_EQ(psa_get_key_type(&attributes), PSA_KEY_TYPE_AES);
      EXPECT_EQ(psa_get_key_bits(&attributes), 128u);
      Bytes out;
      EXPECT_PSA(PSA_SUCCESS, Export(copy, &out));
      EXPECT_EQ(ToHex(out), ToHex(MaterialOf(Kind::kAes)));
      EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(copy));
    } else {
      EXPECT_EQ(copy, PSA_KEY_ID_NULL);
    }
  }
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(source));
}

TEST(CopyPolicy, CopyToAPersistentKey) {
  const psa_key_usage_t usage = PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT;
  const psa_key_id_t source = ImportKind(Kind::kP256, usage | PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH));
  const psa_key_id_t persistent_id = 0x00c0ffee;
  const psa_key_attributes_t target =
      MakeAttributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_HASH,
                     PSA_ALG_ECDSA(PSA_ALG_SHA_256), persistent_id);
  psa_key_id_t copy = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_copy_key(source, &target, &copy));
  EXPECT_EQ(copy, persistent_id);
  psa_key_attributes_t attributes = psa_key_attributes_init();
  ASSERT_PSA(PSA_SUCCESS, psa_get_key_attributes(copy, &attributes));
  EXPECT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_PERSISTENT);
  EXPECT_EQ(psa_get_key_id(&attributes), persistent_id);
  EXPECT_EQ(psa_get_key_type(&attributes), kP256Pair);
  EXPECT_EQ(psa_get_key_bits(&attributes), 256u);
  ExpectPolicy(copy, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE,
               PSA_ALG_ECDSA(PSA_ALG_SHA_256));
  Bytes out;
  EXPECT_PSA(PSA_SUCCESS, Export(copy, &out));
  EXPECT_EQ(ToHex(out), ToHex(MaterialOf(Kind::kP256)));

  // The identifier is taken now.
  psa_key_id_t second = 0x5a5a5a5a;
  EXPECT_PSA(PSA_ERROR_ALREADY_EXISTS, psa_copy_key(source, &target, &second));
  EXPECT_EQ(second, PSA_KEY_ID_NULL);

  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(copy));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(source));
}

// ---------------------------------------------------------------------------
// Intersection of the policies by psa_copy_key.

struct CopyRow {
  const char* name;
  Kind kind;
  psa_key_usage_t source_usage;  // COPY and EXPORT are added
  psa_algorithm_t source_alg;
  psa_key_usage_t target_usage;  // EXPORT is added
  psa_algorithm_t target_alg;
  psa_status_t expected;
  psa_key_usage_t expected_usage;  // EXPORT is added
  psa_algorithm_t expected_alg;
};

void PrintTo(const CopyRow& value, std::ostream* os) { *os << value.name; }

constexpr psa_algorithm_t kHmac256 = PSA_ALG_HMAC(PSA_ALG_SHA_256);

const CopyRow kCopyRows[] = {
    // Usage flags: AND of both sets, each with its implied flags.
    {"usage_and", Kind::kAes, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, PSA_ALG_CCM, PSA_KEY_USAGE_ENCRYPT,
     PSA_ALG_CCM, PSA_SUCCESS, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CCM},
    {"usage_disjoint_gives_none", Kind::kAes, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CCM, PSA_KEY_USAGE_DECRYPT, PSA_ALG_CCM,
     PSA_SUCCESS, 0, PSA_ALG_CCM},
    {"usage_source_sign_hash_target_sign_message", Kind::kP256, PSA_KEY_USAGE_SIGN_HASH,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"usage_source_sign_message_target_sign_hash", Kind::kP256, PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"usage_verify_hash_kept_with_implied", Kind::kP256, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_KEY_USAGE_VERIFY_HASH, PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_SUCCESS,
     PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_VERIFY_MESSAGE, PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    // Signature algorithms and PSA_ALG_ANY_HASH.
    {"ecdsa_equal", Kind::kP256, PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_KEY_USAGE_SIGN_HASH,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_SUCCESS, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"ecdsa_source_any_hash_narrowed", Kind::kP256, PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"ecdsa_target_any_hash_narrowed", Kind::kP256, PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_SHA_384),
     PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_ECDSA(PSA_ALG_SHA_384)},
    {"ecdsa_both_any_hash", Kind::kP256, PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)},
    {"ecdsa_different_hashes", Kind::kP256, PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_SHA_256),
     PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_SHA_384), PSA_ERROR_INVALID_ARGUMENT, 0, 0},
    {"ecdsa_any_hash_vs_deterministic", Kind::kP256, PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
     PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256), PSA_ERROR_INVALID_ARGUMENT, 0, 0},
    {"rsa_pss_any_hash_narrowed", Kind::kRsa, PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH),
     PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_RSA_PSS(PSA_ALG_SHA_384), PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_RSA_PSS(PSA_ALG_SHA_384)},
    {"rsa_pss_any_hash_vs_pkcs1v15", Kind::kRsa, PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH),
     PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), PSA_ERROR_INVALID_ARGUMENT, 0, 0},
    // "PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH) also permits the
    // PSA_ALG_RSA_PKCS1V15_SIGN_RAW signature algorithm."
    {"rsa_pkcs1v15_any_hash_permits_raw", Kind::kRsa, PSA_KEY_USAGE_SIGN_HASH,
     PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH), PSA_KEY_USAGE_SIGN_HASH, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_RSA_PKCS1V15_SIGN_RAW},
    // MACs and PSA_ALG_AT_LEAST_THIS_LENGTH_MAC (HMAC-SHA-256: 32 bytes).
    {"hmac_equal", Kind::kHmac, PSA_KEY_USAGE_SIGN_MESSAGE, kHmac256, PSA_KEY_USAGE_SIGN_MESSAGE, kHmac256,
     PSA_SUCCESS, PSA_KEY_USAGE_SIGN_MESSAGE, kHmac256},
    {"hmac_target_at_least_20_keeps_full_length", Kind::kHmac, PSA_KEY_USAGE_SIGN_MESSAGE, kHmac256,
     PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmac256, 20), PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_MESSAGE, kHmac256},
    {"hmac_source_at_least_20_narrowed_to_full", Kind::kHmac, PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmac256, 20), PSA_KEY_USAGE_SIGN_MESSAGE, kHmac256, PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_MESSAGE, kHmac256},
    {"hmac_at_least_16_narrowed_to_truncated_20", Kind::kHmac, PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmac256, 16), PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_TRUNCATED_MAC(kHmac256, 20),
     PSA_SUCCESS, PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_TRUNCATED_MAC(kHmac256, 20)},
    {"hmac_at_least_20_refuses_truncated_16", Kind::kHmac, PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmac256, 20), PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_TRUNCATED_MAC(kHmac256, 16),
     PSA_ERROR_INVALID_ARGUMENT, 0, 0},
    {"hmac_two_minimums_keep_the_larger", Kind::kHmac, PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmac256, 16), PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmac256, 24), PSA_SUCCESS, PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmac256, 24)},
    {"hmac_different_hashes", Kind::kHmac, PSA_KEY_USAGE_SIGN_MESSAGE, kHmac256, PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_HMAC(PSA_ALG_SHA_384), PSA_ERROR_INVALID_ARGUMENT, 0, 0},
    {"cmac_at_least_8_narrowed_to_cmac", Kind::kAes, PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8), PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_CMAC, PSA_SUCCESS,
     PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_CMAC},
    {"cmac_at_least_8_refuses_truncated_4", Kind::kAes, PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8), PSA_KEY_USAGE_SIGN_MESSAGE,
     PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 4), PSA_ERROR_INVALID_ARGUMENT, 0, 0},
    // AEAD and PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG (CCM: 16-byte tag).
    {"ccm_at_least_8_narrowed_to_ccm", Kind::kAes, PSA_KEY_USAGE_ENCRYPT,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 8), PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CCM, PSA_SUCCESS,
     PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CCM},
    {"ccm_at_least_8_narrowed_to_shortened_12", Kind::kAes, PSA_KEY_USAGE_ENCRYPT,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 8), PSA_KEY_USAGE_ENCRYPT,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 12), PSA_SUCCESS, PSA_KEY_USAGE_ENCRYPT,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 12)},
    {"ccm_at_least_12_refuses_shortened_8", Kind::kAes, PSA_KEY_USAGE_ENCRYPT,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 12), PSA_KEY_USAGE_ENCRYPT,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8), PSA_ERROR_INVALID_ARGUMENT, 0, 0},
    {"ccm_vs_gcm", Kind::kAes, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_CCM, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_GCM,
     PSA_ERROR_INVALID_ARGUMENT, 0, 0},
    {"ccm_wildcard_vs_gcm_wildcard", Kind::kAes, PSA_KEY_USAGE_ENCRYPT,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 8), PSA_KEY_USAGE_ENCRYPT,
     PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_GCM, 8), PSA_ERROR_INVALID_ARGUMENT, 0, 0},
    // PSA_ALG_NONE on both sides: the same (empty) permission.
    {"alg_none_both", Kind::kAes, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_NONE, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_NONE,
     PSA_SUCCESS, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_NONE},
};

class CopyIntersection : public ::testing::TestWithParam<CopyRow> {};

TEST_P(CopyIntersection, PolicyOfTheCopy) {
  const CopyRow& row = GetParam();
  const psa_key_id_t source =
      ImportKind(row.kind, row.source_usage | PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT, row.source_alg);
  ASSERT_NE(source, PSA_KEY_ID_NULL);
  const psa_key_attributes_t target =
      MakeAttributes(PSA_KEY_TYPE_NONE, 0, row.target_usage | PSA_KEY_USAGE_EXPORT, row.target_alg);
  psa_key_id_t copy = 0x5a5a5a5a;
  const psa_status_t status = psa_copy_key(source, &target, &copy);
  EXPECT_PSA(row.expected, status);
  if (status == PSA_SUCCESS) {
    ExpectPolicy(copy, row.expected_usage | PSA_KEY_USAGE_EXPORT, row.expected_alg);
    Bytes copied;
    EXPECT_PSA(PSA_SUCCESS, Export(copy, &copied));
    EXPECT_EQ(ToHex(copied), ToHex(MaterialOf(row.kind)));
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(copy));
  } else {
    EXPECT_EQ(copy, PSA_KEY_ID_NULL);
  }
  // The source keeps its policy.
  psa_key_usage_t source_usage = row.source_usage | PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT;
  if (source_usage & PSA_KEY_USAGE_SIGN_HASH) source_usage |= PSA_KEY_USAGE_SIGN_MESSAGE;
  if (source_usage & PSA_KEY_USAGE_VERIFY_HASH) source_usage |= PSA_KEY_USAGE_VERIFY_MESSAGE;
  ExpectPolicy(source, source_usage, row.source_alg);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(source));
}

INSTANTIATE_TEST_SUITE_P(Spec, CopyIntersection, ::testing::ValuesIn(kCopyRows),
                         [](const ::testing::TestParamInfo<CopyRow>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// Usage flags and permitted algorithms as stored.

struct UsageRow {
  const char* name;
  psa_key_usage_t requested;
  psa_key_usage_t reported;
};

void PrintTo(const UsageRow& value, std::ostream* os) { *os << value.name; }

const UsageRow kUsageRows[] = {
    {"export", PSA_KEY_USAGE_EXPORT, PSA_KEY_USAGE_EXPORT},
    {"copy", PSA_KEY_USAGE_COPY, PSA_KEY_USAGE_COPY},
    // "This flag must be preserved when reading back the attributes for all
    // keys, regardless of key type or implementation behavior."
    {"cache", PSA_KEY_USAGE_CACHE, PSA_KEY_USAGE_CACHE},
    {"encrypt", PSA_KEY_USAGE_ENCRYPT, PSA_KEY_USAGE_ENCRYPT},
    {"decrypt", PSA_KEY_USAGE_DECRYPT, PSA_KEY_USAGE_DECRYPT},
    {"sign_message", PSA_KEY_USAGE_SIGN_MESSAGE, PSA_KEY_USAGE_SIGN_MESSAGE},
    {"verify_message", PSA_KEY_USAGE_VERIFY_MESSAGE, PSA_KEY_USAGE_VERIFY_MESSAGE},
    {"sign_hash_implies_sign_message", PSA_KEY_USAGE_SIGN_HASH,
     PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE},
    {"verify_hash_implies_verify_message", PSA_KEY_USAGE_VERIFY_HASH,
     PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_VERIFY_MESSAGE},
    {"derive", PSA_KEY_USAGE_DERIVE, PSA_KEY_USAGE_DERIVE},
    {"verify_derivation", PSA_KEY_USAGE_VERIFY_DERIVATION, PSA_KEY_USAGE_VERIFY_DERIVATION},
    {"none", 0, 0},
    {"all", kAllButExport | PSA_KEY_USAGE_EXPORT, kAllButExport | PSA_KEY_USAGE_EXPORT},
};

class UsageFlags : public ::testing::TestWithParam<UsageRow> {};

TEST_P(UsageFlags, ReportedAfterImportAndGenerate) {
  const UsageRow& row = GetParam();
  const psa_key_id_t imported = ImportKind(Kind::kP256, row.requested, PSA_ALG_NONE);
  ExpectPolicy(imported, row.reported, PSA_ALG_NONE);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(imported));

  const psa_key_attributes_t attributes = MakeAttributes(PSA_KEY_TYPE_AES, 128, row.requested, PSA_ALG_NONE);
  psa_key_id_t generated = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&attributes, &generated));
  ExpectPolicy(generated, row.reported, PSA_ALG_NONE);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(generated));
}

INSTANTIATE_TEST_SUITE_P(EveryFlag, UsageFlags, ::testing::ValuesIn(kUsageRows),
                         [](const ::testing::TestParamInfo<UsageRow>& info) { return info.param.name; });

struct AlgorithmRow {
  const char* name;
  Kind kind;
  psa_algorithm_t alg;
};

void PrintTo(const AlgorithmRow& value, std::ostream* os) { *os << value.name; }

// Specific algorithms and every wildcard the API defines, on keys they fit.
const AlgorithmRow kAlgorithmRows[] = {
    {"ecdsa_sha256", Kind::kP256, PSA_ALG_ECDSA(PSA_ALG_SHA_256)},
    {"ecdsa_any_hash", Kind::kP256, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)},
    {"deterministic_ecdsa_any_hash", Kind::kP256, PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_ANY_HASH)},
    {"ecdh", Kind::kP256, PSA_ALG_ECDH},
    {"rsa_pss_any_hash", Kind::kRsa, PSA_ALG_RSA_PSS(PSA_ALG_ANY_HASH)},
    {"rsa_pkcs1v15_sign_any_hash", Kind::kRsa, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH)},
    {"rsa_oaep_sha256", Kind::kRsa, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256)},
    {"hmac_sha256", Kind::kHmac, kHmac256},
    {"hmac_truncated_16", Kind::kHmac, PSA_ALG_TRUNCATED_MAC(kHmac256, 16)},
    {"hmac_at_least_16", Kind::kHmac, PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmac256, 16)},
    {"cmac_at_least_8", Kind::kAes, PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8)},
    {"gcm", Kind::kAes, PSA_ALG_GCM},
    {"ccm_at_least_tag_8", Kind::kAes, PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 8)},
    {"gcm_shortened_tag_12", Kind::kAes, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12)},
    {"ctr", Kind::kAes, PSA_ALG_CTR},
    {"none", Kind::kAes, PSA_ALG_NONE},
};

class PermittedAlgorithm : public ::testing::TestWithParam<AlgorithmRow> {};

TEST_P(PermittedAlgorithm, StoredAsGiven) {
  const AlgorithmRow& row = GetParam();
  const psa_key_id_t key = ImportKind(row.kind, PSA_KEY_USAGE_EXPORT, row.alg);
  ASSERT_NE(key, PSA_KEY_ID_NULL);
  ExpectPolicy(key, PSA_KEY_USAGE_EXPORT, row.alg);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

INSTANTIATE_TEST_SUITE_P(Spec, PermittedAlgorithm, ::testing::ValuesIn(kAlgorithmRows),
                         [](const ::testing::TestParamInfo<AlgorithmRow>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// Destroyed and invalid identifiers.

TEST(Destroy, DestroyedKeyIsAnInvalidHandleEverywhere) {
  for (Kind kind : {Kind::kAes, Kind::kP256, Kind::kRsa}) {
    SCOPED_TRACE(static_cast<int>(kind));
    const psa_key_id_t key = ImportKind(kind, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY, PSA_ALG_NONE);
    ASSERT_PSA(PSA_SUCCESS, psa_destroy_key(key));

    psa_key_attributes_t attributes = MakeAttributes(PSA_KEY_TYPE_AES, 256, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_GCM, 7);
    EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, psa_get_key_attributes(key, &attributes));
    // "On failure, it is equivalent to a freshly-initialized attribute object."
    EXPECT_EQ(psa_get_key_type(&attributes), PSA_KEY_TYPE_NONE);
    EXPECT_EQ(psa_get_key_bits(&attributes), 0u);
    EXPECT_EQ(psa_get_key_usage_flags(&attributes), 0u);
    EXPECT_EQ(psa_get_key_algorithm(&attributes), PSA_ALG_NONE);
    EXPECT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_VOLATILE);
    EXPECT_EQ(psa_get_key_id(&attributes), PSA_KEY_ID_NULL);

    Bytes out;
    EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, Export(key, &out));
    EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, ExportPublic(key, &out));
    const psa_key_attributes_t target = MakeAttributes(PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    psa_key_id_t copy = 0x5a5a5a5a;
    EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, psa_copy_key(key, &target, &copy));
    EXPECT_EQ(copy, PSA_KEY_ID_NULL);
    EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, psa_purge_key(key));
    EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, psa_destroy_key(key));
  }
}

TEST(Destroy, NullIdentifier) {
  // "psa_destroy_key(PSA_KEY_ID_NULL) ... has no effect and always returns
  // PSA_SUCCESS"; everywhere else the null identifier is invalid.
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(PSA_KEY_ID_NULL));
  psa_key_attributes_t attributes = psa_key_attributes_init();
  EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, psa_get_key_attributes(PSA_KEY_ID_NULL, &attributes));
  Bytes out;
  EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, Export(PSA_KEY_ID_NULL, &out));
  EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, ExportPublic(PSA_KEY_ID_NULL, &out));
  EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, psa_purge_key(PSA_KEY_ID_NULL));
}

TEST(Destroy, NeverCreatedIdentifiers) {
  for (psa_key_id_t id : {psa_key_id_t{1}, psa_key_id_t{0x3fffffff}, PSA_KEY_ID_VENDOR_MIN, PSA_KEY_ID_VENDOR_MAX,
                          psa_key_id_t{0x80000000u}, psa_key_id_t{0xffffffffu}}) {
    SCOPED_TRACE(id);
    psa_key_attributes_t attributes = psa_key_attributes_init();
    EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, psa_get_key_attributes(id, &attributes));
    Bytes out;
    EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, Export(id, &out));
    EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, psa_destroy_key(id));
  }
}

TEST(Destroy, OtherKeysSurvive) {
  const psa_key_id_t a = ImportKind(Kind::kAes, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
  const psa_key_id_t b = ImportKind(Kind::kHmac, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
  EXPECT_NE(a, b);
  ASSERT_PSA(PSA_SUCCESS, psa_destroy_key(a));
  Bytes out;
  EXPECT_PSA(PSA_SUCCESS, Export(b, &out));
  EXPECT_EQ(ToHex(out), ToHex(MaterialOf(Kind::kHmac)));
  // A new key does not reuse the destroyed key's identifier to reach b.
  const psa_key_id_t c = ImportKind(Kind::kAes, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
  EXPECT_NE(c, b);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(b));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(c));
}

TEST(Purge, VolatileKeyStaysUsable) {
  const psa_key_id_t key = ImportKind(Kind::kAes, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_CACHE, PSA_ALG_NONE);
  EXPECT_PSA(PSA_SUCCESS, psa_purge_key(key));
  Bytes out;
  EXPECT_PSA(PSA_SUCCESS, Export(key, &out));
  EXPECT_EQ(ToHex(out), ToHex(MaterialOf(Kind::kAes)));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST(Purge, PersistentKeyStaysUsable) {
  const psa_key_id_t id = 0x00beef01;
  for (psa_key_usage_t cache : {psa_key_usage_t{0}, PSA_KEY_USAGE_CACHE}) {
    SCOPED_TRACE(cache);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_PSA(PSA_SUCCESS, Import(MakeAttributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT | cache, PSA_ALG_NONE, id),
                                   MaterialOf(Kind::kAes), &key));
    EXPECT_EQ(key, id);
    EXPECT_PSA(PSA_SUCCESS, psa_purge_key(key));
    Bytes out;
    EXPECT_PSA(PSA_SUCCESS, Export(key, &out));
    EXPECT_EQ(ToHex(out), ToHex(MaterialOf(Kind::kAes)));
    ExpectPolicy(key, PSA_KEY_USAGE_EXPORT | cache, PSA_ALG_NONE);
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
}

}  // namespace
}  // namespace psa::keys_testing
