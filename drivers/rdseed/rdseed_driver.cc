#include "drivers/rdseed/rdseed_driver.h"

#include <cpuid.h>
#include <immintrin.h>
#include <string.h>

#include <mutex>

#include "drivers/rdseed/health_tests.h"
#include "drivers/rdseed/rdseed_testing.h"

namespace rdseed {
namespace {

// Credited entropy: 4 bits per byte, HealthTests' assessment.
constexpr size_t kBitsPerByte = HealthTests::kAssessedBitsPerByte;
// RDSEED retries per sample: Intel's guide has software retry an exhausted
// RDSEED (with a pause); a few when not blocking, many when blocking.
constexpr int kNonBlockingRetries = 16;
constexpr int kBlockingRetries = 1024;
// RDRAND "is considered to have failed" after 10 consecutive failures.
constexpr int kRdrandRetries = 10;
// 512 128-bit RDRAND samples span at least one reseed of the DRNG (it
// reseeds at least every 511 samples): their CBC-MAC is a 128-bit seed.
constexpr int kRdrandSamplesPerSeed = 512;

__attribute__((target("rdseed"))) bool HardwareRdseed(uint64_t* value) {
  unsigned long long v = 0;
  const int ok = _rdseed64_step(&v);
  *value = v;
  return ok != 0;
}

__attribute__((target("rdrnd"))) bool HardwareRdrand(uint64_t* value) {
  unsigned long long v = 0;
  const int ok = _rdrand64_step(&v);
  *value = v;
  return ok != 0;
}

bool CpuHasRdseed() {
  unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid_max(0, nullptr) < 7) return false;
  __cpuid_count(7, 0, eax, ebx, ecx, edx);
  return (ebx & bit_RDSEED) != 0;
}

bool CpuHasRdrandAndAes() {
  unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
  return (ecx & bit_RDRND) != 0 && (ecx & bit_AES) != 0;
}

struct State {
  std::mutex mutex;
  TestHooks hooks;
  HealthTests rdseed_tests;
  HealthTests rdrand_tests;
  bool started = false;  // startup tests passed since the last failure
};

State& GlobalState() {
  static State* const state = new State();
  return *state;
}

// --- AES-128 with AES-NI, for the CBC-MAC conditioning. ---

__attribute__((target("aes,sse2"))) __m128i ExpandStep(__m128i key, __m128i generated) {
  generated = _mm_shuffle_epi32(generated, _MM_SHUFFLE(3, 3, 3, 3));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  return _mm_xor_si128(key, generated);
}

#define PSA_RDSEED_EXPAND(i, rcon) \
  round_keys[i] = ExpandStep(round_keys[i - 1], _mm_aeskeygenassist_si128(round_keys[i - 1], rcon))

__attribute__((target("aes,sse2"))) void ExpandKey(const uint8_t key[16], __m128i round_keys[11]) {
  round_keys[0] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(key));
  PSA_RDSEED_EXPAND(1, 0x01);
  PSA_RDSEED_EXPAND(2, 0x02);
  PSA_RDSEED_EXPAND(3, 0x04);
  PSA_RDSEED_EXPAND(4, 0x08);
  PSA_RDSEED_EXPAND(5, 0x10);
  PSA_RDSEED_EXPAND(6, 0x20);
  PSA_RDSEED_EXPAND(7, 0x40);
  PSA_RDSEED_EXPAND(8, 0x80);
  PSA_RDSEED_EXPAND(9, 0x1b);
  PSA_RDSEED_EXPAND(10, 0x36);
}

#undef PSA_RDSEED_EXPAND

__attribute__((target("aes,sse2"))) __m128i EncryptBlock(const __m128i round_keys[11], __m128i block) {
  block = _mm_xor_si128(block, round_keys[0]);
  for (int i = 1; i < 10; ++i) block = _mm_aesenc_si128(block, round_keys[i]);
  return _mm_aesenclast_si128(block, round_keys[10]);
}

// A fixed CBC-MAC key (SP 800-90B 3.1.5.1.1 permits any fixed key for
// CBC-MAC conditioning).
constexpr uint8_t kConditioningKey[16] = {0x70, 0x73, 0x61, 0x2d, 0x72, 0x64, 0x73, 0x65,
                                          0x65, 0x64, 0x2d, 0x63, 0x62, 0x63, 0x6d, 0x61};

bool Rdseed(const TestHooks& hooks, uint64_t* value) {
  return hooks.rdseed != nullptr ? hooks.rdseed(value) : HardwareRdseed(value);
}
bool Rdrand(const TestHooks& hooks, uint64_t* value) {
  return hooks.rdrand != nullptr ? hooks.rdrand(value) : HardwareRdrand(value);
}

// One RDSEED sample, retried up to `retries` times.
bool RdseedWithRetries(const TestHooks& hooks, int retries, uint64_t* value) {
  for (int i = 0; i < retries; ++i) {
    if (Rdseed(hooks, value)) return true;
    _mm_pause();
  }
  return false;
}

// A 128-bit seed from RDRAND: CBC-MAC over 512 128-bit samples, each
// through the health tests first. PSA_ERROR_HARDWARE_FAILURE if RDRAND stays
// exhausted or a test fails.
__attribute__((target("aes,sse2"))) psa_status_t RdrandSeed(State& state, uint8_t seed[16]) {
  __m128i round_keys[11];
  ExpandKey(kConditioningKey, round_keys);
  __m128i mac = _mm_setzero_si128();
  psa_status_t status = PSA_SUCCESS;
  for (int i = 0; i < kRdrandSamplesPerSeed && status == PSA_SUCCESS; ++i) {
    uint64_t halves[2] = {0, 0};
    for (int h = 0; h < 2 && status == PSA_SUCCESS; ++h) {
      bool ok = false;
      for (int r = 0; r < kRdrandRetries && !ok; ++r) ok = Rdrand(state.hooks, &halves[h]);
      if (!ok) status = PSA_ERROR_HARDWARE_FAILURE;
    }
    if (status == PSA_SUCCESS && !state.rdrand_tests.Feed(reinterpret_cast<const uint8_t*>(halves), 16)) {
      status = PSA_ERROR_HARDWARE_FAILURE;
    }
    mac = EncryptBlock(round_keys, _mm_xor_si128(mac, _mm_loadu_si128(reinterpret_cast<const __m128i*>(halves))));
    __builtin_memset(halves, 0, sizeof(halves));
  }
  _mm_storeu_si128(reinterpret_cast<__m128i*>(seed), mac);
  mac = _mm_setzero_si128();
  __builtin_memset(round_keys, 0, sizeof(round_keys));
  return status;
}

// The startup tests: kStartupSamples bytes of RDSEED through the tests,
// discarded.
psa_status_t StartUp(State& state, int retries) {
  uint8_t samples[HealthTests::kStartupSamples];
  psa_status_t status = PSA_SUCCESS;
  for (size_t at = 0; at < sizeof(samples) && status == PSA_SUCCESS; at += 8) {
    uint64_t value = 0;
    if (!RdseedWithRetries(state.hooks, retries, &value)) {
      status = PSA_ERROR_INSUFFICIENT_ENTROPY;
      break;
    }
    memcpy(samples + at, &value, 8);
  }
  if (status == PSA_SUCCESS && !state.rdseed_tests.Feed(samples, sizeof(samples))) {
    status = PSA_ERROR_HARDWARE_FAILURE;
  }
  explicit_bzero(samples, sizeof(samples));
  if (status == PSA_SUCCESS) state.started = true;
  return status;
}

}  // namespace

void SetTestHooks(const TestHooks& hooks) {
  State& state = GlobalState();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.hooks = hooks;
  state.rdseed_tests.Reset();
  state.rdrand_tests.Reset();
  state.started = false;
}

__attribute__((target("aes,sse2"))) void Aes128EncryptBlockForTesting(const uint8_t key[16], const uint8_t in[16],
                                                                       uint8_t out[16]) {
  __m128i round_keys[11];
  ExpandKey(key, round_keys);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out),
                   EncryptBlock(round_keys, _mm_loadu_si128(reinterpret_cast<const __m128i*>(in))));
}

bool CpuHasRdseedForTesting() { return CpuHasRdseed(); }
bool CpuHasRdrandAndAesForTesting() { return CpuHasRdrandAndAes(); }

}  // namespace rdseed

extern "C" psa_status_t rdseed_get_entropy(psa_driver_get_entropy_flags_t flags, size_t* estimate_bits,
                                           uint8_t* output, size_t output_size) {
  using namespace rdseed;
  constexpr psa_driver_get_entropy_flags_t kKnownFlags =
      PSA_DRIVER_GET_ENTROPY_NONBLOCK | PSA_DRIVER_GET_ENTROPY_KEEPALIVE;
  if ((flags & ~kKnownFlags) != 0) return PSA_ERROR_NOT_SUPPORTED;
  State& state = GlobalState();
  std::lock_guard<std::mutex> lock(state.mutex);
  const bool has_rdseed = state.hooks.cpu_has_rdseed >= 0 ? state.hooks.cpu_has_rdseed == 1 : CpuHasRdseed();
  if (!has_rdseed) return PSA_ERROR_NOT_SUPPORTED;
  if (output_size == 0) return PSA_ERROR_BUFFER_TOO_SMALL;
  const bool nonblocking = (flags & PSA_DRIVER_GET_ENTROPY_NONBLOCK) != 0;
  const int retries = nonblocking ? kNonBlockingRetries : kBlockingRetries;

  psa_status_t status = state.started ? PSA_SUCCESS : StartUp(state, retries);
  // Fill with RDSEED samples while it delivers.
  size_t filled = 0;
  while (status == PSA_SUCCESS && filled < output_size) {
    uint64_t value = 0;
    if (!RdseedWithRetries(state.hooks, retries, &value)) break;  // exhausted
    const size_t take = output_size - filled < 8 ? output_size - filled : 8;
    memcpy(output + filled, &value, take);
    value = 0;
    if (!state.rdseed_tests.Feed(output + filled, take)) status = PSA_ERROR_HARDWARE_FAILURE;
    filled += take;
  }
  // Exhausted: when blocking, seeds from RDRAND complete the buffer.
  const bool has_rdrand = state.hooks.cpu_has_rdseed >= 0 ? state.hooks.cpu_has_rdseed == 1 : CpuHasRdrandAndAes();
  while (status == PSA_SUCCESS && filled < output_size && !nonblocking) {
    if (!has_rdrand) {
      status = PSA_ERROR_HARDWARE_FAILURE;
      break;
    }
    uint8_t seed[16];
    status = RdrandSeed(state, seed);
    const size_t take = output_size - filled < 16 ? output_size - filled : 16;
    if (status == PSA_SUCCESS) memcpy(output + filled, seed, take);
    explicit_bzero(seed, sizeof(seed));
    filled += take;
  }
  if (status == PSA_SUCCESS && filled == 0) status = PSA_ERROR_INSUFFICIENT_ENTROPY;  // only when not blocking
  if (status != PSA_SUCCESS) {
    explicit_bzero(output, output_size);
    if (status == PSA_ERROR_HARDWARE_FAILURE) state.started = false;  // start-up tests again
    return status;
  }
  if (filled < output_size) memset(output + filled, 0, output_size - filled);
  *estimate_bits = kBitsPerByte * filled;
  return PSA_SUCCESS;
}
