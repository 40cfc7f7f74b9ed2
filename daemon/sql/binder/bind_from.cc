// FROM clause items: tables, views, system relations, CTE references, subqueries,
// functions (set-returning or not, ROWS FROM, WITH ORDINALITY), VALUES, and
// joins (ON / USING / NATURAL); LATERAL items.
#include <set>

#include "daemon/sql/binder/select_binding.h"
#include "daemon/sql/binder/set_function_binding.h"
#include "daemon/sql/exec/cte_scan_op.h"
#include "daemon/sql/exec/function_scan_op.h"
#include "daemon/sql/exec/recursive_union_op.h"
#include "daemon/sql/exec/sequence_scan_op.h"

namespace db9::sql {
namespace {

void ApplyAlias(const pg_query::Alias& alias, FromItem* item) {
  if (!alias.aliasname().empty()) item->alias = alias.aliasname();
  for (int i = 0; i < alias.colnames_size() && i < static_cast<int>(item->scope.columns.size()); ++i) {
    item->scope.columns[i].name = StringValue(alias.colnames(i));
  }
  for (ScopeColumn& c : item->scope.columns) c.relation = item->alias;
}

Scope ScopeOf(const std::vector<OutputColumn>& columns, const std::string& alias) {
  Scope scope;
  for (const OutputColumn& c : columns) {
    scope.columns.push_back({alias, c.name, c.type, c.typmod, c.table_oid, c.attnum, false});
  }
  return scope;
}

// A function in FROM (one, or several in ROWS FROM), its arguments bound
// with `parent` as the enclosing scope.
Result<std::unique_ptr<FromItem>> BindRangeFunction(Binder& binder, const pg_query::RangeFunction& rf,
                                                    const Scope* parent) {
  if (rf.coldeflist_size() > 0) return NotSupported("column definition lists for functions in FROM");
  Scope args_scope;
  args_scope.parent = parent;
  std::vector<SetFunctionCall> calls;
  std::vector<OutputColumn> columns;
  std::string default_alias;
  for (const pg_query::Node& entry : rf.functions()) {
    // Each entry is a list: the call, then its column definition list.
    if (!entry.has_list() || entry.list().items_size() < 1) return NotSupported("this FROM function form");
    if (entry.list().items_size() > 1 && entry.list().items(1).has_list()) {
      return NotSupported("column definition lists for functions in FROM");
    }
    const pg_query::Node& fn = entry.list().items(0);
    // unnest(a, b, ...) in FROM is ROWS FROM (unnest(a), unnest(b), ...).
    std::vector<pg_query::Node> split;
    if (fn.has_func_call() && fn.func_call().args_size() > 1 &&
        StringValue(fn.func_call().funcname(fn.func_call().funcname_size() - 1)) == "unnest") {
      for (const pg_query::Node& arg : fn.func_call().args()) {
        pg_query::Node one = fn;
        one.mutable_func_call()->clear_args();
        *one.mutable_func_call()->add_args() = arg;
        split.push_back(std::move(one));
      }
    }
    std::vector<const pg_query::Node*> parts;
    for (const pg_query::Node& one : split) parts.push_back(&one);
    if (parts.empty()) parts.push_back(&fn);
    for (const pg_query::Node* part : parts) {
      DB9_ASSIGN_OR_RETURN(SetFunctionCall call, BindFromFunction(binder, *part, args_scope));
      if (default_alias.empty()) {
        default_alias = call.columns.size() == 1 ? call.columns[0].name : DefaultColumnName(*part);
      }
      columns.insert(columns.end(), call.columns.begin(), call.columns.end());
      calls.push_back(std::move(call));
    }
  }
  const bool single_column = columns.size() == 1;
  if (rf.ordinality()) columns.push_back({"ordinality", types::oid::kInt8, -1, 0, 0});
  auto item = std::make_unique<FromItem>();
  item->alias = default_alias;
  // A function returning one value takes the table alias as its column
  // name too (FROM generate_series(1, 3) AS g  ->  column g).
  if (single_column && rf.has_alias() && rf.alias().colnames_size() == 0) {
    columns[0].name = rf.alias().aliasname();
  }
  item->scope = ScopeOf(columns, item->alias);
  item->op = std::make_unique<FunctionScanOp>(std::move(calls), rf.ordinality(), columns);
  if (rf.has_alias()) {
    if (rf.alias().colnames_size() > static_cast<int>(columns.size())) {
      return Status::Error(sqlstate::kInvalidColumnReference,
                           "table \"" + rf.alias().aliasname() + "\" has " +
                               std::to_string(columns.size()) + " columns available but " +
                               std::to_string(rf.alias().colnames_size()) + " columns specified");
    }
    ApplyAlias(rf.alias(), item.get());
  }
  for (size_t i = 0; i < item->op->columns.size(); ++i) {
    item->op->columns[i].name = item->scope.columns[i].name;
  }
  return item;
}

// Binds a FROM item that may read earlier FROM items: first with
// `preceding` as its enclosing scope; if it read none of those columns it
// is bound again with `outer`, so it plans as an ordinary (non-lateral)
// item whose outer references count levels as usual.
template <typename BindFn>
Result<std::unique_ptr<FromItem>> BindPossiblyLateral(Binder& binder, const Scope* outer,
                                                      const Scope* preceding, BindFn bind) {
  if (preceding == nullptr || preceding->columns.empty()) return bind(outer);
  binder.outer_scopes_read.erase(preceding);
  DB9_ASSIGN_OR_RETURN(std::unique_ptr<FromItem> item, bind(preceding));
  if (binder.outer_scopes_read.count(preceding) > 0) {
    item->lateral = true;
    return item;
  }
  return bind(outer);
}

// Two sides of a join may not expose the same table name or alias: 42712,
// as PostgreSQL's checkNameSpaceConflicts.
Status CheckDistinctRelationNames(const Scope& left, const Scope& right) {
  std::set<std::string> names;
  for (const ScopeColumn& c : left.columns) {
    if (!c.relation.empty()) names.insert(c.relation);
  }
  for (const ScopeColumn& c : right.columns) {
    if (!c.relation.empty() && names.count(c.relation) > 0) {
      return Status::Error("42712",
                           "table name \"" + c.relation + "\" specified more than once");
    }
  }
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<FromItem>> BindFromItem(Binder& binder, const pg_query::Node& node,
                                               const Scope* outer, const Scope* preceding) {
  const BindContext& ctx = binder.context();
  auto item = std::make_unique<FromItem>();
  if (node.has_range_var()) {
    const pg_query::RangeVar& rv = node.range_var();
    item->alias = rv.relname();
    // CTEs shadow tables; innermost WITH first.
    if (rv.schemaname().empty()) {
      for (auto it = binder.ctes.rbegin(); it != binder.ctes.rend(); ++it) {
        auto found = it->find(rv.relname());
        if (found == it->end()) continue;
        const CteBinding& cte = found->second;
        if (cte.work_table != nullptr) {
          item->op = std::make_unique<WorkTableScanOp>(cte.work_table, cte.columns);
        } else {
          item->op = std::make_unique<CteScanOp>(cte.plan, cte.rows, cte.columns);
        }
        item->scope = ScopeOf(cte.columns, item->alias);
        if (rv.has_alias()) ApplyAlias(rv.alias(), item.get());
        return item;
      }
    }
    Result<catalog::RelationRef> rel =
        ctx.catalog->ResolveRelation(rv.schemaname(), rv.relname(), ctx.session->search_path);
    if (!rel.ok() && rel.status().sqlstate() == "3F000") {
      // In a query an unknown schema is an unknown relation, as in PostgreSQL.
      rel = Status::Error(sqlstate::kUndefinedTable,
                          "relation \"" + rv.schemaname() + "." + rv.relname() + "\" does not exist");
    }
    if (!rel.ok()) {
      // A sequence reads as a one-row relation (last_value, log_cnt,
      // is_called), as in PostgreSQL.
      if (rel.status().sqlstate() != sqlstate::kUndefinedTable) return WithLocation(rel.status(), rv.location());
      Result<const catalog::Sequence*> sequence =
          ctx.catalog->ResolveSequence(rv.schemaname(), rv.relname(), ctx.session->search_path);
      if (!sequence.ok()) return WithLocation(rel.status(), rv.location());
      item->op = std::make_unique<SequenceScanOp>(**sequence);
      item->scope = ScopeOf(item->op->columns, item->alias);
      if (rv.has_alias()) ApplyAlias(rv.alias(), item.get());
      return item;
    }
    if (rel->table != nullptr) {
      item->table = rel->table;
      item->scope = Binder::TableScope(*rel->table, item->alias);
    } else if (rel->view != nullptr) {
      DB9_ASSIGN_OR_RETURN(BoundQuery q, BindView(binder, *rel->view));
      item->op = std::move(q.root);
      item->scope = ScopeOf(q.columns, item->alias);
    } else {
      item->op = std::make_unique<SystemScanOp>(rel->system);
      item->scope = ScopeOf(item->op->columns, item->alias);
    }
    if (rv.has_alias()) ApplyAlias(rv.alias(), item.get());
    return item;
  }
  if (node.has_range_subselect()) {
    const pg_query::RangeSubselect& sub = node.range_subselect();
    if (!sub.has_alias()) {
      return Status::Error(sqlstate::kSyntaxError, "subquery in FROM must have an alias")
          .WithHint("For example, FROM (SELECT ...) [AS] foo.");
    }
    auto bind = [&](const Scope* parent) -> Result<std::unique_ptr<FromItem>> {
      DB9_ASSIGN_OR_RETURN(BoundQuery q, binder.BindSelect(sub.subquery().select_stmt(), parent));
      auto bound = std::make_unique<FromItem>();
      bound->alias = sub.alias().aliasname();
      bound->scope = ScopeOf(q.columns, bound->alias);
      bound->op = std::move(q.root);
      ApplyAlias(sub.alias(), bound.get());
      return bound;
    };
    return BindPossiblyLateral(binder, outer, sub.lateral() ? preceding : nullptr, bind);
  }
  if (node.has_range_function()) {
    // Function arguments may read earlier FROM items with or without the
    // LATERAL keyword, as in PostgreSQL.
    return BindPossiblyLateral(binder, outer, preceding, [&](const Scope* parent) {
      return BindRangeFunction(binder, node.range_function(), parent);
    });
  }
  if (node.has_join_expr()) {
    const pg_query::JoinExpr& j = node.join_expr();
    DB9_ASSIGN_OR_RETURN(item->left, BindFromItem(binder, j.larg(), outer));
    // The right side may read the left side's columns (LATERAL) under an
    // inner or left join only, as PostgreSQL allows.
    Scope left_scope = item->left->scope;
    left_scope.parent = outer;
    bool may_be_lateral = j.jointype() == pg_query::JOIN_INNER || j.jointype() == pg_query::JOIN_LEFT;
    DB9_ASSIGN_OR_RETURN(item->right, BindFromItem(binder, j.rarg(), outer,
                                                   may_be_lateral ? &left_scope : nullptr));
    switch (j.jointype()) {
      case pg_query::JOIN_INNER: item->join_kind = JoinKind::kInner; break;
      case pg_query::JOIN_LEFT: item->join_kind = JoinKind::kLeft; break;
      case pg_query::JOIN_RIGHT: item->join_kind = JoinKind::kRight; break;
      case pg_query::JOIN_FULL: item->join_kind = JoinKind::kFull; break;
      default: return NotSupported("join type " + pg_query::JoinType_Name(j.jointype()));
    }
    DB9_RETURN_IF_ERROR(CheckDistinctRelationNames(item->left->scope, item->right->scope));
    item->scope.columns = item->left->scope.columns;
    const int split = static_cast<int>(item->scope.columns.size());
    item->scope.columns.insert(item->scope.columns.end(), item->right->scope.columns.begin(),
                               item->right->scope.columns.end());
    std::vector<std::string> using_names = StringList(j.using_clause());
    if (j.is_natural()) {
      for (const ScopeColumn& l : item->left->scope.columns) {
        for (const ScopeColumn& r : item->right->scope.columns) {
          if (!l.hidden && !r.hidden && l.name == r.name) using_names.push_back(l.name);
        }
      }
    }
    for (const std::string& name : using_names) {
      int l = -1, r = -1;
      for (int i = 0; i < split; ++i) {
        if (!item->scope.columns[i].hidden && item->scope.columns[i].name == name) l = i;
      }
      for (int i = split; i < static_cast<int>(item->scope.columns.size()); ++i) {
        if (!item->scope.columns[i].hidden && item->scope.columns[i].name == name) r = i;
      }
      if (l < 0 || r < 0) {
        return Status::Error(sqlstate::kUndefinedColumn,
                             "column \"" + name + "\" specified in USING clause does not exist in " +
                                 (l < 0 ? "left" : "right") + " table");
      }
      item->using_pairs.emplace_back(l, r);
      // The merged column is found once by name (the left one).
      item->scope.columns[r].hidden = true;
    }
    if (!item->using_pairs.empty()) {
      // PostgreSQL's column order for USING / NATURAL: the merged columns
      // first, then the left side's others, then the right side's.
      std::vector<bool> merged(item->scope.columns.size(), false);
      for (auto [l, r] : item->using_pairs) {
        item->output_order.push_back(l);
        merged[l] = merged[r] = true;
      }
      for (int i = 0; i < split; ++i) {
        if (!merged[i]) item->output_order.push_back(i);
      }
      for (auto [l, r] : item->using_pairs) item->output_order.push_back(r);
      for (int i = split; i < static_cast<int>(merged.size()); ++i) {
        if (!merged[i]) item->output_order.push_back(i);
      }
      std::vector<ScopeColumn> ordered;
      for (int i : item->output_order) ordered.push_back(item->scope.columns[i]);
      item->scope.columns = std::move(ordered);
    }
    if (j.has_quals()) FlattenAndNodes(j.quals(), &item->on_conjuncts);
    if (j.has_alias()) {
      if (j.alias().colnames_size() > 0) return NotSupported("column aliases on a JOIN");
      for (ScopeColumn& c : item->scope.columns) c.relation = j.alias().aliasname();
    }
    return item;
  }
  return NotSupported(NodeTypeName(node));
}

}  // namespace db9::sql
