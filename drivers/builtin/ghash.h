// GHASH, the universal hash of GCM (NIST SP 800-38D, section 6.4): the
// multiplication by the hash subkey H in GF(2^128), in constant time on any
// CPU (no table lookups, no branches on data). Private to drivers/builtin.
//
// A field element is kept as two 64-bit words holding its 16-byte string
// big-endian: words[0] = bytes 0..7, words[1] = bytes 8..15, so the most
// significant bit of words[0] is the coefficient of x^0, as in the GCM
// specification.

#ifndef DRIVERS_BUILTIN_GHASH_H_
#define DRIVERS_BUILTIN_GHASH_H_

#include <cstddef>
#include <cstdint>

namespace drivers::builtin {

// Words of a GHASH key (H and the bit reversals of its halves, which the
// multiplication uses for the high halves of its products).
inline constexpr size_t kGhashKeyWords = 4;

// Prepares the key `key` for the hash subkey `h` (16 bytes, E_K(0^128)).
void GhashSetKey(uint64_t key[kGhashKeyWords], const uint8_t h[16]);

// Sets x = x * H in GF(2^128).
void GhashMultiply(uint64_t x[2], const uint64_t key[kGhashKeyWords]);

// For each of the `block_count` 16-byte blocks of `blocks`: x = (x ^ block) *
// H. The GHASH of SP 800-38D over whole blocks, starting from `x`.
void GhashBlocks(uint64_t x[2], const uint64_t key[kGhashKeyWords],
                 const uint8_t* blocks, size_t block_count);

// Big-endian loads and stores of 64-bit words.
inline uint64_t LoadBigEndian64(const uint8_t* p) {
  return (uint64_t{p[0]} << 56) | (uint64_t{p[1]} << 48) |
         (uint64_t{p[2]} << 40) | (uint64_t{p[3]} << 32) |
         (uint64_t{p[4]} << 24) | (uint64_t{p[5]} << 16) |
         (uint64_t{p[6]} << 8) | uint64_t{p[7]};
}

inline void StoreBigEndian64(uint8_t* p, uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    p[i] = static_cast<uint8_t>(v);
    v >>= 8;
  }
}

}  // namespace drivers::builtin

#endif  // DRIVERS_BUILTIN_GHASH_H_
