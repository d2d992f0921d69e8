// PSA Crypto API 1.2 value conformance, compiled as C++17: the rows of
// values_table.inc are checked at compile time, with the exact type the
// specification gives each constant, then every check runs again at run time
// (conformance_checks.h).

#include <type_traits>

#include "conformance_checks.h"

namespace {

#define PSA_TEST_TYPED(type, expression, expected)                 \
    static_assert(std::is_same<decltype(expression), type>::value, \
                  "type of " #expression);                         \
    static_assert((expression) == (expected), "value of " #expression);
#define PSA_TEST_VALUE(expression, expected) \
    static_assert((expression) == (expected), "value of " #expression);
#include "values_table.inc"
#undef PSA_TEST_TYPED
#undef PSA_TEST_VALUE

}  // namespace

int main() { return psa_test_run_conformance("C++17"); }
