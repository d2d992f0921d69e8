#include "drivers/aes_x86/ghash_clmul.h"

namespace aes_x86 {

using internal::ByteSwapMask;
using internal::Load;

AES_X86_NI void GhashPowers(const uint8_t h[16], int count, aes_x86_ghash_key_t* key) {
  const __m128i h1 = _mm_shuffle_epi8(Load(h), ByteSwapMask());
  __m128i p = h1;
  for (int i = 1; i <= count; ++i) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(key->powers[16 - i]), p);
    if (i < count) p = internal::GfMul(p, h1);
  }
}

AES_X86_NI void GhashBlocks(const aes_x86_ghash_key_t& key, uint8_t x_bytes[16], const uint8_t* data,
                            size_t blocks) {
  const __m128i swap = ByteSwapMask();
  __m128i x = Load(x_bytes);
  for (; blocks >= 8; blocks -= 8, data += 128) {
    __m128i b[8];
    for (int i = 0; i < 8; ++i) b[i] = _mm_shuffle_epi8(Load(data + 16 * i), swap);
    x = internal::GhashN(key, x, b, 8);
  }
  if (blocks > 0) {
    __m128i b[8];
    for (size_t i = 0; i < blocks; ++i) b[i] = _mm_shuffle_epi8(Load(data + 16 * i), swap);
    x = internal::GhashN(key, x, b, static_cast<int>(blocks));
  }
  internal::Store(x_bytes, x);
}

}  // namespace aes_x86
