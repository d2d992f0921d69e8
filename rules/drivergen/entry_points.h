// The catalogue of driver entry points and entry point families of the PSA
// Cryptoprocessor Driver Interface: names, which driver types may declare
// them, the C prototype each must have, and which algorithm categories and
// key properties a capability may restrict them by.

#ifndef RULES_DRIVERGEN_ENTRY_POINTS_H_
#define RULES_DRIVERGEN_ENTRY_POINTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace psa::drivergen {

enum class DriverKinds { kBoth, kTransparentOnly, kOpaqueOnly };

// How the generated dispatch reaches an entry point (emit.cc).
enum class DispatchRole {
  kNone,        // validated and listed, but no API function of this core calls it yet
  kDedicated,   // init, entropy, random generation, key management: emitted by their own code
  kSinglePart,  // a stateless call; keyed ones switch on the key's location
  kSetup,       // starts an operation and records the serving driver in it
  kStep,        // a call on an active operation, to its recorded driver
  kFinish,      // the last call of an operation, which ends it whatever the result
  kAbort,       // ends an operation
};

// Another way for a capability to serve an entry point it does not declare,
// as the driver interface lets the core combine entry points.
struct DispatchAlternative {
  // What the capability must declare instead.
  const char* requires_entry_point;
  // Only for a driver that declares the primary entry point in no
  // capability (so that the other calls of its operation agree).
  bool only_if_driver_lacks_primary;
  // psa::dispatch::support function run with the functions of
  // `support_entry_points` and then the primary's arguments; nullptr: call
  // `requires_entry_point` itself with the primary's arguments.
  const char* support_function;
  std::vector<const char*> support_entry_points;
};

struct EntryPoint {
  const char* name;
  DriverKinds kinds;
  // Context type suffix ("hash_operation_t") for the operation families'
  // entry points, else nullptr. The parameter list writes it as `$T`; the
  // public operation object is "psa_" + context_type.
  const char* context_type;
  const char* parameters;
  // Algorithm categories (PSA_ALG_CATEGORY_*, in bits 24..30) that an
  // "algorithms" restriction may name; empty: "algorithms" does not apply.
  std::vector<uint32_t> algorithm_categories;
  bool involves_key;  // whether "key_types"/"key_sizes" apply
  DispatchRole role = DispatchRole::kNone;
  // The psa::dispatch function (dispatch.h) of a generated role.
  const char* dispatch_function = nullptr;
  // In order of preference, when a capability lacks this entry point.
  std::vector<DispatchAlternative> alternatives = {};
};

// Whether this core's generated dispatch calls `entry_point` (the others are
// validated and listed, but no API function of this core reaches them yet).
bool IsDispatched(std::string_view entry_point);

// The parameter names of an entry point's prototype, in order.
std::vector<std::string> ParameterNames(const EntryPoint& entry_point);

struct EntryPointFamily {
  const char* name;
  DriverKinds kinds;
  std::vector<const char*> members;
};

// nullptr when unknown.
const EntryPoint* FindEntryPoint(std::string_view name);
const EntryPointFamily* FindFamily(std::string_view name);
const std::vector<EntryPoint>& AllEntryPoints();
const std::vector<EntryPointFamily>& AllFamilies();

// The C declaration of `entry_point` implemented by `function`, with the
// context type named `context_type` (ignored for entry points without one).
std::string Prototype(const EntryPoint& entry_point, std::string_view function,
                      std::string_view context_type);

// The known entry point or family name closest to `name` (by edit distance),
// for "did you mean" hints; empty when nothing is close.
std::string ClosestEntryPointName(std::string_view name);

// The candidate closest to `name` by edit distance, if it is a plausible
// misspelling (at most 3 edits); else empty.
std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace psa::drivergen

#endif  // RULES_DRIVERGEN_ENTRY_POINTS_H_
