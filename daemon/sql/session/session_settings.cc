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

Result<std::optional<std::string>> SessionImpl::GetSetting(std::string_view name,
                                                           bool missing_ok) const {
  Result<std::string> value = settings_.Show(name);
  if (!value.ok()) {
    if (missing_ok && value.status().sqlstate() == sqlstate::kUndefinedObject) {
      return std::optional<std::string>();
    }
    return value.status();
  }
  return std::optional<std::string>(std::move(value).value());
}

Result<std::string> SessionImpl::SetSetting(std::string_view name,
                                            const std::optional<std::string>& value,
                                            bool is_local) {
  return ChangeSetting(name, value, is_local, nullptr);
}

Result<std::string> SessionImpl::ChangeSetting(std::string_view name,
                                               const std::optional<std::string>& value,
                                               bool is_local, ClientChannel* channel) {
  std::string key = settings_.CanonicalName(name).value_or(std::string(name));
  if (key == "transaction_isolation" || key == "transaction_read_only") {
    // Per-transaction parameters: setting one is SET TRANSACTION.
    if (!txn_) return settings_.Show(key);
    Settings probe = settings_;
    bool ignored;
    DB9_RETURN_IF_ERROR(value ? probe.Set(key, *value, &ignored) : probe.Reset(key, &ignored));
    std::string normalized = probe.Show(key).value();
    TransactionOptions options;
    if (key == "transaction_read_only") {
      options.read_only = normalized == "on";
    } else {
      options.isolation = IsolationFromSetting(normalized);
    }
    DB9_RETURN_IF_ERROR(ApplyTransactionOptions(options));
    return normalized;
  }
  SnapshotSettingsForTransaction();
  auto change = [&](Settings& target, bool* changed) {
    return value ? target.Set(key, *value, changed) : target.Reset(key, changed);
  };
  bool changed = false;
  DB9_RETURN_IF_ERROR(change(settings_, &changed));
  if (!is_local) {
    ApplyToCommitSettings([&](Settings& target) {
      bool ignored;
      (void)change(target, &ignored);
    });
  }
  std::string stored = settings_.Show(key).value();
  if (changed) {
    if (channel != nullptr) {
      channel->SendParameterStatus(key, stored);
    } else {
      pending_parameter_status_.emplace_back(key, stored);
    }
  }
  SyncSessionInfo();
  return stored;
}

Status SessionImpl::ExecuteSet(const pg_query::VariableSetStmt& stmt, ClientChannel& channel) {
  std::string name = stmt.name();
  const bool in_block = txn_ && txn_->block;
  const bool per_transaction = name == "transaction_isolation" || name == "transaction_read_only";
  if (stmt.kind() == pg_query::VAR_SET_VALUE || stmt.kind() == pg_query::VAR_SET_DEFAULT ||
      stmt.kind() == pg_query::VAR_RESET) {
    std::optional<std::string> value;
    if (stmt.kind() == pg_query::VAR_SET_VALUE) {
      bool list = name == "search_path";
      value.emplace();
      for (int i = 0; i < stmt.args_size(); ++i) {
        DB9_ASSIGN_OR_RETURN(std::string part, ArgText(stmt.args(i)));
        if (i) *value += ", ";
        *value += list ? QuoteIfNeeded(part) : part;
      }
    }
    if (!in_block && (per_transaction || stmt.is_local())) {
      channel.SendNotice(Status::Warning(std::string(per_transaction ? "SET TRANSACTION" : "SET LOCAL") +
                                         " can only be used in transaction blocks"));
    } else {
      DB9_RETURN_IF_ERROR(ChangeSetting(name, value, stmt.is_local(), &channel).status());
    }
    channel.SendCommandComplete(stmt.kind() == pg_query::VAR_RESET ? "RESET" : "SET");
    return Status::OK();
  }
  switch (stmt.kind()) {
    case pg_query::VAR_RESET_ALL: {
      SnapshotSettingsForTransaction();
      auto before = settings_.Reported();
      auto reset_all = [this](Settings& s) {
        s.ResetAll();
        bool ignored;
        (void)s.Set("session_authorization", options_.user, &ignored);
      };
      reset_all(settings_);
      ApplyToCommitSettings(reset_all);
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
      DB9_ASSIGN_OR_RETURN(TransactionOptions options, ParseTransactionOptions(stmt.args()));
      if (name == "SESSION CHARACTERISTICS") {
        SnapshotSettingsForTransaction();
        auto set_defaults = [&](Settings& s) {
          bool ignored;
          if (options.isolation) {
            (void)s.Set("default_transaction_isolation", IsolationSetting(*options.isolation),
                        &ignored);
          }
          if (options.read_only) {
            (void)s.Set("default_transaction_read_only", *options.read_only ? "on" : "off",
                        &ignored);
          }
        };
        set_defaults(settings_);
        ApplyToCommitSettings(set_defaults);
      } else if (!txn_ || !txn_->block) {
        channel.SendNotice(Status::Warning("SET TRANSACTION can only be used in transaction blocks"));
      } else {
        DB9_RETURN_IF_ERROR(ApplyTransactionOptions(options));
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
    d.name = settings_.CanonicalName(name).value_or(name);  // "DateStyle", as PostgreSQL
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
