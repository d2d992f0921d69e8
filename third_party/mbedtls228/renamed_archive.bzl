"""renamed_static_library: a private copy of a static archive with renamed symbols.

Two implementations of one API (Mbed TLS 2.28's own PSA Crypto inside
libmbedcrypto.a, and this project's) cannot be linked into one binary: their
psa_* and mbedtls_* symbols collide. This rule copies the archive with every
global symbol it defines renamed to `prefix` + name (`objcopy
--redefine-syms`; references between its members follow, references to libc
do not), and publishes a header of `#define name prefixname` lines: a source
that includes it before the archive's own headers calls the renamed copy
through the archive's unchanged API.
"""

load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

RenamedArchiveInfo = provider(
    doc = "A static archive whose defined symbols were renamed by renamed_static_library.",
    fields = {
        "archive": "(File) the renamed archive",
        "header": "(File) `#define name prefixname` for every renamed symbol",
        "symbol_map": "(File) the objcopy --redefine-syms map, `name prefixname` per line",
        "prefix": "(string) the prefix of every symbol the archive defines",
    },
)

def _renamed_static_library_impl(ctx):
    if not ctx.attr.prefix.endswith("_") or not ctx.attr.prefix.replace("_", "").isalnum():
        fail("prefix must be letters, digits and underscores ending in \"_\" (e.g. \"mbedtls228_\"), got \"%s\"" %
             ctx.attr.prefix)
    cc_toolchain = find_cpp_toolchain(ctx)
    archive = ctx.actions.declare_file("lib%s.a" % ctx.label.name)
    symbol_map = ctx.actions.declare_file(ctx.label.name + ".redefine_syms")
    header = ctx.actions.declare_file(ctx.attr.header_name or (ctx.label.name + "_rename.h"))

    args = ctx.actions.args()
    args.add(cc_toolchain.nm_executable)
    args.add(cc_toolchain.objcopy_executable)
    args.add(ctx.attr.prefix)
    args.add(ctx.file.archive)
    args.add(archive)
    args.add(symbol_map)
    args.add(header)
    ctx.actions.run(
        executable = ctx.executable._rename_tool,
        arguments = [args],
        inputs = depset([ctx.file.archive], transitive = [cc_toolchain.all_files]),
        outputs = [archive, symbol_map, header],
        mnemonic = "RenameArchiveSymbols",
        progress_message = "Renaming the symbols of %s to %s*" % (ctx.file.archive.short_path, ctx.attr.prefix),
    )

    feature_configuration = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    library = cc_common.create_library_to_link(
        actions = ctx.actions,
        feature_configuration = feature_configuration,
        cc_toolchain = cc_toolchain,
        static_library = archive,
    )
    linking_context = cc_common.create_linking_context(
        linker_inputs = depset([cc_common.create_linker_input(
            owner = ctx.label,
            libraries = depset([library]),
        )]),
    )
    compilation_context = cc_common.create_compilation_context(headers = depset([header]))
    return [
        DefaultInfo(files = depset([archive, header])),
        CcInfo(compilation_context = compilation_context, linking_context = linking_context),
        RenamedArchiveInfo(archive = archive, header = header, symbol_map = symbol_map, prefix = ctx.attr.prefix),
    ]

renamed_static_library = rule(
    implementation = _renamed_static_library_impl,
    doc = "A copy of a static archive with every symbol it defines renamed to `prefix` + name, " +
          "and the header of #defines that lets code compiled against the archive's own headers call it.",
    attrs = {
        "archive": attr.label(
            mandatory = True,
            allow_single_file = [".a"],
            doc = "The static archive to rename (e.g. \"@mbedtls//:lib/libmbedcrypto.a\").",
        ),
        "prefix": attr.string(
            mandatory = True,
            doc = "Prefix of every renamed symbol, ending in \"_\".",
        ),
        "header_name": attr.string(
            doc = "File name of the generated #define header; default `<name>_rename.h`. " +
                  "Sources include it by its package path, first.",
        ),
        "_rename_tool": attr.label(
            default = Label("//third_party/mbedtls228:rename_archive.sh"),
            allow_single_file = True,
            executable = True,
            cfg = "exec",
        ),
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
    },
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
    fragments = ["cpp"],
)
