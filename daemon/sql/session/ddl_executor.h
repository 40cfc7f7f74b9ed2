// DdlExecutor: CREATE/DROP/ALTER of tables, indexes and sequences, TRUNCATE,
// CREATE EXTENSION. Each statement edits a copy of the transaction's catalog
// view and writes the same change through the transaction (catalog.h), so
// DDL commits and rolls back with its transaction; row data touched by DDL
// (index builds, TRUNCATE, DROP, re-keying for ADD PRIMARY KEY) goes
// through the same transaction.
#pragma once

#include "daemon/sql/session/session_impl.h"

namespace db9::sql {

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
  Status CreateExtension(const pg_query::CreateExtensionStmt& stmt);

 private:
  const catalog::CatalogState& view() const { return *session_.txn_->catalog; }
  mvcc::Transaction& txn() { return *session_.txn_->txn; }
  catalog::Catalog& store() { return session_.db_.catalog(); }
  Binder MakeBinder();

  // Catalog edits: the view and the stored records together.
  Status PutTable(catalog::Table table);
  Status RemoveTable(const catalog::Table& table);
  Status PutSequence(catalog::Sequence sequence);
  Status RemoveSequence(const catalog::Sequence& sequence);

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
