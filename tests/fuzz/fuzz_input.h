// FuzzInput: splits a fuzz target's input into a choice byte, sized chunks
// and a rest, deterministically (past the end, choices are 0 and chunks
// empty), so that seed files can be written by tests/fuzz/make_corpus.py.

#ifndef TESTS_FUZZ_FUZZ_INPUT_H_
#define TESTS_FUZZ_FUZZ_INPUT_H_

#include <stddef.h>
#include <stdint.h>

#include <vector>

namespace psa::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  bool Done() const { return at_ >= size_; }

  // One byte (0 past the end).
  uint8_t Byte() { return at_ < size_ ? data_[at_++] : 0; }

  // A chunk: a 2-byte big-endian length, then that many bytes (fewer if the
  // input ends first).
  std::vector<uint8_t> Chunk() {
    size_t length = static_cast<size_t>(Byte()) << 8;
    length |= Byte();
    if (length > size_ - at_) length = size_ - at_;
    std::vector<uint8_t> chunk(data_ + at_, data_ + at_ + length);
    at_ += length;
    return chunk;
  }

  // Everything not read yet.
  std::vector<uint8_t> Rest() {
    std::vector<uint8_t> rest(data_ + at_, data_ + size_);
    at_ = size_;
    return rest;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t at_ = 0;
};

// A pointer for a PSA input buffer: never null, even when empty.
inline const uint8_t* In(const std::vector<uint8_t>& v) {
  static const uint8_t kEmpty = 0;
  return v.empty() ? &kEmpty : v.data();
}

}  // namespace psa::fuzz

#endif  // TESTS_FUZZ_FUZZ_INPUT_H_
