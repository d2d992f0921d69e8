// The SHA-NI digests against OpenSSL 3 (EVP) for every message length up to
// a few blocks and a long message, whole and in every split around block
// and padding boundaries, and the FIPS 180-4 / NIST example vectors. Runs
// only where the CPU has SHA-NI (the functions must not run elsewhere).

#include "drivers/sha_x86/digest.h"

#include <openssl/evp.h>

#include <string>
#include <vector>

#include "drivers/sha_x86/code_path.h"
#include "gtest/gtest.h"

namespace drivers::sha_x86 {
namespace {

std::string Hex(const uint8_t* data, size_t length) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < length; ++i) {
    hex += kDigits[data[i] >> 4];
    hex += kDigits[data[i] & 0x0f];
  }
  return hex;
}

const EVP_MD* OpenSslMd(DigestKind kind) {
  switch (kind) {
    case DigestKind::kSha1:
      return EVP_sha1();
    case DigestKind::kSha224:
      return EVP_sha224();
    default:
      return EVP_sha256();
  }
}

std::string OpenSslDigest(DigestKind kind, const std::vector<uint8_t>& message) {
  uint8_t digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(message.data(), message.size(), digest, &length, OpenSslMd(kind), nullptr) != 1) {
    return "EVP_Digest failed";
  }
  return Hex(digest, length);
}

std::string OurDigest(DigestKind kind, const std::vector<uint8_t>& message,
                      size_t first_part) {
  sha_x86_digest_state_t state;
  DigestStart(&state, kind);
  DigestUpdate(&state, message.data(), first_part);
  DigestUpdate(&state, message.data() + first_part, message.size() - first_part);
  uint8_t digest[kMaxDigestLength];
  DigestFinish(&state, digest);
  return Hex(digest, DigestLength(kind));
}

std::vector<uint8_t> Message(size_t length, uint8_t seed) {
  std::vector<uint8_t> message(length);
  uint32_t x = 0x9e3779b9u * (seed + 1u);
  for (uint8_t& byte : message) {
    x = x * 1664525u + 1013904223u;
    byte = static_cast<uint8_t>(x >> 24);
  }
  return message;
}

class DigestTest : public ::testing::TestWithParam<DigestKind> {
 protected:
  void SetUp() override {
    if (!CpuHasShaNi()) GTEST_SKIP() << "this CPU has no SHA-NI";
  }
};

INSTANTIATE_TEST_SUITE_P(AllKinds, DigestTest,
                         ::testing::Values(DigestKind::kSha1, DigestKind::kSha224,
                                           DigestKind::kSha256),
                         [](const ::testing::TestParamInfo<DigestKind>& info) {
                           return std::string(info.param == DigestKind::kSha1     ? "Sha1"
                                              : info.param == DigestKind::kSha224 ? "Sha224"
                                                                                  : "Sha256");
                         });

TEST_P(DigestTest, EveryLengthUpToFiveBlocksMatchesOpenSsl) {
  for (size_t length = 0; length <= 5 * kBlockLength; ++length) {
    const std::vector<uint8_t> message = Message(length, static_cast<uint8_t>(length));
    EXPECT_EQ(OurDigest(GetParam(), message, length), OpenSslDigest(GetParam(), message))
        << "length " << length;
  }
}

TEST_P(DigestTest, EverySplitOfThreeBlocksMatchesOpenSsl) {
  const std::vector<uint8_t> message = Message(3 * kBlockLength + 7, 1);
  const std::string expected = OpenSslDigest(GetParam(), message);
  for (size_t split = 0; split <= message.size(); ++split) {
    EXPECT_EQ(OurDigest(GetParam(), message, split), expected) << "split at " << split;
  }
}

TEST_P(DigestTest, LongMessageMatchesOpenSsl) {
  const std::vector<uint8_t> message = Message(1 << 20, 2);
  EXPECT_EQ(OurDigest(GetParam(), message, 12345), OpenSslDigest(GetParam(), message));
}

// FIPS 180-4 examples (NIST CSRC "Examples with intermediate values"):
// "abc" and the two-block 448-bit message.
TEST(DigestVectors, NistExamples) {
  if (!CpuHasShaNi()) GTEST_SKIP() << "this CPU has no SHA-NI";
  const std::string abc = "abc";
  const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  struct Case {
    DigestKind kind;
    const std::string* message;
    const char* digest;
  } cases[] = {
      {DigestKind::kSha1, &abc, "a9993e364706816aba3e25717850c26c9cd0d89d"},
      {DigestKind::kSha1, &two_blocks, "84983e441c3bd26ebaae4aa1f95129e5e54670f1"},
      {DigestKind::kSha224, &abc, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"},
      {DigestKind::kSha224, &two_blocks, "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525"},
      {DigestKind::kSha256, &abc, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {DigestKind::kSha256, &two_blocks, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  for (const Case& c : cases) {
    uint8_t digest[kMaxDigestLength];
    DigestOneShot(c.kind, reinterpret_cast<const uint8_t*>(c.message->data()), c.message->size(), digest);
    EXPECT_EQ(Hex(digest, DigestLength(c.kind)), c.digest) << *c.message;
  }
}

TEST(DigestKindOf, NamesTheThreeHashesOnly) {
  EXPECT_EQ(DigestKindOf(PSA_ALG_SHA_1), DigestKind::kSha1);
  EXPECT_EQ(DigestKindOf(PSA_ALG_SHA_224), DigestKind::kSha224);
  EXPECT_EQ(DigestKindOf(PSA_ALG_SHA_256), DigestKind::kSha256);
  EXPECT_EQ(DigestKindOf(PSA_ALG_SHA_384), DigestKind::kNotStarted);
  EXPECT_EQ(DigestKindOf(PSA_ALG_MD5), DigestKind::kNotStarted);
  EXPECT_EQ(DigestKindOf(PSA_ALG_NONE), DigestKind::kNotStarted);
  EXPECT_EQ(DigestLength(DigestKind::kNotStarted), 0u);
}

}  // namespace
}  // namespace drivers::sha_x86
