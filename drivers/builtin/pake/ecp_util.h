// P-256 arithmetic for the builtin PAKE protocols (J-PAKE, SPAKE2+) over
// Mbed TLS ECP and bignum: owners for Mbed TLS objects, strict encodings of
// scalars and points, and blinded scalar multiplication. Private to
// drivers/builtin.
//
// Every function returns a PSA status: PSA_ERROR_INVALID_ARGUMENT for
// encodings or values that a peer got wrong (a point off the curve, the
// identity, a scalar out of range), PSA_ERROR_INSUFFICIENT_MEMORY,
// the random generator's status, or PSA_ERROR_CORRUPTION_DETECTED for a
// failure that valid inputs cannot cause.

#ifndef DRIVERS_BUILTIN_PAKE_ECP_UTIL_H_
#define DRIVERS_BUILTIN_PAKE_ECP_UTIL_H_

#include <stddef.h>
#include <stdint.h>

#include "mbedtls/bignum.h"
#include "mbedtls/ecp.h"
#include "psa/crypto_driver_common.h"

namespace drivers::builtin::pake {

// Byte sizes of a P-256 scalar (big-endian, fixed length) and of an
// uncompressed point (0x04 || x || y).
inline constexpr size_t kScalarSize = 32;
inline constexpr size_t kPointSize = 65;

// An mbedtls_mpi freed (its limbs zeroized by Mbed TLS) on scope exit.
class Mpi {
 public:
  Mpi() { mbedtls_mpi_init(&value_); }
  ~Mpi() { mbedtls_mpi_free(&value_); }
  Mpi(const Mpi&) = delete;
  Mpi& operator=(const Mpi&) = delete;
  mbedtls_mpi* get() { return &value_; }
  const mbedtls_mpi* get() const { return &value_; }

 private:
  mbedtls_mpi value_;
};

// An mbedtls_ecp_point freed on scope exit.
class Point {
 public:
  Point() { mbedtls_ecp_point_init(&value_); }
  ~Point() { mbedtls_ecp_point_free(&value_); }
  Point(const Point&) = delete;
  Point& operator=(const Point&) = delete;
  mbedtls_ecp_point* get() { return &value_; }
  const mbedtls_ecp_point* get() const { return &value_; }

 private:
  mbedtls_ecp_point value_;
};

// The P-256 group, loaded by Load().
class P256 {
 public:
  P256() { mbedtls_ecp_group_init(&group_); }
  ~P256() { mbedtls_ecp_group_free(&group_); }
  P256(const P256&) = delete;
  P256& operator=(const P256&) = delete;
  psa_status_t Load();
  mbedtls_ecp_group* get() { return &group_; }
  const mbedtls_mpi* order() const { return &group_.N; }
  const mbedtls_ecp_point* generator() const { return &group_.G; }

 private:
  mbedtls_ecp_group group_;
};

// Reads a big-endian scalar of 1..kScalarSize bytes that must lie in
// [1, n-1]; PSA_ERROR_INVALID_ARGUMENT otherwise.
psa_status_t ReadScalar(P256& group, const uint8_t* data, size_t length, Mpi* scalar);

// Reads `length` big-endian bytes as an integer reduced modulo n (the
// password of J-PAKE). PSA_ERROR_INVALID_ARGUMENT if the result is 0.
psa_status_t ReadReducedScalar(P256& group, const uint8_t* data, size_t length, Mpi* scalar);

// Writes a scalar in [0, n-1] as kScalarSize big-endian bytes.
psa_status_t WriteScalar(const Mpi& scalar, uint8_t out[kScalarSize]);

// Reads an uncompressed point that is on the curve and not the identity;
// PSA_ERROR_INVALID_ARGUMENT for anything else (other lengths, compressed
// points, the identity, points off the curve).
psa_status_t ReadPoint(P256& group, const uint8_t* data, size_t length, Point* point);

// Writes a point other than the identity uncompressed
// (PSA_ERROR_INVALID_ARGUMENT for the identity).
psa_status_t WritePoint(P256& group, const Point& point, uint8_t out[kPointSize]);

// A uniformly random scalar in [1, n-1] from psa_generate_random().
psa_status_t RandomScalar(P256& group, Mpi* scalar);

// R = m * P for a secret m in [1, n-1], with Mbed TLS's blinded
// (constant-time) multiplication.
psa_status_t Multiply(P256& group, Point* r, const Mpi& m, const Point& p);
psa_status_t MultiplyGenerator(P256& group, Point* r, const Mpi& m);

// R = a*A + b*B for public scalars a, b (not constant-time: for proof
// verification and point sums). R may be the identity.
psa_status_t MulAdd(P256& group, Point* r, const Mpi& a, const Point& pa, const Mpi& b, const Point& pb);

// R = A + B. R may be the identity.
psa_status_t Add(P256& group, Point* r, const Point& a, const Point& b);

// R = x * s mod n for secret x and s, with the product computed on
// s + k*n for a random 128-bit k, so that its cost does not follow s.
// `negate` gives -x*s mod n.
psa_status_t MultiplySecrets(P256& group, Mpi* r, const Mpi& x, const Mpi& s, bool negate);

// Maps an Mbed TLS error of an ECP or bignum computation to a status.
psa_status_t StatusFromMbedtls(int ret);

}  // namespace drivers::builtin::pake

#endif  // DRIVERS_BUILTIN_PAKE_ECP_UTIL_H_
