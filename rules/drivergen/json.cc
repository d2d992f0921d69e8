#include "rules/drivergen/json.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace psa::drivergen {
namespace {

class Parser {
 public:
  Parser(std::string_view text, JsonError* error) : text_(text), error_(error) {}

  bool ParseDocument(JsonValue* out) {
    if (text_.size() >= 3 && std::memcmp(text_.data(), "\xEF\xBB\xBF", 3) == 0) {
      Advance(3);  // tolerate a UTF-8 byte order mark
    }
    SkipWhitespace();
    if (!ParseValue(out, 0)) return false;
    SkipWhitespace();
    if (pos_ != text_.size()) return Fail("unexpected characters after the JSON document");
    return true;
  }

 private:
  bool Fail(const std::string& message) { return FailAt(Position(), message); }
  bool FailAt(SourcePosition where, const std::string& message) {
    error_->position = where;
    error_->message = message;
    return false;
  }

  SourcePosition Position() const { return {line_, column_}; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }

  void Advance(size_t n = 1) {
    for (size_t i = 0; i < n && pos_ < text_.size(); ++i, ++pos_) {
      if (text_[pos_] == '\n') {
        ++line_;
        column_ = 1;
      } else {
        ++column_;
      }
    }
  }

  void SkipWhitespace() {
    while (!AtEnd()) {
      char c = Peek();
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      Advance();
    }
  }

  static std::string Describe(char c) {
    if (c >= 0x20 && c < 0x7f) return std::string("'") + c + "'";
    char buf[16];
    std::snprintf(buf, sizeof(buf), "byte 0x%02x", static_cast<unsigned char>(c));
    return buf;
  }

  bool ParseValue(JsonValue* out, int depth) {
    if (depth > kMaxJsonDepth) return Fail("JSON nesting is deeper than 64 levels");
    if (AtEnd()) return Fail("unexpected end of input, expected a value");
    out->position = Position();
    char c = Peek();
    switch (c) {
      case '{':
        return ParseObject(out, depth);
      case '[':
        return ParseArray(out, depth);
      case '"':
        out->kind = JsonValue::Kind::kString;
        return ParseString(&out->string_value);
      case 't':
        return ParseLiteral("true", out, JsonValue::Kind::kBool, true);
      case 'f':
        return ParseLiteral("false", out, JsonValue::Kind::kBool, false);
      case 'n':
        return ParseLiteral("null", out, JsonValue::Kind::kNull, false);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber(out);
        return Fail("unexpected " + Describe(c) + ", expected a value");
    }
  }

  bool ParseLiteral(std::string_view word, JsonValue* out, JsonValue::Kind kind, bool value) {
    if (text_.substr(pos_, word.size()) != word) {
      return Fail("invalid literal, expected '" + std::string(word) + "'");
    }
    Advance(word.size());
    out->kind = kind;
    out->bool_value = value;
    return true;
  }

  bool ParseNumber(JsonValue* out) {
    size_t start = pos_;
    bool integer = true;
    if (Peek() == '-') Advance();
    if (AtEnd() || !isdigit(static_cast<unsigned char>(Peek()))) {
      return Fail("invalid number: expected a digit");
    }
    if (Peek() == '0') {
      Advance();
      if (!AtEnd() && isdigit(static_cast<unsigned char>(Peek()))) {
        return Fail("invalid number: leading zeros are not allowed");
      }
    } else {
      while (!AtEnd() && isdigit(static_cast<unsigned char>(Peek()))) Advance();
    }
    if (!AtEnd() && Peek() == '.') {
      integer = false;
      Advance();
      if (AtEnd() || !isdigit(static_cast<unsigned char>(Peek()))) {
        return Fail("invalid number: expected a digit after '.'");
      }
      while (!AtEnd() && isdigit(static_cast<unsigned char>(Peek()))) Advance();
    }
    if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
      integer = false;
      Advance();
      if (!AtEnd() && (Peek() == '+' || Peek() == '-')) Advance();
      if (AtEnd() || !isdigit(static_cast<unsigned char>(Peek()))) {
        return Fail("invalid number: expected a digit in the exponent");
      }
      while (!AtEnd() && isdigit(static_cast<unsigned char>(Peek()))) Advance();
    }
    out->kind = JsonValue::Kind::kNumber;
    out->number_text = std::string(text_.substr(start, pos_ - start));
    if (integer) {
      errno = 0;
      char* end = nullptr;
      long long v = std::strtoll(out->number_text.c_str(), &end, 10);
      if (errno == 0 && end && *end == '\0') {
        out->is_integer = true;
        out->integer_value = v;
      }
    }
    return true;
  }

  static void AppendUtf8(uint32_t cp, std::string* s) {
    if (cp < 0x80) {
      s->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      s->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      s->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      s->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  bool ParseHex4(uint32_t* out) {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      if (AtEnd()) return Fail("unterminated \\u escape");
      char c = Peek();
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return Fail("invalid \\u escape: expected 4 hexadecimal digits");
      Advance();
    }
    *out = v;
    return true;
  }

  // Validates one UTF-8 sequence starting at the current byte and copies it.
  bool CopyUtf8(std::string* out) {
    unsigned char c = static_cast<unsigned char>(Peek());
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || pos_ + len > text_.size()) return Fail("invalid UTF-8 in string");
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t i = 1; i < len; ++i) {
      unsigned char cc = static_cast<unsigned char>(text_[pos_ + i]);
      if ((cc >> 6) != 0x2) return Fail("invalid UTF-8 in string");
      cp = (cp << 6) | (cc & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return Fail("invalid UTF-8 in string");
    }
    out->append(text_.substr(pos_, len));
    Advance(len);
    return true;
  }

  bool ParseString(std::string* out) {
    SourcePosition start = Position();
    Advance();  // opening quote
    out->clear();
    while (true) {
      if (AtEnd()) return FailAt(start, "unterminated string");
      char c = Peek();
      if (c == '"') {
        Advance();
        return true;
      }
      if (c == '\n') return FailAt(start, "unterminated string (a string cannot span lines)");
      if (static_cast<unsigned char>(c) < 0x20) {
        return Fail("control character in string (escape it)");
      }
      if (c != '\\') {
        if (!CopyUtf8(out)) return false;
        continue;
      }
      Advance();
      if (AtEnd()) return FailAt(start, "unterminated string");
      char e = Peek();
      Advance();
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp;
          if (!ParseHex4(&cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail("unpaired low surrogate in \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (text_.substr(pos_, 2) != "\\u") return Fail("unpaired high surrogate in \\u escape");
            Advance(2);
            if (!ParseHex4(&low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return Fail("unpaired high surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          return Fail("invalid escape sequence \\" + std::string(1, e));
      }
    }
  }

  bool ParseArray(JsonValue* out, int depth) {
    out->kind = JsonValue::Kind::kArray;
    Advance();  // [
    SkipWhitespace();
    if (!AtEnd() && Peek() == ']') {
      Advance();
      return true;
    }
    while (true) {
      JsonValue element;
      SkipWhitespace();
      if (!ParseValue(&element, depth + 1)) return false;
      out->array.push_back(std::move(element));
      SkipWhitespace();
      if (AtEnd()) return Fail("unterminated array, expected ',' or ']'");
      if (Peek() == ',') {
        Advance();
        SkipWhitespace();
        if (!AtEnd() && Peek() == ']') return Fail("trailing comma before ']'");
        continue;
      }
      if (Peek() == ']') {
        Advance();
        return true;
      }
      return Fail("unexpected " + Describe(Peek()) + " in array, expected ',' or ']'");
    }
  }

  bool ParseObject(JsonValue* out, int depth) {
    out->kind = JsonValue::Kind::kObject;
    Advance();  // {
    SkipWhitespace();
    if (!AtEnd() && Peek() == '}') {
      Advance();
      return true;
    }
    while (true) {
      SkipWhitespace();
      if (AtEnd()) return Fail("unterminated object, expected a property name");
      if (Peek() != '"') {
        return Fail("unexpected " + Describe(Peek()) + ", expected a property name in double quotes");
      }
      JsonMember member;
      member.key_position = Position();
      if (!ParseString(&member.key)) return false;
      if (out->Find(member.key) != nullptr) {
        return FailAt(member.key_position, "duplicate property \"" + member.key + "\"");
      }
      SkipWhitespace();
      if (AtEnd() || Peek() != ':') return Fail("expected ':' after property name");
      Advance();
      SkipWhitespace();
      if (!ParseValue(&member.value, depth + 1)) return false;
      out->object.push_back(std::move(member));
      SkipWhitespace();
      if (AtEnd()) return Fail("unterminated object, expected ',' or '}'");
      if (Peek() == ',') {
        Advance();
        SkipWhitespace();
        if (!AtEnd() && Peek() == '}') return Fail("trailing comma before '}'");
        continue;
      }
      if (Peek() == '}') {
        Advance();
        return true;
      }
      return Fail("unexpected " + Describe(Peek()) + " in object, expected ',' or '}'");
    }
  }

  std::string_view text_;
  JsonError* error_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

const JsonMember* JsonValue::Find(std::string_view key) const {
  for (const JsonMember& m : object) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

const char* JsonKindName(JsonValue::Kind kind) {
  switch (kind) {
    case JsonValue::Kind::kNull: return "null";
    case JsonValue::Kind::kBool: return "a boolean";
    case JsonValue::Kind::kNumber: return "a number";
    case JsonValue::Kind::kString: return "a string";
    case JsonValue::Kind::kArray: return "an array";
    case JsonValue::Kind::kObject: return "an object";
  }
  return "unknown";
}

bool ParseJson(std::string_view text, JsonValue* out, JsonError* error) {
  *out = JsonValue();
  Parser parser(text, error);
  return parser.ParseDocument(out);
}

std::string JsonPointerEscape(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

}  // namespace psa::drivergen
