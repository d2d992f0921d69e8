"""Shared C++ compilation helpers of the PSA rules (cc_common on Bazel 4.2)."""

load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

CC_TOOLCHAIN_ATTRS = {
    "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
}

def compile_and_link(ctx, name, srcs, public_hdrs, deps, user_compile_flags = [], defines = [], alwayslink = False):
    """Compiles `srcs` against `deps` (list of CcInfo) and returns the library's CcInfo.

    The returned CcInfo links this library before `deps`, in their order, so
    that it may reference symbols of later libraries.
    """
    cc_toolchain = find_cpp_toolchain(ctx)
    feature_configuration = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    compilation_context, compilation_outputs = cc_common.compile(
        name = name,
        actions = ctx.actions,
        feature_configuration = feature_configuration,
        cc_toolchain = cc_toolchain,
        srcs = srcs,
        public_hdrs = public_hdrs,
        compilation_contexts = [d.compilation_context for d in deps],
        user_compile_flags = user_compile_flags,
        defines = defines,
    )
    linking_context, _ = cc_common.create_linking_context_from_compilation_outputs(
        name = name,
        actions = ctx.actions,
        feature_configuration = feature_configuration,
        cc_toolchain = cc_toolchain,
        compilation_outputs = compilation_outputs,
        linking_contexts = [d.linking_context for d in deps],
        alwayslink = alwayslink,
    )
    merged = cc_common.merge_cc_infos(
        direct_cc_infos = [CcInfo(compilation_context = compilation_context)],
        cc_infos = deps,
    )
    return CcInfo(
        compilation_context = merged.compilation_context,
        linking_context = linking_context,
    )
