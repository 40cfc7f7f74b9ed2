// SELECT: WITH, FROM/WHERE (planned by from_planner), GROUP BY/HAVING with
// aggregates, the target list, DISTINCT, ORDER BY, LIMIT/OFFSET, set
// operations and VALUES.
#include "daemon/functions/type_resolution.h"
#include "daemon/sql/binder/aggregate_binding.h"
#include "daemon/sql/binder/cte_binding.h"
#include "daemon/sql/binder/grouping_sets.h"
#include "daemon/sql/binder/locking_binding.h"
#include "daemon/sql/binder/select_binding.h"
#include "daemon/sql/binder/set_function_binding.h"
#include "daemon/sql/exec/cte_prelude_op.h"
#include "daemon/sql/exec/distinct_on_op.h"
#include "daemon/sql/exec/project_set_op.h"
#include "daemon/sql/exec/projection.h"
#include "daemon/sql/planner/column_use.h"
#include "daemon/sql/binder/window_binding.h"

namespace db9::sql {
namespace {

using functions::CoercionContext;

struct Target {
  const pg_query::Node* node = nullptr;  // null: a column expanded from *
  int star_column = -1;                  // scope position for * columns
  std::string name;
  int location = -1;
};

Scope OutputScope(const std::vector<OutputColumn>& columns, const Scope* outer) {
  Scope scope;
  scope.parent = outer;
  for (const OutputColumn& c : columns) {
    scope.columns.push_back({"", c.name, c.type, c.typmod, c.table_oid, c.attnum, false});
  }
  return scope;
}

Result<ExprPtr> BindLimitValue(Binder& binder, const pg_query::Node& node) {
  if (node.has_a_const() && node.a_const().isnull()) return ExprPtr();  // LIMIT ALL / NULL
  Scope empty;
  DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(node, empty));
  return binder.Coerce(std::move(e), types::oid::kInt8, -1, CoercionContext::kAssignment, -1);
}

// Unknown-typed outputs (SELECT 'x', SELECT $1) become text, as in PostgreSQL.
Result<ExprPtr> ResolveUnknown(Binder& binder, ExprPtr e) {
  if (e->type != types::oid::kUnknown) return e;
  return binder.Coerce(std::move(e), types::oid::kText, -1, CoercionContext::kImplicit, -1);
}

OutputColumn OutputFor(const std::string& name, const ExprPtr& e, const Scope* scope) {
  OutputColumn c{name, e->type, e->typmod, 0, 0};
  if (scope != nullptr) {
    if (int index = InputColumnIndex(*e); index >= 0 && index < static_cast<int>(scope->columns.size())) {
      c.table_oid = scope->columns[index].table_oid;
      c.attnum = scope->columns[index].attnum;
    }
  }
  return c;
}

// ORDER BY / LIMIT over a finished result whose columns are `q.columns`
// (set operations, VALUES): sort keys are expressions over the output row.
Result<BoundQuery> FinishOverOutput(Binder& binder, BoundQuery q, const pg_query::SelectStmt& stmt,
                                    const Scope* outer) {
  if (stmt.sort_clause_size() > 0) {
    Scope scope = OutputScope(q.columns, outer);
    std::vector<SortKey> keys;
    for (const pg_query::Node& s : stmt.sort_clause()) {
      const pg_query::SortBy& sort = s.sort_by();
      ExprPtr e;
      if (sort.node().has_a_const() && sort.node().a_const().has_ival()) {
        int k = sort.node().a_const().ival().ival();
        if (k < 1 || k > static_cast<int>(q.columns.size())) {
          return Status::Error(sqlstate::kInvalidColumnReference,
                               "ORDER BY position " + std::to_string(k) + " is not in select list")
              .WithPosition(sort.location() + 1);
        }
        e = std::make_shared<ColumnExpr>(k - 1, 0, q.columns[k - 1].type, q.columns[k - 1].typmod);
      } else {
        DB9_ASSIGN_OR_RETURN(e, binder.BindExpr(sort.node(), scope));
      }
      bool desc = sort.sortby_dir() == pg_query::SORTBY_DESC;
      bool nulls_first = sort.sortby_nulls() == pg_query::SORTBY_NULLS_FIRST ||
                         (sort.sortby_nulls() != pg_query::SORTBY_NULLS_LAST && desc);
      keys.push_back({std::move(e), desc, nulls_first});
    }
    q.root = std::make_unique<SortOp>(std::move(q.root), std::move(keys));
  }
  if (stmt.has_limit_count() || stmt.has_limit_offset()) {
    ExprPtr limit, offset;
    if (stmt.has_limit_count()) {
      DB9_ASSIGN_OR_RETURN(limit, BindLimitValue(binder, stmt.limit_count()));
    }
    if (stmt.has_limit_offset()) {
      DB9_ASSIGN_OR_RETURN(offset, BindLimitValue(binder, stmt.limit_offset()));
    }
    q.root = std::make_unique<LimitOp>(std::move(q.root), std::move(limit), std::move(offset));
  }
  return q;
}

// Which output columns of a set operation's leaf are untyped literals
// (SELECT 'a', SELECT NULL). PostgreSQL leaves them unknown, so the other
// side decides the column's type (NULL UNION 1 is integer, 1 UNION 'a'
// fails reading 'a' as an integer); the leaf has made them text by now.
std::vector<bool> UntypedLiteralColumns(const pg_query::SelectStmt& leaf, size_t columns) {
  std::vector<bool> literal(columns, false);
  if (leaf.op() != pg_query::SETOP_NONE || leaf.values_lists_size() > 0) return literal;
  for (int i = 0; i < leaf.target_list_size() && static_cast<size_t>(i) < columns; ++i) {
    const pg_query::Node& val = leaf.target_list(i).res_target().val();
    literal[i] = val.has_a_const() && (val.a_const().has_sval() || val.a_const().isnull());
  }
  return literal;
}

// Casts each column of `q` to `types` where they differ; `literal` columns
// (see UntypedLiteralColumns) convert as the literal text would.
Result<BoundQuery> CastColumns(Binder& binder, BoundQuery q, const std::vector<Oid>& types,
                               const std::vector<bool>& literal) {
  bool same = true;
  for (size_t i = 0; i < types.size(); ++i) same &= q.columns[i].type == types[i];
  if (same) return q;
  std::vector<ExprPtr> exprs;
  std::vector<OutputColumn> columns = q.columns;
  for (size_t i = 0; i < types.size(); ++i) {
    ExprPtr col = std::make_shared<ColumnExpr>(static_cast<int>(i), 0, q.columns[i].type,
                                               q.columns[i].typmod);
    DB9_ASSIGN_OR_RETURN(col, binder.Coerce(std::move(col), types[i], -1,
                                            literal[i] ? CoercionContext::kExplicit
                                                       : CoercionContext::kImplicit,
                                            -1));
    exprs.push_back(std::move(col));
    columns[i].type = types[i];
    columns[i].typmod = -1;
  }
  q.root = std::make_unique<ProjectOp>(std::move(q.root), std::move(exprs), columns);
  q.columns = std::move(columns);
  return q;
}

Result<BoundQuery> BindSetOperation(Binder& binder, const pg_query::SelectStmt& stmt,
                                    const Scope* outer) {
  DB9_ASSIGN_OR_RETURN(BoundQuery left, binder.BindSelect(stmt.larg(), outer));
  DB9_ASSIGN_OR_RETURN(BoundQuery right, binder.BindSelect(stmt.rarg(), outer));
  const char* name = stmt.op() == pg_query::SETOP_UNION       ? "UNION"
                     : stmt.op() == pg_query::SETOP_INTERSECT ? "INTERSECT"
                                                              : "EXCEPT";
  if (left.columns.size() != right.columns.size()) {
    return Status::Error(sqlstate::kSyntaxError,
                         std::string("each ") + name + " query must have the same number of columns");
  }
  std::vector<bool> left_literal = UntypedLiteralColumns(stmt.larg(), left.columns.size());
  std::vector<bool> right_literal = UntypedLiteralColumns(stmt.rarg(), right.columns.size());
  std::vector<Oid> types;
  for (size_t i = 0; i < left.columns.size(); ++i) {
    Oid pair[2] = {left_literal[i] ? types::oid::kUnknown : left.columns[i].type,
                   right_literal[i] ? types::oid::kUnknown : right.columns[i].type};
    DB9_ASSIGN_OR_RETURN(Oid t, functions::SelectCommonType(pair, name, *binder.context().registries));
    types.push_back(t);
  }
  DB9_ASSIGN_OR_RETURN(left, CastColumns(binder, std::move(left), types, left_literal));
  DB9_ASSIGN_OR_RETURN(right, CastColumns(binder, std::move(right), types, right_literal));
  BoundQuery q;
  q.columns = left.columns;
  for (OutputColumn& c : q.columns) c.table_oid = 0, c.attnum = 0;
  if (stmt.op() == pg_query::SETOP_UNION && stmt.all()) {
    std::vector<OperatorPtr> inputs;
    inputs.push_back(std::move(left.root));
    inputs.push_back(std::move(right.root));
    q.root = std::make_unique<AppendOp>(std::move(inputs));
  } else {
    SetOpOp::Kind kind = stmt.op() == pg_query::SETOP_UNION       ? SetOpOp::Kind::kUnion
                         : stmt.op() == pg_query::SETOP_INTERSECT ? SetOpOp::Kind::kIntersect
                                                                  : SetOpOp::Kind::kExcept;
    q.root = std::make_unique<SetOpOp>(kind, stmt.all(), std::move(left.root), std::move(right.root));
  }
  q.root->columns = q.columns;
  return FinishOverOutput(binder, std::move(q), stmt, outer);
}

Result<BoundQuery> BindValuesList(Binder& binder, const pg_query::SelectStmt& stmt,
                                  const Scope* outer) {
  Scope scope;
  scope.parent = outer;
  std::vector<std::vector<ExprPtr>> rows;
  size_t width = 0;
  for (const pg_query::Node& list : stmt.values_lists()) {
    std::vector<ExprPtr> row;
    for (const pg_query::Node& item : list.list().items()) {
      DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(item, scope));
      row.push_back(std::move(e));
    }
    if (!rows.empty() && row.size() != width) {
      return Status::Error(sqlstate::kSyntaxError, "VALUES lists must all be the same length");
    }
    width = row.size();
    rows.push_back(std::move(row));
  }
  std::vector<OutputColumn> columns;
  for (size_t c = 0; c < width; ++c) {
    std::vector<Oid> types;
    for (const auto& row : rows) types.push_back(row[c]->type);
    DB9_ASSIGN_OR_RETURN(Oid t, functions::SelectCommonType(types, "VALUES", *binder.context().registries));
    for (auto& row : rows) {
      DB9_ASSIGN_OR_RETURN(row[c], binder.Coerce(std::move(row[c]), t, -1, CoercionContext::kImplicit, -1));
    }
    columns.push_back({"column" + std::to_string(c + 1), t, -1, 0, 0});
  }
  BoundQuery q;
  q.columns = columns;
  q.root = std::make_unique<ValuesOp>(std::move(rows), std::move(columns));
  return FinishOverOutput(binder, std::move(q), stmt, outer);
}

// How firmly a node names its column (PostgreSQL's FigureColnameInternal
// strength): 2 for names from columns, functions and the like, 1 for the
// weak "case" and a cast's type name, 0 for "?column?". A cast or CASE
// keeps a stronger name from inside it.
int NameStrength(const pg_query::Node& node) {
  switch (node.node_case()) {
    case pg_query::Node::kTypeCast:
      return std::max(NameStrength(node.type_cast().arg()), 1);
    case pg_query::Node::kCaseExpr:
      return node.case_expr().has_defresult() && NameStrength(node.case_expr().defresult()) == 2 ? 2 : 1;
    case pg_query::Node::kAIndirection: {
      const auto& items = node.a_indirection().indirection();
      if (!items.empty() && items[items.size() - 1].has_string()) return 2;
      return NameStrength(node.a_indirection().arg());
    }
    default:
      return DefaultColumnName(node) == "?column?" ? 0 : 2;
  }
}

}  // namespace

std::string DefaultColumnName(const pg_query::Node& node) {
  switch (node.node_case()) {
    case pg_query::Node::kColumnRef: {
      const auto& fields = node.column_ref().fields();
      return fields.empty() ? "?column?" : StringValue(fields[fields.size() - 1]);
    }
    case pg_query::Node::kFuncCall: {
      const auto& names = node.func_call().funcname();
      return StringValue(names[names.size() - 1]);
    }
    case pg_query::Node::kTypeCast: {
      // PostgreSQL's FigureColname: a name from a column or function under
      // any number of casts wins; otherwise the outermost cast names the
      // column ('1'::int2::int8 is "int8", not "int2"; CASE ...END::text is
      // "text").
      const pg_query::Node& arg = node.type_cast().arg();
      if (NameStrength(arg) == 2) return DefaultColumnName(arg);
      const auto& names = node.type_cast().type_name().names();
      return names.empty() ? DefaultColumnName(arg) : StringValue(names[names.size() - 1]);
    }
    case pg_query::Node::kCaseExpr:
      // The ELSE branch's name wins when it is a strong one (a column, a call).
      if (node.case_expr().has_defresult() && NameStrength(node.case_expr().defresult()) == 2) {
        return DefaultColumnName(node.case_expr().defresult());
      }
      return "case";
    case pg_query::Node::kCoalesceExpr: return "coalesce";
    case pg_query::Node::kMinMaxExpr:
      return node.min_max_expr().op() == pg_query::IS_GREATEST ? "greatest" : "least";
    case pg_query::Node::kAExpr:
      return node.a_expr().kind() == pg_query::AEXPR_NULLIF ? "nullif" : "?column?";
    case pg_query::Node::kSubLink:
      if (node.sub_link().sub_link_type() == pg_query::EXISTS_SUBLINK) return "exists";
      if (node.sub_link().sub_link_type() == pg_query::ARRAY_SUBLINK) return "array";
      if (node.sub_link().sub_link_type() == pg_query::EXPR_SUBLINK &&
          node.sub_link().subselect().has_select_stmt()) {
        const auto& targets = node.sub_link().subselect().select_stmt().target_list();
        if (targets.size() == 1) {
          const pg_query::ResTarget& t = targets[0].res_target();
          return t.name().empty() ? DefaultColumnName(t.val()) : t.name();
        }
      }
      return "?column?";
    case pg_query::Node::kSqlvalueFunction: {
      switch (node.sqlvalue_function().op()) {
        case pg_query::SVFOP_CURRENT_DATE: return "current_date";
        case pg_query::SVFOP_CURRENT_TIMESTAMP:
        case pg_query::SVFOP_CURRENT_TIMESTAMP_N: return "current_timestamp";
        case pg_query::SVFOP_LOCALTIMESTAMP:
        case pg_query::SVFOP_LOCALTIMESTAMP_N: return "localtimestamp";
        case pg_query::SVFOP_CURRENT_USER: return "current_user";
        case pg_query::SVFOP_SESSION_USER: return "session_user";
        case pg_query::SVFOP_USER: return "user";
        case pg_query::SVFOP_CURRENT_ROLE: return "current_role";
        case pg_query::SVFOP_CURRENT_CATALOG: return "current_catalog";
        case pg_query::SVFOP_CURRENT_SCHEMA: return "current_schema";
        default: return "?column?";
      }
    }
    case pg_query::Node::kAArrayExpr: return "array";
    case pg_query::Node::kGroupingFunc: return "grouping";
    case pg_query::Node::kAIndirection: {
      // a[1] keeps a's name; (row).field is named after the field.
      const auto& items = node.a_indirection().indirection();
      if (!items.empty() && items[items.size() - 1].has_string()) {
        return items[items.size() - 1].string().sval();
      }
      return DefaultColumnName(node.a_indirection().arg());
    }
    case pg_query::Node::kBoolExpr: return "?column?";
    default: return "?column?";
  }
}

Result<BoundQuery> Binder::BindSelect(const pg_query::SelectStmt& stmt, const Scope* outer) {
  size_t cte_depth = ctes.size();
  struct PopCtes {
    Binder& b;
    size_t depth;
    ~PopCtes() { b.ctes.resize(depth); }
  } pop{*this, cte_depth};
  // This SELECT's window calls (BindSelectBody); none until the target
  // list (VALUES, set operations, FROM and WHERE of this level may not
  // have any).
  struct RestoreWindow {
    Binder& b;
    WindowState* saved;
    ~RestoreWindow() { b.window_state = saved; }
  } restore_window{*this, window_state};
  window_state = nullptr;
  // An enclosing SELECT list's set-returning calls are not this query's.
  struct RestoreSetFunctions {
    Binder& b;
    SetFunctionState* saved;
    ~RestoreSetFunctions() { b.set_function_state = saved; }
  } restore_set_functions{*this, std::exchange(set_function_state, nullptr)};
  if (stmt.has_with_clause()) {
    std::vector<OperatorPtr> prelude;
    DB9_RETURN_IF_ERROR(BindWithClause(*this, stmt.with_clause(), outer, &prelude));
    DB9_ASSIGN_OR_RETURN(BoundQuery q, BindSelectBody(stmt, outer));
    if (!prelude.empty()) {
      q.root = std::make_unique<CtePreludeOp>(std::move(prelude), std::move(q.root));
    }
    return q;
  }
  return BindSelectBody(stmt, outer);
}

// The SELECT after its WITH clause (whose frame BindSelect pushed).
Result<BoundQuery> Binder::BindSelectBody(const pg_query::SelectStmt& stmt, const Scope* outer) {
  WindowState window;
  if (stmt.op() == pg_query::SETOP_UNION || stmt.op() == pg_query::SETOP_INTERSECT ||
      stmt.op() == pg_query::SETOP_EXCEPT) {
    RowLocking locking(stmt);
    if (locking.active()) {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           locking.Strength() + " is not allowed with UNION/INTERSECT/EXCEPT");
    }
    return BindSetOperation(*this, stmt, outer);
  }
  if (stmt.values_lists_size() > 0) return BindValuesList(*this, stmt, outer);
  if (stmt.has_into_clause()) return NotSupported("SELECT INTO");

  // FROM and WHERE.
  ColumnUse use;
  if (stmt.from_clause_size() > 0) use = CollectColumnUse(stmt);
  struct RestoreColumnUse {
    Binder& b;
    const ColumnUse* saved;
    ~RestoreColumnUse() { b.column_use = saved; }
  } restore_column_use{*this, std::exchange(column_use, &use)};
  Scope scope;
  scope.parent = outer;
  std::vector<std::unique_ptr<FromItem>> items;
  RowLocking locking(stmt);
  for (const pg_query::Node& from : stmt.from_clause()) {
    DB9_ASSIGN_OR_RETURN(std::unique_ptr<FromItem> item, BindFromItem(*this, from, outer, &scope));
    DB9_RETURN_IF_ERROR(locking.Mark(from, item.get(), scope.columns.size()));
    scope.columns.insert(scope.columns.end(), item->scope.columns.begin(), item->scope.columns.end());
    items.push_back(std::move(item));
  }
  DB9_RETURN_IF_ERROR(locking.CheckAllNamed());
  std::vector<const pg_query::Node*> where;
  if (stmt.has_where_clause()) {
    if (ContainsAggregate(stmt.where_clause(), *ctx_.registries)) {
      return Status::Error(sqlstate::kGroupingError, "aggregate functions are not allowed in WHERE");
    }
    DB9_RETURN_IF_ERROR(CheckNoWindowFunctions(stmt.where_clause(), "WHERE"));
    if (ContainsSetReturning(stmt.where_clause(), *ctx_.registries)) {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "set-returning functions are not allowed in WHERE");
    }
    FlattenAndNodes(stmt.where_clause(), &where);
  }
  OperatorPtr input;
  if (items.empty()) {
    input = std::make_unique<ValuesOp>(std::vector<std::vector<ExprPtr>>(1), std::vector<OutputColumn>{});
    std::vector<ExprPtr> preds;
    for (const pg_query::Node* w : where) {
      DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(*w, scope));
      DB9_ASSIGN_OR_RETURN(e, Coerce(std::move(e), types::oid::kBool, -1, CoercionContext::kImplicit, -1));
      preds.push_back(std::move(e));
    }
    if (!preds.empty()) {
      input = std::make_unique<FilterOp>(std::move(input),
                                         preds.size() == 1 ? preds[0]
                                                           : std::make_shared<BoolExpr>(BoolExpr::Kind::kAnd, preds));
    }
  } else {
    struct RestoreOrderHint {
      Binder& b;
      RowOrder saved;
      ~RestoreOrderHint() { b.order_hint = std::move(saved); }
    } restore_order_hint{*this, std::exchange(order_hint, items.size() == 1 ? OrderHint(stmt, *items[0])
                                                                            : RowOrder{})};
    DB9_ASSIGN_OR_RETURN(input, PlanFrom(*this, items, scope, where));
  }

  // The target list, with * expanded.
  std::vector<Target> targets;
  for (const pg_query::Node& t : stmt.target_list()) {
    const pg_query::ResTarget& rt = t.res_target();
    if (rt.val().has_column_ref()) {
      const auto& fields = rt.val().column_ref().fields();
      if (!fields.empty() && fields[fields.size() - 1].has_a_star()) {
        std::string relation = fields.size() > 1 ? StringValue(fields[fields.size() - 2]) : "";
        if (items.empty()) {
          return Status::Error(sqlstate::kSyntaxError, "SELECT * with no tables specified is not valid")
              .WithPosition(rt.location() + 1);
        }
        bool any = false;
        for (size_t i = 0; i < scope.columns.size(); ++i) {
          const ScopeColumn& c = scope.columns[i];
          if (c.hidden || (!relation.empty() && c.relation != relation)) continue;
          targets.push_back({nullptr, static_cast<int>(i), c.name, rt.location()});
          any = true;
        }
        if (!any && !relation.empty()) {
          return Status::Error(sqlstate::kUndefinedTable,
                               "missing FROM-clause entry for table \"" + relation + "\"")
              .WithPosition(rt.location() + 1);
        }
        continue;
      }
    }
    targets.push_back({&rt.val(), -1, rt.name().empty() ? DefaultColumnName(rt.val()) : rt.name(),
                       rt.location()});
  }

  bool grouped = stmt.group_clause_size() > 0 ||
                 (stmt.has_having_clause());
  for (const Target& t : targets) {
    if (t.node && ContainsAggregate(*t.node, *ctx_.registries)) grouped = true;
  }
  for (const pg_query::Node& s : stmt.sort_clause()) {
    if (ContainsAggregate(s.sort_by().node(), *ctx_.registries)) grouped = true;
  }

  // Window functions: allowed in the target list and ORDER BY only.
  for (const pg_query::Node& g : stmt.group_clause()) {
    DB9_RETURN_IF_ERROR(CheckNoWindowFunctions(g, "GROUP BY"));
  }
  if (stmt.has_having_clause()) {
    DB9_RETURN_IF_ERROR(CheckNoWindowFunctions(stmt.having_clause(), "HAVING"));
  }
  DB9_RETURN_IF_ERROR(CheckWindowClause(stmt.window_clause()));
  window.named = &stmt.window_clause();
  window_state = &window;

  AggregateState agg_state;
  agg_state.input_scope = &scope;
  DB9_ASSIGN_OR_RETURN(GroupingExpansion grouping, ExpandGroupBy(stmt.group_clause()));
  if (grouped) {
    for (const pg_query::Node* item : grouping.items) {
      const pg_query::Node& g = *item;
      const pg_query::Node* node = &g;
      if (g.has_a_const() && g.a_const().has_ival()) {
        int k = g.a_const().ival().ival();
        if (k < 1 || k > static_cast<int>(targets.size())) {
          return Status::Error(sqlstate::kInvalidColumnReference,
                               "GROUP BY position " + std::to_string(k) + " is not in select list");
        }
        const Target& t = targets[k - 1];
        if (t.node == nullptr) {
          const ScopeColumn& c = scope.columns[t.star_column];
          agg_state.group_keys.push_back("*" + std::to_string(t.star_column));
          agg_state.group_exprs.push_back(std::make_shared<ColumnExpr>(t.star_column, 0, c.type, c.typmod));
          continue;
        }
        node = t.node;
      } else if (g.has_column_ref() && g.column_ref().fields_size() == 1) {
        // A bare name not in FROM may name an output column (GROUP BY alias).
        std::string name = StringValue(g.column_ref().fields(0));
        bool in_scope = false;
        for (const ScopeColumn& c : scope.columns) in_scope |= !c.hidden && c.name == name;
        if (!in_scope) {
          for (const Target& t : targets) {
            if (t.node && t.name == name) node = t.node;
          }
        }
      } else if (!g.has_column_ref() && !g.has_a_expr() && !g.has_func_call() && !g.has_type_cast() &&
                 !g.has_case_expr() && !g.has_coalesce_expr()) {
        return NotSupported("GROUP BY " + NodeTypeName(g));
      }
      DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(*node, scope));
      agg_state.group_keys.push_back(NodeKey(*node));
      agg_state.group_exprs.push_back(std::move(e));
    }
    aggregate_state = &agg_state;
  }
  struct ClearAgg {
    Binder& b;
    ~ClearAgg() { b.aggregate_state = nullptr; }
  } clear_agg{*this};

  std::vector<ExprPtr> exprs;
  std::vector<OutputColumn> columns;
  const Scope* column_scope = grouped ? nullptr : &scope;
  // Set-returning calls in the target list and ORDER BY (not HAVING).
  SetFunctionState set_functions;
  set_function_state = &set_functions;
  for (const Target& t : targets) {
    ExprPtr e;
    if (t.node == nullptr) {
      const ScopeColumn& c = scope.columns[t.star_column];
      if (grouped) {
        bool found = false;
        for (size_t i = 0; i < agg_state.group_exprs.size() && !found; ++i) {
          auto* g = dynamic_cast<const ColumnExpr*>(agg_state.group_exprs[i].get());
          if (g && g->levels_up == 0 && g->index == t.star_column) {
            e = std::make_shared<ColumnExpr>(static_cast<int>(i), 0, c.type, c.typmod);
            found = true;
          }
        }
        if (!found) {
          return Status::Error(sqlstate::kGroupingError,
                               "column \"" + c.relation + "." + c.name +
                                   "\" must appear in the GROUP BY clause or be used in an aggregate function")
              .WithPosition(t.location + 1);
        }
      } else {
        e = std::make_shared<ColumnExpr>(t.star_column, 0, c.type, c.typmod);
      }
    } else {
      DB9_ASSIGN_OR_RETURN(e, BindExpr(*t.node, scope));
    }
    DB9_ASSIGN_OR_RETURN(e, ResolveUnknown(*this, std::move(e)));
    columns.push_back(OutputFor(t.name, e, column_scope));
    exprs.push_back(std::move(e));
  }

  ExprPtr having;
  set_function_state = nullptr;
  if (stmt.has_having_clause()) {
    DB9_ASSIGN_OR_RETURN(having, BindExpr(stmt.having_clause(), scope));
    DB9_ASSIGN_OR_RETURN(having, Coerce(std::move(having), types::oid::kBool, -1,
                                        CoercionContext::kImplicit, -1));
  }

  // ORDER BY: output columns by position or name, else expressions added as
  // hidden (junk) columns of the projection.
  const size_t visible = exprs.size();
  std::vector<SortKey> sort_keys;
  set_function_state = &set_functions;
  for (const pg_query::Node& s : stmt.sort_clause()) {
    const pg_query::SortBy& sort = s.sort_by();
    if (sort.sortby_dir() == pg_query::SORTBY_USING) return NotSupported("ORDER BY ... USING", sort.location());
    int position = -1;
    const pg_query::Node& n = sort.node();
    if (n.has_a_const() && n.a_const().has_ival()) {
      int k = n.a_const().ival().ival();
      if (k < 1 || k > static_cast<int>(visible)) {
        return Status::Error(sqlstate::kInvalidColumnReference,
                             "ORDER BY position " + std::to_string(k) + " is not in select list")
            .WithPosition(sort.location() + 1);
      }
      position = k - 1;
    } else if (n.has_column_ref() && n.column_ref().fields_size() == 1 &&
               n.column_ref().fields(0).has_string()) {
      std::string name = StringValue(n.column_ref().fields(0));
      for (size_t i = 0; i < visible; ++i) {
        if (columns[i].name == name) {
          position = static_cast<int>(i);
          break;
        }
      }
    }
    if (position < 0) {
      // The same expression as a target reuses it.
      std::string key = NodeKey(n);
      for (size_t i = 0; i < targets.size() && position < 0; ++i) {
        if (targets[i].node && NodeKey(*targets[i].node) == key) position = static_cast<int>(i);
      }
    }
    if (position < 0) {
      if (stmt.distinct_clause_size() > 0 &&
          stmt.distinct_clause(0).node_case() == pg_query::Node::NODE_NOT_SET) {
        return Status::Error(sqlstate::kInvalidColumnReference,
                             "for SELECT DISTINCT, ORDER BY expressions must appear in select list")
            .WithPosition(sort.location() + 1);
      }
      DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(n, scope));
      position = static_cast<int>(exprs.size());
      columns.push_back(OutputFor("?junk?", e, nullptr));
      exprs.push_back(std::move(e));
    }
    bool desc = sort.sortby_dir() == pg_query::SORTBY_DESC;
    bool nulls_first = sort.sortby_nulls() == pg_query::SORTBY_NULLS_FIRST ||
                       (sort.sortby_nulls() != pg_query::SORTBY_NULLS_LAST && desc);
    sort_keys.push_back({std::make_shared<ColumnExpr>(position, 0, exprs[position]->type, -1), desc,
                         nulls_first});
  }

  std::vector<int> distinct_on;
  if (stmt.distinct_clause_size() > 0 &&
      stmt.distinct_clause(0).node_case() != pg_query::Node::NODE_NOT_SET) {
    std::vector<const pg_query::Node*> target_nodes;
    for (const Target& t : targets) target_nodes.push_back(t.node);
    DB9_ASSIGN_OR_RETURN(distinct_on, BindDistinctOnKeys(*this, stmt, scope, target_nodes, sort_keys,
                                                         &exprs, &columns, visible));
    DB9_RETURN_IF_ERROR(CheckDistinctOnOrder(distinct_on, sort_keys));
  }
  set_function_state = nullptr;
  const bool has_windows = !window.calls.empty();
  const bool has_set_functions = !set_functions.calls.empty();
  DB9_RETURN_IF_ERROR(locking.CheckQueryShape(grouped, has_windows, has_set_functions));
  // Row locks: the FROM row rides along behind the projection, for the
  // locked tables' row keys and for re-evaluating a row that changed while
  // LockRowsOp waited for it.
  std::vector<ExprPtr> lock_projection;
  ExprPtr lock_recheck;
  if (!locking.tables().empty()) {
    lock_projection = exprs;
    for (size_t i = 0; i < scope.columns.size(); ++i) {
      const ScopeColumn& c = scope.columns[i];
      exprs.push_back(std::make_shared<ColumnExpr>(static_cast<int>(i), 0, c.type, c.typmod));
      columns.push_back({"?from?", c.type, c.typmod, 0, 0});
    }
    if (stmt.has_where_clause()) {
      DB9_ASSIGN_OR_RETURN(lock_recheck, BindExpr(stmt.where_clause(), scope));
      DB9_ASSIGN_OR_RETURN(lock_recheck, Coerce(std::move(lock_recheck), types::oid::kBool, -1,
                                                CoercionContext::kImplicit, -1));
    }
  }
  size_t window_input_width = scope.columns.size();  // the row the window operator reads
  if (grouped) {
    std::vector<OutputColumn> agg_columns;
    for (const ExprPtr& g : agg_state.group_exprs) agg_columns.push_back({"?group?", g->type, g->typmod, 0, 0});
    for (const AggregateCall& c : agg_state.calls) agg_columns.push_back({"?agg?", c.result_type, -1, 0, 0});
    window_input_width = agg_columns.size();
    auto aggregate = std::make_unique<HashAggregateOp>(std::move(input), agg_state.group_exprs,
                                                       std::move(agg_state.calls), std::move(agg_columns));
    if (!grouping.sets.empty()) aggregate->SetGroupingSets(grouping.sets);
    input = std::move(aggregate);
    if (having) input = std::make_unique<FilterOp>(std::move(input), std::move(having));
  }
  aggregate_state = nullptr;
  if (!window.calls.empty()) {
    input = PlanWindows(window, std::move(input), window_input_width);
  }
  window_state = nullptr;  // LIMIT / OFFSET may not call window functions
  if (!set_functions.calls.empty()) {
    PlaceSetFunctionColumns(set_functions, input->columns.size());
    input = std::make_unique<ProjectSetOp>(std::move(input), std::move(set_functions.calls));
  }

  BoundQuery q;
  OperatorPtr root = MakeProjection(std::move(input), exprs, columns);
  if (stmt.distinct_clause_size() > 0 && distinct_on.empty()) {
    root = std::make_unique<DistinctOp>(std::move(root), static_cast<int>(visible));
  }
  const bool sorted_by_scan = items.size() == 1 && !grouped && !has_windows && !has_set_functions &&
                              stmt.distinct_clause_size() == 0 &&
                              OrderProvided(*items[0], sort_keys, exprs);
  if (!sort_keys.empty() && !sorted_by_scan) {
    root = std::make_unique<SortOp>(std::move(root), std::move(sort_keys));
  }
  if (!locking.tables().empty()) {
    root = std::make_unique<LockRowsOp>(std::move(root), locking.tables(), std::move(lock_projection),
                                        std::move(lock_recheck));
  }
  if (!distinct_on.empty()) root = std::make_unique<DistinctOnOp>(std::move(root), std::move(distinct_on));
  if (stmt.has_limit_count() || stmt.has_limit_offset()) {
    ExprPtr limit, offset;
    if (stmt.has_limit_count()) {
      DB9_ASSIGN_OR_RETURN(limit, BindLimitValue(*this, stmt.limit_count()));
    }
    if (stmt.has_limit_offset()) {
      DB9_ASSIGN_OR_RETURN(offset, BindLimitValue(*this, stmt.limit_offset()));
    }
    root = std::make_unique<LimitOp>(std::move(root), std::move(limit), std::move(offset));
  }
  columns.resize(visible);
  if (exprs.size() > visible) {
    std::vector<ExprPtr> strip;
    for (size_t i = 0; i < visible; ++i) {
      strip.push_back(std::make_shared<ColumnExpr>(static_cast<int>(i), 0, columns[i].type, columns[i].typmod));
    }
    root = std::make_unique<ProjectOp>(std::move(root), std::move(strip), columns);
  }
  q.root = std::move(root);
  q.columns = std::move(columns);
  return q;
}

}  // namespace db9::sql
