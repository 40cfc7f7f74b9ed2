// Printing results three ways: aligned tables for people, JSON and CSV for
// scripts (`--output json|csv`).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace db9::cli {

enum class OutputFormat { kTable, kJson, kCsv };

struct Table {
  std::vector<std::string> headers;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt: NULL
};

// Table: aligned columns with a header rule (NULL shown as empty). CSV:
// RFC 4180 with a header line. JSON: an array of objects keyed by header.
void PrintTable(std::ostream& out, const Table& table, OutputFormat format);

// One record as "Key:  value" lines (table) or as CSV / a JSON object.
void PrintRecord(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& fields,
                 OutputFormat format);

// Pretty JSON, ending with a newline.
void PrintJson(std::ostream& out, const nlohmann::json& value);

// "1.2 MB" style sizes and "2026-12-07 03:12" local times for tables.
std::string HumanSize(uint64_t bytes);
std::string LocalTime(int64_t unix_ms);

}  // namespace db9::cli
