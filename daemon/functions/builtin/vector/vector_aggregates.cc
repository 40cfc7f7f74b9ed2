// avg(vector) and sum(vector), as pgvector 0.8 computes them: avg sums
// in double and divides at the end (vector_accum / vector_avg); sum adds
// in float with the + operator's checks (vector_add). NULLs are skipped;
// no rows (or only NULLs) give NULL. Every value must have the first
// one's dimension count.
#include <cmath>
#include <vector>

#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/vector/vector_module.h"
#include "daemon/types/vector_value.h"

namespace db9::functions::vector {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

class VectorAvgState : public AggregateState {
 public:
  Status Add(FunctionContext&, Args a) override {
    if (a[0].is_null()) return Status::OK();
    std::span<const float> x = types::VectorElements(a[0]);
    if (n_ == 0) {
      sums_.assign(x.begin(), x.end());
    } else {
      DB9_RETURN_IF_ERROR(
          types::CheckExpectedDims(static_cast<int>(sums_.size()), static_cast<int>(x.size())));
      for (size_t i = 0; i < x.size(); ++i) {
        sums_[i] += x[i];
        if (std::isinf(sums_[i])) return FloatOverflow();
      }
    }
    ++n_;
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    if (n_ == 0) return Value::Null(oid::kVector);
    std::vector<float> mean(sums_.size());
    for (size_t i = 0; i < sums_.size(); ++i) {
      mean[i] = static_cast<float>(sums_[i] / static_cast<double>(n_));
      DB9_RETURN_IF_ERROR(types::CheckVectorElement(mean[i]));
    }
    return types::MakeVector(mean);
  }

 private:
  std::vector<double> sums_;
  int64_t n_ = 0;
};

class VectorSumState : public AggregateState {
 public:
  Status Add(FunctionContext&, Args a) override {
    if (a[0].is_null()) return Status::OK();
    if (sum_.is_null()) {
      sum_ = a[0];
      return Status::OK();
    }
    DB9_ASSIGN_OR_RETURN(sum_, AddVectors(sum_, a[0]));
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override { return sum_; }

 private:
  Value sum_ = Value::Null(oid::kVector);
};

template <typename State>
Status AddAggregate(Registries& r, const char* name) {
  AggregateInfo info;
  info.name = name;
  info.arg_types = {oid::kVector};
  info.return_type = oid::kVector;
  info.create = [](FunctionContext&) { return std::make_unique<State>(); };
  return r.aggregates.Register(std::move(info));
}

}  // namespace

Status RegisterVectorAggregates(Registries& r) {
  DB9_RETURN_IF_ERROR(AddAggregate<VectorAvgState>(r, "avg"));
  return AddAggregate<VectorSumState>(r, "sum");
}

}  // namespace db9::functions::vector
