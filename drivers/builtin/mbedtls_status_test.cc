#include "drivers/builtin/mbedtls_status.h"

#include "gtest/gtest.h"
#include "mbedtls/error.h"
#include "mbedtls/md5.h"
#include "mbedtls/platform.h"
#include "mbedtls/ripemd160.h"
#include "mbedtls/sha1.h"
#include "mbedtls/sha256.h"
#include "mbedtls/sha512.h"

namespace drivers::builtin {
namespace {

TEST(PsaStatusFromMbedtlsTest, ZeroIsSuccess) {
  EXPECT_EQ(PsaStatusFromMbedtls(0), PSA_SUCCESS);
}

TEST(PsaStatusFromMbedtlsTest, HardwareFailures) {
  for (int code :
       {MBEDTLS_ERR_PLATFORM_HW_ACCEL_FAILED, MBEDTLS_ERR_MD5_HW_ACCEL_FAILED,
        MBEDTLS_ERR_RIPEMD160_HW_ACCEL_FAILED, MBEDTLS_ERR_SHA1_HW_ACCEL_FAILED,
        MBEDTLS_ERR_SHA256_HW_ACCEL_FAILED,
        MBEDTLS_ERR_SHA512_HW_ACCEL_FAILED}) {
    EXPECT_EQ(PsaStatusFromMbedtls(code), PSA_ERROR_HARDWARE_FAILURE) << code;
  }
}

TEST(PsaStatusFromMbedtlsTest, BadInputIsInvalidArgument) {
  for (int code :
       {MBEDTLS_ERR_SHA1_BAD_INPUT_DATA, MBEDTLS_ERR_SHA256_BAD_INPUT_DATA,
        MBEDTLS_ERR_SHA512_BAD_INPUT_DATA}) {
    EXPECT_EQ(PsaStatusFromMbedtls(code), PSA_ERROR_INVALID_ARGUMENT) << code;
  }
}

TEST(PsaStatusFromMbedtlsTest, PlatformAndCorruptionCodes) {
  EXPECT_EQ(PsaStatusFromMbedtls(MBEDTLS_ERR_ERROR_CORRUPTION_DETECTED),
            PSA_ERROR_CORRUPTION_DETECTED);
  EXPECT_EQ(PsaStatusFromMbedtls(MBEDTLS_ERR_PLATFORM_FEATURE_UNSUPPORTED),
            PSA_ERROR_NOT_SUPPORTED);
}

TEST(PsaStatusFromMbedtlsTest, UnknownCodesAreGenericErrorNeverSuccess) {
  for (int code : {MBEDTLS_ERR_ERROR_GENERIC_ERROR, -0x7fff, -1 - 0x7fff, 1,
                   0x7fffffff}) {
    EXPECT_EQ(PsaStatusFromMbedtls(code), PSA_ERROR_GENERIC_ERROR) << code;
  }
}

}  // namespace
}  // namespace drivers::builtin
