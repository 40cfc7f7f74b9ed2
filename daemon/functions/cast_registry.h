// CastRegistry: conversions between types (pg_cast rows) and the coercion
// rules the binder uses.
//
//   // Can an int2 argument go where an int8 is wanted without a CAST?
//   registries.casts.CanCoerce(oid::kInt2, oid::kInt8, CoercionContext::kImplicit)
//   // Convert a value (handles unknown literals, I/O casts, typmods):
//   Result<Value> v = registries.casts.Cast(ctx, value, oid::kVarchar, /*typmod=*/14,
//                                           CoercionContext::kExplicit);
//
// Like PostgreSQL, every type can be cast to and from the string types by
// I/O conversion (output then input): explicitly to/from text, varchar,
// bpchar, name; assignment-wise from any type to a string type. Unknown
// (untyped literals) converts to anything implicitly by text input.
#pragma once

#include <functional>
#include <optional>
#include <unordered_map>

#include "daemon/functions/function_registry.h"

namespace db9::functions {

// pg_cast.castcontext: implicit ('i') casts apply anywhere, assignment
// ('a') ones in INSERT/UPDATE targets too, explicit ('e') only in CAST/::.
// Each context allows everything the earlier ones allow.
enum class CoercionContext : char { kImplicit = 'i', kAssignment = 'a', kExplicit = 'e' };

// pg_cast.castmethod.
enum class CastMethod : char {
  kFunction = 'f',  // call impl
  kBinary = 'b',    // same payload: relabel only (varchar -> text)
  kInOut = 'i',     // source output, then target input
};

// Converts one non-NULL value. ctx.result_type / ctx.result_typmod hold the
// target; the typmod is applied afterwards by Cast() so impls ignore it.
using CastImpl = std::function<Result<Value>(FunctionContext&, const Value&)>;

struct CastInfo {
  Oid source = types::oid::kInvalid;
  Oid target = types::oid::kInvalid;
  CoercionContext context = CoercionContext::kExplicit;
  CastMethod method = CastMethod::kFunction;
  CastImpl impl;  // only for kFunction
};

class CastRegistry {
 public:
  // Adds or replaces the cast source -> target.
  Status Register(CastInfo info);

  // The explicit pg_cast entry, nullptr if none (I/O casts are implied, not
  // listed, as in PostgreSQL).
  const CastInfo* Find(Oid source, Oid target) const;

  // Whether a value of `source` may become `target` in `context`, counting
  // same type, unknown literals, pg_cast entries, implied I/O casts, and
  // polymorphic targets (any, anyelement, anyarray).
  bool CanCoerce(Oid source, Oid target, CoercionContext context,
                 const types::TypeRegistry& types) const;

  // Converts `value` to `target` (and typmod, -1 for none) if allowed in
  // `context`; a NULL stays NULL (typed target). Errors: 42846
  // `cannot cast type integer to uuid` when no path, otherwise the
  // conversion's own (22P02, 22003, 22001...).
  Result<Value> Cast(FunctionContext& ctx, const Value& value, Oid target, int32_t typmod,
                     CoercionContext context) const;

  const std::unordered_map<uint64_t, CastInfo>& all() const { return casts_; }

 private:
  std::unordered_map<uint64_t, CastInfo> casts_;  // key: source << 32 | target
};

// Reads an untyped literal (unknown) as `target` the way PostgreSQL coerces
// an unknown constant: the input function without the typmod (interval
// excepted: its typmod selects fields), then the typmod as a length coercion
// in `context`. So 'abc'::varchar(2) is 'ab' (explicit casts truncate) while
// inserting 'abc' into a varchar(2) column fails with 22001.
Result<Value> ReadUnknownLiteral(const types::TypeRegistry& types, const types::IoContext& io,
                                 std::string_view text, Oid target, int32_t typmod,
                                 CoercionContext context);

}  // namespace db9::functions
