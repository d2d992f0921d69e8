"""Providers of the PSA driver rules."""

PsaDriverInfo = provider(
    doc = "A PSA Crypto driver: its validated description and generated glue.",
    fields = {
        "name": "(string) the driver's name in a build: its target name, used by --//drivers:enabled",
        "description": "(File) the JSON driver description",
        "glue_header": "(File) generated header with the prototypes of the driver's entry points",
        "glue_include": "(string) the path under which the dispatch includes glue_header",
    },
)

PsaCryptoLibraryInfo = provider(
    doc = "A PSA Crypto library: the core, one build's dispatch and its drivers.",
    fields = {
        "drivers": "(list[string]) names of the selected drivers, in priority order",
        "dispatch_table": "(File) the human-readable dispatch table",
        "dispatch_source": "(File) the generated dispatch source",
    },
)
