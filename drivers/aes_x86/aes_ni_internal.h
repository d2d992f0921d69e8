// Inline AES-NI building blocks shared by the aes_x86 mode files: the
// target attribute, round-key loading and N blocks through all rounds in
// registers. Every function here carries AES_X86_NI, so it inlines only
// into functions compiled for the same instructions.

#ifndef DRIVERS_AES_X86_AES_NI_INTERNAL_H_
#define DRIVERS_AES_X86_AES_NI_INTERNAL_H_

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>
#include <wmmintrin.h>

#include "drivers/aes_x86/aes_x86_key.h"

// The instructions of the AES-NI path (no -m flags on the build).
#define AES_X86_NI __attribute__((target("aes,pclmul,sse4.1")))

namespace aes_x86::internal {

// Round keys in registers for one call: at most 15.
struct RoundKeys {
  __m128i k[15];
  int rounds;
};

AES_X86_NI inline void LoadRoundKeys(const aes_x86_key_t& key, RoundKeys* rk) {
  rk->rounds = static_cast<int>(key.rounds);
  // All 15 slots: a schedule's unused ones are zero (ExpandKey).
  for (int i = 0; i < 15; ++i) {
    rk->k[i] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(key.round_keys[i]));
  }
}

AES_X86_NI inline void WipeRoundKeys(RoundKeys* rk) {
  for (int i = 0; i < 15; ++i) rk->k[i] = _mm_setzero_si128();
  __asm__ __volatile__("" : : "r"(rk) : "memory");
}

AES_X86_NI inline __m128i Encrypt1(const RoundKeys& rk, __m128i b) {
  b = _mm_xor_si128(b, rk.k[0]);
  for (int r = 1; r < rk.rounds; ++r) b = _mm_aesenc_si128(b, rk.k[r]);
  return _mm_aesenclast_si128(b, rk.k[rk.rounds]);
}

AES_X86_NI inline __m128i Decrypt1(const RoundKeys& rk, __m128i b) {
  b = _mm_xor_si128(b, rk.k[0]);
  for (int r = 1; r < rk.rounds; ++r) b = _mm_aesdec_si128(b, rk.k[r]);
  return _mm_aesdeclast_si128(b, rk.k[rk.rounds]);
}

// N blocks in flight: each round is applied to all N before the next.
template <int N>
AES_X86_NI inline void EncryptN(const RoundKeys& rk, __m128i* b) {
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) b[i] = _mm_xor_si128(b[i], rk.k[0]);
  for (int r = 1; r < rk.rounds; ++r) {
    const __m128i k = rk.k[r];
#pragma GCC unroll 8
    for (int i = 0; i < N; ++i) b[i] = _mm_aesenc_si128(b[i], k);
  }
  const __m128i last = rk.k[rk.rounds];
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) b[i] = _mm_aesenclast_si128(b[i], last);
}

template <int N>
AES_X86_NI inline void DecryptN(const RoundKeys& rk, __m128i* b) {
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) b[i] = _mm_xor_si128(b[i], rk.k[0]);
  for (int r = 1; r < rk.rounds; ++r) {
    const __m128i k = rk.k[r];
#pragma GCC unroll 8
    for (int i = 0; i < N; ++i) b[i] = _mm_aesdec_si128(b[i], k);
  }
  const __m128i last = rk.k[rk.rounds];
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) b[i] = _mm_aesdeclast_si128(b[i], last);
}

AES_X86_NI inline __m128i ByteSwapMask() { return _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15); }

AES_X86_NI inline __m128i Load(const uint8_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
AES_X86_NI inline void Store(uint8_t* p, __m128i v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v); }

}  // namespace aes_x86::internal

#endif  // DRIVERS_AES_X86_AES_NI_INTERNAL_H_
