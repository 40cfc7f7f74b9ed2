// Test doubles for the server tests: a Session that understands a handful of
// scripted commands (no SQL), and a TenantManager with one database. They
// exercise every ClientChannel path the real engine uses.
//
// Simple-query commands:
//   ""             EmptyQueryResponse
//   "rows N"       RowDescription(n int8) + N DataRows + "SELECT N"
//   "error"        42601 with detail, hint and position
//   "fatal"        FATAL 57P01 (the session ends the connection)
//   "sleep"        waits until Cancel() (57014) or 20 s
//   "begin" / "commit" / "fail"   transaction status T / I / E
//   "notice"       a NOTICE, then "DO"
//   "set tz NAME"  ParameterStatus TimeZone, then "SET"
//   "copy in"      CopyIn, reads until CopyDone: "COPY <chunks>"
//   "copy out N"   CopyOut with N lines "line i\n"
// Several commands can be separated by ';'. The extended protocol runs the
// same commands; "rows N" portals honour the row limit.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>

#include "daemon/sql/session/database.h"
#include "daemon/sql/session/session.h"
#include "daemon/tenants/tenant_manager.h"

namespace db9::testing {

class FakeSession : public sql::Session {
 public:
  explicit FakeSession(sql::SessionOptions options) : options_(std::move(options)) {}

  std::vector<std::pair<std::string, std::string>> ReportedParameters() const override;
  Status ExecuteSimpleQuery(std::string_view sql, sql::ClientChannel& channel) override;
  Status Parse(const std::string& name, std::string_view sql,
               const std::vector<types::Oid>& parameter_types) override;
  Status Bind(const sql::BindRequest& request) override;
  Result<sql::StatementDescription> DescribeStatement(const std::string& name) override;
  Result<std::optional<std::vector<sql::ColumnDescription>>> DescribePortal(
      const std::string& name) override;
  Result<sql::ExecuteOutcome> Execute(const std::string& portal, int64_t max_rows,
                                      sql::ClientChannel& channel) override;
  void CloseStatement(const std::string& name) override;
  void ClosePortal(const std::string& name) override;
  Status Sync() override;
  sql::TransactionStatus transaction_status() const override { return status_; }
  void Cancel() override;

  const sql::SessionOptions& options() const { return options_; }

 private:
  struct Portal {
    std::string command;
    std::vector<sql::Format> formats;
    int64_t sent = 0;
  };
  Status RunCommand(std::string_view command, sql::ClientChannel& channel);
  static std::optional<std::vector<sql::ColumnDescription>> Columns(std::string_view command,
                                                                    sql::Format format);

  sql::SessionOptions options_;
  sql::TransactionStatus status_ = sql::TransactionStatus::kIdle;
  std::map<std::string, std::string> statements_;
  std::map<std::string, Portal> portals_;
  std::mutex cancel_mu_;
  std::condition_variable cancel_cv_;
  bool cancel_requested_ = false;
};

// One database, "shop", user "shop.admin", password "pw".
class FakeTenants : public tenants::TenantManager {
 public:
  FakeTenants();
  Result<tenants::TenantInfo> Create(const std::string&, const std::string&) override;
  Status Drop(const std::string& name, bool force) override;
  Status Rename(const std::string&, const std::string&) override;
  Status ResetPassword(const std::string&, const std::string&) override;
  std::vector<tenants::TenantInfo> List() override { return {}; }
  Result<tenants::TenantInfo> Get(const std::string&) override;
  Result<tenants::Credentials> GetCredentials(const std::string&) override;
  Result<tenants::TenantInfo> Branch(const std::string&, const std::string&) override;
  Result<std::string> ScramVerifierForUser(const std::string& user) override;
  Result<std::shared_ptr<tenants::TenantHandle>> Connect(
      const std::string& user, std::function<void()> on_terminate) override;
  int Subscribe(std::function<void(const tenants::TenantEvent&)>) override { return 0; }
  void Unsubscribe(int) override {}

  int open_handles() const { return open_handles_.load(); }

 private:
  class Handle;
  std::string verifier_;
  std::atomic<int> open_handles_{0};
  std::mutex mu_;
  std::vector<std::function<void()>> terminators_;
};

}  // namespace db9::testing
