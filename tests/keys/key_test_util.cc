#include "tests/keys/key_test_util.h"

#include <stdlib.h>

#include <cstring>
#include <memory>

namespace psa::keys_testing {

Bytes FromHex(const std::string& hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    __builtin_trap();
  };
  if (hex.size() % 2 != 0) __builtin_trap();
  Bytes bytes(hex.size() / 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = static_cast<uint8_t>(digit(hex[2 * i]) * 16 + digit(hex[2 * i + 1]));
  }
  return bytes;
}

std::string ToHex(const Bytes& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (uint8_t b : bytes) {
    hex.push_back(kDigits[b >> 4]);
    hex.push_back(kDigits[b & 0x0f]);
  }
  return hex;
}

std::string StatusName(psa_status_t status) {
  switch (status) {
#define PSA_STATUS_NAME(name) \
  case name:                  \
    return #name;
    PSA_STATUS_NAME(PSA_SUCCESS)
    PSA_STATUS_NAME(PSA_ERROR_PROGRAMMER_ERROR)
    PSA_STATUS_NAME(PSA_ERROR_CONNECTION_REFUSED)
    PSA_STATUS_NAME(PSA_ERROR_CONNECTION_BUSY)
    PSA_STATUS_NAME(PSA_ERROR_GENERIC_ERROR)
    PSA_STATUS_NAME(PSA_ERROR_NOT_PERMITTED)
    PSA_STATUS_NAME(PSA_ERROR_NOT_SUPPORTED)
    PSA_STATUS_NAME(PSA_ERROR_INVALID_ARGUMENT)
    PSA_STATUS_NAME(PSA_ERROR_INVALID_HANDLE)
    PSA_STATUS_NAME(PSA_ERROR_BAD_STATE)
    PSA_STATUS_NAME(PSA_ERROR_BUFFER_TOO_SMALL)
    PSA_STATUS_NAME(PSA_ERROR_ALREADY_EXISTS)
    PSA_STATUS_NAME(PSA_ERROR_DOES_NOT_EXIST)
    PSA_STATUS_NAME(PSA_ERROR_INSUFFICIENT_MEMORY)
    PSA_STATUS_NAME(PSA_ERROR_INSUFFICIENT_STORAGE)
    PSA_STATUS_NAME(PSA_ERROR_INSUFFICIENT_DATA)
    PSA_STATUS_NAME(PSA_ERROR_SERVICE_FAILURE)
    PSA_STATUS_NAME(PSA_ERROR_COMMUNICATION_FAILURE)
    PSA_STATUS_NAME(PSA_ERROR_STORAGE_FAILURE)
    PSA_STATUS_NAME(PSA_ERROR_HARDWARE_FAILURE)
    PSA_STATUS_NAME(PSA_ERROR_INVALID_SIGNATURE)
    PSA_STATUS_NAME(PSA_ERROR_CORRUPTION_DETECTED)
    PSA_STATUS_NAME(PSA_ERROR_DATA_CORRUPT)
    PSA_STATUS_NAME(PSA_ERROR_DATA_INVALID)
    PSA_STATUS_NAME(PSA_OPERATION_INCOMPLETE)
#undef PSA_STATUS_NAME
  }
  return "psa_status_t(" + std::to_string(status) + ")";
}

std::string UseFreshStorageDirectory() {
  const char* base = getenv("TEST_TMPDIR");
  std::string pattern = std::string(base != nullptr && base[0] != '\0' ? base : "/tmp") +
                        "/psa-keys-XXXXXX";
  std::unique_ptr<char[]> path(new char[pattern.size() + 1]);
  std::memcpy(path.get(), pattern.c_str(), pattern.size() + 1);
  if (mkdtemp(path.get()) == nullptr) __builtin_trap();
  if (setenv("PSA_CRYPTO_STORAGE_DIR", path.get(), 1) != 0) __builtin_trap();
  return path.get();
}

namespace {

class StorageEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    UseFreshStorageDirectory();
    ASSERT_PSA(PSA_SUCCESS, psa_crypto_init());
  }
};

}  // namespace

void RegisterStorageEnvironment() {
  ::testing::AddGlobalTestEnvironment(new StorageEnvironment);
}

psa_key_attributes_t MakeAttributes(psa_key_type_t type, size_t bits,
                                    psa_key_usage_t usage,
                                    psa_algorithm_t alg, psa_key_id_t id) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  psa_set_key_usage_flags(&attributes, usage);
  psa_set_key_algorithm(&attributes, alg);
  if (id != PSA_KEY_ID_NULL) psa_set_key_id(&attributes, id);
  return attributes;
}

psa_status_t Import(const psa_key_attributes_t& attributes, const Bytes& data,
                    psa_key_id_t* key) {
  // A non-null pointer even for empty data: the API may read none of it.
  static const uint8_t kEmpty[1] = {0};
  return psa_import_key(&attributes, data.empty() ? kEmpty : data.data(),
                        data.size(), key);
}

namespace {

psa_status_t ExportWith(psa_status_t (*function)(psa_key_id_t, uint8_t*, size_t, size_t*),
                        psa_key_id_t key, Bytes* out, size_t buffer_size) {
  // One extra byte so that a zero-size request still has a valid pointer;
  // a canary after the buffer proves nothing is written past data_size.
  Bytes buffer(buffer_size + 1, 0xa5);
  size_t length = 0xdeadbeef;
  psa_status_t status = function(key, buffer.data(), buffer_size, &length);
  EXPECT_EQ(buffer[buffer_size], 0xa5) << "wrote past data_size";
  if (status == PSA_SUCCESS) {
    EXPECT_LE(length, buffer_size);
    if (length > buffer_size) return PSA_ERROR_CORRUPTION_DETECTED;
    out->assign(buffer.begin(), buffer.begin() + length);
  } else {
    out->clear();
  }
  return status;
}

}  // namespace

psa_status_t Export(psa_key_id_t key, Bytes* out, size_t buffer_size) {
  return ExportWith(psa_export_key, key, out, buffer_size);
}

psa_status_t ExportPublic(psa_key_id_t key, Bytes* out, size_t buffer_size) {
  return ExportWith(psa_export_public_key, key, out, buffer_size);
}

Bytes PatternBytes(size_t size, uint8_t seed) {
  Bytes bytes(size);
  uint32_t state = 0x9e3779b9u ^ (uint32_t{seed} * 0x85ebca6bu);
  for (size_t i = 0; i < size; ++i) {
    state = state * 1664525u + 1013904223u;  // LCG: varied, reproducible
    bytes[i] = static_cast<uint8_t>(state >> 24);
  }
  return bytes;
}

Bytes WithDesParity(Bytes key) {
  for (uint8_t& b : key) {
    b = static_cast<uint8_t>(b & 0xfe);
    if (__builtin_popcount(b) % 2 == 0) b |= 1;
  }
  return key;
}

bool HasDesParity(const Bytes& key) {
  for (uint8_t b : key) {
    if (__builtin_popcount(b) % 2 == 0) return false;
  }
  return true;
}

namespace der {

Bytes Tlv(uint8_t tag, const Bytes& content) {
  Bytes out = {tag};
  size_t length = content.size();
  if (length < 0x80) {
    out.push_back(static_cast<uint8_t>(length));
  } else {
    Bytes raw;
    for (size_t l = length; l != 0; l >>= 8) raw.insert(raw.begin(), static_cast<uint8_t>(l));
    out.push_back(static_cast<uint8_t>(0x80 | raw.size()));
    out.insert(out.end(), raw.begin(), raw.end());
  }
  out.insert(out.end(), content.begin(), content.end());
  return out;
}

Bytes UnsignedInteger(const Bytes& magnitude) {
  size_t start = 0;
  while (start < magnitude.size() && magnitude[start] == 0) ++start;
  Bytes content(magnitude.begin() + start, magnitude.end());
  if (content.empty() || (content[0] & 0x80) != 0) content.insert(content.begin(), 0);
  return Tlv(0x02, content);
}

Bytes SmallInteger(uint32_t value) {
  Bytes magnitude;
  for (uint32_t v = value; v != 0; v >>= 8) magnitude.insert(magnitude.begin(), static_cast<uint8_t>(v));
  return UnsignedInteger(magnitude);
}

Bytes Sequence(const std::vector<Bytes>& elements) {
  Bytes content;
  for (const Bytes& e : elements) content.insert(content.end(), e.begin(), e.end());
  return Tlv(0x30, content);
}

namespace {

// Reads one TLV at data[*offset]; on success *offset is past it and
// *header_length the size of tag and length.
bool ReadTlv(const Bytes& data, size_t* offset, size_t* total_length) {
  size_t pos = *offset;
  if (data.size() - pos < 2) return false;
  pos += 1;  // tag
  size_t length = data[pos++];
  if (length & 0x80) {
    size_t count = length & 0x7f;
    if (count == 0 || count > sizeof(size_t) || data.size() - pos < count) return false;
    length = 0;
    for (size_t i = 0; i < count; ++i) length = (length << 8) | data[pos++];
  }
  if (data.size() - pos < length) return false;
  *total_length = pos + length - *offset;
  *offset = pos + length;
  return true;
}

size_t HeaderLength(const Bytes& tlv) {
  return (tlv[1] & 0x80) ? 2 + (tlv[1] & 0x7f) : 2;
}

}  // namespace

bool SplitSequence(const Bytes& data, std::vector<Bytes>* elements) {
  elements->clear();
  size_t offset = 0, total = 0;
  if (data.empty() || data[0] != 0x30 || !ReadTlv(data, &offset, &total) || offset != data.size()) {
    return false;
  }
  size_t pos = HeaderLength(data);
  while (pos < data.size()) {
    size_t start = pos, length = 0;
    if (!ReadTlv(data, &pos, &length)) return false;
    elements->emplace_back(data.begin() + start, data.begin() + start + length);
  }
  return true;
}

bool IntegerContent(const Bytes& tlv, Bytes* content) {
  if (tlv.size() < 2 || tlv[0] != 0x02) return false;
  size_t header = HeaderLength(tlv);
  if (header > tlv.size()) return false;
  content->assign(tlv.begin() + header, tlv.end());
  return true;
}

}  // namespace der

Bytes RsaPrivateKeyFields::Encode() const {
  return der::Sequence({der::UnsignedInteger(version), der::UnsignedInteger(n), der::UnsignedInteger(e),
                        der::UnsignedInteger(d), der::UnsignedInteger(p), der::UnsignedInteger(q),
                        der::UnsignedInteger(dp), der::UnsignedInteger(dq), der::UnsignedInteger(qinv)});
}

bool ParseRsaPrivateKey(const Bytes& data, RsaPrivateKeyFields* fields) {
  std::vector<Bytes> elements;
  if (!der::SplitSequence(data, &elements) || elements.size() != 9) return false;
  Bytes* outputs[] = {&fields->version, &fields->n, &fields->e, &fields->d, &fields->p,
                      &fields->q, &fields->dp, &fields->dq, &fields->qinv};
  for (size_t i = 0; i < 9; ++i) {
    Bytes content;
    if (!der::IntegerContent(elements[i], &content) || content.empty()) return false;
    if (content[0] & 0x80) return false;  // negative
    size_t start = 0;
    while (start + 1 < content.size() && content[start] == 0) ++start;
    outputs[i]->assign(content.begin() + start, content.end());
  }
  return true;
}

}  // namespace psa::keys_testing
