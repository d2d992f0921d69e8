// Process-wide state of the library: whether psa_crypto_init() has
// succeeded, and the random generator it seeded.

#ifndef PSA_CORE_LIBRARY_STATE_H_
#define PSA_CORE_LIBRARY_STATE_H_

#include "psa/core/random/random_generator.h"
#include "psa/crypto.h"

namespace psa::core {

// psa_crypto_init(): initializes the drivers (once, psa::dispatch::Init),
// then seeds the random generator. Idempotent and thread-safe: concurrent
// callers wait for the first; once it has succeeded every call returns
// PSA_SUCCESS at the cost of one atomic load. On failure nothing is marked
// initialized and a later call retries; once psa::dispatch::Init() has
// succeeded, a retry (after an entropy failure) does not call it again.
psa_status_t InitializeLibrary();

// True once psa_crypto_init() has succeeded. One acquire load: every API
// function calls it first and returns PSA_ERROR_BAD_STATE when false.
bool LibraryInitialized();

// The random generator seeded by psa_crypto_init(). Only valid while
// LibraryInitialized() is true.
RandomGenerator& GlobalRandomGenerator();

// FOR TESTS ONLY. Returns the library to its state before the first
// psa_crypto_init(): not initialized, random generator wiped, drivers to be
// initialized again by the next psa_crypto_init(), which will build its
// random generator from `options` (e.g. an injected entropy source). The PSA
// API has no teardown and drivers have no "deinit" entry point: this exists
// so that one test binary can exercise initialization more than once. Must
// not run concurrently with any other PSA call.
void ResetForTesting(RandomGenerator::Options options = {});

}  // namespace psa::core

#endif  // PSA_CORE_LIBRARY_STATE_H_
