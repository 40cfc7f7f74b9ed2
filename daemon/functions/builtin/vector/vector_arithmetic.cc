// Element-wise + - * and concatenation || on vectors, as pgvector's
// vector_add / vector_sub / vector_mul / vector_concat: the dimension
// counts must agree (22000) and a result element that overflows float
// (or a product that underflows to zero) is 22003, as float4 arithmetic.
#include <cmath>
#include <vector>

#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/vector/vector_module.h"
#include "daemon/types/vector_value.h"

namespace db9::functions::vector {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

template <typename Op>
Result<Value> ElementWise(const Value& left, const Value& right, Op op, bool check_underflow) {
  DB9_RETURN_IF_ERROR(types::CheckSameDims(types::VectorDims(left), types::VectorDims(right)));
  std::span<const float> a = types::VectorElements(left);
  std::span<const float> b = types::VectorElements(right);
  std::vector<float> out(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    out[i] = op(a[i], b[i]);
    if (std::isinf(out[i])) return FloatOverflow();
    if (check_underflow && out[i] == 0 && a[i] != 0 && b[i] != 0) return FloatUnderflow();
  }
  return types::MakeVector(out);
}

Result<Value> Subtract(FunctionContext&, Args args) {
  return ElementWise(args[0], args[1], [](float x, float y) { return x - y; }, false);
}

Result<Value> Multiply(FunctionContext&, Args args) {
  return ElementWise(args[0], args[1], [](float x, float y) { return x * y; }, true);
}

Result<Value> Concat(FunctionContext&, Args args) {
  std::span<const float> a = types::VectorElements(args[0]);
  std::span<const float> b = types::VectorElements(args[1]);
  DB9_RETURN_IF_ERROR(types::CheckVectorDims(static_cast<int>(a.size() + b.size())));
  std::vector<float> out(a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  return types::MakeVector(out);
}

}  // namespace

Result<Value> AddVectors(const Value& a, const Value& b) {
  return ElementWise(a, b, [](float x, float y) { return x + y; }, false);
}

Status RegisterVectorArithmetic(Registries& r) {
  auto add = [&r](const char* name, ScalarImpl impl) {
    return AddOperator(r, name, oid::kVector, oid::kVector, oid::kVector, std::move(impl));
  };
  DB9_RETURN_IF_ERROR(add("+", [](FunctionContext&, Args args) {
    return AddVectors(args[0], args[1]);
  }));
  DB9_RETURN_IF_ERROR(add("-", Subtract));
  DB9_RETURN_IF_ERROR(add("*", Multiply));
  return add("||", Concat);
}

}  // namespace db9::functions::vector
