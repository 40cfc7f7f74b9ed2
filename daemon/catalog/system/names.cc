#include "daemon/catalog/system/names.h"

#include <cctype>

namespace db9::catalog::system {
namespace {

Status InvalidName(std::string_view text) {
  return Status::Error("42602", "invalid name syntax").WithDetail(std::string(text));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::vector<std::string>> ParseQualifiedName(std::string_view text) {
  std::vector<std::string> parts;
  std::string_view rest = Trim(text);
  while (true) {
    std::string part;
    if (!rest.empty() && rest.front() == '"') {
      size_t i = 1;
      for (;; ++i) {
        if (i >= rest.size()) return InvalidName(text);
        if (rest[i] == '"') {
          if (i + 1 < rest.size() && rest[i + 1] == '"') {
            part += '"';
            ++i;
            continue;
          }
          break;
        }
        part += rest[i];
      }
      if (part.empty()) return InvalidName(text);
      rest.remove_prefix(i + 1);
    } else {
      size_t i = 0;
      while (i < rest.size() && rest[i] != '.' && !std::isspace(static_cast<unsigned char>(rest[i]))) {
        part += static_cast<char>(std::tolower(static_cast<unsigned char>(rest[i])));
        ++i;
      }
      if (part.empty()) return InvalidName(text);
      rest.remove_prefix(i);
    }
    parts.push_back(std::move(part));
    rest = Trim(rest);
    if (rest.empty()) break;
    if (rest.front() != '.') return InvalidName(text);
    rest = Trim(rest.substr(1));
  }
  if (parts.size() > 3) return InvalidName(text);
  return parts;
}

Result<std::optional<RelationEntry>> LookupRelation(const CatalogState& state,
                                                    const std::vector<std::string>& search_path,
                                                    std::string_view text) {
  DB9_ASSIGN_OR_RETURN(std::vector<std::string> parts, ParseQualifiedName(text));
  const std::string& name = parts.back();
  std::vector<Oid> namespaces;
  if (parts.size() >= 2) {
    const std::string& schema = parts[parts.size() - 2];
    const Namespace* ns = state.FindNamespace(schema);
    if (ns == nullptr) {
      return Status::Error("3F000", "schema \"" + schema + "\" does not exist");
    }
    namespaces.push_back(ns->oid);
  } else {
    namespaces = EffectiveSearchPath(state, search_path);
  }
  std::vector<RelationEntry> all = AllRelations(state);
  for (Oid ns : namespaces) {
    for (const RelationEntry& r : all) {
      if (r.namespace_oid == ns && r.name == name) return std::optional<RelationEntry>(r);
    }
  }
  return std::optional<RelationEntry>();
}

std::optional<Oid> LookupTypeName(std::string_view text) {
  std::string name(Trim(text));
  int array_dims = 0;
  while (name.size() >= 2 && name.compare(name.size() - 2, 2, "[]") == 0) {
    name.resize(name.size() - 2);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    ++array_dims;
  }
  // Type modifiers do not change the type: varchar(10) is varchar.
  if (size_t paren = name.find('('); paren != std::string::npos && name.back() == ')') {
    name = std::string(Trim(std::string_view(name).substr(0, paren)));
  }
  std::string lower;
  bool quoted = name.size() >= 2 && name.front() == '"' && name.back() == '"';
  if (quoted) {
    lower = name.substr(1, name.size() - 2);
  } else {
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.rfind("pg_catalog.", 0) == 0) lower = lower.substr(11);
  }
  const types::TypeInfo* type = Types().FindByName(lower);
  if (type == nullptr) return std::nullopt;
  Oid oid = type->oid;
  if (array_dims > 0) {
    const types::TypeInfo* array = Types().ArrayOf(oid);
    if (array == nullptr) return std::nullopt;
    oid = array->oid;
  }
  return oid;
}

}  // namespace db9::catalog::system
