// RowActionsBar: the strip under the rows grid — staging edits (Add row,
// Delete, Set NULL), Apply / Discard of what is staged (while an apply runs:
// a busy bar and Cancel, which stops it through db.cancel — it rolls back
// and the edits stay), and Export of the
// rows under the current order and filter (RowsExporter, page by page). Its
// note says what is staged, why a table is read-only (no primary key), or
// why an apply failed (the database's error; the edits stay).
#pragma once

#include <QWidget>

#include "shared/control/types.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace db9::gui {

class ControlService;
class RowsExporter;
class RowsModel;

class RowActionsBar : public QWidget {
  Q_OBJECT
 public:
  // `writer` runs the apply transaction (a service with a long call timeout);
  // `socketSource` tells exports which daemon to read from.
  RowActionsBar(RowsModel* rows, QTableView* grid, ControlService* writer,
                ControlService* socketSource, QWidget* parent = nullptr);

  QString noteText() const;
  void setWriter(ControlService* writer) { writer_ = writer; }
  // Exports without asking for a file name (tests, and the dialog's answer).
  void exportTo(const QString& path);
  RowsExporter* exporter() const { return exporter_; }

 public slots:
  void addRow();
  void deleteSelectedRows();
  void setSelectedNull();
  void exportRows();
  // Stops the apply in flight (db.cancel through the other service).
  void cancelApply();

 private:
  void update();
  void runApply(const control::ExecuteRequest& request);

  RowsModel* rows_;
  QTableView* grid_;
  ControlService* writer_;
  ControlService* socketSource_;
  RowsExporter* exporter_ = nullptr;
  QPushButton* add_;
  QPushButton* delete_;
  QPushButton* setNull_;
  QPushButton* apply_;
  QPushButton* discard_;
  QPushButton* export_;
  QProgressBar* applyProgress_;
  QPushButton* cancelApply_;
  QLabel* note_;
  QString applyKey_;  // the running apply's cancel key; empty when none runs
  bool cancelling_ = false;
  QString cancelNote_;  // why Cancel did not stop the running apply
  QString applyError_;
  QString exportNote_;
};

}  // namespace db9::gui
