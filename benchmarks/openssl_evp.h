// OpenSSL 3's EVP API as a benchmark baseline (rows .../openssl_evp/... and
// .../paired_openssl_evp/..., benchmarks/openssl_evp_benchmark.cc).
//
// Each EvpOperation is one row's computation with everything OpenSSL lets an
// application prepare once made outside the timed loop: algorithms fetched
// (EVP_*_fetch), keys set into a reused context (cipher, MAC), EVP_PKEYs
// parsed and their EVP_PKEY_CTX initialized (sign, verify, derive with the
// peer set), HKDF's parameters set. A Run() then does only the per-message
// work. That is OpenSSL's best case: an application that parses keys or
// fetches algorithms per message (as one PSA call with a key id must, in a
// driver without a cache) is slower.

#ifndef BENCHMARKS_OPENSSL_EVP_H_
#define BENCHMARKS_OPENSSL_EVP_H_

#include <stddef.h>
#include <stdint.h>

#include <memory>
#include <string>
#include <vector>

#include "psa/crypto.h"

namespace psa_benchmarks {

class EvpOperation {
 public:
  virtual ~EvpOperation() = default;
  // One computation: PSA_SUCCESS; PSA_ERROR_INVALID_SIGNATURE when a tag or
  // signature does not verify; PSA_ERROR_GENERIC_ERROR when OpenSSL fails
  // otherwise (its error queue is cleared).
  virtual int32_t Run() = 0;
  // What the last successful Run() wrote: ciphertext || tag, plaintext,
  // digest, MAC, signature (DER for ECDSA, as OpenSSL encodes it), shared
  // secret, derived bytes; empty for a verification.
  std::vector<uint8_t> Output() const;

 protected:
  explicit EvpOperation(size_t capacity) : out_(capacity) {}
  std::vector<uint8_t> out_;
  size_t out_length_ = 0;
};

// The factories return nullptr and set *error when OpenSSL cannot prepare the
// operation ("<what>: not supported" for an algorithm these baselines do not
// map). Key bytes are in PSA's import format.

// AES-GCM, AES-CCM (nonce length from `nonce`, 16-byte tag) or
// ChaCha20-Poly1305: encryption of `plaintext` (output: ciphertext || tag)
// and decryption of `ciphertext` (ciphertext || tag; output: plaintext).
std::unique_ptr<EvpOperation> EvpAeadEncrypt(psa_key_type_t type, psa_algorithm_t alg,
                                             const std::vector<uint8_t>& key, std::vector<uint8_t> nonce,
                                             std::vector<uint8_t> additional_data, std::vector<uint8_t> plaintext,
                                             std::string* error);
std::unique_ptr<EvpOperation> EvpAeadDecrypt(psa_key_type_t type, psa_algorithm_t alg,
                                             const std::vector<uint8_t>& key, std::vector<uint8_t> nonce,
                                             std::vector<uint8_t> additional_data, std::vector<uint8_t> ciphertext,
                                             std::string* error);

// AES-CTR, AES-CBC without padding or with PKCS#7: encryption of
// `plaintext` under `iv` (output: ciphertext), decryption of
// `iv_and_ciphertext` (output: plaintext).
std::unique_ptr<EvpOperation> EvpCipherEncrypt(psa_algorithm_t alg, const std::vector<uint8_t>& key,
                                               std::vector<uint8_t> iv, std::vector<uint8_t> plaintext,
                                               std::string* error);
std::unique_ptr<EvpOperation> EvpCipherDecrypt(psa_algorithm_t alg, const std::vector<uint8_t>& key,
                                               std::vector<uint8_t> iv_and_ciphertext, std::string* error);

// HMAC-SHA-256 or AES-CMAC of `message` (EVP_MAC, re-initialized per call
// with the key it holds).
std::unique_ptr<EvpOperation> EvpMac(psa_algorithm_t alg, const std::vector<uint8_t>& key,
                                     std::vector<uint8_t> message, std::string* error);

// SHA-1, SHA-224, SHA-256 of `message` (a fetched EVP_MD, one reused
// EVP_MD_CTX).
std::unique_ptr<EvpOperation> EvpDigest(psa_algorithm_t alg, std::vector<uint8_t> message, std::string* error);

// ECDSA (secp256r1/secp384r1, randomized) or RSA PKCS#1 v1.5 / PSS (salt:
// the hash length) signature of `hash`. `public_key` is the key pair's
// public key in PSA's export format (OpenSSL wants the point of an EC key).
std::unique_ptr<EvpOperation> EvpSignHash(psa_key_type_t type, size_t bits, psa_algorithm_t alg,
                                          const std::vector<uint8_t>& key_pair,
                                          const std::vector<uint8_t>& public_key, std::vector<uint8_t> hash,
                                          std::string* error);
// Verification of `signature` (PSA's format: r || s for ECDSA) over `hash`.
std::unique_ptr<EvpOperation> EvpVerifyHash(psa_key_type_t type, size_t bits, psa_algorithm_t alg,
                                            const std::vector<uint8_t>& key_pair,
                                            const std::vector<uint8_t>& public_key, std::vector<uint8_t> hash,
                                            const std::vector<uint8_t>& signature, std::string* error);

// ECDH on secp256r1 or X25519: the shared secret of `key_pair` (with its
// `public_key`) and `peer_public_key` (export formats).
std::unique_ptr<EvpOperation> EvpKeyAgreement(psa_key_type_t type, size_t bits, const std::vector<uint8_t>& key_pair,
                                              const std::vector<uint8_t>& public_key,
                                              const std::vector<uint8_t>& peer_public_key, std::string* error);

// HKDF-SHA-256 (extract and expand) of `secret`, `salt`, `info`,
// `output_size` bytes out.
std::unique_ptr<EvpOperation> EvpHkdfSha256(const std::vector<uint8_t>& secret, const std::vector<uint8_t>& salt,
                                            const std::vector<uint8_t>& info, size_t output_size, std::string* error);

// An ECDSA signature from DER (ECDSA-Sig-Value) to PSA's r || s of
// `coordinate_bytes` each; empty if it does not parse or does not fit.
std::vector<uint8_t> EcdsaDerToRaw(const std::vector<uint8_t>& der, size_t coordinate_bytes);

}  // namespace psa_benchmarks

#endif  // BENCHMARKS_OPENSSL_EVP_H_
