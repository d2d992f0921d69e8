// FUZZ_CHECK: the fuzz targets' assertion. A violated property prints what
// was expected and aborts, which libFuzzer reports as a crash with the input.

#ifndef TESTS_FUZZ_FUZZ_CHECK_H_
#define TESTS_FUZZ_FUZZ_CHECK_H_

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(condition, ...)                                          \
  do {                                                                      \
    if (!(condition)) {                                                     \
      fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed: ", __FILE__, __LINE__, \
              #condition);                                                  \
      fprintf(stderr, __VA_ARGS__);                                         \
      fprintf(stderr, "\n");                                                \
      abort();                                                              \
    }                                                                       \
  } while (0)

// memcmp(a, b, n) == 0, for buffers that may be null when n is 0
// (std::vector::data() of an empty vector), where memcmp itself is undefined.
inline bool SameBytes(const void* a, const void* b, size_t n) { return n == 0 || memcmp(a, b, n) == 0; }

#endif  // TESTS_FUZZ_FUZZ_CHECK_H_
