#include "shared/cli/output.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace db9::cli {

namespace {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Display width: counts UTF-8 code points, not bytes.
size_t Width(const std::string& text) {
  size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;
  return width;
}

}  // namespace

void PrintTable(std::ostream& out, const Table& table, OutputFormat format) {
  if (format == OutputFormat::kJson) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : table.rows) {
      nlohmann::json object = nlohmann::json::object();
      for (size_t i = 0; i < table.headers.size() && i < row.size(); ++i) {
        object[table.headers[i]] = row[i] ? nlohmann::json(*row[i]) : nlohmann::json(nullptr);
      }
      rows.push_back(std::move(object));
    }
    PrintJson(out, rows);
    return;
  }
  if (format == OutputFormat::kCsv) {
    for (size_t i = 0; i < table.headers.size(); ++i) {
      out << (i ? "," : "") << CsvField(table.headers[i]);
    }
    out << "\n";
    for (const auto& row : table.rows) {
      for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << CsvField(row[i].value_or(""));
      out << "\n";
    }
    return;
  }
  std::vector<size_t> widths;
  for (const auto& h : table.headers) widths.push_back(Width(h));
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], Width(row[i].value_or("")));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t i = 0; i < cells.size(); ++i) {
      text += cells[i];
      if (i + 1 < cells.size()) text += std::string(widths[i] - Width(cells[i]) + 2, ' ');
    }
    out << text << "\n";
  };
  line(table.headers);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (const auto& cell : row) cells.push_back(cell.value_or(""));
    line(cells);
  }
}

void PrintRecord(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& fields,
                 OutputFormat format) {
  if (format == OutputFormat::kTable) {
    size_t width = 0;
    for (const auto& [key, value] : fields) width = std::max(width, Width(key));
    for (const auto& [key, value] : fields) {
      out << key << ":" << std::string(width - Width(key) + 2, ' ') << value << "\n";
    }
    return;
  }
  Table table;
  table.rows.emplace_back();
  for (const auto& [key, value] : fields) {
    table.headers.push_back(key);
    table.rows[0].push_back(value);
  }
  if (format == OutputFormat::kJson) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [key, value] : fields) object[key] = value;
    PrintJson(out, object);
    return;
  }
  PrintTable(out, table, format);
}

void PrintJson(std::ostream& out, const nlohmann::json& value) {
  out << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

std::string HumanSize(uint64_t bytes) {
  static const char* kUnits[] = {"B", "kB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1000 && unit < 4) {
    value /= 1000;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof(text), unit == 0 ? "%.0f %s" : "%.1f %s", value, kUnits[unit]);
  return text;
}

std::string LocalTime(int64_t unix_ms) {
  std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%d %H:%M", &local);
  return text;
}

}  // namespace db9::cli
