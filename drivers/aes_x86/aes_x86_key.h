/* The key material the aes_x86 driver keeps in its operation contexts:
 * the expanded AES key schedule and the GHASH key powers. Computed per
 * operation from the key buffer (no cache) and wiped with the operation.
 * Includable from C and C++. */

#ifndef DRIVERS_AES_X86_AES_X86_KEY_H_
#define DRIVERS_AES_X86_AES_X86_KEY_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An AES key schedule: rounds + 1 round keys (10, 12 or 14 rounds; the
 * unused slots zero), for
 * encryption, or for the equivalent inverse cipher (AESDEC) of decryption. */
typedef struct aes_x86_key_s {
  uint8_t round_keys[15][16] __attribute__((aligned(16)));
  uint32_t rounds;
} aes_x86_key_t;

/* GHASH key powers, byte-reflected: powers[i] = H^(16 - i), so that the
 * last n entries multiply n consecutive blocks. The AES-NI path computes
 * powers[8..15], the VAES path all 16. */
typedef struct aes_x86_ghash_key_s {
  uint8_t powers[16][16] __attribute__((aligned(16)));
} aes_x86_ghash_key_t;

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_AES_X86_AES_X86_KEY_H_ */
