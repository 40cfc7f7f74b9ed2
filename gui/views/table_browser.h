// TableBrowser: the tables of the selected database, the structure of the
// selected table (columns, key, indexes) and its rows in a grid that loads
// pages as it scrolls (RowsModel), sorts by a header click and filters by a
// column value. Cells of tables with a primary key can be edited, rows added
// and deleted: staged until Apply (RowActionsBar, RowsModel); the selected
// cell is shown whole beside the grid (ValueViewer).
#pragma once

#include <QWidget>

#include <functional>

#include "shared/control/types.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace db9::gui {

class ColumnsModel;
class ControlService;
class IndexesModel;
class RowActionsBar;
class RowsModel;
class ValueViewer;
class TableListModel;

class TableBrowser : public QWidget {
  Q_OBJECT
 public:
  explicit TableBrowser(ControlService* service, QWidget* parent = nullptr);

  // Shows the tables of `database` (asks the daemon); empty: none.
  void setDatabase(const QString& database);
  QString database() const { return database_; }
  // Selects a table by name (in schema public unless "schema.name"), now
  // or as soon as the table list arrives.
  void selectTable(const QString& name);
  // Reloads the table list (after tables were created elsewhere).
  void reload();

  // Call before anything that drops the staged edits (another table or
  // database, closing the app). True: none are staged, or the person chose
  // Discard; go ahead. False: stay — they chose Cancel, or Apply, and then
  // `retry` runs once the apply has committed (not if it fails or is
  // cancelled: the edits and the error stay in view).
  bool settleEdits(std::function<void()> retry);

  // The service that fetches row pages (default: the one given above); give
  // it its own, with a long call timeout, so slow pages delay nothing else.
  void setRowsService(ControlService* rows);

  // The service that runs Apply's transaction (default: the one given
  // above); give it one with a long call timeout so lock waits do not time out.
  void setWriteService(ControlService* writer);

  RowsModel* rowsModel() const { return rows_; }
  RowActionsBar* actionsBar() const { return actionsBar_; }
  ValueViewer* valueViewer() const { return viewer_; }
  QTableView* rowsView() const { return rowsView_; }

  // Ctrl+End / Ctrl+Home in the grid (also the scroll bar's thumb dragged
  // to the bottom), and the row status line's links: the last rows (RowsModel::jumpToEnd, read in reverse order, no paging
  // through the table) or the first, with the current cell on them.
  void jumpToEnd();
  void jumpToStart();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void onTables(const QString& database, const std::vector<control::TableInfo>& tables);
  void onDescribed(const QString& database, const control::TableDescription& table);
  void onTableSelected();
  void applyFilter();
  void clearFilter();
  void updateRowStatus();
  // After a page came in: finishes a jump, keeps filling an unscrollable
  // tail upwards.
  void onRowsLoaded();
  // At the tail, reaching the top of the grid loads the page before.
  void onScrolled(int value);
  void showMessage(const QString& text);

  ControlService* service_;
  ControlService* rowsService_ = nullptr;
  QString database_;
  QString schema_;
  QString table_;
  QString wantedTable_;  // selectTable() before the list arrived
  enum class Jump { kNone, kEnd, kStart };
  Jump pendingJump_ = Jump::kNone;  // a jump whose page is on its way
  int jumpColumn_ = 0;              // the current cell's column when it started
  int topRowBeforeInsert_ = -1;     // keeps the view still as rows come in above

  TableListModel* tables_;
  ColumnsModel* columns_;
  IndexesModel* indexes_;
  RowsModel* rows_;

  QStackedWidget* stack_;
  QLabel* message_;
  QListView* tableList_;
  QTabWidget* tabs_;
  QTableView* rowsView_;
  QComboBox* filterColumn_;
  QComboBox* filterOp_;
  QLineEdit* filterValue_;
  QPushButton* clearFilter_;
  QLabel* rowStatus_;
  RowActionsBar* actionsBar_;
  ValueViewer* viewer_;
};

}  // namespace db9::gui
