// Signatures over EVP_PKEY_sign / EVP_PKEY_verify (ECDSA, RSA) and
// EVP_DigestSign / EVP_DigestVerify (pure EdDSA); see openssl_signature.h.
// Keys come from the driver's key cache (openssl_key_cache.h).

#include "drivers/openssl/openssl_signature.h"

#include <string.h>

#include <memory>
#include <vector>

#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "drivers/openssl/openssl_digest.h"
#include "drivers/openssl/openssl_key_cache.h"
#include "drivers/openssl/openssl_pkey.h"
#include "drivers/openssl/openssl_status.h"

namespace drivers::openssl {
namespace {

enum class Scheme { kEcdsa, kRsaPkcs1v15, kRsaPss };

// How one sign_hash / verify_hash call is carried out.
struct Plan {
  Scheme scheme = Scheme::kEcdsa;
  psa_algorithm_t hash = 0;  // 0: ECDSA_ANY or PKCS1V15_SIGN_RAW
  const EVP_MD* md = nullptr;
  bool any_salt = false;
  size_t signature_length = 0;
};

struct EcdsaSigFree {
  void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// Checks `alg` against the key and the hash length; fills *plan.
psa_status_t MakePlan(const psa_key_attributes_t* attributes, psa_algorithm_t alg, size_t hash_length, bool sign,
                      Plan* plan) {
  const psa_key_type_t type = psa_get_key_type(attributes);
  const size_t bits = psa_get_key_bits(attributes);
  if (!PSA_ALG_IS_SIGN(alg) || alg == PSA_ALG_PURE_EDDSA) return PSA_ERROR_INVALID_ARGUMENT;
  if (PSA_ALG_IS_HASH_EDDSA(alg)) return PSA_ERROR_NOT_SUPPORTED;  // OpenSSL 3.0: no Ed25519ph / Ed448ph
  if (PSA_ALG_IS_ECDSA(alg)) {
    if (!PSA_KEY_TYPE_IS_ECC(type)) return PSA_ERROR_INVALID_ARGUMENT;
    const psa_ecc_family_t family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
    if (family == PSA_ECC_FAMILY_MONTGOMERY || family == PSA_ECC_FAMILY_TWISTED_EDWARDS) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (PSA_ALG_IS_DETERMINISTIC_ECDSA(alg)) return PSA_ERROR_NOT_SUPPORTED;  // no RFC 6979 in OpenSSL 3.0
    const WeierstrassCurve* curve = FindWeierstrassCurve(family, bits);
    if (curve == nullptr) return PSA_ERROR_NOT_SUPPORTED;
    plan->scheme = Scheme::kEcdsa;
    plan->signature_length = 2 * curve->coordinate_bytes;
  } else if (PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) || PSA_ALG_IS_RSA_PSS(alg)) {
    if (!PSA_KEY_TYPE_IS_RSA(type)) return PSA_ERROR_INVALID_ARGUMENT;
    if (!IsServedKey(type, bits)) return PSA_ERROR_NOT_SUPPORTED;
    plan->scheme = PSA_ALG_IS_RSA_PSS(alg) ? Scheme::kRsaPss : Scheme::kRsaPkcs1v15;
    plan->any_salt = PSA_ALG_IS_RSA_PSS_ANY_SALT(alg);
    plan->signature_length = PSA_BITS_TO_BYTES(bits);
  } else {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  if (sign && !PSA_KEY_TYPE_IS_KEY_PAIR(type)) return PSA_ERROR_INVALID_ARGUMENT;
  plan->hash = PSA_ALG_GET_HASH(alg);
  if (plan->hash == PSA_ALG_ANY_HASH) return PSA_ERROR_INVALID_ARGUMENT;
  if (plan->hash != 0) {
    plan->md = DigestOf(plan->hash);
    if (plan->md == nullptr) return PSA_ERROR_NOT_SUPPORTED;
    if (hash_length != PSA_HASH_LENGTH(plan->hash)) return PSA_ERROR_INVALID_ARGUMENT;
  } else if (plan->scheme == Scheme::kRsaPss) {
    return PSA_ERROR_INVALID_ARGUMENT;
  } else if (plan->scheme == Scheme::kRsaPkcs1v15 && hash_length + 11 > plan->signature_length) {
    return PSA_ERROR_INVALID_ARGUMENT;  // RAW: T must fit with 11 bytes of padding
  }
  return PSA_SUCCESS;
}

// The PSS salt length of PSA_ALG_RSA_PSS: the hash length, or the largest
// that fits a key too short for it; negative if none fits.
int PssSaltLength(size_t bits, size_t hash_length) {
  const long em_length = static_cast<long>((bits - 1 + 7) / 8);
  const long largest = em_length - static_cast<long>(hash_length) - 2;
  if (largest < 0) return -1;
  return static_cast<int>(largest < static_cast<long>(hash_length) ? largest : static_cast<long>(hash_length));
}

// An EVP_PKEY_CTX for `plan`, initialised for signing or verification.
psa_status_t NewContext(EVP_PKEY* key, const Plan& plan, size_t bits, bool sign, PkeyCtx* ctx) {
  ctx->reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (*ctx == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  EVP_PKEY_CTX* c = ctx->get();
  if ((sign ? EVP_PKEY_sign_init(c) : EVP_PKEY_verify_init(c)) != 1) {
    return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  }
  if (plan.scheme == Scheme::kEcdsa) return PSA_SUCCESS;  // the hash is signed as given
  const int padding = plan.scheme == Scheme::kRsaPss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING;
  if (EVP_PKEY_CTX_set_rsa_padding(c, padding) != 1) return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  if (plan.md != nullptr && EVP_PKEY_CTX_set_signature_md(c, plan.md) != 1) {
    return StatusFromQueue(PSA_ERROR_NOT_SUPPORTED);
  }
  if (plan.scheme == Scheme::kRsaPss) {
    int salt = RSA_PSS_SALTLEN_AUTO;
    if (sign || !plan.any_salt) {
      salt = PssSaltLength(bits, PSA_HASH_LENGTH(plan.hash));
      if (salt < 0) return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (EVP_PKEY_CTX_set_rsa_mgf1_md(c, plan.md) != 1 || EVP_PKEY_CTX_set_rsa_pss_saltlen(c, salt) != 1) {
      return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
    }
  }
  return PSA_SUCCESS;
}

// DER ECDSA-Sig-Value -> r || s, each `half` bytes.
psa_status_t EcdsaDerToRaw(const uint8_t* der, size_t der_length, size_t half, uint8_t* raw) {
  const unsigned char* cursor = der;
  std::unique_ptr<ECDSA_SIG, EcdsaSigFree> sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der_length)));
  if (sig == nullptr) return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  if (BN_bn2binpad(r, raw, static_cast<int>(half)) != static_cast<int>(half) ||
      BN_bn2binpad(s, raw + half, static_cast<int>(half)) != static_cast<int>(half)) {
    return PSA_ERROR_CORRUPTION_DETECTED;
  }
  return PSA_SUCCESS;
}

// r || s -> DER ECDSA-Sig-Value in *der.
psa_status_t EcdsaRawToDer(const uint8_t* raw, size_t half, std::vector<uint8_t>* der) {
  std::unique_ptr<ECDSA_SIG, EcdsaSigFree> sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(raw, static_cast<int>(half), nullptr);
  BIGNUM* s = BN_bin2bn(raw + half, static_cast<int>(half), nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  }
  const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
  if (length <= 0) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  der->resize(static_cast<size_t>(length));
  unsigned char* cursor = der->data();
  if (i2d_ECDSA_SIG(sig.get(), &cursor) != length) return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  return PSA_SUCCESS;
}

psa_status_t SignHash(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                      psa_algorithm_t alg, const uint8_t* hash, size_t hash_length, uint8_t* signature,
                      size_t signature_size, size_t* signature_length) {
  Plan plan;
  psa_status_t status = MakePlan(attributes, alg, hash_length, true, &plan);
  if (status != PSA_SUCCESS) return status;
  if (signature_size < plan.signature_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  Pkey key;
  status = AcquireKey(attributes, key_buffer, key_buffer_size, &key);
  if (status != PSA_SUCCESS) return status;
  PkeyCtx ctx;
  status = NewContext(key.get(), plan, psa_get_key_bits(attributes), true, &ctx);
  if (status != PSA_SUCCESS) return status;
  if (plan.scheme != Scheme::kEcdsa) {
    size_t written = signature_size;
    if (EVP_PKEY_sign(ctx.get(), signature, &written, hash, hash_length) != 1 || written != plan.signature_length) {
      OPENSSL_cleanse(signature, signature_size);
      return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
    }
    *signature_length = written;
    return PSA_SUCCESS;
  }
  uint8_t der[2 * 66 + 16];
  size_t der_length = sizeof(der);
  if (EVP_PKEY_sign(ctx.get(), der, &der_length, hash, hash_length) != 1) {
    return StatusFromQueue(PSA_ERROR_CORRUPTION_DETECTED);
  }
  status = EcdsaDerToRaw(der, der_length, plan.signature_length / 2, signature);
  if (status != PSA_SUCCESS) {
    OPENSSL_cleanse(signature, plan.signature_length);
    return status;
  }
  *signature_length = plan.signature_length;
  return PSA_SUCCESS;
}

psa_status_t VerifyHash(const psa_key_attributes_t* attributes, const uint8_t* key_buffer, size_t key_buffer_size,
                        psa_algorithm_t alg, const uint8_t* hash, size_t hash_length, const uint8_t* signature,
                        size_t signature_length) {
  Plan plan;
  psa_status_t status = MakePlan(attributes, alg, hash_length, false, &plan);
  if (status != PSA_SUCCESS) return status;
  if (signature_length != plan.signature_length) return PSA_ERROR_INVALID_SIGNATURE;
  Pkey key;
  status = AcquireKey(attributes, key_buffer, key_buffer_size, &key);
  if (status != PSA_SUCCESS) return status;
  PkeyCtx ctx;
  status = NewContext(key.get(), plan, psa_get_key_bits(attributes), false, &ctx);
  if (status != PSA_SUCCESS) return status;
  int verified = 0;
  if (plan.scheme == Scheme::kEcdsa) {
    std::vector<uint8_t> der;
    status = EcdsaRawToDer(signature, signature_length / 2, &der);
    if (status != PSA_SUCCESS) return status;
    verified = EVP_PKEY_verify(ctx.get(), der.data(), der.size(), hash, hash_length);
  } else {
    verified = EVP_PKEY_verify(ctx.get(), signature, signature_length, hash, hash_length);
  }
  return verified == 1 ? PSA_SUCCESS : StatusFromQueue(PSA_ERROR_INVALID_SIGNATURE);
}

// Checks a pure EdDSA call; sets *length to the signature length.
psa_status_t CheckEddsa(const psa_key_attributes_t* attributes, psa_algorithm_t alg, bool sign, size_t* length) {
  const psa_key_type_t type = psa_get_key_type(attributes);
  if (PSA_ALG_IS_HASH_EDDSA(alg)) return PSA_ERROR_NOT_SUPPORTED;  // OpenSSL 3.0: no Ed25519ph / Ed448ph
  if (alg != PSA_ALG_PURE_EDDSA) return PSA_ERROR_NOT_SUPPORTED;   // the hash-and-sign path serves the rest
  if (!PSA_KEY_TYPE_IS_ECC(type) || PSA_KEY_TYPE_ECC_GET_FAMILY(type) != PSA_ECC_FAMILY_TWISTED_EDWARDS) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (sign && !PSA_KEY_TYPE_IS_KEY_PAIR(type)) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t bits = psa_get_key_bits(attributes);
  if (bits != 255 && bits != 448) return PSA_ERROR_NOT_SUPPORTED;
  *length = bits == 255 ? 64 : 114;
  return PSA_SUCCESS;
}

}  // namespace
}  // namespace drivers::openssl

using drivers::openssl::ErrorQueueScope;

extern "C" {

psa_status_t openssl_sign_hash(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                               size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* hash, size_t hash_length,
                               uint8_t* signature, size_t signature_size, size_t* signature_length) {
  ErrorQueueScope errors;
  *signature_length = 0;
  return drivers::openssl::SignHash(attributes, key_buffer, key_buffer_size, alg, hash, hash_length, signature,
                                    signature_size, signature_length);
}

psa_status_t openssl_verify_hash(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* hash,
                                 size_t hash_length, const uint8_t* signature, size_t signature_length) {
  ErrorQueueScope errors;
  return drivers::openssl::VerifyHash(attributes, key_buffer, key_buffer_size, alg, hash, hash_length, signature,
                                      signature_length);
}

psa_status_t openssl_sign_message(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                  size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                  size_t input_length, uint8_t* signature, size_t signature_size,
                                  size_t* signature_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  *signature_length = 0;
  size_t length = 0;
  psa_status_t status = CheckEddsa(attributes, alg, true, &length);
  if (status != PSA_SUCCESS) return status;
  if (signature_size < length) return PSA_ERROR_BUFFER_TOO_SMALL;
  Pkey key;
  status = AcquireKey(attributes, key_buffer, key_buffer_size, &key);
  if (status != PSA_SUCCESS) return status;
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (ctx == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  size_t written = signature_size;
  if (EVP_DigestSignInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, key.get(), nullptr) != 1 ||
      EVP_DigestSign(ctx.get(), signature, &written, input, input_length) != 1 || written != length) {
    OPENSSL_cleanse(signature, signature_size);
    return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  }
  *signature_length = written;
  return PSA_SUCCESS;
}

psa_status_t openssl_verify_message(const psa_key_attributes_t* attributes, const uint8_t* key_buffer,
                                    size_t key_buffer_size, psa_algorithm_t alg, const uint8_t* input,
                                    size_t input_length, const uint8_t* signature, size_t signature_length) {
  using namespace drivers::openssl;
  ErrorQueueScope errors;
  size_t length = 0;
  psa_status_t status = CheckEddsa(attributes, alg, false, &length);
  if (status != PSA_SUCCESS) return status;
  if (signature_length != length) return PSA_ERROR_INVALID_SIGNATURE;
  Pkey key;
  status = AcquireKey(attributes, key_buffer, key_buffer_size, &key);
  if (status != PSA_SUCCESS) return status;
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (ctx == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  if (EVP_DigestVerifyInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, key.get(), nullptr) != 1) {
    return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  }
  const int verified = EVP_DigestVerify(ctx.get(), signature, signature_length, input, input_length);
  return verified == 1 ? PSA_SUCCESS : StatusFromQueue(PSA_ERROR_INVALID_SIGNATURE);
}

}  // extern "C"
