#include "tests/vectors/hex.h"

namespace tests::vectors {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool DecodeHex(std::string_view hex, std::vector<uint8_t>* bytes) {
  bytes->clear();
  if (hex.size() % 2 != 0) return false;
  std::vector<uint8_t> decoded(hex.size() / 2);
  for (size_t i = 0; i < decoded.size(); ++i) {
    const int high = HexDigit(hex[2 * i]);
    const int low = HexDigit(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    decoded[i] = static_cast<uint8_t>(high * 16 + low);
  }
  *bytes = std::move(decoded);
  return true;
}

std::string EncodeHex(const uint8_t* data, size_t size) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * size);
  for (size_t i = 0; i < size; ++i) {
    hex.push_back(kDigits[data[i] >> 4]);
    hex.push_back(kDigits[data[i] & 0x0f]);
  }
  return hex;
}

std::string EncodeHex(const std::vector<uint8_t>& bytes) {
  return EncodeHex(bytes.data(), bytes.size());
}

}  // namespace tests::vectors
