// Fuzzes the persistent key-file reader (psa/core/storage/key_file_format.h).
// Byte 0 picks the mode:
//   even: the rest is a whole file image, read as the file of the key id in
//         its bytes 12..15 (so that an image may name its own id) and of id
//         1; either PSA_ERROR_DATA_CORRUPT, or a key that encodes back to
//         exactly the same image (what parses is what was written);
//   odd:  the rest gives attributes, a key buffer and one corruption (a
//         flipped byte, a truncation or appended bytes); the encoded file
//         must decode to exactly those attributes and that buffer, and the
//         corrupted one to PSA_ERROR_DATA_CORRUPT with empty outputs. The
//         checksum makes the first mode's successes rare; this one reaches
//         every check after it.

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <vector>

#include "psa/core/secure_buffer.h"
#include "psa/core/storage/key_file_format.h"
#include "psa/crypto.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using psa::core::SecureBuffer;
using psa::core::storage::DecodeKeyFile;
using psa::core::storage::EncodeKeyFile;

// Reads little-endian integers off the front of the input; zeros past its end.
class Reader {
 public:
  Reader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  uint32_t Take(size_t bytes) {
    uint32_t value = 0;
    for (size_t i = 0; i < bytes; ++i) {
      if (at_ < size_) value |= static_cast<uint32_t>(data_[at_++]) << (8 * i);
    }
    return value;
  }
  const uint8_t* rest() const { return data_ + at_; }
  size_t rest_size() const { return size_ - at_; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t at_ = 0;
};

bool SameAttributes(const psa_key_attributes_t& a, const psa_key_attributes_t& b) {
  return psa_get_key_id(&a) == psa_get_key_id(&b) && psa_get_key_lifetime(&a) == psa_get_key_lifetime(&b) &&
         psa_get_key_type(&a) == psa_get_key_type(&b) && psa_get_key_bits(&a) == psa_get_key_bits(&b) &&
         psa_get_key_usage_flags(&a) == psa_get_key_usage_flags(&b) &&
         psa_get_key_algorithm(&a) == psa_get_key_algorithm(&b);
}

// Checks that a failed decode left the outputs empty, as the header promises.
void CheckFailure(psa_status_t status, const psa_key_attributes_t& attributes, const SecureBuffer& key) {
  FUZZ_CHECK(status == PSA_ERROR_DATA_CORRUPT, "decode failed with %d, not DATA_CORRUPT",
             static_cast<int>(status));
  const psa_key_attributes_t init = PSA_KEY_ATTRIBUTES_INIT;
  FUZZ_CHECK(SameAttributes(attributes, init), "a failed decode left attributes behind");
  FUZZ_CHECK(key.size() == 0, "a failed decode left %zu key bytes behind", key.size());
}

void ReadImage(psa_key_id_t id, const uint8_t* image, size_t size) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  SecureBuffer key;
  const psa_status_t status = DecodeKeyFile(id, image, size, &attributes, &key);
  if (status != PSA_SUCCESS) {
    CheckFailure(status, attributes, key);
    return;
  }
  FUZZ_CHECK(psa_get_key_id(&attributes) == id, "the file of key %u decoded as key %u", static_cast<unsigned>(id),
             static_cast<unsigned>(psa_get_key_id(&attributes)));
  SecureBuffer again;
  FUZZ_CHECK(EncodeKeyFile(attributes, key.data(), key.size(), &again) == PSA_SUCCESS,
             "a decoded key does not encode");
  FUZZ_CHECK(again.size() == size && SameBytes(again.data(), image, size),
             "a decoded key encodes to a different image");
}

void RoundTrip(Reader* in) {
  psa_key_attributes_t written = PSA_KEY_ATTRIBUTES_INIT;
  const psa_key_id_t id = in->Take(4);
  psa_set_key_id(&written, id);
  psa_set_key_lifetime(&written, in->Take(4));
  psa_set_key_type(&written, static_cast<psa_key_type_t>(in->Take(2)));
  psa_set_key_bits(&written, in->Take(2));
  psa_set_key_usage_flags(&written, in->Take(4));
  psa_set_key_algorithm(&written, in->Take(4));
  const uint32_t corruption = in->Take(4);  // kind (2 bits), position, value
  const size_t buffer_length = in->rest_size();
  SecureBuffer image;
  const psa_status_t encoded = EncodeKeyFile(written, in->rest(), buffer_length, &image);
  if (encoded != PSA_SUCCESS) {
    FUZZ_CHECK(encoded == PSA_ERROR_INVALID_ARGUMENT, "encode failed with %d", static_cast<int>(encoded));
    FUZZ_CHECK(image.size() == 0, "a failed encode left an image");
    return;
  }
  FUZZ_CHECK(image.size() == 68 + buffer_length, "image of %zu bytes for a %zu-byte buffer", image.size(),
             buffer_length);

  psa_key_attributes_t read = PSA_KEY_ATTRIBUTES_INIT;
  SecureBuffer key;
  FUZZ_CHECK(DecodeKeyFile(id, image.data(), image.size(), &read, &key) == PSA_SUCCESS,
             "a written file does not read back");
  FUZZ_CHECK(SameAttributes(read, written), "attributes changed through the file");
  FUZZ_CHECK(key.size() == buffer_length && SameBytes(key.data(), in->rest(), buffer_length),
             "key buffer changed through the file");

  // One corruption of the written file.
  std::vector<uint8_t> bad(image.data(), image.data() + image.size());
  const size_t position = (corruption >> 2) % bad.size();
  const uint8_t value = static_cast<uint8_t>(corruption >> 24);
  switch (corruption & 3) {
    case 0:
    case 1:
      bad[position] ^= value == 0 ? 1 : value;
      break;
    case 2:
      bad.resize(position);
      break;
    case 3:
      bad.insert(bad.begin() + position, 1 + (value & 15), value);
      break;
  }
  psa_key_attributes_t corrupt_attributes = PSA_KEY_ATTRIBUTES_INIT;
  SecureBuffer corrupt_key;
  const psa_status_t status =
      DecodeKeyFile(id, bad.empty() ? nullptr : bad.data(), bad.size(), &corrupt_attributes, &corrupt_key);
  CheckFailure(status, corrupt_attributes, corrupt_key);
  // The intact file read as another key's file is corrupt as well.
  psa_key_attributes_t other_attributes = PSA_KEY_ATTRIBUTES_INIT;
  SecureBuffer other_key;
  CheckFailure(DecodeKeyFile(id + 1, image.data(), image.size(), &other_attributes, &other_key),
               other_attributes, other_key);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The checksum is computed through the dispatch.
  FUZZ_CHECK(psa_crypto_init() == PSA_SUCCESS, "psa_crypto_init");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t* rest = data + 1;
  const size_t rest_size = size - 1;
  if ((data[0] & 1) == 0) {
    psa_key_id_t id = 1;
    if (rest_size >= 16) {
      id = static_cast<psa_key_id_t>(rest[12] | rest[13] << 8 | rest[14] << 16 |
                                     static_cast<uint32_t>(rest[15]) << 24);
    }
    ReadImage(id, rest, rest_size);
    ReadImage(1, rest, rest_size);
  } else {
    Reader in(rest, rest_size);
    RoundTrip(&in);
  }
  return 0;
}
