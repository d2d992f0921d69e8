#include "tests/conformance/conformance_util.h"

#include <string.h>

#include <algorithm>

namespace psa::conformance {

std::string StatusName(psa_status_t status) {
  // tests/keys names every status but this one.
  if (status == PSA_ERROR_INVALID_PADDING) return "PSA_ERROR_INVALID_PADDING";
  return ::psa::keys_testing::StatusName(status);
}

ScopedKey::ScopedKey(psa_key_type_t type, const Bytes& material, psa_key_usage_t usage, psa_algorithm_t alg) {
  const psa_key_attributes_t attributes = ::psa::keys_testing::MakeAttributes(type, 0, usage, alg);
  psa_key_id_t id = PSA_KEY_ID_NULL;
  EXPECT_STATUS(PSA_SUCCESS, ::psa::keys_testing::Import(attributes, material, &id))
      << "importing a key of type 0x" << std::hex << type << " for alg 0x" << alg;
  id_ = id;
}

ScopedKey& ScopedKey::operator=(ScopedKey&& other) noexcept {
  if (this != &other) {
    Destroy();
    id_ = other.id_;
    destroyed_ = other.destroyed_;
    other.id_ = PSA_KEY_ID_NULL;
  }
  return *this;
}

psa_status_t ScopedKey::DestroyNow() {
  if (destroyed_ || id_ == PSA_KEY_ID_NULL) return PSA_SUCCESS;
  destroyed_ = true;
  return psa_destroy_key(id_);
}

void ScopedKey::Destroy() {
  if (!destroyed_ && id_ != PSA_KEY_ID_NULL) {
    EXPECT_STATUS(PSA_SUCCESS, psa_destroy_key(id_));
  }
  id_ = PSA_KEY_ID_NULL;
  destroyed_ = false;
}

psa_key_id_t DestroyedKeyId() {
  ScopedKey key(PSA_KEY_TYPE_HMAC, kat::kHmacKey, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE,
                PSA_ALG_HMAC(PSA_ALG_SHA_256));
  const psa_key_id_t id = key.id();
  EXPECT_STATUS(PSA_SUCCESS, key.DestroyNow());
  return id;
}

GuardedBuffer::GuardedBuffer(size_t size, uint8_t canary)
    : size_(size), canary_(canary), storage_(size + kGuardSize, canary) {}

Bytes GuardedBuffer::Prefix(size_t length) const {
  return Bytes(storage_.begin(), storage_.begin() + std::min(length, size_));
}

bool GuardedBuffer::GuardIntact() const {
  return std::all_of(storage_.begin() + size_, storage_.end(), [this](uint8_t b) { return b == canary_; });
}

bool GuardedBuffer::OnlyCanaryOrZero() const {
  return std::all_of(storage_.begin(), storage_.begin() + size_, [this](uint8_t b) { return b == canary_ || b == 0; });
}

bool ContainsPartOf(const Bytes& buffer, const Bytes& secret, size_t window) {
  if (window == 0 || secret.size() < window || buffer.size() < window) return false;
  for (size_t i = 0; i + window <= secret.size(); ++i) {
    if (std::search(buffer.begin(), buffer.end(), secret.begin() + i, secret.begin() + i + window) != buffer.end()) {
      return true;
    }
  }
  return false;
}

Bytes Concat(const Bytes& a, const Bytes& b) {
  Bytes out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

Bytes Slice(const Bytes& bytes, size_t begin, size_t length) {
  return Bytes(bytes.begin() + begin, bytes.begin() + begin + length);
}

Bytes WithBitFlipped(const Bytes& bytes, size_t index, int bit) {
  Bytes out = bytes;
  out.at(index) ^= static_cast<uint8_t>(1u << bit);
  return out;
}

namespace kat {
namespace {

Bytes Text(const char* text) { return Bytes(text, text + strlen(text)); }

}  // namespace

const Bytes kHmacKey = Text("Jefe");
const Bytes kHmacMessage = Text("what do ya want for nothing?");
const Bytes kHmacSha256 = FromHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
const Bytes kHmacSha512 = FromHex(
    "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
    "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");

const Bytes kCmacKey = FromHex("2b7e151628aed2a6abf7158809cf4f3c");
const Bytes kCmacMessage = FromHex("6bc1bee22e409f96e93d7e117393172a");
const Bytes kCmacTag = FromHex("070a16b46b4d4144f79bdd9dd04a287c");

const Bytes kAesKey = FromHex("2b7e151628aed2a6abf7158809cf4f3c");
const Bytes kCbcIv = FromHex("000102030405060708090a0b0c0d0e0f");
const Bytes kSp800_38aPlaintext = FromHex(
    "6bc1bee22e409f96e93d7e117393172a"
    "ae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52ef"
    "f69f2445df4f9b17ad2b417be66c3710");
const Bytes kCbcCiphertext = FromHex(
    "7649abac8119b246cee98e9b12e9197d"
    "5086cb9b507219ee95db113a917678b2"
    "73bed6b8e3c1743b7116e69e22229516"
    "3ff1caa1681fac09120eca307586e1a7");
const Bytes kCtrInitialCounter = FromHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
const Bytes kCtrCiphertext = FromHex(
    "874d6191b620e3261bef6864990db6ce"
    "9806f66b7970fdff8617187bb9fffdff"
    "5ae4df3edbd5d35e5b4f09020db03eab"
    "1e031dda2fbe03d1792170a0f3009cee");

const Bytes kGcmKey = FromHex("feffe9928665731c6d6a8f9467308308");
const Bytes kGcmNonce = FromHex("cafebabefacedbaddecaf888");
const Bytes kGcmAd = FromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
const Bytes kGcmPlaintext = FromHex(
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
const Bytes kGcmCiphertext = FromHex(
    "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
    "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091");
const Bytes kGcmTag = FromHex("5bc94fbc3221a5db94fae95ae7121a47");

const Bytes kCcmKey = FromHex("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf");
const Bytes kCcmNonce = FromHex("00000003020100a0a1a2a3a4a5");
const Bytes kCcmAd = FromHex("0001020304050607");
const Bytes kCcmPlaintext = FromHex("08090a0b0c0d0e0f101112131415161718191a1b1c1d1e");
const Bytes kCcmCiphertextAndTag = FromHex("588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0");

const Bytes kChachaPolyKey = FromHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
const Bytes kChachaPolyNonce = FromHex("070000004041424344454647");
const Bytes kChachaPolyAd = FromHex("50515253c0c1c2c3c4c5c6c7");
const Bytes kChachaPolyPlaintext = Text(
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
    "sunscreen would be it.");
const Bytes kChachaPolyCiphertext = FromHex(
    "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
    "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
    "3ff4def08e4b7a9de576d26586cec64b6116");
const Bytes kChachaPolyTag = FromHex("1ae10b594f09e26a7e902ecbd0600691");

}  // namespace kat

}  // namespace psa::conformance
