// The baseline rows of the benchmarks are only meaningful if Mbed TLS 2.28's
// PSA implementation computes what this project does: same ciphertexts,
// tags and MACs, each decrypting the other's output; each verifying the
// other's signatures (identical deterministic ones); the same ECDH secrets
// and derived bytes; and a SPAKE2+ baseline that is SPAKE2+ (RFC 9383's
// vector) and completes exchanges with this project's prover and verifier.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "benchmarks/asymmetric_support.h"
#include "benchmarks/kdf_support.h"
#include "benchmarks/pake_support.h"
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

TEST(BaselineAgreement, SignaturesVerifyBothWays) {
  for (const AsymmetricMechanism& m : kSignatureMechanisms) EXPECT_EQ(CheckAsymmetricAgreement(m), "") << m.name;
}

TEST(BaselineAgreement, RsaDecryptsBothWays) {
  for (const AsymmetricMechanism& m : kEncryptionMechanisms) EXPECT_EQ(CheckAsymmetricAgreement(m), "") << m.name;
}

TEST(BaselineAgreement, KeyAgreementGivesTheRfcSecrets) {
  for (const AsymmetricMechanism& m : kAgreementMechanisms) EXPECT_EQ(CheckAsymmetricAgreement(m), "") << m.name;
}

TEST(BaselineAgreement, HkdfAndPbkdf2DeriveTheSameBytes) {
  EXPECT_EQ(CheckKdfAgreement(kHkdfSha256), "");
  EXPECT_EQ(CheckKdfAgreement(kPbkdf2Sha256), "");
}

TEST(BaselineAgreement, Spake2pBaselineIsRfc9383AndSpeaksWithOurs) { EXPECT_EQ(CheckSpake2pAgreement(), ""); }

// The checks can fail: a baseline that verifies a corrupted signature or
// decrypts to another plaintext would be caught above; here, a SPAKE2+
// confirmation with one bit flipped is refused by the baseline.
TEST(BaselineAgreement, Spake2pBaselineRefusesAWrongConfirmation) {
  ASSERT_EQ(baseline_init(), PSA_SUCCESS);
  int32_t status = PSA_ERROR_GENERIC_ERROR;
  const baseline_spake2p_t parameters = BaselineSpake2p(&status);
  ASSERT_EQ(status, PSA_SUCCESS);
  baseline_spake2p_result_t verifier;
  const std::vector<uint8_t> x = Pattern(32, 0x21);
  baseline_spake2p_result_t prover;
  ASSERT_EQ(baseline_spake2p_prover(&parameters, x.data(), nullptr, nullptr, &prover), PSA_SUCCESS);
  ASSERT_EQ(baseline_spake2p_verifier(&parameters, nullptr, prover.share_p, &verifier), PSA_SUCCESS);
  verifier.confirm_v[0] ^= 1;
  EXPECT_EQ(baseline_spake2p_prover(&parameters, x.data(), verifier.share_v, verifier.confirm_v, &prover),
            PSA_ERROR_INVALID_SIGNATURE);
}

TEST(BaselineAgreement, BaselineIsMbedTls228) {
  EXPECT_EQ(std::string(baseline_version()).rfind("mbed TLS 2.28.", 0), 0u) << baseline_version();
}

}  // namespace
}  // namespace psa_benchmarks
