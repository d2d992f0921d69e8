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
required_exports=(
  psa_crypto_init psa_generate_random psa_hash_compute psa_hash_setup psa_hash_clone
  psa_mac_compute psa_mac_verify psa_mac_sign_setup psa_mac_verify_setup psa_mac_update
  psa_mac_sign_finish psa_mac_verify_finish psa_mac_abort
  psa_cipher_encrypt psa_cipher_decrypt psa_cipher_encrypt_setup psa_cipher_decrypt_setup
  psa_cipher_generate_iv psa_cipher_set_iv psa_cipher_update psa_cipher_finish psa_cipher_abort
  psa_aead_encrypt psa_aead_decrypt psa_aead_encrypt_setup psa_aead_decrypt_setup psa_aead_set_lengths
  psa_aead_generate_nonce psa_aead_set_nonce psa_aead_update_ad psa_aead_update psa_aead_finish
  psa_aead_verify psa_aead_abort
  psa_sign_hash psa_verify_hash psa_sign_message psa_verify_message
  psa_asymmetric_encrypt psa_asymmetric_decrypt
  psa_raw_key_agreement psa_key_agreement
  psa_key_derivation_setup psa_key_derivation_get_capacity psa_key_derivation_set_capacity
  psa_key_derivation_input_bytes psa_key_derivation_input_integer psa_key_derivation_input_key
  psa_key_derivation_key_agreement psa_key_derivation_output_bytes psa_key_derivation_output_key
  psa_key_derivation_verify_bytes psa_key_derivation_verify_key psa_key_derivation_abort
  psa_pake_setup psa_pake_set_role psa_pake_set_user psa_pake_set_peer psa_pake_set_context
  psa_pake_output psa_pake_input psa_pake_get_shared_key psa_pake_abort
)
for required in "${required_exports[@]}"; do
  grep -qx "${required}" <<<"${exported}" || { echo "missing export ${required}" >&2; exit 1; }
done
echo "exports: $(wc -l <<<"${exported}") PSA functions, nothing else"
