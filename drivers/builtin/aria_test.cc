// Unit tests of the ARIA block cipher: the RFC 5794 appendix A vectors
// (encryption and decryption, 128-, 192- and 256-bit keys), the KISA ECB
// vectors, vectors computed with OpenSSL 3.0 (EVP_aria_*_ecb: other keys
// and plaintexts, 1000 chained encryptions), round trips of
// pseudo-random blocks under pseudo-random keys, in-place operation, and
// the refused key sizes.

#include "drivers/builtin/aria.h"

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace drivers::builtin {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes Hex(const std::string& hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(
        static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

Bytes Encrypt(const Bytes& key, const Bytes& block) {
  AriaContext ctx;
  EXPECT_TRUE(AriaSetEncryptKey(&ctx, key.data(), 8 * key.size()));
  Bytes out(kAriaBlockSize);
  AriaCryptBlock(&ctx, block.data(), out.data());
  return out;
}

Bytes Decrypt(const Bytes& key, const Bytes& block) {
  AriaContext ctx;
  EXPECT_TRUE(AriaSetDecryptKey(&ctx, key.data(), 8 * key.size()));
  Bytes out(kAriaBlockSize);
  AriaCryptBlock(&ctx, block.data(), out.data());
  return out;
}

struct Vector {
  const char* name;
  const char* key;
  const char* plaintext;
  const char* ciphertext;
};

const Vector kVectors[] = {
    // RFC 5794 appendix A.1, A.2, A.3.
    {"Rfc5794A1", "000102030405060708090a0b0c0d0e0f",
     "00112233445566778899aabbccddeeff", "d718fbd6ab644c739da95f3be6451778"},
    {"Rfc5794A2", "000102030405060708090a0b0c0d0e0f1011121314151617",
     "00112233445566778899aabbccddeeff", "26449c1805dbe7aa25a468ce263a9e79"},
    {"Rfc5794A3",
     "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
     "00112233445566778899aabbccddeeff", "f92bd7c79fb72e2f2b8f80c1972d24fc"},
    // OpenSSL 3.0.
    {"OpenSsl128", "ffeeddccbbaa99887766554433221100",
     "809dbad7f4112e4b6885a2bfdcf91633", "ec151c424b574441468cf14dc0087a0c"},
    {"OpenSsl192", "ffeeddccbbaa99887766554433221100efdecdbcab9a8978",
     "809dbad7f4112e4b6885a2bfdcf91633", "4c8937c2e0fd4b09e31dd31968869987"},
    {"OpenSsl256",
     "ffeeddccbbaa99887766554433221100efdecdbcab9a897867564534231201f0",
     "809dbad7f4112e4b6885a2bfdcf91633", "71801b46de146eb640fb6af2d570e764"},
    {"OpenSslZero128", "00000000000000000000000000000000",
     "00000000000000000000000000000000", "4b40a63c7f0171ee3cdda4363fbfae75"},
    {"OpenSslZero192", "000000000000000000000000000000000000000000000000",
     "00000000000000000000000000000000", "d5526b5e6a1e3df23ad8ecaf20f281d0"},
    {"OpenSslZero256",
     "0000000000000000000000000000000000000000000000000000000000000000",
     "00000000000000000000000000000000", "c20857dd9106ddde286ec59fa98d77cc"},
};

TEST(Aria, EncryptsKnownAnswers) {
  for (const Vector& v : kVectors) {
    SCOPED_TRACE(v.name);
    EXPECT_EQ(Encrypt(Hex(v.key), Hex(v.plaintext)), Hex(v.ciphertext));
  }
}

TEST(Aria, DecryptsKnownAnswers) {
  for (const Vector& v : kVectors) {
    SCOPED_TRACE(v.name);
    EXPECT_EQ(Decrypt(Hex(v.key), Hex(v.ciphertext)), Hex(v.plaintext));
  }
}

// The KISA ARIA test vectors (ARIA-testvector-e.pdf, ECB, as OpenSSL's
// evpciph_aria.txt has them; checked with OpenSSL 3.0): ten blocks under
// the keys 00112233... .
constexpr char kKisaPlaintext[] =
    "11111111aaaaaaaa11111111bbbbbbbb11111111cccccccc11111111dddddddd"
    "22222222aaaaaaaa22222222bbbbbbbb22222222cccccccc22222222dddddddd"
    "33333333aaaaaaaa33333333bbbbbbbb33333333cccccccc33333333dddddddd"
    "44444444aaaaaaaa44444444bbbbbbbb44444444cccccccc44444444dddddddd"
    "55555555aaaaaaaa55555555bbbbbbbb55555555cccccccc55555555dddddddd";

TEST(Aria, EncryptsAndDecryptsTheKisaEcbVectors) {
  const struct {
    const char* key;
    const char* ciphertext;
  } cases[] = {
      {"00112233445566778899aabbccddeeff",
       "c6ecd08e22c30abdb215cf74e2075e6e29ccaac63448708d331b2f816c51b17d"
       "9e133d1528dbf0af5787c7f3a3f5c2bf6b6f345907a3055612ce072ff54de7d7"
       "88424da6e8ccfe8172b391be499354165665ba7864917000a6eeb2ecb4a698ed"
       "fc7887e7f556377614ab0a282293e6d884dbb84206cdb16ed1754e77a1f243fd"
       "086953f752cc1e46c7c794ae85537dcaec8dd721f55c93b6edfe2adea43873e8"},
      {"00112233445566778899aabbccddeeff0011223344556677",
       "8d1470625f59ebacb0e55b534b3e462b5f23d33bff78f46c3c15911f4a21809a"
       "accad80b4bda915aa9dae6bcebe06a6c83f77fd5391acfe61de2f646b5d447ed"
       "bfd5bb49b12fbb9145b227895a757b2af1f7188734863d7b8b6ede5a5b2f06a0"
       "a233c8523d2db778fb31b0e311f32700152f33861e9d040c83b5eb40cd88ea49"
       "975709dc629365a189f78a3ec40345fc6a5a307a8f9a4413091e007eca5645a0"},
      {"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
       "58a875e6044ad7fffa4f58420f7f442d8e191016f28e79aefc01e204773280d7"
       "018e5f7a938ec30711719953bae86542cd7ebc752474c1a5f6eaaace2a7e2946"
       "2ee7dfa5afdb84177ead95ccd4b4bb6e1ed17b9534cff0a5fc2941429cfee2ee"
       "49c7adbeb7e9d1b0d2a8531d942079596a27ed79f5b1dd13ecd604b07a48885a"
       "3afa0627a0e4e60a3c703af292f1baa77b702f16c54aa74bc727ea95c7468b00"},
  };
  const Bytes plaintext = Hex(kKisaPlaintext);
  for (const auto& c : cases) {
    const Bytes key = Hex(c.key);
    SCOPED_TRACE(key.size());
    const Bytes ciphertext = Hex(c.ciphertext);
    ASSERT_EQ(ciphertext.size(), plaintext.size());
    for (size_t offset = 0; offset < plaintext.size(); offset += 16) {
      const Bytes p(plaintext.begin() + offset,
                    plaintext.begin() + offset + 16);
      const Bytes e(ciphertext.begin() + offset,
                    ciphertext.begin() + offset + 16);
      EXPECT_EQ(Encrypt(key, p), e) << "block " << offset / 16;
      EXPECT_EQ(Decrypt(key, e), p) << "block " << offset / 16;
    }
  }
}

// 1000 encryptions chained from the RFC 5794 plaintext under its keys, and
// 1000 decryptions back (OpenSSL 3.0 for the values).
TEST(Aria, ChainedEncryptionsMatchAndDecryptBack) {
  const struct {
    size_t key_bytes;
    const char* after_1000;
  } cases[] = {
      {16, "c073c83907302e72542776d6942f4728"},
      {24, "2ddc527f7e3ba398d165c16cc4846cd4"},
      {32, "ee6294e94ab1188cd99360d17efb8a4c"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.key_bytes);
    Bytes key(c.key_bytes);
    for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<uint8_t>(i);
    AriaContext enc;
    AriaContext dec;
    ASSERT_TRUE(AriaSetEncryptKey(&enc, key.data(), 8 * key.size()));
    ASSERT_TRUE(AriaSetDecryptKey(&dec, key.data(), 8 * key.size()));
    const Bytes start = Hex("00112233445566778899aabbccddeeff");
    Bytes block = start;
    for (int i = 0; i < 1000; ++i) {
      AriaCryptBlock(&enc, block.data(), block.data());
    }
    EXPECT_EQ(block, Hex(c.after_1000));
    for (int i = 0; i < 1000; ++i) {
      AriaCryptBlock(&dec, block.data(), block.data());
    }
    EXPECT_EQ(block, start);
  }
}

TEST(Aria, RoundTripsRandomBlocksAndKeys) {
  std::mt19937 rng(5794);
  for (size_t key_bytes : {16, 24, 32}) {
    SCOPED_TRACE(key_bytes);
    for (int trial = 0; trial < 200; ++trial) {
      uint8_t key[32];
      uint8_t plaintext[16];
      for (uint8_t& b : key) b = static_cast<uint8_t>(rng());
      for (uint8_t& b : plaintext) b = static_cast<uint8_t>(rng());
      AriaContext enc;
      AriaContext dec;
      ASSERT_TRUE(AriaSetEncryptKey(&enc, key, 8 * key_bytes));
      ASSERT_TRUE(AriaSetDecryptKey(&dec, key, 8 * key_bytes));
      uint8_t ciphertext[16];
      uint8_t decrypted[16];
      AriaCryptBlock(&enc, plaintext, ciphertext);
      AriaCryptBlock(&dec, ciphertext, decrypted);
      EXPECT_NE(0, std::memcmp(ciphertext, plaintext, 16));
      EXPECT_EQ(0, std::memcmp(decrypted, plaintext, 16));
    }
  }
}

TEST(Aria, InPlaceEqualsOutOfPlace) {
  std::mt19937 rng(16);
  for (size_t key_bytes : {16, 24, 32}) {
    SCOPED_TRACE(key_bytes);
    uint8_t key[32];
    uint8_t block[16];
    for (uint8_t& b : key) b = static_cast<uint8_t>(rng());
    for (uint8_t& b : block) b = static_cast<uint8_t>(rng());
    AriaContext enc;
    AriaContext dec;
    ASSERT_TRUE(AriaSetEncryptKey(&enc, key, 8 * key_bytes));
    ASSERT_TRUE(AriaSetDecryptKey(&dec, key, 8 * key_bytes));
    uint8_t expected[16];
    AriaCryptBlock(&enc, block, expected);
    uint8_t buffer[16];
    std::memcpy(buffer, block, 16);
    AriaCryptBlock(&enc, buffer, buffer);
    EXPECT_EQ(0, std::memcmp(buffer, expected, 16));
    AriaCryptBlock(&dec, buffer, buffer);
    EXPECT_EQ(0, std::memcmp(buffer, block, 16));
  }
}

TEST(Aria, SetsTheRoundCountOfTheKeySize) {
  const uint8_t key[32] = {0};
  AriaContext ctx;
  for (const auto& [bits, rounds] :
       {std::pair<size_t, uint32_t>{128, 12}, {192, 14}, {256, 16}}) {
    ASSERT_TRUE(AriaSetEncryptKey(&ctx, key, bits));
    EXPECT_EQ(ctx.rounds, rounds);
    ASSERT_TRUE(AriaSetDecryptKey(&ctx, key, bits));
    EXPECT_EQ(ctx.rounds, rounds);
  }
}

TEST(Aria, RefusesOtherKeySizesAndLeavesTheContext) {
  const uint8_t key[64] = {0};
  for (size_t bits : {0, 8, 64, 120, 127, 129, 160, 255, 257, 384, 512}) {
    SCOPED_TRACE(bits);
    AriaContext ctx;
    std::memset(&ctx, 0xA5, sizeof(ctx));
    AriaContext before = ctx;
    EXPECT_FALSE(AriaSetEncryptKey(&ctx, key, bits));
    EXPECT_EQ(0, std::memcmp(&ctx, &before, sizeof(ctx)));
    EXPECT_FALSE(AriaSetDecryptKey(&ctx, key, bits));
    EXPECT_EQ(0, std::memcmp(&ctx, &before, sizeof(ctx)));
  }
}

TEST(Aria, ContextWithoutAKeyOutputsZeros) {
  AriaContext ctx;
  std::memset(&ctx, 0, sizeof(ctx));
  uint8_t block[16];
  std::memset(block, 0x5A, sizeof(block));
  AriaCryptBlock(&ctx, block, block);
  const uint8_t zeros[16] = {0};
  EXPECT_EQ(0, std::memcmp(block, zeros, 16));
}

}  // namespace
}  // namespace drivers::builtin
