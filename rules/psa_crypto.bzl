"""psa_crypto_library, psa_crypto_binary, psa_crypto_test.

A psa_crypto_library is the PSA Crypto core, the dispatch generated for one
selection of drivers, and those drivers. Its `drivers` list is the priority
order; the build flag --//drivers:enabled (or the `enabled` attribute) picks
which of them are built in.
"""

load("@bazel_skylib//rules:common_settings.bzl", "BuildSettingInfo")
load("@rules_cc//cc:defs.bzl", "cc_binary", "cc_test")
load("//rules:copts.bzl", "PSA_COPTS")
load("//rules:providers.bzl", "PsaCryptoLibraryInfo", "PsaDriverInfo")
load("//rules/private:cc.bzl", "CC_TOOLCHAIN_ATTRS", "compile_and_link")

def _selected_drivers(ctx):
    """The drivers to build in, in priority order.

    The `enabled` attribute is strict: every name must be offered. The
    --//drivers:enabled flag applies to every library of a build, so each
    library takes the names it offers, and fails only if none is left.
    """
    offered = [d[PsaDriverInfo].name for d in ctx.attr.drivers]
    if ctx.attr.enabled:
        for name in ctx.attr.enabled:
            if name not in offered:
                fail("driver \"%s\" is in `enabled` but %s does not offer it; it offers: %s" % (
                    name,
                    ctx.label,
                    ", ".join(offered),
                ))
        enabled = ctx.attr.enabled
    else:
        enabled = ctx.attr._enabled_flag[BuildSettingInfo].value
    selected = [d for d in ctx.attr.drivers if d[PsaDriverInfo].name in enabled]
    if not selected:
        fail("%s: none of the enabled drivers (%s) is offered here; enable at least one of: %s" % (
            ctx.label,
            ", ".join(enabled),
            ", ".join(offered),
        ))
    return selected

def _psa_crypto_library_impl(ctx):
    selected = _selected_drivers(ctx)

    source = ctx.actions.declare_file(ctx.label.name + ".dispatch.cc")
    table = ctx.actions.declare_file(ctx.label.name + ".dispatch_table.txt")
    args = ctx.actions.args()
    args.add("dispatch")
    args.add(source, format = "--source_out=%s")
    args.add(table, format = "--table_out=%s")
    for d in selected:
        info = d[PsaDriverInfo]
        args.add("--driver=%s:%s:%s" % (info.name, info.description.path, info.glue_include))
    ctx.actions.run(
        executable = ctx.executable._drivergen,
        arguments = [args],
        inputs = [d[PsaDriverInfo].description for d in selected],
        outputs = [source, table],
        mnemonic = "PsaDispatch",
        progress_message = "Generating PSA dispatch for %s (%s)" % (
            ctx.label,
            ", ".join([d[PsaDriverInfo].name for d in selected]),
        ),
    )

    # Link order: dispatch (alwayslink), core (alwayslink), then the drivers
    # in priority order and what they need.
    driver_cc_infos = [d[CcInfo] for d in selected]
    cc_info = compile_and_link(
        ctx,
        name = ctx.label.name + "_dispatch",
        srcs = [source],
        public_hdrs = [],
        deps = [ctx.attr._core[CcInfo]] + driver_cc_infos,
        user_compile_flags = PSA_COPTS,
        alwayslink = True,
    )
    return [
        DefaultInfo(files = depset([table]), runfiles = ctx.runfiles(files = [table])),
        cc_info,
        PsaCryptoLibraryInfo(
            drivers = [d[PsaDriverInfo].name for d in selected],
            dispatch_table = table,
            dispatch_source = source,
        ),
        OutputGroupInfo(
            dispatch_table = depset([table]),
            dispatch_source = depset([source]),
        ),
    ]

psa_crypto_library = rule(
    implementation = _psa_crypto_library_impl,
    doc = "The PSA Crypto core with the generated dispatch for a selection of drivers.",
    attrs = dict(CC_TOOLCHAIN_ATTRS, **{
        "drivers": attr.label_list(
            mandatory = True,
            providers = [PsaDriverInfo, CcInfo],
            doc = "psa_driver targets in priority order; put the builtin driver last.",
        ),
        "enabled": attr.string_list(
            doc = "Names of the drivers to build in; empty: the value of --//drivers:enabled.",
        ),
        "_enabled_flag": attr.label(default = Label("//drivers:enabled")),
        "_core": attr.label(default = Label("//psa/core")),
        "_drivergen": attr.label(
            default = Label("//rules/drivergen"),
            executable = True,
            cfg = "exec",
        ),
    }),
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
)

def psa_crypto_binary(name, library = "//psa:crypto", deps = [], copts = [], **kwargs):
    """A cc_binary linked against a psa_crypto_library (default: //psa:crypto)."""
    cc_binary(name = name, deps = deps + [library], copts = PSA_COPTS + copts, **kwargs)

# --- Tests, optionally with a selection of drivers set by a transition ---

def _enabled_transition_impl(settings, attr):
    return {"//drivers:enabled": attr.drivers_enabled}

_enabled_transition = transition(
    implementation = _enabled_transition_impl,
    inputs = [],
    outputs = ["//drivers:enabled"],
)

def _with_drivers_test_impl(ctx):
    binary = ctx.attr.binary
    if type(binary) == "list":
        binary = binary[0]
    executable = binary[DefaultInfo].files_to_run.executable
    out = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.symlink(output = out, target_file = executable, is_executable = True)
    runfiles = ctx.runfiles(files = [executable]).merge(binary[DefaultInfo].default_runfiles)
    return [DefaultInfo(executable = out, runfiles = runfiles)]

_with_drivers_test = rule(
    implementation = _with_drivers_test_impl,
    doc = "Runs a test binary built with --//drivers:enabled set to `drivers_enabled`.",
    attrs = {
        "binary": attr.label(cfg = _enabled_transition, executable = True, mandatory = True),
        "drivers_enabled": attr.string_list(mandatory = True),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
    },
    test = True,
)

def psa_crypto_test(name, library = "//psa:crypto", drivers_enabled = None, deps = [], copts = [], tags = [], **kwargs):
    """A cc_test linked against a psa_crypto_library.

    With `drivers_enabled`, the test (and its library) is built as if
    --//drivers:enabled had that value: the build flag itself is exercised.
    """
    test_deps = deps + [library, "@googletest//:gtest_main"]
    if drivers_enabled == None:
        cc_test(name = name, deps = test_deps, copts = PSA_COPTS + copts, tags = tags, **kwargs)
        return
    # Attributes of the test that runs, not of the binary it runs.
    test_attributes = {
        key: kwargs.pop(key)
        for key in ["size", "timeout", "flaky", "shard_count", "args", "env", "local"]
        if key in kwargs
    }
    cc_test(
        name = name + "_binary",
        deps = test_deps,
        copts = PSA_COPTS + copts,
        tags = tags + ["manual"],
        **kwargs
    )
    _with_drivers_test(
        name = name,
        binary = ":" + name + "_binary",
        drivers_enabled = drivers_enabled,
        tags = tags,
        **test_attributes
    )
