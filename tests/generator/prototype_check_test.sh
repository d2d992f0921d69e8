#!/usr/bin/env bash
# The generated per-driver header makes a driver whose entry point differs
# from the specified prototype fail to compile, in C and in C++ (psa_driver
# force-includes that header into the driver's sources).
set -euo pipefail
drivergen=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT
mkdir -p "${work}/glue"
"${drivergen}" driver --name=acme --description=tests/generator/testdata/acme.json \
  --glue_include=glue/acme.psa_driver.h --header_out="${work}/glue/acme.psa_driver.h" \
  --check_out="${work}/check.c"
includes=(-I. -Ipsa/include -I"${work}")
source=tests/generator/testdata/acme_driver.c

compile() {  # compile LANGUAGE [extra flags...]
  local language=$1
  shift
  local compiler=cc std=-std=c99
  if [[ ${language} == c++ ]]; then compiler=c++; std=-std=c++17; fi
  "${compiler}" -x "${language}" "${std}" -Wall -Werror "${includes[@]}" -include "${work}/glue/acme.psa_driver.h" \
    "$@" -c "${source}" -o "${work}/out.o" 2>"${work}/errors.txt"
}

for language in c c++; do
  compile "${language}" || { cat "${work}/errors.txt"; echo "FAIL: the matching driver does not compile as ${language}"; exit 1; }
  if compile "${language}" -DACME_WRONG_UPDATE; then
    echo "FAIL: a driver with a wrong acme_hash_update prototype compiled as ${language}"
    exit 1
  fi
  grep -q "acme_hash_update" "${work}/errors.txt" || { cat "${work}/errors.txt"; exit 1; }
  echo "${language}: mismatching prototype rejected: $(grep -m1 'error' "${work}/errors.txt")"
done
# The description's header is checked too: the generated check file compiles.
cc -std=c99 -Wall -Werror "${includes[@]}" -c "${work}/check.c" -o "${work}/check.o"

# A driver whose code is not compiled with the prototypes (psa_driver without
# srcs) must declare its entry points in its headers; acme.h declares none.
"${drivergen}" driver --name=acme --description=tests/generator/testdata/acme.json \
  --glue_include=glue/acme.psa_driver.h --header_out="${work}/glue/acme.psa_driver.h" \
  --check_out="${work}/strict_check.c" --require_declarations=true
if cc -std=c99 -Wall -Werror "${includes[@]}" -c "${work}/strict_check.c" -o "${work}/strict_check.o" \
    2>"${work}/errors.txt"; then
  echo "FAIL: entry points missing from the driver's headers were not reported"
  exit 1
fi
grep -q "acme_hash_compute" "${work}/errors.txt" || { cat "${work}/errors.txt"; exit 1; }
echo "undeclared entry points rejected: $(grep -m1 'error' "${work}/errors.txt")"
