// Unit tests of the builtin MAC driver, calling the entry points directly:
// known-answer vectors (RFC 4231 for HMAC-SHA-2, RFC 2202 for HMAC-MD5 and
// HMAC-SHA-1, RFC 2286 for HMAC-RIPEMD-160, NIST SP 800-38B / RFC 4493 for
// AES-CMAC, the SP 800-38B updated examples for CMAC-TDES) through the
// single-part and multi-part entry points, verification, truncation, buffer
// sizes, the operation life cycle, and key type and algorithm checks.

#include "drivers/builtin/builtin_mac.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace drivers::builtin {
namespace {

static_assert(sizeof(builtin_mac_operation_t) <= 512,
              "the MAC context must fit psa_mac_operation_t::ctx");
static_assert(alignof(builtin_mac_operation_t) <= 16,
              "the MAC context must not need more than 16-byte alignment");

constexpr size_t kMaxMac = PSA_MAC_MAX_SIZE;

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

const uint8_t* Bytes(const std::string& s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

bool IsAllZero(const void* data, size_t length) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  return std::all_of(bytes, bytes + length, [](uint8_t b) { return b == 0; });
}

bool IsAll(const uint8_t* data, size_t length, uint8_t value) {
  return std::all_of(data, data + length,
                     [value](uint8_t b) { return b == value; });
}

// A freshly created operation, as the core makes it: all-bits-zero.
builtin_mac_operation_t ZeroOperation() {
  builtin_mac_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  return operation;
}

psa_key_attributes_t Attributes(psa_key_type_t type, size_t key_bytes) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, 8 * key_bytes);
  return attributes;
}

// A key and the algorithm it is used with.
struct MacKey {
  psa_algorithm_t alg;
  psa_key_type_t type;
  std::string key;  // raw bytes

  psa_key_attributes_t attributes() const {
    return Attributes(type, key.size());
  }
};

// Single-part MAC, hex; "" and a test failure on error.
std::string Compute(const MacKey& k, const std::string& message) {
  const psa_key_attributes_t attributes = k.attributes();
  uint8_t mac[kMaxMac];
  size_t mac_length = 0;
  psa_status_t status =
      builtin_mac_compute(&attributes, Bytes(k.key), k.key.size(), k.alg,
                          Bytes(message), message.size(), mac, sizeof(mac),
                          &mac_length);
  EXPECT_EQ(status, PSA_SUCCESS);
  if (status != PSA_SUCCESS) return "";
  EXPECT_EQ(mac_length, PSA_MAC_LENGTH(k.type, 8 * k.key.size(), k.alg));
  return Hex(mac, mac_length);
}

psa_status_t Verify(const MacKey& k, const std::string& message,
                    const std::string& mac) {
  const psa_key_attributes_t attributes = k.attributes();
  return builtin_mac_verify(&attributes, Bytes(k.key), k.key.size(), k.alg,
                            Bytes(message), message.size(), Bytes(mac),
                            mac.size());
}

// Feeds message[start..) in the pieces that `cuts` (increasing offsets)
// delimit into an active operation.
void UpdateInPieces(builtin_mac_operation_t* operation,
                    const std::string& message,
                    const std::vector<size_t>& cuts) {
  size_t start = 0;
  for (size_t end : cuts) {
    EXPECT_EQ(builtin_mac_update(operation, Bytes(message) + start,
                                 end - start),
              PSA_SUCCESS);
    start = end;
  }
  EXPECT_EQ(builtin_mac_update(operation, Bytes(message) + start,
                               message.size() - start),
            PSA_SUCCESS);
}

// Multi-part MAC of `message` in pieces, hex; checks that sign_finish wiped
// the operation.
std::string SignInPieces(const MacKey& k, const std::string& message,
                         const std::vector<size_t>& cuts) {
  const psa_key_attributes_t attributes = k.attributes();
  builtin_mac_operation_t operation = ZeroOperation();
  EXPECT_EQ(builtin_mac_sign_setup(&operation, &attributes, Bytes(k.key),
                                   k.key.size(), k.alg),
            PSA_SUCCESS);
  UpdateInPieces(&operation, message, cuts);
  uint8_t mac[kMaxMac];
  size_t mac_length = 0;
  psa_status_t status =
      builtin_mac_sign_finish(&operation, mac, sizeof(mac), &mac_length);
  EXPECT_EQ(status, PSA_SUCCESS);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  if (status != PSA_SUCCESS) return "";
  return Hex(mac, mac_length);
}

// Multi-part verification of `mac` over `message` in pieces; checks that
// verify_finish wiped the operation.
psa_status_t VerifyInPieces(const MacKey& k, const std::string& message,
                            const std::vector<size_t>& cuts,
                            const std::string& mac) {
  const psa_key_attributes_t attributes = k.attributes();
  builtin_mac_operation_t operation = ZeroOperation();
  EXPECT_EQ(builtin_mac_verify_setup(&operation, &attributes, Bytes(k.key),
                                     k.key.size(), k.alg),
            PSA_SUCCESS);
  UpdateInPieces(&operation, message, cuts);
  psa_status_t status =
      builtin_mac_verify_finish(&operation, Bytes(mac), mac.size());
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  return status;
}

// ---- Known-answer vectors ---------------------------------------------------

struct MacVector {
  std::string name;
  MacKey key;
  std::string message;  // raw bytes
  std::string mac;      // hex
};

const std::string kHiThere = "Hi There";
const std::string kJefeKey = "Jefe";
const std::string kJefeData = "what do ya want for nothing?";
const std::string kLargerKeyData =
    "Test Using Larger Than Block-Size Key - Hash Key First";
const std::string kLargerKeyAndDataRfc4231 =
    "This is a test using a larger than block-size key and a larger than "
    "block-size data. The key needs to be hashed before being used by the "
    "HMAC algorithm.";

// NIST SP 800-38B appendix D / RFC 4493: every CMAC message is a prefix of
// this one.
const std::string kCmacMessage = FromHex(
    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");

std::vector<MacVector> Rfc4231Vectors() {
  struct Case {
    const char* name;
    std::string key;
    std::string data;
    bool truncated_to_128;
    const char* sha224;
    const char* sha256;
    const char* sha384;
    const char* sha512;
  };
  const Case cases[] = {
      {"Rfc4231Case1", std::string(20, '\x0b'), kHiThere, false,
       "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22",
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
       "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
       "faea9ea9076ede7f4af152e8b2fa9cb6",
       "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
       "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"},
      {"Rfc4231Case2", kJefeKey, kJefeData, false,
       "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44",
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
       "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
       "8e2240ca5e69e2c78b3239ecfab21649",
       "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
       "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
      {"Rfc4231Case3", std::string(20, '\xaa'), std::string(50, '\xdd'), false,
       "7fb3cb3588c6c1f6ffa9694d7d6ad2649365b0c1f65d69d1ec8333ea",
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
       "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b"
       "2a5ab39dc13814b94e3ab6e101a34f27",
       "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
       "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb"},
      {"Rfc4231Case4",
       FromHex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
       std::string(50, '\xcd'), false,
       "6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a",
       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
       "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e"
       "6801dd23c4a7d679ccf8a386c674cffb",
       "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
       "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd"},
      {"Rfc4231Case5Truncated128", std::string(20, '\x0c'),
       "Test With Truncation", true, "0e2aea68a90c8d37c988bcdb9fca6fa8",
       "a3b6167473100ee06e0c796c2955552b", "3abf34c3503b2a23a46efc619baef897",
       "415fad6271580a531d4179bc891d87a6"},
      {"Rfc4231Case6", std::string(131, '\xaa'), kLargerKeyData, false,
       "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e",
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
       "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6"
       "0c2ef6ab4030fe8296248df163f44952",
       "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
       "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"},
      {"Rfc4231Case7", std::string(131, '\xaa'), kLargerKeyAndDataRfc4231,
       false, "3a854166ac5d9f023f54d517d0b39dbd946770db9c2b95c9f6f565d1",
       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
       "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5"
       "a678cc31e799176d3860e6110c46523e",
       "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
       "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"},
  };
  std::vector<MacVector> vectors;
  for (const Case& c : cases) {
    const struct {
      const char* suffix;
      psa_algorithm_t hash;
      const char* mac;
    } hashes[] = {{"HmacSha224", PSA_ALG_SHA_224, c.sha224},
                  {"HmacSha256", PSA_ALG_SHA_256, c.sha256},
                  {"HmacSha384", PSA_ALG_SHA_384, c.sha384},
                  {"HmacSha512", PSA_ALG_SHA_512, c.sha512}};
    for (const auto& h : hashes) {
      psa_algorithm_t alg = PSA_ALG_HMAC(h.hash);
      if (c.truncated_to_128) alg = PSA_ALG_TRUNCATED_MAC(alg, 16);
      vectors.push_back({std::string(c.name) + h.suffix,
                         {alg, PSA_KEY_TYPE_HMAC, c.key}, c.data, h.mac});
    }
  }
  return vectors;
}

std::vector<MacVector> AllVectors() {
  std::vector<MacVector> vectors = Rfc4231Vectors();
  const psa_algorithm_t md5 = PSA_ALG_HMAC(PSA_ALG_MD5);
  const psa_algorithm_t sha1 = PSA_ALG_HMAC(PSA_ALG_SHA_1);
  const psa_algorithm_t ripemd160 = PSA_ALG_HMAC(PSA_ALG_RIPEMD160);
  const psa_algorithm_t sha256 = PSA_ALG_HMAC(PSA_ALG_SHA_256);
  const psa_algorithm_t sha384 = PSA_ALG_HMAC(PSA_ALG_SHA_384);
  const psa_key_type_t hmac = PSA_KEY_TYPE_HMAC;
  const std::vector<MacVector> others = {
      // RFC 2202, HMAC-MD5.
      {"Rfc2202Case1HmacMd5", {md5, hmac, std::string(16, '\x0b')}, kHiThere,
       "9294727a3638bb1c13f48ef8158bfc9d"},
      {"Rfc2202Case2HmacMd5", {md5, hmac, kJefeKey}, kJefeData,
       "750c783e6ab0b503eaa86e310a5db738"},
      {"Rfc2202Case3HmacMd5", {md5, hmac, std::string(16, '\xaa')},
       std::string(50, '\xdd'), "56be34521d144c88dbb8c733f0e8b3f6"},
      {"Rfc2202Case6HmacMd5", {md5, hmac, std::string(80, '\xaa')},
       kLargerKeyData, "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"},
      // RFC 2202, HMAC-SHA-1.
      {"Rfc2202Case1HmacSha1", {sha1, hmac, std::string(20, '\x0b')},
       kHiThere, "b617318655057264e28bc0b6fb378c8ef146be00"},
      {"Rfc2202Case2HmacSha1", {sha1, hmac, kJefeKey}, kJefeData,
       "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
      {"Rfc2202Case3HmacSha1", {sha1, hmac, std::string(20, '\xaa')},
       std::string(50, '\xdd'), "125d7342b9ac11cd91a39af48aa17b4f63f175d3"},
      {"Rfc2202Case6HmacSha1", {sha1, hmac, std::string(80, '\xaa')},
       kLargerKeyData, "aa4ae5e15272d00e95705637ce8a3b55ed402112"},
      // RFC 2286, HMAC-RIPEMD-160.
      {"Rfc2286Case1HmacRipemd160",
       {ripemd160, hmac, std::string(20, '\x0b')}, kHiThere,
       "24cb4bd67d20fc1a5d2ed7732dcc39377f0a5668"},
      {"Rfc2286Case2HmacRipemd160", {ripemd160, hmac, kJefeKey}, kJefeData,
       "dda6c0213a485a9e24f4742064a7f033b43c4069"},
      // Key lengths around the hash block (64 bytes for SHA-256, 128 for
      // SHA-384) and the empty key; values from Python's hmac module.
      {"EmptyKeyHmacSha256", {sha256, hmac, ""}, "abc",
       "fd7adb152c05ef80dccf50a1fa4c05d5a3ec6da95575fc312ae7c5d091836351"},
      {"BlockSizeKeyHmacSha256", {sha256, hmac, FromHex(
           "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
           "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f")},
       "abc",
       "6ab541b4869dca71c4ca11d8bb1b02533b789a557583161429292c7404bc21f6"},
      {"BlockSizePlusOneKeyHmacSha256", {sha256, hmac, FromHex(
           "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
           "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
           "40")},
       "abc",
       "dfbffee4671bad00ed5d1e1999d55ed3b0cc774ac357f9ebf649c1612414fcec"},
  };
  vectors.insert(vectors.end(), others.begin(), others.end());

  // Key lengths 128 and 129 bytes for SHA-384.
  std::string key128;
  for (int i = 0; i < 129; ++i) key128 += static_cast<char>(i);
  vectors.push_back({"BlockSizeKeyHmacSha384",
                     {sha384, hmac, key128.substr(0, 128)}, "abc",
                     "627b513f45ba31b9d7e018298deef523ba93e0268c77c633b5ccc049"
                     "ce41ec940c33e508f0742db23b94d07ec7ce86f0"});
  vectors.push_back({"BlockSizePlusOneKeyHmacSha384", {sha384, hmac, key128},
                     "abc",
                     "92f237cab532514fbd486fa04dfb6fe5288c16800bb95ac1252216ff"
                     "be945a92da2af30e5ecdda5eafbd9ab2cd4620eb"});

  // NIST SP 800-38B appendix D.1-D.3 / RFC 4493: AES-CMAC, message lengths
  // 0, 16, 40 and 64 bytes.
  struct CmacCase {
    const char* name;
    psa_key_type_t type;
    const char* key;
    std::vector<size_t> lengths;
    std::vector<const char*> macs;
  };
  const CmacCase cmac_cases[] = {
      {"Aes128", PSA_KEY_TYPE_AES, "2b7e151628aed2a6abf7158809cf4f3c",
       {0, 16, 40, 64},
       {"bb1d6929e95937287fa37d129b756746", "070a16b46b4d4144f79bdd9dd04a287c",
        "dfa66747de9ae63030ca32611497c827",
        "51f0bebf7e3b9d92fc49741779363cfe"}},
      {"Aes192", PSA_KEY_TYPE_AES,
       "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", {0, 16, 40, 64},
       {"d17ddf46adaacde531cac483de7a9367", "9e99a7bf31e710900662f65e617c5184",
        "8a1de5be2eb31aad089a82e6ee908b0e",
        "a1d5df0eed790f794d77589659f39a11"}},
      {"Aes256", PSA_KEY_TYPE_AES,
       "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
       {0, 16, 40, 64},
       {"028962f61b7bf89efc6b551f4667d983", "28a7023f452e8f82bd4bf28d8c37c35c",
        "aaf3d8f1de5640c232f5b169b9c911e6",
        "e1992190549f6ed5696a2c056c315410"}},
      // SP 800-38B updated examples, three-key TDEA: message lengths 0, 8,
      // 20 and 32 bytes.
      {"Tdes3Key", PSA_KEY_TYPE_DES,
       "8aa83bf8cbda10620bc1bf19fbb6cd58bc313d4a371ca8b5", {0, 8, 20, 32},
       {"b7a688e122ffaf95", "8e8f293136283797", "743ddbe0ce2dc2ed",
        "33e6b1092400eae5"}},
      // The same, two-key TDEA (Key3 = Key1): a 16-byte DES key.
      {"Tdes2Key", PSA_KEY_TYPE_DES, "4cf15134a2850dd58a3d10ba80570d38",
       {0, 8, 20, 32},
       {"bd2ebf9a3ba00361", "4ff2ab813c53ce83", "62dd1b471902bd4e",
        "31b1e431dabc4eb8"}},
  };
  for (const CmacCase& c : cmac_cases) {
    for (size_t i = 0; i < c.lengths.size(); ++i) {
      vectors.push_back(
          {std::string("Sp800_38b") + c.name + "Cmac" +
               std::to_string(c.lengths[i]) + "Bytes",
           {PSA_ALG_CMAC, c.type, FromHex(c.key)},
           kCmacMessage.substr(0, c.lengths[i]),
           c.macs[i]});
    }
  }
  return vectors;
}

class BuiltinMacVectorTest : public ::testing::TestWithParam<MacVector> {};

TEST_P(BuiltinMacVectorTest, ComputeMatchesKnownAnswer) {
  EXPECT_EQ(Compute(GetParam().key, GetParam().message), GetParam().mac);
}

TEST_P(BuiltinMacVectorTest, MultipartSignMatchesKnownAnswer) {
  const MacVector& v = GetParam();
  EXPECT_EQ(SignInPieces(v.key, v.message, {}), v.mac);
  EXPECT_EQ(SignInPieces(v.key, v.message, {v.message.size() / 2}), v.mac);
}

TEST_P(BuiltinMacVectorTest, VerifyAcceptsKnownAnswer) {
  const MacVector& v = GetParam();
  const std::string mac = FromHex(v.mac);
  EXPECT_EQ(Verify(v.key, v.message, mac), PSA_SUCCESS);
  EXPECT_EQ(VerifyInPieces(v.key, v.message, {v.message.size() / 3}, mac),
            PSA_SUCCESS);
}

TEST_P(BuiltinMacVectorTest, VerifyRejectsEveryFlippedBitOfFirstAndLastByte) {
  const MacVector& v = GetParam();
  const std::string mac = FromHex(v.mac);
  for (size_t byte : {size_t{0}, mac.size() - 1}) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = mac;
      bad[byte] = static_cast<char>(bad[byte] ^ (1 << bit));
      EXPECT_EQ(Verify(v.key, v.message, bad), PSA_ERROR_INVALID_SIGNATURE)
          << "byte " << byte << " bit " << bit;
      EXPECT_EQ(VerifyInPieces(v.key, v.message, {}, bad),
                PSA_ERROR_INVALID_SIGNATURE)
          << "byte " << byte << " bit " << bit;
    }
  }
}

TEST_P(BuiltinMacVectorTest, VerifyRejectsShorterAndLongerMac) {
  const MacVector& v = GetParam();
  const std::string mac = FromHex(v.mac);
  // A correct prefix, a correct MAC with an extra byte, and nothing at all.
  const std::string shorter = mac.substr(0, mac.size() - 1);
  const std::string longer = mac + '\0';
  EXPECT_EQ(Verify(v.key, v.message, shorter), PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(Verify(v.key, v.message, longer), PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(Verify(v.key, v.message, ""), PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(VerifyInPieces(v.key, v.message, {}, shorter),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(VerifyInPieces(v.key, v.message, {}, longer),
            PSA_ERROR_INVALID_SIGNATURE);
}

INSTANTIATE_TEST_SUITE_P(
    KnownAnswers, BuiltinMacVectorTest, ::testing::ValuesIn(AllVectors()),
    [](const ::testing::TestParamInfo<MacVector>& info) {
      return info.param.name;
    });

// ---- Multi-part ---------------------------------------------------------------

const MacKey kHmacSha256Key = {PSA_ALG_HMAC(PSA_ALG_SHA_256),
                               PSA_KEY_TYPE_HMAC, std::string(131, '\xaa')};
const MacKey kAes128CmacKey = {PSA_ALG_CMAC, PSA_KEY_TYPE_AES,
                               FromHex("2b7e151628aed2a6abf7158809cf4f3c")};
const MacKey kTdesCmacKey = {
    PSA_ALG_CMAC, PSA_KEY_TYPE_DES,
    FromHex("8aa83bf8cbda10620bc1bf19fbb6cd58bc313d4a371ca8b5")};

TEST(BuiltinMacMultipart, HmacAgreesWithSinglePartAtEverySplitPoint) {
  // RFC 4231 test case 7: 152 bytes, spanning three SHA-256 blocks.
  const std::string& message = kLargerKeyAndDataRfc4231;
  const std::string expected =
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2";
  ASSERT_EQ(Compute(kHmacSha256Key, message), expected);
  for (size_t cut = 0; cut <= message.size(); ++cut) {
    ASSERT_EQ(SignInPieces(kHmacSha256Key, message, {cut}), expected)
        << "cut at " << cut;
    ASSERT_EQ(VerifyInPieces(kHmacSha256Key, message, {cut},
                             FromHex(expected)),
              PSA_SUCCESS)
        << "cut at " << cut;
  }
}

TEST(BuiltinMacMultipart, CmacAgreesWithSinglePartAtEverySplitPoint) {
  // Two and three pieces of the 64-byte SP 800-38B message, empty pieces
  // included: CMAC must hold back the last complete block.
  const std::string expected = "51f0bebf7e3b9d92fc49741779363cfe";
  ASSERT_EQ(Compute(kAes128CmacKey, kCmacMessage), expected);
  const size_t size = kCmacMessage.size();
  for (size_t first = 0; first <= size; ++first) {
    ASSERT_EQ(SignInPieces(kAes128CmacKey, kCmacMessage, {first}), expected)
        << "cut at " << first;
    for (size_t second = first; second <= size; second += 3) {
      ASSERT_EQ(SignInPieces(kAes128CmacKey, kCmacMessage, {first, second}),
                expected)
          << "cuts at " << first << ", " << second;
    }
  }
}

TEST(BuiltinMacMultipart, TdesCmacAgreesWithSinglePartAtEverySplitPoint) {
  const std::string message = kCmacMessage.substr(0, 32);
  const std::string expected = "33e6b1092400eae5";
  for (size_t cut = 0; cut <= message.size(); ++cut) {
    ASSERT_EQ(SignInPieces(kTdesCmacKey, message, {cut}), expected)
        << "cut at " << cut;
  }
}

TEST(BuiltinMacMultipart, ByteByByteMatchesSinglePart) {
  for (const MacKey& key : {kHmacSha256Key, kAes128CmacKey}) {
    std::vector<size_t> cuts;
    for (size_t i = 1; i < kCmacMessage.size(); ++i) cuts.push_back(i);
    EXPECT_EQ(SignInPieces(key, kCmacMessage, cuts),
              Compute(key, kCmacMessage));
  }
}

TEST(BuiltinMacMultipart, EmptyAndNullUpdatesDoNotChangeTheMac) {
  for (const MacKey& key : {kHmacSha256Key, kAes128CmacKey}) {
    const psa_key_attributes_t attributes = key.attributes();
    builtin_mac_operation_t operation = ZeroOperation();
    ASSERT_EQ(builtin_mac_sign_setup(&operation, &attributes,
                                     Bytes(key.key), key.key.size(), key.alg),
              PSA_SUCCESS);
    EXPECT_EQ(builtin_mac_update(&operation, nullptr, 0), PSA_SUCCESS);
    EXPECT_EQ(builtin_mac_update(&operation, Bytes(kCmacMessage), 16),
              PSA_SUCCESS);
    EXPECT_EQ(builtin_mac_update(&operation, nullptr, 0), PSA_SUCCESS);
    uint8_t mac[kMaxMac];
    size_t mac_length = 0;
    ASSERT_EQ(builtin_mac_sign_finish(&operation, mac, sizeof(mac),
                                      &mac_length),
              PSA_SUCCESS);
    EXPECT_EQ(Hex(mac, mac_length), Compute(key, kCmacMessage.substr(0, 16)));
  }
}

TEST(BuiltinMacSinglePart, AcceptsNullEmptyInput) {
  for (const MacKey& key : {kHmacSha256Key, kAes128CmacKey}) {
    const psa_key_attributes_t attributes = key.attributes();
    uint8_t mac[kMaxMac];
    size_t mac_length = 0;
    ASSERT_EQ(builtin_mac_compute(&attributes, Bytes(key.key), key.key.size(),
                                  key.alg, nullptr, 0, mac, sizeof(mac),
                                  &mac_length),
              PSA_SUCCESS);
    EXPECT_EQ(Hex(mac, mac_length), Compute(key, ""));
    EXPECT_EQ(builtin_mac_verify(&attributes, Bytes(key.key), key.key.size(),
                                 key.alg, nullptr, 0, mac, mac_length),
              PSA_SUCCESS);
  }
  EXPECT_EQ(Compute(kAes128CmacKey, ""), "bb1d6929e95937287fa37d129b756746");
}

TEST(BuiltinMacSinglePart, EmptyKeyMayBeNull) {
  const MacKey key = {PSA_ALG_HMAC(PSA_ALG_SHA_256), PSA_KEY_TYPE_HMAC, ""};
  const psa_key_attributes_t attributes = key.attributes();
  uint8_t mac[kMaxMac];
  size_t mac_length = 0;
  ASSERT_EQ(builtin_mac_compute(&attributes, nullptr, 0, key.alg, Bytes("abc"),
                                3, mac, sizeof(mac), &mac_length),
            PSA_SUCCESS);
  EXPECT_EQ(Hex(mac, mac_length),
            "fd7adb152c05ef80dccf50a1fa4c05d5a3ec6da95575fc312ae7c5d091836351");
}

TEST(BuiltinMacSinglePart, ComputeInPlaceOverInputBuffer) {
  for (const MacKey& key : {kHmacSha256Key, kAes128CmacKey}) {
    const psa_key_attributes_t attributes = key.attributes();
    uint8_t buffer[64];
    std::memcpy(buffer, kCmacMessage.data(), sizeof(buffer));
    size_t mac_length = 0;
    ASSERT_EQ(builtin_mac_compute(&attributes, Bytes(key.key), key.key.size(),
                                  key.alg, buffer, sizeof(buffer), buffer,
                                  sizeof(buffer), &mac_length),
              PSA_SUCCESS);
    EXPECT_EQ(Hex(buffer, mac_length), Compute(key, kCmacMessage));
  }
}

// ---- Truncation -------------------------------------------------------------

TEST(BuiltinMacTruncation, TruncatedMacIsPrefixOfFullMac) {
  struct Case {
    MacKey key;
    size_t length;
  };
  const Case cases[] = {
      {kHmacSha256Key, 10}, {kHmacSha256Key, 31}, {kAes128CmacKey, 4},
      {kAes128CmacKey, 15}, {kTdesCmacKey, 6},
  };
  for (const Case& c : cases) {
    const std::string full = Compute(c.key, kCmacMessage);
    MacKey truncated = c.key;
    truncated.alg = PSA_ALG_TRUNCATED_MAC(c.key.alg, c.length);
    ASSERT_EQ(PSA_MAC_LENGTH(truncated.type, 8 * truncated.key.size(),
                             truncated.alg),
              c.length);
    const std::string mac = Compute(truncated, kCmacMessage);
    EXPECT_EQ(mac, full.substr(0, 2 * c.length)) << "length " << c.length;
    EXPECT_EQ(SignInPieces(truncated, kCmacMessage, {7}), mac);

    // Verification wants exactly the truncated length.
    EXPECT_EQ(Verify(truncated, kCmacMessage, FromHex(mac)), PSA_SUCCESS);
    EXPECT_EQ(VerifyInPieces(truncated, kCmacMessage, {33}, FromHex(mac)),
              PSA_SUCCESS);
    EXPECT_EQ(Verify(truncated, kCmacMessage, FromHex(full)),
              PSA_ERROR_INVALID_SIGNATURE);
    EXPECT_EQ(Verify(truncated, kCmacMessage,
                     FromHex(mac).substr(0, c.length - 1)),
              PSA_ERROR_INVALID_SIGNATURE);
  }
}

TEST(BuiltinMacTruncation, TruncatedToFullLengthIsTheFullMac) {
  MacKey key = kHmacSha256Key;
  key.alg = PSA_ALG_TRUNCATED_MAC(key.alg, 32);
  EXPECT_EQ(Compute(key, kCmacMessage), Compute(kHmacSha256Key, kCmacMessage));
}

TEST(BuiltinMacTruncation, LongerThanFullMacIsInvalidArgument) {
  struct Case {
    MacKey key;
    size_t length;
  };
  const Case cases[] = {
      {kHmacSha256Key, 33}, {kAes128CmacKey, 17}, {kTdesCmacKey, 9}};
  for (const Case& c : cases) {
    MacKey key = c.key;
    key.alg = PSA_ALG_TRUNCATED_MAC(key.alg, c.length);
    const psa_key_attributes_t attributes = key.attributes();
    uint8_t mac[kMaxMac];
    size_t mac_length = 12345;
    EXPECT_EQ(builtin_mac_compute(&attributes, Bytes(key.key), key.key.size(),
                                  key.alg, Bytes(kCmacMessage), 16, mac,
                                  sizeof(mac), &mac_length),
              PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(mac_length, 0u);
    builtin_mac_operation_t operation = ZeroOperation();
    EXPECT_EQ(builtin_mac_sign_setup(&operation, &attributes, Bytes(key.key),
                                     key.key.size(), key.alg),
              PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  }
}

// ---- Output buffer ------------------------------------------------------------

TEST(BuiltinMacBuffer, ComputeIntoBufferOneShortIsBufferTooSmall) {
  MacKey truncated = kHmacSha256Key;
  truncated.alg = PSA_ALG_TRUNCATED_MAC(truncated.alg, 20);
  for (const MacKey& key : {kHmacSha256Key, kAes128CmacKey, truncated}) {
    const psa_key_attributes_t attributes = key.attributes();
    const size_t length = PSA_MAC_LENGTH(key.type, 8 * key.key.size(), key.alg);
    uint8_t mac[kMaxMac];
    std::memset(mac, 0xa5, sizeof(mac));
    size_t mac_length = 12345;
    EXPECT_EQ(builtin_mac_compute(&attributes, Bytes(key.key), key.key.size(),
                                  key.alg, Bytes(kCmacMessage), 16, mac,
                                  length - 1, &mac_length),
              PSA_ERROR_BUFFER_TOO_SMALL);
    EXPECT_EQ(mac_length, 0u);
    EXPECT_TRUE(IsAll(mac, sizeof(mac), 0xa5));

    // Exactly the MAC length is enough.
    ASSERT_EQ(builtin_mac_compute(&attributes, Bytes(key.key), key.key.size(),
                                  key.alg, Bytes(kCmacMessage), 16, mac,
                                  length, &mac_length),
              PSA_SUCCESS);
    EXPECT_EQ(mac_length, length);
    EXPECT_TRUE(IsAll(mac + length, sizeof(mac) - length, 0xa5));
  }
}

TEST(BuiltinMacBuffer, SignFinishIntoBufferOneShortIsBufferTooSmallAndWipes) {
  MacKey truncated = kAes128CmacKey;
  truncated.alg = PSA_ALG_TRUNCATED_MAC(truncated.alg, 8);
  for (const MacKey& key : {kHmacSha256Key, kAes128CmacKey, truncated}) {
    const psa_key_attributes_t attributes = key.attributes();
    const size_t length = PSA_MAC_LENGTH(key.type, 8 * key.key.size(), key.alg);
    builtin_mac_operation_t operation = ZeroOperation();
    ASSERT_EQ(builtin_mac_sign_setup(&operation, &attributes, Bytes(key.key),
                                     key.key.size(), key.alg),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_mac_update(&operation, Bytes(kCmacMessage), 16),
              PSA_SUCCESS);
    uint8_t mac[kMaxMac];
    std::memset(mac, 0xa5, sizeof(mac));
    size_t mac_length = 12345;
    EXPECT_EQ(builtin_mac_sign_finish(&operation, mac, length - 1,
                                      &mac_length),
              PSA_ERROR_BUFFER_TOO_SMALL);
    EXPECT_EQ(mac_length, 0u);
    EXPECT_TRUE(IsAll(mac, sizeof(mac), 0xa5));
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
    EXPECT_EQ(builtin_mac_update(&operation, Bytes(kCmacMessage), 1),
              PSA_ERROR_BAD_STATE);
  }
}

// ---- Life cycle ---------------------------------------------------------------

TEST(BuiltinMacLifeCycle, UpdateAndFinishOfInactiveOperationAreBadState) {
  builtin_mac_operation_t operation = ZeroOperation();
  EXPECT_EQ(builtin_mac_update(&operation, Bytes(kCmacMessage), 16),
            PSA_ERROR_BAD_STATE);
  uint8_t mac[kMaxMac];
  size_t mac_length = 12345;
  EXPECT_EQ(builtin_mac_sign_finish(&operation, mac, sizeof(mac), &mac_length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(mac_length, 0u);
  EXPECT_EQ(builtin_mac_verify_finish(&operation, mac, 16),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
}

TEST(BuiltinMacLifeCycle, FinishedOperationIsInactive) {
  for (const MacKey& key : {kHmacSha256Key, kAes128CmacKey}) {
    const psa_key_attributes_t attributes = key.attributes();
    builtin_mac_operation_t operation = ZeroOperation();
    ASSERT_EQ(builtin_mac_sign_setup(&operation, &attributes, Bytes(key.key),
                                     key.key.size(), key.alg),
              PSA_SUCCESS);
    EXPECT_FALSE(IsAllZero(&operation, sizeof(operation)));
    uint8_t mac[kMaxMac];
    size_t mac_length = 0;
    ASSERT_EQ(builtin_mac_sign_finish(&operation, mac, sizeof(mac),
                                      &mac_length),
              PSA_SUCCESS);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
    EXPECT_EQ(builtin_mac_update(&operation, Bytes(kCmacMessage), 1),
              PSA_ERROR_BAD_STATE);
    EXPECT_EQ(builtin_mac_sign_finish(&operation, mac, sizeof(mac),
                                      &mac_length),
              PSA_ERROR_BAD_STATE);

    // A failed verification ends the operation too.
    ASSERT_EQ(builtin_mac_verify_setup(&operation, &attributes,
                                       Bytes(key.key), key.key.size(),
                                       key.alg),
              PSA_SUCCESS);
    std::memset(mac, 0, sizeof(mac));
    EXPECT_EQ(builtin_mac_verify_finish(&operation, mac, mac_length),
              PSA_ERROR_INVALID_SIGNATURE);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
    EXPECT_EQ(builtin_mac_verify_finish(&operation, mac, mac_length),
              PSA_ERROR_BAD_STATE);
  }
}

TEST(BuiltinMacLifeCycle, FinishOfTheOtherDirectionIsBadStateAndWipes) {
  for (const MacKey& key : {kHmacSha256Key, kAes128CmacKey}) {
    const psa_key_attributes_t attributes = key.attributes();
    uint8_t mac[kMaxMac];
    size_t mac_length = 12345;

    builtin_mac_operation_t operation = ZeroOperation();
    ASSERT_EQ(builtin_mac_sign_setup(&operation, &attributes, Bytes(key.key),
                                     key.key.size(), key.alg),
              PSA_SUCCESS);
    EXPECT_EQ(builtin_mac_verify_finish(&operation, mac, 16),
              PSA_ERROR_BAD_STATE);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));

    ASSERT_EQ(builtin_mac_verify_setup(&operation, &attributes,
                                       Bytes(key.key), key.key.size(),
                                       key.alg),
              PSA_SUCCESS);
    EXPECT_EQ(builtin_mac_sign_finish(&operation, mac, sizeof(mac),
                                      &mac_length),
              PSA_ERROR_BAD_STATE);
    EXPECT_EQ(mac_length, 0u);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  }
}

TEST(BuiltinMacLifeCycle, SetupOfActiveOperationIsBadStateAndKeepsIt) {
  for (const MacKey& key : {kHmacSha256Key, kAes128CmacKey}) {
    const psa_key_attributes_t attributes = key.attributes();
    builtin_mac_operation_t operation = ZeroOperation();
    ASSERT_EQ(builtin_mac_sign_setup(&operation, &attributes, Bytes(key.key),
                                     key.key.size(), key.alg),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_mac_update(&operation, Bytes(kCmacMessage), 10),
              PSA_SUCCESS);
    EXPECT_EQ(builtin_mac_sign_setup(&operation, &attributes, Bytes(key.key),
                                     key.key.size(), key.alg),
              PSA_ERROR_BAD_STATE);
    EXPECT_EQ(builtin_mac_verify_setup(&operation, &attributes,
                                       Bytes(key.key), key.key.size(),
                                       key.alg),
              PSA_ERROR_BAD_STATE);
    ASSERT_EQ(builtin_mac_update(&operation, Bytes(kCmacMessage) + 10, 54),
              PSA_SUCCESS);
    uint8_t mac[kMaxMac];
    size_t mac_length = 0;
    ASSERT_EQ(builtin_mac_sign_finish(&operation, mac, sizeof(mac),
                                      &mac_length),
              PSA_SUCCESS);
    EXPECT_EQ(Hex(mac, mac_length), Compute(key, kCmacMessage));
  }
}

TEST(BuiltinMacLifeCycle, AbortIsIdempotentAndWipes) {
  builtin_mac_operation_t operation = ZeroOperation();
  EXPECT_EQ(builtin_mac_abort(&operation), PSA_SUCCESS);  // inactive
  EXPECT_EQ(builtin_mac_abort(&operation), PSA_SUCCESS);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  for (const MacKey& key : {kHmacSha256Key, kAes128CmacKey, kTdesCmacKey}) {
    const psa_key_attributes_t attributes = key.attributes();
    ASSERT_EQ(builtin_mac_verify_setup(&operation, &attributes,
                                       Bytes(key.key), key.key.size(),
                                       key.alg),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_mac_update(&operation, Bytes(kCmacMessage), 20),
              PSA_SUCCESS);
    // Under ASan, a CMAC operation that aborts without releasing its heap
    // state fails the leak check.
    EXPECT_EQ(builtin_mac_abort(&operation), PSA_SUCCESS);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
    EXPECT_EQ(builtin_mac_abort(&operation), PSA_SUCCESS);
    EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));

    // An aborted operation can be set up again.
    ASSERT_EQ(builtin_mac_sign_setup(&operation, &attributes, Bytes(key.key),
                                     key.key.size(), key.alg),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_mac_update(&operation, Bytes(kCmacMessage), 20),
              PSA_SUCCESS);
    uint8_t mac[kMaxMac];
    size_t mac_length = 0;
    ASSERT_EQ(builtin_mac_sign_finish(&operation, mac, sizeof(mac),
                                      &mac_length),
              PSA_SUCCESS);
    EXPECT_EQ(Hex(mac, mac_length), Compute(key, kCmacMessage.substr(0, 20)));
  }
}

// ---- Key types and algorithms -------------------------------------------------

// Expects `status` from every entry point that takes the key, and that a
// refused setup leaves the operation inactive.
void ExpectRefused(const MacKey& key, psa_status_t status) {
  SCOPED_TRACE(::testing::Message()
               << "alg 0x" << std::hex << key.alg << " key type 0x"
               << key.type << std::dec << " key bytes " << key.key.size());
  const psa_key_attributes_t attributes = key.attributes();
  uint8_t mac[kMaxMac] = {0};
  size_t mac_length = 12345;
  EXPECT_EQ(builtin_mac_compute(&attributes, Bytes(key.key), key.key.size(),
                                key.alg, Bytes(kCmacMessage), 16, mac,
                                sizeof(mac), &mac_length),
            status);
  EXPECT_EQ(mac_length, 0u);
  EXPECT_EQ(builtin_mac_verify(&attributes, Bytes(key.key), key.key.size(),
                               key.alg, Bytes(kCmacMessage), 16, mac, 16),
            status);
  builtin_mac_operation_t operation = ZeroOperation();
  EXPECT_EQ(builtin_mac_sign_setup(&operation, &attributes, Bytes(key.key),
                                   key.key.size(), key.alg),
            status);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
  EXPECT_EQ(builtin_mac_verify_setup(&operation, &attributes, Bytes(key.key),
                                     key.key.size(), key.alg),
            status);
  EXPECT_TRUE(IsAllZero(&operation, sizeof(operation)));
}

const std::string kKey16 = FromHex("000102030405060708090a0b0c0d0e0f");
const std::string kKey24 =
    FromHex("000102030405060708090a0b0c0d0e0f1011121314151617");

TEST(BuiltinMacKeys, WrongKeyTypeForAlgorithmIsInvalidArgument) {
  ExpectRefused({PSA_ALG_HMAC(PSA_ALG_SHA_256), PSA_KEY_TYPE_AES, kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_HMAC(PSA_ALG_SHA_1), PSA_KEY_TYPE_RAW_DATA, kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_HMAC(PSA_ALG_SHA_256), PSA_KEY_TYPE_DERIVE, kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_HMAC, kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_RAW_DATA, kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_CHACHA20, kKey16 + kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 8), PSA_KEY_TYPE_HMAC,
                 kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
}

TEST(BuiltinMacKeys, InvalidKeySizeIsInvalidArgument) {
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_AES, kKey16.substr(0, 15)},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_AES, kKey16 + "1234"},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_DES, kKey24 + "1"},
                PSA_ERROR_INVALID_ARGUMENT);

  // Key bits that disagree with the key buffer.
  const psa_key_attributes_t attributes = Attributes(PSA_KEY_TYPE_AES, 32);
  uint8_t mac[kMaxMac];
  size_t mac_length = 0;
  EXPECT_EQ(builtin_mac_compute(&attributes, Bytes(kKey16), kKey16.size(),
                                PSA_ALG_CMAC, Bytes(kCmacMessage), 16, mac,
                                sizeof(mac), &mac_length),
            PSA_ERROR_INVALID_ARGUMENT);
}

TEST(BuiltinMacKeys, CmacOverCiphersMbedtlsLacksIsNotSupported) {
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_CAMELLIA, kKey16},
                PSA_ERROR_NOT_SUPPORTED);
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_CAMELLIA, kKey24},
                PSA_ERROR_NOT_SUPPORTED);
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_ARIA, kKey16},
                PSA_ERROR_NOT_SUPPORTED);
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_SM4, kKey16},
                PSA_ERROR_NOT_SUPPORTED);
  // Single DES.
  ExpectRefused({PSA_ALG_CMAC, PSA_KEY_TYPE_DES, kKey16.substr(0, 8)},
                PSA_ERROR_NOT_SUPPORTED);
}

TEST(BuiltinMacKeys, TwoKeyTdesIsThreeKeyTdesWithKey3EqualToKey1) {
  const std::string key2 = FromHex("4cf15134a2850dd58a3d10ba80570d38");
  const MacKey two_key = {PSA_ALG_CMAC, PSA_KEY_TYPE_DES, key2};
  const MacKey three_key = {PSA_ALG_CMAC, PSA_KEY_TYPE_DES,
                            key2 + key2.substr(0, 8)};
  EXPECT_EQ(Compute(two_key, kCmacMessage), Compute(three_key, kCmacMessage));
  EXPECT_EQ(SignInPieces(two_key, kCmacMessage, {5}),
            Compute(three_key, kCmacMessage));
}

TEST(BuiltinMacAlgorithms, UnsupportedMacAlgorithmsAreNotSupported) {
  const psa_algorithm_t hmac_hashes[] = {
      PSA_ALG_MD2,         PSA_ALG_MD4,      PSA_ALG_SHA_512_224,
      PSA_ALG_SHA_512_256, PSA_ALG_SHA3_256, PSA_ALG_SM3,
  };
  for (psa_algorithm_t hash : hmac_hashes) {
    ExpectRefused({PSA_ALG_HMAC(hash), PSA_KEY_TYPE_HMAC, kKey16},
                  PSA_ERROR_NOT_SUPPORTED);
  }
  ExpectRefused({PSA_ALG_CBC_MAC, PSA_KEY_TYPE_AES, kKey16},
                PSA_ERROR_NOT_SUPPORTED);
}

TEST(BuiltinMacAlgorithms, NonSpecificMacAlgorithmsAreInvalidArgument) {
  // Not MAC algorithms at all.
  ExpectRefused({PSA_ALG_SHA_256, PSA_KEY_TYPE_HMAC, kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_NONE, PSA_KEY_TYPE_HMAC, kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_CTR, PSA_KEY_TYPE_AES, kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
  // Minimum-length wildcard policies.
  ExpectRefused({PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(
                     PSA_ALG_HMAC(PSA_ALG_SHA_256), 16),
                 PSA_KEY_TYPE_HMAC, kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
  ExpectRefused({PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8),
                 PSA_KEY_TYPE_AES, kKey16},
                PSA_ERROR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace drivers::builtin
