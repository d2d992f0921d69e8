// Independent checks of key material produced by the library under test,
// computed with Mbed TLS's low-level ECP and RSA modules (never through the
// PSA API): the public key of an ECC private key, and the consistency of an
// RSA key pair. Used on generated keys, for which no known answer exists.

#ifndef TESTS_KEYS_KEY_ORACLE_H_
#define TESTS_KEYS_KEY_ORACLE_H_

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "psa/crypto.h"

namespace psa::keys_testing {

// The PSA export format of the public key of the ECC private key
// `private_key` (PSA key-pair export format) of `family` and `bits`.
// Returns false, with a reason in *why, if the curve is unknown to the
// oracle or the private key is out of range for the curve.
bool EccPublicKeyOf(psa_ecc_family_t family, size_t bits,
                    const std::vector<uint8_t>& private_key,
                    std::vector<uint8_t>* public_key, std::string* why);

// Whether `der` is an RSAPrivateKey (version 0) of a consistent RSA key
// pair of exactly `bits` bits with public exponent `exponent`: n = p * q,
// d * e = 1 mod lcm(p - 1, q - 1), and dp, dq, qinv as CRT requires.
bool RsaKeyPairIsValid(const std::vector<uint8_t>& der, size_t bits,
                       uint32_t exponent, std::string* why);

// The DER RSAPublicKey of the RSAPrivateKey `der`.
bool RsaPublicKeyOf(const std::vector<uint8_t>& der,
                    std::vector<uint8_t>* public_key);

}  // namespace psa::keys_testing

#endif  // TESTS_KEYS_KEY_ORACLE_H_
