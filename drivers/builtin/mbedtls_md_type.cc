#include "drivers/builtin/mbedtls_md_type.h"

namespace drivers::builtin {
namespace {

mbedtls_md_type_t Listed(psa_algorithm_t hash) {
  switch (hash) {
    case PSA_ALG_MD5:
      return MBEDTLS_MD_MD5;
    case PSA_ALG_RIPEMD160:
      return MBEDTLS_MD_RIPEMD160;
    case PSA_ALG_SHA_1:
      return MBEDTLS_MD_SHA1;
    case PSA_ALG_SHA_224:
      return MBEDTLS_MD_SHA224;
    case PSA_ALG_SHA_256:
      return MBEDTLS_MD_SHA256;
    case PSA_ALG_SHA_384:
      return MBEDTLS_MD_SHA384;
    case PSA_ALG_SHA_512:
      return MBEDTLS_MD_SHA512;
    default:
      return MBEDTLS_MD_NONE;
  }
}

}  // namespace

mbedtls_md_type_t MbedtlsMdTypeOfHash(psa_algorithm_t hash) {
  const mbedtls_md_type_t type = Listed(hash);
  // A digest the Mbed TLS build compiled out has no md_info.
  if (type == MBEDTLS_MD_NONE || mbedtls_md_info_from_type(type) == nullptr) {
    return MBEDTLS_MD_NONE;
  }
  return type;
}

}  // namespace drivers::builtin
