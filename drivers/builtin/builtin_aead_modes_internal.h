// Streaming GCM (NIST SP 800-38D) and CCM (RFC 3610, NIST SP 800-38C) over
// the AES or Camellia block function of Mbed TLS or the driver's own ARIA
// (aria.h), for the builtin driver's multi-part AEAD operations and its
// single-part ARIA ones (builtin_aead.cc). Private to drivers/builtin.
//
// The functions keep their state in builtin_aead_block_mode_t and check no
// lengths or states: the entry points do. They process any fragment length
// without holding output back (the keystream and the partial hash block
// stay in the state) and read each input block before writing the output
// block, so input and output may be the same buffer. The functions that
// return int return 0 or an Mbed TLS error code of the block cipher.

#ifndef DRIVERS_BUILTIN_BUILTIN_AEAD_MODES_INTERNAL_H_
#define DRIVERS_BUILTIN_BUILTIN_AEAD_MODES_INTERNAL_H_

#include <cstddef>
#include <cstdint>

#include "drivers/builtin/builtin_aead.h"

namespace drivers::builtin {

inline constexpr size_t kAeadBlockSize = 16;

// Values of builtin_aead_operation_t::block_cipher.
enum AeadCipherId : uint8_t {
  kAeadCipherNone = 0,
  kAeadCipherAes = 1,
  kAeadCipherCamellia = 2,
  kAeadCipherAria = 3,  // aria.h, not Mbed TLS
};

// The block cipher of an operation: its key schedule and which cipher it is.
class AeadBlockCipher {
 public:
  AeadBlockCipher(builtin_aead_block_cipher_t* schedule, uint8_t id)
      : schedule_(schedule), id_(id) {}

  // Expands the encryption key schedule of `key` (key_bits 128, 192 or 256).
  int SetKey(const uint8_t* key, size_t key_bits);
  // out = E_K(in); in and out may be the same block.
  int Encrypt(const uint8_t in[16], uint8_t out[16]) const;
  // Releases the key schedule (Mbed TLS's free, or for ARIA a wipe: both
  // zeroize it).
  void Free();

 private:
  builtin_aead_block_cipher_t* schedule_;
  uint8_t id_;  // an AeadCipherId
};

// GCM. Call order: GcmSetKey, GcmStart, GcmUpdateAd*, GcmEndAd, GcmUpdate*,
// GcmFinish (GcmEndAd may be skipped when GcmUpdate is never called: GcmFinish
// ends the additional data itself).

// Computes the hash subkey H after the cipher key is set.
int GcmSetKey(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher);
// Derives J0 from a nonce of nonce_length >= 1 bytes and resets the hash.
int GcmStart(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher,
             const uint8_t* nonce, size_t nonce_length);
void GcmUpdateAd(builtin_aead_block_mode_t* state, const uint8_t* input,
                 size_t input_length);
// Pads the additional data to a block; called before the first GcmUpdate.
void GcmEndAd(builtin_aead_block_mode_t* state);
// Encrypts (encrypt = true) or decrypts `length` bytes of `input` to `output`.
int GcmUpdate(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher,
              bool encrypt, const uint8_t* input, uint8_t* output,
              size_t length);
// Writes the full 16-byte tag for `ad_length` and `text_length` total bytes.
void GcmFinish(builtin_aead_block_mode_t* state, uint64_t ad_length,
               uint64_t text_length, uint8_t tag[16]);

// CCM. The nonce (7..13 bytes) is stored in state->mode.ccm before CcmStart.
// Call order: CcmStart, CcmUpdateAd*, CcmEndAd, CcmUpdate*, CcmFinish.

// Builds B0 and A0 for the stored nonce, `tag_length` and the declared
// totals, and feeds B0 and the encoded AD length to the CBC-MAC. The caller
// has checked that text_length fits 15 - nonce_length bytes.
int CcmStart(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher,
             size_t tag_length, uint64_t ad_length, uint64_t text_length);
int CcmUpdateAd(builtin_aead_block_mode_t* state,
                const AeadBlockCipher& cipher, const uint8_t* input,
                size_t input_length);
// Pads the additional data to a block; called before the first CcmUpdate.
int CcmEndAd(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher);
int CcmUpdate(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher,
              bool encrypt, const uint8_t* input, uint8_t* output,
              size_t length);
// Writes the full 16-byte tag (its first tag_length bytes are the CCM tag).
int CcmFinish(builtin_aead_block_mode_t* state, const AeadBlockCipher& cipher,
              uint8_t tag[16]);

}  // namespace drivers::builtin

#endif  // DRIVERS_BUILTIN_BUILTIN_AEAD_MODES_INTERNAL_H_
