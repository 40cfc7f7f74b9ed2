#include "sql_fixture.h"

#include <QtTest>

namespace db9::sql::testing {

SqlFixture::SqlFixture() {
  Reopen();
}

SqlFixture::~SqlFixture() {
  session_.reset();
  db_.reset();
}

void SqlFixture::Reopen() {
  session_.reset();
  db_.reset();
  Result<std::unique_ptr<Database>> db = OpenDatabase(dir_.path().toStdString() + "/store");
  if (!db.ok()) qFatal("cannot open database: %s", db.status().ToString().c_str());
  db_ = std::move(db).value();
  session_ = NewSession();
}

std::unique_ptr<Session> SqlFixture::NewSession(const std::string& user) {
  SessionOptions options;
  options.user = user;
  options.database = "testdb";
  return sql::NewSession(*db_, options);
}

Status SqlFixture::Exec(const std::string& sql) {
  channel.Clear();
  return session_->ExecuteSimpleQuery(sql, channel);
}

std::vector<std::string> SqlFixture::Rows(const std::string& sql) {
  Status status = Exec(sql);
  if (!status.ok()) {
    QTest::qFail(("query failed: " + sql + " -> " + status.ToString()).c_str(), __FILE__, __LINE__);
    return {};
  }
  std::vector<std::string> out;
  for (const auto& row : channel.rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += (i ? "|" : "") + row[i];
    out.push_back(line);
  }
  return out;
}

std::string SqlFixture::Value(const std::string& sql) {
  std::vector<std::string> rows = Rows(sql);
  if (rows.size() != 1) {
    QTest::qFail(("expected one row from: " + sql + ", got " + std::to_string(rows.size())).c_str(),
                 __FILE__, __LINE__);
    return "";
  }
  return rows[0];
}

std::string Code(const Status& status) { return std::string(status.sqlstate()); }

}  // namespace db9::sql::testing
