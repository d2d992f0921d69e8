// Build: test_a_pake (transparent: the pake family for J-PAKE with SHA-256
// and SPAKE2+ with HMAC-SHA-256; fallback), test_opaque_pake (opaque,
// location 0x800001: the pake family for any algorithm),
// test_opaque_static (opaque, location 0x800002: key management only),
// builtin (J-PAKE, SPAKE2+ with HMAC, CMAC and Matter).
//
// Driver interface, "PAKE": the core sets the driver up at the first step,
// choosing it by the password key's location and the cipher suite's
// algorithm, and the operation stays with that driver. Both parties of each
// exchange run in this process; they agree on the shared secret whichever
// driver serves each of them.

#include "tests/dispatch/derivation_test_util.h"

namespace psa::testing {
namespace {

template <typename Counters>
unsigned long PakeCalls(const Counters& c) {
  return c.pake_setup + c.pake_output + c.pake_input + c.pake_get_implicit_key + c.pake_abort;
}

class PakeDispatch : public DerivationDispatchTest {
 protected:
  psa_key_id_t Password(psa_key_location_t location = PSA_KEY_LOCATION_LOCAL_STORAGE,
                        const std::string& password = "correct horse") {
    return Key(PSA_KEY_TYPE_PASSWORD, Str(password), kJpake, PSA_KEY_USAGE_DERIVE, location);
  }
  psa_key_id_t Spake2pPair(psa_algorithm_t alg, psa_key_location_t location = PSA_KEY_LOCATION_LOCAL_STORAGE) {
    return Key(kSpake2pPair, Spake2pPairData(), alg, PSA_KEY_USAGE_DERIVE, location);
  }
  psa_key_id_t Spake2pPublic(psa_algorithm_t alg, psa_key_location_t location = PSA_KEY_LOCATION_LOCAL_STORAGE) {
    return Key(kSpake2pPublic, Spake2pPublicData(), alg, PSA_KEY_USAGE_DERIVE, location);
  }

  // A whole J-PAKE between a party with `key_a` ("client") and one with
  // `key_b` ("server"); the shared secrets go to *a and *b.
  static psa_status_t Jpake(psa_key_id_t key_a, psa_key_id_t key_b, Bytes* a, Bytes* b) {
    psa_pake_operation_t op_a = PSA_PAKE_OPERATION_INIT, op_b = PSA_PAKE_OPERATION_INIT;
    psa_status_t status = SetupJpake(&op_a, key_a, "client", "server");
    if (status == PSA_SUCCESS) status = SetupJpake(&op_b, key_b, "server", "client");
    if (status == PSA_SUCCESS) status = RunJpake(&op_a, &op_b);
    if (status == PSA_SUCCESS) status = SharedSecret(&op_a, a);
    if (status == PSA_SUCCESS) status = SharedSecret(&op_b, b);
    psa_pake_abort(&op_a);
    psa_pake_abort(&op_b);
    return status;
  }

  // A whole confirmed SPAKE2+ between a prover and a verifier.
  static psa_status_t Spake2p(psa_algorithm_t alg, psa_key_id_t prover_key, psa_key_id_t verifier_key,
                              Bytes* prover_secret, Bytes* verifier_secret) {
    psa_pake_operation_t prover = PSA_PAKE_OPERATION_INIT, verifier = PSA_PAKE_OPERATION_INIT;
    psa_status_t status = SetupSpake2p(&prover, prover_key, alg, PSA_PAKE_ROLE_CLIENT);
    if (status == PSA_SUCCESS) status = SetupSpake2p(&verifier, verifier_key, alg, PSA_PAKE_ROLE_SERVER);
    if (status == PSA_SUCCESS) status = RunSpake2p(&prover, &verifier);
    if (status == PSA_SUCCESS) status = SharedSecret(&prover, prover_secret);
    if (status == PSA_SUCCESS) status = SharedSecret(&verifier, verifier_secret);
    psa_pake_abort(&prover);
    psa_pake_abort(&verifier);
    return status;
  }
};

// ---- Transparent driver --------------------------------------------------

TEST_F(PakeDispatch, TransparentDriverServesBothJpakeParties) {
  const psa_key_id_t key = Password();
  Bytes a, b;
  ASSERT_PSA(PSA_SUCCESS, Jpake(key, key, &a, &b));
  EXPECT_EQ(a.size(), 65u);
  EXPECT_EQ(ToHex(a), ToHex(b));
  EXPECT_EQ(test_a_hooks.hits.pake_setup, 2u);
  // Per party: 6 round-one and 3 round-two values each way.
  EXPECT_EQ(test_a_hooks.hits.pake_output, 18u);
  EXPECT_EQ(test_a_hooks.hits.pake_input, 18u);
  EXPECT_EQ(test_a_hooks.hits.pake_get_implicit_key, 2u);
  // The shared secret ends each operation.
  EXPECT_EQ(test_a_hooks.hits.pake_abort, 2u);
  EXPECT_EQ(PakeCalls(test_opaque_hooks.hits), 0u);
}

TEST_F(PakeDispatch, TransparentDriverServesBothSpake2pParties) {
  Bytes prover, verifier;
  ASSERT_PSA(PSA_SUCCESS, Spake2p(kSpake2pHmac, Spake2pPair(kSpake2pHmac), Spake2pPublic(kSpake2pHmac), &prover,
                                  &verifier));
  EXPECT_EQ(prover.size(), 32u);
  EXPECT_EQ(ToHex(prover), ToHex(verifier));
  EXPECT_EQ(ServedBy(), "test_a_pake");
  EXPECT_EQ(test_a_hooks.hits.pake_setup, 2u);
  EXPECT_EQ(test_a_hooks.hits.pake_output, 4u);
  EXPECT_EQ(test_a_hooks.hits.pake_input, 4u);
  EXPECT_EQ(test_a_hooks.hits.pake_get_implicit_key, 2u);
}

TEST_F(PakeDispatch, BuiltinServesWhenTheDriverDeclines) {
  test_a_hooks.unsupported_alg = kJpake;
  const psa_key_id_t key = Password();
  Bytes a, b;
  ASSERT_PSA(PSA_SUCCESS, Jpake(key, key, &a, &b));
  EXPECT_EQ(ToHex(a), ToHex(b));
  // Each party's setup asked test_a first; nothing else reached it, so the
  // builtin driver ran both parties.
  EXPECT_EQ(test_a_hooks.hits.pake_setup, 2u);
  EXPECT_EQ(PakeCalls(test_a_hooks.hits), 2u);
  // The setup is where the driver is chosen.
  psa_pake_operation_t op = PSA_PAKE_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, SetupJpake(&op, key, "client", "server"));
  uint8_t buffer[PSA_PAKE_OUTPUT_MAX_SIZE];
  size_t length = 0;
  ASSERT_PSA(PSA_SUCCESS, psa_pake_output(&op, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length));
  EXPECT_EQ(ServedBy(), "builtin");
  EXPECT_PSA(PSA_SUCCESS, psa_pake_abort(&op));
}

TEST_F(PakeDispatch, AlgorithmTheDriverDoesNotDeclareGoesToBuiltin) {
  const psa_algorithm_t cmac = PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256);
  Bytes prover, verifier;
  ASSERT_PSA(PSA_SUCCESS, Spake2p(cmac, Spake2pPair(cmac), Spake2pPublic(cmac), &prover, &verifier));
  EXPECT_EQ(ToHex(prover), ToHex(verifier));
  EXPECT_EQ(PakeCalls(test_a_hooks.hits), 0u);
}

TEST_F(PakeDispatch, DriverErrorAtSetupIsReturned) {
  test_a_hooks.forced_status = PSA_ERROR_HARDWARE_FAILURE;
  psa_pake_operation_t a = PSA_PAKE_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, SetupJpake(&a, Password(), "client", "server"));
  uint8_t buffer[PSA_PAKE_OUTPUT_MAX_SIZE];
  size_t length = 0;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, psa_pake_output(&a, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length));
  EXPECT_EQ(length, 0u);
  // Not retried elsewhere: the operation has failed.
  test_a_hooks.forced_status = PSA_SUCCESS;
  EXPECT_PSA(PSA_ERROR_BAD_STATE, psa_pake_output(&a, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length));
  EXPECT_PSA(PSA_SUCCESS, psa_pake_abort(&a));
  EXPECT_EQ(test_a_hooks.hits.pake_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.pake_output, 0u);
}

TEST_F(PakeDispatch, DriverErrorMidwayFailsTheOperation) {
  psa_pake_operation_t a = PSA_PAKE_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, SetupJpake(&a, Password(), "client", "server"));
  uint8_t buffer[PSA_PAKE_OUTPUT_MAX_SIZE];
  size_t length = 0;
  ASSERT_PSA(PSA_SUCCESS, psa_pake_output(&a, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length));
  test_a_hooks.forced_status = PSA_ERROR_COMMUNICATION_FAILURE;
  EXPECT_PSA(PSA_ERROR_COMMUNICATION_FAILURE,
             psa_pake_output(&a, PSA_PAKE_STEP_ZK_PUBLIC, buffer, sizeof(buffer), &length));
  test_a_hooks.forced_status = PSA_SUCCESS;
  EXPECT_PSA(PSA_ERROR_BAD_STATE, psa_pake_output(&a, PSA_PAKE_STEP_ZK_PUBLIC, buffer, sizeof(buffer), &length));
  EXPECT_PSA(PSA_SUCCESS, psa_pake_abort(&a));
  EXPECT_EQ(test_a_hooks.hits.pake_output, 2u);
  EXPECT_EQ(test_a_hooks.hits.pake_abort, 1u);
}

// ---- Opaque password keys ------------------------------------------------

TEST_F(PakeDispatch, OpaquePasswordIsServedByItsDriver) {
  // Party a's password is wrapped at test_opaque's location, party b's is
  // the same password in clear.
  Bytes a, b;
  ASSERT_PSA(PSA_SUCCESS, Jpake(Password(TEST_OPAQUE_LOCATION), Password(), &a, &b));
  EXPECT_EQ(ToHex(a), ToHex(b));
  EXPECT_EQ(test_opaque_hooks.hits.pake_setup, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.pake_output, 9u);
  EXPECT_EQ(test_opaque_hooks.hits.pake_input, 9u);
  EXPECT_EQ(test_opaque_hooks.hits.pake_get_implicit_key, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 0u);
  EXPECT_EQ(test_a_hooks.hits.pake_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.pake_output, 9u);
  // A different password at the opaque location: different secrets.
  ASSERT_PSA(PSA_SUCCESS, Jpake(Password(TEST_OPAQUE_LOCATION, "battery staple"), Password(), &a, &b));
  EXPECT_NE(ToHex(a), ToHex(b));
}

TEST_F(PakeDispatch, OpaqueSpake2pKeysAreServedByTheirDriver) {
  // Opaque prover, transparent verifier; then the other way round.
  Bytes prover, verifier;
  ASSERT_PSA(PSA_SUCCESS, Spake2p(kSpake2pHmac, Spake2pPair(kSpake2pHmac, TEST_OPAQUE_LOCATION),
                                  Spake2pPublic(kSpake2pHmac), &prover, &verifier));
  EXPECT_EQ(ToHex(prover), ToHex(verifier));
  EXPECT_EQ(test_opaque_hooks.hits.pake_setup, 1u);
  EXPECT_EQ(test_a_hooks.hits.pake_setup, 1u);
  ASSERT_PSA(PSA_SUCCESS, Spake2p(kSpake2pHmac, Spake2pPair(kSpake2pHmac),
                                  Spake2pPublic(kSpake2pHmac, TEST_OPAQUE_LOCATION), &prover, &verifier));
  EXPECT_EQ(ToHex(prover), ToHex(verifier));
  EXPECT_EQ(test_opaque_hooks.hits.pake_setup, 2u);
  EXPECT_EQ(test_opaque_hooks.hits.pake_get_implicit_key, 2u);
  EXPECT_EQ(test_a_hooks.hits.pake_setup, 2u);
  // An algorithm test_a does not declare, opaque on both sides.
  const psa_algorithm_t matter = PSA_ALG_SPAKE2P_MATTER;
  ASSERT_PSA(PSA_SUCCESS, Spake2p(matter, Spake2pPair(matter, TEST_OPAQUE_LOCATION),
                                  Spake2pPublic(matter, TEST_OPAQUE_LOCATION), &prover, &verifier));
  EXPECT_EQ(prover.size(), 16u);
  EXPECT_EQ(ToHex(prover), ToHex(verifier));
  EXPECT_EQ(test_opaque_hooks.hits.pake_setup, 4u);
}

TEST_F(PakeDispatch, OpaqueDriverDecliningIsFinal) {
  // An opaque driver has no fallback: neither test_a nor builtin is asked.
  test_opaque_hooks.unsupported_alg = kJpake;
  psa_pake_operation_t a = PSA_PAKE_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, SetupJpake(&a, Password(TEST_OPAQUE_LOCATION), "client", "server"));
  uint8_t buffer[PSA_PAKE_OUTPUT_MAX_SIZE];
  size_t length = 0;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, psa_pake_output(&a, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length));
  EXPECT_PSA(PSA_SUCCESS, psa_pake_abort(&a));
  test_opaque_reset_hooks(&test_opaque_hooks);
  test_opaque_hooks.forced.pake_setup = PSA_ERROR_HARDWARE_FAILURE;
  ASSERT_PSA(PSA_SUCCESS, SetupJpake(&a, Password(TEST_OPAQUE_LOCATION), "client", "server"));
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE, psa_pake_input(&a, PSA_PAKE_STEP_KEY_SHARE, buffer, 65));
  EXPECT_PSA(PSA_SUCCESS, psa_pake_abort(&a));
  EXPECT_EQ(test_opaque_hooks.hits.pake_setup, 1u);
  EXPECT_EQ(test_opaque_hooks.hits.export_key, 0u);
  EXPECT_EQ(PakeCalls(test_a_hooks.hits), 0u);
}

TEST_F(PakeDispatch, OpaqueDriverErrorMidwayFailsTheOperation) {
  psa_pake_operation_t a = PSA_PAKE_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, SetupJpake(&a, Password(TEST_OPAQUE_LOCATION), "client", "server"));
  uint8_t buffer[PSA_PAKE_OUTPUT_MAX_SIZE];
  size_t length = 0;
  ASSERT_PSA(PSA_SUCCESS, psa_pake_output(&a, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length));
  test_opaque_hooks.forced.pake_output = PSA_ERROR_HARDWARE_FAILURE;
  EXPECT_PSA(PSA_ERROR_HARDWARE_FAILURE,
             psa_pake_output(&a, PSA_PAKE_STEP_ZK_PUBLIC, buffer, sizeof(buffer), &length));
  EXPECT_EQ(length, 0u);
  EXPECT_PSA(PSA_SUCCESS, psa_pake_abort(&a));
  EXPECT_EQ(test_opaque_hooks.hits.pake_abort, 1u);
}

TEST_F(PakeDispatch, OpaquePasswordWhoseDriverLacksPakeIsNotSupported) {
  // PAKE has no export fallback: the password stays in its location.
  psa_pake_operation_t a = PSA_PAKE_OPERATION_INIT;
  ASSERT_PSA(PSA_SUCCESS, SetupJpake(&a, Password(TEST_OPAQUE_STATIC_LOCATION), "client", "server"));
  uint8_t buffer[PSA_PAKE_OUTPUT_MAX_SIZE];
  size_t length = 0;
  EXPECT_PSA(PSA_ERROR_NOT_SUPPORTED, psa_pake_output(&a, PSA_PAKE_STEP_KEY_SHARE, buffer, sizeof(buffer), &length));
  EXPECT_PSA(PSA_SUCCESS, psa_pake_abort(&a));
  EXPECT_EQ(test_opaque_static_hooks.hits.export_key, 0u);
  EXPECT_EQ(PakeCalls(test_a_hooks.hits), 0u);
  EXPECT_EQ(PakeCalls(test_opaque_hooks.hits), 0u);
}

}  // namespace
}  // namespace psa::testing
