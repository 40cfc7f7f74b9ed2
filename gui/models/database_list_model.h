// DatabaseListModel: the databases db9d hosts, one row each, for the main
// list, the tray menu and the size chart.
//
// setDatabases() merges a fresh db.list answer into the rows in place (rows
// that stay keep their index, only changed cells are signalled), so the
// selection and scroll position survive the refreshes that pushed events
// trigger. Sorting for the view is a QSortFilterProxyModel's job: SortRole
// gives raw numbers for the numeric columns.
#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "shared/control/types.h"

namespace db9::gui {

class DatabaseListModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { kName, kSize, kTables, kConnections, kCreated, kColumnCount };
  // Raw value for sorting (qint64 / QString / QDateTime).
  static constexpr int SortRole = Qt::UserRole + 1;
  // The database name of the row, whatever the column.
  static constexpr int NameRole = Qt::UserRole + 2;

  explicit DatabaseListModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

  // REQUIRES: `databases` sorted by name (db.list answers that way).
  void setDatabases(std::vector<control::DatabaseInfo> databases);
  // Empties the list (the daemon went away).
  void clear();

  const std::vector<control::DatabaseInfo>& databases() const { return rows_; }
  // -1 when no such database.
  int rowOf(const QString& name) const;
  uint64_t totalSizeBytes() const;

 signals:
  // After any change of rows or values.
  void databasesChanged();

 private:
  std::vector<control::DatabaseInfo> rows_;
};

// "1.2 MB" etc. (decimal units, like the daemon's CLI).
QString FormatBytes(uint64_t bytes);

}  // namespace db9::gui
