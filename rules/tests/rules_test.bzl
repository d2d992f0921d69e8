"""Analysis tests of the PSA rules: misuse fails with a message that says what to do."""

load("@bazel_skylib//lib:unittest.bzl", "analysistest", "asserts")
load("//rules:providers.bzl", "PsaCryptoLibraryInfo")

def _unknown_driver_enabled_test_impl(ctx):
    env = analysistest.begin(ctx)
    asserts.expect_failure(env, "driver \"no_such_driver\" is enabled")
    asserts.expect_failure(env, "it offers: test_b, builtin")
    return analysistest.end(env)

unknown_driver_enabled_test = analysistest.make(_unknown_driver_enabled_test_impl, expect_failure = True)

def _selection_follows_priority_test_impl(ctx):
    env = analysistest.begin(ctx)
    info = analysistest.target_under_test(env)[PsaCryptoLibraryInfo]
    # `enabled` lists builtin first, but the `drivers` order is the priority.
    asserts.equals(env, ["test_b", "builtin"], info.drivers)
    return analysistest.end(env)

selection_follows_priority_test = analysistest.make(_selection_follows_priority_test_impl)
