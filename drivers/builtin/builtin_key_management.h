/* The builtin driver's transparent key-management entry points over Mbed
 * TLS: "import_key", "generate_key" and "export_public_key" for ECC and RSA
 * key pairs and public keys. Described by drivers/builtin/builtin.json.
 *
 * A key buffer holds the key in its export format (psa_export_key):
 *   - ECC key pair: the private key, ceil(bits/8) bytes; big-endian d in
 *     [1, n-1] on Weierstrass curves, the little-endian RFC 7748 scalar with
 *     its forced bits set on Montgomery curves;
 *   - ECC public key: 0x04 || x || y on Weierstrass curves, the RFC 7748
 *     u-coordinate on Montgomery curves;
 *   - RSA key pair: DER RSAPrivateKey (PKCS #1, version 0);
 *   - RSA public key: DER RSAPublicKey.
 *
 * Supported: SECP_R1 192, 224, 256, 384, 521; SECP_K1 192, 225 (secp224k1),
 * 256; BRAINPOOL_P_R1 256, 384, 512; MONTGOMERY 255, 448; RSA moduli of
 * 1024 to 4096 bits in steps of 8. Anything else (other key types, families
 * and sizes) is PSA_ERROR_NOT_SUPPORTED, symmetric key types included: the
 * core handles those.
 *
 * Generation and the public key of an ECC key pair draw randomness from
 * psa_generate_random(), so the core must be initialized. On failure
 * the output buffer is wiped and its length set to 0. Includable from C and
 * C++; buffers of size 0 may be null. */

#ifndef DRIVERS_BUILTIN_BUILTIN_KEY_MANAGEMENT_H_
#define DRIVERS_BUILTIN_BUILTIN_KEY_MANAGEMENT_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "import_key": validates `data` (the export format of the attributes' key
 * type) and writes the key's canonical export format to `key_buffer`, its
 * length to *key_buffer_length. Montgomery private keys are stored with the
 * RFC 7748 forced bits set; every other key is stored as given, since the
 * strict parsing admits only its canonical form.
 *
 * *bits: 0 on entry to determine the key size from `data`, otherwise the
 * size `data` must have; set to the key size on success, unchanged on
 * failure.
 *
 * Validation: ECC private keys are exactly ceil(bits/8) bytes, and d in
 * [1, n-1] on Weierstrass curves; ECC public keys are uncompressed points on
 * the curve (Weierstrass) or u-coordinates that are not of small order
 * (Montgomery); RSA keys are strict DER with positive components, an odd
 * modulus, an odd public exponent 3 <= e < n, and for key pairs version 0,
 * p * q == n, d * e == 1 modulo p-1 and q-1, and the CRT values reduced and
 * consistent (the primality of p and q is not tested).
 *
 * Returns PSA_SUCCESS; PSA_ERROR_INVALID_ARGUMENT (malformed or invalid key
 * data, *bits disagreeing with `data`, or no key size of the family matching
 * the data length); PSA_ERROR_NOT_SUPPORTED (key type, curve, key size,
 * compressed point); PSA_ERROR_BUFFER_TOO_SMALL (key_buffer_size is short);
 * PSA_ERROR_INSUFFICIENT_MEMORY. */
psa_status_t builtin_import_key(const psa_key_attributes_t *attributes,
                                const uint8_t *data, size_t data_length,
                                uint8_t *key_buffer, size_t key_buffer_size,
                                size_t *key_buffer_length, size_t *bits);

/* "generate_key": generates a key pair of the attributes' type and size
 * (RSA with public exponent 65537) and writes its export format to
 * `key_buffer`. Returns PSA_SUCCESS; PSA_ERROR_INVALID_ARGUMENT (size 0);
 * PSA_ERROR_NOT_SUPPORTED (not a supported key pair type and size);
 * PSA_ERROR_BUFFER_TOO_SMALL (key_buffer_size is short); a status of
 * psa_generate_random (for example PSA_ERROR_BAD_STATE before
 * psa_crypto_init, PSA_ERROR_INSUFFICIENT_ENTROPY);
 * PSA_ERROR_INSUFFICIENT_MEMORY. */
psa_status_t builtin_generate_key(const psa_key_attributes_t *attributes,
                                  uint8_t *key_buffer, size_t key_buffer_size,
                                  size_t *key_buffer_length);

/* "export_public_key": writes the public key export format of the key in
 * `key_buffer` (as import_key or generate_key wrote it) to `data`: a copy
 * for a public key, derived from the private key for a key pair. The key
 * buffer is checked as on import (a buffer that does not hold a valid key
 * of the attributes' type and size gives PSA_ERROR_INVALID_ARGUMENT).
 * Returns PSA_SUCCESS; PSA_ERROR_BUFFER_TOO_SMALL (data_size is short;
 * nothing written); PSA_ERROR_INVALID_ARGUMENT; PSA_ERROR_NOT_SUPPORTED; a
 * status of psa_generate_random (ECC key pairs: the scalar multiplication
 * is blinded); PSA_ERROR_INSUFFICIENT_MEMORY. */
psa_status_t builtin_export_public_key(const psa_key_attributes_t *attributes,
                                       const uint8_t *key_buffer,
                                       size_t key_buffer_size, uint8_t *data,
                                       size_t data_size, size_t *data_length);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_BUILTIN_BUILTIN_KEY_MANAGEMENT_H_ */
