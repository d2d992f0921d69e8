#include "psa/core/hmac_drbg.h"

#include <stdint.h>
#include <string.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "psa/core/testing/fake_dispatch.h"
#include "psa/core/testing/test_util.h"

namespace psa::core {
namespace {

using ::psa::core::testing::FailFakeHashCalls;
using ::psa::core::testing::FromHex;
using ::psa::core::testing::HashEntryPoint;
using ::psa::core::testing::ResetFakeDispatch;
using ::psa::core::testing::ToHex;
using Bytes = HmacDrbg::Bytes;

// NIST CAVP, CAVS 14.3, HMAC_DRBG [SHA-256], no prediction resistance, no
// reseed ("drbgvectors_no_reseed"): instantiate, generate 1024 bits twice,
// the second output is ReturnedBits. Three vectors from each section
// (personalization 0 or 256 bits, additional input 0 or 256 bits).
struct CavpVector {
  const char* name;
  const char* entropy_input;
  const char* nonce;
  const char* personalization;
  const char* additional_input1;
  const char* additional_input2;
  const char* returned_bits;
};

const CavpVector kNoReseedVectors[] = {
    {"Pers0Add0_0",
     "ca851911349384bffe89de1cbdc46e6831e44d34a4fb935ee285dd14b71a7488",
     "659ba96c601dc69fc902940805ec0ca8",
     "",
     "",
     "",
     "e528e9abf2dece54d47c7e75e5fe302149f817ea9fb4bee6f4199697d04d5b89d54fbb97"
     "8a15b5c443c9ec21036d2460b6f73ebad0dc2aba6e624abf07745bc107694bb7547bb099"
     "5f70de25d6b29e2d3011bb19d27676c07162c8b5ccde0668961df86803482cb37ed6d5c0"
     "bb8d50cf1f50d476aa0458bdaba806f48be9dcb8"},
    {"Pers0Add0_1",
     "79737479ba4e7642a221fcfd1b820b134e9e3540a35bb48ffae29c20f5418ea3",
     "3593259c092bef4129bc2c6c9e19f343",
     "",
     "",
     "",
     "cf5ad5984f9e43917aa9087380dac46e410ddc8a7731859c84e9d0f31bd43655b9241594"
     "13e2293b17610f211e09f770f172b8fb693a35b85d3b9e5e63b1dc252ac0e115002e9bed"
     "fb4b5b6fd43f33b8e0eafb2d072e1a6fee1f159df9b51e6c8da737e60d5032dd30544ec5"
     "1558c6f080bdbdab1de8a939e961e06b5f1aca37"},
    {"Pers0Add0_2",
     "b340907445b97a8b589264de4a17c0bea11bb53ad72f9f33297f05d2879d898d",
     "65cb27735d83c0708f72684ea58f7ee5",
     "",
     "",
     "",
     "75183aaaf3574bc68003352ad655d0e9ce9dd17552723b47fab0e84ef903694a32987eed"
     "dbdc48efd24195dbdac8a46ba2d972f5808f23a869e71343140361f58b243e62722088fe"
     "10a98e43372d252b144e00c89c215a76a121734bdc485486f65c0b16b8963524a3a70e6f"
     "38f169c12f6cbdd169dd48fe4421a235847a23ff"},
    {"Pers0Add256_0",
     "d3cc4d1acf3dde0c4bd2290d262337042dc632948223d3a2eaab87da44295fbd",
     "0109b0e729f457328aa18569a9224921",
     "",
     "3c311848183c9a212a26f27f8c6647e40375e466a0857cc39c4e47575d53f1f6",
     "fcb9abd19ccfbccef88c9c39bfb3dd7b1c12266c9808992e305bc3cff566e4e4",
     "9c7b758b212cd0fcecd5daa489821712e3cdea4467b560ef5ddc24ab47749a1f1ffdbbb1"
     "18f4e62fcfca3371b8fbfc5b0646b83e06bfbbab5fac30ea09ea2bc76f1ea568c9be0444"
     "b2cc90517b20ca825f2d0eccd88e7175538b85d90ab390183ca6395535d34473af6b5a5b"
     "88f5a59ee7561573337ea819da0dcc3573a22974"},
    {"Pers0Add256_1",
     "f97a3cfd91faa046b9e61b9493d436c4931f604b22f1081521b3419151e8ff06",
     "11f3a7d43595357d58120bd1e2dd8aed",
     "",
     "517289afe444a0fe5ed1a41dbbb5eb17150079bdd31e29cf2ff30034d8268e3b",
     "88028d29ef80b4e6f0fe12f91d7449fe75062682e89c571440c0c9b52c42a6e0",
     "c6871cff0824fe55ea7689a52229886730450e5d362da5bf590dcf9acd67fed4cb32107d"
     "f5d03969a66b1f6494fdf5d63d5b4d0d34ea7399a07d0116126d0d518c7c55ba46e12f62"
     "efc8fe28a51c9d428e6d371d7397ab319fc73ded4722e5b4f30004032a6128df5e7497ec"
     "f82ca7b0a50e867ef6728a4f509a8c859087039c"},
    {"Pers0Add256_2",
     "0f2f23d64f481cabec7abb01db3aabf125c3173a044b9bf26844300b69dcac8b",
     "9a5ae13232b43aa19cfe8d7958b4b590",
     "",
     "ec4c7a62acab73385f567da10e892ff395a0929f959231a5628188ce0c26e818",
     "6b97b8c6b6bb8935e676c410c17caa8042aa3145f856d0a32b641e4ae5298648",
     "7480a361058bd9afa3db82c9d7586e42269102013f6ec5c269b6d05f1798784774868476"
     "6b44918fd4b65e1648622fc0e0954178b0279dfc9fa99b66c6f53e51c4860131e9e06442"
     "87a4afe4ca8e480417e070db68008a97c3397e4b320b5d1a1d7e1d18a95cfedd7d1e7499"
     "7052bf649d132deb9ec53aae7dafdab55e6dae93"},
    {"Pers256Add0_0",
     "5cacc68165a2e2ee20812f35ec73a79dbf30fd475476ac0c44fc6174cdac2b55",
     "6f885496c1e63af620becd9e71ecb824",
     "e72dd8590d4ed5295515c35ed6199e9d211b8f069b3058caa6670b96ef1208d0",
     "",
     "",
     "f1012cf543f94533df27fedfbf58e5b79a3dc517a9c402bdbfc9a0c0f721f9d53faf4aaf"
     "dc4b8f7a1b580fcaa52338d4bd95f58966a243cdcd3f446ed4bc546d9f607b190dd69954"
     "450d16cd0e2d6437067d8b44d19a6af7a7cfa8794e5fbd728e8fb2f2e8db5dd4ff1aa275"
     "f35886098e80ff844886060da8b1e7137846b23b"},
    {"Pers256Add0_1",
     "8df013b4d103523073917ddf6a869793059e9943fc8654549e7ab22f7c29f122",
     "da2625af2ddd4abcce3cf4fa4659d84e",
     "b571e66d7c338bc07b76ad3757bb2f9452bf7e07437ae8581ce7bc7c3ac651a9",
     "",
     "",
     "b91cba4cc84fa25df8610b81b641402768a2097234932e37d590b1154cbd23f97452e310"
     "e291c45146147f0da2d81761fe90fba64f94419c0f662b28c1ed94da487bb7e73eec798f"
     "bcf981b791d1be4f177a8907aa3c401643a5b62b87b89d66b3a60e40d4a8e4e9d82af6d2"
     "700e6f535cdb51f75c321729103741030ccc3a56"},
    {"Pers256Add0_2",
     "565b2b77937ba46536b0f693b3d5e4a8a24563f9ef1f676e8b5b2ef17823832f",
     "4ef3064ec29f5b7f9686d75a23d170e3",
     "3b722433226c9dba745087270ab3af2c909425ba6d39f5ce46f07256068319d9",
     "",
     "",
     "d144ee7f8363d128872f82c15663fe658413cd42651098e0a7c51a970de75287ec943f90"
     "61e902280a5a9e183a7817a44222d198fbfab184881431b4adf35d3d1019da5a90b3696b"
     "2349c8fba15a56d0f9d010a88e3f9eeedb67a69bcaa71281b41afa11af576b765e66858f"
     "0eb2e4ec4081609ec81da81df0a0eb06787340ea"},
    {"Pers256Add256_0",
     "5d3286bc53a258a53ba781e2c4dcd79a790e43bbe0e89fb3eed39086be34174b",
     "c5422294b7318952ace7055ab7570abf",
     "2dba094d008e150d51c4135bb2f03dcde9cbf3468a12908a1b025c120c985b9d",
     "793a7ef8f6f0482beac542bb785c10f8b7b406a4de92667ab168ecc2cf7573c6",
     "2238cdb4e23d629fe0c2a83dd8d5144ce1a6229ef41dabe2a99ff722e510b530",
     "d04678198ae7e1aeb435b45291458ffde0891560748b43330eaf866b5a6385e74c6fa5a5"
     "a44bdb284d436e98d244018d6acedcdfa2e9f499d8089e4db86ae89a6ab2d19cb705e2f0"
     "48f97fb597f04106a1fa6a1416ad3d859118e079a0c319eb95686f4cbcce3b5101c7a0b0"
     "10ef029c4ef6d06cdfac97efb9773891688c37cf"},
    {"Pers256Add256_1",
     "c2a566a9a1817b15c5c3b778177ac87c24e797be0a845f11c2fe399dd37732f2",
     "cb1894eb2b97b3c56e628329516f86ec",
     "13ce4d8dd2db9796f94156c8e8f0769b0aa1c82c1323b61536603bca37c9ee29",
     "413dd83fe56835abd478cb9693d67635901c40239a266462d3133b83e49c820b",
     "d5c4a71f9d6d95a1bedf0bd2247c277d1f84a4e57a4a8825b82a2d097de63ef1",
     "b3a3698d777699a0dd9fa3f0a9fa57832d3cefac5df24437c6d73a0fe41040f1729038ae"
     "f1e926352ea59de120bfb7b073183a34106efed6278ff8ad844ba0448115dfddf3319a82"
     "de6bb11d80bd871a9acd35c73645e1270fb9fe4fa88ec0e465409ea0cba809fe2f45e049"
     "43a2e396bbb7dd2f4e0795303524cc9cc5ea54a1"},
    {"Pers256Add256_2",
     "a33288a96f41dd54b945e060c8bd0c094f1e28267cc1dcbba52063c1a9d54c4d",
     "36918c977e1a7276a2bb475591c367b7",
     "6aa528c940962638dc2201738850fd1fe6f5d0eb9f687ff1af39d9c7b36830d9",
     "37ee633a635e43af59abdb1762c7ea45bfe060ec1d9077ecd2a43a658673f3c7",
     "2eb96f2e28fa9f674bb03ade703b8f791ee5356e2ee85c7ed5bda96325256c61",
     "db2f91932767eb846961ce5321c7003431870508e8c6f8d432ca1f9cee5cdc1aed6e0f13"
     "3d317eb6990c4b3b0a360cdfb5b43a6e712bd46bca04c414868fab22c6a49c4b89c81269"
     "7c3a7fbfc8ddf10c8aa5ebf13a09fd114eb2a02a07f69786f3ce7fd30231f22779bc8db1"
     "03b13fa546dbc45a89a86275281172761683d384"},
};

Bytes AsBytes(const std::vector<uint8_t>& bytes) {
  return Bytes(bytes.data(), bytes.size());
}

class HmacDrbgTest : public ::testing::Test {
 protected:
  void SetUp() override { ResetFakeDispatch(); }

  // A valid instantiation with arbitrary fixed inputs.
  static void Instantiate(HmacDrbg& drbg) {
    const std::vector<uint8_t> entropy(32, 0x5a);
    const std::vector<uint8_t> nonce(16, 0xa5);
    ASSERT_EQ(drbg.Instantiate(AsBytes(entropy), AsBytes(nonce), {}),
              PSA_SUCCESS);
  }
};

class HmacDrbgCavpTest : public HmacDrbgTest,
                         public ::testing::WithParamInterface<CavpVector> {};

TEST_P(HmacDrbgCavpTest, SecondGenerateMatchesReturnedBits) {
  const CavpVector& v = GetParam();
  const std::vector<uint8_t> entropy = FromHex(v.entropy_input);
  const std::vector<uint8_t> nonce = FromHex(v.nonce);
  const std::vector<uint8_t> personalization = FromHex(v.personalization);
  const std::vector<uint8_t> additional1 = FromHex(v.additional_input1);
  const std::vector<uint8_t> additional2 = FromHex(v.additional_input2);

  HmacDrbg drbg(HmacDrbg::kMaxReseedInterval);
  ASSERT_EQ(drbg.Instantiate(AsBytes(entropy), AsBytes(nonce),
                             AsBytes(personalization)),
            PSA_SUCCESS);
  std::vector<uint8_t> output(128);
  ASSERT_EQ(drbg.Generate(output.data(), output.size(), AsBytes(additional1)),
            PSA_SUCCESS);
  ASSERT_EQ(drbg.Generate(output.data(), output.size(), AsBytes(additional2)),
            PSA_SUCCESS);
  EXPECT_EQ(ToHex(output), v.returned_bits);
  EXPECT_EQ(drbg.reseed_counter(), 3u);
}

INSTANTIATE_TEST_SUITE_P(
    NoReseed, HmacDrbgCavpTest, ::testing::ValuesIn(kNoReseedVectors),
    [](const ::testing::TestParamInfo<CavpVector>& param_info) {
      return std::string(param_info.param.name);
    });

// CAVS 14.3 HMAC_DRBG.rsp [SHA-256], PredictionResistance = False, COUNT = 0:
// instantiate, reseed, generate twice.
TEST_F(HmacDrbgTest, ReseedMatchesCavp) {
  const std::vector<uint8_t> entropy = FromHex(
      "06032cd5eed33f39265f49ecb142c511da9aff2af71203bffaf34a9ca5bd9c0d");
  const std::vector<uint8_t> nonce =
      FromHex("0e66f71edc43e42a45ad3c6fc6cdc4df");
  const std::vector<uint8_t> reseed_entropy = FromHex(
      "01920a4e669ed3a85ae8a33b35a74ad7fb2a6bb4cf395ce00334a9c9a5a5d552");
  HmacDrbg drbg(HmacDrbg::kMaxReseedInterval);
  ASSERT_EQ(drbg.Instantiate(AsBytes(entropy), AsBytes(nonce), {}),
            PSA_SUCCESS);
  ASSERT_EQ(drbg.Reseed(AsBytes(reseed_entropy), {}), PSA_SUCCESS);
  EXPECT_EQ(drbg.reseed_counter(), 1u);
  std::vector<uint8_t> output(128);
  ASSERT_EQ(drbg.Generate(output.data(), output.size(), {}), PSA_SUCCESS);
  ASSERT_EQ(drbg.Generate(output.data(), output.size(), {}), PSA_SUCCESS);
  EXPECT_EQ(ToHex(output),
            "76fc79fe9b50beccc991a11b5635783a83536add03c157fb30645e611c2898bb"
            "2b1bc215000209208cd506cb28da2a51bdb03826aaf2bd2335d576d519160842"
            "e7158ad0949d1a9ec3e66ea1b1a064b005de914eac2e9d4f2d72a8616a802254"
            "22918250ff66a41bd2f864a6a38cc5b6499dc43f7f2bd09e1e0f8f5885935124");
}

TEST_F(HmacDrbgTest, EntropyShorterThanTheSecurityStrengthIsRefused) {
  HmacDrbg drbg(10);
  const std::vector<uint8_t> entropy(31, 1);
  const std::vector<uint8_t> nonce(16, 2);
  EXPECT_EQ(drbg.Instantiate(AsBytes(entropy), AsBytes(nonce), {}),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(drbg.instantiated());
}

TEST_F(HmacDrbgTest, NonceShorterThanHalfTheSecurityStrengthIsRefused) {
  HmacDrbg drbg(10);
  const std::vector<uint8_t> entropy(32, 1);
  const std::vector<uint8_t> nonce(15, 2);
  EXPECT_EQ(drbg.Instantiate(AsBytes(entropy), AsBytes(nonce), {}),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(drbg.instantiated());
}

TEST_F(HmacDrbgTest, ReseedWithShortEntropyIsRefusedAndKeepsTheState) {
  HmacDrbg drbg(10);
  Instantiate(drbg);
  const std::vector<uint8_t> short_entropy(31, 3);
  EXPECT_EQ(drbg.Reseed(AsBytes(short_entropy), {}),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(drbg.instantiated());
}

TEST_F(HmacDrbgTest, UseBeforeInstantiateIsBadStateAndWipesOutput) {
  HmacDrbg drbg(10);
  uint8_t output[40];
  memset(output, 0xee, sizeof(output));
  EXPECT_EQ(drbg.Generate(output, sizeof(output), {}), PSA_ERROR_BAD_STATE);
  for (uint8_t byte : output) EXPECT_EQ(byte, 0);
  const std::vector<uint8_t> entropy(32, 1);
  EXPECT_EQ(drbg.Reseed(AsBytes(entropy), {}), PSA_ERROR_BAD_STATE);
}

TEST_F(HmacDrbgTest, RequestsAreLimitedTo65536Bytes) {
  HmacDrbg drbg(10);
  Instantiate(drbg);
  std::vector<uint8_t> output(HmacDrbg::kMaxRequestLength + 1, 0xee);
  EXPECT_EQ(drbg.Generate(output.data(), output.size(), {}),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(drbg.instantiated());
  // The refused request wiped the whole buffer.
  EXPECT_EQ(output, std::vector<uint8_t>(output.size(), 0));
  EXPECT_EQ(drbg.Generate(output.data(), HmacDrbg::kMaxRequestLength, {}),
            PSA_SUCCESS);
  // Written up to the limit (a zero run of 32 bytes has chance 2^-256)...
  EXPECT_NE(std::vector<uint8_t>(output.end() - 33, output.end() - 1),
            std::vector<uint8_t>(32, 0));
  // ...and not beyond.
  EXPECT_EQ(output.back(), 0);
}

TEST_F(HmacDrbgTest, RequiresReseedAfterTheInterval) {
  HmacDrbg drbg(3);
  Instantiate(drbg);
  uint8_t output[16];
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(drbg.reseed_required());
    ASSERT_EQ(drbg.Generate(output, sizeof(output), {}), PSA_SUCCESS);
  }
  EXPECT_TRUE(drbg.reseed_required());
  EXPECT_EQ(drbg.Generate(output, sizeof(output), {}),
            PSA_ERROR_INSUFFICIENT_ENTROPY);
  const std::vector<uint8_t> entropy(32, 7);
  ASSERT_EQ(drbg.Reseed(AsBytes(entropy), {}), PSA_SUCCESS);
  EXPECT_FALSE(drbg.reseed_required());
  EXPECT_EQ(drbg.Generate(output, sizeof(output), {}), PSA_SUCCESS);
}

TEST_F(HmacDrbgTest, SameSeedSameOutputDifferentSeedDifferentOutput) {
  HmacDrbg a(10), b(10), c(10);
  Instantiate(a);
  Instantiate(b);
  const std::vector<uint8_t> entropy(32, 0x5b);
  const std::vector<uint8_t> nonce(16, 0xa5);
  ASSERT_EQ(c.Instantiate(AsBytes(entropy), AsBytes(nonce), {}), PSA_SUCCESS);
  std::vector<uint8_t> out_a(100), out_b(100), out_c(100);
  ASSERT_EQ(a.Generate(out_a.data(), out_a.size(), {}), PSA_SUCCESS);
  ASSERT_EQ(b.Generate(out_b.data(), out_b.size(), {}), PSA_SUCCESS);
  ASSERT_EQ(c.Generate(out_c.data(), out_c.size(), {}), PSA_SUCCESS);
  EXPECT_EQ(out_a, out_b);
  EXPECT_NE(out_a, out_c);
}

TEST_F(HmacDrbgTest, ConsecutiveOutputsDiffer) {
  HmacDrbg drbg(10);
  Instantiate(drbg);
  std::vector<uint8_t> first(64), second(64);
  ASSERT_EQ(drbg.Generate(first.data(), first.size(), {}), PSA_SUCCESS);
  ASSERT_EQ(drbg.Generate(second.data(), second.size(), {}), PSA_SUCCESS);
  EXPECT_NE(first, second);
}

TEST_F(HmacDrbgTest, ZeroLengthRequestStillAdvancesTheState) {
  HmacDrbg a(10), b(10);
  Instantiate(a);
  Instantiate(b);
  ASSERT_EQ(a.Generate(nullptr, 0, {}), PSA_SUCCESS);
  EXPECT_EQ(a.reseed_counter(), 2u);
  std::vector<uint8_t> out_a(32), out_b(32);
  ASSERT_EQ(a.Generate(out_a.data(), out_a.size(), {}), PSA_SUCCESS);
  ASSERT_EQ(b.Generate(out_b.data(), out_b.size(), {}), PSA_SUCCESS);
  EXPECT_NE(out_a, out_b);
}

TEST_F(HmacDrbgTest, HashFailureWipesOutputAndUninstantiates) {
  HmacDrbg drbg(10);
  Instantiate(drbg);
  FailFakeHashCalls(HashEntryPoint::kUpdate, PSA_ERROR_HARDWARE_FAILURE);
  std::vector<uint8_t> output(64, 0xee);
  EXPECT_EQ(drbg.Generate(output.data(), output.size(), {}),
            PSA_ERROR_HARDWARE_FAILURE);
  EXPECT_EQ(output, std::vector<uint8_t>(64, 0));
  EXPECT_FALSE(drbg.instantiated());
  EXPECT_EQ(drbg.Generate(output.data(), output.size(), {}),
            PSA_ERROR_BAD_STATE);
}

TEST_F(HmacDrbgTest, InstantiateFailsWhenNoDriverServesSha256) {
  ::psa::core::testing::SetFakeUnsupportedHashes({PSA_ALG_SHA_256});
  HmacDrbg drbg(10);
  const std::vector<uint8_t> entropy(32, 1);
  const std::vector<uint8_t> nonce(16, 2);
  EXPECT_EQ(drbg.Instantiate(AsBytes(entropy), AsBytes(nonce), {}),
            PSA_ERROR_NOT_SUPPORTED);
  EXPECT_FALSE(drbg.instantiated());
}

TEST_F(HmacDrbgTest, UninstantiateForgetsTheState) {
  HmacDrbg drbg(10);
  Instantiate(drbg);
  drbg.Uninstantiate();
  EXPECT_FALSE(drbg.instantiated());
  EXPECT_EQ(drbg.reseed_counter(), 0u);
  uint8_t output[8];
  EXPECT_EQ(drbg.Generate(output, sizeof(output), {}), PSA_ERROR_BAD_STATE);
}

}  // namespace
}  // namespace psa::core
