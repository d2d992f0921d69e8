"""Compiler warning flags of the project's own code, in one place."""

# Project code builds warning-free; -Werror keeps it so.
PSA_COPTS = [
    "-Wall",
    "-Wextra",
    "-Werror",
    "-Wno-unused-parameter",
]

# C sources additionally stay C99.
PSA_CONLY_COPTS = PSA_COPTS + ["-Wstrict-prototypes"]
