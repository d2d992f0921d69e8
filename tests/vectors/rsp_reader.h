// A reader for NIST CAVP response files (.rsp) and for the files written in
// their format (the RFC and OpenSSL vectors of the cryptography_vectors
// package: CTR, Camellia CBC/CFB/OFB, CMAC, HMAC, ChaCha20, ChaCha20-Poly1305).
//
// The format, line by line (surrounding white space and a CR are ignored):
//   # text                 a comment; it does not end a paragraph
//   (empty)                ends a paragraph
//   [ENCRYPT]              a section header: it names the section of the
//                          records that follow and clears the attributes
//   [Keylen = 128]         attribute headers, one or several separated by
//   [Alen = 0, Plen = 0]   commas; each sets or replaces an attribute
//   NAME = VALUE           a field ("NAME= VALUE" and "NAME =" too; the
//                          value may be empty)
//   FAIL                   a flag: a bare word, in a record only
// A paragraph is a record when it has the record field (COUNT by default,
// compared without case); any other paragraph gives context to the records
// after it: before the first header, to every record of the file (the
// "Plen = 24 / Nlen = 13" lines of the CCM files); after a header, to the
// records up to the next header (the "Key = / Nonce =" paragraph of a CCM
// group). A header also ends a paragraph.

#ifndef TESTS_VECTORS_RSP_READER_H_
#define TESTS_VECTORS_RSP_READER_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tests::vectors {

// One record with what it inherits. Names are compared without case
// ("KEY" finds "Key").
class RspRecord {
 public:
  using Field = std::pair<std::string, std::string>;  // name, value

  // The value of `name`: the record's own field, else the nearest context
  // (the group's paragraph, then the attributes, then the file's paragraph);
  // nullptr if none has it.
  const std::string* Find(std::string_view name) const;
  bool Has(std::string_view name) const { return Find(name) != nullptr; }

  // Whether the record has the bare flag `flag` (e.g. "FAIL").
  bool HasFlag(std::string_view flag) const;

  // The value of `name` as bytes: hex digits in either case (empty for an
  // empty value), or a "double-quoted" text taken byte for byte. On failure
  // (missing, malformed) returns false with *error naming the line and the
  // field, and leaves *bytes empty.
  bool Bytes(std::string_view name, std::vector<uint8_t>* bytes,
             std::string* error) const;

  // The value of `name` as a decimal number below 2^32. On failure returns
  // false with *error set.
  bool Number(std::string_view name, uint64_t* value,
              std::string* error) const;

  // "line 12 (COUNT = 3)": where the record is, for messages.
  std::string Where() const;

  size_t line = 0;      // line of the record's first field, from 1
  std::string section;  // the last section header ("ENCRYPT"), or ""
  std::vector<Field> fields;     // the record's own, in file order
  std::vector<Field> inherited;  // context, nearest first
  std::vector<std::string> flags;
};

struct RspOptions {
  // The field that makes a paragraph a record, compared without case.
  std::string record_field = "COUNT";
};

// Parses the text of a response file. On failure returns false with *error
// naming the line and the problem (a header without "]", a field name that
// is not letters, digits and '_', a field given twice in one paragraph, a
// flag outside a record, no record at all), and leaves *records empty.
bool ParseRsp(std::string_view text, const RspOptions& options,
              std::vector<RspRecord>* records, std::string* error);

// Reads the file at `path` and parses it as ParseRsp; *error starts with the
// path.
bool LoadRsp(const std::string& path, const RspOptions& options,
             std::vector<RspRecord>* records, std::string* error);

}  // namespace tests::vectors

#endif  // TESTS_VECTORS_RSP_READER_H_
