#!/usr/bin/env bash
# Tests gen_reference_check.sh: what it extracts from a small fixture (a
# multi-line macro, a multi-line prototype, a typedef and the header guard
# that it must skip), that it refuses input without PSA definitions, and
# that it finds all 252 macro names and 88 functions of the 1.2 reference.
set -euo pipefail

readonly generator="$1" reference="$2"
readonly work="${TEST_TMPDIR:-$(mktemp -d)}"
passed=0
failed=0

check() {  # check DESCRIPTION COMMAND...
  local description="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "FAIL: ${description}" >&2
    failed=$((failed + 1))
  fi
}

cat > "${work}/fixture.h" <<'FIXTURE'
#ifndef PSA_CRYPTO_H
#define PSA_CRYPTO_H
#define PSA_ONE_LINE ((psa_algorithm_t)0x1)
#define PSA_MULTI_LINE(a, b) \
    /* specification-defined value */
typedef uint32_t psa_algorithm_t;
psa_status_t psa_short(void);
psa_status_t psa_long(const uint8_t * input,
                      size_t input_length);
psa_key_attributes_t psa_returns_struct(void);
#define NOT_PSA_NAME 1
#endif
FIXTURE

"${generator}" "${work}/fixture.h" c "${work}/fixture.c"
check "checks PSA_ONE_LINE" grep -q -x '#ifndef PSA_ONE_LINE' "${work}/fixture.c"
check "checks PSA_MULTI_LINE" grep -q -x '#ifndef PSA_MULTI_LINE' "${work}/fixture.c"
check "skips the header guard" bash -c "! grep -q -x '#ifndef PSA_CRYPTO_H' '${work}/fixture.c'"
check "skips non-PSA macros" bash -c "! grep -q 'NOT_PSA_NAME' '${work}/fixture.c'"
check "names psa_short" grep -q -F '(void)sizeof(&psa_short);' "${work}/fixture.c"
check "names psa_long" grep -q -F '(void)sizeof(&psa_long);' "${work}/fixture.c"
check "names psa_returns_struct" grep -q -F '(void)sizeof(&psa_returns_struct);' "${work}/fixture.c"
check "copies the whole multi-line prototype" grep -q -x '                      size_t input_length);' "${work}/fixture.c"
check "counts 2 macros and 3 functions" grep -q -x '// 2 macro names and 3 functions.' "${work}/fixture.c"
check "no extern \"C\" in C" bash -c "! grep -q 'extern \"C\"' '${work}/fixture.c'"

"${generator}" "${work}/fixture.h" c++ "${work}/fixture.cc"
check "extern \"C\" in C++" grep -q -x 'extern "C" {' "${work}/fixture.cc"

printf '#define OTHER 1\nint f(void);\n' > "${work}/empty.h"
check "rejects a header without PSA definitions" \
  bash -c "! '${generator}' '${work}/empty.h' c '${work}/empty.c' 2>/dev/null"
check "rejects a bad language" \
  bash -c "! '${generator}' '${work}/fixture.h' fortran '${work}/x.f' 2>/dev/null"

"${generator}" "${reference}" c "${work}/reference.c"
check "finds the 252 macros and 88 functions of the 1.2 reference" \
  grep -q -x '// 252 macro names and 88 functions.' "${work}/reference.c"

echo "gen_reference_check.sh"
echo "${passed} passed, ${failed} failed"
[[ "${failed}" -eq 0 ]]
