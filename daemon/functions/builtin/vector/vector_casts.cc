// pgvector's casts: integer[], real[], double precision[] and numeric[] to
// vector in assignment (array_to_vector), vector to real[] implicitly
// (vector_to_float4). vector(n)'s dimension check is the type's typmod;
// text converts through the type's I/O like every type's.
#include <vector>

#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/vector/vector_module.h"
#include "daemon/types/array_value.h"
#include "daemon/types/vector_value.h"

namespace db9::functions::vector {
namespace {

namespace oid = types::oid;

// One array element as float, the way array_to_vector converts it:
// numeric through numeric -> real (its range errors), the rest by C cast.
Result<float> ElementAsFloat(FunctionContext& ctx, const Value& item) {
  switch (item.type()) {
    case oid::kInt4: return static_cast<float>(item.as_int());
    case oid::kFloat4:
    case oid::kFloat8: return static_cast<float>(item.as_double());
    default: {
      DB9_ASSIGN_OR_RETURN(Value f, ctx.registries->casts.Cast(ctx, item, oid::kFloat4, -1,
                                                               CoercionContext::kExplicit));
      return static_cast<float>(f.as_double());
    }
  }
}

// Checks in pgvector's order: shape, NULLs, dimension counts (the target
// typmod's too), then each converted element.
Result<Value> ArrayToVector(FunctionContext& ctx, const Value& v) {
  DB9_ASSIGN_OR_RETURN(types::ArrayValue a, types::DecodeArray(v.as_string()));
  if (a.dims.size() > 1) return Status::Error(sqlstate::kDataException, "array must be 1-D");
  for (const Value& item : a.items) {
    if (item.is_null()) {
      return Status::Error(sqlstate::kNullValueNotAllowed, "array must not contain nulls");
    }
  }
  int dims = static_cast<int>(a.items.size());
  DB9_RETURN_IF_ERROR(types::CheckVectorDims(dims));
  DB9_RETURN_IF_ERROR(types::CheckExpectedDims(ctx.result_typmod, dims));
  std::vector<float> x;
  x.reserve(dims);
  for (const Value& item : a.items) {
    DB9_ASSIGN_OR_RETURN(float f, ElementAsFloat(ctx, item));
    x.push_back(f);
  }
  for (float f : x) DB9_RETURN_IF_ERROR(types::CheckVectorElement(f));
  return types::MakeVector(x);
}

Result<Value> VectorToReals(FunctionContext&, const Value& v) {
  std::vector<Value> items;
  for (float f : types::VectorElements(v)) items.push_back(Value::Float4(f));
  return types::MakeArrayValue(oid::kFloat4Array,
                               types::ArrayValue::OneDim(oid::kFloat4, std::move(items)));
}

}  // namespace

Status RegisterVectorCasts(Registries& r) {
  for (Oid source : {oid::kInt4Array, oid::kFloat4Array, oid::kFloat8Array, oid::kNumericArray}) {
    DB9_RETURN_IF_ERROR(r.casts.Register({source, oid::kVector, CoercionContext::kAssignment,
                                          CastMethod::kFunction, ArrayToVector}));
  }
  return r.casts.Register({oid::kVector, oid::kFloat4Array, CoercionContext::kImplicit,
                           CastMethod::kFunction, VectorToReals});
}

}  // namespace db9::functions::vector
