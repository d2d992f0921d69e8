#include "psa/cli/selftest_support.h"

#include <cstdio>
#include <cstring>

#include "psa/core/dispatch.h"

namespace psa::cli {

Bytes FromHex(const char* hex) {
  Bytes out;
  for (size_t i = 0; hex[i] != '\0' && hex[i + 1] != '\0'; i += 2) {
    unsigned value = 0;
    std::sscanf(hex + i, "%2x", &value);
    out.push_back(static_cast<uint8_t>(value));
  }
  return out;
}

Bytes FromText(const char* text) { return Bytes(text, text + std::strlen(text)); }

std::string LastDriver() {
  const char* name = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  return name != nullptr ? name : "-";
}

namespace {
psa_key_attributes_t Attributes(psa_key_type_t type, size_t bits, psa_key_usage_t usage, psa_algorithm_t alg) {
  psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
  psa_set_key_type(&attributes, type);
  psa_set_key_bits(&attributes, bits);
  psa_set_key_usage_flags(&attributes, usage);
  psa_set_key_algorithm(&attributes, alg);
  return attributes;
}
}  // namespace

Key::Key(psa_key_type_t type, psa_key_usage_t usage, psa_algorithm_t alg, const Bytes& material) {
  const psa_key_attributes_t attributes = Attributes(type, 0, usage, alg);
  status_ = psa_import_key(&attributes, material.data(), material.size(), &id_);
}

Key::Key(psa_key_type_t type, size_t bits, psa_key_usage_t usage, psa_algorithm_t alg) {
  const psa_key_attributes_t attributes = Attributes(type, bits, usage, alg);
  status_ = psa_generate_key(&attributes, &id_);
}

Key::~Key() {
  if (id_ != PSA_KEY_ID_NULL) psa_destroy_key(id_);
}

bool Check(SelftestResult* result, const char* step, psa_status_t status) {
  if (status == PSA_SUCCESS) return true;
  result->detail = std::string(step) + " returned " + std::to_string(status);
  return false;
}

bool CheckEqual(SelftestResult* result, const char* what, const Bytes& actual, const Bytes& expected) {
  if (actual == expected) return true;
  result->detail = std::string(what) + " differs from the known answer";
  return false;
}

}  // namespace psa::cli
