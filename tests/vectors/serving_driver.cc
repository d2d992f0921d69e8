#include "tests/vectors/serving_driver.h"

#include <set>

#include "psa/core/dispatch.h"
#include "tests/vectors/hash_vectors.h"

namespace tests::vectors {
namespace {

constexpr std::string_view kEveryOtherAlgorithm = "*";

// Splits `text` at `separator`; an empty text gives one empty piece.
std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    pieces.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return pieces;
    start = end + 1;
  }
}

// Driver ids are 1..N; no selection comes near this many drivers.
constexpr uint32_t kMaxDriverId = 64;

}  // namespace

bool ServingExpectation::Parse(std::string_view spec,
                               ServingExpectation* expectation,
                               std::string* error) {
  std::map<std::string, std::string, std::less<>> by_algorithm;
  for (std::string_view entry : Split(spec, ',')) {
    const size_t equals = entry.find('=');
    if (equals == std::string_view::npos || equals == 0 ||
        equals + 1 == entry.size()) {
      *error = "entry \"" + std::string(entry) +
               "\" is not ALGORITHM=driver (e.g. SHA-256=test_a, *=builtin)";
      return false;
    }
    const std::string_view algorithm = entry.substr(0, equals);
    const std::string_view driver = entry.substr(equals + 1);
    if (algorithm != kEveryOtherAlgorithm &&
        FindHashAlgorithm(algorithm) == nullptr) {
      *error = "unknown algorithm \"" + std::string(algorithm) + "\"";
      return false;
    }
    if (!by_algorithm.emplace(algorithm, driver).second) {
      *error = "algorithm \"" + std::string(algorithm) + "\" given twice";
      return false;
    }
  }
  const auto fallback = by_algorithm.find(kEveryOtherAlgorithm);
  ServingExpectation parsed;
  for (const HashAlgorithm& algorithm : HashAlgorithms()) {
    const auto named = by_algorithm.find(algorithm.name);
    if (named != by_algorithm.end()) {
      parsed.by_algorithm_[algorithm.name] = named->second;
    } else if (fallback != by_algorithm.end()) {
      parsed.by_algorithm_[algorithm.name] = fallback->second;
    } else {
      *error = std::string("no driver for ") + algorithm.name +
               " (name it, or give *=driver)";
      return false;
    }
  }
  *expectation = std::move(parsed);
  return true;
}

const std::string& ServingExpectation::DriverFor(
    std::string_view algorithm) const {
  static const std::string kNone;
  const auto found = by_algorithm_.find(algorithm);
  return found != by_algorithm_.end() ? found->second : kNone;
}

std::vector<std::string> ServingExpectation::Drivers() const {
  std::set<std::string> drivers;
  for (const auto& [algorithm, driver] : by_algorithm_) drivers.insert(driver);
  return {drivers.begin(), drivers.end()};
}

namespace {

struct ParsedBuild {
  ServingExpectation expectation;
  std::string error;
};

const ParsedBuild& Parsed() {
  static const ParsedBuild* parsed = [] {
    auto* result = new ParsedBuild;
    if (!ServingExpectation::Parse(ThisBuildServingSpec(),
                                   &result->expectation, &result->error)) {
      result->error = std::string("HASH_SERVING_DRIVERS \"") +
                      ThisBuildServingSpec() + "\": " + result->error;
    }
    return result;
  }();
  return *parsed;
}

}  // namespace

const ServingExpectation& ThisBuild() { return Parsed().expectation; }

const std::string& ThisBuildError() { return Parsed().error; }

std::string ServedBy() {
  const char* name = psa::dispatch::DriverName(psa::dispatch::LastServingDriver());
  return name != nullptr ? name : "(none)";
}

std::vector<std::string> LinkedDrivers() {
  std::vector<std::string> names;
  for (uint32_t id = 1; id <= kMaxDriverId; ++id) {
    const char* name = psa::dispatch::DriverName(id);
    if (name == nullptr) break;
    names.emplace_back(name);
  }
  return names;
}

test_driver_hooks_t* TestDriverHooks(std::string_view name) {
  // The descriptions in drivers/test this suite's builds use, and the
  // instance (prefix) each one names.
  if (name == "test_a") return &test_a_hooks;
  if (name == "test_b" || name == "test_b_any_hash") return &test_b_hooks;
  return nullptr;
}

unsigned long HashStarts(std::string_view name) {
  const test_driver_hooks_t* hooks = TestDriverHooks(name);
  if (hooks == nullptr) return 0;
  const test_driver_counters_t& hits = hooks->hits;
  return __atomic_load_n(&hits.hash_compute, __ATOMIC_RELAXED) +
         __atomic_load_n(&hits.named_hash_compute, __ATOMIC_RELAXED) +
         __atomic_load_n(&hits.hash_setup, __ATOMIC_RELAXED);
}

void ResetTestDrivers() {
  test_driver_reset_hooks(&test_a_hooks);
  test_driver_reset_hooks(&test_b_hooks);
}

}  // namespace tests::vectors
