#include "tests/vectors/rsp_reader.h"

#include <ctype.h>

#include "tests/vectors/hex.h"
#include "tests/vectors/test_files.h"

namespace tests::vectors {
namespace {

using Field = RspRecord::Field;

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (tolower(static_cast<unsigned char>(a[i])) !=
        tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

bool IsName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

const std::string* FindIn(const std::vector<Field>& fields,
                          std::string_view name) {
  for (const Field& field : fields) {
    if (EqualsIgnoringCase(field.first, name)) return &field.second;
  }
  return nullptr;
}

// Sets `name` to `value` in `fields`, replacing an entry of the same name.
void Put(std::vector<Field>* fields, const Field& field) {
  for (Field& existing : *fields) {
    if (EqualsIgnoringCase(existing.first, field.first)) {
      existing.second = field.second;
      return;
    }
  }
  fields->push_back(field);
}

// "line N: " prefix.
std::string AtLine(size_t line) { return "line " + std::to_string(line) + ": "; }

// Splits "NAME = VALUE" (or "NAME= VALUE", "NAME =") at the first '='.
bool SplitField(std::string_view line, Field* field) {
  const size_t equals = line.find('=');
  if (equals == std::string_view::npos) return false;
  field->first = std::string(Trim(line.substr(0, equals)));
  field->second = std::string(Trim(line.substr(equals + 1)));
  return true;
}

// The paragraph being read.
struct Paragraph {
  size_t first_line = 0;
  std::vector<Field> fields;
  std::vector<std::string> flags;
  size_t first_flag_line = 0;
  bool empty() const { return fields.empty() && flags.empty(); }
};

class Parser {
 public:
  Parser(const RspOptions& options, std::vector<RspRecord>* records)
      : options_(options), records_(records) {}

  bool Line(size_t number, std::string_view raw, std::string* error) {
    const std::string_view line = Trim(raw);
    if (line.empty()) return EndParagraph(error);
    if (line[0] == '#') return true;
    if (line[0] == '[') return Header(number, line, error);
    Field field;
    if (SplitField(line, &field)) {
      if (!IsName(field.first)) {
        *error = AtLine(number) + "field name \"" + field.first +
                 "\" is not letters, digits and '_'";
        return false;
      }
      if (FindIn(paragraph_.fields, field.first) != nullptr) {
        *error = AtLine(number) + "field \"" + field.first +
                 "\" given twice in one paragraph";
        return false;
      }
      if (paragraph_.empty()) paragraph_.first_line = number;
      paragraph_.fields.push_back(std::move(field));
      return true;
    }
    if (!IsName(line)) {
      *error = AtLine(number) + "\"" + std::string(line) +
               "\" is not a comment, header, field or flag";
      return false;
    }
    if (paragraph_.empty()) paragraph_.first_line = number;
    if (paragraph_.flags.empty()) paragraph_.first_flag_line = number;
    paragraph_.flags.emplace_back(line);
    return true;
  }

  bool EndParagraph(std::string* error) {
    if (paragraph_.empty()) return true;
    Paragraph paragraph = std::move(paragraph_);
    paragraph_ = Paragraph();
    if (FindIn(paragraph.fields, options_.record_field) != nullptr) {
      RspRecord record;
      record.line = paragraph.first_line;
      record.section = section_;
      record.fields = std::move(paragraph.fields);
      record.flags = std::move(paragraph.flags);
      // Nearest first; a name the nearer level has is not repeated.
      for (const std::vector<Field>* level :
           {&group_context_, &attributes_, &file_context_}) {
        for (const Field& field : *level) {
          if (FindIn(record.inherited, field.first) == nullptr) {
            record.inherited.push_back(field);
          }
        }
      }
      records_->push_back(std::move(record));
      return true;
    }
    if (!paragraph.flags.empty()) {
      *error = AtLine(paragraph.first_flag_line) + "flag \"" +
               paragraph.flags.front() + "\" outside a record (no " +
               options_.record_field + " field in its paragraph)";
      return false;
    }
    std::vector<Field>* context = seen_header_ ? &group_context_ : &file_context_;
    for (const Field& field : paragraph.fields) Put(context, field);
    return true;
  }

  bool Finish(std::string* error) {
    if (!EndParagraph(error)) return false;
    if (records_->empty()) {
      *error = "no record (no paragraph with a " + options_.record_field +
               " field)";
      return false;
    }
    return true;
  }

 private:
  bool Header(size_t number, std::string_view line, std::string* error) {
    if (!EndParagraph(error)) return false;
    if (line.back() != ']') {
      *error = AtLine(number) + "header \"" + std::string(line) +
               "\" does not end with ']'";
      return false;
    }
    const std::string_view inside = Trim(line.substr(1, line.size() - 2));
    seen_header_ = true;
    group_context_.clear();
    if (inside.find('=') == std::string_view::npos) {
      if (!IsName(inside)) {
        *error = AtLine(number) + "section name \"" + std::string(inside) +
                 "\" is not letters, digits and '_'";
        return false;
      }
      section_ = std::string(inside);
      attributes_.clear();
      return true;
    }
    size_t start = 0;
    while (start <= inside.size()) {
      size_t comma = inside.find(',', start);
      if (comma == std::string_view::npos) comma = inside.size();
      Field field;
      if (!SplitField(inside.substr(start, comma - start), &field) ||
          !IsName(field.first)) {
        *error = AtLine(number) + "header \"" + std::string(line) +
                 "\" is not [NAME = VALUE, ...]";
        return false;
      }
      Put(&attributes_, field);
      start = comma + 1;
    }
    return true;
  }

  const RspOptions& options_;
  std::vector<RspRecord>* records_;
  Paragraph paragraph_;
  std::string section_;
  bool seen_header_ = false;
  std::vector<Field> file_context_;
  std::vector<Field> attributes_;
  std::vector<Field> group_context_;
};

}  // namespace

const std::string* RspRecord::Find(std::string_view name) const {
  if (const std::string* own = FindIn(fields, name)) return own;
  return FindIn(inherited, name);
}

bool RspRecord::HasFlag(std::string_view flag) const {
  for (const std::string& candidate : flags) {
    if (EqualsIgnoringCase(candidate, flag)) return true;
  }
  return false;
}

std::string RspRecord::Where() const {
  std::string where = "line " + std::to_string(line);
  if (!fields.empty()) {
    where += " (" + fields.front().first + " = " + fields.front().second + ")";
  }
  return where;
}

bool RspRecord::Bytes(std::string_view name, std::vector<uint8_t>* bytes,
                      std::string* error) const {
  bytes->clear();
  const std::string* value = Find(name);
  if (value == nullptr) {
    *error = Where() + ": no field " + std::string(name);
    return false;
  }
  if (value->size() >= 2 && value->front() == '"' && value->back() == '"') {
    bytes->assign(value->begin() + 1, value->end() - 1);
    return true;
  }
  if (!DecodeHex(*value, bytes)) {
    *error = Where() + ": " + std::string(name) + " = \"" + *value +
             "\" is neither hex digit pairs nor a \"quoted\" text";
    return false;
  }
  return true;
}

bool RspRecord::Number(std::string_view name, uint64_t* value,
                       std::string* error) const {
  const std::string* text = Find(name);
  if (text == nullptr) {
    *error = Where() + ": no field " + std::string(name);
    return false;
  }
  uint64_t number = 0;
  bool ok = !text->empty() && text->size() <= 10;
  for (char c : *text) {
    if (c < '0' || c > '9') ok = false;
    number = number * 10 + static_cast<uint64_t>(c - '0');
  }
  if (!ok || number >= (uint64_t{1} << 32)) {
    *error = Where() + ": " + std::string(name) + " = \"" + *text +
             "\" is not a decimal number below 2^32";
    return false;
  }
  *value = number;
  return true;
}

bool ParseRsp(std::string_view text, const RspOptions& options,
              std::vector<RspRecord>* records, std::string* error) {
  records->clear();
  std::vector<RspRecord> parsed;
  Parser parser(options, &parsed);
  size_t number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    if (!parser.Line(number, text.substr(start, end - start), error)) return false;
    start = end + 1;
  }
  if (!parser.Finish(error)) return false;
  *records = std::move(parsed);
  return true;
}

bool LoadRsp(const std::string& path, const RspOptions& options,
             std::vector<RspRecord>* records, std::string* error) {
  records->clear();
  std::string text;
  if (!ReadWholeFile(path, &text, error)) return false;
  if (!ParseRsp(text, options, records, error)) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

}  // namespace tests::vectors
