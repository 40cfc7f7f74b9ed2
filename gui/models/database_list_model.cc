#include "gui/models/database_list_model.h"

#include <QDateTime>
#include <QLocale>

namespace db9::gui {
namespace {

QDateTime CreatedAt(const control::DatabaseInfo& db) {
  return QDateTime::fromMSecsSinceEpoch(db.created_unix_ms);
}

bool SameValues(const control::DatabaseInfo& a, const control::DatabaseInfo& b) {
  return a.id == b.id && a.created_unix_ms == b.created_unix_ms &&
         a.size_bytes == b.size_bytes && a.table_count == b.table_count &&
         a.open_connections == b.open_connections;
}

}  // namespace

QString FormatBytes(uint64_t bytes) {
  return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeSIFormat);
}

DatabaseListModel::DatabaseListModel(QObject* parent) : QAbstractTableModel(parent) {}

int DatabaseListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int DatabaseListModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant DatabaseListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const auto& db = rows_[static_cast<size_t>(index.row())];
  const QString name = QString::fromStdString(db.name);
  if (role == NameRole) return name;
  if (role == Qt::TextAlignmentRole) {
    if (index.column() == kName || index.column() == kCreated) return {};
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  }
  if (role == Qt::ToolTipRole && index.column() == kCreated) {
    return QLocale().toString(CreatedAt(db), QLocale::LongFormat);
  }
  if (role == Qt::ToolTipRole && index.column() == kSize) {
    return tr("%1 bytes on disk").arg(QLocale().toString(static_cast<qulonglong>(db.size_bytes)));
  }
  if (role != Qt::DisplayRole && role != SortRole) return {};
  const bool display = role == Qt::DisplayRole;
  switch (index.column()) {
    case kName:
      return name;
    case kSize:
      return display ? QVariant(FormatBytes(db.size_bytes))
                     : QVariant(static_cast<qulonglong>(db.size_bytes));
    case kTables:
      return static_cast<qlonglong>(db.table_count);
    case kConnections:
      return db.open_connections;
    case kCreated:
      // The date is enough in the list; the tooltip has the time.
      return display ? QVariant(QLocale().toString(CreatedAt(db).date(), QLocale::ShortFormat))
                     : QVariant(CreatedAt(db));
  }
  return {};
}

QVariant DatabaseListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kName: return tr("Name");
    case kSize: return tr("Size");
    case kTables: return tr("Tables");
    case kConnections: return tr("Connections");
    case kCreated: return tr("Created");
  }
  return {};
}

void DatabaseListModel::setDatabases(std::vector<control::DatabaseInfo> databases) {
  // Both lists are sorted by name: walk them together. Row `i` of rows_ is
  // always the merge position, so insertions and removals happen in place.
  size_t i = 0;
  size_t j = 0;
  bool changed = false;
  while (i < rows_.size() || j < databases.size()) {
    const int row = static_cast<int>(i);
    if (j == databases.size() || (i < rows_.size() && rows_[i].name < databases[j].name)) {
      beginRemoveRows({}, row, row);
      rows_.erase(rows_.begin() + row);
      endRemoveRows();
      changed = true;
    } else if (i == rows_.size() || databases[j].name < rows_[i].name) {
      beginInsertRows({}, row, row);
      rows_.insert(rows_.begin() + row, std::move(databases[j]));
      endInsertRows();
      ++i;
      ++j;
      changed = true;
    } else {
      if (!SameValues(rows_[i], databases[j])) {
        rows_[i] = std::move(databases[j]);
        emit dataChanged(index(row, 0), index(row, kColumnCount - 1));
        changed = true;
      }
      ++i;
      ++j;
    }
  }
  if (changed) emit databasesChanged();
}

void DatabaseListModel::clear() {
  if (rows_.empty()) return;
  beginResetModel();
  rows_.clear();
  endResetModel();
  emit databasesChanged();
}

int DatabaseListModel::rowOf(const QString& name) const {
  const std::string key = name.toStdString();
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].name == key) return static_cast<int>(i);
  }
  return -1;
}

uint64_t DatabaseListModel::totalSizeBytes() const {
  uint64_t total = 0;
  for (const auto& db : rows_) total += db.size_bytes;
  return total;
}

}  // namespace db9::gui
