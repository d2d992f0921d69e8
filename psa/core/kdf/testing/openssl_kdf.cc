#include "psa/core/kdf/testing/openssl_kdf.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

namespace psa::core::kdf::testing {
namespace {

std::vector<uint8_t> Derive(const char* name, OSSL_PARAM* params, size_t length) {
  std::vector<uint8_t> out(length);
  EVP_KDF* kdf = EVP_KDF_fetch(nullptr, name, nullptr);
  EVP_KDF_CTX* ctx = kdf == nullptr ? nullptr : EVP_KDF_CTX_new(kdf);
  const bool ok = ctx != nullptr && EVP_KDF_derive(ctx, out.data(), out.size(), params) == 1;
  EVP_KDF_CTX_free(ctx);
  EVP_KDF_free(kdf);
  if (!ok) {
    ERR_clear_error();
    out.clear();
  }
  return out;
}

void* Mutable(const std::vector<uint8_t>& bytes) {
  static uint8_t empty = 0;
  return bytes.empty() ? &empty : const_cast<uint8_t*>(bytes.data());
}

}  // namespace

std::vector<uint8_t> OpensslTls12Prf(const std::string& digest, const std::vector<uint8_t>& secret,
                                     const std::vector<uint8_t>& label, const std::vector<uint8_t>& seed,
                                     size_t length) {
  // TLS1-PRF takes the label as the first part of its seed.
  std::vector<uint8_t> label_and_seed = label;
  label_and_seed.insert(label_and_seed.end(), seed.begin(), seed.end());
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char*>(digest.c_str()), 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, Mutable(secret), secret.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, Mutable(label_and_seed), label_and_seed.size()),
      OSSL_PARAM_construct_end(),
  };
  return Derive("TLS1-PRF", params, length);
}

std::vector<uint8_t> OpensslKbkdfCounter(const std::string& mac, const std::string& digest_or_cipher,
                                         const std::vector<uint8_t>& key, const std::vector<uint8_t>& label,
                                         const std::vector<uint8_t>& context, size_t length) {
  const char* which = mac == "HMAC" ? OSSL_KDF_PARAM_DIGEST : OSSL_KDF_PARAM_CIPHER;
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_MODE, const_cast<char*>("counter"), 0),
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_MAC, const_cast<char*>(mac.c_str()), 0),
      OSSL_PARAM_construct_utf8_string(which, const_cast<char*>(digest_or_cipher.c_str()), 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, Mutable(key), key.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, Mutable(label), label.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, Mutable(context), context.size()),
      OSSL_PARAM_construct_end(),
  };
  return Derive("KBKDF", params, length);
}

}  // namespace psa::core::kdf::testing
