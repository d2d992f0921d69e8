// Known-answer self-tests of the MAC, cipher and AEAD mechanisms, each
// single-part and multi-part, with the driver that served it.

#ifndef PSA_CLI_SYMMETRIC_SELFTEST_H_
#define PSA_CLI_SYMMETRIC_SELFTEST_H_

#include <vector>

#include "psa/cli/selftest.h"

namespace psa::cli {

std::vector<SelftestResult> RunSymmetricSelftests();

}  // namespace psa::cli

#endif  // PSA_CLI_SYMMETRIC_SELFTEST_H_
