// Driver-level tests of builtin_key_agreement (ECDH), through the C entry
// points: shared secrets against OpenSSL (testdata/openssl_ecdh.json, made
// by generate_openssl_ecdh.py) and RFC 7748 section 6.1 on every supported
// curve, both directions, generated key pairs, and a table of bad peer keys,
// bad private keys, unsupported requests and short outputs with their
// statuses (the output wiped, its length 0).

#include "drivers/builtin/builtin_key_agreement.h"

#include <stddef.h>
#include <stdint.h>

#include <set>
#include <string>
#include <vector>

#include "drivers/builtin/key_management_test_util.h"
#include "gtest/gtest.h"

namespace drivers::builtin {
namespace {

using ::drivers::builtin::testing::Attributes;
using ::drivers::builtin::testing::Bytes;
using ::drivers::builtin::testing::ExportPublic;
using ::drivers::builtin::testing::FromHex;
using ::drivers::builtin::testing::Generate;
using ::drivers::builtin::testing::Import;
using ::drivers::builtin::testing::KeyManagementTest;
using ::drivers::builtin::testing::LoadTestData;
using ::drivers::builtin::testing::ToHex;

constexpr psa_ecc_family_t kSecpR1 = PSA_ECC_FAMILY_SECP_R1;
constexpr psa_ecc_family_t kSecpK1 = PSA_ECC_FAMILY_SECP_K1;
constexpr psa_ecc_family_t kBrainpool = PSA_ECC_FAMILY_BRAINPOOL_P_R1;
constexpr psa_ecc_family_t kMontgomery = PSA_ECC_FAMILY_MONTGOMERY;

struct Curve {
  psa_ecc_family_t family;
  size_t bits;
  size_t secret_length;  // a field element: 28 for secp224k1 (225 bits)
};

// The curves builtin_key_agreement.h promises.
const Curve kCurves[] = {
    {kSecpR1, 192, 24},     {kSecpR1, 224, 28},    {kSecpR1, 256, 32},
    {kSecpR1, 384, 48},     {kSecpR1, 521, 66},    {kSecpK1, 192, 24},
    {kSecpK1, 225, 28},     {kSecpK1, 256, 32},    {kBrainpool, 256, 32},
    {kBrainpool, 384, 48},  {kBrainpool, 512, 64}, {kMontgomery, 255, 32},
    {kMontgomery, 448, 56},
};

psa_ecc_family_t FamilyNamed(const std::string& name) {
  if (name == "SECP_R1") return kSecpR1;
  if (name == "SECP_K1") return kSecpK1;
  if (name == "BRAINPOOL_P_R1") return kBrainpool;
  if (name == "MONTGOMERY") return kMontgomery;
  ADD_FAILURE() << "unknown family " << name;
  return 0;
}

constexpr size_t kRoom = 256;

struct AgreementResult {
  psa_status_t status;
  Bytes secret;
};

// builtin_key_agreement with a key buffer `key` of `type` and `bits`; checks
// the fail-closed contract (output wiped, length 0) on failure.
AgreementResult Agree(psa_key_type_t type, size_t bits, const Bytes& key,
                      const Bytes& peer, size_t output_size = kRoom,
                      psa_algorithm_t alg = PSA_ALG_ECDH) {
  const psa_key_attributes_t attributes = Attributes(type, bits);
  Bytes output(output_size, 0xA5);
  size_t output_length = 12345;
  const psa_status_t status = builtin_key_agreement(
      alg, &attributes, key.data(), key.size(), peer.data(), peer.size(),
      output.data(), output.size(), &output_length);
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(output_length, 0u);
    EXPECT_EQ(output, Bytes(output_size, 0)) << "output not wiped on failure";
    return {status, {}};
  }
  EXPECT_LE(output_length, output.size());
  output.resize(output_length);
  return {status, output};
}

// The key buffer of the private key `data` (its import format).
Bytes ImportPair(psa_ecc_family_t family, size_t bits, const Bytes& data) {
  const auto imported = Import(PSA_KEY_TYPE_ECC_KEY_PAIR(family), bits, data);
  EXPECT_EQ(imported.status, PSA_SUCCESS) << ToHex(data);
  return imported.key;
}

class BuiltinKeyAgreementTest : public KeyManagementTest {};

TEST_F(BuiltinKeyAgreementTest, MatchesOpenSslOnEveryCurveBothWays) {
  const nlohmann::json data = LoadTestData("openssl_ecdh.json");
  std::set<std::pair<psa_ecc_family_t, size_t>> covered;
  size_t count = 0;
  for (const auto& entry : data["ecdh"]) {
    const psa_ecc_family_t family = FamilyNamed(entry["family"]);
    const size_t bits = entry["bits"];
    const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(family);
    const Bytes shared = FromHex(entry["shared"]);
    SCOPED_TRACE(entry["curve"].get<std::string>() + " " +
                 entry["private_a"].get<std::string>());
    const Bytes a = ImportPair(family, bits, FromHex(entry["private_a"]));
    const Bytes b = ImportPair(family, bits, FromHex(entry["private_b"]));
    const auto ab = Agree(type, bits, a, FromHex(entry["public_b"]));
    ASSERT_EQ(ab.status, PSA_SUCCESS);
    EXPECT_EQ(ToHex(ab.secret), ToHex(shared));
    const auto ba = Agree(type, bits, b, FromHex(entry["public_a"]));
    ASSERT_EQ(ba.status, PSA_SUCCESS);
    EXPECT_EQ(ToHex(ba.secret), ToHex(shared));
    covered.insert({family, bits});
    ++count;
  }
  EXPECT_EQ(count, 26u);
  for (const Curve& curve : kCurves) {
    EXPECT_TRUE(covered.count({curve.family, curve.bits}))
        << "no OpenSSL vector for family " << int{curve.family} << " bits "
        << curve.bits;
  }
}

// RFC 7748 section 6.1 (X25519) and 6.2 (X448): Alice's and Bob's keys and
// their shared secret.
struct Rfc7748Vector {
  size_t bits;
  const char* alice_private;
  const char* alice_public;
  const char* bob_private;
  const char* bob_public;
  const char* shared;
};

const Rfc7748Vector kRfc7748[] = {
    {255, "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
     "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
     "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
     "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
     "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"},
    {448,
     "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a94197"
     "44897391006382a6f127ab1d9ac2d8c0a598726b",
     "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc836647"
     "241d953d40c5b12da88120d53177f80e532c41fa0",
     "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee897"
     "2b0d3e21374c9c921b09d1b0366f10b65173992d",
     "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34f"
     "b4232a13ca706dcb57aec3dae07bdc1c67bf33609",
     "07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56fd2464c"
     "335543936521c24403085d59a449a5037514a879d"},
};

TEST_F(BuiltinKeyAgreementTest, Rfc7748AliceAndBob) {
  for (const Rfc7748Vector& v : kRfc7748) {
    SCOPED_TRACE(v.bits);
    const Bytes alice =
        ImportPair(kMontgomery, v.bits, FromHex(v.alice_private));
    const Bytes bob = ImportPair(kMontgomery, v.bits, FromHex(v.bob_private));
    const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(kMontgomery);
    const auto from_alice = Agree(type, v.bits, alice, FromHex(v.bob_public));
    ASSERT_EQ(from_alice.status, PSA_SUCCESS);
    EXPECT_EQ(ToHex(from_alice.secret), v.shared);
    const auto from_bob = Agree(type, v.bits, bob, FromHex(v.alice_public));
    ASSERT_EQ(from_bob.status, PSA_SUCCESS);
    EXPECT_EQ(ToHex(from_bob.secret), v.shared);
  }
}

TEST_F(BuiltinKeyAgreementTest,
       GeneratedPairsAgreeAndSecretsHaveTheFieldLength) {
  for (const Curve& curve : kCurves) {
    SCOPED_TRACE(std::to_string(curve.family) + "/" +
                 std::to_string(curve.bits));
    const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(curve.family);
    const auto a = Generate(type, curve.bits);
    const auto b = Generate(type, curve.bits);
    ASSERT_EQ(a.status, PSA_SUCCESS);
    ASSERT_EQ(b.status, PSA_SUCCESS);
    const auto a_public = ExportPublic(type, curve.bits, a.output);
    const auto b_public = ExportPublic(type, curve.bits, b.output);
    ASSERT_EQ(a_public.status, PSA_SUCCESS);
    ASSERT_EQ(b_public.status, PSA_SUCCESS);
    const auto ab = Agree(type, curve.bits, a.output, b_public.output);
    const auto ba = Agree(type, curve.bits, b.output, a_public.output);
    ASSERT_EQ(ab.status, PSA_SUCCESS);
    ASSERT_EQ(ba.status, PSA_SUCCESS);
    EXPECT_EQ(ab.secret.size(), curve.secret_length);
    EXPECT_EQ(ab.secret, ba.secret);
    // Exactly the secret's length is enough; one byte less is not.
    EXPECT_EQ(
        Agree(type, curve.bits, a.output, b_public.output, curve.secret_length)
            .status,
        PSA_SUCCESS);
    EXPECT_EQ(Agree(type, curve.bits, a.output, b_public.output,
                    curve.secret_length - 1)
                  .status,
              PSA_ERROR_BUFFER_TOO_SMALL);
  }
}

// A P-256 pair and an X25519 pair from openssl_ecdh.json, for the tables.
struct Fixture {
  Bytes key;          // key buffer of A
  Bytes peer_public;  // B's public key
};

Fixture FirstOf(const std::string& curve_name) {
  const nlohmann::json data = LoadTestData("openssl_ecdh.json");
  for (const auto& entry : data["ecdh"]) {
    if (entry["curve"] != curve_name) continue;
    const psa_ecc_family_t family = FamilyNamed(entry["family"]);
    return {ImportPair(family, entry["bits"], FromHex(entry["private_a"])),
            FromHex(entry["public_b"])};
  }
  ADD_FAILURE() << "no " << curve_name << " entry";
  return {};
}

// NIST P-256 field prime, big-endian.
const char kP256Prime[] =
    "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";

TEST_F(BuiltinKeyAgreementTest, RejectsBadP256PeerKeys) {
  const Fixture p256 = FirstOf("prime256v1");
  const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(kSecpR1);
  ASSERT_EQ(Agree(type, 256, p256.key, p256.peer_public).status, PSA_SUCCESS);

  const Bytes& good = p256.peer_public;
  Bytes compressed(good.begin(), good.begin() + 33);
  compressed[0] = static_cast<uint8_t>(0x02 | (good[64] & 1));
  Bytes hybrid = good;
  hybrid[0] = static_cast<uint8_t>(0x06 | (good[64] & 1));
  Bytes off_curve = good;
  off_curve[64] ^= 0x01;
  Bytes x_is_p = FromHex(std::string("04") + kP256Prime);
  x_is_p.insert(x_is_p.end(), good.begin() + 33, good.end());
  Bytes zero_point(65, 0);
  zero_point[0] = 0x04;
  const struct {
    const char* name;
    Bytes peer;
  } cases[] = {
      {"empty", {}},
      {"point at infinity (0x00)", {0x00}},
      {"compressed point", compressed},
      {"hybrid point", hybrid},
      {"one byte short", Bytes(good.begin(), good.end() - 1)},
      {"one byte long",
       [&] {
         Bytes b = good;
         b.push_back(0);
         return b;
       }()},
      {"x and y only", Bytes(good.begin() + 1, good.end())},
      {"not on the curve", off_curve},
      {"x = p", x_is_p},
      {"(0, 0)", zero_point},
      {"P-384 point", FirstOf("secp384r1").peer_public},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Agree(type, 256, p256.key, c.peer).status,
              PSA_ERROR_INVALID_ARGUMENT)
        << c.name;
  }
}

TEST_F(BuiltinKeyAgreementTest, RejectsSmallOrderAndMalformedX25519PeerKeys) {
  const Fixture x25519 = FirstOf("X25519");
  const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(kMontgomery);
  ASSERT_EQ(Agree(type, 255, x25519.key, x25519.peer_public).status,
            PSA_SUCCESS);
  // https://cr.yp.to/ecdh.html#validate: the u-coordinates of small order
  // below 2^255 (p, p + 1 included), whose shared secret is all zero. The
  // list's values above 2^255 are not small once the top bit is masked, as
  // RFC 7748 section 5 prescribes.
  const char* const small_order[] = {
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
      "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  };
  for (const char* peer : small_order) {
    EXPECT_EQ(Agree(type, 255, x25519.key, FromHex(peer)).status,
              PSA_ERROR_INVALID_ARGUMENT)
        << peer;
  }
  const Bytes& good = x25519.peer_public;
  EXPECT_EQ(
      Agree(type, 255, x25519.key, Bytes(good.begin(), good.end() - 1)).status,
      PSA_ERROR_INVALID_ARGUMENT);
  Bytes longer = good;
  longer.push_back(0);
  EXPECT_EQ(Agree(type, 255, x25519.key, longer).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Agree(type, 255, x25519.key, {}).status,
            PSA_ERROR_INVALID_ARGUMENT);
  // An X448 public key for an X25519 private key.
  EXPECT_EQ(Agree(type, 255, x25519.key, FirstOf("X448").peer_public).status,
            PSA_ERROR_INVALID_ARGUMENT);
}

TEST_F(BuiltinKeyAgreementTest, RejectsSmallOrderX448PeerKeys) {
  const Fixture x448 = FirstOf("X448");
  const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(kMontgomery);
  ASSERT_EQ(Agree(type, 448, x448.key, x448.peer_public).status, PSA_SUCCESS);
  Bytes zero(56, 0);
  Bytes one(56, 0);
  one[0] = 1;
  // p - 1 = 2^448 - 2^224 - 2, little-endian.
  Bytes p_minus_1(56, 0xff);
  p_minus_1[0] = 0xfe;
  p_minus_1[28] = 0xfe;
  for (const Bytes& peer : {zero, one, p_minus_1}) {
    EXPECT_EQ(Agree(type, 448, x448.key, peer).status,
              PSA_ERROR_INVALID_ARGUMENT)
        << ToHex(peer);
  }
}

TEST_F(BuiltinKeyAgreementTest, RejectsInvalidKeyBuffers) {
  const Fixture p256 = FirstOf("prime256v1");
  const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(kSecpR1);
  const Bytes order = FromHex(
      "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
  const struct {
    const char* name;
    Bytes key;
  } cases[] = {
      {"zero scalar", Bytes(32, 0)},
      {"scalar = n", order},
      {"all ones", Bytes(32, 0xff)},
      {"one byte short", Bytes(p256.key.begin(), p256.key.end() - 1)},
      {"one byte long",
       [&] {
         Bytes b = p256.key;
         b.push_back(1);
         return b;
       }()},
      {"empty", {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Agree(type, 256, c.key, p256.peer_public).status,
              PSA_ERROR_INVALID_ARGUMENT)
        << c.name;
  }
}

TEST_F(BuiltinKeyAgreementTest, RefusesWhatItDoesNotImplement) {
  const Fixture p256 = FirstOf("prime256v1");
  const psa_key_type_t pair = PSA_KEY_TYPE_ECC_KEY_PAIR(kSecpR1);
  const struct {
    const char* name;
    psa_algorithm_t alg;
    psa_key_type_t type;
    size_t bits;
  } cases[] = {
      {"FFDH", PSA_ALG_FFDH, pair, 256},
      {"ECDH with HKDF",
       PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256)), pair,
       256},
      {"not a key agreement", PSA_ALG_SHA_256, pair, 256},
      {"public key", PSA_ALG_ECDH, PSA_KEY_TYPE_ECC_PUBLIC_KEY(kSecpR1), 256},
      {"DH key pair", PSA_ALG_ECDH,
       PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919), 2048},
      {"RSA key pair", PSA_ALG_ECDH, PSA_KEY_TYPE_RSA_KEY_PAIR, 2048},
      {"no such SECP_R1 size", PSA_ALG_ECDH, pair, 255},
      {"brainpoolP160r1 (not in Mbed TLS)", PSA_ALG_ECDH,
       PSA_KEY_TYPE_ECC_KEY_PAIR(kBrainpool), 160},
      {"Twisted Edwards", PSA_ALG_ECDH,
       PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS), 255},
      {"SECT_K1", PSA_ALG_ECDH,
       PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECT_K1), 233},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(
        Agree(c.type, c.bits, p256.key, p256.peer_public, kRoom, c.alg).status,
        PSA_ERROR_NOT_SUPPORTED)
        << c.name;
  }
}

TEST_F(BuiltinKeyAgreementTest,
       ShortOutputIsBufferTooSmallBeforeAnyComputation) {
  const Fixture p256 = FirstOf("prime256v1");
  const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(kSecpR1);
  EXPECT_EQ(Agree(type, 256, p256.key, p256.peer_public, 31).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(Agree(type, 256, p256.key, p256.peer_public, 0).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  // A larger buffer gets the secret at its start and its length.
  const auto roomy = Agree(type, 256, p256.key, p256.peer_public, 100);
  ASSERT_EQ(roomy.status, PSA_SUCCESS);
  EXPECT_EQ(roomy.secret.size(), 32u);
}

TEST_F(BuiltinKeyAgreementTest, NullArgumentsAreRejected) {
  const Fixture p256 = FirstOf("prime256v1");
  const psa_key_attributes_t attributes =
      Attributes(PSA_KEY_TYPE_ECC_KEY_PAIR(kSecpR1), 256);
  uint8_t output[32];
  size_t length = 0;
  EXPECT_EQ(builtin_key_agreement(PSA_ALG_ECDH, nullptr, p256.key.data(),
                                  p256.key.size(), p256.peer_public.data(),
                                  p256.peer_public.size(), output,
                                  sizeof(output), &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(builtin_key_agreement(PSA_ALG_ECDH, &attributes, p256.key.data(),
                                  p256.key.size(), p256.peer_public.data(),
                                  p256.peer_public.size(), output,
                                  sizeof(output), nullptr),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(
      builtin_key_agreement(PSA_ALG_ECDH, &attributes, p256.key.data(),
                            p256.key.size(), nullptr, p256.peer_public.size(),
                            output, sizeof(output), &length),
      PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(length, 0u);
}

}  // namespace
}  // namespace drivers::builtin
