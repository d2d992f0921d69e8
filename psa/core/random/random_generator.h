// The core's random generator: a tree of CTR_DRBGs (ctr_drbg.h). One root
// DRBG, behind a mutex, is seeded and reseeded from the entropy sources
// (entropy.h); every thread that asks for random bytes gets its own DRBG,
// seeded from the root, that serves small requests from a per-thread buffer
// without any lock (as BoringSSL's per-thread DRBGs do). After fork() both
// levels reseed before the child's first output, so a child never repeats
// its parent's bytes. A thread's DRBG and buffer are wiped when the thread
// exits.

#ifndef PSA_CORE_RANDOM_RANDOM_GENERATOR_H_
#define PSA_CORE_RANDOM_RANDOM_GENERATOR_H_

#include <stddef.h>
#include <stdint.h>

#include <atomic>
#include <functional>

#include "absl/base/thread_annotations.h"
#include "psa/core/mutex.h"
#include "psa/core/random/aes_blocks.h"
#include "psa/core/random/ctr_drbg.h"
#include "psa/core/random/entropy.h"
#include "psa/crypto.h"

namespace psa::core {

class RandomGenerator {
 public:
  // Fills *seed with at least request.min_entropy_bits of entropy, or fails.
  using EntropyFunction = std::function<psa_status_t(const EntropyRequest& request, SeedMaterial* seed)>;

  // Requests to the root (thread seedings and reseedings) between two
  // reseedings of the root from the entropy sources.
  static constexpr uint64_t kDefaultReseedInterval = uint64_t{1} << 12;
  // Requests to a thread's DRBG (buffer refills, or large requests of up to
  // CtrDrbg::kMaxRequestLength) between two reseedings from the root: at
  // most 256 MiB, in practice 16 MiB of small requests.
  static constexpr uint64_t kDefaultThreadReseedInterval = uint64_t{1} << 12;
  // Bytes a thread's DRBG produces ahead for small requests. Requests of at
  // least this size bypass the buffer.
  static constexpr size_t kThreadBufferSize = 4096;
  // Instantiation reads 48 bytes from the OS: entropy input and nonce for a
  // 256-bit security strength. A reseed reads 32.
  static constexpr size_t kInstantiateOsBytes = 48;
  static constexpr size_t kReseedOsBytes = 32;
  // Entropy, in bits, that every (re)seeding of the root must gather.
  static constexpr size_t kMinEntropyBits = 256;

  struct Options {
    uint64_t reseed_interval = kDefaultReseedInterval;
    uint64_t thread_reseed_interval = kDefaultThreadReseedInterval;
    // Defaults to CollectEntropy over ReadOsEntropy and the drivers.
    EntropyFunction entropy;
    // The DRBGs' block cipher.
    Aes256Function aes = &DispatchedAes256;
  };

  RandomGenerator() : RandomGenerator(Options()) {}
  explicit RandomGenerator(Options options);
  RandomGenerator(const RandomGenerator&) = delete;
  RandomGenerator& operator=(const RandomGenerator&) = delete;

  // (Re)instantiates the root DRBG from fresh entropy. On failure the root
  // is left unseeded and Generate will try again.
  psa_status_t Seed() ABSL_LOCKS_EXCLUDED(mutex_);

  // Writes `size` random bytes from the calling thread's DRBG, creating or
  // reseeding it (and the root) as needed. On failure `output` is wiped and
  // the status of the entropy source or of the AES driver is returned.
  psa_status_t Generate(uint8_t* output, size_t size) ABSL_LOCKS_EXCLUDED(mutex_);

  // Wipes the root; every thread's DRBG is dropped (wiped) on its next use,
  // and the next Generate seeds again.
  void Wipe() ABSL_LOCKS_EXCLUDED(mutex_);

  // Number of successful seedings and reseedings of the root from the
  // entropy sources (tests, diagnostics).
  uint64_t seed_count() const ABSL_LOCKS_EXCLUDED(mutex_);

  // Number of thread DRBG instantiations and reseedings from the root.
  uint64_t thread_seed_count() const { return thread_seed_count_.load(std::memory_order_relaxed); }

 private:
  struct ThreadState;

  psa_status_t GenerateSlow(ThreadState& state, uint8_t* output, size_t size);
  // (Re)seeds this thread's DRBG from the root.
  psa_status_t SeedThread(ThreadState& state, bool instantiate);
  // Writes root output, (re)seeding the root from the entropy sources first
  // when needed.
  psa_status_t RootGenerate(uint8_t* output, size_t size) ABSL_LOCKS_EXCLUDED(mutex_);
  psa_status_t InstantiateLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  psa_status_t ReseedLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  const EntropyFunction entropy_;
  const Aes256Function aes_;
  const uint64_t thread_reseed_interval_;
  // Tells this generator's thread states from those of an earlier one.
  const uint64_t id_;
  // Incremented by Wipe: thread states of an older epoch are dropped.
  std::atomic<uint64_t> epoch_{0};
  std::atomic<uint64_t> thread_seed_count_{0};

  mutable Mutex mutex_;
  CtrDrbg root_ ABSL_GUARDED_BY(mutex_);
  // Value of the process fork counter when the root was last (re)seeded.
  uint64_t seeded_fork_generation_ ABSL_GUARDED_BY(mutex_) = 0;
  uint64_t seed_count_ ABSL_GUARDED_BY(mutex_) = 0;
};

}  // namespace psa::core

#endif  // PSA_CORE_RANDOM_RANDOM_GENERATOR_H_
