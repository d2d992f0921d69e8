// Fuzzes the driver-description loader of rules/drivergen (JSON parser and
// validator): any input gives either a model or at least one error of the
// form "file:line:column: /json/pointer: message" whose position lies inside
// the input; a loaded model also passes the cross-driver checks (alone and
// twice in one build: then it must be refused, two drivers of one name) and
// the emitters. libFuzzer's -timeout and -rss_limit_mb catch hangs and
// unbounded memory.

#include <stddef.h>
#include <stdint.h>

#include <optional>
#include <string>
#include <vector>

#include "rules/drivergen/description.h"
#include "rules/drivergen/emit.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using psa::drivergen::Diagnostics;
using psa::drivergen::Driver;

constexpr char kFile[] = "fuzz/acme.json";

// Reads the decimal number at text[*at..) up to `end_char`, or -1.
long ReadNumber(const std::string& text, size_t* at, char end_char) {
  long value = 0;
  size_t digits = 0;
  while (*at < text.size() && text[*at] >= '0' && text[*at] <= '9' && digits < 9) {
    value = value * 10 + (text[*at] - '0');
    ++*at;
    ++digits;
  }
  if (digits == 0 || *at >= text.size() || text[*at] != end_char) return -1;
  ++*at;
  return value;
}

// Checks one message's shape, "fuzz/acme.json:L:C: /pointer: message", and
// that its line and column lie in `text`.
void CheckMessage(const std::string& message, const std::string& text) {
  const std::string prefix = std::string(kFile) + ":";
  FUZZ_CHECK(message.compare(0, prefix.size(), prefix) == 0, "no file name: %s", message.c_str());
  size_t at = prefix.size();
  const long line = ReadNumber(message, &at, ':');
  const long column = ReadNumber(message, &at, ':');
  FUZZ_CHECK(line > 0 && column > 0, "no line:column: %s", message.c_str());
  FUZZ_CHECK(message.compare(at, 2, " /") == 0, "no JSON pointer: %s", message.c_str());
  FUZZ_CHECK(message.find(": ", at + 2) != std::string::npos, "no message after the pointer: %s",
             message.c_str());
  long lines = 1;
  for (char c : text) lines += (c == '\n');
  FUZZ_CHECK(line <= lines, "line %ld outside 1..%ld: %s", line, lines, message.c_str());
  FUZZ_CHECK(static_cast<size_t>(column) <= text.size() + 1, "column %ld past the input: %s", column,
             message.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;  // descriptions are small; longer inputs only slow the search
  const std::string text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  std::optional<Driver> driver = psa::drivergen::LoadDriver(kFile, text, "acme", &diagnostics);
  FUZZ_CHECK(driver.has_value() != diagnostics.has_errors(), "a model and errors, or neither (%zu errors)",
             diagnostics.messages().size());
  for (const std::string& message : diagnostics.messages()) CheckMessage(message, text);
  if (!driver) return 0;

  Diagnostics alone;
  psa::drivergen::CheckDriverList({*driver}, &alone);
  for (const std::string& message : alone.messages()) CheckMessage(message, text);
  Diagnostics twice;
  psa::drivergen::CheckDriverList({*driver, *driver}, &twice);
  FUZZ_CHECK(twice.has_errors(), "two drivers named \"acme\" in one build were accepted");
  for (const std::string& message : twice.messages()) CheckMessage(message, text);

  const std::string header = psa::drivergen::EmitDriverHeader(*driver, "FUZZ_ACME_H_");
  const std::string check = psa::drivergen::EmitDriverCheck(*driver, "fuzz/acme_glue.h", true);
  if (!alone.has_errors()) {
    const std::vector<psa::drivergen::SelectedDriver> selection = {{*driver, "fuzz/acme_glue.h"}};
    const std::string dispatch = psa::drivergen::EmitDispatch(selection);
    const std::string table = psa::drivergen::EmitDispatchTable(selection);
    FUZZ_CHECK(!dispatch.empty() && !table.empty(), "empty dispatch output");
  }
  return 0;
}
