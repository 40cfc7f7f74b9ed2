// Status: the outcome of an operation that can fail. Failure carries a
// SQLSTATE and a message a person understands, plus the optional fields
// PostgreSQL's ErrorResponse has (detail, hint, position), so an error made
// deep in storage reaches the client unchanged. No exceptions cross layers.
//
// An OK status holds no allocation; copying one is cheap.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "shared/base/sqlstate.h"

namespace db9 {

enum class Severity { kError, kFatal, kPanic, kWarning, kNotice, kInfo, kDebug, kLog };

// The word PostgreSQL puts in an ErrorResponse/NoticeResponse 'S' field.
const char* SeverityName(Severity severity);

class Status {
 public:
  Status() = default;
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status OK() { return Status(); }
  // REQUIRES: sqlstate is five characters and not "00000".
  static Status Error(std::string_view sqlstate, std::string message);
  static Status Fatal(std::string_view sqlstate, std::string message);
  static Status Notice(std::string message);
  static Status Warning(std::string message);
  static Status Internal(std::string message) {
    return Error(sqlstate::kInternalError, std::move(message));
  }

  bool ok() const { return state_ == nullptr; }
  explicit operator bool() const { return ok(); }

  // "00000" when ok.
  std::string_view sqlstate() const;
  std::string_view message() const;
  std::string_view detail() const;
  std::string_view hint() const;
  // 1-based character offset into the statement text; 0 when not known.
  int position() const;
  Severity severity() const;

  // Builders that return the status itself, for
  //   return Status::Error(...).WithDetail(...);
  Status&& WithDetail(std::string detail) &&;
  Status&& WithHint(std::string hint) &&;
  Status&& WithPosition(int position) &&;
  Status& WithPosition(int position) &;
  Status&& WithSeverity(Severity severity) &&;

  // "ERROR 42601: syntax error at or near ..." for logs and tests.
  std::string ToString() const;

 private:
  struct State {
    Severity severity = Severity::kError;
    std::string sqlstate;
    std::string message;
    std::string detail;
    std::string hint;
    int position = 0;
  };
  std::unique_ptr<State> state_;
};

}  // namespace db9

#define DB9_CONCAT_INNER(a, b) a##b
#define DB9_CONCAT(a, b) DB9_CONCAT_INNER(a, b)

// Returns from the enclosing function when `expr` (a Status) is not ok.
#define DB9_RETURN_IF_ERROR(expr)               \
  do {                                          \
    ::db9::Status db9_status_ = (expr);         \
    if (!db9_status_.ok()) return db9_status_;  \
  } while (0)
