#include "gui/services/event_listener.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include "shared/control/client.h"

namespace db9::gui {

EventListener::EventListener(QString socketPath, QObject* parent)
    : QObject(parent), socketPath_(std::move(socketPath)) {
  // Connecting is a blocking socket call; it gets its own thread so neither
  // the UI nor the request queue of ControlService waits on it.
  thread_ = new QThread(this);
  thread_->setObjectName(QStringLiteral("db9-events"));
  worker_ = new QObject;
  worker_->moveToThread(thread_);
  thread_->start();
}

EventListener::~EventListener() {
  stop();
  thread_->quit();
  thread_->wait();
  delete worker_;  // its thread has ended; nothing runs in its context now
}

void EventListener::setSocketPath(const QString& path) {
  if (path == socketPath_) return;
  socketPath_ = path;
  stop();
}

void EventListener::start() {
  if (listening_ || starting_) return;
  starting_ = true;
  const quint64 generation = generation_;
  QPointer<EventListener> self(this);
  control::ClientOptions options;
  options.socket_path = socketPath_.toStdString();
  options.client_name = "db9-desktop-events";
  QMetaObject::invokeMethod(worker_, [self, options, generation] {
    // The callbacks run on the subscription's own thread; each hops to the
    // UI thread through the listener, and is dropped if it has gone.
    auto onEvent = [self, generation](const control::Event& event) {
      QMetaObject::invokeMethod(self.data(), [self, event, generation] {
        if (self && self->generation_ == generation) emit self->eventReceived(event);
      }, Qt::QueuedConnection);
    };
    auto onClosed = [self, generation](const Status& status) {
      const QString message = QString::fromStdString(std::string(status.message()));
      QMetaObject::invokeMethod(self.data(), [self, message, generation] {
        if (!self || self->generation_ != generation) return;
        self->listening_ = false;
        // Released on the UI thread, not on its own callback thread.
        self->subscription_.reset();
        emit self->closed(message);
      }, Qt::QueuedConnection);
    };
    auto started = control::EventSubscription::Start(options, onEvent, onClosed);
    std::shared_ptr<control::EventSubscription> subscription;
    QString error;
    if (started.ok()) {
      subscription = std::move(started).value();
    } else {
      error = QString::fromStdString(std::string(started.status().message()));
    }
    QMetaObject::invokeMethod(self.data(), [self, subscription, error, generation] {
      if (!self) return;
      self->starting_ = false;
      if (!subscription) {
        emit self->closed(error);
        return;
      }
      self->onStarted(subscription, generation);
    }, Qt::QueuedConnection);
  }, Qt::QueuedConnection);
}

void EventListener::onStarted(std::shared_ptr<control::EventSubscription> subscription,
                              quint64 generation) {
  if (generation != generation_) return;  // stop() came in between: drop it
  subscription_ = std::move(subscription);
  listening_ = true;
  emit listening();
}

void EventListener::stop() {
  ++generation_;
  listening_ = false;
  subscription_.reset();
}

}  // namespace db9::gui
