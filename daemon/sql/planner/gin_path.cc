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

// The operator that swaps the sides of `op` (value <@ doc is doc @> value),
// empty when none serves GIN.
std::string_view Commutator(std::string_view op) {
  if (op == "@>") return "<@";
  if (op == "<@") return "@>";
  if (op == "&&" || op == "=") return op;
  return {};
}

// The clause `conjunct` gives for a column of `index`, if any: `column op
// value`, or `value op column` with op's commutator.
std::optional<GinClause> ClauseFor(const types::TypeRegistry& types, const catalog::Table& table,
                                   const catalog::IndexMethod& method, const catalog::Index& index,
                                   const Expr& conjunct) {
  auto* op = dynamic_cast<const OpExpr*>(&conjunct);
  if (op == nullptr || op->args.size() != 2) return std::nullopt;
  std::string_view op_name = op->op->name;
  const Expr* column_side = op->args[0].get();
  ExprPtr value = op->args[1];
  if (!value->IsRowIndependent()) {
    op_name = Commutator(op_name);
    if (op_name.empty() || !op->args[0]->IsRowIndependent()) return std::nullopt;
    column_side = op->args[1].get();
    value = op->args[0];
  }
  auto* column = dynamic_cast<const ColumnExpr*>(column_side);
  if (column == nullptr || column->levels_up != 0) return std::nullopt;
  const catalog::Column& table_column = table.columns[static_cast<size_t>(column->index)];
  if (column->type != table_column.type) return std::nullopt;
  for (size_t i = 0; i < index.columns.size(); ++i) {
    if (index.columns[i].attnum != table_column.attnum) continue;
    const catalog::OperatorClass* opclass =
        catalog::ColumnOperatorClass(types, method, index.columns[i], table_column.type);
    if (opclass == nullptr) continue;
    // array_ops compares elements of the column's own type.
    if (opclass->input_type == types::oid::kAnyArray && value->type != table_column.type) continue;
    std::optional<catalog::gin::Strategy> strategy =
        catalog::gin::StrategyOf(opclass->name, op_name, value->type);
    if (!strategy) continue;
    // A constant whose terms constrain nothing (@> '{}') would read every
    // row through the index: a filter over a table scan does less.
    if (auto* c = dynamic_cast<const ConstExpr*>(value.get())) {
      Result<catalog::gin::Query> query =
          catalog::gin::QueryTerms(types, opclass->name, *strategy, c->value);
      if (query.ok() && query->match == catalog::gin::Query::Match::kEveryRow) continue;
    }
    // As PostgreSQL prints them: the index condition commuted to put the
    // column first, the recheck condition as written.
    const std::string value_text = ValueText(types, *value);
    std::string index_text = "(" + table_column.name + " " + std::string(op_name) + " " + value_text + ")";
    std::string recheck_text = column_side == op->args[0].get()
                                   ? index_text
                                   : "(" + value_text + " " + op->op->name + " " + table_column.name + ")";
    return GinClause{i, opclass->name, *strategy, std::move(value), std::move(index_text),
                     std::move(recheck_text)};
  }
  return std::nullopt;
}

// "(a)", or "((a) AND (b))" for several.
std::string JoinConditions(const std::vector<GinClause>& clauses, std::string GinClause::*text) {
  if (clauses.size() == 1) return clauses[0].*text;
  std::string out;
  for (const GinClause& clause : clauses) out += (out.empty() ? "(" : " AND ") + clause.*text;
  return out + ")";
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

  best.index_text = JoinConditions(best.clauses, &GinClause::index_text);
  best.recheck_text = JoinConditions(best.clauses, &GinClause::recheck_text);
  return best;
}

}  // namespace db9::sql
