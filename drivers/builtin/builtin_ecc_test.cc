// Driver-level tests of the builtin ECC key management, through the C entry
// points: round trips and public key derivation against OpenSSL-generated
// key pairs (testdata/openssl_keys.json) and RFC 7748, Wycheproof public and
// private keys (testdata/wycheproof_keys.json), generation, buffer sizes, and
// a table of invalid imports with their statuses.

#include "drivers/builtin/builtin_ecc.h"

#include <stddef.h>
#include <stdint.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "drivers/builtin/key_management_test_util.h"
#include "gtest/gtest.h"
#include "mbedtls/ecp.h"

namespace drivers::builtin {
namespace {

using ::drivers::builtin::testing::Bytes;
using ::drivers::builtin::testing::ExportPublic;
using ::drivers::builtin::testing::FromHex;
using ::drivers::builtin::testing::Generate;
using ::drivers::builtin::testing::Import;
using ::drivers::builtin::testing::ImportStatus;
using ::drivers::builtin::testing::KeyManagementTest;
using ::drivers::builtin::testing::LoadTestData;
using ::drivers::builtin::testing::ToHex;

constexpr psa_ecc_family_t kSecpR1 = PSA_ECC_FAMILY_SECP_R1;
constexpr psa_ecc_family_t kSecpK1 = PSA_ECC_FAMILY_SECP_K1;
constexpr psa_ecc_family_t kBrainpool = PSA_ECC_FAMILY_BRAINPOOL_P_R1;
constexpr psa_ecc_family_t kMontgomery = PSA_ECC_FAMILY_MONTGOMERY;

constexpr psa_key_type_t KeyPair(psa_ecc_family_t family) {
  return PSA_KEY_TYPE_ECC_KEY_PAIR(family);
}
constexpr psa_key_type_t PublicKey(psa_ecc_family_t family) {
  return PSA_KEY_TYPE_ECC_PUBLIC_KEY(family);
}

struct SupportedCurve {
  psa_ecc_family_t family;
  size_t bits;
  mbedtls_ecp_group_id group_id;
};

// The curves the driver must support (builtin_key_management.h).
const SupportedCurve kSupportedCurves[] = {
    {kSecpR1, 192, MBEDTLS_ECP_DP_SECP192R1},
    {kSecpR1, 224, MBEDTLS_ECP_DP_SECP224R1},
    {kSecpR1, 256, MBEDTLS_ECP_DP_SECP256R1},
    {kSecpR1, 384, MBEDTLS_ECP_DP_SECP384R1},
    {kSecpR1, 521, MBEDTLS_ECP_DP_SECP521R1},
    {kSecpK1, 192, MBEDTLS_ECP_DP_SECP192K1},
    {kSecpK1, 225, MBEDTLS_ECP_DP_SECP224K1},
    {kSecpK1, 256, MBEDTLS_ECP_DP_SECP256K1},
    {kBrainpool, 256, MBEDTLS_ECP_DP_BP256R1},
    {kBrainpool, 384, MBEDTLS_ECP_DP_BP384R1},
    {kBrainpool, 512, MBEDTLS_ECP_DP_BP512R1},
    {kMontgomery, 255, MBEDTLS_ECP_DP_CURVE25519},
    {kMontgomery, 448, MBEDTLS_ECP_DP_CURVE448},
};

std::string CurveName(const SupportedCurve& curve) {
  return "family 0x" + ToHex({curve.family}) + " bits " +
         std::to_string(curve.bits);
}

size_t PrivateKeyLength(size_t bits) { return (bits + 7) / 8; }

// NIST P-256 (SEC 2 secp256r1) domain parameters, big-endian.
const char kP256Prime[] =
    "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";
const char kP256Order[] =
    "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
const char kP256Gx[] =
    "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";
const char kP256Gy[] =
    "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";

Bytes Concat(std::initializer_list<Bytes> parts) {
  Bytes all;
  for (const Bytes& part : parts)
    all.insert(all.end(), part.begin(), part.end());
  return all;
}

// Big-endian a + delta (delta may be negative), same length, no overflow.
Bytes AddSmall(Bytes value, int delta) {
  int carry = delta;
  for (size_t i = value.size(); i-- > 0 && carry != 0;) {
    const int sum = value[i] + carry;
    value[i] = static_cast<uint8_t>(sum & 0xFF);
    carry = sum >> 8;  // arithmetic shift: -1 borrows
  }
  return value;
}

// Big-endian a - b for a >= b of the same length.
Bytes Subtract(const Bytes& a, const Bytes& b) {
  Bytes result(a.size());
  int borrow = 0;
  for (size_t i = a.size(); i-- > 0;) {
    int difference = a[i] - b[i] - borrow;
    borrow = difference < 0 ? 1 : 0;
    result[i] = static_cast<uint8_t>(difference + 256 * borrow);
  }
  return result;
}

Bytes P256Generator() {
  return Concat({{0x04}, FromHex(kP256Gx), FromHex(kP256Gy)});
}

// The group order n of a Weierstrass curve, private_key_length bytes.
Bytes GroupOrder(const SupportedCurve& curve) {
  mbedtls_ecp_group group;
  mbedtls_ecp_group_init(&group);
  Bytes order(PrivateKeyLength(curve.bits));
  EXPECT_EQ(mbedtls_ecp_group_load(&group, curve.group_id), 0);
  EXPECT_EQ(mbedtls_mpi_write_binary(&group.N, order.data(), order.size()), 0);
  mbedtls_ecp_group_free(&group);
  return order;
}

// The RFC 7748 decodeScalar25519 / decodeScalar448 forced bits.
Bytes Clamp(size_t bits, Bytes scalar) {
  if (bits == 255) {
    scalar[0] &= 0xF8;
    scalar[31] &= 0x7F;
    scalar[31] |= 0x40;
  } else {
    scalar[0] &= 0xFC;
    scalar[55] |= 0x80;
  }
  return scalar;
}

class BuiltinEccTest : public KeyManagementTest {};

// The driver's curve table agrees with Mbed TLS's groups and with the PSA
// size rules: private keys of ceil(bits/8) bytes, coordinates of
// ceil(log2(p)/8) bytes.
TEST_F(BuiltinEccTest, CurveTableMatchesMbedtlsGroups) {
  for (const SupportedCurve& supported : kSupportedCurves) {
    SCOPED_TRACE(CurveName(supported));
    const EccCurve* curve = FindEccCurve(supported.family, supported.bits);
    ASSERT_NE(curve, nullptr);
    EXPECT_EQ(curve->group_id, supported.group_id);
    mbedtls_ecp_group group;
    mbedtls_ecp_group_init(&group);
    ASSERT_EQ(mbedtls_ecp_group_load(&group, supported.group_id), 0);
    EXPECT_EQ(curve->coordinate_length, (group.pbits + 7) / 8);
    EXPECT_EQ(curve->private_key_length, PrivateKeyLength(supported.bits));
    if (supported.family != kMontgomery) {
      EXPECT_EQ(mbedtls_mpi_bitlen(&group.N), supported.bits);
    } else {
      EXPECT_EQ(group.pbits, supported.bits);
    }
    mbedtls_ecp_group_free(&group);
  }
}

TEST_F(BuiltinEccTest, P256ConstantsAreMbedtlsOnes) {
  mbedtls_ecp_group group;
  mbedtls_ecp_group_init(&group);
  ASSERT_EQ(mbedtls_ecp_group_load(&group, MBEDTLS_ECP_DP_SECP256R1), 0);
  Bytes value(32);
  ASSERT_EQ(mbedtls_mpi_write_binary(&group.P, value.data(), 32), 0);
  EXPECT_EQ(ToHex(value), kP256Prime);
  ASSERT_EQ(mbedtls_mpi_write_binary(&group.N, value.data(), 32), 0);
  EXPECT_EQ(ToHex(value), kP256Order);
  mbedtls_ecp_group_free(&group);
}

// Every OpenSSL key pair: the private key imports with its size determined
// and checked, is stored as given (Montgomery: with the forced bits), and
// yields OpenSSL's public key; the public key imports and exports unchanged.
TEST_F(BuiltinEccTest, OpenSslKeyPairsRoundTripAndDeriveTheirPublicKeys) {
  const nlohmann::json data = LoadTestData("openssl_keys.json");
  std::set<std::string> curves_seen;
  for (const nlohmann::json& entry : data.at("ecc")) {
    const std::string curve = entry.at("curve");
    SCOPED_TRACE(curve);
    curves_seen.insert(curve);
    const std::string family_name = entry.at("family");
    const psa_ecc_family_t family = family_name == "SECP_R1"   ? kSecpR1
                                    : family_name == "SECP_K1" ? kSecpK1
                                    : family_name == "BRAINPOOL_P_R1"
                                        ? kBrainpool
                                        : kMontgomery;
    const size_t bits = entry.at("bits");
    const Bytes private_key = FromHex(entry.at("private"));
    const Bytes public_key = FromHex(entry.at("public"));
    const Bytes stored_private =
        family == kMontgomery ? Clamp(bits, private_key) : private_key;

    for (size_t given_bits : {size_t{0}, bits}) {
      const auto pair = Import(KeyPair(family), given_bits, private_key);
      ASSERT_EQ(pair.status, PSA_SUCCESS) << "given bits " << given_bits;
      EXPECT_EQ(pair.bits, bits);
      EXPECT_EQ(ToHex(pair.key), ToHex(stored_private));

      const auto derived = ExportPublic(KeyPair(family), bits, pair.key);
      ASSERT_EQ(derived.status, PSA_SUCCESS);
      EXPECT_EQ(ToHex(derived.output), ToHex(public_key));

      const auto imported_public =
          Import(PublicKey(family), given_bits, public_key);
      ASSERT_EQ(imported_public.status, PSA_SUCCESS);
      EXPECT_EQ(imported_public.bits, bits);
      EXPECT_EQ(imported_public.key, public_key);

      const auto exported = ExportPublic(PublicKey(family), bits, public_key);
      ASSERT_EQ(exported.status, PSA_SUCCESS);
      EXPECT_EQ(exported.output, public_key);
    }
  }
  EXPECT_EQ(curves_seen.size(), std::size(kSupportedCurves));
}

// RFC 7748 section 6: Alice's and Bob's keys. The private keys are not
// clamped as published: import sets the forced bits, and the public keys
// are the RFC's.
TEST_F(BuiltinEccTest, Rfc7748KeyPairs) {
  struct Vector {
    size_t bits;
    const char* private_key;
    const char* public_key;
  };
  const Vector kVectors[] = {
      {255, "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
       "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"},
      {255, "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
       "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"},
      {448,
       "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a941"
       "9744897391006382a6f127ab1d9ac2d8c0a598726b",
       "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc83664"
       "7241d953d40c5b12da88120d53177f80e532c41fa0"},
      {448,
       "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee8"
       "972b0d3e21374c9c921b09d1b0366f10b65173992d",
       "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34"
       "fb4232a13ca706dcb57aec3dae07bdc1c67bf33609"},
  };
  for (const Vector& vector : kVectors) {
    SCOPED_TRACE(vector.public_key);
    const Bytes private_key = FromHex(vector.private_key);
    const auto pair = Import(KeyPair(kMontgomery), 0, private_key);
    ASSERT_EQ(pair.status, PSA_SUCCESS);
    EXPECT_EQ(pair.bits, vector.bits);
    EXPECT_EQ(pair.key, Clamp(vector.bits, private_key));
    const auto derived =
        ExportPublic(KeyPair(kMontgomery), vector.bits, pair.key);
    ASSERT_EQ(derived.status, PSA_SUCCESS);
    EXPECT_EQ(ToHex(derived.output), vector.public_key);
  }
  // Alice's X25519 key needs all three adjustments: bits 0-2 and 255
  // cleared, bit 254 set.
  EXPECT_EQ(ToHex(Clamp(255, FromHex(kVectors[0].private_key))),
            "70076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c6a");
}

// Wycheproof ECDH P-256 peer keys, as raw points: valid ones import (with
// 256 bits determined), points off the curve are INVALID_ARGUMENT, the
// compressed point is INVALID_ARGUMENT (not the PSA format). Their private scalars import.
TEST_F(BuiltinEccTest, WycheproofP256Keys) {
  const nlohmann::json data = LoadTestData("wycheproof_keys.json");
  const nlohmann::json& ecdh = data.at("ecdh_secp256r1");
  const std::string uncompressed_prefix = ecdh.at("spki_prefix_uncompressed");
  const std::string compressed_prefix = ecdh.at("spki_prefix_compressed");
  size_t valid = 0, invalid = 0, compressed = 0;
  for (const nlohmann::json& test : ecdh.at("tests")) {
    const int id = test.at("tcId");
    SCOPED_TRACE("tcId " + std::to_string(id) + ": " +
                 test.at("comment").get<std::string>());
    const std::string spki = test.at("public");
    const bool is_compressed = spki.rfind(compressed_prefix, 0) == 0;
    const Bytes point = FromHex(spki.substr(
        (is_compressed ? compressed_prefix : uncompressed_prefix).size()));

    const auto imported = Import(PublicKey(kSecpR1), 0, point);
    if (is_compressed) {
      EXPECT_EQ(imported.status, PSA_ERROR_INVALID_ARGUMENT);
      ++compressed;
    } else if (test.at("result") == "invalid") {
      EXPECT_EQ(imported.status, PSA_ERROR_INVALID_ARGUMENT);
      ++invalid;
    } else {
      EXPECT_EQ(imported.status, PSA_SUCCESS);
      EXPECT_EQ(imported.bits, 256u);
      EXPECT_EQ(imported.key, point);
      ++valid;
    }

    // The private scalar, as an ASN.1 INTEGER's bytes: to 32 bytes.
    Bytes scalar = FromHex(test.at("private"));
    while (scalar.size() > 32 && scalar[0] == 0) scalar.erase(scalar.begin());
    scalar.insert(scalar.begin(), 32 - scalar.size(), 0);
    EXPECT_EQ(ImportStatus(KeyPair(kSecpR1), 256, scalar), PSA_SUCCESS);
  }
  EXPECT_GE(valid, 100u);
  EXPECT_GE(invalid, 15u);
  EXPECT_EQ(compressed, 1u);
}

// Wycheproof X25519 peer keys: u-coordinates of small order (0, 1, the
// points of order 8, p-1 and their non-canonical forms) are rejected;
// others, non-canonical and twist points included, import as given.
TEST_F(BuiltinEccTest, WycheproofX25519Keys) {
  const nlohmann::json data = LoadTestData("wycheproof_keys.json");
  size_t low_order = 0, accepted = 0;
  for (const nlohmann::json& test : data.at("x25519")) {
    const int id = test.at("tcId");
    SCOPED_TRACE("tcId " + std::to_string(id) + ": " +
                 test.at("comment").get<std::string>());
    const std::vector<std::string> flags = test.at("flags");
    const Bytes public_key = FromHex(test.at("public"));
    const auto imported = Import(PublicKey(kMontgomery), 0, public_key);
    if (std::find(flags.begin(), flags.end(), "LowOrderPublic") !=
        flags.end()) {
      EXPECT_EQ(imported.status, PSA_ERROR_INVALID_ARGUMENT);
      ++low_order;
    } else {
      EXPECT_EQ(imported.status, PSA_SUCCESS);
      EXPECT_EQ(imported.bits, 255u);
      EXPECT_EQ(imported.key, public_key);
      ++accepted;
    }
    const Bytes private_key = FromHex(test.at("private"));
    const auto pair = Import(KeyPair(kMontgomery), 255, private_key);
    EXPECT_EQ(pair.status, PSA_SUCCESS);
    EXPECT_EQ(pair.key, Clamp(255, private_key));
  }
  EXPECT_GE(low_order, 20u);
  EXPECT_GE(accepted, 40u);
}

// The smallest and largest private keys, 1 and n-1, import; d = 1 gives the
// generator and d = n-1 its negation (P-256: checked against SEC 2).
TEST_F(BuiltinEccTest, ScalarRangeEndsImport) {
  for (const SupportedCurve& curve : kSupportedCurves) {
    if (curve.family == kMontgomery) continue;
    SCOPED_TRACE(CurveName(curve));
    const Bytes order = GroupOrder(curve);
    Bytes one(order.size(), 0);
    one.back() = 1;
    EXPECT_EQ(ImportStatus(KeyPair(curve.family), 0, one), PSA_SUCCESS);
    EXPECT_EQ(ImportStatus(KeyPair(curve.family), 0, AddSmall(order, -1)),
              PSA_SUCCESS);
    const auto generator = ExportPublic(KeyPair(curve.family), curve.bits, one);
    ASSERT_EQ(generator.status, PSA_SUCCESS);
    const auto negated =
        ExportPublic(KeyPair(curve.family), curve.bits, AddSmall(order, -1));
    ASSERT_EQ(negated.status, PSA_SUCCESS);
    // Same x, y and -y.
    const size_t coordinate = (generator.output.size() - 1) / 2;
    EXPECT_TRUE(std::equal(generator.output.begin(),
                           generator.output.begin() + 1 + coordinate,
                           negated.output.begin()));
    EXPECT_NE(generator.output, negated.output);
  }
  Bytes one(32, 0);
  one.back() = 1;
  EXPECT_EQ(ExportPublic(KeyPair(kSecpR1), 256, one).output, P256Generator());
  const Bytes minus_one = AddSmall(FromHex(kP256Order), -1);
  EXPECT_EQ(ExportPublic(KeyPair(kSecpR1), 256, minus_one).output,
            Concat({{0x04},
                    FromHex(kP256Gx),
                    Subtract(FromHex(kP256Prime), FromHex(kP256Gy))}));
}

// Scalars 0, n and n+1 on every Weierstrass curve.
TEST_F(BuiltinEccTest, ScalarsOutOfRangeAreInvalid) {
  for (const SupportedCurve& curve : kSupportedCurves) {
    if (curve.family == kMontgomery) continue;
    SCOPED_TRACE(CurveName(curve));
    const Bytes order = GroupOrder(curve);
    for (const Bytes& scalar :
         {Bytes(order.size(), 0), order, AddSmall(order, 1)}) {
      SCOPED_TRACE(ToHex(scalar));
      EXPECT_EQ(ImportStatus(KeyPair(curve.family), 0, scalar),
                PSA_ERROR_INVALID_ARGUMENT);
      EXPECT_EQ(ImportStatus(KeyPair(curve.family), curve.bits, scalar),
                PSA_ERROR_INVALID_ARGUMENT);
    }
  }
}

// Generated keys: the right length, different each time, accepted by
// import, and their public keys accepted by import.
TEST_F(BuiltinEccTest, GeneratedKeysImportAndDeriveValidPublicKeys) {
  for (const SupportedCurve& curve : kSupportedCurves) {
    SCOPED_TRACE(CurveName(curve));
    const auto first = Generate(KeyPair(curve.family), curve.bits);
    const auto second = Generate(KeyPair(curve.family), curve.bits);
    ASSERT_EQ(first.status, PSA_SUCCESS);
    ASSERT_EQ(second.status, PSA_SUCCESS);
    EXPECT_EQ(first.output.size(), PrivateKeyLength(curve.bits));
    EXPECT_NE(first.output, second.output);

    const auto reimported = Import(KeyPair(curve.family), 0, first.output);
    ASSERT_EQ(reimported.status, PSA_SUCCESS);
    EXPECT_EQ(reimported.bits, curve.bits);
    EXPECT_EQ(reimported.key, first.output);  // already canonical

    const auto public_key =
        ExportPublic(KeyPair(curve.family), curve.bits, first.output);
    ASSERT_EQ(public_key.status, PSA_SUCCESS);
    const auto imported_public =
        Import(PublicKey(curve.family), 0, public_key.output);
    EXPECT_EQ(imported_public.status, PSA_SUCCESS);
    EXPECT_EQ(imported_public.bits, curve.bits);
  }
}

TEST_F(BuiltinEccTest, GenerationRejectsWhatItDoesNotSupport) {
  EXPECT_EQ(Generate(KeyPair(kSecpR1), 0).status, PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Generate(KeyPair(kSecpR1), 255).status, PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Generate(KeyPair(kSecpK1), 224).status, PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Generate(KeyPair(0x81), 256).status, PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Generate(KeyPair(kBrainpool), 320).status, PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(Generate(KeyPair(PSA_ECC_FAMILY_SECT_K1), 233).status,
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(Generate(KeyPair(PSA_ECC_FAMILY_TWISTED_EDWARDS), 255).status,
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(Generate(PublicKey(kSecpR1), 256).status, PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(Generate(KeyPair(kSecpR1), 256, 31).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(Generate(KeyPair(kMontgomery), 448, 55).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(Generate(KeyPair(kSecpR1), 256, 32).status, PSA_SUCCESS);
}

TEST_F(BuiltinEccTest, GeneratedMontgomeryKeysHaveTheForcedBits) {
  for (size_t bits : {size_t{255}, size_t{448}}) {
    for (int i = 0; i < 8; ++i) {
      const auto key = Generate(KeyPair(kMontgomery), bits);
      ASSERT_EQ(key.status, PSA_SUCCESS);
      EXPECT_EQ(key.output, Clamp(bits, key.output));
    }
  }
}

// Export and import fail with BUFFER_TOO_SMALL one byte short, writing
// nothing (the helpers check the buffers are wiped), and succeed with the
// exact size.
TEST_F(BuiltinEccTest, BuffersOneByteShort) {
  Bytes one(32, 0);
  one.back() = 1;
  EXPECT_EQ(ExportPublic(KeyPair(kSecpR1), 256, one, 64).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(ExportPublic(KeyPair(kSecpR1), 256, one, 65).status, PSA_SUCCESS);
  EXPECT_EQ(ExportPublic(PublicKey(kSecpR1), 256, P256Generator(), 64).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(ExportPublic(PublicKey(kSecpR1), 256, P256Generator(), 65).status,
            PSA_SUCCESS);
  const Bytes x25519_key(32, 0x55);
  EXPECT_EQ(ExportPublic(KeyPair(kMontgomery), 255, Clamp(255, x25519_key), 31)
                .status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(Import(KeyPair(kSecpR1), 0, one, 31).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(Import(KeyPair(kSecpR1), 0, one, 32).status, PSA_SUCCESS);
  EXPECT_EQ(Import(KeyPair(kMontgomery), 0, x25519_key, 31).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(Import(PublicKey(kSecpR1), 0, P256Generator(), 64).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
}

// A key buffer that does not hold a key of the attributes' size or type.
TEST_F(BuiltinEccTest, ExportPublicKeyChecksTheKeyBuffer) {
  Bytes one(32, 0);
  one.back() = 1;
  EXPECT_EQ(ExportPublic(KeyPair(kSecpR1), 384, one).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ExportPublic(KeyPair(kSecpR1), 256, Bytes(32, 0)).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ExportPublic(KeyPair(kMontgomery), 255, Bytes(32, 0xFF)).status,
            PSA_ERROR_INVALID_ARGUMENT);  // forced bits not set
  Bytes off_curve = P256Generator();
  off_curve.back() ^= 1;
  EXPECT_EQ(ExportPublic(PublicKey(kSecpR1), 256, off_curve).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ExportPublic(KeyPair(kSecpR1), 255, one).status,
            PSA_ERROR_NOT_SUPPORTED);
}

struct InvalidImport {
  const char* name;
  psa_key_type_t type;
  size_t bits;
  Bytes data;
  psa_status_t expected;
};

std::vector<InvalidImport> InvalidImports() {
  const Bytes p256_order = FromHex(kP256Order);
  const Bytes gx = FromHex(kP256Gx);
  const Bytes gy = FromHex(kP256Gy);
  const Bytes p = FromHex(kP256Prime);
  const Bytes g = P256Generator();
  Bytes one32(32, 0);
  one32.back() = 1;
  Bytes off_curve = g;
  off_curve.back() ^= 1;
  // secp256k1's generator: a point, but not on P-256.
  const Bytes k1_generator = FromHex(
      "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483a"
      "da7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
  const Bytes x25519_u(32, 0x42);

  const psa_key_type_t r1_pair = KeyPair(kSecpR1);
  const psa_key_type_t r1_public = PublicKey(kSecpR1);
  const psa_key_type_t m_pair = KeyPair(kMontgomery);
  const psa_key_type_t m_public = PublicKey(kMontgomery);
  constexpr psa_status_t kInvalid = PSA_ERROR_INVALID_ARGUMENT;
  constexpr psa_status_t kUnsupported = PSA_ERROR_NOT_SUPPORTED;

  return {
      // Private keys: lengths.
      {"empty private key", r1_pair, 0, {}, kInvalid},
      {"empty private key, bits given", r1_pair, 256, {}, kInvalid},
      {"31-byte SECP_R1 key: no such curve", r1_pair, 0, Bytes(31, 1),
       kInvalid},
      {"33-byte SECP_R1 key: no such curve", r1_pair, 0, Bytes(33, 1),
       kInvalid},
      {"32-byte key with bits 384", r1_pair, 384, one32, kInvalid},
      {"48-byte key with bits 256", r1_pair, 256, Bytes(48, 1), kInvalid},
      {"P-521 key of 65 bytes", r1_pair, 521, Bytes(65, 1), kInvalid},
      {"P-521 key above n (all ones)", r1_pair, 521, Bytes(66, 0xFF), kInvalid},
      {"P-256 key all ones (above n)", r1_pair, 256, Bytes(32, 0xFF), kInvalid},
      {"P-256 key n+2", r1_pair, 256, AddSmall(p256_order, 2), kInvalid},
      {"28-byte SECP_K1 key (secp224k1 keys are 29 bytes)", KeyPair(kSecpK1), 0,
       Bytes(28, 1), kInvalid},
      // Private keys: sizes and families not supported.
      {"SECP_R1 size 255", r1_pair, 255, one32, kInvalid},
      {"SECP_K1 size 224 (secp224k1 is 225)", KeyPair(kSecpK1), 224,
       Bytes(28, 1), kInvalid},
      {"brainpoolP320r1 by length", KeyPair(kBrainpool), 0, Bytes(40, 1),
       kUnsupported},
      {"brainpoolP160r1 by size", KeyPair(kBrainpool), 160, Bytes(20, 1),
       kUnsupported},
      {"brainpoolP224r1 by size", KeyPair(kBrainpool), 224, Bytes(28, 1),
       kUnsupported},
      {"SECT_K1 family", KeyPair(PSA_ECC_FAMILY_SECT_K1), 0, Bytes(30, 1),
       kUnsupported},
      {"SECP_R2 family", KeyPair(PSA_ECC_FAMILY_SECP_R2), 160, Bytes(20, 1),
       kUnsupported},
      {"FRP family", KeyPair(PSA_ECC_FAMILY_FRP), 256, one32, kUnsupported},
      {"twisted Edwards family", KeyPair(PSA_ECC_FAMILY_TWISTED_EDWARDS), 255,
       Bytes(32, 1), kUnsupported},
      // Montgomery private keys.
      {"X25519 key of 31 bytes", m_pair, 0, Bytes(31, 1), kInvalid},
      {"X25519 key of 33 bytes", m_pair, 255, Bytes(33, 1), kInvalid},
      {"X448 key of 57 bytes", m_pair, 0, Bytes(57, 1), kInvalid},
      {"32-byte Montgomery key with bits 448", m_pair, 448, Bytes(32, 1),
       kInvalid},
      {"Montgomery size 256", m_pair, 256, Bytes(32, 1), kInvalid},
      // Weierstrass public keys.
      {"empty public key", r1_public, 0, {}, kInvalid},
      {"point at infinity (0x00)", r1_public, 0, {0x00}, kInvalid},
      {"point at infinity, bits given", r1_public, 256, {0x00}, kInvalid},
      {"(0, 0)", r1_public, 0, Concat({{0x04}, Bytes(64, 0)}), kInvalid},
      {"G with y flipped: off the curve", r1_public, 0, off_curve, kInvalid},
      {"x = p", r1_public, 0, Concat({{0x04}, p, gy}), kInvalid},
      {"y = p", r1_public, 0, Concat({{0x04}, gx, p}), kInvalid},
      {"secp256k1 generator as P-256", r1_public, 0, k1_generator, kInvalid},
      {"compressed G", r1_public, 0, Concat({{0x02}, gx}), kInvalid},
      {"compressed G, odd y, bits given", r1_public, 256, Concat({{0x03}, gx}),
       kInvalid},
      {"compressed form of no curve's length", r1_public, 0,
       Concat({{0x02}, gx, {0x00}}), kInvalid},
      {"hybrid form 0x06", r1_public, 0, Concat({{0x06}, gx, gy}), kInvalid},
      {"leading byte 0x05", r1_public, 0, Concat({{0x05}, gx, gy}), kInvalid},
      {"uncompressed, truncated", r1_public, 0, Bytes(g.begin(), g.end() - 1),
       kInvalid},
      {"uncompressed, one byte extra", r1_public, 0, Concat({g, {0x00}}),
       kInvalid},
      {"uncompressed, 33 bytes", r1_public, 0, Concat({{0x04}, gx}), kInvalid},
      {"P-256 point with bits 384", r1_public, 384, g, kInvalid},
      {"brainpoolP320r1 point by length", PublicKey(kBrainpool), 0,
       Concat({{0x04}, Bytes(80, 1)}), kUnsupported},
      {"SECP_R1 point with size 255", r1_public, 255, g, kInvalid},
      // Montgomery public keys.
      {"X25519 u = 0 (small order)", m_public, 0, Bytes(32, 0), kInvalid},
      {"X25519 u = 1 (small order)", m_public, 255,
       Concat({{0x01}, Bytes(31, 0)}), kInvalid},
      {"X448 u = 0 (small order)", m_public, 0, Bytes(56, 0), kInvalid},
      {"X448 u = 1 (small order)", m_public, 448,
       Concat({{0x01}, Bytes(55, 0)}), kInvalid},
      {"X25519 public key of 31 bytes", m_public, 0, Bytes(31, 0x42), kInvalid},
      {"X25519 public key with bits 448", m_public, 448, x25519_u, kInvalid},
      {"X25519 public key with a 0x04 prefix", m_public, 0,
       Concat({{0x04}, x25519_u}), kInvalid},
  };
}

TEST_F(BuiltinEccTest, InvalidImportsFailWithTheSpecifiedStatus) {
  const std::vector<InvalidImport> cases = InvalidImports();
  for (const InvalidImport& invalid : cases) {
    EXPECT_EQ(ImportStatus(invalid.type, invalid.bits, invalid.data),
              invalid.expected)
        << invalid.name;
  }
  EXPECT_GE(cases.size(), 45u);
}

// The invalid P-256 points above are close to valid ones: G itself, and the
// uncompressed form built the same way, import.
TEST_F(BuiltinEccTest, ControlPointsForTheInvalidImportsAreValid) {
  EXPECT_EQ(ImportStatus(PublicKey(kSecpR1), 0, P256Generator()), PSA_SUCCESS);
  EXPECT_EQ(ImportStatus(PublicKey(kSecpR1), 256, P256Generator()),
            PSA_SUCCESS);
  EXPECT_EQ(ImportStatus(PublicKey(kSecpK1), 0,
                         FromHex("0479be667ef9dcbbac55a06295ce870b07029bfcdb2d"
                                 "ce28d959f2815b16f81798483ada7726a3c4655da4fb"
                                 "fc0e1108a8fd17b448a68554199c47d08ffb10d4b8")),
            PSA_SUCCESS);  // secp256k1's generator, on its own curve
  EXPECT_EQ(ImportStatus(PublicKey(kMontgomery), 0, Bytes(32, 0x42)),
            PSA_SUCCESS);
  EXPECT_EQ(
      ImportStatus(PublicKey(kMontgomery), 0, Concat({{0x05}, Bytes(55, 0)})),
      PSA_SUCCESS);  // X448's base point u = 5
}

}  // namespace
}  // namespace drivers::builtin
