"""The per-driver report: ratios to OpenSSL 3 EVP and Mbed TLS 2.28.

Input: the Google Benchmark JSON of each benchmark binary run (one per
driver selection: "builtin", "sha_x86", "openssl", "aes_x86", "best", ...),
each holding the paired rows of benchmarks/row_runner.h:

  BM_<Op>/paired_openssl_evp/<mechanism>/<bytes>  psa vs OpenSSL 3 EVP
  BM_<Op>/paired/<mechanism>/<bytes>              psa vs Mbed TLS 2.28

with counters psa_ns, other_ns (median ns per call over ~50 us blocks) and
ratio (median over blocks of other time / psa time: ours' speed relative to
theirs; > 1 is faster than them). Every ratio compares two sides measured in
the same binary, the same run, alternately.

Output: report.md (tables) and report.png (a bar chart of the ratios to
OpenSSL). Pure functions over parsed JSON, so that
benchmarks/driver_report_test.py can check them on fixed input.
"""

import collections
import math
import re

PAIRED_ROW = re.compile(r"^BM_(\w+)/(paired|paired_openssl_evp)/([a-z0-9_]+)/(\d+)$")

# The goals (issue 9, "Benchmarks and report"): ratio to OpenSSL 3
# EVP for the best selection, through the public API.
Goal = collections.namedtuple("Goal", "title key minimum")
GOALS = [
    Goal("AES-128-GCM 16 KiB", "AeadEncrypt/aes128gcm/16384", 1.0),
    Goal("AES-128-GCM 64 B one-shot", "AeadEncrypt/aes128gcm/64", 1.5),
    Goal("AES-128-CTR 16 KiB", "CipherEncrypt/aes128ctr/16384", 1.0),
    Goal("AES-128-CBC 16 KiB", "CipherEncrypt/aes128cbc_nopad/16384", 1.0),
    Goal("AES-128-CCM 1 KiB", "AeadEncrypt/aes128ccm/1024", 1.0),
    Goal("AES-CMAC 1 KiB", "MacCompute/aes128cmac/1024", 1.0),
    Goal("ChaCha20-Poly1305 16 KiB", "AeadEncrypt/chacha20poly1305/16384", 0.9),
    Goal("SHA-256 16 KiB", "HashCompute/sha256/16384", 0.95),
    Goal("SHA-256 64 B", "HashCompute/sha256/64", 1.0),
    Goal("HMAC-SHA-256 64 B", "MacCompute/hmacsha256/64", 1.0),
    Goal("ECDSA P-256 sign", "SignHash/ecdsa_p256_sha256/32", 0.8),
    Goal("ECDSA P-256 verify", "VerifyHash/ecdsa_p256_sha256/32", 0.8),
    Goal("ECDH P-256", "RawKeyAgreement/ecdh_p256/32", 0.8),
    Goal("X25519", "RawKeyAgreement/x25519/32", 0.8),
    Goal("RSA-2048 sign (PKCS#1 v1.5)", "SignHash/rsa2048_pkcs1v15_sha256/32", 0.8),
    Goal("HKDF-SHA-256", "KeyDerivation/hkdf_sha256/32", 1.0),
]

# Operations whose rows count calls (op/s) rather than bytes (MB/s).
COUNTED = {"SignHash", "VerifyHash", "RawKeyAgreement", "KeyDerivation", "AsymmetricDecrypt", "PakeExchange"}

BEST = "best"

# One measured pair: ours and theirs, ns per call, the paired ratio, who served.
Pair = collections.namedtuple("Pair", "ours_ns theirs_ns ratio served_by")


def parse(output):
    """{"<Op>/<mechanism>/<bytes>": {"openssl": Pair, "mbedtls": Pair}} of one
    binary's JSON (median aggregates, or single runs when there are no
    aggregates), and the sorted list of "<row>: <message>" errors."""
    pairs = collections.defaultdict(dict)
    errors = set()
    entries = output.get("benchmarks", [])
    has_aggregates = any(e.get("run_type") == "aggregate" for e in entries)
    for entry in entries:
        name = entry.get("run_name", entry.get("name", ""))
        if name.endswith("/manual_time"):
            name = name[: -len("/manual_time")]
        if entry.get("error_occurred"):
            errors.add("%s: %s" % (name, entry.get("error_message", "error")))
            continue
        if has_aggregates and not (entry.get("run_type") == "aggregate" and entry.get("aggregate_name") == "median"):
            continue
        match = PAIRED_ROW.match(name)
        if not match or "ratio" not in entry:
            continue
        op, kind, mechanism, size = match.groups()
        label = entry.get("label", "")
        served = label[len("psa served by "):].split(";")[0] if label.startswith("psa served by ") else "?"
        side = "openssl" if kind == "paired_openssl_evp" else "mbedtls"
        pairs["%s/%s/%s" % (op, mechanism, size)][side] = Pair(
            float(entry["psa_ns"]), float(entry["other_ns"]), float(entry["ratio"]), served)
    return dict(pairs), sorted(errors)


def throughput(key, ns):
    """(value, unit) of one call of row `key` taking `ns`: MB/s or op/s."""
    op, _, size = key.split("/")
    if not ns or ns <= 0 or math.isnan(ns):
        return float("nan"), "op/s" if op in COUNTED else "MB/s"
    if op in COUNTED:
        return 1e9 / ns, "op/s"
    return int(size) * 1e3 / ns, "MB/s"


def format_throughput(key, ns):
    value, unit = throughput(key, ns)
    if math.isnan(value):
        return "n/a"
    if value >= 100:
        return "{:,.0f} {}".format(value, unit)
    return "{:,.1f} {}".format(value, unit)


def format_ratio(ratio):
    return "n/a" if ratio is None or math.isnan(ratio) else "%.2f" % ratio


def judge(ratio, minimum):
    """"pass", "miss" or "n/a" (not measured)."""
    if ratio is None or math.isnan(ratio):
        return "n/a"
    return "pass" if ratio >= minimum else "miss"


def ratio_of(parsed, selection, key, side="openssl"):
    pair = parsed.get(selection, {}).get(key, {}).get(side)
    return pair.ratio if pair else None


def goal_lines(parsed):
    """The goals table: one line per goal, judged on the best selection."""
    best = parsed.get(BEST, {})
    lines = []
    for goal in GOALS:
        row = best.get(goal.key, {})
        openssl, mbedtls = row.get("openssl"), row.get("mbedtls")
        ratio = openssl.ratio if openssl else None
        lines.append([
            goal.title,
            "`%s`" % goal.key,
            format_throughput(goal.key, openssl.theirs_ns) if openssl else "n/a",
            format_throughput(goal.key, mbedtls.theirs_ns) if mbedtls else "n/a",
            format_throughput(goal.key, openssl.ours_ns) if openssl else "n/a",
            format_ratio(ratio),
            "≥ %.2f" % goal.minimum,
            judge(ratio, goal.minimum),
            format_ratio(mbedtls.ratio if mbedtls else None),
            openssl.served_by if openssl else "n/a",
        ])
    return lines


def all_keys(parsed):
    """Every row with an OpenSSL pair in any selection: goals first, then by name."""
    keys = set()
    for rows in parsed.values():
        keys.update(k for k, sides in rows.items() if "openssl" in sides)
    goal_keys = [g.key for g in GOALS if g.key in keys]
    return goal_keys + sorted(keys - set(goal_keys))


def selection_lines(parsed, selections):
    """Per row, per selection: "ratio to OpenSSL (ours throughput, served by)"."""
    lines = []
    for key in all_keys(parsed):
        line = ["`%s`" % key]
        for selection in selections:
            pair = parsed.get(selection, {}).get(key, {}).get("openssl")
            line.append("%s (%s, %s)" % (format_ratio(pair.ratio), format_throughput(key, pair.ours_ns),
                                         pair.served_by) if pair else "—")
        lines.append(line)
    return lines


def markdown_table(headers, lines, right_from=1):
    out = ["| " + " | ".join(headers) + " |",
           "| " + " | ".join("---" if i < right_from else "---:" for i in range(len(headers))) + " |"]
    for line in lines:
        out.append("| " + " | ".join(str(x) for x in line) + " |")
    return "\n".join(out)


def summary(parsed):
    """(passed, missed, not measured) goal titles for the best selection."""
    passed, missed, absent = [], [], []
    for goal in GOALS:
        verdict = judge(ratio_of(parsed, BEST, goal.key), goal.minimum)
        {"pass": passed, "miss": missed, "n/a": absent}[verdict].append(goal.title)
    return passed, missed, absent


def render_markdown(parsed, selections, errors, context):
    """report.md's text. `context`: {"command", "cpu", "date", "host", "repetitions", "drivers"}."""
    passed, missed, absent = summary(parsed)
    parts = ["# Per-driver benchmark report: ratios to OpenSSL 3 EVP and Mbed TLS 2.28", ""]
    parts.append("Command: `%s`  " % context.get("command", "?"))
    parts.append("Run: %s on %s, pinned to CPU %s, medians of %s repetitions (randomly interleaved).  " % (
        context.get("date", "?"), context.get("host", "?"), context.get("cpu", "?"), context.get("repetitions", "?")))
    parts.append("Selections: %s.  " % ", ".join("`%s` (%s)" % (s, context.get("drivers", {}).get(s, s))
                                                  for s in selections))
    parts.append("")
    parts.append(
        "Every ratio is ours' speed relative to theirs (their time / ours, > 1: faster than them), the median over "
        "~50 us blocks in which both sides ran alternately in the same process (`BM_<Op>/paired_openssl_evp/...`, "
        "`BM_<Op>/paired/...`). OpenSSL's side is its best case: algorithms fetched, keys parsed and contexts "
        "initialized once, outside the timed loop (benchmarks/openssl_evp.h); this project's side is one public "
        "PSA call (or, for CipherEncrypt, setup/set_iv/update/finish) on an imported key id. Mbed TLS 2.28 is its "
        "own PSA implementation.")
    parts.append("")
    parts.append("## Goals (best selection, ratio to OpenSSL 3 EVP)")
    parts.append("")
    parts.append(markdown_table(
        ["goal", "row", "OpenSSL 3 EVP", "Mbed TLS 2.28", "best selection", "× OpenSSL", "goal", "verdict",
         "× Mbed TLS", "served by"],
        goal_lines(parsed), right_from=2))
    parts.append("")
    parts.append("Passed %d of %d goals%s." % (
        len(passed), len(GOALS), "" if not missed else "; missed: " + ", ".join(missed)))
    if absent:
        parts.append("Not measured: %s." % ", ".join(absent))
    parts.append("")
    parts.append("## Every selection: ratio to OpenSSL 3 EVP (ours' throughput, serving driver)")
    parts.append("")
    parts.append(markdown_table(["row"] + ["`%s`" % s for s in selections], selection_lines(parsed, selections)))
    parts.append("")
    if errors:
        parts.append("## Rows skipped with an error")
        parts.append("")
        parts.extend("- %s" % e for e in errors)
        parts.append("")
    return "\n".join(parts)


def render_chart(parsed, selections, path):
    """report.png: per goal row, one bar per selection (ratio to OpenSSL), the
    goal as a tick and 1.0 as a line. Needs matplotlib."""
    import matplotlib  # pylint: disable=import-outside-toplevel
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # pylint: disable=import-outside-toplevel

    goals = list(reversed(GOALS))
    height = 0.8 / max(1, len(selections))
    figure, axes = plt.subplots(figsize=(10, 0.55 * len(goals) * max(1, len(selections)) ** 0.5 + 1.5))
    for i, selection in enumerate(selections):
        values = [ratio_of(parsed, selection, g.key) for g in goals]
        values = [0.0 if v is None or math.isnan(v) else v for v in values]
        positions = [y - 0.4 + height * (len(selections) - 1 - i) + height / 2 for y in range(len(goals))]
        axes.barh(positions, values, height=height, label=selection)
    for y, goal in enumerate(goals):
        axes.plot([goal.minimum, goal.minimum], [y - 0.45, y + 0.45], color="black", linewidth=1.5)
    axes.axvline(1.0, color="grey", linestyle="--", linewidth=1)
    axes.set_yticks(range(len(goals)))
    axes.set_yticklabels([g.title for g in goals])
    axes.set_xlabel("speed relative to OpenSSL 3 EVP (same run; > 1 is faster; black tick: goal)")
    axes.set_title("Per-driver throughput relative to OpenSSL 3 EVP")
    axes.legend(loc="lower right", fontsize="small")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
