// A scriptable implementation of psa/core/dispatch.h for the core's unit
// tests: one pretend driver (id 1, "fake") that hashes with the builtin
// driver's code, entropy sources given as functions, and forced failures.
// Link it instead of a generated dispatch (never together with //psa:crypto).
// All functions are thread-safe.

#ifndef PSA_CORE_TESTING_FAKE_DISPATCH_H_
#define PSA_CORE_TESTING_FAKE_DISPATCH_H_

#include <stddef.h>
#include <stdint.h>

#include <functional>
#include <vector>

#include "psa/crypto.h"
#include "psa/crypto_driver_common.h"

namespace psa::core::testing {

// The driver id the fake records in active hash operations.
inline constexpr uint32_t kFakeDriverId = 1;

// One entropy source: the get_entropy entry point of a pretend driver.
using FakeEntropySource = std::function<psa_status_t(
    psa_driver_get_entropy_flags_t flags, size_t* estimate_bits,
    uint8_t* output, size_t output_size)>;

// A source that fills its buffer with `byte` and reports `estimate_bits`.
FakeEntropySource ConstantEntropySource(uint8_t byte, size_t estimate_bits);

enum class HashEntryPoint { kCompute, kSetup, kUpdate, kFinish, kAbort };

// Back to the defaults: Init succeeds, no entropy source, every hash of the
// builtin driver served, no forced failure, all counters 0.
void ResetFakeDispatch();

// What psa::dispatch::Init() returns; and how often it was called.
void SetFakeInitStatus(psa_status_t status);
int FakeInitCalls();

void SetFakeEntropySources(std::vector<FakeEntropySource> sources);
// Calls of GetEntropy, all sources together, and the flags of the last one.
int FakeGetEntropyCalls();

// After `after` more calls of `entry_point` that behave normally, the next
// `count` calls fail with `status` without running the hash code (abort
// still wipes the operation).
void FailFakeHashCalls(HashEntryPoint entry_point, psa_status_t status,
                       int count = 1, int after = 0);
int FakeHashCalls(HashEntryPoint entry_point);

// Hash algorithms for which the fake answers PSA_ERROR_NOT_SUPPORTED, as a
// build without a driver for them would.
void SetFakeUnsupportedHashes(std::vector<psa_algorithm_t> algorithms);

}  // namespace psa::core::testing

#endif  // PSA_CORE_TESTING_FAKE_DISPATCH_H_
