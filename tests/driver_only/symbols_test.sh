#!/usr/bin/env bash
# Checks the defined symbols of the three selections' linked binaries:
#   $1 builtin_only, $2 ossl_then_builtin, $3 ossl_only.
set -euo pipefail

failures=0
symbols() { nm --defined-only "$1" | awk '{print $3}' | sort -u; }

# expect <binary> <label> present|absent <symbol or ^regex>...
expect() {
  local binary=$1 label=$2 mode=$3
  shift 3
  local table
  table=$(symbols "${binary}")
  local symbol found
  for symbol in "$@"; do
    if [[ "${symbol}" == ^* ]]; then
      found=$(grep -cE "${symbol}" <<<"${table}" || true)
    else
      found=$(grep -cxF "${symbol}" <<<"${table}" || true)
    fi
    if [[ "${mode}" == present && "${found}" == 0 ]]; then
      echo "FAIL ${label}: ${symbol} should be linked and is not"
      failures=$((failures + 1))
    elif [[ "${mode}" == absent && "${found}" != 0 ]]; then
      echo "FAIL ${label}: ${symbol} should be left out and is linked (${found}):"
      grep -E "${symbol#^}" <<<"${table}" | head -5 | sed 's/^/  /'
      failures=$((failures + 1))
    else
      echo "ok   ${label}: ${symbol} ${mode}"
    fi
  done
}

builtin_only=$1
ossl_then_builtin=$2
ossl_only=$3

# builtin alone: its hash, MAC and cipher code, and Mbed TLS under them.
expect "${builtin_only}" builtin_only present \
  builtin_hash_compute builtin_hash_setup builtin_mac_compute builtin_cipher_encrypt \
  mbedtls_sha256_update_ret mbedtls_md5_update_ret mbedtls_aes_setkey_enc
expect "${builtin_only}" builtin_only absent ossl_hash_compute

# ossl in front without fallback for every hash of builtin: builtin's hash
# entry points are left out; HMAC still needs Mbed TLS's SHA-256, ciphers AES.
expect "${ossl_then_builtin}" ossl_then_builtin absent \
  builtin_hash_compute builtin_hash_setup builtin_hash_update builtin_hash_finish builtin_hash_abort
expect "${ossl_then_builtin}" ossl_then_builtin present \
  ossl_hash_compute ossl_hash_setup builtin_mac_compute builtin_cipher_encrypt \
  mbedtls_sha256_update_ret mbedtls_aes_setkey_enc

# No builtin: no builtin code and no Mbed TLS code at all.
expect "${ossl_only}" ossl_only absent '^builtin_' '^mbedtls_'
expect "${ossl_only}" ossl_only present ossl_hash_compute ossl_hash_finish psa_hash_compute psa_mac_compute

if ((failures != 0)); then
  echo "${failures} symbol check(s) failed"
  exit 1
fi
echo "all symbol checks passed"
