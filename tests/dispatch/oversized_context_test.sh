#!/usr/bin/env bash
# A driver context that does not fit the public operation object is a
# compile-time error of the generated dispatch, and the message names the
# driver and its context type. The dispatch is generated as
# psa_crypto_library does it (drivergen driver, then drivergen dispatch) and
# compiled by hand, so that the expected failure is this test's result, not
# a broken build. A context of the same driver that fits compiles: the
# failure is the size and nothing else.
set -euo pipefail
drivergen=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT
mkdir -p "${work}/glue"
description=tests/dispatch/testdata/oversized_mac.json
"${drivergen}" driver --name=oversized_mac --description="${description}" \
  --glue_include=glue/oversized_mac.psa_driver.h --header_out="${work}/glue/oversized_mac.psa_driver.h" \
  --check_out="${work}/check.c"
"${drivergen}" dispatch --source_out="${work}/dispatch.cc" --table_out="${work}/table.txt" \
  --driver=oversized_mac:"${description}":glue/oversized_mac.psa_driver.h

compile() {  # compile [extra flags...]
  c++ -x c++ -std=c++17 -Wall -Werror -I. -Ipsa/include -I"${work}" "$@" -fsyntax-only "${work}/dispatch.cc" \
    2>"${work}/errors.txt"
}

compile -DTEST_OVERSIZED_CONTEXT_BYTES=64 ||
  { cat "${work}/errors.txt"; echo "FAIL: the dispatch does not compile with a context that fits"; exit 1; }
if compile; then
  echo "FAIL: a 4 KiB test_oversized_mac_operation_t compiled into the dispatch"
  exit 1
fi
expected="driver oversized_mac: test_oversized_mac_operation_t does not fit in psa_mac_operation_t"
grep -qF "${expected}" "${work}/errors.txt" ||
  { cat "${work}/errors.txt"; echo "FAIL: no error says \"${expected}\""; exit 1; }
echo "oversized context rejected: $(grep -m1 -F "${expected}" "${work}/errors.txt")"
