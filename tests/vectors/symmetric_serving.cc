#include "tests/vectors/symmetric_serving.h"

#include "psa/core/dispatch.h"

namespace tests::vectors {
namespace {

// Driver ids are 1..N; no selection comes near this many drivers.
constexpr uint32_t kMaxDriverId = 64;

struct ParsedBuild {
  SymmetricBuild build;
  std::string error;
};

const ParsedBuild& Parsed() {
  static const ParsedBuild* parsed = [] {
    auto* result = new ParsedBuild;
    if (!SymmetricBuild::Parse(SymmetricServingSpec(), SymmetricUnsupportedSpec(),
                               &result->build, &result->error)) {
      result->error = std::string("SYMMETRIC_SERVING_DRIVERS \"") + SymmetricServingSpec() +
                      "\", SYMMETRIC_UNSUPPORTED \"" + SymmetricUnsupportedSpec() +
                      "\": " + result->error;
    }
    return result;
  }();
  return *parsed;
}

}  // namespace

const SymmetricBuild& ThisSymmetricBuild() { return Parsed().build; }

const std::string& ThisSymmetricBuildError() { return Parsed().error; }

std::string LastServingDriver() {
  const char* name = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  return name != nullptr ? name : "(none)";
}

bool LocationIsServed(psa_key_location_t location) {
  return psa::dispatch::LocationIsSupported(location);
}

std::vector<std::string> LinkedDriverNames() {
  std::vector<std::string> names;
  for (uint32_t id = 1; id <= kMaxDriverId; ++id) {
    const char* name = psa::dispatch::DriverName(id);
    if (name == nullptr) break;
    names.emplace_back(name);
  }
  return names;
}

}  // namespace tests::vectors
