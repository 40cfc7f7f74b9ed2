// What EXPLAIN shows for the core operators, named after PostgreSQL's plan
// nodes so that people read a familiar plan. Costs are not estimated.
#include "daemon/sql/exec/aggregate_op.h"
#include "daemon/sql/exec/basic_ops.h"
#include "daemon/sql/exec/cte_prelude_op.h"
#include "daemon/sql/exec/cte_scan_op.h"
#include "daemon/sql/exec/distinct_on_op.h"
#include "daemon/sql/exec/function_scan_op.h"
#include "daemon/sql/exec/lateral_join_op.h"
#include "daemon/sql/exec/lock_rows_op.h"
#include "daemon/sql/exec/project_set_op.h"
#include "daemon/sql/exec/recursive_union_op.h"
#include "daemon/sql/exec/window_op.h"
#include "daemon/sql/exec/dml_ops.h"
#include "daemon/sql/exec/join_ops.h"
#include "daemon/sql/exec/scan_ops.h"

namespace db9::sql {
namespace {

ExplainNode Node(std::string label, std::vector<const Operator*> inputs = {}) {
  ExplainNode node;
  node.label = std::move(label);
  node.inputs = std::move(inputs);
  return node;
}

}  // namespace

ExplainNode FilterOp::Explain() const { return Node("Filter", {input_.get()}); }
ExplainNode ProjectOp::Explain() const { return Node("", {input_.get()}); }
ExplainNode LimitOp::Explain() const { return Node("Limit", {input_.get()}); }
ExplainNode LockRowsOp::Explain() const { return Node("LockRows", {input_.get()}); }
ExplainNode SortOp::Explain() const { return Node("Sort", {input_.get()}); }
ExplainNode DistinctOp::Explain() const { return Node("HashAggregate", {input_.get()}); }
ExplainNode ValuesOp::Explain() const {
  // SELECT without FROM is one row of no input: PostgreSQL's Result node.
  return Node(rows_.size() == 1 ? "Result" : "Values Scan on \"*VALUES*\"");
}

ExplainNode AppendOp::Explain() const {
  std::vector<const Operator*> inputs;
  for (const OperatorPtr& input : inputs_) inputs.push_back(input.get());
  return Node("Append", std::move(inputs));
}

ExplainNode SetOpOp::Explain() const {
  const char* what = kind_ == Kind::kUnion ? "Union" : kind_ == Kind::kIntersect ? "Intersect" : "Except";
  return Node(std::string("HashSetOp ") + what + (all_ ? " All" : ""), {left_.get(), right_.get()});
}

ExplainNode TableScanOp::Explain() const {
  if (path_.index == nullptr) return Node("Seq Scan on " + table_->name);
  return Node(std::string(path_.backward ? "Index Scan Backward" : "Index Scan") + " using " +
              path_.index->name + " on " + table_->name);
}

ExplainNode SystemScanOp::Explain() const { return Node("Seq Scan on " + relation_->name); }

ExplainNode MaterializedJoinOp::Explain() const {
  // PostgreSQL: "Hash Join", "Hash Left Join", "Nested Loop", "Nested Loop Left Join".
  std::string label = method_name();
  switch (kind_) {
    case JoinKind::kLeft: label += " Left Join"; break;
    case JoinKind::kRight: label += " Right Join"; break;
    case JoinKind::kFull: label += " Full Join"; break;
    case JoinKind::kInner:
      if (label == "Hash") label += " Join";
      break;
  }
  return Node(label, {left_.get(), right_.get()});
}

ExplainNode HashAggregateOp::Explain() const {
  return Node(group_exprs_.empty() ? "Aggregate" : "HashAggregate", {input_.get()});
}

ExplainNode CtePreludeOp::Explain() const {
  if (first_.empty()) return Node("", {main_.get()});
  // Data-modifying CTEs run to completion before the main query.
  std::vector<const Operator*> inputs{main_.get()};
  for (const OperatorPtr& op : first_) inputs.push_back(op.get());
  return Node("Result", std::move(inputs));
}

ExplainNode CteScanOp::Explain() const { return Node("CTE Scan", {source_.get()}); }
ExplainNode DistinctOnOp::Explain() const { return Node("Unique", {input_.get()}); }

ExplainNode FunctionScanOp::Explain() const {
  std::string name = calls_.size() == 1 && calls_[0].function != nullptr
                         ? calls_[0].function->name
                         : calls_.size() == 1 ? "result" : "rows from";
  return Node("Function Scan on " + name);
}

ExplainNode ProjectSetOp::Explain() const { return Node("ProjectSet", {input_.get()}); }
ExplainNode WorkTableScanOp::Explain() const { return Node("WorkTable Scan"); }

ExplainNode RecursiveUnionOp::Explain() const {
  return Node("Recursive Union", {non_recursive_.get(), recursive_.get()});
}

ExplainNode WindowOp::Explain() const { return Node("WindowAgg", {input_.get()}); }

ExplainNode LateralJoinOp::Explain() const {
  return Node(kind_ == JoinKind::kLeft ? "Nested Loop Left Join" : "Nested Loop",
              {left_.get(), right_.get()});
}

ExplainNode InsertOp::Explain() const { return Node("Insert on " + target_.table->name, {input_.get()}); }
ExplainNode UpdateOp::Explain() const { return Node("Update on " + target_.table->name, {input_.get()}); }
ExplainNode DeleteOp::Explain() const { return Node("Delete on " + target_.table->name, {input_.get()}); }

}  // namespace db9::sql
