/* The states of the aes_x86 driver's authenticated modes (GCM, CCM, CMAC),
 * embedded in the operation contexts of aes_x86.h, and their functions
 * (C++). Each state holds the key schedule computed at setup; all of it is
 * wiped with the operation. Includable from C (the types only). */

#ifndef DRIVERS_AES_X86_AES_X86_MODES_H_
#define DRIVERS_AES_X86_AES_X86_MODES_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/aes_x86/aes_x86_cpu.h"
#include "drivers/aes_x86/aes_x86_key.h"

#ifdef __cplusplus
extern "C" {
#endif

/* GCM (NIST SP 800-38D). */
typedef struct aes_x86_gcm_s {
  aes_x86_key_t key;
  aes_x86_ghash_key_t h;
  uint8_t x[16];         /* GHASH accumulator, byte-reflected */
  uint8_t counter[16];   /* next counter block */
  uint8_t tag_mask[16];  /* E_K(J0) */
  uint8_t partial[16];   /* additional data or ciphertext of the open block */
  uint8_t keystream[16]; /* E_K of the counter block of the open text block */
  uint64_t ad_length;    /* bytes absorbed */
  uint64_t text_length;  /* bytes absorbed */
  uint8_t partial_length;
  uint8_t in_text; /* 1 once the message started (additional data closed) */
  uint8_t path;    /* aes_x86_path_t */
} aes_x86_gcm_t;

/* CCM (NIST SP 800-38C, RFC 3610). */
typedef struct aes_x86_ccm_s {
  aes_x86_key_t key;
  uint8_t mac[16];       /* CBC-MAC chaining value */
  uint8_t counter[16];   /* next counter block A_i */
  uint8_t tag_mask[16];  /* E_K(A_0) */
  uint8_t partial[16];   /* bytes of the block the CBC-MAC has open */
  uint8_t keystream[16]; /* E_K(A_i) of the open text block */
  uint64_t ad_remaining;   /* declared additional data not passed yet */
  uint64_t text_remaining; /* declared message not passed yet */
  uint8_t partial_length;
  uint8_t keystream_used; /* 16: none left */
  uint8_t in_text;
  uint8_t path;
} aes_x86_ccm_t;

/* CMAC (NIST SP 800-38B). */
typedef struct aes_x86_cmac_s {
  aes_x86_key_t key;
  uint8_t k1[16];
  uint8_t k2[16];
  uint8_t mac[16];
  uint8_t partial[16];    /* the last block, held back until finish */
  uint8_t partial_length; /* 0..16 */
} aes_x86_cmac_t;

#ifdef __cplusplus
}

namespace aes_x86 {

// GCM. GcmStart keys the state (false: bad key length) and sets the nonce
// (any length >= 1); `expected_blocks` (the message and additional data
// blocks, or 0 if unknown) bounds how many GHASH powers are worth
// computing. Additional data first (GcmAad, any fragments), then the text
// (GcmCrypt, any fragments; in place allowed), then GcmTag.
bool GcmStart(aes_x86_gcm_t* gcm, aes_x86_path_t path, const uint8_t* key, size_t key_length, const uint8_t* nonce,
              size_t nonce_length, size_t expected_blocks);
void GcmAad(aes_x86_gcm_t* gcm, const uint8_t* data, size_t length);
void GcmCrypt(aes_x86_gcm_t* gcm, bool encrypt, const uint8_t* in, uint8_t* out, size_t length);
void GcmTag(aes_x86_gcm_t* gcm, uint8_t tag[16]);

// CCM. CcmStart keys the state and takes the nonce (7..13 bytes), the tag
// length and the total lengths (the caller checks them); then CcmAad with
// exactly ad_length bytes in all, CcmCrypt with exactly text_length, and
// CcmTag. Returns false for a bad key length.
bool CcmStart(aes_x86_ccm_t* ccm, aes_x86_path_t path, const uint8_t* key, size_t key_length, const uint8_t* nonce,
              size_t nonce_length, size_t tag_length, uint64_t ad_length, uint64_t text_length);
void CcmAad(aes_x86_ccm_t* ccm, const uint8_t* data, size_t length);
void CcmCrypt(aes_x86_ccm_t* ccm, bool encrypt, const uint8_t* in, uint8_t* out, size_t length);
void CcmTag(aes_x86_ccm_t* ccm, uint8_t tag[16]);

// CMAC. Returns false for a bad key length.
bool CmacStart(aes_x86_cmac_t* cmac, const uint8_t* key, size_t key_length);
void CmacUpdate(aes_x86_cmac_t* cmac, const uint8_t* data, size_t length);
void CmacFinish(aes_x86_cmac_t* cmac, uint8_t mac[16]);

}  // namespace aes_x86
#endif

#endif /* DRIVERS_AES_X86_AES_X86_MODES_H_ */
