// The ready phase: simple Query and the extended protocol (Parse, Bind,
// Describe, Execute, Close, Sync, Flush), with PostgreSQL's error recovery —
// after an error in an extended-protocol batch every message up to the next
// Sync is discarded, and Sync answers ReadyForQuery.
//
// A message whose fields do not decode (but whose frame was sound) is an
// ERROR 08P01, as in PostgreSQL: the stream is still in step, so the session
// goes on. Broken framing and unknown message types end the connection.
#include <cstdio>

#include "daemon/net/connection.h"
#include "daemon/net/pgproto/backend_messages.h"
#include "daemon/net/pgproto/frontend_messages.h"
#include "daemon/net/pgproto/protocol.h"
#include "shared/base/sqlstate.h"

namespace db9::net {

namespace frontend = pgproto::frontend;
namespace backend = pgproto::backend;

namespace {

std::vector<sql::Format> ToFormats(const std::vector<int16_t>& codes) {
  std::vector<sql::Format> formats;
  formats.reserve(codes.size());
  for (int16_t code : codes) formats.push_back(static_cast<sql::Format>(code));
  return formats;
}
}  // namespace

void Connection::SendError(const Status& status) {
  pgproto::WriteErrorOrNotice(stream_.out(), status);
  // A session may end the connection (FATAL), e.g. when its database is gone.
  if (status.severity() == Severity::kFatal || status.severity() == Severity::kPanic) {
    phase_ = Phase::kClosing;
  }
}

void Connection::SendReadyForQuery() {
  pgproto::WriteReadyForQuery(stream_.out(), static_cast<char>(session_->transaction_status()));
  // The client waits for ReadyForQuery: it must not sit in our buffer.
  if (!stream_.Flush().ok()) phase_ = Phase::kClosing;
}

void Connection::HandleCommand(OwnedFrame& frame) {
  if (ignore_till_sync_ && frame.type != frontend::kSync && frame.type != frontend::kTerminate) {
    return;
  }
  Status extended_status;
  switch (frame.type) {
    case frontend::kQuery:
      HandleQuery(frame);
      return;
    case frontend::kParse:
      extended_status = HandleParse(frame);
      break;
    case frontend::kBind:
      extended_status = HandleBind(frame);
      break;
    case frontend::kDescribe:
      extended_status = HandleDescribe(frame);
      break;
    case frontend::kExecute:
      extended_status = HandleExecute(frame);
      break;
    case frontend::kClose:
      extended_status = HandleClose(frame);
      break;
    case frontend::kSync:
      HandleSync();
      return;
    case frontend::kFlush:
      if (!stream_.Flush().ok()) phase_ = Phase::kClosing;
      return;
    case frontend::kTerminate:
      phase_ = Phase::kClosing;
      return;
    case frontend::kCopyData:
    case frontend::kCopyDone:
    case frontend::kCopyFail:
      // Leftovers of a COPY FROM STDIN that failed before the client finished
      // sending: ignored, as the protocol specifies.
      return;
    case frontend::kFunctionCall:
      SendError(Status::Error(sqlstate::kFeatureNotSupported,
                              "fast-path function calls are not supported"));
      SendReadyForQuery();
      return;
    default: {
      char code[8];
      std::snprintf(code, sizeof code, "%d", static_cast<unsigned char>(frame.type));
      SendFatal(Status::Error(sqlstate::kProtocolViolation,
                              std::string("invalid frontend message type ") + code));
      return;
    }
  }
  if (!stream_.io_error().ok()) {
    phase_ = Phase::kClosing;  // the client is gone; nobody to tell
  } else if (!extended_status.ok()) {
    SendError(extended_status);  // closes on FATAL
    ignore_till_sync_ = true;
  }
}

void Connection::HandleQuery(const OwnedFrame& frame) {
  auto sql = pgproto::DecodeSingleString(frame.payload, frontend::kQuery);
  if (!sql.ok()) {
    SendError(sql.status());
    SendReadyForQuery();
    return;
  }
  Status status = session_->ExecuteSimpleQuery(*sql, channel_);
  if (!status.ok()) {
    if (!stream_.io_error().ok()) {
      phase_ = Phase::kClosing;  // the client is gone; nobody to tell
      return;
    }
    SendError(status);
    if (phase_ == Phase::kClosing) return;
  }
  SendReadyForQuery();
}

Status Connection::HandleParse(const OwnedFrame& frame) {
  auto decoded = pgproto::DecodeParse(frame.payload);
  if (!decoded.ok()) return decoded.status();
  pgproto::ParseMessage m = std::move(*decoded);
  std::vector<types::Oid> types(m.parameter_types.begin(), m.parameter_types.end());
  DB9_RETURN_IF_ERROR(session_->Parse(std::string(m.statement), m.query, types));
  pgproto::WriteEmptyMessage(stream_.out(), backend::kParseComplete);
  return Status::OK();
}

Status Connection::HandleBind(const OwnedFrame& frame) {
  auto decoded = pgproto::DecodeBind(frame.payload);
  if (!decoded.ok()) return decoded.status();
  pgproto::BindMessage m = std::move(*decoded);
  sql::BindRequest request;
  request.portal = std::string(m.portal);
  request.statement = std::string(m.statement);
  request.parameter_formats = ToFormats(m.parameter_formats);
  request.result_formats = ToFormats(m.result_formats);
  request.parameters.reserve(m.parameters.size());
  for (const auto& p : m.parameters) {
    request.parameters.push_back(p ? std::optional<std::string>(*p) : std::nullopt);
  }
  DB9_RETURN_IF_ERROR(session_->Bind(request));
  pgproto::WriteEmptyMessage(stream_.out(), backend::kBindComplete);
  return Status::OK();
}

Status Connection::HandleDescribe(const OwnedFrame& frame) {
  auto decoded = pgproto::DecodeTarget(frame.payload, frontend::kDescribe);
  if (!decoded.ok()) return decoded.status();
  pgproto::TargetMessage m = std::move(*decoded);
  std::string name(m.name);
  pgproto::MessageBuilder& out = stream_.out();
  if (m.kind == 'S') {
    DB9_ASSIGN_OR_RETURN(sql::StatementDescription d, session_->DescribeStatement(name));
    std::vector<uint32_t> oids(d.parameter_types.begin(), d.parameter_types.end());
    pgproto::WriteParameterDescription(out, oids);
    // Result formats are not known before Bind: PostgreSQL reports text.
    if (d.columns) {
      WireChannel::WriteRowDescription(out, *d.columns, /*formats_known=*/false);
    } else {
      pgproto::WriteEmptyMessage(out, backend::kNoData);
    }
    return Status::OK();
  }
  DB9_ASSIGN_OR_RETURN(auto columns, session_->DescribePortal(name));
  if (columns) {
    WireChannel::WriteRowDescription(out, *columns, /*formats_known=*/true);
  } else {
    pgproto::WriteEmptyMessage(out, backend::kNoData);
  }
  return Status::OK();
}

Status Connection::HandleExecute(const OwnedFrame& frame) {
  auto decoded = pgproto::DecodeExecute(frame.payload);
  if (!decoded.ok()) return decoded.status();
  pgproto::ExecuteMessage m = std::move(*decoded);
  int64_t max_rows = m.max_rows > 0 ? m.max_rows : 0;
  DB9_ASSIGN_OR_RETURN(sql::ExecuteOutcome outcome,
                       session_->Execute(std::string(m.portal), max_rows, channel_));
  if (outcome == sql::ExecuteOutcome::kSuspended) {
    pgproto::WriteEmptyMessage(stream_.out(), backend::kPortalSuspended);
  }
  return Status::OK();
}

Status Connection::HandleClose(const OwnedFrame& frame) {
  auto decoded = pgproto::DecodeTarget(frame.payload, frontend::kClose);
  if (!decoded.ok()) return decoded.status();
  pgproto::TargetMessage m = std::move(*decoded);
  if (m.kind == 'S') {
    session_->CloseStatement(std::string(m.name));
  } else {
    session_->ClosePortal(std::string(m.name));
  }
  pgproto::WriteEmptyMessage(stream_.out(), backend::kCloseComplete);
  return Status::OK();
}

void Connection::HandleSync() {
  ignore_till_sync_ = false;
  Status status = session_->Sync();
  if (!status.ok()) {
    SendError(status);
    if (phase_ == Phase::kClosing) return;
  }
  SendReadyForQuery();
}

}  // namespace db9::net
