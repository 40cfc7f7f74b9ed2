#include "daemon/sql/planner/from_planner.h"

#include "daemon/sql/exec/gin_scan_op.h"
#include "daemon/sql/exec/lateral_join_op.h"
#include "daemon/sql/planner/access_path.h"
#include "daemon/sql/planner/column_use.h"
#include "daemon/sql/planner/vector_order_path.h"

namespace db9::sql {
namespace {

struct Conjunct {
  const pg_query::Node* node;
  ExprPtr expr;          // over the full scope
  std::set<int> columns; // level-0 columns it reads
  bool has_subquery = false;
  bool placed = false;
};

ExprPtr AndOf(std::vector<ExprPtr> exprs) {
  if (exprs.empty()) return nullptr;
  if (exprs.size() == 1) return exprs[0];
  return std::make_shared<BoolExpr>(BoolExpr::Kind::kAnd, std::move(exprs));
}

// If `expr` is `left_col = right_col` with one column below `split` and one
// at or above it, returns the key pair (left local, right local).
std::optional<std::pair<ExprPtr, ExprPtr>> HashKeys(const ExprPtr& expr, int split) {
  auto* op = dynamic_cast<const OpExpr*>(expr.get());
  if (op == nullptr || op->args.size() != 2 || op->op->kind != functions::OperatorKind::kEqual) {
    return std::nullopt;
  }
  auto* a = dynamic_cast<const ColumnExpr*>(op->args[0].get());
  auto* b = dynamic_cast<const ColumnExpr*>(op->args[1].get());
  if (a == nullptr || b == nullptr || a->levels_up != 0 || b->levels_up != 0) return std::nullopt;
  if (a->type != b->type) return std::nullopt;  // group keys compare same-typed values only
  if (a->index >= split && b->index < split) std::swap(a, b);
  if (!(a->index < split && b->index >= split)) return std::nullopt;
  return std::make_pair(ExprPtr(std::make_shared<ColumnExpr>(a->index, 0, a->type, a->typmod)),
                        ExprPtr(std::make_shared<ColumnExpr>(b->index - split, 0, b->type, b->typmod)));
}

// Joins `left` and `right` on `conditions` (over the combined row).
OperatorPtr MakeJoin(JoinKind kind, OperatorPtr left, OperatorPtr right,
                     const std::vector<ExprPtr>& conditions) {
  int split = static_cast<int>(left->columns.size());
  std::vector<ExprPtr> left_keys, right_keys, residual;
  for (const ExprPtr& c : conditions) {
    std::vector<ExprPtr> flat;
    FlattenConjuncts(c, &flat);
    for (const ExprPtr& f : flat) {
      if (auto keys = HashKeys(f, split)) {
        left_keys.push_back(keys->first);
        right_keys.push_back(keys->second);
      } else {
        residual.push_back(f);
      }
    }
  }
  if (!left_keys.empty()) {
    return std::make_unique<HashJoinOp>(kind, std::move(left), std::move(right),
                                        std::move(left_keys), std::move(right_keys),
                                        AndOf(std::move(residual)));
  }
  return std::make_unique<NestedLoopJoinOp>(kind, std::move(left), std::move(right),
                                            AndOf(std::move(residual)));
}

Result<OperatorPtr> PlanItem(Binder& binder, FromItem& item, const Scope* outer,
                             const std::vector<const pg_query::Node*>& pushed);

Result<OperatorPtr> PlanJoinItem(Binder& binder, FromItem& item, const Scope* outer) {
  DB9_ASSIGN_OR_RETURN(OperatorPtr left, PlanItem(binder, *item.left, outer, {}));
  DB9_ASSIGN_OR_RETURN(OperatorPtr right, PlanItem(binder, *item.right, outer, {}));
  // Conditions read the joined row as left + right, before any reordering.
  Scope scope;
  scope.columns = item.left->scope.columns;
  scope.columns.insert(scope.columns.end(), item.right->scope.columns.begin(),
                       item.right->scope.columns.end());
  scope.parent = outer;
  std::vector<ExprPtr> conditions;
  for (auto [l, r] : item.using_pairs) {
    const ScopeColumn& lc = scope.columns[l];
    const ScopeColumn& rc = scope.columns[r];
    auto le = std::make_shared<ColumnExpr>(l, 0, lc.type, lc.typmod);
    auto re = std::make_shared<ColumnExpr>(r, 0, rc.type, rc.typmod);
    Result<functions::OperatorMatch> match = binder.context().registries->operators.Resolve(
        "=", lc.type, rc.type, *binder.context().registries);
    if (!match.ok()) return match.status();
    DB9_ASSIGN_OR_RETURN(ExprPtr lx, binder.Coerce(le, match->left_type, -1,
                                                   functions::CoercionContext::kImplicit, -1));
    DB9_ASSIGN_OR_RETURN(ExprPtr rx, binder.Coerce(re, match->right_type, -1,
                                                   functions::CoercionContext::kImplicit, -1));
    conditions.push_back(std::make_shared<OpExpr>(match->op, std::vector<ExprPtr>{lx, rx},
                                                  match->result_type));
  }
  for (const pg_query::Node* node : item.on_conjuncts) {
    DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(*node, scope));
    DB9_ASSIGN_OR_RETURN(e, binder.Coerce(std::move(e), types::oid::kBool, -1,
                                          functions::CoercionContext::kImplicit, -1));
    conditions.push_back(std::move(e));
  }
  binder.TakeReferencedColumns();
  OperatorPtr join;
  if (item.right->lateral) {
    join = std::make_unique<LateralJoinOp>(item.join_kind, std::move(left), std::move(right),
                                           AndOf(std::move(conditions)));
  } else {
    join = MakeJoin(item.join_kind, std::move(left), std::move(right), conditions);
  }
  if (item.output_order.empty()) return join;
  std::vector<ExprPtr> exprs;
  std::vector<OutputColumn> columns;
  for (int i : item.output_order) {
    const OutputColumn& c = join->columns[i];
    exprs.push_back(std::make_shared<ColumnExpr>(i, 0, c.type, c.typmod));
    columns.push_back(c);
  }
  // A merged USING column is the right side's value where the left side
  // has none (RIGHT / FULL joins), as PostgreSQL's COALESCE(l, r).
  if (item.join_kind == JoinKind::kRight || item.join_kind == JoinKind::kFull) {
    for (size_t k = 0; k < item.using_pairs.size(); ++k) {
      auto [l, r] = item.using_pairs[k];
      const OutputColumn& lc = join->columns[l];
      const OutputColumn& rc = join->columns[r];
      if (lc.type != rc.type) continue;
      exprs[k] = std::make_shared<CoalesceExpr>(
          std::vector<ExprPtr>{exprs[k], std::make_shared<ColumnExpr>(r, 0, rc.type, rc.typmod)},
          lc.type);
    }
  }
  return OperatorPtr(std::make_unique<ProjectOp>(std::move(join), std::move(exprs), std::move(columns)));
}

Result<OperatorPtr> PlanItem(Binder& binder, FromItem& item, const Scope* outer,
                             const std::vector<const pg_query::Node*>& pushed) {
  OperatorPtr op;
  if (item.table != nullptr) {
    Scope local = Binder::TableScope(*item.table, item.alias);
    local.parent = outer;
    std::vector<ExprPtr> predicates;
    for (const pg_query::Node* node : pushed) {
      DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(*node, local));
      DB9_ASSIGN_OR_RETURN(e, binder.Coerce(std::move(e), types::oid::kBool, -1,
                                            functions::CoercionContext::kImplicit, -1));
      predicates.push_back(std::move(e));
    }
    binder.TakeReferencedColumns();
    AccessPath path = ChooseAccessPath(*item.table, &predicates, binder.order_hint);
    std::optional<GinPath> gin =
        ChooseGinPath(binder.context().registries->types, *item.table, &path, &predicates);
    item.scan_order = RowOrder{ScanOrder(*item.table, path), path.backward};
    // No key range narrows the rows: an HNSW index may give them in the
    // order of a vector distance instead (vector_order_path.h).
    std::optional<VectorOrderPath> by_distance;
    if (path.index == nullptr && !gin && !item.emit_row_key) {
      by_distance = ChooseVectorOrderPath(binder, *item.table, local);
    }
    std::vector<bool> needed;
    if (binder.column_use != nullptr && !item.emit_row_key) {
      std::vector<std::string> names;
      for (size_t i = 0; i < item.table->columns.size(); ++i) names.push_back(item.scope.columns[i].name);
      needed = NeededColumns(*binder.column_use, names, item.alias);
    }
    if (gin) {
      op = std::make_unique<GinScanOp>(item.table, std::move(*gin), item.emit_row_key, std::move(needed));
    } else if (by_distance) {
      item.scan_order = RowOrder{{}, false, binder.order_hint.expression};
      op = std::make_unique<HnswScanOp>(item.table, std::move(*by_distance));
    } else {
      op = std::make_unique<TableScanOp>(item.table, std::move(path), item.emit_row_key, std::move(needed));
    }
    // Output column names follow the alias's column list, if any.
    for (size_t i = 0; i < item.scope.columns.size() && i < op->columns.size(); ++i) {
      op->columns[i].name = item.scope.columns[i].name;
    }
    if (ExprPtr filter = AndOf(std::move(predicates))) {
      op = std::make_unique<FilterOp>(std::move(op), std::move(filter));
    }
    return op;
  }
  if (item.left) {
    DB9_ASSIGN_OR_RETURN(op, PlanJoinItem(binder, item, outer));
  } else {
    op = std::move(item.op);
  }
  if (!pushed.empty()) {
    Scope local = item.scope;
    local.parent = outer;
    std::vector<ExprPtr> predicates;
    for (const pg_query::Node* node : pushed) {
      DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(*node, local));
      predicates.push_back(std::move(e));
    }
    binder.TakeReferencedColumns();
    op = std::make_unique<FilterOp>(std::move(op), AndOf(std::move(predicates)));
  }
  return op;
}

}  // namespace

void FlattenAndNodes(const pg_query::Node& node, std::vector<const pg_query::Node*>* out) {
  if (node.has_bool_expr() && node.bool_expr().boolop() == pg_query::AND_EXPR) {
    for (const pg_query::Node& arg : node.bool_expr().args()) FlattenAndNodes(arg, out);
    return;
  }
  out->push_back(&node);
}

Result<OperatorPtr> PlanFrom(Binder& binder, std::vector<std::unique_ptr<FromItem>>& items,
                             const Scope& full_scope,
                             const std::vector<const pg_query::Node*>& where_conjuncts) {
  // Bind every conjunct over the full scope to learn which columns it reads.
  std::vector<Conjunct> conjuncts;
  binder.TakeReferencedColumns();
  for (const pg_query::Node* node : where_conjuncts) {
    binder.reset_saw_subquery();
    DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(*node, full_scope));
    Result<ExprPtr> coerced = binder.Coerce(std::move(e), types::oid::kBool, -1,
                                            functions::CoercionContext::kImplicit, -1);
    if (!coerced.ok()) {
      return Status::Error(sqlstate::kDatatypeMismatch, "argument of WHERE must be type boolean");
    }
    conjuncts.push_back({node, std::move(coerced).value(), binder.TakeReferencedColumns(),
                         binder.saw_subquery()});
  }
  // Item column ranges in the full scope.
  std::vector<std::pair<int, int>> ranges;
  int begin = 0;
  for (const auto& item : items) {
    int width = static_cast<int>(item->scope.columns.size());
    ranges.emplace_back(begin, begin + width);
    begin += width;
  }
  auto within = [](const std::set<int>& cols, std::pair<int, int> range) {
    for (int c : cols) {
      if (c < range.first || c >= range.second) return false;
    }
    return true;
  };

  OperatorPtr acc;
  for (size_t i = 0; i < items.size(); ++i) {
    std::vector<const pg_query::Node*> pushed;
    if (items.size() > 1 || items[i]->table != nullptr) {
      for (Conjunct& c : conjuncts) {
        if (c.placed || c.has_subquery || c.columns.empty() || !within(c.columns, ranges[i])) {
          continue;
        }
        pushed.push_back(c.node);
        c.placed = true;
      }
    }
    DB9_ASSIGN_OR_RETURN(OperatorPtr op, PlanItem(binder, *items[i], full_scope.parent, pushed));
    if (!acc) {
      acc = std::move(op);
      continue;
    }
    // Join with everything so far on the conjuncts now complete.
    std::vector<ExprPtr> conditions;
    for (Conjunct& c : conjuncts) {
      if (c.placed || c.has_subquery || !within(c.columns, {0, ranges[i].second})) continue;
      conditions.push_back(c.expr);
      c.placed = true;
    }
    if (items[i]->lateral) {
      acc = std::make_unique<LateralJoinOp>(JoinKind::kInner, std::move(acc), std::move(op),
                                            AndOf(std::move(conditions)));
    } else {
      acc = MakeJoin(JoinKind::kInner, std::move(acc), std::move(op), conditions);
    }
  }
  std::vector<ExprPtr> rest;
  for (Conjunct& c : conjuncts) {
    if (!c.placed) rest.push_back(c.expr);
  }
  if (ExprPtr filter = AndOf(std::move(rest))) {
    acc = std::make_unique<FilterOp>(std::move(acc), std::move(filter));
  }
  return acc;
}

}  // namespace db9::sql
