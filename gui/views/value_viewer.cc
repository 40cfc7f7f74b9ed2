#include "gui/views/value_viewer.h"

#include <QAbstractItemView>
#include <QFontDatabase>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "gui/models/cell_format.h"
#include "gui/models/json_pretty.h"

namespace db9::gui {

ValueViewer::ValueViewer(QWidget* parent) : QWidget(parent) {
  title_ = new QLabel(tr("Select a cell to see its value whole."), this);
  title_->setObjectName(QStringLiteral("valueTitle"));
  title_->setWordWrap(true);
  text_ = new QPlainTextEdit(this);
  text_->setObjectName(QStringLiteral("valueText"));
  text_->setReadOnly(true);
  text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  text_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(title_);
  layout->addWidget(text_, 1);
}

void ValueViewer::follow(QAbstractItemView* view) {
  for (const auto& c : connections_) disconnect(c);
  connections_.clear();
  view_ = view;
  if (!view_ || !view_->selectionModel() || !view_->model()) return;
  auto refresh = [this] { showIndex(view_->currentIndex()); };
  connections_ << connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
                          [this](const QModelIndex& current) { showIndex(current); });
  // A new result or an edited cell changes what the current index holds
  // without moving it.
  connections_ << connect(view_->model(), &QAbstractItemModel::modelReset, this, refresh);
  connections_ << connect(view_->model(), &QAbstractItemModel::dataChanged, this, refresh);
  showIndex(view_->currentIndex());
}

QString ValueViewer::shownText() const { return text_->toPlainText(); }

void ValueViewer::showIndex(const QModelIndex& index) {
  if (!index.isValid()) {
    title_->setText(tr("Select a cell to see its value whole."));
    text_->clear();
    return;
  }
  const QAbstractItemModel* model = index.model();
  const QString column = model->headerData(index.column(), Qt::Horizontal).toString();
  const QString type = model->headerData(index.column(), Qt::Horizontal, Qt::ToolTipRole).toString();
  // The row as the grid labels it (counted from the end at a table's tail).
  const QString row = model->headerData(index.row(), Qt::Vertical).toString();
  title_->setText(tr("<b>%1</b> <span style='color:gray'>%2 · row %3</span>")
                      .arg(column.toHtmlEscaped(), type.toHtmlEscaped(), row.toHtmlEscaped()));
  if (index.data(kIsNullRole).toBool()) {
    text_->setPlainText(QStringLiteral("NULL"));
    return;
  }
  const QString value = index.data(Qt::EditRole).toString();
  text_->setPlainText(IsJsonType(type.toStdString()) ? PrettyJson(value) : value);
}

}  // namespace db9::gui
