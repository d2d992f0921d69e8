// Hashing through the PSA API, served by the benchmarked driver
// (BENCHMARKED_DRIVER), against the builtin driver's entry points called
// directly: the baseline, measured in the same run.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "drivers/builtin/builtin_hash.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"

namespace {

struct NamedHash {
  const char* name;
  psa_algorithm_t alg;
};

const NamedHash kHashes[] = {
    {"MD5", PSA_ALG_MD5},         {"RIPEMD160", PSA_ALG_RIPEMD160}, {"SHA1", PSA_ALG_SHA_1},
    {"SHA224", PSA_ALG_SHA_224},  {"SHA256", PSA_ALG_SHA_256},      {"SHA384", PSA_ALG_SHA_384},
    {"SHA512", PSA_ALG_SHA_512},
};

std::vector<uint8_t> Message(size_t size) {
  std::vector<uint8_t> message(size);
  for (size_t i = 0; i < size; ++i) message[i] = static_cast<uint8_t>(i * 31 + 7);
  return message;
}

// psa_hash_compute of `state.range(0)` bytes through the dispatch.
void BM_PsaHashCompute(benchmark::State& state, psa_algorithm_t alg) {
  if (psa_crypto_init() != PSA_SUCCESS) {
    state.SkipWithError("psa_crypto_init failed");
    return;
  }
  const std::vector<uint8_t> message = Message(static_cast<size_t>(state.range(0)));
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  if (psa_hash_compute(alg, message.data(), message.size(), digest, sizeof(digest), &length) != PSA_SUCCESS) {
    state.SkipWithError("algorithm not compiled in");
    return;
  }
  const char* served_by = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  for (auto _ : state) {
    psa_status_t status = psa_hash_compute(alg, message.data(), message.size(), digest, sizeof(digest), &length);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(digest);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
  state.SetLabel(std::string("served by ") + (served_by ? served_by : "?"));
}

// The same computation through builtin_hash_compute, without the core.
void BM_BuiltinDirect(benchmark::State& state, psa_algorithm_t alg) {
  const std::vector<uint8_t> message = Message(static_cast<size_t>(state.range(0)));
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  for (auto _ : state) {
    psa_status_t status = builtin_hash_compute(alg, message.data(), message.size(), digest, sizeof(digest), &length);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(digest);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
  state.SetLabel("baseline: builtin entry point called directly");
}

// Multi-part hashing in 64-byte updates: setup/update/finish dispatch cost.
void BM_PsaHashMultipart(benchmark::State& state, psa_algorithm_t alg) {
  if (psa_crypto_init() != PSA_SUCCESS) {
    state.SkipWithError("psa_crypto_init failed");
    return;
  }
  const std::vector<uint8_t> message = Message(static_cast<size_t>(state.range(0)));
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  for (auto _ : state) {
    psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
    psa_status_t status = psa_hash_setup(&operation, alg);
    for (size_t at = 0; status == PSA_SUCCESS && at < message.size(); at += 64) {
      status = psa_hash_update(&operation, message.data() + at, std::min<size_t>(64, message.size() - at));
    }
    if (status == PSA_SUCCESS) status = psa_hash_finish(&operation, digest, sizeof(digest), &length);
    if (status != PSA_SUCCESS) {
      psa_hash_abort(&operation);
      state.SkipWithError("multi-part hashing failed");
      return;
    }
    benchmark::DoNotOptimize(digest);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

int RegisterAll() {
  for (const NamedHash& h : kHashes) {
    std::string suffix = std::string(h.name) + "/" BENCHMARKED_DRIVER;
    benchmark::RegisterBenchmark(("BM_PsaHashCompute/" + suffix).c_str(), BM_PsaHashCompute, h.alg)
        ->Arg(64)
        ->Arg(1024)
        ->Arg(16384);
    benchmark::RegisterBenchmark(("BM_BuiltinDirect/" + std::string(h.name)).c_str(), BM_BuiltinDirect, h.alg)
        ->Arg(64)
        ->Arg(1024)
        ->Arg(16384);
    benchmark::RegisterBenchmark(("BM_PsaHashMultipart/" + suffix).c_str(), BM_PsaHashMultipart, h.alg)
        ->Arg(1024)
        ->Arg(16384);
  }
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
