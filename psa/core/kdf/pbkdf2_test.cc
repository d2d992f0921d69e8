// PBKDF2-HMAC-SHA-1 against RFC 6070 (@cryptography_vectors), the AES-CMAC
// PRF key of RFC 4615, and the cost limits.

#include "psa/core/kdf/pbkdf2.h"

#include <gtest/gtest.h>

#include <string>

#include "psa/core/kdf/testing/kdf_vector_files.h"
#include "psa/crypto.h"

namespace psa::core::kdf {
namespace {

using testing::Bytes;
using testing::FromHex;
using testing::LoadKdfFile;
using testing::ToHex;

class Pbkdf2Test : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

// The RFC 6070 file writes passwords and salts as text, "\0" for a NUL.
Bytes Text(const std::string& value) {
  Bytes bytes;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == '0') {
      bytes.push_back(0);
      ++i;
    } else {
      bytes.push_back(static_cast<uint8_t>(value[i]));
    }
  }
  return bytes;
}

TEST_F(Pbkdf2Test, Rfc6070Sha1) {
  const auto records = LoadKdfFile("rfc-6070-PBKDF2-SHA1.txt");
  ASSERT_EQ(records.size(), 6u);
  int run = 0;
  for (const auto& record : records) {
    SCOPED_TRACE(record.Where());
    const uint64_t iterations = record.Number("ITERATIONS");
    // 16777216 iterations take minutes through the dispatch; the other five
    // vectors cover the loop.
    if (iterations > 100000) continue;
    const Bytes password = Text(record.Text("PASSWORD"));
    const Bytes salt = Text(record.Text("SALT"));
    Pbkdf2 pbkdf2(PSA_ALG_HMAC(PSA_ALG_SHA_1));
    ASSERT_EQ(pbkdf2.Init(password.data(), password.size(), salt.data(), salt.size(), iterations), PSA_SUCCESS);
    Bytes key(record.Number("LENGTH"));
    ASSERT_EQ(pbkdf2.Read(key.data(), key.size()), PSA_SUCCESS);
    EXPECT_EQ(ToHex(key), ToHex(record.Hex("DERIVED_KEY")));
    ++run;
  }
  EXPECT_EQ(run, 5);
}

// RFC 4615 section 4: AES-CMAC-PRF-128 with keys of 18, 16 and 10 bytes.
TEST_F(Pbkdf2Test, AesCmacPrf128KeyRfc4615) {
  const Bytes message = FromHex("000102030405060708090a0b0c0d0e0f10111213");
  struct Case {
    const char* key;
    const char* prf;
  } cases[] = {
      {"000102030405060708090a0b0c0d0e0fedcb", "84a348a4a45d235babfffc0d2b4da09a"},
      {"000102030405060708090a0b0c0d0e0f", "980ae87b5f4c9c5214f5b6a8455e4c2d"},
      {"00010203040506070809", "290d9e112edb09ee141fcf64c0b72f3d"},
  };
  for (const Case& c : cases) {
    const Bytes key = FromHex(c.key);
    uint8_t prf_key[16];
    ASSERT_EQ(AesCmacPrf128Key(key.data(), key.size(), prf_key), PSA_SUCCESS);
    MacPrf prf;
    ASSERT_EQ(prf.InitCmac(PSA_KEY_TYPE_AES, prf_key, sizeof(prf_key)), PSA_SUCCESS);
    uint8_t out[16];
    const Piece piece{message.data(), message.size()};
    ASSERT_EQ(prf.Compute(&piece, 1, out), PSA_SUCCESS);
    EXPECT_EQ(ToHex(Bytes(out, out + 16)), c.prf) << c.key;
  }
}

TEST_F(Pbkdf2Test, CostOfZeroIsInvalid) {
  Pbkdf2 pbkdf2(PSA_ALG_HMAC(PSA_ALG_SHA_256));
  EXPECT_EQ(pbkdf2.Init(nullptr, 0, nullptr, 0, 0), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(pbkdf2.Init(nullptr, 0, nullptr, 0, kPbkdf2MaxCost + 1), PSA_ERROR_INVALID_ARGUMENT);
}

// An empty password is the one-zero-byte HMAC key: same output.
TEST_F(Pbkdf2Test, EmptyPasswordEqualsZeroByte) {
  const uint8_t zero = 0;
  const Bytes salt = {1, 2, 3};
  Pbkdf2 a(PSA_ALG_HMAC(PSA_ALG_SHA_256));
  Pbkdf2 b(PSA_ALG_HMAC(PSA_ALG_SHA_256));
  ASSERT_EQ(a.Init(nullptr, 0, salt.data(), salt.size(), 3), PSA_SUCCESS);
  ASSERT_EQ(b.Init(&zero, 1, salt.data(), salt.size(), 3), PSA_SUCCESS);
  Bytes x(40), y(40);
  ASSERT_EQ(a.Read(x.data(), x.size()), PSA_SUCCESS);
  ASSERT_EQ(b.Read(y.data(), y.size()), PSA_SUCCESS);
  EXPECT_EQ(x, y);
}

}  // namespace
}  // namespace psa::core::kdf
