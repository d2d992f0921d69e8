// CCM: CBC-MAC and counter mode over AES-NI. Encryption runs the CBC-MAC
// block and the counter block through the rounds together (two blocks in
// flight: the key stream costs nothing beside the MAC's serial chain);
// decryption makes the key stream 8 blocks at a time, then MACs.

#include <string.h>

#include "drivers/aes_x86/aes_ni.h"
#include "drivers/aes_x86/aes_ni_internal.h"
#include "drivers/aes_x86/aes_x86_modes.h"
#include "drivers/aes_x86/vaes.h"

namespace aes_x86 {
namespace {

using internal::Load;
using internal::Store;

// MACs the open block if full.
void AbsorbPartial(aes_x86_ccm_t* ccm) {
  if (ccm->partial_length < 16) return;
  for (int i = 0; i < 16; ++i) ccm->mac[i] ^= ccm->partial[i];
  EncryptBlock(ccm->key, ccm->mac, ccm->mac);
  ccm->partial_length = 0;
}

// Feeds bytes to the CBC-MAC.
void MacBytes(aes_x86_ccm_t* ccm, const uint8_t* data, size_t length) {
  while (length > 0) {
    const size_t n = length < 16u - ccm->partial_length ? length : 16u - ccm->partial_length;
    if (n > 0) memcpy(ccm->partial + ccm->partial_length, data, n);  // the source may be null when empty
    ccm->partial_length = static_cast<uint8_t>(ccm->partial_length + n);
    data += n;
    length -= n;
    if (ccm->partial_length == 16 && length > 0) AbsorbPartial(ccm);
  }
  AbsorbPartial(ccm);
}

// Zero-pads and MACs the open block.
void PadPartial(aes_x86_ccm_t* ccm) {
  if (ccm->partial_length == 0) return;
  memset(ccm->partial + ccm->partial_length, 0, 16 - ccm->partial_length);
  ccm->partial_length = 16;
  AbsorbPartial(ccm);
}

void CloseAad(aes_x86_ccm_t* ccm) {
  if (ccm->in_text) return;
  ccm->in_text = 1;
  PadPartial(ccm);
}

// Whole blocks with an empty open block: encryption, MAC and key stream
// interleaved.
AES_X86_NI void EncryptBlocks(aes_x86_ccm_t* ccm, const uint8_t* in, uint8_t* out, size_t blocks) {
  internal::RoundKeys rk;
  internal::LoadRoundKeys(ccm->key, &rk);
  __m128i mac = Load(ccm->mac);
  for (; blocks > 0; --blocks, in += 16, out += 16) {
    const __m128i p = Load(in);
    __m128i b[2] = {_mm_xor_si128(mac, p), Load(ccm->counter)};
    Increment128(ccm->counter);
    internal::EncryptN<2>(rk, b);
    mac = b[0];
    Store(out, _mm_xor_si128(p, b[1]));
  }
  Store(ccm->mac, mac);
  internal::WipeRoundKeys(&rk);
}

AES_X86_NI void DecryptBlocks(aes_x86_ccm_t* ccm, const uint8_t* in, uint8_t* out, size_t blocks) {
  if (ccm->path == AES_X86_PATH_VAES) {
    VaesCtr128Xor(ccm->key, ccm->counter, in, out, blocks);
  } else {
    Ctr128Xor(ccm->key, ccm->counter, in, out, blocks);
  }
  internal::RoundKeys rk;
  internal::LoadRoundKeys(ccm->key, &rk);
  __m128i mac = Load(ccm->mac);
  for (; blocks > 0; --blocks, out += 16) mac = internal::Encrypt1(rk, _mm_xor_si128(mac, Load(out)));
  Store(ccm->mac, mac);
  internal::WipeRoundKeys(&rk);
}

}  // namespace

bool CcmStart(aes_x86_ccm_t* ccm, aes_x86_path_t path, const uint8_t* key, size_t key_length, const uint8_t* nonce,
              size_t nonce_length, size_t tag_length, uint64_t ad_length, uint64_t text_length) {
  if (!ExpandKey(key, key_length, &ccm->key)) return false;
  ccm->path = static_cast<uint8_t>(path);
  const size_t l = 15 - nonce_length;
  uint8_t b0[16] = {0};
  b0[0] = static_cast<uint8_t>((ad_length > 0 ? 0x40 : 0) | (((tag_length - 2) / 2) << 3) | (l - 1));
  memcpy(b0 + 1, nonce, nonce_length);
  uint64_t remaining = text_length;
  for (size_t i = 0; i < l && i < 8; ++i, remaining >>= 8) b0[15 - i] = static_cast<uint8_t>(remaining);
  EncryptBlock(ccm->key, b0, ccm->mac);

  memset(ccm->counter, 0, 16);
  ccm->counter[0] = static_cast<uint8_t>(l - 1);
  memcpy(ccm->counter + 1, nonce, nonce_length);
  EncryptBlock(ccm->key, ccm->counter, ccm->tag_mask);
  ccm->counter[15] = 1;

  ccm->partial_length = 0;
  ccm->keystream_used = 16;
  ccm->in_text = 0;
  ccm->ad_remaining = ad_length;
  ccm->text_remaining = text_length;
  if (ad_length > 0) {
    // The length prefix of the additional data (SP 800-38C A.2.2).
    uint8_t prefix[10];
    size_t prefix_length;
    if (ad_length < 0xFF00) {
      prefix[0] = static_cast<uint8_t>(ad_length >> 8);
      prefix[1] = static_cast<uint8_t>(ad_length);
      prefix_length = 2;
    } else if (ad_length <= 0xFFFFFFFFu) {
      prefix[0] = 0xFF;
      prefix[1] = 0xFE;
      for (int i = 0; i < 4; ++i) prefix[2 + i] = static_cast<uint8_t>(ad_length >> (24 - 8 * i));
      prefix_length = 6;
    } else {
      prefix[0] = 0xFF;
      prefix[1] = 0xFF;
      for (int i = 0; i < 8; ++i) prefix[2 + i] = static_cast<uint8_t>(ad_length >> (56 - 8 * i));
      prefix_length = 10;
    }
    MacBytes(ccm, prefix, prefix_length);
  }
  return true;
}

void CcmAad(aes_x86_ccm_t* ccm, const uint8_t* data, size_t length) {
  ccm->ad_remaining -= length;
  MacBytes(ccm, data, length);
}

// Text bytes one by one while a key stream block is open or fewer than
// 16 remain; returns how many it took.
static size_t CryptBytes(aes_x86_ccm_t* ccm, bool encrypt, const uint8_t* in, uint8_t* out, size_t length) {
  size_t done = 0;
  while (done < length && (ccm->keystream_used < 16 || length - done < 16)) {
    if (ccm->keystream_used == 16) {
      EncryptBlock(ccm->key, ccm->counter, ccm->keystream);
      Increment128(ccm->counter);
      ccm->keystream_used = 0;
    }
    const uint8_t c_in = in[done];
    const uint8_t c_out = static_cast<uint8_t>(c_in ^ ccm->keystream[ccm->keystream_used++]);
    out[done] = c_out;
    const uint8_t plain = encrypt ? c_in : c_out;
    MacBytes(ccm, &plain, 1);
    ++done;
  }
  return done;
}

void CcmCrypt(aes_x86_ccm_t* ccm, bool encrypt, const uint8_t* in, uint8_t* out, size_t length) {
  CloseAad(ccm);
  ccm->text_remaining -= length;
  size_t done = CryptBytes(ccm, encrypt, in, out, length);
  const size_t blocks = (length - done) / 16;
  if (blocks > 0) {
    if (encrypt) {
      EncryptBlocks(ccm, in + done, out + done, blocks);
    } else {
      DecryptBlocks(ccm, in + done, out + done, blocks);
    }
    done += 16 * blocks;
  }
  CryptBytes(ccm, encrypt, in + done, out + done, length - done);
}

void CcmTag(aes_x86_ccm_t* ccm, uint8_t tag[16]) {
  CloseAad(ccm);
  PadPartial(ccm);
  for (int i = 0; i < 16; ++i) tag[i] = static_cast<uint8_t>(ccm->mac[i] ^ ccm->tag_mask[i]);
}

}  // namespace aes_x86
