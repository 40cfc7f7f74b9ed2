#include "daemon/control/result_collector.h"

#include "daemon/types/type_registry.h"
#include "shared/base/sqlstate.h"

namespace db9::control {

namespace {
Status NoCopy() {
  return Status::Error(sqlstate::kFeatureNotSupported,
                       "COPY ... FROM STDIN / TO STDOUT needs a PostgreSQL client")
      .WithHint("run it with psql (`db9 db connect`), or use INSERT / SELECT here");
}
}  // namespace

ResultCollector::ResultCollector(const types::TypeRegistry& types, int64_t max_rows_per_statement)
    : types_(types), max_rows_(max_rows_per_statement) {}

QueryResult& ResultCollector::Current() {
  if (!open_) {
    results_.emplace_back();
    open_ = true;
  }
  return results_.back();
}

void ResultCollector::BeginRows(const std::vector<sql::ColumnDescription>& columns, bool) {
  QueryResult& result = Current();
  result.columns.clear();
  for (const auto& c : columns) {
    const types::TypeInfo* type = types_.Find(c.type_oid);
    result.columns.push_back({c.name, c.type_oid, type != nullptr ? type->name : "???"});
  }
}

Status ResultCollector::SendDataRow(const std::vector<types::Value>& row) {
  QueryResult& result = Current();
  if (static_cast<int64_t>(result.rows.size()) >= max_rows_) {
    result.truncated = true;  // keep running: the statement's effects must complete
    return Status::OK();
  }
  ResultRow text;
  text.reserve(row.size());
  for (const auto& value : row) {
    if (value.is_null()) {
      text.emplace_back(std::nullopt);
      continue;
    }
    DB9_ASSIGN_OR_RETURN(std::string formatted, types::FormatText(types_, value, io_));
    text.emplace_back(std::move(formatted));
  }
  result.rows.push_back(std::move(text));
  return Status::OK();
}

void ResultCollector::SendCommandComplete(std::string_view tag) {
  Current().command_tag = std::string(tag);
  open_ = false;
}

void ResultCollector::SendNotice(const Status& notice) {
  notices_.push_back(std::string(SeverityName(notice.severity())) + ": " +
                     std::string(notice.message()));
}

Status ResultCollector::BeginCopyIn(sql::Format, int) {
  return copy_in_ ? Status::OK() : NoCopy();
}

Result<std::optional<std::string>> ResultCollector::ReadCopyData() {
  if (!copy_in_) return std::optional<std::string>();  // all handed out: CopyDone
  std::string data(*copy_in_);
  copy_in_.reset();
  return std::optional<std::string>(std::move(data));
}

Status ResultCollector::BeginCopyOut(sql::Format, int) {
  return copy_out_ != nullptr ? Status::OK() : NoCopy();
}

Status ResultCollector::SendCopyData(std::string_view data) {
  if (copy_out_ == nullptr) return NoCopy();
  copy_out_->append(data);
  return Status::OK();
}

Status ResultCollector::EndCopyOut() { return copy_out_ != nullptr ? Status::OK() : NoCopy(); }

}  // namespace db9::control
