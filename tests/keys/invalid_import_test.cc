// Invalid imports through psa_import_key(), one table row each, with the
// status the PSA Crypto API specifies (psa_import_key, "Key creation"):
//
//   PSA_ERROR_INVALID_ARGUMENT  the key type is invalid; the key size is
//                               nonzero and incompatible with the data; the
//                               lifetime is invalid or the identifier is not
//                               valid for it; the usage flags include invalid
//                               values; the permitted algorithm is invalid;
//                               the data is not correctly formatted for the
//                               type ("Implementations must reject an attempt
//                               to import a key of size 0"; driver interface
//                               "Key validation": sizes, DES parity, ranges,
//                               points on the curve, RSA structure);
//   PSA_ERROR_NOT_SUPPORTED     the attributes as a whole are not supported
//                               (a well-formed type or location this
//                               implementation does not have);
//   PSA_ERROR_NOT_PERMITTED     an implementation policy forbids creating the
//                               key (read-only persistence: lifetime.h).
//
// Every failed import must also leave *key == PSA_KEY_ID_NULL and create no
// key. Each row is a named test case: InvalidImport/Rejects.<name>.

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

struct Row {
  std::string name;
  psa_key_type_t type;
  size_t bits;
  Bytes data;
  psa_status_t expected;
  psa_key_lifetime_t lifetime = PSA_KEY_LIFETIME_VOLATILE;
  psa_key_id_t id = PSA_KEY_ID_NULL;
  psa_key_usage_t usage = PSA_KEY_USAGE_EXPORT;
  psa_algorithm_t alg = PSA_ALG_NONE;
};

void PrintTo(const Row& value, std::ostream* os) { *os << value.name; }

Bytes Concat(const Bytes& a, const Bytes& b) {
  Bytes out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

Bytes FlipBit(Bytes data, size_t byte, uint8_t mask) {
  data.at(byte) ^= mask;
  return data;
}

// Known-good material the rows corrupt.
struct Material {
  Bytes des1 = WithDesParity(PatternBytes(8, 1));
  Bytes des2 = WithDesParity(PatternBytes(16, 2));
  Bytes des3 = WithDesParity(PatternBytes(24, 3));
  Bytes p256_private = FromHex(KeyVector("prime256v1").pair_hex);
  Bytes p256_public = FromHex(KeyVector("prime256v1").public_hex);
  Bytes p384_public = FromHex(KeyVector("secp384r1").public_hex);
  Bytes p521_public = FromHex(KeyVector("secp521r1").public_hex);
  Bytes k256_public = FromHex(KeyVector("secp256k1").public_hex);
  Bytes bp256_public = FromHex(KeyVector("brainpoolP256r1").public_hex);
  Bytes x25519_private = FromHex(KeyVector("x25519").pair_hex);
  Bytes x25519_public = FromHex(KeyVector("x25519").public_hex);
  Bytes x448_private = FromHex(KeyVector("x448").pair_hex);
  Bytes x448_public = FromHex(KeyVector("x448").public_hex);
  Bytes rsa_private = FromHex(KeyVector("rsa2048").pair_hex);
  Bytes rsa_public = FromHex(KeyVector("rsa2048").public_hex);
  RsaPrivateKeyFields rsa;
  Bytes rsa_n, rsa_e;
  Material() {
    if (!ParseRsaPrivateKey(rsa_private, &rsa)) __builtin_trap();
    rsa_n = rsa.n;
    rsa_e = rsa.e;
  }
};

// Group orders (SEC 2, RFC 5639), big-endian, at the private key length.
const char kP256Order[] = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
const char kP384Order[] =
    "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973";
const char kP521Order[] =
    "01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b"
    "8899c47aebb6fb71e91386409";
const char kSecp256k1Order[] = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
const char kBrainpoolP256r1Order[] = "a9fb57dba1eea9bc3e660a909d838d718c397aa3b561a6f7901e0e82974856a7";
// The P-256 field prime p.
const char kP256Prime[] = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";

constexpr psa_key_type_t kP256Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kP256Public = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);
constexpr psa_key_type_t kK1Pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_K1);
constexpr psa_key_type_t kK1Public = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_K1);
constexpr psa_key_type_t kBpPair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_BRAINPOOL_P_R1);
constexpr psa_key_type_t kBpPublic = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_BRAINPOOL_P_R1);
constexpr psa_key_type_t kMontPair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY);
constexpr psa_key_type_t kMontPublic = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_MONTGOMERY);
constexpr psa_status_t kInvalid = PSA_ERROR_INVALID_ARGUMENT;

std::vector<Row> Rows() {
  const Material m;
  std::vector<Row> rows;
  auto add = [&rows](Row row) { rows.push_back(std::move(row)); };

  // --- Unstructured types: sizes ("not correctly formatted", size 0). ---
  add({"aes_empty", PSA_KEY_TYPE_AES, 0, {}, kInvalid});
  for (size_t bytes : {1, 8, 15, 17, 23, 25, 31, 33}) {
    add({"aes_" + std::to_string(bytes) + "_bytes", PSA_KEY_TYPE_AES, 0, PatternBytes(bytes, 4), kInvalid});
  }
  for (size_t bytes : {15, 20, 33}) {
    add({"aria_" + std::to_string(bytes) + "_bytes", PSA_KEY_TYPE_ARIA, 0, PatternBytes(bytes, 5), kInvalid});
  }
  for (size_t bytes : {8, 20, 31}) {
    add({"camellia_" + std::to_string(bytes) + "_bytes", PSA_KEY_TYPE_CAMELLIA, 0, PatternBytes(bytes, 6),
         kInvalid});
  }
  for (size_t bytes : {0, 7, 9, 15, 23, 32}) {
    add({"des_" + std::to_string(bytes) + "_bytes", PSA_KEY_TYPE_DES, 0,
         WithDesParity(PatternBytes(bytes, 7)), kInvalid});
  }
  for (size_t bytes : {0, 16, 31, 33, 64}) {
    add({"chacha20_" + std::to_string(bytes) + "_bytes", PSA_KEY_TYPE_CHACHA20, 0, PatternBytes(bytes, 8),
         kInvalid});
  }
  add({"raw_data_empty", PSA_KEY_TYPE_RAW_DATA, 0, {}, kInvalid});
  add({"hmac_empty", PSA_KEY_TYPE_HMAC, 0, {}, kInvalid});
  add({"derive_empty", PSA_KEY_TYPE_DERIVE, 0, {}, kInvalid});
  add({"password_empty", PSA_KEY_TYPE_PASSWORD, 0, {}, kInvalid});
  add({"password_hash_empty", PSA_KEY_TYPE_PASSWORD_HASH, 0, {}, kInvalid});
  add({"pepper_empty", PSA_KEY_TYPE_PEPPER, 0, {}, kInvalid});

  // --- DES parity: one byte with even parity, in each byte of a single
  // key and in the second and third keys of 3DES. ---
  for (size_t i = 0; i < 8; ++i) {
    add({"des_single_parity_byte_" + std::to_string(i), PSA_KEY_TYPE_DES, 0, FlipBit(m.des1, i, 0x01), kInvalid});
  }
  add({"des_2key_parity_byte_8", PSA_KEY_TYPE_DES, 0, FlipBit(m.des2, 8, 0x01), kInvalid});
  add({"des_2key_parity_byte_15", PSA_KEY_TYPE_DES, 0, FlipBit(m.des2, 15, 0x01), kInvalid});
  add({"des_3key_parity_byte_16", PSA_KEY_TYPE_DES, 0, FlipBit(m.des3, 16, 0x01), kInvalid});
  add({"des_3key_parity_byte_23", PSA_KEY_TYPE_DES, 0, FlipBit(m.des3, 23, 0x80), kInvalid});
  add({"des_3key_parity_all_even", PSA_KEY_TYPE_DES, 0, Bytes(24, 0x00), kInvalid});

  // --- Key size in the attributes incompatible with the data. ---
  add({"aes_16_bytes_bits_256", PSA_KEY_TYPE_AES, 256, PatternBytes(16, 9), kInvalid});
  add({"aes_32_bytes_bits_128", PSA_KEY_TYPE_AES, 128, PatternBytes(32, 9), kInvalid});
  add({"aes_16_bytes_bits_127", PSA_KEY_TYPE_AES, 127, PatternBytes(16, 9), kInvalid});
  add({"hmac_32_bytes_bits_255", PSA_KEY_TYPE_HMAC, 255, PatternBytes(32, 10), kInvalid});
  add({"hmac_32_bytes_bits_264", PSA_KEY_TYPE_HMAC, 264, PatternBytes(32, 10), kInvalid});
  add({"raw_data_16_bytes_bits_64", PSA_KEY_TYPE_RAW_DATA, 64, PatternBytes(16, 11), kInvalid});
  add({"des_8_bytes_bits_56", PSA_KEY_TYPE_DES, 56, m.des1, kInvalid});
  add({"des_24_bytes_bits_128", PSA_KEY_TYPE_DES, 128, m.des3, kInvalid});
  add({"p256_private_bits_384", kP256Pair, 384, m.p256_private, kInvalid});
  add({"p256_private_bits_255", kP256Pair, 255, m.p256_private, kInvalid});
  add({"p256_public_bits_521", kP256Public, 521, m.p256_public, kInvalid});
  add({"x25519_private_bits_448", kMontPair, 448, m.x25519_private, kInvalid});
  add({"x448_public_bits_255", kMontPublic, 255, m.x448_public, kInvalid});
  add({"rsa2048_private_bits_1024", PSA_KEY_TYPE_RSA_KEY_PAIR, 1024, m.rsa_private, kInvalid});
  add({"rsa2048_private_bits_2047", PSA_KEY_TYPE_RSA_KEY_PAIR, 2047, m.rsa_private, kInvalid});
  add({"rsa2048_public_bits_4096", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 4096, m.rsa_public, kInvalid});

  // --- Key types. ---
  // PSA_KEY_TYPE_NONE: a key type this implementation does not support.
  add({"type_none", PSA_KEY_TYPE_NONE, 0, PatternBytes(16, 12), PSA_ERROR_NOT_SUPPORTED});
  // AES with its parity bit flipped: odd parity is no valid key type.
  add({"type_aes_parity_flipped", static_cast<psa_key_type_t>(PSA_KEY_TYPE_AES ^ 1), 0, PatternBytes(16, 12),
       kInvalid});
  // ECC family 0x81: the range 0x80-0xff "must not be used" (even parity).
  add({"type_ecc_family_0x81", PSA_KEY_TYPE_ECC_KEY_PAIR(0x81), 0, m.p256_private, kInvalid});
  // A well-formed implementation-defined (bit 15) type this implementation
  // does not define: not supported.
  add({"type_vendor_unknown", static_cast<psa_key_type_t>(0xa401), 0, PatternBytes(16, 12),
       PSA_ERROR_NOT_SUPPORTED});

  // --- ECC private keys: range 1 <= d < n, length ceil(bits/8). ---
  add({"p256_private_zero", kP256Pair, 0, Bytes(32, 0), kInvalid});
  add({"p256_private_zero_bits_256", kP256Pair, 256, Bytes(32, 0), kInvalid});
  add({"p256_private_equal_n", kP256Pair, 0, FromHex(kP256Order), kInvalid});
  add({"p256_private_n_plus_1", kP256Pair, 0, FlipBit(FromHex(kP256Order), 31, 0x03), kInvalid});
  add({"p256_private_all_ff", kP256Pair, 0, Bytes(32, 0xff), kInvalid});
  add({"p384_private_equal_n", PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 0, FromHex(kP384Order), kInvalid});
  add({"p521_private_equal_n", PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 0, FromHex(kP521Order), kInvalid});
  add({"p521_private_top_bits_set", PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 0,
       FlipBit(FromHex(kP521Order), 0, 0xfe), kInvalid});
  add({"secp256k1_private_equal_n", kK1Pair, 0, FromHex(kSecp256k1Order), kInvalid});
  add({"brainpoolP256r1_private_equal_n", kBpPair, 0, FromHex(kBrainpoolP256r1Order), kInvalid});
  add({"p256_private_empty", kP256Pair, 0, {}, kInvalid});
  // 31 and 33 bytes: no SECP_R1 curve has that private key length.
  add({"p256_private_31_bytes", kP256Pair, 0, Bytes(m.p256_private.begin() + 1, m.p256_private.end()), kInvalid});
  add({"p256_private_31_bytes_bits_256", kP256Pair, 256, Bytes(m.p256_private.begin() + 1, m.p256_private.end()),
       kInvalid});
  add({"p256_private_33_bytes_bits_256", kP256Pair, 256, Concat(Bytes{0}, m.p256_private), kInvalid});
  add({"p256_private_33_bytes", kP256Pair, 0, Concat(Bytes{0}, m.p256_private), kInvalid});
  // A public point is not a private key, and a private key not a point.
  add({"p256_public_point_as_key_pair", kP256Pair, 0, m.p256_public, kInvalid});
  add({"p256_private_as_public_key", kP256Public, 0, m.p256_private, kInvalid});

  // --- ECC public keys: 0x04 || x || y on the curve. ---
  add({"p256_public_y_off_curve", kP256Public, 0, FlipBit(m.p256_public, 64, 0x01), kInvalid});
  add({"p256_public_x_off_curve", kP256Public, 0, FlipBit(m.p256_public, 1, 0x10), kInvalid});
  add({"p384_public_off_curve", PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 0,
       FlipBit(m.p384_public, 96, 0x01), kInvalid});
  add({"p521_public_off_curve", PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 0,
       FlipBit(m.p521_public, 132, 0x01), kInvalid});
  add({"secp256k1_public_off_curve", kK1Public, 0, FlipBit(m.k256_public, 64, 0x01), kInvalid});
  add({"brainpoolP256r1_public_off_curve", kBpPublic, 0, FlipBit(m.bp256_public, 64, 0x01), kInvalid});
  add({"p256_public_infinity_0x00", kP256Public, 0, Bytes{0x00}, kInvalid});
  add({"p256_public_zero_coordinates", kP256Public, 0, Concat(Bytes{0x04}, Bytes(64, 0)), kInvalid});
  add({"p256_public_x_equal_p", kP256Public, 0,
       Concat(Concat(Bytes{0x04}, FromHex(kP256Prime)), Bytes(m.p256_public.begin() + 33, m.p256_public.end())),
       kInvalid});
  add({"p256_public_compressed",
       kP256Public, 0,
       Concat(Bytes{static_cast<uint8_t>(0x02 | (m.p256_public[64] & 1))},
              Bytes(m.p256_public.begin() + 1, m.p256_public.begin() + 33)),
       kInvalid});
  add({"p256_public_leading_0x05", kP256Public, 0, FlipBit(m.p256_public, 0, 0x01), kInvalid});
  add({"p256_public_leading_0x00", kP256Public, 0, FlipBit(m.p256_public, 0, 0x04), kInvalid});
  add({"p256_public_hybrid_0x06", kP256Public, 0, FlipBit(m.p256_public, 0, 0x02), kInvalid});
  add({"p256_public_truncated", kP256Public, 0, Bytes(m.p256_public.begin(), m.p256_public.end() - 1), kInvalid});
  add({"p256_public_trailing_byte", kP256Public, 0, Concat(m.p256_public, Bytes{0}), kInvalid});
  add({"p256_public_empty", kP256Public, 0, {}, kInvalid});

  // --- Montgomery keys: exactly 32 (Curve25519) or 56 (Curve448) bytes. ---
  add({"x25519_private_31_bytes", kMontPair, 0, Bytes(m.x25519_private.begin(), m.x25519_private.end() - 1),
       kInvalid});
  add({"x25519_private_33_bytes", kMontPair, 0, Concat(m.x25519_private, Bytes{0}), kInvalid});
  add({"x25519_private_33_bytes_bits_255", kMontPair, 255, Concat(m.x25519_private, Bytes{0}), kInvalid});
  add({"x448_private_55_bytes", kMontPair, 0, Bytes(m.x448_private.begin(), m.x448_private.end() - 1), kInvalid});
  add({"x448_private_57_bytes", kMontPair, 0, Concat(m.x448_private, Bytes{0}), kInvalid});
  add({"x25519_public_31_bytes", kMontPublic, 0, Bytes(m.x25519_public.begin(), m.x25519_public.end() - 1),
       kInvalid});
  add({"x25519_public_33_bytes", kMontPublic, 0, Concat(m.x25519_public, Bytes{0}), kInvalid});
  add({"x448_public_55_bytes", kMontPublic, 0, Bytes(m.x448_public.begin(), m.x448_public.end() - 1), kInvalid});
  add({"x448_public_57_bytes", kMontPublic, 0, Concat(m.x448_public, Bytes{0}), kInvalid});
  add({"montgomery_private_empty", kMontPair, 0, {}, kInvalid});

  // --- RSA key pairs: DER RSAPrivateKey, version 0, nine INTEGERs. ---
  const Bytes& rp = m.rsa_private;
  add({"rsa_private_truncated_1", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, Bytes(rp.begin(), rp.end() - 1), kInvalid});
  add({"rsa_private_truncated_half", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, Bytes(rp.begin(), rp.begin() + rp.size() / 2),
       kInvalid});
  add({"rsa_private_trailing_byte", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, Concat(rp, Bytes{0}), kInvalid});
  add({"rsa_private_outer_tag_set", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, FlipBit(rp, 0, 0x01), kInvalid});
  add({"rsa_private_empty", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, {}, kInvalid});
  {
    RsaPrivateKeyFields f = m.rsa;
    f.version = {1};
    add({"rsa_private_version_1", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, f.Encode(), kInvalid});
  }
  {
    std::vector<Bytes> fields;
    if (!der::SplitSequence(rp, &fields)) __builtin_trap();
    std::vector<Bytes> eight(fields.begin(), fields.end() - 1);
    add({"rsa_private_missing_coefficient", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, der::Sequence(eight), kInvalid});
    std::vector<Bytes> ten = fields;
    ten.push_back(der::SmallInteger(1));
    add({"rsa_private_extra_integer", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, der::Sequence(ten), kInvalid});
    std::vector<Bytes> wrong_tag = fields;
    wrong_tag[1][0] = 0x04;  // modulus as an OCTET STRING
    add({"rsa_private_modulus_octet_string", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, der::Sequence(wrong_tag), kInvalid});
    std::vector<Bytes> negative = fields;
    // Drop the 0x00 that keeps the modulus positive: a negative INTEGER.
    negative[1] = der::Tlv(0x02, m.rsa.n);
    add({"rsa_private_negative_modulus", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, der::Sequence(negative), kInvalid});
  }
  {
    RsaPrivateKeyFields f = m.rsa;
    f.n.back() &= 0xfe;
    add({"rsa_private_even_modulus", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, f.Encode(), kInvalid});
  }
  {
    RsaPrivateKeyFields f = m.rsa;
    f.e = {1};
    add({"rsa_private_exponent_1", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, f.Encode(), kInvalid});
  }
  {
    RsaPrivateKeyFields f = m.rsa;
    f.n = {0};
    add({"rsa_private_zero_modulus", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, f.Encode(), kInvalid});
  }
  add({"rsa_public_key_as_key_pair", PSA_KEY_TYPE_RSA_KEY_PAIR, 0, m.rsa_public, kInvalid});

  // --- RSA public keys: DER RSAPublicKey {n, e}. ---
  const Bytes& rq = m.rsa_public;
  auto public_key = [](const Bytes& n, const Bytes& e) {
    return der::Sequence({der::UnsignedInteger(n), der::UnsignedInteger(e)});
  };
  add({"rsa_public_truncated_1", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, Bytes(rq.begin(), rq.end() - 1), kInvalid});
  add({"rsa_public_truncated_header", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, Bytes(rq.begin(), rq.begin() + 3), kInvalid});
  add({"rsa_public_trailing_byte", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, Concat(rq, Bytes{0}), kInvalid});
  add({"rsa_public_outer_tag_set", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, FlipBit(rq, 0, 0x01), kInvalid});
  add({"rsa_public_empty", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, {}, kInvalid});
  add({"rsa_public_exponent_1", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, public_key(m.rsa_n, {1}), kInvalid});
  add({"rsa_public_exponent_0", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, public_key(m.rsa_n, {0}), kInvalid});
  add({"rsa_public_exponent_even", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, public_key(m.rsa_n, {0x01, 0x00, 0x00}),
       kInvalid});
  {
    Bytes even_n = m.rsa_n;
    even_n.back() &= 0xfe;
    add({"rsa_public_even_modulus", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, public_key(even_n, m.rsa_e), kInvalid});
  }
  add({"rsa_public_zero_modulus", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, public_key({0}, m.rsa_e), kInvalid});
  add({"rsa_public_negative_modulus", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0,
       der::Sequence({der::Tlv(0x02, m.rsa_n), der::UnsignedInteger(m.rsa_e)}), kInvalid});
  add({"rsa_public_missing_exponent", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, der::Sequence({der::UnsignedInteger(m.rsa_n)}),
       kInvalid});
  add({"rsa_public_exponent_octet_string", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0,
       der::Sequence({der::UnsignedInteger(m.rsa_n), der::Tlv(0x04, m.rsa_e)}), kInvalid});
  {
    // BER, not DER: the same key with an indefinite-length SEQUENCE.
    Bytes content;
    Bytes n = der::UnsignedInteger(m.rsa_n), e = der::UnsignedInteger(m.rsa_e);
    content.insert(content.end(), n.begin(), n.end());
    content.insert(content.end(), e.begin(), e.end());
    Bytes indefinite = Concat(Concat(Bytes{0x30, 0x80}, content), Bytes{0x00, 0x00});
    add({"rsa_public_ber_indefinite_length", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, indefinite, kInvalid});
  }
  add({"rsa_private_key_as_public_key", PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, rp, kInvalid});

  // --- Lifetimes and identifiers. ---
  const Bytes aes = PatternBytes(16, 13);
  add({"persistent_id_0", PSA_KEY_TYPE_AES, 0, aes, kInvalid, PSA_KEY_LIFETIME_PERSISTENT, PSA_KEY_ID_NULL});
  add({"persistent_id_vendor_min", PSA_KEY_TYPE_AES, 0, aes, kInvalid, PSA_KEY_LIFETIME_PERSISTENT,
       PSA_KEY_ID_VENDOR_MIN});
  add({"persistent_id_vendor_max", PSA_KEY_TYPE_AES, 0, aes, kInvalid, PSA_KEY_LIFETIME_PERSISTENT,
       PSA_KEY_ID_VENDOR_MAX});
  add({"persistent_id_above_vendor_range", PSA_KEY_TYPE_AES, 0, aes, kInvalid, PSA_KEY_LIFETIME_PERSISTENT,
       0x80000000u});
  add({"persistent_id_all_ones", PSA_KEY_TYPE_AES, 0, aes, kInvalid, PSA_KEY_LIFETIME_PERSISTENT, 0xffffffffu});
  // Read-only keys cannot be created through the API (lifetime.h).
  add({"read_only_persistence", PSA_KEY_TYPE_AES, 0, aes, PSA_ERROR_NOT_PERMITTED,
       PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_READ_ONLY, PSA_KEY_LOCATION_LOCAL_STORAGE),
       0x2a});

  // --- Usage flags and permitted algorithm. ---
  add({"usage_undefined_0x8", PSA_KEY_TYPE_AES, 0, aes, kInvalid, PSA_KEY_LIFETIME_VOLATILE, PSA_KEY_ID_NULL,
       PSA_KEY_USAGE_EXPORT | 0x00000008u});
  add({"usage_undefined_0x100000", PSA_KEY_TYPE_AES, 0, aes, kInvalid, PSA_KEY_LIFETIME_VOLATILE, PSA_KEY_ID_NULL,
       0x00100000u});
  add({"usage_undefined_0x80000000", PSA_KEY_TYPE_AES, 0, aes, kInvalid, PSA_KEY_LIFETIME_VOLATILE,
       PSA_KEY_ID_NULL, 0x80000000u});
  // Algorithm category 0x7f is unallocated: no algorithm.
  add({"alg_unallocated_category", PSA_KEY_TYPE_AES, 0, aes, kInvalid, PSA_KEY_LIFETIME_VOLATILE, PSA_KEY_ID_NULL,
       PSA_KEY_USAGE_EXPORT, 0x7f000001u});
  // HMAC of PSA_ALG_ANY_HASH: that wildcard exists for signatures only.
  add({"alg_hmac_any_hash", PSA_KEY_TYPE_HMAC, 0, PatternBytes(32, 14), kInvalid, PSA_KEY_LIFETIME_VOLATILE,
       PSA_KEY_ID_NULL, PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_HMAC(PSA_ALG_ANY_HASH)});
  return rows;
}

class InvalidImport : public ::testing::TestWithParam<Row> {};

TEST_P(InvalidImport, Rejects) {
  const Row& row = GetParam();
  psa_key_attributes_t attributes = MakeAttributes(row.type, row.bits, row.usage, row.alg);
  if (row.lifetime != PSA_KEY_LIFETIME_VOLATILE) {
    psa_set_key_lifetime(&attributes, row.lifetime);
    psa_set_key_id(&attributes, row.id);
    // psa_set_key_id makes a volatile lifetime persistent; restore the
    // row's exact lifetime.
    psa_set_key_lifetime(&attributes, row.lifetime);
  }
  psa_key_id_t key = 0x5a5a5a5a;
  EXPECT_PSA(row.expected, Import(attributes, row.data, &key)) << "data: " << ToHex(row.data);
  EXPECT_EQ(key, PSA_KEY_ID_NULL) << "psa_import_key must output PSA_KEY_ID_NULL on failure";
  if (row.id != PSA_KEY_ID_NULL) {
    // Nothing was created under the requested identifier.
    psa_key_attributes_t read = psa_key_attributes_init();
    EXPECT_PSA(PSA_ERROR_INVALID_HANDLE, psa_get_key_attributes(row.id, &read));
  }
}

INSTANTIATE_TEST_SUITE_P(Spec, InvalidImport, ::testing::ValuesIn(Rows()),
                         [](const ::testing::TestParamInfo<Row>& info) { return info.param.name; });

TEST(InvalidImportTable, HasAtLeastSixtyDistinctRows) {
  const std::vector<Row> rows = Rows();
  EXPECT_GE(rows.size(), 60u);
  for (size_t i = 0; i < rows.size(); ++i) {
    for (size_t j = i + 1; j < rows.size(); ++j) EXPECT_NE(rows[i].name, rows[j].name);
  }
}

// The corrupted rows start from keys that import: a row fails for the
// reason its name gives, not because the base material was already bad.
TEST(InvalidImportTable, BaseMaterialImports) {
  const Material m;
  struct Base {
    const char* name;
    psa_key_type_t type;
    Bytes data;
  } bases[] = {
      {"des1", PSA_KEY_TYPE_DES, m.des1},
      {"des2", PSA_KEY_TYPE_DES, m.des2},
      {"des3", PSA_KEY_TYPE_DES, m.des3},
      {"p256_private", kP256Pair, m.p256_private},
      {"p256_public", kP256Public, m.p256_public},
      {"p384_public", PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), m.p384_public},
      {"p521_public", PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), m.p521_public},
      {"k256_public", kK1Public, m.k256_public},
      {"bp256_public", kBpPublic, m.bp256_public},
      {"x25519_private", kMontPair, m.x25519_private},
      {"x25519_public", kMontPublic, m.x25519_public},
      {"x448_private", kMontPair, m.x448_private},
      {"x448_public", kMontPublic, m.x448_public},
      {"rsa_private", PSA_KEY_TYPE_RSA_KEY_PAIR, m.rsa_private},
      {"rsa_private_reencoded", PSA_KEY_TYPE_RSA_KEY_PAIR, m.rsa.Encode()},
      {"rsa_public", PSA_KEY_TYPE_RSA_PUBLIC_KEY, m.rsa_public},
      {"rsa_public_rebuilt", PSA_KEY_TYPE_RSA_PUBLIC_KEY,
       der::Sequence({der::UnsignedInteger(m.rsa_n), der::UnsignedInteger(m.rsa_e)})},
  };
  for (const Base& base : bases) {
    SCOPED_TRACE(base.name);
    psa_key_id_t key = PSA_KEY_ID_NULL;
    EXPECT_PSA(PSA_SUCCESS, Import(MakeAttributes(base.type, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE), base.data, &key));
    EXPECT_PSA(PSA_SUCCESS, psa_destroy_key(key));
  }
  // And the re-encodings are the originals (the DER helpers are exact).
  EXPECT_EQ(ToHex(m.rsa.Encode()), ToHex(m.rsa_private));
}

}  // namespace
}  // namespace psa::keys_testing
