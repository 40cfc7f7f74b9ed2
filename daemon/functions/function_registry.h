// FunctionRegistry: scalar SQL functions as entries (pg_proc rows), with
// overload resolution following PostgreSQL's rules (func_select_candidate):
//
//   const FunctionInfo* f = ...;
//   Result<Value> r = CallFunction(*f, ctx, args);  // handles strictness
//
//   auto m = registries.functions.Resolve("length", {oid::kUnknown}, registries);
//   // m->function, m->arg_types (the types to coerce each argument to)
//
// Implementations have the signature
//   Result<Value> impl(FunctionContext& ctx, std::span<const Value> args)
// and receive arguments already coerced to the declared types (for
// polymorphic "any*" parameters: the actual types, see ctx.arg_types). A
// strict function is never called with a NULL argument: CallFunction answers
// NULL of the result type instead. Non-strict functions see NULLs.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "daemon/functions/function_context.h"
#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::functions {

using types::Oid;
using types::Value;

// pg_proc.provolatile.
enum class Volatility : char { kImmutable = 'i', kStable = 's', kVolatile = 'v' };

using ScalarImpl = std::function<Result<Value>(FunctionContext&, std::span<const Value>)>;

// Set-returning functions (generate_series, unnest, jsonb_each, ...) yield
// rows one at a time, so a consumer that stops early (LIMIT, a cursor)
// never makes the rest. Next() fills `row` with one value per result
// column and returns true, or returns false when the set is exhausted.
// Long producers poll ctx.interrupt so a cancel reaches them.
class SetIterator {
 public:
  virtual ~SetIterator() = default;
  virtual Result<bool> Next(FunctionContext& ctx, std::vector<Value>* row) = 0;
};

// Starts one call: the arguments are coerced as for a scalar function. A
// strict set-returning function called with a NULL argument yields no rows
// (CallSetFunction handles that without calling the impl).
using SetReturningImpl = std::function<Result<std::unique_ptr<SetIterator>>(
    FunctionContext&, std::span<const Value>)>;

// One result column of a set-returning function with several columns
// (jsonb_each -> key text, value jsonb). A single-column function leaves
// FunctionInfo::set_columns empty: its column is named after the function
// and has the (resolved) return type.
struct SetColumn {
  std::string name;
  Oid type = types::oid::kInvalid;
};

struct FunctionInfo {
  std::string name;                 // lower-case SQL name, e.g. "substring"
  std::vector<Oid> arg_types;       // declared; may use kAnyElement / kAnyArray / kAny
  Oid return_type = types::oid::kVoid;  // may be kAnyElement / kAnyArray (resolved per call)
  // The last declared argument repeats (VARIADIC "any" for concat/format):
  // arg_types.back() is the type of every extra argument.
  bool variadic = false;
  bool strict = true;
  Volatility volatility = Volatility::kImmutable;
  ScalarImpl impl;
  Oid oid = 0;  // pg_proc oid, assigned by Register when 0
  // Set by set-returning functions instead of `impl` (pg_proc.proretset).
  // return_type is then the type of one element (the column type of a
  // single-column function; kRecord with set_columns for several).
  SetReturningImpl set_impl;
  std::vector<SetColumn> set_columns;

  bool returns_set() const { return static_cast<bool>(set_impl); }
};

// The outcome of overload resolution.
struct FunctionMatch {
  const FunctionInfo* function = nullptr;
  // One per actual argument: the type to coerce that argument to (for
  // unknown literals, the type to parse them as).
  std::vector<Oid> arg_types;
  // The concrete result type (polymorphic return types resolved).
  Oid return_type = types::oid::kInvalid;
};

struct Registries;

class FunctionRegistry {
 public:
  // Adds an overload. 42723 duplicate_function for an identical signature.
  Status Register(FunctionInfo info);

  // All overloads named `name` (lower-case), empty if none.
  std::span<const FunctionInfo* const> Overloads(std::string_view name) const;

  // Picks the overload for a call with these actual argument types
  // (kUnknown for untyped literals/parameters). 42883 undefined_function
  // `function lower(integer) does not exist` with PostgreSQL's hint, or
  // 42725 ambiguous_function.
  Result<FunctionMatch> Resolve(std::string_view name, std::span<const Oid> actual,
                                const Registries& registries) const;

  // Every entry (pg_proc rows), registration order.
  const std::vector<std::unique_ptr<FunctionInfo>>& all() const { return entries_; }

 private:
  std::vector<std::unique_ptr<FunctionInfo>> entries_;
  std::unordered_map<std::string, std::vector<const FunctionInfo*>> by_name_;
  Oid next_oid_ = 16384 + 100000;
};

// Calls `f` with strictness handled: if f.strict and any arg is NULL, the
// answer is NULL typed ctx.result_type (or f.return_type when unset).
Result<Value> CallFunction(const FunctionInfo& f, FunctionContext& ctx,
                           std::span<const Value> args);

// Starts a set-returning call with strictness handled (NULL argument to a
// strict function: an empty set).
Result<std::unique_ptr<SetIterator>> CallSetFunction(const FunctionInfo& f, FunctionContext& ctx,
                                                     std::span<const Value> args);

// A SetIterator over rows computed up front (small sets, catalog answers).
std::unique_ptr<SetIterator> MakeRowsIterator(std::vector<std::vector<Value>> rows);

}  // namespace db9::functions
