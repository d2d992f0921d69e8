// The aes_x86 block functions and modes against OpenSSL, for every key
// size, many lengths and fragmentations, on every path the CPU has.

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <random>
#include <string>
#include <vector>

#include "drivers/aes_x86/aes_ni.h"
#include "drivers/aes_x86/aes_x86_cpu.h"
#include "drivers/aes_x86/aes_x86_modes.h"
#include "drivers/aes_x86/vaes.h"
#include "gtest/gtest.h"

namespace aes_x86 {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes Random(std::mt19937* rng, size_t n) {
  Bytes b(n);
  for (auto& x : b) x = static_cast<uint8_t>((*rng)());
  return b;
}

const EVP_CIPHER* Cipher(const char* mode, size_t key_length) {
  const std::string name = "AES-" + std::to_string(8 * key_length) + "-" + mode;
  return EVP_get_cipherbyname(name.c_str());
}

Bytes OpensslCrypt(const char* mode, bool encrypt, const Bytes& key, const Bytes& iv, const Bytes& in) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  EXPECT_EQ(EVP_CipherInit_ex(ctx, Cipher(mode, key.size()), nullptr, key.data(), iv.empty() ? nullptr : iv.data(),
                              encrypt ? 1 : 0),
            1);
  EVP_CIPHER_CTX_set_padding(ctx, 0);
  Bytes out(in.size() + 16);
  int n = 0, m = 0;
  EXPECT_EQ(EVP_CipherUpdate(ctx, out.data(), &n, in.data(), static_cast<int>(in.size())), 1);
  EXPECT_EQ(EVP_CipherFinal_ex(ctx, out.data() + n, &m), 1);
  out.resize(static_cast<size_t>(n + m));
  EVP_CIPHER_CTX_free(ctx);
  return out;
}

class ModesTest : public ::testing::TestWithParam<aes_x86_path_t> {
 protected:
  void SetUp() override {
    if (aes_x86_detected_path() < GetParam()) GTEST_SKIP() << "the CPU lacks this path";
  }
  bool Vaes() const { return GetParam() == AES_X86_PATH_VAES; }
};

const size_t kKeyLengths[] = {16, 24, 32};
const size_t kBlockCounts[] = {0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 100};

TEST_P(ModesTest, EcbMatchesOpenssl) {
  std::mt19937 rng(1);
  for (size_t key_length : kKeyLengths) {
    for (size_t blocks : kBlockCounts) {
      const Bytes key = Random(&rng, key_length), in = Random(&rng, 16 * blocks);
      aes_x86_key_t enc, dec;
      ASSERT_TRUE(ExpandKey(key.data(), key.size(), &enc));
      InvertKey(enc, &dec);
      Bytes out(in.size());
      if (Vaes()) VaesEcbEncrypt(enc, in.data(), out.data(), blocks); else EcbEncrypt(enc, in.data(), out.data(), blocks);
      EXPECT_EQ(out, OpensslCrypt("ECB", true, key, {}, in)) << key_length << " " << blocks;
      Bytes back(in.size());
      if (Vaes()) VaesEcbDecrypt(dec, out.data(), back.data(), blocks); else EcbDecrypt(dec, out.data(), back.data(), blocks);
      EXPECT_EQ(back, in);
    }
  }
}

TEST_P(ModesTest, CbcMatchesOpensslInPlace) {
  std::mt19937 rng(2);
  for (size_t key_length : kKeyLengths) {
    for (size_t blocks : kBlockCounts) {
      const Bytes key = Random(&rng, key_length), iv = Random(&rng, 16), in = Random(&rng, 16 * blocks);
      aes_x86_key_t enc, dec;
      ASSERT_TRUE(ExpandKey(key.data(), key.size(), &enc));
      InvertKey(enc, &dec);
      Bytes buffer = in;
      Bytes chain = iv;
      CbcEncrypt(enc, chain.data(), buffer.data(), buffer.data(), blocks);
      const Bytes expected = OpensslCrypt("CBC", true, key, iv, in);
      EXPECT_EQ(buffer, expected);
      chain = iv;
      if (Vaes()) {
        VaesCbcDecrypt(dec, chain.data(), buffer.data(), buffer.data(), blocks);
      } else {
        CbcDecrypt(dec, chain.data(), buffer.data(), buffer.data(), blocks);
      }
      EXPECT_EQ(buffer, in) << key_length << " " << blocks;
      EXPECT_EQ(chain, blocks == 0 ? iv : Bytes(expected.end() - 16, expected.end()));
    }
  }
}

TEST_P(ModesTest, CtrMatchesOpensslAcrossCounterWraps) {
  std::mt19937 rng(3);
  for (size_t key_length : kKeyLengths) {
    for (size_t blocks : kBlockCounts) {
      for (int wrap = 0; wrap < 3; ++wrap) {
        const Bytes key = Random(&rng, key_length), in = Random(&rng, 16 * blocks);
        Bytes iv = Random(&rng, 16);
        // Low 64 bits about to wrap (carry into the high half), or all 128.
        if (wrap >= 1) for (int i = 8; i < 16; ++i) iv[i] = 0xff;
        if (wrap == 2) for (int i = 0; i < 8; ++i) iv[i] = 0xff;
        iv[15] = static_cast<uint8_t>(0xff - (rng() % 20));
        aes_x86_key_t enc;
        ASSERT_TRUE(ExpandKey(key.data(), key.size(), &enc));
        Bytes out(in.size());
        Bytes counter = iv;
        if (Vaes()) VaesCtr128Xor(enc, counter.data(), in.data(), out.data(), blocks);
        else Ctr128Xor(enc, counter.data(), in.data(), out.data(), blocks);
        EXPECT_EQ(out, OpensslCrypt("CTR", true, key, iv, in)) << key_length << " " << blocks << " " << wrap;
        Bytes next = iv;
        for (size_t i = 0; i < blocks; ++i) Increment128(next.data());
        EXPECT_EQ(counter, next);
      }
    }
  }
}

// Random fragments of `total` bytes.
std::vector<size_t> Fragments(std::mt19937* rng, size_t total) {
  std::vector<size_t> parts;
  while (total > 0) {
    size_t n = 1 + (*rng)() % (rng->operator()() % 2 ? 300 : 20);
    if (n > total) n = total;
    parts.push_back(n);
    total -= n;
  }
  return parts;
}

Bytes OpensslGcm(const Bytes& key, const Bytes& nonce, const Bytes& ad, const Bytes& in, Bytes* tag) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, Cipher("GCM", key.size()), nullptr, nullptr, nullptr), 1);
  EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr), 1);
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, nullptr, nullptr, key.data(), nonce.data()), 1);
  int n = 0;
  if (!ad.empty()) {
    EXPECT_EQ(EVP_EncryptUpdate(ctx, nullptr, &n, ad.data(), static_cast<int>(ad.size())), 1);
  }
  Bytes out(in.size() + 16);
  EXPECT_EQ(EVP_EncryptUpdate(ctx, out.data(), &n, in.data(), static_cast<int>(in.size())), 1);
  int m = 0;
  EXPECT_EQ(EVP_EncryptFinal_ex(ctx, out.data() + n, &m), 1);
  out.resize(in.size());
  tag->resize(16);
  EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag->data()), 1);
  EVP_CIPHER_CTX_free(ctx);
  return out;
}

TEST_P(ModesTest, GcmMatchesOpensslInFragments) {
  std::mt19937 rng(4);
  const size_t nonce_lengths[] = {1, 8, 12, 13, 16, 60};
  const size_t lengths[] = {0, 1, 15, 16, 17, 64, 127, 128, 129, 255, 256, 257, 1000, 4100};
  for (size_t key_length : kKeyLengths) {
    for (size_t nonce_length : nonce_lengths) {
      for (size_t length : lengths) {
        const Bytes key = Random(&rng, key_length), nonce = Random(&rng, nonce_length);
        const Bytes ad = Random(&rng, rng() % 70), in = Random(&rng, length);
        Bytes tag;
        const Bytes expected = OpensslGcm(key, nonce, ad, in, &tag);
        for (bool encrypt : {true, false}) {
          for (bool one_shot : {true, false}) {
            aes_x86_gcm_t gcm;
            const size_t blocks = one_shot ? (ad.size() + 15) / 16 + (length + 15) / 16 + 1 : 0;
            ASSERT_TRUE(GcmStart(&gcm, GetParam(), key.data(), key.size(), nonce.data(), nonce.size(), blocks));
            Bytes buffer = encrypt ? in : expected;
            size_t at = 0;
            if (one_shot) {
              GcmAad(&gcm, ad.data(), ad.size());
              GcmCrypt(&gcm, encrypt, buffer.data(), buffer.data(), buffer.size());
            } else {
              for (size_t part : Fragments(&rng, ad.size())) GcmAad(&gcm, ad.data() + at, part), at += part;
              at = 0;
              for (size_t part : Fragments(&rng, length)) {
                GcmCrypt(&gcm, encrypt, buffer.data() + at, buffer.data() + at, part);
                at += part;
              }
            }
            uint8_t got[16];
            GcmTag(&gcm, got);
            EXPECT_EQ(buffer, encrypt ? expected : in) << key_length << " " << nonce_length << " " << length;
            EXPECT_EQ(Bytes(got, got + 16), tag) << key_length << " " << nonce_length << " " << length;
          }
        }
      }
    }
  }
}

Bytes OpensslCcm(const Bytes& key, const Bytes& nonce, size_t tag_length, const Bytes& ad, const Bytes& in,
                 Bytes* tag) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, Cipher("CCM", key.size()), nullptr, nullptr, nullptr), 1);
  EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_CCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr), 1);
  EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_CCM_SET_TAG, static_cast<int>(tag_length), nullptr), 1);
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, nullptr, nullptr, key.data(), nonce.data()), 1);
  int n = 0;
  EXPECT_EQ(EVP_EncryptUpdate(ctx, nullptr, &n, nullptr, static_cast<int>(in.size())), 1);
  if (!ad.empty()) {
    EXPECT_EQ(EVP_EncryptUpdate(ctx, nullptr, &n, ad.data(), static_cast<int>(ad.size())), 1);
  }
  Bytes out(in.size() + 16);
  const uint8_t none = 0;  // a null input would set the length again
  EXPECT_EQ(EVP_EncryptUpdate(ctx, out.data(), &n, in.empty() ? &none : in.data(), static_cast<int>(in.size())), 1);
  int m = 0;
  EXPECT_EQ(EVP_EncryptFinal_ex(ctx, out.data() + n, &m), 1);
  out.resize(in.size());
  tag->resize(tag_length);
  EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_CCM_GET_TAG, static_cast<int>(tag_length), tag->data()), 1);
  EVP_CIPHER_CTX_free(ctx);
  return out;
}

TEST_P(ModesTest, CcmMatchesOpensslInFragments) {
  std::mt19937 rng(5);
  const size_t lengths[] = {0, 1, 15, 16, 17, 64, 129, 1000};
  for (size_t key_length : kKeyLengths) {
    for (size_t nonce_length = 7; nonce_length <= 13; ++nonce_length) {
      for (size_t length : lengths) {
        const size_t tag_length = 4 + 2 * (rng() % 7);
        const Bytes key = Random(&rng, key_length), nonce = Random(&rng, nonce_length);
        const Bytes ad = Random(&rng, rng() % 3 == 0 ? 0 : rng() % 300), in = Random(&rng, length);
        Bytes tag;
        const Bytes expected = OpensslCcm(key, nonce, tag_length, ad, in, &tag);
        for (bool encrypt : {true, false}) {
          aes_x86_ccm_t ccm;
          ASSERT_TRUE(CcmStart(&ccm, GetParam(), key.data(), key.size(), nonce.data(), nonce.size(), tag_length,
                               ad.size(), length));
          size_t at = 0;
          for (size_t part : Fragments(&rng, ad.size())) CcmAad(&ccm, ad.data() + at, part), at += part;
          Bytes buffer = encrypt ? in : expected;
          at = 0;
          for (size_t part : Fragments(&rng, length)) {
            CcmCrypt(&ccm, encrypt, buffer.data() + at, buffer.data() + at, part);
            at += part;
          }
          uint8_t got[16];
          CcmTag(&ccm, got);
          EXPECT_EQ(buffer, encrypt ? expected : in) << key_length << " " << nonce_length << " " << length;
          EXPECT_EQ(Bytes(got, got + tag_length), tag) << key_length << " " << nonce_length << " " << length;
        }
      }
    }
  }
}

Bytes OpensslCmac(const Bytes& key, const Bytes& in) {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
  std::string cipher = "AES-" + std::to_string(8 * key.size()) + "-CBC";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher.data(), 0),
                         OSSL_PARAM_construct_end()};
  EXPECT_EQ(EVP_MAC_init(ctx, key.data(), key.size(), params), 1);
  EXPECT_EQ(EVP_MAC_update(ctx, in.data(), in.size()), 1);
  Bytes out(16);
  size_t n = 0;
  EXPECT_EQ(EVP_MAC_final(ctx, out.data(), &n, out.size()), 1);
  EVP_MAC_CTX_free(ctx);
  EVP_MAC_free(mac);
  return out;
}

TEST_P(ModesTest, CmacMatchesOpensslInFragments) {
  std::mt19937 rng(6);
  const size_t lengths[] = {0, 1, 15, 16, 17, 31, 32, 33, 64, 1000};
  for (size_t key_length : kKeyLengths) {
    for (size_t length : lengths) {
      const Bytes key = Random(&rng, key_length), in = Random(&rng, length);
      aes_x86_cmac_t cmac;
      ASSERT_TRUE(CmacStart(&cmac, key.data(), key.size()));
      size_t at = 0;
      for (size_t part : Fragments(&rng, length)) CmacUpdate(&cmac, in.data() + at, part), at += part;
      uint8_t got[16];
      CmacFinish(&cmac, got);
      EXPECT_EQ(Bytes(got, got + 16), OpensslCmac(key, in)) << key_length << " " << length;
    }
  }
}

TEST(KeySchedule, RefusesOtherKeyLengths) {
  if (aes_x86_detected_path() == AES_X86_PATH_NONE) GTEST_SKIP() << "no AES-NI";
  uint8_t key[33] = {0};
  aes_x86_key_t schedule;
  for (size_t n : {0, 1, 15, 17, 23, 25, 31, 33}) EXPECT_FALSE(ExpandKey(key, n, &schedule)) << n;
}

INSTANTIATE_TEST_SUITE_P(Paths, ModesTest, ::testing::Values(AES_X86_PATH_AESNI, AES_X86_PATH_VAES),
                         [](const ::testing::TestParamInfo<aes_x86_path_t>& info) {
                           return std::string(info.param == AES_X86_PATH_VAES ? "Vaes" : "AesNi");
                         });

}  // namespace
}  // namespace aes_x86
