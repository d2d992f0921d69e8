// builtin_derive_key: the draws of PSA Crypto 1.2 for DES, Weierstrass and
// Montgomery ECC and SPAKE2+ key pairs, at the edges of each range.

#include "drivers/builtin/builtin_derive_key.h"

#include <gtest/gtest.h>

#include <vector>

namespace {

using Bytes = std::vector<uint8_t>;

psa_key_attributes_t Attributes(psa_key_type_t type, size_t bits) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  return attributes;
}

psa_status_t Derive(psa_key_type_t type, size_t bits, const Bytes& input, Bytes* key) {
  const psa_key_attributes_t attributes = Attributes(type, bits);
  key->assign(200, 0xee);
  size_t length = 0;
  const psa_status_t status =
      builtin_derive_key(&attributes, input.data(), input.size(), nullptr, key->data(), key->size(), &length);
  key->resize(length);
  return status;
}

Bytes FromHex(const char* hex) {
  Bytes out;
  for (size_t i = 0; hex[i] != 0 && hex[i + 1] != 0; i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(std::string(hex + i, 2), nullptr, 16)));
  }
  return out;
}

const char kP256Order[] = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

TEST(BuiltinDeriveKey, DesSetsParityAndRejectsWeakKeys) {
  Bytes key;
  ASSERT_EQ(Derive(PSA_KEY_TYPE_DES, 64, FromHex("0000000000000000"), &key), PSA_ERROR_INSUFFICIENT_DATA);
  ASSERT_EQ(Derive(PSA_KEY_TYPE_DES, 64, FromHex("fefefefefefefefe"), &key), PSA_ERROR_INSUFFICIENT_DATA);
  ASSERT_EQ(Derive(PSA_KEY_TYPE_DES, 64, FromHex("0011223344556677"), &key), PSA_SUCCESS);
  // Odd parity in every byte.
  EXPECT_EQ(key, FromHex("0110233245546776"));
  EXPECT_EQ(Derive(PSA_KEY_TYPE_DES, 64, FromHex("00112233"), &key), PSA_ERROR_INVALID_ARGUMENT);
}

TEST(BuiltinDeriveKey, WeierstrassIsKPlusOneUpToOrderMinusTwo) {
  Bytes key;
  const psa_key_type_t p256 = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
  ASSERT_EQ(Derive(p256, 256, Bytes(32, 0), &key), PSA_SUCCESS);
  Bytes one(32, 0);
  one[31] = 1;
  EXPECT_EQ(key, one);
  // k = n - 2 gives d = n - 1, the largest key; k = n - 1 is drawn again.
  Bytes n = FromHex(kP256Order);
  Bytes n_minus_2 = n;
  n_minus_2[31] -= 2;
  Bytes n_minus_1 = n;
  n_minus_1[31] -= 1;
  ASSERT_EQ(Derive(p256, 256, n_minus_2, &key), PSA_SUCCESS);
  EXPECT_EQ(key, n_minus_1);
  EXPECT_EQ(Derive(p256, 256, n_minus_1, &key), PSA_ERROR_INSUFFICIENT_DATA);
  EXPECT_EQ(Derive(p256, 256, Bytes(32, 0xff), &key), PSA_ERROR_INSUFFICIENT_DATA);
}

TEST(BuiltinDeriveKey, P521ClearsTheExcessTopBits) {
  Bytes key;
  Bytes input(66, 0);
  input[0] = 0xfe;  // only the lowest bit of the first byte is kept
  ASSERT_EQ(Derive(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 521, input, &key), PSA_SUCCESS);
  Bytes expected(66, 0);
  expected[65] = 1;
  EXPECT_EQ(key, expected);
}

TEST(BuiltinDeriveKey, MontgomeryForcesRfc7748Bits) {
  Bytes key;
  ASSERT_EQ(Derive(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 255, Bytes(32, 0xff), &key), PSA_SUCCESS);
  EXPECT_EQ(key.front(), 0xf8);
  EXPECT_EQ(key.back(), 0x7f);
  ASSERT_EQ(Derive(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 448, Bytes(56, 0), &key), PSA_SUCCESS);
  EXPECT_EQ(key.back(), 0x80);
}

TEST(BuiltinDeriveKey, Spake2pReducesModuloTheOrder) {
  Bytes key;
  // w0s = n + 5, w1s = 7 (40 bytes each).
  Bytes input(80, 0);
  const Bytes n = FromHex(kP256Order);
  std::copy(n.begin(), n.end(), input.begin() + 8);
  input[39] += 5;
  input[79] = 7;
  ASSERT_EQ(Derive(PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256, input, &key), PSA_SUCCESS);
  Bytes expected(64, 0);
  expected[31] = 5;
  expected[63] = 7;
  EXPECT_EQ(key, expected);
}

TEST(BuiltinDeriveKey, EdwardsAndRsaAreNotSupported) {
  Bytes key;
  EXPECT_EQ(Derive(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS), 255, Bytes(32, 1), &key),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(Derive(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, Bytes(256, 1), &key), PSA_ERROR_NOT_SUPPORTED);
}

}  // namespace
