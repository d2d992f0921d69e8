// The continuous health tests of NIST SP 800-90B section 4.4, run on the
// bytes of a noise source: the Repetition Count Test (4.4.1) and the
// Adaptive Proportion Test (4.4.2, window 512 for non-binary samples), with
// a false-positive rate alpha = 2^-20 at the assessed min-entropy of
// kAssessedBitsPerByte. A stuck or badly biased source fails them; a source
// meeting its assessment passes except with probability about 2^-20 per
// window.

#ifndef DRIVERS_RDSEED_HEALTH_TESTS_H_
#define DRIVERS_RDSEED_HEALTH_TESTS_H_

#include <stddef.h>
#include <stdint.h>

namespace rdseed {

class HealthTests {
 public:
  // H, the assessed min-entropy per byte: half of the 8 bits (the estimate
  // the driver reports, a conservative one for RDSEED's conditioned output).
  static constexpr int kAssessedBitsPerByte = 4;
  // RCT cutoff C = 1 + ceil(20 / H).
  static constexpr int kRepetitionCutoff = 1 + (20 + kAssessedBitsPerByte - 1) / kAssessedBitsPerByte;
  // APT: W = 512; cutoff = 1 + CRITBINOM(512, 2^-4, 1 - 2^-20) = 62.
  static constexpr int kWindow = 512;
  static constexpr int kProportionCutoff = 62;
  // Startup testing (4.3, item 8): 1024 samples before the first output.
  static constexpr int kStartupSamples = 1024;

  // Feeds `size` bytes through both tests. False as soon as one fails; the
  // tests then start over (a new window, a new run).
  bool Feed(const uint8_t* bytes, size_t size);
  void Reset();

 private:
  // RCT state.
  int last_ = -1;
  int run_ = 0;
  // APT state.
  int window_first_ = -1;
  int window_seen_ = 0;
  int window_matches_ = 0;
};

}  // namespace rdseed

#endif  // DRIVERS_RDSEED_HEALTH_TESTS_H_
