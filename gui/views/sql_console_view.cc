#include "gui/views/sql_console_view.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QVBoxLayout>

#include "gui/models/export_writer.h"
#include "gui/models/result_grid_model.h"
#include "gui/models/sql_console.h"
#include "gui/models/statement_history.h"
#include "gui/views/icons.h"
#include "gui/views/value_viewer.h"

namespace db9::gui {

SqlConsoleView::SqlConsoleView(SqlConsole* console, QWidget* parent)
    : QWidget(parent), console_(console) {
  editor_ = new QPlainTextEdit(this);
  editor_->setObjectName(QStringLiteral("sqlEditor"));
  editor_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  editor_->setPlaceholderText(tr("SELECT … — Ctrl+Enter runs the selection, or everything"));
  editor_->setTabChangesFocus(true);
  // An edit makes the old error mark wrong.
  connect(editor_, &QPlainTextEdit::textChanged, this, [this] {
    if (errorIndex_ >= 0) markError(-1);
  });

  runButton_ = new QPushButton(ActionIcon(QStringLiteral("start")), tr("Run"), this);
  runButton_->setObjectName(QStringLiteral("runButton"));
  runButton_->setToolTip(tr("Run (Ctrl+Enter)"));
  cancelButton_ = new QPushButton(tr("Cancel"), this);
  cancelButton_->setObjectName(QStringLiteral("cancelButton"));
  cancelButton_->setEnabled(false);
  exportButton_ = new QPushButton(tr("Export…"), this);
  exportButton_->setObjectName(QStringLiteral("exportResultButton"));
  exportButton_->setEnabled(false);
  history_ = new QComboBox(this);
  history_->setObjectName(QStringLiteral("historyCombo"));
  history_->setMinimumContentsLength(28);
  history_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  history_->setToolTip(tr("Statements run before"));
  connect(runButton_, &QPushButton::clicked, this, &SqlConsoleView::run);
  connect(cancelButton_, &QPushButton::clicked, console_, &SqlConsole::cancel);
  connect(exportButton_, &QPushButton::clicked, this, &SqlConsoleView::exportResult);
  connect(history_, &QComboBox::activated, this, [this](int row) {
    if (row <= 0) return;  // the "History" caption
    editor_->setPlainText(history_->itemData(row).toString());
    history_->setCurrentIndex(0);
    editor_->setFocus();
  });
  for (auto key : {Qt::CTRL | Qt::Key_Return, Qt::CTRL | Qt::Key_Enter}) {
    auto* shortcut = new QShortcut(QKeySequence(key), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &SqlConsoleView::run);
  }

  auto* bar = new QHBoxLayout;
  bar->addWidget(runButton_);
  bar->addWidget(cancelButton_);
  bar->addWidget(history_, 1);
  bar->addWidget(exportButton_);

  status_ = new QLabel(tr("Select a database, write SQL, press Ctrl+Enter."), this);
  status_->setObjectName(QStringLiteral("consoleStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  grid_ = new QTableView(this);
  grid_->setObjectName(QStringLiteral("consoleGrid"));
  grid_->setModel(console_->grid());
  grid_->setAlternatingRowColors(true);
  grid_->setWordWrap(false);
  grid_->verticalHeader()->setDefaultSectionSize(grid_->fontMetrics().height() + 8);
  grid_->horizontalHeader()->setStretchLastSection(true);
  viewer_ = new ValueViewer(this);
  viewer_->follow(grid_);
  connect(console_->grid(), &QAbstractItemModel::modelReset, this, [this] {
    grid_->resizeColumnsToContents();
    for (int c = 0; c < grid_->model()->columnCount(); ++c) {
      grid_->setColumnWidth(c, std::min(grid_->columnWidth(c), 320));
    }
  });

  auto* results = new QSplitter(this);
  results->addWidget(grid_);
  results->addWidget(viewer_);
  results->setStretchFactor(0, 3);
  results->setStretchFactor(1, 1);

  auto* lower = new QWidget(this);
  auto* lowerLayout = new QVBoxLayout(lower);
  lowerLayout->setContentsMargins(0, 0, 0, 0);
  lowerLayout->addLayout(bar);
  lowerLayout->addWidget(status_);
  lowerLayout->addWidget(results, 1);

  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(editor_);
  split->addWidget(lower);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 4, 0, 0);
  layout->addWidget(split);

  connect(console_, &SqlConsole::runningChanged, this, &SqlConsoleView::onRunning);
  connect(console_, &SqlConsole::finished, this, &SqlConsoleView::onFinished);
  connect(console_, &SqlConsole::failed, this, &SqlConsoleView::onFailed);
  if (console_->history()) {
    connect(console_->history(), &StatementHistory::changed, this, &SqlConsoleView::refreshHistory);
  }
  refreshHistory();
  status_->setText(tr("Select a database to run SQL in it."));
  runButton_->setEnabled(false);
}

void SqlConsoleView::setDatabase(const QString& database) {
  const bool changed = database != console_->database();
  console_->setDatabase(database);
  runButton_->setEnabled(!database.isEmpty() && !console_->isRunning());
  if (console_->isRunning() || !changed) return;
  // A result or error from another database would mislead: start clean.
  status_->setStyleSheet({});
  console_->grid()->clear();
  exportButton_->setEnabled(false);
  markError(-1);
  status_->setText(database.isEmpty()
                       ? tr("Select a database to run SQL in it.")
                       : tr("In %1: Ctrl+Enter runs the selection, or everything.").arg(database));
}

QString SqlConsoleView::statusText() const { return status_->text(); }

void SqlConsoleView::run() {
  if (console_->isRunning() || console_->database().isEmpty()) return;
  QTextCursor cursor = editor_->textCursor();
  QString text;
  if (cursor.hasSelection()) {
    runOffset_ = cursor.selectionStart();
    // QTextCursor uses U+2029 for line breaks in selections.
    text = cursor.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
  } else {
    runOffset_ = 0;
    text = editor_->toPlainText();
  }
  if (text.trimmed().isEmpty()) return;
  markError(-1);
  console_->run(text);
}

void SqlConsoleView::onRunning(bool running) {
  runButton_->setEnabled(!running && !console_->database().isEmpty());
  cancelButton_->setEnabled(running);
  if (running) status_->setText(tr("Running… (Cancel stops it)"));
}

void SqlConsoleView::onFinished(const QString& summary) {
  status_->setStyleSheet({});
  status_->setText(summary);
  exportButton_->setEnabled(console_->grid()->columnCount() > 0);
}

void SqlConsoleView::onFailed(const QString& message, const QString& sqlstate, int index) {
  status_->setStyleSheet(QStringLiteral("color: #dc2626;"));
  QString where;
  if (index >= 0) {
    markError(runOffset_ + index);
    const QTextBlock block = editor_->document()->findBlock(runOffset_ + index);
    where = tr(" at line %1, column %2")
                .arg(block.blockNumber() + 1)
                .arg(runOffset_ + index - block.position() + 1);
  }
  status_->setText(tr("ERROR %1%2: %3").arg(sqlstate, where, message));
  console_->grid()->clear();
  exportButton_->setEnabled(false);
}

void SqlConsoleView::markError(int index) {
  errorIndex_ = index;
  QList<QTextEdit::ExtraSelection> marks;
  if (index >= 0 && index < editor_->document()->characterCount()) {
    // Underline from the spot to the end of its word: PostgreSQL points at
    // the token's start.
    QTextCursor cursor(editor_->document());
    cursor.setPosition(index);
    cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
    if (!cursor.hasSelection()) cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
    QTextEdit::ExtraSelection mark;
    mark.cursor = cursor;
    mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    mark.format.setUnderlineColor(QColor(QStringLiteral("#dc2626")));
    mark.format.setBackground(QColor(220, 38, 38, 50));
    marks << mark;
    QTextCursor caret(editor_->document());
    caret.setPosition(index);
    const QSignalBlocker block(editor_);
    editor_->setTextCursor(caret);
  }
  editor_->setExtraSelections(marks);
}

void SqlConsoleView::refreshHistory() {
  history_->clear();
  history_->addItem(tr("History"));
  if (!console_->history()) return;
  for (const QString& statement : console_->history()->entries()) {
    QString line = statement.simplified();
    if (line.size() > 80) line = line.left(80) + QStringLiteral("…");
    history_->addItem(line, statement);
  }
}

void SqlConsoleView::exportResult() {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export result"), QStringLiteral("result.csv"),
      tr("CSV (*.csv);;JSON (*.json)"));
  if (path.isEmpty()) return;
  // The result is already in memory (at most SqlConsole::kMaxRows rows).
  QSaveFile file(path);
  bool ok = file.open(QIODevice::WriteOnly);
  if (ok) {
    ExportWriter writer(&file, ExportWriter::FormatForPath(path));
    writer.begin(console_->grid()->result().columns);
    writer.writeRows(console_->grid()->result().rows);
    writer.finish();
    ok = writer.ok() && file.commit();
  }
  if (!ok) {
    QMessageBox::warning(this, tr("Export result"), tr("Could not write %1: %2").arg(path, file.errorString()));
  } else {
    status_->setText(tr("Exported %n row(s) to %1", nullptr, console_->grid()->rowCount()).arg(path));
  }
}

}  // namespace db9::gui
