// drivergen: turns PSA driver descriptions into glue code. Run by the Bazel
// rules in //rules (psa_driver, psa_crypto_library), not by hand.
//
//   drivergen driver --name=NAME --description=FILE --glue_include=PATH
//                    --header_out=FILE --check_out=FILE [--require_declarations=true]
//       validates one description; writes its prototype header and the C
//       file that checks the driver's headers against it (and, with
//       --require_declarations, that they declare every entry point).
//   drivergen dispatch --source_out=FILE --table_out=FILE
//                      --driver=NAME:DESCRIPTION:GLUE_INCLUDE ...
//       validates an ordered driver list (priority order) and writes the
//       dispatch source and the dispatch table of that build.
//   drivergen check FILE...
//       validates descriptions as one list and prints the diagnostics.
//
// Errors go to stderr as "file:line:column: /json/pointer: message"; the exit
// status is 1 and no output is written.

#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "rules/drivergen/description.h"
#include "rules/drivergen/emit.h"

namespace psa::drivergen {
namespace {

int Usage(const std::string& problem) {
  std::cerr << "drivergen: " << problem << "\n"
            << "usage: drivergen driver --name=NAME --description=FILE --glue_include=PATH --header_out=FILE "
               "--check_out=FILE\n"
            << "       drivergen dispatch --source_out=FILE --table_out=FILE --driver=NAME:DESCRIPTION:GLUE_INCLUDE...\n"
            << "       drivergen check FILE...\n";
  return 2;
}

bool ReadFile(const std::string& path, std::string* contents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *contents = buffer.str();
  return !in.bad();
}

bool WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
  out.close();
  if (!out) {
    std::cerr << "drivergen: cannot write " << path << "\n";
    return false;
  }
  return true;
}

std::optional<Driver> Load(const std::string& name, const std::string& file, Diagnostics* diagnostics) {
  std::string text;
  if (!ReadFile(file, &text)) {
    diagnostics->Error(file, {{1, 1}, ""}, "cannot read the driver description");
    return std::nullopt;
  }
  return LoadDriver(file, text, name, diagnostics);
}

int Report(const Diagnostics& diagnostics) {
  for (const std::string& m : diagnostics.messages()) std::cerr << m << "\n";
  return diagnostics.has_errors() ? 1 : 0;
}

// "drivers/test/x.psa_driver.h" -> "PSA_DRIVER_GLUE_DRIVERS_TEST_X_PSA_DRIVER_H_"
std::string GuardName(const std::string& include) {
  std::string guard = "PSA_DRIVER_GLUE_";
  for (char c : include) guard += std::isalnum(static_cast<unsigned char>(c)) ? std::toupper(c) : '_';
  return guard + "_";
}

int RunDriver(const std::map<std::string, std::string>& flags) {
  for (const char* required : {"name", "description", "glue_include", "header_out", "check_out"}) {
    if (!flags.count(required)) return Usage(std::string("missing --") + required);
  }
  Diagnostics diagnostics;
  std::optional<Driver> driver = Load(flags.at("name"), flags.at("description"), &diagnostics);
  if (!driver) return Report(diagnostics);
  const std::string& include = flags.at("glue_include");
  if (!WriteFile(flags.at("header_out"), EmitDriverHeader(*driver, GuardName(include))) ||
      !WriteFile(flags.at("check_out"),
                 EmitDriverCheck(*driver, include, flags.count("require_declarations") &&
                                                      flags.at("require_declarations") == "true"))) {
    return 1;
  }
  return 0;
}

int RunDispatch(const std::map<std::string, std::string>& flags, const std::vector<std::string>& driver_args) {
  for (const char* required : {"source_out", "table_out"}) {
    if (!flags.count(required)) return Usage(std::string("missing --") + required);
  }
  Diagnostics diagnostics;
  std::vector<SelectedDriver> selected;
  for (const std::string& arg : driver_args) {
    size_t first = arg.find(':');
    size_t second = first == std::string::npos ? std::string::npos : arg.find(':', first + 1);
    if (second == std::string::npos) return Usage("--driver takes NAME:DESCRIPTION:GLUE_INCLUDE, got " + arg);
    std::optional<Driver> driver = Load(arg.substr(0, first), arg.substr(first + 1, second - first - 1), &diagnostics);
    if (driver) selected.push_back({std::move(*driver), arg.substr(second + 1)});
  }
  if (diagnostics.has_errors()) return Report(diagnostics);
  std::vector<Driver> list;
  for (const SelectedDriver& s : selected) list.push_back(s.driver);
  CheckDriverList(list, &diagnostics);
  if (diagnostics.has_errors()) return Report(diagnostics);
  if (!WriteFile(flags.at("source_out"), EmitDispatch(selected)) ||
      !WriteFile(flags.at("table_out"), EmitDispatchTable(selected))) {
    return 1;
  }
  return 0;
}

int RunCheck(const std::vector<std::string>& files) {
  if (files.empty()) return Usage("check needs at least one description");
  Diagnostics diagnostics;
  std::vector<Driver> list;
  for (const std::string& file : files) {
    std::string name = file.substr(file.find_last_of('/') + 1);  // "x.json" -> "x"
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) name.resize(name.size() - 5);
    if (std::optional<Driver> d = Load(name, file, &diagnostics)) list.push_back(std::move(*d));
  }
  if (!diagnostics.has_errors()) CheckDriverList(list, &diagnostics);
  return Report(diagnostics);
}

int Main(int argc, char** argv) {
  if (argc < 2) return Usage("missing command");
  std::string command = argv[1];
  std::map<std::string, std::string> flags;
  std::vector<std::string> driver_args, positional;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) == 0) {
      size_t eq = arg.find('=');
      if (eq == std::string::npos) return Usage("flag without value: " + arg);
      std::string key = arg.substr(2, eq - 2);
      if (key == "driver") {
        driver_args.push_back(arg.substr(eq + 1));
      } else {
        flags[key] = arg.substr(eq + 1);
      }
    } else {
      positional.push_back(arg);
    }
  }
  if (command == "driver") return RunDriver(flags);
  if (command == "dispatch") return RunDispatch(flags, driver_args);
  if (command == "check") return RunCheck(positional);
  return Usage("unknown command " + command);
}

}  // namespace
}  // namespace psa::drivergen

int main(int argc, char** argv) { return psa::drivergen::Main(argc, argv); }
