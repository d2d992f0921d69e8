// Hashing through the PSA API, served by the benchmarked driver
// (BENCHMARKED_DRIVER), against the builtin driver's entry points called
// directly: the baseline, measured in the same run. The HashCompute rows
// (benchmarks/row_runner.h) also pair psa_hash_compute with Mbed TLS 2.28's
// own psa_hash_compute (mbedtls228) and with builtin_hash_compute
// (builtin_direct), for SHA-1, SHA-224 and SHA-256 at 64 B and 16 KiB.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "benchmarks/row_runner.h"
#include "drivers/builtin/builtin_hash.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

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

// One HashCompute row: psa_hash_compute, Mbed TLS 2.28's and the builtin
// entry point over the same message into their own buffers.
struct HashRow {
  psa_algorithm_t alg;
  std::vector<uint8_t> message;
  uint8_t digest[PSA_HASH_MAX_SIZE] = {0};
  size_t length = 0;
};

psa_benchmarks::RowOperations HashComputeRow(psa_algorithm_t alg, size_t size) {
  auto row = std::make_shared<HashRow>();
  row->alg = alg;
  row->message = Message(size);
  psa_benchmarks::RowOperations ops;
  ops.psa = [row] {
    return psa_hash_compute(row->alg, row->message.data(), row->message.size(), row->digest, sizeof(row->digest),
                            &row->length);
  };
  ops.mbedtls228 = [row] {
    return baseline_hash_compute(row->alg, row->message.data(), row->message.size(), row->digest,
                                 sizeof(row->digest), &row->length);
  };
  ops.builtin_direct = [row] {
    return builtin_hash_compute(row->alg, row->message.data(), row->message.size(), row->digest,
                                sizeof(row->digest), &row->length);
  };
  return ops;
}

// "" if Mbed TLS 2.28 computes the digest this project computes.
std::string CheckHashAgreement(psa_algorithm_t alg, size_t size) {
  if (psa_crypto_init() != PSA_SUCCESS || baseline_init() != PSA_SUCCESS) return "psa_crypto_init failed";
  const std::vector<uint8_t> message = Message(size);
  uint8_t ours[PSA_HASH_MAX_SIZE], theirs[PSA_HASH_MAX_SIZE];
  size_t ours_length = 0, theirs_length = 0;
  const psa_status_t status = psa_hash_compute(alg, message.data(), message.size(), ours, sizeof(ours), &ours_length);
  if (status != PSA_SUCCESS) return psa_benchmarks::StatusError("psa_hash_compute", status);
  const int32_t baseline_status =
      baseline_hash_compute(alg, message.data(), message.size(), theirs, sizeof(theirs), &theirs_length);
  if (baseline_status != PSA_SUCCESS) return psa_benchmarks::StatusError("Mbed TLS 2.28 psa_hash_compute", baseline_status);
  if (ours_length != theirs_length || std::memcmp(ours, theirs, ours_length) != 0) return "different digests";
  return "";
}

void RegisterPairedRows() {
  using I = psa_benchmarks::Implementation;
  const NamedHash paired[] = {{"sha1", PSA_ALG_SHA_1}, {"sha224", PSA_ALG_SHA_224}, {"sha256", PSA_ALG_SHA_256}};
  for (const NamedHash& h : paired) {
    for (int size : {64, 16384}) {
      const psa_algorithm_t alg = h.alg;
      const size_t bytes = static_cast<size_t>(size);
      for (I i : {I::kPsa, I::kMbedtls228, I::kBuiltinDirect, I::kPaired, I::kPairedDirect}) {
        psa_benchmarks::RegisterRowFor(
            "HashCompute", i, h.name, size, psa_benchmarks::Unit::kBytes,
            [alg, bytes](std::string*) { return HashComputeRow(alg, bytes); },
            [alg, bytes] { return CheckHashAgreement(alg, bytes); });
      }
    }
  }
}

int RegisterAll() {
  RegisterPairedRows();
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
