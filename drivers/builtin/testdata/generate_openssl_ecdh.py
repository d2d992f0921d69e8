#!/usr/bin/env python3
"""Writes openssl_ecdh.json: ECDH between two key pairs per curve, generated
and computed by the OpenSSL command-line tool (`openssl pkeyutl -derive`), an
implementation independent of Mbed TLS. The builtin driver's key-agreement
tests import the private keys and check that the secrets they compute with
each other's public keys are OpenSSL's.

Usage: generate_openssl_ecdh.py > openssl_ecdh.json

Entries: family and bits as PSA names them; "private_a", "private_b" in the
PSA export format (big-endian d of ceil(bits/8) bytes; Montgomery: the raw
RFC 7748 key), "public_a", "public_b" in the PSA public key format
(uncompressed SEC 1 point; raw u-coordinate), "shared" the secret OpenSSL
derived (the x-coordinate, big-endian, field-element length; Montgomery:
the X25519/X448 output).
"""

import json
import os
import re
import subprocess
import sys
import tempfile

# (OpenSSL name, PSA family, PSA bits, private key bytes); None: Montgomery.
CURVES = [
    ("prime192v1", "SECP_R1", 192, 24),
    ("secp224r1", "SECP_R1", 224, 28),
    ("prime256v1", "SECP_R1", 256, 32),
    ("secp384r1", "SECP_R1", 384, 48),
    ("secp521r1", "SECP_R1", 521, 66),
    ("secp192k1", "SECP_K1", 192, 24),
    ("secp224k1", "SECP_K1", 225, 29),
    ("secp256k1", "SECP_K1", 256, 32),
    ("brainpoolP256r1", "BRAINPOOL_P_R1", 256, 32),
    ("brainpoolP384r1", "BRAINPOOL_P_R1", 384, 48),
    ("brainpoolP512r1", "BRAINPOOL_P_R1", 512, 64),
    ("X25519", "MONTGOMERY", 255, None),
    ("X448", "MONTGOMERY", 448, None),
]
PAIRS_PER_CURVE = 2


def openssl(*args, data=None):
    return subprocess.run(("openssl",) + args, input=data, check=True,
                          capture_output=True).stdout


def text_fields(pem):
    """The hex fields ("priv", "pub") of `openssl pkey -text` output."""
    text = openssl("pkey", "-text", "-noout", data=pem).decode()
    fields = {}
    for name in ("priv", "pub"):
        match = re.search(name + r":\n((?:\s+[0-9a-f:]+\n)+)", text)
        fields[name] = re.sub(r"[\s:]", "", match.group(1))
    return fields


def generate(name):
    if name.startswith("X"):
        return openssl("genpkey", "-algorithm", name)
    return openssl("genpkey", "-algorithm", "EC", "-pkeyopt",
                   "ec_paramgen_curve:" + name)


def psa_private(fields, length):
    if length is None:
        return fields["priv"]
    return int(fields["priv"], 16).to_bytes(length, "big").hex()


def main():
    version = openssl("version").decode().strip()
    entries = []
    with tempfile.TemporaryDirectory() as directory:
        for name, family, bits, length in CURVES:
            for _ in range(PAIRS_PER_CURVE):
                a, b = generate(name), generate(name)
                a_path = os.path.join(directory, "a.pem")
                b_public_path = os.path.join(directory, "b_public.pem")
                with open(a_path, "wb") as f:
                    f.write(a)
                with open(b_public_path, "wb") as f:
                    f.write(openssl("pkey", "-pubout", data=b))
                shared = openssl("pkeyutl", "-derive", "-inkey", a_path,
                                 "-peerkey", b_public_path)
                fa, fb = text_fields(a), text_fields(b)
                entries.append({
                    "curve": name, "family": family, "bits": bits,
                    "private_a": psa_private(fa, length),
                    "public_a": fa["pub"],
                    "private_b": psa_private(fb, length),
                    "public_b": fb["pub"],
                    "shared": shared.hex(),
                })
    json.dump({"source": version, "ecdh": entries}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
