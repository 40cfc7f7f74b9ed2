#include "gui/views/size_chart_view.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "gui/models/database_list_model.h"

namespace db9::gui {
namespace {

struct Unit {
  double divisor;
  const char* name;
};

// The unit that keeps the largest bar between 1 and 1000.
Unit UnitFor(uint64_t largest) {
  if (largest >= 1'000'000'000ULL) return {1e9, "GB"};
  if (largest >= 1'000'000ULL) return {1e6, "MB"};
  if (largest >= 1'000ULL) return {1e3, "kB"};
  return {1.0, "bytes"};
}

}  // namespace

SizeChartView::SizeChartView(DatabaseListModel* model, QWidget* parent)
    : QWidget(parent), model_(model) {
  chart_ = new QChart;
  chart_->setTitle(tr("Size on disk"));
  chart_->legend()->hide();
  chart_->setAnimationOptions(QChart::NoAnimation);
  view_ = new QChartView(chart_, this);
  view_->setObjectName(QStringLiteral("sizeChart"));
  view_->setRenderHint(QPainter::Antialiasing);
  empty_ = new QLabel(tr("No databases to chart yet."), this);
  empty_->setAlignment(Qt::AlignCenter);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_, 1);
  layout->addWidget(empty_, 1);
  connect(model_, &DatabaseListModel::databasesChanged, this, &SizeChartView::rebuild);
  connect(model_, &QAbstractItemModel::modelReset, this, &SizeChartView::rebuild);
  rebuild();
}

void SizeChartView::setDark(bool dark) {
  chart_->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
  rebuild();  // a theme change resets series colours
}

void SizeChartView::rebuild() {
  chart_->removeAllSeries();
  for (QAbstractAxis* axis : chart_->axes()) {
    chart_->removeAxis(axis);
    delete axis;
  }
  auto databases = model_->databases();
  const bool empty = databases.empty();
  view_->setVisible(!empty);
  empty_->setVisible(empty);
  if (empty) return;

  std::sort(databases.begin(), databases.end(),
            [](const auto& a, const auto& b) { return a.size_bytes > b.size_bytes; });
  uint64_t others = 0;
  int otherCount = 0;
  if (databases.size() > static_cast<size_t>(kMaxBars)) {
    for (size_t i = kMaxBars - 1; i < databases.size(); ++i) others += databases[i].size_bytes;
    otherCount = static_cast<int>(databases.size()) - (kMaxBars - 1);
    databases.resize(kMaxBars - 1);
  }
  const Unit unit = UnitFor(std::max<uint64_t>(databases.front().size_bytes, others));

  auto* set = new QBarSet(tr("Size"));
  set->setColor(QColor(QStringLiteral("#3b82f6")));
  QStringList categories;
  // A horizontal bar chart draws its first category at the bottom: add the
  // smallest first so the biggest database is on top.
  if (otherCount > 0) {
    *set << others / unit.divisor;
    categories << tr("%n other(s)", nullptr, otherCount);
  }
  for (auto it = databases.rbegin(); it != databases.rend(); ++it) {
    *set << it->size_bytes / unit.divisor;
    categories << QString::fromStdString(it->name);
  }
  set->setLabelColor(chart_->theme() == QChart::ChartThemeDark ? Qt::white : Qt::black);

  auto* series = new QHorizontalBarSeries;
  series->append(set);
  series->setLabelsVisible(true);
  series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
  series->setLabelsFormat(QStringLiteral("@value ") + QString::fromLatin1(unit.name));
  series->setLabelsPrecision(3);
  chart_->addSeries(series);

  auto* names = new QBarCategoryAxis;
  names->append(categories);
  chart_->addAxis(names, Qt::AlignLeft);
  series->attachAxis(names);

  auto* sizes = new QValueAxis;
  sizes->setTitleText(QString::fromLatin1(unit.name));
  sizes->setMin(0);
  double largest = 0;
  for (int i = 0; i < set->count(); ++i) largest = std::max(largest, set->at(i));
  // Head room for the value labels outside the bars.
  sizes->setMax(largest > 0 ? largest * 1.2 : 1);
  sizes->applyNiceNumbers();
  sizes->setLabelFormat(QStringLiteral("%g"));
  chart_->addAxis(sizes, Qt::AlignBottom);
  series->attachAxis(sizes);
}

}  // namespace db9::gui
