// sha_x86 first, builtin last, through the PSA API: on the SHA-NI path the
// dispatch says sha_x86 served SHA-1/224/256 and HMAC over them, and
// builtin the rest; with the path forced to "no SHA-NI" sha_x86 declines
// and builtin serves everything, with the same results. Clone of an
// operation sha_x86 serves.

#include <string>
#include <vector>

#include "drivers/sha_x86/code_path.h"
#include "gtest/gtest.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"

namespace drivers::sha_x86 {
namespace {

std::string ServedBy() {
  const char* name = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  return name != nullptr ? name : "(none)";
}

std::string Hex(const uint8_t* data, size_t length) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < length; ++i) {
    hex += kDigits[data[i] >> 4];
    hex += kDigits[data[i] & 0x0f];
  }
  return hex;
}

struct Served {
  std::string result;
  std::string driver;
};

Served Hash(psa_algorithm_t alg, const std::vector<uint8_t>& message) {
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  const psa_status_t status = psa_hash_compute(alg, message.data(), message.size(), digest, sizeof(digest), &length);
  if (status != PSA_SUCCESS) return {"status " + std::to_string(status), ServedBy()};
  return {Hex(digest, length), ServedBy()};
}

Served Hmac(psa_algorithm_t alg, const std::vector<uint8_t>& message) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_HMAC);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE);
  psa_set_key_algorithm(&attributes, alg);
  const uint8_t key[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  psa_key_id_t id = 0;
  if (psa_import_key(&attributes, key, sizeof(key), &id) != PSA_SUCCESS) return {"import failed", ""};
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  const psa_status_t status = psa_mac_compute(id, alg, message.data(), message.size(), mac, sizeof(mac), &length);
  Served served{status == PSA_SUCCESS ? Hex(mac, length) : "status " + std::to_string(status), ServedBy()};
  psa_destroy_key(id);
  return served;
}

class ShaX86Dispatch : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
  void TearDown() override { ResetCodePathForTesting(); }
};

TEST_F(ShaX86Dispatch, EachPathIsServedByTheRightDriverWithTheSameResults) {
  const std::vector<uint8_t> message(1000, 0x61);
  for (psa_algorithm_t alg : {PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256}) {
    ASSERT_TRUE(SetCodePathForTesting(CodePath::kNone));
    const Served hash_by_builtin = Hash(alg, message);
    const Served hmac_by_builtin = Hmac(PSA_ALG_HMAC(alg), message);
    EXPECT_EQ(hash_by_builtin.driver, "builtin");
    EXPECT_EQ(hmac_by_builtin.driver, "builtin");
    if (!SetCodePathForTesting(CodePath::kShaNi)) GTEST_SKIP() << "this CPU has no SHA-NI";
    const Served hash_by_sha_x86 = Hash(alg, message);
    const Served hmac_by_sha_x86 = Hmac(PSA_ALG_HMAC(alg), message);
    EXPECT_EQ(hash_by_sha_x86.driver, "sha_x86");
    EXPECT_EQ(hmac_by_sha_x86.driver, "sha_x86");
    EXPECT_EQ(hash_by_sha_x86.result, hash_by_builtin.result);
    EXPECT_EQ(hmac_by_sha_x86.result, hmac_by_builtin.result);
  }
}

TEST_F(ShaX86Dispatch, WhatShaX86DoesNotDeclareGoesToBuiltin) {
  if (!SetCodePathForTesting(CodePath::kShaNi)) GTEST_SKIP() << "this CPU has no SHA-NI";
  const std::vector<uint8_t> message(100, 0x62);
  for (psa_algorithm_t alg : {PSA_ALG_MD5, PSA_ALG_SHA_384, PSA_ALG_SHA_512}) {
    EXPECT_EQ(Hash(alg, message).driver, "builtin");
    EXPECT_EQ(Hmac(PSA_ALG_HMAC(alg), message).driver, "builtin");
  }
}

TEST_F(ShaX86Dispatch, CloneOfAnOperationShaX86Serves) {
  if (!SetCodePathForTesting(CodePath::kShaNi)) GTEST_SKIP() << "this CPU has no SHA-NI";
  const std::vector<uint8_t> message(200, 0x63);
  psa_hash_operation_t source = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_setup(&source, PSA_ALG_SHA_256), PSA_SUCCESS);
  EXPECT_EQ(ServedBy(), "sha_x86");
  ASSERT_EQ(psa_hash_update(&source, message.data(), 70), PSA_SUCCESS);
  psa_hash_operation_t clone = PSA_HASH_OPERATION_INIT;
  ASSERT_EQ(psa_hash_clone(&source, &clone), PSA_SUCCESS);
  ASSERT_EQ(psa_hash_update(&clone, message.data() + 70, 130), PSA_SUCCESS);
  uint8_t first[PSA_HASH_MAX_SIZE], second[PSA_HASH_MAX_SIZE];
  size_t first_length = 0, second_length = 0;
  ASSERT_EQ(psa_hash_finish(&source, first, sizeof(first), &first_length), PSA_SUCCESS);
  ASSERT_EQ(psa_hash_finish(&clone, second, sizeof(second), &second_length), PSA_SUCCESS);
  EXPECT_EQ(Hex(first, first_length), Hash(PSA_ALG_SHA_256, std::vector<uint8_t>(message.begin(), message.begin() + 70)).result);
  EXPECT_EQ(Hex(second, second_length), Hash(PSA_ALG_SHA_256, message).result);
}

}  // namespace
}  // namespace drivers::sha_x86
