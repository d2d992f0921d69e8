#include "psa/core/constant_time.h"

namespace psa::core {

bool ConstantTimeEqual(const uint8_t* a, const uint8_t* b, size_t length) {
  // Volatile reads stop the compiler from turning the loop into memcmp or
  // from leaving it as soon as `difference` becomes non-zero.
  const volatile uint8_t* va = a;
  const volatile uint8_t* vb = b;
  uint8_t difference = 0;
  for (size_t i = 0; i < length; ++i) {
    difference |= static_cast<uint8_t>(va[i] ^ vb[i]);
  }
  // The barrier hides the accumulated value from the optimizer, so the
  // comparison below cannot be hoisted into the loop as an early exit.
  __asm__ volatile("" : "+r"(difference));
  return difference == 0;
}

bool ConstantTimeEqualWithLengths(const uint8_t* actual, size_t actual_length,
                                  const uint8_t* expected,
                                  size_t expected_length) {
  const size_t common =
      actual_length < expected_length ? actual_length : expected_length;
  const bool bytes_equal = ConstantTimeEqual(actual, expected, common);
  return bytes_equal && actual_length == expected_length;
}

}  // namespace psa::core
