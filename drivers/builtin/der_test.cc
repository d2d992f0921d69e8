#include "drivers/builtin/der.h"

#include <stdint.h>

#include <vector>

#include "gtest/gtest.h"

namespace drivers::builtin::der {
namespace {

using Bytes = std::vector<uint8_t>;

absl::Span<const uint8_t> View(const Bytes& bytes) {
  return absl::MakeConstSpan(bytes);
}

Bytes ToBytes(absl::Span<const uint8_t> span) {
  return Bytes(span.begin(), span.end());
}

// Reads one unsigned INTEGER that must fill `der`; returns whether it did.
bool ReadSoleInteger(const Bytes& der, Bytes* magnitude) {
  Reader reader(View(der));
  absl::Span<const uint8_t> value;
  if (!reader.ReadUnsignedInteger(&value) || !reader.AtEnd()) return false;
  *magnitude = ToBytes(value);
  return true;
}

TEST(DerReaderTest, ReadsMinimalUnsignedIntegers) {
  Bytes magnitude;
  ASSERT_TRUE(ReadSoleInteger({0x02, 0x01, 0x00}, &magnitude));
  EXPECT_TRUE(magnitude.empty());
  ASSERT_TRUE(ReadSoleInteger({0x02, 0x01, 0x7F}, &magnitude));
  EXPECT_EQ(magnitude, Bytes({0x7F}));
  ASSERT_TRUE(ReadSoleInteger({0x02, 0x02, 0x00, 0x80}, &magnitude));
  EXPECT_EQ(magnitude, Bytes({0x80}));
  ASSERT_TRUE(ReadSoleInteger({0x02, 0x03, 0x01, 0x00, 0x01}, &magnitude));
  EXPECT_EQ(magnitude, Bytes({0x01, 0x00, 0x01}));
}

TEST(DerReaderTest, RejectsNonMinimalNegativeAndEmptyIntegers) {
  Bytes magnitude;
  EXPECT_FALSE(ReadSoleInteger({0x02, 0x00}, &magnitude));  // empty
  EXPECT_FALSE(
      ReadSoleInteger({0x02, 0x02, 0x00, 0x7F}, &magnitude));  // 00 pad
  EXPECT_FALSE(ReadSoleInteger({0x02, 0x02, 0x00, 0x00}, &magnitude));
  EXPECT_FALSE(ReadSoleInteger({0x02, 0x01, 0x80}, &magnitude));  // negative
  EXPECT_FALSE(ReadSoleInteger({0x02, 0x02, 0xFF, 0x80}, &magnitude));
  EXPECT_FALSE(ReadSoleInteger({0x03, 0x01, 0x01}, &magnitude));  // tag
  EXPECT_FALSE(ReadSoleInteger({0x02, 0x02, 0x01}, &magnitude));  // truncated
}

TEST(DerReaderTest, ReadsLongFormLengths) {
  Bytes der = {0x30, 0x81, 0x80};
  der.resize(3 + 0x80, 0x00);
  Reader reader(View(der));
  absl::Span<const uint8_t> contents;
  ASSERT_TRUE(reader.ReadElement(kTagSequence, &contents));
  EXPECT_EQ(contents.size(), 0x80u);
  EXPECT_TRUE(reader.AtEnd());

  Bytes two_octets = {0x30, 0x82, 0x01, 0x00};
  two_octets.resize(4 + 0x100, 0x00);
  Reader long_reader(View(two_octets));
  ASSERT_TRUE(long_reader.ReadElement(kTagSequence, &contents));
  EXPECT_EQ(contents.size(), 0x100u);
}

TEST(DerReaderTest, RejectsNonMinimalIndefiniteAndOverlongLengths) {
  absl::Span<const uint8_t> contents;
  for (const Bytes& der : std::vector<Bytes>{
           {0x30, 0x81, 0x05, 1, 2, 3, 4, 5},  // long form below 0x80
           {0x30, 0x82, 0x00, 0x81},           // leading zero octet
           {0x30, 0x80, 0x00, 0x00},           // indefinite
           {0x30, 0x85, 0, 0, 0, 0, 1, 0},     // 5 length octets
           {0x30, 0xFF},                       // reserved
           {0x30, 0x03, 0x02, 0x01},           // past the end
           {0x30},                             // no length
           {},                                 // nothing
       }) {
    Reader reader(View(der));
    EXPECT_FALSE(reader.ReadElement(kTagSequence, &contents));
  }
}

TEST(DerReaderTest, FailedReadLeavesThePosition) {
  const Bytes der = {0x02, 0x01, 0x80, 0x02, 0x01, 0x01};
  Reader reader(View(der));
  absl::Span<const uint8_t> value;
  EXPECT_FALSE(reader.ReadUnsignedInteger(&value));  // negative
  ASSERT_TRUE(reader.ReadElement(kTagInteger, &value));
  EXPECT_EQ(ToBytes(value), Bytes({0x80}));
  ASSERT_TRUE(reader.ReadUnsignedInteger(&value));
  EXPECT_EQ(ToBytes(value), Bytes({0x01}));
  EXPECT_TRUE(reader.AtEnd());
}

TEST(DerWriterTest, WritesMinimalIntegersAndHeaders) {
  uint8_t buffer[600];
  Writer writer(buffer, sizeof(buffer));
  writer.WriteUnsignedInteger(View({}));
  writer.WriteUnsignedInteger(View({0x00, 0x00, 0x7F}));
  writer.WriteUnsignedInteger(View({0x80}));
  writer.WriteHeader(kTagSequence, 0x80);
  writer.WriteHeader(kTagSequence, 0x1234);
  ASSERT_TRUE(writer.ok());
  EXPECT_EQ(Bytes(buffer, buffer + writer.length()),
            Bytes({0x02, 0x01, 0x00, 0x02, 0x01, 0x7F, 0x02, 0x02, 0x00, 0x80,
                   0x30, 0x81, 0x80, 0x30, 0x82, 0x12, 0x34}));
}

TEST(DerWriterTest, SizesMatchWhatIsWritten) {
  for (const Bytes& magnitude : std::vector<Bytes>{{},
                                                   {0x00},
                                                   {0x01},
                                                   {0x7F},
                                                   {0x80},
                                                   {0x00, 0xFF},
                                                   Bytes(200, 0xAB),
                                                   Bytes(300, 0x01)}) {
    uint8_t buffer[400];
    Writer writer(buffer, sizeof(buffer));
    writer.WriteUnsignedInteger(View(magnitude));
    ASSERT_TRUE(writer.ok());
    EXPECT_EQ(writer.length(),
              ElementSize(UnsignedIntegerContentLength(View(magnitude))));
    // And it reads back.
    Bytes read;
    ASSERT_TRUE(
        ReadSoleInteger(Bytes(buffer, buffer + writer.length()), &read));
    size_t zeros = 0;
    while (zeros < magnitude.size() && magnitude[zeros] == 0) ++zeros;
    EXPECT_EQ(read, Bytes(magnitude.begin() + zeros, magnitude.end()));
  }
}

TEST(DerWriterTest, StopsWhenFull) {
  uint8_t buffer[4] = {0};
  Writer writer(buffer, sizeof(buffer));
  writer.WriteUnsignedInteger(View({0x01, 0x02, 0x03}));  // needs 5 bytes
  EXPECT_FALSE(writer.ok());
  writer.WriteUnsignedInteger(View({0x01}));  // would fit, but stays failed
  EXPECT_FALSE(writer.ok());

  Writer empty(nullptr, 0);
  empty.WriteHeader(kTagSequence, 0);
  EXPECT_FALSE(empty.ok());
  EXPECT_EQ(empty.length(), 0u);
}

}  // namespace
}  // namespace drivers::builtin::der
