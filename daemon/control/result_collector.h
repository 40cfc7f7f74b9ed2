// ResultCollector: a ClientChannel that keeps what a statement sends — rows
// as PostgreSQL text, command tags, notices — for the control API, up to a
// row limit per statement (rows past it are counted, not kept).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/sql/session/client_channel.h"
#include "daemon/types/io_context.h"
#include "shared/control/types.h"

namespace db9::types {
class TypeRegistry;
}

namespace db9::control {

class ResultCollector : public sql::ClientChannel {
 public:
  // REQUIRES: `types` outlives the collector.
  ResultCollector(const types::TypeRegistry& types, int64_t max_rows_per_statement);

  // One entry per statement that completed (or was cut short by an error:
  // then its last entry has no command tag).
  std::vector<QueryResult>& results() { return results_; }
  std::vector<std::string>& notices() { return notices_; }

  // COPY has no client stream to use over the control socket, so it is
  // refused (0A000) unless the caller supplies the data: COPY ... TO STDOUT
  // then appends to *sink (a dump), COPY ... FROM STDIN reads `data` (the
  // block after the statement in a restored script). REQUIRES: they outlive
  // the collector.
  void CopyOutTo(std::string* sink) { copy_out_ = sink; }
  void CopyInFrom(std::string_view data) { copy_in_ = data; }

  void BeginRows(const std::vector<sql::ColumnDescription>& columns, bool send_description) override;
  Status SendDataRow(const std::vector<types::Value>& row) override;
  void SendCommandComplete(std::string_view tag) override;
  void SendEmptyQueryResponse() override {}
  void SendNotice(const Status& notice) override;
  void SendParameterStatus(std::string_view, std::string_view) override {}
  Status BeginCopyIn(sql::Format format, int column_count) override;
  Result<std::optional<std::string>> ReadCopyData() override;
  Status BeginCopyOut(sql::Format format, int column_count) override;
  Status SendCopyData(std::string_view data) override;
  Status EndCopyOut() override;

 private:
  QueryResult& Current();

  const types::TypeRegistry& types_;
  types::IoContext io_;
  int64_t max_rows_;
  std::vector<QueryResult> results_;
  bool open_ = false;  // results_.back() still receives rows
  std::vector<std::string> notices_;
  std::string* copy_out_ = nullptr;
  std::optional<std::string_view> copy_in_;  // nullopt once handed out
};

}  // namespace db9::control
