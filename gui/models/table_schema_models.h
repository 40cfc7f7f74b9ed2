// Small read-only models for the table browser: the tables of a database
// (db.tables), and the columns and indexes of one table (db.describe).
#pragma once

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QIcon>

#include <vector>

#include "shared/control/types.h"

namespace db9::gui {

// One row per table or view; DisplayRole is "name" for schema public and
// "schema.name" otherwise.
class TableListModel : public QAbstractListModel {
  Q_OBJECT
 public:
  static constexpr int SchemaRole = Qt::UserRole + 1;
  static constexpr int TableRole = Qt::UserRole + 2;

  explicit TableListModel(QObject* parent = nullptr);
  void setTables(std::vector<control::TableInfo> tables);
  // DecorationRole by kind, so a view is told from a table at a glance.
  void setKindIcons(const QIcon& table, const QIcon& view);
  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

 private:
  std::vector<control::TableInfo> tables_;
  QIcon tableIcon_;
  QIcon viewIcon_;
};

// Columns: name, type, nullable, default, and "PK n" for key columns.
class ColumnsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { kName, kType, kNullable, kDefault, kKey, kColumnCount };
  explicit ColumnsModel(QObject* parent = nullptr);
  void setDescription(const control::TableDescription& table);
  void clear();
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  std::vector<control::ColumnInfo> columns_;
  std::vector<std::string> primaryKey_;
};

// The table's indexes (with the primary-key and unique constraints they
// enforce), then the constraints no index shows (CHECK, FOREIGN KEY,
// EXCLUDE): every rule the table's rows obey, one per row.
class IndexesModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { kName, kKind, kDefinition, kColumnCount };
  explicit IndexesModel(QObject* parent = nullptr);
  void setDescription(const control::TableDescription& table);
  void clear();
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  struct Entry {
    std::string name, kind, definition;
  };
  std::vector<Entry> entries_;
};

}  // namespace db9::gui
