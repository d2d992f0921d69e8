// psa_generate_random served by a random generation driver ("init_random",
// "add_entropy", "get_random"; psa::dispatch::RandomDriverCount() > 0), as
// the driver interface's "Random generation entry points" describe: the core
// allocates the driver's context, calls init_random once, supplies
// "initial_entropy_size" bytes of full-entropy input through add_entropy
// before the first get_random, and at least max("reseed_entropy_size", 32)
// bytes whenever get_random returns less than asked or
// PSA_ERROR_INSUFFICIENT_ENTROPY, on schedule, and in a child after fork().
//
// The full-entropy input is the platform's entropy (entropy.h: the OS and
// every driver's get_entropy) conditioned with Block_Cipher_df
// (ctr_drbg.h), the interface's "F_k(0)" mixing scheme.

#ifndef PSA_CORE_RANDOM_DRIVER_RANDOM_H_
#define PSA_CORE_RANDOM_DRIVER_RANDOM_H_

#include <stddef.h>
#include <stdint.h>

#include <functional>

#include "absl/base/thread_annotations.h"
#include "psa/core/mutex.h"
#include "psa/core/random/aes_blocks.h"
#include "psa/core/random/entropy.h"
#include "psa/crypto.h"

namespace psa::core {

class DriverRandom {
 public:
  using EntropyFunction = std::function<psa_status_t(const EntropyRequest& request, SeedMaterial* seed)>;

  // Bytes of entropy supplied per add_entropy call: one Block_Cipher_df
  // output of the conditioned input.
  static constexpr size_t kEntropyChunk = 32;
  // At least this much on a reseed: a 256-bit security strength.
  static constexpr size_t kMinReseedBytes = 32;
  // get_random calls between two reseeds the core makes on its own.
  static constexpr uint64_t kReseedInterval = uint64_t{1} << 16;
  // Reseeds in a row without output before the driver is declared stalled.
  static constexpr int kMaxReseedsPerRequest = 8;

  struct Options {
    EntropyFunction entropy;  // defaults to CollectSystemEntropy
    Aes256Function aes = &DispatchedAes256;
  };

  // The random driver of index `driver` (psa::dispatch numbering).
  DriverRandom(size_t driver, Options options);
  ~DriverRandom();
  DriverRandom(const DriverRandom&) = delete;
  DriverRandom& operator=(const DriverRandom&) = delete;

  // Writes `size` random bytes from the driver. On failure `output` is wiped
  // and the driver's (or the entropy's) status is returned; the context is
  // initialized afresh on the next call. PSA_ERROR_NOT_SUPPORTED passes
  // through for the caller's fallback decision.
  psa_status_t Generate(uint8_t* output, size_t size) ABSL_LOCKS_EXCLUDED(mutex_);

  // Bytes given to add_entropy so far (tests, diagnostics).
  uint64_t entropy_bytes_supplied() const ABSL_LOCKS_EXCLUDED(mutex_);

 private:
  psa_status_t StartLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // Collects, conditions and supplies `bytes` of full entropy.
  psa_status_t SupplyEntropyLocked(size_t bytes) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  size_t ReseedBytes() const;
  void ReleaseLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  const size_t driver_;
  const EntropyFunction entropy_;
  const Aes256Function aes_;
  mutable Mutex mutex_;
  void* context_ ABSL_GUARDED_BY(mutex_) = nullptr;
  bool started_ ABSL_GUARDED_BY(mutex_) = false;
  uint64_t fork_generation_ ABSL_GUARDED_BY(mutex_) = 0;
  uint64_t calls_since_reseed_ ABSL_GUARDED_BY(mutex_) = 0;
  uint64_t entropy_bytes_supplied_ ABSL_GUARDED_BY(mutex_) = 0;
};

}  // namespace psa::core

#endif  // PSA_CORE_RANDOM_DRIVER_RANDOM_H_
