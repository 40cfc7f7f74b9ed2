// The window-only functions of PostgreSQL 15 (functions-window.html):
// row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead,
// first_value, last_value, nth_value. Ranking functions read the current
// row's peer group, lag/lead the whole partition, the value functions the
// frame (after EXCLUDE), exactly as PostgreSQL's windowfuncs.c.
#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/registries.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;

using ComputeFn = std::function<Result<Value>(FunctionContext&, const WindowFrame&)>;

// A stateless window function: each row's value depends only on the frame.
class StatelessWindow : public WindowFunctionState {
 public:
  explicit StatelessWindow(const ComputeFn& fn) : fn_(fn) {}
  Result<Value> Compute(FunctionContext& ctx, const WindowFrame& frame) override {
    return fn_(ctx, frame);
  }

 private:
  const ComputeFn& fn_;
};

Status Add(Registries& r, std::string name, std::vector<Oid> args, Oid ret, ComputeFn fn,
           bool common_polymorphic = false) {
  WindowFunctionInfo info;
  info.name = std::move(name);
  info.arg_types = std::move(args);
  info.return_type = ret;
  info.common_polymorphic = common_polymorphic;
  // The registry outlives every state, so states may refer to its copy.
  auto shared = std::make_shared<ComputeFn>(std::move(fn));
  info.create = [shared](FunctionContext&) -> std::unique_ptr<WindowFunctionState> {
    return std::make_unique<StatelessWindow>(*shared);
  };
  return r.aggregates.RegisterWindow(std::move(info));
}

Result<Value> Rank(FunctionContext&, const WindowFrame& f) {
  return Value::Int8(f.peer_start() + 1);
}

Result<Value> PercentRank(FunctionContext&, const WindowFrame& f) {
  int64_t n = f.partition_size();
  if (n <= 1) return Value::Float8(0.0);
  return Value::Float8(static_cast<double>(f.peer_start()) / static_cast<double>(n - 1));
}

Result<Value> CumeDist(FunctionContext&, const WindowFrame& f) {
  return Value::Float8(static_cast<double>(f.peer_end()) /
                       static_cast<double>(f.partition_size()));
}

// ntile(n): PostgreSQL reads n once, at the partition's first row; the first
// (size % n) buckets get one row more than the others.
class NtileState : public WindowFunctionState {
 public:
  Result<Value> Compute(FunctionContext&, const WindowFrame& f) override {
    if (f.current() == 0) {
      const Value& arg = f.Argument(0, 0);
      null_ = arg.is_null();
      if (!null_) {
        buckets_ = arg.as_int();
        if (buckets_ <= 0) {
          return Status::Error("22014", "argument of ntile must be greater than zero");
        }
      }
    }
    if (null_) return Value::Null(oid::kInt4);
    int64_t total = f.partition_size();
    int64_t per = total / buckets_;
    int64_t extra = total % buckets_;  // buckets holding per + 1 rows
    int64_t row = f.current();
    int64_t big = extra * (per + 1);  // rows in the larger buckets
    int64_t bucket = row < big ? row / (per + 1) : extra + (row - big) / per;
    return Value::Int4(bucket + 1);
  }

 private:
  bool null_ = false;
  int64_t buckets_ = 1;
};

// lag/lead(value [, offset [, default]]): the row `offset` before/after the
// current one in the partition; the default (or NULL) when there is none.
// Offset and default are evaluated at the current row.
ComputeFn Shift(int direction) {
  return [direction](FunctionContext& ctx, const WindowFrame& f) -> Result<Value> {
    const int64_t row = f.current();
    int64_t offset = 1;
    if (ctx.arg_types.size() >= 2) {
      const Value& o = f.Argument(1, row);
      if (o.is_null()) return Value::Null(ctx.result_type);
      offset = o.as_int();
    }
    int64_t target = row + direction * offset;
    if (target >= 0 && target < f.partition_size()) return f.Argument(0, target);
    if (ctx.arg_types.size() >= 3) return f.Argument(2, row);
    return Value::Null(ctx.result_type);
  };
}

// The n-th (1-based) row of the frame, skipping excluded rows; NULL when the
// frame is shorter.
Result<Value> NthInFrame(const FunctionContext& ctx, const WindowFrame& f, int64_t n) {
  for (int64_t row = f.frame_start(); row < f.frame_end(); ++row) {
    if (!f.InFrame(row)) continue;
    if (--n == 0) return f.Argument(0, row);
  }
  return Value::Null(ctx.result_type);
}

Result<Value> FirstValue(FunctionContext& ctx, const WindowFrame& f) {
  return NthInFrame(ctx, f, 1);
}

Result<Value> LastValue(FunctionContext& ctx, const WindowFrame& f) {
  for (int64_t row = f.frame_end() - 1; row >= f.frame_start(); --row) {
    if (f.InFrame(row)) return f.Argument(0, row);
  }
  return Value::Null(ctx.result_type);
}

Result<Value> NthValue(FunctionContext& ctx, const WindowFrame& f) {
  const Value& n = f.Argument(1, f.current());
  if (n.is_null()) return Value::Null(ctx.result_type);
  if (n.as_int() <= 0) {
    return Status::Error("22016", "argument of nth_value must be greater than zero");
  }
  return NthInFrame(ctx, f, n.as_int());
}

}  // namespace

Status RegisterWindowFunctions(Registries& r) {
  DB9_RETURN_IF_ERROR(Add(r, "row_number", {}, oid::kInt8, [](FunctionContext&, const WindowFrame& f) {
    return Result<Value>(Value::Int8(f.current() + 1));
  }));
  DB9_RETURN_IF_ERROR(Add(r, "rank", {}, oid::kInt8, Rank));
  DB9_RETURN_IF_ERROR(Add(r, "dense_rank", {}, oid::kInt8, [](FunctionContext&, const WindowFrame& f) {
    return Result<Value>(Value::Int8(f.peer_group() + 1));
  }));
  DB9_RETURN_IF_ERROR(Add(r, "percent_rank", {}, oid::kFloat8, PercentRank));
  DB9_RETURN_IF_ERROR(Add(r, "cume_dist", {}, oid::kFloat8, CumeDist));
  {
    WindowFunctionInfo ntile;
    ntile.name = "ntile";
    ntile.arg_types = {oid::kInt4};
    ntile.return_type = oid::kInt4;
    ntile.create = [](FunctionContext&) { return std::make_unique<NtileState>(); };
    DB9_RETURN_IF_ERROR(r.aggregates.RegisterWindow(std::move(ntile)));
  }
  const Oid any = oid::kAnyElement;
  for (auto [name, direction] : {std::pair{"lag", -1}, std::pair{"lead", 1}}) {
    DB9_RETURN_IF_ERROR(Add(r, name, {any}, any, Shift(direction)));
    DB9_RETURN_IF_ERROR(Add(r, name, {any, oid::kInt4}, any, Shift(direction)));
    // The default may be any type the value can share (PostgreSQL 15
    // declares it anycompatible): lag(int_col, 1, 0.5) is numeric.
    DB9_RETURN_IF_ERROR(Add(r, name, {any, oid::kInt4, any}, any, Shift(direction), true));
  }
  DB9_RETURN_IF_ERROR(Add(r, "first_value", {any}, any, FirstValue));
  DB9_RETURN_IF_ERROR(Add(r, "last_value", {any}, any, LastValue));
  return Add(r, "nth_value", {any, oid::kInt4}, any, NthValue);
}

}  // namespace db9::functions
