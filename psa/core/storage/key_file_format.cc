#include "psa/core/storage/key_file_format.h"

#include <string.h>

#include "psa/core/constant_time.h"
#include "psa/core/dispatch.h"
#include "psa/core/wipe.h"

namespace psa::core::storage {
namespace {

// Field offsets of format version 1 (see the header).
constexpr size_t kMagicOffset = 0;
constexpr size_t kVersionOffset = 8;
constexpr size_t kIdOffset = 12;
constexpr size_t kLifetimeOffset = 16;
constexpr size_t kTypeOffset = 20;
constexpr size_t kBitsOffset = 22;
constexpr size_t kUsageOffset = 24;
constexpr size_t kAlgorithmOffset = 28;
constexpr size_t kKeyBufferLengthOffset = 32;
constexpr size_t kKeyBufferOffset = 36;
static_assert(kKeyBufferOffset == kKeyFileHeaderSize);
static_assert(sizeof(kKeyFileMagic) == kVersionOffset - kMagicOffset);

constexpr size_t kMaxKeyBits = 0xffff;

void StoreLe16(uint8_t* out, uint16_t value) {
  out[0] = static_cast<uint8_t>(value);
  out[1] = static_cast<uint8_t>(value >> 8);
}

void StoreLe32(uint8_t* out, uint32_t value) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<uint8_t>(value >> (8 * i));
}

uint16_t LoadLe16(const uint8_t* in) { return static_cast<uint16_t>(in[0] | (in[1] << 8)); }

uint32_t LoadLe32(const uint8_t* in) {
  uint32_t value = 0;
  for (int i = 0; i < 4; ++i) value |= static_cast<uint32_t>(in[i]) << (8 * i);
  return value;
}

// The conditions every stored key meets, checked when writing (the caller's
// mistake: INVALID_ARGUMENT) and again when reading (DATA_CORRUPT).
bool IsStorable(const psa_key_attributes_t& attributes, size_t key_buffer_length) {
  return attributes.id != PSA_KEY_ID_NULL && !PSA_KEY_LIFETIME_IS_VOLATILE(attributes.lifetime) &&
         attributes.type != PSA_KEY_TYPE_NONE && attributes.bits != 0 &&
         attributes.bits <= kMaxKeyBits && key_buffer_length != 0 &&
         key_buffer_length <= kMaxKeyBufferSize;
}

// SHA-256 of data[0..length) into checksum[0..kKeyFileChecksumSize).
psa_status_t ComputeChecksum(const uint8_t* data, size_t length, uint8_t* checksum) {
  size_t checksum_length = 0;
  const psa_status_t status = psa::dispatch::HashCompute(PSA_ALG_SHA_256, data, length, checksum,
                                                         kKeyFileChecksumSize, &checksum_length);
  if (status != PSA_SUCCESS) return status;
  // A driver that says success with another length is broken.
  if (checksum_length != kKeyFileChecksumSize) return PSA_ERROR_GENERIC_ERROR;
  return PSA_SUCCESS;
}

}  // namespace

psa_status_t EncodeKeyFile(const psa_key_attributes_t& attributes, const uint8_t* key_buffer,
                           size_t key_buffer_length, SecureBuffer* image) {
  image->Clear();
  if (key_buffer == nullptr || !IsStorable(attributes, key_buffer_length)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  // No overflow: key_buffer_length <= kMaxKeyBufferSize.
  const size_t checksum_offset = kKeyBufferOffset + key_buffer_length;
  SecureBuffer encoded;
  if (!encoded.Allocate(checksum_offset + kKeyFileChecksumSize)) {
    return PSA_ERROR_INSUFFICIENT_MEMORY;
  }
  uint8_t* out = encoded.data();
  memcpy(out + kMagicOffset, kKeyFileMagic, sizeof(kKeyFileMagic));
  StoreLe32(out + kVersionOffset, kKeyFileVersion);
  StoreLe32(out + kIdOffset, attributes.id);
  StoreLe32(out + kLifetimeOffset, attributes.lifetime);
  StoreLe16(out + kTypeOffset, attributes.type);
  StoreLe16(out + kBitsOffset, static_cast<uint16_t>(attributes.bits));
  StoreLe32(out + kUsageOffset, attributes.usage);
  StoreLe32(out + kAlgorithmOffset, attributes.alg);
  StoreLe32(out + kKeyBufferLengthOffset, static_cast<uint32_t>(key_buffer_length));
  memcpy(out + kKeyBufferOffset, key_buffer, key_buffer_length);
  const psa_status_t status = ComputeChecksum(out, checksum_offset, out + checksum_offset);
  if (status != PSA_SUCCESS) return status;  // `encoded` wipes itself.
  *image = std::move(encoded);
  return PSA_SUCCESS;
}

psa_status_t DecodeKeyFile(psa_key_id_t id, const uint8_t* image, size_t image_length,
                           psa_key_attributes_t* attributes, SecureBuffer* key_buffer) {
  *attributes = psa_key_attributes_init();
  key_buffer->Clear();

  // Magic and version first: they say how to read the rest.
  if (image_length < kKeyFileHeaderSize + kKeyFileChecksumSize) {
    return PSA_ERROR_DATA_CORRUPT;
  }
  if (memcmp(image + kMagicOffset, kKeyFileMagic, sizeof(kKeyFileMagic)) != 0 ||
      LoadLe32(image + kVersionOffset) != kKeyFileVersion) {
    return PSA_ERROR_DATA_CORRUPT;
  }
  const size_t key_buffer_length = LoadLe32(image + kKeyBufferLengthOffset);
  if (key_buffer_length == 0 || key_buffer_length > kMaxKeyBufferSize) {
    return PSA_ERROR_DATA_CORRUPT;
  }
  const size_t checksum_offset = kKeyBufferOffset + key_buffer_length;
  if (image_length != checksum_offset + kKeyFileChecksumSize) {
    return PSA_ERROR_DATA_CORRUPT;
  }

  uint8_t checksum[kKeyFileChecksumSize];
  psa_status_t status = ComputeChecksum(image, checksum_offset, checksum);
  // Constant time: the checksum is no secret, but it is computed over key
  // material, and this costs nothing.
  const bool intact = status == PSA_SUCCESS &&
                      psa::core::ConstantTimeEqual(checksum, image + checksum_offset, kKeyFileChecksumSize);
  SecureWipeObject(checksum);
  if (status != PSA_SUCCESS) return status;
  if (!intact) return PSA_ERROR_DATA_CORRUPT;

  psa_key_attributes_t decoded = psa_key_attributes_init();
  decoded.id = LoadLe32(image + kIdOffset);
  decoded.lifetime = LoadLe32(image + kLifetimeOffset);
  decoded.type = LoadLe16(image + kTypeOffset);
  decoded.bits = LoadLe16(image + kBitsOffset);
  decoded.usage = LoadLe32(image + kUsageOffset);
  decoded.alg = LoadLe32(image + kAlgorithmOffset);
  // An intact file under another key's name (a renamed or copied file), or
  // one no writer of this format produces.
  if (decoded.id != id || !IsStorable(decoded, key_buffer_length)) {
    return PSA_ERROR_DATA_CORRUPT;
  }
  if (!key_buffer->Assign(image + kKeyBufferOffset, key_buffer_length)) {
    return PSA_ERROR_INSUFFICIENT_MEMORY;
  }
  *attributes = decoded;
  return PSA_SUCCESS;
}

}  // namespace psa::core::storage
