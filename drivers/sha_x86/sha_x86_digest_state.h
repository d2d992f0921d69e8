/* The state of one SHA-1, SHA-224 or SHA-256 computation of the sha_x86
 * driver, embedded in its hash and MAC operation contexts. Plain data
 * without pointers: an operation that holds it may be copied byte by byte
 * (psa_hash_clone does). Includable from C and C++. */

#ifndef DRIVERS_SHA_X86_SHA_X86_DIGEST_STATE_H_
#define DRIVERS_SHA_X86_SHA_X86_DIGEST_STATE_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sha_x86_digest_state_s {
  uint32_t h[8];        /* chaining value (SHA-1: h[0..5)) */
  uint64_t length;      /* bytes absorbed so far, the partial block included */
  uint8_t block[64];    /* the partial block: block[0..block_used) */
  uint8_t block_used;   /* 0..63 */
  uint8_t kind;         /* drivers::sha_x86::DigestKind; 0: not started */
} sha_x86_digest_state_t;

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_SHA_X86_SHA_X86_DIGEST_STATE_H_ */
