// Fuzzes psa_import_key for every key type, then the exports of what was
// imported. Input: byte 0 picks the key type, byte 1 the requested size (0:
// the size the data determines), the rest is the key data. Properties:
//   - import gives a key of the type and a nonzero size (the requested one
//     if any), or one of the statuses psa_import_key specifies;
//   - psa_export_key reproduces the canonical form of the input: the input
//     itself for every format that has one encoding (symmetric keys, ECC
//     scalars and points, Montgomery and Edwards strings), and for RSA's DER
//     an encoding that imports again to the same export (a fixed point);
//   - for a key pair, psa_export_public_key gives a public key that imports
//     as the matching public type, with the same size, and exports unchanged.

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <vector>

#include "psa/crypto.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

constexpr psa_key_type_t kTypes[] = {
    PSA_KEY_TYPE_RAW_DATA,
    PSA_KEY_TYPE_HMAC,
    PSA_KEY_TYPE_DERIVE,
    PSA_KEY_TYPE_PASSWORD,
    PSA_KEY_TYPE_PASSWORD_HASH,
    PSA_KEY_TYPE_PEPPER,
    PSA_KEY_TYPE_AES,
    PSA_KEY_TYPE_ARIA,
    PSA_KEY_TYPE_DES,
    PSA_KEY_TYPE_CAMELLIA,
    PSA_KEY_TYPE_SM4,
    PSA_KEY_TYPE_ARC4,
    PSA_KEY_TYPE_CHACHA20,
    PSA_KEY_TYPE_XCHACHA20,
    PSA_KEY_TYPE_RSA_KEY_PAIR,
    PSA_KEY_TYPE_RSA_PUBLIC_KEY,
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_K1),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_K1),
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1),
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R2),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R2),
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECT_K1),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECT_K1),
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECT_R1),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECT_R1),
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_BRAINPOOL_P_R1),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_BRAINPOOL_P_R1),
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_FRP),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_FRP),
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_MONTGOMERY),
    PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_TWISTED_EDWARDS),
    PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919),
    PSA_KEY_TYPE_DH_PUBLIC_KEY(PSA_DH_FAMILY_RFC7919),
    PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
    PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1),
    0x7fff,  // not a key type
};
constexpr size_t kTypeCount = sizeof(kTypes) / sizeof(kTypes[0]);

// Requested sizes; index 0 means "none", 1 means "8 * data length".
constexpr size_t kBits[] = {0,   0,   8,   40,  56,  64,  112, 128,  168,  192,  224,  225,
                            255, 256, 384, 448, 512, 521, 1024, 2048, 3072, 4096, 65536};
constexpr size_t kBitsCount = sizeof(kBits) / sizeof(kBits[0]);

bool IsImportStatus(psa_status_t status) {
  return status == PSA_ERROR_INVALID_ARGUMENT || status == PSA_ERROR_NOT_SUPPORTED ||
         status == PSA_ERROR_INSUFFICIENT_MEMORY;
}

// Whether the export format of `type` has exactly one encoding of a key,
// so that an import that succeeds must export its input unchanged.
bool HasOneEncoding(psa_key_type_t type) { return !PSA_KEY_TYPE_IS_RSA(type); }

// The canonical form of an imported key of one encoding: the input itself,
// except a Montgomery private key, whose forced bits (RFC 7748 section 5,
// decodeScalar25519/448) an import sets, as Mbed TLS and OpenSSL do.
std::vector<uint8_t> Canonical(psa_key_type_t type, const uint8_t* material, size_t length) {
  std::vector<uint8_t> canonical(material, material + length);
  if (type == PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY) && !canonical.empty()) {
    if (length == 32) {
      canonical[0] &= 0xf8;
      canonical[31] = static_cast<uint8_t>((canonical[31] & 0x7f) | 0x40);
    } else if (length == 56) {
      canonical[0] &= 0xfc;
      canonical[55] |= 0x80;
    }
  }
  return canonical;
}

psa_key_id_t Import(psa_key_type_t type, size_t bits, const uint8_t* data, size_t length,
                    psa_status_t* status) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_EXPORT);
  psa_key_id_t key = PSA_KEY_ID_NULL;
  *status = psa_import_key(&attributes, data, length, &key);
  FUZZ_CHECK((*status == PSA_SUCCESS) == (key != PSA_KEY_ID_NULL), "status %d with key id %u",
             static_cast<int>(*status), static_cast<unsigned>(key));
  return key;
}

// The export of `key` (whose attributes are `type`, `bits`).
std::vector<uint8_t> Export(psa_key_id_t key, psa_key_type_t type, size_t bits, bool public_part) {
  const size_t size = public_part ? PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(type, bits)
                                  : PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits);
  FUZZ_CHECK(size > 0, "no export size for type 0x%04x, %zu bits", type, bits);
  std::vector<uint8_t> out(size);
  size_t length = 0;
  const psa_status_t status = public_part ? psa_export_public_key(key, out.data(), out.size(), &length)
                                          : psa_export_key(key, out.data(), out.size(), &length);
  FUZZ_CHECK(status == PSA_SUCCESS, "export%s of type 0x%04x (%zu bits) failed: %d",
             public_part ? "_public" : "", type, bits, static_cast<int>(status));
  FUZZ_CHECK(length <= size, "export length %zu > buffer %zu", length, size);
  out.resize(length);
  // One byte less than needed must be refused, not truncated.
  if (length > 0) {
    std::vector<uint8_t> small(length - 1);
    size_t small_length = 0;
    const psa_status_t small_status =
        public_part ? psa_export_public_key(key, small.data(), small.size(), &small_length)
                    : psa_export_key(key, small.data(), small.size(), &small_length);
    FUZZ_CHECK(small_status == PSA_ERROR_BUFFER_TOO_SMALL, "export into %zu bytes: %d", small.size(),
               static_cast<int>(small_status));
  }
  return out;
}

void CheckAttributes(psa_key_id_t key, psa_key_type_t type, size_t requested_bits, size_t* bits) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  FUZZ_CHECK(psa_get_key_attributes(key, &attributes) == PSA_SUCCESS, "get attributes");
  FUZZ_CHECK(psa_get_key_type(&attributes) == type, "type 0x%04x became 0x%04x", type,
             psa_get_key_type(&attributes));
  *bits = psa_get_key_bits(&attributes);
  FUZZ_CHECK(*bits != 0, "a key of 0 bits");
  FUZZ_CHECK(requested_bits == 0 || *bits == requested_bits, "asked %zu bits, got %zu", requested_bits, *bits);
  psa_reset_key_attributes(&attributes);
}

void Destroy(psa_key_id_t key) {
  FUZZ_CHECK(psa_destroy_key(key) == PSA_SUCCESS, "destroy %u", static_cast<unsigned>(key));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  FUZZ_CHECK(psa_crypto_init() == PSA_SUCCESS, "psa_crypto_init");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2 || size > 4096) return 0;
  const psa_key_type_t type = kTypes[data[0] % kTypeCount];
  const size_t bit_choice = data[1] % kBitsCount;
  const uint8_t* material = data + 2;
  const size_t length = size - 2;
  const size_t requested_bits = bit_choice == 1 ? 8 * length : kBits[bit_choice];

  psa_status_t status;
  const psa_key_id_t key = Import(type, requested_bits, material, length, &status);
  if (status != PSA_SUCCESS) {
    FUZZ_CHECK(IsImportStatus(status), "import of type 0x%04x: unexpected status %d", type,
               static_cast<int>(status));
    return 0;
  }
  size_t bits = 0;
  CheckAttributes(key, type, requested_bits, &bits);
  const std::vector<uint8_t> exported = Export(key, type, bits, false);
  if (HasOneEncoding(type)) {
    FUZZ_CHECK(exported == Canonical(type, material, length),
               "type 0x%04x: export (%zu bytes) differs from the import (%zu bytes)", type, exported.size(),
               length);
  } else {
    // The export is the canonical DER: it imports again, to the same export.
    psa_status_t again_status;
    const psa_key_id_t again = Import(type, 0, exported.data(), exported.size(), &again_status);
    FUZZ_CHECK(again_status == PSA_SUCCESS, "the export of type 0x%04x does not import: %d", type,
               static_cast<int>(again_status));
    size_t again_bits = 0;
    CheckAttributes(again, type, bits, &again_bits);
    FUZZ_CHECK(Export(again, type, again_bits, false) == exported, "type 0x%04x: export not a fixed point", type);
    Destroy(again);
  }

  if (PSA_KEY_TYPE_IS_ASYMMETRIC(type)) {
    const std::vector<uint8_t> public_key = Export(key, type, bits, true);
    const psa_key_type_t public_type = PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type);
    if (PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) {
      FUZZ_CHECK(public_key == exported, "type 0x%04x: export_public of a public key differs from export", type);
    } else {
      psa_status_t public_status;
      const psa_key_id_t public_id = Import(public_type, 0, public_key.data(), public_key.size(), &public_status);
      FUZZ_CHECK(public_status == PSA_SUCCESS, "the public key of type 0x%04x does not import: %d", type,
                 static_cast<int>(public_status));
      size_t public_bits = 0;
      CheckAttributes(public_id, public_type, bits, &public_bits);
      FUZZ_CHECK(Export(public_id, public_type, public_bits, false) == public_key,
                 "type 0x%04x: the public key does not export unchanged", type);
      Destroy(public_id);
    }
  }
  Destroy(key);
  return 0;
}
