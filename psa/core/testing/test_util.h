// Small helpers shared by the core's tests.

#ifndef PSA_CORE_TESTING_TEST_UTIL_H_
#define PSA_CORE_TESTING_TEST_UTIL_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

namespace psa::core::testing {

// Decodes a string of hex digit pairs; aborts the test binary on bad input
// (test vectors are constants: a typo must not pass silently).
inline std::vector<uint8_t> FromHex(const std::string& hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    __builtin_trap();
  };
  if (hex.size() % 2 != 0) __builtin_trap();
  std::vector<uint8_t> bytes(hex.size() / 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = static_cast<uint8_t>(digit(hex[2 * i]) * 16 +
                                    digit(hex[2 * i + 1]));
  }
  return bytes;
}

inline std::string ToHex(const uint8_t* data, size_t size) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * size);
  for (size_t i = 0; i < size; ++i) {
    hex.push_back(kDigits[data[i] >> 4]);
    hex.push_back(kDigits[data[i] & 0x0f]);
  }
  return hex;
}

inline std::string ToHex(const std::vector<uint8_t>& bytes) {
  return ToHex(bytes.data(), bytes.size());
}

}  // namespace psa::core::testing

#endif  // PSA_CORE_TESTING_TEST_UTIL_H_
