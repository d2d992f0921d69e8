#!/usr/bin/env bash
# Golden tests of the generator's diagnostics: every description (or list of
# descriptions, "<case>.1.json", "<case>.2.json", ...) under
# testdata/invalid must be rejected by `drivergen check` with exit status 1
# and exactly the messages in "<case>.expected".
set -euo pipefail
drivergen=$(realpath "$1")
# Run inside the case directory: messages name files as the build names them.
cd "$2"
dir=.
failures=0
cases=0
for expected in "${dir}"/*.expected; do
  name=$(basename "${expected}" .expected)
  mapfile -t files < <(cd "${dir}" && ls "${name}".json "${name}".[0-9].json 2>/dev/null | sort)
  if [[ ${#files[@]} -eq 0 ]]; then
    echo "FAIL ${name}: no description file"
    failures=$((failures + 1))
    continue
  fi
  cases=$((cases + 1))
  status=0
  actual=$("${drivergen}" check "${files[@]}" 2>&1) || status=$?
  if [[ ${status} -ne 1 ]]; then
    echo "FAIL ${name}: exit status ${status}, expected 1"
    failures=$((failures + 1))
  elif [[ "${actual}" != "$(cat "${expected}")" ]]; then
    echo "FAIL ${name}:"
    diff <(cat "${expected}") <(echo "${actual}") || true
    failures=$((failures + 1))
  elif [[ ${#files[@]} -eq 1 ]]; then
    # The mode the psa_driver rule runs must fail the same way and write
    # nothing, so that the build stops at the description.
    out=$(mktemp -d)
    status=0
    actual=$("${drivergen}" driver --name="${name}" --description="${files[0]}" --glue_include=g.h \
      --header_out="${out}/g.h" --check_out="${out}/c.c" 2>&1) || status=$?
    if [[ ${status} -ne 1 || "${actual}" != "$(cat "${expected}")" || -n "$(ls -A "${out}")" ]]; then
      echo "FAIL ${name}: driver mode: exit ${status}, output files: $(ls -A "${out}")"
      failures=$((failures + 1))
    fi
    rm -rf "${out}"
  fi
done
# Every description has an expectation.
for json in "${dir}"/*.json; do
  name=$(basename "${json}" .json)
  name=${name%.[0-9]}
  [[ -f "${dir}/${name}.expected" ]] || { echo "FAIL ${name}: no .expected file"; failures=$((failures + 1)); }
done
echo "${cases} golden cases, ${failures} failures"
[[ ${failures} -eq 0 && ${cases} -ge 20 ]]
