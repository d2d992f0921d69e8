// Strict DER (ITU-T X.690) reading and writing of the two ASN.1 types the
// RSA key formats use: SEQUENCE and non-negative INTEGER. Private to
// drivers/builtin.
//
// Strict means the single encoding DER allows: definite lengths in the
// fewest bytes, INTEGERs without redundant leading bytes. Anything else is
// rejected, so that a key that parses has exactly one byte representation.

#ifndef DRIVERS_BUILTIN_DER_H_
#define DRIVERS_BUILTIN_DER_H_

#include <stddef.h>
#include <stdint.h>

#include "absl/types/span.h"

namespace drivers::builtin::der {

// Universal tags, constructed bit included.
inline constexpr uint8_t kTagInteger = 0x02;
inline constexpr uint8_t kTagSequence = 0x30;

// Largest content length this reader and writer handle (4 length bytes).
inline constexpr size_t kMaxContentLength = 0xFFFFFFFFu;

// Reads DER elements one after the other from a byte string it does not own.
// A failed read leaves the reader where it was.
class Reader {
 public:
  explicit Reader(absl::Span<const uint8_t> input) : rest_(input) {}

  // Reads one element with tag `tag` and sets *contents to its content
  // octets. False if the next element has another tag, an indefinite or
  // non-minimal length, or a length past the end of the input.
  bool ReadElement(uint8_t tag, absl::Span<const uint8_t>* contents);

  // Reads an INTEGER that must be non-negative and sets *magnitude to its
  // big-endian value without leading zero bytes (empty for 0). False if the
  // element is not an INTEGER, has no content octets, a redundant leading
  // byte or a negative value.
  bool ReadUnsignedInteger(absl::Span<const uint8_t>* magnitude);

  // True when every byte has been read.
  bool AtEnd() const { return rest_.empty(); }

 private:
  absl::Span<const uint8_t> rest_;
};

// Number of bytes of the encoding of an element with `content_length`
// content octets (tag, length, content).
size_t ElementSize(size_t content_length);

// Number of content octets of the INTEGER whose non-negative big-endian
// value is `magnitude` (leading zero bytes allowed): the significant bytes,
// plus a 0x00 when the top bit is set; 1 for zero.
size_t UnsignedIntegerContentLength(absl::Span<const uint8_t> magnitude);

// Writes DER elements one after the other into a buffer it does not own.
// After a write that does not fit, ok() is false and nothing more is
// written.
class Writer {
 public:
  Writer(uint8_t* output, size_t output_size)
      : output_(output), size_(output_size) {}

  // Writes the tag and length octets of an element; its `content_length`
  // content octets are written next.
  void WriteHeader(uint8_t tag, size_t content_length);

  // Writes an INTEGER holding the non-negative big-endian `magnitude`
  // (leading zero bytes allowed; they are not written).
  void WriteUnsignedInteger(absl::Span<const uint8_t> magnitude);

  // Reserves `length` bytes for the caller to fill and returns where they
  // start; when they do not fit, ok() becomes false and the result must not
  // be used.
  uint8_t* Reserve(size_t length);

  bool ok() const { return ok_; }
  size_t length() const { return length_; }

 private:
  uint8_t* output_;
  size_t size_;
  size_t length_ = 0;
  bool ok_ = true;
};

}  // namespace drivers::builtin::der

#endif  // DRIVERS_BUILTIN_DER_H_
