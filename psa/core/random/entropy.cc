#include "psa/core/random/entropy.h"

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

namespace {

// Where one driver source stands during a collection.
struct SourceState {
  bool gave_entropy = false;
  bool left_out = false;  // refused flags 0
};

// One call of driver source `source` with `flags` into a fresh part of
// `seed`. *outcome: true if it contributed. Returns a status that ends the
// collection (anything but PSA_SUCCESS).
psa_status_t CallSource(size_t source, psa_driver_get_entropy_flags_t flags, SeedMaterial* seed, SourceState* state) {
  uint8_t* output = seed->Reserve(kDriverEntropyBufferSize);
  if (output == nullptr) return PSA_ERROR_CORRUPTION_DETECTED;  // capacity is computed for every call
  size_t estimate_bits = 0;
  const psa_status_t status =
      psa::dispatch::GetEntropy(source, flags, &estimate_bits, output, kDriverEntropyBufferSize);
  const bool nonblocking = (flags & PSA_DRIVER_GET_ENTROPY_NONBLOCK) != 0;
  if (status == PSA_SUCCESS) {
    // "This must be at least 1 on success": 0 is a broken source.
    if (estimate_bits == 0) return PSA_ERROR_INSUFFICIENT_ENTROPY;
    seed->Commit(kDriverEntropyBufferSize, estimate_bits);
    state->gave_entropy = true;
    return PSA_SUCCESS;
  }
  SecureWipe(output, kDriverEntropyBufferSize);
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    // With fewer flags it may work; flags 0 is the last resort.
    if (flags == 0) state->left_out = true;
    return PSA_SUCCESS;
  }
  // Nothing ready yet is only permitted without blocking.
  if (status == PSA_ERROR_INSUFFICIENT_ENTROPY && nonblocking) return PSA_SUCCESS;
  return status;
}

}  // namespace

psa_status_t CollectEntropy(const EntropyRequest& request, psa_status_t (*os_source)(uint8_t*, size_t),
                            SeedMaterial* seed) {
  const size_t source_count = psa::dispatch::EntropySourceCount();
  // Room for the OS bytes and every call: the prepare round and the rounds.
  seed->Reset(request.os_bytes + source_count * (1 + kMaxEntropyRounds) * kDriverEntropyBufferSize);

  psa_status_t status = PSA_SUCCESS;
  if (request.os_bytes != 0) {
    uint8_t* os_output = seed->Reserve(request.os_bytes);
    status = os_output == nullptr ? PSA_ERROR_CORRUPTION_DETECTED : os_source(os_output, request.os_bytes);
    if (status == PSA_SUCCESS) seed->Commit(request.os_bytes, 8 * request.os_bytes);
  }

  std::vector<SourceState> sources(source_count);
  // 1. Prepare: non-blocking, more calls to come shortly.
  for (size_t source = 0; source < source_count && status == PSA_SUCCESS; ++source) {
    status = CallSource(source, PSA_DRIVER_GET_ENTROPY_NONBLOCK | PSA_DRIVER_GET_ENTROPY_KEEPALIVE, seed,
                        &sources[source]);
  }
  // 2. Blocking rounds.
  for (size_t round = 0; round < kMaxEntropyRounds && status == PSA_SUCCESS; ++round) {
    const bool enough = seed->entropy_bits() >= request.min_entropy_bits;
    bool called = false;
    for (size_t source = 0; source < source_count && status == PSA_SUCCESS; ++source) {
      SourceState& state = sources[source];
      if (state.left_out || (enough && state.gave_entropy)) continue;
      called = true;
      status = CallSource(source, /*flags=*/0, seed, &state);
    }
    if (!called) break;
  }

  if (status == PSA_SUCCESS && seed->entropy_bits() < request.min_entropy_bits) {
    status = PSA_ERROR_INSUFFICIENT_ENTROPY;
  }
  if (status != PSA_SUCCESS) seed->Reset(0);
  return status;
}

psa_status_t CollectSystemEntropy(const EntropyRequest& request, SeedMaterial* seed) {
  return CollectEntropy(request, &ReadOsEntropy, seed);
}

}  // namespace psa::core
