// GHASH (NIST SP 800-38D) with PCLMULQDQ: carry-less products of
// byte-reflected blocks, eight products summed before one reduction
// (aggregated reduction, Gueron and Kounavis, "Intel Carry-Less
// Multiplication Instruction and its Usage for Computing the GCM Mode").
// Constant-time: no tables indexed by data.
//
// Values are byte-reflected blocks (the GCM block with its 16 bytes
// reversed) in __m128i registers or in aes_x86_ghash_key_t.

#ifndef DRIVERS_AES_X86_GHASH_CLMUL_H_
#define DRIVERS_AES_X86_GHASH_CLMUL_H_

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#include "drivers/aes_x86/aes_ni_internal.h"
#include "drivers/aes_x86/aes_x86_key.h"

namespace aes_x86 {

// Computes H^1..H^count (count 1..16) of the hash key h = E_K(0^128) (as
// the 16 bytes of the block) into powers[16 - count .. 15].
void GhashPowers(const uint8_t h[16], int count, aes_x86_ghash_key_t* key);

// Absorbs `blocks` whole blocks of `data` into the accumulator *x
// (byte-reflected), using powers[8..15] of `key`.
void GhashBlocks(const aes_x86_ghash_key_t& key, uint8_t x[16], const uint8_t* data, size_t blocks);

namespace internal {

// An unreduced 256-bit product sum: lo, hi and the middle (cross) terms.
struct ClmulSum {
  __m128i lo, mid, hi;
};

AES_X86_NI inline void ClmulZero(ClmulSum* s) {
  s->lo = s->mid = s->hi = _mm_setzero_si128();
}

// s += a * b, unreduced.
AES_X86_NI inline void ClmulAdd(ClmulSum* s, __m128i a, __m128i b) {
  s->lo = _mm_xor_si128(s->lo, _mm_clmulepi64_si128(a, b, 0x00));
  s->hi = _mm_xor_si128(s->hi, _mm_clmulepi64_si128(a, b, 0x11));
  s->mid = _mm_xor_si128(s->mid, _mm_xor_si128(_mm_clmulepi64_si128(a, b, 0x01), _mm_clmulepi64_si128(a, b, 0x10)));
}

// The reduced sum modulo x^128 + x^7 + x^2 + x + 1, in the reflected
// representation (the product of two reflected values is one bit short:
// the shift by one corrects it).
AES_X86_NI inline __m128i ClmulReduce(const ClmulSum& s) {
  __m128i lo = _mm_xor_si128(s.lo, _mm_slli_si128(s.mid, 8));
  __m128i hi = _mm_xor_si128(s.hi, _mm_srli_si128(s.mid, 8));
  // 256-bit shift left by one.
  __m128i t7 = _mm_srli_epi32(lo, 31);
  __m128i t8 = _mm_srli_epi32(hi, 31);
  lo = _mm_slli_epi32(lo, 1);
  hi = _mm_slli_epi32(hi, 1);
  const __m128i t9 = _mm_srli_si128(t7, 12);
  t8 = _mm_slli_si128(t8, 4);
  t7 = _mm_slli_si128(t7, 4);
  lo = _mm_or_si128(lo, t7);
  hi = _mm_or_si128(hi, t8);
  hi = _mm_or_si128(hi, t9);
  // Reduction.
  t7 = _mm_slli_epi32(lo, 31);
  t8 = _mm_slli_epi32(lo, 30);
  __m128i t10 = _mm_slli_epi32(lo, 25);
  t7 = _mm_xor_si128(t7, t8);
  t7 = _mm_xor_si128(t7, t10);
  t8 = _mm_srli_si128(t7, 4);
  t7 = _mm_slli_si128(t7, 12);
  lo = _mm_xor_si128(lo, t7);
  __m128i t2 = _mm_srli_epi32(lo, 1);
  const __m128i t4 = _mm_srli_epi32(lo, 2);
  const __m128i t5 = _mm_srli_epi32(lo, 7);
  t2 = _mm_xor_si128(t2, t4);
  t2 = _mm_xor_si128(t2, t5);
  t2 = _mm_xor_si128(t2, t8);
  lo = _mm_xor_si128(lo, t2);
  return _mm_xor_si128(hi, lo);
}

AES_X86_NI inline __m128i GfMul(__m128i a, __m128i b) {
  ClmulSum s;
  ClmulZero(&s);
  ClmulAdd(&s, a, b);
  return ClmulReduce(s);
}

AES_X86_NI inline __m128i Power(const aes_x86_ghash_key_t& key, int index) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(key.powers[index]));
}

// x = (x ^ b[0]) * H^n ^ b[1] * H^(n-1) ^ ... ^ b[n-1] * H, for n <= 8
// reflected blocks b (n a compile-time constant when unrolled).
AES_X86_NI inline __m128i GhashN(const aes_x86_ghash_key_t& key, __m128i x, const __m128i* b, int n) {
  ClmulSum s;
  ClmulZero(&s);
  ClmulAdd(&s, _mm_xor_si128(x, b[0]), Power(key, 16 - n));
  for (int i = 1; i < n; ++i) ClmulAdd(&s, b[i], Power(key, 16 - n + i));
  return ClmulReduce(s);
}

}  // namespace internal
}  // namespace aes_x86

#endif  // DRIVERS_AES_X86_GHASH_CLMUL_H_
