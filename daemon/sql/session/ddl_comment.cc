// COMMENT ON TABLE / COLUMN: the text is kept on the table or column in the
// catalog (pg_description, obj_description and col_description read it
// there), so it follows renames and goes with DROP. NULL or '' removes it,
// as in PostgreSQL.
#include "daemon/sql/session/ddl_executor.h"

namespace db9::sql {
namespace {

// The names of a COMMENT's object: [schema.]table for TABLE,
// [schema.]table.column for COLUMN.
std::vector<std::string> ObjectNames(const pg_query::Node& object) {
  std::vector<std::string> names;
  for (const pg_query::Node& item : object.list().items()) names.push_back(item.string().sval());
  return names;
}

}  // namespace

Status DdlExecutor::Comment(const pg_query::CommentStmt& stmt) {
  const bool on_column = stmt.objtype() == pg_query::OBJECT_COLUMN;
  if (stmt.objtype() != pg_query::OBJECT_TABLE && !on_column) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "COMMENT is supported on tables and columns only");
  }
  std::vector<std::string> names = ObjectNames(stmt.object());
  std::string column_name;
  if (on_column) {
    if (names.size() < 2) {
      return Status::Error(sqlstate::kSyntaxError, "column name must be qualified");
    }
    column_name = names.back();
    names.pop_back();
  }
  if (names.empty() || names.size() > 2) {
    return Status::Error(sqlstate::kSyntaxError, "improper relation name (too many dotted names)");
  }
  const std::string schema = names.size() == 2 ? names[0] : std::string();
  DB9_ASSIGN_OR_RETURN(catalog::RelationRef rel,
                       view().ResolveRelation(schema, names.back(), session_.info_.search_path));
  if (rel.table == nullptr) {
    return Status::Error(sqlstate::kWrongObjectType, "\"" + names.back() + "\" is not a table");
  }
  catalog::Table table = *rel.table;
  std::string* target = &table.comment;
  if (on_column) {
    target = nullptr;
    for (catalog::Column& c : table.columns) {
      if (c.name == column_name) target = &c.comment;
    }
    if (target == nullptr) {
      return Status::Error(sqlstate::kUndefinedColumn, "column \"" + column_name +
                                                           "\" of relation \"" + table.name +
                                                           "\" does not exist");
    }
  }
  *target = stmt.comment();
  DB9_RETURN_IF_ERROR(PutTable(std::move(table)));
  channel_.SendCommandComplete("COMMENT");
  return Status::OK();
}

}  // namespace db9::sql
