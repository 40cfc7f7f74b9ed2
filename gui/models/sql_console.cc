#include "gui/models/sql_console.h"

#include <QStringList>
#include <QUuid>

#include "gui/models/result_grid_model.h"
#include "gui/models/statement_history.h"
#include "gui/services/control_service.h"
#include "shared/control/client.h"

namespace db9::gui {

QString DescribeError(const Status& status) {
  QString text = QString::fromStdString(std::string(status.message()));
  if (!status.detail().empty()) text += QLatin1Char('\n') + QString::fromStdString(std::string(status.detail()));
  if (!status.hint().empty()) {
    text += QLatin1Char('\n') + QObject::tr("Hint: %1").arg(QString::fromStdString(std::string(status.hint())));
  }
  return text;
}

SqlConsole::SqlConsole(ControlService* runner, ControlService* canceller,
                       StatementHistory* history, QObject* parent)
    : QObject(parent), runner_(runner), canceller_(canceller), history_(history) {
  grid_ = new ResultGridModel(this);
}

SqlConsole::~SqlConsole() {
  // The runner's thread waits for its call to end before it can stop; a
  // statement left running would hold the app's exit up.
  if (isRunning()) canceller_->cancelSql(cancelKey_);
}

int SqlConsole::PositionToIndex(const QString& text, int position) {
  if (position <= 0) return -1;
  int index = 0;
  for (int codePoint = 1; codePoint < position; ++codePoint) {
    if (index >= text.size()) return -1;
    index += text[index].isHighSurrogate() && index + 1 < text.size() ? 2 : 1;
  }
  return index < text.size() ? index : -1;
}

void SqlConsole::run(const QString& sql) {
  if (isRunning() || database_.isEmpty() || sql.trimmed().isEmpty()) return;
  if (history_) history_->add(sql);
  cancelKey_ = QUuid::createUuid().toString(QUuid::WithoutBraces);
  clock_.start();
  emit runningChanged(true);
  control::SqlRequest request;
  request.database = database_.toStdString();
  request.sql = sql.toStdString();
  request.max_rows = kMaxRows;
  runner_->run<control::SqlResult>(
      [request, key = cancelKey_.toStdString()](control::Client& c) { return c.Sql(request, key); },
      [this, sql](const Result<control::SqlResult>& r) { onAnswer(sql, r); });
}

void SqlConsole::cancel() {
  if (isRunning()) canceller_->cancelSql(cancelKey_);
}

void SqlConsole::onAnswer(const QString& text, const Result<control::SqlResult>& result) {
  const qint64 ms = clock_.elapsed();
  cancelKey_.clear();
  emit runningChanged(false);
  if (!result.ok()) {
    const Status& status = result.status();
    emit failed(DescribeError(status), QString::fromStdString(std::string(status.sqlstate())),
                PositionToIndex(text, status.position()));
    return;
  }
  last_ = *result;
  // The grid shows the last statement that returned rows (a script's final
  // SELECT), else the last one.
  const control::QueryResult* shown = last_.results.empty() ? nullptr : &last_.results.back();
  for (const auto& r : last_.results) {
    if (!r.columns.empty()) shown = &r;
  }
  grid_->setResult(shown ? *shown : control::QueryResult{});

  QStringList parts;
  for (const auto& r : last_.results) {
    QString tag = QString::fromStdString(r.command_tag);
    if (r.truncated) tag += tr(" (first %1 rows shown)").arg(r.rows.size());
    if (!tag.isEmpty()) parts << tag;
  }
  QString summary = parts.isEmpty() ? tr("Done") : parts.join(QStringLiteral(" · "));
  summary += tr(" — %1 ms").arg(ms);
  for (const auto& notice : last_.notices) summary += QLatin1Char('\n') + QString::fromStdString(notice);
  emit finished(summary);
}

}  // namespace db9::gui
