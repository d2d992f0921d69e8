#include "psa/core/random_generator.h"

#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <mutex>

#include "psa/core/wipe.h"

namespace psa::core {
namespace {

// Incremented in the child after every fork(): a DRBG state inherited from
// the parent must not produce the same bytes in both processes.
std::atomic<uint64_t> g_fork_generation{0};
std::once_flag g_fork_handler_once;

void OnForkInChild() {
  g_fork_generation.fetch_add(1, std::memory_order_relaxed);
}

// Domain separation for this DRBG instance (SP 800-90A personalization).
constexpr char kPersonalization[] = "psa::core::RandomGenerator HMAC_DRBG";

// SP 800-90A nonce by uniqueness (8.6.7): wall-clock and monotonic time,
// process id and a per-process counter never repeat together.
struct Nonce {
  int64_t realtime_ns;
  int64_t monotonic_ns;
  uint64_t counter;
  int32_t pid;
  int32_t padding;
};

Nonce MakeNonce() {
  static std::atomic<uint64_t> counter{0};
  Nonce nonce{};
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  nonce.realtime_ns = int64_t{now.tv_sec} * 1000000000 + now.tv_nsec;
  clock_gettime(CLOCK_MONOTONIC, &now);
  nonce.monotonic_ns = int64_t{now.tv_sec} * 1000000000 + now.tv_nsec;
  nonce.counter = counter.fetch_add(1, std::memory_order_relaxed);
  nonce.pid = static_cast<int32_t>(getpid());
  return nonce;
}

absl::Span<const uint8_t> AsBytes(const void* data, size_t size) {
  return {static_cast<const uint8_t*>(data), size};
}

psa_status_t DefaultEntropy(const EntropyRequest& request,
                            SeedMaterial* seed) {
  return CollectEntropy(request, &ReadOsEntropy, seed);
}

}  // namespace

RandomGenerator::RandomGenerator(Options options)
    : entropy_(options.entropy ? std::move(options.entropy)
                               : EntropyFunction(&DefaultEntropy)),
      drbg_(options.reseed_interval) {
  std::call_once(g_fork_handler_once, [] {
    pthread_atfork(/*prepare=*/nullptr, /*parent=*/nullptr, &OnForkInChild);
  });
}

psa_status_t RandomGenerator::InstantiateLocked() {
  const uint64_t fork_generation =
      g_fork_generation.load(std::memory_order_relaxed);
  SeedMaterial seed;
  psa_status_t status = entropy_(
      EntropyRequest{kInstantiateOsBytes, kMinEntropyBits}, &seed);
  if (status == PSA_SUCCESS && seed.entropy_bits() < kMinEntropyBits) {
    status = PSA_ERROR_INSUFFICIENT_ENTROPY;
  }
  if (status != PSA_SUCCESS) {
    drbg_.Uninstantiate();
    return status;
  }
  Nonce nonce = MakeNonce();
  status = drbg_.Instantiate(
      seed.bytes(), AsBytes(&nonce, sizeof(nonce)),
      AsBytes(kPersonalization, sizeof(kPersonalization) - 1));
  SecureWipeObject(nonce);
  if (status != PSA_SUCCESS) return status;
  seeded_fork_generation_ = fork_generation;
  ++seed_count_;
  return PSA_SUCCESS;
}

psa_status_t RandomGenerator::ReseedLocked() {
  const uint64_t fork_generation =
      g_fork_generation.load(std::memory_order_relaxed);
  SeedMaterial seed;
  psa_status_t status =
      entropy_(EntropyRequest{kReseedOsBytes, kMinEntropyBits}, &seed);
  if (status == PSA_SUCCESS && seed.entropy_bits() < kMinEntropyBits) {
    status = PSA_ERROR_INSUFFICIENT_ENTROPY;
  }
  if (status != PSA_SUCCESS) return status;
  // The nonce as additional input separates parent and child after a fork
  // even if both got the same entropy.
  Nonce nonce = MakeNonce();
  status = drbg_.Reseed(seed.bytes(), AsBytes(&nonce, sizeof(nonce)));
  SecureWipeObject(nonce);
  if (status != PSA_SUCCESS) return status;
  seeded_fork_generation_ = fork_generation;
  ++seed_count_;
  return PSA_SUCCESS;
}

psa_status_t RandomGenerator::Seed() {
  MutexLock lock(&mutex_);
  return InstantiateLocked();
}

psa_status_t RandomGenerator::Generate(uint8_t* output, size_t size) {
  if (size == 0) return PSA_SUCCESS;
  MutexLock lock(&mutex_);
  psa_status_t status = PSA_SUCCESS;
  if (!drbg_.instantiated()) status = InstantiateLocked();
  size_t produced = 0;
  while (status == PSA_SUCCESS && produced < size) {
    if (drbg_.reseed_required() ||
        seeded_fork_generation_ !=
            g_fork_generation.load(std::memory_order_relaxed)) {
      status = ReseedLocked();
      if (status != PSA_SUCCESS) break;
    }
    size_t chunk = size - produced;
    if (chunk > HmacDrbg::kMaxRequestLength) {
      chunk = HmacDrbg::kMaxRequestLength;
    }
    status = drbg_.Generate(output + produced, chunk, {});
    produced += chunk;
  }
  if (status != PSA_SUCCESS) SecureWipe(output, size);
  return status;
}

void RandomGenerator::Wipe() {
  MutexLock lock(&mutex_);
  drbg_.Uninstantiate();
}

uint64_t RandomGenerator::seed_count() const {
  MutexLock lock(&mutex_);
  return seed_count_;
}

}  // namespace psa::core
