#include "daemon/sql/exec/window_op.h"

#include <algorithm>
#include <numeric>

#include "daemon/sql/exec/window_aggregate.h"

namespace db9::sql {

namespace {

// A RANGE bound (ORDER BY value -/+ offset) that overflows its type lies
// beyond every row, as PostgreSQL's in_range functions treat it: NULL says
// so to ComputeFrames.
Result<Value> EvaluateRangeBound(const Expr& bound, ExecContext& ctx, const Row& row) {
  Result<Value> v = bound.Eval(ctx, row);
  if (!v.ok() && (v.status().sqlstate() == sqlstate::kNumericValueOutOfRange ||
                  v.status().sqlstate() == sqlstate::kDatetimeFieldOverflow ||
                  v.status().sqlstate() == "22015" /* interval out of range */)) {
    return Value::Null(bound.type);
  }
  return v;
}

}  // namespace

WindowOp::WindowOp(OperatorPtr input, size_t input_width, std::vector<WindowDefinition> windows,
                   std::vector<WindowCall> calls, std::vector<OutputColumn> out_columns)
    : input_(std::move(input)), input_width_(input_width), windows_(std::move(windows)),
      calls_(std::move(calls)) {
  columns = std::move(out_columns);
}

Status WindowOp::Open(ExecContext& ctx) {
  rows_.clear();
  call_args_.clear();
  order_.clear();
  position_ = 0;
  DB9_RETURN_IF_ERROR(input_->Open(ctx));
  Row row;
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, &row));
    if (!more) break;
    if (row.size() < input_width_) return Status::Internal("window input row is too short");
    row.resize(input_width_ + calls_.size());
    rows_.push_back(std::move(row));
    if ((rows_.size() & 1023) == 0) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
  }
  // Arguments (and FILTER results) once per call and row: frames read them
  // many times.
  const size_t n = rows_.size();
  call_args_.resize(calls_.size() * n);
  for (size_t c = 0; c < calls_.size(); ++c) {
    const WindowCall& call = calls_[c];
    for (size_t r = 0; r < n; ++r) {
      Row& args = call_args_[c * n + r];
      for (const ExprPtr& arg : call.args) {
        DB9_ASSIGN_OR_RETURN(Value v, arg->Eval(ctx, rows_[r]));
        args.push_back(std::move(v));
      }
      if (call.filter) {
        DB9_ASSIGN_OR_RETURN(bool pass, EvalPredicate(*call.filter, ctx, rows_[r]));
        args.push_back(Value::Bool(pass));
      }
    }
  }
  order_.resize(n);
  std::iota(order_.begin(), order_.end(), size_t{0});
  for (size_t w = 0; w < windows_.size(); ++w) {
    DB9_RETURN_IF_ERROR(EvaluateWindow(ctx, static_cast<int>(w)));
  }
  return Status::OK();
}

Status WindowOp::EvaluateWindow(ExecContext& ctx, int w) {
  const WindowDefinition& def = windows_[w];
  const size_t n = rows_.size();
  const size_t np = def.partition.size();
  // Sort keys per input row: PARTITION BY values, then ORDER BY values.
  std::vector<Row> keys(n);
  for (size_t r = 0; r < n; ++r) {
    for (const ExprPtr& e : def.partition) {
      DB9_ASSIGN_OR_RETURN(Value v, e->Eval(ctx, rows_[r]));
      keys[r].push_back(std::move(v));
    }
    for (const SortKey& k : def.order) {
      DB9_ASSIGN_OR_RETURN(Value v, k.expr->Eval(ctx, rows_[r]));
      keys[r].push_back(std::move(v));
    }
  }
  const types::TypeRegistry& types = ctx.types();
  // Three-way comparison of two rows' keys in [from, to); any order groups
  // partitions, so PARTITION BY keys sort ascending.
  Status error;
  auto compare = [&](size_t a, size_t b, size_t from, size_t to) {
    for (size_t i = from; i < to && error.ok(); ++i) {
      bool desc = i >= np && def.order[i - np].descending;
      bool nulls_first = i >= np && def.order[i - np].nulls_first;
      Result<int> cmp = CompareSortValues(types, keys[a][i], keys[b][i], desc, nulls_first);
      if (!cmp.ok()) {
        error = cmp.status();
        return 0;
      }
      if (*cmp != 0) return *cmp;
    }
    return 0;
  };
  const size_t width = np + def.order.size();
  std::stable_sort(order_.begin(), order_.end(),
                   [&](size_t a, size_t b) { return compare(a, b, 0, width) < 0; });
  DB9_RETURN_IF_ERROR(error);
  DB9_ASSIGN_OR_RETURN(FrameOffsets offsets, EvaluateFrameOffsets(def.frame, ctx));
  size_t begin = 0;
  for (size_t i = 1; i <= n; ++i) {
    if (i < n && compare(order_[i - 1], order_[i], 0, np) == 0) continue;
    DB9_RETURN_IF_ERROR(error);
    DB9_RETURN_IF_ERROR(EvaluatePartition(ctx, w, begin, i, keys, offsets));
    begin = i;
  }
  return error;
}

Status WindowOp::EvaluatePartition(ExecContext& ctx, int w, size_t begin, size_t end,
                                   const std::vector<Row>& keys, const FrameOffsets& offsets) {
  const WindowDefinition& def = windows_[w];
  const size_t np = def.partition.size();
  const size_t m = end - begin;
  const types::TypeRegistry& types = ctx.types();
  std::vector<bool> equal_to_previous(m, false);
  for (size_t i = 1; i < m; ++i) {
    bool equal = true;
    for (size_t k = 0; k < def.order.size() && equal; ++k) {
      DB9_ASSIGN_OR_RETURN(int cmp, CompareSortValues(types, keys[order_[begin + i - 1]][np + k],
                                                      keys[order_[begin + i]][np + k], false, false));
      equal = cmp == 0;
    }
    equal_to_previous[i] = equal;
  }
  PartitionLayout layout;
  ComputePeers(equal_to_previous, &layout);
  // RANGE with an offset: the single ORDER BY value and the bound values.
  std::vector<Value> order_values, start_bounds, end_bounds;
  if (def.frame.start_bound || def.frame.end_bound) {
    for (size_t i = 0; i < m; ++i) {
      const size_t r = order_[begin + i];
      order_values.push_back(keys[r][np]);
      if (def.frame.start_bound) {
        DB9_ASSIGN_OR_RETURN(Value v, EvaluateRangeBound(*def.frame.start_bound, ctx, rows_[r]));
        start_bounds.push_back(std::move(v));
      }
      if (def.frame.end_bound) {
        DB9_ASSIGN_OR_RETURN(Value v, EvaluateRangeBound(*def.frame.end_bound, ctx, rows_[r]));
        end_bounds.push_back(std::move(v));
      }
    }
  }
  DB9_RETURN_IF_ERROR(ComputeFrames(def.frame, offsets, def.order.empty() ? nullptr : &def.order[0],
                                    types, order_values, start_bounds, end_bounds, &layout));
  const int exclusion = def.frame.options & frame::kExclusion;
  const size_t n = rows_.size();
  std::vector<const Row*> args(m);
  for (size_t c = 0; c < calls_.size(); ++c) {
    const WindowCall& call = calls_[c];
    if (call.window != w) continue;
    for (size_t i = 0; i < m; ++i) args[i] = &call_args_[c * n + order_[begin + i]];
    PartitionFrame frame(layout, exclusion, args);
    functions::FunctionContext fn = ctx.fn;
    fn.arg_types = call.arg_types;
    fn.result_type = call.result_type;
    std::unique_ptr<functions::WindowFunctionState> state;
    if (call.function != nullptr) {
      state = call.function->create(fn);
    } else {
      state = std::make_unique<AggregateOverFrame>(*call.aggregate, call.args.size(),
                                                   call.filter != nullptr, exclusion != 0);
    }
    if (!state) return Status::Internal("window function state could not be created");
    for (size_t i = 0; i < m; ++i) {
      frame.set_current(static_cast<int64_t>(i));
      DB9_ASSIGN_OR_RETURN(Value v, state->Compute(fn, frame));
      rows_[order_[begin + i]][input_width_ + c] = std::move(v);
      if ((i & 1023) == 1023) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    }
  }
  return Status::OK();
}

Result<bool> WindowOp::Next(ExecContext&, Row* row) {
  if (position_ >= order_.size()) return false;
  *row = std::move(rows_[order_[position_++]]);
  return true;
}

}  // namespace db9::sql
