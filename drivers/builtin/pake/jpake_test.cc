// EC J-PAKE protocol unit: the Mbed TLS ecjpake reference handshake (known
// answers with fixed ephemeral keys), two-party runs, and rejection of
// every tampered or out-of-order message.

#include "drivers/builtin/pake/jpake.h"

#include <string.h>

#include <string>
#include <vector>

#include "drivers/builtin/pake/test_hex.h"
#include "gtest/gtest.h"
#include "mbedtls/sha256.h"
#include "psa/crypto.h"

namespace drivers::builtin::pake {
namespace {

// Mbed TLS 2.28 library/ecjpake.c self-test ("reference handshake",
// Apache-2.0, Copyright The Mbed TLS Contributors): password
// "threadjpaketest", client x1, x2, server x3, x4, the messages of both
// sides split into the PSA steps (the TLS length bytes and the server's
// round-two ECParameters removed), and PMS = SHA-256(K.x).
const char kPassword[] = "threadjpaketest";
const char kX1[] = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f21";
const char kX2[] = "6162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f81";
const char kX3[] = "6162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f81";
const char kX4[] = "c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe1";
const char* const kClientRoundOne[] = {
    "04accf0106ef858fa2d919331346805a78b58bbad0b844e5c7892879146187dd2666ada781bb7f111372251a8910621f634df128ac48e381fd6ef9060731f694a4",
    "041dd0bd5d4566c9bed9ce7de701b5e82e08e84b730466018ab903c79eb982172236c0c1728ae4bf73610d34de44246ef3d9c05a2236fb66a6583d7449308babce",
    "72fe16662992e9235c25002f11b15087b82738e03c945bf7a2995dda1e983458",
    "047ea6e3a4487037a9e0dbd79262b2cc273e779930fc18409ac5361c5fe669d702e147790aeb4ce7fd6575ab0f6c7fd1c335939aa863ba37ec91b7e32bb013bb2b",
    "04a49558d32ed1ebfc1816af4ff09b55fcb4ca47b2a02d1e7caf1179ea3fe1395b22b861964016fabaf72c975695d93d4df0e5197fe9f040634ed59764937787be",
    "bc4deebbf9b8d60a335f046ca3aa941e45864c7cadef9cf75b3d8b010e443ef0",
};

const char* const kServerRoundOne[] = {
    "047ea6e3a4487037a9e0dbd79262b2cc273e779930fc18409ac5361c5fe669d702e147790aeb4ce7fd6575ab0f6c7fd1c335939aa863ba37ec91b7e32bb013bb2b",
    "0409f85b3d20ebd7885ce464c08d056d6428fe4dd9287aa365f131f4360ff386d846898bc4b41583c2a5197f65d78742746c12a5ec0a4ffe2f270a750a1d8fb516",
    "934d74eb43e54df424fd96306c0117bf131afabf90a9d33d1198d90519373514",
    "04190a07700ffa4be6ae1d79ee0f06aeb544cd5addaabedf70f8623321332c54f355f0fbfec783ed359e5d0bf7377a0fc4ea7ace473c9c112b41ccd41ac56a5612",
    "04360a1cea33fce641156458e0a4eac219e96831e6aebc88b3f3752f93a0281d1bf1fb106051db9694a8d6e862a5ef1324a3d9e27894f1ee4f7c59199965a8dd4a",
    "91847d2d22df3ee55faa2a3fb33fd2d1e055a07a7c61ecfb8d80ec00c2c9eb12",
};

const char* const kServerRoundTwo[] = {
    "040fb22b1d5d1123e0ef9feb9d8a2e590a1f4d7ced2c2b06586e8f2a16d4eb2fda4328a20b07d8fd667654ca18c54e32a333a0845451e926ee8804fd7af0aaa7a6",
    "045516ea3e54a0d5d8b2ce786b38d383370029a5dbe4459c9dd601b408a24ae6465c8ac905b9eb03b5d3691c139ef83f1cd4200f6c9cd4ec392218a59ed243d3c8",
    "ff724a9a70b88cb86f20b434c6865aa1cd7906dd7c9bce3525f508276f26836c",
};

const char* const kClientRoundTwo[] = {
    "0469d54ee85e90ce3f1246742de507e939e81d1dc1c5cb988b58c310c9fdd9524d93720b45541c83ee8841191da7ced86e3312d43623c1d63e74989aba4affd1ee",
    "04077e8c31e20e6bedb760c13593e69f15be85c27d68cd09ccb8c4183608917c5c3d409fac39fefee82f7292d36f0d23e055913f45a52b85dd8a2052e9e129bb4d",
    "0f011f19483535a6e89a580c9b0003baf21462ece91a82cc38dbdcae60d9c54c",
};

const char kPms[] = "f3d47f599844db92a569bbe7981e39d931fd743bf22e98f9b438f719d3c4f351";

constexpr psa_crypto_driver_pake_step_t kRoundOne[] = {
    PSA_JPAKE_X1_STEP_KEY_SHARE, PSA_JPAKE_X1_STEP_ZK_PUBLIC, PSA_JPAKE_X1_STEP_ZK_PROOF,
    PSA_JPAKE_X2_STEP_KEY_SHARE, PSA_JPAKE_X2_STEP_ZK_PUBLIC, PSA_JPAKE_X2_STEP_ZK_PROOF};
constexpr psa_crypto_driver_pake_step_t kOutputRoundTwo[] = {
    PSA_JPAKE_X2S_STEP_KEY_SHARE, PSA_JPAKE_X2S_STEP_ZK_PUBLIC, PSA_JPAKE_X2S_STEP_ZK_PROOF};
constexpr psa_crypto_driver_pake_step_t kInputRoundTwo[] = {
    PSA_JPAKE_X4S_STEP_KEY_SHARE, PSA_JPAKE_X4S_STEP_ZK_PUBLIC, PSA_JPAKE_X4S_STEP_ZK_PROOF};

using Message = std::vector<std::vector<uint8_t>>;

class JpakeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }

  // A party with `password` and identities, optionally with fixed x1, x2.
  static JpakeState Party(const std::string& password, const std::string& user, const std::string& peer,
                          const char* x1 = nullptr, const char* x2 = nullptr) {
    JpakeState state;
    memset(&state, 0, sizeof(state));
    EXPECT_EQ(JpakeSetup(&state, reinterpret_cast<const uint8_t*>(password.data()), password.size(),
                         reinterpret_cast<const uint8_t*>(user.data()), user.size(),
                         reinterpret_cast<const uint8_t*>(peer.data()), peer.size()),
              PSA_SUCCESS);
    if (x1 != nullptr) {
      EXPECT_EQ(JpakeSetEphemeralForTesting(&state, Hex(x1).data(), Hex(x2).data()), PSA_SUCCESS);
    }
    return state;
  }

  template <size_t N>
  static Message Output(JpakeState* state, const psa_crypto_driver_pake_step_t (&steps)[N]) {
    Message message;
    for (psa_crypto_driver_pake_step_t step : steps) {
      std::vector<uint8_t> buffer(kPointSize);
      size_t length = 0;
      EXPECT_EQ(JpakeOutput(state, step, buffer.data(), buffer.size(), &length), PSA_SUCCESS) << int(step);
      buffer.resize(length);
      message.push_back(buffer);
    }
    return message;
  }

  template <size_t N>
  static psa_status_t Input(JpakeState* state, const psa_crypto_driver_pake_step_t (&steps)[N],
                            const Message& message) {
    for (size_t i = 0; i < N; ++i) {
      const psa_status_t status = JpakeInput(state, steps[i], message[i].data(), message[i].size());
      if (status != PSA_SUCCESS) return status;
    }
    return PSA_SUCCESS;
  }

  template <size_t N>
  static Message Reference(const char* const (&hex)[N]) {
    Message message;
    for (const char* h : hex) message.push_back(Hex(h));
    return message;
  }

  static std::vector<uint8_t> Secret(JpakeState* state) {
    std::vector<uint8_t> k(kJpakeSharedSecretSize);
    size_t length = 0;
    EXPECT_EQ(JpakeSharedSecret(state, k.data(), k.size(), &length), PSA_SUCCESS);
    k.resize(length);
    return k;
  }

  // SHA-256 of the x-coordinate: PSA_ALG_TLS12_ECJPAKE_TO_PMS.
  static std::vector<uint8_t> Pms(const std::vector<uint8_t>& k) {
    std::vector<uint8_t> pms(32);
    EXPECT_EQ(k.size(), kPointSize);
    EXPECT_EQ(mbedtls_sha256_ret(k.data() + 1, 32, pms.data(), 0), 0);
    return pms;
  }
};

TEST_F(JpakeTest, ServerMatchesTheMbedtlsReferenceHandshake) {
  JpakeState server = Party(kPassword, "server", "client", kX3, kX4);
  ASSERT_EQ(Input(&server, kRoundOne, Reference(kClientRoundOne)), PSA_SUCCESS);
  const Message round_one = Output(&server, kRoundOne);
  EXPECT_EQ(round_one[0], Hex(kServerRoundOne[0]));  // X3 = x3*G
  EXPECT_EQ(round_one[3], Hex(kServerRoundOne[3]));  // X4 = x4*G
  ASSERT_EQ(Input(&server, kInputRoundTwo, Reference(kClientRoundTwo)), PSA_SUCCESS);
  const Message round_two = Output(&server, kOutputRoundTwo);
  EXPECT_EQ(round_two[0], Hex(kServerRoundTwo[0]));  // B = (x4*s)*(X1+X2+X3)
  EXPECT_EQ(Pms(Secret(&server)), Hex(kPms));
  JpakeWipe(&server);
}

TEST_F(JpakeTest, ClientMatchesTheMbedtlsReferenceHandshake) {
  JpakeState client = Party(kPassword, "client", "server", kX1, kX2);
  const Message round_one = Output(&client, kRoundOne);
  EXPECT_EQ(round_one[0], Hex(kClientRoundOne[0]));
  EXPECT_EQ(round_one[3], Hex(kClientRoundOne[3]));
  ASSERT_EQ(Input(&client, kRoundOne, Reference(kServerRoundOne)), PSA_SUCCESS);
  const Message round_two = Output(&client, kOutputRoundTwo);
  EXPECT_EQ(round_two[0], Hex(kClientRoundTwo[0]));  // A = (x2*s)*(X1+X3+X4)
  ASSERT_EQ(Input(&client, kInputRoundTwo, Reference(kServerRoundTwo)), PSA_SUCCESS);
  EXPECT_EQ(Pms(Secret(&client)), Hex(kPms));
  JpakeWipe(&client);
}

// Our randomized proofs verify under the other side's implementation of
// the same code, and both sides agree on K.
TEST_F(JpakeTest, TwoPartiesAgree) {
  JpakeState a = Party("password", "client", "server");
  JpakeState b = Party("password", "server", "client");
  const Message a1 = Output(&a, kRoundOne);
  ASSERT_EQ(Input(&b, kRoundOne, a1), PSA_SUCCESS);
  const Message b1 = Output(&b, kRoundOne);
  ASSERT_EQ(Input(&a, kRoundOne, b1), PSA_SUCCESS);
  const Message a2 = Output(&a, kOutputRoundTwo);
  const Message b2 = Output(&b, kOutputRoundTwo);
  ASSERT_EQ(Input(&a, kInputRoundTwo, b2), PSA_SUCCESS);
  ASSERT_EQ(Input(&b, kInputRoundTwo, a2), PSA_SUCCESS);
  const std::vector<uint8_t> ka = Secret(&a);
  EXPECT_EQ(ka, Secret(&b));
  EXPECT_EQ(ka.size(), kPointSize);
  EXPECT_EQ(ka[0], 0x04);
  JpakeWipe(&a);
  JpakeWipe(&b);
}

TEST_F(JpakeTest, DifferentPasswordsGiveDifferentSecrets) {
  JpakeState a = Party("password", "client", "server");
  JpakeState b = Party("passw0rd", "server", "client");
  ASSERT_EQ(Input(&b, kRoundOne, Output(&a, kRoundOne)), PSA_SUCCESS);
  ASSERT_EQ(Input(&a, kRoundOne, Output(&b, kRoundOne)), PSA_SUCCESS);
  const Message a2 = Output(&a, kOutputRoundTwo);
  ASSERT_EQ(Input(&a, kInputRoundTwo, Output(&b, kOutputRoundTwo)), PSA_SUCCESS);
  ASSERT_EQ(Input(&b, kInputRoundTwo, a2), PSA_SUCCESS);
  EXPECT_NE(Secret(&a), Secret(&b));
}

// The proofs bind the prover's identity: a peer identity that differs from
// the one the peer proved with fails the first proof.
TEST_F(JpakeTest, WrongPeerIdentityFailsTheProof) {
  JpakeState server = Party(kPassword, "server", "someone else");
  const Message client_one = Reference(kClientRoundOne);
  EXPECT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_KEY_SHARE, client_one[0].data(), client_one[0].size()),
            PSA_SUCCESS);
  EXPECT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_ZK_PUBLIC, client_one[1].data(), client_one[1].size()),
            PSA_SUCCESS);
  EXPECT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_ZK_PROOF, client_one[2].data(), client_one[2].size()),
            PSA_ERROR_INVALID_SIGNATURE);
}

// Every message of the reference client, with one byte changed, is refused
// by the server: points no longer on the curve are malformed, changed
// proof values fail verification.
TEST_F(JpakeTest, EveryTamperedInputIsRefused) {
  const Message client_one = Reference(kClientRoundOne);
  const Message client_two = Reference(kClientRoundTwo);
  for (size_t position = 0; position < 9; ++position) {
    for (size_t byte : {size_t{1}, size_t{20}, size_t{31}}) {
      SCOPED_TRACE(::testing::Message() << "position " << position << " byte " << byte);
      JpakeState server = Party(kPassword, "server", "client", kX3, kX4);
      Message one = client_one, two = client_two;
      std::vector<uint8_t>& target = position < 6 ? one[position] : two[position - 6];
      target[byte] ^= 0x01;
      psa_status_t status = Input(&server, kRoundOne, one);
      if (status == PSA_SUCCESS) {
        Output(&server, kRoundOne);
        status = Input(&server, kInputRoundTwo, two);
      }
      // Key shares and ZK publics: off the curve (INVALID_ARGUMENT) or a
      // different point whose proof fails; proofs: INVALID_SIGNATURE.
      EXPECT_TRUE(status == PSA_ERROR_INVALID_SIGNATURE || status == PSA_ERROR_INVALID_ARGUMENT) << status;
      if (position % 3 == 2) {
        EXPECT_EQ(status, PSA_ERROR_INVALID_SIGNATURE);
      }
      JpakeWipe(&server);
    }
  }
}

TEST_F(JpakeTest, MalformedValuesAreInvalidArguments) {
  JpakeState server = Party(kPassword, "server", "client");
  const Message one = Reference(kClientRoundOne);
  std::vector<uint8_t> identity(kPointSize, 0);
  EXPECT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_KEY_SHARE, identity.data(), 1), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_KEY_SHARE, one[0].data(), 64), PSA_ERROR_INVALID_ARGUMENT);
  std::vector<uint8_t> compressed(one[0].begin(), one[0].begin() + 33);
  compressed[0] = 0x02;
  EXPECT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_KEY_SHARE, compressed.data(), compressed.size()),
            PSA_ERROR_INVALID_ARGUMENT);
  ASSERT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_KEY_SHARE, one[0].data(), one[0].size()), PSA_SUCCESS);
  ASSERT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_ZK_PUBLIC, one[1].data(), one[1].size()), PSA_SUCCESS);
  // r must be 1..32 bytes and below n.
  std::vector<uint8_t> too_long(33, 0x01);
  EXPECT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_ZK_PROOF, too_long.data(), too_long.size()),
            PSA_ERROR_INVALID_ARGUMENT);
  std::vector<uint8_t> ff(32, 0xff);
  EXPECT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_ZK_PROOF, ff.data(), ff.size()), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_ZK_PROOF, ff.data(), 0), PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(JpakeInput(&server, PSA_JPAKE_X1_STEP_ZK_PROOF, one[2].data(), one[2].size()), PSA_SUCCESS);
}

TEST_F(JpakeTest, StepsOutOfOrderAreBadState) {
  JpakeState a = Party("password", "client", "server");
  uint8_t buffer[kPointSize];
  size_t length = 0;
  EXPECT_EQ(JpakeOutput(&a, PSA_JPAKE_X1_STEP_ZK_PUBLIC, buffer, sizeof(buffer), &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(JpakeOutput(&a, PSA_JPAKE_X2S_STEP_KEY_SHARE, buffer, sizeof(buffer), &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(JpakeOutput(&a, PSA_JPAKE_X1_STEP_KEY_SHARE, buffer, 64, &length), PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(JpakeInput(&a, PSA_JPAKE_X4S_STEP_KEY_SHARE, buffer, sizeof(buffer)), PSA_ERROR_BAD_STATE);
  Output(&a, kRoundOne);
  // Round two before the peer's round one.
  EXPECT_EQ(JpakeOutput(&a, PSA_JPAKE_X2S_STEP_KEY_SHARE, buffer, sizeof(buffer), &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(JpakeSharedSecret(&a, buffer, sizeof(buffer), &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  JpakeWipe(&a);
  EXPECT_EQ(JpakeOutput(&a, PSA_JPAKE_X1_STEP_KEY_SHARE, buffer, sizeof(buffer), &length), PSA_ERROR_BAD_STATE);
}

TEST_F(JpakeTest, PasswordZeroModuloTheOrderIsRefused) {
  JpakeState state;
  memset(&state, 0, sizeof(state));
  const std::vector<uint8_t> n = Hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
  EXPECT_EQ(JpakeSetup(&state, n.data(), n.size(), nullptr, 0, nullptr, 0), PSA_ERROR_INVALID_ARGUMENT);
  const uint8_t zeros[4] = {0, 0, 0, 0};
  EXPECT_EQ(JpakeSetup(&state, zeros, sizeof(zeros), nullptr, 0, nullptr, 0), PSA_ERROR_INVALID_ARGUMENT);
  std::vector<uint8_t> long_id(kJpakeMaxIdLength + 1, 'a');
  EXPECT_EQ(JpakeSetup(&state, n.data(), 3, long_id.data(), long_id.size(), nullptr, 0), PSA_ERROR_NOT_SUPPORTED);
}

}  // namespace
}  // namespace drivers::builtin::pake
