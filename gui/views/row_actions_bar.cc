#include "gui/views/row_actions_bar.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QUuid>

#include <set>

#include "gui/models/rows_model.h"
#include "gui/models/sql_console.h"
#include "gui/services/control_service.h"
#include "gui/services/rows_exporter.h"
#include "gui/views/icons.h"
#include "shared/control/client.h"

namespace db9::gui {

RowActionsBar::RowActionsBar(RowsModel* rows, QTableView* grid, ControlService* writer,
                             ControlService* socketSource, QWidget* parent)
    : QWidget(parent), rows_(rows), grid_(grid), writer_(writer), socketSource_(socketSource) {
  add_ = new QPushButton(ActionIcon(QStringLiteral("add")), tr("Add row"), this);
  add_->setObjectName(QStringLiteral("addRowButton"));
  delete_ = new QPushButton(ActionIcon(QStringLiteral("delete")), tr("Delete"), this);
  delete_->setObjectName(QStringLiteral("deleteRowsButton"));
  delete_->setToolTip(tr("Mark the selected rows for deletion (again: unmark)"));
  setNull_ = new QPushButton(tr("Set NULL"), this);
  setNull_->setObjectName(QStringLiteral("setNullButton"));
  apply_ = new QPushButton(ActionIcon(QStringLiteral("check")), tr("Apply"), this);
  apply_->setObjectName(QStringLiteral("applyEditsButton"));
  apply_->setToolTip(tr("Write the staged changes in one transaction"));
  discard_ = new QPushButton(tr("Discard"), this);
  discard_->setObjectName(QStringLiteral("discardEditsButton"));
  export_ = new QPushButton(tr("Export…"), this);
  export_->setObjectName(QStringLiteral("exportRowsButton"));
  export_->setToolTip(tr("Write the rows under this order and filter to CSV or JSON"));
  applyProgress_ = new QProgressBar(this);
  applyProgress_->setObjectName(QStringLiteral("applyProgress"));
  applyProgress_->setRange(0, 0);  // busy: the daemon reports no progress within a transaction
  applyProgress_->setFixedWidth(apply_->sizeHint().width());
  applyProgress_->setTextVisible(false);
  applyProgress_->hide();
  cancelApply_ = new QPushButton(tr("Cancel"), this);
  cancelApply_->setObjectName(QStringLiteral("cancelApplyButton"));
  cancelApply_->setToolTip(tr("Stop the apply; the database rolls it back and your edits stay"));
  cancelApply_->setMinimumWidth(discard_->sizeHint().width());
  cancelApply_->hide();
  note_ = new QLabel(this);
  note_->setObjectName(QStringLiteral("editNote"));
  note_->setWordWrap(true);
  note_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  // Buttons on one line, the note under them at full width: a database
  // error can be long.
  auto* buttons = new QHBoxLayout;
  for (QPushButton* b : {add_, delete_, setNull_}) buttons->addWidget(b);
  buttons->addSpacing(12);
  buttons->addWidget(apply_);
  buttons->addWidget(discard_);
  buttons->addWidget(applyProgress_);
  buttons->addWidget(cancelApply_);
  buttons->addStretch(1);
  buttons->addWidget(export_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addLayout(buttons);
  layout->addWidget(note_);

  connect(add_, &QPushButton::clicked, this, &RowActionsBar::addRow);
  connect(delete_, &QPushButton::clicked, this, &RowActionsBar::deleteSelectedRows);
  connect(setNull_, &QPushButton::clicked, this, &RowActionsBar::setSelectedNull);
  connect(apply_, &QPushButton::clicked, rows_, &RowsModel::applyEdits);
  connect(discard_, &QPushButton::clicked, rows_, &RowsModel::discardEdits);
  connect(export_, &QPushButton::clicked, this, &RowActionsBar::exportRows);
  connect(cancelApply_, &QPushButton::clicked, this, &RowActionsBar::cancelApply);
  connect(socketSource_, &ControlService::cancelAnswered, this,
          [this](const QString& key, bool cancelled) {
            // Not cancelled while still running: the daemon did not know the key.
            if (key != applyKey_ || cancelled) return;
            cancelling_ = false;
            cancelNote_ = tr("The daemon could not stop this apply; it ends when the database answers.");
            update();
          });
  connect(rows_, &RowsModel::editsChanged, this, [this] {
    // An apply's error is about the edits it tried; once none are staged
    // (discarded, or another table) it is old news.
    if (!rows_->hasEdits()) applyError_.clear();
    update();
  });
  connect(rows_, &QAbstractItemModel::modelReset, this, &RowActionsBar::update);
  connect(rows_, &RowsModel::applyRequested, this, &RowActionsBar::runApply);
  connect(rows_, &RowsModel::applyFinished, this, [this](bool ok, const QString& message) {
    applyError_ = ok ? QString() : message;
    update();
  });
  update();
}

QString RowActionsBar::noteText() const { return note_->text(); }

void RowActionsBar::runApply(const control::ExecuteRequest& request) {
  // The request is the model's; the database's answer goes back to it.
  applyKey_ = QUuid::createUuid().toString(QUuid::WithoutBraces);
  cancelling_ = false;
  cancelNote_.clear();
  update();
  writer_->run<control::SqlResult>(
      [request, key = applyKey_.toStdString()](control::Client& c) {
        return ExecuteCancellable(c, request, key);
      },
      [bar = QPointer<RowActionsBar>(this), rows = QPointer<RowsModel>(rows_)](
          const Result<control::SqlResult>& r) {
        if (bar) {
          bar->applyKey_.clear();
          bar->cancelling_ = false;
        }
        if (!rows) return;
        if (r.ok()) {
          rows->applySucceeded();
        } else if (r.status().sqlstate() == "57014") {
          rows->applyFailed(tr("cancelled; the database rolled it back"));
        } else {
          rows->applyFailed(DescribeError(r.status()));
        }
      });
}

void RowActionsBar::cancelApply() {
  if (applyKey_.isEmpty() || cancelling_) return;
  cancelling_ = true;
  socketSource_->cancelSql(applyKey_);
  update();
}

void RowActionsBar::update() {
  const bool hasTable = !rows_->table().isEmpty();
  const bool editable = rows_->isEditable();
  const bool staged = rows_->hasEdits();
  add_->setEnabled(editable);
  delete_->setEnabled(editable);
  setNull_->setEnabled(editable);
  apply_->setEnabled(editable && staged);
  discard_->setEnabled(staged && !rows_->isApplying());
  // While an apply runs, its progress and Cancel take Apply's and Discard's
  // place (same width: the bar's layout does not jump).
  const bool running = !applyKey_.isEmpty();
  apply_->setVisible(!running);
  discard_->setVisible(!running);
  applyProgress_->setVisible(running);
  cancelApply_->setVisible(running);
  cancelApply_->setEnabled(running && !cancelling_);
  export_->setEnabled(hasTable && !(exporter_ && exporter_->isRunning()));
  note_->setStyleSheet({});
  if (!hasTable) {
    note_->clear();
  } else if (rows_->isApplying()) {
    note_->setText(cancelling_              ? tr("Cancelling…")
                   : !cancelNote_.isEmpty() ? cancelNote_
                                            : tr("Applying… (Cancel stops it and keeps your edits)"));
  } else if (!applyError_.isEmpty()) {
    note_->setStyleSheet(QStringLiteral("color: #dc2626;"));
    note_->setText(tr("Not applied, nothing changed: %1").arg(applyError_));
  } else if (staged) {
    note_->setText(tr("%n row(s) changed, not yet applied", nullptr, rows_->editCount()));
  } else if (!exportNote_.isEmpty()) {
    note_->setText(exportNote_);
  } else if (!rows_->hasPrimaryKey() && rows_->columnCount() > 0) {
    note_->setText(tr("Read-only: this table has no primary key to address its rows by."));
  } else {
    note_->clear();
  }
}

void RowActionsBar::addRow() {
  const int row = rows_->addRow();
  if (row < 0) return;
  grid_->scrollToBottom();
  grid_->setCurrentIndex(rows_->index(row, 0));
}

void RowActionsBar::deleteSelectedRows() {
  std::set<int> rows;
  for (const QModelIndex& index : grid_->selectionModel()->selectedIndexes()) rows.insert(index.row());
  if (rows.empty() && grid_->currentIndex().isValid()) rows.insert(grid_->currentIndex().row());
  rows_->toggleDeleted(QList<int>(rows.begin(), rows.end()));
}

void RowActionsBar::setSelectedNull() {
  QModelIndexList cells = grid_->selectionModel()->selectedIndexes();
  if (cells.isEmpty() && grid_->currentIndex().isValid()) cells << grid_->currentIndex();
  for (const QModelIndex& index : cells) rows_->setNull(index);
}

void RowActionsBar::exportRows() {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export rows"), rows_->table() + QStringLiteral(".csv"), tr("CSV (*.csv);;JSON (*.json)"));
  if (!path.isEmpty()) exportTo(path);
}

void RowActionsBar::exportTo(const QString& path) {
  if (exporter_ && exporter_->isRunning()) return;
  if (exporter_ && exporter_->socketPath() != socketSource_->socketPath()) {
    delete exporter_;  // the app moved to another daemon
    exporter_ = nullptr;
  }
  if (!exporter_) {
    exporter_ = new RowsExporter(socketSource_->socketPath(), this);
    connect(exporter_, &RowsExporter::progress, this, [this](qint64 rows) {
      exportNote_ = tr("Exporting… %n row(s) written", nullptr, static_cast<int>(rows));
      update();
    });
    connect(exporter_, &RowsExporter::finished, this,
            [this](bool ok, qint64 rows, const QString& message) {
              exportNote_ = ok ? tr("Exported %n row(s)", nullptr, static_cast<int>(rows))
                               : tr("Export failed: %1").arg(message);
              update();
            });
  }
  exportNote_ = tr("Exporting…");
  exporter_->start(rows_->currentRequest(), path, ExportWriter::FormatForPath(path));
  update();
}

}  // namespace db9::gui
