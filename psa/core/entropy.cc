#include "psa/core/entropy.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <vector>

#include "psa/core/dispatch.h"
#include "psa/core/wipe.h"

namespace psa::core {

void SeedMaterial::Reset(size_t capacity) {
  if (data_ != nullptr) SecureWipe(data_.get(), capacity_);
  data_.reset(capacity == 0 ? nullptr : new uint8_t[capacity]());
  capacity_ = capacity;
  size_ = 0;
  entropy_bits_ = 0;
}

uint8_t* SeedMaterial::Reserve(size_t size) {
  if (size > capacity_ - size_) return nullptr;
  uint8_t* free_space = data_.get() + size_;
  memset(free_space, 0, size);
  return free_space;
}

void SeedMaterial::Commit(size_t size, size_t entropy_bits) {
  // Reserve checked the room; a caller that did not reserve gets nothing.
  if (size > capacity_ - size_) return;
  if (entropy_bits > 8 * size) entropy_bits = 8 * size;
  size_ += size;
  entropy_bits_ += entropy_bits;
}

psa_status_t ReadOsEntropy(uint8_t* output, size_t size) {
  size_t filled = 0;
  while (filled < size) {
    // Flags 0: read the urandom pool, blocking only until it is initialized.
    const ssize_t got = getrandom(output + filled, size - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      SecureWipe(output, size);
      return PSA_ERROR_INSUFFICIENT_ENTROPY;
    }
    filled += static_cast<size_t>(got);
  }
  return PSA_SUCCESS;
}

psa_status_t CollectEntropy(const EntropyRequest& request,
                            psa_status_t (*os_source)(uint8_t*, size_t),
                            SeedMaterial* seed) {
  const size_t source_count = psa::dispatch::EntropySourceCount();
  seed->Reset(request.os_bytes +
              source_count * kMaxEntropyRounds * kDriverEntropyBufferSize);

  if (request.os_bytes != 0) {
    uint8_t* os_output = seed->Reserve(request.os_bytes);
    if (os_output != nullptr &&
        os_source(os_output, request.os_bytes) == PSA_SUCCESS) {
      seed->Commit(request.os_bytes, 8 * request.os_bytes);
    }
  }

  // Sources that refused flags 0 are left out of later rounds.
  std::vector<bool> skipped(source_count, false);
  for (size_t round = 0; round < kMaxEntropyRounds; ++round) {
    // Every driver is called once even if the OS alone gave enough: all
    // entropy sources of the platform are mixed into the generator.
    if (round > 0 && seed->entropy_bits() >= request.min_entropy_bits) break;
    bool any_source_called = false;
    for (size_t source = 0; source < source_count; ++source) {
      if (skipped[source]) continue;
      uint8_t* output = seed->Reserve(kDriverEntropyBufferSize);
      if (output == nullptr) return PSA_ERROR_CORRUPTION_DETECTED;
      size_t estimate_bits = 0;
      const psa_status_t status = psa::dispatch::GetEntropy(
          source, /*flags=*/0, &estimate_bits, output,
          kDriverEntropyBufferSize);
      if (status == PSA_ERROR_NOT_SUPPORTED) {
        SecureWipe(output, kDriverEntropyBufferSize);
        skipped[source] = true;
        continue;
      }
      if (status != PSA_SUCCESS) {
        seed->Reset(0);
        return status;
      }
      any_source_called = true;
      seed->Commit(kDriverEntropyBufferSize, estimate_bits);
    }
    if (!any_source_called) break;
  }

  if (seed->entropy_bits() < request.min_entropy_bits) {
    seed->Reset(0);
    return PSA_ERROR_INSUFFICIENT_ENTROPY;
  }
  return PSA_SUCCESS;
}

}  // namespace psa::core
