// Streaming GCM and CCM (see builtin_aead_modes_internal.h).
//
// Both modes are a counter-mode keystream plus a hash of 16-byte blocks
// (GHASH over the additional data and the ciphertext for GCM, CBC-MAC over
// B0, the encoded additional data and the plaintext for CCM). Bytes are
// XORed into the hash state as they arrive and the block is hashed when it
// is full, so a fragment of any length is consumed at once and its output
// written at once. Whole blocks take a faster path when the fragment starts
// on a block boundary.

#include "drivers/builtin/builtin_aead_modes_internal.h"

#include <cstring>

#include "drivers/builtin/aria.h"
#include "drivers/builtin/ghash.h"
#include "mbedtls/platform_util.h"

namespace drivers::builtin {

static_assert(sizeof(builtin_aead_gcm_t::ghash_key) ==
                  kGhashKeyWords * sizeof(uint64_t),
              "builtin_aead_gcm_t::ghash_key does not hold a GHASH key");

int AeadBlockCipher::SetKey(const uint8_t* key, size_t key_bits) {
  switch (id_) {
    case kAeadCipherAes:
      mbedtls_aes_init(&schedule_->aes);
      return mbedtls_aes_setkey_enc(&schedule_->aes, key,
                                    static_cast<unsigned>(key_bits));
    case kAeadCipherCamellia:
      mbedtls_camellia_init(&schedule_->camellia);
      return mbedtls_camellia_setkey_enc(&schedule_->camellia, key,
                                         static_cast<unsigned>(key_bits));
    case kAeadCipherAria:
      return AriaSetEncryptKey(&schedule_->aria, key, key_bits)
                 ? 0
                 : MBEDTLS_ERR_AES_INVALID_KEY_LENGTH;
    default:
      return MBEDTLS_ERR_AES_BAD_INPUT_DATA;
  }
}

int AeadBlockCipher::Encrypt(const uint8_t in[16], uint8_t out[16]) const {
  switch (id_) {
    case kAeadCipherAes:
      return mbedtls_aes_crypt_ecb(&schedule_->aes, MBEDTLS_AES_ENCRYPT, in,
                                   out);
    case kAeadCipherCamellia:
      return mbedtls_camellia_crypt_ecb(&schedule_->camellia,
                                        MBEDTLS_CAMELLIA_ENCRYPT, in, out);
    case kAeadCipherAria:
      AriaCryptBlock(&schedule_->aria, in, out);
      return 0;
    default:
      return MBEDTLS_ERR_AES_BAD_INPUT_DATA;
  }
}

void AeadBlockCipher::Free() {
  switch (id_) {
    case kAeadCipherAes:
      mbedtls_aes_free(&schedule_->aes);
      break;
    case kAeadCipherCamellia:
      mbedtls_camellia_free(&schedule_->camellia);
      break;
    case kAeadCipherAria:
      mbedtls_platform_zeroize(&schedule_->aria, sizeof(schedule_->aria));
      break;
    default:
      break;
  }
}

namespace {

// Increments the last `width` bytes of `counter` as a big-endian integer,
// modulo 2^(8 * width).
inline void IncrementCounter(uint8_t counter[16], size_t width) {
  for (size_t i = 16; i > 16 - width; --i) {
    if (++counter[i - 1] != 0) break;
  }
}

// Makes the next keystream block, unused.
inline int NextKeystream(builtin_aead_ctr_t* ctr,
                         const AeadBlockCipher& cipher) {
  IncrementCounter(ctr->counter, ctr->width);
  ctr->used = 0;
  return cipher.Encrypt(ctr->counter, ctr->keystream);
}

// ---- GCM --------------------------------------------------------------------

// XORs `byte` into position `position` (0..15) of the GHASH block.
inline void XorIntoGhash(uint64_t x[2], size_t position, uint8_t byte) {
  x[position >> 3] ^= uint64_t{byte} << (56 - 8 * (position & 7));
}

// Feeds bytes to GHASH, multiplying each block when it is full.
void GhashAbsorb(builtin_aead_gcm_t* gcm, const uint8_t* input,
                 size_t length) {
  if (length == 0) return;
  if (gcm->ghash_fill != 0) {
    while (length > 0 && gcm->ghash_fill < kAeadBlockSize) {
      XorIntoGhash(gcm->ghash, gcm->ghash_fill++, *input++);
      --length;
    }
    if (gcm->ghash_fill < kAeadBlockSize) return;
    GhashMultiply(gcm->ghash, gcm->ghash_key);
    gcm->ghash_fill = 0;
  }
  const size_t blocks = length / kAeadBlockSize;
  GhashBlocks(gcm->ghash, gcm->ghash_key, input, blocks);
  input += blocks * kAeadBlockSize;
  length -= blocks * kAeadBlockSize;
  while (length > 0) {
    XorIntoGhash(gcm->ghash, gcm->ghash_fill++, *input++);
    --length;
  }
}

// Multiplies a partial GHASH block (zero-padded) by H.
void GhashPad(builtin_aead_gcm_t* gcm) {
  if (gcm->ghash_fill != 0) {
    GhashMultiply(gcm->ghash, gcm->ghash_key);
    gcm->ghash_fill = 0;
  }
}

}  // namespace

int GcmSetKey(builtin_aead_block_mode_t* state,
              const AeadBlockCipher& cipher) {
  uint8_t h[kAeadBlockSize] = {0};
  const int ret = cipher.Encrypt(h, h);
  GhashSetKey(state->mode.gcm.ghash_key, h);
  mbedtls_platform_zeroize(h, sizeof(h));
  return ret;
}

int GcmStart(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher,
             const uint8_t* nonce, size_t nonce_length) {
  builtin_aead_gcm_t* gcm = &state->mode.gcm;
  uint8_t j0[kAeadBlockSize] = {0};
  if (nonce_length == 12) {
    // J0 = IV || 0^31 || 1.
    std::memcpy(j0, nonce, nonce_length);
    j0[15] = 1;
  } else {
    // J0 = GHASH(IV || 0^(s+64) || [len(IV)]_64).
    gcm->ghash[0] = gcm->ghash[1] = 0;
    gcm->ghash_fill = 0;
    GhashAbsorb(gcm, nonce, nonce_length);
    GhashPad(gcm);
    uint8_t lengths[kAeadBlockSize] = {0};
    StoreBigEndian64(lengths + 8, uint64_t{nonce_length} * 8);
    GhashBlocks(gcm->ghash, gcm->ghash_key, lengths, 1);
    StoreBigEndian64(j0, gcm->ghash[0]);
    StoreBigEndian64(j0 + 8, gcm->ghash[1]);
  }
  const int ret = cipher.Encrypt(j0, gcm->tag_mask);
  std::memcpy(state->ctr.counter, j0, sizeof(j0));
  state->ctr.width = 4;  // inc32
  state->ctr.used = kAeadBlockSize;
  gcm->ghash[0] = gcm->ghash[1] = 0;
  gcm->ghash_fill = 0;
  mbedtls_platform_zeroize(j0, sizeof(j0));
  return ret;
}

void GcmUpdateAd(builtin_aead_block_mode_t* state, const uint8_t* input,
                 size_t input_length) {
  GhashAbsorb(&state->mode.gcm, input, input_length);
}

void GcmEndAd(builtin_aead_block_mode_t* state) {
  GhashPad(&state->mode.gcm);
}

int GcmUpdate(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher,
              bool encrypt, const uint8_t* input, uint8_t* output,
              size_t length) {
  builtin_aead_gcm_t* gcm = &state->mode.gcm;
  builtin_aead_ctr_t* ctr = &state->ctr;
  int ret = 0;
  // The keystream position and the GHASH block position are the message
  // position modulo 16: they are in step.
  while (length > 0) {
    if (ctr->used == kAeadBlockSize && length >= kAeadBlockSize) {
      // Whole blocks, starting on a block boundary.
      uint8_t in[kAeadBlockSize];
      uint8_t out[kAeadBlockSize];
      do {
        std::memcpy(in, input, kAeadBlockSize);
        ret |= NextKeystream(ctr, cipher);
        for (size_t i = 0; i < kAeadBlockSize; ++i) {
          out[i] = in[i] ^ ctr->keystream[i];
        }
        GhashBlocks(gcm->ghash, gcm->ghash_key, encrypt ? out : in, 1);
        std::memcpy(output, out, kAeadBlockSize);
        ctr->used = kAeadBlockSize;
        input += kAeadBlockSize;
        output += kAeadBlockSize;
        length -= kAeadBlockSize;
      } while (length >= kAeadBlockSize);
      mbedtls_platform_zeroize(in, sizeof(in));
      mbedtls_platform_zeroize(out, sizeof(out));
      continue;
    }
    if (ctr->used == kAeadBlockSize) ret |= NextKeystream(ctr, cipher);
    // Bytes up to the end of the keystream block or of the input.
    while (length > 0 && ctr->used < kAeadBlockSize) {
      const uint8_t in = *input++;
      const uint8_t out = in ^ ctr->keystream[ctr->used++];
      *output++ = out;
      XorIntoGhash(gcm->ghash, gcm->ghash_fill++, encrypt ? out : in);
      if (gcm->ghash_fill == kAeadBlockSize) {
        GhashMultiply(gcm->ghash, gcm->ghash_key);
        gcm->ghash_fill = 0;
      }
      --length;
    }
  }
  return ret;
}

void GcmFinish(builtin_aead_block_mode_t* state, uint64_t ad_length,
               uint64_t text_length, uint8_t tag[16]) {
  builtin_aead_gcm_t* gcm = &state->mode.gcm;
  GhashPad(gcm);
  // S = GHASH(... || [len(A)]_64 || [len(C)]_64); T = E_K(J0) ^ S.
  uint8_t lengths[kAeadBlockSize];
  StoreBigEndian64(lengths, ad_length * 8);
  StoreBigEndian64(lengths + 8, text_length * 8);
  GhashBlocks(gcm->ghash, gcm->ghash_key, lengths, 1);
  StoreBigEndian64(tag, gcm->ghash[0]);
  StoreBigEndian64(tag + 8, gcm->ghash[1]);
  for (size_t i = 0; i < kAeadBlockSize; ++i) tag[i] ^= gcm->tag_mask[i];
}

// ---- CCM --------------------------------------------------------------------

namespace {

// Feeds bytes to the CBC-MAC, encrypting each block when it is full.
int CbcMacAbsorb(builtin_aead_ccm_t* ccm, const AeadBlockCipher& cipher,
                 const uint8_t* input, size_t length) {
  int ret = 0;
  while (length > 0 && ccm->mac_fill != 0) {
    ccm->mac[ccm->mac_fill++] ^= *input++;
    --length;
    if (ccm->mac_fill == kAeadBlockSize) {
      ret |= cipher.Encrypt(ccm->mac, ccm->mac);
      ccm->mac_fill = 0;
    }
  }
  while (length >= kAeadBlockSize) {
    for (size_t i = 0; i < kAeadBlockSize; ++i) ccm->mac[i] ^= input[i];
    ret |= cipher.Encrypt(ccm->mac, ccm->mac);
    input += kAeadBlockSize;
    length -= kAeadBlockSize;
  }
  while (length > 0) {
    ccm->mac[ccm->mac_fill++] ^= *input++;
    --length;
  }
  return ret;
}

// Encrypts a partial CBC-MAC block (zero-padded).
int CbcMacPad(builtin_aead_ccm_t* ccm, const AeadBlockCipher& cipher) {
  if (ccm->mac_fill == 0) return 0;
  ccm->mac_fill = 0;
  return cipher.Encrypt(ccm->mac, ccm->mac);
}

}  // namespace

int CcmStart(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher,
             size_t tag_length, uint64_t ad_length, uint64_t text_length) {
  builtin_aead_ccm_t* ccm = &state->mode.ccm;
  const size_t nonce_length = ccm->nonce_length;
  const size_t l = 15 - nonce_length;  // bytes of the length/counter field
  int ret = 0;

  // B0 = flags || N || Q, flags = Adata << 6 | (M - 2) / 2 << 3 | (L - 1).
  uint8_t b0[kAeadBlockSize] = {0};
  b0[0] = static_cast<uint8_t>((ad_length > 0 ? 0x40 : 0) |
                               (((tag_length - 2) / 2) << 3) | (l - 1));
  std::memcpy(b0 + 1, ccm->nonce, nonce_length);
  uint64_t q = text_length;
  for (size_t i = 15; i > nonce_length; --i, q >>= 8) {
    b0[i] = static_cast<uint8_t>(q);
  }
  ret |= cipher.Encrypt(b0, ccm->mac);
  ccm->mac_fill = 0;

  // The additional data starts with its length: 2 bytes below 2^16 - 2^8,
  // else 0xff 0xfe and 4 bytes below 2^32, else 0xff 0xff and 8 bytes.
  if (ad_length > 0) {
    uint8_t encoded[10];
    size_t prefix = 0;
    size_t encoded_length = 2;
    if (ad_length >= 0xFF00) {
      encoded[0] = 0xFF;
      encoded[1] = ad_length <= 0xFFFFFFFF ? 0xFE : 0xFF;
      prefix = 2;
      encoded_length = ad_length <= 0xFFFFFFFF ? 6 : 10;
    }
    uint64_t a = ad_length;
    for (size_t i = encoded_length; i > prefix; --i, a >>= 8) {
      encoded[i - 1] = static_cast<uint8_t>(a);
    }
    ret |= CbcMacAbsorb(ccm, cipher, encoded, encoded_length);
  }

  // A0 = (L - 1) || N || 0; S0 = E_K(A0) masks the tag, A1.. the message.
  uint8_t* a0 = state->ctr.counter;
  std::memset(a0, 0, kAeadBlockSize);
  a0[0] = static_cast<uint8_t>(l - 1);
  std::memcpy(a0 + 1, ccm->nonce, nonce_length);
  ret |= cipher.Encrypt(a0, ccm->tag_mask);
  state->ctr.width = static_cast<uint8_t>(l);
  state->ctr.used = kAeadBlockSize;
  ccm->started = 1;
  mbedtls_platform_zeroize(b0, sizeof(b0));
  return ret;
}

int CcmUpdateAd(builtin_aead_block_mode_t* state,
                const AeadBlockCipher& cipher, const uint8_t* input,
                size_t input_length) {
  return CbcMacAbsorb(&state->mode.ccm, cipher, input, input_length);
}

int CcmEndAd(builtin_aead_block_mode_t* state,
             const AeadBlockCipher& cipher) {
  return CbcMacPad(&state->mode.ccm, cipher);
}

int CcmUpdate(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher,
              bool encrypt, const uint8_t* input, uint8_t* output,
              size_t length) {
  builtin_aead_ccm_t* ccm = &state->mode.ccm;
  builtin_aead_ctr_t* ctr = &state->ctr;
  int ret = 0;
  // As for GCM, the keystream and the CBC-MAC block positions are in step.
  while (length > 0) {
    if (ctr->used == kAeadBlockSize && length >= kAeadBlockSize) {
      uint8_t in[kAeadBlockSize];
      uint8_t out[kAeadBlockSize];
      do {
        std::memcpy(in, input, kAeadBlockSize);
        ret |= NextKeystream(ctr, cipher);
        for (size_t i = 0; i < kAeadBlockSize; ++i) {
          out[i] = in[i] ^ ctr->keystream[i];
        }
        const uint8_t* plain = encrypt ? in : out;
        for (size_t i = 0; i < kAeadBlockSize; ++i) ccm->mac[i] ^= plain[i];
        ret |= cipher.Encrypt(ccm->mac, ccm->mac);
        std::memcpy(output, out, kAeadBlockSize);
        ctr->used = kAeadBlockSize;
        input += kAeadBlockSize;
        output += kAeadBlockSize;
        length -= kAeadBlockSize;
      } while (length >= kAeadBlockSize);
      mbedtls_platform_zeroize(in, sizeof(in));
      mbedtls_platform_zeroize(out, sizeof(out));
      continue;
    }
    if (ctr->used == kAeadBlockSize) ret |= NextKeystream(ctr, cipher);
    while (length > 0 && ctr->used < kAeadBlockSize) {
      const uint8_t in = *input++;
      const uint8_t out = in ^ ctr->keystream[ctr->used++];
      *output++ = out;
      ccm->mac[ccm->mac_fill++] ^= encrypt ? in : out;
      if (ccm->mac_fill == kAeadBlockSize) {
        ret |= cipher.Encrypt(ccm->mac, ccm->mac);
        ccm->mac_fill = 0;
      }
      --length;
    }
  }
  return ret;
}

int CcmFinish(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher,
              uint8_t tag[16]) {
  builtin_aead_ccm_t* ccm = &state->mode.ccm;
  const int ret = CbcMacPad(ccm, cipher);
  for (size_t i = 0; i < kAeadBlockSize; ++i) {
    tag[i] = ccm->mac[i] ^ ccm->tag_mask[i];
  }
  return ret;
}

}  // namespace drivers::builtin
