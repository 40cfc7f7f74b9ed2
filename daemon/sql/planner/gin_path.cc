#include "daemon/sql/planner/gin_path.h"

#include "daemon/catalog/index_method.h"
#include "daemon/types/array_value.h"

namespace db9::sql {
namespace {

// A constant as PostgreSQL prints it in a plan: '{"a": 1}'::jsonb.
std::string ConstantText(const types::TypeRegistry& types, const Value& value) {
  const types::TypeInfo* info = types.Find(value.type());
  if (value.is_null() || info == nullptr || info->output == nullptr) return "NULL";
  types::IoContext io;
  Result<std::string> text = info->output(*info, value, io);
  if (!text.ok()) return "?";
  std::string quoted = "'";
  for (char c : *text) {
    quoted.push_back(c);
    if (c == '\'') quoted.push_back('\'');
  }
  return quoted + "'::" + types::FormatType(types, value.type(), -1);
}

// The right side of a GIN condition for EXPLAIN: constants (an ARRAY[...]
// of constants folds to one, as in PostgreSQL) and $n parameters.
std::string ValueText(const types::TypeRegistry& types, const Expr& expr) {
  if (auto* c = dynamic_cast<const ConstExpr*>(&expr)) return ConstantText(types, c->value);
  if (auto* p = dynamic_cast<const ParamExpr*>(&expr)) return "$" + std::to_string(p->index + 1);
  if (auto* a = dynamic_cast<const ArrayExpr*>(&expr)) {
    std::vector<Value> items;
    for (const ExprPtr& e : a->elements) {
      auto* c = dynamic_cast<const ConstExpr*>(e.get());
      if (c == nullptr) return "ARRAY[...]";
      items.push_back(c->value);
    }
    return ConstantText(types, types::MakeArrayValue(
                                   a->type, types::ArrayValue::OneDim(a->element_type, std::move(items))));
  }
  return "(...)";
}

// The clause `conjunct` gives for column `column` of `index`, if any.
std::optional<GinClause> ClauseFor(const types::TypeRegistry& types, const catalog::Table& table,
                                   const catalog::IndexMethod& method, const catalog::Index& index,
                                   const Expr& conjunct) {
  auto* op = dynamic_cast<const OpExpr*>(&conjunct);
  if (op == nullptr || op->args.size() != 2 || !op->args[1]->IsRowIndependent()) return std::nullopt;
  auto* column = dynamic_cast<const ColumnExpr*>(op->args[0].get());
  if (column == nullptr || column->levels_up != 0) return std::nullopt;
  const catalog::Column& table_column = table.columns[static_cast<size_t>(column->index)];
  if (op->args[0]->type != table_column.type) return std::nullopt;
  for (size_t i = 0; i < index.columns.size(); ++i) {
    if (index.columns[i].attnum != table_column.attnum) continue;
    const catalog::OperatorClass* opclass =
        catalog::ColumnOperatorClass(types, method, index.columns[i], table_column.type);
    if (opclass == nullptr) continue;
    Oid right = op->args[1]->type;
    // array_ops compares elements of the column's own type.
    if (opclass->input_type == types::oid::kAnyArray && right != table_column.type) continue;
    std::optional<catalog::gin::Strategy> strategy =
        catalog::gin::StrategyOf(opclass->name, op->op->name, right);
    if (!strategy) continue;
    // A constant whose terms constrain nothing (@> '{}') would read every
    // row through the index: a filter over a table scan does less.
    if (auto* c = dynamic_cast<const ConstExpr*>(op->args[1].get())) {
      Result<catalog::gin::Query> query =
          catalog::gin::QueryTerms(types, opclass->name, *strategy, c->value);
      if (query.ok() && query->match == catalog::gin::Query::Match::kEveryRow) continue;
    }
    return GinClause{i, opclass->name, *strategy, op->args[1]};
  }
  return std::nullopt;
}

}  // namespace

std::optional<GinPath> ChooseGinPath(const types::TypeRegistry& types, const catalog::Table& table,
                                     AccessPath* path, std::vector<ExprPtr>* predicates) {
  if (!path->equal.empty()) return std::nullopt;
  GinPath best;
  std::vector<size_t> best_sources;
  for (const catalog::Index& index : table.indexes) {
    const catalog::IndexMethod* method = catalog::IndexMethodRegistry::Global().Find(index.access_method);
    if (method == nullptr || method->name() != "gin") continue;
    GinPath candidate;
    candidate.index = &index;
    std::vector<size_t> sources;
    for (size_t i = 0; i < predicates->size(); ++i) {
      std::optional<GinClause> clause = ClauseFor(types, table, *method, index, *(*predicates)[i]);
      if (!clause) continue;
      candidate.clauses.push_back(std::move(*clause));
      sources.push_back(i);
    }
    if (candidate.clauses.size() > best.clauses.size()) {
      best = std::move(candidate);
      best_sources = std::move(sources);
    }
  }
  if (best.index == nullptr) return std::nullopt;

  std::vector<ExprPtr> rest;
  size_t next_source = 0;
  for (size_t i = 0; i < predicates->size(); ++i) {
    if (next_source < best_sources.size() && best_sources[next_source] == i) {
      best.conditions.push_back(std::move((*predicates)[i]));
      ++next_source;
    } else {
      rest.push_back(std::move((*predicates)[i]));
    }
  }
  for (ExprPtr& enforced : path->enforced) rest.push_back(std::move(enforced));
  *predicates = std::move(rest);
  *path = AccessPath{};

  std::vector<std::string> parts;
  for (size_t i = 0; i < best.clauses.size(); ++i) {
    auto* op = static_cast<const OpExpr*>(best.conditions[i].get());
    const int column = static_cast<const ColumnExpr*>(op->args[0].get())->index;
    parts.push_back("(" + table.columns[static_cast<size_t>(column)].name + " " + op->op->name + " " +
                    ValueText(types, *best.clauses[i].value) + ")");
  }
  if (parts.size() == 1) {
    best.condition_text = parts[0];
  } else {
    best.condition_text = "(";
    for (size_t i = 0; i < parts.size(); ++i) best.condition_text += (i ? " AND " : "") + parts[i];
    best.condition_text += ")";
  }
  return best;
}

}  // namespace db9::sql
