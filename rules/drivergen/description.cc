#include "rules/drivergen/description.h"

#include <algorithm>
#include <set>
#include <utility>

namespace psa::drivergen {
namespace {

using Kind = JsonValue::Kind;

// PSA_ALG_CATEGORY_MASK.
constexpr uint32_t kAlgorithmCategoryMask = 0x7f000000;
// PSA_MAX_KEY_BITS of the PSA Crypto API.
constexpr uint32_t kMaxKeyBits = 0xfff8;
// Locations are 24 bits (PSA_KEY_LIFETIME_GET_LOCATION).
constexpr uint64_t kMaxLocation = 0xffffff;

// Validation context of one description: the file and its diagnostics.
class Loader {
 public:
  Loader(const std::string& file, Diagnostics* diagnostics) : file_(file), diagnostics_(diagnostics) {}

  std::optional<Driver> Load(const std::string& text, const std::string& name) {
    JsonValue root;
    JsonError json_error;
    if (!ParseJson(text, &root, &json_error)) {
      Error({json_error.position, ""}, "invalid JSON: " + json_error.message);
      return std::nullopt;
    }
    Driver driver;
    driver.file = file_;
    driver.name = name;
    LoadTopLevel(root, &driver);
    if (errors_) return std::nullopt;
    return driver;
  }

 private:
  void Error(const Origin& origin, const std::string& message) {
    ++errors_;
    diagnostics_->Error(file_, origin, message);
  }

  static Origin At(const JsonValue& value, const std::string& pointer) { return {value.position, pointer}; }

  bool ExpectKind(const JsonValue& value, Kind kind, const std::string& pointer, const char* what) {
    if (value.kind == kind) return true;
    Error(At(value, pointer), std::string(what) + " must be " + JsonKindName(kind) + ", got " +
                                  JsonKindName(value.kind));
    return false;
  }

  // Checks property names of an object against `known`: "_comment" must be a
  // string, "impl/..." properties belong to an implementation and are ignored
  // unless they are in the "mbedtls/" namespace, which this core implements.
  void CheckProperties(const JsonValue& object, const std::string& pointer, const std::set<std::string>& known,
                       const char* where) {
    for (const JsonMember& m : object.object) {
      std::string member_pointer = pointer + "/" + JsonPointerEscape(m.key);
      if (known.count(m.key)) continue;
      if (m.key == "_comment") {
        ExpectKind(m.value, Kind::kString, member_pointer, "\"_comment\"");
        continue;
      }
      size_t slash = m.key.find('/');
      if (slash != std::string::npos) {
        if (slash == 0 || slash + 1 == m.key.size()) {
          Error({m.key_position, member_pointer},
                "property \"" + m.key + "\" is not a valid implementation-specific name (expected \"name/property\")");
        } else if (m.key.compare(0, slash, "mbedtls") == 0) {
          Error({m.key_position, member_pointer},
                "unknown Mbed TLS extension \"" + m.key + "\" in " + where + " (known here: " + KnownList(known) +
                    ")");
        }
        continue;  // another implementation's extension
      }
      std::vector<std::string> candidates(known.begin(), known.end());
      std::string hint = ClosestName(m.key, candidates);
      Error({m.key_position, member_pointer}, "unknown property \"" + m.key + "\" in " + where +
                                                  (hint.empty() ? std::string() : " (did you mean \"" + hint + "\"?)"));
    }
  }

  static std::string KnownList(const std::set<std::string>& known) {
    std::string out;
    for (const std::string& k : known) {
      if (k.compare(0, 8, "mbedtls/") != 0) continue;
      if (!out.empty()) out += ", ";
      out += "\"" + k + "\"";
    }
    return out.empty() ? "none" : out;
  }

  void LoadTopLevel(const JsonValue& root, Driver* driver) {
    if (!ExpectKind(root, Kind::kObject, "", "a driver description")) return;
    CheckProperties(root, "",
                    {"prefix", "type", "headers", "capabilities", "key_context", "persistent_state_size",
                     "location", "mbedtls/h_condition"},
                    "a driver description");

    // type first: other rules depend on it.
    const JsonMember* type = root.Find("type");
    if (type == nullptr) {
      Error(At(root, ""), "missing mandatory property \"type\" (\"transparent\" or \"opaque\")");
    } else if (ExpectKind(type->value, Kind::kString, "/type", "\"type\"")) {
      driver->type_origin = At(type->value, "/type");
      if (type->value.string_value == "transparent") {
        driver->type = DriverType::kTransparent;
      } else if (type->value.string_value == "opaque") {
        driver->type = DriverType::kOpaque;
      } else {
        Error(At(type->value, "/type"),
              "\"type\" must be \"transparent\" or \"opaque\", got \"" + type->value.string_value + "\"");
      }
    }

    const JsonMember* prefix = root.Find("prefix");
    if (prefix == nullptr) {
      Error(At(root, ""), "missing mandatory property \"prefix\"");
    } else if (ExpectKind(prefix->value, Kind::kString, "/prefix", "\"prefix\"")) {
      const std::string& p = prefix->value.string_value;
      if (!IsCIdentifier(p)) {
        Error(At(prefix->value, "/prefix"), "\"prefix\" must be a non-empty C identifier prefix, got \"" + p + "\"");
      } else if (p == "psa" || p == "PSA") {
        Error(At(prefix->value, "/prefix"),
              "\"prefix\" \"" + p + "\" is reserved: its entry points would clash with the PSA Crypto API");
      } else {
        driver->prefix = p;
      }
    }

    if (const JsonMember* h = root.Find("mbedtls/h_condition")) {
      if (ExpectKind(h->value, Kind::kString, "/mbedtls~1h_condition", "\"mbedtls/h_condition\"")) {
        driver->h_condition = CheckCondition(h->value, "/mbedtls~1h_condition");
      }
    }

    if (const JsonMember* headers = root.Find("headers")) {
      LoadHeaders(headers->value, driver);
    }

    const bool opaque = driver->type == DriverType::kOpaque;
    for (const char* opaque_only : {"key_context", "persistent_state_size", "location"}) {
      const JsonMember* m = root.Find(opaque_only);
      if (m != nullptr && type != nullptr && !opaque) {
        Error({m->key_position, "/" + std::string(opaque_only)},
              "\"" + std::string(opaque_only) + "\" is not permitted in a transparent driver");
      }
    }
    if (opaque) {
      const JsonMember* key_context = root.Find("key_context");
      if (key_context == nullptr) {
        Error(At(root, ""), "an opaque driver must have a \"key_context\" property");
      } else {
        LoadKeyContext(key_context->value, driver);
      }
      if (const JsonMember* m = root.Find("persistent_state_size")) {
        driver->persistent_state_size = LoadCConstant(m->value, "/persistent_state_size", "\"persistent_state_size\"");
      }
      const JsonMember* location = root.Find("location");
      if (location == nullptr) {
        Error(At(root, ""),
              "an opaque driver needs a \"location\": this core dispatches opaque drivers by key location only");
      } else {
        driver->location = LoadCConstant(location->value, "/location", "\"location\"");
        if (driver->location && driver->location->numeric) {
          uint64_t v = *driver->location->numeric;
          if (v == 0) {
            Error(At(location->value, "/location"),
                  "location 0 is PSA_KEY_LOCATION_LOCAL_STORAGE, which belongs to transparent drivers");
          } else if (v > kMaxLocation) {
            Error(At(location->value, "/location"), "location must fit in 24 bits (at most 0xffffff)");
          }
        }
      }
    }

    const JsonMember* capabilities = root.Find("capabilities");
    if (capabilities == nullptr) {
      Error(At(root, ""), "missing mandatory property \"capabilities\"");
    } else if (ExpectKind(capabilities->value, Kind::kArray, "/capabilities", "\"capabilities\"")) {
      for (size_t i = 0; i < capabilities->value.array.size(); ++i) {
        LoadCapability(capabilities->value.array[i], "/capabilities/" + std::to_string(i), driver);
      }
      CheckNameConflicts(*driver);
      CheckRandomFamily(*driver);
    }
  }

  std::string CheckCondition(const JsonValue& value, const std::string& pointer) {
    const std::string& c = value.string_value;
    if (c.find_first_not_of(" \t") == std::string::npos) {
      Error(At(value, pointer), "a condition must be a non-empty C preprocessor expression");
      return "";
    }
    if (c.find('\n') != std::string::npos || c.find('\r') != std::string::npos) {
      Error(At(value, pointer), "a condition must fit on one line");
      return "";
    }
    int depth = 0;
    for (char ch : c) {
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      if (depth < 0) break;
    }
    if (depth != 0) {
      Error(At(value, pointer), "unbalanced parentheses in condition \"" + c + "\"");
      return "";
    }
    return c;
  }

  void LoadHeaders(const JsonValue& headers, Driver* driver) {
    if (!ExpectKind(headers, Kind::kArray, "/headers", "\"headers\"")) return;
    std::set<std::string> seen;
    for (size_t i = 0; i < headers.array.size(); ++i) {
      const JsonValue& h = headers.array[i];
      std::string pointer = "/headers/" + std::to_string(i);
      if (!ExpectKind(h, Kind::kString, pointer, "a header")) continue;
      const std::string& path = h.string_value;
      if (path.empty() || path.front() == '/' || path.find('"') != std::string::npos ||
          path.find('\n') != std::string::npos || path.find('\\') != std::string::npos) {
        Error(At(h, pointer), "a header must be a relative path on the include path, got \"" + path + "\"");
        continue;
      }
      if (!seen.insert(path).second) {
        Error(At(h, pointer), "header \"" + path + "\" is listed twice");
        continue;
      }
      driver->headers.push_back(path);
    }
  }

  // An integer >= 0 or a string holding a C constant expression.
  std::optional<CConstant> LoadCConstant(const JsonValue& value, const std::string& pointer, const char* what) {
    CConstant c;
    c.origin = At(value, pointer);
    if (value.kind == Kind::kNumber) {
      if (!value.is_integer || value.integer_value < 0) {
        Error(c.origin, std::string(what) + " must be a non-negative integer or a C constant expression, got " +
                            value.number_text);
        return std::nullopt;
      }
      c.numeric = static_cast<uint64_t>(value.integer_value);
      c.expression = std::to_string(value.integer_value);
      return c;
    }
    if (value.kind != Kind::kString) {
      Error(c.origin, std::string(what) + " must be an integer or a string, got " + JsonKindName(value.kind));
      return std::nullopt;
    }
    const std::string& s = value.string_value;
    if (s.find_first_not_of(" \t") == std::string::npos || s.find_first_of("\n\r;{}\"") != std::string::npos) {
      Error(c.origin, std::string(what) + " must be a C constant expression, got \"" + s + "\"");
      return std::nullopt;
    }
    c.expression = s;
    // A plain decimal or hexadecimal literal is also known numerically.
    std::string digits = s;
    int base = 10;
    if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
      digits = digits.substr(2);
      base = 16;
    }
    if (base == 10 && digits.size() > 1 && digits[0] == '0') {
      Error(c.origin, std::string(what) + " \"" + s +
                          "\" has a leading zero, which C reads as octal; write it in decimal or with 0x");
      return std::nullopt;
    }
    if (!digits.empty() && digits.size() <= 16 &&
        digits.find_first_not_of(base == 16 ? "0123456789abcdefABCDEF" : "0123456789") == std::string::npos) {
      c.numeric = std::stoull(digits, nullptr, base);
    }
    return c;
  }

  void LoadKeyContext(const JsonValue& value, Driver* driver) {
    const std::string pointer = "/key_context";
    if (!ExpectKind(value, Kind::kObject, pointer, "\"key_context\"")) return;
    CheckProperties(value, pointer,
                    {"base_size", "key_pair_size", "public_key_size", "symmetric_factor", "store_public_key",
                     "size_function", "builtin_key_size"},
                    "\"key_context\"");
    KeyContext kc;
    auto constant = [&](const char* key, std::optional<CConstant>* out) {
      if (const JsonMember* m = value.Find(key)) {
        *out = LoadCConstant(m->value, pointer + "/" + key, (std::string("\"") + key + "\"").c_str());
      }
    };
    constant("base_size", &kc.base_size);
    constant("key_pair_size", &kc.key_pair_size);
    constant("public_key_size", &kc.public_key_size);
    constant("symmetric_factor", &kc.symmetric_factor);
    constant("builtin_key_size", &kc.builtin_key_size);
    if (const JsonMember* m = value.Find("store_public_key")) {
      if (ExpectKind(m->value, Kind::kBool, pointer + "/store_public_key", "\"store_public_key\"")) {
        kc.store_public_key = m->value.bool_value;
      }
    }
    if (const JsonMember* m = value.Find("size_function")) {
      if (ExpectKind(m->value, Kind::kString, pointer + "/size_function", "\"size_function\"")) {
        if (!IsCIdentifier(m->value.string_value)) {
          Error(At(m->value, pointer + "/size_function"),
                "\"size_function\" must be a C identifier, got \"" + m->value.string_value + "\"");
        } else {
          kc.size_function = m->value.string_value;
        }
      }
    }
    if (kc.size_function.empty() && !kc.base_size && !kc.key_pair_size && !kc.public_key_size &&
        !kc.symmetric_factor) {
      Error(At(value, pointer), "\"key_context\" gives no size: set \"size_function\" or at least one of "
                                "\"base_size\", \"key_pair_size\", \"public_key_size\", \"symmetric_factor\"");
    }
    driver->key_context = kc;
  }

  void LoadCapability(const JsonValue& value, const std::string& pointer, Driver* driver) {
    if (!ExpectKind(value, Kind::kObject, pointer, "a capability")) return;
    CheckProperties(value, pointer,
                    {"entry_points", "algorithms", "key_types", "key_sizes", "derived_types", "derived_sizes",
                     "memory", "names", "fallback", "mbedtls/c_condition", "initial_entropy_size",
                     "reseed_entropy_size"},
                    "a capability");
    Capability cap;
    cap.origin = At(value, pointer);
    const bool opaque = driver->type == DriverType::kOpaque;
    const char* kind_name = opaque ? "an opaque" : "a transparent";

    const JsonMember* entry_points = value.Find("entry_points");
    if (entry_points == nullptr) {
      Error(cap.origin, "a capability must have \"entry_points\"");
    } else if (ExpectKind(entry_points->value, Kind::kArray, pointer + "/entry_points", "\"entry_points\"")) {
      if (entry_points->value.array.empty()) {
        Error(At(entry_points->value, pointer + "/entry_points"), "\"entry_points\" must not be empty");
      }
      std::set<std::string> listed;
      for (size_t i = 0; i < entry_points->value.array.size(); ++i) {
        const JsonValue& e = entry_points->value.array[i];
        std::string e_pointer = pointer + "/entry_points/" + std::to_string(i);
        if (!ExpectKind(e, Kind::kString, e_pointer, "an entry point")) continue;
        const std::string& n = e.string_value;
        if (!listed.insert(n).second) {
          Error(At(e, e_pointer), "entry point \"" + n + "\" is listed twice");
          continue;
        }
        std::vector<const EntryPoint*> expanded;
        DriverKinds kinds;
        if (const EntryPointFamily* family = FindFamily(n)) {
          kinds = family->kinds;
          for (const char* member : family->members) expanded.push_back(FindEntryPoint(member));
        } else if (const EntryPoint* ep = FindEntryPoint(n)) {
          kinds = ep->kinds;
          expanded.push_back(ep);
        } else {
          std::string hint = ClosestEntryPointName(n);
          Error(At(e, e_pointer), "unknown entry point \"" + n + "\"" +
                                      (hint.empty() ? std::string() : " (did you mean \"" + hint + "\"?)"));
          continue;
        }
        if ((kinds == DriverKinds::kTransparentOnly && opaque) || (kinds == DriverKinds::kOpaqueOnly && !opaque)) {
          Error(At(e, e_pointer), "entry point \"" + n + "\" is not permitted in " + kind_name + " driver (only in " +
                                      (opaque ? "transparent" : "opaque") + " drivers)");
          continue;
        }
        for (const EntryPoint* ep : expanded) {
          if (std::find(cap.entry_points.begin(), cap.entry_points.end(), ep) == cap.entry_points.end()) {
            cap.entry_points.push_back(ep);
          }
        }
      }
    }

    if (const JsonMember* c = value.Find("mbedtls/c_condition")) {
      if (ExpectKind(c->value, Kind::kString, pointer + "/mbedtls~1c_condition", "\"mbedtls/c_condition\"")) {
        cap.c_condition = CheckCondition(c->value, pointer + "/mbedtls~1c_condition");
      }
    }

    if (const JsonMember* f = value.Find("fallback")) {
      std::string f_pointer = pointer + "/fallback";
      if (opaque) {
        Error({f->key_position, f_pointer}, "\"fallback\" is not permitted in an opaque driver");
      } else if (ExpectKind(f->value, Kind::kBool, f_pointer, "\"fallback\"")) {
        cap.fallback = f->value.bool_value;
        for (const EntryPoint* ep : cap.entry_points) {
          std::string n = ep->name;
          if (cap.fallback && (n == "init" || n == "get_entropy")) {
            Error(At(f->value, f_pointer), "\"fallback\" does not apply to the \"" + n +
                                               "\" entry point: the core calls every driver's " + n);
            break;
          }
        }
      }
    }

    if (LoadsDerivedKeys(value, pointer, cap)) {
      // A "derive_key" capability names the types it derives, not key restrictions.
      LoadKeyTypes(value, pointer, &cap, "derived_types");
      LoadKeySizes(value, pointer, &cap, "derived_sizes");
    } else {
      LoadAlgorithms(value, pointer, &cap);
      LoadKeyTypes(value, pointer, &cap, "key_types");
      LoadKeySizes(value, pointer, &cap, "key_sizes");
    }
    LoadNames(value, pointer, &cap);
    LoadRandomProperties(value, pointer, &cap);
    driver->capabilities.push_back(std::move(cap));
  }

  // "initial_entropy_size" (mandatory) and "reseed_entropy_size" (optional)
  // of a random generation capability, where the driver interface puts them
  // in no particular place: this core reads them from the capability that
  // declares "get_random".
  void LoadRandomProperties(const JsonValue& value, const std::string& pointer, Capability* cap) {
    const bool generates = cap->Has("get_random");
    for (const char* property : {"initial_entropy_size", "reseed_entropy_size"}) {
      const JsonMember* m = value.Find(property);
      const std::string p_pointer = pointer + "/" + property;
      if (m == nullptr) {
        if (generates && std::string(property) == "initial_entropy_size") {
          Error(cap->origin, "a capability with \"get_random\" must give \"initial_entropy_size\" (bytes of "
                             "entropy the core supplies before the first output; 0 for a generator with its own "
                             "entropy source)");
        }
        continue;
      }
      if (!generates) {
        Error({m->key_position, p_pointer},
              "\"" + std::string(property) + "\" applies only to a capability with the \"get_random\" entry point");
        continue;
      }
      if (!ExpectKind(m->value, Kind::kNumber, p_pointer, (std::string("\"") + property + "\"").c_str())) continue;
      if (!m->value.is_integer || m->value.integer_value < 0 || m->value.integer_value > (1 << 20)) {
        Error(At(m->value, p_pointer), "\"" + std::string(property) +
                                           "\" must be an integer number of bytes from 0 to 1048576, got " +
                                           m->value.number_text);
        continue;
      }
      (std::string(property) == "initial_entropy_size" ? cap->initial_entropy_size : cap->reseed_entropy_size) =
          static_cast<uint64_t>(m->value.integer_value);
    }
  }

  // The random generation family as a whole: "init_random" and "add_entropy"
  // only with "get_random", and "add_entropy" whenever the generator needs
  // entropy from the core.
  void CheckRandomFamily(const Driver& driver) {
    const Capability* generator = nullptr;
    for (const Capability& cap : driver.capabilities) {
      if (cap.Has("get_random") && generator == nullptr) generator = &cap;
    }
    bool has_add_entropy = false;
    for (const Capability& cap : driver.capabilities) {
      for (const char* member : {"init_random", "add_entropy"}) {
        if (!cap.Has(member)) continue;
        if (std::string(member) == "add_entropy") has_add_entropy = true;
        if (generator == nullptr) {
          Error(cap.origin, "\"" + std::string(member) +
                                "\" needs a \"get_random\" entry point in the same driver (the random generation "
                                "family)");
        }
      }
    }
    if (generator != nullptr && !has_add_entropy && generator->initial_entropy_size.value_or(0) != 0) {
      Error(generator->origin, "\"initial_entropy_size\" is " + std::to_string(*generator->initial_entropy_size) +
                                   " but the driver has no \"add_entropy\" entry point to receive it");
    }
  }

  void LoadAlgorithms(const JsonValue& value, const std::string& pointer, Capability* cap) {
    const JsonMember* m = value.Find("algorithms");
    if (m == nullptr) return;
    std::string a_pointer = pointer + "/algorithms";
    if (!ExpectKind(m->value, Kind::kArray, a_pointer, "\"algorithms\"")) return;
    // Which categories the capability's entry points accept.
    std::set<uint32_t> categories;
    std::string no_algorithm_entry_point;
    for (const EntryPoint* ep : cap->entry_points) {
      if (ep->algorithm_categories.empty()) no_algorithm_entry_point = ep->name;
      categories.insert(ep->algorithm_categories.begin(), ep->algorithm_categories.end());
    }
    if (!no_algorithm_entry_point.empty()) {
      Error({m->key_position, a_pointer}, "\"algorithms\" does not apply to the \"" + no_algorithm_entry_point +
                                              "\" entry point; declare it in a capability of its own");
      return;
    }
    std::vector<AlgorithmSpec> specs;
    std::set<std::string> seen;
    for (size_t i = 0; i < m->value.array.size(); ++i) {
      const JsonValue& a = m->value.array[i];
      std::string s_pointer = a_pointer + "/" + std::to_string(i);
      if (!ExpectKind(a, Kind::kString, s_pointer, "an algorithm specification")) continue;
      AlgorithmSpec spec;
      spec.text = a.string_value;
      spec.origin = At(a, s_pointer);
      SpecError error;
      if (!ParseAlgorithmSpec(spec.text, &spec.pattern, &error)) {
        Error(InString(a, s_pointer, error.offset), "invalid algorithm specification \"" + spec.text + "\": " +
                                                        error.message);
        continue;
      }
      if (!seen.insert(spec.text).second) {
        Error(spec.origin, "algorithm \"" + spec.text + "\" is listed twice");
        continue;
      }
      uint32_t category = spec.pattern.value & kAlgorithmCategoryMask;
      if (!categories.empty() && !categories.count(category)) {
        Error(spec.origin, "algorithm \"" + spec.text + "\" cannot be used with the entry points of this capability (" +
                               EntryPointList(*cap) + ")");
        continue;
      }
      specs.push_back(std::move(spec));
    }
    // Every entry point must be reachable by at least one listed algorithm.
    if (!specs.empty()) {
      for (const EntryPoint* ep : cap->entry_points) {
        bool reachable = false;
        for (const AlgorithmSpec& spec : specs) {
          uint32_t category = spec.pattern.value & kAlgorithmCategoryMask;
          for (uint32_t c : ep->algorithm_categories) reachable = reachable || c == category;
        }
        if (!reachable) {
          Error({m->key_position, a_pointer}, "no algorithm in \"algorithms\" applies to the \"" +
                                                  std::string(ep->name) +
                                                  "\" entry point; declare it in a capability of its own");
          break;
        }
      }
    }
    if (m->value.array.empty()) {
      Error(At(m->value, a_pointer), "\"algorithms\" must not be empty (omit it to mean all algorithms)");
    }
    cap->algorithms = std::move(specs);
  }

  static std::string EntryPointList(const Capability& cap) {
    std::string out;
    for (const EntryPoint* ep : cap.entry_points) {
      if (!out.empty()) out += ", ";
      out += ep->name;
    }
    return out;
  }

  // Position of the offending character inside a JSON string value (the
  // string starts after its opening quote; escapes are rare in specs).
  static Origin InString(const JsonValue& value, const std::string& pointer, size_t offset) {
    Origin o{value.position, pointer};
    o.position.column += 1 + static_cast<int>(offset);
    return o;
  }

  bool CheckKeyRestrictionApplies(const Capability& cap, const JsonMember& m, const std::string& m_pointer) {
    for (const EntryPoint* ep : cap.entry_points) {
      if (!ep->involves_key) {
        Error({m.key_position, m_pointer}, "\"" + m.key + "\" does not apply to the \"" + std::string(ep->name) +
                                               "\" entry point, which involves no key");
        return false;
      }
    }
    return true;
  }

  // Whether `cap` is a cooked key derivation capability (driver interface,
  // "Transparent cooked key derivation"): "derive_key" alone, with
  // "derived_types" (mandatory) and "derived_sizes" in place of the key
  // restrictions, and no "memory" object (this core passes none). Reports
  // the properties that do not belong to the form the capability has.
  bool LoadsDerivedKeys(const JsonValue& value, const std::string& pointer, const Capability& cap) {
    bool derives = false;
    for (const EntryPoint* ep : cap.entry_points) derives = derives || std::string(ep->name) == "derive_key";
    if (!derives) {
      for (const char* property : {"derived_types", "derived_sizes", "memory"}) {
        if (const JsonMember* m = value.Find(property)) {
          Error({m->key_position, pointer + "/" + property},
                "\"" + std::string(property) + "\" applies only to a capability whose entry point is \"derive_key\"");
        }
      }
      return false;
    }
    if (cap.entry_points.size() != 1) {
      Error(At(value.Find("entry_points")->value, pointer + "/entry_points"),
            "\"derive_key\" must be the only entry point of its capability");
    }
    for (const char* property : {"algorithms", "key_types", "key_sizes"}) {
      if (const JsonMember* m = value.Find(property)) {
        Error({m->key_position, pointer + "/" + property},
              "\"" + std::string(property) + "\" does not apply to \"derive_key\"; use \"derived_types\" and "
              "\"derived_sizes\"");
      }
    }
    if (value.Find("derived_types") == nullptr) {
      Error(cap.origin, "a \"derive_key\" capability must have \"derived_types\"");
    }
    if (const JsonMember* m = value.Find("memory")) {
      if (ExpectKind(m->value, Kind::kBool, pointer + "/memory", "\"memory\"") && m->value.bool_value) {
        Error(At(m->value, pointer + "/memory"),
              "\"memory\": true is not supported by this core (it passes no memory object to \"derive_key\")");
      }
    }
    return true;
  }

  void LoadKeyTypes(const JsonValue& value, const std::string& pointer, Capability* cap, const char* property) {
    const JsonMember* m = value.Find(property);
    if (m == nullptr) return;
    std::string k_pointer = pointer + "/" + property;
    if (!ExpectKind(m->value, Kind::kArray, k_pointer, "\"key_types\"")) return;
    if (!CheckKeyRestrictionApplies(*cap, *m, k_pointer)) return;
    if (m->value.array.empty()) {
      Error(At(m->value, k_pointer), "\"" + std::string(property) + "\" must not be empty (omit it to mean all key types)");
    }
    std::vector<KeyTypeSpec> specs;
    std::set<std::string> seen;
    for (size_t i = 0; i < m->value.array.size(); ++i) {
      const JsonValue& k = m->value.array[i];
      std::string s_pointer = k_pointer + "/" + std::to_string(i);
      if (!ExpectKind(k, Kind::kString, s_pointer, "a key type specification")) continue;
      KeyTypeSpec spec;
      spec.text = k.string_value;
      spec.origin = At(k, s_pointer);
      SpecError error;
      if (!ParseKeyTypeSpec(spec.text, &spec.pattern, &error)) {
        Error(InString(k, s_pointer, error.offset), "invalid key type specification \"" + spec.text + "\": " +
                                                        error.message);
        continue;
      }
      if (!seen.insert(spec.text).second) {
        Error(spec.origin, "key type \"" + spec.text + "\" is listed twice");
        continue;
      }
      specs.push_back(std::move(spec));
    }
    cap->key_types = std::move(specs);
  }

  void LoadKeySizes(const JsonValue& value, const std::string& pointer, Capability* cap, const char* property) {
    const JsonMember* m = value.Find(property);
    if (m == nullptr) return;
    std::string k_pointer = pointer + "/" + property;
    if (!ExpectKind(m->value, Kind::kArray, k_pointer, "\"key_sizes\"")) return;
    if (!CheckKeyRestrictionApplies(*cap, *m, k_pointer)) return;
    if (m->value.array.empty()) {
      Error(At(m->value, k_pointer), "\"" + std::string(property) + "\" must not be empty (omit it to mean all key sizes)");
    }
    std::vector<uint32_t> sizes;
    for (size_t i = 0; i < m->value.array.size(); ++i) {
      const JsonValue& s = m->value.array[i];
      std::string s_pointer = k_pointer + "/" + std::to_string(i);
      if (!ExpectKind(s, Kind::kNumber, s_pointer, "a key size")) continue;
      if (!s.is_integer || s.integer_value <= 0 || s.integer_value > kMaxKeyBits) {
        Error(At(s, s_pointer), "a key size must be an integer number of bits from 1 to " +
                                    std::to_string(kMaxKeyBits) + ", got " + s.number_text);
        continue;
      }
      uint32_t bits = static_cast<uint32_t>(s.integer_value);
      if (std::find(sizes.begin(), sizes.end(), bits) != sizes.end()) {
        Error(At(s, s_pointer), "key size " + s.number_text + " is listed twice");
        continue;
      }
      sizes.push_back(bits);
    }
    cap->key_sizes = std::move(sizes);
  }

  void LoadNames(const JsonValue& value, const std::string& pointer, Capability* cap) {
    const JsonMember* m = value.Find("names");
    if (m == nullptr) return;
    std::string n_pointer = pointer + "/names";
    if (!ExpectKind(m->value, Kind::kObject, n_pointer, "\"names\"")) return;
    for (const JsonMember& n : m->value.object) {
      std::string e_pointer = n_pointer + "/" + JsonPointerEscape(n.key);
      bool known = cap->Has(n.key);
      for (const EntryPoint* ep : cap->entry_points) {
        if (ep->context_type != nullptr && n.key == ep->context_type) known = true;
      }
      if (!known) {
        Error({n.key_position, e_pointer}, "\"names\" maps \"" + n.key +
                                               "\", which is not an entry point or context type of this capability (" +
                                               EntryPointList(*cap) + ")");
        continue;
      }
      if (!ExpectKind(n.value, Kind::kString, e_pointer, "a name")) continue;
      if (!IsCIdentifier(n.value.string_value)) {
        Error(At(n.value, e_pointer), "the name of \"" + n.key + "\" must be a C identifier, got \"" +
                                          n.value.string_value + "\"");
        continue;
      }
      cap->names[n.key] = n.value.string_value;
      cap->name_origins[n.key] = At(n.value, e_pointer);
    }
  }

  // Two capabilities of one driver that may both apply to an entry point must
  // map it to the same function. Multi-part families must use one function
  // per entry point throughout the driver: an operation context does not
  // record which capability set it up.
  void CheckNameConflicts(const Driver& driver) {
    const auto& caps = driver.capabilities;
    for (size_t j = 0; j < caps.size(); ++j) {
      for (size_t i = 0; i < j; ++i) {
        std::set<std::string> reported_context_types;
        for (const EntryPoint* ep : caps[j].entry_points) {
          if (!caps[i].Has(ep->name)) continue;
          bool multipart = ep->context_type != nullptr;
          if (multipart && driver.ContextTypeName(caps[i], *ep) != driver.ContextTypeName(caps[j], *ep)) {
            if (!reported_context_types.insert(ep->context_type).second) continue;
            auto t = caps[j].name_origins.find(ep->context_type);
            Error(t != caps[j].name_origins.end() ? t->second : caps[j].origin,
                  "conflicting names: the context type \"" + std::string(ep->context_type) + "\" is \"" +
                      driver.ContextTypeName(caps[j], *ep) + "\" here but \"" +
                      driver.ContextTypeName(caps[i], *ep) + "\" in " + caps[i].origin.pointer +
                      " (a multi-part family needs one context type per driver)");
            continue;
          }
          std::string a = driver.FunctionName(caps[i], *ep);
          std::string b = driver.FunctionName(caps[j], *ep);
          if (a == b) continue;
          if (!multipart && !MayOverlap(caps[i], caps[j])) continue;
          auto it = caps[j].name_origins.find(ep->name);
          const Origin& where = it != caps[j].name_origins.end() ? it->second : caps[j].origin;
          Error(where, "conflicting names: entry point \"" + std::string(ep->name) + "\" is \"" + b +
                           "\" here but \"" + a + "\" in " + caps[i].origin.pointer +
                           (multipart ? " (the entry points of a multi-part family need one name per driver)"
                                      : ", and both capabilities can apply to the same mechanism"));
        }
      }
    }
  }

  static bool MayOverlap(const Capability& a, const Capability& b) {
    if (a.c_condition != b.c_condition) return false;  // may be mutually exclusive
    if (a.algorithms && b.algorithms) {
      bool any = false;
      for (const AlgorithmSpec& x : *a.algorithms) {
        for (const AlgorithmSpec& y : *b.algorithms) {
          if (((x.pattern.value ^ y.pattern.value) & x.pattern.mask & y.pattern.mask) == 0) any = true;
        }
      }
      if (!any) return false;
    }
    if (a.key_types && b.key_types) {
      bool any = false;
      for (const KeyTypeSpec& x : *a.key_types) {
        for (const KeyTypeSpec& y : *b.key_types) {
          if (((x.pattern.value ^ y.pattern.value) & x.pattern.mask & y.pattern.mask) == 0) any = true;
        }
      }
      if (!any) return false;
    }
    if (a.key_sizes && b.key_sizes) {
      bool any = false;
      for (uint32_t x : *a.key_sizes) {
        if (std::find(b.key_sizes->begin(), b.key_sizes->end(), x) != b.key_sizes->end()) any = true;
      }
      if (!any) return false;
    }
    return true;
  }

  const std::string& file_;
  Diagnostics* diagnostics_;
  int errors_ = 0;
};

}  // namespace

bool Capability::Has(std::string_view entry_point) const {
  for (const EntryPoint* ep : entry_points) {
    if (entry_point == ep->name) return true;
  }
  return false;
}

std::string Driver::FunctionName(const Capability& capability, const EntryPoint& entry_point) const {
  auto it = capability.names.find(entry_point.name);
  if (it != capability.names.end()) return it->second;
  return prefix + "_" + entry_point.name;
}

std::string Driver::ContextTypeName(const Capability& capability, const EntryPoint& entry_point) const {
  if (entry_point.context_type == nullptr) return "";
  auto it = capability.names.find(entry_point.context_type);
  if (it != capability.names.end()) return it->second;
  return prefix + "_" + entry_point.context_type;
}

void Diagnostics::Error(const std::string& file, const Origin& origin, const std::string& message) {
  messages_.push_back(file + ":" + std::to_string(origin.position.line) + ":" +
                      std::to_string(origin.position.column) + ": " +
                      (origin.pointer.empty() ? std::string("/") : origin.pointer) + ": " + message);
}

bool IsCIdentifier(std::string_view text) {
  if (text.empty()) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(text[0])) return false;
  for (char c : text) {
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

std::optional<Driver> LoadDriver(const std::string& file, const std::string& text, const std::string& name,
                                 Diagnostics* diagnostics) {
  Loader loader(file, diagnostics);
  return loader.Load(text, name);
}

void CheckDriverList(const std::vector<Driver>& drivers, Diagnostics* diagnostics) {
  std::map<std::string, const Driver*> by_name;
  std::map<uint64_t, const Driver*> by_location;
  std::map<std::string, const Driver*> by_location_expression;
  // C function -> (entry point, driver) of its first use.
  std::map<std::string, std::pair<const EntryPoint*, const Driver*>> functions;
  for (const Driver& d : drivers) {
    auto [it, inserted] = by_name.emplace(d.name, &d);
    if (!inserted) {
      diagnostics->Error(d.file, {{1, 1}, ""}, "driver name \"" + d.name + "\" is also used by " + it->second->file);
    }
    if (d.type == DriverType::kOpaque && d.location) {
      const Driver* other = nullptr;
      if (d.location->numeric) {
        auto [l, fresh] = by_location.emplace(*d.location->numeric, &d);
        if (!fresh) other = l->second;
      } else {
        auto [l, fresh] = by_location_expression.emplace(d.location->expression, &d);
        if (!fresh) other = l->second;
      }
      if (other != nullptr) {
        diagnostics->Error(d.file, d.location->origin,
                           "duplicate location: opaque drivers \"" + other->name + "\" (" + other->file + ") and \"" +
                               d.name + "\" both claim location " + d.location->expression);
      }
    }
    for (const Capability& cap : d.capabilities) {
      for (const EntryPoint* ep : cap.entry_points) {
        std::string fn = d.FunctionName(cap, *ep);
        auto [f, fresh] = functions.emplace(fn, std::make_pair(ep, &d));
        if (!fresh && f->second.first != ep) {
          auto n = cap.name_origins.find(ep->name);
          diagnostics->Error(d.file, n != cap.name_origins.end() ? n->second : cap.origin,
                             "function \"" + fn + "\" implements entry point \"" + ep->name + "\" here but \"" +
                                 f->second.first->name + "\" in driver \"" + f->second.second->name + "\" (" +
                                 f->second.second->file + ")");
        }
      }
    }
  }
}

}  // namespace psa::drivergen
