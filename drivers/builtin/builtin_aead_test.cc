// Unit tests of the builtin AEAD driver, entry points called directly:
// known-answer vectors (the GCM specification's test cases 1-6, 13-16 and
// 18 plus a 32-bit counter wrap case, RFC 3610 packet vector #1, NIST SP
// 800-38C C.1-C.4, RFC 8439 2.8.2 and A.5, the ARIA-GCM vectors of RFC 8269
// and ARIA-CCM ones of its draft 02) through the single-part and
// multi-part entry points; multi-part against single-part at every split
// of the additional data and of the message and with random chunking;
// tampered tags, ciphertexts and additional data; shortened tags; buffer
// sizes (outputs always within the size macros, checked with exact-size
// heap buffers); CCM length rules; nonce, key and algorithm checks; and the
// operation life cycle.

#include "drivers/builtin/builtin_aead.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <random>
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

Bytes RandomBytes(std::mt19937* rng, size_t n) {
  Bytes out(n);
  for (auto& b : out) b = static_cast<uint8_t>((*rng)());
  return out;
}

// A heap buffer of exactly `size` bytes, so that AddressSanitizer reports
// any write past what a size macro promised.
class ExactBuffer {
 public:
  explicit ExactBuffer(size_t size, uint8_t fill = 0x5A)
      : data_(new uint8_t[size]), size_(size) {
    std::memset(data_.get(), fill, size);
  }
  uint8_t* data() { return data_.get(); }
  size_t size() const { return size_; }
  Bytes Prefix(size_t n) const { return Bytes(data_.get(), data_.get() + n); }
  bool AllEqual(uint8_t value, size_t n) const {
    return std::all_of(data_.get(), data_.get() + n,
                       [value](uint8_t b) { return b == value; });
  }

 private:
  std::unique_ptr<uint8_t[]> data_;
  size_t size_;
};

struct Key {
  psa_key_type_t type;
  Bytes bytes;

  psa_key_attributes_t Attributes() const {
    psa_key_attributes_t attributes = psa_key_attributes_init();
    psa_set_key_type(&attributes, type);
    psa_set_key_bits(&attributes, 8 * bytes.size());
    return attributes;
  }
};

bool IsAllZero(const builtin_aead_operation_t& operation) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(&operation);
  return std::all_of(p, p + sizeof(operation), [](uint8_t b) { return b == 0; });
}

builtin_aead_operation_t ZeroOperation() {
  builtin_aead_operation_t operation;
  std::memset(&operation, 0, sizeof(operation));
  return operation;
}

size_t TagLength(const Key& key, psa_algorithm_t alg) {
  return PSA_AEAD_TAG_LENGTH(key.type, 8 * key.bytes.size(), alg);
}

// ---- Single-part ------------------------------------------------------------

// Encrypts into an exact PSA_AEAD_ENCRYPT_OUTPUT_SIZE() buffer.
psa_status_t Encrypt(const Key& key, psa_algorithm_t alg, const Bytes& nonce,
                     const Bytes& ad, const Bytes& plaintext, Bytes* out) {
  const psa_key_attributes_t attributes = key.Attributes();
  ExactBuffer buffer(
      PSA_AEAD_ENCRYPT_OUTPUT_SIZE(key.type, alg, plaintext.size()));
  size_t length = 12345;
  const psa_status_t status = builtin_aead_encrypt(
      &attributes, key.bytes.data(), key.bytes.size(), alg, nonce.data(),
      nonce.size(), ad.data(), ad.size(), plaintext.data(), plaintext.size(),
      buffer.data(), buffer.size(), &length);
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(length, 0u);
    out->clear();
    return status;
  }
  EXPECT_EQ(length, buffer.size());
  *out = buffer.Prefix(length);
  return status;
}

// Decrypts into an exact PSA_AEAD_DECRYPT_OUTPUT_SIZE() buffer; on failure
// checks that the buffer holds no plaintext.
psa_status_t Decrypt(const Key& key, psa_algorithm_t alg, const Bytes& nonce,
                     const Bytes& ad, const Bytes& ciphertext, Bytes* out) {
  const psa_key_attributes_t attributes = key.Attributes();
  ExactBuffer buffer(
      PSA_AEAD_DECRYPT_OUTPUT_SIZE(key.type, alg, ciphertext.size()));
  size_t length = 12345;
  const psa_status_t status = builtin_aead_decrypt(
      &attributes, key.bytes.data(), key.bytes.size(), alg, nonce.data(),
      nonce.size(), ad.data(), ad.size(), ciphertext.data(), ciphertext.size(),
      buffer.data(), buffer.size(), &length);
  if (status != PSA_SUCCESS) {
    EXPECT_EQ(length, 0u);
    // Either untouched or wiped.
    EXPECT_TRUE(buffer.AllEqual(0x5A, buffer.size()) ||
                buffer.AllEqual(0, buffer.size()));
    out->clear();
    return status;
  }
  EXPECT_EQ(length, buffer.size());
  *out = buffer.Prefix(length);
  return status;
}

// ---- Multi-part -------------------------------------------------------------

enum class Lengths { kNone, kBeforeNonce, kAfterNonce };

// Chunk sizes that cut `total` bytes at the given increasing points.
std::vector<size_t> SplitAt(size_t total, std::vector<size_t> points) {
  std::vector<size_t> chunks;
  size_t previous = 0;
  for (size_t point : points) {
    chunks.push_back(point - previous);
    previous = point;
  }
  chunks.push_back(total - previous);
  return chunks;
}

std::vector<size_t> Whole(size_t total) { return {total}; }

// A multi-part encryption (tag appended to the output) or decryption (input
// = ciphertext || tag), each update and finish/verify into exact buffers
// from the size macros. Returns the first status that is not PSA_SUCCESS;
// the operation is then checked to be wiped.
psa_status_t Multipart(const Key& key, psa_algorithm_t alg, bool encrypt,
                       const Bytes& nonce, const Bytes& ad, const Bytes& input,
                       const std::vector<size_t>& ad_chunks,
                       const std::vector<size_t>& text_chunks, Lengths lengths,
                       Bytes* out) {
  out->clear();
  const psa_key_attributes_t attributes = key.Attributes();
  const size_t tag_length = TagLength(key, alg);
  Bytes text = input;
  Bytes tag;
  if (!encrypt) {
    if (text.size() < tag_length) return PSA_ERROR_INVALID_SIGNATURE;
    tag.assign(text.end() - static_cast<std::ptrdiff_t>(tag_length),
               text.end());
    text.resize(text.size() - tag_length);
  }
  builtin_aead_operation_t operation = ZeroOperation();
  psa_status_t status =
      encrypt ? builtin_aead_encrypt_setup(&operation, &attributes,
                                           key.bytes.data(), key.bytes.size(),
                                           alg)
              : builtin_aead_decrypt_setup(&operation, &attributes,
                                           key.bytes.data(), key.bytes.size(),
                                           alg);
  auto fail = [&](psa_status_t s) {
    EXPECT_TRUE(IsAllZero(operation)) << "operation not wiped after " << s;
    builtin_aead_abort(&operation);
    return s;
  };
  if (status != PSA_SUCCESS) return fail(status);
  if (lengths == Lengths::kBeforeNonce) {
    status = builtin_aead_set_lengths(&operation, ad.size(), text.size());
    if (status != PSA_SUCCESS) return fail(status);
  }
  status = builtin_aead_set_nonce(&operation, nonce.data(), nonce.size());
  if (status != PSA_SUCCESS) return fail(status);
  if (lengths == Lengths::kAfterNonce) {
    status = builtin_aead_set_lengths(&operation, ad.size(), text.size());
    if (status != PSA_SUCCESS) return fail(status);
  }
  size_t offset = 0;
  for (size_t chunk : ad_chunks) {
    status = builtin_aead_update_ad(&operation, ad.data() + offset, chunk);
    if (status != PSA_SUCCESS) return fail(status);
    offset += chunk;
  }
  offset = 0;
  for (size_t chunk : text_chunks) {
    ExactBuffer buffer(PSA_AEAD_UPDATE_OUTPUT_SIZE(key.type, alg, chunk));
    size_t length = 12345;
    status = builtin_aead_update(&operation, text.data() + offset, chunk,
                                 buffer.data(), buffer.size(), &length);
    if (status != PSA_SUCCESS) {
      EXPECT_EQ(length, 0u);
      return fail(status);
    }
    // Nothing is held back.
    EXPECT_EQ(length, chunk);
    const Bytes part = buffer.Prefix(length);
    out->insert(out->end(), part.begin(), part.end());
    offset += chunk;
  }
  if (encrypt) {
    ExactBuffer rest(PSA_AEAD_FINISH_OUTPUT_SIZE(key.type, alg));
    ExactBuffer tag_buffer(tag_length);
    size_t rest_length = 12345, tag_written = 12345;
    status = builtin_aead_finish(&operation, rest.data(), rest.size(),
                                 &rest_length, tag_buffer.data(),
                                 tag_buffer.size(), &tag_written);
    EXPECT_TRUE(IsAllZero(operation));
    if (status != PSA_SUCCESS) {
      EXPECT_EQ(rest_length, 0u);
      EXPECT_EQ(tag_written, 0u);
      return status;
    }
    EXPECT_EQ(rest_length, 0u);
    EXPECT_EQ(tag_written, tag_length);
    const Bytes t = tag_buffer.Prefix(tag_written);
    out->insert(out->end(), t.begin(), t.end());
  } else {
    ExactBuffer rest(PSA_AEAD_VERIFY_OUTPUT_SIZE(key.type, alg));
    size_t rest_length = 12345;
    status = builtin_aead_verify(&operation, rest.data(), rest.size(),
                                 &rest_length, tag.data(), tag.size());
    EXPECT_TRUE(IsAllZero(operation));
    EXPECT_EQ(rest_length, 0u);
    // verify never writes plaintext, in particular not on a bad tag.
    EXPECT_TRUE(rest.AllEqual(0x5A, rest.size()));
    if (status != PSA_SUCCESS) return status;
  }
  return PSA_SUCCESS;
}

// CCM requires set_lengths; the others take it optionally.
Lengths DefaultLengths(psa_algorithm_t alg) {
  return PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) == PSA_ALG_CCM
             ? Lengths::kBeforeNonce
             : Lengths::kNone;
}

// ---- Known-answer vectors ---------------------------------------------------

struct KnownAnswer {
  const char* name;
  psa_key_type_t key_type;
  psa_algorithm_t alg;
  const char* key;
  const char* nonce;
  const char* ad;
  const char* plaintext;
  const char* ciphertext;  // encrypted data || tag
};

constexpr psa_algorithm_t kCcm8 = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8);
constexpr psa_algorithm_t kCcm4 = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4);
constexpr psa_algorithm_t kCcm6 = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 6);
constexpr psa_algorithm_t kCcm12 =
    PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 12);

// The SRTP test packet of RFC 8269 (ARIA in SRTP) and its drafts: the RTP
// header is the additional data, the payload the plaintext, the SRTP IV the
// 12-byte nonce.
#define ARIA_SRTP_IV "000020e8f5eb00000000315e"
#define ARIA_SRTP_AAD "8008315ebf2e6fe020e8f5eb"
#define ARIA_SRTP_PAYLOAD \
  "f57af5fd4ae19562976ec57a5a7ad55a5af5c5e5c5fdf5c55ad57a4a7272d57262e972" \
  "9566ed66e97ac54a4a5a7ad5e15ae5fdd5fd5ac5d56ae56ad5c572d54ae54ac55a956a" \
  "fd6aed5a4ac562957a9516991691d572fd14e97ae962ed7a9f4a955af572e162f57a95" \
  "6666e17ae1f54a95f566d54a66e16e4afd6a9f7ae1c5c55ae5d56afde916c5e94a6ec5" \
  "6695e14afde1148416e94ad57ac5146ed59d1cc5"
#define ARIA_CCM128_CT \
  "621e408a2e455505b39f704dcbac4307daabbd6d670abc4e42f2fd2fca263f094f4683" \
  "e6fb0b10c5093d42b69dce0ba546520e7c4400975713f3bde93ef131160b9cbcd6df78" \
  "a1502be7c6ea8d395b9ed0078819c3105c0ab92cb67b16ba51bb1f53508738bf7a37c9" \
  "a905439b88b7af9d51a407916fdfea8d43bf253721846dc1671391225fc58d9d0693c8" \
  "ade6a4ffb034ee6543dd4e651b7a084eae60f855"
#define ARIA_CCM256_CT \
  "ff78128ee18ee3cb9fb0d20726a017ff67fbd09d3a4c38aa32f6d306d3fdda378e459b" \
  "83ed005507449d6cd981a4c1e3ff4193870c276ef09b6317a01a2283206ae4b4be0d0b" \
  "235422c8abb00122410656b75e1ffc7fb49c0d0c5d6169aa7623610579968037aee8e8" \
  "3fc26264ea866590fd620aa3c0a5f323d953aa7f8defb0d0d60ab5a9de44dbaf8eae74" \
  "ea3ab5f30594154f405fd630aa4c4d5603efdfa1"

const KnownAnswer kKnownAnswers[] = {
    // McGrew and Viega, "The Galois/Counter Mode of Operation", test cases.
    {"GcmTestCase1", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "00000000000000000000000000000000", "000000000000000000000000", "", "",
     "58e2fccefa7e3061367f1d57a4e7455a"},
    {"GcmTestCase2", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "00000000000000000000000000000000", "000000000000000000000000", "",
     "00000000000000000000000000000000",
     "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf"},
    {"GcmTestCase3", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888", "",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95"
     "956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b2"
     "5466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985"
     "4d5c2af327cd64a62cf35abd2ba6fab4"},
    {"GcmTestCase4", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
     "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95"
     "956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b2"
     "5466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
     "5bc94fbc3221a5db94fae95ae7121a47"},
    {"GcmTestCase5Nonce8", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "feffe9928665731c6d6a8f9467308308", "cafebabefacedbad",
     "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95"
     "956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
     "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900"
     "e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598"
     "3612d2e79e3b0785561be14aaca2fccb"},
    {"GcmTestCase6Nonce60", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "feffe9928665731c6d6a8f9467308308",
     "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c951"
     "56809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
     "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95"
     "956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
     "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4"
     "fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5"
     "619cc5aefffe0bfa462af43c1699d050"},
    {"GcmTestCase13", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "0000000000000000000000000000000000000000000000000000000000000000",
     "000000000000000000000000", "", "", "530f8afbc74536b9a963b4f1c4cb738b"},
    {"GcmTestCase14", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "0000000000000000000000000000000000000000000000000000000000000000",
     "000000000000000000000000", "", "00000000000000000000000000000000",
     "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919"},
    {"GcmTestCase15", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
     "cafebabefacedbaddecaf888", "",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95"
     "956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48"
     "590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad"
     "b094dac5d93471bdec1a502270e3cc6c"},
    {"GcmTestCase16", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
     "cafebabefacedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95"
     "956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48"
     "590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
     "76fc6ece0f4e1768cddf8853bb2d551b"},
    {"GcmTestCase18Nonce60", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
     "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c951"
     "56809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
     "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95"
     "956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
     "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b7"
     "80f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f"
     "a44a8266ee1c8eb0c8b5d4cf5ae9f19a"},
    // A 64-byte nonce whose J0 makes the 32-bit counter wrap within the
    // message (published with the GCM test vectors of Mbed TLS and others).
    {"GcmCounterWrapNonce64", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "00000000000000000000000000000000",
     "ffffffff00000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000",
     "",
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000",
     "56b3373ca9ef6e4a2b64fe1e9a17b61425f10d47a75a5fce13efc6bc784af24f"
     "4141bdd48cf7c770887afd573cca5418a9aeffcd7c5ceddfc6a78397b9a85b49"
     "9da558257267caab2ad0b23ca476a53cb17fb41c4b8b475cb4f3f7165094c229"
     "c9e8c4dc0a2a5ff1903e501511221376a1cdb8364c5061a20cae74bc4acd76ce"
     "b0abc9fd3217ef9f8c90be402ddf6d8697f4f880dff15bfb7a6b28241ec8fe18"
     "3c2d59e3f9dfff653c7126f0acb9e64211f42bae12af462b1070bef1ab5e3606"
     "566f8ef683078bfdeeffa869d751a017"},
    // A 16-byte nonce solved for J0 = 000102030405060708090a0b fffffffe:
    // the second message block's counter wraps to ...00000000 (inc32 must
    // not carry into byte 11). Expected output from OpenSSL 3.0.
    {"GcmCounterWrapNonce16", PSA_KEY_TYPE_AES, PSA_ALG_GCM,
     "00000000000000000000000000000000", "a73811d3fc89f7bf8e5b7778423aff8d", "",
     "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
     "2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40",
     "92a4dbda734c02f84dee47d93ef89003af1cfc24e3ef943f99703a63eef1203c"
     "c97100963d62aa8bbb063dd3d95e9b7f02ef40d822b01a1ed8cb616188db702c"
     "c390fc743ed8f7cfc33b721350c59794"},
    // RFC 3610 packet vector #1 (M = 8, L = 2).
    {"CcmRfc3610PacketVector1", PSA_KEY_TYPE_AES, kCcm8,
     "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf", "00000003020100a0a1a2a3a4a5",
     "0001020304050607", "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e",
     "588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0"},
    // NIST SP 800-38C appendix C.
    {"CcmSp800_38cC1", PSA_KEY_TYPE_AES, kCcm4,
     "404142434445464748494a4b4c4d4e4f", "10111213141516", "0001020304050607",
     "20212223", "7162015b4dac255d"},
    {"CcmSp800_38cC2", PSA_KEY_TYPE_AES, kCcm6,
     "404142434445464748494a4b4c4d4e4f", "1011121314151617",
     "000102030405060708090a0b0c0d0e0f", "202122232425262728292a2b2c2d2e2f",
     "d2a1f0e051ea5f62081a7792073d593d1fc64fbfaccd"},
    {"CcmSp800_38cC3", PSA_KEY_TYPE_AES, kCcm8,
     "404142434445464748494a4b4c4d4e4f", "101112131415161718191a1b",
     "000102030405060708090a0b0c0d0e0f10111213",
     "202122232425262728292a2b2c2d2e2f3031323334353637",
     "e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5484392fbc1b09951"},
    // ARIA-GCM: the RFC 8269 test vectors (AEAD_ARIA_128_GCM and
    // AEAD_ARIA_256_GCM), as OpenSSL's evpciph_aria.txt has them; checked
    // with OpenSSL 3.0.
    {"AriaGcmRfc8269_128", PSA_KEY_TYPE_ARIA, PSA_ALG_GCM,
     "e91e5e75da65554a48181f3846349562", ARIA_SRTP_IV, ARIA_SRTP_AAD,
     ARIA_SRTP_PAYLOAD,
     "4d8a9a0675550c704b17d8c9ddc81a5cd6f7da34f2fe1b3db7cb3dfb9697102ea0f3c1fc"
     "2dbc873d44bceeae8e4442974ba21ff6789d3272613fb9631a7cf3f14bacbeb421633a90"
     "ffbe58c2fa6bdca534f10d0de0502ce1d531b6336e58878278531e5c22bc6c85bbd784d7"
     "8d9e680aa19031aaf89101d669d7a3965c1f7e16229d7463e0535f4e253f5d18187d40b8"
     "ae0f564bd970b5e7e2adfb211e89a953"
     "5abace3f37f5a736f4be984bbffbedc1"},
    {"AriaGcmRfc8269_256", PSA_KEY_TYPE_ARIA, PSA_ALG_GCM,
     "0c5ffd37a11edc42c325287fc0604f2e3e8cd5671a00fe3216aa5eb105783b54",
     ARIA_SRTP_IV, ARIA_SRTP_AAD, ARIA_SRTP_PAYLOAD,
     "6f9e4bcbc8c85fc0128fb1e4a0a20cb9932ff74581f54fc013dd054b19f99371425b352d"
     "97d3f337b90b63d1b082adeeea9d2d7391897d591b985e55fb50cb5350cf7d38dc27dda1"
     "27c078a149c8eb98083d66363a46e3726af217d3a00275ad5bf772c7610ea4c23006878f"
     "0ee69a8397703169a419303f40b72e4573714d19e2697df61e7c7252e5abc6bade876ac4"
     "961bfac4d5e867afca351a48aed52822"
     "e210d6ced2cf430ff841472915e7ef48"},
    // ARIA-CCM: draft-ietf-avtcore-aria-srtp-02 (12-byte nonce, so L = 3),
    // as OpenSSL's evpciph_aria.txt has them; checked with OpenSSL 3.0.
    {"AriaCcmAriaSrtpDraft_128_Tag16", PSA_KEY_TYPE_ARIA, PSA_ALG_CCM,
     "974bee725d44fc3992267b284c3c6750", ARIA_SRTP_IV, ARIA_SRTP_AAD,
     ARIA_SRTP_PAYLOAD, ARIA_CCM128_CT "40f04b6467e300f6b336aedf9df4185b"},
    {"AriaCcmAriaSrtpDraft_128_Tag8", PSA_KEY_TYPE_ARIA, kCcm8,
     "974bee725d44fc3992267b284c3c6750", ARIA_SRTP_IV, ARIA_SRTP_AAD,
     ARIA_SRTP_PAYLOAD, ARIA_CCM128_CT "dd2282c93a67fe4b"},
    {"AriaCcmAriaSrtpDraft_128_Tag12", PSA_KEY_TYPE_ARIA, kCcm12,
     "974bee725d44fc3992267b284c3c6750", ARIA_SRTP_IV, ARIA_SRTP_AAD,
     ARIA_SRTP_PAYLOAD, ARIA_CCM128_CT "01f3dedd15238da5ebfb1590"},
    {"AriaCcmAriaSrtpDraft_256_Tag16", PSA_KEY_TYPE_ARIA, PSA_ALG_CCM,
     "0c5ffd37a11edc42c325287fc0604f2e3e8cd5671a00fe3216aa5eb105783b54",
     ARIA_SRTP_IV, ARIA_SRTP_AAD, ARIA_SRTP_PAYLOAD,
     ARIA_CCM256_CT "87b6bd222c55365a9c7d0b215b77ea41"},
    {"AriaCcmAriaSrtpDraft_256_Tag8", PSA_KEY_TYPE_ARIA, kCcm8,
     "0c5ffd37a11edc42c325287fc0604f2e3e8cd5671a00fe3216aa5eb105783b54",
     ARIA_SRTP_IV, ARIA_SRTP_AAD, ARIA_SRTP_PAYLOAD,
     ARIA_CCM256_CT "828dc0088f99a7ef"},
    {"AriaCcmAriaSrtpDraft_256_Tag12", PSA_KEY_TYPE_ARIA, kCcm12,
     "0c5ffd37a11edc42c325287fc0604f2e3e8cd5671a00fe3216aa5eb105783b54",
     ARIA_SRTP_IV, ARIA_SRTP_AAD, ARIA_SRTP_PAYLOAD,
     ARIA_CCM256_CT "3615b7f90a651de15da20fb6"},
    // RFC 8439 2.8.2 and A.5.
    {"ChachaPolyRfc8439Section2_8_2", PSA_KEY_TYPE_CHACHA20,
     PSA_ALG_CHACHA20_POLY1305,
     "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
     "070000004041424344454647", "50515253c0c1c2c3c4c5c6c7",
     "4c616469657320616e642047656e746c656d656e206f662074686520636c617373206f66"
     "202739393a204966204920636f756c64206f6666657220796f75206f6e6c79206f6e6520"
     "74697020666f7220746865206675747572652c2073756e73637265656e20776f756c6420"
     "62652069742e",
     "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e"
     "8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c"
     "9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d265"
     "86cec64b6116"
     "1ae10b594f09e26a7e902ecbd0600691"},
    {"ChachaPolyRfc8439AppendixA5", PSA_KEY_TYPE_CHACHA20,
     PSA_ALG_CHACHA20_POLY1305,
     "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0",
     "000000000102030405060708", "f33388860000000000004e91",
     "496e7465726e65742d4472616674732061726520647261667420646f63756d656e747320"
     "76616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e"
     "64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c"
     "65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e"
     "20497420697320696e617070726f70726961746520746f2075736520496e7465726e6574"
     "2d447261667473206173207265666572656e6365206d6174657269616c206f7220746f20"
     "63697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e20"
     "70726f67726573732e2fe2809d",
     "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18"
     "755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce"
     "98c8a84abd0b948114ad176e008d33bd60f982b1ff37c8559797a06ef4f0ef61c186324e"
     "2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e9"
     "9040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04"
     "b3564eea1b422273f548271a0bb2316053fa76991955ebd63159434ecebb4e466dae5a10"
     "73a6727627097a1049e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d"
     "6c6f2c29a6ad5cb4022b02709b"
     "eead9d67890cbb22392336fea1851f38"},
};

class AeadKnownAnswerTest : public testing::TestWithParam<KnownAnswer> {
 protected:
  Key key() const { return {GetParam().key_type, Hex(GetParam().key)}; }
  psa_algorithm_t alg() const { return GetParam().alg; }
  Bytes nonce() const { return Hex(GetParam().nonce); }
  Bytes ad() const { return Hex(GetParam().ad); }
  Bytes plaintext() const { return Hex(GetParam().plaintext); }
  Bytes ciphertext() const { return Hex(GetParam().ciphertext); }
};

TEST_P(AeadKnownAnswerTest, VectorIsWellFormed) {
  EXPECT_EQ(ciphertext().size(), plaintext().size() + TagLength(key(), alg()));
  EXPECT_EQ(2 * plaintext().size(), std::strlen(GetParam().plaintext));
}

TEST_P(AeadKnownAnswerTest, SinglePartEncryptGivesTheVector) {
  Bytes out;
  ASSERT_EQ(Encrypt(key(), alg(), nonce(), ad(), plaintext(), &out),
            PSA_SUCCESS);
  EXPECT_EQ(out, ciphertext());
}

TEST_P(AeadKnownAnswerTest, SinglePartDecryptGivesThePlaintext) {
  Bytes out;
  ASSERT_EQ(Decrypt(key(), alg(), nonce(), ad(), ciphertext(), &out),
            PSA_SUCCESS);
  EXPECT_EQ(out, plaintext());
}

TEST_P(AeadKnownAnswerTest, MultipartInOneChunkGivesTheVector) {
  Bytes out;
  ASSERT_EQ(Multipart(key(), alg(), true, nonce(), ad(), plaintext(),
                      Whole(ad().size()), Whole(plaintext().size()),
                      DefaultLengths(alg()), &out),
            PSA_SUCCESS);
  EXPECT_EQ(out, ciphertext());
  ASSERT_EQ(Multipart(key(), alg(), false, nonce(), ad(), ciphertext(),
                      Whole(ad().size()), Whole(plaintext().size()),
                      DefaultLengths(alg()), &out),
            PSA_SUCCESS);
  EXPECT_EQ(out, plaintext());
}

TEST_P(AeadKnownAnswerTest, MultipartByteByByteGivesTheVector) {
  const std::vector<size_t> ad_bytes(ad().size(), 1);
  const std::vector<size_t> text_bytes(plaintext().size(), 1);
  Bytes out;
  ASSERT_EQ(Multipart(key(), alg(), true, nonce(), ad(), plaintext(), ad_bytes,
                      text_bytes, Lengths::kAfterNonce, &out),
            PSA_SUCCESS);
  EXPECT_EQ(out, ciphertext());
  ASSERT_EQ(Multipart(key(), alg(), false, nonce(), ad(), ciphertext(),
                      ad_bytes, text_bytes, Lengths::kAfterNonce, &out),
            PSA_SUCCESS);
  EXPECT_EQ(out, plaintext());
}

TEST_P(AeadKnownAnswerTest, InPlaceGivesTheVector) {
  const Key k = key();
  const psa_key_attributes_t attributes = k.Attributes();
  const Bytes expected = ciphertext();
  // Single-part: plaintext at the start of the ciphertext buffer.
  Bytes buffer = plaintext();
  buffer.resize(expected.size());
  size_t length = 0;
  ASSERT_EQ(builtin_aead_encrypt(&attributes, k.bytes.data(), k.bytes.size(),
                                 alg(), nonce().data(), nonce().size(),
                                 ad().data(), ad().size(), buffer.data(),
                                 plaintext().size(), buffer.data(),
                                 buffer.size(), &length),
            PSA_SUCCESS);
  EXPECT_EQ(buffer, expected);
  ASSERT_EQ(builtin_aead_decrypt(&attributes, k.bytes.data(), k.bytes.size(),
                                 alg(), nonce().data(), nonce().size(),
                                 ad().data(), ad().size(), buffer.data(),
                                 buffer.size(), buffer.data(), buffer.size(),
                                 &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(buffer.begin(), buffer.begin() + length), plaintext());

  // Multi-part: updates of 7 bytes in place.
  builtin_aead_operation_t operation = ZeroOperation();
  ASSERT_EQ(builtin_aead_encrypt_setup(&operation, &attributes, k.bytes.data(),
                                       k.bytes.size(), alg()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_lengths(&operation, ad().size(),
                                     plaintext().size()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_nonce(&operation, nonce().data(), nonce().size()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_update_ad(&operation, ad().data(), ad().size()),
            PSA_SUCCESS);
  Bytes text = plaintext();
  for (size_t offset = 0; offset < text.size(); offset += 7) {
    const size_t n = std::min<size_t>(7, text.size() - offset);
    ASSERT_EQ(builtin_aead_update(&operation, text.data() + offset, n,
                                  text.data() + offset, n, &length),
              PSA_SUCCESS);
  }
  uint8_t tag[16];
  size_t tag_length = 0;
  ASSERT_EQ(builtin_aead_finish(&operation, nullptr, 0, &length, tag,
                                sizeof(tag), &tag_length),
            PSA_SUCCESS);
  EXPECT_EQ(Cat(text, Bytes(tag, tag + tag_length)), expected);
}

INSTANTIATE_TEST_SUITE_P(
    Vectors, AeadKnownAnswerTest, testing::ValuesIn(kKnownAnswers),
    [](const testing::TestParamInfo<KnownAnswer>& info) {
      return std::string(info.param.name);
    });

// SP 800-38C C.4: 65536 bytes of additional data, beyond the two-byte
// length encoding (Mbed TLS 2.28's CCM stops below 0xff00; the driver
// streams such messages itself, single-part included).
TEST(AeadCcm, Sp800_38cExample4WithLongAdditionalData) {
  const Key key{PSA_KEY_TYPE_AES, Hex("404142434445464748494a4b4c4d4e4f")};
  const psa_algorithm_t alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 14);
  const Bytes nonce = Hex("101112131415161718191a1b1c");
  Bytes ad(65536);
  for (size_t i = 0; i < ad.size(); ++i) ad[i] = static_cast<uint8_t>(i);
  const Bytes plaintext = Hex(
      "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
  const Bytes expected = Hex(
      "69915dad1e84c6376a68c2967e4dab615ae0fd1faec44cc484828529463ccf72"
      "b4ac6bec93e8598e7f0dadbcea5b");
  Bytes out;
  ASSERT_EQ(Encrypt(key, alg, nonce, ad, plaintext, &out), PSA_SUCCESS);
  EXPECT_EQ(out, expected);
  ASSERT_EQ(Decrypt(key, alg, nonce, ad, expected, &out), PSA_SUCCESS);
  EXPECT_EQ(out, plaintext);
  ASSERT_EQ(Multipart(key, alg, true, nonce, ad, plaintext,
                      SplitAt(ad.size(), {1, 0xff00, 0xff01}),
                      SplitAt(plaintext.size(), {5}), Lengths::kAfterNonce,
                      &out),
            PSA_SUCCESS);
  EXPECT_EQ(out, expected);

  Bytes tampered = expected;
  tampered.back() ^= 1;
  EXPECT_EQ(Decrypt(key, alg, nonce, ad, tampered, &out),
            PSA_ERROR_INVALID_SIGNATURE);
  ad[40000] ^= 0x80;
  EXPECT_EQ(Decrypt(key, alg, nonce, ad, expected, &out),
            PSA_ERROR_INVALID_SIGNATURE);
}

// The last additional data length of the two-byte encoding (0xfeff) and
// the first of the six-byte one (0xff00), SP 800-38C C.4's key, nonce and
// plaintext; expected outputs from OpenSSL 3.0.
TEST(AeadCcm, AdLengthEncodingBoundary) {
  const Key key{PSA_KEY_TYPE_AES, Hex("404142434445464748494a4b4c4d4e4f")};
  const Bytes nonce = Hex("101112131415161718191a1b1c");
  const Bytes plaintext = Hex(
      "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
  const struct {
    size_t ad_length;
    const char* expected;
  } cases[] = {
      {0xfeff,
       "69915dad1e84c6376a68c2967e4dab615ae0fd1faec44cc484828529463ccf72"
       "deabe0bdabc4c6d7fe2af7f8bcb72f9a"},
      {0xff00,
       "69915dad1e84c6376a68c2967e4dab615ae0fd1faec44cc484828529463ccf72"
       "6ec44a5ff0a0031dacb6fb0019e09dfe"},
  };
  for (const auto& c : cases) {
    Bytes ad(c.ad_length);
    for (size_t i = 0; i < ad.size(); ++i) ad[i] = static_cast<uint8_t>(i);
    Bytes out;
    ASSERT_EQ(Encrypt(key, PSA_ALG_CCM, nonce, ad, plaintext, &out),
              PSA_SUCCESS);
    EXPECT_EQ(out, Hex(c.expected)) << c.ad_length;
    ASSERT_EQ(Multipart(key, PSA_ALG_CCM, true, nonce, ad, plaintext,
                        SplitAt(ad.size(), {7}), Whole(plaintext.size()),
                        Lengths::kBeforeNonce, &out),
              PSA_SUCCESS);
    EXPECT_EQ(out, Hex(c.expected)) << c.ad_length;
    ASSERT_EQ(Decrypt(key, PSA_ALG_CCM, nonce, ad, Hex(c.expected), &out),
              PSA_SUCCESS);
    EXPECT_EQ(out, plaintext);
  }
}

// Either side of Mbed TLS's limit: single-part (Mbed TLS below 0xff00, the
// streaming code from 0xff00) agrees with multi-part (always streaming).
TEST(AeadCcm, SinglePartAgreesWithMultipartAroundTheMbedtlsAdLimit) {
  std::mt19937 rng(3610);
  const Key key{PSA_KEY_TYPE_CAMELLIA, RandomBytes(&rng, 24)};
  const Bytes nonce = RandomBytes(&rng, 11);
  const Bytes plaintext = RandomBytes(&rng, 50);
  for (size_t ad_length : {0xfefeu, 0xfeffu, 0xff00u, 0xff01u, 0x10000u}) {
    const Bytes ad = RandomBytes(&rng, ad_length);
    Bytes single, multi, back;
    ASSERT_EQ(Encrypt(key, PSA_ALG_CCM, nonce, ad, plaintext, &single),
              PSA_SUCCESS);
    ASSERT_EQ(Multipart(key, PSA_ALG_CCM, true, nonce, ad, plaintext,
                        SplitAt(ad_length, {ad_length / 3}),
                        Whole(plaintext.size()), Lengths::kBeforeNonce,
                        &multi),
              PSA_SUCCESS);
    EXPECT_EQ(single, multi) << ad_length;
    ASSERT_EQ(Decrypt(key, PSA_ALG_CCM, nonce, ad, single, &back),
              PSA_SUCCESS);
    EXPECT_EQ(back, plaintext);
  }
}

// ---- Multi-part against single-part -------------------------------------------

struct Config {
  const char* name;
  psa_key_type_t key_type;
  size_t key_bytes;
  psa_algorithm_t alg;
  size_t nonce_length;
};

const Config kConfigs[] = {
    {"Aes128Gcm", PSA_KEY_TYPE_AES, 16, PSA_ALG_GCM, 12},
    {"Aes256GcmNonce60", PSA_KEY_TYPE_AES, 32, PSA_ALG_GCM, 60},
    {"Aes192GcmNonce1Tag12", PSA_KEY_TYPE_AES, 24,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12), 1},
    {"Camellia128Gcm", PSA_KEY_TYPE_CAMELLIA, 16, PSA_ALG_GCM, 12},
    {"Camellia256GcmNonce17Tag4", PSA_KEY_TYPE_CAMELLIA, 32,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 4), 17},
    {"Aes128Ccm", PSA_KEY_TYPE_AES, 16, PSA_ALG_CCM, 13},
    {"Aes256CcmNonce7Tag4", PSA_KEY_TYPE_AES, 32,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4), 7},
    {"Camellia192CcmNonce10Tag10", PSA_KEY_TYPE_CAMELLIA, 24,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 10), 10},
    {"Aria128Gcm", PSA_KEY_TYPE_ARIA, 16, PSA_ALG_GCM, 12},
    {"Aria192GcmNonce33Tag13", PSA_KEY_TYPE_ARIA, 24,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 13), 33},
    {"Aria256GcmNonce8Tag8", PSA_KEY_TYPE_ARIA, 32,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 8), 8},
    {"Aria128Ccm", PSA_KEY_TYPE_ARIA, 16, PSA_ALG_CCM, 13},
    {"Aria256CcmNonce7Tag6", PSA_KEY_TYPE_ARIA, 32,
     PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 6), 7},
    {"ChachaPoly", PSA_KEY_TYPE_CHACHA20, 32, PSA_ALG_CHACHA20_POLY1305, 12},
};

class AeadConfigTest : public testing::TestWithParam<Config> {
 protected:
  AeadConfigTest() : rng_(static_cast<unsigned>(std::strlen(GetParam().name))) {
    key_ = Key{GetParam().key_type, RandomBytes(&rng_, GetParam().key_bytes)};
    nonce_ = RandomBytes(&rng_, GetParam().nonce_length);
  }
  psa_algorithm_t alg() const { return GetParam().alg; }
  // 1 in every byte's low bit: no plaintext byte is ever zero, so a wiped
  // buffer is told apart from a decrypted one.
  Bytes NonZeroBytes(size_t n) {
    Bytes out = RandomBytes(&rng_, n);
    for (auto& b : out) b |= 1;
    return out;
  }

  std::mt19937 rng_;
  Key key_;
  Bytes nonce_;
};

TEST_P(AeadConfigTest, MultipartMatchesSinglePartAtEveryAdSplit) {
  const Bytes ad = NonZeroBytes(37);
  const Bytes plaintext = NonZeroBytes(29);
  Bytes expected;
  ASSERT_EQ(Encrypt(key_, alg(), nonce_, ad, plaintext, &expected),
            PSA_SUCCESS);
  for (size_t split = 0; split <= ad.size(); ++split) {
    for (Lengths lengths : {Lengths::kBeforeNonce, Lengths::kAfterNonce}) {
      Bytes out;
      ASSERT_EQ(Multipart(key_, alg(), true, nonce_, ad, plaintext,
                          SplitAt(ad.size(), {split}), Whole(plaintext.size()),
                          lengths, &out),
                PSA_SUCCESS)
          << split;
      EXPECT_EQ(out, expected) << split;
      ASSERT_EQ(Multipart(key_, alg(), false, nonce_, ad, expected,
                          SplitAt(ad.size(), {split}), Whole(plaintext.size()),
                          lengths, &out),
                PSA_SUCCESS)
          << split;
      EXPECT_EQ(out, plaintext) << split;
    }
  }
}

TEST_P(AeadConfigTest, MultipartMatchesSinglePartAtEveryMessageSplit) {
  const Bytes ad = NonZeroBytes(21);
  const Bytes plaintext = NonZeroBytes(70);
  Bytes expected;
  ASSERT_EQ(Encrypt(key_, alg(), nonce_, ad, plaintext, &expected),
            PSA_SUCCESS);
  for (size_t split = 0; split <= plaintext.size(); ++split) {
    Bytes out;
    ASSERT_EQ(Multipart(key_, alg(), true, nonce_, ad, plaintext,
                        SplitAt(ad.size(), {5}),
                        SplitAt(plaintext.size(), {split}),
                        DefaultLengths(alg()), &out),
              PSA_SUCCESS)
        << split;
    EXPECT_EQ(out, expected) << split;
    ASSERT_EQ(Multipart(key_, alg(), false, nonce_, ad, expected,
                        SplitAt(ad.size(), {5}),
                        SplitAt(plaintext.size(), {split}),
                        DefaultLengths(alg()), &out),
              PSA_SUCCESS)
        << split;
    EXPECT_EQ(out, plaintext) << split;
  }
}

TEST_P(AeadConfigTest, MultipartMatchesSinglePartAtEveryPairOfMessageSplits) {
  const Bytes ad = NonZeroBytes(3);
  const Bytes plaintext = NonZeroBytes(40);
  Bytes expected;
  ASSERT_EQ(Encrypt(key_, alg(), nonce_, ad, plaintext, &expected),
            PSA_SUCCESS);
  for (size_t first = 0; first <= plaintext.size(); ++first) {
    for (size_t second = first; second <= plaintext.size(); ++second) {
      Bytes out;
      ASSERT_EQ(Multipart(key_, alg(), true, nonce_, ad, plaintext,
                          Whole(ad.size()),
                          SplitAt(plaintext.size(), {first, second}),
                          DefaultLengths(alg()), &out),
                PSA_SUCCESS);
      ASSERT_EQ(out, expected) << first << " " << second;
      ASSERT_EQ(Multipart(key_, alg(), false, nonce_, ad, expected,
                          Whole(ad.size()),
                          SplitAt(plaintext.size(), {first, second}),
                          DefaultLengths(alg()), &out),
                PSA_SUCCESS);
      ASSERT_EQ(out, plaintext) << first << " " << second;
    }
  }
}

TEST_P(AeadConfigTest, RandomChunkingMatchesSinglePart) {
  std::mt19937 chunking(20240611);
  for (int iteration = 0; iteration < 150; ++iteration) {
    const Bytes ad = NonZeroBytes(chunking() % 100);
    const Bytes plaintext = NonZeroBytes(chunking() % 300);
    auto random_chunks = [&](size_t total) {
      std::vector<size_t> chunks;
      size_t left = total;
      while (left > 0) {
        // Zero-length fragments are valid too.
        const size_t n = std::min<size_t>(left, chunking() % 41);
        chunks.push_back(n);
        left -= n;
      }
      return chunks;
    };
    Lengths lengths = static_cast<Lengths>(chunking() % 3);
    if (lengths == Lengths::kNone) lengths = DefaultLengths(alg());
    Bytes expected, out;
    ASSERT_EQ(Encrypt(key_, alg(), nonce_, ad, plaintext, &expected),
              PSA_SUCCESS);
    ASSERT_EQ(Multipart(key_, alg(), true, nonce_, ad, plaintext,
                        random_chunks(ad.size()),
                        random_chunks(plaintext.size()), lengths, &out),
              PSA_SUCCESS);
    ASSERT_EQ(out, expected) << iteration;
    ASSERT_EQ(Multipart(key_, alg(), false, nonce_, ad, expected,
                        random_chunks(ad.size()),
                        random_chunks(plaintext.size()), lengths, &out),
              PSA_SUCCESS);
    ASSERT_EQ(out, plaintext) << iteration;
  }
}

TEST_P(AeadConfigTest, LongMessageMatchesSinglePart) {
  // 16 KiB plus a tail, through updates of uneven sizes.
  const Bytes ad = NonZeroBytes(100);
  const Bytes plaintext = NonZeroBytes(16384 + 13);
  Bytes expected, out;
  ASSERT_EQ(Encrypt(key_, alg(), nonce_, ad, plaintext, &expected),
            PSA_SUCCESS);
  ASSERT_EQ(Multipart(key_, alg(), true, nonce_, ad, plaintext,
                      SplitAt(ad.size(), {33}),
                      SplitAt(plaintext.size(), {1, 4097, 4099, 12000}),
                      DefaultLengths(alg()), &out),
            PSA_SUCCESS);
  EXPECT_EQ(out, expected);
  ASSERT_EQ(Decrypt(key_, alg(), nonce_, ad, expected, &out), PSA_SUCCESS);
  EXPECT_EQ(out, plaintext);
}

// ---- Tampering ----------------------------------------------------------------

TEST_P(AeadConfigTest, EveryFlippedTagBitIsRejected) {
  const Bytes ad = NonZeroBytes(20);
  const Bytes plaintext = NonZeroBytes(33);
  Bytes ciphertext, out;
  ASSERT_EQ(Encrypt(key_, alg(), nonce_, ad, plaintext, &ciphertext),
            PSA_SUCCESS);
  const size_t tag_length = TagLength(key_, alg());
  for (size_t bit = 0; bit < 8 * tag_length; ++bit) {
    Bytes tampered = ciphertext;
    tampered[plaintext.size() + bit / 8] ^= static_cast<uint8_t>(1 << (bit % 8));
    EXPECT_EQ(Decrypt(key_, alg(), nonce_, ad, tampered, &out),
              PSA_ERROR_INVALID_SIGNATURE)
        << bit;
    EXPECT_EQ(Multipart(key_, alg(), false, nonce_, ad, tampered,
                        Whole(ad.size()), SplitAt(plaintext.size(), {17}),
                        DefaultLengths(alg()), &out),
              PSA_ERROR_INVALID_SIGNATURE)
        << bit;
  }
}

TEST_P(AeadConfigTest, FlippedCiphertextOrAdBitIsRejectedAndWiped) {
  const Bytes ad = NonZeroBytes(20);
  const Bytes plaintext = NonZeroBytes(33);
  Bytes ciphertext;
  ASSERT_EQ(Encrypt(key_, alg(), nonce_, ad, plaintext, &ciphertext),
            PSA_SUCCESS);
  const psa_key_attributes_t attributes = key_.Attributes();
  auto check_rejected = [&](const Bytes& a, const Bytes& c) {
    // Single-part: the output buffer ends up all zero (no byte of the
    // plaintext is zero).
    ExactBuffer buffer(plaintext.size());
    size_t length = 12345;
    EXPECT_EQ(builtin_aead_decrypt(&attributes, key_.bytes.data(),
                                   key_.bytes.size(), alg(), nonce_.data(),
                                   nonce_.size(), a.data(), a.size(), c.data(),
                                   c.size(), buffer.data(), buffer.size(),
                                   &length),
              PSA_ERROR_INVALID_SIGNATURE);
    EXPECT_EQ(length, 0u);
    EXPECT_TRUE(buffer.AllEqual(0, buffer.size()));
    Bytes out;
    EXPECT_EQ(Multipart(key_, alg(), false, nonce_, a, c,
                        SplitAt(a.size(), {3}), SplitAt(plaintext.size(), {16}),
                        DefaultLengths(alg()), &out),
              PSA_ERROR_INVALID_SIGNATURE);
  };
  for (size_t i : {size_t{0}, size_t{15}, size_t{16}, plaintext.size() - 1}) {
    Bytes tampered = ciphertext;
    tampered[i] ^= 0x10;
    check_rejected(ad, tampered);
  }
  for (size_t i : {size_t{0}, size_t{19}}) {
    Bytes tampered = ad;
    tampered[i] ^= 0x01;
    check_rejected(tampered, ciphertext);
  }
  // Another nonce, a truncated or an extended ciphertext.
  Bytes other_nonce = nonce_;
  other_nonce[0] ^= 1;
  Bytes out;
  EXPECT_EQ(Decrypt(key_, alg(), other_nonce, ad, ciphertext, &out),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(Decrypt(key_, alg(), nonce_, ad,
                    Bytes(ciphertext.begin(), ciphertext.end() - 1), &out),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(Decrypt(key_, alg(), nonce_, ad, Cat(ciphertext, {0}), &out),
            PSA_ERROR_INVALID_SIGNATURE);
}

TEST_P(AeadConfigTest, CiphertextShorterThanTagIsRejected) {
  const size_t tag_length = TagLength(key_, alg());
  Bytes out;
  EXPECT_EQ(Decrypt(key_, alg(), nonce_, {}, Bytes(tag_length - 1, 7), &out),
            PSA_ERROR_INVALID_SIGNATURE);
  EXPECT_EQ(Decrypt(key_, alg(), nonce_, {}, Bytes(tag_length, 7), &out),
            PSA_ERROR_INVALID_SIGNATURE);
}

TEST_P(AeadConfigTest, VerifyRejectsATagOfAnotherLength) {
  const Bytes plaintext = NonZeroBytes(10);
  Bytes ciphertext;
  ASSERT_EQ(Encrypt(key_, alg(), nonce_, {}, plaintext, &ciphertext),
            PSA_SUCCESS);
  const size_t tag_length = TagLength(key_, alg());
  const psa_key_attributes_t attributes = key_.Attributes();
  for (size_t given : {tag_length - 1, tag_length + 1}) {
    builtin_aead_operation_t operation = ZeroOperation();
    ASSERT_EQ(builtin_aead_decrypt_setup(&operation, &attributes,
                                         key_.bytes.data(), key_.bytes.size(),
                                         alg()),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_set_lengths(&operation, 0, plaintext.size()),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_set_nonce(&operation, nonce_.data(), nonce_.size()),
              PSA_SUCCESS);
    uint8_t text[10];
    size_t length;
    ASSERT_EQ(builtin_aead_update(&operation, ciphertext.data(), 10, text,
                                  sizeof(text), &length),
              PSA_SUCCESS);
    Bytes tag(ciphertext.begin() + 10, ciphertext.end());
    tag.resize(given, tag.empty() ? 0 : tag[0]);
    EXPECT_EQ(builtin_aead_verify(&operation, nullptr, 0, &length, tag.data(),
                                  tag.size()),
              PSA_ERROR_INVALID_SIGNATURE);
    EXPECT_TRUE(IsAllZero(operation));
  }
}

// ---- Buffers ------------------------------------------------------------------

TEST_P(AeadConfigTest, BufferTooSmall) {
  const Bytes plaintext = NonZeroBytes(20);
  const size_t tag_length = TagLength(key_, alg());
  const psa_key_attributes_t attributes = key_.Attributes();
  Bytes ciphertext;
  ASSERT_EQ(Encrypt(key_, alg(), nonce_, {}, plaintext, &ciphertext),
            PSA_SUCCESS);

  ExactBuffer small(plaintext.size() + tag_length - 1);
  size_t length = 12345;
  EXPECT_EQ(builtin_aead_encrypt(&attributes, key_.bytes.data(),
                                 key_.bytes.size(), alg(), nonce_.data(),
                                 nonce_.size(), nullptr, 0, plaintext.data(),
                                 plaintext.size(), small.data(), small.size(),
                                 &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  ExactBuffer small_plaintext(plaintext.size() - 1);
  length = 12345;
  EXPECT_EQ(builtin_aead_decrypt(&attributes, key_.bytes.data(),
                                 key_.bytes.size(), alg(), nonce_.data(),
                                 nonce_.size(), nullptr, 0, ciphertext.data(),
                                 ciphertext.size(), small_plaintext.data(),
                                 small_plaintext.size(), &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(small_plaintext.AllEqual(0x5A, small_plaintext.size()));

  // update: output smaller than the input.
  builtin_aead_operation_t operation = ZeroOperation();
  ASSERT_EQ(builtin_aead_encrypt_setup(&operation, &attributes,
                                       key_.bytes.data(), key_.bytes.size(),
                                       alg()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_lengths(&operation, 0, plaintext.size()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_nonce(&operation, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  uint8_t out[32];
  length = 12345;
  EXPECT_EQ(builtin_aead_update(&operation, plaintext.data(), plaintext.size(),
                                out, plaintext.size() - 1, &length),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  EXPECT_TRUE(IsAllZero(operation));

  // finish: tag buffer smaller than the tag.
  operation = ZeroOperation();
  ASSERT_EQ(builtin_aead_encrypt_setup(&operation, &attributes,
                                       key_.bytes.data(), key_.bytes.size(),
                                       alg()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_lengths(&operation, 0, plaintext.size()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_nonce(&operation, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_update(&operation, plaintext.data(), plaintext.size(),
                                out, sizeof(out), &length),
            PSA_SUCCESS);
  uint8_t tag[16];
  size_t tag_written = 12345;
  length = 12345;
  EXPECT_EQ(builtin_aead_finish(&operation, nullptr, 0, &length, tag,
                                tag_length - 1, &tag_written),
            PSA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, 0u);
  EXPECT_EQ(tag_written, 0u);
  EXPECT_TRUE(IsAllZero(operation));
}

TEST_P(AeadConfigTest, OutputStartingInsideTheInputIsRefused) {
  const psa_key_attributes_t attributes = key_.Attributes();
  Bytes buffer = NonZeroBytes(64);
  size_t length = 12345;
  EXPECT_EQ(builtin_aead_encrypt(&attributes, key_.bytes.data(),
                                 key_.bytes.size(), alg(), nonce_.data(),
                                 nonce_.size(), nullptr, 0, buffer.data(), 32,
                                 buffer.data() + 1, 63, &length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(length, 0u);
  // An output before the input works front to back.
  Bytes expected, out;
  const Bytes plaintext(buffer.begin() + 8, buffer.begin() + 40);
  ASSERT_EQ(Encrypt(key_, alg(), nonce_, {}, plaintext, &expected),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_encrypt(&attributes, key_.bytes.data(),
                                 key_.bytes.size(), alg(), nonce_.data(),
                                 nonce_.size(), nullptr, 0, buffer.data() + 8,
                                 32, buffer.data(), 64, &length),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(buffer.begin(), buffer.begin() + length), expected);
}

INSTANTIATE_TEST_SUITE_P(
    Configs, AeadConfigTest, testing::ValuesIn(kConfigs),
    [](const testing::TestParamInfo<Config>& info) {
      return std::string(info.param.name);
    });

// ---- Tag lengths --------------------------------------------------------------

TEST(AeadTags, GcmShortenedTagsArePrefixesOfTheFullTag) {
  const Key key{PSA_KEY_TYPE_AES, Hex("feffe9928665731c6d6a8f9467308308")};
  const Bytes nonce = Hex("cafebabefacedbaddecaf888");
  const Bytes ad = Hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
  const Bytes plaintext = Hex("d9313225f88406e5a55909c5aff5269a86a7");
  Bytes full;
  ASSERT_EQ(Encrypt(key, PSA_ALG_GCM, nonce, ad, plaintext, &full),
            PSA_SUCCESS);
  for (size_t t : {4, 8, 12, 13, 14, 15, 16}) {
    const psa_algorithm_t alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, t);
    Bytes out, multi, back;
    ASSERT_EQ(Encrypt(key, alg, nonce, ad, plaintext, &out), PSA_SUCCESS) << t;
    EXPECT_EQ(out, Bytes(full.begin(),
                         full.begin() + static_cast<std::ptrdiff_t>(
                                            plaintext.size() + t)));
    ASSERT_EQ(Multipart(key, alg, true, nonce, ad, plaintext, Whole(ad.size()),
                        SplitAt(plaintext.size(), {3}), Lengths::kNone,
                        &multi),
              PSA_SUCCESS);
    EXPECT_EQ(multi, out);
    ASSERT_EQ(Decrypt(key, alg, nonce, ad, out, &back), PSA_SUCCESS);
    EXPECT_EQ(back, plaintext);
  }
}

TEST(AeadTags, CcmShortenedTagsRoundTrip) {
  std::mt19937 rng(38);
  const Key key{PSA_KEY_TYPE_AES, RandomBytes(&rng, 16)};
  const Bytes nonce = RandomBytes(&rng, 12);
  const Bytes ad = RandomBytes(&rng, 9);
  const Bytes plaintext = RandomBytes(&rng, 31);
  for (size_t t : {4, 6, 8, 10, 12, 14, 16}) {
    const psa_algorithm_t alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, t);
    Bytes out, multi, back;
    ASSERT_EQ(Encrypt(key, alg, nonce, ad, plaintext, &out), PSA_SUCCESS) << t;
    EXPECT_EQ(out.size(), plaintext.size() + t);
    ASSERT_EQ(Multipart(key, alg, true, nonce, ad, plaintext, Whole(ad.size()),
                        SplitAt(plaintext.size(), {3}), Lengths::kAfterNonce,
                        &multi),
              PSA_SUCCESS);
    EXPECT_EQ(multi, out);
    ASSERT_EQ(Decrypt(key, alg, nonce, ad, out, &back), PSA_SUCCESS);
    EXPECT_EQ(back, plaintext);
  }
}

TEST(AeadTags, InvalidTagLengthsAreRefused) {
  const Key aes{PSA_KEY_TYPE_AES, Bytes(16, 1)};
  const Key chacha{PSA_KEY_TYPE_CHACHA20, Bytes(32, 1)};
  struct Case {
    const Key* key;
    psa_algorithm_t base;
    size_t tag_length;
    psa_status_t expected;
  };
  std::vector<Case> cases;
  for (size_t t : {0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 17, 32, 63}) {
    cases.push_back({&aes, PSA_ALG_GCM, t, PSA_ERROR_INVALID_ARGUMENT});
  }
  for (size_t t : {0, 1, 2, 3, 5, 7, 9, 15, 17, 18, 63}) {
    cases.push_back({&aes, PSA_ALG_CCM, t, PSA_ERROR_INVALID_ARGUMENT});
  }
  for (size_t t : {0, 17, 63}) {
    cases.push_back(
        {&chacha, PSA_ALG_CHACHA20_POLY1305, t, PSA_ERROR_INVALID_ARGUMENT});
  }
  for (size_t t : {1, 4, 8, 12, 15}) {
    cases.push_back(
        {&chacha, PSA_ALG_CHACHA20_POLY1305, t, PSA_ERROR_NOT_SUPPORTED});
  }
  for (const Case& c : cases) {
    const psa_algorithm_t alg =
        PSA_ALG_AEAD_WITH_SHORTENED_TAG(c.base, c.tag_length);
    const psa_key_attributes_t attributes = c.key->Attributes();
    const Bytes nonce(12, 0);
    uint8_t out[64];
    size_t length = 12345;
    EXPECT_EQ(builtin_aead_encrypt(&attributes, c.key->bytes.data(),
                                   c.key->bytes.size(), alg, nonce.data(),
                                   nonce.size(), nullptr, 0, nullptr, 0, out,
                                   sizeof(out), &length),
              c.expected)
        << c.base << " tag " << c.tag_length;
    EXPECT_EQ(length, 0u);
    EXPECT_EQ(builtin_aead_decrypt(&attributes, c.key->bytes.data(),
                                   c.key->bytes.size(), alg, nonce.data(),
                                   nonce.size(), nullptr, 0, out, sizeof(out),
                                   out, sizeof(out), &length),
              c.expected)
        << c.base << " tag " << c.tag_length;
    builtin_aead_operation_t operation = ZeroOperation();
    EXPECT_EQ(builtin_aead_encrypt_setup(&operation, &attributes,
                                         c.key->bytes.data(),
                                         c.key->bytes.size(), alg),
              c.expected);
    EXPECT_TRUE(IsAllZero(operation));
  }
}

// ---- Nonces -------------------------------------------------------------------

TEST(AeadNonces, GcmAcceptsNoncesOfAnyLength) {
  std::mt19937 rng(1);
  const Key key{PSA_KEY_TYPE_AES, RandomBytes(&rng, 16)};
  const Bytes ad = RandomBytes(&rng, 7);
  const Bytes plaintext = RandomBytes(&rng, 45);
  for (size_t nonce_length :
       {1, 2, 8, 11, 12, 13, 15, 16, 17, 31, 32, 33, 64, 128, 129, 512}) {
    const Bytes nonce = RandomBytes(&rng, nonce_length);
    Bytes single, multi, back;
    ASSERT_EQ(Encrypt(key, PSA_ALG_GCM, nonce, ad, plaintext, &single),
              PSA_SUCCESS)
        << nonce_length;
    ASSERT_EQ(Multipart(key, PSA_ALG_GCM, true, nonce, ad, plaintext,
                        Whole(ad.size()), SplitAt(plaintext.size(), {20}),
                        Lengths::kNone, &multi),
              PSA_SUCCESS);
    EXPECT_EQ(single, multi) << nonce_length;
    ASSERT_EQ(Multipart(key, PSA_ALG_GCM, false, nonce, ad, single,
                        Whole(ad.size()), SplitAt(plaintext.size(), {20}),
                        Lengths::kNone, &back),
              PSA_SUCCESS);
    EXPECT_EQ(back, plaintext);
  }
}

TEST(AeadNonces, BadNonceLengthsAreRefused) {
  const Key aes{PSA_KEY_TYPE_AES, Bytes(16, 2)};
  const Key chacha{PSA_KEY_TYPE_CHACHA20, Bytes(32, 2)};
  struct Case {
    const Key* key;
    psa_algorithm_t alg;
    size_t nonce_length;
    psa_status_t expected;
  };
  const Case cases[] = {
      {&aes, PSA_ALG_GCM, 0, PSA_ERROR_INVALID_ARGUMENT},
      {&aes, PSA_ALG_CCM, 0, PSA_ERROR_INVALID_ARGUMENT},
      {&aes, PSA_ALG_CCM, 6, PSA_ERROR_INVALID_ARGUMENT},
      {&aes, PSA_ALG_CCM, 14, PSA_ERROR_INVALID_ARGUMENT},
      {&aes, PSA_ALG_CCM, 16, PSA_ERROR_INVALID_ARGUMENT},
      {&chacha, PSA_ALG_CHACHA20_POLY1305, 0, PSA_ERROR_INVALID_ARGUMENT},
      {&chacha, PSA_ALG_CHACHA20_POLY1305, 11, PSA_ERROR_INVALID_ARGUMENT},
      {&chacha, PSA_ALG_CHACHA20_POLY1305, 13, PSA_ERROR_INVALID_ARGUMENT},
      {&chacha, PSA_ALG_CHACHA20_POLY1305, 24, PSA_ERROR_INVALID_ARGUMENT},
      // The original ChaCha20-Poly1305 (64-bit nonce) is not implemented.
      {&chacha, PSA_ALG_CHACHA20_POLY1305, 8, PSA_ERROR_NOT_SUPPORTED},
  };
  for (const Case& c : cases) {
    const psa_key_attributes_t attributes = c.key->Attributes();
    const Bytes nonce(c.nonce_length, 3);
    uint8_t out[64];
    size_t length = 12345;
    EXPECT_EQ(builtin_aead_encrypt(&attributes, c.key->bytes.data(),
                                   c.key->bytes.size(), c.alg, nonce.data(),
                                   nonce.size(), nullptr, 0, nullptr, 0, out,
                                   sizeof(out), &length),
              c.expected)
        << c.alg << " nonce " << c.nonce_length;
    EXPECT_EQ(builtin_aead_decrypt(&attributes, c.key->bytes.data(),
                                   c.key->bytes.size(), c.alg, nonce.data(),
                                   nonce.size(), nullptr, 0, out, 16, out,
                                   sizeof(out), &length),
              c.expected);
    builtin_aead_operation_t operation = ZeroOperation();
    ASSERT_EQ(builtin_aead_decrypt_setup(&operation, &attributes,
                                         c.key->bytes.data(),
                                         c.key->bytes.size(), c.alg),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_set_lengths(&operation, 0, 0), PSA_SUCCESS);
    EXPECT_EQ(builtin_aead_set_nonce(&operation, nonce.data(), nonce.size()),
              c.expected);
    EXPECT_TRUE(IsAllZero(operation));
  }
}

// ---- CCM lengths --------------------------------------------------------------

class AeadCcmTest : public testing::Test {
 protected:
  void Start(bool encrypt = true) {
    operation_ = ZeroOperation();
    ASSERT_EQ(encrypt ? builtin_aead_encrypt_setup(&operation_, &attributes_,
                                                   key_.bytes.data(),
                                                   key_.bytes.size(),
                                                   PSA_ALG_CCM)
                      : builtin_aead_decrypt_setup(&operation_, &attributes_,
                                                   key_.bytes.data(),
                                                   key_.bytes.size(),
                                                   PSA_ALG_CCM),
              PSA_SUCCESS);
  }

  const Key key_{PSA_KEY_TYPE_AES, Bytes(16, 0x42)};
  const psa_key_attributes_t attributes_ = key_.Attributes();
  const Bytes nonce_ = Bytes(13, 0x24);
  builtin_aead_operation_t operation_;
  uint8_t data_[64] = {0};
  uint8_t out_[64];
  size_t length_ = 0;
};

TEST_F(AeadCcmTest, UpdateAdWithoutSetLengthsIsBadState) {
  Start();
  ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_update_ad(&operation_, data_, 4), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(operation_));
}

TEST_F(AeadCcmTest, UpdateWithoutSetLengthsIsBadState) {
  Start();
  ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_update(&operation_, data_, 4, out_, sizeof(out_),
                                &length_),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(operation_));
}

TEST_F(AeadCcmTest, FinishOrVerifyWithoutSetLengthsIsBadState) {
  Start();
  ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  size_t tag_length;
  EXPECT_EQ(builtin_aead_finish(&operation_, out_, sizeof(out_), &length_,
                                out_, sizeof(out_), &tag_length),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(operation_));
  Start(/*encrypt=*/false);
  ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_verify(&operation_, out_, sizeof(out_), &length_,
                                data_, 16),
            PSA_ERROR_BAD_STATE);
}

TEST_F(AeadCcmTest, TooMuchAdditionalDataIsInvalidArgument) {
  Start();
  ASSERT_EQ(builtin_aead_set_lengths(&operation_, 10, 20), PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_update_ad(&operation_, data_, 6), PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_update_ad(&operation_, data_, 5),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(IsAllZero(operation_));
}

TEST_F(AeadCcmTest, MissingAdditionalDataIsInvalidArgument) {
  Start();
  ASSERT_EQ(builtin_aead_set_lengths(&operation_, 10, 20), PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_update_ad(&operation_, data_, 9), PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_update(&operation_, data_, 4, out_, sizeof(out_),
                                &length_),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(IsAllZero(operation_));
  // Also when the message is empty: finish notices.
  Start();
  ASSERT_EQ(builtin_aead_set_lengths(&operation_, 10, 0), PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  size_t tag_length;
  EXPECT_EQ(builtin_aead_finish(&operation_, out_, sizeof(out_), &length_,
                                out_, sizeof(out_), &tag_length),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(IsAllZero(operation_));
}

TEST_F(AeadCcmTest, TooMuchOrTooLittleMessageIsInvalidArgument) {
  Start();
  ASSERT_EQ(builtin_aead_set_lengths(&operation_, 0, 20), PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_update(&operation_, data_, 15, out_, sizeof(out_),
                                &length_),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_update(&operation_, data_, 6, out_, sizeof(out_),
                                &length_),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(IsAllZero(operation_));

  Start(/*encrypt=*/false);
  ASSERT_EQ(builtin_aead_set_lengths(&operation_, 0, 20), PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_update(&operation_, data_, 19, out_, sizeof(out_),
                                &length_),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_verify(&operation_, out_, sizeof(out_), &length_,
                                data_, 16),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(IsAllZero(operation_));
}

TEST_F(AeadCcmTest, PlaintextLengthMustFitTheLengthField) {
  // A 13-byte nonce leaves L = 2: plaintexts below 65536 bytes.
  for (bool lengths_first : {true, false}) {
    Start();
    if (lengths_first) {
      ASSERT_EQ(builtin_aead_set_lengths(&operation_, 0, 65536), PSA_SUCCESS);
      EXPECT_EQ(
          builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
          PSA_ERROR_INVALID_ARGUMENT);
    } else {
      ASSERT_EQ(
          builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
          PSA_SUCCESS);
      EXPECT_EQ(builtin_aead_set_lengths(&operation_, 0, 65536),
                PSA_ERROR_INVALID_ARGUMENT);
    }
    EXPECT_TRUE(IsAllZero(operation_));
  }
  Start();
  ASSERT_EQ(builtin_aead_set_lengths(&operation_, 0, 65535), PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), nonce_.size()),
            PSA_SUCCESS);
  builtin_aead_abort(&operation_);
  // 12 bytes leave L = 3.
  Start();
  ASSERT_EQ(builtin_aead_set_lengths(&operation_, 0, 65536), PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_set_nonce(&operation_, nonce_.data(), 12),
            PSA_SUCCESS);
  builtin_aead_abort(&operation_);

  // Single-part.
  const Bytes big(65536, 1);
  Bytes out;
  EXPECT_EQ(Encrypt(key_, PSA_ALG_CCM, nonce_, {}, big, &out),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Decrypt(key_, PSA_ALG_CCM, nonce_, {}, Cat(big, Bytes(16, 0)),
                    &out),
            PSA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Encrypt(key_, PSA_ALG_CCM, Bytes(12, 1), {}, big, &out),
            PSA_SUCCESS);
}

TEST(AeadLengths, GcmAndChachaPolyEnforceDeclaredLengths) {
  const Key keys[] = {{PSA_KEY_TYPE_AES, Bytes(16, 5)},
                      {PSA_KEY_TYPE_CHACHA20, Bytes(32, 5)}};
  const psa_algorithm_t algs[] = {PSA_ALG_GCM, PSA_ALG_CHACHA20_POLY1305};
  for (int i = 0; i < 2; ++i) {
    const psa_key_attributes_t attributes = keys[i].Attributes();
    const Bytes nonce(12, 9);
    uint8_t data[32] = {0}, out[32];
    size_t length;
    builtin_aead_operation_t operation = ZeroOperation();
    ASSERT_EQ(builtin_aead_encrypt_setup(&operation, &attributes,
                                         keys[i].bytes.data(),
                                         keys[i].bytes.size(), algs[i]),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_set_nonce(&operation, nonce.data(), nonce.size()),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_set_lengths(&operation, 3, 5), PSA_SUCCESS);
    EXPECT_EQ(builtin_aead_update_ad(&operation, data, 4),
              PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_TRUE(IsAllZero(operation));

    ASSERT_EQ(builtin_aead_encrypt_setup(&operation, &attributes,
                                         keys[i].bytes.data(),
                                         keys[i].bytes.size(), algs[i]),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_set_lengths(&operation, 3, 5), PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_set_nonce(&operation, nonce.data(), nonce.size()),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_update_ad(&operation, data, 3), PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_update(&operation, data, 4, out, sizeof(out),
                                  &length),
              PSA_SUCCESS);
    size_t tag_length;
    EXPECT_EQ(builtin_aead_finish(&operation, out, sizeof(out), &length, out,
                                  sizeof(out), &tag_length),
              PSA_ERROR_INVALID_ARGUMENT);
    EXPECT_TRUE(IsAllZero(operation));
  }
  // Beyond the algorithms' limits.
  const psa_key_attributes_t aes = keys[0].Attributes();
  builtin_aead_operation_t operation = ZeroOperation();
  ASSERT_EQ(builtin_aead_encrypt_setup(&operation, &aes, keys[0].bytes.data(),
                                       16, PSA_ALG_GCM),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_set_lengths(&operation, 0, (size_t{1} << 36) - 31),
            PSA_ERROR_INVALID_ARGUMENT);
  const psa_key_attributes_t chacha = keys[1].Attributes();
  ASSERT_EQ(builtin_aead_encrypt_setup(&operation, &chacha,
                                       keys[1].bytes.data(), 32,
                                       PSA_ALG_CHACHA20_POLY1305),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_set_lengths(&operation, 0, (size_t{1} << 38) - 63),
            PSA_ERROR_INVALID_ARGUMENT);
  ASSERT_EQ(builtin_aead_encrypt_setup(&operation, &chacha,
                                       keys[1].bytes.data(), 32,
                                       PSA_ALG_CHACHA20_POLY1305),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_set_lengths(&operation, 0, (size_t{1} << 38) - 64),
            PSA_SUCCESS);
  builtin_aead_abort(&operation);
}

// ---- Operation life cycle -------------------------------------------------------

class AeadStateTest : public testing::Test {
 protected:
  void Setup(bool encrypt, psa_algorithm_t alg = PSA_ALG_GCM) {
    operation_ = ZeroOperation();
    ASSERT_EQ(encrypt ? builtin_aead_encrypt_setup(&operation_, &attributes_,
                                                   key_.bytes.data(),
                                                   key_.bytes.size(), alg)
                      : builtin_aead_decrypt_setup(&operation_, &attributes_,
                                                   key_.bytes.data(),
                                                   key_.bytes.size(), alg),
              PSA_SUCCESS);
  }
  void SetNonce() {
    ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_, sizeof(nonce_)),
              PSA_SUCCESS);
  }

  const Key key_{PSA_KEY_TYPE_AES, Bytes(16, 0x11)};
  const psa_key_attributes_t attributes_ = key_.Attributes();
  const uint8_t nonce_[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  builtin_aead_operation_t operation_;
  uint8_t data_[32] = {0};
  uint8_t out_[32];
  size_t length_ = 0;
  size_t tag_length_ = 0;
};

TEST_F(AeadStateTest, EveryCallOnAnInactiveOperationIsBadState) {
  operation_ = ZeroOperation();
  EXPECT_EQ(builtin_aead_set_nonce(&operation_, nonce_, sizeof(nonce_)),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_aead_set_lengths(&operation_, 0, 0), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_aead_update_ad(&operation_, data_, 1), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_aead_update(&operation_, data_, 1, out_, sizeof(out_),
                                &length_),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_aead_finish(&operation_, out_, sizeof(out_), &length_,
                                out_, sizeof(out_), &tag_length_),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_aead_verify(&operation_, out_, sizeof(out_), &length_,
                                data_, 16),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_aead_abort(&operation_), PSA_SUCCESS);
  EXPECT_TRUE(IsAllZero(operation_));
}

TEST_F(AeadStateTest, SetupOnAnActiveOperationIsBadStateAndKeepsIt) {
  Setup(true);
  EXPECT_EQ(builtin_aead_encrypt_setup(&operation_, &attributes_,
                                       key_.bytes.data(), key_.bytes.size(),
                                       PSA_ALG_GCM),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_aead_decrypt_setup(&operation_, &attributes_,
                                       key_.bytes.data(), key_.bytes.size(),
                                       PSA_ALG_GCM),
            PSA_ERROR_BAD_STATE);
  // Still a working encryption.
  SetNonce();
  EXPECT_EQ(builtin_aead_finish(&operation_, nullptr, 0, &length_, out_,
                                sizeof(out_), &tag_length_),
            PSA_SUCCESS);
  EXPECT_EQ(tag_length_, 16u);
}

TEST_F(AeadStateTest, NonceTwiceIsBadState) {
  Setup(true);
  SetNonce();
  EXPECT_EQ(builtin_aead_set_nonce(&operation_, nonce_, sizeof(nonce_)),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(operation_));
}

TEST_F(AeadStateTest, InputBeforeTheNonceIsBadState) {
  Setup(true);
  EXPECT_EQ(builtin_aead_update_ad(&operation_, data_, 1), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(operation_));
  Setup(false);
  EXPECT_EQ(builtin_aead_update(&operation_, data_, 1, out_, sizeof(out_),
                                &length_),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(operation_));
  Setup(true);
  EXPECT_EQ(builtin_aead_finish(&operation_, nullptr, 0, &length_, out_,
                                sizeof(out_), &tag_length_),
            PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(operation_));
}

TEST_F(AeadStateTest, AdditionalDataAfterTheMessageIsBadState) {
  for (psa_algorithm_t alg : {PSA_ALG_GCM, PSA_ALG_CCM}) {
    Setup(true, alg);
    ASSERT_EQ(builtin_aead_set_lengths(&operation_, 2, 4), PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_set_nonce(&operation_, nonce_, sizeof(nonce_)),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_update_ad(&operation_, data_, 1), PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_update_ad(&operation_, data_, 1), PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_update(&operation_, data_, 2, out_, sizeof(out_),
                                  &length_),
              PSA_SUCCESS);
    EXPECT_EQ(builtin_aead_update_ad(&operation_, data_, 0),
              PSA_ERROR_BAD_STATE);
    EXPECT_TRUE(IsAllZero(operation_));
  }
  // Also after an empty update.
  Setup(true);
  SetNonce();
  ASSERT_EQ(builtin_aead_update(&operation_, data_, 0, out_, 0, &length_),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_update_ad(&operation_, data_, 1), PSA_ERROR_BAD_STATE);
}

TEST_F(AeadStateTest, SetLengthsTwiceOrAfterInputIsBadState) {
  Setup(true);
  ASSERT_EQ(builtin_aead_set_lengths(&operation_, 1, 1), PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_set_lengths(&operation_, 1, 1), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(operation_));
  Setup(true);
  SetNonce();
  ASSERT_EQ(builtin_aead_update_ad(&operation_, data_, 0), PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_set_lengths(&operation_, 0, 0), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(operation_));
  Setup(true);
  SetNonce();
  ASSERT_EQ(builtin_aead_update(&operation_, data_, 1, out_, sizeof(out_),
                                &length_),
            PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_set_lengths(&operation_, 0, 1), PSA_ERROR_BAD_STATE);
  EXPECT_TRUE(IsAllZero(operation_));
}

TEST_F(AeadStateTest, FinishIsForEncryptionVerifyForDecryption) {
  for (psa_algorithm_t alg : {PSA_ALG_GCM, PSA_ALG_CCM}) {
    Setup(false, alg);
    ASSERT_EQ(builtin_aead_set_lengths(&operation_, 0, 0), PSA_SUCCESS);
    SetNonce();
    EXPECT_EQ(builtin_aead_finish(&operation_, out_, sizeof(out_), &length_,
                                  out_, sizeof(out_), &tag_length_),
              PSA_ERROR_BAD_STATE);
    EXPECT_TRUE(IsAllZero(operation_));
    Setup(true, alg);
    ASSERT_EQ(builtin_aead_set_lengths(&operation_, 0, 0), PSA_SUCCESS);
    SetNonce();
    EXPECT_EQ(builtin_aead_verify(&operation_, out_, sizeof(out_), &length_,
                                  data_, 16),
              PSA_ERROR_BAD_STATE);
    EXPECT_TRUE(IsAllZero(operation_));
  }
}

TEST_F(AeadStateTest, FinishEndsTheOperationAndAbortIsIdempotent) {
  Setup(true);
  SetNonce();
  ASSERT_EQ(builtin_aead_finish(&operation_, nullptr, 0, &length_, out_,
                                sizeof(out_), &tag_length_),
            PSA_SUCCESS);
  EXPECT_TRUE(IsAllZero(operation_));
  EXPECT_EQ(builtin_aead_update_ad(&operation_, data_, 1), PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_aead_finish(&operation_, nullptr, 0, &length_, out_,
                                sizeof(out_), &tag_length_),
            PSA_ERROR_BAD_STATE);
  EXPECT_EQ(builtin_aead_abort(&operation_), PSA_SUCCESS);
  EXPECT_EQ(builtin_aead_abort(&operation_), PSA_SUCCESS);
  EXPECT_TRUE(IsAllZero(operation_));

  // abort in the middle, then the operation is reusable.
  for (psa_algorithm_t alg :
       {PSA_ALG_GCM, PSA_ALG_CCM, PSA_ALG_CHACHA20_POLY1305}) {
    const Key key = alg == PSA_ALG_CHACHA20_POLY1305
                        ? Key{PSA_KEY_TYPE_CHACHA20, Bytes(32, 3)}
                        : key_;
    const psa_key_attributes_t attributes = key.Attributes();
    ASSERT_EQ(builtin_aead_decrypt_setup(&operation_, &attributes,
                                         key.bytes.data(), key.bytes.size(),
                                         alg),
              PSA_SUCCESS);
    ASSERT_EQ(builtin_aead_set_lengths(&operation_, 1, 1), PSA_SUCCESS);
    SetNonce();
    ASSERT_EQ(builtin_aead_update_ad(&operation_, data_, 1), PSA_SUCCESS);
    EXPECT_EQ(builtin_aead_abort(&operation_), PSA_SUCCESS);
    EXPECT_TRUE(IsAllZero(operation_));
  }
  Setup(true);
  SetNonce();
  EXPECT_EQ(builtin_aead_finish(&operation_, nullptr, 0, &length_, out_,
                                sizeof(out_), &tag_length_),
            PSA_SUCCESS);
}

TEST_F(AeadStateTest, EmptyMessageAndEmptyAdditionalDataWork) {
  // GCM test case 1 as a multi-part operation with empty calls.
  const Key zero_key{PSA_KEY_TYPE_AES, Bytes(16, 0)};
  const psa_key_attributes_t attributes = zero_key.Attributes();
  const uint8_t zero_nonce[12] = {0};
  operation_ = ZeroOperation();
  ASSERT_EQ(builtin_aead_encrypt_setup(&operation_, &attributes,
                                       zero_key.bytes.data(), 16, PSA_ALG_GCM),
            PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_set_nonce(&operation_, zero_nonce, 12), PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_update_ad(&operation_, nullptr, 0), PSA_SUCCESS);
  ASSERT_EQ(builtin_aead_update(&operation_, nullptr, 0, nullptr, 0, &length_),
            PSA_SUCCESS);
  EXPECT_EQ(length_, 0u);
  ASSERT_EQ(builtin_aead_finish(&operation_, nullptr, 0, &length_, out_, 16,
                                &tag_length_),
            PSA_SUCCESS);
  EXPECT_EQ(Bytes(out_, out_ + tag_length_),
            Hex("58e2fccefa7e3061367f1d57a4e7455a"));
}

// ---- Keys and algorithms ------------------------------------------------------

TEST(AeadParameters, IncompatibleOrUnsupportedKeysAndAlgorithms) {
  struct Case {
    const char* what;
    psa_key_type_t type;
    size_t key_bytes;
    size_t key_bits;
    psa_algorithm_t alg;
    psa_status_t expected;
  };
  const Case cases[] = {
      {"AES key, ChaCha20-Poly1305", PSA_KEY_TYPE_AES, 32, 256,
       PSA_ALG_CHACHA20_POLY1305, PSA_ERROR_INVALID_ARGUMENT},
      {"ChaCha20 key, GCM", PSA_KEY_TYPE_CHACHA20, 32, 256, PSA_ALG_GCM,
       PSA_ERROR_INVALID_ARGUMENT},
      {"ChaCha20 key, CCM", PSA_KEY_TYPE_CHACHA20, 32, 256, PSA_ALG_CCM,
       PSA_ERROR_INVALID_ARGUMENT},
      {"HMAC key, GCM", PSA_KEY_TYPE_HMAC, 16, 128, PSA_ALG_GCM,
       PSA_ERROR_INVALID_ARGUMENT},
      {"DES key, CCM", PSA_KEY_TYPE_DES, 24, 192, PSA_ALG_CCM,
       PSA_ERROR_INVALID_ARGUMENT},
      {"raw data, GCM", PSA_KEY_TYPE_RAW_DATA, 16, 128, PSA_ALG_GCM,
       PSA_ERROR_INVALID_ARGUMENT},
      {"SM4 key, GCM", PSA_KEY_TYPE_SM4, 16, 128, PSA_ALG_GCM,
       PSA_ERROR_NOT_SUPPORTED},
      {"SM4 key, CCM", PSA_KEY_TYPE_SM4, 16, 128, PSA_ALG_CCM,
       PSA_ERROR_NOT_SUPPORTED},
      {"ARIA key, ChaCha20-Poly1305", PSA_KEY_TYPE_ARIA, 32, 256,
       PSA_ALG_CHACHA20_POLY1305, PSA_ERROR_INVALID_ARGUMENT},
      {"ARIA-64", PSA_KEY_TYPE_ARIA, 8, 64, PSA_ALG_GCM,
       PSA_ERROR_INVALID_ARGUMENT},
      {"ARIA-512", PSA_KEY_TYPE_ARIA, 64, 512, PSA_ALG_CCM,
       PSA_ERROR_INVALID_ARGUMENT},
      {"XChaCha20-Poly1305", PSA_KEY_TYPE_XCHACHA20, 32, 256,
       PSA_ALG_XCHACHA20_POLY1305, PSA_ERROR_NOT_SUPPORTED},
      {"not an AEAD", PSA_KEY_TYPE_AES, 16, 128, PSA_ALG_CTR,
       PSA_ERROR_NOT_SUPPORTED},
      {"no algorithm", PSA_KEY_TYPE_AES, 16, 128, PSA_ALG_NONE,
       PSA_ERROR_NOT_SUPPORTED},
      {"wildcard policy", PSA_KEY_TYPE_AES, 16, 128,
       PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_GCM, 12),
       PSA_ERROR_NOT_SUPPORTED},
      {"AES-136", PSA_KEY_TYPE_AES, 17, 136, PSA_ALG_GCM,
       PSA_ERROR_INVALID_ARGUMENT},
      {"bits disagree with buffer", PSA_KEY_TYPE_AES, 16, 256, PSA_ALG_CCM,
       PSA_ERROR_INVALID_ARGUMENT},
      {"ChaCha20-128", PSA_KEY_TYPE_CHACHA20, 16, 128,
       PSA_ALG_CHACHA20_POLY1305, PSA_ERROR_INVALID_ARGUMENT},
  };
  for (const Case& c : cases) {
    psa_key_attributes_t attributes = psa_key_attributes_init();
    psa_set_key_type(&attributes, c.type);
    psa_set_key_bits(&attributes, c.key_bits);
    const Bytes key(c.key_bytes, 0x33);
    const Bytes nonce(12, 0);
    uint8_t out[64];
    size_t length = 12345;
    EXPECT_EQ(builtin_aead_encrypt(&attributes, key.data(), key.size(), c.alg,
                                   nonce.data(), nonce.size(), nullptr, 0,
                                   nullptr, 0, out, sizeof(out), &length),
              c.expected)
        << c.what;
    EXPECT_EQ(length, 0u);
    EXPECT_EQ(builtin_aead_decrypt(&attributes, key.data(), key.size(), c.alg,
                                   nonce.data(), nonce.size(), nullptr, 0, out,
                                   32, out, sizeof(out), &length),
              c.expected)
        << c.what;
    builtin_aead_operation_t operation = ZeroOperation();
    EXPECT_EQ(builtin_aead_encrypt_setup(&operation, &attributes, key.data(),
                                         key.size(), c.alg),
              c.expected)
        << c.what;
    EXPECT_EQ(builtin_aead_decrypt_setup(&operation, &attributes, key.data(),
                                         key.size(), c.alg),
              c.expected)
        << c.what;
    EXPECT_TRUE(IsAllZero(operation)) << c.what;
  }
}

TEST(AeadParameters, AllKeySizesWork) {
  std::mt19937 rng(99);
  for (psa_key_type_t type :
       {PSA_KEY_TYPE_AES, PSA_KEY_TYPE_ARIA, PSA_KEY_TYPE_CAMELLIA}) {
    for (size_t bytes : {16, 24, 32}) {
      const Key key{type, RandomBytes(&rng, bytes)};
      for (psa_algorithm_t alg : {PSA_ALG_GCM, PSA_ALG_CCM}) {
        const Bytes nonce = RandomBytes(&rng, 12);
        const Bytes ad = RandomBytes(&rng, 5);
        const Bytes plaintext = RandomBytes(&rng, 23);
        Bytes single, multi, back;
        ASSERT_EQ(Encrypt(key, alg, nonce, ad, plaintext, &single),
                  PSA_SUCCESS);
        ASSERT_EQ(Multipart(key, alg, true, nonce, ad, plaintext,
                            Whole(ad.size()), SplitAt(plaintext.size(), {9}),
                            Lengths::kBeforeNonce, &multi),
                  PSA_SUCCESS);
        EXPECT_EQ(single, multi) << type << " " << bytes << " " << alg;
        ASSERT_EQ(Decrypt(key, alg, nonce, ad, single, &back), PSA_SUCCESS);
        EXPECT_EQ(back, plaintext);
      }
    }
  }
}

TEST(AeadContext, FitsTheCoreStorage) {
  static_assert(sizeof(builtin_aead_operation_t) <= 768, "too large");
  static_assert(alignof(builtin_aead_operation_t) <= 16, "over-aligned");
  testing::Test::RecordProperty(
      "sizeof_builtin_aead_operation_t",
      static_cast<int>(sizeof(builtin_aead_operation_t)));
}

}  // namespace
}  // namespace drivers::builtin
