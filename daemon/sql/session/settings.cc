#include "daemon/sql/session/settings.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "db9/base/version.h"

namespace db9::sql {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Status InvalidValue(const std::string& name, const std::string& value) {
  return Status::Error(sqlstate::kInvalidParameterValue,
                       "invalid value for parameter \"" + name + "\": \"" + value + "\"");
}

const char* IsolationName(std::string_view v) {
  std::string l = Lower(v);
  if (l == "read committed" || l == "read uncommitted") return "read committed";
  if (l == "repeatable read") return "repeatable read";
  if (l == "serializable") return "serializable";
  return nullptr;
}

}  // namespace

namespace {

// "<integer>[ ]<unit>" in the base unit: `units` gives each accepted unit
// ("" for none) its multiplier; nullopt when the text is not one of them.
std::optional<int64_t> ParseQuantity(const std::string& text,
                                     std::initializer_list<std::pair<std::string_view, int64_t>> units) {
  size_t pos = 0;
  int64_t n;
  try {
    n = std::stoll(text, &pos);
  } catch (...) {
    return std::nullopt;
  }
  std::string_view unit = std::string_view(text).substr(pos);
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  for (const auto& [name, factor] : units) {
    if (unit == name) return n * factor;
  }
  return std::nullopt;
}

}  // namespace

std::optional<int64_t> ParseDurationMs(const std::string& text) {
  return ParseQuantity(Lower(text),
                       {{"", 1}, {"ms", 1}, {"s", 1000}, {"min", 60000}, {"h", 3600000}, {"d", 86400000}});
}

std::optional<int64_t> ParseMemoryKb(const std::string& text) {
  return ParseQuantity(text, {{"", 1}, {"kB", 1}, {"MB", 1024}, {"GB", 1024 * 1024},
                              {"TB", int64_t{1024} * 1024 * 1024}});
}

std::vector<std::string> ParseSearchPath(const std::string& value) {
  std::vector<std::string> out;
  std::string current;
  bool quoted = false, any = false;
  for (char c : value) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (c == ',' && !quoted) {
      if (any) out.push_back(current);
      current.clear();
      any = false;
    } else if (c == ' ' && !quoted) {
      continue;
    } else {
      current += quoted ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      any = true;
    }
  }
  if (any) out.push_back(current);
  return out;
}

// The parameters themselves never change: one table for every session, and
// an index by lower-case name so that lookups on each statement stay cheap.
// pg_settings' unit, category, context and type of each parameter are in
// settings_catalog.cc; a parameter missing there is hidden from pg_settings
// (as PostgreSQL hides session_authorization and is_superuser).
const std::vector<Settings::Definition>& Settings::Definitions() {
  static const std::vector<Definition> kDefinitions = {
      {"application_name", "", "Sets the application name to be reported in statistics and logs.", true},
      {"client_encoding", "UTF8", "Sets the client's character set encoding.", true},
      {"DateStyle", "ISO, MDY", "Sets the display format for date and time values.", true},
      {"default_transaction_isolation", "read committed",
       "Sets the transaction isolation level of each new transaction."},
      {"default_transaction_read_only", "off",
       "Sets the default read-only status of new transactions.", true},
      {"extra_float_digits", "1", "Sets the number of digits displayed for floating-point values."},
      {"in_hot_standby", "off", "Shows whether hot standby is currently active.", true, true},
      {"integer_datetimes", "on", "Shows whether datetimes are integer based.", true, true},
      {"IntervalStyle", "postgres", "Sets the display format for interval values.", true},
      {"is_superuser", "on", "Shows whether the current user is a superuser.", true, true},
      // Text compares bytewise (code point order), which is the C.UTF-8 collation.
      {"lc_collate", "C.UTF-8", "Shows the collation order locale.", false, true},
      {"lc_ctype", "C.UTF-8", "Shows the character classification and case conversion locale.",
       false, true},
      {"lock_timeout", "0", "Sets the maximum allowed duration of any wait for a lock."},
      {"max_identifier_length", "63", "Shows the maximum identifier length.", false, true},
      {"search_path", "\"$user\", public", "Sets the schema search order for names that are not schema-qualified."},
      {"server_encoding", "UTF8", "Shows the server (database) character set encoding.", true, true},
      {"server_version", kPostgresCompatVersion, "Shows the server version.", true, true},
      {"server_version_num", "150008", "Shows the server version as an integer.", false, true},
      {"session_authorization", "", "Sets the session user name.", true},
      {"standard_conforming_strings", "on", "Causes '...' strings to treat backslashes literally.", true},
      {"statement_timeout", "0", "Sets the maximum allowed duration of any statement."},
      {"idle_in_transaction_session_timeout", "0",
       "Sets the maximum allowed idle time between queries, when in a transaction."},
      {"TimeZone", "UTC", "Sets the time zone for displaying and interpreting time stamps.", true},
      {"transaction_isolation", "read committed", "Sets the current transaction's isolation level."},
      {"transaction_read_only", "off", "Sets the current transaction's read-only status."},
      {"synchronous_commit", "on", "Sets the current transaction's synchronization level."},
      {"client_min_messages", "notice", "Sets the message levels that are sent to the client."},
      {"bytea_output", "hex", "Sets the output format for bytea."},
      {"lc_messages", "C", "Sets the language in which messages are displayed."},
      {"lc_monetary", "C", "Sets the locale for formatting monetary amounts."},
      {"lc_numeric", "C", "Sets the locale for formatting numbers."},
      {"lc_time", "C", "Sets the locale for formatting date and time values."},
      {"row_security", "on", "Enable row security."},
      {"jit", "off", "Allow JIT compilation."},
      {"work_mem", "4MB", "Sets the maximum memory to be used for query workspaces."},
      {"maintenance_work_mem", "64MB", "Sets the maximum memory to be used for maintenance operations."},
      {"max_parallel_workers_per_gather", "2", "Sets the maximum number of parallel processes per executor node."},
      {"default_text_search_config", "pg_catalog.english", "Sets default text search configuration."},
      {"timezone_abbreviations", "Default", "Selects a file of time zone abbreviations."},
      {"block_size", "8192", "Shows the size of a disk block.", false, true},
      {"max_connections", "1000", "Sets the maximum number of concurrent connections.", false, true},
      {"hnsw.ef_search", "40", "Sets the size of the dynamic candidate list for search"},
  };
  return kDefinitions;
}

Settings::Settings() { ResetAll(); }

const Settings::Definition* Settings::Find(std::string_view name) const {
  static const std::unordered_map<std::string, const Definition*> kByName = [] {
    std::unordered_map<std::string, const Definition*> index;
    for (const Definition& d : Definitions()) index.emplace(Lower(d.name), &d);
    return index;
  }();
  auto it = kByName.find(Lower(name));
  return it == kByName.end() ? nullptr : it->second;
}

const std::string& Settings::Get(std::string_view lower_name) const {
  static const std::string kEmpty;
  auto it = values_.find(lower_name);
  return it == values_.end() ? kEmpty : it->second;
}

void Settings::SetTransactionState(const std::string& isolation, bool read_only) {
  // Both values are already in their stored form; no validation needed.
  std::string& level = values_.find(std::string_view("transaction_isolation"))->second;
  if (level != isolation) level = isolation;
  values_.find(std::string_view("transaction_read_only"))->second = read_only ? "on" : "off";
}

std::optional<std::string> Settings::CanonicalName(std::string_view name) const {
  const Definition* d = Find(name);
  if (d == nullptr) return std::nullopt;
  return d->name;
}

Result<std::string> Settings::Apply(const Definition& def, const std::string& value) {
  std::string l = Lower(def.name);
  if (l == "timezone") {
    DB9_RETURN_IF_ERROR(io_.SetTimeZone(value));
    return io_.timezone_name;
  }
  if (l == "datestyle") {
    std::string v = Lower(value);
    if (v.find("iso") == std::string::npos && v != "mdy" && v != "us") {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "only the ISO date style is supported, not \"" + value + "\"");
    }
    return std::string("ISO, MDY");
  }
  if (l == "intervalstyle") {
    if (Lower(value) != "postgres") {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "only IntervalStyle postgres is supported, not \"" + value + "\"");
    }
    return std::string("postgres");
  }
  if (l == "client_encoding" || l == "server_encoding") {
    std::string v = Lower(value);
    v.erase(std::remove(v.begin(), v.end(), '-'), v.end());
    v.erase(std::remove(v.begin(), v.end(), '_'), v.end());
    if (v != "utf8" && v != "unicode") {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "encoding \"" + value + "\" is not supported; only UTF8 is");
    }
    return std::string("UTF8");
  }
  if (l == "extra_float_digits") {
    try {
      int n = std::stoi(value);
      if (n < -15 || n > 3) return InvalidValue(def.name, value);
      io_.extra_float_digits = n;
      return std::to_string(n);
    } catch (...) {
      return InvalidValue(def.name, value);
    }
  }
  if (l == "search_path") {
    search_path_ = ParseSearchPath(value);
    return value;
  }
  if (l == "statement_timeout" || l == "lock_timeout" || l == "idle_in_transaction_session_timeout") {
    std::optional<int64_t> ms = ParseDurationMs(value);
    if (!ms || *ms < 0) return InvalidValue(def.name, value);
    if (l == "statement_timeout") statement_timeout_ms_ = *ms;
    return value;
  }
  if (l == "max_parallel_workers_per_gather") {
    std::optional<int64_t> n = ParseQuantity(value, {{"", 1}});
    if (!n || *n < 0 || *n > 1024) return InvalidValue(def.name, value);
    parallel_workers_ = static_cast<size_t>(*n);
    return std::to_string(*n);
  }
  if (l == "hnsw.ef_search") {
    std::optional<int64_t> n = ParseQuantity(value, {{"", 1}});
    if (!n) return InvalidValue(def.name, value);
    if (*n < 1 || *n > 1000) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           std::to_string(*n) + " is outside the valid range for parameter \"" +
                               def.name + "\" (1 .. 1000)");
    }
    hnsw_ef_search_ = static_cast<int>(*n);
    return std::to_string(*n);
  }
  if (l == "transaction_isolation" || l == "default_transaction_isolation") {
    const char* name = IsolationName(value);
    if (name == nullptr) return InvalidValue(def.name, value);
    return std::string(name);
  }
  if (l == "standard_conforming_strings") {
    std::string v = Lower(value);
    if (v != "on" && v != "true" && v != "1") {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "standard_conforming_strings can only be on");
    }
    return std::string("on");
  }
  return value;
}

Status Settings::Set(std::string_view name, const std::string& value, bool* changed_reported) {
  *changed_reported = false;
  const Definition* def = Find(name);
  if (def == nullptr) {
    // Custom "prefix.name" parameters are accepted, as PostgreSQL does.
    if (name.find('.') != std::string_view::npos) {
      values_[Lower(name)] = value;
      return Status::OK();
    }
    return Status::Error(sqlstate::kUndefinedObject,
                         "unrecognized configuration parameter \"" + std::string(name) + "\"");
  }
  if (def->read_only) {
    return Status::Error("55P02", "parameter \"" + def->name + "\" cannot be changed");
  }
  DB9_ASSIGN_OR_RETURN(std::string stored, Apply(*def, value));
  std::string& slot = values_[Lower(def->name)];
  *changed_reported = def->reported && slot != stored;
  slot = std::move(stored);
  return Status::OK();
}

Status Settings::Reset(std::string_view name, bool* changed_reported) {
  const Definition* def = Find(name);
  if (def == nullptr) {
    if (name.find('.') != std::string_view::npos) {
      values_.erase(Lower(name));
      *changed_reported = false;
      return Status::OK();
    }
    return Status::Error(sqlstate::kUndefinedObject,
                         "unrecognized configuration parameter \"" + std::string(name) + "\"");
  }
  if (def->read_only) {
    *changed_reported = false;
    return Status::OK();
  }
  return Set(def->name, def->default_value, changed_reported);
}

void Settings::ResetAll() {
  values_.clear();
  io_ = types::IoContext();
  for (const Definition& d : Definitions()) {
    Result<std::string> stored = Apply(d, d.default_value);
    values_[Lower(d.name)] = stored.ok() ? *stored : d.default_value;
  }
}

Result<std::string> Settings::Show(std::string_view name) const {
  auto it = values_.find(Lower(name));
  if (it == values_.end()) {
    return Status::Error(sqlstate::kUndefinedObject,
                         "unrecognized configuration parameter \"" + std::string(name) + "\"");
  }
  return it->second;
}

std::vector<std::vector<std::string>> Settings::ShowAll() const {
  std::vector<std::vector<std::string>> rows;
  for (const Definition& d : Definitions()) {
    rows.push_back({d.name, values_.at(Lower(d.name)), d.description});
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return Lower(a[0]) < Lower(b[0]); });
  return rows;
}

std::vector<std::pair<std::string, std::string>> Settings::Reported() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Definition& d : Definitions()) {
    if (d.reported) out.emplace_back(d.name, values_.at(Lower(d.name)));
  }
  return out;
}

}  // namespace db9::sql
