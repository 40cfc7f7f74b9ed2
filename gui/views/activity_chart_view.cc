#include "gui/views/activity_chart_view.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

#include "gui/models/activity_history.h"

namespace db9::gui {
namespace {

QChart* MakeChart(const QString& title) {
  auto* chart = new QChart;
  chart->setTitle(title);
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->legend()->setAlignment(Qt::AlignBottom);
  return chart;
}

void ClearChart(QChart* chart) {
  chart->removeAllSeries();
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
}

// The databases worth a line: the biggest in the latest sample.
std::vector<std::string> Chosen(const ActivitySample& latest, size_t count) {
  std::vector<std::pair<uint64_t, std::string>> bySize;
  for (const auto& [name, db] : latest.databases) bySize.emplace_back(db.sizeBytes, name);
  std::sort(bySize.begin(), bySize.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> names;
  for (size_t i = 0; i < bySize.size() && i < count; ++i) names.push_back(bySize[i].second);
  return names;
}

void AddTimeAxis(QChart* chart, qint64 firstMs, qint64 lastMs) {
  auto* axis = new QDateTimeAxis;
  axis->setFormat(QStringLiteral("HH:mm:ss"));
  axis->setTickCount(4);
  // One sample still gets a visible span.
  axis->setRange(QDateTime::fromMSecsSinceEpoch(firstMs),
                 QDateTime::fromMSecsSinceEpoch(std::max(lastMs, firstMs + 60000)));
  chart->addAxis(axis, Qt::AlignBottom);
}

}  // namespace

ActivityChartView::ActivityChartView(ActivityHistory* history, QWidget* parent)
    : QWidget(parent), history_(history) {
  sizeChart_ = MakeChart(tr("Size over time (MB)"));
  connectionChart_ = MakeChart(tr("Open connections"));
  sizeView_ = new QChartView(sizeChart_, this);
  sizeView_->setObjectName(QStringLiteral("activitySizeChart"));
  sizeView_->setRenderHint(QPainter::Antialiasing);
  connectionView_ = new QChartView(connectionChart_, this);
  connectionView_->setObjectName(QStringLiteral("activityConnectionChart"));
  connectionView_->setRenderHint(QPainter::Antialiasing);
  empty_ = new QLabel(tr("Activity appears here as the daemon is sampled (every few seconds)."), this);
  empty_->setAlignment(Qt::AlignCenter);
  empty_->setWordWrap(true);

  sizeView_->setMinimumHeight(220);
  connectionView_->setMinimumHeight(220);
  auto* charts = new QHBoxLayout;
  charts->addWidget(sizeView_, 1);
  charts->addWidget(connectionView_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(charts, 1);
  layout->addWidget(empty_);
  connect(history_, &ActivityHistory::changed, this, &ActivityChartView::rebuild);
  rebuild();
}

void ActivityChartView::setDark(bool dark) {
  const auto theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
  sizeChart_->setTheme(theme);
  connectionChart_->setTheme(theme);
  rebuild();
}

void ActivityChartView::rebuild() {
  ClearChart(sizeChart_);
  ClearChart(connectionChart_);
  const auto& samples = history_->samples();
  const bool empty = samples.empty();
  sizeView_->setVisible(!empty);
  connectionView_->setVisible(!empty);
  empty_->setVisible(empty);
  if (empty) return;

  const qint64 firstMs = samples.front().unixMs;
  const qint64 lastMs = samples.back().unixMs;
  AddTimeAxis(sizeChart_, firstMs, lastMs);
  AddTimeAxis(connectionChart_, firstMs, lastMs);
  auto* sizeAxis = new QValueAxis;
  sizeAxis->setLabelFormat(QStringLiteral("%.2f"));
  sizeAxis->setMin(0);
  sizeChart_->addAxis(sizeAxis, Qt::AlignLeft);
  auto* connectionAxis = new QValueAxis;
  connectionAxis->setLabelFormat(QStringLiteral("%d"));
  connectionAxis->setMin(0);
  connectionChart_->addAxis(connectionAxis, Qt::AlignLeft);

  double maxSize = 0;
  int maxConnections = 0;
  for (const std::string& name : Chosen(samples.back(), kMaxLines)) {
    auto* sizes = new QLineSeries;
    auto* connections = new QLineSeries;
    // Few samples (just started): dots, so a single sample is visible too.
    sizes->setPointsVisible(samples.size() < 20);
    connections->setPointsVisible(samples.size() < 20);
    sizes->setName(QString::fromStdString(name));
    connections->setName(QString::fromStdString(name));
    for (const auto& sample : samples) {
      auto it = sample.databases.find(name);
      if (it == sample.databases.end()) continue;  // did not exist then
      const double mb = static_cast<double>(it->second.sizeBytes) / 1e6;
      sizes->append(static_cast<qreal>(sample.unixMs), mb);
      connections->append(static_cast<qreal>(sample.unixMs), it->second.connections);
      maxSize = std::max(maxSize, mb);
      maxConnections = std::max(maxConnections, it->second.connections);
    }
    sizeChart_->addSeries(sizes);
    connectionChart_->addSeries(connections);
    for (QAbstractAxis* axis : sizeChart_->axes()) sizes->attachAxis(axis);
    for (QAbstractAxis* axis : connectionChart_->axes()) connections->attachAxis(axis);
  }
  sizeAxis->setMax(maxSize > 0 ? maxSize * 1.15 : 1.0);
  // Whole connections only: ticks every 1 (or every n when there are many).
  const int top = std::max(maxConnections + 1, 2);
  connectionAxis->setMax(top);
  connectionAxis->setTickType(QValueAxis::TicksDynamic);
  connectionAxis->setTickAnchor(0);
  connectionAxis->setTickInterval(std::max(1, (top + 4) / 5));
}

}  // namespace db9::gui
