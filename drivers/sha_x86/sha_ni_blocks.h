// The SHA-1 and SHA-256 compression functions (FIPS 180-4, 6.1.2 and 6.2.2)
// with the x86 SHA extensions. Compiled with per-function target attributes:
// call them only when CpuHasShaNi() (code_path.h) is true.

#ifndef DRIVERS_SHA_X86_SHA_NI_BLOCKS_H_
#define DRIVERS_SHA_X86_SHA_NI_BLOCKS_H_

#include <stddef.h>
#include <stdint.h>

namespace drivers::sha_x86 {

// Absorbs `blocks` 64-byte blocks at `data` (any alignment) into the
// SHA-256 (and SHA-224) chaining value state[0..8) = H0..H7.
void Sha256BlocksShaNi(uint32_t state[8], const uint8_t* data, size_t blocks);

// Absorbs `blocks` 64-byte blocks at `data` into the SHA-1 chaining value
// state[0..5) = H0..H4.
void Sha1BlocksShaNi(uint32_t state[5], const uint8_t* data, size_t blocks);

}  // namespace drivers::sha_x86

#endif  // DRIVERS_SHA_X86_SHA_NI_BLOCKS_H_
