"""Analysis tests of renamed_static_library: outputs, providers, and misuse."""

load("@bazel_skylib//lib:unittest.bzl", "analysistest", "asserts")
load(":renamed_archive.bzl", "RenamedArchiveInfo")

def _renamed_archive_providers_test_impl(ctx):
    env = analysistest.begin(ctx)
    target = analysistest.target_under_test(env)
    info = target[RenamedArchiveInfo]
    asserts.equals(env, "mbedtls228_", info.prefix)
    asserts.equals(env, "libmbedcrypto228.a", info.archive.basename)
    asserts.equals(env, "mbedtls228_rename.h", info.header.basename)
    libraries = [
        library.static_library
        for linker_input in target[CcInfo].linking_context.linker_inputs.to_list()
        for library in linker_input.libraries
    ]
    asserts.equals(env, [info.archive], libraries)
    asserts.equals(env, [info.header], target[CcInfo].compilation_context.headers.to_list())
    actions = [a for a in analysistest.target_actions(env) if a.mnemonic == "RenameArchiveSymbols"]
    asserts.equals(env, 1, len(actions))
    return analysistest.end(env)

renamed_archive_providers_test = analysistest.make(_renamed_archive_providers_test_impl)

def _bad_prefix_test_impl(ctx):
    env = analysistest.begin(ctx)
    asserts.expect_failure(env, "prefix must be letters, digits and underscores ending in \"_\"")
    asserts.expect_failure(env, "got \"mbedtls228\"")
    return analysistest.end(env)

bad_prefix_test = analysistest.make(_bad_prefix_test_impl, expect_failure = True)
