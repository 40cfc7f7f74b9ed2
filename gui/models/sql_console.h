// SqlConsole: the SQL console's logic without its widgets. run() sends the
// text to db.sql on a service of its own (long call timeout, so the UI and
// the app's other requests never wait behind a slow statement), with a fresh
// cancel key; cancel() sends db.cancel for that key through the app's main
// service, the second connection the protocol needs (docs/control-api.md).
//
// The last statement's result goes to grid(); an error comes with the
// position PostgreSQL reported, turned into an index into the QString that
// was run (the daemon counts characters, QString counts UTF-16 units).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include "shared/base/result.h"
#include "shared/base/status.h"
#include "shared/control/types.h"

namespace db9::gui {

class ControlService;
class ResultGridModel;
class StatementHistory;

class SqlConsole : public QObject {
  Q_OBJECT
 public:
  // Rows kept per statement (db.sql's max_rows); more are counted, not sent.
  static constexpr int kMaxRows = 1000;

  // `runner` runs the statements (give it a long call timeout); `canceller`
  // must be another service, free while `runner` waits.
  SqlConsole(ControlService* runner, ControlService* canceller, StatementHistory* history,
             QObject* parent = nullptr);
  ~SqlConsole() override;

  void setDatabase(const QString& database) { database_ = database; }
  QString database() const { return database_; }
  bool isRunning() const { return !cancelKey_.isEmpty(); }
  ResultGridModel* grid() const { return grid_; }
  StatementHistory* history() const { return history_; }
  const control::SqlResult& lastResult() const { return last_; }

  // Runs `sql` (one or more statements) in the current database. Ignored
  // while a run is in flight or without a database.
  void run(const QString& sql);
  void cancel();

  // 1-based character position (PostgreSQL's) -> index into `text`; -1 if
  // `position` is 0 or past the end.
  static int PositionToIndex(const QString& text, int position);

 signals:
  void runningChanged(bool running);
  // `summary`: command tags, row counts, time taken and notices.
  void finished(const QString& summary);
  // `index` into the text that was run, -1 when the error has no position.
  void failed(const QString& message, const QString& sqlstate, int index);

 private:
  void onAnswer(const QString& text, const Result<control::SqlResult>& result);

  ControlService* runner_;
  ControlService* canceller_;
  StatementHistory* history_;
  ResultGridModel* grid_;
  QString database_;
  QString cancelKey_;  // non-empty while a run is in flight
  QElapsedTimer clock_;
  control::SqlResult last_;
};

// "ERROR 42601: message" plus detail and hint lines, for people.
QString DescribeError(const Status& status);

}  // namespace db9::gui
