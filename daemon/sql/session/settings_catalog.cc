// Settings::Describe(): the session's parameters as pg_settings shows them,
// with PostgreSQL 15's unit, category, context, type and bounds for each.
// Numeric settings with a unit are shown in that unit, as PostgreSQL does
// ("5s" is setting 5000, unit ms; "4MB" is 4096, unit kB).
#include <cctype>
#include <optional>
#include <unordered_map>

#include "daemon/catalog/system_registry.h"
#include "daemon/sql/session/settings.h"

namespace db9::sql {
namespace {

struct Metadata {
  const char* vartype;
  const char* context;
  const char* category;
  const char* unit = "";
  const char* min_val = "";
  const char* max_val = "";
};

constexpr const char kLocale[] = "Client Connection Defaults / Locale and Formatting";
constexpr const char kStatement[] = "Client Connection Defaults / Statement Behavior";
constexpr const char kPreset[] = "Preset Options";
constexpr const char kMemory[] = "Resource Usage / Memory";
constexpr const char kIntMax[] = "2147483647";

const std::unordered_map<std::string, Metadata>& MetadataByName() {
  static const std::unordered_map<std::string, Metadata> kMetadata = {
      {"application_name", {"string", "user", "Reporting and Logging / What to Log"}},
      {"block_size", {"integer", "internal", kPreset, "", "8192", "8192"}},
      {"bytea_output", {"enum", "user", kStatement}},
      {"client_encoding", {"string", "user", kLocale}},
      {"client_min_messages", {"enum", "user", kStatement}},
      {"DateStyle", {"string", "user", kLocale}},
      {"default_text_search_config", {"string", "user", kLocale}},
      {"default_transaction_isolation", {"enum", "user", kStatement}},
      {"default_transaction_read_only", {"bool", "user", kStatement}},
      {"extra_float_digits", {"integer", "user", kLocale, "", "-15", "3"}},
      {"hnsw.ef_search", {"integer", "user", "Customized Options", "", "1", "1000"}},
      {"idle_in_transaction_session_timeout", {"integer", "user", kStatement, "ms", "0", kIntMax}},
      {"in_hot_standby", {"bool", "internal", kPreset}},
      {"integer_datetimes", {"bool", "internal", kPreset}},
      {"IntervalStyle", {"enum", "user", kLocale}},
      {"jit", {"bool", "user", "Query Tuning / Other Planner Options"}},
      {"lc_collate", {"string", "internal", kPreset}},
      {"lc_ctype", {"string", "internal", kPreset}},
      {"lc_messages", {"string", "superuser", kLocale}},
      {"lc_monetary", {"string", "user", kLocale}},
      {"lc_numeric", {"string", "user", kLocale}},
      {"lc_time", {"string", "user", kLocale}},
      {"lock_timeout", {"integer", "user", kStatement, "ms", "0", kIntMax}},
      {"maintenance_work_mem", {"integer", "user", kMemory, "kB", "1024", kIntMax}},
      {"max_connections",
       {"integer", "postmaster", "Connections and Authentication / Connection Settings", "", "1",
        "262143"}},
      {"max_identifier_length", {"integer", "internal", kPreset, "", "63", "63"}},
      {"max_parallel_workers_per_gather",
       {"integer", "user", "Resource Usage / Asynchronous Behavior", "", "0", "1024"}},
      {"row_security", {"bool", "user", kStatement}},
      {"search_path", {"string", "user", kStatement}},
      {"server_encoding", {"string", "internal", kPreset}},
      {"server_version", {"string", "internal", kPreset}},
      {"server_version_num", {"integer", "internal", kPreset}},
      {"standard_conforming_strings",
       {"bool", "user", "Version and Platform Compatibility / Previous PostgreSQL Versions"}},
      {"statement_timeout", {"integer", "user", kStatement, "ms", "0", kIntMax}},
      {"synchronous_commit", {"enum", "user", "Write-Ahead Log / Settings"}},
      {"TimeZone", {"string", "user", kLocale}},
      {"timezone_abbreviations", {"string", "user", kLocale}},
      {"transaction_isolation", {"enum", "user", kStatement}},
      {"transaction_read_only", {"bool", "user", kStatement}},
      {"work_mem", {"integer", "user", kMemory, "kB", "64", kIntMax}},
  };
  return kMetadata;
}

// The value in the parameter's base unit, as pg_settings shows it.
std::string InUnit(const std::string& value, const std::string& unit) {
  std::optional<int64_t> n;
  if (unit == "ms") n = ParseDurationMs(value);
  if (unit == "kB") n = ParseMemoryKb(value);
  return n ? std::to_string(*n) : value;
}

}  // namespace

std::vector<catalog::SettingInfo> Settings::Describe() const {
  std::vector<catalog::SettingInfo> out;
  for (const Definition& d : Definitions()) {
    auto it = MetadataByName().find(d.name);
    if (it == MetadataByName().end()) continue;
    const Metadata& m = it->second;
    catalog::SettingInfo info;
    info.name = d.name;
    info.unit = m.unit;
    Result<std::string> current = Show(d.name);
    info.setting = InUnit(current.ok() ? *current : d.default_value, info.unit);
    info.category = m.category;
    info.short_desc = d.description;
    info.context = m.context;
    info.vartype = m.vartype;
    info.boot_val = InUnit(d.default_value, info.unit);
    info.min_val = m.min_val;
    info.max_val = m.max_val;
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace db9::sql
