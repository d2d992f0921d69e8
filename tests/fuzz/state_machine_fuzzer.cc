// Fuzzes the multi-part state machines: a sequence of calls, picked by the
// input, on one hash, MAC, cipher, AEAD, key derivation and PAKE operation
// each. A model tracks each operation's state as the specification defines
// it (inactive, active, error) with the sub-states that decide which calls
// are in sequence (MAC direction, cipher IV, AEAD nonce); every status must
// be one that the specification allows for that call in that state:
//   - abort always succeeds and makes the operation inactive;
//   - setup of an inactive operation succeeds for the supported algorithms
//     of the table, or fails with a setup error and leaves it inactive;
//   - any other call of an inactive operation, and any call of one in the
//     error state, is PSA_ERROR_BAD_STATE;
//   - a call of an active operation returns a status of its table below; an
//     error puts the operation in the error state (output_bytes's
//     INSUFFICIENT_DATA excepted, as specified).
// This core realizes the error state by ending the operation, so a setup
// there may succeed: the model accepts SUCCESS or BAD_STATE for it.

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <initializer_list>
#include <map>
#include <utility>
#include <vector>

#include "psa/crypto.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

using psa::fuzz::FuzzInput;
using psa::fuzz::In;

enum class State { kInactive, kActive, kError };

using Allowed = std::initializer_list<psa_status_t>;

bool OneOf(psa_status_t status, Allowed allowed) {
  for (psa_status_t s : allowed) {
    if (status == s) return true;
  }
  return false;
}

const char* StateName(State s) {
  return s == State::kInactive ? "inactive" : s == State::kActive ? "active" : "error";
}

// The model of one operation.
struct Model {
  const char* family;
  State state = State::kInactive;
  // Sub-states of an active operation.
  bool encrypt = false;     // MAC: sign; cipher/AEAD: encrypt
  bool needs_iv = false;    // cipher
  bool iv_done = false;     // cipher IV, AEAD nonce
  size_t iv_length = 0;     // cipher IV, AEAD nonce
  size_t output_size = 0;   // hash/MAC length, AEAD tag length
  psa_algorithm_t alg = 0;
};

// Checks `status` of `call` against the model and moves it: `allowed_active`
// applies to an active operation (nullptr: a setup call).
void Step(Model* m, const char* call, psa_status_t status, Allowed allowed_active, bool ends_on_success = false,
          bool keeps_active_on = false, psa_status_t kept_status = PSA_SUCCESS) {
  if (m->state != State::kActive) {
    FUZZ_CHECK(status == PSA_ERROR_BAD_STATE, "%s %s in state %s: %d, want BAD_STATE", m->family, call,
               StateName(m->state), static_cast<int>(status));
    return;
  }
  FUZZ_CHECK(OneOf(status, allowed_active), "%s %s (alg 0x%08x) in state active: status %d not allowed",
             m->family, call, m->alg, static_cast<int>(status));
  if (status == PSA_SUCCESS) {
    if (ends_on_success) m->state = State::kInactive;
  } else if (!(keeps_active_on && status == kept_status)) {
    m->state = State::kError;
  }
}

// A setup call: from inactive, SUCCESS (required if `must_succeed`) or a
// setup error; from active, BAD_STATE (then the operation is aborted, since
// the specification leaves open whether it is unchanged or in error state).
template <typename Abort>
bool Setup(Model* m, const char* call, psa_status_t status, bool must_succeed, Abort abort) {
  switch (m->state) {
    case State::kInactive:
      if (must_succeed) {
        FUZZ_CHECK(status == PSA_SUCCESS, "%s %s (alg 0x%08x) of a supported algorithm: %d", m->family, call,
                   m->alg, static_cast<int>(status));
      } else {
        FUZZ_CHECK(OneOf(status, {PSA_SUCCESS, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED,
                                  PSA_ERROR_NOT_PERMITTED}),
                   "%s %s (alg 0x%08x): %d", m->family, call, m->alg, static_cast<int>(status));
      }
      m->state = status == PSA_SUCCESS ? State::kActive : State::kInactive;
      return status == PSA_SUCCESS;
    case State::kActive:
      FUZZ_CHECK(status == PSA_ERROR_BAD_STATE, "%s %s of an active operation: %d", m->family, call,
                 static_cast<int>(status));
      FUZZ_CHECK(abort() == PSA_SUCCESS, "%s abort", m->family);
      m->state = State::kInactive;
      return false;
    case State::kError:
      // An operation in the error state must be aborted; an implementation
      // may have aborted it already (as Mbed TLS does), and then the setup
      // is one of an inactive operation.
      if (status == PSA_ERROR_BAD_STATE) return false;
      m->state = State::kInactive;
      return Setup(m, call, status, must_succeed, abort);
  }
  return false;
}

template <typename T, size_t N>
T Pick(const T (&table)[N], uint8_t choice) {
  return table[choice % N];
}

// An output buffer of a size picked by the input: often large enough,
// sometimes one byte short of `needed`, or empty.
size_t OutputSize(uint8_t choice, size_t needed) {
  switch (choice % 4) {
    case 0:
      return needed > 0 ? needed - 1 : 0;
    case 1:
      return 0;
    default:
      return needed + (choice >> 2);
  }
}

struct Keys {
  psa_key_id_t hmac = 0, derive = 0, password = 0;
};
Keys keys;

psa_key_id_t MakeKey(psa_key_type_t type, psa_algorithm_t alg, psa_key_usage_t usage, const char* material,
                     size_t length) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, type);
  psa_set_key_algorithm(&attributes, alg);
  psa_set_key_usage_flags(&attributes, usage);
  psa_key_id_t key = 0;
  FUZZ_CHECK(psa_import_key(&attributes, reinterpret_cast<const uint8_t*>(material), length, &key) == PSA_SUCCESS,
             "import of a fixed key");
  return key;
}

// A key of `type` that permits exactly `alg` (one policy cannot span MAC,
// cipher and AEAD algorithms), made on first use; keys.hmac where no such
// key can exist (not an algorithm of those families: the setup must fail).
psa_key_id_t KeyFor(psa_key_type_t type, psa_algorithm_t alg) {
  static std::map<std::pair<psa_key_type_t, psa_algorithm_t>, psa_key_id_t> made;
  const auto found = made.find({type, alg});
  if (found != made.end()) return found->second;
  static const uint8_t kMaterial[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                        17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, type);
  psa_set_key_algorithm(&attributes, alg);
  psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE |
                                           PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT);
  psa_key_id_t key = 0;
  if (psa_import_key(&attributes, kMaterial, 32, &key) != PSA_SUCCESS) key = keys.hmac;
  made[{type, alg}] = key;
  return key;
}

// --- hash ---

constexpr psa_algorithm_t kHashAlgs[] = {PSA_ALG_SHA_256, PSA_ALG_SHA_1, PSA_ALG_SHA_512, PSA_ALG_MD5,
                                         PSA_ALG_SHA_384, PSA_ALG_ANY_HASH, PSA_ALG_HMAC(PSA_ALG_SHA_256), 0};
constexpr int kSupportedHashAlgs = 5;

void HashCall(FuzzInput* in, psa_hash_operation_t* op, Model* m) {
  const uint8_t call = in->Byte() % 6;
  const uint8_t arg = in->Byte();
  auto abort = [op] { return psa_hash_abort(op); };
  switch (call) {
    case 0: {
      const psa_algorithm_t alg = Pick(kHashAlgs, arg);
      if (m->state == State::kInactive || m->state == State::kError) m->alg = alg;
      if (Setup(m, "setup", psa_hash_setup(op, alg), arg % 8 < kSupportedHashAlgs, abort)) {
        m->alg = alg;
        m->output_size = PSA_HASH_LENGTH(alg);
      }
      break;
    }
    case 1: {
      const std::vector<uint8_t> data = in->Chunk();
      Step(m, "update", psa_hash_update(op, In(data), data.size()), {PSA_SUCCESS});
      break;
    }
    case 2: {
      std::vector<uint8_t> out(OutputSize(arg, m->output_size) + 1);
      const size_t size = out.size() - 1;
      size_t length = 0;
      const psa_status_t status = psa_hash_finish(op, out.data(), size, &length);
      if (m->state == State::kActive && size < m->output_size) {
        Step(m, "finish", status, {PSA_ERROR_BUFFER_TOO_SMALL});
      } else {
        Step(m, "finish", status, {PSA_SUCCESS}, true);
        if (status == PSA_SUCCESS) FUZZ_CHECK(length == m->output_size, "hash length %zu", length);
      }
      break;
    }
    case 3: {
      const std::vector<uint8_t> expected = in->Chunk();
      Step(m, "verify", psa_hash_verify(op, In(expected), expected.size()),
           {PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE}, true);
      break;
    }
    case 4: {
      psa_hash_operation_t copy = PSA_HASH_OPERATION_INIT;
      const psa_status_t status = psa_hash_clone(op, &copy);
      if (m->state == State::kActive) {
        FUZZ_CHECK(status == PSA_SUCCESS, "clone of an active hash: %d", static_cast<int>(status));
      } else {
        FUZZ_CHECK(status == PSA_ERROR_BAD_STATE, "clone in state %s: %d", StateName(m->state),
                   static_cast<int>(status));
      }
      // A clone into an active target is refused.
      if (status == PSA_SUCCESS) {
        FUZZ_CHECK(psa_hash_clone(op, &copy) == PSA_ERROR_BAD_STATE, "clone into an active operation");
      }
      FUZZ_CHECK(psa_hash_abort(&copy) == PSA_SUCCESS, "abort of a clone");
      break;
    }
    default:
      FUZZ_CHECK(psa_hash_abort(op) == PSA_SUCCESS, "hash abort");
      m->state = State::kInactive;
  }
}

// --- MAC ---

constexpr psa_algorithm_t kMacAlgs[] = {PSA_ALG_HMAC(PSA_ALG_SHA_256), PSA_ALG_CMAC,
                                        PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 8), PSA_ALG_SHA_256,
                                        PSA_ALG_HMAC(PSA_ALG_SHA_1)};
constexpr int kSupportedMacAlgs = 3;

void MacCall(FuzzInput* in, psa_mac_operation_t* op, Model* m) {
  const uint8_t call = in->Byte() % 6;
  const uint8_t arg = in->Byte();
  auto abort = [op] { return psa_mac_abort(op); };
  switch (call) {
    case 0:
    case 1: {
      const int index = arg % 5;
      const psa_algorithm_t alg = kMacAlgs[index];
      const psa_key_id_t key = alg == PSA_ALG_CMAC ? KeyFor(PSA_KEY_TYPE_AES, alg) : KeyFor(PSA_KEY_TYPE_HMAC, alg);
      const bool sign = call == 0;
      const psa_status_t status = sign ? psa_mac_sign_setup(op, key, alg) : psa_mac_verify_setup(op, key, alg);
      if (m->state != State::kActive) m->alg = alg;
      if (Setup(m, sign ? "sign_setup" : "verify_setup", status, index < kSupportedMacAlgs, abort)) {
        m->alg = alg;
        m->encrypt = sign;
        m->output_size = PSA_MAC_LENGTH(alg == PSA_ALG_CMAC ? PSA_KEY_TYPE_AES : PSA_KEY_TYPE_HMAC,
                                        alg == PSA_ALG_CMAC ? 128 : 256, alg);
      }
      break;
    }
    case 2: {
      const std::vector<uint8_t> data = in->Chunk();
      Step(m, "update", psa_mac_update(op, In(data), data.size()), {PSA_SUCCESS});
      break;
    }
    case 3: {
      std::vector<uint8_t> out(OutputSize(arg, m->output_size) + 1);
      const size_t size = out.size() - 1;
      size_t length = 0;
      const psa_status_t status = psa_mac_sign_finish(op, out.data(), size, &length);
      if (m->state == State::kActive && !m->encrypt) {
        Step(m, "sign_finish of a verify operation", status, {PSA_ERROR_BAD_STATE});
      } else if (m->state == State::kActive && size < m->output_size) {
        Step(m, "sign_finish", status, {PSA_ERROR_BUFFER_TOO_SMALL});
      } else {
        Step(m, "sign_finish", status, {PSA_SUCCESS}, true);
      }
      break;
    }
    case 4: {
      const std::vector<uint8_t> mac = in->Chunk();
      const psa_status_t status = psa_mac_verify_finish(op, In(mac), mac.size());
      if (m->state == State::kActive && m->encrypt) {
        Step(m, "verify_finish of a sign operation", status, {PSA_ERROR_BAD_STATE});
      } else {
        Step(m, "verify_finish", status, {PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE}, true);
      }
      break;
    }
    default:
      FUZZ_CHECK(psa_mac_abort(op) == PSA_SUCCESS, "mac abort");
      m->state = State::kInactive;
  }
}

// --- cipher ---

constexpr psa_algorithm_t kCipherAlgs[] = {PSA_ALG_CBC_PKCS7, PSA_ALG_CTR,           PSA_ALG_ECB_NO_PADDING,
                                           PSA_ALG_CBC_NO_PADDING, PSA_ALG_STREAM_CIPHER, PSA_ALG_GCM};
constexpr int kSupportedCipherAlgs = 5;

// What the specification says of an IV of `length` bytes for `alg`, whose
// default IV length is `default_length`: CTR takes 1 to 16 bytes (zero-padded
// to the counter block); ChaCha20 takes 12, and optionally 8 (the original
// nonce) or 16 (counter and nonce); every other mode exactly its default.
enum class IvLength { kValid, kOptional, kInvalid };
IvLength CipherIvLength(psa_algorithm_t alg, size_t default_length, size_t length) {
  if (length == default_length) return IvLength::kValid;
  if (alg == PSA_ALG_CTR) return length >= 1 && length <= 16 ? IvLength::kValid : IvLength::kInvalid;
  if (alg == PSA_ALG_STREAM_CIPHER && (length == 8 || length == 16)) return IvLength::kOptional;
  return IvLength::kInvalid;
}

void CipherCall(FuzzInput* in, psa_cipher_operation_t* op, Model* m) {
  const uint8_t call = in->Byte() % 7;
  const uint8_t arg = in->Byte();
  auto abort = [op] { return psa_cipher_abort(op); };
  switch (call) {
    case 0:
    case 1: {
      const int index = arg % 6;
      const psa_algorithm_t alg = kCipherAlgs[index];
      const psa_key_type_t type = alg == PSA_ALG_STREAM_CIPHER ? PSA_KEY_TYPE_CHACHA20 : PSA_KEY_TYPE_AES;
      const psa_key_id_t key = KeyFor(type, alg);
      const bool encrypt = call == 0;
      const psa_status_t status =
          encrypt ? psa_cipher_encrypt_setup(op, key, alg) : psa_cipher_decrypt_setup(op, key, alg);
      if (m->state != State::kActive) m->alg = alg;
      if (Setup(m, encrypt ? "encrypt_setup" : "decrypt_setup", status, index < kSupportedCipherAlgs, abort)) {
        m->alg = alg;
        m->encrypt = encrypt;
        m->iv_length = PSA_CIPHER_IV_LENGTH(type, alg);
        m->needs_iv = m->iv_length > 0;
        m->iv_done = false;
      }
      break;
    }
    case 2: {
      const std::vector<uint8_t> iv = in->Chunk();
      const psa_status_t status = psa_cipher_set_iv(op, In(iv), iv.size());
      if (m->state == State::kActive && (!m->needs_iv || m->iv_done)) {
        Step(m, "set_iv out of sequence", status, {PSA_ERROR_BAD_STATE});
      } else if (m->state == State::kActive && CipherIvLength(m->alg, m->iv_length, iv.size()) == IvLength::kInvalid) {
        Step(m, "set_iv of a wrong length", status, {PSA_ERROR_INVALID_ARGUMENT});
      } else if (m->state == State::kActive && CipherIvLength(m->alg, m->iv_length, iv.size()) == IvLength::kOptional) {
        Step(m, "set_iv of an optional length", status,
             {PSA_SUCCESS, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED});
        if (status == PSA_SUCCESS) m->iv_done = true;
      } else {
        Step(m, "set_iv", status, {PSA_SUCCESS});
        if (status == PSA_SUCCESS) m->iv_done = true;
      }
      break;
    }
    case 3: {
      std::vector<uint8_t> iv(OutputSize(arg, m->iv_length) + 1);
      const size_t size = iv.size() - 1;
      size_t length = 0;
      const psa_status_t status = psa_cipher_generate_iv(op, iv.data(), size, &length);
      if (m->state == State::kActive && (!m->encrypt || !m->needs_iv || m->iv_done)) {
        Step(m, "generate_iv out of sequence", status, {PSA_ERROR_BAD_STATE});
      } else if (m->state == State::kActive && size < m->iv_length) {
        Step(m, "generate_iv", status, {PSA_ERROR_BUFFER_TOO_SMALL});
      } else {
        Step(m, "generate_iv", status, {PSA_SUCCESS});
        if (status == PSA_SUCCESS) {
          m->iv_done = true;
          FUZZ_CHECK(length == m->iv_length, "IV of %zu bytes", length);
        }
      }
      break;
    }
    case 4: {
      const std::vector<uint8_t> data = in->Chunk();
      std::vector<uint8_t> out(OutputSize(arg, data.size() + 16) + 1);
      size_t length = 0;
      const psa_status_t status = psa_cipher_update(op, In(data), data.size(), out.data(), out.size() - 1, &length);
      if (m->state == State::kActive && m->needs_iv && !m->iv_done) {
        Step(m, "update before the IV", status, {PSA_ERROR_BAD_STATE});
      } else {
        Step(m, "update", status, {PSA_SUCCESS, PSA_ERROR_BUFFER_TOO_SMALL});
      }
      break;
    }
    case 5: {
      std::vector<uint8_t> out(OutputSize(arg, 16) + 1);
      size_t length = 0;
      const psa_status_t status = psa_cipher_finish(op, out.data(), out.size() - 1, &length);
      if (m->state == State::kActive && m->needs_iv && !m->iv_done) {
        Step(m, "finish before the IV", status, {PSA_ERROR_BAD_STATE});
      } else {
        Step(m, "finish", status,
             {PSA_SUCCESS, PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_PADDING}, true);
      }
      break;
    }
    default:
      FUZZ_CHECK(psa_cipher_abort(op) == PSA_SUCCESS, "cipher abort");
      m->state = State::kInactive;
  }
}

// --- AEAD ---

constexpr psa_algorithm_t kAeadAlgs[] = {PSA_ALG_GCM, PSA_ALG_CCM, PSA_ALG_CHACHA20_POLY1305,
                                         PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 8), PSA_ALG_CBC_PKCS7};
constexpr int kSupportedAeadAlgs = 4;

void AeadCall(FuzzInput* in, psa_aead_operation_t* op, Model* m) {
  const uint8_t call = in->Byte() % 10;
  const uint8_t arg = in->Byte();
  auto abort = [op] { return psa_aead_abort(op); };
  const bool active = m->state == State::kActive;
  switch (call) {
    case 0:
    case 1: {
      const int index = arg % 5;
      const psa_algorithm_t alg = kAeadAlgs[index];
      const psa_key_id_t key =
          KeyFor(alg == PSA_ALG_CHACHA20_POLY1305 ? PSA_KEY_TYPE_CHACHA20 : PSA_KEY_TYPE_AES, alg);
      const bool encrypt = call == 0;
      const psa_status_t status =
          encrypt ? psa_aead_encrypt_setup(op, key, alg) : psa_aead_decrypt_setup(op, key, alg);
      if (m->state != State::kActive) m->alg = alg;
      if (Setup(m, encrypt ? "encrypt_setup" : "decrypt_setup", status, index < kSupportedAeadAlgs, abort)) {
        m->alg = alg;
        m->encrypt = encrypt;
        m->iv_done = false;
        m->output_size = PSA_AEAD_TAG_LENGTH(alg == PSA_ALG_CHACHA20_POLY1305 ? PSA_KEY_TYPE_CHACHA20 : PSA_KEY_TYPE_AES,
                                             256, alg);
      }
      break;
    }
    case 2: {
      const size_t ad_length = in->Byte();
      const size_t plaintext_length = in->Byte();
      Step(m, "set_lengths", psa_aead_set_lengths(op, ad_length, plaintext_length),
           {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED});
      break;
    }
    case 3: {
      const std::vector<uint8_t> nonce = in->Chunk();
      const psa_status_t status = psa_aead_set_nonce(op, In(nonce), nonce.size());
      if (active && m->iv_done) {
        Step(m, "set_nonce twice", status, {PSA_ERROR_BAD_STATE});
      } else {
        Step(m, "set_nonce", status,
             {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED});
        if (status == PSA_SUCCESS) m->iv_done = true;
      }
      break;
    }
    case 4: {
      std::vector<uint8_t> nonce(OutputSize(arg, PSA_AEAD_NONCE_MAX_SIZE) + 1);
      size_t length = 0;
      const psa_status_t status = psa_aead_generate_nonce(op, nonce.data(), nonce.size() - 1, &length);
      if (active && (m->iv_done || !m->encrypt)) {
        Step(m, "generate_nonce out of sequence", status, {PSA_ERROR_BAD_STATE});
      } else {
        Step(m, "generate_nonce", status, {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_BUFFER_TOO_SMALL});
        if (status == PSA_SUCCESS) m->iv_done = true;
      }
      break;
    }
    case 5: {
      const std::vector<uint8_t> ad = in->Chunk();
      const psa_status_t status = psa_aead_update_ad(op, In(ad), ad.size());
      if (active && !m->iv_done) {
        Step(m, "update_ad before the nonce", status, {PSA_ERROR_BAD_STATE});
      } else {
        Step(m, "update_ad", status, {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT});
      }
      break;
    }
    case 6: {
      const std::vector<uint8_t> data = in->Chunk();
      std::vector<uint8_t> out(OutputSize(arg, data.size() + 16) + 1);
      size_t length = 0;
      const psa_status_t status = psa_aead_update(op, In(data), data.size(), out.data(), out.size() - 1, &length);
      if (active && !m->iv_done) {
        Step(m, "update before the nonce", status, {PSA_ERROR_BAD_STATE});
      } else {
        Step(m, "update", status,
             {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_BUFFER_TOO_SMALL});
      }
      break;
    }
    case 7: {
      std::vector<uint8_t> out(OutputSize(arg, 16) + 1);
      std::vector<uint8_t> tag(OutputSize(in->Byte(), m->output_size) + 1);
      size_t length = 0, tag_length = 0;
      const psa_status_t status =
          psa_aead_finish(op, out.data(), out.size() - 1, &length, tag.data(), tag.size() - 1, &tag_length);
      if (active && (!m->iv_done || !m->encrypt)) {
        Step(m, "finish out of sequence", status, {PSA_ERROR_BAD_STATE});
      } else {
        Step(m, "finish", status,
             {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_BUFFER_TOO_SMALL}, true);
      }
      break;
    }
    case 8: {
      std::vector<uint8_t> out(OutputSize(arg, 16) + 1);
      const std::vector<uint8_t> tag = in->Chunk();
      size_t length = 0;
      const psa_status_t status = psa_aead_verify(op, out.data(), out.size() - 1, &length, In(tag), tag.size());
      if (active && (!m->iv_done || m->encrypt)) {
        Step(m, "verify out of sequence", status, {PSA_ERROR_BAD_STATE});
      } else {
        Step(m, "verify", status,
             {PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT,
              PSA_ERROR_BUFFER_TOO_SMALL},
             true);
      }
      break;
    }
    default:
      FUZZ_CHECK(psa_aead_abort(op) == PSA_SUCCESS, "aead abort");
      m->state = State::kInactive;
  }
}

// --- key derivation ---

constexpr psa_algorithm_t kKdfAlgs[] = {PSA_ALG_HKDF(PSA_ALG_SHA_256), PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256),
                                        PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256), PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256),
                                        PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256), PSA_ALG_SHA_256};
constexpr psa_key_derivation_step_t kSteps[] = {
    PSA_KEY_DERIVATION_INPUT_SECRET, PSA_KEY_DERIVATION_INPUT_SALT,  PSA_KEY_DERIVATION_INPUT_INFO,
    PSA_KEY_DERIVATION_INPUT_SEED,   PSA_KEY_DERIVATION_INPUT_LABEL, PSA_KEY_DERIVATION_INPUT_PASSWORD,
    PSA_KEY_DERIVATION_INPUT_COST,   0x7777};

void KdfCall(FuzzInput* in, psa_key_derivation_operation_t* op, Model* m) {
  const uint8_t call = in->Byte() % 9;
  const uint8_t arg = in->Byte();
  auto abort = [op] { return psa_key_derivation_abort(op); };
  switch (call) {
    case 0: {
      const int index = arg % 6;
      const psa_algorithm_t alg = kKdfAlgs[index];
      if (m->state != State::kActive) m->alg = alg;
      if (Setup(m, "setup", psa_key_derivation_setup(op, alg), index < 5, abort)) m->alg = alg;
      break;
    }
    case 1: {
      const std::vector<uint8_t> data = in->Chunk();
      Step(m, "input_bytes", psa_key_derivation_input_bytes(op, Pick(kSteps, arg), In(data), data.size()),
           {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_PERMITTED,
            PSA_ERROR_NOT_SUPPORTED});
      break;
    }
    case 2:
      Step(m, "input_integer", psa_key_derivation_input_integer(op, Pick(kSteps, arg), in->Byte()),
           {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED});
      break;
    case 3:
      Step(m, "input_key", psa_key_derivation_input_key(op, Pick(kSteps, arg), keys.derive),
           {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_PERMITTED,
            PSA_ERROR_NOT_SUPPORTED});
      break;
    case 4: {
      size_t capacity = 0;
      const psa_status_t status = psa_key_derivation_get_capacity(op, &capacity);
      if (m->state == State::kActive) {
        FUZZ_CHECK(status == PSA_SUCCESS, "get_capacity of an active derivation: %d", static_cast<int>(status));
      } else {
        FUZZ_CHECK(status == PSA_ERROR_BAD_STATE, "get_capacity in state %s: %d", StateName(m->state),
                   static_cast<int>(status));
      }
      break;
    }
    case 5:
      // A capacity above the current one: INVALID_ARGUMENT, and the operation
      // stays valid with its capacity unchanged (as specified).
      Step(m, "set_capacity", psa_key_derivation_set_capacity(op, static_cast<size_t>(arg) * 4),
           {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT}, false, true, PSA_ERROR_INVALID_ARGUMENT);
      break;
    case 6: {
      std::vector<uint8_t> out(arg + 1);
      Step(m, "output_bytes", psa_key_derivation_output_bytes(op, out.data(), arg),
           {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INSUFFICIENT_DATA, PSA_ERROR_INVALID_ARGUMENT,
            PSA_ERROR_NOT_PERMITTED},
           false, true, PSA_ERROR_INSUFFICIENT_DATA);
      break;
    }
    case 7: {
      const std::vector<uint8_t> expected = in->Chunk();
      Step(m, "verify_bytes", psa_key_derivation_verify_bytes(op, In(expected), expected.size()),
           {PSA_SUCCESS, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_BAD_STATE, PSA_ERROR_INSUFFICIENT_DATA,
            PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_PERMITTED},
           false, true, PSA_ERROR_INSUFFICIENT_DATA);
      break;
    }
    default:
      FUZZ_CHECK(psa_key_derivation_abort(op) == PSA_SUCCESS, "derivation abort");
      m->state = State::kInactive;
  }
}

// --- PAKE ---

constexpr psa_pake_step_t kPakeSteps[] = {PSA_PAKE_STEP_KEY_SHARE, PSA_PAKE_STEP_ZK_PUBLIC, PSA_PAKE_STEP_ZK_PROOF,
                                          PSA_PAKE_STEP_CONFIRM, 0x55};
constexpr psa_pake_role_t kRoles[] = {PSA_PAKE_ROLE_NONE, PSA_PAKE_ROLE_FIRST, PSA_PAKE_ROLE_SECOND,
                                      PSA_PAKE_ROLE_CLIENT, PSA_PAKE_ROLE_SERVER};

void PakeCall(FuzzInput* in, psa_pake_operation_t* op, Model* m) {
  const uint8_t call = in->Byte() % 9;
  const uint8_t arg = in->Byte();
  auto abort = [op] { return psa_pake_abort(op); };
  const Allowed kSetters = {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT,
                                PSA_ERROR_NOT_SUPPORTED};
  switch (call) {
    case 0: {
      psa_pake_cipher_suite_t suite = PSA_PAKE_CIPHER_SUITE_INIT;
      const bool valid = arg % 3 != 0;
      psa_pake_cs_set_algorithm(&suite, valid ? PSA_ALG_JPAKE(PSA_ALG_SHA_256) : PSA_ALG_JPAKE(PSA_ALG_SHA_384));
      psa_pake_cs_set_primitive(&suite,
                                PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256));
      psa_pake_cs_set_key_confirmation(&suite, PSA_PAKE_UNCONFIRMED_KEY);
      m->alg = psa_pake_cs_get_algorithm(&suite);
      Setup(m, "setup", psa_pake_setup(op, keys.password, &suite), valid, abort);
      break;
    }
    case 1:
      Step(m, "set_role", psa_pake_set_role(op, Pick(kRoles, arg)), kSetters);
      break;
    case 2: {
      const std::vector<uint8_t> id = in->Chunk();
      Step(m, "set_user", psa_pake_set_user(op, In(id), id.size()), kSetters);
      break;
    }
    case 3: {
      const std::vector<uint8_t> id = in->Chunk();
      Step(m, "set_peer", psa_pake_set_peer(op, In(id), id.size()), kSetters);
      break;
    }
    case 4: {
      const std::vector<uint8_t> context = in->Chunk();
      Step(m, "set_context", psa_pake_set_context(op, In(context), context.size()), kSetters);
      break;
    }
    case 5: {
      std::vector<uint8_t> out(OutputSize(in->Byte(), 65) + 1);
      size_t length = 0;
      Step(m, "output", psa_pake_output(op, Pick(kPakeSteps, arg), out.data(), out.size() - 1, &length),
           {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_INVALID_ARGUMENT,
            PSA_ERROR_NOT_SUPPORTED});
      break;
    }
    case 6: {
      const std::vector<uint8_t> data = in->Chunk();
      Step(m, "input", psa_pake_input(op, Pick(kPakeSteps, arg), In(data), data.size()),
           {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE,
            PSA_ERROR_NOT_SUPPORTED});
      break;
    }
    case 7: {
      psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
      psa_set_key_type(&attributes, PSA_KEY_TYPE_DERIVE);
      psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_DERIVE);
      psa_set_key_algorithm(&attributes, PSA_ALG_HKDF(PSA_ALG_SHA_256));
      psa_key_id_t key = 0;
      const psa_status_t status = psa_pake_get_shared_key(op, &attributes, &key);
      Step(m, "get_shared_key", status,
           {PSA_SUCCESS, PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED,
            PSA_ERROR_NOT_PERMITTED},
           true);
      if (status == PSA_SUCCESS) FUZZ_CHECK(psa_destroy_key(key) == PSA_SUCCESS, "destroy shared key");
      break;
    }
    default:
      FUZZ_CHECK(psa_pake_abort(op) == PSA_SUCCESS, "pake abort");
      m->state = State::kInactive;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  FUZZ_CHECK(psa_crypto_init() == PSA_SUCCESS, "psa_crypto_init");
  static const char kSecret[] = "0123456789abcdef0123456789abcdef";
  keys.hmac = MakeKey(PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_256),
                      PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, kSecret, 32);
  keys.derive = MakeKey(PSA_KEY_TYPE_DERIVE, PSA_ALG_HKDF(PSA_ALG_SHA_256), PSA_KEY_USAGE_DERIVE, kSecret, 32);
  keys.password = MakeKey(PSA_KEY_TYPE_PASSWORD, PSA_ALG_JPAKE(PSA_ALG_SHA_256), PSA_KEY_USAGE_DERIVE, kSecret, 16);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  FuzzInput in(data, size);
  psa_hash_operation_t hash = PSA_HASH_OPERATION_INIT;
  psa_mac_operation_t mac = PSA_MAC_OPERATION_INIT;
  psa_cipher_operation_t cipher = PSA_CIPHER_OPERATION_INIT;
  psa_aead_operation_t aead = PSA_AEAD_OPERATION_INIT;
  psa_key_derivation_operation_t kdf = PSA_KEY_DERIVATION_OPERATION_INIT;
  psa_pake_operation_t pake = PSA_PAKE_OPERATION_INIT;
  Model models[6] = {{"hash"}, {"mac"}, {"cipher"}, {"aead"}, {"key_derivation"}, {"pake"}};
  for (int calls = 0; calls < 256 && !in.Done(); ++calls) {
    switch (in.Byte() % 6) {
      case 0:
        HashCall(&in, &hash, &models[0]);
        break;
      case 1:
        MacCall(&in, &mac, &models[1]);
        break;
      case 2:
        CipherCall(&in, &cipher, &models[2]);
        break;
      case 3:
        AeadCall(&in, &aead, &models[3]);
        break;
      case 4:
        KdfCall(&in, &kdf, &models[4]);
        break;
      default:
        PakeCall(&in, &pake, &models[5]);
    }
  }
  // Abort succeeds in every state, twice.
  for (int i = 0; i < 2; ++i) {
    FUZZ_CHECK(psa_hash_abort(&hash) == PSA_SUCCESS, "final hash abort");
    FUZZ_CHECK(psa_mac_abort(&mac) == PSA_SUCCESS, "final mac abort");
    FUZZ_CHECK(psa_cipher_abort(&cipher) == PSA_SUCCESS, "final cipher abort");
    FUZZ_CHECK(psa_aead_abort(&aead) == PSA_SUCCESS, "final aead abort");
    FUZZ_CHECK(psa_key_derivation_abort(&kdf) == PSA_SUCCESS, "final derivation abort");
    FUZZ_CHECK(psa_pake_abort(&pake) == PSA_SUCCESS, "final pake abort");
  }
  return 0;
}
