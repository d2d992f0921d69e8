// Which capabilities of a build the dispatch can never reach: those that an
// earlier driver covers without fallback ([Req.fallback] of the driver
// interface: a driver with a non-fallback capability is the last one tried
// for what it matches). The dispatch leaves their calls out, so that a
// driver's code that only they reach is not linked (a driver-only build:
// "Driver-only builds" in psa-driver-developer-guide.md), and the dispatch
// table says so.

#ifndef RULES_DRIVERGEN_COVERAGE_H_
#define RULES_DRIVERGEN_COVERAGE_H_

#include <string>
#include <vector>

#include "rules/drivergen/description.h"
#include "rules/drivergen/emit.h"
#include "rules/drivergen/entry_points.h"
#include "rules/drivergen/psa_spec.h"

namespace psa::drivergen {

// Whether every algorithm `covered` matches, `covering` matches too
// (conservative: false when unsure).
bool AlgorithmCovers(const AlgorithmPattern& covering, const AlgorithmPattern& covered);
bool KeyTypeCovers(const KeyTypePattern& covering, const KeyTypePattern& covered);

// Whether capability `covering` matches every (algorithm, key type, key
// size) that `covered` matches, each of its specifications being inside one
// of `covering`'s.
bool CapabilityCovers(const Capability& covering, const Capability& covered);

// Whether the transparent dispatch of `ep` never reaches capability `cap` of
// drivers[index]: an earlier transparent driver without h_condition has a
// capability without c_condition and without fallback that declares `ep`
// itself and covers `cap` (on import_key, also without "key_sizes": a key
// of unknown size moves past a capability with sizes). Sets *by to that
// driver's name.
bool Unreachable(const std::vector<SelectedDriver>& drivers, size_t index, const Capability& cap,
                 const EntryPoint& ep, std::string* by);

}  // namespace psa::drivergen

#endif  // RULES_DRIVERGEN_COVERAGE_H_
