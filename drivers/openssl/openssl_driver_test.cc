// The openssl driver through the PSA API, in a build with openssl first and
// builtin after it: known-answer vectors (FIPS 180, RFC 4231, RFC 7748,
// RFC 8032, RFC 5869), results checked against the builtin driver's entry
// points called directly, and the dispatch's word that openssl served.

#include <string.h>

#include <string>
#include <vector>

#include <openssl/err.h>

#include "drivers/builtin/builtin_aead.h"
#include "drivers/builtin/builtin_asymmetric_encryption.h"
#include "drivers/builtin/builtin_key_agreement.h"
#include "drivers/builtin/builtin_signature.h"
#include "drivers/openssl/openssl_asymmetric_encryption.h"
#include "drivers/openssl/openssl_signature.h"
#include "gtest/gtest.h"
#include "psa/core/dispatch.h"
#include "psa/crypto.h"

namespace {

using Bytes = std::vector<uint8_t>;

Bytes Hex(const std::string& hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
  return out;
}

Bytes Text(const std::string& text) { return Bytes(text.begin(), text.end()); }

std::string Served() {
  const char* name = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  return name == nullptr ? "(none)" : name;
}

class OpensslDriverTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }
  void TearDown() override {
    for (psa_key_id_t key : keys_) psa_destroy_key(key);
  }

  psa_key_id_t Import(psa_key_type_t type, psa_algorithm_t alg, psa_key_usage_t usage, const Bytes& data,
                      psa_algorithm_t alg2 = 0) {
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    psa_set_key_type(&attributes, type);
    psa_set_key_algorithm(&attributes, alg);
    psa_set_key_usage_flags(&attributes, usage);
    psa_key_id_t key = 0;
    EXPECT_EQ(psa_import_key(&attributes, data.data(), data.size(), &key), PSA_SUCCESS);
    keys_.push_back(key);
    return key;
  }

  psa_key_id_t Generate(psa_key_type_t type, size_t bits, psa_algorithm_t alg, psa_key_usage_t usage) {
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    psa_set_key_type(&attributes, type);
    psa_set_key_bits(&attributes, bits);
    psa_set_key_algorithm(&attributes, alg);
    psa_set_key_usage_flags(&attributes, usage | PSA_KEY_USAGE_EXPORT);
    psa_key_id_t key = 0;
    EXPECT_EQ(psa_generate_key(&attributes, &key), PSA_SUCCESS);
    keys_.push_back(key);
    return key;
  }

  Bytes Export(psa_key_id_t key) {
    Bytes out(PSA_EXPORT_KEY_PAIR_MAX_SIZE);
    size_t length = 0;
    EXPECT_EQ(psa_export_key(key, out.data(), out.size(), &length), PSA_SUCCESS);
    out.resize(length);
    return out;
  }

  Bytes ExportPublic(psa_key_id_t key) {
    Bytes out(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
    size_t length = 0;
    EXPECT_EQ(psa_export_public_key(key, out.data(), out.size(), &length), PSA_SUCCESS);
    out.resize(length);
    return out;
  }

  std::vector<psa_key_id_t> keys_;
};

Bytes Hash(psa_algorithm_t alg, const Bytes& input) {
  Bytes out(PSA_HASH_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(psa_hash_compute(alg, input.data(), input.size(), out.data(), out.size(), &length), PSA_SUCCESS);
  out.resize(length);
  return out;
}

TEST_F(OpensslDriverTest, HashKnownAnswersAreServedByOpenssl) {
  const Bytes abc = Text("abc");
  EXPECT_EQ(Hash(PSA_ALG_SHA_256, abc), Hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  EXPECT_EQ(Served(), "openssl");
  EXPECT_EQ(Hash(PSA_ALG_SHA_512_256, abc), Hex("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"));
  EXPECT_EQ(Served(), "openssl");
  EXPECT_EQ(Hash(PSA_ALG_SHA_512_224, abc), Hex("4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa"));
  EXPECT_EQ(Hash(PSA_ALG_SHA3_256, abc), Hex("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"));
  EXPECT_EQ(Served(), "openssl");
  // MD5 is not the driver's: builtin serves it.
  EXPECT_EQ(Hash(PSA_ALG_MD5, abc), Hex("900150983cd24fb0d6963f7d28e17f72"));
  EXPECT_EQ(Served(), "builtin");
}

TEST_F(OpensslDriverTest, MultipartHashMatchesSinglePartAndClones) {
  Bytes message(1000);
  for (size_t i = 0; i < message.size(); ++i) message[i] = static_cast<uint8_t>(i * 7);
  for (psa_algorithm_t alg : {PSA_ALG_SHA_224, PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512,
                              PSA_ALG_SHA_512_224, PSA_ALG_SHA_512_256}) {
    psa_hash_operation_t operation = PSA_HASH_OPERATION_INIT;
    ASSERT_EQ(psa_hash_setup(&operation, alg), PSA_SUCCESS);
    EXPECT_EQ(Served(), "openssl");
    ASSERT_EQ(psa_hash_update(&operation, message.data(), 333), PSA_SUCCESS);
    psa_hash_operation_t copy = PSA_HASH_OPERATION_INIT;
    ASSERT_EQ(psa_hash_clone(&operation, &copy), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_update(&operation, message.data() + 333, message.size() - 333), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_update(&copy, message.data() + 333, message.size() - 333), PSA_SUCCESS);
    Bytes a(PSA_HASH_MAX_SIZE), b(PSA_HASH_MAX_SIZE);
    size_t a_length = 0, b_length = 0;
    ASSERT_EQ(psa_hash_finish(&operation, a.data(), a.size(), &a_length), PSA_SUCCESS);
    ASSERT_EQ(psa_hash_finish(&copy, b.data(), b.size(), &b_length), PSA_SUCCESS);
    a.resize(a_length);
    b.resize(b_length);
    EXPECT_EQ(a, Hash(alg, message)) << alg;
    EXPECT_EQ(b, a) << alg;
  }
}

TEST_F(OpensslDriverTest, HmacRfc4231Case2) {
  const psa_key_id_t key = Import(PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_256),
                                  PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, Text("Jefe"));
  const Bytes input = Text("what do ya want for nothing?");
  Bytes mac(PSA_MAC_MAX_SIZE);
  size_t length = 0;
  ASSERT_EQ(psa_mac_compute(key, PSA_ALG_HMAC(PSA_ALG_SHA_256), input.data(), input.size(), mac.data(), mac.size(),
                            &length),
            PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  mac.resize(length);
  EXPECT_EQ(mac, Hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
  EXPECT_EQ(psa_mac_verify(key, PSA_ALG_HMAC(PSA_ALG_SHA_256), input.data(), input.size(), mac.data(), mac.size()),
            PSA_SUCCESS);
  mac[0] ^= 1;
  EXPECT_EQ(psa_mac_verify(key, PSA_ALG_HMAC(PSA_ALG_SHA_256), input.data(), input.size(), mac.data(), mac.size()),
            PSA_ERROR_INVALID_SIGNATURE);
}

TEST_F(OpensslDriverTest, EcdsaP256SignaturesVerifyWithBuiltin) {
  const psa_algorithm_t alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
  const psa_key_id_t key = Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256, alg,
                                    PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH);
  const Bytes hash = Hash(PSA_ALG_SHA_256, Text("message"));
  Bytes signature(PSA_SIGNATURE_MAX_SIZE);
  size_t length = 0;
  ASSERT_EQ(psa_sign_hash(key, alg, hash.data(), hash.size(), signature.data(), signature.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  ASSERT_EQ(length, 64u);
  signature.resize(length);
  const Bytes pair = Export(key);
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  ASSERT_EQ(psa_get_key_attributes(key, &attributes), PSA_SUCCESS);
  EXPECT_EQ(builtin_verify_hash(&attributes, pair.data(), pair.size(), alg, hash.data(), hash.size(),
                                signature.data(), signature.size()),
            PSA_SUCCESS);
  EXPECT_EQ(psa_verify_hash(key, alg, hash.data(), hash.size(), signature.data(), signature.size()), PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  // A builtin signature verifies with openssl.
  Bytes theirs(64);
  ASSERT_EQ(builtin_sign_hash(&attributes, pair.data(), pair.size(), alg, hash.data(), hash.size(), theirs.data(),
                              theirs.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(psa_verify_hash(key, alg, hash.data(), hash.size(), theirs.data(), theirs.size()), PSA_SUCCESS);
  signature[10] ^= 0x40;
  EXPECT_EQ(psa_verify_hash(key, alg, hash.data(), hash.size(), signature.data(), signature.size()),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(psa_verify_hash(key, alg, hash.data(), hash.size(), signature.data(), 63), PSA_ERROR_INVALID_SIGNATURE);
  psa_reset_key_attributes(&attributes);
}

TEST_F(OpensslDriverTest, DeterministicEcdsaFallsBackToBuiltin) {
  const psa_algorithm_t alg = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256);
  const psa_key_id_t key =
      Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256, alg, PSA_KEY_USAGE_SIGN_HASH);
  const Bytes hash = Hash(PSA_ALG_SHA_256, Text("message"));
  Bytes signature(PSA_SIGNATURE_MAX_SIZE);
  size_t length = 0;
  ASSERT_EQ(psa_sign_hash(key, alg, hash.data(), hash.size(), signature.data(), signature.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Served(), "builtin");
}

TEST_F(OpensslDriverTest, EcdhP256AgreesWithBuiltin) {
  const psa_key_type_t type = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
  const psa_key_id_t alice = Generate(type, 256, PSA_ALG_ECDH, PSA_KEY_USAGE_DERIVE);
  const psa_key_id_t bob = Generate(type, 256, PSA_ALG_ECDH, PSA_KEY_USAGE_DERIVE);
  const Bytes bob_public = ExportPublic(bob);
  Bytes secret(PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE);
  size_t length = 0;
  ASSERT_EQ(psa_raw_key_agreement(PSA_ALG_ECDH, alice, bob_public.data(), bob_public.size(), secret.data(),
                                  secret.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  secret.resize(length);
  ASSERT_EQ(length, 32u);
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  ASSERT_EQ(psa_get_key_attributes(alice, &attributes), PSA_SUCCESS);
  const Bytes alice_private = Export(alice);
  Bytes theirs(32);
  ASSERT_EQ(builtin_key_agreement(PSA_ALG_ECDH, &attributes, alice_private.data(), alice_private.size(),
                                  bob_public.data(), bob_public.size(), theirs.data(), theirs.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(theirs, secret);
  // A point off the curve.
  Bytes bad = bob_public;
  bad[64] ^= 1;
  EXPECT_EQ(psa_raw_key_agreement(PSA_ALG_ECDH, alice, bad.data(), bad.size(), secret.data(), secret.size(), &length),
            PSA_ERROR_INVALID_ARGUMENT);
}

TEST_F(OpensslDriverTest, X25519Rfc7748) {
  const psa_key_id_t alice =
      Import(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), PSA_ALG_ECDH, PSA_KEY_USAGE_DERIVE,
             Hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
  const Bytes bob_public = Hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  Bytes secret(32);
  size_t length = 0;
  ASSERT_EQ(psa_raw_key_agreement(PSA_ALG_ECDH, alice, bob_public.data(), bob_public.size(), secret.data(),
                                  secret.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  EXPECT_EQ(secret, Hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"));
  // A small-order point gives the all-zero secret: refused.
  const Bytes zero(32, 0);
  EXPECT_EQ(psa_raw_key_agreement(PSA_ALG_ECDH, alice, zero.data(), zero.size(), secret.data(), secret.size(),
                                  &length),
            PSA_ERROR_INVALID_ARGUMENT);
}

TEST_F(OpensslDriverTest, RsaSignaturesAndOaepAgreeWithBuiltin) {
  const psa_key_id_t key =
      Generate(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), PSA_KEY_USAGE_SIGN_HASH);
  const Bytes pair = Export(key);
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  ASSERT_EQ(psa_get_key_attributes(key, &attributes), PSA_SUCCESS);
  const Bytes hash = Hash(PSA_ALG_SHA_256, Text("message"));
  for (psa_algorithm_t alg : {PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), PSA_ALG_RSA_PSS(PSA_ALG_SHA_256),
                              PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256)}) {
    psa_set_key_algorithm(&attributes, alg);
    Bytes signature(256);
    size_t length = 0;
    ASSERT_EQ(openssl_sign_hash(&attributes, pair.data(), pair.size(), alg, hash.data(), hash.size(),
                                signature.data(), signature.size(), &length),
              PSA_SUCCESS);
    ASSERT_EQ(length, 256u);
    EXPECT_EQ(builtin_verify_hash(&attributes, pair.data(), pair.size(), alg, hash.data(), hash.size(),
                                  signature.data(), signature.size()),
              PSA_SUCCESS)
        << alg;
    ASSERT_EQ(builtin_sign_hash(&attributes, pair.data(), pair.size(), alg, hash.data(), hash.size(),
                                signature.data(), signature.size(), &length),
              PSA_SUCCESS);
    EXPECT_EQ(openssl_verify_hash(&attributes, pair.data(), pair.size(), alg, hash.data(), hash.size(),
                                  signature.data(), signature.size()),
              PSA_SUCCESS)
        << alg;
    signature[100] ^= 1;
    EXPECT_EQ(openssl_verify_hash(&attributes, pair.data(), pair.size(), alg, hash.data(), hash.size(),
                                  signature.data(), signature.size()),
              PSA_ERROR_INVALID_SIGNATURE);
  }
  // Through the API: served by openssl.
  Bytes signature(256);
  size_t length = 0;
  ASSERT_EQ(psa_sign_hash(key, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), hash.data(), hash.size(),
                          signature.data(), signature.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  // OAEP: openssl encrypts, builtin decrypts, and back.
  const psa_algorithm_t oaep = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);
  psa_set_key_algorithm(&attributes, oaep);
  const Bytes message = Text("attack at dawn");
  const Bytes label = Text("label");
  Bytes ciphertext(256), plaintext(256);
  ASSERT_EQ(openssl_asymmetric_encrypt(&attributes, pair.data(), pair.size(), oaep, message.data(), message.size(),
                                       label.data(), label.size(), ciphertext.data(), ciphertext.size(), &length),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_asymmetric_decrypt(&attributes, pair.data(), pair.size(), oaep, ciphertext.data(),
                                       ciphertext.size(), label.data(), label.size(), plaintext.data(),
                                       plaintext.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(plaintext.begin(), plaintext.begin() + length), message);
  ASSERT_EQ(builtin_asymmetric_encrypt(&attributes, pair.data(), pair.size(), oaep, message.data(), message.size(),
                                       label.data(), label.size(), ciphertext.data(), ciphertext.size(), &length),
            PSA_SUCCESS);
  ASSERT_EQ(openssl_asymmetric_decrypt(&attributes, pair.data(), pair.size(), oaep, ciphertext.data(),
                                       ciphertext.size(), label.data(), label.size(), plaintext.data(),
                                       plaintext.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(plaintext.begin(), plaintext.begin() + length), message);
  ciphertext[5] ^= 1;
  EXPECT_EQ(openssl_asymmetric_decrypt(&attributes, pair.data(), pair.size(), oaep, ciphertext.data(),
                                       ciphertext.size(), label.data(), label.size(), plaintext.data(),
                                       plaintext.size(), &length),
            PSA_ERROR_INVALID_PADDING);
  EXPECT_EQ(length, 0u);
  psa_reset_key_attributes(&attributes);
}

TEST_F(OpensslDriverTest, Ed25519Rfc8032Test1EndToEnd) {
  const psa_key_id_t key = Import(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS), PSA_ALG_PURE_EDDSA,
                                  PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_EXPORT,
                                  Hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  ASSERT_EQ(psa_get_key_attributes(key, &attributes), PSA_SUCCESS);
  EXPECT_EQ(psa_get_key_bits(&attributes), 255u);
  EXPECT_EQ(ExportPublic(key), Hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
  Bytes signature(PSA_SIGNATURE_MAX_SIZE);
  size_t length = 0;
  ASSERT_EQ(psa_sign_message(key, PSA_ALG_PURE_EDDSA, nullptr, 0, signature.data(), signature.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  signature.resize(length);
  EXPECT_EQ(signature, Hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701c"
                           "f9b46bd25bf5f0595bbe24655141438e7a100b"));
  const Bytes public_key = ExportPublic(key);
  const psa_key_id_t verifier = Import(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_TWISTED_EDWARDS),
                                       PSA_ALG_PURE_EDDSA, PSA_KEY_USAGE_VERIFY_MESSAGE, public_key);
  EXPECT_EQ(psa_verify_message(verifier, PSA_ALG_PURE_EDDSA, nullptr, 0, signature.data(), signature.size()),
            PSA_SUCCESS);
  signature[0] ^= 1;
  EXPECT_EQ(psa_verify_message(verifier, PSA_ALG_PURE_EDDSA, nullptr, 0, signature.data(), signature.size()),
            PSA_ERROR_INVALID_SIGNATURE);
  psa_reset_key_attributes(&attributes);
}

TEST_F(OpensslDriverTest, Ed448GeneratedKeySignsAndVerifies) {
  const psa_key_id_t key = Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS), 448,
                                    PSA_ALG_PURE_EDDSA, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE);
  EXPECT_EQ(Export(key).size(), 57u);
  EXPECT_EQ(ExportPublic(key).size(), 57u);
  const Bytes message = Text("Ed448 through the PSA API");
  Bytes signature(PSA_SIGNATURE_MAX_SIZE);
  size_t length = 0;
  ASSERT_EQ(psa_sign_message(key, PSA_ALG_PURE_EDDSA, message.data(), message.size(), signature.data(),
                             signature.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(length, 114u);
  EXPECT_EQ(psa_verify_message(key, PSA_ALG_PURE_EDDSA, message.data(), message.size(), signature.data(), length),
            PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
}

TEST_F(OpensslDriverTest, EdwardsImportChecksLengthAndSize) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS));
  psa_set_key_algorithm(&attributes, PSA_ALG_PURE_EDDSA);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_SIGN_MESSAGE);
  const Bytes short_key(31, 1);
  psa_key_id_t key = 0;
  EXPECT_EQ(psa_import_key(&attributes, short_key.data(), short_key.size(), &key), PSA_ERROR_INVALID_ARGUMENT);
  psa_set_key_bits(&attributes, 448);
  const Bytes ed25519(32, 1);
  EXPECT_EQ(psa_import_key(&attributes, ed25519.data(), ed25519.size(), &key), PSA_ERROR_INVALID_ARGUMENT);
}

TEST_F(OpensslDriverTest, HashEddsaIsNotSupportedWithOpenssl30) {
  const psa_key_id_t key = Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS), 255,
                                    PSA_ALG_ED25519PH, PSA_KEY_USAGE_SIGN_MESSAGE);
  Bytes signature(PSA_SIGNATURE_MAX_SIZE);
  size_t length = 0;
  EXPECT_EQ(psa_sign_message(key, PSA_ALG_ED25519PH, nullptr, 0, signature.data(), signature.size(), &length),
            PSA_ERROR_NOT_SUPPORTED);
}

TEST_F(OpensslDriverTest, ChaCha20Poly1305AgreesWithBuiltin) {
  Bytes key_bytes(32);
  for (size_t i = 0; i < key_bytes.size(); ++i) key_bytes[i] = static_cast<uint8_t>(0x80 + i);
  const psa_algorithm_t alg = PSA_ALG_CHACHA20_POLY1305;
  const psa_key_id_t key =
      Import(PSA_KEY_TYPE_CHACHA20, alg, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, key_bytes);
  const Bytes nonce = Hex("070000004041424344454647");
  const Bytes ad = Hex("50515253c0c1c2c3c4c5c6c7");
  const Bytes plaintext = Text("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
                               "the future, sunscreen would be it.");
  Bytes ciphertext(plaintext.size() + 16);
  size_t length = 0;
  ASSERT_EQ(psa_aead_encrypt(key, alg, nonce.data(), nonce.size(), ad.data(), ad.size(), plaintext.data(),
                             plaintext.size(), ciphertext.data(), ciphertext.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  // RFC 8439 section 2.8.2: the tag.
  EXPECT_EQ(Bytes(ciphertext.end() - 16, ciphertext.end()), Hex("1ae10b594f09e26a7e902ecbd0600691"));
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  ASSERT_EQ(psa_get_key_attributes(key, &attributes), PSA_SUCCESS);
  Bytes theirs(ciphertext.size());
  ASSERT_EQ(builtin_aead_encrypt(&attributes, key_bytes.data(), key_bytes.size(), alg, nonce.data(), nonce.size(),
                                 ad.data(), ad.size(), plaintext.data(), plaintext.size(), theirs.data(),
                                 theirs.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(theirs, ciphertext);
  Bytes decrypted(plaintext.size());
  ASSERT_EQ(psa_aead_decrypt(key, alg, nonce.data(), nonce.size(), ad.data(), ad.size(), ciphertext.data(),
                             ciphertext.size(), decrypted.data(), decrypted.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(decrypted, plaintext);
  ciphertext[3] ^= 1;
  EXPECT_EQ(psa_aead_decrypt(key, alg, nonce.data(), nonce.size(), ad.data(), ad.size(), ciphertext.data(),
                             ciphertext.size(), decrypted.data(), decrypted.size(), &length),
            PSA_ERROR_INVALID_SIGNATURE);
  psa_reset_key_attributes(&attributes);
}

TEST_F(OpensslDriverTest, HkdfRfc5869Case1) {
  psa_key_derivation_operation_t operation = PSA_KEY_DERIVATION_OPERATION_INIT;
  const psa_algorithm_t alg = PSA_ALG_HKDF(PSA_ALG_SHA_256);
  const Bytes ikm(22, 0x0b);
  const Bytes salt = Hex("000102030405060708090a0b0c");
  const Bytes info = Hex("f0f1f2f3f4f5f6f7f8f9");
  ASSERT_EQ(psa_key_derivation_setup(&operation, alg), PSA_SUCCESS);
  ASSERT_EQ(psa_key_derivation_input_bytes(&operation, PSA_KEY_DERIVATION_INPUT_SALT, salt.data(), salt.size()),
            PSA_SUCCESS);
  ASSERT_EQ(psa_key_derivation_input_bytes(&operation, PSA_KEY_DERIVATION_INPUT_SECRET, ikm.data(), ikm.size()),
            PSA_SUCCESS);
  ASSERT_EQ(psa_key_derivation_input_bytes(&operation, PSA_KEY_DERIVATION_INPUT_INFO, info.data(), info.size()),
            PSA_SUCCESS);
  // In two reads across a block boundary.
  Bytes okm(42);
  ASSERT_EQ(psa_key_derivation_output_bytes(&operation, okm.data(), 20), PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  ASSERT_EQ(psa_key_derivation_output_bytes(&operation, okm.data() + 20, 22), PSA_SUCCESS);
  EXPECT_EQ(okm, Hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
  EXPECT_EQ(psa_key_derivation_abort(&operation), PSA_SUCCESS);
}

TEST_F(OpensslDriverTest, HkdfExtractAndExpandRfc5869Case1) {
  const Bytes ikm(22, 0x0b);
  const Bytes salt = Hex("000102030405060708090a0b0c");
  const Bytes prk = Hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
  psa_key_derivation_operation_t extract = PSA_KEY_DERIVATION_OPERATION_INIT;
  ASSERT_EQ(psa_key_derivation_setup(&extract, PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256)), PSA_SUCCESS);
  ASSERT_EQ(psa_key_derivation_input_bytes(&extract, PSA_KEY_DERIVATION_INPUT_SALT, salt.data(), salt.size()),
            PSA_SUCCESS);
  ASSERT_EQ(psa_key_derivation_input_bytes(&extract, PSA_KEY_DERIVATION_INPUT_SECRET, ikm.data(), ikm.size()),
            PSA_SUCCESS);
  Bytes out(32);
  ASSERT_EQ(psa_key_derivation_output_bytes(&extract, out.data(), out.size()), PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  EXPECT_EQ(out, prk);
  psa_key_derivation_abort(&extract);

  psa_key_derivation_operation_t expand = PSA_KEY_DERIVATION_OPERATION_INIT;
  const Bytes info = Hex("f0f1f2f3f4f5f6f7f8f9");
  ASSERT_EQ(psa_key_derivation_setup(&expand, PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256)), PSA_SUCCESS);
  ASSERT_EQ(psa_key_derivation_input_bytes(&expand, PSA_KEY_DERIVATION_INPUT_SECRET, prk.data(), prk.size()),
            PSA_SUCCESS);
  ASSERT_EQ(psa_key_derivation_input_bytes(&expand, PSA_KEY_DERIVATION_INPUT_INFO, info.data(), info.size()),
            PSA_SUCCESS);
  Bytes okm(42);
  ASSERT_EQ(psa_key_derivation_output_bytes(&expand, okm.data(), okm.size()), PSA_SUCCESS);
  EXPECT_EQ(okm, Hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
  psa_key_derivation_abort(&expand);
}

// A failing call leaves nothing in OpenSSL's error queue, and the next call
// succeeds.
TEST_F(OpensslDriverTest, ErrorQueueDoesNotLeakBetweenCalls) {
  const psa_algorithm_t alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
  const psa_key_id_t key = Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256, alg,
                                    PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH);
  const Bytes hash = Hash(PSA_ALG_SHA_256, Text("message"));
  Bytes signature(64, 0xff);  // r, s >= n: OpenSSL queues an error
  ERR_clear_error();
  EXPECT_EQ(psa_verify_hash(key, alg, hash.data(), hash.size(), signature.data(), signature.size()),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(ERR_peek_error(), 0ul);
  const Bytes peer(65, 0x04);  // not on the curve
  const psa_key_id_t agreement =
      Generate(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256, PSA_ALG_ECDH, PSA_KEY_USAGE_DERIVE);
  Bytes secret(32);
  size_t length = 0;
  EXPECT_EQ(psa_raw_key_agreement(PSA_ALG_ECDH, agreement, peer.data(), peer.size(), secret.data(), secret.size(),
                                  &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ERR_peek_error(), 0ul);
  ASSERT_EQ(psa_sign_hash(key, alg, hash.data(), hash.size(), signature.data(), signature.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(psa_verify_hash(key, alg, hash.data(), hash.size(), signature.data(), length), PSA_SUCCESS);
  EXPECT_EQ(Served(), "openssl");
  EXPECT_EQ(ERR_peek_error(), 0ul);
}

}  // namespace
