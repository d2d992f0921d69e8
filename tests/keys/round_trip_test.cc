// Import -> export round trips for every key type and size of issue 3,
// through the public API of a builtin-only build:
//   - the attributes after import (type, bits determined when 0, policy,
//     lifetime, a volatile id from the vendor range);
//   - psa_export_key gives back exactly the imported bytes (the import
//     format is the export format), psa_export_public_key gives OpenSSL's
//     public key for every key pair (known answers, testdata/keys.inc);
//   - buffer sizes: PSA_EXPORT_KEY_OUTPUT_SIZE and
//     PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE suffice, one byte less is
//     PSA_ERROR_BUFFER_TOO_SMALL;
//   - generation of every type and size, the generated material checked
//     independently (tests/keys/key_oracle.h);
//   - key types that Mbed TLS 2.28 cannot handle give
//     PSA_ERROR_NOT_SUPPORTED, on import and on generation.

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/keys/key_oracle.h"
#include "tests/keys/key_test_util.h"
#include "tests/keys/key_vectors.h"

namespace psa::keys_testing {
namespace {

const int kRegistered = (RegisterStorageEnvironment(), 0);

constexpr psa_key_usage_t kExportable = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY;

// Checks what psa_get_key_attributes reports for a volatile key.
void ExpectAttributes(psa_key_id_t key, psa_key_type_t type, size_t bits, psa_key_usage_t usage,
                      psa_algorithm_t alg) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  ASSERT_PSA(PSA_SUCCESS, psa_get_key_attributes(key, &attributes));
  EXPECT_EQ(psa_get_key_type(&attributes), type);
  EXPECT_EQ(psa_get_key_bits(&attributes), bits);
  EXPECT_EQ(psa_get_key_usage_flags(&attributes), usage);
  EXPECT_EQ(psa_get_key_algorithm(&attributes), alg);
  EXPECT_EQ(psa_get_key_lifetime(&attributes), PSA_KEY_LIFETIME_VOLATILE);
  psa_reset_key_attributes(&attributes);
  // Volatile identifiers come from the vendor range (Key identifiers).
  EXPECT_GE(key, PSA_KEY_ID_VENDOR_MIN);
  EXPECT_LE(key, PSA_KEY_ID_VENDOR_MAX);
}

// ---------------------------------------------------------------------------
// Unstructured (symmetric and non-key) types.

struct SymmetricCase {
  const char* name;
  psa_key_type_t type;
  size_t bytes;
};

void PrintTo(const SymmetricCase& value, std::ostream* os) { *os << value.name; }

// Every unstructured type of the issue, at every size it names; for the
// free-size types a few sizes including 1 byte and a long one.
const SymmetricCase kSymmetricCases[] = {
    {"raw_data_1", PSA_KEY_TYPE_RAW_DATA, 1},
    {"raw_data_16", PSA_KEY_TYPE_RAW_DATA, 16},
    {"raw_data_1000", PSA_KEY_TYPE_RAW_DATA, 1000},
    {"hmac_1", PSA_KEY_TYPE_HMAC, 1},
    {"hmac_20", PSA_KEY_TYPE_HMAC, 20},
    {"hmac_32", PSA_KEY_TYPE_HMAC, 32},
    {"hmac_64", PSA_KEY_TYPE_HMAC, 64},
    {"derive_16", PSA_KEY_TYPE_DERIVE, 16},
    {"derive_32", PSA_KEY_TYPE_DERIVE, 32},
    {"derive_100", PSA_KEY_TYPE_DERIVE, 100},
    {"password_8", PSA_KEY_TYPE_PASSWORD, 8},
    {"password_33", PSA_KEY_TYPE_PASSWORD, 33},
    {"password_hash_32", PSA_KEY_TYPE_PASSWORD_HASH, 32},
    {"password_hash_64", PSA_KEY_TYPE_PASSWORD_HASH, 64},
    {"pepper_16", PSA_KEY_TYPE_PEPPER, 16},
    {"pepper_32", PSA_KEY_TYPE_PEPPER, 32},
    {"aes_128", PSA_KEY_TYPE_AES, 16},
    {"aes_192", PSA_KEY_TYPE_AES, 24},
    {"aes_256", PSA_KEY_TYPE_AES, 32},
    {"aria_128", PSA_KEY_TYPE_ARIA, 16},
    {"aria_192", PSA_KEY_TYPE_ARIA, 24},
    {"aria_256", PSA_KEY_TYPE_ARIA, 32},
    {"camellia_128", PSA_KEY_TYPE_CAMELLIA, 16},
    {"camellia_192", PSA_KEY_TYPE_CAMELLIA, 24},
    {"camellia_256", PSA_KEY_TYPE_CAMELLIA, 32},
    {"des_single", PSA_KEY_TYPE_DES, 8},
    {"des_2key", PSA_KEY_TYPE_DES, 16},
    {"des_3key", PSA_KEY_TYPE_DES, 24},
    {"chacha20", PSA_KEY_TYPE_CHACHA20, 32},
};

class SymmetricRoundTrip : public ::testing::TestWithParam<SymmetricCase> {
 protected:
  Bytes Material() const {
    Bytes data = PatternBytes(GetParam().bytes, static_cast<uint8_t>(GetParam().type + GetParam().bytes));
    return GetParam().type == PSA_KEY_TYPE_DES ? WithDesParity(data) : data;
  }
};

TEST_P(SymmetricRoundTrip, ImportDeterminesBitsAndExportsTheSameBytes) {
  const SymmetricCase& c = GetParam();
  const Bytes data = Material();
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, Import(MakeAttributes(c.type, 0, kExportable, PSA_ALG_NONE), data, &key));
  ExpectAttributes(key, c.type, 8 * c.bytes, kExportable, PSA_ALG_NONE);
  Bytes exported;
  EXPECT_PSA(PSA_SUCCESS, Export(key, &exported));
  EXPECT_EQ(ToHex(exported), ToHex(data));
  // A symmetric key has no public part.
  EXPECT_PSA(PSA_ERROR_INVALID_ARGUMENT, ExportPublic(key, &exported));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_P(SymmetricRoundTrip, ImportWithMatchingBits) {
  const SymmetricCase& c = GetParam();
  const Bytes data = Material();
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, Import(MakeAttributes(c.type, 8 * c.bytes, kExportable, PSA_ALG_NONE), data, &key));
  ExpectAttributes(key, c.type, 8 * c.bytes, kExportable, PSA_ALG_NONE);
  Bytes exported;
  EXPECT_PSA(PSA_SUCCESS, Export(key, &exported));
  EXPECT_EQ(ToHex(exported), ToHex(data));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_P(SymmetricRoundTrip, ExportBufferSizes) {
  const SymmetricCase& c = GetParam();
  const Bytes data = Material();
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, Import(MakeAttributes(c.type, 0, kExportable, PSA_ALG_NONE), data, &key));
  EXPECT_GE(PSA_EXPORT_KEY_OUTPUT_SIZE(c.type, 8 * c.bytes), c.bytes);
  Bytes exported;
  EXPECT_PSA(PSA_SUCCESS, Export(key, &exported, c.bytes));
  EXPECT_EQ(ToHex(exported), ToHex(data));
  EXPECT_PSA(PSA_ERROR_BUFFER_TOO_SMALL, Export(key, &exported, c.bytes - 1));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_P(SymmetricRoundTrip, GenerateThenReimport) {
  const SymmetricCase& c = GetParam();
  psa_key_id_t first = PSA_KEY_ID_NULL, second = PSA_KEY_ID_NULL;
  const psa_key_attributes_t attributes = MakeAttributes(c.type, 8 * c.bytes, kExportable, PSA_ALG_NONE);
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&attributes, &first));
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&attributes, &second));
  ExpectAttributes(first, c.type, 8 * c.bytes, kExportable, PSA_ALG_NONE);
  Bytes a, b;
  ASSERT_PSA(PSA_SUCCESS, Export(first, &a));
  ASSERT_PSA(PSA_SUCCESS, Export(second, &b));
  EXPECT_EQ(a.size(), c.bytes);
  if (c.bytes >= 8) {
    EXPECT_NE(ToHex(a), ToHex(b)) << "two generated keys are equal";
  }
  // Generated keys are valid keys (driver interface, "Key validation").
  if (c.type == PSA_KEY_TYPE_DES) {
    EXPECT_TRUE(HasDesParity(a)) << ToHex(a);
    EXPECT_TRUE(HasDesParity(b)) << ToHex(b);
  }
  psa_key_id_t reimported = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, Import(MakeAttributes(c.type, 0, kExportable, PSA_ALG_NONE), a, &reimported));
  Bytes again;
  EXPECT_PSA(PSA_SUCCESS, Export(reimported, &again));
  EXPECT_EQ(ToHex(again), ToHex(a));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(first));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(second));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(reimported));
}

INSTANTIATE_TEST_SUITE_P(AllTypes, SymmetricRoundTrip, ::testing::ValuesIn(kSymmetricCases),
                         [](const ::testing::TestParamInfo<SymmetricCase>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// Asymmetric types that Mbed TLS 2.28 handles.

const char* const kSupportedAsymmetric[] = {
    "prime192v1",      "secp224r1",       "prime256v1",       "secp384r1", "secp521r1", "secp192k1",
    "secp224k1",       "secp256k1",       "brainpoolP256r1", "brainpoolP384r1",  "brainpoolP512r1",
    "x25519",          "x448",            "rsa1024",          "rsa2048",   "rsa3072",   "rsa4096",
    "wycheproof_rsa2048",
};

class AsymmetricRoundTrip : public ::testing::TestWithParam<const char*> {
 protected:
  const AsymmetricKeyVector& vector() const { return KeyVector(GetParam()); }
};

TEST_P(AsymmetricRoundTrip, KeyPairImportExportAndPublicKnownAnswer) {
  const AsymmetricKeyVector& v = vector();
  const Bytes pair = FromHex(v.pair_hex);
  const Bytes expected_public = FromHex(v.public_hex);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, Import(MakeAttributes(v.pair_type, 0, kExportable, PSA_ALG_NONE), pair, &key));
  ExpectAttributes(key, v.pair_type, v.bits, kExportable, PSA_ALG_NONE);
  Bytes exported, exported_public;
  EXPECT_PSA(PSA_SUCCESS, Export(key, &exported));
  EXPECT_EQ(ToHex(exported), ToHex(pair));
  EXPECT_PSA(PSA_SUCCESS, ExportPublic(key, &exported_public));
  EXPECT_EQ(ToHex(exported_public), ToHex(expected_public)) << "public key differs from OpenSSL's";
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_P(AsymmetricRoundTrip, KeyPairImportWithMatchingBits) {
  const AsymmetricKeyVector& v = vector();
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS,
             Import(MakeAttributes(v.pair_type, v.bits, kExportable, PSA_ALG_NONE), FromHex(v.pair_hex), &key));
  ExpectAttributes(key, v.pair_type, v.bits, kExportable, PSA_ALG_NONE);
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

TEST_P(AsymmetricRoundTrip, PublicKeyImportAndExport) {
  const AsymmetricKeyVector& v = vector();
  const Bytes public_key = FromHex(v.public_hex);
  for (size_t bits : {size_t{0}, v.bits}) {
    SCOPED_TRACE("bits in attributes: " + std::to_string(bits));
    psa_key_id_t key = PSA_KEY_ID_NULL;
    // No usage flag: a public key can always be exported.
    ASSERT_PSA(PSA_SUCCESS, Import(MakeAttributes(v.public_type, bits, 0, PSA_ALG_NONE), public_key, &key));
    ExpectAttributes(key, v.public_type, v.bits, 0, PSA_ALG_NONE);
    Bytes exported;
    EXPECT_PSA(PSA_SUCCESS, Export(key, &exported));
    EXPECT_EQ(ToHex(exported), ToHex(public_key));
    EXPECT_PSA(PSA_SUCCESS, ExportPublic(key, &exported));
    EXPECT_EQ(ToHex(exported), ToHex(public_key));
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
}

TEST_P(AsymmetricRoundTrip, ExportBufferSizes) {
  const AsymmetricKeyVector& v = vector();
  const Bytes pair = FromHex(v.pair_hex);
  const Bytes public_key = FromHex(v.public_hex);
  EXPECT_GE(PSA_EXPORT_KEY_OUTPUT_SIZE(v.pair_type, v.bits), pair.size());
  EXPECT_GE(PSA_EXPORT_KEY_OUTPUT_SIZE(v.public_type, v.bits), public_key.size());
  EXPECT_GE(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(v.pair_type, v.bits), public_key.size());
  EXPECT_GE(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(v.public_type, v.bits), public_key.size());
  EXPECT_GE(PSA_EXPORT_KEY_PAIR_MAX_SIZE, pair.size());
  EXPECT_GE(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE, public_key.size());

  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, Import(MakeAttributes(v.pair_type, 0, kExportable, PSA_ALG_NONE), pair, &key));
  Bytes out;
  EXPECT_PSA(PSA_SUCCESS, Export(key, &out, PSA_EXPORT_KEY_OUTPUT_SIZE(v.pair_type, v.bits)));
  EXPECT_PSA(PSA_SUCCESS, Export(key, &out, pair.size()));
  EXPECT_PSA(PSA_ERROR_BUFFER_TOO_SMALL, Export(key, &out, pair.size() - 1));
  EXPECT_PSA(PSA_SUCCESS, ExportPublic(key, &out, PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(v.pair_type, v.bits)));
  EXPECT_PSA(PSA_SUCCESS, ExportPublic(key, &out, public_key.size()));
  EXPECT_PSA(PSA_ERROR_BUFFER_TOO_SMALL, ExportPublic(key, &out, public_key.size() - 1));
  EXPECT_PSA(PSA_ERROR_BUFFER_TOO_SMALL, ExportPublic(key, &out, 0));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

std::string VectorName(const ::testing::TestParamInfo<const char*>& info) { return info.param; }

INSTANTIATE_TEST_SUITE_P(Supported, AsymmetricRoundTrip, ::testing::ValuesIn(kSupportedAsymmetric), VectorName);

TEST(AsymmetricRoundTrip, WycheproofP256PublicKey) {
  const AsymmetricKeyVector& v = KeyVector("wycheproof_p256_public");
  const Bytes public_key = FromHex(v.public_hex);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, Import(MakeAttributes(v.public_type, 0, 0, PSA_ALG_NONE), public_key, &key));
  ExpectAttributes(key, v.public_type, 256, 0, PSA_ALG_NONE);
  Bytes exported;
  EXPECT_PSA(PSA_SUCCESS, Export(key, &exported));
  EXPECT_EQ(ToHex(exported), ToHex(public_key));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
}

// ---------------------------------------------------------------------------
// Generation of asymmetric keys, checked by the oracle.

// The oracle itself agrees with OpenSSL on every known key it can handle:
// a wrong oracle cannot pass (or fail) the generation tests below.
TEST(Oracle, AgreesWithOpenSslOnKnownKeys) {
  size_t ecc = 0, rsa = 0;
  for (const char* name : kSupportedAsymmetric) {
    SCOPED_TRACE(name);
    const AsymmetricKeyVector& v = KeyVector(name);
    std::string why;
    if (PSA_KEY_TYPE_IS_ECC(v.pair_type)) {
      Bytes public_key;
      ASSERT_TRUE(EccPublicKeyOf(PSA_KEY_TYPE_ECC_GET_FAMILY(v.pair_type), v.bits, FromHex(v.pair_hex), &public_key,
                                 &why))
          << why;
      EXPECT_EQ(ToHex(public_key), v.public_hex);
      ++ecc;
    } else {
      EXPECT_TRUE(RsaKeyPairIsValid(FromHex(v.pair_hex), v.bits, 65537, &why)) << why;
      Bytes public_key;
      ASSERT_TRUE(RsaPublicKeyOf(FromHex(v.pair_hex), &public_key));
      EXPECT_EQ(ToHex(public_key), v.public_hex);
      // And it refuses a key of another size or with a damaged field.
      EXPECT_FALSE(RsaKeyPairIsValid(FromHex(v.pair_hex), v.bits + 8, 65537, &why));
      RsaPrivateKeyFields fields;
      ASSERT_TRUE(ParseRsaPrivateKey(FromHex(v.pair_hex), &fields));
      fields.qinv.back() ^= 1;
      EXPECT_FALSE(RsaKeyPairIsValid(fields.Encode(), v.bits, 65537, &why));
      ++rsa;
    }
  }
  EXPECT_EQ(ecc, 13u);
  EXPECT_EQ(rsa, 5u);
  // Out of range: d = 0.
  Bytes public_key;
  std::string why;
  EXPECT_FALSE(EccPublicKeyOf(PSA_ECC_FAMILY_SECP_R1, 256, Bytes(32, 0), &public_key, &why));
}

struct EccCurve {
  const char* name;
  psa_ecc_family_t family;
  size_t bits;
};

void PrintTo(const EccCurve& value, std::ostream* os) { *os << value.name; }

const EccCurve kSupportedCurves[] = {
    {"secp192r1", PSA_ECC_FAMILY_SECP_R1, 192},
    {"secp224r1", PSA_ECC_FAMILY_SECP_R1, 224},
    {"secp256r1", PSA_ECC_FAMILY_SECP_R1, 256},
    {"secp384r1", PSA_ECC_FAMILY_SECP_R1, 384},
    {"secp521r1", PSA_ECC_FAMILY_SECP_R1, 521},
    {"secp192k1", PSA_ECC_FAMILY_SECP_K1, 192},
    {"secp224k1", PSA_ECC_FAMILY_SECP_K1, 225},
    {"secp256k1", PSA_ECC_FAMILY_SECP_K1, 256},
    {"brainpoolP256r1", PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256},
    {"brainpoolP384r1", PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384},
    {"brainpoolP512r1", PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512},
    {"curve25519", PSA_ECC_FAMILY_MONTGOMERY, 255},
    {"curve448", PSA_ECC_FAMILY_MONTGOMERY, 448},
};

class EccGeneration : public ::testing::TestWithParam<EccCurve> {};

TEST_P(EccGeneration, GeneratedKeyPairIsValidAndRoundTrips) {
  const EccCurve& c = GetParam();
  const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(c.family);
  const psa_key_attributes_t attributes = MakeAttributes(type, c.bits, kExportable, PSA_ALG_NONE);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&attributes, &key));
  ExpectAttributes(key, type, c.bits, kExportable, PSA_ALG_NONE);
  Bytes private_key, public_key;
  ASSERT_PSA(PSA_SUCCESS, Export(key, &private_key));
  ASSERT_PSA(PSA_SUCCESS, ExportPublic(key, &public_key));
  EXPECT_EQ(private_key.size(), (c.bits + 7) / 8);
  if (c.family == PSA_ECC_FAMILY_MONTGOMERY) {
    // RFC 7748 decodeScalar: the forced bits are already set.
    if (c.bits == 255) {
      EXPECT_EQ(private_key[0] & 7, 0);
      EXPECT_EQ(private_key[31] & 0xc0, 0x40);
    } else {
      EXPECT_EQ(private_key[0] & 3, 0);
      EXPECT_EQ(private_key[55] & 0x80, 0x80);
    }
  }
  Bytes expected_public;
  std::string why;
  ASSERT_TRUE(EccPublicKeyOf(c.family, c.bits, private_key, &expected_public, &why)) << why;
  EXPECT_EQ(ToHex(public_key), ToHex(expected_public));

  // Re-import the exported private key: same public key.
  psa_key_id_t reimported = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, Import(MakeAttributes(type, 0, kExportable, PSA_ALG_NONE), private_key, &reimported));
  ExpectAttributes(reimported, type, c.bits, kExportable, PSA_ALG_NONE);
  Bytes public_again;
  EXPECT_PSA(PSA_SUCCESS, ExportPublic(reimported, &public_again));
  EXPECT_EQ(ToHex(public_again), ToHex(public_key));

  // Two generated keys differ.
  psa_key_id_t other = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&attributes, &other));
  Bytes other_private;
  EXPECT_PSA(PSA_SUCCESS, Export(other, &other_private));
  EXPECT_NE(ToHex(other_private), ToHex(private_key));

  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(reimported));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(other));
}

INSTANTIATE_TEST_SUITE_P(Supported, EccGeneration, ::testing::ValuesIn(kSupportedCurves),
                         [](const ::testing::TestParamInfo<EccCurve>& info) { return info.param.name; });

class RsaGeneration : public ::testing::TestWithParam<size_t> {};

TEST_P(RsaGeneration, GeneratedKeyPairIsValidWithExponent65537) {
  const size_t bits = GetParam();
  const psa_key_attributes_t attributes = MakeAttributes(PSA_KEY_TYPE_RSA_KEY_PAIR, bits, kExportable, PSA_ALG_NONE);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS, psa_generate_key(&attributes, &key));
  ExpectAttributes(key, PSA_KEY_TYPE_RSA_KEY_PAIR, bits, kExportable, PSA_ALG_NONE);
  Bytes pair, public_key;
  ASSERT_PSA(PSA_SUCCESS, Export(key, &pair));
  ASSERT_PSA(PSA_SUCCESS, ExportPublic(key, &public_key));
  EXPECT_LE(pair.size(), PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, bits));
  std::string why;
  EXPECT_TRUE(RsaKeyPairIsValid(pair, bits, 65537, &why)) << why;
  Bytes expected_public;
  ASSERT_TRUE(RsaPublicKeyOf(pair, &expected_public));
  EXPECT_EQ(ToHex(public_key), ToHex(expected_public));

  psa_key_id_t reimported = PSA_KEY_ID_NULL;
  ASSERT_PSA(PSA_SUCCESS,
             Import(MakeAttributes(PSA_KEY_TYPE_RSA_KEY_PAIR, 0, kExportable, PSA_ALG_NONE), pair, &reimported));
  ExpectAttributes(reimported, PSA_KEY_TYPE_RSA_KEY_PAIR, bits, kExportable, PSA_ALG_NONE);
  Bytes again;
  EXPECT_PSA(PSA_SUCCESS, Export(reimported, &again));
  EXPECT_EQ(ToHex(again), ToHex(pair));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(reimported));
}

INSTANTIATE_TEST_SUITE_P(Sizes, RsaGeneration, ::testing::Values(1024, 2048, 3072, 4096),
                         [](const ::testing::TestParamInfo<size_t>& info) {
                           return "rsa" + std::to_string(info.param);
                         });

// ---------------------------------------------------------------------------
// Types that Mbed TLS 2.28 cannot handle: PSA_ERROR_NOT_SUPPORTED ("The key
// attributes, as a whole, are not supported"), for valid key data.

const char* const kUnsupportedAsymmetric[] = {
    "brainpoolP160r1",  // not in Mbed TLS 2.28
    "brainpoolP192r1",  "brainpoolP224r1", "brainpoolP320r1",
    "sect163k1",        // binary curves: none in Mbed TLS
    "sect233k1",        "sect233r1",
    "ed25519",          // no EdDSA in Mbed TLS 2.28
    "ed448",
    "ffdhe2048",        // PSA_KEY_TYPE_DH_*: not implemented over Mbed TLS 2.28
};

class UnsupportedAsymmetric : public ::testing::TestWithParam<const char*> {};

TEST_P(UnsupportedAsymmetric, ImportAndGenerateAreNotSupported) {
  const AsymmetricKeyVector& v = KeyVector(GetParam());
  psa_key_id_t key = 0x1234;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED,
             Import(MakeAttributes(v.pair_type, 0, kExportable, PSA_ALG_NONE), FromHex(v.pair_hex), &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  key = 0x1234;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED,
             Import(MakeAttributes(v.pair_type, v.bits, kExportable, PSA_ALG_NONE), FromHex(v.pair_hex), &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  key = 0x1234;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED,
             Import(MakeAttributes(v.public_type, 0, 0, PSA_ALG_NONE), FromHex(v.public_hex), &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
  const psa_key_attributes_t attributes = MakeAttributes(v.pair_type, v.bits, kExportable, PSA_ALG_NONE);
  key = 0x1234;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, psa_generate_key(&attributes, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
}

INSTANTIATE_TEST_SUITE_P(MbedTls228, UnsupportedAsymmetric, ::testing::ValuesIn(kUnsupportedAsymmetric),
                         VectorName);

// ---------------------------------------------------------------------------
// Generation requests the specification rejects.

struct GenerateCase {
  const char* name;
  psa_key_type_t type;
  size_t bits;
  psa_status_t expected;
};

void PrintTo(const GenerateCase& value, std::ostream* os) { *os << value.name; }

const GenerateCase kGenerateRejects[] = {
    // "The key type is ... an asymmetric public-key type" -> INVALID_ARGUMENT.
    {"ecc_public_key", PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256, PSA_ERROR_INVALID_ARGUMENT},
    {"rsa_public_key", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048, PSA_ERROR_INVALID_ARGUMENT},
    // "Implementations must reject an attempt to generate a key of size 0";
    // "The key size is not valid for the key type" -> INVALID_ARGUMENT.
    {"aes_bits_0", PSA_KEY_TYPE_AES, 0, PSA_ERROR_INVALID_ARGUMENT},
    {"hmac_bits_0", PSA_KEY_TYPE_HMAC, 0, PSA_ERROR_INVALID_ARGUMENT},
    {"ecc_bits_0", PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 0, PSA_ERROR_INVALID_ARGUMENT},
    {"aes_bits_100", PSA_KEY_TYPE_AES, 100, PSA_ERROR_INVALID_ARGUMENT},
    {"des_bits_56", PSA_KEY_TYPE_DES, 56, PSA_ERROR_INVALID_ARGUMENT},
    {"chacha20_bits_128", PSA_KEY_TYPE_CHACHA20, 128, PSA_ERROR_INVALID_ARGUMENT},
    {"hmac_bits_not_whole_bytes", PSA_KEY_TYPE_HMAC, 129, PSA_ERROR_INVALID_ARGUMENT},
    // SECP_R1 has no 255-bit curve (a size, not a missing implementation).
    {"secp_r1_bits_255", PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 255, PSA_ERROR_INVALID_ARGUMENT},
    {"montgomery_bits_256", PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 256, PSA_ERROR_INVALID_ARGUMENT},
    // "The key type is invalid": none; an ECC family in 0x80-0xff, which
    // "must not be used".
    {"type_none", PSA_KEY_TYPE_NONE, 128, PSA_ERROR_NOT_SUPPORTED},
    {"type_ecc_family_0x81", PSA_KEY_TYPE_ECC_KEY_PAIR(0x81), 256, PSA_ERROR_INVALID_ARGUMENT},
};

class GenerateRejects : public ::testing::TestWithParam<GenerateCase> {};

TEST_P(GenerateRejects, WithSpecifiedStatus) {
  const GenerateCase& c = GetParam();
  const psa_key_attributes_t attributes = MakeAttributes(c.type, c.bits, kExportable, PSA_ALG_NONE);
  psa_key_id_t key = 0x1234;
  EXPECT_PSA(c.expected, psa_generate_key(&attributes, &key));
  EXPECT_EQ(key, PSA_KEY_ID_NULL);
}

INSTANTIATE_TEST_SUITE_P(Spec, GenerateRejects, ::testing::ValuesIn(kGenerateRejects),
                         [](const ::testing::TestParamInfo<GenerateCase>& info) { return info.param.name; });

}  // namespace
}  // namespace psa::keys_testing
