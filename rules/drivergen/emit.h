// Code emitters of the generator. All output is deterministic: it depends only
// on the descriptions and the arguments, never on time, host or absolute paths.

#ifndef RULES_DRIVERGEN_EMIT_H_
#define RULES_DRIVERGEN_EMIT_H_

#include <string>
#include <vector>

#include "rules/drivergen/description.h"

namespace psa::drivergen {

// A selected driver and the include path of its generated prototype header.
struct SelectedDriver {
  Driver driver;
  std::string glue_header;  // e.g. "drivers/test/test_a.psa_driver.h"
};

// The per-driver header: the driver's own headers (under its h_condition) and
// the exact prototype of every entry point it declares, so that a driver
// whose declaration or definition differs fails to compile.
std::string EmitDriverHeader(const Driver& driver, const std::string& guard_name);

// A C translation unit that includes the driver header, compiled with the
// driver so that mismatching declarations in its headers are caught. With
// `require_declarations` (a driver whose code is not compiled with the
// generated prototypes), the headers must also declare every entry point.
std::string EmitDriverCheck(const Driver& driver, const std::string& glue_header, bool require_declarations);

// The dispatch of one build (psa/core/dispatch.h), drivers in priority order.
std::string EmitDispatch(const std::vector<SelectedDriver>& drivers);

// The human-readable dispatch table of one build.
std::string EmitDispatchTable(const std::vector<SelectedDriver>& drivers);

}  // namespace psa::drivergen

#endif  // RULES_DRIVERGEN_EMIT_H_
