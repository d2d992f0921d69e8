// psa_generate_random of an IV's worth (16 bytes) and of a key's worth (32
// bytes), against Mbed TLS 2.28's own PSA implementation (mbedtls228)
// measured in the same run, on 1 thread and, for 32 bytes, on 2 and 8
// threads at once. This project draws from per-thread CTR_DRBGs (AES-256)
// seeded from a root CTR_DRBG (psa/core/random/random_generator.h), Mbed
// TLS 2.28 from one CTR_DRBG over AES-256 behind its mutex (both thread-safe
// as they are). Rows: BM_GenerateRandom/<implementation>/rng/<bytes>
// [/threads:<n>] (benchmarks/row_runner.h).

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "benchmarks/row_runner.h"
#include "benchmarks/symmetric_support.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

RowOperations GenerateRandom(size_t size) {
  auto output = std::make_shared<std::vector<uint8_t>>(size);
  RowOperations ops;
  ops.psa = [output] { return psa_generate_random(output->data(), output->size()); };
  ops.mbedtls228 = [output] { return baseline_generate_random(output->data(), output->size()); };
  return ops;
}

int RegisterAll() {
  using I = Implementation;
  for (I i : {I::kPsa, I::kMbedtls228, I::kPaired}) {
    for (int size : {16, 32}) {
      RegisterRowFor("GenerateRandom", i, "rng", size, Unit::kBytes,
                     [size](std::string*) { return GenerateRandom(static_cast<size_t>(size)); }, Check());
    }
    for (int threads : {2, 8}) {
      RegisterRowFor("GenerateRandom", i, "rng", 32, Unit::kBytes,
                     [](std::string*) { return GenerateRandom(32); }, Check(), "", threads);
    }
  }
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace psa_benchmarks
