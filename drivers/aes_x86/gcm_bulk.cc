#include "drivers/aes_x86/gcm_bulk.h"

#include "drivers/aes_x86/aes_ni_internal.h"
#include "drivers/aes_x86/ghash_clmul.h"

namespace aes_x86 {

using internal::ByteSwapMask;
using internal::Load;
using internal::Store;

AES_X86_NI void GcmBulkNi(const aes_x86_key_t& key, const aes_x86_ghash_key_t& h, bool encrypt,
                          uint8_t counter[16], uint8_t x_bytes[16], const uint8_t* in, uint8_t* out,
                          size_t blocks) {
  internal::RoundKeys rk;
  internal::LoadRoundKeys(key, &rk);
  const __m128i swap = ByteSwapMask();
  const __m128i one = _mm_set_epi32(0, 0, 0, 1);
  __m128i ctr = _mm_shuffle_epi8(Load(counter), swap);
  __m128i x = Load(x_bytes);
  for (; blocks >= 8; blocks -= 8, in += 128, out += 128) {
    __m128i b[8], c[8];
    for (int i = 0; i < 8; ++i) {
      b[i] = _mm_shuffle_epi8(ctr, swap);
      ctr = _mm_add_epi32(ctr, one);
    }
    if (!encrypt) {
      for (int i = 0; i < 8; ++i) c[i] = _mm_shuffle_epi8(Load(in + 16 * i), swap);
      x = internal::GhashN(h, x, c, 8);
    }
    internal::EncryptN<8>(rk, b);
    for (int i = 0; i < 8; ++i) {
      const __m128i o = _mm_xor_si128(b[i], Load(in + 16 * i));
      Store(out + 16 * i, o);
      c[i] = _mm_shuffle_epi8(o, swap);
    }
    if (encrypt) x = internal::GhashN(h, x, c, 8);
  }
  if (blocks > 0) {
    __m128i b[8], c[8];
    const int n = static_cast<int>(blocks);
    for (int i = 0; i < n; ++i) {
      b[i] = _mm_shuffle_epi8(ctr, swap);
      ctr = _mm_add_epi32(ctr, one);
      if (!encrypt) c[i] = _mm_shuffle_epi8(Load(in + 16 * i), swap);
    }
    for (int i = n; i < 8; ++i) b[i] = _mm_setzero_si128();
    if (n <= 4) {
      internal::EncryptN<4>(rk, b);  // short one-shot messages: half the work
    } else {
      internal::EncryptN<8>(rk, b);
    }
    for (int i = 0; i < n; ++i) {
      const __m128i o = _mm_xor_si128(b[i], Load(in + 16 * i));
      Store(out + 16 * i, o);
      if (encrypt) c[i] = _mm_shuffle_epi8(o, swap);
    }
    x = internal::GhashN(h, x, c, n);
  }
  Store(counter, _mm_shuffle_epi8(ctr, swap));
  Store(x_bytes, x);
  internal::WipeRoundKeys(&rk);
}

}  // namespace aes_x86
