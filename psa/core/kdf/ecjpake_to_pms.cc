#include "psa/core/kdf/ecjpake_to_pms.h"

#include "psa/core/dispatch.h"
#include "psa/core/wipe.h"

namespace psa::core::kdf {

bool IsEcjpakePoint(const uint8_t* point, size_t length) {
  return length == kEcjpakePointLength && point[0] == 0x04;
}

psa_status_t EcjpakeToPms(const uint8_t* point, size_t length, uint8_t out[PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE]) {
  if (!IsEcjpakePoint(point, length)) return PSA_ERROR_INVALID_ARGUMENT;
  size_t written = 0;
  psa_status_t status = psa::dispatch::HashCompute(PSA_ALG_SHA_256, point + 1, 32, out,
                                                   PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE, &written);
  if (status == PSA_SUCCESS && written != PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE) {
    status = PSA_ERROR_CORRUPTION_DETECTED;
  }
  if (status != PSA_SUCCESS) SecureWipe(out, PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE);
  return status;
}

}  // namespace psa::core::kdf
