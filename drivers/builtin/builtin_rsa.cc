// RSA key import, generation and public key export (see builtin_rsa.h).
//
// Key data is parsed with the strict DER reader (der.h), so an accepted key
// has one encoding and is stored as given. The checks on the numbers are
// those the driver interface's "Key validation" asks for (sizes, ranges,
// consistency), done with Mbed TLS's bignum and RSA helpers; the primes are
// not tested for primality (a bad key only endangers itself).

#include "drivers/builtin/builtin_rsa.h"

#include <array>
#include <cstring>

#include "absl/types/span.h"
#include "drivers/builtin/der.h"
#include "drivers/builtin/mbedtls_key_status.h"
#include "drivers/builtin/mbedtls_rng.h"
#include "mbedtls/bignum.h"
#include "mbedtls/rsa.h"
#include "mbedtls/rsa_internal.h"

namespace drivers::builtin {
namespace {

using Bytes = absl::Span<const uint8_t>;

// The INTEGERs of an RSAPublicKey, or of an RSAPrivateKey after its version,
// as big-endian magnitudes without leading zeros (views into the DER).
struct RsaPublicKeyDer {
  Bytes n, e;
};
struct RsaKeyPairDer {
  Bytes n, e, d, p, q, dp, dq, qinv;
};

// Bit length of a magnitude without leading zeros.
size_t BitLength(Bytes magnitude) {
  if (magnitude.empty()) return 0;
  size_t bits = 8 * (magnitude.size() - 1);
  for (uint8_t top = magnitude[0]; top != 0; top >>= 1) ++bits;
  return bits;
}

// Parses a DER RSAPublicKey ::= SEQUENCE { modulus, publicExponent } that
// fills `der` exactly.
bool ParseRsaPublicKey(Bytes der, RsaPublicKeyDer* key) {
  der::Reader outer(der);
  Bytes sequence;
  if (!outer.ReadElement(der::kTagSequence, &sequence) || !outer.AtEnd()) {
    return false;
  }
  der::Reader fields(sequence);
  return fields.ReadUnsignedInteger(&key->n) &&
         fields.ReadUnsignedInteger(&key->e) && fields.AtEnd();
}

// Parses a DER RSAPrivateKey (RFC 8017 A.1.2) of version 0 (two primes, no
// otherPrimeInfos) that fills `der` exactly.
bool ParseRsaKeyPair(Bytes der, RsaKeyPairDer* key) {
  der::Reader outer(der);
  Bytes sequence;
  if (!outer.ReadElement(der::kTagSequence, &sequence) || !outer.AtEnd()) {
    return false;
  }
  der::Reader fields(sequence);
  Bytes version;
  return fields.ReadUnsignedInteger(&version) && version.empty() &&
         fields.ReadUnsignedInteger(&key->n) &&
         fields.ReadUnsignedInteger(&key->e) &&
         fields.ReadUnsignedInteger(&key->d) &&
         fields.ReadUnsignedInteger(&key->p) &&
         fields.ReadUnsignedInteger(&key->q) &&
         fields.ReadUnsignedInteger(&key->dp) &&
         fields.ReadUnsignedInteger(&key->dq) &&
         fields.ReadUnsignedInteger(&key->qinv) && fields.AtEnd();
}

// Checks the modulus size against *bits (0: set it) and the supported sizes.
psa_status_t CheckModulusSize(Bytes n, size_t* bits) {
  const size_t modulus_bits = BitLength(n);
  if (*bits != 0 && *bits != modulus_bits) return PSA_ERROR_INVALID_ARGUMENT;
  if (!RsaKeySizeIsSupported(modulus_bits)) return PSA_ERROR_NOT_SUPPORTED;
  *bits = modulus_bits;
  return PSA_SUCCESS;
}

// Compares magnitudes without leading zeros: <0, 0, >0 as a <, ==, > b.
int CompareMagnitudes(Bytes a, Bytes b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.empty() ? 0 : std::memcmp(a.data(), b.data(), a.size());
}

bool IsOdd(Bytes magnitude) {
  return !magnitude.empty() && (magnitude.back() & 1) != 0;
}

// The public key checks: n odd, e odd with 3 <= e < n.
bool PublicKeyIsValid(Bytes n, Bytes e) {
  const bool e_at_least_3 = e.size() > 1 || (e.size() == 1 && e[0] >= 3);
  return IsOdd(n) && IsOdd(e) && e_at_least_3 && CompareMagnitudes(e, n) < 0;
}

// An Mbed TLS number, freed (and wiped) when it goes out of scope.
struct ScopedMpi {
  ScopedMpi() { mbedtls_mpi_init(&value); }
  ~ScopedMpi() { mbedtls_mpi_free(&value); }
  ScopedMpi(const ScopedMpi&) = delete;
  ScopedMpi& operator=(const ScopedMpi&) = delete;

  mbedtls_mpi value;
};

// Mbed TLS numbers of one key, freed (and wiped) on every path.
class RsaNumbers {
 public:
  RsaNumbers() {
    for (mbedtls_mpi* x : All()) mbedtls_mpi_init(x);
  }
  ~RsaNumbers() {
    for (mbedtls_mpi* x : All()) mbedtls_mpi_free(x);
  }
  RsaNumbers(const RsaNumbers&) = delete;
  RsaNumbers& operator=(const RsaNumbers&) = delete;

  mbedtls_mpi n, e, d, p, q, dp, dq, qinv;

 private:
  std::array<mbedtls_mpi*, 8> All() {
    return {&n, &e, &d, &p, &q, &dp, &dq, &qinv};
  }
};

bool StrictlyBetween(const mbedtls_mpi& lower, const mbedtls_mpi& x,
                     const mbedtls_mpi& upper) {
  return mbedtls_mpi_cmp_mpi(&lower, &x) < 0 &&
         mbedtls_mpi_cmp_mpi(&x, &upper) < 0;
}

// Checks the numbers of a key pair whose public part passed
// PublicKeyIsValid: 1 < p, q < n with p * q == n; 1 < d < n with
// d * e == 1 modulo p-1 and q-1; 0 < dp < p-1, 0 < dq < q-1, 0 < qinv < p
// with dp == d mod p-1, dq == d mod q-1 and qinv * q == 1 mod p; and that
// Mbed TLS accepts the key for its private key operations.
psa_status_t ValidateKeyPair(const RsaKeyPairDer& der) {
  RsaNumbers x;
  const struct {
    mbedtls_mpi* number;
    Bytes magnitude;
  } loads[] = {{&x.n, der.n},   {&x.e, der.e},      {&x.d, der.d},
               {&x.p, der.p},   {&x.q, der.q},      {&x.dp, der.dp},
               {&x.dq, der.dq}, {&x.qinv, der.qinv}};
  for (const auto& load : loads) {
    const int ret = mbedtls_mpi_read_binary(load.number, load.magnitude.data(),
                                            load.magnitude.size());
    if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  }

  ScopedMpi one, zero, p_minus_1, q_minus_1;
  int ret = mbedtls_mpi_lset(&one.value, 1);
  if (ret == 0) ret = mbedtls_mpi_lset(&zero.value, 0);
  if (ret == 0) ret = mbedtls_mpi_sub_int(&p_minus_1.value, &x.p, 1);
  if (ret == 0) ret = mbedtls_mpi_sub_int(&q_minus_1.value, &x.q, 1);
  psa_status_t status = PsaStatusFromMbedtlsComputation(ret);
  if (status != PSA_SUCCESS) return status;
  const bool in_range = StrictlyBetween(one.value, x.p, x.n) &&
                        StrictlyBetween(one.value, x.q, x.n) &&
                        StrictlyBetween(one.value, x.d, x.n) &&
                        StrictlyBetween(zero.value, x.dp, p_minus_1.value) &&
                        StrictlyBetween(zero.value, x.dq, q_minus_1.value) &&
                        StrictlyBetween(zero.value, x.qinv, x.p);
  if (!in_range) return PSA_ERROR_INVALID_ARGUMENT;

  // The CRT values as given (Mbed TLS recomputes its own below, and
  // mbedtls_rsa_check_privkey checks n == p * q and d * e == 1 mod p-1 and
  // q-1, without a primality test).
  status = PsaStatusFromMbedtlsKeyCheck(
      mbedtls_rsa_validate_crt(&x.p, &x.q, &x.d, &x.dp, &x.dq, &x.qinv));
  if (status != PSA_SUCCESS) return status;

  RsaContext rsa;
  ret = mbedtls_rsa_import(&rsa.context, &x.n, &x.p, &x.q, &x.d, &x.e);
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  ret = mbedtls_rsa_complete(&rsa.context);
  if (ret == 0) ret = mbedtls_rsa_check_privkey(&rsa.context);
  return PsaStatusFromMbedtlsKeyCheck(ret);
}

// Checks that Mbed TLS accepts a public key for its public key operations.
psa_status_t ValidatePublicKeyWithMbedtls(const RsaPublicKeyDer& der) {
  RsaContext rsa;
  int ret = mbedtls_rsa_import_raw(&rsa.context, der.n.data(), der.n.size(),
                                   nullptr, 0, nullptr, 0, nullptr, 0,
                                   der.e.data(), der.e.size());
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  ret = mbedtls_rsa_complete(&rsa.context);
  if (ret == 0) ret = mbedtls_rsa_check_pubkey(&rsa.context);
  return PsaStatusFromMbedtlsKeyCheck(ret);
}

// Parses and validates an RSA key of `type` in export format, the checks of
// import in this order: DER structure and public key (INVALID_ARGUMENT),
// modulus size against *bits (INVALID_ARGUMENT) and the supported sizes
// (NOT_SUPPORTED), key pair numbers (INVALID_ARGUMENT). On success, *public_key
// holds n and e (views into `data`) and *bits the modulus size.
psa_status_t ParseAndValidate(psa_key_type_t type, Bytes data,
                              RsaPublicKeyDer* public_key, size_t* bits) {
  if (type == PSA_KEY_TYPE_RSA_KEY_PAIR) {
    RsaKeyPairDer key_pair;
    if (!ParseRsaKeyPair(data, &key_pair) ||
        !PublicKeyIsValid(key_pair.n, key_pair.e)) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    const psa_status_t status = CheckModulusSize(key_pair.n, bits);
    if (status != PSA_SUCCESS) return status;
    public_key->n = key_pair.n;
    public_key->e = key_pair.e;
    return ValidateKeyPair(key_pair);
  }
  if (type == PSA_KEY_TYPE_RSA_PUBLIC_KEY) {
    if (!ParseRsaPublicKey(data, public_key) ||
        !PublicKeyIsValid(public_key->n, public_key->e)) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    const psa_status_t status = CheckModulusSize(public_key->n, bits);
    if (status != PSA_SUCCESS) return status;
    return ValidatePublicKeyWithMbedtls(*public_key);
  }
  return PSA_ERROR_NOT_SUPPORTED;
}

// DER content length of an INTEGER holding the positive `x`.
size_t MpiIntegerContentLength(const mbedtls_mpi& x) {
  return mbedtls_mpi_size(&x) + (mbedtls_mpi_bitlen(&x) % 8 == 0 ? 1 : 0);
}

// Writes the INTEGER holding the positive `x`: the big-endian value padded
// to the content length, which gives the sign byte when the top bit is set.
void WriteMpiInteger(const mbedtls_mpi& x, der::Writer* writer) {
  const size_t length = MpiIntegerContentLength(x);
  writer->WriteHeader(der::kTagInteger, length);
  uint8_t* out = writer->Reserve(length);
  if (!writer->ok()) return;
  // Cannot fail: `length` holds the value.
  (void)mbedtls_mpi_write_binary(&x, out, length);
}

}  // namespace

bool RsaKeySizeIsSupported(size_t bits) {
  return bits >= kRsaMinBits && bits <= kRsaMaxBits && bits % 8 == 0;
}

psa_status_t RsaImportKey(psa_key_type_t type, const uint8_t* data,
                          size_t data_length, uint8_t* key_buffer,
                          size_t key_buffer_size, size_t* key_buffer_length,
                          size_t* bits) {
  if (!PSA_KEY_TYPE_IS_RSA(type)) return PSA_ERROR_NOT_SUPPORTED;
  RsaPublicKeyDer public_key;
  size_t modulus_bits = *bits;
  const psa_status_t status = ParseAndValidate(type, Bytes(data, data_length),
                                               &public_key, &modulus_bits);
  if (status != PSA_SUCCESS) return status;

  // Strict DER: the data is the canonical encoding, stored as given.
  if (key_buffer_size < data_length) return PSA_ERROR_BUFFER_TOO_SMALL;
  std::memcpy(key_buffer, data, data_length);
  *key_buffer_length = data_length;
  *bits = modulus_bits;
  return PSA_SUCCESS;
}

psa_status_t RsaGenerateKey(psa_key_type_t type, size_t bits,
                            uint8_t* key_buffer, size_t key_buffer_size,
                            size_t* key_buffer_length) {
  if (type != PSA_KEY_TYPE_RSA_KEY_PAIR) return PSA_ERROR_NOT_SUPPORTED;
  if (bits == 0) return PSA_ERROR_INVALID_ARGUMENT;
  if (!RsaKeySizeIsSupported(bits)) return PSA_ERROR_NOT_SUPPORTED;

  RsaContext rsa;
  PsaRandomContext random;
  int ret = mbedtls_rsa_gen_key(&rsa.context, PsaRandomForMbedtls, &random,
                                static_cast<unsigned int>(bits),
                                kRsaGeneratedExponent);
  if (ret != 0) {
    return StatusWithRandom(random, PsaStatusFromMbedtlsComputation(ret));
  }

  RsaNumbers x;
  ret = mbedtls_rsa_export(&rsa.context, &x.n, &x.p, &x.q, &x.d, &x.e);
  if (ret == 0) {
    ret = mbedtls_rsa_export_crt(&rsa.context, &x.dp, &x.dq, &x.qinv);
  }
  if (ret != 0) return PsaStatusFromMbedtlsComputation(ret);
  if (mbedtls_mpi_bitlen(&x.n) != bits) return PSA_ERROR_CORRUPTION_DETECTED;

  // RSAPrivateKey ::= SEQUENCE { version 0, n, e, d, p, q, dp, dq, qinv }.
  const mbedtls_mpi* const fields[] = {&x.n, &x.e,  &x.d,  &x.p,
                                       &x.q, &x.dp, &x.dq, &x.qinv};
  const Bytes version0;
  size_t content_length =
      der::ElementSize(der::UnsignedIntegerContentLength(version0));
  for (const mbedtls_mpi* field : fields) {
    content_length += der::ElementSize(MpiIntegerContentLength(*field));
  }
  if (key_buffer_size < der::ElementSize(content_length)) {
    return PSA_ERROR_BUFFER_TOO_SMALL;
  }

  der::Writer writer(key_buffer, key_buffer_size);
  writer.WriteHeader(der::kTagSequence, content_length);
  writer.WriteUnsignedInteger(version0);
  for (const mbedtls_mpi* field : fields) WriteMpiInteger(*field, &writer);
  if (!writer.ok()) return PSA_ERROR_CORRUPTION_DETECTED;
  *key_buffer_length = writer.length();
  return PSA_SUCCESS;
}

psa_status_t RsaLoadKey(psa_key_type_t type, size_t bits,
                        const uint8_t* key_buffer, size_t key_buffer_size,
                        RsaKeyUse use, mbedtls_rsa_context* rsa) {
  if (!PSA_KEY_TYPE_IS_RSA(type)) return PSA_ERROR_NOT_SUPPORTED;
  if (!RsaKeySizeIsSupported(bits)) return PSA_ERROR_NOT_SUPPORTED;
  if (use == RsaKeyUse::kPrivate && type != PSA_KEY_TYPE_RSA_KEY_PAIR) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  // Validated when the key was created: parse only, and give Mbed TLS no
  // more than the operation needs.
  const Bytes key(key_buffer, key_buffer_size);
  RsaKeyPairDer key_pair;
  RsaPublicKeyDer public_key;
  if (type == PSA_KEY_TYPE_RSA_KEY_PAIR) {
    if (!ParseRsaKeyPair(key, &key_pair)) return PSA_ERROR_INVALID_ARGUMENT;
    public_key.n = key_pair.n;
    public_key.e = key_pair.e;
  } else if (!ParseRsaPublicKey(key, &public_key)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (BitLength(public_key.n) != bits) return PSA_ERROR_INVALID_ARGUMENT;

  int ret = 0;
  if (use == RsaKeyUse::kPublic) {
    ret = mbedtls_rsa_import_raw(rsa, public_key.n.data(), public_key.n.size(),
                                 nullptr, 0, nullptr, 0, nullptr, 0,
                                 public_key.e.data(), public_key.e.size());
  } else {
    ret = mbedtls_rsa_import_raw(
        rsa, key_pair.n.data(), key_pair.n.size(), key_pair.p.data(),
        key_pair.p.size(), key_pair.q.data(), key_pair.q.size(),
        key_pair.d.data(), key_pair.d.size(), key_pair.e.data(),
        key_pair.e.size());
    // mbedtls_rsa_import takes no CRT values, but Mbed TLS 2.28's
    // mbedtls_rsa_complete keeps DP, DQ and QP when all three are set (as
    // its own PKCS#1 parser sets them) instead of deriving them from the
    // secret D, P and Q again: a modular inversion and two reductions per
    // operation, and a side channel (eprint 2020/055). Import checked them
    // (mbedtls_rsa_validate_crt).
    if (ret == 0) {
      ret = mbedtls_mpi_read_binary(&rsa->DP, key_pair.dp.data(),
                                    key_pair.dp.size());
    }
    if (ret == 0) {
      ret = mbedtls_mpi_read_binary(&rsa->DQ, key_pair.dq.data(),
                                    key_pair.dq.size());
    }
    if (ret == 0) {
      ret = mbedtls_mpi_read_binary(&rsa->QP, key_pair.qinv.data(),
                                    key_pair.qinv.size());
    }
  }
  // For the numbers given, only the consistency checks of the context.
  if (ret == 0) ret = mbedtls_rsa_complete(rsa);
  if (ret != 0) return PsaStatusFromMbedtlsKeyCheck(ret);
  if (mbedtls_rsa_get_len(rsa) != PSA_BITS_TO_BYTES(bits)) {
    return PSA_ERROR_CORRUPTION_DETECTED;
  }
  return PSA_SUCCESS;
}

psa_status_t RsaExportPublicKey(psa_key_type_t type, size_t bits,
                                const uint8_t* key_buffer,
                                size_t key_buffer_size, uint8_t* data,
                                size_t data_size, size_t* data_length) {
  if (!PSA_KEY_TYPE_IS_RSA(type)) return PSA_ERROR_NOT_SUPPORTED;
  if (!RsaKeySizeIsSupported(bits)) return PSA_ERROR_NOT_SUPPORTED;
  // The key buffer was validated when the key was created (import or
  // generation): parse it only, without the private-key arithmetic again.
  RsaPublicKeyDer public_key;
  const Bytes key(key_buffer, key_buffer_size);
  if (type == PSA_KEY_TYPE_RSA_KEY_PAIR) {
    RsaKeyPairDer key_pair;
    if (!ParseRsaKeyPair(key, &key_pair)) return PSA_ERROR_INVALID_ARGUMENT;
    public_key.n = key_pair.n;
    public_key.e = key_pair.e;
  } else if (!ParseRsaPublicKey(key, &public_key)) {
    return PSA_ERROR_INVALID_ARGUMENT;
  }
  if (BitLength(public_key.n) != bits) return PSA_ERROR_INVALID_ARGUMENT;

  // RSAPublicKey ::= SEQUENCE { n, e }.
  const size_t content_length =
      der::ElementSize(der::UnsignedIntegerContentLength(public_key.n)) +
      der::ElementSize(der::UnsignedIntegerContentLength(public_key.e));
  if (data_size < der::ElementSize(content_length)) {
    return PSA_ERROR_BUFFER_TOO_SMALL;
  }
  der::Writer writer(data, data_size);
  writer.WriteHeader(der::kTagSequence, content_length);
  writer.WriteUnsignedInteger(public_key.n);
  writer.WriteUnsignedInteger(public_key.e);
  if (!writer.ok()) return PSA_ERROR_CORRUPTION_DETECTED;
  *data_length = writer.length();
  return PSA_SUCCESS;
}

}  // namespace drivers::builtin
