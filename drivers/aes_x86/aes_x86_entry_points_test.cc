// The entry points of aes_x86.h directly: what they decline (so that the
// next driver serves), the statuses of bad arguments, in-place and
// fragmented multi-part operations against single-part ones, and tag
// rejection, on every path the CPU has and with the path forced to none.

#include "drivers/aes_x86/aes_x86.h"

#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace {

using Bytes = std::vector<uint8_t>;

static_assert(sizeof(aes_x86_cipher_operation_t) <= PSA_CIPHER_OPERATION_CONTEXT_SIZE, "cipher context");
static_assert(sizeof(aes_x86_aead_operation_t) <= PSA_AEAD_OPERATION_CONTEXT_SIZE, "AEAD context");
static_assert(sizeof(aes_x86_mac_operation_t) <= PSA_MAC_OPERATION_CONTEXT_SIZE, "MAC context");

psa_key_attributes_t Attributes(psa_key_type_t type, size_t bits) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  return attributes;
}

class EntryPointsTest : public ::testing::TestWithParam<aes_x86_path_t> {
 protected:
  void SetUp() override {
    if (aes_x86_detected_path() < GetParam()) GTEST_SKIP() << "the CPU lacks this path";
    aes_x86_force_path(GetParam());
  }
  void TearDown() override { aes_x86_force_path(-1); }
};

const uint8_t kKey[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                          17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

TEST(AesX86EntryPoints, DeclinesEverythingWithoutAesNi) {
  aes_x86_force_path(AES_X86_PATH_NONE);
  const psa_key_attributes_t aes = Attributes(PSA_KEY_TYPE_AES, 128);
  uint8_t out[64];
  size_t length = 1;
  const uint8_t iv[16] = {0};
  EXPECT_EQ(aes_x86_cipher_encrypt(&aes, kKey, 16, PSA_ALG_CTR, iv, 16, kKey, 16, out, sizeof(out), &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(aes_x86_aead_encrypt(&aes, kKey, 16, PSA_ALG_GCM, iv, 12, nullptr, 0, kKey, 16, out, sizeof(out),
                                 &length),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(aes_x86_mac_compute(&aes, kKey, 16, PSA_ALG_CMAC, kKey, 16, out, sizeof(out), &length),
            PSA_ERROR_NOT_SUPPORTED);
  aes_x86_aead_operation_t operation = {};
  EXPECT_EQ(aes_x86_aead_encrypt_setup(&operation, &aes, kKey, 16, PSA_ALG_CCM), PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(operation.alg, 0u);
  aes_x86_force_path(-1);
}

TEST_P(EntryPointsTest, DeclinesOtherKeyTypesAndAlgorithms) {
  const psa_key_attributes_t camellia = Attributes(PSA_KEY_TYPE_CAMELLIA, 128);
  const psa_key_attributes_t aes = Attributes(PSA_KEY_TYPE_AES, 128);
  aes_x86_cipher_operation_t cipher = {};
  EXPECT_EQ(aes_x86_cipher_encrypt_setup(&cipher, &camellia, kKey, 16, PSA_ALG_CTR), PSA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(aes_x86_cipher_encrypt_setup(&cipher, &aes, kKey, 16, PSA_ALG_OFB), PSA_ERROR_NOT_SUPPORTED);
  aes_x86_mac_operation_t mac = {};
  EXPECT_EQ(aes_x86_mac_sign_setup(&mac, &aes, kKey, 16, PSA_ALG_HMAC(PSA_ALG_SHA_256)), PSA_ERROR_NOT_SUPPORTED);
  aes_x86_aead_operation_t aead = {};
  EXPECT_EQ(aes_x86_aead_encrypt_setup(&aead, &aes, kKey, 16, PSA_ALG_CHACHA20_POLY1305), PSA_ERROR_NOT_SUPPORTED);
}

TEST_P(EntryPointsTest, RejectsBadKeysNoncesAndTags) {
  const psa_key_attributes_t aes = Attributes(PSA_KEY_TYPE_AES, 0);
  const psa_key_attributes_t aes256 = Attributes(PSA_KEY_TYPE_AES, 256);
  uint8_t out[64];
  size_t length = 0;
  const uint8_t nonce[16] = {0};
  EXPECT_EQ(aes_x86_mac_compute(&aes, kKey, 20, PSA_ALG_CMAC, kKey, 16, out, sizeof(out), &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(aes_x86_mac_compute(&aes256, kKey, 16, PSA_ALG_CMAC, kKey, 16, out, sizeof(out), &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(aes_x86_aead_encrypt(&aes, kKey, 16, PSA_ALG_GCM, nonce, 0, nullptr, 0, kKey, 16, out, sizeof(out),
                                 &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(aes_x86_aead_encrypt(&aes, kKey, 16, PSA_ALG_CCM, nonce, 6, nullptr, 0, kKey, 16, out, sizeof(out),
                                 &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(aes_x86_aead_encrypt(&aes, kKey, 16, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 10), nonce, 12,
                                 nullptr, 0, kKey, 16, out, sizeof(out), &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(aes_x86_aead_encrypt(&aes, kKey, 16, PSA_ALG_GCM, nonce, 12, nullptr, 0, kKey, 16, out, 31, &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(aes_x86_cipher_encrypt(&aes, kKey, 16, PSA_ALG_CBC_NO_PADDING, nonce, 16, kKey, 15, out, sizeof(out),
                                   &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(aes_x86_cipher_encrypt(&aes, kKey, 16, PSA_ALG_CBC_PKCS7, nonce, 16, kKey, 16, out, 31, &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
}

// Multi-part in fragments, in place, gives the single-part output.
TEST_P(EntryPointsTest, MultipartInPlaceMatchesSinglePart) {
  std::mt19937 rng(7);
  const psa_key_attributes_t aes = Attributes(PSA_KEY_TYPE_AES, 256);
  for (psa_algorithm_t alg : {PSA_ALG_ECB_NO_PADDING, PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7, PSA_ALG_CTR}) {
    for (size_t length : {0u, 16u, 32u, 160u, 512u, 1040u}) {
      Bytes plain(length);
      for (auto& b : plain) b = static_cast<uint8_t>(rng());
      const uint8_t iv[16] = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6};
      const size_t iv_length = alg == PSA_ALG_ECB_NO_PADDING ? 0 : 16;
      Bytes single(length + 16);
      size_t single_length = 0;
      ASSERT_EQ(aes_x86_cipher_encrypt(&aes, kKey, 32, alg, iv, iv_length, plain.data(), length, single.data(),
                                       single.size(), &single_length),
                PSA_SUCCESS);
      single.resize(single_length);
      Bytes buffer = plain;
      buffer.resize(length + 16);
      aes_x86_cipher_operation_t op = {};
      ASSERT_EQ(aes_x86_cipher_encrypt_setup(&op, &aes, kKey, 32, alg), PSA_SUCCESS);
      if (iv_length > 0) {
        ASSERT_EQ(aes_x86_cipher_set_iv(&op, iv, iv_length), PSA_SUCCESS);
      }
      size_t in_at = 0, out_at = 0;
      while (in_at < length) {
        const size_t n = std::min<size_t>(length - in_at, 1 + rng() % 40);
        // In place: the fragment is moved to where its output goes.
        memmove(buffer.data() + out_at, plain.data() + in_at, n);
        size_t written = 0;
        ASSERT_EQ(aes_x86_cipher_update(&op, buffer.data() + out_at, n, buffer.data() + out_at,
                                        buffer.size() - out_at, &written),
                  PSA_SUCCESS);
        in_at += n;
        out_at += written;
      }
      size_t written = 0;
      ASSERT_EQ(aes_x86_cipher_finish(&op, buffer.data() + out_at, buffer.size() - out_at, &written), PSA_SUCCESS);
      buffer.resize(out_at + written);
      EXPECT_EQ(buffer, single) << alg << " " << length;
      // And back.
      Bytes input(iv, iv + iv_length);
      input.insert(input.end(), single.begin(), single.end());
      Bytes back(input.size());
      size_t back_length = 0;
      ASSERT_EQ(aes_x86_cipher_decrypt(&aes, kKey, 32, alg, input.data(), input.size(), back.data(), back.size(),
                                       &back_length),
                PSA_SUCCESS);
      back.resize(back_length);
      EXPECT_EQ(back, plain) << alg << " " << length;
    }
  }
}

TEST_P(EntryPointsTest, AeadRejectsAForgedTagAndReleasesNothing) {
  const psa_key_attributes_t aes = Attributes(PSA_KEY_TYPE_AES, 128);
  const uint8_t nonce[12] = {1};
  for (psa_algorithm_t alg : {PSA_ALG_GCM, PSA_ALG_CCM, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 4)}) {
    Bytes plain(100, 0x5a), sealed(116);
    size_t length = 0;
    ASSERT_EQ(aes_x86_aead_encrypt(&aes, kKey, 16, alg, nonce, 12, kKey, 7, plain.data(), plain.size(),
                                   sealed.data(), sealed.size(), &length),
              PSA_SUCCESS);
    sealed.resize(length);
    Bytes opened(sealed.size(), 0);
    ASSERT_EQ(aes_x86_aead_decrypt(&aes, kKey, 16, alg, nonce, 12, kKey, 7, sealed.data(), sealed.size(),
                                   opened.data(), opened.size(), &length),
              PSA_SUCCESS);
    EXPECT_EQ(Bytes(opened.begin(), opened.begin() + static_cast<long>(length)), plain);
    sealed.back() ^= 1;
    std::fill(opened.begin(), opened.end(), 0);
    EXPECT_EQ(aes_x86_aead_decrypt(&aes, kKey, 16, alg, nonce, 12, kKey, 7, sealed.data(), sealed.size(),
                                   opened.data(), opened.size(), &length),
              PSA_ERROR_INVALID_SIGNATURE);
    EXPECT_EQ(opened, Bytes(opened.size(), 0));
  }
}

INSTANTIATE_TEST_SUITE_P(Paths, EntryPointsTest, ::testing::Values(AES_X86_PATH_AESNI, AES_X86_PATH_VAES),
                         [](const ::testing::TestParamInfo<aes_x86_path_t>& info) {
                           return std::string(info.param == AES_X86_PATH_VAES ? "Vaes" : "AesNi");
                         });

}  // namespace
