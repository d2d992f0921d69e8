// Signatures, RSA decryption and key agreement through the PSA API, served
// by the benchmarked driver, against Mbed TLS 2.28's own PSA implementation
// (mbedtls228) and, for the P-256 and OAEP rows, the builtin driver's entry
// point called directly (the core's overhead), measured in the same run.
// Fixed keys (benchmarks/asymmetric_support.h); rows count operations
// (items_per_second); row names and the paired rows: benchmarks/row_runner.h.
//
// BM_SignHash: psa_sign_hash of a <bytes>-byte hash (randomized and
//   deterministic ECDSA P-256 with SHA-256, ECDSA P-384 with SHA-384, RSA-2048
//   PKCS#1 v1.5 and PSS with SHA-256).
// BM_VerifyHash: psa_verify_hash of a signature made by this project (which
//   Mbed TLS 2.28 verifies too: the agreement check).
// BM_AsymmetricDecrypt: psa_asymmetric_decrypt of an RSA-2048 OAEP-SHA-256 or
//   PKCS#1 v1.5 ciphertext of a 32-byte message, no label.
// BM_RawKeyAgreement: psa_raw_key_agreement, ECDH on P-256 and X25519 (Mbed
//   TLS 2.28's PSA has both).

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "benchmarks/asymmetric_support.h"
#include "benchmarks/row_runner.h"
#include "benchmarks/symmetric_support.h"
#include "drivers/builtin/builtin_asymmetric_encryption.h"
#include "drivers/builtin/builtin_key_agreement.h"
#include "drivers/builtin/builtin_signature.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

// A mechanism's key in both implementations, its key buffer as the builtin
// driver gets it, and the buffers of one row.
struct AsymmetricState {
  explicit AsymmetricState(const AsymmetricMechanism& mechanism)
      : m(mechanism),
        ours(mechanism.key_type, mechanism.alg, kAsymmetricUsage, FromHex(mechanism.key_hex)),
        theirs(mechanism.baseline, FromHex(mechanism.key_hex)),
        input(Pattern(mechanism.size, 0x48)),
        output(PSA_EXPORT_KEY_PAIR_MAX_SIZE) {}

  // The key buffer (psa_export_key) and, for the rows that need them, the
  // signature to verify, the ciphertext to decrypt or the peer's public key.
  psa_status_t Prepare() {
    if (ours.status() != PSA_SUCCESS) return ours.status();
    key_buffer.resize(PSA_EXPORT_KEY_PAIR_MAX_SIZE);
    size_t length = 0;
    psa_status_t status = psa_export_key(ours.id(), key_buffer.data(), key_buffer.size(), &length);
    key_buffer.resize(length);
    if (status != PSA_SUCCESS) return status;
    if (PSA_ALG_IS_SIGN(m.alg)) {
      prepared.resize(PSA_SIGNATURE_MAX_SIZE);
      status = psa_sign_hash(ours.id(), m.alg, input.data(), input.size(), prepared.data(), prepared.size(), &length);
    } else if (PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(m.alg)) {
      prepared.resize(PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE);
      status = psa_asymmetric_encrypt(ours.id(), m.alg, input.data(), input.size(), nullptr, 0, prepared.data(),
                                      prepared.size(), &length);
    } else {
      prepared = PeerPublicKey(m);
      length = prepared.size();
      if (prepared.empty()) status = PSA_ERROR_GENERIC_ERROR;
    }
    prepared.resize(length);
    return status;
  }

  const AsymmetricMechanism m;
  OurKey ours;
  BaselineKey theirs;
  std::vector<uint8_t> key_buffer;
  std::vector<uint8_t> input;
  std::vector<uint8_t> prepared;
  std::vector<uint8_t> output;
  size_t length = 0;
};

std::shared_ptr<AsymmetricState> Setup(const AsymmetricMechanism& m, std::string* error) {
  auto s = std::make_shared<AsymmetricState>(m);
  *error = StatusError("setup", s->Prepare());
  return error->empty() ? s : nullptr;
}

Call Failing(int32_t status) {
  return [status] { return status; };
}

RowOperations SignHash(const AsymmetricMechanism& m, std::string* error) {
  const std::shared_ptr<AsymmetricState> s = Setup(m, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] {
    return psa_sign_hash(s->ours.id(), s->m.alg, s->input.data(), s->input.size(), s->output.data(),
                         s->output.size(), &s->length);
  };
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_sign_hash(s->theirs.get(), s->input.data(), s->input.size(), s->output.data(), s->output.size(),
                              &s->length);
  };
  ops.builtin_direct = [s] {
    return builtin_sign_hash(&s->ours.attributes(), s->key_buffer.data(), s->key_buffer.size(), s->m.alg,
                             s->input.data(), s->input.size(), s->output.data(), s->output.size(), &s->length);
  };
  return ops;
}

RowOperations VerifyHash(const AsymmetricMechanism& m, std::string* error) {
  const std::shared_ptr<AsymmetricState> s = Setup(m, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] {
    return psa_verify_hash(s->ours.id(), s->m.alg, s->input.data(), s->input.size(), s->prepared.data(),
                           s->prepared.size());
  };
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_verify_hash(s->theirs.get(), s->input.data(), s->input.size(), s->prepared.data(),
                                s->prepared.size());
  };
  ops.builtin_direct = [s] {
    return builtin_verify_hash(&s->ours.attributes(), s->key_buffer.data(), s->key_buffer.size(), s->m.alg,
                               s->input.data(), s->input.size(), s->prepared.data(), s->prepared.size());
  };
  return ops;
}

RowOperations AsymmetricDecrypt(const AsymmetricMechanism& m, std::string* error) {
  const std::shared_ptr<AsymmetricState> s = Setup(m, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] {
    return psa_asymmetric_decrypt(s->ours.id(), s->m.alg, s->prepared.data(), s->prepared.size(), nullptr, 0,
                                  s->output.data(), s->output.size(), &s->length);
  };
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_asymmetric_decrypt(s->theirs.get(), s->prepared.data(), s->prepared.size(), nullptr, 0,
                                       s->output.data(), s->output.size(), &s->length);
  };
  ops.builtin_direct = [s] {
    return builtin_asymmetric_decrypt(&s->ours.attributes(), s->key_buffer.data(), s->key_buffer.size(), s->m.alg,
                                      s->prepared.data(), s->prepared.size(), nullptr, 0, s->output.data(),
                                      s->output.size(), &s->length);
  };
  return ops;
}

RowOperations RawKeyAgreement(const AsymmetricMechanism& m, std::string* error) {
  const std::shared_ptr<AsymmetricState> s = Setup(m, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] {
    return psa_raw_key_agreement(s->m.alg, s->ours.id(), s->prepared.data(), s->prepared.size(), s->output.data(),
                                 s->output.size(), &s->length);
  };
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_raw_key_agreement(s->theirs.get(), s->prepared.data(), s->prepared.size(), s->output.data(),
                                      s->output.size(), &s->length);
  };
  ops.builtin_direct = [s] {
    return builtin_key_agreement(s->m.alg, &s->ours.attributes(), s->key_buffer.data(), s->key_buffer.size(),
                                 s->prepared.data(), s->prepared.size(), s->output.data(), s->output.size(),
                                 &s->length);
  };
  return ops;
}

using AsymmetricFactory = RowOperations (*)(const AsymmetricMechanism& m, std::string* error);

// The psa, mbedtls228 and paired rows of `m`, and with `direct` the
// builtin_direct and paired_direct rows.
void Register(const char* operation, const AsymmetricMechanism& m, AsymmetricFactory factory, bool direct) {
  using I = Implementation;
  std::vector<I> implementations = {I::kPsa, I::kMbedtls228, I::kPaired};
  if (direct) implementations.insert(implementations.end(), {I::kBuiltinDirect, I::kPairedDirect});
  for (I i : implementations) {
    RegisterRowFor(
        operation, i, m.name, static_cast<int>(m.size), Unit::kOperations,
        [&m, factory](std::string* error) { return factory(m, error); },
        [&m] { return CheckAsymmetricAgreement(m); });
  }
}

int RegisterAll() {
  for (const AsymmetricMechanism& m : kSignatureMechanisms) {
    const bool direct = std::string(m.name) == "ecdsa_p256_sha256";
    Register("SignHash", m, SignHash, direct);
    Register("VerifyHash", m, VerifyHash, direct);
  }
  for (const AsymmetricMechanism& m : kEncryptionMechanisms) {
    Register("AsymmetricDecrypt", m, AsymmetricDecrypt, std::string(m.name) == "rsa2048_oaep_sha256");
  }
  for (const AsymmetricMechanism& m : kAgreementMechanisms) {
    Register("RawKeyAgreement", m, RawKeyAgreement, std::string(m.name) == "ecdh_p256");
  }
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace psa_benchmarks
