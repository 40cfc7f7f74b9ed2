#include "daemon/control/control_connection.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include "daemon/tenants/tenant_manager.h"
#include "shared/base/sqlstate.h"
#include "shared/control/json_codec.h"

namespace db9::control {

using nlohmann::json;

namespace {

const char* EventKindName(tenants::TenantEvent::Kind kind) {
  using Kind = tenants::TenantEvent::Kind;
  switch (kind) {
    case Kind::kCreated: return "database.created";
    case Kind::kDropped: return "database.dropped";
    case Kind::kRenamed: return "database.renamed";
    case Kind::kConnectionOpened: return "connection.opened";
    case Kind::kConnectionClosed: return "connection.closed";
  }
  return "unknown";
}

json ErrorResponse(const json& id, const Status& status) {
  return {{"id", id}, {"ok", false}, {"error", ErrorToJson(status)}};
}

// Strings from SQL results may hold bytes that are not UTF-8; they are sent
// with U+FFFD rather than failing the whole response.
std::string Serialize(const json& message) {
  return message.dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
}

}  // namespace

ControlConnection::ControlConnection(int fd, const OperationTable& operations,
                                     tenants::TenantManager& tenants)
    : fd_(fd),
      wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
      operations_(operations),
      tenants_(tenants) {
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
}

ControlConnection::~ControlConnection() {
  Unsubscribe();
  ::close(fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

void ControlConnection::Unsubscribe() {
  if (subscription_) {
    tenants_.Unsubscribe(*subscription_);  // no callback runs after this
    subscription_.reset();
  }
  std::lock_guard lock(mu_);
  subscribed_ = false;
}

void ControlConnection::Wake() {
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof(one));
}

void ControlConnection::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    // A request still running (a long db.sql) would hold up the daemon's
    // shutdown: it is stopped as if its client had hung up.
    if (running_ != nullptr) running_->StopNow();
  }
  Wake();
}

void ControlConnection::PushEvent(const json& event) {
  {
    std::lock_guard lock(mu_);
    if (!subscribed_ || overflowed_) return;
    if (queued_events_ >= kMaxQueuedEvents) {
      overflowed_ = true;  // the serving thread hangs up
    } else {
      output_.emplace_back(Serialize(event), true);
      ++queued_events_;
    }
  }
  Wake();
}

void ControlConnection::Queue(const json& message, bool is_event) {
  std::lock_guard lock(mu_);
  output_.emplace_back(Serialize(message), is_event);
  if (is_event) ++queued_events_;
}

bool ControlConnection::Flush() {
  std::lock_guard lock(mu_);
  while (!output_.empty()) {
    const std::string& line = output_.front().first;
    ssize_t n = ::send(fd_, line.data() + output_offset_, line.size() - output_offset_,
                       MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno == EAGAIN || errno == EWOULDBLOCK;
    }
    output_offset_ += static_cast<size_t>(n);
    if (output_offset_ == line.size()) {
      if (output_.front().second) --queued_events_;
      output_.pop_front();
      output_offset_ = 0;
    }
  }
  return true;
}

void ControlConnection::Run() {
  bool peer_done_sending = false;
  char chunk[64 * 1024];
  while (true) {
    bool has_output, stopping;
    {
      std::lock_guard lock(mu_);
      if (overflowed_) break;
      has_output = !output_.empty();
      stopping = stopping_;
    }
    if (stopping || (peer_done_sending && !has_output)) break;
    pollfd fds[2] = {{fd_, static_cast<short>((peer_done_sending ? 0 : POLLIN) |
                                              (has_output ? POLLOUT : 0)),
                      0},
                     {wake_fd_, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0 && errno != EINTR) break;
    if (fds[1].revents & POLLIN) {
      uint64_t count;
      [[maybe_unused]] ssize_t n = ::read(wake_fd_, &count, sizeof(count));
    }
    if (fds[0].revents & POLLIN) {
      ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
      if (n == 0) {
        peer_done_sending = true;  // answer what it sent, then hang up
      } else if (n > 0) {
        input_.Append(std::string_view(chunk, static_cast<size_t>(n)));
        while (auto line = input_.Next()) HandleLine(*line);
      } else if (errno != EAGAIN && errno != EINTR) {
        break;
      }
    } else if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
      break;
    }
    if (!Flush()) break;
  }
  // On Stop(): give what is queued (a last answer, daemon.stopping) a moment.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!Flush()) break;
    {
      std::lock_guard lock(mu_);
      if (output_.empty()) break;
    }
    pollfd pfd{fd_, POLLOUT, 0};
    ::poll(&pfd, 1, 100);
  }
  Unsubscribe();
  finished_ = true;
}

void ControlConnection::HandleLine(const LineBuffer::Line& line) {
  if (line.too_long) {
    Queue(ErrorResponse(nullptr, Status::Error(sqlstate::kProgramLimitExceeded,
                                               "request too large: the limit is 1 MiB per line")),
          false);
    return;
  }
  if (line.text.empty()) return;  // blank lines are harmless keep-alives
  json request = json::parse(line.text, nullptr, /*allow_exceptions=*/false);
  if (!request.is_object()) {
    Queue(ErrorResponse(nullptr, Status::Error(sqlstate::kProtocolViolation,
                                               "the request is not a JSON object")
                                     .WithHint("send one JSON object per line, e.g. "
                                               "{\"id\":1,\"op\":\"db.list\"}")),
          false);
    return;
  }
  json id = request.value("id", json(nullptr));
  if (!id.is_number() && !id.is_string()) id = nullptr;
  auto op = request.find("op");
  if (op == request.end() || !op->is_string()) {
    Queue(ErrorResponse(id, Status::Error(sqlstate::kProtocolViolation,
                                          "the request has no \"op\" string")),
          false);
    return;
  }
  json args = request.value("args", json::object());
  if (args.is_null()) args = json::object();
  if (!args.is_object()) {
    Queue(ErrorResponse(id, Status::Error(sqlstate::kInvalidParameterValue,
                                          "\"args\" must be a JSON object")),
          false);
    return;
  }
  bool ok = false;
  json result = Dispatch(op->get<std::string>(), args, &ok);
  if (ok) {
    Queue({{"id", id}, {"ok", true}, {"result", std::move(result)}}, false);
  } else {
    Queue({{"id", id}, {"ok", false}, {"error", std::move(result)}}, false);
  }
}

json ControlConnection::Dispatch(const std::string& op, const json& args, bool* ok) {
  *ok = true;
  if (op == "subscribe") {
    if (!subscription_) {
      {
        std::lock_guard lock(mu_);
        subscribed_ = true;
      }
      subscription_ = tenants_.Subscribe([this](const tenants::TenantEvent& event) {
        PushEvent(Event{EventKindName(event.kind), event.name, event.previous_name});
      });
    }
    return json::object();
  }
  if (op == "unsubscribe") {
    Unsubscribe();
    return json::object();
  }
  HangupGuard hangup(fd_);
  {
    std::lock_guard lock(mu_);
    if (stopping_) hangup.StopNow();
    running_ = &hangup;
  }
  auto result = operations_.Run(op, args, hangup);
  {
    std::lock_guard lock(mu_);
    running_ = nullptr;
  }
  if (result.ok()) return std::move(result).value();
  *ok = false;
  return ErrorToJson(result.status());
}

}  // namespace db9::control
