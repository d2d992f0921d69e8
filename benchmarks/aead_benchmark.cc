// AEAD through the PSA API, served by the benchmarked driver
// (BENCHMARKED_DRIVER), against Mbed TLS 2.28's own PSA implementation
// (mbedtls228) and the builtin driver's entry point called directly (the
// core's overhead), measured in the same run. Row names and the paired rows:
// benchmarks/symmetric_support.h.
//
// Every row: 12-byte nonce, 16 bytes of additional data, the algorithm's
// default tag (16 bytes). Single-part: psa_aead_encrypt, psa_aead_decrypt.
// Multi-part: setup, set_lengths (CCM only, which needs it), set_nonce,
// update_ad, one update of the whole message, finish or verify. Mbed TLS
// 2.28's PSA implementation has no multi-part AEAD: those rows have no
// baseline.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "benchmarks/symmetric_support.h"
#include "drivers/builtin/builtin_aead.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

const std::vector<int> kSizes = {16, 64, 1024, 16384};

size_t TagLength(const Mechanism& m) {
  return PSA_AEAD_TAG_LENGTH(m.key_type, PSA_BYTES_TO_BITS(m.key_bytes), m.alg);
}

// Keys and buffers of one row.
struct AeadState {
  AeadState(const Mechanism& mechanism, size_t size)
      : m(mechanism),
        ours(mechanism),
        theirs(mechanism),
        plaintext(Pattern(size, 0x70)),
        ciphertext(size + TagLength(mechanism)),
        output(size + PSA_AEAD_FINISH_OUTPUT_MAX_SIZE + PSA_AEAD_TAG_MAX_SIZE) {}

  // The ciphertext of `plaintext` (with tag), computed by this project.
  psa_status_t Encrypt() {
    size_t length = 0;
    return psa_aead_encrypt(ours.id(), m.alg, kNonce.data(), kNonce.size(), kAdditionalData.data(),
                            kAdditionalData.size(), plaintext.data(), plaintext.size(), ciphertext.data(),
                            ciphertext.size(), &length);
  }

  const Mechanism m;
  OurKey ours;
  BaselineKey theirs;
  std::vector<uint8_t> plaintext;
  std::vector<uint8_t> ciphertext;
  std::vector<uint8_t> output;
  size_t length = 0;
  uint8_t tag[PSA_AEAD_TAG_MAX_SIZE] = {0};
};

// The state, or nullptr and *error if our key cannot be imported.
std::shared_ptr<AeadState> Setup(const Mechanism& m, size_t size, bool encrypted, std::string* error) {
  auto s = std::make_shared<AeadState>(m, size);
  *error = StatusError("psa_import_key", s->ours.status());
  if (error->empty() && encrypted) *error = StatusError("psa_aead_encrypt", s->Encrypt());
  return error->empty() ? s : nullptr;
}

// A call that fails as the baseline's key import did.
Call Failing(int32_t status) {
  return [status] { return status; };
}

RowOperations AeadEncrypt(const Mechanism& m, size_t size, std::string* error) {
  const std::shared_ptr<AeadState> s = Setup(m, size, /*encrypted=*/false, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] {
    return psa_aead_encrypt(s->ours.id(), s->m.alg, kNonce.data(), kNonce.size(), kAdditionalData.data(),
                            kAdditionalData.size(), s->plaintext.data(), s->plaintext.size(), s->output.data(),
                            s->output.size(), &s->length);
  };
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_aead_encrypt(s->theirs.get(), kNonce.data(), kNonce.size(), kAdditionalData.data(),
                                 kAdditionalData.size(), s->plaintext.data(), s->plaintext.size(), s->output.data(),
                                 s->output.size(), &s->length);
  };
  ops.builtin_direct = [s] {
    return builtin_aead_encrypt(&s->ours.attributes(), s->ours.bytes().data(), s->ours.bytes().size(), s->m.alg,
                                kNonce.data(), kNonce.size(), kAdditionalData.data(), kAdditionalData.size(),
                                s->plaintext.data(), s->plaintext.size(), s->output.data(), s->output.size(),
                                &s->length);
  };
  return ops;
}

RowOperations AeadDecrypt(const Mechanism& m, size_t size, std::string* error) {
  const std::shared_ptr<AeadState> s = Setup(m, size, /*encrypted=*/true, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] {
    return psa_aead_decrypt(s->ours.id(), s->m.alg, kNonce.data(), kNonce.size(), kAdditionalData.data(),
                            kAdditionalData.size(), s->ciphertext.data(), s->ciphertext.size(), s->output.data(),
                            s->output.size(), &s->length);
  };
  // The same ciphertext: CheckAgreement showed that both compute it.
  ops.mbedtls228 = s->theirs.status() != PSA_SUCCESS ? Failing(s->theirs.status()) : [s] {
    return baseline_aead_decrypt(s->theirs.get(), kNonce.data(), kNonce.size(), kAdditionalData.data(),
                                 kAdditionalData.size(), s->ciphertext.data(), s->ciphertext.size(),
                                 s->output.data(), s->output.size(), &s->length);
  };
  ops.builtin_direct = [s] {
    return builtin_aead_decrypt(&s->ours.attributes(), s->ours.bytes().data(), s->ours.bytes().size(), s->m.alg,
                                kNonce.data(), kNonce.size(), kAdditionalData.data(), kAdditionalData.size(),
                                s->ciphertext.data(), s->ciphertext.size(), s->output.data(), s->output.size(),
                                &s->length);
  };
  return ops;
}

// setup, set_lengths for CCM, set_nonce, update_ad: how both multi-part
// directions start.
psa_status_t StartMultipart(psa_aead_operation_t* operation, const AeadState& s, bool encrypt) {
  psa_status_t status = encrypt ? psa_aead_encrypt_setup(operation, s.ours.id(), s.m.alg)
                                : psa_aead_decrypt_setup(operation, s.ours.id(), s.m.alg);
  if (status == PSA_SUCCESS && PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(s.m.alg) == PSA_ALG_CCM) {
    status = psa_aead_set_lengths(operation, kAdditionalData.size(), s.plaintext.size());
  }
  if (status == PSA_SUCCESS) status = psa_aead_set_nonce(operation, kNonce.data(), kNonce.size());
  if (status == PSA_SUCCESS) status = psa_aead_update_ad(operation, kAdditionalData.data(), kAdditionalData.size());
  return status;
}

psa_status_t EncryptMultipart(AeadState* s) {
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  size_t written = 0, finished = 0, tag_length = 0;
  psa_status_t status = StartMultipart(&operation, *s, /*encrypt=*/true);
  if (status == PSA_SUCCESS) {
    status = psa_aead_update(&operation, s->plaintext.data(), s->plaintext.size(), s->output.data(),
                             s->output.size(), &written);
  }
  if (status == PSA_SUCCESS) {
    status = psa_aead_finish(&operation, s->output.data() + written, s->output.size() - written, &finished, s->tag,
                             sizeof(s->tag), &tag_length);
  }
  if (status != PSA_SUCCESS) psa_aead_abort(&operation);
  return status;
}

psa_status_t DecryptMultipart(AeadState* s) {
  psa_aead_operation_t operation = PSA_AEAD_OPERATION_INIT;
  const size_t size = s->plaintext.size();
  size_t written = 0, verified = 0;
  psa_status_t status = StartMultipart(&operation, *s, /*encrypt=*/false);
  if (status == PSA_SUCCESS) {
    status = psa_aead_update(&operation, s->ciphertext.data(), size, s->output.data(), s->output.size(), &written);
  }
  if (status == PSA_SUCCESS) {
    status = psa_aead_verify(&operation, s->output.data() + written, s->output.size() - written, &verified,
                             s->ciphertext.data() + size, s->ciphertext.size() - size);
  }
  if (status != PSA_SUCCESS) psa_aead_abort(&operation);
  return status;
}

RowOperations AeadEncryptMultipart(const Mechanism& m, size_t size, std::string* error) {
  const std::shared_ptr<AeadState> s = Setup(m, size, /*encrypted=*/false, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] { return EncryptMultipart(s.get()); };
  return ops;
}

RowOperations AeadDecryptMultipart(const Mechanism& m, size_t size, std::string* error) {
  const std::shared_ptr<AeadState> s = Setup(m, size, /*encrypted=*/true, error);
  if (!s) return {};
  RowOperations ops;
  ops.psa = [s] { return DecryptMultipart(s.get()); };
  return ops;
}

int RegisterAll() {
  using I = Implementation;
  for (const Mechanism& m : kAeadMechanisms) {
    for (I i : {I::kPsa, I::kMbedtls228, I::kPaired}) RegisterRow("AeadEncrypt", i, m, AeadEncrypt, kSizes);
    if (m.alg == PSA_ALG_GCM && m.key_bytes == 16) {
      RegisterRow("AeadEncrypt", I::kBuiltinDirect, m, AeadEncrypt, {64});
      RegisterRow("AeadEncrypt", I::kPairedDirect, m, AeadEncrypt, {64});
    }
    for (I i : {I::kPsa, I::kMbedtls228, I::kPaired}) RegisterRow("AeadDecrypt", i, m, AeadDecrypt, kSizes);
    RegisterRow("AeadEncryptMultipart", I::kPsa, m, AeadEncryptMultipart, kSizes);
    RegisterRow("AeadDecryptMultipart", I::kPsa, m, AeadDecryptMultipart, kSizes);
  }
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace psa_benchmarks
