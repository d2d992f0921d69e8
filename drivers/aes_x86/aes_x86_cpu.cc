#include "drivers/aes_x86/aes_x86_cpu.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace {

aes_x86_path_t Detect() {
  __builtin_cpu_init();
  if (!__builtin_cpu_supports("aes") || !__builtin_cpu_supports("pclmul") || !__builtin_cpu_supports("sse4.1")) {
    return AES_X86_PATH_NONE;
  }
  if (__builtin_cpu_supports("vaes") && __builtin_cpu_supports("vpclmulqdq") &&
      __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl")) {
    return AES_X86_PATH_VAES;
  }
  return AES_X86_PATH_AESNI;
}

// AES_X86_PATH, or the detected path if unset or not a path name.
aes_x86_path_t FromEnvironment() {
  const char* value = std::getenv("AES_X86_PATH");
  if (value == nullptr) return AES_X86_PATH_VAES;
  if (std::strcmp(value, "none") == 0) return AES_X86_PATH_NONE;
  if (std::strcmp(value, "aesni") == 0) return AES_X86_PATH_AESNI;
  return AES_X86_PATH_VAES;
}

std::atomic<int> forced{-1};

aes_x86_path_t Narrow(aes_x86_path_t a, aes_x86_path_t b) { return a < b ? a : b; }

}  // namespace

extern "C" aes_x86_path_t aes_x86_detected_path(void) {
  static const aes_x86_path_t detected = Detect();
  return detected;
}

extern "C" aes_x86_path_t aes_x86_current_path(void) {
  static const aes_x86_path_t environment = FromEnvironment();
  const int force = forced.load(std::memory_order_relaxed);
  const aes_x86_path_t wanted = force < 0 ? environment : static_cast<aes_x86_path_t>(force > 2 ? 2 : force);
  return Narrow(wanted, aes_x86_detected_path());
}

extern "C" void aes_x86_force_path(int path) { forced.store(path < 0 ? -1 : path, std::memory_order_relaxed); }
