#include "drivers/openssl/openssl_pkey.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include "drivers/openssl/openssl_status.h"

namespace drivers::openssl {
namespace {

struct CurveRow {
  psa_ecc_family_t family;
  size_t bits;
  WeierstrassCurve curve;
};

const CurveRow kCurves[] = {
    {PSA_ECC_FAMILY_SECP_R1, 224, {"secp224r1", NID_secp224r1, 28}},
    {PSA_ECC_FAMILY_SECP_R1, 256, {"prime256v1", NID_X9_62_prime256v1, 32}},
    {PSA_ECC_FAMILY_SECP_R1, 384, {"secp384r1", NID_secp384r1, 48}},
    {PSA_ECC_FAMILY_SECP_R1, 521, {"secp521r1", NID_secp521r1, 66}},
    {PSA_ECC_FAMILY_SECP_K1, 256, {"secp256k1", NID_secp256k1, 32}},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256, {"brainpoolP256r1", NID_brainpoolP256r1, 32}},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384, {"brainpoolP384r1", NID_brainpoolP384r1, 48}},
    {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512, {"brainpoolP512r1", NID_brainpoolP512r1, 64}},
};

struct BnClearFree {
  void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};
struct GroupFree {
  void operator()(EC_GROUP* group) const { EC_GROUP_free(group); }
};
struct PointClearFree {
  void operator()(EC_POINT* point) const { EC_POINT_clear_free(point); }
};
struct BldFree {
  void operator()(OSSL_PARAM_BLD* bld) const { OSSL_PARAM_BLD_free(bld); }
};
// The builder puts secure BIGNUMs into secure memory, which OSSL_PARAM_free
// clears.
struct ParamFree {
  void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};

constexpr size_t kMaxPointLength = 1 + 2 * 66;
constexpr size_t kMinRsaBits = 1024;
constexpr size_t kMaxRsaBits = 8192;

// EVP_PKEY_fromdata for an "EC" key of `selection` from `params`.
psa_status_t EcFromData(int selection, OSSL_PARAM* params, Pkey* key) {
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (ctx == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_fromdata_init(ctx.get()) != 1 || EVP_PKEY_fromdata(ctx.get(), &raw, selection, params) != 1) {
    return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  }
  key->reset(raw);
  return PSA_SUCCESS;
}

psa_status_t EcKeyPair(const WeierstrassCurve& curve, const uint8_t* scalar, size_t length, Pkey* key) {
  if (length != curve.coordinate_bytes) return PSA_ERROR_INVALID_ARGUMENT;
  std::unique_ptr<EC_GROUP, GroupFree> group(EC_GROUP_new_by_curve_name(curve.nid));
  std::unique_ptr<BIGNUM, BnClearFree> d(BN_secure_new());
  if (group == nullptr || d == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  if (BN_bin2bn(scalar, static_cast<int>(length), d.get()) == nullptr) {
    return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  }
  // d in [1, n-1].
  if (BN_is_zero(d.get()) || BN_cmp(d.get(), EC_GROUP_get0_order(group.get())) >= 0) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  // OpenSSL wants the public point with the private scalar (verification
  // with a key pair, and its key checks).
  std::unique_ptr<EC_POINT, PointClearFree> q(EC_POINT_new(group.get()));
  if (q == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  if (EC_POINT_mul(group.get(), q.get(), d.get(), nullptr, nullptr, nullptr) != 1) {
    return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  }
  uint8_t point[kMaxPointLength];
  const size_t point_length =
      EC_POINT_point2oct(group.get(), q.get(), POINT_CONVERSION_UNCOMPRESSED, point, sizeof(point), nullptr);
  if (point_length != 1 + 2 * curve.coordinate_bytes) return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  std::unique_ptr<OSSL_PARAM_BLD, BldFree> bld(OSSL_PARAM_BLD_new());
  if (bld == nullptr || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve.group_name, 0) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point, point_length) != 1) {
    return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
  if (params == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  return EcFromData(EVP_PKEY_KEYPAIR, params.get(), key);
}

psa_status_t EcPublicKey(const WeierstrassCurve& curve, const uint8_t* point, size_t length, Pkey* key) {
  // Uncompressed only, as the export format is.
  if (length != 1 + 2 * curve.coordinate_bytes || point[0] != 0x04) return PSA_ERROR_INVALID_ARGUMENT;
  std::unique_ptr<OSSL_PARAM_BLD, BldFree> bld(OSSL_PARAM_BLD_new());
  if (bld == nullptr || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve.group_name, 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point, length) != 1) {
    return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
  if (params == nullptr) return StatusFromQueue(PSA_ERROR_INSUFFICIENT_MEMORY);
  // OpenSSL decodes the point with EC_POINT_oct2point, which rejects points
  // that are not on the curve.
  return EcFromData(EVP_PKEY_PUBLIC_KEY, params.get(), key);
}

psa_status_t RsaKey(bool key_pair, size_t bits, const uint8_t* der, size_t length, Pkey* key) {
  const unsigned char* cursor = der;
  EVP_PKEY* raw = key_pair ? d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &cursor, static_cast<long>(length))
                           : d2i_PublicKey(EVP_PKEY_RSA, nullptr, &cursor, static_cast<long>(length));
  if (raw == nullptr) return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  Pkey parsed(raw);
  if (cursor != der + length || static_cast<size_t>(EVP_PKEY_get_bits(raw)) != bits) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  *key = std::move(parsed);
  return PSA_SUCCESS;
}

}  // namespace

const WeierstrassCurve* FindWeierstrassCurve(psa_ecc_family_t family, size_t bits) {
  for (const CurveRow& row : kCurves) {
    if (row.family == family && row.bits == bits) return &row.curve;
  }
  return nullptr;
}

int RawKeyType(psa_ecc_family_t family, size_t bits) {
  if (family == PSA_ECC_FAMILY_MONTGOMERY) {
    if (bits == 255) return EVP_PKEY_X25519;
    if (bits == 448) return EVP_PKEY_X448;
  } else if (family == PSA_ECC_FAMILY_TWISTED_EDWARDS) {
    if (bits == 255) return EVP_PKEY_ED25519;
    if (bits == 448) return EVP_PKEY_ED448;
  }
  return EVP_PKEY_NONE;
}

size_t RawKeyLength(psa_ecc_family_t family, size_t bits) {
  switch (RawKeyType(family, bits)) {
    case EVP_PKEY_X25519:
    case EVP_PKEY_ED25519:
      return 32;
    case EVP_PKEY_X448:
      return 56;
    case EVP_PKEY_ED448:
      return 57;
    default:
      return 0;
  }
}

bool IsServedKey(psa_key_type_t type, size_t bits) {
  if (PSA_KEY_TYPE_IS_RSA(type)) return bits >= kMinRsaBits && bits <= kMaxRsaBits && bits % 8 == 0;
  if (!PSA_KEY_TYPE_IS_ECC(type)) return false;
  const psa_ecc_family_t family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  return FindWeierstrassCurve(family, bits) != nullptr || RawKeyType(family, bits) != EVP_PKEY_NONE;
}

psa_status_t ParseKey(psa_key_type_t type, size_t bits, const uint8_t* key_buffer, size_t key_buffer_size,
                      Pkey* key) {
  if (!IsServedKey(type, bits)) return PSA_ERROR_NOT_SUPPORTED;
  if (key_buffer_size == 0) return PSA_ERROR_INVALID_ARGUMENT;
  if (PSA_KEY_TYPE_IS_RSA(type)) return RsaKey(PSA_KEY_TYPE_IS_KEY_PAIR(type), bits, key_buffer, key_buffer_size, key);
  const psa_ecc_family_t family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  if (const WeierstrassCurve* curve = FindWeierstrassCurve(family, bits)) {
    return PSA_KEY_TYPE_IS_KEY_PAIR(type) ? EcKeyPair(*curve, key_buffer, key_buffer_size, key)
                                          : EcPublicKey(*curve, key_buffer, key_buffer_size, key);
  }
  if (key_buffer_size != RawKeyLength(family, bits)) return PSA_ERROR_INVALID_ARGUMENT;
  const int raw_type = RawKeyType(family, bits);
  EVP_PKEY* raw = PSA_KEY_TYPE_IS_KEY_PAIR(type)
                      ? EVP_PKEY_new_raw_private_key(raw_type, nullptr, key_buffer, key_buffer_size)
                      : EVP_PKEY_new_raw_public_key(raw_type, nullptr, key_buffer, key_buffer_size);
  if (raw == nullptr) return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  key->reset(raw);
  return PSA_SUCCESS;
}

psa_status_t ParsePeerKey(psa_ecc_family_t family, size_t bits, const uint8_t* peer_key, size_t peer_key_length,
                          Pkey* key) {
  if (peer_key_length == 0) return PSA_ERROR_INVALID_ARGUMENT;
  if (const WeierstrassCurve* curve = FindWeierstrassCurve(family, bits)) {
    return EcPublicKey(*curve, peer_key, peer_key_length, key);
  }
  if (family != PSA_ECC_FAMILY_MONTGOMERY || RawKeyType(family, bits) == EVP_PKEY_NONE) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  if (peer_key_length != RawKeyLength(family, bits)) return PSA_ERROR_INVALID_ARGUMENT;
  EVP_PKEY* raw = EVP_PKEY_new_raw_public_key(RawKeyType(family, bits), nullptr, peer_key, peer_key_length);
  if (raw == nullptr) return StatusFromQueue(PSA_ERROR_INVALID_ARGUMENT);
  key->reset(raw);
  return PSA_SUCCESS;
}

}  // namespace drivers::openssl
