#!/bin/bash
# Persistent keys across processes, and corrupted key files.
#
# Each persistence_tool run is a separate process with the same
# PSA_CRYPTO_STORAGE_DIR: a key only survives through its file.
#   1. create: persistent keys (imported and generated) and a volatile key;
#   2. check: a new process reads every key back, byte for byte; the
#      volatile key is gone; existing ids cannot be created again;
#   3. destroy;
#   4. check-gone: every id is PSA_ERROR_INVALID_HANDLE; no key file is left.
# Then, for each way of damaging a key file (flipped bytes in every field,
# truncations, appended bytes, another key's file, a future format version
# with a valid checksum, an empty file): the next process gets
# PSA_ERROR_DATA_CORRUPT or PSA_ERROR_STORAGE_FAILURE, never a key; with the
# original file restored, the key reads back intact.
#
# Key file layout (psa/core/storage/key_file_format.h, version 1): magic
# [0,8), version [8,12), id [12,16), lifetime [16,20), type [20,22), bits
# [22,24), usage [24,28), algorithm [28,32), N [32,36), key buffer [36,36+N),
# SHA-256 [36+N, 68+N). Files are <dir>/key-<8 hex digits>.psakey.

set -euo pipefail

tool="$1"
base="${TEST_TMPDIR:-$(mktemp -d)}"
export PSA_CRYPTO_STORAGE_DIR="$base/storage"
work="$base/work"
rm -rf "$PSA_CRYPTO_STORAGE_DIR" "$work"
mkdir -p "$work"

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

run() {
  echo "--- persistence_tool $*"
  if ! "$tool" "$@"; then
    fail "persistence_tool $*"
  fi
}

# --- Keys across processes ---
run create "$work"
run check "$work"
run check "$work"
run destroy
run check-gone
leftover=$(find "$PSA_CRYPTO_STORAGE_DIR" -name 'key-*.psakey' 2>/dev/null | wc -l)
if [[ "$leftover" != 0 ]]; then
  fail "$leftover key file(s) left after destroying every key:"
  ls -la "$PSA_CRYPTO_STORAGE_DIR" >&2
fi

# --- Corrupted key files ---
id=201
other=202
file="$PSA_CRYPTO_STORAGE_DIR/key-00000$id.psakey"
other_file="$PSA_CRYPTO_STORAGE_DIR/key-00000$other.psakey"
pristine="$work/pristine.psakey"

run create-one "$other"
run create-one "$id"
if [[ ! -f "$file" ]]; then
  fail "no key file $file; the storage directory holds:"
  ls -la "$PSA_CRYPTO_STORAGE_DIR" >&2
  exit 1
fi
cp "$file" "$pristine"
size=$(stat -c %s "$pristine")
key_buffer_length=$((size - 68))
echo "key file: $size bytes, key buffer $key_buffer_length bytes"

# Writes `count` bytes of `hex` at `offset` of the key file.
patch_bytes() {
  local offset="$1" hex="$2"
  printf "$(echo "$hex" | sed 's/../\\x&/g')" |
    dd of="$file" bs=1 seek="$offset" conv=notrunc status=none
}

# XORs the byte at `offset` with 0x01.
flip_byte() {
  local offset="$1"
  local byte
  byte=$(od -An -tx1 -j "$offset" -N1 "$file" | tr -d ' \n')
  patch_bytes "$offset" "$(printf '%02x' $((0x$byte ^ 0x01)))"
}

# Replaces the trailing SHA-256 by that of the rest of the file.
rehash() {
  local body=$((size - 32))
  local digest
  digest=$(head -c "$body" "$file" | sha256sum | cut -c1-64)
  patch_bytes "$body" "$digest"
}

expect_corrupt() {
  local what="$1"
  echo "--- corruption: $what"
  if ! "$tool" expect-corrupt "$id"; then
    fail "corruption not detected: $what"
  fi
  cp "$pristine" "$file"
  if ! "$tool" expect-intact "$id"; then
    fail "restored file not readable after: $what"
  fi
}

for offset in 0 7 8 11 12 15 16 20 22 24 28 32 35 36 $((36 + key_buffer_length / 2)) \
              $((35 + key_buffer_length)) $((36 + key_buffer_length)) $((size - 1)); do
  cp "$pristine" "$file"
  flip_byte "$offset"
  expect_corrupt "byte $offset flipped"
done

cp "$pristine" "$file"
truncate -s $((size - 1)) "$file"
expect_corrupt "last byte cut"

cp "$pristine" "$file"
truncate -s $((size / 2)) "$file"
expect_corrupt "truncated to half"

cp "$pristine" "$file"
truncate -s 36 "$file"
expect_corrupt "header only"

cp "$pristine" "$file"
truncate -s 0 "$file"
expect_corrupt "empty file"

cp "$pristine" "$file"
printf '\x00' >> "$file"
expect_corrupt "one byte appended"

cp "$pristine" "$file"
cat "$pristine" >> "$file"
expect_corrupt "file twice"

# A complete, valid file of another key under this key's name.
cp "$other_file" "$file"
expect_corrupt "the file of key $other"

# A future format version whose checksum is right: unknown versions are
# refused, not guessed at.
cp "$pristine" "$file"
patch_bytes 8 02000000
rehash
expect_corrupt "format version 2 with a valid checksum"

# The key file's length field disagreeing with the file, checksum valid.
cp "$pristine" "$file"
patch_bytes 32 "$(printf '%02x' $((key_buffer_length - 1)))000000"
rehash
expect_corrupt "key buffer length one short, checksum valid"

# Sanity of the harness: a rehash of an untouched file changes nothing.
cp "$pristine" "$file"
rehash
if ! cmp -s "$file" "$pristine"; then
  fail "the checksum is not a SHA-256 over the rest of the file as key_file_format.h documents"
fi

cp "$pristine" "$file"
run expect-intact "$id"
run destroy-one "$id"
run destroy-one "$other"

if [[ "$failures" != 0 ]]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "PASS"
