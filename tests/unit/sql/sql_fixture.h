// SqlFixture: a database in a fresh temporary directory and helpers to run
// SQL through sessions on it, for the QtTest cases in this folder.
#pragma once

#include <QTemporaryDir>
#include <memory>
#include <string>
#include <vector>

#include "daemon/sql/session/database.h"
#include "daemon/sql/session/session.h"
#include "recording_channel.h"

namespace db9::sql::testing {

class SqlFixture {
 public:
  SqlFixture();
  ~SqlFixture();

  Database& db() { return *db_; }
  std::unique_ptr<Session> NewSession(const std::string& user = "tester");
  // Reopens the store (checks persistence); existing sessions must be gone.
  void Reopen();

  // Runs a simple query on the default session; returns its status. The
  // channel keeps what was sent.
  Status Exec(const std::string& sql);
  // Runs and returns rows as "a|b" strings; fails the test on error.
  std::vector<std::string> Rows(const std::string& sql);
  // Runs and returns the single value of a one-row, one-column result.
  std::string Value(const std::string& sql);

  Session& session() { return *session_; }
  RecordingChannel channel;

 private:
  QTemporaryDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Session> session_;
};

// "ERROR 23505: duplicate key ..." -> the SQLSTATE.
std::string Code(const Status& status);

}  // namespace db9::sql::testing
