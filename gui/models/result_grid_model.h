// ResultGridModel: one statement's result from the SQL console (a
// control::QueryResult, already bounded by db.sql's max_rows) as a read-only
// table. Cells are formatted like the table browser's (cell_format.h).
#pragma once

#include <QAbstractTableModel>

#include "shared/control/types.h"

namespace db9::gui {

class ResultGridModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  explicit ResultGridModel(QObject* parent = nullptr);

  void setResult(control::QueryResult result);
  void clear();
  const control::QueryResult& result() const { return result_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  control::QueryResult result_;
};

}  // namespace db9::gui
