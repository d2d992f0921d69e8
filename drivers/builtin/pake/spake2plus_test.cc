// SPAKE2+ protocol unit: RFC 9383 Appendix C (P256-SHA256-HKDF-SHA256-
// HMAC-SHA256) and the draft-01 vector of the Matter key schedule with the
// fixed x and y, both roles; random runs for every variant; wrong keys and
// tampered messages.

#include "drivers/builtin/pake/spake2plus.h"

#include <string.h>

#include <string>
#include <vector>

#include "drivers/builtin/pake/test_hex.h"
#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace drivers::builtin::pake {
namespace {

struct Vector {
  const char* name;
  Spake2pVariant variant;
  const char* context;
  const char* w0;
  const char* w1;
  const char* l;
  const char* x;
  const char* y;
  const char* share_p;
  const char* share_v;
  const char* confirm_p;
  const char* confirm_v;
  const char* shared;
};

// RFC 9383 Appendix C, and draft-bar-cfrg-spake2plus-01 (the vector
// Matter implementations test against), identities "client" / "server".
const Vector kVectors[] = {
    {"RFC9383", Spake2pVariant::kHmac, "SPAKE2+-P256-SHA256-HKDF-SHA256-HMAC-SHA256 Test Vectors",
     "bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca77102994f23ad95491b3",
     "7e945f34d78785b8a3ef44d0df5a1a97d6b3b460409a345ca7830387a74b1dba",
     "04eb7c9db3d9a9eb1f8adab81b5794c1f13ae3e225efbe91ea487425854c7fc00f00bfedcbd09b2400142d40a14f2064ef31dfaa903b91"
     "d1faea7093d835966efd",
     "d1232c8e8693d02368976c174e2088851b8365d0d79a9eee709c6a05a2fad539",
     "717a72348a182085109c8d3917d6c43d59b224dc6a7fc4f0483232fa6516d8b3",
     "04ef3bd051bf78a2234ec0df197f7828060fe9856503579bb1733009042c15c0c1de127727f418b5966afadfdd95a6e4591d171056b333"
     "dab97a79c7193e341727",
     "04c0f65da0d11927bdf5d560c69e1d7d939a05b0e88291887d679fcadea75810fb5cc1ca7494db39e82ff2f50665255d76173e09986ab4"
     "6742c798a9a68437b048",
     "926cc713504b9b4d76c9162ded04b5493e89109f6d89462cd33adc46fda27527",
     "9747bcc4f8fe9f63defee53ac9b07876d907d55047e6ff2def2e7529089d3e68",
     "0c5f8ccd1413423a54f6c1fb26ff01534a87f893779c6e68666d772bfd91f3e7"},
    {"Matter draft-01", Spake2pVariant::kMatter, "SPAKE2+-P256-SHA256-HKDF draft-01",
     "e6887cf9bdfb7579c69bf47928a84514b5e355ac034863f7ffaf4390e67d798c",
     "24b5ae4abda868ec9336ffc3b78ee31c5755bef1759227ef5372ca139b94e512",
     "0495645cfb74df6e58f9748bb83a86620bab7c82e107f57d6870da8cbcb2ff9f7063a14b6402c62f99afcb9706a4d1a143273259fe76f1"
     "c605a3639745a92154b9",
     "8b0f3f383905cf3a3bb955ef8fb62e24849dd349a05ca79aafb18041d30cbdb6",
     "2e0895b0e763d6d5a9564433e64ac3cac74ff897f6c3445247ba1bab40082a91",
     "04af09987a593d3bac8694b123839422c3cc87e37d6b41c1d630f000dd64980e537ae704bcede04ea3bec9b7475b32fa2ca3b684be14d1"
     "1645e38ea6609eb39e7e",
     "04417592620aebf9fd203616bbb9f121b730c258b286f890c5f19fea833a9c900cbe9057bc549a3e19975be9927f0e7614f08d1f0a108e"
     "ede5fd7eb5624584a4f4",
     "d4376f2da9c72226dd151b77c2919071155fc22a2068d90b5faa6c78c11e77dd",
     "0660a680663e8c5695956fb22dff298b1d07a526cf3cc591adfecd1f6ef6e02e",
     "801db297654816eb4f02868129b9dc89"},
};

std::vector<uint8_t> Concat(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
  std::vector<uint8_t> out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

class Spake2pTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(psa_crypto_init(), PSA_SUCCESS); }

  static Spake2pState Party(Spake2pVariant variant, bool prover, const std::vector<uint8_t>& key, bool is_public,
                            const std::string* context, psa_status_t expected = PSA_SUCCESS) {
    Spake2pState state;
    memset(&state, 0, sizeof(state));
    const std::string p = "client", v = "server";
    EXPECT_EQ(Spake2pSetup(&state, variant, prover, key.data(), key.size(), is_public,
                           reinterpret_cast<const uint8_t*>(p.data()), p.size(),
                           reinterpret_cast<const uint8_t*>(v.data()), v.size(),
                           context ? reinterpret_cast<const uint8_t*>(context->data()) : nullptr,
                           context ? context->size() : 0),
              expected);
    return state;
  }

  static std::vector<uint8_t> Out(Spake2pState* state, psa_crypto_driver_pake_step_t step) {
    std::vector<uint8_t> buffer(kPointSize);
    size_t length = 0;
    EXPECT_EQ(Spake2pOutput(state, step, buffer.data(), buffer.size(), &length), PSA_SUCCESS);
    buffer.resize(length);
    return buffer;
  }

  static psa_status_t In(Spake2pState* state, psa_crypto_driver_pake_step_t step, const std::vector<uint8_t>& in) {
    return Spake2pInput(state, step, in.data(), in.size());
  }

  static std::vector<uint8_t> Shared(Spake2pState* state) {
    std::vector<uint8_t> key(kSpake2pMaxSharedKeySize);
    size_t length = 0;
    EXPECT_EQ(Spake2pSharedKey(state, key.data(), key.size(), &length), PSA_SUCCESS);
    key.resize(length);
    return key;
  }
};

TEST_F(Spake2pTest, KnownAnswersBothRoles) {
  for (const Vector& v : kVectors) {
    SCOPED_TRACE(v.name);
    const std::string context = v.context;
    const std::vector<uint8_t> pair = Concat(Hex(v.w0), Hex(v.w1));
    const std::vector<uint8_t> pub = Concat(Hex(v.w0), Hex(v.l));
    Spake2pState prover = Party(v.variant, true, pair, false, &context);
    Spake2pState verifier = Party(v.variant, false, pub, true, &context);
    ASSERT_EQ(Spake2pSetEphemeralForTesting(&prover, Hex(v.x).data()), PSA_SUCCESS);
    ASSERT_EQ(Spake2pSetEphemeralForTesting(&verifier, Hex(v.y).data()), PSA_SUCCESS);

    const std::vector<uint8_t> share_p = Out(&prover, PSA_SPAKE2P_STEP_SHARE_P);
    EXPECT_EQ(share_p, Hex(v.share_p));
    ASSERT_EQ(In(&verifier, PSA_SPAKE2P_STEP_SHARE_P, share_p), PSA_SUCCESS);
    const std::vector<uint8_t> share_v = Out(&verifier, PSA_SPAKE2P_STEP_SHARE_V);
    EXPECT_EQ(share_v, Hex(v.share_v));
    const std::vector<uint8_t> confirm_v = Out(&verifier, PSA_SPAKE2P_STEP_CONFIRM_V);
    EXPECT_EQ(confirm_v, Hex(v.confirm_v));
    ASSERT_EQ(In(&prover, PSA_SPAKE2P_STEP_SHARE_V, share_v), PSA_SUCCESS);
    ASSERT_EQ(In(&prover, PSA_SPAKE2P_STEP_CONFIRM_V, confirm_v), PSA_SUCCESS);
    const std::vector<uint8_t> confirm_p = Out(&prover, PSA_SPAKE2P_STEP_CONFIRM_P);
    EXPECT_EQ(confirm_p, Hex(v.confirm_p));
    ASSERT_EQ(In(&verifier, PSA_SPAKE2P_STEP_CONFIRM_P, confirm_p), PSA_SUCCESS);
    EXPECT_EQ(Shared(&prover), Hex(v.shared));
    EXPECT_EQ(Shared(&verifier), Hex(v.shared));
    Spake2pWipe(&prover);
    Spake2pWipe(&verifier);
  }
}

// A verifier holding the key pair computes L = w1*G itself.
TEST_F(Spake2pTest, VerifierWithTheKeyPairMatchesTheVector) {
  const Vector& v = kVectors[0];
  const std::string context = v.context;
  Spake2pState verifier = Party(v.variant, false, Concat(Hex(v.w0), Hex(v.w1)), false, &context);
  ASSERT_EQ(Spake2pSetEphemeralForTesting(&verifier, Hex(v.y).data()), PSA_SUCCESS);
  ASSERT_EQ(In(&verifier, PSA_SPAKE2P_STEP_SHARE_P, Hex(v.share_p)), PSA_SUCCESS);
  EXPECT_EQ(Out(&verifier, PSA_SPAKE2P_STEP_SHARE_V), Hex(v.share_v));
  EXPECT_EQ(Out(&verifier, PSA_SPAKE2P_STEP_CONFIRM_V), Hex(v.confirm_v));
}

// Random runs of every variant, with and without a context, agree; the
// unconfirmed key equals the confirmed one.
TEST_F(Spake2pTest, RandomRunsAgree) {
  const Vector& v = kVectors[0];
  const std::string context = "ctx";
  for (Spake2pVariant variant : {Spake2pVariant::kHmac, Spake2pVariant::kCmac, Spake2pVariant::kMatter}) {
    for (const std::string* c : {&context, static_cast<const std::string*>(nullptr)}) {
      Spake2pState prover = Party(variant, true, Concat(Hex(v.w0), Hex(v.w1)), false, c);
      Spake2pState verifier = Party(variant, false, Concat(Hex(v.w0), Hex(v.l)), true, c);
      ASSERT_EQ(In(&verifier, PSA_SPAKE2P_STEP_SHARE_P, Out(&prover, PSA_SPAKE2P_STEP_SHARE_P)), PSA_SUCCESS);
      ASSERT_EQ(In(&prover, PSA_SPAKE2P_STEP_SHARE_V, Out(&verifier, PSA_SPAKE2P_STEP_SHARE_V)), PSA_SUCCESS);
      const std::vector<uint8_t> unconfirmed = Shared(&prover);
      const std::vector<uint8_t> confirm_v = Out(&verifier, PSA_SPAKE2P_STEP_CONFIRM_V);
      EXPECT_EQ(confirm_v.size(), Spake2pConfirmLength(variant));
      ASSERT_EQ(In(&prover, PSA_SPAKE2P_STEP_CONFIRM_V, confirm_v), PSA_SUCCESS);
      ASSERT_EQ(In(&verifier, PSA_SPAKE2P_STEP_CONFIRM_P, Out(&prover, PSA_SPAKE2P_STEP_CONFIRM_P)), PSA_SUCCESS);
      EXPECT_EQ(Shared(&prover), unconfirmed);
      EXPECT_EQ(Shared(&verifier), unconfirmed);
      EXPECT_EQ(unconfirmed.size(), Spake2pSharedKeyLength(variant));
    }
  }
}

// The prover with another password (w0, w1) fails the verifier's
// confirmation; a changed context does too.
TEST_F(Spake2pTest, WrongPasswordFailsConfirmation) {
  const Vector& v = kVectors[0];
  const std::string context = v.context, other_context = "other";
  std::vector<uint8_t> w1 = Hex(v.w1);
  w1[31] ^= 0x01;
  struct Case {
    std::vector<uint8_t> prover_key;
    const std::string* prover_context;
  } cases[] = {{Concat(Hex(v.w0), w1), &context}, {Concat(Hex(v.w0), Hex(v.w1)), &other_context},
               {Concat(Hex(v.w0), Hex(v.w1)), nullptr}};
  for (const Case& c : cases) {
    Spake2pState prover = Party(Spake2pVariant::kHmac, true, c.prover_key, false, c.prover_context);
    Spake2pState verifier = Party(Spake2pVariant::kHmac, false, Concat(Hex(v.w0), Hex(v.l)), true, &context);
    ASSERT_EQ(In(&verifier, PSA_SPAKE2P_STEP_SHARE_P, Out(&prover, PSA_SPAKE2P_STEP_SHARE_P)), PSA_SUCCESS);
    ASSERT_EQ(In(&prover, PSA_SPAKE2P_STEP_SHARE_V, Out(&verifier, PSA_SPAKE2P_STEP_SHARE_V)), PSA_SUCCESS);
    EXPECT_EQ(In(&prover, PSA_SPAKE2P_STEP_CONFIRM_V, Out(&verifier, PSA_SPAKE2P_STEP_CONFIRM_V)),
              PSA_ERROR_INVALID_SIGNATURE);
  }
}

TEST_F(Spake2pTest, TamperedMessagesAreRefused) {
  const Vector& v = kVectors[0];
  const std::string context = v.context;
  const std::vector<uint8_t> pair = Concat(Hex(v.w0), Hex(v.w1));
  const std::vector<uint8_t> pub = Concat(Hex(v.w0), Hex(v.l));
  // shareP: a flipped coordinate leaves the curve.
  {
    Spake2pState verifier = Party(Spake2pVariant::kHmac, false, pub, true, &context);
    std::vector<uint8_t> share = Hex(v.share_p);
    share[64] ^= 0x01;
    EXPECT_EQ(In(&verifier, PSA_SPAKE2P_STEP_SHARE_P, share), PSA_ERROR_INVALID_ARGUMENT);
    // The identity, a compressed point and w0*M itself are refused too.
    EXPECT_EQ(In(&verifier, PSA_SPAKE2P_STEP_SHARE_P, std::vector<uint8_t>{0x00}), PSA_ERROR_INVALID_ARGUMENT);
    const std::vector<uint8_t> uncompressed = Hex(v.share_p);
    std::vector<uint8_t> compressed(uncompressed.begin(), uncompressed.begin() + 33);
    compressed[0] = 0x02;
    EXPECT_EQ(In(&verifier, PSA_SPAKE2P_STEP_SHARE_P, compressed), PSA_ERROR_INVALID_ARGUMENT);
  }
  // shareV tampered: off the curve.
  {
    Spake2pState prover = Party(Spake2pVariant::kHmac, true, pair, false, &context);
    Out(&prover, PSA_SPAKE2P_STEP_SHARE_P);
    std::vector<uint8_t> share = Hex(v.share_v);
    share[10] ^= 0x80;
    EXPECT_EQ(In(&prover, PSA_SPAKE2P_STEP_SHARE_V, share), PSA_ERROR_INVALID_ARGUMENT);
  }
  // Confirmations: any changed byte, a short or long value.
  for (size_t byte : {size_t{0}, size_t{17}, size_t{31}}) {
    Spake2pState prover = Party(Spake2pVariant::kHmac, true, pair, false, &context);
    Spake2pState verifier = Party(Spake2pVariant::kHmac, false, pub, true, &context);
    ASSERT_EQ(In(&verifier, PSA_SPAKE2P_STEP_SHARE_P, Out(&prover, PSA_SPAKE2P_STEP_SHARE_P)), PSA_SUCCESS);
    ASSERT_EQ(In(&prover, PSA_SPAKE2P_STEP_SHARE_V, Out(&verifier, PSA_SPAKE2P_STEP_SHARE_V)), PSA_SUCCESS);
    std::vector<uint8_t> confirm_v = Out(&verifier, PSA_SPAKE2P_STEP_CONFIRM_V);
    std::vector<uint8_t> tampered = confirm_v;
    tampered[byte] ^= 0x04;
    EXPECT_EQ(In(&prover, PSA_SPAKE2P_STEP_CONFIRM_V, tampered), PSA_ERROR_INVALID_SIGNATURE);
    EXPECT_EQ(Spake2pInput(&prover, PSA_SPAKE2P_STEP_CONFIRM_V, confirm_v.data(), 31), PSA_ERROR_INVALID_SIGNATURE);
    ASSERT_EQ(In(&prover, PSA_SPAKE2P_STEP_CONFIRM_V, confirm_v), PSA_SUCCESS);
    std::vector<uint8_t> confirm_p = Out(&prover, PSA_SPAKE2P_STEP_CONFIRM_P);
    confirm_p[byte] ^= 0x04;
    EXPECT_EQ(In(&verifier, PSA_SPAKE2P_STEP_CONFIRM_P, confirm_p), PSA_ERROR_INVALID_SIGNATURE);
    uint8_t key[32];
    size_t length = 0;
    EXPECT_EQ(Spake2pSharedKey(&verifier, key, sizeof(key), &length), PSA_ERROR_BAD_STATE);
  }
}

TEST_F(Spake2pTest, InvalidKeysAndOrder) {
  const Vector& v = kVectors[0];
  const std::vector<uint8_t> n = Hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
  const std::vector<uint8_t> zero(32, 0);
  Party(Spake2pVariant::kHmac, true, Concat(n, Hex(v.w1)), false, nullptr, PSA_ERROR_INVALID_ARGUMENT);
  Party(Spake2pVariant::kHmac, true, Concat(Hex(v.w0), zero), false, nullptr, PSA_ERROR_INVALID_ARGUMENT);
  Party(Spake2pVariant::kHmac, true, Concat(Hex(v.w0), Hex(v.l)), true, nullptr, PSA_ERROR_INVALID_ARGUMENT);
  std::vector<uint8_t> bad_l = Hex(v.l);
  bad_l[64] ^= 1;
  Party(Spake2pVariant::kHmac, false, Concat(Hex(v.w0), bad_l), true, nullptr, PSA_ERROR_INVALID_ARGUMENT);

  Spake2pState prover = Party(Spake2pVariant::kHmac, true, Concat(Hex(v.w0), Hex(v.w1)), false, nullptr);
  uint8_t buffer[kPointSize];
  size_t length = 0;
  EXPECT_EQ(Spake2pOutput(&prover, PSA_SPAKE2P_STEP_CONFIRM_P, buffer, sizeof(buffer), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(Spake2pOutput(&prover, PSA_SPAKE2P_STEP_SHARE_V, buffer, sizeof(buffer), &length), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(Spake2pInput(&prover, PSA_SPAKE2P_STEP_SHARE_P, buffer, sizeof(buffer)), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(Spake2pOutput(&prover, PSA_SPAKE2P_STEP_SHARE_P, buffer, 64, &length), PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(Spake2pSharedKey(&prover, buffer, sizeof(buffer), &length), PSA_ERROR_BAD_STATE);
  Spake2pWipe(&prover);
}

}  // namespace
}  // namespace drivers::builtin::pake
