// Entropy collection for the random generator: the operating system's
// generator (getrandom(2)) plus the "get_entropy" entry point of every
// selected driver, reached through psa::dispatch.

#ifndef PSA_CORE_RANDOM_ENTROPY_H_
#define PSA_CORE_RANDOM_ENTROPY_H_

#include <stddef.h>
#include <stdint.h>

#include <memory>

#include "absl/types/span.h"
#include "psa/crypto.h"

namespace psa::core {

// Concatenated outputs of the entropy sources with the sum of their entropy
// estimates. Its buffer is allocated once (never reallocated, so no stale copy
// is left behind) and wiped on Reset and destruction.
class SeedMaterial {
 public:
  SeedMaterial() = default;
  ~SeedMaterial() { Reset(0); }
  SeedMaterial(const SeedMaterial&) = delete;
  SeedMaterial& operator=(const SeedMaterial&) = delete;

  // Wipes the content and makes room for `capacity` bytes.
  void Reset(size_t capacity);

  // The next `size` free bytes, zeroed, for a source to write into; nullptr
  // if fewer than `size` bytes are free. Nothing counts until Commit.
  uint8_t* Reserve(size_t size);
  // Appends the `size` bytes handed out by the last Reserve, crediting
  // `entropy_bits` (at most 8 bits per byte are credited).
  void Commit(size_t size, size_t entropy_bits);

  absl::Span<const uint8_t> bytes() const { return {data_.get(), size_}; }
  size_t entropy_bits() const { return entropy_bits_; }

 private:
  std::unique_ptr<uint8_t[]> data_;
  size_t capacity_ = 0;
  size_t size_ = 0;
  size_t entropy_bits_ = 0;
};

// Fills output[0..size) from the operating system's random generator, which
// gives full-entropy bytes. Blocks until the kernel's pool is initialized.
// PSA_ERROR_INSUFFICIENT_ENTROPY if the system call fails.
psa_status_t ReadOsEntropy(uint8_t* output, size_t size);

// What one (re)seeding asks of the entropy sources.
struct EntropyRequest {
  // Bytes read from the operating system (credited 8 bits each).
  size_t os_bytes = 0;
  // Total entropy, in bits, below which collection fails.
  size_t min_entropy_bits = 0;
};

// Bytes offered to a driver's get_entropy per call: room for raw,
// low-density samples, as the driver interface recommends.
inline constexpr size_t kDriverEntropyBufferSize = 64;
// Blocking rounds of calls to the driver sources before giving up.
inline constexpr size_t kMaxEntropyRounds = 16;

// Fills `seed` (after resetting it) with request.os_bytes from `os_source`,
// then from the drivers' entropy sources (psa::dispatch::GetEntropy) in the
// sequence the driver interface suggests ("Entropy collection and
// blocking"):
//  1. one call to every source with PSA_DRIVER_GET_ENTROPY_NONBLOCK |
//     PSA_DRIVER_GET_ENTROPY_KEEPALIVE, so that a slow TRNG can start; what
//     it returns counts, PSA_ERROR_INSUFFICIENT_ENTROPY (nothing ready) and
//     PSA_ERROR_NOT_SUPPORTED (flags not accepted) are not failures;
//  2. then rounds of calls with flags 0 (blocking) to every source that has
//     not yet given entropy, and to all while the estimates add up to less
//     than request.min_entropy_bits; at most kMaxEntropyRounds rounds.
// So every available source is mixed in, even when the OS alone suffices.
//  - A driver estimate is capped at 8 bits per byte of its buffer.
//  - A driver that answers PSA_ERROR_NOT_SUPPORTED to flags 0 is left out
//    (it is not an entropy source of this platform, e.g. a CPU instruction
//    this CPU lacks).
// Failures are never silently less entropy: a failing OS source, a driver
// failure (with flags 0, PSA_ERROR_INSUFFICIENT_ENTROPY too), or a
// "success" with an estimate of 0 bits end collection with that status
// (PSA_ERROR_INSUFFICIENT_ENTROPY for the last); sources that stall (too
// little after the last round) give PSA_ERROR_INSUFFICIENT_ENTROPY. On
// failure `seed` is wiped and empty.
psa_status_t CollectEntropy(const EntropyRequest& request, psa_status_t (*os_source)(uint8_t*, size_t),
                            SeedMaterial* seed);

// CollectEntropy over ReadOsEntropy and the selected drivers' sources: the
// platform's entropy.
psa_status_t CollectSystemEntropy(const EntropyRequest& request, SeedMaterial* seed);

}  // namespace psa::core

#endif  // PSA_CORE_RANDOM_ENTROPY_H_
