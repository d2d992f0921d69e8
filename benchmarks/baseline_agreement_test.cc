// The baseline rows of the benchmarks are only meaningful if Mbed TLS 2.28's
// PSA implementation computes what this project does: same ciphertexts,
// tags and MACs, each decrypting the other's output.

#include <gtest/gtest.h>

#include <string>

#include "benchmarks/symmetric_support.h"

namespace psa_benchmarks {
namespace {

TEST(BaselineAgreement, AeadAgreesAtEveryBenchmarkedSize) {
  for (const Mechanism& m : kAeadMechanisms) {
    for (size_t size : {0, 16, 64, 1024, 16384}) {
      EXPECT_EQ(CheckAgreement(m, size), "") << m.name << " " << size;
    }
  }
}

TEST(BaselineAgreement, CiphersAgreeOnWholeBlocks) {
  for (const Mechanism& m : kCipherMechanisms) {
    for (size_t size : {16, 1024, 16384}) EXPECT_EQ(CheckAgreement(m, size), "") << m.name << " " << size;
  }
}

TEST(BaselineAgreement, MacsAgree) {
  for (const Mechanism& m : kMacMechanisms) {
    for (size_t size : {0, 64, 1024, 16384}) EXPECT_EQ(CheckAgreement(m, size), "") << m.name << " " << size;
  }
}

TEST(BaselineAgreement, BaselineIsMbedTls228) {
  EXPECT_EQ(std::string(baseline_version()).rfind("mbed TLS 2.28.", 0), 0u) << baseline_version();
}

}  // namespace
}  // namespace psa_benchmarks
