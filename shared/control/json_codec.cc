#include "shared/control/json_codec.h"

#include <optional>

namespace db9::control {

using nlohmann::json;

namespace {

// Reads `key` into `out` when present and not null; missing keys keep their
// defaults so older and newer peers interoperate (docs/control-api.md,
// Versioning). A present key of the wrong type throws, which Decode() turns
// into a protocol error.
template <typename T>
void Read(const json& j, const char* key, T& out) {
  auto it = j.find(key);
  if (it != j.end() && !it->is_null()) it->get_to(out);
}

json OptionalText(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

std::optional<std::string> ReadOptionalText(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<std::string>();
}

json KeyValues(const std::vector<std::optional<std::string>>& values) {
  json out = json::array();
  for (const auto& v : values) out.push_back(OptionalText(v));
  return out;
}

std::vector<std::optional<std::string>> ReadKeyValues(const json& j) {
  std::vector<std::optional<std::string>> out;
  for (const auto& v : j) out.push_back(ReadOptionalText(v));
  return out;
}

}  // namespace

void to_json(json& j, const HelloInfo& v) {
  j = {{"server", v.server},
       {"version", v.version},
       {"protocol", v.protocol},
       {"postgres_compat_version", v.postgres_compat_version}};
}
void from_json(const json& j, HelloInfo& v) {
  Read(j, "server", v.server);
  Read(j, "version", v.version);
  Read(j, "protocol", v.protocol);
  Read(j, "postgres_compat_version", v.postgres_compat_version);
}

void to_json(json& j, const DaemonInfoResult& v) {
  j = {{"version", v.version},
       {"pid", v.pid},
       {"started_unix_ms", v.started_unix_ms},
       {"uptime_ms", v.uptime_ms},
       {"listen_address", v.listen_address},
       {"port", v.port},
       {"data_dir", v.data_dir},
       {"control_socket", v.control_socket},
       {"total_size_bytes", v.total_size_bytes},
       {"database_count", v.database_count},
       {"open_connections", v.open_connections},
       {"socket_activated", v.socket_activated}};
}
void from_json(const json& j, DaemonInfoResult& v) {
  Read(j, "version", v.version);
  Read(j, "pid", v.pid);
  Read(j, "started_unix_ms", v.started_unix_ms);
  Read(j, "uptime_ms", v.uptime_ms);
  Read(j, "listen_address", v.listen_address);
  Read(j, "port", v.port);
  Read(j, "data_dir", v.data_dir);
  Read(j, "control_socket", v.control_socket);
  Read(j, "total_size_bytes", v.total_size_bytes);
  Read(j, "database_count", v.database_count);
  Read(j, "open_connections", v.open_connections);
  Read(j, "socket_activated", v.socket_activated);
}

void to_json(json& j, const DatabaseInfo& v) {
  j = {{"id", v.id},
       {"name", v.name},
       {"created_unix_ms", v.created_unix_ms},
       {"size_bytes", v.size_bytes},
       {"table_count", v.table_count},
       {"open_connections", v.open_connections}};
}
void from_json(const json& j, DatabaseInfo& v) {
  Read(j, "id", v.id);
  Read(j, "name", v.name);
  Read(j, "created_unix_ms", v.created_unix_ms);
  Read(j, "size_bytes", v.size_bytes);
  Read(j, "table_count", v.table_count);
  Read(j, "open_connections", v.open_connections);
}

void to_json(json& j, const ConnectInfo& v) {
  json env = json::object();
  for (const auto& [key, value] : v.environment) env[key] = value;
  j = {{"host", v.host},
       {"port", v.port},
       {"user", v.user},
       {"database", v.database},
       {"password", v.password},
       {"url", v.url},
       {"sqlalchemy_url", v.sqlalchemy_url},
       {"psql_command", v.psql_command},
       {"environment", env}};
}
void from_json(const json& j, ConnectInfo& v) {
  Read(j, "host", v.host);
  Read(j, "port", v.port);
  Read(j, "user", v.user);
  Read(j, "database", v.database);
  Read(j, "password", v.password);
  Read(j, "url", v.url);
  Read(j, "sqlalchemy_url", v.sqlalchemy_url);
  Read(j, "psql_command", v.psql_command);
  v.environment.clear();
  // JSON objects have no order; present the variables in the documented one.
  if (auto it = j.find("environment"); it != j.end() && it->is_object()) {
    for (const char* key : {"PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"}) {
      if (auto e = it->find(key); e != it->end()) v.environment.emplace_back(key, e->get<std::string>());
    }
  }
}

void to_json(json& j, const DatabaseStatus& v) {
  j = {{"database", v.database}, {"connection", v.connection}};
}
void from_json(const json& j, DatabaseStatus& v) {
  Read(j, "database", v.database);
  Read(j, "connection", v.connection);
}

void to_json(json& j, const TableInfo& v) {
  j = {{"schema", v.schema},
       {"name", v.name},
       {"kind", v.kind},
       {"rows", v.rows ? json(*v.rows) : json(nullptr)},
       {"rows_exact", v.rows_exact},
       {"bytes", v.bytes ? json(*v.bytes) : json(nullptr)}};
}
void from_json(const json& j, TableInfo& v) {
  Read(j, "schema", v.schema);
  Read(j, "name", v.name);
  Read(j, "kind", v.kind);
  int64_t number = 0;
  if (auto it = j.find("rows"); it != j.end() && !it->is_null()) v.rows = it->get_to(number);
  Read(j, "rows_exact", v.rows_exact);
  if (auto it = j.find("bytes"); it != j.end() && !it->is_null()) v.bytes = it->get_to(number);
}

void to_json(json& j, const ColumnInfo& v) {
  j = {{"name", v.name},
       {"type", v.type},
       {"nullable", v.nullable},
       {"default", OptionalText(v.default_expression)}};
}
void from_json(const json& j, ColumnInfo& v) {
  Read(j, "name", v.name);
  Read(j, "type", v.type);
  Read(j, "nullable", v.nullable);
  if (auto it = j.find("default"); it != j.end()) v.default_expression = ReadOptionalText(*it);
}

void to_json(json& j, const IndexInfo& v) {
  j = {{"name", v.name}, {"definition", v.definition}, {"unique", v.unique}, {"primary", v.primary}};
}
void from_json(const json& j, IndexInfo& v) {
  Read(j, "name", v.name);
  Read(j, "definition", v.definition);
  Read(j, "unique", v.unique);
  Read(j, "primary", v.primary);
}

void to_json(json& j, const ConstraintInfo& v) {
  j = {{"name", v.name}, {"kind", v.kind}, {"definition", v.definition}};
}
void from_json(const json& j, ConstraintInfo& v) {
  Read(j, "name", v.name);
  Read(j, "kind", v.kind);
  Read(j, "definition", v.definition);
}

void to_json(json& j, const TableDescription& v) {
  j = {{"schema", v.schema},         {"name", v.name},       {"columns", v.columns},
       {"primary_key", v.primary_key}, {"indexes", v.indexes}, {"constraints", v.constraints}};
}
void from_json(const json& j, TableDescription& v) {
  Read(j, "schema", v.schema);
  Read(j, "name", v.name);
  Read(j, "columns", v.columns);
  Read(j, "primary_key", v.primary_key);
  Read(j, "indexes", v.indexes);
  Read(j, "constraints", v.constraints);
}

void to_json(json& j, const ResultColumn& v) {
  j = {{"name", v.name}, {"type_oid", v.type_oid}, {"type", v.type}};
}
void from_json(const json& j, ResultColumn& v) {
  Read(j, "name", v.name);
  Read(j, "type_oid", v.type_oid);
  Read(j, "type", v.type);
}

void to_json(json& j, const QueryResult& v) {
  json rows = json::array();
  for (const auto& row : v.rows) rows.push_back(KeyValues(row));
  j = {{"columns", v.columns},
       {"rows", std::move(rows)},
       {"command_tag", v.command_tag},
       {"truncated", v.truncated}};
}
void from_json(const json& j, QueryResult& v) {
  Read(j, "columns", v.columns);
  v.rows.clear();
  if (auto it = j.find("rows"); it != j.end()) {
    for (const auto& row : *it) v.rows.push_back(ReadKeyValues(row));
  }
  Read(j, "command_tag", v.command_tag);
  Read(j, "truncated", v.truncated);
}

void to_json(json& j, const SortKey& v) {
  j = {{"column", v.column}, {"descending", v.descending}};
}
void from_json(const json& j, SortKey& v) {
  Read(j, "column", v.column);
  Read(j, "descending", v.descending);
}

void to_json(json& j, const RowFilter& v) {
  j = {{"column", v.column}, {"op", v.op}, {"value", OptionalText(v.value)}};
}
void from_json(const json& j, RowFilter& v) {
  Read(j, "column", v.column);
  Read(j, "op", v.op);
  if (auto it = j.find("value"); it != j.end()) v.value = ReadOptionalText(*it);
}

void to_json(json& j, const RowsRequest& v) {
  j = {{"name", v.database}, {"schema", v.schema},     {"table", v.table},
       {"limit", v.limit},   {"order_by", v.order_by}, {"filters", v.filters}};
  if (v.after) {
    j["after"] = KeyValues(*v.after);
  } else {
    j["offset"] = v.offset;
  }
}
void from_json(const json& j, RowsRequest& v) {
  Read(j, "name", v.database);
  Read(j, "schema", v.schema);
  Read(j, "table", v.table);
  Read(j, "limit", v.limit);
  Read(j, "offset", v.offset);
  if (auto it = j.find("after"); it != j.end() && !it->is_null()) v.after = ReadKeyValues(*it);
  Read(j, "order_by", v.order_by);
  Read(j, "filters", v.filters);
}

void to_json(json& j, const RowsPage& v) {
  j = v.result;
  j["next_after"] = v.next_after ? KeyValues(*v.next_after) : json(nullptr);
}
void from_json(const json& j, RowsPage& v) {
  from_json(j, v.result);
  if (auto it = j.find("next_after"); it != j.end() && !it->is_null()) {
    v.next_after = ReadKeyValues(*it);
  }
}

void to_json(json& j, const SqlRequest& v) {
  j = {{"name", v.database}, {"sql", v.sql}, {"max_rows", v.max_rows}};
}
void from_json(const json& j, SqlRequest& v) {
  Read(j, "name", v.database);
  Read(j, "sql", v.sql);
  Read(j, "max_rows", v.max_rows);
}

void to_json(json& j, const SqlResult& v) {
  j = {{"results", v.results}, {"notices", v.notices}};
}
void from_json(const json& j, SqlResult& v) {
  Read(j, "results", v.results);
  Read(j, "notices", v.notices);
}

void to_json(json& j, const ParameterizedStatement& v) {
  j = {{"sql", v.sql}, {"params", KeyValues(v.params)}};
  if (v.expected_rows) j["expected_rows"] = *v.expected_rows;
}
void from_json(const json& j, ParameterizedStatement& v) {
  Read(j, "sql", v.sql);
  v.params.clear();
  if (auto it = j.find("params"); it != j.end() && !it->is_null()) v.params = ReadKeyValues(*it);
  v.expected_rows.reset();
  if (auto it = j.find("expected_rows"); it != j.end() && !it->is_null()) {
    v.expected_rows = it->get<int64_t>();
  }
}

void to_json(json& j, const ExecuteRequest& v) {
  j = {{"name", v.database}, {"statements", v.statements}, {"max_rows", v.max_rows}};
}
void from_json(const json& j, ExecuteRequest& v) {
  Read(j, "name", v.database);
  Read(j, "statements", v.statements);
  Read(j, "max_rows", v.max_rows);
}

void to_json(json& j, const Event& v) {
  json data = json::object();
  if (!v.name.empty()) data["name"] = v.name;
  if (!v.previous_name.empty()) data["previous_name"] = v.previous_name;
  j = {{"event", v.kind}, {"data", std::move(data)}};
}
void from_json(const json& j, Event& v) {
  Read(j, "event", v.kind);
  if (auto it = j.find("data"); it != j.end() && it->is_object()) {
    Read(*it, "name", v.name);
    Read(*it, "previous_name", v.previous_name);
  }
}

json ErrorToJson(const Status& status) {
  json error = {{"code", std::string(status.sqlstate())}, {"message", std::string(status.message())}};
  if (!status.detail().empty()) error["detail"] = std::string(status.detail());
  if (!status.hint().empty()) error["hint"] = std::string(status.hint());
  if (status.position() > 0) error["position"] = status.position();
  return error;
}

Status ErrorFromJson(const json& error) {
  std::string code = sqlstate::kInternalError;
  std::string message = "the daemon reported an error without a message";
  std::string detail, hint;
  int position = 0;
  if (error.is_object()) {
    if (auto it = error.find("position"); it != error.end() && it->is_number_integer()) {
      position = it->get<int>();
    }
    auto text = [&](const char* key, std::string& out) {
      if (auto it = error.find(key); it != error.end() && it->is_string()) out = it->get<std::string>();
    };
    text("code", code);
    text("message", message);
    text("detail", detail);
    text("hint", hint);
  }
  // Status requires a 5-character SQLSTATE other than success.
  if (code.size() != 5 || code == sqlstate::kSuccessfulCompletion) code = sqlstate::kInternalError;
  Status status = Status::Error(code, std::move(message));
  if (!detail.empty()) status = std::move(status).WithDetail(std::move(detail));
  if (!hint.empty()) status = std::move(status).WithHint(std::move(hint));
  if (position > 0) status.WithPosition(position);
  return status;
}

}  // namespace db9::control
