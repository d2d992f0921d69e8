#!/usr/bin/python3
"""Small checks for .ci/run that are awkward in bash. Standard library only.

Subcommands:
  free-port                 print a TCP port that is free on 127.0.0.1
  probe-cache URL           PUT a random blob under URL, GET it back, compare
  check-exec-log LOG        check that every cacheable spawn in a Bazel
                            --execution_log_json_file was a remote cache hit
  test-results DIR          count test cases in the test.xml files under DIR
"""

import collections
import json
import os
import socket
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree

# Mnemonics of the actions that compile and link C and C++ code.
COMPILE_LINK_MNEMONICS = frozenset(
    ["CppCompile", "CppLink", "CppArchive", "CcStrip", "CppModuleMap", "Cpp2Module"]
)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        print(sock.getsockname()[1])
    return 0


def probe_cache(url):
    """Exits 0 if the server stores and returns a blob, 1 otherwise (message on stderr)."""
    blob = os.urandom(64)
    try:
        put = urllib.request.Request(url, data=blob, method="PUT")
        with urllib.request.urlopen(put, timeout=2) as response:
            if response.status not in (200, 201, 204):
                raise OSError("PUT answered HTTP %d" % response.status)
        with urllib.request.urlopen(url, timeout=2) as response:
            if response.read() != blob:
                raise OSError("GET returned different bytes than were PUT")
    except (OSError, urllib.error.URLError) as error:
        print("cache probe %s: %s" % (url, error), file=sys.stderr)
        return 1
    return 0


def read_json_stream(path):
    """Yields the JSON objects of a file holding them one after another (no array)."""
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as log:
        text = log.read()
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            return
        value, position = decoder.raw_decode(text, position)
        yield value


def check_exec_log(path):
    """Prints the remote cache figures of a build; exits 1 unless every cacheable spawn hit."""
    hits = collections.Counter()
    totals = collections.Counter()
    uncacheable = collections.Counter()
    misses = []
    for spawn in read_json_stream(path):
        mnemonic = spawn.get("mnemonic", "?")
        # Fields holding their default value (false) may be left out.
        if not (spawn.get("remotable", False) and spawn.get("cacheable", False)):
            uncacheable[mnemonic] += 1
            continue
        totals[mnemonic] += 1
        if spawn.get("remoteCacheHit", False):
            hits[mnemonic] += 1
        else:
            misses.append(
                "%s (%s, ran by %s)"
                % (spawn.get("progressMessage", "?"), mnemonic, spawn.get("runner", "?"))
            )

    def figures(mnemonics):
        return ", ".join("%s %d/%d" % (m, hits[m], totals[m]) for m in sorted(mnemonics))

    compile_link = [m for m in totals if m in COMPILE_LINK_MNEMONICS]
    other = [m for m in totals if m not in COMPILE_LINK_MNEMONICS]
    compile_link_hits = sum(hits[m] for m in compile_link)
    compile_link_total = sum(totals[m] for m in compile_link)
    print(
        "%d of %d compile/link actions were remote cache hits (%s)"
        % (compile_link_hits, compile_link_total, figures(compile_link) or "none")
    )
    if other:
        print(
            "%d of %d other cacheable actions were remote cache hits (%s)"
            % (sum(hits[m] for m in other), sum(totals[m] for m in other), figures(other))
        )
    if uncacheable:
        print(
            "not remotely cacheable by design, not counted: %s"
            % ", ".join("%s %d" % item for item in sorted(uncacheable.items()))
        )

    if compile_link_total == 0:
        print("error: the build ran no compile or link action: nothing was proven", file=sys.stderr)
        return 1
    if misses:
        print("error: %d cacheable actions were not remote cache hits:" % len(misses), file=sys.stderr)
        for miss in misses[:50]:
            print("  " + miss, file=sys.stderr)
        return 1
    return 0


def test_results(root):
    """Prints 'tests: P passed, F failed, S skipped' over the test.xml files under root."""
    passed = failed = skipped = 0
    files = 0
    for directory, _, names in os.walk(root):
        if "test.xml" not in names:
            continue
        files += 1
        tree = ElementTree.parse(os.path.join(directory, "test.xml"))
        for case in tree.iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            elif (
                case.find("skipped") is not None
                or case.get("status") == "notrun"
                or case.get("result") in ("skipped", "suppressed")
            ):
                skipped += 1
            else:
                passed += 1
    if files == 0:
        print("error: no test.xml under %s: no test ran" % root, file=sys.stderr)
        return 1
    print("tests: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 0 if failed == 0 and passed > 0 else 1


def main(argv):
    commands = {
        "free-port": (free_port, 0),
        "probe-cache": (probe_cache, 1),
        "check-exec-log": (check_exec_log, 1),
        "test-results": (test_results, 1),
    }
    if len(argv) < 2 or argv[1] not in commands or len(argv) - 2 != commands[argv[1]][1]:
        print(__doc__, file=sys.stderr)
        return 2
    function, _ = commands[argv[1]]
    return function(*argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
