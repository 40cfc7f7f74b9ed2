#include "shared/base/status.h"

#include <cassert>

namespace db9 {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "ERROR";
    case Severity::kFatal: return "FATAL";
    case Severity::kPanic: return "PANIC";
    case Severity::kWarning: return "WARNING";
    case Severity::kNotice: return "NOTICE";
    case Severity::kInfo: return "INFO";
    case Severity::kDebug: return "DEBUG";
    case Severity::kLog: return "LOG";
  }
  return "ERROR";
}

Status::Status(const Status& other)
    : state_(other.state_ ? std::make_unique<State>(*other.state_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) state_ = other.state_ ? std::make_unique<State>(*other.state_) : nullptr;
  return *this;
}

Status Status::Error(std::string_view sqlstate, std::string message) {
  assert(sqlstate.size() == 5);
  Status s;
  s.state_ = std::make_unique<State>();
  s.state_->sqlstate = std::string(sqlstate);
  s.state_->message = std::move(message);
  return s;
}

Status Status::Fatal(std::string_view sqlstate, std::string message) {
  return Error(sqlstate, std::move(message)).WithSeverity(Severity::kFatal);
}

Status Status::Notice(std::string message) {
  return Error(sqlstate::kSuccessfulCompletion, std::move(message)).WithSeverity(Severity::kNotice);
}

Status Status::Warning(std::string message) {
  return Error(sqlstate::kWarning, std::move(message)).WithSeverity(Severity::kWarning);
}

std::string_view Status::sqlstate() const {
  return state_ ? std::string_view(state_->sqlstate) : sqlstate::kSuccessfulCompletion;
}
std::string_view Status::message() const { return state_ ? state_->message : std::string_view(); }
std::string_view Status::detail() const { return state_ ? state_->detail : std::string_view(); }
std::string_view Status::hint() const { return state_ ? state_->hint : std::string_view(); }
int Status::position() const { return state_ ? state_->position : 0; }
Severity Status::severity() const { return state_ ? state_->severity : Severity::kError; }

Status&& Status::WithDetail(std::string detail) && {
  if (state_) state_->detail = std::move(detail);
  return std::move(*this);
}
Status&& Status::WithHint(std::string hint) && {
  if (state_) state_->hint = std::move(hint);
  return std::move(*this);
}
Status&& Status::WithPosition(int position) && {
  if (state_) state_->position = position;
  return std::move(*this);
}
Status& Status::WithPosition(int position) & {
  if (state_) state_->position = position;
  return *this;
}
Status&& Status::WithSeverity(Severity severity) && {
  if (state_) state_->severity = severity;
  return std::move(*this);
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = SeverityName(state_->severity);
  out += ' ';
  out += state_->sqlstate;
  out += ": ";
  out += state_->message;
  if (!state_->detail.empty()) out += " (" + state_->detail + ")";
  return out;
}

}  // namespace db9
