// Helpers of the builtin key-management tests: hex, test data files, and
// calls of the C entry points that return the output as a byte vector.

#ifndef DRIVERS_BUILTIN_KEY_MANAGEMENT_TEST_UTIL_H_
#define DRIVERS_BUILTIN_KEY_MANAGEMENT_TEST_UTIL_H_

#include <stddef.h>
#include <stdint.h>

#include <fstream>
#include <string>
#include <vector>

#include "drivers/builtin/builtin_key_management.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "psa/crypto.h"

namespace drivers::builtin::testing {

using Bytes = std::vector<uint8_t>;

inline Bytes FromHex(const std::string& hex) {
  EXPECT_EQ(hex.size() % 2, 0u) << hex;
  Bytes bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(
        static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
  }
  return bytes;
}

inline std::string ToHex(const Bytes& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (uint8_t b : bytes) {
    hex.push_back(kDigits[b >> 4]);
    hex.push_back(kDigits[b & 0xF]);
  }
  return hex;
}

// Parses drivers/builtin/testdata/<name> from the test's runfiles.
inline nlohmann::json LoadTestData(const std::string& name) {
  std::ifstream file("drivers/builtin/testdata/" + name);
  EXPECT_TRUE(file.is_open()) << name << " is not in the test's runfiles";
  if (!file.is_open()) return nlohmann::json::object();
  return nlohmann::json::parse(file);
}

inline psa_key_attributes_t Attributes(psa_key_type_t type, size_t bits) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  return attributes;
}

// A room larger than any key buffer or export of the supported key types.
constexpr size_t kRoom = 4096;

// The outcome of builtin_import_key with `bits` given (the core passes
// psa_get_key_bits(attributes) in both).
struct ImportResult {
  psa_status_t status;
  Bytes key;    // the key buffer, key_buffer_length bytes
  size_t bits;  // *bits after the call
};

inline ImportResult Import(psa_key_type_t type, size_t bits, const Bytes& data,
                           size_t key_buffer_size = kRoom) {
  const psa_key_attributes_t attributes = Attributes(type, bits);
  Bytes key_buffer(key_buffer_size, 0xA5);
  size_t key_buffer_length = 12345;
  size_t key_bits = bits;
  const psa_status_t status = builtin_import_key(
      &attributes, data.data(), data.size(), key_buffer.data(),
      key_buffer.size(), &key_buffer_length, &key_bits);
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(key_buffer_length, 0u);
    EXPECT_EQ(key_bits, bits) << "*bits changed by a failed import";
    EXPECT_EQ(key_buffer, Bytes(key_buffer_size, 0))
        << "key buffer not wiped after a failed import";
    return {status, {}, key_bits};
  }
  EXPECT_LE(key_buffer_length, key_buffer.size());
  key_buffer.resize(key_buffer_length);
  return {status, key_buffer, key_bits};
}

inline psa_status_t ImportStatus(psa_key_type_t type, size_t bits,
                                 const Bytes& data) {
  return Import(type, bits, data).status;
}

struct OutputResult {
  psa_status_t status;
  Bytes output;
};

inline OutputResult ExportPublic(psa_key_type_t type, size_t bits,
                                 const Bytes& key, size_t data_size = kRoom) {
  const psa_key_attributes_t attributes = Attributes(type, bits);
  Bytes data(data_size, 0xA5);
  size_t data_length = 12345;
  const psa_status_t status =
      builtin_export_public_key(&attributes, key.data(), key.size(),
                                data.data(), data.size(), &data_length);
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(data_length, 0u);
    EXPECT_EQ(data, Bytes(data_size, 0)) << "output not wiped on failure";
    return {status, {}};
  }
  EXPECT_LE(data_length, data.size());
  data.resize(data_length);
  return {status, data};
}

inline OutputResult Generate(psa_key_type_t type, size_t bits,
                             size_t key_buffer_size = kRoom) {
  const psa_key_attributes_t attributes = Attributes(type, bits);
  Bytes key_buffer(key_buffer_size, 0xA5);
  size_t key_buffer_length = 12345;
  const psa_status_t status = builtin_generate_key(
      &attributes, key_buffer.data(), key_buffer.size(), &key_buffer_length);
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(key_buffer_length, 0u);
    EXPECT_EQ(key_buffer, Bytes(key_buffer_size, 0))
        << "key buffer not wiped after a failed generation";
    return {status, {}};
  }
  EXPECT_LE(key_buffer_length, key_buffer.size());
  key_buffer.resize(key_buffer_length);
  return {status, key_buffer};
}

// Base of the test fixtures: initializes the core (idempotent), since the
// entry points draw randomness from psa_generate_random.
class KeyManagementTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

}  // namespace drivers::builtin::testing

#endif  // DRIVERS_BUILTIN_KEY_MANAGEMENT_TEST_UTIL_H_
