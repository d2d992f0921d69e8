#include "drivers/builtin/mbedtls_rng.h"

#include "mbedtls/entropy.h"
#include "mbedtls/platform_util.h"
#include "psa/crypto.h"

namespace drivers::builtin {

int PsaRandomForMbedtls(void* context, unsigned char* output, size_t length) {
  const psa_status_t status = psa_generate_random(output, length);
  if (status == PSA_SUCCESS) return 0;
  mbedtls_platform_zeroize(output, length);
  auto* random = static_cast<PsaRandomContext*>(context);
  if (random != nullptr && random->status == PSA_SUCCESS) {
    random->status = status;
  }
  return MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
}

}  // namespace drivers::builtin
