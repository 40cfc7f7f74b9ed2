// Settings: the session's configuration parameters (GUCs) with PostgreSQL's
// names, defaults and the subset of its validation that clients rely on.
// Names are case-insensitive; SHOW answers with PostgreSQL's spelling.
//
// Parameters marked "reported" go to the client in ParameterStatus at
// startup and whenever they change.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "daemon/types/io_context.h"
#include "shared/base/result.h"

namespace db9::catalog {
struct SettingInfo;
}  // namespace db9::catalog

namespace db9::sql {

class Settings {
 public:
  Settings();

  // SET name = value (value as text). 42704 for unknown names, 22023 for
  // bad values. *changed_reported is set when a reported value changed.
  Status Set(std::string_view name, const std::string& value, bool* changed_reported);
  // RESET name / SET name TO DEFAULT.
  Status Reset(std::string_view name, bool* changed_reported);
  void ResetAll();
  Result<std::string> Show(std::string_view name) const;
  // (name, value, description) of every parameter, for SHOW ALL.
  std::vector<std::vector<std::string>> ShowAll() const;
  // The rows of pg_settings (settings_catalog.cc).
  std::vector<catalog::SettingInfo> Describe() const;
  // The canonical spelling of a known parameter ("DateStyle"), or nullopt.
  std::optional<std::string> CanonicalName(std::string_view name) const;

  std::vector<std::pair<std::string, std::string>> Reported() const;

  // The stored value of a known parameter by its lower-case name, without
  // the case folding Show() does: for the session's per-transaction reads.
  const std::string& Get(std::string_view lower_name) const;
  // transaction_isolation (stored form, "read committed") and
  // transaction_read_only for the transaction starting or ending.
  void SetTransactionState(const std::string& isolation, bool read_only);

  // Derived values, kept in step with the text settings.
  const types::IoContext& io() const { return io_; }
  const std::vector<std::string>& search_path() const { return search_path_; }
  int64_t statement_timeout_ms() const { return statement_timeout_ms_; }
  size_t parallel_workers() const { return parallel_workers_; }
  int hnsw_ef_search() const { return hnsw_ef_search_; }

 private:
  struct Definition {
    std::string name;  // PostgreSQL's spelling
    std::string default_value;
    std::string description;
    bool reported = false;
    bool read_only = false;
  };
  const Definition* Find(std::string_view name) const;
  // Validates/normalizes and applies side effects; returns the stored text.
  Result<std::string> Apply(const Definition& def, const std::string& value);

  static const std::vector<Definition>& Definitions();
  std::map<std::string, std::string, std::less<>> values_;  // lower-case name -> value
  types::IoContext io_;
  std::vector<std::string> search_path_;
  int64_t statement_timeout_ms_ = 0;
  size_t parallel_workers_ = 0;
  int hnsw_ef_search_ = 40;
};

// A duration setting ("5s", "100ms", "1min", "250" meaning milliseconds) in
// milliseconds; nullopt when it is not one.
std::optional<int64_t> ParseDurationMs(const std::string& text);
// A memory setting ("4MB", "64kB", "512" meaning kB) in kB; nullopt when it
// is not one. Units are case-sensitive, as in PostgreSQL.
std::optional<int64_t> ParseMemoryKb(const std::string& text);

// Splits a search_path value ("\"$user\", public") into schema names.
std::vector<std::string> ParseSearchPath(const std::string& value);

}  // namespace db9::sql
