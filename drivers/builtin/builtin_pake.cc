// The builtin driver's PAKE entry points (see builtin_pake.h): read the
// driver inputs, pick the protocol unit, and route the steps to it.

#include "drivers/builtin/builtin_pake.h"

#include <string.h>

#include <new>
#include <type_traits>

#include "drivers/builtin/pake/jpake.h"
#include "drivers/builtin/pake/spake2plus.h"
#include "mbedtls/platform.h"
#include "mbedtls/platform_util.h"

namespace drivers::builtin {
namespace {

using pake::JpakeState;
using pake::Spake2pState;
using pake::Spake2pVariant;

static_assert(std::is_trivially_copyable_v<JpakeState> && std::is_trivially_copyable_v<Spake2pState>,
              "the protocol states live in a plain driver context");
static_assert(sizeof(JpakeState) <= BUILTIN_PAKE_STATE_SIZE && sizeof(Spake2pState) <= BUILTIN_PAKE_STATE_SIZE,
              "BUILTIN_PAKE_STATE_SIZE is too small for the protocol states");
static_assert(alignof(JpakeState) <= alignof(uint64_t) && alignof(Spake2pState) <= alignof(uint64_t),
              "the protocol states need more alignment than the context gives");

constexpr psa_pake_primitive_t kP256 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);

JpakeState* Jpake(builtin_pake_operation_t* operation) {
  return reinterpret_cast<JpakeState*>(operation->state.bytes);
}
Spake2pState* Spake2p(builtin_pake_operation_t* operation) {
  return reinterpret_cast<Spake2pState*>(operation->state.bytes);
}

// A copy of one of the optional byte-string inputs, heap-allocated and
// wiped on destruction. `present` is false when the core reports none.
class InputCopy {
 public:
  InputCopy() = default;
  ~InputCopy() {
    if (data_ != nullptr) {
      mbedtls_platform_zeroize(data_, length_);
      mbedtls_free(data_);
    }
  }
  InputCopy(const InputCopy&) = delete;
  InputCopy& operator=(const InputCopy&) = delete;

  template <typename LengthGetter, typename Getter>
  psa_status_t Read(const psa_crypto_driver_pake_inputs_t* inputs, LengthGetter get_length, Getter get) {
    size_t length = 0;
    psa_status_t status = get_length(inputs, &length);
    if (status == PSA_ERROR_BAD_STATE) return PSA_SUCCESS;  // Not provided.
    if (status != PSA_SUCCESS) return status;
    // One spare byte so that an empty value still has a buffer.
    data_ = static_cast<uint8_t*>(mbedtls_calloc(1, length + 1));
    if (data_ == nullptr) return PSA_ERROR_INSUFFICIENT_MEMORY;
    size_t copied = 0;
    status = get(inputs, data_, length + 1, &copied);
    if (status != PSA_SUCCESS) return status;
    if (copied != length) return PSA_ERROR_CORRUPTION_DETECTED;
    length_ = length;
    present_ = true;
    return PSA_SUCCESS;
  }

  bool present() const { return present_; }
  const uint8_t* data() const { return data_; }
  size_t length() const { return length_; }

 private:
  uint8_t* data_ = nullptr;
  size_t length_ = 0;
  bool present_ = false;
};

psa_status_t SetupJpake(builtin_pake_operation_t* operation, const uint8_t* password, size_t password_length,
                        const InputCopy& user, const InputCopy& peer) {
  if (!user.present() || !peer.present()) return PSA_ERROR_BAD_STATE;
  return pake::JpakeSetup(Jpake(operation), password, password_length, user.data(), user.length(), peer.data(),
                          peer.length());
}

psa_status_t SetupSpake2p(builtin_pake_operation_t* operation, psa_algorithm_t alg, psa_key_type_t type,
                          psa_pake_role_t role, const uint8_t* password, size_t password_length,
                          const InputCopy& user, const InputCopy& peer, const InputCopy& context) {
  Spake2pVariant variant;
  if (alg == PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256)) {
    variant = Spake2pVariant::kHmac;
  } else if (alg == PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256)) {
    variant = Spake2pVariant::kCmac;
  } else if (alg == PSA_ALG_SPAKE2P_MATTER) {
    variant = Spake2pVariant::kMatter;
  } else {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  if (type != PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1) &&
      type != PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1)) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  if (role != PSA_PAKE_ROLE_CLIENT && role != PSA_PAKE_ROLE_SERVER) return PSA_ERROR_BAD_STATE;
  const bool prover = role == PSA_PAKE_ROLE_CLIENT;
  // The prover's identity is the user's for the client, the peer's for the
  // server; an identity not given is empty.
  const InputCopy& prover_id = prover ? user : peer;
  const InputCopy& verifier_id = prover ? peer : user;
  return pake::Spake2pSetup(Spake2p(operation), variant, prover, password, password_length,
                            PSA_KEY_TYPE_IS_SPAKE2P_PUBLIC_KEY(type), prover_id.data(), prover_id.length(),
                            verifier_id.data(), verifier_id.length(),
                            context.present() ? context.data() : nullptr, context.length());
}

}  // namespace
}  // namespace drivers::builtin

using drivers::builtin::InputCopy;
using drivers::builtin::Jpake;
using drivers::builtin::Spake2p;

extern "C" {

psa_status_t builtin_pake_setup(builtin_pake_operation_t* operation, const psa_crypto_driver_pake_inputs_t* inputs) {
  if (operation == nullptr || inputs == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  if (operation->alg != 0) return PSA_ERROR_BAD_STATE;
  psa_key_attributes_t attributes = psa_key_attributes_init();
  psa_status_t status = psa_crypto_driver_pake_get_password_attributes(inputs, &attributes);
  if (status != PSA_SUCCESS) return status;
  if (PSA_KEY_LIFETIME_GET_LOCATION(psa_get_key_lifetime(&attributes)) != PSA_KEY_LOCATION_LOCAL_STORAGE) {
    return PSA_ERROR_NOT_SUPPORTED;
  }
  InputCopy password;
  status = password.Read(inputs, psa_crypto_driver_pake_get_password_len, psa_crypto_driver_pake_get_password_bytes);
  if (status == PSA_SUCCESS && !password.present()) status = PSA_ERROR_BAD_STATE;
  if (status != PSA_SUCCESS) return status;
  return builtin_pake_setup_with_password(operation, inputs, psa_get_key_type(&attributes), password.data(),
                                          password.length());
}

psa_status_t builtin_pake_setup_with_password(builtin_pake_operation_t* operation,
                                              const psa_crypto_driver_pake_inputs_t* inputs,
                                              psa_key_type_t password_type, const uint8_t* password,
                                              size_t password_length) {
  if (operation == nullptr || inputs == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  if (password == nullptr && password_length != 0) return PSA_ERROR_INVALID_ARGUMENT;
  if (operation->alg != 0) return PSA_ERROR_BAD_STATE;
  psa_pake_cipher_suite_t suite = psa_pake_cipher_suite_init();
  psa_pake_role_t role = PSA_PAKE_ROLE_NONE;
  psa_status_t status = psa_crypto_driver_pake_get_cipher_suite(inputs, &suite);
  if (status == PSA_SUCCESS) status = psa_crypto_driver_pake_get_role(inputs, &role);
  if (status != PSA_SUCCESS) return status;
  const psa_algorithm_t alg = psa_pake_cs_get_algorithm(&suite);
  if (psa_pake_cs_get_primitive(&suite) != drivers::builtin::kP256) return PSA_ERROR_NOT_SUPPORTED;

  InputCopy user, peer, context;
  status = user.Read(inputs, psa_crypto_driver_pake_get_user_len, psa_crypto_driver_pake_get_user);
  if (status == PSA_SUCCESS) {
    status = peer.Read(inputs, psa_crypto_driver_pake_get_peer_len, psa_crypto_driver_pake_get_peer);
  }
  if (status == PSA_SUCCESS) {
    status = context.Read(inputs, psa_crypto_driver_pake_get_context_len, psa_crypto_driver_pake_get_context);
  }
  if (status != PSA_SUCCESS) return status;

  memset(operation, 0, sizeof(*operation));
  if (alg == PSA_ALG_JPAKE(PSA_ALG_SHA_256)) {
    status = (password_type == PSA_KEY_TYPE_PASSWORD || password_type == PSA_KEY_TYPE_PASSWORD_HASH)
                 ? drivers::builtin::SetupJpake(operation, password, password_length, user, peer)
                 : PSA_ERROR_NOT_SUPPORTED;
  } else if (PSA_ALG_IS_SPAKE2P(alg)) {
    status = drivers::builtin::SetupSpake2p(operation, alg, password_type, role, password, password_length, user,
                                            peer, context);
  } else {
    status = PSA_ERROR_NOT_SUPPORTED;
  }
  if (status != PSA_SUCCESS) {
    mbedtls_platform_zeroize(operation, sizeof(*operation));
    return status;
  }
  operation->alg = alg;
  return PSA_SUCCESS;
}

psa_status_t builtin_pake_output(builtin_pake_operation_t* operation, psa_crypto_driver_pake_step_t step,
                                 uint8_t* output, size_t output_size, size_t* output_length) {
  if (output_length == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  *output_length = 0;
  if (operation == nullptr || operation->alg == 0) return PSA_ERROR_BAD_STATE;
  if (output == nullptr && output_size != 0) return PSA_ERROR_INVALID_ARGUMENT;
  return PSA_ALG_IS_JPAKE(operation->alg)
             ? drivers::builtin::pake::JpakeOutput(Jpake(operation), step, output, output_size, output_length)
             : drivers::builtin::pake::Spake2pOutput(Spake2p(operation), step, output, output_size, output_length);
}

psa_status_t builtin_pake_input(builtin_pake_operation_t* operation, psa_crypto_driver_pake_step_t step,
                                const uint8_t* input, size_t input_size) {
  if (operation == nullptr || operation->alg == 0) return PSA_ERROR_BAD_STATE;
  if (input == nullptr && input_size != 0) return PSA_ERROR_INVALID_ARGUMENT;
  return PSA_ALG_IS_JPAKE(operation->alg)
             ? drivers::builtin::pake::JpakeInput(Jpake(operation), step, input, input_size)
             : drivers::builtin::pake::Spake2pInput(Spake2p(operation), step, input, input_size);
}

psa_status_t builtin_pake_get_implicit_key(builtin_pake_operation_t* operation, uint8_t* output, size_t output_size,
                                           size_t* output_length) {
  if (output_length == nullptr) return PSA_ERROR_INVALID_ARGUMENT;
  *output_length = 0;
  if (operation == nullptr || operation->alg == 0) return PSA_ERROR_BAD_STATE;
  if (output == nullptr && output_size != 0) return PSA_ERROR_INVALID_ARGUMENT;
  return PSA_ALG_IS_JPAKE(operation->alg)
             ? drivers::builtin::pake::JpakeSharedSecret(Jpake(operation), output, output_size, output_length)
             : drivers::builtin::pake::Spake2pSharedKey(Spake2p(operation), output, output_size, output_length);
}

psa_status_t builtin_pake_abort(builtin_pake_operation_t* operation) {
  if (operation == nullptr) return PSA_SUCCESS;
  if (operation->alg != 0 && !PSA_ALG_IS_JPAKE(operation->alg)) {
    drivers::builtin::pake::Spake2pWipe(Spake2p(operation));
  }
  mbedtls_platform_zeroize(operation, sizeof(*operation));
  return PSA_SUCCESS;
}

}  // extern "C"
