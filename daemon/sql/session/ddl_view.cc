// CREATE [OR REPLACE] VIEW, DROP VIEW, and the views that stand in the way
// of dropping what they read (2BP01 unless CASCADE).
//
// A view is stored as SQL text (catalog::View): the SELECT with every
// relation name schema-qualified, so that binding it later resolves the
// same relations whatever search_path the reader has. The columns are
// fixed here, from binding the query once.
#include <algorithm>
#include <set>

#include "daemon/sql/binder/tree_walk.h"
#include "daemon/sql/binder/view_dml.h"
#include "daemon/sql/session/ddl_executor.h"

namespace db9::sql {
namespace {

constexpr Oid kUnknownType = types::oid::kUnknown;

// Every CTE name defined anywhere in the query: a relation reference with
// such a name may mean the CTE, and is left as written.
std::set<std::string> CteNames(pg_query::Node* query) {
  std::set<std::string> names;
  auto collect = [&](pg_query::CommonTableExpr* cte) { names.insert(cte->ctename()); };
  ForEachMessage<pg_query::CommonTableExpr>(query, collect);
  return names;
}

// A view is read, never run for its effects: PostgreSQL refuses a
// data-modifying WITH in one (0A000), and so does db9.
bool ModifiesData(pg_query::Node* query) {
  bool modifies = false;
  auto check = [&](pg_query::CommonTableExpr* cte) {
    const pg_query::Node& q = cte->ctequery();
    modifies |= q.has_insert_stmt() || q.has_update_stmt() || q.has_delete_stmt() || q.has_merge_stmt();
  };
  ForEachMessage<pg_query::CommonTableExpr>(query, check);
  return modifies;
}

// Schema-qualifies the query's relation references and returns the OIDs of
// the tables and views it reads. The query was bound already, so names
// that do not resolve here are CTE references.
std::vector<Oid> QualifyRelations(pg_query::Node* query, const catalog::CatalogState& state,
                                  const std::vector<std::string>& path) {
  std::set<std::string> ctes = CteNames(query);
  std::vector<Oid> reads;
  auto qualify = [&](pg_query::RangeVar* rv) {
    if (rv->schemaname().empty() && ctes.count(rv->relname()) > 0) return;
    Oid ns = 0;
    Result<catalog::RelationRef> rel = state.ResolveRelation(rv->schemaname(), rv->relname(), path);
    if (rel.ok() && rel->table != nullptr) {
      ns = rel->table->namespace_oid;
      reads.push_back(rel->table->oid);
    } else if (rel.ok() && rel->view != nullptr) {
      ns = rel->view->namespace_oid;
      reads.push_back(rel->view->oid);
    } else if (rel.ok()) {
      ns = rel->system->namespace_oid;
    } else if (Result<const catalog::Sequence*> seq =
                   state.ResolveSequence(rv->schemaname(), rv->relname(), path);
               seq.ok()) {
      ns = (*seq)->namespace_oid;
    }
    if (const catalog::Namespace* found = state.NamespaceByOid(ns)) rv->set_schemaname(found->name);
  };
  ForEachMessage<pg_query::RangeVar>(query, qualify);
  std::sort(reads.begin(), reads.end());
  reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
  return reads;
}

// The view's columns: the query's output, renamed by the column list.
Result<std::vector<catalog::Column>> ViewColumns(const pg_query::ViewStmt& stmt,
                                                 const std::vector<OutputColumn>& output) {
  if (stmt.aliases_size() > static_cast<int>(output.size())) {
    return Status::Error(sqlstate::kSyntaxError,
                         "CREATE VIEW specifies more column names than columns");
  }
  std::vector<catalog::Column> columns;
  std::set<std::string> names;
  for (size_t i = 0; i < output.size(); ++i) {
    catalog::Column c;
    c.name = static_cast<int>(i) < stmt.aliases_size() ? StringValue(stmt.aliases(i)) : output[i].name;
    c.attnum = static_cast<int16_t>(i + 1);
    // An untyped literal ('x') makes a text column, as in PostgreSQL.
    c.type = output[i].type == kUnknownType ? types::oid::kText : output[i].type;
    c.typmod = output[i].type == kUnknownType ? -1 : output[i].typmod;
    if (!names.insert(c.name).second) {
      return Status::Error(sqlstate::kDuplicateColumn,
                           "column \"" + c.name + "\" specified more than once");
    }
    columns.push_back(std::move(c));
  }
  return columns;
}

// CREATE OR REPLACE may only add columns at the end, as in PostgreSQL.
Status CheckReplacement(const catalog::View& old, const std::vector<catalog::Column>& columns,
                        const types::TypeRegistry& types) {
  if (columns.size() < old.columns.size()) {
    return Status::Error(sqlstate::kInvalidTableDefinition, "cannot drop columns from view");
  }
  for (size_t i = 0; i < old.columns.size(); ++i) {
    const catalog::Column& was = old.columns[i];
    const catalog::Column& now = columns[i];
    if (was.name != now.name) {
      return Status::Error(sqlstate::kInvalidTableDefinition,
                           "cannot change name of view column \"" + was.name + "\" to \"" +
                               now.name + "\"")
          .WithHint("Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.");
    }
    if (was.type != now.type || was.typmod != now.typmod) {
      return Status::Error(sqlstate::kInvalidTableDefinition,
                           "cannot change data type of view column \"" + was.name + "\" from " +
                               types::FormatType(types, was.type, was.typmod) + " to " +
                               types::FormatType(types, now.type, now.typmod));
    }
  }
  return Status::OK();
}

// "table t" / "view v", schema-qualified outside the creation schema, as
// PostgreSQL names objects in dependency messages.
std::string Describe(const catalog::CatalogState& state, const std::vector<std::string>& path,
                     Oid oid) {
  std::string kind, name;
  Oid ns = 0;
  if (const catalog::Table* table = state.TableByOid(oid)) {
    kind = "table", name = table->name, ns = table->namespace_oid;
  } else if (const catalog::View* view = state.ViewByOid(oid)) {
    kind = "view", name = view->name, ns = view->namespace_oid;
  }
  Result<Oid> home = state.CreationNamespace("", path);
  if (const catalog::Namespace* n = state.NamespaceByOid(ns); n && (!home.ok() || *home != ns)) {
    name = n->name + "." + name;
  }
  return kind + " " + name;
}

}  // namespace

Status DdlExecutor::PutView(catalog::View v) {
  return Record(store().StoreView(txn(), v), view().WithView(v));
}

Status DdlExecutor::RemoveView(const catalog::View& v) {
  return Record(store().DeleteView(txn(), v.oid), view().WithoutView(v.oid));
}

Status DdlExecutor::CreateView(const pg_query::ViewStmt& stmt) {
  const pg_query::RangeVar& rv = stmt.view();
  const std::vector<std::string>& path = session_.info_.search_path;
  if (rv.relpersistence() == "t") {
    return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: temporary views");
  }
  if (stmt.with_check_option() != pg_query::NO_CHECK_OPTION) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "feature not supported: WITH CHECK OPTION (views are read-only in db9)");
  }
  if (stmt.options_size() > 0) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "feature not supported: view options (WITH (...))");
  }
  DB9_ASSIGN_OR_RETURN(Oid ns, view().CreationNamespace(rv.schemaname(), path));
  const catalog::View* old = view().FindView(ns, rv.relname());
  if (old == nullptr && view().RelationNameTaken(ns, rv.relname())) {
    if (stmt.replace()) {
      return Status::Error(sqlstate::kWrongObjectType, "\"" + rv.relname() + "\" is not a view");
    }
    return Status::Error(sqlstate::kDuplicateTable, "relation \"" + rv.relname() + "\" already exists");
  }
  if (old != nullptr && !stmt.replace()) {
    return Status::Error(sqlstate::kDuplicateTable, "relation \"" + rv.relname() + "\" already exists");
  }

  pg_query::Node query = stmt.query();
  if (ModifiesData(&query)) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "views must not contain data-modifying statements in WITH");
  }
  Binder binder = MakeBinder();
  DB9_ASSIGN_OR_RETURN(BoundQuery bound, binder.BindSelect(query.select_stmt(), nullptr));
  if (!binder.context().param_types->empty()) {
    return Status::Error(sqlstate::kUndefinedParameter, "there is no parameter $1");
  }
  catalog::View v;
  v.name = rv.relname();
  v.namespace_oid = ns;
  DB9_ASSIGN_OR_RETURN(v.columns, ViewColumns(stmt, bound.columns));
  for (const OutputColumn& c : bound.columns) v.query_names.push_back(c.name);
  v.depends_on = QualifyRelations(&query, view(), path);
  v.updatable = WhyNotWritable(query.select_stmt(), view(), path) == nullptr;
  DB9_ASSIGN_OR_RETURN(v.definition, DeparseStatement(query));
  if (old != nullptr) {
    DB9_RETURN_IF_ERROR(CheckReplacement(*old, v.columns, session_.db_.registries().types));
    // The new query must not read the view itself, directly or through
    // views that read it.
    std::vector<const catalog::View*> readers = view().DependentViews(old->oid);
    for (Oid read : v.depends_on) {
      bool cycle = read == old->oid;
      for (const catalog::View* reader : readers) cycle |= reader->oid == read;
      if (cycle) {
        return Status::Error(sqlstate::kInvalidObjectDefinition,
                             "infinite recursion detected in rules for relation \"" + v.name + "\"");
      }
    }
    v.oid = old->oid;
  } else {
    DB9_ASSIGN_OR_RETURN(v.oid, store().AllocateOid());
  }
  DB9_RETURN_IF_ERROR(PutView(std::move(v)));
  channel_.SendCommandComplete("CREATE VIEW");
  return Status::OK();
}

Status DdlExecutor::RenameViewColumn(const pg_query::RenameStmt& stmt) {
  const pg_query::RangeVar& rv = stmt.relation();
  Result<catalog::RelationRef> rel =
      view().ResolveRelation(rv.schemaname(), rv.relname(), session_.info_.search_path);
  if (!rel.ok()) return WithLocation(rel.status(), rv.location());
  if (rel->view == nullptr) {
    return Status::Error(sqlstate::kWrongObjectType, "\"" + rv.relname() + "\" is not a view");
  }
  catalog::View renamed = *rel->view;
  catalog::Column* column = nullptr;
  for (catalog::Column& c : renamed.columns) {
    if (c.name == stmt.newname()) {
      return Status::Error(sqlstate::kDuplicateColumn, "column \"" + stmt.newname() +
                                                           "\" of relation \"" + renamed.name +
                                                           "\" already exists");
    }
    if (c.name == stmt.subname()) column = &c;
  }
  if (column == nullptr) {
    return Status::Error(sqlstate::kUndefinedColumn, "column \"" + stmt.subname() +
                                                         "\" does not exist");
  }
  // Only the view's own name for the column changes (query_names keep what
  // the query calls it); views that read it by the old name must not break.
  column->name = stmt.newname();
  Oid oid = renamed.oid;
  std::string what = "view " + renamed.name;
  DB9_RETURN_IF_ERROR(PutView(std::move(renamed)));
  DB9_RETURN_IF_ERROR(RecheckDependentViews(oid, what));
  channel_.SendCommandComplete("ALTER VIEW");
  return Status::OK();
}

Status DdlExecutor::DropDependentViews(Oid oid, const std::string& what, bool cascade,
                                       const std::vector<Oid>& dropping) {
  const std::vector<std::string>& path = session_.info_.search_path;
  std::vector<const catalog::View*> dependents;
  for (const catalog::View* v : view().DependentViews(oid)) {
    if (std::find(dropping.begin(), dropping.end(), v->oid) == dropping.end()) dependents.push_back(v);
  }
  if (dependents.empty()) return Status::OK();
  std::set<Oid> involved{oid};
  for (const catalog::View* v : dependents) involved.insert(v->oid);
  if (!cascade) {
    std::string detail;
    for (const catalog::View* v : dependents) {
      for (Oid read : v->depends_on) {
        if (involved.count(read) == 0) continue;
        if (!detail.empty()) detail += "\n";
        detail += Describe(view(), path, v->oid) + " depends on " + Describe(view(), path, read);
      }
    }
    return Status::Error(sqlstate::kDependentObjectsStillExist,
                         "cannot drop " + what + " because other objects depend on it")
        .WithDetail(detail)
        .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
  }
  if (dependents.size() == 1) {
    channel_.SendNotice(Status::Notice("drop cascades to " + Describe(view(), path, dependents[0]->oid)));
  } else {
    std::string detail;
    for (const catalog::View* v : dependents) {
      if (!detail.empty()) detail += "\n";
      detail += "drop cascades to " + Describe(view(), path, v->oid);
    }
    channel_.SendNotice(Status::Notice("drop cascades to " + std::to_string(dependents.size()) +
                                       " other objects")
                            .WithDetail(detail));
  }
  // Readers before what they read; copies, since each removal replaces the
  // catalog view the pointers live in.
  std::vector<catalog::View> doomed;
  for (const catalog::View* v : dependents) doomed.push_back(*v);
  for (auto it = doomed.rbegin(); it != doomed.rend(); ++it) DB9_RETURN_IF_ERROR(RemoveView(*it));
  return Status::OK();
}

Status DdlExecutor::DropViews(const pg_query::DropStmt& stmt) {
  const std::vector<std::string>& path = session_.info_.search_path;
  bool cascade = stmt.behavior() == pg_query::DROP_CASCADE;
  // Every name is resolved before anything is dropped, as in PostgreSQL, so
  // views of one statement may depend on each other.
  std::vector<Oid> dropping;
  for (const pg_query::Node& o : stmt.objects()) {
    std::vector<std::string> parts = StringList(o.list().items());
    std::string schema = parts.size() >= 2 ? parts[parts.size() - 2] : "";
    const std::string& name = parts.back();
    Result<catalog::RelationRef> rel = view().ResolveRelation(schema, name, path);
    if (rel.ok() && rel->view != nullptr) {
      dropping.push_back(rel->view->oid);
    } else if (rel.ok()) {
      Status error = Status::Error(sqlstate::kWrongObjectType, "\"" + name + "\" is not a view");
      if (rel->table != nullptr) return std::move(error).WithHint("Use DROP TABLE to remove a table.");
      return error;
    } else if (rel.status().sqlstate() != sqlstate::kUndefinedTable && !stmt.missing_ok()) {
      return rel.status();
    } else {
      std::string shown = schema.empty() ? name : schema + "." + name;
      if (!stmt.missing_ok()) {
        return Status::Error(sqlstate::kUndefinedTable, "view \"" + shown + "\" does not exist");
      }
      channel_.SendNotice(Status::Notice("view \"" + shown + "\" does not exist, skipping"));
    }
  }
  for (Oid oid : dropping) {
    const catalog::View* found = view().ViewByOid(oid);
    if (found == nullptr) continue;  // dropped already, as a dependent of an earlier one
    catalog::View doomed = *found;
    DB9_RETURN_IF_ERROR(DropDependentViews(oid, "view " + doomed.name, cascade, dropping));
    DB9_RETURN_IF_ERROR(RemoveView(doomed));
  }
  channel_.SendCommandComplete("DROP VIEW");
  return Status::OK();
}

}  // namespace db9::sql
