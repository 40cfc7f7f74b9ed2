// vector_dims, vector_norm, l2_normalize, subvector and binary_quantize,
// with pgvector's arithmetic: norms accumulate in double.
#include <cmath>
#include <string>
#include <vector>

#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/vector/vector_module.h"
#include "daemon/types/vector_value.h"

namespace db9::functions::vector {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

double Norm(std::span<const float> x) {
  double sum = 0;
  for (float e : x) sum += static_cast<double>(e) * static_cast<double>(e);
  return std::sqrt(sum);
}

// A zero vector stays zero, as in pgvector.
Result<Value> L2Normalize(FunctionContext&, Args args) {
  std::span<const float> x = types::VectorElements(args[0]);
  double norm = Norm(x);
  std::vector<float> out(x.size(), 0.0f);
  if (norm > 0) {
    for (size_t i = 0; i < x.size(); ++i) {
      out[i] = static_cast<float>(x[i] / norm);
      if (std::isinf(out[i])) return FloatOverflow();
    }
  }
  return types::MakeVector(out);
}

// subvector(v, start, count): elements start..start+count-1, 1-based,
// clipped to the vector like substring; an empty result is 22000.
Result<Value> Subvector(FunctionContext&, Args args) {
  std::span<const float> x = types::VectorElements(args[0]);
  int64_t dims = static_cast<int64_t>(x.size());
  int64_t start = args[1].as_int(), count = args[2].as_int();
  if (count < 1 || start > dims) return types::CheckVectorDims(0);
  int64_t end = std::min(start + count, dims + 1);
  start = std::max<int64_t>(start, 1);
  DB9_RETURN_IF_ERROR(types::CheckVectorDims(static_cast<int>(end - start)));
  return types::MakeVector(x.subspan(start - 1, end - start));
}

// One bit per element: 1 where it is positive.
Result<Value> BinaryQuantize(FunctionContext&, Args args) {
  std::string bits;
  for (float e : types::VectorElements(args[0])) bits += e > 0 ? '1' : '0';
  return Value::OfString(oid::kBit, std::move(bits));
}

}  // namespace

Status RegisterVectorUtilities(Registries& r) {
  const std::vector<Oid> v = {oid::kVector};
  DB9_RETURN_IF_ERROR(AddFunction(r, "vector_dims", v, oid::kInt4, [](FunctionContext&, Args a) {
    return Result<Value>(Value::Int4(types::VectorDims(a[0])));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "vector_norm", v, oid::kFloat8, [](FunctionContext&, Args a) {
    return Result<Value>(Value::Float8(Norm(types::VectorElements(a[0]))));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "l2_normalize", v, oid::kVector, L2Normalize));
  DB9_RETURN_IF_ERROR(AddFunction(r, "subvector", {oid::kVector, oid::kInt4, oid::kInt4},
                                  oid::kVector, Subvector));
  return AddFunction(r, "binary_quantize", v, oid::kBit, BinaryQuantize);
}

}  // namespace db9::functions::vector
