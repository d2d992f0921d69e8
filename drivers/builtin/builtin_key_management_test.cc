// Tests of the builtin key-management entry points as a whole: what they
// leave to the core (symmetric and other key types), their argument checks,
// randomness before psa_crypto_init, and agreement between builtin.json and
// the code. The ECC and RSA details are in builtin_ecc_test.cc and
// builtin_rsa_test.cc.

#include "drivers/builtin/builtin_key_management.h"

#include <stddef.h>
#include <stdint.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>

#include "drivers/builtin/key_management_test_util.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace drivers::builtin {
namespace {

using ::drivers::builtin::testing::Attributes;
using ::drivers::builtin::testing::Bytes;
using ::drivers::builtin::testing::ExportPublic;
using ::drivers::builtin::testing::Generate;
using ::drivers::builtin::testing::Import;
using ::drivers::builtin::testing::KeyManagementTest;

// Runs first (gtest keeps definition order): the core is not initialized,
// so generation cannot draw randomness.
TEST(BuiltinKeyManagementBeforeInitTest, GenerationFailsWithBadState) {
  EXPECT_EQ(
      Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256).status,
      PSA_ERROR_BAD_STATE);
  EXPECT_EQ(Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 255)
                .status,
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(Generate(PSA_KEY_TYPE_RSA_KEY_PAIR, 1024).status,
            PSA_ERROR_BAD_STATE);
  // Import needs no randomness.
  EXPECT_EQ(Import(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_MONTGOMERY), 0,
                   Bytes(32, 0x42))
                .status,
            PSA_SUCCESS);
}

class BuiltinKeyManagementTest : public KeyManagementTest {};

// Key types the driver leaves to the core or does not know.
const psa_key_type_t kOtherTypes[] = {
    PSA_KEY_TYPE_RAW_DATA,
    PSA_KEY_TYPE_HMAC,
    PSA_KEY_TYPE_DERIVE,
    PSA_KEY_TYPE_AES,
    PSA_KEY_TYPE_DES,
    PSA_KEY_TYPE_CHACHA20,
    PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919),
    PSA_KEY_TYPE_DH_PUBLIC_KEY(PSA_DH_FAMILY_RFC7919),
    PSA_KEY_TYPE_NONE,
};

TEST_F(BuiltinKeyManagementTest, OtherKeyTypesAreNotSupported) {
  for (psa_key_type_t type : kOtherTypes) {
    SCOPED_TRACE(type);
    EXPECT_EQ(Import(type, 0, Bytes(32, 0x11)).status, PSA_ERROR_NOT_SUPPORTED);
    EXPECT_EQ(Import(type, 256, Bytes(32, 0x11)).status,
              PSA_ERROR_NOT_SUPPORTED);
    EXPECT_EQ(Generate(type, 256).status, PSA_ERROR_NOT_SUPPORTED);
    EXPECT_EQ(ExportPublic(type, 256, Bytes(32, 0x11)).status,
              PSA_ERROR_NOT_SUPPORTED);
  }
}

TEST_F(BuiltinKeyManagementTest, NullArgumentsAreInvalid) {
  const psa_key_attributes_t attributes =
      Attributes(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_MONTGOMERY), 0);
  const Bytes data(32, 0x42);
  uint8_t buffer[64];
  size_t length = 0;
  size_t bits = 0;
  EXPECT_EQ(builtin_import_key(nullptr, data.data(), data.size(), buffer,
                               sizeof(buffer), &length, &bits),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(builtin_import_key(&attributes, nullptr, 32, buffer, sizeof(buffer),
                               &length, &bits),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(builtin_import_key(&attributes, data.data(), data.size(), buffer,
                               sizeof(buffer), nullptr, &bits),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(builtin_import_key(&attributes, data.data(), data.size(), buffer,
                               sizeof(buffer), &length, nullptr),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(builtin_generate_key(nullptr, buffer, sizeof(buffer), &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(builtin_generate_key(&attributes, buffer, sizeof(buffer), nullptr),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(builtin_export_public_key(nullptr, data.data(), data.size(), buffer,
                                      sizeof(buffer), &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(builtin_export_public_key(&attributes, nullptr, 32, buffer,
                                      sizeof(buffer), &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(builtin_export_public_key(&attributes, data.data(), data.size(),
                                      buffer, sizeof(buffer), nullptr),
            PSA_ERROR_INVALID_ARGUMENT);
  // Zero-length buffers may be null.
  EXPECT_EQ(
      builtin_import_key(&attributes, nullptr, 0, nullptr, 0, &length, &bits),
      PSA_ERROR_INVALID_ARGUMENT);  // no key of 0 bytes
  EXPECT_EQ(length, 0u);
}

// builtin.json declares the key-management entry points for exactly the
// key types the code serves, without fallback, with generation for key
// pairs only, and lists the header that declares them.
TEST_F(BuiltinKeyManagementTest, DescriptionDeclaresTheKeyTypesServed) {
  std::ifstream file("drivers/builtin/builtin.json");
  ASSERT_TRUE(file.is_open()) << "builtin.json is not in the test's runfiles";
  const nlohmann::json description = nlohmann::json::parse(file);
  const nlohmann::json& headers = description.at("headers");
  EXPECT_NE(std::find(headers.begin(), headers.end(),
                      "drivers/builtin/builtin_key_management.h"),
            headers.end());

  const std::set<std::string> all = {
      "PSA_KEY_TYPE_ECC_KEY_PAIR(_)", "PSA_KEY_TYPE_ECC_PUBLIC_KEY(_)",
      "PSA_KEY_TYPE_RSA_KEY_PAIR", "PSA_KEY_TYPE_RSA_PUBLIC_KEY",
      "PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1)",
      "PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1)"};
  // SPAKE2+ keys are derived (derive_key), never generated.
  const std::set<std::string> key_pairs = {"PSA_KEY_TYPE_ECC_KEY_PAIR(_)",
                                           "PSA_KEY_TYPE_RSA_KEY_PAIR"};
  for (const auto& [entry_point, expected] :
       {std::pair<std::string, std::set<std::string>>{"import_key", all},
        {"export_public_key", all},
        {"generate_key", key_pairs}}) {
    std::set<std::string> declared;
    int capabilities = 0;
    for (const nlohmann::json& capability : description.at("capabilities")) {
      const nlohmann::json& entry_points = capability.at("entry_points");
      if (std::find(entry_points.begin(), entry_points.end(), entry_point) ==
          entry_points.end()) {
        continue;
      }
      ++capabilities;
      EXPECT_FALSE(capability.value("fallback", false)) << entry_point;
      EXPECT_FALSE(capability.contains("key_sizes")) << entry_point;
      for (const nlohmann::json& type : capability.at("key_types")) {
        declared.insert(type.get<std::string>());
      }
    }
    EXPECT_EQ(capabilities, 1) << entry_point;
    EXPECT_EQ(declared, expected) << entry_point;
  }
}

}  // namespace
}  // namespace drivers::builtin
