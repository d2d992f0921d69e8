#!/usr/bin/env bash
# Installs, from Debian 12's archive, everything this workspace needs to build
# and test, and what .ci/run needs for its remote cache. Nothing else is
# downloaded: Bazel and every library come from Debian packages (README.md,
# "Prerequisites").
#
# Idempotent and quiet: asks dpkg which packages are missing, and only then
# runs apt-get update + install. Prints one line per package it installed,
# nothing when all are present. Runs as root, or through sudo when available.
set -euo pipefail

readonly required_packages=(
  bazel-bootstrap    # Bazel 4.2.3 (.bazelversion, tools/bazel), with its JDK
  bazel-platforms    # @platforms (WORKSPACE)
  bazel-skylib       # @bazel_skylib (WORKSPACE)
  gcc
  g++
  libtsan2           # --config=tsan: gcc's ThreadSanitizer runtime (gcc pulls it in too)
  pkg-config         # link flags of @absl and @google_benchmark
  libmbedtls-dev     # @mbedtls: the builtin driver's primitives
  libabsl-dev        # @absl
  libgtest-dev       # @googletest
  libgmock-dev       # @googletest (gmock)
  libbenchmark-dev   # @google_benchmark
  nlohmann-json3-dev # @nlohmann_json: test vector files
  libssl-dev         # @openssl: differential tests (tests/vectors)
  python3-cryptography-vectors # @cryptography_vectors: NIST CAVP and RFC vectors (tests/vectors)
  clang-14           # --config=fuzz: the libFuzzer targets (tests/fuzz)
  libclang-rt-14-dev # --config=fuzz: libFuzzer, ASan and UBSan runtimes for clang
  valgrind           # tests/constant_time: memcheck on secrets marked undefined
  python3-matplotlib # //benchmarks:report: report.png
  nginx-light        # .ci/run: HTTP remote cache (WebDAV PUT)
  python3            # .ci/run: cache probe and execution log check
  git
  ca-certificates
)

is_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == "installed" ]]
}

missing=()
for package in "${required_packages[@]}"; do
  is_installed "${package}" || missing+=("${package}")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

as_root=()
if ((EUID != 0)); then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup: missing packages: ${missing[*]}" >&2
    echo "setup: run as root: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  as_root=(sudo)
fi

apt_log=$(mktemp)
policy_rc=/usr/sbin/policy-rc.d
created_policy_rc=false
cleanup() {
  rm -f "${apt_log}"
  if [[ "${created_policy_rc}" == true ]]; then
    "${as_root[@]}" rm -f "${policy_rc}"
  fi
}
trap cleanup EXIT

# Packages such as nginx-light would start their service (a web server on
# port 80) when installed. This workspace only needs their programs, so
# service starts are refused for the duration of the install, unless the
# machine already has a policy of its own.
# A policy file left by an interrupted run of this script is ours to manage.
if [[ -e "${policy_rc}" ]] && grep -q 'Written by tools/setup.sh' "${policy_rc}" 2>/dev/null; then
  created_policy_rc=true
elif [[ ! -e "${policy_rc}" ]]; then
  printf '#!/bin/sh\n# Written by tools/setup.sh during apt-get install; removed afterwards.\nexit 101\n' |
    "${as_root[@]}" tee "${policy_rc}" >/dev/null
  "${as_root[@]}" chmod 755 "${policy_rc}"
  created_policy_rc=true
fi

apt_get() {
  if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get -q -y -o DPkg::Lock::Timeout=600 "$@" >>"${apt_log}" 2>&1; then
    echo "setup: apt-get $1 failed; its output:" >&2
    tail -n 40 "${apt_log}" >&2
    exit 1
  fi
}

apt_get update
apt_get install --no-install-recommends "${missing[@]}"

for package in "${missing[@]}"; do
  if ! is_installed "${package}"; then
    echo "setup: ${package} is still not installed after apt-get install" >&2
    exit 1
  fi
  echo "setup: installed ${package} $(dpkg-query -W -f='${Version}' "${package}")"
done
