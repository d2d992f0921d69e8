#include "drivers/aes_x86/aes_ni.h"

#include <string.h>

#include "drivers/aes_x86/aes_ni_internal.h"

namespace aes_x86 {
namespace {

using internal::ByteSwapMask;
using internal::DecryptN;
using internal::EncryptN;
using internal::Load;
using internal::RoundKeys;
using internal::Store;

AES_X86_NI inline __m128i Expand128(__m128i key, __m128i assist) {
  assist = _mm_shuffle_epi32(assist, 0xff);
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  return _mm_xor_si128(key, assist);
}

AES_X86_NI void Expand128Key(const uint8_t* key, __m128i* k) {
  k[0] = Load(key);
#define AES_X86_ROUND128(i, rcon) k[i] = Expand128(k[i - 1], _mm_aeskeygenassist_si128(k[i - 1], rcon))
  AES_X86_ROUND128(1, 0x01);
  AES_X86_ROUND128(2, 0x02);
  AES_X86_ROUND128(3, 0x04);
  AES_X86_ROUND128(4, 0x08);
  AES_X86_ROUND128(5, 0x10);
  AES_X86_ROUND128(6, 0x20);
  AES_X86_ROUND128(7, 0x40);
  AES_X86_ROUND128(8, 0x80);
  AES_X86_ROUND128(9, 0x1b);
  AES_X86_ROUND128(10, 0x36);
#undef AES_X86_ROUND128
}

// One step of the 192-bit schedule (Intel's AES-NI white paper, Figure 25):
// t1 holds words 0-3 of the last 6, t3 words 4-5 (low half).
AES_X86_NI inline void Assist192(__m128i* t1, __m128i* t2, __m128i* t3) {
  *t2 = _mm_shuffle_epi32(*t2, 0x55);
  __m128i t4 = _mm_slli_si128(*t1, 4);
  *t1 = _mm_xor_si128(*t1, t4);
  t4 = _mm_slli_si128(t4, 4);
  *t1 = _mm_xor_si128(*t1, t4);
  t4 = _mm_slli_si128(t4, 4);
  *t1 = _mm_xor_si128(*t1, t4);
  *t1 = _mm_xor_si128(*t1, *t2);
  *t2 = _mm_shuffle_epi32(*t1, 0xff);
  t4 = _mm_slli_si128(*t3, 4);
  *t3 = _mm_xor_si128(*t3, t4);
  *t3 = _mm_xor_si128(*t3, *t2);
}

AES_X86_NI inline __m128i Low64Pair(__m128i a, __m128i b) {
  return _mm_castpd_si128(_mm_shuffle_pd(_mm_castsi128_pd(a), _mm_castsi128_pd(b), 0));
}
AES_X86_NI inline __m128i HighLowPair(__m128i a, __m128i b) {
  return _mm_castpd_si128(_mm_shuffle_pd(_mm_castsi128_pd(a), _mm_castsi128_pd(b), 1));
}

AES_X86_NI void Expand192Key(const uint8_t* key, __m128i* k) {
  __m128i t1 = Load(key);
  __m128i t3 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(key + 16));
  __m128i t2;
  k[0] = t1;
  k[1] = t3;
#define AES_X86_STEP192(rcon)                 \
  t2 = _mm_aeskeygenassist_si128(t3, rcon); \
  Assist192(&t1, &t2, &t3)
  AES_X86_STEP192(0x01);
  k[1] = Low64Pair(k[1], t1);
  k[2] = HighLowPair(t1, t3);
  AES_X86_STEP192(0x02);
  k[3] = t1;
  k[4] = t3;
  AES_X86_STEP192(0x04);
  k[4] = Low64Pair(k[4], t1);
  k[5] = HighLowPair(t1, t3);
  AES_X86_STEP192(0x08);
  k[6] = t1;
  k[7] = t3;
  AES_X86_STEP192(0x10);
  k[7] = Low64Pair(k[7], t1);
  k[8] = HighLowPair(t1, t3);
  AES_X86_STEP192(0x20);
  k[9] = t1;
  k[10] = t3;
  AES_X86_STEP192(0x40);
  k[10] = Low64Pair(k[10], t1);
  k[11] = HighLowPair(t1, t3);
  AES_X86_STEP192(0x80);
  k[12] = t1;
#undef AES_X86_STEP192
}

AES_X86_NI inline __m128i Spread(__m128i t) {
  __m128i t4 = _mm_slli_si128(t, 4);
  t = _mm_xor_si128(t, t4);
  t4 = _mm_slli_si128(t4, 4);
  t = _mm_xor_si128(t, t4);
  t4 = _mm_slli_si128(t4, 4);
  return _mm_xor_si128(t, t4);
}

AES_X86_NI void Expand256Key(const uint8_t* key, __m128i* k) {
  __m128i t1 = Load(key);
  __m128i t3 = Load(key + 16);
  k[0] = t1;
  k[1] = t3;
#define AES_X86_STEP256(i, rcon)                                                                \
  t1 = _mm_xor_si128(Spread(t1), _mm_shuffle_epi32(_mm_aeskeygenassist_si128(t3, rcon), 0xff)); \
  k[i] = t1;                                                                                    \
  if ((i) + 1 < 15) {                                                                           \
    t3 = _mm_xor_si128(Spread(t3), _mm_shuffle_epi32(_mm_aeskeygenassist_si128(t1, 0), 0xaa));  \
    k[(i) + 1] = t3;                                                                            \
  }
  AES_X86_STEP256(2, 0x01);
  AES_X86_STEP256(4, 0x02);
  AES_X86_STEP256(6, 0x04);
  AES_X86_STEP256(8, 0x08);
  AES_X86_STEP256(10, 0x10);
  AES_X86_STEP256(12, 0x20);
  AES_X86_STEP256(14, 0x40);
#undef AES_X86_STEP256
}

AES_X86_NI void StoreSchedule(const __m128i* k, int rounds, aes_x86_key_t* schedule) {
  for (int i = 0; i < 15; ++i) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(schedule->round_keys[i]), i <= rounds ? k[i] : _mm_setzero_si128());
  }
  schedule->rounds = static_cast<uint32_t>(rounds);
}

AES_X86_NI void WipeRegisters(__m128i* k, int count) {
  for (int i = 0; i < count; ++i) k[i] = _mm_setzero_si128();
  __asm__ __volatile__("" : : "r"(k) : "memory");
}

}  // namespace

AES_X86_NI bool ExpandKey(const uint8_t* key, size_t key_length, aes_x86_key_t* schedule) {
  __m128i k[15];
  int rounds;
  switch (key_length) {
    case 16:
      Expand128Key(key, k);
      rounds = 10;
      break;
    case 24:
      Expand192Key(key, k);
      rounds = 12;
      break;
    case 32:
      Expand256Key(key, k);
      rounds = 14;
      break;
    default:
      return false;
  }
  StoreSchedule(k, rounds, schedule);
  WipeRegisters(k, 15);
  return true;
}

AES_X86_NI void InvertKey(const aes_x86_key_t& encrypt, aes_x86_key_t* decrypt) {
  const int rounds = static_cast<int>(encrypt.rounds);
  __m128i k[15];
  k[0] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(encrypt.round_keys[rounds]));
  for (int i = 1; i < rounds; ++i) {
    k[i] = _mm_aesimc_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(encrypt.round_keys[rounds - i])));
  }
  k[rounds] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(encrypt.round_keys[0]));
  StoreSchedule(k, rounds, decrypt);
  WipeRegisters(k, 15);
}

AES_X86_NI void EncryptBlock(const aes_x86_key_t& key, const uint8_t in[16], uint8_t out[16]) {
  RoundKeys rk;
  internal::LoadRoundKeys(key, &rk);
  Store(out, internal::Encrypt1(rk, Load(in)));
  internal::WipeRoundKeys(&rk);
}

AES_X86_NI void EcbEncrypt(const aes_x86_key_t& key, const uint8_t* in, uint8_t* out, size_t blocks) {
  RoundKeys rk;
  internal::LoadRoundKeys(key, &rk);
  for (; blocks >= 8; blocks -= 8, in += 128, out += 128) {
    __m128i b[8];
    for (int i = 0; i < 8; ++i) b[i] = Load(in + 16 * i);
    EncryptN<8>(rk, b);
    for (int i = 0; i < 8; ++i) Store(out + 16 * i, b[i]);
  }
  for (; blocks > 0; --blocks, in += 16, out += 16) Store(out, internal::Encrypt1(rk, Load(in)));
  internal::WipeRoundKeys(&rk);
}

AES_X86_NI void EcbDecrypt(const aes_x86_key_t& decrypt_key, const uint8_t* in, uint8_t* out, size_t blocks) {
  RoundKeys rk;
  internal::LoadRoundKeys(decrypt_key, &rk);
  for (; blocks >= 8; blocks -= 8, in += 128, out += 128) {
    __m128i b[8];
    for (int i = 0; i < 8; ++i) b[i] = Load(in + 16 * i);
    DecryptN<8>(rk, b);
    for (int i = 0; i < 8; ++i) Store(out + 16 * i, b[i]);
  }
  for (; blocks > 0; --blocks, in += 16, out += 16) Store(out, internal::Decrypt1(rk, Load(in)));
  internal::WipeRoundKeys(&rk);
}

AES_X86_NI void CbcEncrypt(const aes_x86_key_t& key, uint8_t iv[16], const uint8_t* in, uint8_t* out,
                           size_t blocks) {
  RoundKeys rk;
  internal::LoadRoundKeys(key, &rk);
  __m128i chain = Load(iv);
  for (; blocks > 0; --blocks, in += 16, out += 16) {
    chain = internal::Encrypt1(rk, _mm_xor_si128(chain, Load(in)));
    Store(out, chain);
  }
  Store(iv, chain);
  internal::WipeRoundKeys(&rk);
}

AES_X86_NI void CbcDecrypt(const aes_x86_key_t& decrypt_key, uint8_t iv[16], const uint8_t* in, uint8_t* out,
                           size_t blocks) {
  RoundKeys rk;
  internal::LoadRoundKeys(decrypt_key, &rk);
  __m128i chain = Load(iv);
  for (; blocks >= 8; blocks -= 8, in += 128, out += 128) {
    __m128i c[8], b[8];
    for (int i = 0; i < 8; ++i) b[i] = c[i] = Load(in + 16 * i);
    DecryptN<8>(rk, b);
    Store(out, _mm_xor_si128(b[0], chain));
    for (int i = 1; i < 8; ++i) Store(out + 16 * i, _mm_xor_si128(b[i], c[i - 1]));
    chain = c[7];
  }
  for (; blocks > 0; --blocks, in += 16, out += 16) {
    const __m128i c = Load(in);
    Store(out, _mm_xor_si128(internal::Decrypt1(rk, c), chain));
    chain = c;
  }
  Store(iv, chain);
  internal::WipeRoundKeys(&rk);
}

void Increment128(uint8_t counter[16]) {
  for (int i = 15; i >= 0; --i) {
    if (++counter[i] != 0) break;
  }
}

void Increment32(uint8_t counter[16]) {
  for (int i = 15; i >= 12; --i) {
    if (++counter[i] != 0) break;
  }
}

AES_X86_NI void Ctr32Xor(const aes_x86_key_t& key, uint8_t counter[16], const uint8_t* in, uint8_t* out,
                         size_t blocks) {
  RoundKeys rk;
  internal::LoadRoundKeys(key, &rk);
  const __m128i swap = ByteSwapMask();
  __m128i ctr = _mm_shuffle_epi8(Load(counter), swap);  // low 32 bits in lane 0
  const __m128i one = _mm_set_epi32(0, 0, 0, 1);
  for (; blocks >= 8; blocks -= 8, in += 128, out += 128) {
    __m128i b[8];
    for (int i = 0; i < 8; ++i) {
      b[i] = _mm_shuffle_epi8(ctr, swap);
      ctr = _mm_add_epi32(ctr, one);
    }
    EncryptN<8>(rk, b);
    for (int i = 0; i < 8; ++i) Store(out + 16 * i, _mm_xor_si128(b[i], Load(in + 16 * i)));
  }
  for (; blocks > 0; --blocks, in += 16, out += 16) {
    const __m128i k = internal::Encrypt1(rk, _mm_shuffle_epi8(ctr, swap));
    ctr = _mm_add_epi32(ctr, one);
    Store(out, _mm_xor_si128(k, Load(in)));
  }
  Store(counter, _mm_shuffle_epi8(ctr, swap));
  internal::WipeRoundKeys(&rk);
}

AES_X86_NI void Ctr128Xor(const aes_x86_key_t& key, uint8_t counter[16], const uint8_t* in, uint8_t* out,
                          size_t blocks) {
  RoundKeys rk;
  internal::LoadRoundKeys(key, &rk);
  const __m128i swap = ByteSwapMask();
  __m128i ctr = _mm_shuffle_epi8(Load(counter), swap);  // a 128-bit little-endian integer
  const __m128i one = _mm_set_epi64x(0, 1);
  while (blocks > 0) {
    const size_t n = blocks < 8 ? blocks : 8;
    const uint64_t low = static_cast<uint64_t>(_mm_cvtsi128_si64(ctr));
    __m128i b[8];
    if (low <= UINT64_MAX - 8) {
      for (size_t i = 0; i < 8; ++i) {
        b[i] = _mm_shuffle_epi8(ctr, swap);
        ctr = _mm_add_epi64(ctr, one);
      }
    } else {
      // The low half wraps within this group: carry into the high half.
      for (size_t i = 0; i < 8; ++i) {
        b[i] = _mm_shuffle_epi8(ctr, swap);
        ctr = _mm_add_epi64(ctr, one);
        if (_mm_cvtsi128_si64(ctr) == 0) ctr = _mm_add_epi64(ctr, _mm_set_epi64x(1, 0));
      }
    }
    EncryptN<8>(rk, b);
    for (size_t i = 0; i < n; ++i) Store(out + 16 * i, _mm_xor_si128(b[i], Load(in + 16 * i)));
    if (n < 8) {
      // Only n counters were used: step back to the first unused one.
      ctr = _mm_shuffle_epi8(Load(counter), swap);
      uint8_t next[16];
      Store(next, _mm_shuffle_epi8(ctr, swap));
      for (size_t i = 0; i < n; ++i) Increment128(next);
      memcpy(counter, next, 16);
      internal::WipeRoundKeys(&rk);
      return;
    }
    Store(counter, _mm_shuffle_epi8(ctr, swap));
    blocks -= n;
    in += 16 * n;
    out += 16 * n;
  }
  Store(counter, _mm_shuffle_epi8(ctr, swap));
  internal::WipeRoundKeys(&rk);
}

}  // namespace aes_x86
