// FROM clause items: tables, system relations, CTE references, subqueries,
// VALUES, and joins (ON / USING / NATURAL).
#include "daemon/sql/binder/select_binding.h"

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

}  // namespace

Result<std::unique_ptr<FromItem>> BindFromItem(Binder& binder, const pg_query::Node& node,
                                               const Scope* outer) {
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
        item->op = std::make_unique<MaterializedScanOp>(cte.plan, cte.rows, cte.columns);
        item->scope = ScopeOf(cte.columns, item->alias);
        if (rv.has_alias()) ApplyAlias(rv.alias(), item.get());
        return item;
      }
    }
    Result<catalog::RelationRef> rel =
        ctx.catalog->ResolveRelation(rv.schemaname(), rv.relname(), ctx.session->search_path);
    if (!rel.ok()) {
      // A sequence reads as a one-row relation in PostgreSQL; not here yet.
      return WithLocation(rel.status(), rv.location());
    }
    if (rel->table != nullptr) {
      item->table = rel->table;
      item->scope = Binder::TableScope(*rel->table, item->alias);
    } else {
      item->op = std::make_unique<SystemScanOp>(rel->system);
      item->scope = ScopeOf(item->op->columns, item->alias);
    }
    if (rv.has_alias()) ApplyAlias(rv.alias(), item.get());
    return item;
  }
  if (node.has_range_subselect()) {
    const pg_query::RangeSubselect& sub = node.range_subselect();
    if (sub.lateral()) return NotSupported("LATERAL subqueries");
    if (!sub.has_alias()) {
      return Status::Error(sqlstate::kSyntaxError, "subquery in FROM must have an alias")
          .WithHint("For example, FROM (SELECT ...) [AS] foo.");
    }
    DB9_ASSIGN_OR_RETURN(BoundQuery q, binder.BindSelect(sub.subquery().select_stmt(), outer));
    item->alias = sub.alias().aliasname();
    item->scope = ScopeOf(q.columns, item->alias);
    item->op = std::move(q.root);
    ApplyAlias(sub.alias(), item.get());
    return item;
  }
  if (node.has_join_expr()) {
    const pg_query::JoinExpr& j = node.join_expr();
    DB9_ASSIGN_OR_RETURN(item->left, BindFromItem(binder, j.larg(), outer));
    DB9_ASSIGN_OR_RETURN(item->right, BindFromItem(binder, j.rarg(), outer));
    switch (j.jointype()) {
      case pg_query::JOIN_INNER: item->join_kind = JoinKind::kInner; break;
      case pg_query::JOIN_LEFT: item->join_kind = JoinKind::kLeft; break;
      case pg_query::JOIN_RIGHT: item->join_kind = JoinKind::kRight; break;
      case pg_query::JOIN_FULL: item->join_kind = JoinKind::kFull; break;
      default: return NotSupported("join type " + pg_query::JoinType_Name(j.jointype()));
    }
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
    if (j.has_quals()) FlattenAndNodes(j.quals(), &item->on_conjuncts);
    if (j.has_alias()) {
      if (j.alias().colnames_size() > 0) return NotSupported("column aliases on a JOIN");
      for (ScopeColumn& c : item->scope.columns) c.relation = j.alias().aliasname();
    }
    return item;
  }
  if (node.has_range_function()) return NotSupported("functions in FROM");
  return NotSupported(NodeTypeName(node));
}

}  // namespace db9::sql
