#include "gui/views/database_list_view.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "gui/models/database_list_model.h"

namespace db9::gui {

DatabaseListView::DatabaseListView(DatabaseListModel* model, QWidget* parent)
    : QWidget(parent), model_(model) {
  proxy_ = new QSortFilterProxyModel(this);
  proxy_->setSourceModel(model_);
  proxy_->setSortRole(DatabaseListModel::SortRole);
  proxy_->setFilterKeyColumn(DatabaseListModel::kName);
  proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);

  filter_ = new QLineEdit(this);
  filter_->setObjectName(QStringLiteral("databaseFilter"));
  filter_->setPlaceholderText(tr("Filter databases"));
  filter_->setClearButtonEnabled(true);
  connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);

  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("databaseTable"));
  table_->setModel(proxy_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setSortingEnabled(true);
  table_->sortByColumn(DatabaseListModel::kName, Qt::AscendingOrder);
  table_->setAlternatingRowColors(true);
  table_->setShowGrid(false);
  table_->setWordWrap(false);
  table_->verticalHeader()->hide();
  // The name takes what the numbers leave; they are as wide as their text.
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(DatabaseListModel::kName, QHeaderView::Stretch);
  table_->horizontalHeader()->setHighlightSections(false);
  table_->setContextMenuPolicy(Qt::ActionsContextMenu);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);

  emptyHint_ = new QLabel(this);
  emptyHint_->setAlignment(Qt::AlignCenter);
  emptyHint_->setObjectName(QStringLiteral("emptyHint"));

  stack_ = new QStackedWidget(this);
  stack_->addWidget(table_);
  stack_->addWidget(emptyHint_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(filter_);
  layout->addWidget(stack_, 1);

  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &DatabaseListView::emitCurrent);
  // Rows removed (a delete, or the daemon went away) can move the current row
  // without a currentRowChanged carrying a new name.
  connect(model_, &DatabaseListModel::databasesChanged, this, [this] {
    updateEmptyState();
    emitCurrent();
  });
  connect(model_, &QAbstractItemModel::modelReset, this, &DatabaseListView::updateEmptyState);
  connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
    emit databaseActivated(index.data(DatabaseListModel::NameRole).toString());
  });
  updateEmptyState();
}

QString DatabaseListView::currentDatabase() const {
  const QModelIndex current = table_->selectionModel()->currentIndex();
  if (!current.isValid() || !table_->selectionModel()->isRowSelected(current.row(), {})) {
    return {};
  }
  return current.data(DatabaseListModel::NameRole).toString();
}

bool DatabaseListView::selectDatabase(const QString& name) {
  const int sourceRow = model_->rowOf(name);
  if (sourceRow < 0) return false;
  const QModelIndex index = proxy_->mapFromSource(model_->index(sourceRow, 0));
  if (!index.isValid()) return false;  // hidden by the filter
  table_->selectionModel()->setCurrentIndex(
      index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  table_->scrollTo(index);
  return true;
}

void DatabaseListView::setContextActions(const QList<QAction*>& actions) {
  table_->addActions(actions);
}

void DatabaseListView::focusFilter() {
  filter_->setFocus();
  filter_->selectAll();
}

void DatabaseListView::setEmptyText(const QString& html) { emptyHint_->setText(html); }

void DatabaseListView::updateEmptyState() {
  stack_->setCurrentWidget(model_->rowCount() == 0 ? static_cast<QWidget*>(emptyHint_) : table_);
  filter_->setEnabled(model_->rowCount() > 0);
}

void DatabaseListView::emitCurrent() {
  const QString name = currentDatabase();
  if (name == lastEmitted_) return;
  lastEmitted_ = name;
  emit currentDatabaseChanged(name);
}

}  // namespace db9::gui
