// Build: test_a_asymmetric (SHA-256 hash_compute; ECDSA-SHA-256 on P-256,
// RSA-PSS-SHA-256; fallback), test_b_asymmetric (ECDSA-SHA-256 on SECP_R1
// of any size; fallback), builtin.
//
// Signature dispatch through the public API: the first driver whose
// capability matches serves, NOT_SUPPORTED from a fallback capability moves
// on, any other status (INVALID_SIGNATURE included) is the answer,
// undeclared algorithms, curves and sizes skip a driver. psa_sign_message
// and psa_verify_message reach a driver without "sign_message" through the
// hash dispatch and its "sign_hash". The counters of the test drivers say
// who ran; every signature is checked with the builtin driver.

#include "tests/dispatch/asymmetric_test_util.h"

namespace psa::testing {
namespace {

class SignatureDispatch : public AsymmetricDispatchTest {};

TEST_F(SignatureDispatch, FirstMatchingDriverSignsAndVerifies) {
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(key, kEcdsaSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_EQ(signature.size(), 64u);
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);

  EXPECT_PSA(PSA_SUCCESS, VerifyHash(key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, PublicKeyVerifiesThroughTheFirstDriver) {
  const Bytes signature = BuiltinSignHash(P256Pair(), kEcdsaSha256, MessageSha256());
  const psa_key_id_t key = Key(P256Public(), kEcdsaSha256);
  EXPECT_PSA(PSA_SUCCESS, VerifyHash(key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, WrongSignatureIsInvalidSignatureFromTheServingDriver) {
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  const Bytes signature = BuiltinSignHash(P256Pair(), kEcdsaSha256, MessageSha256());
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, VerifyHash(key, kEcdsaSha256, MessageSha256(), Corrupted(signature)));
  EXPECT_PSA(PSA_ERROR_INVALID_SIGNATURE, VerifyMessage(key, kEcdsaSha256, Corrupted(Message()), signature));
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 2u);
  // INVALID_SIGNATURE is an answer, not a refusal: nobody else is asked.
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, RsaPssThroughTheFirstDriver) {
  const psa_key_id_t key = Key(Rsa2048Pair(), kPssSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(key, kPssSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_EQ(signature.size(), 256u);
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(Rsa2048Public(), kPssSha256, MessageSha256(), signature));

  const psa_key_id_t public_key = Key(Rsa2048Public(), kPssSha256);
  EXPECT_PSA(PSA_SUCCESS, VerifyHash(public_key, kPssSha256, MessageSha256(), signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, FallsBackToNextDriverWhenFirstSaysNotSupported) {
  test_a_hooks.unsupported_alg = kEcdsaSha256;
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(key, kEcdsaSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "test_b_asymmetric");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyHash(key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(ServedBy(), "test_b_asymmetric");
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(test_b_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_b_hooks.hits.verify_hash, 1u);
}

TEST_F(SignatureDispatch, FallsBackToBuiltinWhenNoLaterDriverDeclaresIt) {
  // test_b declares no RSA-PSS: from test_a straight to builtin.
  test_a_hooks.unsupported_alg = kPssSha256;
  const psa_key_id_t key = Key(Rsa2048Pair(), kPssSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(key, kPssSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(Rsa2048Pair(), kPssSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyHash(key, kPssSha256, MessageSha256(), signature));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, FallsBackToBuiltinWhenAllDriversSayNotSupported) {
  test_a_hooks.unsupported_alg = kEcdsaSha256;
  test_b_hooks.unsupported_alg = kEcdsaSha256;
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(key, kEcdsaSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_b_hooks.hits.sign_hash, 1u);
}

TEST_F(SignatureDispatch, ErrorOtherThanNotSupportedStopsTheChain) {
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  const Bytes signature = BuiltinSignHash(P256Pair(), kEcdsaSha256, MessageSha256());
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  Bytes out;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, SignHash(key, kEcdsaSha256, MessageSha256(), &out));
  EXPECT_TRUE(out.empty());
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, VerifyHash(key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
  // The forced status takes precedence over declining.
  test_a_hooks.unsupported_alg = kEcdsaSha256;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, SignHash(key, kEcdsaSha256, MessageSha256(), &out));
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, ForcedStatusesReachTheApplicationUnchanged) {
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  const Bytes signature = BuiltinSignHash(P256Pair(), kEcdsaSha256, MessageSha256());
  for (psa_status_t forced : {PSA_ERROR_COMMUNICATION_FAILURE, PSA_ERROR_INSUFFICIENT_MEMORY,
                              PSA_ERROR_INSUFFICIENT_ENTROPY, PSA_ERROR_HARDWARE_FAILURE}) {
    SCOPED_TRACE(StatusName(forced));
    test_a_hooks.forced_status = forced;
    Bytes out;
    EXPECT_PSA(forced, SignHash(key, kEcdsaSha256, MessageSha256(), &out));
    EXPECT_PSA(forced, VerifyHash(key, kEcdsaSha256, MessageSha256(), signature));
  }
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, KeySizeFilterSkipsTheFirstDriver) {
  // test_a declares P-256 only; test_b every SECP_R1 size.
  const psa_key_id_t key = Key(P384Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(key, kEcdsaSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "test_b_asymmetric");
  EXPECT_EQ(signature.size(), 96u);
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P384Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyHash(key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(SignatureCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(test_b_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_b_hooks.hits.verify_hash, 1u);
}

TEST_F(SignatureDispatch, CurveFilterSkipsBothDrivers) {
  // secp256k1: neither test driver declares SECP_K1.
  const psa_key_id_t key = Key(K256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(key, kEcdsaSha256, MessageSha256(), &signature));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(K256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyHash(key, kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_EQ(SignatureCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, AlgorithmFilterSkipsDriversThatDoNotDeclareIt) {
  // Deterministic ECDSA, ECDSA with SHA-384 and PKCS#1 v1.5 signatures are
  // declared by builtin only.
  struct Case {
    KeyData key;
    psa_algorithm_t alg;
    Bytes hash;
  };
  const Bytes sha384(48, 0x38);
  for (const Case& c : {Case{P256Pair(), PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256), MessageSha256()},
                        Case{P256Pair(), PSA_ALG_ECDSA(PSA_ALG_SHA_384), sha384},
                        Case{Rsa2048Pair(), PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), MessageSha256()}}) {
    SCOPED_TRACE(c.alg);
    const psa_key_id_t key = Key(c.key, c.alg);
    Bytes signature;
    ASSERT_PSA(PSA_SUCCESS, SignHash(key, c.alg, c.hash, &signature));
    EXPECT_EQ(ServedBy(), "builtin");
    EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(c.key, c.alg, c.hash, signature));
    EXPECT_PSA(PSA_SUCCESS, VerifyHash(key, c.alg, c.hash, signature));
    EXPECT_EQ(ServedBy(), "builtin");
  }
  EXPECT_EQ(SignatureCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, DeterministicSignatureEqualsBuiltins) {
  // A deterministic signature is a known answer: builtin's own.
  const psa_algorithm_t alg = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256);
  const psa_key_id_t key = Key(P256Pair(), alg);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignHash(key, alg, MessageSha256(), &signature));
  EXPECT_EQ(ToHex(signature), ToHex(BuiltinSignHash(P256Pair(), alg, MessageSha256())));
}

TEST_F(SignatureDispatch, SignMessageHashesThroughTheHashDispatchThenSignsTheHash) {
  // test_a declares no sign_message: the core hashes (test_a's SHA-256
  // hash_compute serves) and calls test_a's sign_hash.
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignMessage(key, kEcdsaSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 1u);
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.sign_message, 0u);

  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(key, kEcdsaSha256, Message(), signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 2u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_message, 0u);
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, SignMessageOfAnRsaKeyHashesThenSignsTheHash) {
  const psa_key_id_t key = Key(Rsa2048Pair(), kPssSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignMessage(key, kPssSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(Rsa2048Pair(), kPssSha256, MessageSha256(), signature));
  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(key, kPssSha256, Message(), signature));
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 2u);
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.verify_hash, 1u);
}

TEST_F(SignatureDispatch, HashOfTheMessageFallsBackOnItsOwn) {
  // test_a declines SHA-256 hashing but not ECDSA: builtin hashes, test_a
  // signs.
  test_a_hooks.unsupported_alg = PSA_ALG_SHA_256;
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignMessage(key, kEcdsaSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "test_a_asymmetric");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 1u);
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
}

TEST_F(SignatureDispatch, SignMessageFallsBackToTheNextDriversSignHash) {
  // test_a declines ECDSA: the core moves on to test_b, hashing again for
  // it (test_a's hash_compute serves both times).
  test_a_hooks.unsupported_alg = kEcdsaSha256;
  const psa_key_id_t key = Key(P256Pair(), kEcdsaSha256);
  Bytes signature;
  ASSERT_PSA(PSA_SUCCESS, SignMessage(key, kEcdsaSha256, Message(), &signature));
  EXPECT_EQ(ServedBy(), "test_b_asymmetric");
  EXPECT_PSA(PSA_SUCCESS, BuiltinVerifyHash(P256Pair(), kEcdsaSha256, MessageSha256(), signature));
  EXPECT_EQ(test_a_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_b_hooks.hits.sign_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 2u);

  EXPECT_PSA(PSA_SUCCESS, VerifyMessage(key, kEcdsaSha256, Message(), signature));
  EXPECT_EQ(ServedBy(), "test_b_asymmetric");
  EXPECT_EQ(test_b_hooks.hits.verify_hash, 1u);
  EXPECT_EQ(test_a_hooks.hits.sign_message + test_b_hooks.hits.sign_message, 0u);
}

TEST_F(SignatureDispatch, FailedHashStopsSignMessage) {
  // A failure of the hash (not NOT_SUPPORTED) is the application's status;
  // no driver signs.
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  const psa_key_id_t key = Key(P384Pair(), kEcdsaSha256);
  Bytes signature;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, SignMessage(key, kEcdsaSha256, Message(), &signature));
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 1u);
  EXPECT_EQ(SignatureCalls(test_a_hooks.hits), 0u);  // P-384: not test_a's
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

TEST_F(SignatureDispatch, HashNoDriverHasIsNotSupported) {
  // ECDSA with SHA3-256: the test drivers declare SHA-256 only, builtin
  // declares ECDSA with any hash but has no SHA-3 and declines. No driver
  // computes anything; the application gets NOT_SUPPORTED.
  const psa_algorithm_t alg = PSA_ALG_ECDSA(PSA_ALG_SHA3_256);
  const psa_key_id_t key = Key(P256Pair(), alg);
  const Bytes sha3_hash(32, 0x3a);
  Bytes signature;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, SignHash(key, alg, sha3_hash, &signature));
  EXPECT_TRUE(signature.empty());
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, VerifyHash(key, alg, sha3_hash, Bytes(64, 0x01)));
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, SignMessage(key, alg, Message(), &signature));
  EXPECT_EQ(SignatureCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 0u);  // SHA3-256 is not test_a's
}

TEST_F(SignatureDispatch, PureEddsaWithAWeierstrassKeyReachesNoDriver) {
  // Pure EdDSA needs an Edwards key, which this build cannot import (Debian's
  // Mbed TLS has no EdDSA). With a P-256 key the core refuses the pair
  // before dispatch: INVALID_ARGUMENT, and no driver is called. (The
  // dispatch's own NOT_SUPPORTED, for an entry point the serving driver
  // lacks, is in asymmetric_opaque_test.cc.)
  const psa_key_id_t key = Key(P256Pair(), PSA_ALG_PURE_EDDSA);
  Bytes signature;
  EXPECT_PSA(PSA_ERROR_INVALID_ARGUMENT, SignMessage(key, PSA_ALG_PURE_EDDSA, Message(), &signature));
  EXPECT_PSA(PSA_ERROR_INVALID_ARGUMENT, VerifyMessage(key, PSA_ALG_PURE_EDDSA, Message(), Bytes(64, 0x01)));
  EXPECT_EQ(test_a_hooks.hits.hash_compute, 0u);
  EXPECT_EQ(SignatureCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(SignatureCalls(test_b_hooks.hits), 0u);
}

}  // namespace
}  // namespace psa::testing
