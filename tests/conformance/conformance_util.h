// Helpers shared by the MAC, cipher and AEAD conformance suites: status
// checks that name the statuses, keys that destroy themselves, output
// buffers followed by a guard region filled with a canary, and the
// published known-answer vectors the suites run on.

#ifndef TESTS_CONFORMANCE_CONFORMANCE_UTIL_H_
#define TESTS_CONFORMANCE_CONFORMANCE_UTIL_H_

#include <gtest/gtest.h>
#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/keys/key_test_util.h"

namespace psa::conformance {

using ::psa::keys_testing::Bytes;
using ::psa::keys_testing::FromHex;
using ::psa::keys_testing::ToHex;

// "PSA_ERROR_INVALID_PADDING" etc.; the decimal value for unknown statuses.
std::string StatusName(psa_status_t status);

// Status checks whose failure messages name the statuses.
#define EXPECT_STATUS(expected, expression) \
  EXPECT_EQ(::psa::conformance::StatusName(expression), ::psa::conformance::StatusName(expected))
#define ASSERT_STATUS(expected, expression) \
  ASSERT_EQ(::psa::conformance::StatusName(expression), ::psa::conformance::StatusName(expected))

// Identifiers that never name a key in these suites: one of the user
// range (persistent, looked up in the empty storage directory) and one of
// the volatile range that the key store does not reach in a test run.
inline constexpr psa_key_id_t kNeverCreatedPersistentId = 0x2f0e0d0c;
inline constexpr psa_key_id_t kNeverCreatedVolatileId = PSA_KEY_ID_VENDOR_MAX - 1;

// A volatile key destroyed when the object goes out of scope.
class ScopedKey {
 public:
  ScopedKey() = default;
  // Imports `material` as a key of `type` with the policy (`usage`, `alg`);
  // a failed import is a test failure and leaves id() == PSA_KEY_ID_NULL.
  ScopedKey(psa_key_type_t type, const Bytes& material, psa_key_usage_t usage, psa_algorithm_t alg);
  ~ScopedKey() { Destroy(); }
  ScopedKey(const ScopedKey&) = delete;
  ScopedKey& operator=(const ScopedKey&) = delete;
  ScopedKey(ScopedKey&& other) noexcept : id_(other.id_), destroyed_(other.destroyed_) { other.id_ = PSA_KEY_ID_NULL; }
  ScopedKey& operator=(ScopedKey&& other) noexcept;

  psa_key_id_t id() const { return id_; }
  // Destroys the key now; id() keeps the (now invalid) identifier.
  psa_status_t DestroyNow();

 private:
  void Destroy();
  psa_key_id_t id_ = PSA_KEY_ID_NULL;
  bool destroyed_ = false;
};

// The identifier of a key that existed and was destroyed.
psa_key_id_t DestroyedKeyId();

// An output buffer of `size` bytes followed by kGuardSize guard bytes, all
// filled with `canary` at construction. data() is a valid pointer even for
// size 0.
class GuardedBuffer {
 public:
  static constexpr uint8_t kCanary = 0xa5;
  static constexpr size_t kGuardSize = 64;

  explicit GuardedBuffer(size_t size, uint8_t canary = kCanary);

  uint8_t* data() { return storage_.data(); }
  const uint8_t* data() const { return storage_.data(); }
  size_t size() const { return size_; }
  // The first `length` (<= size()) bytes.
  Bytes Prefix(size_t length) const;
  Bytes Contents() const { return Prefix(size_); }
  // Whether the guard region still holds only the canary.
  bool GuardIntact() const;
  // Whether every byte of the buffer proper is the canary or zero (nothing
  // was released into it, or it was wiped).
  bool OnlyCanaryOrZero() const;

 private:
  size_t size_;
  uint8_t canary_;
  Bytes storage_;
};

// Whether `buffer` contains any `window`-byte run of `secret` (a leak of
// part of it), for secrets of at least `window` bytes.
bool ContainsPartOf(const Bytes& buffer, const Bytes& secret, size_t window = 8);

// A pointer for `bytes`, or nullptr when empty (the API accepts a null
// buffer of length 0).
inline const uint8_t* DataOrNull(const Bytes& bytes) { return bytes.empty() ? nullptr : bytes.data(); }

// Concatenation.
Bytes Concat(const Bytes& a, const Bytes& b);
// bytes[begin, begin + length).
Bytes Slice(const Bytes& bytes, size_t begin, size_t length);
// A copy with bit `bit` of byte `index` flipped.
Bytes WithBitFlipped(const Bytes& bytes, size_t index, int bit = 0);

// ---------------------------------------------------------------------------
// Known-answer vectors (each checked against its publication). Globals of
// this file: read them at run time, not from other files' static
// initializers.
namespace kat {

// RFC 4231 test case 2: HMAC-SHA-256, key "Jefe".
extern const Bytes kHmacKey;
extern const Bytes kHmacMessage;
extern const Bytes kHmacSha256;
extern const Bytes kHmacSha512;

// RFC 4493 example 2 (NIST SP 800-38B D.1): AES-128-CMAC of one block.
extern const Bytes kCmacKey;
extern const Bytes kCmacMessage;
extern const Bytes kCmacTag;

// NIST SP 800-38A F.2.1/F.2.2 (CBC-AES128) and F.5.1 (CTR-AES128), four
// blocks; both use kAesKey.
extern const Bytes kAesKey;
extern const Bytes kCbcIv;
extern const Bytes kSp800_38aPlaintext;
extern const Bytes kCbcCiphertext;
extern const Bytes kCtrInitialCounter;
extern const Bytes kCtrCiphertext;

// GCM test case 4 (McGrew and Viega, "The Galois/Counter Mode of
// Operation"): AES-128, 12-byte IV, 20 bytes of AD, 60 bytes of plaintext.
extern const Bytes kGcmKey;
extern const Bytes kGcmNonce;
extern const Bytes kGcmAd;
extern const Bytes kGcmPlaintext;
extern const Bytes kGcmCiphertext;  // without the tag
extern const Bytes kGcmTag;

// RFC 3610 packet vector #1: AES-128-CCM, 13-byte nonce, 8-byte tag.
extern const Bytes kCcmKey;
extern const Bytes kCcmNonce;
extern const Bytes kCcmAd;
extern const Bytes kCcmPlaintext;
extern const Bytes kCcmCiphertextAndTag;

// RFC 8439 section 2.8.2: ChaCha20-Poly1305.
extern const Bytes kChachaPolyKey;
extern const Bytes kChachaPolyNonce;
extern const Bytes kChachaPolyAd;
extern const Bytes kChachaPolyPlaintext;
extern const Bytes kChachaPolyCiphertext;  // without the tag
extern const Bytes kChachaPolyTag;

}  // namespace kat

}  // namespace psa::conformance

#endif  // TESTS_CONFORMANCE_CONFORMANCE_UTIL_H_
