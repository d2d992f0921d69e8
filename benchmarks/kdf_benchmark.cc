// Key derivation through the PSA API, served by the benchmarked driver and
// the core's derivation code, against Mbed TLS 2.28 measured in the same
// run (benchmarks/kdf_support.h: what each side calls). Rows count
// derivations (items_per_second); row names and the paired rows:
// benchmarks/row_runner.h.
//
// BM_KeyDerivation/.../hkdf_sha256/32: setup, salt, secret key, info, 32
//   bytes out, abort; both sides through their PSA API.
// BM_KeyDerivation/.../pbkdf2_sha256/32: PBKDF2-HMAC-SHA-256 with 1,000
//   iterations, 32 bytes out; the mbedtls228 side is
//   mbedtls_pkcs5_pbkdf2_hmac, not a PSA API (the row's label says so).

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "benchmarks/kdf_support.h"
#include "benchmarks/row_runner.h"
#include "benchmarks/symmetric_support.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

struct KdfState {
  explicit KdfState(const KdfMechanism& mechanism)
      : m(mechanism),
        secret(KdfSecret(mechanism)),
        salt(KdfSalt(mechanism)),
        info(KdfInfo(mechanism)),
        ours(mechanism.secret_type, mechanism.alg, PSA_KEY_USAGE_DERIVE, secret),
        theirs(BASELINE_HKDF_SHA_256, secret),
        output(mechanism.output_size) {}

  const KdfMechanism m;
  const std::vector<uint8_t> secret;
  const std::vector<uint8_t> salt;
  const std::vector<uint8_t> info;
  OurKey ours;
  BaselineKey theirs;
  std::vector<uint8_t> output;
};

RowOperations KeyDerivation(const KdfMechanism& m, std::string* error) {
  auto s = std::make_shared<KdfState>(m);
  *error = StatusError("psa_import_key", s->ours.status());
  if (!error->empty()) return {};
  RowOperations ops;
  ops.psa = [s] { return DeriveOurs(s->m, s->ours.id(), s->salt, s->info, s->output.data(), s->output.size()); };
  ops.mbedtls228 = [s] {
    return DeriveTheirs(s->m, s->theirs.get(), s->secret, s->salt, s->info, s->output.data(), s->output.size());
  };
  return ops;
}

int RegisterAll() {
  using I = Implementation;
  for (const KdfMechanism* m : {&kHkdfSha256, &kPbkdf2Sha256}) {
    const std::string label =
        PSA_ALG_IS_PBKDF2_HMAC(m->alg) ? "mbedtls_pkcs5_pbkdf2_hmac (2.28's PSA has no PBKDF2)" : "";
    for (I i : {I::kPsa, I::kMbedtls228, I::kPaired}) {
      RegisterRowFor(
          "KeyDerivation", i, m->name, static_cast<int>(m->output_size), Unit::kOperations,
          [m](std::string* error) { return KeyDerivation(*m, error); }, [m] { return CheckKdfAgreement(*m); },
          label);
    }
  }
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace psa_benchmarks
