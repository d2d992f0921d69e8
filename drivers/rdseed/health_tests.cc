#include "drivers/rdseed/health_tests.h"

namespace rdseed {

void HealthTests::Reset() { *this = HealthTests(); }

bool HealthTests::Feed(const uint8_t* bytes, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    const int sample = bytes[i];
    // Repetition Count Test: C identical samples in a row fail.
    if (sample == last_) {
      if (++run_ >= kRepetitionCutoff) {
        Reset();
        return false;
      }
    } else {
      last_ = sample;
      run_ = 1;
    }
    // Adaptive Proportion Test: the window's first sample may recur at most
    // cutoff - 1 times in the window.
    if (window_seen_ == 0) {
      window_first_ = sample;
      window_matches_ = 1;
    } else if (sample == window_first_) {
      if (++window_matches_ >= kProportionCutoff) {
        Reset();
        return false;
      }
    }
    if (++window_seen_ == kWindow) window_seen_ = 0;
  }
  return true;
}

}  // namespace rdseed
