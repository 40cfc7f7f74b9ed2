// EventSubscription: a dedicated connection that sent "subscribe" and a thread
// that reads event lines from it until the owner destroys it.
#include <atomic>
#include <thread>

#include "shared/base/sqlstate.h"
#include "shared/control/client.h"
#include "shared/control/connection.h"
#include "shared/control/json_codec.h"

namespace db9::control {

namespace {

using nlohmann::json;

class EventSubscriptionImpl : public EventSubscription {
 public:
  EventSubscriptionImpl(std::unique_ptr<Connection> connection,
                        std::function<void(const Event&)> on_event,
                        std::function<void(const Status&)> on_closed)
      : connection_(std::move(connection)),
        on_event_(std::move(on_event)),
        on_closed_(std::move(on_closed)) {
    thread_ = std::thread([this] { Run(); });
  }

  ~EventSubscriptionImpl() override {
    stopping_ = true;
    connection_->Shutdown();  // wakes the reader with "connection lost"
    thread_.join();
  }

 private:
  void Run() {
    while (true) {
      // Events have no deadline; wake up now and then only to re-arm.
      auto line = connection_->ReadLine(std::chrono::steady_clock::now() + std::chrono::hours(1));
      if (!line.ok()) {
        if (line.status().sqlstate() == sqlstate::kQueryCanceled) continue;
        if (!stopping_ && on_closed_) on_closed_(line.status());
        return;
      }
      json message = json::parse(*line, nullptr, /*allow_exceptions=*/false);
      if (!message.is_object() || !message.contains("event")) continue;
      auto event = Decode<Event>(message, "event");
      if (event.ok() && on_event_) on_event_(*event);
    }
  }

  std::unique_ptr<Connection> connection_;
  std::function<void(const Event&)> on_event_;
  std::function<void(const Status&)> on_closed_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace

Result<std::unique_ptr<EventSubscription>> EventSubscription::Start(
    ClientOptions options, std::function<void(const Event&)> on_event,
    std::function<void(const Status&)> on_closed) {
  std::string path = options.socket_path.empty() ? DefaultControlSocketPath() : options.socket_path;
  DB9_ASSIGN_OR_RETURN(auto connection, Connection::Open(path));
  DB9_RETURN_IF_ERROR(connection->WriteLine(json({{"id", 1}, {"op", "subscribe"}}).dump()));
  auto deadline = std::chrono::steady_clock::now() + options.timeout;
  while (true) {
    DB9_ASSIGN_OR_RETURN(std::string line, connection->ReadLine(deadline));
    json response = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!response.is_object() || response.contains("event")) continue;
    if (!response.value("ok", false)) return ErrorFromJson(response.value("error", json::object()));
    break;
  }
  return std::unique_ptr<EventSubscription>(
      new EventSubscriptionImpl(std::move(connection), std::move(on_event), std::move(on_closed)));
}

}  // namespace db9::control
