#include "daemon/sql/planner/vector_order_path.h"

#include <algorithm>

#include "daemon/types/vector_value.h"

namespace db9::sql {
namespace {

namespace hnsw = catalog::hnsw;

// The value as EXPLAIN shows it: a literal with its type, or $n.
std::string ValueText(const Binder& binder, const Expr& expr) {
  if (auto* param = dynamic_cast<const ParamExpr*>(&expr)) return "$" + std::to_string(param->index + 1);
  if (auto* cast = dynamic_cast<const CastExpr*>(&expr)) return ValueText(binder, *cast->arg);
  if (auto* constant = dynamic_cast<const ConstExpr*>(&expr)) {
    if (constant->value.is_null()) return "NULL::vector";
    Result<std::string> text =
        types::FormatText(binder.context().registries->types, constant->value, *binder.context().io);
    if (text.ok()) return "'" + *text + "'::vector";
  }
  return "$?";
}

bool AnyHnswIndex(const catalog::Table& table) {
  return std::any_of(table.indexes.begin(), table.indexes.end(),
                     [](const catalog::Index& index) { return hnsw::IndexMetric(index).has_value(); });
}

}  // namespace

std::optional<VectorOrderPath> ChooseVectorOrderPath(Binder& binder, const catalog::Table& table,
                                                     const Scope& scope) {
  const pg_query::Node* node = binder.order_hint.expression;
  if (node == nullptr || !AnyHnswIndex(table)) return std::nullopt;
  // A sort key this scope cannot bind (an output column's alias) is bound
  // later against the select list, and errors are reported there.
  Result<ExprPtr> bound = binder.BindExpr(*node, scope);
  binder.TakeReferencedColumns();
  if (!bound.ok()) return std::nullopt;
  auto* op = dynamic_cast<const OpExpr*>(bound->get());
  if (op == nullptr || op->args.size() != 2) return std::nullopt;
  // Every distance is symmetric, so the column may stand on either side.
  for (int side : {0, 1}) {
    const int column = InputColumnIndex(*op->args[static_cast<size_t>(side)]);
    const ExprPtr& value = op->args[static_cast<size_t>(1 - side)];
    if (column < 0 || !value->IsRowIndependent() || value->type != types::oid::kVector ||
        table.columns[static_cast<size_t>(column)].type != types::oid::kVector) {
      continue;
    }
    for (const catalog::Index& index : table.indexes) {
      const std::optional<hnsw::Metric> metric = hnsw::IndexMetric(index);
      if (!metric || hnsw::MetricOperator(*metric) != op->op->name ||
          index.columns[0].attnum != table.columns[static_cast<size_t>(column)].attnum) {
        continue;
      }
      VectorOrderPath path;
      path.index = &index;
      path.column = column;
      path.query = value;
      path.metric = *metric;
      path.order_by = "(" + table.columns[static_cast<size_t>(column)].name + " " + op->op->name +
                      " " + ValueText(binder, *value) + ")";
      return path;
    }
  }
  return std::nullopt;
}

}  // namespace db9::sql
