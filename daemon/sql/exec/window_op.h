// WindowOp: evaluates window function calls. It materializes its input, and
// for each window definition sorts the rows by PARTITION BY then ORDER BY
// (stably), splits them into partitions and peer groups, and computes every
// call over that window. Output rows are the input rows with one value per
// call appended, in the order of the last window's sort (as PostgreSQL's
// chain of WindowAgg nodes leaves them).
#pragma once

#include "daemon/functions/aggregate_registry.h"
#include "daemon/sql/exec/basic_ops.h"
#include "daemon/sql/exec/window_frame.h"

namespace db9::sql {

struct WindowDefinition {
  std::vector<ExprPtr> partition;
  std::vector<SortKey> order;
  FrameClause frame;
};

struct WindowCall {
  int window = 0;  // index into the operator's definitions
  // Exactly one of these: a window-only function, or an aggregate run over
  // each row's frame.
  const functions::WindowFunctionInfo* function = nullptr;
  const functions::AggregateInfo* aggregate = nullptr;
  std::vector<ExprPtr> args;  // coerced to arg_types, over the input row
  std::vector<Oid> arg_types;
  Oid result_type = 0;
  ExprPtr filter;  // aggregates only: FILTER (WHERE ...), may be null
};

class WindowOp final : public Operator {
 public:
  // Input rows have `input_width` values; `columns` describes the output
  // (the input's columns, then one per call).
  WindowOp(OperatorPtr input, size_t input_width, std::vector<WindowDefinition> windows,
           std::vector<WindowCall> calls, std::vector<OutputColumn> columns);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  // Sorts `order_` for window `w` and computes its calls into rows_.
  Status EvaluateWindow(ExecContext& ctx, int w);
  // One partition [begin, end) of order_ for window `w`.
  Status EvaluatePartition(ExecContext& ctx, int w, size_t begin, size_t end,
                           const std::vector<Row>& keys, const FrameOffsets& offsets);

  OperatorPtr input_;
  size_t input_width_;
  std::vector<WindowDefinition> windows_;
  std::vector<WindowCall> calls_;
  std::vector<Row> rows_;            // input rows with the call results appended
  std::vector<Row> call_args_;       // per call and input row (call * rows + row)
  std::vector<size_t> order_;        // row indexes in output order
  size_t position_ = 0;
};

}  // namespace db9::sql
