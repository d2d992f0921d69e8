#include "psa/core/library_state.h"

#include <atomic>
#include <utility>

#include "absl/base/const_init.h"
#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "psa/core/dispatch.h"

namespace psa::core {
namespace {

// Serializes initialization (and ResetForTesting): concurrent callers of
// psa_crypto_init() wait for the first one, so drivers are initialized once.
ABSL_CONST_INIT absl::Mutex g_init_mutex(absl::kConstInit);

// Set (release) last in a successful psa_crypto_init(), after everything it
// publishes; read (acquire) by every API call.
std::atomic<bool> g_initialized{false};

// Drivers' init entry points have succeeded: a retry after a later failure
// (entropy) does not initialize them again.
bool g_drivers_initialized ABSL_GUARDED_BY(g_init_mutex) = false;

// Created by the first psa_crypto_init(), never destroyed (it may be used
// until the very end of the process).
RandomGenerator* g_random ABSL_GUARDED_BY(g_init_mutex) = nullptr;
RandomGenerator::Options* g_random_options ABSL_GUARDED_BY(g_init_mutex) =
    nullptr;

psa_status_t InitializeLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(g_init_mutex) {
  if (!g_drivers_initialized) {
    const psa_status_t status = psa::dispatch::Init();
    if (status != PSA_SUCCESS) return status;
    g_drivers_initialized = true;
  }
  if (g_random == nullptr) {
    g_random = g_random_options == nullptr
                   ? new RandomGenerator()
                   : new RandomGenerator(*g_random_options);
  }
  return g_random->Seed();
}

}  // namespace

psa_status_t InitializeLibrary() {
  if (g_initialized.load(std::memory_order_acquire)) return PSA_SUCCESS;
  absl::MutexLock lock(&g_init_mutex);
  if (g_initialized.load(std::memory_order_relaxed)) return PSA_SUCCESS;
  const psa_status_t status = InitializeLocked();
  if (status != PSA_SUCCESS) return status;
  g_initialized.store(true, std::memory_order_release);
  return PSA_SUCCESS;
}

bool LibraryInitialized() {
  return g_initialized.load(std::memory_order_acquire);
}

RandomGenerator& GlobalRandomGenerator() {
  // The release store of g_initialized orders the creation of g_random
  // before any caller that saw LibraryInitialized() == true.
  return *ABSL_TS_UNCHECKED_READ(g_random);
}

void ResetForTesting(RandomGenerator::Options options) {
  absl::MutexLock lock(&g_init_mutex);
  g_initialized.store(false, std::memory_order_release);
  g_drivers_initialized = false;
  delete g_random;
  g_random = nullptr;
  delete g_random_options;
  g_random_options = new RandomGenerator::Options(std::move(options));
}

}  // namespace psa::core

extern "C" psa_status_t psa_crypto_init(void) {
  return psa::core::InitializeLibrary();
}
