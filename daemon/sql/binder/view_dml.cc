#include "daemon/sql/binder/view_dml.h"

#include <map>

#include "daemon/sql/binder/tree_walk.h"

namespace db9::sql {
namespace {

using Targets = google::protobuf::RepeatedPtrField<pg_query::Node>;

// What a statement on a simple view turns into on the view's table.
struct SimpleView {
  std::string name;        // the view's, for messages
  std::string shown_as;    // how the statement names the view (its alias, or the name)
  int location = -1;       // of the view in the statement
  pg_query::RangeVar base; // the table as the view's FROM names it (schema, alias)
  std::string qualifier;   // what the rewritten statement calls the table
  std::vector<std::string> view_columns;             // in order
  std::map<std::string, std::string> table_column;   // view column -> table column
  std::optional<pg_query::Node> where;               // the view's, over the table
};

Status NotThrough(const std::string& action, const std::string& view, int location,
                  const std::string& why) {
  return Status::Error(sqlstate::kFeatureNotSupported,
                       "cannot " + action + " view \"" + view + "\"")
      .WithDetail(why)
      .WithHint("Change the rows of the table the view reads from instead.")
      .WithPosition(location + 1);
}

constexpr char kOnlySimple[] =
    "db9 writes only through views that select plain columns of one table, with at most a "
    "WHERE clause.";

// The column a select-list entry names when it is a plain reference
// (unqualified or qualified by `qualifier`): its name, "*" for a star,
// "" for anything else.
std::string PlainColumn(const pg_query::ResTarget& target, const std::string& qualifier) {
  if (!target.val().has_column_ref()) return "";
  const Targets& fields = target.val().column_ref().fields();
  if (fields.empty() || fields.size() > 2) return "";
  if (fields.size() == 2 && (!fields[0].has_string() || fields[0].string().sval() != qualifier)) {
    return "";
  }
  const pg_query::Node& last = fields[fields.size() - 1];
  if (last.has_a_star()) return "*";
  return last.has_string() ? last.string().sval() : "";
}

}  // namespace

const char* WhyNotWritable(const pg_query::SelectStmt& q, const catalog::CatalogState& state,
                           const std::vector<std::string>& search_path) {
  bool simple = q.op() == pg_query::SETOP_NONE && !q.has_with_clause() &&
                q.distinct_clause_size() == 0 && q.group_clause_size() == 0 &&
                !q.has_having_clause() && q.window_clause_size() == 0 && !q.has_limit_count() &&
                !q.has_limit_offset() && q.locking_clause_size() == 0 &&
                q.values_lists_size() == 0 && q.from_clause_size() == 1 &&
                q.from_clause(0).has_range_var();
  if (!simple) return kOnlySimple;
  const pg_query::RangeVar& from = q.from_clause(0).range_var();
  Result<catalog::RelationRef> base =
      state.ResolveRelation(from.schemaname(), from.relname(), search_path);
  if (!base.ok() || base->table == nullptr) {
    return "db9 writes through a view only when it reads a table directly.";
  }
  const std::string qualifier = from.has_alias() ? from.alias().aliasname() : from.relname();
  for (const pg_query::Node& n : q.target_list()) {
    if (PlainColumn(n.res_target(), qualifier).empty()) {
      return "View columns that are not columns of their base relation are not updatable in db9.";
    }
  }
  return nullptr;
}

namespace {

// The simple view `target` names, nullopt when it names no view.
Result<std::optional<SimpleView>> Resolve(Binder& binder, const pg_query::RangeVar& target,
                                          const std::string& action) {
  const BindContext& ctx = binder.context();
  Result<catalog::RelationRef> rel =
      ctx.catalog->ResolveRelation(target.schemaname(), target.relname(), ctx.session->search_path);
  if (!rel.ok() || rel->view == nullptr) return std::optional<SimpleView>();
  const catalog::View& view = *rel->view;
  Result<std::shared_ptr<const ParsedQuery>> parsed = Parse(view.definition);
  if (!parsed.ok() || (*parsed)->statements.size() != 1 ||
      !(*parsed)->statements[0].node->has_select_stmt()) {
    return Status::Error(sqlstate::kDataCorrupted,
                         "the stored definition of view \"" + view.name + "\" is malformed");
  }
  const pg_query::SelectStmt& q = (*parsed)->statements[0].node->select_stmt();
  const int at = target.location();
  if (const char* why = WhyNotWritable(q, *ctx.catalog, ctx.session->search_path)) {
    return NotThrough(action, view.name, at, why);
  }
  const pg_query::RangeVar& from = q.from_clause(0).range_var();
  const catalog::Table& table =
      *ctx.catalog->ResolveRelation(from.schemaname(), from.relname(), ctx.session->search_path)
           ->table;
  SimpleView out;
  out.name = view.name;
  out.shown_as = target.has_alias() ? target.alias().aliasname() : target.relname();
  out.location = at;
  out.base = from;
  out.base.set_location(at);
  out.qualifier = from.has_alias() ? from.alias().aliasname() : from.relname();
  // The table columns the query returns, in order ("*" expanded).
  std::vector<std::string> returned;
  for (const pg_query::Node& n : q.target_list()) {
    std::string column = PlainColumn(n.res_target(), out.qualifier);
    if (column != "*") {
      returned.push_back(column);
      continue;
    }
    for (const catalog::Column& c : table.columns) returned.push_back(c.name);
  }
  if (returned.size() < view.columns.size()) return NotThrough(action, view.name, at, kOnlySimple);
  for (size_t i = 0; i < view.columns.size(); ++i) {
    out.view_columns.push_back(view.columns[i].name);
    out.table_column[view.columns[i].name] = returned[i];
  }
  if (q.has_where_clause()) out.where = q.where_clause();
  return std::optional<SimpleView>(std::move(out));
}

// Subqueries see other relations, whose columns must not be renamed.
Status RefuseSubqueries(const std::string& action, const SimpleView& v,
                        google::protobuf::Message* part) {
  bool found = false;
  auto check = [&](pg_query::SubLink*) { found = true; };
  ForEachMessage<pg_query::SubLink>(part, check);
  if (!found) return Status::OK();
  return NotThrough(action, v.name, v.location,
                    "Subqueries in a statement on a view are not supported by db9.");
}

// Column references to the view become references to the table; the first
// one to a column the view does not have is the error (42703).
Status MapColumnRefs(const SimpleView& v, google::protobuf::Message* part) {
  Status status;
  auto map = [&](pg_query::ColumnRef* ref) {
    Targets* fields = ref->mutable_fields();
    if (fields->empty() || fields->size() > 2) return;
    pg_query::Node& last = (*fields)[fields->size() - 1];
    if (!last.has_string()) return;
    if (fields->size() == 2) {
      pg_query::Node& first = (*fields)[0];
      if (!first.has_string() || first.string().sval() != v.shown_as) return;  // not the view's
      first.mutable_string()->set_sval(v.qualifier);
    }
    auto it = v.table_column.find(last.string().sval());
    if (it == v.table_column.end()) {
      if (status.ok()) {
        status = Status::Error(sqlstate::kUndefinedColumn,
                               "column \"" + last.string().sval() + "\" does not exist")
                     .WithPosition(ref->location() + 1);
      }
      return;
    }
    last.mutable_string()->set_sval(it->second);
  };
  ForEachMessage<pg_query::ColumnRef>(part, map);
  return status;
}

// A view column named by INSERT's column list or UPDATE's SET.
Result<std::string> TableColumn(const SimpleView& v, const pg_query::ResTarget& target) {
  auto it = v.table_column.find(target.name());
  if (it != v.table_column.end()) return it->second;
  return Status::Error(sqlstate::kUndefinedColumn, "column \"" + target.name() +
                                                       "\" of relation \"" + v.name +
                                                       "\" does not exist")
      .WithPosition(target.location() + 1);
}

// RETURNING over the view: * and view.* list the view's columns, and a
// plain column keeps the view's name for it.
Result<Targets> Returning(const std::string& action, const SimpleView& v, const Targets& list) {
  Targets out;
  for (const pg_query::Node& n : list) {
    std::string column = PlainColumn(n.res_target(), v.shown_as);
    if (column == "*") {
      for (const std::string& c : v.view_columns) {
        pg_query::ResTarget* r = out.Add()->mutable_res_target();
        r->set_name(c);
        r->set_location(n.res_target().location());
        pg_query::ColumnRef* ref = r->mutable_val()->mutable_column_ref();
        ref->add_fields()->mutable_string()->set_sval(v.shown_as);
        ref->add_fields()->mutable_string()->set_sval(c);
        ref->set_location(n.res_target().location());
      }
      continue;
    }
    pg_query::Node* copy = out.Add();
    *copy = n;
    if (!column.empty() && copy->res_target().name().empty()) {
      copy->mutable_res_target()->set_name(column);
    }
  }
  for (pg_query::Node& n : out) {
    DB9_RETURN_IF_ERROR(RefuseSubqueries(action, v, &n));
    DB9_RETURN_IF_ERROR(MapColumnRefs(v, &n));
  }
  return out;
}

// UPDATE and DELETE change only rows the view shows: its WHERE joins theirs.
Status RestrictToView(const std::string& action, const SimpleView& v, bool has_where,
                      pg_query::Node* where) {
  if (has_where) {
    DB9_RETURN_IF_ERROR(RefuseSubqueries(action, v, where));
    DB9_RETURN_IF_ERROR(MapColumnRefs(v, where));
  }
  if (!v.where) return Status::OK();
  if (!has_where) {
    *where = *v.where;
    return Status::OK();
  }
  pg_query::Node both;
  pg_query::BoolExpr* b = both.mutable_bool_expr();
  b->set_boolop(pg_query::AND_EXPR);
  *b->add_args() = *v.where;
  *b->add_args() = std::move(*where);
  *where = std::move(both);
  return Status::OK();
}

// UPDATE and DELETE alike: the table as the target, the view's WHERE
// joined to the statement's, RETURNING over the view.
template <typename Stmt>
Status RetargetFiltered(const std::string& action, const SimpleView& v, const Stmt& stmt,
                        Stmt* out) {
  *out->mutable_relation() = v.base;
  DB9_RETURN_IF_ERROR(RestrictToView(action, v, stmt.has_where_clause(), out->mutable_where_clause()));
  DB9_ASSIGN_OR_RETURN(*out->mutable_returning_list(), Returning(action, v, stmt.returning_list()));
  return Status::OK();
}

}  // namespace

Result<std::optional<pg_query::InsertStmt>> InsertThroughView(Binder& binder,
                                                               const pg_query::InsertStmt& stmt) {
  const std::string action = "insert into";
  DB9_ASSIGN_OR_RETURN(std::optional<SimpleView> v, Resolve(binder, stmt.relation(), action));
  if (!v) return std::optional<pg_query::InsertStmt>();
  if (stmt.has_on_conflict_clause()) {
    return NotThrough(action, v->name, v->location, "db9 does not support ON CONFLICT on a view.");
  }
  pg_query::InsertStmt out = stmt;
  *out.mutable_relation() = v->base;
  out.clear_cols();
  if (stmt.cols_size() == 0) {
    for (const std::string& c : v->view_columns) {
      out.add_cols()->mutable_res_target()->set_name(v->table_column.at(c));
    }
  }
  for (const pg_query::Node& col : stmt.cols()) {
    pg_query::Node* mapped = out.add_cols();
    *mapped = col;
    DB9_ASSIGN_OR_RETURN(std::string name, TableColumn(*v, col.res_target()));
    mapped->mutable_res_target()->set_name(name);
  }
  DB9_ASSIGN_OR_RETURN(*out.mutable_returning_list(), Returning(action, *v, stmt.returning_list()));
  return std::optional<pg_query::InsertStmt>(std::move(out));
}

Result<std::optional<pg_query::UpdateStmt>> UpdateThroughView(Binder& binder,
                                                               const pg_query::UpdateStmt& stmt) {
  const std::string action = "update";
  DB9_ASSIGN_OR_RETURN(std::optional<SimpleView> v, Resolve(binder, stmt.relation(), action));
  if (!v) return std::optional<pg_query::UpdateStmt>();
  if (stmt.from_clause_size() > 0) {
    return NotThrough(action, v->name, v->location, "db9 does not support UPDATE ... FROM on a view.");
  }
  pg_query::UpdateStmt out = stmt;
  for (pg_query::Node& set : *out.mutable_target_list()) {
    pg_query::ResTarget* target = set.mutable_res_target();
    DB9_ASSIGN_OR_RETURN(std::string name, TableColumn(*v, *target));
    target->set_name(name);
    DB9_RETURN_IF_ERROR(RefuseSubqueries(action, *v, target->mutable_val()));
    DB9_RETURN_IF_ERROR(MapColumnRefs(*v, target->mutable_val()));
  }
  DB9_RETURN_IF_ERROR(RetargetFiltered(action, *v, stmt, &out));
  return std::optional<pg_query::UpdateStmt>(std::move(out));
}

Result<std::optional<pg_query::DeleteStmt>> DeleteThroughView(Binder& binder,
                                                               const pg_query::DeleteStmt& stmt) {
  const std::string action = "delete from";
  DB9_ASSIGN_OR_RETURN(std::optional<SimpleView> v, Resolve(binder, stmt.relation(), action));
  if (!v) return std::optional<pg_query::DeleteStmt>();
  if (stmt.using_clause_size() > 0) {
    return NotThrough(action, v->name, v->location, "db9 does not support DELETE ... USING on a view.");
  }
  pg_query::DeleteStmt out = stmt;
  DB9_RETURN_IF_ERROR(RetargetFiltered(action, *v, stmt, &out));
  return std::optional<pg_query::DeleteStmt>(std::move(out));
}

}  // namespace db9::sql
