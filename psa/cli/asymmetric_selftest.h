// Self-tests of signatures, asymmetric encryption and key agreement, with
// the driver that served each.

#ifndef PSA_CLI_ASYMMETRIC_SELFTEST_H_
#define PSA_CLI_ASYMMETRIC_SELFTEST_H_

#include <vector>

#include "psa/cli/selftest.h"

namespace psa::cli {

std::vector<SelftestResult> RunAsymmetricSelftests();

}  // namespace psa::cli

#endif  // PSA_CLI_ASYMMETRIC_SELFTEST_H_
