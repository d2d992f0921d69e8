#include "tests/vectors/key_agreement_calls.h"

#include "tests/vectors/hex.h"
#include "tests/vectors/symmetric_calls.h"

namespace tests::vectors {
namespace {

constexpr uint8_t kCanary = 0xA5;
constexpr size_t kGuard = 32;

bool AllEqual(const std::vector<uint8_t>& bytes, size_t begin, size_t end, uint8_t value) {
  for (size_t i = begin; i < end; ++i) {
    if (bytes[i] != value) return false;
  }
  return true;
}

std::string Describe(const AgreementOutcome& outcome) {
  return "import " + StatusName(outcome.import_status) + ", raw " + StatusName(outcome.raw_status) + " " +
         EncodeHex(outcome.raw_secret) + ", to key " + StatusName(outcome.key_status) + " " +
         EncodeHex(outcome.key_secret);
}

}  // namespace

AgreementOutcome AgreeWithVector(psa_ecc_family_t family, size_t bits, const std::vector<uint8_t>& private_key,
                                 const std::vector<uint8_t>& peer) {
  AgreementOutcome outcome;
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_ECC_KEY_PAIR(family));
  psa_set_key_bits(&attributes, bits);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE);
  psa_set_key_algorithm(&attributes, PSA_ALG_ECDH);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  outcome.import_status = psa_import_key(&attributes, private_key.data(), private_key.size(), &key);
  if (outcome.import_status != PSA_SUCCESS) return outcome;

  const size_t size = PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(PSA_KEY_TYPE_ECC_KEY_PAIR(family), bits);
  std::vector<uint8_t> output(size + kGuard, kCanary);
  size_t length = 0;
  outcome.raw_status = psa_raw_key_agreement(PSA_ALG_ECDH, key, peer.data(), peer.size(), output.data(), size, &length);
  if (!AllEqual(output, size, output.size(), kCanary)) {
    outcome.raw_status = PSA_ERROR_CORRUPTION_DETECTED;  // written past the buffer
  } else if (outcome.raw_status == PSA_SUCCESS) {
    outcome.raw_secret.assign(output.begin(), output.begin() + length);
  } else if (!AllEqual(output, 0, size, 0) && !AllEqual(output, 0, size, kCanary)) {
    outcome.raw_status = PSA_ERROR_CORRUPTION_DETECTED;  // released on failure
  }

  psa_key_attributes_t secret_attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&secret_attributes, PSA_KEY_TYPE_DERIVE);
  psa_set_key_usage_flags(&secret_attributes, PSA_KEY_USAGE_EXPORT);
  psa_key_id_t secret_key = PSA_KEY_ID_NULL;
  outcome.key_status = psa_key_agreement(key, peer.data(), peer.size(), PSA_ALG_ECDH, &secret_attributes, &secret_key);
  if (outcome.key_status == PSA_SUCCESS) {
    std::vector<uint8_t> exported(PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE);
    size_t exported_length = 0;
    outcome.key_status = psa_export_key(secret_key, exported.data(), exported.size(), &exported_length);
    exported.resize(exported_length);
    outcome.key_secret = exported;
    psa_destroy_key(secret_key);
  } else if (secret_key != PSA_KEY_ID_NULL) {
    outcome.key_status = PSA_ERROR_CORRUPTION_DETECTED;  // an identifier on failure
  }
  psa_destroy_key(key);
  return outcome;
}

Verdict ExpectSecret(const AgreementOutcome& outcome, const std::vector<uint8_t>& expected) {
  if (outcome.import_status == PSA_SUCCESS && outcome.raw_status == PSA_SUCCESS && outcome.key_status == PSA_SUCCESS &&
      outcome.raw_secret == expected && outcome.key_secret == expected) {
    return Verdict::Pass();
  }
  return Verdict::Fail("expected the secret " + EncodeHex(expected) + ", got " + Describe(outcome));
}

Verdict ExpectPeerRejected(const AgreementOutcome& outcome) {
  if (outcome.import_status == PSA_SUCCESS && outcome.raw_status == PSA_ERROR_INVALID_ARGUMENT &&
      outcome.key_status == PSA_ERROR_INVALID_ARGUMENT) {
    return Verdict::Pass();
  }
  return Verdict::Fail("expected the peer key rejected (PSA_ERROR_INVALID_ARGUMENT), got " + Describe(outcome));
}

Verdict ExpectSecretOrRejected(const AgreementOutcome& outcome, const std::vector<uint8_t>& expected,
                               const std::string& note) {
  if (outcome.raw_status == PSA_SUCCESS) return ExpectSecret(outcome, expected);
  const Verdict rejected = ExpectPeerRejected(outcome);
  return rejected.kind == Verdict::kPass ? Verdict::Pass(note) : rejected;
}

bool FitBigEndian(std::vector<uint8_t> bytes, size_t length, std::vector<uint8_t>* out) {
  size_t first = 0;
  while (first < bytes.size() && bytes[first] == 0) ++first;
  if (bytes.size() - first > length) return false;
  out->assign(length - (bytes.size() - first), 0);
  out->insert(out->end(), bytes.begin() + first, bytes.end());
  return true;
}

}  // namespace tests::vectors
