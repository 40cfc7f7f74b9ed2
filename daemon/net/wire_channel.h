// WireChannel: the ClientChannel of one connection. Turns what the session
// reports (rows, command tags, notices, COPY data) into protocol messages on
// the connection's MessageStream, encoding values as text or binary through
// the TypeRegistry.
//
// Value text output depends on session settings (TimeZone, DateStyle,
// IntervalStyle). The channel keeps its own IoContext in step with them from
// the ParameterStatus reports the session makes (all three are reported
// parameters); extra_float_digits is not reported and stays at its default.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "daemon/net/message_stream.h"
#include "daemon/sql/session/client_channel.h"
#include "daemon/types/io_context.h"

namespace db9::types {
class TypeRegistry;
}

namespace db9::net {

class WireChannel : public sql::ClientChannel {
 public:
  // REQUIRES: both outlive the channel.
  WireChannel(MessageStream& stream, const types::TypeRegistry& types);

  // Takes the session's startup parameter values into the IoContext.
  void ApplyParameters(const std::vector<std::pair<std::string, std::string>>& parameters);

  void BeginRows(const std::vector<sql::ColumnDescription>& columns,
                 bool send_description) override;
  Status SendDataRow(const std::vector<types::Value>& row) override;
  void SendCommandComplete(std::string_view tag) override;
  void SendEmptyQueryResponse() override;
  void SendNotice(const Status& notice) override;
  void SendParameterStatus(std::string_view name, std::string_view value) override;

  Status BeginCopyIn(sql::Format format, int column_count) override;
  Result<std::optional<std::string>> ReadCopyData() override;
  Status BeginCopyOut(sql::Format format, int column_count) override;
  Status SendCopyData(std::string_view data) override;
  Status EndCopyOut() override;

  // RowDescription for Describe, shared with the connection.
  static void WriteRowDescription(pgproto::MessageBuilder& out,
                                  const std::vector<sql::ColumnDescription>& columns,
                                  bool formats_known);

 private:
  void ApplyParameter(std::string_view name, std::string_view value);

  MessageStream& stream_;
  const types::TypeRegistry& types_;
  types::IoContext io_;
  std::vector<sql::Format> formats_;  // of the rows being sent
  std::string scratch_;
  bool copy_in_active_ = false;
};

}  // namespace db9::net
