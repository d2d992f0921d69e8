#!/bin/sh
# Persistent keys across processes: every step below is a new process of
# key_file_tool on the directory $PSA_CRYPTO_STORAGE_DIR (which no process
# has created yet: the first writer does).
#
# usage: two_process_test.sh KEY_FILE_TOOL
set -eu

tool="$1"
: "${TEST_TMPDIR:?}"
export PSA_CRYPTO_STORAGE_DIR="$TEST_TMPDIR/psa-keys"
dir="$PSA_CRYPTO_STORAGE_DIR"
rm -rf "$dir"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

key_file() {
  printf '%s/key-%08x.psakey' "$dir" "$1"
}

# 1. One process writes keys; later processes read them back, twice.
"$tool" write 1 20 0 || fail "writer process"
[ -d "$dir" ] || fail "the writer did not create $dir"
"$tool" verify 1 20 0 || fail "first reader process"
"$tool" verify 1 20 0 || fail "second reader process"
# A store in another process refuses to overwrite them.
"$tool" write 1 1 9 2>/dev/null && fail "a second process overwrote key 1"
"$tool" verify 1 1 0 || fail "key 1 changed after a refused overwrite"

# 2. A file corrupted between processes: the reader says DATA_CORRUPT (-152)
#    and never returns the key; the other keys still load.
file="$(key_file 5)"
cp "$file" "$TEST_TMPDIR/key5.saved"
byte="$(od -An -tu1 -j40 -N1 "$file" | tr -d ' ')"
printf "\\$(printf '%03o' $((255 - byte)))" |
  dd of="$file" bs=1 seek=40 conv=notrunc 2>/dev/null
[ "$("$tool" status 5)" = "-152" ] || fail "a corrupted key 5 did not give DATA_CORRUPT"
"$tool" verify 1 4 0 || fail "keys 1-4 after key 5 was corrupted"
"$tool" verify 6 15 0 || fail "keys 6-20 after key 5 was corrupted"
cp "$TEST_TMPDIR/key5.saved" "$file"
"$tool" verify 5 1 0 || fail "key 5 restored"

# 3. Removed by one process, missing for the next (DOES_NOT_EXIST is -140).
"$tool" remove 11 10 || fail "remover process"
for id in 11 15 20; do
  [ "$("$tool" status "$id")" = "-140" ] || fail "key $id still exists after removal"
done
"$tool" verify 1 10 0 || fail "keys 1-10 after removing 11-20"

# 4. Eight processes write disjoint ranges of the same directory at once.
pids=""
for w in 0 1 2 3 4 5 6 7; do
  "$tool" write $((100 + 50 * w)) 50 0 &
  pids="$pids $!"
done
for pid in $pids; do
  wait "$pid" || fail "a concurrent writer failed"
done
"$tool" verify 100 400 0 || fail "keys written by concurrent processes"

# 5. Four processes race to store the same 50 ids, each with its own key
#    material: for every id exactly one wins, and the file holds its key.
pids=""
for tag in 1 2 3 4; do
  "$tool" race 1000 50 "$tag" >"$TEST_TMPDIR/race.$tag" &
  pids="$pids $!"
done
for pid in $pids; do
  wait "$pid" || fail "a racing process failed"
done
id=1000
while [ "$id" -lt 1050 ]; do
  winners=""
  for tag in 1 2 3 4; do
    if grep -qx "$id stored" "$TEST_TMPDIR/race.$tag"; then winners="$winners $tag"; fi
    grep -qx "$id stored\|$id exists" "$TEST_TMPDIR/race.$tag" ||
      fail "racer $tag has no result for $id"
  done
  set -- $winners
  [ "$#" -eq 1 ] || fail "id $id has winners:$winners"
  "$tool" verify "$id" 1 "$1" || fail "id $id does not hold its winner's key"
  id=$((id + 1))
done

# 6. A writer dies after writing its temporary file, before the rename: the
#    key does not exist for the next process, whose start-up cleanup removes
#    the orphaned temporary file (key material) and which can store the key.
status=0
"$tool" crash 2000 5 || status=$?
[ "$status" -eq 3 ] || fail "the crashing writer exited with $status, not 3"
ls -A "$dir" | grep -q '^\.key-000007d0\.psakey\.tmp-' || fail "the crash left no temporary file"
[ "$("$tool" status 2000)" = "-140" ] || fail "a crashed store left key 2000"
[ "$("$tool" clean)" = "1" ] || fail "clean did not remove exactly the orphaned temporary file"
[ "$("$tool" clean)" = "0" ] || fail "a second clean removed something"
"$tool" write 2000 1 5 || fail "storing key 2000 after the crash"
"$tool" verify 2000 1 5 || fail "key 2000 after the crash"

# 7. No temporary file is left, and nothing but key files is there.
leftovers="$(ls -A "$dir" | grep -v '^key-[0-9a-f]\{8\}\.psakey$' || true)"
[ -z "$leftovers" ] || fail "files left in $dir: $leftovers"
count="$(ls -A "$dir" | wc -l)"
[ "$count" -eq $((10 + 400 + 50 + 1)) ] || fail "expected 461 key files, found $count"

echo "PASS"
