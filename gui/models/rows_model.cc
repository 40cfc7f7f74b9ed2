#include "gui/models/rows_model.h"

#include <algorithm>
#include <functional>

#include <QBrush>
#include <QColor>
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
  edits_.clear();
  primaryKey_.clear();
  keyColumns_.clear();
  applying_ = false;
  endResetModel();
  emit editsChanged();
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
  edits_.clear();
  primaryKey_.clear();
  keyColumns_.clear();
  applying_ = false;
  nextAfter_.reset();
  fromEnd_ = false;
  moreBefore_ = false;
  moreAfter_ = false;
  failed_ = false;
  endResetModel();
  emit editsChanged();
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

void RowsModel::restart(bool fromEnd) {
  if (table_.isEmpty()) return;
  // Columns stay until the first page answers, so the header does not
  // flicker and the sort indicator keeps its place.
  dropRows();
  nextAfter_.reset();
  failed_ = false;
  fromEnd_ = fromEnd;
  if (!fromEnd) tailOrder_.clear();
  // Until the first page answers, assume more rows on the side it grows to.
  moreBefore_ = fromEnd;
  moreAfter_ = !fromEnd;
  requestPage();
}

void RowsModel::dropRows() {
  if (rows_.empty()) return;
  beginRemoveRows({}, 0, static_cast<int>(rows_.size()) - 1);
  rows_.clear();
  endRemoveRows();
}

std::vector<control::SortKey> RowsModel::fullOrder() const {
  // The primary key breaks ties (pages neither skip nor repeat rows), in
  // the direction of the sort before it: an index on a column keeps equal
  // values in key order, so a descending sort with the key descending too
  // is one backward index scan, where the daemon's default (the key
  // ascending) would need a sort of the whole table.
  std::vector<control::SortKey> order = orderBy_;
  const bool descending = !order.empty() && order.back().descending;
  for (const auto& column : primaryKey_) {
    if (std::none_of(order.begin(), order.end(),
                     [&](const control::SortKey& k) { return k.column == column; })) {
      order.push_back({column, descending});
    }
  }
  return order;
}

std::optional<std::vector<control::SortKey>> RowsModel::reversedOrder() const {
  std::vector<control::SortKey> order = fullOrder();
  // No key and no sort: the rows come in storage order, which has no
  // reverse to ask for.
  if (order.empty()) return std::nullopt;
  for (auto& key : order) key.descending = !key.descending;
  return order;
}

void RowsModel::requestPage() {
  control::RowsRequest request;
  request.database = database_.toStdString();
  request.schema = schema_.toStdString();
  request.table = table_.toStdString();
  request.limit = pageSize_;
  request.order_by = fromEnd_ ? tailOrder_ : fullOrder();
  request.filters = filters_;
  if (nextAfter_) {
    request.after = nextAfter_;
  } else {
    // Without a keyset cursor (an order with nullable columns) pages go by
    // the number of rows held, counted from the end they were read from.
    request.offset = static_cast<int64_t>(rows_.size());
  }
  const bool wasLoading = isLoading();
  pendingTicket_ = nextTicket_++;
  if (!wasLoading) emit loadingChanged(true);
  emit pageRequested(request, pendingTicket_);
}

bool RowsModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && !fromEnd_ && moreAfter_ && !failed_ && !isLoading();
}

void RowsModel::fetchMore(const QModelIndex& parent) {
  if (canFetchMore(parent)) requestPage();
}

bool RowsModel::canFetchEarlier() const { return fromEnd_ && moreBefore_ && !failed_ && !isLoading(); }

void RowsModel::fetchEarlier() {
  if (canFetchEarlier()) requestPage();
}

bool RowsModel::jumpToEnd() {
  if (table_.isEmpty()) return false;
  // Already at the tail, or reading from the start and the last page is in.
  if (fromEnd_ || !moreAfter_) return true;
  auto reversed = reversedOrder();
  if (!reversed) return false;
  tailOrder_ = std::move(*reversed);
  restart(true);
  return true;
}

bool RowsModel::jumpToStart() {
  if (!fromEnd_ || !moreBefore_) return false;  // the first row is held
  restart(false);
  return true;
}

bool RowsModel::morePages(const control::QueryResult& result) const {
  // A short page, or one the daemon did not mark truncated, is the last.
  return result.truncated && static_cast<int>(result.rows.size()) >= pageSize_;
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
      // Staged cells are by column index: another shape makes them wrong.
      edits_.clear();
      endResetModel();
      resolveKeyColumns();
      emit editsChanged();
    }
  }
  const int count = static_cast<int>(result.rows.size());
  if (count > 0 && fromEnd_) {
    // Read backwards: the page holds the rows just before the first held,
    // last one first.
    beginInsertRows({}, 0, count - 1);
    rows_.insert(rows_.begin(), result.rows.rbegin(), result.rows.rend());
    endInsertRows();
  } else if (count > 0) {
    const int first = static_cast<int>(rows_.size());
    beginInsertRows({}, first, first + count - 1);
    rows_.insert(rows_.end(), result.rows.begin(), result.rows.end());
    endInsertRows();
  }
  nextAfter_ = page.next_after;
  (fromEnd_ ? moreBefore_ : moreAfter_) = morePages(result);
  emit loadingChanged(false);
}

void RowsModel::pageFailed(quint64 ticket, const QString& message) {
  if (ticket != pendingTicket_ || ticket == 0) return;
  pendingTicket_ = 0;
  failed_ = true;  // no retry loop from scrolling; a new table, sort, filter or jump retries
  emit loadingChanged(false);
  emit loadFailed(message);
}

int RowsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size() + edits_.newRows().size());
}

int RowsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

std::optional<CellValue> RowsModel::shownValue(int row, int column) const {
  if (isNewRow(row)) {
    const auto& cells = edits_.newRows()[static_cast<size_t>(row) - rows_.size()];
    return static_cast<size_t>(column) < cells.size() ? cells[static_cast<size_t>(column)]
                                                      : std::nullopt;
  }
  const auto& loaded = rows_[static_cast<size_t>(row)];
  if (static_cast<size_t>(column) >= loaded.size()) return std::nullopt;
  if (!keyColumns_.empty()) {
    if (auto staged = edits_.cell(keyOf(static_cast<size_t>(row)), column)) return staged;
  }
  return loaded[static_cast<size_t>(column)];
}

QVariant RowsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
  const int row = index.row();
  const int column = index.column();
  const std::string& type = columns_[static_cast<size_t>(column)].type;
  const auto value = shownValue(row, column);
  const bool isNew = isNewRow(row);
  const bool deleted = !isNew && !keyColumns_.empty() && edits_.isDeleted(keyOf(static_cast<size_t>(row)));
  const bool changed = !isNew && !keyColumns_.empty() &&
                       edits_.cell(keyOf(static_cast<size_t>(row)), column).has_value();
  if (role == EditStateRole) {
    if (isNew) return QStringLiteral("new");
    if (deleted) return QStringLiteral("deleted");
    return changed ? QStringLiteral("changed") : QString();
  }
  if (isNew && !value) {
    // A new row's untouched cell: the column's DEFAULT applies.
    if (role == Qt::DisplayRole) return QStringLiteral("DEFAULT");
    if (role == Qt::ForegroundRole) return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    if (role == Qt::ToolTipRole) return tr("Not set: the column's default applies");
  }
  if (role == Qt::BackgroundRole) {
    // Tints that read on light and dark palettes alike.
    if (deleted) return QColor(239, 68, 68, 70);
    if (isNew) return QColor(34, 197, 94, 60);
    if (changed) return QColor(245, 158, 11, 90);
    return {};
  }
  if (role == Qt::FontRole && deleted) {
    QFont font;
    font.setStrikeOut(true);
    return font;
  }
  return CellData(value.value_or(std::nullopt), type, role);
}

control::RowsRequest RowsModel::currentRequest() const {
  control::RowsRequest request;
  request.database = database_.toStdString();
  request.schema = schema_.toStdString();
  request.table = table_.toStdString();
  request.order_by = fullOrder();
  request.filters = filters_;
  return request;
}

void RowsModel::setPrimaryKey(const std::vector<std::string>& columns) {
  primaryKey_ = columns;
  resolveKeyColumns();
  emit editsChanged();
}

void RowsModel::resolveKeyColumns() {
  keyColumns_.clear();
  for (const auto& name : primaryKey_) {
    auto it = std::find_if(columns_.begin(), columns_.end(),
                           [&](const control::ResultColumn& c) { return c.name == name; });
    if (it == columns_.end()) {
      keyColumns_.clear();  // the key is not all in the result: cannot address rows
      return;
    }
    keyColumns_.push_back(static_cast<int>(it - columns_.begin()));
  }
}

bool RowsModel::isEditable() const { return !keyColumns_.empty() && !applying_; }

RowKey RowsModel::keyOf(size_t loadedRow) const {
  RowKey key;
  const auto& row = rows_[loadedRow];
  for (int column : keyColumns_) {
    key.push_back(static_cast<size_t>(column) < row.size() ? row[static_cast<size_t>(column)]
                                                           : std::nullopt);
  }
  return key;
}

Qt::ItemFlags RowsModel::flags(const QModelIndex& index) const {
  Qt::ItemFlags flags = QAbstractTableModel::flags(index);
  if (!index.isValid() || !isEditable()) return flags;
  if (!isNewRow(index.row()) && edits_.isDeleted(keyOf(static_cast<size_t>(index.row())))) return flags;
  return flags | Qt::ItemIsEditable;
}

bool RowsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !index.isValid() || !(flags(index) & Qt::ItemIsEditable)) return false;
  // A null QVariant is SQL NULL (setNull); any string, even empty, is text.
  const CellValue cell = value.isNull() ? CellValue() : CellValue(value.toString().toStdString());
  const int row = index.row();
  if (isNewRow(row)) {
    edits_.setNewCell(row - static_cast<int>(rows_.size()), index.column(), cell);
  } else {
    const auto& original = rows_[static_cast<size_t>(row)][static_cast<size_t>(index.column())];
    edits_.setCell(keyOf(static_cast<size_t>(row)), index.column(), cell, original);
  }
  emitRowChanged(row);
  emit editsChanged();
  return true;
}

void RowsModel::setNull(const QModelIndex& index) { setData(index, QVariant(), Qt::EditRole); }

int RowsModel::addRow() {
  if (!isEditable()) return -1;
  const int row = rowCount();
  beginInsertRows({}, row, row);
  edits_.addRow(columnCount());
  endInsertRows();
  emit editsChanged();
  return row;
}

void RowsModel::toggleDeleted(const QList<int>& rows) {
  if (!isEditable()) return;
  QList<int> sorted = rows;
  std::sort(sorted.begin(), sorted.end(), std::greater<int>());  // new rows go from the back
  for (int row : sorted) {
    if (row < 0 || row >= rowCount()) continue;
    if (isNewRow(row)) {
      beginRemoveRows({}, row, row);
      edits_.removeNewRow(row - static_cast<int>(rows_.size()));
      endRemoveRows();
    } else {
      const RowKey key = keyOf(static_cast<size_t>(row));
      edits_.setDeleted(key, !edits_.isDeleted(key));
      emitRowChanged(row);
    }
  }
  emit editsChanged();
}

void RowsModel::discardEdits() {
  const int newRows = static_cast<int>(edits_.newRows().size());
  if (newRows > 0) {
    beginRemoveRows({}, static_cast<int>(rows_.size()), static_cast<int>(rows_.size()) + newRows - 1);
  }
  edits_.clear();
  if (newRows > 0) endRemoveRows();
  if (!rows_.empty()) {
    emit dataChanged(index(0, 0), index(static_cast<int>(rows_.size()) - 1, columnCount() - 1));
  }
  emit editsChanged();
}

std::vector<control::ParameterizedStatement> RowsModel::pendingStatements() const {
  EditTarget target;
  target.schema = schema_.toStdString();
  target.table = table_.toStdString();
  for (const auto& column : columns_) target.columns.push_back(column.name);
  target.keyColumns = keyColumns_;
  return edits_.toStatements(target);
}

void RowsModel::applyEdits() {
  if (applying_ || edits_.empty() || keyColumns_.empty()) return;
  control::ExecuteRequest request;
  request.database = database_.toStdString();
  request.statements = pendingStatements();
  applying_ = true;
  emit editsChanged();
  emit applyRequested(request);
}

void RowsModel::applySucceeded() {
  if (!applying_) return;
  applying_ = false;
  discardEdits();
  restart(fromEnd_);  // show what the database has now (defaults, triggers, order), same end
  emit applyFinished(true, {});
}

void RowsModel::applyFailed(const QString& message) {
  if (!applying_) return;
  applying_ = false;
  emit editsChanged();
  emit applyFinished(false, message);
}

void RowsModel::emitRowChanged(int row) {
  emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

QVariant RowsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Vertical) {
    if (!fromEnd_ || !moreBefore_) return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    // A tail without the start: rows are numbered from the end (the last
    // is -1); staged new rows after it +1, +2, ...
    const int fromLast = static_cast<int>(rows_.size()) - section;
    if (role == Qt::DisplayRole) {
      return fromLast > 0 ? QStringLiteral("−%1").arg(fromLast) : QStringLiteral("+%1").arg(1 - fromLast);
    }
    if (role == Qt::ToolTipRole && fromLast > 0) return tr("Row %1 counted from the end").arg(fromLast);
    return {};
  }
  if (section < 0 || section >= columnCount()) return {};
  const auto& column = columns_[static_cast<size_t>(section)];
  if (role == Qt::DisplayRole) return QString::fromStdString(column.name);
  if (role == Qt::ToolTipRole) return QString::fromStdString(column.type);
  return {};
}

}  // namespace db9::gui
