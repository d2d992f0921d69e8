// GCC 12's AVX-512 headers build some intrinsics (_mm512_broadcast_i32x4,
// _mm512_extracti64x4_epi64, ...) on _mm512_undefined_*() and then warn at
// -O2 that its value is uninitialized (GCC bug 105593): not this code's.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include "drivers/aes_x86/vaes.h"

#include <immintrin.h>

#include "drivers/aes_x86/aes_ni.h"
#include "drivers/aes_x86/aes_ni_internal.h"
#include "drivers/aes_x86/gcm_bulk.h"
#include "drivers/aes_x86/ghash_clmul.h"

// The instructions of the VAES path (the AES-NI ones too, for the
// 128-bit helpers it shares).
#define AES_X86_VAES __attribute__((target("vaes,vpclmulqdq,avx512f,avx512bw,avx512vl,aes,pclmul,sse4.1")))

namespace aes_x86 {
namespace {

struct WideKeys {
  __m512i k[15];
  int rounds;
};

AES_X86_VAES inline void LoadWide(const aes_x86_key_t& key, WideKeys* w) {
  w->rounds = static_cast<int>(key.rounds);
  for (int i = 0; i < 15; ++i) {
    w->k[i] = _mm512_broadcast_i32x4(_mm_loadu_si128(reinterpret_cast<const __m128i*>(key.round_keys[i])));
  }
}

AES_X86_VAES inline void WipeWide(WideKeys* w) {
  for (int i = 0; i < 15; ++i) w->k[i] = _mm512_setzero_si512();
  __asm__ __volatile__("" : : "r"(w) : "memory");
}

// Four registers (16 blocks) through every round.
AES_X86_VAES inline void Encrypt4x(const WideKeys& w, __m512i* b) {
  for (int i = 0; i < 4; ++i) b[i] = _mm512_xor_si512(b[i], w.k[0]);
  for (int r = 1; r < w.rounds; ++r) {
    for (int i = 0; i < 4; ++i) b[i] = _mm512_aesenc_epi128(b[i], w.k[r]);
  }
  for (int i = 0; i < 4; ++i) b[i] = _mm512_aesenclast_epi128(b[i], w.k[w.rounds]);
}

AES_X86_VAES inline void Decrypt4x(const WideKeys& w, __m512i* b) {
  for (int i = 0; i < 4; ++i) b[i] = _mm512_xor_si512(b[i], w.k[0]);
  for (int r = 1; r < w.rounds; ++r) {
    for (int i = 0; i < 4; ++i) b[i] = _mm512_aesdec_epi128(b[i], w.k[r]);
  }
  for (int i = 0; i < 4; ++i) b[i] = _mm512_aesdeclast_epi128(b[i], w.k[w.rounds]);
}

AES_X86_VAES inline __m512i Load512(const uint8_t* p) { return _mm512_loadu_si512(p); }
AES_X86_VAES inline void Store512(uint8_t* p, __m512i v) { _mm512_storeu_si512(p, v); }

AES_X86_VAES inline __m512i SwapMask512() { return _mm512_broadcast_i32x4(internal::ByteSwapMask()); }

// The XOR of the four 128-bit lanes.
AES_X86_VAES inline __m128i FoldLanes(__m512i v) {
  const __m256i h = _mm256_xor_si256(_mm512_castsi512_si256(v), _mm512_extracti64x4_epi64(v, 1));
  return _mm_xor_si128(_mm256_castsi256_si128(h), _mm256_extracti128_si256(h, 1));
}

// x = GHASH step over 16 byte-reflected blocks c[0..3] with H^16..H^1.
AES_X86_VAES inline __m128i Ghash16(const aes_x86_ghash_key_t& h, __m128i x, const __m512i* c) {
  __m512i lo = _mm512_setzero_si512(), mid = _mm512_setzero_si512(), hi = _mm512_setzero_si512();
  for (int i = 0; i < 4; ++i) {
    __m512i b = c[i];
    if (i == 0) b = _mm512_xor_si512(b, _mm512_zextsi128_si512(x));
    const __m512i p = _mm512_loadu_si512(h.powers[4 * i]);
    lo = _mm512_xor_si512(lo, _mm512_clmulepi64_epi128(b, p, 0x00));
    hi = _mm512_xor_si512(hi, _mm512_clmulepi64_epi128(b, p, 0x11));
    mid = _mm512_xor_si512(mid, _mm512_xor_si512(_mm512_clmulepi64_epi128(b, p, 0x01),
                                                 _mm512_clmulepi64_epi128(b, p, 0x10)));
  }
  internal::ClmulSum s;
  s.lo = FoldLanes(lo);
  s.mid = FoldLanes(mid);
  s.hi = FoldLanes(hi);
  return internal::ClmulReduce(s);
}

}  // namespace

AES_X86_VAES void VaesEcbEncrypt(const aes_x86_key_t& key, const uint8_t* in, uint8_t* out, size_t blocks) {
  WideKeys w;
  LoadWide(key, &w);
  for (; blocks >= 16; blocks -= 16, in += 256, out += 256) {
    __m512i b[4];
    for (int i = 0; i < 4; ++i) b[i] = Load512(in + 64 * i);
    Encrypt4x(w, b);
    for (int i = 0; i < 4; ++i) Store512(out + 64 * i, b[i]);
  }
  WipeWide(&w);
  if (blocks > 0) EcbEncrypt(key, in, out, blocks);
}

AES_X86_VAES void VaesEcbDecrypt(const aes_x86_key_t& decrypt_key, const uint8_t* in, uint8_t* out,
                                 size_t blocks) {
  WideKeys w;
  LoadWide(decrypt_key, &w);
  for (; blocks >= 16; blocks -= 16, in += 256, out += 256) {
    __m512i b[4];
    for (int i = 0; i < 4; ++i) b[i] = Load512(in + 64 * i);
    Decrypt4x(w, b);
    for (int i = 0; i < 4; ++i) Store512(out + 64 * i, b[i]);
  }
  WipeWide(&w);
  if (blocks > 0) EcbDecrypt(decrypt_key, in, out, blocks);
}

AES_X86_VAES void VaesCbcDecrypt(const aes_x86_key_t& decrypt_key, uint8_t iv[16], const uint8_t* in,
                                 uint8_t* out, size_t blocks) {
  WideKeys w;
  LoadWide(decrypt_key, &w);
  // The previous ciphertext block in lane 3.
  __m512i chain = _mm512_broadcast_i32x4(internal::Load(iv));
  for (; blocks >= 16; blocks -= 16, in += 256, out += 256) {
    __m512i c[4], b[4];
    for (int i = 0; i < 4; ++i) b[i] = c[i] = Load512(in + 64 * i);
    Decrypt4x(w, b);
    for (int i = 0; i < 4; ++i) {
      // Lanes: previous block's lane 3, then c[i]'s lanes 0..2.
      const __m512i prev = _mm512_alignr_epi64(c[i], i == 0 ? chain : c[i - 1], 6);
      Store512(out + 64 * i, _mm512_xor_si512(b[i], prev));
    }
    chain = c[3];
  }
  internal::Store(iv, _mm512_extracti32x4_epi32(chain, 3));
  WipeWide(&w);
  if (blocks > 0) CbcDecrypt(decrypt_key, iv, in, out, blocks);
}

AES_X86_VAES void VaesCtr128Xor(const aes_x86_key_t& key, uint8_t counter[16], const uint8_t* in, uint8_t* out,
                                size_t blocks) {
  WideKeys w;
  LoadWide(key, &w);
  const __m128i swap = internal::ByteSwapMask();
  const __m512i swap512 = SwapMask512();
  const __m512i lanes = _mm512_set_epi64(0, 3, 0, 2, 0, 1, 0, 0);
  const __m512i four = _mm512_set_epi64(0, 4, 0, 4, 0, 4, 0, 4);
  for (; blocks >= 16; blocks -= 16, in += 256, out += 256) {
    const __m128i base = _mm_shuffle_epi8(internal::Load(counter), swap);
    if (static_cast<uint64_t>(_mm_cvtsi128_si64(base)) > UINT64_MAX - 16) {
      Ctr128Xor(key, counter, in, out, 16);  // the low half wraps: carry per block
      continue;
    }
    __m512i c = _mm512_add_epi64(_mm512_broadcast_i32x4(base), lanes);
    __m512i b[4];
    for (int i = 0; i < 4; ++i) {
      b[i] = _mm512_shuffle_epi8(c, swap512);
      c = _mm512_add_epi64(c, four);
    }
    Encrypt4x(w, b);
    for (int i = 0; i < 4; ++i) Store512(out + 64 * i, _mm512_xor_si512(b[i], Load512(in + 64 * i)));
    internal::Store(counter, _mm_shuffle_epi8(_mm_add_epi64(base, _mm_set_epi64x(0, 16)), swap));
  }
  WipeWide(&w);
  if (blocks > 0) Ctr128Xor(key, counter, in, out, blocks);
}

AES_X86_VAES void VaesGcmBulk(const aes_x86_key_t& key, const aes_x86_ghash_key_t& h, bool encrypt,
                              uint8_t counter[16], uint8_t x_bytes[16], const uint8_t* in, uint8_t* out,
                              size_t blocks) {
  if (blocks >= 16) {
    WideKeys w;
    LoadWide(key, &w);
    const __m128i swap = internal::ByteSwapMask();
    const __m512i swap512 = SwapMask512();
    const __m512i lanes = _mm512_set_epi32(0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0);
    const __m512i four = _mm512_set_epi32(0, 0, 0, 4, 0, 0, 0, 4, 0, 0, 0, 4, 0, 0, 0, 4);
    const __m128i base = _mm_shuffle_epi8(internal::Load(counter), swap);
    __m512i c = _mm512_add_epi32(_mm512_broadcast_i32x4(base), lanes);
    __m128i x = internal::Load(x_bytes);
    size_t done = 0;
    for (; blocks >= 16; blocks -= 16, in += 256, out += 256, done += 16) {
      __m512i b[4], t[4];
      for (int i = 0; i < 4; ++i) {
        b[i] = _mm512_shuffle_epi8(c, swap512);
        c = _mm512_add_epi32(c, four);
      }
      if (!encrypt) {
        for (int i = 0; i < 4; ++i) t[i] = _mm512_shuffle_epi8(Load512(in + 64 * i), swap512);
        x = Ghash16(h, x, t);
      }
      Encrypt4x(w, b);
      for (int i = 0; i < 4; ++i) {
        const __m512i o = _mm512_xor_si512(b[i], Load512(in + 64 * i));
        Store512(out + 64 * i, o);
        t[i] = _mm512_shuffle_epi8(o, swap512);
      }
      if (encrypt) x = Ghash16(h, x, t);
    }
    // inc32 of the counter by the blocks done (modulo 2^32).
    const __m128i next = _mm_add_epi32(base, _mm_cvtsi32_si128(static_cast<int>(static_cast<uint32_t>(done))));
    internal::Store(counter, _mm_shuffle_epi8(next, swap));
    internal::Store(x_bytes, x);
    WipeWide(&w);
  }
  if (blocks > 0) GcmBulkNi(key, h, encrypt, counter, x_bytes, in, out, blocks);
}

}  // namespace aes_x86
