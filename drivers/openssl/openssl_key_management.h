/* The openssl driver's transparent key management for the twisted Edwards
 * curves, which the builtin driver (Mbed TLS 2.28) cannot import:
 * "import_key", "generate_key" and "export_public_key" for
 * PSA_KEY_TYPE_ECC_KEY_PAIR / _PUBLIC_KEY(PSA_ECC_FAMILY_TWISTED_EDWARDS) of
 * 255 bits (Ed25519) and 448 bits (Ed448) (drivers/openssl/openssl.json).
 *
 * Formats (RFC 8032): a key pair is the private key, 32 or 57 bytes; a public
 * key is the encoded point A, 32 or 57 bytes. The key buffer holds the same.
 * Every other key type: PSA_ERROR_NOT_SUPPORTED (the next driver serves it).
 *
 * import_key: *bits 0 takes the size from the length (32: 255, 57: 448);
 * otherwise the length must match *bits. OpenSSL 3.0 has no check that a
 * public key decodes to a curve point; one that does not fails every
 * verification (PSA_ERROR_INVALID_SIGNATURE).
 * Returns PSA_SUCCESS; PSA_ERROR_INVALID_ARGUMENT (wrong length or size);
 * PSA_ERROR_NOT_SUPPORTED; PSA_ERROR_BUFFER_TOO_SMALL. generate_key draws the
 * private key from psa_generate_random (the core must be initialized).
 * export_public_key derives A from a key pair, copies a public key. */

#ifndef DRIVERS_OPENSSL_OPENSSL_KEY_MANAGEMENT_H_
#define DRIVERS_OPENSSL_OPENSSL_KEY_MANAGEMENT_H_

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto_driver_common.h"

#ifdef __cplusplus
extern "C" {
#endif

psa_status_t openssl_import_key(const psa_key_attributes_t *attributes,
                                const uint8_t *data, size_t data_length,
                                uint8_t *key_buffer, size_t key_buffer_size,
                                size_t *key_buffer_length, size_t *bits);
psa_status_t openssl_generate_key(const psa_key_attributes_t *attributes,
                                  uint8_t *key_buffer, size_t key_buffer_size,
                                  size_t *key_buffer_length);
psa_status_t openssl_export_public_key(const psa_key_attributes_t *attributes,
                                       const uint8_t *key_buffer,
                                       size_t key_buffer_size, uint8_t *data,
                                       size_t data_size, size_t *data_length);

#ifdef __cplusplus
}
#endif

#endif /* DRIVERS_OPENSSL_OPENSSL_KEY_MANAGEMENT_H_ */
