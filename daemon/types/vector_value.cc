#include "daemon/types/vector_value.h"

#include <cmath>
#include <string>

namespace db9::types {

std::span<const float> VectorElements(const Value& v) {
  const std::string& bytes = v.as_string();
  return {reinterpret_cast<const float*>(bytes.data()), bytes.size() / sizeof(float)};
}

int VectorDims(const Value& v) { return static_cast<int>(v.as_string().size() / sizeof(float)); }

Value MakeVector(std::span<const float> elements) {
  return Value::OfString(oid::kVector, std::string(reinterpret_cast<const char*>(elements.data()),
                                                   elements.size_bytes()));
}

Status CheckVectorDims(int dims) {
  if (dims < 1) {
    return Status::Error(sqlstate::kDataException, "vector must have at least 1 dimension");
  }
  if (dims > kVectorMaxDims) {
    return Status::Error(sqlstate::kProgramLimitExceeded,
                         "vector cannot have more than " + std::to_string(kVectorMaxDims) +
                             " dimensions");
  }
  return Status::OK();
}

Status CheckExpectedDims(int32_t typmod, int dims) {
  if (typmod == -1 || typmod == dims) return Status::OK();
  return Status::Error(sqlstate::kDataException, "expected " + std::to_string(typmod) +
                                                     " dimensions, not " + std::to_string(dims));
}

Status CheckVectorElement(float x) {
  if (std::isnan(x)) return Status::Error(sqlstate::kDataException, "NaN not allowed in vector");
  if (std::isinf(x)) {
    return Status::Error(sqlstate::kDataException, "infinite value not allowed in vector");
  }
  return Status::OK();
}

Status CheckSameDims(int a, int b) {
  if (a == b) return Status::OK();
  return Status::Error(sqlstate::kDataException, "different vector dimensions " +
                                                     std::to_string(a) + " and " +
                                                     std::to_string(b));
}

// The sums run in float, in order, as pgvector's loops do, so that results
// agree with a PostgreSQL server running pgvector.

double L2Distance(std::span<const float> a, std::span<const float> b) {
  float sum = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    float diff = a[i] - b[i];
    sum += diff * diff;
  }
  return std::sqrt(static_cast<double>(sum));
}

double NegativeInnerProduct(std::span<const float> a, std::span<const float> b) {
  float sum = 0;
  for (size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return -static_cast<double>(sum);
}

double CosineDistance(std::span<const float> a, std::span<const float> b) {
  float dot = 0, norm_a = 0, norm_b = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    dot += a[i] * b[i];
    norm_a += a[i] * a[i];
    norm_b += b[i] * b[i];
  }
  double norms = static_cast<double>(norm_a) * static_cast<double>(norm_b);
  double similarity = static_cast<double>(dot) / std::sqrt(norms);
  // Rounding can push |similarity| just past 1; NaN (a zero vector) stays.
  if (similarity > 1) similarity = 1;
  if (similarity < -1) similarity = -1;
  return 1 - similarity;
}

double L1Distance(std::span<const float> a, std::span<const float> b) {
  float sum = 0;
  for (size_t i = 0; i < a.size(); ++i) sum += std::fabs(a[i] - b[i]);
  return static_cast<double>(sum);
}

}  // namespace db9::types
