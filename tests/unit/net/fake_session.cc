#include "fake_session.h"

#include <charconv>
#include <chrono>

#include "daemon/auth/scram.h"
#include "shared/base/sqlstate.h"

namespace db9::testing {

namespace {

int64_t Number(std::string_view text) {
  int64_t n = 0;
  std::from_chars(text.data(), text.data() + text.size(), n);
  return n;
}

std::vector<std::string_view> SplitCommands(std::string_view sql) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t end = sql.find(';', start);
    std::string_view part = sql.substr(start, end == std::string_view::npos ? end : end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    out.push_back(part);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> FakeSession::ReportedParameters() const {
  return {{"server_version", "15.8"},       {"server_encoding", "UTF8"},
          {"client_encoding", "UTF8"},      {"DateStyle", "ISO, MDY"},
          {"IntervalStyle", "postgres"},    {"TimeZone", "UTC"},
          {"integer_datetimes", "on"},      {"standard_conforming_strings", "on"},
          {"application_name", ""},         {"is_superuser", "on"},
          {"session_authorization", options_.user}};
}

std::optional<std::vector<sql::ColumnDescription>> FakeSession::Columns(std::string_view command,
                                                                        sql::Format format) {
  if (command.substr(0, 5) != "rows ") return std::nullopt;
  sql::ColumnDescription c;
  c.name = "n";
  c.type_oid = types::oid::kInt8;
  c.type_size = 8;
  c.format = format;
  return std::vector<sql::ColumnDescription>{c};
}

Status FakeSession::RunCommand(std::string_view command, sql::ClientChannel& channel) {
  if (status_ == sql::TransactionStatus::kFailed && command != "commit") {
    return Status::Error(sqlstate::kInFailedSqlTransaction,
                         "current transaction is aborted, commands ignored until end of "
                         "transaction block");
  }
  if (command.empty()) {
    channel.SendEmptyQueryResponse();
  } else if (command.substr(0, 5) == "rows ") {
    int64_t n = Number(command.substr(5));
    channel.BeginRows(*Columns(command, sql::Format::kText), true);
    for (int64_t i = 1; i <= n; ++i) {
      DB9_RETURN_IF_ERROR(channel.SendDataRow({types::Value::Int8(i)}));
    }
    channel.SendCommandComplete("SELECT " + std::to_string(n));
  } else if (command == "error") {
    return Status::Error(sqlstate::kSyntaxError, "syntax error at or near \"error\"")
        .WithDetail("a detail")
        .WithHint("a hint")
        .WithPosition(3);
  } else if (command == "fatal") {
    return Status::Fatal(sqlstate::kAdminShutdown, "database is being dropped");
  } else if (command == "sleep") {
    std::unique_lock lock(cancel_mu_);
    bool cancelled = cancel_cv_.wait_for(lock, std::chrono::seconds(20),
                                         [this] { return cancel_requested_; });
    cancel_requested_ = false;
    if (cancelled) {
      return Status::Error(sqlstate::kQueryCanceled, "canceling statement due to user request");
    }
    channel.SendCommandComplete("SELECT 1");
  } else if (command == "begin") {
    status_ = sql::TransactionStatus::kInBlock;
    channel.SendCommandComplete("BEGIN");
  } else if (command == "commit") {
    bool failed = status_ == sql::TransactionStatus::kFailed;
    status_ = sql::TransactionStatus::kIdle;
    channel.SendCommandComplete(failed ? "ROLLBACK" : "COMMIT");
  } else if (command == "fail") {
    if (status_ == sql::TransactionStatus::kInBlock) status_ = sql::TransactionStatus::kFailed;
    return Status::Error(sqlstate::kDivisionByZero, "division by zero");
  } else if (command == "notice") {
    channel.SendNotice(Status::Notice("hello from the session"));
    channel.SendCommandComplete("DO");
  } else if (command.substr(0, 7) == "set tz ") {
    channel.SendParameterStatus("TimeZone", command.substr(7));
    channel.SendCommandComplete("SET");
  } else if (command == "copy in") {
    DB9_RETURN_IF_ERROR(channel.BeginCopyIn(sql::Format::kText, 1));
    int64_t chunks = 0;
    for (;;) {
      DB9_ASSIGN_OR_RETURN(std::optional<std::string> data, channel.ReadCopyData());
      if (!data) break;
      ++chunks;
    }
    channel.SendCommandComplete("COPY " + std::to_string(chunks));
  } else if (command.substr(0, 9) == "copy out ") {
    int64_t n = Number(command.substr(9));
    DB9_RETURN_IF_ERROR(channel.BeginCopyOut(sql::Format::kText, 1));
    for (int64_t i = 1; i <= n; ++i) {
      DB9_RETURN_IF_ERROR(channel.SendCopyData("line " + std::to_string(i) + "\n"));
    }
    DB9_RETURN_IF_ERROR(channel.EndCopyOut());
    channel.SendCommandComplete("COPY " + std::to_string(n));
  } else {
    return Status::Error(sqlstate::kSyntaxError,
                         "unknown test command \"" + std::string(command) + "\"");
  }
  return Status::OK();
}

Status FakeSession::ExecuteSimpleQuery(std::string_view sql, sql::ClientChannel& channel) {
  for (std::string_view command : SplitCommands(sql)) {
    Status s = RunCommand(command, channel);
    if (!s.ok()) {
      if (status_ == sql::TransactionStatus::kInBlock) status_ = sql::TransactionStatus::kFailed;
      return s;
    }
  }
  return Status::OK();
}

Status FakeSession::Parse(const std::string& name, std::string_view sql,
                          const std::vector<types::Oid>&) {
  if (sql == "error") {
    return Status::Error(sqlstate::kSyntaxError, "syntax error at or near \"error\"");
  }
  if (!name.empty() && statements_.count(name)) {
    return Status::Error(sqlstate::kDuplicatePreparedStatement,
                         "prepared statement \"" + name + "\" already exists");
  }
  statements_[name] = std::string(sql);
  return Status::OK();
}

Status FakeSession::Bind(const sql::BindRequest& request) {
  auto it = statements_.find(request.statement);
  if (it == statements_.end()) {
    return Status::Error(sqlstate::kInvalidSqlStatementName,
                         "prepared statement \"" + request.statement + "\" does not exist");
  }
  portals_[request.portal] = Portal{it->second, request.result_formats, 0};
  return Status::OK();
}

Result<sql::StatementDescription> FakeSession::DescribeStatement(const std::string& name) {
  auto it = statements_.find(name);
  if (it == statements_.end()) {
    return Status::Error(sqlstate::kInvalidSqlStatementName,
                         "prepared statement \"" + name + "\" does not exist");
  }
  return sql::StatementDescription{{types::oid::kInt4}, Columns(it->second, sql::Format::kText)};
}

Result<std::optional<std::vector<sql::ColumnDescription>>> FakeSession::DescribePortal(
    const std::string& name) {
  auto it = portals_.find(name);
  if (it == portals_.end()) {
    return Status::Error(sqlstate::kInvalidCursorName, "portal \"" + name + "\" does not exist");
  }
  sql::Format format = it->second.formats.empty() ? sql::Format::kText : it->second.formats[0];
  return Columns(it->second.command, format);
}

Result<sql::ExecuteOutcome> FakeSession::Execute(const std::string& name, int64_t max_rows,
                                                 sql::ClientChannel& channel) {
  auto it = portals_.find(name);
  if (it == portals_.end()) {
    return Status::Error(sqlstate::kInvalidCursorName, "portal \"" + name + "\" does not exist");
  }
  Portal& portal = it->second;
  if (portal.command.substr(0, 5) != "rows ") {
    DB9_RETURN_IF_ERROR(ExecuteSimpleQuery(portal.command, channel));
    return sql::ExecuteOutcome::kComplete;
  }
  int64_t total = Number(std::string_view(portal.command).substr(5));
  sql::Format format = portal.formats.empty() ? sql::Format::kText : portal.formats[0];
  channel.BeginRows(*Columns(portal.command, format), false);
  int64_t sent_now = 0;
  while (portal.sent < total) {
    if (max_rows > 0 && sent_now == max_rows) return sql::ExecuteOutcome::kSuspended;
    DB9_RETURN_IF_ERROR(channel.SendDataRow({types::Value::Int8(++portal.sent)}));
    ++sent_now;
  }
  channel.SendCommandComplete("SELECT " + std::to_string(sent_now));
  return sql::ExecuteOutcome::kComplete;
}

void FakeSession::CloseStatement(const std::string& name) { statements_.erase(name); }
void FakeSession::ClosePortal(const std::string& name) { portals_.erase(name); }

Status FakeSession::Sync() {
  portals_.erase("");
  return Status::OK();
}

void FakeSession::Cancel() {
  std::lock_guard lock(cancel_mu_);
  cancel_requested_ = true;
  cancel_cv_.notify_all();
}

// --- FakeTenants ---

class NoDatabase : public sql::Database {
 public:
  mvcc::TxnManager& txn_manager() override { std::abort(); }  // the fake session never asks
  Result<sql::DatabaseStats> Stats() override { return sql::DatabaseStats{}; }
  Status CopyTo(const std::string&) override { return Status::Internal("not in tests"); }
};

class FakeTenants::Handle : public tenants::TenantHandle {
 public:
  explicit Handle(std::atomic<int>& count) : count_(count) { ++count_; }
  ~Handle() override { --count_; }
  const std::string& name() const override { return name_; }
  sql::Database& database() override { return database_; }

 private:
  std::atomic<int>& count_;
  std::string name_ = "shop";
  NoDatabase database_;
};

FakeTenants::FakeTenants() : verifier_(auth::MakeScramVerifier("pw")) {}

Result<std::string> FakeTenants::ScramVerifierForUser(const std::string& user) {
  if (user != "shop.admin") {
    std::string name = user.substr(0, user.rfind(".admin"));
    return Status::Fatal(sqlstate::kInvalidCatalogName, "database \"" + name + "\" does not exist");
  }
  return verifier_;
}

Result<std::shared_ptr<tenants::TenantHandle>> FakeTenants::Connect(
    const std::string& user, std::function<void()> on_terminate) {
  if (user != "shop.admin") return Status::Error(sqlstate::kInvalidCatalogName, "no such database");
  std::lock_guard lock(mu_);
  terminators_.push_back(std::move(on_terminate));
  return std::shared_ptr<tenants::TenantHandle>(std::make_shared<Handle>(open_handles_));
}

Status FakeTenants::Drop(const std::string&, bool force) {
  // Forced drop: terminate every connection that ever connected.
  std::vector<std::function<void()>> terminators;
  {
    std::lock_guard lock(mu_);
    terminators.swap(terminators_);
  }
  if (force) {
    for (auto& terminate : terminators) terminate();
  }
  return Status::OK();
}

Result<tenants::TenantInfo> FakeTenants::Create(const std::string&, const std::string&) {
  return Status::Internal("not in tests");
}
Status FakeTenants::Rename(const std::string&, const std::string&) {
  return Status::Internal("not in tests");
}
Status FakeTenants::ResetPassword(const std::string&, const std::string&) {
  return Status::Internal("not in tests");
}
Result<tenants::TenantInfo> FakeTenants::Get(const std::string&) {
  return Status::Internal("not in tests");
}
Result<tenants::Credentials> FakeTenants::GetCredentials(const std::string&) {
  return Status::Internal("not in tests");
}
Result<tenants::TenantInfo> FakeTenants::Branch(const std::string&, const std::string&) {
  return Status::Internal("not in tests");
}

}  // namespace db9::testing
