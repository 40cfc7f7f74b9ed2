#include "daemon/catalog/system/reg_name_resolver.h"

#include "daemon/catalog/system/names.h"
#include "daemon/catalog/system/procs.h"
#include "daemon/catalog/system/relations.h"
#include "shared/base/sql_identifier.h"

namespace db9::catalog::system {

Result<Oid> CatalogRegNameResolver::Lookup(Oid reg_type, std::string_view name) const {
  switch (reg_type) {
    case types::oid::kRegclass: {
      DB9_ASSIGN_OR_RETURN(std::optional<RelationEntry> rel,
                           LookupRelation(state_, search_path_, name));
      if (!rel) {
        return Status::Error(sqlstate::kUndefinedTable,
                             "relation \"" + std::string(name) + "\" does not exist");
      }
      return rel->oid;
    }
    case types::oid::kRegtype: {
      std::optional<Oid> type = LookupTypeName(name);
      if (!type) {
        return Status::Error(sqlstate::kUndefinedObject,
                             "type \"" + std::string(name) + "\" does not exist");
      }
      return *type;
    }
    case kRegnamespace: {
      DB9_ASSIGN_OR_RETURN(std::vector<std::string> parts, ParseQualifiedName(name));
      const Namespace* ns = parts.size() == 1 ? state_.FindNamespace(parts[0]) : nullptr;
      if (ns == nullptr) {
        return Status::Error("3F000", "schema \"" + std::string(name) + "\" does not exist");
      }
      return ns->oid;
    }
    case types::oid::kRegproc:
      return LookupProcName(name);
    default:
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "names of this reg* type are not supported; use a numeric OID");
  }
}

std::string CatalogRegNameResolver::Name(Oid reg_type, Oid object) const {
  switch (reg_type) {
    case types::oid::kRegclass: {
      RelationEntry rel;
      if (!RelationByOid(state_, object, &rel)) return "";
      return RelationDisplayName(state_, search_path_, rel);
    }
    case types::oid::kRegtype:
      return Types().Find(object) != nullptr ? types::FormatType(Types(), object, -1) : "";
    case kRegnamespace: {
      const Namespace* ns = state_.NamespaceByOid(object);
      return ns != nullptr ? QuoteIdentifierIfNeeded(ns->name) : "";
    }
    case types::oid::kRegproc: {
      // regproc prints the bare name: built-ins are all in pg_catalog.
      std::optional<ProcEntry> proc = ProcByOid(object);
      return proc ? QuoteIdentifierIfNeeded(proc->name) : "";
    }
    default:
      return "";
  }
}

}  // namespace db9::catalog::system
