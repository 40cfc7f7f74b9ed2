// Shared helpers for the type tests: registries, an I/O context, and
// parsing a type spec such as "numeric(5,2)" or "int4[]".
#pragma once

#include <QtTest/QtTest>

#include <string>

#include "daemon/functions/registries.h"
#include "daemon/functions/type_resolution.h"

// QCOMPARE for std::string that prints both values on failure.
#define DB9_COMPARE_STR(actual, expected) \
  QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected))

namespace db9::testing {

inline const functions::Registries& Reg() { return functions::BuiltinRegistries(); }

struct TypeSpec {
  const types::TypeInfo* type = nullptr;
  int32_t typmod = -1;
};

// "numeric(5,2)", "varchar(5)", "int4[]", "\"char\"".
inline TypeSpec ParseSpec(const std::string& spec) {
  TypeSpec out;
  std::string base = spec;
  bool array = false;
  if (base.size() > 2 && base.ends_with("[]")) {
    array = true;
    base.resize(base.size() - 2);
  }
  std::vector<int32_t> mods;
  size_t paren = base.find('(');
  if (paren != std::string::npos) {
    std::string inner = base.substr(paren + 1, base.size() - paren - 2);
    size_t comma = inner.find(',');
    mods.push_back(std::stoi(inner.substr(0, comma)));
    if (comma != std::string::npos) mods.push_back(std::stoi(inner.substr(comma + 1)));
    base.resize(paren);
  }
  if (base == "\"char\"") base = "char";
  const types::TypeInfo* t = Reg().types.FindByName(base);
  if (t == nullptr) return out;
  if (!mods.empty()) {
    Result<int32_t> m = t->typmod_in(*t, mods);
    if (m.ok()) out.typmod = *m;
  }
  out.type = array ? Reg().types.ArrayOf(t->oid) : t;
  return out;
}

inline std::string Hex(const std::string& bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

inline std::string Unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

}  // namespace db9::testing
