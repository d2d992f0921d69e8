#include "rules/drivergen/json.h"

#include <gtest/gtest.h>

#include <string>

namespace psa::drivergen {
namespace {

JsonValue Parse(const std::string& text) {
  JsonValue value;
  JsonError error;
  EXPECT_TRUE(ParseJson(text, &value, &error)) << error.message;
  return value;
}

JsonError ParseError(const std::string& text) {
  JsonValue value;
  JsonError error;
  EXPECT_FALSE(ParseJson(text, &value, &error)) << text;
  return error;
}

TEST(Json, ParsesNestedDocumentWithPositions) {
  JsonValue v = Parse("{\n  \"a\": [1, true, null],\n  \"b\": {\"c\": \"x\"}\n}");
  ASSERT_EQ(v.kind, JsonValue::Kind::kObject);
  ASSERT_EQ(v.object.size(), 2u);
  const JsonMember* a = v.Find("a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->key_position.line, 2);
  EXPECT_EQ(a->key_position.column, 3);
  ASSERT_EQ(a->value.array.size(), 3u);
  EXPECT_EQ(a->value.array[0].position.column, 9);
  EXPECT_TRUE(a->value.array[0].is_integer);
  EXPECT_EQ(a->value.array[0].integer_value, 1);
  EXPECT_EQ(a->value.array[1].kind, JsonValue::Kind::kBool);
  EXPECT_EQ(a->value.array[2].kind, JsonValue::Kind::kNull);
  const JsonMember* b = v.Find("b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->value.position.line, 3);
  EXPECT_EQ(b->value.Find("c")->value.string_value, "x");
}

TEST(Json, KeepsMemberOrder) {
  JsonValue v = Parse(R"({"z": 1, "a": 2, "m": 3})");
  ASSERT_EQ(v.object.size(), 3u);
  EXPECT_EQ(v.object[0].key, "z");
  EXPECT_EQ(v.object[1].key, "a");
  EXPECT_EQ(v.object[2].key, "m");
}

TEST(Json, DecodesEscapesAndUnicode) {
  JsonValue v = Parse(R"(["a\"b\\c\/\n\t", "\u00e9\u20ac", "\ud83d\ude00"])");
  EXPECT_EQ(v.array[0].string_value, "a\"b\\c/\n\t");
  EXPECT_EQ(v.array[1].string_value, "\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(v.array[2].string_value, "\xF0\x9F\x98\x80");
}

TEST(Json, NumbersKeepTheirText) {
  JsonValue v = Parse("[0, -12, 3.5, 1e3, 99999999999999999999]");
  EXPECT_TRUE(v.array[0].is_integer);
  EXPECT_EQ(v.array[1].integer_value, -12);
  EXPECT_FALSE(v.array[2].is_integer);
  EXPECT_EQ(v.array[2].number_text, "3.5");
  EXPECT_FALSE(v.array[3].is_integer);
  EXPECT_FALSE(v.array[4].is_integer);  // does not fit in int64
}

struct BadCase {
  const char* text;
  int line;
  int column;
  const char* message;
};

TEST(Json, RejectsInvalidDocumentsAtTheRightPlace) {
  const BadCase cases[] = {
      {"", 1, 1, "unexpected end of input, expected a value"},
      {"{\"a\": 1,}", 1, 9, "trailing comma before '}'"},
      {"[1, 2,]", 1, 7, "trailing comma before ']'"},
      {"{\"a\": 1, \"a\": 2}", 1, 10, "duplicate property \"a\""},
      {"{\n  \"a\" 1}", 2, 7, "expected ':' after property name"},
      {"{'a': 1}", 1, 2, "unexpected ''', expected a property name in double quotes"},
      {"[01]", 1, 3, "invalid number: leading zeros are not allowed"},
      {"[tru]", 1, 2, "invalid literal, expected 'true'"},
      {"\"abc", 1, 1, "unterminated string"},
      {"\"a\x01\"", 1, 3, "control character in string (escape it)"},
      {"\"\\x\"", 1, 4, "invalid escape sequence \\x"},
      {"\"\\ud800\"", 1, 8, "unpaired high surrogate in \\u escape"},
      {"\"\xff\"", 1, 2, "invalid UTF-8 in string"},
      {"{} {}", 1, 4, "unexpected characters after the JSON document"},
      {"[1 2]", 1, 4, "unexpected '2' in array, expected ',' or ']'"},
      {"// comment\n{}", 1, 1, "unexpected '/', expected a value"},
  };
  for (const BadCase& c : cases) {
    JsonError e = ParseError(c.text);
    EXPECT_EQ(e.message, c.message) << c.text;
    EXPECT_EQ(e.position.line, c.line) << c.text;
    EXPECT_EQ(e.position.column, c.column) << c.text;
  }
}

TEST(Json, LimitsNesting) {
  std::string deep(kMaxJsonDepth + 2, '[');
  deep += std::string(kMaxJsonDepth + 2, ']');
  EXPECT_EQ(ParseError(deep).message, "JSON nesting is deeper than 64 levels");
  std::string ok(kMaxJsonDepth, '[');
  ok += std::string(kMaxJsonDepth, ']');
  Parse(ok);
}

TEST(Json, EscapesPointerTokens) {
  EXPECT_EQ(JsonPointerEscape("mbedtls/c_condition"), "mbedtls~1c_condition");
  EXPECT_EQ(JsonPointerEscape("a~b"), "a~0b");
}

}  // namespace
}  // namespace psa::drivergen
