#include "daemon/control/dump_writer.h"

#include <chrono>

#include "daemon/control/catalog_queries.h"
#include "daemon/control/dump_sequences.h"
#include "daemon/control/dump_views.h"

namespace db9::control {

namespace {

constexpr char kUserSchemas[] =
    "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

const std::string& Text(const ResultRow& row, size_t i) {
  static const std::string kEmpty;
  return i < row.size() && row[i] ? *row[i] : kEmpty;
}

std::string Qualified(const std::string& schema, const std::string& name) {
  return QuoteIdentifier(schema) + "." + QuoteIdentifier(name);
}

// Relations of the given relkinds in user schemas: (oid, schema, name).
Result<QueryResult> Relations(SqlRunner& runner, const std::string& relkinds) {
  return runner.Query("SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c "
                      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE c.relkind IN (" + relkinds + ") AND " + kUserSchemas +
                      " ORDER BY n.nspname, c.relname");
}

// The rows as pg_dump writes them: COPY ... FROM stdin with the data inline
// in COPY's text format, produced by the engine's own COPY ... TO STDOUT and
// streamed into the dump (never a whole table as a result set). COPY also
// fills GENERATED ALWAYS identity columns without OVERRIDING SYSTEM VALUE.
Status AppendRows(SqlRunner& runner, const std::string& table, const std::vector<ColumnInfo>& columns,
                  std::string* out) {
  std::string list;
  for (size_t i = 0; i < columns.size(); ++i) list += (i ? ", " : "") + QuoteIdentifier(columns[i].name);
  const size_t start = out->size();
  *out += "COPY " + table + " (" + list + ") FROM stdin;\n";
  const size_t data_start = out->size();
  // A query rather than COPY t (columns): the engine re-quotes a column list
  // without doubling quotes inside names ("Weird ""col" breaks).
  DB9_RETURN_IF_ERROR(
      runner.CopyOut("COPY (SELECT " + list + " FROM " + table + ") TO STDOUT", out));
  if (out->size() == data_start) {
    out->resize(start);  // no rows: no COPY
  } else {
    *out += "\\.\n";
  }
  return Status::OK();
}

// A column's generator: the sequence behind it (serial or identity, as
// pg_get_serial_sequence names it) and attidentity ('a', 'd' or none).
struct ColumnGenerator {
  std::string column;
  std::string sequence;
  char identity = '\0';
};

Result<std::vector<ColumnGenerator>> QueryGenerators(SqlRunner& runner, const std::string& oid,
                                                     const std::string& table) {
  DB9_ASSIGN_OR_RETURN(
      auto rows, runner.Query("SELECT a.attname, a.attidentity, pg_catalog.pg_get_serial_sequence(" +
                              QuoteLiteral(table) + ", a.attname) FROM pg_catalog.pg_attribute a "
                              "WHERE a.attrelid = " + oid + " AND a.attnum > 0 AND NOT a.attisdropped "
                              "ORDER BY a.attnum"));
  std::vector<ColumnGenerator> out;
  for (const auto& row : rows.rows) {
    const std::string& kind = Text(row, 1);
    out.push_back({Text(row, 0), Text(row, 2), kind.empty() ? '\0' : kind[0]});
  }
  return out;
}

// pgvector is built into db9 but an extension in PostgreSQL: a dump whose
// columns hold vectors creates it first, so psql can load it into a
// PostgreSQL with pgvector installed (db9 takes the statement as a no-op).
Result<std::string> ExtensionStatements(SqlRunner& runner) {
  DB9_ASSIGN_OR_RETURN(
      auto uses, runner.Query(std::string("SELECT 1 FROM pg_catalog.pg_attribute a "
                                          "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                                          "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                                          "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                          "WHERE t.typname IN ('vector', '_vector') AND ") +
                              kUserSchemas + " LIMIT 1"));
  return uses.rows.empty() ? std::string() : std::string("CREATE EXTENSION IF NOT EXISTS vector;\n");
}

Result<std::string> WriteDumpText(SqlRunner& runner, const std::string& database_name) {
  std::string out = "-- db9 dump of database \"" + database_name + "\"\n"
                    "-- Replay with `db9 db restore NAME FILE` or psql -f into an empty database.\n"
                    "BEGIN;\n";
  DB9_ASSIGN_OR_RETURN(std::string extensions, ExtensionStatements(runner));
  out += extensions;

  DB9_ASSIGN_OR_RETURN(auto schemas,
                       runner.Query(std::string("SELECT n.nspname FROM pg_catalog.pg_namespace n "
                                                "WHERE ") + kUserSchemas +
                                    " AND n.nspname <> 'public' ORDER BY 1"));
  for (const auto& row : schemas.rows) {
    out += "CREATE SCHEMA IF NOT EXISTS " + QuoteIdentifier(Text(row, 0)) + ";\n";
  }

  // Which column owns which sequence is known per table; read all tables'
  // owners before writing, since sequences come first: column defaults
  // (serial) refer to them.
  DB9_ASSIGN_OR_RETURN(DumpSequences sequences, DumpSequences::Load(runner));
  DB9_ASSIGN_OR_RETURN(auto tables, Relations(runner, "'r', 'p'"));
  std::vector<std::vector<ColumnGenerator>> generators;
  for (const auto& row : tables.rows) {
    std::string name = Qualified(Text(row, 1), Text(row, 2));
    DB9_ASSIGN_OR_RETURN(generators.emplace_back(), QueryGenerators(runner, Text(row, 0), name));
    for (const ColumnGenerator& g : generators.back()) {
      if (!g.sequence.empty()) sequences.SetOwner(g.sequence, name, g.column, g.identity != '\0');
    }
  }
  out += sequences.CreateStatements();

  std::string foreign_keys, indexes;
  for (size_t t = 0; t < tables.rows.size(); ++t) {
    const auto& row = tables.rows[t];
    std::string oid = Text(row, 0);
    std::string name = Qualified(Text(row, 1), Text(row, 2));
    DB9_ASSIGN_OR_RETURN(auto table, QueryTableDescription(runner, Text(row, 1), Text(row, 2)));
    out += "\nCREATE TABLE " + name + " (\n";
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const auto& c = table.columns[i];
      const ColumnGenerator* g = i < generators[t].size() ? &generators[t][i] : nullptr;
      out += "  " + QuoteIdentifier(c.name) + " " + c.type;
      if (g != nullptr && g->identity != '\0') {
        out += " " + sequences.IdentityClause(g->sequence, g->identity);
      } else if (c.default_expression) {
        out += " DEFAULT " + *c.default_expression;
      }
      if (!c.nullable) out += " NOT NULL";
      out += i + 1 < table.columns.size() ? ",\n" : "";
    }
    DB9_ASSIGN_OR_RETURN(
        auto constraints,
        runner.Query("SELECT conname, contype, pg_catalog.pg_get_constraintdef(oid) "
                     "FROM pg_catalog.pg_constraint WHERE conrelid = " + oid +
                     " ORDER BY contype DESC, conname"));
    for (const auto& c : constraints.rows) {
      std::string clause = "CONSTRAINT " + QuoteIdentifier(Text(c, 0)) + " " + Text(c, 2);
      if (Text(c, 1) == "f") {
        // After all data, so rows may arrive in any table order.
        foreign_keys += "ALTER TABLE " + name + " ADD " + clause + ";\n";
      } else {
        out += ",\n  " + clause;
      }
    }
    out += "\n);\n";
    DB9_RETURN_IF_ERROR(AppendRows(runner, name, table.columns, &out));
    for (const auto& index : table.indexes) {
      bool backs_constraint = false;
      for (const auto& c : constraints.rows) backs_constraint |= Text(c, 0) == index.name;
      if (!backs_constraint) indexes += index.definition + ";\n";
    }
  }
  out += "\n" + indexes + foreign_keys;

  out += sequences.OwnershipStatements();
  DB9_ASSIGN_OR_RETURN(std::string values, sequences.ValueStatements(runner));
  out += values;

  DB9_ASSIGN_OR_RETURN(std::string views, ViewStatements(runner, kUserSchemas));
  out += views;
  out += "COMMIT;\n";
  return out;
}

}  // namespace

Result<std::string> WriteDump(SqlRunner& runner, const std::string& database_name) {
  // One snapshot for every query below, so a dump taken while clients write
  // is of one moment (as pg_dump's serializable, read-only transaction).
  DB9_RETURN_IF_ERROR(runner.Run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 1).status());
  DB9_ASSIGN_OR_RETURN(std::string dump, WriteDumpText(runner, database_name));
  DB9_RETURN_IF_ERROR(runner.Run("COMMIT", 1).status());
  return dump;
}

}  // namespace db9::control
