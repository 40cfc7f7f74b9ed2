// AggregateRegistry: aggregate functions (pg_aggregate rows) with a
// transition/final interface. The executor creates one state per group,
// feeds rows, and finishes:
//
//   auto m = registries.aggregates.Resolve("sum", {oid::kInt4}, registries);
//   std::unique_ptr<AggregateState> s = m->aggregate->create(ctx);
//   for (row : group) DB9_RETURN_IF_ERROR(s->Add(ctx, args_of(row)));
//   Result<Value> v = s->Finish(ctx);   // sum(int4) -> int8, NULL if no rows
//
// DISTINCT and FILTER are the executor's: it passes only the rows (and
// distinct argument tuples) that qualify. For a strict aggregate the
// executor need not filter NULLs: Add() skips any row with a NULL argument
// itself, as PostgreSQL's strict transition functions do. count(*) is
// the zero-argument overload of "count".
//
// The registry also holds the window-only functions (row_number, rank,
// lag, ...; see window_function.h): like aggregates they are called by the
// executor over many rows, and a module registers both kinds in one place.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "daemon/functions/function_registry.h"
#include "daemon/functions/window_function.h"

namespace db9::functions {

class AggregateState {
 public:
  virtual ~AggregateState() = default;
  // One input row's (coerced) arguments.
  virtual Status Add(FunctionContext& ctx, std::span<const Value> args) = 0;
  // Many rows of a call with at most one argument: args[k] is row k's
  // argument, or null when the call has none (count(*)). The same as Add per
  // row; the common aggregates override it so that a scan's rows reach them
  // without a virtual call and a Status each.
  virtual Status AddEach(FunctionContext& ctx, std::span<const Value* const> args) {
    for (const Value* arg : args) {
      DB9_RETURN_IF_ERROR(Add(ctx, arg != nullptr ? std::span<const Value>(arg, 1)
                                                  : std::span<const Value>()));
    }
    return Status::OK();
  }
  // The aggregate's value for the rows seen so far; may be called once,
  // unless CanFinishRepeatedly().
  virtual Result<Value> Finish(FunctionContext& ctx) = 0;
  // True if Combine() can merge in another state of the same call: the
  // input may then be split and its parts aggregated on other threads.
  // Only where the result cannot depend on how rows were split (float sums
  // round differently, string_agg keeps an order).
  virtual bool Combinable() const { return false; }
  // Adds the rows `other` took. REQUIRES: Combinable(), `other` made by the
  // same aggregate for the same call.
  virtual Status Combine(FunctionContext& ctx, AggregateState& other) {
    return Status::Internal("aggregate state cannot be combined");
  }
  // True if Finish() leaves the state as it was, so rows may be added and
  // Finish() called again: a window whose frames only grow (running totals)
  // then keeps one state instead of aggregating every frame from scratch.
  virtual bool CanFinishRepeatedly() const { return false; }
};

struct AggregateInfo {
  std::string name;
  std::vector<Oid> arg_types;  // may use kAnyElement / kAnyArray
  Oid return_type = types::oid::kInvalid;  // may be polymorphic
  // Makes a fresh state (never null); ctx.arg_types / ctx.result_type must
  // be the call site's resolved types (AggregateMatch::arg_types /
  // return_type): polymorphic aggregates such as array_agg read them.
  std::function<std::unique_ptr<AggregateState>(FunctionContext&)> create;
  Oid oid = 0;
};

struct AggregateMatch {
  const AggregateInfo* aggregate = nullptr;
  std::vector<Oid> arg_types;   // coerce each argument to this
  Oid return_type = types::oid::kInvalid;
};

class AggregateRegistry {
 public:
  Status Register(AggregateInfo info);
  bool IsAggregate(std::string_view name) const;
  // Same resolution rules as functions; 42883 when no overload matches.
  Result<AggregateMatch> Resolve(std::string_view name, std::span<const Oid> actual,
                                 const Registries& registries) const;
  const std::vector<std::unique_ptr<AggregateInfo>>& all() const { return entries_; }

  // Window-only functions; a name may not be both an aggregate and a
  // window function (42723).
  Status RegisterWindow(WindowFunctionInfo info);
  bool IsWindowFunction(std::string_view name) const;
  // 42883 when no overload matches.
  Result<WindowFunctionMatch> ResolveWindow(std::string_view name, std::span<const Oid> actual,
                                            const Registries& registries) const;
  const std::vector<std::unique_ptr<WindowFunctionInfo>>& window_functions() const {
    return window_entries_;
  }

 private:
  std::vector<std::unique_ptr<AggregateInfo>> entries_;
  std::unordered_map<std::string, std::vector<const AggregateInfo*>> by_name_;
  std::vector<std::unique_ptr<WindowFunctionInfo>> window_entries_;
  std::unordered_map<std::string, std::vector<const WindowFunctionInfo*>> window_by_name_;
  Oid next_oid_ = 16384 + 300000;
};

}  // namespace db9::functions
