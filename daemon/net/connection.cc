// Connection lifecycle: waiting for input, the frame loop, shutdown.
#include "daemon/net/connection.h"

#include "daemon/net/pgproto/backend_messages.h"
#include "daemon/net/worker_pool.h"
#include "daemon/tenants/tenant_manager.h"
#include "shared/base/sqlstate.h"

namespace db9::net {
namespace {
constexpr std::chrono::milliseconds kLingerForNextMessage{2};
}  // namespace

Connection::Connection(uint64_t id, boost::asio::ip::tcp::socket socket,
                       const ConnectionServices& services)
    : id_(id),
      services_(services),
      stream_(std::move(socket)),
      channel_(stream_, *services.types) {}

Connection::~Connection() = default;

void Connection::Start() { WaitForInput(); }

void Connection::WaitForInput() {
  stream_.WaitReadable([self = shared_from_this()] {
    WorkerPool* workers = self->services_.workers;
    workers->Submit([self] { self->Process(); });
  });
}

Status Connection::AdminShutdown() {
  return Status::Fatal(sqlstate::kAdminShutdown,
                       "terminating connection due to administrator command");
}

void Connection::Terminate(Status reason) {
  std::lock_guard lock(terminate_mu_);
  if (termination_.ok()) termination_ = std::move(reason);
  // Reads see end-of-file (waits wake up); the FATAL can still go out.
  stream_.Shutdown(/*both=*/false);
  if (session_) session_->Cancel();
}

void Connection::ForceClose() {
  std::lock_guard lock(terminate_mu_);
  if (termination_.ok()) termination_ = AdminShutdown();
  stream_.Shutdown(/*both=*/true);
  if (session_) session_->Cancel();
}

Status Connection::termination_reason() {
  std::lock_guard lock(terminate_mu_);
  return termination_;
}

void Connection::Process() {
  for (;;) {
    // Everything complete in the buffer first, then more from the socket.
    for (;;) {
      auto frame = stream_.NextFrame(phase_ == Phase::kStartup);
      if (!frame.ok()) {
        SendFatal(frame.status());
        break;
      }
      if (!frame->has_value()) break;
      HandleFrame(**frame);
      if (phase_ == Phase::kClosing) break;
    }
    if (phase_ == Phase::kClosing) {
      (void)stream_.Flush();
      Finish();
      return;
    }
    MessageStream::ReadState state = stream_.ReadAvailable();
    if (state == MessageStream::ReadState::kClosed) {
      if (Status reason = termination_reason(); !reason.ok()) {
        SendFatal(std::move(reason));
        (void)stream_.Flush();
      }
      Finish();
      return;
    }
    if (state == MessageStream::ReadState::kWouldBlock) {
      // Whatever is still unsent (replies to a batch without Sync or Flush,
      // or pipelined ones) goes out before we wait.
      if (!stream_.Flush().ok()) {
        Finish();
        return;
      }
      // A client in a request/response loop sends its next message within
      // microseconds; waiting for it here, on this worker, spares two thread
      // hand-offs (I/O thread, then worker) per statement. Clients that go
      // quiet are handed back to the I/O threads soon, so idle connections
      // hold no thread.
      if (stream_.WaitReadableFor(kLingerForNextMessage)) continue;
      stream_.ReleaseIdleMemory();
      WaitForInput();
      return;
    }
  }
}

void Connection::HandleFrame(OwnedFrame& frame) {
  switch (phase_) {
    case Phase::kStartup:
      HandleStartupPacket(frame);
      break;
    case Phase::kAuthenticating:
      HandleSaslMessage(frame);
      break;
    case Phase::kReady:
      HandleCommand(frame);
      break;
    case Phase::kClosing:
      break;
  }
  if (!stream_.out().ok()) SendFatal(stream_.out().status());
}

void Connection::SendFatal(Status status) {
  pgproto::MessageBuilder& out = stream_.out();
  if (out.ok()) pgproto::WriteErrorOrNotice(out, std::move(status).WithSeverity(Severity::kFatal));
  phase_ = Phase::kClosing;
}

void Connection::Finish() {
  phase_ = Phase::kClosing;
  if (session_) services_.cancels->Unregister(cancel_key_);
  {
    // Terminate() may be calling Cancel() on the session right now.
    std::lock_guard lock(terminate_mu_);
    session_.reset();  // an open transaction rolls back
  }
  tenant_.reset();
  if (counted_session_) {
    services_.sessions->fetch_sub(1);
    counted_session_ = false;
  }
  stream_.Close();
  services_.on_closed(id_);
}

}  // namespace db9::net
