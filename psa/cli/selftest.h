// Known-answer self tests of every mechanism a build has compiled in.

#ifndef PSA_CLI_SELFTEST_H_
#define PSA_CLI_SELFTEST_H_

#include <string>
#include <vector>

namespace psa::cli {

struct SelftestResult {
  std::string mechanism;  // e.g. "hash SHA-256"
  std::string driver;     // the driver that served it, "-" if none
  enum class Outcome { kPass, kFail, kNotCompiledIn } outcome;
  std::string detail;     // why it failed
};

// Runs every known-answer test; psa_crypto_init must have succeeded.
std::vector<SelftestResult> RunSelftests();

}  // namespace psa::cli

#endif  // PSA_CLI_SELFTEST_H_
