#include "daemon/catalog/system/procs.h"

#include "daemon/catalog/system/names.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/functions/registries.h"

namespace db9::catalog::system {

std::optional<ProcEntry> ProcByOid(Oid oid) {
  const functions::Registries& r = functions::BuiltinRegistries();
  for (const auto& f : r.functions.all()) {
    if (f->oid != oid) continue;
    return ProcEntry{f->name, f->arg_types, f->return_type, f->variadic, f->returns_set(), 'f'};
  }
  for (const auto& a : r.aggregates.all()) {
    if (a->oid != oid) continue;
    return ProcEntry{a->name, a->arg_types, a->return_type, false, false, 'a'};
  }
  return std::nullopt;
}

Result<Oid> LookupProcName(std::string_view text) {
  DB9_ASSIGN_OR_RETURN(std::vector<std::string> parts, ParseQualifiedName(text));
  bool in_catalog = parts.size() == 1 || (parts.size() == 2 && parts[0] == "pg_catalog");
  std::vector<Oid> found;
  if (in_catalog) {
    const functions::Registries& r = functions::BuiltinRegistries();
    for (const functions::FunctionInfo* f : r.functions.Overloads(parts.back())) {
      found.push_back(f->oid);
    }
    for (const auto& a : r.aggregates.all()) {
      if (a->name == parts.back()) found.push_back(a->oid);
    }
  }
  if (found.empty()) {
    return Status::Error(sqlstate::kUndefinedFunction,
                         "function \"" + std::string(text) + "\" does not exist");
  }
  if (found.size() > 1) {
    return Status::Error(sqlstate::kAmbiguousFunction,
                         "more than one function named \"" + std::string(text) + "\"");
  }
  return found[0];
}

std::string ProcArguments(const ProcEntry& proc) {
  std::string out;
  for (size_t i = 0; i < proc.arg_types.size(); ++i) {
    if (i > 0) out += ", ";
    Oid type = proc.arg_types[i];
    if (proc.variadic && i + 1 == proc.arg_types.size()) {
      // PostgreSQL declares a variadic parameter as the array it collects
      // (VARIADIC text[]); only "any" stays as it is.
      out += "VARIADIC ";
      const types::TypeInfo* array = Types().ArrayOf(type);
      if (type != types::oid::kAny && array != nullptr) type = array->oid;
    }
    out += types::FormatType(Types(), type, -1);
  }
  return out;
}

std::string ProcResult(const ProcEntry& proc) {
  std::string type = types::FormatType(Types(), proc.return_type, -1);
  return proc.returns_set ? "SETOF " + type : type;
}

}  // namespace db9::catalog::system
