// EventHub: fans TenantEvents out to subscribers on one delivery thread, so
// whoever publishes (a connection closing, a control request) never runs
// subscriber code or waits for it.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "daemon/tenants/tenant_manager.h"

namespace db9::tenants {

class EventHub {
 public:
  EventHub();
  // Delivers what is queued, then stops the thread.
  ~EventHub();

  void Publish(TenantEvent event);
  int Subscribe(std::function<void(const TenantEvent&)> callback);
  // Once this returns, the callback is not running and will not run again
  // (unless called from inside a callback, where it only prevents later calls).
  void Unsubscribe(int id);

 private:
  void Run();

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<TenantEvent> queue_;
  std::map<int, std::shared_ptr<std::function<void(const TenantEvent&)>>> subscribers_;
  int next_id_ = 1;
  bool stopping_ = false;
  // Held while a callback runs, so Unsubscribe can wait for it to finish.
  std::mutex delivery_mu_;
  std::thread thread_;
};

}  // namespace db9::tenants
