// SET / SHOW / RESET / DISCARD and SET TRANSACTION.
#include "daemon/sql/session/session_impl.h"

namespace db9::sql {
namespace {

// The text of one SET argument: strings as written, numbers as digits.
Result<std::string> ArgText(const pg_query::Node& arg) {
  if (arg.has_a_const()) {
    const pg_query::A_Const& c = arg.a_const();
    if (c.has_sval()) return c.sval().sval();
    if (c.has_ival()) return std::to_string(c.ival().ival());
    if (c.has_fval()) return c.fval().fval();
    if (c.has_boolval()) return std::string(c.boolval().boolval() ? "on" : "off");
    if (!c.isnull()) return std::string("0");
  }
  return Status::Error(sqlstate::kFeatureNotSupported,
                       "feature not supported: SET with a " + NodeTypeName(arg) + " value");
}

// Identifiers in list-valued settings are shown quoted when they need it.
std::string QuoteIfNeeded(const std::string& s) {
  bool plain = !s.empty() && (std::islower(static_cast<unsigned char>(s[0])) || s[0] == '_');
  for (char c : s) {
    plain &= std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  }
  return plain ? s : "\"" + s + "\"";
}

}  // namespace

Status SessionImpl::SetParameter(const std::string& name, const std::string& value,
                                 ClientChannel* channel) {
  bool changed = false;
  DB9_RETURN_IF_ERROR(settings_.Set(name, value, &changed));
  if (changed && channel != nullptr) {
    std::string canonical = settings_.CanonicalName(name).value_or(name);
    channel->SendParameterStatus(canonical, settings_.Show(name).value());
  }
  SyncSessionInfo();
  return Status::OK();
}

Status SessionImpl::ExecuteSet(const pg_query::VariableSetStmt& stmt, ClientChannel& channel) {
  std::string name = stmt.name();
  switch (stmt.kind()) {
    case pg_query::VAR_SET_VALUE: {
      std::string value;
      bool list = name == "search_path";
      for (int i = 0; i < stmt.args_size(); ++i) {
        DB9_ASSIGN_OR_RETURN(std::string part, ArgText(stmt.args(i)));
        if (i) value += ", ";
        value += list ? QuoteIfNeeded(part) : part;
      }
      if (name == "transaction_isolation") {
        if (!txn_ || !txn_->block) {
          channel.SendNotice(Status::Warning("SET TRANSACTION can only be used in transaction blocks"));
          channel.SendCommandComplete("SET");
          return Status::OK();
        }
        mvcc::IsolationLevel level = value == "serializable" ? mvcc::IsolationLevel::kSerializable
                                     : value == "repeatable read" ? mvcc::IsolationLevel::kRepeatableRead
                                                                  : mvcc::IsolationLevel::kReadCommitted;
        DB9_RETURN_IF_ERROR(txn_->txn->SetIsolation(level));
      }
      if (stmt.is_local() && (!txn_ || !txn_->block)) {
        channel.SendNotice(Status::Warning("SET LOCAL can only be used in transaction blocks"));
        channel.SendCommandComplete("SET");
        return Status::OK();
      }
      DB9_RETURN_IF_ERROR(SetParameter(name, value, &channel));
      channel.SendCommandComplete("SET");
      return Status::OK();
    }
    case pg_query::VAR_SET_DEFAULT:
    case pg_query::VAR_RESET: {
      bool changed = false;
      DB9_RETURN_IF_ERROR(settings_.Reset(name, &changed));
      if (changed) {
        channel.SendParameterStatus(settings_.CanonicalName(name).value_or(name),
                                    settings_.Show(name).value());
      }
      SyncSessionInfo();
      channel.SendCommandComplete(stmt.kind() == pg_query::VAR_RESET ? "RESET" : "SET");
      return Status::OK();
    }
    case pg_query::VAR_RESET_ALL: {
      auto before = settings_.Reported();
      settings_.ResetAll();
      bool ignored;
      (void)settings_.Set("session_authorization", options_.user, &ignored);
      for (const auto& [k, v] : settings_.Reported()) {
        for (const auto& [bk, bv] : before) {
          if (bk == k && bv != v) channel.SendParameterStatus(k, v);
        }
      }
      SyncSessionInfo();
      channel.SendCommandComplete("RESET");
      return Status::OK();
    }
    case pg_query::VAR_SET_MULTI: {
      // SET TRANSACTION ... / SET SESSION CHARACTERISTICS AS TRANSACTION ...
      bool session = name == "SESSION CHARACTERISTICS";
      for (const pg_query::Node& n : stmt.args()) {
        if (!n.has_def_elem() || n.def_elem().defname() != "transaction_isolation") continue;
        DB9_ASSIGN_OR_RETURN(std::string value, ArgText(n.def_elem().arg()));
        if (session) {
          DB9_RETURN_IF_ERROR(SetParameter("default_transaction_isolation", value, &channel));
          continue;
        }
        if (!txn_ || !txn_->block) {
          channel.SendNotice(Status::Warning("SET TRANSACTION can only be used in transaction blocks"));
          continue;
        }
        mvcc::IsolationLevel level = value == "serializable" ? mvcc::IsolationLevel::kSerializable
                                     : value == "repeatable read" ? mvcc::IsolationLevel::kRepeatableRead
                                                                  : mvcc::IsolationLevel::kReadCommitted;
        DB9_RETURN_IF_ERROR(txn_->txn->SetIsolation(level));
        DB9_RETURN_IF_ERROR(SetParameter("transaction_isolation", value, nullptr));
      }
      channel.SendCommandComplete("SET");
      return Status::OK();
    }
    case pg_query::VAR_SET_CURRENT:
      channel.SendCommandComplete("SET");
      return Status::OK();
    default: break;
  }
  return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: this form of SET");
}

Status SessionImpl::ExecuteShow(const pg_query::VariableShowStmt& stmt, ClientChannel& channel,
                                bool send_description) {
  const std::string& name = stmt.name();
  std::vector<ColumnDescription> columns;
  std::vector<std::vector<std::string>> rows;
  if (name == "all") {
    for (const char* c : {"name", "setting", "description"}) {
      ColumnDescription d;
      d.name = c;
      columns.push_back(d);
    }
    rows = settings_.ShowAll();
  } else {
    DB9_ASSIGN_OR_RETURN(std::string value, settings_.Show(name));
    ColumnDescription d;
    d.name = name;
    columns.push_back(d);
    rows.push_back({value});
  }
  channel.BeginRows(columns, send_description);
  for (const auto& r : rows) {
    std::vector<Value> values;
    for (const std::string& s : r) values.push_back(Value::Text(s));
    DB9_RETURN_IF_ERROR(channel.SendDataRow(values));
  }
  channel.SendCommandComplete("SHOW");
  return Status::OK();
}

Status SessionImpl::ExecuteDiscard(const pg_query::DiscardStmt& stmt, ClientChannel& channel) {
  if (txn_ && txn_->block) {
    return Status::Error(sqlstate::kActiveSqlTransaction,
                         "DISCARD ALL cannot run inside a transaction block");
  }
  switch (stmt.target()) {
    case pg_query::DISCARD_ALL: {
      statements_.clear();
      for (auto it = portals_.begin(); it != portals_.end();) {
        it = it->second.get() == running_portal_ ? std::next(it) : portals_.erase(it);
      }
      variables_ = SessionVariables();
      auto before = settings_.Reported();
      settings_.ResetAll();
      bool ignored;
      (void)settings_.Set("session_authorization", options_.user, &ignored);
      for (const auto& [k, v] : settings_.Reported()) {
        for (const auto& [bk, bv] : before) {
          if (bk == k && bv != v) channel.SendParameterStatus(k, v);
        }
      }
      SyncSessionInfo();
      channel.SendCommandComplete("DISCARD ALL");
      return Status::OK();
    }
    case pg_query::DISCARD_PLANS:
      for (auto& [name, p] : statements_) p->plan.reset();
      channel.SendCommandComplete("DISCARD PLANS");
      return Status::OK();
    case pg_query::DISCARD_SEQUENCES:
      variables_ = SessionVariables();
      channel.SendCommandComplete("DISCARD SEQUENCES");
      return Status::OK();
    case pg_query::DISCARD_TEMP:
      channel.SendCommandComplete("DISCARD TEMP");
      return Status::OK();
    default: break;
  }
  return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: this DISCARD");
}

}  // namespace db9::sql
