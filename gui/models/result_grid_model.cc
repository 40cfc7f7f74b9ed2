#include "gui/models/result_grid_model.h"

#include "gui/models/cell_format.h"

namespace db9::gui {

ResultGridModel::ResultGridModel(QObject* parent) : QAbstractTableModel(parent) {}

void ResultGridModel::setResult(control::QueryResult result) {
  beginResetModel();
  result_ = std::move(result);
  endResetModel();
}

void ResultGridModel::clear() { setResult({}); }

int ResultGridModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(result_.rows.size());
}

int ResultGridModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(result_.columns.size());
}

QVariant ResultGridModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
  const auto& row = result_.rows[static_cast<size_t>(index.row())];
  const auto column = static_cast<size_t>(index.column());
  if (column >= row.size()) return {};
  return CellData(row[column], result_.columns[column].type, role);
}

QVariant ResultGridModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Vertical) return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
  if (section < 0 || section >= columnCount()) return {};
  const auto& column = result_.columns[static_cast<size_t>(section)];
  if (role == Qt::DisplayRole) return QString::fromStdString(column.name);
  if (role == Qt::ToolTipRole) return QString::fromStdString(column.type);
  return {};
}

}  // namespace db9::gui
