// ARIA (RFC 5794), see aria.h.
//
// The 16-byte state is kept as four big-endian 32-bit words: byte 4g + l of
// RFC 5794's x0..x15 is byte l (from the most significant) of word g. The
// S-boxes are computed at compile time from their algebraic definitions
// (the ARIA specification, KS X 1213, section 2.4.2) and checked against
// values printed in FIPS 197 and RFC 5794; so are the round tables, which
// fold part of the diffusion layer into them (see Spread and Mix).

#include "drivers/builtin/aria.h"

#include <array>
#include <cstring>

#include "mbedtls/platform_util.h"

namespace drivers::builtin {
namespace {

// ---- S-boxes ----------------------------------------------------------------

// Multiplication in GF(2^8) = GF(2)[x] / (x^8 + x^4 + x^3 + x + 1), the
// field of AES and ARIA.
constexpr uint8_t GfMultiply(uint8_t a, uint8_t b) {
  unsigned product = 0;
  unsigned shifted = a;
  for (int i = 0; i < 8; ++i) {
    if ((b >> i) & 1) product ^= shifted;
    shifted <<= 1;
    if (shifted & 0x100) shifted ^= 0x11B;
  }
  return static_cast<uint8_t>(product);
}

// x^exponent in GF(2^8); 0^e = 0 for e > 0.
constexpr uint8_t GfPower(uint8_t x, unsigned exponent) {
  uint8_t result = 1;
  while (exponent != 0) {
    if (exponent & 1) result = GfMultiply(result, x);
    x = GfMultiply(x, x);
    exponent >>= 1;
  }
  return result;
}

// M * x ^ c over GF(2)^8 for the 8x8 bit matrix `rows` written as the
// specifications print it: row i gives output bit i (bit 0 the least
// significant), and its digits, read from the left, are the coefficients of
// input bits 0 to 7. So bit 7 - j of rows[i] is the coefficient of bit j.
constexpr uint8_t Affine(const uint8_t (&rows)[8], uint8_t c, uint8_t x) {
  unsigned y = 0;
  for (int i = 0; i < 8; ++i) {
    unsigned bit = 0;
    for (int j = 0; j < 8; ++j) {
      bit ^= ((rows[i] >> (7 - j)) & 1) & ((x >> j) & 1);
    }
    y |= bit << i;
  }
  return static_cast<uint8_t>(y ^ c);
}

// SB1 = the AES S-box: the affine map of FIPS 197 (equation 5.2) applied to
// the multiplicative inverse x^254.
constexpr uint8_t kSb1Matrix[8] = {
    0b10001111, 0b11000111, 0b11100011, 0b11110001,
    0b11111000, 0b01111100, 0b00111110, 0b00011111,
};
constexpr uint8_t kSb1Constant = 0x63;

// SB2 = B * x^247 ^ b (ARIA specification 2.4.2; b = (0,1,0,0,0,1,1,1) from
// bit 0 up).
constexpr uint8_t kSb2Matrix[8] = {
    0b01011110, 0b00111101, 0b11010111, 0b10011101,
    0b00101100, 0b10000001, 0b01011101, 0b11010011,
};
constexpr uint8_t kSb2Constant = 0xE2;

struct SBoxes {
  // sb[0..3] = SB1, SB2, SB3 = SB1^-1, SB4 = SB2^-1.
  uint8_t sb[4][256];
};

constexpr SBoxes MakeSBoxes() {
  SBoxes s{};
  for (unsigned x = 0; x < 256; ++x) {
    const uint8_t v = static_cast<uint8_t>(x);
    s.sb[0][x] = Affine(kSb1Matrix, kSb1Constant, GfPower(v, 254));
    s.sb[1][x] = Affine(kSb2Matrix, kSb2Constant, GfPower(v, 247));
  }
  for (unsigned x = 0; x < 256; ++x) {
    s.sb[2][s.sb[0][x]] = static_cast<uint8_t>(x);
    s.sb[3][s.sb[1][x]] = static_cast<uint8_t>(x);
  }
  return s;
}

constexpr SBoxes kSBoxes = MakeSBoxes();
constexpr const uint8_t* kSb1 = kSBoxes.sb[0];
constexpr const uint8_t* kSb2 = kSBoxes.sb[1];
constexpr const uint8_t* kSb3 = kSBoxes.sb[2];
constexpr const uint8_t* kSb4 = kSBoxes.sb[3];

// True if SB1 and SB2 are permutations, so that SB3 and SB4 are their
// inverses.
constexpr bool SBoxesArePermutations() {
  for (unsigned x = 0; x < 256; ++x) {
    if (kSBoxes.sb[2][kSBoxes.sb[0][x]] != x) return false;
    if (kSBoxes.sb[3][kSBoxes.sb[1][x]] != x) return false;
  }
  return true;
}
static_assert(SBoxesArePermutations(), "SB1 or SB2 is not a permutation");
// FIPS 197 5.1.1 (S(53) = ed) and the first entries of RFC 5794's tables.
static_assert(kSBoxes.sb[0][0x00] == 0x63 && kSBoxes.sb[0][0x01] == 0x7C &&
                  kSBoxes.sb[0][0x53] == 0xED && kSBoxes.sb[0][0xFF] == 0x16,
              "SB1 differs from the AES S-box");
static_assert(kSBoxes.sb[1][0x00] == 0xE2 && kSBoxes.sb[1][0x01] == 0x4E &&
                  kSBoxes.sb[1][0x02] == 0x54 && kSBoxes.sb[1][0x03] == 0xFC,
              "SB2 differs from RFC 5794");
static_assert(kSBoxes.sb[2][0x00] == 0x52 && kSBoxes.sb[3][0x00] == 0x30,
              "SB3 or SB4 differs from RFC 5794");

// ---- Round functions --------------------------------------------------------

inline uint32_t Load32(const uint8_t* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 |
         uint32_t{p[3]};
}

inline void Store32(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v >> 24);
  p[1] = static_cast<uint8_t>(v >> 16);
  p[2] = static_cast<uint8_t>(v >> 8);
  p[3] = static_cast<uint8_t>(v);
}

// The byte permutations l -> l ^ k (k = 1, 2, 3) inside a word (b0 the
// most significant byte): (b0 b1 b2 b3) -> (b1 b0 b3 b2), (b2 b3 b0 b1)
// and (b3 b2 b1 b0).
inline uint32_t SwapPairs(uint32_t w) {
  return ((w >> 8) & 0x00FF00FFu) | ((w & 0x00FF00FFu) << 8);
}
inline uint32_t SwapHalves(uint32_t w) { return (w >> 16) | (w << 16); }
inline uint32_t Reverse(uint32_t w) { return SwapHalves(SwapPairs(w)); }

// The diffusion layer A of RFC 5794 2.4.3 (an involution), factored for
// 32-bit words. Cut into 4x4 blocks (input word h to output word g), A is
// a sum of the byte permutations I, SwapPairs, SwapHalves and Reverse in
// each block (rows y0..y3 of A, for example, are Reverse(X0) ^ X1 ^
// SwapHalves(X1) ^ X2 ^ SwapPairs(X2) ^ SwapPairs(X3) ^ SwapHalves(X3)).
// Those permutations commute, and A = Mix o Spread, where
//   Spread(w) = SwapPairs(w) ^ SwapHalves(w) ^ Reverse(w), on each word:
//     every byte becomes the XOR of the other three bytes of its word;
//   Mix = M o D o M on the words, with M: each word becomes the XOR of the
//     other three words, and D: Reverse, SwapPairs, SwapHalves and the
//     identity on words 0, 1, 2 and 3.
// (Multiplying out the 4x4 blocks gives back A; the RFC 5794 and KISA
// vectors check it.) The round tables fold Spread into the S-boxes, so a
// round is 16 table lookups and Mix.
inline uint32_t Spread(uint32_t w) {
  return SwapPairs(w) ^ SwapHalves(w) ^ Reverse(w);
}

inline void Mix(uint32_t& x0, uint32_t& x1, uint32_t& x2, uint32_t& x3) {
  uint32_t z = x0 ^ x1 ^ x2 ^ x3;
  const uint32_t u0 = Reverse(z ^ x0);
  const uint32_t u1 = SwapPairs(z ^ x1);
  const uint32_t u2 = SwapHalves(z ^ x2);
  const uint32_t u3 = z ^ x3;
  z = u0 ^ u1 ^ u2 ^ u3;
  x0 = z ^ u0;
  x1 = z ^ u1;
  x2 = z ^ u2;
  x3 = z ^ u3;
}

// x = A(x) for a 128-bit value held as four words (x[0] first).
inline void Diffuse(uint32_t x[4]) {
  for (int i = 0; i < 4; ++i) x[i] = Spread(x[i]);
  Mix(x[0], x[1], x[2], x[3]);
}

// Spread of a word whose only nonzero byte is byte l (from the most
// significant): that byte's value in the three other bytes.
constexpr uint32_t kSpreadOfByte[4] = {0x00010101u, 0x01000101u, 0x01010001u,
                                       0x01010100u};

// kRoundTables.t[type][l][v] = Spread(S(v) placed at byte l), where S is
// the S-box the substitution layer of `type` (0: SL1, 1: SL2) applies at
// byte l of a word: SB1 SB2 SB3 SB4 for SL1, SB3 SB4 SB1 SB2 for SL2. The
// XOR of the four lookups of a word is Spread(SL(word)).
struct RoundTables {
  uint32_t t[2][4][256];
};

constexpr RoundTables MakeRoundTables() {
  RoundTables tables{};
  const int sbox_of[2][4] = {{0, 1, 2, 3}, {2, 3, 0, 1}};
  for (int type = 0; type < 2; ++type) {
    for (int l = 0; l < 4; ++l) {
      for (unsigned v = 0; v < 256; ++v) {
        tables.t[type][l][v] =
            kSBoxes.sb[sbox_of[type][l]][v] * kSpreadOfByte[l];
      }
    }
  }
  return tables;
}

constexpr RoundTables kRoundTables = MakeRoundTables();

// Spread(SL(w)) for the substitution layer of `kType` (0: SL1, 1: SL2).
template <int kType>
inline uint32_t SubstituteAndSpread(uint32_t w) {
  const auto& t = kRoundTables.t[kType];
  return t[0][w >> 24] ^ t[1][(w >> 16) & 0xFF] ^ t[2][(w >> 8) & 0xFF] ^
         t[3][w & 0xFF];
}

// SL2 alone (the last round): SB3, SB4, SB1, SB2 from the most significant
// byte.
inline uint32_t Substitute2(uint32_t w) {
  return uint32_t{kSb3[w >> 24]} << 24 |
         uint32_t{kSb4[(w >> 16) & 0xFF]} << 16 |
         uint32_t{kSb1[(w >> 8) & 0xFF]} << 8 | uint32_t{kSb2[w & 0xFF]};
}

// One round function, in place: FO(D, RK) = A(SL1(D ^ RK)) for kType 0,
// FE(D, RK) = A(SL2(D ^ RK)) for kType 1. The state is four scalars (an
// array would be vectorized, badly, by the compiler).
template <int kType>
inline void Round(uint32_t& x0, uint32_t& x1, uint32_t& x2, uint32_t& x3,
                  const uint32_t rk[4]) {
  x0 = SubstituteAndSpread<kType>(x0 ^ rk[0]);
  x1 = SubstituteAndSpread<kType>(x1 ^ rk[1]);
  x2 = SubstituteAndSpread<kType>(x2 ^ rk[2]);
  x3 = SubstituteAndSpread<kType>(x3 ^ rk[3]);
  Mix(x0, x1, x2, x3);
}

// FO or FE on a 128-bit value held as four words.
template <int kType>
inline void RoundOnBlock(uint32_t x[4], const uint32_t rk[4]) {
  Round<kType>(x[0], x[1], x[2], x[3], rk);
}

// ---- Key schedule -----------------------------------------------------------

// The key-schedule constants C1, C2, C3: the first 384 bits of the
// fractional part of 1/pi (RFC 5794 2.2).
constexpr uint32_t kC[3][4] = {
    {0x517CC1B7, 0x27220A94, 0xFE13ABE8, 0xFA9A6EE0},
    {0x6DB14ACC, 0x9E21C820, 0xFF28B1D5, 0xEF5DE2B0},
    {0xDB92371D, 0x2126E970, 0x03249775, 0x04E8C90E},
};

// out = x >>> n, a rotation of the 128-bit value x (x[0] most significant)
// by 0 < n < 128 bits to the right.
void RotateRight(const uint32_t x[4], unsigned n, uint32_t out[4]) {
  const unsigned words = n / 32;
  const unsigned bits = n % 32;
  for (unsigned i = 0; i < 4; ++i) {
    const uint32_t high = x[(i + 4 - words) % 4];
    const uint32_t low = x[(i + 3 - words) % 4];  // the word above it
    out[i] = bits == 0 ? high : (high >> bits) | (low << (32 - bits));
  }
}

// Writes the rounds + 1 encryption round keys of `key` to `round_keys`.
// `rounds` is 12, 14 or 16 (key of 16, 24 or 32 bytes).
void ExpandEncryptKey(const uint8_t* key, unsigned rounds,
                      uint32_t round_keys[17][4]) {
  const size_t key_bytes = rounds == 12 ? 16 : rounds == 14 ? 24 : 32;
  // CK1, CK2, CK3: C1 C2 C3 (128-bit keys), C2 C3 C1 (192), C3 C1 C2 (256).
  const unsigned first_constant = (rounds - 12) / 2;

  // KL || KR = key || 0 padding to 256 bits.
  uint8_t right[16] = {0};
  if (key_bytes > 16) std::memcpy(right, key + 16, key_bytes - 16);
  uint32_t w[4][4];
  uint32_t kr[4];
  for (int b = 0; b < 4; ++b) {
    w[0][b] = Load32(key + 4 * b);
    kr[b] = Load32(right + 4 * b);
  }

  // W1 = FO(W0, CK1) ^ KR, W2 = FE(W1, CK2) ^ W0, W3 = FO(W2, CK3) ^ W1.
  std::memcpy(w[1], w[0], sizeof(w[0]));
  RoundOnBlock<0>(w[1], kC[first_constant]);
  for (int b = 0; b < 4; ++b) w[1][b] ^= kr[b];
  std::memcpy(w[2], w[1], sizeof(w[0]));
  RoundOnBlock<1>(w[2], kC[(first_constant + 1) % 3]);
  for (int b = 0; b < 4; ++b) w[2][b] ^= w[0][b];
  std::memcpy(w[3], w[2], sizeof(w[0]));
  RoundOnBlock<0>(w[3], kC[(first_constant + 2) % 3]);
  for (int b = 0; b < 4; ++b) w[3][b] ^= w[1][b];

  // ek(4j + i + 1) = W(i) ^ (W(i + 1 mod 4) rotated), with rotations
  // >>> 19, >>> 31, <<< 61, <<< 31 for j = 0..3, and ek17 = W0 ^ (W1 <<< 19);
  // a left rotation by n is a right rotation by 128 - n.
  constexpr unsigned kRotations[5] = {19, 31, 128 - 61, 128 - 31, 128 - 19};
  uint32_t rotated[4];
  for (unsigned k = 0; k <= rounds; ++k) {
    const unsigned i = k % 4;
    RotateRight(w[(i + 1) % 4], kRotations[k / 4], rotated);
    for (int b = 0; b < 4; ++b) round_keys[k][b] = w[i][b] ^ rotated[b];
  }

  mbedtls_platform_zeroize(right, sizeof(right));
  mbedtls_platform_zeroize(w, sizeof(w));
  mbedtls_platform_zeroize(kr, sizeof(kr));
  mbedtls_platform_zeroize(rotated, sizeof(rotated));
}

// The number of rounds for a key of key_bits bits, 0 if ARIA has no such
// key size.
unsigned RoundsFor(size_t key_bits) {
  switch (key_bits) {
    case 128:
      return 12;
    case 192:
      return 14;
    case 256:
      return 16;
    default:
      return 0;
  }
}

}  // namespace

bool AriaSetEncryptKey(AriaContext* ctx, const uint8_t* key, size_t key_bits) {
  const unsigned rounds = RoundsFor(key_bits);
  if (rounds == 0) return false;
  std::memset(ctx, 0, sizeof(*ctx));
  ExpandEncryptKey(key, rounds, ctx->round_keys);
  ctx->rounds = rounds;
  return true;
}

bool AriaSetDecryptKey(AriaContext* ctx, const uint8_t* key, size_t key_bits) {
  const unsigned rounds = RoundsFor(key_bits);
  if (rounds == 0) return false;
  uint32_t ek[17][4];
  ExpandEncryptKey(key, rounds, ek);
  // dk1 = ek(n+1), dk(i) = A(ek(n+2-i)) for 1 < i <= n, dk(n+1) = ek1.
  std::memset(ctx, 0, sizeof(*ctx));
  std::memcpy(ctx->round_keys[0], ek[rounds], sizeof(ek[0]));
  for (unsigned i = 1; i < rounds; ++i) {
    std::memcpy(ctx->round_keys[i], ek[rounds - i], sizeof(ek[0]));
    Diffuse(ctx->round_keys[i]);
  }
  std::memcpy(ctx->round_keys[rounds], ek[0], sizeof(ek[0]));
  ctx->rounds = rounds;
  mbedtls_platform_zeroize(ek, sizeof(ek));
  return true;
}

void AriaCryptBlock(const AriaContext* ctx, const uint8_t in[kAriaBlockSize],
                    uint8_t out[kAriaBlockSize]) {
  const unsigned rounds = ctx->rounds;
  if (rounds != 12 && rounds != 14 && rounds != 16) {
    std::memset(out, 0, kAriaBlockSize);  // no key: fail closed
    return;
  }
  const uint32_t(*rk)[4] = ctx->round_keys;
  uint32_t x0 = Load32(in);
  uint32_t x1 = Load32(in + 4);
  uint32_t x2 = Load32(in + 8);
  uint32_t x3 = Load32(in + 12);
  // Rounds 1 .. n - 1 alternate FO and FE (n - 1 is odd: FO first and
  // last); round n is SL2 between the last two round keys.
  unsigned r = 0;
  for (; r + 2 < rounds; r += 2) {
    Round<0>(x0, x1, x2, x3, rk[r]);
    Round<1>(x0, x1, x2, x3, rk[r + 1]);
  }
  Round<0>(x0, x1, x2, x3, rk[r]);
  const uint32_t* last = rk[rounds - 1];
  const uint32_t* whitening = rk[rounds];
  // Only the output block is left in the state: nothing secret to wipe.
  Store32(out, Substitute2(x0 ^ last[0]) ^ whitening[0]);
  Store32(out + 4, Substitute2(x1 ^ last[1]) ^ whitening[1]);
  Store32(out + 8, Substitute2(x2 ^ last[2]) ^ whitening[2]);
  Store32(out + 12, Substitute2(x3 ^ last[3]) ^ whitening[3]);
}

}  // namespace drivers::builtin
