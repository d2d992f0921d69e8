// What the signature, asymmetric encryption and key agreement benchmarks
// share: the measured mechanisms with their fixed keys, the keys in this
// project's key store and in Mbed TLS 2.28's, and the check that Mbed TLS
// 2.28 computes what this project computes (so that the mbedtls228 rows
// measure the same computation). Row names: benchmarks/row_runner.h.
//
// Fixed keys, imported in both implementations:
//   P-256  RFC 6979 A.2.5's private key (signatures), RFC 5903 section 8.1's
//          i and r (ECDH: ours and the peer's)
//   P-384  RFC 6979 A.2.6's private key
//   X25519 RFC 7748 section 6.1's Alice (ours) and Bob (the peer)
//   RSA    a 2048-bit key generated for these benchmarks with
//          `openssl genrsa 2048` (DER RSAPrivateKey, asymmetric_support.cc)

#ifndef BENCHMARKS_ASYMMETRIC_SUPPORT_H_
#define BENCHMARKS_ASYMMETRIC_SUPPORT_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {

// One asymmetric mechanism: the key pair, the algorithm, the same in the
// baseline, and the size of the row's input (hash, plaintext) or output
// (shared secret), the <bytes> of its row names.
struct AsymmetricMechanism {
  const char* name;  // in row names: "ecdsa_p256_sha256"
  psa_key_type_t key_type;
  psa_algorithm_t alg;
  baseline_mechanism_t baseline;
  const char* key_hex;   // the key pair, PSA import format
  const char* peer_hex;  // key agreement: the peer's key pair; else null
  size_t size;
};

// ecdsa_p256_sha256, ecdsa_p384_sha384, detecdsa_p256_sha256,
// rsa2048_pkcs1v15_sha256, rsa2048_pss_sha256 (size: the hash length).
extern const AsymmetricMechanism kSignatureMechanisms[5];
// rsa2048_oaep_sha256, rsa2048_pkcs1v15_crypt (size: a 32-byte plaintext).
extern const AsymmetricMechanism kEncryptionMechanisms[2];
// ecdh_p256, x25519 (size: the shared secret).
extern const AsymmetricMechanism kAgreementMechanisms[2];

// The bytes of a hex string (whitespace allowed between bytes).
std::vector<uint8_t> FromHex(const char* hex);

// Usage of every key imported here: sign and verify hashes and messages,
// encrypt, decrypt, derive, export (the builtin_direct rows read the key
// buffer with psa_export_key).
inline constexpr psa_key_usage_t kAsymmetricUsage =
    PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_SIGN_MESSAGE |
    PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_DERIVE |
    PSA_KEY_USAGE_EXPORT;

// The public key of the peer of an agreement mechanism, in export format,
// as this project computes it (psa_export_public_key); empty on failure.
std::vector<uint8_t> PeerPublicKey(const AsymmetricMechanism& mechanism);

// Whether Mbed TLS 2.28 and this project agree on `mechanism`: the same
// public key; signatures: each verifies the other's, a corrupted signature
// fails on both, deterministic algorithms (deterministic ECDSA, PKCS#1 v1.5)
// give identical signatures, and deterministic ECDSA on "sample" gives RFC
// 6979's signature; encryption: each decrypts the other's ciphertext;
// agreement: the same shared secret, and RFC 5903's or RFC 7748's. Returns
// "" if they agree, else what differs.
std::string CheckAsymmetricAgreement(const AsymmetricMechanism& mechanism);

}  // namespace psa_benchmarks

#endif  // BENCHMARKS_ASYMMETRIC_SUPPORT_H_
