#include "psa/cli/selftest.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "psa/cli/asymmetric_selftest.h"
#include "psa/cli/kdf_selftest.h"
#include "psa/cli/pake_selftest.h"
#include "psa/cli/selftest_support.h"
#include "psa/cli/symmetric_selftest.h"
#include "psa/crypto.h"

namespace psa::cli {
namespace {

struct HashVector {
  const char* name;
  psa_algorithm_t alg;
  const char* message;
  int repeat;  // the message is repeated this many times
  const char* digest_hex;
};

// FIPS 180-4 example values, RFC 1321 (MD5) and the RIPEMD-160 reference
// test vectors.
const HashVector kHashVectors[] = {
    {"MD5", PSA_ALG_MD5, "abc", 1, "900150983cd24fb0d6963f7d28e17f72"},
    {"RIPEMD-160", PSA_ALG_RIPEMD160, "abc", 1, "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"},
    {"SHA-1", PSA_ALG_SHA_1, "abc", 1, "a9993e364706816aba3e25717850c26c9cd0d89d"},
    {"SHA-224", PSA_ALG_SHA_224, "abc", 1, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"},
    {"SHA-256", PSA_ALG_SHA_256, "abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"SHA-384", PSA_ALG_SHA_384, "abc", 1,
     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"},
    {"SHA-512", PSA_ALG_SHA_512, "abc", 1,
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
     "454d4423643ce80e2a9ac94fa54ca49f"},
};

std::string StatusText(const char* step, psa_status_t status) {
  return std::string(step) + " returned " + std::to_string(status);
}

SelftestResult HashSelftest(const HashVector& v) {
  SelftestResult result{std::string("hash ") + v.name, "-", SelftestResult::Outcome::kFail, ""};
  std::string message;
  for (int i = 0; i < v.repeat; ++i) message += v.message;
  const std::vector<uint8_t> expected = FromHex(v.digest_hex);
  const auto* input = reinterpret_cast<const uint8_t*>(message.data());

  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  psa_status_t status = psa_hash_compute(v.alg, input, message.size(), digest, sizeof(digest), &length);
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    result.outcome = SelftestResult::Outcome::kNotCompiledIn;
    return result;
  }
  result.driver = LastDriver();
  if (status != PSA_SUCCESS) {
    result.detail = StatusText("psa_hash_compute", status);
    return result;
  }
  if (length != expected.size() || std::memcmp(digest, expected.data(), length) != 0) {
    result.detail = "single-part digest differs from the known answer";
    return result;
  }

  // Multi-part, byte by byte, must agree; and verify must accept it.
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  status = psa_hash_setup(&operation, v.alg);
  for (size_t i = 0; status == PSA_SUCCESS && i < message.size(); ++i) {
    status = psa_hash_update(&operation, input + i, 1);
  }
  if (status == PSA_SUCCESS) status = psa_hash_verify(&operation, expected.data(), expected.size());
  psa_hash_abort(&operation);
  if (status != PSA_SUCCESS) {
    result.detail = StatusText("multi-part hash", status);
    return result;
  }
  status = psa_hash_compare(v.alg, input, message.size(), expected.data(), expected.size());
  if (status != PSA_SUCCESS) {
    result.detail = StatusText("psa_hash_compare", status);
    return result;
  }
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

SelftestResult RandomSelftest() {
  SelftestResult result{"random generation", "core", SelftestResult::Outcome::kFail, ""};
  uint8_t a[64], b[64];
  psa_status_t status = psa_generate_random(a, sizeof(a));
  if (status == PSA_SUCCESS) status = psa_generate_random(b, sizeof(b));
  if (status != PSA_SUCCESS) {
    result.detail = StatusText("psa_generate_random", status);
    return result;
  }
  // Two 512-bit outputs are equal, or all zero, with negligible probability
  // unless the generator is broken.
  static const uint8_t kZero[sizeof(a)] = {0};
  if (std::memcmp(a, b, sizeof(a)) == 0 || std::memcmp(a, kZero, sizeof(a)) == 0) {
    result.detail = "outputs repeat or are zero";
    return result;
  }
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

// Destroys a key when it goes out of scope.
class ScopedKey {
 public:
  ScopedKey() = default;
  ScopedKey(const ScopedKey&) = delete;
  ScopedKey& operator=(const ScopedKey&) = delete;
  ~ScopedKey() {
    if (id_ != PSA_KEY_ID_NULL) psa_destroy_key(id_);
  }
  psa_key_id_t* out() { return &id_; }
  psa_key_id_t get() const { return id_; }

 private:
  psa_key_id_t id_ = PSA_KEY_ID_NULL;
};

psa_key_attributes_t Attributes(psa_key_type_t type, size_t bits, psa_key_usage_t usage) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  psa_set_key_usage_flags(&attributes, usage);
  return attributes;
}

// Import then export of an AES-128 key (FIPS 197 appendix C.1 key).
SelftestResult SymmetricKeySelftest() {
  SelftestResult result{"key AES-128 import/export", "core", SelftestResult::Outcome::kFail, ""};
  const std::vector<uint8_t> key = FromHex("000102030405060708090a0b0c0d0e0f");
  psa_key_attributes_t attributes = Attributes(PSA_KEY_TYPE_AES, 0, PSA_KEY_USAGE_EXPORT);
  ScopedKey id;
  psa_status_t status = psa_import_key(&attributes, key.data(), key.size(), id.out());
  if (status != PSA_SUCCESS) {
    result.detail = StatusText("psa_import_key", status);
    return result;
  }
  psa_key_attributes_t read = PSA_KEY_ATTRIBUTES_INIT;
  status = psa_get_key_attributes(id.get(), &read);
  if (status != PSA_SUCCESS || psa_get_key_bits(&read) != 128) {
    result.detail = "imported key does not report 128 bits";
    return result;
  }
  uint8_t exported[32];
  size_t length = 0;
  status = psa_export_key(id.get(), exported, sizeof(exported), &length);
  if (status != PSA_SUCCESS || length != key.size() || std::memcmp(exported, key.data(), length) != 0) {
    result.detail = "export differs from the imported key";
    return result;
  }
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

// RFC 6979 appendix A.2.5: the P-256 private key and its public key.
SelftestResult EccKeySelftest() {
  SelftestResult result{"key ECC P-256 public", "-", SelftestResult::Outcome::kFail, ""};
  const std::vector<uint8_t> private_key =
      FromHex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
  const std::vector<uint8_t> public_key = FromHex(
      "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
      "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");
  psa_key_attributes_t attributes =
      Attributes(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256, PSA_KEY_USAGE_EXPORT);
  ScopedKey id;
  psa_status_t status = psa_import_key(&attributes, private_key.data(), private_key.size(), id.out());
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    result.outcome = SelftestResult::Outcome::kNotCompiledIn;
    return result;
  }
  result.driver = LastDriver();
  if (status != PSA_SUCCESS) {
    result.detail = StatusText("psa_import_key", status);
    return result;
  }
  uint8_t exported[PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256)];
  size_t length = 0;
  status = psa_export_public_key(id.get(), exported, sizeof(exported), &length);
  if (status != PSA_SUCCESS) {
    result.detail = StatusText("psa_export_public_key", status);
    return result;
  }
  if (length != public_key.size() || std::memcmp(exported, public_key.data(), length) != 0) {
    result.detail = "public key differs from the known answer";
    return result;
  }
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

// Generates a key pair, exports its public key and imports that back: the
// generated key must be valid for its own import validation.
SelftestResult GenerateSelftest(const char* name, psa_key_type_t type, size_t bits) {
  SelftestResult result{std::string("key generate ") + name, "-", SelftestResult::Outcome::kFail, ""};
  psa_key_attributes_t attributes = Attributes(type, bits, 0);
  ScopedKey pair;
  psa_status_t status = psa_generate_key(&attributes, pair.out());
  if (status == PSA_ERROR_NOT_SUPPORTED) {
    result.outcome = SelftestResult::Outcome::kNotCompiledIn;
    return result;
  }
  result.driver = LastDriver();
  if (status != PSA_SUCCESS) {
    result.detail = StatusText("psa_generate_key", status);
    return result;
  }
  std::vector<uint8_t> exported(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
  size_t length = 0;
  status = psa_export_public_key(pair.get(), exported.data(), exported.size(), &length);
  if (status != PSA_SUCCESS) {
    result.detail = StatusText("psa_export_public_key", status);
    return result;
  }
  psa_key_attributes_t public_attributes = Attributes(PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type), 0, 0);
  ScopedKey public_key;
  status = psa_import_key(&public_attributes, exported.data(), length, public_key.out());
  if (status != PSA_SUCCESS) {
    result.detail = StatusText("re-importing the public key", status);
    return result;
  }
  psa_key_attributes_t read = PSA_KEY_ATTRIBUTES_INIT;
  if (psa_get_key_attributes(public_key.get(), &read) != PSA_SUCCESS || psa_get_key_bits(&read) != bits) {
    result.detail = "the public key does not report the generated size";
    return result;
  }
  result.outcome = SelftestResult::Outcome::kPass;
  return result;
}

}  // namespace

std::vector<SelftestResult> RunSelftests() {
  std::vector<SelftestResult> results;
  for (const HashVector& v : kHashVectors) results.push_back(HashSelftest(v));
  results.push_back(RandomSelftest());
  results.push_back(SymmetricKeySelftest());
  results.push_back(EccKeySelftest());
  results.push_back(GenerateSelftest("ECC P-256", PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256));
  results.push_back(GenerateSelftest("RSA-1024", PSA_KEY_TYPE_RSA_KEY_PAIR, 1024));
  for (SelftestResult& r : RunSymmetricSelftests()) results.push_back(std::move(r));
  for (SelftestResult& r : RunAsymmetricSelftests()) results.push_back(std::move(r));
  for (SelftestResult& r : RunKdfSelftests()) results.push_back(std::move(r));
  for (SelftestResult& r : RunPakeSelftests()) results.push_back(std::move(r));
  return results;
}

}  // namespace psa::cli
