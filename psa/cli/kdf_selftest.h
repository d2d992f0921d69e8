// Known-answer self-tests of the key derivation algorithms, with the driver
// that served each: a driver's "key_derivation" family, or "core (over X)"
// when the core derived with the MAC or hash of driver X.

#ifndef PSA_CLI_KDF_SELFTEST_H_
#define PSA_CLI_KDF_SELFTEST_H_

#include <vector>

#include "psa/cli/selftest.h"

namespace psa::cli {

std::vector<SelftestResult> RunKdfSelftests();

}  // namespace psa::cli

#endif  // PSA_CLI_KDF_SELFTEST_H_
