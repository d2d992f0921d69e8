#!/usr/bin/env bash
# End to end: the psa command of the default build.
set -euo pipefail
psa=$(realpath "$1")

out=$("${psa}" selftest)
echo "${out}"
for mechanism in "hash MD5" "hash RIPEMD-160" "hash SHA-1" "hash SHA-224" "hash SHA-256" "hash SHA-384" \
                 "hash SHA-512" "random generation" "key AES-128 import/export" "key ECC P-256 public" \
                 "key generate ECC P-256" "key generate RSA-1024"; do
  grep -E "^${mechanism} +[^ ]+ +PASS$" <<<"${out}" >/dev/null || { echo "no PASS for ${mechanism}" >&2; exit 1; }
done
grep -q "^hash SHA-256 *builtin *PASS" <<<"${out}" || { echo "SHA-256 not served by builtin" >&2; exit 1; }

table=$("${psa}" drivers)
grep -q "builtin" <<<"${table}"
grep -q "hash_compute" <<<"${table}"

# psa hash agrees with the known SHA-256 of "abc".
digest=$(printf abc | "${psa}" hash sha256)
[[ "${digest}" == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -" ]]

random=$("${psa}" random 32)
[[ ${#random} -eq 64 ]]

# Bad arguments are usage errors.
if "${psa}" hash sha3 </dev/null 2>/dev/null; then exit 1; fi
if "${psa}" random -1 2>/dev/null; then exit 1; fi
echo "cli: ok"
