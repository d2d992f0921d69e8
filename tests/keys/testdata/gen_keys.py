#!/usr/bin/env python3
"""Writes keys.inc: asymmetric test keys in the PSA import/export formats.

Run by hand, never by the build (the output is checked in so that the tests
use fixed keys):

    python3 tests/keys/testdata/gen_keys.py \
        /work/shared/vectors/wycheproof > tests/keys/testdata/keys.inc

Every key except the Wycheproof ones is generated afresh by the OpenSSL
command line tool (3.0), which also computes the public key: the tests then
check that psa_export_public_key() of the imported key pair gives exactly
OpenSSL's public key, a known answer from an independent implementation.
Wycheproof keys (Apache-2.0, see LICENSE.wycheproof): the RSA-2048 key pair
of rsa_oaep_2048_sha256_mgf1sha256_test.json and the P-256 public key of
ecdsa_secp256r1_sha256_test.json.

Formats (PSA Crypto API, "Key format" of each key type):
  Weierstrass key pair: the private scalar, big-endian, ceil(bits/8) bytes;
  Weierstrass public key: 0x04 || x || y;
  Montgomery / Edwards: the raw RFC 7748 / RFC 8032 strings (Montgomery
    private scalars clamped as decodeScalar25519/448 do);
  RSA key pair: DER RSAPrivateKey; RSA public key: DER RSAPublicKey;
  FFDH: x and y big-endian, padded to the length of p.
"""

import json
import os
import subprocess
import sys
import tempfile


def der_read(data, offset=0):
    """Returns (tag, content, next_offset) of the DER TLV at `offset`."""
    tag = data[offset]
    length = data[offset + 1]
    offset += 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(data[offset:offset + count], "big")
        offset += count
    return tag, data[offset:offset + length], offset + length


def der_children(content):
    children = []
    offset = 0
    while offset < len(content):
        tag, value, offset = der_read(content, offset)
        children.append((tag, value))
    return children


def der_length(n):
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def der_tlv(tag, content):
    return bytes([tag]) + der_length(len(content)) + content


def der_integer(value):
    raw = value.to_bytes(max(1, (value.bit_length() + 8) // 8), "big")
    return der_tlv(0x02, raw)


def openssl(*args, stdin=None):
    return subprocess.run(["openssl", *args], input=stdin, check=True,
                          capture_output=True).stdout


def weierstrass(curve, bits):
    pem = openssl("ecparam", "-name", curve, "-genkey", "-noout")
    der = openssl("ec", "-outform", "DER", stdin=pem)
    _, content, _ = der_read(der)
    fields = der_children(content)
    private = fields[1][1]
    public = None
    for tag, value in fields[2:]:
        if tag == 0xA1:
            _, bitstring, _ = der_read(value)
            public = bitstring[1:]
    size = (bits + 7) // 8
    assert len(private) <= size, (curve, len(private))
    private = private.rjust(size, b"\0")
    # 0x04 || x || y; x and y have the size of the field elements (for
    # secp224k1, 28 bytes although the key size is 225 bits).
    assert public[0] == 4 and len(public) % 2 == 1, curve
    return private, public


def raw_pkey(algorithm, private_size, public_size):
    pem = openssl("genpkey", "-algorithm", algorithm)
    der = openssl("pkey", "-outform", "DER", stdin=pem)
    _, content, _ = der_read(der)
    fields = der_children(content)
    _, inner, _ = der_read(fields[2][1])
    private = inner
    assert len(private) == private_size, algorithm
    spki = openssl("pkey", "-pubout", "-outform", "DER", stdin=pem)
    _, content, _ = der_read(spki)
    fields = der_children(content)
    public = fields[1][1][1:]
    assert len(public) == public_size, algorithm
    return private, public


def clamp25519(k):
    k = bytearray(k)
    k[0] &= 248
    k[31] &= 127
    k[31] |= 64
    return bytes(k)


def clamp448(k):
    k = bytearray(k)
    k[0] &= 252
    k[55] |= 128
    return bytes(k)


def rsa(bits):
    pem = openssl("genpkey", "-algorithm", "RSA", "-pkeyopt",
                  "rsa_keygen_bits:%d" % bits)
    private = openssl("pkey", "-outform", "DER", "-traditional", stdin=pem)
    public = openssl("rsa", "-RSAPublicKey_out", "-outform", "DER",
                     stdin=pem)
    return private, public


def ffdh(group, bits):
    pem = openssl("genpkey", "-algorithm", "DH", "-pkeyopt",
                  "group:" + group)
    text = openssl("pkey", "-text", "-noout", stdin=pem).decode()
    values = {}
    current = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("private-key:"):
            current = "x"
            values[current] = ""
        elif stripped.startswith("public-key:"):
            current = "y"
            values[current] = ""
        elif current and stripped and all(
                c in "0123456789abcdef:" for c in stripped):
            values[current] += stripped.replace(":", "")
        else:
            current = None
    size = bits // 8
    x = int(values["x"], 16).to_bytes(size, "big")
    y = int(values["y"], 16).to_bytes(size, "big")
    return x, y


def wycheproof_rsa_2048(vectors):
    path = os.path.join(vectors, "rsa_oaep_2048_sha256_mgf1sha256_test.json")
    group = json.load(open(path))["testGroups"][0]
    pkcs8 = bytes.fromhex(group["privateKeyPkcs8"])
    _, content, _ = der_read(pkcs8)
    private = der_children(content)[2][1]  # the OCTET STRING's content
    key = group["privateKey"]
    public = der_tlv(0x30, der_integer(int(key["modulus"], 16)) +
                     der_integer(int(key["publicExponent"], 16)))
    # The RSAPrivateKey must hold the same modulus and exponent.
    fields = der_children(der_read(private)[1])
    assert int.from_bytes(fields[1][1], "big") == int(key["modulus"], 16)
    return private, public


def wycheproof_p256_public(vectors):
    path = os.path.join(vectors, "ecdsa_secp256r1_sha256_test.json")
    group = json.load(open(path))["testGroups"][0]
    return bytes.fromhex(group["publicKey"]["uncompressed"])


def c_hex(data):
    return '"' + data.hex() + '"'


def main():
    vectors = sys.argv[1]
    out = []
    out.append("// Generated by tests/keys/testdata/gen_keys.py; do not edit.")
    out.append("// Entries: {name, key pair type, public key type, bits,")
    out.append("//           key pair export format (hex),")
    out.append("//           public key export format (hex)}.")
    out.append("// An empty key pair string: a public key only.")
    entries = []

    def ecc(family, curve, bits):
        private, public = weierstrass(curve, bits)
        entries.append((curve, "PSA_KEY_TYPE_ECC_KEY_PAIR(%s)" % family,
                        "PSA_KEY_TYPE_ECC_PUBLIC_KEY(%s)" % family, bits,
                        private, public))

    for curve, bits in [("prime192v1", 192), ("secp224r1", 224),
                        ("prime256v1", 256), ("secp384r1", 384),
                        ("secp521r1", 521)]:
        ecc("PSA_ECC_FAMILY_SECP_R1", curve, bits)
    for curve, bits in [("secp192k1", 192), ("secp224k1", 225),
                        ("secp256k1", 256)]:
        ecc("PSA_ECC_FAMILY_SECP_K1", curve, bits)
    for curve, bits in [("brainpoolP160r1", 160), ("brainpoolP192r1", 192),
                        ("brainpoolP224r1", 224), ("brainpoolP256r1", 256),
                        ("brainpoolP320r1", 320), ("brainpoolP384r1", 384),
                        ("brainpoolP512r1", 512)]:
        ecc("PSA_ECC_FAMILY_BRAINPOOL_P_R1", curve, bits)
    ecc("PSA_ECC_FAMILY_SECT_K1", "sect163k1", 163)
    ecc("PSA_ECC_FAMILY_SECT_K1", "sect233k1", 233)
    ecc("PSA_ECC_FAMILY_SECT_R1", "sect233r1", 233)

    private, public = raw_pkey("X25519", 32, 32)
    entries.append(("x25519", "PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY)",
                    "PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_MONTGOMERY)",
                    255, clamp25519(private), public))
    private, public = raw_pkey("X448", 56, 56)
    entries.append(("x448", "PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY)",
                    "PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_MONTGOMERY)",
                    448, clamp448(private), public))
    private, public = raw_pkey("ED25519", 32, 32)
    entries.append(("ed25519", "PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS)",
                    "PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_TWISTED_EDWARDS)",
                    255, private, public))
    private, public = raw_pkey("ED448", 57, 57)
    entries.append(("ed448", "PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS)",
                    "PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_TWISTED_EDWARDS)",
                    448, private, public))

    for bits in [1024, 2048, 3072, 4096]:
        private, public = rsa(bits)
        entries.append(("rsa%d" % bits, "PSA_KEY_TYPE_RSA_KEY_PAIR",
                        "PSA_KEY_TYPE_RSA_PUBLIC_KEY", bits, private, public))
    private, public = wycheproof_rsa_2048(vectors)
    entries.append(("wycheproof_rsa2048", "PSA_KEY_TYPE_RSA_KEY_PAIR",
                    "PSA_KEY_TYPE_RSA_PUBLIC_KEY", 2048, private, public))
    entries.append(("wycheproof_p256_public",
                    "PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1)",
                    "PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1)", 256,
                    b"", wycheproof_p256_public(vectors)))

    x, y = ffdh("ffdhe2048", 2048)
    entries.append(("ffdhe2048", "PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919)",
                    "PSA_KEY_TYPE_DH_PUBLIC_KEY(PSA_DH_FAMILY_RFC7919)", 2048,
                    x, y))

    for name, pair, public_type, bits, private, public in entries:
        out.append('{"%s", %s, %s, %d,' % (name, pair, public_type, bits))
        out.append("    " + c_hex(private) + ",")
        out.append("    " + c_hex(public) + "},")
    print("\n".join(out))


if __name__ == "__main__":
    main()
