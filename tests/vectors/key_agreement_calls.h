// The key-agreement API as the vector suites call it: a private key
// imported from a vector, the peer key through psa_raw_key_agreement() and
// through psa_key_agreement() (the secret as an exportable derivation key),
// and the verdicts a vector's expectation gives the outcome.

#ifndef TESTS_VECTORS_KEY_AGREEMENT_CALLS_H_
#define TESTS_VECTORS_KEY_AGREEMENT_CALLS_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/vectors/vector_report.h"

namespace tests::vectors {

// What the calls returned for one vector.
struct AgreementOutcome {
  psa_status_t import_status = PSA_ERROR_GENERIC_ERROR;  // of the private key
  psa_status_t raw_status = PSA_ERROR_GENERIC_ERROR;     // psa_raw_key_agreement
  std::vector<uint8_t> raw_secret;
  psa_status_t key_status = PSA_ERROR_GENERIC_ERROR;  // psa_key_agreement
  std::vector<uint8_t> key_secret;                    // the new key, exported
};

// Imports `private_key` (the PSA export format: big-endian d of the curve's
// private key length, or the RFC 7748 scalar) as a PSA_ALG_ECDH key pair of
// `family` and `bits`, and agrees with `peer` (the public-key export format)
// both ways. Outputs are checked for overruns; on failure the raw output must
// be wiped. Keys are destroyed before returning.
AgreementOutcome AgreeWithVector(psa_ecc_family_t family, size_t bits, const std::vector<uint8_t>& private_key,
                                 const std::vector<uint8_t>& peer);

// Pass when both calls succeeded with `expected`; Fail otherwise.
Verdict ExpectSecret(const AgreementOutcome& outcome, const std::vector<uint8_t>& expected);

// Pass when the private key was accepted and both calls returned
// PSA_ERROR_INVALID_ARGUMENT (the peer key is not a valid public key);
// Fail otherwise.
Verdict ExpectPeerRejected(const AgreementOutcome& outcome);

// For a vector both outcomes are acceptable for: ExpectSecret, or
// ExpectPeerRejected noted as `note`.
Verdict ExpectSecretOrRejected(const AgreementOutcome& outcome, const std::vector<uint8_t>& expected,
                               const std::string& note);

// `bytes` as a big-endian number of exactly `length` bytes: leading zero
// bytes removed or added. False if the number needs more.
bool FitBigEndian(std::vector<uint8_t> bytes, size_t length, std::vector<uint8_t>* out);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_KEY_AGREEMENT_CALLS_H_
