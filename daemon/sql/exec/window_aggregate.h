// An aggregate used as a window function (sum(x) OVER w): for each row the
// aggregate runs over that row's frame. Rows are visited in partition order,
// so consecutive frames usually share their start:
//   - the same frame as the previous row (peers under the default frame, the
//     whole partition) reuses the previous value;
//   - a frame that only grew at its end (running totals) adds just the new
//     rows to the previous state, when the aggregate allows Finish() twice;
//   - anything else aggregates the frame from scratch.
#pragma once

#include "daemon/functions/aggregate_registry.h"

namespace db9::sql {

using types::Value;

class AggregateOverFrame final : public functions::WindowFunctionState {
 public:
  // `arg_count` arguments per row; with `filtered`, one more value follows
  // them: the FILTER (WHERE ...) result, a bool that may be NULL.
  // `excluding`: the frame has an EXCLUDE clause, so frames with equal
  // bounds may still differ.
  AggregateOverFrame(const functions::AggregateInfo& aggregate, size_t arg_count, bool filtered,
                     bool excluding)
      : aggregate_(aggregate), arg_count_(arg_count), filtered_(filtered), excluding_(excluding) {}
  Result<Value> Compute(functions::FunctionContext& ctx,
                        const functions::WindowFrame& frame) override;

 private:
  // Adds the frame's rows in [from, to) to state_.
  Status AddRows(functions::FunctionContext& ctx, const functions::WindowFrame& frame,
                 int64_t from, int64_t to);

  const functions::AggregateInfo& aggregate_;
  size_t arg_count_;
  bool filtered_;
  bool excluding_;
  // The previous row's frame [start_, end_), its value, and (when the
  // aggregate can finish repeatedly) the state holding those rows.
  bool have_previous_ = false;
  int64_t start_ = 0, end_ = 0;
  Value value_;
  std::unique_ptr<functions::AggregateState> state_;
  std::vector<Value> args_;  // scratch
};

}  // namespace db9::sql
