// GHASH multiplication (see ghash.h). Carry-less products are computed with
// ordinary integer multiplications of operands masked so that their set bits
// are four positions apart: the sums that land on the kept positions then
// never carry into one another ("multiplication with holes"), and the
// parity of each sum is the carry-less product bit. Integer multiplication
// has data-independent timing on the CPUs this code runs on, so the whole
// computation does.
//
// Bit order: GCM writes the coefficient of x^0 first (most significant bit
// of byte 0). Loaded big-endian, an element is the bit reversal of its
// polynomial, so the carry-less product of two loaded elements is the bit
// reversal of the 255-bit polynomial product; shifted left by one, its high
// 128 bits are the low half of the polynomial product and its low 128 bits
// the high half, both in GCM order, where multiplying by x is a right shift.

#include "drivers/builtin/ghash.h"

namespace drivers::builtin {
namespace {

// Low 64 bits of the carry-less product of x and y. Each of the four masks
// keeps every fourth bit; a product of two masked operands sums at most 16
// terms per kept position, and a sum of 16 only occurs at bits 60..63, whose
// carries leave the word, so each kept bit is the parity of its terms.
inline uint64_t ClmulLow(uint64_t x, uint64_t y) {
  constexpr uint64_t m0 = 0x1111111111111111;
  constexpr uint64_t m1 = m0 << 1;
  constexpr uint64_t m2 = m0 << 2;
  constexpr uint64_t m3 = m0 << 3;
  const uint64_t x0 = x & m0, x1 = x & m1, x2 = x & m2, x3 = x & m3;
  const uint64_t y0 = y & m0, y1 = y & m1, y2 = y & m2, y3 = y & m3;
  const uint64_t z0 = (x0 * y0) ^ (x1 * y3) ^ (x2 * y2) ^ (x3 * y1);
  const uint64_t z1 = (x0 * y1) ^ (x1 * y0) ^ (x2 * y3) ^ (x3 * y2);
  const uint64_t z2 = (x0 * y2) ^ (x1 * y1) ^ (x2 * y0) ^ (x3 * y3);
  const uint64_t z3 = (x0 * y3) ^ (x1 * y2) ^ (x2 * y1) ^ (x3 * y0);
  return (z0 & m0) | (z1 & m1) | (z2 & m2) | (z3 & m3);
}

// Reverses the order of the 64 bits of x.
inline uint64_t Reverse64(uint64_t x) {
  x = ((x & 0x5555555555555555) << 1) | ((x >> 1) & 0x5555555555555555);
  x = ((x & 0x3333333333333333) << 2) | ((x >> 2) & 0x3333333333333333);
  x = ((x & 0x0F0F0F0F0F0F0F0F) << 4) | ((x >> 4) & 0x0F0F0F0F0F0F0F0F);
  x = ((x & 0x00FF00FF00FF00FF) << 8) | ((x >> 8) & 0x00FF00FF00FF00FF);
  x = ((x & 0x0000FFFF0000FFFF) << 16) | ((x >> 16) & 0x0000FFFF0000FFFF);
  return (x << 32) | (x >> 32);
}

// Key layout: H's words, then their bit reversals.
enum : size_t { kH0 = 0, kH1 = 1, kH0Reversed = 2, kH1Reversed = 3 };

// x = x * H. Karatsuba over 64-bit halves: three carry-less products give
// the low halves of a0*b0, a1*b1 and (a0^a1)*(b0^b1); the same three over
// the bit-reversed operands give their high halves (the high half of a
// 127-bit product is the reversal of the low half of the reversed product,
// shifted right by one).
inline void Multiply(uint64_t& x0, uint64_t& x1,
                     const uint64_t key[kGhashKeyWords]) {
  // x0 = bytes 0..7 (coefficients x^0..x^63), x1 = bytes 8..15.
  const uint64_t h0 = key[kH0], h1 = key[kH1];
  const uint64_t h0r = key[kH0Reversed], h1r = key[kH1Reversed];
  const uint64_t x0r = Reverse64(x0), x1r = Reverse64(x1);

  // In the loaded (reflected) order, x0 is the high word of a 128-bit
  // integer and x1 its low word. Products of the low words, high words and
  // the Karatsuba middle term:
  uint64_t lo_ll = ClmulLow(x1, h1);
  uint64_t lo_hh = ClmulLow(x0, h0);
  uint64_t lo_mm = ClmulLow(x0 ^ x1, h0 ^ h1);
  uint64_t hi_ll = ClmulLow(x1r, h1r);
  uint64_t hi_hh = ClmulLow(x0r, h0r);
  uint64_t hi_mm = ClmulLow(x0r ^ x1r, h0r ^ h1r);
  lo_mm ^= lo_ll ^ lo_hh;
  hi_mm ^= hi_ll ^ hi_hh;
  hi_ll = Reverse64(hi_ll) >> 1;
  hi_hh = Reverse64(hi_hh) >> 1;
  hi_mm = Reverse64(hi_mm) >> 1;

  // The 255-bit product p3:p2:p1:p0 (p3 most significant).
  uint64_t p0 = lo_ll;
  uint64_t p1 = hi_ll ^ lo_mm;
  uint64_t p2 = lo_hh ^ hi_mm;
  uint64_t p3 = hi_hh;

  // Shift left by one: p3:p2 is now the low half of the polynomial product
  // and p1:p0 its high half T, both in GCM order.
  p3 = (p3 << 1) | (p2 >> 63);
  p2 = (p2 << 1) | (p1 >> 63);
  p1 = (p1 << 1) | (p0 >> 63);
  p0 <<= 1;

  // Reduction: T * x^128 = T * (1 + x + x^2 + x^7) mod the GCM polynomial.
  // Multiplying by x^s shifts right by s; the s bits shifted out of the
  // low end are coefficients of x^128 and above, folded back first (d).
  const uint64_t d = p1 ^ (p0 << 63) ^ (p0 << 62) ^ (p0 << 57);
  const uint64_t r1 = p0 ^ (p0 >> 1) ^ (d << 63) ^ (p0 >> 2) ^ (d << 62) ^
                      (p0 >> 7) ^ (d << 57);
  const uint64_t r0 = d ^ (d >> 1) ^ (d >> 2) ^ (d >> 7);

  x0 = p3 ^ r0;
  x1 = p2 ^ r1;
}

}  // namespace

void GhashSetKey(uint64_t key[kGhashKeyWords], const uint8_t h[16]) {
  key[kH0] = LoadBigEndian64(h);
  key[kH1] = LoadBigEndian64(h + 8);
  key[kH0Reversed] = Reverse64(key[kH0]);
  key[kH1Reversed] = Reverse64(key[kH1]);
}

void GhashMultiply(uint64_t x[2], const uint64_t key[kGhashKeyWords]) {
  Multiply(x[0], x[1], key);
}

void GhashBlocks(uint64_t x[2], const uint64_t key[kGhashKeyWords],
                 const uint8_t* blocks, size_t block_count) {
  uint64_t x0 = x[0], x1 = x[1];
  for (size_t i = 0; i < block_count; ++i, blocks += 16) {
    x0 ^= LoadBigEndian64(blocks);
    x1 ^= LoadBigEndian64(blocks + 8);
    Multiply(x0, x1, key);
  }
  x[0] = x0;
  x[1] = x1;
}

}  // namespace drivers::builtin
