#include "gui/services/daemon_supervisor.h"

#include <QTimer>

#include "gui/services/control_service.h"
#include "gui/services/event_listener.h"

namespace db9::gui {
namespace {
// How long a freshly launched db9d may take to open its control socket
// (it opens the stores of all databases first).
constexpr int kStartTimeoutMs = 15000;
constexpr int kStartPollMs = 250;
// Events come in bursts (a pool opening ten connections): one refresh each
// 150 ms at most.
constexpr int kRefreshDebounceMs = 150;
}  // namespace

DaemonSupervisor::DaemonSupervisor(ControlService* service, EventListener* events,
                                   QObject* parent)
    : QObject(parent), service_(service), events_(events) {
  pollTimer_ = new QTimer(this);
  pollTimer_->setSingleShot(true);
  connect(pollTimer_, &QTimer::timeout, this, &DaemonSupervisor::poll);

  refreshDebounce_ = new QTimer(this);
  refreshDebounce_->setSingleShot(true);
  refreshDebounce_->setInterval(kRefreshDebounceMs);
  // daemon.info's answer (onInfo) also refreshes the list.
  connect(refreshDebounce_, &QTimer::timeout, service_, &ControlService::refreshDaemonInfo);

  connect(service_, &ControlService::daemonInfoReady, this, &DaemonSupervisor::onInfo);
  connect(service_, &ControlService::daemonUnreachable, this, &DaemonSupervisor::onUnreachable);
  connect(events_, &EventListener::eventReceived, this, &DaemonSupervisor::onEvent);
  // "Stop db9d" from the menu: show the result without waiting for a poll.
  connect(service_, &ControlService::daemonStopRequested, this, &DaemonSupervisor::poll);
  // The subscription ending means the daemon stopped or crashed: find out now
  // rather than at the next poll.
  connect(events_, &EventListener::closed, this, [this] {
    if (!pollInFlight_) poll();
  });
  // Events missed while not subscribed are caught up by one list refresh.
  connect(events_, &EventListener::listening, service_, &ControlService::refreshDatabases);
}

void DaemonSupervisor::setPollIntervals(int runningMs, int downMs) {
  runningIntervalMs_ = runningMs;
  downIntervalMs_ = downMs;
}

void DaemonSupervisor::start() { poll(); }

void DaemonSupervisor::poll() {
  pollTimer_->stop();
  pollInFlight_ = true;
  service_->refreshDaemonInfo();
}

void DaemonSupervisor::onInfo(const control::DaemonInfoResult& info) {
  pollInFlight_ = false;
  info_ = info;
  problem_.clear();
  setState(State::kRunning);
  emit infoChanged(info);
  // Sizes and table counts change without events: the slow poll refreshes
  // them (db.list is a local call; the model signals only what changed).
  service_->refreshDatabases();
  events_->start();  // no-op while subscribed
  pollTimer_->start(runningIntervalMs_);
}

void DaemonSupervisor::onUnreachable(const QString& message) {
  // Any request can report the daemon gone; only a poll's answer ends the
  // poll, but every such report updates the state.
  pollInFlight_ = false;
  if (state_ == State::kStarting) {
    if (startClock_.elapsed() < kStartTimeoutMs) {
      pollTimer_->start(kStartPollMs);
      return;
    }
    const QString log = DaemonLogTail(8);
    problem_ = log.isEmpty()
                   ? tr("db9d did not start within %1 seconds.").arg(kStartTimeoutMs / 1000)
                   : tr("db9d did not start. Its log (%1) ends with:\n%2").arg(DaemonLogPath(), log);
  } else {
    problem_ = message;
  }
  info_.reset();
  events_->stop();
  setState(State::kUnreachable);
  pollTimer_->start(downIntervalMs_);
}

void DaemonSupervisor::startDaemon(const DaemonLaunchOptions& options) {
  if (state_ == State::kRunning || state_ == State::kStarting) return;
  auto launched = LaunchDaemon(options);
  if (!launched.ok()) {
    problem_ = QString::fromStdString(std::string(launched.status().message()));
    setState(State::kUnreachable);
    return;
  }
  startClock_.start();
  problem_.clear();
  setState(State::kStarting);
  pollTimer_->start(kStartPollMs);
}

void DaemonSupervisor::onEvent(const control::Event& event) {
  emit eventReceived(event);
  if (event.kind == "daemon.stopping") {
    poll();
    return;
  }
  refreshDebounce_->start();
}

void DaemonSupervisor::setState(State state) {
  if (state == state_) return;
  state_ = state;
  emit stateChanged(state);
}

}  // namespace db9::gui
