#include "gui/views/table_browser.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

#include "gui/models/rows_model.h"
#include "gui/models/table_schema_models.h"
#include "gui/services/control_service.h"
#include "gui/views/icons.h"
#include "gui/views/row_actions_bar.h"
#include "gui/views/staged_edits_prompt.h"
#include "gui/views/value_viewer.h"

namespace db9::gui {
namespace {

QString Q(const std::string& s) { return QString::fromStdString(s); }

QTableView* MakeGrid(QWidget* parent) {
  auto* view = new QTableView(parent);
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->setAlternatingRowColors(true);
  view->setWordWrap(false);
  view->horizontalHeader()->setStretchLastSection(true);
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
  return view;
}

bool OpTakesValue(const QString& op) { return !op.startsWith(QLatin1String("is ")); }

}  // namespace

TableBrowser::TableBrowser(ControlService* service, QWidget* parent)
    : QWidget(parent), service_(service) {
  tables_ = new TableListModel(this);
  tables_->setKindIcons(ActionIcon(QStringLiteral("table")), ActionIcon(QStringLiteral("view")));
  columns_ = new ColumnsModel(this);
  indexes_ = new IndexesModel(this);
  rows_ = new RowsModel(this);

  tableList_ = new QListView(this);
  tableList_->setObjectName(QStringLiteral("tableList"));
  tableList_->setModel(tables_);
  tableList_->setEditTriggers(QAbstractItemView::NoEditTriggers);

  // Rows tab: filter bar over the lazily loaded grid.
  auto* rowsPage = new QWidget(this);
  filterColumn_ = new QComboBox(rowsPage);
  filterColumn_->setObjectName(QStringLiteral("filterColumn"));
  filterColumn_->setMinimumContentsLength(12);
  filterOp_ = new QComboBox(rowsPage);
  filterOp_->setObjectName(QStringLiteral("filterOp"));
  for (const char* op : {"=", "<>", "<", "<=", ">", ">=", "like", "ilike", "is null", "is not null"}) {
    filterOp_->addItem(QString::fromLatin1(op));
  }
  filterValue_ = new QLineEdit(rowsPage);
  filterValue_->setObjectName(QStringLiteral("filterValue"));
  filterValue_->setPlaceholderText(tr("value (Enter to filter)"));
  filterValue_->setClearButtonEnabled(true);
  auto* apply = new QPushButton(ActionIcon(QStringLiteral("filter")), tr("Filter"), rowsPage);
  apply->setObjectName(QStringLiteral("applyFilter"));
  clearFilter_ = new QPushButton(tr("Clear"), rowsPage);
  clearFilter_->setEnabled(false);
  connect(apply, &QPushButton::clicked, this, &TableBrowser::applyFilter);
  connect(filterValue_, &QLineEdit::returnPressed, this, &TableBrowser::applyFilter);
  connect(clearFilter_, &QPushButton::clicked, this, &TableBrowser::clearFilter);
  connect(filterOp_, &QComboBox::currentTextChanged, this,
          [this](const QString& op) { filterValue_->setEnabled(OpTakesValue(op)); });

  auto* filterBar = new QHBoxLayout;
  filterBar->addWidget(new QLabel(tr("Where"), rowsPage));
  filterBar->addWidget(filterColumn_);
  filterBar->addWidget(filterOp_);
  filterBar->addWidget(filterValue_, 1);
  filterBar->addWidget(apply);
  filterBar->addWidget(clearFilter_);

  rowsView_ = MakeGrid(rowsPage);
  rowsView_->setObjectName(QStringLiteral("rowsView"));
  rowsView_->setModel(rows_);
  // Header clicks call RowsModel::sort, which re-queries the daemon in that
  // order; the indicator starts off because the first order is the key's.
  rowsView_->setSortingEnabled(true);
  rowsView_->horizontalHeader()->setSortIndicatorShown(false);
  connect(rowsView_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
          [this] { rowsView_->horizontalHeader()->setSortIndicatorShown(true); });
  // Editing starts like in a spreadsheet; RowsModel::flags allows it only
  // for tables with a primary key.
  rowsView_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
  rowsView_->setSelectionBehavior(QAbstractItemView::SelectItems);
  rowsView_->installEventFilter(this);
  connect(rowsView_->verticalScrollBar(), &QScrollBar::valueChanged, this, &TableBrowser::onScrolled);
  // The scroll bar spans the rows held, not the table (its size is not
  // known): its thumb dragged to the bottom and let go means the end.
  connect(rowsView_->verticalScrollBar(), &QScrollBar::sliderReleased, this, [this] {
    const QScrollBar* bar = rowsView_->verticalScrollBar();
    if (bar->value() == bar->maximum() && !rows_->isAtTail() && !rows_->isComplete()) jumpToEnd();
  });
  // Rows coming in above the first (the tail growing upwards) would push
  // what the person looks at down: scroll by as many rows.
  connect(rows_, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex&, int first) {
    topRowBeforeInsert_ = first == 0 && rows_->rowCount() > 0 ? rowsView_->rowAt(0) : -1;
  });
  connect(rows_, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
    if (topRowBeforeInsert_ < 0 || first != 0) return;
    rowsView_->doItemsLayout();  // the scroll range grows lazily; scrollTo needs it now
    rowsView_->scrollTo(rows_->index(topRowBeforeInsert_ + last - first + 1, 0), QAbstractItemView::PositionAtTop);
    topRowBeforeInsert_ = -1;
  });
  rowStatus_ = new QLabel(rowsPage);
  rowStatus_->setObjectName(QStringLiteral("rowStatus"));
  rowStatus_->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
  connect(rowStatus_, &QLabel::linkActivated, this, [this](const QString& link) {
    if (link == QLatin1String("end")) jumpToEnd();
    if (link == QLatin1String("start")) jumpToStart();
  });
  actionsBar_ = new RowActionsBar(rows_, rowsView_, service_, service_, rowsPage);
  viewer_ = new ValueViewer(rowsPage);
  viewer_->follow(rowsView_);
  auto* gridSplit = new QSplitter(rowsPage);
  gridSplit->addWidget(rowsView_);
  gridSplit->addWidget(viewer_);
  gridSplit->setStretchFactor(0, 3);
  gridSplit->setStretchFactor(1, 1);
  gridSplit->setSizes({520, 200});

  auto* rowsLayout = new QVBoxLayout(rowsPage);
  rowsLayout->setContentsMargins(0, 4, 0, 0);
  rowsLayout->addLayout(filterBar);
  rowsLayout->addWidget(gridSplit, 1);
  rowsLayout->addWidget(actionsBar_);
  rowsLayout->addWidget(rowStatus_);

  // Structure tab: columns over indexes.
  auto* structurePage = new QWidget(this);
  auto* columnsView = MakeGrid(structurePage);
  columnsView->setObjectName(QStringLiteral("columnsView"));
  columnsView->setModel(columns_);
  columnsView->verticalHeader()->hide();
  auto* indexesView = MakeGrid(structurePage);
  indexesView->setObjectName(QStringLiteral("indexesView"));
  indexesView->setModel(indexes_);
  indexesView->verticalHeader()->hide();
  auto* structureLayout = new QVBoxLayout(structurePage);
  structureLayout->setContentsMargins(0, 4, 0, 0);
  structureLayout->addWidget(new QLabel(tr("<b>Columns</b>"), structurePage));
  structureLayout->addWidget(columnsView, 2);
  structureLayout->addWidget(new QLabel(tr("<b>Indexes and keys</b>"), structurePage));
  structureLayout->addWidget(indexesView, 1);

  tabs_ = new QTabWidget(this);
  tabs_->addTab(rowsPage, ActionIcon(QStringLiteral("table")), tr("Rows"));
  tabs_->addTab(structurePage, tr("Structure"));

  auto* splitter = new QSplitter(this);
  splitter->addWidget(tableList_);
  splitter->addWidget(tabs_);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({180, 600});

  message_ = new QLabel(this);
  message_->setObjectName(QStringLiteral("browserMessage"));
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);
  stack_ = new QStackedWidget(this);
  stack_->addWidget(message_);
  stack_->addWidget(splitter);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(stack_);

  connect(tableList_->selectionModel(), &QItemSelectionModel::currentChanged, this,
          &TableBrowser::onTableSelected);
  connect(service_, &ControlService::tablesListed, this, &TableBrowser::onTables);
  connect(service_, &ControlService::tableDescribed, this, &TableBrowser::onDescribed);
  setRowsService(service_);
  connect(rows_, &RowsModel::loadingChanged, this, &TableBrowser::updateRowStatus);
  connect(rows_, &RowsModel::loadingChanged, this, [this](bool loading) {
    if (!loading) onRowsLoaded();
  });
  connect(rows_, &RowsModel::loadFailed, this,
          [this](const QString& message) { rowStatus_->setText(tr("Could not load rows: %1").arg(message)); });
  connect(service_, &ControlService::tablesFailed, this,
          [this](const QString& database, const QString& message, const QString& sqlstate) {
            if (database != database_) return;
            showMessage(sqlstate == QLatin1String("0A000")
                            ? tr("This daemon cannot browse tables yet.\n%1").arg(message)
                            : tr("Could not list the tables of %1:\n%2").arg(database, message));
          });
  showMessage(tr("Select a database to browse its tables."));
}

void TableBrowser::setDatabase(const QString& database) {
  if (database == database_) return;
  database_ = database;
  reload();
}

void TableBrowser::reload() {
  schema_.clear();
  table_.clear();
  tables_->setTables({});
  columns_->clear();
  indexes_->clear();
  rows_->clearTable();
  rowStatus_->clear();
  if (database_.isEmpty()) {
    showMessage(tr("Select a database to browse its tables."));
    return;
  }
  showMessage(tr("Loading the tables of %1…").arg(database_));
  service_->listTables(database_);
}

void TableBrowser::onTables(const QString& database, const std::vector<control::TableInfo>& tables) {
  if (database != database_) return;
  if (tables.empty()) {
    showMessage(tr("%1 has no tables yet.\nCreate some with psql, SQLAlchemy or any PostgreSQL "
                   "client, using the connection panel's details.")
                    .arg(database));
    return;
  }
  tables_->setTables(tables);
  stack_->setCurrentIndex(1);
  tableList_->setCurrentIndex(tables_->index(0));
  if (!wantedTable_.isEmpty()) selectTable(wantedTable_);
}

void TableBrowser::selectTable(const QString& name) {
  for (int row = 0; row < tables_->rowCount(); ++row) {
    if (tables_->index(row).data().toString() == name) {
      wantedTable_.clear();
      tableList_->setCurrentIndex(tables_->index(row));
      return;
    }
  }
  wantedTable_ = name;
}

void TableBrowser::onTableSelected() {
  const QModelIndex current = tableList_->currentIndex();
  if (!current.isValid()) return;
  if (current.data(TableListModel::TableRole).toString() == table_ &&
      current.data(TableListModel::SchemaRole).toString() == schema_) {
    return;  // back on the table shown (a refused switch)
  }
  const QPersistentModelIndex wanted(current);
  const auto reselect = [this](const QModelIndex& index) {
    // Queued: the list is in the middle of changing its current index.
    QMetaObject::invokeMethod(
        this, [this, index = QPersistentModelIndex(index)] { tableList_->setCurrentIndex(index); },
        Qt::QueuedConnection);
  };
  if (!settleEdits([reselect, wanted] { reselect(wanted); })) {
    // Stay on the table with the staged changes.
    for (int row = 0; row < tables_->rowCount(); ++row) {
      const QModelIndex index = tables_->index(row);
      if (index.data(TableListModel::TableRole).toString() == table_ &&
          index.data(TableListModel::SchemaRole).toString() == schema_) {
        reselect(index);
      }
    }
    return;
  }
  schema_ = current.data(TableListModel::SchemaRole).toString();
  table_ = current.data(TableListModel::TableRole).toString();
  columns_->clear();
  indexes_->clear();
  filterColumn_->clear();
  filterValue_->clear();
  clearFilter_->setEnabled(false);
  rowsView_->horizontalHeader()->setSortIndicatorShown(false);
  service_->describeTable(database_, schema_, table_);
  rows_->setTable(database_, schema_, table_);
}

void TableBrowser::onDescribed(const QString& database, const control::TableDescription& table) {
  if (database != database_ || Q(table.name) != table_ || Q(table.schema) != schema_) return;
  columns_->setDescription(table);
  indexes_->setDescription(table);
  rows_->setPrimaryKey(table.primary_key);
  filterColumn_->clear();
  for (const auto& column : table.columns) filterColumn_->addItem(Q(column.name));
}

bool TableBrowser::settleEdits(std::function<void()> retry) {
  if (!rows_->hasEdits()) return true;
  // An apply in flight decides by itself; its note says so meanwhile.
  if (rows_->isApplying()) return false;
  switch (AskAboutStagedEdits(this, table_, rows_->editCount())) {
    case StagedEditsChoice::kDiscard:
      rows_->discardEdits();
      return true;
    case StagedEditsChoice::kCancel:
      return false;
    case StagedEditsChoice::kApply:
      connect(
          rows_, &RowsModel::applyFinished, this,
          [retry = std::move(retry)](bool ok, const QString&) {
            if (ok) retry();
          },
          Qt::SingleShotConnection);
      rows_->applyEdits();
      return false;
  }
  return false;
}

void TableBrowser::setRowsService(ControlService* rows) {
  if (rowsService_) {
    disconnect(rows_, &RowsModel::pageRequested, rowsService_, nullptr);
    disconnect(rowsService_, &ControlService::rowsFetched, rows_, nullptr);
    disconnect(rowsService_, &ControlService::rowsFailed, rows_, nullptr);
  }
  rowsService_ = rows;
  connect(rows_, &RowsModel::pageRequested, rowsService_, &ControlService::fetchRows);
  connect(rowsService_, &ControlService::rowsFetched, rows_, &RowsModel::addPage);
  connect(rowsService_, &ControlService::rowsFailed, rows_, &RowsModel::pageFailed);
}

void TableBrowser::setWriteService(ControlService* writer) { actionsBar_->setWriter(writer); }

void TableBrowser::applyFilter() {
  const QString column = filterColumn_->currentText();
  if (column.isEmpty()) return;
  const QString op = filterOp_->currentText();
  std::optional<QString> value;
  if (OpTakesValue(op)) value = filterValue_->text();
  rows_->setFilter(column, op, value);
  clearFilter_->setEnabled(true);
}

void TableBrowser::clearFilter() {
  filterValue_->clear();
  rows_->setFilter({}, {}, std::nullopt);
  clearFilter_->setEnabled(false);
}

void TableBrowser::updateRowStatus() {
  const int loaded = rows_->rowCount();
  if (rows_->isLoading()) {
    rowStatus_->setText(tr("Loading rows…"));
  } else if (rows_->isComplete()) {
    rowStatus_->setText(tr("%n row(s)", nullptr, loaded));
  } else if (rows_->isAtTail()) {
    rowStatus_->setText(tr("The last %n row(s); scroll up for earlier ones, or "
                           "<a href=\"start\">go to the first rows</a> (Ctrl+Home)",
                           nullptr, loaded));
  } else {
    rowStatus_->setText(tr("%n row(s) loaded; scroll for more, or "
                           "<a href=\"end\">go to the last rows</a> (Ctrl+End)",
                           nullptr, loaded));
  }
}

void TableBrowser::jumpToEnd() {
  // Refused when the order cannot be reversed (no key, no sort): then the
  // last row held, and the view asks for the next page as usual.
  // The rows go while the page loads, and the current cell with them.
  jumpColumn_ = qMax(0, rowsView_->currentIndex().column());
  rows_->jumpToEnd();
  pendingJump_ = Jump::kEnd;
  if (!rows_->isLoading()) onRowsLoaded();
}

void TableBrowser::jumpToStart() {
  jumpColumn_ = qMax(0, rowsView_->currentIndex().column());
  rows_->jumpToStart();
  pendingJump_ = Jump::kStart;
  if (!rows_->isLoading()) onRowsLoaded();
}

void TableBrowser::onRowsLoaded() {
  const Jump jump = std::exchange(pendingJump_, Jump::kNone);
  const int rows = rows_->rowCount();
  const int column = qMin(jumpColumn_, rows_->columnCount() - 1);
  if (jump == Jump::kEnd && rows > 0) {
    rowsView_->setCurrentIndex(rows_->index(rows - 1, column));
    rowsView_->scrollToBottom();
  } else if (jump == Jump::kStart && rows > 0) {
    rowsView_->setCurrentIndex(rows_->index(0, column));
    rowsView_->scrollToTop();
  }
  // A tail shorter than the grid has no scroll bar to reach the top with.
  // (The header's length is current at once; the scroll bar's range is not.)
  if (rows_->canFetchEarlier() && rowsView_->verticalHeader()->length() < rowsView_->viewport()->height()) {
    rows_->fetchEarlier();
  }
}

void TableBrowser::onScrolled(int value) {
  if (value == rowsView_->verticalScrollBar()->minimum() && rows_->canFetchEarlier()) {
    rows_->fetchEarlier();
  }
}

bool TableBrowser::eventFilter(QObject* watched, QEvent* event) {
  if (watched == rowsView_ && event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() == Qt::ControlModifier && key->key() == Qt::Key_End) {
      jumpToEnd();
      return true;
    }
    if (key->modifiers() == Qt::ControlModifier && key->key() == Qt::Key_Home) {
      jumpToStart();
      return true;
    }
  }
  return QWidget::eventFilter(watched, event);
}

void TableBrowser::showMessage(const QString& text) {
  message_->setText(text);
  stack_->setCurrentIndex(0);
}

}  // namespace db9::gui
