// SizeChartView: the databases' sizes on disk as a horizontal bar chart
// (Qt Charts), biggest first, redrawn whenever the database list changes.
#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace db9::gui {

class DatabaseListModel;

class SizeChartView : public QWidget {
  Q_OBJECT
 public:
  explicit SizeChartView(DatabaseListModel* model, QWidget* parent = nullptr);
  // Follows the app's light or dark look.
  void setDark(bool dark);
  // The largest number of bars drawn; smaller databases are summed as "others".
  static constexpr int kMaxBars = 15;

 private:
  void rebuild();

  DatabaseListModel* model_;
  QChart* chart_;
  QChartView* view_;
  QLabel* empty_;
};

}  // namespace db9::gui
