// The validated model of a driver description (PSA Cryptoprocessor Driver
// Interface, "Driver description syntax"), and its loader. Every error is
// reported as "file:line:column: /json/pointer: message".

#ifndef RULES_DRIVERGEN_DESCRIPTION_H_
#define RULES_DRIVERGEN_DESCRIPTION_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/drivergen/entry_points.h"
#include "rules/drivergen/json.h"
#include "rules/drivergen/psa_spec.h"

namespace psa::drivergen {

enum class DriverType { kTransparent, kOpaque };

// Where a value came from, for messages.
struct Origin {
  SourcePosition position;
  std::string pointer;  // JSON Pointer, e.g. "/capabilities/1/fallback"
};

struct AlgorithmSpec {
  std::string text;
  AlgorithmPattern pattern;
  Origin origin;
};

struct KeyTypeSpec {
  std::string text;
  KeyTypePattern pattern;
  Origin origin;
};

struct Capability {
  Origin origin;
  // Entry points after family expansion, in declaration order, no duplicates.
  std::vector<const EntryPoint*> entry_points;
  // Whether the capability declares each entry point, for lookups.
  bool Has(std::string_view entry_point) const;
  std::optional<std::vector<AlgorithmSpec>> algorithms;  // nullopt: all
  std::optional<std::vector<KeyTypeSpec>> key_types;     // nullopt: all
  std::optional<std::vector<uint32_t>> key_sizes;        // nullopt: all
  // "names": entry point or context type suffix -> C identifier.
  std::map<std::string, std::string> names;
  std::map<std::string, Origin> name_origins;
  bool fallback = false;
  std::string c_condition;  // "mbedtls/c_condition"; empty: always
  // Random generation ("get_random" capabilities only): bytes of entropy the
  // core must supply before the first output, and at least on a reseed
  // (nullopt: not given, the core uses its security strength).
  std::optional<uint64_t> initial_entropy_size;
  std::optional<uint64_t> reseed_entropy_size;
};

// A C constant that a description may give as an integer or as a string
// holding a C constant expression.
struct CConstant {
  std::string expression;               // as C source
  std::optional<uint64_t> numeric;      // when the value is a plain literal
  Origin origin;
};

struct KeyContext {
  std::optional<CConstant> base_size, key_pair_size, public_key_size, symmetric_factor, builtin_key_size;
  bool store_public_key = false;
  std::string size_function;  // empty: none
};

struct Driver {
  std::string file;  // the description's path, as given
  std::string name;  // the build's name for the driver (its Bazel target)
  std::string prefix;
  DriverType type = DriverType::kTransparent;
  Origin type_origin;
  std::vector<std::string> headers;
  std::string h_condition;  // "mbedtls/h_condition"; empty: always
  std::vector<Capability> capabilities;
  std::optional<KeyContext> key_context;
  std::optional<CConstant> persistent_state_size;
  std::optional<CConstant> location;

  // The C function that implements `entry_point` in `capability`.
  std::string FunctionName(const Capability& capability, const EntryPoint& entry_point) const;
  // The C type of `entry_point`'s context in `capability` ("" if none).
  std::string ContextTypeName(const Capability& capability, const EntryPoint& entry_point) const;
};

// Collects error messages; generation stops if any.
class Diagnostics {
 public:
  void Error(const std::string& file, const Origin& origin, const std::string& message);
  bool has_errors() const { return !messages_.empty(); }
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
};

// Parses and validates one description. `name` is the build's name for it.
// Returns nullopt after reporting at least one error.
std::optional<Driver> LoadDriver(const std::string& file, const std::string& text, const std::string& name,
                                 Diagnostics* diagnostics);

// Checks the rules that involve several drivers of one build (an ordered
// list): two opaque drivers on one location, one C function used for two
// different entry points, two drivers with one name.
void CheckDriverList(const std::vector<Driver>& drivers, Diagnostics* diagnostics);

bool IsCIdentifier(std::string_view text);

}  // namespace psa::drivergen

#endif  // RULES_DRIVERGEN_DESCRIPTION_H_
