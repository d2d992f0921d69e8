// Hex text of the vector files: decoding in either case (the NIST files write
// uppercase, Wycheproof lowercase) and lowercase encoding for messages.

#ifndef TESTS_VECTORS_HEX_H_
#define TESTS_VECTORS_HEX_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <string_view>
#include <vector>

namespace tests::vectors {

// Decodes pairs of hex digits, upper or lower case, into *bytes. An empty
// text is an empty byte string. Returns false, with *bytes cleared, for an
// odd length or a character that is not a hex digit.
bool DecodeHex(std::string_view hex, std::vector<uint8_t>* bytes);

// Lowercase hex of `size` bytes at `data` (nullptr allowed when size is 0).
std::string EncodeHex(const uint8_t* data, size_t size);
std::string EncodeHex(const std::vector<uint8_t>& bytes);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_HEX_H_
