#include "daemon/net/wire_channel.h"

#include <cstdio>

#include "daemon/net/pgproto/backend_messages.h"
#include "daemon/net/pgproto/protocol.h"
#include "daemon/types/type_registry.h"
#include "shared/base/sqlstate.h"

namespace db9::net {

namespace backend = pgproto::backend;

WireChannel::WireChannel(MessageStream& stream, const types::TypeRegistry& types)
    : stream_(stream), types_(types) {}

void WireChannel::ApplyParameters(
    const std::vector<std::pair<std::string, std::string>>& parameters) {
  for (const auto& [name, value] : parameters) ApplyParameter(name, value);
}

void WireChannel::ApplyParameter(std::string_view name, std::string_view value) {
  if (name == "TimeZone") {
    // The session accepted this value already; should the type layer not know
    // it, output simply stays in the previous zone.
    (void)io_.SetTimeZone(std::string(value));
  } else if (name == "DateStyle") {
    io_.date_style = std::string(value);
  } else if (name == "IntervalStyle") {
    io_.interval_style = std::string(value);
  }
}

void WireChannel::WriteRowDescription(pgproto::MessageBuilder& out,
                                      const std::vector<sql::ColumnDescription>& columns,
                                      bool formats_known) {
  std::vector<pgproto::FieldDescription> fields;
  fields.reserve(columns.size());
  for (const sql::ColumnDescription& c : columns) {
    fields.push_back(pgproto::FieldDescription{
        c.name, c.table_oid, c.column_number, c.type_oid, c.type_size, c.type_modifier,
        formats_known ? static_cast<int16_t>(c.format) : int16_t{0}});
  }
  pgproto::WriteRowDescription(out, fields);
}

void WireChannel::BeginRows(const std::vector<sql::ColumnDescription>& columns,
                            bool send_description) {
  formats_.clear();
  for (const sql::ColumnDescription& c : columns) formats_.push_back(c.format);
  if (send_description) WriteRowDescription(stream_.out(), columns, true);
}

Status WireChannel::SendDataRow(const std::vector<types::Value>& row) {
  DB9_RETURN_IF_ERROR(stream_.io_error());
  pgproto::MessageBuilder& out = stream_.out();
  out.Begin(backend::kDataRow);
  out.PutInt16(static_cast<int16_t>(row.size()));
  for (size_t i = 0; i < row.size(); ++i) {
    const types::Value& value = row[i];
    if (value.is_null()) {
      out.PutCounted(std::nullopt);
      continue;
    }
    bool binary = i < formats_.size() && formats_[i] == sql::Format::kBinary;
    Result<std::string> encoded = binary ? types::FormatBinary(types_, value, io_)
                                         : types::FormatText(types_, value, io_);
    if (!encoded.ok()) {
      out.Abandon();
      return encoded.status();
    }
    out.PutCounted(*encoded);
  }
  out.End();
  if (!out.ok()) return out.status();
  return stream_.FlushIfLarge();
}

void WireChannel::SendCommandComplete(std::string_view tag) {
  pgproto::WriteCommandComplete(stream_.out(), tag);
}

void WireChannel::SendEmptyQueryResponse() {
  pgproto::WriteEmptyMessage(stream_.out(), backend::kEmptyQueryResponse);
}

void WireChannel::SendNotice(const Status& notice) {
  pgproto::WriteErrorOrNotice(stream_.out(), notice);
}

void WireChannel::SendParameterStatus(std::string_view name, std::string_view value) {
  ApplyParameter(name, value);
  pgproto::WriteParameterStatus(stream_.out(), name, value);
}

Status WireChannel::BeginCopyIn(sql::Format format, int column_count) {
  pgproto::WriteCopyResponse(stream_.out(), backend::kCopyInResponse,
                             static_cast<int16_t>(format), column_count);
  copy_in_active_ = true;
  // The client sends nothing until it has seen CopyInResponse.
  return stream_.Flush();
}

Result<std::optional<std::string>> WireChannel::ReadCopyData() {
  if (!copy_in_active_) {
    return Status::Internal("COPY data requested outside COPY FROM STDIN");
  }
  for (;;) {
    DB9_ASSIGN_OR_RETURN(OwnedFrame frame, stream_.ReadFrameBlocking(false));
    switch (frame.type) {
      case pgproto::frontend::kCopyData:
        return std::optional<std::string>(std::move(frame.payload));
      case pgproto::frontend::kCopyDone:
        copy_in_active_ = false;
        return std::optional<std::string>();
      case pgproto::frontend::kCopyFail: {
        copy_in_active_ = false;
        std::string_view reason(frame.payload);
        reason = reason.substr(0, reason.find('\0'));
        return Status::Error(sqlstate::kQueryCanceled,
                             "COPY from stdin failed: " + std::string(reason));
      }
      case pgproto::frontend::kFlush:
      case pgproto::frontend::kSync:
        // Ignored during COPY, as PostgreSQL does, for the convenience of
        // client libraries that send them unconditionally.
        continue;
      default: {
        copy_in_active_ = false;
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(frame.type));
        return Status::Error(sqlstate::kProtocolViolation,
                             std::string("unexpected message type ") + hex +
                                 " during COPY from stdin");
      }
    }
  }
}

Status WireChannel::BeginCopyOut(sql::Format format, int column_count) {
  pgproto::WriteCopyResponse(stream_.out(), backend::kCopyOutResponse,
                             static_cast<int16_t>(format), column_count);
  return stream_.FlushIfLarge();
}

Status WireChannel::SendCopyData(std::string_view data) {
  pgproto::WriteCopyData(stream_.out(), data);
  if (!stream_.out().ok()) return stream_.out().status();
  return stream_.FlushIfLarge();
}

Status WireChannel::EndCopyOut() {
  pgproto::WriteEmptyMessage(stream_.out(), backend::kCopyDone);
  return stream_.FlushIfLarge();
}

}  // namespace db9::net
