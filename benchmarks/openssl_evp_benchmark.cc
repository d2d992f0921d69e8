// OpenSSL 3 EVP as a baseline in the same run: for the operations of the
// issue's goals, rows BM_<Op>/openssl_evp/<mechanism>/<bytes> (OpenSSL
// alone) and BM_<Op>/paired_openssl_evp/<mechanism>/<bytes> (psa and
// OpenSSL timed alternately, counter ratio = OpenSSL time / psa time, so
// ours' speed relative to OpenSSL's), beside the psa, mbedtls228 and paired
// rows of the same names that the family benchmarks register. The psa side
// of a paired row makes the same calls as the family's psa row.
//
// OpenSSL's side is its best case (benchmarks/openssl_evp.h): algorithms
// fetched, keys parsed and contexts initialized before the timed loop. Each
// row first checks that OpenSSL and this project compute the same thing
// (skipped with "OpenSSL disagrees: ..." otherwise).
//
//   AeadEncrypt/AeadDecrypt  aes128gcm 64 B and 16 KiB, aes128ccm 1 KiB,
//                            chacha20poly1305 16 KiB (one psa_aead_* call)
//   CipherEncrypt            aes128ctr, aes128cbc_nopad, aes128cbc_pkcs7
//                            16 KiB, multi-part with a chosen IV
//   CipherDecrypt            the same, psa_cipher_decrypt of IV || ciphertext
//   MacCompute               hmacsha256 64 B and 16 KiB, aes128cmac 1 KiB
//   HashCompute              sha1, sha224, sha256 at 64 B and 16 KiB
//   SignHash/VerifyHash      ecdsa_p256_sha256, ecdsa_p384_sha384,
//                            rsa2048_pkcs1v15_sha256, rsa2048_pss_sha256
//   RawKeyAgreement          ecdh_p256, x25519 (OpenSSL: the peer's key
//                            parsed once; psa parses it per call)
//   KeyDerivation            hkdf_sha256, 32 bytes out

#include <benchmark/benchmark.h>

#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "benchmarks/asymmetric_support.h"
#include "benchmarks/kdf_support.h"
#include "benchmarks/openssl_evp.h"
#include "benchmarks/row_runner.h"
#include "benchmarks/symmetric_support.h"
#include "psa/crypto.h"

namespace psa_benchmarks {
namespace {

constexpr size_t kBlock = 16;

// What a row's setup keeps alive: our key, the buffers, OpenSSL's operation.
struct Row {
  std::unique_ptr<OurKey> ours;
  std::unique_ptr<EvpOperation> evp;
  std::vector<uint8_t> input;
  std::vector<uint8_t> extra;  // IV, signature
  std::vector<uint8_t> output;
  size_t length = 0;
};

RowOperations WithEvp(const std::shared_ptr<Row>& row, Call psa) {
  RowOperations ops;
  ops.psa = std::move(psa);
  ops.openssl_evp = [row] { return row->evp->Run(); };
  return ops;
}

// Runs both sides once; "" if both succeed, else what failed.
std::string RunBoth(const RowOperations& ops) {
  std::string error = StatusError("psa", ops.psa());
  if (error.empty()) error = StatusError("OpenSSL", ops.openssl_evp());
  return error;
}

std::string Disagrees(const std::string& what) { return "OpenSSL disagrees: " + what; }

std::vector<uint8_t> Written(const Row& row) {
  return std::vector<uint8_t>(row.output.begin(), row.output.begin() + static_cast<std::ptrdiff_t>(row.length));
}

// --- AEAD ---

RowOperations AeadRow(const Mechanism& m, size_t size, bool encrypt, std::string* error) {
  auto row = std::make_shared<Row>();
  row->ours = std::make_unique<OurKey>(m);
  *error = StatusError("psa_import_key", row->ours->status());
  if (!error->empty()) return {};
  const std::vector<uint8_t> plaintext = Pattern(size, 0x70);
  row->output.resize(size + PSA_AEAD_TAG_MAX_SIZE);
  const psa_key_id_t id = row->ours->id();
  const psa_algorithm_t alg = m.alg;
  if (encrypt) {
    row->input = plaintext;
  } else {
    // Our ciphertext || tag, which OpenSSL must decrypt back.
    row->input.resize(size + PSA_AEAD_TAG_MAX_SIZE);
    size_t length = 0;
    *error = StatusError("psa_aead_encrypt",
                         psa_aead_encrypt(id, alg, kNonce.data(), kNonce.size(), kAdditionalData.data(),
                                          kAdditionalData.size(), plaintext.data(), plaintext.size(),
                                          row->input.data(), row->input.size(), &length));
    if (!error->empty()) return {};
    row->input.resize(length);
  }
  row->evp = encrypt ? EvpAeadEncrypt(m.key_type, alg, KeyBytes(m), kNonce, kAdditionalData, row->input, error)
                     : EvpAeadDecrypt(m.key_type, alg, KeyBytes(m), kNonce, kAdditionalData, row->input, error);
  if (!row->evp) return {};
  Row* r = row.get();
  RowOperations ops = WithEvp(row, [r, id, alg, encrypt] {
    return encrypt ? psa_aead_encrypt(id, alg, kNonce.data(), kNonce.size(), kAdditionalData.data(),
                                      kAdditionalData.size(), r->input.data(), r->input.size(), r->output.data(),
                                      r->output.size(), &r->length)
                   : psa_aead_decrypt(id, alg, kNonce.data(), kNonce.size(), kAdditionalData.data(),
                                      kAdditionalData.size(), r->input.data(), r->input.size(), r->output.data(),
                                      r->output.size(), &r->length);
  });
  *error = RunBoth(ops);
  if (error->empty() && row->evp->Output() != Written(*row)) *error = Disagrees("different output");
  if (error->empty() && !encrypt && row->evp->Output() != plaintext) *error = Disagrees("different plaintext");
  return error->empty() ? ops : RowOperations{};
}

// --- Ciphers ---

// Multi-part encryption under r->extra (the IV), as cipher_benchmark.cc's
// CipherEncrypt rows do.
psa_status_t EncryptMultipart(Row* r, psa_algorithm_t alg) {
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  size_t written = 0, finished = 0;
  psa_status_t status = psa_cipher_encrypt_setup(&operation, r->ours->id(), alg);
  if (status == PSA_SUCCESS) status = psa_cipher_set_iv(&operation, r->extra.data(), r->extra.size());
  if (status == PSA_SUCCESS) {
    status = psa_cipher_update(&operation, r->input.data(), r->input.size(), r->output.data(), r->output.size(),
                               &written);
  }
  if (status == PSA_SUCCESS) {
    status = psa_cipher_finish(&operation, r->output.data() + written, r->output.size() - written, &finished);
  }
  if (status != PSA_SUCCESS) psa_cipher_abort(&operation);
  r->length = written + finished;
  return status;
}

RowOperations CipherRow(const Mechanism& m, size_t size, bool encrypt, std::string* error) {
  auto row = std::make_shared<Row>();
  row->ours = std::make_unique<OurKey>(m);
  *error = StatusError("psa_import_key", row->ours->status());
  if (!error->empty()) return {};
  const std::vector<uint8_t> plaintext = Pattern(size, 0x70);
  row->extra = Pattern(kBlock, 0x17);
  row->input = plaintext;
  row->output.resize(size + 3 * kBlock);
  const psa_algorithm_t alg = m.alg;
  if (!encrypt) {
    // IV || our ciphertext.
    *error = StatusError("multi-part encryption", EncryptMultipart(row.get(), alg));
    if (!error->empty()) return {};
    row->input = row->extra;
    row->input.insert(row->input.end(), row->output.begin(),
                      row->output.begin() + static_cast<std::ptrdiff_t>(row->length));
  }
  row->evp = encrypt ? EvpCipherEncrypt(alg, KeyBytes(m), row->extra, row->input, error)
                     : EvpCipherDecrypt(alg, KeyBytes(m), row->input, error);
  if (!row->evp) return {};
  Row* r = row.get();
  const psa_key_id_t id = row->ours->id();
  RowOperations ops = WithEvp(row, [r, id, alg, encrypt] {
    return encrypt ? EncryptMultipart(r, alg)
                   : psa_cipher_decrypt(id, alg, r->input.data(), r->input.size(), r->output.data(),
                                        r->output.size(), &r->length);
  });
  *error = RunBoth(ops);
  if (error->empty() && row->evp->Output() != Written(*row)) *error = Disagrees("different output");
  if (error->empty() && !encrypt && row->evp->Output() != plaintext) *error = Disagrees("different plaintext");
  return error->empty() ? ops : RowOperations{};
}

// --- MACs and hashes ---

RowOperations MacRow(const Mechanism& m, size_t size, std::string* error) {
  auto row = std::make_shared<Row>();
  row->ours = std::make_unique<OurKey>(m);
  *error = StatusError("psa_import_key", row->ours->status());
  if (!error->empty()) return {};
  row->input = Pattern(size, 0x70);
  row->output.resize(PSA_MAC_MAX_SIZE);
  row->evp = EvpMac(m.alg, KeyBytes(m), row->input, error);
  if (!row->evp) return {};
  Row* r = row.get();
  const psa_key_id_t id = row->ours->id();
  const psa_algorithm_t alg = m.alg;
  RowOperations ops = WithEvp(row, [r, id, alg] {
    return psa_mac_compute(id, alg, r->input.data(), r->input.size(), r->output.data(), r->output.size(), &r->length);
  });
  *error = RunBoth(ops);
  if (error->empty() && row->evp->Output() != Written(*row)) *error = Disagrees("different MAC");
  return error->empty() ? ops : RowOperations{};
}

RowOperations HashRow(psa_algorithm_t alg, size_t size, std::string* error) {
  auto row = std::make_shared<Row>();
  // hash_benchmark.cc's message.
  row->input.resize(size);
  for (size_t i = 0; i < size; ++i) row->input[i] = static_cast<uint8_t>(i * 31 + 7);
  row->output.resize(PSA_HASH_MAX_SIZE);
  row->evp = EvpDigest(alg, row->input, error);
  if (!row->evp) return {};
  Row* r = row.get();
  RowOperations ops = WithEvp(row, [r, alg] {
    return psa_hash_compute(alg, r->input.data(), r->input.size(), r->output.data(), r->output.size(), &r->length);
  });
  *error = RunBoth(ops);
  if (error->empty() && row->evp->Output() != Written(*row)) *error = Disagrees("different digest");
  return error->empty() ? ops : RowOperations{};
}

// --- Asymmetric ---

// Our key of `m`, its bits and public key (export format).
bool ImportAsymmetric(const AsymmetricMechanism& m, Row* row, size_t* bits, std::vector<uint8_t>* public_key,
                      std::string* error) {
  row->ours = std::make_unique<OurKey>(m.key_type, m.alg, kAsymmetricUsage, FromHex(m.key_hex));
  *error = StatusError("psa_import_key", row->ours->status());
  if (!error->empty()) return false;
  *bits = psa_get_key_bits(&row->ours->attributes());
  public_key->resize(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
  size_t length = 0;
  *error = StatusError("psa_export_public_key",
                       psa_export_public_key(row->ours->id(), public_key->data(), public_key->size(), &length));
  public_key->resize(length);
  return error->empty();
}

RowOperations SignRow(const AsymmetricMechanism& m, bool sign, std::string* error) {
  auto row = std::make_shared<Row>();
  size_t bits = 0;
  std::vector<uint8_t> public_key;
  if (!ImportAsymmetric(m, row.get(), &bits, &public_key, error)) return {};
  const psa_key_id_t id = row->ours->id();
  const psa_algorithm_t alg = m.alg;
  row->input = Pattern(m.size, 0x48);
  row->output.resize(PSA_SIGNATURE_MAX_SIZE);
  // Our signature: what the verification rows verify.
  row->extra.resize(PSA_SIGNATURE_MAX_SIZE);
  size_t length = 0;
  *error = StatusError("psa_sign_hash", psa_sign_hash(id, alg, row->input.data(), row->input.size(),
                                                      row->extra.data(), row->extra.size(), &length));
  if (!error->empty()) return {};
  row->extra.resize(length);
  row->evp = sign ? EvpSignHash(m.key_type, bits, alg, FromHex(m.key_hex), public_key, row->input, error)
                  : EvpVerifyHash(m.key_type, bits, alg, FromHex(m.key_hex), public_key, row->input, row->extra, error);
  if (!row->evp) return {};
  Row* r = row.get();
  RowOperations ops = WithEvp(row, [r, id, alg, sign] {
    return sign ? psa_sign_hash(id, alg, r->input.data(), r->input.size(), r->output.data(), r->output.size(),
                                &r->length)
                : psa_verify_hash(id, alg, r->input.data(), r->input.size(), r->extra.data(), r->extra.size());
  });
  *error = RunBoth(ops);
  if (!error->empty() || !sign) return error->empty() ? ops : RowOperations{};
  // OpenSSL's signature must verify with our key; PKCS#1 v1.5 is
  // deterministic: the same bytes.
  std::vector<uint8_t> theirs = row->evp->Output();
  if (PSA_KEY_TYPE_IS_ECC(m.key_type)) theirs = EcdsaDerToRaw(theirs, PSA_BITS_TO_BYTES(bits));
  if (psa_verify_hash(id, alg, row->input.data(), row->input.size(), theirs.data(), theirs.size()) != PSA_SUCCESS) {
    *error = Disagrees("its signature does not verify");
  } else if (PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) && theirs != Written(*row)) {
    *error = Disagrees("different PKCS#1 v1.5 signature");
  }
  return error->empty() ? ops : RowOperations{};
}

RowOperations AgreementRow(const AsymmetricMechanism& m, std::string* error) {
  auto row = std::make_shared<Row>();
  size_t bits = 0;
  std::vector<uint8_t> public_key;
  if (!ImportAsymmetric(m, row.get(), &bits, &public_key, error)) return {};
  row->extra = PeerPublicKey(m);
  if (row->extra.empty()) {
    *error = "the peer's public key failed";
    return {};
  }
  row->output.resize(PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE);
  row->evp = EvpKeyAgreement(m.key_type, bits, FromHex(m.key_hex), public_key, row->extra, error);
  if (!row->evp) return {};
  Row* r = row.get();
  const psa_key_id_t id = row->ours->id();
  const psa_algorithm_t alg = m.alg;
  RowOperations ops = WithEvp(row, [r, id, alg] {
    return psa_raw_key_agreement(alg, id, r->extra.data(), r->extra.size(), r->output.data(), r->output.size(),
                                 &r->length);
  });
  *error = RunBoth(ops);
  if (error->empty() && row->evp->Output() != Written(*row)) *error = Disagrees("different shared secret");
  return error->empty() ? ops : RowOperations{};
}

RowOperations HkdfRow(std::string* error) {
  const KdfMechanism& m = kHkdfSha256;
  auto row = std::make_shared<Row>();
  const std::vector<uint8_t> secret = KdfSecret(m);
  row->ours = std::make_unique<OurKey>(m.secret_type, m.alg, PSA_KEY_USAGE_DERIVE, secret);
  *error = StatusError("psa_import_key", row->ours->status());
  if (!error->empty()) return {};
  row->input = KdfSalt(m);
  row->extra = KdfInfo(m);
  row->output.resize(m.output_size);
  row->length = m.output_size;
  row->evp = EvpHkdfSha256(secret, row->input, row->extra, m.output_size, error);
  if (!row->evp) return {};
  Row* r = row.get();
  const psa_key_id_t id = row->ours->id();
  RowOperations ops = WithEvp(row, [r, id] {
    return DeriveOurs(kHkdfSha256, id, r->input, r->extra, r->output.data(), r->output.size());
  });
  *error = RunBoth(ops);
  if (error->empty() && row->evp->Output() != Written(*row)) *error = Disagrees("different output");
  return error->empty() ? ops : RowOperations{};
}

// --- Registration ---

using Factory = std::function<RowOperations(std::string*)>;

void Register(const std::string& operation, const std::string& mechanism, int size, Unit unit, const Factory& setup) {
  for (Implementation i : {Implementation::kOpensslEvp, Implementation::kPairedOpensslEvp}) {
    RegisterRowFor(operation, i, mechanism, size, unit, setup, Check());
  }
}

const Mechanism* FindMechanism(const Mechanism* begin, const Mechanism* end, const std::string& name) {
  for (const Mechanism* m = begin; m != end; ++m) {
    if (name == m->name) return m;
  }
  return nullptr;
}

int RegisterAll() {
  struct Sized {
    const char* mechanism;
    int size;
  };
  for (const Sized& s : {Sized{"aes128gcm", 64}, Sized{"aes128gcm", 16384}, Sized{"aes128ccm", 1024},
                         Sized{"chacha20poly1305", 16384}}) {
    const Mechanism* m = FindMechanism(std::begin(kAeadMechanisms), std::end(kAeadMechanisms), s.mechanism);
    if (m == nullptr) continue;
    const size_t bytes = static_cast<size_t>(s.size);
    for (bool encrypt : {true, false}) {
      Register(encrypt ? "AeadEncrypt" : "AeadDecrypt", m->name, s.size, Unit::kBytes,
               [m, bytes, encrypt](std::string* error) { return AeadRow(*m, bytes, encrypt, error); });
    }
  }
  for (const Mechanism& mechanism : kCipherMechanisms) {
    const Mechanism* m = &mechanism;
    for (bool encrypt : {true, false}) {
      Register(encrypt ? "CipherEncrypt" : "CipherDecrypt", m->name, 16384, Unit::kBytes,
               [m, encrypt](std::string* error) { return CipherRow(*m, 16384, encrypt, error); });
    }
  }
  for (const Sized& s : {Sized{"hmacsha256", 64}, Sized{"hmacsha256", 16384}, Sized{"aes128cmac", 1024}}) {
    const Mechanism* m = FindMechanism(std::begin(kMacMechanisms), std::end(kMacMechanisms), s.mechanism);
    if (m == nullptr) continue;
    const size_t bytes = static_cast<size_t>(s.size);
    Register("MacCompute", m->name, s.size, Unit::kBytes,
             [m, bytes](std::string* error) { return MacRow(*m, bytes, error); });
  }
  struct NamedHash {
    const char* name;
    psa_algorithm_t alg;
  };
  for (const NamedHash& h : {NamedHash{"sha1", PSA_ALG_SHA_1}, NamedHash{"sha224", PSA_ALG_SHA_224},
                             NamedHash{"sha256", PSA_ALG_SHA_256}}) {
    for (int size : {64, 16384}) {
      const psa_algorithm_t alg = h.alg;
      const size_t bytes = static_cast<size_t>(size);
      Register("HashCompute", h.name, size, Unit::kBytes,
               [alg, bytes](std::string* error) { return HashRow(alg, bytes, error); });
    }
  }
  for (const AsymmetricMechanism& mechanism : kSignatureMechanisms) {
    const AsymmetricMechanism* m = &mechanism;
    if (!PSA_ALG_IS_RANDOMIZED_ECDSA(m->alg) && !PSA_ALG_IS_RSA_PKCS1V15_SIGN(m->alg) && !PSA_ALG_IS_RSA_PSS(m->alg)) {
      continue;  // deterministic ECDSA: not in OpenSSL 3.0
    }
    for (bool sign : {true, false}) {
      Register(sign ? "SignHash" : "VerifyHash", m->name, static_cast<int>(m->size), Unit::kOperations,
               [m, sign](std::string* error) { return SignRow(*m, sign, error); });
    }
  }
  for (const AsymmetricMechanism& mechanism : kAgreementMechanisms) {
    const AsymmetricMechanism* m = &mechanism;
    Register("RawKeyAgreement", m->name, static_cast<int>(m->size), Unit::kOperations,
             [m](std::string* error) { return AgreementRow(*m, error); });
  }
  Register("KeyDerivation", kHkdfSha256.name, static_cast<int>(kHkdfSha256.output_size), Unit::kOperations,
           [](std::string* error) { return HkdfRow(error); });
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace psa_benchmarks
