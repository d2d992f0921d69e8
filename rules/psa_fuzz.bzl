"""psa_fuzz_target: one libFuzzer target and its committed seed corpus.

With --config=fuzz (clang, libFuzzer, ASan + UBSan; see .bazelrc) the target
links libFuzzer's main and `bazel-bin/<package>/<name>` fuzzes:

    <name> -max_total_time=30 <writable dir> <package>/corpus/<name>

In every other build it links //tests/fuzz:replay_main instead, which runs the
target once on each corpus file, so that `bazel test //...` (gcc, and the asan
and ubsan configs) replays the corpus and its regressions/ as a test.
"""

load("@rules_cc//cc:defs.bzl", "cc_test")
load("//rules:copts.bzl", "PSA_COPTS")

def psa_fuzz_target(name, srcs, deps = [], corpus = None, copts = [], tags = [], **kwargs):
    """A cc_test that is a libFuzzer target under --config=fuzz and a corpus replay otherwise.

    Args:
      name: the target; its seed corpus is corpus/<name>/ (files, and regressions/).
      srcs: sources defining LLVMFuzzerTestOneInput.
      deps: what they need (a psa_crypto_library such as //psa:crypto for API targets).
      corpus: label list of the corpus files; default: glob(["corpus/<name>/**"]).
      copts: extra compiler flags.
      tags: extra tags; "fuzz_target" is always added (.ci/run's fuzz phase queries it).
      **kwargs: passed to cc_test (size, timeout...).
    """
    if corpus == None:
        corpus = native.glob(["corpus/%s/**" % name])
    if not corpus:
        fail("psa_fuzz_target %s: no seed corpus; commit a few files under corpus/%s/" % (name, name))
    cc_test(
        name = name,
        srcs = srcs,
        copts = PSA_COPTS + copts,
        data = corpus,
        args = ["$(rootpath %s)" % f for f in corpus],
        linkopts = select({
            "//tests/fuzz:libfuzzer": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        deps = deps + select({
            "//tests/fuzz:libfuzzer": [],
            "//conditions:default": ["//tests/fuzz:replay_main"],
        }),
        tags = tags + ["fuzz_target"],
        **kwargs
    )
