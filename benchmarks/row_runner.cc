#include "benchmarks/row_runner.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "psa/core/dispatch.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {

bool InitOrSkip(benchmark::State& state) {
  if (psa_crypto_init() != PSA_SUCCESS) {
    state.SkipWithError("psa_crypto_init failed");
    return false;
  }
  if (baseline_init() != PSA_SUCCESS) {
    state.SkipWithError("psa_crypto_init of Mbed TLS 2.28 failed");
    return false;
  }
  return true;
}

bool SkipOnError(benchmark::State& state, const char* what, psa_status_t status) {
  if (status == PSA_SUCCESS) return false;
  state.SkipWithError(StatusError(what, status).c_str());
  return true;
}

std::string StatusError(const char* what, int32_t status) {
  if (status == PSA_SUCCESS) return "";
  if (status == PSA_ERROR_NOT_SUPPORTED) return std::string(what) + ": not supported";
  return std::string(what) + " failed with status " + std::to_string(status);
}

namespace {

const char* ImplementationName(Implementation implementation) {
  switch (implementation) {
    case Implementation::kPsa:
      return "psa";
    case Implementation::kMbedtls228:
      return "mbedtls228";
    case Implementation::kBuiltinDirect:
      return "builtin_direct";
    case Implementation::kPaired:
      return "paired";
    case Implementation::kPairedDirect:
      return "paired_direct";
    case Implementation::kOpensslEvp:
      return "openssl_evp";
    case Implementation::kPairedOpensslEvp:
      return "paired_openssl_evp";
  }
  return "?";
}

std::string ServingDriver() {
  const char* name = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  return name != nullptr ? name : "?";
}

// Wall-clock nanoseconds of `count` calls.
double TimeCalls(const Call& call, int64_t count) {
  const auto start = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < count; ++i) {
    int32_t status = call();
    benchmark::DoNotOptimize(status);
    benchmark::ClobberMemory();
  }
  const auto stop = std::chrono::steady_clock::now();
  return std::chrono::duration<double, std::nano>(stop - start).count();
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// Sets the throughput counter of `calls` calls of `size` bytes.
void SetProcessed(benchmark::State& state, Unit unit, int64_t calls, size_t size) {
  if (unit == Unit::kBytes) {
    state.SetBytesProcessed(calls * static_cast<int64_t>(size));
  } else {
    state.SetItemsProcessed(calls);
  }
}

// Times `ours` and `other` alternately (the order swapped each block), the
// slower side's blocks about 50 us long; the counters are medians over the blocks, so a
// block that the machine's load slowed down does not count.
void RunPaired(benchmark::State& state, const Call& ours, const Call& other, Unit unit, size_t size) {
  constexpr double kBlockNs = 50e3;
  // Calibration on warm code and data.
  TimeCalls(ours, 2);
  TimeCalls(other, 2);
  const double one = std::max(1.0, std::max(TimeCalls(ours, 3), TimeCalls(other, 3)) / 3);
  const int64_t count = std::max<int64_t>(1, static_cast<int64_t>(kBlockNs / one));
  std::vector<double> ratios, ours_ns, other_ns;
  bool other_first = false;
  for (auto _ : state) {
    double a = 0, b = 0;
    if (other_first) {
      b = TimeCalls(other, count);
      a = TimeCalls(ours, count);
    } else {
      a = TimeCalls(ours, count);
      b = TimeCalls(other, count);
    }
    other_first = !other_first;
    ratios.push_back(b / a);
    ours_ns.push_back(a / static_cast<double>(count));
    other_ns.push_back(b / static_cast<double>(count));
    state.SetIterationTime((a + b) * 1e-9);
  }
  // Averages over the threads of a threaded row (Google Benchmark sums by default).
  constexpr auto kAvg = benchmark::Counter::kAvgThreads;
  state.counters["ratio"] = benchmark::Counter(Median(ratios), kAvg);
  state.counters["psa_ns"] = benchmark::Counter(Median(ours_ns), kAvg);
  state.counters["other_ns"] = benchmark::Counter(Median(other_ns), kAvg);
  state.counters["blocks"] = benchmark::Counter(static_cast<double>(ratios.size()), kAvg);
  SetProcessed(state, unit, static_cast<int64_t>(state.iterations()) * count * 2, size);
}

struct RowSpec {
  Implementation implementation;
  Unit unit;
  Setup setup;
  Check check;
  std::string mbedtls228_label;
};

// The threads of a threaded row set up one at a time: Mbed TLS 2.28's PSA
// implementation is not thread-safe.
std::mutex g_setup_mutex;

// InitOrSkip, the agreement check and row.setup; false if the row skipped.
bool SetUpRow(benchmark::State& state, const RowSpec& row, RowOperations* operations) {
  std::lock_guard<std::mutex> lock(g_setup_mutex);
  if (!InitOrSkip(state)) return false;
  const Implementation implementation = row.implementation;
  const bool with_baseline = implementation == Implementation::kMbedtls228 || implementation == Implementation::kPaired;
  if (with_baseline && row.check) {
    const std::string problem = row.check();
    if (!problem.empty()) {
      state.SkipWithError(("Mbed TLS 2.28 disagrees: " + problem).c_str());
      return false;
    }
  }
  std::string error;
  *operations = row.setup(&error);
  if (!error.empty()) {
    state.SkipWithError(error.c_str());
    return false;
  }
  return true;
}

void BM_Row(benchmark::State& state, const RowSpec& row) {
  const size_t size = static_cast<size_t>(state.range(0));
  const Implementation implementation = row.implementation;
  RowOperations operations;
  if (!SetUpRow(state, row, &operations)) return;
  const Call* call = nullptr;
  const Call* other = nullptr;
  switch (implementation) {
    case Implementation::kPsa:
      call = &operations.psa;
      break;
    case Implementation::kMbedtls228:
      call = &operations.mbedtls228;
      break;
    case Implementation::kBuiltinDirect:
      call = &operations.builtin_direct;
      break;
    case Implementation::kPaired:
      call = &operations.psa;
      other = &operations.mbedtls228;
      break;
    case Implementation::kPairedDirect:
      call = &operations.psa;
      other = &operations.builtin_direct;
      break;
    case Implementation::kOpensslEvp:
      call = &operations.openssl_evp;
      break;
    case Implementation::kPairedOpensslEvp:
      call = &operations.psa;
      other = &operations.openssl_evp;
      break;
  }
  if (!*call || (other != nullptr && !*other)) {
    state.SkipWithError("no such operation in this implementation");
    return;
  }
  const std::string suffix = row.mbedtls228_label.empty() ? "" : "; mbedtls228: " + row.mbedtls228_label;
  if (SkipOnError(state, ImplementationName(implementation), (*call)())) return;
  if (implementation == Implementation::kPsa) state.SetLabel("served by " + ServingDriver());
  if (implementation == Implementation::kMbedtls228 && !row.mbedtls228_label.empty()) {
    state.SetLabel(row.mbedtls228_label);
  }
  if (other != nullptr) {
    const std::string served_by = ServingDriver();
    if (SkipOnError(state, "the other side", (*other)())) return;
    state.SetLabel("psa served by " + served_by + (implementation == Implementation::kPaired ? suffix : ""));
    RunPaired(state, *call, *other, row.unit, size);
    return;
  }
  for (auto _ : state) {
    int32_t status = (*call)();
    benchmark::DoNotOptimize(status);
    benchmark::ClobberMemory();
  }
  SetProcessed(state, row.unit, static_cast<int64_t>(state.iterations()), size);
}

}  // namespace

void RegisterRowFor(const std::string& operation, Implementation implementation, const std::string& mechanism,
                    int size, Unit unit, Setup setup, Check check, const std::string& mbedtls228_label,
                    int threads) {
  const std::string name = "BM_" + operation + "/" + ImplementationName(implementation) + "/" + mechanism;
  RowSpec row{implementation, unit, std::move(setup), std::move(check), mbedtls228_label};
  benchmark::internal::Benchmark* b = benchmark::RegisterBenchmark(
      name.c_str(), [row](benchmark::State& state) { BM_Row(state, row); });
  b->Arg(size);
  if (implementation == Implementation::kPaired || implementation == Implementation::kPairedDirect ||
      implementation == Implementation::kPairedOpensslEvp) {
    b->UseManualTime();
  } else if (threads > 1) {
    b->UseRealTime();
  }
  if (threads > 1) b->Threads(threads);
}

}  // namespace psa_benchmarks
