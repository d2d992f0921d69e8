// The key store: psa_import_key + psa_destroy_key of a volatile AES-128
// key (one key's whole life: attributes, validation, slot and identifier,
// copy of the material, wipe), against Mbed TLS 2.28's own PSA
// implementation in the same run, on 1, 2 and 8 threads at once. Mbed TLS
// 2.28's key store is not thread-safe, so on several threads its side takes
// one process-wide lock around each call (what an application of it must
// do); this project's key store is shared by the threads as it is.
// Rows: BM_KeyImportDestroy/<implementation>/aes128/16[/threads:<n>]
// (benchmarks/row_runner.h).

#include <benchmark/benchmark.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "benchmarks/row_runner.h"
#include "benchmarks/symmetric_support.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {
namespace {

constexpr size_t kKeyBytes = 16;

// The attributes baseline_import_key gives an AES key for PSA_ALG_CTR.
psa_status_t ImportAndDestroy(const uint8_t* key_bytes) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
  psa_set_key_bits(&attributes, PSA_BYTES_TO_BITS(kKeyBytes));
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_SIGN_MESSAGE |
                                           PSA_KEY_USAGE_VERIFY_MESSAGE);
  psa_set_key_algorithm(&attributes, PSA_ALG_CTR);
  psa_key_id_t id = PSA_KEY_ID_NULL;
  const psa_status_t status = psa_import_key(&attributes, key_bytes, kKeyBytes, &id);
  if (status != PSA_SUCCESS) return status;
  return psa_destroy_key(id);
}

std::mutex g_baseline_mutex;

RowOperations ImportDestroy(int threads) {
  auto key = std::make_shared<std::vector<uint8_t>>(Pattern(kKeyBytes, 0x4b));
  RowOperations ops;
  ops.psa = [key] { return ImportAndDestroy(key->data()); };
  if (threads > 1) {
    ops.mbedtls228 = [key] {
      std::lock_guard<std::mutex> lock(g_baseline_mutex);
      return baseline_import_destroy_key(BASELINE_AES_CTR, key->data(), key->size());
    };
  } else {
    ops.mbedtls228 = [key] { return baseline_import_destroy_key(BASELINE_AES_CTR, key->data(), key->size()); };
  }
  return ops;
}

int RegisterAll() {
  using I = Implementation;
  for (int threads : {1, 2, 8}) {
    for (I i : {I::kPsa, I::kMbedtls228, I::kPaired}) {
      RegisterRowFor(
          "KeyImportDestroy", i, "aes128", kKeyBytes, Unit::kOperations,
          [threads](std::string*) { return ImportDestroy(threads); }, Check(),
          threads > 1 ? "serialized by one lock" : "", threads);
    }
  }
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace psa_benchmarks
