// CREATE SCHEMA and DROP SCHEMA. A schema is a namespace record
// (catalog::Namespace); what lives in it names it by OID, so DROP SCHEMA
// must empty it first (2BP01 unless CASCADE, which drops its views, tables
// and sequences, and whatever depends on them elsewhere).
#include "daemon/sql/session/ddl_executor.h"

namespace db9::sql {
namespace {

// The schemas PostgreSQL itself needs, which db9 builds in.
bool BuiltIn(Oid oid) {
  return oid == catalog::kPgCatalogNamespace || oid == catalog::kPublicNamespace ||
         oid == catalog::kInformationSchemaNamespace;
}

// "table s.t" for each object in the namespace, views first (they may read
// the tables), in PostgreSQL's dependency-message wording.
std::vector<std::string> Contents(const catalog::CatalogState& state, Oid ns, const std::string& schema) {
  std::vector<std::string> out;
  for (const auto& [oid, view] : state.views()) {
    if (view.namespace_oid == ns) out.push_back("view " + schema + "." + view.name);
  }
  for (const auto& [oid, table] : state.tables()) {
    if (table.namespace_oid == ns) out.push_back("table " + schema + "." + table.name);
  }
  for (const auto& [oid, sequence] : state.sequences()) {
    if (sequence.namespace_oid == ns && sequence.owned_by_table == 0) {
      out.push_back("sequence " + schema + "." + sequence.name);
    }
  }
  return out;
}

}  // namespace

Status DdlExecutor::CreateSchema(const pg_query::CreateSchemaStmt& stmt) {
  const std::string& name = stmt.schemaname();
  if (name.empty()) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "feature not supported: CREATE SCHEMA without a name");
  }
  if (stmt.schema_elts_size() > 0) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "feature not supported: CREATE SCHEMA with schema elements")
        .WithHint("Create the schema first, then its objects with schema-qualified names.");
  }
  if (name.starts_with("pg_")) {
    return Status::Error("42939", "unacceptable schema name \"" + name + "\"")
        .WithDetail("The prefix \"pg_\" is reserved for system schemas.");
  }
  if (view().FindNamespace(name) != nullptr) {
    std::string message = "schema \"" + name + "\" already exists";
    if (!stmt.if_not_exists()) return Status::Error("42P06", message);
    channel_.SendNotice(Status::Notice(message + ", skipping"));
    channel_.SendCommandComplete("CREATE SCHEMA");
    return Status::OK();
  }
  catalog::Namespace ns;
  DB9_ASSIGN_OR_RETURN(ns.oid, store().AllocateOid());
  ns.name = name;
  DB9_RETURN_IF_ERROR(Record(store().StoreNamespace(txn(), ns), view().WithNamespace(ns)));
  channel_.SendCommandComplete("CREATE SCHEMA");
  return Status::OK();
}

Status DdlExecutor::DropSchemas(const pg_query::DropStmt& stmt) {
  bool cascade = stmt.behavior() == pg_query::DROP_CASCADE;
  // Resolve every name first, as PostgreSQL does.
  std::vector<catalog::Namespace> doomed;
  for (const pg_query::Node& o : stmt.objects()) {
    std::string name = StringValue(o);
    const catalog::Namespace* ns = view().FindNamespace(name);
    if (ns == nullptr) {
      std::string message = "schema \"" + name + "\" does not exist";
      if (!stmt.missing_ok()) return Status::Error("3F000", message);
      channel_.SendNotice(Status::Notice(message + ", skipping"));
      continue;
    }
    if (BuiltIn(ns->oid)) {
      return Status::Error(sqlstate::kDependentObjectsStillExist,
                           "cannot drop schema " + name + " because it is required by the database system");
    }
    doomed.push_back(*ns);
  }
  for (const catalog::Namespace& ns : doomed) {
    std::vector<std::string> contents = Contents(view(), ns.oid, ns.name);
    if (!contents.empty()) {
      std::string detail;
      for (const std::string& object : contents) {
        if (!detail.empty()) detail += "\n";
        detail += cascade ? "drop cascades to " + object : object + " depends on schema " + ns.name;
      }
      if (!cascade) {
        return Status::Error(sqlstate::kDependentObjectsStillExist,
                             "cannot drop schema " + ns.name + " because other objects depend on it")
            .WithDetail(detail)
            .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
      }
      channel_.SendNotice(contents.size() == 1
                              ? Status::Notice(detail)
                              : Status::Notice("drop cascades to " + std::to_string(contents.size()) +
                                               " other objects")
                                    .WithDetail(detail));
    }
    DB9_RETURN_IF_ERROR(DropContents(ns.oid));
    DB9_RETURN_IF_ERROR(Record(store().DeleteNamespace(txn(), ns.oid), view().WithoutNamespace(ns.oid)));
  }
  channel_.SendCommandComplete("DROP SCHEMA");
  return Status::OK();
}

Status DdlExecutor::DropContents(Oid ns) {
  // Views first, readers before what they read; each drop may also take
  // views of other schemas that read it (CASCADE).
  std::vector<Oid> views, tables, sequences;
  for (const catalog::View* v : view().ViewsInDependencyOrder()) {
    if (v->namespace_oid == ns) views.push_back(v->oid);
  }
  for (auto it = views.rbegin(); it != views.rend(); ++it) {
    const catalog::View* v = view().ViewByOid(*it);
    if (v == nullptr) continue;  // dropped already with a view it read
    catalog::View copy = *v;
    DB9_RETURN_IF_ERROR(DropDependentViews(copy.oid, "view " + copy.name, true, views));
    DB9_RETURN_IF_ERROR(RemoveView(copy));
  }
  for (const auto& [oid, table] : view().tables()) {
    if (table.namespace_oid == ns) tables.push_back(oid);
  }
  for (Oid oid : tables) {
    if (const catalog::Table* table = view().TableByOid(oid)) {
      DB9_RETURN_IF_ERROR(DropTable(*table, true, tables));
    }
  }
  for (const auto& [oid, sequence] : view().sequences()) {
    if (sequence.namespace_oid == ns) sequences.push_back(oid);
  }
  for (Oid oid : sequences) {
    catalog::Sequence copy = *view().SequenceByOid(oid);  // sequences drop nothing else
    DB9_RETURN_IF_ERROR(RemoveSequence(copy));
    DB9_RETURN_IF_ERROR(session_.db_.sequences().Reset(oid));
  }
  return Status::OK();
}

}  // namespace db9::sql
