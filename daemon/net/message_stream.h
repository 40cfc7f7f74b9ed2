// MessageStream: protocol frames over one TCP socket. Incoming bytes are cut
// into frames (with the startup-phase or regular framing); outgoing messages
// collect in a MessageBuilder and go out in one write when flushed.
//
// Threading: the socket is non-blocking. Exactly one party drives it at a
// time — an I/O thread waiting for readability (WaitReadable), or the worker
// that processes the connection (reads, writes, blocking waits). Only
// Shutdown() may be called from any thread at any time.
//
// The descriptor is in the I/O threads' epoll set only while WaitReadable
// waits. Asio keeps every open socket registered, edge-triggered, so each
// message a client sent to a connection a worker was already serving woke an
// I/O thread (an epoll_wait, futex hand-offs between the two I/O threads,
// about four context switches per query) for nothing.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "daemon/net/pgproto/message_builder.h"
#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::net {

struct OwnedFrame {
  char type = 0;  // 0 in the startup phase
  std::string payload;
};

class MessageStream {
 public:
  explicit MessageStream(boost::asio::ip::tcp::socket socket);
  ~MessageStream();

  // Outgoing messages; Flush() sends what is finished.
  pgproto::MessageBuilder& out() { return out_; }
  // Writes every finished message, blocking until the client took them. A
  // failed write (client gone) is sticky: later flushes fail at once.
  Status Flush();
  // Flushes only when enough output has collected to be worth a write.
  Status FlushIfLarge();

  enum class ReadState { kData, kWouldBlock, kClosed };
  // Reads what the socket has now without blocking.
  ReadState ReadAvailable();
  // The next complete frame from the bytes read so far, consumed from the
  // input; nullopt if more bytes are needed. 08P01 for bad framing.
  Result<std::optional<OwnedFrame>> NextFrame(bool startup_phase);
  // Like NextFrame, but waits for the bytes (COPY FROM STDIN). 08006 when the
  // client goes away.
  Result<OwnedFrame> ReadFrameBlocking(bool startup_phase);
  bool has_buffered_input() const { return in_pos_ < in_.size(); }

  // Blocks the calling worker until the socket is readable (or closed), for
  // at most `timeout`; false when the time ran out.
  bool WaitReadableFor(std::chrono::milliseconds timeout);
  // Calls `handler` on an I/O thread once the socket is readable (or closed).
  void WaitReadable(std::function<void()> handler);

  // Thread-safe: ends the client's input (reads see end-of-file, waits wake)
  // while output can still go out; `both` ends output too, waking a writer
  // blocked on a client that stopped reading.
  void Shutdown(bool both);
  // Closes the socket. REQUIRES: no WaitReadable pending.
  void Close();

  // Frees buffers that grew during a big statement (idle connections stay small).
  void ReleaseIdleMemory();

  const Status& io_error() const { return io_error_; }
  // The local port the client connected to (the port the server listens on).
  int local_port() const;

 private:
  void SetIoError(const std::string& what);

  int fd_;  // the client's socket, owned
  // Registers fd_ with the I/O threads for one WaitReadable, then lets go.
  boost::asio::posix::stream_descriptor idle_waiter_;
  pgproto::MessageBuilder out_;
  std::string in_;
  size_t in_pos_ = 0;  // bytes of in_ already consumed
  Status io_error_;  // a failed read or write; the client is gone
  std::mutex close_mu_;  // guards closed_ against Shutdown() racing Close()
  bool closed_ = false;
};

}  // namespace db9::net
