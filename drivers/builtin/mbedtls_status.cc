#include "drivers/builtin/mbedtls_status.h"

#include "mbedtls/error.h"
#include "mbedtls/md5.h"
#include "mbedtls/platform.h"
#include "mbedtls/ripemd160.h"
#include "mbedtls/sha1.h"
#include "mbedtls/sha256.h"
#include "mbedtls/sha512.h"

namespace drivers::builtin {

psa_status_t PsaStatusFromMbedtls(int mbedtls_ret) {
  switch (mbedtls_ret) {
    case 0:
      return PSA_SUCCESS;

    case MBEDTLS_ERR_ERROR_CORRUPTION_DETECTED:
      return PSA_ERROR_CORRUPTION_DETECTED;

    case MBEDTLS_ERR_PLATFORM_FEATURE_UNSUPPORTED:
      return PSA_ERROR_NOT_SUPPORTED;

    // Hardware accelerator failures (the per-module codes are deprecated
    // aliases that alternative implementations may still return).
    case MBEDTLS_ERR_PLATFORM_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_MD5_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_RIPEMD160_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_SHA1_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_SHA256_HW_ACCEL_FAILED:
    case MBEDTLS_ERR_SHA512_HW_ACCEL_FAILED:
      return PSA_ERROR_HARDWARE_FAILURE;

    // Parameter validation failures (MBEDTLS_CHECK_PARAMS builds).
    case MBEDTLS_ERR_SHA1_BAD_INPUT_DATA:
    case MBEDTLS_ERR_SHA256_BAD_INPUT_DATA:
    case MBEDTLS_ERR_SHA512_BAD_INPUT_DATA:
      return PSA_ERROR_INVALID_ARGUMENT;

    default:
      return PSA_ERROR_GENERIC_ERROR;
  }
}

}  // namespace drivers::builtin
