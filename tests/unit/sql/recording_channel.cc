#include "recording_channel.h"

#include "daemon/functions/registries.h"

namespace db9::sql::testing {

void RecordingChannel::BeginRows(const std::vector<ColumnDescription>& cols, bool send_description) {
  columns = cols;
  std::string line = send_description ? "T" : "T(described)";
  for (const ColumnDescription& c : cols) line += " " + c.name;
  log.push_back(line);
}

Status RecordingChannel::SendDataRow(const std::vector<types::Value>& row) {
  std::vector<std::string> text;
  types::IoContext io;
  for (const types::Value& v : row) {
    if (v.is_null()) {
      text.push_back("NULL");
      continue;
    }
    Result<std::string> s = types::FormatText(functions::BuiltinRegistries().types, v, io);
    if (!s.ok()) return s.status();
    text.push_back(*s);
  }
  std::string line = "D";
  for (size_t i = 0; i < text.size(); ++i) line += (i ? "|" : " ") + text[i];
  log.push_back(line);
  rows.push_back(std::move(text));
  return Status::OK();
}

void RecordingChannel::SendCommandComplete(std::string_view tag) {
  log.push_back("C " + std::string(tag));
  tags.emplace_back(tag);
}

void RecordingChannel::SendEmptyQueryResponse() { log.push_back("I"); }

void RecordingChannel::SendNotice(const Status& notice) {
  std::string line = std::string(SeverityName(notice.severity())) + ": " + std::string(notice.message());
  log.push_back("N " + line);
  notices.push_back(line);
}

void RecordingChannel::SendParameterStatus(std::string_view name, std::string_view value) {
  log.push_back("S " + std::string(name) + "=" + std::string(value));
}

Status RecordingChannel::BeginCopyIn(Format, int column_count) {
  log.push_back("G " + std::to_string(column_count));
  return Status::OK();
}

Result<std::optional<std::string>> RecordingChannel::ReadCopyData() {
  if (copy_in.empty()) return std::optional<std::string>();
  std::string chunk = std::move(copy_in.front());
  copy_in.pop_front();
  return std::optional<std::string>(std::move(chunk));
}

Status RecordingChannel::BeginCopyOut(Format, int column_count) {
  log.push_back("H " + std::to_string(column_count));
  return Status::OK();
}

Status RecordingChannel::SendCopyData(std::string_view data) {
  copy_out.append(data);
  return Status::OK();
}

Status RecordingChannel::EndCopyOut() {
  log.push_back("c");
  return Status::OK();
}

void RecordingChannel::Clear() {
  log.clear();
  columns.clear();
  rows.clear();
  tags.clear();
  notices.clear();
  copy_out.clear();
}

}  // namespace db9::sql::testing
