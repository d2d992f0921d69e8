// A strict JSON (RFC 8259) parser that keeps the source position of every
// value and object key, so that the generator can report errors as
// file:line:column. Duplicate object keys are rejected.

#ifndef RULES_DRIVERGEN_JSON_H_
#define RULES_DRIVERGEN_JSON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace psa::drivergen {

// 1-based line and column (columns count bytes).
struct SourcePosition {
  int line = 1;
  int column = 1;
};

struct JsonMember;

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

  Kind kind = Kind::kNull;
  SourcePosition position;

  bool bool_value = false;
  // Numbers: the literal as written; `is_integer` when it has no fraction or
  // exponent and fits in int64 (then `integer_value` holds it).
  std::string number_text;
  bool is_integer = false;
  int64_t integer_value = 0;
  std::string string_value;  // decoded UTF-8
  std::vector<JsonValue> array;
  std::vector<JsonMember> object;  // in source order

  // The member named `key`, or nullptr.
  const JsonMember* Find(std::string_view key) const;
};

struct JsonMember {
  std::string key;
  SourcePosition key_position;
  JsonValue value;
};

// Name of a kind for messages, with its article: "a string", "an array"...
const char* JsonKindName(JsonValue::Kind kind);

struct JsonError {
  SourcePosition position;
  std::string message;
};

// Parses a whole document. Returns true on success. Nesting is limited to
// kMaxJsonDepth levels.
inline constexpr int kMaxJsonDepth = 64;
bool ParseJson(std::string_view text, JsonValue* out, JsonError* error);

// Escapes a JSON Pointer reference token (RFC 6901): '~' -> "~0", '/' -> "~1".
std::string JsonPointerEscape(std::string_view token);

}  // namespace psa::drivergen

#endif  // RULES_DRIVERGEN_JSON_H_
