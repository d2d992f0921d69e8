// A reader for the Camellia known-answer files of NTT (t_camellia.txt, in the
// cryptography_vectors package as ciphers/Camellia/camellia-*-ecb.txt):
//
//   K No.001 : 00 11 22 ... FF        a key, for the pairs up to the next K
//   P No.001 : 80 00 ... 00           a plaintext block
//   C No.001 : 07 92 ... 1C           its ciphertext, same number as its P
//
// '#' lines and empty lines are ignored. This is not the .rsp format of
// rsp_reader.h, hence its own reader.

#ifndef TESTS_VECTORS_NTT_KAT_READER_H_
#define TESTS_VECTORS_NTT_KAT_READER_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <string_view>
#include <vector>

namespace tests::vectors {

struct NttKatVector {
  size_t line = 0;  // line of the P line, from 1
  std::vector<uint8_t> key;
  std::vector<uint8_t> plaintext;
  std::vector<uint8_t> ciphertext;
};

// Parses the file's text. Every P must follow a K and be followed by the C
// of the same number; the bytes are two-digit hex separated by spaces. On
// failure returns false with *error naming the line, and leaves *vectors
// empty. A text without any pair is an error.
bool ParseNttKat(std::string_view text, std::vector<NttKatVector>* vectors,
                 std::string* error);

// Reads the file at `path` and parses it as ParseNttKat; *error starts with
// the path.
bool LoadNttKat(const std::string& path, std::vector<NttKatVector>* vectors,
                std::string* error);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_NTT_KAT_READER_H_
