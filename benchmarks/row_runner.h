// The rows every family benchmark registers, and how they are timed. A row
// is named
//
//   BM_<Operation>/<implementation>/<mechanism>/<bytes>
//
// with implementation
//   psa             this project's PSA API (served by the benchmarked driver)
//   mbedtls228      Mbed TLS 2.28 (its PSA API, or where it has none, the
//                   same primitive; the family says which)
//   builtin_direct  the builtin driver's entry point, without the core
//   paired          psa and mbedtls228 timed alternately in the same
//                   benchmark, in blocks of about 50 us (at least one call
//                   each): counters ratio (median over blocks of mbedtls228
//                   time / psa time, so ours' speed relative to theirs),
//                   psa_ns, other_ns
//   paired_direct   the same for psa against builtin_direct
//   openssl_evp     OpenSSL 3's EVP API, keys and contexts prepared once
//                   (benchmarks/openssl_evp.h: OpenSSL's best case)
//   paired_openssl_evp  the same as paired, for psa against openssl_evp
//
// benchmarks/report.py pairs rows by these names. The paired rows are the
// robust comparison on a loaded machine: both sides see the same load.
//
// A family sets up each row once (Setup: keys, buffers) and gets back the
// calls to time (RowOperations).

#ifndef BENCHMARKS_ROW_RUNNER_H_
#define BENCHMARKS_ROW_RUNNER_H_

#include <benchmark/benchmark.h>

#include <stdint.h>

#include <functional>
#include <string>

#include "psa/crypto.h"

namespace psa_benchmarks {

// A timed call; returns its status (PSA_SUCCESS = 0).
using Call = std::function<int32_t()>;

// The calls of one row. An empty Call: that implementation has no such
// operation.
struct RowOperations {
  Call psa;
  Call mbedtls228;
  Call builtin_direct;
  Call openssl_evp;
};

enum class Implementation { kPsa, kMbedtls228, kBuiltinDirect, kPaired, kPairedDirect, kOpensslEvp, kPairedOpensslEvp };

// What a row's throughput counts: kBytes, `size` bytes per call
// (bytes_per_second); kOperations, one item per call (items_per_second).
enum class Unit { kBytes, kOperations };

// Sets up one row: on failure returns empty calls and sets *error (see
// StatusError). The calls keep what they need alive.
using Setup = std::function<RowOperations(std::string* error)>;

// "" if Mbed TLS 2.28 computes what this project computes for the row's
// mechanism and size, else what differs.
using Check = std::function<std::string()>;

// Registers BM_<operation>/<implementation>/<mechanism>/<size>. Rows that
// involve mbedtls228 run `check` first (if not empty) and skip with "Mbed
// TLS 2.28 disagrees: ..." when it finds a difference. psa rows are
// labelled "served by <driver>", paired rows "psa served by <driver>", and
// `mbedtls228_label`, when not empty, is appended to the label of the rows
// that time mbedtls228 (to say what that side is when it is not a PSA API).
// With `threads` > 1 the row runs on that many threads at once (Google
// Benchmark appends /threads:<n> to the name): each thread sets up its own
// calls (one thread at a time), separate rows count throughput over wall-clock
// time, and the paired counters are averages over the threads.
void RegisterRowFor(const std::string& operation, Implementation implementation, const std::string& mechanism,
                    int size, Unit unit, Setup setup, Check check, const std::string& mbedtls228_label = "",
                    int threads = 1);

// psa_crypto_init of both implementations; false (and state skipped with
// the reason) if one fails.
bool InitOrSkip(benchmark::State& state);

// Skips `state` with a message naming `what` and `status` when status is not
// PSA_SUCCESS: "not supported" for PSA_ERROR_NOT_SUPPORTED. Returns true if
// it skipped.
bool SkipOnError(benchmark::State& state, const char* what, psa_status_t status);

// `message` as an error string for Setup: "<what>: not supported" for
// PSA_ERROR_NOT_SUPPORTED, "<what> failed with status N" otherwise, "" for
// PSA_SUCCESS.
std::string StatusError(const char* what, int32_t status);

}  // namespace psa_benchmarks

#endif  // BENCHMARKS_ROW_RUNNER_H_
