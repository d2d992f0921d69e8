// PsaRandomForMbedtls over the real core: output before and after
// psa_crypto_init, and status propagation.

#include "drivers/builtin/mbedtls_rng.h"

#include <stdint.h>

#include <vector>

#include "gtest/gtest.h"
#include "mbedtls/entropy.h"
#include "psa/crypto.h"

namespace drivers::builtin {
namespace {

// Runs first in this binary (gtest runs tests in definition order): the core
// is not initialized yet.
TEST(PsaRandomForMbedtlsTest, BeforeInitFailsWithBadStateAndWipes) {
  std::vector<uint8_t> output(32, 0xA5);
  PsaRandomContext context;
  EXPECT_EQ(PsaRandomForMbedtls(&context, output.data(), output.size()),
            MBEDTLS_ERR_ENTROPY_SOURCE_FAILED);
  EXPECT_EQ(context.status, PSA_ERROR_BAD_STATE);
  EXPECT_EQ(output, std::vector<uint8_t>(32, 0));
  EXPECT_EQ(StatusWithRandom(context, PSA_ERROR_GENERIC_ERROR),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(PsaRandomForMbedtls(nullptr, output.data(), output.size()),
            MBEDTLS_ERR_ENTROPY_SOURCE_FAILED);
}

TEST(PsaRandomForMbedtlsTest, AfterInitFillsTheOutput) {
  ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS);
  PsaRandomContext context;
  std::vector<uint8_t> first(64, 0), second(64, 0);
  ASSERT_EQ(PsaRandomForMbedtls(&context, first.data(), first.size()), 0);
  ASSERT_EQ(PsaRandomForMbedtls(&context, second.data(), second.size()), 0);
  EXPECT_EQ(context.status, PSA_SUCCESS);
  EXPECT_NE(first, std::vector<uint8_t>(64, 0));
  EXPECT_NE(first, second);
  // Larger than one DRBG request.
  std::vector<uint8_t> large(70000, 0);
  ASSERT_EQ(PsaRandomForMbedtls(&context, large.data(), large.size()), 0);
  EXPECT_NE(std::vector<uint8_t>(large.end() - 64, large.end()),
            std::vector<uint8_t>(64, 0));
}

TEST(StatusWithRandomTest, KeepsTheMbedtlsStatusWhenRandomnessWorked) {
  PsaRandomContext context;
  EXPECT_EQ(StatusWithRandom(context, PSA_ERROR_INSUFFICIENT_MEMORY),
            PSA_ERROR_INSUFFICIENT_MEMORY);
  context.status = PSA_ERROR_INSUFFICIENT_ENTROPY;
  EXPECT_EQ(StatusWithRandom(context, PSA_SUCCESS), PSA_SUCCESS);
  EXPECT_EQ(StatusWithRandom(context, PSA_ERROR_GENERIC_ERROR),
            PSA_ERROR_INSUFFICIENT_ENTROPY);
}

}  // namespace
}  // namespace drivers::builtin
