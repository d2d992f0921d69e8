// The MAC API (PSA Crypto API 1.2, "Message authentication codes") through
// the public functions of a builtin-only build, against the statuses
// api/ops/mac.rst lists for each function:
//   - a table of bad keys and algorithms run through psa_mac_compute,
//     psa_mac_verify, psa_mac_sign_setup and psa_mac_verify_setup: invalid
//     handles, missing usage, algorithms the policy does not permit,
//     non-MAC algorithms, key types that do not suit the algorithm;
//   - PSA_ALG_TRUNCATED_MAC and PSA_ALG_AT_LEAST_THIS_LENGTH_MAC policies;
//   - outputs one byte too small: PSA_ERROR_BUFFER_TOO_SMALL and nothing
//     written past the buffer;
//   - the operation's states: every call on an inactive, finished, failed or
//     wrongly set up operation, setup on an active one, abort;
//   - known answers (RFC 4231, RFC 4493) single-part, multi-part, and with
//     the MAC overlapping the input.

#include <gtest/gtest.h>
#include <string.h>

#include <algorithm>
#include <string>
#include <vector>

#include "psa/crypto.h"
#include "tests/conformance/conformance_util.h"
#include "tests/keys/key_test_util.h"

namespace psa::conformance {
namespace {

const int kRegistered = (::psa::keys_testing::RegisterStorageEnvironment(), 0);

constexpr psa_algorithm_t kHmacSha256 = PSA_ALG_HMAC(PSA_ALG_SHA_256);
constexpr psa_key_usage_t kSignVerify = PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE;

bool IsInitialState(const psa_mac_operation_t& operation) {
  const psa_mac_operation_t init = PSA_MAC_OPERATION_INIT;
  return memcmp(&operation, &init, sizeof(init)) == 0;
}

// Key material for a key type: the known-answer keys for HMAC and AES, a
// fixed pattern for the others.
Bytes MaterialFor(psa_key_type_t type) {
  switch (type) {
    case PSA_KEY_TYPE_HMAC:
      return kat::kHmacKey;
    case PSA_KEY_TYPE_AES:
      return kat::kCmacKey;
    case PSA_KEY_TYPE_CHACHA20:
      return ::psa::keys_testing::PatternBytes(32, 7);
    case PSA_KEY_TYPE_DES:
      return ::psa::keys_testing::WithDesParity(::psa::keys_testing::PatternBytes(24, 8));
    default:
      return ::psa::keys_testing::PatternBytes(16, 9);
  }
}

// The message of the known answer of `alg`'s family, and its MAC with the
// key of MaterialFor() (truncated as `alg` says): HMAC-SHA-256,
// HMAC-SHA-512 and CMAC-AES-128.
const Bytes& MessageFor(psa_algorithm_t alg) { return PSA_ALG_IS_HMAC(alg) ? kat::kHmacMessage : kat::kCmacMessage; }
Bytes ExpectedMac(psa_algorithm_t alg) {
  const psa_algorithm_t full_alg = PSA_ALG_FULL_LENGTH_MAC(alg);
  const Bytes& full = full_alg == PSA_ALG_HMAC(PSA_ALG_SHA_512) ? kat::kHmacSha512
                      : PSA_ALG_IS_HMAC(alg)                    ? kat::kHmacSha256
                                                                : kat::kCmacTag;
  const size_t length = PSA_MAC_LENGTH(PSA_ALG_IS_HMAC(alg) ? PSA_KEY_TYPE_HMAC : PSA_KEY_TYPE_AES, 0, alg);
  return Slice(full, 0, length < full.size() ? length : full.size());
}

psa_status_t Compute(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, Bytes* mac) {
  GuardedBuffer out(PSA_MAC_MAX_SIZE);
  size_t length = 0;
  const psa_status_t status =
      psa_mac_compute(key, alg, DataOrNull(message), message.size(), out.data(), out.size(), &length);
  EXPECT_TRUE(out.GuardIntact());
  *mac = status == PSA_SUCCESS ? out.Prefix(length) : Bytes();
  return status;
}

// Multi-part signing in updates of `chunk` bytes (0: one update).
psa_status_t SignMultipart(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, size_t chunk, Bytes* mac) {
  mac->clear();
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  psa_status_t status = psa_mac_sign_setup(&operation, key, alg);
  if (status != PSA_SUCCESS) {
    EXPECT_TRUE(IsInitialState(operation)) << "a failed setup changed the operation";
    return status;
  }
  if (chunk == 0) chunk = message.size() + 1;
  for (size_t offset = 0; offset < message.size() && status == PSA_SUCCESS; offset += chunk) {
    const size_t n = std::min(chunk, message.size() - offset);
    status = psa_mac_update(&operation, message.data() + offset, n);
  }
  GuardedBuffer out(PSA_MAC_MAX_SIZE);
  size_t length = 0;
  if (status == PSA_SUCCESS) status = psa_mac_sign_finish(&operation, out.data(), out.size(), &length);
  EXPECT_TRUE(out.GuardIntact());
  if (status == PSA_SUCCESS) *mac = out.Prefix(length);
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
  return status;
}

psa_status_t VerifyMultipart(psa_key_id_t key, psa_algorithm_t alg, const Bytes& message, size_t chunk,
                             const Bytes& mac) {
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  psa_status_t status = psa_mac_verify_setup(&operation, key, alg);
  if (status != PSA_SUCCESS) {
    EXPECT_TRUE(IsInitialState(operation)) << "a failed setup changed the operation";
    return status;
  }
  if (chunk == 0) chunk = message.size() + 1;
  for (size_t offset = 0; offset < message.size() && status == PSA_SUCCESS; offset += chunk) {
    const size_t n = std::min(chunk, message.size() - offset);
    status = psa_mac_update(&operation, message.data() + offset, n);
  }
  if (status == PSA_SUCCESS) status = psa_mac_verify_finish(&operation, DataOrNull(mac), mac.size());
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
  return status;
}

// ---------------------------------------------------------------------------
// Bad keys and algorithms, through the four functions that take a key.

enum class KeySource { kNull, kDestroyed, kNeverCreatedPersistent, kNeverCreatedVolatile, kImported };

struct ArgumentCase {
  const char* name;
  KeySource source;
  psa_key_type_t type;
  psa_key_usage_t usage;
  psa_algorithm_t policy;
  psa_algorithm_t alg;
  psa_status_t sign_status;    // psa_mac_compute, psa_mac_sign_setup
  psa_status_t verify_status;  // psa_mac_verify, psa_mac_verify_setup
};

std::ostream& operator<<(std::ostream& os, const ArgumentCase& c) { return os << c.name; }

const ArgumentCase kArgumentCases[] = {
    // Invalid handles.
    {"NullKeyId", KeySource::kNull, 0, 0, 0, kHmacSha256, PSA_ERROR_INVALID_HANDLE, PSA_ERROR_INVALID_HANDLE},
    {"DestroyedKey", KeySource::kDestroyed, 0, 0, 0, kHmacSha256, PSA_ERROR_INVALID_HANDLE, PSA_ERROR_INVALID_HANDLE},
    {"NeverCreatedPersistentId", KeySource::kNeverCreatedPersistent, 0, 0, 0, kHmacSha256, PSA_ERROR_INVALID_HANDLE,
     PSA_ERROR_INVALID_HANDLE},
    {"NeverCreatedVolatileId", KeySource::kNeverCreatedVolatile, 0, 0, 0, kHmacSha256, PSA_ERROR_INVALID_HANDLE,
     PSA_ERROR_INVALID_HANDLE},
    // The baselines: everything right.
    {"HmacValid", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify, kHmacSha256, kHmacSha256, PSA_SUCCESS,
     PSA_SUCCESS},
    {"CmacValid", KeySource::kImported, PSA_KEY_TYPE_AES, kSignVerify, PSA_ALG_CMAC, PSA_ALG_CMAC, PSA_SUCCESS,
     PSA_SUCCESS},
    // Usage flags.
    {"SignOnlyKey", KeySource::kImported, PSA_KEY_TYPE_HMAC, PSA_KEY_USAGE_SIGN_MESSAGE, kHmacSha256, kHmacSha256,
     PSA_SUCCESS, PSA_ERROR_NOT_PERMITTED},
    {"VerifyOnlyKey", KeySource::kImported, PSA_KEY_TYPE_HMAC, PSA_KEY_USAGE_VERIFY_MESSAGE, kHmacSha256, kHmacSha256,
     PSA_ERROR_NOT_PERMITTED, PSA_SUCCESS},
    {"NoUsage", KeySource::kImported, PSA_KEY_TYPE_HMAC, 0, kHmacSha256, kHmacSha256, PSA_ERROR_NOT_PERMITTED,
     PSA_ERROR_NOT_PERMITTED},
    {"EncryptDecryptUsageOnly", KeySource::kImported, PSA_KEY_TYPE_HMAC,
     PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_EXPORT, kHmacSha256, kHmacSha256,
     PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    // "PSA_KEY_USAGE_SIGN_HASH ... also permits PSA_KEY_USAGE_SIGN_MESSAGE".
    {"SignHashUsageImpliesSignMessage", KeySource::kImported, PSA_KEY_TYPE_HMAC,
     PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH, kHmacSha256, kHmacSha256, PSA_SUCCESS, PSA_SUCCESS},
    // Algorithms the policy does not permit.
    {"PolicyNone", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify, PSA_ALG_NONE, kHmacSha256,
     PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    {"PolicyOtherHash", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify, PSA_ALG_HMAC(PSA_ALG_SHA_512),
     kHmacSha256, PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    {"PolicyFullRequestTruncated", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify, kHmacSha256,
     PSA_ALG_TRUNCATED_MAC(kHmacSha256, 16), PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    {"PolicyTruncatedRequestFull", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify,
     PSA_ALG_TRUNCATED_MAC(kHmacSha256, 16), kHmacSha256, PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    {"PolicyTruncatedRequestOtherLength", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify,
     PSA_ALG_TRUNCATED_MAC(kHmacSha256, 16), PSA_ALG_TRUNCATED_MAC(kHmacSha256, 20), PSA_ERROR_NOT_PERMITTED,
     PSA_ERROR_NOT_PERMITTED},
    {"PolicyAtLeastOtherHash", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_384), 16), kHmacSha256, PSA_ERROR_NOT_PERMITTED,
     PSA_ERROR_NOT_PERMITTED},
    {"PolicyHmacRequestCmac", KeySource::kImported, PSA_KEY_TYPE_AES, kSignVerify, kHmacSha256, PSA_ALG_CMAC,
     PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_PERMITTED},
    // Not MAC algorithms.
    {"AlgNone", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify, kHmacSha256, PSA_ALG_NONE,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"HashAlg", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify, kHmacSha256, PSA_ALG_SHA_256,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"CipherAlg", KeySource::kImported, PSA_KEY_TYPE_AES, kSignVerify, PSA_ALG_CMAC, PSA_ALG_CBC_NO_PADDING,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"AeadAlg", KeySource::kImported, PSA_KEY_TYPE_AES, kSignVerify, PSA_ALG_CMAC, PSA_ALG_GCM,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"SignatureAlg", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify, kHmacSha256, PSA_ALG_ECDSA(PSA_ALG_SHA_256),
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    // A wildcard is a policy, not an algorithm to compute with.
    {"WildcardAsAlgorithm", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmacSha256, 16), PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmacSha256, 16),
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    // Key types that do not suit the algorithm (the policy permits it).
    {"HmacWithAesKey", KeySource::kImported, PSA_KEY_TYPE_AES, kSignVerify, kHmacSha256, kHmacSha256,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"HmacWithRawDataKey", KeySource::kImported, PSA_KEY_TYPE_RAW_DATA, kSignVerify, kHmacSha256, kHmacSha256,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"HmacWithDeriveKey", KeySource::kImported, PSA_KEY_TYPE_DERIVE, kSignVerify, kHmacSha256, kHmacSha256,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"HmacWithChacha20Key", KeySource::kImported, PSA_KEY_TYPE_CHACHA20, kSignVerify, kHmacSha256, kHmacSha256,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"CmacWithHmacKey", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify, PSA_ALG_CMAC, PSA_ALG_CMAC,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"CmacWithChacha20Key", KeySource::kImported, PSA_KEY_TYPE_CHACHA20, kSignVerify, PSA_ALG_CMAC, PSA_ALG_CMAC,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"CmacWithRawDataKey", KeySource::kImported, PSA_KEY_TYPE_RAW_DATA, kSignVerify, PSA_ALG_CMAC, PSA_ALG_CMAC,
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    // Truncations the algorithm cannot have ("mac_length ... must be at most
    // the untruncated length of the MAC and at least an
    // implementation-specified minimum").
    {"HmacTruncatedBeyondFullLength", KeySource::kImported, PSA_KEY_TYPE_HMAC, kSignVerify,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmacSha256, 1), PSA_ALG_TRUNCATED_MAC(kHmacSha256, 33),
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
    {"CmacTruncatedBeyondFullLength", KeySource::kImported, PSA_KEY_TYPE_AES, kSignVerify,
     PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 1), PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 17),
     PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_ARGUMENT},
};

class MacArguments : public ::testing::TestWithParam<ArgumentCase> {
 protected:
  void SetUp() override {
    const ArgumentCase& c = GetParam();
    switch (c.source) {
      case KeySource::kNull:
        id_ = PSA_KEY_ID_NULL;
        break;
      case KeySource::kDestroyed:
        id_ = DestroyedKeyId();
        break;
      case KeySource::kNeverCreatedPersistent:
        id_ = kNeverCreatedPersistentId;
        break;
      case KeySource::kNeverCreatedVolatile:
        id_ = kNeverCreatedVolatileId;
        break;
      case KeySource::kImported:
        key_ = ScopedKey(c.type, MaterialFor(c.type), c.usage, c.policy);
        ASSERT_NE(key_.id(), PSA_KEY_ID_NULL);
        id_ = key_.id();
        break;
    }
  }

  // The MAC a successful case must produce: the known answer when the key
  // is one of the known-answer keys.
  bool HasKnownAnswer() const {
    const ArgumentCase& c = GetParam();
    return (c.type == PSA_KEY_TYPE_HMAC && PSA_ALG_IS_HMAC(c.alg) &&
            (PSA_ALG_GET_HASH(c.alg) == PSA_ALG_SHA_256 || PSA_ALG_GET_HASH(c.alg) == PSA_ALG_SHA_512)) ||
           (c.type == PSA_KEY_TYPE_AES && PSA_ALG_FULL_LENGTH_MAC(c.alg) == PSA_ALG_CMAC);
  }
  Bytes CorrectMac() const { return HasKnownAnswer() ? ExpectedMac(GetParam().alg) : kat::kHmacSha256; }

  ScopedKey key_;
  psa_key_id_t id_ = PSA_KEY_ID_NULL;
};

TEST_P(MacArguments, Compute) {
  const ArgumentCase& c = GetParam();
  Bytes mac;
  EXPECT_STATUS(c.sign_status, Compute(id_, c.alg, MessageFor(c.alg), &mac));
  if (c.sign_status == PSA_SUCCESS && HasKnownAnswer()) {
    EXPECT_EQ(ToHex(mac), ToHex(CorrectMac()));
  }
}

TEST_P(MacArguments, Verify) {
  const ArgumentCase& c = GetParam();
  const Bytes mac = CorrectMac();
  EXPECT_STATUS(c.verify_status,
                psa_mac_verify(id_, c.alg, MessageFor(c.alg).data(), MessageFor(c.alg).size(), mac.data(), mac.size()));
}

TEST_P(MacArguments, SignSetup) {
  const ArgumentCase& c = GetParam();
  Bytes mac;
  EXPECT_STATUS(c.sign_status, SignMultipart(id_, c.alg, MessageFor(c.alg), 0, &mac));
  if (c.sign_status == PSA_SUCCESS && HasKnownAnswer()) {
    EXPECT_EQ(ToHex(mac), ToHex(CorrectMac()));
  }
}

TEST_P(MacArguments, VerifySetup) {
  const ArgumentCase& c = GetParam();
  EXPECT_STATUS(c.verify_status, VerifyMultipart(id_, c.alg, MessageFor(c.alg), 0, CorrectMac()));
}

INSTANTIATE_TEST_SUITE_P(Table, MacArguments, ::testing::ValuesIn(kArgumentCases),
                         [](const ::testing::TestParamInfo<ArgumentCase>& info) { return info.param.name; });

// A failed setup leaves an operation object exactly as it was, so that it
// can be set up again at once (mac.rst: "If psa_mac_sign_setup() returns an
// error, the operation object is unchanged").
TEST(MacSetup, FailedSetupLeavesTheObjectUsable) {
  ScopedKey key(PSA_KEY_TYPE_HMAC, kat::kHmacKey, PSA_KEY_USAGE_VERIFY_MESSAGE, kHmacSha256);
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  EXPECT_STATUS(PSA_ERROR_NOT_PERMITTED, psa_mac_sign_setup(&operation, key.id(), kHmacSha256));
  EXPECT_TRUE(IsInitialState(operation));
  EXPECT_STATUS(PSA_ERROR_INVALID_ARGUMENT, psa_mac_verify_setup(&operation, key.id(), PSA_ALG_SHA_256));
  EXPECT_TRUE(IsInitialState(operation));
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_verify_setup(&operation, key.id(), kHmacSha256));
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, kat::kHmacMessage.data(), kat::kHmacMessage.size()));
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_verify_finish(&operation, kat::kHmacSha256.data(), kat::kHmacSha256.size()));
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
}

// ---------------------------------------------------------------------------
// Known answers.

TEST(MacKnownAnswer, HmacSha256Rfc4231Case2) {
  ScopedKey key(PSA_KEY_TYPE_HMAC, kat::kHmacKey, kSignVerify, kHmacSha256);
  Bytes mac;
  ASSERT_STATUS(PSA_SUCCESS, Compute(key.id(), kHmacSha256, kat::kHmacMessage, &mac));
  EXPECT_EQ(ToHex(mac), ToHex(kat::kHmacSha256));
  for (size_t chunk : {0, 1, 3, 7, 27, 28}) {
    SCOPED_TRACE(chunk);
    ASSERT_STATUS(PSA_SUCCESS, SignMultipart(key.id(), kHmacSha256, kat::kHmacMessage, chunk, &mac));
    EXPECT_EQ(ToHex(mac), ToHex(kat::kHmacSha256));
    EXPECT_STATUS(PSA_SUCCESS, VerifyMultipart(key.id(), kHmacSha256, kat::kHmacMessage, chunk, kat::kHmacSha256));
  }
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_verify(key.id(), kHmacSha256, kat::kHmacMessage.data(), kat::kHmacMessage.size(),
                                            kat::kHmacSha256.data(), kat::kHmacSha256.size()));
}

TEST(MacKnownAnswer, CmacAes128Rfc4493Example2) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kCmacKey, kSignVerify, PSA_ALG_CMAC);
  Bytes mac;
  ASSERT_STATUS(PSA_SUCCESS, Compute(key.id(), PSA_ALG_CMAC, kat::kCmacMessage, &mac));
  EXPECT_EQ(ToHex(mac), ToHex(kat::kCmacTag));
  for (size_t chunk : {0, 1, 5, 16}) {
    SCOPED_TRACE(chunk);
    ASSERT_STATUS(PSA_SUCCESS, SignMultipart(key.id(), PSA_ALG_CMAC, kat::kCmacMessage, chunk, &mac));
    EXPECT_EQ(ToHex(mac), ToHex(kat::kCmacTag));
    EXPECT_STATUS(PSA_SUCCESS, VerifyMultipart(key.id(), PSA_ALG_CMAC, kat::kCmacMessage, chunk, kat::kCmacTag));
  }
}

// RFC 4231 test case 6: a key longer than the hash block is hashed first.
TEST(MacKnownAnswer, HmacSha256KeyLongerThanTheBlock) {
  ScopedKey key(PSA_KEY_TYPE_HMAC, Bytes(131, 0xaa), kSignVerify, kHmacSha256);
  const std::string text = "Test Using Larger Than Block-Size Key - Hash Key First";
  const Bytes message(text.begin(), text.end());
  const Bytes expected = FromHex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  Bytes mac;
  ASSERT_STATUS(PSA_SUCCESS, Compute(key.id(), kHmacSha256, message, &mac));
  EXPECT_EQ(ToHex(mac), ToHex(expected));
  ASSERT_STATUS(PSA_SUCCESS, SignMultipart(key.id(), kHmacSha256, message, 13, &mac));
  EXPECT_EQ(ToHex(mac), ToHex(expected));
}

// Every MAC of the builtin driver: the length PSA_MAC_LENGTH() gives,
// single-part equal to multi-part, verify accepting it single-part and
// multi-part, over messages around the block sizes.
TEST(MacKnownAnswer, EveryAlgorithmSingleAndMultipartAgree) {
  struct {
    psa_key_type_t type;
    size_t key_size;
    psa_algorithm_t alg;
  } macs[] = {
      {PSA_KEY_TYPE_HMAC, 16, PSA_ALG_HMAC(PSA_ALG_MD5)},
      {PSA_KEY_TYPE_HMAC, 20, PSA_ALG_HMAC(PSA_ALG_RIPEMD160)},
      {PSA_KEY_TYPE_HMAC, 20, PSA_ALG_HMAC(PSA_ALG_SHA_1)},
      {PSA_KEY_TYPE_HMAC, 28, PSA_ALG_HMAC(PSA_ALG_SHA_224)},
      {PSA_KEY_TYPE_HMAC, 64, PSA_ALG_HMAC(PSA_ALG_SHA_256)},
      {PSA_KEY_TYPE_HMAC, 65, PSA_ALG_HMAC(PSA_ALG_SHA_256)},
      {PSA_KEY_TYPE_HMAC, 48, PSA_ALG_HMAC(PSA_ALG_SHA_384)},
      {PSA_KEY_TYPE_HMAC, 200, PSA_ALG_HMAC(PSA_ALG_SHA_512)},
      {PSA_KEY_TYPE_AES, 16, PSA_ALG_CMAC},
      {PSA_KEY_TYPE_AES, 24, PSA_ALG_CMAC},
      {PSA_KEY_TYPE_AES, 32, PSA_ALG_CMAC},
      {PSA_KEY_TYPE_DES, 16, PSA_ALG_CMAC},
      {PSA_KEY_TYPE_DES, 24, PSA_ALG_CMAC},
  };
  for (const auto& m : macs) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << m.alg << std::dec << ", " << m.key_size
                                      << "-byte key");
    Bytes material = ::psa::keys_testing::PatternBytes(m.key_size, 0x71);
    if (m.type == PSA_KEY_TYPE_DES) material = ::psa::keys_testing::WithDesParity(material);
    ScopedKey key(m.type, material, kSignVerify, m.alg);
    for (size_t size : {0, 1, 7, 8, 9, 16, 17, 63, 64, 65, 128, 129, 300}) {
      SCOPED_TRACE(size);
      const Bytes message = ::psa::keys_testing::PatternBytes(size, 0x72);
      Bytes single, multi;
      ASSERT_STATUS(PSA_SUCCESS, Compute(key.id(), m.alg, message, &single));
      EXPECT_EQ(single.size(), PSA_MAC_LENGTH(m.type, m.key_size * 8, m.alg));
      for (size_t chunk : {0, 1, 8, 33}) {
        ASSERT_STATUS(PSA_SUCCESS, SignMultipart(key.id(), m.alg, message, chunk, &multi));
        EXPECT_EQ(ToHex(multi), ToHex(single)) << "chunk " << chunk;
      }
      EXPECT_STATUS(PSA_SUCCESS,
                    psa_mac_verify(key.id(), m.alg, DataOrNull(message), message.size(), single.data(), single.size()));
      EXPECT_STATUS(PSA_SUCCESS, VerifyMultipart(key.id(), m.alg, message, 5, single));
    }
  }
}

// Every bit flip and truncation of the MAC, and a longer MAC, are
// PSA_ERROR_INVALID_SIGNATURE, single-part and multi-part.
TEST(MacKnownAnswer, VerifyRejectsEveryAlteredMac) {
  ScopedKey key(PSA_KEY_TYPE_HMAC, kat::kHmacKey, kSignVerify, kHmacSha256);
  const Bytes& message = kat::kHmacMessage;
  std::vector<Bytes> wrong;
  for (size_t i = 0; i < kat::kHmacSha256.size(); ++i) wrong.push_back(WithBitFlipped(kat::kHmacSha256, i, i % 8));
  wrong.push_back(Slice(kat::kHmacSha256, 0, 31));
  wrong.push_back(Slice(kat::kHmacSha256, 0, 16));
  wrong.push_back(Bytes());
  wrong.push_back(Concat(kat::kHmacSha256, Bytes{0}));
  for (const Bytes& mac : wrong) {
    SCOPED_TRACE(ToHex(mac));
    EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE,
                  psa_mac_verify(key.id(), kHmacSha256, message.data(), message.size(), DataOrNull(mac), mac.size()));
    EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, VerifyMultipart(key.id(), kHmacSha256, message, 5, mac));
  }
}

// The MAC buffer overlapping the message gives the MAC of the message as it
// was ("Output buffers can overlap with input buffers ... the same result as
// if the buffers did not overlap").
TEST(MacKnownAnswer, MacOverlappingTheInput) {
  ScopedKey key(PSA_KEY_TYPE_HMAC, kat::kHmacKey, kSignVerify, kHmacSha256);
  const Bytes& message = kat::kHmacMessage;
  for (size_t mac_offset : {0, 1, 10, 27}) {
    SCOPED_TRACE(mac_offset);
    Bytes arena(message.size() + 64, 0);
    std::copy(message.begin(), message.end(), arena.begin());
    size_t length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_compute(key.id(), kHmacSha256, arena.data(), message.size(),
                                               arena.data() + mac_offset, 32, &length));
    EXPECT_EQ(ToHex(Slice(arena, mac_offset, length)), ToHex(kat::kHmacSha256));
  }
}

// "The pointer can be invalid if the buffer size is 0": an empty message
// may be a null pointer, single-part and multi-part.
TEST(MacKnownAnswer, EmptyInputsMayBeNull) {
  ScopedKey key(PSA_KEY_TYPE_HMAC, kat::kHmacKey, kSignVerify, kHmacSha256);
  Bytes empty_mac;
  ASSERT_STATUS(PSA_SUCCESS, Compute(key.id(), kHmacSha256, Bytes(), &empty_mac));
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_verify(key.id(), kHmacSha256, nullptr, 0, empty_mac.data(), empty_mac.size()));
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_setup(&operation, key.id(), kHmacSha256));
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, nullptr, 0));
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, kat::kHmacMessage.data(), kat::kHmacMessage.size()));
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, nullptr, 0));
  GuardedBuffer mac(32);
  size_t length = 0;
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_finish(&operation, mac.data(), mac.size(), &length));
  EXPECT_EQ(ToHex(mac.Prefix(length)), ToHex(kat::kHmacSha256));
  // A null, empty MAC is just a wrong MAC.
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_verify_setup(&operation, key.id(), kHmacSha256));
  EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, psa_mac_verify_finish(&operation, nullptr, 0));
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
  EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, psa_mac_verify(key.id(), kHmacSha256, nullptr, 0, nullptr, 0));
  EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, psa_mac_compute(key.id(), kHmacSha256, nullptr, 0, nullptr, 0, &length));
}

// A persistent key, with and without PSA_KEY_USAGE_CACHE, gives the same
// MACs as a volatile one, single-part and multi-part; purging it while an
// operation uses it does not disturb the operation (psa_purge_key "is not
// required to remove key material ... [when] the key is currently in use").
TEST(MacPersistentKey, UsedFromStorage) {
  for (psa_key_usage_t cache : {psa_key_usage_t{0}, psa_key_usage_t{PSA_KEY_USAGE_CACHE}}) {
    SCOPED_TRACE(cache != 0 ? "cached" : "not cached");
    const psa_key_id_t id = cache != 0 ? 0x1002 : 0x1001;
    psa_key_id_t key = PSA_KEY_ID_NULL;
    ASSERT_STATUS(PSA_SUCCESS,
                  ::psa::keys_testing::Import(
                      ::psa::keys_testing::MakeAttributes(PSA_KEY_TYPE_HMAC, 0, kSignVerify | cache, kHmacSha256, id),
                      kat::kHmacKey, &key));
    ASSERT_EQ(key, id);
    Bytes mac;
    ASSERT_STATUS(PSA_SUCCESS, Compute(key, kHmacSha256, kat::kHmacMessage, &mac));
    EXPECT_EQ(ToHex(mac), ToHex(kat::kHmacSha256));
    EXPECT_STATUS(PSA_SUCCESS, psa_purge_key(key));
    psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_setup(&operation, key, kHmacSha256));
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, kat::kHmacMessage.data(), 10));
    EXPECT_STATUS(PSA_SUCCESS, psa_purge_key(key));
    ASSERT_STATUS(PSA_SUCCESS,
                  psa_mac_update(&operation, kat::kHmacMessage.data() + 10, kat::kHmacMessage.size() - 10));
    GuardedBuffer out(32);
    size_t length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_finish(&operation, out.data(), out.size(), &length));
    EXPECT_EQ(ToHex(out.Prefix(length)), ToHex(kat::kHmacSha256));
    EXPECT_STATUS(PSA_SUCCESS, VerifyMultipart(key, kHmacSha256, kat::kHmacMessage, 3, kat::kHmacSha256));
    EXPECT_STATUS(PSA_SUCCESS, psa_destroy_key(key));
    EXPECT_STATUS(PSA_ERROR_INVALID_HANDLE, Compute(key, kHmacSha256, kat::kHmacMessage, &mac));
  }
}

// ---------------------------------------------------------------------------
// Truncated MACs and their policies.

// A key permitting AT_LEAST_THIS_LENGTH_MAC(HMAC(SHA-256), 16) computes and
// verifies HMAC-SHA-256 truncated to 16..32 bytes, and the full MAC; it
// refuses 15 and shorter (PSA_ERROR_NOT_PERMITTED; below the
// implementation's minimum the algorithm itself is invalid).
TEST(MacPolicy, AtLeastThisLengthPermitsTheLongerTruncations) {
  const psa_algorithm_t policy = PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(kHmacSha256, 16);
  ScopedKey key(PSA_KEY_TYPE_HMAC, kat::kHmacKey, kSignVerify, policy);
  for (size_t length = 4; length <= 32; ++length) {
    SCOPED_TRACE(length);
    const psa_algorithm_t alg = PSA_ALG_TRUNCATED_MAC(kHmacSha256, length);
    const psa_status_t expected = length >= 16 ? PSA_SUCCESS : PSA_ERROR_NOT_PERMITTED;
    Bytes mac;
    EXPECT_STATUS(expected, Compute(key.id(), alg, kat::kHmacMessage, &mac));
    if (expected == PSA_SUCCESS) {
      EXPECT_EQ(ToHex(mac), ToHex(Slice(kat::kHmacSha256, 0, length)));
    }
    EXPECT_STATUS(expected, SignMultipart(key.id(), alg, kat::kHmacMessage, 4, &mac));
    if (expected == PSA_SUCCESS) {
      EXPECT_EQ(ToHex(mac), ToHex(Slice(kat::kHmacSha256, 0, length)));
    }
    const Bytes truncated = Slice(kat::kHmacSha256, 0, length);
    EXPECT_STATUS(expected, psa_mac_verify(key.id(), alg, kat::kHmacMessage.data(), kat::kHmacMessage.size(),
                                           truncated.data(), truncated.size()));
    EXPECT_STATUS(expected, VerifyMultipart(key.id(), alg, kat::kHmacMessage, 0, truncated));
  }
  Bytes mac;
  EXPECT_STATUS(PSA_SUCCESS, Compute(key.id(), kHmacSha256, kat::kHmacMessage, &mac));
  EXPECT_EQ(ToHex(mac), ToHex(kat::kHmacSha256));
  EXPECT_STATUS(PSA_ERROR_NOT_PERMITTED, Compute(key.id(), PSA_ALG_HMAC(PSA_ALG_SHA_224), kat::kHmacMessage, &mac));
}

TEST(MacPolicy, AtLeastThisLengthCmac) {
  ScopedKey key(PSA_KEY_TYPE_AES, kat::kCmacKey, kSignVerify, PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 10));
  for (size_t length = 4; length <= 16; ++length) {
    SCOPED_TRACE(length);
    Bytes mac;
    const psa_status_t expected = length >= 10 ? PSA_SUCCESS : PSA_ERROR_NOT_PERMITTED;
    EXPECT_STATUS(expected, Compute(key.id(), PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, length), kat::kCmacMessage, &mac));
    if (expected == PSA_SUCCESS) {
      EXPECT_EQ(ToHex(mac), ToHex(Slice(kat::kCmacTag, 0, length)));
    }
  }
}

// A key permitting one truncation permits exactly that one.
TEST(MacPolicy, TruncatedPolicyPermitsThatLengthOnly) {
  const psa_algorithm_t truncated20 = PSA_ALG_TRUNCATED_MAC(kHmacSha256, 20);
  ScopedKey key(PSA_KEY_TYPE_HMAC, kat::kHmacKey, kSignVerify, truncated20);
  Bytes mac;
  ASSERT_STATUS(PSA_SUCCESS, Compute(key.id(), truncated20, kat::kHmacMessage, &mac));
  EXPECT_EQ(ToHex(mac), ToHex(Slice(kat::kHmacSha256, 0, 20)));
  for (size_t length : {16, 19, 21, 31}) {
    SCOPED_TRACE(length);
    EXPECT_STATUS(PSA_ERROR_NOT_PERMITTED,
                  Compute(key.id(), PSA_ALG_TRUNCATED_MAC(kHmacSha256, length), kat::kHmacMessage, &mac));
  }
  EXPECT_STATUS(PSA_ERROR_NOT_PERMITTED, Compute(key.id(), kHmacSha256, kat::kHmacMessage, &mac));
}

// A truncated MAC verifies against its own length only.
TEST(MacPolicy, TruncatedVerifyNeedsTheTruncatedLength) {
  const psa_algorithm_t alg = PSA_ALG_TRUNCATED_MAC(kHmacSha256, 16);
  ScopedKey key(PSA_KEY_TYPE_HMAC, kat::kHmacKey, kSignVerify, alg);
  const Bytes& m = kat::kHmacMessage;
  for (size_t length : {0, 4, 15, 17, 32}) {
    SCOPED_TRACE(length);
    const Bytes mac = Slice(kat::kHmacSha256, 0, length);
    EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE,
                  psa_mac_verify(key.id(), alg, m.data(), m.size(), DataOrNull(mac), mac.size()));
    EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, VerifyMultipart(key.id(), alg, m, 0, mac));
  }
  const Bytes mac = Slice(kat::kHmacSha256, 0, 16);
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_verify(key.id(), alg, m.data(), m.size(), mac.data(), mac.size()));
}

// ---------------------------------------------------------------------------
// Output buffers one byte too small.

struct SizedMac {
  psa_key_type_t type;
  psa_algorithm_t alg;
  size_t length;
};

const SizedMac kSizedMacs[] = {
    {PSA_KEY_TYPE_HMAC, kHmacSha256, 32},
    {PSA_KEY_TYPE_HMAC, PSA_ALG_TRUNCATED_MAC(kHmacSha256, 16), 16},
    {PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_512), 64},
    {PSA_KEY_TYPE_AES, PSA_ALG_CMAC, 16},
    {PSA_KEY_TYPE_AES, PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 8), 8},
};

TEST(MacBufferTooSmall, ComputeWritesNothingPastTheBuffer) {
  for (const SizedMac& s : kSizedMacs) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << s.alg);
    ScopedKey key(s.type, MaterialFor(s.type), kSignVerify, s.alg);
    const Bytes& m = MessageFor(s.alg);
    for (size_t size : {s.length - 1, size_t{1}, size_t{0}}) {
      SCOPED_TRACE(size);
      GuardedBuffer mac(size);
      size_t length = 0;
      EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL,
                    psa_mac_compute(key.id(), s.alg, m.data(), m.size(), mac.data(), mac.size(), &length));
      EXPECT_TRUE(mac.GuardIntact()) << "psa_mac_compute wrote past the buffer";
    }
    GuardedBuffer mac(s.length);
    size_t length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_compute(key.id(), s.alg, m.data(), m.size(), mac.data(), mac.size(), &length));
    EXPECT_EQ(length, s.length);
    EXPECT_TRUE(mac.GuardIntact());
  }
}

// sign_finish into a buffer one byte short: PSA_ERROR_BUFFER_TOO_SMALL,
// nothing past the buffer, and the operation is then in an error state
// ("If this function returns an error status, the operation enters an error
// state and must be aborted"): the next finish is PSA_ERROR_BAD_STATE.
TEST(MacBufferTooSmall, SignFinishWritesNothingPastTheBuffer) {
  for (const SizedMac& s : kSizedMacs) {
    SCOPED_TRACE(::testing::Message() << "alg 0x" << std::hex << s.alg);
    ScopedKey key(s.type, MaterialFor(s.type), kSignVerify, s.alg);
    const Bytes& m = MessageFor(s.alg);
    psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_setup(&operation, key.id(), s.alg));
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, m.data(), m.size()));
    GuardedBuffer small(s.length - 1);
    size_t length = 0;
    EXPECT_STATUS(PSA_ERROR_BUFFER_TOO_SMALL, psa_mac_sign_finish(&operation, small.data(), small.size(), &length));
    EXPECT_TRUE(small.GuardIntact()) << "psa_mac_sign_finish wrote past the buffer";
    GuardedBuffer enough(PSA_MAC_MAX_SIZE);
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_mac_sign_finish(&operation, enough.data(), enough.size(), &length));
    EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
    // Set up again, the same object works.
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_setup(&operation, key.id(), s.alg));
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, m.data(), m.size()));
    GuardedBuffer exact(s.length);
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_finish(&operation, exact.data(), exact.size(), &length));
    EXPECT_EQ(ToHex(exact.Prefix(length)), ToHex(ExpectedMac(s.alg)));
    EXPECT_TRUE(exact.GuardIntact());
    EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
  }
}

// ---------------------------------------------------------------------------
// Operation states.

class MacState : public ::testing::Test {
 protected:
  MacState() : key_(PSA_KEY_TYPE_HMAC, kat::kHmacKey, kSignVerify, kHmacSha256) {}

  // Expects every call but abort and setup to be PSA_ERROR_BAD_STATE.
  void ExpectInactiveCallsAreBadState(psa_mac_operation_t* operation) {
    const Bytes& m = kat::kHmacMessage;
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_mac_update(operation, m.data(), m.size()));
    GuardedBuffer mac(PSA_MAC_MAX_SIZE);
    size_t length = 0;
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_mac_sign_finish(operation, mac.data(), mac.size(), &length));
    EXPECT_TRUE(mac.GuardIntact());
    EXPECT_STATUS(PSA_ERROR_BAD_STATE,
                  psa_mac_verify_finish(operation, kat::kHmacSha256.data(), kat::kHmacSha256.size()));
  }

  // Expects `operation` to be usable from setup again after an abort.
  void ExpectAbortThenSetupWorks(psa_mac_operation_t* operation) {
    EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(operation));
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_setup(operation, key_.id(), kHmacSha256));
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(operation, kat::kHmacMessage.data(), kat::kHmacMessage.size()));
    GuardedBuffer mac(32);
    size_t length = 0;
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_finish(operation, mac.data(), mac.size(), &length));
    EXPECT_EQ(ToHex(mac.Prefix(length)), ToHex(kat::kHmacSha256));
    EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(operation));
  }

  ScopedKey key_;
};

TEST_F(MacState, InactiveOperationIsBadStateEverywhere) {
  psa_mac_operation_t from_macro = PSA_MAC_OPERATION_INIT;
  ExpectInactiveCallsAreBadState(&from_macro);
  ExpectAbortThenSetupWorks(&from_macro);

  psa_mac_operation_t from_function = psa_mac_operation_init();
  ExpectInactiveCallsAreBadState(&from_function);
  ExpectAbortThenSetupWorks(&from_function);

  psa_mac_operation_t zeroed;
  memset(&zeroed, 0, sizeof(zeroed));
  ExpectInactiveCallsAreBadState(&zeroed);
  ExpectAbortThenSetupWorks(&zeroed);

  static psa_mac_operation_t static_object;
  ExpectInactiveCallsAreBadState(&static_object);
  ExpectAbortThenSetupWorks(&static_object);
}

TEST_F(MacState, AbortIsIdempotent) {
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_setup(&operation, key_.id(), kHmacSha256));
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
  ExpectInactiveCallsAreBadState(&operation);
  ExpectAbortThenSetupWorks(&operation);
}

TEST_F(MacState, FinishedOperationIsInactive) {
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_setup(&operation, key_.id(), kHmacSha256));
  GuardedBuffer mac(32);
  size_t length = 0;
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_finish(&operation, mac.data(), mac.size(), &length));
  ExpectInactiveCallsAreBadState(&operation);
  ExpectAbortThenSetupWorks(&operation);

  ASSERT_STATUS(PSA_SUCCESS, psa_mac_verify_setup(&operation, key_.id(), kHmacSha256));
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, kat::kHmacMessage.data(), kat::kHmacMessage.size()));
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_verify_finish(&operation, kat::kHmacSha256.data(), kat::kHmacSha256.size()));
  ExpectInactiveCallsAreBadState(&operation);
  ExpectAbortThenSetupWorks(&operation);
}

// "it must be an active mac sign operation" / "an active mac verify
// operation": finishing the other way is PSA_ERROR_BAD_STATE, after which
// the operation is in an error state.
TEST_F(MacState, SignFinishOnAVerifyOperation) {
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_verify_setup(&operation, key_.id(), kHmacSha256));
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, kat::kHmacMessage.data(), kat::kHmacMessage.size()));
  GuardedBuffer mac(32);
  size_t length = 0;
  EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_mac_sign_finish(&operation, mac.data(), mac.size(), &length));
  EXPECT_TRUE(mac.GuardIntact());
  EXPECT_FALSE(ContainsPartOf(mac.Contents(), kat::kHmacSha256)) << "a verify operation gave out its MAC";
  ExpectInactiveCallsAreBadState(&operation);
  ExpectAbortThenSetupWorks(&operation);
}

TEST_F(MacState, VerifyFinishOnASignOperation) {
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_setup(&operation, key_.id(), kHmacSha256));
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, kat::kHmacMessage.data(), kat::kHmacMessage.size()));
  EXPECT_STATUS(PSA_ERROR_BAD_STATE,
                psa_mac_verify_finish(&operation, kat::kHmacSha256.data(), kat::kHmacSha256.size()));
  ExpectInactiveCallsAreBadState(&operation);
  ExpectAbortThenSetupWorks(&operation);
}

// Setup of an active operation is PSA_ERROR_BAD_STATE ("it must be
// inactive") and leaves the active operation as it was: it still computes
// the MAC of what it was given.
TEST_F(MacState, SetupOnAnActiveOperation) {
  ScopedKey other(PSA_KEY_TYPE_AES, kat::kCmacKey, kSignVerify, PSA_ALG_CMAC);
  for (bool sign : {true, false}) {
    SCOPED_TRACE(sign ? "sign" : "verify");
    psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, sign ? psa_mac_sign_setup(&operation, key_.id(), kHmacSha256)
                                    : psa_mac_verify_setup(&operation, key_.id(), kHmacSha256));
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, kat::kHmacMessage.data(), 10));
    psa_mac_operation_t before;
    memcpy(&before, &operation, sizeof(before));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_mac_sign_setup(&operation, key_.id(), kHmacSha256));
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_mac_verify_setup(&operation, other.id(), PSA_ALG_CMAC));
    // Even with arguments that are wrong in other ways.
    EXPECT_STATUS(PSA_ERROR_BAD_STATE, psa_mac_sign_setup(&operation, PSA_KEY_ID_NULL, PSA_ALG_SHA_256));
    EXPECT_EQ(memcmp(&before, &operation, sizeof(before)), 0) << "a refused setup changed the active operation";
    ASSERT_STATUS(PSA_SUCCESS,
                  psa_mac_update(&operation, kat::kHmacMessage.data() + 10, kat::kHmacMessage.size() - 10));
    if (sign) {
      GuardedBuffer mac(32);
      size_t length = 0;
      ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_finish(&operation, mac.data(), mac.size(), &length));
      EXPECT_EQ(ToHex(mac.Prefix(length)), ToHex(kat::kHmacSha256));
    } else {
      EXPECT_STATUS(PSA_SUCCESS, psa_mac_verify_finish(&operation, kat::kHmacSha256.data(), kat::kHmacSha256.size()));
    }
    EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
  }
}

// A failed verify_finish ends in the error state: the next call is
// PSA_ERROR_BAD_STATE, abort then setup works.
TEST_F(MacState, ErrorStateAfterAFailedVerify) {
  for (const Bytes& wrong : {WithBitFlipped(kat::kHmacSha256, 31, 7), Slice(kat::kHmacSha256, 0, 31)}) {
    psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_verify_setup(&operation, key_.id(), kHmacSha256));
    ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, kat::kHmacMessage.data(), kat::kHmacMessage.size()));
    EXPECT_STATUS(PSA_ERROR_INVALID_SIGNATURE, psa_mac_verify_finish(&operation, wrong.data(), wrong.size()));
    // Even with the right MAC now.
    EXPECT_STATUS(PSA_ERROR_BAD_STATE,
                  psa_mac_verify_finish(&operation, kat::kHmacSha256.data(), kat::kHmacSha256.size()));
    ExpectInactiveCallsAreBadState(&operation);
    ExpectAbortThenSetupWorks(&operation);
  }
}

// psa_destroy_key: "If a key is currently in use in a multi-part operation,
// then destroying the key will cause the multi-part operation to fail."
// The operation must not produce a MAC with the destroyed key.
TEST_F(MacState, DestroyingTheKeyMakesTheActiveOperationFail) {
  ScopedKey key(PSA_KEY_TYPE_HMAC, kat::kHmacKey, kSignVerify, kHmacSha256);
  psa_mac_operation_t operation = PSA_MAC_OPERATION_INIT;
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_sign_setup(&operation, key.id(), kHmacSha256));
  ASSERT_STATUS(PSA_SUCCESS, psa_mac_update(&operation, kat::kHmacMessage.data(), 10));
  ASSERT_STATUS(PSA_SUCCESS, key.DestroyNow());
  psa_status_t status = psa_mac_update(&operation, kat::kHmacMessage.data() + 10, kat::kHmacMessage.size() - 10);
  GuardedBuffer mac(32);
  size_t length = 0;
  if (status == PSA_SUCCESS) status = psa_mac_sign_finish(&operation, mac.data(), mac.size(), &length);
  EXPECT_NE(status, PSA_SUCCESS) << "the operation computed a MAC with a destroyed key: " << ToHex(mac.Prefix(length));
  EXPECT_STATUS(PSA_SUCCESS, psa_mac_abort(&operation));
}

}  // namespace
}  // namespace psa::conformance
