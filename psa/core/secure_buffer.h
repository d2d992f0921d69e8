// A heap byte buffer for secrets (key material): wiped when it is resized
// down, cleared, moved from or destroyed. Not copyable by accident.

#ifndef PSA_CORE_SECURE_BUFFER_H_
#define PSA_CORE_SECURE_BUFFER_H_

#include <stddef.h>
#include <stdint.h>

#include <memory>
#include <new>

#include "psa/core/wipe.h"

namespace psa::core {

class SecureBuffer {
 public:
  SecureBuffer() = default;
  SecureBuffer(const SecureBuffer&) = delete;
  SecureBuffer& operator=(const SecureBuffer&) = delete;
  SecureBuffer(SecureBuffer&& other) noexcept { Swap(other); }
  SecureBuffer& operator=(SecureBuffer&& other) noexcept {
    if (this != &other) {
      Clear();
      Swap(other);
    }
    return *this;
  }
  ~SecureBuffer() { Clear(); }

  // Replaces the contents with `size` zero bytes. Returns false (and leaves
  // the buffer empty) if memory is short.
  bool Allocate(size_t size) {
    Clear();
    if (size == 0) return true;
    data_.reset(new (std::nothrow) uint8_t[size]());
    if (!data_) return false;
    size_ = size;
    return true;
  }

  // Replaces the contents with a copy of `data`. False if memory is short.
  bool Assign(const uint8_t* data, size_t size) {
    if (!Allocate(size)) return false;
    if (size != 0) memcpy(data_.get(), data, size);
    return true;
  }

  // A deliberate copy (the copy constructor is deleted).
  bool CopyFrom(const SecureBuffer& other) { return Assign(other.data(), other.size()); }

  // Shortens the logical size to `size` (<= size()), wiping the tail.
  void Truncate(size_t size) {
    if (size >= size_) return;
    SecureWipe(data_.get() + size, size_ - size);
    size_ = size;
  }

  void Clear() {
    if (data_) SecureWipe(data_.get(), size_);
    data_.reset();
    size_ = 0;
  }

  uint8_t* data() { return data_.get(); }
  const uint8_t* data() const { return data_.get(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  void Swap(SecureBuffer& other) {
    data_.swap(other.data_);
    size_t s = size_;
    size_ = other.size_;
    other.size_ = s;
  }

  std::unique_ptr<uint8_t[]> data_;
  size_t size_ = 0;
};

}  // namespace psa::core

#endif  // PSA_CORE_SECURE_BUFFER_H_
