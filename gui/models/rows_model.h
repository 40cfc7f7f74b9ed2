// RowsModel: the rows of one table, loaded a page at a time as the view
// scrolls (canFetchMore/fetchMore), the way DB Browser for SQLite keeps a
// million-row table fast: only what was scrolled to is ever fetched.
//
// The model does not talk to the daemon itself. It asks for a page with
// pageRequested(request, ticket) and is answered with addPage(ticket, page)
// or pageFailed(ticket, message); the table browser wires these to
// ControlService. A sort or filter change starts over with a new ticket, and
// answers carrying an old ticket are dropped.
//
// SQL NULL is shown as an italic, dimmed "NULL" (IsNullRole tells it apart
// from the text 'NULL').
#pragma once

#include <QAbstractTableModel>

#include <optional>
#include <string>
#include <vector>

#include "shared/control/types.h"

namespace db9::gui {

class RowsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  static constexpr int IsNullRole = Qt::UserRole + 1;
  static constexpr int kDefaultPageSize = 200;

  explicit RowsModel(QObject* parent = nullptr);

  // Starts over on another table; the first page is requested at once.
  void setTable(const QString& database, const QString& schema, const QString& table);
  // Empties the model (no table selected).
  void clearTable();
  // Only rows whose `column` compares to `value` by `op` (a db.rows filter
  // op). An empty column clears the filter.
  void setFilter(const QString& column, const QString& op, const std::optional<QString>& value);
  void setPageSize(int rows) { pageSize_ = rows; }

  QString database() const { return database_; }
  QString table() const { return table_; }
  bool isLoading() const { return pendingTicket_ != 0; }
  bool isComplete() const { return atEnd_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;
  // Orders by that column (server side) and loads from the start.
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

 public slots:
  void addPage(quint64 ticket, const db9::control::RowsPage& page);
  void pageFailed(quint64 ticket, const QString& message);

 signals:
  void pageRequested(const db9::control::RowsRequest& request, quint64 ticket);
  void loadingChanged(bool loading);
  void loadFailed(const QString& message);

 private:
  // Drops all rows and asks for the first page under the current settings.
  void restart();
  void requestPage();

  QString database_;
  QString schema_;
  QString table_;
  int pageSize_ = kDefaultPageSize;
  std::vector<control::SortKey> orderBy_;
  std::vector<control::RowFilter> filters_;

  std::vector<control::ResultColumn> columns_;
  std::vector<control::ResultRow> rows_;
  // Keyset cursor for the next page when the daemon gave one.
  std::optional<std::vector<std::optional<std::string>>> nextAfter_;
  bool atEnd_ = true;
  quint64 nextTicket_ = 1;
  quint64 pendingTicket_ = 0;  // 0: nothing in flight
};

}  // namespace db9::gui
