#include "drivers/builtin/der.h"

#include <cstring>

namespace drivers::builtin::der {
namespace {

// Number of length octets of a definite length in the fewest bytes.
size_t LengthSize(size_t length) {
  if (length < 0x80) return 1;
  size_t size = 1;
  for (size_t rest = length; rest != 0; rest >>= 8) ++size;
  return size;
}

// `magnitude` without its leading zero bytes.
absl::Span<const uint8_t> StripLeadingZeros(
    absl::Span<const uint8_t> magnitude) {
  size_t zeros = 0;
  while (zeros < magnitude.size() && magnitude[zeros] == 0) ++zeros;
  return magnitude.subspan(zeros);
}

}  // namespace

bool Reader::ReadElement(uint8_t tag, absl::Span<const uint8_t>* contents) {
  absl::Span<const uint8_t> in = rest_;
  if (in.size() < 2 || in[0] != tag) return false;
  const uint8_t first_length_octet = in[1];
  in.remove_prefix(2);

  size_t length = 0;
  if (first_length_octet < 0x80) {
    length = first_length_octet;
  } else {
    // 0x80 is the indefinite form (BER only); 0xFF is reserved.
    const size_t octets = first_length_octet & 0x7F;
    if (octets == 0 || octets > 4 || in.size() < octets) return false;
    // Minimal: no leading zero octet, and the long form only from 0x80.
    if (in[0] == 0) return false;
    for (size_t i = 0; i < octets; ++i) length = (length << 8) | in[i];
    if (length < 0x80) return false;
    in.remove_prefix(octets);
  }
  if (length > in.size()) return false;

  *contents = in.first(length);
  rest_ = in.subspan(length);
  return true;
}

bool Reader::ReadUnsignedInteger(absl::Span<const uint8_t>* magnitude) {
  const absl::Span<const uint8_t> saved = rest_;
  absl::Span<const uint8_t> contents;
  if (!ReadElement(kTagInteger, &contents)) return false;
  const bool valid =
      !contents.empty() && (contents[0] & 0x80) == 0 &&  // non-negative
      // Minimal: a leading 0x00 only in front of a byte with its top bit set.
      !(contents.size() > 1 && contents[0] == 0 && (contents[1] & 0x80) == 0);
  if (!valid) {
    rest_ = saved;
    return false;
  }
  *magnitude = contents[0] == 0 ? contents.subspan(1) : contents;
  return true;
}

size_t ElementSize(size_t content_length) {
  return 1 + LengthSize(content_length) + content_length;
}

size_t UnsignedIntegerContentLength(absl::Span<const uint8_t> magnitude) {
  const absl::Span<const uint8_t> significant = StripLeadingZeros(magnitude);
  if (significant.empty()) return 1;
  return significant.size() + ((significant[0] & 0x80) != 0 ? 1 : 0);
}

void Writer::WriteHeader(uint8_t tag, size_t content_length) {
  if (content_length > kMaxContentLength) {
    ok_ = false;
    return;
  }
  const size_t length_size = LengthSize(content_length);
  uint8_t* out = Reserve(1 + length_size);
  if (!ok_) return;
  out[0] = tag;
  if (length_size == 1) {
    out[1] = static_cast<uint8_t>(content_length);
    return;
  }
  out[1] = static_cast<uint8_t>(0x80 | (length_size - 1));
  for (size_t i = length_size - 1; i >= 1; --i) {
    out[1 + i] = static_cast<uint8_t>(content_length);
    content_length >>= 8;
  }
}

void Writer::WriteUnsignedInteger(absl::Span<const uint8_t> magnitude) {
  const absl::Span<const uint8_t> significant = StripLeadingZeros(magnitude);
  const size_t content_length = UnsignedIntegerContentLength(significant);
  WriteHeader(kTagInteger, content_length);
  uint8_t* out = Reserve(content_length);
  if (!ok_) return;
  const size_t padding = content_length - significant.size();
  std::memset(out, 0, padding);
  if (!significant.empty()) {
    std::memcpy(out + padding, significant.data(), significant.size());
  }
}

uint8_t* Writer::Reserve(size_t length) {
  if (!ok_ || length > size_ - length_) {
    ok_ = false;
    return nullptr;
  }
  uint8_t* start = output_ + length_;
  length_ += length;
  return start;
}

}  // namespace drivers::builtin::der
