// The TLS 1.2 PRF against OpenSSL's TLS1-PRF (SHA-256 and SHA-384, several
// lengths and reads in pieces), and the PSK premaster secret layout of
// RFC 4279 section 2.

#include "psa/core/kdf/tls12_prf.h"

#include <gtest/gtest.h>

#include "psa/core/kdf/testing/kdf_vector_files.h"
#include "psa/core/kdf/testing/openssl_kdf.h"
#include "psa/crypto.h"

namespace psa::core::kdf {
namespace {

using testing::Bytes;
using testing::FromHex;
using testing::ToHex;

class Tls12PrfTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

TEST_F(Tls12PrfTest, MatchesOpenssl) {
  const Bytes secret = FromHex("9bbe436ba940f017b17652849a71db35");
  const Bytes seed = FromHex("a0ba9f936cda311827a6f796ffd5198c");
  const Bytes label = {'t', 'e', 's', 't', ' ', 'l', 'a', 'b', 'e', 'l'};
  for (psa_algorithm_t hash : {PSA_ALG_SHA_256, PSA_ALG_SHA_384}) {
    for (size_t length : {1u, 32u, 100u, 148u}) {
      SCOPED_TRACE(std::to_string(length));
      Tls12Prf prf(hash);
      ASSERT_EQ(prf.Init(secret.data(), secret.size(), label.data(), label.size(), seed.data(), seed.size()),
                PSA_SUCCESS);
      Bytes out(length);
      const size_t first = length / 3;
      ASSERT_EQ(prf.Read(out.data(), first), PSA_SUCCESS);
      ASSERT_EQ(prf.Read(out.data() + first, length - first), PSA_SUCCESS);
      const Bytes expected =
          testing::OpensslTls12Prf(hash == PSA_ALG_SHA_256 ? "SHA256" : "SHA384", secret, label, seed, length);
      ASSERT_EQ(expected.size(), length);
      EXPECT_EQ(ToHex(out), ToHex(expected));
    }
  }
}

TEST_F(Tls12PrfTest, PskPremasterSecret) {
  const Bytes psk = {1, 2, 3};
  SecureBuffer plain;
  ASSERT_EQ(Tls12PskPremasterSecret(nullptr, 0, psk.data(), psk.size(), &plain), PSA_SUCCESS);
  EXPECT_EQ(ToHex(Bytes(plain.data(), plain.data() + plain.size())), "0003000000" "0003010203");
  const Bytes other = {9, 8};
  SecureBuffer with_other;
  ASSERT_EQ(Tls12PskPremasterSecret(other.data(), other.size(), psk.data(), psk.size(), &with_other), PSA_SUCCESS);
  EXPECT_EQ(ToHex(Bytes(with_other.data(), with_other.data() + with_other.size())), "00020908" "0003010203");
}

}  // namespace
}  // namespace psa::core::kdf
