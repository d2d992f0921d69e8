// GCM over the AES-NI (or VAES) block functions and the PCLMULQDQ GHASH.

#include <string.h>

#include "drivers/aes_x86/aes_ni.h"
#include "drivers/aes_x86/aes_x86_modes.h"
#include "drivers/aes_x86/gcm_bulk.h"
#include "drivers/aes_x86/ghash_clmul.h"
#include "drivers/aes_x86/vaes.h"

namespace aes_x86 {
namespace {

void StoreBe64(uint8_t* p, uint64_t v) {
  for (int i = 7; i >= 0; --i, v >>= 8) p[i] = static_cast<uint8_t>(v);
}

// Absorbs `length` bytes, the last block zero-padded.
void GhashPadded(const aes_x86_ghash_key_t& h, uint8_t x[16], const uint8_t* data, size_t length) {
  const size_t whole = length / 16;
  if (whole > 0) GhashBlocks(h, x, data, whole);
  if (length % 16 != 0) {
    uint8_t last[16] = {0};
    memcpy(last, data + 16 * whole, length % 16);
    GhashBlocks(h, x, last, 1);
  }
}

// Closes the additional data: absorbs its open block, zero-padded.
void CloseAad(aes_x86_gcm_t* gcm) {
  if (gcm->in_text) return;
  gcm->in_text = 1;
  if (gcm->partial_length > 0) {
    memset(gcm->partial + gcm->partial_length, 0, 16 - gcm->partial_length);
    GhashBlocks(gcm->h, gcm->x, gcm->partial, 1);
    gcm->partial_length = 0;
  }
}

void Bulk(aes_x86_gcm_t* gcm, bool encrypt, const uint8_t* in, uint8_t* out, size_t blocks) {
  if (gcm->path == AES_X86_PATH_VAES) {
    VaesGcmBulk(gcm->key, gcm->h, encrypt, gcm->counter, gcm->x, in, out, blocks);
  } else {
    GcmBulkNi(gcm->key, gcm->h, encrypt, gcm->counter, gcm->x, in, out, blocks);
  }
}

}  // namespace

bool GcmStart(aes_x86_gcm_t* gcm, aes_x86_path_t path, const uint8_t* key, size_t key_length, const uint8_t* nonce,
              size_t nonce_length, size_t expected_blocks) {
  if (!ExpandKey(key, key_length, &gcm->key)) return false;
  gcm->path = static_cast<uint8_t>(path);
  uint8_t hash_key[16] = {0};
  EncryptBlock(gcm->key, hash_key, hash_key);
  const int most = path == AES_X86_PATH_VAES ? 16 : 8;
  int count = most;
  if (expected_blocks != 0 && expected_blocks < static_cast<size_t>(most)) count = static_cast<int>(expected_blocks);
  if (nonce_length != 12 && count < 8) count = 8;  // GHASH of the nonce
  GhashPowers(hash_key, count, &gcm->h);
  memset(hash_key, 0, sizeof(hash_key));
  __asm__ __volatile__("" : : "r"(hash_key) : "memory");

  uint8_t j0[16] = {0};
  if (nonce_length == 12) {
    memcpy(j0, nonce, 12);
    j0[15] = 1;
  } else {
    memset(gcm->x, 0, 16);
    GhashPadded(gcm->h, gcm->x, nonce, nonce_length);
    uint8_t lengths[16] = {0};
    StoreBe64(lengths + 8, static_cast<uint64_t>(nonce_length) * 8);
    GhashBlocks(gcm->h, gcm->x, lengths, 1);
    for (int i = 0; i < 16; ++i) j0[i] = gcm->x[15 - i];  // un-reflect
  }
  EncryptBlock(gcm->key, j0, gcm->tag_mask);
  memcpy(gcm->counter, j0, 16);
  Increment32(gcm->counter);
  memset(gcm->x, 0, 16);
  gcm->ad_length = 0;
  gcm->text_length = 0;
  gcm->partial_length = 0;
  gcm->in_text = 0;
  return true;
}

void GcmAad(aes_x86_gcm_t* gcm, const uint8_t* data, size_t length) {
  gcm->ad_length += length;
  if (gcm->partial_length > 0) {
    const size_t n = length < 16u - gcm->partial_length ? length : 16u - gcm->partial_length;
    if (n > 0) memcpy(gcm->partial + gcm->partial_length, data, n);  // the source may be null when empty
    gcm->partial_length = static_cast<uint8_t>(gcm->partial_length + n);
    data += n;
    length -= n;
    if (gcm->partial_length < 16) return;
    GhashBlocks(gcm->h, gcm->x, gcm->partial, 1);
    gcm->partial_length = 0;
  }
  if (length >= 16) GhashBlocks(gcm->h, gcm->x, data, length / 16);
  data += length / 16 * 16;
  length %= 16;
  if (length > 0) memcpy(gcm->partial, data, length);  // the source may be null when empty
  gcm->partial_length = static_cast<uint8_t>(length);
}

void GcmCrypt(aes_x86_gcm_t* gcm, bool encrypt, const uint8_t* in, uint8_t* out, size_t length) {
  CloseAad(gcm);
  gcm->text_length += length;
  if (gcm->partial_length > 0) {
    // Finish the open block with the rest of its key stream.
    while (length > 0 && gcm->partial_length < 16) {
      const uint8_t c_in = *in++;
      const uint8_t c_out = static_cast<uint8_t>(c_in ^ gcm->keystream[gcm->partial_length]);
      *out++ = c_out;
      gcm->partial[gcm->partial_length++] = encrypt ? c_out : c_in;
      --length;
    }
    if (gcm->partial_length < 16) return;
    GhashBlocks(gcm->h, gcm->x, gcm->partial, 1);
    gcm->partial_length = 0;
  }
  const size_t blocks = length / 16;
  if (blocks > 0) Bulk(gcm, encrypt, in, out, blocks);
  in += 16 * blocks;
  out += 16 * blocks;
  length %= 16;
  if (length > 0) {
    EncryptBlock(gcm->key, gcm->counter, gcm->keystream);
    Increment32(gcm->counter);
    for (size_t i = 0; i < length; ++i) {
      const uint8_t c_in = in[i];
      const uint8_t c_out = static_cast<uint8_t>(c_in ^ gcm->keystream[i]);
      out[i] = c_out;
      gcm->partial[i] = encrypt ? c_out : c_in;
    }
    gcm->partial_length = static_cast<uint8_t>(length);
  }
}

void GcmTag(aes_x86_gcm_t* gcm, uint8_t tag[16]) {
  CloseAad(gcm);
  if (gcm->partial_length > 0) {
    memset(gcm->partial + gcm->partial_length, 0, 16 - gcm->partial_length);
    GhashBlocks(gcm->h, gcm->x, gcm->partial, 1);
    gcm->partial_length = 0;
  }
  uint8_t lengths[16];
  StoreBe64(lengths, gcm->ad_length * 8);
  StoreBe64(lengths + 8, gcm->text_length * 8);
  GhashBlocks(gcm->h, gcm->x, lengths, 1);
  for (int i = 0; i < 16; ++i) tag[i] = static_cast<uint8_t>(gcm->x[15 - i] ^ gcm->tag_mask[i]);
}

}  // namespace aes_x86
