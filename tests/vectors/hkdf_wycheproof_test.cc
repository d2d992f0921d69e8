// Every vector of Wycheproof's hkdf_sha256_test.json (testdata/wycheproof/,
// C2SP/wycheproof testvectors_v1, Apache 2.0, see LICENSE there) through
// the public key derivation API of a builtin-only build: valid vectors must
// give their output, with the input keying material once as bytes and once
// as a PSA_KEY_TYPE_DERIVE key (then also through output_key as RAW_DATA
// and verify_bytes); the invalid ones ask for more than 255 blocks and must
// fail with PSA_ERROR_INSUFFICIENT_DATA. The counts are printed.

#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "psa/crypto.h"
#include "tests/vectors/hex.h"
#include "tests/vectors/test_files.h"

namespace tests::vectors {
namespace {

using Bytes = std::vector<uint8_t>;
constexpr psa_algorithm_t kAlg = PSA_ALG_HKDF(PSA_ALG_SHA_256);

Bytes Hex(const nlohmann::json& value) {
  Bytes bytes;
  EXPECT_TRUE(DecodeHex(value.get<std::string>(), &bytes));
  return bytes;
}

const uint8_t* Data(const Bytes& bytes) { return bytes.empty() ? nullptr : bytes.data(); }

// Sets up `op` with the vector's inputs; the secret as a key when `key` is
// not PSA_KEY_ID_NULL.
void Start(psa_key_derivation_operation_t* op, const Bytes& salt, const Bytes& ikm, const Bytes& info,
           psa_key_id_t key) {
  ASSERT_EQ(psa_key_derivation_setup(op, kAlg), PSA_SUCCESS);
  ASSERT_EQ(psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_SALT, Data(salt), salt.size()), PSA_SUCCESS);
  if (key != PSA_KEY_ID_NULL) {
    ASSERT_EQ(psa_key_derivation_input_key(op, PSA_KEY_DERIVATION_INPUT_SECRET, key), PSA_SUCCESS);
  } else {
    ASSERT_EQ(psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_SECRET, Data(ikm), ikm.size()),
              PSA_SUCCESS);
  }
  ASSERT_EQ(psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_INFO, Data(info), info.size()), PSA_SUCCESS);
}

TEST(HkdfWycheproof, EveryVector) {
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  std::string error;
  const std::string path = RunfilePath("", "tests/vectors/testdata/wycheproof/hkdf_sha256_test.json", &error);
  std::string text;
  ASSERT_TRUE(ReadWholeFile(path, &text, &error)) << error;
  const nlohmann::json file = nlohmann::json::parse(text);
  int valid = 0;
  int invalid = 0;
  for (const auto& group : file["testGroups"]) {
    for (const auto& test : group["tests"]) {
      SCOPED_TRACE("tcId " + std::to_string(test["tcId"].get<int>()));
      const Bytes ikm = Hex(test["ikm"]);
      const Bytes salt = Hex(test["salt"]);
      const Bytes info = Hex(test["info"]);
      const Bytes okm = Hex(test["okm"]);
      const size_t size = test["size"].get<size_t>();
      const bool is_valid = test["result"] == "valid";

      psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
      Start(&op, salt, ikm, info, PSA_KEY_ID_NULL);
      Bytes out(size);
      const psa_status_t status = psa_key_derivation_output_bytes(&op, out.data(), out.size());
      if (is_valid) {
        EXPECT_EQ(status, PSA_SUCCESS);
        EXPECT_EQ(EncodeHex(out), EncodeHex(okm));
        ++valid;
      } else {
        EXPECT_EQ(status, PSA_ERROR_INSUFFICIENT_DATA);
        ++invalid;
      }
      ASSERT_EQ(psa_key_derivation_abort(&op), PSA_SUCCESS);
      if (!is_valid || ikm.empty()) continue;

      // The same through a key: output_key, then verify_bytes.
      psa_key_attributes_t attributes = psa_key_attributes_init();
      psa_set_key_type(&attributes, PSA_KEY_TYPE_DERIVE);
      psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE);
      psa_set_key_algorithm(&attributes, kAlg);
      psa_key_id_t secret = PSA_KEY_ID_NULL;
      ASSERT_EQ(psa_import_key(&attributes, ikm.data(), ikm.size(), &secret), PSA_SUCCESS);
      Start(&op, salt, ikm, info, secret);
      psa_key_attributes_t raw = psa_key_attributes_init();
      psa_set_key_type(&raw, PSA_KEY_TYPE_RAW_DATA);
      psa_set_key_bits(&raw, 8 * size);
      psa_set_key_usage_flags(&raw, PSA_KEY_USAGE_EXPORT);
      psa_key_id_t derived = PSA_KEY_ID_NULL;
      ASSERT_EQ(psa_key_derivation_output_key(&raw, &op, &derived), PSA_SUCCESS);
      Bytes exported(size);
      size_t length = 0;
      ASSERT_EQ(psa_export_key(derived, exported.data(), exported.size(), &length), PSA_SUCCESS);
      EXPECT_EQ(EncodeHex(exported), EncodeHex(okm));
      ASSERT_EQ(psa_key_derivation_abort(&op), PSA_SUCCESS);
      Start(&op, salt, ikm, info, secret);
      EXPECT_EQ(psa_key_derivation_verify_bytes(&op, okm.data(), okm.size()), PSA_SUCCESS);
      ASSERT_EQ(psa_key_derivation_abort(&op), PSA_SUCCESS);
      psa_destroy_key(derived);
      psa_destroy_key(secret);
    }
  }
  std::cout << "Wycheproof HKDF-SHA-256: " << valid << " valid and " << invalid << " invalid vectors run\n";
  EXPECT_EQ(valid + invalid, file["numberOfTests"].get<int>());
  EXPECT_EQ(invalid, 3);
}

}  // namespace
}  // namespace tests::vectors
