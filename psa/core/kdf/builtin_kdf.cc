#include "psa/core/kdf/builtin_kdf.h"

#include <string.h>

#include <utility>

#include "psa/core/kdf/ecjpake_to_pms.h"
#include "psa/core/kdf/hkdf.h"
#include "psa/core/kdf/pbkdf2.h"
#include "psa/core/kdf/sp800_108.h"
#include "psa/core/kdf/tls12_prf.h"
#include "psa/core/secure_buffer.h"
#include "psa/core/wipe.h"

namespace psa::core::kdf {
namespace {

// A stream of a few bytes computed at once (HKDF-Extract's PRK, the EC
// J-PAKE premaster secret).
class FixedOutput final : public OutputStream {
 public:
  explicit FixedOutput(SecureBuffer data) : data_(std::move(data)) {}
  psa_status_t Read(uint8_t* out, size_t length) override {
    if (length > data_.size() - offset_) {
      SecureWipe(out, length);
      return PSA_ERROR_INSUFFICIENT_DATA;
    }
    if (length != 0) memcpy(out, data_.data() + offset_, length);
    offset_ += length;
    return PSA_SUCCESS;
  }

 private:
  SecureBuffer data_;
  size_t offset_ = 0;
};

// The bytes of `step` (empty when omitted).
struct View {
  const uint8_t* data = nullptr;
  size_t length = 0;
  bool present = false;
};

View Get(const psa_crypto_driver_key_derivation_inputs_t& inputs, psa_key_derivation_step_t step) {
  const Input* input = inputs.Find(step);
  if (input == nullptr || (input->type != PSA_KEY_DERIVATION_INPUT_TYPE_BYTES &&
                           input->type != PSA_KEY_DERIVATION_INPUT_TYPE_KEY)) {
    return View{};
  }
  return View{input->data.data(), input->data.size(), true};
}

template <typename Stream>
psa_status_t Emit(std::unique_ptr<Stream>&& made, psa_status_t status, std::unique_ptr<OutputStream>* stream) {
  if (status == PSA_SUCCESS) *stream = std::move(made);
  return status;
}

psa_status_t FixedFromBytes(const uint8_t* data, size_t length, std::unique_ptr<OutputStream>* stream) {
  SecureBuffer buffer;
  if (!buffer.Assign(data, length)) return PSA_ERROR_INSUFFICIENT_MEMORY;
  *stream = std::make_unique<FixedOutput>(std::move(buffer));
  return PSA_SUCCESS;
}

// The bytes of `step`, taken out of `inputs` (empty when omitted).
SecureBuffer Take(psa_crypto_driver_key_derivation_inputs_t* inputs, psa_key_derivation_step_t step) {
  Input* input = inputs->Find(step);
  if (input == nullptr || (input->type != PSA_KEY_DERIVATION_INPUT_TYPE_BYTES &&
                           input->type != PSA_KEY_DERIVATION_INPUT_TYPE_KEY)) {
    return SecureBuffer();
  }
  return std::move(input->data);
}

}  // namespace

psa_status_t CreateBuiltinKdf(psa_crypto_driver_key_derivation_inputs_t* mutable_inputs, size_t capacity,
                              std::unique_ptr<OutputStream>* stream) {
  stream->reset();
  const psa_crypto_driver_key_derivation_inputs_t& inputs = *mutable_inputs;
  const psa_algorithm_t alg = inputs.rules.alg;
  const psa_algorithm_t hash_alg = PSA_ALG_GET_HASH(alg);
  const View secret = Get(inputs, PSA_KEY_DERIVATION_INPUT_SECRET);

  if (PSA_ALG_IS_HKDF(alg) || PSA_ALG_IS_HKDF_EXTRACT(alg)) {
    const View salt = Get(inputs, PSA_KEY_DERIVATION_INPUT_SALT);
    uint8_t prk[PSA_HASH_MAX_SIZE];
    size_t prk_length = 0;
    psa_status_t status =
        HkdfExtract(hash_alg, salt.data, salt.length, secret.data, secret.length, prk, sizeof(prk), &prk_length);
    if (status == PSA_SUCCESS) {
      if (PSA_ALG_IS_HKDF_EXTRACT(alg)) {
        status = FixedFromBytes(prk, prk_length, stream);
      } else {
        auto expand = std::make_unique<HkdfExpand>(hash_alg);
        status = expand->Init(prk, prk_length, Take(mutable_inputs, PSA_KEY_DERIVATION_INPUT_INFO));
        status = Emit(std::move(expand), status, stream);
      }
    }
    SecureWipe(prk, sizeof(prk));
    return status;
  }
  if (PSA_ALG_IS_HKDF_EXPAND(alg)) {
    auto expand = std::make_unique<HkdfExpand>(hash_alg);
    const psa_status_t status =
        expand->Init(secret.data, secret.length, Take(mutable_inputs, PSA_KEY_DERIVATION_INPUT_INFO));
    return Emit(std::move(expand), status, stream);
  }
  if (PSA_ALG_IS_TLS12_PRF(alg) || PSA_ALG_IS_TLS12_PSK_TO_MS(alg)) {
    const View seed = Get(inputs, PSA_KEY_DERIVATION_INPUT_SEED);
    const View label = Get(inputs, PSA_KEY_DERIVATION_INPUT_LABEL);
    auto prf = std::make_unique<Tls12Prf>(hash_alg);
    psa_status_t status = PSA_SUCCESS;
    if (PSA_ALG_IS_TLS12_PRF(alg)) {
      status = prf->Init(secret.data, secret.length, label.data, label.length, seed.data, seed.length);
    } else {
      const View other = Get(inputs, PSA_KEY_DERIVATION_INPUT_OTHER_SECRET);
      SecureBuffer premaster;
      static const uint8_t kEmpty = 0;
      // A present but empty other secret is not the plain-PSK default.
      const uint8_t* other_data = other.present ? (other.data != nullptr ? other.data : &kEmpty) : nullptr;
      status = Tls12PskPremasterSecret(other_data, other.length, secret.data, secret.length, &premaster);
      if (status == PSA_SUCCESS) {
        status = prf->Init(premaster.data(), premaster.size(), label.data, label.length, seed.data, seed.length);
      }
    }
    return Emit(std::move(prf), status, stream);
  }
  if (alg == PSA_ALG_TLS12_ECJPAKE_TO_PMS) {
    uint8_t pms[PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE];
    psa_status_t status = EcjpakeToPms(secret.data, secret.length, pms);
    if (status == PSA_SUCCESS) status = FixedFromBytes(pms, sizeof(pms), stream);
    SecureWipe(pms, sizeof(pms));
    return status;
  }
  if (PSA_ALG_IS_SP800_108_COUNTER_HMAC(alg) || alg == PSA_ALG_SP800_108_COUNTER_CMAC) {
    const Input* secret_input = inputs.Find(PSA_KEY_DERIVATION_INPUT_SECRET);
    const bool cmac = alg == PSA_ALG_SP800_108_COUNTER_CMAC;
    const psa_key_type_t key_type = psa_get_key_type(&secret_input->attributes);
    const size_t prf_length = cmac ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) : PSA_HASH_LENGTH(hash_alg);
    if (prf_length == 0 || prf_length > kMaxPrfLength) return PSA_ERROR_NOT_SUPPORTED;
    // The capacity of SP 800-108 is below 2^29, so L = 8 * capacity fits 32 bits.
    if (capacity > 0x1fffffff) return PSA_ERROR_CORRUPTION_DETECTED;
    auto counter = std::make_unique<Sp800108Counter>(prf_length);
    psa_status_t status = cmac ? counter->prf().InitCmac(key_type, secret.data, secret.length)
                               : counter->prf().InitHmac(hash_alg, secret.data, secret.length);
    SecureBuffer fixed;
    if (status == PSA_SUCCESS) {
      const View label = Get(inputs, PSA_KEY_DERIVATION_INPUT_LABEL);
      const View context = Get(inputs, PSA_KEY_DERIVATION_INPUT_CONTEXT);
      status = Sp800108PsaFixedInput(label.data, label.length, context.data, context.length,
                                     static_cast<uint32_t>(8 * capacity), &fixed);
    }
    if (status == PSA_SUCCESS && cmac) status = Sp800108PsaAppendK0(counter->prf(), &fixed);
    if (status == PSA_SUCCESS) status = counter->Init(fixed.data(), fixed.size());
    return Emit(std::move(counter), status, stream);
  }
  if (PSA_ALG_IS_PBKDF2_HMAC(alg) || alg == PSA_ALG_PBKDF2_AES_CMAC_PRF_128) {
    const Input* cost = inputs.Find(PSA_KEY_DERIVATION_INPUT_COST);
    const View salt = Get(inputs, PSA_KEY_DERIVATION_INPUT_SALT);
    const View password = Get(inputs, PSA_KEY_DERIVATION_INPUT_PASSWORD);
    if (cost == nullptr || cost->type != PSA_KEY_DERIVATION_INPUT_TYPE_INTEGER) return PSA_ERROR_BAD_STATE;
    auto pbkdf2 = std::make_unique<Pbkdf2>(alg == PSA_ALG_PBKDF2_AES_CMAC_PRF_128 ? PSA_ALG_CMAC
                                                                                : PSA_ALG_HMAC(hash_alg));
    const psa_status_t status = pbkdf2->Init(password.data, password.length, salt.data, salt.length, cost->integer);
    return Emit(std::move(pbkdf2), status, stream);
  }
  return PSA_ERROR_NOT_SUPPORTED;
}

}  // namespace psa::core::kdf
