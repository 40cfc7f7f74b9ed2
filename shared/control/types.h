// The values the control API (docs/control-api.md) carries, as plain structs
// shared by the C++ client (GUI, CLI). Each mirrors one JSON object of the
// protocol; the field comments name the JSON keys. No Qt, no sockets here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace db9::control {

// The protocol version this header speaks ("protocol" in hello).
inline constexpr int kProtocolVersion = 1;

// "hello" result.
struct HelloInfo {
  std::string server;         // "db9d"
  std::string version;        // db9 product version, e.g. "0.1.0"
  int protocol = 0;           // kProtocolVersion of the daemon
  std::string postgres_compat_version;  // "15.8"
};

// "daemon.info" result.
struct DaemonInfoResult {
  std::string version;
  int64_t pid = 0;
  int64_t started_unix_ms = 0;
  int64_t uptime_ms = 0;
  std::string listen_address;  // "127.0.0.1"
  int port = 0;                // the port really listened on
  std::string data_dir;
  std::string control_socket;
  uint64_t total_size_bytes = 0;  // all databases on disk
  int database_count = 0;
  int open_connections = 0;
  // systemd passed the control socket (db9d.socket): it starts db9d again
  // when the next client connects, even after daemon.stop.
  bool socket_activated = false;
};

// One database (tenant): an element of "db.list", the "database" object of
// "db.status" / "db.create" / "db.branch".
struct DatabaseInfo {
  std::string id;    // stable, names its directory
  std::string name;  // lowercase letters, digits, hyphens
  int64_t created_unix_ms = 0;
  uint64_t size_bytes = 0;
  int64_t table_count = 0;
  int open_connections = 0;
};

// "db.connect-info" result, and the "connection" object of "db.status",
// "db.create", "db.branch", "db.reset-password".
struct ConnectInfo {
  std::string host;      // "localhost"
  int port = 0;          // the port really in use
  std::string user;      // "<name>.admin"
  std::string database;  // "postgres"
  std::string password;
  std::string url;             // postgresql://<name>.admin:<pw>@localhost:<port>/postgres
  std::string sqlalchemy_url;  // postgresql+psycopg://...
  std::string psql_command;    // psql "postgresql://..."
  // PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE in that order.
  std::vector<std::pair<std::string, std::string>> environment;
};

// "db.status" / "db.create" / "db.branch" result.
struct DatabaseStatus {
  DatabaseInfo database;
  ConnectInfo connection;
};

// "db.tables" element.
struct TableInfo {
  std::string schema;  // "public"
  std::string name;
  std::string kind;    // "table" or "view"
  // Tables only (null for views, which store nothing). rows: committed rows,
  // counted exactly up to 10 000 (rows_exact) and estimated beyond that from
  // the table's size; bytes: its rows and index entries on disk, approximate.
  std::optional<int64_t> rows;
  bool rows_exact = false;
  std::optional<int64_t> bytes;
};

// "db.describe" result.
struct ColumnInfo {
  std::string name;
  std::string type;  // SQL type as format_type() prints it: "integer", "character varying(20)"
  bool nullable = true;
  std::optional<std::string> default_expression;
};
struct IndexInfo {
  std::string name;
  std::string definition;  // CREATE [UNIQUE] INDEX ... as pg_get_indexdef() prints it
  bool unique = false;
  bool primary = false;
};
struct ConstraintInfo {
  std::string name;
  std::string kind;        // "primary key", "unique", "check", "foreign key", "exclusion"
  std::string definition;  // as pg_get_constraintdef() prints it: "CHECK ((qty > 0))"
};
struct TableDescription {
  std::string schema;
  std::string name;
  std::vector<ColumnInfo> columns;
  std::vector<std::string> primary_key;  // column names, in key order; empty if none
  std::vector<IndexInfo> indexes;
  std::vector<ConstraintInfo> constraints;
};

// Result columns and rows of "db.rows" and of each statement of "db.sql".
// Values are PostgreSQL's text output; nullopt is SQL NULL.
struct ResultColumn {
  std::string name;
  uint32_t type_oid = 0;
  std::string type;  // type name, e.g. "int4"
};
using ResultRow = std::vector<std::optional<std::string>>;
struct QueryResult {
  std::vector<ResultColumn> columns;  // empty for statements without rows
  std::vector<ResultRow> rows;
  std::string command_tag;  // "SELECT 3", "INSERT 0 1"; empty if the page was cut short
  bool truncated = false;   // more rows existed than the page limit allowed
};

// "db.rows" request: one page of a table.
struct SortKey {
  std::string column;
  bool descending = false;
};
struct RowFilter {
  std::string column;
  // "=", "<>", "<", "<=", ">", ">=", "like", "ilike", "is null", "is not null"
  std::string op;
  std::optional<std::string> value;  // text form; absent for the "is [not] null" ops
};
struct RowsRequest {
  std::string database;
  std::string schema = "public";
  std::string table;
  int limit = 100;  // 1..10000
  // Paging: either `offset`, or keyset: `after` holds the sort-key values of
  // the last row of the previous page (as "next_after" returned them).
  int64_t offset = 0;
  std::optional<std::vector<std::optional<std::string>>> after;
  std::vector<SortKey> order_by;  // empty: the primary key (or no order)
  std::vector<RowFilter> filters;  // ANDed
};
struct RowsPage {
  QueryResult result;
  // Pass as RowsRequest::after to get the next page; nullopt on the last page
  // or when the order is not a key that allows keyset paging.
  std::optional<std::vector<std::optional<std::string>>> next_after;
};

// "db.sql" request/result.
struct SqlRequest {
  std::string database;
  std::string sql;         // one or more statements, run as a simple query
  int max_rows = 1000;     // per statement, 1..100000
};
struct SqlResult {
  std::vector<QueryResult> results;  // one per statement that ran
  std::vector<std::string> notices;
};

// "db.execute" request: statements with bound parameters, all in one
// transaction (the result is a SqlResult). Values travel as parameters, never
// spliced into the SQL text, so any text is safe as a value.
struct ParameterizedStatement {
  std::string sql;  // one statement; $1, $2, ... name `params`
  std::vector<std::optional<std::string>> params;  // text form; nullopt is NULL
  // When set, the statement must report exactly this many rows in its
  // command tag ("UPDATE 1"), or everything rolls back (P0002).
  std::optional<int64_t> expected_rows;
};
struct ExecuteRequest {
  std::string database;
  std::vector<ParameterizedStatement> statements;
  int max_rows = 1000;  // per statement, 1..100000
};

// Events pushed to subscribers (see Subscribe in client.h).
struct Event {
  // "database.created", "database.dropped", "database.renamed",
  // "connection.opened", "connection.closed", "daemon.stopping"
  std::string kind;
  std::string name;           // the database concerned; empty for daemon.stopping
  std::string previous_name;  // database.renamed only
};

}  // namespace db9::control
