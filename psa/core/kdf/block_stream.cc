#include "psa/core/kdf/block_stream.h"

#include <string.h>

#include <algorithm>

#include "psa/core/wipe.h"

namespace psa::core::kdf {

BlockStream::~BlockStream() { SecureWipe(block_, sizeof(block_)); }

psa_status_t BlockStream::Read(uint8_t* out, size_t length) {
  if (block_length_ == 0 || block_length_ > sizeof(block_)) return PSA_ERROR_CORRUPTION_DETECTED;
  size_t done = 0;
  while (done < length) {
    if (offset_ == block_length_) {
      const psa_status_t status = NextBlock(block_);
      if (status != PSA_SUCCESS) {
        SecureWipe(block_, sizeof(block_));
        SecureWipe(out, length);
        return status;
      }
      offset_ = 0;
    }
    const size_t chunk = std::min(length - done, block_length_ - offset_);
    memcpy(out + done, block_ + offset_, chunk);
    offset_ += chunk;
    done += chunk;
  }
  return PSA_SUCCESS;
}

}  // namespace psa::core::kdf
