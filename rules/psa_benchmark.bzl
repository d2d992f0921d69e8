"""psa_driver_benchmark: a Google Benchmark target per driver.

Builds a psa_crypto_library with `driver` first and the builtin driver as the
fallback, and links the family benchmarks against it. The builtin driver's
own entry points, called directly, are measured in the same run as the
baseline, so that ratios compare like with like; the family benchmarks may
add other baselines through `deps` (//benchmarks: Mbed TLS 2.28's own PSA
implementation, renamed by //third_party/mbedtls228).
"""

load("@rules_cc//cc:defs.bzl", "cc_binary")
load("//rules:copts.bzl", "PSA_COPTS")
load("//rules:psa_crypto.bzl", "psa_crypto_library")

def psa_driver_benchmark(name, driver, srcs, deps = [], testonly = False, **kwargs):
    """Benchmark binary `name` measuring `driver` through the PSA API.

    Args:
      name: target name; `bazel run -c opt //benchmarks:<name>`.
      driver: the psa_driver label to measure.
      srcs: benchmark sources (one file per operation family).
      deps: extra dependencies.
      testonly: set for drivers that are testonly.
      **kwargs: passed to cc_binary.
    """
    driver_name = _driver_name(driver)
    drivers = [driver] if driver_name == "builtin" else [driver, "//drivers/builtin"]
    _benchmark(name, drivers, driver_name, srcs, deps, testonly, **kwargs)

def psa_selection_benchmark(name, drivers, srcs, selection_name, deps = [], testonly = False, **kwargs):
    """Benchmark binary `name` measuring a selection of drivers.

    The library is built as --//drivers:enabled=<drivers' names> would
    build it: `drivers` in that priority order (put //drivers/builtin last).

    Args:
      name: target name.
      drivers: psa_driver labels in priority order.
      srcs: benchmark sources.
      selection_name: BENCHMARKED_DRIVER of the sources (in row names and labels).
      deps: extra dependencies.
      testonly: set if a driver is testonly.
      **kwargs: passed to cc_binary.
    """
    _benchmark(name, drivers, selection_name, srcs, deps, testonly, **kwargs)

def _driver_name(label):
    return label.split(":")[-1] if ":" in label else label.split("/")[-1]

def _benchmark(name, drivers, benchmarked, srcs, deps, testonly, **kwargs):
    psa_crypto_library(
        name = name + "_library",
        drivers = drivers,
        enabled = [_driver_name(d) for d in drivers],
        testonly = testonly,
    )
    cc_binary(
        name = name,
        srcs = srcs,
        copts = PSA_COPTS,
        local_defines = ['BENCHMARKED_DRIVER=\\"%s\\"' % benchmarked],
        testonly = testonly,
        deps = deps + [
            ":" + name + "_library",
            "//drivers/builtin:builtin_aead_impl",
            "//drivers/builtin:builtin_cipher_impl",
            "//drivers/builtin:builtin_hash_impl",
            "//drivers/builtin:builtin_mac_impl",
            "//psa/core:dispatch_api",
            "@google_benchmark//:benchmark_main",
        ],
        **kwargs
    )
