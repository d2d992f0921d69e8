"""Runs the benchmarks and prints this project against Mbed TLS 2.28's PSA.

    bazel run -c opt //benchmarks:report                 # defaults below
    bazel run -c opt //benchmarks:report -- --repetitions=10 --filter=Aead
    bazel run -c opt //benchmarks:report -- --out DIR [--drivers builtin,sha_x86,openssl,aes_x86]

With --out: the per-driver report (benchmarks/driver_report.py). Runs the
<driver>_benchmark of each of --drivers and best_benchmark (the selection
aes_x86,sha_x86,openssl,builtin) one after the other, pinned to one CPU
(--cpu; default the last one this process may use), only their paired rows
against OpenSSL 3 EVP and Mbed TLS 2.28, medians of --repetitions (at least
3); writes DIR/<selection>.json, DIR/report.md and DIR/report.png (the
chart needs Debian's python3-matplotlib: without it in this interpreter the
report re-runs itself with /usr/bin/python3). --from_dir DIR rewrites
report.md and report.png from the JSON files of an earlier --out DIR.

Runs //benchmarks:builtin_benchmark (the MAC, cipher, AEAD, random
generation, signature, RSA decryption, key agreement, key derivation and
SPAKE2+ rows: hashing has no Mbed TLS PSA baseline here) and //benchmarks:noop_benchmark,
each once, with --benchmark_format=json, repetitions, and random
interleaving of the repetitions so that a load on the machine hits both
sides of a pair alike. Every number compared comes from one run of one
binary: medians over the repetitions, never values of different runs.

Tables:
  1. Every row BM_<Op>/psa/<mechanism>/<bytes> against
     BM_<Op>/mbedtls228/<mechanism>/<bytes>: MB/s of both and their ratio
     ours/theirs; the paired ratio of BM_<Op>/paired/... (both timed
     alternately in 50 us blocks inside one benchmark, median over blocks:
     the robust number on a loaded machine, and the one judged against the
     goal >= 0.95); ns per call of ours and the difference ours - theirs
     (paired; a constant difference across sizes is per-call overhead, not
     throughput).
  1b. The rows that count operations (signatures, decryption, key
     agreement, key derivation, PAKE exchanges): operations per second of
     both, the ratio ours/theirs and the paired ratio (goal >= 0.95), us per
     operation. Where Mbed TLS 2.28's PSA has no such operation the
     mbedtls228 side is the same primitive without a PSA layer, and the
     table says which (PBKDF2: mbedtls_pkcs5_pbkdf2_hmac; SPAKE2+: the
     protocol over Mbed TLS's ECP module, benchmarks/pake_support.h).
  2. The core's overhead: .../psa/... against .../builtin_direct/... (the
     builtin entry point called without the core), separately and paired
     (.../paired_direct/...): ns per call, time ratio (goal: <= 1.10, judged
     on the paired one).
  3. The dispatch: BM_Dispatch<Op>/{psa,dispatch,driver}/... on the no-op
     driver: the dispatch's own cost (dispatch - driver) and the core's and
     dispatch's (psa - driver), ns per call (goal: dispatch <= 20 ns).

Times of the separate rows are CPU times of the benchmark thread
(bytes_per_second is computed from them by Google Benchmark); the paired
rows use wall-clock time per block and take the median over blocks, which
drops the blocks that waited for a CPU.

Exits 0 whether or not the goals are met (it is a report); 1 if a benchmark
binary fails or a row is skipped with an error.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

import driver_report

ROW = re.compile(r"^(BM_\w+)/([a-z0-9_]+)/([a-z0-9_]+)/(\d+)$")

# Table order: as registered by the family benchmarks.
OPERATIONS = ["BM_AeadEncrypt", "BM_AeadDecrypt", "BM_AeadEncryptMultipart", "BM_AeadDecryptMultipart",
              "BM_CipherEncrypt", "BM_CipherEncryptRandomIv", "BM_CipherDecrypt", "BM_MacCompute", "BM_MacMultipart",
              "BM_GenerateRandom", "BM_SignHash", "BM_VerifyHash", "BM_AsymmetricDecrypt", "BM_RawKeyAgreement",
              "BM_KeyDerivation", "BM_PakeExchange",
              "BM_DispatchMacCompute", "BM_DispatchAeadEncrypt"]
MECHANISMS = ["aes128gcm", "aes256gcm", "aes128ccm", "chacha20poly1305", "aes128ctr", "aes128cbc_nopad",
              "aes128cbc_pkcs7", "hmacsha256", "aes128cmac", "rng",
              "ecdsa_p256_sha256", "detecdsa_p256_sha256", "ecdsa_p384_sha384", "rsa2048_pkcs1v15_sha256",
              "rsa2048_pss_sha256", "rsa2048_oaep_sha256", "rsa2048_pkcs1v15_crypt", "ecdh_p256", "x25519",
              "hkdf_sha256", "pbkdf2_sha256", "spake2p_p256_sha256"]

GOAL_RATIO = 0.95
GOAL_OVERHEAD = 1.10
GOAL_DISPATCH_NS = 20.0


def run(binary, repetitions, min_time, benchmark_filter):
    """Runs one benchmark binary; returns its parsed JSON output."""
    command = [
        binary,
        "--benchmark_format=json",
        "--benchmark_repetitions=%d" % repetitions,
        "--benchmark_report_aggregates_only=true",
        "--benchmark_enable_random_interleaving=true",
        "--benchmark_min_time=%s" % min_time,
        "--benchmark_filter=%s" % benchmark_filter,
    ]
    print("running: " + " ".join(command), file=sys.stderr, flush=True)
    result = subprocess.run(command, stdout=subprocess.PIPE, check=False)
    if result.returncode != 0:
        sys.exit("%s failed with exit status %d" % (binary, result.returncode))
    return json.loads(result.stdout)


def medians(output):
    """{row name: benchmark entry} of the median aggregates; errors listed."""
    rows = {}
    errors = []
    for entry in output["benchmarks"]:
        if entry.get("error_occurred"):
            errors.append("%s: %s" % (entry["name"], entry.get("error_message", "error")))
            continue
        if entry.get("run_type") == "aggregate" and entry.get("aggregate_name") == "median":
            # Paired rows use manual time: ".../manual_time" ends their names.
            name = entry["run_name"]
            if name.endswith("/manual_time"):
                name = name[: -len("/manual_time")]
            rows[name] = entry
    return rows, sorted(set(errors))


def ns_per_call(entry):
    scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[entry.get("time_unit", "ns")]
    return entry["cpu_time"] * scale


def mbps(entry):
    return entry.get("bytes_per_second", 0.0) / 1e6


def ops(entry):
    return entry.get("items_per_second", 0.0)


def counts_operations(entry):
    """Whether a row counts operations (items_per_second) rather than bytes."""
    return "items_per_second" in entry and not entry.get("bytes_per_second")


def split(name):
    match = ROW.match(name)
    return match.groups() if match else None


def order(rows):
    """The rows' names in table order (unknown operations and mechanisms last)."""
    def key(name):
        parts = split(name)
        if not parts:
            return (len(OPERATIONS), name, 0, 0)
        op, _, mechanism, size = parts
        return (OPERATIONS.index(op) if op in OPERATIONS else len(OPERATIONS), op,
                MECHANISMS.index(mechanism) if mechanism in MECHANISMS else len(MECHANISMS), int(size))
    return sorted(rows, key=key)


def served_by(entry):
    label = entry.get("label", "")
    return label[len("served by "):] if label.startswith("served by ") else label


def table(headers, lines):
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *lines)]
    out = []
    for i, line in enumerate([headers] + lines):
        out.append("  ".join(str(x).ljust(w) if j == 0 else str(x).rjust(w) for j, (x, w) in enumerate(zip(line, widths))))
        if i == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def comparison(rows):
    lines = []
    below = []
    no_baseline = []
    for name in order(rows):
        entry = rows[name]
        parts = split(name)
        if not parts or parts[1] != "psa" or counts_operations(entry):
            continue
        op, _, mechanism, size = parts
        row = "%s/%s/%s" % (op, mechanism, size)
        theirs = rows.get("%s/mbedtls228/%s/%s" % (op, mechanism, size))
        paired = rows.get("%s/paired/%s/%s" % (op, mechanism, size))
        if theirs is None:
            no_baseline.append(row)
            lines.append((row, "%.1f" % mbps(entry), "n/a", "n/a", "n/a", "%.0f" % ns_per_call(entry), "", "",
                          served_by(entry)))
            continue
        ratio = mbps(entry) / mbps(theirs) if mbps(theirs) else float("nan")
        if paired is not None:
            paired_ratio = paired["ratio"]
            ours_ns, delta_ns = paired["psa_ns"], paired["psa_ns"] - paired["other_ns"]
        else:
            paired_ratio = None
            ours_ns, delta_ns = ns_per_call(entry), ns_per_call(entry) - ns_per_call(theirs)
        judged = paired_ratio if paired_ratio is not None else ratio
        mark = "" if judged >= GOAL_RATIO else "BELOW"
        if mark:
            below.append(row)
        lines.append((row, "%.1f" % mbps(entry), "%.1f" % mbps(theirs), "%.3f" % ratio,
                      "%.3f" % paired_ratio if paired_ratio is not None else "-", "%.0f" % ours_ns,
                      "%+.0f" % delta_ns, mark, served_by(entry)))
    return lines, below, no_baseline


def operations(rows):
    """Table 1b: the rows that count operations."""
    lines = []
    below = []
    notes = {}
    for name in order(rows):
        entry = rows[name]
        parts = split(name)
        if not parts or parts[1] != "psa" or not counts_operations(entry):
            continue
        op, _, mechanism, size = parts
        row = "%s/%s/%s" % (op, mechanism, size)
        theirs = rows.get("%s/mbedtls228/%s/%s" % (op, mechanism, size))
        paired = rows.get("%s/paired/%s/%s" % (op, mechanism, size))
        if theirs is None:
            lines.append((row, "%.1f" % ops(entry), "n/a", "n/a", "-", "%.1f" % (ns_per_call(entry) / 1e3), "", ""))
            continue
        ratio = ops(entry) / ops(theirs) if ops(theirs) else float("nan")
        paired_ratio = paired["ratio"] if paired is not None else None
        ours_us = (paired["psa_ns"] if paired is not None else ns_per_call(entry)) / 1e3
        judged = paired_ratio if paired_ratio is not None else ratio
        mark = "" if judged >= GOAL_RATIO else "BELOW"
        if mark:
            below.append(row)
        label = theirs.get("label", "")
        if label:
            notes[mechanism] = label
        lines.append((row, "%.1f" % ops(entry), "%.1f" % ops(theirs), "%.3f" % ratio,
                      "%.3f" % paired_ratio if paired_ratio is not None else "-", "%.1f" % ours_us,
                      "*" if label else "", mark))
    return lines, below, notes


def overhead(rows):
    lines = []
    for name in order(rows):
        entry = rows[name]
        parts = split(name)
        if not parts or parts[1] != "builtin_direct":
            continue
        op, _, mechanism, size = parts
        ours = rows.get("%s/psa/%s/%s" % (op, mechanism, size))
        paired = rows.get("%s/paired_direct/%s/%s" % (op, mechanism, size))
        if ours is None:
            continue
        a, b = ns_per_call(ours), ns_per_call(entry)
        if paired is not None:
            pa, pb = paired["psa_ns"], paired["other_ns"]
            time_ratio = 1 / paired["ratio"]
        else:
            pa, pb, time_ratio = a, b, a / b
        lines.append(("%s/%s/%s" % (op, mechanism, size), "%.1f" % a, "%.1f" % b, "%.3f" % (a / b),
                      "%.1f" % pa, "%.1f" % pb, "%.1f" % (pa - pb), "%.3f" % time_ratio,
                      "" if time_ratio <= GOAL_OVERHEAD else "ABOVE"))
    return lines


def dispatch(rows):
    lines = []
    for name in order(rows):
        entry = rows[name]
        parts = split(name)
        if not parts or parts[1] != "driver":
            continue
        op, _, mechanism, size = parts
        via_dispatch = rows.get("%s/dispatch/%s/%s" % (op, mechanism, size))
        via_psa = rows.get("%s/psa/%s/%s" % (op, mechanism, size))
        if via_dispatch is None or via_psa is None:
            continue
        driver_ns, dispatch_ns, psa_ns = ns_per_call(entry), ns_per_call(via_dispatch), ns_per_call(via_psa)
        lines.append(("%s/%s/%s" % (op, mechanism, size), "%.1f" % driver_ns, "%.1f" % dispatch_ns, "%.1f" % psa_ns,
                      "%.1f" % (dispatch_ns - driver_ns), "%.1f" % (psa_ns - driver_ns),
                      "" if dispatch_ns - driver_ns <= GOAL_DISPATCH_NS else "ABOVE"))
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--benchmark", help="path of builtin_benchmark")
    parser.add_argument("--noop_benchmark", help="path of noop_benchmark")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min_time", default="0.2", help="--benchmark_min_time per repetition, seconds")
    parser.add_argument("--filter",
                        default="^BM_(Aead|Cipher|Mac|GenerateRandom|SignHash|VerifyHash|AsymmetricDecrypt|"
                                "RawKeyAgreement|KeyDerivation|PakeExchange)",
                        help="--benchmark_filter of builtin_benchmark")
    parser.add_argument("--json_out", help="also write both raw JSON outputs to this file")
    parser.add_argument("--from_json", help="print the tables of a --json_out file instead of running anything")
    parser.add_argument("--out", help="the per-driver report: write DIR/report.md, DIR/report.png and the JSON")
    parser.add_argument("--from_dir", help="the per-driver report from the JSON files of an earlier --out DIR")
    parser.add_argument("--drivers", default="builtin,sha_x86,openssl,aes_x86",
                        help="with --out: the <driver>_benchmark binaries to run (best_benchmark always runs)")
    parser.add_argument("--binary", action="append", default=[], metavar="NAME=PATH",
                        help="a benchmark binary of a selection (set by the BUILD target)")
    parser.add_argument("--cpu", type=int, help="with --out: the CPU to pin the benchmarks to")
    args = parser.parse_args()
    if args.out or args.from_dir:
        return driver_main(args)

    if args.from_json:
        with open(args.from_json) as f:
            saved = json.load(f)
        main_output, noop_output = saved["builtin_benchmark"], saved["noop_benchmark"]
        args.repetitions = main_output["benchmarks"][0].get("repetitions", 0) if main_output["benchmarks"] else 0
    elif not args.benchmark or not args.noop_benchmark:
        parser.error("--benchmark and --noop_benchmark are required (or --from_json)")
    else:
        main_output = run(args.benchmark, args.repetitions, args.min_time, args.filter)
        noop_output = run(args.noop_benchmark, args.repetitions, args.min_time, "^BM_Dispatch")
    if args.json_out and not args.from_json:
        with open(args.json_out, "w") as f:
            json.dump({"builtin_benchmark": main_output, "noop_benchmark": noop_output}, f, indent=1)
    rows, errors = medians(main_output)
    noop_rows, noop_errors = medians(noop_output)

    context = main_output.get("context", {})
    print("builtin_benchmark: %s, %d CPUs at %s MHz, load average %s; medians of %d repetitions, randomly interleaved" % (
        context.get("date", "?"), context.get("num_cpus", 0), context.get("mhz_per_cpu", "?"),
        " ".join("%.2f" % x for x in context.get("load_avg", [])), args.repetitions))
    print()

    lines, below, no_baseline = comparison(rows)
    print("1. This project's PSA API (builtin driver) vs Mbed TLS 2.28's PSA API, same binary (goal: ratio >= %.2f)" % GOAL_RATIO)
    print(table(("row", "ours MB/s", "mbedtls228 MB/s", "ratio", "paired ratio", "ours ns", "ours - theirs ns", "",
                 "served by"), lines))
    print()
    if no_baseline:
        print("n/a: Mbed TLS 2.28's PSA implementation has no multi-part AEAD (psa_aead_*_setup and the rest).")
        print()

    op_lines, op_below, notes = operations(rows)
    below += op_below
    print("1b. Operations per second, this project's PSA API (builtin driver) vs Mbed TLS 2.28, same binary (goal: ratio >= %.2f)" % GOAL_RATIO)
    print(table(("row", "ours op/s", "mbedtls228 op/s", "ratio", "paired ratio", "ours us/op", "note", ""), op_lines))
    for mechanism, label in sorted(notes.items()):
        print("  * %s: the mbedtls228 side is %s" % (mechanism, label))
    print()

    print("2. The core's overhead: the PSA function vs the builtin entry point called directly, same key buffer and attributes (goal: ratio <= %.2f)" % GOAL_OVERHEAD)
    print(table(("row", "psa ns", "direct ns", "ratio", "paired: psa ns", "direct ns", "core ns", "time ratio", ""),
                overhead(rows)))
    print()

    print("3. The dispatch, on a driver whose entry point returns at once (noop_benchmark; goal: dispatch <= %.0f ns)" % GOAL_DISPATCH_NS)
    print(table(("row", "driver ns", "dispatch ns", "psa ns", "dispatch - driver", "psa - driver", ""), dispatch(noop_rows)))
    print()

    if below:
        print("Below %.2fx: %s" % (GOAL_RATIO, ", ".join(below)))
    else:
        print("Every row with a baseline is at or above %.2fx." % GOAL_RATIO)
    if errors or noop_errors:
        print("Skipped with an error:\n  " + "\n  ".join(errors + noop_errors))
        return 1
    return 0


def has_matplotlib():
    try:
        import matplotlib  # pylint: disable=import-outside-toplevel,unused-import
        return True
    except ImportError:
        return False


SYSTEM_PYTHON = "/usr/bin/python3"


def pin(cpu):
    """Pins this process (and so the benchmarks it starts) to one CPU; returns it."""
    allowed = sorted(os.sched_getaffinity(0))
    if cpu is None:
        cpu = allowed[-1]
    elif cpu not in allowed:
        sys.exit("--cpu=%d is not one of this process's CPUs %s" % (cpu, allowed))
    os.sched_setaffinity(0, {cpu})
    return cpu


def paired_filter(binary):
    """An exact --benchmark_filter of `binary`'s rows paired with OpenSSL and
    of the rows paired with Mbed TLS 2.28 of the same operations."""
    listed = subprocess.run([binary, "--benchmark_list_tests=true"], stdout=subprocess.PIPE, check=True,
                            universal_newlines=True).stdout.split()
    names = set()
    for name in listed:
        name = name[: -len("/manual_time")] if name.endswith("/manual_time") else name
        match = driver_report.PAIRED_ROW.match(name)
        if match and match.group(2) == "paired_openssl_evp":
            op, _, mechanism, size = match.groups()
            names.add(name)
            paired = "BM_%s/paired/%s/%s" % (op, mechanism, size)
            if paired in listed or paired + "/manual_time" in listed:
                names.add(paired)
    if not names:
        sys.exit("%s has no .../paired_openssl_evp/... rows" % binary)
    return "^(%s)(/manual_time)?$" % "|".join(sorted(names))


def driver_main(args):
    """--out / --from_dir: the per-driver report."""
    out = args.out or args.from_dir
    # `bazel run` starts this in the runfiles: relative paths are the caller's.
    if not os.path.isabs(out) and os.environ.get("BUILD_WORKING_DIRECTORY"):
        out = os.path.join(os.environ["BUILD_WORKING_DIRECTORY"], out)
    if not has_matplotlib() and os.path.exists(SYSTEM_PYTHON) and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON):
        # Debian's python3-matplotlib is installed for the system interpreter.
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    binaries = dict(b.split("=", 1) for b in args.binary)
    selections = [d for d in args.drivers.split(",") if d] + [driver_report.BEST]
    os.makedirs(out, exist_ok=True)
    outputs = {}
    context = {"command": "bazel run -c opt //benchmarks:report -- --out %s --drivers %s" % (out, args.drivers),
               "repetitions": max(3, args.repetitions)}
    if args.from_dir:
        for selection in selections:
            path = os.path.join(out, selection + ".json")
            if os.path.exists(path):
                with open(path) as f:
                    outputs[selection] = json.load(f)
        saved = os.path.join(out, "context.json")
        if os.path.exists(saved):
            with open(saved) as f:
                context.update(json.load(f))
    else:
        unknown = [s for s in selections if s not in binaries]
        if unknown:
            sys.exit("no benchmark binary for %s (known: %s)" % (", ".join(unknown), ", ".join(sorted(binaries))))
        context["cpu"] = pin(args.cpu)
        for selection in selections:
            outputs[selection] = run(binaries[selection], context["repetitions"], args.min_time,
                                     paired_filter(binaries[selection]))
            with open(os.path.join(out, selection + ".json"), "w") as f:
                json.dump(outputs[selection], f, indent=1)
    parsed, errors = {}, []
    for selection, output in outputs.items():
        parsed[selection], selection_errors = driver_report.parse(output)
        errors += ["%s: %s" % (selection, e) for e in selection_errors]
    first = next(iter(outputs.values()), {}).get("context", {})
    context.setdefault("date", first.get("date", "?"))
    context.setdefault("host", "%s CPUs at %s MHz" % (first.get("num_cpus", "?"), first.get("mhz_per_cpu", "?")))
    context["drivers"] = {s: s for s in selections}
    context["drivers"][driver_report.BEST] = "aes_x86,sha_x86,openssl,builtin"
    if not args.from_dir:
        with open(os.path.join(out, "context.json"), "w") as f:
            json.dump({k: v for k, v in context.items() if k != "drivers"}, f, indent=1)
    present = [s for s in selections if s in parsed]
    text = driver_report.render_markdown(parsed, present, errors, context)
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write(text + "\n")
    print(text)
    if has_matplotlib():
        driver_report.render_chart(parsed, present, os.path.join(out, "report.png"))
        print("\nwrote %s and %s" % (os.path.join(out, "report.md"), os.path.join(out, "report.png")))
    else:
        print("\nwrote %s; no report.png: matplotlib is missing (tools/setup.sh installs python3-matplotlib)" %
              os.path.join(out, "report.md"), file=sys.stderr)
        return 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
