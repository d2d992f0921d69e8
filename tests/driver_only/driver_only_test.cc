// The operation suite of a driver selection, compiled once per selection
// (BUILD.bazel): hashing and AES-ECB are served by every selection (by ossl
// when it is selected, builtin's hash code being left out then), MACs and
// other ciphers only where builtin is; what no selected driver serves is
// PSA_ERROR_NOT_SUPPORTED.
// SELECTION_HAS_BUILTIN and SELECTION_HAS_OSSL say which drivers are in.

#include <stdint.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"

namespace {

using Bytes = std::vector<uint8_t>;

Bytes FromHex(const std::string& hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
  return out;
}

std::string LastDriver() {
  const char* name = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  return name != nullptr ? name : "";
}

const char* ExpectedHashDriver() { return SELECTION_HAS_OSSL ? "ossl_hash" : "builtin"; }

class DriverOnlyTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
};

struct HashVector {
  psa_algorithm_t alg;
  const char* digest_of_abc;
};

// FIPS 180-4 and RFC 1321 / the RIPEMD-160 authors' "abc" test vectors.
const HashVector kHashVectors[] = {
    {PSA_ALG_MD5, "900150983cd24fb0d6963f7d28e17f72"},
    {PSA_ALG_RIPEMD160, "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"},
    {PSA_ALG_SHA_1, "a9993e364706816aba3e25717850c26c9cd0d89d"},
    {PSA_ALG_SHA_224, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"},
    {PSA_ALG_SHA_256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {PSA_ALG_SHA_384,
     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"},
    {PSA_ALG_SHA_512,
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce8"
     "0e2a9ac94fa54ca49f"},
};

TEST_F(DriverOnlyTest, EveryHashOfBuiltinsListIsServed) {
  const Bytes abc = {'a', 'b', 'c'};
  for (const HashVector& v : kHashVectors) {
    SCOPED_TRACE(v.alg);
    uint8_t digest[PSA_HASH_MAX_SIZE];
    size_t length = 0;
    ASSERT_EQ(psa_hash_compute(v.alg, abc.data(), abc.size(), digest, sizeof(digest), &length), PSA_SUCCESS);
    EXPECT_EQ(Bytes(digest, digest + length), FromHex(v.digest_of_abc));
    EXPECT_EQ(LastDriver(), ExpectedHashDriver());

    // Multi-part, with a clone taken half-way.
    psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
    psa_hash_operation_t clone = PSA_HASH_OPERATION_INIT;
    ASSERT_EQ(psa_hash_setup(&operation, v.alg), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_update(&operation, abc.data(), 1), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_clone(&operation, &clone), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_update(&operation, abc.data() + 1, 2), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_finish(&operation, digest, sizeof(digest), &length), PSA_SUCCESS);
    EXPECT_EQ(Bytes(digest, digest + length), FromHex(v.digest_of_abc));
    ASSERT_EQ(psa_hash_update(&clone, abc.data() + 1, 2), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_verify(&clone, digest, length), PSA_SUCCESS);
  }
}

TEST_F(DriverOnlyTest, AShortHashBufferIsTooSmall) {
  const Bytes abc = {'a', 'b', 'c'};
  uint8_t digest[31];
  size_t length = 0;
  EXPECT_EQ(psa_hash_compute(PSA_ALG_SHA_256, abc.data(), abc.size(), digest, sizeof(digest), &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
}

TEST_F(DriverOnlyTest, AesEcbIsServedEverywhere) {
  // FIPS 197 C.1 (AES-128).
  const Bytes key = FromHex("000102030405060708090a0b0c0d0e0f");
  const Bytes plaintext = FromHex("00112233445566778899aabbccddeeff");
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_ENCRYPT);
  psa_set_key_algorithm(&attributes, PSA_ALG_ECB_NO_PADDING);
  psa_key_id_t id = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_import_key(&attributes, key.data(), key.size(), &id), PSA_SUCCESS);
  uint8_t output[16];
  size_t length = 0;
  ASSERT_EQ(psa_cipher_encrypt(id, PSA_ALG_ECB_NO_PADDING, plaintext.data(), plaintext.size(), output, sizeof(output),
                               &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(output, output + length), FromHex("69c4e0d86a7b0430d8cdb78070b4c55a"));
  EXPECT_EQ(LastDriver(), SELECTION_HAS_OSSL ? "ossl_hash" : "builtin");
  EXPECT_EQ(psa_destroy_key(id), PSA_SUCCESS);
}

TEST_F(DriverOnlyTest, HmacIsServedOnlyWhereBuiltinIs) {
  // RFC 4231 test case 2.
  const Bytes key = {'J', 'e', 'f', 'e'};
  const std::string text = "what do ya want for nothing?";
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_HMAC);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_SIGN_MESSAGE);
  psa_set_key_algorithm(&attributes, PSA_ALG_HMAC(PSA_ALG_SHA_256));
  psa_key_id_t id = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_import_key(&attributes, key.data(), key.size(), &id), PSA_SUCCESS);
  uint8_t mac[PSA_MAC_MAX_SIZE];
  size_t length = 0;
  const psa_status_t status = psa_mac_compute(id, PSA_ALG_HMAC(PSA_ALG_SHA_256),
                                              reinterpret_cast<const uint8_t*>(text.data()), text.size(), mac,
                                              sizeof(mac), &length);
  if (SELECTION_HAS_BUILTIN) {
    ASSERT_EQ(status, PSA_SUCCESS);
    EXPECT_EQ(Bytes(mac, mac + length), FromHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
  } else {
    EXPECT_EQ(status, PSA_ERROR_NOT_SUPPORTED);
  }
  EXPECT_EQ(psa_destroy_key(id), PSA_SUCCESS);
}

TEST_F(DriverOnlyTest, AesIsServedOnlyWhereBuiltinIs) {
  // NIST SP 800-38A F.5.1 (CTR-AES128.Encrypt), first block.
  const Bytes key = FromHex("2b7e151628aed2a6abf7158809cf4f3c");
  const Bytes iv = FromHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
  const Bytes plaintext = FromHex("6bc1bee22e409f96e93d7e117393172a");
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_ENCRYPT);
  psa_set_key_algorithm(&attributes, PSA_ALG_CTR);
  psa_key_id_t id = PSA_KEY_ID_NULL;
  ASSERT_EQ(psa_import_key(&attributes, key.data(), key.size(), &id), PSA_SUCCESS);
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  const psa_status_t status = psa_cipher_encrypt_setup(&operation, id, PSA_ALG_CTR);
  if (SELECTION_HAS_BUILTIN) {
    ASSERT_EQ(status, PSA_SUCCESS);
    ASSERT_EQ(psa_cipher_set_iv(&operation, iv.data(), iv.size()), PSA_SUCCESS);
    uint8_t output[16];
    size_t length = 0;
    ASSERT_EQ(psa_cipher_update(&operation, plaintext.data(), plaintext.size(), output, sizeof(output), &length),
              PSA_SUCCESS);
    EXPECT_EQ(Bytes(output, output + length), FromHex("874d6191b620e3261bef6864990db6ce"));
  } else {
    EXPECT_EQ(status, PSA_ERROR_NOT_SUPPORTED);
  }
  psa_cipher_abort(&operation);
  EXPECT_EQ(psa_destroy_key(id), PSA_SUCCESS);
}

}  // namespace
