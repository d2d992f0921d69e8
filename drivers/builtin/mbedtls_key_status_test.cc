#include "drivers/builtin/mbedtls_key_status.h"

#include "gtest/gtest.h"
#include "mbedtls/bignum.h"
#include "mbedtls/ecp.h"
#include "mbedtls/rsa.h"

namespace drivers::builtin {
namespace {

TEST(MbedtlsKeyStatusTest, AllocationFailuresAloneAndCombined) {
  EXPECT_TRUE(IsMbedtlsAllocationFailure(MBEDTLS_ERR_MPI_ALLOC_FAILED));
  EXPECT_TRUE(IsMbedtlsAllocationFailure(MBEDTLS_ERR_ECP_ALLOC_FAILED));
  EXPECT_TRUE(IsMbedtlsAllocationFailure(MBEDTLS_ERR_RSA_KEY_CHECK_FAILED +
                                         MBEDTLS_ERR_MPI_ALLOC_FAILED));
  EXPECT_FALSE(IsMbedtlsAllocationFailure(0));
  EXPECT_FALSE(IsMbedtlsAllocationFailure(MBEDTLS_ERR_RSA_KEY_CHECK_FAILED));
  EXPECT_FALSE(IsMbedtlsAllocationFailure(MBEDTLS_ERR_ECP_INVALID_KEY));
  EXPECT_FALSE(IsMbedtlsAllocationFailure(MBEDTLS_ERR_MPI_BAD_INPUT_DATA));
}

TEST(MbedtlsKeyStatusTest, KeyChecksRejectTheKey) {
  EXPECT_EQ(PsaStatusFromMbedtlsKeyCheck(0), PSA_SUCCESS);
  for (int code :
       {MBEDTLS_ERR_ECP_INVALID_KEY, MBEDTLS_ERR_ECP_BAD_INPUT_DATA,
        MBEDTLS_ERR_ECP_FEATURE_UNAVAILABLE, MBEDTLS_ERR_RSA_KEY_CHECK_FAILED,
        MBEDTLS_ERR_RSA_BAD_INPUT_DATA, MBEDTLS_ERR_MPI_DIVISION_BY_ZERO,
        MBEDTLS_ERR_RSA_KEY_CHECK_FAILED + MBEDTLS_ERR_MPI_NOT_ACCEPTABLE}) {
    EXPECT_EQ(PsaStatusFromMbedtlsKeyCheck(code), PSA_ERROR_INVALID_ARGUMENT)
        << code;
  }
  EXPECT_EQ(PsaStatusFromMbedtlsKeyCheck(MBEDTLS_ERR_RSA_KEY_CHECK_FAILED +
                                         MBEDTLS_ERR_MPI_ALLOC_FAILED),
            PSA_ERROR_INSUFFICIENT_MEMORY);
}

TEST(MbedtlsKeyStatusTest, ComputationFailuresAreNeverSuccess) {
  EXPECT_EQ(PsaStatusFromMbedtlsComputation(0), PSA_SUCCESS);
  EXPECT_EQ(PsaStatusFromMbedtlsComputation(MBEDTLS_ERR_MPI_ALLOC_FAILED),
            PSA_ERROR_INSUFFICIENT_MEMORY);
  EXPECT_EQ(PsaStatusFromMbedtlsComputation(MBEDTLS_ERR_ECP_BUFFER_TOO_SMALL),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(PsaStatusFromMbedtlsComputation(MBEDTLS_ERR_MPI_BUFFER_TOO_SMALL),
            PSA_ERROR_BUFFER_TOO_SMALL);
  for (int code :
       {MBEDTLS_ERR_RSA_KEY_GEN_FAILED, MBEDTLS_ERR_ECP_RANDOM_FAILED,
        MBEDTLS_ERR_ECP_INVALID_KEY, -1}) {
    EXPECT_NE(PsaStatusFromMbedtlsComputation(code), PSA_SUCCESS) << code;
  }
}

}  // namespace
}  // namespace drivers::builtin
