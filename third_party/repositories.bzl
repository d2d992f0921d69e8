"""The Debian-provided libraries and data files this workspace builds against."""

load("//third_party:debian.bzl", "debian_library")
load("//third_party:debian_data.bzl", "debian_data")

def psa_third_party_repositories():
    """Declares @mbedtls, @absl, @googletest, @google_benchmark, @nlohmann_json, @openssl and @cryptography_vectors."""

    # Mbed TLS: only the static libmbedcrypto.a. The shared library would
    # silently bind any psa_* symbol the core lacks to Mbed TLS's own PSA
    # implementation; the archive makes that a link error instead.
    debian_library(
        name = "mbedtls",
        package = "libmbedtls-dev",
        versions = ["2.28."],
        static_libs = ["libmbedcrypto.a"],
        required_headers = ["mbedtls/version.h", "mbedtls/sha256.h"],
        build_file_content = """
package(default_visibility = ["//visibility:public"])

cc_import(
    name = "mbedcrypto_archive",
    static_library = "lib/libmbedcrypto.a",
)

cc_library(
    name = "mbedcrypto",
    deps = [":mbedcrypto_archive"],
)
""",
    )

    debian_library(
        name = "absl",
        package = "libabsl-dev",
        versions = ["20220623"],
        required_headers = ["absl/synchronization/mutex.h"],
        pkg_config = ["absl_synchronization", "absl_strings", "absl_str_format", "absl_flat_hash_map", "absl_span"],
        build_file_content = """
package(default_visibility = ["//visibility:public"])

# One target for the abseil libraries this workspace uses; the link line is
# pkg-config's.
cc_library(
    name = "absl",
    linkopts = {LINKOPTS},
)
""",
    )

    debian_library(
        name = "googletest",
        package = "libgmock-dev",
        versions = ["1.12."],
        static_libs = ["libgtest.a", "libgmock.a", "libgtest_main.a"],
        required_headers = ["gtest/gtest.h", "gmock/gmock.h"],
        extra_linkopts = ["-pthread"],
        build_file_content = """
package(default_visibility = ["//visibility:public"])

cc_import(name = "gtest_archive", static_library = "lib/libgtest.a")
cc_import(name = "gmock_archive", static_library = "lib/libgmock.a")
cc_import(name = "gtest_main_archive", static_library = "lib/libgtest_main.a")

cc_library(
    name = "gtest",
    linkopts = {LINKOPTS},
    deps = [":gmock_archive", ":gtest_archive"],
)

cc_library(
    name = "gtest_main",
    deps = [":gtest", ":gtest_main_archive"],
)
""",
    )

    debian_library(
        name = "google_benchmark",
        package = "libbenchmark-dev",
        versions = ["1.7."],
        static_libs = ["libbenchmark_main.a"],
        required_headers = ["benchmark/benchmark.h"],
        pkg_config = ["benchmark"],
        build_file_content = """
package(default_visibility = ["//visibility:public"])

cc_import(name = "benchmark_main_archive", static_library = "lib/libbenchmark_main.a")

cc_library(
    name = "benchmark",
    linkopts = {LINKOPTS},
)

cc_library(
    name = "benchmark_main",
    deps = [":benchmark_main_archive", ":benchmark"],
)
""",
    )

    debian_library(
        name = "nlohmann_json",
        package = "nlohmann-json3-dev",
        versions = ["3.11."],
        required_headers = ["nlohmann/json.hpp"],
        build_file_content = """
package(default_visibility = ["//visibility:public"])

# Header-only; the header is in /usr/include.
cc_library(name = "json")
""",
    )

    # OpenSSL 3's libcrypto: an implementation independent of the drivers,
    # for differential tests (tests/vectors, :crypto, testonly), and the
    # library under the drivers/openssl plug-in (:libcrypto).
    debian_library(
        name = "openssl",
        package = "libssl-dev",
        versions = ["3."],
        required_headers = ["openssl/evp.h", "openssl/provider.h"],
        pkg_config = ["libcrypto"],
        build_file_content = """
package(default_visibility = ["//visibility:public"])

# libcrypto as pkg-config links it; headers are in /usr/include.
cc_library(
    name = "crypto",
    testonly = True,
    linkopts = {LINKOPTS},
)

# The same library for drivers/openssl, the one shipped code that links it.
cc_library(
    name = "libcrypto",
    linkopts = {LINKOPTS},
)
""",
    )

    # The test vectors of pyca/cryptography: NIST CAVP response files and RFC
    # vectors, read by the symmetric suites of tests/vectors (never copied
    # into this workspace). Filegroups per primitive family; paths inside
    # are the package's, e.g. ciphers/AES/GCM/gcmDecrypt128.rsp.
    debian_data(
        name = "cryptography_vectors",
        package = "python3-cryptography-vectors",
        versions = ["38."],
        path = "/usr/lib/python3/dist-packages/cryptography_vectors",
        directories = ["asymmetric", "ciphers", "CMAC", "HMAC", "KDF"],
        build_file_content = """
package(default_visibility = ["//visibility:public"])

filegroup(name = "aes", testonly = True, srcs = glob(["ciphers/AES/**"]))

filegroup(name = "camellia", testonly = True, srcs = glob(["ciphers/Camellia/**"]))

filegroup(name = "tdes", testonly = True, srcs = glob(["ciphers/3DES/**"]))

filegroup(name = "chacha20", testonly = True, srcs = glob(["ciphers/ChaCha20/**"]))

filegroup(name = "chacha20_poly1305", testonly = True, srcs = glob(["ciphers/ChaCha20Poly1305/**"]))

filegroup(name = "cmac", testonly = True, srcs = glob(["CMAC/**"]))

filegroup(name = "hmac", testonly = True, srcs = glob(["HMAC/**"]))

filegroup(name = "kdf", testonly = True, srcs = glob(["KDF/**"]))

filegroup(name = "ecdsa", testonly = True, srcs = glob(["asymmetric/ECDSA/**"]))

filegroup(name = "rsa", testonly = True, srcs = glob(["asymmetric/RSA/**"]))

filegroup(name = "ecdh", testonly = True, srcs = glob(["asymmetric/ECDH/**"]))

filegroup(name = "x25519", testonly = True, srcs = ["asymmetric/X25519/rfc7748.txt"])

filegroup(name = "x448", testonly = True, srcs = ["asymmetric/X448/rfc7748.txt"])
""",
    )
