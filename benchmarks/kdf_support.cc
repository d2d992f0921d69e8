#include "benchmarks/kdf_support.h"

#include <string>
#include <vector>

#include "benchmarks/asymmetric_support.h"
#include "benchmarks/symmetric_support.h"
#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {

const KdfMechanism kHkdfSha256 = {"hkdf_sha256", PSA_ALG_HKDF(PSA_ALG_SHA_256), PSA_KEY_TYPE_DERIVE, 32, 32, 16, 0,
                                  32};
const KdfMechanism kPbkdf2Sha256 = {
    "pbkdf2_sha256", PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256), PSA_KEY_TYPE_PASSWORD, 16, 16, 0, 1000, 32};

std::vector<uint8_t> KdfSecret(const KdfMechanism& m) { return Pattern(m.secret_size, 0x53); }
std::vector<uint8_t> KdfSalt(const KdfMechanism& m) { return Pattern(m.salt_size, 0x5a); }
std::vector<uint8_t> KdfInfo(const KdfMechanism& m) { return Pattern(m.info_size, 0x1f); }

psa_status_t DeriveOurs(const KdfMechanism& m, psa_key_id_t secret, const std::vector<uint8_t>& salt,
                        const std::vector<uint8_t>& info, uint8_t* output, size_t output_length) {
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  psa_status_t status = psa_key_derivation_setup(&operation, m.alg);
  if (PSA_ALG_IS_PBKDF2_HMAC(m.alg)) {
    if (status == PSA_SUCCESS) {
      status = psa_key_derivation_input_integer(&operation, PSA_KEY_DERIVATION_INPUT_COST, m.iterations);
    }
    if (status == PSA_SUCCESS) {
      status = psa_key_derivation_input_bytes(&operation, PSA_KEY_DERIVATION_INPUT_SALT, salt.data(), salt.size());
    }
    if (status == PSA_SUCCESS) status = psa_key_derivation_input_key(&operation, PSA_KEY_DERIVATION_INPUT_PASSWORD, secret);
  } else {
    if (status == PSA_SUCCESS) {
      status = psa_key_derivation_input_bytes(&operation, PSA_KEY_DERIVATION_INPUT_SALT, salt.data(), salt.size());
    }
    if (status == PSA_SUCCESS) status = psa_key_derivation_input_key(&operation, PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    if (status == PSA_SUCCESS) {
      status = psa_key_derivation_input_bytes(&operation, PSA_KEY_DERIVATION_INPUT_INFO, info.data(), info.size());
    }
  }
  if (status == PSA_SUCCESS) status = psa_key_derivation_output_bytes(&operation, output, output_length);
  const psa_status_t abort_status = psa_key_derivation_abort(&operation);
  return status != PSA_SUCCESS ? status : abort_status;
}

int32_t DeriveTheirs(const KdfMechanism& m, const baseline_key_t* secret, const std::vector<uint8_t>& password,
                     const std::vector<uint8_t>& salt, const std::vector<uint8_t>& info, uint8_t* output,
                     size_t output_length) {
  if (PSA_ALG_IS_PBKDF2_HMAC(m.alg)) {
    return baseline_pbkdf2_hmac_sha256(password.data(), password.size(), salt.data(), salt.size(), m.iterations,
                                       output, output_length);
  }
  return baseline_hkdf(secret, salt.data(), salt.size(), info.data(), info.size(), output, output_length);
}

namespace {

std::string Failure(const KdfMechanism& m, const char* what, int32_t status) {
  return std::string(m.name) + ": " + what + " returned " + std::to_string(status);
}

// Derives with both implementations from `secret`, `salt` and `info` and
// compares with each other and, if not empty, with `expected`.
std::string Compare(const KdfMechanism& m, const std::vector<uint8_t>& secret, const std::vector<uint8_t>& salt,
                    const std::vector<uint8_t>& info, size_t length, const std::vector<uint8_t>& expected) {
  const OurKey ours(m.secret_type, m.alg, PSA_KEY_USAGE_DERIVE, secret);
  if (ours.status() != PSA_SUCCESS) return Failure(m, "psa_import_key", ours.status());
  const BaselineKey theirs(BASELINE_HKDF_SHA_256, secret);
  if (!PSA_ALG_IS_PBKDF2_HMAC(m.alg) && theirs.status() != PSA_SUCCESS) {
    return Failure(m, "Mbed TLS 2.28 psa_import_key", theirs.status());
  }
  std::vector<uint8_t> a(length), b(length);
  psa_status_t status = DeriveOurs(m, ours.id(), salt, info, a.data(), a.size());
  if (status != PSA_SUCCESS) return Failure(m, "the PSA derivation", status);
  const int32_t theirs_status = DeriveTheirs(m, theirs.get(), secret, salt, info, b.data(), b.size());
  if (theirs_status != PSA_SUCCESS) return Failure(m, "the Mbed TLS 2.28 derivation", theirs_status);
  if (a != b) return std::string(m.name) + ": the outputs of " + std::to_string(length) + " bytes differ";
  if (!expected.empty() && a != expected) return std::string(m.name) + ": the output is not the RFC's";
  return "";
}

}  // namespace

std::string CheckKdfAgreement(const KdfMechanism& m) {
  if (psa_crypto_init() != PSA_SUCCESS) return "psa_crypto_init failed";
  if (baseline_init() != PSA_SUCCESS) return "psa_crypto_init of Mbed TLS 2.28 failed";
  for (size_t length : {size_t{1}, size_t{32}, size_t{33}, size_t{100}}) {
    const std::string problem = Compare(m, KdfSecret(m), KdfSalt(m), KdfInfo(m), length, {});
    if (!problem.empty()) return problem;
  }
  if (PSA_ALG_IS_PBKDF2_HMAC(m.alg)) {
    // RFC 7914 section 11, first PBKDF2-HMAC-SHA256 vector.
    KdfMechanism one = m;
    one.iterations = 1;
    const std::string passwd = "passwd", salt = "salt";
    return Compare(one, std::vector<uint8_t>(passwd.begin(), passwd.end()),
                   std::vector<uint8_t>(salt.begin(), salt.end()), {}, 64,
                   FromHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                           "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
  }
  // RFC 5869 A.1.
  return Compare(m, std::vector<uint8_t>(22, 0x0b), FromHex("000102030405060708090a0b0c"),
                 FromHex("f0f1f2f3f4f5f6f7f8f9"), 42,
                 FromHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                         "34007208d5b887185865"));
}

}  // namespace psa_benchmarks
