// MACs through the PSA API, served by the benchmarked driver
// (BENCHMARKED_DRIVER), against Mbed TLS 2.28's own PSA implementation
// (mbedtls228) and the builtin driver's entry point called directly (the
// core's overhead), measured in the same run. Row names and the paired rows:
// benchmarks/symmetric_support.h.
//
// HMAC-SHA-256 (32-byte key) at 64 B and 16 KiB, AES-128-CMAC at 1 KiB.
// BM_MacCompute: psa_mac_compute. BM_MacMultipart: psa_mac_sign_setup, one
// psa_mac_update of the whole message, psa_mac_sign_finish.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "benchmarks/symmetric_support.h"
#include "drivers/builtin/builtin_mac.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

struct MacState {
  MacState(const Mechanism& mechanism, size_t size)
      : m(mechanism), ours(mechanism), theirs(mechanism), message(Pattern(size, 0x70)) {}

  const Mechanism m;
  OurKey ours;
  BaselineKey theirs;
  std::vector<uint8_t> message;
  uint8_t mac[PSA_MAC_MAX_SIZE] = {0};
  size_t length = 0;
};

std::shared_ptr<MacState> Setup(const Mechanism& m, size_t size, std::string* error) {
  auto s = std::make_shared<MacState>(m, size);
  *error = StatusError("psa_import_key", s->ours.status());
  return error->empty() ? s : nullptr;
}

Call Failing(int32_t status) {
  return [status] { return status; };
}

psa_status_t MacMultipart(MacState* s) {
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  psa_status_t status = psa_mac_sign_setup(&operation, s->ours.id(), s->m.alg);
  if (status == PSA_SUCCESS) status = psa_mac_update(&operation, s->message.data(), s->message.size());
  if (status == PSA_SUCCESS) status = psa_mac_sign_finish(&operation, s->mac, sizeof(s->mac), &s->length);
  if (status != PSA_SUCCESS) psa_mac_abort(&operation);
  return status;
}

RowOperations MacCompute(const Mechanism& m, size_t size, std::string* error) {
  const std::shared_ptr<MacState> s = Setup(m, size, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] {
    return psa_mac_compute(s->ours.id(), s->m.alg, s->message.data(), s->message.size(), s->mac, sizeof(s->mac),
                           &s->length);
  };
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_mac_compute(s->theirs.get(), s->message.data(), s->message.size(), s->mac, sizeof(s->mac),
                                &s->length);
  };
  ops.builtin_direct = [s] {
    return builtin_mac_compute(&s->ours.attributes(), s->ours.bytes().data(), s->ours.bytes().size(), s->m.alg,
                               s->message.data(), s->message.size(), s->mac, sizeof(s->mac), &s->length);
  };
  return ops;
}

RowOperations MacMultipartRow(const Mechanism& m, size_t size, std::string* error) {
  const std::shared_ptr<MacState> s = Setup(m, size, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] { return MacMultipart(s.get()); };
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_mac_multipart(s->theirs.get(), s->message.data(), s->message.size(), s->mac, sizeof(s->mac),
                                  &s->length);
  };
  return ops;
}

int RegisterAll() {
  using I = Implementation;
  for (const Mechanism& m : kMacMechanisms) {
    const bool hmac = PSA_ALG_IS_HMAC(m.alg);
    const std::vector<int> sizes = hmac ? std::vector<int>{64, 16384} : std::vector<int>{1024};
    for (I i : {I::kPsa, I::kMbedtls228, I::kPaired}) RegisterRow("MacCompute", i, m, MacCompute, sizes);
    if (hmac) {
      RegisterRow("MacCompute", I::kBuiltinDirect, m, MacCompute, {64});
      RegisterRow("MacCompute", I::kPairedDirect, m, MacCompute, {64});
    }
    for (I i : {I::kPsa, I::kMbedtls228, I::kPaired}) RegisterRow("MacMultipart", i, m, MacMultipartRow, sizes);
  }
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace psa_benchmarks
