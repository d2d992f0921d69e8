// Self-tests of the PAKE algorithms: both parties run in this process, with
// the driver that served them.

#ifndef PSA_CLI_PAKE_SELFTEST_H_
#define PSA_CLI_PAKE_SELFTEST_H_

#include <vector>

#include "psa/cli/selftest.h"

namespace psa::cli {

std::vector<SelftestResult> RunPakeSelftests();

}  // namespace psa::cli

#endif  // PSA_CLI_PAKE_SELFTEST_H_
