// DatabaseListView: the list of databases in the main window: a sortable
// table over DatabaseListModel, a name filter, and a hint when the list is
// empty. It only shows and selects; what the actions do lives in
// DatabaseActions.
#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace db9::gui {

class DatabaseListModel;

class DatabaseListView : public QWidget {
  Q_OBJECT
 public:
  DatabaseListView(DatabaseListModel* model, QWidget* parent = nullptr);

  // Empty when nothing is selected.
  QString currentDatabase() const;
  // Selects the database by name; false if it is not in the list.
  bool selectDatabase(const QString& name);
  // Shown in the context menu of a row.
  void setContextActions(const QList<QAction*>& actions);
  void focusFilter();
  // What the empty list says (it differs while the daemon is down).
  void setEmptyText(const QString& html);

 signals:
  void currentDatabaseChanged(const QString& name);
  // Double-click or Enter on a row.
  void databaseActivated(const QString& name);

 private:
  void updateEmptyState();
  void emitCurrent();

  DatabaseListModel* model_;
  QSortFilterProxyModel* proxy_;
  QLineEdit* filter_;
  QTableView* table_;
  QLabel* emptyHint_;
  QStackedWidget* stack_;
  QString lastEmitted_;
};

}  // namespace db9::gui
