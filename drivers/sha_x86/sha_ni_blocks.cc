// SHA-NI compression functions. The rounds are written once, as a template
// over the group of four rounds, and expanded at compile time (the round
// constants and the SHA1RNDS4 function selector must be immediates); the
// message schedule lives in four registers that rotate with the group index,
// as in Intel's "Intel SHA Extensions" white paper (2013).
//
// Every function here carries the target attribute; helpers are
// always_inline so that they inline into a caller with the same target.

#include "drivers/sha_x86/sha_ni_blocks.h"

#include <immintrin.h>

#include <utility>

#define SHA_NI_TARGET __attribute__((target("sha,ssse3,sse4.1")))
#define SHA_NI_INLINE SHA_NI_TARGET __attribute__((always_inline)) inline

namespace drivers::sha_x86 {
namespace {

// FIPS 180-4, 4.2.2.
alignas(16) constexpr uint32_t kSha256K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// The state of one SHA-256 block: ABEF and CDGH as SHA256RNDS2 wants them,
// and the message words W[4i..4i+3] of the last four groups in w[i % 4].
struct Sha256Registers {
  __m128i abef;
  __m128i cdgh;
  __m128i w[4];
};

// Rounds 4*I .. 4*I+3 of one block, with the schedule work of group I.
template <int I>
SHA_NI_INLINE void Sha256Group(Sha256Registers& r, const uint8_t* block,
                               __m128i byte_swap) {
  __m128i& current = r.w[I % 4];
  if constexpr (I < 4) {
    current = _mm_shuffle_epi8(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * I)),
        byte_swap);
  }
  __m128i message = _mm_add_epi32(
      current, _mm_load_si128(reinterpret_cast<const __m128i*>(kSha256K + 4 * I)));
  r.cdgh = _mm_sha256rnds2_epu32(r.cdgh, r.abef, message);
  if constexpr (I >= 3 && I <= 14) {
    // W[4(I+1)..] = msg2(msg1 part + W[4I-3..4I], W[4I..4I+3]).
    __m128i& next = r.w[(I + 1) % 4];
    next = _mm_add_epi32(next, _mm_alignr_epi8(current, r.w[(I + 3) % 4], 4));
    next = _mm_sha256msg2_epu32(next, current);
  }
  message = _mm_shuffle_epi32(message, 0x0e);
  r.abef = _mm_sha256rnds2_epu32(r.abef, r.cdgh, message);
  if constexpr (I >= 1 && I <= 12) {
    __m128i& previous = r.w[(I + 3) % 4];
    previous = _mm_sha256msg1_epu32(previous, current);
  }
}

template <int... I>
SHA_NI_INLINE void Sha256AllGroups(Sha256Registers& r, const uint8_t* block,
                                   __m128i byte_swap,
                                   std::integer_sequence<int, I...>) {
  (Sha256Group<I>(r, block, byte_swap), ...);
}

// The state of one SHA-1 block: ABCD (A in the top lane), the E value the
// next group adds (e_next, top lane) and the schedule as for SHA-256.
struct Sha1Registers {
  __m128i abcd;
  __m128i e;       // E plus the group's message words, input of SHA1RNDS4
  __m128i e_next;  // ABCD before the group: the next group's E source
  __m128i w[4];
};

// Rounds 4*I .. 4*I+3 of one SHA-1 block, with the schedule work of group I.
template <int I>
SHA_NI_INLINE void Sha1Group(Sha1Registers& r, const uint8_t* block,
                             __m128i byte_swap) {
  __m128i& current = r.w[I % 4];
  if constexpr (I < 4) {
    current = _mm_shuffle_epi8(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * I)),
        byte_swap);
  }
  if constexpr (I == 0) {
    r.e = _mm_add_epi32(r.e, current);
  } else {
    r.e = _mm_sha1nexte_epu32(r.e_next, current);
  }
  r.e_next = r.abcd;
  if constexpr (I >= 3 && I <= 18) {
    __m128i& next = r.w[(I + 1) % 4];
    next = _mm_sha1msg2_epu32(next, current);
  }
  r.abcd = _mm_sha1rnds4_epu32(r.abcd, r.e, I / 5);
  if constexpr (I >= 1 && I <= 16) {
    __m128i& previous = r.w[(I + 3) % 4];
    previous = _mm_sha1msg1_epu32(previous, current);
  }
  if constexpr (I >= 2 && I <= 17) {
    __m128i& before_previous = r.w[(I + 2) % 4];
    before_previous = _mm_xor_si128(before_previous, current);
  }
}

template <int... I>
SHA_NI_INLINE void Sha1AllGroups(Sha1Registers& r, const uint8_t* block,
                                 __m128i byte_swap,
                                 std::integer_sequence<int, I...>) {
  (Sha1Group<I>(r, block, byte_swap), ...);
}

}  // namespace

SHA_NI_TARGET void Sha256BlocksShaNi(uint32_t state[8], const uint8_t* data,
                                     size_t blocks) {
  // Big-endian words within each 32-bit lane.
  const __m128i byte_swap =
      _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  // H0..H3 = ABCD, H4..H7 = EFGH  ->  ABEF, CDGH (A, C in the top lanes).
  __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state));
  __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xb1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1b);
  Sha256Registers r;
  r.abef = _mm_alignr_epi8(cdab, efgh, 8);
  r.cdgh = _mm_blend_epi16(efgh, cdab, 0xf0);

  for (; blocks != 0; --blocks, data += 64) {
    const __m128i abef_before = r.abef;
    const __m128i cdgh_before = r.cdgh;
    Sha256AllGroups(r, data, byte_swap, std::make_integer_sequence<int, 16>());
    r.abef = _mm_add_epi32(r.abef, abef_before);
    r.cdgh = _mm_add_epi32(r.cdgh, cdgh_before);
  }

  const __m128i feba = _mm_shuffle_epi32(r.abef, 0x1b);
  const __m128i dchg = _mm_shuffle_epi32(r.cdgh, 0xb1);
  dcba = _mm_blend_epi16(feba, dchg, 0xf0);
  hgfe = _mm_alignr_epi8(dchg, feba, 8);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state), dcba);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), hgfe);
}

SHA_NI_TARGET void Sha1BlocksShaNi(uint32_t state[5], const uint8_t* data,
                                   size_t blocks) {
  // Big-endian words, word 0 in the top lane.
  const __m128i byte_swap =
      _mm_set_epi64x(0x0001020304050607ULL, 0x08090a0b0c0d0e0fULL);
  Sha1Registers r;
  r.abcd = _mm_shuffle_epi32(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(state)), 0x1b);
  __m128i e = _mm_set_epi32(static_cast<int>(state[4]), 0, 0, 0);

  for (; blocks != 0; --blocks, data += 64) {
    const __m128i abcd_before = r.abcd;
    const __m128i e_before = e;
    r.e = e;
    Sha1AllGroups(r, data, byte_swap, std::make_integer_sequence<int, 20>());
    // E after 80 rounds is A before the last group, rotated, plus E before.
    e = _mm_sha1nexte_epu32(r.e_next, e_before);
    r.abcd = _mm_add_epi32(r.abcd, abcd_before);
  }

  _mm_storeu_si128(reinterpret_cast<__m128i*>(state),
                   _mm_shuffle_epi32(r.abcd, 0x1b));
  state[4] = static_cast<uint32_t>(_mm_extract_epi32(e, 3));
}

}  // namespace drivers::sha_x86
