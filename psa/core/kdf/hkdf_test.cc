// HKDF-Extract and HKDF-Expand against RFC 5869 appendix A (SHA-256 and
// SHA-1), read from @cryptography_vectors, on the builtin driver.

#include "psa/core/kdf/hkdf.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "psa/core/kdf/testing/kdf_vector_files.h"
#include "psa/crypto.h"

namespace psa::core::kdf {
namespace {

using testing::Bytes;
using testing::LoadKdfFile;
using testing::ToHex;

class HkdfTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

psa_algorithm_t HashNamed(const std::string& name) {
  if (name == "SHA-256") return PSA_ALG_SHA_256;
  if (name == "SHA-1") return PSA_ALG_SHA_1;
  ADD_FAILURE() << "unknown hash " << name;
  return PSA_ALG_NONE;
}

void RunFile(const std::string& file, size_t expected_records) {
  const auto records = LoadKdfFile(file);
  ASSERT_EQ(records.size(), expected_records) << file;
  for (const auto& record : records) {
    SCOPED_TRACE(file + " " + record.Where());
    const psa_algorithm_t hash = HashNamed(record.Text("Hash"));
    const Bytes ikm = record.Hex("IKM");
    const Bytes salt = record.Hex("salt");
    const Bytes info = record.Hex("info");
    const size_t length = record.Number("L");
    uint8_t prk[PSA_HASH_MAX_SIZE];
    size_t prk_length = 0;
    ASSERT_EQ(HkdfExtract(hash, salt.data(), salt.size(), ikm.data(), ikm.size(), prk, sizeof(prk), &prk_length),
              PSA_SUCCESS);
    if (record.Has("PRK")) {
      EXPECT_EQ(ToHex(Bytes(prk, prk + prk_length)), ToHex(record.Hex("PRK")));
    }

    // Read in two uneven pieces: the stream must not depend on the split.
    HkdfExpand expand(hash);
    ASSERT_EQ(expand.Init(prk, prk_length, info.data(), info.size()), PSA_SUCCESS);
    Bytes okm(length);
    const size_t first = std::min<size_t>(length, 7);
    ASSERT_EQ(expand.Read(okm.data(), first), PSA_SUCCESS);
    ASSERT_EQ(expand.Read(okm.data() + first, length - first), PSA_SUCCESS);
    EXPECT_EQ(ToHex(okm), ToHex(record.Hex("OKM")));
  }
}

TEST_F(HkdfTest, Rfc5869Sha256) { RunFile("rfc-5869-HKDF-SHA256.txt", 3); }

TEST_F(HkdfTest, Rfc5869Sha1) { RunFile("rfc-5869-HKDF-SHA1.txt", 4); }

// pyca/cryptography's 1200-byte output (38 blocks), checked there against
// OpenSSL and Go.
TEST_F(HkdfTest, PycaGenerated1200Bytes) { RunFile("hkdf-generated.txt", 1); }

TEST_F(HkdfTest, ExpandStopsAfter255Blocks) {
  const Bytes prk(32, 0x0b);
  HkdfExpand expand(PSA_ALG_SHA_256);
  ASSERT_EQ(expand.Init(prk.data(), prk.size(), nullptr, 0), PSA_SUCCESS);
  Bytes all(255 * 32);
  ASSERT_EQ(expand.Read(all.data(), all.size()), PSA_SUCCESS);
  uint8_t one = 0x5a;
  EXPECT_EQ(expand.Read(&one, 1), PSA_ERROR_INSUFFICIENT_DATA);
  EXPECT_EQ(one, 0);  // wiped
}

TEST_F(HkdfTest, UnknownHashIsNotSupported) {
  HkdfExpand expand(PSA_ALG_NONE);
  const Bytes prk(32, 1);
  EXPECT_EQ(expand.Init(prk.data(), prk.size(), nullptr, 0), PSA_ERROR_NOT_SUPPORTED);
}

}  // namespace
}  // namespace psa::core::kdf
