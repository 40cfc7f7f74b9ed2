// Array containment and overlap: anyarray @> <@ && and their function forms
// (arraycontains, arraycontained, arrayoverlap), with PostgreSQL's rules:
// dimensions and duplicates do not matter, elements compare with their
// type's equality, and a NULL element equals nothing (so '{1,NULL}' @>
// '{NULL}' is false).
#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/array_value.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

// Whether every element of `wanted` (all: @>) or some element (any: &&)
// equals an element of `have`.
Result<bool> Matches(FunctionContext& ctx, const Value& have_value, const Value& wanted_value, bool all) {
  DB9_ASSIGN_OR_RETURN(types::ArrayValue have, types::DecodeArray(have_value.as_string()));
  DB9_ASSIGN_OR_RETURN(types::ArrayValue wanted, types::DecodeArray(wanted_value.as_string()));
  if (have.element_type != wanted.element_type) {
    return Status::Error(sqlstate::kDatatypeMismatch, "cannot compare arrays of different element types");
  }
  const types::TypeInfo* element = ctx.types().Find(have.element_type);
  if (element == nullptr || element->compare == nullptr) {
    return Status::Error(sqlstate::kUndefinedFunction,
                         "could not identify an equality operator for the array's element type");
  }
  for (const Value& w : wanted.items) {
    bool found = false;
    if (!w.is_null()) {
      for (const Value& h : have.items) {
        if (!h.is_null() && element->compare(*element, h, w) == 0) {
          found = true;
          break;
        }
      }
    }
    if (found && !all) return true;
    if (!found && all) return false;
  }
  return all;
}

Status Both(Registries& r, const char* op, const char* fn, ScalarImpl impl) {
  DB9_RETURN_IF_ERROR(AddOperator(r, op, oid::kAnyArray, oid::kAnyArray, oid::kBool, impl));
  return AddFunction(r, fn, {oid::kAnyArray, oid::kAnyArray}, oid::kBool, std::move(impl));
}

}  // namespace

Status RegisterArrayContainment(Registries& r) {
  DB9_RETURN_IF_ERROR(Both(r, "@>", "arraycontains", [](FunctionContext& ctx, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(bool yes, Matches(ctx, a[0], a[1], true));
    return Value::Bool(yes);
  }));
  DB9_RETURN_IF_ERROR(Both(r, "<@", "arraycontained", [](FunctionContext& ctx, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(bool yes, Matches(ctx, a[1], a[0], true));
    return Value::Bool(yes);
  }));
  return Both(r, "&&", "arrayoverlap", [](FunctionContext& ctx, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(bool yes, Matches(ctx, a[0], a[1], false));
    return Value::Bool(yes);
  });
}

}  // namespace db9::functions
