#include "psa/core/hmac.h"

#include <stdint.h>
#include <string.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/testing/fake_dispatch.h"
#include "psa/core/testing/test_util.h"

namespace psa::core {
namespace {

using ::psa::core::testing::FailFakeHashCalls;
using ::psa::core::testing::FakeHashCalls;
using ::psa::core::testing::FromHex;
using ::psa::core::testing::HashEntryPoint;
using ::psa::core::testing::ResetFakeDispatch;
using ::psa::core::testing::ToHex;

struct HmacVector {
  const char* name;
  psa_algorithm_t alg;
  const char* key_hex;
  const char* data_hex;
  const char* mac_hex;
};

// RFC 4231 test cases 1-4, 6 and 7 (case 5 truncates the output).
constexpr char kKey1[] = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";
constexpr char kData1[] = "4869205468657265";
constexpr char kKey2[] = "4a656665";
constexpr char kData2[] =
    "7768617420646f2079612077616e7420666f72206e6f7468696e673f";
constexpr char kKey3[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
constexpr char kData3[] =
    "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
    "dddddddddddddddddddddddddddd";
constexpr char kKey4[] = "0102030405060708090a0b0c0d0e0f10111213141516171819";
constexpr char kData4[] =
    "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
    "cdcdcdcdcdcdcdcdcdcdcdcdcdcd";
// 131 bytes of 0xaa: longer than every block, so hashed first.
constexpr char kKey6[] =
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
constexpr char kData6[] =
    "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b65"
    "79202d2048617368204b6579204669727374";
constexpr char kData7[] =
    "5468697320697320612074657374207573696e672061206c6172676572207468616e2062"
    "6c6f636b2d73697a65206b657920616e642061206c6172676572207468616e20626c6f63"
    "6b2d73697a6520646174612e20546865206b6579206e6565647320746f20626520686173"
    "686564206265666f7265206265696e6720757365642062792074686520484d414320616c"
    "676f726974686d2e";

const HmacVector kRfc4231Vectors[] = {
    {"1_SHA224", PSA_ALG_SHA_224, kKey1, kData1,
     "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22"},
    {"1_SHA256", PSA_ALG_SHA_256, kKey1, kData1,
     "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
    {"1_SHA384", PSA_ALG_SHA_384, kKey1, kData1,
     "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9"
     "076ede7f4af152e8b2fa9cb6"},
    {"1_SHA512", PSA_ALG_SHA_512, kKey1, kData1,
     "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7"
     "d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"},
    {"2_SHA224", PSA_ALG_SHA_224, kKey2, kData2,
     "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44"},
    {"2_SHA256", PSA_ALG_SHA_256, kKey2, kData2,
     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
    {"2_SHA384", PSA_ALG_SHA_384, kKey2, kData2,
     "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca"
     "5e69e2c78b3239ecfab21649"},
    {"2_SHA512", PSA_ALG_SHA_512, kKey2, kData2,
     "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75"
     "c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
    {"3_SHA256", PSA_ALG_SHA_256, kKey3, kData3,
     "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
    {"3_SHA512", PSA_ALG_SHA_512, kKey3, kData3,
     "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e8482"
     "79a722c806b485a47e67c807b946a337bee8942674278859e13292fb"},
    {"4_SHA256", PSA_ALG_SHA_256, kKey4, kData4,
     "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
    {"4_SHA384", PSA_ALG_SHA_384, kKey4, kData4,
     "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23"
     "c4a7d679ccf8a386c674cffb"},
    {"6_SHA224", PSA_ALG_SHA_224, kKey6, kData6,
     "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e"},
    {"6_SHA256", PSA_ALG_SHA_256, kKey6, kData6,
     "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
    {"6_SHA384", PSA_ALG_SHA_384, kKey6, kData6,
     "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab"
     "4030fe8296248df163f44952"},
    {"6_SHA512", PSA_ALG_SHA_512, kKey6, kData6,
     "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037"
     "e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"},
    {"7_SHA256", PSA_ALG_SHA_256, kKey6, kData7,
     "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
    {"7_SHA512", PSA_ALG_SHA_512, kKey6, kData7,
     "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac"
     "3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"},
};

class HmacTest : public ::testing::Test {
 protected:
  void SetUp() override { ResetFakeDispatch(); }
};

class HmacRfc4231Test : public HmacTest,
                        public ::testing::WithParamInterface<HmacVector> {};

TEST_P(HmacRfc4231Test, SinglePartMatchesRfc4231) {
  const HmacVector& v = GetParam();
  const std::vector<uint8_t> key = FromHex(v.key_hex);
  const std::vector<uint8_t> data = FromHex(v.data_hex);
  std::vector<uint8_t> mac(PSA_HASH_MAX_SIZE);
  size_t mac_length = 0;
  ASSERT_EQ(HmacCompute(v.alg, key.data(), key.size(), data.data(),
                        data.size(), mac.data(), mac.size(), &mac_length),
            PSA_SUCCESS);
  mac.resize(mac_length);
  EXPECT_EQ(ToHex(mac), v.mac_hex);
}

TEST_P(HmacRfc4231Test, ByteByByteUpdatesMatchRfc4231) {
  const HmacVector& v = GetParam();
  const std::vector<uint8_t> key = FromHex(v.key_hex);
  const std::vector<uint8_t> data = FromHex(v.data_hex);
  Hmac hmac;
  ASSERT_EQ(hmac.Setup(v.alg, key.data(), key.size()), PSA_SUCCESS);
  EXPECT_EQ(hmac.mac_length(), PSA_HASH_LENGTH(v.alg));
  for (uint8_t byte : data) ASSERT_EQ(hmac.Update(&byte, 1), PSA_SUCCESS);
  std::vector<uint8_t> mac(hmac.mac_length());
  size_t mac_length = 0;
  ASSERT_EQ(hmac.Finish(mac.data(), mac.size(), &mac_length), PSA_SUCCESS);
  EXPECT_EQ(mac_length, mac.size());
  EXPECT_EQ(ToHex(mac), v.mac_hex);
  EXPECT_FALSE(hmac.active());
}

// One key, the vector's message twice and another message in between: each
// MAC starts from the keyed states, unchanged by the MACs before it.
TEST_P(HmacRfc4231Test, KeyedOnceMatchesRfc4231Repeatedly) {
  const HmacVector& v = GetParam();
  const std::vector<uint8_t> key = FromHex(v.key_hex);
  const std::vector<uint8_t> data = FromHex(v.data_hex);
  HmacKey hmac_key;
  ASSERT_EQ(hmac_key.Setup(v.alg, key.data(), key.size()), PSA_SUCCESS);
  EXPECT_EQ(hmac_key.mac_length(), PSA_HASH_LENGTH(v.alg));
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(round);
    Hmac hmac;
    ASSERT_EQ(hmac_key.Start(&hmac), PSA_SUCCESS);
    EXPECT_TRUE(hmac.active());
    EXPECT_EQ(hmac.mac_length(), PSA_HASH_LENGTH(v.alg));
    if (round == 1) {
      ASSERT_EQ(hmac.Update(key.data(), key.size()), PSA_SUCCESS);
    } else {
      ASSERT_EQ(hmac.Update(data.data(), data.size()), PSA_SUCCESS);
    }
    std::vector<uint8_t> mac(hmac.mac_length());
    size_t mac_length = 0;
    ASSERT_EQ(hmac.Finish(mac.data(), mac.size(), &mac_length), PSA_SUCCESS);
    if (round == 1) {
      EXPECT_NE(ToHex(mac), v.mac_hex);
    } else {
      EXPECT_EQ(ToHex(mac), v.mac_hex);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rfc4231, HmacRfc4231Test, ::testing::ValuesIn(kRfc4231Vectors),
    [](const ::testing::TestParamInfo<HmacVector>& param_info) {
      return std::string(param_info.param.name);
    });

std::vector<uint8_t> PatternKey(size_t length) {
  std::vector<uint8_t> key(length);
  for (size_t i = 0; i < length; ++i) key[i] = static_cast<uint8_t>(i * 3);
  return key;
}

std::string HmacHex(psa_algorithm_t alg, const std::vector<uint8_t>& key,
                    const std::string& message) {
  std::vector<uint8_t> mac(PSA_HASH_MAX_SIZE);
  size_t mac_length = 0;
  const psa_status_t status = HmacCompute(
      alg, key.data(), key.size(),
      reinterpret_cast<const uint8_t*>(message.data()), message.size(),
      mac.data(), mac.size(), &mac_length);
  if (status != PSA_SUCCESS) return "status " + std::to_string(status);
  mac.resize(mac_length);
  return ToHex(mac);
}

// Keys of exactly one block are padded, one byte longer are hashed first
// (SHA-256: 64-byte blocks, SHA-512: 128). Reference values: Python's hmac.
TEST_F(HmacTest, KeysAroundTheBlockLength) {
  EXPECT_EQ(HmacHex(PSA_ALG_SHA_256, PatternKey(64), "abc"),
            "252d498510af75296eccbde184c8f2c771162a4ae2a18f818cd6e8e69ecdd253");
  EXPECT_EQ(HmacHex(PSA_ALG_SHA_256, PatternKey(65), "abc"),
            "2c13fcba3f836252f91515cd12a60289ad97b4c11745a4c8a4a2364c68b69daa");
  EXPECT_EQ(HmacHex(PSA_ALG_SHA_512, PatternKey(128), "abc"),
            "45eebe83b693089d62a8d07379976550a74a944b49e188d9dae53f7d8ae20f58"
            "900aaf1b6f300d9f0bafd06d32a02ec0bbeed59c409e1306ce08d9c886b66cd5");
  EXPECT_EQ(HmacHex(PSA_ALG_SHA_512, PatternKey(129), "abc"),
            "dfd5e456a67adcf20d1ba53501c9c435c6448942a18868081c1fa6c0a3e0e32d"
            "b2b12d35d37c0f0c9cdae0072a5a3b84235608007952076e282989fd18d42484");
}

TEST_F(HmacTest, EmptyKeyAndEmptyMessage) {
  EXPECT_EQ(HmacHex(PSA_ALG_SHA_256, {}, ""),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST_F(HmacTest, NonHashAlgorithmIsInvalidArgument) {
  Hmac hmac;
  const uint8_t key[16] = {0};
  EXPECT_EQ(hmac.Setup(PSA_ALG_HMAC(PSA_ALG_SHA_256), key, sizeof(key)),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(hmac.Setup(PSA_ALG_CBC_NO_PADDING, key, sizeof(key)),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(hmac.active());
}

TEST_F(HmacTest, HashWithoutDriverIsNotSupported) {
  ::psa::core::testing::SetFakeUnsupportedHashes({PSA_ALG_SHA_256});
  Hmac hmac;
  const uint8_t key[16] = {0};
  EXPECT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_FALSE(hmac.active());
  // A key longer than a block needs the hash before setup: same answer.
  const std::vector<uint8_t> long_key = PatternKey(100);
  EXPECT_EQ(hmac.Setup(PSA_ALG_SHA_256, long_key.data(), long_key.size()),
            PSA_ERROR_NOT_SUPPORTED);
}

TEST_F(HmacTest, SetupTwiceIsBadState) {
  Hmac hmac;
  const uint8_t key[16] = {0};
  ASSERT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)), PSA_SUCCESS);
  EXPECT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(hmac.active());
}

TEST_F(HmacTest, UpdateAndFinishWithoutSetupAreBadState) {
  Hmac hmac;
  const uint8_t data[4] = {1, 2, 3, 4};
  EXPECT_EQ(hmac.Update(data, sizeof(data)), PSA_ERROR_BAD_STATE);
  uint8_t mac[32];
  size_t mac_length = 1;
  EXPECT_EQ(hmac.Finish(mac, sizeof(mac), &mac_length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(mac_length, 0u);
}

TEST_F(HmacTest, FinishIntoSmallBufferFailsAndEndsTheComputation) {
  Hmac hmac;
  const uint8_t key[16] = {0};
  ASSERT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)), PSA_SUCCESS);
  uint8_t mac[31];
  memset(mac, 0xee, sizeof(mac));
  size_t mac_length = 99;
  EXPECT_EQ(hmac.Finish(mac, sizeof(mac), &mac_length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(mac_length, 0u);
  EXPECT_FALSE(hmac.active());
  for (uint8_t byte : mac) EXPECT_EQ(byte, 0);
}

TEST_F(HmacTest, ReusableAfterFinishAndAfterAbort) {
  const std::vector<uint8_t> key = FromHex(kKey2);
  const std::vector<uint8_t> data = FromHex(kData2);
  Hmac hmac;
  for (int round = 0; round < 3; ++round) {
    ASSERT_EQ(hmac.Setup(PSA_ALG_SHA_256, key.data(), key.size()),
              PSA_SUCCESS);
    ASSERT_EQ(hmac.Update(data.data(), data.size()), PSA_SUCCESS);
    if (round == 1) {
      hmac.Abort();
      EXPECT_FALSE(hmac.active());
      continue;
    }
    uint8_t mac[32];
    size_t mac_length = 0;
    ASSERT_EQ(hmac.Finish(mac, sizeof(mac), &mac_length), PSA_SUCCESS);
    EXPECT_EQ(ToHex(mac, mac_length),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
}

TEST_F(HmacTest, DriverFailureInUpdateEndsTheComputation) {
  Hmac hmac;
  const uint8_t key[16] = {0};
  ASSERT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)), PSA_SUCCESS);
  FailFakeHashCalls(HashEntryPoint::kUpdate,
                    PSA_ERROR_COMMUNICATION_FAILURE);
  const uint8_t data[4] = {1, 2, 3, 4};
  EXPECT_EQ(hmac.Update(data, sizeof(data)), PSA_ERROR_COMMUNICATION_FAILURE);
  EXPECT_FALSE(hmac.active());
  EXPECT_EQ(hmac.Update(data, sizeof(data)), PSA_ERROR_BAD_STATE);
}

TEST_F(HmacTest, DriverFailureInInnerSetupLeavesItInactive) {
  FailFakeHashCalls(HashEntryPoint::kSetup, PSA_ERROR_INSUFFICIENT_MEMORY);
  Hmac hmac;
  const uint8_t key[16] = {0};
  EXPECT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)),
            PSA_ERROR_INSUFFICIENT_MEMORY);
  EXPECT_FALSE(hmac.active());
  EXPECT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)), PSA_SUCCESS);
}

TEST_F(HmacTest, DriverFailureInOuterSetupAbortsTheInnerHash) {
  // The first setup (inner hash) succeeds, the second (outer) fails.
  FailFakeHashCalls(HashEntryPoint::kSetup, PSA_ERROR_HARDWARE_FAILURE,
                    /*count=*/1, /*after=*/1);
  const int aborts_before = FakeHashCalls(HashEntryPoint::kAbort);
  Hmac hmac;
  const uint8_t key[16] = {0};
  EXPECT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)),
            PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_FALSE(hmac.active());
  // The inner hash was active in the driver: it was aborted.
  EXPECT_EQ(FakeHashCalls(HashEntryPoint::kAbort), aborts_before + 1);
  EXPECT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)), PSA_SUCCESS);
}

TEST_F(HmacTest, DriverFailureInOuterFinishWipesTheOutputAndEnds) {
  Hmac hmac;
  const uint8_t key[16] = {0};
  ASSERT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)), PSA_SUCCESS);
  // The inner finish succeeds, the outer one (which writes `mac`) fails.
  FailFakeHashCalls(HashEntryPoint::kFinish, PSA_ERROR_CORRUPTION_DETECTED,
                    /*count=*/1, /*after=*/1);
  uint8_t mac[32];
  memset(mac, 0xee, sizeof(mac));
  size_t mac_length = 5;
  EXPECT_EQ(hmac.Finish(mac, sizeof(mac), &mac_length),
            PSA_ERROR_CORRUPTION_DETECTED);
  EXPECT_EQ(mac_length, 0u);
  EXPECT_FALSE(hmac.active());
  for (uint8_t byte : mac) EXPECT_EQ(byte, 0);
}

TEST_F(HmacTest, DriverFailureInFinishWipesTheOutputAndEnds) {
  Hmac hmac;
  const uint8_t key[16] = {0};
  ASSERT_EQ(hmac.Setup(PSA_ALG_SHA_256, key, sizeof(key)), PSA_SUCCESS);
  FailFakeHashCalls(HashEntryPoint::kFinish, PSA_ERROR_CORRUPTION_DETECTED);
  uint8_t mac[32];
  memset(mac, 0xee, sizeof(mac));
  size_t mac_length = 5;
  EXPECT_EQ(hmac.Finish(mac, sizeof(mac), &mac_length),
            PSA_ERROR_CORRUPTION_DETECTED);
  EXPECT_EQ(mac_length, 0u);
  EXPECT_FALSE(hmac.active());
  for (uint8_t byte : mac) EXPECT_EQ(byte, 0);
}

// The key is processed (its pads hashed) by Setup only: a MAC started from
// the keyed states sets up no hash operation.
TEST_F(HmacTest, KeyedStartsSetUpNoHash) {
  const std::vector<uint8_t> key = PatternKey(100);  // hashed first: 3 setups
  const std::string expected = HmacHex(PSA_ALG_SHA_256, key, "abc");
  HmacKey hmac_key;
  const int setups_before = FakeHashCalls(HashEntryPoint::kSetup);
  ASSERT_EQ(hmac_key.Setup(PSA_ALG_SHA_256, key.data(), key.size()),
            PSA_SUCCESS);
  EXPECT_EQ(FakeHashCalls(HashEntryPoint::kSetup), setups_before + 3);
  for (int i = 0; i < 5; ++i) {
    Hmac hmac;
    ASSERT_EQ(hmac_key.Start(&hmac), PSA_SUCCESS);
    const uint8_t data[3] = {'a', 'b', 'c'};
    ASSERT_EQ(hmac.Update(data, sizeof(data)), PSA_SUCCESS);
    uint8_t mac[32];
    size_t mac_length = 0;
    ASSERT_EQ(hmac.Finish(mac, sizeof(mac), &mac_length), PSA_SUCCESS);
    EXPECT_EQ(ToHex(mac, mac_length), expected);
  }
  EXPECT_EQ(FakeHashCalls(HashEntryPoint::kSetup), setups_before + 3);
}

TEST_F(HmacTest, KeyedStatesAndTheirStates) {
  const uint8_t key[16] = {0};
  HmacKey hmac_key;
  Hmac hmac;
  EXPECT_EQ(hmac_key.mac_length(), 0u);
  EXPECT_EQ(hmac_key.Start(&hmac), PSA_ERROR_BAD_STATE);
  EXPECT_FALSE(hmac.active());
  EXPECT_EQ(hmac_key.Setup(PSA_ALG_HMAC(PSA_ALG_SHA_256), key, sizeof(key)),
            PSA_ERROR_INVALID_ARGUMENT);
  ASSERT_EQ(hmac_key.Setup(PSA_ALG_SHA_256, key, sizeof(key)), PSA_SUCCESS);
  EXPECT_EQ(hmac_key.Setup(PSA_ALG_SHA_256, key, sizeof(key)),
            PSA_ERROR_BAD_STATE);
  // Into an active computation: refused, that computation goes on.
  ASSERT_EQ(hmac.Setup(PSA_ALG_SHA_384, key, sizeof(key)), PSA_SUCCESS);
  EXPECT_EQ(hmac_key.Start(&hmac), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(hmac.mac_length(), PSA_HASH_LENGTH(PSA_ALG_SHA_384));
  hmac.Abort();
  hmac_key.Clear();
  EXPECT_EQ(hmac_key.mac_length(), 0u);
  EXPECT_EQ(hmac_key.Start(&hmac), PSA_ERROR_BAD_STATE);
  ASSERT_EQ(hmac_key.Setup(PSA_ALG_SHA_512, key, sizeof(key)), PSA_SUCCESS);
  ASSERT_EQ(hmac_key.Start(&hmac), PSA_SUCCESS);
  EXPECT_EQ(hmac.mac_length(), PSA_HASH_LENGTH(PSA_ALG_SHA_512));
}

TEST_F(HmacTest, KeyedSetupFailureLeavesItUnkeyed) {
  // The inner setup succeeds, the outer fails.
  FailFakeHashCalls(HashEntryPoint::kSetup, PSA_ERROR_HARDWARE_FAILURE,
                    /*count=*/1, /*after=*/1);
  const int aborts_before = FakeHashCalls(HashEntryPoint::kAbort);
  const uint8_t key[16] = {0};
  HmacKey hmac_key;
  EXPECT_EQ(hmac_key.Setup(PSA_ALG_SHA_256, key, sizeof(key)),
            PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(FakeHashCalls(HashEntryPoint::kAbort), aborts_before + 1);
  EXPECT_EQ(hmac_key.mac_length(), 0u);
  Hmac hmac;
  EXPECT_EQ(hmac_key.Start(&hmac), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(hmac_key.Setup(PSA_ALG_SHA_256, key, sizeof(key)), PSA_SUCCESS);
}

}  // namespace
}  // namespace psa::core
