#include "benchmarks/openssl_evp.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/param_build.h>
#include <openssl/params.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <limits.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace psa_benchmarks {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using CipherCtx = Owned<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;
using Cipher = Owned<EVP_CIPHER, EVP_CIPHER_free>;
using Mac = Owned<EVP_MAC, EVP_MAC_free>;
using MacCtx = Owned<EVP_MAC_CTX, EVP_MAC_CTX_free>;
using Md = Owned<EVP_MD, EVP_MD_free>;
using MdCtx = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using Pkey = Owned<EVP_PKEY, EVP_PKEY_free>;
using PkeyCtx = Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using Kdf = Owned<EVP_KDF, EVP_KDF_free>;
using KdfCtx = Owned<EVP_KDF_CTX, EVP_KDF_CTX_free>;
using Bignum = Owned<BIGNUM, BN_clear_free>;
using ParamBld = Owned<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using Params = Owned<OSSL_PARAM, OSSL_PARAM_free>;
using EcdsaSig = Owned<ECDSA_SIG, ECDSA_SIG_free>;

constexpr size_t kTagLength = 16;

// A failed OpenSSL call: the status, with the error queue cleared so that
// nothing leaks into the next call.
int32_t Failed(int32_t status = PSA_ERROR_GENERIC_ERROR) {
  ERR_clear_error();
  return status;
}

// Sets *error to "<what> failed" (the queue cleared) and returns nullptr.
std::unique_ptr<EvpOperation> SetupFailed(const char* what, std::string* error) {
  ERR_clear_error();
  *error = std::string("OpenSSL ") + what + " failed";
  return nullptr;
}

std::unique_ptr<EvpOperation> NotSupported(const char* what, std::string* error) {
  *error = std::string("OpenSSL ") + what + ": not supported";
  return nullptr;
}

bool FitsInt(size_t n) { return n <= static_cast<size_t>(INT_MAX); }

// The EVP cipher name of a PSA cipher or AEAD; nullptr if not mapped.
const char* CipherName(psa_key_type_t type, size_t key_bytes, psa_algorithm_t alg) {
  if (type == PSA_KEY_TYPE_CHACHA20) {
    return PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) == PSA_ALG_CHACHA20_POLY1305 && key_bytes == 32
               ? "ChaCha20-Poly1305"
               : nullptr;
  }
  if (type != PSA_KEY_TYPE_AES) return nullptr;
  struct Row {
    psa_algorithm_t alg;
    const char* names[3];  // 128, 192, 256-bit keys
  };
  static const Row kRows[] = {
      {PSA_ALG_GCM, {"AES-128-GCM", "AES-192-GCM", "AES-256-GCM"}},
      {PSA_ALG_CCM, {"AES-128-CCM", "AES-192-CCM", "AES-256-CCM"}},
      {PSA_ALG_CTR, {"AES-128-CTR", "AES-192-CTR", "AES-256-CTR"}},
      {PSA_ALG_CBC_NO_PADDING, {"AES-128-CBC", "AES-192-CBC", "AES-256-CBC"}},
      {PSA_ALG_CBC_PKCS7, {"AES-128-CBC", "AES-192-CBC", "AES-256-CBC"}},
  };
  const psa_algorithm_t base = PSA_ALG_IS_AEAD(alg) ? PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) : alg;
  const int index = key_bytes == 16 ? 0 : key_bytes == 24 ? 1 : key_bytes == 32 ? 2 : -1;
  if (index < 0) return nullptr;
  for (const Row& row : kRows) {
    if (row.alg == base) return row.names[index];
  }
  return nullptr;
}

const char* DigestName(psa_algorithm_t alg) {
  switch (alg) {
    case PSA_ALG_SHA_1:
      return "SHA1";
    case PSA_ALG_SHA_224:
      return "SHA224";
    case PSA_ALG_SHA_256:
      return "SHA256";
    case PSA_ALG_SHA_384:
      return "SHA384";
    case PSA_ALG_SHA_512:
      return "SHA512";
    default:
      return nullptr;
  }
}

// --- AEAD ---

class AeadOperation : public EvpOperation {
 public:
  AeadOperation(bool encrypt, bool ccm, std::vector<uint8_t> nonce, std::vector<uint8_t> ad,
                std::vector<uint8_t> input)
      : EvpOperation(input.size() + kTagLength),
        encrypt_(encrypt),
        ccm_(ccm),
        nonce_(std::move(nonce)),
        ad_(std::move(ad)),
        input_(std::move(input)) {}

  // Fetches the cipher, sets the nonce length (and CCM's tag length), then
  // the key: what every call reuses.
  bool Prepare(const char* name, const std::vector<uint8_t>& key) {
    if (!encrypt_ && input_.size() < kTagLength) return false;
    if (!FitsInt(input_.size()) || !FitsInt(ad_.size()) || !FitsInt(nonce_.size())) return false;
    cipher_.reset(EVP_CIPHER_fetch(nullptr, name, nullptr));
    ctx_.reset(EVP_CIPHER_CTX_new());
    if (cipher_ == nullptr || ctx_ == nullptr) return false;
    if (EVP_CipherInit_ex2(ctx_.get(), cipher_.get(), nullptr, nullptr, encrypt_ ? 1 : 0, nullptr) != 1) return false;
    if (EVP_CIPHER_CTX_ctrl(ctx_.get(), EVP_CTRL_AEAD_SET_IVLEN, static_cast<int>(nonce_.size()), nullptr) != 1) {
      return false;
    }
    // CCM fixes its tag length with the key, in both directions.
    if (ccm_ && EVP_CIPHER_CTX_ctrl(ctx_.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(kTagLength), nullptr) != 1) {
      return false;
    }
    if (static_cast<size_t>(EVP_CIPHER_CTX_get_key_length(ctx_.get())) != key.size()) return false;
    return EVP_CipherInit_ex2(ctx_.get(), nullptr, key.data(), nullptr, encrypt_ ? 1 : 0, nullptr) == 1;
  }

  int32_t Run() override {
    EVP_CIPHER_CTX* ctx = ctx_.get();
    const size_t data_length = encrypt_ ? input_.size() : input_.size() - kTagLength;
    int length = 0;
    int final_length = 0;
    if (EVP_CipherInit_ex2(ctx, nullptr, nullptr, nonce_.data(), encrypt_ ? 1 : 0, nullptr) != 1) return Failed();
    if (!encrypt_) {
      // The expected tag; CCM and GCM both take it before the data (OpenSSL
      // copies it; the ctrl's pointer is not const).
      if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(kTagLength),
                              const_cast<uint8_t*>(input_.data() + data_length)) != 1) {
        return Failed();
      }
    }
    // CCM needs the message length before the additional data.
    if (ccm_ && EVP_CipherUpdate(ctx, nullptr, &length, nullptr, static_cast<int>(data_length)) != 1) return Failed();
    if (EVP_CipherUpdate(ctx, nullptr, &length, ad_.data(), static_cast<int>(ad_.size())) != 1) return Failed();
    // CCM decryption verifies the tag in this update.
    if (EVP_CipherUpdate(ctx, out_.data(), &length, input_.data(), static_cast<int>(data_length)) != 1) {
      return Failed(encrypt_ ? PSA_ERROR_GENERIC_ERROR : PSA_ERROR_INVALID_SIGNATURE);
    }
    if (static_cast<size_t>(length) > data_length) return Failed();
    // GCM and ChaCha20-Poly1305 decryption verify the tag here.
    if (EVP_CipherFinal_ex(ctx, out_.data() + length, &final_length) != 1) {
      return Failed(encrypt_ ? PSA_ERROR_GENERIC_ERROR : PSA_ERROR_INVALID_SIGNATURE);
    }
    size_t written = static_cast<size_t>(length) + static_cast<size_t>(final_length);
    if (written != data_length) return Failed();
    if (encrypt_) {
      if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, static_cast<int>(kTagLength), out_.data() + written) != 1) {
        return Failed();
      }
      written += kTagLength;
    }
    out_length_ = written;
    return PSA_SUCCESS;
  }

 private:
  const bool encrypt_;
  const bool ccm_;
  const std::vector<uint8_t> nonce_;
  const std::vector<uint8_t> ad_;
  const std::vector<uint8_t> input_;
  Cipher cipher_;
  CipherCtx ctx_;
};

std::unique_ptr<EvpOperation> MakeAead(bool encrypt, psa_key_type_t type, psa_algorithm_t alg,
                                       const std::vector<uint8_t>& key, std::vector<uint8_t> nonce,
                                       std::vector<uint8_t> ad, std::vector<uint8_t> input, std::string* error) {
  const char* name = CipherName(type, key.size(), alg);
  if (name == nullptr || !PSA_ALG_IS_AEAD(alg) || PSA_AEAD_TAG_LENGTH(type, PSA_BYTES_TO_BITS(key.size()), alg) != kTagLength) {
    return NotSupported("AEAD", error);
  }
  const bool ccm = PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) == PSA_ALG_CCM;
  auto op = std::make_unique<AeadOperation>(encrypt, ccm, std::move(nonce), std::move(ad), std::move(input));
  if (!op->Prepare(name, key)) return SetupFailed(name, error);
  return op;
}

// --- Ciphers ---

class CipherOperation : public EvpOperation {
 public:
  CipherOperation(bool encrypt, bool padding, std::vector<uint8_t> iv, std::vector<uint8_t> input)
      : EvpOperation(input.size() + 16), encrypt_(encrypt), padding_(padding), iv_(std::move(iv)),
        input_(std::move(input)) {}

  bool Prepare(const char* name, const std::vector<uint8_t>& key) {
    if (!FitsInt(input_.size())) return false;
    cipher_.reset(EVP_CIPHER_fetch(nullptr, name, nullptr));
    ctx_.reset(EVP_CIPHER_CTX_new());
    if (cipher_ == nullptr || ctx_ == nullptr) return false;
    if (static_cast<size_t>(EVP_CIPHER_get_key_length(cipher_.get())) != key.size() ||
        static_cast<size_t>(EVP_CIPHER_get_iv_length(cipher_.get())) != iv_.size()) {
      return false;
    }
    if (EVP_CipherInit_ex2(ctx_.get(), cipher_.get(), key.data(), nullptr, encrypt_ ? 1 : 0, nullptr) != 1) {
      return false;
    }
    return EVP_CIPHER_CTX_set_padding(ctx_.get(), padding_ ? 1 : 0) == 1;
  }

  int32_t Run() override {
    EVP_CIPHER_CTX* ctx = ctx_.get();
    int length = 0;
    int final_length = 0;
    if (EVP_CipherInit_ex2(ctx, nullptr, nullptr, iv_.data(), encrypt_ ? 1 : 0, nullptr) != 1) return Failed();
    if (EVP_CipherUpdate(ctx, out_.data(), &length, input_.data(), static_cast<int>(input_.size())) != 1) {
      return Failed();
    }
    if (static_cast<size_t>(length) > out_.size()) return Failed();
    if (EVP_CipherFinal_ex(ctx, out_.data() + length, &final_length) != 1) return Failed();
    out_length_ = static_cast<size_t>(length) + static_cast<size_t>(final_length);
    return out_length_ <= out_.size() ? PSA_SUCCESS : Failed();
  }

 private:
  const bool encrypt_;
  const bool padding_;
  const std::vector<uint8_t> iv_;
  const std::vector<uint8_t> input_;
  Cipher cipher_;
  CipherCtx ctx_;
};

// --- MACs ---

class MacOperation : public EvpOperation {
 public:
  explicit MacOperation(std::vector<uint8_t> message) : EvpOperation(EVP_MAX_MD_SIZE), message_(std::move(message)) {}

  bool Prepare(psa_algorithm_t alg, const std::vector<uint8_t>& key) {
    const bool hmac = PSA_ALG_IS_HMAC(alg);
    mac_.reset(EVP_MAC_fetch(nullptr, hmac ? "HMAC" : "CMAC", nullptr));
    if (mac_ == nullptr) return false;
    ctx_.reset(EVP_MAC_CTX_new(mac_.get()));
    if (ctx_ == nullptr) return false;
    char digest[] = "SHA256";
    char cipher[] = "AES-128-CBC";
    const OSSL_PARAM params[] = {
        hmac ? OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0)
             : OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0),
        OSSL_PARAM_construct_end()};
    return EVP_MAC_init(ctx_.get(), key.data(), key.size(), params) == 1;
  }

  int32_t Run() override {
    // No key: OpenSSL restarts the MAC with the key it holds.
    if (EVP_MAC_init(ctx_.get(), nullptr, 0, nullptr) != 1) return Failed();
    if (EVP_MAC_update(ctx_.get(), message_.data(), message_.size()) != 1) return Failed();
    size_t length = 0;
    if (EVP_MAC_final(ctx_.get(), out_.data(), &length, out_.size()) != 1) return Failed();
    out_length_ = length;
    return PSA_SUCCESS;
  }

 private:
  const std::vector<uint8_t> message_;
  Mac mac_;
  MacCtx ctx_;
};

// --- Digests ---

class DigestOperation : public EvpOperation {
 public:
  explicit DigestOperation(std::vector<uint8_t> message)
      : EvpOperation(EVP_MAX_MD_SIZE), message_(std::move(message)) {}

  bool Prepare(const char* name) {
    md_.reset(EVP_MD_fetch(nullptr, name, nullptr));
    ctx_.reset(EVP_MD_CTX_new());
    return md_ != nullptr && ctx_ != nullptr;
  }

  int32_t Run() override {
    unsigned int length = 0;
    if (EVP_DigestInit_ex2(ctx_.get(), md_.get(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx_.get(), message_.data(), message_.size()) != 1 ||
        EVP_DigestFinal_ex(ctx_.get(), out_.data(), &length) != 1) {
      return Failed();
    }
    out_length_ = length;
    return PSA_SUCCESS;
  }

 private:
  const std::vector<uint8_t> message_;
  Md md_;
  MdCtx ctx_;
};

// --- Keys ---

const char* EcGroupName(psa_key_type_t type, size_t bits) {
  if (!PSA_KEY_TYPE_IS_ECC(type) || PSA_KEY_TYPE_ECC_GET_FAMILY(type) != PSA_ECC_FAMILY_SECP_R1) return nullptr;
  return bits == 256 ? "prime256v1" : bits == 384 ? "secp384r1" : bits == 521 ? "secp521r1" : nullptr;
}

// An EC key pair (private scalar and public point) or public key (point).
Pkey EcKey(const char* group, const std::vector<uint8_t>* scalar, const std::vector<uint8_t>& point) {
  ParamBld bld(OSSL_PARAM_BLD_new());
  Bignum d;
  if (bld == nullptr) return nullptr;
  if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1) {
    return nullptr;
  }
  if (scalar != nullptr) {
    if (!FitsInt(scalar->size())) return nullptr;
    d.reset(BN_secure_new());
    if (d == nullptr || BN_bin2bn(scalar->data(), static_cast<int>(scalar->size()), d.get()) == nullptr ||
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()) != 1) {
      return nullptr;
    }
  }
  Params params(OSSL_PARAM_BLD_to_param(bld.get()));
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (params == nullptr || ctx == nullptr || EVP_PKEY_fromdata_init(ctx.get()) != 1) return nullptr;
  EVP_PKEY* key = nullptr;
  const int selection = scalar != nullptr ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
  if (EVP_PKEY_fromdata(ctx.get(), &key, selection, params.get()) != 1) return nullptr;
  return Pkey(key);
}

// The EVP_PKEY of a PSA key pair: RSA (DER RSAPrivateKey), secp-r1 (scalar,
// with `public_key`'s point), X25519 (raw).
Pkey KeyPair(psa_key_type_t type, size_t bits, const std::vector<uint8_t>& key_pair,
             const std::vector<uint8_t>& public_key) {
  if (type == PSA_KEY_TYPE_RSA_KEY_PAIR) {
    const unsigned char* cursor = key_pair.data();
    Pkey key(d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &cursor, static_cast<long>(key_pair.size())));
    return key != nullptr && cursor == key_pair.data() + key_pair.size() ? std::move(key) : nullptr;
  }
  if (type == PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY) && bits == 255) {
    return Pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, key_pair.data(), key_pair.size()));
  }
  if (const char* group = EcGroupName(type, bits)) return EcKey(group, &key_pair, public_key);
  return nullptr;
}

// Padding and digest of an RSA signature context.
bool SetRsaSignature(EVP_PKEY_CTX* ctx, psa_algorithm_t alg) {
  const psa_algorithm_t hash = PSA_ALG_GET_HASH(alg);
  const char* name = DigestName(hash);
  if (name == nullptr) return false;
  Md md(EVP_MD_fetch(nullptr, name, nullptr));
  if (md == nullptr) return false;
  if (PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg)) {
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1 && EVP_PKEY_CTX_set_signature_md(ctx, md.get()) == 1;
  }
  // PSA_ALG_RSA_PSS: MGF1 with the same hash, salt as long as the hash.
  return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_signature_md(ctx, md.get()) == 1 && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md.get()) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) == 1;
}

bool SupportedSignature(psa_key_type_t type, psa_algorithm_t alg) {
  if (type == PSA_KEY_TYPE_RSA_KEY_PAIR) {
    return PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) || PSA_ALG_IS_RSA_PSS_STANDARD_SALT(alg);
  }
  // Randomized ECDSA only: OpenSSL 3.0 has no deterministic ECDSA.
  return PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type) && PSA_ALG_IS_RANDOMIZED_ECDSA(alg);
}

// --- Signatures ---

class SignOperation : public EvpOperation {
 public:
  SignOperation(Pkey key, std::vector<uint8_t> hash)
      : EvpOperation(static_cast<size_t>(EVP_PKEY_get_size(key.get()))), key_(std::move(key)), hash_(std::move(hash)) {}

  bool Prepare(psa_algorithm_t alg) {
    ctx_.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key_.get(), nullptr));
    if (ctx_ == nullptr || EVP_PKEY_sign_init(ctx_.get()) != 1) return false;
    return !PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) && !PSA_ALG_IS_RSA_PSS(alg) ? true : SetRsaSignature(ctx_.get(), alg);
  }

  int32_t Run() override {
    size_t length = out_.size();
    if (EVP_PKEY_sign(ctx_.get(), out_.data(), &length, hash_.data(), hash_.size()) != 1) return Failed();
    out_length_ = length;
    return PSA_SUCCESS;
  }

 private:
  Pkey key_;
  const std::vector<uint8_t> hash_;
  PkeyCtx ctx_;
};

class VerifyOperation : public EvpOperation {
 public:
  VerifyOperation(Pkey key, std::vector<uint8_t> hash, std::vector<uint8_t> signature)
      : EvpOperation(0), key_(std::move(key)), hash_(std::move(hash)), signature_(std::move(signature)) {}

  bool Prepare(psa_algorithm_t alg) {
    ctx_.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key_.get(), nullptr));
    if (ctx_ == nullptr || EVP_PKEY_verify_init(ctx_.get()) != 1) return false;
    return !PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) && !PSA_ALG_IS_RSA_PSS(alg) ? true : SetRsaSignature(ctx_.get(), alg);
  }

  int32_t Run() override {
    const int result = EVP_PKEY_verify(ctx_.get(), signature_.data(), signature_.size(), hash_.data(), hash_.size());
    if (result == 1) return PSA_SUCCESS;
    return Failed(result == 0 ? PSA_ERROR_INVALID_SIGNATURE : PSA_ERROR_GENERIC_ERROR);
  }

 private:
  Pkey key_;
  const std::vector<uint8_t> hash_;
  const std::vector<uint8_t> signature_;
  PkeyCtx ctx_;
};

// r || s to DER; empty on failure.
std::vector<uint8_t> EcdsaRawToDer(const std::vector<uint8_t>& raw) {
  if (raw.empty() || raw.size() % 2 != 0 || !FitsInt(raw.size())) return {};
  const int half = static_cast<int>(raw.size() / 2);
  EcdsaSig sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(raw.data(), half, nullptr);
  BIGNUM* s = BN_bin2bn(raw.data() + half, half, nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ERR_clear_error();
    return {};
  }
  const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
  if (length <= 0) return {};
  std::vector<uint8_t> der(static_cast<size_t>(length));
  unsigned char* cursor = der.data();
  if (i2d_ECDSA_SIG(sig.get(), &cursor) != length) return {};
  return der;
}

// --- Key agreement ---

class DeriveOperation : public EvpOperation {
 public:
  DeriveOperation(Pkey key, Pkey peer, size_t secret_size)
      : EvpOperation(secret_size), key_(std::move(key)), peer_(std::move(peer)) {}

  bool Prepare() {
    ctx_.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key_.get(), nullptr));
    return ctx_ != nullptr && EVP_PKEY_derive_init(ctx_.get()) == 1 &&
           EVP_PKEY_derive_set_peer(ctx_.get(), peer_.get()) == 1;
  }

  int32_t Run() override {
    size_t length = out_.size();
    if (EVP_PKEY_derive(ctx_.get(), out_.data(), &length) != 1) return Failed();
    out_length_ = length;
    return PSA_SUCCESS;
  }

 private:
  Pkey key_;
  Pkey peer_;
  PkeyCtx ctx_;
};

// --- HKDF ---

class HkdfOperation : public EvpOperation {
 public:
  explicit HkdfOperation(size_t output_size) : EvpOperation(output_size) {}

  bool Prepare(const std::vector<uint8_t>& secret, const std::vector<uint8_t>& salt, const std::vector<uint8_t>& info) {
    kdf_.reset(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    if (kdf_ == nullptr) return false;
    ctx_.reset(EVP_KDF_CTX_new(kdf_.get()));
    if (ctx_ == nullptr) return false;
    char digest[] = "SHA256";
    // OSSL_PARAM takes non-const pointers; OpenSSL copies the values.
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<uint8_t*>(secret.data()), secret.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<uint8_t*>(salt.data()), salt.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<uint8_t*>(info.data()), info.size()),
        OSSL_PARAM_construct_end()};
    return EVP_KDF_CTX_set_params(ctx_.get(), params) == 1;
  }

  int32_t Run() override {
    if (EVP_KDF_derive(ctx_.get(), out_.data(), out_.size(), nullptr) != 1) return Failed();
    out_length_ = out_.size();
    return PSA_SUCCESS;
  }

 private:
  Kdf kdf_;
  KdfCtx ctx_;
};

}  // namespace

std::vector<uint8_t> EvpOperation::Output() const {
  return std::vector<uint8_t>(out_.begin(), out_.begin() + static_cast<std::ptrdiff_t>(out_length_));
}

std::unique_ptr<EvpOperation> EvpAeadEncrypt(psa_key_type_t type, psa_algorithm_t alg,
                                             const std::vector<uint8_t>& key, std::vector<uint8_t> nonce,
                                             std::vector<uint8_t> additional_data, std::vector<uint8_t> plaintext,
                                             std::string* error) {
  return MakeAead(true, type, alg, key, std::move(nonce), std::move(additional_data), std::move(plaintext), error);
}

std::unique_ptr<EvpOperation> EvpAeadDecrypt(psa_key_type_t type, psa_algorithm_t alg,
                                             const std::vector<uint8_t>& key, std::vector<uint8_t> nonce,
                                             std::vector<uint8_t> additional_data, std::vector<uint8_t> ciphertext,
                                             std::string* error) {
  return MakeAead(false, type, alg, key, std::move(nonce), std::move(additional_data), std::move(ciphertext), error);
}

std::unique_ptr<EvpOperation> EvpCipherEncrypt(psa_algorithm_t alg, const std::vector<uint8_t>& key,
                                               std::vector<uint8_t> iv, std::vector<uint8_t> plaintext,
                                               std::string* error) {
  const char* name = CipherName(PSA_KEY_TYPE_AES, key.size(), alg);
  if (name == nullptr || PSA_ALG_IS_AEAD(alg)) return NotSupported("cipher", error);
  auto op = std::make_unique<CipherOperation>(true, alg == PSA_ALG_CBC_PKCS7, std::move(iv), std::move(plaintext));
  if (!op->Prepare(name, key)) return SetupFailed(name, error);
  return op;
}

std::unique_ptr<EvpOperation> EvpCipherDecrypt(psa_algorithm_t alg, const std::vector<uint8_t>& key,
                                               std::vector<uint8_t> iv_and_ciphertext, std::string* error) {
  const char* name = CipherName(PSA_KEY_TYPE_AES, key.size(), alg);
  if (name == nullptr || PSA_ALG_IS_AEAD(alg)) return NotSupported("cipher", error);
  constexpr size_t kIvLength = 16;
  if (iv_and_ciphertext.size() < kIvLength) return SetupFailed("cipher input", error);
  std::vector<uint8_t> iv(iv_and_ciphertext.begin(), iv_and_ciphertext.begin() + kIvLength);
  std::vector<uint8_t> ciphertext(iv_and_ciphertext.begin() + kIvLength, iv_and_ciphertext.end());
  auto op = std::make_unique<CipherOperation>(false, alg == PSA_ALG_CBC_PKCS7, std::move(iv), std::move(ciphertext));
  if (!op->Prepare(name, key)) return SetupFailed(name, error);
  return op;
}

std::unique_ptr<EvpOperation> EvpMac(psa_algorithm_t alg, const std::vector<uint8_t>& key,
                                     std::vector<uint8_t> message, std::string* error) {
  const bool hmac_sha256 = alg == PSA_ALG_HMAC(PSA_ALG_SHA_256);
  const bool cmac_aes128 = alg == PSA_ALG_CMAC && key.size() == 16;
  if (!hmac_sha256 && !cmac_aes128) return NotSupported("MAC", error);
  auto op = std::make_unique<MacOperation>(std::move(message));
  if (!op->Prepare(alg, key)) return SetupFailed(hmac_sha256 ? "HMAC" : "CMAC", error);
  return op;
}

std::unique_ptr<EvpOperation> EvpDigest(psa_algorithm_t alg, std::vector<uint8_t> message, std::string* error) {
  const char* name = DigestName(alg);
  if (name == nullptr) return NotSupported("digest", error);
  auto op = std::make_unique<DigestOperation>(std::move(message));
  if (!op->Prepare(name)) return SetupFailed(name, error);
  return op;
}

std::unique_ptr<EvpOperation> EvpSignHash(psa_key_type_t type, size_t bits, psa_algorithm_t alg,
                                          const std::vector<uint8_t>& key_pair,
                                          const std::vector<uint8_t>& public_key, std::vector<uint8_t> hash,
                                          std::string* error) {
  if (!SupportedSignature(type, alg)) return NotSupported("signature", error);
  Pkey key = KeyPair(type, bits, key_pair, public_key);
  if (key == nullptr) return SetupFailed("key import", error);
  auto op = std::make_unique<SignOperation>(std::move(key), std::move(hash));
  if (!op->Prepare(alg)) return SetupFailed("EVP_PKEY_sign_init", error);
  return op;
}

std::unique_ptr<EvpOperation> EvpVerifyHash(psa_key_type_t type, size_t bits, psa_algorithm_t alg,
                                            const std::vector<uint8_t>& key_pair,
                                            const std::vector<uint8_t>& public_key, std::vector<uint8_t> hash,
                                            const std::vector<uint8_t>& signature, std::string* error) {
  if (!SupportedSignature(type, alg)) return NotSupported("signature", error);
  Pkey key = KeyPair(type, bits, key_pair, public_key);
  if (key == nullptr) return SetupFailed("key import", error);
  std::vector<uint8_t> encoded = PSA_KEY_TYPE_IS_ECC(type) ? EcdsaRawToDer(signature) : signature;
  if (encoded.empty()) return SetupFailed("signature encoding", error);
  auto op = std::make_unique<VerifyOperation>(std::move(key), std::move(hash), std::move(encoded));
  if (!op->Prepare(alg)) return SetupFailed("EVP_PKEY_verify_init", error);
  return op;
}

std::unique_ptr<EvpOperation> EvpKeyAgreement(psa_key_type_t type, size_t bits, const std::vector<uint8_t>& key_pair,
                                              const std::vector<uint8_t>& public_key,
                                              const std::vector<uint8_t>& peer_public_key, std::string* error) {
  Pkey key;
  Pkey peer;
  size_t secret_size = 0;
  if (type == PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY) && bits == 255) {
    key = KeyPair(type, bits, key_pair, public_key);
    peer.reset(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peer_public_key.data(), peer_public_key.size()));
    secret_size = 32;
  } else if (const char* group = EcGroupName(type, bits)) {
    key = KeyPair(type, bits, key_pair, public_key);
    peer = EcKey(group, nullptr, peer_public_key);
    secret_size = PSA_BITS_TO_BYTES(bits);
  } else {
    return NotSupported("key agreement", error);
  }
  if (key == nullptr || peer == nullptr) return SetupFailed("key import", error);
  auto op = std::make_unique<DeriveOperation>(std::move(key), std::move(peer), secret_size);
  if (!op->Prepare()) return SetupFailed("EVP_PKEY_derive_init", error);
  return op;
}

std::unique_ptr<EvpOperation> EvpHkdfSha256(const std::vector<uint8_t>& secret, const std::vector<uint8_t>& salt,
                                            const std::vector<uint8_t>& info, size_t output_size, std::string* error) {
  auto op = std::make_unique<HkdfOperation>(output_size);
  if (!op->Prepare(secret, salt, info)) return SetupFailed("HKDF", error);
  return op;
}

std::vector<uint8_t> EcdsaDerToRaw(const std::vector<uint8_t>& der, size_t coordinate_bytes) {
  const unsigned char* cursor = der.data();
  EcdsaSig sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())));
  if (sig == nullptr || cursor != der.data() + der.size() || !FitsInt(coordinate_bytes)) {
    ERR_clear_error();
    return {};
  }
  std::vector<uint8_t> raw(2 * coordinate_bytes);
  const int n = static_cast<int>(coordinate_bytes);
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), raw.data(), n) != n ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), raw.data() + coordinate_bytes, n) != n) {
    ERR_clear_error();
    return {};
  }
  return raw;
}

}  // namespace psa_benchmarks
