// Window functions (row_number, rank, lag, first_value, ...): functions
// that see the whole partition of the current row, not only its arguments.
// They live in the AggregateRegistry next to the aggregates (see
// AggregateRegistry::RegisterWindow), so a module adds its own the same way
// it adds an aggregate. Aggregates used with OVER are adapted by the
// executor; they need no entry here.
//
// The executor sorts a partition, then for each row asks the function's
// state for the value at that row:
//
//   std::unique_ptr<WindowFunctionState> s = info.create(ctx);  // one per partition
//   for (row = 0; row < partition size; ++row) {
//     frame.SetCurrent(row);
//     Result<Value> v = s->Compute(ctx, frame);   // rows in order, first to last
//   }
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "daemon/functions/function_context.h"
#include "daemon/types/value.h"

namespace db9::functions {

using types::Oid;
using types::Value;

// The current row's view of its partition. Positions are 0-based indexes
// into the sorted partition.
class WindowFrame {
 public:
  virtual ~WindowFrame() = default;
  virtual int64_t partition_size() const = 0;
  virtual int64_t current() const = 0;
  // The current row's peers (rows equal under the window's ORDER BY; the
  // whole partition without ORDER BY): [peer_start, peer_end).
  virtual int64_t peer_start() const = 0;
  virtual int64_t peer_end() const = 0;
  // 0-based number of the current peer group in the partition (dense rank - 1).
  virtual int64_t peer_group() const = 0;
  // The frame clause's rows for the current row: [frame_start, frame_end),
  // less the rows InFrame() reports excluded (EXCLUDE ...).
  virtual int64_t frame_start() const = 0;
  virtual int64_t frame_end() const = 0;
  virtual bool InFrame(int64_t row) const = 0;
  // Argument `arg` of the call evaluated at partition row `row`.
  virtual const Value& Argument(size_t arg, int64_t row) const = 0;
};

class WindowFunctionState {
 public:
  virtual ~WindowFunctionState() = default;
  // The value at frame.current(); called for rows 0, 1, 2, ... in order.
  virtual Result<Value> Compute(FunctionContext& ctx, const WindowFrame& frame) = 0;
};

struct WindowFunctionInfo {
  std::string name;
  std::vector<Oid> arg_types;  // may use kAnyElement
  Oid return_type = types::oid::kInvalid;  // may be polymorphic
  // The kAnyElement arguments take their common type, as PostgreSQL's
  // anycompatible does (lag(int_col, 1, 0.5) is numeric), instead of having
  // to be one type already.
  bool common_polymorphic = false;
  // Makes a fresh state for one partition (never null); ctx.arg_types and
  // ctx.result_type are the call site's resolved types.
  std::function<std::unique_ptr<WindowFunctionState>(FunctionContext&)> create;
  Oid oid = 0;
};

struct WindowFunctionMatch {
  const WindowFunctionInfo* function = nullptr;
  std::vector<Oid> arg_types;  // coerce each argument to this
  Oid return_type = types::oid::kInvalid;
};

}  // namespace db9::functions
