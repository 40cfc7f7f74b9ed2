// EventListener: keeps a subscription to db9d's pushed events
// (shared/control EventSubscription) and re-emits each on the UI thread, so a
// database created from the CLI shows up in the window without a refresh.
//
// The subscription needs a running daemon. start() tries once (off the UI
// thread); when the daemon goes away, `closed` is emitted and the owner calls
// start() again once the daemon is back (the status bar polls for that).
#pragma once

#include <QObject>
#include <QString>

#include <memory>

#include "shared/control/types.h"

class QThread;

namespace db9::control {
class EventSubscription;
}

namespace db9::gui {

class EventListener : public QObject {
  Q_OBJECT
 public:
  explicit EventListener(QString socketPath = {}, QObject* parent = nullptr);
  ~EventListener() override;

  void setSocketPath(const QString& path);
  bool isListening() const { return listening_; }

  // Subscribes unless already subscribed or already trying.
  void start();
  void stop();

 signals:
  void listening();
  void eventReceived(const db9::control::Event& event);
  // The daemon ended the subscription, or it could not be made.
  void closed(const QString& message);

 private:
  void onStarted(std::shared_ptr<control::EventSubscription> subscription, quint64 generation);

  QString socketPath_;
  QThread* thread_ = nullptr;
  QObject* worker_ = nullptr;
  std::shared_ptr<control::EventSubscription> subscription_;
  bool listening_ = false;
  bool starting_ = false;
  // Bumped by stop(): callbacks of an older subscription are ignored.
  quint64 generation_ = 0;
};

}  // namespace db9::gui
