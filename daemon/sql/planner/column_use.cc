#include "daemon/sql/planner/column_use.h"

#include "daemon/sql/binder/tree_walk.h"

namespace db9::sql {
namespace {

std::string NameOf(const pg_query::Node& field) {
  return field.has_string() ? field.string().sval() : std::string();
}

void Note(const pg_query::Node& node, ColumnUse* use) {
  if (node.has_column_ref()) {
    const auto& fields = node.column_ref().fields();
    if (fields.empty()) return;
    if (fields[fields.size() - 1].has_a_star()) {
      use->all = true;
      return;
    }
    std::string last = NameOf(fields[fields.size() - 1]);
    if (fields.size() == 1) use->bare.insert(last);
    use->names.insert(std::move(last));
  } else if (node.has_join_expr()) {
    const pg_query::JoinExpr& join = node.join_expr();
    if (join.is_natural()) use->all = true;
    for (const pg_query::Node& name : join.using_clause()) use->names.insert(NameOf(name));
  }
}

}  // namespace

ColumnUse CollectColumnUse(const pg_query::SelectStmt& stmt) {
  ColumnUse use;
  auto note = [&use](const pg_query::Node* node) { Note(*node, &use); };
  ForEachMessage<pg_query::Node>(&stmt, note);
  return use;
}

std::vector<bool> NeededColumns(const ColumnUse& use, const std::vector<std::string>& column_names,
                                const std::string& alias) {
  const bool whole_row = use.all || use.bare.count(alias) > 0;
  std::vector<bool> needed(column_names.size(), true);
  if (whole_row) return needed;
  for (size_t i = 0; i < column_names.size(); ++i) needed[i] = use.names.count(column_names[i]) > 0;
  return needed;
}

}  // namespace db9::sql
