// Unit tests of the builtin cipher driver, entry points called directly:
// known-answer vectors (NIST SP 800-38A F.1-F.5, RFC 3713, RFC 5794 and the
// KISA ARIA vectors, SP 800-67, RFC 8439, RFC 3610, the ChaCha20 draft-agl
// vector, and a few cross-checked with OpenSSL 3.0 where no standard vector
// exists), the ARIA modes composed from the RFC 5794 block function,
// CBC-PKCS#7 padding, CCM* and CTR counter blocks, multi-part at every split
// point against single-part with per-call output lengths and exact-size
// buffers from the size macros, in-place operation, buffer, IV, key and
// algorithm checks, message length limits, and the operation life cycle.

#include "drivers/builtin/builtin_cipher.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace drivers::builtin {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes Hex(const std::string& hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(
        static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

Bytes Cat(const Bytes& a, const Bytes& b) {
  Bytes out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

// n bytes of a fixed pattern starting at `seed`.
Bytes Pattern(size_t n, uint8_t seed) {
  Bytes out(n);
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(seed + 7 * i);
  return out;
}

struct Key {
  psa_key_type_t type;
  Bytes bytes;
  size_t bits = 0;  // attributes' bits; 0: 8 * bytes.size()
};

psa_key_attributes_t Attributes(const Key& key) {
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, key.type);
  psa_set_key_bits(&attributes,
                   key.bits != 0 ? key.bits : 8 * key.bytes.size());
  return attributes;
}

bool IsZero(const builtin_cipher_operation_t& operation) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(&operation);
  return std::all_of(bytes, bytes + sizeof(operation),
                     [](uint8_t b) { return b == 0; });
}

bool IsStreamMode(psa_algorithm_t alg) {
  return alg != PSA_ALG_ECB_NO_PADDING && alg != PSA_ALG_CBC_NO_PADDING &&
         alg != PSA_ALG_CBC_PKCS7;
}

size_t IvLength(const Key& key, psa_algorithm_t alg) {
  return PSA_CIPHER_IV_LENGTH(key.type, alg);
}

struct Result {
  psa_status_t status;
  Bytes output;
};

constexpr uint8_t kSentinel = 0xa5;

// cipher_encrypt with an output buffer of exactly `output_size` bytes
// (default: PSA_CIPHER_ENCRYPT_OUTPUT_SIZE less the IV). Checks that a
// failure leaves the buffer untouched and *output_length 0.
Result Encrypt(const Key& key, psa_algorithm_t alg, const Bytes& iv,
               const Bytes& input, size_t output_size = SIZE_MAX) {
  if (output_size == SIZE_MAX) {
    output_size = PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(key.type, alg, input.size()) -
                  IvLength(key, alg);
  }
  const psa_key_attributes_t attributes = Attributes(key);
  Bytes output(output_size, kSentinel);
  size_t output_length = 12345;
  const psa_status_t status = builtin_cipher_encrypt(
      &attributes, key.bytes.data(), key.bytes.size(), alg, iv.data(),
      iv.size(), input.data(), input.size(), output.data(), output.size(),
      &output_length);
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(output_length, 0u);
    EXPECT_EQ(output, Bytes(output_size, kSentinel));
    return {status, {}};
  }
  EXPECT_LE(output_length, output_size);
  output.resize(output_length);
  return {status, output};
}

// cipher_decrypt of `input` = IV || ciphertext, buffer as for Encrypt
// (default: PSA_CIPHER_DECRYPT_OUTPUT_SIZE).
Result Decrypt(const Key& key, psa_algorithm_t alg, const Bytes& input,
               size_t output_size = SIZE_MAX) {
  if (output_size == SIZE_MAX) {
    output_size = PSA_CIPHER_DECRYPT_OUTPUT_SIZE(key.type, alg, input.size());
  }
  const psa_key_attributes_t attributes = Attributes(key);
  Bytes output(output_size, kSentinel);
  size_t output_length = 12345;
  const psa_status_t status = builtin_cipher_decrypt(
      &attributes, key.bytes.data(), key.bytes.size(), alg, input.data(),
      input.size(), output.data(), output.size(), &output_length);
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(output_length, 0u);
    EXPECT_EQ(output, Bytes(output_size, kSentinel));
    return {status, {}};
  }
  EXPECT_LE(output_length, output_size);
  output.resize(output_length);
  return {status, output};
}

psa_status_t StartOperation(builtin_cipher_operation_t* operation,
                            const Key& key, psa_algorithm_t alg, bool encrypt) {
  const psa_key_attributes_t attributes = Attributes(key);
  return encrypt ? builtin_cipher_encrypt_setup(operation, &attributes,
                                                key.bytes.data(),
                                                key.bytes.size(), alg)
                 : builtin_cipher_decrypt_setup(operation, &attributes,
                                                key.bytes.data(),
                                                key.bytes.size(), alg);
}

// Bytes a multi-part operation has output after `total` bytes of input, as
// Mbed TLS's PSA and the size macros have it.
size_t EmittedAfter(psa_algorithm_t alg, size_t block_length, bool encrypt,
                    size_t total) {
  if (IsStreamMode(alg)) return total;
  if (!encrypt && alg == PSA_ALG_CBC_PKCS7) {
    return total == 0 ? 0 : (total - 1) / block_length * block_length;
  }
  return total / block_length * block_length;
}

// A multi-part operation: setup, set_iv (unless `iv` is empty), one update
// per chunk of `input` (the chunk sizes sum to input.size()), finish. Every
// output buffer has exactly the size its macro gives; each update's output
// length must match EmittedAfter(). With `in_place`, each update reads and
// writes the same buffer.
Result Multipart(const Key& key, psa_algorithm_t alg, bool encrypt,
                 const Bytes& iv, const Bytes& input,
                 const std::vector<size_t>& chunks, bool in_place = false) {
  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  psa_status_t status = StartOperation(&operation, key, alg, encrypt);
  if (status != PSA_SUCCESS) return {status, {}};
  if (!iv.empty()) {
    status = builtin_cipher_set_iv(&operation, iv.data(), iv.size());
    if (status != PSA_SUCCESS) return {status, {}};
  }
  const size_t block_length = PSA_BLOCK_CIPHER_BLOCK_LENGTH(key.type);
  Bytes output;
  size_t position = 0;
  for (size_t chunk : chunks) {
    const size_t size = PSA_CIPHER_UPDATE_OUTPUT_SIZE(key.type, alg, chunk);
    const size_t expected =
        EmittedAfter(alg, block_length, encrypt, position + chunk) -
        EmittedAfter(alg, block_length, encrypt, position);
    size_t length = 12345;
    Bytes buffer;
    if (in_place) {
      buffer.assign(std::max(size, chunk), kSentinel);
      std::copy(input.begin() + position, input.begin() + position + chunk,
                buffer.begin());
      status = builtin_cipher_update(&operation, buffer.data(), chunk,
                                     buffer.data(), size, &length);
    } else {
      const Bytes in(input.begin() + position,
                     input.begin() + position + chunk);
      buffer.assign(size, kSentinel);
      status = builtin_cipher_update(&operation, in.data(), in.size(),
                                     buffer.data(), buffer.size(), &length);
    }
    if (status != PSA_SUCCESS) {
      EXPECT_TRUE(IsZero(operation));
      return {status, {}};
    }
    EXPECT_EQ(length, expected)
        << "update of " << chunk << " after " << position;
    EXPECT_LE(length, size);
    output.insert(output.end(), buffer.begin(), buffer.begin() + length);
    position += chunk;
  }
  EXPECT_EQ(position, input.size());
  Bytes buffer(PSA_CIPHER_FINISH_OUTPUT_SIZE(key.type, alg), kSentinel);
  size_t length = 12345;
  status =
      builtin_cipher_finish(&operation, buffer.data(), buffer.size(), &length);
  EXPECT_TRUE(IsZero(operation));
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(length, 0u);
    return {status, {}};
  }
  EXPECT_LE(length, buffer.size());
  output.insert(output.end(), buffer.begin(), buffer.begin() + length);
  return {status, output};
}

Result Multipart(const Key& key, psa_algorithm_t alg, bool encrypt,
                 const Bytes& iv, const Bytes& input) {
  return Multipart(key, alg, encrypt, iv, input, {input.size()});
}

// ---- Known answers ----------------------------------------------------------

struct Vector {
  const char* name;
  psa_key_type_t key_type;
  const char* key;
  psa_algorithm_t alg;
  const char* iv;
  const char* plaintext;
  const char* ciphertext;
};

// SP 800-38A F.1-F.5 plaintext (four blocks) and keys.
#define NIST_P                                                       \
  "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51" \
  "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"
#define NIST_K128 "2b7e151628aed2a6abf7158809cf4f3c"
#define NIST_K192 "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b"
#define NIST_K256 \
  "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4"
#define NIST_IV "000102030405060708090a0b0c0d0e0f"
#define NIST_CTR "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"
// RFC 3713 key and plaintext.
#define RFC3713_P "0123456789abcdeffedcba9876543210"
// RFC 5794 appendix A keys and plaintext.
#define RFC5794_K128 "000102030405060708090a0b0c0d0e0f"
#define RFC5794_K192 RFC5794_K128 "1011121314151617"
#define RFC5794_K256 RFC5794_K192 "18191a1b1c1d1e1f"
#define RFC5794_P "00112233445566778899aabbccddeeff"
// The KISA ARIA test vectors' keys, IV and plaintext.
#define KISA_K128 "00112233445566778899aabbccddeeff"
#define KISA_K192 KISA_K128 "0011223344556677"
#define KISA_K256 KISA_K128 KISA_K128
#define KISA_IV "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
#define KISA_CTR0 "00000000000000000000000000000000"
#define KISA_P                                                       \
  "11111111aaaaaaaa11111111bbbbbbbb11111111cccccccc11111111dddddddd" \
  "22222222aaaaaaaa22222222bbbbbbbb22222222cccccccc22222222dddddddd" \
  "33333333aaaaaaaa33333333bbbbbbbb33333333cccccccc33333333dddddddd" \
  "44444444aaaaaaaa44444444bbbbbbbb44444444cccccccc44444444dddddddd" \
  "55555555aaaaaaaa55555555bbbbbbbb55555555cccccccc55555555dddddddd"
// SP 800-67 example keys and plaintext "The qufck brown fox jump".
#define TDEA_K1 "0123456789abcdef"
#define TDEA_K2 "23456789abcdef01"
#define TDEA_K3 "456789abcdef0123"
#define TDEA_P "54686520717566636b2062726f776e20666f78206a756d70"
#define CHACHA_KEY \
  "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
// RFC 8439 2.4.2 plaintext.
#define SUNSCREEN                                                    \
  "4c616469657320616e642047656e746c656d656e206f662074686520636c6173" \
  "73206f66202739393a204966204920636f756c64206f6666657220796f75206f" \
  "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73" \
  "637265656e20776f756c642062652069742e"
#define SUNSCREEN_CT                                                 \
  "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b" \
  "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8" \
  "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736" \
  "5af90bbf74a35be6b40b8eedf2785e42874d"

const Vector kVectors[] = {
    // SP 800-38A F.1 ECB.
    {"F11_ECB_AES128", PSA_KEY_TYPE_AES, NIST_K128, PSA_ALG_ECB_NO_PADDING, "",
     NIST_P,
     "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf"
     "43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f8223207104725dd4"},
    {"F13_ECB_AES192", PSA_KEY_TYPE_AES, NIST_K192, PSA_ALG_ECB_NO_PADDING, "",
     NIST_P,
     "bd334f1d6e45f25ff712a214571fa5cc974104846d0ad3ad7734ecb3ecee4eef"
     "ef7afd2270e2e60adce0ba2face6444e9a4b41ba738d6c72fb16691603c18e0e"},
    {"F15_ECB_AES256", PSA_KEY_TYPE_AES, NIST_K256, PSA_ALG_ECB_NO_PADDING, "",
     NIST_P,
     "f3eed1bdb5d2a03c064b5a7e3db181f8591ccb10d410ed26dc5ba74a31362870"
     "b6ed21b99ca6f4f9f153e7b1beafed1d23304b7a39f9f3ff067d8d8f9e24ecc7"},
    // F.2 CBC.
    {"F21_CBC_AES128", PSA_KEY_TYPE_AES, NIST_K128, PSA_ALG_CBC_NO_PADDING,
     NIST_IV, NIST_P,
     "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
     "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7"},
    {"F23_CBC_AES192", PSA_KEY_TYPE_AES, NIST_K192, PSA_ALG_CBC_NO_PADDING,
     NIST_IV, NIST_P,
     "4f021db243bc633d7178183a9fa071e8b4d9ada9ad7dedf4e5e738763f69145a"
     "571b242012fb7ae07fa9baac3df102e008b0e27988598881d920a9e64f5615cd"},
    {"F25_CBC_AES256", PSA_KEY_TYPE_AES, NIST_K256, PSA_ALG_CBC_NO_PADDING,
     NIST_IV, NIST_P,
     "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
     "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b"},
    // F.3.13, F.3.17 CFB128.
    {"F313_CFB128_AES128", PSA_KEY_TYPE_AES, NIST_K128, PSA_ALG_CFB, NIST_IV,
     NIST_P,
     "3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b"
     "26751f67a3cbb140b1808cf187a4f4dfc04b05357c5d1c0eeac4c66f9ff7f2e6"},
    {"F317_CFB128_AES256", PSA_KEY_TYPE_AES, NIST_K256, PSA_ALG_CFB, NIST_IV,
     NIST_P,
     "dc7e84bfda79164b7ecd8486985d386039ffed143b28b1c832113c6331e5407b"
     "df10132415e54b92a13ed0a8267ae2f975a385741ab9cef82031623d55b1e471"},
    // F.4 OFB.
    {"F41_OFB_AES128", PSA_KEY_TYPE_AES, NIST_K128, PSA_ALG_OFB, NIST_IV,
     NIST_P,
     "3b3fd92eb72dad20333449f8e83cfb4a7789508d16918f03f53c52dac54ed825"
     "9740051e9c5fecf64344f7a82260edcc304c6528f659c77866a510d9c1d6ae5e"},
    {"F45_OFB_AES256", PSA_KEY_TYPE_AES, NIST_K256, PSA_ALG_OFB, NIST_IV,
     NIST_P,
     "dc7e84bfda79164b7ecd8486985d38604febdc6740d20b3ac88f6ad82a4fb08d"
     "71ab47a086e86eedf39d1c5bba97c4080126141d67f37be8538f5a8be740e484"},
    // F.5 CTR.
    {"F51_CTR_AES128", PSA_KEY_TYPE_AES, NIST_K128, PSA_ALG_CTR, NIST_CTR,
     NIST_P,
     "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
     "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee"},
    {"F55_CTR_AES256", PSA_KEY_TYPE_AES, NIST_K256, PSA_ALG_CTR, NIST_CTR,
     NIST_P,
     "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
     "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6"},
    // RFC 3713 Appendix A.
    {"RFC3713_Camellia128", PSA_KEY_TYPE_CAMELLIA,
     "0123456789abcdeffedcba9876543210", PSA_ALG_ECB_NO_PADDING, "", RFC3713_P,
     "67673138549669730857065648eabe43"},
    {"RFC3713_Camellia192", PSA_KEY_TYPE_CAMELLIA,
     "0123456789abcdeffedcba98765432100011223344556677", PSA_ALG_ECB_NO_PADDING,
     "", RFC3713_P, "b4993401b3e996f84ee5cee7d79b09b9"},
    {"RFC3713_Camellia256", PSA_KEY_TYPE_CAMELLIA,
     "0123456789abcdeffedcba987654321000112233445566778899aabbccddeeff",
     PSA_ALG_ECB_NO_PADDING, "", RFC3713_P, "9acc237dff16d76c20ef7c919e3a7509"},
    // Camellia modes over the SP 800-38A inputs, computed with OpenSSL 3.0
    // (no standard vectors); the OFB ones check this driver's own OFB.
    {"OpenSSL_Camellia128_CBC", PSA_KEY_TYPE_CAMELLIA, NIST_K128,
     PSA_ALG_CBC_NO_PADDING, NIST_IV, NIST_P,
     "1607cf494b36bbf00daeb0b503c831aba2f2cf671629ef7840c5a5dfb5074887"
     "0f06165008cf8b8b5a63586362543e54e7208a2ca89cc21aacd56aaa6fb98259"},
    {"OpenSSL_Camellia128_CFB128", PSA_KEY_TYPE_CAMELLIA, NIST_K128,
     PSA_ALG_CFB, NIST_IV, NIST_P,
     "14f7646187817eb586599146b82bd719a53d28bb82df741103ea4f921a44880b"
     "9c2157a664626d1def9ea420fde69b96742a25f0542340c7baef24ca8482bb09"},
    {"OpenSSL_Camellia128_OFB", PSA_KEY_TYPE_CAMELLIA, NIST_K128, PSA_ALG_OFB,
     NIST_IV, NIST_P,
     "14f7646187817eb586599146b82bd719973291716c4d82d01a079e6df700e6eb"
     "0ef0603e2ee534c174f44a8678a01f5ba9978a354c35c7a052c38218183cbe71"},
    {"OpenSSL_Camellia128_CTR", PSA_KEY_TYPE_CAMELLIA, NIST_K128, PSA_ALG_CTR,
     NIST_IV, NIST_P,
     "14f7646187817eb586599146b82bd719faff0b29387e4b0ec89c82d12aa6d4e4"
     "1bcb0cabb59bf0da881b3cd14d9e3bd7fa8e7357681375f365df6f98b131ebd6"},
    {"OpenSSL_Camellia256_CBC", PSA_KEY_TYPE_CAMELLIA, NIST_K256,
     PSA_ALG_CBC_NO_PADDING, NIST_IV, NIST_P,
     "e6cfa35fc02b134a4d2c0b6737ac3eda36cbeb73bd504b4070b1b7de2b21eb50"
     "e31a6055297d96ca3330cdf1b1860a835d563f6d1cccf236051c0c5c1c58f28f"},
    {"OpenSSL_Camellia256_OFB", PSA_KEY_TYPE_CAMELLIA, NIST_K256, PSA_ALG_OFB,
     NIST_IV, NIST_P,
     "cf6107bb0cea7d7fb1bd31f5e7b06c9385521db2f6bb677f1eb2244658418340"
     "23272685ae6049c788114b3c21ca205c5ee78c39291e114699050e3d20db0c4a"},
    {"OpenSSL_Camellia256_CTR", PSA_KEY_TYPE_CAMELLIA, NIST_K256, PSA_ALG_CTR,
     NIST_IV, NIST_P,
     "cf6107bb0cea7d7fb1bd31f5e7b06c933a7cc10d73928cb2a776ef6d74485922"
     "d738fdabe2e04b88d60face811a7cbc2ddb7c625f4e20acfe65b42579d79a485"},
    // RFC 5794 appendix A (ARIA; the key is 00 01 02 ...).
    {"RFC5794_A1_ARIA128", PSA_KEY_TYPE_ARIA, RFC5794_K128,
     PSA_ALG_ECB_NO_PADDING, "", RFC5794_P, "d718fbd6ab644c739da95f3be6451778"},
    {"RFC5794_A2_ARIA192", PSA_KEY_TYPE_ARIA, RFC5794_K192,
     PSA_ALG_ECB_NO_PADDING, "", RFC5794_P, "26449c1805dbe7aa25a468ce263a9e79"},
    {"RFC5794_A3_ARIA256", PSA_KEY_TYPE_ARIA, RFC5794_K256,
     PSA_ALG_ECB_NO_PADDING, "", RFC5794_P, "f92bd7c79fb72e2f2b8f80c1972d24fc"},
    // The KISA ARIA test vectors (ARIA-testvector-e.pdf, as OpenSSL's
    // evpciph_aria.txt has them; checked with OpenSSL 3.0): ten blocks,
    // keys 00112233..., IV 0f1e2d3c... (CTR: counter block 0).
    {"KISA_ARIA128_ECB", PSA_KEY_TYPE_ARIA, KISA_K128, PSA_ALG_ECB_NO_PADDING,
     "", KISA_P,
     "c6ecd08e22c30abdb215cf74e2075e6e29ccaac63448708d331b2f816c51b17d"
     "9e133d1528dbf0af5787c7f3a3f5c2bf6b6f345907a3055612ce072ff54de7d7"
     "88424da6e8ccfe8172b391be499354165665ba7864917000a6eeb2ecb4a698ed"
     "fc7887e7f556377614ab0a282293e6d884dbb84206cdb16ed1754e77a1f243fd"
     "086953f752cc1e46c7c794ae85537dcaec8dd721f55c93b6edfe2adea43873e8"},
    {"KISA_ARIA128_CBC", PSA_KEY_TYPE_ARIA, KISA_K128, PSA_ALG_CBC_NO_PADDING,
     KISA_IV, KISA_P,
     "49d61860b14909109cef0d22a9268134fadf9fb23151e9645fba75018bdb1538"
     "b53334634bbf7d4cd4b5377033060c155fe3948ca75de1031e1d85619e0ad61e"
     "b419a866b3c2dbfd10a4ed18b22149f75897f0b8668b0c1c542c687778835fb7"
     "cd46e45f85eaa7072437dd9fa6793d6f8d4ccefc4eb1ac641ac1bd30b18c6d64"
     "c49bca137eb21c2e04da62712ca2b4f540c57112c38791852cfac7a5d19ed83a"},
    {"KISA_ARIA128_CFB128", PSA_KEY_TYPE_ARIA, KISA_K128, PSA_ALG_CFB,
     KISA_IV, KISA_P,
     "3720e53ba7d615383406b09f0a05a200c07c21e6370f413a5d132500a6828501"
     "7c61b434c7b7ca9685a51071861e4d4bb873b599b479e2d573dddeafba89f812"
     "ac6a9e44d554078eb3be94839db4b33da3f59c063123a7ef6f20e10579fa4fd2"
     "39100ca73b52d4fcafeadee73f139f78f9b7614c2b3b9dbe010f87db06a89a94"
     "35f79ce8121431371f4e87b984e0230c22a6dacb32fc42dcc6accef33285bf11"},
    {"KISA_ARIA128_OFB", PSA_KEY_TYPE_ARIA, KISA_K128, PSA_ALG_OFB,
     KISA_IV, KISA_P,
     "3720e53ba7d615383406b09f0a05a2000063063f0560083483faeb041c8adece"
     "f30cf80cefb002a0d280759168ec01db3d49f61aced260bd43eec0a2731730ee"
     "c6fa4f2304319cf8ccac2d7be7833e4f8ae6ce967012c1c6badc5d28e7e4144f"
     "6bf5cebe01253ee202afce4bc61f28dec069a6f16f6c8a7dd2afae44148f6ff4"
     "d0029d5c607b5fa6b8c8a6301cde5c7033565cd0b8f0974ab490b236197ba04a"},
    {"KISA_ARIA128_CTR", PSA_KEY_TYPE_ARIA, KISA_K128, PSA_ALG_CTR,
     KISA_CTR0, KISA_P,
     "ac5d7de805a0bf1c57c854501af60fa11497e2a34519dea1569e91e5b5ccae2f"
     "f3bfa1bf975f4571f48be191613546c3911163c085f871f0e7ae5f2a085b8185"
     "1c2a3ddf20ecb8fa51901aec8ee4ba32a35dab67bb72cd9140ad188a967ac0fb"
     "bdfa94ea6cce47dcf8525ab5a814cfeb2bb60ee2b126e2d9d847c1a9e96f9019"
     "e3e6a7fe40d3829afb73db1cc245646addb62d9b907baaafbe46a73dbc131d3d"},
    {"KISA_ARIA192_ECB", PSA_KEY_TYPE_ARIA, KISA_K192, PSA_ALG_ECB_NO_PADDING,
     "", KISA_P,
     "8d1470625f59ebacb0e55b534b3e462b5f23d33bff78f46c3c15911f4a21809a"
     "accad80b4bda915aa9dae6bcebe06a6c83f77fd5391acfe61de2f646b5d447ed"
     "bfd5bb49b12fbb9145b227895a757b2af1f7188734863d7b8b6ede5a5b2f06a0"
     "a233c8523d2db778fb31b0e311f32700152f33861e9d040c83b5eb40cd88ea49"
     "975709dc629365a189f78a3ec40345fc6a5a307a8f9a4413091e007eca5645a0"},
    {"KISA_ARIA192_CBC", PSA_KEY_TYPE_ARIA, KISA_K192, PSA_ALG_CBC_NO_PADDING,
     KISA_IV, KISA_P,
     "afe6cf23974b533c672a826264ea785f4e4f7f780dc7f3f1e0962b80902386d5"
     "14e9c3e77259de92dd1102ffab086c1ea52a71260db5920a83295c25320e4211"
     "47ca45d532f327b856ea947cd2196ae2e040826548b4c891b0ed0ca6e714dbc4"
     "631998d548110d666b3d54c2a091955c6f05beb4f62309368696c9791fc4c551"
     "564a2637f194346ec45fbca6c72a5b4612e208d531d6c34cc5c64eac6bd0cf8c"},
    {"KISA_ARIA192_CFB128", PSA_KEY_TYPE_ARIA, KISA_K192, PSA_ALG_CFB,
     KISA_IV, KISA_P,
     "4171f7192bf4495494d2736129640f5c4d87a9a213664c9448477c6ecc201359"
     "8d9766952dd8c3868f17e36ef66fd84bfa45d1593d2d6ee3ea2115047d710d4f"
     "b66187caa3a315b3c8ea2d313962edcfe5a3e2028d5ba9a09fd5c65c19d3440e"
     "477f0cab0628ec6902c73ee02f1afee9f80115be7b9df82d1e28228e28581a20"
     "560e195cbb9e2b327bf56fd2d0ae5502e42c13e9b4015d4da42dc859252e7da4"},
    {"KISA_ARIA192_OFB", PSA_KEY_TYPE_ARIA, KISA_K192, PSA_ALG_OFB,
     KISA_IV, KISA_P,
     "4171f7192bf4495494d2736129640f5cc224d26d364b5a06ddde13d0f1e74faa"
     "846de354c63cda77469d1a2d425c47ff41734c71b3fa1fcdc11e0b2de22bfeed"
     "54898e233df652c75ae136e61de6524e62b3f806fb2e8e616eb410a1b9500537"
     "e327ffb04f19f7f82fde2b122100261f81b82723bf936be7beaaf3067d1c0360"
     "01f1ade71422268d274d7dc6c6ae1970b27a5f2c2f39c1d241fe8cac5ccd74e9"},
    {"KISA_ARIA192_CTR", PSA_KEY_TYPE_ARIA, KISA_K192, PSA_ALG_CTR,
     KISA_CTR0, KISA_P,
     "08625ca8fe569c19ba7af3760a6ed1cef4d199263e999dde14082dbba7560b79"
     "a4c6b456b8707dce751f9854f18893dfdb3f4e5afa539733e6f1e70b98ba3789"
     "1f8f81e95df8efc26c7ce043504cb18958b865e4e316cd2aa1c97f31bf23dc04"
     "6ef326b95a692a191ba0f2a41c5fe9ae070f236ff7078e703b42666caafbdd20"
     "bad74ac4c20c0f46c7ca24c151716575c947da16c90cfe1bf217a41cfebe7531"},
    {"KISA_ARIA256_ECB", PSA_KEY_TYPE_ARIA, KISA_K256, PSA_ALG_ECB_NO_PADDING,
     "", KISA_P,
     "58a875e6044ad7fffa4f58420f7f442d8e191016f28e79aefc01e204773280d7"
     "018e5f7a938ec30711719953bae86542cd7ebc752474c1a5f6eaaace2a7e2946"
     "2ee7dfa5afdb84177ead95ccd4b4bb6e1ed17b9534cff0a5fc2941429cfee2ee"
     "49c7adbeb7e9d1b0d2a8531d942079596a27ed79f5b1dd13ecd604b07a48885a"
     "3afa0627a0e4e60a3c703af292f1baa77b702f16c54aa74bc727ea95c7468b00"},
    {"KISA_ARIA256_CBC", PSA_KEY_TYPE_ARIA, KISA_K256, PSA_ALG_CBC_NO_PADDING,
     KISA_IV, KISA_P,
     "523a8a806ae621f155fdd28dbc34e1ab7b9b42432ad8b2efb96e23b13f0a6e52"
     "f36185d50ad002c5f601bee5493f118b243ee2e313642bffc3902e7b2efd9a12"
     "fa682edd2d23c8b9c5f043c18b17c1ec4b5867918270fbec1027c19ed6af833d"
     "a5d620994668ca22f599791d292dd6273b2959082aafb7a996167cce1eec5f0c"
     "fd15f610d87e2dda9ba68ce1260ca54b222491418374294e7909b1e8551cd8de"},
    {"KISA_ARIA256_CFB128", PSA_KEY_TYPE_ARIA, KISA_K256, PSA_ALG_CFB,
     KISA_IV, KISA_P,
     "26834705b0f2c0e2588d4a7f09009635f28bb93d8c31f870ec1e0bdb082b66fa"
     "402dd9c202be300c4517d196b14d4ce11dce97f7aaba54341b0d872cc9b63753"
     "a3e8556a14be6f7b3e27e3cfc39caf80f2a355aa50dc83c09c7b11828694f8e4"
     "aa726c528976b53f2c877f4991a3a8d28adb63bd751846ffb2350265e179d499"
     "0753ae8485ff9b4133ddad5875b84a90cbcfa62a045d726df71b6bda0eeca0be"},
    {"KISA_ARIA256_OFB", PSA_KEY_TYPE_ARIA, KISA_K256, PSA_ALG_OFB,
     KISA_IV, KISA_P,
     "26834705b0f2c0e2588d4a7f0900963584c256815c4292b59f8d3f966a75b523"
     "45b4f5f98c785d3f368a8d5ff89b7f950ceab3cd63773c2621d652b8ef98b419"
     "6afb2c2b30496bc5b7d9e7f9084f9d855f63a511751c8909e7a6deadbe0a67a4"
     "fb89383ca5d209c6f66f793fc471195c476fb9c1eab2ac91e680e454b4f3ed9a"
     "67fb52f09c29b965b23cfa6f3f6bbb2a86c6cdbaa2857bf2486f543231892a52"},
    {"KISA_ARIA256_CTR", PSA_KEY_TYPE_ARIA, KISA_K256, PSA_ALG_CTR,
     KISA_CTR0, KISA_P,
     "30026c329666141721178b99c0a1f1b2f06940253f7b3089e2a30ea86aa3c88f"
     "5940f05ad7ee41d71347bb7261e348f18360473fdf7d4e7723bffb4411cc13f6"
     "cdd89f3bc7b9c768145022c7a74f14d7c305cd012a10f16050c23f1ae5c23f45"
     "998d13fbaa041e51619577e0772764896a5d4516d8ffceb3bf7e05f613edd9a6"
     "0cdcedaff9cfcaf4e00d445a54334f73ab2cad944e51d266548e61c6eb0aa1cd"},
    // The classic single-DES example (key 133457799BBCDFF1).
    {"DES_ECB", PSA_KEY_TYPE_DES, "133457799bbcdff1", PSA_ALG_ECB_NO_PADDING,
     "", "0123456789abcdef", "85e813540f0ab405"},
    {"OpenSSL_DES_CBC", PSA_KEY_TYPE_DES, "133457799bbcdff1",
     PSA_ALG_CBC_NO_PADDING, "1234567890abcdef", TDEA_P,
     "22dd7f373463d1b6e93e6666cd344c06eb946e324e4f8230"},
    // SP 800-67 Rev. 1 example (three-key TDEA, ECB).
    {"SP80067_TDEA3_ECB", PSA_KEY_TYPE_DES, TDEA_K1 TDEA_K2 TDEA_K3,
     PSA_ALG_ECB_NO_PADDING, "", TDEA_P,
     "a826fd8ce53b855fcce21c8112256fe668d5c05dd9b6b900"},
    {"OpenSSL_TDEA3_CBC", PSA_KEY_TYPE_DES, TDEA_K1 TDEA_K2 TDEA_K3,
     PSA_ALG_CBC_NO_PADDING, "1234567890abcdef", TDEA_P,
     "38413d4ba2325cf1141f707471ac2ced57db530f0123b5ac"},
    // Two-key TDEA (K3 = K1), cross-checked with OpenSSL's des-ede-ecb and
    // des-ede3-ecb with K1 K2 K1.
    {"OpenSSL_TDEA2_ECB", PSA_KEY_TYPE_DES, TDEA_K1 TDEA_K2,
     PSA_ALG_ECB_NO_PADDING, "", TDEA_P,
     "c44862f70cf2fbdc9077d0909fa91b884cabd61fc58e0cbb"},
    // RFC 8439 A.2 test vector #1 (key 0, nonce 0, counter 0).
    {"RFC8439_A2_1", PSA_KEY_TYPE_CHACHA20,
     "0000000000000000000000000000000000000000000000000000000000000000",
     PSA_ALG_STREAM_CIPHER, "000000000000000000000000",
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000",
     "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
     "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"},
    // RFC 8439 2.4.2 (counter 1) through the 16-byte IV: counter || nonce.
    {"RFC8439_242_Counter1", PSA_KEY_TYPE_CHACHA20, CHACHA_KEY,
     PSA_ALG_STREAM_CIPHER, "01000000000000000000004a00000000", SUNSCREEN,
     SUNSCREEN_CT},
    // Original ChaCha20 (64-bit nonce): draft-agl-tls-chacha20poly1305-04
    // section 7 (key 00..1f, nonce 0001020304050607), cross-checked with a
    // reference implementation and OpenSSL.
    {"ChaCha20_Nonce64", PSA_KEY_TYPE_CHACHA20, CHACHA_KEY,
     PSA_ALG_STREAM_CIPHER, "0001020304050607",
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000",
     "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c1"
     "34a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a"
     "38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd"
     "9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c7"},
    // RFC 3610 packet vector #1: the encrypted payload (CCM's CTR part
    // with M = 8, L = 2 is CCM* without tag).
    {"RFC3610_Packet1", PSA_KEY_TYPE_AES, "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf",
     PSA_ALG_CCM_STAR_NO_TAG, "00000003020100a0a1a2a3a4a5",
     "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e",
     "588c979a61c663d2f066d0c2c0f989806d5f6b61dac384"},
};

class CipherVectorTest : public testing::TestWithParam<Vector> {};

TEST_P(CipherVectorTest, SinglePartAndMultipartMatchTheVector) {
  const Vector& v = GetParam();
  const Key key{v.key_type, Hex(v.key)};
  const Bytes iv = Hex(v.iv);
  const Bytes plaintext = Hex(v.plaintext);
  const Bytes ciphertext = Hex(v.ciphertext);
  ASSERT_EQ(plaintext.size(), ciphertext.size());

  Result r = Encrypt(key, v.alg, iv, plaintext);
  ASSERT_EQ(r.status, PSA_SUCCESS);
  EXPECT_EQ(r.output, ciphertext);
  r = Multipart(key, v.alg, /*encrypt=*/true, iv, plaintext);
  ASSERT_EQ(r.status, PSA_SUCCESS);
  EXPECT_EQ(r.output, ciphertext);
  r = Multipart(key, v.alg, /*encrypt=*/false, iv, ciphertext);
  ASSERT_EQ(r.status, PSA_SUCCESS);
  EXPECT_EQ(r.output, plaintext);
  // cipher_decrypt takes the default IV length only.
  if (iv.size() == IvLength(key, v.alg)) {
    r = Decrypt(key, v.alg, Cat(iv, ciphertext));
    ASSERT_EQ(r.status, PSA_SUCCESS);
    EXPECT_EQ(r.output, plaintext);
  }
}

INSTANTIATE_TEST_SUITE_P(Vectors, CipherVectorTest, testing::ValuesIn(kVectors),
                         [](const testing::TestParamInfo<Vector>& info) {
                           return info.param.name;
                         });

TEST(CipherChaCha20, Rfc8439Section242WithCounterZeroNonce) {
  // The 12-byte nonce starts at counter 0: block 0 is the 64 bytes before
  // the RFC's ciphertext, which starts at counter 1.
  const Key key{PSA_KEY_TYPE_CHACHA20, Hex(CHACHA_KEY)};
  const Bytes nonce = Hex("000000000000004a00000000");
  const Bytes plaintext = Cat(Bytes(64, 0), Hex(SUNSCREEN));
  const Result r = Encrypt(key, PSA_ALG_STREAM_CIPHER, nonce, plaintext);
  ASSERT_EQ(r.status, PSA_SUCCESS);
  ASSERT_EQ(r.output.size(), plaintext.size());
  EXPECT_EQ(Bytes(r.output.begin() + 64, r.output.end()), Hex(SUNSCREEN_CT));
  // The 16-byte form with counter 0 is the 12-byte nonce.
  const Result r16 =
      Encrypt(key, PSA_ALG_STREAM_CIPHER, Cat(Bytes(4, 0), nonce), plaintext);
  ASSERT_EQ(r16.status, PSA_SUCCESS);
  EXPECT_EQ(r16.output, r.output);
}

TEST(CipherChaCha20, Nonce64IsNonce96WithZeroHighCounterWord) {
  const Key key{PSA_KEY_TYPE_CHACHA20, Pattern(32, 3)};
  const Bytes nonce8 = Pattern(8, 9);
  const Bytes plaintext = Pattern(300, 1);
  const Result r8 =
      Multipart(key, PSA_ALG_STREAM_CIPHER, true, nonce8, plaintext);
  const Result r16 = Multipart(key, PSA_ALG_STREAM_CIPHER, true,
                               Cat(Bytes(8, 0), nonce8), plaintext);
  ASSERT_EQ(r8.status, PSA_SUCCESS);
  ASSERT_EQ(r16.status, PSA_SUCCESS);
  EXPECT_EQ(r8.output, r16.output);
}

// ---- Mechanisms for the generic tests ---------------------------------------

struct Mechanism {
  const char* name;
  psa_key_type_t key_type;
  size_t key_bytes;
  psa_algorithm_t alg;
};

#define MECHANISMS_16(prefix, type, bytes)                   \
  {prefix "_ECB", type, bytes, PSA_ALG_ECB_NO_PADDING},      \
      {prefix "_CBC", type, bytes, PSA_ALG_CBC_NO_PADDING},  \
      {prefix "_CBC_PKCS7", type, bytes, PSA_ALG_CBC_PKCS7}, \
      {prefix "_CTR", type, bytes, PSA_ALG_CTR},             \
      {prefix "_CFB", type, bytes, PSA_ALG_CFB},             \
      {prefix "_OFB", type, bytes, PSA_ALG_OFB}, {           \
    prefix "_CCM_STAR", type, bytes, PSA_ALG_CCM_STAR_NO_TAG \
  }
#define MECHANISMS_DES(prefix, bytes)                                     \
  {prefix "_ECB", PSA_KEY_TYPE_DES, bytes, PSA_ALG_ECB_NO_PADDING},       \
      {prefix "_CBC", PSA_KEY_TYPE_DES, bytes, PSA_ALG_CBC_NO_PADDING}, { \
    prefix "_CBC_PKCS7", PSA_KEY_TYPE_DES, bytes, PSA_ALG_CBC_PKCS7       \
  }

const Mechanism kMechanisms[] = {
    MECHANISMS_16("AES128", PSA_KEY_TYPE_AES, 16),
    MECHANISMS_16("AES192", PSA_KEY_TYPE_AES, 24),
    MECHANISMS_16("AES256", PSA_KEY_TYPE_AES, 32),
    MECHANISMS_16("Camellia128", PSA_KEY_TYPE_CAMELLIA, 16),
    MECHANISMS_16("Camellia192", PSA_KEY_TYPE_CAMELLIA, 24),
    MECHANISMS_16("Camellia256", PSA_KEY_TYPE_CAMELLIA, 32),
    MECHANISMS_16("ARIA128", PSA_KEY_TYPE_ARIA, 16),
    MECHANISMS_16("ARIA192", PSA_KEY_TYPE_ARIA, 24),
    MECHANISMS_16("ARIA256", PSA_KEY_TYPE_ARIA, 32),
    MECHANISMS_DES("DES", 8),
    MECHANISMS_DES("TDEA2", 16),
    MECHANISMS_DES("TDEA3", 24),
    {"ChaCha20", PSA_KEY_TYPE_CHACHA20, 32, PSA_ALG_STREAM_CIPHER},
};

class CipherMechanismTest : public testing::TestWithParam<Mechanism> {
 protected:
  Key key() const {
    return {GetParam().key_type, Pattern(GetParam().key_bytes, 0x11)};
  }
  psa_algorithm_t alg() const { return GetParam().alg; }
  Bytes iv() const { return Pattern(IvLength(key(), alg()), 0x5c); }
  size_t block_length() const {
    return PSA_BLOCK_CIPHER_BLOCK_LENGTH(GetParam().key_type);
  }
  // A message length the mode accepts: whole blocks for ECB and CBC without
  // padding, otherwise not a multiple of any block.
  size_t message_length() const {
    return alg() == PSA_ALG_ECB_NO_PADDING || alg() == PSA_ALG_CBC_NO_PADDING
               ? 48
               : 50;
  }
};

TEST_P(CipherMechanismTest, ContextFitsTheCoreStorage) {
  EXPECT_LE(sizeof(builtin_cipher_operation_t), 512u);
  EXPECT_LE(alignof(builtin_cipher_operation_t), 16u);
}

TEST_P(CipherMechanismTest, DecryptInvertsEncrypt) {
  const Bytes plaintext = Pattern(message_length(), 0x42);
  const Result ct = Encrypt(key(), alg(), iv(), plaintext);
  ASSERT_EQ(ct.status, PSA_SUCCESS);
  EXPECT_NE(ct.output, plaintext);
  const Result pt = Decrypt(key(), alg(), Cat(iv(), ct.output));
  ASSERT_EQ(pt.status, PSA_SUCCESS);
  EXPECT_EQ(pt.output, plaintext);
}

TEST_P(CipherMechanismTest, EmptyMessage) {
  const Result ct = Encrypt(key(), alg(), iv(), {});
  ASSERT_EQ(ct.status, PSA_SUCCESS);
  EXPECT_EQ(ct.output.size(), alg() == PSA_ALG_CBC_PKCS7 ? block_length() : 0u);
  const Result pt = Decrypt(key(), alg(), Cat(iv(), ct.output));
  ASSERT_EQ(pt.status, PSA_SUCCESS);
  EXPECT_TRUE(pt.output.empty());
  const Result mp = Multipart(key(), alg(), true, iv(), {}, {});
  ASSERT_EQ(mp.status, PSA_SUCCESS);
  EXPECT_EQ(mp.output, ct.output);
}

// Multi-part with every two-way split, every fixed chunk size (so held-back
// data of every length meets inputs of every length), one byte at a time,
// each also in place, equals single-part in both directions.
TEST_P(CipherMechanismTest, MultipartAtEverySplitEqualsSinglePart) {
  const Bytes plaintext = Pattern(message_length(), 0x42);
  const Result single = Encrypt(key(), alg(), iv(), plaintext);
  ASSERT_EQ(single.status, PSA_SUCCESS);
  const Bytes& ciphertext = single.output;

  std::vector<std::vector<size_t>> patterns;
  for (size_t i = 0; i <= plaintext.size(); ++i) {
    patterns.push_back({i, plaintext.size() - i});
  }
  for (size_t chunk = 1; chunk <= plaintext.size(); ++chunk) {
    std::vector<size_t> chunks;
    for (size_t done = 0; done < plaintext.size(); done += chunk) {
      chunks.push_back(std::min(chunk, plaintext.size() - done));
    }
    patterns.push_back(chunks);
  }
  // With empty updates in between.
  patterns.push_back({0, 5, 0, 11, 0, 16, plaintext.size() - 32, 0});

  for (const std::vector<size_t>& encrypt_chunks : patterns) {
    for (bool in_place : {false, true}) {
      SCOPED_TRACE(testing::Message() << "chunks[0]=" << encrypt_chunks[0]
                                      << " count=" << encrypt_chunks.size()
                                      << " in_place=" << in_place);
      const Result enc = Multipart(key(), alg(), true, iv(), plaintext,
                                   encrypt_chunks, in_place);
      ASSERT_EQ(enc.status, PSA_SUCCESS);
      EXPECT_EQ(enc.output, ciphertext);
    }
  }
  // Decryption: the same patterns over the ciphertext (as long as the
  // plaintext for stream modes and ECB/CBC; PKCS#7 adds a block).
  std::vector<std::vector<size_t>> decrypt_patterns;
  for (size_t i = 0; i <= ciphertext.size(); ++i) {
    decrypt_patterns.push_back({i, ciphertext.size() - i});
  }
  for (size_t chunk = 1; chunk <= ciphertext.size(); ++chunk) {
    std::vector<size_t> chunks;
    for (size_t done = 0; done < ciphertext.size(); done += chunk) {
      chunks.push_back(std::min(chunk, ciphertext.size() - done));
    }
    decrypt_patterns.push_back(chunks);
  }
  for (const std::vector<size_t>& chunks : decrypt_patterns) {
    for (bool in_place : {false, true}) {
      SCOPED_TRACE(testing::Message()
                   << "decrypt chunks[0]=" << chunks[0]
                   << " count=" << chunks.size() << " in_place=" << in_place);
      const Result dec =
          Multipart(key(), alg(), false, iv(), ciphertext, chunks, in_place);
      ASSERT_EQ(dec.status, PSA_SUCCESS);
      EXPECT_EQ(dec.output, plaintext);
    }
  }
}

TEST_P(CipherMechanismTest, SinglePartInPlace) {
  const Bytes plaintext = Pattern(message_length(), 0x42);
  const Result expected = Encrypt(key(), alg(), iv(), plaintext);
  ASSERT_EQ(expected.status, PSA_SUCCESS);
  const psa_key_attributes_t attributes = Attributes(key());

  // Encryption: output == input.
  Bytes buffer = plaintext;
  buffer.resize(expected.output.size());
  size_t length = 0;
  ASSERT_EQ(builtin_cipher_encrypt(&attributes, key().bytes.data(),
                                   key().bytes.size(), alg(), iv().data(),
                                   iv().size(), buffer.data(), plaintext.size(),
                                   buffer.data(), buffer.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(buffer.begin(), buffer.begin() + length), expected.output);

  // Decryption of IV || ciphertext: output == input, and output == the
  // ciphertext itself (input + IV length).
  for (size_t shift : {size_t{0}, iv().size()}) {
    Bytes io = Cat(iv(), expected.output);
    length = 0;
    ASSERT_EQ(
        builtin_cipher_decrypt(&attributes, key().bytes.data(),
                               key().bytes.size(), alg(), io.data(), io.size(),
                               io.data() + shift, io.size() - shift, &length),
        PSA_SUCCESS)
        << "shift " << shift;
    EXPECT_EQ(Bytes(io.begin() + shift, io.begin() + shift + length), plaintext)
        << "shift " << shift;
  }
}

TEST_P(CipherMechanismTest, SinglePartBufferTooSmallWritesNothing) {
  const Bytes plaintext = Pattern(message_length(), 0x42);
  const Result ct = Encrypt(key(), alg(), iv(), plaintext);
  ASSERT_EQ(ct.status, PSA_SUCCESS);
  EXPECT_EQ(Encrypt(key(), alg(), iv(), plaintext, ct.output.size() - 1).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(Encrypt(key(), alg(), iv(), plaintext, ct.output.size()).output,
            ct.output);
  const Bytes input = Cat(iv(), ct.output);
  EXPECT_EQ(Decrypt(key(), alg(), input, plaintext.size() - 1).status,
            PSA_ERROR_BUFFER_TOO_SMALL);
  // Exactly the plaintext length suffices, also for CBC-PKCS#7.
  EXPECT_EQ(Decrypt(key(), alg(), input, plaintext.size()).output, plaintext);
}

TEST_P(CipherMechanismTest, UpdateBufferTooSmallWritesNothingAndWipes) {
  // 20 bytes from empty: 20 for stream modes, one block for the others
  // (16 or 16 of DES's 8-byte blocks; PKCS#7 decryption holds back one).
  const Bytes input = Pattern(20, 1);
  const size_t produced =
      EmittedAfter(alg(), block_length(), /*encrypt=*/true, input.size());
  ASSERT_GT(produced, 0u);
  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  ASSERT_EQ(StartOperation(&operation, key(), alg(), true), PSA_SUCCESS);
  if (!iv().empty()) {
    ASSERT_EQ(builtin_cipher_set_iv(&operation, iv().data(), iv().size()),
              PSA_SUCCESS);
  }
  Bytes output(produced - 1, kSentinel);
  size_t length = 12345;
  EXPECT_EQ(builtin_cipher_update(&operation, input.data(), input.size(),
                                  output.data(), output.size(), &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(output, Bytes(produced - 1, kSentinel));
  EXPECT_TRUE(IsZero(operation));
}

TEST_P(CipherMechanismTest, UpdateBeforeSetIvIsBadState) {
  if (iv().empty()) GTEST_SKIP() << "ECB takes no IV";
  for (bool encrypt : {true, false}) {
    builtin_cipher_operation_t operation;
    std::memset(&operation, 0, sizeof(operation));
    ASSERT_EQ(StartOperation(&operation, key(), alg(), encrypt), PSA_SUCCESS);
    uint8_t output[32];
    size_t length = 12345;
    const uint8_t input[16] = {0};
    EXPECT_EQ(builtin_cipher_update(&operation, input, sizeof(input), output,
                                    sizeof(output), &length),
              PSA_ERROR_BAD_STATE);
    EXPECT_EQ(length, 0u);
    EXPECT_TRUE(IsZero(operation));

    ASSERT_EQ(StartOperation(&operation, key(), alg(), encrypt), PSA_SUCCESS);
    EXPECT_EQ(
        builtin_cipher_finish(&operation, output, sizeof(output), &length),
        PSA_ERROR_BAD_STATE);
    EXPECT_TRUE(IsZero(operation));
  }
}

TEST_P(CipherMechanismTest, SetIvTwiceIsBadStateAndWipes) {
  if (iv().empty()) GTEST_SKIP() << "ECB takes no IV";
  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  ASSERT_EQ(StartOperation(&operation, key(), alg(), true), PSA_SUCCESS);
  ASSERT_EQ(builtin_cipher_set_iv(&operation, iv().data(), iv().size()),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_cipher_set_iv(&operation, iv().data(), iv().size()),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsZero(operation));
}

TEST_P(CipherMechanismTest, SecondSetupIsBadStateAndLeavesTheOperation) {
  const Bytes plaintext = Pattern(message_length(), 0x42);
  const Result expected = Encrypt(key(), alg(), iv(), plaintext);
  ASSERT_EQ(expected.status, PSA_SUCCESS);

  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  ASSERT_EQ(StartOperation(&operation, key(), alg(), true), PSA_SUCCESS);
  std::vector<uint8_t> before(sizeof(operation));
  std::memcpy(before.data(), &operation, sizeof(operation));
  EXPECT_EQ(StartOperation(&operation, key(), alg(), true),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(StartOperation(&operation, key(), alg(), false),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(std::memcmp(before.data(), &operation, sizeof(operation)), 0);

  if (!iv().empty()) {
    ASSERT_EQ(builtin_cipher_set_iv(&operation, iv().data(), iv().size()),
              PSA_SUCCESS);
  }
  Bytes output(expected.output.size() + 32);
  size_t length = 0;
  ASSERT_EQ(
      builtin_cipher_update(&operation, plaintext.data(), plaintext.size(),
                            output.data(), output.size(), &length),
      PSA_SUCCESS);
  size_t finish_length = 0;
  ASSERT_EQ(builtin_cipher_finish(&operation, output.data() + length,
                                  output.size() - length, &finish_length),
            PSA_SUCCESS);
  output.resize(length + finish_length);
  EXPECT_EQ(output, expected.output);
}

TEST_P(CipherMechanismTest, FinishedOrAbortedOperationIsInactive) {
  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  ASSERT_EQ(StartOperation(&operation, key(), alg(), true), PSA_SUCCESS);
  if (!iv().empty()) {
    ASSERT_EQ(builtin_cipher_set_iv(&operation, iv().data(), iv().size()),
              PSA_SUCCESS);
  }
  uint8_t output[64];
  size_t length = 0;
  const uint8_t input[16] = {0};
  ASSERT_EQ(builtin_cipher_update(&operation, input, sizeof(input), output,
                                  sizeof(output), &length),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_cipher_finish(&operation, output, sizeof(output), &length),
            PSA_SUCCESS);
  EXPECT_TRUE(IsZero(operation));
  EXPECT_EQ(builtin_cipher_update(&operation, input, sizeof(input), output,
                                  sizeof(output), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_cipher_finish(&operation, output, sizeof(output), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_cipher_set_iv(&operation, input, 16), PSA_ERROR_BAD_STATE);

  ASSERT_EQ(StartOperation(&operation, key(), alg(), false), PSA_SUCCESS);
  EXPECT_EQ(builtin_cipher_abort(&operation), PSA_SUCCESS);
  EXPECT_TRUE(IsZero(operation));
  EXPECT_EQ(builtin_cipher_abort(&operation), PSA_SUCCESS);
  EXPECT_TRUE(IsZero(operation));
  EXPECT_EQ(builtin_cipher_update(&operation, input, sizeof(input), output,
                                  sizeof(output), &length),
            PSA_ERROR_BAD_STATE);
  // The operation is reusable after abort.
  EXPECT_EQ(StartOperation(&operation, key(), alg(), true), PSA_SUCCESS);
  EXPECT_EQ(builtin_cipher_abort(&operation), PSA_SUCCESS);
}

TEST_P(CipherMechanismTest, WrongDefaultIvLengthIsInvalidArgument) {
  if (iv().empty()) GTEST_SKIP() << "ECB takes no IV";
  // One byte too long is wrong for every mode; one short is wrong except
  // for CTR (a shorter counter-block prefix) and CCM* (shorter nonces).
  std::vector<size_t> bad = {0, iv().size() + 1, 25, 32};
  if (alg() != PSA_ALG_CTR && alg() != PSA_ALG_CCM_STAR_NO_TAG &&
      alg() != PSA_ALG_STREAM_CIPHER) {
    bad.push_back(iv().size() - 1);
  }
  for (size_t length : bad) {
    const Bytes bad_iv = Pattern(length, 3);
    EXPECT_EQ(Encrypt(key(), alg(), bad_iv, Pattern(16, 0)).status,
              PSA_ERROR_INVALID_ARGUMENT)
        << length;
    builtin_cipher_operation_t operation;
    std::memset(&operation, 0, sizeof(operation));
    ASSERT_EQ(StartOperation(&operation, key(), alg(), false), PSA_SUCCESS);
    EXPECT_EQ(builtin_cipher_set_iv(&operation, bad_iv.data(), bad_iv.size()),
              PSA_ERROR_INVALID_ARGUMENT)
        << length;
    EXPECT_TRUE(IsZero(operation));
  }
  // The default length works in both entry points.
  EXPECT_EQ(Encrypt(key(), alg(), iv(), Pattern(16, 0)).status, PSA_SUCCESS);
}

std::string MechanismName(const testing::TestParamInfo<Mechanism>& info) {
  return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Mechanisms, CipherMechanismTest,
                         testing::ValuesIn(kMechanisms), MechanismName);

// ---- Block modes ------------------------------------------------------------

const Key kAes128{PSA_KEY_TYPE_AES, Hex(NIST_K128)};
const Key kCamellia128{PSA_KEY_TYPE_CAMELLIA, Hex(NIST_K128)};
const Key kAria128{PSA_KEY_TYPE_ARIA, Hex(NIST_K128)};
const Key kDes{PSA_KEY_TYPE_DES, Hex("133457799bbcdff1")};
const Key kTdea3{PSA_KEY_TYPE_DES, Hex(TDEA_K1 TDEA_K2 TDEA_K3)};

TEST(CipherPkcs7, RoundTripAtEveryLengthAndPaddingIsPkcs7) {
  for (const Key& key : {kAes128, kCamellia128, kDes, kTdea3}) {
    const size_t block = PSA_BLOCK_CIPHER_BLOCK_LENGTH(key.type);
    const Bytes iv = Pattern(block, 0x77);
    for (size_t n = 0; n <= 48; ++n) {
      SCOPED_TRACE(testing::Message() << "type " << key.type << " n " << n);
      const Bytes plaintext = Pattern(n, 0x30);
      const Result ct = Encrypt(key, PSA_ALG_CBC_PKCS7, iv, plaintext);
      ASSERT_EQ(ct.status, PSA_SUCCESS);
      ASSERT_EQ(ct.output.size(), (n / block + 1) * block);
      // The padding is PKCS#7: CBC without padding of the padded message.
      const size_t pad = block - n % block;
      const Bytes padded =
          Cat(plaintext, Bytes(pad, static_cast<uint8_t>(pad)));
      EXPECT_EQ(Encrypt(key, PSA_ALG_CBC_NO_PADDING, iv, padded).output,
                ct.output);
      const Result pt = Decrypt(key, PSA_ALG_CBC_PKCS7, Cat(iv, ct.output));
      ASSERT_EQ(pt.status, PSA_SUCCESS);
      EXPECT_EQ(pt.output, plaintext);
      const Result mp = Multipart(
          key, PSA_ALG_CBC_PKCS7, false, iv, ct.output,
          {ct.output.size() / 2, ct.output.size() - ct.output.size() / 2});
      ASSERT_EQ(mp.status, PSA_SUCCESS);
      EXPECT_EQ(mp.output, plaintext);
    }
  }
}

// Last plaintext blocks whose PKCS#7 padding is wrong, for block size `b`.
std::vector<Bytes> BadPaddings(size_t b) {
  std::vector<Bytes> bad;
  const auto block = [b](uint8_t pad) {
    Bytes x = Pattern(b, 0x61);
    for (size_t i = b - pad; i < b; ++i) x[i] = pad;
    return x;
  };
  Bytes x = Pattern(b, 0x61);
  x[b - 1] = 0;  // pad 0
  bad.push_back(x);
  x[b - 1] = static_cast<uint8_t>(b + 1);  // longer than a block
  bad.push_back(x);
  x[b - 1] = 0xff;
  bad.push_back(x);
  x = block(2);
  x[b - 2] = 3;  // 03 02
  bad.push_back(x);
  x = block(static_cast<uint8_t>(b));
  x[0] = static_cast<uint8_t>(b - 1);  // full-block padding, first byte off
  bad.push_back(x);
  x = block(static_cast<uint8_t>(b));
  x[b / 2] = 0;  // full-block padding, middle byte off
  bad.push_back(x);
  const uint8_t mid = static_cast<uint8_t>(b / 2 + 1);
  x = block(mid);
  x[b - mid] ^= 1;  // first padding byte off
  bad.push_back(x);
  x = block(mid);
  x[b - 2] ^= 0x80;  // inner padding byte off
  bad.push_back(x);
  return bad;
}

TEST(CipherPkcs7, BadPaddingIsInvalidPaddingWithNoOutput) {
  for (const Key& key : {kAes128, kDes, kTdea3}) {
    const size_t block = PSA_BLOCK_CIPHER_BLOCK_LENGTH(key.type);
    const Bytes iv = Pattern(block, 0x77);
    for (size_t blocks_before : {size_t{0}, size_t{2}}) {
      for (const Bytes& last : BadPaddings(block)) {
        SCOPED_TRACE(testing::Message()
                     << "type " << key.type << " blocks " << blocks_before
                     << " last byte " << int{last.back()});
        const Bytes padded = Cat(Pattern(blocks_before * block, 0x10), last);
        const Result ct = Encrypt(key, PSA_ALG_CBC_NO_PADDING, iv, padded);
        ASSERT_EQ(ct.status, PSA_SUCCESS);
        // Single-part: nothing written (Decrypt checks the sentinel).
        EXPECT_EQ(Decrypt(key, PSA_ALG_CBC_PKCS7, Cat(iv, ct.output)).status,
                  PSA_ERROR_INVALID_PADDING);
        // Multi-part: the update outputs the blocks before the last; the
        // finish fails without writing and wipes.
        builtin_cipher_operation_t operation;
        std::memset(&operation, 0, sizeof(operation));
        ASSERT_EQ(StartOperation(&operation, key, PSA_ALG_CBC_PKCS7, false),
                  PSA_SUCCESS);
        ASSERT_EQ(builtin_cipher_set_iv(&operation, iv.data(), iv.size()),
                  PSA_SUCCESS);
        Bytes out(ct.output.size());
        size_t length = 0;
        ASSERT_EQ(builtin_cipher_update(&operation, ct.output.data(),
                                        ct.output.size(), out.data(),
                                        out.size(), &length),
                  PSA_SUCCESS);
        EXPECT_EQ(length, blocks_before * block);
        Bytes finish(block, kSentinel);
        length = 12345;
        EXPECT_EQ(builtin_cipher_finish(&operation, finish.data(),
                                        finish.size(), &length),
                  PSA_ERROR_INVALID_PADDING);
        EXPECT_EQ(length, 0u);
        EXPECT_EQ(finish, Bytes(block, kSentinel));
        EXPECT_TRUE(IsZero(operation));
      }
    }
  }
}

TEST(CipherPkcs7, EdgePaddingsAreAccepted) {
  const size_t block = 16;
  const Bytes iv = Pattern(block, 0x77);
  // Pad 1 whatever precedes it; a full block of 0x10; pad 5 preceded by a
  // 0x05 byte that is data.
  Bytes pad1 = Pattern(block, 0x61);
  pad1[block - 1] = 1;
  Bytes full(block, 0x10);
  Bytes pad5 = Pattern(block, 0x61);
  for (size_t i = block - 6; i < block; ++i) pad5[i] = 5;
  for (const auto& [last, length] : std::vector<std::pair<Bytes, size_t>>{
           {pad1, 15}, {full, 0}, {pad5, 11}}) {
    const Result ct = Encrypt(kAes128, PSA_ALG_CBC_NO_PADDING, iv, last);
    ASSERT_EQ(ct.status, PSA_SUCCESS);
    const Result pt = Decrypt(kAes128, PSA_ALG_CBC_PKCS7, Cat(iv, ct.output));
    ASSERT_EQ(pt.status, PSA_SUCCESS);
    EXPECT_EQ(pt.output, Bytes(last.begin(), last.begin() + length));
  }
}

TEST(CipherPkcs7, FinishBufferTooSmallWritesNothing) {
  const Bytes iv = Pattern(16, 0x77);
  // Encryption: the padding block needs 16 bytes.
  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  ASSERT_EQ(StartOperation(&operation, kAes128, PSA_ALG_CBC_PKCS7, true),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_cipher_set_iv(&operation, iv.data(), iv.size()),
            PSA_SUCCESS);
  Bytes out(15, kSentinel);
  size_t length = 12345;
  EXPECT_EQ(builtin_cipher_finish(&operation, out.data(), out.size(), &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(out, Bytes(15, kSentinel));
  EXPECT_TRUE(IsZero(operation));

  // Decryption of 20 bytes: the finish outputs 4, so 3 is too small and 4
  // enough.
  const Bytes plaintext = Pattern(20, 1);
  const Result ct = Encrypt(kAes128, PSA_ALG_CBC_PKCS7, iv, plaintext);
  ASSERT_EQ(ct.status, PSA_SUCCESS);
  for (size_t size : {size_t{3}, size_t{4}}) {
    ASSERT_EQ(StartOperation(&operation, kAes128, PSA_ALG_CBC_PKCS7, false),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_cipher_set_iv(&operation, iv.data(), iv.size()),
              PSA_SUCCESS);
    Bytes first(32);
    ASSERT_EQ(
        builtin_cipher_update(&operation, ct.output.data(), ct.output.size(),
                              first.data(), first.size(), &length),
        PSA_SUCCESS);
    ASSERT_EQ(length, 16u);
    Bytes last(size, kSentinel);
    length = 12345;
    const psa_status_t status =
        builtin_cipher_finish(&operation, last.data(), last.size(), &length);
    if (size == 3) {
      EXPECT_EQ(status, PSA_ERROR_BUFFER_TOO_SMALL);
      EXPECT_EQ(length, 0u);
      EXPECT_EQ(last, Bytes(3, kSentinel));
    } else {
      ASSERT_EQ(status, PSA_SUCCESS);
      EXPECT_EQ(Cat(Bytes(first.begin(), first.begin() + 16), last), plaintext);
    }
    EXPECT_TRUE(IsZero(operation));
  }
}

TEST(CipherPkcs7, DecryptionNeedsWholeNonEmptyBlocks) {
  const Bytes iv = Pattern(16, 0x77);
  EXPECT_EQ(Decrypt(kAes128, PSA_ALG_CBC_PKCS7, iv).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Decrypt(kAes128, PSA_ALG_CBC_PKCS7, Cat(iv, Pattern(17, 0))).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Multipart(kAes128, PSA_ALG_CBC_PKCS7, false, iv, {}, {}).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(
      Multipart(kAes128, PSA_ALG_CBC_PKCS7, false, iv, Pattern(31, 0), {31})
          .status,
      PSA_ERROR_INVALID_ARGUMENT);
}

TEST(CipherNoPadding, PartialBlockIsInvalidArgument) {
  for (psa_algorithm_t alg : {PSA_ALG_ECB_NO_PADDING, PSA_ALG_CBC_NO_PADDING}) {
    for (const Key& key : {kAes128, kDes}) {
      const size_t block = PSA_BLOCK_CIPHER_BLOCK_LENGTH(key.type);
      const Bytes iv = Pattern(IvLength(key, alg), 0x77);
      for (size_t n : {size_t{1}, block - 1, block + 1, 3 * block - 1}) {
        const Bytes input = Pattern(n, 0);
        EXPECT_EQ(Encrypt(key, alg, iv, input).status,
                  PSA_ERROR_INVALID_ARGUMENT);
        EXPECT_EQ(Decrypt(key, alg, Cat(iv, input)).status,
                  PSA_ERROR_INVALID_ARGUMENT);
        // Multi-part: the update takes it, the finish refuses (and wipes,
        // which Multipart checks).
        EXPECT_EQ(Multipart(key, alg, true, iv, input).status,
                  PSA_ERROR_INVALID_ARGUMENT);
        EXPECT_EQ(Multipart(key, alg, false, iv, input).status,
                  PSA_ERROR_INVALID_ARGUMENT);
      }
    }
  }
}

TEST(CipherEcb, TakesNoIv) {
  const Bytes input = Pattern(32, 0);
  EXPECT_EQ(
      Encrypt(kAes128, PSA_ALG_ECB_NO_PADDING, Pattern(16, 0), input).status,
      PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Encrypt(kAes128, PSA_ALG_ECB_NO_PADDING, {}, input).status,
            PSA_SUCCESS);
  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  ASSERT_EQ(StartOperation(&operation, kAes128, PSA_ALG_ECB_NO_PADDING, true),
            PSA_SUCCESS);
  const Bytes iv = Pattern(16, 0);
  EXPECT_EQ(builtin_cipher_set_iv(&operation, iv.data(), iv.size()),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsZero(operation));
}

// ---- Counter modes ----------------------------------------------------------

// The key stream of `key` for the counter blocks `counters`, by ECB.
Bytes EcbKeyStream(const Key& key, const std::vector<Bytes>& counters) {
  Bytes blocks;
  for (const Bytes& c : counters) blocks = Cat(blocks, c);
  const Result r = Encrypt(key, PSA_ALG_ECB_NO_PADDING, {}, blocks);
  EXPECT_EQ(r.status, PSA_SUCCESS);
  return r.output;
}

TEST(CipherCtr, CounterBlockIsOneBigEndianInteger) {
  const struct {
    const char* iv;
    std::vector<const char*> next;
  } cases[] = {
      {"000102030405060708090a0bfffffffe",
       {"000102030405060708090a0bffffffff", "000102030405060708090a0c00000000",
        "000102030405060708090a0c00000001"}},
      {"ffffffffffffffffffffffffffffffff",
       {"00000000000000000000000000000000",
        "00000000000000000000000000000001"}},
      {"00000000000000fffffffffffffffffe",
       {"00000000000000ffffffffffffffffff",
        "00000000000001000000000000000000"}},
  };
  for (const Key& key : {kAes128, kCamellia128, kAria128}) {
    for (const auto& c : cases) {
      std::vector<Bytes> counters = {Hex(c.iv)};
      for (const char* n : c.next) counters.push_back(Hex(n));
      const Bytes zeros(16 * counters.size() - 5, 0);
      const Bytes expected = EcbKeyStream(key, counters);
      const Result r = Multipart(key, PSA_ALG_CTR, true, Hex(c.iv), zeros,
                                 {7, 20, zeros.size() - 27});
      ASSERT_EQ(r.status, PSA_SUCCESS);
      EXPECT_EQ(r.output,
                Bytes(expected.begin(), expected.begin() + zeros.size()));
    }
  }
}

TEST(CipherCtr, ShortIvIsZeroPaddedCounterBlock) {
  const Bytes message = Pattern(100, 9);
  for (size_t n = 1; n <= 16; ++n) {
    const Bytes iv = Pattern(n, 0xe0);
    Bytes padded = iv;
    padded.resize(16, 0);
    const Result short_iv = Multipart(kAes128, PSA_ALG_CTR, true, iv, message);
    const Result full_iv =
        Multipart(kAes128, PSA_ALG_CTR, true, padded, message);
    ASSERT_EQ(short_iv.status, PSA_SUCCESS) << n;
    ASSERT_EQ(full_iv.status, PSA_SUCCESS) << n;
    EXPECT_EQ(short_iv.output, full_iv.output) << n;
  }
}

TEST(CipherCcmStar, IsCtrWithTheCcmCounterBlock) {
  for (const Key& key : {kAes128, kCamellia128, kAria128,
                         Key{PSA_KEY_TYPE_AES, Hex(NIST_K256)}}) {
    for (size_t nonce_length = 7; nonce_length <= 13; ++nonce_length) {
      const Bytes nonce = Pattern(nonce_length, 0xa0);
      const size_t l = 15 - nonce_length;
      // A_1 = [L - 1] || nonce || [1]_L.
      Bytes counter = Cat(Bytes{static_cast<uint8_t>(l - 1)}, nonce);
      counter.resize(16, 0);
      counter[15] = 1;
      for (size_t n : {0, 1, 15, 16, 17, 100}) {
        SCOPED_TRACE(testing::Message()
                     << "nonce " << nonce_length << " n " << n);
        const Bytes message = Pattern(n, 3);
        const Result ccm =
            Encrypt(key, PSA_ALG_CCM_STAR_NO_TAG, nonce, message);
        const Result ctr = Encrypt(key, PSA_ALG_CTR, counter, message);
        ASSERT_EQ(ccm.status, PSA_SUCCESS);
        ASSERT_EQ(ctr.status, PSA_SUCCESS);
        EXPECT_EQ(ccm.output, ctr.output);
        const Result back =
            Multipart(key, PSA_ALG_CCM_STAR_NO_TAG, false, nonce, ccm.output);
        ASSERT_EQ(back.status, PSA_SUCCESS);
        EXPECT_EQ(back.output, message);
      }
    }
  }
}

TEST(CipherCcmStar, MessageMustBeShorterThanTwoToThe8L) {
  const Bytes nonce13 = Pattern(13, 1);  // L = 2
  EXPECT_EQ(Encrypt(kAes128, PSA_ALG_CCM_STAR_NO_TAG, nonce13, Bytes(65535, 0))
                .status,
            PSA_SUCCESS);
  EXPECT_EQ(Encrypt(kAes128, PSA_ALG_CCM_STAR_NO_TAG, nonce13, Bytes(65536, 0))
                .status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Multipart(kAes128, PSA_ALG_CCM_STAR_NO_TAG, true, nonce13,
                      Bytes(65536, 0), {65535, 1})
                .status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Multipart(kAes128, PSA_ALG_CCM_STAR_NO_TAG, false, nonce13,
                      Bytes(65536, 0), {60000, 5536})
                .status,
            PSA_ERROR_INVALID_ARGUMENT);
  // L = 3 allows it.
  EXPECT_EQ(
      Encrypt(kAes128, PSA_ALG_CCM_STAR_NO_TAG, Pattern(12, 1), Bytes(65536, 0))
          .status,
      PSA_SUCCESS);
}

TEST(CipherCcmStar, NonceLengthOutsideSevenToThirteenIsInvalid) {
  for (size_t n : {0, 1, 6, 14, 15, 16}) {
    EXPECT_EQ(
        Encrypt(kAes128, PSA_ALG_CCM_STAR_NO_TAG, Pattern(n, 1), Pattern(16, 0))
            .status,
        PSA_ERROR_INVALID_ARGUMENT)
        << n;
  }
}

// ---- ARIA -------------------------------------------------------------------

// RFC 5794 has ECB vectors only. The modes are checked against their
// definitions (SP 800-38A; CCM* in CipherCcmStar above) composed from the
// ECB block function, which the RFC 5794 vectors pin down.

Bytes Xor(const Bytes& a, const Bytes& b) {
  Bytes out(a.size());
  for (size_t i = 0; i < a.size(); ++i) out[i] = a[i] ^ b[i];
  return out;
}

// Block i of `data` (shorter if it is the partial last one).
Bytes BlockOf(const Bytes& data, size_t i) {
  const size_t end = std::min(data.size(), 16 * (i + 1));
  return Bytes(data.begin() + 16 * i, data.begin() + end);
}

// `counter` + 1 as a 128-bit big-endian integer.
Bytes Increment(Bytes counter) {
  for (size_t i = counter.size(); i > 0; --i) {
    if (++counter[i - 1] != 0) break;
  }
  return counter;
}

TEST(CipherAria, ModesComposeTheEcbBlockFunction) {
  const Key rfc_key{PSA_KEY_TYPE_ARIA, Hex(RFC5794_K128)};
  ASSERT_EQ(Encrypt(rfc_key, PSA_ALG_ECB_NO_PADDING, {}, Hex(RFC5794_P)).output,
            Hex("d718fbd6ab644c739da95f3be6451778"));
  for (size_t key_bytes : {16, 24, 32}) {
    SCOPED_TRACE(key_bytes);
    const Key key{PSA_KEY_TYPE_ARIA, Pattern(key_bytes, 0x30)};
    const auto e = [&key](const Bytes& block) {
      const Result r = Encrypt(key, PSA_ALG_ECB_NO_PADDING, {}, block);
      EXPECT_EQ(r.status, PSA_SUCCESS);
      return r.output;
    };
    const auto d = [&key](const Bytes& block) {
      const Result r = Decrypt(key, PSA_ALG_ECB_NO_PADDING, block);
      EXPECT_EQ(r.status, PSA_SUCCESS);
      return r.output;
    };
    const Bytes iv = Pattern(16, 0x77);
    const Bytes whole = Pattern(64, 0x01);  // four blocks
    const Bytes partial = Pattern(61, 0x01);

    // CBC: C_i = E(P_i ^ C_(i-1)), C_0 = IV; P_i = D(C_i) ^ C_(i-1).
    Bytes cbc;
    Bytes chain = iv;
    for (size_t i = 0; i < 4; ++i) {
      chain = e(Xor(BlockOf(whole, i), chain));
      cbc = Cat(cbc, chain);
    }
    EXPECT_EQ(Encrypt(key, PSA_ALG_CBC_NO_PADDING, iv, whole).output, cbc);
    Bytes cbc_plain;
    for (size_t i = 0; i < 4; ++i) {
      cbc_plain = Cat(cbc_plain, Xor(d(BlockOf(cbc, i)),
                                     i == 0 ? iv : BlockOf(cbc, i - 1)));
    }
    EXPECT_EQ(cbc_plain, whole);
    EXPECT_EQ(Decrypt(key, PSA_ALG_CBC_NO_PADDING, Cat(iv, cbc)).output, whole);

    // CFB-128: C_i = P_i ^ E(C_(i-1)), C_0 = IV (the last block truncated).
    Bytes cfb;
    Bytes feedback = iv;
    for (size_t i = 0; 16 * i < partial.size(); ++i) {
      const Bytes c = Xor(BlockOf(partial, i), e(feedback));
      cfb = Cat(cfb, c);
      feedback = c;
    }
    EXPECT_EQ(Encrypt(key, PSA_ALG_CFB, iv, partial).output, cfb);
    EXPECT_EQ(Decrypt(key, PSA_ALG_CFB, Cat(iv, cfb)).output, partial);

    // OFB: O_i = E(O_(i-1)), O_0 = IV; C_i = P_i ^ O_i.
    Bytes ofb;
    Bytes output_block = iv;
    for (size_t i = 0; 16 * i < partial.size(); ++i) {
      output_block = e(output_block);
      ofb = Cat(ofb, Xor(BlockOf(partial, i), output_block));
    }
    EXPECT_EQ(Encrypt(key, PSA_ALG_OFB, iv, partial).output, ofb);
    EXPECT_EQ(Decrypt(key, PSA_ALG_OFB, Cat(iv, ofb)).output, partial);

    // CTR: C_i = P_i ^ E(T_i), T_1 = IV, T_(i+1) = T_i + 1; from a counter
    // whose low 64 bits carry into the high ones.
    const Bytes counter0 = Hex("0123456789abcdeffffffffffffffffe");
    Bytes ctr;
    Bytes counter = counter0;
    for (size_t i = 0; 16 * i < partial.size(); ++i) {
      ctr = Cat(ctr, Xor(BlockOf(partial, i), e(counter)));
      counter = Increment(counter);
    }
    EXPECT_EQ(Encrypt(key, PSA_ALG_CTR, counter0, partial).output, ctr);
    EXPECT_EQ(Decrypt(key, PSA_ALG_CTR, Cat(counter0, ctr)).output, partial);

    // CBC-PKCS#7: CBC over the message and a block of padding.
    const Bytes padded = Cat(partial, Bytes(3, 3));
    EXPECT_EQ(Encrypt(key, PSA_ALG_CBC_PKCS7, iv, partial).output,
              Encrypt(key, PSA_ALG_CBC_NO_PADDING, iv, padded).output);
  }
}

// ---- ChaCha20 ---------------------------------------------------------------

const Key kChaCha{PSA_KEY_TYPE_CHACHA20, Hex(CHACHA_KEY)};

TEST(CipherChaCha20, IvLengths) {
  for (size_t n : {8, 12, 16}) {
    EXPECT_EQ(
        Encrypt(kChaCha, PSA_ALG_STREAM_CIPHER, Pattern(n, 1), Pattern(70, 0))
            .status,
        PSA_SUCCESS)
        << n;
  }
  for (size_t n : {0, 1, 7, 9, 11, 13, 15, 17, 24, 32}) {
    EXPECT_EQ(
        Encrypt(kChaCha, PSA_ALG_STREAM_CIPHER, Pattern(n, 1), Pattern(70, 0))
            .status,
        PSA_ERROR_INVALID_ARGUMENT)
        << n;
  }
}

TEST(CipherChaCha20, BlockCounterMustNotWrap) {
  const Bytes nonce = Pattern(12, 1);
  const Bytes last_block = Cat(Hex("ffffffff"), nonce);  // 1 block left
  const Bytes two_blocks = Cat(Hex("feffffff"), nonce);  // 2 blocks left
  EXPECT_EQ(
      Encrypt(kChaCha, PSA_ALG_STREAM_CIPHER, last_block, Bytes(64, 0)).status,
      PSA_SUCCESS);
  EXPECT_EQ(
      Encrypt(kChaCha, PSA_ALG_STREAM_CIPHER, last_block, Bytes(65, 0)).status,
      PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(
      Encrypt(kChaCha, PSA_ALG_STREAM_CIPHER, two_blocks, Bytes(128, 0)).status,
      PSA_SUCCESS);
  EXPECT_EQ(Multipart(kChaCha, PSA_ALG_STREAM_CIPHER, true, two_blocks,
                      Bytes(129, 0), {100, 28, 1})
                .status,
            PSA_ERROR_INVALID_ARGUMENT);
}

// ---- Key types, algorithms, key sizes ---------------------------------------

struct Refusal {
  psa_key_type_t type;
  size_t key_bytes;
  psa_algorithm_t alg;
  psa_status_t expected;
};

TEST(CipherSetup, IncompatibleOrUnsupportedPairsAreRefused) {
  constexpr psa_status_t kInvalid = PSA_ERROR_INVALID_ARGUMENT;
  constexpr psa_status_t kUnsupported = PSA_ERROR_NOT_SUPPORTED;
  const Refusal refusals[] = {
      // Incompatible.
      {PSA_KEY_TYPE_AES, 16, PSA_ALG_STREAM_CIPHER, kInvalid},
      {PSA_KEY_TYPE_CAMELLIA, 16, PSA_ALG_STREAM_CIPHER, kInvalid},
      {PSA_KEY_TYPE_DES, 8, PSA_ALG_STREAM_CIPHER, kInvalid},
      {PSA_KEY_TYPE_ARIA, 16, PSA_ALG_STREAM_CIPHER, kInvalid},
      {PSA_KEY_TYPE_CHACHA20, 32, PSA_ALG_CBC_NO_PADDING, kInvalid},
      {PSA_KEY_TYPE_CHACHA20, 32, PSA_ALG_ECB_NO_PADDING, kInvalid},
      {PSA_KEY_TYPE_CHACHA20, 32, PSA_ALG_CTR, kInvalid},
      {PSA_KEY_TYPE_CHACHA20, 32, PSA_ALG_CCM_STAR_NO_TAG, kInvalid},
      {PSA_KEY_TYPE_CHACHA20, 32, PSA_ALG_XTS, kInvalid},
      {PSA_KEY_TYPE_ARC4, 16, PSA_ALG_CBC_PKCS7, kInvalid},
      {PSA_KEY_TYPE_DES, 24, PSA_ALG_CCM_STAR_NO_TAG, kInvalid},
      {PSA_KEY_TYPE_RAW_DATA, 16, PSA_ALG_CTR, kInvalid},
      {PSA_KEY_TYPE_HMAC, 16, PSA_ALG_CBC_NO_PADDING, kInvalid},
      {PSA_KEY_TYPE_DERIVE, 16, PSA_ALG_CTR, kInvalid},
      {PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 32, PSA_ALG_CTR,
       kInvalid},
      {PSA_KEY_TYPE_AES, 16, PSA_ALG_SHA_256, kInvalid},
      {PSA_KEY_TYPE_AES, 16, PSA_ALG_CMAC, kInvalid},
      {PSA_KEY_TYPE_AES, 16, PSA_ALG_GCM, kInvalid},
      {PSA_KEY_TYPE_AES, 16, 0, kInvalid},
      // Compatible, not supported here.
      {PSA_KEY_TYPE_ARIA, 32, PSA_ALG_XTS, kUnsupported},
      {PSA_KEY_TYPE_SM4, 16, PSA_ALG_CBC_NO_PADDING, kUnsupported},
      {PSA_KEY_TYPE_XCHACHA20, 32, PSA_ALG_STREAM_CIPHER, kUnsupported},
      {PSA_KEY_TYPE_ARC4, 16, PSA_ALG_STREAM_CIPHER, kUnsupported},
      {PSA_KEY_TYPE_AES, 32, PSA_ALG_XTS, kUnsupported},
      {PSA_KEY_TYPE_AES, 64, PSA_ALG_XTS, kUnsupported},
      {PSA_KEY_TYPE_DES, 8, PSA_ALG_CTR, kUnsupported},
      {PSA_KEY_TYPE_DES, 24, PSA_ALG_CFB, kUnsupported},
      {PSA_KEY_TYPE_DES, 16, PSA_ALG_OFB, kUnsupported},
      // A cipher algorithm identifier no version defines.
      {PSA_KEY_TYPE_AES, 16, static_cast<psa_algorithm_t>(0x04c01f00),
       kUnsupported},
      // Key sizes.
      {PSA_KEY_TYPE_AES, 0, PSA_ALG_CTR, kInvalid},
      {PSA_KEY_TYPE_AES, 15, PSA_ALG_CTR, kInvalid},
      {PSA_KEY_TYPE_AES, 17, PSA_ALG_CBC_NO_PADDING, kInvalid},
      {PSA_KEY_TYPE_AES, 64, PSA_ALG_CBC_NO_PADDING, kInvalid},
      {PSA_KEY_TYPE_CAMELLIA, 8, PSA_ALG_ECB_NO_PADDING, kInvalid},
      {PSA_KEY_TYPE_ARIA, 8, PSA_ALG_ECB_NO_PADDING, kInvalid},
      {PSA_KEY_TYPE_ARIA, 20, PSA_ALG_CTR, kInvalid},
      {PSA_KEY_TYPE_ARIA, 64, PSA_ALG_CBC_PKCS7, kInvalid},
      {PSA_KEY_TYPE_DES, 7, PSA_ALG_ECB_NO_PADDING, kInvalid},
      {PSA_KEY_TYPE_DES, 32, PSA_ALG_CBC_PKCS7, kInvalid},
      {PSA_KEY_TYPE_CHACHA20, 16, PSA_ALG_STREAM_CIPHER, kInvalid},
  };
  for (const Refusal& r : refusals) {
    SCOPED_TRACE(testing::Message()
                 << std::hex << "type 0x" << r.type << " alg 0x" << r.alg
                 << std::dec << " key " << r.key_bytes);
    const Key key{r.type, Pattern(r.key_bytes, 1)};
    for (bool encrypt : {true, false}) {
      builtin_cipher_operation_t operation;
      std::memset(&operation, 0, sizeof(operation));
      EXPECT_EQ(StartOperation(&operation, key, r.alg, encrypt), r.expected);
      EXPECT_TRUE(IsZero(operation));
    }
    const Bytes iv = Pattern(16, 2);
    Bytes out(64, kSentinel);
    size_t length = 12345;
    const psa_key_attributes_t attributes = Attributes(key);
    EXPECT_EQ(
        builtin_cipher_encrypt(&attributes, key.bytes.data(), key.bytes.size(),
                               r.alg, iv.data(), iv.size(), iv.data(),
                               iv.size(), out.data(), out.size(), &length),
        r.expected);
    EXPECT_EQ(length, 0u);
    EXPECT_EQ(builtin_cipher_decrypt(&attributes, key.bytes.data(),
                                     key.bytes.size(), r.alg, out.data(), 32,
                                     out.data(), out.size(), &length),
              r.expected);
    EXPECT_EQ(length, 0u);
  }
}

TEST(CipherSetup, KeyBitsMustAgreeWithTheBuffer) {
  Key key{PSA_KEY_TYPE_AES, Hex(NIST_K128), 256};
  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  EXPECT_EQ(StartOperation(&operation, key, PSA_ALG_CTR, true),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(IsZero(operation));
  // Unset bits (0) take the buffer's size.
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_set_key_type(&attributes, PSA_KEY_TYPE_AES);
  EXPECT_EQ(builtin_cipher_encrypt_setup(&operation, &attributes,
                                         kAes128.bytes.data(),
                                         kAes128.bytes.size(), PSA_ALG_CTR),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_cipher_abort(&operation), PSA_SUCCESS);
}

TEST(CipherSetup, InactiveOperationIsBadState) {
  builtin_cipher_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  uint8_t buffer[32] = {0};
  size_t length = 12345;
  EXPECT_EQ(builtin_cipher_set_iv(&operation, buffer, 16), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_cipher_update(&operation, buffer, 16, buffer,
                                  sizeof(buffer), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  length = 12345;
  EXPECT_EQ(builtin_cipher_finish(&operation, buffer, sizeof(buffer), &length),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(builtin_cipher_abort(&operation), PSA_SUCCESS);
  EXPECT_TRUE(IsZero(operation));
}

TEST(CipherDecrypt, InputShorterThanTheIvIsInvalidArgument) {
  EXPECT_EQ(Decrypt(kAes128, PSA_ALG_CTR, Pattern(15, 0)).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Decrypt(kChaCha, PSA_ALG_STREAM_CIPHER, Pattern(11, 0)).status,
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Decrypt(kAes128, PSA_ALG_CCM_STAR_NO_TAG, Pattern(12, 0)).status,
            PSA_ERROR_INVALID_ARGUMENT);
  // Exactly the IV: an empty message.
  const Result r = Decrypt(kAes128, PSA_ALG_CTR, Pattern(16, 0));
  ASSERT_EQ(r.status, PSA_SUCCESS);
  EXPECT_TRUE(r.output.empty());
}

}  // namespace
}  // namespace drivers::builtin
