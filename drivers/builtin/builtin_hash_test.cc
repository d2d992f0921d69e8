// Unit tests of the builtin hash driver: known-answer vectors (FIPS 180-2
// examples, RFC 1321, the RIPEMD-160 reference results) through both entry
// point families, operation life cycle, buffer and algorithm checks, and
// agreement between builtin.json and the code.

#include "drivers/builtin/builtin_hash.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace drivers::builtin {
namespace {

// Published test messages.
const std::string kAbc = "abc";
// FIPS 180-2 two-block message for the 512-bit-block hashes (448 bits).
const std::string kMessage448 =
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
// FIPS 180-2 two-block message for the 1024-bit-block hashes (896 bits).
const std::string kMessage896 =
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnop"
    "jklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
const std::string kMillionA(1000000, 'a');

struct HashVectors {
  const char* name;  // the algorithm's macro name, as in builtin.json
  psa_algorithm_t alg;
  size_t length;  // digest length in bytes
  // Expected digests, hex.
  const char* empty;
  const char* abc;
  const char* message448;
  const char* message896;
  const char* million_a;
};

#define ALG(macro) #macro, macro

const HashVectors kVectors[] = {
    {ALG(PSA_ALG_MD5), 16, "d41d8cd98f00b204e9800998ecf8427e",
     "900150983cd24fb0d6963f7d28e17f72", "8215ef0796a20bcaaae116d3876c664a",
     "03dd8807a93175fb062dfb55dc7d359c", "7707d6ae4e027c70eea2a935c2296f21"},
    {ALG(PSA_ALG_RIPEMD160), 20, "9c1185a5c5e9fc54612808977ee8f548b2258d31",
     "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
     "12a053384a9c0c88e405a06c27dcf49ada62eb2b",
     "6f3fa39b6b503c384f919a49a7aa5c2c08bdfb45",
     "52783243c1697bdbe16d37f97f68f08325dc1528"},
    {ALG(PSA_ALG_SHA_1), 20, "da39a3ee5e6b4b0d3255bfef95601890afd80709",
     "a9993e364706816aba3e25717850c26c9cd0d89d",
     "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
     "a49b2446a02c645bf419f995b67091253a04a259",
     "34aa973cd4c4daa4f61eeb2bdbad27316534016f"},
    {ALG(PSA_ALG_SHA_224), 28,
     "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f",
     "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
     "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525",
     "c97ca9a559850ce97a04a96def6d99a9e0e0e2ab14e6b8df265fc0b3",
     "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67"},
    {ALG(PSA_ALG_SHA_256), 32,
     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
     "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    {ALG(PSA_ALG_SHA_384), 48,
     "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebf"
     "e76f65fbd51ad2f14898b95b",
     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072b"
     "a1e7cc2358baeca134c825a7",
     "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6b0455a85"
     "20bc4e6f5fe95b1fe3c8452b",
     "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a"
     "557e2db966c3e9fa91746039",
     "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc"
     "38ecc4ebae97ddd87f3d8985"},
    {ALG(PSA_ALG_SHA_512), 64,
     "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c"
     "5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a"
     "274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
     "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c1"
     "3b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445",
     "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e"
     "4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909",
     "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244"
     "877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"},
};

#undef ALG

constexpr size_t kMaxDigest = 64;

std::string Hex(const uint8_t* data, size_t length) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < length; ++i) {
    hex += kDigits[data[i] >> 4];
    hex += kDigits[data[i] & 0x0f];
  }
  return hex;
}

const uint8_t* Bytes(const std::string& s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

bool IsAllZero(const void* data, size_t length) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  return std::all_of(bytes, bytes + length, [](uint8_t b) { return b == 0; });
}

// A freshly created operation, as the core makes it: all-bits-zero.
builtin_hash_operation_t ZeroOperation() {
  builtin_hash_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  return operation;
}

class BuiltinHashTest : public ::testing::TestWithParam<HashVectors> {
 protected:
  // Single-part hash of `message`, hex; "" and a test failure on error.
  std::string Compute(const std::string& message) {
    uint8_t hash[kMaxDigest];
    size_t hash_length = 0;
    psa_status_t status =
        builtin_hash_compute(GetParam().alg, Bytes(message), message.size(),
                             hash, sizeof(hash), &hash_length);
    EXPECT_EQ(status, PSA_SUCCESS);
    if (status != PSA_SUCCESS) return "";
    EXPECT_EQ(hash_length, GetParam().length);
    return Hex(hash, hash_length);
  }

  // Finishes `operation` and returns the digest, hex; "" and a test failure
  // on error. Checks that finish wiped the operation.
  std::string Finish(builtin_hash_operation_t* operation) {
    uint8_t hash[kMaxDigest];
    size_t hash_length = 0;
    psa_status_t status =
        builtin_hash_finish(operation, hash, sizeof(hash), &hash_length);
    EXPECT_EQ(status, PSA_SUCCESS);
    EXPECT_TRUE(IsAllZero(operation, sizeof(*operation)));
    if (status != PSA_SUCCESS) return "";
    EXPECT_EQ(hash_length, GetParam().length);
    return Hex(hash, hash_length);
  }

  // Multi-part hash of `message`, fed in the pieces that `cuts` (increasing
  // offsets) delimit; hex.
  std::string ComputeInPieces(const std::string& message,
                              const std::vector<size_t>& cuts) {
    builtin_hash_operation_t operation = ZeroOperation();
    EXPECT_EQ(builtin_hash_setup(&operation, GetParam().alg), PSA_SUCCESS);
    size_t start = 0;
    for (size_t end : cuts) {
      EXPECT_EQ(builtin_hash_update(&operation, Bytes(message) + start,
                                    end - start),
                PSA_SUCCESS);
      start = end;
    }
    EXPECT_EQ(builtin_hash_update(&operation, Bytes(message) + start,
                                  message.size() - start),
              PSA_SUCCESS);
    return Finish(&operation);
  }
};

TEST_P(BuiltinHashTest, DigestLengthIsPsaHashLength) {
  EXPECT_EQ(PSA_HASH_LENGTH(GetParam().alg), GetParam().length);
}

TEST_P(BuiltinHashTest, ComputeMatchesKnownAnswers) {
  EXPECT_EQ(Compute(""), GetParam().empty);
  EXPECT_EQ(Compute(kAbc), GetParam().abc);
  EXPECT_EQ(Compute(kMessage448), GetParam().message448);
  EXPECT_EQ(Compute(kMessage896), GetParam().message896);
  EXPECT_EQ(Compute(kMillionA), GetParam().million_a);
}

TEST_P(BuiltinHashTest, ComputeAcceptsNullEmptyInput) {
  uint8_t hash[kMaxDigest];
  size_t hash_length = 0;
  ASSERT_EQ(builtin_hash_compute(GetParam().alg, nullptr, 0, hash,
                                 sizeof(hash), &hash_length),
            PSA_SUCCESS);
  EXPECT_EQ(Hex(hash, hash_length), GetParam().empty);
}

TEST_P(BuiltinHashTest, ComputeInPlaceOverInputBuffer) {
  // The input fills the whole buffer; the digest overwrites its start.
  const std::string message = kMessage896.substr(0, kMaxDigest);
  uint8_t buffer[kMaxDigest];
  std::memcpy(buffer, message.data(), sizeof(buffer));
  size_t hash_length = 0;
  ASSERT_EQ(builtin_hash_compute(GetParam().alg, buffer, sizeof(buffer),
                                 buffer, sizeof(buffer), &hash_length),
            PSA_SUCCESS);
  EXPECT_EQ(Hex(buffer, hash_length), Compute(message));
}

TEST_P(BuiltinHashTest, MultipartMatchesKnownAnswers) {
  EXPECT_EQ(ComputeInPieces("", {}), GetParam().empty);
  EXPECT_EQ(ComputeInPieces(kAbc, {}), GetParam().abc);
  EXPECT_EQ(ComputeInPieces(kMessage448, {}), GetParam().message448);
  EXPECT_EQ(ComputeInPieces(kMessage896, {}), GetParam().message896);
  EXPECT_EQ(ComputeInPieces(kMillionA, {}), GetParam().million_a);
}

TEST_P(BuiltinHashTest, MultipartAgreesAtEverySplitPoint) {
  // Two and three pieces, every cut of the 896-bit message (which spans two
  // blocks of every algorithm here), empty pieces included.
  const size_t size = kMessage896.size();
  for (size_t first = 0; first <= size; ++first) {
    ASSERT_EQ(ComputeInPieces(kMessage896, {first}), GetParam().message896)
        << "cut at " << first;
    for (size_t second = first; second <= size; ++second) {
      ASSERT_EQ(ComputeInPieces(kMessage896, {first, second}),
                GetParam().message896)
          << "cuts at " << first << ", " << second;
    }
  }
}

TEST_P(BuiltinHashTest, MultipartMillionAInIrregularPieces) {
  // Piece sizes cycle through 1..257 so that pieces start at every offset
  // within a block.
  std::vector<size_t> cuts;
  size_t next = 0;
  for (size_t piece = 1; next + piece < kMillionA.size(); piece = piece % 257 + 1) {
    next += piece;
    cuts.push_back(next);
  }
  EXPECT_EQ(ComputeInPieces(kMillionA, cuts), GetParam().million_a);
}

TEST_P(BuiltinHashTest, EmptyUpdatesDoNotChangeTheDigest) {
  builtin_hash_operation_t operation = ZeroOperation();
  ASSERT_EQ(builtin_hash_setup(&operation, GetParam().alg), PSA_SUCCESS);
  EXPECT_EQ(builtin_hash_update(&operation, nullptr, 0), PSA_SUCCESS);
  EXPECT_EQ(builtin_hash_update(&operation, Bytes(kAbc), 1), PSA_SUCCESS);
  EXPECT_EQ(builtin_hash_update(&operation, nullptr, 0), PSA_SUCCESS);
  EXPECT_EQ(builtin_hash_update(&operation, Bytes(kAbc) + 1, 2), PSA_SUCCESS);
  EXPECT_EQ(builtin_hash_update(&operation, nullptr, 0), PSA_SUCCESS);
  EXPECT_EQ(Finish(&operation), GetParam().abc);
}

TEST_P(BuiltinHashTest, OperationCopiedByMemcpyMidStreamFinishesIndependently) {
  const size_t cut = 20;  // inside the first block
  builtin_hash_operation_t original = ZeroOperation();
  ASSERT_EQ(builtin_hash_setup(&original, GetParam().alg), PSA_SUCCESS);
  ASSERT_EQ(builtin_hash_update(&original, Bytes(kMessage448), cut),
            PSA_SUCCESS);

  builtin_hash_operation_t copy;
  std::memcpy(&copy, &original, sizeof(copy));

  // The copy diverges, then the original continues with the known message.
  const std::string tail = "a different continuation";
  ASSERT_EQ(builtin_hash_update(&copy, Bytes(tail), tail.size()), PSA_SUCCESS);
  ASSERT_EQ(builtin_hash_update(&original, Bytes(kMessage448) + cut,
                                kMessage448.size() - cut),
            PSA_SUCCESS);
  EXPECT_EQ(Finish(&copy), Compute(kMessage448.substr(0, cut) + tail));
  EXPECT_EQ(Finish(&original), GetParam().message448);
}

TEST_P(BuiltinHashTest, CopiesTakenBeforeAndAfterAnUpdateBothFinish) {
  builtin_hash_operation_t first = ZeroOperation();
  ASSERT_EQ(builtin_hash_setup(&first, GetParam().alg), PSA_SUCCESS);
  builtin_hash_operation_t fresh_copy;
  std::memcpy(&fresh_copy, &first, sizeof(fresh_copy));
  ASSERT_EQ(builtin_hash_update(&first, Bytes(kAbc), 1), PSA_SUCCESS);
  builtin_hash_operation_t second;
  std::memcpy(&second, &first, sizeof(second));

  ASSERT_EQ(builtin_hash_update(&first, Bytes(kAbc) + 1, 2), PSA_SUCCESS);
  ASSERT_EQ(builtin_hash_update(&second, Bytes(kAbc) + 1, 2), PSA_SUCCESS);
  EXPECT_EQ(Finish(&first), GetParam().abc);
  EXPECT_EQ(Finish(&second), GetParam().abc);
  EXPECT_EQ(Finish(&fresh_copy), GetParam().empty);
}

TEST_P(BuiltinHashTest, FinishIntoShortBufferIsBufferTooSmallAndWipes) {
  builtin_hash_operation_t operation = ZeroOperation();
  ASSERT_EQ(builtin_hash_setup(&operation, GetParam().alg), PSA_SUCCESS);
  ASSERT_EQ(builtin_hash_update(&operation, Bytes(kAbc), kAbc.size()),
            PSA_SUCCESS);

  uint8_t hash[kMaxDigest];
  std::memset(hash, 0xa5, sizeof(hash));
  size_t hash_length = 12345;
  EXPECT_EQ(builtin_hash_finish(&operation, hash, GetParam().length - 1,
                                &hash_length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(hash_length, 0u);
  EXPECT_TRUE(std::all_of(hash, hash + sizeof(hash),
                          [](uint8_t b) { return b == 0xa5; }));
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  EXPECT_EQ(builtin_hash_update(&operation, Bytes(kAbc), 1),
            PSA_ERROR_BAD_STATE);
}

TEST_P(BuiltinHashTest, FinishIntoLargerBufferWritesOnlyTheDigest) {
  builtin_hash_operation_t operation = ZeroOperation();
  ASSERT_EQ(builtin_hash_setup(&operation, GetParam().alg), PSA_SUCCESS);
  ASSERT_EQ(builtin_hash_update(&operation, Bytes(kAbc), kAbc.size()),
            PSA_SUCCESS);

  uint8_t hash[kMaxDigest + 16];
  std::memset(hash, 0xa5, sizeof(hash));
  size_t hash_length = 0;
  ASSERT_EQ(builtin_hash_finish(&operation, hash, sizeof(hash), &hash_length),
            PSA_SUCCESS);
  ASSERT_EQ(hash_length, GetParam().length);
  EXPECT_EQ(Hex(hash, hash_length), GetParam().abc);
  EXPECT_TRUE(std::all_of(hash + hash_length, hash + sizeof(hash),
                          [](uint8_t b) { return b == 0xa5; }));
}

TEST_P(BuiltinHashTest, ComputeIntoShortBufferIsBufferTooSmall) {
  uint8_t hash[kMaxDigest];
  std::memset(hash, 0xa5, sizeof(hash));
  size_t hash_length = 12345;
  EXPECT_EQ(builtin_hash_compute(GetParam().alg, Bytes(kAbc), kAbc.size(),
                                 hash, GetParam().length - 1, &hash_length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(hash_length, 0u);
  EXPECT_TRUE(std::all_of(hash, hash + sizeof(hash),
                          [](uint8_t b) { return b == 0xa5; }));

  hash_length = 12345;
  EXPECT_EQ(builtin_hash_compute(GetParam().alg, Bytes(kAbc), kAbc.size(),
                                 nullptr, 0, &hash_length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(hash_length, 0u);
}

TEST_P(BuiltinHashTest, AbortIsIdempotentAndWipes) {
  builtin_hash_operation_t operation = ZeroOperation();
  EXPECT_EQ(builtin_hash_abort(&operation), PSA_SUCCESS);  // inactive
  ASSERT_EQ(builtin_hash_setup(&operation, GetParam().alg), PSA_SUCCESS);
  ASSERT_EQ(builtin_hash_update(&operation, Bytes(kAbc), kAbc.size()),
            PSA_SUCCESS);
  EXPECT_FALSE(IsAllZero(&operation, sizeof(operation)));
  EXPECT_EQ(builtin_hash_abort(&operation), PSA_SUCCESS);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  EXPECT_EQ(builtin_hash_abort(&operation), PSA_SUCCESS);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));

  // An aborted operation can be set up again.
  ASSERT_EQ(builtin_hash_setup(&operation, GetParam().alg), PSA_SUCCESS);
  ASSERT_EQ(builtin_hash_update(&operation, Bytes(kAbc), kAbc.size()),
            PSA_SUCCESS);
  EXPECT_EQ(Finish(&operation), GetParam().abc);
}

TEST_P(BuiltinHashTest, UpdateAndFinishOfInactiveOperationAreBadState) {
  builtin_hash_operation_t operation = ZeroOperation();
  EXPECT_EQ(builtin_hash_update(&operation, Bytes(kAbc), kAbc.size()),
            PSA_ERROR_BAD_STATE);
  uint8_t hash[kMaxDigest];
  size_t hash_length = 12345;
  EXPECT_EQ(builtin_hash_finish(&operation, hash, sizeof(hash), &hash_length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(hash_length, 0u);

  // After a successful finish the operation is inactive again.
  ASSERT_EQ(builtin_hash_setup(&operation, GetParam().alg), PSA_SUCCESS);
  EXPECT_EQ(Finish(&operation), GetParam().empty);
  EXPECT_EQ(builtin_hash_update(&operation, Bytes(kAbc), kAbc.size()),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_hash_finish(&operation, hash, sizeof(hash), &hash_length),
            PSA_ERROR_BAD_STATE);
}

TEST_P(BuiltinHashTest, SetupOfActiveOperationIsBadStateAndKeepsIt) {
  builtin_hash_operation_t operation = ZeroOperation();
  ASSERT_EQ(builtin_hash_setup(&operation, GetParam().alg), PSA_SUCCESS);
  ASSERT_EQ(builtin_hash_update(&operation, Bytes(kAbc), 1), PSA_SUCCESS);
  EXPECT_EQ(builtin_hash_setup(&operation, GetParam().alg),
            PSA_ERROR_BAD_STATE);
  ASSERT_EQ(builtin_hash_update(&operation, Bytes(kAbc) + 1, 2), PSA_SUCCESS);
  EXPECT_EQ(Finish(&operation), GetParam().abc);
}

INSTANTIATE_TEST_SUITE_P(
    AllAlgorithms, BuiltinHashTest, ::testing::ValuesIn(kVectors),
    [](const ::testing::TestParamInfo<HashVectors>& info) {
      return std::string(info.param.name);
    });

// Hash algorithms (and non-hash values) the builtin driver does not serve.
const psa_algorithm_t kUnsupportedAlgorithms[] = {
    PSA_ALG_NONE,
    PSA_ALG_SHA3_256,
    PSA_ALG_SHA3_512,
    PSA_ALG_SHA_512_256,
    PSA_ALG_ANY_HASH,
    PSA_ALG_HMAC(PSA_ALG_SHA_256),
    PSA_ALG_CMAC,
    0xffffffffu,
};

TEST(BuiltinHashUnsupportedTest, SetupIsNotSupportedAndLeavesOperationInactive) {
  for (psa_algorithm_t alg : kUnsupportedAlgorithms) {
    builtin_hash_operation_t operation = ZeroOperation();
    EXPECT_EQ(builtin_hash_setup(&operation, alg), PSA_ERROR_NOT_SUPPORTED)
        << "alg 0x" << std::hex << alg;
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
    EXPECT_EQ(builtin_hash_update(&operation, Bytes(kAbc), kAbc.size()),
              PSA_ERROR_BAD_STATE);
  }
}

TEST(BuiltinHashUnsupportedTest, ComputeIsNotSupported) {
  for (psa_algorithm_t alg : kUnsupportedAlgorithms) {
    uint8_t hash[kMaxDigest];
    size_t hash_length = 12345;
    EXPECT_EQ(builtin_hash_compute(alg, Bytes(kAbc), kAbc.size(), hash,
                                   sizeof(hash), &hash_length),
              PSA_ERROR_NOT_SUPPORTED)
        << "alg 0x" << std::hex << alg;
    EXPECT_EQ(hash_length, 0u);
  }
}

TEST(BuiltinHashContextTest, FitsTheDriverContextBounds) {
  EXPECT_LE(sizeof(builtin_hash_operation_t), 512u);
  EXPECT_LE(alignof(builtin_hash_operation_t), 16u);
}

// builtin.json must declare exactly the algorithms the code serves, for both
// entry point families, with no fallback.
TEST(BuiltinHashDescriptionTest, ListsExactlyTheImplementedAlgorithms) {
  std::ifstream file("drivers/builtin/builtin.json");
  ASSERT_TRUE(file.is_open()) << "builtin.json is not in the test's runfiles";
  const nlohmann::json description = nlohmann::json::parse(file);
  EXPECT_EQ(description.at("prefix"), "builtin");
  EXPECT_EQ(description.at("type"), "transparent");
  const nlohmann::json& headers = description.at("headers");
  EXPECT_NE(std::find(headers.begin(), headers.end(),
                      "drivers/builtin/builtin_hash.h"),
            headers.end());

  std::set<std::string> implemented;
  for (const HashVectors& vectors : kVectors) implemented.insert(vectors.name);

  for (const char* entry_point : {"hash_compute", "hash_multipart"}) {
    std::set<std::string> declared;
    for (const nlohmann::json& capability : description.at("capabilities")) {
      const nlohmann::json& entry_points = capability.at("entry_points");
      if (std::find(entry_points.begin(), entry_points.end(), entry_point) ==
          entry_points.end()) {
        continue;
      }
      EXPECT_FALSE(capability.value("fallback", false)) << entry_point;
      for (const nlohmann::json& alg : capability.at("algorithms")) {
        declared.insert(alg.get<std::string>());
      }
    }
    EXPECT_EQ(declared, implemented) << entry_point;
  }
}

}  // namespace
}  // namespace drivers::builtin
