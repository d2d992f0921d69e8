// Compiler and language portability helpers for the public PSA Crypto headers.
//
// The public headers compile as C99 and later, and as C++11 and later. This
// file holds what differs between those languages, so that the other headers
// stay plain. Names ending in an underscore are private to these headers.

#ifndef PSA_CRYPTO_PLATFORM_H_
#define PSA_CRYPTO_PLATFORM_H_

#include <stddef.h>

// Defined by this implementation's headers only. Build checks use it to prove
// that `#include "psa/crypto.h"` found these headers and not another
// implementation's (for example Mbed TLS's copy under /usr/include/psa).
#define PSA_CRYPTO_DRIVERS_IMPLEMENTATION 1

// PSA_ALIGNOF_(type): the alignment requirement of `type`, as an integer
// constant expression. C99 has no alignof operator: there it is the offset of
// a member of that type placed after a char.
#if defined(__cplusplus) && __cplusplus >= 201103L
#define PSA_ALIGNOF_(type) alignof(type)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define PSA_ALIGNOF_(type) _Alignof(type)
#else
#define PSA_ALIGNOF_(type) offsetof(struct { char c_; type t_; }, t_)
#endif

// PSA_STATIC_ASSERT_(condition, tag): a compile-time assertion at file scope.
// `tag` is an identifier naming the assertion; it must be unique in the
// program's headers because C99 has no static assertion and gets a typedef
// of an array whose size is negative when the condition is false.
#if defined(__cplusplus) && __cplusplus >= 201103L
#define PSA_STATIC_ASSERT_(condition, tag) static_assert(condition, #tag)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define PSA_STATIC_ASSERT_(condition, tag) _Static_assert(condition, #tag)
#else
#define PSA_STATIC_ASSERT_(condition, tag) \
    typedef char psa_static_assert_##tag##_[(condition) ? 1 : -1]
#endif

#endif  // PSA_CRYPTO_PLATFORM_H_
