/* A plain C99 program built outside Bazel with the system compiler against
 * libpsacrypto.so and the public headers. */
#include <stdio.h>
#include <string.h>

#include "psa/crypto.h"

int main(void) {
  static const uint8_t kAbc[] = {'a', 'b', 'c'};
  static const uint8_t kExpected[] = {
      0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
      0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
  uint8_t digest[PSA_HASH_LENGTH(PSA_ALG_SHA_256)];
  size_t length = 0;
  psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;

  if (psa_hash_compute(PSA_ALG_SHA_256, kAbc, sizeof(kAbc), digest, sizeof(digest), &length) !=
      PSA_ERROR_BAD_STATE) {
    fprintf(stderr, "hashing before psa_crypto_init must fail with PSA_ERROR_BAD_STATE\n");
    return 1;
  }
  if (psa_crypto_init() != PSA_SUCCESS) return 1;
  if (psa_hash_setup(&operation, PSA_ALG_SHA_256) != PSA_SUCCESS ||
      psa_hash_update(&operation, kAbc, sizeof(kAbc)) != PSA_SUCCESS ||
      psa_hash_finish(&operation, digest, sizeof(digest), &length) != PSA_SUCCESS) {
    fprintf(stderr, "SHA-256 failed\n");
    return 1;
  }
  if (length != sizeof(kExpected) || memcmp(digest, kExpected, length) != 0) {
    fprintf(stderr, "wrong SHA-256 digest\n");
    return 1;
  }
  uint8_t random[16];
  if (psa_generate_random(random, sizeof(random)) != PSA_SUCCESS) return 1;
  printf("consumer: SHA-256 and random generation work through libpsacrypto.so\n");
  return 0;
}
