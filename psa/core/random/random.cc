// psa_generate_random (PSA Crypto 1.2, "Random number generation"): the
// selected random generation drivers in priority order (driver_random.h),
// else, or after NOT_SUPPORTED from a fallback one, the core's generator
// (random_generator.h). Key generation and every other use of randomness in
// the core and the builtin driver go through here.

#include <memory>
#include <vector>

#include "psa/core/dispatch.h"
#include "psa/core/library_state.h"
#include "psa/core/random/driver_random.h"
#include "psa/core/wipe.h"
#include "psa/crypto.h"

namespace psa::core {
namespace {

// One per random driver of the build, created on first use and kept for
// the life of the process.
std::vector<std::unique_ptr<DriverRandom>>& DriverRandoms() {
  static std::vector<std::unique_ptr<DriverRandom>>* const randoms = [] {
    auto* list = new std::vector<std::unique_ptr<DriverRandom>>();
    for (size_t i = 0; i < psa::dispatch::RandomDriverCount(); ++i) {
      list->push_back(std::make_unique<DriverRandom>(i, DriverRandom::Options()));
    }
    return list;
  }();
  return *randoms;
}

}  // namespace
}  // namespace psa::core

extern "C" psa_status_t psa_generate_random(uint8_t* output, size_t output_size) {
  if (!psa::core::LibraryInitialized()) {
    psa::core::SecureWipe(output, output_size);
    return PSA_ERROR_BAD_STATE;
  }
  if (psa::dispatch::RandomDriverCount() != 0) {
    auto& randoms = psa::core::DriverRandoms();
    for (size_t i = 0; i < randoms.size(); ++i) {
      const psa_status_t status = randoms[i]->Generate(output, output_size);
      if (status == PSA_ERROR_NOT_SUPPORTED && psa::dispatch::GetRandomDriverInfo(i)->fallback) continue;
      return status;
    }
  }
  return psa::core::GlobalRandomGenerator().Generate(output, output_size);
}
