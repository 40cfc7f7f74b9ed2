// The distance operators <-> (L2), <#> (negative inner product), <=>
// (cosine) and <+> (L1), and the functions behind them, as pgvector
// declares them: (vector, vector) -> float8, strict, 22000 when the
// dimension counts differ.
#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/vector/vector_module.h"
#include "daemon/types/vector_value.h"

namespace db9::functions::vector {
namespace {

namespace oid = types::oid;
using Kernel = double (*)(std::span<const float>, std::span<const float>);

ScalarImpl Distance(Kernel kernel) {
  return [kernel](FunctionContext&, std::span<const Value> args) -> Result<Value> {
    const Value& a = args[0];
    const Value& b = args[1];
    DB9_RETURN_IF_ERROR(types::CheckSameDims(types::VectorDims(a), types::VectorDims(b)));
    return Value::Float8(kernel(types::VectorElements(a), types::VectorElements(b)));
  };
}

double InnerProduct(std::span<const float> a, std::span<const float> b) {
  return -types::NegativeInnerProduct(a, b);
}

}  // namespace

Status RegisterVectorDistances(Registries& r) {
  struct Entry {
    const char* function;
    const char* op;  // nullptr: a function only
    Kernel kernel;
  };
  static const Entry kEntries[] = {
      {"l2_distance", "<->", types::L2Distance},
      {"vector_negative_inner_product", "<#>", types::NegativeInnerProduct},
      {"cosine_distance", "<=>", types::CosineDistance},
      {"l1_distance", "<+>", types::L1Distance},
      {"inner_product", nullptr, InnerProduct},
  };
  for (const Entry& e : kEntries) {
    DB9_RETURN_IF_ERROR(
        AddFunction(r, e.function, {oid::kVector, oid::kVector}, oid::kFloat8, Distance(e.kernel)));
    if (e.op != nullptr) {
      DB9_RETURN_IF_ERROR(
          AddOperator(r, e.op, oid::kVector, oid::kVector, oid::kFloat8, Distance(e.kernel)));
    }
  }
  return Status::OK();
}

}  // namespace db9::functions::vector
