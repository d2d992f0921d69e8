"""driver_report's parsing, tables and verdicts on a fixed JSON input
(testdata/driver_report_best.json: a few median, mean and error entries)."""

import json
import math
import os
import tempfile
import unittest

import driver_report

TESTDATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "testdata", "driver_report_best.json")


def load():
    with open(TESTDATA) as f:
        return json.load(f)


def goal_line(lines, title):
    return next(line for line in lines if line[0] == title)


class ParseTest(unittest.TestCase):

    def setUp(self):
        self.pairs, self.errors = driver_report.parse(load())

    def test_takes_medians_not_means(self):
        pair = self.pairs["AeadEncrypt/aes128gcm/16384"]["openssl"]
        self.assertEqual(pair, driver_report.Pair(3200.0, 4096.0, 1.28, "aes_x86"))

    def test_pairs_both_baselines(self):
        row = self.pairs["AeadEncrypt/aes128gcm/16384"]
        self.assertEqual(row["mbedtls"].ratio, 20.0)
        self.assertNotIn("mbedtls", self.pairs["AeadEncrypt/aes128gcm/64"])

    def test_ignores_unpaired_rows(self):
        self.assertEqual(sorted(self.pairs), ["AeadEncrypt/aes128gcm/16384", "AeadEncrypt/aes128gcm/64",
                                              "HashCompute/sha1/64", "SignHash/ecdsa_p256_sha256/32"])

    def test_lists_errors(self):
        self.assertEqual(self.errors, ["BM_AeadDecrypt/paired_openssl_evp/aes128ccm/1024: "
                                       "OpenSSL disagrees: different plaintext"])


class TablesTest(unittest.TestCase):

    def setUp(self):
        best, _ = driver_report.parse(load())
        # The builtin selection: the same file with other ratios.
        builtin = {k: {side: p._replace(ratio=p.ratio / 4, served_by="builtin") for side, p in v.items()}
                   for k, v in best.items()}
        self.parsed = {"builtin": builtin, driver_report.BEST: best}
        self.lines = driver_report.goal_lines(self.parsed)

    def test_throughput_units(self):
        self.assertAlmostEqual(driver_report.throughput("AeadEncrypt/aes128gcm/16384", 4096.0)[0], 4000.0)
        self.assertEqual(driver_report.throughput("SignHash/ecdsa_p256_sha256/32", 20000.0), (50000.0, "op/s"))
        self.assertTrue(math.isnan(driver_report.throughput("HashCompute/sha256/64", 0)[0]))

    def test_one_line_per_goal_in_order(self):
        self.assertEqual([line[0] for line in self.lines], [g.title for g in driver_report.GOALS])

    def test_verdicts(self):
        gcm = goal_line(self.lines, "AES-128-GCM 16 KiB")
        self.assertEqual(gcm[2:], ["4,000 MB/s", "256 MB/s", "5,120 MB/s", "1.28", "≥ 1.00", "pass", "20.00",
                                   "aes_x86"])
        self.assertEqual(goal_line(self.lines, "AES-128-GCM 64 B one-shot")[7], "miss")  # 1.0 < 1.5
        self.assertEqual(goal_line(self.lines, "ECDSA P-256 sign")[7], "pass")  # 0.8 >= 0.8: the bound passes
        self.assertEqual(goal_line(self.lines, "ECDSA P-256 sign")[4], "50,000 op/s")
        self.assertEqual(goal_line(self.lines, "X25519")[5:8], ["n/a", "≥ 0.80", "n/a"])

    def test_summary(self):
        passed, missed, absent = driver_report.summary(self.parsed)
        self.assertEqual(passed, ["AES-128-GCM 16 KiB", "ECDSA P-256 sign"])
        self.assertEqual(missed, ["AES-128-GCM 64 B one-shot"])
        self.assertEqual(len(absent), len(driver_report.GOALS) - 3)

    def test_selection_table_goals_first_then_others(self):
        lines = driver_report.selection_lines(self.parsed, ["builtin", driver_report.BEST])
        self.assertEqual([line[0] for line in lines],
                         ["`AeadEncrypt/aes128gcm/16384`", "`AeadEncrypt/aes128gcm/64`",
                          "`SignHash/ecdsa_p256_sha256/32`", "`HashCompute/sha1/64`"])
        self.assertEqual(lines[0][1:], ["0.32 (5,120 MB/s, builtin)", "1.28 (5,120 MB/s, aes_x86)"])

    def test_markdown(self):
        text = driver_report.render_markdown(self.parsed, ["builtin", driver_report.BEST], ["best: x: y"],
                                             {"command": "cmd", "cpu": 1, "repetitions": 3})
        self.assertIn("| AES-128-GCM 16 KiB | `AeadEncrypt/aes128gcm/16384` | 4,000 MB/s |", text)
        self.assertIn("Passed 2 of %d goals; missed: AES-128-GCM 64 B one-shot." % len(driver_report.GOALS), text)
        self.assertIn("pinned to CPU 1, medians of 3 repetitions", text)
        self.assertIn("- best: x: y", text)

    def test_chart(self):
        try:
            import matplotlib  # pylint: disable=import-outside-toplevel,unused-import
        except ImportError:
            self.skipTest("no matplotlib in this interpreter")
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "report.png")
            driver_report.render_chart(self.parsed, ["builtin", driver_report.BEST], path)
            with open(path, "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")


if __name__ == "__main__":
    unittest.main()
