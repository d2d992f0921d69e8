// SP 800-108 counter mode: the NIST CAVP KBKDF vectors with the counter
// before the fixed data, 32-bit counter (@cryptography_vectors), HMAC with
// SHA-1 and SHA-2, CMAC with AES; and the PSA fixed-input encoding against
// OpenSSL's KBKDF.

#include "psa/core/kdf/sp800_108.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "psa/core/kdf/testing/kdf_vector_files.h"
#include "psa/core/kdf/testing/openssl_kdf.h"
#include "psa/crypto.h"

namespace psa::core::kdf {
namespace {

using testing::Bytes;
using testing::LoadKdfFile;
using testing::ToHex;

class Sp800108Test : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

// Keys `prf` of `counter` as the NIST PRF name says; false for a PRF that
// no PSA algorithm uses (CMAC with TDES).
bool KeyPrf(const std::string& name, const Bytes& key, Sp800108Counter** counter, std::unique_ptr<Sp800108Counter>* owner) {
  static const std::map<std::string, psa_algorithm_t> kHmac = {
      {"HMAC_SHA1", PSA_ALG_SHA_1},     {"HMAC_SHA224", PSA_ALG_SHA_224}, {"HMAC_SHA256", PSA_ALG_SHA_256},
      {"HMAC_SHA384", PSA_ALG_SHA_384}, {"HMAC_SHA512", PSA_ALG_SHA_512},
  };
  if (auto it = kHmac.find(name); it != kHmac.end()) {
    *owner = std::make_unique<Sp800108Counter>(PSA_HASH_LENGTH(it->second));
    EXPECT_EQ((*owner)->prf().InitHmac(it->second, key.data(), key.size()), PSA_SUCCESS);
  } else if (name.rfind("CMAC_AES", 0) == 0) {
    *owner = std::make_unique<Sp800108Counter>(16);
    EXPECT_EQ((*owner)->prf().InitCmac(PSA_KEY_TYPE_AES, key.data(), key.size()), PSA_SUCCESS);
  } else {
    return false;
  }
  *counter = owner->get();
  return true;
}

TEST_F(Sp800108Test, NistCounterBeforeFixed32BitCounter) {
  const auto records = LoadKdfFile("nist-800-108-KBKDF-CTR.txt");
  ASSERT_FALSE(records.empty());
  std::map<std::string, int> run;
  for (const auto& record : records) {
    if (record.Text("CTRLOCATION") != "BEFORE_FIXED" || record.Text("RLEN") != "32_BITS") continue;
    SCOPED_TRACE(record.Where());
    const std::string prf_name = record.Text("PRF");
    std::unique_ptr<Sp800108Counter> owner;
    Sp800108Counter* counter = nullptr;
    if (!KeyPrf(prf_name, record.Hex("KI"), &counter, &owner)) continue;
    const Bytes fixed = record.Hex("FixedInputData");
    ASSERT_EQ(counter->Init(fixed.data(), fixed.size()), PSA_SUCCESS);
    Bytes out(record.Number("L") / 8);
    ASSERT_EQ(counter->Read(out.data(), out.size()), PSA_SUCCESS);
    EXPECT_EQ(ToHex(out), ToHex(record.Hex("KO")));
    ++run[prf_name];
  }
  // 40 vectors per PRF and counter layout in CAVS 14.4.
  for (const char* prf : {"HMAC_SHA1", "HMAC_SHA224", "HMAC_SHA256", "HMAC_SHA384", "HMAC_SHA512", "CMAC_AES128",
                          "CMAC_AES192", "CMAC_AES256"}) {
    EXPECT_EQ(run[prf], 40) << prf;
  }
  int total = 0;
  for (const auto& [prf, count] : run) total += count;
  std::cout << "SP 800-108 NIST vectors run: " << total << "\n";
}

TEST_F(Sp800108Test, PsaEncodingMatchesOpensslKbkdf) {
  const Bytes key(32, 0x42);
  const Bytes label = {'l', 'a', 'b', 'e', 'l'};
  const Bytes context = {0xc0, 0x01, 0x00, 0x02};
  for (size_t length : {1u, 16u, 33u, 100u}) {
    for (bool cmac : {false, true}) {
      SCOPED_TRACE(std::to_string(length) + (cmac ? " CMAC" : " HMAC"));
      const Bytes secret(key.begin(), key.begin() + (cmac ? 16 : 32));
      Sp800108Counter counter(cmac ? 16 : 32);
      ASSERT_EQ(cmac ? counter.prf().InitCmac(PSA_KEY_TYPE_AES, secret.data(), secret.size())
                     : counter.prf().InitHmac(PSA_ALG_SHA_256, secret.data(), secret.size()),
                PSA_SUCCESS);
      SecureBuffer fixed;
      ASSERT_EQ(Sp800108PsaFixedInput(label.data(), label.size(), context.data(), context.size(),
                                      static_cast<uint32_t>(8 * length), &fixed),
                PSA_SUCCESS);
      ASSERT_EQ(counter.Init(fixed.data(), fixed.size()), PSA_SUCCESS);
      Bytes out(length);
      ASSERT_EQ(counter.Read(out.data(), out.size()), PSA_SUCCESS);
      const Bytes expected = testing::OpensslKbkdfCounter(cmac ? "CMAC" : "HMAC", cmac ? "AES-128-CBC" : "SHA256",
                                                          secret, label, context, length);
      ASSERT_EQ(expected.size(), length);
      EXPECT_EQ(ToHex(out), ToHex(expected));
    }
  }
}

}  // namespace
}  // namespace psa::core::kdf
