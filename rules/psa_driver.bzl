"""psa_driver: a PSA Crypto driver built from its JSON description.

Like proto_library + cc_proto_library turn a schema into C++, psa_driver runs
the generator (//rules/drivergen) over the driver description. It validates
the description (a wrong one stops the build with file:line:column and the
JSON path), generates a header with the exact prototype of every entry point
the description names, and compiles the driver's sources with that header
force-included, so that a function whose signature differs from the
specification fails to compile. A generated C file also compiles the
description's own headers against the prototypes.
"""

load("//rules:copts.bzl", "PSA_COPTS")
load("//rules:providers.bzl", "PsaDriverInfo")
load("//rules/private:cc.bzl", "CC_TOOLCHAIN_ATTRS", "compile_and_link")

def _psa_driver_impl(ctx):
    description = ctx.file.description
    glue_header = ctx.actions.declare_file(ctx.label.name + ".psa_driver.h")
    check_source = ctx.actions.declare_file(ctx.label.name + ".psa_driver_check.c")
    glue_include = glue_header.short_path

    args = ctx.actions.args()
    args.add("driver")
    args.add(ctx.label.name, format = "--name=%s")
    args.add(description, format = "--description=%s")
    args.add(glue_include, format = "--glue_include=%s")
    args.add(glue_header, format = "--header_out=%s")
    args.add(check_source, format = "--check_out=%s")
    if not ctx.files.srcs:
        # The entry points are compiled elsewhere (deps), without the
        # force-included prototypes: require the headers to declare them.
        args.add("--require_declarations=true")
    ctx.actions.run(
        executable = ctx.executable._drivergen,
        arguments = [args],
        inputs = [description],
        outputs = [glue_header, check_source],
        mnemonic = "PsaDriverGlue",
        progress_message = "Validating PSA driver description %s" % description.short_path,
    )

    deps = [ctx.attr._api[CcInfo]] + [d[CcInfo] for d in ctx.attr.deps]
    cc_info = compile_and_link(
        ctx,
        name = ctx.label.name,
        srcs = ctx.files.srcs + [check_source],
        public_hdrs = ctx.files.hdrs + [glue_header],
        deps = deps,
        user_compile_flags = PSA_COPTS + ctx.attr.copts + ["-include", glue_header.path],
        defines = ctx.attr.defines,
    )
    return [
        DefaultInfo(files = depset([glue_header])),
        cc_info,
        PsaDriverInfo(
            name = ctx.label.name,
            description = description,
            glue_header = glue_header,
            glue_include = glue_include,
        ),
    ]

psa_driver = rule(
    implementation = _psa_driver_impl,
    doc = "A PSA Crypto driver: C-linkage entry points plus a JSON driver description.",
    attrs = dict(CC_TOOLCHAIN_ATTRS, **{
        "description": attr.label(
            mandatory = True,
            allow_single_file = [".json"],
            doc = "The JSON driver description (PSA Cryptoprocessor Driver Interface).",
        ),
        "srcs": attr.label_list(
            allow_files = [".c", ".cc", ".cpp", ".h"],
            doc = "Sources of the entry points; compiled with the generated prototypes force-included.",
        ),
        "hdrs": attr.label_list(
            allow_files = [".h"],
            doc = "The headers the description lists (context types, declarations).",
        ),
        "deps": attr.label_list(
            providers = [CcInfo],
            doc = "Libraries the driver uses (for example a cc_library holding the entry points).",
        ),
        "copts": attr.string_list(doc = "Extra compiler flags for the driver's sources."),
        "defines": attr.string_list(doc = "Preprocessor definitions, propagated to the dispatch."),
        "_api": attr.label(default = Label("//psa/include:api")),
        "_drivergen": attr.label(
            default = Label("//rules/drivergen"),
            executable = True,
            cfg = "exec",
        ),
    }),
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
)
