// TableBrowser: the tables of the selected database, the structure of the
// selected table (columns, key, indexes) and its rows in a grid that loads
// pages as it scrolls (RowsModel), sorts by a header click and filters by a
// column value. Read-only: editing is later work.
#pragma once

#include <QWidget>

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
class RowsModel;
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

  RowsModel* rowsModel() const { return rows_; }
  QTableView* rowsView() const { return rowsView_; }

 private:
  void onTables(const QString& database, const std::vector<control::TableInfo>& tables);
  void onDescribed(const QString& database, const control::TableDescription& table);
  void onTableSelected();
  void applyFilter();
  void clearFilter();
  void updateRowStatus();
  void showMessage(const QString& text);

  ControlService* service_;
  QString database_;
  QString schema_;
  QString table_;
  QString wantedTable_;  // selectTable() before the list arrived

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
};

}  // namespace db9::gui
