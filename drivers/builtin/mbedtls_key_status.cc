#include "drivers/builtin/mbedtls_key_status.h"

#include "drivers/builtin/mbedtls_status.h"
#include "mbedtls/bignum.h"
#include "mbedtls/ecp.h"

namespace drivers::builtin {
namespace {

// Mbed TLS error codes are negative: a high-level part in bits 7-14 and a
// low-level part in bits 1-6 (include/mbedtls/error.h).
constexpr int kLowLevelMask = 0x007F;
constexpr int kHighLevelMask = 0x7F80;

}  // namespace

bool IsMbedtlsAllocationFailure(int mbedtls_ret) {
  if (mbedtls_ret >= 0) return false;
  const int code = -mbedtls_ret;
  return (code & kLowLevelMask) == -MBEDTLS_ERR_MPI_ALLOC_FAILED ||
         (code & kHighLevelMask) == -MBEDTLS_ERR_ECP_ALLOC_FAILED;
}

psa_status_t PsaStatusFromMbedtlsKeyCheck(int mbedtls_ret) {
  if (mbedtls_ret == 0) return PSA_SUCCESS;
  if (IsMbedtlsAllocationFailure(mbedtls_ret)) {
    return PSA_ERROR_INSUFFICIENT_MEMORY;
  }
  return PSA_ERROR_INVALID_ARGUMENT;
}

psa_status_t PsaStatusFromMbedtlsComputation(int mbedtls_ret) {
  if (mbedtls_ret == 0) return PSA_SUCCESS;
  if (IsMbedtlsAllocationFailure(mbedtls_ret)) {
    return PSA_ERROR_INSUFFICIENT_MEMORY;
  }
  if (mbedtls_ret == MBEDTLS_ERR_ECP_BUFFER_TOO_SMALL ||
      mbedtls_ret == MBEDTLS_ERR_MPI_BUFFER_TOO_SMALL) {
    return PSA_ERROR_BUFFER_TOO_SMALL;
  }
  return PsaStatusFromMbedtls(mbedtls_ret);
}

}  // namespace drivers::builtin
