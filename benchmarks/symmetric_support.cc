#include "benchmarks/symmetric_support.h"

#include <string.h>

#include <string>
#include <utility>
#include <vector>

#include "psa/crypto.h"
#include "third_party/mbedtls228/baseline.h"

namespace psa_benchmarks {

const Mechanism kAeadMechanisms[4] = {
    {"aes128gcm", PSA_KEY_TYPE_AES, 16, PSA_ALG_GCM, BASELINE_AES_GCM},
    {"aes256gcm", PSA_KEY_TYPE_AES, 32, PSA_ALG_GCM, BASELINE_AES_GCM},
    {"aes128ccm", PSA_KEY_TYPE_AES, 16, PSA_ALG_CCM, BASELINE_AES_CCM},
    {"chacha20poly1305", PSA_KEY_TYPE_CHACHA20, 32, PSA_ALG_CHACHA20_POLY1305, BASELINE_CHACHA20_POLY1305},
};

const Mechanism kCipherMechanisms[3] = {
    {"aes128ctr", PSA_KEY_TYPE_AES, 16, PSA_ALG_CTR, BASELINE_AES_CTR},
    {"aes128cbc_nopad", PSA_KEY_TYPE_AES, 16, PSA_ALG_CBC_NO_PADDING, BASELINE_AES_CBC_NO_PADDING},
    {"aes128cbc_pkcs7", PSA_KEY_TYPE_AES, 16, PSA_ALG_CBC_PKCS7, BASELINE_AES_CBC_PKCS7},
};

const Mechanism kMacMechanisms[2] = {
    {"hmacsha256", PSA_KEY_TYPE_HMAC, 32, PSA_ALG_HMAC(PSA_ALG_SHA_256), BASELINE_HMAC_SHA_256},
    {"aes128cmac", PSA_KEY_TYPE_AES, 16, PSA_ALG_CMAC, BASELINE_AES_CMAC},
};

const Mechanism kRandom = {"rng", 0, 0, 0, BASELINE_AES_GCM};

const std::vector<uint8_t> kNonce = Pattern(12, 0x4e);
const std::vector<uint8_t> kAdditionalData = Pattern(16, 0xad);

std::vector<uint8_t> Pattern(size_t size, uint8_t seed) {
  std::vector<uint8_t> bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(i * 31 + seed);
  return bytes;
}

std::vector<uint8_t> KeyBytes(const Mechanism& mechanism) {
  return Pattern(mechanism.key_bytes, static_cast<uint8_t>(0x6b + mechanism.key_bytes));
}

OurKey::OurKey(const Mechanism& mechanism) : bytes_(KeyBytes(mechanism)) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, mechanism.key_type);
  psa_set_key_bits(&attributes, PSA_BYTES_TO_BITS(bytes_.size()));
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT |
                                           PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE);
  psa_set_key_algorithm(&attributes, mechanism.alg);
  status_ = psa_import_key(&attributes, bytes_.data(), bytes_.size(), &id_);
  psa_reset_key_attributes(&attributes);
  if (status_ == PSA_SUCCESS) status_ = psa_get_key_attributes(id_, &attributes_);
}

OurKey::OurKey(psa_key_type_t type, psa_algorithm_t alg, psa_key_usage_t usage, std::vector<uint8_t> bytes)
    : bytes_(std::move(bytes)) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, type);
  psa_set_key_usage_flags(&attributes, usage);
  psa_set_key_algorithm(&attributes, alg);
  status_ = psa_import_key(&attributes, bytes_.data(), bytes_.size(), &id_);
  psa_reset_key_attributes(&attributes);
  if (status_ == PSA_SUCCESS) status_ = psa_get_key_attributes(id_, &attributes_);
}

OurKey::~OurKey() {
  psa_reset_key_attributes(&attributes_);
  if (id_ != 0) psa_destroy_key(id_);
}

BaselineKey::BaselineKey(const Mechanism& mechanism) {
  const std::vector<uint8_t> bytes = KeyBytes(mechanism);
  status_ = baseline_import_key(mechanism.baseline, bytes.data(), bytes.size(), &key_);
}

BaselineKey::BaselineKey(baseline_mechanism_t mechanism, const std::vector<uint8_t>& bytes) {
  status_ = baseline_import_key(mechanism, bytes.data(), bytes.size(), &key_);
}

BaselineKey::~BaselineKey() {
  if (key_.id != 0) baseline_destroy_key(&key_);
}

namespace {

// memcmp for buffers that may be empty (and then null).
bool SameBytes(const uint8_t* a, const uint8_t* b, size_t size) { return size == 0 || memcmp(a, b, size) == 0; }

std::string Failure(const Mechanism& m, const char* what, int32_t status) {
  return std::string(m.name) + ": " + what + " returned " + std::to_string(status);
}

std::string CheckAead(const Mechanism& m, size_t size, const OurKey& ours, const BaselineKey& theirs) {
  const std::vector<uint8_t> plaintext = Pattern(size, 0x70);
  const size_t tag = PSA_AEAD_TAG_LENGTH(m.key_type, PSA_BYTES_TO_BITS(m.key_bytes), m.alg);
  std::vector<uint8_t> a(size + tag), b(size + tag);
  size_t a_length = 0, b_length = 0;
  psa_status_t status = psa_aead_encrypt(ours.id(), m.alg, kNonce.data(), kNonce.size(), kAdditionalData.data(),
                                         kAdditionalData.size(), plaintext.data(), plaintext.size(), a.data(),
                                         a.size(), &a_length);
  if (status != PSA_SUCCESS) return Failure(m, "psa_aead_encrypt", status);
  int32_t theirs_status = baseline_aead_encrypt(theirs.get(), kNonce.data(), kNonce.size(), kAdditionalData.data(),
                                                kAdditionalData.size(), plaintext.data(), plaintext.size(),
                                                b.data(), b.size(), &b_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_aead_encrypt", theirs_status);
  if (a_length != b_length || a != b) return std::string(m.name) + ": the ciphertexts differ";
  // Each decrypts the other's ciphertext (the same bytes, as just checked).
  std::vector<uint8_t> p(size + 1);
  size_t p_length = 0;
  status = psa_aead_decrypt(ours.id(), m.alg, kNonce.data(), kNonce.size(), kAdditionalData.data(),
                            kAdditionalData.size(), b.data(), b_length, p.data(), p.size(), &p_length);
  if (status != PSA_SUCCESS) return Failure(m, "psa_aead_decrypt", status);
  if (p_length != size || !SameBytes(p.data(), plaintext.data(), size)) {
    return std::string(m.name) + ": psa_aead_decrypt does not give the plaintext back";
  }
  theirs_status = baseline_aead_decrypt(theirs.get(), kNonce.data(), kNonce.size(), kAdditionalData.data(),
                                        kAdditionalData.size(), a.data(), a_length, p.data(), p.size(), &p_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_aead_decrypt", theirs_status);
  if (p_length != size || !SameBytes(p.data(), plaintext.data(), size)) {
    return std::string(m.name) + ": Mbed TLS 2.28 psa_aead_decrypt does not give the plaintext back";
  }
  return "";
}

std::string CheckCipher(const Mechanism& m, size_t size, const OurKey& ours, const BaselineKey& theirs) {
  const std::vector<uint8_t> plaintext = Pattern(size, 0x70);
  const std::vector<uint8_t> iv = Pattern(16, 0x17);
  const size_t room = size + 16;
  std::vector<uint8_t> a(room), b(room);
  size_t a_length = 0, b_length = 0;
  // Multi-part with a chosen IV, on both sides.
  psa_cipher_operation_t operation = PSA_CIPHER_OPERATION_INIT;
  size_t finished = 0;
  psa_status_t status = psa_cipher_encrypt_setup(&operation, ours.id(), m.alg);
  if (status == PSA_SUCCESS) status = psa_cipher_set_iv(&operation, iv.data(), iv.size());
  if (status == PSA_SUCCESS) {
    status = psa_cipher_update(&operation, plaintext.data(), plaintext.size(), a.data(), a.size(), &a_length);
  }
  if (status == PSA_SUCCESS) {
    status = psa_cipher_finish(&operation, a.data() + a_length, a.size() - a_length, &finished);
  }
  psa_cipher_abort(&operation);
  if (status != PSA_SUCCESS) return Failure(m, "multi-part psa_cipher encryption", status);
  a_length += finished;
  int32_t theirs_status = baseline_cipher_encrypt_multipart(theirs.get(), iv.data(), iv.size(), plaintext.data(),
                                                            plaintext.size(), b.data(), b.size(), &b_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 multi-part encryption", theirs_status);
  a.resize(a_length);
  b.resize(b_length);
  if (a != b) return std::string(m.name) + ": the ciphertexts differ";
  // psa_cipher_encrypt (random IVs): each decrypts the other's output.
  std::vector<uint8_t> c(room + 16), d(room + 16), p(room + 16);
  size_t c_length = 0, d_length = 0, p_length = 0;
  status = psa_cipher_encrypt(ours.id(), m.alg, plaintext.data(), plaintext.size(), c.data(), c.size(), &c_length);
  if (status != PSA_SUCCESS) return Failure(m, "psa_cipher_encrypt", status);
  theirs_status =
      baseline_cipher_encrypt(theirs.get(), plaintext.data(), plaintext.size(), d.data(), d.size(), &d_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_cipher_encrypt", theirs_status);
  if (c_length != d_length) return std::string(m.name) + ": psa_cipher_encrypt output lengths differ";
  status = psa_cipher_decrypt(ours.id(), m.alg, d.data(), d_length, p.data(), p.size(), &p_length);
  if (status != PSA_SUCCESS) return Failure(m, "psa_cipher_decrypt", status);
  if (p_length != size || !SameBytes(p.data(), plaintext.data(), size)) {
    return std::string(m.name) + ": psa_cipher_decrypt does not give Mbed TLS's plaintext back";
  }
  theirs_status = baseline_cipher_decrypt(theirs.get(), c.data(), c_length, p.data(), p.size(), &p_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_cipher_decrypt", theirs_status);
  if (p_length != size || !SameBytes(p.data(), plaintext.data(), size)) {
    return std::string(m.name) + ": Mbed TLS 2.28 psa_cipher_decrypt does not give the plaintext back";
  }
  return "";
}

std::string CheckMac(const Mechanism& m, size_t size, const OurKey& ours, const BaselineKey& theirs) {
  const std::vector<uint8_t> message = Pattern(size, 0x70);
  uint8_t a[PSA_MAC_MAX_SIZE], b[PSA_MAC_MAX_SIZE], c[PSA_MAC_MAX_SIZE];
  size_t a_length = 0, b_length = 0, c_length = 0;
  psa_status_t status = psa_mac_compute(ours.id(), m.alg, message.data(), message.size(), a, sizeof(a), &a_length);
  if (status != PSA_SUCCESS) return Failure(m, "psa_mac_compute", status);
  int32_t theirs_status = baseline_mac_compute(theirs.get(), message.data(), message.size(), b, sizeof(b), &b_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 psa_mac_compute", theirs_status);
  theirs_status = baseline_mac_multipart(theirs.get(), message.data(), message.size(), c, sizeof(c), &c_length);
  if (theirs_status != PSA_SUCCESS) return Failure(m, "Mbed TLS 2.28 multi-part MAC", theirs_status);
  if (a_length != b_length || !SameBytes(a, b, a_length) || c_length != b_length || !SameBytes(b, c, b_length)) {
    return std::string(m.name) + ": the MACs differ";
  }
  return "";
}

}  // namespace

std::string CheckAgreement(const Mechanism& mechanism, size_t size) {
  if (mechanism.alg == 0) return "";
  if (psa_crypto_init() != PSA_SUCCESS) return "psa_crypto_init failed";
  if (baseline_init() != PSA_SUCCESS) return "psa_crypto_init of Mbed TLS 2.28 failed";
  OurKey ours(mechanism);
  if (ours.status() != PSA_SUCCESS) return Failure(mechanism, "psa_import_key", ours.status());
  BaselineKey theirs(mechanism);
  if (theirs.status() != PSA_SUCCESS) return Failure(mechanism, "Mbed TLS 2.28 psa_import_key", theirs.status());
  if (PSA_ALG_IS_AEAD(mechanism.alg)) return CheckAead(mechanism, size, ours, theirs);
  if (PSA_ALG_IS_CIPHER(mechanism.alg)) return CheckCipher(mechanism, size, ours, theirs);
  if (PSA_ALG_IS_MAC(mechanism.alg)) return CheckMac(mechanism, size, ours, theirs);
  return std::string(mechanism.name) + ": not an AEAD, cipher or MAC algorithm";
}

void RegisterRow(const std::string& operation, Implementation implementation, const Mechanism& mechanism,
                 RowFactory factory, const std::vector<int>& sizes) {
  for (int size : sizes) {
    const Mechanism m = mechanism;
    const size_t bytes = static_cast<size_t>(size);
    RegisterRowFor(
        operation, implementation, m.name, size, Unit::kBytes,
        [m, factory, bytes](std::string* error) { return factory(m, bytes, error); },
        [m, bytes] { return CheckAgreement(m, bytes); });
  }
}

}  // namespace psa_benchmarks
