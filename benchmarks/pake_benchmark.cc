// A whole SPAKE2+ exchange (PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256), P-256)
// through the PSA API, served by the benchmarked driver, against the same
// protocol computed directly over Mbed TLS 2.28's ECP, SHA-256, HKDF and
// HMAC modules (Mbed TLS 2.28 has no SPAKE2+: benchmarks/pake_support.h
// says what the baseline does and does not include). Measured in the same
// run; rows count exchanges (items_per_second); row names and the paired
// rows: benchmarks/row_runner.h.
//
// BM_PakeExchange/.../spake2p_p256_sha256/32: prover and verifier in one
//   thread, from psa_pake_setup to both psa_pake_get_shared_key (the keys
//   are destroyed); the verifier holds the SPAKE2+ public key (w0, L).

#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "benchmarks/pake_support.h"
#include "benchmarks/row_runner.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

struct PakeState {
  Spake2pKeys keys;
  baseline_spake2p_t parameters = {};
  baseline_spake2p_result_t result = {};
};

RowOperations PakeExchange(std::string* error) {
  auto s = std::make_shared<PakeState>();
  *error = StatusError("SPAKE2+ key import", s->keys.status());
  if (!error->empty()) return {};
  int32_t status = PSA_ERROR_GENERIC_ERROR;
  s->parameters = BaselineSpake2p(&status);
  *error = StatusError("baseline_spake2p_register", status);
  if (!error->empty()) return {};
  RowOperations ops;
  ops.psa = [s] { return OurSpake2pExchange(s->keys, nullptr, nullptr); };
  ops.mbedtls228 = [s] { return baseline_spake2p_exchange(&s->parameters, nullptr, nullptr, &s->result); };
  return ops;
}

int RegisterAll() {
  using I = Implementation;
  for (I i : {I::kPsa, I::kMbedtls228, I::kPaired}) {
    RegisterRowFor("PakeExchange", i, kSpake2pName, static_cast<int>(kSpake2pSharedSize), Unit::kOperations,
                   PakeExchange, CheckSpake2pAgreement,
                   "SPAKE2+ over Mbed TLS 2.28 ECP/SHA-256/HKDF/HMAC directly (2.28 has no SPAKE2+)");
  }
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace psa_benchmarks
