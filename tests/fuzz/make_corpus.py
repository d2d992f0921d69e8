#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target under corpus/<target>/.

Deterministic: the same inputs (this script, the driver descriptions of the
repository, the Wycheproof files of tests/vectors/testdata/wycheproof/ and one RSA
key of python3-cryptography-vectors) give the same files. Run from the
repository root:  python3 tests/fuzz/make_corpus.py
Files under corpus/<target>/regressions/ are inputs that once found a bug;
this script leaves them alone.
"""

import hashlib
import json
import os
import shutil
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "tests", "fuzz")
WYCHEPROOF = os.path.join(ROOT, "tests", "vectors", "testdata", "wycheproof")
RSA_PEM = "/usr/lib/python3/dist-packages/cryptography_vectors/asymmetric/Traditional_OpenSSL_Serialization/testrsa.pem"


def write(target, name, data):
    directory = os.path.join(HERE, "corpus", target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def clear(target):
    directory = os.path.join(HERE, "corpus", target)
    if os.path.isdir(directory):
        for entry in os.listdir(directory):
            if entry != "regressions":
                os.remove(os.path.join(directory, entry))


def chunk(data):
    """A FuzzInput chunk: 2-byte big-endian length, then the bytes."""
    return struct.pack(">H", len(data)) + data


def wycheproof(name):
    with open(os.path.join(WYCHEPROOF, name)) as f:
        return json.load(f)


def first_valid(name, count=1, group_filter=lambda g: True):
    found = []
    for group in wycheproof(name)["testGroups"]:
        if not group_filter(group):
            continue
        for test in group["tests"]:
            if test["result"] == "valid":
                found.append((group, test))
                if len(found) == count:
                    return found
    return found


def rsa_private_der():
    from cryptography.hazmat.primitives import serialization

    with open(RSA_PEM, "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL,
                             serialization.NoEncryption())


# --- description_fuzzer ---

def description_corpus():
    t = "description_fuzzer"
    clear(t)
    for path in ["drivers/sha_x86/sha_x86.json", "drivers/test/test_a.json", "drivers/test/test_opaque.json",
                 "drivers/test/test_a_names.json", "drivers/test/test_a_c_condition.json"]:
        with open(os.path.join(ROOT, path), "rb") as f:
            write(t, os.path.basename(path), f.read())
    invalid = os.path.join(ROOT, "rules/drivergen/testdata/invalid")
    for name in sorted(os.listdir(invalid))[:12]:
        if name.endswith(".json"):
            with open(os.path.join(invalid, name), "rb") as f:
                write(t, "invalid_" + name, f.read())
    write(t, "deep.json", b"[" * 70 + b"]" * 70)
    write(t, "escapes.json", b'{"prefix": "a\\u00e9\\ud83d\\ude00", "type": "transparent", "_comment": 1e400}')


# --- import_key_fuzzer: [type index, size choice, material...] ---

IMPORT_TYPES = [
    "RAW_DATA", "HMAC", "DERIVE", "PASSWORD", "PASSWORD_HASH", "PEPPER", "AES", "ARIA", "DES", "CAMELLIA",
    "SM4", "ARC4", "CHACHA20", "XCHACHA20", "RSA_KEY_PAIR", "RSA_PUBLIC_KEY", "K1_PAIR", "K1_PUBLIC",
    "R1_PAIR", "R1_PUBLIC", "R2_PAIR", "R2_PUBLIC", "SECT_K1_PAIR", "SECT_K1_PUBLIC", "SECT_R1_PAIR",
    "SECT_R1_PUBLIC", "BRAINPOOL_PAIR", "BRAINPOOL_PUBLIC", "FRP_PAIR", "FRP_PUBLIC", "MONTGOMERY_PAIR",
    "MONTGOMERY_PUBLIC", "EDWARDS_PAIR", "EDWARDS_PUBLIC", "DH_PAIR", "DH_PUBLIC", "SPAKE2P_PAIR",
    "SPAKE2P_PUBLIC",
]


def import_corpus():
    t = "import_key_fuzzer"
    clear(t)
    counting = bytes(range(1, 65))
    ecdsa = wycheproof("ecdsa_secp256r1_sha256_test.json")["testGroups"][0]
    p256_public = bytes.fromhex(ecdsa["publicKey"]["uncompressed"])
    ecdh = first_valid("ecdh_secp256r1_test.json")[0][1]
    x25519 = first_valid("x25519_test.json")[0][1]
    rsa_public = bytes.fromhex(wycheproof("rsa_signature_2048_sha256_test.json")["testGroups"][0]["publicKeyAsn"])
    seeds = {
        "RAW_DATA": [counting[:1], counting[:33]],
        "HMAC": [counting[:20], counting[:64]],
        "DERIVE": [counting[:32]],
        "PASSWORD": [b"correct horse"],
        "PEPPER": [counting[:16]],
        "AES": [counting[:16], counting[:24], counting[:32]],
        "ARIA": [counting[:16]],
        "DES": [bytes.fromhex("0123456789abcdef"), bytes.fromhex("0123456789abcdef23456789abcdef01")],
        "CAMELLIA": [counting[:32]],
        "CHACHA20": [counting[:32]],
        "XCHACHA20": [counting[:32]],
        "RSA_KEY_PAIR": [rsa_private_der()],
        "RSA_PUBLIC_KEY": [rsa_public],
        "R1_PAIR": [bytes.fromhex(ecdh["private"])[-32:]],
        "R1_PUBLIC": [p256_public],
        "K1_PAIR": [counting[:32]],
        "BRAINPOOL_PAIR": [counting[:32]],
        "MONTGOMERY_PAIR": [bytes.fromhex(x25519["private"])],
        "MONTGOMERY_PUBLIC": [bytes.fromhex(x25519["public"])],
        "EDWARDS_PAIR": [counting[:32]],
        "SPAKE2P_PAIR": [counting[:32]],
        "SPAKE2P_PUBLIC": [p256_public],
    }
    for type_name, materials in seeds.items():
        index = IMPORT_TYPES.index(type_name)
        for n, material in enumerate(materials):
            write(t, "%s_%d" % (type_name.lower(), n), bytes([index, 0]) + material)
    write(t, "aes_wrong_bits", bytes([IMPORT_TYPES.index("AES"), 13]) + counting[:16])


# --- key_file_fuzzer ---

def key_file_image(key_id, lifetime, key_type, bits, usage, alg, key):
    header = b"\x89PSAKEY\n" + struct.pack("<IIIHHIII", 1, key_id, lifetime, key_type, bits, usage, alg, len(key))
    body = header + key
    return body + hashlib.sha256(body).digest()


def key_file_corpus():
    t = "key_file_fuzzer"
    clear(t)
    aes = bytes(range(16))
    # Mode 0: whole images (a valid one, and the shapes of corruption).
    image = key_file_image(0x12345, 1, 0x2400, 128, 0x0300, 0x04404000, aes)
    write(t, "image_aes", b"\x00" + image)
    write(t, "image_truncated", b"\x00" + image[:-1])
    write(t, "image_huge_length", b"\x00" + image[:32] + b"\xff\xff\xff\xff" + image[36:])
    write(t, "image_empty", b"\x00")
    p256 = key_file_image(7, 0x00000001, 0x7112, 256, 0x1000, 0x06000609, bytes(range(1, 33)))
    write(t, "image_p256", b"\x00" + p256)
    # Mode 1: attributes, a corruption word, a key buffer.
    def fields(key_id, lifetime, key_type, bits, usage, alg, corruption, key):
        return b"\x01" + struct.pack("<IIHHIII", key_id, lifetime, key_type, bits, usage, alg, corruption) + key
    write(t, "roundtrip_flip", fields(1, 1, 0x2400, 128, 0x0300, 0x04404000, (200 << 24) | (5 << 2), aes))
    write(t, "roundtrip_truncate", fields(2, 1, 0x1001, 256, 0x4000, 0, (40 << 2) | 2, bytes(32)))
    write(t, "roundtrip_append", fields(3, 0x800001, 0x2400, 256, 0, 0, (3 << 24) | (60 << 2) | 3, bytes(range(32))))
    write(t, "roundtrip_volatile", fields(4, 0, 0x2400, 128, 0, 0, 0, aes))


# --- symmetric_decrypt_fuzzer: [mode, alg, key type, chunks...] ---

def symmetric_corpus():
    t = "symmetric_decrypt_fuzzer"
    clear(t)
    aes, chacha, hmac = 0, 3, 5  # indexes of kKeyTypes
    for n, (group, test) in enumerate(first_valid("aes_gcm_test.json", 3, lambda g: g["ivSize"] == 96)):
        body = bytes.fromhex(test["ct"] + test["tag"])
        write(t, "aead_gcm_%d" % n, bytes([0, 0, aes]) + chunk(bytes.fromhex(test["key"])) +
              chunk(bytes.fromhex(test["iv"])) + chunk(bytes.fromhex(test["aad"])) + body)
    for n, (group, test) in enumerate(first_valid("aes_ccm_test.json", 2, lambda g: g["tagSize"] == 128)):
        write(t, "aead_ccm_%d" % n, bytes([0, 1, aes]) + chunk(bytes.fromhex(test["key"])) +
              chunk(bytes.fromhex(test["iv"])) + chunk(bytes.fromhex(test["aad"])) +
              bytes.fromhex(test["ct"] + test["tag"]))
    for n, (group, test) in enumerate(first_valid("chacha20_poly1305_test.json", 2)):
        write(t, "aead_chacha_%d" % n, bytes([0, 2, chacha]) + chunk(bytes.fromhex(test["key"])) +
              chunk(bytes.fromhex(test["iv"])) + chunk(bytes.fromhex(test["aad"])) +
              bytes.fromhex(test["ct"] + test["tag"]))
    for n, (group, test) in enumerate(first_valid("hmac_sha256_test.json", 2, lambda g: g["tagSize"] == 256)):
        write(t, "mac_hmac_%d" % n, bytes([1, 0, hmac]) + chunk(bytes.fromhex(test["key"])) +
              chunk(bytes.fromhex(test["tag"])) + bytes.fromhex(test["msg"]))
    for n, (group, test) in enumerate(first_valid("aes_cmac_test.json", 2, lambda g: g["tagSize"] == 128)):
        write(t, "mac_cmac_%d" % n, bytes([1, 5, aes]) + chunk(bytes.fromhex(test["key"])) +
              chunk(bytes.fromhex(test["tag"])) + bytes.fromhex(test["msg"]))
    for n, (group, test) in enumerate(first_valid("aes_cbc_pkcs5_test.json", 3)):
        write(t, "cipher_cbc_pkcs7_%d" % n, bytes([2, 0, aes]) + chunk(bytes.fromhex(test["key"])) +
              chunk(bytes([7, 16, 1])) + bytes.fromhex(test["iv"] + test["ct"]))
    write(t, "cipher_ctr", bytes([2, 3, aes]) + chunk(bytes(16)) + chunk(b"\x05") + bytes(16) + b"ciphertext")


# --- asymmetric_verify_fuzzer: [mode, alg, type, chunks...] ---

def der_signature_to_raw(der, size):
    assert der[0] == 0x30
    at = 2 if der[1] < 0x80 else 3
    out = b""
    for _ in range(2):
        assert der[at] == 0x02
        length = der[at + 1]
        value = der[at + 2:at + 2 + length].lstrip(b"\x00")
        out += value.rjust(size, b"\x00")
        at += 2 + length
    return out


def asymmetric_corpus():
    t = "asymmetric_verify_fuzzer"
    clear(t)
    ecdsa = wycheproof("ecdsa_secp256r1_sha256_test.json")["testGroups"][0]
    public = bytes.fromhex(ecdsa["publicKey"]["uncompressed"])
    for n, (group, test) in enumerate(first_valid("ecdsa_secp256r1_sha256_test.json", 2)):
        message = bytes.fromhex(test["msg"])
        signature = der_signature_to_raw(bytes.fromhex(test["sig"]), 32)
        write(t, "ecdsa_p256_hash_%d" % n, bytes([0, 0, 0]) + chunk(public) +
              chunk(hashlib.sha256(message).digest()) + signature)
        write(t, "ecdsa_p256_message_%d" % n, bytes([0, 0, 0]) + chunk(public) + chunk(message) + signature)
    rsa_group = wycheproof("rsa_signature_2048_sha256_test.json")["testGroups"][0]
    rsa_public = bytes.fromhex(rsa_group["publicKeyAsn"])
    for n, (group, test) in enumerate(first_valid("rsa_signature_2048_sha256_test.json", 2)):
        message = bytes.fromhex(test["msg"])
        write(t, "rsa_pkcs1_%d" % n, bytes([0, 4, 1]) + chunk(bytes.fromhex(group["publicKeyAsn"])) +
              chunk(message) + bytes.fromhex(test["sig"]))
    write(t, "rsa_pss_bad", bytes([0, 6, 1]) + chunk(rsa_public) + chunk(bytes(32)) + bytes(256))
    for n, (group, test) in enumerate(first_valid("ecdh_secp256r1_test.json", 2)):
        peer = bytes.fromhex(test["public"])[-65:]
        write(t, "ecdh_p256_%d" % n, bytes([1, 0, 0]) + chunk(bytes.fromhex(test["private"])[-32:]) + peer)
    for n, (group, test) in enumerate(first_valid("x25519_test.json", 2)):
        write(t, "x25519_%d" % n, bytes([1, 0, 1]) + chunk(bytes.fromhex(test["private"])) +
              bytes.fromhex(test["public"]))


# --- state_machine_fuzzer: [family, call, arg, ...]* ---

def state_machine_corpus():
    t = "state_machine_fuzzer"
    clear(t)
    HASH, MAC, CIPHER, AEAD, KDF, PAKE = range(6)
    sequences = {
        # setup SHA-256, update, finish; verify after; clone
        "hash": [HASH, 0, 0, HASH, 1, 0, *chunk(b"abc"), HASH, 4, 0, HASH, 2, 2, HASH, 1, 0, *chunk(b"x"),
                 HASH, 0, 0, HASH, 3, 0, *chunk(bytes(32)), HASH, 5, 0],
        "mac": [MAC, 0, 0, MAC, 2, 0, *chunk(b"data"), MAC, 4, 0, *chunk(bytes(32)), MAC, 5, 0,
                MAC, 1, 1, MAC, 2, 0, *chunk(b"data"), MAC, 4, 0, *chunk(bytes(16))],
        "cipher": [CIPHER, 0, 0, CIPHER, 3, 2, CIPHER, 4, 2, *chunk(bytes(20)), CIPHER, 5, 2,
                   CIPHER, 1, 0, CIPHER, 4, 2, *chunk(bytes(16)), CIPHER, 2, 0, *chunk(bytes(16)),
                   CIPHER, 4, 2, *chunk(bytes(32)), CIPHER, 5, 2],
        "aead": [AEAD, 0, 0, AEAD, 4, 2, AEAD, 5, 0, *chunk(b"ad"), AEAD, 6, 2, *chunk(b"plaintext"),
                 AEAD, 7, 2, 2, AEAD, 1, 1, AEAD, 2, 0, 2, 5, AEAD, 3, 0, *chunk(bytes(12)),
                 AEAD, 5, 0, *chunk(b"ad"), AEAD, 6, 2, *chunk(b"hello"), AEAD, 8, 2, *chunk(bytes(16))],
        "kdf": [KDF, 0, 0, KDF, 1, 1, *chunk(b"salt"), KDF, 3, 0, KDF, 1, 2, *chunk(b"info"), KDF, 4, 0,
                KDF, 5, 8, KDF, 6, 16, KDF, 6, 40, KDF, 7, 0, *chunk(bytes(4)), KDF, 8, 0,
                KDF, 0, 2, KDF, 2, 6, 100, KDF, 1, 1, *chunk(b"salt"), KDF, 1, 5, *chunk(b"pw"), KDF, 6, 20],
        "pake": [PAKE, 0, 1, PAKE, 1, 1, PAKE, 2, 0, *chunk(b"client"), PAKE, 3, 0, *chunk(b"server"),
                 PAKE, 5, 0, 2, PAKE, 5, 1, 2, PAKE, 5, 2, 2, PAKE, 6, 0, *chunk(bytes(65)), PAKE, 7, 0,
                 PAKE, 8, 0],
        "everything": [HASH, 0, 0, MAC, 0, 0, CIPHER, 0, 1, AEAD, 0, 2, KDF, 0, 0, PAKE, 0, 1,
                       HASH, 0, 0, MAC, 1, 0, CIPHER, 1, 1, AEAD, 1, 2, KDF, 0, 0, PAKE, 0, 1],
    }
    for name, sequence in sequences.items():
        write(t, name, bytes(sequence))


def main():
    description_corpus()
    import_corpus()
    key_file_corpus()
    symmetric_corpus()
    asymmetric_corpus()
    state_machine_corpus()
    return 0


if __name__ == "__main__":
    sys.exit(main())
