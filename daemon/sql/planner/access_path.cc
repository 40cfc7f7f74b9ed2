#include "daemon/sql/planner/access_path.h"

#include "daemon/catalog/index_method.h"

namespace db9::sql {
namespace {

using functions::OperatorKind;

struct ColumnPredicate {
  int column;  // position in Table::columns
  OperatorKind kind;
  ExprPtr value;
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

std::vector<ColumnPredicate> ColumnPredicates(const std::vector<ExprPtr>& predicates) {
  std::vector<ColumnPredicate> out;
  std::vector<ExprPtr> flat;
  for (const ExprPtr& p : predicates) FlattenConjuncts(p, &flat);
  for (const ExprPtr& p : flat) {
    auto* op = dynamic_cast<const OpExpr*>(p.get());
    if (op == nullptr || op->args.size() != 2 || !Usable(op->op->kind)) continue;
    auto* left = dynamic_cast<const ColumnExpr*>(op->args[0].get());
    auto* right = dynamic_cast<const ColumnExpr*>(op->args[1].get());
    if (left != nullptr && left->levels_up == 0 && op->args[1]->IsRowIndependent()) {
      out.push_back({left->index, op->op->kind, op->args[1]});
    } else if (right != nullptr && right->levels_up == 0 && op->args[0]->IsRowIndependent()) {
      out.push_back({right->index, Flip(op->op->kind), op->args[0]});
    }
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

AccessPath ChooseAccessPath(const catalog::Table& table, const std::vector<ExprPtr>& predicates) {
  std::vector<ColumnPredicate> preds = ColumnPredicates(predicates);
  AccessPath best;
  int best_score = 0;
  for (const catalog::Index& index : table.indexes) {
    const catalog::IndexMethod* method =
        catalog::IndexMethodRegistry::Global().Find(index.access_method);
    if (method == nullptr || !method->supports_ordered_scans()) continue;
    AccessPath path;
    path.index = &index;
    for (const catalog::IndexColumn& ic : index.columns) {
      int pos = table.ColumnIndex(ic.attnum);
      ExprPtr eq;
      for (const ColumnPredicate& p : preds) {
        if (p.column == pos && p.kind == OperatorKind::kEqual) eq = p.value;
      }
      if (!eq) break;
      path.equal.push_back(eq);
    }
    size_t next = path.equal.size();
    if (next < index.columns.size() && !index.columns[next].descending) {
      int pos = table.ColumnIndex(index.columns[next].attnum);
      for (const ColumnPredicate& p : preds) {
        if (p.column != pos) continue;
        if (p.kind == OperatorKind::kGreater || p.kind == OperatorKind::kGreaterEqual) {
          path.lower = p.value;
          path.lower_inclusive = p.kind == OperatorKind::kGreaterEqual;
        } else if (p.kind == OperatorKind::kLess || p.kind == OperatorKind::kLessEqual) {
          path.upper = p.value;
          path.upper_inclusive = p.kind == OperatorKind::kLessEqual;
        }
      }
    }
    int score = static_cast<int>(path.equal.size()) * 10 + (path.lower || path.upper ? 5 : 0);
    if (score == 0) continue;
    if (index.unique && path.equal.size() == index.columns.size()) score += 100;
    if (index.primary) score += 1;  // no second lookup
    if (score > best_score) {
      best_score = score;
      best = std::move(path);
    }
  }
  return best;
}

}  // namespace db9::sql
