// DdlExecutor: CREATE/DROP/ALTER of tables, indexes and sequences, CREATE /
// DROP of views and schemas, TRUNCATE, CREATE EXTENSION. Each statement edits a copy of the transaction's catalog
// view and writes the same change through the transaction (catalog.h), so
// DDL commits and rolls back with its transaction; row data touched by DDL
// (index builds, TRUNCATE, DROP, re-keying for ADD PRIMARY KEY) goes
// through the same transaction.
#pragma once

#include "daemon/sql/session/session_impl.h"

namespace db9::sql {

// A statement node back to SQL text (libpg_query's deparser).
Result<std::string> DeparseStatement(const pg_query::Node& statement);

// The text of a WITH (name = value) storage option of a table or an index
// as pg_class.reloptions shows it. The grammar gives numbers as
// Integer/Float nodes and words as String nodes; a bare name means true, as
// in PostgreSQL.
std::string ReloptionValue(const pg_query::DefElem& d);

class DdlExecutor {
 public:
  DdlExecutor(SessionImpl& session, ClientChannel& channel);

  Status CreateTable(const pg_query::CreateStmt& stmt);
  Status Drop(const pg_query::DropStmt& stmt);
  Status Truncate(const pg_query::TruncateStmt& stmt);
  Status CreateIndex(const pg_query::IndexStmt& stmt);
  Status AlterTable(const pg_query::AlterTableStmt& stmt);
  Status Rename(const pg_query::RenameStmt& stmt);
  Status CreateSequence(const pg_query::CreateSeqStmt& stmt);
  Status AlterSequence(const pg_query::AlterSeqStmt& stmt);
  Status CreateExtension(const pg_query::CreateExtensionStmt& stmt);  // ddl_extension.cc
  Status CreateView(const pg_query::ViewStmt& stmt);                   // ddl_view.cc
  Status RenameViewColumn(const pg_query::RenameStmt& stmt);           // ddl_view.cc
  Status CreateSchema(const pg_query::CreateSchemaStmt& stmt);         // ddl_schema.cc
  Status Comment(const pg_query::CommentStmt& stmt);                   // ddl_comment.cc

 private:
  const catalog::CatalogState& view() const { return *session_.txn_->catalog; }
  mvcc::Transaction& txn() { return *session_.txn_->txn; }
  catalog::Catalog& store() { return session_.db_.catalog(); }
  Binder MakeBinder();

  // Catalog edits: the view and the stored records together. Record makes
  // `edited` the transaction's view once `stored` (the write of the same
  // change through the transaction) succeeded.
  Status Record(Status stored, std::shared_ptr<catalog::CatalogState> edited);
  Status PutTable(catalog::Table table);
  Status RemoveTable(const catalog::Table& table);
  Status PutSequence(catalog::Sequence sequence);
  Status RemoveSequence(const catalog::Sequence& sequence);
  Status PutView(catalog::View view);
  Status RemoveView(const catalog::View& view);

  // Views that read relation `oid` (ddl_view.cc): without `cascade` the
  // drop fails with 2BP01 listing them; with it they are dropped first,
  // with PostgreSQL's notice. `what` names the relation ("table t").
  // `dropping` holds the OIDs the same statement drops anyway.
  Status DropDependentViews(Oid oid, const std::string& what, bool cascade,
                            const std::vector<Oid>& dropping);
  // Drops a table with its data, owned sequences and index entries; the
  // foreign keys and views that reference it block the drop (2BP01) or,
  // with `cascade`, go too. `dropping`: tables the statement drops anyway.
  Status DropTable(const catalog::Table& table, bool cascade, const std::vector<Oid>& dropping);
  // DROP VIEW / DROP SCHEMA / DROP EXTENSION (ddl_view.cc, ddl_schema.cc,
  // ddl_extension.cc).
  Status DropViews(const pg_query::DropStmt& stmt);
  Status DropSchemas(const pg_query::DropStmt& stmt);
  Status DropExtensions(const pg_query::DropStmt& stmt);
  // Drops everything in namespace `ns` (DROP SCHEMA ... CASCADE).
  Status DropContents(Oid ns);
  // Views that read what changed (ddl_view_deps.cc): renaming relation
  // `oid` from schema.from to schema.to rewrites them; other changes to a
  // table must leave every view that reads it bindable (2BP01 otherwise).
  Status RenameInViews(Oid oid, const std::string& schema, const std::string& from,
                       const std::string& to);
  Status RecheckDependentViews(Oid oid, const std::string& what);

  // Column and constraint definitions (ddl_columns.cc).
  Status AddColumnDef(catalog::Table* table, const pg_query::ColumnDef& def,
                      std::vector<const pg_query::Constraint*>* constraints,
                      std::vector<std::pair<const pg_query::Constraint*, std::string>>* column_constraints);
  // Adds a table constraint; `validate` checks the rows already stored.
  Status AddConstraint(catalog::Table* table, const pg_query::Constraint& c,
                       const std::string& column, bool validate);
  std::string UniqueName(const catalog::Table& table, const std::vector<std::string>& columns,
                         const std::string& suffix) const;
  Result<std::string> Deparse(const pg_query::Node& expr);

  // Row data (ddl_data.cc).
  Status BuildIndex(const catalog::Table& table, const catalog::Index& index);
  Status DeleteKeyRange(const std::string& prefix);
  Status DeleteTableData(const catalog::Table& table);
  // Re-keys every row by the (new) primary key and rewrites index entries.
  Status RekeyRows(const catalog::Table& old_table, const catalog::Table& new_table);
  // Calls fn(key, row) for every stored row of `table`.
  Status ForEachRow(const catalog::Table& table,
                    const std::function<Status(const std::string&, Row&)>& fn);
  std::unique_ptr<ExecContext> NewContext();

  SessionImpl& session_;
  ClientChannel& channel_;
};

}  // namespace db9::sql
