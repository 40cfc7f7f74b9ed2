// (a, b) IN (SELECT x, y ...): PostgreSQL compares the rows column by column
// with the operator: for = the row matches when every column is equal (AND),
// for <> when any column differs (OR) — so NOT IN, which is <> ALL, works.
// Ordering operators on rows compare lexicographically; they are not
// supported here.
#include "daemon/sql/binder/aggregate_binding.h"
#include "daemon/sql/binder/row_sublink.h"
#include "daemon/sql/exec/row_subquery_expr.h"

namespace db9::sql {

Result<ExprPtr> BindRowSubLink(Binder& binder, const pg_query::SubLink& link, const Scope& scope,
                               const BoundQuery& sub, std::shared_ptr<Operator> plan) {
  const auto& args = link.testexpr().row_expr().args();
  if (static_cast<size_t>(args.size()) != sub.columns.size()) {
    return Status::Error(sqlstate::kSyntaxError,
                         args.size() < static_cast<int>(sub.columns.size()) ? "subquery has too many columns"
                                                                            : "subquery has too few columns")
        .WithPosition(link.location() + 1);
  }
  std::string op = link.oper_name_size() > 0 ? StringValue(link.oper_name(link.oper_name_size() - 1)) : "=";
  if (op != "=" && op != "<>") {
    return NotSupported("row comparison with operator " + op + " against a subquery", link.location());
  }
  std::vector<ExprPtr> lhs;
  for (const pg_query::Node& a : args) {
    DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(a, scope));
    lhs.push_back(std::move(e));
  }
  // The comparisons read {lhs values..., subquery columns...} as one row.
  Binder::AggregateState* saved = binder.aggregate_state;
  binder.aggregate_state = nullptr;
  std::vector<ExprPtr> tests;
  Status status = Status::OK();
  const int width = static_cast<int>(lhs.size());
  for (int i = 0; i < width && status.ok(); ++i) {
    ExprPtr left = std::make_shared<ColumnExpr>(i, 0, lhs[i]->type, lhs[i]->typmod);
    ExprPtr right = std::make_shared<ColumnExpr>(width + i, 0, sub.columns[i].type, sub.columns[i].typmod);
    Result<ExprPtr> test = binder.BindOperator(op, left, right, link.location());
    if (test.ok()) {
      tests.push_back(std::move(test).value());
    } else {
      status = test.status();
    }
  }
  binder.aggregate_state = saved;
  DB9_RETURN_IF_ERROR(status);
  ExprPtr test = std::make_shared<BoolExpr>(op == "=" ? BoolExpr::Kind::kAnd : BoolExpr::Kind::kOr,
                                            std::move(tests));
  return ExprPtr(std::make_shared<RowSubqueryExpr>(link.sub_link_type() == pg_query::ANY_SUBLINK,
                                                   std::move(lhs), std::move(plan), std::move(test)));
}

}  // namespace db9::sql
