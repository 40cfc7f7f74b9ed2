#include "daemon/control/hangup_guard.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace db9::control {

HangupGuard::HangupGuard(int client_fd) : client_fd_(client_fd) {}

HangupGuard::~HangupGuard() {
  closing_ = true;
  if (watcher_.joinable()) {
    Wake();
    watcher_.join();
  }
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

void HangupGuard::Wake() {
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof(one));
}

HangupGuard::Registration HangupGuard::OnHangup(std::function<void()> stop) {
  std::lock_guard lock(mu_);
  stops_.push_back(std::move(stop));
  // The thread starts with the first registration: most requests (hello,
  // db.list, ...) never register, and cost no thread.
  if (!watcher_.joinable()) {
    wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake_fd_ >= 0) watcher_ = std::thread([this] { Watch(); });
  }
  return Registration(this, std::prev(stops_.end()));
}

void HangupGuard::StopNow() {
  std::lock_guard lock(mu_);
  stop_now_ = true;
  if (watcher_.joinable()) Wake();
}

void HangupGuard::Watch() {
  bool stopping;
  {
    std::lock_guard lock(mu_);
    stopping = stop_now_;
  }
  while (!stopping) {
    // Events 0: poll still reports POLLHUP/POLLERR, and ignores pipelined
    // requests waiting to be read (they are not a hangup).
    pollfd fds[2] = {{client_fd_, 0, 0}, {wake_fd_, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (closing_) return;
    stopping = fds[1].revents != 0 || (fds[0].revents & (POLLHUP | POLLERR)) != 0;
  }
  while (!closing_) {
    StopAll();
    pollfd wake{wake_fd_, POLLIN, 0};
    if (::poll(&wake, 1, static_cast<int>(kRepeat.count())) > 0) {
      uint64_t count;
      [[maybe_unused]] ssize_t n = ::read(wake_fd_, &count, sizeof(count));
    }
  }
}

void HangupGuard::StopAll() {
  std::lock_guard lock(mu_);
  for (auto& stop : stops_) stop();
}

HangupGuard::Registration::Registration(Registration&& other) noexcept
    : guard_(other.guard_), entry_(other.entry_) {
  other.guard_ = nullptr;
}

HangupGuard::Registration& HangupGuard::Registration::operator=(Registration&& other) noexcept {
  if (this != &other) {
    Release();
    guard_ = other.guard_;
    entry_ = other.entry_;
    other.guard_ = nullptr;
  }
  return *this;
}

HangupGuard::Registration::~Registration() { Release(); }

void HangupGuard::Registration::Release() {
  if (guard_ == nullptr) return;
  std::lock_guard lock(guard_->mu_);
  guard_->stops_.erase(entry_);
  guard_ = nullptr;
}

}  // namespace db9::control
