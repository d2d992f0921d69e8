#include "rules/drivergen/coverage.h"

#include <algorithm>
#include <string_view>

namespace psa::drivergen {
namespace {

constexpr uint32_t kHashField = 0xff;

// Whether every algorithm `covered` matches has a specific hash in its hash
// field (what a PSA_ALG_ANY_HASH pattern demands).
bool HasSpecificHash(const AlgorithmPattern& covered) {
  if (covered.any_hash) return true;
  if ((covered.mask & kHashField) != kHashField) return false;
  const uint32_t hash = covered.value & kHashField;
  return hash != 0 && hash != kHashField;
}

}  // namespace

bool AlgorithmCovers(const AlgorithmPattern& covering, const AlgorithmPattern& covered) {
  // Every bit `covering` checks, `covered` checks too, with the same value.
  if ((covering.mask & ~covered.mask) != 0) return false;
  if ((covered.value & covering.mask) != covering.value) return false;
  if (covering.any_hash && !HasSpecificHash(covered)) return false;
  if (covering.min_length != 0 && covering.length_floor != AlgorithmPattern::LengthFloor::kNone) {
    return covered.length_floor == covering.length_floor && covered.min_length >= covering.min_length;
  }
  return true;
}

bool KeyTypeCovers(const KeyTypePattern& covering, const KeyTypePattern& covered) {
  return (covering.mask & ~covered.mask) == 0 && (covered.value & covering.mask) == covering.value;
}

bool CapabilityCovers(const Capability& covering, const Capability& covered) {
  if (covering.algorithms) {
    if (!covered.algorithms) return false;
    for (const AlgorithmSpec& spec : *covered.algorithms) {
      const bool inside = std::any_of(covering.algorithms->begin(), covering.algorithms->end(),
                                      [&](const AlgorithmSpec& c) { return AlgorithmCovers(c.pattern, spec.pattern); });
      if (!inside) return false;
    }
  }
  if (covering.key_types) {
    if (!covered.key_types) return false;
    for (const KeyTypeSpec& spec : *covered.key_types) {
      const bool inside = std::any_of(covering.key_types->begin(), covering.key_types->end(),
                                      [&](const KeyTypeSpec& c) { return KeyTypeCovers(c.pattern, spec.pattern); });
      if (!inside) return false;
    }
  }
  if (covering.key_sizes) {
    if (!covered.key_sizes) return false;
    for (uint32_t bits : *covered.key_sizes) {
      if (std::find(covering.key_sizes->begin(), covering.key_sizes->end(), bits) == covering.key_sizes->end()) {
        return false;
      }
    }
  }
  return true;
}

bool Unreachable(const std::vector<SelectedDriver>& drivers, size_t index, const Capability& cap,
                 const EntryPoint& ep, std::string* by) {
  if (index >= drivers.size() || drivers[index].driver.type != DriverType::kTransparent) return false;
  for (size_t j = 0; j < index; ++j) {
    const Driver& earlier = drivers[j].driver;
    if (earlier.type != DriverType::kTransparent || !earlier.h_condition.empty()) continue;
    for (const Capability& covering : earlier.capabilities) {
      if (covering.fallback || !covering.c_condition.empty() || !covering.Has(ep.name)) continue;
      if (std::string_view(ep.name) == "import_key" && covering.key_sizes) continue;
      if (!CapabilityCovers(covering, cap)) continue;
      if (by != nullptr) *by = earlier.name;
      return true;
    }
  }
  return false;
}

}  // namespace psa::drivergen
