// Unit tests of the sha_x86 HMAC entry points, called directly: RFC 2202
// (HMAC-SHA-1) and RFC 4231 (HMAC-SHA-224/256) vectors single-part and
// multi-part, agreement with the builtin driver for keys and messages
// around the block length, truncation, verification (wrong, short and long
// MACs), statuses for bad arguments, the operation life cycle, and the
// forced "no SHA-NI" path.

#include "drivers/sha_x86/sha_x86_mac.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "drivers/builtin/builtin_mac.h"
#include "drivers/sha_x86/code_path.h"
#include "gtest/gtest.h"

namespace drivers::sha_x86 {
namespace {

constexpr psa_algorithm_t kHashes[] = {PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256};

std::string FromHex(const std::string& hex) {
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return bytes;
}

std::string Hex(const uint8_t* data, size_t length) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < length; ++i) {
    hex += kDigits[data[i] >> 4];
    hex += kDigits[data[i] & 0x0f];
  }
  return hex;
}

const uint8_t* Bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

bool IsAllZero(const void* data, size_t length) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  return std::all_of(bytes, bytes + length, [](uint8_t b) { return b == 0; });
}

std::string Pattern(size_t length, uint32_t seed) {
  std::string bytes(length, '\0');
  uint32_t x = 0x9e3779b9u * (seed + 1u);
  for (char& byte : bytes) {
    x = x * 1664525u + 1013904223u;
    byte = static_cast<char>(x >> 24);
  }
  return bytes;
}

psa_key_attributes_t HmacAttributes(size_t key_length) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_HMAC);
  psa_set_key_bits(&attributes, 8 * key_length);
  return attributes;
}

sha_x86_mac_operation_t ZeroOperation() {
  sha_x86_mac_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  return operation;
}

// psa_mac_compute through sha_x86_mac_compute; hex, or a status text.
std::string Compute(psa_algorithm_t alg, const std::string& key, const std::string& message) {
  const psa_key_attributes_t attributes = HmacAttributes(key.size());
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  const psa_status_t status = sha_x86_mac_compute(&attributes, Bytes(key), key.size(), alg, Bytes(message),
                                                  message.size(), mac, sizeof(mac), &length);
  if (status != PSA_SUCCESS) return "status " + std::to_string(status);
  return Hex(mac, length);
}

std::string BuiltinCompute(psa_algorithm_t alg, const std::string& key, const std::string& message) {
  const psa_key_attributes_t attributes = HmacAttributes(key.size());
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  const psa_status_t status = builtin_mac_compute(&attributes, Bytes(key), key.size(), alg, Bytes(message),
                                                  message.size(), mac, sizeof(mac), &length);
  if (status != PSA_SUCCESS) return "builtin status " + std::to_string(status);
  return Hex(mac, length);
}

// Multi-part signing in chunks of `chunk` bytes.
std::string SignInChunks(psa_algorithm_t alg, const std::string& key, const std::string& message,
                         size_t chunk) {
  const psa_key_attributes_t attributes = HmacAttributes(key.size());
  sha_x86_mac_operation_t operation = ZeroOperation();
  psa_status_t status = sha_x86_mac_sign_setup(&operation, &attributes, Bytes(key), key.size(), alg);
  for (size_t at = 0; status == PSA_SUCCESS && at < message.size(); at += chunk) {
    status = sha_x86_mac_update(&operation, Bytes(message) + at, std::min(chunk, message.size() - at));
  }
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  if (status == PSA_SUCCESS) status = sha_x86_mac_sign_finish(&operation, mac, sizeof(mac), &length);
  if (!IsAllZero(&operation, sizeof(operation))) return "operation not wiped";
  if (status != PSA_SUCCESS) return "status " + std::to_string(status);
  return Hex(mac, length);
}

psa_status_t VerifyInChunks(psa_algorithm_t alg, const std::string& key, const std::string& message,
                            size_t chunk, const std::string& mac) {
  const psa_key_attributes_t attributes = HmacAttributes(key.size());
  sha_x86_mac_operation_t operation = ZeroOperation();
  psa_status_t status = sha_x86_mac_verify_setup(&operation, &attributes, Bytes(key), key.size(), alg);
  for (size_t at = 0; status == PSA_SUCCESS && at < message.size(); at += chunk) {
    status = sha_x86_mac_update(&operation, Bytes(message) + at, std::min(chunk, message.size() - at));
  }
  if (status == PSA_SUCCESS) status = sha_x86_mac_verify_finish(&operation, Bytes(mac), mac.size());
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  return status;
}

psa_status_t Verify(psa_algorithm_t alg, const std::string& key, const std::string& message,
                    const std::string& mac) {
  const psa_key_attributes_t attributes = HmacAttributes(key.size());
  return sha_x86_mac_verify(&attributes, Bytes(key), key.size(), alg, Bytes(message), message.size(),
                            Bytes(mac), mac.size());
}

class ShaX86MacTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!SetCodePathForTesting(CodePath::kShaNi)) GTEST_SKIP() << "this CPU has no SHA-NI";
  }
  void TearDown() override { ResetCodePathForTesting(); }
};

struct Vector {
  psa_algorithm_t alg;
  std::string key;
  std::string message;
  const char* mac;
};

std::vector<Vector> Vectors() {
  const psa_algorithm_t sha1 = PSA_ALG_HMAC(PSA_ALG_SHA_1);
  const psa_algorithm_t sha224 = PSA_ALG_HMAC(PSA_ALG_SHA_224);
  const psa_algorithm_t sha256 = PSA_ALG_HMAC(PSA_ALG_SHA_256);
  const std::string larger_key_data = "Test Using Larger Than Block-Size Key - Hash Key First";
  const std::string larger_key_and_data =
      "This is a test using a larger than block-size key and a larger than block-size data. The key "
      "needs to be hashed before being used by the HMAC algorithm.";
  return {
      // RFC 2202, section 3.
      {sha1, std::string(20, '\x0b'), "Hi There", "b617318655057264e28bc0b6fb378c8ef146be00"},
      {sha1, "Jefe", "what do ya want for nothing?", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
      {sha1, std::string(20, '\xaa'), std::string(50, '\xdd'), "125d7342b9ac11cd91a39af48aa17b4f63f175d3"},
      {sha1, std::string(80, '\xaa'), larger_key_data, "aa4ae5e15272d00e95705637ce8a3b55ed402112"},
      // RFC 4231, sections 4.2-4.8.
      {sha224, std::string(20, '\x0b'), "Hi There", "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22"},
      {sha256, std::string(20, '\x0b'), "Hi There",
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {sha224, "Jefe", "what do ya want for nothing?", "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44"},
      {sha256, "Jefe", "what do ya want for nothing?",
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {sha256, FromHex("0102030405060708090a0b0c0d0e0f10111213141516171819"), std::string(50, '\xcd'),
       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
      {PSA_ALG_TRUNCATED_MAC(sha224, 16), std::string(20, '\x0c'), "Test With Truncation",
       "0e2aea68a90c8d37c988bcdb9fca6fa8"},
      {PSA_ALG_TRUNCATED_MAC(sha256, 16), std::string(20, '\x0c'), "Test With Truncation",
       "a3b6167473100ee06e0c796c2955552b"},
      {sha224, std::string(131, '\xaa'), larger_key_data, "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e"},
      {sha256, std::string(131, '\xaa'), larger_key_data,
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
      {sha224, std::string(131, '\xaa'), larger_key_and_data,
       "3a854166ac5d9f023f54d517d0b39dbd946770db9c2b95c9f6f565d1"},
      {sha256, std::string(131, '\xaa'), larger_key_and_data,
       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
  };
}

TEST_F(ShaX86MacTest, RfcVectorsSinglePartMultiPartAndVerify) {
  for (const Vector& v : Vectors()) {
    SCOPED_TRACE(v.mac);
    EXPECT_EQ(Compute(v.alg, v.key, v.message), v.mac);
    for (size_t chunk : {1, 7, 64, 1000}) EXPECT_EQ(SignInChunks(v.alg, v.key, v.message, chunk), v.mac);
    const std::string mac = FromHex(v.mac);
    EXPECT_EQ(Verify(v.alg, v.key, v.message, mac), PSA_SUCCESS);
    EXPECT_EQ(VerifyInChunks(v.alg, v.key, v.message, 5, mac), PSA_SUCCESS);
  }
}

TEST_F(ShaX86MacTest, AgreesWithBuiltinAroundTheBlockLength) {
  for (psa_algorithm_t hash : kHashes) {
    const psa_algorithm_t alg = PSA_ALG_HMAC(hash);
    for (size_t key_length : {0, 1, 20, 32, 63, 64, 65, 200}) {
      for (size_t message_length : {0, 1, 55, 56, 64, 119, 120, 1000, 16384}) {
        const std::string key = Pattern(key_length, 1000 + static_cast<uint32_t>(key_length));
        const std::string message = Pattern(message_length, static_cast<uint32_t>(message_length));
        const std::string expected = BuiltinCompute(alg, key, message);
        EXPECT_EQ(Compute(alg, key, message), expected) << key_length << " " << message_length;
        EXPECT_EQ(SignInChunks(alg, key, message, 33), expected) << key_length << " " << message_length;
      }
    }
  }
}

TEST_F(ShaX86MacTest, EveryTruncationAgreesWithBuiltinAndVerifiesOnlyAtItsLength) {
  const std::string key = Pattern(32, 1);
  const std::string message = Pattern(100, 2);
  for (psa_algorithm_t hash : kHashes) {
    for (size_t length = 1; length <= PSA_HASH_LENGTH(hash); ++length) {
      const psa_algorithm_t alg = PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(hash), length);
      const std::string hex = Compute(alg, key, message);
      EXPECT_EQ(hex, BuiltinCompute(alg, key, message));
      const std::string mac = FromHex(hex);
      EXPECT_EQ(Verify(alg, key, message, mac), PSA_SUCCESS);
      EXPECT_EQ(Verify(alg, key, message, mac.substr(0, length - 1)), PSA_ERROR_INVALID_SIGNATURE);
      EXPECT_EQ(Verify(alg, key, message, mac + "x"), PSA_ERROR_INVALID_SIGNATURE);
    }
  }
}

TEST_F(ShaX86MacTest, EveryFlippedBitIsRejected) {
  const psa_algorithm_t alg = PSA_ALG_HMAC(PSA_ALG_SHA_256);
  const std::string key = Pattern(32, 3);
  const std::string message = Pattern(64, 4);
  const std::string mac = FromHex(Compute(alg, key, message));
  ASSERT_EQ(mac.size(), 32u);
  for (size_t bit = 0; bit < 8 * mac.size(); ++bit) {
    std::string tampered = mac;
    tampered[bit / 8] = static_cast<char>(tampered[bit / 8] ^ (1 << (bit % 8)));
    EXPECT_EQ(Verify(alg, key, message, tampered), PSA_ERROR_INVALID_SIGNATURE) << bit;
    EXPECT_EQ(VerifyInChunks(alg, key, message, 10, tampered), PSA_ERROR_INVALID_SIGNATURE) << bit;
  }
  EXPECT_EQ(Verify(alg, key, message, ""), PSA_ERROR_INVALID_SIGNATURE);
}

TEST_F(ShaX86MacTest, StatusesForWhatTheDriverDoesNotDo) {
  const std::string key = Pattern(32, 5);
  // Other hashes and other MACs: the next driver may serve them.
  for (psa_algorithm_t alg : {PSA_ALG_HMAC(PSA_ALG_SHA_384), PSA_ALG_HMAC(PSA_ALG_SHA_512),
                              PSA_ALG_HMAC(PSA_ALG_MD5), PSA_ALG_CMAC, PSA_ALG_CBC_MAC}) {
    EXPECT_EQ(Compute(alg, key, "abc"), "status " + std::to_string(PSA_ERROR_NOT_SUPPORTED)) << alg;
  }
  // Not a specific MAC algorithm, a truncation longer than the digest, a
  // wrong key type or a key size that disagrees with the attributes.
  for (psa_algorithm_t alg : {PSA_ALG_SHA_256, PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16),
                              PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 33),
                              PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_1), 21)}) {
    EXPECT_EQ(Compute(alg, key, "abc"), "status " + std::to_string(PSA_ERROR_INVALID_ARGUMENT)) << alg;
  }
  psa_key_attributes_t aes = HmacAttributes(key.size());
  psa_set_key_type(&aes, PSA_KEY_TYPE_AES);
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 99;
  EXPECT_EQ(sha_x86_mac_compute(&aes, Bytes(key), key.size(), PSA_ALG_HMAC(PSA_ALG_SHA_256), Bytes(key), 3, mac,
                                sizeof(mac), &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(length, 0u);
  const psa_key_attributes_t wrong_bits = HmacAttributes(key.size() + 1);
  EXPECT_EQ(sha_x86_mac_compute(&wrong_bits, Bytes(key), key.size(), PSA_ALG_HMAC(PSA_ALG_SHA_256), Bytes(key), 3,
                                mac, sizeof(mac), &length),
            PSA_ERROR_INVALID_ARGUMENT);
  // A short output buffer: refused, not written.
  const psa_key_attributes_t attributes = HmacAttributes(key.size());
  std::memset(mac, 0xa5, sizeof(mac));
  EXPECT_EQ(sha_x86_mac_compute(&attributes, Bytes(key), key.size(), PSA_ALG_HMAC(PSA_ALG_SHA_256), Bytes(key), 3,
                                mac, 31, &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(std::all_of(mac, mac + sizeof(mac), [](uint8_t b) { return b == 0xa5; }));
}

TEST_F(ShaX86MacTest, LifeCycle) {
  const std::string key = Pattern(32, 6);
  const psa_key_attributes_t attributes = HmacAttributes(key.size());
  const psa_algorithm_t alg = PSA_ALG_HMAC(PSA_ALG_SHA_256);
  sha_x86_mac_operation_t operation = ZeroOperation();
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 99;
  EXPECT_EQ(sha_x86_mac_update(&operation, Bytes(key), 3), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(sha_x86_mac_sign_finish(&operation, mac, sizeof(mac), &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(sha_x86_mac_verify_finish(&operation, mac, 32), PSA_ERROR_BAD_STATE);

  ASSERT_EQ(sha_x86_mac_sign_setup(&operation, &attributes, Bytes(key), key.size(), alg), PSA_SUCCESS);
  const sha_x86_mac_operation_t before = operation;
  EXPECT_EQ(sha_x86_mac_verify_setup(&operation, &attributes, Bytes(key), key.size(), alg), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(std::memcmp(&before, &operation, sizeof(operation)), 0);
  // A sign operation cannot be verified, and the failure wipes it.
  EXPECT_EQ(sha_x86_mac_verify_finish(&operation, mac, 32), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));

  ASSERT_EQ(sha_x86_mac_verify_setup(&operation, &attributes, Bytes(key), key.size(), alg), PSA_SUCCESS);
  EXPECT_EQ(sha_x86_mac_sign_finish(&operation, mac, sizeof(mac), &length), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));

  ASSERT_EQ(sha_x86_mac_sign_setup(&operation, &attributes, Bytes(key), key.size(), alg), PSA_SUCCESS);
  EXPECT_EQ(sha_x86_mac_sign_finish(&operation, mac, 31, &length), PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));

  ASSERT_EQ(sha_x86_mac_sign_setup(&operation, &attributes, Bytes(key), key.size(), alg), PSA_SUCCESS);
  EXPECT_EQ(sha_x86_mac_abort(&operation), PSA_SUCCESS);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  EXPECT_EQ(sha_x86_mac_abort(&operation), PSA_SUCCESS);
}

// The operation keeps no key bytes: only chaining values derived from them.
TEST_F(ShaX86MacTest, TheOperationHoldsNoKeyBytes) {
  const std::string key = std::string(32, '\x42');
  const psa_key_attributes_t attributes = HmacAttributes(key.size());
  sha_x86_mac_operation_t operation = ZeroOperation();
  ASSERT_EQ(sha_x86_mac_sign_setup(&operation, &attributes, Bytes(key), key.size(), PSA_ALG_HMAC(PSA_ALG_SHA_256)),
            PSA_SUCCESS);
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(&operation);
  const std::string image(reinterpret_cast<const char*>(bytes), sizeof(operation));
  EXPECT_EQ(image.find(std::string(8, '\x42')), std::string::npos);
  EXPECT_EQ(image.find(std::string(8, '\x42' ^ 0x36)), std::string::npos);
  EXPECT_EQ(image.find(std::string(8, '\x42' ^ 0x5c)), std::string::npos);
  sha_x86_mac_abort(&operation);
}

TEST(ShaX86MacNoShaNi, EveryStartDeclinesSoThatTheNextDriverServes) {
  ASSERT_TRUE(SetCodePathForTesting(CodePath::kNone));
  const std::string key = Pattern(32, 7);
  const psa_key_attributes_t attributes = HmacAttributes(key.size());
  for (psa_algorithm_t hash : kHashes) {
    const psa_algorithm_t alg = PSA_ALG_HMAC(hash);
    EXPECT_EQ(Compute(alg, key, "abc"), "status " + std::to_string(PSA_ERROR_NOT_SUPPORTED));
    EXPECT_EQ(Verify(alg, key, "abc", std::string(PSA_HASH_LENGTH(hash), 'x')), PSA_ERROR_NOT_SUPPORTED);
    sha_x86_mac_operation_t operation = ZeroOperation();
    EXPECT_EQ(sha_x86_mac_sign_setup(&operation, &attributes, Bytes(key), key.size(), alg), PSA_ERROR_NOT_SUPPORTED);
    EXPECT_EQ(sha_x86_mac_verify_setup(&operation, &attributes, Bytes(key), key.size(), alg),
              PSA_ERROR_NOT_SUPPORTED);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  }
  ResetCodePathForTesting();
}

}  // namespace
}  // namespace drivers::sha_x86
