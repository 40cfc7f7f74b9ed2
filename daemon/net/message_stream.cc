#include "daemon/net/message_stream.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <array>

#include <boost/asio/post.hpp>

#include "daemon/net/pgproto/message_reader.h"
#include "shared/base/sqlstate.h"

namespace db9::net {

namespace {
namespace asio = boost::asio;
// Output is written once this much collects even before a natural flush
// point, so a large result streams instead of piling up in memory.
constexpr size_t kFlushThreshold = 64 * 1024;
constexpr size_t kReadChunk = 64 * 1024;
// Buffers larger than this are freed when the connection goes idle.
constexpr size_t kIdleBufferKeep = 512;
// Blocks until the descriptor is ready for `events` (or has an error or
// hang-up, which the following read or write reports). Asio's own wait()
// returns at once on a socket in non-blocking mode, hence poll(2).
std::string WaitFor(int fd, short events) {
  pollfd p{fd, events, 0};
  for (;;) {
    int n = ::poll(&p, 1, -1);
    if (n > 0) return "";
    if (n < 0 && errno != EINTR) return std::strerror(errno);
  }
}

bool ReadableWithin(int fd, std::chrono::milliseconds timeout) {
  pollfd p{fd, POLLIN, 0};
  int n = ::poll(&p, 1, static_cast<int>(timeout.count()));
  return n > 0;
}
}  // namespace

MessageStream::MessageStream(asio::ip::tcp::socket socket)
    : fd_(-1), idle_waiter_(socket.get_executor()) {
  boost::system::error_code ec;
  socket.non_blocking(true, ec);
  socket.set_option(asio::ip::tcp::no_delay(true), ec);
  fd_ = socket.release(ec);  // out of the epoll set; the descriptor stays open
  if (ec) {
    fd_ = -1;
    SetIoError(ec.message());
  }
}

int MessageStream::local_port() const {
  sockaddr_storage local{};
  socklen_t size = sizeof local;
  if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&local), &size) != 0) return 0;
  if (local.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&local)->sin_port);
  if (local.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&local)->sin6_port);
  return 0;
}

MessageStream::~MessageStream() { Close(); }

void MessageStream::SetIoError(const std::string& what) {
  if (io_error_.ok()) {
    io_error_ = Status::Error(sqlstate::kConnectionFailure, "connection to client lost: " + what);
  }
}

Status MessageStream::Flush() {
  if (!io_error_.ok()) return io_error_;
  // A builder error means a message we meant to send is broken; the stream
  // cannot continue in sync with the client.
  if (!out_.ok()) return out_.status();
  while (!out_.finished().empty()) {
    ssize_t n = ::send(fd_, out_.finished().data(), out_.finished().size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      std::string error = WaitFor(fd_, POLLOUT);
      if (!error.empty()) {
        SetIoError(error);
        break;
      }
      continue;
    }
    if (n < 0) {
      SetIoError(std::strerror(errno));
      break;
    }
    out_.Consume(static_cast<size_t>(n));
  }
  if (!io_error_.ok()) out_.Consume(out_.finished().size());
  return io_error_;
}

Status MessageStream::FlushIfLarge() {
  if (out_.finished().size() >= kFlushThreshold) return Flush();
  return io_error_;
}

MessageStream::ReadState MessageStream::ReadAvailable() {
  if (!io_error_.ok()) return ReadState::kClosed;
  std::array<char, kReadChunk> chunk;
  ssize_t n;
  do {
    n = ::recv(fd_, chunk.data(), chunk.size(), 0);
  } while (n < 0 && errno == EINTR);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return ReadState::kWouldBlock;
  if (n == 0) return ReadState::kClosed;  // end of input; output may still go out
  if (n < 0) {
    SetIoError(std::strerror(errno));
    return ReadState::kClosed;
  }
  if (in_pos_ == in_.size()) {
    in_.clear();
    in_pos_ = 0;
  } else if (in_pos_ > in_.size() / 2) {
    in_.erase(0, in_pos_);
    in_pos_ = 0;
  }
  in_.append(chunk.data(), static_cast<size_t>(n));
  return ReadState::kData;
}

Result<std::optional<OwnedFrame>> MessageStream::NextFrame(bool startup_phase) {
  std::string_view pending = std::string_view(in_).substr(in_pos_);
  auto frame =
      startup_phase ? pgproto::NextStartupFrame(pending) : pgproto::NextTypedFrame(pending);
  if (!frame.ok()) return frame.status();
  if (!frame->has_value()) return std::optional<OwnedFrame>();
  OwnedFrame owned{(*frame)->type, std::string((*frame)->payload)};
  in_pos_ += (*frame)->wire_size;
  return std::optional<OwnedFrame>(std::move(owned));
}

Result<OwnedFrame> MessageStream::ReadFrameBlocking(bool startup_phase) {
  for (;;) {
    DB9_ASSIGN_OR_RETURN(std::optional<OwnedFrame> frame, NextFrame(startup_phase));
    if (frame) return std::move(*frame);
    ReadState state = ReadAvailable();
    if (state == ReadState::kClosed) {
      return io_error_.ok() ? Status::Error(sqlstate::kConnectionFailure,
                                            "connection to client lost: the client closed it")
                            : io_error_;
    }
    if (state == ReadState::kWouldBlock) {
      std::string error = WaitFor(fd_, POLLIN);
      if (!error.empty()) {
        SetIoError(error);
        return io_error_;
      }
    }
  }
}

bool MessageStream::WaitReadableFor(std::chrono::milliseconds timeout) {
  return io_error_.ok() && ReadableWithin(fd_, timeout);
}

void MessageStream::WaitReadable(std::function<void()> handler) {
  boost::system::error_code ec;
  idle_waiter_.assign(fd_, ec);
  if (ec) {
    // The read that follows meets the failure and ends the connection.
    asio::post(idle_waiter_.get_executor(), std::move(handler));
    return;
  }
  idle_waiter_.async_wait(asio::posix::descriptor_base::wait_read,
                          [this, handler = std::move(handler)](const boost::system::error_code&) {
                            idle_waiter_.release();
                            handler();
                          });
}

void MessageStream::Shutdown(bool both) {
  std::lock_guard lock(close_mu_);
  if (closed_) return;
  // shutdown(2) on the descriptor is safe while another thread waits on it;
  // the waiter sees end-of-file or an error and ends the connection.
  if (fd_ >= 0) ::shutdown(fd_, both ? SHUT_RDWR : SHUT_RD);
}

void MessageStream::Close() {
  std::lock_guard lock(close_mu_);
  if (closed_) return;
  closed_ = true;
  // A wait that never completed (the server stopped) must not close fd_ too.
  if (idle_waiter_.is_open()) idle_waiter_.release();
  if (fd_ >= 0) ::close(fd_);
}

void MessageStream::ReleaseIdleMemory() {
  if (in_pos_ == in_.size()) {
    in_pos_ = 0;
    if (in_.capacity() > kIdleBufferKeep) std::string().swap(in_);
    else in_.clear();
  }
  out_.ShrinkIfIdle(kIdleBufferKeep);
}

}  // namespace db9::net
