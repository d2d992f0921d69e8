#include "psa/cli/selftest.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "psa/core/dispatch.h"
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

std::vector<uint8_t> FromHex(const char* hex) {
  std::vector<uint8_t> out;
  for (size_t i = 0; hex[i] != '\0' && hex[i + 1] != '\0'; i += 2) {
    unsigned value = 0;
    std::sscanf(hex + i, "%2x", &value);
    out.push_back(static_cast<uint8_t>(value));
  }
  return out;
}

std::string DriverOfLastCall() {
  const char* name = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  return name != nullptr ? name : "-";
}

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
  result.driver = DriverOfLastCall();
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

}  // namespace

std::vector<SelftestResult> RunSelftests() {
  std::vector<SelftestResult> results;
  for (const HashVector& v : kHashVectors) results.push_back(HashSelftest(v));
  results.push_back(RandomSelftest());
  return results;
}

}  // namespace psa::cli
