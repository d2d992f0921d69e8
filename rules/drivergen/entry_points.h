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

struct EntryPoint {
  const char* name;
  DriverKinds kinds;
  // Context type suffix ("hash_operation_t") for the operation families'
  // entry points, else nullptr. The parameter list writes it as `$T`.
  const char* context_type;
  const char* parameters;
  // Algorithm categories (PSA_ALG_CATEGORY_*, in bits 24..30) that an
  // "algorithms" restriction may name; empty: "algorithms" does not apply.
  std::vector<uint32_t> algorithm_categories;
  bool involves_key;  // whether "key_types"/"key_sizes" apply
};

// Whether this core's generated dispatch calls `entry_point` (the others are
// validated and listed, but no API function of this core reaches them yet).
bool IsDispatched(std::string_view entry_point);

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
