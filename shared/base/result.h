// Result<T>: a T, or the Status saying why there is none.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "shared/base/status.h"

namespace db9 {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  // REQUIRES: !status.ok()
  Result(Status status) : value_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(value_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(value_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(value_);
  }
  Status TakeStatus() && { return ok() ? Status() : std::move(std::get<Status>(value_)); }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T&& value() && { return std::move(std::get<T>(value_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace db9

// Evaluates `expr` (a Result<T>); on error returns its Status from the
// enclosing function, otherwise moves the value into `lhs`, which may be a
// declaration: DB9_ASSIGN_OR_RETURN(auto rows, Scan(...));
#define DB9_ASSIGN_OR_RETURN(lhs, expr) \
  DB9_ASSIGN_OR_RETURN_IMPL(DB9_CONCAT(db9_result_, __LINE__), lhs, expr)
#define DB9_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return std::move(tmp).TakeStatus(); \
  lhs = std::move(tmp).value()
