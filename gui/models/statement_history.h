// StatementHistory: the statements run in the SQL console, newest first, at
// most kMaxEntries, without repeats (running one again moves it to the top).
// Stored through AppSettings at every change, so it survives restarts and a
// crash loses nothing.
#pragma once

#include <QObject>
#include <QStringList>

namespace db9::gui {

class AppSettings;

class StatementHistory : public QObject {
  Q_OBJECT
 public:
  static constexpr int kMaxEntries = 200;

  // `settings` may be null (then the history lives as long as the object).
  explicit StatementHistory(AppSettings* settings, QObject* parent = nullptr);

  const QStringList& entries() const { return entries_; }
  void add(const QString& statement);
  void clear();

 signals:
  void changed();

 private:
  void store();

  AppSettings* settings_;
  QStringList entries_;
};

}  // namespace db9::gui
