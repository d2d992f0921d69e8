#include "tests/vectors/ntt_kat_reader.h"

#include <ctype.h>

#include "tests/vectors/hex.h"
#include "tests/vectors/test_files.h"

namespace tests::vectors {
namespace {

std::string_view Trim(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

// One "X No.nnn : hh hh ..." line.
struct NttLine {
  char kind = 0;       // 'K', 'P' or 'C'
  std::string number;  // "001"
  std::vector<uint8_t> bytes;
};

bool ParseLine(std::string_view line, NttLine* parsed) {
  if (line.size() < 5 || line.substr(1, 4) != " No.") return false;
  parsed->kind = line[0];
  if (parsed->kind != 'K' && parsed->kind != 'P' && parsed->kind != 'C') return false;
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  parsed->number = std::string(Trim(line.substr(5, colon - 5)));
  if (parsed->number.empty()) return false;
  for (char c : parsed->number) {
    if (!isdigit(static_cast<unsigned char>(c))) return false;
  }
  std::string hex;
  const std::string_view rest = Trim(line.substr(colon + 1));
  // Two-digit groups separated by single spaces.
  for (size_t i = 0; i < rest.size(); i += 3) {
    if (i + 2 > rest.size() || (i + 2 < rest.size() && rest[i + 2] != ' ')) return false;
    hex.append(rest.substr(i, 2));
  }
  return !hex.empty() && DecodeHex(hex, &parsed->bytes);
}

}  // namespace

bool ParseNttKat(std::string_view text, std::vector<NttKatVector>* vectors,
                 std::string* error) {
  vectors->clear();
  std::vector<NttKatVector> parsed;
  std::vector<uint8_t> key;
  bool have_key = false;
  NttKatVector pending;  // a P waiting for its C
  std::string pending_number;
  bool have_pending = false;
  size_t number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    const std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const std::string at = "line " + std::to_string(number) + ": ";
    NttLine entry;
    if (!ParseLine(line, &entry)) {
      *error = at + "\"" + std::string(line) +
               "\" is not \"K|P|C No.<n> : <hex bytes separated by spaces>\"";
      return false;
    }
    if (entry.kind == 'K') {
      if (have_pending) {
        *error = at + "key before the C of P No." + pending_number;
        return false;
      }
      key = std::move(entry.bytes);
      have_key = true;
    } else if (entry.kind == 'P') {
      if (!have_key) {
        *error = at + "P No." + entry.number + " before any key";
        return false;
      }
      if (have_pending) {
        *error = at + "P No." + entry.number + " before the C of P No." + pending_number;
        return false;
      }
      pending = NttKatVector();
      pending.line = number;
      pending.key = key;
      pending.plaintext = std::move(entry.bytes);
      pending_number = entry.number;
      have_pending = true;
    } else {
      if (!have_pending || entry.number != pending_number) {
        *error = at + "C No." + entry.number + " does not follow P No." + entry.number;
        return false;
      }
      if (entry.bytes.size() != pending.plaintext.size()) {
        *error = at + "C No." + entry.number + " has " + std::to_string(entry.bytes.size()) +
                 " bytes, its P " + std::to_string(pending.plaintext.size());
        return false;
      }
      pending.ciphertext = std::move(entry.bytes);
      parsed.push_back(std::move(pending));
      have_pending = false;
    }
  }
  if (have_pending) {
    *error = "P No." + pending_number + " has no C";
    return false;
  }
  if (parsed.empty()) {
    *error = "no P/C pair";
    return false;
  }
  *vectors = std::move(parsed);
  return true;
}

bool LoadNttKat(const std::string& path, std::vector<NttKatVector>* vectors,
                std::string* error) {
  vectors->clear();
  std::string text;
  if (!ReadWholeFile(path, &text, error)) return false;
  if (!ParseNttKat(text, vectors, error)) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

}  // namespace tests::vectors
