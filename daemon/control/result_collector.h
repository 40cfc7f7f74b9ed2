// ResultCollector: a ClientChannel that keeps what a statement sends — rows
// as PostgreSQL text, command tags, notices — for the control API, up to a
// row limit per statement (rows past it are counted, not kept).
#pragma once

#include <cstdint>

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
};

}  // namespace db9::control
