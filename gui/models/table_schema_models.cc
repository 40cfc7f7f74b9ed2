#include "gui/models/table_schema_models.h"

#include <algorithm>

namespace db9::gui {
namespace {
QString Q(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

TableListModel::TableListModel(QObject* parent) : QAbstractListModel(parent) {}

void TableListModel::setTables(std::vector<control::TableInfo> tables) {
  beginResetModel();
  tables_ = std::move(tables);
  endResetModel();
}

void TableListModel::setKindIcons(const QIcon& table, const QIcon& view) {
  tableIcon_ = table;
  viewIcon_ = view;
  if (!tables_.empty()) emit dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole});
}

int TableListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(tables_.size());
}

QVariant TableListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const auto& t = tables_[static_cast<size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
      return t.schema == "public" ? Q(t.name) : Q(t.schema + "." + t.name);
    case Qt::ToolTipRole:
      return tr("%1 %2.%3").arg(Q(t.kind), Q(t.schema), Q(t.name));
    case Qt::DecorationRole:
      return t.kind == "view" ? viewIcon_ : tableIcon_;
    case SchemaRole:
      return Q(t.schema);
    case TableRole:
      return Q(t.name);
  }
  return {};
}

ColumnsModel::ColumnsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ColumnsModel::setDescription(const control::TableDescription& table) {
  beginResetModel();
  columns_ = table.columns;
  primaryKey_ = table.primary_key;
  endResetModel();
}

void ColumnsModel::clear() { setDescription({}); }

int ColumnsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}
int ColumnsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant ColumnsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || role != Qt::DisplayRole) return {};
  const auto& c = columns_[static_cast<size_t>(index.row())];
  switch (index.column()) {
    case kName: return Q(c.name);
    case kType: return Q(c.type);
    case kNullable: return c.nullable ? tr("null") : tr("not null");
    case kDefault: return c.default_expression ? Q(*c.default_expression) : QString();
    case kKey: {
      const auto it = std::find(primaryKey_.begin(), primaryKey_.end(), c.name);
      if (it == primaryKey_.end()) return {};
      return primaryKey_.size() == 1
                 ? tr("primary key")
                 : tr("primary key (%1)").arg(it - primaryKey_.begin() + 1);
    }
  }
  return {};
}

QVariant ColumnsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kName: return tr("Column");
    case kType: return tr("Type");
    case kNullable: return tr("Null");
    case kDefault: return tr("Default");
    case kKey: return tr("Key");
  }
  return {};
}

IndexesModel::IndexesModel(QObject* parent) : QAbstractTableModel(parent) {}

void IndexesModel::setDescription(const control::TableDescription& table) {
  beginResetModel();
  entries_.clear();
  for (const control::IndexInfo& i : table.indexes) {
    const QString kind = i.primary ? tr("primary key") : i.unique ? tr("unique") : tr("index");
    entries_.push_back({i.name, kind.toStdString(), i.definition});
  }
  // Primary-key and unique constraints are their indexes, listed above.
  for (const control::ConstraintInfo& c : table.constraints) {
    if (c.kind == "primary key" || c.kind == "unique") continue;
    entries_.push_back({c.name, c.kind, c.definition});
  }
  endResetModel();
}

void IndexesModel::clear() { setDescription({}); }

int IndexesModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}
int IndexesModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant IndexesModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Entry& e = entries_[static_cast<size_t>(index.row())];
  if (role == Qt::ToolTipRole && index.column() == kDefinition) return Q(e.definition);
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case kName: return Q(e.name);
    case kKind: return Q(e.kind);
    case kDefinition: return Q(e.definition);
  }
  return {};
}

QVariant IndexesModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kName: return tr("Index or constraint");
    case kKind: return tr("Kind");
    case kDefinition: return tr("Definition");
  }
  return {};
}

}  // namespace db9::gui
