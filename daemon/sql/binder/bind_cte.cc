// WITH: each CTE is bound once and read through a shared store by every
// reference. WITH RECURSIVE: the non-recursive term fixes the column types;
// the recursive term is bound with the CTE's name reading the work table,
// and its columns must agree with those types (PostgreSQL's 42804
// otherwise, with its hint to cast the non-recursive term).
// Data-modifying CTEs bind like the statements themselves; their
// RETURNING list is the CTE's columns.
#include <google/protobuf/reflection.h>

#include "daemon/functions/type_resolution.h"
#include "daemon/sql/binder/cte_binding.h"
#include "daemon/sql/exec/cte_scan_op.h"
#include "daemon/sql/exec/recursive_union_op.h"

namespace db9::sql {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// Counts RangeVar nodes naming `name` without a schema; with
// `in_sublinks_only`, only those inside a subquery expression (SubLink).
int CountReferences(const Message& message, const std::string& name,
                    bool in_sublinks_only = false, bool in_sublink = false) {
  int count = 0;
  if (auto* node = dynamic_cast<const pg_query::Node*>(&message); node != nullptr) {
    if (node->has_range_var()) {
      const pg_query::RangeVar& rv = node->range_var();
      bool counted = !in_sublinks_only || in_sublink;
      return counted && rv.schemaname().empty() && rv.relname() == name ? 1 : 0;
    }
    in_sublink |= node->has_sub_link();
  }
  const google::protobuf::Descriptor* d = message.GetDescriptor();
  const google::protobuf::Reflection* r = message.GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int j = 0; j < r->FieldSize(message, f); ++j) {
        count += CountReferences(r->GetRepeatedMessage(message, f, j), name, in_sublinks_only,
                                 in_sublink);
      }
    } else if (r->HasField(message, f)) {
      count += CountReferences(r->GetMessage(message, f), name, in_sublinks_only, in_sublink);
    }
  }
  return count;
}

Status InvalidRecursion(const std::string& message, int location) {
  return Status::Error("42P19", message).WithPosition(location + 1);
}

}  // namespace

bool ReferencesRelation(const pg_query::Node& query, const std::string& name) {
  return CountReferences(query, name) > 0;
}

Status BindRecursiveCte(Binder& binder, const pg_query::CommonTableExpr& cte, const Scope* outer) {
  const std::string& name = cte.ctename();
  const pg_query::SelectStmt& stmt = cte.ctequery().select_stmt();
  if (stmt.op() != pg_query::SETOP_UNION) {
    return InvalidRecursion("recursive query \"" + name +
                                "\" does not have the form non-recursive-term UNION [ALL] recursive-term",
                            cte.location());
  }
  if (CountReferences(stmt.larg(), name) > 0) {
    return InvalidRecursion("recursive reference to query \"" + name +
                                "\" must not appear within its non-recursive term",
                            cte.location());
  }
  if (CountReferences(stmt.rarg(), name) > 1) {
    return InvalidRecursion("recursive reference to query \"" + name +
                                "\" must not appear more than once",
                            cte.location());
  }
  // A subquery expression may run once and cache its answer, which would
  // not follow the work table from round to round.
  if (CountReferences(stmt.rarg(), name, /*in_sublinks_only=*/true) > 0) {
    return InvalidRecursion("recursive reference to query \"" + name +
                                "\" must not appear within a subquery",
                            cte.location());
  }
  if (stmt.sort_clause_size() > 0) {
    return NotSupported("ORDER BY in a recursive query", cte.location());
  }
  if (stmt.has_limit_count() || stmt.has_limit_offset()) {
    return NotSupported("OFFSET/LIMIT in a recursive query", cte.location());
  }
  if (stmt.has_with_clause()) return NotSupported("WITH inside a recursive query", cte.location());

  DB9_ASSIGN_OR_RETURN(BoundQuery initial, binder.BindSelect(stmt.larg(), outer));
  std::vector<OutputColumn> columns = initial.columns;
  if (cte.aliascolnames_size() > static_cast<int>(columns.size())) {
    return Status::Error(sqlstate::kInvalidColumnReference,
                         "WITH query \"" + name + "\" has " + std::to_string(columns.size()) +
                             " columns available but " + std::to_string(cte.aliascolnames_size()) +
                             " columns specified")
        .WithPosition(cte.location() + 1);
  }
  for (int i = 0; i < cte.aliascolnames_size(); ++i) {
    columns[i].name = StringValue(cte.aliascolnames(i));
  }
  for (OutputColumn& c : columns) c.table_oid = 0, c.attnum = 0;

  auto work_table = std::make_shared<WorkTable>();
  CteBinding& binding = binder.ctes.back()[name];
  binding = CteBinding{};
  binding.columns = columns;
  binding.work_table = work_table;
  DB9_ASSIGN_OR_RETURN(BoundQuery step, binder.BindSelect(stmt.rarg(), outer));
  if (step.columns.size() != columns.size()) {
    return Status::Error(sqlstate::kSyntaxError, "each UNION query must have the same number of columns");
  }
  // The recursive term's columns take the non-recursive term's types when
  // those are the pair's common type; anything else is PostgreSQL's error.
  const functions::Registries& r = *binder.context().registries;
  bool cast = false;
  std::vector<ExprPtr> exprs;
  for (size_t i = 0; i < columns.size(); ++i) {
    ExprPtr col = std::make_shared<ColumnExpr>(static_cast<int>(i), 0, step.columns[i].type,
                                               step.columns[i].typmod);
    if (step.columns[i].type != columns[i].type) {
      Oid pair[2] = {columns[i].type, step.columns[i].type};
      Result<Oid> common = functions::SelectCommonType(pair, "UNION", r);
      if (!common.ok() || *common != columns[i].type) {
        return Status::Error(sqlstate::kDatatypeMismatch,
                             "recursive query \"" + name + "\" column " + std::to_string(i + 1) +
                                 " has type " + types::FormatType(r.types, columns[i].type, columns[i].typmod) +
                                 " in non-recursive term but type " +
                                 types::FormatType(r.types, common.ok() ? *common : step.columns[i].type, -1) +
                                 " overall")
            .WithHint("Cast the output of the non-recursive term to the correct type.")
            .WithPosition(cte.location() + 1);
      }
      DB9_ASSIGN_OR_RETURN(col, binder.Coerce(std::move(col), columns[i].type, -1,
                                              functions::CoercionContext::kImplicit, -1));
      cast = true;
    }
    exprs.push_back(std::move(col));
  }
  OperatorPtr step_plan = std::move(step.root);
  if (cast) step_plan = std::make_unique<ProjectOp>(std::move(step_plan), std::move(exprs), columns);

  // Looked up again: binding the terms pushed and popped CTE frames, which
  // may have moved the frame vector (the reference above is stale).
  CteBinding& done = binder.ctes.back()[name];
  done.work_table = nullptr;
  done.plan = std::make_unique<RecursiveUnionOp>(std::move(initial.root), std::move(step_plan),
                                                 work_table, !stmt.all());
  done.plan->columns = columns;
  done.rows = std::make_shared<MaterializedRows>();
  done.columns = columns;
  return Status::OK();
}

Status BindWithClause(Binder& binder, const pg_query::WithClause& with, const Scope* outer,
                      std::vector<OperatorPtr>* prelude) {
  binder.ctes.emplace_back();
  for (const pg_query::Node& n : with.ctes()) {
    const pg_query::CommonTableExpr& cte = n.common_table_expr();
    if (binder.ctes.back().count(cte.ctename()) > 0) {
      return Status::Error("42712",  // duplicate_alias
                           "WITH query name \"" + cte.ctename() + "\" specified more than once")
          .WithPosition(cte.location() + 1);
    }
    const pg_query::Node& query = cte.ctequery();
    // Inside a subquery that runs once per outer row, the change would run
    // as many times; PostgreSQL allows it only at the top level.
    if (!query.has_select_stmt() && outer != nullptr) {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "WITH clause containing a data-modifying statement must be at the top level")
          .WithPosition(cte.location() + 1);
    }
    if (with.recursive() && query.has_select_stmt() && ReferencesRelation(query, cte.ctename())) {
      DB9_RETURN_IF_ERROR(BindRecursiveCte(binder, cte, outer));
      continue;
    }
    Result<BoundQuery> bound = query.has_select_stmt() ? binder.BindSelect(query.select_stmt(), outer)
                               : query.has_insert_stmt() ? binder.BindInsert(query.insert_stmt())
                               : query.has_update_stmt() ? binder.BindUpdate(query.update_stmt())
                               : query.has_delete_stmt() ? binder.BindDelete(query.delete_stmt())
                                                         : Result<BoundQuery>(NotSupported(
                                                               NodeTypeName(query) + " in WITH", cte.location()));
    if (!bound.ok()) return bound.status();
    CteBinding binding;
    binding.columns = bound->columns;
    if (cte.aliascolnames_size() > static_cast<int>(binding.columns.size())) {
      return Status::Error(sqlstate::kInvalidColumnReference,
                           "WITH query \"" + cte.ctename() + "\" has " +
                               std::to_string(binding.columns.size()) + " columns available but " +
                               std::to_string(cte.aliascolnames_size()) + " columns specified")
          .WithPosition(cte.location() + 1);
    }
    for (int i = 0; i < cte.aliascolnames_size(); ++i) {
      binding.columns[i].name = StringValue(cte.aliascolnames(i));
    }
    binding.plan = std::move(bound->root);
    binding.rows = std::make_shared<MaterializedRows>();
    if (!query.has_select_stmt()) {
      prelude->push_back(std::make_unique<CteScanOp>(binding.plan, binding.rows, binding.columns));
    }
    binder.ctes.back()[cte.ctename()] = std::move(binding);
  }
  return Status::OK();
}

}  // namespace db9::sql
