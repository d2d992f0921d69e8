#include "tests/keys/key_oracle.h"

#include <mbedtls/bignum.h>
#include <mbedtls/ecp.h>
#include <mbedtls/rsa.h>

#include "tests/keys/key_test_util.h"

namespace psa::keys_testing {
namespace {

mbedtls_ecp_group_id GroupOf(psa_ecc_family_t family, size_t bits) {
  switch (family) {
    case PSA_ECC_FAMILY_SECP_R1:
      switch (bits) {
        case 192: return MBEDTLS_ECP_DP_SECP192R1;
        case 224: return MBEDTLS_ECP_DP_SECP224R1;
        case 256: return MBEDTLS_ECP_DP_SECP256R1;
        case 384: return MBEDTLS_ECP_DP_SECP384R1;
        case 521: return MBEDTLS_ECP_DP_SECP521R1;
      }
      break;
    case PSA_ECC_FAMILY_SECP_K1:
      switch (bits) {
        case 192: return MBEDTLS_ECP_DP_SECP192K1;
        case 225: return MBEDTLS_ECP_DP_SECP224K1;
        case 256: return MBEDTLS_ECP_DP_SECP256K1;
      }
      break;
    case PSA_ECC_FAMILY_BRAINPOOL_P_R1:
      switch (bits) {
        case 256: return MBEDTLS_ECP_DP_BP256R1;
        case 384: return MBEDTLS_ECP_DP_BP384R1;
        case 512: return MBEDTLS_ECP_DP_BP512R1;
      }
      break;
    case PSA_ECC_FAMILY_MONTGOMERY:
      switch (bits) {
        case 255: return MBEDTLS_ECP_DP_CURVE25519;
        case 448: return MBEDTLS_ECP_DP_CURVE448;
      }
      break;
  }
  return MBEDTLS_ECP_DP_NONE;
}

// A deterministic "random" source for the blinding in mbedtls_ecp_mul: the
// oracle computes public values only.
int CounterRng(void* state, unsigned char* output, size_t length) {
  uint32_t* counter = static_cast<uint32_t*>(state);
  for (size_t i = 0; i < length; ++i) output[i] = static_cast<unsigned char>((*counter)++ * 167u + 13u);
  return 0;
}

}  // namespace

bool EccPublicKeyOf(psa_ecc_family_t family, size_t bits, const std::vector<uint8_t>& private_key,
                    std::vector<uint8_t>* public_key, std::string* why) {
  mbedtls_ecp_group_id id = GroupOf(family, bits);
  if (id == MBEDTLS_ECP_DP_NONE) {
    *why = "curve unknown to the oracle";
    return false;
  }
  mbedtls_ecp_keypair key;
  mbedtls_ecp_keypair_init(&key);
  bool ok = false;
  uint32_t counter = 1;
  unsigned char out[2 * 66 + 1];
  size_t out_length = 0;
  int loaded = 0;
  if (family == PSA_ECC_FAMILY_MONTGOMERY) {
    // RFC 7748: a little-endian scalar with the forced bits (Mbed TLS 2.28's
    // mbedtls_ecp_read_key knows Curve25519 only, so decode it here). The
    // forced bits are checked, not set: the key must already have them.
    const size_t size = bits == 255 ? 32 : 56;
    loaded = private_key.size() == size ? mbedtls_ecp_group_load(&key.grp, id) : -1;
    if (loaded == 0) loaded = mbedtls_mpi_read_binary_le(&key.d, private_key.data(), private_key.size());
    if (loaded == 0) loaded = mbedtls_ecp_check_privkey(&key.grp, &key.d);
  } else {
    // Checks the range 1 <= d < n.
    loaded = mbedtls_ecp_read_key(id, &key, private_key.data(), private_key.size());
  }
  if (loaded != 0) {
    *why = "private key rejected by the oracle (out of range, forced bits wrong, or wrong length)";
  } else if (mbedtls_ecp_mul(&key.grp, &key.Q, &key.d, &key.grp.G, CounterRng, &counter) != 0) {
    *why = "mbedtls_ecp_mul failed";
  } else if (mbedtls_ecp_point_write_binary(&key.grp, &key.Q, MBEDTLS_ECP_PF_UNCOMPRESSED, &out_length, out,
                                            sizeof(out)) != 0) {
    *why = "mbedtls_ecp_point_write_binary failed";
  } else {
    public_key->assign(out, out + out_length);
    ok = true;
  }
  mbedtls_ecp_keypair_free(&key);
  return ok;
}

bool RsaKeyPairIsValid(const std::vector<uint8_t>& der, size_t bits, uint32_t exponent, std::string* why) {
  RsaPrivateKeyFields f;
  if (!ParseRsaPrivateKey(der, &f)) {
    *why = "not a DER RSAPrivateKey with nine non-negative INTEGERs";
    return false;
  }
  if (f.version != Bytes{0}) {
    *why = "version is not 0";
    return false;
  }
  mbedtls_rsa_context rsa;
  mbedtls_rsa_init(&rsa, MBEDTLS_RSA_PKCS_V15, 0);
  mbedtls_mpi dp, dq, qp, e;
  mbedtls_mpi_init(&dp);
  mbedtls_mpi_init(&dq);
  mbedtls_mpi_init(&qp);
  mbedtls_mpi_init(&e);
  bool ok = false;
  if (mbedtls_rsa_import_raw(&rsa, f.n.data(), f.n.size(), f.p.data(), f.p.size(), f.q.data(), f.q.size(),
                             f.d.data(), f.d.size(), f.e.data(), f.e.size()) != 0 ||
      mbedtls_rsa_complete(&rsa) != 0) {
    *why = "mbedtls_rsa_complete rejected the key";
  } else if (mbedtls_rsa_check_privkey(&rsa) != 0) {
    *why = "mbedtls_rsa_check_privkey failed (n != p*q or d*e != 1)";
  } else if (mbedtls_rsa_export_crt(&rsa, &dp, &dq, &qp) != 0 || mbedtls_mpi_read_binary(&e, f.dp.data(), f.dp.size()) != 0 ||
             mbedtls_mpi_cmp_mpi(&e, &dp) != 0 || mbedtls_mpi_read_binary(&e, f.dq.data(), f.dq.size()) != 0 ||
             mbedtls_mpi_cmp_mpi(&e, &dq) != 0 || mbedtls_mpi_read_binary(&e, f.qinv.data(), f.qinv.size()) != 0 ||
             mbedtls_mpi_cmp_mpi(&e, &qp) != 0) {
    *why = "exponent1, exponent2 or coefficient is wrong";
  } else if (mbedtls_mpi_bitlen(&rsa.N) != bits) {
    *why = "modulus has " + std::to_string(mbedtls_mpi_bitlen(&rsa.N)) + " bits, not " + std::to_string(bits);
  } else if (mbedtls_mpi_read_binary(&e, f.e.data(), f.e.size()) != 0 || mbedtls_mpi_cmp_int(&e, exponent) != 0) {
    *why = "public exponent is not " + std::to_string(exponent);
  } else {
    ok = true;
  }
  mbedtls_mpi_free(&dp);
  mbedtls_mpi_free(&dq);
  mbedtls_mpi_free(&qp);
  mbedtls_mpi_free(&e);
  mbedtls_rsa_free(&rsa);
  return ok;
}

bool RsaPublicKeyOf(const std::vector<uint8_t>& der, std::vector<uint8_t>* public_key) {
  RsaPrivateKeyFields f;
  if (!ParseRsaPrivateKey(der, &f)) return false;
  *public_key = der::Sequence({der::UnsignedInteger(f.n), der::UnsignedInteger(f.e)});
  return true;
}

}  // namespace psa::keys_testing
