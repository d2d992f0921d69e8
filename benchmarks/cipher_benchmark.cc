// Unauthenticated ciphers through the PSA API, served by the benchmarked
// driver (BENCHMARKED_DRIVER), against Mbed TLS 2.28's own PSA
// implementation (mbedtls228) measured in the same run. 16 KiB messages. Row
// names and the paired rows: benchmarks/symmetric_support.h.
//
// BM_CipherEncrypt: multi-part with a chosen IV (setup, set_iv, one update
// of the whole message, finish): the same work on both sides.
// BM_CipherEncryptRandomIv: psa_cipher_encrypt, which also draws the IV from
// each implementation's random generator (see random_benchmark.cc).
// BM_CipherDecrypt: psa_cipher_decrypt of IV || ciphertext.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "benchmarks/symmetric_support.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

const std::vector<int> kSizes = {16384};
constexpr size_t kBlock = 16;

const std::vector<uint8_t> kIv = Pattern(kBlock, 0x17);

// Keys and buffers of one row; `input` is IV || ciphertext of `plaintext`.
struct CipherState {
  CipherState(const Mechanism& mechanism, size_t size)
      : m(mechanism), ours(mechanism), theirs(mechanism), plaintext(Pattern(size, 0x70)), output(size + 3 * kBlock) {}

  const Mechanism m;
  OurKey ours;
  BaselineKey theirs;
  std::vector<uint8_t> plaintext;
  std::vector<uint8_t> input;
  std::vector<uint8_t> output;
  size_t length = 0;
};

// Multi-part encryption of s->plaintext under kIv into s->output.
psa_status_t EncryptMultipart(CipherState* s) {
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  size_t written = 0, finished = 0;
  psa_status_t status = psa_cipher_encrypt_setup(&operation, s->ours.id(), s->m.alg);
  if (status == PSA_SUCCESS) status = psa_cipher_set_iv(&operation, kIv.data(), kIv.size());
  if (status == PSA_SUCCESS) {
    status = psa_cipher_update(&operation, s->plaintext.data(), s->plaintext.size(), s->output.data(),
                               s->output.size(), &written);
  }
  if (status == PSA_SUCCESS) {
    status = psa_cipher_finish(&operation, s->output.data() + written, s->output.size() - written, &finished);
  }
  if (status != PSA_SUCCESS) psa_cipher_abort(&operation);
  s->length = written + finished;
  return status;
}

std::shared_ptr<CipherState> Setup(const Mechanism& m, size_t size, std::string* error) {
  auto s = std::make_shared<CipherState>(m, size);
  *error = StatusError("psa_import_key", s->ours.status());
  if (!error->empty()) return nullptr;
  // IV || ciphertext, for the decryption rows.
  *error = StatusError("multi-part encryption", EncryptMultipart(s.get()));
  if (!error->empty()) return nullptr;
  s->input = kIv;
  s->input.insert(s->input.end(), s->output.begin(), s->output.begin() + static_cast<ptrdiff_t>(s->length));
  return s;
}

Call Failing(int32_t status) {
  return [status] { return status; };
}

RowOperations CipherEncrypt(const Mechanism& m, size_t size, std::string* error) {
  const std::shared_ptr<CipherState> s = Setup(m, size, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] { return EncryptMultipart(s.get()); };
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_cipher_encrypt_multipart(s->theirs.get(), kIv.data(), kIv.size(), s->plaintext.data(),
                                             s->plaintext.size(), s->output.data(), s->output.size(), &s->length);
  };
  return ops;
}

RowOperations CipherEncryptRandomIv(const Mechanism& m, size_t size, std::string* error) {
  const std::shared_ptr<CipherState> s = Setup(m, size, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] {
    return psa_cipher_encrypt(s->ours.id(), s->m.alg, s->plaintext.data(), s->plaintext.size(), s->output.data(),
                              s->output.size(), &s->length);
  };
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_cipher_encrypt(s->theirs.get(), s->plaintext.data(), s->plaintext.size(), s->output.data(),
                                   s->output.size(), &s->length);
  };
  return ops;
}

RowOperations CipherDecrypt(const Mechanism& m, size_t size, std::string* error) {
  const std::shared_ptr<CipherState> s = Setup(m, size, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] {
    return psa_cipher_decrypt(s->ours.id(), s->m.alg, s->input.data(), s->input.size(), s->output.data(),
                              s->output.size(), &s->length);
  };
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_cipher_decrypt(s->theirs.get(), s->input.data(), s->input.size(), s->output.data(),
                                   s->output.size(), &s->length);
  };
  return ops;
}

int RegisterAll() {
  using I = Implementation;
  for (const Mechanism& m : kCipherMechanisms) {
    for (I i : {I::kPsa, I::kMbedtls228, I::kPaired}) {
      RegisterRow("CipherEncrypt", i, m, CipherEncrypt, kSizes);
      RegisterRow("CipherEncryptRandomIv", i, m, CipherEncryptRandomIv, kSizes);
      RegisterRow("CipherDecrypt", i, m, CipherDecrypt, kSizes);
    }
  }
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace psa_benchmarks
