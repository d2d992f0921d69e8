// The key buffer of a key slot: the bytes of a small key (any symmetric
// key, an elliptic-curve private key) inline in the slot, so that creating
// and destroying such a key allocates nothing; a larger one (RSA, most
// opaque contexts) in a SecureBuffer. Wiped when cleared, replaced or
// destroyed. Not copyable.

#ifndef PSA_CORE_KEYS_KEY_MATERIAL_H_
#define PSA_CORE_KEYS_KEY_MATERIAL_H_

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <utility>

#include "psa/core/secure_buffer.h"
#include "psa/core/wipe.h"

namespace psa::core::keys {

class KeyMaterial {
 public:
  // Enough for every symmetric key of the API up to 512 bits and a P-521
  // private key (66 bytes).
  static constexpr size_t kInlineCapacity = 72;

  KeyMaterial() = default;
  KeyMaterial(const KeyMaterial&) = delete;
  KeyMaterial& operator=(const KeyMaterial&) = delete;
  ~KeyMaterial() { Clear(); }

  // Replaces the contents with a copy of `size` bytes at `data` (inline
  // when they fit). False (and empty) if memory is short.
  bool Assign(const uint8_t* data, size_t size) {
    Clear();
    if (size <= kInlineCapacity) {
      if (size != 0) memcpy(inline_, data, size);
      size_ = size;
      return true;
    }
    if (!heap_.Assign(data, size)) return false;
    size_ = size;
    return true;
  }

  // Replaces the contents with the first `length` (<= buffer.size()) bytes
  // of `buffer`: copied inline when they fit (`buffer` is then wiped with
  // its destruction), else kept in `buffer` itself.
  void Take(SecureBuffer buffer, size_t length) {
    Clear();
    if (length > buffer.size()) length = buffer.size();
    if (length <= kInlineCapacity) {
      Assign(buffer.data(), length);
      return;
    }
    buffer.Truncate(length);
    heap_ = std::move(buffer);
    size_ = length;
  }

  void Clear() {
    if (heap_.empty()) {
      SecureWipe(inline_, size_);
    } else {
      heap_.Clear();
    }
    size_ = 0;
  }

  const uint8_t* data() const { return heap_.empty() ? inline_ : heap_.data(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  alignas(8) uint8_t inline_[kInlineCapacity] = {};
  size_t size_ = 0;
  SecureBuffer heap_;  // Empty while the bytes are inline.
};

}  // namespace psa::core::keys

#endif  // PSA_CORE_KEYS_KEY_MATERIAL_H_
