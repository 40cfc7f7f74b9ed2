// RecordingChannel: a ClientChannel for tests. It keeps every message as a
// line of text ("D 1|alice", "C INSERT 0 1", "N WARNING: ...") and the rows
// of the last result, formatted in text through the type registry, and
// serves COPY FROM STDIN data from a preset list.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "daemon/sql/session/client_channel.h"

namespace db9::sql::testing {

class RecordingChannel final : public ClientChannel {
 public:
  void BeginRows(const std::vector<ColumnDescription>& columns, bool send_description) override;
  Status SendDataRow(const std::vector<types::Value>& row) override;
  void SendCommandComplete(std::string_view tag) override;
  void SendEmptyQueryResponse() override;
  void SendNotice(const Status& notice) override;
  void SendParameterStatus(std::string_view name, std::string_view value) override;
  Status BeginCopyIn(Format format, int column_count) override;
  Result<std::optional<std::string>> ReadCopyData() override;
  Status BeginCopyOut(Format format, int column_count) override;
  Status SendCopyData(std::string_view data) override;
  Status EndCopyOut() override;

  void Clear();

  std::vector<std::string> log;                  // every message in order
  std::vector<ColumnDescription> columns;         // of the last BeginRows
  std::vector<std::vector<std::string>> rows;     // text of the rows since Clear ("NULL" for NULL)
  std::vector<std::string> tags;                  // CommandComplete tags
  std::vector<std::string> notices;               // "WARNING: text"
  std::deque<std::string> copy_in;                // data served to COPY FROM STDIN
  std::string copy_out;                           // data received from COPY TO STDOUT
};

}  // namespace db9::sql::testing
