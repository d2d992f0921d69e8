// The core's random generator: HMAC_DRBG (hmac_drbg.h) seeded and reseeded
// from the entropy sources (entropy.h), safe to share between threads, and
// reseeded in a child process after fork().

#ifndef PSA_CORE_RANDOM_GENERATOR_H_
#define PSA_CORE_RANDOM_GENERATOR_H_

#include <stddef.h>
#include <stdint.h>

#include <functional>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "psa/core/mutex.h"
#include "psa/core/entropy.h"
#include "psa/core/hmac_drbg.h"
#include "psa/crypto.h"

namespace psa::core {

class RandomGenerator {
 public:
  // Fills *seed with at least request.min_entropy_bits of entropy, or fails.
  using EntropyFunction =
      std::function<psa_status_t(const EntropyRequest& request,
                                 SeedMaterial* seed)>;

  // Generate requests (of at most HmacDrbg::kMaxRequestLength bytes each)
  // between two reseedings; SP 800-90A allows up to 2^48, this stays well
  // below 2^20.
  static constexpr uint64_t kDefaultReseedInterval = uint64_t{1} << 16;
  // Instantiation reads 48 bytes from the OS: entropy input and nonce for a
  // 256-bit security strength. A reseed reads 32.
  static constexpr size_t kInstantiateOsBytes = 48;
  static constexpr size_t kReseedOsBytes = 32;
  // Entropy, in bits, that every (re)seeding must gather.
  static constexpr size_t kMinEntropyBits = 256;

  struct Options {
    uint64_t reseed_interval = kDefaultReseedInterval;
    // Defaults to CollectEntropy over ReadOsEntropy and the drivers.
    EntropyFunction entropy;
  };

  RandomGenerator() : RandomGenerator(Options()) {}
  explicit RandomGenerator(Options options);
  RandomGenerator(const RandomGenerator&) = delete;
  RandomGenerator& operator=(const RandomGenerator&) = delete;

  // (Re)instantiates the DRBG from fresh entropy. On failure the generator
  // is left unseeded and Generate will try again.
  psa_status_t Seed() ABSL_LOCKS_EXCLUDED(mutex_);

  // Writes `size` random bytes. Seeds first if needed, reseeds when the
  // interval is reached or the process has forked since the last seeding,
  // and splits large requests into DRBG-sized ones. On failure `output` is
  // wiped and the status of the entropy source or hash driver is returned.
  psa_status_t Generate(uint8_t* output, size_t size)
      ABSL_LOCKS_EXCLUDED(mutex_);

  // Wipes the DRBG state; the next Generate seeds again.
  void Wipe() ABSL_LOCKS_EXCLUDED(mutex_);

  // Number of successful seedings and reseedings so far (tests, diagnostics).
  uint64_t seed_count() const ABSL_LOCKS_EXCLUDED(mutex_);

 private:
  psa_status_t InstantiateLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  psa_status_t ReseedLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  const EntropyFunction entropy_;
  mutable Mutex mutex_;
  HmacDrbg drbg_ ABSL_GUARDED_BY(mutex_);
  // Value of the process fork counter when the DRBG was last (re)seeded.
  uint64_t seeded_fork_generation_ ABSL_GUARDED_BY(mutex_) = 0;
  uint64_t seed_count_ ABSL_GUARDED_BY(mutex_) = 0;
};

}  // namespace psa::core

#endif  // PSA_CORE_RANDOM_GENERATOR_H_
