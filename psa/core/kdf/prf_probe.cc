#include "psa/core/kdf/prf_probe.h"

#include "psa/core/dispatch.h"
#include "psa/core/kdf/mac_prf.h"
#include "psa/core/wipe.h"

namespace psa::core::kdf {

bool AlgorithmSet::Contains(psa_algorithm_t alg) const {
  if (alg == PSA_ALG_NONE) return false;
  for (const std::atomic<psa_algorithm_t>& slot : slots_) {
    const psa_algorithm_t value = slot.load(std::memory_order_acquire);
    if (value == alg) return true;
    if (value == PSA_ALG_NONE) return false;
  }
  return false;
}

void AlgorithmSet::Insert(psa_algorithm_t alg) {
  if (alg == PSA_ALG_NONE) return;
  for (std::atomic<psa_algorithm_t>& slot : slots_) {
    psa_algorithm_t expected = PSA_ALG_NONE;
    if (slot.compare_exchange_strong(expected, alg, std::memory_order_acq_rel)) return;
    // `expected` now holds the slot's value: another thread may have
    // inserted `alg` itself.
    if (expected == alg) return;
  }
}

psa_algorithm_t PrimitiveOf(psa_algorithm_t kdf_alg) {
  if (kdf_alg == PSA_ALG_SP800_108_COUNTER_CMAC) return PSA_ALG_NONE;
  if (kdf_alg == PSA_ALG_TLS12_ECJPAKE_TO_PMS) return PSA_ALG_SHA_256;
  if (PSA_ALG_IS_PBKDF2_HMAC(kdf_alg)) return PSA_ALG_GET_HASH(kdf_alg);
  if (kdf_alg == PSA_ALG_PBKDF2_AES_CMAC_PRF_128) return PSA_ALG_CMAC;
  return PSA_ALG_HMAC(PSA_ALG_GET_HASH(kdf_alg));
}

psa_status_t ProbePrimitive(psa_algorithm_t kdf_alg, AlgorithmSet* served) {
  const psa_algorithm_t primitive = PrimitiveOf(kdf_alg);
  // SP 800-108 with CMAC is checked at its first output.
  if (primitive == PSA_ALG_NONE) return PSA_SUCCESS;
  if (served->Contains(primitive)) return PSA_SUCCESS;
  psa_status_t status = PSA_SUCCESS;
  if (kdf_alg == PSA_ALG_TLS12_ECJPAKE_TO_PMS) {
    uint8_t hash[PSA_HASH_MAX_SIZE];
    size_t length = 0;
    status = psa::dispatch::HashCompute(primitive, nullptr, 0, hash, sizeof(hash), &length);
  } else if (PSA_ALG_IS_HASH(primitive)) {
    // PBKDF2's HMAC uses the multi-part hash; a setup is enough to know.
    psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
    status = psa::dispatch::HashSetup(&operation, primitive);
    psa::dispatch::HashAbort(&operation);
    SecureWipeObject(operation);
  } else {
    static const uint8_t kZeroKey[16] = {0};
    MacPrf prf;
    status = primitive == PSA_ALG_CMAC ? prf.InitCmac(PSA_KEY_TYPE_AES, kZeroKey, sizeof(kZeroKey))
                                       : prf.InitHmac(PSA_ALG_GET_HASH(primitive), kZeroKey, 1);
    uint8_t mac[kMaxPrfLength];
    const Piece empty{nullptr, 0};
    if (status == PSA_SUCCESS) status = prf.Compute(&empty, 1, mac);
  }
  if (status == PSA_SUCCESS) served->Insert(primitive);
  return status;
}

}  // namespace psa::core::kdf
