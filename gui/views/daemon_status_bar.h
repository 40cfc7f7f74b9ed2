// The daemon's state where a person looks for it:
//   DaemonStatusBar: a compact line for the window's status bar — a coloured
//     dot, "db9d 0.1.0 on port 5433", the data directory (full path in the
//     tooltip), database and connection counts.
//   DaemonBanner: a strip across the top of the window while the daemon is
//     unreachable, saying so in plain words, with the reason and a Start
//     button.
// Both only present DaemonSupervisor's state; starting is its job.
#pragma once

#include <QFrame>
#include <QWidget>

class QLabel;
class QPushButton;

namespace db9::gui {

class DaemonSupervisor;

class DaemonStatusBar : public QWidget {
  Q_OBJECT
 public:
  explicit DaemonStatusBar(DaemonSupervisor* supervisor, QWidget* parent = nullptr);
  QString text() const;

 private:
  void update();

  DaemonSupervisor* supervisor_;
  QLabel* dot_;
  QLabel* text_;
};

class DaemonBanner : public QFrame {
  Q_OBJECT
 public:
  explicit DaemonBanner(DaemonSupervisor* supervisor, QWidget* parent = nullptr);
  QPushButton* startButton() const { return start_; }

 signals:
  void startRequested();

 private:
  void update();

  DaemonSupervisor* supervisor_;
  QLabel* headline_;
  QLabel* detail_;
  QPushButton* start_;
};

}  // namespace db9::gui
