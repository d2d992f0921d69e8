// Fuzzes signature verification and key agreement with fuzzed keys and
// inputs. Input (tests/fuzz/fuzz_input.h): a mode byte, an algorithm byte,
// a key type byte, then chunks key, and hash or peer key, and the rest as
// signature (verify modes). Properties:
//   - psa_verify_hash and psa_verify_message return SUCCESS,
//     INVALID_SIGNATURE, INVALID_ARGUMENT or NOT_SUPPORTED, and agree with
//     each other where the message's hash is the hash given;
//   - psa_raw_key_agreement returns SUCCESS, INVALID_ARGUMENT or
//     NOT_SUPPORTED; a success gives a secret of the curve's size, and the
//     same secret twice, and only for a peer key that psa_import_key
//     accepts as a public key of the private key's curve.

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <vector>

#include "psa/crypto.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

using psa::fuzz::FuzzInput;
using psa::fuzz::In;

constexpr psa_key_type_t kVerifyTypes[] = {
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1),
    PSA_KEY_TYPE_RSA_PUBLIC_KEY,
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_K1),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_BRAINPOOL_P_R1),
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
    PSA_KEY_TYPE_RSA_KEY_PAIR,
};
constexpr psa_algorithm_t kVerifyAlgs[] = {
    PSA_ALG_ECDSA(PSA_ALG_SHA_256),
    PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256),
    PSA_ALG_ECDSA(PSA_ALG_SHA_384),
    PSA_ALG_ECDSA_ANY,
    PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256),
    PSA_ALG_RSA_PKCS1V15_SIGN_RAW,
    PSA_ALG_RSA_PSS(PSA_ALG_SHA_256),
    PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256),
    PSA_ALG_RSA_PSS(PSA_ALG_SHA_1),
};
constexpr psa_ecc_family_t kAgreementFamilies[] = {PSA_ECC_FAMILY_SECP_R1, PSA_ECC_FAMILY_MONTGOMERY,
                                                   PSA_ECC_FAMILY_SECP_K1, PSA_ECC_FAMILY_BRAINPOOL_P_R1};

template <typename T, size_t N>
T Pick(const T (&table)[N], uint8_t choice) {
  return table[choice % N];
}

bool OneOf(psa_status_t status, std::initializer_list<psa_status_t> allowed) {
  for (psa_status_t s : allowed) {
    if (status == s) return true;
  }
  return false;
}

psa_key_id_t ImportKey(psa_key_type_t type, psa_algorithm_t alg, psa_key_usage_t usage,
                       const std::vector<uint8_t>& material) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, type);
  psa_set_key_algorithm(&attributes, alg);
  psa_set_key_usage_flags(&attributes, usage);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  if (psa_import_key(&attributes, In(material), material.size(), &key) != PSA_SUCCESS) return PSA_KEY_ID_NULL;
  return key;
}

void FuzzVerify(FuzzInput* in, uint8_t alg_choice, uint8_t type_choice) {
  const psa_algorithm_t alg = Pick(kVerifyAlgs, alg_choice);
  const psa_key_type_t type = Pick(kVerifyTypes, type_choice);
  const psa_key_id_t key =
      ImportKey(type, alg, PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_VERIFY_MESSAGE, in->Chunk());
  if (key == PSA_KEY_ID_NULL) return;
  const std::vector<uint8_t> message = in->Chunk();
  const std::vector<uint8_t> signature = in->Rest();
  // As a hash: the message itself (any length; the wrong ones are refused).
  const psa_status_t status =
      psa_verify_hash(key, alg, In(message), message.size(), In(signature), signature.size());
  FUZZ_CHECK(OneOf(status, {PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_INVALID_ARGUMENT,
                            PSA_ERROR_NOT_SUPPORTED}),
             "psa_verify_hash(0x%08x, type 0x%04x): %d", alg, type, static_cast<int>(status));
  // As a message, and as the hash of that message: the same verdict.
  const psa_algorithm_t hash_alg = PSA_ALG_GET_HASH(alg);
  if (PSA_ALG_IS_HASH_AND_SIGN(alg) && hash_alg != PSA_ALG_ANY_HASH && hash_alg != 0) {
    const psa_status_t message_status =
        psa_verify_message(key, alg, In(message), message.size(), In(signature), signature.size());
    FUZZ_CHECK(OneOf(message_status, {PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_INVALID_ARGUMENT,
                                      PSA_ERROR_NOT_SUPPORTED}),
               "psa_verify_message(0x%08x): %d", alg, static_cast<int>(message_status));
    uint8_t hash[PSA_HASH_MAX_SIZE];
    size_t hash_length = 0;
    if (psa_hash_compute(hash_alg, In(message), message.size(), hash, sizeof(hash), &hash_length) == PSA_SUCCESS) {
      const psa_status_t hash_status = psa_verify_hash(key, alg, hash, hash_length, In(signature), signature.size());
      FUZZ_CHECK(hash_status == message_status, "verify_message %d, verify_hash of its hash %d",
                 static_cast<int>(message_status), static_cast<int>(hash_status));
    }
  }
  FUZZ_CHECK(psa_destroy_key(key) == PSA_SUCCESS, "destroy");
}

void FuzzAgreement(FuzzInput* in, uint8_t family_choice) {
  const psa_ecc_family_t family = Pick(kAgreementFamilies, family_choice);
  const psa_key_id_t key =
      ImportKey(PSA_KEY_TYPE_ECC_KEY_PAIR(family), PSA_ALG_ECDH, PSA_KEY_USAGE_DERIVE, in->Chunk());
  if (key == PSA_KEY_ID_NULL) return;
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  FUZZ_CHECK(psa_get_key_attributes(key, &attributes) == PSA_SUCCESS, "attributes");
  const size_t bits = psa_get_key_bits(&attributes);
  const std::vector<uint8_t> peer = in->Rest();
  uint8_t secret[PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE];
  size_t secret_length = 0;
  const psa_status_t status =
      psa_raw_key_agreement(PSA_ALG_ECDH, key, In(peer), peer.size(), secret, sizeof(secret), &secret_length);
  FUZZ_CHECK(OneOf(status, {PSA_SUCCESS, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED}),
             "psa_raw_key_agreement(family 0x%02x): %d", family, static_cast<int>(status));
  if (status == PSA_SUCCESS) {
    FUZZ_CHECK(secret_length == PSA_BITS_TO_BYTES(bits), "secret of %zu bytes for a %zu-bit curve", secret_length,
               bits);
    uint8_t again[PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE];
    size_t again_length = 0;
    FUZZ_CHECK(psa_raw_key_agreement(PSA_ALG_ECDH, key, In(peer), peer.size(), again, sizeof(again),
                                     &again_length) == PSA_SUCCESS &&
                   again_length == secret_length && SameBytes(again, secret, secret_length),
               "key agreement is not deterministic");
    const psa_key_id_t peer_key =
        ImportKey(PSA_KEY_TYPE_ECC_PUBLIC_KEY(family), PSA_ALG_ECDH, PSA_KEY_USAGE_DERIVE, peer);
    FUZZ_CHECK(peer_key != PSA_KEY_ID_NULL, "key agreement accepted a peer key that import refuses");
    FUZZ_CHECK(psa_destroy_key(peer_key) == PSA_SUCCESS, "destroy");
  }
  FUZZ_CHECK(psa_destroy_key(key) == PSA_SUCCESS, "destroy");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  FUZZ_CHECK(psa_crypto_init() == PSA_SUCCESS, "psa_crypto_init");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  FuzzInput in(data, size);
  const uint8_t mode = in.Byte();
  const uint8_t alg_choice = in.Byte();
  const uint8_t type_choice = in.Byte();
  if (mode % 2 == 0) {
    FuzzVerify(&in, alg_choice, type_choice);
  } else {
    FuzzAgreement(&in, type_choice);
  }
  return 0;
}
