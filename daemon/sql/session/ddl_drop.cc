// DROP TABLE / INDEX / SEQUENCE and TRUNCATE (DROP VIEW: ddl_view.cc, DROP
// SCHEMA: ddl_schema.cc, DROP EXTENSION: ddl_extension.cc).
#include "daemon/catalog/row_keys.h"
#include "daemon/sql/session/ddl_executor.h"
#include "daemon/sql/session/owned_sequences.h"

namespace db9::sql {
namespace {

// [schema.]name from a DROP object list entry.
std::pair<std::string, std::string> ObjectName(const pg_query::Node& object) {
  std::vector<std::string> parts = StringList(object.list().items());
  if (parts.empty()) return {"", ""};
  if (parts.size() == 1) return {"", parts[0]};
  return {parts[parts.size() - 2], parts.back()};
}

const char* KindWord(pg_query::ObjectType type) {
  switch (type) {
    case pg_query::OBJECT_TABLE: return "table";
    case pg_query::OBJECT_INDEX: return "index";
    case pg_query::OBJECT_SEQUENCE: return "sequence";
    case pg_query::OBJECT_VIEW: return "view";
    default: return "object";
  }
}

}  // namespace

Status DdlExecutor::DropTable(const catalog::Table& dropped, bool cascade,
                              const std::vector<Oid>& dropping) {
  catalog::Table table = dropped;  // `dropped` lives in the view each edit replaces
  DB9_RETURN_IF_ERROR(DropDependentViews(table.oid, "table " + table.name, cascade, dropping));
  // Foreign keys of other tables that reference this one. The loop walks a
  // snapshot: each PutTable replaces the transaction's catalog view.
  std::shared_ptr<const catalog::CatalogState> before = session_.txn_->catalog;
  for (const auto& [oid, other] : before->tables()) {
    if (oid == table.oid ||
        std::find(dropping.begin(), dropping.end(), oid) != dropping.end()) {
      continue;
    }
    catalog::Table changed = other;
    bool any = false;
    for (auto it = changed.constraints.begin(); it != changed.constraints.end();) {
      if (it->type == catalog::ConstraintType::kForeignKey && it->ref_table == table.oid) {
        if (!cascade) {
          return Status::Error(sqlstate::kDependentObjectsStillExist,
                               "cannot drop table " + table.name +
                                   " because other objects depend on it")
              .WithDetail("constraint " + it->name + " on table " + other.name +
                          " depends on table " + table.name)
              .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
        }
        channel_.SendNotice(Status::Notice("drop cascades to constraint " + it->name +
                                           " on table " + other.name));
        it = changed.constraints.erase(it);
        any = true;
      } else {
        ++it;
      }
    }
    if (any) DB9_RETURN_IF_ERROR(PutTable(std::move(changed)));
  }
  DB9_RETURN_IF_ERROR(DeleteTableData(table));
  for (const catalog::Sequence& seq : OwnedSequences(view(), table)) {
    DB9_RETURN_IF_ERROR(RemoveSequence(seq));
  }
  DB9_RETURN_IF_ERROR(RemoveTable(table));
  return Status::OK();
}

Status DdlExecutor::Drop(const pg_query::DropStmt& stmt) {
  pg_query::ObjectType type = stmt.remove_type();
  bool cascade = stmt.behavior() == pg_query::DROP_CASCADE;
  const std::vector<std::string>& path = session_.info_.search_path;
  if (type == pg_query::OBJECT_EXTENSION) return DropExtensions(stmt);
  if (type == pg_query::OBJECT_VIEW) return DropViews(stmt);
  if (type == pg_query::OBJECT_SCHEMA) return DropSchemas(stmt);
  if (type != pg_query::OBJECT_TABLE && type != pg_query::OBJECT_INDEX &&
      type != pg_query::OBJECT_SEQUENCE) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "feature not supported: DROP " + pg_query::ObjectType_Name(type));
  }
  // Everything dropped by this statement, so that references among them
  // (foreign keys between dropped tables) do not block it.
  std::vector<Oid> dropping;
  for (const pg_query::Node& o : stmt.objects()) {
    auto [schema, name] = ObjectName(o);
    if (type == pg_query::OBJECT_TABLE) {
      Result<catalog::RelationRef> rel = view().ResolveRelation(schema, name, path);
      if (rel.ok() && rel->table) dropping.push_back(rel->table->oid);
    }
  }
  for (const pg_query::Node& o : stmt.objects()) {
    auto [schema, name] = ObjectName(o);
    std::string shown = schema.empty() ? name : schema + "." + name;
    auto missing = [&]() -> Status {
      if (stmt.missing_ok()) {
        channel_.SendNotice(Status::Notice(std::string(KindWord(type)) + " \"" + shown +
                                           "\" does not exist, skipping"));
        return Status::OK();
      }
      // PostgreSQL: a missing table or sequence is 42P01, a missing index 42704.
      return Status::Error(
          type == pg_query::OBJECT_INDEX ? sqlstate::kUndefinedObject : sqlstate::kUndefinedTable,
          std::string(KindWord(type)) + " \"" + shown + "\" does not exist");
    };
    if (type == pg_query::OBJECT_TABLE) {
      Result<catalog::RelationRef> rel = view().ResolveRelation(schema, name, path);
      if (!rel.ok() || rel->table == nullptr) {
        if (rel.ok() && rel->view) {
          return Status::Error(sqlstate::kWrongObjectType, "\"" + name + "\" is not a table")
              .WithHint("Use DROP VIEW to remove a view.");
        }
        if (rel.ok() && rel->system) {
          return Status::Error(sqlstate::kInsufficientPrivilege,
                               "permission denied: \"" + name + "\" is a system catalog");
        }
        DB9_RETURN_IF_ERROR(missing());
        continue;
      }
      DB9_RETURN_IF_ERROR(DropTable(*rel->table, cascade, dropping));
    } else if (type == pg_query::OBJECT_INDEX) {
      auto [table_ptr, index_ptr] = view().ResolveIndex(schema, name, path);
      if (index_ptr == nullptr) {
        DB9_RETURN_IF_ERROR(missing());
        continue;
      }
      catalog::Table table = *table_ptr;
      for (const catalog::Constraint& c : table.constraints) {
        if (c.index_oid == index_ptr->oid) {
          return Status::Error(sqlstate::kDependentObjectsStillExist,
                               "cannot drop index " + name + " because constraint " + c.name +
                                   " on table " + table.name + " requires it")
              .WithHint("You can drop constraint " + c.name + " on table " + table.name + " instead.");
        }
      }
      DB9_RETURN_IF_ERROR(DeleteKeyRange(catalog::IndexKeyPrefix(index_ptr->oid)));
      Oid index_oid = index_ptr->oid;
      std::erase_if(table.indexes, [&](const catalog::Index& i) { return i.oid == index_oid; });
      DB9_RETURN_IF_ERROR(PutTable(std::move(table)));
    } else {
      Result<const catalog::Sequence*> seq = view().ResolveSequence(schema, name, path);
      if (!seq.ok()) {
        DB9_RETURN_IF_ERROR(missing());
        continue;
      }
      catalog::Sequence copy = **seq;
      DB9_RETURN_IF_ERROR(RemoveSequence(copy));
      DB9_RETURN_IF_ERROR(session_.db_.sequences().Reset(copy.oid));
    }
  }
  channel_.SendCommandComplete(type == pg_query::OBJECT_TABLE   ? "DROP TABLE"
                               : type == pg_query::OBJECT_INDEX ? "DROP INDEX"
                                                                : "DROP SEQUENCE");
  return Status::OK();
}

Status DdlExecutor::Truncate(const pg_query::TruncateStmt& stmt) {
  std::vector<const catalog::Table*> tables;
  for (const pg_query::Node& r : stmt.relations()) {
    const pg_query::RangeVar& rv = r.range_var();
    Result<catalog::RelationRef> rel =
        view().ResolveRelation(rv.schemaname(), rv.relname(), session_.info_.search_path);
    if (!rel.ok()) return WithLocation(rel.status(), rv.location());
    if (rel->table == nullptr) {
      return Status::Error(sqlstate::kWrongObjectType, "\"" + rv.relname() + "\" is not a table");
    }
    tables.push_back(rel->table);
  }
  // Tables referencing a truncated one must be truncated too (CASCADE adds them).
  for (size_t i = 0; i < tables.size(); ++i) {
    for (const auto& [oid, other] : view().tables()) {
      for (const catalog::Constraint& c : other.constraints) {
        if (c.type != catalog::ConstraintType::kForeignKey || c.ref_table != tables[i]->oid) continue;
        if (std::find(tables.begin(), tables.end(), &other) != tables.end()) continue;
        if (stmt.behavior() != pg_query::DROP_CASCADE) {
          return Status::Error(sqlstate::kFeatureNotSupported,
                               "cannot truncate a table referenced in a foreign key constraint")
              .WithDetail("Table \"" + other.name + "\" references \"" + tables[i]->name + "\".")
              .WithHint("Truncate table \"" + other.name +
                        "\" at the same time, or use TRUNCATE ... CASCADE.");
        }
        channel_.SendNotice(Status::Notice("truncate cascades to table \"" + other.name + "\""));
        tables.push_back(&other);
      }
    }
  }
  for (const catalog::Table* table : tables) {
    DB9_RETURN_IF_ERROR(DeleteTableData(*table));
    if (stmt.restart_seqs()) {
      for (const catalog::Sequence& seq : OwnedSequences(view(), *table)) {
        DB9_RETURN_IF_ERROR(session_.db_.sequences().Reset(seq.oid));
      }
    }
  }
  channel_.SendCommandComplete("TRUNCATE TABLE");
  return Status::OK();
}

}  // namespace db9::sql
