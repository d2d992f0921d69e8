#!/usr/bin/env python3
"""Writes wycheproof_keys.json: the key material of Wycheproof test vectors
that the builtin key-management tests import (values copied verbatim).

Usage: extract_wycheproof_keys.py WYCHEPROOF_TESTVECTORS_DIR > wycheproof_keys.json

Sources (C2SP/wycheproof testvectors_v1, Apache License 2.0, see
LICENSE.wycheproof):
  ecdh_secp256r1_test.json: peer public keys (X.509 SubjectPublicKeyInfo of
    P-256 points, uncompressed or compressed) and private scalars;
  x25519_test.json: peer public keys (low order ones included) and private
    keys;
  rsa_oaep_2048_sha256_mgf1sha256_test.json: a 2048-bit key pair (PKCS #8);
  rsa_signature_2048_sha256_test.json: the same key's RSAPublicKey.
"""

import json
import os
import sys

# The DER prefixes of a P-256 SubjectPublicKeyInfo up to the point: the
# point follows them.
P256_SPKI_UNCOMPRESSED = "3059301306072a8648ce3d020106082a8648ce3d030107034200"
P256_SPKI_COMPRESSED = "3039301306072a8648ce3d020106082a8648ce3d030107032200"

ECDH_FLAGS = {
    "Normal", "CompressedPublic", "CVE-2017-8932", "InvalidCurveAttack",
    "ModifiedPublicPoint", "EdgeCaseEphemeralKey", "EdgeCaseSharedSecret",
}

X25519_FLAGS = {
    "Normal", "Ktv", "LowOrderPublic", "NonCanonicalPublic",
    "SmallPublicKey", "SpecialPublicKey", "EdgeCasePrivateKey",
}


def load(directory, name):
    with open(os.path.join(directory, name)) as f:
        return json.load(f)


def main(directory):
    with open(os.path.join(directory, "SOURCE")) as f:
        source = f.read().strip()

    ecdh = []
    for group in load(directory, "ecdh_secp256r1_test.json")["testGroups"]:
        if group["encoding"] != "asn":
            continue
        for test in group["tests"]:
            public = test["public"]
            if not ECDH_FLAGS.intersection(test["flags"]):
                continue
            if not public.startswith((P256_SPKI_UNCOMPRESSED,
                                      P256_SPKI_COMPRESSED)):
                continue
            ecdh.append({k: test[k] for k in
                         ("tcId", "comment", "flags", "result", "public",
                          "private")})

    x25519 = []
    for group in load(directory, "x25519_test.json")["testGroups"]:
        for test in group["tests"]:
            if not X25519_FLAGS.intersection(test["flags"]):
                continue
            x25519.append({k: test[k] for k in
                           ("tcId", "comment", "flags", "result", "public",
                            "private")})

    oaep = load(directory, "rsa_oaep_2048_sha256_mgf1sha256_test.json")
    signature = load(directory, "rsa_signature_2048_sha256_test.json")
    private_group = oaep["testGroups"][0]
    public_group = signature["testGroups"][0]
    assert (private_group["privateKey"]["modulus"] ==
            public_group["publicKey"]["modulus"])
    rsa = {
        "keySize": private_group["keySize"],
        "privateKey": private_group["privateKey"],
        "privateKeyPkcs8": private_group["privateKeyPkcs8"],
        "publicKeyAsn": public_group["publicKeyAsn"],
    }

    json.dump({
        "source": "C2SP/wycheproof " + source,
        "license": "Apache License 2.0, LICENSE.wycheproof",
        "ecdh_secp256r1": {"spki_prefix_uncompressed": P256_SPKI_UNCOMPRESSED,
                           "spki_prefix_compressed": P256_SPKI_COMPRESSED,
                           "tests": ecdh},
        "x25519": x25519,
        "rsa_2048": rsa,
    }, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
