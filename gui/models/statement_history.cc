#include "gui/models/statement_history.h"

#include "gui/settings/app_settings.h"

namespace db9::gui {

StatementHistory::StatementHistory(AppSettings* settings, QObject* parent)
    : QObject(parent), settings_(settings) {
  if (settings_) entries_ = settings_->consoleHistory().mid(0, kMaxEntries);
}

void StatementHistory::add(const QString& statement) {
  const QString text = statement.trimmed();
  if (text.isEmpty()) return;
  entries_.removeAll(text);
  entries_.prepend(text);
  while (entries_.size() > kMaxEntries) entries_.removeLast();
  store();
}

void StatementHistory::clear() {
  entries_.clear();
  store();
}

void StatementHistory::store() {
  if (settings_) {
    settings_->setConsoleHistory(entries_);
    settings_->sync();
  }
  emit changed();
}

}  // namespace db9::gui
