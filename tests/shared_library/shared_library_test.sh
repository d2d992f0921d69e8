#!/usr/bin/env bash
# libpsacrypto.so serves programs built outside Bazel: compile a C99 program
# with the system compiler against the shared library and the public
# headers, run it, and check that the library exports the PSA API only.
set -euo pipefail
library=$(realpath "$1")
include_dir=$(realpath "$2")
source=$(realpath "$3")
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT
cp "${library}" "${work}/libpsacrypto.so"
# A library built with --config=asan/ubsan needs the program to link the
# same sanitizer runtime.
sanitize=()
undefined=$(nm -D --undefined-only "${work}/libpsacrypto.so")
grep -q '__asan_' <<<"${undefined}" && sanitize+=(-fsanitize=address)
grep -q '__ubsan_' <<<"${undefined}" && sanitize+=(-fsanitize=undefined)
cc "${sanitize[@]}" -std=c99 -Wall -Wextra -pedantic -Werror -I"${include_dir}" "${source}" \
  -L"${work}" -lpsacrypto -Wl,-rpath,"${work}" -o "${work}/consumer"
"${work}/consumer"

# Exported symbols: every defined dynamic symbol is a psa_ function.
exported=$(nm -D --defined-only "${work}/libpsacrypto.so" | awk '{print $3}' | sed 's/@.*//' | sort -u)
unexpected=$(grep -v '^psa_' <<<"${exported}" || true)
if [[ -n "${unexpected}" ]]; then
  echo "libpsacrypto.so exports symbols outside the PSA API:" >&2
  echo "${unexpected}" >&2
  exit 1
fi
for required in psa_crypto_init psa_generate_random psa_hash_compute psa_hash_setup psa_hash_clone; do
  grep -qx "${required}" <<<"${exported}" || { echo "missing export ${required}" >&2; exit 1; }
done
echo "exports: $(wc -l <<<"${exported}") PSA functions, nothing else"
