// Known-answer self-tests of the key derivation algorithms.
//
// HKDF is RFC 5869 test case 1. The other expected outputs were computed
// independently with Python (hmac, hashlib and the cryptography package's
// PBKDF2HMAC and CMAC) from the definitions in the PSA Crypto API 1.2
// specification ("Key derivation algorithms"): TLS 1.2 PRF and PSK-to-MS
// with P_SHA256, PBKDF2-HMAC-SHA-256, PBKDF2-AES-CMAC-PRF-128 (RFC 4615's
// password processing), SP 800-108 counter mode with HMAC-SHA-256 and with
// AES-CMAC (with the K_0 mitigation), ECJPAKE-to-PMS (SHA-256 of the point's
// x coordinate).

#include "psa/cli/kdf_selftest.h"

#include <string>
#include <vector>

#include "psa/cli/selftest_support.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"

namespace psa::cli {
namespace {

enum class Input { kBytes, kKey, kInteger };

struct Step {
  psa_key_derivation_step_t step;
  Input input;
  const char* hex;             // kBytes, kKey: the data; nullptr: none
  const char* text;            // kBytes, kKey: the data as text, when hex is nullptr
  psa_key_type_t key_type;     // kKey
  uint64_t integer;            // kInteger
};

struct KdfVector {
  const char* name;
  psa_algorithm_t alg;
  size_t capacity;  // 0: leave the algorithm's
  std::vector<Step> steps;
  const char* output_hex;
};

Step Bytes_(psa_key_derivation_step_t step, const char* hex) { return {step, Input::kBytes, hex, nullptr, 0, 0}; }
Step Text(psa_key_derivation_step_t step, const char* text) { return {step, Input::kBytes, nullptr, text, 0, 0}; }
Step KeyHex(psa_key_derivation_step_t step, psa_key_type_t type, const char* hex) {
  return {step, Input::kKey, hex, nullptr, type, 0};
}
Step KeyText(psa_key_derivation_step_t step, psa_key_type_t type, const char* text) {
  return {step, Input::kKey, nullptr, text, type, 0};
}
Step Integer(psa_key_derivation_step_t step, uint64_t value) { return {step, Input::kInteger, nullptr, nullptr, 0, value}; }

const std::vector<KdfVector>& Vectors() {
  static const std::vector<KdfVector>* const vectors = new std::vector<KdfVector>{
      {"HKDF-SHA-256",
       PSA_ALG_HKDF(PSA_ALG_SHA_256),
       0,
       {Bytes_(PSA_KEY_DERIVATION_INPUT_SALT, "000102030405060708090a0b0c"),
        KeyHex(PSA_KEY_DERIVATION_INPUT_SECRET, PSA_KEY_TYPE_DERIVE, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
        Bytes_(PSA_KEY_DERIVATION_INPUT_INFO, "f0f1f2f3f4f5f6f7f8f9")},
       "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"},
      {"TLS 1.2 PRF SHA-256",
       PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256),
       0,
       {Bytes_(PSA_KEY_DERIVATION_INPUT_SEED, "101112131415161718191a1b1c1d1e1f"),
        KeyHex(PSA_KEY_DERIVATION_INPUT_SECRET, PSA_KEY_TYPE_DERIVE, "000102030405060708090a0b0c0d0e0f"),
        Text(PSA_KEY_DERIVATION_INPUT_LABEL, "test label")},
       "fa9946c70ce1d2bedf0b4a866c14ae0c436694db3c41646c885e6d4863dbcb7a"},
      {"TLS 1.2 PSK-to-MS SHA-256",
       PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_256),
       0,
       {Bytes_(PSA_KEY_DERIVATION_INPUT_SEED, "101112131415161718191a1b1c1d1e1f"),
        KeyHex(PSA_KEY_DERIVATION_INPUT_SECRET, PSA_KEY_TYPE_DERIVE, "0102030405060708090a0b0c0d0e0f10"),
        Text(PSA_KEY_DERIVATION_INPUT_LABEL, "master secret")},
       "9607b87b59d9c5230c415ce2647099648aacd546017ad065b780e0b3a02396a0455d5104c6f4cc43c862ecbdfca58edf"},
      {"PBKDF2-HMAC-SHA-256",
       PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256),
       0,
       {Integer(PSA_KEY_DERIVATION_INPUT_COST, 4096), Text(PSA_KEY_DERIVATION_INPUT_SALT, "salt"),
        KeyText(PSA_KEY_DERIVATION_INPUT_PASSWORD, PSA_KEY_TYPE_PASSWORD, "password")},
       "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"},
      {"PBKDF2-AES-CMAC-PRF-128",
       PSA_ALG_PBKDF2_AES_CMAC_PRF_128,
       0,
       {Integer(PSA_KEY_DERIVATION_INPUT_COST, 1000), Text(PSA_KEY_DERIVATION_INPUT_SALT, "salt"),
        KeyText(PSA_KEY_DERIVATION_INPUT_PASSWORD, PSA_KEY_TYPE_PASSWORD, "password")},
       "0141d00413c64e46440027166492ffab"},
      {"SP 800-108 counter HMAC-SHA-256",
       PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256),
       32,
       {KeyHex(PSA_KEY_DERIVATION_INPUT_SECRET, PSA_KEY_TYPE_HMAC,
               "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
        Text(PSA_KEY_DERIVATION_INPUT_LABEL, "label"), Text(PSA_KEY_DERIVATION_INPUT_CONTEXT, "context")},
       "303790cfe363abe9682dbfff5941f23b32addc96da72f4c7e5b20e9f59a4e570"},
      {"SP 800-108 counter AES-128-CMAC",
       PSA_ALG_SP800_108_COUNTER_CMAC,
       32,
       {KeyHex(PSA_KEY_DERIVATION_INPUT_SECRET, PSA_KEY_TYPE_AES, "000102030405060708090a0b0c0d0e0f"),
        Text(PSA_KEY_DERIVATION_INPUT_LABEL, "label"), Text(PSA_KEY_DERIVATION_INPUT_CONTEXT, "context")},
       "6c5c4bd3f20462fc77c88ac84c3702546f2ed5b78a1b54b7c0aeff4b6e1c5d23"},
      {"TLS 1.2 ECJPAKE-to-PMS",
       PSA_ALG_TLS12_ECJPAKE_TO_PMS,
       0,
       {Bytes_(PSA_KEY_DERIVATION_INPUT_SECRET,
               "04111111111111111111111111111111111111111111111111111111111111111"
               "12222222222222222222222222222222222222222222222222222222222222222")},
       "02d449a31fbb267c8f352e9968a79e3e5fc95c1bbeaa502fd6454ebde5a4bedc"},
  };
  return *vectors;
}

Bytes DataOf(const Step& s) { return s.hex != nullptr ? FromHex(s.hex) : FromText(s.text); }

SelftestResult KdfSelftest(const KdfVector& v) {
  SelftestResult result{std::string("derive ") + v.name, "-", SelftestResult::Outcome::kFail, ""};
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  psa_status_t status = psa_key_derivation_setup(&operation, v.alg);
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    result.outcome = SelftestResult::Outcome::kNotCompiledIn;
    return result;
  }
  if (status == PSA_SUCCESS && v.capacity != 0) status = psa_key_derivation_set_capacity(&operation, v.capacity);
  for (const Step& s : v.steps) {
    if (status != PSA_SUCCESS) break;
    switch (s.input) {
      case Input::kBytes: {
        const Bytes data = DataOf(s);
        status = psa_key_derivation_input_bytes(&operation, s.step, data.data(), data.size());
        break;
      }
      case Input::kKey: {
        Key key(s.key_type, PSA_KEY_USAGE_DERIVE, v.alg, DataOf(s));
        status = key.status();
        if (status == PSA_SUCCESS) status = psa_key_derivation_input_key(&operation, s.step, key.id());
        break;
      }
      case Input::kInteger:
        status = psa_key_derivation_input_integer(&operation, s.step, s.integer);
        break;
    }
  }
  const Bytes expected = FromHex(v.output_hex);
  Bytes output(expected.size());
  if (status == PSA_SUCCESS) status = psa_key_derivation_output_bytes(&operation, output.data(), output.size());
  // A driver's "key_derivation" family records itself in the operation;
  // otherwise the core derived, over the MAC or hash of the last driver called.
  const char* deriving_driver = psa::dispatch::DriverName(operation.driver_id);
  result.driver = deriving_driver != nullptr ? deriving_driver : "core (over " + LastDriver() + ")";
  psa_key_derivation_abort(&operation);
  if (!Check(&result, "the derivation", status)) return result;
  if (!CheckEqual(&result, "the output", output, expected)) return result;
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

}  // namespace

std::vector<SelftestResult> RunKdfSelftests() {
  std::vector<SelftestResult> results;
  for (const KdfVector& v : Vectors()) results.push_back(KdfSelftest(v));
  return results;
}

}  // namespace psa::cli
