"""Analysis tests of the PSA rules: misuse fails with a message that says what to do."""

load("@bazel_skylib//lib:unittest.bzl", "analysistest", "asserts")
load("//rules:providers.bzl", "PsaCryptoLibraryInfo")

def _unknown_driver_enabled_test_impl(ctx):
    env = analysistest.begin(ctx)
    asserts.expect_failure(env, "driver \"no_such_driver\" is in `enabled`")
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

def _flag_takes_offered_drivers_test_impl(ctx):
    env = analysistest.begin(ctx)
    info = analysistest.target_under_test(env)[PsaCryptoLibraryInfo]
    # --//drivers:enabled=test_a,builtin on a library without test_a.
    asserts.equals(env, ["builtin"], info.drivers)
    return analysistest.end(env)

flag_takes_offered_drivers_test = analysistest.make(
    _flag_takes_offered_drivers_test_impl,
    config_settings = {"//drivers:enabled": ["test_a", "builtin"]},
)

def _flag_offers_nothing_test_impl(ctx):
    env = analysistest.begin(ctx)
    asserts.expect_failure(env, "none of the enabled drivers (test_a) is offered here")
    return analysistest.end(env)

flag_offers_nothing_test = analysistest.make(
    _flag_offers_nothing_test_impl,
    expect_failure = True,
    config_settings = {"//drivers:enabled": ["test_a"]},
)
