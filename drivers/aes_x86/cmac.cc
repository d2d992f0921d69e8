// CMAC over AES-NI: the serial CBC chain with the round keys in registers.

#include <string.h>

#include "drivers/aes_x86/aes_ni.h"
#include "drivers/aes_x86/aes_ni_internal.h"
#include "drivers/aes_x86/aes_x86_modes.h"

namespace aes_x86 {
namespace {

// k = 2 * l in GF(2^128) (SP 800-38B 6.1), without a branch on l.
void Double(const uint8_t l[16], uint8_t k[16]) {
  const uint8_t carry = static_cast<uint8_t>(-(l[0] >> 7));
  for (int i = 0; i < 15; ++i) k[i] = static_cast<uint8_t>((l[i] << 1) | (l[i + 1] >> 7));
  k[15] = static_cast<uint8_t>((l[15] << 1) ^ (carry & 0x87));
}

// mac = E(...E(mac ^ b0) ^ b1 ...) over whole blocks.
AES_X86_NI void Chain(const aes_x86_key_t& key, uint8_t mac_bytes[16], const uint8_t* data, size_t blocks) {
  internal::RoundKeys rk;
  internal::LoadRoundKeys(key, &rk);
  __m128i mac = internal::Load(mac_bytes);
  for (; blocks > 0; --blocks, data += 16) mac = internal::Encrypt1(rk, _mm_xor_si128(mac, internal::Load(data)));
  internal::Store(mac_bytes, mac);
  internal::WipeRoundKeys(&rk);
}

}  // namespace

bool CmacStart(aes_x86_cmac_t* cmac, const uint8_t* key, size_t key_length) {
  if (!ExpandKey(key, key_length, &cmac->key)) return false;
  uint8_t l[16] = {0};
  EncryptBlock(cmac->key, l, l);
  Double(l, cmac->k1);
  Double(cmac->k1, cmac->k2);
  memset(l, 0, sizeof(l));
  __asm__ __volatile__("" : : "r"(l) : "memory");
  memset(cmac->mac, 0, 16);
  cmac->partial_length = 0;
  return true;
}

void CmacUpdate(aes_x86_cmac_t* cmac, const uint8_t* data, size_t length) {
  if (length == 0) return;
  // Fill the held-back block; chain it only once more input follows.
  if (cmac->partial_length < 16) {
    const size_t n = length < 16u - cmac->partial_length ? length : 16u - cmac->partial_length;
    if (n > 0) memcpy(cmac->partial + cmac->partial_length, data, n);  // the source may be null when empty
    cmac->partial_length = static_cast<uint8_t>(cmac->partial_length + n);
    data += n;
    length -= n;
  }
  if (length == 0) return;
  Chain(cmac->key, cmac->mac, cmac->partial, 1);
  // Every whole block but the last one of the input.
  const size_t blocks = (length - 1) / 16;
  Chain(cmac->key, cmac->mac, data, blocks);
  data += 16 * blocks;
  length -= 16 * blocks;
  if (length > 0) memcpy(cmac->partial, data, length);  // the source may be null when empty
  cmac->partial_length = static_cast<uint8_t>(length);
}

void CmacFinish(aes_x86_cmac_t* cmac, uint8_t mac[16]) {
  uint8_t last[16];
  if (cmac->partial_length == 16) {
    for (int i = 0; i < 16; ++i) last[i] = static_cast<uint8_t>(cmac->partial[i] ^ cmac->k1[i]);
  } else {
    memset(last, 0, 16);
    memcpy(last, cmac->partial, cmac->partial_length);
    last[cmac->partial_length] = 0x80;
    for (int i = 0; i < 16; ++i) last[i] ^= cmac->k2[i];
  }
  Chain(cmac->key, cmac->mac, last, 1);
  memcpy(mac, cmac->mac, 16);
  memset(last, 0, sizeof(last));
  __asm__ __volatile__("" : : "r"(last) : "memory");
}

}  // namespace aes_x86
