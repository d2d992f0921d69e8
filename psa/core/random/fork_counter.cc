#include "psa/core/random/fork_counter.h"

#include <pthread.h>

#include <atomic>

namespace psa::core {
namespace {

std::atomic<uint64_t> g_fork_generation{0};

void OnForkInChild() { g_fork_generation.fetch_add(1, std::memory_order_relaxed); }

// Installed before main() (and at the latest by the first ForkGeneration()),
// so that no fork() can go uncounted.
const bool g_installed = [] {
  pthread_atfork(/*prepare=*/nullptr, /*parent=*/nullptr, &OnForkInChild);
  return true;
}();

}  // namespace

uint64_t ForkGeneration() {
  static const bool installed = g_installed;
  (void)installed;
  return g_fork_generation.load(std::memory_order_relaxed);
}

}  // namespace psa::core
