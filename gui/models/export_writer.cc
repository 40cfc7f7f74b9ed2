#include "gui/models/export_writer.h"

#include <QIODevice>

#include <nlohmann/json.hpp>

#include "gui/models/cell_format.h"

namespace db9::gui {
namespace {

std::string CsvField(const std::string& text) {
  const bool quote = text.empty() || text.find_first_of(",\"\r\n") != std::string::npos ||
                     text.front() == ' ' || text.back() == ' ';
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
// (PostgreSQL prints NaN and Infinity too; those stay strings).
bool IsJsonNumber(const std::string& s) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

std::string JsonValue(const std::optional<std::string>& value, const std::string& type) {
  if (!value) return "null";
  if (type == "bool") return *value == "t" ? "true" : "false";
  if (IsNumericType(type) && IsJsonNumber(*value)) return *value;
  if (IsJsonType(type)) return *value;  // the database only stores valid JSON
  return nlohmann::json(*value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

ExportWriter::ExportWriter(QIODevice* out, ExportFormat format) : out_(out), format_(format) {}

ExportFormat ExportWriter::FormatForPath(const QString& path) {
  return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? ExportFormat::kJson
                                                                    : ExportFormat::kCsv;
}

void ExportWriter::write(const std::string& text) {
  if (ok_ && out_->write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
    ok_ = false;
  }
}

void ExportWriter::begin(const std::vector<control::ResultColumn>& columns) {
  columns_ = columns;
  if (format_ == ExportFormat::kJson) {
    write("[");
    return;
  }
  std::string header;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) header += ',';
    header += CsvField(columns_[i].name);
  }
  write(header + "\n");
}

std::string ExportWriter::csvRow(const control::ResultRow& row) const {
  std::string line;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line += ',';
    if (row[i]) line += CsvField(*row[i]);
  }
  return line + "\n";
}

std::string ExportWriter::jsonRow(const control::ResultRow& row) const {
  std::string object = "{";
  for (size_t i = 0; i < row.size() && i < columns_.size(); ++i) {
    if (i > 0) object += ", ";
    object += nlohmann::json(columns_[i].name).dump(-1, ' ', false,
                                                    nlohmann::json::error_handler_t::replace);
    object += ": " + JsonValue(row[i], columns_[i].type);
  }
  return object + "}";
}

void ExportWriter::writeRows(const std::vector<control::ResultRow>& rows) {
  for (const auto& row : rows) {
    if (format_ == ExportFormat::kCsv) {
      write(csvRow(row));
    } else {
      write((firstRow_ ? "\n" : ",\n") + jsonRow(row));
    }
    firstRow_ = false;
  }
}

void ExportWriter::finish() {
  if (format_ == ExportFormat::kJson) write("\n]\n");
}

}  // namespace db9::gui
