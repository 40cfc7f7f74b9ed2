#include "gui/models/rows_model.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace db9::gui {

RowsModel::RowsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RowsModel::setTable(const QString& database, const QString& schema, const QString& table) {
  database_ = database;
  schema_ = schema.isEmpty() ? QStringLiteral("public") : schema;
  table_ = table;
  orderBy_.clear();
  filters_.clear();
  beginResetModel();
  columns_.clear();
  rows_.clear();
  endResetModel();
  restart();
}

void RowsModel::clearTable() {
  database_.clear();
  table_.clear();
  orderBy_.clear();
  filters_.clear();
  beginResetModel();
  columns_.clear();
  rows_.clear();
  nextAfter_.reset();
  atEnd_ = true;
  endResetModel();
  if (pendingTicket_ != 0) {
    pendingTicket_ = 0;
    emit loadingChanged(false);
  }
}

void RowsModel::setFilter(const QString& column, const QString& op,
                          const std::optional<QString>& value) {
  filters_.clear();
  if (!column.isEmpty()) {
    control::RowFilter filter;
    filter.column = column.toStdString();
    filter.op = op.toStdString();
    if (value) filter.value = value->toStdString();
    filters_.push_back(std::move(filter));
  }
  restart();
}

void RowsModel::sort(int column, Qt::SortOrder order) {
  if (column < 0 || column >= columnCount()) return;
  orderBy_ = {control::SortKey{columns_[static_cast<size_t>(column)].name,
                               order == Qt::DescendingOrder}};
  restart();
}

void RowsModel::restart() {
  if (table_.isEmpty()) return;
  // Columns stay until the first page answers, so the header does not
  // flicker and the sort indicator keeps its place.
  if (!rows_.empty()) {
    beginRemoveRows({}, 0, static_cast<int>(rows_.size()) - 1);
    rows_.clear();
    endRemoveRows();
  }
  nextAfter_.reset();
  atEnd_ = false;
  requestPage();
}

void RowsModel::requestPage() {
  control::RowsRequest request;
  request.database = database_.toStdString();
  request.schema = schema_.toStdString();
  request.table = table_.toStdString();
  request.limit = pageSize_;
  request.order_by = orderBy_;
  request.filters = filters_;
  if (nextAfter_) {
    request.after = nextAfter_;
  } else {
    request.offset = static_cast<int64_t>(rows_.size());
  }
  const bool wasLoading = isLoading();
  pendingTicket_ = nextTicket_++;
  if (!wasLoading) emit loadingChanged(true);
  emit pageRequested(request, pendingTicket_);
}

bool RowsModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && !atEnd_ && !isLoading();
}

void RowsModel::fetchMore(const QModelIndex& parent) {
  if (canFetchMore(parent)) requestPage();
}

void RowsModel::addPage(quint64 ticket, const control::RowsPage& page) {
  if (ticket != pendingTicket_ || ticket == 0) return;  // superseded
  pendingTicket_ = 0;
  const auto& result = page.result;
  const bool firstPage = rows_.empty();
  if (firstPage) {
    // The first page defines the columns (they can differ from the last
    // table's, or the table may have been altered).
    bool sameColumns = result.columns.size() == columns_.size();
    for (size_t i = 0; sameColumns && i < columns_.size(); ++i) {
      sameColumns = columns_[i].name == result.columns[i].name;
    }
    if (!sameColumns) {
      beginResetModel();
      columns_ = result.columns;
      endResetModel();
    }
  }
  if (!result.rows.empty()) {
    const int first = static_cast<int>(rows_.size());
    beginInsertRows({}, first, first + static_cast<int>(result.rows.size()) - 1);
    rows_.insert(rows_.end(), result.rows.begin(), result.rows.end());
    endInsertRows();
  }
  nextAfter_ = page.next_after;
  // A short page, or one the daemon did not mark truncated, is the last.
  atEnd_ = !result.truncated || static_cast<int>(result.rows.size()) < pageSize_;
  emit loadingChanged(false);
}

void RowsModel::pageFailed(quint64 ticket, const QString& message) {
  if (ticket != pendingTicket_ || ticket == 0) return;
  pendingTicket_ = 0;
  atEnd_ = true;  // no retry loop from the view's scrolling; a new table or sort retries
  emit loadingChanged(false);
  emit loadFailed(message);
}

int RowsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RowsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

QVariant RowsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
  const auto& row = rows_[static_cast<size_t>(index.row())];
  if (static_cast<size_t>(index.column()) >= row.size()) return {};
  const auto& value = row[static_cast<size_t>(index.column())];
  switch (role) {
    case IsNullRole:
      return !value.has_value();
    case Qt::DisplayRole:
    case Qt::EditRole:
      return value ? QString::fromStdString(*value) : QStringLiteral("NULL");
    case Qt::ToolTipRole:
      if (!value) return tr("SQL NULL (no value)");
      // Long values are cut by the cell; the tooltip shows them whole.
      return value->size() > 40 ? QVariant(QString::fromStdString(*value)) : QVariant();
    case Qt::FontRole:
      if (!value) {
        QFont font;
        font.setItalic(true);
        return font;
      }
      return {};
    case Qt::ForegroundRole:
      if (!value) {
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
      }
      return {};
  }
  return {};
}

QVariant RowsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Vertical) {
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
  }
  if (section < 0 || section >= columnCount()) return {};
  const auto& column = columns_[static_cast<size_t>(section)];
  if (role == Qt::DisplayRole) return QString::fromStdString(column.name);
  if (role == Qt::ToolTipRole) return QString::fromStdString(column.type);
  return {};
}

}  // namespace db9::gui
