// DaemonSupervisor: knows whether db9d is up and keeps the app in step with
// it. It polls daemon.info (slowly while the daemon runs, faster while it is
// down, so a daemon started from a terminal is noticed within seconds), holds
// the event subscription while the daemon runs, and turns pushed events into
// database-list refreshes, debounced so a burst of connection events costs
// one db.list.
//
// It can also start the daemon (DaemonLauncher) and then waits for its
// control socket to answer, reporting the daemon's own log lines if it never
// does.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <optional>

#include "gui/services/daemon_launcher.h"
#include "shared/control/types.h"

class QTimer;

namespace db9::gui {

class ControlService;
class EventListener;

class DaemonSupervisor : public QObject {
  Q_OBJECT
 public:
  enum class State { kUnknown, kRunning, kUnreachable, kStarting };
  Q_ENUM(State)

  DaemonSupervisor(ControlService* service, EventListener* events, QObject* parent = nullptr);

  State state() const { return state_; }
  // Set while running.
  const std::optional<control::DaemonInfoResult>& info() const { return info_; }
  // Why the daemon is unreachable, or why starting it failed.
  QString problem() const { return problem_; }

  // Polls now and then keeps polling.
  void start();
  // Launches db9d with `options` and waits for it to answer.
  void startDaemon(const DaemonLaunchOptions& options);
  // Poll intervals; tests shorten them.
  void setPollIntervals(int runningMs, int downMs);

 signals:
  void stateChanged(db9::gui::DaemonSupervisor::State state);
  void infoChanged(const db9::control::DaemonInfoResult& info);
  // A pushed event arrived (already applied as a list refresh).
  void eventReceived(const db9::control::Event& event);

 private:
  void poll();
  void onInfo(const control::DaemonInfoResult& info);
  void onUnreachable(const QString& message);
  void onEvent(const control::Event& event);
  void setState(State state);

  ControlService* service_;
  EventListener* events_;
  QTimer* pollTimer_;
  QTimer* refreshDebounce_;
  State state_ = State::kUnknown;
  std::optional<control::DaemonInfoResult> info_;
  QString problem_;
  int runningIntervalMs_ = 5000;
  int downIntervalMs_ = 2000;
  QElapsedTimer startClock_;  // while kStarting
  bool pollInFlight_ = false;
};

}  // namespace db9::gui
