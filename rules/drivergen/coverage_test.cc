#include "rules/drivergen/coverage.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rules/drivergen/description.h"
#include "rules/drivergen/emit.h"

namespace psa::drivergen {
namespace {

SelectedDriver Load(const std::string& name, const std::string& json) {
  Diagnostics diagnostics;
  std::optional<Driver> driver = LoadDriver(name + ".json", json, name, &diagnostics);
  EXPECT_TRUE(driver.has_value()) << (diagnostics.messages().empty() ? "" : diagnostics.messages()[0]);
  return SelectedDriver{driver.value_or(Driver{}), name + ".psa_driver.h"};
}

std::string Transparent(const std::string& prefix, const std::string& capabilities) {
  return R"({"prefix": ")" + prefix + R"(", "type": "transparent", "headers": [], "capabilities": [)" +
         capabilities + "]}";
}

const EntryPoint& Ep(const char* name) { return *FindEntryPoint(name); }

// builtin-like: SHA-1 and SHA-256 hashing, AES and ARIA CTR.
const char kLast[] = R"(
  {"entry_points": ["hash_compute"], "algorithms": ["PSA_ALG_SHA_1", "PSA_ALG_SHA_256"]},
  {"entry_points": ["cipher_encrypt"], "algorithms": ["PSA_ALG_CTR"],
   "key_types": ["PSA_KEY_TYPE_AES", "PSA_KEY_TYPE_ARIA"]})";

bool LastUnreachable(const std::string& first_capabilities, size_t capability, const char* ep,
                     std::string* by = nullptr) {
  const std::vector<SelectedDriver> drivers = {Load("first", Transparent("first", first_capabilities)),
                                               Load("last", Transparent("last", kLast))};
  return Unreachable(drivers, 1, drivers[1].driver.capabilities[capability], Ep(ep), by);
}

TEST(Coverage, ANonFallbackCapabilityThatCoversEverythingLeavesTheLaterOneOut) {
  std::string by;
  EXPECT_TRUE(LastUnreachable(
      R"({"entry_points": ["hash_compute"], "algorithms": ["PSA_ALG_SHA_256", "PSA_ALG_SHA_1", "PSA_ALG_MD5"]})", 0,
      "hash_compute", &by));
  EXPECT_EQ(by, "first");
}

TEST(Coverage, PartialCoverageKeepsTheLaterCapability) {
  EXPECT_FALSE(LastUnreachable(R"({"entry_points": ["hash_compute"], "algorithms": ["PSA_ALG_SHA_256"]})", 0,
                               "hash_compute"));
}

TEST(Coverage, FallbackOrConditionsKeepTheLaterCapability) {
  EXPECT_FALSE(LastUnreachable(
      R"({"entry_points": ["hash_compute"], "algorithms": ["PSA_ALG_SHA_256", "PSA_ALG_SHA_1"], "fallback": true})",
      0, "hash_compute"));
  const std::string conditional =
      R"({"entry_points": ["hash_compute"], "algorithms": ["PSA_ALG_SHA_256", "PSA_ALG_SHA_1"], )"
      R"j("mbedtls/c_condition": "defined(X)"})j";
  EXPECT_FALSE(LastUnreachable(conditional, 0, "hash_compute"));
}

TEST(Coverage, AnotherEntryPointDoesNotCover) {
  EXPECT_FALSE(LastUnreachable(R"({"entry_points": ["hash_multipart"], "algorithms": ["PSA_ALG_SHA_256", "PSA_ALG_SHA_1"]})",
                               0, "hash_compute"));
}

TEST(Coverage, KeyTypesAndSizesMustBeCoveredToo) {
  // AES only: ARIA still needs the later capability.
  EXPECT_FALSE(LastUnreachable(
      R"({"entry_points": ["cipher_encrypt"], "algorithms": ["PSA_ALG_CTR"], "key_types": ["PSA_KEY_TYPE_AES"]})", 1,
      "cipher_encrypt"));
  // Any key type, any algorithm: covers.
  EXPECT_TRUE(LastUnreachable(R"({"entry_points": ["cipher_encrypt"]})", 1, "cipher_encrypt"));
  // Sizes restrict what the earlier capability matches; the later has none.
  EXPECT_FALSE(LastUnreachable(R"({"entry_points": ["cipher_encrypt"], "key_sizes": [128]})", 1, "cipher_encrypt"));
}

TEST(Coverage, WildcardPatterns) {
  AlgorithmPattern any_hash_ecdsa, ecdsa_sha256, sha256;
  ASSERT_TRUE(ParseAlgorithmSpec("PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)", &any_hash_ecdsa, nullptr));
  ASSERT_TRUE(ParseAlgorithmSpec("PSA_ALG_ECDSA(PSA_ALG_SHA_256)", &ecdsa_sha256, nullptr));
  ASSERT_TRUE(ParseAlgorithmSpec("PSA_ALG_SHA_256", &sha256, nullptr));
  EXPECT_TRUE(AlgorithmCovers(any_hash_ecdsa, ecdsa_sha256));
  EXPECT_TRUE(AlgorithmCovers(any_hash_ecdsa, any_hash_ecdsa));
  EXPECT_FALSE(AlgorithmCovers(ecdsa_sha256, any_hash_ecdsa));
  EXPECT_FALSE(AlgorithmCovers(any_hash_ecdsa, sha256));

  KeyTypePattern any_ecc_pair, secp_r1_pair;
  ASSERT_TRUE(ParseKeyTypeSpec("PSA_KEY_TYPE_ECC_KEY_PAIR(_)", &any_ecc_pair, nullptr));
  ASSERT_TRUE(ParseKeyTypeSpec("PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1)", &secp_r1_pair, nullptr));
  EXPECT_TRUE(KeyTypeCovers(any_ecc_pair, secp_r1_pair));
  EXPECT_FALSE(KeyTypeCovers(secp_r1_pair, any_ecc_pair));
}

}  // namespace
}  // namespace psa::drivergen
