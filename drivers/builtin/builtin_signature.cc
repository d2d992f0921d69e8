// ECDSA and RSA signatures of the builtin driver (see builtin_signature.h).
//
// Each entry point resolves the algorithm and the key type before it reads
// the key, checks the output size before it computes, and leaves nothing of
// a signature behind on failure. The Mbed TLS objects (the group, the key's
// numbers, r and s, the RSA context) are freed, their limbs wiped, on every
// path by their owners' destructors.

#include "drivers/builtin/builtin_signature.h"

#include "drivers/builtin/builtin_ecc.h"
#include "drivers/builtin/builtin_rsa.h"
#include "drivers/builtin/mbedtls_key_status.h"
#include "drivers/builtin/mbedtls_md_type.h"
#include "drivers/builtin/mbedtls_rng.h"
#include "mbedtls/bignum.h"
#include "mbedtls/ecdsa.h"
#include "mbedtls/platform_util.h"
#include "mbedtls/rsa.h"

namespace drivers::builtin {
namespace {

// The signature schemes of this driver.
enum class Scheme {
  kRandomizedEcdsa,
  kDeterministicEcdsa,
  kRsaPkcs1v15,
  kRsaPssStandardSalt,
  kRsaPssAnySalt,
};

bool IsEcdsa(Scheme scheme) {
  return scheme == Scheme::kRandomizedEcdsa ||
         scheme == Scheme::kDeterministicEcdsa;
}

// A signature algorithm resolved: its scheme and its hash's Mbed TLS digest
// (MBEDTLS_MD_NONE for PSA_ALG_ECDSA_ANY and PSA_ALG_RSA_PKCS1V15_SIGN_RAW,
// whose input is not a hash of a known algorithm).
struct ResolvedAlgorithm {
  Scheme scheme;
  mbedtls_md_type_t md;
};

// Resolves `alg` for an input of hash_length bytes: INVALID_ARGUMENT for a
// value that is not a specific sign-hash algorithm or an input that is not
// its hash's length, NOT_SUPPORTED for EdDSA, other schemes and other hashes.
psa_status_t ResolveAlgorithm(psa_algorithm_t alg, size_t hash_length,
                              ResolvedAlgorithm* resolved) {
  if (!PSA_ALG_IS_SIGN(alg)) return PSA_ERROR_INVALID_ARGUMENT;
  bool hash_optional = false;
  if (PSA_ALG_IS_RANDOMIZED_ECDSA(alg)) {
    resolved->scheme = Scheme::kRandomizedEcdsa;
    hash_optional = true;  // PSA_ALG_ECDSA_ANY
  } else if (PSA_ALG_IS_DETERMINISTIC_ECDSA(alg)) {
    resolved->scheme = Scheme::kDeterministicEcdsa;
  } else if (PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg)) {
    resolved->scheme = Scheme::kRsaPkcs1v15;
    hash_optional = true;  // PSA_ALG_RSA_PKCS1V15_SIGN_RAW
  } else if (PSA_ALG_IS_RSA_PSS_STANDARD_SALT(alg)) {
    resolved->scheme = Scheme::kRsaPssStandardSalt;
  } else if (PSA_ALG_IS_RSA_PSS_ANY_SALT(alg)) {
    resolved->scheme = Scheme::kRsaPssAnySalt;
  } else if (alg == PSA_ALG_PURE_EDDSA) {
    // Not usable on a hash at all; and this driver has no EdDSA.
    return PSA_ERROR_INVALID_ARGUMENT;
  } else {
    return PSA_ERROR_NOT_SUPPORTED;  // HashEdDSA, other schemes
  }

  const psa_algorithm_t hash = PSA_ALG_GET_HASH(alg);
  if (hash == PSA_ALG_NONE) {
    if (!hash_optional) return PSA_ERROR_INVALID_ARGUMENT;
    resolved->md = MBEDTLS_MD_NONE;
    return PSA_SUCCESS;
  }
  if (hash == PSA_ALG_ANY_HASH) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t expected_length = PSA_HASH_LENGTH(hash);
  if (expected_length == 0) return PSA_ERROR_NOT_SUPPORTED;  // unknown hash
  if (hash_length != expected_length) return PSA_ERROR_INVALID_ARGUMENT;
  resolved->md = MbedtlsMdTypeOfHash(hash);
  if (resolved->md == MBEDTLS_MD_NONE) return PSA_ERROR_NOT_SUPPORTED;
  return PSA_SUCCESS;
}

// An Mbed TLS number, freed (and wiped) when it goes out of scope.
struct ScopedMpi {
  ScopedMpi() { mbedtls_mpi_init(&value); }
  ~ScopedMpi() { mbedtls_mpi_free(&value); }
  ScopedMpi(const ScopedMpi&) = delete;
  ScopedMpi& operator=(const ScopedMpi&) = delete;

  mbedtls_mpi value;
};

// The status of a failed signature computation: the random generator's
// failure if it had one, a refused input as INVALID_ARGUMENT, otherwise as
// for any computation.
psa_status_t SignFailure(const PsaRandomContext& random, int ret) {
  if (ret == MBEDTLS_ERR_ECP_BAD_INPUT_DATA ||
      ret == MBEDTLS_ERR_RSA_BAD_INPUT_DATA) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return StatusWithRandom(random, PsaStatusFromMbedtlsComputation(ret));
}

// The status of a verification Mbed TLS did not accept: a signature that
// does not verify, for whatever reason, unless memory ran out.
psa_status_t VerifyFailure(int ret) {
  return IsMbedtlsAllocationFailure(ret) ? PSA_ERROR_INSUFFICIENT_MEMORY
                                         : PSA_ERROR_INVALID_SIGNATURE;
}

// ---- ECDSA -----------------------------------------------------------------

// The curve of an ECC key of `type` and `bits` for ECDSA: INVALID_ARGUMENT
// for a key that is not on a Weierstrass curve (or not ECC at all),
// NOT_SUPPORTED for a curve this driver or Mbed TLS's ECDSA lacks.
psa_status_t ResolveEcdsaCurve(psa_key_type_t type, size_t bits,
                               const EccCurve** curve) {
  if (!PSA_KEY_TYPE_IS_ECC(type)) return PSA_ERROR_INVALID_ARGUMENT;
  const psa_ecc_family_t family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  if (family == PSA_ECC_FAMILY_MONTGOMERY ||
      family == PSA_ECC_FAMILY_TWISTED_EDWARDS) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const EccCurve* found = FindEccCurve(family, bits);
  if (found == nullptr || found->group_id == MBEDTLS_ECP_DP_NONE ||
      mbedtls_ecdsa_can_do(found->group_id) == 0) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  *curve = found;
  return PSA_SUCCESS;
}

// Bytes of r and of s: those of the group order n.
size_t EcdsaScalarLength(const EccCurve& curve) {
  return curve.private_key_length;
}

// Loads an ECC key of `type` on `curve` from its key buffer: the private
// key d (key pair), and the public key Q when `need_public` (computed as
// d * G, blinded, for a key pair).
psa_status_t LoadEcdsaKey(psa_key_type_t type, const EccCurve& curve,
                          const uint8_t* key_buffer, size_t key_buffer_size,
                          bool need_public, EcpObjects* objects) {
  if (key_buffer_size != EccKeyLength(type, curve)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type)) {
    return EccLoadPublicKey(curve, key_buffer, key_buffer_size, objects);
  }
  psa_status_t status = EccLoadPrivateKey(curve, key_buffer, objects);
  if (status != PSA_SUCCESS || !need_public) return status;
  PsaRandomContext random;
  const int ret = mbedtls_ecp_mul(&objects->group, &objects->public_key,
                                  &objects->private_key, &objects->group.G,
                                  PsaRandomForMbedtls, &random);
  return ret == 0
             ? PSA_SUCCESS
             : StatusWithRandom(random, PsaStatusFromMbedtlsComputation(ret));
}

psa_status_t EcdsaSign(const psa_key_attributes_t* attributes,
                       const uint8_t* key_buffer, size_t key_buffer_size,
                       const ResolvedAlgorithm& alg, const uint8_t* hash,
                       size_t hash_length, uint8_t* signature,
                       size_t signature_size, size_t* signature_length) {
  const psa_key_type_t type = psa_get_key_type(attributes);
  const EccCurve* curve = nullptr;
  psa_status_t status =
      ResolveEcdsaCurve(type, psa_get_key_bits(attributes), &curve);
  if (status != PSA_SUCCESS) return status;
  if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) return PSA_ERROR_INVALID_ARGUMENT;
  const size_t scalar_length = EcdsaScalarLength(*curve);
  if (signature_size < 2 * scalar_length) return PSA_ERROR_BUFFER_TOO_SMALL;

  EcpObjects key;
  status = LoadEcdsaKey(type, *curve, key_buffer, key_buffer_size,
                        /*need_public=*/false, &key);
  if (status != PSA_SUCCESS) return status;
  if (mbedtls_mpi_size(&key.group.N) != scalar_length) {
    return PSA_ERROR_CORRUPTION_DETECTED;
  }

  ScopedMpi r, s;
  PsaRandomContext random;
  int ret = 0;
  if (alg.scheme == Scheme::kDeterministicEcdsa) {
    // RFC 6979 nonce from HMAC-h; the randomness only blinds.
    ret = mbedtls_ecdsa_sign_det_ext(&key.group, &r.value, &s.value,
                                     &key.private_key, hash, hash_length,
                                     alg.md, PsaRandomForMbedtls, &random);
  } else {
    ret = mbedtls_ecdsa_sign(&key.group, &r.value, &s.value, &key.private_key,
                             hash, hash_length, PsaRandomForMbedtls, &random);
  }
  if (ret != 0) return SignFailure(random, ret);

  ret = mbedtls_mpi_write_binary(&r.value, signature, scalar_length);
  if (ret == 0) {
    ret = mbedtls_mpi_write_binary(&s.value, signature + scalar_length,
                                   scalar_length);
  }
  if (ret != 0) {
    mbedtls_platform_zeroize(signature, 2 * scalar_length);
    return PsaStatusFromMbedtlsComputation(ret);
  }
  *signature_length = 2 * scalar_length;
  return PSA_SUCCESS;
}

psa_status_t EcdsaVerify(const psa_key_attributes_t* attributes,
                         const uint8_t* key_buffer, size_t key_buffer_size,
                         const uint8_t* hash, size_t hash_length,
                         const uint8_t* signature, size_t signature_length) {
  const psa_key_type_t type = psa_get_key_type(attributes);
  const EccCurve* curve = nullptr;
  psa_status_t status =
      ResolveEcdsaCurve(type, psa_get_key_bits(attributes), &curve);
  if (status != PSA_SUCCESS) return status;
  const size_t scalar_length = EcdsaScalarLength(*curve);

  EcpObjects key;
  status = LoadEcdsaKey(type, *curve, key_buffer, key_buffer_size,
                        /*need_public=*/true, &key);
  if (status != PSA_SUCCESS) return status;
  if (signature_length != 2 * scalar_length) {
    return PSA_ERROR_INVALID_SIGNATURE;
  }

  // mbedtls_ecdsa_verify rejects r and s outside [1, n-1].
  ScopedMpi r, s;
  int ret = mbedtls_mpi_read_binary(&r.value, signature, scalar_length);
  if (ret == 0) {
    ret = mbedtls_mpi_read_binary(&s.value, signature + scalar_length,
                                  scalar_length);
  }
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  ret = mbedtls_ecdsa_verify(&key.group, hash, hash_length, &key.public_key,
                             &r.value, &s.value);
  return ret == 0 ? PSA_SUCCESS : VerifyFailure(ret);
}

// ---- RSA -------------------------------------------------------------------

// The checks of an RSA key and input before the key is read: key type,
// key size, and for PSA_ALG_RSA_PKCS1V15_SIGN_RAW an input T that fits the
// encoding (k >= tLen + 11, RFC 8017 section 9.2 step 3).
psa_status_t CheckRsaRequest(const psa_key_attributes_t* attributes,
                             const ResolvedAlgorithm& alg, bool sign,
                             size_t hash_length) {
  const psa_key_type_t type = psa_get_key_type(attributes);
  if (!PSA_KEY_TYPE_IS_RSA(type)) return PSA_ERROR_INVALID_ARGUMENT;
  if (sign && type != PSA_KEY_TYPE_RSA_KEY_PAIR) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  const size_t bits = psa_get_key_bits(attributes);
  if (!RsaKeySizeIsSupported(bits)) return PSA_ERROR_NOT_SUPPORTED;
  if (alg.scheme == Scheme::kRsaPkcs1v15 && alg.md == MBEDTLS_MD_NONE &&
      hash_length + 11 > PSA_BITS_TO_BYTES(bits)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  return PSA_SUCCESS;
}

// The salt length PSA_ALG_RSA_PSS signs with and requires: the hash length,
// or the largest that fits a k-byte modulus (emLen = k for the whole-byte
// moduli of this driver; emLen >= hLen + sLen + 2, RFC 8017 section 9.1.1).
int StandardPssSaltLength(size_t k, size_t hash_length) {
  if (k >= 2 * hash_length + 2) return static_cast<int>(hash_length);
  return k >= hash_length + 2 ? static_cast<int>(k - hash_length - 2) : 0;
}

psa_status_t RsaSign(const psa_key_attributes_t* attributes,
                     const uint8_t* key_buffer, size_t key_buffer_size,
                     const ResolvedAlgorithm& alg, const uint8_t* hash,
                     size_t hash_length, uint8_t* signature,
                     size_t signature_size, size_t* signature_length) {
  psa_status_t status =
      CheckRsaRequest(attributes, alg, /*sign=*/true, hash_length);
  if (status != PSA_SUCCESS) return status;
  const size_t k = PSA_BITS_TO_BYTES(psa_get_key_bits(attributes));
  if (signature_size < k) return PSA_ERROR_BUFFER_TOO_SMALL;

  RsaContext rsa;
  status =
      RsaLoadKey(psa_get_key_type(attributes), psa_get_key_bits(attributes),
                 key_buffer, key_buffer_size, RsaKeyUse::kPrivate, &rsa.context);
  if (status != PSA_SUCCESS) return status;

  PsaRandomContext random;
  int ret = 0;
  if (alg.scheme == Scheme::kRsaPkcs1v15) {
    // md NONE: the input is T itself (PSA_ALG_RSA_PKCS1V15_SIGN_RAW).
    mbedtls_rsa_set_padding(&rsa.context, MBEDTLS_RSA_PKCS_V15,
                            MBEDTLS_MD_NONE);
    ret = mbedtls_rsa_rsassa_pkcs1_v15_sign(
        &rsa.context, PsaRandomForMbedtls, &random, MBEDTLS_RSA_PRIVATE, alg.md,
        static_cast<unsigned int>(hash_length), hash, signature);
  } else {
    // The context's hash is MGF1's; SALT_LEN_ANY signs with the standard
    // salt length (StandardPssSaltLength).
    mbedtls_rsa_set_padding(&rsa.context, MBEDTLS_RSA_PKCS_V21, alg.md);
    ret = mbedtls_rsa_rsassa_pss_sign_ext(
        &rsa.context, PsaRandomForMbedtls, &random, alg.md,
        static_cast<unsigned int>(hash_length), hash, MBEDTLS_RSA_SALT_LEN_ANY,
        signature);
  }
  if (ret != 0) {
    mbedtls_platform_zeroize(signature, k);
    return SignFailure(random, ret);
  }
  *signature_length = k;
  return PSA_SUCCESS;
}

psa_status_t RsaVerify(const psa_key_attributes_t* attributes,
                       const uint8_t* key_buffer, size_t key_buffer_size,
                       const ResolvedAlgorithm& alg, const uint8_t* hash,
                       size_t hash_length, const uint8_t* signature,
                       size_t signature_length) {
  psa_status_t status =
      CheckRsaRequest(attributes, alg, /*sign=*/false, hash_length);
  if (status != PSA_SUCCESS) return status;
  const size_t k = PSA_BITS_TO_BYTES(psa_get_key_bits(attributes));

  RsaContext rsa;
  status =
      RsaLoadKey(psa_get_key_type(attributes), psa_get_key_bits(attributes),
                 key_buffer, key_buffer_size, RsaKeyUse::kPublic, &rsa.context);
  if (status != PSA_SUCCESS) return status;
  // Mbed TLS reads exactly k bytes of signature.
  if (signature_length != k) return PSA_ERROR_INVALID_SIGNATURE;

  int ret = 0;
  if (alg.scheme == Scheme::kRsaPkcs1v15) {
    mbedtls_rsa_set_padding(&rsa.context, MBEDTLS_RSA_PKCS_V15,
                            MBEDTLS_MD_NONE);
    ret = mbedtls_rsa_rsassa_pkcs1_v15_verify(
        &rsa.context, nullptr, nullptr, MBEDTLS_RSA_PUBLIC, alg.md,
        static_cast<unsigned int>(hash_length), hash, signature);
  } else {
    mbedtls_rsa_set_padding(&rsa.context, MBEDTLS_RSA_PKCS_V21, alg.md);
    const int salt_length = alg.scheme == Scheme::kRsaPssAnySalt
                                ? MBEDTLS_RSA_SALT_LEN_ANY
                                : StandardPssSaltLength(k, hash_length);
    ret = mbedtls_rsa_rsassa_pss_verify_ext(
        &rsa.context, nullptr, nullptr, MBEDTLS_RSA_PUBLIC, alg.md,
        static_cast<unsigned int>(hash_length), hash, alg.md, salt_length,
        signature);
  }
  return ret == 0 ? PSA_SUCCESS : VerifyFailure(ret);
}

}  // namespace
}  // namespace drivers::builtin

extern "C" {

psa_status_t builtin_sign_hash(const psa_key_attributes_t* attributes,
                               const uint8_t* key_buffer,
                               size_t key_buffer_size, psa_algorithm_t alg,
                               const uint8_t* hash, size_t hash_length,
                               uint8_t* signature, size_t signature_size,
                               size_t* signature_length) {
  using namespace drivers::builtin;
  *signature_length = 0;
  ResolvedAlgorithm resolved;
  const psa_status_t status = ResolveAlgorithm(alg, hash_length, &resolved);
  if (status != PSA_SUCCESS) return status;
  if (IsEcdsa(resolved.scheme)) {
    return EcdsaSign(attributes, key_buffer, key_buffer_size, resolved, hash,
                     hash_length, signature, signature_size, signature_length);
  }
  return RsaSign(attributes, key_buffer, key_buffer_size, resolved, hash,
                 hash_length, signature, signature_size, signature_length);
}

psa_status_t builtin_verify_hash(const psa_key_attributes_t* attributes,
                                 const uint8_t* key_buffer,
                                 size_t key_buffer_size, psa_algorithm_t alg,
                                 const uint8_t* hash, size_t hash_length,
                                 const uint8_t* signature,
                                 size_t signature_length) {
  using namespace drivers::builtin;
  ResolvedAlgorithm resolved;
  const psa_status_t status = ResolveAlgorithm(alg, hash_length, &resolved);
  if (status != PSA_SUCCESS) return status;
  if (IsEcdsa(resolved.scheme)) {
    return EcdsaVerify(attributes, key_buffer, key_buffer_size, hash,
                       hash_length, signature, signature_length);
  }
  return RsaVerify(attributes, key_buffer, key_buffer_size, resolved, hash,
                   hash_length, signature, signature_length);
}

}  // extern "C"
