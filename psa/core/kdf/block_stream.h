// The output stream of a key derivation computed block by block (HKDF-Expand,
// the TLS 1.2 PRF, PBKDF2, SP 800-108 counter mode): reads of any length
// are served from the current block, computing the next ones as needed.

#ifndef PSA_CORE_KDF_BLOCK_STREAM_H_
#define PSA_CORE_KDF_BLOCK_STREAM_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/core/kdf/mac_prf.h"
#include "psa/crypto.h"

namespace psa::core::kdf {

// What every built-in KDF offers once its inputs are complete.
class OutputStream {
 public:
  virtual ~OutputStream() = default;
  // Writes the next `length` bytes of the stream to out[0..length). On
  // failure `out` is wiped and the stream must not be read again.
  virtual psa_status_t Read(uint8_t* out, size_t length) = 0;
};

class BlockStream : public OutputStream {
 public:
  ~BlockStream() override;
  psa_status_t Read(uint8_t* out, size_t length) final;

 protected:
  // Blocks of `block_length` (1..kMaxPrfLength) bytes; a fresh stream has
  // no block computed yet.
  explicit BlockStream(size_t block_length) : block_length_(block_length), offset_(block_length) {}
  // Computes the next block into block[0..block_length).
  virtual psa_status_t NextBlock(uint8_t* block) = 0;
  size_t block_length() const { return block_length_; }

 private:
  uint8_t block_[kMaxPrfLength] = {0};
  size_t block_length_;
  size_t offset_;  // bytes of block_ already read
};

// Big-endian encoding of `value` in out[0..4).
inline void StoreBigEndian32(uint32_t value, uint8_t* out) {
  out[0] = static_cast<uint8_t>(value >> 24);
  out[1] = static_cast<uint8_t>(value >> 16);
  out[2] = static_cast<uint8_t>(value >> 8);
  out[3] = static_cast<uint8_t>(value);
}

}  // namespace psa::core::kdf

#endif  // PSA_CORE_KDF_BLOCK_STREAM_H_
