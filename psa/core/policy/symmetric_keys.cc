#include "psa/core/policy/symmetric_keys.h"

#include <stddef.h>
#include <stdint.h>

#include <algorithm>
#include <iterator>

#include "psa/crypto.h"

namespace psa::core::policy {
namespace {

constexpr size_t kDesKeyLength = 8;

// How the API sizes the keys of one unstructured type.
struct SizeRule {
  psa_key_type_t type;
  bool supported;         // False: PSA_ERROR_NOT_SUPPORTED for any size.
  bool any_whole_bytes;   // Any non-zero multiple of 8 up to kMaxKeyBits.
  size_t sizes[3];        // Otherwise: the sizes allowed (0: unused).
  size_t unsupported[2];  // Sizes the API allows but this implementation
                          // does not (0: unused).
};

constexpr SizeRule kSizeRules[] = {
    {PSA_KEY_TYPE_RAW_DATA, true, true, {}, {}},
    {PSA_KEY_TYPE_HMAC, true, true, {}, {}},
    {PSA_KEY_TYPE_DERIVE, true, true, {}, {}},
    {PSA_KEY_TYPE_PASSWORD, true, true, {}, {}},
    {PSA_KEY_TYPE_PASSWORD_HASH, true, true, {}, {}},
    {PSA_KEY_TYPE_PEPPER, true, true, {}, {}},
    // 384 and 512 bits: two keys for XTS, which this implementation lacks.
    {PSA_KEY_TYPE_AES, true, false, {128, 192, 256}, {384, 512}},
    {PSA_KEY_TYPE_ARIA, true, false, {128, 192, 256}, {384, 512}},
    {PSA_KEY_TYPE_CAMELLIA, true, false, {128, 192, 256}, {384, 512}},
    {PSA_KEY_TYPE_DES, true, false, {64, 128, 192}, {}},
    {PSA_KEY_TYPE_CHACHA20, true, false, {256}, {}},
    {PSA_KEY_TYPE_SM4, false, false, {}, {}},
    {PSA_KEY_TYPE_ARC4, false, false, {}, {}},
    {PSA_KEY_TYPE_XCHACHA20, false, false, {}, {}},
};

// The 4 weak and 12 semi-weak DES keys (NIST SP 800-67), with odd parity.
constexpr uint8_t kWeakDesKeys[][kDesKeyLength] = {
    {0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01},
    {0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE},
    {0xE0, 0xE0, 0xE0, 0xE0, 0xF1, 0xF1, 0xF1, 0xF1},
    {0x1F, 0x1F, 0x1F, 0x1F, 0x0E, 0x0E, 0x0E, 0x0E},
    {0x01, 0x1F, 0x01, 0x1F, 0x01, 0x0E, 0x01, 0x0E},
    {0x1F, 0x01, 0x1F, 0x01, 0x0E, 0x01, 0x0E, 0x01},
    {0x01, 0xE0, 0x01, 0xE0, 0x01, 0xF1, 0x01, 0xF1},
    {0xE0, 0x01, 0xE0, 0x01, 0xF1, 0x01, 0xF1, 0x01},
    {0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE},
    {0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01},
    {0x1F, 0xE0, 0x1F, 0xE0, 0x0E, 0xF1, 0x0E, 0xF1},
    {0xE0, 0x1F, 0xE0, 0x1F, 0xF1, 0x0E, 0xF1, 0x0E},
    {0x1F, 0xFE, 0x1F, 0xFE, 0x0E, 0xFE, 0x0E, 0xFE},
    {0xFE, 0x1F, 0xFE, 0x1F, 0xFE, 0x0E, 0xFE, 0x0E},
    {0xE0, 0xFE, 0xE0, 0xFE, 0xF1, 0xFE, 0xF1, 0xFE},
    {0xFE, 0xE0, 0xFE, 0xE0, 0xFE, 0xF1, 0xFE, 0xF1},
};

// 1 if `byte` has an odd number of bits set, 0 otherwise; branch-free.
uint8_t OddParity(uint8_t byte) {
  byte ^= static_cast<uint8_t>(byte >> 4);
  byte ^= static_cast<uint8_t>(byte >> 2);
  byte ^= static_cast<uint8_t>(byte >> 1);
  return byte & 1;
}

// Whether the 16-bit key type has the even parity of every valid key type.
bool HasKeyTypeParity(psa_key_type_t type) {
  return (OddParity(static_cast<uint8_t>(type)) ^
          OddParity(static_cast<uint8_t>(type >> 8))) == 0;
}

// Finds the size rule of `type`, or tells why there is none.
psa_status_t FindSizeRule(psa_key_type_t type, const SizeRule** rule) {
  // PSA_KEY_TYPE_NONE is a key type this implementation does not support;
  // a value without the parity of every key type is no key type at all.
  if (type == PSA_KEY_TYPE_NONE) return PSA_ERROR_NOT_SUPPORTED;
  if (PSA_KEY_TYPE_IS_ASYMMETRIC(type) || !HasKeyTypeParity(type)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const SizeRule* found =
      std::find_if(std::begin(kSizeRules), std::end(kSizeRules),
                   [type](const SizeRule& r) { return r.type == type; });
  // Unknown: an unallocated or implementation-defined (bit 15) value, which
  // may be valid for another implementation or version.
  if (found == std::end(kSizeRules) || !found->supported) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  *rule = found;
  return PSA_SUCCESS;
}

// The status of a key of `bits` bits under `rule`.
psa_status_t CheckSize(const SizeRule& rule, size_t bits) {
  if (bits == 0 || bits % 8 != 0) return PSA_ERROR_INVALID_ARGUMENT;
  if (rule.any_whole_bytes) {
    return bits <= kMaxKeyBits ? PSA_SUCCESS : PSA_ERROR_NOT_SUPPORTED;
  }
  if (std::find(std::begin(rule.sizes), std::end(rule.sizes), bits) !=
      std::end(rule.sizes)) {
    return PSA_SUCCESS;
  }
  if (std::find(std::begin(rule.unsupported), std::end(rule.unsupported),
                bits) != std::end(rule.unsupported)) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  return PSA_ERROR_INVALID_ARGUMENT;
}

}  // namespace

psa_status_t ValidateSymmetricImport(psa_key_type_t type, const uint8_t* data,
                                     size_t length, size_t* bits) {
  if (bits == nullptr || (data == nullptr && length != 0)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const SizeRule* rule = nullptr;
  psa_status_t status = FindSizeRule(type, &rule);
  if (status != PSA_SUCCESS) return status;

  // Every size of interest is far below this bound, so the product below
  // cannot overflow, and a longer buffer is too long for any type.
  constexpr size_t kMaxLength = kMaxKeyBits / 8;
  if (length > kMaxLength) {
    return rule->any_whole_bytes ? PSA_ERROR_NOT_SUPPORTED
                                 : PSA_ERROR_INVALID_ARGUMENT;
  }
  const size_t key_bits = length * 8;
  // A size the caller got wrong is an error even where the data's size would
  // otherwise be merely unsupported.
  if (*bits != 0 && *bits != key_bits) return PSA_ERROR_INVALID_ARGUMENT;
  status = CheckSize(*rule, key_bits);
  if (status != PSA_SUCCESS) return status;

  if (type == PSA_KEY_TYPE_DES) {
    uint8_t all_odd = 1;
    for (size_t i = 0; i < length; ++i) all_odd &= OddParity(data[i]);
    if (all_odd == 0) return PSA_ERROR_INVALID_ARGUMENT;
  }
  *bits = key_bits;
  return PSA_SUCCESS;
}

psa_status_t ValidateSymmetricGenerate(psa_key_type_t type, size_t bits) {
  const SizeRule* rule = nullptr;
  const psa_status_t status = FindSizeRule(type, &rule);
  if (status != PSA_SUCCESS) return status;
  return CheckSize(*rule, bits);
}

void SetDesParity(uint8_t* key, size_t length) {
  for (size_t i = 0; i < length; ++i) {
    const uint8_t high_bits = key[i] & 0xFE;
    // An odd count of set high bits needs a clear parity bit, and conversely.
    key[i] = static_cast<uint8_t>(high_bits | (OddParity(high_bits) ^ 1));
  }
}

bool ContainsWeakDesKey(const uint8_t* key, size_t length) {
  if (length % kDesKeyLength != 0) return false;
  uint8_t found = 0;
  for (size_t offset = 0; offset < length; offset += kDesKeyLength) {
    for (const auto& weak : kWeakDesKeys) {
      uint8_t difference = 0;
      for (size_t i = 0; i < kDesKeyLength; ++i) {
        difference |= static_cast<uint8_t>((key[offset + i] ^ weak[i]) & 0xFE);
      }
      // 1 when `difference` is 0, computed without a branch.
      found |= static_cast<uint8_t>(
          ((static_cast<unsigned>(difference) - 1) >> 8) & 1);
    }
  }
  return found != 0;
}

}  // namespace psa::core::policy
