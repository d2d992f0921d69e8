// The cost of the core and of the dispatch alone, on the no-op driver
// (benchmarks/noop_driver.h): in //benchmarks:noop_benchmark it comes first
// and serves HMAC-SHA-256 MACs and AES-GCM encryption by returning at once.
// Three rows per operation, same key, same arguments:
//
//   .../driver    noop_mac_compute called directly: a call that does nothing
//   .../dispatch  psa::dispatch::MacCompute: the generated dispatch (location
//                 switch, capability match, the driver call)
//   .../psa       psa_mac_compute: the whole core (library state, key store
//                 lookup and reference, policy and length checks, dispatch)
//
// dispatch - driver is the dispatch's own cost, psa - driver the core's and
// the dispatch's, per call (benchmarks/report.py prints both in ns).

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "benchmarks/noop_driver.h"
#include "benchmarks/symmetric_support.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"

namespace psa_benchmarks {
namespace {

constexpr size_t kSize = 64;

const Mechanism& Hmac() { return kMacMechanisms[0]; }
const Mechanism& Gcm() { return kAeadMechanisms[0]; }

bool SkipUnlessNoop(benchmark::State& state) {
  const char* served_by = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  if (served_by != nullptr && std::string(served_by) == "noop") return false;
  state.SkipWithError("not served by the noop driver: run //benchmarks:noop_benchmark");
  return true;
}

void BM_DispatchMacCompute_Psa(benchmark::State& state) {
  if (!InitOrSkip(state)) return;
  const OurKey key(Hmac());
  if (SkipOnError(state, "psa_import_key", key.status())) return;
  const std::vector<uint8_t> message = Pattern(kSize, 0x70);
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  if (SkipOnError(state, "psa_mac_compute",
                  psa_mac_compute(key.id(), Hmac().alg, message.data(), kSize, mac, sizeof(mac), &length)) ||
      SkipUnlessNoop(state)) {
    return;
  }
  for (auto _ : state) {
    psa_status_t status = psa_mac_compute(key.id(), Hmac().alg, message.data(), kSize, mac, sizeof(mac), &length);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(length);
  }
}

void BM_DispatchMacCompute_Dispatch(benchmark::State& state) {
  if (!InitOrSkip(state)) return;
  const OurKey key(Hmac());
  if (SkipOnError(state, "psa_import_key", key.status())) return;
  const std::vector<uint8_t> message = Pattern(kSize, 0x70);
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  if (SkipOnError(state, "psa::dispatch::MacCompute",
                  psa::dispatch::MacCompute(&key.attributes(), key.bytes().data(), key.bytes().size(), Hmac().alg,
                                            message.data(), kSize, mac, sizeof(mac), &length)) ||
      SkipUnlessNoop(state)) {
    return;
  }
  for (auto _ : state) {
    psa_status_t status = psa::dispatch::MacCompute(&key.attributes(), key.bytes().data(), key.bytes().size(),
                                                    Hmac().alg, message.data(), kSize, mac, sizeof(mac), &length);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(length);
  }
}

void BM_DispatchMacCompute_Driver(benchmark::State& state) {
  if (!InitOrSkip(state)) return;
  const OurKey key(Hmac());
  if (SkipOnError(state, "psa_import_key", key.status())) return;
  const std::vector<uint8_t> message = Pattern(kSize, 0x70);
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  for (auto _ : state) {
    psa_status_t status = noop_mac_compute(&key.attributes(), key.bytes().data(), key.bytes().size(), Hmac().alg,
                                           message.data(), kSize, mac, sizeof(mac), &length);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(length);
  }
}

void BM_DispatchAeadEncrypt_Psa(benchmark::State& state) {
  if (!InitOrSkip(state)) return;
  const OurKey key(Gcm());
  if (SkipOnError(state, "psa_import_key", key.status())) return;
  const std::vector<uint8_t> plaintext = Pattern(kSize, 0x70);
  std::vector<uint8_t> ciphertext(kSize + 16);
  size_t length = 0;
  if (SkipOnError(state, "psa_aead_encrypt",
                  psa_aead_encrypt(key.id(), Gcm().alg, kNonce.data(), kNonce.size(), kAdditionalData.data(),
                                   kAdditionalData.size(), plaintext.data(), kSize, ciphertext.data(),
                                   ciphertext.size(), &length)) ||
      SkipUnlessNoop(state)) {
    return;
  }
  for (auto _ : state) {
    psa_status_t status = psa_aead_encrypt(key.id(), Gcm().alg, kNonce.data(), kNonce.size(),
                                           kAdditionalData.data(), kAdditionalData.size(), plaintext.data(), kSize,
                                           ciphertext.data(), ciphertext.size(), &length);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(length);
  }
}

void BM_DispatchAeadEncrypt_Dispatch(benchmark::State& state) {
  if (!InitOrSkip(state)) return;
  const OurKey key(Gcm());
  if (SkipOnError(state, "psa_import_key", key.status())) return;
  const std::vector<uint8_t> plaintext = Pattern(kSize, 0x70);
  std::vector<uint8_t> ciphertext(kSize + 16);
  size_t length = 0;
  if (SkipOnError(state, "psa::dispatch::AeadEncrypt",
                  psa::dispatch::AeadEncrypt(&key.attributes(), key.bytes().data(), key.bytes().size(), Gcm().alg,
                                             kNonce.data(), kNonce.size(), kAdditionalData.data(),
                                             kAdditionalData.size(), plaintext.data(), kSize, ciphertext.data(),
                                             ciphertext.size(), &length)) ||
      SkipUnlessNoop(state)) {
    return;
  }
  for (auto _ : state) {
    psa_status_t status = psa::dispatch::AeadEncrypt(
        &key.attributes(), key.bytes().data(), key.bytes().size(), Gcm().alg, kNonce.data(), kNonce.size(),
        kAdditionalData.data(), kAdditionalData.size(), plaintext.data(), kSize, ciphertext.data(),
        ciphertext.size(), &length);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(length);
  }
}

void BM_DispatchAeadEncrypt_Driver(benchmark::State& state) {
  if (!InitOrSkip(state)) return;
  const OurKey key(Gcm());
  if (SkipOnError(state, "psa_import_key", key.status())) return;
  const std::vector<uint8_t> plaintext = Pattern(kSize, 0x70);
  std::vector<uint8_t> ciphertext(kSize + 16);
  size_t length = 0;
  for (auto _ : state) {
    psa_status_t status =
        noop_aead_encrypt(&key.attributes(), key.bytes().data(), key.bytes().size(), Gcm().alg, kNonce.data(),
                          kNonce.size(), kAdditionalData.data(), kAdditionalData.size(), plaintext.data(), kSize,
                          ciphertext.data(), ciphertext.size(), &length);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(length);
  }
}

BENCHMARK(BM_DispatchMacCompute_Psa)->Name("BM_DispatchMacCompute/psa/hmacsha256/64");
BENCHMARK(BM_DispatchMacCompute_Dispatch)->Name("BM_DispatchMacCompute/dispatch/hmacsha256/64");
BENCHMARK(BM_DispatchMacCompute_Driver)->Name("BM_DispatchMacCompute/driver/hmacsha256/64");
BENCHMARK(BM_DispatchAeadEncrypt_Psa)->Name("BM_DispatchAeadEncrypt/psa/aes128gcm/64");
BENCHMARK(BM_DispatchAeadEncrypt_Dispatch)->Name("BM_DispatchAeadEncrypt/dispatch/aes128gcm/64");
BENCHMARK(BM_DispatchAeadEncrypt_Driver)->Name("BM_DispatchAeadEncrypt/driver/aes128gcm/64");

}  // namespace
}  // namespace psa_benchmarks
