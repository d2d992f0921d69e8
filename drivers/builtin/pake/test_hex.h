// Hex decoding for the PAKE known-answer tests.

#ifndef DRIVERS_BUILTIN_PAKE_TEST_HEX_H_
#define DRIVERS_BUILTIN_PAKE_TEST_HEX_H_

#include <stdint.h>

#include <string>
#include <vector>

namespace drivers::builtin::pake {

// Bytes of `hex` (whitespace ignored); aborts the test binary on a bad digit.
inline std::vector<uint8_t> Hex(const std::string& hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::vector<uint8_t> out;
  int high = -1;
  for (char c : hex) {
    if (c == ' ' || c == '\n') continue;
    const int d = digit(c);
    if (d < 0) __builtin_trap();
    if (high < 0) {
      high = d;
    } else {
      out.push_back(static_cast<uint8_t>(high * 16 + d));
      high = -1;
    }
  }
  if (high >= 0) __builtin_trap();
  return out;
}

}  // namespace drivers::builtin::pake

#endif  // DRIVERS_BUILTIN_PAKE_TEST_HEX_H_
