// Keeping views right when what they read changes. A view is stored as SQL
// text naming relations and columns, so: renaming a relation rewrites the
// views that name it, and any other change to a table (ALTER TABLE, RENAME
// COLUMN) is refused (2BP01) if a view that reads it would no longer bind
// to the same columns.
#include "daemon/catalog/system/relations.h"
#include "daemon/sql/binder/tree_walk.h"
#include "daemon/sql/session/ddl_executor.h"
#include "shared/base/sql_identifier.h"

namespace db9::sql {

Status DdlExecutor::RenameInViews(Oid oid, const std::string& schema, const std::string& from,
                                  const std::string& to) {
  std::vector<catalog::View> readers;
  for (const auto& [view_oid, v] : view().views()) {
    if (std::find(v.depends_on.begin(), v.depends_on.end(), oid) != v.depends_on.end()) {
      readers.push_back(v);
    }
  }
  for (catalog::View& reader : readers) {
    DB9_ASSIGN_OR_RETURN(std::shared_ptr<const ParsedQuery> parsed, sql::Parse(reader.definition));
    pg_query::Node query = *parsed->statements[0].node;
    // Stored names are schema-qualified (ddl_view.cc), so this matches
    // exactly the references to the renamed relation.
    auto rename = [&](pg_query::RangeVar* rv) {
      if (rv->schemaname() == schema && rv->relname() == from) rv->set_relname(to);
    };
    ForEachMessage<pg_query::RangeVar>(&query, rename);
    DB9_ASSIGN_OR_RETURN(reader.definition, DeparseStatement(query));
    DB9_RETURN_IF_ERROR(PutView(std::move(reader)));
  }
  return Status::OK();
}

Status DdlExecutor::RecheckDependentViews(Oid oid, const std::string& what) {
  for (const catalog::View* reader : view().DependentViews(oid)) {
    std::string name = QuoteIdentifierIfNeeded(catalog::system::NamespaceName(view(), reader->namespace_oid)) +
                       "." + QuoteIdentifierIfNeeded(reader->name);
    DB9_ASSIGN_OR_RETURN(std::shared_ptr<const ParsedQuery> parsed, sql::Parse("SELECT * FROM " + name));
    Binder binder = MakeBinder();
    Result<BoundQuery> bound = binder.BindSelect(parsed->statements[0].node->select_stmt(), nullptr);
    if (!bound.ok()) {
      return Status::Error(sqlstate::kDependentObjectsStillExist,
                           "cannot alter " + what + " because view " + reader->name + " depends on it")
          .WithDetail(std::string(bound.status().message()))
          .WithHint("Drop the view first and create it again after the change.");
    }
  }
  return Status::OK();
}

}  // namespace db9::sql
