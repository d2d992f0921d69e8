#!/usr/bin/env bash
# The generator's output depends on its inputs only: two runs over the same
# description list give byte-identical files, and they equal what the build
# generated for the same list (//tests/generator:determinism_library).
set -euo pipefail
drivergen=$(realpath "$1")
built_source=$(realpath "$2")
built_table=$(realpath "$3")
shift 3
# Remaining arguments: NAME:DESCRIPTION:GLUE_INCLUDE, as the rule passes them.
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT
for run in 1 2; do
  mkdir -p "${work}/${run}"
  "${drivergen}" driver --name=test_a --description=drivers/test/test_a.json \
    --glue_include=drivers/test/test_a.psa_driver.h \
    --header_out="${work}/${run}/glue.h" --check_out="${work}/${run}/check.c"
  args=()
  for d in "$@"; do args+=("--driver=${d}"); done
  "${drivergen}" dispatch --source_out="${work}/${run}/dispatch.cc" \
    --table_out="${work}/${run}/table.txt" "${args[@]}"
done
for f in glue.h check.c dispatch.cc table.txt; do
  cmp "${work}/1/${f}" "${work}/2/${f}"
done
cmp "${work}/1/dispatch.cc" "${built_source}"
cmp "${work}/1/table.txt" "${built_table}"
# No timestamps or absolute paths in generated code.
if grep -nE '/work/|/tmp/|/home/|[0-9]{4}-[0-9]{2}-[0-9]{2}' "${work}/1/"*; then
  echo "generated files contain a path or a date" >&2
  exit 1
fi
echo "generated files are identical across runs and match the build's"
