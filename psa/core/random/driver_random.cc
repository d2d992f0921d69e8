#include "psa/core/random/driver_random.h"

#include <string.h>

#include <new>
#include <utility>

#include "psa/core/dispatch.h"
#include "psa/core/random/ctr_drbg.h"
#include "psa/core/random/fork_counter.h"
#include "psa/core/wipe.h"

namespace psa::core {

DriverRandom::DriverRandom(size_t driver, Options options)
    : driver_(driver),
      entropy_(options.entropy ? std::move(options.entropy) : EntropyFunction(&CollectSystemEntropy)),
      aes_(options.aes != nullptr ? options.aes : &DispatchedAes256) {}

DriverRandom::~DriverRandom() {
  MutexLock lock(&mutex_);
  ReleaseLocked();
}

void DriverRandom::ReleaseLocked() {
  const psa::dispatch::RandomDriverInfo* info = psa::dispatch::GetRandomDriverInfo(driver_);
  if (context_ != nullptr && info != nullptr) {
    SecureWipe(context_, info->context_size);
    ::operator delete(context_, std::align_val_t(info->context_alignment));
  }
  context_ = nullptr;
  started_ = false;
}

size_t DriverRandom::ReseedBytes() const {
  const psa::dispatch::RandomDriverInfo* info = psa::dispatch::GetRandomDriverInfo(driver_);
  const size_t wanted = info != nullptr ? info->reseed_entropy_size : 0;
  return wanted > kMinReseedBytes ? wanted : kMinReseedBytes;
}

psa_status_t DriverRandom::SupplyEntropyLocked(size_t bytes) {
  const psa::dispatch::RandomDriverInfo* info = psa::dispatch::GetRandomDriverInfo(driver_);
  if (info == nullptr) return PSA_ERROR_CORRUPTION_DETECTED;
  if (!info->has_add_entropy) return PSA_ERROR_INSUFFICIENT_ENTROPY;  // nothing can help it
  // As much entropy as the driver gets, and never less than 256 bits.
  const size_t bits = 8 * (bytes > kMinReseedBytes ? bytes : kMinReseedBytes);
  SeedMaterial seed;
  psa_status_t status = entropy_(EntropyRequest{bytes < kMinReseedBytes ? kMinReseedBytes : bytes, bits}, &seed);
  if (status == PSA_SUCCESS && seed.entropy_bits() < bits) status = PSA_ERROR_INSUFFICIENT_ENTROPY;
  // Chunk i is df(i || seed material): distinct outputs of one conditioning.
  uint8_t chunk[kEntropyChunk];
  for (size_t done = 0, i = 0; status == PSA_SUCCESS && done < bytes; ++i) {
    const size_t length = bytes - done < kEntropyChunk ? bytes - done : kEntropyChunk;
    const uint8_t index[8] = {static_cast<uint8_t>(i >> 56), static_cast<uint8_t>(i >> 48),
                              static_cast<uint8_t>(i >> 40), static_cast<uint8_t>(i >> 32),
                              static_cast<uint8_t>(i >> 24), static_cast<uint8_t>(i >> 16),
                              static_cast<uint8_t>(i >> 8),  static_cast<uint8_t>(i)};
    status = BlockCipherDf(aes_, {absl::MakeConstSpan(index), seed.bytes()}, chunk, length);
    if (status == PSA_SUCCESS) status = psa::dispatch::AddEntropy(driver_, context_, chunk, length);
    if (status == PSA_SUCCESS) {
      done += length;
      entropy_bytes_supplied_ += length;
    }
  }
  SecureWipeObject(chunk);
  if (status == PSA_SUCCESS) calls_since_reseed_ = 0;
  return status;
}

psa_status_t DriverRandom::StartLocked() {
  const psa::dispatch::RandomDriverInfo* info = psa::dispatch::GetRandomDriverInfo(driver_);
  if (info == nullptr) return PSA_ERROR_BAD_STATE;
  const size_t alignment = info->context_alignment != 0 ? info->context_alignment : 1;
  const size_t size = info->context_size != 0 ? info->context_size : 1;
  context_ = ::operator new(size, std::align_val_t(alignment), std::nothrow);
  if (context_ == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
  memset(context_, 0, size);  // "Initially, the context object is all-bits-zero."
  fork_generation_ = ForkGeneration();
  psa_status_t status = psa::dispatch::InitRandom(driver_, context_);
  if (status == PSA_SUCCESS && info->initial_entropy_size != 0) {
    status = SupplyEntropyLocked(info->initial_entropy_size);
  }
  if (status != PSA_SUCCESS) {
    ReleaseLocked();
    return status;
  }
  calls_since_reseed_ = 0;
  started_ = true;
  return PSA_SUCCESS;
}

psa_status_t DriverRandom::Generate(uint8_t* output, size_t size) {
  if (size == 0) return PSA_SUCCESS;
  MutexLock lock(&mutex_);
  psa_status_t status = started_ ? PSA_SUCCESS : StartLocked();
  const psa::dispatch::RandomDriverInfo* info = psa::dispatch::GetRandomDriverInfo(driver_);
  if (status == PSA_SUCCESS && info->has_add_entropy &&
      (fork_generation_ != ForkGeneration() || calls_since_reseed_ >= kReseedInterval)) {
    // A child shares its parent's context: fresh entropy before any output.
    status = SupplyEntropyLocked(ReseedBytes());
    if (status == PSA_SUCCESS) fork_generation_ = ForkGeneration();
  }
  size_t produced = 0;
  int reseeds = 0;
  while (status == PSA_SUCCESS && produced < size) {
    const size_t wanted = size - produced;
    size_t length = 0;  // "The core sets this value to 0 on entry."
    status = psa::dispatch::GetRandom(driver_, context_, output + produced, wanted, &length);
    ++calls_since_reseed_;
    if (status == PSA_SUCCESS && length > wanted) status = PSA_ERROR_CORRUPTION_DETECTED;
    if (status == PSA_SUCCESS) produced += length;
    if (status == PSA_SUCCESS && length != 0) reseeds = 0;  // progress
    const bool needs_entropy =
        status == PSA_ERROR_INSUFFICIENT_ENTROPY || (status == PSA_SUCCESS && produced < size);
    if (!needs_entropy) continue;
    if (++reseeds > kMaxReseedsPerRequest) {
      status = PSA_ERROR_INSUFFICIENT_ENTROPY;  // entropy goes in, nothing comes out: stalled
      break;
    }
    status = SupplyEntropyLocked(ReseedBytes());
  }
  if (status != PSA_SUCCESS) {
    SecureWipe(output, size);
    // Start over next time, except when the driver merely declined.
    if (status != PSA_ERROR_NOT_SUPPORTED) ReleaseLocked();
  }
  return status;
}

uint64_t DriverRandom::entropy_bytes_supplied() const {
  MutexLock lock(&mutex_);
  return entropy_bytes_supplied_;
}

}  // namespace psa::core
