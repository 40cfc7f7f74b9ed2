// CREATE INDEX, ALTER TABLE, ALTER ... RENAME, CREATE/ALTER SEQUENCE.
#include "daemon/catalog/index_method.h"
#include "daemon/catalog/row_keys.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/sql/binder/tree_walk.h"
#include "daemon/sql/session/ddl_executor.h"
#include "daemon/sql/session/owned_sequences.h"
#include "daemon/sql/session/sequence_options.h"

namespace db9::sql {
namespace {

Result<const catalog::Table*> ResolveTable(const catalog::CatalogState& view,
                                           const pg_query::RangeVar& rv,
                                           const std::vector<std::string>& path) {
  Result<catalog::RelationRef> rel = view.ResolveRelation(rv.schemaname(), rv.relname(), path);
  if (!rel.ok()) return WithLocation(rel.status(), rv.location());
  if (rel->table == nullptr) {
    return Status::Error(sqlstate::kWrongObjectType, "\"" + rv.relname() + "\" is not a table");
  }
  return rel->table;
}

// Renames column references in a stored expression (CHECK, DEFAULT).
void RenameColumnRefs(google::protobuf::Message* message, const std::string& from,
                      const std::string& to) {
  auto rename = [&](pg_query::ColumnRef* ref) {
    auto* fields = ref->mutable_fields();
    if (fields->empty()) return;
    pg_query::Node& last = (*fields)[fields->size() - 1];
    if (last.has_string() && last.string().sval() == from) last.mutable_string()->set_sval(to);
  };
  ForEachMessage<pg_query::ColumnRef>(message, rename);
}

}  // namespace

Status DdlExecutor::CreateIndex(const pg_query::IndexStmt& stmt) {
  DB9_ASSIGN_OR_RETURN(const catalog::Table* found,
                       ResolveTable(view(), stmt.relation(), session_.info_.search_path));
  catalog::Table table = *found;
  if (stmt.has_where_clause()) {
    return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: partial indexes");
  }
  std::string am = stmt.access_method().empty() ? "btree" : stmt.access_method();
  const catalog::IndexMethod* method = catalog::IndexMethodRegistry::Global().Find(am);
  if (method == nullptr) {
    return Status::Error(sqlstate::kUndefinedObject, "access method \"" + am + "\" does not exist");
  }
  if (stmt.unique() && !method->supports_unique()) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "access method \"" + am + "\" does not support unique indexes");
  }
  catalog::Index index;
  std::vector<std::string> names;
  for (const pg_query::Node& p : stmt.index_params()) {
    const pg_query::IndexElem& e = p.index_elem();
    if (e.name().empty()) {
      return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: expression indexes");
    }
    const catalog::Column* column = table.FindColumn(e.name());
    if (column == nullptr) {
      return Status::Error(sqlstate::kUndefinedColumn, "column \"" + e.name() + "\" does not exist");
    }
    // An unordered method (GIN) would silently ignore an order: refuse it.
    if (!method->supports_ordered_scans() && e.ordering() != pg_query::SORTBY_DEFAULT) {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "access method \"" + am + "\" does not support ASC/DESC options");
    }
    if (!method->supports_ordered_scans() && e.nulls_ordering() != pg_query::SORTBY_NULLS_DEFAULT) {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "access method \"" + am + "\" does not support NULLS FIRST/LAST options");
    }
    bool desc = e.ordering() == pg_query::SORTBY_DESC;
    bool nulls_first = e.nulls_ordering() == pg_query::SORTBY_NULLS_FIRST ||
                       (e.nulls_ordering() != pg_query::SORTBY_NULLS_LAST && desc);
    // A schema-qualified class name (pg_catalog.jsonb_path_ops) names the
    // same class: they all live in pg_catalog.
    std::string opclass_name;
    if (!e.opclass().empty()) opclass_name = e.opclass(e.opclass_size() - 1).string().sval();
    DB9_ASSIGN_OR_RETURN(const catalog::OperatorClass* opclass,
                         catalog::ResolveOperatorClass(session_.db_.registries().types, *method,
                                                       opclass_name, column->type));
    index.columns.push_back({column->attnum, desc, nulls_first, std::string(opclass->name)});
    names.push_back(e.name());
  }
  for (const pg_query::Node& o : stmt.options()) {
    const pg_query::DefElem& d = o.def_elem();
    std::string value = ReloptionValue(d);
    DB9_RETURN_IF_ERROR(method->CheckOption(d.defname(), value));
    index.options.push_back(d.defname() + "=" + value);
  }
  DB9_RETURN_IF_ERROR(method->CheckIndex(table, index));
  index.name = stmt.idxname().empty() ? UniqueName(table, names, "idx") : stmt.idxname();
  if (view().RelationNameTaken(table.namespace_oid, index.name)) {
    if (stmt.if_not_exists()) {
      channel_.SendNotice(Status::Notice("relation \"" + index.name + "\" already exists, skipping"));
      channel_.SendCommandComplete("CREATE INDEX");
      return Status::OK();
    }
    return Status::Error(sqlstate::kDuplicateTable, "relation \"" + index.name + "\" already exists");
  }
  DB9_ASSIGN_OR_RETURN(index.oid, store().AllocateOid());
  index.table_oid = table.oid;
  index.namespace_oid = table.namespace_oid;
  index.unique = stmt.unique();
  index.access_method = am;
  table.indexes.push_back(index);
  DB9_RETURN_IF_ERROR(BuildIndex(table, index));
  DB9_RETURN_IF_ERROR(PutTable(std::move(table)));
  channel_.SendCommandComplete("CREATE INDEX");
  return Status::OK();
}

Status DdlExecutor::AlterTable(const pg_query::AlterTableStmt& stmt) {
  if (stmt.objtype() != pg_query::OBJECT_TABLE) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "feature not supported: ALTER " + pg_query::ObjectType_Name(stmt.objtype()));
  }
  Result<const catalog::Table*> found = ResolveTable(view(), stmt.relation(), session_.info_.search_path);
  if (!found.ok()) {
    if (stmt.missing_ok() && found.status().sqlstate() == sqlstate::kUndefinedTable) {
      channel_.SendNotice(Status::Notice("relation \"" + stmt.relation().relname() +
                                         "\" does not exist, skipping"));
      channel_.SendCommandComplete("ALTER TABLE");
      return Status::OK();
    }
    return found.status();
  }
  Oid table_oid = (*found)->oid;
  std::string table_name = (*found)->name;  // `found` dies with the first edit
  for (const pg_query::Node& n : stmt.cmds()) {
    const pg_query::AlterTableCmd& cmd = n.alter_table_cmd();
    catalog::Table table = *view().TableByOid(table_oid);
    switch (cmd.subtype()) {
      case pg_query::AT_AddColumn: {
        const pg_query::ColumnDef& def = cmd.def().column_def();
        if (table.FindColumn(def.colname())) {
          if (cmd.missing_ok()) {
            channel_.SendNotice(Status::Notice("column \"" + def.colname() + "\" of relation \"" +
                                               table.name + "\" already exists, skipping"));
            continue;
          }
          return Status::Error(sqlstate::kDuplicateColumn, "column \"" + def.colname() +
                                                               "\" of relation \"" + table.name +
                                                               "\" already exists");
        }
        std::vector<const pg_query::Constraint*> unused;
        std::vector<std::pair<const pg_query::Constraint*, std::string>> column_constraints;
        DB9_RETURN_IF_ERROR(AddColumnDef(&table, def, &unused, &column_constraints));
        DB9_RETURN_IF_ERROR(PutTable(table));
        // Existing rows get the default (evaluated per row, like PostgreSQL
        // does for volatile defaults), or must allow NULL.
        const catalog::Column& column = table.columns.back();
        Binder binder = MakeBinder();
        ExprPtr fill;
        if (!column.default_expr.empty()) {
          Scope empty;
          DB9_ASSIGN_OR_RETURN(fill, binder.BindStoredExpr(column.default_expr, empty));
          DB9_ASSIGN_OR_RETURN(fill, binder.Coerce(std::move(fill), column.type, column.typmod,
                                                   functions::CoercionContext::kAssignment, -1));
        }
        std::unique_ptr<ExecContext> ctx = NewContext();
        DB9_RETURN_IF_ERROR(ForEachRow(table, [&](const std::string& key, Row& row) -> Status {
          if (!fill) {
            if (column.not_null) {
              return Status::Error(sqlstate::kNotNullViolation,
                                   "column \"" + column.name + "\" of relation \"" + table.name +
                                       "\" contains null values");
            }
            return Status::OK();
          }
          DB9_ASSIGN_OR_RETURN(row.back(), fill->Eval(*ctx, row));
          return txn().Put(key, catalog::EncodeRow(table, row));
        }));
        for (const auto& [c, name] : column_constraints) {
          DB9_RETURN_IF_ERROR(AddConstraint(&table, *c, name, true));
        }
        break;
      }
      case pg_query::AT_DropColumn: {
        const catalog::Column* column = table.FindColumn(cmd.name());
        if (column == nullptr) {
          if (cmd.missing_ok()) {
            channel_.SendNotice(Status::Notice("column \"" + cmd.name() + "\" of relation \"" +
                                               table.name + "\" does not exist, skipping"));
            continue;
          }
          return Status::Error(sqlstate::kUndefinedColumn, "column \"" + cmd.name() +
                                                               "\" of relation \"" + table.name +
                                                               "\" does not exist");
        }
        int16_t attnum = column->attnum;
        if (const catalog::Index* pk = table.primary_key()) {
          for (const catalog::IndexColumn& ic : pk->columns) {
            if (ic.attnum == attnum) {
              return Status::Error(sqlstate::kFeatureNotSupported,
                                   "feature not supported: dropping a primary key column");
            }
          }
        }
        for (const auto& [oid, other] : view().tables()) {
          for (const catalog::Constraint& c : other.constraints) {
            if (c.type == catalog::ConstraintType::kForeignKey && c.ref_table == table.oid &&
                std::find(c.ref_columns.begin(), c.ref_columns.end(), attnum) != c.ref_columns.end()) {
              return Status::Error(sqlstate::kDependentObjectsStillExist,
                                   "cannot drop column " + cmd.name() + " of table " + table.name +
                                       " because other objects depend on it")
                  .WithDetail("constraint " + c.name + " on table " + other.name + " depends on column " +
                              cmd.name() + " of table " + table.name);
            }
          }
        }
        // Indexes and constraints on the column go with it.
        std::vector<Oid> dropped_indexes;
        for (const catalog::Index& i : table.indexes) {
          for (const catalog::IndexColumn& ic : i.columns) {
            if (ic.attnum == attnum) dropped_indexes.push_back(i.oid);
          }
        }
        for (Oid oid : dropped_indexes) DB9_RETURN_IF_ERROR(DeleteKeyRange(catalog::IndexKeyPrefix(oid)));
        std::erase_if(table.indexes, [&](const catalog::Index& i) {
          return std::find(dropped_indexes.begin(), dropped_indexes.end(), i.oid) != dropped_indexes.end();
        });
        std::erase_if(table.constraints, [&](const catalog::Constraint& c) {
          return std::find(c.columns.begin(), c.columns.end(), attnum) != c.columns.end() ||
                 (c.type == catalog::ConstraintType::kCheck &&
                  c.check_expr.find(cmd.name()) != std::string::npos);
        });
        for (const catalog::Sequence& seq : OwnedSequences(view(), table, attnum)) {
          DB9_RETURN_IF_ERROR(RemoveSequence(seq));
        }
        std::erase_if(table.columns, [&](const catalog::Column& c) { return c.attnum == attnum; });
        DB9_RETURN_IF_ERROR(PutTable(std::move(table)));
        break;
      }
      case pg_query::AT_AddConstraint:
        DB9_RETURN_IF_ERROR(AddConstraint(&table, cmd.def().constraint(), "", true));
        break;
      case pg_query::AT_DropConstraint: {
        auto it = std::find_if(table.constraints.begin(), table.constraints.end(),
                               [&](const catalog::Constraint& c) { return c.name == cmd.name(); });
        if (it == table.constraints.end()) {
          if (cmd.missing_ok()) {
            channel_.SendNotice(Status::Notice("constraint \"" + cmd.name() + "\" of relation \"" +
                                               table.name + "\" does not exist, skipping"));
            continue;
          }
          return Status::Error(sqlstate::kUndefinedObject, "constraint \"" + cmd.name() +
                                                               "\" of relation \"" + table.name +
                                                               "\" does not exist");
        }
        if (it->type == catalog::ConstraintType::kPrimaryKey) {
          return Status::Error(sqlstate::kFeatureNotSupported,
                               "feature not supported: dropping a primary key");
        }
        if (it->index_oid != 0) {
          DB9_RETURN_IF_ERROR(DeleteKeyRange(catalog::IndexKeyPrefix(it->index_oid)));
          Oid index_oid = it->index_oid;
          std::erase_if(table.indexes, [&](const catalog::Index& i) { return i.oid == index_oid; });
        }
        table.constraints.erase(it);
        DB9_RETURN_IF_ERROR(PutTable(std::move(table)));
        break;
      }
      case pg_query::AT_ColumnDefault: {
        catalog::Column* column = nullptr;
        for (catalog::Column& c : table.columns) {
          if (c.name == cmd.name()) column = &c;
        }
        if (column == nullptr) {
          return Status::Error(sqlstate::kUndefinedColumn, "column \"" + cmd.name() +
                                                               "\" of relation \"" + table.name +
                                                               "\" does not exist");
        }
        if (cmd.has_def()) {
          DB9_ASSIGN_OR_RETURN(column->default_expr, Deparse(cmd.def()));
        } else {
          column->default_expr.clear();
        }
        DB9_RETURN_IF_ERROR(PutTable(std::move(table)));
        break;
      }
      case pg_query::AT_SetNotNull:
      case pg_query::AT_DropNotNull: {
        catalog::Column* column = nullptr;
        for (catalog::Column& c : table.columns) {
          if (c.name == cmd.name()) column = &c;
        }
        if (column == nullptr) {
          return Status::Error(sqlstate::kUndefinedColumn, "column \"" + cmd.name() +
                                                               "\" of relation \"" + table.name +
                                                               "\" does not exist");
        }
        bool set = cmd.subtype() == pg_query::AT_SetNotNull;
        if (!set && table.primary_key()) {
          for (const catalog::IndexColumn& ic : table.primary_key()->columns) {
            if (ic.attnum == column->attnum) {
              return Status::Error(sqlstate::kInvalidTableDefinition,
                                   "column \"" + column->name + "\" is in a primary key");
            }
          }
        }
        if (set) {
          int pos = table.ColumnIndex(column->attnum);
          DB9_RETURN_IF_ERROR(ForEachRow(table, [&](const std::string&, Row& row) -> Status {
            if (row[pos].is_null()) {
              return Status::Error(sqlstate::kNotNullViolation,
                                   "column \"" + cmd.name() + "\" of relation \"" + table.name +
                                       "\" contains null values");
            }
            return Status::OK();
          }));
        }
        column->not_null = set;
        DB9_RETURN_IF_ERROR(PutTable(std::move(table)));
        break;
      }
      case pg_query::AT_SetRelOptions:
      case pg_query::AT_ResetRelOptions:
      case pg_query::AT_SetStatistics:
        break;  // storage hints: nothing to do in this engine
      default:
        return Status::Error(sqlstate::kFeatureNotSupported,
                             "feature not supported: ALTER TABLE " +
                                 pg_query::AlterTableType_Name(cmd.subtype()));
    }
  }
  DB9_RETURN_IF_ERROR(RecheckDependentViews(table_oid, "table " + table_name));
  channel_.SendCommandComplete("ALTER TABLE");
  return Status::OK();
}

Status DdlExecutor::Rename(const pg_query::RenameStmt& stmt) {
  const std::vector<std::string>& path = session_.info_.search_path;
  if (stmt.rename_type() == pg_query::OBJECT_COLUMN && stmt.relation_type() == pg_query::OBJECT_VIEW) {
    return RenameViewColumn(stmt);
  }
  switch (stmt.rename_type()) {
    case pg_query::OBJECT_TABLE:
    case pg_query::OBJECT_COLUMN:
    case pg_query::OBJECT_TABCONSTRAINT: {
      Result<const catalog::Table*> found = ResolveTable(view(), stmt.relation(), path);
      if (!found.ok()) {
        if (stmt.missing_ok()) {
          channel_.SendNotice(Status::Notice("relation \"" + stmt.relation().relname() +
                                             "\" does not exist, skipping"));
          channel_.SendCommandComplete("ALTER TABLE");
          return Status::OK();
        }
        return found.status();
      }
      catalog::Table table = **found;
      if (stmt.rename_type() == pg_query::OBJECT_TABLE) {
        if (view().RelationNameTaken(table.namespace_oid, stmt.newname())) {
          return Status::Error(sqlstate::kDuplicateTable,
                               "relation \"" + stmt.newname() + "\" already exists");
        }
        table.name = stmt.newname();
      } else if (stmt.rename_type() == pg_query::OBJECT_COLUMN) {
        if (table.FindColumn(stmt.newname())) {
          return Status::Error(sqlstate::kDuplicateColumn, "column \"" + stmt.newname() +
                                                               "\" of relation \"" + table.name +
                                                               "\" already exists");
        }
        catalog::Column* column = nullptr;
        for (catalog::Column& c : table.columns) {
          if (c.name == stmt.subname()) column = &c;
        }
        if (column == nullptr) {
          return Status::Error(sqlstate::kUndefinedColumn, "column \"" + stmt.subname() +
                                                               "\" does not exist");
        }
        column->name = stmt.newname();
        // Stored CHECK expressions name columns: rewrite them.
        for (catalog::Constraint& c : table.constraints) {
          if (c.type != catalog::ConstraintType::kCheck) continue;
          DB9_ASSIGN_OR_RETURN(std::shared_ptr<const ParsedQuery> parsed, sql::Parse("SELECT " + c.check_expr));
          pg_query::Node expr = parsed->statements[0].node->select_stmt().target_list(0).res_target().val();
          RenameColumnRefs(&expr, stmt.subname(), stmt.newname());
          DB9_ASSIGN_OR_RETURN(c.check_expr, Deparse(expr));
        }
      } else {
        auto it = std::find_if(table.constraints.begin(), table.constraints.end(),
                               [&](const catalog::Constraint& c) { return c.name == stmt.subname(); });
        if (it == table.constraints.end()) {
          return Status::Error(sqlstate::kUndefinedObject, "constraint \"" + stmt.subname() +
                                                               "\" for table \"" + table.name +
                                                               "\" does not exist");
        }
        it->name = stmt.newname();
        for (catalog::Index& i : table.indexes) {
          if (i.oid == it->index_oid) i.name = stmt.newname();
        }
      }
      std::string old_name = (*found)->name;
      Oid oid = table.oid;
      std::string schema = catalog::system::NamespaceName(view(), table.namespace_oid);
      DB9_RETURN_IF_ERROR(PutTable(std::move(table)));
      if (stmt.rename_type() == pg_query::OBJECT_TABLE) {
        DB9_RETURN_IF_ERROR(RenameInViews(oid, schema, old_name, stmt.newname()));
      } else {
        DB9_RETURN_IF_ERROR(RecheckDependentViews(oid, "table " + old_name));
      }
      channel_.SendCommandComplete("ALTER TABLE");
      return Status::OK();
    }
    case pg_query::OBJECT_VIEW: {
      Result<catalog::RelationRef> rel = view().ResolveRelation(
          stmt.relation().schemaname(), stmt.relation().relname(), path);
      if (!rel.ok() || rel->view == nullptr) {
        if (rel.ok()) {
          return Status::Error(sqlstate::kWrongObjectType,
                               "\"" + stmt.relation().relname() + "\" is not a view");
        }
        if (stmt.missing_ok()) {
          channel_.SendNotice(Status::Notice("relation \"" + stmt.relation().relname() +
                                             "\" does not exist, skipping"));
          channel_.SendCommandComplete("ALTER VIEW");
          return Status::OK();
        }
        return WithLocation(rel.status(), stmt.relation().location());
      }
      catalog::View renamed = *rel->view;
      if (view().RelationNameTaken(renamed.namespace_oid, stmt.newname())) {
        return Status::Error(sqlstate::kDuplicateTable,
                             "relation \"" + stmt.newname() + "\" already exists");
      }
      std::string old_name = renamed.name;
      std::string schema = catalog::system::NamespaceName(view(), renamed.namespace_oid);
      Oid oid = renamed.oid;
      renamed.name = stmt.newname();
      DB9_RETURN_IF_ERROR(PutView(std::move(renamed)));
      DB9_RETURN_IF_ERROR(RenameInViews(oid, schema, old_name, stmt.newname()));
      channel_.SendCommandComplete("ALTER VIEW");
      return Status::OK();
    }
    case pg_query::OBJECT_INDEX: {
      auto [t, i] = view().ResolveIndex(stmt.relation().schemaname(), stmt.relation().relname(), path);
      if (i == nullptr) {
        return Status::Error(sqlstate::kUndefinedTable,
                             "relation \"" + stmt.relation().relname() + "\" does not exist");
      }
      catalog::Table table = *t;
      Oid index_oid = i->oid;
      for (catalog::Index& idx : table.indexes) {
        if (idx.oid == index_oid) idx.name = stmt.newname();
      }
      for (catalog::Constraint& c : table.constraints) {
        if (c.index_oid == index_oid) c.name = stmt.newname();
      }
      DB9_RETURN_IF_ERROR(PutTable(std::move(table)));
      channel_.SendCommandComplete("ALTER INDEX");
      return Status::OK();
    }
    case pg_query::OBJECT_SEQUENCE: {
      DB9_ASSIGN_OR_RETURN(const catalog::Sequence* seq,
                           view().ResolveSequence(stmt.relation().schemaname(),
                                                  stmt.relation().relname(), path));
      catalog::Sequence copy = *seq;
      copy.name = stmt.newname();
      DB9_RETURN_IF_ERROR(PutSequence(std::move(copy)));
      channel_.SendCommandComplete("ALTER SEQUENCE");
      return Status::OK();
    }
    default: break;
  }
  return Status::Error(sqlstate::kFeatureNotSupported,
                       "feature not supported: ALTER " + pg_query::ObjectType_Name(stmt.rename_type()) +
                           " RENAME");
}

Status DdlExecutor::CreateSequence(const pg_query::CreateSeqStmt& stmt) {
  const pg_query::RangeVar& rv = stmt.sequence();
  DB9_ASSIGN_OR_RETURN(Oid ns, view().CreationNamespace(rv.schemaname(), session_.info_.search_path));
  if (view().RelationNameTaken(ns, rv.relname())) {
    if (stmt.if_not_exists()) {
      channel_.SendNotice(Status::Notice("relation \"" + rv.relname() + "\" already exists, skipping"));
      channel_.SendCommandComplete("CREATE SEQUENCE");
      return Status::OK();
    }
    return Status::Error(sqlstate::kDuplicateTable, "relation \"" + rv.relname() + "\" already exists");
  }
  catalog::Sequence seq;
  DB9_ASSIGN_OR_RETURN(seq.oid, store().AllocateOid());
  seq.name = rv.relname();
  seq.namespace_oid = ns;
  SequenceOptionsTarget target{&seq, /*creating=*/true, &view(), &session_.info_.search_path, {}};
  DB9_RETURN_IF_ERROR(ApplySequenceOptions(stmt.options(), &target));
  DB9_RETURN_IF_ERROR(session_.db_.sequences().Reset(seq.oid));
  DB9_RETURN_IF_ERROR(PutSequence(std::move(seq)));
  channel_.SendCommandComplete("CREATE SEQUENCE");
  return Status::OK();
}

Status DdlExecutor::AlterSequence(const pg_query::AlterSeqStmt& stmt) {
  const pg_query::RangeVar& rv = stmt.sequence();
  Result<const catalog::Sequence*> found =
      view().ResolveSequence(rv.schemaname(), rv.relname(), session_.info_.search_path);
  if (!found.ok()) {
    if (stmt.missing_ok()) {
      channel_.SendNotice(Status::Notice("relation \"" + rv.relname() + "\" does not exist, skipping"));
      channel_.SendCommandComplete("ALTER SEQUENCE");
      return Status::OK();
    }
    return found.status();
  }
  catalog::Sequence seq = **found;
  SequenceOptionsTarget target{&seq, /*creating=*/false, &view(), &session_.info_.search_path, {}};
  DB9_RETURN_IF_ERROR(ApplySequenceOptions(stmt.options(), &target));
  const std::optional<int64_t>& restart = target.restart;
  if (restart) DB9_RETURN_IF_ERROR(session_.db_.sequences().SetValue(seq, *restart, false));
  DB9_RETURN_IF_ERROR(PutSequence(std::move(seq)));
  channel_.SendCommandComplete("ALTER SEQUENCE");
  return Status::OK();
}

}  // namespace db9::sql
