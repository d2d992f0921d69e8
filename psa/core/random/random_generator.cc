#include "psa/core/random/random_generator.h"

#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <optional>
#include <utility>

#include "psa/core/random/fork_counter.h"
#include "psa/core/wipe.h"

namespace psa::core {
namespace {

std::atomic<uint64_t> g_next_generator_id{1};

// Domain separation of the two levels (SP 800-90A personalization).
constexpr char kRootPersonalization[] = "psa::core::RandomGenerator root CTR_DRBG";
constexpr char kThreadPersonalization[] = "psa::core::RandomGenerator thread CTR_DRBG";

// SP 800-90A nonce by uniqueness (8.6.7): wall-clock and monotonic time,
// process and thread ids and a per-process counter never repeat together.
struct Nonce {
  int64_t realtime_ns;
  int64_t monotonic_ns;
  uint64_t counter;
  int32_t pid;
  int32_t tid;
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
  nonce.tid = static_cast<int32_t>(syscall(SYS_gettid));
  return nonce;
}

absl::Span<const uint8_t> AsBytes(const void* data, size_t size) { return {static_cast<const uint8_t*>(data), size}; }

}  // namespace

// One thread's DRBG and the bytes it has produced ahead; bytes are wiped as
// they are handed out, and everything when the thread exits.
struct RandomGenerator::ThreadState {
  ~ThreadState() { Drop(); }
  void Drop() {
    if (drbg) drbg->Uninstantiate();
    drbg.reset();
    SecureWipe(buffer, sizeof(buffer));
    position = sizeof(buffer);
    owner = 0;
  }
  size_t available() const { return sizeof(buffer) - position; }

  uint64_t owner = 0;  // RandomGenerator::id_; 0: none
  uint64_t epoch = 0;
  uint64_t fork_generation = 0;
  std::optional<CtrDrbg> drbg;
  size_t position = kThreadBufferSize;  // buffer[position..] not yet handed out
  uint8_t buffer[kThreadBufferSize] = {0};
};

RandomGenerator::RandomGenerator(Options options)
    : entropy_(options.entropy ? std::move(options.entropy) : EntropyFunction(&CollectSystemEntropy)),
      aes_(options.aes != nullptr ? options.aes : &DispatchedAes256),
      thread_reseed_interval_(options.thread_reseed_interval),
      id_(g_next_generator_id.fetch_add(1, std::memory_order_relaxed)),
      root_(options.reseed_interval, aes_) {}

psa_status_t RandomGenerator::InstantiateLocked() {
  const uint64_t fork_generation = ForkGeneration();
  SeedMaterial seed;
  psa_status_t status = entropy_(EntropyRequest{kInstantiateOsBytes, kMinEntropyBits}, &seed);
  if (status == PSA_SUCCESS && seed.entropy_bits() < kMinEntropyBits) status = PSA_ERROR_INSUFFICIENT_ENTROPY;
  if (status != PSA_SUCCESS) {
    root_.Uninstantiate();
    return status;
  }
  Nonce nonce = MakeNonce();
  status = root_.Instantiate(seed.bytes(), AsBytes(&nonce, sizeof(nonce)),
                             AsBytes(kRootPersonalization, sizeof(kRootPersonalization) - 1));
  SecureWipeObject(nonce);
  if (status != PSA_SUCCESS) return status;
  seeded_fork_generation_ = fork_generation;
  ++seed_count_;
  return PSA_SUCCESS;
}

psa_status_t RandomGenerator::ReseedLocked() {
  const uint64_t fork_generation = ForkGeneration();
  SeedMaterial seed;
  psa_status_t status = entropy_(EntropyRequest{kReseedOsBytes, kMinEntropyBits}, &seed);
  if (status == PSA_SUCCESS && seed.entropy_bits() < kMinEntropyBits) status = PSA_ERROR_INSUFFICIENT_ENTROPY;
  if (status != PSA_SUCCESS) return status;
  // The nonce as additional input separates parent and child after a fork
  // even if both got the same entropy.
  Nonce nonce = MakeNonce();
  status = root_.Reseed(seed.bytes(), AsBytes(&nonce, sizeof(nonce)));
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

psa_status_t RandomGenerator::RootGenerate(uint8_t* output, size_t size) {
  MutexLock lock(&mutex_);
  psa_status_t status = PSA_SUCCESS;
  if (!root_.instantiated()) {
    status = InstantiateLocked();
  } else if (root_.reseed_required() ||
             seeded_fork_generation_ != ForkGeneration()) {
    status = ReseedLocked();
  }
  if (status == PSA_SUCCESS) status = root_.Generate(output, size, {});
  if (status != PSA_SUCCESS) SecureWipe(output, size);
  return status;
}

psa_status_t RandomGenerator::SeedThread(ThreadState& state, bool instantiate) {
  // Full-entropy input from the root: as much as the security strength,
  // plus a nonce's worth at instantiation.
  uint8_t seed[CtrDrbg::kSeedLength];
  const size_t seed_length = instantiate ? CtrDrbg::kSeedLength : CtrDrbg::kSecurityStrengthBytes;
  const uint64_t fork_generation = ForkGeneration();
  psa_status_t status = RootGenerate(seed, seed_length);
  Nonce nonce = MakeNonce();
  if (status == PSA_SUCCESS) {
    if (instantiate) {
      state.drbg.emplace(thread_reseed_interval_, aes_);
      status = state.drbg->Instantiate(AsBytes(seed, CtrDrbg::kSecurityStrengthBytes),
                                       AsBytes(seed + CtrDrbg::kSecurityStrengthBytes,
                                               CtrDrbg::kSeedLength - CtrDrbg::kSecurityStrengthBytes),
                                       AsBytes(kThreadPersonalization, sizeof(kThreadPersonalization) - 1));
    } else {
      status = state.drbg->Reseed(AsBytes(seed, seed_length), AsBytes(&nonce, sizeof(nonce)));
    }
  }
  SecureWipeObject(seed);
  SecureWipeObject(nonce);
  if (status != PSA_SUCCESS) {
    state.Drop();
    return status;
  }
  if (instantiate) {
    state.owner = id_;
    state.epoch = epoch_.load(std::memory_order_acquire);
  }
  state.fork_generation = fork_generation;
  thread_seed_count_.fetch_add(1, std::memory_order_relaxed);
  return PSA_SUCCESS;
}

psa_status_t RandomGenerator::Generate(uint8_t* output, size_t size) {
  if (size == 0) return PSA_SUCCESS;
  thread_local ThreadState state;
  // The hot path: this thread's buffer, of this generator, since the last
  // fork, holds enough.
  if (state.owner == id_ && size <= state.available() &&
      state.fork_generation == ForkGeneration() &&
      state.epoch == epoch_.load(std::memory_order_relaxed)) {
    uint8_t* ready = state.buffer + state.position;
    memcpy(output, ready, size);
    SecureWipe(ready, size);
    state.position += size;
    return PSA_SUCCESS;
  }
  return GenerateSlow(state, output, size);
}

psa_status_t RandomGenerator::GenerateSlow(ThreadState& state, uint8_t* output, size_t size) {
  psa_status_t status = PSA_SUCCESS;
  if (state.owner != id_ || state.epoch != epoch_.load(std::memory_order_acquire) || !state.drbg) {
    // Another (or a wiped) generator's state: never reuse its bytes.
    state.Drop();
    status = SeedThread(state, /*instantiate=*/true);
  } else if (state.fork_generation != ForkGeneration()) {
    // The bytes produced ahead before fork() exist in the parent too.
    SecureWipe(state.buffer, sizeof(state.buffer));
    state.position = sizeof(state.buffer);
    status = SeedThread(state, /*instantiate=*/false);
  }
  size_t produced = 0;
  while (status == PSA_SUCCESS && produced < size) {
    const size_t wanted = size - produced;
    if (state.available() != 0) {
      // What is left in the buffer first, oldest bytes first.
      const size_t take = wanted < state.available() ? wanted : state.available();
      uint8_t* ready = state.buffer + state.position;
      memcpy(output + produced, ready, take);
      SecureWipe(ready, take);
      state.position += take;
      produced += take;
      continue;
    }
    if (state.drbg->reseed_required()) {
      status = SeedThread(state, /*instantiate=*/false);
      if (status != PSA_SUCCESS) break;
    }
    if (wanted >= kThreadBufferSize) {
      // Large requests straight from the DRBG.
      const size_t chunk = wanted < CtrDrbg::kMaxRequestLength ? wanted : CtrDrbg::kMaxRequestLength;
      status = state.drbg->Generate(output + produced, chunk, {});
      produced += chunk;
    } else {
      status = state.drbg->Generate(state.buffer, sizeof(state.buffer), {});
      state.position = 0;
    }
  }
  if (status != PSA_SUCCESS) {
    state.Drop();
    SecureWipe(output, size);
  }
  return status;
}

void RandomGenerator::Wipe() {
  MutexLock lock(&mutex_);
  root_.Uninstantiate();
  epoch_.fetch_add(1, std::memory_order_acq_rel);
}

uint64_t RandomGenerator::seed_count() const {
  MutexLock lock(&mutex_);
  return seed_count_;
}

}  // namespace psa::core
