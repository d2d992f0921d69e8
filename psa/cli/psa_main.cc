// psa: the command-line face of a PSA Crypto build.
//
//   psa selftest          known-answer test of every mechanism compiled in
//   psa drivers           this build's dispatch table
//   psa hash ALG [FILE]   digest of FILE (or standard input), ALG one of
//                         md5 ripemd160 sha1 sha224 sha256 sha384 sha512
//   psa random N          N random bytes, in hexadecimal

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "psa/cli/selftest.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"

namespace psa::cli {
namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: psa selftest | drivers | hash ALG [FILE] | random N\n"
               "  ALG: md5 ripemd160 sha1 sha224 sha256 sha384 sha512\n");
  return 2;
}

int Selftest() {
  int failures = 0, passes = 0;
  const std::vector<SelftestResult> results = RunSelftests();
  // Columns as wide as their longest entry.
  int mechanism_width = 9, driver_width = 6;
  for (const SelftestResult& r : results) {
    mechanism_width = std::max(mechanism_width, static_cast<int>(r.mechanism.size()));
    driver_width = std::max(driver_width, static_cast<int>(r.driver.size()));
  }
  std::printf("%-*s  %-*s  %s\n", mechanism_width, "mechanism", driver_width, "driver", "result");
  for (const SelftestResult& r : results) {
    const char* outcome = r.outcome == SelftestResult::Outcome::kPass   ? "PASS"
                          : r.outcome == SelftestResult::Outcome::kFail ? "FAIL"
                                                                        : "not compiled in";
    std::printf("%-*s  %-*s  %s%s%s\n", mechanism_width, r.mechanism.c_str(), driver_width, r.driver.c_str(),
                outcome, r.detail.empty() ? "" : ": ", r.detail.c_str());
    failures += r.outcome == SelftestResult::Outcome::kFail;
    passes += r.outcome == SelftestResult::Outcome::kPass;
  }
  std::printf("selftest: %d passed, %d failed\n", passes, failures);
  return failures == 0 && passes > 0 ? 0 : 1;
}

bool ParseHashAlgorithm(const std::string& name, psa_algorithm_t* alg) {
  static const struct {
    const char* name;
    psa_algorithm_t alg;
  } kNames[] = {{"md5", PSA_ALG_MD5},         {"ripemd160", PSA_ALG_RIPEMD160}, {"sha1", PSA_ALG_SHA_1},
                {"sha224", PSA_ALG_SHA_224},  {"sha256", PSA_ALG_SHA_256},      {"sha384", PSA_ALG_SHA_384},
                {"sha512", PSA_ALG_SHA_512}};
  for (const auto& n : kNames) {
    if (name == n.name) {
      *alg = n.alg;
      return true;
    }
  }
  return false;
}

int Hash(const std::string& algorithm, const char* path) {
  psa_algorithm_t alg;
  if (!ParseHashAlgorithm(algorithm, &alg)) return Usage();
  FILE* in = path ? std::fopen(path, "rb") : stdin;
  if (in == nullptr) {
    std::fprintf(stderr, "psa: cannot open %s: %s\n", path, std::strerror(errno));
    return 1;
  }
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
  psa_status_t status = psa_hash_setup(&operation, alg);
  uint8_t buffer[64 * 1024];
  size_t n;
  while (status == PSA_SUCCESS && (n = std::fread(buffer, 1, sizeof(buffer), in)) > 0) {
    status = psa_hash_update(&operation, buffer, n);
  }
  bool read_error = std::ferror(in) != 0;
  if (path) std::fclose(in);
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  if (status == PSA_SUCCESS && !read_error) status = psa_hash_finish(&operation, digest, sizeof(digest), &length);
  psa_hash_abort(&operation);
  if (read_error) {
    std::fprintf(stderr, "psa: read error\n");
    return 1;
  }
  if (status != PSA_SUCCESS) {
    std::fprintf(stderr, "psa: hashing failed with status %d\n", static_cast<int>(status));
    return 1;
  }
  for (size_t i = 0; i < length; ++i) std::printf("%02x", digest[i]);
  std::printf("  %s\n", path ? path : "-");
  return 0;
}

int Random(const char* count) {
  char* end = nullptr;
  errno = 0;
  unsigned long n = std::strtoul(count, &end, 10);
  if (errno != 0 || end == count || *end != '\0' || n > 1024 * 1024) {
    std::fprintf(stderr, "psa: random takes a byte count from 0 to 1048576, got \"%s\"\n", count);
    return 2;
  }
  std::vector<uint8_t> bytes(n);
  psa_status_t status = psa_generate_random(bytes.data(), bytes.size());
  if (status != PSA_SUCCESS) {
    std::fprintf(stderr, "psa: psa_generate_random failed with status %d\n", static_cast<int>(status));
    return 1;
  }
  for (uint8_t b : bytes) std::printf("%02x", b);
  std::printf("\n");
  return 0;
}

int Main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string command = argv[1];
  if (command == "drivers") {
    std::fputs(psa::dispatch::DispatchTable(), stdout);
    return 0;
  }
  psa_status_t status = psa_crypto_init();
  if (status != PSA_SUCCESS) {
    std::fprintf(stderr, "psa: psa_crypto_init failed with status %d\n", static_cast<int>(status));
    return 1;
  }
  if (command == "selftest" && argc == 2) return Selftest();
  if (command == "hash" && (argc == 3 || argc == 4)) return Hash(argv[2], argc == 4 ? argv[3] : nullptr);
  if (command == "random" && argc == 3) return Random(argv[2]);
  return Usage();
}

}  // namespace
}  // namespace psa::cli

int main(int argc, char** argv) { return psa::cli::Main(argc, argv); }
