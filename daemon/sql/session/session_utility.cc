// Utility statements: everything but SELECT/INSERT/UPDATE/DELETE.
#include "daemon/sql/session/ddl_executor.h"

namespace db9::sql {

namespace {

std::string ObjectTypeName(pg_query::ObjectType type) {
  switch (type) {
    case pg_query::OBJECT_INDEX: return "INDEX";
    case pg_query::OBJECT_SEQUENCE: return "SEQUENCE";
    case pg_query::OBJECT_VIEW: return "VIEW";
    case pg_query::OBJECT_SCHEMA: return "SCHEMA";
    case pg_query::OBJECT_EXTENSION: return "EXTENSION";
    default: return "TABLE";  // tables, and their columns and constraints
  }
}

// PostgreSQL's name for a schema-changing command, for its 25006 message.
std::string DdlCommandName(const pg_query::Node& node) {
  switch (node.node_case()) {
    case pg_query::Node::kCreateStmt: return "CREATE TABLE";
    case pg_query::Node::kDropStmt: return "DROP " + ObjectTypeName(node.drop_stmt().remove_type());
    case pg_query::Node::kTruncateStmt: return "TRUNCATE TABLE";
    case pg_query::Node::kIndexStmt: return "CREATE INDEX";
    case pg_query::Node::kAlterTableStmt: return "ALTER TABLE";
    case pg_query::Node::kRenameStmt: return "ALTER " + ObjectTypeName(node.rename_stmt().rename_type());
    case pg_query::Node::kCreateSeqStmt: return "CREATE SEQUENCE";
    case pg_query::Node::kAlterSeqStmt: return "ALTER SEQUENCE";
    case pg_query::Node::kCreateExtensionStmt: return "CREATE EXTENSION";
    case pg_query::Node::kViewStmt: return "CREATE VIEW";
    case pg_query::Node::kCreateSchemaStmt: return "CREATE SCHEMA";
    case pg_query::Node::kCommentStmt: return "COMMENT";
    default: return NodeTypeName(node);
  }
}

}  // namespace

Status SessionImpl::RunUtility(const ParsedStatement& statement, ClientChannel& channel,
                               bool send_description) {
  const pg_query::Node& node = *statement.node;
  switch (node.node_case()) {
    case pg_query::Node::kTransactionStmt:
      return ExecuteTransactionStmt(node.transaction_stmt(), channel);
    case pg_query::Node::kVariableSetStmt: return ExecuteSet(node.variable_set_stmt(), channel);
    case pg_query::Node::kVariableShowStmt:
      return ExecuteShow(node.variable_show_stmt(), channel, send_description);
    case pg_query::Node::kDiscardStmt: return ExecuteDiscard(node.discard_stmt(), channel);
    case pg_query::Node::kPrepareStmt:
      return PrepareStatement(statement, node.prepare_stmt(), channel);
    case pg_query::Node::kExecuteStmt:
      return ExecutePrepared(node.execute_stmt(), channel, send_description);
    case pg_query::Node::kDeallocateStmt: {
      const std::string& name = node.deallocate_stmt().name();
      if (name.empty()) {
        statements_.clear();
        channel.SendCommandComplete("DEALLOCATE ALL");
        return Status::OK();
      }
      if (statements_.erase(name) == 0) {
        return Status::Error(sqlstate::kInvalidSqlStatementName,
                             "prepared statement \"" + name + "\" does not exist");
      }
      channel.SendCommandComplete("DEALLOCATE");
      return Status::OK();
    }
    case pg_query::Node::kVacuumStmt: {
      // VACUUM and ANALYZE succeed without doing anything: rows live in an
      // LSM tree whose compactions drop deleted versions by themselves, so
      // there are no dead tuples to reclaim, and the planner keeps no
      // statistics. The named relations must exist, as in PostgreSQL.
      const pg_query::VacuumStmt& v = node.vacuum_stmt();
      if (v.is_vacuumcmd() && txn_ && txn_->block) {
        return Status::Error(sqlstate::kActiveSqlTransaction,
                             "VACUUM cannot run inside a transaction block");
      }
      std::shared_ptr<const catalog::CatalogState> view = txn_ ? txn_->catalog : db_.catalog().Committed();
      for (const pg_query::Node& r : v.rels()) {
        const pg_query::RangeVar& rv = r.vacuum_relation().relation();
        Result<catalog::RelationRef> rel = view->ResolveRelation(rv.schemaname(), rv.relname(), info_.search_path);
        if (!rel.ok()) return WithLocation(rel.status(), rv.location());
      }
      channel.SendCommandComplete(v.is_vacuumcmd() ? "VACUUM" : "ANALYZE");
      return Status::OK();
    }
    case pg_query::Node::kDeclareCursorStmt:
      DB9_RETURN_IF_ERROR(EnsureTransaction());
      return DeclareCursor(node.declare_cursor_stmt(), channel);
    case pg_query::Node::kFetchStmt: return FetchCursor(node.fetch_stmt(), channel);
    case pg_query::Node::kClosePortalStmt: return CloseCursor(node.close_portal_stmt(), channel);
    case pg_query::Node::kCheckPointStmt:
      channel.SendCommandComplete("CHECKPOINT");
      return Status::OK();
    case pg_query::Node::kExplainStmt:
      DB9_RETURN_IF_ERROR(EnsureTransaction());
      StartStatement();
      return ExecuteExplain(node.explain_stmt(), channel, send_description);
    case pg_query::Node::kCopyStmt:
      DB9_RETURN_IF_ERROR(EnsureTransaction());
      if (node.copy_stmt().is_from()) DB9_RETURN_IF_ERROR(CheckWritable("COPY FROM"));
      StartStatement();
      return ExecuteCopy(node.copy_stmt(), channel);
    default:
      DB9_RETURN_IF_ERROR(EnsureTransaction());
      // Every statement that reaches here changes the schema.
      DB9_RETURN_IF_ERROR(CheckWritable(DdlCommandName(node)));
      StartStatement();
      return ExecuteDdl(node, channel);
  }
}

Status SessionImpl::ExecuteDdl(const pg_query::Node& node, ClientChannel& channel) {
  DdlExecutor ddl(*this, channel);
  switch (node.node_case()) {
    case pg_query::Node::kCreateStmt: return ddl.CreateTable(node.create_stmt());
    case pg_query::Node::kDropStmt: return ddl.Drop(node.drop_stmt());
    case pg_query::Node::kTruncateStmt: return ddl.Truncate(node.truncate_stmt());
    case pg_query::Node::kIndexStmt: return ddl.CreateIndex(node.index_stmt());
    case pg_query::Node::kAlterTableStmt: return ddl.AlterTable(node.alter_table_stmt());
    case pg_query::Node::kRenameStmt: return ddl.Rename(node.rename_stmt());
    case pg_query::Node::kCreateSeqStmt: return ddl.CreateSequence(node.create_seq_stmt());
    case pg_query::Node::kAlterSeqStmt: return ddl.AlterSequence(node.alter_seq_stmt());
    case pg_query::Node::kCreateExtensionStmt: return ddl.CreateExtension(node.create_extension_stmt());
    case pg_query::Node::kViewStmt: return ddl.CreateView(node.view_stmt());
    case pg_query::Node::kCreateSchemaStmt: return ddl.CreateSchema(node.create_schema_stmt());
    case pg_query::Node::kCommentStmt: return ddl.Comment(node.comment_stmt());
    default: break;
  }
  return Status::Error(sqlstate::kFeatureNotSupported,
                       "feature not supported: " + NodeTypeName(node));
}

}  // namespace db9::sql
