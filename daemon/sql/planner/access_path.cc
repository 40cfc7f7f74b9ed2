#include "daemon/sql/planner/access_path.h"

#include <algorithm>

#include "daemon/catalog/index_method.h"

namespace db9::sql {
namespace {

using functions::OperatorKind;

struct ColumnPredicate {
  int column;  // position in Table::columns
  OperatorKind kind;
  ExprPtr value;
  // Index into the planner's predicate list when both sides have the
  // column's type, so a key range built from it enforces it exactly; -1
  // otherwise.
  int enforceable_source = -1;
};

OperatorKind Flip(OperatorKind kind) {
  switch (kind) {
    case OperatorKind::kLess: return OperatorKind::kGreater;
    case OperatorKind::kLessEqual: return OperatorKind::kGreaterEqual;
    case OperatorKind::kGreater: return OperatorKind::kLess;
    case OperatorKind::kGreaterEqual: return OperatorKind::kLessEqual;
    default: return kind;
  }
}

bool Usable(OperatorKind kind) {
  return kind == OperatorKind::kEqual || kind == OperatorKind::kLess ||
         kind == OperatorKind::kLessEqual || kind == OperatorKind::kGreater ||
         kind == OperatorKind::kGreaterEqual;
}

// The same row-independent value: one constant, or one parameter.
bool SameValue(const Expr& a, const Expr& b) {
  if (auto* ca = dynamic_cast<const ConstExpr*>(&a)) {
    auto* cb = dynamic_cast<const ConstExpr*>(&b);
    return cb != nullptr && ca->value.type() == cb->value.type() &&
           ca->value.payload() == cb->value.payload();
  }
  auto* pa = dynamic_cast<const ParamExpr*>(&a);
  auto* pb = dynamic_cast<const ParamExpr*>(&b);
  return pa != nullptr && pb != nullptr && pa->index == pb->index && pa->type == pb->type;
}

bool BoundsFromBelow(OperatorKind kind) {
  return kind == OperatorKind::kGreater || kind == OperatorKind::kGreaterEqual ||
         kind == OperatorKind::kEqual;
}
bool BoundsFromAbove(OperatorKind kind) {
  return kind == OperatorKind::kLess || kind == OperatorKind::kLessEqual ||
         kind == OperatorKind::kEqual;
}

std::vector<ColumnPredicate> ColumnPredicates(const catalog::Table& table,
                                              const std::vector<ExprPtr>& predicates);

// A disjunction whose every branch bounds one column from the same side by
// the same value implies the inclusive bound: the keyset condition of a
// page, k > v OR (k = v AND id > w), implies k >= v. A scan can start
// there; the disjunction itself stays a filter (not enforceable).
std::optional<ColumnPredicate> ImpliedBound(const catalog::Table& table, const BoolExpr& any) {
  std::vector<std::vector<ColumnPredicate>> branches;
  for (const ExprPtr& branch : any.args) {
    std::vector<ExprPtr> conjuncts;
    FlattenConjuncts(branch, &conjuncts);
    branches.push_back(ColumnPredicates(table, conjuncts));
  }
  if (branches.empty()) return std::nullopt;
  for (const ColumnPredicate& candidate : branches[0]) {
    for (bool below : {true, false}) {
      auto bounds = [&](const ColumnPredicate& p) {
        return p.column == candidate.column && SameValue(*p.value, *candidate.value) &&
               (below ? BoundsFromBelow(p.kind) : BoundsFromAbove(p.kind));
      };
      if (std::all_of(branches.begin(), branches.end(), [&](const auto& preds) {
            return std::any_of(preds.begin(), preds.end(), bounds);
          })) {
        return ColumnPredicate{candidate.column,
                               below ? OperatorKind::kGreaterEqual : OperatorKind::kLessEqual,
                               candidate.value};
      }
    }
  }
  return std::nullopt;
}

// REQUIRES: `predicates` are single conjuncts (no AND at the top).
std::vector<ColumnPredicate> ColumnPredicates(const catalog::Table& table,
                                              const std::vector<ExprPtr>& predicates) {
  std::vector<ColumnPredicate> out;
  for (size_t source = 0; source < predicates.size(); ++source) {
    if (auto* any = dynamic_cast<const BoolExpr*>(predicates[source].get());
        any != nullptr && any->kind == BoolExpr::Kind::kOr) {
      if (std::optional<ColumnPredicate> bound = ImpliedBound(table, *any)) out.push_back(*bound);
      continue;
    }
    auto* op = dynamic_cast<const OpExpr*>(predicates[source].get());
    if (op == nullptr || op->args.size() != 2 || !Usable(op->op->kind)) continue;
    auto* left = dynamic_cast<const ColumnExpr*>(op->args[0].get());
    auto* right = dynamic_cast<const ColumnExpr*>(op->args[1].get());
    ColumnPredicate found;
    if (left != nullptr && left->levels_up == 0 && op->args[1]->IsRowIndependent()) {
      found = {left->index, op->op->kind, op->args[1]};
    } else if (right != nullptr && right->levels_up == 0 && op->args[0]->IsRowIndependent()) {
      found = {right->index, Flip(op->op->kind), op->args[0]};
    } else {
      continue;
    }
    // Key order is the type's compare order (TypeInfo's contract), which
    // same-type comparison operators follow; a cross-type operator may
    // compare in another type, so it stays a filter.
    Oid column_type = table.columns[found.column].type;
    if (op->args[0]->type == column_type && op->args[1]->type == column_type) {
      found.enforceable_source = static_cast<int>(source);
    }
    out.push_back(std::move(found));
  }
  return out;
}

}  // namespace

void FlattenConjuncts(const ExprPtr& expr, std::vector<ExprPtr>* out) {
  if (auto* b = dynamic_cast<const BoolExpr*>(expr.get()); b && b->kind == BoolExpr::Kind::kAnd) {
    for (const ExprPtr& arg : b->args) FlattenConjuncts(arg, out);
    return;
  }
  out->push_back(expr);
}

namespace {

// Appends the leading ascending columns of `index` to *order; false if it
// stopped at a descending one (then nothing may follow).
bool AppendAscending(const catalog::Table& table, const catalog::Index& index, std::vector<int>* order) {
  for (const catalog::IndexColumn& ic : index.columns) {
    const int column = table.ColumnIndex(ic.attnum);
    if (ic.descending || ic.nulls_first || column < 0) return false;
    order->push_back(column);
  }
  return true;
}

bool Serves(const std::vector<int>& order, const std::vector<int>& wanted) {
  return !wanted.empty() && order.size() >= wanted.size() &&
         std::equal(wanted.begin(), wanted.end(), order.begin());
}

}  // namespace

std::vector<int> ScanOrder(const catalog::Table& table, const AccessPath& path) {
  std::vector<int> order;
  if (path.index != nullptr && !path.index->primary) {
    const catalog::IndexMethod* method =
        catalog::IndexMethodRegistry::Global().Find(path.index->access_method);
    if (method == nullptr || !method->supports_ordered_scans()) return order;
    if (!AppendAscending(table, *path.index, &order)) return order;
  }
  // Table rows, and index entries with equal values, follow the row key.
  if (const catalog::Index* pk = table.primary_key()) AppendAscending(table, *pk, &order);
  return order;
}

AccessPath ChooseAccessPath(const catalog::Table& table, std::vector<ExprPtr>* predicates,
                            const RowOrder& wanted_order) {
  // One conjunct per entry (BETWEEN binds to an AND of two comparisons), so
  // that each comparison the range enforces can leave the filter alone.
  std::vector<ExprPtr> conjuncts;
  for (const ExprPtr& p : *predicates) FlattenConjuncts(p, &conjuncts);
  *predicates = std::move(conjuncts);
  std::vector<ColumnPredicate> preds = ColumnPredicates(table, *predicates);
  AccessPath best;
  std::vector<int> best_sources;  // predicates the best path's range enforces
  int best_score = 0;
  for (const catalog::Index& index : table.indexes) {
    const catalog::IndexMethod* method =
        catalog::IndexMethodRegistry::Global().Find(index.access_method);
    if (method == nullptr || !method->supports_ordered_scans()) continue;
    AccessPath path;
    path.index = &index;
    std::vector<int> sources;
    auto use = [&sources](const ColumnPredicate& p) { sources.push_back(p.enforceable_source); };
    for (const catalog::IndexColumn& ic : index.columns) {
      int pos = table.ColumnIndex(ic.attnum);
      const ColumnPredicate* eq = nullptr;
      for (const ColumnPredicate& p : preds) {
        if (p.column == pos && p.kind == OperatorKind::kEqual) eq = &p;
      }
      if (eq == nullptr) break;
      path.equal.push_back(eq->value);
      use(*eq);
    }
    size_t next = path.equal.size();
    if (next < index.columns.size() && !index.columns[next].descending) {
      int pos = table.ColumnIndex(index.columns[next].attnum);
      const ColumnPredicate* lower = nullptr;
      const ColumnPredicate* upper = nullptr;
      for (const ColumnPredicate& p : preds) {
        if (p.column != pos) continue;
        if (p.kind == OperatorKind::kGreater || p.kind == OperatorKind::kGreaterEqual) {
          lower = &p;
        } else if (p.kind == OperatorKind::kLess || p.kind == OperatorKind::kLessEqual) {
          upper = &p;
        }
      }
      if (lower != nullptr) {
        path.lower = lower->value;
        path.lower_inclusive = lower->kind == OperatorKind::kGreaterEqual;
        use(*lower);
      }
      if (upper != nullptr) {
        path.upper = upper->value;
        path.upper_inclusive = upper->kind == OperatorKind::kLessEqual;
        use(*upper);
      }
    }
    int score = static_cast<int>(path.equal.size()) * 10 + (path.lower || path.upper ? 5 : 0);
    if (score == 0) continue;
    if (index.unique && path.equal.size() == index.columns.size()) score += 100;
    if (index.primary) score += 1;  // no second lookup
    if (score > best_score) {
      best_score = score;
      best = std::move(path);
      best_sources = std::move(sources);
    }
  }
  // A secondary index read whole for its order costs a row lookup per
  // entry; with a filter that may reject most rows, a scan and a bounded
  // sort is the safer plan.
  if (best_score == 0 && predicates->empty() && !Serves(ScanOrder(table, best), wanted_order.columns)) {
    for (const catalog::Index& index : table.indexes) {
      AccessPath whole;
      whole.index = &index;
      if (Serves(ScanOrder(table, whole), wanted_order.columns)) {
        best = std::move(whole);
        break;
      }
    }
  }
  if (wanted_order.backward && Serves(ScanOrder(table, best), wanted_order.columns)) {
    // Reading the table whole backward is reading its primary key backward.
    if (best.index == nullptr) best.index = table.primary_key();
    best.backward = true;
  }
  // Hand the enforced conjuncts to the scan, which re-checks them only when
  // a value could not be converted exactly to the key column's type.
  std::vector<bool> enforced(predicates->size(), false);
  for (int source : best_sources) {
    if (source >= 0) enforced[source] = true;
  }
  std::vector<ExprPtr> rest;
  for (size_t i = 0; i < predicates->size(); ++i) {
    if (enforced[i]) {
      best.enforced.push_back(std::move((*predicates)[i]));
    } else {
      rest.push_back(std::move((*predicates)[i]));
    }
  }
  *predicates = std::move(rest);
  return best;
}

}  // namespace db9::sql
