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
// Jumping to the end (jumpToEnd, Ctrl+End in the table browser) does not
// page through the table: it asks for the same order reversed (every key
// flipped, the primary key spelled out so it flips too) and shows that page
// back in order. The model then holds the table's tail and grows upwards
// (fetchEarlier, when the view reaches its top) the same way; its row
// numbers count from the end until the start is reached. With the key
// ascending, NULLs come last and descending first, so the reversed order
// is exactly the forward one read backwards.
//
// SQL NULL is shown as an italic, dimmed "NULL" (IsNullRole tells it apart
// from the text 'NULL').
//
// Editing: once the table's primary key is known (setPrimaryKey), cells can
// be changed, rows added and deleted. Nothing is written at once: changes are
// staged (StagedEdits, shown tinted: changed cells amber, new rows green,
// deleted rows red and struck through) until applyEdits() asks for them to
// run in one transaction (applyRequested -> db.execute), or discardEdits().
// A failed apply keeps every staged change. A table without a primary key
// stays read-only: there is no way to name the row to change.
#pragma once

#include <QAbstractTableModel>

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "gui/models/cell_format.h"
#include "gui/models/staged_edits.h"
#include "shared/control/types.h"

namespace db9::gui {

class RowsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  static constexpr int IsNullRole = kIsNullRole;
  // "changed", "deleted", "new" or "" for the cell's row/cell.
  static constexpr int EditStateRole = Qt::UserRole + 2;
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
  QString schema() const { return schema_; }
  QString table() const { return table_; }
  // The request for the first page under the current order and filter
  // (exports start from it).
  control::RowsRequest currentRequest() const;
  const std::vector<control::ResultColumn>& columns() const { return columns_; }

  // Editing (see above). An empty key makes the table read-only.
  void setPrimaryKey(const std::vector<std::string>& columns);
  bool isEditable() const;
  bool hasPrimaryKey() const { return !primaryKey_.empty(); }
  bool hasEdits() const { return !edits_.empty(); }
  int editCount() const { return edits_.changeCount(); }
  bool isApplying() const { return applying_; }
  // Appends a new row (cells DEFAULT until set); returns its model row.
  int addRow();
  // Deleted rows are marked (again: unmarked); new rows just go.
  void toggleDeleted(const QList<int>& rows);
  void setNull(const QModelIndex& index);
  void discardEdits();
  // The staged changes as statements (for tests and the apply request).
  std::vector<control::ParameterizedStatement> pendingStatements() const;
  // Emits applyRequested; the answer is applySucceeded() / applyFailed().
  void applyEdits();
  bool isLoading() const { return pendingTicket_ != 0; }
  // Every row under the current order and filter is loaded.
  bool isComplete() const { return !moreBefore_ && !moreAfter_; }

  // Loads the last page under the current order and filter, dropping what
  // was loaded (unless the end is already here, or the table's order cannot
  // be reversed: no primary key and no sort). True if the rows held now end
  // with the table's last row or a page that does is on its way.
  bool jumpToEnd();
  // Back to the first page when the model holds a tail without the start.
  bool jumpToStart();
  // True while the model holds the table's tail (after jumpToEnd).
  bool isAtTail() const { return fromEnd_; }
  // More rows precede the first one held (only at the tail); fetchEarlier
  // asks for the page before it.
  bool canFetchEarlier() const;
  void fetchEarlier();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;
  // Orders by that column (server side) and loads from the start.
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

 public slots:
  void addPage(quint64 ticket, const db9::control::RowsPage& page);
  void pageFailed(quint64 ticket, const QString& message);
  // The apply transaction committed: edits are dropped and rows reloaded.
  void applySucceeded();
  // It failed and rolled back: edits stay for the person to fix.
  void applyFailed(const QString& message);

 signals:
  void pageRequested(const db9::control::RowsRequest& request, quint64 ticket);
  void loadingChanged(bool loading);
  void loadFailed(const QString& message);
  void applyRequested(const db9::control::ExecuteRequest& request);
  void editsChanged();
  void applyFinished(bool ok, const QString& message);

 private:
  // Drops all rows and asks for the first page (at the start, or from the
  // end when `fromEnd`) under the current settings.
  void restart(bool fromEnd = false);
  void requestPage();
  // The order pages are asked in: the sort, the primary key completing it
  // (once known); and that order reversed, nullopt when there is none to
  // reverse (no primary key and no sort).
  std::vector<control::SortKey> fullOrder() const;
  std::optional<std::vector<control::SortKey>> reversedOrder() const;
  // True if the page just answered (`rows` long) says more rows follow it.
  bool morePages(const control::QueryResult& result) const;
  void dropRows();
  void resolveKeyColumns();
  RowKey keyOf(size_t loadedRow) const;
  // The value a cell shows: staged if changed, else loaded; for new rows
  // nullopt means DEFAULT.
  std::optional<CellValue> shownValue(int row, int column) const;
  bool isNewRow(int row) const { return row >= static_cast<int>(rows_.size()); }
  void emitRowChanged(int row);

  QString database_;
  QString schema_;
  QString table_;
  int pageSize_ = kDefaultPageSize;
  std::vector<control::SortKey> orderBy_;
  std::vector<control::RowFilter> filters_;

  std::vector<control::ResultColumn> columns_;
  // A deque: the tail grows at the front as earlier pages come in.
  std::deque<control::ResultRow> rows_;
  // Keyset cursor for the next page when the daemon gave one (at the tail:
  // for the page before, in the reversed order).
  std::optional<std::vector<std::optional<std::string>>> nextAfter_;
  bool fromEnd_ = false;     // rows_ is the table's tail, read backwards
  std::vector<control::SortKey> tailOrder_;  // the reversed order it is read in
  bool moreBefore_ = false;  // rows precede rows_.front() (only at the tail)
  bool moreAfter_ = false;   // rows follow rows_.back() (only from the start)
  bool failed_ = false;      // the last page failed: scrolling asks for no more
  quint64 nextTicket_ = 1;
  quint64 pendingTicket_ = 0;  // 0: nothing in flight

  std::vector<std::string> primaryKey_;
  std::vector<int> keyColumns_;  // indices of the key in columns_; empty if unknown
  StagedEdits edits_;
  bool applying_ = false;
};

}  // namespace db9::gui
