// Type resolution rules shared by function, operator and aggregate lookup
// and by the binder (UNION/CASE/COALESCE/VALUES result types), after
// PostgreSQL's parse_func.c / parse_coerce.c.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/functions/cast_registry.h"

namespace db9::functions {

// One candidate signature for ResolveOverload.
struct Candidate {
  std::span<const Oid> declared;  // declared argument types
  bool variadic = false;          // last declared type repeats
  const void* entry = nullptr;    // the caller's entry pointer
};

// The winner of ResolveOverload: the entry, and the type each actual
// argument must become (polymorphic parameters resolved to actual types).
struct ResolvedCall {
  const void* entry = nullptr;
  std::vector<Oid> arg_types;
  Oid anyelement = types::oid::kInvalid;  // what anyelement bound to, if used
};

// PostgreSQL's func_select_candidate: exact match; else the candidates
// reachable by implicit coercion, narrowed by most exact matches, then most
// preferred types, then by the categories unknown arguments must take.
// Returns {entry = nullptr} when none match; 42725 when ambiguous.
Result<ResolvedCall> ResolveOverload(std::span<const Candidate> candidates,
                                     std::span<const Oid> actual, const Registries& registries);

// PostgreSQL's select_common_type (UNION, CASE, COALESCE, IN lists,
// VALUES, GREATEST/LEAST): the common type of `types`, unknown-only -> text.
// 42804 `CASE types integer and text cannot be matched` (`context` names the
// construct, e.g. "CASE", "UNION", "COALESCE").
Result<Oid> SelectCommonType(std::span<const Oid> types, std::string_view context,
                             const Registries& registries);

// The concrete type for a declared result type: anyelement -> what it
// bound to, anyarray -> the array of that; others unchanged.
Oid ResolveReturnType(Oid declared, Oid anyelement, const types::TypeRegistry& types);

// "lower(integer)" as error messages spell a call.
std::string CallSignature(const types::TypeRegistry& types, std::string_view name,
                          std::span<const Oid> actual);

}  // namespace db9::functions
