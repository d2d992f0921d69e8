// psa_generate_random of an IV's worth of bytes, against Mbed TLS 2.28's
// own PSA implementation (mbedtls228) measured in the same run: the part of
// BM_CipherEncryptRandomIv (psa_cipher_encrypt) that is not the cipher.
// This project draws from an HMAC_DRBG over SHA-256 (psa/core/hmac_drbg.h),
// Mbed TLS 2.28 from a CTR_DRBG over AES-256. Row names and the paired
// rows: benchmarks/symmetric_support.h.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "benchmarks/symmetric_support.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

RowOperations GenerateRandom(const Mechanism&, size_t size, std::string* error) {
  auto output = std::make_shared<std::vector<uint8_t>>(size);
  RowOperations ops;
  ops.psa = [output] { return psa_generate_random(output->data(), output->size()); };
  ops.mbedtls228 = [output] { return baseline_generate_random(output->data(), output->size()); };
  return ops;
}

int RegisterAll() {
  using I = Implementation;
  for (I i : {I::kPsa, I::kMbedtls228, I::kPaired}) RegisterRow("GenerateRandom", i, kRandom, GenerateRandom, {16});
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace psa_benchmarks
