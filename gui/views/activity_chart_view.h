// ActivityChartView: two line charts (Qt Charts) over the ActivityHistory —
// each database's size on disk and its open connections over time — redrawn
// at every sample. The largest kMaxLines databases get a line each; shown
// beside the size bar chart.
#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace db9::gui {

class ActivityHistory;

class ActivityChartView : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kMaxLines = 6;

  explicit ActivityChartView(ActivityHistory* history, QWidget* parent = nullptr);
  void setDark(bool dark);
  QChart* sizeChart() const { return sizeChart_; }
  QChart* connectionChart() const { return connectionChart_; }

 private:
  void rebuild();

  ActivityHistory* history_;
  QChart* sizeChart_;
  QChart* connectionChart_;
  QChartView* sizeView_;
  QChartView* connectionView_;
  QLabel* empty_;
};

}  // namespace db9::gui
