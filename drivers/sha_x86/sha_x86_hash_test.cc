// Unit tests of the sha_x86 hash entry points, called directly: FIPS 180-4
// example vectors single-part and multi-part, agreement with the builtin
// driver over many lengths and chunkings, clone by memcpy, the operation
// life cycle and statuses, and the forced "no SHA-NI" path (every start
// declines with PSA_ERROR_NOT_SUPPORTED).

#include "drivers/sha_x86/sha_x86_hash.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "drivers/builtin/builtin_hash.h"
#include "drivers/sha_x86/code_path.h"
#include "gtest/gtest.h"

namespace drivers::sha_x86 {
namespace {

constexpr psa_algorithm_t kAlgorithms[] = {PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256};

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

std::vector<uint8_t> Message(size_t length, uint32_t seed) {
  std::vector<uint8_t> message(length);
  uint32_t x = 0x9e3779b9u * (seed + 1u);
  for (uint8_t& byte : message) {
    x = x * 1664525u + 1013904223u;
    byte = static_cast<uint8_t>(x >> 24);
  }
  return message;
}

sha_x86_hash_operation_t ZeroOperation() {
  sha_x86_hash_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  return operation;
}

std::string BuiltinDigest(psa_algorithm_t alg, const std::vector<uint8_t>& message) {
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  if (builtin_hash_compute(alg, message.data(), message.size(), digest, sizeof(digest), &length) !=
      PSA_SUCCESS) {
    return "builtin failed";
  }
  return Hex(digest, length);
}

// Multi-part over `message` in chunks of `chunk` bytes.
std::string MultipartDigest(psa_algorithm_t alg, const std::vector<uint8_t>& message, size_t chunk) {
  sha_x86_hash_operation_t operation = ZeroOperation();
  if (sha_x86_hash_setup(&operation, alg) != PSA_SUCCESS) return "setup failed";
  for (size_t at = 0; at < message.size(); at += chunk) {
    const size_t n = std::min(chunk, message.size() - at);
    if (sha_x86_hash_update(&operation, message.data() + at, n) != PSA_SUCCESS) return "update failed";
  }
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  if (sha_x86_hash_finish(&operation, digest, sizeof(digest), &length) != PSA_SUCCESS) {
    return "finish failed";
  }
  if (!IsAllZero(&operation, sizeof(operation))) return "finish did not wipe";
  return Hex(digest, length);
}

// Tests that compute: on the SHA-NI path, skipped where the CPU has none.
class ShaX86HashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!SetCodePathForTesting(CodePath::kShaNi)) GTEST_SKIP() << "this CPU has no SHA-NI";
  }
  void TearDown() override { ResetCodePathForTesting(); }
};

TEST_F(ShaX86HashTest, Fips180ExamplesSinglePartAndMultiPart) {
  const std::string abc = "abc";
  const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  struct Case {
    psa_algorithm_t alg;
    const std::string* message;
    const char* digest;
  } cases[] = {
      {PSA_ALG_SHA_1, &abc, "a9993e364706816aba3e25717850c26c9cd0d89d"},
      {PSA_ALG_SHA_1, &two_blocks, "84983e441c3bd26ebaae4aa1f95129e5e54670f1"},
      {PSA_ALG_SHA_224, &abc, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"},
      {PSA_ALG_SHA_224, &two_blocks, "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525"},
      {PSA_ALG_SHA_256, &abc, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {PSA_ALG_SHA_256, &two_blocks, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  for (const Case& c : cases) {
    uint8_t digest[PSA_HASH_MAX_SIZE];
    size_t length = 0;
    ASSERT_EQ(sha_x86_hash_compute(c.alg, Bytes(*c.message), c.message->size(), digest,
                                   PSA_HASH_LENGTH(c.alg), &length),
              PSA_SUCCESS);
    EXPECT_EQ(Hex(digest, length), c.digest);
    const std::vector<uint8_t> message(c.message->begin(), c.message->end());
    EXPECT_EQ(MultipartDigest(c.alg, message, 1), c.digest);
    EXPECT_EQ(MultipartDigest(c.alg, message, 7), c.digest);
  }
}

// FIPS 180-4 example: one million 'a', fed in 1000-byte updates.
TEST_F(ShaX86HashTest, OneMillionA) {
  const std::vector<uint8_t> million(1000000, 'a');
  EXPECT_EQ(MultipartDigest(PSA_ALG_SHA_1, million, 1000), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  EXPECT_EQ(MultipartDigest(PSA_ALG_SHA_224, million, 1000),
            "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67");
  EXPECT_EQ(MultipartDigest(PSA_ALG_SHA_256, million, 1000),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_F(ShaX86HashTest, AgreesWithBuiltinOnManyLengthsAndChunks) {
  for (psa_algorithm_t alg : kAlgorithms) {
    for (size_t length : {0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4096, 16384, 100003}) {
      const std::vector<uint8_t> message = Message(length, static_cast<uint32_t>(length));
      const std::string expected = BuiltinDigest(alg, message);
      uint8_t digest[PSA_HASH_MAX_SIZE];
      size_t digest_length = 0;
      ASSERT_EQ(sha_x86_hash_compute(alg, message.data(), message.size(), digest, sizeof(digest),
                                     &digest_length),
                PSA_SUCCESS);
      EXPECT_EQ(Hex(digest, digest_length), expected) << "alg " << alg << " length " << length;
      for (size_t chunk : {1, 3, 63, 64, 65, 1000}) {
        if (length > 20000 && chunk < 64) continue;
        EXPECT_EQ(MultipartDigest(alg, message, chunk), expected)
            << "alg " << alg << " length " << length << " chunk " << chunk;
      }
    }
  }
}

// psa_hash_clone copies the operation with memcpy: both copies continue
// independently.
TEST_F(ShaX86HashTest, ByteCopyOfAnActiveOperationIsAnIndependentClone) {
  const std::vector<uint8_t> message = Message(300, 9);
  for (psa_algorithm_t alg : kAlgorithms) {
    sha_x86_hash_operation_t original = ZeroOperation();
    ASSERT_EQ(sha_x86_hash_setup(&original, alg), PSA_SUCCESS);
    ASSERT_EQ(sha_x86_hash_update(&original, message.data(), 100), PSA_SUCCESS);
    sha_x86_hash_operation_t copy;
    std::memcpy(&copy, &original, sizeof(copy));
    ASSERT_EQ(sha_x86_hash_update(&copy, message.data() + 100, 200), PSA_SUCCESS);
    uint8_t first[PSA_HASH_MAX_SIZE], second[PSA_HASH_MAX_SIZE];
    size_t first_length = 0, second_length = 0;
    ASSERT_EQ(sha_x86_hash_finish(&original, first, sizeof(first), &first_length), PSA_SUCCESS);
    ASSERT_EQ(sha_x86_hash_finish(&copy, second, sizeof(second), &second_length), PSA_SUCCESS);
    EXPECT_EQ(Hex(first, first_length),
              BuiltinDigest(alg, std::vector<uint8_t>(message.begin(), message.begin() + 100)));
    EXPECT_EQ(Hex(second, second_length), BuiltinDigest(alg, message));
  }
}

TEST_F(ShaX86HashTest, OtherAlgorithmsAreNotSupported) {
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 99;
  for (psa_algorithm_t alg : {PSA_ALG_MD5, PSA_ALG_RIPEMD160, PSA_ALG_SHA_384, PSA_ALG_SHA_512,
                              PSA_ALG_SHA_512_256, PSA_ALG_SHA3_256, PSA_ALG_NONE, PSA_ALG_ANY_HASH}) {
    EXPECT_EQ(sha_x86_hash_compute(alg, Bytes("abc"), 3, digest, sizeof(digest), &length),
              PSA_ERROR_NOT_SUPPORTED);
    EXPECT_EQ(length, 0u);
    sha_x86_hash_operation_t operation = ZeroOperation();
    EXPECT_EQ(sha_x86_hash_setup(&operation, alg), PSA_ERROR_NOT_SUPPORTED);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  }
}

TEST_F(ShaX86HashTest, ShortOutputBuffersAreRefusedUnwritten) {
  for (psa_algorithm_t alg : kAlgorithms) {
    uint8_t digest[PSA_HASH_MAX_SIZE];
    std::memset(digest, 0xa5, sizeof(digest));
    size_t length = 99;
    EXPECT_EQ(sha_x86_hash_compute(alg, Bytes("abc"), 3, digest, PSA_HASH_LENGTH(alg) - 1, &length),
              PSA_ERROR_BUFFER_TOO_SMALL);
    EXPECT_EQ(length, 0u);
    sha_x86_hash_operation_t operation = ZeroOperation();
    ASSERT_EQ(sha_x86_hash_setup(&operation, alg), PSA_SUCCESS);
    length = 99;
    EXPECT_EQ(sha_x86_hash_finish(&operation, digest, PSA_HASH_LENGTH(alg) - 1, &length),
              PSA_ERROR_BUFFER_TOO_SMALL);
    EXPECT_EQ(length, 0u);
    EXPECT_TRUE(std::all_of(digest, digest + sizeof(digest), [](uint8_t b) { return b == 0xa5; }));
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation))) << "a failed finish wipes";
  }
}

TEST_F(ShaX86HashTest, LifeCycle) {
  sha_x86_hash_operation_t operation = ZeroOperation();
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 99;
  EXPECT_EQ(sha_x86_hash_update(&operation, Bytes("abc"), 3), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(sha_x86_hash_finish(&operation, digest, sizeof(digest), &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  ASSERT_EQ(sha_x86_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(sha_x86_hash_update(&operation, Bytes("abc"), 3), PSA_SUCCESS);
  const sha_x86_hash_operation_t before = operation;
  EXPECT_EQ(sha_x86_hash_setup(&operation, PSA_ALG_SHA_1), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(std::memcmp(&before, &operation, sizeof(operation)), 0) << "setup on an active operation";
  EXPECT_EQ(sha_x86_hash_update(&operation, nullptr, 0), PSA_SUCCESS);
  EXPECT_EQ(sha_x86_hash_abort(&operation), PSA_SUCCESS);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  EXPECT_EQ(sha_x86_hash_abort(&operation), PSA_SUCCESS);
  // Reusable after abort.
  ASSERT_EQ(sha_x86_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_EQ(sha_x86_hash_update(&operation, Bytes("abc"), 3), PSA_SUCCESS);
  ASSERT_EQ(sha_x86_hash_finish(&operation, digest, sizeof(digest), &length), PSA_SUCCESS);
  EXPECT_EQ(Hex(digest, length), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// The core may pass an input that overlaps the output.
TEST_F(ShaX86HashTest, ComputeInPlace) {
  uint8_t buffer[64] = {'a', 'b', 'c'};
  size_t length = 0;
  ASSERT_EQ(sha_x86_hash_compute(PSA_ALG_SHA_256, buffer, 3, buffer, sizeof(buffer), &length), PSA_SUCCESS);
  EXPECT_EQ(Hex(buffer, length), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// An operation started on SHA-NI finishes on it even if the choice changes.
TEST_F(ShaX86HashTest, AnActiveOperationOutlivesAPathChange) {
  sha_x86_hash_operation_t operation = ZeroOperation();
  ASSERT_EQ(sha_x86_hash_setup(&operation, PSA_ALG_SHA_256), PSA_SUCCESS);
  ASSERT_TRUE(SetCodePathForTesting(CodePath::kNone));
  ASSERT_EQ(sha_x86_hash_update(&operation, Bytes("abc"), 3), PSA_SUCCESS);
  uint8_t digest[PSA_HASH_MAX_SIZE];
  size_t length = 0;
  ASSERT_EQ(sha_x86_hash_finish(&operation, digest, sizeof(digest), &length), PSA_SUCCESS);
  EXPECT_EQ(Hex(digest, length), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// The forced "no SHA-NI" path: runs on every CPU.
TEST(ShaX86HashNoShaNi, EveryStartDeclinesSoThatTheNextDriverServes) {
  ASSERT_TRUE(SetCodePathForTesting(CodePath::kNone));
  for (psa_algorithm_t alg : kAlgorithms) {
    uint8_t digest[PSA_HASH_MAX_SIZE];
    size_t length = 99;
    EXPECT_EQ(sha_x86_hash_compute(alg, Bytes("abc"), 3, digest, sizeof(digest), &length),
              PSA_ERROR_NOT_SUPPORTED);
    EXPECT_EQ(length, 0u);
    sha_x86_hash_operation_t operation = ZeroOperation();
    EXPECT_EQ(sha_x86_hash_setup(&operation, alg), PSA_ERROR_NOT_SUPPORTED);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation))) << "a declined setup leaves it inactive";
  }
  ResetCodePathForTesting();
}

}  // namespace
}  // namespace drivers::sha_x86
