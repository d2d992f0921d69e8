// Comparisons whose running time does not depend on secret data.

#ifndef PSA_CORE_CONSTANT_TIME_H_
#define PSA_CORE_CONSTANT_TIME_H_

#include <stddef.h>
#include <stdint.h>

namespace psa::core {

// Returns true if a[0..length) equals b[0..length). Every byte of both
// buffers is read whatever the contents: the running time depends on `length`
// only, never on where the buffers differ. Buffers may be null if `length` is 0.
bool ConstantTimeEqual(const uint8_t* a, const uint8_t* b, size_t length);

// Returns true if `actual` and `expected` have the same length and the same
// contents. A length mismatch is not secret (lengths are public parameters),
// but the bytes are still compared in full, over the shorter length, so that
// the time spent does not reveal how much of a MAC or hash matched.
bool ConstantTimeEqualWithLengths(const uint8_t* actual, size_t actual_length,
                                  const uint8_t* expected,
                                  size_t expected_length);

}  // namespace psa::core

#endif  // PSA_CORE_CONSTANT_TIME_H_
