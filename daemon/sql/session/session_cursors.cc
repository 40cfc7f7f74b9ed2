// SQL cursors: DECLARE name CURSOR FOR query, FETCH/MOVE [n] FROM name,
// CLOSE name. A cursor is a named portal (the same pull-based plan a
// row-limited Execute resumes), dropped at the end of its transaction.
#include "daemon/sql/session/session_impl.h"

namespace db9::sql {
namespace {
constexpr int kCursorOptBinary = 0x0001;
constexpr int kCursorOptScroll = 0x0002;
constexpr int kCursorOptHold = 0x0020;
}  // namespace

Status SessionImpl::DeclareCursor(const pg_query::DeclareCursorStmt& stmt, ClientChannel& channel) {
  if (stmt.options() & kCursorOptHold) {
    return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: WITH HOLD cursors");
  }
  if (stmt.options() & (kCursorOptBinary | kCursorOptScroll)) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "feature not supported: BINARY or SCROLL cursors");
  }
  if (!txn_->block) {
    return Status::Error(sqlstate::kNoActiveSqlTransaction,
                         "DECLARE CURSOR can only be used in transaction blocks");
  }
  if (portals_.count(stmt.portalname())) {
    return Status::Error(sqlstate::kDuplicateCursor,
                         "cursor \"" + stmt.portalname() + "\" already exists");
  }
  if (!stmt.query().has_select_stmt()) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "feature not supported: cursors over " + NodeTypeName(stmt.query()));
  }
  // The cursor's query as a statement of its own (it outlives this parse).
  auto parsed = std::make_shared<ParsedQuery>();
  *parsed->tree.add_stmts()->mutable_stmt() = stmt.query();
  parsed->statements.push_back({&parsed->tree.stmts(0).stmt(), "", 0});
  StartStatement();
  DB9_ASSIGN_OR_RETURN(std::shared_ptr<PreparedStatement> prepared,
                       Prepare("", parsed, &parsed->statements[0], {}));
  auto portal = std::make_unique<Portal>();
  portal->prepared = std::move(prepared);
  DB9_RETURN_IF_ERROR(StartPortal(*portal));
  portals_[stmt.portalname()] = std::move(portal);
  channel.SendCommandComplete("DECLARE CURSOR");
  return Status::OK();
}

Status SessionImpl::FetchCursor(const pg_query::FetchStmt& stmt, ClientChannel& channel) {
  auto it = portals_.find(stmt.portalname());
  if (it == portals_.end() || it->second->prepared->statement == nullptr ||
      !it->second->prepared->plannable) {
    return Status::Error(sqlstate::kInvalidCursorName,
                         "cursor \"" + stmt.portalname() + "\" does not exist");
  }
  if (stmt.direction() != pg_query::FETCH_FORWARD) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "feature not supported: cursors can only fetch forward");
  }
  Portal& portal = *it->second;
  if (!portal.started) DB9_RETURN_IF_ERROR(StartPortal(portal));
  portal.ctx->execution_id = ExecContext::NextExecutionId();
  portal.io->Refresh(settings_.io());
  int64_t limit = stmt.how_many();  // FETCH ALL arrives as LLONG_MAX
  if (!stmt.ismove()) channel.BeginRows(Describe(*portal.prepared->columns, {}), true);
  int64_t count = 0;
  Row row;
  while (!portal.done && count < limit) {
    DB9_ASSIGN_OR_RETURN(bool more, portal.plan->root->Next(*portal.ctx, &row));
    if (!more) {
      portal.done = true;
      break;
    }
    if (!stmt.ismove()) {
      if (portal.prepared->columns) {
        DB9_RETURN_IF_ERROR(portal.io->NameRegValues(db_.registries().types,
                                                     *portal.prepared->columns, {}, row));
      }
      DB9_RETURN_IF_ERROR(channel.SendDataRow(row));
    }
    ++count;
  }
  channel.SendCommandComplete((stmt.ismove() ? "MOVE " : "FETCH ") + std::to_string(count));
  return Status::OK();
}

Status SessionImpl::CloseCursor(const pg_query::ClosePortalStmt& stmt, ClientChannel& channel) {
  if (stmt.portalname().empty()) {
    for (auto it = portals_.begin(); it != portals_.end();) {
      it = it->first.empty() || it->second.get() == running_portal_ ? std::next(it) : portals_.erase(it);
    }
  } else if (portals_.erase(stmt.portalname()) == 0) {
    return Status::Error(sqlstate::kInvalidCursorName,
                         "cursor \"" + stmt.portalname() + "\" does not exist");
  }
  channel.SendCommandComplete("CLOSE CURSOR");
  return Status::OK();
}

}  // namespace db9::sql
