#include "daemon/tenants/event_hub.h"

#include <vector>

namespace db9::tenants {

EventHub::EventHub() { thread_ = std::thread([this] { Run(); }); }

EventHub::~EventHub() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void EventHub::Publish(TenantEvent event) {
  {
    std::lock_guard lock(mu_);
    if (subscribers_.empty()) return;
    queue_.push_back(std::move(event));
  }
  wake_.notify_one();
}

int EventHub::Subscribe(std::function<void(const TenantEvent&)> callback) {
  std::lock_guard lock(mu_);
  int id = next_id_++;
  subscribers_[id] = std::make_shared<std::function<void(const TenantEvent&)>>(std::move(callback));
  return id;
}

void EventHub::Unsubscribe(int id) {
  {
    std::lock_guard lock(mu_);
    subscribers_.erase(id);
  }
  if (std::this_thread::get_id() != thread_.get_id()) {
    // Wait out a delivery that may have picked up this subscriber already.
    std::lock_guard wait(delivery_mu_);
  }
}

void EventHub::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and everything delivered
    TenantEvent event = std::move(queue_.front());
    queue_.pop_front();
    std::vector<int> ids;
    for (const auto& entry : subscribers_) ids.push_back(entry.first);
    lock.unlock();
    for (int id : ids) {
      std::lock_guard delivering(delivery_mu_);
      std::shared_ptr<std::function<void(const TenantEvent&)>> callback;
      {
        // Re-check under mu_: an Unsubscribe that returned must not see a call.
        std::lock_guard check(mu_);
        auto it = subscribers_.find(id);
        if (it == subscribers_.end()) continue;
        callback = it->second;
      }
      (*callback)(event);
    }
    lock.lock();
  }
}

}  // namespace db9::tenants
