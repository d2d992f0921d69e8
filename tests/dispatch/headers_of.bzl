"""headers_of: the header files a cc_library exports, as files for `data`.

For tests that compile generated code by hand against the project's headers
(a compile failure being the expected result), where a source file of
another package is not visible but its public cc_library is.
"""

def _headers_of_impl(ctx):
    headers = depset(transitive = [d[CcInfo].compilation_context.headers for d in ctx.attr.deps])
    return [DefaultInfo(files = headers, runfiles = ctx.runfiles(transitive_files = headers))]

headers_of = rule(
    implementation = _headers_of_impl,
    doc = "The headers (transitive) of cc libraries, as default outputs and runfiles.",
    attrs = {
        "deps": attr.label_list(
            providers = [CcInfo],
            mandatory = True,
            doc = "(list[CcInfo]) libraries whose headers to collect",
        ),
    },
)
