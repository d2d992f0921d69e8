// Where a driver writes an output that the caller must only see once it is
// final: straight into the caller's buffer when that is safe, else into a
// private buffer that is copied out on success (and wiped in any case).
//
// The core stages an output when releasing it early would leak (plaintext of
// an AEAD decryption before the tag is checked, of a padded decryption
// before the padding is) and when the caller's input and output buffers
// overlap other than exactly, which no driver is required to support.

#ifndef PSA_CORE_STAGED_OUTPUT_H_
#define PSA_CORE_STAGED_OUTPUT_H_

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <memory>
#include <new>

#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core {

// Whether [a, a + a_size) and [b, b + b_size) share a byte.
inline bool BuffersOverlap(const void* a, size_t a_size, const void* b, size_t b_size) {
  if (a_size == 0 || b_size == 0) return false;
  const uintptr_t x = reinterpret_cast<uintptr_t>(a);
  const uintptr_t y = reinterpret_cast<uintptr_t>(b);
  return x < y + b_size && y < x + a_size;
}

// A driver's output length must fit the buffer it was given:
// PSA_ERROR_CORRUPTION_DETECTED for a successful call that reports more.
inline psa_status_t CheckWritten(psa_status_t status, size_t written, size_t size) {
  return status == PSA_SUCCESS && written > size ? PSA_ERROR_CORRUPTION_DETECTED : status;
}

class StagedOutput {
 public:
  // An output of up to `size` bytes for `caller` (of `size` bytes), staged
  // if `stage` is true.
  StagedOutput(uint8_t* caller, size_t size, bool stage) : caller_(caller), size_(size), staged_(stage) {}
  ~StagedOutput() {
    if (!staged_) return;
    if (heap_) {
      SecureWipe(heap_.get(), size_);
    } else {
      SecureWipe(small_, sizeof(small_));
    }
  }
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  // Prepares the buffer: PSA_ERROR_INSUFFICIENT_MEMORY if a large staging
  // buffer cannot be allocated.
  psa_status_t Prepare() {
    if (!staged_ || size_ <= sizeof(small_)) return PSA_SUCCESS;
    // Not zero-filled: the driver writes before anything is read.
    heap_.reset(new (std::nothrow) uint8_t[size_]);
    return heap_ ? PSA_SUCCESS : PSA_ERROR_INSUFFICIENT_MEMORY;
  }
  // Where the driver writes (valid after Prepare() succeeded).
  uint8_t* data() {
    if (!staged_) return caller_;
    return size_ <= sizeof(small_) ? small_ : heap_.get();
  }
  size_t size() const { return size_; }
  // Makes the first `length` (<= size()) bytes the caller's.
  void Release(size_t length) {
    if (staged_ && length != 0) memcpy(caller_, data(), length);
  }

 private:
  uint8_t* const caller_;
  const size_t size_;
  const bool staged_;
  uint8_t small_[256];
  std::unique_ptr<uint8_t[]> heap_;
};

}  // namespace psa::core

#endif  // PSA_CORE_STAGED_OUTPUT_H_
