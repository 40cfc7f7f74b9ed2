// INSERT (VALUES, SELECT, DEFAULT VALUES, ON CONFLICT, RETURNING), UPDATE
// [FROM] and DELETE [USING], with RETURNING.
#include "daemon/sql/binder/on_conflict_arbiters.h"
#include "daemon/sql/binder/select_binding.h"
#include "daemon/sql/binder/view_dml.h"
#include "daemon/sql/exec/dml_ops.h"

namespace db9::sql {
namespace {

using functions::CoercionContext;

Result<const catalog::Table*> TargetTable(Binder& binder, const pg_query::RangeVar& rv) {
  const BindContext& ctx = binder.context();
  Result<catalog::RelationRef> rel =
      ctx.catalog->ResolveRelation(rv.schemaname(), rv.relname(), ctx.session->search_path);
  if (!rel.ok()) return WithLocation(rel.status(), rv.location());
  if (rel->table == nullptr) {
    return Status::Error(sqlstate::kWrongObjectType,
                         "cannot change relation \"" + rv.relname() + "\"")
        .WithDetail("System relations are read-only.");
  }
  return rel->table;
}

// Converts a value for column `c`, with PostgreSQL's wording on mismatch.
Result<ExprPtr> CoerceToColumn(Binder& binder, ExprPtr e, const catalog::Column& c, int location) {
  Result<ExprPtr> out = binder.Coerce(e, c.type, c.typmod, CoercionContext::kAssignment, location);
  if (out.ok() || out.status().sqlstate() != sqlstate::kDatatypeMismatch) return out;
  const types::TypeRegistry& types = binder.context().registries->types;
  return Status::Error(sqlstate::kDatatypeMismatch,
                       "column \"" + c.name + "\" is of type " + types::FormatType(types, c.type, -1) +
                           " but expression is of type " + types::FormatType(types, e->type, -1))
      .WithHint("You will need to rewrite or cast the expression.")
      .WithPosition(location + 1);
}

Result<ExprPtr> DefaultFor(Binder& binder, const catalog::Column& c) {
  if (c.default_expr.empty()) return ExprPtr(std::make_shared<ConstExpr>(Value::Null(c.type), c.typmod));
  Scope empty;
  DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindStoredExpr(c.default_expr, empty));
  return CoerceToColumn(binder, std::move(e), c, -1);
}

Result<int> ColumnPosition(const catalog::Table& table, const std::string& name, int location) {
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].name == name) return static_cast<int>(i);
  }
  return Status::Error(sqlstate::kUndefinedColumn,
                       "column \"" + name + "\" of relation \"" + table.name + "\" does not exist")
      .WithPosition(location + 1);
}

// RETURNING (or any target list) over `scope`, * expanded.
Result<std::pair<std::vector<ExprPtr>, std::vector<OutputColumn>>> BindTargetList(
    Binder& binder, const google::protobuf::RepeatedPtrField<pg_query::Node>& list,
    const Scope& scope) {
  std::vector<ExprPtr> exprs;
  std::vector<OutputColumn> columns;
  for (const pg_query::Node& n : list) {
    const pg_query::ResTarget& rt = n.res_target();
    if (rt.val().has_column_ref()) {
      const auto& fields = rt.val().column_ref().fields();
      if (!fields.empty() && fields[fields.size() - 1].has_a_star()) {
        std::string relation = fields.size() > 1 ? StringValue(fields[fields.size() - 2]) : "";
        for (size_t i = 0; i < scope.columns.size(); ++i) {
          const ScopeColumn& c = scope.columns[i];
          if (c.hidden || (!relation.empty() && c.relation != relation)) continue;
          exprs.push_back(std::make_shared<ColumnExpr>(static_cast<int>(i), 0, c.type, c.typmod));
          columns.push_back({c.name, c.type, c.typmod, c.table_oid, c.attnum});
        }
        continue;
      }
    }
    DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(rt.val(), scope));
    if (e->type == types::oid::kUnknown) {
      DB9_ASSIGN_OR_RETURN(e, binder.Coerce(std::move(e), types::oid::kText, -1,
                                            CoercionContext::kImplicit, -1));
    }
    OutputColumn oc{rt.name().empty() ? DefaultColumnName(rt.val()) : rt.name(), e->type, e->typmod, 0, 0};
    if (int index = InputColumnIndex(*e); index >= 0) {
      oc.table_oid = scope.columns[index].table_oid;
      oc.attnum = scope.columns[index].attnum;
    }
    columns.push_back(std::move(oc));
    exprs.push_back(std::move(e));
  }
  return std::make_pair(std::move(exprs), std::move(columns));
}

Status IdentityAlwaysError(const catalog::Column& c) {
  return Status::Error("428C9", "cannot insert a non-DEFAULT value into column \"" + c.name + "\"")
      .WithDetail("Column \"" + c.name + "\" is an identity column defined as GENERATED ALWAYS.")
      .WithHint("Use OVERRIDING SYSTEM VALUE to override.");
}

// The UPDATE/DELETE target as the first FROM item, emitting row keys.
std::unique_ptr<FromItem> TargetItem(const catalog::Table& table, const std::string& alias) {
  auto item = std::make_unique<FromItem>();
  item->table = &table;
  item->emit_row_key = true;
  item->alias = alias;
  item->scope = Binder::TableScope(table, alias);
  item->scope.columns.push_back({alias, "ctid", types::oid::kBytea, -1, 0, 0, true});
  return item;
}

// UPDATE's and DELETE's rows: the target table (emitting row keys) joined
// with the FROM / USING items, all visible in one scope.
struct DmlTarget {
  const catalog::Table* table = nullptr;
  std::vector<std::unique_ptr<FromItem>> items;
  Scope scope;
};

Result<DmlTarget> BindDmlTarget(Binder& binder, const pg_query::RangeVar& relation,
                                const google::protobuf::RepeatedPtrField<pg_query::Node>& from) {
  DmlTarget target;
  DB9_ASSIGN_OR_RETURN(target.table, TargetTable(binder, relation));
  std::string alias = relation.has_alias() ? relation.alias().aliasname() : target.table->name;
  target.items.push_back(TargetItem(*target.table, alias));
  target.scope.columns = target.items[0]->scope.columns;
  for (const pg_query::Node& node : from) {
    DB9_ASSIGN_OR_RETURN(std::unique_ptr<FromItem> item, BindFromItem(binder, node, nullptr));
    target.scope.columns.insert(target.scope.columns.end(), item->scope.columns.begin(),
                                item->scope.columns.end());
    target.items.push_back(std::move(item));
  }
  return target;
}

// The plan producing the rows to change, and the WHERE clause to re-check
// on a row's newest version after waiting for its lock (only when the
// target is the sole FROM item: a join's other side is not re-read).
struct DmlInput {
  OperatorPtr input;
  ExprPtr recheck;
};

Result<DmlInput> PlanDmlInput(Binder& binder, DmlTarget& target, bool has_where,
                              const pg_query::Node& where_clause) {
  DmlInput out;
  std::vector<const pg_query::Node*> where;
  if (has_where) FlattenAndNodes(where_clause, &where);
  if (target.items.size() == 1 && has_where) {
    DB9_ASSIGN_OR_RETURN(out.recheck, binder.BindExpr(where_clause, target.scope));
  }
  DB9_ASSIGN_OR_RETURN(out.input, PlanFrom(binder, target.items, target.scope, where));
  return out;
}

}  // namespace

Result<BoundQuery> Binder::BindInsert(const pg_query::InsertStmt& stmt) {
  if (stmt.has_with_clause()) return NotSupported("WITH in INSERT");
  // A statement on a view is bound as the statement on the view's table.
  DB9_ASSIGN_OR_RETURN(std::optional<pg_query::InsertStmt> through, InsertThroughView(*this, stmt));
  if (through) return BindInsert(*through);
  DB9_ASSIGN_OR_RETURN(const catalog::Table* table, TargetTable(*this, stmt.relation()));
  std::string alias = stmt.relation().has_alias() ? stmt.relation().alias().aliasname() : table->name;
  bool overriding = stmt.override() == pg_query::OVERRIDING_SYSTEM_VALUE;

  // Target columns: positions in the table.
  std::vector<int> targets;
  if (stmt.cols_size() == 0) {
    for (size_t i = 0; i < table->columns.size(); ++i) targets.push_back(static_cast<int>(i));
  } else {
    for (const pg_query::Node& n : stmt.cols()) {
      const pg_query::ResTarget& rt = n.res_target();
      if (rt.indirection_size() > 0) return NotSupported("INSERT into subfields or array elements", rt.location());
      DB9_ASSIGN_OR_RETURN(int pos, ColumnPosition(*table, rt.name(), rt.location()));
      for (int t : targets) {
        if (t == pos) {
          return Status::Error(sqlstate::kDuplicateColumn,
                               "column \"" + rt.name() + "\" specified more than once")
              .WithPosition(rt.location() + 1);
        }
      }
      targets.push_back(pos);
    }
  }

  // Per table column: the default (for columns not given).
  const size_t n = table->columns.size();
  std::vector<ExprPtr> defaults(n);
  auto default_of = [&](size_t i) -> Result<ExprPtr> {
    if (!defaults[i]) {
      DB9_ASSIGN_OR_RETURN(defaults[i], DefaultFor(*this, table->columns[i]));
    }
    return defaults[i];
  };

  // The given values fill the target columns in order. Without a column
  // list they may stop early, and the remaining columns take their
  // defaults, as in PostgreSQL; with one they must match it.
  auto fit_targets = [&](size_t given) -> Status {
    if (given > targets.size()) {
      return Status::Error(sqlstate::kSyntaxError, "INSERT has more expressions than target columns");
    }
    if (given < targets.size()) {
      if (stmt.cols_size() > 0) {
        return Status::Error(sqlstate::kSyntaxError, "INSERT has more target columns than expressions");
      }
      targets.resize(given);
    }
    return Status::OK();
  };

  OperatorPtr source;
  Scope empty;
  const bool simple_values = stmt.has_select_stmt() && stmt.select_stmt().select_stmt().values_lists_size() > 0 &&
                             stmt.select_stmt().select_stmt().sort_clause_size() == 0 &&
                             !stmt.select_stmt().select_stmt().has_limit_count() &&
                             !stmt.select_stmt().select_stmt().has_with_clause();
  std::vector<OutputColumn> row_columns;
  for (const catalog::Column& c : table->columns) row_columns.push_back({c.name, c.type, c.typmod, table->oid, c.attnum});
  if (!stmt.has_select_stmt()) {
    // DEFAULT VALUES.
    std::vector<ExprPtr> row;
    for (size_t i = 0; i < n; ++i) {
      DB9_ASSIGN_OR_RETURN(ExprPtr d, default_of(i));
      row.push_back(std::move(d));
    }
    std::vector<std::vector<ExprPtr>> rows;
    rows.push_back(std::move(row));
    source = std::make_unique<ValuesOp>(std::move(rows), row_columns);
  } else if (simple_values) {
    // VALUES rows are coerced straight to the column types (DEFAULT allowed).
    std::vector<std::vector<ExprPtr>> rows;
    const auto& lists = stmt.select_stmt().select_stmt().values_lists();
    for (const pg_query::Node& list : lists) {
      const auto& items = list.list().items();
      if (items.size() != lists[0].list().items_size()) {
        return Status::Error(sqlstate::kSyntaxError, "VALUES lists must all be the same length");
      }
      DB9_RETURN_IF_ERROR(fit_targets(items.size()));
      std::vector<ExprPtr> row(n);
      for (size_t j = 0; j < targets.size(); ++j) {
        const pg_query::Node& item = items[j];
        const catalog::Column& c = table->columns[targets[j]];
        if (item.has_set_to_default()) {
          DB9_ASSIGN_OR_RETURN(row[targets[j]], default_of(targets[j]));
          continue;
        }
        if (c.identity == catalog::Identity::kAlways && !overriding) return IdentityAlwaysError(c);
        DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(item, empty));
        DB9_ASSIGN_OR_RETURN(row[targets[j]], CoerceToColumn(*this, std::move(e), c, -1));
      }
      for (size_t i = 0; i < n; ++i) {
        if (!row[i]) {
          DB9_ASSIGN_OR_RETURN(row[i], default_of(i));
        }
      }
      rows.push_back(std::move(row));
    }
    source = std::make_unique<ValuesOp>(std::move(rows), row_columns);
  } else {
    DB9_ASSIGN_OR_RETURN(BoundQuery q, BindSelect(stmt.select_stmt().select_stmt(), nullptr));
    DB9_RETURN_IF_ERROR(fit_targets(q.columns.size()));
    std::vector<ExprPtr> row(n);
    for (size_t j = 0; j < targets.size(); ++j) {
      const catalog::Column& c = table->columns[targets[j]];
      if (c.identity == catalog::Identity::kAlways && !overriding) return IdentityAlwaysError(c);
      ExprPtr col = std::make_shared<ColumnExpr>(static_cast<int>(j), 0, q.columns[j].type, q.columns[j].typmod);
      DB9_ASSIGN_OR_RETURN(row[targets[j]], CoerceToColumn(*this, std::move(col), c, -1));
    }
    for (size_t i = 0; i < n; ++i) {
      if (!row[i]) {
        DB9_ASSIGN_OR_RETURN(row[i], default_of(i));
      }
    }
    source = std::make_unique<ProjectOp>(std::move(q.root), std::move(row), row_columns);
  }

  InsertOp::OnConflict on_conflict = InsertOp::OnConflict::kError;
  ConflictArbiters arbiters;
  InsertOp::ConflictUpdate update;
  if (stmt.has_on_conflict_clause()) {
    const pg_query::OnConflictClause& oc = stmt.on_conflict_clause();
    DB9_ASSIGN_OR_RETURN(arbiters, InferConflictArbiters(*table, oc));
    if (oc.action() == pg_query::ONCONFLICT_NOTHING) {
      on_conflict = InsertOp::OnConflict::kDoNothing;
    } else {
      on_conflict = InsertOp::OnConflict::kDoUpdate;
      if (!oc.has_infer()) {
        return Status::Error(sqlstate::kSyntaxError,
                             "ON CONFLICT DO UPDATE requires inference specification or constraint name")
            .WithHint("For example, ON CONFLICT (column_name).");
      }
      Scope scope = TableScope(*table, alias);
      Scope excluded = TableScope(*table, "excluded");
      scope.columns.insert(scope.columns.end(), excluded.columns.begin(), excluded.columns.end());
      update.set.resize(n);
      for (const pg_query::Node& t : oc.target_list()) {
        const pg_query::ResTarget& rt = t.res_target();
        DB9_ASSIGN_OR_RETURN(int pos, ColumnPosition(*table, rt.name(), rt.location()));
        if (rt.val().has_set_to_default()) {
          DB9_ASSIGN_OR_RETURN(update.set[pos], default_of(pos));
          continue;
        }
        DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(rt.val(), scope));
        DB9_ASSIGN_OR_RETURN(update.set[pos], CoerceToColumn(*this, std::move(e), table->columns[pos], rt.location()));
      }
      if (oc.has_where_clause()) {
        DB9_ASSIGN_OR_RETURN(update.where, BindExpr(oc.where_clause(), scope));
      }
    }
  }

  std::vector<ExprPtr> returning;
  std::vector<OutputColumn> returning_columns;
  if (stmt.returning_list_size() > 0) {
    Scope scope = TableScope(*table, alias);
    DB9_ASSIGN_OR_RETURN(auto r, BindTargetList(*this, stmt.returning_list(), scope));
    returning = std::move(r.first);
    returning_columns = std::move(r.second);
  }
  DB9_ASSIGN_OR_RETURN(WriteTarget target, PrepareWriteTarget(*table));
  BoundQuery q;
  q.columns = returning_columns;
  q.root = std::make_unique<InsertOp>(std::move(source), std::move(target), on_conflict,
                                      std::move(arbiters), std::move(update), std::move(returning),
                                      std::move(returning_columns));
  return q;
}

Result<BoundQuery> Binder::BindUpdate(const pg_query::UpdateStmt& stmt) {
  if (stmt.has_with_clause()) return NotSupported("WITH in UPDATE");
  DB9_ASSIGN_OR_RETURN(std::optional<pg_query::UpdateStmt> through, UpdateThroughView(*this, stmt));
  if (through) return BindUpdate(*through);
  DB9_ASSIGN_OR_RETURN(DmlTarget dml, BindDmlTarget(*this, stmt.relation(), stmt.from_clause()));
  const catalog::Table* table = dml.table;
  const Scope& scope = dml.scope;
  const size_t n = table->columns.size();
  std::vector<ExprPtr> set(n);
  for (const pg_query::Node& t : stmt.target_list()) {
    const pg_query::ResTarget& rt = t.res_target();
    if (rt.indirection_size() > 0) return NotSupported("UPDATE of subfields or array elements", rt.location());
    if (rt.val().has_multi_assign_ref()) return NotSupported("multiple-column UPDATE assignments", rt.location());
    DB9_ASSIGN_OR_RETURN(int pos, ColumnPosition(*table, rt.name(), rt.location()));
    const catalog::Column& c = table->columns[pos];
    if (set[pos]) {
      return Status::Error(sqlstate::kSyntaxError, "multiple assignments to same column \"" + c.name + "\"");
    }
    if (rt.val().has_set_to_default()) {
      DB9_ASSIGN_OR_RETURN(set[pos], DefaultFor(*this, c));
      continue;
    }
    if (c.identity == catalog::Identity::kAlways) {
      return Status::Error("428C9", "column \"" + c.name + "\" can only be updated to DEFAULT")
          .WithDetail("Column \"" + c.name + "\" is an identity column defined as GENERATED ALWAYS.");
    }
    DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(rt.val(), scope));
    DB9_ASSIGN_OR_RETURN(set[pos], CoerceToColumn(*this, std::move(e), c, rt.location()));
  }
  DB9_ASSIGN_OR_RETURN(DmlInput in,
                       PlanDmlInput(*this, dml, stmt.has_where_clause(), stmt.where_clause()));
  DB9_ASSIGN_OR_RETURN(auto returning, BindTargetList(*this, stmt.returning_list(), scope));
  DB9_ASSIGN_OR_RETURN(WriteTarget target, PrepareWriteTarget(*table));
  BoundQuery q;
  q.columns = returning.second;
  q.root = std::make_unique<UpdateOp>(std::move(in.input), std::move(target), std::move(set),
                                      std::move(in.recheck), std::move(returning.first),
                                      std::move(returning.second));
  return q;
}

Result<BoundQuery> Binder::BindDelete(const pg_query::DeleteStmt& stmt) {
  if (stmt.has_with_clause()) return NotSupported("WITH in DELETE");
  DB9_ASSIGN_OR_RETURN(std::optional<pg_query::DeleteStmt> through, DeleteThroughView(*this, stmt));
  if (through) return BindDelete(*through);
  DB9_ASSIGN_OR_RETURN(DmlTarget dml, BindDmlTarget(*this, stmt.relation(), stmt.using_clause()));
  DB9_ASSIGN_OR_RETURN(DmlInput in,
                       PlanDmlInput(*this, dml, stmt.has_where_clause(), stmt.where_clause()));
  DB9_ASSIGN_OR_RETURN(auto returning, BindTargetList(*this, stmt.returning_list(), dml.scope));
  WriteTarget target;
  target.table = dml.table;
  BoundQuery q;
  q.columns = returning.second;
  q.root = std::make_unique<DeleteOp>(std::move(in.input), std::move(target),
                                      std::move(in.recheck), std::move(returning.first),
                                      std::move(returning.second));
  return q;
}

}  // namespace db9::sql
