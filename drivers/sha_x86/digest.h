// SHA-1, SHA-224 and SHA-256 over the SHA-NI compression functions
// (sha_ni_blocks.h): start, absorb, pad and finish a sha_x86_digest_state_t.
// Shared by the driver's hash and HMAC entry points. Callers check
// ActiveCodePath() (code_path.h) before starting a state.

#ifndef DRIVERS_SHA_X86_DIGEST_H_
#define DRIVERS_SHA_X86_DIGEST_H_

#include <stddef.h>
#include <stdint.h>

#include "drivers/sha_x86/sha_x86_digest_state.h"
#include "psa/crypto.h"

namespace drivers::sha_x86 {

enum class DigestKind : uint8_t {
  kNotStarted = 0,
  kSha1 = 1,
  kSha224 = 2,
  kSha256 = 3,
};

constexpr size_t kBlockLength = 64;     // all three
constexpr size_t kMaxDigestLength = 32;  // SHA-256

// The kind computing the hash `alg`, or kNotStarted if the driver does not
// implement it.
DigestKind DigestKindOf(psa_algorithm_t alg);

// 20, 28 or 32; 0 for kNotStarted.
size_t DigestLength(DigestKind kind);

// Sets `state` to the initial value of `kind` (not kNotStarted).
void DigestStart(sha_x86_digest_state_t* state, DigestKind kind);

// Absorbs input[0..length) into a started state. `input` may be null if
// `length` is 0.
void DigestUpdate(sha_x86_digest_state_t* state, const uint8_t* input,
                  size_t length);

// Pads, absorbs the padding and writes DigestLength(kind) bytes to `digest`
// (which may be any buffer of that size). The state is left used up (its
// caller wipes it).
void DigestFinish(sha_x86_digest_state_t* state, uint8_t* digest);

// Writes the digest of input[0..length) with `kind` to `digest`: start,
// update and finish on a stack state, wiped before returning.
void DigestOneShot(DigestKind kind, const uint8_t* input, size_t length,
                   uint8_t* digest);

// Overwrites `size` bytes at `buffer` with zeros in a way the optimizer
// keeps.
void Wipe(void* buffer, size_t size);

}  // namespace drivers::sha_x86

#endif  // DRIVERS_SHA_X86_DIGEST_H_
