// CTR_DRBG (AES-256, derivation function) against known answers
// (testdata/ctr_drbg_aes256_df.rsp, see make_ctr_drbg_vectors.py) and against
// Mbed TLS 2.28's mbedtls_ctr_drbg, with the AES served by the real dispatch.

#include "psa/core/random/ctr_drbg.h"

#include <stdlib.h>
#include <string.h>

#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "mbedtls/ctr_drbg.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes FromHex(const std::string& hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

struct Case {
  std::string name;
  std::map<std::string, Bytes> fields;
  std::vector<Bytes> additional;  // the two AdditionalInput lines
};

std::vector<Case> ReadCases() {
  const char* srcdir = getenv("TEST_SRCDIR");
  const char* workspace = getenv("TEST_WORKSPACE");
  std::vector<Case> cases;
  if (srcdir == nullptr || workspace == nullptr) return cases;
  std::ifstream file(std::string(srcdir) + "/" + workspace + "/psa/core/random/testdata/ctr_drbg_aes256_df.rsp");
  std::string line, group;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      if (line.rfind("[PersonalizationStringLen", 0) == 0 || line.rfind("[AdditionalInputLen", 0) == 0 ||
          line.rfind("[ReturnedBitsLen", 0) == 0) {
        group += line;
      }
      if (line.rfind("[AES-256", 0) == 0) group.clear();
      continue;
    }
    const size_t eq = line.find(" = ");
    const std::string key = line.substr(0, eq);
    const std::string value = eq + 3 <= line.size() ? line.substr(eq + 3) : "";
    if (key == "COUNT") {
      cases.push_back({group + " COUNT " + value, {}, {}});
    } else if (key == "AdditionalInput") {
      cases.back().additional.push_back(FromHex(value));
    } else {
      cases.back().fields[key] = FromHex(value);
    }
  }
  return cases;
}

class CtrDrbgTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

TEST_F(CtrDrbgTest, MatchesKnownAnswers) {
  const std::vector<Case> cases = ReadCases();
  ASSERT_EQ(cases.size(), 35u) << "testdata/ctr_drbg_aes256_df.rsp not read";
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ASSERT_EQ(c.additional.size(), 2u);
    CtrDrbg drbg(/*reseed_interval=*/1000);
    ASSERT_EQ(drbg.Instantiate(c.fields.at("EntropyInput"), c.fields.at("Nonce"),
                               c.fields.at("PersonalizationString")),
              PSA_SUCCESS);
    if (c.fields.count("EntropyInputReseed")) {
      ASSERT_EQ(drbg.Reseed(c.fields.at("EntropyInputReseed"), c.fields.at("AdditionalInputReseed")), PSA_SUCCESS);
    }
    const Bytes& expected = c.fields.at("ReturnedBits");
    Bytes output(expected.size());
    ASSERT_EQ(drbg.Generate(output.data(), output.size(), c.additional[0]), PSA_SUCCESS);
    ASSERT_EQ(drbg.Generate(output.data(), output.size(), c.additional[1]), PSA_SUCCESS);
    EXPECT_EQ(output, expected);
  }
}

// Feeds mbedtls_ctr_drbg the entropy input, then the nonce, as CAVP tests do.
struct ScriptedInput {
  Bytes bytes;
  size_t offset = 0;
};

int ScriptedEntropy(void* p, unsigned char* output, size_t length) {
  ScriptedInput* input = static_cast<ScriptedInput*>(p);
  if (input->bytes.size() - input->offset < length) return -1;
  memcpy(output, input->bytes.data() + input->offset, length);
  input->offset += length;
  return 0;
}

TEST_F(CtrDrbgTest, AgreesWithMbedtls) {
  std::mt19937 rng(7);
  auto take = [&rng](size_t n) {
    Bytes out(n);
    for (uint8_t& b : out) b = static_cast<uint8_t>(rng());
    return out;
  };
  for (int round = 0; round < 40; ++round) {
    SCOPED_TRACE(round);
    const Bytes entropy = take(32), nonce = take(16), personalization = take(round % 3 == 0 ? 0 : round);
    const Bytes reseed_entropy = take(32), reseed_additional = take(round % 5);
    const size_t length = 1 + static_cast<size_t>(rng() % MBEDTLS_CTR_DRBG_MAX_REQUEST);

    CtrDrbg drbg(/*reseed_interval=*/1000);
    ASSERT_EQ(drbg.Instantiate(entropy, nonce, personalization), PSA_SUCCESS);

    ScriptedInput input;
    input.bytes = entropy;
    input.bytes.insert(input.bytes.end(), nonce.begin(), nonce.end());
    input.bytes.insert(input.bytes.end(), reseed_entropy.begin(), reseed_entropy.end());
    mbedtls_ctr_drbg_context theirs;
    mbedtls_ctr_drbg_init(&theirs);
    mbedtls_ctr_drbg_set_entropy_len(&theirs, 32);
    ASSERT_EQ(mbedtls_ctr_drbg_set_nonce_len(&theirs, 16), 0);
    ASSERT_EQ(mbedtls_ctr_drbg_seed(&theirs, ScriptedEntropy, &input, personalization.data(), personalization.size()),
              0);

    for (int step = 0; step < 4; ++step) {
      if (step == 2) {
        ASSERT_EQ(drbg.Reseed(reseed_entropy, reseed_additional), PSA_SUCCESS);
        ASSERT_EQ(mbedtls_ctr_drbg_reseed(&theirs, reseed_additional.data(), reseed_additional.size()), 0);
      }
      const Bytes additional = take(step * 7);
      Bytes ours(length), expected(length);
      ASSERT_EQ(drbg.Generate(ours.data(), ours.size(), additional), PSA_SUCCESS);
      ASSERT_EQ(mbedtls_ctr_drbg_random_with_add(&theirs, expected.data(), expected.size(), additional.data(),
                                                 additional.size()),
                0);
      EXPECT_EQ(ours, expected) << "step " << step << ", " << length << " bytes";
    }
    mbedtls_ctr_drbg_free(&theirs);
  }
}

TEST_F(CtrDrbgTest, LongRequestsSpanChunksAndMatchOneBlockAtATime) {
  // A request that crosses the internal chunking gives the bytes a
  // sequence of single-block requests cannot: only the first block agrees.
  const Bytes entropy(32, 0x11), nonce(16, 0x22);
  CtrDrbg a(1000), b(1000);
  ASSERT_EQ(a.Instantiate(entropy, nonce, {}), PSA_SUCCESS);
  ASSERT_EQ(b.Instantiate(entropy, nonce, {}), PSA_SUCCESS);
  Bytes whole(CtrDrbg::kMaxRequestLength), first(16);
  ASSERT_EQ(a.Generate(whole.data(), whole.size(), {}), PSA_SUCCESS);
  ASSERT_EQ(b.Generate(first.data(), first.size(), {}), PSA_SUCCESS);
  EXPECT_TRUE(std::equal(first.begin(), first.end(), whole.begin()));
  // No repeated 16-byte block in 64 KiB of output.
  std::set<Bytes> blocks;
  for (size_t i = 0; i < whole.size(); i += 16) blocks.insert(Bytes(whole.begin() + i, whole.begin() + i + 16));
  EXPECT_EQ(blocks.size(), whole.size() / 16);
}

TEST_F(CtrDrbgTest, RejectsBadArguments) {
  CtrDrbg drbg(2);
  uint8_t out[16];
  EXPECT_EQ(drbg.Generate(out, sizeof(out), {}), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(drbg.Reseed(Bytes(32), {}), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(drbg.Instantiate(Bytes(31), Bytes(16), {}), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(drbg.Instantiate(Bytes(32), Bytes(15), {}), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(drbg.instantiated());
  ASSERT_EQ(drbg.Instantiate(Bytes(32, 1), Bytes(16, 2), {}), PSA_SUCCESS);
  EXPECT_EQ(drbg.Reseed(Bytes(31), {}), PSA_ERROR_INVALID_ARGUMENT);
  Bytes big(CtrDrbg::kMaxRequestLength + 1);
  EXPECT_EQ(drbg.Generate(big.data(), big.size(), {}), PSA_ERROR_INVALID_ARGUMENT);
  // Reseed interval 2: two requests, then the DRBG asks for a reseed.
  EXPECT_EQ(drbg.Generate(out, sizeof(out), {}), PSA_SUCCESS);
  EXPECT_EQ(drbg.Generate(out, sizeof(out), {}), PSA_SUCCESS);
  EXPECT_TRUE(drbg.reseed_required());
  memset(out, 0xAA, sizeof(out));
  EXPECT_EQ(drbg.Generate(out, sizeof(out), {}), PSA_ERROR_INSUFFICIENT_ENTROPY);
  EXPECT_EQ(Bytes(out, out + sizeof(out)), Bytes(sizeof(out), 0)) << "output not wiped";
  ASSERT_EQ(drbg.Reseed(Bytes(32, 3), {}), PSA_SUCCESS);
  EXPECT_EQ(drbg.Generate(out, sizeof(out), {}), PSA_SUCCESS);
}

psa_status_t FailingAes(const uint8_t*, const uint8_t*, uint8_t*, size_t) { return PSA_ERROR_HARDWARE_FAILURE; }

TEST_F(CtrDrbgTest, AesFailureUninstantiatesAndWipes) {
  CtrDrbg drbg(10, &FailingAes);
  EXPECT_EQ(drbg.Instantiate(Bytes(32), Bytes(16), {}), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_FALSE(drbg.instantiated());
  uint8_t out[32];
  memset(out, 0x55, sizeof(out));
  EXPECT_EQ(BlockCipherDf(&FailingAes, {Bytes(5)}, out, sizeof(out)), PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(Bytes(out, out + sizeof(out)), Bytes(sizeof(out), 0));
  EXPECT_EQ(BlockCipherDf(&DispatchedAes256, {Bytes(5)}, out, 65), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(BlockCipherDf(&DispatchedAes256, {Bytes(5)}, out, 0), PSA_ERROR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace psa::core
