// The sha_x86 driver's HMAC entry points (see sha_x86_mac.h): RFC 2104 over
// digest.h. The single-part entry points run the multi-part ones on a stack
// operation.

#include "drivers/sha_x86/sha_x86_mac.h"

#include <cstring>

#include "drivers/sha_x86/code_path.h"
#include "drivers/sha_x86/digest.h"

namespace drivers::sha_x86 {
namespace {

static_assert(sizeof(sha_x86_mac_operation_t) <= PSA_MAC_OPERATION_CONTEXT_SIZE,
              "sha_x86_mac_operation_t exceeds the storage reserved for a "
              "driver MAC context");
static_assert(alignof(sha_x86_mac_operation_t) <= 16,
              "sha_x86_mac_operation_t needs more than 16-byte alignment");
// sha_x86_mac_operation_t::mac_length is a uint8_t.
static_assert(kMaxDigestLength <= 0xff, "mac_length does not fit its field");

// The W bit of a MAC algorithm identifier: a minimum-length wildcard policy
// (PSA_ALG_AT_LEAST_THIS_LENGTH_MAC), not an algorithm.
constexpr psa_algorithm_t kAtLeastThisLengthFlag = 0x00008000;
static_assert(PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 8) ==
                  (PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 8) |
                   kAtLeastThisLengthFlag),
              "the minimum-length flag of crypto_values.h moved");

// RFC 2104 pad bytes.
constexpr uint8_t kIpad = 0x36;
constexpr uint8_t kOpad = 0x5c;

struct ResolvedMac {
  DigestKind kind = DigestKind::kNotStarted;
  size_t mac_length = 0;
};

// Checks that the driver can compute `alg` with this key now and names the
// hash and the MAC length.
psa_status_t ResolveMac(const psa_key_attributes_t* attributes,
                        size_t key_size, psa_algorithm_t alg,
                        ResolvedMac* resolved) {
  if (!PSA_ALG_IS_MAC(alg) || (alg & kAtLeastThisLengthFlag) != 0) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const psa_algorithm_t base = PSA_ALG_FULL_LENGTH_MAC(alg);
  if (!PSA_ALG_IS_HMAC(base)) return PSA_ERROR_NOT_SUPPORTED;
  const DigestKind kind = DigestKindOf(PSA_ALG_GET_HASH(base));
  if (kind == DigestKind::kNotStarted) return PSA_ERROR_NOT_SUPPORTED;
  if (psa_get_key_type(attributes) != PSA_KEY_TYPE_HMAC ||
      psa_get_key_bits(attributes) != 8 * key_size) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const size_t full_length = DigestLength(kind);
  const size_t mac_length =
      PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 8 * key_size, alg);
  if (mac_length == 0 || mac_length > full_length) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (ActiveCodePath() != CodePath::kShaNi) return PSA_ERROR_NOT_SUPPORTED;
  resolved->kind = kind;
  resolved->mac_length = mac_length;
  return PSA_SUCCESS;
}

void WipeOperation(sha_x86_mac_operation_t* operation) {
  Wipe(operation, sizeof(*operation));
}

// Keys both hashes (RFC 2104, step 1-2 and 5): inner with K ^ ipad, outer
// with K ^ opad, K being the key, or its digest if longer than a block,
// zero-padded to a block. Sets every field of `operation`.
void SetupResolved(sha_x86_mac_operation_t* operation,
                   const ResolvedMac& resolved, const uint8_t* key,
                   size_t key_length, psa_algorithm_t alg, bool is_sign) {
  uint8_t block[kBlockLength];
  if (key_length > kBlockLength) {
    DigestOneShot(resolved.kind, key, key_length, block);
    key_length = DigestLength(resolved.kind);
  } else if (key_length != 0) {
    std::memcpy(block, key, key_length);
  }
  std::memset(block + key_length, 0, kBlockLength - key_length);
  for (size_t i = 0; i < kBlockLength; ++i) block[i] ^= kIpad;
  DigestStart(&operation->inner, resolved.kind);
  DigestUpdate(&operation->inner, block, kBlockLength);
  for (size_t i = 0; i < kBlockLength; ++i) block[i] ^= kIpad ^ kOpad;
  DigestStart(&operation->outer, resolved.kind);
  DigestUpdate(&operation->outer, block, kBlockLength);
  Wipe(block, sizeof(block));
  operation->alg = alg;
  operation->mac_length = static_cast<uint8_t>(resolved.mac_length);
  operation->is_sign = is_sign ? 1 : 0;
}

psa_status_t Setup(sha_x86_mac_operation_t* operation,
                   const psa_key_attributes_t* attributes,
                   const uint8_t* key_buffer, size_t key_buffer_size,
                   psa_algorithm_t alg, bool is_sign) {
  if (operation->alg != 0) return PSA_ERROR_BAD_STATE;
  ResolvedMac resolved;
  const psa_status_t status =
      ResolveMac(attributes, key_buffer_size, alg, &resolved);
  if (status != PSA_SUCCESS) return status;
  SetupResolved(operation, resolved, key_buffer, key_buffer_size, alg,
                is_sign);
  return PSA_SUCCESS;
}

// Writes the full-length HMAC of an active operation to `mac` (the digest
// length). The operation is used up; the caller wipes it.
void FinishFullMac(sha_x86_mac_operation_t* operation, uint8_t* mac) {
  uint8_t inner_digest[kMaxDigestLength];
  DigestFinish(&operation->inner, inner_digest);
  DigestUpdate(&operation->outer, inner_digest,
               DigestLength(static_cast<DigestKind>(operation->inner.kind)));
  DigestFinish(&operation->outer, mac);
  Wipe(inner_digest, sizeof(inner_digest));
}

// True if a[0..a_length) equals b[0..b_length). The lengths are public; the
// time does not depend on the contents.
bool ConstantTimeEqual(const uint8_t* a, size_t a_length, const uint8_t* b,
                       size_t b_length) {
  if (a_length != b_length) return false;
  const volatile uint8_t* x = a;
  const volatile uint8_t* y = b;
  uint8_t difference = 0;
  for (size_t i = 0; i < a_length; ++i) {
    difference = static_cast<uint8_t>(difference | (x[i] ^ y[i]));
  }
  return difference == 0;
}

bool IsActive(const sha_x86_mac_operation_t* operation) {
  return operation->alg != 0 &&
         static_cast<DigestKind>(operation->inner.kind) != DigestKind::kNotStarted;
}

}  // namespace
}  // namespace drivers::sha_x86

using drivers::sha_x86::ConstantTimeEqual;
using drivers::sha_x86::DigestUpdate;
using drivers::sha_x86::FinishFullMac;
using drivers::sha_x86::IsActive;
using drivers::sha_x86::kMaxDigestLength;
using drivers::sha_x86::ResolvedMac;
using drivers::sha_x86::ResolveMac;
using drivers::sha_x86::Setup;
using drivers::sha_x86::SetupResolved;
using drivers::sha_x86::Wipe;
using drivers::sha_x86::WipeOperation;

extern "C" {

psa_status_t sha_x86_mac_sign_setup(sha_x86_mac_operation_t* operation,
                                    const psa_key_attributes_t* attributes,
                                    const uint8_t* key_buffer,
                                    size_t key_buffer_size,
                                    psa_algorithm_t alg) {
  return Setup(operation, attributes, key_buffer, key_buffer_size, alg,
               /*is_sign=*/true);
}

psa_status_t sha_x86_mac_verify_setup(sha_x86_mac_operation_t* operation,
                                      const psa_key_attributes_t* attributes,
                                      const uint8_t* key_buffer,
                                      size_t key_buffer_size,
                                      psa_algorithm_t alg) {
  return Setup(operation, attributes, key_buffer, key_buffer_size, alg,
               /*is_sign=*/false);
}

psa_status_t sha_x86_mac_update(sha_x86_mac_operation_t* operation,
                                const uint8_t* input, size_t input_length) {
  if (!IsActive(operation)) {
    WipeOperation(operation);
    return PSA_ERROR_BAD_STATE;
  }
  DigestUpdate(&operation->inner, input, input_length);
  return PSA_SUCCESS;
}

psa_status_t sha_x86_mac_sign_finish(sha_x86_mac_operation_t* operation,
                                     uint8_t* mac, size_t mac_size,
                                     size_t* mac_length) {
  *mac_length = 0;
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (IsActive(operation) && operation->is_sign) {
    const size_t length = operation->mac_length;
    if (mac_size < length) {
      status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
      uint8_t full_mac[kMaxDigestLength];
      FinishFullMac(operation, full_mac);
      std::memcpy(mac, full_mac, length);
      Wipe(full_mac, sizeof(full_mac));
      *mac_length = length;
      status = PSA_SUCCESS;
    }
  }
  WipeOperation(operation);
  return status;
}

psa_status_t sha_x86_mac_verify_finish(sha_x86_mac_operation_t* operation,
                                       const uint8_t* mac, size_t mac_length) {
  psa_status_t status = PSA_ERROR_BAD_STATE;
  if (IsActive(operation) && !operation->is_sign) {
    uint8_t full_mac[kMaxDigestLength];
    FinishFullMac(operation, full_mac);
    status = ConstantTimeEqual(full_mac, operation->mac_length, mac, mac_length)
                 ? PSA_SUCCESS
                 : PSA_ERROR_INVALID_SIGNATURE;
    Wipe(full_mac, sizeof(full_mac));
  }
  WipeOperation(operation);
  return status;
}

psa_status_t sha_x86_mac_abort(sha_x86_mac_operation_t* operation) {
  WipeOperation(operation);
  return PSA_SUCCESS;
}

psa_status_t sha_x86_mac_compute(const psa_key_attributes_t* attributes,
                                 const uint8_t* key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg,
                                 const uint8_t* input, size_t input_length,
                                 uint8_t* mac, size_t mac_size,
                                 size_t* mac_length) {
  *mac_length = 0;
  // Refuse before reading the key or the input when the result cannot be
  // delivered.
  ResolvedMac resolved;
  psa_status_t status =
      ResolveMac(attributes, key_buffer_size, alg, &resolved);
  if (status != PSA_SUCCESS) return status;
  if (mac_size < resolved.mac_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  // SetupResolved sets every field; sign_finish wipes the operation.
  sha_x86_mac_operation_t operation;
  SetupResolved(&operation, resolved, key_buffer, key_buffer_size, alg,
                /*is_sign=*/true);
  DigestUpdate(&operation.inner, input, input_length);
  return sha_x86_mac_sign_finish(&operation, mac, mac_size, mac_length);
}

psa_status_t sha_x86_mac_verify(const psa_key_attributes_t* attributes,
                                const uint8_t* key_buffer,
                                size_t key_buffer_size, psa_algorithm_t alg,
                                const uint8_t* input, size_t input_length,
                                const uint8_t* mac, size_t mac_length) {
  ResolvedMac resolved;
  const psa_status_t status =
      ResolveMac(attributes, key_buffer_size, alg, &resolved);
  if (status != PSA_SUCCESS) return status;
  sha_x86_mac_operation_t operation;
  SetupResolved(&operation, resolved, key_buffer, key_buffer_size, alg,
                /*is_sign=*/false);
  DigestUpdate(&operation.inner, input, input_length);
  return sha_x86_mac_verify_finish(&operation, mac, mac_length);
}

}  // extern "C"
